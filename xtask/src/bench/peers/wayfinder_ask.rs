//! Wayfinder's side of the comparison: the corpus imported with `wayfinder import` into a
//! knowledge base of its own site, and a full `POST /api/v1/ask` turn per query (language,
//! search, decision, reply, both messages stored).

use anyhow::Result;

use super::{Contender, Inputs};
use crate::bench::json;
use crate::bench::wayfinder::{self, Site};
use crate::cmd::say;
use crate::repo::Repo;

/// The site (and content folder) name.
const SITE: &str = "perf";

/// Imports the corpus and starts the server on the server core.
pub fn start(repo: &Repo, inputs: &Inputs, name: &str) -> Result<Contender> {
    let content = inputs.work.join(SITE);
    say("bench: importing the corpus with wayfinder import");
    wayfinder::import(&inputs.tools.wayfinder, &inputs.records, &content)?;
    let site = Site {
        id: SITE,
        content: &content,
        timezone: "Europe/Berlin",
    };
    let (config, port) = wayfinder::config(repo, &inputs.work, "wayfinder", &site, false, "")?;
    let mut server = wayfinder::start(&inputs.tools.wayfinder, &config, port)?;
    server.wait_ready(wayfinder::HEALTH)?;
    let bodies = inputs
        .queries
        .iter()
        .map(|q| format!(r#"{{"site":"{SITE}","text":{}}}"#, json::quote(q)))
        .collect();
    Contender::post_json(inputs, name, server, "/api/v1/ask", bodies, "\"outcome\"")
}
