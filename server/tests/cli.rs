//! The `wayfinder` command as an editor runs it.

use std::path::Path;
use std::process::Command;

fn wayfinder() -> Command {
    Command::new(env!("CARGO_BIN_EXE_wayfinder"))
}

#[test]
fn check_passes_on_the_demo_content() {
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../knowledge/demo");
    let output = wayfinder().arg("check").arg(&demo).output().unwrap();
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
    assert!(stdout.contains("| ALL | 60 |"), "{stdout}");
    let lines = std::fs::read_to_string(&features).unwrap();
    assert_eq!(lines.lines().count(), 80);
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
