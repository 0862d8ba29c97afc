//! The guided form's elements: the form in the transcript, each step with real form controls
//! (a labelled input, or radio buttons or checkboxes in a `<fieldset>` with its `<legend>`),
//! the review of everything entered with a "Change" button per step, and what replaces the
//! form once it is sent.
//!
//! Each step is written whole as escaped markup ([`StepMarkup`], pure and tested natively)
//! and put in place at once. The service's questions are in the service's language
//! (`form.lang`); the widget's own words are in the UI language.

use protocol::requests::{Datatype, FormQuestion, MAX_DESCRIPTION_CHARS, RequestReceipt};
use web_sys::{Document, Element, HtmlElement};

use crate::dom;
use crate::ids;
use crate::markup::Markup;
use crate::numbers;
use crate::report_draft::{self, Draft, MAX_LINE_CHARS, Step};
use crate::strings::{concat, join_nonblank};
use crate::texts::{Arg, Texts};

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
    pub fn shell(&self, draft: &Draft) -> Option<(HtmlElement, HtmlElement)> {
        let message = dom::html(
            self.doc,
            "div",
            &[("class", "message bot report-message"), ("tabindex", "-1")],
            &self.markup().shell(draft),
        );
        dom::set_lang(&message, self.texts.lang());
        let form = dom::find(&message, "form")?;
        Some((message, form))
    }

    /// Draws the current step of `draft` into `form`: progress, fields with what was entered,
    /// and the buttons. Returns the element to focus first.
    pub fn step(&self, form: &Element, draft: &Draft) -> Option<HtmlElement> {
        let markup = self.markup();
        let parts = [
            (".progress", markup.progress(draft)),
            (".step", markup.body(draft)),
            (".report-buttons", markup.buttons(draft)),
        ];
        for (selector, html) in parts {
            if let Some(el) = dom::find(form, selector) {
                el.set_inner_html(&html);
            }
        }
        if let Some(error) = dom::find(form, ".form-error") {
            error.set_text_content(None);
            dom::flag(&error, "hidden", true);
        }
        let container = dom::find(form, ".step")?;
        if draft.step() == Step::Review {
            dom::find(&container, "h4")
        } else {
            // The chosen answer, else the first field (a selector list matches in page order).
            dom::find(&container, "input:checked")
                .or_else(|| dom::find(&container, "input, textarea"))
        }
    }

    /// Fills the "your location was found" line.
    pub fn located_into(&self, located: &Element, accuracy: f64) {
        let mut m = Markup::new();
        self.markup().located(&mut m, accuracy);
        located.set_inner_html(m.as_str());
        dom::unset(located, "hidden");
    }

    /// What replaces a sent form — the tracking number (or that it comes soon), what the city
    /// says about such requests, the link to follow the request — and what is announced.
    pub fn sent(&self, receipt: &RequestReceipt) -> (HtmlElement, String) {
        let done = dom::html(
            self.doc,
            "div",
            &[("class", "report-done")],
            &self.markup().sent(receipt),
        );
        let spoken = match &receipt.service_request_id {
            Some(id) => self.texts.format(ids::REPORT_SENT, &[("id", id)]),
            None => self.texts.get(ids::REPORT_SENT_PENDING),
        };
        (done, spoken)
    }

    /// Why the form could not be sent, with the city's phone and online form to fall back on,
    /// in `error`; returns what to announce.
    pub fn failed_into(&self, error: &Element, phone: &str, form_url: Option<&str>) -> String {
        error.set_inner_html(&self.markup().failed(phone, form_url));
        dom::unset(error, "hidden");
        self.texts.format(ids::REPORT_FAILED, &[("phone", phone)])
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

    /// `<prefix>-<name>`: the id of something inside the form.
    fn id(&self, name: &str) -> String {
        concat(&[self.prefix, "-", name])
    }

    /// The form's frame: heading (the service's name), progress, the step, the form-wide
    /// error and the buttons.
    pub fn shell(&self, draft: &Draft) -> String {
        let p = self.prefix;
        let mut m = Markup::new();
        m.fill(
            "<span class=\"vh\">{}</span>\
             <form class=\"report\" novalidate aria-labelledby=\"{}-title\" data-report=\"{}\">\
             <h3 id=\"{}-title\"",
            &[&self.texts.get(ids::SENDER_BOT), p, p, p],
        )
        .lang(&draft.form.lang)
        .fill(
            ">{}</h3><p class=\"progress\" id=\"{}-progress\"></p><div class=\"step\"></div>\
             <p class=\"field-error form-error\" id=\"{}-error\" hidden></p>\
             <div class=\"report-buttons\"></div></form>",
            &[&draft.form.name, p, p],
        );
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
        m.fill(
            "<button type=\"submit\" class=\"submit\">{}</button>",
            &[&self.texts.get(submit)],
        );
        if draft.at > 0 {
            m.fill(
                "<button type=\"button\" class=\"back\">{}</button>",
                &[&self.texts.get(ids::REPORT_BACK)],
            );
        }
        m.fill(
            "<button type=\"button\" class=\"cancel\">{}</button>",
            &[&self.texts.get(ids::REPORT_CANCEL)],
        );
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

    /// The ids that describe a field: the step's progress, then its hint if any.
    fn described(&self, hint: Option<&str>) -> String {
        match hint {
            Some(hint) => concat(&[self.prefix, "-progress ", hint]),
            None => self.id("progress"),
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
        m.raw("<span").lang(lang).fill(
            ">{}</span> <span class=\"need\">{}</span>",
            &[text, &self.texts.get(note)],
        );
    }

    /// A hint paragraph, in `lang` when it is not in the UI language.
    fn hint(&self, m: &mut Markup, id: &str, text: &str, lang: Option<&str>) {
        m.fill("<p class=\"hint\" id=\"{}\"", &[id]);
        if let Some(lang) = lang {
            m.lang(lang);
        }
        m.fill(">{}</p>", &[text]);
    }

    fn error_slot(&self, m: &mut Markup, field_id: &str) {
        m.fill(
            "<p class=\"field-error\" id=\"{}-error\" hidden></p>",
            &[field_id],
        );
    }

    /// One question of the service, with the control its datatype calls for.
    fn question(&self, m: &mut Markup, q: &FormQuestion, draft: &Draft) {
        let lang = draft.form.lang.as_str();
        let name = report_draft::question_field(q);
        let field_id = self.id(&name);
        let hint_id = concat(&[&field_id, "-hint"]);
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
            m.fill(
                "<fieldset id=\"{}\" aria-describedby=\"{}\"><legend>",
                &[&field_id, &described],
            );
            self.label_words(m, &q.description, lang, q.required);
            m.raw("</legend>");
            if let Some(hint) = hint {
                self.hint(m, &hint_id, hint, Some(lang));
            }
            m.raw("<div class=\"options\">");
            for (i, value) in q.values.iter().enumerate() {
                let input_id = concat(&[&field_id, "-", &i.to_string()]);
                m.fill(
                    "<div class=\"option\"><input type=\"{}\" id=\"{}\" name=\"{}\" value=\"{}\"",
                    &[kind, &input_id, &name, &value.key],
                );
                if values.contains(&value.key) {
                    m.raw(" checked");
                }
                m.fill("><label for=\"{}\"", &[&input_id])
                    .lang(lang)
                    .fill(">{}</label></div>", &[&value.name]);
            }
            m.raw("</div>");
            self.error_slot(m, &field_id);
            m.raw("</fieldset>");
            return;
        }
        m.fill("<div class=\"field\"><label for=\"{}\">", &[&field_id]);
        self.label_words(m, &q.description, lang, q.required);
        m.raw("</label>");
        if let Some(hint) = hint {
            self.hint(m, &hint_id, hint, Some(lang));
        }
        let current = values.first().map(String::as_str).unwrap_or_default();
        let tag = if q.datatype == Datatype::Text {
            "<textarea"
        } else {
            "<input"
        };
        m.raw(tag).fill(
            " id=\"{}\" name=\"{}\" aria-describedby=\"{}\"",
            &[&field_id, &name, &described],
        );
        if q.required {
            m.raw(" aria-required=\"true\"");
        }
        match q.datatype {
            Datatype::Text => {
                m.fill(
                    " rows=\"4\" maxlength=\"{}\">{}</textarea>",
                    &[&MAX_DESCRIPTION_CHARS.to_string(), current],
                );
            }
            Datatype::Number => {
                m.fill(
                    " type=\"text\" inputmode=\"decimal\" value=\"{}\">",
                    &[current],
                );
            }
            Datatype::Datetime => {
                m.fill(" type=\"datetime-local\" value=\"{}\">", &[current]);
            }
            _ => {
                m.fill(
                    " type=\"text\" maxlength=\"{}\" value=\"{}\">",
                    &[&MAX_LINE_CHARS.to_string(), current],
                );
            }
        }
        self.error_slot(m, &field_id);
        m.raw("</div>");
    }

    /// Where: the address, or "Use my location" where the browser can tell it (the row is
    /// shown by the controller only then).
    fn where_step(&self, m: &mut Markup, draft: &Draft) {
        let p = self.prefix;
        let address_id = self.id("address");
        m.fill(
            "<fieldset><legend>{}</legend><div class=\"field\"><label for=\"{}\">{}</label>",
            &[
                &self.texts.get(ids::REPORT_WHERE),
                &address_id,
                &self.texts.get(ids::REPORT_ADDRESS),
            ],
        );
        let hint_id = concat(&[&address_id, "-hint"]);
        self.hint(m, &hint_id, &self.texts.get(ids::REPORT_ADDRESS_HINT), None);
        m.fill(
            "<input id=\"{}\" name=\"address\" type=\"text\" autocomplete=\"street-address\" \
             maxlength=\"{}\" value=\"{}\" aria-describedby=\"{}\">",
            &[
                &address_id,
                &MAX_LINE_CHARS.to_string(),
                &draft.address,
                &self.described(Some(&hint_id)),
            ],
        );
        self.error_slot(m, &address_id);
        m.fill(
            "</div><div class=\"locate-row\" hidden>\
             <button type=\"button\" class=\"locate\" aria-describedby=\"{}-locate-hint\">{}</button>",
            &[p, &self.texts.get(ids::REPORT_LOCATE)],
        );
        self.hint(
            m,
            &self.id("locate-hint"),
            &self.texts.get(ids::REPORT_LOCATE_HINT),
            None,
        );
        match draft.position {
            Some(position) => {
                m.raw("<p class=\"located\">");
                self.located(m, position.accuracy);
                m.raw("</p>");
            }
            None => {
                m.raw("<p class=\"located\" hidden></p>");
            }
        }
        m.raw("</div></fieldset>");
    }

    /// "Your location was found (accurate to about N m)".
    fn located(&self, m: &mut Markup, accuracy: f64) {
        // Whole metres; a position off by more than 1,000 km is no position anyway.
        let meters = accuracy.round().clamp(1.0, 1e6) as usize;
        let shown = self.num(meters);
        m.message(
            self.texts,
            ids::REPORT_LOCATED,
            &[("meters", Arg::Number(meters as f64, &shown))],
        );
    }

    /// More details: a description and a photo link.
    fn details(&self, m: &mut Markup, draft: &Draft) {
        m.fill(
            "<fieldset><legend>{}</legend>",
            &[&self.texts.get(ids::REPORT_DETAILS)],
        );
        let max = self.num(MAX_DESCRIPTION_CHARS);
        let hint = self.texts.format_args(
            ids::REPORT_DESCRIPTION_HINT,
            &[("max", Arg::Number(MAX_DESCRIPTION_CHARS as f64, &max))],
        );
        let description = self.id("description");
        self.text_field(m, &description, ids::REPORT_DESCRIPTION, Some(&hint));
        m.fill(
            "<textarea id=\"{}\" name=\"description\" rows=\"4\" maxlength=\"{}\" \
             aria-describedby=\"{}-hint\">{}</textarea>",
            &[
                &description,
                &MAX_DESCRIPTION_CHARS.to_string(),
                &description,
                &draft.description,
            ],
        );
        self.end_field(m, &description);
        let media = self.id("media_url");
        self.text_field(
            m,
            &media,
            ids::REPORT_PHOTO,
            Some(&self.texts.get(ids::REPORT_PHOTO_HINT)),
        );
        m.fill(
            "<input id=\"{}\" name=\"media_url\" type=\"url\" inputmode=\"url\" \
             aria-describedby=\"{}-hint\" value=\"{}\">",
            &[&media, &media, &draft.media_url],
        );
        self.end_field(m, &media);
        m.raw("</fieldset>");
    }

    /// How to reach the resident, all optional, with the browser's autofill purposes.
    fn contact(&self, m: &mut Markup, draft: &Draft) {
        let hint_id = self.id("contact-hint");
        m.fill(
            "<fieldset aria-describedby=\"{}\"><legend>{}</legend>",
            &[
                &self.described(Some(&hint_id)),
                &self.texts.get(ids::REPORT_CONTACT),
            ],
        );
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
            let id = self.id(name);
            self.text_field(m, &id, label, None);
            m.fill(
                "<input id=\"{}\" name=\"{}\" type=\"{}\" autocomplete=\"{}\" maxlength=\"{}\" \
                 value=\"{}\">",
                &[&id, name, kind, autocomplete, &line, value],
            );
            self.end_field(m, &id);
        }
        m.raw("</fieldset>");
    }

    /// Everything entered, step by step, each with a "Change" button.
    fn review(&self, m: &mut Markup, draft: &Draft) {
        m.fill(
            "<div class=\"review\"><h4 tabindex=\"-1\">{}</h4><dl>",
            &[&self.texts.get(ids::REPORT_REVIEW)],
        );
        let not_given = self.texts.get(ids::REPORT_NOT_GIVEN);
        let ui = self.texts.lang();
        for (i, step) in draft.steps().iter().enumerate() {
            let (what, what_lang, shown, shown_lang) = match step {
                Step::Question(_) => {
                    let Some(q) = draft.question(*step) else {
                        continue;
                    };
                    let lang = draft.form.lang.as_str();
                    (
                        q.description.clone(),
                        lang,
                        draft.shown_answer(q).unwrap_or_default(),
                        lang,
                    )
                }
                Step::Where => {
                    let position = draft.position.map(|position| {
                        self.texts.format(
                            ids::REPORT_MY_LOCATION,
                            &[
                                ("lat", &coordinate(position.lat)),
                                ("long", &coordinate(position.long)),
                            ],
                        )
                    });
                    let shown = join_nonblank(
                        &[&draft.address, position.as_deref().unwrap_or_default()],
                        "; ",
                    );
                    (self.texts.get(ids::REPORT_WHERE_LABEL), ui, shown, ui)
                }
                Step::Details => (
                    self.texts.get(ids::REPORT_DETAILS),
                    ui,
                    join_nonblank(&[&draft.description, &draft.media_url], "\n"),
                    "",
                ),
                Step::Contact => {
                    let c = &draft.contact;
                    (
                        self.texts.get(ids::REPORT_CONTACT),
                        ui,
                        join_nonblank(&[&c.first_name, &c.last_name, &c.email, &c.phone], ", "),
                        "",
                    )
                }
                Step::Review => continue,
            };
            let (shown, answer_lang) = if shown.is_empty() {
                (not_given.as_str(), ui)
            } else {
                (shown.as_str(), shown_lang)
            };
            let change = self
                .texts
                .format(ids::REPORT_CHANGE_LABEL, &[("what", &what)]);
            m.raw("<dt")
                .lang(what_lang)
                .fill(">{}</dt><dd><p class=\"answer\"", &[&what]);
            if !answer_lang.is_empty() {
                m.fill(" lang=\"{}\"", &[answer_lang]);
            }
            m.fill(
                ">{}</p><button type=\"button\" class=\"change\" data-step=\"{}\" \
                 aria-label=\"{}\">{}</button></dd>",
                &[
                    shown,
                    &i.to_string(),
                    &change,
                    &self.texts.get(ids::REPORT_CHANGE),
                ],
            );
        }
        m.raw("</dl></div>");
    }

    /// The start of a labelled text field `id`, up to its control: the row, the label and
    /// the hint (`<id>-hint`) if any.
    fn text_field(&self, m: &mut Markup, id: &str, label: &str, hint: Option<&str>) {
        m.fill(
            "<div class=\"field\"><label for=\"{}\">{}</label>",
            &[id, &self.texts.get(label)],
        );
        if let Some(hint) = hint {
            self.hint(m, &concat(&[id, "-hint"]), hint, None);
        }
    }

    /// The end of text field `id`, after its control: the error slot.
    fn end_field(&self, m: &mut Markup, id: &str) {
        self.error_slot(m, id);
        m.raw("</div>");
    }

    /// The thank-you of a sent form: tracking number (or that it comes soon), the city's
    /// notice, the link to the status page.
    pub fn sent(&self, receipt: &RequestReceipt) -> String {
        let mut m = Markup::new();
        m.raw("<p class=\"form-done\" tabindex=\"-1\">");
        match &receipt.service_request_id {
            Some(id) => {
                m.message(self.texts, ids::REPORT_SENT, &[("id", Arg::Text(id))]);
            }
            None => {
                m.text(&self.texts.get(ids::REPORT_SENT_PENDING));
            }
        }
        m.raw("</p>");
        if let Some(notice) = &receipt.service_notice {
            m.raw("<p class=\"text\">")
                .message(
                    self.texts,
                    ids::REPORT_NOTICE,
                    &[("notice", Arg::Text(notice))],
                )
                .raw("</p>");
        }
        if crate::links::is_safe(&receipt.track_url) {
            m.raw("<a class=\"action\"");
            self.new_tab_link(&mut m, &receipt.track_url, ids::REPORT_TRACK);
        }
        m.finish()
    }

    /// Why sending failed, with the city's phone and its own form.
    pub fn failed(&self, phone: &str, form_url: Option<&str>) -> String {
        let mut m = Markup::new();
        m.message(
            self.texts,
            ids::REPORT_FAILED,
            &[("phone", Arg::Text(phone))],
        );
        if let Some(url) = form_url.filter(|url| crate::links::is_safe(url)) {
            m.raw(" <a");
            self.new_tab_link(&mut m, url, ids::REPORT_FORM_LINK);
        }
        m.finish()
    }

    /// The rest of a link (after `<a` and its class) that opens `url` in a new tab.
    fn new_tab_link(&self, m: &mut Markup, url: &str, label: &str) {
        m.fill(
            " href=\"{}\" target=\"_blank\" rel=\"noopener\">{} <span class=\"vh\">{}</span></a>",
            &[url, &self.texts.get(label), &self.texts.get(ids::NEW_TAB)],
        );
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
