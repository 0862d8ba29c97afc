//! Bot turns written to SQLite in groups (group commit).
//!
//! Every answered question stores two messages and touches its conversation. Written one
//! transaction per turn on the single writer connection, each turn paid a transaction, five
//! round trips to the connection's thread and a sync of the write-ahead log, and under load
//! the turns queued behind each other. Here one task writes them: turns that arrive while a
//! group is being written wait together and go into the next group: one transaction (and one
//! sync), whatever their number up to [`MAX_GROUP`], cut into a few pieces of set sizes, each
//! piece's two statements (its conversations, its messages) sent to the connection's thread
//! together. A lone turn is written at once, as before.
//!
//! Before writing, the task lets every other task that is ready run once, and takes the
//! turns they queued meanwhile. Without that, under load the task woke for the first turn
//! queued and wrote groups of one or two while the questions behind them were a step from
//! done; every statement is a round trip to the connection's thread, two thread switches
//! with sqlx's SQLite driver. With it, 15k-entry base at 32 connections on one core: thread
//! switches per question 4.7 → 2.0, CPU per question 203 → 185 µs. When nothing else is
//! ready, the yield returns at once.
//!
//! It lets them run again as long as a round adds turns. After one yield, tokio wakes the
//! writer into the slot of the task to run next (its "LIFO slot"), ahead of the questions
//! that became ready at the same moment, so a single yield took only the turns of the
//! questions already running. Groups at 32 connections grew from about 14 turns to about 26:
//! syncs per question halved, thread switches per question 1.42 → 0.70, 8 to 10 % more
//! questions a second (docs/performance.md). Turning tokio's LIFO slot off (an unstable
//! option) measured the same.
//!
//! Durability is unchanged: [`TurnWriter::record`] returns only once the group holding the
//! turn is committed, so a reply is never sent for a turn that is not stored, and a graceful
//! shutdown (which lets requests in flight finish) loses nothing. When a group fails, its
//! turns are written again one by one, so each caller learns about its own turn.

use sqlx::sqlite::SqlitePool;
use sqlx::{QueryBuilder, Sqlite};
use tokio::sync::{mpsc, oneshot};

use super::now;
use crate::store::Turn;

/// Most turns written in one transaction.
pub const MAX_GROUP: usize = 64;

/// Turns waiting for the writer at most; callers beyond this wait for room.
const QUEUE: usize = 1024;

/// Turns per piece: groups are cut into these sizes so that only a few statement texts exist
/// (each prepared once per connection and cached).
const CHUNKS: [usize; 7] = [64, 32, 16, 8, 4, 2, 1];

/// A turn waiting to be written, with when it was asked and who waits for it.
struct Pending {
    turn: Turn,
    at: String,
    done: oneshot::Sender<Result<(), sqlx::Error>>,
}

/// The queue to the task that writes turns (see the module documentation). Cheap to clone.
#[derive(Debug, Clone)]
pub struct TurnWriter {
    queue: mpsc::Sender<Pending>,
}

impl TurnWriter {
    /// Starts the writing task on the current tokio runtime, writing through `writer` (the
    /// store's single writer connection). The task ends when every clone of the returned
    /// writer is dropped, after writing what was queued.
    pub fn start(writer: SqlitePool) -> Self {
        let (queue, received) = mpsc::channel(QUEUE);
        tokio::spawn(run(writer, received));
        Self { queue }
    }

    /// Stores `turn` (timestamped now) and returns once it is committed.
    pub async fn record(&self, turn: &Turn) -> Result<(), sqlx::Error> {
        let (done, committed) = oneshot::channel();
        let pending = Pending {
            turn: turn.clone(),
            at: now(),
            done,
        };
        self.queue
            .send(pending)
            .await
            .map_err(|_| sqlx::Error::WorkerCrashed)?;
        committed.await.map_err(|_| sqlx::Error::WorkerCrashed)?
    }
}

/// The writing task: takes every turn waiting (up to [`MAX_GROUP`]) and writes them together.
async fn run(writer: SqlitePool, mut received: mpsc::Receiver<Pending>) {
    let mut group = Vec::with_capacity(MAX_GROUP);
    while received.recv_many(&mut group, MAX_GROUP).await > 0 {
        // Let the tasks that are ready run first, again while they add turns: those about
        // to finish a turn join this group instead of waiting for the next one (see the
        // module documentation).
        loop {
            tokio::task::yield_now().await;
            let before = group.len();
            while group.len() < MAX_GROUP
                && let Ok(pending) = received.try_recv()
            {
                group.push(pending);
            }
            if group.len() == before || group.len() == MAX_GROUP {
                break;
            }
        }
        match write(&writer, &group).await {
            Ok(()) => {
                for pending in group.drain(..) {
                    let _ = pending.done.send(Ok(()));
                }
            }
            Err(error) if group.len() == 1 => {
                if let Some(pending) = group.pop() {
                    let _ = pending.done.send(Err(error));
                }
            }
            Err(error) => {
                tracing::warn!(turns = group.len(), %error, "writing turns together failed; writing them one by one");
                for pending in group.drain(..) {
                    let result = write(&writer, std::slice::from_ref(&pending)).await;
                    let _ = pending.done.send(result);
                }
            }
        }
    }
}

/// `group` cut into consecutive pieces, each of the largest size in [`CHUNKS`] that fits
/// what is left (one trip to the connection's thread per piece).
fn chunks(group: &[Pending]) -> impl Iterator<Item = &[Pending]> {
    let mut rest = group;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let size = CHUNKS
            .into_iter()
            .find(|size| *size <= rest.len())
            .unwrap_or(1);
        let (chunk, after) = rest.split_at(size);
        rest = after;
        Some(chunk)
    })
}

/// Writes `group` in one transaction, piece by piece (see [`chunks`]): each piece's
/// conversations (created, or their language and `updated_at` moved on), then its turns'
/// questions and replies, in order. Both statements of a piece go to the connection's thread
/// together: each trip there is two thread switches.
async fn write(writer: &SqlitePool, group: &[Pending]) -> Result<(), sqlx::Error> {
    let mut tx = writer.begin().await?;
    for chunk in chunks(group) {
        let mut statements = conversations(chunk);
        statements.push("; ");
        push_messages(&mut statements, chunk);
        statements.build().execute(&mut *tx).await?;
    }
    tx.commit().await
}

/// The statement creating or moving on the conversations of `chunk`, in order (a
/// conversation twice in a chunk ends with its later turn's language and time).
fn conversations(chunk: &[Pending]) -> QueryBuilder<'_, Sqlite> {
    let mut query =
        QueryBuilder::new("INSERT INTO conversations (id, site, lang, created_at, updated_at) ");
    query.push_values(chunk, |mut row, pending| {
        row.push_bind(&pending.turn.conversation_id)
            .push_bind(&pending.turn.site)
            .push_bind(&pending.turn.lang)
            .push_bind(&pending.at)
            .push_bind(&pending.at);
    });
    query.push(
        " ON CONFLICT (id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at",
    );
    query
}

/// Appends to `query` the statement inserting the question and the reply of each turn of
/// `chunk`, in order.
fn push_messages<'a>(query: &mut QueryBuilder<'a, Sqlite>, chunk: &'a [Pending]) {
    query.push(
        "INSERT INTO messages (id, conversation_id, role, text, lang, outcome, entry_id, score, coverage, created_at) ",
    );
    let rows = chunk
        .iter()
        .flat_map(|pending| [(pending, false), (pending, true)]);
    query.push_values(rows, |mut row, (pending, reply)| {
        let turn = &pending.turn;
        if reply {
            row.push_bind(&turn.reply_id)
                .push_bind(&turn.conversation_id)
                .push_bind("bot")
                .push_bind(&turn.reply)
                .push_bind(&turn.lang)
                .push_bind(Some(turn.outcome))
                .push_bind(&turn.entry_id)
                .push_bind(turn.score)
                .push_bind(turn.coverage)
                .push_bind(&pending.at);
        } else {
            row.push_bind(&turn.question_id)
                .push_bind(&turn.conversation_id)
                .push_bind("resident")
                .push_bind(&turn.question)
                .push_bind(&turn.lang)
                .push_bind(None::<&str>)
                .push_bind(None::<&str>)
                .push_bind(None::<f32>)
                .push_bind(None::<f32>)
                .push_bind(&pending.at);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::super::SqliteStore;
    use crate::store::{Store as _, Turn};

    fn turn(conversation: &str, n: usize) -> Turn {
        Turn {
            site: "riverton".into(),
            conversation_id: conversation.into(),
            question_id: format!("{conversation}-q{n}"),
            question: format!("question {n}"),
            reply_id: format!("{conversation}-r{n}"),
            reply: "Here is what I found.".into(),
            lang: if n.is_multiple_of(2) { "en" } else { "es" }.into(),
            outcome: "answer",
            entry_id: Some("trash-collection-day".into()),
            score: Some(7.5),
            coverage: Some(1.0),
        }
    }

    /// Questions finishing in successive rounds of the runtime (some tasks take one or two
    /// more turns of it before their turn is recorded, as questions finish one after the
    /// other under load) are committed together, in one transaction.
    #[tokio::test(flavor = "multi_thread", worker_threads = 1)]
    async fn turns_finishing_round_after_round_share_one_commit() {
        use std::sync::Arc;
        use std::sync::atomic::{AtomicUsize, Ordering};

        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("w.db").display());
        drop(SqliteStore::connect(&url).await.unwrap());
        let writer = sqlx::sqlite::SqlitePoolOptions::new()
            .max_connections(1)
            .connect(&url)
            .await
            .unwrap();
        let commits = Arc::new(AtomicUsize::new(0));
        {
            let counted = Arc::clone(&commits);
            let mut connection = writer.acquire().await.unwrap();
            let mut handle = connection.lock_handle().await.unwrap();
            handle.set_commit_hook(move || {
                counted.fetch_add(1, Ordering::SeqCst);
                true // let it commit
            });
        }
        // All started from the runtime's one worker, as a server's requests are.
        let started = writer.clone();
        tokio::spawn(async move {
            let turns = super::TurnWriter::start(started);
            let tasks: Vec<_> = (0..30)
                .map(|n| {
                    let turns = turns.clone();
                    tokio::spawn(async move {
                        for _ in 0..n % 3 {
                            tokio::task::yield_now().await;
                        }
                        turns.record(&turn(&format!("c{n}"), n)).await
                    })
                })
                .collect();
            for task in tasks {
                task.await.unwrap().unwrap();
            }
        })
        .await
        .unwrap();
        assert_eq!(commits.load(Ordering::SeqCst), 1);
        let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM messages")
            .fetch_one(&writer)
            .await
            .unwrap();
        assert_eq!(stored, 60);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn turns_written_together_keep_their_order_and_conversations() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("w.db").display());
        let store = SqliteStore::connect(&url).await.unwrap();
        // Many at once, so that groups form; the same conversation several times.
        let tasks: Vec<_> = (0..200)
            .map(|n| {
                let store = store.clone();
                tokio::spawn(
                    async move { store.record_turn(&turn(&format!("c{}", n % 7), n)).await },
                )
            })
            .collect();
        for task in tasks {
            task.await.unwrap().unwrap();
        }
        let rows: Vec<(String, String, Option<String>, Option<f64>)> = sqlx::query_as(
            "SELECT id, role, outcome, score FROM messages WHERE conversation_id = 'c3' ORDER BY rowid",
        )
        .fetch_all(store.pool())
        .await
        .unwrap();
        assert!(rows.len() > 2 && rows.len().is_multiple_of(2), "{rows:?}");
        for pair in rows.chunks(2) {
            let question = &pair[0];
            let reply = &pair[1];
            assert_eq!(
                (question.1.as_str(), &question.2, question.3),
                ("resident", &None, None)
            );
            assert_eq!(reply.1, "bot");
            assert_eq!(reply.2.as_deref(), Some("answer"));
            assert_eq!(reply.3, Some(7.5));
            assert_eq!(question.0.replace("-q", "-r"), reply.0);
        }
        let (count, conversations): (i64, i64) = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM messages), (SELECT COUNT(*) FROM conversations)",
        )
        .fetch_one(store.pool())
        .await
        .unwrap();
        assert_eq!((count, conversations), (400, 7));
    }

    /// A message as read back: role, text, entry, score, coverage, language.
    type StoredMessage = (
        String,
        String,
        Option<String>,
        Option<f64>,
        Option<f64>,
        String,
    );

    /// Every value comes back as given, written in groups: scores to the last bit of their
    /// `f64`, text with quotes, backslashes, control characters and any script, absent values
    /// as NULL.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn values_come_back_exactly_as_given() {
        let store = SqliteStore::connect("sqlite::memory:").await.unwrap();
        // Scores of every magnitude and many mantissas (a fixed-seed xorshift).
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut scores: Vec<f32> = vec![0.0, 1.0, 0.1, 1e-30, 3.4e38, f32::MIN_POSITIVE];
        while scores.len() < 300 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let value = f32::from_bits((state >> 32) as u32 & 0x7f7f_ffff);
            if value.is_finite() {
                scores.push(value);
            }
        }
        let texts = [
            "plain",
            "quote \" and backslash \\ and tab\t, newline\n, nul-free control \u{1}",
            "¿Dónde pago la multa? 垃圾什么时候收？ متى يتم جمع القمامة؟ 🗑️",
            "",
        ];
        let tasks: Vec<_> = scores
            .iter()
            .enumerate()
            .map(|(n, &score)| {
                let store = store.clone();
                let mut turn = turn(&format!("v{n}"), n);
                turn.question = texts[n % texts.len()].to_owned();
                turn.score = Some(score);
                turn.coverage = (n % 3 != 0).then_some(score / 2.0);
                turn.entry_id = (n % 2 == 0).then(|| format!("entry-{n}"));
                tokio::spawn(async move { store.record_turn(&turn).await.map(|()| turn) })
            })
            .collect();
        for task in tasks {
            let turn = task.await.unwrap().unwrap();
            let stored: Vec<StoredMessage> = sqlx::query_as(
                "SELECT role, text, entry_id, score, coverage, lang FROM messages
                     WHERE conversation_id = ? ORDER BY rowid",
            )
            .bind(&turn.conversation_id)
            .fetch_all(store.pool())
            .await
            .unwrap();
            assert_eq!(
                stored,
                vec![
                    (
                        "resident".into(),
                        turn.question.clone(),
                        None,
                        None,
                        None,
                        turn.lang.clone()
                    ),
                    (
                        "bot".into(),
                        turn.reply.clone(),
                        turn.entry_id.clone(),
                        turn.score.map(f64::from),
                        turn.coverage.map(f64::from),
                        turn.lang.clone()
                    ),
                ],
                "{}",
                turn.conversation_id
            );
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_failing_turn_fails_alone() {
        let store = SqliteStore::connect("sqlite::memory:").await.unwrap();
        store.record_turn(&turn("c1", 0)).await.unwrap();
        // The same message ids again fail; the others, perhaps in the same group, are stored.
        let tasks: Vec<_> = (0..40)
            .map(|n| {
                let store = store.clone();
                tokio::spawn(async move {
                    let n = if n == 20 { 0 } else { n + 1 };
                    (n, store.record_turn(&turn("c1", n)).await)
                })
            })
            .collect();
        for task in tasks {
            let (n, result) = task.await.unwrap();
            assert_eq!(result.is_err(), n == 0, "turn {n}: {result:?}");
        }
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM messages")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(count, 2 * 40);
    }
}
