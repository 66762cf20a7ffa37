//! `check --fix`, `--unsafe-fixes` and `--diff`, with the real binary on
//! temporary copies.
//!
//! Every fixture of `tests/fixes/` is fixed in four layouts: as written
//! (pretty), minified, with CRLF line endings and with a byte order mark.
//! The pretty and minified results are pinned in snapshots
//! (`tests/snapshots/fix__<fixture>-<layout>.snap`); the CRLF and BOM results
//! must be exactly the pretty one with CRLF endings or a BOM, byte for byte
//! (insta normalises line endings, so those are compared here).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use common::{bin, run, run_stdin};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixes")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `text` without whitespace outside strings.
fn minify(text: &str) -> String {
    let mut out = String::new();
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if !c.is_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

const LAYOUTS: [&str; 4] = ["pretty", "minified", "crlf", "bom"];

fn layout(text: &str, layout: &str) -> String {
    match layout {
        "pretty" => text.to_owned(),
        "minified" => minify(text),
        "crlf" => text.replace('\n', "\r\n"),
        "bom" => format!("\u{feff}{text}"),
        _ => unreachable!("{layout}"),
    }
}

/// Write `text` to a temporary file, run `check` with `args` on it, and
/// return the file's content afterwards and the run's output.
fn fix_copy(text: &str, args: &[&str]) -> (String, std::process::Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("doc.json");
    fs::write(&path, text).unwrap();
    let path_arg = path.to_str().unwrap().to_owned();
    let mut all = vec!["check"];
    all.extend_from_slice(args);
    all.push(&path_arg);
    let out = run(&all);
    (fs::read_to_string(&path).unwrap(), out, dir)
}

fn json_report(text: &str) -> serde_json::Value {
    let out = run_stdin(
        &[
            "check",
            "--format",
            "json",
            "--stdin-filename",
            "doc.json",
            "-",
        ],
        text.as_bytes(),
    );
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

fn codes(report: &serde_json::Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                d["name"].as_str().unwrap(),
                d["pointer"].as_str().unwrap()
            )
        })
        .collect()
}

/// Fix `name` in every layout with `args`; pin the result.
fn check_fixture(name: &str, args: &[&str]) -> String {
    let source = fixture(name);
    let stem = name.trim_end_matches(".json");
    let mut pretty = String::new();
    for l in LAYOUTS {
        let input = layout(&source, l);
        let (fixed, out, _dir) = fix_copy(&input, args);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("Fixed "), "{name} {l}: {stdout}");
        assert_ne!(fixed, input, "{name} {l}: nothing was fixed");
        // Valid JSON, and a second run changes nothing.
        let body = fixed.trim_start_matches('\u{feff}');
        serde_json::from_str::<serde_json::Value>(body)
            .unwrap_or_else(|e| panic!("{name} {l}: {e}\n{fixed}"));
        let (again, out, _dir) = fix_copy(&fixed, args);
        assert_eq!(again, fixed, "{name} {l}: a second --fix changed it");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("Fixed 0 problems"),
            "{name} {l}"
        );
        match l {
            "pretty" => {
                insta::assert_snapshot!(format!("{stem}-pretty"), fixed);
                pretty = fixed;
            }
            "minified" => insta::assert_snapshot!(format!("{stem}-minified"), fixed),
            "crlf" => assert_eq!(fixed, pretty.replace('\n', "\r\n"), "{name} crlf"),
            "bom" => assert_eq!(fixed, format!("\u{feff}{pretty}"), "{name} bom"),
            _ => unreachable!(),
        }
    }
    pretty
}

#[test]
fn safe_fixes_in_every_layout() {
    for name in [
        "number-as-string.json",
        "float-for-integer.json",
        "discarded-field.json",
    ] {
        let before = json_report(&fixture(name));
        let fixed = check_fixture(name, &["--fix"]);
        // What was fixed is gone, and nothing new appeared.
        let after = json_report(&fixed);
        assert!(
            after["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .all(|d| d.get("fix").is_none()),
            "{name}: {after}"
        );
        let before = codes(&before);
        for found in codes(&after) {
            assert!(before.contains(&found), "{name}: new diagnostic {found}");
        }
    }
}

#[test]
fn unsafe_fixes_only_with_unsafe_fixes() {
    for name in [
        "enum-case.json",
        "execute-user-not-root.json",
        "unknown-field.json",
        "duplicate-key.json",
    ] {
        let source = fixture(name);
        let (kept, out, _dir) = fix_copy(&source, &["--fix"]);
        assert_eq!(kept, source, "{name}: --fix alone applied an unsafe fix");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("fixable with `--unsafe-fixes`"), "{stdout}");
        check_fixture(name, &["--fix", "--unsafe-fixes"]);
    }
}

fn mtime(path: &Path) -> SystemTime {
    fs::metadata(path).unwrap().modified().unwrap()
}

#[test]
fn documents_without_a_fix_and_server_output_are_never_rewritten() {
    for name in ["no-fix.json", "ticket-response.json"] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        fs::write(&path, fixture(name)).unwrap();
        let old = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_000_000);
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(old)
            .unwrap();
        let out = run(&["check", "--fix", "--unsafe-fixes", path.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "errors remain");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("Fixed 0 problems"), "{stdout}");
        assert!(
            !stdout.contains("[*]"),
            "{name}: nothing is fixable\n{stdout}"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), fixture(name));
        assert_eq!(mtime(&path), old, "{name} was rewritten");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "a file was left"
        );
    }
}

#[test]
fn without_fix_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    let source = fixture("number-as-string.json");
    fs::write(&path, &source).unwrap();
    let before = mtime(&path);
    for args in [
        &["check"][..],
        &["check", "--unsafe-fixes"],
        &["check", "--diff"],
        &["check", "--diff", "--fix"],
        &["check", "--format", "json"],
    ] {
        let mut all = args.to_vec();
        all.push(path.to_str().unwrap());
        run(&all);
        assert_eq!(fs::read_to_string(&path).unwrap(), source, "{args:?}");
        assert_eq!(mtime(&path), before, "{args:?}");
    }
}

#[test]
fn diff_shows_the_change_writes_nothing_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("params.json");
    fs::write(&path, fixture("number-as-string.json")).unwrap();
    let out = bin()
        .current_dir(dir.path())
        .args(["check", "--diff", "params.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("diff", String::from_utf8(out.stdout).unwrap());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Would fix 2 problems, 0 remaining."),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        fixture("number-as-string.json")
    );
    // Nothing to change: exit 0 and no output, even with findings left.
    let out = run(&["check", "--diff", "tests/fixes/no-fix.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn diff_masks_secrets_in_context_lines() {
    let text = "{\n  \"timeout\": \"300\",\n  \"success_rate\": 100,\n  \"execute_user\": \"root\",\n  \"script_params\": [{\"param_name\": \"pw\", \"param_value\": \"hunter2\"}]\n}\n";
    let out = run_stdin(&["check", "--diff", "-"], text.as_bytes());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("+  \"timeout\": 300,"), "{stdout}");
    assert!(stdout.contains("\"param_value\": \"****\""), "{stdout}");
    assert!(!stdout.contains("hunter2"), "{stdout}");
}

#[test]
fn fix_on_stdin_writes_the_document_to_stdout_and_the_report_to_stderr() {
    let text = "{\"timeout\": 3e2, \"success_rate\": 100, \"execute_user\": \"admin\"}";
    let out = run_stdin(&["check", "--fix", "-"], text.as_bytes());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "{\"timeout\": 300, \"success_rate\": 100, \"execute_user\": \"admin\"}"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("COC206(execute-user-not-root)"), "{stderr}");
    assert!(stderr.contains("Fixed 1 problem, 1 remaining."), "{stderr}");
    assert_eq!(out.status.code(), Some(1));
    // Nothing to fix: the document passes through unchanged.
    let clean = "{\"timeout\": 300, \"success_rate\": 100, \"execute_user\": \"root\"}\n";
    let out = run_stdin(&["check", "--fix", "-"], clean.as_bytes());
    assert_eq!(out.stdout, clean.as_bytes());
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn ndjson_streams_are_fixed_line_by_line() {
    let lines = [
        "{\"timeout\": \"300\", \"success_rate\": 100, \"execute_user\": \"root\"}\r\n",
        "\n",
        "{\"timeout\": 300.0, \"success_rate\": 100, \"execute_user\": \"root\", \"resourceful\": true}\n",
        "{\"data\": {\"execute_uuid\": \"x\", \"status\": \"FINISHED\", \"gmt_created\": 1e3}}\n",
        "{not json\n",
        "{\"timeout\": 300, \"success_rate\": \"50\", \"execute_user\": \"root\"}",
    ];
    let text: String = lines.concat();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ndjson");
    fs::write(&path, &text).unwrap();
    let out = run(&["check", "--fix", "--format", "json", path.to_str().unwrap()]);
    let fixed = fs::read_to_string(&path).unwrap();
    let expected = [
        "{\"timeout\": 300, \"success_rate\": 100, \"execute_user\": \"root\"}\r\n",
        "\n",
        "{\"timeout\": 300, \"success_rate\": 100, \"execute_user\": \"root\"}\n",
        lines[3],
        lines[4],
        "{\"timeout\": 300, \"success_rate\": 50, \"execute_user\": \"root\"}",
    ]
    .concat();
    assert_eq!(fixed, expected);
    // The report points into the fixed stream.
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let syntax = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "json-syntax-error")
        .expect("the broken line is still reported");
    assert_eq!(syntax["line"], 5);
    let offset = syntax["offset"].as_u64().unwrap() as usize;
    assert!(fixed[offset..].starts_with("not json") || fixed[..offset].ends_with('{'));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Fixed 4 problems"), "{stderr}");
    // A second run changes nothing.
    let before = mtime(&path);
    run(&["check", "--fix", path.to_str().unwrap()]);
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
    assert_eq!(mtime(&path), before);
    // And standard input, with --ndjson.
    let out = run_stdin(&["check", "--fix", "--ndjson", "-"], text.as_bytes());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);
}

#[test]
fn a_read_only_file_is_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    let source = fixture("number-as-string.json");
    fs::write(&path, &source).unwrap();
    let mut perms = fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&path, perms).unwrap();
    let out = run(&["check", "--fix", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("it is read-only; the file is left as it was"),
        "{stdout}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), source);
    assert_eq!(
        fs::read_dir(dir.path()).unwrap().count(),
        1,
        "a file was left"
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_has_its_target_fixed_and_stays_a_link() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real");
    fs::create_dir(&real).unwrap();
    let target = real.join("params.json");
    fs::write(&target, fixture("number-as-string.json")).unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = run(&["check", "--fix", link.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let fixed = fs::read_to_string(&target).unwrap();
    assert!(fixed.contains("\"timeout\": 300,"), "{fixed}");
    let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "permissions kept");
    // No temporary file left beside the target or the link.
    assert_eq!(fs::read_dir(&real).unwrap().count(), 1);
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
}

/// Every file of `dir`, relative, with its content.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                files.push((
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    fs::read(&p).unwrap(),
                ));
            }
        }
    }
    files.sort();
    files
}

fn copy_fixtures(to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    for (rel, bytes) in tree(&from) {
        let dest = to.join(&rel);
        fs::create_dir_all(dest.parent().unwrap()).unwrap();
        fs::write(dest, bytes).unwrap();
    }
}

#[test]
fn fixing_a_copy_of_the_fixtures_repairs_every_safe_case() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixtures(dir.path());
    let before = tree(dir.path());
    let check = |args: &[&str]| {
        bin()
            .current_dir(dir.path())
            .args(args)
            .output()
            .expect("the binary runs")
    };
    // --diff shows the change and writes nothing.
    let diff = check(&["check", "--diff", "."]);
    assert_eq!(diff.status.code(), Some(1));
    let diff_text = String::from_utf8(diff.stdout).unwrap();
    assert!(
        diff_text.contains("+++ ./invalid/number-as-string.json"),
        "{diff_text}"
    );
    assert_eq!(tree(dir.path()), before);

    let out = check(&["check", "--fix", "--format", "json", "."]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Nothing safe is left to fix; unsafe fixes are still offered.
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert!(diagnostics
        .iter()
        .all(|d| d["fix"].is_null() || d["fix"]["applicability"] == "unsafe"));
    assert!(diagnostics
        .iter()
        .any(|d| d["fix"]["applicability"] == "unsafe"));
    let after = tree(dir.path());
    let changed: Vec<String> = before
        .iter()
        .zip(&after)
        .filter(|(b, a)| b != a)
        .map(|(b, _)| b.0.display().to_string())
        .collect();
    assert!(
        changed.contains(&"invalid/number-as-string.json".to_string()),
        "{changed:?}"
    );
    assert!(
        changed.contains(&"invalid/discarded-field.json".to_string()),
        "{changed:?}"
    );
    // Server output is never rewritten.
    assert!(
        !changed.contains(&"invalid/float-for-integer.json".to_string()),
        "{changed:?}"
    );
    // The same count in --diff and --fix.
    let stderr = String::from_utf8_lossy(&out.stderr);
    let would = String::from_utf8_lossy(&diff.stderr);
    let count = |s: &str, prefix: &str| {
        s.lines()
            .find_map(|l| l.strip_prefix(prefix))
            .and_then(|l| l.split(' ').next())
            .map(str::to_owned)
    };
    assert_eq!(
        count(&stderr, "Fixed "),
        count(&would, "Would fix "),
        "{stderr} / {would}"
    );
    // A second run fixes nothing more.
    let again = check(&["check", "--fix", "."]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("Fixed 0 problems"));
    assert_eq!(tree(dir.path()), after);
}

#[test]
fn json_output_marks_fixes_and_keeps_every_other_field() {
    let report = json_report(&fixture("discarded-field.json"));
    let d = &report["diagnostics"][2];
    assert_eq!(d["pointer"], "/execute_param/resourceful");
    let mut keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
    let mut expected = [
        "path",
        "code",
        "name",
        "severity",
        "message",
        "help",
        "pointer",
        "line",
        "column",
        "end_line",
        "end_column",
        "offset",
        "length",
        "labels",
        "fix",
    ];
    keys.sort_unstable();
    expected.sort_unstable();
    assert_eq!(keys, expected);
    // Added last, after the fields that were there before.
    let raw = run(&[
        "check",
        "--format",
        "json",
        "tests/fixes/discarded-field.json",
    ]);
    let raw = String::from_utf8(raw.stdout).unwrap();
    assert!(
        raw.contains("\"labels\":[],\"fix\":{\"applicability\":\"safe\""),
        "{raw}"
    );
    assert_eq!(d["fix"]["applicability"], "safe");
    assert_eq!(d["fix"]["message"], "remove `resourceful`");
    let edit = &d["fix"]["edits"][0];
    assert_eq!(edit["content"], "");
    let source = fixture("discarded-field.json");
    let (offset, length) = (
        edit["offset"].as_u64().unwrap() as usize,
        edit["length"].as_u64().unwrap() as usize,
    );
    assert_eq!(
        &source[offset..offset + length],
        ",\n    \"resourceful\": true"
    );
    assert_eq!(
        (edit["line"].as_u64(), edit["end_line"].as_u64()),
        (Some(17), Some(18))
    );
    // A diagnostic without a fix has no `fix` key at all: the report of a
    // file with nothing fixable is what it always was.
    let report = json_report(&fixture("no-fix.json"));
    assert!(report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d.get("fix").is_none()));
}

#[test]
fn every_rule_with_a_fix_documents_it() {
    let rules = coc_lint::RuleSet::builtin();
    let mut with_fix = std::collections::BTreeSet::new();
    for entry in fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixes")).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        let report = coc_lint::Linter::new().lint_source("f.json", &text);
        for d in report.diagnostics.iter().filter(|d| d.fix.is_some()) {
            with_fix.insert(d.name.to_string());
        }
    }
    assert!(with_fix.len() >= 9, "{with_fix:?}");
    for name in &with_fix {
        let doc = rules.get(name).expect("a rule").doc();
        assert!(
            doc.contains("## Fix"),
            "rules/{name}.md does not say how it is fixed"
        );
    }
}

#[test]
fn comments_in_jsonc_are_never_removed() {
    let text = "{\n  // the timeout\n  \"timeout\": \"300\",\n  \"success_rate\": 100, // percent\n  \"execute_user\": \"root\",\n  \"resourceful\": true, // old\n  \"script_params\": [],\n}\n";
    let (fixed, out, _dir) = fix_copy(text, &["--allow-comments", "--fix"]);
    // The string is unquoted; the member whose removal would take a comment
    // with it stays (comments are masked like secrets, and no fix edits one).
    assert_eq!(fixed, text.replace("\"300\"", "300"));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Fixed 1 problem, 1 remaining."), "{stdout}");
    // Without a comment in the way, the member goes, trailing comma and all.
    let text = "{\"timeout\": 300, \"success_rate\": 100, \"execute_user\": \"root\", \"resourceful\": true,}";
    let (fixed, _, _dir) = fix_copy(text, &["--allow-comments", "--fix"]);
    assert_eq!(
        fixed,
        "{\"timeout\": 300, \"success_rate\": 100, \"execute_user\": \"root\",}"
    );
}
