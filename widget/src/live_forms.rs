//! The two small forms of live chat, "Leave a message" and the stars at the end: building
//! them with real labels, reading them, and showing an error next to the field it is about
//! (named by the field's `aria-describedby`).

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlInputElement, HtmlTextAreaElement};

use crate::dom;
use crate::ids;
use crate::texts::Texts;

/// Longest name or contact, in characters.
pub const MAX_FIELD_CHARS: usize = 200;

/// The "Leave a message" form: optional name, optional contact (with why it helps), the
/// message, and a place for an error about the whole form. `uid` makes its ids unique.
pub fn ticket(doc: &Document, texts: &Texts, uid: u32) -> Result<Element, JsValue> {
    let p = format!("wf-t{uid}");
    let title_id = format!("{p}-title");
    let form = dom::element(
        doc,
        "form",
        &[
            ("class", "ticket"),
            ("novalidate", ""),
            ("aria-labelledby", &title_id),
        ],
    )?;
    form.append_child(
        dom::text(doc, "h3", &[("id", &title_id)], &texts.get(ids::LIVE_LEAVE))?.as_ref(),
    )?;
    let short = MAX_FIELD_CHARS.to_string();
    let name_id = format!("{p}-name");
    let name = field(doc, texts, &name_id, ids::TICKET_NAME)?;
    name.append_child(
        dom::element(
            doc,
            "input",
            &[
                ("id", &name_id),
                ("name", "name"),
                ("type", "text"),
                ("autocomplete", "name"),
                ("maxlength", &short),
            ],
        )?
        .as_ref(),
    )?;
    form.append_child(&name)?;

    let contact_id = format!("{p}-contact");
    let hint_id = format!("{contact_id}-hint");
    let contact = field(doc, texts, &contact_id, ids::TICKET_CONTACT)?;
    contact.append_child(
        dom::text(
            doc,
            "p",
            &[("class", "hint"), ("id", &hint_id)],
            &texts.get(ids::TICKET_CONTACT_HINT),
        )?
        .as_ref(),
    )?;
    contact.append_child(
        dom::element(
            doc,
            "input",
            &[
                ("id", &contact_id),
                ("name", "contact"),
                ("type", "text"),
                ("maxlength", &short),
                ("aria-describedby", &hint_id),
            ],
        )?
        .as_ref(),
    )?;
    form.append_child(&contact)?;

    let message_id = format!("{p}-message");
    let message = field(doc, texts, &message_id, ids::TICKET_MESSAGE)?;
    let max = protocol::live::MAX_CHAT_MESSAGE_CHARS.to_string();
    message.append_child(
        dom::element(
            doc,
            "textarea",
            &[
                ("id", &message_id),
                ("name", "message"),
                ("rows", "4"),
                ("maxlength", &max),
                ("required", ""),
            ],
        )?
        .as_ref(),
    )?;
    message.append_child(error_slot(doc, &format!("{message_id}-error"))?.as_ref())?;
    form.append_child(&message)?;
    finish(doc, texts, &form, &p, ids::TICKET_SUBMIT)?;
    Ok(form)
}

/// The stars at the end of a chat: a radio group in a `<fieldset>` with its `<legend>`, an
/// optional comment, and a place for errors. `uid` makes its ids unique.
pub fn rating(doc: &Document, texts: &Texts, uid: u32) -> Result<Element, JsValue> {
    let p = format!("wf-r{uid}");
    let form = dom::element(doc, "form", &[("class", "rating"), ("novalidate", "")])?;
    let stars_id = format!("{p}-stars");
    let fieldset = dom::element(doc, "fieldset", &[("id", &stars_id)])?;
    fieldset.append_child(
        dom::text(doc, "legend", &[], &texts.get(ids::LIVE_RATING_LEGEND))?.as_ref(),
    )?;
    let stars = dom::element(doc, "div", &[("class", "stars")])?;
    for (i, id) in ids::LIVE_STARS.iter().enumerate() {
        let value = (i + 1).to_string();
        let input_id = format!("{p}-s{value}");
        let star = dom::element(doc, "div", &[("class", "star")])?;
        star.append_child(
            dom::element(
                doc,
                "input",
                &[
                    ("type", "radio"),
                    ("id", &input_id),
                    ("name", &stars_id),
                    ("value", &value),
                ],
            )?
            .as_ref(),
        )?;
        star.append_child(
            dom::text(doc, "label", &[("for", &input_id)], &texts.get(id))?.as_ref(),
        )?;
        stars.append_child(&star)?;
    }
    fieldset.append_child(&stars)?;
    form.append_child(&fieldset)?;
    form.append_child(error_slot(doc, &format!("{stars_id}-error"))?.as_ref())?;

    let comment_id = format!("{p}-comment");
    let comment = field(doc, texts, &comment_id, ids::LIVE_RATING_COMMENT)?;
    let max = protocol::MAX_COMMENT_CHARS.to_string();
    comment.append_child(
        dom::element(
            doc,
            "textarea",
            &[
                ("id", &comment_id),
                ("name", "comment"),
                ("rows", "2"),
                ("maxlength", &max),
            ],
        )?
        .as_ref(),
    )?;
    form.append_child(&comment)?;
    finish(doc, texts, &form, &p, ids::LIVE_RATING_SUBMIT)?;
    Ok(form)
}

/// The trimmed value of the text field `name` of `form` (empty when there is none).
pub fn value(form: &Element, name: &str) -> String {
    let Ok(Some(el)) = form.query_selector(&format!("[name=\"{name}\"]")) else {
        return String::new();
    };
    let raw = match el.dyn_ref::<HtmlTextAreaElement>() {
        Some(area) => area.value(),
        None => el
            .dyn_ref::<HtmlInputElement>()
            .map(HtmlInputElement::value)
            .unwrap_or_default(),
    };
    raw.trim().to_owned()
}

/// The value of the checked radio button of `form`, if any.
pub fn checked(form: &Element) -> Option<String> {
    let el = form.query_selector("input[type=radio]:checked").ok()??;
    el.dyn_ref::<HtmlInputElement>()
        .map(HtmlInputElement::value)
}

/// Shows `text` as the error about `field` in the element `error` next to it, and names it in
/// the field's `aria-describedby`; `None` clears it. `invalid` marks the field itself with
/// `aria-invalid` (for inputs, not for a fieldset).
pub fn set_error(
    field: &Element,
    error: &Element,
    text: Option<&str>,
    invalid: bool,
) -> Result<(), JsValue> {
    let error_id = error.id();
    let mut described: Vec<String> = field
        .get_attribute("aria-describedby")
        .unwrap_or_default()
        .split_whitespace()
        .filter(|id| *id != error_id)
        .map(str::to_owned)
        .collect();
    match text {
        Some(text) => {
            error.set_text_content(Some(text));
            error.remove_attribute("hidden")?;
            described.push(error_id);
            if invalid {
                field.set_attribute("aria-invalid", "true")?;
            }
        }
        None => {
            error.set_text_content(None);
            error.set_attribute("hidden", "")?;
            field.remove_attribute("aria-invalid")?;
        }
    }
    if described.is_empty() {
        field.remove_attribute("aria-describedby")
    } else {
        field.set_attribute("aria-describedby", &described.join(" "))
    }
}

/// The error element of the field with id `field_id` inside `form`.
pub fn error_of(form: &Element, field_id: &str) -> Option<Element> {
    form.query_selector(&format!("#{field_id}-error")).ok()?
}

/// The form-wide error element and the submit button of `form`.
pub fn form_error(form: &Element) -> Option<(Element, Element)> {
    let error = form.query_selector(".form-error").ok()??;
    let submit = form.query_selector("button[type=submit]").ok()??;
    Some((error, submit))
}

/// The element that replaces a sent form: a thank-you that can take focus (when the form
/// had it), with message `id` and its `args`.
pub fn done(
    doc: &Document,
    texts: &Texts,
    id: &str,
    args: &[(&str, &str)],
) -> Result<Element, JsValue> {
    let p = dom::element(doc, "p", &[("class", "form-done"), ("tabindex", "-1")])?;
    crate::live_render::rich(doc, &p, texts, id, args)?;
    Ok(p)
}

/// A labelled field row for the input `input_id`.
fn field(doc: &Document, texts: &Texts, input_id: &str, label: &str) -> Result<Element, JsValue> {
    let row = dom::element(doc, "div", &[("class", "field")])?;
    row.append_child(dom::text(doc, "label", &[("for", input_id)], &texts.get(label))?.as_ref())?;
    Ok(row)
}

/// An empty, hidden error paragraph.
fn error_slot(doc: &Document, id: &str) -> Result<Element, JsValue> {
    error_element(doc, id, "field-error")
}

fn error_element(doc: &Document, id: &str, class: &str) -> Result<Element, JsValue> {
    let error = dom::element(doc, "p", &[("class", class), ("id", id)])?;
    error.set_attribute("hidden", "")?;
    Ok(error)
}

/// The form-wide error slot (`<p>-error`) and the submit button labelled `label`.
fn finish(
    doc: &Document,
    texts: &Texts,
    form: &Element,
    p: &str,
    label: &str,
) -> Result<(), JsValue> {
    let error = error_element(doc, &format!("{p}-error"), "field-error form-error")?;
    form.append_child(&error)?;
    form.append_child(
        dom::text(
            doc,
            "button",
            &[("type", "submit"), ("class", "submit")],
            &texts.get(label),
        )?
        .as_ref(),
    )?;
    Ok(())
}
