//! The dialog's fixed parts: heading, close button, transcript, input, status, the live-chat
//! bar, live region.

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlTextAreaElement, ShadowRoot};

use crate::config::Side;
use crate::dom;
use crate::ids;
use crate::markup::Markup;
use crate::settings::{Features, Settings};
use crate::texts::Texts;

/// Id of the dialog (the launcher's `aria-controls`).
pub const DIALOG_ID: &str = "wf-dialog";

/// The widget's fixed elements, inside the shadow root.
pub struct Chrome {
    /// The launcher button the loader drew (`#launcher`).
    pub launcher: HtmlElement,
    launcher_label: Option<HtmlElement>,
    /// The dialog (`#wf-dialog`), hidden while closed.
    pub dialog: HtmlElement,
    title: HtmlElement,
    description: HtmlElement,
    close_label: HtmlElement,
    /// The close button (`#wf-close`).
    pub close: HtmlElement,
    /// The transcript (`#wf-log`).
    pub log: HtmlElement,
    /// The question form.
    pub form: HtmlElement,
    input_label: HtmlElement,
    /// The question input (`#wf-input`).
    pub input: HtmlTextAreaElement,
    /// The send button (`#wf-send`).
    pub send: HtmlElement,
    status: HtmlElement,
    /// The bar shown during a live chat (`#wf-live`): its status and the "End chat" button.
    pub live: HtmlElement,
    /// The live chat's status line (`#wf-live-status`): queue, who answers, typing,
    /// reconnecting. Visual only: changes are announced through the live region.
    pub live_status: HtmlElement,
    /// The "End chat" button (`#wf-end`).
    pub end: HtmlElement,
    /// Whether a live chat is on (the input then writes to staff).
    live_on: Cell<bool>,
    /// The city's own heading and launcher text (`data-title`), if any.
    own_title: RefCell<Option<String>>,
    /// Whether the dialog is a kiosk's full screen.
    kiosk: Cell<bool>,
    /// The live region (`#wf-announcer`).
    pub announcer: HtmlElement,
    /// The language menu, display preferences and microphone button.
    pub settings: Settings,
}

/// The dialog and the live region, unlabelled ([`Chrome::relabel`] labels them): heading and
/// close button, the settings, description, transcript, status, the live-chat bar and the
/// question form.
pub fn markup(side: Side, features: Features, help_url: &str) -> String {
    let mut m = Markup::new();
    m.fill(
        "<div id=\"wf-dialog\" class=\"panel {}\" role=\"dialog\" aria-labelledby=\"wf-title\" \
         aria-describedby=\"wf-desc\" hidden><div class=\"head\"><h2 id=\"wf-title\"></h2>\
         <button id=\"wf-close\" type=\"button\" class=\"close\"><span aria-hidden=\"true\">×</span>\
         <span id=\"wf-close-label\" class=\"vh\"></span></button></div>",
        &[side.class()],
    );
    Settings::markup(&mut m, features, help_url);
    m.fill(
        "<p id=\"wf-desc\" class=\"desc\"></p>\
         <div id=\"wf-log\" role=\"log\" tabindex=\"0\"></div>\
         <p id=\"wf-status\" class=\"status\" hidden></p>\
         <div id=\"wf-live\" class=\"live\" hidden><p id=\"wf-live-status\" class=\"live-status\"></p>\
         <button id=\"wf-end\" type=\"button\" class=\"end\"></button></div>\
         <form id=\"wf-form\" class=\"ask\"><label id=\"wf-input-label\" for=\"wf-input\"></label>\
         <div class=\"row\"><textarea id=\"wf-input\" name=\"question\" rows=\"2\" maxlength=\"{}\" \
         autocomplete=\"off\" enterkeyhint=\"send\" dir=\"auto\"></textarea>",
        &[&protocol::MAX_QUESTION_CHARS.to_string()],
    );
    Settings::mic_markup(&mut m, features);
    m.raw(
        "<button id=\"wf-send\" type=\"submit\" aria-disabled=\"false\"></button></div></form></div>\
         <div id=\"wf-announcer\" class=\"vh\" aria-live=\"polite\" aria-atomic=\"true\"></div>",
    );
    m.finish()
}

impl Chrome {
    /// Builds the dialog and the live region into `root`, after the launcher, labelled in
    /// `texts`' language.
    pub fn build(
        root: &ShadowRoot,
        side: Side,
        features: Features,
        texts: &Texts,
        help_url: &str,
    ) -> Self {
        let by_id = |id| dom::by_id(root, id);
        let launcher = by_id("launcher");
        dom::set(&launcher, "aria-controls", DIALOG_ID);
        dom::insert_after(&launcher, &markup(side, features, help_url));
        let chrome = Self {
            launcher_label: dom::find(&launcher, ".label"),
            launcher,
            dialog: by_id(DIALOG_ID),
            title: by_id("wf-title"),
            description: by_id("wf-desc"),
            close_label: by_id("wf-close-label"),
            close: by_id("wf-close"),
            log: by_id("wf-log"),
            form: by_id("wf-form"),
            input_label: by_id("wf-input-label"),
            input: by_id("wf-input").unchecked_into(),
            send: by_id("wf-send"),
            status: by_id("wf-status"),
            live: by_id("wf-live"),
            live_status: by_id("wf-live-status"),
            end: by_id("wf-end"),
            live_on: Cell::new(false),
            own_title: RefCell::new(None),
            kiosk: Cell::new(false),
            announcer: by_id("wf-announcer"),
            settings: Settings::find(root, features, help_url),
        };
        chrome.relabel(texts);
        chrome
    }

    /// Writes every fixed label in `texts`' language and sets the dialog's `lang` and `dir`.
    pub fn relabel(&self, texts: &Texts) {
        let lang = texts.lang();
        dom::set_lang(&self.dialog, lang);
        // Announcements are mostly in the UI language (replies switch it to theirs).
        dom::set_lang(&self.announcer, lang);
        let own_title = self.own_title.borrow().clone();
        if let Some(label) = &self.launcher_label {
            label.set_text_content(Some(
                own_title.as_deref().unwrap_or(&texts.get(ids::LAUNCHER)),
            ));
            dom::set_lang(&self.launcher, lang);
        }
        dom::set(&self.log, "aria-label", &texts.get(ids::LOG_LABEL));
        let input_label = if self.live_on.get() {
            ids::LIVE_INPUT_LABEL
        } else {
            ids::INPUT_LABEL
        };
        let kiosk = self.kiosk.get();
        for (el, id) in [
            (&self.title, ids::TITLE),
            (
                &self.description,
                if kiosk {
                    ids::KIOSK_DESCRIPTION
                } else {
                    ids::DESCRIPTION
                },
            ),
            (
                &self.close_label,
                if kiosk {
                    ids::KIOSK_RESTART
                } else {
                    ids::CLOSE
                },
            ),
            (&self.input_label, input_label),
            (&self.send, ids::SEND),
            (&self.status, ids::SEARCHING),
            (&self.end, ids::LIVE_END),
        ] {
            el.set_text_content(Some(&texts.get(id)));
        }
        if let Some(own) = &own_title {
            self.title.set_text_content(Some(own));
        }
        self.settings.relabel(texts);
    }

    /// Applies the page's wishes: the city's own `title` for the heading and the launcher
    /// (shown as given, in every UI language), and `kiosk` mode — the dialog fills the
    /// screen, and the close button becomes a visible "Clear the screen" button.
    pub fn customise(&self, title: Option<String>, kiosk: bool, texts: &Texts) {
        *self.own_title.borrow_mut() = title;
        self.kiosk.set(kiosk);
        if kiosk {
            dom::set_class(&self.dialog, "kiosk", true);
            dom::set_class(&self.close_label, "vh", false);
            if let Some(cross) = self.close.first_element_child() {
                dom::flag(&cross, "hidden", true);
            }
        }
        self.relabel(texts);
    }

    /// Shows (or ends) the waiting state: the send button looks disabled but stays focusable,
    /// and a visible status says the widget is searching.
    pub fn set_busy(&self, busy: bool) {
        dom::set(
            &self.send,
            "aria-disabled",
            if busy { "true" } else { "false" },
        );
        self.status.set_hidden(!busy);
    }

    /// Replaces the waiting state's visible status (normally "Searching…", see
    /// [`Chrome::relabel`]) with `text`.
    pub fn set_status(&self, text: &str) {
        self.status.set_text_content(Some(text));
    }

    /// Turns live-chat mode on or off: the bar with its status and "End chat" button, and the
    /// input's label ("Your message" to staff, "Your question" to the bot).
    pub fn set_live(&self, on: bool, texts: &Texts) {
        self.live_on.set(on);
        self.live.set_hidden(!on);
        let label = if on {
            ids::LIVE_INPUT_LABEL
        } else {
            ids::INPUT_LABEL
        };
        self.input_label.set_text_content(Some(&texts.get(label)));
    }

    /// Whether live-chat mode is on.
    pub fn live_on(&self) -> bool {
        self.live_on.get()
    }

    /// Whether the dialog is open.
    pub fn is_open(&self) -> bool {
        !self.dialog.hidden()
    }

    /// Scrolls the transcript so `message` starts at its top (or to the end when the message is
    /// short).
    pub fn reveal(&self, message: &HtmlElement) {
        let top = message.offset_top() - 8;
        let bottom = self.log.scroll_height() - self.log.client_height();
        self.log.set_scroll_top(top.min(bottom).max(0));
    }
}
