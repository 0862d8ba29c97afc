//! Walks every file of the demo city's knowledge base: it must check clean (no errors, no
//! warnings, none of the editorial warnings either, reviews measured from 2026-11-26), cover
//! every topic, and exist in every language.

use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn demo_content_checks_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("demo");
    let (kb, problems) = wayfinder_knowledge::load(&root);
    let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(listed.is_empty(), "{listed:#?}");
    let kb = kb.expect("knowledge.toml loads");
    assert_eq!(kb.config.site, "riverton");

    let files = count_md_files(&root);
    assert_eq!(kb.entries.len(), files, "every .md file is an entry");
    for lang in &kb.config.languages {
        let ids: BTreeSet<&str> = kb
            .entries
            .iter()
            .filter(|e| &e.lang == lang)
            .map(|e| e.id.as_str())
            .collect();
        assert!(ids.len() >= 40, "{lang} has only {} entries", ids.len());
    }
    let used: BTreeSet<&str> = kb.entries.iter().map(|e| e.topic.as_str()).collect();
    for topic in kb.config.topics.keys() {
        assert!(
            used.contains(topic.as_str()),
            "topic {topic} has no entries"
        );
    }
    for entry in &kb.entries {
        assert!(
            entry.url.starts_with("https://"),
            "{}: {}",
            entry.path.display(),
            entry.url
        );
        assert!(!entry.answer.short().is_empty(), "{}", entry.path.display());
    }
}

fn count_md_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .expect("read the content folder")
        .map(|e| e.expect("read a folder entry").path())
        .map(|p| {
            if p.is_dir() {
                count_md_files(&p)
            } else {
                usize::from(p.extension().is_some_and(|e| e == "md"))
            }
        })
        .sum()
}

#[test]
fn demo_content_passes_the_editorial_checks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("demo");
    let (kb, _) = wayfinder_knowledge::load(&root);
    let kb = kb.expect("knowledge.toml loads");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).expect("a date");
    let options = wayfinder_knowledge::CheckOptions::new(today);
    let listed: Vec<String> = wayfinder_knowledge::editorial_checks(&kb, &options)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(listed.is_empty(), "{listed:#?}");
}
