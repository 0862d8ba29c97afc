//! The guided form's elements: the form in the transcript, each step with real form controls
//! (a labelled input, or radio buttons or checkboxes in a `<fieldset>` with its `<legend>`),
//! the review of everything entered with a "Change" button per step, and what replaces the
//! form once it is sent or cancelled.
//!
//! The service's questions are in the service's language (`form.lang`); the widget's own
//! words are in the UI language, marked when the two differ.

use protocol::requests::{Datatype, FormQuestion, MAX_DESCRIPTION_CHARS, RequestReceipt};
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement};

use crate::dom;
use crate::ids;
use crate::live_render;
use crate::numbers;
use crate::report_draft::{self, Draft, MAX_LINE_CHARS, Step};
use crate::texts::{Arg, Texts};

/// A number and its text in the UI language, for a message's variable.
pub struct Shown(f64, String);

impl Shown {
    /// The message variable.
    pub fn as_arg(&self) -> Arg<'_> {
        Arg::Number(self.0, &self.1)
    }
}

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
    /// The form in its transcript message, with the service's name as its heading; the steps
    /// are drawn by [`ReportView::step`].
    pub fn shell(&self, draft: &Draft) -> Result<(HtmlElement, Element), JsValue> {
        let p = self.prefix;
        let message = dom::element(
            self.doc,
            "div",
            &[("class", "message bot report-message"), ("tabindex", "-1")],
        )?;
        dom::set_lang(&message, self.texts.lang())?;
        message
            .append_child(dom::hidden_text(self.doc, &self.texts.get(ids::SENDER_BOT))?.as_ref())?;
        let title_id = format!("{p}-title");
        let form = dom::element(
            self.doc,
            "form",
            &[
                ("class", "report"),
                ("novalidate", ""),
                ("aria-labelledby", &title_id),
                ("data-report", p),
            ],
        )?;
        let title = dom::text(self.doc, "h3", &[("id", &title_id)], &draft.form.name)?;
        dom::set_lang(&title, &draft.form.lang)?;
        form.append_child(&title)?;
        form.append_child(
            dom::element(
                self.doc,
                "p",
                &[("class", "progress"), ("id", &format!("{p}-progress"))],
            )?
            .as_ref(),
        )?;
        form.append_child(dom::element(self.doc, "div", &[("class", "step")])?.as_ref())?;
        let error = dom::element(
            self.doc,
            "p",
            &[
                ("class", "field-error form-error"),
                ("id", &format!("{p}-error")),
            ],
        )?;
        error.set_attribute("hidden", "")?;
        form.append_child(&error)?;
        form.append_child(dom::element(self.doc, "div", &[("class", "report-buttons")])?.as_ref())?;
        message.append_child(&form)?;
        Ok((wasm_bindgen::JsCast::unchecked_into(message), form))
    }

    /// Draws the current step of `draft` into `form`: progress, fields with what was entered,
    /// and the buttons. Returns the element to focus first.
    pub fn step(&self, form: &Element, draft: &Draft) -> Result<Option<HtmlElement>, JsValue> {
        let step = draft.step();
        if let Some(progress) = form.query_selector(".progress")? {
            progress.set_text_content(Some(&self.texts.format_args(
                ids::REPORT_STEP,
                &[
                    ("step", self.number(draft.at + 1).as_arg()),
                    ("total", self.number(draft.total()).as_arg()),
                ],
            )));
        }
        if let Some(error) = form.query_selector(".form-error")? {
            error.set_text_content(None);
            error.set_attribute("hidden", "")?;
        }
        let Some(container) = form.query_selector(".step")? else {
            return Ok(None);
        };
        container.set_text_content(None);
        match step {
            Step::Question(_) => {
                if let Some(q) = draft.question(step) {
                    container.append_child(self.question(q, draft)?.as_ref())?;
                }
            }
            Step::Where => {
                container.append_child(self.where_step(draft)?.as_ref())?;
            }
            Step::Details => {
                container.append_child(self.details(draft)?.as_ref())?;
            }
            Step::Contact => {
                container.append_child(self.contact(draft)?.as_ref())?;
            }
            Step::Review => {
                container.append_child(self.review(draft)?.as_ref())?;
            }
        }
        if let Some(buttons) = form.query_selector(".report-buttons")? {
            buttons.set_text_content(None);
            let submit = if step == Step::Review {
                ids::REPORT_SUBMIT
            } else {
                ids::REPORT_NEXT
            };
            buttons.append_child(
                dom::text(
                    self.doc,
                    "button",
                    &[("type", "submit"), ("class", "submit")],
                    &self.texts.get(submit),
                )?
                .as_ref(),
            )?;
            if draft.at > 0 {
                buttons.append_child(self.button("back", ids::REPORT_BACK)?.as_ref())?;
            }
            buttons.append_child(self.button("cancel", ids::REPORT_CANCEL)?.as_ref())?;
        }
        let first = if step == Step::Review {
            container.query_selector("h4")?
        } else {
            // The chosen answer, else the first field (a selector list matches in page order).
            match container.query_selector("input:checked")? {
                Some(checked) => Some(checked),
                None => container.query_selector("input, textarea")?,
            }
        };
        Ok(first.and_then(|el| wasm_bindgen::JsCast::dyn_into::<HtmlElement>(el).ok()))
    }

    /// `n` with its text in the UI language.
    pub fn number(&self, n: usize) -> Shown {
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        Shown(f64::from(n), numbers::format(n, self.texts.lang()))
    }

    fn button(&self, class: &str, label: &str) -> Result<Element, JsValue> {
        dom::text(
            self.doc,
            "button",
            &[("type", "button"), ("class", class)],
            &self.texts.get(label),
        )
    }

    /// The ids that describe a field: the step's progress, then its hint.
    fn described(&self, hint: Option<&str>) -> String {
        let mut ids = format!("{}-progress", self.prefix);
        if let Some(hint) = hint {
            ids.push(' ');
            ids.push_str(hint);
        }
        ids
    }

    /// A label (or legend) text: the question, then "(required)" or "(optional)".
    fn label_into(
        &self,
        el: &Element,
        text: &str,
        lang: &str,
        required: bool,
    ) -> Result<(), JsValue> {
        let words = dom::text(self.doc, "span", &[], text)?;
        dom::set_lang(&words, lang)?;
        el.append_child(&words)?;
        dom::append_text(self.doc, el, " ")?;
        let note = if required {
            ids::REPORT_REQUIRED
        } else {
            ids::REPORT_OPTIONAL
        };
        el.append_child(
            dom::text(
                self.doc,
                "span",
                &[("class", "need")],
                &self.texts.get(note),
            )?
            .as_ref(),
        )?;
        Ok(())
    }

    fn hint(&self, id: &str, text: &str, lang: &str) -> Result<Element, JsValue> {
        let hint = dom::text(self.doc, "p", &[("class", "hint"), ("id", id)], text)?;
        dom::set_lang(&hint, lang)?;
        Ok(hint)
    }

    fn error_slot(&self, field_id: &str) -> Result<Element, JsValue> {
        let error = dom::element(
            self.doc,
            "p",
            &[
                ("class", "field-error"),
                ("id", &format!("{field_id}-error")),
            ],
        )?;
        error.set_attribute("hidden", "")?;
        Ok(error)
    }

    /// One question of the service, with the control its datatype calls for.
    fn question(&self, q: &FormQuestion, draft: &Draft) -> Result<Element, JsValue> {
        let lang = draft.form.lang.as_str();
        let name = report_draft::question_field(q);
        let field_id = format!("{}-{name}", self.prefix);
        let hint_id = format!("{field_id}-hint");
        let hint = q.hint.as_deref();
        let values = draft.answer(&q.code);
        if matches!(
            q.datatype,
            Datatype::Singlevaluelist | Datatype::Multivaluelist
        ) {
            let kind = if q.datatype == Datatype::Singlevaluelist {
                "radio"
            } else {
                "checkbox"
            };
            let group = dom::element(
                self.doc,
                "fieldset",
                &[
                    ("id", &field_id),
                    ("data-name", &name),
                    (
                        "aria-describedby",
                        &self.described(hint.map(|_| hint_id.as_str())),
                    ),
                ],
            )?;
            let legend = dom::element(self.doc, "legend", &[])?;
            self.label_into(&legend, &q.description, lang, q.required)?;
            group.append_child(&legend)?;
            if let Some(hint) = hint {
                group.append_child(self.hint(&hint_id, hint, lang)?.as_ref())?;
            }
            let list = dom::element(self.doc, "div", &[("class", "options")])?;
            for (i, value) in q.values.iter().enumerate() {
                let input_id = format!("{field_id}-{i}");
                let row = dom::element(self.doc, "div", &[("class", "option")])?;
                let input = dom::element(
                    self.doc,
                    "input",
                    &[
                        ("type", kind),
                        ("id", &input_id),
                        ("name", &name),
                        ("value", &value.key),
                    ],
                )?;
                if values.contains(&value.key) {
                    input.set_attribute("checked", "")?;
                }
                row.append_child(&input)?;
                let label = dom::text(self.doc, "label", &[("for", &input_id)], &value.name)?;
                dom::set_lang(&label, lang)?;
                row.append_child(&label)?;
                list.append_child(&row)?;
            }
            group.append_child(&list)?;
            group.append_child(self.error_slot(&field_id)?.as_ref())?;
            return Ok(group);
        }
        let row = dom::element(self.doc, "div", &[("class", "field")])?;
        let label = dom::element(self.doc, "label", &[("for", &field_id)])?;
        self.label_into(&label, &q.description, lang, q.required)?;
        row.append_child(&label)?;
        if let Some(hint) = hint {
            row.append_child(self.hint(&hint_id, hint, lang)?.as_ref())?;
        }
        let described = self.described(hint.map(|_| hint_id.as_str()));
        let current = values.first().map(String::as_str).unwrap_or_default();
        let max = MAX_LINE_CHARS.to_string();
        let long = MAX_DESCRIPTION_CHARS.to_string();
        let mut attrs: Vec<(&str, &str)> = vec![
            ("id", &field_id),
            ("name", &name),
            ("aria-describedby", &described),
        ];
        if q.required {
            attrs.push(("aria-required", "true"));
        }
        let control = match q.datatype {
            Datatype::Text => {
                attrs.extend([("rows", "4"), ("maxlength", long.as_str())]);
                let area = dom::element(self.doc, "textarea", &attrs)?;
                area.set_text_content(Some(current));
                area
            }
            Datatype::Number => {
                attrs.extend([
                    ("type", "text"),
                    ("inputmode", "decimal"),
                    ("value", current),
                ]);
                dom::element(self.doc, "input", &attrs)?
            }
            Datatype::Datetime => {
                attrs.extend([("type", "datetime-local"), ("value", current)]);
                dom::element(self.doc, "input", &attrs)?
            }
            _ => {
                attrs.extend([
                    ("type", "text"),
                    ("maxlength", max.as_str()),
                    ("value", current),
                ]);
                dom::element(self.doc, "input", &attrs)?
            }
        };
        row.append_child(&control)?;
        row.append_child(self.error_slot(&field_id)?.as_ref())?;
        Ok(row)
    }

    /// Where: the address, or "Use my location" where the browser can tell it.
    fn where_step(&self, draft: &Draft) -> Result<Element, JsValue> {
        let p = self.prefix;
        let group = self.group(ids::REPORT_WHERE)?;
        let address_id = format!("{p}-address");
        let hint_id = format!("{address_id}-hint");
        let row = dom::element(self.doc, "div", &[("class", "field")])?;
        row.append_child(
            dom::text(
                self.doc,
                "label",
                &[("for", &address_id)],
                &self.texts.get(ids::REPORT_ADDRESS),
            )?
            .as_ref(),
        )?;
        row.append_child(
            dom::text(
                self.doc,
                "p",
                &[("class", "hint"), ("id", &hint_id)],
                &self.texts.get(ids::REPORT_ADDRESS_HINT),
            )?
            .as_ref(),
        )?;
        let max = MAX_LINE_CHARS.to_string();
        row.append_child(
            dom::element(
                self.doc,
                "input",
                &[
                    ("id", &address_id),
                    ("name", "address"),
                    ("type", "text"),
                    ("autocomplete", "street-address"),
                    ("maxlength", &max),
                    ("value", &draft.address),
                    ("aria-describedby", &self.described(Some(&hint_id))),
                ],
            )?
            .as_ref(),
        )?;
        row.append_child(self.error_slot(&address_id)?.as_ref())?;
        group.append_child(&row)?;

        let locate_hint = format!("{p}-locate-hint");
        let locate = dom::element(self.doc, "div", &[("class", "locate-row")])?;
        locate.append_child(
            dom::text(
                self.doc,
                "button",
                &[
                    ("type", "button"),
                    ("class", "locate"),
                    ("aria-describedby", &locate_hint),
                ],
                &self.texts.get(ids::REPORT_LOCATE),
            )?
            .as_ref(),
        )?;
        locate.append_child(
            dom::text(
                self.doc,
                "p",
                &[("class", "hint"), ("id", &locate_hint)],
                &self.texts.get(ids::REPORT_LOCATE_HINT),
            )?
            .as_ref(),
        )?;
        let located = dom::element(self.doc, "p", &[("class", "located")])?;
        match draft.position {
            Some(position) => self.located_into(&located, position.accuracy)?,
            None => located.set_attribute("hidden", "")?,
        }
        locate.append_child(&located)?;
        // Shown by the controller only where the browser can locate.
        locate.set_attribute("hidden", "")?;
        group.append_child(&locate)?;
        Ok(group)
    }

    /// Fills the "your location was found" line.
    pub fn located_into(&self, located: &Element, accuracy: f64) -> Result<(), JsValue> {
        located.set_text_content(None);
        // Whole metres; a position off by more than 1,000 km is no position anyway.
        let meters = self.number(accuracy.round().clamp(1.0, 1e6) as usize);
        live_render::rich_args(
            self.doc,
            located,
            self.texts,
            ids::REPORT_LOCATED,
            &[("meters", meters.as_arg())],
        )?;
        located.remove_attribute("hidden")
    }

    /// More details: a description and a photo link.
    fn details(&self, draft: &Draft) -> Result<Element, JsValue> {
        let p = self.prefix;
        let group = self.group(ids::REPORT_DETAILS)?;
        let description_hint = self.texts.format_args(
            ids::REPORT_DESCRIPTION_HINT,
            &[("max", self.number(MAX_DESCRIPTION_CHARS).as_arg())],
        );
        let long = MAX_DESCRIPTION_CHARS.to_string();
        let area = self.text_field(
            &group,
            &format!("{p}-description"),
            ids::REPORT_DESCRIPTION,
            Some(&description_hint),
            "textarea",
            &[("name", "description"), ("rows", "4"), ("maxlength", &long)],
        )?;
        area.set_text_content(Some(&draft.description));
        self.text_field(
            &group,
            &format!("{p}-media_url"),
            ids::REPORT_PHOTO,
            Some(&self.texts.get(ids::REPORT_PHOTO_HINT)),
            "input",
            &[
                ("name", "media_url"),
                ("type", "url"),
                ("inputmode", "url"),
                ("value", &draft.media_url),
            ],
        )?;
        Ok(group)
    }

    /// How to reach the resident, all optional, with the browser's autofill.
    fn contact(&self, draft: &Draft) -> Result<Element, JsValue> {
        let p = self.prefix;
        let group = self.group(ids::REPORT_CONTACT)?;
        let hint_id = format!("{p}-contact-hint");
        group.append_child(
            dom::text(
                self.doc,
                "p",
                &[("class", "hint"), ("id", &hint_id)],
                &self.texts.get(ids::REPORT_CONTACT_HINT),
            )?
            .as_ref(),
        )?;
        group.set_attribute("aria-describedby", &self.described(Some(&hint_id)))?;
        let c = &draft.contact;
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
            let max = MAX_LINE_CHARS.to_string();
            self.text_field(
                &group,
                &format!("{p}-{name}"),
                label,
                None,
                "input",
                &[
                    ("name", name),
                    ("type", kind),
                    ("autocomplete", autocomplete),
                    ("maxlength", &max),
                    ("value", value),
                ],
            )?;
        }
        Ok(group)
    }

    /// Everything entered, step by step, each with a "Change" button.
    fn review(&self, draft: &Draft) -> Result<Element, JsValue> {
        let box_ = dom::element(self.doc, "div", &[("class", "review")])?;
        box_.append_child(
            dom::text(
                self.doc,
                "h4",
                &[("tabindex", "-1")],
                &self.texts.get(ids::REPORT_REVIEW),
            )?
            .as_ref(),
        )?;
        let list = dom::element(self.doc, "dl", &[])?;
        let not_given = self.texts.get(ids::REPORT_NOT_GIVEN);
        for (i, step) in draft.steps().iter().enumerate() {
            let (what, what_lang, shown): (String, &str, Option<String>) = match step {
                Step::Question(_) => {
                    let Some(q) = draft.question(*step) else {
                        continue;
                    };
                    (
                        q.description.clone(),
                        &draft.form.lang,
                        draft.shown_answer(q),
                    )
                }
                Step::Where => {
                    let mut parts = Vec::new();
                    if !draft.address.trim().is_empty() {
                        parts.push(draft.address.trim().to_owned());
                    }
                    if let Some(position) = draft.position {
                        parts.push(self.texts.format(
                            ids::REPORT_MY_LOCATION,
                            &[
                                ("lat", &fixed(position.lat)),
                                ("long", &fixed(position.long)),
                            ],
                        ));
                    }
                    (
                        self.texts.get(ids::REPORT_WHERE_LABEL),
                        self.texts.lang(),
                        (!parts.is_empty()).then(|| parts.join("; ")),
                    )
                }
                Step::Details => {
                    let parts: Vec<String> = [&draft.description, &draft.media_url]
                        .iter()
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect();
                    (
                        self.texts.get(ids::REPORT_DETAILS),
                        self.texts.lang(),
                        (!parts.is_empty()).then(|| parts.join("\n")),
                    )
                }
                Step::Contact => {
                    let c = &draft.contact;
                    let parts: Vec<String> = [&c.first_name, &c.last_name, &c.email, &c.phone]
                        .iter()
                        .map(|s| s.trim().to_owned())
                        .filter(|s| !s.is_empty())
                        .collect();
                    (
                        self.texts.get(ids::REPORT_CONTACT),
                        self.texts.lang(),
                        (!parts.is_empty()).then(|| parts.join(", ")),
                    )
                }
                Step::Review => continue,
            };
            let term = dom::text(self.doc, "dt", &[], &what)?;
            dom::set_lang(&term, what_lang)?;
            list.append_child(&term)?;
            let detail = dom::element(self.doc, "dd", &[])?;
            let answer = dom::text(
                self.doc,
                "p",
                &[("class", "answer")],
                shown.as_deref().unwrap_or(&not_given),
            )?;
            if matches!(step, Step::Question(_)) && shown.is_some() {
                dom::set_lang(&answer, &draft.form.lang)?;
            }
            detail.append_child(&answer)?;
            let index = i.to_string();
            let change_label = self
                .texts
                .format(ids::REPORT_CHANGE_LABEL, &[("what", &what)]);
            detail.append_child(
                dom::text(
                    self.doc,
                    "button",
                    &[
                        ("type", "button"),
                        ("class", "change"),
                        ("data-step", &index),
                        ("aria-label", &change_label),
                    ],
                    &self.texts.get(ids::REPORT_CHANGE),
                )?
                .as_ref(),
            )?;
            list.append_child(&detail)?;
        }
        box_.append_child(&list)?;
        Ok(box_)
    }

    /// A `<fieldset>` with the widget's words `legend` as its legend.
    fn group(&self, legend: &str) -> Result<Element, JsValue> {
        let group = dom::element(self.doc, "fieldset", &[])?;
        group
            .append_child(dom::text(self.doc, "legend", &[], &self.texts.get(legend))?.as_ref())?;
        Ok(group)
    }

    /// A labelled text field (`tag` input or textarea) with its hint and error slot, added to
    /// `parent`; returns the control.
    fn text_field(
        &self,
        parent: &Element,
        id: &str,
        label: &str,
        hint: Option<&str>,
        tag: &str,
        attrs: &[(&str, &str)],
    ) -> Result<Element, JsValue> {
        let row = dom::element(self.doc, "div", &[("class", "field")])?;
        row.append_child(
            dom::text(self.doc, "label", &[("for", id)], &self.texts.get(label))?.as_ref(),
        )?;
        let hint_id = format!("{id}-hint");
        if let Some(hint) = hint {
            row.append_child(
                dom::text(self.doc, "p", &[("class", "hint"), ("id", &hint_id)], hint)?.as_ref(),
            )?;
        }
        let control = dom::element(self.doc, tag, attrs)?;
        control.set_attribute("id", id)?;
        if hint.is_some() {
            control.set_attribute("aria-describedby", &hint_id)?;
        }
        row.append_child(&control)?;
        row.append_child(self.error_slot(id)?.as_ref())?;
        parent.append_child(&row)?;
        Ok(control)
    }

    /// What replaces a sent form: the tracking number (or that it comes soon), what the city
    /// says about such requests, and the link to follow the request.
    pub fn sent(&self, receipt: &RequestReceipt) -> Result<(Element, String), JsValue> {
        let done = dom::element(self.doc, "div", &[("class", "report-done")])?;
        let p = dom::element(self.doc, "p", &[("class", "form-done"), ("tabindex", "-1")])?;
        let spoken = match &receipt.service_request_id {
            Some(id) => {
                live_render::rich(self.doc, &p, self.texts, ids::REPORT_SENT, &[("id", id)])?;
                self.texts.format(ids::REPORT_SENT, &[("id", id)])
            }
            None => {
                dom::append_text(self.doc, &p, &self.texts.get(ids::REPORT_SENT_PENDING))?;
                self.texts.get(ids::REPORT_SENT_PENDING)
            }
        };
        done.append_child(&p)?;
        if let Some(notice) = &receipt.service_notice {
            let note = dom::element(self.doc, "p", &[("class", "text")])?;
            live_render::rich(
                self.doc,
                &note,
                self.texts,
                ids::REPORT_NOTICE,
                &[("notice", notice)],
            )?;
            done.append_child(&note)?;
        }
        if crate::links::is_safe(&receipt.track_url) {
            let link = dom::text(
                self.doc,
                "a",
                &[
                    ("class", "action"),
                    ("href", &receipt.track_url),
                    ("target", "_blank"),
                    ("rel", "noopener"),
                ],
                &self.texts.get(ids::REPORT_TRACK),
            )?;
            dom::append_text(self.doc, &link, " ")?;
            link.append_child(
                dom::text(
                    self.doc,
                    "span",
                    &[("class", "vh")],
                    &self.texts.get(ids::NEW_TAB),
                )?
                .as_ref(),
            )?;
            done.append_child(&link)?;
        }
        Ok((done, spoken))
    }

    /// Why the form could not be sent, with the city's phone and online form to fall back on.
    pub fn failed_into(
        &self,
        error: &Element,
        phone: &str,
        form_url: Option<&str>,
    ) -> Result<String, JsValue> {
        error.set_text_content(None);
        live_render::rich(
            self.doc,
            error,
            self.texts,
            ids::REPORT_FAILED,
            &[("phone", phone)],
        )?;
        if let Some(url) = form_url.filter(|url| crate::links::is_safe(url)) {
            dom::append_text(self.doc, error, " ")?;
            let link = dom::text(
                self.doc,
                "a",
                &[("href", url), ("target", "_blank"), ("rel", "noopener")],
                &self.texts.get(ids::REPORT_FORM_LINK),
            )?;
            dom::append_text(self.doc, &link, " ")?;
            link.append_child(
                dom::text(
                    self.doc,
                    "span",
                    &[("class", "vh")],
                    &self.texts.get(ids::NEW_TAB),
                )?
                .as_ref(),
            )?;
            error.append_child(&link)?;
        }
        error.remove_attribute("hidden")?;
        Ok(self.texts.format(ids::REPORT_FAILED, &[("phone", phone)]))
    }
}

/// A coordinate with five decimals (about a metre), by the browser: Rust's float formatting
/// would add kilobytes to the widget.
fn fixed(value: f64) -> String {
    js_sys::Number::from(value)
        .to_fixed(5)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default()
}
