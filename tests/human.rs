//! The human report (issue 7, defects 1-3): long lines never crash it, its
//! size and time grow with the number of diagnostics, not with the length
//! of their lines, its lines fit the width, and its positions are the JSON
//! report's (1-based lines ending at `\n`, columns in characters, a BOM not
//! counted). Every test runs the real binary.

use std::fs;
use std::path::Path;
use std::process::Output;

mod common;
use common::bin;

use unicode_width::UnicodeWidthStr;

/// One ticket of a list, minified, with `status`.
fn ticket(i: usize, status: &str) -> String {
    format!(
        r#"{{"order_id":{},"order_name":"clean_logs_{i:03}","execute_uuid":"SCT20231022114734{i:09}","gmt_created":1697958452186,"gmt_finished":null,"execute_costs":null,"creator":"ops_admin","status":"{status}"}}"#,
        i + 1
    )
}

/// A one-line ticket list of `n` tickets; `bad(i)` says which have an
/// invalid status.
fn one_line_list(n: usize, bad: impl Fn(usize) -> bool) -> String {
    let tickets: Vec<String> = (0..n)
        .map(|i| ticket(i, if bad(i) { "BAD" } else { "READY" }))
        .collect();
    format!(
        r#"{{"data":{{"total":{n},"data":[{}]}}}}"#,
        tickets.join(",")
    )
}

/// Run `check` on `paths` with `COLUMNS=width` (standard output is a pipe,
/// so that is the width), without colour.
fn check(paths: &[&Path], extra: &[&str], width: usize) -> Output {
    let out = bin()
        .arg("check")
        .args(extra)
        .args(paths)
        .env("COLUMNS", width.to_string())
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    out
}

/// Lint `text` as a file named `name` in the human format; exit code and
/// standard output.
fn human(name: &str, text: &str, width: usize) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join(name);
    fs::write(&path, text).expect("write");
    let out = check(&[&path], &[], width);
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    (out.status.code(), stdout)
}

/// Every line fits in `width` columns, but for the `╭─[path:line:col]`
/// header, which holds the path whole (the one line that cannot be cut), and
/// the one-line form of a file without a text to show (not UTF-8, or an
/// NDJSON line), `path:line:col: severity[CODE name] message`, kept whole
/// for tools that parse it.
fn assert_fits(stdout: &str, width: usize) {
    for line in stdout.lines() {
        let one_line_form = [": error[", ": warning[", ": info["]
            .iter()
            .any(|s| line.contains(s));
        if line.trim_start().starts_with("╭─[") || one_line_form {
            continue;
        }
        assert!(
            line.width() <= width,
            "a line of {} columns is wider than {width}: {line:?}",
            line.width()
        );
    }
}

/// The column (display width before it) where `needle` first stands.
fn col(line: &str, needle: &str) -> Option<usize> {
    line.find(needle).map(|i| line[..i].width())
}

fn count(stdout: &str, needle: &str) -> usize {
    stdout.matches(needle).count()
}

#[test]
fn a_one_line_list_of_101_tickets_is_reported() {
    let text = one_line_list(101, |_| false);
    assert!(text.len() > 20_000 && !text.contains('\n'));
    let (code, stdout) = human("list.json", &text, 100);
    assert_eq!(code, Some(1), "{stdout}");
    assert!(stdout.contains("COC601(list-page-size)"), "{stdout}");
    assert!(
        stdout.contains("╭─[") && stdout.contains("list.json:1:29]"),
        "{stdout}"
    );
    assert!(stdout.ends_with("Found 1 error, 0 warnings in 1 file.\n"));
    assert_fits(&stdout, 100);
}

#[test]
fn a_label_past_column_65535_is_shown() {
    let text = format!(
        "{{{}\"timeout\": 3600, \"success_rate\": 99.5, \"execute_user\": \"root\"}}",
        " ".repeat(65_530)
    );
    let (code, stdout) = human("spaces.json", &text, 100);
    assert_eq!(code, Some(1), "{stdout}");
    // `{`, 65,530 spaces, `"timeout": ` (11 characters): 3600 is at 65,543.
    assert!(stdout.contains("spaces.json:1:65543]"), "{stdout}");
    assert!(stdout.contains("…"), "the window is cut: {stdout}");
    let source = stdout
        .lines()
        .find(|l| l.contains("\"timeout\": 3600"))
        .expect("the window shows the value");
    let under = stdout
        .lines()
        .skip_while(|l| *l != source)
        .nth(1)
        .expect("an underline");
    assert_eq!(col(under, "─"), col(source, "3600"), "{source}\n{under}");
    assert_eq!(under.matches('─').count(), 4);
    assert_fits(&stdout, 100);
}

#[test]
fn a_million_digit_number_is_reported() {
    let text = format!(
        "{{\"timeout\": {}, \"success_rate\": 99.5, \"execute_user\": \"root\"}}",
        "9".repeat(1_000_000)
    );
    let (code, stdout) = human("number.json", &text, 100);
    assert_eq!(code, Some(1));
    assert!(stdout.contains("COC105(number-overflow)"), "{stdout}");
    assert!(stdout.contains("number.json:1:13]"));
    assert!(stdout.len() < 10_000, "{} bytes", stdout.len());
    assert_fits(&stdout, 100);
}

#[test]
fn a_thousand_faults_on_one_line_are_reported_in_bounded_space() {
    let text = one_line_list(1000, |_| true);
    let (code, stdout) = human("many.json", &text, 100);
    assert_eq!(code, Some(1));
    assert_eq!(count(&stdout, "COC201(invalid-status)"), 1000);
    assert_eq!(count(&stdout, "COC601(list-page-size)"), 1);
    assert!(stdout.ends_with("Found 1001 errors, 0 warnings in 1 file.\n"));
    // Each diagnostic is a few lines of at most 100 columns, whatever the
    // length of the line (today's renderer printed the whole line each
    // time).
    assert!(
        stdout.len() < 1001 * 1000,
        "{} bytes for 1001 diagnostics",
        stdout.len()
    );
    assert_fits(&stdout, 100);
}

#[test]
fn a_directory_run_goes_on_after_a_long_line() {
    let dir = tempfile::tempdir().expect("a temp dir");
    fs::write(
        dir.path().join("a-long.json"),
        format!(
            "{{{}\"timeout\": 3600, \"success_rate\": 99.5, \"execute_user\": \"root\"}}",
            " ".repeat(65_530)
        ),
    )
    .expect("write");
    fs::write(
        dir.path().join("b-many.json"),
        one_line_list(1000, |_| true),
    )
    .expect("write");
    fs::write(
        dir.path().join("c-after.json"),
        r#"{"timeout": 1800, "success_rate": 99.5, "execute_user": "root"}"#,
    )
    .expect("write");
    for jobs in ["1", "2"] {
        let out = check(&[dir.path()], &["-j", jobs], 100);
        let stdout = String::from_utf8(out.stdout).expect("UTF-8");
        assert_eq!(out.status.code(), Some(1));
        assert!(stdout.contains("a-long.json:1:65543]"));
        assert!(stdout.contains("c-after.json:1:13]"), "{stdout}");
        assert!(
            stdout.ends_with("Found 1003 errors, 0 warnings in 3 files.\n"),
            "{}",
            &stdout[stdout.len().saturating_sub(200)..]
        );
    }
}

#[test]
fn a_list_with_100_bad_statuses_prints_a_few_lines_each() {
    let text = one_line_list(100, |_| true);
    assert!(text.len() > 19_000);
    let (_, stdout) = human("bad.json", &text, 100);
    assert_eq!(count(&stdout, "COC201(invalid-status)"), 100);
    // Was 3.5 MB: every diagnostic reprinted the 23 KB line.
    assert!(stdout.len() < 100 * 600, "{} bytes", stdout.len());
    let diagnostics = stdout.split("\nFound ").next().unwrap_or("");
    for block in diagnostics.split("\n\nCOC").skip(1) {
        assert!(block.lines().count() <= 8, "{block}");
    }
    assert_fits(&stdout, 100);
}

#[test]
fn a_long_underline_is_capped_to_the_window() {
    let text = one_line_list(600, |_| false);
    assert!(text.len() > 100_000);
    for width in [60, 100, 200] {
        let (_, stdout) = human("page.json", &text, width);
        assert!(stdout.contains("COC601(list-page-size)"));
        let longest = stdout
            .lines()
            .map(|l| l.matches('─').count())
            .max()
            .unwrap_or(0);
        assert!(
            longest > 10 && longest < width,
            "{longest} at width {width}"
        );
        assert_fits(&stdout, width);
    }
}

#[test]
fn headers_count_characters_like_the_json_report() {
    let text = r#"{"data":{"creator":"张三","status":"DONE"}}"#;
    let (_, stdout) = human("cjk.json", text, 100);
    assert!(stdout.contains("cjk.json:1:34]"), "{stdout}");
    // The underline stands under the value: 张 and 三 are two columns each.
    let source = stdout.lines().find(|l| l.contains("张三")).expect("source");
    let under = stdout
        .lines()
        .skip_while(|l| *l != source)
        .nth(1)
        .expect("underline");
    assert_eq!(
        col(source, "\"DONE\""),
        col(under, "─"),
        "\n{source}\n{under}"
    );
}

#[test]
fn a_byte_order_mark_is_not_a_column() {
    let (_, stdout) = human("bom.json", "\u{feff}{\"timeout\": 3600}", 100);
    assert!(stdout.contains("bom.json:1:13]"), "{stdout}");
    assert!(!stdout.contains("feff"), "the BOM is not shown: {stdout}");
}

#[test]
fn cr_only_line_endings_never_show_line_zero() {
    let text = "{\r\"timeout\": 3600,\r\"success_rate\": 99.5,\r\"execute_user\": \"root\"\r}\r";
    let (_, stdout) = human("cr.json", text, 100);
    assert!(stdout.contains("cr.json:1:14]"), "{stdout}");
    for line in stdout.lines() {
        assert!(
            !line.trim_start().starts_with("0 │"),
            "line 0 shown: {stdout}"
        );
    }
    assert!(
        stdout.contains(" 1 │ {\\r\"timeout\": 3600,\\r"),
        "{stdout}"
    );
}

#[test]
fn secrets_are_masked_at_a_fixed_width_and_labels_after_them_stay_aligned() {
    for secret in ["s3cr3t", "a-much-longer-s3cr3t-value-of-many-characters"] {
        let text = format!(
            r#"{{"timeout": 300, "success_rate": 99.5, "execute_user": "root", "script_params": [{{"param_value": "{secret}", "param_name": "bad name!"}}]}}"#
        );
        let (_, stdout) = human("secret.json", &text, 200);
        assert!(!stdout.contains("s3cr3t"), "{stdout}");
        let source = stdout
            .lines()
            .find(|l| l.contains("\"bad name!\""))
            .expect("source line");
        assert!(source.contains(r#""param_value": "****""#), "{source}");
        let under = stdout
            .lines()
            .skip_while(|l| *l != source)
            .nth(1)
            .expect("underline");
        assert_eq!(
            col(under, "─"),
            col(source, "\"bad name!\""),
            "\n{source}\n{under}"
        );
    }
}

#[test]
fn every_fixture_fits_every_width() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/invalid");
    for width in [40, 60, 80, 100, 150] {
        let out = check(&[&fixtures], &[], width);
        let stdout = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(stdout.contains("Found "));
        assert_fits(&stdout, width);
    }
}

#[test]
fn a_200_kb_one_line_list_is_reported_in_every_format() {
    let text = one_line_list(1030, |i| i >= 1027);
    assert!(text.len() > 200_000);
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("list.json");
    fs::write(&path, &text).expect("write");
    for format in ["human", "json"] {
        let out = check(&[&path], &["--format", format], 100);
        assert_eq!(out.status.code(), Some(1), "{format}");
        let stdout = String::from_utf8(out.stdout).expect("UTF-8");
        assert_eq!(count(&stdout, "invalid-status"), 3, "{format}: {stdout}");
    }
}

/// The human report of every file of `fixtures/invalid/`, at 100 columns,
/// pinned in `tests/snapshots/human__<file>.snap` (update with
/// `INSTA_UPDATE=always cargo test --test human`, then read the diff).
#[test]
fn every_invalid_fixture_renders_as_pinned() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = fs::read_dir(root.join("fixtures/invalid"))
        .expect("the fixtures")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    assert!(files.len() > 100);
    for file in files {
        let out = bin()
            .current_dir(root)
            .args(["check", &format!("fixtures/invalid/{file}")])
            .env("COLUMNS", "100")
            .env("NO_COLOR", "1")
            .output()
            .expect("the binary runs");
        let stdout = String::from_utf8(out.stdout).expect("UTF-8");
        let name = file.trim_end_matches(".json").to_owned();
        insta::assert_snapshot!(name, stdout);
    }
}
