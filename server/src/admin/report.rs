//! The figures behind the admin pages and `/admin/api/...`, for one site and one
//! [`Window`]. Each report is plain data: the API serialises it, the pages render it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::gaps::{QuestionGroup, SIMILARITY, cluster_language};
use super::{LOW_COVERAGE, Window, language_name};
use crate::error::ApiError;
use crate::state::{AppState, Site};
use crate::store::insights::{QuestionScope, QuestionTally};

/// Most tallies (distinct wordings per language and entry) a report reads; the most asked
/// come first, so only rare one-offs of very busy sites are left out.
pub const MAX_TALLIES: u32 = 5_000;

/// Comments shown per entry and language.
pub const COMMENTS_PER_ENTRY: u32 = 3;

/// Questions listed by default in the top questions, and at most.
pub const TOP_QUESTIONS: (u32, u32) = (20, 100);

/// Knowledge gaps in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LanguageGaps {
    /// Language tag.
    pub lang: String,
    /// Its English name.
    pub name: String,
    /// Gap questions asked in it.
    pub questions: u64,
    /// Similar questions grouped, most asked first.
    pub groups: Vec<QuestionGroup>,
}

/// `GET /admin/api/gaps`: questions the bot handed off, answered with choices, or answered
/// with low coverage, grouped by similarity per language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GapsReport {
    /// Site id.
    pub site: String,
    /// Days covered.
    pub days: u32,
    /// Start of the window.
    pub since: DateTime<Utc>,
    /// Coverage below which an answer counts as a gap.
    pub low_coverage: f32,
    /// Jaccard index from which questions group.
    pub similarity: f64,
    /// Gap questions in all languages.
    pub questions: u64,
    /// Per language, the one with most gap questions first.
    pub languages: Vec<LanguageGaps>,
}

/// Groups tallies per language, languages with most questions first.
fn by_language(tallies: &[QuestionTally]) -> Vec<(String, u64, Vec<QuestionGroup>)> {
    let mut per_lang: BTreeMap<&str, Vec<&QuestionTally>> = BTreeMap::new();
    for tally in tallies {
        per_lang.entry(&tally.lang).or_default().push(tally);
    }
    let mut out: Vec<(String, u64, Vec<QuestionGroup>)> = per_lang
        .into_iter()
        .map(|(lang, tallies)| {
            let count = tallies.iter().map(|t| t.count).sum();
            (lang.to_owned(), count, cluster_language(lang, &tallies))
        })
        .collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// The knowledge gaps of `site` in `window`.
pub async fn gaps(state: &AppState, site: &Site, window: &Window) -> Result<GapsReport, ApiError> {
    let tallies = state
        .store
        .question_tallies(
            &site.config.id,
            window.since,
            QuestionScope::Gaps {
                low_coverage: LOW_COVERAGE,
            },
            MAX_TALLIES,
        )
        .await?;
    let languages: Vec<LanguageGaps> = by_language(&tallies)
        .into_iter()
        .map(|(lang, questions, groups)| LanguageGaps {
            name: language_name(&lang),
            lang,
            questions,
            groups,
        })
        .collect();
    Ok(GapsReport {
        site: site.config.id.clone(),
        days: window.days,
        since: window.since,
        low_coverage: LOW_COVERAGE,
        similarity: SIMILARITY,
        questions: languages.iter().map(|l| l.questions).sum(),
        languages,
    })
}

/// A most-asked question (a group of similar wordings) in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopQuestion {
    /// Language tag.
    pub lang: String,
    /// The group: wordings, counts per reply kind, the entry most often given.
    #[serde(flatten)]
    pub group: QuestionGroup,
    /// Title of that entry, if it is still published.
    pub entry_title: Option<String>,
}

/// `GET /admin/api/top-questions`: what residents ask most, similar wordings counted together.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopQuestionsReport {
    /// Site id.
    pub site: String,
    /// Days covered.
    pub days: u32,
    /// Start of the window.
    pub since: DateTime<Utc>,
    /// Questions in the window, all languages.
    pub total: u64,
    /// The most asked first.
    pub questions: Vec<TopQuestion>,
}

/// The `limit` most asked questions of `site` in `window`.
pub async fn top_questions(
    state: &AppState,
    site: &Site,
    window: &Window,
    limit: u32,
) -> Result<TopQuestionsReport, ApiError> {
    let tallies = state
        .store
        .question_tallies(
            &site.config.id,
            window.since,
            QuestionScope::All,
            MAX_TALLIES,
        )
        .await?;
    let index = site.content.index();
    let total = tallies.iter().map(|t| t.count).sum();
    let mut questions: Vec<TopQuestion> = by_language(&tallies)
        .into_iter()
        .flat_map(|(lang, _, groups)| groups.into_iter().map(move |group| (lang.clone(), group)))
        .map(|(lang, group)| TopQuestion {
            entry_title: group
                .entry_id
                .as_deref()
                .and_then(|id| index.entry(id, &lang))
                .map(|e| e.title.clone()),
            lang,
            group,
        })
        .collect();
    questions.sort_by(|a, b| {
        b.group
            .count
            .cmp(&a.group.count)
            .then(b.group.last_asked.cmp(&a.group.last_asked))
            .then(a.lang.cmp(&b.lang))
    });
    questions.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    Ok(TopQuestionsReport {
        site: site.config.id.clone(),
        days: window.days,
        since: window.since,
        total,
        questions,
    })
}

/// A resident's comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comment {
    /// Whether they found the reply helpful.
    pub helpful: bool,
    /// What they wrote, redacted.
    pub text: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// Feedback on one entry in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntryVerdicts {
    /// The entry, or `None` for replies without an answer (choices, handoffs).
    pub entry_id: Option<String>,
    /// Language of the replies.
    pub lang: String,
    /// The entry's title, if it is still published.
    pub title: Option<String>,
    /// "Helpful" votes.
    pub helpful: u64,
    /// "Not helpful" votes.
    pub not_helpful: u64,
    /// The latest vote.
    pub last_at: DateTime<Utc>,
    /// The latest comments, newest first (at most [`COMMENTS_PER_ENTRY`]).
    pub comments: Vec<Comment>,
}

/// `GET /admin/api/feedback`: residents' "was this helpful?" per entry and language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeedbackReport {
    /// Site id.
    pub site: String,
    /// Days covered.
    pub days: u32,
    /// Start of the window.
    pub since: DateTime<Utc>,
    /// "Helpful" votes in all.
    pub helpful: u64,
    /// "Not helpful" votes in all.
    pub not_helpful: u64,
    /// Per entry and language, the most "not helpful" first.
    pub entries: Vec<EntryVerdicts>,
}

/// The feedback on `site`'s replies in `window`.
pub async fn feedback(
    state: &AppState,
    site: &Site,
    window: &Window,
) -> Result<FeedbackReport, ApiError> {
    let rows = state
        .store
        .feedback_by_entry(&site.config.id, window.since)
        .await?;
    let comments = state
        .store
        .feedback_comments(&site.config.id, window.since, COMMENTS_PER_ENTRY)
        .await?;
    let index = site.content.index();
    let entries: Vec<EntryVerdicts> = rows
        .into_iter()
        .map(|row| EntryVerdicts {
            title: row
                .entry_id
                .as_deref()
                .and_then(|id| index.entry(id, &row.lang))
                .map(|e| e.title.clone()),
            comments: comments
                .iter()
                .filter(|c| c.entry_id == row.entry_id && c.lang == row.lang)
                .map(|c| Comment {
                    helpful: c.helpful,
                    text: c.text.clone(),
                    at: c.at,
                })
                .collect(),
            entry_id: row.entry_id,
            lang: row.lang,
            helpful: row.helpful,
            not_helpful: row.not_helpful,
            last_at: row.last_at,
        })
        .collect();
    Ok(FeedbackReport {
        site: site.config.id.clone(),
        days: window.days,
        since: window.since,
        helpful: entries.iter().map(|e| e.helpful).sum(),
        not_helpful: entries.iter().map(|e| e.not_helpful).sum(),
        entries,
    })
}

/// One day of the trends.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DayTrend {
    /// The day, in the site's time zone.
    pub date: NaiveDate,
    /// Questions asked.
    pub questions: u64,
    /// Questions per language (every language of the report, zeros included).
    pub by_language: BTreeMap<String, u64>,
    /// Replies that were an answer.
    pub answered: u64,
    /// Replies that offered choices.
    pub choices: u64,
    /// Replies that handed off.
    pub handoff: u64,
    /// `answered / questions`, `None` on a day without questions.
    pub share_answered: Option<f64>,
    /// `choices / questions`, `None` on a day without questions.
    pub share_choices: Option<f64>,
    /// `handoff / questions`, `None` on a day without questions.
    pub share_handoff: Option<f64>,
    /// "Helpful" votes.
    pub helpful: u64,
    /// "Not helpful" votes.
    pub not_helpful: u64,
}

/// Totals over the window, with shares of questions per reply kind (0 when nothing was asked).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendTotals {
    /// Questions asked.
    pub questions: u64,
    /// Questions per language.
    pub by_language: BTreeMap<String, u64>,
    /// Answered.
    pub answered: u64,
    /// Offered choices.
    pub choices: u64,
    /// Handed off.
    pub handoff: u64,
    /// `answered / questions`.
    pub share_answered: f64,
    /// `choices / questions`.
    pub share_choices: f64,
    /// `handoff / questions`.
    pub share_handoff: f64,
    /// "Helpful" votes.
    pub helpful: u64,
    /// "Not helpful" votes.
    pub not_helpful: u64,
}

/// `GET /admin/api/trends`: per day (in the site's time zone), questions per language, how
/// they were replied to, and feedback.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendsReport {
    /// Site id.
    pub site: String,
    /// Days covered.
    pub days: u32,
    /// Start of the window.
    pub since: DateTime<Utc>,
    /// The time zone days are counted in.
    pub timezone: String,
    /// Languages with questions in the window, the most asked first.
    pub languages: Vec<String>,
    /// Every day of the window, oldest first (days without questions included).
    pub daily: Vec<DayTrend>,
    /// Sums over the window.
    pub totals: TrendTotals,
}

fn share(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The trends of `site` in `window`.
pub async fn trends(
    state: &AppState,
    site: &Site,
    window: &Window,
) -> Result<TrendsReport, ApiError> {
    let hours = state
        .store
        .question_hours(&site.config.id, window.since)
        .await?;
    let feedback = state
        .store
        .feedback_hours(&site.config.id, window.since)
        .await?;
    let mut per_lang: BTreeMap<String, u64> = BTreeMap::new();
    for hour in &hours {
        *per_lang.entry(hour.lang.clone()).or_default() += hour.count;
    }
    let mut languages: Vec<String> = per_lang.keys().cloned().collect();
    languages.sort_by(|a, b| per_lang[b].cmp(&per_lang[a]).then(a.cmp(b)));

    let mut daily: BTreeMap<NaiveDate, DayTrend> = window
        .dates()
        .into_iter()
        .map(|date| {
            (
                date,
                DayTrend {
                    date,
                    questions: 0,
                    by_language: languages.iter().map(|l| (l.clone(), 0)).collect(),
                    answered: 0,
                    choices: 0,
                    handoff: 0,
                    share_answered: None,
                    share_choices: None,
                    share_handoff: None,
                    helpful: 0,
                    not_helpful: 0,
                },
            )
        })
        .collect();
    for hour in &hours {
        let Some(day) = daily.get_mut(&window.day_of(hour.hour)) else {
            continue;
        };
        day.questions += hour.count;
        *day.by_language.entry(hour.lang.clone()).or_default() += hour.count;
        match hour.outcome.as_str() {
            "answer" => day.answered += hour.count,
            "choices" => day.choices += hour.count,
            _ => day.handoff += hour.count,
        }
    }
    for hour in &feedback {
        let Some(day) = daily.get_mut(&window.day_of(hour.hour)) else {
            continue;
        };
        day.helpful += hour.helpful;
        day.not_helpful += hour.not_helpful;
    }
    let daily: Vec<DayTrend> = daily
        .into_values()
        .map(|mut day| {
            if day.questions > 0 {
                day.share_answered = Some(share(day.answered, day.questions));
                day.share_choices = Some(share(day.choices, day.questions));
                day.share_handoff = Some(share(day.handoff, day.questions));
            }
            day
        })
        .collect();
    let sum = |f: fn(&DayTrend) -> u64| daily.iter().map(f).sum::<u64>();
    let questions = sum(|d| d.questions);
    let (answered, choices, handoff) =
        (sum(|d| d.answered), sum(|d| d.choices), sum(|d| d.handoff));
    let mut by_language: BTreeMap<String, u64> = BTreeMap::new();
    for day in &daily {
        for (lang, n) in &day.by_language {
            *by_language.entry(lang.clone()).or_default() += n;
        }
    }
    let totals = TrendTotals {
        questions,
        by_language,
        answered,
        choices,
        handoff,
        share_answered: share(answered, questions),
        share_choices: share(choices, questions),
        share_handoff: share(handoff, questions),
        helpful: sum(|d| d.helpful),
        not_helpful: sum(|d| d.not_helpful),
    };
    Ok(TrendsReport {
        site: site.config.id.clone(),
        days: window.days,
        since: window.since,
        timezone: window.tz.name().to_owned(),
        languages,
        daily,
        totals,
    })
}

/// An entry of the default language without a published version in another language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MissingEntry {
    /// Its id.
    pub id: String,
    /// Its title in the default language.
    pub title: String,
    /// Its topic.
    pub topic: String,
    /// Where the translation goes, relative to the content folder.
    pub path: String,
    /// Whether a draft of the translation exists.
    pub draft: bool,
}

/// One language's translation coverage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LanguageCoverage {
    /// Language tag.
    pub lang: String,
    /// Its English name.
    pub name: String,
    /// Whether it is the default language.
    pub default: bool,
    /// Whether it is a complete language (`languages`) rather than one being translated
    /// (`partial_languages`).
    pub complete: bool,
    /// Published entries in it.
    pub entries: usize,
    /// Drafts in it.
    pub drafts: usize,
    /// Published entries of the default language that are published in it too.
    pub translated: usize,
    /// `translated` over the default language's published entries (1 for the default).
    pub share: f64,
    /// The default language's entries it lacks, by id.
    pub missing: Vec<MissingEntry>,
    /// Its published entries that the default language does not have.
    pub extra: Vec<String>,
}

/// `GET /admin/api/coverage`: published entries per language against the default language,
/// from the content files as they are now.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoverageReport {
    /// Site id.
    pub site: String,
    /// The default language.
    pub default_language: String,
    /// The default language first, then complete languages, then partial ones.
    pub languages: Vec<LanguageCoverage>,
    /// Errors that kept the files from being read (`path:line: message`).
    pub errors: Vec<String>,
}

/// Translation coverage of the knowledge base in `root` (blocking: reads every file).
pub fn coverage_of(site_id: &str, root: &std::path::Path) -> CoverageReport {
    let (kb, problems) = knowledge::load(root);
    let errors: Vec<String> = problems
        .iter()
        .filter(|p| p.is_error())
        .map(ToString::to_string)
        .collect();
    let Some(kb) = kb else {
        return CoverageReport {
            site: site_id.to_owned(),
            default_language: String::new(),
            languages: Vec::new(),
            errors,
        };
    };
    let default = kb.config.default_language.clone();
    let published = |lang: &str| -> BTreeSet<&str> {
        kb.entries
            .iter()
            .filter(|e| e.lang == lang && e.is_published())
            .map(|e| e.id.as_str())
            .collect()
    };
    let base = published(&default);
    let in_default: HashMap<&str, &knowledge::Entry> = kb
        .entries
        .iter()
        .filter(|e| e.lang == default)
        .map(|e| (e.id.as_str(), e.as_ref()))
        .collect();
    let mut order: Vec<(&String, bool)> = vec![(&default, true)];
    order.extend(
        kb.config
            .languages
            .iter()
            .filter(|l| **l != default)
            .map(|l| (l, true)),
    );
    order.extend(kb.config.partial_languages.iter().map(|l| (l, false)));
    let languages = order
        .into_iter()
        .map(|(lang, complete)| {
            let here = published(lang);
            let drafts: BTreeSet<&str> = kb
                .entries
                .iter()
                .filter(|e| e.lang == *lang && !e.is_published())
                .map(|e| e.id.as_str())
                .collect();
            let missing: Vec<MissingEntry> = base
                .difference(&here)
                .filter_map(|id| in_default.get(id).copied())
                .map(|e| MissingEntry {
                    id: e.id.clone(),
                    title: e.title.clone(),
                    topic: e.topic.clone(),
                    path: format!("{lang}/{}/{}.md", e.topic, e.id),
                    draft: drafts.contains(e.id.as_str()),
                })
                .collect();
            let translated = base.intersection(&here).count();
            LanguageCoverage {
                name: language_name(lang),
                default: *lang == default,
                complete,
                entries: here.len(),
                drafts: drafts.len(),
                translated,
                share: if *lang == default {
                    1.0
                } else {
                    share(translated as u64, base.len() as u64)
                },
                missing,
                extra: here.difference(&base).map(|id| (*id).to_owned()).collect(),
                lang: lang.clone(),
            }
        })
        .collect();
    CoverageReport {
        site: site_id.to_owned(),
        default_language: default,
        languages,
        errors,
    }
}

/// Translation coverage of `site`'s content, read off the async runtime.
pub async fn coverage(site: &Site) -> Result<CoverageReport, ApiError> {
    let id = site.config.id.clone();
    let root = site.config.content.clone();
    tokio::task::spawn_blocking(move || coverage_of(&id, &root))
        .await
        .map_err(|e| ApiError::Internal(e.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coverage_of_the_demo_counts_missing_translations() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../knowledge/demo");
        let report = coverage_of("riverton", &root);
        assert!(report.errors.is_empty(), "{:?}", report.errors);
        assert_eq!(report.default_language, "en");
        let en = &report.languages[0];
        assert_eq!(en.lang, "en");
        assert!(en.default && en.complete && en.missing.is_empty());
        assert!((en.share - 1.0).abs() < f64::EPSILON);
        for lang in &report.languages[1..] {
            assert_eq!(
                lang.translated + lang.missing.len(),
                en.entries,
                "{}",
                lang.lang
            );
            assert!(lang.share <= 1.0);
        }
        let partial = report
            .languages
            .iter()
            .find(|l| !l.complete)
            .expect("the demo has partial languages");
        assert!(!partial.missing.is_empty());
        let missing = &partial.missing[0];
        assert_eq!(
            missing.path,
            format!("{}/{}/{}.md", partial.lang, missing.topic, missing.id)
        );
    }
}
