//! Shared pieces of the unit tests.

use std::path::Path;

use knowledge::SearchIndex;

/// The index of the demo city's content (`knowledge/demo`), which must load without errors.
pub fn demo_index() -> SearchIndex {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../knowledge/demo");
    let (kb, problems) = knowledge::load(&root);
    assert!(!problems.iter().any(|p| p.is_error()), "{problems:?}");
    SearchIndex::build(&kb.expect("demo content")).expect("the demo content indexes")
}
