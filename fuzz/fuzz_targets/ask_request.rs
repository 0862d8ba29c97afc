//! The ask request path without HTTP: a JSON body as `POST /api/v1/ask` receives it, parsed
//! into an `AskRequest`, checked as the handler checks it, then language resolution, the
//! request-status question detector, redaction of what is stored, and search plus decision
//! over the Riverton demo content (seven languages, each with its own analyzer).
//!
//! Input that is not a request body is used as the question's text, with no context, so the
//! fuzzer reaches the text path directly too.
//!
//! Properties: nothing panics; the resolved language is one of the site's; search never
//! fails (an error would be a 500); scores and coverage are finite, coverage within 0–1;
//! a detected request number is in the text.

#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use knowledge::SearchIndex;
use libfuzzer_sys::fuzz_target;
use protocol::{AskRequest, MAX_QUESTION_CHARS};
use server::decide::{Decision, search_and_decide};
use server::language::{self, Context};

/// The demo city's index, built once per process.
static INDEX: LazyLock<SearchIndex> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../knowledge/demo");
    let (kb, problems) = knowledge::load(&root);
    let kb = kb.unwrap_or_else(|| panic!("the demo content does not load: {problems:?}"));
    SearchIndex::build(&kb).expect("the demo index builds")
});

fuzz_target!(|data: &[u8]| {
    let request = match serde_json::from_slice::<AskRequest>(data) {
        Ok(request) => request,
        Err(_) => {
            let text = String::from_utf8_lossy(data);
            serde_json::from_value(serde_json::json!({"site": "riverton", "text": text}))
                .expect("a minimal request")
        }
    };
    ask(&request);
});

/// What the handler does with a request once the site is known.
fn ask(request: &AskRequest) {
    let index = &*INDEX;
    let text = request.text.trim();
    if text.is_empty() && request.choice.is_none() {
        return;
    }
    if text.chars().count() > MAX_QUESTION_CHARS {
        return;
    }
    let context = Context {
        page_lang: request.page_lang.as_deref(),
        browser: &request.languages,
        // A conversation's language comes from the store: what an earlier turn resolved.
        conversation: request.page_lang.as_deref(),
    };
    let lang = language::resolve(index, text, context);
    assert!(
        index.languages().any(|l| l == lang),
        "resolved {lang:?}, not a site language"
    );

    if request.choice.is_none()
        && let Some(number) = server::open311::status::asked_request(text)
    {
        // The number comes in ASCII digits, whatever digits the text has.
        assert!(
            server::digits::to_ascii(text).contains(&number),
            "request number {number:?} not in {text:?}"
        );
        assert!(
            (4..=12).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit()),
            "{number:?}"
        );
    }
    let _stored = server::redact::redact(text);

    if let Some(choice) = &request.choice {
        let _ = index.entry(choice, &lang);
        return;
    }
    let (result, decision) = search_and_decide(index, None, &lang, text)
        .unwrap_or_else(|error| panic!("search failed for {text:?} in {lang}: {error}"));
    for hit in &result.hits {
        assert!(hit.score.is_finite(), "score {} for {text:?}", hit.score);
        assert!(
            hit.coverage.is_finite() && (0.0..=1.0).contains(&hit.coverage),
            "coverage {} for {text:?}",
            hit.coverage
        );
    }
    match decision {
        Decision::Answer(hit) => assert!(!hit.entry.url.is_empty()),
        Decision::Choices(hits) => assert!(!hits.is_empty() && hits.len() <= 3),
        Decision::Handoff => {}
    }
}
