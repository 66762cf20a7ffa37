//! The command line as users and scripts meet it: exit codes, inputs,
//! formats, `rules` and `explain`.

use std::fs;
use std::process::Output;

mod common;
use common::{bin, run, run_stdin};

use serde_json::Value;

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not one JSON object ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}

fn names(report: &Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .expect("diagnostics is an array")
        .iter()
        .map(|d| d["name"].as_str().expect("name is a string").to_owned())
        .collect()
}

const VALID: &str = r#"{"timeout": 300, "success_rate": 99.5, "execute_user": "root"}"#;

#[test]
fn exit_codes_follow_severity() {
    let ok = run_stdin(&["check", "-"], VALID.as_bytes());
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    let warn = run_stdin(
        &["check", "-"],
        br#"{"timeout": 300, "success_rate": "99.5", "execute_user": "root"}"#,
    );
    assert_eq!(warn.status.code(), Some(0));
    let err = run_stdin(
        &["check", "-"],
        br#"{"timeout": 1800, "success_rate": 99.5, "execute_user": "root"}"#,
    );
    assert_eq!(err.status.code(), Some(1));
}

#[test]
fn json_format_has_the_documented_fields() {
    let out = run_stdin(
        &[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "saved/params.json",
            "-",
        ],
        b"{\n  \"timeout\": 1800,\n  \"success_rate\": 100,\n  \"execute_user\": \"root\"\n}\n",
    );
    assert_eq!(out.status.code(), Some(1));
    let report = json(&out);
    let d = &report["diagnostics"][0];
    assert_eq!(d["path"], "saved/params.json");
    assert_eq!(d["code"], "COC202");
    assert_eq!(d["name"], "timeout-out-of-range");
    assert_eq!(d["severity"], "error");
    assert_eq!(
        d["message"],
        "`timeout` is 1800, but it must be greater than 5 and less than 1800"
    );
    assert_eq!(d["pointer"], "/timeout");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(2), Some(14))
    );
    assert_eq!(
        (d["end_line"].as_u64(), d["end_column"].as_u64()),
        (Some(2), Some(18))
    );
    assert_eq!(
        (d["offset"].as_u64(), d["length"].as_u64()),
        (Some(15), Some(4))
    );
    assert!(d.get("help").is_some());
    assert_eq!(
        report["summary"],
        serde_json::json!({"files": 1, "errors": 1, "warnings": 0, "infos": 0})
    );
}

#[test]
fn human_format_shows_snippet_code_and_help_without_colour_off_a_terminal() {
    let out = run_stdin(
        &["check", "--stdin-filename", "p.json", "-"],
        br#"{"time_out": 300, "success_rate": 100, "execute_user": "root"}"#,
    );
    let text = String::from_utf8(out.stdout).expect("utf-8 output");
    assert!(text.contains("COC402(unknown-field)"), "{text}");
    assert!(text.contains("[p.json:1:2]"), "{text}");
    assert!(text.contains("did you mean `timeout`?"), "{text}");
    assert!(text.contains("COC103(missing-required-field)"), "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "no ANSI escapes when stdout is not a terminal: {text}"
    );
    assert!(
        text.trim_end()
            .ends_with("Found 1 error, 1 warning in 1 file."),
        "{text}"
    );
}

#[test]
fn colour_can_be_forced_and_no_color_wins_over_auto() {
    let input = br#"{"timeout": 1800, "success_rate": 100, "execute_user": "root"}"#;
    let forced = run_stdin(&["check", "--color", "always", "-"], input);
    assert!(forced.stdout.contains(&0x1b));
    let mut cmd = bin();
    cmd.env("NO_COLOR", "1");
    let out = cmd
        .args(["check", "fixtures/valid"])
        .output()
        .expect("the binary runs");
    assert!(!out.stdout.contains(&0x1b));
}

#[test]
fn every_problem_of_a_file_is_reported_at_once() {
    let doc = br#"{"timeout": 5, "success_rate": 0.5, "execute_user": "admin",
        "script_params": [{"param_name": "a-b", "param_value": "x..y"}, {"param_name": "a-b", "param_value": "ok"}]}"#;
    let out = run_stdin(&["check", "--format", "json", "-"], doc);
    let mut got = names(&json(&out));
    got.sort();
    assert_eq!(
        got,
        [
            "duplicate-param-name",
            "execute-user-not-root",
            "param-name-charset",
            "param-name-charset",
            "param-value-consecutive-periods",
            "success-rate-out-of-range",
            "timeout-out-of-range",
        ]
    );
}

#[test]
fn kind_can_be_forced() {
    // Detected as saved parameters: fine.
    let out = run_stdin(&["check", "--format", "json", "-"], VALID.as_bytes());
    assert_eq!(names(&json(&out)), Vec::<String>::new());
    // Forced to a ticket: every key is unknown there.
    let out = run_stdin(
        &["check", "--format", "json", "--kind", "ticket", "-"],
        VALID.as_bytes(),
    );
    assert_eq!(names(&json(&out)), ["unknown-field"; 3]);
    // A bad kind is a usage error.
    let out = run(&["check", "--kind", "nope", "-"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ticket-response"));
}

#[test]
fn unknown_documents_say_what_was_expected() {
    let out = run_stdin(
        &["check", "--format", "json", "-"],
        br#"{"hello": "world"}"#,
    );
    let report = json(&out);
    assert_eq!(names(&report), ["unknown-document-kind"]);
    let message = report["diagnostics"][0]["message"]
        .as_str()
        .expect("a message");
    for kind in [
        "ticket-response",
        "ticket",
        "execute-param",
        "execute-script",
        "ticket-list",
    ] {
        assert!(message.contains(kind), "{message}");
    }
}

#[test]
fn directories_are_walked_in_order_skipping_hidden_folders_and_other_files() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let root = dir.path();
    fs::create_dir_all(root.join("b/nested")).expect("mkdir");
    fs::create_dir_all(root.join(".git")).expect("mkdir");
    fs::write(root.join("b/nested/z.json"), r#"{"timeout": 1}"#).expect("write");
    fs::write(root.join("a.json"), r#"{"timeout": 1}"#).expect("write");
    fs::write(root.join(".git/ignored.json"), r#"{"timeout": 1}"#).expect("write");
    fs::write(root.join("notes.txt"), "not json").expect("write");
    let out = run(&[
        "check",
        "--format",
        "json",
        root.to_str().expect("utf-8 temp path"),
    ]);
    let report = json(&out);
    assert_eq!(report["summary"]["files"], 2);
    let paths: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| d["path"].as_str().expect("path"))
        .collect();
    assert!(
        paths.first().expect("some").ends_with("a.json"),
        "{paths:?}"
    );
    assert!(paths.last().expect("some").ends_with("z.json"), "{paths:?}");
}

#[test]
fn missing_paths_are_reported_and_the_rest_is_linted() {
    let out = run(&[
        "check",
        "--format",
        "json",
        "does/not/exist.json",
        "fixtures/valid",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let report = json(&out);
    assert_eq!(names(&report).first().map(String::as_str), Some("io-error"));
    assert!(report["summary"]["files"].as_u64().expect("a count") > 1);
}

/// Run the binary in `dir` (so that paths are relative, as users type them).
fn run_in(dir: &std::path::Path, args: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

#[cfg(unix)]
#[test]
fn symlinked_folders_are_linted_once_unless_links_are_followed() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let root = dir.path();
    fs::create_dir_all(root.join("tree/real")).expect("mkdir");
    fs::write(root.join("tree/real/a.json"), r#"{"timeout": 1}"#).expect("write");
    std::os::unix::fs::symlink("real", root.join("tree/link")).expect("symlink");
    // A link to a file is read in a walk, and named as an argument.
    std::os::unix::fs::symlink("real/a.json", root.join("tree/b.json")).expect("symlink");

    let out = run_in(root, &["check", "--format", "json", "tree"]);
    let report = json(&out);
    assert_eq!(report["summary"]["files"], 2, "{report}");
    let paths: std::collections::BTreeSet<&str> = report["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| d["path"].as_str().expect("path"))
        .collect();
    assert_eq!(
        paths,
        ["tree/b.json", "tree/real/a.json"].into_iter().collect()
    );

    let out = run_in(
        root,
        &["check", "--format", "json", "--follow-links", "tree"],
    );
    let report = json(&out);
    assert_eq!(report["summary"]["files"], 3, "{report}");
    assert!(report["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .any(|d| d["path"] == "tree/link/a.json"));

    // Named on the command line, links are read whatever the option.
    for arg in ["tree/b.json", "tree/link"] {
        let out = run_in(root, &["check", "--format", "json", arg]);
        assert_eq!(json(&out)["summary"]["files"], 1, "{arg}");
        assert_eq!(out.status.code(), Some(1), "{arg}");
    }
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_not_entered_by_default_and_reported_with_relative_paths_when_followed() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let root = dir.path();
    fs::create_dir_all(root.join("tree/sub")).expect("mkdir");
    std::os::unix::fs::symlink("..", root.join("tree/sub/loop")).expect("symlink");
    // An absolute link target: the message still names the walked paths.
    std::os::unix::fs::symlink(root.join("tree"), root.join("tree/sub/abs")).expect("symlink");
    fs::write(root.join("tree/sub/a.json"), VALID).expect("write");

    let out = run_in(root, &["check", "--format", "json", "tree"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["summary"]["files"], 1);

    let out = run_in(
        root,
        &["check", "--format", "json", "--follow-links", "tree"],
    );
    assert_eq!(out.status.code(), Some(2));
    let report = json(&out);
    assert_eq!(names(&report), ["io-error", "io-error"]);
    let messages: Vec<&str> = report["diagnostics"]
        .as_array()
        .expect("array")
        .iter()
        .map(|d| d["message"].as_str().expect("a message"))
        .collect();
    assert_eq!(
        messages,
        [
            "tree/sub/abs is a symbolic link loop back to tree; skipped",
            "tree/sub/loop is a symbolic link loop back to tree; skipped",
        ]
    );
    let human = run_in(
        root,
        &["check", "--follow-links", "--color", "never", "tree"],
    );
    let text = String::from_utf8_lossy(&human.stdout);
    assert!(
        text.contains("tree/sub/loop is a symbolic link loop back to tree;"),
        "{text}"
    );
    assert!(!text.contains(&*root.to_string_lossy()), "{text}");
}

#[cfg(unix)]
#[test]
fn a_missing_file_is_worded_the_same_as_an_argument_and_in_a_walk() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let root = dir.path();
    fs::create_dir(root.join("tree")).expect("mkdir");
    std::os::unix::fs::symlink("gone.json", root.join("tree/dangling.json")).expect("symlink");
    let message = |args: &[&str]| -> String {
        let out = run_in(root, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let report = json(&out);
        assert_eq!(names(&report), ["io-error"], "{args:?}");
        report["diagnostics"][0]["message"]
            .as_str()
            .expect("a message")
            .to_owned()
    };
    let argument = message(&["check", "--format", "json", "tree/missing.json"]);
    assert_eq!(
        argument,
        "cannot read tree/missing.json: no such file or directory"
    );
    for follow in [false, true] {
        let mut args = vec!["check", "--format", "json", "tree"];
        if follow {
            args.push("--follow-links");
        }
        let walked = message(&args);
        assert_eq!(
            walked.replace("tree/dangling.json", "tree/missing.json"),
            argument,
            "--follow-links: {follow}"
        );
    }
}

#[test]
fn directories_without_json_files_say_so_on_stderr() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let root = dir.path();
    fs::create_dir_all(root.join("empty")).expect("mkdir");
    fs::create_dir_all(root.join("docs/.hidden")).expect("mkdir");
    fs::write(root.join("docs/notes.txt"), "not json").expect("write");
    fs::write(root.join("docs/.hidden/a.json"), VALID).expect("write");
    fs::create_dir_all(root.join("good")).expect("mkdir");
    fs::write(root.join("good/a.json"), VALID).expect("write");

    let out = run_in(
        root,
        &["check", "--format", "json", "empty", "docs", "good"],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "no error: the exit code is unchanged"
    );
    assert_eq!(json(&out)["summary"]["files"], 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr.lines().collect::<Vec<_>>(),
        [
            "warning: no JSON files (*.json, *.ndjson, *.jsonl) found under empty",
            "warning: no JSON files (*.json, *.ndjson, *.jsonl) found under docs",
        ]
    );
    // With no path, the current folder is walked, and said to be empty too.
    let out = run_in(&root.join("empty"), &["check"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("found under ."));
    // A directory with files gives no warning; a missing path is an error.
    let out = run_in(root, &["check", "good", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn file_size_limit_is_a_diagnostic() {
    let out = run(&[
        "check",
        "--format",
        "json",
        "--max-file-size",
        "10",
        "fixtures/valid/execute-param-saved.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(names(&json(&out)), ["file-too-large"]);
}

#[test]
fn ndjson_streams_report_stream_lines() {
    let stream = format!(
        "{VALID}\n\n{}\n{VALID}\n",
        r#"{"timeout": 1800, "success_rate": 100, "execute_user": "root"}"#
    );
    let out = run_stdin(
        &[
            "check",
            "--format",
            "json",
            "--ndjson",
            "--stdin-filename",
            "export.ndjson",
            "-",
        ],
        stream.as_bytes(),
    );
    let report = json(&out);
    let d = &report["diagnostics"][0];
    assert_eq!(d["name"], "timeout-out-of-range");
    assert_eq!(d["line"], 3);
    assert_eq!(d["column"], 13);
    let offset = d["offset"].as_u64().expect("offset") as usize;
    assert_eq!(&stream[offset..offset + 4], "1800");
    // A message that names a byte offset names the stream's.
    let mut bytes = format!("{VALID}\n").into_bytes();
    bytes.extend_from_slice(b"{\"creator\": \"Jos\xe9\"}\n");
    let out = run_stdin(&["check", "--format", "json", "--ndjson", "-"], &bytes);
    let d = &json(&out)["diagnostics"][0];
    assert_eq!(d["name"], "invalid-encoding");
    let offset = d["offset"].as_u64().expect("offset");
    assert_eq!(offset as usize, VALID.len() + 1 + 16);
    assert!(d["message"]
        .as_str()
        .expect("message")
        .contains(&format!("at byte {offset}:")));
}

#[test]
fn rules_lists_every_rule_and_explain_prints_docs() {
    let out = run(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.lines().count() >= 50);
    assert!(text.contains("COC202  timeout-out-of-range"), "{text}");
    assert!(text.contains("greater than 5 and less than 1800"), "{text}");
    for key in ["COC202", "timeout-out-of-range"] {
        let out = run(&["explain", key]);
        assert_eq!(out.status.code(), Some(0));
        let doc = String::from_utf8(out.stdout).expect("utf-8");
        assert!(doc.contains("## What it does"), "{doc}");
        assert!(doc.contains("greater than 5 and less than 1800"), "{doc}");
    }
    let out = run(&["explain", "COC999"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&["check", "--format", "xml"]).status.code(), Some(2));
    assert_eq!(run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(run(&["--version"]).status.code(), Some(0));
}

#[test]
fn inputs_are_never_written() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("t.json");
    fs::write(&path, r#"{"timeout": 1800}"#).expect("write");
    let before = fs::metadata(&path)
        .and_then(|m| m.modified())
        .expect("mtime");
    let bytes = fs::read(&path).expect("read");
    run(&["check", path.to_str().expect("utf-8 temp path")]);
    assert_eq!(fs::read(&path).expect("read"), bytes);
    assert_eq!(
        fs::metadata(&path)
            .and_then(|m| m.modified())
            .expect("mtime"),
        before
    );
}

#[test]
fn output_is_identical_whatever_the_number_of_threads() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let stream: String = (0..3000)
        .map(|i| {
            format!(
                "{{\"timeout\": {}, \"success_rate\": 100, \"execute_user\": \"root\"}}\n",
                i % 2000
            )
        })
        .collect();
    fs::write(dir.path().join("export.ndjson"), stream).expect("write");
    let tmp = dir.path().to_str().expect("utf-8 temp path");
    for format in ["json", "human"] {
        let runs: Vec<Vec<u8>> = ["1", "2", "3", "8"]
            .iter()
            .map(|j| {
                let out = run(&["check", "-j", j, "--format", format, "fixtures", tmp]);
                assert_eq!(out.status.code(), Some(1));
                out.stdout
            })
            .collect();
        for other in &runs[1..] {
            assert!(
                runs[0] == *other,
                "{format} output differs between thread counts"
            );
        }
    }
    let out = run(&["check", "--format", "json", "fixtures", tmp]);
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(report["summary"]["files"].as_u64().expect("a count") > 100);
}
