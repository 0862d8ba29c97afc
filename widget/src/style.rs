//! The dialog's styles, adopted into the shadow root as a constructable stylesheet (allowed
//! under a strict `style-src` policy, unlike inline styles).

use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, ShadowRoot};

/// The dialog's CSS (the launcher's own comes with the loader, so it is styled before the
/// wasm arrives).
pub const CSS: &str = include_str!("widget.css");

/// Adds the dialog's stylesheet to `root`, after the ones already adopted.
pub fn adopt(root: &ShadowRoot) -> Result<(), JsValue> {
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(CSS)?;
    let sheets = root.adopted_style_sheets();
    sheets.push(&sheet);
    root.set_adopted_style_sheets(&sheets);
    Ok(())
}
