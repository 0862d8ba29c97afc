//! Every UI string the widget uses exists in English, and every locale has exactly the
//! English message ids.

use std::collections::BTreeSet;
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

fn widget_ids(lang: &str) -> BTreeSet<String> {
    let path = repo_root().join("locales").join(lang).join("widget.ftl");
    let source = read(&path);
    i18n::Catalog::new(lang, &[(&path.display().to_string(), &source)])
        .unwrap_or_else(|e| panic!("{e}"));
    i18n::message_ids(&source)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .into_iter()
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
    used.extend(ErrorCode::ALL.into_iter().map(ids::error));
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
    assert_eq!(locale::BUILTIN_EN, read(&path));
}
