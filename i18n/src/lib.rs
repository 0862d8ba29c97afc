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
//! - [`compile`]: a `.ftl` source compiled into the compact JSON form the widget formats
//!   itself (see [`compact`]), and [`plural_category`] as Fluent chooses it.
//!
//! The crate stays small and free of I/O: callers read `.ftl` files and hand the text in.
//! Everything that parses or formats Fluent sits behind the default `fluent` feature: the
//! widget's wasm builds without it (negotiation and direction only) and formats the compiled
//! messages with its own small interpreter.

#[cfg(feature = "fluent")]
mod catalog;
#[cfg(feature = "fluent")]
pub mod compact;
#[cfg(feature = "fluent")]
mod lint;
mod negotiate;

#[cfg(feature = "fluent")]
pub use catalog::{Catalog, I18nError, message_ids};
#[cfg(feature = "fluent")]
pub use compact::{compile, plural_category};
#[cfg(feature = "fluent")]
pub use lint::{compare_with_reference, message_variables};
pub use negotiate::{Direction, direction, negotiate, normalize_tag};
