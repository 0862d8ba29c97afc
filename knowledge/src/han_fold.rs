//! Traditional Chinese characters folded to Simplified ones in Chinese search terms.
//!
//! Many cities publish Chinese in one script while residents write the other ("圖書館" for
//! "图书馆"): without folding, their words never meet. Both the content and the questions of
//! Chinese (`zh`, `zh-Hans`, `zh-Hant`) are folded to Simplified characters (by `fast2s`'s
//! character table) before they are cut into words ([`crate::segmented`]), so a question in
//! either script finds the entry in either. The entry itself is shown as written.

/// Whether `lang` (a BCP 47 tag) is Chinese, in either script.
pub fn is_chinese(lang: &str) -> bool {
    lang.split(['-', '_'])
        .next()
        .is_some_and(|base| base.eq_ignore_ascii_case("zh"))
}

/// `text` with Traditional Chinese characters replaced by their Simplified forms; text in
/// other scripts is returned as it is.
pub fn fold(text: &str) -> String {
    fast2s::convert(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_characters_fold_to_simplified_and_others_stay() {
        assert_eq!(fold("圖書館開放時間"), "图书馆开放时间");
        assert_eq!(fold("繳納水費"), "缴纳水费");
        assert_eq!(fold("图书馆"), "图书馆");
        assert_eq!(fold("thư viện 도서관 library"), "thư viện 도서관 library");
    }

    #[test]
    fn only_chinese_tags_are_chinese() {
        assert!(is_chinese("zh"));
        assert!(is_chinese("zh-Hant"));
        assert!(is_chinese("zh_TW"));
        assert!(!is_chinese("ja"));
        assert!(!is_chinese("zha"));
    }
}
