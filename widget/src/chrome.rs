//! The dialog's fixed parts: heading, close button, transcript, input, status, the live-chat
//! bar, live region.

use std::cell::{Cell, RefCell};

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, HtmlTextAreaElement, ShadowRoot};

use crate::config::Side;
use crate::dom;
use crate::ids;
use crate::settings::{Features, Settings};
use crate::texts::Texts;

/// Id of the dialog (the launcher's `aria-controls`).
pub const DIALOG_ID: &str = "wf-dialog";

/// The widget's fixed elements, inside the shadow root.
pub struct Chrome {
    /// The launcher button the loader drew (`#launcher`).
    pub launcher: HtmlElement,
    launcher_label: Option<Element>,
    /// The dialog (`#wf-dialog`), hidden while closed.
    pub dialog: HtmlElement,
    title: Element,
    description: Element,
    close_label: Element,
    /// The close button (`#wf-close`).
    pub close: HtmlElement,
    /// The transcript (`#wf-log`).
    pub log: HtmlElement,
    /// The question form.
    pub form: Element,
    input_label: Element,
    /// The question input (`#wf-input`).
    pub input: HtmlTextAreaElement,
    /// The send button (`#wf-send`).
    pub send: HtmlElement,
    status: Element,
    /// The bar shown during a live chat (`#wf-live`): its status and the "End chat" button.
    pub live: HtmlElement,
    /// The live chat's status line (`#wf-live-status`): queue, who answers, typing,
    /// reconnecting. Visual only: changes are announced through the live region.
    pub live_status: Element,
    /// The "End chat" button (`#wf-end`).
    pub end: HtmlElement,
    /// Whether a live chat is on (the input then writes to staff).
    live_on: Cell<bool>,
    /// The city's own heading and launcher text (`data-title`), if any.
    own_title: RefCell<Option<String>>,
    /// Whether the dialog is a kiosk's full screen.
    kiosk: Cell<bool>,
    /// The live region (`#wf-announcer`).
    pub announcer: Element,
    /// The language menu, display preferences and microphone button.
    pub settings: Settings,
}

impl Chrome {
    /// Builds the dialog and the live region into `root`, next to the launcher, labelled in
    /// `texts`' language.
    pub fn build(
        doc: &Document,
        root: &ShadowRoot,
        side: Side,
        features: Features,
        texts: &Texts,
        help_url: &str,
    ) -> Result<Self, JsValue> {
        let launcher: HtmlElement = root
            .get_element_by_id("launcher")
            .ok_or_else(|| JsValue::from_str("wayfinder: no #launcher in the shadow root"))?
            .dyn_into()?;
        let launcher_label = launcher.query_selector(".label")?;
        launcher.set_attribute("aria-controls", DIALOG_ID)?;

        let panel_class = format!("panel {}", side.class());
        let dialog: HtmlElement = dom::element(
            doc,
            "div",
            &[
                ("id", DIALOG_ID),
                ("class", &panel_class),
                ("role", "dialog"),
                ("aria-labelledby", "wf-title"),
                ("aria-describedby", "wf-desc"),
            ],
        )?
        .dyn_into()?;
        dialog.set_hidden(true);

        let head = dom::element(doc, "div", &[("class", "head")])?;
        let title = dom::element(doc, "h2", &[("id", "wf-title")])?;
        let close: HtmlElement = dom::element(
            doc,
            "button",
            &[("id", "wf-close"), ("type", "button"), ("class", "close")],
        )?
        .dyn_into()?;
        close.append_child(dom::text(doc, "span", &[("aria-hidden", "true")], "×")?.as_ref())?;
        let close_label = dom::hidden_text(doc, "")?;
        close.append_child(&close_label)?;
        head.append_child(&title)?;
        head.append_child(&close)?;
        let settings = Settings::build(doc, features, help_url)?;

        let description = dom::element(doc, "p", &[("id", "wf-desc"), ("class", "desc")])?;
        let log: HtmlElement = dom::element(
            doc,
            "div",
            &[("id", "wf-log"), ("role", "log"), ("tabindex", "0")],
        )?
        .dyn_into()?;
        let status = dom::element(doc, "p", &[("id", "wf-status"), ("class", "status")])?;
        status.set_attribute("hidden", "")?;
        let live: HtmlElement =
            dom::element(doc, "div", &[("id", "wf-live"), ("class", "live")])?.dyn_into()?;
        live.set_hidden(true);
        let live_status = dom::element(
            doc,
            "p",
            &[("id", "wf-live-status"), ("class", "live-status")],
        )?;
        let end: HtmlElement = dom::element(
            doc,
            "button",
            &[("id", "wf-end"), ("type", "button"), ("class", "end")],
        )?
        .dyn_into()?;
        live.append_child(&live_status)?;
        live.append_child(&end)?;

        let form = dom::element(doc, "form", &[("class", "ask")])?;
        let input_label = dom::element(doc, "label", &[("for", "wf-input")])?;
        let row = dom::element(doc, "div", &[("class", "row")])?;
        let max = protocol::MAX_QUESTION_CHARS.to_string();
        let input: HtmlTextAreaElement = dom::element(
            doc,
            "textarea",
            &[
                ("id", "wf-input"),
                ("name", "question"),
                ("rows", "2"),
                ("maxlength", &max),
                ("autocomplete", "off"),
                ("enterkeyhint", "send"),
            ],
        )?
        .dyn_into()?;
        let send: HtmlElement = dom::element(
            doc,
            "button",
            &[
                ("id", "wf-send"),
                ("type", "submit"),
                ("aria-disabled", "false"),
            ],
        )?
        .dyn_into()?;
        row.append_child(&input)?;
        if let Some(mic) = &settings.mic {
            row.append_child(mic)?;
        }
        row.append_child(&send)?;
        form.append_child(&input_label)?;
        form.append_child(&row)?;

        let parts: [&Element; 9] = [
            &head,
            &settings.tools,
            &settings.lang_list,
            &settings.prefs_panel,
            &description,
            &log,
            &status,
            &live,
            &form,
        ];
        for part in parts {
            dialog.append_child(part)?;
        }
        let announcer = dom::element(
            doc,
            "div",
            &[
                ("id", "wf-announcer"),
                ("class", "vh"),
                ("aria-live", "polite"),
                ("aria-atomic", "true"),
            ],
        )?;
        root.append_child(&dialog)?;
        root.append_child(&announcer)?;

        let chrome = Self {
            launcher,
            launcher_label,
            dialog,
            title,
            description,
            close_label,
            close,
            log,
            form,
            input_label,
            input,
            send,
            status,
            live,
            live_status,
            end,
            live_on: Cell::new(false),
            own_title: RefCell::new(None),
            kiosk: Cell::new(false),
            announcer,
            settings,
        };
        chrome.relabel(texts)?;
        Ok(chrome)
    }

    /// Writes every fixed label in `texts`' language and sets the dialog's `lang` and `dir`.
    pub fn relabel(&self, texts: &Texts) -> Result<(), JsValue> {
        let lang = texts.lang();
        dom::set_lang(&self.dialog, lang)?;
        // Announcements are mostly in the UI language (replies switch it to theirs).
        dom::set_lang(&self.announcer, lang)?;
        let own_title = self.own_title.borrow().clone();
        if let Some(label) = &self.launcher_label {
            label.set_text_content(Some(
                own_title.as_deref().unwrap_or(&texts.get(ids::LAUNCHER)),
            ));
            dom::set_lang(&self.launcher, lang)?;
        }
        self.log
            .set_attribute("aria-label", &texts.get(ids::LOG_LABEL))?;
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
            (self.send.as_ref(), ids::SEND),
            (&self.status, ids::SEARCHING),
            (self.end.as_ref(), ids::LIVE_END),
        ] {
            el.set_text_content(Some(&texts.get(id)));
        }
        if let Some(own) = &own_title {
            self.title.set_text_content(Some(own));
        }
        self.settings.relabel(texts)
    }

    /// Applies the page's wishes: the city's own `title` for the heading and the launcher
    /// (shown as given, in every UI language), and `kiosk` mode — the dialog fills the
    /// screen, and the close button becomes a visible "Clear the screen" button.
    pub fn customise(
        &self,
        title: Option<String>,
        kiosk: bool,
        texts: &Texts,
    ) -> Result<(), JsValue> {
        *self.own_title.borrow_mut() = title;
        self.kiosk.set(kiosk);
        if kiosk {
            self.dialog.class_list().add_1("kiosk")?;
            self.close_label.class_list().remove_1("vh")?;
            if let Some(cross) = self.close.first_element_child() {
                cross.set_attribute("hidden", "")?;
            }
        }
        self.relabel(texts)
    }

    /// Shows (or ends) the waiting state: the send button looks disabled but stays focusable,
    /// and a visible status says the widget is searching.
    pub fn set_busy(&self, busy: bool) -> Result<(), JsValue> {
        self.send
            .set_attribute("aria-disabled", if busy { "true" } else { "false" })?;
        if busy {
            self.status.remove_attribute("hidden")
        } else {
            self.status.set_attribute("hidden", "")
        }
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
