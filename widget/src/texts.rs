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
        self.catalogs
            .iter()
            .find(|catalog| catalog.has(id))
            .map_or_else(|| id.to_owned(), |catalog| catalog.format(id, &[]))
    }
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
    fn broken_or_missing_source_means_english() {
        assert_eq!(Texts::new("es", Some("= broken")).lang(), "en");
        assert_eq!(Texts::new("es", None).lang(), "en");
    }
}
