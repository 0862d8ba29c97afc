//! Records in and out: exporting the demo city and importing the export gives the same
//! entries, and imported files check clean.

use std::path::Path;

use chrono::NaiveDate;
use wayfinder_knowledge::entry_file::EntryFile;
use wayfinder_knowledge::export::{Format, export};
use wayfinder_knowledge::writer::{ImportOptions, import_rows};
use wayfinder_knowledge::{Kind, KnowledgeBase, csv_io, jsonl_io, load, open311};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date")
}

fn demo() -> KnowledgeBase {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("demo");
    let (kb, problems) = load(&root);
    assert!(!problems.iter().any(|p| p.is_error()), "{problems:#?}");
    kb.expect("the demo loads")
}

/// Loads `dir`, which must have no errors and no warnings other than missing translations.
fn load_clean(dir: &Path) -> KnowledgeBase {
    let (kb, problems) = load(dir);
    let serious: Vec<String> = problems
        .iter()
        .filter(|p| p.is_error() || !p.message.contains("translation"))
        .map(ToString::to_string)
        .collect();
    assert!(serious.is_empty(), "{serious:#?}");
    kb.expect("the import loads")
}

fn assert_same_entries(original: &KnowledgeBase, imported: &KnowledgeBase) {
    assert_eq!(original.entries.len(), imported.entries.len());
    for (a, b) in original.entries.iter().zip(&imported.entries) {
        assert_eq!((&a.lang, &a.id), (&b.lang, &b.id));
        assert_eq!(
            EntryFile::from_entry(a),
            EntryFile::from_entry(b),
            "{}",
            a.path.display()
        );
        assert_eq!(a.answer, b.answer, "{}", a.path.display());
    }
}

#[test]
fn exported_demo_imports_to_the_same_entries_in_both_formats() {
    let original = demo();
    for format in [Format::Jsonl, Format::Csv] {
        let dir = tempfile::tempdir().expect("a folder");
        let file = dir.path().join("export");
        let mut out = Vec::new();
        let n = export(&original, format, &mut out).expect("exported");
        assert_eq!(n, original.entries.len());
        std::fs::write(&file, &out).expect("written");
        let read = match format {
            Format::Jsonl => jsonl_io::read_rows(&file),
            Format::Csv => csv_io::read_rows(&file),
        }
        .expect("read back");
        assert!(read.problems.is_empty(), "{:?}", read.problems);

        let content = dir.path().join("content");
        let report = import_rows(&read, &ImportOptions::new(&content, today()), |_, _| {})
            .expect("imported");
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(report.written.len(), n);
        let imported = load_clean(&content);
        assert_eq!(imported.config.default_language, "en");
        assert_eq!(imported.config.languages, vec!["en", "es"]);
        assert_same_entries(&original, &imported);
    }
}

#[test]
fn an_open311_service_list_becomes_service_entries_that_check_clean() {
    let list = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/open311-services.json");
    let read = open311::read_rows(&list, "en").expect("a service list");
    assert!(read.problems.is_empty(), "{:?}", read.problems);
    let dir = tempfile::tempdir().expect("a folder");
    let options = ImportOptions {
        topic: "requests".into(),
        url: Some("https://sf311.org/".into()),
        ..ImportOptions::new(dir.path(), today())
    };
    let report = import_rows(&read, &options, |_, _| {}).expect("imported");
    assert_eq!(report.written.len(), 5, "{:?}", report.problems);
    let kb = load_clean(dir.path());
    assert!(
        wayfinder_knowledge::editorial_checks(
            &kb,
            &wayfinder_knowledge::CheckOptions::new(today())
        )
        .is_empty()
    );
    let dumping = kb
        .get("illegal-dumping", "en")
        .expect("an entry per service");
    assert_eq!(dumping.kind, Kind::Service);
    assert_eq!(dumping.title, "Illegal Dumping");
    assert_eq!(dumping.open311_service_code.as_deref(), Some("015"));
    assert_eq!(dumping.topic, "requests");
    assert!(dumping.keywords.contains(&"Illegal Dumping".to_owned()));
    assert!(
        dumping
            .answer
            .short()
            .starts_with("Identify someone that has dumped")
    );
    assert!(dumping.path.ends_with("en/requests/illegal-dumping.md"));
}
