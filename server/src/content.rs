//! A site's content while the server runs: loading and indexing it, noticing when editors
//! change the files, and swapping in the new index without a failed request. Content with
//! errors never replaces what is serving: the old index stays, and the errors (`path:line:
//! message`) are kept for the admin API and written to the log.
//!
//! Draft entries never reach residents: the serving index holds published entries only. When
//! the content has drafts, a second index with drafts included is built beside it for
//! editors' previews (`POST /api/v1/ask?preview=1` with an admin session, and the admin
//! preview page); both are swapped in together, so a preview never sees other content than
//! residents do apart from the drafts. Without drafts there is no second index (no memory
//! spent on it) and previews use the serving one.
//!
//! Indexes live in memory only: nothing of them is ever written to disk, so a process killed
//! while indexing (at start-up or on a reload) leaves nothing half-built behind, and the next
//! start indexes the files again. The one exception, when the server ranks by meaning with a
//! `[search] vector_cache`, is the entries' vectors: written whole or not at all, and not used
//! when damaged (`meaning::cache`). What must never be half-written are the files themselves:
//! `wayfinder import` replaces each atomically (`knowledge::writer::write_atomically`), and
//! the hidden temporary file of a write in progress is neither loaded nor watched. The log
//! says when indexing begins ("indexing the content", "indexing the content again") and ends
//! ("content indexed", "content reloaded").

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use arc_swap::ArcSwap;
use chrono::Utc;
use knowledge::SearchIndex;

use crate::config::SiteConfig;
use crate::meaning::{Encoding, EntryVectors, Searchable};

/// How often content folders are checked for changes, at most.
pub const WATCH_EVERY: Duration = Duration::from_secs(2);

/// The checks' share of time, at most 1 in this many: a check lists and stats every file, so
/// a base of tens of thousands of files is checked less often than every [`WATCH_EVERY`]
/// (a 15k-file base takes about 80 ms per check: every 8 s instead of every 2 s).
const WATCH_DUTY: u32 = 100;

/// The outcome of the latest load of a site's content.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ContentStatus {
    /// When the files were last read, RFC 3339.
    pub checked_at: String,
    /// When the serving index was built, RFC 3339.
    pub indexed_at: String,
    /// Entries in the serving index.
    pub entries: usize,
    /// Draft entries, in the preview index only (never shown to residents).
    pub drafts: usize,
    /// Errors of the latest load (`path:line: message`); when not empty, the serving index is
    /// older than the files.
    pub errors: Vec<String>,
    /// Warnings of the latest load, the first [`KEPT_WARNINGS`] of them (sorted by path and
    /// line); `wayfinder check` lists them all.
    pub warnings: Vec<String>,
    /// How many warnings the latest load found in all.
    pub warnings_total: usize,
}

/// Warnings kept in the status and logged at start, at most: a base imported without its
/// translations has one per entry and language, tens of thousands that nobody reads in a
/// log and that would stay in memory for as long as the server runs.
pub const KEPT_WARNINGS: usize = 200;

/// What one load of the content produced besides errors.
struct Built {
    indexes: Indexes,
    /// The first [`KEPT_WARNINGS`] warnings.
    warnings: Vec<String>,
    /// All warnings, counted.
    warnings_total: usize,
}

/// Why content could not be indexed.
#[derive(Debug, thiserror::Error)]
#[error("{} content error(s), first: {}", .0.len(), .0.first().map_or("", String::as_str))]
pub struct ContentErrors(pub Vec<String>);

/// The indexes built from one load of the content, swapped in together.
#[derive(Debug)]
struct Indexes {
    /// Published entries: what residents search.
    residents: Arc<SearchIndex>,
    /// Published and draft entries, for previews; `None` when the content has no drafts.
    preview: Option<Arc<SearchIndex>>,
    /// The vectors of every entry of both, when the server ranks by meaning.
    vectors: Option<Arc<EntryVectors>>,
}

impl Indexes {
    /// Draft entries in the preview index.
    fn drafts(&self) -> usize {
        self.preview
            .as_ref()
            .map_or(0, |p| p.len().saturating_sub(self.residents.len()))
    }
}

/// A site's serving index and what is known about its files.
#[derive(Debug)]
pub struct LiveContent {
    indexes: ArcSwap<Indexes>,
    status: Mutex<ContentStatus>,
    fingerprint: Mutex<u64>,
    /// How entries are encoded, when the server ranks by meaning.
    encoding: Option<Encoding>,
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl LiveContent {
    /// Loads `site`'s content for the first time; errors here stop the server from starting.
    /// With `encoding`, its entries are also encoded for ranking by meaning, now and on every
    /// reload.
    pub async fn load(site: &SiteConfig, encoding: Option<Encoding>) -> anyhow::Result<Self> {
        tracing::info!(site = %site.id, content = %site.content.display(), "indexing the content");
        let fingerprint = fingerprint_off_runtime(site).await;
        let built = build(site, encoding.clone(), None).await.map_err(|e| {
            anyhow::anyhow!(
                "site {}: the content in {} has {} error(s):\n{}",
                site.id,
                site.content.display(),
                e.0.len(),
                e.0.join("\n")
            )
        })?;
        for warning in &built.warnings {
            tracing::warn!(site = %site.id, "{warning}");
        }
        if built.warnings_total > built.warnings.len() {
            tracing::warn!(
                site = %site.id,
                "{} more warning(s) not listed: `wayfinder check {}` lists them all",
                built.warnings_total - built.warnings.len(),
                site.content.display()
            );
        }
        let index = built.indexes;
        crate::telemetry::indexed(&site.id, index.residents.len());
        let at = now();
        Ok(Self {
            status: Mutex::new(ContentStatus {
                checked_at: at.clone(),
                indexed_at: at,
                entries: index.residents.len(),
                drafts: index.drafts(),
                errors: Vec::new(),
                warnings: built.warnings,
                warnings_total: built.warnings_total,
            }),
            indexes: ArcSwap::from_pointee(index),
            fingerprint: Mutex::new(fingerprint),
            encoding,
        })
    }

    /// The serving index, published entries only: the one residents search (cheap: a
    /// reference count).
    pub fn index(&self) -> Arc<SearchIndex> {
        Arc::clone(&self.indexes.load().residents)
    }

    /// The index editors preview with: published and draft entries, from the same load as
    /// [`LiveContent::index`]. Never use it for residents.
    pub fn preview_index(&self) -> Arc<SearchIndex> {
        let indexes = self.indexes.load();
        Arc::clone(indexes.preview.as_ref().unwrap_or(&indexes.residents))
    }

    /// The serving index with its entry vectors, from one load: what residents' questions are
    /// searched in.
    pub fn searchable(&self) -> Searchable {
        let indexes = self.indexes.load();
        self.searchable_of(Arc::clone(&indexes.residents), &indexes)
    }

    /// [`LiveContent::preview_index`] with its entry vectors. Never use it for residents.
    pub fn preview_searchable(&self) -> Searchable {
        let indexes = self.indexes.load();
        let index = indexes.preview.as_ref().unwrap_or(&indexes.residents);
        self.searchable_of(Arc::clone(index), &indexes)
    }

    fn searchable_of(&self, index: Arc<SearchIndex>, indexes: &Indexes) -> Searchable {
        match (&self.encoding, &indexes.vectors) {
            (Some(encoding), Some(vectors)) => {
                Searchable::with_meaning(index, Arc::clone(&encoding.encoder), Arc::clone(vectors))
            }
            _ => Searchable::words_only(index),
        }
    }

    /// The latest load's outcome.
    pub fn status(&self) -> ContentStatus {
        self.status
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Reads and indexes the files again; on success swaps the new index in (requests in
    /// flight finish on the old one), on errors keeps the old one serving. Returns the status.
    pub async fn reload(&self, site: &SiteConfig) -> ContentStatus {
        tracing::info!(site = %site.id, "indexing the content again");
        let fingerprint = fingerprint_off_runtime(site).await;
        let previous = self.indexes.load().vectors.clone();
        let result = build(site, self.encoding.clone(), previous).await;
        let mut status = self.status.lock().unwrap_or_else(PoisonError::into_inner);
        status.checked_at = now();
        match result {
            Ok(Built {
                indexes: index,
                warnings,
                warnings_total,
            }) => {
                status.entries = index.residents.len();
                status.drafts = index.drafts();
                status.indexed_at = status.checked_at.clone();
                status.errors.clear();
                status.warnings = warnings;
                status.warnings_total = warnings_total;
                crate::telemetry::indexed(&site.id, index.residents.len());
                crate::telemetry::reloaded(&site.id, true);
                self.indexes.store(Arc::new(index));
                tracing::info!(
                    site = %site.id,
                    entries = status.entries,
                    drafts = status.drafts,
                    "content reloaded"
                );
            }
            Err(ContentErrors(errors)) => {
                for error in &errors {
                    tracing::error!(site = %site.id, "content not reloaded: {error}");
                }
                status.errors = errors;
                crate::telemetry::reloaded(&site.id, false);
            }
        }
        *self
            .fingerprint
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = fingerprint;
        status.clone()
    }

    /// Reloads when the files changed since the last load; `None` when they did not. Also
    /// returns how long looking at the files took (not counting a reload).
    pub async fn reload_if_changed(&self, site: &SiteConfig) -> (Option<ContentStatus>, Duration) {
        let started = std::time::Instant::now();
        let current = fingerprint_off_runtime(site).await;
        let looked = started.elapsed();
        let known = *self
            .fingerprint
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if current == known {
            return (None, looked);
        }
        (Some(self.reload(site).await), looked)
    }
}

/// Reads, checks and indexes a site's content off the async runtime, and encodes its entries
/// with `encoding` (those unchanged since `previous` are not encoded again).
async fn build(
    site: &SiteConfig,
    encoding: Option<Encoding>,
    previous: Option<Arc<EntryVectors>>,
) -> Result<Built, ContentErrors> {
    let root = site.content.clone();
    let id = site.id.clone();
    tokio::task::spawn_blocking(move || {
        build_blocking(&root, &id, encoding.as_ref(), previous.as_deref())
    })
    .await
    .unwrap_or_else(|e| Err(ContentErrors(vec![format!("indexing stopped: {e}")])))
}

fn build_blocking(
    root: &Path,
    id: &str,
    encoding: Option<&Encoding>,
    previous: Option<&EntryVectors>,
) -> Result<Built, ContentErrors> {
    // Freed memory goes back to the system at once while the content is read and indexed
    // (the peak of a start), not while entries are encoded (which can take minutes, and
    // frees little).
    let indexed = crate::allocator::returning_freed_memory(|| read_and_index(root, id))?;
    let Indexed {
        residents,
        preview,
        warnings,
        warnings_total,
    } = indexed;
    // The preview index holds every entry of the residents' one, and the drafts.
    let vectors = encoding.map(|encoding| {
        Arc::new(encoding.vectors(preview.as_deref().unwrap_or(&residents), previous))
    });
    Ok(Built {
        indexes: Indexes {
            residents: Arc::new(residents),
            preview,
            vectors,
        },
        warnings,
        warnings_total,
    })
}

/// A site's content read, checked and indexed, before its entries are encoded.
struct Indexed {
    residents: SearchIndex,
    preview: Option<Arc<SearchIndex>>,
    warnings: Vec<String>,
    warnings_total: usize,
}

/// Reads and checks the content at `root` (which must belong to site `id`) and indexes it.
fn read_and_index(root: &Path, id: &str) -> Result<Indexed, ContentErrors> {
    let (kb, problems) = knowledge::load(root);
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.is_error())
        .map(ToString::to_string)
        .collect();
    if !errors.is_empty() {
        return Err(ContentErrors(errors));
    }
    // No errors: every problem is a warning.
    let warnings_total = problems.len();
    let warnings = problems
        .iter()
        .take(KEPT_WARNINGS)
        .map(ToString::to_string)
        .collect();
    drop(problems);
    let kb = kb.ok_or_else(|| {
        ContentErrors(vec![format!(
            "{}: no content (is knowledge.toml there?)",
            root.display()
        )])
    })?;
    if kb.config.site != id {
        return Err(ContentErrors(vec![format!(
            "{}: belongs to site {:?}, not {id:?}",
            root.join("knowledge.toml").display(),
            kb.config.site
        )]));
    }
    let failed = |e: knowledge::IndexError| ContentErrors(vec![format!("indexing failed: {e}")]);
    let residents = SearchIndex::build(&kb).map_err(failed)?;
    let preview = if kb.entries.iter().any(|e| !e.is_published()) {
        Some(Arc::new(
            SearchIndex::build_with_drafts(&kb).map_err(failed)?,
        ))
    } else {
        None
    };
    Ok(Indexed {
        residents,
        preview,
        warnings,
        warnings_total,
    })
}

async fn fingerprint_off_runtime(site: &SiteConfig) -> u64 {
    let root = site.content.clone();
    tokio::task::spawn_blocking(move || fingerprint(&root))
        .await
        .unwrap_or_default()
}

/// A hash of every file's path, size and modification time under `root`: it changes when
/// an editor adds, removes or saves a file. Hidden files and folders (a name starting with
/// `.`) are left out, as loading leaves them out: a `.git` folder, or the temporary file of a
/// write in progress (`knowledge::writer::write_atomically`), never starts a reload.
pub fn fingerprint(root: &Path) -> u64 {
    // Each file hashed alone and the hashes added: the same sum in any listing order, with
    // no list of paths to keep and sort.
    let mut sum: u64 = 0;
    let mut folders = vec![root.to_owned()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let Ok(meta) = entry.metadata() else { continue };
            if meta.is_dir() {
                folders.push(path);
            } else {
                let modified = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .unwrap_or_default();
                let mut hasher = DefaultHasher::new();
                (path, meta.len(), modified).hash(&mut hasher);
                sum = sum.wrapping_add(hasher.finish());
            }
        }
    }
    sum
}

/// Checks every site's content folder every [`WATCH_EVERY`] (less often for very large
/// bases, see `WATCH_DUTY`) and reloads what changed; runs until dropped.
pub async fn watch(state: crate::AppState) {
    let mut pause = WATCH_EVERY;
    loop {
        tokio::time::sleep(pause).await;
        let mut looked = Duration::ZERO;
        for site in state.sites.values() {
            looked += site.content.reload_if_changed(&site.config).await.1;
        }
        pause = WATCH_EVERY.max(looked * WATCH_DUTY);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fingerprint_follows_added_changed_and_removed_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("en/trash")).unwrap();
        let file = dir.path().join("en/trash/a.md");
        std::fs::write(&file, "one").unwrap();
        let first = fingerprint(dir.path());
        assert_eq!(first, fingerprint(dir.path()));
        std::fs::write(&file, "one two").unwrap();
        let second = fingerprint(dir.path());
        assert_ne!(first, second);
        std::fs::write(dir.path().join("en/trash/b.md"), "x").unwrap();
        let third = fingerprint(dir.path());
        assert_ne!(second, third);
        std::fs::remove_file(dir.path().join("en/trash/b.md")).unwrap();
        assert_eq!(fingerprint(dir.path()), second);
        // Hidden files, as loading skips them: a write in progress, a `.git` folder.
        std::fs::write(dir.path().join("en/trash/.a.md.wayfinder-tmp"), "o").unwrap();
        std::fs::create_dir_all(dir.path().join(".git")).unwrap();
        std::fs::write(dir.path().join(".git/index"), "x").unwrap();
        assert_eq!(fingerprint(dir.path()), second);
    }

    #[test]
    fn only_the_first_warnings_are_kept_and_all_are_counted() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("knowledge.toml"),
            "site = \"t\"\nname = \"T\"\nlanguages = [\"en\", \"es\"]\ndefault_language = \"en\"\n\
             [topics.t]\nen = \"T\"\nes = \"T\"\n",
        )
        .unwrap();
        std::fs::create_dir_all(dir.path().join("en/t")).unwrap();
        std::fs::create_dir_all(dir.path().join("es/t")).unwrap();
        // One warning per entry: no Spanish translation.
        let entries = KEPT_WARNINGS + 7;
        for i in 0..entries {
            std::fs::write(
                dir.path().join(format!("en/t/e{i:03}.md")),
                format!(
                    "+++\nid = \"e{i:03}\"\nkind = \"faq\"\ntitle = \"Question {i}\"\ntopic = \"t\"\n\
                     status = \"published\"\nlast_reviewed = 2026-10-01\nowner = \"O\"\n\
                     url = \"https://x.example/{i}\"\n+++\nAnswer {i}.\n"
                ),
            )
            .unwrap();
        }
        let built = build_blocking(dir.path(), "t", None, None).unwrap();
        assert_eq!(built.indexes.residents.len(), entries);
        assert_eq!(built.warnings_total, entries);
        assert_eq!(built.warnings.len(), KEPT_WARNINGS);
        assert!(
            built.warnings[0].contains("e000.md") && built.warnings[0].contains("`es`"),
            "{}",
            built.warnings[0]
        );
    }
}
