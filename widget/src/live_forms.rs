//! The two small forms of live chat, "Leave a message" and the stars at the end: building
//! them with real labels, reading them, and showing an error next to the field it is about
//! (named by the field's `aria-describedby`).

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

use crate::dom;
use crate::ids;
use crate::markup::Markup;
use crate::texts::Texts;

/// Longest name or contact, in characters.
pub const MAX_FIELD_CHARS: usize = 200;

/// The "Leave a message" form: optional name, optional contact (with why it helps), the
/// message, and a place for an error about the whole form. `uid` makes its ids unique.
pub fn ticket(doc: &Document, texts: &Texts, uid: u32) -> HtmlElement {
    let mut p = String::from("wf-t");
    p.push_str(&uid.to_string());
    let p = p.as_str();
    let short = MAX_FIELD_CHARS.to_string();
    let max = protocol::live::MAX_CHAT_MESSAGE_CHARS.to_string();
    let mut m = Markup::new();
    m.fill(
        "<h3 id=\"{}-title\">{}</h3>\
         <div class=\"field\"><label for=\"{}-name\">{}</label>\
         <input id=\"{}-name\" name=\"name\" type=\"text\" autocomplete=\"name\" maxlength=\"{}\"></div>\
         <div class=\"field\"><label for=\"{}-contact\">{}</label>\
         <p class=\"hint\" id=\"{}-contact-hint\">{}</p>\
         <input id=\"{}-contact\" name=\"contact\" type=\"text\" maxlength=\"{}\" \
         aria-describedby=\"{}-contact-hint\"></div>\
         <div class=\"field\"><label for=\"{}-message\">{}</label>\
         <textarea id=\"{}-message\" name=\"message\" rows=\"4\" maxlength=\"{}\" required></textarea>\
         <p class=\"field-error\" id=\"{}-message-error\" hidden></p></div>",
        &[
            p,
            &texts.get(ids::LIVE_LEAVE),
            p,
            &texts.get(ids::TICKET_NAME),
            p,
            &short,
            p,
            &texts.get(ids::TICKET_CONTACT),
            p,
            &texts.get(ids::TICKET_CONTACT_HINT),
            p,
            &short,
            p,
            p,
            &texts.get(ids::TICKET_MESSAGE),
            p,
            &max,
            p,
        ],
    );
    finish(&mut m, texts, p, ids::TICKET_SUBMIT);
    let mut title = String::from(p);
    title.push_str("-title");
    dom::html(
        doc,
        "form",
        &[
            ("class", "ticket"),
            ("novalidate", ""),
            ("aria-labelledby", &title),
        ],
        m.as_str(),
    )
}

/// The stars at the end of a chat `chat_id` (with its `token`): a radio group in a
/// `<fieldset>` with its `<legend>`, an optional comment, and a place for errors. `uid` makes
/// its ids unique.
pub fn rating(m: &mut Markup, texts: &Texts, uid: u32, chat_id: &str, token: &str) {
    let mut p = String::from("wf-r");
    p.push_str(&uid.to_string());
    let p = p.as_str();
    m.fill(
        "<form class=\"rating\" novalidate data-chat=\"{}\" data-token=\"{}\">\
         <fieldset id=\"{}-stars\"><legend>{}</legend><div class=\"stars\">",
        &[chat_id, token, p, &texts.get(ids::LIVE_RATING_LEGEND)],
    );
    for (value, id) in ["1", "2", "3", "4", "5"].into_iter().zip(ids::LIVE_STARS) {
        m.fill(
            "<div class=\"star\"><input type=\"radio\" id=\"{}-s{}\" name=\"{}-stars\" value=\"{}\">\
             <label for=\"{}-s{}\">{}</label></div>",
            &[p, value, p, value, p, value, &texts.get(id)],
        );
    }
    m.fill(
        "</div></fieldset><p class=\"field-error\" id=\"{}-stars-error\" hidden></p>\
         <div class=\"field\"><label for=\"{}-comment\">{}</label>\
         <textarea id=\"{}-comment\" name=\"comment\" rows=\"2\" maxlength=\"{}\"></textarea></div>",
        &[
            p,
            p,
            &texts.get(ids::LIVE_RATING_COMMENT),
            p,
            &protocol::MAX_COMMENT_CHARS.to_string(),
        ],
    );
    finish(m, texts, p, ids::LIVE_RATING_SUBMIT);
    m.raw("</form>");
}

/// The trimmed value of the text field `name` of `form` (empty when there is none).
pub fn value(form: &Element, name: &str) -> String {
    let Some(el) = dom::find(form, &dom::attr_is("", "name", name)) else {
        return String::new();
    };
    let raw = match el.dyn_ref::<HtmlTextAreaElement>() {
        Some(area) => area.value(),
        None => el.unchecked_ref::<HtmlInputElement>().value(),
    };
    raw.trim().to_owned()
}

/// The value of the checked radio button of `form`, if any.
pub fn checked(form: &Element) -> Option<String> {
    let el = dom::find(form, "input[type=radio]:checked")?;
    Some(el.unchecked_ref::<HtmlInputElement>().value())
}

/// Shows `text` as the error about `field` in the element `error` next to it, and names it in
/// the field's `aria-describedby`; `None` clears it. `invalid` marks the field itself with
/// `aria-invalid` (for inputs, not for a fieldset).
pub fn set_error(field: &Element, error: &Element, text: Option<&str>, invalid: bool) {
    let error_id = error.id();
    let mut described = String::new();
    for id in field
        .get_attribute("aria-describedby")
        .unwrap_or_default()
        .split_whitespace()
        .filter(|id| *id != error_id)
    {
        if !described.is_empty() {
            described.push(' ');
        }
        described.push_str(id);
    }
    error.set_text_content(text);
    dom::flag(error, "hidden", text.is_none());
    match text {
        Some(_) => {
            if !described.is_empty() {
                described.push(' ');
            }
            described.push_str(&error_id);
            if invalid {
                dom::set(field, "aria-invalid", "true");
            }
        }
        None => dom::unset(field, "aria-invalid"),
    }
    if described.is_empty() {
        dom::unset(field, "aria-describedby");
    } else {
        dom::set(field, "aria-describedby", &described);
    }
}

/// The error element of the field with id `field_id` inside `form`.
pub fn error_of(form: &Element, field_id: &str) -> Option<HtmlElement> {
    let mut id = String::from(field_id);
    id.push_str("-error");
    dom::find(form, &dom::attr_is("", "id", &id))
}

/// The form-wide error element and the submit button of `form`.
pub fn form_error(form: &Element) -> Option<(HtmlElement, HtmlElement)> {
    let error = dom::find(form, ".form-error")?;
    let submit = dom::find(form, "button[type=submit]")?;
    Some((error, submit))
}

/// The element that replaces a sent form: a thank-you that can take focus (when the form
/// had it), with message `id` and its `args`.
pub fn done(doc: &Document, texts: &Texts, id: &str, args: &[(&str, &str)]) -> HtmlElement {
    let mut m = Markup::new();
    m.message(texts, id, &crate::live_render::text_args(args));
    dom::html(
        doc,
        "p",
        &[("class", "form-done"), ("tabindex", "-1")],
        m.as_str(),
    )
}

/// The form-wide error slot (`<p>-error`) and the submit button labelled `label`.
fn finish(m: &mut Markup, texts: &Texts, p: &str, label: &str) {
    m.fill(
        "<p class=\"field-error form-error\" id=\"{}-error\" hidden></p>\
         <button type=\"submit\" class=\"submit\">{}</button>",
        &[p, &texts.get(label)],
    );
}
