//! Answer, offer choices, or hand off: the decision on one search result.
//!
//! A confident wrong answer is the worst outcome for a city, so the decision estimates, from
//! the search evidence ([`Features`]: the hit's coverage of the question, the margin over the
//! runner-up, the runner-up's coverage, the number of search terms, the score per term,
//! whether the language is analysed as character bigrams, and, when the hits were ranked by
//! meaning ([`crate::meaning`]), the best hit's similarity to the question and its lead over
//! the runner-up's), with three logistic models: the probability that the best hit is a
//! right answer, that a right answer is among the first three hits, and that the base has an
//! answer at all. It answers when the first reaches a threshold. Otherwise it weighs choices
//! against a handoff: choices are worth [`CHOICES_VALUE`] when a right answer is among them,
//! a handoff is right when the base has no answer, and it offers choices when their expected
//! worth exceeds the handoff's by the model's `choice_advantage` (which may be negative).
//! It hands off at once when the best hit covers too little of the question.
//!
//! The third model is what tells a question the base does not answer from one whose answer
//! the search ranked low: with the probability of a right answer among the choices alone,
//! both looked alike and were handed off, and residents were sent to staff for questions the
//! base answers (`docs/quality.md`, "Choices weighed against a handoff").
//!
//! Each way of ranking has its own three models: `server/decision-model.json` (words alone)
//! and `server/decision-model-semantic.json` (words, then meaning). Both are fitted by
//! `scripts/fit_decision.py` on the development sets (the labelled City of Riverton questions
//! and the evaluation sets described in `docs/quality.md`): it maximises the mean utility per
//! set of +1 for a right answer or a handoff when no answer exists, +0.5 for choices that
//! include a right answer, and −3 for a wrong answer.

use std::sync::LazyLock;

use knowledge::{Hit, IndexError, SearchIndex, SearchResult};
use serde::Deserialize;

use crate::meaning::Meaning;

/// The most choices offered at once.
pub const MAX_CHOICES: usize = 3;

/// What choices that include a right answer are worth to a resident, against 1 for a right
/// answer or for a handoff when the base has no answer (the utility the models are fitted
/// to, `scripts/fit_decision.py`).
pub const CHOICES_VALUE: f32 = 0.5;

/// How many hits the decision looks at.
pub const SEARCH_LIMIT: usize = 10;

/// The fitted model for hits ranked by words alone, as committed.
pub const MODEL_JSON: &str = include_str!("../decision-model.json");

/// The fitted model for hits ranked by meaning, as committed.
pub const SEMANTIC_MODEL_JSON: &str = include_str!("../decision-model-semantic.json");

/// Weights and thresholds of the decision.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DecisionModel {
    /// The probability that the best hit is a right answer: bias first, then one weight per
    /// entry of [`Features::to_vec`].
    pub weights: Vec<f32>,
    /// The probability that a right answer is among the first three hits, alike.
    pub choice_weights: Vec<f32>,
    /// The probability that the knowledge base has an answer to the question, alike.
    pub answerable_weights: Vec<f32>,
    /// Answer when the estimated probability of a right answer is at least this.
    pub answer_threshold: f32,
    /// Otherwise offer choices when [`DecisionModel::choice_advantage_of`] is at least
    /// this; hand off below.
    pub choice_advantage: f32,
    /// Hand off whatever the probability when the best hit covers less of the question.
    pub min_coverage: f32,
}

impl DecisionModel {
    /// The committed model for hits ranked by words alone (`server/decision-model.json`).
    pub fn fitted() -> &'static Self {
        static MODEL: LazyLock<DecisionModel> =
            LazyLock::new(|| DecisionModel::parse(MODEL_JSON, LEXICAL_FEATURES));
        &MODEL
    }

    /// The committed model for hits ranked by meaning
    /// (`server/decision-model-semantic.json`).
    pub fn fitted_semantic() -> &'static Self {
        static MODEL: LazyLock<DecisionModel> =
            LazyLock::new(|| DecisionModel::parse(SEMANTIC_MODEL_JSON, SEMANTIC_FEATURES));
        &MODEL
    }

    /// The committed model that weighs `features`.
    pub fn for_features(features: &Features) -> &'static Self {
        if features.similarity.is_some() {
            Self::fitted_semantic()
        } else {
            Self::fitted()
        }
    }

    fn parse(json: &str, features: usize) -> Self {
        let model: DecisionModel = serde_json::from_str(json).expect("a committed model is valid");
        for weights in [
            &model.weights,
            &model.choice_weights,
            &model.answerable_weights,
        ] {
            assert_eq!(
                weights.len(),
                features + 1,
                "a decision model has one weight per feature plus the bias"
            );
        }
        model
    }

    /// Estimated probability that the best hit is a right answer.
    pub fn probability(&self, features: &Features) -> f32 {
        logistic(&self.weights, features)
    }

    /// Estimated probability that a right answer is among the first three hits.
    pub fn choice_probability(&self, features: &Features) -> f32 {
        logistic(&self.choice_weights, features)
    }

    /// Estimated probability that the knowledge base has an answer to the question.
    pub fn answerable_probability(&self, features: &Features) -> f32 {
        logistic(&self.answerable_weights, features)
    }

    /// The expected worth of offering choices less that of a handoff:
    /// [`CHOICES_VALUE`] × P(a right answer among them) − P(the base has no answer).
    pub fn choice_advantage_of(&self, features: &Features) -> f32 {
        CHOICES_VALUE * self.choice_probability(features)
            - (1.0 - self.answerable_probability(features))
    }
}

/// The logistic function of `features` weighted by `weights` (bias first).
fn logistic(weights: &[f32], features: &Features) -> f32 {
    let z = weights[0]
        + features
            .to_vec()
            .iter()
            .zip(&weights[1..])
            .map(|(x, w)| x * w)
            .sum::<f32>();
    1.0 / (1.0 + (-z).exp())
}

/// Number of features the model for hits ranked by words weighs.
pub const LEXICAL_FEATURES: usize = 7;

/// Number of features the model for hits ranked by meaning weighs.
pub const SEMANTIC_FEATURES: usize = LEXICAL_FEATURES + 2;

/// The evidence about a search result that the decision weighs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Features {
    /// The best hit's coverage of the question (0–1).
    pub coverage: f32,
    /// Relative score gap to the runner-up, `(s1 - s2) / s1` (1 when there is none).
    pub margin: f32,
    /// The runner-up's coverage (0 when there is none).
    pub second_coverage: f32,
    /// `ln(1 + number of search terms)`.
    pub terms: f32,
    /// `ln(1 + best score / number of search terms)`: BM25 strength per term.
    pub score_per_term: f32,
    /// 1 for languages analysed as character bigrams (ja, ko), else 0.
    pub bigram: f32,
    /// The best hit's similarity to the question, when the hits were ranked by meaning.
    pub similarity: Option<f32>,
    /// Its lead over the runner-up's similarity (0 when there is none).
    pub similarity_margin: f32,
}

impl Features {
    /// The features of `result`, or `None` when it has no hits.
    pub fn of(result: &SearchResult) -> Option<Self> {
        let top = result.hits.first()?;
        let second = result.hits.iter().find(|h| h.entry.id != top.entry.id);
        let terms = result.query_terms.max(1) as f32;
        // The margin compares the scores of words, which ranking by meaning does not order:
        // it is the best hit's lead over the best-scored other hit, and may be negative.
        let best_other_score = result
            .hits
            .iter()
            .filter(|h| h.entry.id != top.entry.id)
            .map(|h| h.score)
            .reduce(f32::max);
        let similarity = top.similarity;
        Some(Self {
            coverage: top.coverage,
            margin: best_other_score.map_or(1.0, |s| {
                ((top.score - s) / top.score.max(f32::EPSILON)).clamp(-1.0, 1.0)
            }),
            second_coverage: second.map_or(0.0, |s| s.coverage),
            terms: terms.ln_1p(),
            score_per_term: (top.score / terms).max(0.0).ln_1p(),
            bigram: f32::from(u8::from(knowledge::analyzer::uses_bigrams(&result.lang))),
            similarity,
            similarity_margin: match (similarity, second.and_then(|s| s.similarity)) {
                (Some(first), Some(second)) => first - second,
                _ => 0.0,
            },
        })
    }

    /// As a vector, in the order the decision model's weights use: coverage, margin,
    /// second_coverage, terms, score_per_term, bigram, bigram × coverage, and when ranked by
    /// meaning, similarity and similarity_margin.
    pub fn to_vec(self) -> Vec<f32> {
        let mut vector = vec![
            self.coverage,
            self.margin,
            self.second_coverage,
            self.terms,
            self.score_per_term,
            self.bigram,
            self.bigram * self.coverage,
        ];
        if let Some(similarity) = self.similarity {
            vector.extend([similarity, self.similarity_margin]);
        }
        vector
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

/// Decides what to do with `result`, under the committed model for the way its hits were
/// ranked.
pub fn decide(result: &SearchResult) -> Decision {
    let Some(features) = Features::of(result) else {
        return Decision::Handoff;
    };
    decide_with(result, &features, DecisionModel::for_features(&features))
}

/// Decides what to do with `result`, whose [`Features`] are `features`, under `model`.
pub fn decide_with(result: &SearchResult, features: &Features, model: &DecisionModel) -> Decision {
    if features.coverage < model.min_coverage {
        return Decision::Handoff;
    }
    if model.probability(features) >= model.answer_threshold {
        return Decision::Answer(result.hits[0].clone());
    }
    if model.choice_advantage_of(features) < model.choice_advantage {
        return Decision::Handoff;
    }
    let mut choices: Vec<Hit> = Vec::with_capacity(MAX_CHOICES);
    for hit in &result.hits {
        if choices.len() == MAX_CHOICES {
            break;
        }
        if !choices.iter().any(|c| c.entry.id == hit.entry.id) {
            choices.push(hit.clone());
        }
    }
    Decision::Choices(choices)
}

/// The probability of a right best hit, under the model for words alone, from which the
/// answer is not ranked by meaning: on the development sets, ranking by meaning gave the same
/// answer to every such question of the demo city (68) and of the FAQ set (24), and 20 fewer
/// right ones among 2,760 of xquad_r; and it spares the encoder half of the demo city's
/// questions.
pub const WORDS_SURE: f32 = 0.9;

/// Whether the words alone answer `result` (hits not ranked by meaning) with a probability
/// of [`WORDS_SURE`] or more.
pub fn words_are_sure(result: &SearchResult) -> bool {
    let model = DecisionModel::fitted();
    Features::of(result).is_some_and(|features| {
        features.similarity.is_none()
            && features.coverage >= model.min_coverage
            && model.probability(&features) >= WORDS_SURE.max(model.answer_threshold)
    })
}

/// Searches `text` in `lang` and decides; when that is a handoff and `lang` is a partial
/// language (its content may miss the entry), and at least half of the question is the
/// default language's vocabulary, searches the default language with those words and takes
/// its decision if that one is not a handoff. Entries found that way are given in `lang`
/// when they have a translation, otherwise in the default language; the returned result's
/// `fell_back` is then set. With `meaning`, each search's hits are ranked by meaning
/// ([`Meaning::rank`]) before the decision, unless the words alone are sure of the answer
/// ([`words_are_sure`]). This is the whole answering path of `POST /api/v1/ask` and of
/// `wayfinder eval`.
pub fn search_and_decide(
    index: &SearchIndex,
    meaning: Option<Meaning<'_>>,
    lang: &str,
    text: &str,
) -> Result<(SearchResult, Decision), IndexError> {
    let words = index.search(lang, text, SEARCH_LIMIT)?;
    decide_searched(index, meaning, lang, text, words)
}

/// [`search_and_decide`] for a question whose words were searched already: `words` is
/// `index.search(lang, text, SEARCH_LIMIT)`.
pub fn decide_searched(
    index: &SearchIndex,
    meaning: Option<Meaning<'_>>,
    lang: &str,
    text: &str,
    words: SearchResult,
) -> Result<(SearchResult, Decision), IndexError> {
    let rank = |mut result: SearchResult| {
        if let Some(meaning) = meaning
            && !words_are_sure(&result)
        {
            // The whole question, also when only some of its words were searched.
            meaning.rank(text, &mut result);
        }
        result
    };
    let result = rank(words);
    let decision = decide(&result);
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
    let mut fallback = rank(index.search(default, &known_words.join(" "), SEARCH_LIMIT)?);
    let fallback_decision = decide(&fallback);
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
    // (Its vocabulary is that of the words searched, not of the whole question.)
    fallback.vocabulary = None;
    Ok((fallback, decision))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    use crate::testing::demo_index as index;

    fn run(index: &knowledge::SearchIndex, lang: &str, text: &str) -> Decision {
        decide(&index.search(lang, text, 10).unwrap())
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
    fn words_are_sure_of_clear_questions_only() {
        let index = index();
        let sure = |text: &str| words_are_sure(&index.search("en", text, SEARCH_LIMIT).unwrap());
        assert!(sure("when is trash picked up"));
        assert!(!sure("who won the world cup"));
        assert!(!sure("can I hold a yard sale on Saturday"));
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

    fn entry(lang: &str, id: &str, title: &str, body: &str) -> std::sync::Arc<knowledge::Entry> {
        let text = format!(
            "+++\nid = \"{id}\"\nkind = \"faq\"\ntitle = \"{title}\"\ntopic = \"t\"\nstatus = \"published\"\nlast_reviewed = 2026-10-01\nowner = \"O\"\nurl = \"https://x.example/{id}\"\n+++\n{body}\n"
        );
        std::sync::Arc::new(knowledge::parse_entry(Path::new("x.md"), lang, &text).unwrap())
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
        let (result, decision) =
            search_and_decide(&index, None, "tl", "paano mag recycle ng plastic bottles").unwrap();
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
        let (result, decision) =
            search_and_decide(&index, None, "tl", "kailan kinukuha ang basura").unwrap();
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
            None,
            "tl",
            "ano ang kabisera ng bansang Mongolia para sa recycle",
        )
        .unwrap();
        assert!(!result.fell_back);
        assert!(matches!(decision, Decision::Handoff));
    }

    #[test]
    fn complete_languages_never_fall_back() {
        let index = partial_index();
        let (result, decision) =
            search_and_decide(&index, None, "en", "capital of Mongolia").unwrap();
        assert!(!result.fell_back);
        assert!(matches!(decision, Decision::Handoff));
    }

    #[test]
    fn hits_ranked_by_meaning_are_weighed_by_the_semantic_model() {
        let hit = |id: &str, score: f32, similarity: Option<f32>| Hit {
            entry: entry("en", id, id, "Body."),
            score,
            coverage: 0.8,
            similarity,
        };
        let mut result = SearchResult {
            lang: "en".into(),
            fell_back: false,
            query_terms: 3,
            hits: vec![hit("a", 4.0, Some(0.88)), hit("b", 8.0, Some(0.83))],
            vocabulary: None,
        };
        let features = Features::of(&result).expect("hits");
        assert_eq!(features.similarity, Some(0.88));
        assert!((features.similarity_margin - 0.05).abs() < 1e-6);
        // Ranked by meaning, the best hit may have the lower word score: a negative margin.
        assert!(
            (features.margin - (-1.0)).abs() < 1e-6,
            "{}",
            features.margin
        );
        assert_eq!(features.to_vec().len(), SEMANTIC_FEATURES);
        assert_eq!(
            DecisionModel::for_features(&features),
            DecisionModel::fitted_semantic()
        );

        for hit in &mut result.hits {
            hit.similarity = None;
        }
        result.hits.reverse();
        let features = Features::of(&result).expect("hits");
        assert_eq!(features.to_vec().len(), LEXICAL_FEATURES);
        assert_eq!(
            DecisionModel::for_features(&features),
            DecisionModel::fitted()
        );
    }

    /// A model that never answers and whose estimates are fixed by its biases: a right
    /// answer among the choices with probability `choice`, an answer in the base with
    /// probability `answerable`.
    fn fixed_model(choice: f32, answerable: f32) -> DecisionModel {
        let logit = |p: f32| (p / (1.0 - p)).ln();
        let with_bias = |bias: f32| {
            let mut weights = vec![0.0; LEXICAL_FEATURES + 1];
            weights[0] = bias;
            weights
        };
        DecisionModel {
            weights: with_bias(-20.0),
            choice_weights: with_bias(logit(choice)),
            answerable_weights: with_bias(logit(answerable)),
            answer_threshold: 0.5,
            choice_advantage: 0.0,
            min_coverage: 0.0,
        }
    }

    #[test]
    fn choices_are_offered_when_worth_more_than_a_handoff() {
        let index = index();
        let result = index
            .search("en", "can I hold a yard sale on Saturday", SEARCH_LIMIT)
            .unwrap();
        let features = Features::of(&result).expect("hits");
        let decide = |model: &DecisionModel| decide_with(&result, &features, model).outcome();
        // The same chance of a right answer among the choices (0.6, worth 0.3): offered when
        // the base likely has an answer (a handoff worth 0.1), not when it likely has none
        // (worth 0.5).
        assert_eq!(decide(&fixed_model(0.6, 0.9)), "choices");
        assert_eq!(decide(&fixed_model(0.6, 0.5)), "handoff");
        let model = fixed_model(0.6, 0.9);
        assert!((model.choice_advantage_of(&features) - 0.2).abs() < 1e-4);
        // The advantage asked for is the model's: 0.2 is not enough when 0.25 is asked.
        let demanding = DecisionModel {
            choice_advantage: 0.25,
            ..model
        };
        assert_eq!(decide(&demanding), "handoff");
    }

    #[test]
    fn empty_result_is_a_handoff() {
        let result = SearchResult {
            lang: "en".into(),
            fell_back: false,
            query_terms: 0,
            hits: vec![],
            vocabulary: None,
        };
        assert!(matches!(decide(&result), Decision::Handoff));
    }
}
