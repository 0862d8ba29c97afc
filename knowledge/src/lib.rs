//! Wayfinder's knowledge base: what content editors write, checked and searchable.
//!
//! Content lives in plain files, one per entry per language (`<root>/<lang>/<topic>/<id>.md`,
//! Markdown with TOML front matter), next to `<root>/knowledge.toml` (languages, topics,
//! synonyms). This crate
//!
//! - reads and validates them, reporting every problem as `path:line: message`
//!   ([`load`], [`Diagnostic`]);
//! - renders answers to sanitised HTML and extracts the short answer ([`markdown`]), with
//!   links to other entries pointed at their pages ([`references`]), keeping in memory only
//!   what cannot be worked out again, compressed when that pays ([`Answer`], [`PackedText`]),
//!   and one copy of each official page's address ([`share_urls`]);
//! - runs the editorial checks of `wayfinder check` ([`editorial`]): answers due for review
//!   ([`review`]), broken links to entries ([`references`]), the same question in two entries
//!   ([`similar`]), easy-read texts that are hard to read ([`readability`]); and measures
//!   translation coverage ([`coverage`]);
//! - builds an in-memory tantivy index with one analyzer per language ([`analyzer`], lent
//!   out to concurrent searches by an [`analyzer_pool`], text cut into words the same way
//!   however its characters are encoded by [`words`],
//!   Japanese and Korean cut into character bigrams by [`bigram`] and Chinese and Thai into
//!   words by [`segmented`] (both cutting a text ahead into a [`token_buffer`]), Chinese in
//!   either script folded to Simplified characters by [`han_fold`],
//!   [`SearchIndex`]) and ranks entries for a question, typos allowed ([`typo`]), scored with
//!   BM25 statistics of the searched language's entries only ([`language_statistics`]), the
//!   question's clauses scored one at a time into one sum per entry ([`question_query`]),
//!   with the evidence the caller needs to decide between answering, offering choices and
//!   handing off ([`Hit`], [`SearchResult`]); and tells how much each word of a question
//!   speaks for each of the site's languages, the steps its languages share done once
//!   ([`question_forms`]);
//! - imports question/answer records from JSONL into the same model in memory ([`import`]);
//! - turns records into entry files and back, for `wayfinder import` and `export`: the record
//!   ([`row`]) read from and written to JSONL ([`jsonl_io`]) and CSV ([`csv_io`]) or made from
//!   an Open311 service list ([`open311`]), ids made from text ([`slug`]), one entry file
//!   written ([`entry_file`]), a batch written into a content folder ([`writer`]), a base
//!   exported ([`export`]).
//!
//! It knows nothing of HTTP or of the wire protocol: the server maps [`Hit`]s to replies.

pub mod analyzer;
pub mod analyzer_pool;
pub mod bigram;
mod check;
mod config;
pub mod coverage;
pub mod csv_io;
mod diagnostic;
pub mod editorial;
mod entry;
pub mod entry_file;
pub mod export;
pub mod han_fold;
pub mod import;
mod index;
pub mod jsonl_io;
pub mod language_statistics;
pub mod markdown;
pub mod open311;
mod packed;
mod parse;
pub mod question_forms;
pub mod question_query;
pub mod questions;
pub mod readability;
pub mod references;
pub mod review;
pub mod row;
pub mod segmented;
pub mod similar;
pub mod slug;
#[cfg(test)]
mod testing;
pub mod token_buffer;
pub mod typo;
pub mod vocabulary;
pub mod words;
pub mod writer;

pub use check::{CONFIG_FILE, KnowledgeBase, load};
pub use config::{KbConfig, TopicNames};
pub use diagnostic::{Diagnostic, Severity};
pub use editorial::{CheckOptions, editorial_checks};
pub use entry::{Answer, Entry, Kind, Status, paragraph_html, share_urls};
pub use index::{Hit, IndexError, SearchIndex, SearchResult};
pub use packed::PackedText;
pub use parse::parse_entry;
pub use questions::{Datatype, Question};
