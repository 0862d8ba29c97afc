//! `cargo xtask widget`: compile the widget to wasm, bind it, shrink it, weigh it and fail
//! when it is over its size budget.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::cmd::{self, say};
use crate::install::{self, WASM_TARGET, WidgetTools};
use crate::repo::Repo;

mod slim;

/// Cargo package of the widget.
const PACKAGE: &str = "wayfinder-widget";
/// Library (and output file) name of the widget.
const LIB_NAME: &str = "wayfinder_widget";
/// Cargo profile for the widget (see `[profile.wasm]` in the workspace Cargo.toml).
const PROFILE: &str = "wasm";

/// Most the whole widget may weigh, gzipped, for a resident in one language: the loader, the
/// JS glue, the wasm and the largest locale's strings. The product's promise is 150 KB (other
/// chat widgets ship 200–500 KB); the build fails past it.
pub const TOTAL_BUDGET_GZIP: u64 = 150 * 1024;

/// Most the loader may weigh, gzipped: every page of the city's site loads it, and it must
/// draw the launcher before anything else arrives.
pub const LOADER_BUDGET_GZIP: u64 = 10 * 1024;

/// The example of `wayfinder-i18n` that compiles each `widget.ftl` as the server does.
const STRINGS_EXAMPLE: &str = "widget_strings";

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
    say("widget: optimising the wasm for size with wasm-opt -Oz --converge");
    let mut opt = Command::new(&tools.wasm_opt);
    // `--converge` repeats -Oz while it still shrinks the module.
    // `--low-memory-unused` lets address arithmetic fold into load and store offsets: rustc
    // links wasm with the stack first, 1 MiB growing down to address 0, and the data and heap
    // above it, so the low 1 KiB is only ever reached by a stack 1023 KiB deep.
    // `--one-caller-inline-max-function-size`: -Oz inlines every function called from one
    // place, however large, into its caller; keeping those over 20 bytes apart makes the
    // module 1 KB larger but 3 KB smaller gzipped (gzip finds more repeats in many small
    // functions than in a few huge ones). 10 to 25 land within 0.1 KB of each other.
    // -Os and --gufa were no smaller.
    opt.args([
        "-Oz",
        "--converge",
        "--low-memory-unused",
        "--one-caller-inline-max-function-size=20",
    ])
    .args(WASM_OPT_FEATURES)
    .args(WASM_OPT_STRIP)
    .arg(&wasm)
    .arg("-o")
    .arg(&wasm)
    .current_dir(&repo.root);
    cmd::run(&mut opt)?;
    shorten_names(&out, &wasm)?;

    let loader_out = out.join("widget.js");
    let source = std::fs::read_to_string(&loader)
        .with_context(|| format!("cannot read {}", loader.display()))?;
    std::fs::write(&loader_out, slim::squeeze_js(&source)?)
        .with_context(|| format!("cannot write {}", loader_out.display()))?;
    say(format!(
        "widget: copied the loader to {} without indentation and comments",
        loader_out.display()
    ));

    let strings = compile_strings(repo)?;
    let sizes = Sizes {
        loader: Size {
            name: "widget.js (loader)".to_owned(),
            ..measure(&loader_out)?
        },
        glue: measure(&out.join(format!("{LIB_NAME}.js")))?,
        wasm: measure(&wasm)?,
        strings: strings
            .iter()
            .map(|file| measure(file))
            .collect::<Result<_>>()?,
    };
    sizes.print(&out);
    sizes.check()
}

/// Shortens the import and export names in the wasm and its glue, and squeezes the glue
/// (see [`slim`]).
fn shorten_names(out: &Path, wasm: &Path) -> Result<()> {
    let glue_path = out.join(format!("{LIB_NAME}.js"));
    let module = std::fs::read(wasm).with_context(|| format!("cannot read {}", wasm.display()))?;
    let glue = std::fs::read_to_string(&glue_path)
        .with_context(|| format!("cannot read {}", glue_path.display()))?;
    let (module, glue) = slim::shorten_names(&module, &glue, &format!("./{LIB_NAME}_bg.js"))?;
    let glue = slim::squeeze_js(&glue)?;
    std::fs::write(wasm, module).with_context(|| format!("cannot write {}", wasm.display()))?;
    std::fs::write(&glue_path, glue)
        .with_context(|| format!("cannot write {}", glue_path.display()))?;
    say("widget: shortened the wasm's import and export names and squeezed its JS glue");
    Ok(())
}

/// Compiles every locale's `widget.ftl` as the server compiles it, into
/// `target/widget-strings/<tag>/widget.json`; returns those files.
fn compile_strings(repo: &Repo) -> Result<Vec<PathBuf>> {
    let dir = repo.target.join("widget-strings");
    if dir.exists() {
        std::fs::remove_dir_all(&dir).with_context(|| format!("cannot clear {}", dir.display()))?;
    }
    say("widget: compiling each locale's strings as the server serves them");
    cmd::run(
        cmd::cargo(
            [
                "run",
                "-q",
                "-p",
                "wayfinder-i18n",
                "--example",
                STRINGS_EXAMPLE,
                "--",
            ],
            &repo.root,
        )
        .arg(repo.root.join("locales"))
        .arg(&dir),
    )
    .context("the widget's strings do not compile")?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .with_context(|| format!("cannot read {}", dir.display()))?
        .filter_map(|entry| Some(entry.ok()?.path().join("widget.json")))
        .filter(|file| file.is_file())
        .collect();
    files.sort();
    if files.is_empty() {
        bail!("no locale strings were compiled into {}", dir.display());
    }
    Ok(files)
}

/// One file's size.
struct Size {
    /// How the table names it.
    name: String,
    raw: u64,
    gzip: u64,
}

/// What a resident downloads.
struct Sizes {
    loader: Size,
    glue: Size,
    wasm: Size,
    strings: Vec<Size>,
}

impl Sizes {
    /// The strings file that weighs most gzipped (what the budget counts).
    fn largest_strings(&self) -> Option<&Size> {
        self.strings.iter().max_by_key(|size| size.gzip)
    }

    /// Loader + glue + wasm + the largest strings file, raw and gzipped.
    fn total(&self) -> (u64, u64) {
        let files = [&self.loader, &self.glue, &self.wasm]
            .into_iter()
            .chain(self.largest_strings());
        files.fold((0, 0), |(raw, gzip), size| {
            (raw + size.raw, gzip + size.gzip)
        })
    }

    fn print(&self, out: &Path) {
        println!("widget files in {}:", out.display());
        println!("  {:<38} {:>10} {:>10}", "file", "raw", "gzip -9");
        let row = |name: &str, raw: u64, gzip: u64| {
            println!("  {name:<38} {:>10} {:>10}", kb(raw), kb(gzip));
        };
        for size in [&self.loader, &self.glue, &self.wasm] {
            row(&size.name, size.raw, size.gzip);
        }
        if let Some(largest) = self.largest_strings() {
            let name = format!("{} (largest of {})", largest.name, self.strings.len());
            row(&name, largest.raw, largest.gzip);
        }
        let (raw, gzip) = self.total();
        row("total for one locale", raw, gzip);
        println!(
            "  budget: total {} gzip, loader {} gzip",
            kb(TOTAL_BUDGET_GZIP),
            kb(LOADER_BUDGET_GZIP)
        );
    }

    /// Fails when the widget is over either budget.
    fn check(&self) -> Result<()> {
        let (_, total) = self.total();
        if self.loader.gzip > LOADER_BUDGET_GZIP {
            bail!(
                "the widget loader is {} gzipped, over its {} budget (LOADER_BUDGET_GZIP in \
                 xtask/src/widget.rs): it loads on every page, keep it to drawing the launcher",
                kb(self.loader.gzip),
                kb(LOADER_BUDGET_GZIP)
            );
        }
        if total > TOTAL_BUDGET_GZIP {
            bail!(
                "the widget is {} gzipped for one locale (loader + glue + wasm + largest \
                 strings), over its {} budget (TOTAL_BUDGET_GZIP in xtask/src/widget.rs): \
                 see the table above for what grew",
                kb(total),
                kb(TOTAL_BUDGET_GZIP)
            );
        }
        say(format!(
            "widget: {} gzipped for one locale, within the {} budget",
            kb(total),
            kb(TOTAL_BUDGET_GZIP)
        ));
        Ok(())
    }
}

/// The raw and gzip size of `file`, named by its path under `target/`.
fn measure(file: &Path) -> Result<Size> {
    let raw = std::fs::metadata(file)
        .with_context(|| format!("missing widget output {}", file.display()))?
        .len();
    let gzip = gzip_size(file)?;
    let name = match file.parent().and_then(Path::file_name) {
        Some(parent) if file.ends_with("widget.json") => {
            format!("locales/{}/widget.json", parent.to_string_lossy())
        }
        _ => file
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned(),
    };
    Ok(Size { name, raw, gzip })
}

/// Size of `file` after `gzip -9`.
fn gzip_size(file: &Path) -> Result<u64> {
    let output = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(file)
        .output()
        .context("cannot run gzip, needed to check the widget's size budget")?;
    if !output.status.success() {
        bail!("gzip failed on {}", file.display());
    }
    Ok(output.stdout.len() as u64)
}

fn kb(bytes: u64) -> String {
    format!("{:.1} KB", bytes as f64 / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn size(name: &str, gzip: u64) -> Size {
        Size {
            name: name.to_owned(),
            raw: gzip * 3,
            gzip,
        }
    }

    fn sizes(loader: u64, wasm: u64) -> Sizes {
        Sizes {
            loader: size("widget.js (loader)", loader),
            glue: size("wayfinder_widget.js", 7_000),
            wasm: size("wayfinder_widget_bg.wasm", wasm),
            strings: vec![
                size("locales/en/widget.json", 2_000),
                size("locales/ru/widget.json", 2_800),
            ],
        }
    }

    #[test]
    fn the_total_counts_the_largest_locale_once() {
        let sizes = sizes(3_600, 85_000);
        assert_eq!(
            sizes.largest_strings().map(|s| s.name.as_str()),
            Some("locales/ru/widget.json")
        );
        assert_eq!(sizes.total().1, 3_600 + 7_000 + 85_000 + 2_800);
        assert!(sizes.check().is_ok());
    }

    #[test]
    fn over_budget_fails_with_the_reason() {
        let total = sizes(3_600, TOTAL_BUDGET_GZIP)
            .check()
            .expect_err("over the total");
        assert!(total.to_string().contains("TOTAL_BUDGET_GZIP"), "{total}");
        let loader = sizes(LOADER_BUDGET_GZIP + 1, 85_000)
            .check()
            .expect_err("over the loader budget");
        assert!(
            loader.to_string().contains("LOADER_BUDGET_GZIP"),
            "{loader}"
        );
    }
}
