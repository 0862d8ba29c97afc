//! The retention purge: each site's `[sites.retention]` applied once at start-up and then every
//! day, and on demand with `wayfinder purge`.

use std::time::Duration;

use chrono::Utc;

use crate::config::Config;
use crate::store::PrivacyStore;
use crate::store::privacy::PurgeReport;

/// Time between two purges while the server runs.
pub const EVERY: Duration = Duration::from_secs(24 * 60 * 60);

/// Purges every site of `config` in `store` now; returns what was removed per site.
pub async fn purge_all(
    config: &Config,
    store: &dyn PrivacyStore,
) -> Result<Vec<(String, PurgeReport)>, sqlx::Error> {
    let now = Utc::now();
    let mut reports = Vec::new();
    for site in &config.sites {
        let report = store.purge(&site.id, &site.retention, now).await?;
        reports.push((site.id.clone(), report));
    }
    Ok(reports)
}

/// Purges at once and then every [`EVERY`], logging what was removed; runs until dropped.
pub async fn purge_daily(state: crate::AppState) {
    let mut every = tokio::time::interval(EVERY);
    loop {
        every.tick().await;
        match purge_all(&state.config, state.store.as_ref()).await {
            Ok(reports) => {
                for (site, report) in reports {
                    if report != PurgeReport::default() {
                        tracing::info!(
                            site,
                            conversations = report.conversations,
                            chats = report.chats,
                            tickets = report.tickets,
                            requests = report.requests,
                            audit_details = report.audit_details,
                            "retention purge"
                        );
                    }
                }
            }
            Err(e) => tracing::error!(error = %e, "retention purge failed"),
        }
    }
}
