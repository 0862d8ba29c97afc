//! Duplicate and near-duplicate questions across entries.
//!
//! When two entries of one language carry the same question (as `title` or in `also_asked`),
//! search cannot tell which one a resident means and may give either answer. Questions are
//! compared as sets of terms ([`question_terms`]): words lowercased, accents folded and
//! stemmed by the language's search analyzer ([`analyzer`]), without the words that only
//! frame a question (articles, pronouns, common prepositions and verbs, "how" and "what":
//! [`FRAME_WORDS`], for English and Spanish). So "How do I pay my water bill?" and "pay
//! water bills" are the same question. Other words are kept even where search drops them:
//! "where", "when" and "who" ("Where can I get tested?" is not "Should I be tested?"), and
//! "before" in "vote before election day" or "antes" in "votar antes del día de la elección",
//! which tell those questions from "where do I vote on election day". Japanese and Korean are
//! compared by character bigrams, Chinese and Thai by the words their analyzers cut.
//!
//! Similarity is the Jaccard index of the two sets (shared terms / all terms); pairs at or
//! above [`THRESHOLD`] are reported once per pair of entries, on the later file, naming the
//! other.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::path::Path;

use tantivy::tokenizer::TextAnalyzer;

use crate::analyzer;
use crate::check::KnowledgeBase;
use crate::diagnostic::Diagnostic;
use crate::entry::Entry;

/// Jaccard similarity at or above which two questions are reported: 0.8, i.e. four terms
/// shared of five. Distinct questions of related entries often differ by one telling word
/// only: "hóa đơn nước" / "hóa đơn nước cao" (water bill / high water bill) score 0.75 and are
/// not duplicates. On the demo city's 1,700 questions nothing else scores above 0.7. On a
/// 948-entry FAQ of health agencies, 0.8 finds the real overlaps ("Wie kann man sich vor
/// einer Ansteckung schützen?" / "... sich und andere vor ...") and long questions that differ
/// in one word ("... für die deutsche / globale Wirtschaft ..."), which search also finds
/// hard to tell apart: the warning asks to make them distinct.
pub const THRESHOLD: f64 = 0.8;

/// Words that frame a question without saying what it is about, per language (compared
/// lowercased, with and without accents).
pub const FRAME_WORDS: &[(&str, &[&str])] = &[
    (
        "en",
        &[
            "a", "an", "the", "i", "me", "my", "we", "our", "you", "your", "it", "its", "this",
            "that", "is", "are", "am", "be", "was", "do", "does", "did", "can", "could", "should",
            "would", "will", "how", "what", "to", "of", "in", "on", "at", "for", "from", "with",
            "by", "and", "or", "there", "get", "have", "has", "please", "need", "want", "s",
        ],
    ),
    (
        "es",
        &[
            "el", "la", "los", "las", "un", "una", "unos", "unas", "lo", "de", "del", "al", "a",
            "en", "con", "por", "para", "y", "o", "mi", "mis", "su", "sus", "me", "se", "le",
            "que", "qué", "como", "cómo", "puedo", "puede", "debo", "necesito", "quiero", "hay",
            "es", "son", "está", "hacer", "tengo",
        ],
    ),
];

/// The terms `text` (a question in `lang`) is compared by; `analyzer` is the language's
/// search analyzer ([`analyzer::analyzer`]).
pub fn question_terms(analyzer: &mut TextAnalyzer, lang: &str, text: &str) -> BTreeSet<String> {
    if analyzer::uses_bigrams(lang) {
        return analyzer::terms(analyzer, text).into_iter().collect();
    }
    let base = analyzer::base_language(lang);
    let frame: &[&str] = FRAME_WORDS
        .iter()
        .find(|(l, _)| *l == base)
        .map_or(&[], |(_, words)| *words);
    let mut terms = BTreeSet::new();
    for word in crate::words::Words::of(text).iter() {
        let lower = word.to_lowercase();
        if frame.contains(&lower.as_str()) {
            continue;
        }
        let analyzed = analyzer::terms(analyzer, &lower);
        if analyzed.is_empty() {
            // A stop word of the search analyzer that says something here ("before").
            terms.insert(lower);
        } else {
            terms.extend(analyzed);
        }
    }
    terms
}

/// Shared terms over all terms of `a` and `b` (0 when both are empty).
pub fn similarity(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let union = a.union(b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(b).count() as f64 / union as f64
}

/// One question of one entry, as search terms.
struct Question<'a> {
    entry: usize,
    text: &'a str,
    terms: BTreeSet<String>,
}

/// The most similar pair of questions found between two entries.
struct Pair<'a> {
    score: f64,
    first: &'a str,
    second: &'a str,
}

/// A warning for every pair of entries of one language that share a question or nearly do.
pub fn near_duplicates(kb: &KnowledgeBase) -> Vec<Diagnostic> {
    let mut by_lang: BTreeMap<&str, Vec<&Entry>> = BTreeMap::new();
    for entry in &kb.entries {
        by_lang.entry(&entry.lang).or_default().push(entry);
    }
    let mut problems = Vec::new();
    for (lang, mut entries) in by_lang {
        entries.sort_by(|a, b| a.path.cmp(&b.path));
        let mut analyzer = analyzer::analyzer(lang);
        let questions: Vec<Question<'_>> = entries
            .iter()
            .enumerate()
            .flat_map(|(index, entry)| {
                std::iter::once(&entry.title)
                    .chain(&entry.also_asked)
                    .map(move |text| (index, text))
            })
            .map(|(entry, text)| Question {
                entry,
                text,
                terms: question_terms(&mut analyzer, lang, text),
            })
            .filter(|q| !q.terms.is_empty())
            .collect();
        for ((first, second), pair) in similar_pairs(&questions) {
            let (a, b) = (entries[first], entries[second]);
            let what = if pair.score >= 1.0 {
                "the same question as".to_owned()
            } else {
                format!("nearly the same question (similarity {:.2}) as", pair.score)
            };
            problems.push(Diagnostic::warning(
                &b.path,
                question_line(&b.path, pair.second),
                format!(
                    "{:?} is {what} {:?} in {}: residents asking it may get either answer; \
                     merge the entries or make the questions distinct",
                    pair.second,
                    pair.first,
                    a.path.display()
                ),
            ));
        }
    }
    problems
}

/// The best pair of questions for every pair of entries (first < second) at or above
/// [`THRESHOLD`]. Candidates are found through the terms they share, so large bases are not
/// compared question by question.
fn similar_pairs<'a>(questions: &[Question<'a>]) -> BTreeMap<(usize, usize), Pair<'a>> {
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, q) in questions.iter().enumerate() {
        for term in &q.terms {
            postings.entry(term).or_default().push(index);
        }
    }
    let mut best: BTreeMap<(usize, usize), Pair<'a>> = BTreeMap::new();
    for (index, q) in questions.iter().enumerate() {
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for term in &q.terms {
            for &other in &postings[term.as_str()] {
                if other > index && questions[other].entry != q.entry {
                    *shared.entry(other).or_default() += 1;
                }
            }
        }
        for (other, common) in shared {
            let o = &questions[other];
            let score = common as f64 / (q.terms.len() + o.terms.len() - common) as f64;
            if score < THRESHOLD {
                continue;
            }
            let (first, second) = if q.entry < o.entry { (q, o) } else { (o, q) };
            let key = (first.entry, second.entry);
            if best.get(&key).is_none_or(|p| score > p.score) {
                best.insert(
                    key,
                    Pair {
                        score,
                        first: first.text,
                        second: second.text,
                    },
                );
            }
        }
    }
    best
}

/// The line of an entry file on which `question` is written (its `title` or its place in
/// `also_asked`), or 1.
fn question_line(path: &Path, question: &str) -> usize {
    let Ok(text) = fs::read_to_string(path) else {
        return 1;
    };
    let quoted = toml::Value::String(question.to_owned()).to_string();
    text.lines()
        .position(|line| line.contains(&quoted) || line.contains(question))
        .map_or(1, |index| index + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{TestBase, entry};

    #[test]
    fn similarity_is_shared_over_all_terms() {
        let set = |words: &[&str]| words.iter().map(|w| (*w).to_owned()).collect();
        assert_eq!(similarity(&set(&["a", "b"]), &set(&["a", "b"])), 1.0);
        assert_eq!(similarity(&set(&["a", "b"]), &set(&["b", "c"])), 1.0 / 3.0);
        assert_eq!(similarity(&set(&[]), &set(&[])), 0.0);
    }

    #[test]
    fn only_words_that_frame_a_question_are_left_out() {
        let terms = |lang: &str, text: &str| {
            question_terms(&mut analyzer::analyzer(lang), lang, text)
                .into_iter()
                .collect::<Vec<_>>()
        };
        assert_eq!(
            terms("en", "How do I pay my water bills?"),
            vec!["bill", "pay", "water"]
        );
        assert_eq!(
            terms("en", "vote before election day"),
            vec!["befor", "day", "elect", "vote"]
        );
        assert_eq!(
            terms("en", "Where can I get tested?"),
            vec!["test", "where"]
        );
        assert_eq!(
            terms("es", "votar antes del día de la elección"),
            vec!["antes", "dia", "eleccion", "vot"]
        );
        assert_eq!(terms("zh-Hans", "缴纳水费"), vec!["水费", "缴纳"]);
    }

    #[test]
    fn same_and_nearly_same_questions_across_entries_are_reported_once_per_pair() {
        let base = TestBase::new();
        let also = |items: &str| format!("also_asked = [{items}]\n");
        base.write(
            "en/water/pay.md",
            &entry(
                "pay",
                "water",
                "How do I pay my water bill?",
                &also("\"water bill payment options online\""),
                "Online.",
            ),
        );
        base.write(
            "en/water/bills.md",
            &entry(
                "bills",
                "water",
                "Water bills",
                &also("\"pay water bills\", \"online water bill payment options\""),
                "Bills.",
            ),
        );
        base.write(
            "en/water/leak.md",
            &entry(
                "leak",
                "water",
                "Report a water leak",
                &also("\"leak in the street\""),
                "Call.",
            ),
        );
        // Same question in another language: not a duplicate.
        base.write(
            "es/water/pay.md",
            &entry("pay", "water", "Pay water bill", "", "En línea."),
        );
        let kb = base.load();
        let text: Vec<String> = near_duplicates(&kb)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(text.len(), 1, "{text:#?}");
        assert!(
            text[0].contains("en/water/pay.md:4: warning: \"How do I pay my water bill?\" is the same question as \"pay water bills\" in "),
            "{text:#?}"
        );
        assert!(text[0].contains("bills.md"), "{text:#?}");
    }
}
