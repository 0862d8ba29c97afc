//! Wayfinder's knowledge base: what content editors write, checked and searchable.
//!
//! Content lives in plain files, one per entry per language (`<root>/<lang>/<topic>/<id>.md`,
//! Markdown with TOML front matter), next to `<root>/knowledge.toml` (languages, topics,
//! synonyms). This crate
//!
//! - reads and validates them, reporting every problem as `path:line: message`
//!   ([`load`], [`Diagnostic`]);
//! - renders answers to sanitised HTML and extracts the short answer ([`markdown`]);
//! - builds an in-memory tantivy index with one analyzer per language ([`analyzer`],
//!   [`SearchIndex`]) and ranks entries for a question, with the evidence the caller needs to
//!   decide between answering, offering choices and handing off ([`Hit`], [`SearchResult`]).
//!
//! - imports question/answer records from JSONL into the same model ([`import`]).
//!
//! It knows nothing of HTTP or of the wire protocol: the server maps [`Hit`]s to replies.

pub mod analyzer;
pub mod bigram;
mod check;
mod config;
mod diagnostic;
mod entry;
pub mod import;
mod index;
pub mod markdown;
mod parse;

pub use check::{KnowledgeBase, load};
pub use config::{KbConfig, TopicNames};
pub use diagnostic::{Diagnostic, Severity};
pub use entry::{Entry, Kind, Status};
pub use index::{Hit, IndexError, SearchIndex, SearchResult};
pub use parse::parse_entry;
