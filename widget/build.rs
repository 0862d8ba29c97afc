//! Compiles the built-in English strings (`locales/en/widget.ftl`) into the compact form the
//! widget formats, exactly as the server compiles every locale it serves, and writes the
//! dialog's stylesheet (`src/widget.css`) without its comments and spare whitespace.

use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out_dir = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo"));
    let source_path = manifest.join("../locales/en/widget.ftl");
    let source = read(&source_path);
    let json = i18n::compile("en", "locales/en/widget.ftl", &source)
        .unwrap_or_else(|e| panic!("the built-in English strings do not compile: {e}"));
    write(&out_dir.join("en.json"), &json);
    let css = read(&manifest.join("src/widget.css"));
    write(&out_dir.join("widget.min.css"), &minify_css(&css));
}

fn read(path: &Path) -> String {
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}

/// `css` without comments, with each run of whitespace made one space and none kept next to
/// `{`, `}`, `;`, `,`, `>` or after `:` (where it never matters). Quoted strings are copied as
/// they are. `style.rs` tests that only whitespace and comments went.
fn minify_css(css: &str) -> String {
    const TIGHT_BEFORE: &[char] = &['{', '}', ';', ',', '>'];
    const TIGHT_AFTER: &[char] = &['{', '}', ';', ',', '>', ':'];
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        if c == '/' && chars.peek() == Some(&'*') {
            chars.next();
            let mut last = ' ';
            for c in chars.by_ref() {
                if last == '*' && c == '/' {
                    break;
                }
                last = c;
            }
            space = true;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() && !out.ends_with(TIGHT_AFTER) && !TIGHT_BEFORE.contains(&c) {
            out.push(' ');
        }
        space = false;
        if c == '}' && out.ends_with(';') {
            out.pop();
        }
        out.push(c);
        if c == '"' || c == '\'' {
            for inner in chars.by_ref() {
                out.push(inner);
                if inner == c {
                    break;
                }
            }
        }
    }
    out
}
