//! Writing a knowledge base as records: one [`Row`] per entry per language, every field
//! filled in, in the order entries are loaded (language, then id). The reverse of
//! `wayfinder import`: importing the output gives the same entries.

use std::io::{self, Write};

use crate::check::KnowledgeBase;
use crate::row::Row;
use crate::{csv_io, jsonl_io};

/// The file formats records are exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line ([`crate::jsonl_io`]).
    Jsonl,
    /// A header, then one row per record ([`crate::csv_io`]).
    Csv,
}

/// The records of every entry of `kb`.
pub fn rows(kb: &KnowledgeBase) -> Vec<Row> {
    kb.entries.iter().map(|e| Row::from_entry(e)).collect()
}

/// Writes every entry of `kb` to `out` in `format`; returns how many records were written.
pub fn export(kb: &KnowledgeBase, format: Format, out: impl Write) -> io::Result<usize> {
    let rows = rows(kb);
    match format {
        Format::Jsonl => jsonl_io::write_rows(out, &rows)?,
        Format::Csv => csv_io::write_rows(out, &rows)?,
    }
    Ok(rows.len())
}
