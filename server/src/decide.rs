//! Answer, offer choices, or hand off: the decision on one search result.
//!
//! The evidence is the top hit's *coverage* (how much of the question, weighted by term
//! rarity, the entry contains: see [`knowledge::Hit::coverage`]) and the *margin* between the
//! first and second scores. A confident wrong answer is the worst outcome for a city, so the
//! thresholds favour choices and handoff when the evidence is thin.
//!
//! The constants in [`Thresholds::default`] were fitted with `wayfinder calibrate` on the
//! labelled questions in `tests/data/riverton-queries.jsonl` (answerable and unanswerable
//! questions in English and Spanish), maximising correct outcomes while counting every
//! confident wrong answer three times (see [`crate::calibrate`]). On that set (80 questions,
//! 2026-11-25): 35 of 60 answerable questions answered right, 18 more offered as a choice, 1
//! answered wrongly; 19 of 20 unanswerable questions handed off, none answered.

use knowledge::{Hit, SearchResult};

/// The most choices offered at once.
pub const MAX_CHOICES: usize = 3;

/// Decision thresholds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Thresholds {
    /// Minimum coverage of the top hit to answer with it.
    pub answer_coverage: f32,
    /// Minimum relative margin `(s1 - s2) / s1` over the runner-up to answer without offering
    /// choices (unless the runner-up's coverage is below `choice_coverage`).
    pub answer_margin: f32,
    /// Minimum coverage for a hit to be offered as a choice.
    pub choice_coverage: f32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            answer_coverage: 0.60,
            answer_margin: 0.15,
            choice_coverage: 0.40,
        }
    }
}

/// What to do with a question.
#[derive(Debug, Clone)]
pub enum Decision {
    /// Answer with this hit.
    Answer(Hit),
    /// Let the resident pick among these (best first).
    Choices(Vec<Hit>),
    /// No good answer in the knowledge base.
    Handoff,
}

impl Decision {
    /// `answer`, `choices` or `handoff`, as stored and sent on the wire.
    pub fn outcome(&self) -> &'static str {
        match self {
            Self::Answer(_) => "answer",
            Self::Choices(_) => "choices",
            Self::Handoff => "handoff",
        }
    }
}

/// Decides what to do with `result` under `thresholds`.
pub fn decide(result: &SearchResult, thresholds: &Thresholds) -> Decision {
    let Some(top) = result.hits.first() else {
        return Decision::Handoff;
    };
    let candidates: Vec<&Hit> = result
        .hits
        .iter()
        .filter(|h| h.coverage >= thresholds.choice_coverage)
        .collect();
    if top.coverage >= thresholds.answer_coverage {
        let runner_up = candidates.iter().find(|h| h.entry.id != top.entry.id);
        let clear = match runner_up {
            None => true,
            Some(second) => {
                (top.score - second.score) / top.score.max(f32::EPSILON) >= thresholds.answer_margin
            }
        };
        if clear {
            return Decision::Answer(top.clone());
        }
    }
    if candidates.is_empty() {
        return Decision::Handoff;
    }
    Decision::Choices(candidates.into_iter().take(MAX_CHOICES).cloned().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn index() -> knowledge::SearchIndex {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../knowledge/demo");
        let (kb, _) = knowledge::load(&root);
        knowledge::SearchIndex::build(&kb.expect("demo content")).unwrap()
    }

    fn run(index: &knowledge::SearchIndex, lang: &str, text: &str) -> Decision {
        decide(
            &index.search(lang, text, 10).unwrap(),
            &Thresholds::default(),
        )
    }

    #[test]
    fn clear_question_is_answered() {
        let index = index();
        match run(&index, "en", "when is trash picked up") {
            Decision::Answer(hit) => assert_eq!(hit.entry.id, "trash-collection-day"),
            other => panic!("expected an answer, got {other:?}"),
        }
    }

    #[test]
    fn out_of_domain_question_is_handed_off() {
        let index = index();
        for (lang, text) in [
            ("en", "what is the capital of Mongolia"),
            ("en", "who won the world cup"),
            ("es", "¿cuál es la capital de Mongolia?"),
        ] {
            assert!(
                matches!(run(&index, lang, text), Decision::Handoff),
                "{text}"
            );
        }
    }

    #[test]
    fn empty_result_is_a_handoff() {
        let result = SearchResult {
            lang: "en".into(),
            fell_back: false,
            query_terms: 0,
            hits: vec![],
        };
        assert!(matches!(
            decide(&result, &Thresholds::default()),
            Decision::Handoff
        ));
    }
}
