//! Small helpers over web-sys for building the widget's elements.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event, EventTarget};

/// Creates `<tag>` with the given attributes.
pub fn element(doc: &Document, tag: &str, attrs: &[(&str, &str)]) -> Result<Element, JsValue> {
    let el = doc.create_element(tag)?;
    for (name, value) in attrs {
        el.set_attribute(name, value)?;
    }
    Ok(el)
}

/// Creates `<tag>` with the given attributes and plain-text content.
pub fn text(
    doc: &Document,
    tag: &str,
    attrs: &[(&str, &str)],
    content: &str,
) -> Result<Element, JsValue> {
    let el = element(doc, tag, attrs)?;
    el.set_text_content(Some(content));
    Ok(el)
}

/// A visually hidden `<span>` that screen readers still read.
pub fn hidden_text(doc: &Document, content: &str) -> Result<Element, JsValue> {
    text(doc, "span", &[("class", "vh")], content)
}

/// Appends a text node to `parent`.
pub fn append_text(doc: &Document, parent: &Element, content: &str) -> Result<(), JsValue> {
    parent.append_child(&doc.create_text_node(content))?;
    Ok(())
}

/// Sets `lang` and the matching `dir` on `el`.
pub fn set_lang(el: &Element, lang: &str) -> Result<(), JsValue> {
    el.set_attribute("lang", lang)?;
    el.set_attribute("dir", i18n::direction(lang).as_str())
}

/// Calls `handler` for every `kind` event on `target`, for the life of the page.
pub fn listen<F>(target: &EventTarget, kind: &str, handler: F) -> Result<(), JsValue>
where
    F: FnMut(Event) + 'static,
{
    let callback = Closure::<dyn FnMut(Event)>::new(handler);
    target.add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref())?;
    // The widget lives as long as the page: its listeners are never removed.
    callback.forget();
    Ok(())
}

/// The element an event came from, if it is one.
pub fn event_element(event: &Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

/// Writes a failure to the browser console (for site maintainers; residents see localised
/// messages instead).
pub fn report(err: &JsValue) {
    web_sys::console::error_2(&JsValue::from_str("wayfinder:"), err);
}
