//! The `wayfinder` command line.
//!
//! - `wayfinder serve --config wayfinder.toml`: run the server.
//! - `wayfinder check <dir>`: validate a knowledge base; prints `path:line: message` for every
//!   problem and exits non-zero when there are errors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

use crate::config::Config;
use crate::state::AppState;

/// Wayfinder: a multilingual assistant for city websites.
#[derive(Debug, Parser)]
#[command(name = "wayfinder", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP server.
    Serve {
        /// The configuration file.
        #[arg(long, default_value = "wayfinder.toml")]
        config: PathBuf,
    },
    /// Check a knowledge-base folder and report every problem as `path:line: message`.
    Check {
        /// The folder with `knowledge.toml`.
        dir: PathBuf,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
    },
    /// Measure retrieval, language identification and handoff on a labelled question set.
    Eval {
        /// Knowledge base, JSONL: `{"id", "lang", "question", "answer", ...}` per line.
        #[arg(long)]
        kb: PathBuf,
        /// Queries, JSONL: `{"qid", "lang", "text", "relevant_ids": [...]}` per line.
        #[arg(long)]
        queries: PathBuf,
        /// Where to write one result line per query.
        #[arg(long)]
        out: PathBuf,
        /// Take each query's language from the file instead of identifying it.
        #[arg(long)]
        lang_from_file: bool,
    },
    /// Measure language identification on labelled short questions (`{"text", "lang"}`).
    Langid {
        /// The knowledge-base folder (its languages are the candidates).
        #[arg(long)]
        content: PathBuf,
        /// Labelled questions, JSONL.
        #[arg(long)]
        queries: PathBuf,
    },
    /// Fit the answer/choices/handoff thresholds on labelled questions and print the scores.
    Calibrate {
        /// The knowledge-base folder.
        #[arg(long)]
        content: PathBuf,
        /// Labelled questions, JSONL: `{"text", "lang", "expect": "<id>" | null}`.
        #[arg(long)]
        queries: PathBuf,
    },
}

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check { dir, strict } => check(&dir, strict),
        Command::Eval {
            kb,
            queries,
            out,
            lang_from_file,
        } => match eval(&kb, &queries, &out, lang_from_file) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("wayfinder: {e:#}");
                ExitCode::FAILURE
            }
        },
        Command::Langid { content, queries } => match langid(&content, &queries) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("wayfinder: {e:#}");
                ExitCode::FAILURE
            }
        },
        Command::Calibrate { content, queries } => match calibrate(&content, &queries) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("wayfinder: {e:#}");
                ExitCode::FAILURE
            }
        },
        Command::Serve { config } => {
            init_logging();
            let runtime = match tokio::runtime::Runtime::new() {
                Ok(rt) => rt,
                Err(e) => {
                    eprintln!("wayfinder: cannot start the runtime: {e}");
                    return ExitCode::FAILURE;
                }
            };
            match runtime.block_on(serve(config)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("wayfinder: {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}

fn init_logging() {
    let filter = EnvFilter::try_from_env("WAYFINDER_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tantivy=warn"));
    tracing_subscriber::fmt().with_env_filter(filter).init();
}

/// `wayfinder check`.
fn check(dir: &std::path::Path, strict: bool) -> ExitCode {
    let (kb, problems) = knowledge::load(dir);
    for problem in &problems {
        println!("{problem}");
    }
    let errors = problems.iter().filter(|p| p.is_error()).count();
    let warnings = problems.len() - errors;
    let entries = kb.as_ref().map_or(0, |kb| kb.entries.len());
    eprintln!(
        "{}: {entries} entries, {errors} error(s), {warnings} warning(s)",
        dir.display()
    );
    if errors > 0 || (strict && warnings > 0) {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `wayfinder eval`.
fn eval(
    kb: &std::path::Path,
    queries: &std::path::Path,
    out: &std::path::Path,
    lang_from_file: bool,
) -> anyhow::Result<()> {
    use crate::eval::{Query, read_jsonl, run_queries, score, table, write_results};
    let started = std::time::Instant::now();
    let base = knowledge::import::from_jsonl(kb, chrono::Utc::now().date_naive())?;
    let index = knowledge::SearchIndex::build(&base)?;
    let built = started.elapsed();
    let questions: Vec<Query> = read_jsonl(queries)?;
    let bar = indicatif::ProgressBar::new(questions.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "{prefix} [{bar:40}] {pos}/{len} {per_sec} eta {eta}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    bar.set_prefix("eval");
    let answering = std::time::Instant::now();
    let results = run_queries(
        &index,
        &questions,
        lang_from_file,
        &crate::decide::Thresholds::default(),
        |done, _| bar.set_position(done as u64),
    )?;
    bar.finish_and_clear();
    let answered = answering.elapsed();
    write_results(out, &results)?;
    let metrics = score(queries, &results)?;
    println!(
        "{} entries indexed in {:.2} s; {} queries in {:.2} s ({:.0} per second); results in {}",
        index.len(),
        built.as_secs_f64(),
        results.len(),
        answered.as_secs_f64(),
        results.len() as f64 / answered.as_secs_f64().max(1e-9),
        out.display()
    );
    print!("{}", table(&metrics));
    Ok(())
}

/// Loads and indexes a knowledge-base folder, refusing content with errors.
fn load_content(content: &std::path::Path) -> anyhow::Result<knowledge::SearchIndex> {
    let (kb, problems) = knowledge::load(content);
    if let Some(first) = problems.iter().find(|p| p.is_error()) {
        anyhow::bail!("the content has errors, first: {first}");
    }
    let kb = kb.ok_or_else(|| anyhow::anyhow!("no content in {}", content.display()))?;
    Ok(knowledge::SearchIndex::build(&kb)?)
}

/// `wayfinder langid`.
fn langid(content: &std::path::Path, queries: &std::path::Path) -> anyhow::Result<()> {
    let index = load_content(content)?;
    let queries: Vec<crate::langid::LabelledText> = crate::eval::read_jsonl(queries)?;
    let report = crate::langid::measure(&index, &queries);
    print!("{}", crate::langid::render(&report));
    Ok(())
}

/// `wayfinder calibrate`.
fn calibrate(content: &std::path::Path, queries: &std::path::Path) -> anyhow::Result<()> {
    use crate::calibrate::{LabelledQuery, evaluate, fit, print_scores};
    let index = load_content(content)?;
    let queries: Vec<LabelledQuery> = crate::eval::read_jsonl(queries)?;
    let current = crate::decide::Thresholds::default();
    print_scores("current", &evaluate(&index, &queries, &current)?);
    let (best, scores) = fit(&index, &queries)?;
    print_scores("fitted ", &scores);
    println!(
        "fitted thresholds: answer_coverage {:.2}, answer_margin {:.2}, choice_coverage {:.2}",
        best.answer_coverage, best.answer_margin, best.choice_coverage
    );
    Ok(())
}

/// `wayfinder serve`.
async fn serve(config_path: PathBuf) -> anyhow::Result<()> {
    let config = Config::load(&config_path)?;
    let listen = config.server.listen;
    let state = AppState::from_config(config).await?;
    let listener = tokio::net::TcpListener::bind(listen).await?;
    let address = listener.local_addr()?;
    tracing::info!(%address, "listening");
    println!("Wayfinder is listening on http://{address}/");
    crate::run(listener, state, shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

/// Completes on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
