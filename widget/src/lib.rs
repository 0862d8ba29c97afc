//! The Wayfinder chat widget, compiled to WebAssembly.
//!
//! The plain-JS loader (`loader/widget.js`) draws the launcher button in an open shadow root
//! and, when the resident opens it or the page is idle, imports this module and calls
//! [`start`]. From then on the loader forwards launcher clicks to the returned [`Widget`].
//!
//! - [`app`]: the running widget — open/close, questions, replies, feedback, keyboard.
//! - [`chrome`]: the dialog's fixed elements and their labels.
//! - [`render`]: transcript messages (server text as text; only `answer.html` as HTML).
//! - [`announce`]: what screen readers hear, through one debounced live region.
//! - [`settings`]: the language menu, display preferences, "Talk to a person" and microphone
//!   button; [`prefs`]: those preferences as kept on the device; [`speech`]: reading aloud
//!   and dictation where the browser has them.
//! - [`consent`]: the site's privacy notice and the version the resident accepted, for
//!   sites that ask for it.
//! - [`session`]: the requests sent, and the conversation id kept between them.
//! - [`reply`]: HTTP results as replies or localisable failures.
//! - [`http`]: `fetch` for JSON posts and gets and text files; [`json`]: JSON parsed by the
//!   browser and read field by field, and written without serde; [`wire`]: the bot's
//!   requests and replies in it.
//! - [`locale`], [`texts`], [`ids`]: UI languages, their strings (Fluent compiled by the
//!   server, formatted by a small interpreter), and the message ids.
//! - [`config`]: the loader's settings; [`date`]: review dates and when staff are back, via
//!   `Intl`; [`numbers`]: numbers and minutes via `Intl`; [`links`]: which URLs may become
//!   links; [`style`]: the dialog's stylesheet; [`theme`]: the city's accent colour,
//!   corrected for contrast; [`dom`]: the DOM calls the widget makes; [`markup`]: escaped
//!   markup for parts built whole; [`strings`]: text joined without `format!`.
//! - [`kiosk`]: the assistant on a public terminal — full screen, nothing stored, cleared
//!   after inactivity with a warning.
//!
//! Live chat with city staff:
//!
//! - [`live`]: the resident's side — availability, queue, the chat's WebSocket, reconnecting,
//!   resuming, ending, leaving a message.
//! - [`chat`]: one chat's state (events seen once, the outbox of unacknowledged messages,
//!   queue, who answers); [`queue`]: what the resident is told about their place in line;
//!   [`typing`]: when to send "typing"; [`backoff`]: when to reconnect.
//! - [`live_render`], [`live_forms`]: its transcript messages, and the "Leave a message" and
//!   stars forms; [`live_submit`]: those forms at work (sending, errors, thanks);
//!   [`live_parts`]: what live chat shares with the rest of the widget.
//! - [`live_api`]: its endpoints; [`live_json`]: its JSON; [`socket`]: the WebSocket;
//!   [`resume`]: the chat kept in `sessionStorage`; [`timer`]: a restartable timeout.
//!
//! Reporting a problem to the city ("Report it here"):
//!
//! - [`report`]: the guided form at work, one step at a time; [`report_draft`]: what the
//!   resident entered, checked step by step; [`report_view`]: its form controls, review and
//!   thank-you; [`report_wire`]: its JSON.
//!
//! In the wasm, memory comes from a small free-list allocator (see `ALLOCATOR`).
//!
//! Everything compiles natively as well, so the pure parts are unit-tested with `cargo test`.

pub mod announce;
pub mod app;
pub mod backoff;
pub mod chat;
pub mod chrome;
pub mod config;
pub mod consent;
pub mod date;
pub mod dom;
pub mod http;
pub mod ids;
pub mod json;
pub mod kiosk;
pub mod links;
pub mod live;
pub mod live_api;
pub mod live_forms;
pub mod live_json;
pub mod live_parts;
pub mod live_render;
pub mod live_submit;
pub mod locale;
pub mod markup;
pub mod numbers;
pub mod prefs;
pub mod queue;
pub mod render;
pub mod reply;
pub mod report;
pub mod report_draft;
pub mod report_view;
pub mod report_wire;
pub mod resume;
pub mod session;
pub mod settings;
pub mod socket;
pub mod speech;
pub mod strings;
pub mod style;
pub mod texts;
pub mod theme;
pub mod timer;
pub mod typing;
pub mod wire;

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::ShadowRoot;

/// The running widget, as the loader holds it.
#[wasm_bindgen]
pub struct Widget {
    app: Rc<app::App>,
}

#[wasm_bindgen]
impl Widget {
    /// Opens the dialog and focuses the input, with `draft` in it (what the resident typed on
    /// the launcher while the assistant loaded; empty when nothing was) and sent when `send`
    /// (they pressed Enter).
    pub fn open_with(&self, draft: &str, send: bool) {
        self.app.open_with(draft, send);
    }

    /// Closes the dialog and returns focus to the launcher.
    pub fn close(&self) {
        self.app.close();
    }

    /// Opens the dialog when closed, closes it when open (the launcher's click).
    pub fn toggle(&self) {
        self.app.toggle();
    }
}

/// Starts the widget in `root`, the open shadow root that holds the loader's
/// `button#launcher`. `config` is `{site, base, lang?, position?, color?, title?, mode?,
/// idle?}` (see [`config::Config`]).
/// Resolves once the dialog is built (closed) and ready to open.
#[wasm_bindgen]
pub async fn start(root: ShadowRoot, config: JsValue) -> Result<Widget, JsValue> {
    let config = config::Config::from_js(&config)?;
    let app = app::App::start(root, config).await?;
    Ok(Widget { app })
}

// The widget allocates little and briefly (strings for the DOM, JSON, one reply at a time):
// `lol_alloc`'s free list, which merges neighbouring free blocks, weighs 3 KB less gzipped
// than Rust's default allocator (dlmalloc). The lock is never contended: the wasm runs on the
// page's one thread.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());
