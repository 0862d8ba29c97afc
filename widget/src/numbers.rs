//! Numbers in the resident's language with the browser's `Intl`: their text, and their plural
//! category for the UI strings (see [`crate::texts`]).

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A JS `Number` (own binding, so an unusable locale is a catchable error, not an abort).
    #[wasm_bindgen(js_name = Number)]
    type JsNumber;

    #[wasm_bindgen(constructor, js_class = "Number")]
    fn new(value: f64) -> JsNumber;

    #[wasm_bindgen(method, catch, js_class = "Number", js_name = toLocaleString)]
    fn to_locale_string(
        this: &JsNumber,
        locale: &str,
        options: &JsValue,
    ) -> Result<String, JsValue>;

    #[wasm_bindgen(catch, js_namespace = ["Intl", "NumberFormat"], js_name = supportedLocalesOf)]
    fn supported_locales_of(locale: &str) -> Result<js_sys::Array, JsValue>;

    #[wasm_bindgen(catch, js_namespace = ["Intl", "PluralRules"], js_name = supportedLocalesOf)]
    fn plural_locales_of(locale: &str) -> Result<js_sys::Array, JsValue>;
}

#[wasm_bindgen(js_namespace = Intl)]
extern "C" {
    /// `Intl.PluralRules` (own binding, so an unusable locale is a catchable error).
    type PluralRules;

    #[wasm_bindgen(constructor, catch)]
    fn new(locale: &str) -> Result<PluralRules, JsValue>;

    #[wasm_bindgen(method)]
    fn select(this: &PluralRules, n: f64) -> String;
}

/// The plural category of `n` in language `lang` (`one`, `few`, `other`, ...). A language the
/// browser has no rules for gets English rules, as Fluent gives it; `other` when the browser
/// has no `Intl.PluralRules` at all.
pub fn plural_category(n: f64, lang: &str) -> String {
    let known = plural_locales_of(lang).is_ok_and(|found| found.length() > 0);
    PluralRules::new(if known { lang } else { "en" })
        .map_or_else(|_| "other".to_owned(), |rules| rules.select(n))
}

/// `n` in language `lang` (its own digits where it has them); plain digits when the browser
/// cannot.
pub fn format(n: u32, lang: &str) -> String {
    JsNumber::new(f64::from(n))
        .to_locale_string(lang, &JsValue::UNDEFINED)
        .unwrap_or_else(|_| n.to_string())
}

/// `n` minutes spelled out in language `lang` ("3 minutes", "1 minuto", "3분"), with the
/// plural the language needs; `None` when the browser does not know the language, so the
/// caller uses its own words instead of the browser's default language.
pub fn minutes(n: u32, lang: &str) -> Option<String> {
    let known = supported_locales_of(lang).is_ok_and(|found| found.length() > 0);
    if !known {
        return None;
    }
    let options = js_sys::Object::new();
    for (key, value) in [
        ("style", "unit"),
        ("unit", "minute"),
        ("unitDisplay", "long"),
    ] {
        js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value)).ok()?;
    }
    JsNumber::new(f64::from(n))
        .to_locale_string(lang, &options)
        .ok()
}
