//! Fitting the decision thresholds on labelled questions, and measuring how well the bot does.
//!
//! `wayfinder calibrate --content <dir> --queries <file.jsonl>` reads questions labelled with
//! the entry that answers them (`{"text", "lang", "expect": "<id>" | null}`; `null` means the
//! content has no answer), runs each through the same language identification, search and
//! decision as `POST /api/v1/ask`, and grid-searches [`Thresholds`] for the best utility:
//!
//! | outcome                           | utility |
//! |-----------------------------------|---------|
//! | right answer / handoff when none  | +1      |
//! | choices that include the right one| +0.5    |
//! | anything else but a wrong answer  | 0       |
//! | a wrong answer                    | −3      |
//!
//! Among settings within one point of the best utility it takes the most cautious one
//! (highest answer coverage, then margin): small labelled sets overfit. It prints the fitted
//! thresholds and the scores under both the fitted and the current ones. The labelled file's `lang` is used only to report language-identification accuracy.

use anyhow::Context as _;
use knowledge::{SearchIndex, SearchResult};
use serde::Deserialize;

use crate::decide::{Decision, Thresholds, decide};
use crate::language::{self, Context};

/// One labelled question.
#[derive(Debug, Clone, Deserialize)]
pub struct LabelledQuery {
    /// What a resident typed.
    pub text: String,
    /// The language it is written in (label; not given to the system).
    pub lang: String,
    /// The entry id that answers it, or `None` when the content cannot.
    pub expect: Option<String>,
}

/// Scores of one threshold setting over a labelled set.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// Questions in the set.
    pub total: usize,
    /// Language identified as labelled.
    pub lang_right: usize,
    /// Answerable questions answered with the right entry.
    pub answered_right: usize,
    /// Answerable questions answered with a wrong entry.
    pub answered_wrong: usize,
    /// Answerable questions given choices that include the right entry.
    pub choices_right: usize,
    /// Answerable questions handed off (or given choices without the right entry).
    pub missed: usize,
    /// Unanswerable questions handed off.
    pub handoff_right: usize,
    /// Unanswerable questions answered anyway.
    pub handoff_wrong_answer: usize,
    /// Unanswerable questions given choices.
    pub handoff_choices: usize,
    /// The utility being maximised (see the module docs).
    pub utility: f32,
}

/// A question after language identification and search: what the decision sees.
struct Searched {
    expect: Option<String>,
    lang_right: bool,
    result: SearchResult,
}

fn search_all(index: &SearchIndex, queries: &[LabelledQuery]) -> anyhow::Result<Vec<Searched>> {
    queries
        .iter()
        .map(|q| {
            let lang = language::resolve(index, &q.text, Context::default());
            Ok(Searched {
                expect: q.expect.clone(),
                lang_right: lang == q.lang,
                result: index.search(&lang, &q.text, 10)?,
            })
        })
        .collect()
}

fn score(searched: &[Searched], thresholds: &Thresholds) -> Scores {
    let mut s = Scores {
        total: searched.len(),
        ..Scores::default()
    };
    for q in searched {
        s.lang_right += usize::from(q.lang_right);
        let decision = decide(&q.result, thresholds);
        match (&q.expect, decision) {
            (Some(id), Decision::Answer(hit)) if hit.entry.id == *id => s.answered_right += 1,
            (Some(_), Decision::Answer(_)) => s.answered_wrong += 1,
            (Some(id), Decision::Choices(hits)) if hits.iter().any(|h| h.entry.id == *id) => {
                s.choices_right += 1
            }
            (Some(_), _) => s.missed += 1,
            (None, Decision::Handoff) => s.handoff_right += 1,
            (None, Decision::Answer(_)) => s.handoff_wrong_answer += 1,
            (None, Decision::Choices(_)) => s.handoff_choices += 1,
        }
    }
    s.utility = (s.answered_right + s.handoff_right) as f32 + 0.5 * s.choices_right as f32
        - 3.0 * (s.answered_wrong + s.handoff_wrong_answer) as f32;
    s
}

/// Grid-searches thresholds on `queries` over `index`; returns the best and its scores.
pub fn fit(index: &SearchIndex, queries: &[LabelledQuery]) -> anyhow::Result<(Thresholds, Scores)> {
    let searched = search_all(index, queries)?;
    let steps = |from: f32, to: f32, by: f32| {
        let n = ((to - from) / by).round() as usize;
        (0..=n).map(move |i| from + by * i as f32)
    };
    let mut all = Vec::new();
    for answer_coverage in steps(0.3, 0.95, 0.05) {
        for choice_coverage in steps(0.2, answer_coverage, 0.05) {
            for answer_margin in steps(0.0, 0.5, 0.05) {
                let t = Thresholds {
                    answer_coverage,
                    answer_margin,
                    choice_coverage,
                };
                all.push((t, score(&searched, &t)));
            }
        }
    }
    let best = all.iter().map(|(_, s)| s.utility).fold(f32::MIN, f32::max);
    // Small labelled sets overfit: among settings within one point of the best, take the most
    // cautious (highest answer coverage, then highest margin), which generalises better.
    all.into_iter()
        .filter(|(_, s)| s.utility >= best - CAUTION_SLACK)
        .max_by(|(a, _), (b, _)| {
            (a.answer_coverage, a.answer_margin, a.choice_coverage)
                .partial_cmp(&(b.answer_coverage, b.answer_margin, b.choice_coverage))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .context("no labelled queries")
}

/// How much utility the fit gives up for caution.
const CAUTION_SLACK: f32 = 1.0;

/// Scores `thresholds` on `queries` over `index`.
pub fn evaluate(
    index: &SearchIndex,
    queries: &[LabelledQuery],
    thresholds: &Thresholds,
) -> anyhow::Result<Scores> {
    Ok(score(&search_all(index, queries)?, thresholds))
}

/// Prints one line of scores.
pub fn print_scores(label: &str, s: &Scores) {
    let answerable = s.answered_right + s.answered_wrong + s.choices_right + s.missed;
    let unanswerable = s.total - answerable;
    println!(
        "{label}: language {}/{} | answerable {answerable}: right {} wrong {} choices-with-right {} missed {} | unanswerable {unanswerable}: handoff {} answered {} choices {} | utility {:.1}",
        s.lang_right,
        s.total,
        s.answered_right,
        s.answered_wrong,
        s.choices_right,
        s.missed,
        s.handoff_right,
        s.handoff_wrong_answer,
        s.handoff_choices,
        s.utility
    );
}
