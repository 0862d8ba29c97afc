//! A city's own wording for the bot's messages: `<content>/messages/<lang>.ftl` (Fluent, in the
//! content folder editors maintain) replaces messages of `locales/<lang>/bot.ftl` for that site
//! only — e.g. its own handoff text ("Our 311 team answers Monday to Friday…") or transcript
//! heading, or its privacy notice (`privacy-notice-*`, served by `GET /api/v1/privacy`). Only
//! existing message ids can be replaced, with the same variables, so a typo cannot silently
//! add a message nobody shows.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use anyhow::{Context as _, bail};
use i18n::Catalog;

/// Removes the messages named in `ids` (and their attributes) from Fluent `source`: a
/// message is its `id =` line and the indented lines after it.
fn without_messages(source: &str, ids: &BTreeSet<String>) -> String {
    let mut out = String::with_capacity(source.len());
    let mut skipping = false;
    for line in source.lines() {
        let starts_entry = !line.starts_with([' ', '\t']) && !line.is_empty();
        if starts_entry {
            let id = line.split('=').next().unwrap_or_default().trim();
            skipping = line.contains('=') && ids.contains(id);
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The variables each message of `source` uses, by id.
fn variables(source: &str, name: &str) -> anyhow::Result<BTreeMap<String, BTreeSet<String>>> {
    i18n::message_variables(source).with_context(|| format!("{name} is not valid Fluent"))
}

/// Builds the site's catalogs: for each language with an overrides file, the bot messages
/// with the site's wording in place. `base` holds the bot's own `(path, text)` per language.
pub fn load(
    content: &Path,
    site: &str,
    base: &HashMap<String, (String, String)>,
) -> anyhow::Result<HashMap<String, Catalog>> {
    let mut catalogs = HashMap::new();
    let folder = content.join("messages");
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Ok(catalogs);
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("ftl") {
            continue;
        }
        let lang = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_owned();
        let name = path.display().to_string();
        let Some((base_name, base_text)) = base.get(&lang) else {
            bail!(
                "{name}: site {site:?} words messages in {lang:?}, which has no locales/{lang}/bot.ftl"
            );
        };
        let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {name}"))?;
        let own = variables(&text, &name)?;
        let bot = variables(base_text, base_name)?;
        for (id, vars) in &own {
            let Some(expected) = bot.get(id) else {
                bail!("{name}: there is no bot message {id:?} to reword (see {base_name})");
            };
            if let Some(unknown) = vars.difference(expected).next() {
                bail!(
                    "{name}: {id} uses ${unknown}, which the bot does not give (it gives {expected:?})"
                );
            }
        }
        let ids: BTreeSet<String> = own.keys().cloned().collect();
        let rest = without_messages(base_text, &ids);
        let catalog = Catalog::new(&lang, &[(base_name, &rest), (&name, &text)])
            .with_context(|| format!("{name}: cannot combine with {base_name}"))?;
        tracing::info!(site, lang = %lang, messages = ids.len(), "site wording loaded");
        catalogs.insert(lang, catalog);
    }
    Ok(catalogs)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOT: &str = "# The bot.\nbot-answer = Here is what I found.\nbot-handoff = Sorry. { $site } can help.\n    .title = Help\naction-call = Call { $phone }\n";

    fn base() -> HashMap<String, (String, String)> {
        HashMap::from([("en".to_owned(), ("bot.ftl".to_owned(), BOT.to_owned()))])
    }

    #[test]
    fn a_site_rewords_a_message_and_keeps_the_others() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("messages")).unwrap();
        std::fs::write(
            dir.path().join("messages/en.ftl"),
            "bot-handoff = Our 311 team at { $site } answers weekdays.\n",
        )
        .unwrap();
        let catalogs = load(dir.path(), "riverton", &base()).unwrap();
        let en = &catalogs["en"];
        assert_eq!(
            en.format("bot-handoff", &[("site", "Riverton")]),
            "Our 311 team at Riverton answers weekdays."
        );
        assert_eq!(en.format("bot-answer", &[]), "Here is what I found.");
        assert_eq!(en.format("action-call", &[("phone", "311")]), "Call 311");
    }

    #[test]
    fn unknown_ids_and_variables_are_refused_with_the_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("messages")).unwrap();
        let path = dir.path().join("messages/en.ftl");
        std::fs::write(&path, "bot-handof = Typo.\n").unwrap();
        let err = load(dir.path(), "riverton", &base())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("en.ftl") && err.contains("bot-handof"),
            "{err}"
        );
        std::fs::write(&path, "bot-handoff = Call { $phone }.\n").unwrap();
        let err = load(dir.path(), "riverton", &base())
            .unwrap_err()
            .to_string();
        assert!(err.contains("$phone"), "{err}");
    }

    #[test]
    fn a_site_rewords_its_privacy_notice_with_the_notice_variables() {
        const NOTICE: &str = "privacy-notice = { $site } keeps questions { $days } { $days_plural ->\n        [one] day\n       *[other] days\n    }.\n";
        let base = HashMap::from([(
            "en".to_owned(),
            ("bot.ftl".to_owned(), format!("{BOT}{NOTICE}")),
        )]);
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("messages")).unwrap();
        let path = dir.path().join("messages/en.ftl");
        std::fs::write(
            &path,
            "privacy-notice = Riverton deletes what you type after { $days } { $days_plural ->\n        [one] day\n       *[other] days\n    }.\n",
        )
        .unwrap();
        let catalogs = load(dir.path(), "riverton", &base).unwrap();
        assert_eq!(
            catalogs["en"].format(
                "privacy-notice",
                &[("site", "Riverton"), ("days", "1"), ("days_plural", "one")]
            ),
            "Riverton deletes what you type after 1 day."
        );
        std::fs::write(&path, "privacy-notice = Call { $phone }.\n").unwrap();
        let err = load(dir.path(), "riverton", &base).unwrap_err().to_string();
        assert!(err.contains("$phone"), "{err}");
    }

    #[test]
    fn no_folder_means_no_wording() {
        let dir = tempfile::tempdir().unwrap();
        assert!(load(dir.path(), "riverton", &base()).unwrap().is_empty());
    }

    #[test]
    fn removing_a_message_removes_its_attributes() {
        let ids = BTreeSet::from(["bot-handoff".to_owned()]);
        let rest = without_messages(BOT, &ids);
        assert!(
            !rest.contains("bot-handoff") && !rest.contains(".title"),
            "{rest}"
        );
        assert!(rest.contains("action-call"));
    }
}
