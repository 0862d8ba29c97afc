//! `knowledge.toml`: the knowledge base's languages, topics and synonyms.

use std::collections::BTreeMap;

use serde::Deserialize;

/// A topic's display name in each language (`[topics.trash] en = "...", es = "..."`).
pub type TopicNames = BTreeMap<String, String>;

/// The contents of `<root>/knowledge.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KbConfig {
    /// Site id this content belongs to (e.g. `riverton`).
    pub site: String,
    /// The site's display name (e.g. "City of Riverton").
    pub name: String,
    /// Languages the content is written in, as BCP 47 tags; every entry should exist in each
    /// (a missing translation is a warning).
    pub languages: Vec<String>,
    /// Languages being translated: entries may be missing (residents then get the default
    /// language's answer, flagged), and every entry must also exist in the complete
    /// `languages`.
    #[serde(default)]
    pub partial_languages: Vec<String>,
    /// The language used when a resident's language has no content.
    pub default_language: String,
    /// Topic key → names per language. Entries must use one of these keys.
    #[serde(default)]
    pub topics: BTreeMap<String, TopicNames>,
    /// Language → word → words that mean the same, applied when searching.
    #[serde(default)]
    pub synonyms: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

impl KbConfig {
    /// Complete and partial languages, complete first.
    pub fn all_languages(&self) -> impl Iterator<Item = &String> {
        self.languages.iter().chain(&self.partial_languages)
    }

    /// Synonym groups for `lang`: every word of a group (key or value) maps to all the others.
    pub fn synonym_groups(&self, lang: &str) -> BTreeMap<String, Vec<String>> {
        let mut groups: BTreeMap<String, Vec<String>> = BTreeMap::new();
        if let Some(table) = self.synonyms.get(lang) {
            for (key, values) in table {
                let mut group: Vec<String> = std::iter::once(key.clone())
                    .chain(values.iter().cloned())
                    .map(|w| w.to_lowercase())
                    .collect();
                group.sort();
                group.dedup();
                for word in &group {
                    let others = groups.entry(word.clone()).or_default();
                    others.extend(group.iter().filter(|w| *w != word).cloned());
                    others.sort();
                    others.dedup();
                }
            }
        }
        groups
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonym_groups_are_symmetric() {
        let cfg: KbConfig = toml::from_str(
            r#"
            site = "x"
            name = "X"
            languages = ["en"]
            default_language = "en"
            [synonyms.en]
            garbage = ["trash", "refuse"]
            "#,
        )
        .unwrap();
        let groups = cfg.synonym_groups("en");
        assert_eq!(groups["garbage"], vec!["refuse", "trash"]);
        assert_eq!(groups["trash"], vec!["garbage", "refuse"]);
        assert!(cfg.synonym_groups("es").is_empty());
    }
}
