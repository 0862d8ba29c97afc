//! The running widget: opens and closes the dialog, sends questions, shows replies, and
//! hands the input to [`crate::live`] while the resident chats with city staff.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use protocol::{AskRequest, AskResponse, ErrorCode};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{
    Document, Element, Event, HtmlElement, HtmlInputElement, KeyboardEvent, ShadowRoot, Window,
};

use crate::announce::{self, Announcer};
use crate::chrome::Chrome;
use crate::config::Config;
use crate::consent::{self, Consent};
use crate::dom;
use crate::http;
use crate::ids;
use crate::kiosk::{self, Kiosk};
use crate::live::Live;
use crate::live_parts::Parts;
use crate::locale;
use crate::prefs::{self, Pref, Prefs};
use crate::render::Renderer;
use crate::reply::Failure;
use crate::report::Reports;
use crate::session::{PageLanguages, Session};
use crate::settings::Features;
use crate::speech::{self, Voice};
use crate::style;
use crate::texts::Texts;
use crate::timer;
use crate::wire;

/// API path for questions.
const ASK_PATH: &str = "/api/v1/ask";
/// API path for feedback.
const FEEDBACK_PATH: &str = "/api/v1/feedback";

/// The widget's state, shared by its event handlers.
pub struct App {
    window: Window,
    doc: Document,
    root: ShadowRoot,
    config: Config,
    chrome: Rc<Chrome>,
    announcer: Rc<Announcer>,
    texts: Rc<RefCell<Rc<Texts>>>,
    /// UI strings fetched so far, by the tag they were fetched for.
    loaded: RefCell<Vec<(String, Rc<Texts>)>>,
    session: Rc<RefCell<Session>>,
    busy: Cell<bool>,
    /// Counts kiosk resets: an answer that arrives after one belongs to the previous
    /// resident and is dropped.
    generation: Cell<u32>,
    greeted: Cell<bool>,
    next_uid: Rc<Cell<u32>>,
    /// The display preferences in force.
    prefs: Rc<Cell<Prefs>>,
    /// Live chat with city staff.
    live: Rc<Live>,
    /// Whether the resident picked the UI language (replies then no longer switch it).
    chosen: Cell<bool>,
    /// Dictation, when the browser has it.
    voice: Option<Rc<Voice>>,
    /// The privacy notice, for sites that ask residents to accept it.
    consent: Rc<Consent>,
}

impl App {
    /// Styles `root`, fetches the UI strings, builds the dialog next to the loader's launcher
    /// and wires its events.
    pub async fn start(root: ShadowRoot, config: Config) -> Result<Rc<Self>, JsValue> {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("wayfinder: no window"))?;
        let doc = window
            .document()
            .ok_or_else(|| JsValue::from_str("wayfinder: no document"))?;
        style::adopt(&root)?;
        style::theme(&root, config.color)?;
        if config.kiosk {
            // A public terminal: nothing about one resident is kept on the device.
            prefs::keep_in_memory();
        }

        let page = page_languages(&window, &doc);
        let stored =
            prefs::load(&window, prefs::LANG_KEY).and_then(|tag| prefs::stored_language(&tag));
        let mut requested: Vec<String> = stored.iter().cloned().collect();
        requested.extend(config.lang.iter().cloned());
        requested.extend(page.page_lang.iter().cloned());
        requested.extend(page.languages.iter().cloned());
        let lang = locale::ui_language(&requested);
        let texts = Rc::new(fetch_texts(&config.base, &lang).await);

        let features = Features {
            speak: speech::can_speak(&window),
            listen: speech::can_listen(&window),
        };
        let mut help_url = config.endpoint("/help?site=");
        help_url.push_str(&config.site);
        let chrome = Rc::new(Chrome::build(
            &root,
            config.side,
            features,
            &texts,
            &help_url,
        ));
        chrome.customise(config.title.clone(), config.kiosk, &texts);
        let announcer = Rc::new(Announcer::new(
            window.clone(),
            chrome.announcer.clone().into(),
        ));
        let voice = chrome
            .settings
            .mic
            .as_ref()
            .and_then(|mic| Voice::new(&window, mic.clone().into(), chrome.input.clone()));
        let mut session = Session::new(&config.site);
        if let Some(tag) = &stored {
            session.choose_language(tag);
        }
        let saved = if config.kiosk {
            kiosk::PREFS
        } else {
            Prefs::decode(&prefs::load(&window, prefs::PREFS_KEY).unwrap_or_default())
        };
        let session = Rc::new(RefCell::new(session));
        let loaded = RefCell::new(vec![(lang, Rc::clone(&texts))]);
        let texts = Rc::new(RefCell::new(texts));
        let prefs = Rc::new(Cell::new(saved));
        let next_uid = Rc::new(Cell::new(0));
        let parts = Parts {
            window: window.clone(),
            doc: doc.clone(),
            root: root.clone(),
            config: config.clone(),
            chrome: Rc::clone(&chrome),
            announcer: Rc::clone(&announcer),
            texts: Rc::clone(&texts),
            prefs: Rc::clone(&prefs),
            session: Rc::clone(&session),
            uid: Rc::clone(&next_uid),
        };
        let reports = Reports::new(parts.clone());
        let consent = Consent::new(parts.clone());
        let kiosk_parts = config.kiosk.then(|| parts.clone());
        let live = Live::new(parts);
        let app = Rc::new(Self {
            session,
            window,
            doc,
            root,
            config,
            chrome,
            announcer,
            loaded,
            texts,
            busy: Cell::new(false),
            generation: Cell::new(0),
            greeted: Cell::new(false),
            next_uid,
            prefs,
            chosen: Cell::new(stored.is_some()),
            voice,
            live,
            consent,
        });
        app.chrome.settings.show_prefs(saved);
        app.apply_prefs();
        app.wire();
        app.live.wire();
        reports.wire();
        app.consent.wire();
        let accepted = app.consent.accepted();
        app.session.borrow_mut().set_consent(accepted);
        // A chat from before a reload carries on; the greeting would come after it.
        if app.live.resume() {
            app.greeted.set(true);
        }
        if let Some(parts) = kiosk_parts {
            let weak = Rc::downgrade(&app);
            Kiosk::start(parts, app.config.idle_seconds, move |force| {
                weak.upgrade().is_none_or(|app| app.reset(force))
            });
        }
        Ok(app)
    }

    /// Opens the dialog (greeting the resident the first time) and puts focus in the input.
    /// The first time, it also finds out whether the site offers live chat.
    pub fn open(&self) {
        if !self.greeted.replace(true) {
            self.append(&self.renderer_with(&self.texts()).greeting());
        }
        spawn_local(Rc::clone(&self.live).check_offered());
        self.chrome.dialog.set_hidden(false);
        dom::set(&self.chrome.launcher, "aria-expanded", "true");
        dom::focus(&self.chrome.input);
    }

    /// Opens the dialog with `draft` in the input: what the resident typed on the launcher
    /// while the assistant was still loading, so that no keystroke is lost on a slow network.
    /// With `send` (they pressed Enter too) the question is sent as if typed here.
    pub fn open_with(self: &Rc<Self>, draft: &str, send: bool) {
        self.open();
        let draft: String = draft.chars().take(protocol::MAX_QUESTION_CHARS).collect();
        if draft.trim().is_empty() {
            return;
        }
        self.chrome.input.set_value(&draft);
        if send {
            self.submit();
        }
    }

    /// Closes the dialog and returns focus to the launcher.
    pub fn close(&self) {
        // A kiosk's dialog is the whole screen: it never closes (its button clears instead).
        if !self.chrome.is_open() || self.config.kiosk {
            return;
        }
        self.chrome.settings.set_langs_open(false);
        self.chrome.settings.set_prefs_open(false);
        self.chrome.dialog.set_hidden(true);
        dom::set(&self.chrome.launcher, "aria-expanded", "false");
        dom::focus(&self.chrome.launcher);
    }

    /// Clears everything about the resident on a kiosk, for the next one: cancels guided
    /// forms in progress, empties the transcript and forgets the conversation, preferences,
    /// language choice, consent and the widget's storage, and greets again. A live chat is
    /// first ended politely (through "End chat"): while it is still on, this only asks for
    /// that and returns `false`, to be called again — unless `force`d (the chat did not end
    /// in time). Returns whether the screen was cleared.
    pub fn reset(&self, force: bool) -> bool {
        if self.live.active() && !force {
            self.chrome.end.click();
            return false;
        }
        for button in dom::find_all(&self.chrome.log, "form.report .cancel") {
            button.click();
        }
        self.generation.set(self.generation.get().wrapping_add(1));
        self.set_busy(false);
        speech::hush(&self.window);
        self.chrome.log.set_text_content(None);
        self.chrome.input.set_value("");
        prefs::clear(&self.window, &self.config.site);
        *self.session.borrow_mut() = Session::new(&self.config.site);
        self.chosen.set(false);
        self.prefs.set(kiosk::PREFS);
        self.chrome.settings.show_prefs(kiosk::PREFS);
        self.chrome.settings.set_langs_open(false);
        self.chrome.settings.set_prefs_open(false);
        self.apply_prefs();
        // Back to the language the kiosk started in (the first strings fetched).
        let first = self.loaded.borrow().first().map(|(_, t)| Rc::clone(t));
        let texts = first.unwrap_or_else(|| self.texts());
        self.chrome.relabel(&texts);
        *self.texts.borrow_mut() = Rc::clone(&texts);
        self.live.relabel();
        self.greeted.set(false);
        // Focus was on "Keep going" or "Clear the screen", which the reset takes away: it
        // goes to the question box, where the next resident starts.
        self.open();
        self.announcer.say(&texts.get(ids::GREETING));
        true
    }

    /// Opens the dialog when closed, closes it when open.
    pub fn toggle(&self) {
        if self.chrome.is_open() {
            self.close();
        } else {
            self.open();
        }
    }

    fn wire(self: &Rc<Self>) {
        let app = Rc::clone(self);
        dom::listen(&self.chrome.form, "submit", move |event| {
            event.prevent_default();
            app.submit();
        });

        let app = Rc::clone(self);
        dom::listen(&self.chrome.input, "keydown", move |event| {
            let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            if key.key() == "Enter" && !key.shift_key() && !is_input_method_key(key) {
                event.prevent_default();
                app.submit();
            }
        });

        let app = Rc::clone(self);
        dom::listen(&self.chrome.close, "click", move |_| app.close());

        let app = Rc::clone(self);
        dom::listen(&self.root, "keydown", move |event| {
            let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
                return;
            };
            if key.key() == "Escape" && !is_input_method_key(key) && app.chrome.is_open() {
                event.prevent_default();
                app.escape();
            }
        });

        let app = Rc::clone(self);
        dom::listen(&self.chrome.settings.lang_button, "click", move |_| {
            let settings = &app.chrome.settings;
            settings.set_langs_open(!settings.langs_open());
        });

        let app = Rc::clone(self);
        dom::listen(&self.chrome.settings.lang_list, "click", move |event| {
            let tag = dom::event_closest(&event, "button[data-lang]")
                .and_then(|button| button.get_attribute("data-lang"));
            if let Some(tag) = tag {
                spawn_local(Rc::clone(&app).choose_language(tag));
            }
        });

        let app = Rc::clone(self);
        dom::listen(&self.chrome.settings.talk, "click", move |_| {
            spawn_local(Rc::clone(&app.live).choose());
        });

        let app = Rc::clone(self);
        dom::listen(&self.chrome.settings.prefs_button, "click", move |_| {
            let settings = &app.chrome.settings;
            settings.set_prefs_open(!settings.prefs_open());
        });

        let app = Rc::clone(self);
        dom::listen(&self.chrome.settings.prefs_panel, "change", move |event| {
            let Some(input) = event
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
            else {
                return;
            };
            if let Some(pref) = input
                .get_attribute("data-pref")
                .as_deref()
                .and_then(Pref::from_word)
            {
                app.set_pref(pref, input.checked());
            }
        });

        if let (Some(mic), Some(voice)) = (&self.chrome.settings.mic, &self.voice) {
            let app = Rc::clone(self);
            let voice = Rc::clone(voice);
            dom::listen(mic, "click", move |_| {
                voice.toggle(app.texts().lang());
                dom::focus(&app.chrome.input);
            });
        }

        let app = Rc::clone(self);
        dom::listen(&self.chrome.log, "click", move |event| {
            app.on_log_click(&event)
        });

        let app = Rc::clone(self);
        dom::listen(&self.chrome.log, "keydown", move |event| {
            if let Some(key) = event.dyn_ref::<KeyboardEvent>()
                && app.move_between_messages(key)
            {
                event.prevent_default();
            }
        });
    }

    /// Esc closes an open menu (focus back on its button), and otherwise the dialog.
    fn escape(&self) {
        let settings = &self.chrome.settings;
        if settings.langs_open() {
            settings.set_langs_open(false);
            dom::focus(&settings.lang_button);
        } else if settings.prefs_open() {
            settings.set_prefs_open(false);
            dom::focus(&settings.prefs_button);
        } else {
            self.close();
        }
    }

    /// Switches the UI to the language the resident picked, remembers it on the device and
    /// puts it first in later questions.
    async fn choose_language(self: Rc<Self>, tag: String) {
        let settings = &self.chrome.settings;
        settings.set_langs_open(false);
        dom::focus(&settings.lang_button);
        let texts = self.texts_for(&tag).await;
        if texts.lang() != tag {
            // The strings could not be fetched: the UI stays as it is.
            return;
        }
        self.chrome.relabel(&texts);
        *self.texts.borrow_mut() = Rc::clone(&texts);
        self.live.relabel();
        self.chosen.set(true);
        self.session.borrow_mut().choose_language(&tag);
        prefs::save(&self.window, prefs::LANG_KEY, &tag);
        self.announcer.say(&texts.get(ids::LANGUAGE_CHANGED));
    }

    /// Turns a display preference on or off, for now and on later visits.
    fn set_pref(&self, pref: Pref, on: bool) {
        let mut prefs = self.prefs.get();
        prefs.set(pref, on);
        self.prefs.set(prefs);
        prefs::save(&self.window, prefs::PREFS_KEY, &prefs.encode());
        if pref == Pref::ReadAloud && !on {
            speech::hush(&self.window);
        }
        self.apply_prefs();
    }

    /// Styles the dialog as the display preferences say.
    fn apply_prefs(&self) {
        let prefs = self.prefs.get();
        dom::set_class(&self.chrome.dialog, "large", prefs.larger_text);
        dom::set_class(&self.chrome.dialog, "contrast", prefs.high_contrast);
    }

    fn texts(&self) -> Rc<Texts> {
        Rc::clone(&self.texts.borrow())
    }

    fn renderer_with<'a>(&'a self, texts: &'a Texts) -> Renderer<'a> {
        Renderer {
            doc: &self.doc,
            texts,
        }
    }

    fn uid(&self) -> u32 {
        let uid = self.next_uid.get();
        self.next_uid.set(uid.wrapping_add(1));
        uid
    }

    /// Adds a message to the transcript and scrolls to it; focus stays where it is.
    fn append(&self, message: &HtmlElement) {
        dom::append(&self.chrome.log, message);
        self.chrome.reveal(message);
    }

    /// Sends what the resident typed: to staff during a live chat, otherwise to the bot.
    fn submit(self: &Rc<Self>) {
        if self.live.active() {
            if self.live.send(&self.chrome.input.value()) {
                self.chrome.input.set_value("");
            }
            return;
        }
        let texts = self.texts();
        if self.busy.get() {
            self.announcer.say(&texts.get(ids::SEARCHING));
            return;
        }
        let typed = self.chrome.input.value();
        let page = page_languages(&self.window, &self.doc);
        let Some(request) = self.session.borrow().question(&typed, &page) else {
            return;
        };
        let user = self.renderer_with(&texts).user(&request.text, texts.lang());
        self.append(&user);
        self.chrome.input.set_value("");
        spawn_local(Rc::clone(self).ask(request, user, Some(typed)));
    }

    /// Sends the candidate the resident picked from a `choices` reply.
    fn pick(self: &Rc<Self>, button: &Element) {
        if self.busy.get() {
            return;
        }
        let (Some(id), Some(title)) = (button.get_attribute("data-choice"), button.text_content())
        else {
            return;
        };
        let lang = button
            .get_attribute("lang")
            .unwrap_or_else(|| self.texts().lang().to_owned());
        let page = page_languages(&self.window, &self.doc);
        let request = self.session.borrow().pick(&id, &title, &page);
        let user = self.renderer_with(&self.texts()).user(&title, &lang);
        self.append(&user);
        spawn_local(Rc::clone(self).ask(request, user, None));
    }

    /// Asks the server and shows the reply or what went wrong. A question the server could
    /// not store for the moment is sent again by itself, after a visible and announced wait
    /// ([`Failure::retry_after_s`]). `typed` goes back into the input on failure, so the
    /// resident loses nothing.
    async fn ask(self: Rc<Self>, request: AskRequest, user: HtmlElement, typed: Option<String>) {
        self.set_busy(true);
        let url = self.config.endpoint(ASK_PATH);
        let generation = self.generation.get();
        let mut retries = 0;
        let reply = loop {
            let reply = http::post_json(&url, &request).await.and_then(|json| {
                wire::ask_response(&json).ok_or(Failure::Server(ErrorCode::Internal))
            });
            let wait = reply.as_ref().err().and_then(|f| f.retry_after_s(retries));
            let Some(seconds) = wait.filter(|_| self.generation.get() == generation) else {
                break reply;
            };
            retries += 1;
            let retrying = self.texts().get(ids::RETRYING);
            self.chrome.set_status(&retrying);
            self.announcer.say(&retrying);
            timer::sleep(&self.window, (seconds * 1000) as i32).await;
            if self.generation.get() != generation {
                break reply;
            }
            self.chrome.set_status(&self.texts().get(ids::SEARCHING));
        };
        if self.generation.get() != generation {
            // The screen was cleared for the next resident while this was on its way. The
            // reset ended the waiting state; the next resident's question may be on its way
            // now, so the waiting state is theirs.
            return;
        }
        match reply {
            Ok(reply) => {
                self.session.borrow_mut().remember(&reply);
                // The server has now said which language the question was in.
                dom::set_lang(&user, &reply.lang);
                self.follow_language(&reply.lang).await;
                self.show_reply(&reply);
            }
            Err(failure) => {
                if failure == Failure::Server(ErrorCode::UnknownConversation) {
                    self.session.borrow_mut().forget();
                }
                self.show_failure(failure);
                if consent::is_needed(failure) {
                    self.show_privacy_notice().await;
                }
                if let Some(typed) = typed
                    && self.chrome.input.value().is_empty()
                {
                    self.chrome.input.set_value(&typed);
                }
            }
        }
        self.set_busy(false);
    }

    /// Shows the site's privacy notice in the resident's language: the one they picked, else
    /// their browser's (the question's language is not known yet). The UI follows it, as it
    /// follows a reply, so the notice and its button speak the same language.
    async fn show_privacy_notice(&self) {
        let lang = prefs::load(&self.window, prefs::LANG_KEY)
            .or_else(|| self.window.navigator().language())
            .unwrap_or_else(|| self.texts().lang().to_owned());
        match self.consent.fetch(&lang).await {
            Ok(notice) => {
                if let Some(lang) = crate::json::Fields::text(&notice, "lang") {
                    self.follow_language(&lang).await;
                }
                self.consent.show(&notice);
            }
            Err(failure) => self.show_failure(failure),
        }
    }

    fn set_busy(&self, busy: bool) {
        self.busy.set(busy);
        self.chrome.set_busy(busy);
        if busy {
            self.announcer.say(&self.texts().get(ids::SEARCHING));
        }
    }

    fn show_reply(&self, reply: &AskResponse) {
        let texts = self.texts();
        self.append(&self.renderer_with(&texts).reply(reply, self.uid()));
        let spoken = announce::announcement(reply);
        if self.prefs.get().read_aloud {
            let lang = reply.answer.as_ref().map_or(&reply.lang, |a| &a.lang);
            speech::speak(&self.window, &spoken, lang);
        }
        self.announcer.say(&spoken);
    }

    fn show_failure(&self, failure: Failure) {
        let texts = self.texts();
        self.append(&self.renderer_with(&texts).failure(failure));
        self.announcer.say(&texts.get(&failure.message_id()));
    }

    /// Switches the UI to the reply's language when the widget has it, unless the resident
    /// picked a language.
    async fn follow_language(&self, reply_lang: &str) {
        if self.chosen.get() {
            return;
        }
        let Some(tag) = locale::supported(reply_lang) else {
            return;
        };
        if self.texts().lang() == tag {
            return;
        }
        let texts = self.texts_for(&tag).await;
        if texts.lang() != tag {
            return;
        }
        self.chrome.relabel(&texts);
        *self.texts.borrow_mut() = texts;
        self.live.relabel();
    }

    /// The UI strings for `tag`, fetched once and then kept.
    async fn texts_for(&self, tag: &str) -> Rc<Texts> {
        let cached = self
            .loaded
            .borrow()
            .iter()
            .find(|(requested, _)| requested == tag)
            .map(|(_, texts)| Rc::clone(texts));
        match cached {
            Some(texts) => texts,
            None => {
                let texts = Rc::new(fetch_texts(&self.config.base, tag).await);
                self.loaded
                    .borrow_mut()
                    .push((tag.to_owned(), Rc::clone(&texts)));
                texts
            }
        }
    }

    fn on_log_click(self: &Rc<Self>, event: &Event) {
        let Some(button) = dom::event_closest(event, "button") else {
            return;
        };
        if dom::has_class(&button, "choice") {
            self.pick(&button);
        } else if dom::has_class(&button, "simpler") {
            toggle_simpler(&button);
        } else if dom::has_class(&button, "rate") {
            self.rate(&button);
        } else if dom::has_class(&button, "talk") {
            spawn_local(Rc::clone(&self.live).choose());
        }
    }

    /// Sends "was this helpful?" feedback from one of the yes/no buttons.
    fn rate(self: &Rc<Self>, button: &Element) {
        let Some(group) = dom::closest(button, ".feedback") else {
            return;
        };
        if group.has_attribute("aria-busy") {
            return;
        }
        let (Some(conversation), Some(message)) = (
            group.get_attribute("data-conversation"),
            group.get_attribute("data-message"),
        ) else {
            return;
        };
        let helpful = button.get_attribute("data-helpful").as_deref() == Some("yes");
        let request = self
            .session
            .borrow()
            .feedback(&conversation, &message, helpful);
        dom::set(&group, "aria-busy", "true");
        let app = Rc::clone(self);
        spawn_local(async move {
            let url = app.config.endpoint(FEEDBACK_PATH);
            let result = http::post_json(&url, &request).await.and_then(|json| {
                wire::feedback_response(&json).ok_or(Failure::Server(ErrorCode::Internal))
            });
            dom::unset(&group, "aria-busy");
            let id = if result.is_ok() {
                ids::FEEDBACK_THANKS
            } else {
                ids::FEEDBACK_ERROR
            };
            app.show_feedback_result(&group, id, result.is_ok());
        });
    }

    /// Replaces the feedback buttons with thanks (or adds an error next to them), keeping
    /// focus inside the message when it was on a removed button.
    fn show_feedback_result(&self, group: &Element, id: &str, recorded: bool) {
        let texts = self.texts();
        let result = self.renderer_with(&texts).feedback_result(id);
        let had_focus = self
            .root
            .active_element()
            .is_some_and(|active| group.contains(Some(&active)));
        if recorded {
            group.set_text_content(None);
            dom::unset(group, "role");
            dom::unset(group, "aria-labelledby");
        } else if let Some(old) = dom::find(group, ".feedback-result") {
            old.remove();
        }
        dom::append(group, &result);
        if recorded && had_focus {
            dom::focus(&result);
        }
        self.announcer.say(&texts.get(id));
    }

    /// Arrow keys, Home and End move focus between messages while focus is on the transcript
    /// or a message itself. Returns whether the key was used.
    fn move_between_messages(&self, key: &KeyboardEvent) -> bool {
        let Some(target) = key.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return false;
        };
        let on_log = target.id() == "wf-log";
        if !on_log && !dom::has_class(&target, "message") {
            return false;
        }
        let messages: Vec<HtmlElement> = dom::find_all(&self.chrome.log, ".message").collect();
        let Some(last) = messages.len().checked_sub(1) else {
            return false;
        };
        let current = messages
            .iter()
            .position(|message| message.is_same_node(Some(&target)));
        let next = match (key.key().as_str(), current) {
            ("ArrowDown", None) | ("Home", _) => 0,
            ("ArrowUp", None) | ("End", _) => last,
            ("ArrowDown", Some(i)) => (i + 1).min(last),
            ("ArrowUp", Some(i)) => i.saturating_sub(1),
            _ => return false,
        };
        if let Some(message) = messages.get(next) {
            dom::focus(message);
        }
        true
    }
}

/// Whether `key` belongs to an input method's composition (Chinese, Japanese, Korean,
/// Vietnamese keyboards), where Enter picks the characters and must not send the question
/// and Escape cancels the composition, not the dialog. Safari ends the composition before
/// the key's `keydown`, which then says it is not composing but carries the key code 229
/// that browsers give every key an input method takes.
fn is_input_method_key(key: &KeyboardEvent) -> bool {
    const INPUT_METHOD_KEY_CODE: u32 = 229;
    key.is_composing() || key.key_code() == INPUT_METHOD_KEY_CODE
}

/// Shows the easy-read text of an answer instead of the full one, or back.
fn toggle_simpler(button: &Element) {
    let Some(block) = button.parent_element() else {
        return;
    };
    let pressed = button.get_attribute("aria-pressed").as_deref() == Some("true");
    dom::set(
        button,
        "aria-pressed",
        if pressed { "false" } else { "true" },
    );
    for (selector, hide) in [(".body", !pressed), (".plain", pressed)] {
        if let Some(el) = dom::find(&block, selector) {
            dom::flag(&el, "hidden", hide);
        }
    }
}

/// The page's `<html lang>` and the browser's languages, as they are now.
fn page_languages(window: &Window, doc: &Document) -> PageLanguages {
    PageLanguages {
        page_lang: doc
            .document_element()
            .and_then(|html| html.get_attribute("lang")),
        languages: window
            .navigator()
            .languages()
            .iter()
            .filter_map(|tag| tag.as_string())
            .collect(),
    }
}

/// The UI strings for `lang`, fetched from the server (built-in English when that fails).
async fn fetch_texts(base: &str, lang: &str) -> Texts {
    let source = http::get_text(&locale::catalog_url(base, lang)).await;
    Texts::new(lang, source.as_deref())
}
