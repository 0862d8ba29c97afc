//! What each pass did: schemathesis' own figures, the responses the hooks recorded counted
//! by operation and status, and the summary printed at the end.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};

use crate::cmd::say;

/// What one pass did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The pass's name.
    pub name: &'static str,
    /// Operations schemathesis tested, as it reported.
    pub operations: Option<String>,
    /// Its test-case line, e.g. `1234 generated, 1234 passed`.
    pub cases: Option<String>,
    /// Whether schemathesis exited successfully.
    pub passed: bool,
    /// Wall-clock seconds.
    pub seconds: f64,
    /// Its responses.
    pub tally: Tally,
}

/// Responses by status.
pub type Statuses = BTreeMap<u16, u64>;

/// The responses of one pass, counted.
#[derive(Debug, Default)]
pub struct Tally {
    /// Responses by operation (`METHOD path`) and status, for requests with the operation's
    /// method.
    pub operations: BTreeMap<String, Statuses>,
    /// Responses to requests with another method, by status.
    pub other_methods: Statuses,
}

/// The responses a hooks tally file lists (none when it is missing).
pub fn read_tally(path: &Path) -> Result<Tally> {
    let mut tally = Tally::default();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(tally),
        Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
    };
    for line in text.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let [method, path, sent, status] = fields[..] else {
            continue;
        };
        let Ok(status) = status.trim().parse::<u16>() else {
            continue;
        };
        let statuses = if method == sent {
            tally
                .operations
                .entry(format!("{method} {path}"))
                .or_default()
        } else {
            &mut tally.other_methods
        };
        *statuses.entry(status).or_default() += 1;
    }
    Ok(tally)
}

/// `401×3 404×10` for a status distribution.
fn distribution(statuses: &Statuses) -> String {
    statuses
        .iter()
        .map(|(status, count)| format!("{status}×{count}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Prints each pass's figures, its responses by status, and the signed-in passes' responses
/// per operation.
pub fn summarize(outcomes: &[Outcome]) {
    println!();
    say("api-check: summary");
    println!(
        "{:<10} {:>10} {:<40} {:>8}  result",
        "pass", "operations", "test cases", "seconds"
    );
    for o in outcomes {
        println!(
            "{:<10} {:>10} {:<40} {:>8.1}  {}",
            o.name,
            o.operations.as_deref().unwrap_or("?"),
            o.cases.as_deref().unwrap_or("?"),
            o.seconds,
            if o.passed { "passed" } else { "FAILED" }
        );
    }
    for o in outcomes {
        let mut all = Statuses::new();
        for statuses in o.tally.operations.values() {
            for (status, count) in statuses {
                *all.entry(*status).or_default() += count;
            }
        }
        let total: u64 = all.values().sum();
        println!(
            "\n{} — {total} responses from {} operations: {}",
            o.name,
            o.tally.operations.len(),
            distribution(&all)
        );
        if !o.tally.other_methods.is_empty() {
            println!(
                "  and {} to methods the operations do not have: {}",
                o.tally.other_methods.values().sum::<u64>(),
                distribution(&o.tally.other_methods)
            );
        }
        if o.name != "anonymous" {
            for (operation, statuses) in &o.tally.operations {
                println!("  {operation:<48} {}", distribution(statuses));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tallies_count_by_operation_and_status() {
        let dir = std::env::temp_dir().join(format!("api-check-tally-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("t.tsv");
        std::fs::write(
            &path,
            "GET\t/staff/api/me\tGET\t200\nGET\t/staff/api/me\tGET\t200\n\
             POST\t/admin/reload\tPOST\t403\nPOST\t/admin/reload\tPUT\t405\nbad\n",
        )
        .unwrap();
        let tally = read_tally(&path).unwrap();
        assert_eq!(tally.operations["GET /staff/api/me"][&200], 2);
        assert_eq!(
            distribution(&tally.operations["POST /admin/reload"]),
            "403×1"
        );
        assert_eq!(distribution(&tally.other_methods), "405×1");
        let missing = read_tally(&dir.join("missing.tsv")).unwrap();
        assert!(missing.operations.is_empty() && missing.other_methods.is_empty());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
