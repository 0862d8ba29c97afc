//! Fluent message catalogs and locale negotiation, shared by the widget (wasm32) and the server.
//!
//! - [`negotiate`]: pick the best available language for a resident from what the page, the
//!   browser and the conversation say, after mapping common aliases (`fil` → `tl`,
//!   `zh-TW` → `zh-Hant`, ...).
//! - [`Catalog`]: one language's Fluent messages (from the `.ftl` files in `locales/<tag>/`),
//!   formatted with named string arguments; a missing message falls back to its id so the UI
//!   never shows nothing.
//! - [`direction`]: left-to-right or right-to-left, for `dir` attributes.
//! - [`compare_with_reference`]: what a translation misses or gets wrong compared with the
//!   reference locale (messages, attributes, variables), for the locale tests.
//!
//! The crate stays small and free of I/O: callers read `.ftl` files (from disk on the server,
//! over HTTP in the widget) and hand the text in.

mod catalog;
mod lint;
mod negotiate;

pub use catalog::{Catalog, I18nError, message_ids};
pub use lint::{compare_with_reference, message_variables};
pub use negotiate::{Direction, direction, negotiate, normalize_tag};
