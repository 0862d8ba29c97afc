//! Writing imported records ([`Row`]s) into a content folder as entry files.
//!
//! Each good record becomes `<out>/<lang>/<topic>/<id>.md`. Before anything is written, every
//! record is turned into the file text and read back with the same parser `wayfinder check`
//! uses, so a record that would make a bad entry is reported (at its line in the source file)
//! instead of written. Existing files are never replaced unless asked (`force`), and an id
//! already used by a file in another topic folder is a problem, as `check` would say.
//!
//! Every file is written atomically ([`write_atomically`]): an import that is killed midway
//! leaves each file whole, old or new, never cut short, so the folder still loads and a
//! server watching it never indexes half an answer.
//!
//! When `<out>/knowledge.toml` exists, records must use its languages and topics. When it does
//! not, one is written from the records: the language with the most entries is the default;
//! languages that have all of its ids are complete, the others partial; every topic used is
//! listed, named after its key in every language (for editors to translate).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::check::CONFIG_FILE;
use crate::config::KbConfig;
use crate::diagnostic::Diagnostic;
use crate::entry_file::EntryFile;
use crate::row::{ReadRows, Row, SourceRow};
use crate::slug::{is_valid_id, is_valid_topic, slug};

/// Topic of records that name none, unless the import says otherwise.
pub const DEFAULT_TOPIC: &str = "imported";

/// Owner of records that name none, unless the import says otherwise: a visible reminder to
/// assign one.
pub const DEFAULT_OWNER: &str = "unassigned";

/// How records become entry files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportOptions {
    /// The content folder to write into.
    pub out: PathBuf,
    /// Topic of records without one.
    pub topic: String,
    /// Owner of records without one.
    pub owner: String,
    /// Official page of records without one (without it, such records are problems).
    pub url: Option<String>,
    /// `last_reviewed` of records without one.
    pub today: NaiveDate,
    /// Replace files that already exist.
    pub force: bool,
}

impl ImportOptions {
    /// Options writing into `out`, with the default topic and owner, no default URL, not
    /// replacing files.
    pub fn new(out: impl Into<PathBuf>, today: NaiveDate) -> Self {
        Self {
            out: out.into(),
            topic: DEFAULT_TOPIC.to_owned(),
            owner: DEFAULT_OWNER.to_owned(),
            url: None,
            today,
            force: false,
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    /// Files written, in record order.
    pub written: Vec<PathBuf>,
    /// Files that already existed and were left alone.
    pub skipped: Vec<PathBuf>,
    /// One problem per record that was not imported, at its line in the source file.
    pub problems: Vec<Diagnostic>,
    /// Entries written per language.
    pub per_language: BTreeMap<String, usize>,
    /// The `knowledge.toml` written, when there was none.
    pub config_written: Option<PathBuf>,
}

/// A record turned into a file, ready to write.
struct Planned {
    lang: String,
    path: PathBuf,
    file: EntryFile,
    exists: bool,
}

/// Writes the records of `read` into `options.out`, calling `progress(done, total)` after each
/// file. Problems with single records are in the report; an error is returned only when the
/// folder or its `knowledge.toml` cannot be read or written.
pub fn import_rows(
    read: &ReadRows,
    options: &ImportOptions,
    mut progress: impl FnMut(usize, usize),
) -> Result<ImportReport, Diagnostic> {
    let config_path = options.out.join(CONFIG_FILE);
    let config = read_config(&config_path)?;
    let existing = existing_entries(&options.out);
    let mut report = ImportReport::default();
    let source = read.path.as_path();
    let problem = |line: usize, message: String| Diagnostic::error(source, line, message);

    // Ids given in the records are reserved first, so that ids made from questions avoid them.
    let mut taken: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut ids: Vec<Option<String>> = Vec::with_capacity(read.rows.len());
    for SourceRow { line, row } in &read.rows {
        let Some(id) = row.id.as_deref().map(str::trim) else {
            ids.push(None);
            continue;
        };
        let key = (row.lang.trim().to_owned(), id.to_owned());
        if !is_valid_id(id) {
            report.problems.push(problem(
                *line,
                format!("id {id:?} cannot name a file: use letters, digits, `-` and `_`"),
            ));
            ids.push(None);
        } else if let Some(first) = taken.get(&key) {
            report.problems.push(problem(
                *line,
                format!("id `{id}` in `{}` is already used on line {first}", key.0),
            ));
            ids.push(None);
        } else {
            taken.insert(key, *line);
            ids.push(Some(id.to_owned()));
        }
    }

    let mut planned = Vec::new();
    for (SourceRow { line, row }, id) in read.rows.iter().zip(ids) {
        let id = match (id, &row.id) {
            (Some(id), _) => id,
            (None, Some(_)) => continue,
            (None, None) => unique_id(&slug(&row.question), row.lang.trim(), *line, &mut taken),
        };
        match plan(row, id, options, config.as_ref(), &existing) {
            Ok(p) => planned.push(p),
            Err(message) => report.problems.push(problem(*line, message)),
        }
    }

    // Every file goes to its temporary file first, all of them are flushed to disk at once,
    // and only then renamed into place: each entry file appears whole, as with
    // `write_atomically`, without paying one flush per file (an import of 15,000 records
    // took 13 s flushing them one by one).
    let replaces = |p: &Planned| !p.exists || options.force;
    let mut staged = Vec::new();
    for p in planned.iter().filter(|p| replaces(p)) {
        if let Err(e) = stage_file(&p.path, &p.file.render()) {
            discard(&staged);
            return Err(e);
        }
        staged.push(p);
    }
    if let Err(e) = flush_staged(&options.out, &staged) {
        discard(&staged);
        return Err(e);
    }
    let total = planned.len();
    let mut folders = BTreeSet::new();
    for (done, p) in planned.iter().enumerate() {
        if replaces(p) {
            fs::rename(temporary_path(&p.path), &p.path)
                .map_err(|e| Diagnostic::error(&p.path, 1, format!("cannot write: {e}")))?;
            folders.extend(p.path.parent().map(Path::to_owned));
            report.written.push(p.path.clone());
            *report.per_language.entry(p.lang.clone()).or_default() += 1;
        } else {
            report.skipped.push(p.path.clone());
        }
        progress(done + 1, total);
    }

    if config.is_none() && !planned.is_empty() {
        write_file(&config_path, &generated_config(&options.out, &planned))?;
        folders.insert(options.out.clone());
        report.config_written = Some(config_path);
    }
    // Once per folder rather than per file: the new names are on disk when the import ends.
    for folder in folders {
        sync_dir(&folder)
            .map_err(|e| Diagnostic::error(&folder, 1, format!("cannot flush the folder: {e}")))?;
    }
    Ok(report)
}

/// `<out>/knowledge.toml`, if there is one.
fn read_config(path: &Path) -> Result<Option<KbConfig>, Diagnostic> {
    if !path.exists() {
        return Ok(None);
    }
    let text = fs::read_to_string(path)
        .map_err(|e| Diagnostic::error(path, 1, format!("cannot read the file: {e}")))?;
    toml::from_str(&text).map(Some).map_err(|e| {
        Diagnostic::error(
            path,
            1,
            format!("not a valid knowledge base settings file: {}", e.message()),
        )
    })
}

/// Entry files already under `out`: (language folder, file stem) → path.
fn existing_entries(out: &Path) -> BTreeMap<(String, String), PathBuf> {
    let mut found = BTreeMap::new();
    let dirs = |dir: &Path| -> Vec<PathBuf> {
        fs::read_dir(dir)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default()
    };
    for lang_dir in dirs(out).into_iter().filter(|p| p.is_dir()) {
        let lang = lang_dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for topic_dir in dirs(&lang_dir).into_iter().filter(|p| p.is_dir()) {
            for file in dirs(&topic_dir) {
                if file.extension().is_some_and(|e| e == "md")
                    && let Some(stem) = file.file_stem()
                {
                    found
                        .entry((lang.clone(), stem.to_string_lossy().into_owned()))
                        .or_insert(file);
                }
            }
        }
    }
    found
}

/// `base`, or `base-2`, `base-3`, ... if taken in `lang`; the id chosen is taken.
fn unique_id(
    base: &str,
    lang: &str,
    line: usize,
    taken: &mut BTreeMap<(String, String), usize>,
) -> String {
    let mut id = base.to_owned();
    let mut n = 2;
    while taken.contains_key(&(lang.to_owned(), id.clone())) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert((lang.to_owned(), id.clone()), line);
    id
}

/// The file a record becomes, or why it cannot become one.
fn plan(
    row: &Row,
    id: String,
    options: &ImportOptions,
    config: Option<&KbConfig>,
    existing: &BTreeMap<(String, String), PathBuf>,
) -> Result<Planned, String> {
    let lang = row.lang.trim().to_owned();
    if !lang.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(format!(
            "`lang` {lang:?} is not a language tag like en or zh-Hans"
        ));
    }
    let topic = row
        .topic
        .as_deref()
        .unwrap_or(&options.topic)
        .trim()
        .to_owned();
    if !is_valid_topic(&topic) {
        return Err(format!(
            "topic {topic:?} cannot name a folder: use lowercase letters, digits and `-`"
        ));
    }
    if let Some(config) = config {
        let settings = options.out.join(CONFIG_FILE);
        if !config.all_languages().any(|l| *l == lang) {
            return Err(format!(
                "language `{lang}` is not in {} (add it to `languages` or \
                 `partial_languages` first)",
                settings.display()
            ));
        }
        if !config.topics.contains_key(&topic) {
            return Err(format!(
                "topic `{topic}` is not in {} (add it under [topics] first, or import into \
                 another topic)",
                settings.display()
            ));
        }
    }
    let url = row
        .url
        .clone()
        .or_else(|| options.url.clone())
        .ok_or_else(|| "no `url`: give the official page in the record or with --url".to_owned())?;
    let last_reviewed = match row.last_reviewed.as_deref() {
        None => options.today,
        Some(date) => NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(date.trim(), "%Y/%m/%d"))
            .map_err(|_| format!("`last_reviewed` must be a date like 2026-10-01, got {date:?}"))?,
    };
    let file = EntryFile {
        id: id.clone(),
        kind: row.kind.clone().unwrap_or_else(|| "faq".to_owned()),
        title: row.question.trim().to_owned(),
        also_asked: row.also_asked.clone(),
        keywords: row.keywords.clone(),
        topic: topic.clone(),
        status: row.status.clone().unwrap_or_else(|| "published".to_owned()),
        last_reviewed,
        owner: row.owner.clone().unwrap_or_else(|| options.owner.clone()),
        url,
        plain: row.plain.clone(),
        form_url: row.form_url.clone(),
        open311_service_code: row.open311_service_code.clone(),
        body: row.answer.trim().to_owned(),
    };
    let path = options
        .out
        .join(&lang)
        .join(&topic)
        .join(format!("{id}.md"));
    if let Some(other) = existing.get(&(lang.clone(), id.clone()))
        && *other != path
    {
        return Err(format!(
            "id `{id}` is already used in `{lang}` by {}",
            other.display()
        ));
    }
    if let Err(problems) = crate::parse_entry(&path, &lang, &file.render()) {
        let messages: Vec<String> = problems.into_iter().map(|p| p.message).collect();
        return Err(messages.join("; "));
    }
    let exists = path.exists();
    Ok(Planned {
        lang,
        path,
        file,
        exists,
    })
}

/// Writes `text` to the [`temporary_path`] of `path`, creating the folder, without flushing
/// it: [`flush_staged`] flushes them all, then the caller renames each into place.
fn stage_file(path: &Path, text: &str) -> Result<(), Diagnostic> {
    create_folder_of(path)?;
    fs::write(temporary_path(path), text)
        .map_err(|e| Diagnostic::error(path, 1, format!("cannot write: {e}")))
}

/// Flushes the staged files' temporary files to disk: on Linux with one `syncfs` of the
/// file system holding `out`, elsewhere file by file.
fn flush_staged(out: &Path, staged: &[&Planned]) -> Result<(), Diagnostic> {
    let failed = |e: std::io::Error| Diagnostic::error(out, 1, format!("cannot flush: {e}"));
    if staged.is_empty() {
        return Ok(());
    }
    #[cfg(target_os = "linux")]
    {
        let folder = fs::File::open(out).map_err(failed)?;
        rustix::fs::syncfs(&folder).map_err(|e| failed(e.into()))
    }
    #[cfg(not(target_os = "linux"))]
    {
        for p in staged {
            fs::File::open(temporary_path(&p.path))
                .and_then(|f| f.sync_all())
                .map_err(failed)?;
        }
        Ok(())
    }
}

/// Removes the temporary files of an import that stopped before renaming them.
fn discard(staged: &[&Planned]) {
    for p in staged {
        let _ = fs::remove_file(temporary_path(&p.path));
    }
}

/// Writes `text` to `path`, creating its folder, atomically as [`write_atomically`] does, but
/// leaving the folder to be flushed by the caller.
fn write_file(path: &Path, text: &str) -> Result<(), Diagnostic> {
    create_folder_of(path)?;
    replace_file(path, text).map_err(|e| Diagnostic::error(path, 1, format!("cannot write: {e}")))
}

/// Creates the folder that `path` goes in, and the folders above it.
fn create_folder_of(path: &Path) -> Result<(), Diagnostic> {
    match path.parent() {
        Some(dir) => fs::create_dir_all(dir)
            .map_err(|e| Diagnostic::error(dir, 1, format!("cannot create the folder: {e}"))),
        None => Ok(()),
    }
}

/// The hidden file beside `path` that [`write_atomically`] writes first. Content loading
/// skips hidden files, so one left behind by a crash is never read as an entry, and the next
/// write of `path` reuses it.
pub fn temporary_path(path: &Path) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}.wayfinder-tmp"))
}

/// Writes `text` to `path` (whose folder exists) so that a reader, such as a server
/// re-indexing the folder or one restarting after a crash, finds either the old file or the
/// new one whole, never a part of it, even when the writer is killed or the machine stops
/// midway: the text goes to [`temporary_path`], is flushed to disk, and is renamed over
/// `path`; then the folder is flushed, so the rename is kept too.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    replace_file(path, text)?;
    sync_folder(path)
}

/// What [`write_atomically`] does except flushing the folder: the file is whole whatever
/// happens, but after the machine crashes it may still be the old one until the folder has
/// been flushed.
fn replace_file(path: &Path, text: &str) -> std::io::Result<()> {
    let temporary = temporary_path(path);
    let written = write_flushed(&temporary, text).and_then(|()| fs::rename(&temporary, path));
    if written.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    written
}

/// Writes `text` to a new file at `path` (replacing one there) and flushes it to disk.
fn write_flushed(path: &Path, text: &str) -> std::io::Result<()> {
    let mut file = fs::File::create(path)?;
    std::io::Write::write_all(&mut file, text.as_bytes())?;
    file.sync_all()
}

/// Like [`write_atomically`], but never replaces a file: fails with
/// [`std::io::ErrorKind::AlreadyExists`] when `path` exists (as `create_new` does), and
/// otherwise makes `path` appear whole, never empty or cut short.
pub fn write_new_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let temporary = temporary_path(path);
    // A hard link, unlike a rename, refuses to replace an existing file.
    let written = write_flushed(&temporary, text).and_then(|()| fs::hard_link(&temporary, path));
    let _ = fs::remove_file(&temporary);
    written?;
    sync_folder(path)
}

/// Flushes the folder holding `path`, so a rename or a new name in it survives a crash.
fn sync_folder(path: &Path) -> std::io::Result<()> {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => sync_dir(dir),
        _ => sync_dir(Path::new(".")),
    }
}

/// Flushes folder `dir` (its list of names) to disk; a no-op where folders cannot be opened.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    fs::File::open(dir)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// A `knowledge.toml` for the entries planned into `out`.
fn generated_config(out: &Path, planned: &[Planned]) -> String {
    let mut ids: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    let mut topics: BTreeSet<&str> = BTreeSet::new();
    for p in planned {
        ids.entry(&p.lang).or_default().insert(&p.file.id);
        topics.insert(&p.file.topic);
    }
    // Most entries wins; among equals, the first by tag.
    let default = ids
        .iter()
        .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(a.0)))
        .map(|(lang, _)| *lang)
        .unwrap_or("en");
    let complete: Vec<&str> = ids
        .iter()
        .filter(|(lang, set)| **lang == default || set.is_superset(&ids[default]))
        .map(|(lang, _)| *lang)
        .collect();
    let partial: Vec<&str> = ids
        .keys()
        .copied()
        .filter(|lang| !complete.contains(lang))
        .collect();
    let name = out
        .canonicalize()
        .unwrap_or_else(|_| out.to_owned())
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "imported".to_owned());
    let quote = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let array = |items: &[&str]| {
        format!(
            "[{}]",
            items
                .iter()
                .map(|i| quote(i))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let mut text = String::from(
        "# Written by `wayfinder import`: check the site id and name, the languages and the\n\
         # topic names (each topic is named after its key in every language until translated).\n",
    );
    text.push_str(&format!("site = {}\n", quote(&slug(&name))));
    text.push_str(&format!("name = {}\n", quote(&name)));
    text.push_str(&format!("languages = {}\n", array(&complete)));
    if !partial.is_empty() {
        text.push_str(&format!("partial_languages = {}\n", array(&partial)));
    }
    text.push_str(&format!("default_language = {}\n", quote(default)));
    for topic in topics {
        // Topic keys and language tags were checked to be bare TOML keys.
        text.push_str(&format!("\n[topics.{topic}]\n"));
        let title = humanise(topic);
        for lang in complete.iter().chain(&partial) {
            text.push_str(&format!("{lang} = {}\n", quote(&title)));
        }
    }
    text
}

/// `city-hall` → `City hall`.
fn humanise(key: &str) -> String {
    let words = key.replace('-', " ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{TestBase, entry};

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn rows(rows: Vec<Row>) -> ReadRows {
        ReadRows {
            path: PathBuf::from("in.csv"),
            rows: rows
                .into_iter()
                .enumerate()
                .map(|(i, row)| SourceRow { line: i + 2, row })
                .collect(),
            problems: Vec::new(),
        }
    }

    fn row(lang: &str, question: &str) -> Row {
        Row {
            lang: lang.into(),
            question: question.into(),
            answer: "An answer.".into(),
            url: Some("https://x.example/".into()),
            ..Row::default()
        }
    }

    fn messages(report: &ImportReport) -> Vec<String> {
        report.problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_new_folder_gets_entries_and_settings_made_from_the_records() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("city");
        let read = rows(vec![
            Row {
                id: Some("pay".into()),
                topic: Some("water".into()),
                ..row("en", "How do I pay?")
            },
            Row {
                id: Some("pay".into()),
                topic: Some("water".into()),
                ..row("es", "¿Cómo pago?")
            },
            row("en", "Where is City Hall?"),
            row("en", "Where is City Hall?"),
            row("vi", "Tòa Thị Chính ở đâu?"),
        ]);
        let mut calls = Vec::new();
        let report = import_rows(&read, &ImportOptions::new(&out, today()), |done, total| {
            calls.push((done, total))
        })
        .unwrap();
        assert!(report.problems.is_empty(), "{:?}", messages(&report));
        assert_eq!(calls.last(), Some(&(5, 5)));
        assert!(out.join("en/imported/where-is-city-hall.md").exists());
        assert!(out.join("en/imported/where-is-city-hall-2.md").exists());
        assert!(out.join("vi/imported/toa-thi-chinh-o-dau.md").exists());
        let config = fs::read_to_string(out.join(CONFIG_FILE)).unwrap();
        assert!(config.contains("site = \"city\""), "{config}");
        assert!(config.contains("languages = [\"en\"]\npartial_languages = [\"es\", \"vi\"]\ndefault_language = \"en\""), "{config}");
        assert!(
            config.contains("[topics.water]\nen = \"Water\"\nes = \"Water\"\nvi = \"Water\""),
            "{config}"
        );
        let (kb, problems) = crate::load(&out);
        assert!(!problems.iter().any(|p| p.is_error()), "{problems:#?}");
        let kb = kb.unwrap();
        assert_eq!(kb.entries.len(), 5);
        assert_eq!(kb.get("pay", "en").unwrap().owner, DEFAULT_OWNER);
        assert_eq!(kb.get("pay", "es").unwrap().last_reviewed, today());
    }

    #[test]
    fn bad_records_are_reported_at_their_line_and_the_rest_written() {
        let dir = tempfile::tempdir().unwrap();
        let read = rows(vec![
            row("en", "Good?"),
            Row {
                url: None,
                ..row("en", "No page?")
            },
            Row {
                kind: Some("article".into()),
                ..row("en", "Kind?")
            },
            Row {
                answer: "- a list first".into(),
                ..row("en", "List?")
            },
            Row {
                last_reviewed: Some("26/11/2026".into()),
                ..row("en", "Date?")
            },
            Row {
                id: Some("../x".into()),
                ..row("en", "Id?")
            },
            Row {
                topic: Some("City Hall".into()),
                ..row("en", "Topic?")
            },
            Row {
                form_url: Some("https://x.example/f".into()),
                ..row("en", "Form?")
            },
        ]);
        let report =
            import_rows(&read, &ImportOptions::new(dir.path(), today()), |_, _| {}).unwrap();
        let text = messages(&report);
        assert_eq!(report.written.len(), 1, "{text:#?}");
        assert_eq!(text.len(), 7, "{text:#?}");
        for (line, needle) in [
            (3, "no `url`"),
            (4, "`kind` must be one of"),
            (5, "must start with a paragraph"),
            (6, "`last_reviewed` must be a date"),
            (7, "cannot name a file"),
            (8, "cannot name a folder"),
            (9, "only allowed on entries with kind = \"service\""),
        ] {
            assert!(
                text.iter().any(
                    |t| t.starts_with(&format!("in.csv:{line}: error: ")) && t.contains(needle)
                ),
                "line {line}: {needle} in {text:#?}"
            );
        }
    }

    #[test]
    fn an_existing_base_sets_languages_and_topics_and_keeps_its_files() {
        let base = TestBase::new();
        base.write(
            "en/trash/day.md",
            &entry("day", "trash", "Day", "", "Old answer."),
        );
        base.write(
            "en/trash/bins.md",
            &entry("bins", "trash", "Bins", "", "Old answer."),
        );
        let out = base.load().root;
        let with = |id: Option<&str>, topic: &str, lang: &str, question: &str| Row {
            id: id.map(str::to_owned),
            topic: Some(topic.into()),
            ..row(lang, question)
        };
        let read = rows(vec![
            with(Some("day"), "water", "en", "Moved?"),
            with(Some("day"), "water", "es", "¿Día?"),
            with(None, "parks", "en", "Parks?"),
            with(None, "trash", "fr", "Quand?"),
            with(Some("day"), "trash", "en", "Twice?"),
            with(Some("bins"), "trash", "en", "Trash bins?"),
        ]);
        let mut options = ImportOptions::new(&out, today());
        let report = import_rows(&read, &options, |_, _| {}).unwrap();
        let mut text = messages(&report);
        text.sort();
        assert_eq!(report.skipped, vec![out.join("en/trash/bins.md")]);
        assert_eq!(report.written, vec![out.join("es/water/day.md")]);
        assert!(report.config_written.is_none());
        assert_eq!(text.len(), 4, "{text:#?}");
        assert!(
            text[0].starts_with("in.csv:2: error: id `day` is already used in `en` by"),
            "{text:#?}"
        );
        assert!(
            text[1].starts_with("in.csv:4: error: topic `parks` is not in"),
            "{text:#?}"
        );
        assert!(
            text[2].starts_with("in.csv:5: error: language `fr` is not in"),
            "{text:#?}"
        );
        assert!(
            text[3].starts_with("in.csv:6: error: id `day` in `en` is already used on line 2"),
            "{text:#?}"
        );
        let bins = || fs::read_to_string(out.join("en/trash/bins.md")).unwrap();
        assert!(bins().contains("Old answer."));

        options.force = true;
        let report = import_rows(&read, &options, |_, _| {}).unwrap();
        assert!(report.skipped.is_empty());
        assert!(bins().contains("title = \"Trash bins?\""), "{}", bins());
    }

    #[test]
    fn files_are_replaced_whole_and_no_temporary_file_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("day.md");
        write_atomically(&path, "old").unwrap();
        // A temporary file left by a writer that was killed is taken over.
        fs::write(temporary_path(&path), "half of a").unwrap();
        write_atomically(&path, "new text").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new text");
        assert!(!temporary_path(&path).exists());
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 1);
        // Hidden: the content loader never reads it as an entry.
        assert!(
            temporary_path(&path)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with('.')
        );
        assert!(write_atomically(&dir.path().join("no/such/folder.md"), "x").is_err());
    }

    #[test]
    fn a_new_file_never_replaces_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("draft.md");
        write_new_atomically(&path, "first").unwrap();
        let again = write_new_atomically(&path, "second").unwrap_err();
        assert_eq!(again.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");
        assert!(!temporary_path(&path).exists());
    }
}
