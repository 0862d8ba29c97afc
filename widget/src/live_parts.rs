//! What live chat shares with the rest of the widget — the page, the dialog, the live region,
//! the UI strings, preferences and the bot conversation — with the transcript helpers that
//! [`crate::live`] and [`crate::live_submit`] both use.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use web_sys::{Document, Element, HtmlElement, ShadowRoot, Window};

use crate::announce::Announcer;
use crate::chrome::Chrome;
use crate::config::Config;
use crate::dom;
use crate::live_render::LiveView;
use crate::prefs::Prefs;
use crate::render::Renderer;
use crate::reply::Failure;
use crate::session::Session;
use crate::texts::Texts;

/// What the live chat shares with the rest of the widget.
#[derive(Clone)]
pub struct Parts {
    /// The page's window.
    pub window: Window,
    /// The page's document.
    pub doc: Document,
    /// The widget's shadow root (to find the focused element).
    pub root: ShadowRoot,
    /// Site and server.
    pub config: Config,
    /// The dialog's elements.
    pub chrome: Rc<Chrome>,
    /// The live region.
    pub announcer: Rc<Announcer>,
    /// The UI strings in use.
    pub texts: Rc<RefCell<Rc<Texts>>>,
    /// The display preferences (read aloud).
    pub prefs: Rc<Cell<Prefs>>,
    /// The bot conversation (handed to staff).
    pub session: Rc<RefCell<Session>>,
    /// Counter for unique element ids.
    pub uid: Rc<Cell<u32>>,
}

impl Parts {
    /// The UI strings in use now.
    pub fn texts(&self) -> Rc<Texts> {
        Rc::clone(&self.texts.borrow())
    }

    /// Builds live-chat messages with `texts`.
    pub fn view<'a>(&'a self, texts: &'a Texts) -> LiveView<'a> {
        LiveView {
            doc: &self.doc,
            texts,
        }
    }

    /// Builds the resident's and the bot's messages with `texts`.
    pub fn renderer<'a>(&'a self, texts: &'a Texts) -> Renderer<'a> {
        Renderer {
            doc: &self.doc,
            texts,
        }
    }

    /// Adds a message to the transcript and scrolls to it; focus stays where it is.
    pub fn append(&self, message: &HtmlElement) {
        dom::append(&self.chrome.log, message);
        self.chrome.reveal(message);
    }

    /// A note in the UI language (message `id`), shown and announced.
    pub fn show_note_text(&self, id: &str) {
        let texts = self.texts();
        self.append(&self.view(&texts).note(id, &[]));
        self.announcer.say(&texts.get(id));
    }

    /// The localised explanation of `failure`, shown and announced.
    pub fn show_failure(&self, failure: Failure) {
        let texts = self.texts();
        self.append(&self.renderer(&texts).failure(failure));
        self.announcer.add(&texts.get(&failure.message_id()));
    }

    /// Whether focus is on `el` or inside it.
    pub fn focus_within(&self, el: &Element) -> bool {
        self.root
            .active_element()
            .is_some_and(|active| el.contains(Some(&active)))
    }

    /// A number for ids unique within the widget.
    pub fn uid(&self) -> u32 {
        let uid = self.uid.get();
        self.uid.set(uid.wrapping_add(1));
        uid
    }
}
