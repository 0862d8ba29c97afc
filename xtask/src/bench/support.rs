//! What every measurement shares: free ports, servers pinned to a core and killed when
//! dropped, waiting until they answer, a minimal HTTP client, and memory read from `/proc`.

use std::ffi::OsStr;
use std::io::{Read as _, Write as _};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

/// The core servers under test run on.
pub const SERVER_CPU: &str = "0";
/// The core load generators (wrk, the browser, the live-chat load) run on.
pub const LOAD_CPU: &str = "1";

/// Longest a server may take to answer after it was started.
const START_TIMEOUT: Duration = Duration::from_secs(600);

/// A port nobody listens on now.
pub fn free_port() -> Result<u16> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?;
    Ok(listener.local_addr()?.port())
}

/// `program` run through `taskset -c <cpu>` (taskset execs it, so the child's pid is the
/// program's).
pub fn pinned(cpu: &str, program: impl AsRef<OsStr>) -> Command {
    let mut command = Command::new("taskset");
    command.args(["-c", cpu]).arg(program);
    command
}

/// A started server, killed (and reaped) when dropped, whatever happens.
pub struct Server {
    child: Child,
    /// Its port on 127.0.0.1.
    pub port: u16,
    /// When it was started.
    pub started: Instant,
    /// Where its output goes.
    log: PathBuf,
}

impl Server {
    /// Starts `command` as the server listening on `port`, its output written to `log`.
    pub fn start(mut command: Command, port: u16, log: &Path) -> Result<Self> {
        let file =
            std::fs::File::create(log).with_context(|| format!("creating {}", log.display()))?;
        command
            .stdin(Stdio::null())
            .stdout(file.try_clone()?)
            .stderr(file);
        let started = Instant::now();
        let child = command
            .spawn()
            .with_context(|| format!("starting {:?}", command.get_program()))?;
        Ok(Self {
            child,
            port,
            started,
            log: log.to_owned(),
        })
    }

    /// The last lines the server wrote, to explain a failure.
    pub fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let tail = lines[lines.len().saturating_sub(20)..].join("\n");
        format!("last lines of {}:\n{tail}", self.log.display())
    }

    /// The server's process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits until `GET path` answers 200; returns the time since the start and the body.
    pub fn wait_ready(&mut self, path: &str) -> Result<(Duration, String)> {
        loop {
            if let Some(status) = self.child.try_wait()? {
                bail!(
                    "the server exited before it answered ({status}); {}",
                    self.log_tail()
                );
            }
            if let Ok((200, body)) = http(self.port, "GET", path, &[], None) {
                return Ok((self.started.elapsed(), body));
            }
            if self.started.elapsed() > START_TIMEOUT {
                bail!(
                    "the server did not answer GET {path} on port {} within {} s; {}",
                    self.port,
                    START_TIMEOUT.as_secs(),
                    self.log_tail()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Peak resident memory so far (VmHWM), in KiB.
    pub fn peak_rss_kb(&self) -> Result<u64> {
        proc_status_kb(self.pid(), "VmHWM:")
    }

    /// Resident memory now (VmRSS), in KiB.
    pub fn rss_kb(&self) -> Result<u64> {
        proc_status_kb(self.pid(), "VmRSS:")
    }

    /// CPU time the server has used so far, all its threads, user and system, in seconds.
    /// Unlike requests a second, what a request costs in it does not depend on what else
    /// the machine runs.
    pub fn cpu_seconds(&self) -> Result<f64> {
        let pid = self.pid();
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .with_context(|| format!("reading /proc/{pid}/stat"))?;
        cpu_ticks(&stat)
            .map(|ticks| ticks as f64 / clock_ticks_per_second())
            .with_context(|| format!("no CPU times in /proc/{pid}/stat: {stat}"))
    }

    /// Stops the server (SIGSTOP) so that it uses no CPU while another is measured.
    pub fn pause(&self) -> Result<()> {
        self.signal("STOP")
    }

    /// Lets a [`Server::pause`]d server run again (SIGCONT).
    pub fn resume(&self) -> Result<()> {
        self.signal("CONT")
    }

    fn signal(&self, name: &str) -> Result<()> {
        let status = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.pid().to_string())
            .status()
            .context("running kill")?;
        if !status.success() {
            bail!("kill -{name} {} failed ({status})", self.pid());
        }
        Ok(())
    }
}

/// User plus system time in clock ticks from a `/proc/<pid>/stat` line: fields 14 and 15,
/// counted after the command name, which is in parentheses and may hold spaces.
fn cpu_ticks(stat: &str) -> Option<u64> {
    let after_name = &stat[stat.rfind(')')? + 1..];
    // After the name come field 3 (state) onwards: utime is field 14, stime field 15.
    let mut fields = after_name.split_whitespace().skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    Some(user + system)
}

/// The kernel's clock ticks a second for `/proc` CPU times (`getconf CLK_TCK`; 100 when it
/// cannot be read, the value on every Linux this runs on).
fn clock_ticks_per_second() -> f64 {
    static TICKS: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    *TICKS.get_or_init(|| {
        Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|out| String::from_utf8(out.stdout).ok())
            .and_then(|text| text.trim().parse().ok())
            .filter(|ticks: &f64| *ticks > 0.0)
            .unwrap_or(100.0)
    })
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A `/proc/<pid>/status` figure in KiB (`field` with its colon, e.g. `VmHWM:`).
fn proc_status_kb(pid: u32, field: &str) -> Result<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .with_context(|| format!("reading /proc/{pid}/status"))?;
    status
        .lines()
        .find(|l| l.starts_with(field))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse().ok())
        .with_context(|| format!("no {field} in /proc/{pid}/status"))
}

/// One HTTP/1.1 request to 127.0.0.1:`port` on a fresh connection; returns the status and the
/// body as sent (chunk sizes included when the server chunks it: good enough for checks).
pub fn http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: Option<&[u8]>,
) -> Result<(u16, String)> {
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let mut stream = TcpStream::connect_timeout(&address, Duration::from_millis(500))?;
    stream.set_read_timeout(Some(Duration::from_secs(300)))?;
    let mut request = format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n");
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    let body = body.unwrap_or_default();
    request.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    stream.write_all(request.as_bytes())?;
    stream.write_all(body)?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let response = String::from_utf8_lossy(&response);
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .context("no HTTP status line in the response")?;
    let body = response
        .split_once("\r\n\r\n")
        .map_or("", |(_, body)| body)
        .to_owned();
    Ok((status, body))
}

/// KiB as megabytes with one decimal.
pub fn mb(kb: u64) -> String {
    format!("{:.1} MB", kb as f64 / 1024.0)
}

/// The 1-minute load average, to show how busy the machine was.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| text.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "?".to_owned())
}

/// `text` percent-encoded for a URL query value (unreserved characters kept).
pub fn url_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char);
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// A duration in seconds, with two decimals.
pub fn format_seconds(elapsed: Duration) -> String {
    format!("{:.2} s", elapsed.as_secs_f64())
}

#[cfg(test)]
mod tests {
    use super::{cpu_ticks, url_encode};

    #[test]
    fn cpu_times_are_read_after_a_name_with_spaces() {
        let stat = "4242 (tokio rt) S 1 4242 4242 0 -1 4194560 900 0 0 0 1234 567 0 0 20 0 \
                    9 0 100 1000 200 18446744073709551615";
        assert_eq!(cpu_ticks(stat), Some(1234 + 567));
        assert_eq!(cpu_ticks("4242 (x) S 1"), None);
    }

    #[test]
    fn query_values_are_percent_encoded_as_utf8() {
        assert_eq!(url_encode("a b&c=d"), "a%20b%26c%3Dd");
        assert_eq!(url_encode("é"), "%C3%A9");
        assert_eq!(url_encode("x-y_z.~"), "x-y_z.~");
    }
}
