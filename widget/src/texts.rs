//! The UI strings in use: the UI language's catalog, backed by the built-in English.

use i18n::Catalog;

use crate::locale;

/// Formats UI strings: looks each id up in the UI language, then in built-in English, and
/// shows the id itself only when both lack it.
#[derive(Debug)]
pub struct Texts {
    catalogs: Vec<Catalog>,
}

impl Texts {
    /// Builds the strings for `lang` from its fetched Fluent source (`None` when it could not
    /// be fetched). A source that does not parse is skipped, leaving English.
    pub fn new(lang: &str, source: Option<&str>) -> Self {
        let mut catalogs = Vec::with_capacity(2);
        if let Some(source) = source
            && let Ok(catalog) = Catalog::new(lang, &[(lang, source)])
        {
            catalogs.push(catalog);
        }
        if let Ok(english) = Catalog::new(locale::DEFAULT, &[("builtin", locale::BUILTIN_EN)]) {
            catalogs.push(english);
        }
        Self { catalogs }
    }

    /// The language the UI is actually shown in (English when the requested one failed).
    pub fn lang(&self) -> &str {
        self.catalogs
            .first()
            .map_or(locale::DEFAULT, |catalog| catalog.lang())
    }

    /// The text of message `id`.
    pub fn get(&self, id: &str) -> String {
        self.format(id, &[])
    }

    /// The text of message `id` with its variables (numbers already formatted by the caller).
    pub fn format(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.catalogs
            .iter()
            .find(|catalog| catalog.has(id))
            .map_or_else(|| id.to_owned(), |catalog| catalog.format(id, args))
    }

    /// The text of message `id` cut into its own words and the places of its variables
    /// `names` (by index), so each value can be put in its own element, e.g. a `<bdi>` that
    /// keeps a name or number in its own direction inside right-to-left text.
    pub fn parts(&self, id: &str, names: &[&str]) -> Vec<Part> {
        let markers: Vec<String> = (0..names.len()).map(|i| marker(i).to_string()).collect();
        let args: Vec<(&str, &str)> = names
            .iter()
            .zip(&markers)
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        let mut parts = Vec::new();
        let mut text = String::new();
        for c in self.format(id, &args).chars() {
            match (0..names.len()).find(|&i| marker(i) == c) {
                Some(i) => {
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    parts.push(Part::Arg(i));
                }
                None => text.push(c),
            }
        }
        if !text.is_empty() {
            parts.push(Part::Text(text));
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

/// A private-use character standing for variable `index` while a message is cut into parts.
fn marker(index: usize) -> char {
    let offset = u32::try_from(index).unwrap_or(0xff).min(0xff);
    char::from_u32(0xE000 + offset).unwrap_or('\u{E000}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids;

    #[test]
    fn falls_back_to_english_per_message() {
        let texts = Texts::new("es", Some("send-button = Enviar\n"));
        assert_eq!(texts.lang(), "es");
        assert_eq!(texts.get(ids::SEND), "Enviar");
        assert_eq!(texts.get(ids::CLOSE), "Close");
        assert_eq!(texts.get("no-such-id"), "no-such-id");
    }

    #[test]
    fn variables_are_filled_in() {
        let texts = Texts::new("es", Some("hi = Hola, { $name }.\n"));
        assert_eq!(texts.format("hi", &[("name", "Alex")]), "Hola, Alex.");
    }

    #[test]
    fn parts_mark_where_each_value_goes() {
        let source = "joined = { $name } de { $department } se unió.\nlead = { $name }\n";
        let texts = Texts::new("es", Some(source));
        assert_eq!(
            texts.parts("joined", &["name", "department"]),
            vec![
                Part::Arg(0),
                Part::Text(" de ".into()),
                Part::Arg(1),
                Part::Text(" se unió.".into()),
            ]
        );
        assert_eq!(texts.parts("lead", &["name"]), vec![Part::Arg(0)]);
        assert_eq!(texts.parts(ids::SEND, &[]), vec![Part::Text("Send".into())]);
    }

    #[test]
    fn broken_or_missing_source_means_english() {
        assert_eq!(Texts::new("es", Some("= broken")).lang(), "en");
        assert_eq!(Texts::new("es", None).lang(), "en");
    }
}
