//! Local policies end to end: the real binary on temporary trees with
//! nested `coc-lint.toml` files. Discovery and `root`, `--config` and
//! `--isolated`, selection, ignores and severities by code, name and prefix,
//! command-line overrides, per-file ignores, reasons, unused ignores,
//! presets and `extends`, walks (`.gitignore`, include/exclude, JSON that
//! is no COC document), `init`, and every class of bad configuration with
//! its exact span.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use serde_json::Value;

/// Faults: COC202 at 1:13, COC102 (a warning) at 1:35, COC206 at 1:58.
const THREE_FAULTS: &str = r#"{"timeout": 3600, "success_rate": "100", "execute_user": "admin"}"#;
const VALID: &str = r#"{"timeout": 300, "success_rate": 100, "execute_user": "root"}"#;

fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    for (path, text) in files {
        let path = dir.path().join(path);
        fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }
    dir
}

fn run_in(dir: &Path, args: &[&str]) -> Output {
    common::bin()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

/// `check --format json ARGS` in `dir`: exit code and report.
fn check(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let out = run_in(dir, &all);
    let report = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().expect("an exit code"), report)
}

/// (path, code, severity) of every diagnostic.
fn found(report: &Value) -> Vec<(String, String, String)> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            (
                d["path"].as_str().expect("path").to_owned(),
                d["code"].as_str().expect("code").to_owned(),
                d["severity"].as_str().expect("severity").to_owned(),
            )
        })
        .collect()
}

fn f(path: &str, code: &str, severity: &str) -> (String, String, String) {
    (path.into(), code.into(), severity.into())
}

/// The one diagnostic of a run that a bad configuration stopped, with its
/// line, column, end column and pointer.
fn config_error(dir: &Path, args: &[&str]) -> (String, String, (u64, u64, u64), String) {
    let (code, report) = check(dir, args);
    assert_eq!(code, 2, "{report}");
    let all = report["diagnostics"].as_array().expect("diagnostics");
    assert_eq!(all.len(), 1, "nothing is linted: {report}");
    let d = &all[0];
    assert_eq!(d["code"], "COC900");
    assert_eq!(d["name"], "invalid-config");
    assert_eq!(report["summary"]["files"], 0);
    let msg = d["message"].as_str().expect("message").to_owned()
        + d["help"]
            .as_str()
            .map(|h| format!(" / {h}"))
            .as_deref()
            .unwrap_or("");
    (
        d["path"].as_str().expect("path").to_owned(),
        msg,
        (
            d["line"].as_u64().expect("line"),
            d["column"].as_u64().expect("column"),
            d["end_column"].as_u64().expect("end"),
        ),
        d["pointer"].as_str().expect("pointer").to_owned(),
    )
}

#[test]
fn the_nearest_file_wins_key_by_key_and_root_stops_the_walk_up() {
    let dir = tree(&[
        (
            "coc-lint.toml",
            "ignore = [\"COC206\"]\n[severity]\nCOC202 = \"warning\"\nCOC102 = \"info\"\n",
        ),
        ("team/coc-lint.toml", "[severity]\nCOC202 = \"info\"\n"),
        ("team/a.json", THREE_FAULTS),
        ("solo/coc-lint.toml", "root = true\n"),
        ("solo/a.json", THREE_FAULTS),
        ("a.json", THREE_FAULTS),
    ]);
    let (code, report) = check(dir.path(), &["a.json", "team/a.json", "solo/a.json"]);
    assert_eq!(code, 1, "solo has errors");
    assert_eq!(
        found(&report),
        [
            f("a.json", "COC202", "warning"),
            f("a.json", "COC102", "info"),
            // team: its own COC202, the root's COC102 and ignore.
            f("team/a.json", "COC202", "info"),
            f("team/a.json", "COC102", "info"),
            // solo: root = true, nothing from above.
            f("solo/a.json", "COC202", "error"),
            f("solo/a.json", "COC102", "warning"),
            f("solo/a.json", "COC206", "error"),
        ]
    );
}

#[test]
fn config_names_one_file_and_isolated_none() {
    let dir = tree(&[
        ("coc-lint.toml", "ignore = [\"COC206\", \"COC102\"]\n"),
        ("other.toml", "[severity]\nCOC202 = \"off\"\n"),
        ("a.json", THREE_FAULTS),
    ]);
    let (_, report) = check(dir.path(), &["a.json"]);
    assert_eq!(found(&report), [f("a.json", "COC202", "error")]);
    let (_, report) = check(dir.path(), &["--config", "other.toml", "a.json"]);
    assert_eq!(
        found(&report),
        [
            f("a.json", "COC102", "warning"),
            f("a.json", "COC206", "error")
        ]
    );
    let (_, report) = check(dir.path(), &["--isolated", "a.json"]);
    assert_eq!(found(&report).len(), 3);
    let out = run_in(
        dir.path(),
        &["check", "--isolated", "--config", "other.toml", "a.json"],
    );
    assert_eq!(out.status.code(), Some(2), "the two exclude each other");
}

#[test]
fn rules_are_chosen_by_code_name_and_prefix_and_the_command_line_wins() {
    let dir = tree(&[
        (
            "coc-lint.toml",
            "select = [\"COC2\"]\n[severity]\nexecute-user-not-root = \"warning\"\n",
        ),
        ("a.json", THREE_FAULTS),
    ]);
    let (code, report) = check(dir.path(), &["a.json"]);
    assert_eq!(code, 1);
    assert_eq!(
        found(&report),
        [
            f("a.json", "COC202", "error"),
            f("a.json", "COC206", "warning")
        ],
        "COC102 is not selected by the prefix COC2"
    );
    let (_, report) = check(
        dir.path(),
        &["--extend-select", "number-as-string", "a.json"],
    );
    assert_eq!(found(&report).len(), 3);
    let (code, report) = check(
        dir.path(),
        &["--ignore", "COC202", "--severity", "COC206=error", "a.json"],
    );
    assert_eq!(code, 1);
    assert_eq!(found(&report), [f("a.json", "COC206", "error")]);
    let (code, report) = check(
        dir.path(),
        &["--select", "ALL", "--severity", "COC2=info", "a.json"],
    );
    assert_eq!(code, 0, "no errors left");
    assert_eq!(
        found(&report),
        [
            f("a.json", "COC202", "info"),
            f("a.json", "COC102", "warning"),
            f("a.json", "COC206", "info"),
        ]
    );
    let (_, report) = check(
        dir.path(),
        &["--severity", "timeout-out-of-range=off", "a.json"],
    );
    assert_eq!(found(&report), [f("a.json", "COC206", "warning")]);
}

#[test]
fn presets_and_extends_build_policies() {
    let dir = tree(&[
        ("strict/coc-lint.toml", "extends = [\"strict\"]\n"),
        ("strict/a.json", THREE_FAULTS),
        (
            "shared/base.toml",
            "ignore = [\"COC206\"]\n[severity]\nCOC102 = \"off\"\n",
        ),
        (
            "team/coc-lint.toml",
            "extends = [\"../shared/base.toml\"]\n[severity]\nCOC102 = \"info\"\n",
        ),
        ("team/a.json", THREE_FAULTS),
    ]);
    let (_, report) = check(dir.path(), &["strict/a.json", "team/a.json"]);
    assert_eq!(
        found(&report),
        [
            f("strict/a.json", "COC202", "error"),
            f("strict/a.json", "COC102", "error"),
            f("strict/a.json", "COC206", "error"),
            // The file overrides what it extends.
            f("team/a.json", "COC202", "error"),
            f("team/a.json", "COC102", "info"),
        ]
    );
}

#[test]
fn per_file_ignores_apply_by_glob_from_the_configs_folder_and_reasons_are_listed() {
    let dir = tree(&[
        (
            "coc-lint.toml",
            concat!(
                "ignore = [{ rule = \"COC206\", reason = \"images run scripts as svc-deploy\" }]\n",
                "[per-file-ignores]\n",
                "\"legacy/*.json\" = [\"timeout-out-of-range\"]\n",
                "\"captured-*.json\" = [{ rule = \"COC1\", reason = \"server output\" }]\n",
            ),
        ),
        ("legacy/a.json", THREE_FAULTS),
        ("legacy/deeper/a.json", THREE_FAULTS),
        ("x/captured-1.json", THREE_FAULTS),
    ]);
    let (_, report) = check(dir.path(), &["."]);
    assert_eq!(
        found(&report),
        [
            f("./legacy/a.json", "COC102", "warning"),
            // `legacy/*.json` is one level: the deeper file keeps COC202.
            f("./legacy/deeper/a.json", "COC202", "error"),
            f("./legacy/deeper/a.json", "COC102", "warning"),
            // No `/`: the name at any depth.
            f("./x/captured-1.json", "COC202", "error"),
        ]
    );
    let out = run_in(dir.path(), &["rules", "--ignored"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + 1 + 5, "{text}");
    assert!(
        lines[0].starts_with("COC206  execute-user-not-root "),
        "{text}"
    );
    assert!(
        lines[0].ends_with("coc-lint.toml:1  images run scripts as svc-deploy"),
        "{text}"
    );
    assert!(
        lines[1].ends_with("coc-lint.toml:3 (legacy/*.json)  (no reason given)"),
        "{text}"
    );
    assert!(lines[2].starts_with("COC101"), "{text}");
    assert!(
        lines[2].ends_with("coc-lint.toml:4 (captured-*.json)  server output"),
        "{text}"
    );
    let empty = tree(&[]);
    let out = run_in(empty.path(), &["rules", "--ignored", "--isolated"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "No rule is ignored here.\n"
    );
}

#[test]
fn an_ignore_that_matches_nothing_is_reported_at_its_span_when_the_run_covers_its_folder() {
    let config = "ignore = [\"COC206\", { rule = \"COC5\", reason = \"old captures\" }]\n[per-file-ignores]\n\"prod/*.json\" = [\"COC202\"]\n";
    let dir = tree(&[
        ("coc-lint.toml", config),
        ("a.json", THREE_FAULTS),
        ("prod/b.json", VALID),
    ]);
    let (code, report) = check(dir.path(), &["."]);
    assert_eq!(code, 1);
    let unused: Vec<&Value> = report["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["code"] == "COC901")
        .collect();
    let pinned: Vec<(String, &str, u64, u64, u64, u64, &str)> = unused
        .iter()
        .map(|d| {
            (
                d["path"].as_str().expect("path").to_owned(),
                d["pointer"].as_str().expect("pointer"),
                d["line"].as_u64().expect("line"),
                d["column"].as_u64().expect("column"),
                d["end_column"].as_u64().expect("end"),
                d["offset"].as_u64().expect("offset"),
                d["severity"].as_str().expect("severity"),
            )
        })
        .collect();
    assert_eq!(
        pinned,
        [
            (
                "coc-lint.toml".into(),
                "/ignore/1",
                1,
                21,
                63,
                20,
                "warning"
            ),
            (
                "coc-lint.toml".into(),
                "/per-file-ignores/prod~1*.json/0",
                3,
                18,
                26,
                100,
                "warning"
            ),
        ]
    );
    assert_eq!(
        &config[20..62],
        "{ rule = \"COC5\", reason = \"old captures\" }"
    );
    assert_eq!(&config[100..108], "\"COC202\"");
    assert!(unused[0]["message"]
        .as_str()
        .expect("message")
        .contains("`COC5` matched no diagnostic"));
    // A run on one file says nothing about the others: no report.
    let (_, report) = check(dir.path(), &["a.json"]);
    assert!(!found(&report).iter().any(|(_, c, _)| c == "COC901"));
    // The strict preset makes it an error; a policy may turn it off.
    fs::write(
        dir.path().join("coc-lint.toml"),
        format!("extends = [\"strict\"]\n{config}"),
    )
    .expect("write");
    let (_, report) = check(dir.path(), &["."]);
    assert!(found(&report).contains(&f("coc-lint.toml", "COC901", "error")));
    let (_, report) = check(dir.path(), &["--ignore", "unused-ignore", "."]);
    assert!(!found(&report).iter().any(|(_, c, _)| c == "COC901"));
    // In the human report, the configuration's line is shown.
    let out = run_in(dir.path(), &["check", "--color", "never", "."]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("╭─[coc-lint.toml:2:21]"), "{text}");
}

#[test]
fn walks_respect_gitignore_excludes_and_includes() {
    let dir = tree(&[
        (".gitignore", "generated/\n*.tmp.json\n"),
        ("a.json", THREE_FAULTS),
        ("generated/b.json", THREE_FAULTS),
        ("c.tmp.json", THREE_FAULTS),
        ("node_modules/pkg/d.json", THREE_FAULTS),
        ("vendor/e.json", THREE_FAULTS),
        ("params/f.params", THREE_FAULTS),
    ]);
    let files = |report: &Value| -> Vec<String> {
        let mut all: Vec<String> = found(report).into_iter().map(|(p, _, _)| p).collect();
        all.dedup();
        all
    };
    let (_, report) = check(dir.path(), &["."]);
    assert_eq!(files(&report), ["./a.json", "./vendor/e.json"]);
    let (_, report) = check(dir.path(), &["--no-respect-gitignore", "."]);
    assert_eq!(
        files(&report),
        [
            "./a.json",
            "./c.tmp.json",
            "./generated/b.json",
            "./vendor/e.json"
        ]
    );
    fs::write(
        dir.path().join("coc-lint.toml"),
        "extend-exclude = [\"vendor/\"]\ninclude = [\"*.json\", \"*.params\"]\nrespect-gitignore = false\n",
    )
    .expect("write");
    let (_, report) = check(dir.path(), &["."]);
    assert_eq!(
        files(&report),
        [
            "./a.json",
            "./c.tmp.json",
            "./generated/b.json",
            "./params/f.params"
        ]
    );
    fs::write(dir.path().join("coc-lint.toml"), "exclude = []\n").expect("write");
    let (_, report) = check(dir.path(), &["."]);
    assert_eq!(
        files(&report),
        ["./a.json", "./node_modules/pkg/d.json", "./vendor/e.json"]
    );
    // A file named on the command line is linted whatever the walk skips.
    let (_, report) = check(dir.path(), &["generated/b.json"]);
    assert_eq!(files(&report), ["generated/b.json"]);
}

#[test]
fn walks_skip_json_that_is_no_coc_document_unless_told_and_named_files_are_reported() {
    let dir = tree(&[
        ("package.json", "{\"name\": \"x\", \"version\": \"1.0.0\"}"),
        (".vscode/settings.json", "{\"editor.tabSize\": 2}"),
        ("tsconfig.json", "{\"compilerOptions\": {}}"),
        ("a.json", VALID),
    ]);
    let out = run_in(dir.path(), &["check", "--format", "json", "."]);
    assert_eq!(out.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["summary"]["files"], 1);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "note: skipped 2 JSON files that are no COC document (`unknown-files = \"report\"` in coc-lint.toml lints them)\n"
    );
    let (code, report) = check(dir.path(), &["package.json"]);
    assert_eq!(code, 1);
    assert_eq!(found(&report), [f("package.json", "COC003", "error")]);
    fs::write(
        dir.path().join("coc-lint.toml"),
        "unknown-files = \"report\"\n",
    )
    .expect("write");
    let (code, report) = check(dir.path(), &["."]);
    assert_eq!(code, 1);
    assert_eq!(
        found(&report),
        [
            f("./package.json", "COC003", "error"),
            f("./tsconfig.json", "COC003", "error")
        ]
    );
}

/// A bad configuration: its text, a part of the expected message, its
/// (line, column, end column), its pointer, and the name of the case.
type BadCase = (
    &'static str,
    &'static str,
    (u64, u64, u64),
    &'static str,
    &'static str,
);

#[test]
fn every_class_of_bad_configuration_stops_the_run_with_its_span() {
    let cases: &[BadCase] = &[
        // text, expected message part, (line, column, end column), pointer, case
        (
            "selekt = [\"COC2\"]\n",
            "`selekt` is not a configuration key / did you mean `select`?",
            (1, 1, 7),
            "/selekt",
            "unknown key",
        ),
        (
            "select = [\"COC2\", \"timeout-out-of-rang\"]\n",
            "no rule has the code or name `timeout-out-of-rang`; did you mean `timeout-out-of-range`?",
            (1, 19, 40),
            "/select/1",
            "unknown rule name",
        ),
        (
            "[severity]\nCOC2O2 = \"warning\"\n",
            "no rule has the code or name `COC2O2`; did you mean `COC202`?",
            (2, 1, 7),
            "/severity/COC2O2",
            "unknown rule code",
        ),
        (
            "[severity]\nCOC202 = \"loud\"\n",
            "`loud` is no severity",
            (2, 10, 16),
            "/severity/COC202",
            "bad severity",
        ),
        (
            "root = \"yes\"\n",
            "invalid type",
            (1, 8, 13),
            "/root",
            "wrong type",
        ),
        (
            "[per-file-ignores]\n\"prod/[\" = [\"COC202\"]\n",
            "prod/[",
            (2, 1, 9),
            "/per-file-ignores/prod~1[",
            "bad glob",
        ),
        (
            "extends = [\"stric\"]\n",
            "`stric` is no preset",
            (1, 12, 19),
            "/extends/0",
            "unknown preset",
        ),
        (
            "extends = [\"./b.toml\"]\n",
            "`extends` makes a cycle",
            (1, 12, 22),
            "/extends/0",
            "extends cycle",
        ),
        (
            "extends = [\"./missing.toml\"]\n",
            "no such file or directory",
            (1, 12, 28),
            "/extends/0",
            "unreadable extends",
        ),
        (
            "ignore = [{ rule = \"COC206\", why = \"x\" }]\n",
            "`why`",
            (1, 11, 41),
            "/ignore/0",
            "bad ignore table",
        ),
        ("select = [\n", "unclosed array", (1, 11, 11), "", "TOML syntax"),
    ];
    for (text, message, position, pointer, case) in cases {
        let dir = tree(&[
            ("coc-lint.toml", text),
            ("b.toml", "extends = [\"./coc-lint.toml\"]\n"),
            ("a.json", THREE_FAULTS),
        ]);
        let (path, got, at, ptr) = config_error(dir.path(), &["a.json"]);
        let expected_path = if *case == "extends cycle" {
            "b.toml"
        } else {
            "coc-lint.toml"
        };
        if *case != "extends cycle" {
            assert_eq!(path, expected_path, "{case}");
            assert_eq!(at, *position, "{case}: {got}");
            assert_eq!(ptr, *pointer, "{case}: {got}");
        } else {
            // The cycle closes in b.toml, which names coc-lint.toml back.
            assert!(path.ends_with(expected_path), "{case}: {path}");
            assert_eq!(at, (1, 12, 29), "{case}: {got}");
            assert_eq!(ptr, "/extends/0", "{case}");
        }
        assert!(got.contains(message), "{case}: {got}");
    }
}

#[test]
fn a_bad_option_is_a_configuration_error_of_the_command_line() {
    let dir = tree(&[("a.json", THREE_FAULTS)]);
    let (path, message, at, pointer) =
        config_error(dir.path(), &["--select", "COC2,bogus", "a.json"]);
    assert_eq!(path, "<command line>");
    assert!(
        message.contains("no rule has the code or name `bogus`"),
        "{message}"
    );
    assert_eq!(at, (1, 19, 26));
    assert_eq!(pointer, "/select/1");
    let out = run_in(dir.path(), &["check", "--severity", "COC202", "a.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not RULE=LEVEL"));
}

#[test]
fn a_bad_configuration_met_on_a_walk_is_reported_once_and_its_files_are_not_linted() {
    let dir = tree(&[
        ("good/a.json", THREE_FAULTS),
        ("bad/coc-lint.toml", "[severity]\nCOC202 = \"loud\"\n"),
        ("bad/a.json", THREE_FAULTS),
        ("bad/b.json", THREE_FAULTS),
        ("bad/sub/c.json", THREE_FAULTS),
    ]);
    let (code, report) = check(dir.path(), &["."]);
    assert_eq!(code, 2);
    let all = found(&report);
    assert_eq!(
        all.iter().filter(|(_, c, _)| c == "COC900").count(),
        1,
        "{all:?}"
    );
    assert!(all
        .iter()
        .all(|(p, _, _)| !p.ends_with(".json") || p.starts_with("./good/")));
    assert_eq!(
        all.iter().filter(|(p, _, _)| p == "./good/a.json").count(),
        3
    );
    // Named directly, the bad folder stops the run before anything is linted.
    let (code, report) = check(dir.path(), &["good/a.json", "bad/a.json"]);
    assert_eq!(code, 2);
    assert_eq!(found(&report), [f("bad/coc-lint.toml", "COC900", "error")]);
}

#[test]
fn a_bad_configuration_is_shown_with_its_source_in_the_human_report() {
    let dir = tree(&[
        (
            "coc-lint.toml",
            "[severity]\ntimeout-out-of-range = \"loud\"\n",
        ),
        ("a.json", THREE_FAULTS),
    ]);
    let out = run_in(dir.path(), &["check", "--color", "never", "a.json"]);
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout), @r#"
    COC900(invalid-config)

      × `loud` is no severity; write `error`, `warning`, `info` or `off`
       ╭─[coc-lint.toml:2:24]
     1 │ [severity]
     2 │ timeout-out-of-range = "loud"
       ·                        ──────
       ╰────

    Found 1 error, 0 warnings in 0 files.
    "#);
}

#[test]
fn init_writes_a_starter_that_changes_nothing_and_never_replaces_a_file() {
    let dir = tree(&[("a.json", THREE_FAULTS)]);
    let (_, before) = check(dir.path(), &["."]);
    let out = run_in(dir.path(), &["init"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "Wrote ./coc-lint.toml: edit it, then `coc-lint check` applies it.\n"
    );
    let written = fs::read_to_string(dir.path().join("coc-lint.toml")).expect("written");
    assert!(written.contains("root = true"));
    let (_, after) = check(dir.path(), &["."]);
    assert_eq!(before, after, "the starter is the default policy");
    // Its commented examples are valid once uncommented.
    let uncommented: String = written
        .lines()
        .map(|l| {
            l.strip_prefix("# ")
                .filter(|rest| {
                    rest.starts_with("select")
                        || rest.starts_with("ignore")
                        || rest.starts_with("    {")
                        || rest.starts_with(']')
                        || rest.starts_with('[')
                        || rest.starts_with("unknown-field")
                        || rest.starts_with("\"captured")
                        || rest.starts_with("include")
                        || rest.starts_with("extend-exclude")
                        || rest.starts_with("allow-comments")
                        || [
                            "code", "name", "severity", "summary", "targets", "check", "when",
                        ]
                        .iter()
                        .any(|k| rest.starts_with(&format!("{k} = ")))
                })
                .unwrap_or(l)
        })
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(dir.path().join("coc-lint.toml"), &uncommented).expect("write");
    let (code, _) = check(dir.path(), &["."]);
    assert_ne!(code, 2, "{uncommented}");
    fs::write(dir.path().join("coc-lint.toml"), "# ours\n").expect("write");
    let out = run_in(dir.path(), &["init"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already exists"));
    assert_eq!(
        fs::read_to_string(dir.path().join("coc-lint.toml")).expect("read"),
        "# ours\n"
    );
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn the_library_takes_the_same_configuration() {
    use coc_lint::policy::{Discovery, Overrides, Resolver};
    let dir = tree(&[
        ("coc-lint.toml", "ignore = [\"COC206\"]\n"),
        ("prod/coc-lint.toml", "[severity]\nCOC202 = \"warning\"\n"),
    ]);
    let resolver = Resolver::new(
        Discovery::Nearest,
        Default::default(),
        &Overrides::default(),
    )
    .expect("resolves");
    let policy = resolver
        .policy(&dir.path().join("prod/a.json"), false)
        .expect("a policy");
    let report = policy.linter().lint_source("prod/a.json", THREE_FAULTS);
    let got: Vec<(&str, coc_lint::Severity)> = report
        .diagnostics
        .iter()
        .map(|d| (d.code.as_ref(), d.severity))
        .collect();
    assert_eq!(
        got,
        [
            ("COC202", coc_lint::Severity::Warning),
            ("COC102", coc_lint::Severity::Warning)
        ]
    );
    assert_eq!(policy.suppressions().ignores()[0].used(), 1);
    let bad = Resolver::new(
        Discovery::Isolated,
        Default::default(),
        &Overrides {
            ignore: vec!["COC99".into()],
            ..Default::default()
        },
    )
    .expect_err("no such rule");
    assert!(bad.to_string().starts_with("<command line>:1:"), "{bad}");
}
