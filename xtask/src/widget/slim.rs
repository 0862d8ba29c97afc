//! Shortens what the widget ships beyond what gzip can. The names wasm-bindgen gives the JS
//! functions the wasm imports (`__wbg_createElement_8c2e3f...`), each spelled out in both the
//! wasm and its JS glue, become `a`, `b`, ...; its own exports (`__wbindgen_malloc`,
//! `wasm_bindgen__convert__closures_____invoke__h...`) become `$0`, `$1`, ...; the glue and
//! the loader lose their indentation and comments. (The imports' module name, repeated for
//! each import, costs gzip nearly nothing: shortening it made the wasm larger.)
//! Every rewrite is checked against the glue: when it does not look as expected (another
//! wasm-bindgen version), the build fails instead of shipping a broken widget.

use anyhow::{Context, Result, bail, ensure};

/// Names as renamed: `(old, new)`.
type Renames = Vec<(String, String)>;

/// Section id of a wasm module's imports.
const IMPORT_SECTION: u8 = 2;
/// Section id of a wasm module's exports.
const EXPORT_SECTION: u8 = 7;
/// Exports named by wasm-bindgen for its glue alone (never part of the widget's JS API).
const GLUE_EXPORTS: [&str; 4] = ["__wbindgen_", "__wbg_", "__externref_", "wasm_bindgen__"];

/// Renames the imports of `module` in `wasm` and wasm-bindgen's own exports, and the same
/// names in `glue`; returns both rewritten.
pub fn shorten_names(wasm: &[u8], glue: &str, module: &str) -> Result<(Vec<u8>, String)> {
    let (wasm, imports, exports) = rewrite_names(wasm, module)?;
    let mut glue = glue.to_owned();
    for (old, new) in &imports {
        let key = format!("{old}:");
        let found = identifier_positions(&glue, old);
        ensure!(
            found.len() == 1 && glue[found[0]..].starts_with(&key),
            "the widget's JS glue names import {old} {} times, not once as the key of its \
             import object: wasm-bindgen's output changed, update xtask/src/widget/slim.rs",
            found.len()
        );
        glue.replace_range(found[0]..found[0] + old.len(), new);
    }
    for (old, new) in &exports {
        ensure!(
            identifier_positions(&glue, new).is_empty(),
            "the widget's JS glue already uses the name {new}"
        );
        // Every use of an export goes through the same name: rename them all.
        for at in identifier_positions(&glue, old).into_iter().rev() {
            glue.replace_range(at..at + old.len(), new);
        }
    }
    Ok((wasm, glue))
}

/// JS (the glue, the loader) without indentation, blank lines and comment lines. Lines are
/// kept whole, so statements end where they did.
pub fn squeeze_js(js: &str) -> Result<String> {
    let mut out = String::with_capacity(js.len());
    let mut in_comment = false;
    for line in js.lines() {
        let line = line.trim();
        let opens = line.starts_with("/*");
        if in_comment || opens {
            // Only comments that fill their lines go; code after one would go with it.
            let from = if opens { 2 } else { 0 };
            if let Some(end) = line.get(from..).and_then(|rest| rest.find("*/")) {
                ensure!(
                    from + end + 2 == line.len(),
                    "code follows a comment on one line of the widget's JS: {line}"
                );
            }
            in_comment = !line.get(from..).is_some_and(|rest| rest.contains("*/"));
            continue;
        }
        if line.is_empty() || line.starts_with("//") {
            continue;
        }
        // A template literal across lines would have its text changed.
        ensure!(
            line.matches('`').count() % 2 == 0,
            "a template literal runs across lines in the widget's JS: squeezing would change \
             it (see xtask/src/widget/slim.rs)"
        );
        out.push_str(line);
        out.push('\n');
    }
    ensure!(!in_comment, "the widget's JS ends inside a comment");
    Ok(out)
}

/// Byte offsets of `name` in `text` where it stands as a whole JS identifier.
fn identifier_positions(text: &str, name: &str) -> Vec<usize> {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    text.match_indices(name)
        .filter(|(at, _)| {
            let before = text[..*at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            !before.is_some_and(is_ident) && !after.is_some_and(is_ident)
        })
        .map(|(at, _)| at)
        .collect()
}

/// The short name of the `n`th import: `a`..`z`, `A`..`Z`, then two letters and so on.
fn short_name(mut n: usize) -> String {
    const LETTERS: &[u8; 52] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut name = Vec::new();
    loop {
        name.push(LETTERS[n % LETTERS.len()]);
        n /= LETTERS.len();
        if n == 0 {
            break;
        }
        n -= 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// `wasm` with the imports from `module` and wasm-bindgen's exports renamed; the imports and
/// the exports renamed.
fn rewrite_names(wasm: &[u8], module: &str) -> Result<(Vec<u8>, Renames, Renames)> {
    ensure!(
        wasm.get(..8) == Some(b"\0asm\x01\0\0\0".as_slice()),
        "not a wasm module"
    );
    let mut out = wasm[..8].to_vec();
    let (mut imports, mut exports) = (Vec::new(), Vec::new());
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        let (size, body_at) = read_u32(wasm, at + 1)?;
        let end = body_at + size as usize;
        let body = wasm
            .get(body_at..end)
            .context("a wasm section runs past the end")?;
        let section = match id {
            IMPORT_SECTION => rewrite_imports(body, module, &mut imports)?,
            EXPORT_SECTION => rewrite_exports(body, &mut exports)?,
            _ => {
                out.extend_from_slice(&wasm[at..end]);
                at = end;
                continue;
            }
        };
        out.push(id);
        write_u32(&mut out, section.len());
        out.extend_from_slice(&section);
        at = end;
    }
    Ok((out, imports, exports))
}

/// The import section `body` with the imports from `module` renamed (appended to `renamed`).
fn rewrite_imports(body: &[u8], module: &str, renamed: &mut Renames) -> Result<Vec<u8>> {
    let (count, mut at) = read_u32(body, 0)?;
    let mut out = Vec::with_capacity(body.len());
    write_u32(&mut out, count as usize);
    for _ in 0..count {
        let (from, next) = read_name(body, at)?;
        let (field, next) = read_name(body, next)?;
        let desc_end = skip_import_desc(body, next)?;
        let field = if from == module {
            let short = short_name(renamed.len());
            renamed.push((field.to_owned(), short.clone()));
            short
        } else {
            field.to_owned()
        };
        write_name(&mut out, from);
        write_name(&mut out, &field);
        out.extend_from_slice(&body[next..desc_end]);
        at = desc_end;
    }
    ensure!(
        at == body.len(),
        "the wasm import section has trailing bytes"
    );
    Ok(out)
}

/// The export section `body` with wasm-bindgen's own exports renamed (appended to
/// `renamed`).
fn rewrite_exports(body: &[u8], renamed: &mut Renames) -> Result<Vec<u8>> {
    let (count, mut at) = read_u32(body, 0)?;
    let mut out = Vec::with_capacity(body.len());
    write_u32(&mut out, count as usize);
    for _ in 0..count {
        let (name, next) = read_name(body, at)?;
        // The kind, then the index.
        let desc_end = read_u32(body, next + 1)?.1;
        let name = if GLUE_EXPORTS.iter().any(|prefix| name.starts_with(prefix)) {
            let short = format!("${}", renamed.len());
            renamed.push((name.to_owned(), short.clone()));
            short
        } else {
            name.to_owned()
        };
        write_name(&mut out, &name);
        out.extend_from_slice(&body[next..desc_end]);
        at = desc_end;
    }
    ensure!(
        at == body.len(),
        "the wasm export section has trailing bytes"
    );
    Ok(out)
}

/// Where the import description starting at `at` ends.
fn skip_import_desc(body: &[u8], at: usize) -> Result<usize> {
    let kind = *body.get(at).context("a wasm import is cut short")?;
    let at = at + 1;
    Ok(match kind {
        // A function: its type index.
        0 => read_u32(body, at)?.1,
        // A table: element type, then limits.
        1 => skip_limits(body, at + 1)?,
        // A memory: limits.
        2 => skip_limits(body, at)?,
        // A global: value type and mutability.
        3 => at + 2,
        other => bail!("unknown wasm import kind {other}"),
    })
}

fn skip_limits(body: &[u8], at: usize) -> Result<usize> {
    let flags = *body.get(at).context("wasm limits are cut short")?;
    let (_, mut at) = read_u32(body, at + 1)?;
    if flags & 1 == 1 {
        at = read_u32(body, at)?.1;
    }
    Ok(at)
}

fn read_name(bytes: &[u8], at: usize) -> Result<(&str, usize)> {
    let (len, at) = read_u32(bytes, at)?;
    let end = at + len as usize;
    let name = bytes
        .get(at..end)
        .context("a wasm name runs past the end")?;
    Ok((
        std::str::from_utf8(name).context("a wasm name is not UTF-8")?,
        end,
    ))
}

/// An unsigned LEB128 number at `at`, and where it ends.
fn read_u32(bytes: &[u8], mut at: usize) -> Result<(u32, usize)> {
    let mut value: u32 = 0;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(at).context("a wasm number is cut short")?;
        at += 1;
        value |= u32::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok((value, at));
        }
    }
    bail!("a wasm number is too long")
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_u32(out, name.len());
    out.extend_from_slice(name.as_bytes());
}

fn write_u32(out: &mut Vec<u8>, value: usize) {
    let mut value = value;
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A module importing `first` from `from` and `g` from "env", exporting `exports`.
    fn module(from: &str, first: &str, exports: &[&str]) -> Vec<u8> {
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        wasm.extend_from_slice(&[1, 4, 1, 0x60, 0, 0]);
        let mut imports = vec![2];
        for (from, field) in [(from, first), ("env", "g")] {
            write_name(&mut imports, from);
            write_name(&mut imports, field);
            imports.extend_from_slice(&[0, 0]);
        }
        wasm.push(IMPORT_SECTION);
        write_u32(&mut wasm, imports.len());
        wasm.extend_from_slice(&imports);
        let mut section = Vec::new();
        write_u32(&mut section, exports.len());
        for (i, name) in exports.iter().enumerate() {
            write_name(&mut section, name);
            section.extend_from_slice(&[0, i as u8]);
        }
        wasm.push(EXPORT_SECTION);
        write_u32(&mut wasm, section.len());
        wasm.extend_from_slice(&section);
        wasm
    }

    #[test]
    fn names_are_shortened_in_the_wasm_and_the_glue() {
        let long = "__wbg_createElement_8c2e3f";
        let glue = format!(
            "const i = {{\n    {long}: function(a) {{ return wasm.__wbindgen_malloc(a); }},\n}};\n\
             export function start() {{ wasm.start(); }}\n"
        );
        let wasm = module("./glue.js", long, &["__wbindgen_malloc", "start"]);
        let (wasm, glue) = shorten_names(&wasm, &glue, "./glue.js").expect("renamed");
        assert_eq!(wasm, module("./glue.js", "a", &["$0", "start"]));
        assert_eq!(
            glue,
            "const i = {\n    a: function(a) { return wasm.$0(a); },\n};\n\
             export function start() { wasm.start(); }\n"
        );
    }

    #[test]
    fn glue_that_does_not_match_fails() {
        let long = "__wbg_x_1";
        let wasm = module("./glue.js", long, &[]);
        let twice = format!("{long}: 1, y: {long}");
        assert!(shorten_names(&wasm, &twice, "./glue.js").is_err());
        assert!(shorten_names(&wasm, "nothing", "./glue.js").is_err());
        let taken = format!("{long}: 1, $0: 2");
        let exporting = module("./glue.js", long, &["__wbindgen_start"]);
        assert!(shorten_names(&exporting, &taken, "./glue.js").is_err());
    }

    #[test]
    fn short_names_count_in_letters() {
        assert_eq!(short_name(0), "a");
        assert_eq!(short_name(51), "Z");
        assert_eq!(short_name(52), "aa");
        assert_eq!(short_name(53), "ab");
    }

    #[test]
    fn glue_keeps_its_lines_without_indentation_or_comments() {
        let glue = "/**\n * Doc `x`.\n */\nexport function f() {\n    // why\n    return `a`;\n}\n\n/* one */\nconst x = 1; // kept\n";
        assert_eq!(
            squeeze_js(glue).expect("squeezed"),
            "export function f() {\nreturn `a`;\n}\nconst x = 1; // kept\n"
        );
        assert!(squeeze_js("const s = `a\n  b`;\n").is_err());
        assert!(squeeze_js("/* a */ const x = 1;\n").is_err());
        assert!(squeeze_js("/* a\n b */ const x = 1;\n").is_err());
    }
}
