//! `cargo xtask widget`: compile the widget to wasm, bind it, shrink it and report its size.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::cmd::{self, say};
use crate::install::{self, WASM_TARGET, WidgetTools};
use crate::repo::Repo;

/// Cargo package of the widget.
const PACKAGE: &str = "wayfinder-widget";
/// Library (and output file) name of the widget.
const LIB_NAME: &str = "wayfinder_widget";
/// Cargo profile for the widget (see `[profile.wasm]` in the workspace Cargo.toml).
const PROFILE: &str = "wasm";

/// Features the wasm that rustc and wasm-bindgen produce may use; wasm-opt must accept them.
const WASM_OPT_FEATURES: &[&str] = &[
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// Sections the browser never reads: dropped from the shipped wasm.
const WASM_OPT_STRIP: &[&str] = &[
    "--strip-debug",
    "--strip-producers",
    "--strip-target-features",
];

/// Ensures the build tools, then builds the widget into `target/widget`.
pub fn run(repo: &Repo) -> Result<()> {
    let tools = install::widget_tools(repo)?;
    build(repo, &tools)
}

/// Builds the widget into `target/widget` with already-ensured tools and prints its size.
pub fn build(repo: &Repo, tools: &WidgetTools) -> Result<()> {
    let crate_dir = repo.root.join("widget");
    if !crate_dir.join("Cargo.toml").is_file() {
        bail!(
            "the widget crate is missing: no {}",
            crate_dir.join("Cargo.toml").display()
        );
    }
    let loader = crate_dir.join("loader").join("widget.js");
    if !loader.is_file() {
        bail!("the widget loader is missing: no {}", loader.display());
    }

    say(format!(
        "widget: compiling {PACKAGE} for {WASM_TARGET} (profile {PROFILE})"
    ));
    // The profile strips only debug info: `strip = true` would also drop the
    // `target_features` section wasm-bindgen reads; wasm-opt removes the rest below.
    cmd::run(&mut cmd::cargo(
        [
            "build",
            "-p",
            PACKAGE,
            "--target",
            WASM_TARGET,
            "--profile",
            PROFILE,
        ],
        &repo.root,
    ))?;
    let compiled = repo
        .target
        .join(WASM_TARGET)
        .join(PROFILE)
        .join(format!("{LIB_NAME}.wasm"));
    if !compiled.is_file() {
        bail!(
            "cargo built no {} (is {PACKAGE} a cdylib named {LIB_NAME}?)",
            compiled.display()
        );
    }

    let out = repo.widget_out();
    if out.exists() {
        std::fs::remove_dir_all(&out).with_context(|| format!("cannot clear {}", out.display()))?;
    }
    say(format!(
        "widget: generating JS bindings into {}",
        out.display()
    ));
    let mut bindgen = Command::new(&tools.wasm_bindgen);
    bindgen
        .args(["--target", "web", "--no-typescript", "--out-dir"])
        .arg(&out)
        .args(["--out-name", LIB_NAME])
        .arg(&compiled)
        .current_dir(&repo.root);
    cmd::run(&mut bindgen)?;

    let wasm = out.join(format!("{LIB_NAME}_bg.wasm"));
    say("widget: optimising the wasm for size with wasm-opt -Oz");
    let mut opt = Command::new(&tools.wasm_opt);
    opt.arg("-Oz")
        .args(WASM_OPT_FEATURES)
        .args(WASM_OPT_STRIP)
        .arg(&wasm)
        .arg("-o")
        .arg(&wasm)
        .current_dir(&repo.root);
    cmd::run(&mut opt)?;

    let loader_out = out.join("widget.js");
    std::fs::copy(&loader, &loader_out).with_context(|| {
        format!(
            "cannot copy {} to {}",
            loader.display(),
            loader_out.display()
        )
    })?;
    say(format!(
        "widget: copied the loader to {}",
        loader_out.display()
    ));

    println!("widget files in {}:", out.display());
    for file in [loader_out, out.join(format!("{LIB_NAME}.js")), wasm] {
        print_size(&file)?;
    }
    Ok(())
}

/// Prints the raw and gzip size of `file` in KB.
fn print_size(file: &Path) -> Result<()> {
    let raw = std::fs::metadata(file)
        .with_context(|| format!("missing widget output {}", file.display()))?
        .len();
    let gzip = gzip_size(file).map_or_else(|| "?".to_owned(), kb);
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    println!("  {name:<28} {:>10} raw  {gzip:>10} gzip", kb(raw));
    Ok(())
}

/// Size of `file` after `gzip -9`, or `None` when gzip is unavailable.
fn gzip_size(file: &Path) -> Option<u64> {
    let output = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(file)
        .output()
        .ok()?;
    output
        .status
        .success()
        .then_some(output.stdout.len() as u64)
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}
