//! Ranking by meaning on a real server: questions worded unlike their entry are answered
//! with it, where words alone put another entry first; entry vectors are kept between starts.

mod common;

use std::path::{Path, PathBuf};

use protocol::{AskResponse, Outcome};
use reqwest::{Client, StatusCode};
use serde_json::json;

const ALLOWED_ORIGIN: &str = "https://www.riverton.example";

/// The sentence encoder's model, as `cargo xtask test` installs it and names it in
/// `WAYFINDER_SEMANTIC_MODEL`.
fn model() -> PathBuf {
    let path = std::env::var_os("WAYFINDER_SEMANTIC_MODEL")
        .map(PathBuf::from)
        .unwrap_or_else(|| common::repo_root().join("target/models/e5-small-q4.bin"));
    assert!(
        path.is_file(),
        "the semantic model is missing at {}: `cargo xtask test` installs it",
        path.display()
    );
    path
}

/// The demo configuration ranking by meaning, its entry vectors kept in `vectors`.
fn config_with_meaning(dir: &Path, vectors: &Path) -> String {
    let demo = common::demo_config(dir, &common::repo_root().join("knowledge/demo"));
    let search = format!(
        "[search]\nsemantic_model = \"{}\"\nvector_cache = \"{}\"\n\n[[sites]]\n",
        model().display(),
        vectors.display()
    );
    demo.replacen("[[sites]]\n", &search, 1)
}

/// Vectors shared by the tests of this file and kept across runs in the target folder: the
/// demo city's entries are encoded once (about a minute on two cores), not by every test.
fn shared_vectors() -> PathBuf {
    common::repo_root().join("target/test-vectors")
}

async fn start_with_meaning(vectors: &Path) -> common::TestServer {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = common::load_config(dir.path(), &config_with_meaning(dir.path(), vectors))
        .expect("the config loads");
    common::start_with(dir, config).await
}

/// The entry the reply puts first: its answer, or its first choice; `None` on a handoff.
async fn first_entry(client: &Client, server: &common::TestServer, text: &str) -> Option<String> {
    let response = client
        .post(server.url("/api/v1/ask"))
        .header("Origin", ALLOWED_ORIGIN)
        .json(&json!({"site": "riverton", "text": text, "page_lang": "en"}))
        .send()
        .await
        .expect("request is sent");
    assert_eq!(response.status(), StatusCode::OK);
    let reply: AskResponse = response.json().await.expect("an AskResponse");
    match reply.outcome {
        Outcome::Answer => reply.answer.map(|answer| answer.id),
        Outcome::Choices => reply.choices.first().map(|choice| choice.id.clone()),
        _ => None,
    }
}

/// Questions that share their words with another entry more than with their own.
const PARAPHRASES: &[(&str, &str)] = &[
    ("can I hold a yard sale on Saturday", "garage-sale-permit"),
    (
        "someone left an old mattress and tires in the alley",
        "illegal-dumping",
    ),
    (
        "quiero pelear una multa de estacionamiento",
        "contest-parking-ticket",
    ),
];

#[tokio::test]
async fn paraphrases_are_answered_with_their_entry_where_words_alone_miss_it() {
    let client = Client::new();
    let words = common::start().await;
    let meaning = start_with_meaning(&shared_vectors()).await;
    for (text, entry) in PARAPHRASES {
        let by_words = first_entry(&client, &words, text).await;
        assert_ne!(
            by_words.as_deref(),
            Some(*entry),
            "{text:?}: words alone already find it, so this question shows nothing"
        );
        assert_eq!(
            first_entry(&client, &meaning, text).await.as_deref(),
            Some(*entry),
            "{text:?} ranked by meaning"
        );
    }
    // Clear questions keep their answers, and questions the city cannot answer are still
    // handed off.
    assert_eq!(
        first_entry(&client, &meaning, "when is trash picked up")
            .await
            .as_deref(),
        Some("trash-collection-day")
    );
    assert_eq!(
        first_entry(&client, &meaning, "who won the world cup").await,
        None
    );
    // Operators see what the encoder costs.
    let encoded = common::sample(
        &meaning.metrics().await,
        "wayfinder_question_encoding_duration_seconds_count ",
    )
    .expect("questions encoded are counted");
    // At least the paraphrases (a process-wide count: other tests may add to it).
    assert!(
        encoded >= PARAPHRASES.len() as f64,
        "{encoded} questions encoded"
    );
}

/// A small site: the demo city's configuration with its English library entries only.
fn library_only(dir: &Path) -> PathBuf {
    let demo = common::repo_root().join("knowledge/demo");
    let content = dir.join("content");
    std::fs::create_dir_all(content.join("en/library")).expect("create folders");
    std::fs::copy(demo.join("knowledge.toml"), content.join("knowledge.toml")).expect("copy");
    common::copy_dir(&demo.join("en/library"), &content.join("en/library"));
    // Every language the configuration lists has a folder, empty here.
    for lang in ["es", "zh-Hans", "vi", "ar", "ko", "tl"] {
        std::fs::create_dir_all(content.join(lang)).expect("create folder");
    }
    content
}

#[tokio::test]
async fn entry_vectors_are_kept_between_starts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = library_only(dir.path());
    let vectors = dir.path().join("vectors");
    let start = |content: PathBuf, vectors: PathBuf| async move {
        let dir = tempfile::tempdir().expect("temp dir");
        let text = common::demo_config(dir.path(), &content);
        let text = text.replacen(
            "[[sites]]\n",
            &format!(
                "[search]\nsemantic_model = \"{}\"\nvector_cache = \"{}\"\n\n[[sites]]\n",
                model().display(),
                vectors.display()
            ),
            1,
        );
        let config = common::load_config(dir.path(), &text).expect("the config loads");
        common::start_with(dir, config).await
    };
    let client = Client::new();
    let text = "how long can I keep a borrowed book";
    let first = start(content.clone(), vectors.clone()).await;
    let answered = first_entry(&client, &first, text).await;
    assert_eq!(answered.as_deref(), Some("library-renew-items"));
    first.stop().await;

    let file = vectors.join("riverton.vectors");
    let kept = std::fs::read(&file).expect("the vectors were written");
    // The header (magic, model hash, count), then 420 bytes a vector: two an entry (its
    // passage and its questions).
    let count = u32::from_le_bytes(kept[36..40].try_into().expect("four bytes"));
    assert_eq!(count, 6, "the three library entries");
    assert_eq!(kept.len(), 40 + count as usize * (32 + 4 + 384));
    let written_at = std::fs::metadata(&file)
        .and_then(|m| m.modified())
        .expect("mtime");

    let second = start(content.clone(), vectors.clone()).await;
    assert_eq!(first_entry(&client, &second, text).await, answered);
    second.stop().await;
    assert!(
        std::fs::read(&file).expect("still there") == kept,
        "the file is unchanged"
    );
    assert_eq!(
        std::fs::metadata(&file)
            .and_then(|m| m.modified())
            .expect("mtime"),
        written_at,
        "nothing changed, so nothing was written"
    );

    // An entry whose question is reworded is encoded again, and the file then holds its new
    // vectors only.
    let hours = content.join("en/library/library-hours.md");
    let text = std::fs::read_to_string(&hours).expect("read");
    let edited = text.replacen("title = \"", "title = \"Opening times: ", 1);
    assert_ne!(edited, text, "the entry has a title to reword");
    std::fs::write(&hours, edited).expect("edit");
    let third = start(content, vectors.clone()).await;
    third.stop().await;
    let rewritten = std::fs::read(&file).expect("rewritten");
    assert!(rewritten != kept, "the file was written again");
    assert_eq!(
        u32::from_le_bytes(rewritten[36..40].try_into().expect("four bytes")),
        6,
        "the old vectors of the edited entry are dropped"
    );
}
