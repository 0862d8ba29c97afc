//! Operational metrics in Prometheus format (`GET /metrics`, [`render`]): requests and latency
//! per route, answers per outcome, content size, age and reloads, live-chat queues, waits and
//! open WebSockets, rate-limit refusals, and the process's memory, CPU time, threads and open
//! files. Labels never carry resident text.
//!
//! Also the process's logs ([`init_logging`]): `tracing` events on standard error, as text or
//! as one JSON object per line ([`LogFormat`]). Log lines carry ids, languages, outcomes,
//! counts and error kinds, never what residents or staff wrote, their names or contacts.
//!
//! The registry is process-wide (the `metrics` facade has one global recorder); every server
//! in the process reports into it.

use std::str::FromStr;
use std::sync::OnceLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request};
use axum::middleware::Next;
use axum::response::Response;
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

/// Latency buckets, in seconds: fine below 100 ms where an answer should be.
const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

/// Queue wait buckets, in seconds: from moments to an hour.
const WAIT_BUCKETS: &[f64] = &[5.0, 15.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0, 3600.0];

/// How often histogram samples are folded into their buckets when nobody scrapes
/// `/metrics`: the recorder keeps every sample until then (see [`handle`]).
const UPKEEP_EVERY: std::time::Duration = std::time::Duration::from_secs(5);

/// The process's metrics registry, installed on first use.
pub fn handle() -> &'static PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE.get_or_init(|| {
        let builder = PrometheusBuilder::new()
            .set_buckets_for_metric(Matcher::Suffix("duration_seconds".into()), LATENCY_BUCKETS)
            .and_then(|b| {
                b.set_buckets_for_metric(Matcher::Suffix("wait_seconds".into()), WAIT_BUCKETS)
            });
        let recorder = builder
            .unwrap_or_else(|_| PrometheusBuilder::new())
            .build_recorder();
        let handle = recorder.handle();
        // Only fails when another recorder is installed; then this one just stays unused.
        let _ = metrics::set_global_recorder(recorder);
        describe();
        // The recorder keeps each histogram sample (every request's latency) until a scrape
        // or an upkeep folds it into the buckets: a server nobody scrapes grew by about 15
        // bytes per request without end. A plain thread, as this can start outside a runtime.
        let upkeep = handle.clone();
        let started = std::thread::Builder::new()
            .name("metrics-upkeep".into())
            .spawn(move || {
                loop {
                    std::thread::sleep(UPKEEP_EVERY);
                    upkeep.run_upkeep();
                }
            });
        if let Err(error) = started {
            tracing::warn!(%error, "cannot start the metrics upkeep thread; histograms are folded only when /metrics is read");
        }
        handle
    })
}

/// Reads the process's figures (Prometheus's standard `process_*` metrics: resident and
/// virtual memory, CPU seconds, threads, open files), described once.
fn process() -> &'static metrics_process::Collector {
    static PROCESS: OnceLock<metrics_process::Collector> = OnceLock::new();
    PROCESS.get_or_init(|| {
        let collector = metrics_process::Collector::default();
        collector.describe();
        collector
    })
}

/// Everything the registry holds, in the Prometheus text format, with the process's figures
/// read just before: what `GET /metrics` serves.
pub fn render() -> String {
    let handle = handle();
    process().collect();
    handle.render()
}

fn describe() {
    use metrics::{describe_counter, describe_gauge, describe_histogram};
    describe_counter!(
        "wayfinder_http_requests_total",
        "HTTP requests by route, method and status"
    );
    describe_histogram!(
        "wayfinder_http_request_duration_seconds",
        "HTTP request latency by route and method"
    );
    describe_counter!(
        "wayfinder_answers_total",
        "Questions answered, by site, language and outcome"
    );
    describe_gauge!(
        "wayfinder_index_entries",
        "Entries in the serving index, by site"
    );
    describe_gauge!(
        "wayfinder_index_built_timestamp_seconds",
        "When the serving index was built (Unix time), by site"
    );
    describe_counter!(
        "wayfinder_content_reloads_total",
        "Content reloads by site and result"
    );
    describe_gauge!(
        "wayfinder_queue_waiting",
        "Chats waiting for staff, by site"
    );
    describe_histogram!(
        "wayfinder_queue_wait_seconds",
        "How long chats waited before a person took them"
    );
    describe_gauge!(
        "wayfinder_websockets_open",
        "Open WebSockets, by kind (resident, staff)"
    );
    describe_counter!(
        "wayfinder_rate_limited_total",
        "Requests refused by the rate limit"
    );
    describe_histogram!(
        "wayfinder_question_encoding_duration_seconds",
        "Time the sentence encoder took for a question, when ranking by meaning"
    );
}

/// Middleware: counts and times every routed request by its route pattern (never its path,
/// which may hold ids).
pub async fn track(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let method = request.method().as_str().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16().to_string();
    metrics::counter!(
        "wayfinder_http_requests_total",
        "route" => route.clone(),
        "method" => method.clone(),
        "status" => status
    )
    .increment(1);
    metrics::histogram!(
        "wayfinder_http_request_duration_seconds",
        "route" => route,
        "method" => method
    )
    .record(started.elapsed().as_secs_f64());
    response
}

/// One answered question.
pub fn answered(site: &str, lang: &str, outcome: &'static str) {
    metrics::counter!(
        "wayfinder_answers_total",
        "site" => site.to_owned(),
        "lang" => lang.to_owned(),
        "outcome" => outcome
    )
    .increment(1);
}

/// The sentence encoder took `seconds` for a question.
pub fn question_encoded(seconds: f64) {
    metrics::histogram!("wayfinder_question_encoding_duration_seconds").record(seconds);
}

/// A site's serving index: its size, and that it was built now.
pub fn indexed(site: &str, entries: usize) {
    metrics::gauge!("wayfinder_index_entries", "site" => site.to_owned()).set(entries as f64);
    let now = chrono::Utc::now().timestamp() as f64;
    metrics::gauge!("wayfinder_index_built_timestamp_seconds", "site" => site.to_owned()).set(now);
}

/// A content reload, `ok` or `error`.
pub fn reloaded(site: &str, ok: bool) {
    let result = if ok { "ok" } else { "error" };
    metrics::counter!("wayfinder_content_reloads_total", "site" => site.to_owned(), "result" => result)
        .increment(1);
}

/// How many chats wait at `site`.
pub fn queue_length(site: &str, waiting: usize) {
    metrics::gauge!("wayfinder_queue_waiting", "site" => site.to_owned()).set(waiting as f64);
}

/// A chat was taken after waiting `seconds`.
pub fn waited(site: &str, seconds: f64) {
    metrics::histogram!("wayfinder_queue_wait_seconds", "site" => site.to_owned()).record(seconds);
}

/// Counts an open WebSocket of `kind` (`resident` or `staff`) until dropped.
pub struct OpenSocket(&'static str);

impl OpenSocket {
    /// A socket of `kind` opened.
    pub fn new(kind: &'static str) -> Self {
        metrics::gauge!("wayfinder_websockets_open", "kind" => kind).increment(1.0);
        Self(kind)
    }
}

impl Drop for OpenSocket {
    fn drop(&mut self) {
        metrics::gauge!("wayfinder_websockets_open", "kind" => self.0).decrement(1.0);
    }
}

/// A request refused by the rate limit.
pub fn rate_limited() {
    metrics::counter!("wayfinder_rate_limited_total").increment(1);
}

/// How log lines are written: `[server] log_format` in `wayfinder.toml`, overridden by the
/// `WAYFINDER_LOG_FORMAT` environment variable.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines (the default).
    #[default]
    Text,
    /// One JSON object per line: `timestamp`, `level`, `target`, `message` and the event's
    /// fields, for log collectors.
    Json,
}

impl FromStr for LogFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "text" => Ok(Self::Text),
            "json" => Ok(Self::Json),
            other => Err(format!("unknown log format {other:?} (text or json)")),
        }
    }
}

/// Installs the process's log subscriber: events at the levels `WAYFINDER_LOG` selects
/// (`info` by default, warnings only from sqlx and tantivy) written to standard error in
/// `format`. Does nothing when a subscriber is already installed.
pub fn init_logging(format: LogFormat) {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("WAYFINDER_LOG")
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tantivy=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = match format {
        LogFormat::Text => builder.try_init(),
        LogFormat::Json => builder
            .json()
            .flatten_event(true)
            .with_current_span(false)
            .with_span_list(false)
            .try_init(),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Without a thread folding histogram samples, a server nobody scrapes keeps every
    /// request's latency sample in memory.
    #[cfg(target_os = "linux")]
    #[test]
    fn histogram_samples_are_folded_without_a_scrape() {
        handle();
        let names = || -> Vec<String> {
            std::fs::read_dir("/proc/self/task")
                .expect("the process's threads")
                .flatten()
                .filter_map(|task| std::fs::read_to_string(task.path().join("comm")).ok())
                .map(|name| name.trim().to_owned())
                .collect()
        };
        // A new thread names itself once it runs: until then it shows its parent's name.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        let mut seen = names();
        while !seen.iter().any(|name| name == "metrics-upkeep")
            && std::time::Instant::now() < deadline
        {
            std::thread::sleep(std::time::Duration::from_millis(20));
            seen = names();
        }
        assert!(seen.iter().any(|name| name == "metrics-upkeep"), "{seen:?}");
    }

    #[test]
    fn log_formats_parse_in_any_case() {
        assert_eq!("json".parse::<LogFormat>(), Ok(LogFormat::Json));
        assert_eq!(" JSON ".parse::<LogFormat>(), Ok(LogFormat::Json));
        assert_eq!("text".parse::<LogFormat>(), Ok(LogFormat::Text));
        assert!("yaml".parse::<LogFormat>().is_err());
        #[derive(serde::Deserialize)]
        struct Server {
            log_format: LogFormat,
        }
        let server: Server = toml::from_str("log_format = \"json\"").unwrap();
        assert_eq!(server.log_format, LogFormat::Json);
    }
}
