//! Translation coverage: how much of the default language's content each language has.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::check::KnowledgeBase;

/// One language's row of the coverage table.
#[derive(Debug, Clone, PartialEq)]
pub struct LanguageCoverage {
    /// The language tag.
    pub lang: String,
    /// Whether it is one of `partial_languages` (still being translated).
    pub partial: bool,
    /// Entries in this language (drafts included).
    pub entries: usize,
    /// Ids of the default language that this language does not have, sorted.
    pub missing: Vec<String>,
    /// Share of the default language's ids that this language has, in percent.
    pub percent: f64,
}

/// Coverage of every language of a knowledge base, measured against the default language.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// The language the others are measured against.
    pub default_language: String,
    /// One row per language: complete languages first, in `knowledge.toml` order.
    pub languages: Vec<LanguageCoverage>,
}

impl Coverage {
    /// Measures `kb`.
    pub fn of(kb: &KnowledgeBase) -> Self {
        let default = &kb.config.default_language;
        let ids = |lang: &str| -> BTreeSet<&str> {
            kb.entries
                .iter()
                .filter(|e| e.lang == lang)
                .map(|e| e.id.as_str())
                .collect()
        };
        let reference = ids(default);
        let languages = kb
            .config
            .all_languages()
            .map(|lang| {
                let have = ids(lang);
                let missing: Vec<String> = reference
                    .difference(&have)
                    .map(|id| (*id).to_owned())
                    .collect();
                let percent = if reference.is_empty() {
                    100.0
                } else {
                    100.0 * (reference.len() - missing.len()) as f64 / reference.len() as f64
                };
                LanguageCoverage {
                    lang: lang.clone(),
                    partial: kb.config.partial_languages.contains(lang),
                    entries: have.len(),
                    missing,
                    percent,
                }
            })
            .collect();
        Self {
            default_language: default.clone(),
            languages,
        }
    }

    /// The table as text: one line per language (entries, missing, % of the default language),
    /// then either the missing ids per language (`list_missing`) or a footnote saying how to
    /// list them.
    pub fn render(&self, list_missing: bool) -> String {
        let width = self
            .languages
            .iter()
            .map(|l| l.lang.chars().count())
            .max()
            .unwrap_or(0)
            .max("language".len());
        let mut out = String::new();
        let _ = writeln!(
            out,
            "Translation coverage (measured against the default language, {}):",
            self.default_language
        );
        let _ = writeln!(
            out,
            "  {:<width$}  {:<8}  {:>7}  {:>7}  {:>9}",
            "language", "status", "entries", "missing", "% default"
        );
        for l in &self.languages {
            let status = if l.lang == self.default_language {
                "default"
            } else if l.partial {
                "partial"
            } else {
                "complete"
            };
            let _ = writeln!(
                out,
                "  {:<width$}  {status:<8}  {:>7}  {:>7}  {:>8.0}%",
                l.lang,
                l.entries,
                l.missing.len(),
                l.percent
            );
        }
        let incomplete: Vec<&LanguageCoverage> = self
            .languages
            .iter()
            .filter(|l| !l.missing.is_empty())
            .collect();
        if incomplete.is_empty() {
            return out;
        }
        if list_missing {
            for l in incomplete {
                let _ = writeln!(out, "  missing in {}: {}", l.lang, l.missing.join(", "));
            }
        } else {
            let _ = writeln!(out, "  (run with --missing to list the missing ids)");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{TestBase, entry};

    #[test]
    fn coverage_counts_missing_ids_against_the_default_language() {
        let base = TestBase::new();
        for id in ["a", "b", "c", "d"] {
            base.write(
                &format!("en/trash/{id}.md"),
                &entry(id, "trash", "T", "", "A."),
            );
            base.write(
                &format!("es/trash/{id}.md"),
                &entry(id, "trash", "T", "", "A."),
            );
        }
        base.write("ko/trash/b.md", &entry("b", "trash", "T", "", "A."));
        let coverage = Coverage::of(&base.load());
        let ko = &coverage.languages[2];
        assert_eq!((ko.lang.as_str(), ko.entries, ko.partial), ("ko", 1, true));
        assert_eq!(ko.missing, vec!["a", "c", "d"]);
        assert_eq!(ko.percent, 25.0);

        let table = coverage.render(false);
        assert!(
            table.contains("  en        default         4        0       100%"),
            "{table}"
        );
        assert!(
            table.contains("  ko        partial         1        3        25%"),
            "{table}"
        );
        assert!(table.contains("--missing"), "{table}");
        let listed = coverage.render(true);
        assert!(listed.contains("missing in ko: a, c, d"), "{listed}");
    }
}
