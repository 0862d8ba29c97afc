//! `wayfinder langid`: how often the language of short questions is identified right, among
//! a site's languages, with no page or browser hints (the hard case).
//!
//! Reads `{"text", "lang"}` lines; questions labelled with a language the site does not have
//! are counted apart (they cannot be identified among the site's languages). Prints accuracy
//! per language, overall, and the most frequent confusions.

use std::collections::BTreeMap;

use knowledge::SearchIndex;
use serde::Deserialize;

use crate::language::{self, Context};

/// One labelled short question.
#[derive(Debug, Clone, Deserialize)]
pub struct LabelledText {
    /// What a resident typed.
    pub text: String,
    /// Its language.
    pub lang: String,
}

/// Accuracy of language identification on a labelled set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LangIdReport {
    /// Language → (right, total).
    pub per_language: BTreeMap<String, (usize, usize)>,
    /// (labelled, identified) → count, for wrong identifications.
    pub confusions: BTreeMap<(String, String), usize>,
    /// Questions in languages the site does not have.
    pub skipped: usize,
}

impl LangIdReport {
    /// Right and total over all languages.
    pub fn overall(&self) -> (usize, usize) {
        self.per_language
            .values()
            .fold((0, 0), |(r, t), (right, total)| (r + right, t + total))
    }
}

/// Identifies each question's language among `index`'s languages and compares with its label.
pub fn measure(index: &SearchIndex, queries: &[LabelledText]) -> LangIdReport {
    let languages: Vec<&str> = index.languages().collect();
    let mut report = LangIdReport::default();
    for query in queries {
        if !languages.contains(&query.lang.as_str()) {
            report.skipped += 1;
            continue;
        }
        let text = knowledge::words::nfc(&query.text);
        let found = language::resolve(index, &text, Context::default());
        let cell = report.per_language.entry(query.lang.clone()).or_default();
        cell.1 += 1;
        if found == query.lang {
            cell.0 += 1;
        } else {
            *report
                .confusions
                .entry((query.lang.clone(), found))
                .or_default() += 1;
        }
    }
    report
}

/// The report as text.
pub fn render(report: &LangIdReport) -> String {
    let mut out = String::from("| lang | right | total | accuracy |\n|---|---:|---:|---:|\n");
    let pct = |r: usize, t: usize| {
        if t == 0 {
            0.0
        } else {
            100.0 * r as f64 / t as f64
        }
    };
    for (lang, (right, total)) in &report.per_language {
        out.push_str(&format!(
            "| {lang} | {right} | {total} | {:.1} % |\n",
            pct(*right, *total)
        ));
    }
    let (right, total) = report.overall();
    out.push_str(&format!(
        "| ALL | {right} | {total} | {:.1} % |\n",
        pct(right, total)
    ));
    let mut confusions: Vec<_> = report.confusions.iter().collect();
    confusions.sort_by(|a, b| b.1.cmp(a.1));
    if !confusions.is_empty() {
        out.push_str("confusions (labelled → identified): ");
        let listed: Vec<String> = confusions
            .iter()
            .take(10)
            .map(|((from, to), n)| format!("{from}→{to} {n}"))
            .collect();
        out.push_str(&listed.join(", "));
        out.push('\n');
    }
    if report.skipped > 0 {
        out.push_str(&format!(
            "{} questions are in languages this content does not have and were not counted\n",
            report.skipped
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn demo_short_questions_are_identified() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../knowledge/demo");
        let (kb, _) = knowledge::load(&root);
        let index = SearchIndex::build(&kb.expect("demo content")).unwrap();
        let queries: Vec<LabelledText> = [
            ("basura", "es"),
            ("trash day", "en"),
            ("pay water bill", "en"),
            ("horario biblioteca", "es"),
            ("qué es esto en Klingon", "xx"),
        ]
        .iter()
        .map(|(text, lang)| LabelledText {
            text: (*text).into(),
            lang: (*lang).into(),
        })
        .collect();
        let report = measure(&index, &queries);
        assert_eq!(report.overall(), (4, 4), "{}", render(&report));
        assert_eq!(report.skipped, 1);
        assert!(render(&report).contains("| ALL | 4 | 4 | 100.0 % |"));
    }
}
