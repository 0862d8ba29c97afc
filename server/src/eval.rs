//! `wayfinder eval`: measuring retrieval, language identification and handoff on labelled
//! question sets, through the same code path as `POST /api/v1/ask`.
//!
//! The system under test reads only `qid`, `lang` and `text` of each query (and `lang` only
//! with `--lang-from-file`): the knowledge base is imported from JSONL into an in-memory
//! index ([`knowledge::import`]) or read from a content folder, each question's language is identified among the base's
//! languages ([`crate::language`]), searched, and decided ([`crate::decide`]). One result line
//! per query: `{"qid", "ranked_ids": [up to 10], "handoff", "lang"}`.
//!
//! The summary is then computed from the labels (`relevant_ids`; empty means the base has no
//! answer) with the definitions of the evaluation sets' `score.py`: recall@1, recall@5,
//! MRR@10, answered-correct@1, false-handoff rate on answerable queries, correct-handoff rate
//! on no-answer queries, per language and overall.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::Path;

use anyhow::Context as _;
use knowledge::SearchIndex;
use serde::{Deserialize, Serialize};

use crate::decide::{Decision, Features, search_and_decide};
use crate::language::{self, Context};
use crate::meaning::Meaning;

/// How many ranked ids a result line carries.
pub const RANKED: usize = 10;

/// What the system under test may read of a query.
#[derive(Debug, Clone, Deserialize)]
pub struct Query {
    /// Query id.
    pub qid: String,
    /// The language the query is written in (used only with `--lang-from-file`).
    pub lang: String,
    /// The question.
    pub text: String,
}

/// The labels of a query, read only for the summary.
#[derive(Debug, Clone, Deserialize)]
struct Labels {
    qid: String,
    lang: String,
    #[serde(default)]
    relevant_ids: Vec<String>,
}

/// The decision's evidence for one query, for fitting the decision model
/// (`scripts/fit_decision.py`). No labels: those stay in the queries file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FeatureLine {
    /// Query id.
    pub qid: String,
    /// See [`crate::decide::Features::to_vec`]; empty when nothing was found.
    pub features: Vec<f32>,
    /// The three best entry ids.
    pub top_ids: Vec<String>,
}

/// One result line.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ResultLine {
    /// Query id.
    pub qid: String,
    /// Best first, at most [`RANKED`].
    pub ranked_ids: Vec<String>,
    /// Whether the bot handed off instead of answering or offering choices.
    pub handoff: bool,
    /// The language the question was searched in.
    pub lang: String,
}

/// Answers every query; `progress` is called after each with (done, total).
pub fn run_queries(
    index: &SearchIndex,
    meaning: Option<Meaning<'_>>,
    queries: &[Query],
    lang_from_file: bool,
    mut progress: impl FnMut(usize, usize),
) -> anyhow::Result<(Vec<ResultLine>, Vec<FeatureLine>)> {
    let mut results = Vec::with_capacity(queries.len());
    let mut features = Vec::with_capacity(queries.len());
    for (done, query) in queries.iter().enumerate() {
        // As `/api/v1/ask` takes questions: in NFC.
        let text = knowledge::words::nfc(&query.text);
        let lang = if lang_from_file {
            query.lang.clone()
        } else {
            language::resolve(index, &text, Context::default())
        };
        let (result, decision) = search_and_decide(index, meaning, &lang, &text)?;
        let handoff = matches!(decision, Decision::Handoff);
        features.push(FeatureLine {
            qid: query.qid.clone(),
            features: Features::of(&result)
                .map(|f| f.to_vec())
                .unwrap_or_default(),
            top_ids: result
                .hits
                .iter()
                .take(3)
                .map(|h| h.entry.id.clone())
                .collect(),
        });
        results.push(ResultLine {
            qid: query.qid.clone(),
            ranked_ids: result
                .hits
                .iter()
                .take(RANKED)
                .map(|h| h.entry.id.clone())
                .collect(),
            handoff,
            lang: result.lang,
        });
        progress(done + 1, queries.len());
    }
    Ok((results, features))
}

/// Metrics of one language (or of all, under `ALL`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Metrics {
    /// Answerable queries.
    pub n_answerable: usize,
    /// Share with a relevant id first.
    pub recall_at_1: f64,
    /// Share with a relevant id in the top 5.
    pub recall_at_5: f64,
    /// Mean reciprocal rank of the first relevant id in the top 10.
    pub mrr_at_10: f64,
    /// Share answered (not handed off) with a relevant id first.
    pub answered_correct_at_1: f64,
    /// Share of answerable queries handed off.
    pub false_handoff_rate: f64,
    /// No-answer queries.
    pub n_no_answer: usize,
    /// Share of no-answer queries handed off.
    pub correct_handoff_rate: f64,
    /// Share of queries whose language was identified as labelled.
    pub language_accuracy: f64,
}

/// Scores `results` against the labelled `queries_file`, per language and `ALL`.
pub fn score(
    queries_file: &Path,
    results: &[ResultLine],
) -> anyhow::Result<BTreeMap<String, Metrics>> {
    let labels: Vec<Labels> = read_jsonl(queries_file)?;
    let by_qid: BTreeMap<&str, &ResultLine> = results.iter().map(|r| (r.qid.as_str(), r)).collect();
    #[derive(Default)]
    struct Sums {
        n_ans: usize,
        r1: f64,
        r5: f64,
        mrr: f64,
        acc1: f64,
        false_ho: f64,
        n_noans: usize,
        corr_ho: f64,
        n: usize,
        lang_right: f64,
    }
    let mut sums: BTreeMap<String, Sums> = BTreeMap::new();
    for label in &labels {
        let missing = ResultLine {
            qid: label.qid.clone(),
            ranked_ids: Vec::new(),
            handoff: true,
            lang: String::new(),
        };
        let result = by_qid.get(label.qid.as_str()).copied().unwrap_or(&missing);
        let relevant = |id: &String| label.relevant_ids.contains(id);
        for key in [label.lang.as_str(), "ALL"] {
            let s = sums.entry(key.to_owned()).or_default();
            s.n += 1;
            s.lang_right += f64::from(u8::from(result.lang == label.lang));
            if label.relevant_ids.is_empty() {
                s.n_noans += 1;
                s.corr_ho += f64::from(u8::from(result.handoff));
                continue;
            }
            s.n_ans += 1;
            let top = result.ranked_ids.first();
            s.r1 += f64::from(u8::from(top.is_some_and(relevant)));
            s.r5 += f64::from(u8::from(result.ranked_ids.iter().take(5).any(relevant)));
            if let Some(rank) = result.ranked_ids.iter().take(10).position(relevant) {
                s.mrr += 1.0 / (rank + 1) as f64;
            }
            s.acc1 += f64::from(u8::from(!result.handoff && top.is_some_and(relevant)));
            s.false_ho += f64::from(u8::from(result.handoff));
        }
    }
    let frac = |x: f64, n: usize| if n == 0 { 0.0 } else { x / n as f64 };
    Ok(sums
        .into_iter()
        .map(|(lang, s)| {
            let m = Metrics {
                n_answerable: s.n_ans,
                recall_at_1: frac(s.r1, s.n_ans),
                recall_at_5: frac(s.r5, s.n_ans),
                mrr_at_10: frac(s.mrr, s.n_ans),
                answered_correct_at_1: frac(s.acc1, s.n_ans),
                false_handoff_rate: frac(s.false_ho, s.n_ans),
                n_no_answer: s.n_noans,
                correct_handoff_rate: frac(s.corr_ho, s.n_noans),
                language_accuracy: frac(s.lang_right, s.n),
            };
            (lang, m)
        })
        .collect())
}

/// The summary as a Markdown table (ALL last).
pub fn table(metrics: &BTreeMap<String, Metrics>) -> String {
    let mut out = String::from(
        "| lang | n_ans | R@1 | R@5 | MRR@10 | Acc@1 | falseHO | n_noans | corrHO | lang-id |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let rows = metrics
        .iter()
        .filter(|(l, _)| *l != "ALL")
        .chain(metrics.get_key_value("ALL"));
    for (lang, m) in rows {
        let opt = |n: usize, v: f64| {
            if n == 0 {
                "-".to_owned()
            } else {
                format!("{v:.3}")
            }
        };
        out.push_str(&format!(
            "| {lang} | {} | {} | {} | {} | {} | {} | {} | {} | {:.3} |\n",
            m.n_answerable,
            opt(m.n_answerable, m.recall_at_1),
            opt(m.n_answerable, m.recall_at_5),
            opt(m.n_answerable, m.mrr_at_10),
            opt(m.n_answerable, m.answered_correct_at_1),
            opt(m.n_answerable, m.false_handoff_rate),
            m.n_no_answer,
            opt(m.n_no_answer, m.correct_handoff_rate),
            m.language_accuracy,
        ));
    }
    out
}

/// Reads a JSONL file of `T`, naming the line of the first bad record.
pub fn read_jsonl<T: for<'de> Deserialize<'de>>(path: &Path) -> anyhow::Result<Vec<T>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line)
                .with_context(|| format!("{}:{}: not a valid record", path.display(), i + 1))
        })
        .collect()
}

/// Writes one JSON line per item.
pub fn write_jsonl<T: Serialize>(path: &Path, results: &[T]) -> anyhow::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    let file =
        std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    for result in results {
        serde_json::to_writer(&mut out, result)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(qid: &str, ranked: &[&str], handoff: bool, lang: &str) -> ResultLine {
        ResultLine {
            qid: qid.into(),
            ranked_ids: ranked.iter().map(|s| (*s).to_owned()).collect(),
            handoff,
            lang: lang.into(),
        }
    }

    #[test]
    fn metrics_follow_the_score_script_definitions() {
        let dir = tempfile::tempdir().unwrap();
        let queries = dir.path().join("q.jsonl");
        std::fs::write(
            &queries,
            concat!(
                r#"{"qid":"1","lang":"en","text":"a","relevant_ids":["x"]}"#,
                "\n",
                r#"{"qid":"2","lang":"en","text":"b","relevant_ids":["y"]}"#,
                "\n",
                r#"{"qid":"3","lang":"en","text":"c","relevant_ids":[]}"#,
                "\n",
                r#"{"qid":"4","lang":"de","text":"d","relevant_ids":["z"]}"#,
                "\n",
            ),
        )
        .unwrap();
        let results = vec![
            line("1", &["x", "y"], false, "en"),
            line("2", &["x", "q", "y"], true, "en"),
            line("3", &["x"], true, "de"),
        ];
        let m = score(&queries, &results).unwrap();
        let en = m["en"];
        assert_eq!(en.n_answerable, 2);
        assert!((en.recall_at_1 - 0.5).abs() < 1e-9);
        assert!((en.recall_at_5 - 1.0).abs() < 1e-9);
        assert!((en.mrr_at_10 - (1.0 + 1.0 / 3.0) / 2.0).abs() < 1e-9);
        assert!((en.answered_correct_at_1 - 0.5).abs() < 1e-9);
        assert!((en.false_handoff_rate - 0.5).abs() < 1e-9);
        assert_eq!(en.n_no_answer, 1);
        assert!((en.correct_handoff_rate - 1.0).abs() < 1e-9);
        assert!((en.language_accuracy - 2.0 / 3.0).abs() < 1e-9);
        // A query without a result line is an empty ranking handed off.
        let de = m["de"];
        assert_eq!((de.recall_at_1, de.false_handoff_rate), (0.0, 1.0));
        assert_eq!(m["ALL"].n_answerable, 3);
        assert!(table(&m).lines().last().unwrap().starts_with("| ALL |"));
    }
}
