//! Grouping residents' questions that ask the same thing, per language, so an editor sees
//! "asked 14 times in 9 wordings" instead of 14 rows.
//!
//! A question is compared by its set of search terms, made by the knowledge base's analyzer
//! for its language (lowercase, punctuation gone, stop and question words dropped, stemmed
//! where the language has a stemmer, accents folded, CJK cut into character bigrams): "When is
//! my trash picked up?" and "trash pickup" become `{trash, pick}` and `{trash, pickup}`.
//! Two questions are similar when the Jaccard index of their term sets (shared terms over all
//! terms) is at least [`SIMILARITY`].
//!
//! Grouping is greedy ("leader" clustering): wordings are taken most asked first; each joins
//! the existing group whose first wording (its leader) it is most similar to, if that is
//! similar enough, or starts a new group. Comparing with the leader only keeps a group from
//! drifting through a chain of small changes. Only groups sharing a term are compared, so
//! thousands of questions group in milliseconds.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Utc};
use knowledge::words::Words;
use serde::Serialize;

use crate::store::insights::QuestionTally;

/// Jaccard index from which two questions count as the same question: half of their terms
/// together are shared. "adopt a unicorn" and "where can I adopt a baby unicorn" (2 of 3
/// terms) group; "unicorn parking" and "adopt a unicorn" (1 of 3) do not.
pub const SIMILARITY: f64 = 0.5;

/// Other wordings kept per group.
pub const MAX_EXAMPLES: usize = 5;

/// Similar questions in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionGroup {
    /// The most asked wording (redacted, as stored).
    pub representative: String,
    /// How many times a question of the group was asked.
    pub count: u64,
    /// Of those, replies that were an answer.
    pub answered: u64,
    /// Replies that offered choices.
    pub choices: u64,
    /// Replies that handed off.
    pub handoff: u64,
    /// Answers that covered too little of the question (see [`super::LOW_COVERAGE`]).
    pub low_coverage: u64,
    /// The entry most often given as the answer, if any.
    pub entry_id: Option<String>,
    /// When a question of the group was last asked.
    pub last_asked: DateTime<Utc>,
    /// Other wordings, most asked first (at most [`MAX_EXAMPLES`]).
    pub examples: Vec<String>,
    /// The leader's search terms, which the group was formed on.
    pub terms: Vec<String>,
}

/// Jaccard index of two sets: shared items over all items (1 for two empty sets).
pub fn jaccard(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let shared = a.intersection(b).count();
    let all = a.len() + b.len() - shared;
    shared as f64 / all as f64
}

/// The terms `text` is compared by in `lang` (see the module documentation). A question made
/// only of stop words ("how do I?") falls back to its lowercase words, and one without words
/// to its whole lowercase text, so that it still groups with itself.
pub fn question_terms(
    analyze: &mut impl FnMut(&str) -> Vec<String>,
    text: &str,
) -> BTreeSet<String> {
    let terms: BTreeSet<String> = analyze(text).into_iter().collect();
    if !terms.is_empty() {
        return terms;
    }
    let words: BTreeSet<String> = Words::of(text).iter().map(str::to_lowercase).collect();
    if !words.is_empty() {
        return words;
    }
    BTreeSet::from([text.trim().to_lowercase()])
}

/// The key under which two wordings count as the same: lowercase words without punctuation
/// ("How do I pay?" and "how do i pay" are one wording); the lowercase text when it has no
/// words.
pub fn wording_key(text: &str) -> String {
    let words: Vec<String> = Words::of(text).iter().map(str::to_lowercase).collect();
    if words.is_empty() {
        text.trim().to_lowercase()
    } else {
        words.join(" ")
    }
}

/// Groups one language's tallies with `lang`'s analyzer, most asked group first.
pub fn cluster_language(lang: &str, tallies: &[&QuestionTally]) -> Vec<QuestionGroup> {
    let mut analyzer = knowledge::analyzer::analyzer(lang);
    cluster(tallies, |text| {
        knowledge::analyzer::terms(&mut analyzer, text)
    })
}

/// A group being formed.
struct Forming {
    leader: BTreeSet<String>,
    /// Wordings (lowercase key → (count, wording as shown)), in the order they joined.
    wordings: Vec<(String, u64, String)>,
    count: u64,
    answered: u64,
    choices: u64,
    handoff: u64,
    low_coverage: u64,
    entries: BTreeMap<String, u64>,
    last_asked: DateTime<Utc>,
}

/// Groups `tallies` (all in one language) by similarity, using `analyze` to make each
/// wording's terms. Groups come most asked first, then most recently asked.
pub fn cluster(
    tallies: &[&QuestionTally],
    mut analyze: impl FnMut(&str) -> Vec<String>,
) -> Vec<QuestionGroup> {
    // The same wording may come in several tallies (one per answered entry, or differing only
    // in case and punctuation): sum them first.
    let mut wordings: Vec<(String, u64, DateTime<Utc>, String)> = Vec::new();
    let mut index_of: HashMap<String, usize> = HashMap::new();
    for tally in tallies {
        let key = wording_key(&tally.text);
        match index_of.get(&key) {
            Some(&i) => {
                wordings[i].1 += tally.count;
                wordings[i].2 = wordings[i].2.max(tally.last_asked);
            }
            None => {
                index_of.insert(key.clone(), wordings.len());
                wordings.push((key, tally.count, tally.last_asked, tally.text.clone()));
            }
        }
    }
    wordings.sort_by(|a, b| b.1.cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));

    let mut groups: Vec<Forming> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    let mut by_term: HashMap<String, Vec<usize>> = HashMap::new();
    for (key, count, _, shown) in &wordings {
        let terms = question_terms(&mut analyze, shown);
        let mut candidates: Vec<usize> = terms
            .iter()
            .filter_map(|t| by_term.get(t))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let best = candidates
            .into_iter()
            .map(|g| (g, jaccard(&terms, &groups[g].leader)))
            .filter(|(_, s)| *s >= SIMILARITY)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        let g = if let Some((g, _)) = best {
            g
        } else {
            for term in &terms {
                by_term.entry(term.clone()).or_default().push(groups.len());
            }
            groups.push(Forming {
                leader: terms,
                wordings: Vec::new(),
                count: 0,
                answered: 0,
                choices: 0,
                handoff: 0,
                low_coverage: 0,
                entries: BTreeMap::new(),
                last_asked: DateTime::<Utc>::MIN_UTC,
            });
            groups.len() - 1
        };
        groups[g]
            .wordings
            .push((key.clone(), *count, shown.clone()));
        group_of.insert(key.clone(), g);
    }

    for tally in tallies {
        let Some(&g) = group_of.get(&wording_key(&tally.text)) else {
            continue;
        };
        let group = &mut groups[g];
        group.count += tally.count;
        group.answered += tally.answered;
        group.choices += tally.choices;
        group.handoff += tally.handoff;
        group.low_coverage += tally.low_coverage;
        group.last_asked = group.last_asked.max(tally.last_asked);
        if let Some(entry) = &tally.entry_id {
            *group.entries.entry(entry.clone()).or_default() += tally.answered;
        }
    }

    let mut out: Vec<QuestionGroup> = groups
        .into_iter()
        .map(|g| {
            let mut shown = g.wordings.into_iter().map(|(_, _, text)| text);
            let representative = shown.next().unwrap_or_default();
            let entry_id = g
                .entries
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|(id, _)| id.clone());
            QuestionGroup {
                representative,
                count: g.count,
                answered: g.answered,
                choices: g.choices,
                handoff: g.handoff,
                low_coverage: g.low_coverage,
                entry_id,
                last_asked: g.last_asked,
                examples: shown.take(MAX_EXAMPLES).collect(),
                terms: g.leader.into_iter().collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.last_asked.cmp(&a.last_asked))
            .then(a.representative.cmp(&b.representative))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(text: &str, count: u64, outcome: &str) -> QuestionTally {
        QuestionTally {
            lang: "en".into(),
            text: text.into(),
            entry_id: (outcome == "answer").then(|| "animal-licenses".into()),
            count,
            answered: if outcome == "answer" { count } else { 0 },
            choices: if outcome == "choices" { count } else { 0 },
            handoff: if outcome == "handoff" { count } else { 0 },
            low_coverage: if outcome == "answer" { count } else { 0 },
            last_asked: DateTime::<Utc>::from_timestamp(1_790_000_000 + count as i64, 0).unwrap(),
        }
    }

    fn groups(tallies: &[QuestionTally], lang: &str) -> Vec<QuestionGroup> {
        let refs: Vec<&QuestionTally> = tallies.iter().collect();
        cluster_language(lang, &refs)
    }

    #[test]
    fn similar_wordings_group_and_others_do_not() {
        let tallies = [
            tally("How do I adopt a unicorn?", 3, "handoff"),
            tally("adopt unicorn", 2, "handoff"),
            tally("where can I adopt a baby unicorn", 1, "choices"),
            tally("unicorn parking", 1, "handoff"),
            tally("ADOPT UNICORN!", 1, "answer"),
        ];
        let groups = groups(&tallies, "en");
        assert_eq!(groups.len(), 2, "{groups:#?}");
        let first = &groups[0];
        assert_eq!(first.representative, "How do I adopt a unicorn?");
        assert_eq!(first.count, 7);
        assert_eq!((first.handoff, first.choices, first.answered), (5, 1, 1));
        assert_eq!(first.low_coverage, 1);
        assert_eq!(first.entry_id.as_deref(), Some("animal-licenses"));
        // "adopt unicorn" and "ADOPT UNICORN!" are one wording.
        assert_eq!(
            first.examples,
            vec!["adopt unicorn", "where can I adopt a baby unicorn"]
        );
        assert_eq!(first.terms, vec!["adopt", "unicorn"]);
        assert_eq!(groups[1].representative, "unicorn parking");
        assert_eq!(groups[1].count, 1);
    }

    #[test]
    fn spanish_groups_across_accents_and_inflections() {
        let tallies = [
            tally("¿Dónde pago la multa de estacionamiento?", 2, "handoff"),
            tally("donde pagar multas de estacionamiento", 1, "handoff"),
            tally("horario de la biblioteca", 1, "choices"),
        ];
        let groups = groups(&tallies, "es");
        assert_eq!(groups.len(), 2, "{groups:#?}");
        assert_eq!(groups[0].count, 3);
    }

    #[test]
    fn stop_word_only_questions_group_with_themselves() {
        let tallies = [
            tally("how do I?", 2, "handoff"),
            tally("How do I", 1, "handoff"),
            tally("???", 1, "handoff"),
        ];
        let groups = groups(&tallies, "en");
        assert_eq!(groups.len(), 2, "{groups:#?}");
        assert_eq!(groups[0].count, 3);
        assert_eq!(groups[1].representative, "???");
    }

    #[test]
    fn chinese_groups_on_character_bigrams() {
        let tallies = [
            tally("如何缴纳水费", 2, "handoff"),
            tally("如何缴纳水费？", 1, "handoff"),
            tally("图书馆几点开门", 1, "handoff"),
        ];
        let groups = groups(&tallies, "zh-Hans");
        assert_eq!(groups.len(), 2, "{groups:#?}");
        assert_eq!(groups[0].count, 3);
    }

    #[test]
    fn jaccard_is_shared_over_all() {
        let set = |items: &[&str]| items.iter().map(|s| (*s).to_owned()).collect();
        assert!((jaccard(&set(&["a", "b"]), &set(&["b", "c"])) - 1.0 / 3.0).abs() < 1e-9);
        assert!((jaccard(&set(&[]), &set(&[])) - 1.0).abs() < 1e-9);
        assert!(jaccard(&set(&["a"]), &set(&[])).abs() < 1e-9);
    }
}
