//! The UI strings in use: the UI language's messages backed by the built-in English, and the
//! small interpreter that formats them.
//!
//! The server compiles each `locales/<tag>/widget.ftl` into the compact JSON form described in
//! `i18n::compact` (text, variables, selections on a variable's text, number or plural
//! category, attributes); this module formats that form with the same result as
//! `fluent-bundle` with `use_isolating` off (`tests/formatting.rs` compares the two for every
//! locale and message). Plural categories come from the browser's `Intl.PluralRules`, numbers
//! are formatted by the caller with `Intl` ([`crate::numbers`]).

use crate::json::{self, Fields, whole};
use crate::locale;

/// The value of a message's variable.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Arg<'a> {
    /// Text, shown as it is and selected on by exact match (`[male]`).
    Text(&'a str),
    /// A number, shown as its text in the UI language (from [`crate::numbers`]) and selected
    /// on by its value: exact keys (`[0]`) and plural categories (`[one]`, `[few]`, ...).
    Number(f64, &'a str),
}

impl Arg<'_> {
    /// What the message shows for this value.
    pub fn shown(&self) -> &str {
        match self {
            Self::Text(text) | Self::Number(_, text) => text,
        }
    }
}

/// Formats UI strings: looks each id up in the UI language, then in built-in English, and
/// shows the id itself only when both lack it.
pub struct Texts {
    catalogs: Vec<Catalog>,
}

impl std::fmt::Debug for Texts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Texts").field("lang", &self.lang()).finish()
    }
}

/// One language's compiled messages (the `messages` object of its JSON).
struct Catalog {
    lang: String,
    messages: json::Value,
}

impl Catalog {
    fn parse(lang: &str, source: &str) -> Option<Self> {
        let messages = json::parse(source)?.object("messages")?;
        Some(Self {
            lang: lang.to_owned(),
            messages,
        })
    }

    /// The value pattern of message `id`.
    fn value(&self, id: &str) -> Option<json::Value> {
        let entry = self.messages.field(id)?;
        match entry.field("attrs") {
            Some(_) => entry.field("value"),
            None => Some(entry),
        }
    }

    /// The pattern of attribute `attr` of message `id`.
    fn attr(&self, id: &str, attr: &str) -> Option<json::Value> {
        self.messages.field(id)?.field("attrs")?.field(attr)
    }
}

impl Texts {
    /// Builds the strings for `lang` from its fetched compiled messages (`None` when they
    /// could not be fetched). Messages that do not parse are skipped, leaving English.
    pub fn new(lang: &str, source: Option<&str>) -> Self {
        let mut catalogs = Vec::with_capacity(2);
        if let Some(catalog) = source.and_then(|source| Catalog::parse(lang, source)) {
            catalogs.push(catalog);
        }
        if let Some(english) = Catalog::parse(locale::DEFAULT, locale::BUILTIN_EN) {
            catalogs.push(english);
        }
        Self { catalogs }
    }

    /// The language the UI is actually shown in (English when the requested one failed).
    pub fn lang(&self) -> &str {
        self.catalogs
            .first()
            .map_or(locale::DEFAULT, |catalog| &catalog.lang)
    }

    /// The text of message `id`.
    pub fn get(&self, id: &str) -> String {
        self.format(id, &[])
    }

    /// The text of message `id` with its text variables.
    pub fn format(&self, id: &str, args: &[(&str, &str)]) -> String {
        let args: Vec<(&str, Arg<'_>)> = args
            .iter()
            .map(|(name, value)| (*name, Arg::Text(value)))
            .collect();
        self.format_args(id, &args)
    }

    /// The text of message `id` with its variables, text or numbers.
    pub fn format_args(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        join(&self.parts(id, args), args)
    }

    /// The text of attribute `attr` of message `id` (e.g. a button's `.title`); `id.attr`
    /// when neither the UI language nor English has it.
    pub fn attr(&self, id: &str, attr: &str, args: &[(&str, Arg<'_>)]) -> String {
        let found = self
            .catalogs
            .iter()
            .find_map(|catalog| Some((catalog, catalog.attr(id, attr)?)));
        let Some((catalog, pattern)) = found else {
            return crate::strings::concat(&[id, ".", attr]);
        };
        let mut parts = Vec::new();
        write(&pattern, &catalog.lang, args, &mut parts);
        join(&parts, args)
    }

    /// The text of message `id` cut into its own words and the places of its variables (by
    /// index into `args`), so each value can be put in its own element, e.g. a `<bdi>` that
    /// keeps a name or number in its own direction inside right-to-left text.
    pub fn parts(&self, id: &str, args: &[(&str, Arg<'_>)]) -> Vec<Part> {
        let found = self
            .catalogs
            .iter()
            .find_map(|catalog| Some((catalog, catalog.value(id)?)));
        let mut parts = Vec::new();
        match found {
            Some((catalog, pattern)) => write(&pattern, &catalog.lang, args, &mut parts),
            None => push_text(&mut parts, id),
        }
        parts
    }
}

/// A piece of a formatted message: see [`Texts::parts`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// The message's own words.
    Text(String),
    /// The value of the variable with this index.
    Arg(usize),
}

/// The parts with each variable's value filled in.
fn join(parts: &[Part], args: &[(&str, Arg<'_>)]) -> String {
    let mut text = String::new();
    for part in parts {
        match part {
            Part::Text(words) => text.push_str(words),
            Part::Arg(i) => text.push_str(args.get(*i).map_or("", |(_, arg)| arg.shown())),
        }
    }
    text
}

fn push_text(parts: &mut Vec<Part>, text: &str) {
    if text.is_empty() {
        return;
    }
    match parts.last_mut() {
        Some(Part::Text(last)) => last.push_str(text),
        _ => parts.push(Part::Text(text.to_owned())),
    }
}

/// Formats `pattern` (of a message in `lang`) into `parts`.
fn write<F: Fields>(pattern: &F, lang: &str, args: &[(&str, Arg<'_>)], parts: &mut Vec<Part>) {
    if let Some(text) = pattern.string() {
        push_text(parts, &text);
        return;
    }
    for element in pattern.items().unwrap_or_default() {
        if let Some(text) = element.string() {
            push_text(parts, &text);
        } else if let Some(name) = element.text("var") {
            // The last value given for a name counts, as in Fluent's arguments.
            match args.iter().rposition(|(arg, _)| *arg == name) {
                Some(i) => parts.push(Part::Arg(i)),
                None => push_text(parts, &crate::strings::concat(&["{$", &name, "}"])),
            }
        } else if let Some(name) = element.text("select") {
            let value = args
                .iter()
                .rev()
                .find(|(arg, _)| *arg == name)
                .map(|(_, value)| *value);
            let mut cases = element
                .field("cases")
                .and_then(|c| c.items())
                .unwrap_or_default();
            let chosen = value
                .and_then(|value| cases.iter().position(|case| matches(case, value, lang)))
                .or_else(|| whole::<usize>(element.number("default")));
            let pattern = chosen
                .filter(|&i| i < cases.len())
                .map(|i| cases.swap_remove(i))
                .and_then(|case| case.items())
                .and_then(|mut case| (case.len() == 2).then(|| case.swap_remove(1)));
            if let Some(pattern) = pattern {
                write(&pattern, lang, args, parts);
            }
        }
    }
}

/// Whether a select's `case` (`[key, pattern]`) is the one for `value`.
fn matches<F: Fields>(case: &F, value: Arg<'_>, lang: &str) -> bool {
    let Some(key) = case.items().and_then(|items| items.into_iter().next()) else {
        return false;
    };
    match (key.string(), value) {
        (Some(name), Arg::Text(text)) => name == text,
        (Some(name), Arg::Number(n, _)) => name == plural_category(lang, n),
        (None, Arg::Number(n, _)) => key.num() == Some(n),
        (None, Arg::Text(_)) => false,
    }
}

/// The plural category of `n` in `lang`, from the browser.
#[cfg(target_arch = "wasm32")]
fn plural_category(lang: &str, n: f64) -> String {
    crate::numbers::plural_category(n, lang)
}

/// The plural category of `n` in `lang` (natively, as Fluent chooses it).
#[cfg(not(target_arch = "wasm32"))]
fn plural_category(lang: &str, n: f64) -> String {
    i18n::plural_category(lang, n).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids;

    /// Compiled messages for `lang` from a Fluent source, as the server serves them.
    fn compiled(lang: &str, ftl: &str) -> String {
        i18n::compile(lang, "test.ftl", ftl).expect("compiles")
    }

    #[test]
    fn falls_back_to_english_per_message() {
        let texts = Texts::new("es", Some(&compiled("es", "send-button = Enviar\n")));
        assert_eq!(texts.lang(), "es");
        assert_eq!(texts.get(ids::SEND), "Enviar");
        assert_eq!(texts.get(ids::CLOSE), "Close");
        assert_eq!(texts.get("no-such-id"), "no-such-id");
    }

    #[test]
    fn variables_are_filled_in() {
        let texts = Texts::new("es", Some(&compiled("es", "hi = Hola, { $name }.\n")));
        assert_eq!(texts.format("hi", &[("name", "Alex")]), "Hola, Alex.");
        assert_eq!(texts.format("hi", &[]), "Hola, {$name}.");
        assert_eq!(
            texts.format("hi", &[("name", "A"), ("name", "B")]),
            "Hola, B."
        );
    }

    #[test]
    fn parts_mark_where_each_value_goes() {
        let source = "joined = { $name } de { $department } se unió.\nlead = { $name }\n";
        let texts = Texts::new("es", Some(&compiled("es", source)));
        let args = [
            ("name", Arg::Text("Ana")),
            ("department", Arg::Text("Parques")),
        ];
        assert_eq!(
            texts.parts("joined", &args),
            vec![
                Part::Arg(0),
                Part::Text(" de ".into()),
                Part::Arg(1),
                Part::Text(" se unió.".into()),
            ]
        );
        assert_eq!(texts.parts("lead", &args[..1]), vec![Part::Arg(0)]);
        assert_eq!(texts.parts(ids::SEND, &[]), vec![Part::Text("Send".into())]);
        assert_eq!(texts.parts("nope", &[]), vec![Part::Text("nope".into())]);
    }

    #[test]
    fn selects_on_text_numbers_and_plural_categories() {
        let source = "n = { $count ->\n    [0] no items\n    [one] one item\n    [few] { $count } items (few)\n   *[other] { $count } items\n}\nk = { $kind ->\n    [staff] staff\n   *[other] someone\n}\n";
        let en = Texts::new("en", Some(&compiled("en", source)));
        let count = |texts: &Texts, n: f64, shown: &str| {
            texts.format_args("n", &[("count", Arg::Number(n, shown))])
        };
        assert_eq!(count(&en, 0.0, "0"), "no items");
        assert_eq!(count(&en, 1.0, "1"), "one item");
        assert_eq!(count(&en, 3.0, "3"), "3 items");
        assert_eq!(count(&en, 1234.0, "1,234"), "1,234 items");
        let ru = Texts::new("ru", Some(&compiled("ru", source)));
        assert_eq!(count(&ru, 3.0, "3"), "3 items (few)");
        assert_eq!(count(&ru, 21.0, "21"), "one item");
        // Text is matched as text: "1" is not the number one.
        assert_eq!(en.format("n", &[("count", "1")]), "1 items");
        assert_eq!(en.format("k", &[("kind", "staff")]), "staff");
        assert_eq!(en.format("k", &[("kind", "resident")]), "someone");
        assert_eq!(en.format("k", &[]), "someone");
    }

    #[test]
    fn attributes_have_their_own_text() {
        let source = "send = Enviar\n    .title = Enviar { $what }\n";
        let texts = Texts::new("es", Some(&compiled("es", source)));
        assert_eq!(texts.get("send"), "Enviar");
        assert_eq!(
            texts.attr("send", "title", &[("what", Arg::Text("la pregunta"))]),
            "Enviar la pregunta"
        );
        assert_eq!(texts.attr("send", "label", &[]), "send.label");
    }

    #[test]
    fn broken_or_missing_source_means_english() {
        assert_eq!(Texts::new("es", Some("send-button = Enviar")).lang(), "en");
        assert_eq!(Texts::new("es", Some("{\"lang\":\"es\"}")).lang(), "en");
        assert_eq!(Texts::new("es", None).lang(), "en");
        assert_eq!(Texts::new("es", None).get(ids::SEND), "Send");
    }
}
