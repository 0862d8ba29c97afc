//! Running Debian's `wrk` on the load core with a Lua script of requests, and reading its
//! figures.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result, bail};

use super::support::{LOAD_CPU, pinned};
use crate::install;

/// Connection counts measured.
pub const CONNECTIONS: &[u32] = &[1, 32, 64];

/// What one wrk run measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Figures {
    /// Connections kept open.
    pub connections: u32,
    /// Completed requests per second.
    pub per_second: f64,
    /// Completed requests in all (what the server's CPU time is divided by).
    pub requests: u64,
    /// Latency percentiles in milliseconds.
    pub p50_ms: f64,
    /// 90th percentile, ms.
    pub p90_ms: f64,
    /// 99th percentile, ms.
    pub p99_ms: f64,
    /// Non-2xx/3xx responses plus socket errors (connect, read, write, timeout).
    pub errors: u64,
}

/// Runs wrk with one thread and `connections` connections for `seconds` against `url`, each
/// request made by `script`.
pub fn run(script: &Path, url: &str, connections: u32, seconds: u32) -> Result<Figures> {
    let output = pinned(LOAD_CPU, install::WRK)
        .args(["-t", "1", "-c", &connections.to_string()])
        .args([
            "-d",
            &format!("{seconds}s"),
            "--timeout",
            "10s",
            "--latency",
        ])
        .arg("-s")
        .arg(script)
        .arg(url)
        .output()
        .context("running wrk")?;
    let text = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        bail!(
            "wrk failed: {text}{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    parse(&text, connections).with_context(|| format!("reading wrk's report:\n{text}"))
}

/// A short unrecorded run, so that the first measured row starts with warm caches.
pub fn warm_up(script: &Path, url: &str) -> Result<()> {
    run(script, url, 8, 2).map(|_| ())
}

/// Reads wrk's `--latency` report.
fn parse(text: &str, connections: u32) -> Result<Figures> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let value = |prefix: &str| -> Option<&str> {
        lines
            .iter()
            .find(|l| l.starts_with(prefix))
            .and_then(|l| l[prefix.len()..].split_whitespace().next())
    };
    let latency = |prefix: &str| -> Result<f64> {
        value(prefix)
            .and_then(milliseconds)
            .with_context(|| format!("no {prefix} latency"))
    };
    let mut errors: u64 = value("Non-2xx or 3xx responses:")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    if let Some(line) = lines.iter().find(|l| l.starts_with("Socket errors:")) {
        errors += line
            .split(',')
            .filter_map(|part| part.split_whitespace().last()?.parse::<u64>().ok())
            .sum::<u64>();
    }
    Ok(Figures {
        connections,
        per_second: value("Requests/sec:")
            .and_then(|n| n.parse().ok())
            .context("no Requests/sec")?,
        requests: lines
            .iter()
            .find(|l| l.contains(" requests in "))
            .and_then(|l| l.split_whitespace().next()?.parse().ok())
            .context("no request count")?,
        p50_ms: latency("50%")?,
        p90_ms: latency("90%")?,
        p99_ms: latency("99%")?,
        errors,
    })
}

/// A wrk duration (`850.00us`, `1.26ms`, `1.02s`, `2.00m`) in milliseconds.
fn milliseconds(text: &str) -> Option<f64> {
    let split = text.find(|c: char| c.is_ascii_alphabetic())?;
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().ok()?;
    let factor = match unit {
        "us" => 0.001,
        "ms" => 1.0,
        "s" => 1000.0,
        "m" => 60_000.0,
        "h" => 3_600_000.0,
        _ => return None,
    };
    Some(number * factor)
}

/// A wrk script posting each JSON body in turn with `Content-Type: application/json`.
pub fn post_json_script(bodies: &[String]) -> String {
    let mut lua = String::from("local bodies = {\n");
    for body in bodies {
        let _ = writeln!(lua, "  {},", long_string(body));
    }
    lua.push_str(
        "}\nlocal i = 0\nwrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n\
         request = function()\n  i = i % #bodies + 1\n  return wrk.format(nil, nil, nil, bodies[i])\nend\n",
    );
    lua
}

/// A wrk script getting each path in turn, with extra `headers`.
pub fn get_script(paths: &[String], headers: &[(&str, &str)]) -> String {
    let mut lua = String::from("local paths = {\n");
    for path in paths {
        let _ = writeln!(lua, "  {},", long_string(path));
    }
    lua.push_str("}\nlocal i = 0\n");
    for (name, value) in headers {
        let _ = writeln!(
            lua,
            // The spaces keep `[[=[` from reading as a long bracket.
            "wrk.headers[ {} ] = {}",
            long_string(name),
            long_string(value)
        );
    }
    lua.push_str(
        "request = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n",
    );
    lua
}

/// `text` as a Lua long-bracket string, with a level of `=` it does not contain.
fn long_string(text: &str) -> String {
    let mut level = 1;
    while text.contains(&format!("]{}]", "=".repeat(level))) {
        level += 1;
    }
    let equals = "=".repeat(level);
    format!("[{equals}[{text}]{equals}]")
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "Running 10s test @ http://127.0.0.1:1/api/v1/ask
  1 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    42.70ms   10.00ms   1.02s    70.00%
    Req/Sec   732.00     50.00     800.00     70.00%
  Latency Distribution
     50%  850.00us
     75%   30.00ms
     90%   55.40ms
     99%    1.02s
  7320 requests in 10.00s, 1.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 5
Requests/sec:    732.41
Transfer/sec:    100.00KB
";

    #[test]
    fn the_latency_report_is_read_in_milliseconds() {
        let figures = parse(REPORT, 32).unwrap();
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(close(figures.per_second, 732.41));
        assert_eq!(figures.requests, 7320);
        assert!(close(figures.p50_ms, 0.85), "{}", figures.p50_ms);
        assert!(close(figures.p90_ms, 55.4));
        assert!(close(figures.p99_ms, 1020.0));
        assert_eq!(figures.errors, 10);
    }

    #[test]
    fn header_names_are_indexed_with_spaces() {
        let lua = get_script(&["/a".to_owned()], &[("X-Key", "v")]);
        assert!(
            lua.contains("wrk.headers[ [=[X-Key]=] ] = [=[v]=]"),
            "{lua}"
        );
    }

    #[test]
    fn long_strings_survive_closing_brackets() {
        assert_eq!(long_string("a]]b"), "[=[a]]b]=]");
        assert_eq!(long_string("a]=]b"), "[==[a]=]b]==]");
    }
}
