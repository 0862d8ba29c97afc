//! The dialog's styles, adopted into the shadow root as a constructable stylesheet (allowed
//! under a strict `style-src` policy, unlike inline styles).

use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, ShadowRoot};

use crate::theme::{self, Rgb};

/// The dialog's CSS, `widget.css` without comments and spare whitespace (see `build.rs`). The
/// launcher's own comes with the loader, so it is styled before the wasm arrives.
pub const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

/// Adds the dialog's stylesheet to `root`, after the ones already adopted.
pub fn adopt(root: &ShadowRoot) -> Result<(), JsValue> {
    add(root, CSS)
}

/// Applies the city's accent colour (`data-color`), corrected for contrast, after the
/// dialog's own sheet so its custom properties win (see [`theme::css`]).
pub fn theme(root: &ShadowRoot, color: Option<Rgb>) -> Result<(), JsValue> {
    match color {
        Some(color) => add(root, &theme::css(color)),
        None => Ok(()),
    }
}

/// Adds a constructable stylesheet with `css` to `root`, after the ones already adopted.
fn add(root: &ShadowRoot, css: &str) -> Result<(), JsValue> {
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(css)?;
    let sheets = root.adopted_style_sheets();
    sheets.push(&sheet);
    root.set_adopted_style_sheets(&sheets);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text without comments and whitespace.
    fn bare(css: &str) -> String {
        let mut out = String::new();
        let mut rest = css;
        while let Some(start) = rest.find("/*") {
            out.push_str(&rest[..start]);
            let end = rest[start..]
                .find("*/")
                .map_or(rest.len(), |end| start + end + 2);
            rest = &rest[end..];
        }
        out.push_str(rest);
        out.retain(|c| !c.is_whitespace());
        out.replace(";}", "}")
    }

    #[test]
    fn the_shipped_css_differs_from_widget_css_only_in_comments_and_whitespace() {
        let source = include_str!("widget.css");
        assert_eq!(bare(CSS), bare(source));
        assert!(CSS.len() < source.len() * 9 / 10, "{} bytes", CSS.len());
        assert!(!CSS.contains("/*") && !CSS.contains('\n'));
        assert!(CSS.contains("font-family:var(--wf-font)") || CSS.contains("var(--wf-font)"));
        assert!(CSS.contains("\"Segoe UI\""));
    }
}
