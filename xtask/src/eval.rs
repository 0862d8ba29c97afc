//! `cargo xtask eval`: answer quality on the development sets, as a table per language.
//!
//! Runs `wayfinder eval` (release build) on each set in the evaluation data folder
//! (`../shared/data/eval` beside the repository, or `WAYFINDER_EVAL_DATA`), writing the
//! result lines to `target/eval/<set>.jsonl`.

use std::path::PathBuf;

use anyhow::{Result, bail};

use crate::cmd::{self, say};
use crate::repo::Repo;

/// The development sets, by folder name.
const SETS: &[&str] = &["covid_gov_faq", "xquad_r"];

/// Builds the server and evaluates every development set.
pub fn run(repo: &Repo) -> Result<()> {
    let data = data_dir(repo);
    if !data.is_dir() {
        bail!(
            "no evaluation data in {} (set WAYFINDER_EVAL_DATA to the folder with {})",
            data.display(),
            SETS.join(", ")
        );
    }
    say("eval: building wayfinder-server (release)");
    cmd::run(&mut cmd::cargo(
        ["build", "--release", "-p", "wayfinder-server"],
        &repo.root,
    ))?;
    let binary = repo.target.join("release").join("wayfinder");
    for set in SETS {
        let dir = data.join(set);
        let out = repo.target.join("eval").join(format!("{set}.jsonl"));
        println!("\n## {set}\n");
        cmd::run(&mut cmd::command(
            &binary,
            [
                "eval".as_ref(),
                "--kb".as_ref(),
                dir.join("kb.jsonl").as_os_str(),
                "--queries".as_ref(),
                dir.join("queries.dev.jsonl").as_os_str(),
                "--out".as_ref(),
                out.as_os_str(),
            ],
            &repo.root,
        ))?;
    }
    Ok(())
}

/// Where the evaluation sets are.
fn data_dir(repo: &Repo) -> PathBuf {
    match std::env::var_os("WAYFINDER_EVAL_DATA") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => repo
            .root
            .join("..")
            .join("shared")
            .join("data")
            .join("eval"),
    }
}
