//! Loading a whole knowledge base from disk and checking it as a whole.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::KbConfig;
use crate::diagnostic::Diagnostic;
use crate::entry::Entry;
use crate::parse::{key_line, parse_entry};

/// Name of the settings file at the root of a knowledge base.
pub const CONFIG_FILE: &str = "knowledge.toml";

/// A loaded knowledge base: its settings and every entry that parsed.
#[derive(Debug, Clone)]
pub struct KnowledgeBase {
    /// The folder it was read from.
    pub root: PathBuf,
    /// `knowledge.toml`.
    pub config: KbConfig,
    /// Entries in every language, sorted by language then id. Drafts included. Shared with
    /// the search indexes built from it, never copied.
    pub entries: Vec<Arc<Entry>>,
}

impl KnowledgeBase {
    /// The entry `id` in `lang`, if it exists.
    pub fn get(&self, id: &str, lang: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.id == id && e.lang == lang)
            .map(Arc::as_ref)
    }

    /// Published entries, the ones residents may see.
    pub fn published(&self) -> impl Iterator<Item = &Entry> {
        self.entries
            .iter()
            .filter(|e| e.is_published())
            .map(Arc::as_ref)
    }
}

/// Reads and checks the knowledge base in `root`.
///
/// Returns the knowledge base (with every entry that parsed, or `None` when `knowledge.toml`
/// itself is unusable) and every problem found, errors and warnings, sorted by path and line.
/// Callers decide what errors mean: the `check` command exits non-zero, the server refuses to
/// serve content with errors.
pub fn load(root: &Path) -> (Option<KnowledgeBase>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let config_path = root.join(CONFIG_FILE);
    let Some(config) = read_config(&config_path, &mut problems) else {
        return (None, problems);
    };

    let mut entries = Vec::new();
    for lang in config.all_languages() {
        let lang_dir = root.join(lang);
        if !lang_dir.is_dir() {
            problems.push(Diagnostic::error(
                &config_path,
                key_line_in_file(&config_path, "languages"),
                format!(
                    "language `{lang}` is listed but there is no folder {}",
                    lang_dir.display()
                ),
            ));
            continue;
        }
        for path in entry_files(&lang_dir, &mut problems) {
            match fs::read_to_string(&path) {
                Ok(text) => match parse_entry(&path, lang, &text) {
                    Ok(entry) => {
                        check_placement(&entry, &text, &lang_dir, &config, &mut problems);
                        entries.push(entry);
                    }
                    Err(errs) => problems.extend(errs),
                },
                Err(e) => problems.push(Diagnostic::error(
                    &path,
                    1,
                    format!("cannot read the file: {e}"),
                )),
            }
        }
    }
    warn_about_stray_folders(root, &config, &mut problems);
    check_duplicates(&mut entries, &mut problems);
    check_translations(&entries, &config, root, &mut problems);
    check_question_translations(&entries, &config, &mut problems);

    entries.sort_by(|a, b| (&a.lang, &a.id).cmp(&(&b.lang, &b.id)));
    crate::references::resolve_links(&mut entries, &config.default_language);
    crate::entry::share_urls(&mut entries);
    problems.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    // Collected into a new vector: collecting in place would keep the entries' buffer
    // (hundreds of bytes per entry) as the capacity of this vector of pointers.
    let mut shared = Vec::with_capacity(entries.len());
    shared.extend(entries.into_iter().map(Arc::new));
    let kb = KnowledgeBase {
        root: root.to_owned(),
        config,
        entries: shared,
    };
    (Some(kb), problems)
}

fn read_config(path: &Path, problems: &mut Vec<Diagnostic>) -> Option<KbConfig> {
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            problems.push(Diagnostic::error(
                path,
                1,
                format!("cannot read the knowledge base settings: {e}"),
            ));
            return None;
        }
    };
    let config: KbConfig = match toml::from_str(&text) {
        Ok(config) => config,
        Err(e) => {
            let line = e
                .span()
                .map(|s| 1 + text[..s.start.min(text.len())].matches('\n').count())
                .unwrap_or(1);
            problems.push(Diagnostic::error(path, line, e.message().to_owned()));
            return None;
        }
    };
    let line = |key: &str| key_line(&text, key).unwrap_or(1);
    if config.languages.is_empty() {
        problems.push(Diagnostic::error(
            path,
            line("languages"),
            "`languages` is empty",
        ));
        return None;
    }
    if !config.languages.contains(&config.default_language) {
        problems.push(Diagnostic::error(
            path,
            line("default_language"),
            format!(
                "`default_language` {:?} is not one of `languages`",
                config.default_language
            ),
        ));
    }
    for lang in &config.partial_languages {
        if config.languages.contains(lang) {
            problems.push(Diagnostic::error(
                path,
                line("partial_languages"),
                format!("`{lang}` is in both `languages` and `partial_languages`"),
            ));
        }
    }
    for (topic, names) in &config.topics {
        for lang in config.all_languages() {
            if !names.contains_key(lang) {
                problems.push(Diagnostic::warning(
                    path,
                    line(lang).max(1),
                    format!("topic `{topic}` has no name in `{lang}`"),
                ));
            }
        }
    }
    for lang in config.synonyms.keys() {
        if !config.all_languages().any(|l| l == lang) {
            problems.push(Diagnostic::warning(
                path,
                1,
                format!("synonyms for `{lang}`, which is not one of `languages`"),
            ));
        }
    }
    Some(config)
}

fn key_line_in_file(path: &Path, key: &str) -> usize {
    fs::read_to_string(path)
        .ok()
        .and_then(|text| key_line(&text, key))
        .unwrap_or(1)
}

/// Every `.md` file under `<lang>/<topic>/`, sorted; files in the wrong place are reported.
fn entry_files(lang_dir: &Path, problems: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for item in sorted_dir(lang_dir) {
        if item.is_dir() {
            for file in sorted_dir(&item) {
                if file.is_dir() {
                    problems.push(Diagnostic::warning(
                        &file,
                        1,
                        "folders below a topic folder are not read",
                    ));
                } else if file.extension().is_some_and(|e| e == "md") {
                    files.push(file);
                } else {
                    problems.push(Diagnostic::warning(
                        &file,
                        1,
                        "not an entry (entries are .md files); ignored",
                    ));
                }
            }
        } else {
            problems.push(Diagnostic::error(
                &item,
                1,
                "entries belong in a topic folder: <lang>/<topic>/<id>.md",
            ));
        }
    }
    files
}

fn sorted_dir(dir: &Path) -> Vec<PathBuf> {
    let mut items: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    items.retain(|p| {
        !p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
    });
    items.sort();
    items
}

/// The id must equal the file stem and the topic must exist and match the folder.
fn check_placement(
    entry: &Entry,
    text: &str,
    lang_dir: &Path,
    config: &KbConfig,
    problems: &mut Vec<Diagnostic>,
) {
    let path = &entry.path;
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
    if stem.as_deref() != Some(entry.id.as_str()) {
        problems.push(Diagnostic::error(
            path,
            key_line(text, "id").unwrap_or(1),
            format!(
                "id `{}` does not match the file name (expected {}.md)",
                entry.id, entry.id
            ),
        ));
    }
    let topic_line = key_line(text, "topic").unwrap_or(1);
    if !config.topics.contains_key(&entry.topic) {
        let known: Vec<&str> = config.topics.keys().map(String::as_str).collect();
        problems.push(Diagnostic::error(
            path,
            topic_line,
            format!(
                "unknown topic `{}` (topics in {CONFIG_FILE}: {})",
                entry.topic,
                known.join(", ")
            ),
        ));
    }
    let folder = path
        .parent()
        .and_then(|p| p.strip_prefix(lang_dir).ok())
        .map(|p| p.to_string_lossy().into_owned());
    if folder.as_deref() != Some(entry.topic.as_str()) {
        problems.push(Diagnostic::error(
            path,
            topic_line,
            format!(
                "topic `{}` does not match the folder `{}`",
                entry.topic,
                folder.unwrap_or_default()
            ),
        ));
    }
}

fn warn_about_stray_folders(root: &Path, config: &KbConfig, problems: &mut Vec<Diagnostic>) {
    for item in sorted_dir(root) {
        let name = item
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if item.is_dir() && !config.all_languages().any(|l| *l == name) {
            problems.push(Diagnostic::warning(
                &item,
                1,
                format!("folder `{name}` is not one of the languages in {CONFIG_FILE}; not read"),
            ));
        }
    }
}

/// The same id twice in one language: the second (by path) is an error and is dropped.
fn check_duplicates(entries: &mut Vec<Entry>, problems: &mut Vec<Diagnostic>) {
    let mut seen: BTreeMap<(String, String), PathBuf> = BTreeMap::new();
    entries.retain(|entry| {
        let key = (entry.lang.clone(), entry.id.clone());
        if let Some(first) = seen.get(&key) {
            let line = fs::read_to_string(&entry.path)
                .ok()
                .and_then(|t| key_line(&t, "id"))
                .unwrap_or(1);
            problems.push(Diagnostic::error(
                &entry.path,
                line,
                format!(
                    "duplicate id `{}`: already used by {}",
                    entry.id,
                    first.display()
                ),
            ));
            false
        } else {
            seen.insert(key, entry.path.to_path_buf());
            true
        }
    });
}

/// Every id should exist in every complete language: a missing counterpart is a warning.
/// Partial languages may miss entries.
fn check_translations(
    entries: &[Entry],
    config: &KbConfig,
    root: &Path,
    problems: &mut Vec<Diagnostic>,
) {
    let mut by_lang: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for e in entries {
        by_lang.entry(&e.lang).or_default().insert(&e.id);
    }
    for e in entries {
        for lang in &config.languages {
            if lang == &e.lang
                || by_lang
                    .get(lang.as_str())
                    .is_some_and(|ids| ids.contains(e.id.as_str()))
            {
                continue;
            }
            let expected = root.join(lang).join(&e.topic).join(format!("{}.md", e.id));
            problems.push(Diagnostic::warning(
                &e.path,
                1,
                format!(
                    "no `{lang}` translation of `{}` (expected {})",
                    e.id,
                    expected.display()
                ),
            ));
        }
    }
}

/// A service's questions must have the same codes, datatypes and value keys in every
/// language as in the default language (answers are filed under them); the wording differs.
/// A translation without questions is asked in the default language's words: a warning.
fn check_question_translations(
    entries: &[Entry],
    config: &KbConfig,
    problems: &mut Vec<Diagnostic>,
) {
    let defaults: HashMap<&str, &Entry> = entries
        .iter()
        .filter(|d| d.lang == config.default_language)
        .map(|d| (d.id.as_str(), d))
        .collect();
    for e in entries {
        if e.lang == config.default_language {
            continue;
        }
        let Some(default) = defaults.get(e.id.as_str()) else {
            continue;
        };
        if e.questions.is_empty() && !default.questions.is_empty() {
            problems.push(Diagnostic::warning(
                &e.path,
                1,
                format!(
                    "no `questions` in `{}`: residents are asked them in `{}` (see {})",
                    e.lang,
                    config.default_language,
                    default.path.display()
                ),
            ));
            continue;
        }
        if let Some(message) = crate::questions::mismatch(&default.questions, &e.questions) {
            problems.push(Diagnostic::error(
                &e.path,
                key_line_in_file(&e.path, "code"),
                format!("{message} ({})", default.path.display()),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = r#"site = "t"
name = "Test"
languages = ["en", "es"]
default_language = "en"
[topics.trash]
en = "Trash"
es = "Basura"
"#;

    fn entry(id: &str, topic: &str) -> String {
        format!(
            "+++\nid = \"{id}\"\nkind = \"faq\"\ntitle = \"T\"\ntopic = \"{topic}\"\nstatus = \"published\"\nlast_reviewed = 2026-10-01\nowner = \"PW\"\nurl = \"https://x.example/\"\n+++\nAnswer.\n"
        )
    }

    fn write(root: &Path, rel: &str, text: &str) {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    #[test]
    fn clean_base_loads_without_problems() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), CONFIG_FILE, CONFIG);
        write(dir.path(), "en/trash/day.md", &entry("day", "trash"));
        write(dir.path(), "es/trash/day.md", &entry("day", "trash"));
        let (kb, problems) = load(dir.path());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(kb.unwrap().entries.len(), 2);
    }

    #[test]
    fn whole_base_problems_are_located() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), CONFIG_FILE, CONFIG);
        write(dir.path(), "en/trash/day.md", &entry("night", "trash"));
        write(dir.path(), "en/trash/bins.md", &entry("bins", "parks"));
        write(dir.path(), "es/trash/day.md", &entry("day", "trash"));
        let (_, problems) = load(dir.path());
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        let has = |needle: &str| text.iter().any(|t| t.contains(needle));
        assert!(
            has("en/trash/day.md:2: error: id `night` does not match"),
            "{text:#?}"
        );
        assert!(
            has("en/trash/bins.md:5: error: unknown topic `parks`"),
            "{text:#?}"
        );
        assert!(has("warning: no `es` translation of `bins`"), "{text:#?}");
    }

    #[test]
    fn partial_languages_may_miss_entries_but_not_have_extra_ones() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            CONFIG_FILE,
            &CONFIG
                .replace(
                    "default_language",
                    "partial_languages = [\"vi\"]\ndefault_language",
                )
                .replace("es = \"Basura\"", "es = \"Basura\"\nvi = \"Rác\""),
        );
        write(dir.path(), "en/trash/day.md", &entry("day", "trash"));
        write(dir.path(), "es/trash/day.md", &entry("day", "trash"));
        write(dir.path(), "en/trash/bins.md", &entry("bins", "trash"));
        write(dir.path(), "es/trash/bins.md", &entry("bins", "trash"));
        write(dir.path(), "vi/trash/day.md", &entry("day", "trash"));
        let (kb, problems) = load(dir.path());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(kb.unwrap().entries.len(), 5);

        write(
            dir.path(),
            "vi/trash/only-vi.md",
            &entry("only-vi", "trash"),
        );
        let (_, problems) = load(dir.path());
        let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            text.iter()
                .any(|t| t.contains("no `en` translation of `only-vi`")),
            "{text:?}"
        );
    }

    #[test]
    fn duplicate_ids_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), CONFIG_FILE, CONFIG);
        write(dir.path(), "es/trash/day.md", &entry("day", "trash"));
        write(dir.path(), "en/trash/day.md", &entry("day", "trash"));
        write(dir.path(), "en/trash/zz.md", &entry("day", "trash"));
        let (kb, problems) = load(dir.path());
        assert!(
            problems
                .iter()
                .any(|p| p.is_error() && p.message.starts_with("duplicate id `day`")),
            "{problems:?}"
        );
        assert_eq!(kb.unwrap().entries.len(), 2);
    }

    #[test]
    fn missing_config_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let (kb, problems) = load(dir.path());
        assert!(kb.is_none());
        assert!(problems[0].to_string().contains("knowledge.toml:1: error"));
    }
}
