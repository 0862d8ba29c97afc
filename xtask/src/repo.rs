//! Where things live in the workspace.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

/// Paths inside the Wayfinder workspace.
#[derive(Debug, Clone)]
pub struct Repo {
    /// The workspace root (the directory holding the top-level Cargo.toml).
    pub root: PathBuf,
    /// Cargo's target directory (`CARGO_TARGET_DIR` or `<root>/target`).
    pub target: PathBuf,
}

impl Repo {
    /// Finds the workspace root: the parent of the xtask crate.
    pub fn locate() -> Result<Self> {
        let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = manifest_dir
            .parent()
            .context("the xtask crate has no parent directory")?
            .to_path_buf();
        if !root.join("Cargo.toml").is_file() {
            bail!("no Cargo.toml in {}", root.display());
        }
        let target = match std::env::var_os("CARGO_TARGET_DIR") {
            Some(dir) if !dir.is_empty() => root.join(dir),
            _ => root.join("target"),
        };
        Ok(Self { root, target })
    }

    /// Where `cargo xtask widget` puts the finished widget files.
    pub fn widget_out(&self) -> PathBuf {
        self.target.join("widget")
    }

    /// The npm project that provides `wasm-opt` (the `binaryen` package).
    pub fn binaryen_dir(&self) -> PathBuf {
        self.root.join("xtask").join("npm")
    }

    /// The `wasm-opt` launcher installed by `npm ci` in [`Repo::binaryen_dir`].
    pub fn wasm_opt(&self) -> PathBuf {
        self.binaryen_dir()
            .join("node_modules")
            .join(".bin")
            .join("wasm-opt")
    }

    /// The sentence encoder's model file, installed by [`crate::install::semantic_model`].
    pub fn semantic_model(&self) -> PathBuf {
        self.target
            .join("models")
            .join(crate::install::SEMANTIC_MODEL_FILE)
    }

    /// The npm project of the headless browser tests.
    pub fn browser_tests_dir(&self) -> PathBuf {
        self.root.join("tests").join("browser")
    }
}
