//! Which links from the server the widget is willing to show.

/// Whether `url` is safe as a link target: `https:`, `http:`, `mailto:` or `tel:` only (never
/// `javascript:` or `data:`).
pub fn is_safe(url: &str) -> bool {
    let url = url.trim_start();
    let scheme = url
        .split_once(':')
        .map(|(scheme, _)| scheme.to_ascii_lowercase());
    matches!(scheme.as_deref(), Some("https" | "http" | "mailto" | "tel"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_mail_and_phone_links_pass() {
        assert!(is_safe("https://city.gov/trash"));
        assert!(is_safe("HTTP://city.gov"));
        assert!(is_safe("tel:311"));
        assert!(is_safe("mailto:help@city.gov"));
        assert!(!is_safe("javascript:alert(1)"));
        assert!(!is_safe(" JavaScript:alert(1)"));
        assert!(!is_safe("data:text/html,hi"));
        assert!(!is_safe("/relative"));
    }
}
