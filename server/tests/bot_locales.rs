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

/// The messages, attributes and variables of `locales/<lang>/bot.ftl`.
fn bot_entries(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let (_, source) = bot_catalog(lang);
    i18n::message_variables(&source).unwrap_or_else(|e| panic!("{}: {e}", bot_path(lang).display()))
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
    let en = read(&bot_path("en"));
    assert!(
        !bot_entries("en").is_empty(),
        "locales/en/bot.ftl has no messages"
    );
    for lang in locale_folders() {
        let problems = i18n::compare_with_reference(&en, &read(&bot_path(&lang)))
            .unwrap_or_else(|e| panic!("locales/{lang}/bot.ftl: {e}"));
        assert!(problems.is_empty(), "locales/{lang}/bot.ftl: {problems:#?}");
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
            // `<name>_plural` variables carry a plural category (`one`, `few`, …) that only
            // selects a variant; they are never shown.
            for (name, value) in variables.iter().zip(&values) {
                if name.ends_with("_plural") {
                    continue;
                }
                assert!(
                    text.contains(value.as_str()),
                    "locales/{lang}/bot.ftl: `{key}` does not show {value}: {text:?}"
                );
            }
        }
    }
}
