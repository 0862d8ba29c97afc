//! How building Wayfinder's index grows with the content: 1k, 10k and 100k entries. The perf
//! corpus is imported once with `wayfinder import` (timed); each size is then made of copies
//! of those entry files with suffixed ids, and the server is started on the server core with
//! that folder as its site's content and timed until `/healthz` answers (reading and checking
//! every file, building the index and the language vocabulary). Its memory is read then, and
//! again once the build's scratch memory has gone back to the system: what a server of that
//! size needs while it answers.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use super::corpus::{self, Entry};
use super::support::{self, format_seconds, mb};
use super::wayfinder::{self, Site};
use crate::cmd::say;
use crate::repo::Repo;

/// Sizes measured, with their labels.
const SIZES: &[(usize, &str)] = &[(1_000, "1k"), (10_000, "10k"), (100_000, "100k")];
/// How long after `/healthz` answers the settled memory is read: the allocator hands freed
/// pages back after a second (see `.cargo/config.toml`).
const SETTLE: std::time::Duration = std::time::Duration::from_secs(5);
/// The site (and folder) the corpus is imported into once.
const TEMPLATE: &str = "template";

/// Runs the measurement; returns the report.
pub fn run(repo: &Repo, work: &Path, binary: &Path) -> Result<String> {
    let source = corpus::read(repo)?;
    let dir = work.join("index");
    std::fs::create_dir_all(&dir)?;
    let records = dir.join("corpus.jsonl");
    corpus::write_import_records(&records, &corpus::replicate(&source, source.len()))?;
    let template = dir.join(TEMPLATE);
    say(format!("bench: importing {} entries", source.len()));
    let imported = wayfinder::import(binary, &records, &template)?;
    let files = entry_files(&template)?;
    let mut report = format!(
        "Index build: the perf corpus ({} entries) imported once with `wayfinder import` in {}; \
         each size made of copies of those files with suffixed ids, then the server started on \
         CPU {} until /healthz answers\n\n\
         | entries | start until /healthz | peak memory (VmHWM) | memory when ready (VmRSS) | memory {} s later | entry files on disk |\n\
         |---:|---:|---:|---:|---:|---:|\n",
        source.len(),
        format_seconds(imported),
        support::SERVER_CPU,
        SETTLE.as_secs()
    );
    for &(count, label) in SIZES {
        say(format!("bench: index build with {count} entries"));
        let site_id = format!("index-{label}");
        let content = dir.join(&site_id);
        let bytes = write_copies(&template, &files, &source, count, &content)?;
        let site = Site {
            id: &site_id,
            content: &content,
            timezone: "Europe/Berlin",
        };
        let (config, port) = wayfinder::config(repo, &dir, &site_id, &site, false, "")?;
        let mut server = wayfinder::start(binary, &config, port)?;
        let (ready, health) = server.wait_ready(wayfinder::HEALTH)?;
        let peak = server.peak_rss_kb()?;
        let rss = server.rss_kb()?;
        std::thread::sleep(SETTLE);
        let settled = server.rss_kb()?;
        drop(server);
        let loaded = entries_in_health(&health);
        if loaded != Some(count) {
            bail!("the server reports {loaded:?} entries for {count} written: {health}");
        }
        let _ = writeln!(
            report,
            "| {count} | {} | {} | {} | {} | {:.1} MB |",
            format_seconds(ready),
            mb(peak),
            mb(rss),
            mb(settled),
            bytes as f64 / 1_048_576.0
        );
        std::fs::remove_dir_all(&content)
            .with_context(|| format!("removing {}", content.display()))?;
    }
    std::fs::remove_dir_all(&template)?;
    std::fs::remove_file(&records)?;
    Ok(report)
}

/// The imported entry files by (language, id).
fn entry_files(root: &Path) -> Result<HashMap<(String, String), PathBuf>> {
    let mut files = HashMap::new();
    for lang in std::fs::read_dir(root)? {
        let lang = lang?;
        if !lang.file_type()?.is_dir() {
            continue;
        }
        for topic in std::fs::read_dir(lang.path())? {
            for file in std::fs::read_dir(topic?.path())? {
                let path = file?.path();
                if let Some(id) = path.file_stem().and_then(|s| s.to_str()) {
                    let key = (
                        lang.file_name().to_string_lossy().into_owned(),
                        id.to_owned(),
                    );
                    files.insert(key, path);
                }
            }
        }
    }
    Ok(files)
}

/// Which corpus entry, and which copy of it, entry `i` of `count` is: below the corpus's size
/// entries are taken at an even stride (so every language is in), above it the corpus repeats.
fn pick(len: usize, count: usize, i: usize) -> (usize, usize) {
    if count < len {
        (i * len / count, 0)
    } else {
        (i % len, i / len)
    }
}

/// Writes `count` entries into `out` (site `out`'s folder name), each the imported file of the
/// corpus entry [`pick`] names, with the id of its copy; returns the bytes written.
fn write_copies(
    template: &Path,
    files: &HashMap<(String, String), PathBuf>,
    source: &[Entry],
    count: usize,
    out: &Path,
) -> Result<u64> {
    if out.exists() {
        std::fs::remove_dir_all(out)?;
    }
    let site = out.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let config = std::fs::read_to_string(template.join("knowledge.toml"))?.replacen(
        &format!("site = \"{TEMPLATE}\""),
        &format!("site = \"{site}\""),
        1,
    );
    std::fs::create_dir_all(out)?;
    std::fs::write(out.join("knowledge.toml"), &config)?;
    // Every language listed in knowledge.toml needs its folder, even when empty.
    for lang in std::fs::read_dir(template)? {
        let lang = lang?;
        if lang.file_type()?.is_dir() {
            std::fs::create_dir_all(out.join(lang.file_name()))?;
        }
    }
    let mut bytes = config.len() as u64;
    for i in 0..count {
        let (original, copy) = pick(source.len(), count, i);
        let original = &source[original];
        // The import named copy 0 of every entry `<id>-0`.
        let imported_id = format!("{}-0", original.id);
        let id = format!("{}-{copy}", original.id);
        let file = files
            .get(&(original.lang.clone(), imported_id.clone()))
            .with_context(|| format!("no imported file for {imported_id} ({})", original.lang))?;
        let text = std::fs::read_to_string(file)?.replacen(
            &format!("id = \"{imported_id}\""),
            &format!("id = \"{id}\""),
            1,
        );
        let relative = file
            .strip_prefix(template)?
            .with_file_name(format!("{id}.md"));
        let path = out.join(relative);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, &text)?;
        bytes += text.len() as u64;
    }
    Ok(bytes)
}

/// The entry count in a `/healthz` body with one site (`"entries":N`).
fn entries_in_health(body: &str) -> Option<usize> {
    let start = body.find("\"entries\":")? + "\"entries\":".len();
    let digits: String = body[start..]
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::entries_in_health;

    #[test]
    fn small_sizes_stride_and_large_sizes_repeat() {
        let small: Vec<_> = (0..4).map(|i| super::pick(10, 4, i)).collect();
        assert_eq!(small, [(0, 0), (2, 0), (5, 0), (7, 0)]);
        let large: Vec<_> = (0..5).map(|i| super::pick(2, 5, i)).collect();
        assert_eq!(large, [(0, 0), (1, 0), (0, 1), (1, 1), (0, 2)]);
    }

    #[test]
    fn the_entry_count_is_read_from_the_health_body() {
        let body = r#"{"database":"ok","sites":[{"entries":1000,"id":"index-1k"}],"status":"ok"}"#;
        assert_eq!(entries_in_health(body), Some(1000));
        assert_eq!(entries_in_health("{}"), None);
    }
}
