//! Relaying a chat's events on a WebSocket exactly once and in order, whatever the signals
//! did: an event already sent is skipped, one after a gap (a missed or lagging signal) first
//! reads what is missing from the store. Residents' and staff consoles' sockets share this;
//! they differ only in how an event is written as a frame.

use axum::extract::ws::Message;
use futures_util::SinkExt as _;
use protocol::ChatEvent;

use crate::state::AppState;

/// How a socket writes chat `chat_id`'s event as a text frame.
pub type EventFrame = fn(&str, ChatEvent) -> String;

/// Sends the stored events of `chat_id` after `last` and advances it; `false` when the
/// socket or the store failed.
pub async fn catch_up<S>(
    state: &AppState,
    chat_id: &str,
    last: &mut u64,
    sink: &mut S,
    frame: EventFrame,
) -> bool
where
    S: futures_util::Sink<Message> + Unpin,
{
    let Some(events) = stored_after(state, chat_id, *last).await else {
        return false;
    };
    send_all(chat_id, events, last, sink, frame).await
}

/// The stored events of `chat_id` after `after`, in order; `None` (logged) when the store
/// cannot be read.
pub async fn stored_after(state: &AppState, chat_id: &str, after: u64) -> Option<Vec<ChatEvent>> {
    match state.store.events_after(chat_id, after).await {
        Ok(events) => Some(events),
        Err(e) => {
            tracing::warn!(error = %e, "chat events not read");
            None
        }
    }
}

/// Sends `events` of `chat_id` (read from the store, in order) and advances `last`; `false`
/// when the socket failed.
pub async fn send_all<S>(
    chat_id: &str,
    events: impl IntoIterator<Item = ChatEvent>,
    last: &mut u64,
    sink: &mut S,
    frame: EventFrame,
) -> bool
where
    S: futures_util::Sink<Message> + Unpin,
{
    for event in events {
        *last = event.seq;
        if sink
            .send(Message::Text(frame(chat_id, event).into()))
            .await
            .is_err()
        {
            return false;
        }
    }
    true
}

/// Sends a signalled event once and in order.
pub async fn deliver<S>(
    state: &AppState,
    chat_id: &str,
    event: ChatEvent,
    last: &mut u64,
    sink: &mut S,
    frame: EventFrame,
) -> bool
where
    S: futures_util::Sink<Message> + Unpin,
{
    if event.seq <= *last {
        return true;
    }
    if event.seq > *last + 1 {
        return catch_up(state, chat_id, last, sink, frame).await;
    }
    *last = event.seq;
    sink.send(Message::Text(frame(chat_id, event).into()))
        .await
        .is_ok()
}
