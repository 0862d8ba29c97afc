//! The `wayfinder` command line.
//!
//! - `wayfinder serve --config wayfinder.toml`: run the server.
//! - `wayfinder check <dir>`: validate a knowledge base; prints `path:line: message` for every
//!   problem (editorial warnings included) and the translation coverage, and exits non-zero
//!   when there are errors.
//! - `wayfinder import`, `wayfinder export`: entry files from and to JSONL or CSV records, and
//!   from an Open311 service list.
//! - `wayfinder staff add`: create a staff-console account.
//! - `wayfinder audit verify`: recompute the audit log's hash chain.
//! - `wayfinder purge`, `export-conversation`, `delete-conversation`: retention and
//!   residents' data requests.
//! - `wayfinder eval`, `wayfinder langid`: answer-quality measurements.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};

use crate::config::Config;
use crate::meaning::Searchable;
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
    /// Check a knowledge-base folder and report every problem as `path:line: message`, then
    /// print how much of the content each language has.
    Check {
        /// The folder with `knowledge.toml`.
        dir: PathBuf,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
        /// Warn about published answers not reviewed for more than N months (0: never).
        #[arg(long, value_name = "N", default_value_t = knowledge::review::DEFAULT_REVIEW_MONTHS)]
        review_months: u32,
        /// Measure review ages from this date (YYYY-MM-DD) instead of today.
        #[arg(long, value_name = "DATE")]
        today: Option<chrono::NaiveDate>,
        /// List the ids each language is missing under the coverage table.
        #[arg(long)]
        missing: bool,
    },
    /// Write entry files (`<out>/<lang>/<topic>/<id>.md`) from JSONL or CSV records or from an
    /// Open311 service list, and a `knowledge.toml` when the folder has none.
    #[command(group(
        clap::ArgGroup::new("source")
            .required(true)
            .args(["jsonl", "csv", "open311"])
    ))]
    Import {
        /// Records as JSON Lines: `{"lang", "question", "answer", ...}` per line.
        #[arg(long, value_name = "FILE")]
        jsonl: Option<PathBuf>,
        /// Records as CSV with a header: `lang`, `question`, `answer` and optional columns.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
        /// An Open311 GeoReport v2 service list (`services.json`): one service entry each.
        #[arg(long, value_name = "FILE", requires = "url")]
        open311: Option<PathBuf>,
        /// The content folder to write into.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// The language of the Open311 service list.
        #[arg(long, requires = "open311", default_value = "en")]
        lang: String,
        /// Topic of records without one [default: imported; requests for --open311].
        #[arg(long)]
        topic: Option<String>,
        /// Owner (department) of records without one.
        #[arg(long, default_value = knowledge::writer::DEFAULT_OWNER)]
        owner: String,
        /// Official page of records without one (required with --open311: service lists have
        /// no pages; give the city's page for service requests).
        #[arg(long)]
        url: Option<String>,
        /// Replace entry files that already exist.
        #[arg(long)]
        force: bool,
    },
    /// Write every entry of a knowledge-base folder as JSONL or CSV records, one per entry per
    /// language (the reverse of `import`). `-` writes to standard output.
    #[command(group(
        clap::ArgGroup::new("format")
            .required(true)
            .args(["jsonl", "csv"])
    ))]
    Export {
        /// The folder with `knowledge.toml`.
        dir: PathBuf,
        /// Write JSON Lines here.
        #[arg(long, value_name = "FILE")]
        jsonl: Option<PathBuf>,
        /// Write CSV here.
        #[arg(long, value_name = "FILE")]
        csv: Option<PathBuf>,
    },
    /// Measure retrieval, language identification and handoff on a labelled question set.
    Eval {
        /// Knowledge base, JSONL: `{"id", "lang", "question", "answer", ...}` per line.
        #[arg(long, required_unless_present = "content", conflicts_with = "content")]
        kb: Option<PathBuf>,
        /// Or a knowledge-base folder (with `knowledge.toml`).
        #[arg(long)]
        content: Option<PathBuf>,
        /// Queries, JSONL: `{"qid", "lang", "text", "relevant_ids": [...]}` per line.
        #[arg(long)]
        queries: PathBuf,
        /// Where to write one result line per query.
        #[arg(long)]
        out: PathBuf,
        /// Take each query's language from the file instead of identifying it.
        #[arg(long)]
        lang_from_file: bool,
        /// Also write the decision's evidence per query here (for `scripts/fit_decision.py`).
        #[arg(long)]
        features: Option<PathBuf>,
        /// Rank hits by meaning with this sentence-encoder model (`e5-small-q4.bin`), as the
        /// server does with `[search] semantic_model`.
        #[arg(long)]
        semantic_model: Option<PathBuf>,
        /// Keep the entry vectors in this folder between runs (as `[search] vector_cache`),
        /// in a file named after the knowledge base's folder and file.
        #[arg(long, requires = "semantic_model")]
        vector_cache: Option<PathBuf>,
    },
    /// Manage staff accounts for the staff console.
    Staff {
        /// What to do.
        #[command(subcommand)]
        action: StaffCommand,
    },
    /// Check the audit log.
    Audit {
        /// What to do.
        #[command(subcommand)]
        action: AuditCommand,
    },
    /// Remove data older than each site's `[sites.retention]` now (the server also does this
    /// daily).
    Purge {
        /// The configuration file.
        #[arg(long, default_value = "wayfinder.toml")]
        config: PathBuf,
    },
    /// Print everything kept about one resident's conversation as JSON (a data request). The id
    /// may be a conversation, chat or ticket id.
    ExportConversation {
        /// The configuration file.
        #[arg(long, default_value = "wayfinder.toml")]
        config: PathBuf,
        /// Conversation, chat or ticket id.
        #[arg(long)]
        id: String,
    },
    /// Delete everything kept about one resident's conversation (a data request). The id may
    /// be a conversation, chat or ticket id.
    DeleteConversation {
        /// The configuration file.
        #[arg(long, default_value = "wayfinder.toml")]
        config: PathBuf,
        /// Conversation, chat or ticket id.
        #[arg(long)]
        id: String,
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
}

/// `wayfinder staff ...`.
#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Create an account. The password comes from `WAYFINDER_PASSWORD` or the first line of
    /// standard input.
    Add {
        /// The configuration file (for the database and the sites).
        #[arg(long, default_value = "wayfinder.toml")]
        config: PathBuf,
        /// The site the account works for.
        #[arg(long)]
        site: String,
        /// Sign-in e-mail address.
        #[arg(long)]
        email: String,
        /// Display name residents see, e.g. "Alex".
        #[arg(long)]
        name: String,
        /// `staff` answers chats; `admin` also manages content and settings.
        #[arg(long, value_enum, default_value_t = Role::Staff)]
        role: Role,
        /// Home department id (from `[[sites.live.departments]]`).
        #[arg(long)]
        department: Option<String>,
    },
}

/// A staff account's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Role {
    /// Answers chats and tickets.
    Staff,
    /// Also manages content and settings.
    Admin,
}

/// `wayfinder audit ...`.
#[derive(Debug, Subcommand)]
pub enum AuditCommand {
    /// Recompute the audit log's hash chain and report the first broken link.
    Verify {
        /// The configuration file (for the database).
        #[arg(long, default_value = "wayfinder.toml")]
        config: PathBuf,
    },
}

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check {
            dir,
            strict,
            review_months,
            today,
            missing,
        } => check(
            &dir,
            strict,
            knowledge::CheckOptions {
                today: today.unwrap_or_else(|| chrono::Utc::now().date_naive()),
                review_months,
            },
            missing,
        ),
        Command::Import {
            jsonl,
            csv,
            open311,
            out,
            lang,
            topic,
            owner,
            url,
            force,
        } => {
            let (source, default_topic) = match (jsonl, csv, open311) {
                (Some(path), _, _) => (ImportSource::Jsonl(path), knowledge::writer::DEFAULT_TOPIC),
                (_, Some(path), _) => (ImportSource::Csv(path), knowledge::writer::DEFAULT_TOPIC),
                (_, _, Some(path)) => (ImportSource::Open311(path, lang), OPEN311_TOPIC),
                (None, None, None) => {
                    eprintln!("wayfinder: give --jsonl, --csv or --open311");
                    return ExitCode::FAILURE;
                }
            };
            let options = knowledge::writer::ImportOptions {
                out,
                topic: topic.unwrap_or_else(|| default_topic.to_owned()),
                owner,
                url,
                today: chrono::Utc::now().date_naive(),
                force,
            };
            import(&source, &options)
        }
        Command::Export { dir, jsonl, csv } => exit_code(match (jsonl, csv) {
            (Some(path), _) => export(&dir, knowledge::export::Format::Jsonl, &path),
            (_, Some(path)) => export(&dir, knowledge::export::Format::Csv, &path),
            (None, None) => Err(anyhow::anyhow!("give --jsonl or --csv")),
        }),
        Command::Eval {
            kb,
            content,
            queries,
            out,
            lang_from_file,
            features,
            semantic_model,
            vector_cache,
        } => exit_code(eval(
            kb.as_deref(),
            content.as_deref(),
            &queries,
            &out,
            lang_from_file,
            features.as_deref(),
            semantic_model
                .as_deref()
                .map(|model| (model, vector_cache.as_deref())),
        )),
        Command::Langid { content, queries } => exit_code(langid(&content, &queries)),
        Command::Staff { action } => exit_code(block_on(staff(action))),
        Command::Audit {
            action: AuditCommand::Verify { config },
        } => exit_code(block_on(audit_verify(config))),
        Command::Purge { config } => exit_code(block_on(purge(config))),
        Command::ExportConversation { config, id } => {
            exit_code(block_on(export_conversation(config, id)))
        }
        Command::DeleteConversation { config, id } => {
            exit_code(block_on(delete_conversation(config, id)))
        }
        Command::Serve { config } => exit_code(
            tokio::runtime::Runtime::new()
                .context("cannot start the runtime")
                .and_then(|runtime| runtime.block_on(serve(config))),
        ),
    }
}

/// Runs `future` on a fresh runtime.
fn block_on(future: impl std::future::Future<Output = anyhow::Result<()>>) -> anyhow::Result<()> {
    tokio::runtime::Runtime::new()
        .context("cannot start the runtime")?
        .block_on(future)
}

/// `wayfinder staff add`.
async fn staff(action: StaffCommand) -> anyhow::Result<()> {
    let StaffCommand::Add {
        config,
        site,
        email,
        name,
        role,
        department,
    } = action;
    let (config, store) = open_store(&config).await?;
    let site_config = config
        .site(&site)
        .with_context(|| format!("no site {site:?} in the configuration"))?;
    if let Some(department) = &department {
        let known = site_config
            .live
            .as_ref()
            .is_some_and(|l| l.departments.iter().any(|d| &d.id == department));
        anyhow::ensure!(
            known,
            "site {site:?} has no department {department:?} in [[sites.live.departments]]"
        );
    }
    let email = email.trim().to_lowercase();
    anyhow::ensure!(
        email.contains('@') && !email.contains(char::is_whitespace),
        "{email:?} is not an e-mail address"
    );
    let name = name.trim().to_owned();
    anyhow::ensure!(!name.is_empty(), "the name is empty");
    let password = match std::env::var("WAYFINDER_PASSWORD") {
        Ok(p) => p,
        Err(_) => {
            eprintln!(
                "Password for {email} (at least {} characters):",
                crate::auth::MIN_PASSWORD_CHARS
            );
            let mut line = String::new();
            std::io::stdin().read_line(&mut line)?;
            line.trim_end_matches(['\r', '\n']).to_owned()
        }
    };
    anyhow::ensure!(
        password.chars().count() >= crate::auth::MIN_PASSWORD_CHARS,
        "the password must have at least {} characters",
        crate::auth::MIN_PASSWORD_CHARS
    );
    let password_hash = crate::auth::hash_password(&password)
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;
    let account = crate::store::live::StaffAccount {
        id: uuid::Uuid::new_v4().to_string(),
        site: site.clone(),
        email: email.clone(),
        name,
        role: match role {
            Role::Staff => "staff".into(),
            Role::Admin => "admin".into(),
        },
        department,
        password_hash,
    };
    store
        .add_staff(&account)
        .await
        .with_context(|| format!("cannot add {email}"))?;
    println!("added {} ({}) to site {site}", account.email, account.role);
    Ok(())
}

/// The configuration at `path` and its database (SQLite or PostgreSQL, by its URL).
async fn open_store(
    path: &std::path::Path,
) -> anyhow::Result<(Config, std::sync::Arc<dyn crate::store::Store>)> {
    let config = Config::load(path)?;
    let store = crate::store::open(&config.server.database_url)
        .await
        .with_context(|| {
            format!(
                "opening the database {}",
                crate::store::shown_url(&config.server.database_url)
            )
        })?;
    Ok((config, store.store()))
}

/// `wayfinder purge`.
async fn purge(config: PathBuf) -> anyhow::Result<()> {
    let (config, store) = open_store(&config).await?;
    for (site, r) in crate::retention::purge_all(&config, store.as_ref()).await? {
        println!(
            "{site}: removed {} conversation(s), {} chat(s), {} ticket(s), {} service request(s); cleared {} audit detail(s)",
            r.conversations, r.chats, r.tickets, r.requests, r.audit_details
        );
    }
    Ok(())
}

/// `wayfinder export-conversation`.
async fn export_conversation(config: PathBuf, id: String) -> anyhow::Result<()> {
    let (_, store) = open_store(&config).await?;
    let data = store
        .export_conversation(&id)
        .await?
        .with_context(|| format!("nothing is kept under the id {id:?}"))?;
    println!("{}", serde_json::to_string_pretty(&data)?);
    Ok(())
}

/// `wayfinder delete-conversation`.
async fn delete_conversation(config: PathBuf, id: String) -> anyhow::Result<()> {
    let (_, store) = open_store(&config).await?;
    let r = store
        .delete_conversation(&id)
        .await?
        .with_context(|| format!("nothing is kept under the id {id:?}"))?;
    println!(
        "deleted {} conversation(s) with {} message(s), {} chat(s), {} ticket(s)",
        r.conversations, r.messages, r.chats, r.tickets
    );
    Ok(())
}

/// `wayfinder audit verify`.
async fn audit_verify(config: PathBuf) -> anyhow::Result<()> {
    let (_, store) = open_store(&config).await?;
    let rows = store.audit_log().await?;
    let checked = crate::audit::verify(&rows)?;
    println!("audit log intact: {checked} entries");
    Ok(())
}

/// Success, or the error with its causes on stderr and a failure status.
fn exit_code(result: anyhow::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("wayfinder: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// `wayfinder check`.
fn check(
    dir: &std::path::Path,
    strict: bool,
    options: knowledge::CheckOptions,
    list_missing: bool,
) -> ExitCode {
    let (kb, mut problems) = knowledge::load(dir);
    if let Some(kb) = &kb {
        problems.extend(knowledge::editorial_checks(kb, &options));
        problems.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
    }
    for problem in &problems {
        println!("{problem}");
    }
    if let Some(kb) = &kb {
        if !problems.is_empty() {
            println!();
        }
        print!(
            "{}",
            knowledge::coverage::Coverage::of(kb).render(list_missing)
        );
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

/// Topic of entries imported from an Open311 service list, unless `--topic` says otherwise.
const OPEN311_TOPIC: &str = "requests";

/// Where `wayfinder import` reads records from.
enum ImportSource {
    /// A JSONL file.
    Jsonl(PathBuf),
    /// A CSV file.
    Csv(PathBuf),
    /// An Open311 service list and its language.
    Open311(PathBuf, String),
}

/// `wayfinder import`: bad records are reported as `FILE:line: message` and make the exit
/// status non-zero; the good ones are written.
fn import(source: &ImportSource, options: &knowledge::writer::ImportOptions) -> ExitCode {
    let started = std::time::Instant::now();
    let read = match source {
        ImportSource::Jsonl(path) => knowledge::jsonl_io::read_rows(path),
        ImportSource::Csv(path) => knowledge::csv_io::read_rows(path),
        ImportSource::Open311(path, lang) => knowledge::open311::read_rows(path, lang),
    };
    let read = match read {
        Ok(read) => read,
        Err(problem) => {
            println!("{problem}");
            return ExitCode::FAILURE;
        }
    };
    let bar = indicatif::ProgressBar::new(read.rows.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{prefix} [{bar:40}] {pos}/{len} {per_sec}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar.set_prefix("import");
    let result = knowledge::writer::import_rows(&read, options, |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    });
    bar.finish_and_clear();
    let report = match result {
        Ok(report) => report,
        Err(problem) => {
            println!("{problem}");
            return ExitCode::FAILURE;
        }
    };
    let mut problems: Vec<&knowledge::Diagnostic> =
        read.problems.iter().chain(&report.problems).collect();
    problems.sort_by_key(|p| p.line);
    for problem in &problems {
        println!("{problem}");
    }
    for path in &report.skipped {
        println!(
            "{}: exists, not replaced (--force replaces it)",
            path.display()
        );
    }
    let bad = problems.iter().filter(|p| p.is_error()).count();
    let languages: Vec<String> = report
        .per_language
        .iter()
        .map(|(lang, n)| format!("{lang} {n}"))
        .collect();
    eprintln!(
        "{}: {} record(s); wrote {} entries ({}) to {} in {:.2} s; {} already existed; {bad} bad record(s){}",
        read.path.display(),
        read.rows.len() + read.problems.iter().filter(|p| p.is_error()).count(),
        report.written.len(),
        if languages.is_empty() {
            "none".to_owned()
        } else {
            languages.join(", ")
        },
        options.out.display(),
        started.elapsed().as_secs_f64(),
        report.skipped.len(),
        report
            .config_written
            .as_ref()
            .map(|p| format!("; wrote {}", p.display()))
            .unwrap_or_default(),
    );
    if bad > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// `wayfinder export`.
fn export(
    dir: &std::path::Path,
    format: knowledge::export::Format,
    path: &std::path::Path,
) -> anyhow::Result<()> {
    let (kb, problems) = knowledge::load(dir);
    if let Some(first) = problems.iter().find(|p| p.is_error()) {
        anyhow::bail!("the content has errors (run wayfinder check), first: {first}");
    }
    let kb = kb.ok_or_else(|| anyhow::anyhow!("no content in {}", dir.display()))?;
    let written = if path == std::path::Path::new("-") {
        knowledge::export::export(&kb, format, std::io::stdout().lock())?
    } else {
        let file = std::fs::File::create(path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        knowledge::export::export(&kb, format, std::io::BufWriter::new(file))
            .with_context(|| format!("cannot write {}", path.display()))?
    };
    eprintln!(
        "{}: exported {written} entries to {}",
        dir.display(),
        path.display()
    );
    Ok(())
}

/// `wayfinder eval`; ranked by meaning with `semantic`: the model, and the folder keeping
/// entry vectors.
fn eval(
    kb: Option<&std::path::Path>,
    content: Option<&std::path::Path>,
    queries: &std::path::Path,
    out: &std::path::Path,
    lang_from_file: bool,
    features_out: Option<&std::path::Path>,
    semantic: Option<(&std::path::Path, Option<&std::path::Path>)>,
) -> anyhow::Result<()> {
    use crate::eval::{Query, read_jsonl, run_queries, score, table, write_jsonl};
    if let Some((_, Some(dir))) = semantic {
        // Before the index is built: that takes a while on a large base.
        crate::meaning::VectorCache::check_folder(dir).map_err(anyhow::Error::msg)?;
    }
    let started = std::time::Instant::now();
    let index = match (kb, content) {
        (Some(kb), _) => {
            let base = knowledge::import::from_jsonl(kb, chrono::Utc::now().date_naive())?;
            knowledge::SearchIndex::build(&base)?
        }
        (None, Some(content)) => load_content(content)?,
        (None, None) => anyhow::bail!("give --kb or --content"),
    };
    let index = std::sync::Arc::new(index);
    let searchable = match semantic {
        Some((path, vector_cache)) => {
            // `covid_gov_faq/kb.jsonl` → `covid_gov_faq-kb`.
            let source = kb.or(content).unwrap_or(std::path::Path::new("eval"));
            let name = [
                source.parent().and_then(|p| p.file_name()),
                source.file_stem(),
            ]
            .into_iter()
            .flatten()
            .map(|part| part.to_string_lossy())
            .collect::<Vec<_>>()
            .join("-");
            let encoding = crate::meaning::Encoding {
                encoder: std::sync::Arc::new(semantic::Encoder::open(path)?),
                cache: vector_cache.map(|dir| crate::meaning::VectorCache::for_site(dir, &name)),
            };
            let vectors = encoding.vectors(&index, None);
            Searchable::with_meaning(index, encoding.encoder, std::sync::Arc::new(vectors))
        }
        None => Searchable::words_only(index),
    };
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
    let (results, features) = run_queries(
        &searchable.index,
        searchable.meaning(),
        &questions,
        lang_from_file,
        |done, _| bar.set_position(done as u64),
    )?;
    bar.finish_and_clear();
    let answered = answering.elapsed();
    write_jsonl(out, &results)?;
    if let Some(path) = features_out {
        write_jsonl(path, &features)?;
    }
    let metrics = score(queries, &results)?;
    println!(
        "{} entries indexed in {:.2} s; {} queries in {:.2} s ({:.0} per second); results in {}",
        searchable.index.len(),
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

/// `wayfinder serve`.
async fn serve(config_path: PathBuf) -> anyhow::Result<()> {
    let config = Config::load(&config_path)?;
    crate::telemetry::init_logging(config.server.log_format);
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
