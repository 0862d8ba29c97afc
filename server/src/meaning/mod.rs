//! Ranking by meaning: each entry's vectors from the sentence encoder ([`semantic::Encoder`]),
//! and a question's hits put in the order of how close their meaning is to the question's.
//!
//! Words alone miss paraphrases: "how long am I contagious" shares no word with the entry
//! "What is the infectious period?", and a German question seldom uses the compound its
//! entry does. The words still find the candidates (tantivy's ten best, cheap on any base);
//! the encoder then orders them by how close their vectors are to the question's, and the
//! cosine with an entry's passage is evidence for the decision too (a question far from
//! every entry is one the base cannot answer). It
//! is optional: without `[search] semantic_model` the server ranks by words alone.
//!
//! - [`vectors`]: what the encoder reads of an entry ([`passage`], [`asked`]) and the vectors
//!   of an index's entries ([`EntryVectors`]), encoded on every core or taken from an earlier
//!   load.
//! - [`cache`]: entry vectors kept on disk between starts ([`VectorCache`]).
//! - [`rank`]: a question's hits ordered by meaning ([`Meaning::rank`]).
//! - [`searchable`]: a site's index with its vectors ([`Searchable`]), and the encoder with
//!   its cache ([`Encoding`]).

pub mod cache;
pub mod rank;
pub mod searchable;
pub mod vectors;

pub use cache::{TextHash, VectorCache, text_hash};
pub use rank::{Meaning, WORDS_WEIGHT};
pub use searchable::{Encoding, Searchable};
pub use vectors::{EntryVector, EntryVectors, PASSAGE_CHARS, asked, passage};
