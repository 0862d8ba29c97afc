//! The guided form's elements: the form in the transcript, each step with real form controls
//! (a labelled input, or radio buttons or checkboxes in a `<fieldset>` with its `<legend>`),
//! the review of everything entered with a "Change" button per step, and what replaces the
//! form once it is sent.
//!
//! Each step is written whole as escaped markup ([`StepMarkup`], pure and tested natively)
//! and put in place at once. The service's questions are in the service's language
//! (`form.lang`); the widget's own words are in the UI language.

use protocol::requests::{Datatype, FormQuestion, MAX_DESCRIPTION_CHARS, RequestReceipt};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement};

use crate::dom;
use crate::ids;
use crate::markup::Markup;
use crate::numbers;
use crate::report_draft::{self, Draft, MAX_LINE_CHARS, Step};
use crate::texts::{Arg, Part, Texts};

/// Builds the guided form's elements in the UI language of `texts`.
pub struct ReportView<'a> {
    /// Where elements are created.
    pub doc: &'a Document,
    /// The UI strings.
    pub texts: &'a Texts,
    /// Prefix of every id inside this form (unique in the widget).
    pub prefix: &'a str,
}

impl ReportView<'_> {
    fn markup(&self) -> StepMarkup<'_> {
        StepMarkup {
            texts: self.texts,
            prefix: self.prefix,
            number: numbers::format,
        }
    }

    /// The form in its transcript message, with the service's name as its heading; the steps
    /// are drawn by [`ReportView::step`].
    pub fn shell(&self, draft: &Draft) -> Result<(HtmlElement, Element), JsValue> {
        let message: HtmlElement = dom::element(
            self.doc,
            "div",
            &[("class", "message bot report-message"), ("tabindex", "-1")],
        )?
        .dyn_into()?;
        dom::set_lang(&message, self.texts.lang())?;
        message.set_inner_html(&self.markup().shell(draft));
        let form = message
            .query_selector("form")?
            .ok_or_else(|| JsValue::from_str("wayfinder: no form"))?;
        Ok((message, form))
    }

    /// Draws the current step of `draft` into `form`: progress, fields with what was entered,
    /// and the buttons. Returns the element to focus first.
    pub fn step(&self, form: &Element, draft: &Draft) -> Result<Option<HtmlElement>, JsValue> {
        let markup = self.markup();
        let parts = [
            (".progress", markup.progress(draft)),
            (".step", markup.body(draft)),
            (".report-buttons", markup.buttons(draft)),
        ];
        for (selector, html) in parts {
            if let Some(el) = form.query_selector(selector)? {
                el.set_inner_html(&html);
            }
        }
        if let Some(error) = form.query_selector(".form-error")? {
            error.set_text_content(None);
            error.set_attribute("hidden", "")?;
        }
        let Some(container) = form.query_selector(".step")? else {
            return Ok(None);
        };
        let first = if draft.step() == Step::Review {
            container.query_selector("h4")?
        } else {
            // The chosen answer, else the first field (a selector list matches in page order).
            match container.query_selector("input:checked")? {
                Some(checked) => Some(checked),
                None => container.query_selector("input, textarea")?,
            }
        };
        Ok(first.and_then(|el| el.dyn_into::<HtmlElement>().ok()))
    }

    /// Fills the "your location was found" line.
    pub fn located_into(&self, located: &Element, accuracy: f64) -> Result<(), JsValue> {
        let mut m = Markup::new();
        self.markup().located(&mut m, accuracy);
        located.set_inner_html(&m.finish());
        located.remove_attribute("hidden")
    }

    /// What replaces a sent form — the tracking number (or that it comes soon), what the city
    /// says about such requests, the link to follow the request — and what is announced.
    pub fn sent(&self, receipt: &RequestReceipt) -> Result<(Element, String), JsValue> {
        let done = dom::element(self.doc, "div", &[("class", "report-done")])?;
        done.set_inner_html(&self.markup().sent(receipt));
        let spoken = match &receipt.service_request_id {
            Some(id) => self.texts.format(ids::REPORT_SENT, &[("id", id)]),
            None => self.texts.get(ids::REPORT_SENT_PENDING),
        };
        Ok((done, spoken))
    }

    /// Why the form could not be sent, with the city's phone and online form to fall back on,
    /// in `error`; returns what to announce.
    pub fn failed_into(
        &self,
        error: &Element,
        phone: &str,
        form_url: Option<&str>,
    ) -> Result<String, JsValue> {
        error.set_inner_html(&self.markup().failed(phone, form_url));
        error.remove_attribute("hidden")?;
        Ok(self.texts.format(ids::REPORT_FAILED, &[("phone", phone)]))
    }

    /// `n` with its text in the UI language, for a message's variable.
    pub fn number(&self, n: usize) -> Shown {
        Shown(n as f64, self.markup().num(n))
    }
}

/// A number and its text in the UI language, for a message's variable.
pub struct Shown(f64, String);

impl Shown {
    /// The message variable.
    pub fn as_arg(&self) -> Arg<'_> {
        Arg::Number(self.0, &self.1)
    }
}

/// The guided form's markup, escaped, in the UI language of `texts`.
pub struct StepMarkup<'a> {
    /// The UI strings.
    pub texts: &'a Texts,
    /// Prefix of every id inside the form.
    pub prefix: &'a str,
    /// A number's text in a language (the browser's `Intl` in the widget).
    pub number: fn(u32, &str) -> String,
}

impl StepMarkup<'_> {
    /// `n` as the UI language writes it.
    fn num(&self, n: usize) -> String {
        (self.number)(u32::try_from(n).unwrap_or(u32::MAX), self.texts.lang())
    }

    /// The form's frame: heading (the service's name), progress, the step, the form-wide
    /// error and the buttons.
    pub fn shell(&self, draft: &Draft) -> String {
        let p = self.prefix;
        let title = format!("{p}-title");
        let mut m = Markup::new();
        m.element("span", &[("class", "vh")], &self.texts.get(ids::SENDER_BOT))
            .open(
                "form",
                &[
                    ("class", "report"),
                    ("novalidate", ""),
                    ("aria-labelledby", &title),
                    ("data-report", p),
                ],
            )
            .element(
                "h3",
                &lang_attrs(&title, &draft.form.lang),
                &draft.form.name,
            )
            .element(
                "p",
                &[("class", "progress"), ("id", &format!("{p}-progress"))],
                "",
            )
            .element("div", &[("class", "step")], "")
            .element(
                "p",
                &[
                    ("class", "field-error form-error"),
                    ("id", &format!("{p}-error")),
                    ("hidden", ""),
                ],
                "",
            )
            .element("div", &[("class", "report-buttons")], "")
            .close("form");
        m.finish()
    }

    /// "Step 2 of 6".
    pub fn progress(&self, draft: &Draft) -> String {
        let (step, total) = (self.num(draft.at + 1), self.num(draft.total()));
        let mut m = Markup::new();
        m.text(&self.texts.format_args(
            ids::REPORT_STEP,
            &[
                ("step", Arg::Number((draft.at + 1) as f64, &step)),
                ("total", Arg::Number(draft.total() as f64, &total)),
            ],
        ));
        m.finish()
    }

    /// Next (Send on the review), Back after the first step, Cancel.
    pub fn buttons(&self, draft: &Draft) -> String {
        let submit = if draft.step() == Step::Review {
            ids::REPORT_SUBMIT
        } else {
            ids::REPORT_NEXT
        };
        let mut m = Markup::new();
        m.element(
            "button",
            &[("type", "submit"), ("class", "submit")],
            &self.texts.get(submit),
        );
        if draft.at > 0 {
            self.button(&mut m, "back", ids::REPORT_BACK);
        }
        self.button(&mut m, "cancel", ids::REPORT_CANCEL);
        m.finish()
    }

    /// The current step's fields, holding what was entered.
    pub fn body(&self, draft: &Draft) -> String {
        let mut m = Markup::new();
        let step = draft.step();
        match step {
            Step::Question(_) => {
                if let Some(q) = draft.question(step) {
                    self.question(&mut m, q, draft);
                }
            }
            Step::Where => self.where_step(&mut m, draft),
            Step::Details => self.details(&mut m, draft),
            Step::Contact => self.contact(&mut m, draft),
            Step::Review => self.review(&mut m, draft),
        }
        m.finish()
    }

    fn button(&self, m: &mut Markup, class: &str, label: &str) {
        m.element(
            "button",
            &[("type", "button"), ("class", class)],
            &self.texts.get(label),
        );
    }

    /// The ids that describe a field: the step's progress, then its hint if any.
    fn described(&self, hint: Option<&str>) -> String {
        match hint {
            Some(hint) => format!("{}-progress {hint}", self.prefix),
            None => format!("{}-progress", self.prefix),
        }
    }

    /// A label's (or legend's) words: the question in its language, then "(required)" or
    /// "(optional)".
    fn label_words(&self, m: &mut Markup, text: &str, lang: &str, required: bool) {
        let note = if required {
            ids::REPORT_REQUIRED
        } else {
            ids::REPORT_OPTIONAL
        };
        m.element("span", &lang_attrs("", lang), text)
            .text(" ")
            .element("span", &[("class", "need")], &self.texts.get(note));
    }

    fn hint(&self, m: &mut Markup, id: &str, text: &str, lang: Option<&str>) {
        let dir = lang.map(|l| i18n::direction(l).as_str());
        m.element(
            "p",
            &[
                ("class", "hint"),
                ("id", id),
                (if lang.is_some() { "lang" } else { "" }, lang.unwrap_or("")),
                (if dir.is_some() { "dir" } else { "" }, dir.unwrap_or("")),
            ],
            text,
        );
    }

    fn error_slot(&self, m: &mut Markup, field_id: &str) {
        m.element(
            "p",
            &[
                ("class", "field-error"),
                ("id", &format!("{field_id}-error")),
                ("hidden", ""),
            ],
            "",
        );
    }

    /// One question of the service, with the control its datatype calls for.
    fn question(&self, m: &mut Markup, q: &FormQuestion, draft: &Draft) {
        let lang = draft.form.lang.as_str();
        let name = report_draft::question_field(q);
        let field_id = format!("{}-{name}", self.prefix);
        let hint_id = format!("{field_id}-hint");
        let hint = q.hint.as_deref();
        let described = self.described(hint.map(|_| hint_id.as_str()));
        let values = draft.answer(&q.code);
        let list = matches!(
            q.datatype,
            Datatype::Singlevaluelist | Datatype::Multivaluelist
        );
        if list {
            let kind = if q.datatype == Datatype::Singlevaluelist {
                "radio"
            } else {
                "checkbox"
            };
            m.open(
                "fieldset",
                &[("id", &field_id), ("aria-describedby", &described)],
            )
            .open("legend", &[]);
            self.label_words(m, &q.description, lang, q.required);
            m.close("legend");
            if let Some(hint) = hint {
                self.hint(m, &hint_id, hint, Some(lang));
            }
            m.open("div", &[("class", "options")]);
            for (i, value) in q.values.iter().enumerate() {
                let input_id = format!("{field_id}-{i}");
                let checked = if values.contains(&value.key) {
                    "checked"
                } else {
                    ""
                };
                m.open("div", &[("class", "option")])
                    .open(
                        "input",
                        &[
                            ("type", kind),
                            ("id", &input_id),
                            ("name", &name),
                            ("value", &value.key),
                            (checked, ""),
                        ],
                    )
                    .element("label", &lang_with("for", &input_id, lang), &value.name)
                    .close("div");
            }
            m.close("div");
            self.error_slot(m, &field_id);
            m.close("fieldset");
            return;
        }
        m.open("div", &[("class", "field")])
            .open("label", &[("for", &field_id)]);
        self.label_words(m, &q.description, lang, q.required);
        m.close("label");
        if let Some(hint) = hint {
            self.hint(m, &hint_id, hint, Some(lang));
        }
        let current = values.first().map(String::as_str).unwrap_or_default();
        let required = if q.required { "aria-required" } else { "" };
        let mut attrs: Vec<(&str, &str)> = vec![
            ("id", &field_id),
            ("name", &name),
            ("aria-describedby", &described),
            (required, "true"),
        ];
        let long = MAX_DESCRIPTION_CHARS.to_string();
        let line = MAX_LINE_CHARS.to_string();
        if q.datatype == Datatype::Text {
            attrs.extend([("rows", "4"), ("maxlength", long.as_str())]);
            m.open("textarea", &attrs).text(current).close("textarea");
        } else {
            attrs.extend(match q.datatype {
                Datatype::Number => [("type", "text"), ("inputmode", "decimal")],
                Datatype::Datetime => [("type", "datetime-local"), ("", "")],
                _ => [("type", "text"), ("maxlength", line.as_str())],
            });
            attrs.push(("value", current));
            m.open("input", &attrs);
        }
        self.error_slot(m, &field_id);
        m.close("div");
    }

    /// Where: the address, or "Use my location" where the browser can tell it (the row is
    /// shown by the controller only then).
    fn where_step(&self, m: &mut Markup, draft: &Draft) {
        let p = self.prefix;
        m.open("fieldset", &[])
            .element("legend", &[], &self.texts.get(ids::REPORT_WHERE));
        let address_id = format!("{p}-address");
        let hint_id = format!("{address_id}-hint");
        let line = MAX_LINE_CHARS.to_string();
        m.open("div", &[("class", "field")]).element(
            "label",
            &[("for", &address_id)],
            &self.texts.get(ids::REPORT_ADDRESS),
        );
        self.hint(m, &hint_id, &self.texts.get(ids::REPORT_ADDRESS_HINT), None);
        m.open(
            "input",
            &[
                ("id", &address_id),
                ("name", "address"),
                ("type", "text"),
                ("autocomplete", "street-address"),
                ("maxlength", &line),
                ("value", &draft.address),
                ("aria-describedby", &self.described(Some(&hint_id))),
            ],
        );
        self.error_slot(m, &address_id);
        m.close("div");
        let locate_hint = format!("{p}-locate-hint");
        m.open("div", &[("class", "locate-row"), ("hidden", "")])
            .element(
                "button",
                &[
                    ("type", "button"),
                    ("class", "locate"),
                    ("aria-describedby", &locate_hint),
                ],
                &self.texts.get(ids::REPORT_LOCATE),
            );
        self.hint(
            m,
            &locate_hint,
            &self.texts.get(ids::REPORT_LOCATE_HINT),
            None,
        );
        match draft.position {
            Some(position) => {
                m.open("p", &[("class", "located")]);
                self.located(m, position.accuracy);
                m.close("p");
            }
            None => {
                m.element("p", &[("class", "located"), ("hidden", "")], "");
            }
        }
        m.close("div").close("fieldset");
    }

    /// "Your location was found (accurate to about N m)".
    fn located(&self, m: &mut Markup, accuracy: f64) {
        // Whole metres; a position off by more than 1,000 km is no position anyway.
        let meters = accuracy.round().clamp(1.0, 1e6) as usize;
        let shown = self.num(meters);
        rich(
            m,
            self.texts,
            ids::REPORT_LOCATED,
            &[("meters", Arg::Number(meters as f64, &shown))],
        );
    }

    /// More details: a description and a photo link.
    fn details(&self, m: &mut Markup, draft: &Draft) {
        let p = self.prefix;
        m.open("fieldset", &[])
            .element("legend", &[], &self.texts.get(ids::REPORT_DETAILS));
        let max = self.num(MAX_DESCRIPTION_CHARS);
        let hint = self.texts.format_args(
            ids::REPORT_DESCRIPTION_HINT,
            &[("max", Arg::Number(MAX_DESCRIPTION_CHARS as f64, &max))],
        );
        let long = MAX_DESCRIPTION_CHARS.to_string();
        self.text_field(
            m,
            &format!("{p}-description"),
            ids::REPORT_DESCRIPTION,
            Some(&hint),
            (
                "textarea",
                &[("name", "description"), ("rows", "4"), ("maxlength", &long)],
            ),
            &draft.description,
        );
        self.text_field(
            m,
            &format!("{p}-media_url"),
            ids::REPORT_PHOTO,
            Some(&self.texts.get(ids::REPORT_PHOTO_HINT)),
            (
                "input",
                &[("name", "media_url"), ("type", "url"), ("inputmode", "url")],
            ),
            &draft.media_url,
        );
        m.close("fieldset");
    }

    /// How to reach the resident, all optional, with the browser's autofill purposes.
    fn contact(&self, m: &mut Markup, draft: &Draft) {
        let p = self.prefix;
        let hint_id = format!("{p}-contact-hint");
        m.open(
            "fieldset",
            &[("aria-describedby", &self.described(Some(&hint_id)))],
        )
        .element("legend", &[], &self.texts.get(ids::REPORT_CONTACT));
        self.hint(m, &hint_id, &self.texts.get(ids::REPORT_CONTACT_HINT), None);
        let c = &draft.contact;
        let line = MAX_LINE_CHARS.to_string();
        for (name, label, kind, autocomplete, value) in [
            (
                "first_name",
                ids::REPORT_FIRST_NAME,
                "text",
                "given-name",
                &c.first_name,
            ),
            (
                "last_name",
                ids::REPORT_LAST_NAME,
                "text",
                "family-name",
                &c.last_name,
            ),
            ("email", ids::REPORT_EMAIL, "email", "email", &c.email),
            ("phone", ids::REPORT_PHONE, "tel", "tel", &c.phone),
        ] {
            self.text_field(
                m,
                &format!("{p}-{name}"),
                label,
                None,
                (
                    "input",
                    &[
                        ("name", name),
                        ("type", kind),
                        ("autocomplete", autocomplete),
                        ("maxlength", &line),
                    ],
                ),
                value,
            );
        }
        m.close("fieldset");
    }

    /// Everything entered, step by step, each with a "Change" button.
    fn review(&self, m: &mut Markup, draft: &Draft) {
        m.open("div", &[("class", "review")])
            .element(
                "h4",
                &[("tabindex", "-1")],
                &self.texts.get(ids::REPORT_REVIEW),
            )
            .open("dl", &[]);
        let not_given = self.texts.get(ids::REPORT_NOT_GIVEN);
        let ui = self.texts.lang();
        let joined = |parts: &[&String], by: &str| {
            let parts: Vec<&str> = parts
                .iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect();
            (!parts.is_empty()).then(|| parts.join(by))
        };
        for (i, step) in draft.steps().iter().enumerate() {
            let (what, what_lang, shown, shown_lang) = match step {
                Step::Question(_) => {
                    let Some(q) = draft.question(*step) else {
                        continue;
                    };
                    let lang = draft.form.lang.as_str();
                    (q.description.clone(), lang, draft.shown_answer(q), lang)
                }
                Step::Where => {
                    let mut parts: Vec<String> = Vec::new();
                    if !draft.address.trim().is_empty() {
                        parts.push(draft.address.trim().to_owned());
                    }
                    if let Some(position) = draft.position {
                        parts.push(self.texts.format(
                            ids::REPORT_MY_LOCATION,
                            &[
                                ("lat", &coordinate(position.lat)),
                                ("long", &coordinate(position.long)),
                            ],
                        ));
                    }
                    let shown = (!parts.is_empty()).then(|| parts.join("; "));
                    (self.texts.get(ids::REPORT_WHERE_LABEL), ui, shown, ui)
                }
                Step::Details => (
                    self.texts.get(ids::REPORT_DETAILS),
                    ui,
                    joined(&[&draft.description, &draft.media_url], "\n"),
                    "",
                ),
                Step::Contact => {
                    let c = &draft.contact;
                    (
                        self.texts.get(ids::REPORT_CONTACT),
                        ui,
                        joined(&[&c.first_name, &c.last_name, &c.email, &c.phone], ", "),
                        "",
                    )
                }
                Step::Review => continue,
            };
            let answer_lang = if shown.is_some() { shown_lang } else { ui };
            let index = i.to_string();
            let change = self
                .texts
                .format(ids::REPORT_CHANGE_LABEL, &[("what", &what)]);
            m.element("dt", &lang_attrs("", what_lang), &what)
                .open("dd", &[])
                .element(
                    "p",
                    &[
                        ("class", "answer"),
                        (
                            if answer_lang.is_empty() { "" } else { "lang" },
                            answer_lang,
                        ),
                    ],
                    shown.as_deref().unwrap_or(&not_given),
                )
                .element(
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "change"),
                        ("data-step", &index),
                        ("aria-label", &change),
                    ],
                    &self.texts.get(ids::REPORT_CHANGE),
                )
                .close("dd");
        }
        m.close("dl").close("div");
    }

    /// A labelled text field — `control` is the tag and its attributes — with its hint and
    /// error slot, holding `value`.
    fn text_field(
        &self,
        m: &mut Markup,
        id: &str,
        label: &str,
        hint: Option<&str>,
        control: (&str, &[(&str, &str)]),
        value: &str,
    ) {
        let hint_id = format!("{id}-hint");
        m.open("div", &[("class", "field")]).element(
            "label",
            &[("for", id)],
            &self.texts.get(label),
        );
        if let Some(hint) = hint {
            self.hint(m, &hint_id, hint, None);
        }
        let (tag, attrs) = control;
        let mut all: Vec<(&str, &str)> = vec![("id", id)];
        all.extend_from_slice(attrs);
        if hint.is_some() {
            all.push(("aria-describedby", &hint_id));
        }
        if tag == "textarea" {
            m.open("textarea", &all).text(value).close("textarea");
        } else {
            all.push(("value", value));
            m.open("input", &all);
        }
        self.error_slot(m, id);
        m.close("div");
    }

    /// The thank-you of a sent form: tracking number (or that it comes soon), the city's
    /// notice, the link to the status page.
    pub fn sent(&self, receipt: &RequestReceipt) -> String {
        let mut m = Markup::new();
        m.open("p", &[("class", "form-done"), ("tabindex", "-1")]);
        match &receipt.service_request_id {
            Some(id) => rich(
                &mut m,
                self.texts,
                ids::REPORT_SENT,
                &[("id", Arg::Text(id))],
            ),
            None => {
                m.text(&self.texts.get(ids::REPORT_SENT_PENDING));
            }
        }
        m.close("p");
        if let Some(notice) = &receipt.service_notice {
            m.open("p", &[("class", "text")]);
            rich(
                &mut m,
                self.texts,
                ids::REPORT_NOTICE,
                &[("notice", Arg::Text(notice))],
            );
            m.close("p");
        }
        if crate::links::is_safe(&receipt.track_url) {
            self.new_tab_link(&mut m, "action", &receipt.track_url, ids::REPORT_TRACK);
        }
        m.finish()
    }

    /// Why sending failed, with the city's phone and its own form.
    pub fn failed(&self, phone: &str, form_url: Option<&str>) -> String {
        let mut m = Markup::new();
        rich(
            &mut m,
            self.texts,
            ids::REPORT_FAILED,
            &[("phone", Arg::Text(phone))],
        );
        if let Some(url) = form_url.filter(|url| crate::links::is_safe(url)) {
            m.text(" ");
            self.new_tab_link(&mut m, "", url, ids::REPORT_FORM_LINK);
        }
        m.finish()
    }

    fn new_tab_link(&self, m: &mut Markup, class: &str, url: &str, label: &str) {
        m.open(
            "a",
            &[
                (if class.is_empty() { "" } else { "class" }, class),
                ("href", url),
                ("target", "_blank"),
                ("rel", "noopener"),
            ],
        )
        .text(&self.texts.get(label))
        .text(" ")
        .element("span", &[("class", "vh")], &self.texts.get(ids::NEW_TAB))
        .close("a");
    }
}

/// `id` (when not empty), `lang` and `dir` attributes for text in `lang`.
fn lang_attrs<'a>(id: &'a str, lang: &'a str) -> [(&'a str, &'a str); 3] {
    lang_with("id", id, lang)
}

/// `key="value"` (left out when `value` is empty), `lang` and `dir` attributes for text in
/// `lang`.
fn lang_with<'a>(key: &'a str, value: &'a str, lang: &'a str) -> [(&'a str, &'a str); 3] {
    [
        (if value.is_empty() { "" } else { key }, value),
        ("lang", lang),
        ("dir", i18n::direction(lang).as_str()),
    ]
}

/// Message `id` with `args`: its words as text, each value in a `<bdi>` so it keeps its own
/// direction inside right-to-left text.
fn rich(m: &mut Markup, texts: &Texts, id: &str, args: &[(&str, Arg<'_>)]) {
    for part in texts.parts(id, args) {
        match part {
            Part::Text(words) => {
                m.text(&words);
            }
            Part::Arg(i) => {
                let value = args.get(i).map_or("", |(_, value)| value.shown());
                m.element("bdi", &[], value);
            }
        }
    }
}

/// A coordinate with five decimals (about a metre), by the browser in the wasm: Rust's float
/// formatting would add kilobytes to the widget.
#[cfg(target_arch = "wasm32")]
fn coordinate(value: f64) -> String {
    js_sys::Number::from(value)
        .to_fixed(5)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}

/// A coordinate with five decimals (about a metre).
#[cfg(not(target_arch = "wasm32"))]
fn coordinate(value: f64) -> String {
    format!("{value:.5}")
}

#[cfg(test)]
mod tests {
    use protocol::requests::{FormValue, ServiceForm};

    use super::*;

    fn draft() -> Draft {
        Draft::new(ServiceForm {
            service_code: "pothole".into(),
            name: "Reportar un <b>bache</b>".into(),
            lang: "es".into(),
            questions: vec![FormQuestion {
                code: "size".into(),
                description: "¿Qué tamaño? <script>alert(1)</script>".into(),
                datatype: Datatype::Singlevaluelist,
                required: true,
                hint: Some("Compárelo \"así\".".into()),
                values: vec![
                    FormValue {
                        key: "s".into(),
                        name: "Pequeño".into(),
                    },
                    FormValue {
                        key: "l\"><x".into(),
                        name: "Grande".into(),
                    },
                ],
            }],
            form_url: None,
            phone: "311".into(),
        })
    }

    fn markup(texts: &Texts) -> StepMarkup<'_> {
        StepMarkup {
            texts,
            prefix: "wf-rq1",
            number: |n, _| n.to_string(),
        }
    }

    #[test]
    fn server_text_is_escaped_and_answers_are_kept() {
        let texts = Texts::new("en", None);
        let mut d = draft();
        d.set_answer("size", vec!["l\"><x".into()]);
        let body = markup(&texts).body(&d);
        assert!(!body.contains("<script>"), "{body}");
        assert!(body.contains("&lt;script&gt;"), "{body}");
        assert!(
            body.contains("value=\"l&quot;&gt;&lt;x\" checked>"),
            "{body}"
        );
        assert!(
            body.contains("<legend><span lang=\"es\" dir=\"ltr\">"),
            "{body}"
        );
        assert!(
            body.contains("aria-describedby=\"wf-rq1-progress wf-rq1-q-size-hint\""),
            "{body}"
        );
        let shell = markup(&texts).shell(&d);
        assert!(
            shell.contains("Reportar un &lt;b&gt;bache&lt;/b&gt;"),
            "{shell}"
        );
        assert_eq!(markup(&texts).progress(&d), "Step 1 of 5");
    }

    #[test]
    fn the_review_lists_every_step_with_a_change_button() {
        let texts = Texts::new("en", None);
        let mut d = draft();
        d.set_answer("size", vec!["s".into()]);
        d.address = "120 Main St".into();
        d.at = d.total() - 1;
        let review = markup(&texts).body(&d);
        assert_eq!(review.matches("class=\"change\"").count(), 4, "{review}");
        assert!(review.contains(">Pequeño</p>"), "{review}");
        assert!(review.contains(">120 Main St</p>"), "{review}");
        assert!(review.contains("data-step=\"3\""), "{review}");
        let buttons = markup(&texts).buttons(&d);
        assert!(buttons.contains("class=\"back\""), "{buttons}");
    }
}
