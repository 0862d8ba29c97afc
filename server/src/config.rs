//! `wayfinder.toml`: how the server runs and which sites it serves.
//!
//! Relative paths are resolved against the folder of the config file, so the server can be
//! started from anywhere. Secrets and deployment specifics can be overridden from the
//! environment: `WAYFINDER_LISTEN`, `WAYFINDER_DATABASE_URL` (or `DATABASE_URL`),
//! `WAYFINDER_WIDGET_DIR`, `WAYFINDER_LOG_FORMAT`.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The whole configuration file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Process-wide settings.
    pub server: ServerConfig,
    /// How questions are matched to entries.
    #[serde(default)]
    pub search: SearchConfig,
    /// The sites (cities) this server answers for.
    #[serde(rename = "sites")]
    pub sites: Vec<SiteConfig>,
}

/// `[search]`: how questions are matched to entries, for every site.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchConfig {
    /// The sentence encoder's model file (`e5-small-q4.bin`, which `cargo xtask` installs
    /// into `target/models/`). With it, each question's hits are ranked by meaning
    /// (`docs/quality.md`); without it, by words alone. The server does not start when the
    /// file is missing or not that model.
    #[serde(default)]
    pub semantic_model: Option<PathBuf>,
    /// Folder where entry vectors are kept between starts, one file per site
    /// (`<site>.vectors`), so that only new and edited entries are encoded again. Without
    /// it, every start encodes every entry.
    #[serde(default)]
    pub vector_cache: Option<PathBuf>,
}

/// `[server]`: where to listen, where data and assets live.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerConfig {
    /// Address to listen on, e.g. `127.0.0.1:8080`.
    pub listen: SocketAddr,
    /// `sqlite://path/to/file.db` (created if missing) or `sqlite::memory:`.
    pub database_url: String,
    /// Folder with the built widget (`widget.js`, `wayfinder_widget.js`, `.wasm`), served at
    /// `/widget/`.
    pub widget_dir: PathBuf,
    /// The `locales/` folder: Fluent files for the bot's replies and for the widget (served at
    /// `/widget/locales/`).
    pub locales_dir: PathBuf,
    /// Optional folder with a demo home page served at `/` (the demo city).
    #[serde(default)]
    pub demo_dir: Option<PathBuf>,
    /// Per-client limits on `/api/v1`.
    #[serde(default)]
    pub rate_limit: RateLimitConfig,
    /// On SIGTERM or Ctrl-C: seconds to let requests in flight finish after open WebSockets
    /// were told the server is restarting; then the server exits regardless.
    #[serde(default = "default_grace")]
    pub shutdown_grace_seconds: u64,
    /// How log lines are written to standard error: `"text"` (default) or `"json"`, one
    /// object per line. `WAYFINDER_LOG_FORMAT` overrides it.
    #[serde(default)]
    pub log_format: crate::telemetry::LogFormat,
}

fn default_grace() -> u64 {
    10
}

/// `[server.rate_limit]`: how many API requests one client address may make. A client may
/// send `burst` requests at once, then one more every `60 / per_minute` seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimitConfig {
    /// Requests that may come at once.
    pub burst: u32,
    /// Sustained requests per minute.
    pub per_minute: u32,
}

impl Default for RateLimitConfig {
    /// 20 at once, 30 a minute: far above what a person typing can send, low enough that a
    /// script hammering the API from one address is slowed down.
    fn default() -> Self {
        Self {
            burst: 20,
            per_minute: 30,
        }
    }
}

/// `[[sites]]`: one city.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// Id used by the widget's `data-site`, e.g. `riverton`.
    pub id: String,
    /// Display name, e.g. "City of Riverton".
    pub name: String,
    /// The knowledge-base folder (with `knowledge.toml`); its languages are the site's.
    pub content: PathBuf,
    /// Origins (`scheme://host[:port]`) whose pages may embed the widget. Never `*`.
    #[serde(default)]
    pub allowed_origins: Vec<String>,
    /// IANA time zone of the city, e.g. `America/Chicago`.
    pub timezone: String,
    /// The city's contact page, offered when the bot cannot answer.
    pub contact_url: String,
    /// The city's main phone number, offered when the bot cannot answer.
    pub phone: String,
    /// Live chat with staff; absent = no live chat (the bot offers contact page and phone).
    #[serde(default)]
    pub live: Option<LiveConfig>,
    /// How long each kind of data is kept.
    #[serde(default)]
    pub retention: RetentionConfig,
    /// Service requests through Open311 GeoReport v2; absent = the site takes no requests.
    #[serde(default)]
    pub open311: Option<Open311Config>,
    /// The privacy notice residents see in the widget, and whether they must accept it.
    #[serde(default)]
    pub privacy: PrivacyConfig,
}

/// `[sites.privacy]`: the site's privacy notice (its text is Fluent: `privacy-notice-title`
/// and `privacy-notice` in `locales/<lang>/bot.ftl`, reworded per site in
/// `<content>/messages/<lang>.ftl`) and consent.
///
/// When `require_consent` is true, residents accept the notice in the widget before their
/// first question; every question then carries the accepted `notice_version`, which is stored
/// with the conversation. Changing `notice_version` (after rewording the notice) makes earlier
/// consent void: residents are shown the new notice and accept it again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrivacyConfig {
    /// The notice's version, any short label without spaces, e.g. `2026-11-01`. Required
    /// when `require_consent` is true.
    #[serde(default)]
    pub notice_version: String,
    /// Whether residents must accept the notice before asking (default: false, the notice is
    /// shown for information only).
    #[serde(default)]
    pub require_consent: bool,
    /// The city's full privacy policy page, linked from the notice.
    #[serde(default)]
    pub url: Option<String>,
}

/// Longest `notice_version` accepted, in characters.
pub const MAX_NOTICE_VERSION_CHARS: usize = 64;

/// `[sites.open311]`: where service requests go.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Open311Config {
    /// The city's GeoReport v2 base URL, e.g. `https://311.riverton.example/open311/v2/`.
    /// Absent: "local queue" mode, where Wayfinder keeps the requests and its own GeoReport
    /// endpoints (`/open311/v2/...`) and the staff console serve them.
    #[serde(default)]
    pub endpoint: Option<String>,
    /// `jurisdiction_id` sent upstream, when the city's endpoint serves several.
    #[serde(default)]
    pub jurisdiction_id: Option<String>,
    /// Name of the environment variable holding the upstream API key (needed to submit).
    #[serde(default)]
    pub api_key_env: Option<String>,
}

/// `[sites.retention]`: days each kind of data is kept before the daily purge removes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RetentionConfig {
    /// Bot conversations (questions, replies, feedback), counted from their last message.
    pub questions: u32,
    /// Live chats with their messages and ratings, counted from their end.
    pub transcripts: u32,
    /// Messages left for staff, and service requests kept in local queue mode.
    pub tickets: u32,
    /// Details of audit entries; the entries themselves stay, as hashes, so the chain can
    /// still be verified.
    pub audit: u32,
}

impl Default for RetentionConfig {
    /// 90 days of conversations and chats, a year of tickets, seven years of audit details.
    fn default() -> Self {
        Self {
            questions: 90,
            transcripts: 90,
            tickets: 365,
            audit: 7 * 365,
        }
    }
}

/// `[sites.live]`: live chat with staff (see docs/live-chat.md).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LiveConfig {
    /// Chats one staff member handles at once.
    #[serde(default = "default_max_chats")]
    pub max_chats_per_staff: u32,
    /// Dates (city time) without staff, `YYYY-MM-DD`.
    #[serde(default)]
    pub holidays: Vec<chrono::NaiveDate>,
    /// Weekly office hours in city time.
    #[serde(default)]
    pub hours: WeeklyHours,
    /// Departments chats can be routed to.
    #[serde(default)]
    pub departments: Vec<DepartmentConfig>,
    /// Canned replies staff can insert, per language.
    #[serde(default)]
    pub canned: Vec<CannedReply>,
}

fn default_max_chats() -> u32 {
    3
}

/// `[sites.live.hours]`: per weekday, a list of `"HH:MM-HH:MM"` spans (`"24:00"` allowed as an
/// end). A missing day is closed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeeklyHours {
    /// Monday.
    #[serde(default)]
    pub mon: Vec<String>,
    /// Tuesday.
    #[serde(default)]
    pub tue: Vec<String>,
    /// Wednesday.
    #[serde(default)]
    pub wed: Vec<String>,
    /// Thursday.
    #[serde(default)]
    pub thu: Vec<String>,
    /// Friday.
    #[serde(default)]
    pub fri: Vec<String>,
    /// Saturday.
    #[serde(default)]
    pub sat: Vec<String>,
    /// Sunday.
    #[serde(default)]
    pub sun: Vec<String>,
}

impl WeeklyHours {
    /// The days Monday first, with their spans as written.
    pub fn days(&self) -> [&[String]; 7] {
        [
            &self.mon, &self.tue, &self.wed, &self.thu, &self.fri, &self.sat, &self.sun,
        ]
    }
}

/// `[[sites.live.departments]]`: a team that takes chats on its topics.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentConfig {
    /// Stable id, e.g. `public-works`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Knowledge-base `owner` values whose entries route chats here.
    #[serde(default)]
    pub owners: Vec<String>,
}

/// `[[sites.live.canned]]`: a canned reply.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CannedReply {
    /// Its language.
    pub lang: String,
    /// Short title shown in the picker.
    pub title: String,
    /// The text inserted.
    pub text: String,
}

/// Why the configuration could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("cannot read {path}")]
    Read {
        /// The config file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not valid TOML or has unknown or missing keys.
    #[error("{path}:{line}: {message}")]
    Parse {
        /// The config file.
        path: PathBuf,
        /// Line of the problem.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A value is not acceptable.
    #[error("{path}: {message}")]
    Invalid {
        /// The config file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
}

impl Config {
    /// Reads `path`, applies environment overrides and resolves relative paths.
    pub fn load(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })?;
        let mut config: Config = toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path: path.to_owned(),
            line: e
                .span()
                .map(|s| 1 + text[..s.start.min(text.len())].matches('\n').count())
                .unwrap_or(1),
            message: e.message().to_owned(),
        })?;
        config.apply_env(|key| std::env::var(key).ok());
        let base = path.parent().unwrap_or(Path::new("."));
        config.resolve_paths(base);
        config.validate().map_err(|message| ConfigError::Invalid {
            path: path.to_owned(),
            message,
        })?;
        Ok(config)
    }

    /// Applies `WAYFINDER_LISTEN`, `WAYFINDER_DATABASE_URL` / `DATABASE_URL`,
    /// `WAYFINDER_WIDGET_DIR` and `WAYFINDER_LOG_FORMAT`.
    pub fn apply_env(&mut self, var: impl Fn(&str) -> Option<String>) {
        if let Some(dir) = var("WAYFINDER_WIDGET_DIR") {
            self.server.widget_dir = PathBuf::from(dir);
        }
        if let Some(listen) = var("WAYFINDER_LISTEN").and_then(|l| l.parse().ok()) {
            self.server.listen = listen;
        }
        if let Some(url) = var("WAYFINDER_DATABASE_URL").or_else(|| var("DATABASE_URL")) {
            self.server.database_url = url;
        }
        if let Some(format) = var("WAYFINDER_LOG_FORMAT").and_then(|f| f.parse().ok()) {
            self.server.log_format = format;
        }
    }

    /// Makes relative paths relative to `base` (the config file's folder).
    pub fn resolve_paths(&mut self, base: &Path) {
        let join = |p: &mut PathBuf| {
            if p.is_relative() {
                *p = base.join(&*p);
            }
        };
        join(&mut self.server.widget_dir);
        join(&mut self.server.locales_dir);
        if let Some(model) = &mut self.search.semantic_model {
            join(model);
        }
        if let Some(cache) = &mut self.search.vector_cache {
            join(cache);
        }
        if let Some(demo) = &mut self.server.demo_dir {
            join(demo);
        }
        for site in &mut self.sites {
            join(&mut site.content);
        }
        if let Some(file) = self.server.database_url.strip_prefix("sqlite://")
            && !file.starts_with('/')
            && !file.starts_with(':')
        {
            self.server.database_url = format!("sqlite://{}", base.join(file).display());
        }
    }

    fn validate(&self) -> Result<(), String> {
        let limit = self.server.rate_limit;
        if limit.burst == 0 || limit.per_minute == 0 {
            return Err("[server.rate_limit] burst and per_minute must be at least 1".into());
        }
        if self.sites.is_empty() {
            return Err("no [[sites]] configured".into());
        }
        let mut ids = std::collections::BTreeSet::new();
        for site in &self.sites {
            if !ids.insert(&site.id) {
                return Err(format!("site id {:?} is configured twice", site.id));
            }
            if let Some(live) = &site.live {
                crate::live::hours::OfficeHours::new(&site.timezone, live)
                    .map_err(|e| format!("site {:?}: {e}", site.id))?;
                if live.max_chats_per_staff == 0 {
                    return Err(format!(
                        "site {:?}: [sites.live] max_chats_per_staff must be at least 1",
                        site.id
                    ));
                }
                let mut departments = std::collections::BTreeSet::new();
                for d in &live.departments {
                    if !departments.insert(&d.id) {
                        return Err(format!(
                            "site {:?}: department {:?} is configured twice",
                            site.id, d.id
                        ));
                    }
                }
            }
            if let Some(endpoint) = site.open311.as_ref().and_then(|o| o.endpoint.as_ref())
                && !(endpoint.starts_with("https://") || endpoint.starts_with("http://"))
            {
                return Err(format!(
                    "site {:?}: [sites.open311] endpoint {endpoint:?} must be an http(s) URL",
                    site.id
                ));
            }
            site.privacy
                .validate()
                .map_err(|e| format!("site {:?}: [sites.privacy] {e}", site.id))?;
            for origin in &site.allowed_origins {
                if origin == "*"
                    || !(origin.starts_with("https://") || origin.starts_with("http://"))
                    || origin.ends_with('/')
                {
                    return Err(format!(
                        "site {:?}: allowed origin {origin:?} must be scheme://host[:port] without a trailing slash (never \"*\")",
                        site.id
                    ));
                }
            }
        }
        Ok(())
    }

    /// The site with id `id`.
    pub fn site(&self, id: &str) -> Option<&SiteConfig> {
        self.sites.iter().find(|s| s.id == id)
    }
}

impl PrivacyConfig {
    fn validate(&self) -> Result<(), String> {
        let version = &self.notice_version;
        if self.require_consent && version.is_empty() {
            return Err("require_consent needs a notice_version (e.g. \"2026-11-01\")".into());
        }
        if version.chars().count() > MAX_NOTICE_VERSION_CHARS
            || version.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(format!(
                "notice_version {version:?} must be at most {MAX_NOTICE_VERSION_CHARS} characters without spaces"
            ));
        }
        if let Some(url) = &self.url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            return Err(format!("url {url:?} must be an http(s) URL"));
        }
        Ok(())
    }

    /// Whether `accepted` (the version a request carries) satisfies the site: always when
    /// consent is not required, else only the current version.
    pub fn accepts(&self, accepted: Option<&str>) -> bool {
        !self.require_consent || accepted == Some(self.notice_version.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
[server]
listen = "127.0.0.1:8080"
database_url = "sqlite://data/wayfinder.db"
widget_dir = "target/widget"
locales_dir = "locales"

[[sites]]
id = "riverton"
name = "City of Riverton"
content = "knowledge/demo"
allowed_origins = ["https://www.riverton.example"]
timezone = "America/Chicago"
contact_url = "https://www.riverton.example/contact"
phone = "(555) 010-0100"
"#;

    #[test]
    fn relative_paths_follow_the_config_file() {
        let mut config: Config = toml::from_str(SAMPLE).unwrap();
        config.resolve_paths(Path::new("/srv/wayfinder"));
        assert_eq!(
            config.sites[0].content,
            Path::new("/srv/wayfinder/knowledge/demo")
        );
        assert_eq!(
            config.server.database_url,
            "sqlite:///srv/wayfinder/data/wayfinder.db"
        );
    }

    #[test]
    fn environment_overrides_database_and_listen() {
        let mut config: Config = toml::from_str(SAMPLE).unwrap();
        config.apply_env(|k| match k {
            "DATABASE_URL" => Some("sqlite::memory:".into()),
            "WAYFINDER_LISTEN" => Some("127.0.0.1:9999".into()),
            _ => None,
        });
        assert_eq!(config.server.database_url, "sqlite::memory:");
        assert_eq!(config.server.listen.port(), 9999);
    }

    #[test]
    fn privacy_defaults_to_no_consent_and_is_checked() {
        let config: Config = toml::from_str(SAMPLE).unwrap();
        assert_eq!(config.sites[0].privacy, PrivacyConfig::default());
        assert!(config.sites[0].privacy.accepts(None));
        let with = |section: &str| -> Config {
            toml::from_str(&format!("{SAMPLE}\n[sites.privacy]\n{section}\n")).unwrap()
        };
        let config = with("notice_version = \"2026-11-01\"\nrequire_consent = true");
        config.validate().unwrap();
        let privacy = &config.sites[0].privacy;
        assert!(privacy.accepts(Some("2026-11-01")));
        assert!(!privacy.accepts(Some("2026-01-01")));
        assert!(!privacy.accepts(None));
        let err = with("require_consent = true").validate().unwrap_err();
        assert!(err.contains("notice_version"), "{err}");
        let err = with("notice_version = \"a b\"").validate().unwrap_err();
        assert!(err.contains("without spaces"), "{err}");
        let err = with("url = \"javascript:x\"").validate().unwrap_err();
        assert!(err.contains("http"), "{err}");
        assert!(
            toml::from_str::<Config>(&format!("{SAMPLE}\n[sites.privacy]\nrequired = true\n"))
                .is_err()
        );
    }

    #[test]
    fn log_format_comes_from_the_file_or_the_environment() {
        let mut config: Config = toml::from_str(SAMPLE).unwrap();
        assert_eq!(config.server.log_format, crate::telemetry::LogFormat::Text);
        config.apply_env(|k| (k == "WAYFINDER_LOG_FORMAT").then(|| "json".into()));
        assert_eq!(config.server.log_format, crate::telemetry::LogFormat::Json);
    }

    #[test]
    fn wildcard_origin_is_refused() {
        let config: Config =
            toml::from_str(&SAMPLE.replace("\"https://www.riverton.example\"]", "\"*\"]")).unwrap();
        assert!(config.validate().unwrap_err().contains("never"));
    }

    #[test]
    fn unknown_keys_are_refused() {
        assert!(toml::from_str::<Config>(&SAMPLE.replace("timezone", "time_zone")).is_err());
    }
}
