//! The `wayfinder` command as an editor runs it.

use std::path::Path;
use std::process::Command;

fn wayfinder() -> Command {
    Command::new(env!("CARGO_BIN_EXE_wayfinder"))
}

#[test]
fn check_passes_on_the_demo_content() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../knowledge/demo");
    // A fixed "today": review-age warnings depend on the date, the content's validity does not.
    let output = wayfinder()
        .arg("check")
        .arg(&demo)
        .args(["--today", "2026-11-26"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    let summary = String::from_utf8_lossy(&output.stderr);
    assert!(summary.contains("0 error(s), 0 warning(s)"), "{summary}");
}

#[test]
fn check_reports_every_problem_with_path_and_line_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("knowledge.toml"),
        "site = \"t\"\nname = \"T\"\nlanguages = [\"en\", \"es\"]\ndefault_language = \"en\"\n[topics.trash]\nen = \"Trash\"\nes = \"Basura\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.join("en/trash")).unwrap();
    std::fs::create_dir_all(root.join("es/trash")).unwrap();
    let good = "+++\nid = \"day\"\nkind = \"faq\"\ntitle = \"T\"\ntopic = \"trash\"\nstatus = \"published\"\nlast_reviewed = 2026-10-01\nowner = \"PW\"\nurl = \"https://x.example/\"\n+++\nAnswer.\n";
    std::fs::write(root.join("en/trash/day.md"), good).unwrap();
    std::fs::write(
        root.join("en/trash/bad.md"),
        good.replace("2026-10-01", "2026-02-30")
            .replace("id = \"day\"", "id = \"bad\""),
    )
    .unwrap();
    std::fs::write(
        root.join("en/trash/typo.md"),
        good.replace("id = \"day\"", "id = \"typo\"")
            .replace("owner", "ownr"),
    )
    .unwrap();

    let output = wayfinder().arg("check").arg(root).output().unwrap();
    assert!(!output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let path = |name: &str| root.join("en/trash").join(name).display().to_string();
    for expected in [
        format!(
            "{}:7: error: front matter is not valid TOML: invalid date",
            path("bad.md")
        ),
        format!("{}:8: error: unknown key `ownr`", path("typo.md")),
        format!("{}:1: error: missing required key `owner`", path("typo.md")),
        "warning: no `es` translation of `day`".to_owned(),
    ] {
        assert!(
            stdout.contains(&expected),
            "missing {expected:?} in:\n{stdout}"
        );
    }
}

#[test]
fn eval_runs_on_a_content_folder_with_the_demo_questions() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("results.jsonl");
    let features = dir.path().join("features.jsonl");
    let output = wayfinder()
        .args(["eval", "--content"])
        .arg(root.join("knowledge/demo"))
        .arg("--queries")
        .arg(root.join("tests/data/riverton-queries.jsonl"))
        .arg("--out")
        .arg(&out)
        .arg("--features")
        .arg(&features)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("| ALL | 159 |"), "{stdout}");
    let lines = std::fs::read_to_string(&features).unwrap();
    assert_eq!(lines.lines().count(), 194);
    let first: serde_json::Value = serde_json::from_str(lines.lines().next().unwrap()).unwrap();
    assert_eq!(first["features"].as_array().unwrap().len(), 7);
}

#[test]
fn eval_writes_one_result_per_query_and_prints_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let kb = dir.path().join("kb.jsonl");
    let queries = dir.path().join("queries.jsonl");
    let out = dir.path().join("out/results.jsonl");
    std::fs::write(
        &kb,
        concat!(
            r#"{"id":"water","lang":"en","question":"How do I pay my water bill?","answer":"Pay online or by phone."}"#, "\n",
            r#"{"id":"dogs","lang":"en","question":"How do I license my dog?","answer":"Dogs need a licence every year."}"#, "\n",
            r#"{"id":"agua","lang":"es","question":"¿Cómo pago mi factura de agua?","answer":"Pague en línea o por teléfono."}"#, "\n",
        ),
    )
    .unwrap();
    std::fs::write(
        &queries,
        concat!(
            r#"{"qid":"1","lang":"en","text":"pay water bill","relevant_ids":["water"]}"#, "\n",
            r#"{"qid":"2","lang":"es","text":"¿dónde pago la factura del agua?","relevant_ids":["agua"]}"#, "\n",
            r#"{"qid":"3","lang":"en","text":"capital of Mongolia","relevant_ids":[]}"#, "\n",
        ),
    )
    .unwrap();
    let output = wayfinder()
        .arg("eval")
        .arg("--kb")
        .arg(&kb)
        .arg("--queries")
        .arg(&queries)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let lines: Vec<serde_json::Value> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["ranked_ids"][0], "water");
    assert_eq!(lines[1]["lang"], "es");
    assert_eq!(lines[1]["ranked_ids"][0], "agua");
    assert_eq!(lines[2]["handoff"], true);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("| ALL | 2 | 1.000 |"), "{stdout}");
}

/// A configuration with the demo content and a database in `dir`.
fn config_in(dir: &Path) -> std::path::PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let path = dir.join("wayfinder.toml");
    std::fs::write(
        &path,
        format!(
            "[server]\nlisten = \"127.0.0.1:0\"\ndatabase_url = \"sqlite://{db}\"\nwidget_dir = \"{root}/target/widget\"\nlocales_dir = \"{root}/locales\"\n\n[[sites]]\nid = \"riverton\"\nname = \"Riverton\"\ncontent = \"{root}/knowledge/demo\"\ntimezone = \"America/Chicago\"\ncontact_url = \"https://x.example/\"\nphone = \"1\"\n[sites.live]\n[[sites.live.departments]]\nid = \"public-works\"\nname = \"Public Works\"\n",
            db = dir.join("w.db").display(),
            root = root.display()
        ),
    )
    .expect("config written");
    path
}

fn staff_add(config: &Path, email: &str, password: &str, extra: &[&str]) -> std::process::Output {
    wayfinder()
        .args(["staff", "add", "--config"])
        .arg(config)
        .args(["--site", "riverton", "--email", email, "--name", "Alex"])
        .args(extra)
        .env("WAYFINDER_PASSWORD", password)
        .output()
        .expect("wayfinder runs")
}

#[test]
fn staff_add_creates_an_account_once_and_checks_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_in(dir.path());
    let short = staff_add(&config, "alex@riverton.example", "short", &[]);
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 12 characters"));

    let added = staff_add(
        &config,
        "Alex@Riverton.example",
        "a long enough password",
        &["--role", "admin", "--department", "public-works"],
    );
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    assert!(String::from_utf8_lossy(&added.stdout).contains("added alex@riverton.example (admin)"));

    let twice = staff_add(
        &config,
        "alex@riverton.example",
        "another long password",
        &[],
    );
    assert!(!twice.status.success());
    assert!(String::from_utf8_lossy(&twice.stderr).contains("already exists"));

    let unknown = staff_add(
        &config,
        "sam@riverton.example",
        "a long enough password",
        &["--department", "nowhere"],
    );
    assert!(!unknown.status.success());
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no department \"nowhere\""));
}

#[test]
fn audit_verify_reports_an_intact_chain_and_the_first_broken_link() {
    use wayfinder_server::store::LiveStore as _;
    let dir = tempfile::tempdir().unwrap();
    let config = config_in(dir.path());
    let url = format!("sqlite://{}", dir.path().join("w.db").display());
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let store = wayfinder_server::store::SqliteStore::connect(&url)
            .await
            .unwrap();
        for id in ["c1", "c2", "c3"] {
            store
                .create_chat(&wayfinder_server::store::live::NewChat {
                    id: id.into(),
                    site: "riverton".into(),
                    conversation_id: None,
                    lang: "en".into(),
                    department: None,
                    token_hash: "h".into(),
                })
                .await
                .unwrap();
        }
    });
    let verify = || {
        wayfinder()
            .args(["audit", "verify", "--config"])
            .arg(&config)
            .output()
            .unwrap()
    };
    let intact = verify();
    assert!(
        intact.status.success(),
        "{}",
        String::from_utf8_lossy(&intact.stderr)
    );
    assert!(String::from_utf8_lossy(&intact.stdout).contains("intact: 3 entries"));

    runtime.block_on(async {
        let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
        sqlx::query("DROP TRIGGER audit_log_no_delete")
            .execute(&pool)
            .await
            .unwrap();
        sqlx::query("DELETE FROM audit_log WHERE seq = 2")
            .execute(&pool)
            .await
            .unwrap();
    });
    let broken = verify();
    assert!(!broken.status.success());
    let message = String::from_utf8_lossy(&broken.stderr);
    assert!(message.contains("audit row 3: expected row 2"), "{message}");
}

#[test]
fn purge_and_data_requests_run_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = config_in(dir.path());
    let run = |args: &[&str]| {
        wayfinder()
            .args(args)
            .arg("--config")
            .arg(&config)
            .output()
            .unwrap()
    };
    let purge = run(&["purge"]);
    assert!(
        purge.status.success(),
        "{}",
        String::from_utf8_lossy(&purge.stderr)
    );
    assert!(String::from_utf8_lossy(&purge.stdout).contains("riverton: removed 0 conversation(s)"));
    for command in ["export-conversation", "delete-conversation"] {
        let missing = run(&[command, "--id", "no-such-conversation"]);
        assert!(!missing.status.success(), "{command}");
        assert!(
            String::from_utf8_lossy(&missing.stderr).contains("nothing is kept under the id"),
            "{command}"
        );
    }
}

/// A knowledge base in `root` with English and Spanish (and a partial Korean) and one topic.
fn write_base(root: &Path, files: &[(&str, &str)]) {
    std::fs::write(
        root.join("knowledge.toml"),
        "site = \"t\"\nname = \"T\"\nlanguages = [\"en\", \"es\"]\npartial_languages = [\"ko\"]\ndefault_language = \"en\"\n[topics.trash]\nen = \"Trash\"\nes = \"Basura\"\nko = \"쓰레기\"\n",
    )
    .expect("settings written");
    for lang in ["en", "es", "ko"] {
        std::fs::create_dir_all(root.join(lang).join("trash")).expect("folder created");
    }
    for (rel, text) in files {
        std::fs::write(root.join(rel), text).expect("entry written");
    }
}

/// An entry file; `front` is extra front-matter lines.
fn entry_text(id: &str, title: &str, reviewed: &str, front: &str, body: &str) -> String {
    format!(
        "+++\nid = \"{id}\"\nkind = \"faq\"\ntitle = \"{title}\"\ntopic = \"trash\"\nstatus = \"published\"\nlast_reviewed = {reviewed}\nowner = \"PW\"\nurl = \"https://x.example/{id}\"\n{front}+++\n{body}\n"
    )
}

#[test]
fn check_reports_editorial_warnings_and_the_translation_coverage() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let day = entry_text(
        "day",
        "When is trash picked up?",
        "2025-01-15",
        "plain = \"Residents requiring supplementary collection should consult the municipal sanitation department's published schedule.\"\n",
        "Weekly.\n\nMissed it? See [missed pickups](entry:missed-pickup).",
    );
    let bins = entry_text(
        "bins",
        "Trash pickup day",
        "2026-10-01",
        "also_asked = [\"when is my trash picked up\"]\n",
        "Carts.",
    );
    write_base(
        root,
        &[
            ("en/trash/day.md", &day),
            ("en/trash/bins.md", &bins),
            (
                "es/trash/day.md",
                &entry_text(
                    "day",
                    "¿Cuándo pasa la basura?",
                    "2026-10-01",
                    "",
                    "Cada semana.",
                ),
            ),
            (
                "es/trash/bins.md",
                &entry_text("bins", "Botes", "2026-10-01", "", "Botes."),
            ),
            (
                "ko/trash/day.md",
                &entry_text("day", "쓰레기 수거일", "2026-10-01", "", "매주."),
            ),
        ],
    );
    let check = |extra: &[&str]| {
        wayfinder()
            .arg("check")
            .arg(root)
            .args(["--today", "2026-11-26"])
            .args(extra)
            .output()
            .unwrap()
    };
    let output = check(&[]);
    assert!(output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let path = |rel: &str| root.join(rel).display().to_string();
    for expected in [
        format!(
            "{}:7: warning: last reviewed on 2025-01-15, more than 12 month(s) ago",
            path("en/trash/day.md")
        ),
        format!(
            "{}:10: warning: the easy-read text is hard to read: Flesch reading ease",
            path("en/trash/day.md")
        ),
        format!(
            "{}:14: warning: broken link: there is no entry `missed-pickup` in `en`",
            path("en/trash/day.md")
        ),
        format!(
            "{}:4: warning: \"When is trash picked up?\" is the same question as \"when is my trash picked up\" in {}",
            path("en/trash/day.md"),
            path("en/trash/bins.md")
        ),
        "  ko        partial         1        1        50%".to_owned(),
        "(run with --missing to list the missing ids)".to_owned(),
    ] {
        assert!(
            stdout.contains(&expected),
            "missing {expected:?} in:\n{stdout}"
        );
    }
    assert!(String::from_utf8_lossy(&output.stderr).contains("0 error(s), 4 warning(s)"));

    // A longer review period, the missing ids listed, and --strict failing on warnings.
    let output = check(&["--review-months", "24", "--missing", "--strict"]);
    assert!(!output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!stdout.contains("last reviewed"), "{stdout}");
    assert!(stdout.contains("missing in ko: bins"), "{stdout}");
}

#[test]
fn import_csv_reports_bad_rows_writes_the_rest_and_the_result_checks_clean() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("faq.csv");
    let out = dir.path().join("content");
    std::fs::write(
        &csv,
        "id,lang,question,answer,url,topic,also_asked,keywords,owner,last_reviewed\n\
         water-bill,en,How do I pay my water bill?,\"Pay online or by phone.\n\nOr at City Hall.\",https://x.example/water,water,pay water bill | water payment,water|bill,Utilities,2026-09-01\n\
         water-bill,es,¿Cómo pago el agua?,Pague en línea.,https://x.example/agua,water,,,Servicios,2026-09-01\n\
         ,en,When is City Hall open?,Monday to Friday.,https://x.example/hall,,,,,\n\
         ,en,,No question.,https://x.example/,,,,,\n\
         ,en,No page?,An answer.,,,,,,\n",
    )
    .unwrap();
    let import = |force: bool| {
        let mut command = wayfinder();
        command
            .args(["import", "--csv"])
            .arg(&csv)
            .arg("--out")
            .arg(&out);
        if force {
            command.arg("--force");
        }
        command.output().unwrap()
    };
    let output = import(false);
    assert!(!output.status.success());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let csv_path = csv.display().to_string();
    assert!(
        stdout.contains(&format!(
            "{csv_path}:7: error: empty required field(s): question"
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{csv_path}:8: error: no `url`")),
        "{stdout}"
    );
    let summary = String::from_utf8_lossy(&output.stderr);
    assert!(
        summary.contains("5 record(s); wrote 3 entries (en 2, es 1)"),
        "{summary}"
    );
    assert!(summary.contains("2 bad record(s)"), "{summary}");
    let hall = std::fs::read_to_string(out.join("en/imported/when-is-city-hall-open.md")).unwrap();
    assert!(hall.contains("owner = \"unassigned\""), "{hall}");
    let bill = std::fs::read_to_string(out.join("en/water/water-bill.md")).unwrap();
    assert!(
        bill.contains("also_asked = [\"pay water bill\", \"water payment\"]"),
        "{bill}"
    );

    let check = wayfinder().arg("check").arg(&out).output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    assert!(String::from_utf8_lossy(&check.stderr).contains("3 entries, 0 error(s)"));

    // Files are never replaced without --force.
    std::fs::write(
        &csv,
        "lang,question,answer,url\nen,When is City Hall open?,Weekdays.,https://x.example/h\n",
    )
    .unwrap();
    let again = import(false);
    assert!(again.status.success());
    assert!(String::from_utf8_lossy(&again.stdout).contains("exists, not replaced"));
    assert!(
        hall == std::fs::read_to_string(out.join("en/imported/when-is-city-hall-open.md")).unwrap()
    );
    assert!(import(true).status.success());
    let replaced =
        std::fs::read_to_string(out.join("en/imported/when-is-city-hall-open.md")).unwrap();
    assert!(replaced.contains("Weekdays."), "{replaced}");
}

#[test]
fn import_open311_turns_a_service_list_into_service_entries() {
    let list =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../knowledge/tests/data/open311-services.json");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("sf");
    let no_url = wayfinder()
        .args(["import", "--open311"])
        .arg(&list)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(!no_url.status.success());
    assert!(String::from_utf8_lossy(&no_url.stderr).contains("--url"));

    let output = wayfinder()
        .args(["import", "--open311"])
        .arg(&list)
        .arg("--out")
        .arg(&out)
        .args(["--url", "https://sf311.org/", "--lang", "en"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("wrote 5 entries (en 5)"));
    let entry =
        std::fs::read_to_string(out.join("en/requests/graffiti-public-bike-rack.md")).unwrap();
    assert!(entry.contains("kind = \"service\""), "{entry}");
    assert!(entry.contains("open311_service_code = \"007\""), "{entry}");
    assert!(
        entry.contains("title = \"Graffiti - Public - Bike rack\""),
        "{entry}"
    );
    let check = wayfinder().arg("check").arg(&out).output().unwrap();
    assert!(check.status.success());
    assert!(String::from_utf8_lossy(&check.stderr).contains("5 entries, 0 error(s), 0 warning(s)"));
}

#[test]
fn export_then_import_gives_back_the_same_demo_content() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../knowledge/demo");
    let dir = tempfile::tempdir().unwrap();
    for format in ["--csv", "--jsonl"] {
        let first = dir.path().join(format!("first{format}"));
        let second = dir.path().join(format!("second{format}"));
        let content = dir.path().join(format!("content{format}"));
        let export = |from: &Path, to: &Path| {
            let output = wayfinder()
                .arg("export")
                .arg(from)
                .arg(format)
                .arg(to)
                .output()
                .unwrap();
            assert!(
                output.status.success(),
                "{}",
                String::from_utf8_lossy(&output.stderr)
            );
        };
        export(&demo, &first);
        let import = wayfinder()
            .arg("import")
            .arg(format)
            .arg(&first)
            .arg("--out")
            .arg(&content)
            .output()
            .unwrap();
        assert!(
            import.status.success(),
            "{}",
            String::from_utf8_lossy(&import.stdout)
        );
        export(&content, &second);
        let (a, b) = (
            std::fs::read_to_string(&first).unwrap(),
            std::fs::read_to_string(&second).unwrap(),
        );
        assert!(a.lines().count() > 100, "{format}");
        assert!(a == b, "{format}: the re-exported records differ");
    }
    let stdout = wayfinder()
        .arg("export")
        .arg(&demo)
        .args(["--jsonl", "-"])
        .output()
        .unwrap();
    let first: serde_json::Value = serde_json::from_str(
        String::from_utf8_lossy(&stdout.stdout)
            .lines()
            .next()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(first["lang"], "ar");
}
