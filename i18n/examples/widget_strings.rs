//! Compiles every `<locales>/<tag>/widget.ftl` into `<out>/<tag>/widget.json`, the compact
//! form the server serves to the widget (see `wayfinder_i18n::compact`). `cargo xtask widget`
//! uses it to weigh the strings a resident downloads.
//!
//! ```text
//! cargo run -p wayfinder-i18n --example widget_strings -- locales target/widget-strings
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let [locales, out] = args.as_slice() else {
        eprintln!("usage: widget_strings <locales folder> <output folder>");
        return ExitCode::from(2);
    };
    let entries = match std::fs::read_dir(locales) {
        Ok(entries) => entries,
        Err(e) => {
            eprintln!("cannot read {}: {e}", locales.display());
            return ExitCode::FAILURE;
        }
    };
    let mut failed = false;
    let mut written = 0;
    for entry in entries.filter_map(Result::ok) {
        let source_path = entry.path().join("widget.ftl");
        let Some(tag) = entry.file_name().to_str().map(str::to_owned) else {
            continue;
        };
        if !source_path.is_file() {
            continue;
        }
        let compiled = std::fs::read_to_string(&source_path)
            .map_err(|e| format!("cannot read {}: {e}", source_path.display()))
            .and_then(|source| {
                wayfinder_i18n::compile(&tag, &source_path.display().to_string(), &source)
                    .map_err(|e| e.to_string())
            });
        let dir = out.join(&tag);
        let result = compiled.and_then(|json| {
            std::fs::create_dir_all(&dir)
                .and_then(|()| std::fs::write(dir.join("widget.json"), json))
                .map_err(|e| format!("cannot write {}: {e}", dir.display()))
        });
        match result {
            Ok(()) => written += 1,
            Err(message) => {
                eprintln!("{message}");
                failed = true;
            }
        }
    }
    if failed {
        return ExitCode::FAILURE;
    }
    println!("compiled {written} locales into {}", out.display());
    ExitCode::SUCCESS
}
