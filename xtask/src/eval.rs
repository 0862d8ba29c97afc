//! `cargo xtask eval`: answer quality on the development sets, as a table per language.
//!
//! Runs `wayfinder eval` (release build) on the demo city's labelled questions
//! (`tests/data/riverton-queries.jsonl`) and on each set in the evaluation data folder
//! (`../shared/data/eval` beside the repository, or `WAYFINDER_EVAL_DATA`), once with hits
//! ranked by words alone and once by words then meaning (the sentence encoder, installed
//! first; entry vectors kept in `target/eval/vectors/`), writing result and feature lines to
//! `target/eval/` (`<set>.jsonl`, `<set>.semantic.jsonl`, and `.features.jsonl` beside each),
//! then `wayfinder langid` on the labelled short questions (`tests/data/short-queries.jsonl`).
//! Refit each decision model from its feature files with `scripts/fit_decision.py` (its usage
//! line says how).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use crate::cmd::{self, say};
use crate::install;
use crate::repo::Repo;

/// The development sets, by folder name.
const SETS: &[&str] = &["covid_gov_faq", "xquad_r"];

/// How hits are ranked: each set is evaluated both ways.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ranking {
    /// Words alone (the server without `[search] semantic_model`).
    Words,
    /// Words, then meaning (with the sentence encoder).
    Meaning,
}

impl Ranking {
    /// The heading word and the suffix of the output files (`<set><suffix>.jsonl`).
    fn names(self) -> (&'static str, &'static str) {
        match self {
            Ranking::Words => ("words alone", ""),
            Ranking::Meaning => ("words, then meaning", ".semantic"),
        }
    }
}

/// Builds the server and evaluates every development set, ranked both ways.
pub fn run(repo: &Repo) -> Result<()> {
    let data = data_dir(repo);
    if !data.is_dir() {
        bail!(
            "no evaluation data in {} (set WAYFINDER_EVAL_DATA to the folder with {})",
            data.display(),
            SETS.join(", ")
        );
    }
    let model = install::semantic_model(repo)?;
    say("eval: building wayfinder-server (release)");
    cmd::run(&mut cmd::cargo(
        ["build", "--release", "-p", "wayfinder-server"],
        &repo.root,
    ))?;
    let binary = repo.target.join("release").join("wayfinder");
    let out_dir = repo.target.join("eval");
    // Entry vectors kept between runs: encoding the sets' entries takes minutes.
    let vectors = out_dir.join("vectors");
    for ranking in [Ranking::Words, Ranking::Meaning] {
        let (heading, suffix) = ranking.names();
        let semantic = (ranking == Ranking::Meaning).then_some((&model, &vectors));
        println!("\n## riverton (demo city), {heading}\n");
        let source = [
            OsString::from("--content"),
            repo.root.join("knowledge/demo").into(),
        ];
        let queries = repo.root.join("tests/data/riverton-queries.jsonl");
        let out = out_dir.join(format!("riverton{suffix}"));
        evaluate(repo, &binary, &source, &queries, &out, semantic)?;
        for set in SETS {
            let dir = data.join(set);
            println!("\n## {set}, {heading}\n");
            let source = [OsString::from("--kb"), dir.join("kb.jsonl").into()];
            let out = out_dir.join(format!("{set}{suffix}"));
            evaluate(
                repo,
                &binary,
                &source,
                &dir.join("queries.dev.jsonl"),
                &out,
                semantic,
            )?;
        }
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

/// Runs `wayfinder eval` on one set: results to `<out>.jsonl`, features to
/// `<out>.features.jsonl`; ranked by meaning with `semantic` (model file, vector folder).
fn evaluate(
    repo: &Repo,
    binary: &Path,
    source: &[OsString],
    queries: &Path,
    out: &Path,
    semantic: Option<(&PathBuf, &PathBuf)>,
) -> Result<()> {
    let with_extension = |extension: &str| {
        let mut path = out.as_os_str().to_owned();
        path.push(extension);
        path
    };
    let mut command = cmd::command(binary, ["eval"], &repo.root);
    command
        .args(source)
        .arg("--queries")
        .arg(queries)
        .arg("--out")
        .arg(with_extension(".jsonl"))
        .arg("--features")
        .arg(with_extension(".features.jsonl"));
    if let Some((model, vectors)) = semantic {
        command
            .arg("--semantic-model")
            .arg(model)
            .arg("--vector-cache")
            .arg(vectors);
    }
    cmd::run(&mut command)
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
