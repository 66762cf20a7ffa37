//! Hostile input: whatever lands in a repository, coc-lint reports it
//! clearly, keeps going with the other files, never panics, never blocks,
//! never writes to its inputs and never echoes a secret.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Output, Stdio};

mod common;
use common::{bin, run_stdin};

use serde_json::Value;

fn check_json(paths: &[&Path], extra: &[&str]) -> (Option<i32>, Value, String) {
    let out: Output = bin()
        .arg("check")
        .args(["--format", "json"])
        .args(extra)
        .args(paths)
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)));
    (out.status.code(), report, stderr)
}

/// `(name, message)` of every diagnostic of the file whose path ends with
/// `file`.
fn diagnostics_of(report: &Value, file: &str) -> Vec<(String, String)> {
    report["diagnostics"]
        .as_array()
        .expect("an array")
        .iter()
        .filter(|d| d["path"].as_str().is_some_and(|p| p.ends_with(file)))
        .map(|d| {
            (
                d["name"].as_str().expect("name").to_owned(),
                d["message"].as_str().expect("message").to_owned(),
            )
        })
        .collect()
}

const VALID: &str = r#"{"timeout": 300, "success_rate": 99.5, "execute_user": "root"}"#;

/// Lint `bytes` as a file next to a valid one; the valid one must still be
/// linted.
fn lint_bytes(name: &str, bytes: &[u8]) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().expect("a temp dir");
    let bad = dir.path().join(name);
    let good = dir.path().join("zz-valid.json");
    fs::write(&bad, bytes).expect("write");
    fs::write(&good, VALID).expect("write");
    let (_, report, _) = check_json(&[dir.path()], &[]);
    assert_eq!(
        report["summary"]["files"], 2,
        "the run went on with the other file"
    );
    assert!(diagnostics_of(&report, "zz-valid.json").is_empty());
    diagnostics_of(&report, name)
}

fn only(found: Vec<(String, String)>, rule: &str, needle: &str) {
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, rule, "{found:?}");
    assert!(found[0].1.contains(needle), "{found:?}");
}

#[test]
fn a_million_levels_of_nesting() {
    let mut text = "[".repeat(1_000_000);
    text.push_str(&"]".repeat(1_000_000));
    only(
        lint_bytes("deep.json", text.as_bytes()),
        "nesting-too-deep",
        "128 levels",
    );
    let objects = "{\"a\":".repeat(1_000_000);
    only(
        lint_bytes("deep-objects.json", objects.as_bytes()),
        "nesting-too-deep",
        "levels",
    );
}

#[test]
fn a_huge_file_is_not_read() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("huge.json");
    // A sparse 2 GiB file: no disk or memory is spent on it.
    let file = fs::File::create(&path).expect("create");
    file.set_len(2 << 30).expect("set_len");
    drop(file);
    let (code, report, _) = check_json(&[&path], &[]);
    assert_eq!(code, Some(1));
    only(
        diagnostics_of(&report, "huge.json"),
        "file-too-large",
        "limit",
    );
}

#[test]
fn a_five_megabyte_string() {
    let value = "a".repeat(5 << 20);
    let text = format!(
        r#"{{"timeout": 300, "success_rate": 100, "execute_user": "root", "script_params": [{{"param_name": "big", "param_value": "{value}"}}]}}"#
    );
    only(
        lint_bytes("big.json", text.as_bytes()),
        "param-value-length",
        "at most 4096",
    );
}

#[test]
fn encodings() {
    let cases: [(&str, &[u8], &str); 2] = [
        ("latin1.json", b"{\"creator\": \"Jos\xe9\"}", "byte 16"),
        ("utf16.json", b"\xff\xfe{\0}\0", "UTF-16LE"),
    ];
    for (name, bytes, needle) in cases {
        only(lint_bytes(name, bytes), "invalid-encoding", needle);
    }
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(VALID.as_bytes());
    assert!(lint_bytes("bom.json", &bom).is_empty());
}

#[test]
fn nul_bytes_control_characters_and_lone_surrogates() {
    let cases: [(&str, &[u8], &str); 4] = [
        ("nul.json", b"{\"creator\": \"a\0b\"}", "NUL"),
        ("nul-outside.json", b"{\0}", "U+0000"),
        ("ctl.json", b"{\"creator\": \"a\x07b\"}", "U+0007"),
        ("surrogate.json", br#"{"creator": "\ud800"}"#, "surrogate"),
    ];
    for (name, bytes, needle) in cases {
        only(lint_bytes(name, bytes), "json-syntax-error", needle);
    }
}

#[test]
fn extreme_numbers() {
    let doc = |t: &str, s: &str| {
        format!(r#"{{"timeout": {t}, "success_rate": {s}, "execute_user": "root"}}"#)
    };
    only(
        lint_bytes("e.json", doc("300", "1e999999").as_bytes()),
        "number-overflow",
        "1e999999",
    );
    only(
        lint_bytes(
            "big.json",
            doc("123456789012345678901234567890", "100").as_bytes(),
        ),
        "number-overflow",
        "32-bit",
    );
    only(
        lint_bytes("negzero.json", doc("-0", "100").as_bytes()),
        "timeout-out-of-range",
        "-0",
    );
    only(
        lint_bytes("float.json", doc("300.0", "100").as_bytes()),
        "float-for-integer",
        "300.0",
    );
}

#[test]
fn missing_broken_and_special_paths() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let root = dir.path();
    fs::write(root.join("ok.json"), VALID).expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("nowhere.json"), root.join("broken.json"))
        .expect("symlink");
    let gone = root.join("vanished.json");
    let (code, report, _) = check_json(&[root, &gone, Path::new("/dev/null")], &[]);
    assert_eq!(
        code,
        Some(2),
        "unreadable paths exit 2 after linting the rest"
    );
    assert!(diagnostics_of(&report, "ok.json").is_empty());
    only(
        diagnostics_of(&report, "vanished.json"),
        "io-error",
        "no such file",
    );
    only(
        diagnostics_of(&report, "/dev/null"),
        "io-error",
        "not a regular file",
    );
    #[cfg(unix)]
    only(
        diagnostics_of(&report, "broken.json"),
        "io-error",
        "broken.json",
    );
}

#[cfg(unix)]
#[test]
fn fifos_never_block() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let fifo = dir.path().join("pipe.json");
    let status = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    fs::write(dir.path().join("ok.json"), VALID).expect("write");
    // Both as an argument and found in a directory: reported, not opened.
    let (code, report, _) = check_json(&[dir.path(), &fifo], &[]);
    assert_eq!(code, Some(2));
    let found = diagnostics_of(&report, "pipe.json");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found
        .iter()
        .all(|(name, m)| name == "io-error" && m.contains("FIFO")));
}

#[cfg(unix)]
#[test]
fn unreadable_files_and_folders() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = dir.path().join("secret.json");
    let folder = dir.path().join("locked");
    fs::write(&file, VALID).expect("write");
    fs::create_dir(&folder).expect("mkdir");
    fs::write(folder.join("inner.json"), VALID).expect("write");
    fs::set_permissions(&file, fs::Permissions::from_mode(0o000)).expect("chmod");
    fs::set_permissions(&folder, fs::Permissions::from_mode(0o000)).expect("chmod");
    let (code, report, _) = check_json(&[dir.path()], &[]);
    let restore = |p: &Path, mode| fs::set_permissions(p, fs::Permissions::from_mode(mode));
    restore(&folder, 0o755).expect("chmod back");
    restore(&file, 0o644).expect("chmod back");
    if fs::File::open(&file).is_ok() && report["summary"]["errors"] == 0 {
        // Running as root: permissions do not apply, and nothing failed.
        assert_eq!(code, Some(0));
        return;
    }
    assert_eq!(code, Some(2));
    let all = report["diagnostics"].as_array().expect("array");
    assert!(all.iter().all(|d| d["name"] == "io-error"), "{all:?}");
    assert!(all.iter().any(|d| d["message"]
        .as_str()
        .is_some_and(|m| m.contains("permission denied"))));
}

#[cfg(unix)]
#[test]
fn paths_that_are_not_utf8() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().expect("a temp dir");
    let name = OsStr::from_bytes(b"caf\xe9.json");
    fs::write(dir.path().join(name), r#"{"timeout": 1}"#).expect("write");
    let (code, report, _) = check_json(&[dir.path()], &[]);
    assert_eq!(code, Some(1));
    let path = report["diagnostics"][0]["path"].as_str().expect("a path");
    assert!(path.contains("caf\u{fffd}.json"), "{path}");
}

#[test]
fn stdout_closed_early_exits_quietly() {
    let dir = tempfile::tempdir().expect("a temp dir");
    for i in 0..300 {
        fs::write(
            dir.path().join(format!("f{i:03}.json")),
            r#"{"timeout": 1}"#,
        )
        .expect("write");
    }
    let mut child = bin()
        .arg("check")
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let stdout = child.stdout.take().expect("piped");
    let mut first = String::new();
    BufReader::new(stdout)
        .read_line(&mut first)
        .expect("one line");
    // The reader is gone (like `| head -1`).
    let out = child.wait_with_output().expect("it finishes");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn secrets_never_reach_any_report_format() {
    let secret = "hunter2-S3cr3t;tok";
    let docs = [
        format!(r#"{{"timeout": 300, "success_rate": 100, "execute_user": "root", "script_params": [{{"param_name": "pw", "param_value": "{secret}"}}]}}"#),
        format!(r#"{{"timeout": 300, "success_rate": 100, "execute_user": "root", "script_params": [{{"param_name": "pw", "param_value": "{secret}.."}}]}}"#),
        // Documents that do not parse: no bare word or string after a
        // sensitive key is echoed or shown.
        format!(r#"{{"timeout": 300, "success_rate": 100, "execute_user": "root", "script_params": [{{"param_name": "pw", "param_value": {}}}]}}"#, secret.replace([';', '-'], "")),
        format!(r#"{{"timeout": 300, "success_rate": 100, "execute_user": "root", "script_params": [{{"param_name": "pw", "param_value": "{secret}" "x": 1}}]}}"#),
        format!("{{\"execute_param\": {{\"timeout\": 300, \"success_rate\": 100, \"execute_user\": \"root\"}}, \"execute_batches\": [{{\"batch_index\": 1, \"rotation_strategy\": \"PAUSE\", \"target_instances\": [{{\"resource_id\": \"r\", \"region_id\": \"x\", \"custom_attributes\": [{{\"key\": \"k\", \"value\": \"{secret}{secret}\"}}]}}]}}]}}"),
    ];
    for doc in &docs {
        for format in ["human", "json"] {
            let out = run_stdin(
                &["check", "--format", format, "--color", "always", "-"],
                doc.as_bytes(),
            );
            assert_eq!(out.status.code(), Some(1), "the secret is flagged: {doc}");
            for stream in [&out.stdout, &out.stderr] {
                let text = String::from_utf8_lossy(stream);
                assert!(
                    !text.contains("hunter2"),
                    "{format} leaks the secret: {text}"
                );
            }
        }
    }
}

/// A key, a value or a path that holds terminal escapes reaches every
/// message escaped (issue 7, defect 5): a crafted file cannot repaint or
/// rewrite a CI log.
#[test]
fn terminal_escapes_in_input_are_escaped_in_every_message() {
    let doc = br#"{"timeout": 300, "success_rate": 100, "execute_user": "root", "x\u001b[31mRED\u001b[0m\u202e\r": 1, "script_params": [{"param_name": "a\u001b]0;title\u0007", "param_value": "v"}]}"#;
    for format in ["human", "json"] {
        let out = common::run_stdin(&["check", "--color", "never", "--format", format, "-"], doc);
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            !stdout
                .chars()
                .any(|c| c == '\u{1b}' || c == '\u{7}' || c == '\u{202e}' || c == '\r'),
            "{format}: {stdout:?}"
        );
        let message = if format == "json" {
            let v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
            // The pointer is the exact key, JSON-escaped.
            assert_eq!(
                v["diagnostics"][0]["pointer"],
                "/x\u{1b}[31mRED\u{1b}[0m\u{202e}\r"
            );
            v["diagnostics"][0]["message"].as_str().unwrap().to_owned()
        } else {
            stdout.clone()
        };
        assert!(
            message.contains("`x\\u{1b}[31mRED\\u{1b}[0m\\u{202e}\\r`"),
            "{format}: {stdout}"
        );
    }
    // The library's values are escaped too: a tool that prints a message
    // as it is cannot be fooled either.
    let report = coc_lint::Linter::new().lint_bytes("x.json", doc);
    for d in &report.diagnostics {
        for text in [Some(&d.message), d.help.as_ref()].into_iter().flatten() {
            assert!(!text.chars().any(coc_lint::escape::is_unsafe), "{text:?}");
        }
    }
    assert!(report.diagnostics.iter().any(|d| d.name == "unknown-field"));
}
