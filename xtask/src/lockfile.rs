//! Which wasm-bindgen version the workspace uses (wasm-bindgen-cli must match it exactly).

use std::path::Path;

use anyhow::{Context, Result, bail};

/// The version of the `wasm-bindgen` package: from `Cargo.lock`, or else from the exact
/// (`=x.y.z`) requirement in the workspace `Cargo.toml`.
pub fn wasm_bindgen_version(root: &Path) -> Result<String> {
    let lock_path = root.join("Cargo.lock");
    if let Ok(lock) = std::fs::read_to_string(&lock_path)
        && let Some(version) = locked_version(&lock, "wasm-bindgen")
    {
        return Ok(version);
    }
    let manifest_path = root.join("Cargo.toml");
    let manifest = std::fs::read_to_string(&manifest_path)
        .with_context(|| format!("cannot read {}", manifest_path.display()))?;
    match pinned_version(&manifest, "wasm-bindgen") {
        Some(version) => Ok(version),
        None => bail!(
            "cannot tell the wasm-bindgen version: no `wasm-bindgen` package in {} and no \
             `wasm-bindgen = \"=x.y.z\"` in {}",
            lock_path.display(),
            manifest_path.display()
        ),
    }
}

/// Finds `version` of the `[[package]]` named `name` in the text of a Cargo.lock.
fn locked_version(lock: &str, name: &str) -> Option<String> {
    let wanted = format!("name = \"{name}\"");
    let mut in_package = false;
    for line in lock.lines().map(str::trim) {
        if line.starts_with('[') {
            in_package = false;
        } else if line == wanted {
            in_package = true;
        } else if in_package && let Some(version) = line.strip_prefix("version = ") {
            return Some(version.trim_matches('"').to_owned());
        }
    }
    None
}

/// Finds an exact requirement `name = "=x.y.z"` (or `version = "=x.y.z"` in a table) in a
/// Cargo.toml.
fn pinned_version(manifest: &str, name: &str) -> Option<String> {
    manifest.lines().map(str::trim).find_map(|line| {
        let rest = line.strip_prefix(name)?.trim_start().strip_prefix('=')?;
        let start = rest.find("\"=")? + 2;
        let end = start + rest[start..].find('"')?;
        Some(rest[start..end].trim().to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.129"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
"#;

    #[test]
    fn reads_the_exact_package_from_cargo_lock() {
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(
            locked_version(LOCK, "wasm-bindgen-macro").as_deref(),
            Some("0.2.129")
        );
        assert_eq!(locked_version(LOCK, "js-sys"), None);
    }

    #[test]
    fn reads_an_exact_requirement_from_cargo_toml() {
        let manifest = "[workspace.dependencies]\nwasm-bindgen-futures = \"0.4\"\n\
                        wasm-bindgen = \"=0.2.130\"\n";
        assert_eq!(
            pinned_version(manifest, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        let table = "wasm-bindgen = { version = \"=0.2.131\", default-features = false }\n";
        assert_eq!(
            pinned_version(table, "wasm-bindgen").as_deref(),
            Some("0.2.131")
        );
        assert_eq!(
            pinned_version("wasm-bindgen = \"0.2\"\n", "wasm-bindgen"),
            None
        );
    }
}
