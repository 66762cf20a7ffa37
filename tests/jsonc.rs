//! JSONC opt-in (`allow-comments`): comments and trailing commas are refused
//! by default with a help that says how to opt in, accepted with
//! `--allow-comments`, `LintOptions::allow_comments` or a policy, and spans
//! stay exact: a comment before a fault never moves it.

mod common;

use coc_lint::{FileReport, LintOptions, Linter};
use common::run;
use proptest::prelude::*;
use serde_json::Value;

const DIR: &str = "fixtures/jsonc";

fn jsonc() -> Linter {
    Linter::with_options(LintOptions {
        allow_comments: true,
        ..LintOptions::default()
    })
}

/// `check --format json ARGS`: exit code and diagnostics.
fn check(args: &[&str]) -> (Option<i32>, Vec<Value>) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let out = run(&all);
    let report: Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    let diagnostics = report["diagnostics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    (out.status.code(), diagnostics)
}

/// (name, line, column, offset, length) of each diagnostic.
fn places(diagnostics: &[Value]) -> Vec<(String, u64, u64, u64, u64)> {
    diagnostics
        .iter()
        .map(|d| {
            let n = |k: &str| d[k].as_u64().unwrap_or(u64::MAX);
            (
                d["name"].as_str().unwrap_or("").to_owned(),
                n("line"),
                n("column"),
                n("offset"),
                n("length"),
            )
        })
        .collect()
}

#[test]
fn comments_everywhere_and_trailing_commas_pass_when_allowed() {
    let file = format!("{DIR}/commented-execute-param.jsonc");
    let (code, diagnostics) = check(&["--allow-comments", &file]);
    assert_eq!((code, diagnostics.len()), (Some(0), 0), "{diagnostics:?}");
    // The same through the library.
    let text = std::fs::read_to_string(&file).expect("the fixture");
    assert!(jsonc().lint_source("f", &text).diagnostics.is_empty());
}

#[test]
fn they_are_refused_by_default_with_how_to_opt_in() {
    let file = format!("{DIR}/commented-execute-param.jsonc");
    let (code, diagnostics) = check(&[&file]);
    assert_eq!(code, Some(1));
    assert_eq!(
        places(&diagnostics),
        [("json-syntax-error".to_owned(), 1, 1, 0, 1)]
    );
    let help = diagnostics[0]["help"].as_str().unwrap_or_default();
    assert!(
        help.contains("--allow-comments") && help.contains("allow-comments = true"),
        "{help}"
    );
    // A trailing comma alone.
    let text = r#"{"timeout": 300, "success_rate": 100, "execute_user": "root",}"#;
    let report = Linter::new().lint_source("t", text);
    assert_eq!(report.diagnostics.len(), 1);
    assert_eq!(report.diagnostics[0].span.offset, text.len() - 1);
    let help = report.diagnostics[0].help.as_deref().unwrap_or_default();
    assert!(help.contains("allow-comments = true"), "{help}");
    assert!(jsonc().lint_source("t", text).diagnostics.is_empty());
    let array = r#"{"timeout": 300, "success_rate": 100, "execute_user": "root", "script_params": [{"param_name": "a", "param_value": "b"},]}"#;
    assert_eq!(Linter::new().lint_source("t", array).diagnostics.len(), 1);
    assert!(jsonc().lint_source("t", array).diagnostics.is_empty());
}

#[test]
fn spans_after_comments_are_exact() {
    let file = format!("{DIR}/faults-after-comments.jsonc");
    let (code, diagnostics) = check(&["--allow-comments", &file]);
    assert_eq!(code, Some(1));
    // Line 4 follows a three-line comment with accented and CJK characters;
    // on line 6 the value follows a block comment on its line.
    assert_eq!(
        places(&diagnostics),
        [
            ("timeout-out-of-range".to_owned(), 4, 14, 127, 4),
            ("success-rate-out-of-range".to_owned(), 6, 42, 218, 6),
            ("success-rate-precision".to_owned(), 6, 42, 218, 6),
        ]
    );
    let text = std::fs::read(&file).expect("the fixture");
    assert_eq!(&text[127..131], b"3600");
    assert_eq!(&text[218..224], b"100.01");
}

#[test]
fn an_unclosed_comment_is_a_syntax_error_at_its_start() {
    let file = format!("{DIR}/unterminated-comment.jsonc");
    let (code, diagnostics) = check(&["--allow-comments", &file]);
    assert_eq!(code, Some(1));
    assert_eq!(
        places(&diagnostics),
        [("json-syntax-error".to_owned(), 3, 3, 22, 2)]
    );
    assert_eq!(diagnostics[0]["message"], "this comment is never closed");
    // A file of comments only says so.
    let report = jsonc().lint_source("c", "// nothing\n/* here */\n");
    assert_eq!(report.diagnostics.len(), 1);
    assert!(
        report.diagnostics[0]
            .message
            .contains("only whitespace and comments"),
        "{}",
        report.diagnostics[0].message
    );
}

#[test]
fn ndjson_lines_may_carry_comments() {
    let file = format!("{DIR}/ndjson-lines.jsonc");
    let (code, diagnostics) = check(&["--allow-comments", "--ndjson", &file]);
    assert_eq!(code, Some(1));
    assert_eq!(
        places(&diagnostics),
        [
            ("timeout-out-of-range".to_owned(), 2, 13, 73, 4),
            ("execute-user-not-root".to_owned(), 4, 66, 239, 7),
        ]
    );
    let text = std::fs::read(&file).expect("the fixture");
    assert_eq!(&text[73..77], b"3600");
    assert_eq!(&text[239..246], b"\"admin\"");
    // Lines of comments only are no documents.
    let report = jsonc().lint_ndjson("s", std::io::Cursor::new(text));
    assert_eq!(report.documents, 2);
    // Refused by default, line by line.
    let (_, strict) = check(&["--ndjson", &file]);
    assert!(strict.iter().all(|d| d["name"] == "json-syntax-error"));
    assert_eq!(strict.len(), 4);
}

#[test]
fn comments_are_masked_in_every_format() {
    let file = format!("{DIR}/secret-in-comment.jsonc");
    for allow in [true, false] {
        for format in common::formats() {
            let mut args = vec!["check", "--format", &format, "--color", "never"];
            if allow {
                args.push("--allow-comments");
            }
            args.push(&file);
            let out = run(&args);
            assert_eq!(out.status.code(), Some(1));
            let shown = String::from_utf8_lossy(&[out.stdout, out.stderr].concat()).into_owned();
            for secret in ["hunter2", "S3cr3t", "Tr0ub4dor"] {
                assert!(!shown.contains(secret), "{format} {allow}: {shown}");
            }
        }
    }
    // The human report shows there was a comment.
    let out = run(&["check", "--allow-comments", "--color", "never", &file]);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("timeout-out-of-range"), "{shown}");
}

#[test]
fn a_policy_turns_it_on() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let config = dir.path().join("coc-lint.toml");
    std::fs::write(&config, "allow-comments = true\n").expect("written");
    let linter = Linter::from_config(&config, LintOptions::default()).expect("a policy");
    assert!(linter.options().allow_comments);
    let text = "{\"timeout\": 300, // s\n\"success_rate\": 100, \"execute_user\": \"root\",}";
    assert!(linter.lint_source("p", text).diagnostics.is_empty());
    std::fs::write(&config, "allow-comments = false\n").expect("written");
    let strict = Linter::from_config(&config, LintOptions::default()).expect("a policy");
    assert_eq!(strict.lint_source("p", text).diagnostics.len(), 1);
}

/// The byte offsets of `text` between its JSON tokens, where a comment or
/// whitespace may be inserted (never inside a string).
fn gaps(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
                out.push(i);
            }
            b'{' | b'}' | b'[' | b']' | b':' | b',' => {
                out.push(i);
                i += 1;
                out.push(i);
            }
            _ => i += 1,
        }
    }
    out.retain(|&g| g <= b.len());
    out.sort_unstable();
    out.dedup();
    out
}

/// Line and character column (1-based) of byte `offset`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        before.matches('\n').count() + 1,
        before[line_start..].chars().count() + 1,
    )
}

/// The documents of `fixtures/invalid` and `fixtures/valid` that parse as
/// strict JSON (no BOM: a BOM is not a column), as texts.
fn documents() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for dir in ["fixtures/invalid", "fixtures/valid"] {
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .expect("fixtures")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        paths.sort();
        for path in paths {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            if text.starts_with('\u{feff}') || coc_lint::load::parse(&text, 128).is_err() {
                continue;
            }
            out.push((path.display().to_string(), text));
        }
    }
    out
}

fn comment() -> impl Strategy<Value = String> {
    let body = "[a-z \"{}\\[\\]:,/é日*]{0,12}".prop_map(|s| s.replace("*/", "* /"));
    prop_oneof![
        body.clone().prop_map(|b| format!("/*{b}*/")),
        body.prop_map(|b| format!("//{}\n", b.replace('\n', " "))),
        Just(" ".to_owned()),
        Just("\n".to_owned()),
        Just("\r\n\t".to_owned()),
    ]
}

fn diagnostics_of(report: &FileReport) -> Vec<(String, String, String)> {
    report
        .diagnostics
        .iter()
        .map(|d| (d.code.to_string(), d.pointer.clone(), d.message.clone()))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Inserting comments and whitespace between tokens changes no
    /// diagnostic's code, pointer or message, and every span moves exactly
    /// by what was inserted before it: its line and column are those of the
    /// same value in the new text.
    #[test]
    fn comments_between_tokens_never_move_a_diagnostic(
        pick in any::<prop::sample::Index>(),
        inserts in proptest::collection::vec((any::<prop::sample::Index>(), comment()), 1..12),
    ) {
        let docs = documents();
        let (name, text) = &docs[pick.index(docs.len())];
        let points = gaps(text);
        let mut at: Vec<(usize, String)> = inserts
            .into_iter()
            .map(|(i, c)| (points[i.index(points.len())], c))
            .collect();
        at.sort_by_key(|(p, _)| *p);
        let mut new = String::new();
        let mut last = 0;
        for (p, c) in &at {
            new.push_str(&text[last..*p]);
            new.push_str(c);
            last = *p;
        }
        new.push_str(&text[last..]);
        // Where byte `p` of the original is in the new text: insertions at
        // `p` come before a span's start and after its end.
        let shift = |p: usize, start: bool| -> usize {
            p + at
                .iter()
                .filter(|(q, _)| if start { *q <= p } else { *q < p })
                .map(|(_, c)| c.len())
                .sum::<usize>()
        };

        let before = Linter::new().lint_source(name, text);
        let after = jsonc().lint_source(name, &new);
        prop_assert_eq!(diagnostics_of(&before), diagnostics_of(&after), "{}\n{}", name, new);
        for (b, a) in before.diagnostics.iter().zip(&after.diagnostics) {
            let start = shift(b.span.offset, true);
            let end = if b.span.length == 0 { start } else { shift(b.span.offset + b.span.length, false) };
            prop_assert_eq!((a.span.offset, a.span.offset + a.span.length), (start, end), "{}: {}", name, a.message);
            prop_assert_eq!((a.start.line, a.start.column), line_column(&new, start), "{}", name);
            prop_assert_eq!((a.end.line, a.end.column), line_column(&new, end), "{}", name);
        }
    }
}

#[test]
fn the_human_report_masks_comments_and_keeps_underlines_under_values() {
    let file = format!("{DIR}/faults-after-comments.jsonc");
    let out = run(&["check", "--allow-comments", "--color", "never", &file]);
    let shown = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        !shown.contains("typo") && !shown.contains("日本語"),
        "{shown}"
    );
    insta::assert_snapshot!("jsonc_human_faults_after_comments", shown);
}

#[test]
fn a_coc_lint_toml_found_above_the_file_turns_it_on() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let team = dir.path().join("team");
    let other = dir.path().join("other");
    std::fs::create_dir_all(&team).expect("a folder");
    std::fs::create_dir_all(&other).expect("a folder");
    std::fs::write(dir.path().join("coc-lint.toml"), "root = true\n").expect("written");
    std::fs::write(team.join("coc-lint.toml"), "allow-comments = true\n").expect("written");
    let text = "{\n  // seconds\n  \"timeout\": 3600,\n  \"success_rate\": 100, \"execute_user\": \"root\",\n}\n";
    std::fs::write(team.join("p.json"), text).expect("written");
    std::fs::write(other.join("p.json"), text).expect("written");
    let root = dir.path().to_string_lossy().into_owned();
    let (code, diagnostics) = check(&[&root]);
    assert_eq!(code, Some(1));
    let mut found: Vec<(String, String, u64, u64)> = diagnostics
        .iter()
        .map(|d| {
            let path = d["path"].as_str().unwrap_or("");
            let folder = if path.contains("team") {
                "team"
            } else {
                "other"
            };
            (
                folder.to_owned(),
                d["name"].as_str().unwrap_or("").to_owned(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("other".into(), "json-syntax-error".into(), 2, 3),
            ("team".into(), "timeout-out-of-range".into(), 3, 14),
        ]
    );
    // `--isolated` reads no file: refused again, unless asked on the
    // command line.
    let (_, isolated) = check(&["--isolated", &root]);
    assert!(isolated.iter().all(|d| d["name"] == "json-syntax-error"));
    assert_eq!(isolated.len(), 2);
    let (_, asked) = check(&["--isolated", "--allow-comments", &root]);
    assert!(asked.iter().all(|d| d["name"] == "timeout-out-of-range"));
    assert_eq!(asked.len(), 2);
}
