//! The dialog's styles, adopted into the shadow root as a constructable stylesheet (allowed
//! under a strict `style-src` policy, unlike inline styles).

use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, ShadowRoot};

use crate::theme::{self, Rgb};

/// The dialog's CSS (the launcher's own comes with the loader, so it is styled before the
/// wasm arrives).
pub const CSS: &str = include_str!("widget.css");

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
