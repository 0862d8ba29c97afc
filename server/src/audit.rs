//! The audit log's hash chain: what each row's hash covers, and checking a whole chain.
//!
//! Every handoff, acceptance, transfer, staff message, close and ticket is appended to the
//! `audit_log` table by the store, in the same transaction as the action itself. Each row's
//! hash is SHA-256 over the previous row's hash, the row's own fields and the hash of its
//! detail, so changing, removing or inserting a row anywhere breaks every later link. Details
//! never hold resident text (a staff message is recorded by the hash of its text); retention
//! may clear an old row's detail, and the row survives as its hashes, still verifiable.

use sha2::{Digest, Sha256};

/// The `prev_hash` of the first row.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One audit row as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditRow {
    /// Position in the log, from 1.
    pub seq: i64,
    /// When, RFC 3339 UTC.
    pub at: String,
    /// The site it concerns.
    pub site: String,
    /// Who acted: `resident`, `staff:<id>`, `system`.
    pub actor: String,
    /// What happened: `handoff`, `accept`, `transfer`, `staff_message`, `close`, `ticket`, …
    pub action: String,
    /// What it happened to, e.g. a chat id.
    pub subject: String,
    /// Further facts as JSON (never resident text); `None` once retention cleared it.
    pub detail: Option<String>,
    /// SHA-256 of the detail as written.
    pub detail_hash: String,
    /// The previous row's hash ([`GENESIS`] for the first).
    pub prev_hash: String,
    /// This row's hash.
    pub hash: String,
}

/// The fields of one audit row that its hash covers (besides the previous hash).
#[derive(Debug, Clone, Copy)]
pub struct Link<'a> {
    /// Position in the log.
    pub seq: i64,
    /// When.
    pub at: &'a str,
    /// Site.
    pub site: &'a str,
    /// Who acted.
    pub actor: &'a str,
    /// What happened.
    pub action: &'a str,
    /// To what.
    pub subject: &'a str,
    /// SHA-256 of the detail.
    pub detail_hash: &'a str,
}

impl Link<'_> {
    /// The hash of this row after a row whose hash is `prev_hash`.
    pub fn hash(&self, prev_hash: &str) -> String {
        let seq = self.seq.to_string();
        let mut hasher = Sha256::new();
        for field in [
            prev_hash,
            &seq,
            self.at,
            self.site,
            self.actor,
            self.action,
            self.subject,
            self.detail_hash,
        ] {
            // Length-prefixed, so no two different rows hash the same bytes.
            hasher.update((field.len() as u64).to_be_bytes());
            hasher.update(field.as_bytes());
        }
        hex::encode(hasher.finalize())
    }
}

impl AuditRow {
    /// The fields its hash covers.
    pub fn link(&self) -> Link<'_> {
        Link {
            seq: self.seq,
            at: &self.at,
            site: &self.site,
            actor: &self.actor,
            action: &self.action,
            subject: &self.subject,
            detail_hash: &self.detail_hash,
        }
    }
}

/// SHA-256 of `text`, hex: how a message is referred to in the log.
pub fn text_hash(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// The first broken link of a chain.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChainError {
    /// A row's `seq` is not the one after its predecessor (a row was removed or inserted).
    #[error("audit row {found}: expected row {expected} (a row is missing or was inserted)")]
    Gap {
        /// The `seq` that should come next.
        expected: i64,
        /// The `seq` found instead.
        found: i64,
    },
    /// A row's `prev_hash` is not its predecessor's hash.
    #[error("audit row {seq}: does not follow row {} (the chain was cut or reordered)", seq - 1)]
    Unlinked {
        /// The row.
        seq: i64,
    },
    /// A row's fields do not hash to its stored hash (the row was changed).
    #[error("audit row {seq}: its contents do not match its hash (the row was changed)")]
    Altered {
        /// The row.
        seq: i64,
    },
    /// A row's detail does not match its detail hash (the detail was changed).
    #[error("audit row {seq}: its detail does not match its hash (the detail was changed)")]
    DetailAltered {
        /// The row.
        seq: i64,
    },
}

/// Checks a whole chain, oldest first; returns the number of rows checked or the first
/// broken link.
pub fn verify<'a>(rows: impl IntoIterator<Item = &'a AuditRow>) -> Result<usize, ChainError> {
    let mut prev = GENESIS.to_owned();
    let mut count = 0;
    for (expected, row) in (1..).zip(rows) {
        if row.seq != expected {
            return Err(ChainError::Gap {
                expected,
                found: row.seq,
            });
        }
        if row.prev_hash != prev {
            return Err(ChainError::Unlinked { seq: row.seq });
        }
        let hash = row.link().hash(&row.prev_hash);
        if hash != row.hash {
            return Err(ChainError::Altered { seq: row.seq });
        }
        if row
            .detail
            .as_deref()
            .is_some_and(|d| text_hash(d) != row.detail_hash)
        {
            return Err(ChainError::DetailAltered { seq: row.seq });
        }
        prev = hash;
        count += 1;
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: i64) -> Vec<AuditRow> {
        let mut rows = Vec::new();
        let mut prev = GENESIS.to_owned();
        for seq in 1..=n {
            let at = format!("2026-11-26T10:00:0{seq}Z");
            let detail = format!("{{\"n\":{seq}}}");
            let detail_hash = text_hash(&detail);
            let hash = Link {
                seq,
                at: &at,
                site: "riverton",
                actor: "system",
                action: "handoff",
                subject: "c1",
                detail_hash: &detail_hash,
            }
            .hash(&prev);
            rows.push(AuditRow {
                seq,
                at,
                site: "riverton".into(),
                actor: "system".into(),
                action: "handoff".into(),
                subject: "c1".into(),
                detail: Some(detail),
                detail_hash,
                prev_hash: prev,
                hash: hash.clone(),
            });
            prev = hash;
        }
        rows
    }

    #[test]
    fn an_intact_chain_verifies() {
        assert_eq!(verify(&chain(5)), Ok(5));
        assert_eq!(verify(&[]), Ok(0));
    }

    #[test]
    fn a_changed_row_is_found() {
        let mut rows = chain(5);
        rows[2].subject = "c2".into();
        assert_eq!(verify(&rows), Err(ChainError::Altered { seq: 3 }));
    }

    #[test]
    fn a_removed_row_is_found() {
        let mut rows = chain(5);
        rows.remove(1);
        assert_eq!(
            verify(&rows),
            Err(ChainError::Gap {
                expected: 2,
                found: 3
            })
        );
    }

    #[test]
    fn a_changed_detail_is_found_and_a_cleared_one_is_fine() {
        let mut rows = chain(4);
        rows[0].detail = None;
        assert_eq!(verify(&rows), Ok(4));
        rows[2].detail = Some(r#"{"n":99}"#.into());
        assert_eq!(verify(&rows), Err(ChainError::DetailAltered { seq: 3 }));
    }

    #[test]
    fn a_rehashed_row_still_breaks_the_next_link() {
        let mut rows = chain(4);
        rows[1].detail = Some(r#"{"x":1}"#.into());
        rows[1].detail_hash = text_hash(r#"{"x":1}"#);
        rows[1].hash = rows[1].link().hash(&rows[1].prev_hash);
        assert_eq!(verify(&rows), Err(ChainError::Unlinked { seq: 3 }));
    }

    #[test]
    fn field_boundaries_matter() {
        let link = |site, actor| Link {
            seq: 1,
            at: "t",
            site,
            actor,
            action: "x",
            subject: "y",
            detail_hash: "z",
        };
        let a = link("ab", "c").hash(GENESIS);
        let b = link("a", "bc").hash(GENESIS);
        assert_ne!(a, b);
    }
}
