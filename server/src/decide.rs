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

use knowledge::{Hit, IndexError, SearchIndex, SearchResult};

/// The most choices offered at once.
pub const MAX_CHOICES: usize = 3;

/// How many hits the decision looks at.
pub const SEARCH_LIMIT: usize = 10;

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

/// Searches `text` in `lang` and decides; when that is a handoff and `lang` is a partial
/// language (its content may miss the entry), and at least half of the question is the
/// default language's vocabulary, searches the default language with those words and takes
/// its decision if that one is not a handoff. Entries found that way are given in `lang`
/// when they have a translation, otherwise in the default language; the returned result's
/// `fell_back` is then set. This is the whole answering path of `POST /api/v1/ask` and of
/// `wayfinder eval`.
pub fn search_and_decide(
    index: &SearchIndex,
    lang: &str,
    text: &str,
    thresholds: &Thresholds,
) -> Result<(SearchResult, Decision), IndexError> {
    let result = index.search(lang, text, SEARCH_LIMIT)?;
    let decision = decide(&result, thresholds);
    if !matches!(decision, Decision::Handoff)
        || !index.is_partial(&result.lang)
        || result.query_terms == 0
    {
        return Ok((result, decision));
    }
    // Residents writing a partial language often mix in the default language's words
    // ("paano mag-recycle ng plastic bottles"). Fall back only when at least half of the
    // question is the default language's vocabulary, and search with those words alone:
    // the rest are the resident's language's own words, which the default content cannot
    // contain and which must not count against coverage.
    let default = index.default_language();
    let (known, total) = index.vocabulary_match(default, text);
    if total == 0 || known * 2 < total {
        return Ok((result, decision));
    }
    let known_words: Vec<&str> = text
        .split_whitespace()
        .filter(|word| index.vocabulary_match(default, word).0 > 0)
        .collect();
    let mut fallback = index.search(default, &known_words.join(" "), SEARCH_LIMIT)?;
    let fallback_decision = decide(&fallback, thresholds);
    if matches!(fallback_decision, Decision::Handoff) {
        return Ok((result, decision));
    }
    let localise = |hit: &Hit| Hit {
        entry: index
            .entry(&hit.entry.id, lang)
            .unwrap_or_else(|| hit.entry.clone()),
        ..hit.clone()
    };
    let decision = match fallback_decision {
        Decision::Answer(hit) => Decision::Answer(localise(&hit)),
        Decision::Choices(hits) => Decision::Choices(hits.iter().map(localise).collect()),
        Decision::Handoff => Decision::Handoff,
    };
    fallback.fell_back = true;
    Ok((fallback, decision))
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

    fn entry(lang: &str, id: &str, title: &str, body: &str) -> knowledge::Entry {
        let text = format!(
            "+++\nid = \"{id}\"\nkind = \"faq\"\ntitle = \"{title}\"\ntopic = \"t\"\nstatus = \"published\"\nlast_reviewed = 2026-10-01\nowner = \"O\"\nurl = \"https://x.example/{id}\"\n+++\n{body}\n"
        );
        knowledge::parse_entry(Path::new("x.md"), lang, &text).unwrap()
    }

    fn partial_index() -> knowledge::SearchIndex {
        let config: knowledge::KbConfig = toml::from_str(
            "site = \"t\"\nname = \"T\"\nlanguages = [\"en\"]\npartial_languages = [\"tl\"]\ndefault_language = \"en\"\n",
        )
        .unwrap();
        let kb = knowledge::KnowledgeBase {
            root: ".".into(),
            config,
            entries: vec![
                entry(
                    "en",
                    "recycling",
                    "What can I recycle?",
                    "Plastic bottles, cans and paper can be recycled.",
                ),
                entry(
                    "en",
                    "trash-day",
                    "When is trash picked up?",
                    "Trash is picked up weekly.",
                ),
                entry(
                    "tl",
                    "trash-day",
                    "Kailan kinukuha ang basura?",
                    "Kinukuha ang basura linggo-linggo.",
                ),
            ],
        };
        knowledge::SearchIndex::build(&kb).unwrap()
    }

    #[test]
    fn partial_language_falls_back_to_the_default_language() {
        let index = partial_index();
        let (result, decision) = search_and_decide(
            &index,
            "tl",
            "paano mag recycle ng plastic bottles",
            &Thresholds::default(),
        )
        .unwrap();
        assert!(result.fell_back);
        match decision {
            Decision::Answer(hit) => assert_eq!(
                (hit.entry.id.as_str(), hit.entry.lang.as_str()),
                ("recycling", "en")
            ),
            other => panic!("expected the English answer, got {other:?}"),
        }
    }

    #[test]
    fn translated_entry_is_answered_in_the_partial_language_without_fallback() {
        let index = partial_index();
        let (result, decision) = search_and_decide(
            &index,
            "tl",
            "kailan kinukuha ang basura",
            &Thresholds::default(),
        )
        .unwrap();
        assert!(!result.fell_back);
        match decision {
            Decision::Answer(hit) => assert_eq!(
                (hit.entry.id.as_str(), hit.entry.lang.as_str()),
                ("trash-day", "tl")
            ),
            other => panic!("expected the Tagalog answer, got {other:?}"),
        }
    }

    #[test]
    fn fallback_needs_the_question_to_be_mostly_default_language_words() {
        let index = partial_index();
        let (result, decision) = search_and_decide(
            &index,
            "tl",
            "ano ang kabisera ng bansang Mongolia para sa recycle",
            &Thresholds::default(),
        )
        .unwrap();
        assert!(!result.fell_back);
        assert!(matches!(decision, Decision::Handoff));
    }

    #[test]
    fn complete_languages_never_fall_back() {
        let index = partial_index();
        let (result, decision) =
            search_and_decide(&index, "en", "capital of Mongolia", &Thresholds::default()).unwrap();
        assert!(!result.fell_back);
        assert!(matches!(decision, Decision::Handoff));
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
