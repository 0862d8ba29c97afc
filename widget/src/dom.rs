//! The widget's few DOM calls, bound without the exception check that web-sys puts around
//! each (and the error handling every caller would then carry): as the widget makes them —
//! its own tag names, attribute names, selectors and class names, on elements it built, with
//! any value from the server quoted by [`attr_is`] — none of them can throw.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, Event, EventTarget, HtmlElement, Node, ShadowRoot};

#[wasm_bindgen]
extern "C" {
    /// An element, as the calls below see it.
    #[wasm_bindgen(extends = Element)]
    type El;

    /// The document, as the calls below see it.
    #[wasm_bindgen(extends = Document)]
    type Doc;

    #[wasm_bindgen(method, js_name = createElement)]
    fn create_element(this: &Doc, tag: &str) -> HtmlElement;

    /// The widget's shadow root, as the calls below see it.
    #[wasm_bindgen(extends = ShadowRoot)]
    type Root;

    #[wasm_bindgen(method, js_name = getElementById)]
    fn get_element_by_id(this: &Root, id: &str) -> HtmlElement;

    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute(this: &El, name: &str, value: &str);

    #[wasm_bindgen(method, js_name = removeAttribute)]
    fn remove_attribute(this: &El, name: &str);

    #[wasm_bindgen(method, js_name = appendChild)]
    fn append_child(this: &El, child: &Node);

    #[wasm_bindgen(method, js_name = querySelector)]
    fn query_selector(this: &El, selector: &str) -> Option<HtmlElement>;

    #[wasm_bindgen(method, js_name = querySelectorAll)]
    fn query_selector_all(this: &El, selector: &str) -> Found;

    /// Elements found by `querySelectorAll`.
    type Found;

    #[wasm_bindgen(method, getter)]
    fn length(this: &Found) -> u32;

    #[wasm_bindgen(method)]
    fn item(this: &Found, index: u32) -> HtmlElement;

    #[wasm_bindgen(method)]
    fn closest(this: &El, selector: &str) -> Option<HtmlElement>;

    #[wasm_bindgen(method, js_name = replaceWith)]
    fn replace_with(this: &El, node: &Node);

    #[wasm_bindgen(method)]
    fn focus(this: &El);

    #[wasm_bindgen(method, js_name = insertAdjacentHTML)]
    fn insert_adjacent_html(this: &El, position: &str, html: &str);

    #[wasm_bindgen(method, getter, js_name = classList)]
    fn class_list(this: &El) -> Classes;

    /// An element's classes.
    type Classes;

    #[wasm_bindgen(method)]
    fn contains(this: &Classes, class: &str) -> bool;

    #[wasm_bindgen(method)]
    fn toggle(this: &Classes, class: &str, on: bool);
}

fn el(element: &Element) -> &El {
    element.unchecked_ref()
}

/// Creates `<tag>` with the given attributes.
pub fn element(doc: &Document, tag: &str, attrs: &[(&str, &str)]) -> HtmlElement {
    let created = doc.unchecked_ref::<Doc>().create_element(tag);
    for (name, value) in attrs {
        set(&created, name, value);
    }
    created
}

/// Creates `<tag>` with the given attributes and plain-text content.
pub fn text(doc: &Document, tag: &str, attrs: &[(&str, &str)], content: &str) -> HtmlElement {
    let created = element(doc, tag, attrs);
    created.set_text_content(Some(content));
    created
}

/// Creates `<tag>` with the given attributes, holding `html` (markup the widget wrote with
/// [`crate::markup::Markup`], or the server's sanitised answer).
pub fn html(doc: &Document, tag: &str, attrs: &[(&str, &str)], html: &str) -> HtmlElement {
    let created = element(doc, tag, attrs);
    created.set_inner_html(html);
    created
}

/// Sets attribute `name` of `element`.
pub fn set(element: &Element, name: &str, value: &str) {
    el(element).set_attribute(name, value);
}

/// Removes attribute `name` of `element`.
pub fn unset(element: &Element, name: &str) {
    el(element).remove_attribute(name);
}

/// Sets or removes the boolean attribute `name` (`hidden`, `aria-busy`...).
pub fn flag(element: &Element, name: &str, on: bool) {
    if on {
        set(element, name, "");
    } else {
        unset(element, name);
    }
}

/// Appends `child` to `parent`.
pub fn append(parent: &Element, child: &Node) {
    el(parent).append_child(child);
}

/// Appends markup the widget wrote (see [`crate::markup::Markup`]) at the end of `parent`.
pub fn append_html(parent: &Element, html: &str) {
    el(parent).insert_adjacent_html("beforeend", html);
}

/// The first element inside `root` that matches `selector`.
pub fn find(root: &Element, selector: &str) -> Option<HtmlElement> {
    el(root).query_selector(selector)
}

/// Every element inside `root` that matches `selector`, in document order.
pub fn find_all(root: &Element, selector: &str) -> impl Iterator<Item = HtmlElement> {
    let found = el(root).query_selector_all(selector);
    (0..found.length()).map(move |i| found.item(i))
}

/// `selector[attr="value"]`, `value` quoted as a CSS string (it may come from the server: any
/// text makes a valid selector).
pub fn attr_is(selector: &str, attr: &str, value: &str) -> String {
    let mut out = String::with_capacity(selector.len() + attr.len() + value.len() + 5);
    out.push_str(selector);
    out.push('[');
    out.push_str(attr);
    out.push_str("=\"");
    for c in value.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\0' => out.push('\u{fffd}'),
            c if c.is_control() => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let code = u32::from(c);
                out.push('\\');
                if code >= 0x10 {
                    out.push(char::from(HEX[(code >> 4) as usize & 0xf]));
                }
                out.push(char::from(HEX[code as usize & 0xf]));
                out.push(' ');
            }
            c => out.push(c),
        }
    }
    out.push_str("\"]");
    out
}

/// The element with id `id` in the widget's shadow root (one the widget wrote).
pub fn by_id(root: &ShadowRoot, id: &str) -> HtmlElement {
    root.unchecked_ref::<Root>().get_element_by_id(id)
}

/// Puts markup the widget wrote (see [`crate::markup::Markup`]) right after `element`.
pub fn insert_after(element: &Element, html: &str) {
    el(element).insert_adjacent_html("afterend", html);
}

/// The closest element to `element`, itself included, that matches `selector`.
pub fn closest(element: &Element, selector: &str) -> Option<HtmlElement> {
    el(element).closest(selector)
}

/// Puts `node` in the place of `element`.
pub fn replace(element: &Element, node: &Node) {
    el(element).replace_with(node);
}

/// Moves focus to `element`.
pub fn focus(element: &Element) {
    el(element).focus();
}

/// Whether `element` has class `class`.
pub fn has_class(element: &Element, class: &str) -> bool {
    el(element).class_list().contains(class)
}

/// Adds or removes class `class`.
pub fn set_class(element: &Element, class: &str, on: bool) {
    el(element).class_list().toggle(class, on);
}

/// Sets `lang` and the matching `dir` on `el`.
pub fn set_lang(element: &Element, lang: &str) {
    set(element, "lang", lang);
    set(element, "dir", i18n::direction(lang).as_str());
}

/// Calls `handler` for every `kind` event on `target`, for the life of the page.
pub fn listen<F>(target: &EventTarget, kind: &str, handler: F)
where
    F: FnMut(Event) + 'static,
{
    let callback = Closure::<dyn FnMut(Event)>::new(handler);
    let _ = target.add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref());
    // The widget lives as long as the page: its listeners are never removed.
    callback.forget();
}

/// The element an event came from, if it is one.
pub fn event_element(event: &Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

/// The closest element to where `event` happened that matches `selector`.
pub fn event_closest(event: &Event, selector: &str) -> Option<HtmlElement> {
    closest(&event_element(event)?, selector)
}

/// Writes a failure to the browser console (for site maintainers; residents see localised
/// messages instead).
pub fn report(err: &JsValue) {
    web_sys::console::error_2(&JsValue::from_str("wayfinder:"), err);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attribute_values_are_quoted_as_css_strings() {
        assert_eq!(attr_is("input", "name", "q-a"), "input[name=\"q-a\"]");
        assert_eq!(
            attr_is("", "id", "a\"b\\c\nd\u{7f}"),
            "[id=\"a\\\"b\\\\c\\a d\\7f \"]"
        );
    }
}
