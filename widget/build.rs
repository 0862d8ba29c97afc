//! Compiles the built-in English strings (`locales/en/widget.ftl`) into the compact form the
//! widget formats, exactly as the server compiles every locale it serves.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let source_path = manifest.join("../locales/en/widget.ftl");
    println!("cargo:rerun-if-changed={}", source_path.display());
    let source = std::fs::read_to_string(&source_path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", source_path.display()));
    let json = i18n::compile("en", "locales/en/widget.ftl", &source)
        .unwrap_or_else(|e| panic!("the built-in English strings do not compile: {e}"));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("set by cargo")).join("en.json");
    std::fs::write(&out, json).unwrap_or_else(|e| panic!("cannot write {}: {e}", out.display()));
}
