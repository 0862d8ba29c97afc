//! Every UI string the widget uses exists in English, and every locale in
//! `locale::AVAILABLE` parses and has exactly the English messages, attributes and variables.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use protocol::ErrorCode;
use wayfinder_widget::{ids, locale};

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the widget crate sits in the workspace")
        .to_path_buf()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn widget_path(lang: &str) -> PathBuf {
    repo_root().join("locales").join(lang).join("widget.ftl")
}

fn widget_ids(lang: &str) -> BTreeSet<String> {
    let path = widget_path(lang);
    let source = read(&path);
    i18n::Catalog::new(lang, &[(&path.display().to_string(), &source)])
        .unwrap_or_else(|e| panic!("{e}"));
    i18n::message_ids(&source)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .into_iter()
        .collect()
}

/// The messages, attributes and variables of `locales/<lang>/widget.ftl`.
fn widget_entries(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let path = widget_path(lang);
    i18n::message_variables(&read(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The folders of `locales/` that have a `widget.ftl`.
fn widget_folders() -> BTreeSet<String> {
    std::fs::read_dir(repo_root().join("locales"))
        .expect("locales/ is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.join("widget.ftl").is_file())
        .filter_map(|path| Some(path.file_name()?.to_str()?.to_owned()))
        .collect()
}

/// The string literals of `pub const NAME: &str = "...";` lines in `src/ids.rs`.
fn ids_in_source() -> Vec<String> {
    let source = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ids.rs"));
    source
        .lines()
        .filter_map(|line| line.trim().strip_prefix("pub const "))
        .filter_map(|rest| rest.split_once(": &str = \""))
        .filter_map(|(_, value)| value.split_once('"'))
        .map(|(id, _)| id.to_owned())
        .collect()
}

#[test]
fn every_id_the_widget_uses_is_in_english() {
    let en = widget_ids("en");
    let mut used: Vec<String> = ids_in_source();
    assert!(
        used.len() >= ids::ALL.len(),
        "ids.rs was not parsed: {used:?}"
    );
    used.extend(ids::ALL.iter().map(|id| (*id).to_owned()));
    used.extend(
        ErrorCode::ALL
            .into_iter()
            .filter(|c| c.reaches_residents())
            .map(ids::error),
    );
    let missing: Vec<&String> = used.iter().filter(|id| !en.contains(*id)).collect();
    assert!(
        missing.is_empty(),
        "missing from locales/en/widget.ftl: {missing:?}"
    );
}

#[test]
fn every_const_in_ids_is_listed_in_all() {
    let unlisted: Vec<String> = ids_in_source()
        .into_iter()
        .filter(|id| !ids::ALL.contains(&id.as_str()))
        .collect();
    assert!(unlisted.is_empty(), "add to ids::ALL: {unlisted:?}");
}

#[test]
fn message_ids_come_only_from_the_ids_module() {
    // A literal id passed straight to `get` would escape the checks above.
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in std::fs::read_dir(&src).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|ext| ext == "rs") {
            let text = read(&path);
            assert!(
                !text.contains(".get(\"") || path.ends_with("texts.rs"),
                "{}: pass an `ids::` constant to Texts::get, not a literal",
                path.display()
            );
        }
    }
}

#[test]
fn every_locale_has_the_english_ids() {
    let en = widget_ids("en");
    for lang in locale::AVAILABLE {
        let ids = widget_ids(lang);
        let missing: Vec<&String> = en.difference(&ids).collect();
        let extra: Vec<&String> = ids.difference(&en).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "locales/{lang}/widget.ftl: missing {missing:?}, not in English {extra:?}"
        );
    }
}

#[test]
fn built_in_english_is_the_file_on_disk() {
    let path = repo_root().join("locales/en/widget.ftl");
    let compiled = i18n::compile("en", "locales/en/widget.ftl", &read(&path))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(locale::BUILTIN_EN, compiled);
}

#[test]
fn every_locale_compiles_for_the_widget() {
    for lang in locale::AVAILABLE {
        let path = widget_path(lang);
        i18n::compile(lang, &path.display().to_string(), &read(&path))
            .unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn every_locale_folder_is_available_and_every_available_locale_has_a_folder() {
    let folders = widget_folders();
    let available: BTreeSet<String> = locale::AVAILABLE.iter().map(|t| (*t).to_owned()).collect();
    assert_eq!(
        folders, available,
        "locales/*/widget.ftl and locale::AVAILABLE differ"
    );
}

#[test]
fn every_locale_has_the_english_attributes_and_variables() {
    let en = read(&widget_path("en"));
    for lang in locale::AVAILABLE {
        let problems = i18n::compare_with_reference(&en, &read(&widget_path(lang)))
            .unwrap_or_else(|e| panic!("locales/{lang}/widget.ftl: {e}"));
        assert!(
            problems.is_empty(),
            "locales/{lang}/widget.ftl: {problems:#?}"
        );
    }
}

#[test]
fn every_message_formats_without_unresolved_placeables() {
    let en = widget_entries("en");
    for lang in locale::AVAILABLE {
        let path = widget_path(lang);
        let source = read(&path);
        let catalog = i18n::Catalog::new(lang, &[(&path.display().to_string(), &source)])
            .unwrap_or_else(|e| panic!("{e}"));
        for (key, variables) in &en {
            let args: Vec<(&str, &str)> = variables.iter().map(|v| (v.as_str(), "X")).collect();
            let text = match key.split_once('.') {
                Some((id, attr)) => catalog.format_attr(id, attr, &args),
                None => {
                    assert!(
                        catalog.has(key),
                        "locales/{lang}/widget.ftl: `{key}` has no value"
                    );
                    catalog.format(key, &args)
                }
            };
            assert!(
                !text.trim().is_empty() && !text.contains("{$") && !text.contains("{???}"),
                "locales/{lang}/widget.ftl: `{key}` formats as {text:?}"
            );
        }
    }
}

#[test]
fn the_loader_has_each_locales_launcher_label() {
    let loader = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("loader/widget.js"));
    assert!(
        loader.is_ascii(),
        "loader/widget.js: escape non-ASCII text as \\uXXXX"
    );
    for lang in locale::AVAILABLE {
        let path = widget_path(lang);
        let source = read(&path);
        let catalog = i18n::Catalog::new(lang, &[(&path.display().to_string(), &source)])
            .unwrap_or_else(|e| panic!("{e}"));
        let label: String = catalog
            .format(ids::LAUNCHER, &[])
            .encode_utf16()
            .map(|unit| match char::from_u32(unit.into()) {
                Some(c) if c.is_ascii() && c != '\'' && c != '\\' => c.to_string(),
                _ => format!("\\u{unit:04x}"),
            })
            .collect();
        let key = if lang.contains('-') {
            format!("'{lang}'")
        } else {
            (*lang).to_owned()
        };
        let entry = format!("    {key}: '{label}'");
        assert!(
            loader
                .lines()
                .any(|line| line.trim_end_matches(',') == entry),
            "loader/widget.js: LABELS needs `{entry}` (the launcher-label of {lang})"
        );
    }
}
