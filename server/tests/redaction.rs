//! The redaction corpus (`tests/data/redaction.jsonl`): realistic resident messages in the
//! site languages, each either a positive (personal data that must be masked) or a negative
//! (numbers and names the service needs, which must come through untouched).
//!
//! Every line is one JSON object:
//!
//! - `{"lang": "es", "text": "…", "expect": ["[phone]"], "absent": ["55 1234 5678"]}`: the
//!   placeholders in the redacted text are exactly `expect` (as a set), and no `absent`
//!   substring survives;
//! - `{"lang": "en", "text": "…", "keep": ["12345"]}`: nothing is masked at all, and the `keep`
//!   substrings are there (they name what the line is about).
//!
//! A positive may also list `keep`: substrings that must survive next to the masked ones.
//! All failures are reported at once, with the line number, the text and what came out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;
use wayfinder_server::redact::{PLACEHOLDERS, redact};

const LANGUAGES: [&str; 11] = [
    "en", "es", "fr", "pt", "vi", "tl", "ko", "zh", "ar", "ht", "ru",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    lang: String,
    text: String,
    #[serde(default)]
    expect: Vec<String>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    keep: Vec<String>,
}

fn corpus() -> Vec<(usize, Case)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/redaction.jsonl");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let case = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1));
            (i + 1, case)
        })
        .collect()
}

/// The placeholders present in `text`.
fn placeholders_in(text: &str) -> BTreeSet<&'static str> {
    PLACEHOLDERS
        .iter()
        .copied()
        .filter(|p| text.contains(p))
        .collect()
}

#[test]
fn every_corpus_line_is_redacted_as_expected() {
    let mut failures = Vec::new();
    for (line, case) in corpus() {
        let got = redact(&case.text);
        let mut problems = Vec::new();
        if case.expect.is_empty() {
            if got != case.text {
                problems.push("a negative example was changed".to_owned());
            }
        } else {
            let want: BTreeSet<&str> = case.expect.iter().map(String::as_str).collect();
            let found = placeholders_in(&got);
            if found != want {
                problems.push(format!("placeholders {found:?}, expected {want:?}"));
            }
        }
        for absent in &case.absent {
            if got.contains(absent.as_str()) {
                problems.push(format!("{absent:?} survived"));
            }
        }
        for keep in &case.keep {
            if !got.contains(keep.as_str()) {
                problems.push(format!("{keep:?} was lost"));
            }
        }
        if redact(&got) != got {
            problems.push("redacting twice changes the text again".to_owned());
        }
        if !problems.is_empty() {
            failures.push(format!(
                "line {line} [{}]: {}\n    text: {}\n    got:  {got}",
                case.lang,
                problems.join("; "),
                case.text
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} corpus line(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_corpus_is_well_formed_and_covers_every_language() {
    let cases = corpus();
    assert!(cases.len() >= 120, "only {} lines", cases.len());
    let mut per_language: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    // (positives, negatives) per language.
    let mut problems = Vec::new();
    for (line, case) in &cases {
        if !LANGUAGES.contains(&case.lang.as_str()) {
            problems.push(format!("line {line}: unknown language {:?}", case.lang));
        }
        if case.expect.is_empty() && case.keep.is_empty() {
            problems.push(format!("line {line}: neither `expect` nor `keep`"));
        }
        if case.expect.is_empty() && !case.absent.is_empty() {
            problems.push(format!("line {line}: `absent` on a negative example"));
        }
        for placeholder in &case.expect {
            if !PLACEHOLDERS.contains(&placeholder.as_str()) {
                problems.push(format!("line {line}: unknown placeholder {placeholder:?}"));
            }
        }
        for needle in case.absent.iter().chain(&case.keep) {
            if !case.text.contains(needle.as_str()) {
                problems.push(format!("line {line}: {needle:?} is not in the text"));
            }
        }
        let counts = per_language.entry(case.lang.as_str()).or_default();
        if case.expect.is_empty() {
            counts.1 += 1;
        } else {
            counts.0 += 1;
        }
    }
    for lang in LANGUAGES {
        let (positives, negatives) = per_language.get(lang).copied().unwrap_or_default();
        if positives < 4 || negatives < 4 {
            problems.push(format!(
                "{lang}: {positives} positive and {negatives} negative examples (at least 4 each)"
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
