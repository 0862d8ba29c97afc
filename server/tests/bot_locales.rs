//! Every `locales/<tag>/bot.ftl` parses and has exactly the English messages, attributes and
//! variables, so the bot never answers a resident with a gap or a raw `{ $site }`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn locales_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the server crate sits in the workspace")
        .join("locales")
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Every folder of `locales/`, by name.
fn locale_folders() -> Vec<String> {
    let mut folders: Vec<String> = std::fs::read_dir(locales_dir())
        .expect("locales/ is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.is_dir())
        .filter_map(|path| Some(path.file_name()?.to_str()?.to_owned()))
        .collect();
    folders.sort();
    folders
}

fn bot_path(lang: &str) -> PathBuf {
    locales_dir().join(lang).join("bot.ftl")
}

/// `locales/<lang>/bot.ftl` as a catalog, with its source.
fn bot_catalog(lang: &str) -> (i18n::Catalog, String) {
    let path = bot_path(lang);
    let source = read(&path);
    let catalog = i18n::Catalog::new(lang, &[(&path.display().to_string(), &source)])
        .unwrap_or_else(|e| panic!("{e}"));
    (catalog, source)
}

/// The variables (`$name`) used in each message and attribute of a Fluent source, keyed by
/// `id` for a message's value and `id.attr` for its attributes. Terms and comments are
/// skipped. Checked against [`i18n::message_ids`] by the tests that use it.
fn variables_by_entry(source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut entries: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    // The message being read and the key (`id` or `id.attr`) its text belongs to.
    let mut message: Option<String> = None;
    let mut key = String::new();
    // Nesting depth of `{ }` and whether a string literal inside a placeable is open.
    let mut depth = 0_usize;
    let mut in_string = false;
    for line in source.lines() {
        let text = if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let (id, rest) = line.split_once('=').unwrap_or((line, ""));
            let id = id.trim().to_owned();
            entries.entry(id.clone()).or_default();
            key.clone_from(&id);
            message = Some(id);
            (depth, in_string) = (0, false);
            rest
        } else if line.starts_with(' ') && message.is_some() {
            let trimmed = line.trim_start();
            let attribute = trimmed
                .strip_prefix('.')
                .and_then(|rest| rest.split_once('='))
                .filter(|_| depth == 0);
            match (attribute, &message) {
                (Some((name, rest)), Some(id)) => {
                    key = format!("{id}.{}", name.trim());
                    entries.entry(key.clone()).or_default();
                    rest
                }
                _ => trimmed,
            }
        } else {
            if !line.trim().is_empty() {
                // A comment or a term ends the message.
                message = None;
            }
            continue;
        };
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if in_string => {
                    chars.next();
                }
                '"' if depth > 0 => in_string = !in_string,
                _ if in_string => {}
                '{' => depth += 1,
                '}' => depth = depth.saturating_sub(1),
                '$' if depth > 0 => {
                    let mut name = String::new();
                    while let Some(&next) = chars.peek() {
                        if next.is_ascii_alphanumeric() || next == '-' || next == '_' {
                            name.push(next);
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    entries.entry(key.clone()).or_default().insert(name);
                }
                _ => {}
            }
        }
    }
    entries
}

/// The messages, attributes and variables of `locales/<lang>/bot.ftl`.
fn bot_entries(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let (_, source) = bot_catalog(lang);
    let entries = variables_by_entry(&source);
    let scanned: BTreeSet<&str> = entries
        .keys()
        .filter(|k| !k.contains('.'))
        .map(String::as_str)
        .collect();
    let parsed =
        i18n::message_ids(&source).unwrap_or_else(|e| panic!("{}: {e}", bot_path(lang).display()));
    assert_eq!(
        scanned,
        parsed.iter().map(String::as_str).collect(),
        "{}: the test's scan disagrees with the Fluent parser",
        bot_path(lang).display()
    );
    entries
}

#[test]
fn every_locale_folder_has_a_bot_catalog_that_parses() {
    let folders = locale_folders();
    assert!(
        folders.iter().any(|f| f == "en") && folders.len() >= 2,
        "{folders:?}"
    );
    for lang in &folders {
        let path = bot_path(lang);
        assert!(path.is_file(), "missing {}", path.display());
        bot_catalog(lang);
    }
}

#[test]
fn every_locale_has_the_english_messages_and_variables() {
    let en = bot_entries("en");
    assert!(!en.is_empty(), "locales/en/bot.ftl has no messages");
    for lang in locale_folders() {
        let entries = bot_entries(&lang);
        let keys: BTreeSet<&String> = entries.keys().collect();
        let en_keys: BTreeSet<&String> = en.keys().collect();
        let missing: Vec<&&String> = en_keys.difference(&keys).collect();
        let extra: Vec<&&String> = keys.difference(&en_keys).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "locales/{lang}/bot.ftl: missing {missing:?}, not in English {extra:?}"
        );
        for (key, variables) in &en {
            assert_eq!(
                &entries[key], variables,
                "locales/{lang}/bot.ftl: `{key}` must use exactly English's variables"
            );
        }
    }
}

#[test]
fn every_message_formats_with_the_english_arguments() {
    let en = bot_entries("en");
    for lang in locale_folders() {
        let (catalog, _) = bot_catalog(&lang);
        for (key, variables) in &en {
            let values: Vec<String> = variables.iter().map(|v| format!("<{v}>")).collect();
            let args: Vec<(&str, &str)> = variables
                .iter()
                .zip(&values)
                .map(|(name, value)| (name.as_str(), value.as_str()))
                .collect();
            let text = match key.split_once('.') {
                Some((id, attr)) => catalog.format_attr(id, attr, &args),
                None => {
                    assert!(
                        catalog.has(key),
                        "locales/{lang}/bot.ftl: `{key}` has no value"
                    );
                    catalog.format(key, &args)
                }
            };
            assert!(
                !text.trim().is_empty() && !text.contains("{$") && !text.contains("{???}"),
                "locales/{lang}/bot.ftl: `{key}` formats as {text:?}"
            );
            for value in &values {
                assert!(
                    text.contains(value.as_str()),
                    "locales/{lang}/bot.ftl: `{key}` does not show {value}: {text:?}"
                );
            }
        }
    }
}

#[test]
fn the_variable_scan_sees_values_attributes_and_selectors() {
    let source = "# c\n-term = T\nhello = Hi { $name }\n    .title = { $count ->\n        [one] one\n       *[other] { $count } of { $total }\n    }\nplain = \"$5\" fee\n";
    let entries = variables_by_entry(source);
    let set = |vars: &[&str]| {
        vars.iter()
            .map(|v| (*v).to_owned())
            .collect::<BTreeSet<_>>()
    };
    assert_eq!(entries.len(), 3, "{entries:?}");
    assert_eq!(entries["hello"], set(&["name"]));
    assert_eq!(entries["hello.title"], set(&["count", "total"]));
    assert_eq!(entries["plain"], set(&[]));
}
