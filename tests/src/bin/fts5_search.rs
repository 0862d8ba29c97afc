//! SQLite FTS5 behind a minimal HTTP endpoint: the plain-BM25 peer `cargo xtask bench` compares
//! `/api/v1/ask` with.
//!
//! `fts5_search load --corpus docs.jsonl --db search.db` loads one JSON object per line
//! (`id`, `title`, `body`; other keys ignored) into an FTS5 table (`unicode61` tokenizer,
//! diacritics removed). `fts5_search serve --db search.db --listen 127.0.0.1:PORT` answers
//! `GET /search?q=...` with the ten best entries by bm25 as
//! `{"hits": [{"id", "title", "score"}]}` and `GET /health` with `ok`.
//!
//! The query's words (letters and digits) are each quoted and joined with OR, so any text is
//! a valid FTS5 query and an entry matching any word is a candidate, as in a plain BM25 search.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr as _;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error + Send + Sync>>;

/// Hits returned per search.
const TOP: i64 = 10;
/// Connections searching at once.
const CONNECTIONS: u32 = 4;

/// What to do, from the command line.
enum Mode {
    /// Build the database from a JSONL corpus.
    Load { corpus: PathBuf, db: PathBuf },
    /// Answer searches over a built database.
    Serve { db: PathBuf, listen: SocketAddr },
}

fn mode() -> Result<Mode> {
    let mut args = std::env::args().skip(1);
    let command = args.next().ok_or("give `load` or `serve`")?;
    let mut map = HashMap::new();
    while let Some(key) = args.next() {
        let value = args.next().ok_or(format!("{key} needs a value"))?;
        map.insert(key.trim_start_matches("--").to_owned(), value);
    }
    let get = |k: &str| map.get(k).cloned().ok_or(format!("--{k} is required"));
    match command.as_str() {
        "load" => Ok(Mode::Load {
            corpus: get("corpus")?.into(),
            db: get("db")?.into(),
        }),
        "serve" => Ok(Mode::Serve {
            db: get("db")?.into(),
            listen: get("listen")?.parse()?,
        }),
        other => Err(format!("unknown command {other:?}: give `load` or `serve`").into()),
    }
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let result = match mode() {
        Ok(Mode::Load { corpus, db }) => load(&corpus, &db).await,
        Ok(Mode::Serve { db, listen }) => serve(&db, listen).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("fts5_search: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Creates `db` afresh with every entry of `corpus`.
async fn load(corpus: &std::path::Path, db: &std::path::Path) -> Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let options = SqliteConnectOptions::from_str(&format!("sqlite://{}", db.display()))?
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal);
    let pool = SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await?;
    sqlx::query(
        "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, \
         tokenize = 'unicode61 remove_diacritics 2')",
    )
    .execute(&pool)
    .await?;
    let text = std::fs::read_to_string(corpus)?;
    let mut tx = pool.begin().await?;
    let mut count = 0_usize;
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let doc: Value = serde_json::from_str(line)
            .map_err(|e| format!("{}:{}: {e}", corpus.display(), n + 1))?;
        let field = |k: &str| doc[k].as_str().unwrap_or_default().to_owned();
        sqlx::query("INSERT INTO docs (id, title, body) VALUES (?1, ?2, ?3)")
            .bind(field("id"))
            .bind(field("title"))
            .bind(field("body"))
            .execute(&mut *tx)
            .await?;
        count += 1;
    }
    tx.commit().await?;
    sqlx::query("INSERT INTO docs (docs) VALUES ('optimize')")
        .execute(&pool)
        .await?;
    pool.close().await;
    println!("loaded {count} entries into {}", db.display());
    Ok(())
}

/// Answers searches over `db` on `listen` until killed.
async fn serve(db: &std::path::Path, listen: SocketAddr) -> Result<()> {
    let options =
        SqliteConnectOptions::from_str(&format!("sqlite://{}", db.display()))?.read_only(true);
    let pool = SqlitePoolOptions::new()
        .max_connections(CONNECTIONS)
        .min_connections(CONNECTIONS)
        .connect_with(options)
        .await?;
    let app = Router::new()
        .route("/search", get(search))
        .route("/health", get(|| async { "ok" }))
        .with_state(pool);
    let listener = tokio::net::TcpListener::bind(listen).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app).await?;
    Ok(())
}

/// `GET /search?q=...`: the ten best entries by bm25.
async fn search(
    State(pool): State<SqlitePool>,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let query = match_expression(params.get("q").map_or("", String::as_str));
    if query.is_empty() {
        return axum::Json(json!({ "hits": [] })).into_response();
    }
    let rows: std::result::Result<Vec<(String, String, f64)>, _> = sqlx::query_as(
        "SELECT id, title, bm25(docs) FROM docs WHERE docs MATCH ?1 ORDER BY rank LIMIT ?2",
    )
    .bind(&query)
    .bind(TOP)
    .fetch_all(&pool)
    .await;
    match rows {
        Ok(rows) => {
            let hits: Vec<Value> = rows
                .into_iter()
                .map(|(id, title, score)| json!({ "id": id, "title": title, "score": score }))
                .collect();
            axum::Json(json!({ "hits": hits })).into_response()
        }
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

/// The words of `text` (runs of letters and digits), lowercased, each quoted, joined by OR.
fn match_expression(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| format!("\"{}\"", word.to_lowercase()))
        .collect::<Vec<_>>()
        .join(" OR ")
}

#[cfg(test)]
mod tests {
    use super::match_expression;

    #[test]
    fn any_text_becomes_quoted_words_joined_by_or() {
        assert_eq!(
            match_expression("¿Dónde pago \"el\" AGUA? NEAR(x)"),
            r#""dónde" OR "pago" OR "el" OR "agua" OR "near" OR "x""#
        );
        assert_eq!(match_expression(" ?! "), "");
    }
}
