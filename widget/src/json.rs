//! JSON without a JSON library in the wasm: the browser parses (`JSON.parse`) and the widget
//! reads the fields it needs through [`Fields`]; what the widget sends it writes with
//! [`Object`], into the same text `serde_json` would write for the wire types.
//!
//! serde would add its own parsing and error-formatting code for every type read — a third
//! of the wasm every resident downloads. Natively (in tests) `serde_json` parses instead, so
//! the same readers are tested against the wire types' own JSON.

use wasm_bindgen::prelude::*;

/// A parsed JSON value: the browser's in the wasm, `serde_json`'s natively.
#[cfg(target_arch = "wasm32")]
pub type Value = JsValue;
/// A parsed JSON value: the browser's in the wasm, `serde_json`'s natively.
#[cfg(not(target_arch = "wasm32"))]
pub type Value = serde_json::Value;

/// Parses `text` as JSON; `None` when it is not JSON.
#[cfg(target_arch = "wasm32")]
pub fn parse(text: &str) -> Option<Value> {
    js_sys::JSON::parse(text).ok()
}

/// Parses `text` as JSON; `None` when it is not JSON.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse(text: &str) -> Option<Value> {
    serde_json::from_str(text).ok()
}

/// Read access to a parsed JSON value, whoever parsed it. `null` counts as missing.
pub trait Fields: Sized {
    /// Field `key` of this object (not `null`).
    fn field(&self, key: &str) -> Option<Self>;
    /// This value, when it is a string.
    fn string(&self) -> Option<String>;
    /// This value, when it is a number.
    fn num(&self) -> Option<f64>;
    /// This value, when it is `true` or `false`.
    fn boolean(&self) -> Option<bool>;
    /// The items of this value, when it is an array.
    fn items(&self) -> Option<Vec<Self>>;
    /// Whether this value is an object (or an array).
    fn is_object(&self) -> bool;

    /// Field `key` when it is a string.
    fn text(&self, key: &str) -> Option<String> {
        self.field(key)?.string()
    }

    /// Field `key` when it is a number.
    fn number(&self, key: &str) -> Option<f64> {
        self.field(key)?.num()
    }

    /// Field `key` when it is `true` or `false`.
    fn flag(&self, key: &str) -> Option<bool> {
        self.field(key)?.boolean()
    }

    /// Field `key` when it is an object.
    fn object(&self, key: &str) -> Option<Self> {
        self.field(key).filter(Self::is_object)
    }

    /// Field `key` read as a list: empty when missing, `None` when it is not an array or one
    /// of its items does not `read` (as serde fails the whole value).
    fn list<T>(&self, key: &str, read: impl Fn(&Self) -> Option<T>) -> Option<Vec<T>> {
        match self.field(key) {
            None => Some(Vec::new()),
            Some(value) => value.items()?.iter().map(read).collect(),
        }
    }
}

impl Fields for JsValue {
    fn field(&self, key: &str) -> Option<Self> {
        if !self.is_object() {
            return None;
        }
        js_sys::Reflect::get(self, &JsValue::from_str(key))
            .ok()
            .filter(|value| !value.is_undefined() && !value.is_null())
    }

    fn string(&self) -> Option<String> {
        self.as_string()
    }

    fn num(&self) -> Option<f64> {
        self.as_f64()
    }

    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }

    fn items(&self) -> Option<Vec<Self>> {
        js_sys::Array::is_array(self).then(|| js_sys::Array::from(self).iter().collect())
    }

    fn is_object(&self) -> bool {
        JsValue::is_object(self)
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Fields for serde_json::Value {
    fn field(&self, key: &str) -> Option<Self> {
        self.get(key).filter(|value| !value.is_null()).cloned()
    }

    fn string(&self) -> Option<String> {
        self.as_str().map(str::to_owned)
    }

    fn num(&self) -> Option<f64> {
        self.as_f64()
    }

    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }

    fn items(&self) -> Option<Vec<Self>> {
        self.as_array().cloned()
    }

    fn is_object(&self) -> bool {
        self.is_object() || self.is_array()
    }
}

/// A whole number from JSON, when it is one and fits in `T`.
pub fn whole<T: TryFrom<u64>>(number: Option<f64>) -> Option<T> {
    let n = number?;
    let exact = n >= 0.0 && n.fract() == 0.0 && n <= 9_007_199_254_740_992.0;
    // In range and whole: the conversion is exact.
    exact.then_some(n as u64).and_then(|n| T::try_from(n).ok())
}

/// A JSON object being written, fields in the order they are added (as serde writes a
/// struct's fields).
#[derive(Debug)]
pub struct Object(String);

impl Default for Object {
    fn default() -> Self {
        Self::new()
    }
}

impl Object {
    /// An empty object.
    pub fn new() -> Self {
        Self(String::from("{"))
    }

    fn key(&mut self, key: &str) {
        if self.0.len() > 1 {
            self.0.push(',');
        }
        string(&mut self.0, key);
        self.0.push(':');
    }

    /// Adds a string field.
    pub fn text(mut self, key: &str, value: &str) -> Self {
        self.key(key);
        string(&mut self.0, value);
        self
    }

    /// Adds a string field when there is a value (serde's `skip_serializing_if = "Option::is_none"`).
    pub fn maybe_text(self, key: &str, value: Option<&str>) -> Self {
        match value {
            Some(value) => self.text(key, value),
            None => self,
        }
    }

    /// Adds an array of strings, unless it is empty (serde's `skip_serializing_if = "Vec::is_empty"`).
    pub fn texts(self, key: &str, values: &[String]) -> Self {
        if values.is_empty() {
            return self;
        }
        self.list(key, values)
    }

    /// Adds an array of strings, even when empty.
    pub fn list(mut self, key: &str, values: &[String]) -> Self {
        self.key(key);
        self.0.push('[');
        for (i, value) in values.iter().enumerate() {
            if i > 0 {
                self.0.push(',');
            }
            string(&mut self.0, value);
        }
        self.0.push(']');
        self
    }

    /// Adds a number with a fraction, written as serde_json writes an `f64` in the range the
    /// widget sends (coordinates): the shortest digits that read back the same, with `.0` on
    /// whole numbers. Not finite numbers are written as `null`, as serde_json does.
    pub fn float(mut self, key: &str, value: f64) -> Self {
        self.key(key);
        if !value.is_finite() {
            self.0.push_str("null");
            return self;
        }
        let digits = shortest(value);
        self.0.push_str(&digits);
        if !digits.contains(['.', 'e', 'E']) {
            self.0.push_str(".0");
        }
        self
    }

    /// Adds a field whose value is JSON text already written (a nested object).
    pub fn raw(mut self, key: &str, json: &str) -> Self {
        self.key(key);
        self.0.push_str(json);
        self
    }

    /// Adds a whole-number field.
    pub fn number(mut self, key: &str, value: u64) -> Self {
        self.key(key);
        self.0.push_str(&value.to_string());
        self
    }

    /// Adds a `true`/`false` field.
    pub fn flag(mut self, key: &str, value: bool) -> Self {
        self.key(key);
        self.0.push_str(if value { "true" } else { "false" });
        self
    }

    /// The JSON text.
    pub fn finish(mut self) -> String {
        self.0.push('}');
        self.0
    }
}

/// The shortest digits of `value` that read back the same: the browser's `String(value)` in
/// the wasm (Rust's float formatting would add kilobytes to it), Rust's natively.
#[cfg(target_arch = "wasm32")]
fn shortest(value: f64) -> String {
    js_sys::JSON::stringify(&JsValue::from_f64(value))
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| "null".into())
}

/// The shortest digits of `value` that read back the same: the browser's `String(value)` in
/// the wasm (Rust's float formatting would add kilobytes to it), Rust's natively.
#[cfg(not(target_arch = "wasm32"))]
fn shortest(value: f64) -> String {
    value.to_string()
}

/// Appends `text` as a JSON string, escaped as serde_json escapes it.
fn string(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                let byte = u32::from(c) as usize;
                out.push_str("\\u00");
                out.push(char::from(HEX[byte >> 4]));
                out.push(char::from(HEX[byte & 0xf]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Something the widget sends as JSON.
pub trait ToJson {
    /// The JSON text, as `serde_json` writes the wire type.
    fn to_json(&self) -> String;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let nasty: String = (0u8..0x21)
            .map(char::from)
            .chain("\"\\/é€😀\u{2028}\u{7f}".chars())
            .collect();
        let written = Object::new().text("k\"", &nasty).finish();
        let expected = serde_json::json!({"k\"": nasty}).to_string();
        assert_eq!(written, expected);
    }

    #[test]
    fn objects_skip_what_serde_skips() {
        let written = Object::new()
            .text("a", "x")
            .maybe_text("b", None)
            .maybe_text("c", Some("y"))
            .texts("d", &[])
            .texts("e", &["1".into(), "2".into()])
            .number("f", 7)
            .flag("g", false)
            .finish();
        assert_eq!(
            written,
            r#"{"a":"x","c":"y","e":["1","2"],"f":7,"g":false}"#
        );
        assert_eq!(Object::new().finish(), "{}");
    }

    #[test]
    fn lists_fail_as_a_whole() {
        let value = parse(r#"{"xs":["a","b"],"bad":["a",1],"no":"a"}"#).expect("json");
        assert_eq!(
            value.list("xs", Fields::string),
            Some(vec!["a".to_owned(), "b".to_owned()])
        );
        assert_eq!(value.list("bad", Fields::string), None);
        assert_eq!(value.list("no", Fields::string), None);
        assert_eq!(value.list("missing", Fields::string), Some(Vec::new()));
    }

    #[test]
    fn numbers_must_be_whole_and_fit() {
        assert_eq!(whole::<u32>(Some(3.0)), Some(3));
        assert_eq!(whole::<u32>(Some(-1.0)), None);
        assert_eq!(whole::<u32>(Some(2.5)), None);
        assert_eq!(whole::<u32>(Some(5e9)), None);
        assert_eq!(whole::<u64>(Some(5e9)), Some(5_000_000_000));
        assert_eq!(whole::<u64>(None), None);
    }

    #[test]
    fn null_counts_as_missing() {
        let value = parse(r#"{"a":null,"b":"x"}"#).expect("json");
        assert_eq!(value.text("a"), None);
        assert_eq!(value.text("b").as_deref(), Some("x"));
        assert!(parse("{").is_none());
    }
}
