//! One language's Fluent messages.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use unic_langid::LanguageIdentifier;

/// Why a catalog could not be built.
#[derive(Debug, thiserror::Error)]
pub enum I18nError {
    /// The language tag does not parse as BCP 47.
    #[error("invalid language tag {0:?}")]
    InvalidTag(String),
    /// A Fluent source has syntax errors.
    #[error("{source_name}: Fluent syntax error: {details}")]
    Syntax {
        /// Name of the source (usually the file path) as the caller gave it.
        source_name: String,
        /// The parser's complaints, joined.
        details: String,
    },
    /// Two sources define the same message id.
    #[error("{source_name}: {details}")]
    Conflict {
        /// Name of the source that added the duplicate.
        source_name: String,
        /// Which ids collided.
        details: String,
    },
    /// A message uses what the widget's compact form cannot express (see [`crate::compile`]).
    #[error("{source_name}: not supported in widget strings: {details}")]
    Unsupported {
        /// Name of the source.
        source_name: String,
        /// Which message, and what it uses.
        details: String,
    },
}

impl I18nError {
    /// A syntax error in the source named `source_name`, with the parser's complaints.
    pub(crate) fn syntax(source_name: &str, errors: &[impl std::fmt::Display]) -> Self {
        Self::Syntax {
            source_name: source_name.to_owned(),
            details: errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

/// The Fluent messages of one language, ready to format.
///
/// `Send + Sync`, so the server can share one per language across requests. The widget formats
/// the same messages compiled by [`crate::compile`], with the same results.
pub struct Catalog {
    lang: String,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Catalog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalog").field("lang", &self.lang).finish()
    }
}

impl Catalog {
    /// Builds a catalog for `lang` from named Fluent sources (`(name, text)`; the name is used
    /// in error messages, typically the file path).
    pub fn new(lang: &str, sources: &[(&str, &str)]) -> Result<Self, I18nError> {
        let id: LanguageIdentifier = lang
            .parse()
            .map_err(|_| I18nError::InvalidTag(lang.to_owned()))?;
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Plain output: the widget and the server set `dir` on each message element instead
        // of relying on invisible isolation marks, which read-aloud and copy/paste trip over.
        bundle.set_use_isolating(false);
        for (name, text) in sources {
            let resource = FluentResource::try_new((*text).to_owned())
                .map_err(|(_, errors)| I18nError::syntax(name, &errors))?;
            bundle
                .add_resource(resource)
                .map_err(|errors| I18nError::Conflict {
                    source_name: (*name).to_owned(),
                    details: errors
                        .iter()
                        .map(|e| e.to_string())
                        .collect::<Vec<_>>()
                        .join("; "),
                })?;
        }
        Ok(Self {
            lang: lang.to_owned(),
            bundle,
        })
    }

    /// The language tag this catalog was built for.
    pub fn lang(&self) -> &str {
        &self.lang
    }

    /// Whether the catalog has a message `id` with a value.
    pub fn has(&self, id: &str) -> bool {
        self.bundle
            .get_message(id)
            .is_some_and(|m| m.value().is_some())
    }

    /// Formats message `id` with named string arguments. Numbers should be formatted by the
    /// caller (Fluent does not group digits). A missing message yields its id, so a gap is
    /// visible but never blank.
    pub fn format(&self, id: &str, args: &[(&str, &str)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, (*value).to_owned());
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// Formats attribute `attr` of message `id` (e.g. a button's `.title`), falling back to
    /// `id.attr` when missing.
    pub fn format_attr(&self, id: &str, attr: &str, args: &[(&str, &str)]) -> String {
        let Some(pattern) = self
            .bundle
            .get_message(id)
            .and_then(|m| m.get_attribute(attr))
            .map(|a| a.value())
        else {
            return format!("{id}.{attr}");
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, (*value).to_owned());
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }
}

/// The message ids defined in a Fluent source (terms excluded), in order. Used by tests that
/// check every locale defines every message of the reference locale.
pub fn message_ids(source: &str) -> Result<Vec<String>, I18nError> {
    let resource = FluentResource::try_new(source.to_owned())
        .map_err(|(_, errors)| I18nError::syntax("<source>", &errors))?;
    Ok(resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = "hello = Hello, { $name }!\nbutton = Send\n    .title = Send your question\n";

    #[test]
    fn formats_with_arguments() {
        let c = Catalog::new("en", &[("en.ftl", EN)]).unwrap();
        assert_eq!(c.format("hello", &[("name", "Ana")]), "Hello, Ana!");
        assert_eq!(c.format_attr("button", "title", &[]), "Send your question");
        assert!(c.has("button"));
    }

    #[test]
    fn missing_message_falls_back_to_id() {
        let c = Catalog::new("en", &[("en.ftl", EN)]).unwrap();
        assert!(!c.has("nope"));
        assert_eq!(c.format("nope", &[]), "nope");
    }

    #[test]
    fn syntax_errors_name_the_source() {
        let err = Catalog::new("en", &[("locales/en/x.ftl", "= broken")]).unwrap_err();
        assert!(err.to_string().contains("locales/en/x.ftl"), "{err}");
    }

    #[test]
    fn duplicate_ids_across_sources_are_reported() {
        let err = Catalog::new("en", &[("a.ftl", "x = 1\n"), ("b.ftl", "x = 2\n")]).unwrap_err();
        assert!(matches!(err, I18nError::Conflict { .. }), "{err}");
    }

    #[test]
    fn lists_message_ids_without_terms() {
        let ids = message_ids("-brand = Wayfinder\na = A\nb = B { -brand }\n").unwrap();
        assert_eq!(ids, vec!["a", "b"]);
    }
}
