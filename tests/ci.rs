//! The options of `check` for CI pipelines and hooks, through the real
//! binary: `--output-file`, `--quiet`, `--statistics`, `--show-source`,
//! `--exit-zero`, `--fail-on`, `--max-warnings`, `--baseline` and
//! `--write-baseline`.

mod common;

use std::fs;
use std::path::Path;
use std::process::Output;

use serde_json::Value;

const BAD: &str = "{\"timeout\": 3000, \"success_rate\": 99.5, \"execute_user\": \"root\"}\n";
const GOOD: &str = "{\"timeout\": 300, \"success_rate\": 99.5, \"execute_user\": \"root\"}\n";
/// Two warnings (a discarded and an unknown field), no error.
const WARNED: &str =
    "{\"timeout\": 300, \"success_rate\": 99.5, \"execute_user\": \"root\", \"resourceful\": true, \"time_out\": 1}\n";

fn run_in(dir: &Path, args: &[&str]) -> Output {
    common::bin()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

// ------------------------------------------------------------ --output-file

#[test]
fn output_file_gets_the_report_and_the_terminal_the_summary() {
    let dir = tree(&[("p/bad.json", BAD), ("p/good.json", GOOD)]);
    for format in ["human", "json"] {
        let plain = run_in(dir.path(), &["check", "--format", format, "p"]);
        let out = run_in(
            dir.path(),
            &["check", "--format", format, "-o", "report.txt", "p"],
        );
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert_eq!(
            stdout(&out),
            "Found 1 error, 0 warnings in 2 files.\n",
            "{format}"
        );
        let written = fs::read(dir.path().join("report.txt")).unwrap_or_default();
        // The same report as on standard output (no colour either way).
        assert_eq!(written, plain.stdout, "{format}");
    }
    let report: Value =
        serde_json::from_slice(&fs::read(dir.path().join("report.txt")).unwrap()).unwrap();
    assert_eq!(report["summary"]["errors"], 1);
}

#[test]
fn output_file_is_replaced_whole_and_no_temporary_file_is_left() {
    let dir = tree(&[("bad.json", BAD)]);
    fs::write(
        dir.path().join("report.json"),
        "old report, longer than the new one ".repeat(200),
    )
    .unwrap();
    let out = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--output-file",
            "report.json",
            "bad.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&fs::read(dir.path().join("report.json")).unwrap())
        .expect("the old content is gone, not overwritten in place");
    assert_eq!(report["diagnostics"][0]["code"], "COC202");
    assert_eq!(names(dir.path()), ["bad.json", "report.json"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(dir.path().join("report.json"))
            .unwrap()
            .permissions()
            .mode();
        assert_ne!(
            mode & 0o044,
            0,
            "a report is readable as the umask allows, not owner-only: {mode:o}"
        );
    }
}

#[test]
fn output_file_that_cannot_be_written_is_trouble_and_leaves_nothing() {
    let dir = tree(&[("good.json", GOOD)]);
    let out = run_in(
        dir.path(),
        &["check", "-o", "missing/report.txt", "good.json"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).contains("cannot create missing/report.txt"),
        "{}",
        stderr(&out)
    );
    // --exit-zero does not hide it.
    let out = run_in(
        dir.path(),
        &["check", "--exit-zero", "-o", "missing/r", "good.json"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(names(dir.path()), ["good.json"]);
}

#[test]
fn quiet_output_file_prints_nothing() {
    let dir = tree(&[("bad.json", BAD)]);
    let out = run_in(dir.path(), &["check", "-q", "-o", "r.txt", "bad.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    assert!(fs::read_to_string(dir.path().join("r.txt"))
        .unwrap()
        .contains("COC202"));
}

// ----------------------------------------------------------------- --quiet

#[test]
fn quiet_prints_the_diagnostics_and_nothing_else() {
    let dir = tree(&[("bad.json", BAD), ("good.json", GOOD)]);
    let out = run_in(dir.path(), &["check", "--quiet", "."]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("COC202(timeout-out-of-range)"), "{text}");
    assert!(!text.contains("Found"), "{text}");
    let out = run_in(dir.path(), &["check", "-q", "good.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    // The JSON report is a document: its summary is part of it.
    let out = run_in(
        dir.path(),
        &["check", "-q", "--format", "json", "good.json"],
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["files"], 1);
}

// ------------------------------------------------------------ --statistics

#[test]
fn statistics_count_by_rule_most_frequent_first() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = run_in(
        Path::new(root),
        &[
            "check",
            "--statistics",
            "fixtures/invalid/many-faults-execute-param.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "the exit code is the run's");
    insta::assert_snapshot!("statistics_many_faults", stdout(&out));

    let out = run_in(
        Path::new(root),
        &[
            "check",
            "--statistics",
            "--format",
            "json",
            "fixtures/invalid",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let full = run_in(
        Path::new(root),
        &["check", "--format", "json", "fixtures/invalid"],
    );
    let full: Value = serde_json::from_slice(&full.stdout).unwrap();
    let total: u64 = rows.iter().map(|r| r["count"].as_u64().unwrap()).sum();
    assert_eq!(
        total as usize,
        full["diagnostics"].as_array().unwrap().len()
    );
    for pair in rows.windows(2) {
        let key = |r: &Value| {
            (
                std::cmp::Reverse(r["count"].as_u64()),
                r["code"].as_str().unwrap().to_owned(),
            )
        };
        assert!(key(&pair[0]) < key(&pair[1]), "{pair:?}");
    }
    for row in &rows {
        for key in ["code", "name", "severity", "count"] {
            assert!(row.get(key).is_some(), "{row}");
        }
    }
}

#[test]
fn statistics_of_a_clean_run_are_empty() {
    let dir = tree(&[("good.json", GOOD)]);
    let out = run_in(dir.path(), &["check", "--statistics", "good.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let out = run_in(
        dir.path(),
        &["check", "--statistics", "--format", "json", "good.json"],
    );
    assert_eq!(stdout(&out), "[]\n");
}

// ---------------------------------------------------------- --show-source

#[test]
fn no_show_source_prints_one_line_a_diagnostic() {
    let dir = tree(&[("bad.json", BAD)]);
    let out = run_in(dir.path(), &["check", "--no-show-source", "bad.json"]);
    assert_eq!(
        stdout(&out),
        "bad.json:1:13: error[COC202 timeout-out-of-range] `timeout` is 3000, but it must be greater than 5 and less than 1800\n\
         Found 1 error, 0 warnings in 1 file.\n"
    );
    // The last of the pair wins.
    let out = run_in(
        dir.path(),
        &["check", "--no-show-source", "--show-source", "bad.json"],
    );
    assert!(
        stdout(&out).contains("╭─[bad.json:1:13]"),
        "{}",
        stdout(&out)
    );
}

// ------------------------------------------------------------- thresholds

#[test]
fn exit_zero_reports_but_never_fails_on_findings() {
    let dir = tree(&[("bad.json", BAD)]);
    let out = run_in(dir.path(), &["check", "--exit-zero", "bad.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("COC202"));
    // Trouble is not a finding: a path that cannot be read still exits 2.
    let out = run_in(
        dir.path(),
        &["check", "--exit-zero", "bad.json", "missing.json"],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn fail_on_sets_the_lowest_failing_severity() {
    let dir = tree(&[("warned.json", WARNED)]);
    let code = |args: &[&str]| {
        let mut all = vec!["check", "warned.json"];
        all.extend_from_slice(args);
        run_in(dir.path(), &all).status.code()
    };
    assert_eq!(code(&[]), Some(0));
    assert_eq!(code(&["--fail-on", "error"]), Some(0));
    assert_eq!(code(&["--fail-on", "warning"]), Some(1));
    assert_eq!(code(&["--fail-on", "info"]), Some(1));
    assert_eq!(code(&["--fail-on", "warning", "--exit-zero"]), Some(0));
    assert_eq!(code(&["--fail-on", "fatal"]), Some(2));
}

#[test]
fn max_warnings_fails_past_the_limit() {
    let dir = tree(&[("warned.json", WARNED)]);
    let code = |n: &str| {
        run_in(dir.path(), &["check", "--max-warnings", n, "warned.json"])
            .status
            .code()
    };
    assert_eq!(code("0"), Some(1));
    assert_eq!(code("1"), Some(1));
    assert_eq!(code("2"), Some(0));
    assert_eq!(code("-1"), Some(2));
}

// --------------------------------------------------------------- baselines

fn baseline_entries(path: &Path) -> Vec<Value> {
    let text = fs::read_to_string(path).unwrap();
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["version"], 1);
    value["findings"].as_array().unwrap().clone()
}

#[test]
fn write_baseline_is_sorted_one_entry_a_line_and_deterministic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("baseline.json");
    let file_s = file.to_str().unwrap();
    let out = run_in(
        root,
        &["check", "--write-baseline", file_s, "fixtures/invalid"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.starts_with("Wrote ") && said.contains(" findings (") && said.ends_with(".\n"),
        "{said}"
    );
    let first = fs::read_to_string(&file).unwrap();
    // Deterministic whatever the threads.
    run_in(
        root,
        &[
            "check",
            "-j1",
            "--write-baseline",
            file_s,
            "fixtures/invalid",
        ],
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), first);

    let lines: Vec<&str> = first.lines().collect();
    assert_eq!(lines[..3], ["{", "  \"version\": 1,", "  \"findings\": ["]);
    assert_eq!(lines[lines.len() - 2..], ["  ]", "}"]);
    let entries = baseline_entries(&file);
    assert_eq!(entries.len(), lines.len() - 5, "one entry a line");
    let keys: Vec<(String, String, String)> = entries
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().into(),
                e["code"].as_str().unwrap().into(),
                e["pointer"].as_str().unwrap().into(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(keys, sorted, "sorted, one entry a key");
    // Relative to the baseline's folder, with `/`; no line numbers.
    let rel = pathdiff(
        dir.path(),
        &root.join("fixtures/invalid/many-faults-execute-param.json"),
    );
    assert!(keys.iter().any(|k| k.0 == rel), "{rel} not in {keys:?}");
    for e in &entries {
        assert_eq!(e.as_object().unwrap().len(), 4, "{e}");
        assert!(e["count"].as_u64().unwrap() >= 1);
    }
    // The whole run's findings are there.
    let full = run_in(root, &["check", "--format", "json", "fixtures/invalid"]);
    let full: Value = serde_json::from_slice(&full.stdout).unwrap();
    let total: u64 = entries.iter().map(|e| e["count"].as_u64().unwrap()).sum();
    assert_eq!(
        total as usize,
        full["diagnostics"].as_array().unwrap().len()
    );
}

/// `to` relative to `from` (both absolute), with `/`.
fn pathdiff(from: &Path, to: &Path) -> String {
    let from: Vec<_> = from.components().collect();
    let to: Vec<_> = to.components().collect();
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".into(); from.len() - common];
    parts.extend(
        to[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

#[test]
fn baseline_hides_old_findings_survives_shifted_lines_and_catches_new_ones() {
    let dir = tree(&[
        (
            "params/a.json",
            "{\n  \"timeout\": 3000,\n  \"success_rate\": 99.5,\n  \"execute_user\": \"root\"\n}\n",
        ),
        ("params/b.json", GOOD),
    ]);
    let out = run_in(
        dir.path(),
        &[
            "check",
            "--write-baseline",
            "coc-lint-baseline.json",
            "params",
        ],
    );
    assert_eq!(
        stdout(&out),
        "Wrote 1 finding (1 entry) to coc-lint-baseline.json.\n"
    );
    let written = fs::read_to_string(dir.path().join("coc-lint-baseline.json")).unwrap();
    assert_eq!(
        written,
        "{\n  \"version\": 1,\n  \"findings\": [\n    \
         {\"path\":\"params/a.json\",\"code\":\"COC202\",\"pointer\":\"/timeout\",\"count\":1}\n  ]\n}\n"
    );

    let check = |args: &[&str]| {
        let mut all = vec!["check", "--baseline", "coc-lint-baseline.json"];
        all.extend_from_slice(args);
        run_in(dir.path(), &all)
    };
    let out = check(&["params"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(
        stdout(&out),
        "No problems found in 2 files.\n1 finding in the baseline not reported.\n"
    );
    assert!(out.stderr.is_empty());

    // An unrelated edit moves the finding down two lines: still known.
    fs::write(
        dir.path().join("params/a.json"),
        "{\n  \"script_params\": [],\n\n  \"timeout\": 3000,\n  \"success_rate\": 99.5,\n  \"execute_user\": \"root\"\n}\n",
    )
    .unwrap();
    assert_eq!(check(&["params"]).status.code(), Some(0));
    // From another folder, by another path, the keys are the same.
    let out = run_in(
        &dir.path().join("params"),
        &[
            "check",
            "--baseline",
            "../coc-lint-baseline.json",
            "a.json",
            "../params/b.json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));

    // A new finding is reported, and fails; the old one stays hidden.
    fs::write(
        dir.path().join("params/b.json"),
        BAD.replace("\"root\"", "\"\""),
    )
    .unwrap();
    let out = check(&["--format", "json", "params"]);
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let found: Vec<(&str, &str)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["path"].as_str().unwrap(), d["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("params/b.json", "COC202"),
            ("params/b.json", "COC205"),
            ("params/b.json", "COC206")
        ]
    );
    assert_eq!(report["summary"]["errors"], 3);

    // Fixed: said on standard error, the run passes.
    fs::write(dir.path().join("params/a.json"), GOOD).unwrap();
    fs::write(dir.path().join("params/b.json"), GOOD).unwrap();
    let out = check(&["params"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        "No problems found in 2 files.\n0 findings in the baseline not reported; \
         1 finding of the baseline fixed (listed on standard error).\n"
    );
    assert_eq!(
        stderr(&out),
        "note: fixed since the baseline coc-lint-baseline.json was written (run --write-baseline to drop them):\n  \
         params/a.json COC202 \"/timeout\"\n"
    );
    // A run on other files says nothing of a.json's entry.
    let out = check(&["params/b.json"]);
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    // A file that is gone is fixed whatever was linted.
    fs::remove_file(dir.path().join("params/a.json")).unwrap();
    let out = check(&["params/b.json"]);
    assert!(
        stderr(&out).contains("params/a.json COC202"),
        "{}",
        stderr(&out)
    );
    // Quiet: nothing.
    let out = check(&["-q", "params"]);
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
}

#[test]
fn baseline_counts_let_a_key_hold_several_findings() {
    // The same fault on three lines of a stream: one key, count 3.
    let line = "{\"timeout\": 3000, \"success_rate\": 99.5, \"execute_user\": \"root\"}";
    let dir = tree(&[("s.ndjson", &format!("{line}\n{line}\n{line}\n"))]);
    run_in(
        dir.path(),
        &["check", "--write-baseline", "b.json", "s.ndjson"],
    );
    let entries = baseline_entries(&dir.path().join("b.json"));
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["count"], 3);
    assert_eq!(entries[0]["pointer"], "/timeout");
    // A fourth is new (reported once, on the line after the known three).
    fs::write(
        dir.path().join("s.ndjson"),
        format!("{line}\n{line}\n{line}\n{line}\n"),
    )
    .unwrap();
    let out = run_in(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "b.json",
            "s.ndjson",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1);
    assert_eq!(diagnostics[0]["line"], 4);
    // Two fixed: listed with their count.
    fs::write(dir.path().join("s.ndjson"), format!("{line}\n")).unwrap();
    let out = run_in(dir.path(), &["check", "--baseline", "b.json", "s.ndjson"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("  s.ndjson COC202 \"/timeout\" (x2)\n"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn baseline_never_holds_a_secret() {
    let secret = "hunter2''..secret";
    let doc = format!(
        "{{\"timeout\": 3000, \"success_rate\": 99.5, \"execute_user\": \"root\", \"script_params\": [\
         {{\"param_name\": \"pw\", \"param_value\": \"{secret}\"}},\
         {{\"param_name\": \"pw2\", \"param_value\": {{\"{secret}\": 1, \"{secret}\": 2}}}},\
         {{\"param_name\": \"pw3\", \"paramValue\": [\"{secret}\", 5]}}]}}"
    );
    let dir = tree(&[
        ("s.json", &doc),
        ("broken.json", &format!("{{\"param_value\": \"{secret}")),
    ]);
    let out = run_in(dir.path(), &["check", "--write-baseline", "b.json", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = fs::read_to_string(dir.path().join("b.json")).unwrap();
    assert!(text.contains("COC212") || text.contains("COC213"), "{text}");
    assert!(!text.contains("hunter2"), "{text}");
    assert!(!text.contains("secret"), "{text}");
}

#[test]
fn a_bad_baseline_is_trouble() {
    let dir = tree(&[
        ("good.json", GOOD),
        ("not-json.json", "[1,"),
        ("v2.json", "{\"version\": 2, \"findings\": []}"),
    ]);
    for (file, says) in [
        (
            "missing.json",
            "cannot read missing.json: no such file or directory",
        ),
        ("not-json.json", "not-json.json is not a coc-lint baseline"),
        (
            "v2.json",
            "v2.json is a baseline of version 2; this coc-lint reads version 1",
        ),
    ] {
        let out = run_in(
            dir.path(),
            &["check", "--exit-zero", "--baseline", file, "good.json"],
        );
        assert_eq!(out.status.code(), Some(2), "{file}");
        assert!(out.stdout.is_empty());
        assert!(stderr(&out).contains(says), "{file}: {}", stderr(&out));
    }
    let out = run_in(
        dir.path(),
        &[
            "check",
            "--baseline",
            "a",
            "--write-baseline",
            "b",
            "good.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_example_baseline_is_current_and_the_readme_shows_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = run_in(
        root,
        &[
            "check",
            "--baseline",
            "tests/data/coc-lint-baseline.json",
            "fixtures/invalid/many-faults-execute-param.json",
            "fixtures/invalid/number-as-string.json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(
        stdout(&out),
        "No problems found in 2 files.\n18 findings in the baseline not reported.\n"
    );
    assert!(out.stderr.is_empty(), "nothing fixed: {}", stderr(&out));
    // The README's excerpt is its beginning.
    let file = fs::read_to_string(root.join("tests/data/coc-lint-baseline.json")).unwrap();
    let readme = include_str!("../README.md");
    let shown = readme
        .split("```json\n")
        .find(|b| b.starts_with("{\n  \"version\": 1,"))
        .expect("the README shows a baseline");
    let shown = &shown[..shown.find("    ...\n").expect("an excerpt")];
    assert!(
        file.starts_with(shown),
        "README shows\n{shown}\nthe file is\n{file}"
    );
}

#[test]
fn an_unreadable_file_is_never_baselined() {
    let dir = tree(&[("good.json", GOOD)]);
    let out = run_in(
        dir.path(),
        &[
            "check",
            "--write-baseline",
            "b.json",
            "good.json",
            "missing.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        baseline_entries(&dir.path().join("b.json")),
        Vec::<Value>::new()
    );
    let out = run_in(
        dir.path(),
        &["check", "--baseline", "b.json", "good.json", "missing.json"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("missing.json"), "{}", stdout(&out));
}
