//! Live chat with city staff, the resident's side: asks whether someone can chat, joins the
//! queue, follows the chat's WebSocket (reconnecting with backoff and resuming after a
//! reload), sends the resident's messages and typing, and ends with stars and the transcript.
//! When nobody can chat it says when staff are back and offers "Leave a message".
//!
//! Everything it says goes through the shared live region; it moves focus only when the
//! control the resident used goes away (a sent form, the "End chat" button).

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use protocol::{Availability, ChatEvent, ClientFrame, ErrorCode, EventBody, Party, ServerFrame};
use wasm_bindgen_futures::spawn_local;

use crate::backoff::Backoff;
use crate::chat::{self, Arrival, Chat};
use crate::dom;
use crate::http;
use crate::ids;
use crate::json::{self, ToJson};
use crate::live_api;
use crate::live_json;
use crate::live_parts::Parts;
use crate::live_submit::Forms;
use crate::markup::Markup;
use crate::numbers;
use crate::queue::QueueNote;
use crate::reply::Failure;
use crate::resume;
use crate::socket::Socket;
use crate::speech;
use crate::texts::{Arg, Texts};
use crate::timer::Timer;
use crate::typing::{self, Typing};

/// A variable of the status line: its name, its text, and its number when it is one.
type StatusArg = (&'static str, String, Option<f64>);

/// Status variables as message arguments.
fn status_args(args: &[StatusArg]) -> Vec<(&'static str, Arg<'_>)> {
    args.iter()
        .map(|(name, text, number)| {
            let arg = match number {
                Some(n) => Arg::Number(*n, text),
                None => Arg::Text(text),
            };
            (*name, arg)
        })
        .collect()
}

/// After this many attempts in a row that never opened, the widget asks the server whether it
/// still knows the chat (a socket that fails to open says nothing about why).
pub const CHECK_AFTER_FAILURES: u32 = 3;

/// The live chat, at most one at a time.
pub struct Live {
    parts: Parts,
    chat: RefCell<Option<Chat>>,
    socket: RefCell<Option<Socket>>,
    backoff: Cell<Backoff>,
    typing: Cell<Typing>,
    /// Whether the staff member is typing now.
    staff_typing: Cell<bool>,
    /// Whether the connection is down (and "Reconnecting…" was said once).
    lost: Cell<bool>,
    /// Connection attempts in a row that never opened.
    failures: Cell<u32>,
    /// Whether "Talk to a person" is being started (a second press waits).
    starting: Cell<bool>,
    /// Whether the site offers live chat, once known.
    offered: Cell<Option<bool>>,
    /// "Leave a message" and the stars.
    forms: Rc<Forms>,
    retry: Timer,
    idle: Timer,
}

impl Live {
    /// The live chat of the widget, with nothing going on yet.
    pub fn new(parts: Parts) -> Rc<Self> {
        Rc::new_cyclic(|weak: &Weak<Self>| {
            let window = parts.window.clone();
            let on_retry = weak.clone();
            let on_idle = weak.clone();
            Self {
                retry: Timer::new(window.clone(), move || {
                    if let Some(live) = on_retry.upgrade() {
                        live.connect();
                    }
                }),
                idle: Timer::new(window, move || {
                    if let Some(live) = on_idle.upgrade() {
                        live.stop_typing();
                    }
                }),
                forms: Rc::new(Forms::new(parts.clone())),
                parts,
                chat: RefCell::new(None),
                socket: RefCell::new(None),
                backoff: Cell::new(Backoff::default()),
                typing: Cell::new(Typing::default()),
                staff_typing: Cell::new(false),
                lost: Cell::new(false),
                failures: Cell::new(0),
                starting: Cell::new(false),
                offered: Cell::new(None),
            }
        })
    }

    /// Wires the "End chat" button, the forms live chat puts in the transcript, typing in the
    /// input, and the browser coming back online.
    pub fn wire(self: &Rc<Self>) {
        let chrome = &self.parts.chrome;
        let live = Rc::clone(self);
        dom::listen(&chrome.end, "click", move |_| live.end());

        self.forms.wire();

        let live = Rc::clone(self);
        dom::listen(&chrome.input, "input", move |_| live.keystroke());

        let live = Rc::clone(self);
        dom::listen(&self.parts.window, "online", move |_| live.reconnect_now());
    }

    /// Whether a chat is on: the input then writes to staff instead of the bot.
    pub fn active(&self) -> bool {
        self.chat
            .borrow()
            .as_ref()
            .is_some_and(|chat| !chat.closed())
    }

    /// Carries on with the chat this tab had before a reload, if any. Returns whether there
    /// was one.
    pub fn resume(self: &Rc<Self>) -> bool {
        let Some(stored) = resume::load(&self.parts.window) else {
            return false;
        };
        self.begin(Chat::resumed(stored), false);
        true
    }

    /// Finds out once whether the site offers live chat, to show "Talk to a person" among the
    /// dialog's tools.
    pub async fn check_offered(self: Rc<Self>) {
        if self.offered.get().is_some() {
            return;
        }
        let url = live_api::availability(&self.parts.config.base, &self.parts.config.site);
        let offered = http::get_json(&url)
            .await
            .ok()
            .and_then(|json| live_json::availability(&json))
            .is_some_and(|availability| availability.enabled);
        self.offered.set(Some(offered));
        self.show_talk();
    }

    /// "Talk to a person": asks whether someone can chat now, then joins the queue, or says
    /// when staff are back and offers to leave a message.
    pub async fn choose(self: Rc<Self>) {
        if self.active() {
            dom::focus(&self.parts.chrome.input);
            self.parts.announcer.say(&self.status_text());
            return;
        }
        if self.starting.replace(true) {
            return;
        }
        self.parts
            .announcer
            .say(&self.parts.texts().get(ids::LIVE_CHECKING));
        let config = &self.parts.config;
        let url = live_api::availability(&config.base, &config.site);
        let answer = http::get_json(&url).await.and_then(|json| {
            live_json::availability(&json).ok_or(Failure::Server(ErrorCode::Internal))
        });
        match answer {
            Err(failure) => self.parts.show_failure(failure),
            Ok(availability) => {
                self.offered.set(Some(availability.enabled));
                if !availability.enabled {
                    self.parts.show_note_text(ids::LIVE_DISABLED);
                } else if availability.open {
                    self.join(&availability).await;
                } else {
                    self.forms.show_offline(&availability);
                }
            }
        }
        self.starting.set(false);
    }

    /// The resident's message to staff. Returns whether it was taken (the input is then
    /// emptied); it is shown at once as "Sending…" until the server acknowledges it.
    pub fn send(self: &Rc<Self>, text: &str) -> bool {
        let texts = self.parts.texts();
        let id = chat::message_id(random_words());
        let (out, lang) = {
            let mut chat = self.chat.borrow_mut();
            let Some(chat) = chat.as_mut() else {
                return false;
            };
            let Some(out) = chat.write(id, text) else {
                return false;
            };
            (out, chat.lang().to_owned())
        };
        let message = self.parts.renderer(&texts).user(&out.text, &lang);
        self.parts.view(&texts).pending(&message, &out.id);
        self.parts.append(&message);
        self.send_frame(&out.frame());
        self.stop_typing();
        true
    }

    /// Writes the status line again (after the UI language changed).
    pub fn relabel(&self) {
        self.refresh();
    }

    // ---- starting, resuming, ending ----------------------------------------------------

    /// Joins the queue (the site is open), or says nobody can chat after all.
    async fn join(self: &Rc<Self>, availability: &Availability) {
        let lang = self.parts.texts().lang().to_owned();
        let request = self.parts.session.borrow().chat_request(&lang);
        let url = live_api::chats(&self.parts.config.base);
        let answer = http::post_json(&url, &request)
            .await
            .and_then(|json| live_json::started(&json).ok_or(Failure::Server(ErrorCode::Internal)));
        match answer {
            Ok((chat_id, token)) => {
                self.begin(Chat::started(&chat_id, &token, &lang), true);
            }
            Err(Failure::Server(ErrorCode::StaffUnavailable)) => {
                let mut closed = availability.clone();
                closed.open = false;
                self.forms.show_offline(&closed);
            }
            Err(failure) => self.parts.show_failure(failure),
        }
    }

    /// Takes up `chat`: keeps it for reloads, switches the dialog to live mode and connects.
    fn begin(self: &Rc<Self>, chat: Chat, fresh: bool) {
        resume::save(&self.parts.window, &chat.stored());
        *self.chat.borrow_mut() = Some(chat);
        self.backoff.set(Backoff::default());
        self.failures.set(0);
        self.lost.set(false);
        self.staff_typing.set(false);
        self.typing.set(Typing::default());
        let texts = self.parts.texts();
        let talk_had_focus = self.parts.focus_within(&self.parts.chrome.settings.talk);
        self.parts.chrome.set_live(true, &texts);
        self.show_talk();
        if talk_had_focus {
            dom::focus(&self.parts.chrome.input);
        }
        self.refresh();
        if fresh {
            self.parts.announcer.say(&texts.get(ids::LIVE_CONNECTING));
        }
        self.connect();
    }

    /// "End chat": asks the server to end it (again after a reconnect until it has).
    fn end(&self) {
        match self.chat.borrow_mut().as_mut() {
            Some(chat) if !chat.closed() => chat.end(),
            _ => return,
        }
        self.send_frame(&ClientFrame::Close);
    }

    /// The chat ended: leaves live mode, forgets the stored chat, shows the stars and the
    /// transcript links.
    fn finish(self: &Rc<Self>) {
        let Some(chat) = self.chat.borrow_mut().take() else {
            return;
        };
        resume::clear(&self.parts.window);
        self.retire_socket();
        self.retry.cancel();
        self.idle.cancel();
        self.typing.set(Typing::default());
        self.staff_typing.set(false);
        self.lost.set(false);
        let texts = self.parts.texts();
        let chrome = &self.parts.chrome;
        let bar_had_focus = self.parts.focus_within(&chrome.live);
        self.mark_unsent(&texts);
        chrome.set_live(false, &texts);
        self.show_talk();
        let ended = self.parts.view(&texts).ended(
            &self.parts.config.base,
            chat.chat_id(),
            chat.token(),
            self.parts.uid(),
        );
        self.parts.append(&ended);
        if bar_had_focus && let Some(first) = dom::find(&ended, "input[type=radio]") {
            dom::focus(&first);
        }
        self.parts.announcer.add(&texts.get(ids::LIVE_ENDED));
    }

    /// The server does not know the chat (any more): back to the bot.
    fn forget(&self) {
        if self.chat.borrow_mut().take().is_none() {
            return;
        }
        resume::clear(&self.parts.window);
        self.retire_socket();
        self.retry.cancel();
        self.idle.cancel();
        self.lost.set(false);
        let texts = self.parts.texts();
        let bar_had_focus = self.parts.focus_within(&self.parts.chrome.live);
        self.mark_unsent(&texts);
        self.parts.chrome.set_live(false, &texts);
        self.show_talk();
        if bar_had_focus {
            dom::focus(&self.parts.chrome.input);
        }
        self.parts
            .show_failure(Failure::Server(ErrorCode::UnknownChat));
    }

    // ---- the connection ----------------------------------------------------------------

    /// Opens the chat's WebSocket, asking for the events after the last one received.
    fn connect(self: &Rc<Self>) {
        self.retry.cancel();
        let url = {
            let chat = self.chat.borrow();
            let Some(chat) = chat.as_ref().filter(|chat| !chat.closed()) else {
                return;
            };
            live_api::socket(
                &self.parts.config.base,
                chat.chat_id(),
                chat.token(),
                chat.after(),
            )
        };
        let (on_open, on_frame, on_close) = (
            Rc::downgrade(self),
            Rc::downgrade(self),
            Rc::downgrade(self),
        );
        let socket = Socket::connect(
            &url,
            move || {
                if let Some(live) = on_open.upgrade() {
                    live.opened();
                }
            },
            move |text| {
                if let Some(live) = on_frame.upgrade() {
                    live.received(&text);
                }
            },
            move |was_open| {
                if let Some(live) = on_close.upgrade() {
                    live.dropped(was_open);
                }
            },
        );
        match socket {
            Some(socket) => *self.socket.borrow_mut() = Some(socket),
            None => self.dropped(false),
        }
    }

    /// Connected: resends what the server has not acknowledged, and "End chat" if asked.
    fn opened(&self) {
        let mut backoff = self.backoff.get();
        backoff.reset();
        self.backoff.set(backoff);
        self.failures.set(0);
        self.typing.set(Typing::default());
        let frames: Vec<ClientFrame> = {
            let chat = self.chat.borrow();
            let Some(chat) = chat.as_ref() else {
                return;
            };
            let mut frames: Vec<ClientFrame> =
                chat.outbox().iter().map(chat::Outgoing::frame).collect();
            if chat.ending() {
                frames.push(ClientFrame::Close);
            }
            frames
        };
        for frame in &frames {
            self.send_frame(frame);
        }
        if self.lost.replace(false) {
            self.parts
                .announcer
                .add(&self.parts.texts().get(ids::LIVE_RECONNECTED));
        }
        self.refresh();
    }

    /// The connection closed or never opened: says "Reconnecting…" once and tries again after
    /// a growing, jittered wait.
    fn dropped(self: &Rc<Self>, was_open: bool) {
        if !self.active() {
            return;
        }
        if !was_open {
            self.failures.set(self.failures.get() + 1);
        }
        self.staff_typing.set(false);
        if !self.lost.replace(true) {
            self.parts
                .announcer
                .add(&self.parts.texts().get(ids::LIVE_RECONNECTING));
        }
        self.refresh();
        let failures = self.failures.get();
        if failures > 0 && failures.is_multiple_of(CHECK_AFTER_FAILURES) {
            spawn_local(Rc::clone(self).check_known());
        } else {
            self.schedule_retry();
        }
    }

    fn schedule_retry(&self) {
        let mut backoff = self.backoff.get();
        let wait = backoff.next_ms(js_sys::Math::random());
        self.backoff.set(backoff);
        self.retry.start(i32::try_from(wait).unwrap_or(i32::MAX));
    }

    /// Asks whether the server still knows the chat (the transcript answers `unknown_chat`
    /// when not); forgets it if not, otherwise keeps trying.
    async fn check_known(self: Rc<Self>) {
        let url = {
            let chat = self.chat.borrow();
            let Some(chat) = chat.as_ref() else {
                return;
            };
            live_api::transcript(&self.parts.config.base, chat.chat_id(), chat.token(), "txt")
        };
        let answer = http::get_json(&url).await;
        if matches!(answer, Err(Failure::Server(ErrorCode::UnknownChat))) {
            self.forget();
        } else if self.active() {
            self.schedule_retry();
        }
    }

    /// The browser is back online: try now instead of waiting.
    fn reconnect_now(self: &Rc<Self>) {
        let open = self.socket.borrow().as_ref().is_some_and(Socket::is_open);
        if self.active() && !open && self.retry.pending() {
            self.connect();
        }
    }

    /// Drops the socket once the current event has been handled (it may be the one running).
    fn retire_socket(&self) {
        if let Some(socket) = self.socket.borrow_mut().take() {
            spawn_local(async move { drop(socket) });
        }
    }

    fn send_frame(&self, frame: &ClientFrame) -> bool {
        let json = frame.to_json();
        self.socket
            .borrow()
            .as_ref()
            .is_some_and(|socket| socket.send(&json))
    }

    // ---- what arrives -----------------------------------------------------------------

    fn received(self: &Rc<Self>, text: &str) {
        let Some(frame) = json::parse(text).and_then(|json| live_json::frame(&json)) else {
            return;
        };
        match frame {
            ServerFrame::Event { event } => self.event(event),
            ServerFrame::Ack { id, seq } => {
                let waiting = self
                    .chat
                    .borrow_mut()
                    .as_mut()
                    .is_some_and(|chat| chat.ack(&id, seq));
                if waiting {
                    self.mark_sent(&id);
                }
            }
            ServerFrame::Queue {
                position,
                wait_seconds,
            } => {
                let changed = self
                    .chat
                    .borrow_mut()
                    .as_mut()
                    .is_some_and(|chat| chat.queue(QueueNote::new(position, wait_seconds)));
                if changed {
                    self.refresh();
                    self.parts.announcer.add(&self.status_text());
                }
            }
            ServerFrame::Typing { active } => {
                self.staff_typing.set(active);
                self.refresh();
            }
            ServerFrame::Error { code, .. } => match code {
                ErrorCode::UnknownChat => self.forget(),
                ErrorCode::ChatClosed => {
                    self.parts.show_failure(Failure::Server(code));
                    self.finish();
                }
                _ => self.parts.show_failure(Failure::Server(code)),
            },
        }
    }

    /// Shows an event not seen before, announcing it unless it was seen before a reload.
    fn event(self: &Rc<Self>, event: ChatEvent) {
        let (arrival, lang, staff) = {
            let mut chat = self.chat.borrow_mut();
            let Some(chat) = chat.as_mut() else {
                return;
            };
            let Some(arrival) = chat.receive(&event) else {
                return;
            };
            if !chat.closed() {
                resume::save(&self.parts.window, &chat.stored());
            }
            (
                arrival,
                chat.lang().to_owned(),
                chat.staff().map(str::to_owned),
            )
        };
        if arrival == Arrival::Own {
            return;
        }
        let new = arrival == Arrival::New;
        let texts = self.parts.texts();
        let view = self.parts.view(&texts);
        match event.body {
            EventBody::Message {
                from: Party::Staff,
                name,
                text,
            } => {
                let name = name.or(staff).unwrap_or_else(|| texts.get(ids::LIVE_STAFF));
                self.staff_typing.set(false);
                self.refresh();
                self.parts.append(&view.staff(&name, &text, &lang));
                if new {
                    let spoken =
                        texts.format(ids::LIVE_STAFF_SAYS, &[("name", &name), ("text", &text)]);
                    if self.parts.prefs.get().read_aloud {
                        speech::speak(&self.parts.window, &spoken, &lang);
                    }
                    self.parts.announcer.add(&spoken);
                }
            }
            EventBody::Message {
                from: Party::Resident,
                text,
                ..
            } => {
                let renderer = self.parts.renderer(&texts);
                self.parts.append(&renderer.user(&text, &lang));
            }
            EventBody::Message {
                from: Party::System,
                text,
                ..
            } => {
                self.parts.append(&view.plain_note(&text, &lang));
                if new {
                    self.parts.announcer.add(&text);
                }
            }
            EventBody::Joined { name, department } => {
                let (id, args) = match &department {
                    Some(department) => (
                        ids::LIVE_JOINED_DEPARTMENT,
                        vec![("name", name.as_str()), ("department", department.as_str())],
                    ),
                    None => (ids::LIVE_JOINED, vec![("name", name.as_str())]),
                };
                self.refresh();
                self.parts.append(&view.note(id, &args));
                if new {
                    self.parts.announcer.add(&texts.format(id, &args));
                }
            }
            EventBody::Transferred { department } => {
                let args = [("department", department.as_str())];
                self.staff_typing.set(false);
                self.refresh();
                self.parts.append(&view.note(ids::LIVE_TRANSFERRED, &args));
                if new {
                    self.parts
                        .announcer
                        .add(&texts.format(ids::LIVE_TRANSFERRED, &args));
                }
            }
            EventBody::Closed { .. } => self.finish(),
        }
    }

    // ---- typing ------------------------------------------------------------------------

    /// A keystroke in the input during a chat: "typing" once when it starts, "stopped" after
    /// a pause.
    fn keystroke(&self) {
        if !self.active() {
            return;
        }
        let has_text = !self.parts.chrome.input.value().trim().is_empty();
        let mut typing = self.typing.get();
        let change = typing.keystroke(has_text);
        self.typing.set(typing);
        if let Some(active) = change {
            self.send_frame(&ClientFrame::Typing { active });
        }
        if typing.active() {
            self.idle.start(typing::IDLE_MS);
        } else {
            self.idle.cancel();
        }
    }

    fn stop_typing(&self) {
        self.idle.cancel();
        let mut typing = self.typing.get();
        let change = typing.stop();
        self.typing.set(typing);
        if let Some(active) = change {
            self.send_frame(&ClientFrame::Typing { active });
        }
    }

    // ---- status ------------------------------------------------------------------------

    /// The status line's message: reconnecting, who answers (and whether they type), the
    /// place in the queue, or connecting. Each variable's text comes with its number, if it
    /// is one.
    fn status_message(&self, texts: &Texts) -> (&'static str, Vec<StatusArg>) {
        let chat = self.chat.borrow();
        let Some(chat) = chat.as_ref() else {
            return (ids::LIVE_CONNECTING, Vec::new());
        };
        let lang = texts.lang();
        if self.lost.get() {
            (ids::LIVE_RECONNECTING, Vec::new())
        } else if let Some(name) = chat.staff() {
            let id = if self.staff_typing.get() {
                ids::LIVE_TYPING
            } else {
                ids::LIVE_CHATTING
            };
            (id, vec![("name", name.to_owned(), None)])
        } else if let Some(note) = chat.queue_note() {
            let position = f64::from(note.position);
            let mut args = vec![(
                "position",
                numbers::format(note.position, lang),
                Some(position),
            )];
            if let Some(minutes) = note.wait_minutes {
                let wait = numbers::minutes(minutes, lang).unwrap_or_else(|| {
                    let shown = numbers::format(minutes, lang);
                    texts.format_args(
                        ids::LIVE_MINUTES,
                        &[("minutes", Arg::Number(f64::from(minutes), &shown))],
                    )
                });
                args.push(("wait", wait, None));
            }
            (note.message_id(), args)
        } else {
            (ids::LIVE_CONNECTING, Vec::new())
        }
    }

    /// The status as plain text, for announcements.
    fn status_text(&self) -> String {
        let texts = self.parts.texts();
        let (id, args) = self.status_message(&texts);
        texts.format_args(id, &status_args(&args))
    }

    /// Writes the status line (names and numbers isolated).
    fn refresh(&self) {
        if !self.active() {
            return;
        }
        let texts = self.parts.texts();
        let (id, args) = self.status_message(&texts);
        let status = &self.parts.chrome.live_status;
        dom::set_class(status, "typing", id == ids::LIVE_TYPING);
        let mut m = Markup::new();
        m.message(&texts, id, &status_args(&args));
        status.set_inner_html(m.as_str());
    }

    /// Shows "Talk to a person" among the tools when the site offers it and no chat is on.
    fn show_talk(&self) {
        let show = self.offered.get() == Some(true) && !self.active();
        self.parts.chrome.settings.talk.set_hidden(!show);
    }

    /// The resident's message `id` reached the server: it no longer says "Sending…".
    fn mark_sent(&self, id: &str) {
        if let Some(message) = dom::find(&self.parts.chrome.log, &dom::attr_is("", "data-out", id))
        {
            dom::unset(&message, "data-out");
            if let Some(pending) = dom::find(&message, ".pending") {
                pending.remove();
            }
        }
    }
    /// Messages still "Sending…" when a chat is over will never arrive: they say so.
    fn mark_unsent(&self, texts: &Texts) {
        let text = texts.get(&ids::error(ErrorCode::ChatClosed));
        for pending in dom::find_all(&self.parts.chrome.log, "[data-out] .pending") {
            pending.set_text_content(Some(&text));
        }
    }
}

/// 128 random bits from `Math.random` (message ids only need to be unique within a chat).
fn random_words() -> [u32; 4] {
    let word = || (js_sys::Math::random() * 4_294_967_296.0) as u32;
    [word(), word(), word(), word()]
}
