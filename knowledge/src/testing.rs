//! Small knowledge bases on disk, for unit tests.

use crate::check::{CONFIG_FILE, KnowledgeBase, load};
use std::fs;

/// Settings with English (default) and Spanish, a partial Korean, and two topics.
pub const CONFIG: &str = r#"site = "t"
name = "Test"
languages = ["en", "es"]
partial_languages = ["ko"]
default_language = "en"
[topics.trash]
en = "Trash"
es = "Basura"
ko = "쓰레기"
[topics.water]
en = "Water"
es = "Agua"
ko = "수도"
"#;

/// An entry file: `front` is extra front matter (whole lines), `body` the answer.
pub fn entry(id: &str, topic: &str, title: &str, front: &str, body: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\nkind = \"faq\"\ntitle = \"{title}\"\ntopic = \"{topic}\"\n\
         status = \"published\"\nlast_reviewed = 2026-10-01\nowner = \"PW\"\n\
         url = \"https://x.example/{id}\"\n{front}+++\n{body}\n"
    )
}

/// A knowledge base in a temporary folder.
pub struct TestBase {
    dir: tempfile::TempDir,
}

impl TestBase {
    /// An empty base with [`CONFIG`].
    pub fn new() -> Self {
        let base = Self {
            dir: tempfile::tempdir().expect("temporary folder"),
        };
        base.write(CONFIG_FILE, CONFIG);
        for lang in ["en", "es", "ko"] {
            fs::create_dir_all(base.dir.path().join(lang)).expect("folder created");
        }
        base
    }

    /// Writes `text` to `rel` under the folder.
    pub fn write(&self, rel: &str, text: &str) {
        let path = self.dir.path().join(rel);
        fs::create_dir_all(path.parent().expect("a parent")).expect("folder created");
        fs::write(path, text).expect("file written");
    }

    /// Loads the base; panics on errors (warnings are fine).
    pub fn load(&self) -> KnowledgeBase {
        let (kb, problems) = load(self.dir.path());
        assert!(!problems.iter().any(|p| p.is_error()), "{problems:#?}");
        kb.expect("the base loads")
    }
}
