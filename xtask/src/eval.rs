//! `cargo xtask eval`: answer quality on the development sets, as a table per language.
//!
//! Runs `wayfinder eval` (release build) on the demo city's labelled questions
//! (`tests/data/riverton-queries.jsonl`) and on each set in the evaluation data folder
//! (`../shared/data/eval` beside the repository, or `WAYFINDER_EVAL_DATA`), writing result
//! and feature lines to `target/eval/`, then `wayfinder langid` on the labelled short
//! questions (`tests/data/short-queries.jsonl`). Refit the decision from the feature files
//! with `scripts/fit_decision.py` (its usage line says how).

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
    let out_dir = repo.target.join("eval");
    println!("\n## riverton (demo city)\n");
    cmd::run(&mut cmd::command(
        &binary,
        [
            "eval".as_ref(),
            "--content".as_ref(),
            repo.root.join("knowledge/demo").as_os_str(),
            "--queries".as_ref(),
            repo.root
                .join("tests/data/riverton-queries.jsonl")
                .as_os_str(),
            "--out".as_ref(),
            out_dir.join("riverton.jsonl").as_os_str(),
            "--features".as_ref(),
            out_dir.join("riverton.features.jsonl").as_os_str(),
        ],
        &repo.root,
    ))?;
    for set in SETS {
        let dir = data.join(set);
        let out = out_dir.join(format!("{set}.jsonl"));
        let features = out_dir.join(format!("{set}.features.jsonl"));
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
                "--features".as_ref(),
                features.as_os_str(),
            ],
            &repo.root,
        ))?;
    }
    println!("\n## language of short questions (demo city, no page or browser hints)\n");
    cmd::run(&mut cmd::command(
        &binary,
        [
            "langid".as_ref(),
            "--content".as_ref(),
            repo.root.join("knowledge/demo").as_os_str(),
            "--queries".as_ref(),
            repo.root.join("tests/data/short-queries.jsonl").as_os_str(),
        ],
        &repo.root,
    ))?;
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
