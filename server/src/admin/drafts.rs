//! "Draft an entry from this": turns a knowledge gap into a draft entry file that an editor
//! finishes and publishes.
//!
//! The file is written where editors keep content, `<content>/<lang>/<topic>/<id>.md`, in the
//! format the knowledge base parses (TOML front matter between `+++` lines, then the answer),
//! with `status = "draft"`: drafts pass `wayfinder check` but are never indexed, so residents
//! never see them until an editor sets `status = "published"`. An existing file is never
//! overwritten, and an id already used in that language (in any topic) is refused, since two
//! entries with one id would stop the content from loading.

use std::collections::BTreeMap;
use std::path::Path;

use axum::http::StatusCode;
use chrono::NaiveDate;
use protocol::{ErrorCode, MAX_QUESTION_CHARS};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use crate::error::ApiError;

/// Longest id the drafts endpoint makes or accepts.
pub const MAX_ID_CHARS: usize = 80;

/// Most other wordings a draft takes into `also_asked`.
pub const MAX_ALSO_ASKED: usize = 20;

/// Words of the question a generated id keeps.
const ID_WORDS: usize = 8;

/// `POST /admin/api/drafts`: what to draft.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftRequest {
    /// Language of the entry: one of the site's languages.
    pub lang: String,
    /// The question it answers; becomes the title.
    pub question: String,
    /// Topic key from `knowledge.toml`; the entry's folder.
    pub topic: String,
    /// The entry id (file stem); made from the question when absent.
    #[serde(default)]
    pub id: Option<String>,
    /// Other wordings residents used; become `also_asked`.
    #[serde(default)]
    pub also_asked: Vec<String>,
}

/// A draft that was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Draft {
    /// Its id.
    pub id: String,
    /// Its language.
    pub lang: String,
    /// Its topic.
    pub topic: String,
    /// Where it is, relative to the content folder (`<lang>/<topic>/<id>.md`).
    pub path: String,
    /// Always `draft`.
    pub status: &'static str,
}

/// Why a draft was not written.
#[derive(Debug, thiserror::Error)]
pub enum DraftError {
    /// A field is wrong (422 `invalid_field`).
    #[error("{0}")]
    Invalid(String),
    /// The id is taken in that language (409 `invalid_field`).
    #[error("{0}")]
    Exists(String),
    /// The content settings cannot be read (422 `content_invalid`).
    #[error("{0}")]
    Content(String),
    /// Writing failed.
    #[error("writing the draft failed: {0}")]
    Io(#[from] std::io::Error),
}

impl From<DraftError> for ApiError {
    fn from(error: DraftError) -> Self {
        match error {
            DraftError::Invalid(message) => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::InvalidField,
                message,
            ),
            DraftError::Exists(message) => {
                ApiError::new(StatusCode::CONFLICT, ErrorCode::InvalidField, message)
            }
            DraftError::Content(message) => ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::ContentInvalid,
                message,
            ),
            DraftError::Io(e) => ApiError::Internal(e.into()),
        }
    }
}

/// Whether `id` can be an entry id here: lowercase ASCII letters and digits in words joined by
/// single hyphens, at most [`MAX_ID_CHARS`].
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// A Latin letter without its accent (`é` → `e`, `ñ` → `n`, Vietnamese `ệ` → `e`), for ids;
/// `None` for letters of other scripts.
fn fold(c: char) -> Option<&'static str> {
    let folded = match c {
        'à'..='å' | 'ā'..='ą' => "a",
        'æ' => "ae",
        'ç' | 'ć'..='č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è'..='ë' | 'ē'..='ě' => "e",
        'ĝ'..='ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì'..='ï' | 'ĩ'..='ı' => "i",
        'ĵ' => "j",
        'ķ' | 'ĸ' => "k",
        'ĺ'..='ł' => "l",
        'ñ' | 'ń'..='ŋ' => "n",
        'ò'..='ö' | 'ø' | 'ō'..='ő' | 'ơ' => "o",
        'œ' => "oe",
        'ŕ'..='ř' => "r",
        'ß' => "ss",
        'ś'..='š' | 'ſ' => "s",
        'ţ'..='ŧ' => "t",
        'ù'..='ü' | 'ũ'..='ų' | 'ư' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź'..='ž' => "z",
        // Vietnamese letters with tone marks (Latin Extended Additional).
        '\u{1EA0}'..='\u{1EB7}' => "a",
        '\u{1EB8}'..='\u{1EC7}' => "e",
        '\u{1EC8}'..='\u{1ECB}' => "i",
        '\u{1ECC}'..='\u{1EE3}' => "o",
        '\u{1EE4}'..='\u{1EF1}' => "u",
        '\u{1EF2}'..='\u{1EF9}' => "y",
        _ => return None,
    };
    Some(folded)
}

/// An id made from `question`: its first words in lowercase ASCII, joined by hyphens
/// ("¿Cómo pago mi factura?" → `como-pago-mi-factura`). Questions without Latin letters
/// (Chinese, Korean, Arabic…) get `draft-` and eight hex digits of their hash.
pub fn id_from_question(question: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in question.to_lowercase().chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c);
        } else if let Some(folded) = fold(c) {
            word.push_str(folded);
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    let mut id = String::new();
    for word in words.iter().take(ID_WORDS) {
        if id.len() + word.len() + 1 > MAX_ID_CHARS {
            break;
        }
        if !id.is_empty() {
            id.push('-');
        }
        id.push_str(word);
    }
    if id.is_empty() {
        let hash = Sha256::digest(question.trim().as_bytes());
        return format!("draft-{}", &hex::encode(hash)[..8]);
    }
    id
}

/// Collapses runs of white space (including line breaks) to one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` as a TOML basic string.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// The title: the question, its first letter capitalised.
fn title_of(question: &str) -> String {
    let mut title = String::with_capacity(question.len());
    let mut done = false;
    for c in question.chars() {
        if !done && c.is_alphabetic() {
            title.extend(c.to_uppercase());
            done = true;
        } else {
            title.push(c);
        }
    }
    title
}

/// What a draft file says, before an editor finishes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftText<'a> {
    /// Entry id.
    pub id: &'a str,
    /// Title (the question).
    pub title: &'a str,
    /// Other wordings.
    pub also_asked: &'a [String],
    /// Topic key.
    pub topic: &'a str,
    /// Date written as `last_reviewed`.
    pub today: NaiveDate,
    /// Department, guessed from the topic's other entries.
    pub owner: &'a str,
    /// A placeholder official page (the site's contact page) until the editor sets one.
    pub url: &'a str,
}

/// The file text of a draft entry, in the format `knowledge::parse_entry` reads.
pub fn render(draft: &DraftText<'_>) -> String {
    let also_asked: Vec<String> = draft.also_asked.iter().map(|a| toml_string(a)).collect();
    format!(
        "+++\n\
         id = {id}\n\
         kind = \"faq\"\n\
         title = {title}\n\
         also_asked = [{also_asked}]\n\
         keywords = []\n\
         topic = {topic}\n\
         status = \"draft\"\n\
         last_reviewed = {today}\n\
         owner = {owner}\n\
         # Replace with the city's official page for this answer before publishing.\n\
         url = {url}\n\
         +++\n\
         Write the answer here. Its first paragraph is the short answer residents see first.\n",
        id = toml_string(draft.id),
        title = toml_string(draft.title),
        also_asked = also_asked.join(", "),
        topic = toml_string(draft.topic),
        today = draft.today.format("%Y-%m-%d"),
        owner = toml_string(draft.owner),
        url = toml_string(draft.url),
    )
}

/// The most common value of `values`, ties to the first in order.
fn most_common<'a>(values: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut counts: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (order, value) in values.enumerate() {
        let entry = counts.entry(value).or_insert((0, order));
        entry.0 += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
        .map(|(value, _)| value)
}

/// Checks `request` against the content in `root` and writes the draft there (blocking: call
/// it off the async runtime). `fallback_owner` and `placeholder_url` fill the fields an editor
/// must confirm when the topic has no entries to learn them from.
pub fn write_draft(
    root: &Path,
    request: &DraftRequest,
    today: NaiveDate,
    fallback_owner: &str,
    placeholder_url: &str,
) -> Result<Draft, DraftError> {
    let (kb, _) = knowledge::load(root);
    let Some(kb) = kb else {
        return Err(DraftError::Content(
            "the site's knowledge.toml cannot be read; fix the content first".into(),
        ));
    };
    let lang = request.lang.trim();
    if !kb.config.all_languages().any(|l| l == lang) {
        let known: Vec<&str> = kb.config.all_languages().map(String::as_str).collect();
        return Err(DraftError::Invalid(format!(
            "`lang` must be one of the site's languages ({}), not {lang:?}",
            known.join(", ")
        )));
    }
    let topic = request.topic.trim();
    if !kb.config.topics.contains_key(topic) {
        let known: Vec<&str> = kb.config.topics.keys().map(String::as_str).collect();
        return Err(DraftError::Invalid(format!(
            "`topic` must be one of the topics in knowledge.toml ({}), not {topic:?}",
            known.join(", ")
        )));
    }
    let question = one_line(&request.question);
    if question.is_empty() {
        return Err(DraftError::Invalid("`question` is empty".into()));
    }
    if question.chars().count() > MAX_QUESTION_CHARS {
        return Err(DraftError::Invalid(format!(
            "`question` is longer than {MAX_QUESTION_CHARS} characters"
        )));
    }
    let id = match request.id.as_deref().map(str::trim) {
        Some(id) if !valid_id(id) => {
            return Err(DraftError::Invalid(format!(
                "`id` must be lowercase letters and digits joined by hyphens (at most \
                 {MAX_ID_CHARS} characters), not {id:?}"
            )));
        }
        Some(id) => id.to_owned(),
        None => id_from_question(&question),
    };
    if request.also_asked.len() > MAX_ALSO_ASKED {
        return Err(DraftError::Invalid(format!(
            "`also_asked` takes at most {MAX_ALSO_ASKED} wordings"
        )));
    }
    let mut also_asked: Vec<String> = Vec::new();
    for wording in &request.also_asked {
        let wording = one_line(wording);
        if wording.chars().count() > MAX_QUESTION_CHARS {
            return Err(DraftError::Invalid(format!(
                "each of `also_asked` must be at most {MAX_QUESTION_CHARS} characters"
            )));
        }
        let seen = |w: &String| w.to_lowercase() == wording.to_lowercase();
        if !wording.is_empty()
            && wording.to_lowercase() != question.to_lowercase()
            && !also_asked.iter().any(seen)
        {
            also_asked.push(wording);
        }
    }

    let lang_dir = root.join(lang);
    let relative = format!("{lang}/{topic}/{id}.md");
    if let Some(existing) = kb.entries.iter().find(|e| e.lang == lang && e.id == id) {
        return Err(DraftError::Exists(format!(
            "the entry `{id}` already exists in `{lang}` ({}); choose another `id`",
            existing
                .path
                .strip_prefix(root)
                .unwrap_or(&existing.path)
                .display()
        )));
    }
    if let Ok(topics) = std::fs::read_dir(&lang_dir) {
        for folder in topics.flatten() {
            let candidate = folder.path().join(format!("{id}.md"));
            if candidate.exists() {
                return Err(DraftError::Exists(format!(
                    "a file for `{id}` already exists in `{lang}` ({}); choose another `id`",
                    candidate.strip_prefix(root).unwrap_or(&candidate).display()
                )));
            }
        }
    }

    let in_topic = || kb.entries.iter().filter(|e| e.topic == topic);
    let owner = most_common(
        in_topic()
            .filter(|e| e.lang == lang)
            .map(|e| e.owner.as_str()),
    )
    .or_else(|| most_common(in_topic().map(|e| e.owner.as_str())))
    .unwrap_or(fallback_owner)
    .to_owned();
    let title = title_of(&question);
    let text = render(&DraftText {
        id: &id,
        title: &title,
        also_asked: &also_asked,
        topic,
        today,
        owner: &owner,
        url: placeholder_url,
    });
    let folder = lang_dir.join(topic);
    std::fs::create_dir_all(&folder)?;
    let path = folder.join(format!("{id}.md"));
    // Written whole or not at all: a draft cut short by a crash would stop the server
    // from starting on this content.
    match knowledge::writer::write_new_atomically(&path, &text) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(DraftError::Exists(format!(
                "{relative} already exists; choose another `id`"
            )));
        }
        Err(e) => return Err(e.into()),
    }
    // The id may be made from a resident's question: not logged.
    tracing::info!(lang, topic, "draft entry written");
    Ok(Draft {
        id,
        lang: lang.to_owned(),
        topic: topic.to_owned(),
        path: relative,
        status: "draft",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = "site = \"t\"\nname = \"Test\"\nlanguages = [\"en\", \"es\"]\n\
        default_language = \"en\"\n[topics.trash]\nen = \"Trash\"\nes = \"Basura\"\n\
        [topics.parks]\nen = \"Parks\"\nes = \"Parques\"\n";

    fn entry(id: &str, owner: &str) -> String {
        format!(
            "+++\nid = \"{id}\"\nkind = \"faq\"\ntitle = \"T\"\ntopic = \"trash\"\nstatus = \"published\"\nlast_reviewed = 2026-10-01\nowner = \"{owner}\"\nurl = \"https://x.example/\"\n+++\nAnswer.\n"
        )
    }

    fn content() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let write = |rel: &str, text: &str| {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("knowledge.toml", CONFIG);
        write("en/trash/day.md", &entry("day", "Public Works"));
        write("es/trash/day.md", &entry("day", "Obras Públicas"));
        std::fs::create_dir_all(dir.path().join("en/parks")).unwrap();
        std::fs::create_dir_all(dir.path().join("es/parks")).unwrap();
        dir
    }

    fn request(lang: &str, question: &str, topic: &str) -> DraftRequest {
        DraftRequest {
            lang: lang.into(),
            question: question.into(),
            topic: topic.into(),
            id: None,
            also_asked: vec!["bulk trash <pickup>".into(), "  ".into()],
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    #[test]
    fn ids_are_made_from_the_question() {
        assert_eq!(
            id_from_question("¿Cómo pago mi factura de agua?"),
            "como-pago-mi-factura-de-agua"
        );
        assert_eq!(
            id_from_question("Giờ mở cửa thư viện"),
            "gio-mo-cua-thu-vien"
        );
        assert_eq!(
            id_from_question("When is the pumpkin festival in Riverside Park this year, please?"),
            "when-is-the-pumpkin-festival-in-riverside-park"
        );
        let chinese = id_from_question("如何缴纳水费");
        assert!(
            chinese.starts_with("draft-") && valid_id(&chinese),
            "{chinese}"
        );
        assert!(valid_id("trash-day-2"));
        for bad in ["", "Trash", "a--b", "-a", "a-", "a/b", "../x", "ü"] {
            assert!(!valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn a_draft_passes_the_check_and_is_not_indexed() {
        let dir = content();
        let draft = write_draft(
            dir.path(),
            &request("es", "¿Recogen \"colchones\" viejos?", "trash"),
            today(),
            "City",
            "https://www.riverton.example/contact",
        )
        .unwrap();
        assert_eq!(draft.path, "es/trash/recogen-colchones-viejos.md");
        let text = std::fs::read_to_string(dir.path().join(&draft.path)).unwrap();
        assert!(text.contains("status = \"draft\""), "{text}");
        assert!(text.contains("owner = \"Obras Públicas\""), "{text}");
        assert!(
            text.contains("title = '¿Recogen \"colchones\" viejos?'")
                || text.contains(r#"title = "¿Recogen \"colchones\" viejos?""#),
            "{text}"
        );
        assert!(
            text.contains(r#"also_asked = ["bulk trash <pickup>"]"#),
            "{text}"
        );

        let (kb, problems) = knowledge::load(dir.path());
        let errors: Vec<String> = problems
            .iter()
            .filter(|p| p.is_error())
            .map(ToString::to_string)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        let kb = kb.unwrap();
        let entry = kb.get("recogen-colchones-viejos", "es").unwrap();
        assert_eq!(entry.status, knowledge::Status::Draft);
        assert_eq!(entry.title, "¿Recogen \"colchones\" viejos?");
        assert_eq!(*entry.also_asked, ["bulk trash <pickup>"]);
        let index = knowledge::SearchIndex::build(&kb).unwrap();
        assert!(index.entry("recogen-colchones-viejos", "es").is_none());
        assert_eq!(index.len(), 2);
    }

    #[test]
    fn existing_ids_and_bad_fields_are_refused() {
        let dir = content();
        let ok = request("en", "Can I bring a unicorn to the park?", "parks");
        let first = write_draft(dir.path(), &ok, today(), "City", "https://x.example/").unwrap();
        assert_eq!(first.path, "en/parks/can-i-bring-a-unicorn-to-the-park.md");
        let again = write_draft(dir.path(), &ok, today(), "City", "https://x.example/");
        assert!(matches!(again, Err(DraftError::Exists(_))), "{again:?}");
        // The same id under another topic would be a duplicate id: refused too.
        let other_topic = DraftRequest {
            topic: "trash".into(),
            ..ok.clone()
        };
        assert!(matches!(
            write_draft(
                dir.path(),
                &other_topic,
                today(),
                "City",
                "https://x.example/"
            ),
            Err(DraftError::Exists(_))
        ));
        let taken = DraftRequest {
            id: Some("day".into()),
            ..request("en", "x", "parks")
        };
        assert!(matches!(
            write_draft(dir.path(), &taken, today(), "City", "https://x.example/"),
            Err(DraftError::Exists(_))
        ));
        for bad in [
            request("fr", "x", "parks"),
            request("en", "x", "../../etc"),
            request("en", "   ", "parks"),
            DraftRequest {
                id: Some("../x".into()),
                ..request("en", "x", "parks")
            },
        ] {
            let result = write_draft(dir.path(), &bad, today(), "City", "https://x.example/");
            assert!(
                matches!(result, Err(DraftError::Invalid(_))),
                "{bad:?}: {result:?}"
            );
        }
        // The owner falls back when the topic has no entries yet.
        let text = std::fs::read_to_string(dir.path().join(&first.path)).unwrap();
        assert!(text.contains("owner = \"City\""), "{text}");
    }
}
