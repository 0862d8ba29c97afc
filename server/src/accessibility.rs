//! The accessibility statement (`/accessibility`): every WCAG 2.2 A and AA success criterion,
//! how Wayfinder meets it, and which automated checks of the test suite verify it. The data is
//! `server/assets/accessibility.toml`; a test keeps it honest by finding every named check in
//! the browser test scripts.

use std::fmt::Write as _;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::html::escape;

/// The statement's data.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// The standard, e.g. "WCAG 2.2 level AA".
    pub standard: String,
    /// What the statement covers.
    pub scope: String,
    /// How to report a problem.
    pub contact: String,
    /// The automated checks criteria refer to.
    pub checks: Vec<Check>,
    /// The success criteria.
    pub criteria: Vec<Criterion>,
}

/// An automated check in the test suite.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    /// Id criteria refer to.
    pub id: String,
    /// What it checks, in words.
    pub name: String,
    /// The script under `tests/browser/`.
    pub script: String,
    /// The states it checks (labels or phrases the script contains).
    pub states: Vec<String>,
}

/// One success criterion.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Number, e.g. "1.4.3".
    pub id: String,
    /// Name, e.g. "Contrast (Minimum)".
    pub name: String,
    /// "A" or "AA".
    pub level: String,
    /// How it is met.
    pub how: String,
    /// Checks that verify it (none: met by design and review).
    #[serde(default)]
    pub checks: Vec<String>,
}

/// The statement, parsed once.
pub static STATEMENT: LazyLock<Statement> = LazyLock::new(|| {
    toml::from_str(include_str!("../assets/accessibility.toml"))
        .expect("server/assets/accessibility.toml is checked by its tests")
});

/// The statement as an accessible page.
pub fn page(statement: &Statement) -> String {
    let mut rows = String::new();
    for c in &statement.criteria {
        let verified = if c.checks.is_empty() {
            "Met by design; reviewed, not automated".to_owned()
        } else {
            c.checks
                .iter()
                .filter_map(|id| statement.checks.iter().find(|k| &k.id == id))
                .map(|k| {
                    format!(
                        "<a href=\"#check-{}\">{}</a>",
                        escape(&k.id),
                        escape(&k.name)
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            rows,
            "<tr><th scope=\"row\">{} {}</th><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&c.id),
            escape(&c.name),
            escape(&c.level),
            escape(&c.how),
            verified
        );
    }
    let mut checks = String::new();
    for k in &statement.checks {
        let states: Vec<String> = k.states.iter().map(|s| escape(s)).collect();
        let _ = writeln!(
            checks,
            "<li id=\"check-{}\"><strong>{}</strong> (<code>tests/browser/{}</code>): {}</li>",
            escape(&k.id),
            escape(&k.name),
            escape(&k.script),
            states.join("; ")
        );
    }
    let automated = statement
        .criteria
        .iter()
        .filter(|c| !c.checks.is_empty())
        .count();
    format!(
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Accessibility statement · Wayfinder</title>\n\
         <style>body{{font:1rem/1.5 system-ui,sans-serif;max-inline-size:60rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}}\
         table{{border-collapse:collapse;inline-size:100%}}th,td{{border:1px solid #767676;padding:.5rem;text-align:start;vertical-align:top}}\
         a{{color:#0b4f9c}}:focus-visible{{outline:3px solid #0b4f9c;outline-offset:2px}}\
         @media (prefers-color-scheme: dark){{body{{color:#f2f2f2;background:#121212}}a{{color:#9cc7ff}}}}\
         @media (max-width: 40rem){{table,tbody,tr,th,td{{display:block}}}}</style>\n</head>\n<body>\n\
         <a href=\"#main\">Skip to the statement</a>\n<main id=\"main\">\n<h1>Accessibility statement</h1>\n\
         <p>Wayfinder aims to meet {standard} for {scope}.</p>\n\
         <p>{automated} of the {total} success criteria below are verified by automated checks in the test suite, \
         which runs headless Chromium with axe-core and keyboard-only flows and requires zero violations; \
         the others are met by design and review. {contact}</p>\n\
         <table>\n<caption>Success criteria, how each is met, and how it is verified</caption>\n\
         <thead><tr><th scope=\"col\">Criterion</th><th scope=\"col\">Level</th><th scope=\"col\">How it is met</th><th scope=\"col\">Verified by</th></tr></thead>\n\
         <tbody>\n{rows}</tbody>\n</table>\n<h2>Automated checks</h2>\n<ul>\n{checks}</ul>\n</main>\n</body>\n</html>\n",
        standard = escape(&statement.standard),
        scope = escape(&statement.scope),
        contact = escape(&statement.contact),
        total = statement.criteria.len(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_wcag_22_a_and_aa_criterion_is_listed_once() {
        let ids: Vec<&str> = STATEMENT.criteria.iter().map(|c| c.id.as_str()).collect();
        // WCAG 2.2: 31 level A and 24 level AA criteria (4.1.1 was removed).
        assert_eq!(
            STATEMENT.criteria.iter().filter(|c| c.level == "A").count(),
            31
        );
        assert_eq!(
            STATEMENT
                .criteria
                .iter()
                .filter(|c| c.level == "AA")
                .count(),
            24
        );
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "a criterion is listed twice");
        assert!(!ids.contains(&"4.1.1"));
    }

    #[test]
    fn every_check_named_exists_in_the_test_suite() {
        let browser = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/browser");
        let mut missing = Vec::new();
        for check in &STATEMENT.checks {
            let script = std::fs::read_to_string(browser.join(&check.script)).unwrap_or_default();
            for state in &check.states {
                if !script.contains(state.as_str()) {
                    missing.push(format!("{}: {state:?}", check.script));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "checks the statement names but the suite lacks: {missing:?}"
        );
        for criterion in &STATEMENT.criteria {
            for id in &criterion.checks {
                assert!(
                    STATEMENT.checks.iter().any(|k| &k.id == id),
                    "{} refers to unknown check {id}",
                    criterion.id
                );
            }
        }
    }

    #[test]
    fn the_page_escapes_and_links_checks() {
        let html = page(&STATEMENT);
        assert!(html.contains("<th scope=\"row\">1.4.3 Contrast (Minimum)</th>"));
        assert!(html.contains("href=\"#check-axe-widget\""));
        assert!(html.contains("id=\"check-axe-widget\""));
        assert!(!html.contains("<script"));
    }
}
