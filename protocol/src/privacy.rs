//! `GET /api/v1/privacy`: the site's privacy notice, and the version a resident accepts.

use serde::{Deserialize, Serialize};

/// A site's privacy notice in one language, as the widget shows it.
///
/// When [`PrivacyNotice::required`] is true the widget shows the notice before the first
/// question and, once the resident accepts, sends [`PrivacyNotice::version`] as
/// [`crate::AskRequest::consent`] with every question. When the version changes (the city
/// rewrote its notice), earlier consent no longer counts: the server answers `428` with
/// [`crate::ErrorCode::ConsentRequired`] and the widget shows the new notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrivacyNotice {
    /// The notice's version from the site's config (e.g. `2026-11-01`); empty when the site
    /// has not versioned its notice.
    pub version: String,
    /// Whether the resident must accept this version before asking.
    pub required: bool,
    /// The notice's heading, plain text in `lang`.
    pub title: String,
    /// The notice, plain text in `lang`; paragraphs are separated by a blank line.
    pub text: String,
    /// The city's full privacy policy page, when the site has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// BCP 47 tag of the language `title` and `text` are in.
    pub lang: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_is_left_out_when_absent() {
        let notice = PrivacyNotice {
            version: "2026-11-01".into(),
            required: true,
            title: "Privacy".into(),
            text: "We keep your questions for 90 days.".into(),
            url: None,
            lang: "en".into(),
        };
        let json = serde_json::to_string(&notice).unwrap();
        assert!(!json.contains("url"), "{json}");
        let back: PrivacyNotice = serde_json::from_str(&json).unwrap();
        assert_eq!(back, notice);
    }
}
