//! Live chat with staff: who can take a chat and when, the queue, and telling both sides
//! about every change.
//!
//! - [`hours`]: office hours and holidays in the city's time zone.
//! - [`hub`]: in-process fan-out of signals to residents' and staff's connections.
//! - [`notifier`]: the same signals across replicas sharing a PostgreSQL database.
//!
//! Routes store first (the store is the record) and then call [`publish`] or
//! [`queue_changed`] here; connections read the store again whenever a signal might have been
//! missed.

pub mod hours;
pub mod hub;
pub mod notifier;

use chrono::{DateTime, SecondsFormat, Utc};
use protocol::{Availability, ChatEvent, Department};

use crate::config::LiveConfig;
use crate::state::{AppState, Site};
use hours::OfficeHours;
use hub::{ChatSignal, SiteSignal};

/// A site's live-chat settings, checked at start-up.
#[derive(Debug, Clone)]
pub struct LiveSite {
    /// As configured.
    pub config: LiveConfig,
    /// Office hours, parsed.
    pub hours: OfficeHours,
}

impl LiveSite {
    /// The department with id `id`.
    pub fn department(&self, id: &str) -> Option<Department> {
        self.config
            .departments
            .iter()
            .find(|d| d.id == id)
            .map(|d| Department {
                id: d.id.clone(),
                name: d.name.clone(),
            })
    }

    /// The department that takes chats about entries owned by `owner`.
    pub fn department_for_owner(&self, owner: &str) -> Option<Department> {
        self.config
            .departments
            .iter()
            .find(|d| d.owners.iter().any(|o| o.eq_ignore_ascii_case(owner)))
            .map(|d| Department {
                id: d.id.clone(),
                name: d.name.clone(),
            })
    }

    /// All departments, for the widget and the console.
    pub fn departments(&self) -> Vec<Department> {
        self.config
            .departments
            .iter()
            .map(|d| Department {
                id: d.id.clone(),
                name: d.name.clone(),
            })
            .collect()
    }
}

/// Whether `site` can take a chat at `now`, and if not, when.
pub fn availability(state: &AppState, site: &Site, now: DateTime<Utc>) -> Availability {
    let timezone = site.config.timezone.clone();
    let Some(live) = &site.live else {
        return Availability {
            enabled: false,
            open: false,
            office_hours: false,
            next_open: None,
            timezone,
            departments: Vec::new(),
        };
    };
    let office_hours = live.hours.is_open(now);
    let open = office_hours && state.hub.online(&site.config.id) > 0;
    // During office hours with nobody online there is no honest "back at": say nothing.
    let next_open = (!office_hours)
        .then(|| live.hours.next_open(now))
        .flatten()
        .map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, false));
    Availability {
        enabled: true,
        open,
        office_hours,
        next_open,
        timezone,
        departments: live.departments(),
    }
}

/// Tells the chat's resident and the site's staff about a stored event. `event` carries the
/// text as typed (the store keeps it redacted).
pub fn publish(state: &AppState, site: &str, chat_id: &str, event: ChatEvent) {
    state.hub.to_chat(chat_id, ChatSignal::Event(event.clone()));
    state.hub.to_site(
        site,
        SiteSignal::Event {
            chat_id: chat_id.to_owned(),
            event,
        },
    );
}

/// Recent accepted chats needed before the widget is given a wait estimate.
const MIN_WAIT_SAMPLES: usize = 3;

/// An honest wait estimate for queue place `position`: the median wait of the site's latest
/// accepted chats, times the place, shared among the staff online; `None` without enough
/// history or staff.
pub fn estimate_wait(recent_waits: &[i64], position: u32, staff_online: usize) -> Option<u32> {
    if recent_waits.len() < MIN_WAIT_SAMPLES || staff_online == 0 {
        return None;
    }
    let mut waits: Vec<i64> = recent_waits.iter().map(|w| (*w).max(0)).collect();
    waits.sort_unstable();
    let median = waits[waits.len() / 2];
    let seconds = median * i64::from(position) / i64::try_from(staff_online).unwrap_or(1);
    // Whole minutes, at least one: nobody should be promised "0 seconds".
    let minutes = (seconds + 59) / 60;
    u32::try_from(minutes.max(1) * 60).ok()
}

/// How long queue changes are gathered before residents are told their new places: when
/// many residents arrive at once, one computation serves them all.
const QUEUE_SETTLE: std::time::Duration = std::time::Duration::from_millis(100);

/// The queue of `site` changed: tells the staff consoles at once, and every waiting resident
/// their new place shortly after (changes within `QUEUE_SETTLE` are told together).
pub async fn queue_changed(state: &AppState, site: &str) {
    state.hub.to_site(site, SiteSignal::QueueChanged);
    if !state.hub.schedule_queue_update(site) {
        return;
    }
    let state = state.clone();
    let site = site.to_owned();
    tokio::spawn(async move {
        tokio::time::sleep(QUEUE_SETTLE).await;
        state.hub.queue_update_started(&site);
        send_places(&state, &site).await;
    });
}

/// Tells every waiting resident of `site` their place and estimate.
async fn send_places(state: &AppState, site: &str) {
    let (waiting, waits) = match tokio::try_join!(
        state.store.waiting_ids(site),
        state.store.recent_waits(site, 20)
    ) {
        Ok(found) => found,
        Err(e) => {
            tracing::warn!(error = %e, site, "queue positions not sent");
            return;
        }
    };
    crate::telemetry::queue_length(site, waiting.len());
    let online = state.hub.online(site);
    for (place, chat_id) in waiting.iter().enumerate() {
        let position = u32::try_from(place + 1).unwrap_or(u32::MAX);
        state.hub.to_chat(
            chat_id,
            ChatSignal::Queue {
                position,
                wait_seconds: estimate_wait(&waits, position, online),
            },
        );
    }
}

/// The place of chat `chat_id` in its site's queue (1 = next) with the estimate, if it waits.
pub async fn place_in_queue(
    state: &AppState,
    site: &str,
    chat_id: &str,
) -> Result<Option<(u32, Option<u32>)>, sqlx::Error> {
    let waiting = state.store.waiting_ids(site).await?;
    let Some(place) = waiting.iter().position(|id| id == chat_id) else {
        return Ok(None);
    };
    let waits = state.store.recent_waits(site, 20).await?;
    let position = u32::try_from(place + 1).unwrap_or(u32::MAX);
    Ok(Some((
        position,
        estimate_wait(&waits, position, state.hub.online(site)),
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_estimate_without_history_or_staff() {
        assert_eq!(estimate_wait(&[60, 120], 1, 1), None);
        assert_eq!(estimate_wait(&[60, 120, 180], 1, 0), None);
    }

    #[test]
    fn estimate_grows_with_place_and_shrinks_with_staff() {
        let waits = [30, 120, 600, 90, 150];
        // Median 120 s.
        assert_eq!(estimate_wait(&waits, 1, 1), Some(120));
        assert_eq!(estimate_wait(&waits, 3, 1), Some(360));
        assert_eq!(estimate_wait(&waits, 3, 2), Some(180));
        // Rounded up to whole minutes, at least one.
        assert_eq!(estimate_wait(&[5, 5, 5], 1, 4), Some(60));
    }
}
