//! [`AppState`]: configuration, sites with their search indexes, bot messages and the store,
//! built once at start-up and shared by every request.

use std::collections::HashMap;
use std::sync::Arc;

use anyhow::{Context as _, bail};
use i18n::Catalog;

use crate::config::{Config, SiteConfig};
use crate::content::LiveContent;
use crate::live::LiveSite;
use crate::live::hours::OfficeHours;
use crate::live::hub::Hub;
use crate::live::notifier::postgres::PgNotifier;
use crate::meaning::{Encoding, VectorCache};
use crate::open311::RequestSystem;
use crate::store::{Opened, Store};

/// One site (city) being served.
#[derive(Debug)]
pub struct Site {
    /// Its configuration.
    pub config: SiteConfig,
    /// Its published content, indexed, swapped when editors change it.
    pub content: LiveContent,
    /// Live chat with staff, when configured.
    pub live: Option<LiveSite>,
    /// Where service requests go, when the site takes them.
    pub open311: Option<RequestSystem>,
    /// The bot's messages with the site's own wording (`<content>/messages/<lang>.ftl`), for
    /// the languages it rewords.
    pub wording: HashMap<String, Catalog>,
}

/// Everything the handlers share.
pub struct App {
    /// The configuration the server started with.
    pub config: Config,
    /// Sites by id.
    pub sites: HashMap<String, Site>,
    /// Conversations, messages, feedback.
    pub store: Arc<dyn Store>,
    /// The bot's own messages (`locales/<lang>/bot.ftl`) by language.
    pub bot: HashMap<String, Catalog>,
    /// Live-chat signals to connected residents and staff.
    pub hub: Arc<Hub>,
}

/// Shared application state: cheap to clone.
#[derive(Clone)]
pub struct AppState(pub Arc<App>);

impl std::ops::Deref for AppState {
    type Target = App;
    fn deref(&self) -> &App {
        &self.0
    }
}

impl AppState {
    /// Loads every site's content (refusing content with errors), builds the indexes off the
    /// async runtime, opens the database and loads the bot's messages. With PostgreSQL it
    /// also starts listening to the other replicas sharing the database.
    pub async fn from_config(config: Config) -> anyhow::Result<Self> {
        crate::telemetry::handle();
        let mut sites = HashMap::new();
        let mut languages = Vec::new();
        let encoder = match &config.search.semantic_model {
            Some(path) => {
                if let Some(dir) = &config.search.vector_cache {
                    VectorCache::check_folder(dir).map_err(anyhow::Error::msg)?;
                }
                let path = path.clone();
                let encoder = tokio::task::spawn_blocking(move || semantic::Encoder::open(&path))
                    .await
                    .context("opening the semantic model")??;
                tracing::info!(?encoder, "questions are ranked by meaning");
                Some(Arc::new(encoder))
            }
            None => None,
        };
        for site in &config.sites {
            let encoding = encoder.as_ref().map(|encoder| Encoding {
                encoder: Arc::clone(encoder),
                cache: config
                    .search
                    .vector_cache
                    .as_deref()
                    .map(|dir| VectorCache::for_site(dir, &site.id)),
            });
            let content = LiveContent::load(site, encoding).await?;
            let index = content.index();
            tracing::info!(site = %site.id, entries = index.len(), "content indexed");
            languages.extend(index.languages().map(str::to_owned));
            let live = match &site.live {
                Some(live) => Some(LiveSite {
                    config: live.clone(),
                    hours: OfficeHours::new(&site.timezone, live)
                        .map_err(|e| anyhow::anyhow!("site {}: {e}", site.id))?,
                }),
                None => None,
            };
            sites.insert(
                site.id.clone(),
                Site {
                    config: site.clone(),
                    content,
                    live,
                    open311: site.open311.as_ref().map(RequestSystem::from_config),
                    wording: HashMap::new(),
                },
            );
        }
        languages.push("en".to_owned());
        // The bot speaks every language it has strings for, also those no site has content
        // in: a resident reading French is spoken to in French with the answer flagged as
        // being in another language (see `reply_language`).
        languages.extend(spoken_languages(&config.server.locales_dir));
        languages.sort();
        languages.dedup();
        let sources = read_bot_sources(&config, &languages)?;
        let bot = bot_catalogs(&sources)?;
        for site in sites.values_mut() {
            site.wording =
                crate::site_messages::load(&site.config.content, &site.config.id, &sources)?;
        }
        let opened = crate::store::open(&config.server.database_url)
            .await
            .with_context(|| {
                format!(
                    "opening the database {}",
                    crate::store::shown_url(&config.server.database_url)
                )
            })?;
        let (hub, replicas) = match &opened {
            Opened::Sqlite(_) => (Hub::default(), None),
            Opened::Postgres(store) => {
                tracing::info!(replica = store.replica(), "PostgreSQL: replicas share it");
                let notifier = PgNotifier::start(store);
                (Hub::new(notifier.clone()), Some((notifier, store.clone())))
            }
        };
        let state = Self(Arc::new(App {
            config,
            sites,
            store: opened.store(),
            bot,
            hub: Arc::new(hub),
        }));
        if let Some((notifier, store)) = replicas {
            notifier
                .listen(store, state.clone())
                .await
                .context("listening to other replicas")?;
        }
        Ok(state)
    }

    /// The bot's messages for `site` in `lang`: the site's own wording where it has some,
    /// else the bot's (English when the language has none).
    pub fn site_catalog<'a>(&'a self, site: &'a Site, lang: &str) -> &'a Catalog {
        site.wording
            .get(lang)
            .unwrap_or_else(|| self.bot_catalog(lang))
    }

    /// The bot catalog for `lang`, or English when there is none.
    pub fn bot_catalog(&self, lang: &str) -> &Catalog {
        self.bot
            .get(lang)
            .or_else(|| self.bot.get("en"))
            .expect("the English bot catalog is loaded at start-up")
    }
}

/// The languages with a `locales/<lang>/bot.ftl` under `locales_dir`.
fn spoken_languages(locales_dir: &std::path::Path) -> Vec<String> {
    let Ok(dirs) = std::fs::read_dir(locales_dir) else {
        return Vec::new();
    };
    dirs.filter_map(Result::ok)
        .filter(|dir| dir.path().join("bot.ftl").is_file())
        .filter_map(|dir| dir.file_name().into_string().ok())
        .collect()
}

/// Reads `locales/<lang>/bot.ftl` for each language as `(path, text)`; English must exist.
fn read_bot_sources(
    config: &Config,
    languages: &[String],
) -> anyhow::Result<HashMap<String, (String, String)>> {
    let mut sources = HashMap::new();
    for lang in languages {
        let path = config.server.locales_dir.join(lang).join("bot.ftl");
        let Ok(text) = std::fs::read_to_string(&path) else {
            if lang == "en" {
                bail!("missing {}", path.display());
            }
            tracing::warn!(path = %path.display(), "no bot messages for this language; replies fall back to English");
            continue;
        };
        sources.insert(lang.clone(), (path.display().to_string(), text));
    }
    Ok(sources)
}

/// The bot's catalogs from its sources.
fn bot_catalogs(
    sources: &HashMap<String, (String, String)>,
) -> anyhow::Result<HashMap<String, Catalog>> {
    sources
        .iter()
        .map(|(lang, (name, text))| Ok((lang.clone(), Catalog::new(lang, &[(name, text)])?)))
        .collect()
}
