//! The files schemathesis reads: its configuration, which offers values the server knows for
//! the parameters that take them (and, for the signed-in passes, the session headers), and
//! the hooks file recording every response's status.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::SITE;
use super::fixtures::Filed;

/// The environment variable the signed-in passes' session cookie value comes from.
pub const SESSION_VARIABLE: &str = "WAYFINDER_API_CHECK_SESSION";

/// The environment variable the signed-in passes' CSRF token comes from.
pub const CSRF_VARIABLE: &str = "WAYFINDER_API_CHECK_CSRF";

/// The environment variable naming the file the hooks append to.
pub const TALLY_VARIABLE: &str = "WAYFINDER_API_CHECK_TALLY";

/// The headers of the signed-in passes' configuration file: the session cookie and CSRF
/// token come from the environment (never on a command line or on disk).
const SESSION_HEADERS: &str = "headers = { Cookie = \"wf_staff=${WAYFINDER_API_CHECK_SESSION}\", \"X-CSRF-Token\" = \"${WAYFINDER_API_CHECK_CSRF}\" }\n";

/// Records every response schemathesis receives: the operation's method and path template,
/// the method sent (another one when schemathesis checks that unsupported methods are
/// refused) and the status, one tab-separated line each, in the file
/// `WAYFINDER_API_CHECK_TALLY` names.
const HOOKS_PY: &str = r#"import os

import schemathesis

_TALLY = os.environ.get("WAYFINDER_API_CHECK_TALLY")


@schemathesis.hook
def after_call(context, case, response):
    if _TALLY:
        with open(_TALLY, "a", encoding="utf-8") as out:
            operation = case.operation
            out.write(
                f"{operation.method.upper()}\t{operation.path}\t{case.method.upper()}\t{response.status_code}\n"
            )
"#;

/// The files written for a run.
pub struct Files {
    /// The configuration of the anonymous pass.
    pub anonymous: PathBuf,
    /// The configuration of the signed-in passes: the same, with the session headers.
    pub signed_in: PathBuf,
    /// The hooks file (`SCHEMATHESIS_HOOKS`).
    pub hooks: PathBuf,
}

/// Writes the files into `work`: the dictionaries offer `filed`, the site, its languages
/// and topics (`content`) and live-chat departments (`demo`, the demo configuration).
pub fn write(work: &Path, filed: Filed, demo: &str, content: &Path) -> Result<Files> {
    let dictionaries = settings_text(&dictionaries(filed, demo, content)?);
    let files = Files {
        anonymous: work.join("schemathesis.toml"),
        signed_in: work.join("schemathesis-signed-in.toml"),
        hooks: work.join("hooks.py"),
    };
    for (path, text) in [
        (&files.anonymous, dictionaries.clone()),
        (&files.signed_in, format!("{SESSION_HEADERS}{dictionaries}")),
        (&files.hooks, HOOKS_PY.to_owned()),
    ] {
        std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(files)
}

/// Values schemathesis offers, half of the time, for the parameters `keys` name
/// (`path.chat_id`, `body.department`, ...), next to the ones it generates.
#[derive(Debug)]
struct Dictionary {
    /// Its name in the configuration.
    name: &'static str,
    /// The values.
    values: Vec<String>,
    /// The parameters that take them.
    keys: &'static [&'static str],
}

/// The dictionaries of a run: the ids filed before it, the site, its languages, topics
/// (`<content>/knowledge.toml`), request statuses and live-chat departments (`demo`).
fn dictionaries(filed: Filed, demo: &str, content: &Path) -> Result<Vec<Dictionary>> {
    let mut languages: Vec<String> = std::fs::read_dir(content)
        .with_context(|| format!("reading {}", content.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    languages.sort();
    let knowledge = std::fs::read_to_string(content.join("knowledge.toml"))
        .with_context(|| format!("reading {}", content.join("knowledge.toml").display()))?;
    let topics = knowledge
        .lines()
        .filter_map(|l| l.trim().strip_prefix("[topics.")?.strip_suffix(']'))
        .map(str::to_owned)
        .collect();
    Ok(vec![
        Dictionary {
            name: "chats",
            values: filed.chats,
            keys: &["path.chat_id"],
        },
        Dictionary {
            name: "tickets",
            values: filed.tickets,
            keys: &["path.ticket_id"],
        },
        Dictionary {
            name: "requests",
            values: filed.requests,
            keys: &["path.id"],
        },
        Dictionary {
            name: "request-times",
            values: filed.request_times,
            keys: &["body.if_updated_datetime"],
        },
        Dictionary {
            name: "sites",
            values: vec![SITE.to_owned()],
            keys: &["body.site", "query.site", "path.site"],
        },
        Dictionary {
            name: "languages",
            values: languages,
            keys: &["body.lang", "body.page_lang", "query.lang"],
        },
        Dictionary {
            name: "topics",
            values: topics,
            keys: &["body.topic"],
        },
        Dictionary {
            name: "statuses",
            values: vec!["open".to_owned(), "closed".to_owned()],
            keys: &["body.status", "query.status"],
        },
        Dictionary {
            name: "departments",
            values: departments(demo),
            keys: &["body.department"],
        },
    ])
}

/// The live-chat department ids of the demo configuration.
fn departments(demo: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut in_department = false;
    for line in demo.lines().map(str::trim) {
        if line.starts_with('[') {
            in_department = line == "[[sites.live.departments]]";
        } else if in_department
            && let Some((key, value)) = line.split_once('=')
            && key.trim() == "id"
        {
            ids.push(value.trim().trim_matches('"').to_owned());
        }
    }
    ids
}

/// A TOML basic string.
fn toml_string(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The schemathesis configuration offering `dictionaries` (those with values).
fn settings_text(dictionaries: &[Dictionary]) -> String {
    let mut out = String::from(
        "# Written by `cargo xtask api-check` for one run: ids filed before it started.\n",
    );
    let mut bindings = String::from("\n[parameters]\n");
    for dictionary in dictionaries.iter().filter(|d| !d.values.is_empty()) {
        let values: Vec<String> = dictionary.values.iter().map(|v| toml_string(v)).collect();
        out.push_str(&format!(
            "\n[dictionaries.{}]\nvalues = [{}]\n",
            dictionary.name,
            values.join(", ")
        ));
        for key in dictionary.keys {
            bindings.push_str(&format!(
                "{} = {{ dictionary = {}, probability = 0.5 }}\n",
                toml_string(key),
                toml_string(dictionary.name)
            ));
        }
    }
    out.push_str(&bindings);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn departments_come_from_the_live_chat_tables() {
        let demo = "[[sites]]\nid = \"riverton\"\n[[sites.live.departments]]\nid = \"public-works\"\nname = \"Public Works\"\n[[sites.live.canned]]\nid = \"x\"\n[[sites.live.departments]]\nid = \"finance\"\n";
        assert_eq!(departments(demo), ["public-works", "finance"]);
    }

    #[test]
    fn settings_offer_the_filed_ids() {
        let dictionaries = [
            Dictionary {
                name: "chats",
                values: vec!["c-1".into(), "c-\"2".into()],
                keys: &["path.chat_id"],
            },
            Dictionary {
                name: "requests",
                values: Vec::new(),
                keys: &["path.id"],
            },
            Dictionary {
                name: "sites",
                values: vec!["riverton".into()],
                keys: &["body.site", "query.site"],
            },
        ];
        let text = settings_text(&dictionaries);
        assert!(
            text.contains("[dictionaries.chats]\nvalues = [\"c-1\", \"c-\\\"2\"]"),
            "{text}"
        );
        assert!(
            text.contains("\"path.chat_id\" = { dictionary = \"chats\", probability = 0.5 }"),
            "{text}"
        );
        assert!(
            text.contains("\"query.site\" = { dictionary = \"sites\""),
            "{text}"
        );
        assert!(!text.contains("requests"), "{text}");
    }

    #[test]
    fn session_headers_read_the_variables_the_passes_set() {
        for variable in [SESSION_VARIABLE, CSRF_VARIABLE] {
            assert!(
                SESSION_HEADERS.contains(&format!("${{{variable}}}")),
                "{variable}"
            );
        }
        assert!(HOOKS_PY.contains(TALLY_VARIABLE));
    }
}
