//! The content parser: any text as an entry file (`<root>/<lang>/<topic>/<id>.md`, TOML
//! front matter between `+++` lines, then Markdown).
//!
//! Properties: parsing never panics; every problem points at a line of the file; an entry
//! that parses, written back with the entry-file writer, parses again to the same entry.

#![no_main]

use std::path::Path;

use knowledge::entry_file::EntryFile;
use knowledge::parse_entry;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("content/en/topic/entry.md");
    match parse_entry(path, "en", text) {
        Ok(entry) => {
            let written = EntryFile::from_entry(&entry).render();
            let again = parse_entry(path, "en", &written).unwrap_or_else(|problems| {
                panic!("the writer's output does not parse: {problems:?}\n---\n{written}")
            });
            assert_eq!(
                EntryFile::from_entry(&again),
                EntryFile::from_entry(&entry),
                "the entry changed when written and read back\n---\n{written}"
            );
        }
        Err(problems) => {
            assert!(!problems.is_empty(), "an error without a problem");
            let lines = text.lines().count().max(1) + 1;
            for problem in &problems {
                assert!(
                    problem.line >= 1 && problem.line <= lines,
                    "problem on line {} of a {lines}-line file: {problem:?}",
                    problem.line
                );
            }
        }
    }
});
