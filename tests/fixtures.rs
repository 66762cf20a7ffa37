//! The fixture suite: every file of `fixtures/invalid/` is linted by the
//! real binary and its diagnostics are pinned in a snapshot
//! (`tests/snapshots/fixtures__<file>.snap`); every rule has a fixture named
//! after it whose diagnostic span is pinned below; `fixtures/valid/` lints
//! clean; and a directory run agrees with the per-file runs.
//!
//! Update the snapshots with `INSTA_UPDATE=always cargo test --test fixtures`
//! (or `cargo insta review`), then read every changed line.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::Value;

/// Rules without a fixture: an unreadable path cannot be committed, and a
/// file over the size limit is tested with a lowered limit elsewhere.
/// io-error and file-too-large need a file system fault; invalid-config and
/// unused-ignore point into a `coc-lint.toml`, and tests/policy.rs pins
/// their spans there.
const NO_FIXTURE: [&str; 4] = [
    "io-error",
    "file-too-large",
    "invalid-config",
    "unused-ignore",
];

/// Rules whose fixture cannot avoid a second rule: every name of 33
/// characters (or none) is also not `root`; 201 hosts need a batch of more
/// than 10 hosts, since 20 batches of 10 are exactly the limit.
const UNAVOIDABLE_COMPANIONS: &[(&str, &[&str])] = &[
    ("execute-user-length", &["execute-user-not-root"]),
    ("too-many-target-instances", &["batch-instance-count"]),
    ("discarded-id-length", &["discarded-field"]),
];

/// What the diagnostic of a rule covers in `fixtures/invalid/<rule>.json`.
enum Expect {
    /// Exactly this text.
    Text(&'static str),
    /// A long value: its first and last bytes and its length.
    Long {
        start: &'static str,
        end: &'static str,
        len: usize,
    },
}

use Expect::{Long, Text};

/// The span of every rule's diagnostic in its fixture. Value rules cover the
/// JSON text of the value, key rules the quoted key, object rules the whole
/// object, load rules the offending bytes.
const SPANS: &[(&str, Expect)] = &[
    ("json-syntax-error", Text("}")),
    ("duplicate-key", Text(r#""timeout""#)),
    (
        "unknown-document-kind",
        Text(r#"{"job_id": "SCT2023102211473401af694bf", "state": "done"}"#),
    ),
    ("invalid-encoding", Text("\u{FFFD}")),
    ("nesting-too-deep", Text("[")),
    ("wrong-type", Text(r#""five minutes""#)),
    ("number-as-string", Text(r#""99.5""#)),
    (
        "missing-required-field",
        Text(r#"{"refer_type": "PARAM_STORE", "param_version": "v3"}"#),
    ),
    ("float-for-integer", Text("1.697946452186e12")),
    ("number-overflow", Text("2147483648")),
    ("invalid-status", Text(r#""finished""#)),
    ("timeout-out-of-range", Text("3600")),
    ("success-rate-out-of-range", Text("100.5")),
    ("success-rate-precision", Text("99.55")),
    (
        "execute-user-length",
        Text(r#""svc_aaaaaaaaaaaaaaaaaaaaaaaaaaaaa""#),
    ),
    ("execute-user-not-root", Text(r#""admin""#)),
    (
        "too-many-script-params",
        Long {
            start: r#"[{"param_name": "arg01", "param_value": "v1"}, "#,
            end: r#", {"param_name": "arg21", "param_value": "v21"}]"#,
            len: 978,
        },
    ),
    (
        "param-name-length",
        Text(r#""xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx""#),
    ),
    ("param-name-charset", Text(r#""log-dir""#)),
    ("duplicate-param-name", Text(r#""target_dir""#)),
    (
        "param-value-length",
        Long {
            start: r#""aaaa"#,
            end: r#"aaaa""#,
            len: 4099,
        },
    ),
    ("param-value-charset", Text(r#""echo hi; rm -rf /tmp/x""#)),
    (
        "param-value-consecutive-periods",
        Text(r#""/var/log/../etc""#),
    ),
    (
        "param-value-missing",
        Text(r#"{"param_name": "target_dir"}"#),
    ),
    ("invalid-refer-type", Text(r#""KMS""#)),
    ("param-id-empty", Text(r#""""#)),
    ("param-version-length", Text(r#""v1.0.0-beta""#)),
    (
        "plaintext-secret",
        Text(r#""Zp3kQ9vX2mL7wR4tY8nB1cF6gH0jK5sD3aE9uI2o""#),
    ),
    ("batch-count", Text("[]")),
    ("batch-index-out-of-range", Text("21")),
    ("duplicate-batch-index", Text("1")),
    ("invalid-rotation-strategy", Text(r#""pause""#)),
    ("batch-instance-count", Text("[]")),
    (
        "too-many-target-instances",
        Long {
            start: "[\n    {\n      \"batch_index\": 1,\n",
            end: "      ]\n    }\n  ]",
            len: 26868,
        },
    ),
    ("resource-id-length", Text(r#""""#)),
    (
        "region-id-length",
        Text(r#""cn-north-4-availability-zone-abc1""#),
    ),
    (
        "discarded-id-length",
        Text(r#""7aec98ca5c1a4a649f3b1c2d3e4f5a6b7c8d9e0f""#),
    ),
    ("invalid-instance-type", Text(r#""CONTAINER""#)),
    ("provider-mismatch", Text(r#""CCE""#)),
    (
        "too-many-custom-attributes",
        Text(
            r#"[{"key": "k0", "value": "v0"}, {"key": "k1", "value": "v1"}, {"key": "k2", "value": "v2"}, {"key": "k3", "value": "v3"}, {"key": "k4", "value": "v4"}, {"key": "k5", "value": "v5"}]"#,
        ),
    ),
    ("custom-attribute-key-length", Text(r#""cost_center""#)),
    (
        "custom-attribute-value-length",
        Text(r#""platform-team@example""#),
    ),
    ("discarded-field", Text(r#""resourceful""#)),
    ("unknown-field", Text(r#""description""#)),
    ("finished-before-created", Text("1697946452000")),
    ("missing-finish-time", Text(r#""CANCELED""#)),
    ("unexpected-finish-time", Text("1697946763469")),
    ("execute-costs-mismatch", Text("311")),
    ("list-total-too-small", Text("1")),
    (
        "list-page-size",
        Long {
            start: "[\n   {\n    \"order_id\": 200,\n",
            end: "    }\n   }\n  ]",
            len: 33031,
        },
    ),
    ("order-id-out-of-range", Text("0")),
    ("order-name-length", Text(r#""""#)),
];

/// Files this suite added to `fixtures/valid/`: each must lint without a
/// single diagnostic (the published examples may have warnings).
const ADDED_VALID: &[&str] = &[
    "bom-execute-param.json",
    "crlf-ticket-response.json",
    "execute-param-lower-bounds.json",
    "execute-param-success-rate-exponent.json",
    "execute-param-upper-bounds.json",
    "execute-script-two-batches.json",
    "minified-execute-param.json",
    "ticket-list-abnormal.json",
    "ticket-ready.json",
];

/// Rules whose span is a key of an object (the quoted key as written).
const KEY_RULES: [&str; 3] = ["unknown-field", "discarded-field", "duplicate-key"];

/// Rules about the bytes themselves: no pointer, nothing to look up.
const LOAD_RULES: [&str; 3] = ["json-syntax-error", "invalid-encoding", "nesting-too-deep"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn coc_lint(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_coc-lint"))
        .current_dir(root())
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .expect("the coc-lint binary runs")
}

fn parse_report(out: &Output, what: &str) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{what}: stdout is not one JSON object ({e}); stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// One fixture linted on its own.
struct Run {
    /// `fixtures/invalid/<file>`, as given to the binary.
    path: String,
    /// File name without `.json`.
    stem: String,
    bytes: Vec<u8>,
    exit: Option<i32>,
    report: Value,
}

impl Run {
    fn diagnostics(&self) -> &[Value] {
        self.report["diagnostics"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_else(|| panic!("{}: no diagnostics array", self.path))
    }

    fn names(&self) -> Vec<&str> {
        self.diagnostics().iter().map(|d| s(&d["name"])).collect()
    }

    fn has_error(&self) -> bool {
        self.diagnostics().iter().any(|d| d["severity"] == "error")
    }

    /// The bytes `offset..offset + length` of a diagnostic or label.
    fn span(&self, d: &Value) -> &[u8] {
        let (offset, length) = (u(&d["offset"]), u(&d["length"]));
        self.bytes.get(offset..offset + length).unwrap_or_else(|| {
            panic!(
                "{}: span {offset}+{length} is outside the file ({} bytes)",
                self.path,
                self.bytes.len()
            )
        })
    }
}

fn s(v: &Value) -> &str {
    v.as_str()
        .unwrap_or_else(|| panic!("expected a string, got {v}"))
}

fn u(v: &Value) -> usize {
    v.as_u64()
        .unwrap_or_else(|| panic!("expected an unsigned integer, got {v}")) as usize
}

/// The `*.json` files of a fixture directory, relative to the crate root,
/// sorted by name.
fn fixture_files(dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|entry| entry.expect("readable directory entry").file_name())
        .map(|name| name.into_string().expect("UTF-8 file name"))
        .filter(|name| name.ends_with(".json"))
        .collect();
    names.sort();
    names.into_iter().map(|n| format!("{dir}/{n}")).collect()
}

fn lint_one(path: &str) -> Run {
    let out = coc_lint(&["check", "--format", "json", path]);
    let bytes = std::fs::read(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let stem = Path::new(path)
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("a file stem")
        .to_owned();
    Run {
        path: path.to_owned(),
        stem,
        bytes,
        exit: out.status.code(),
        report: parse_report(&out, path),
    }
}

/// Every invalid fixture linted on its own, once for all tests (a few
/// threads: one process per file).
fn invalid_runs() -> &'static [Run] {
    static RUNS: OnceLock<Vec<Run>> = OnceLock::new();
    RUNS.get_or_init(|| {
        let files = fixture_files("fixtures/invalid");
        let threads = std::thread::available_parallelism().map_or(4, |n| n.get().min(8));
        let chunk = files.len().div_ceil(threads).max(1);
        std::thread::scope(|scope| {
            let handles: Vec<_> = files
                .chunks(chunk)
                .map(|paths| {
                    scope.spawn(move || paths.iter().map(|p| lint_one(p)).collect::<Vec<Run>>())
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().expect("a lint thread panicked"))
                .collect()
        })
    })
}

/// Span text for a snapshot: control characters escaped, long text cut.
fn show(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == 60 {
            out.push_str(&format!("…({} bytes)", bytes.len()));
            break;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:04x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// The compact rendering the snapshots hold: one line per diagnostic, then
/// its span text, help and labels, indented.
fn render(run: &Run) -> String {
    let mut out = format!(
        "exit {}\n",
        run.exit.map_or("signal".into(), |c| c.to_string())
    );
    for d in run.diagnostics() {
        let pointer = match s(&d["pointer"]) {
            "" => "\"\"",
            p => p,
        };
        out.push_str(&format!(
            "{} {} {} {} {}:{}-{}:{} {}+{} | {}\n",
            s(&d["code"]),
            s(&d["name"]),
            s(&d["severity"]),
            pointer,
            d["line"],
            d["column"],
            d["end_line"],
            d["end_column"],
            d["offset"],
            d["length"],
            s(&d["message"]),
        ));
        out.push_str(&format!("    span `{}`\n", show(run.span(d))));
        if let Some(help) = d["help"].as_str() {
            out.push_str(&format!("    help: {help}\n"));
        }
        for label in d["labels"].as_array().into_iter().flatten() {
            out.push_str(&format!(
                "    label {}:{} {}+{} `{}` | {}\n",
                label["line"],
                label["column"],
                label["offset"],
                label["length"],
                show(run.span(label)),
                s(&label["message"]),
            ));
        }
    }
    out
}

#[test]
fn every_invalid_fixture_matches_its_snapshot() {
    let runs = invalid_runs();
    assert!(runs.len() >= 50, "only {} invalid fixtures", runs.len());
    let mut failed = Vec::new();
    for run in runs {
        assert!(
            !run.diagnostics().is_empty(),
            "{}: an invalid fixture gives no diagnostic",
            run.path
        );
        let expected_exit = if run.has_error() { 1 } else { 0 };
        assert_eq!(
            run.exit,
            Some(expected_exit),
            "{}: exit code (errors: {})",
            run.path,
            run.has_error()
        );
        let rendered = render(run);
        let mut settings = insta::Settings::clone_current();
        settings.set_omit_expression(true);
        settings.set_input_file(root().join(&run.path));
        settings.set_description(run.path.clone());
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            settings.bind(|| insta::assert_snapshot!(run.stem.as_str(), rendered));
        }));
        if result.is_err() {
            failed.push(run.path.as_str());
        }
    }
    assert!(failed.is_empty(), "snapshots differ: {failed:?}");
}

/// 1-based line and character column of `offset`, computed here from the
/// bytes: lines end at `\n`, a UTF-8 BOM at the start is not a column.
fn position(bytes: &[u8], offset: usize) -> (usize, usize) {
    let before = &bytes[..offset];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let mut text = std::str::from_utf8(&before[line_start..]).unwrap_or_else(|e| {
        panic!("offset {offset} is not after valid UTF-8 text: {e}");
    });
    if line_start == 0 {
        text = text.strip_prefix('\u{feff}').unwrap_or(text);
    }
    (line, 1 + text.chars().count())
}

#[test]
fn lines_and_columns_agree_with_offsets() {
    for run in invalid_runs() {
        for d in run.diagnostics() {
            let what = format!("{}: {} at {}", run.path, d["name"], d["offset"]);
            let (offset, length) = (u(&d["offset"]), u(&d["length"]));
            let start = (u(&d["line"]), u(&d["column"]));
            let end = (u(&d["end_line"]), u(&d["end_column"]));
            assert_eq!(start, position(&run.bytes, offset), "{what}: start");
            if d["name"] == "invalid-encoding" {
                // The bytes after the fault are not text: the end is one
                // column after the start.
                assert_eq!(end, (start.0, start.1 + 1), "{what}: end");
            } else {
                assert_eq!(end, position(&run.bytes, offset + length), "{what}: end");
            }
            for label in d["labels"].as_array().into_iter().flatten() {
                let at = (u(&label["line"]), u(&label["column"]));
                assert_eq!(
                    at,
                    position(&run.bytes, u(&label["offset"])),
                    "{what}: label"
                );
            }
        }
    }
}

/// Follow an RFC 6901 pointer through a serde_json value.
fn lookup<'v>(doc: &'v Value, pointer: &str) -> Option<&'v Value> {
    doc.pointer(pointer)
}

/// The last token of a pointer, unescaped.
fn last_token(pointer: &str) -> String {
    let token = pointer.rsplit('/').next().unwrap_or("");
    token.replace("~1", "/").replace("~0", "~")
}

/// Check that a diagnostic's span is what its pointer names: the quoted key
/// for key rules, else the JSON text of the value (same value as a
/// serde_json pointer lookup, re-serialised).
fn check_span_matches_pointer(run: &Run, doc: &Value, d: &Value) {
    let name = s(&d["name"]);
    let pointer = s(&d["pointer"]);
    let what = format!("{}: {name} at {pointer:?}", run.path);
    let span = std::str::from_utf8(run.span(d)).expect("a UTF-8 span");
    if LOAD_RULES.contains(&name) {
        assert_eq!(pointer, "", "{what}: a load fault has no pointer");
        return;
    }
    let target = lookup(doc, pointer).unwrap_or_else(|| panic!("{what}: pointer not found"));
    if KEY_RULES.contains(&name) {
        let key: String = serde_json::from_str(span)
            .unwrap_or_else(|e| panic!("{what}: span {span:?} is not a quoted key: {e}"));
        assert_eq!(key, last_token(pointer), "{what}: key");
        return;
    }
    let value: Value = serde_json::from_str(span)
        .unwrap_or_else(|e| panic!("{what}: span {span:?} is not one JSON value: {e}"));
    assert_eq!(
        serde_json::to_string(&value).expect("serialisable"),
        serde_json::to_string(target).expect("serialisable"),
        "{what}: the span is not the value at the pointer"
    );
}

/// The rules `coc-lint rules` lists, as (code, name).
fn listed_rules() -> Vec<(String, String)> {
    let out = coc_lint(&["rules"]);
    assert_eq!(out.status.code(), Some(0), "coc-lint rules");
    let text = String::from_utf8(out.stdout).expect("UTF-8 output");
    let rules: Vec<(String, String)> = text
        .lines()
        .filter(|line| line.starts_with("COC"))
        .map(|line| {
            let mut cols = line.split_whitespace();
            let code = cols.next().expect("a code column").to_owned();
            let name = cols.next().expect("a name column").to_owned();
            (code, name)
        })
        .collect();
    assert!(
        rules.len() >= 50,
        "`coc-lint rules` lists {} rules",
        rules.len()
    );
    rules
}

#[test]
fn every_rule_has_a_fixture_with_a_pinned_span() {
    let runs: BTreeMap<&str, &Run> = invalid_runs()
        .iter()
        .map(|r| (r.stem.as_str(), r))
        .collect();
    let spans: BTreeMap<&str, &Expect> = SPANS.iter().map(|(n, e)| (*n, e)).collect();
    let rules = listed_rules();
    for (code, name) in &rules {
        if NO_FIXTURE.contains(&name.as_str()) {
            continue;
        }
        let run = runs
            .get(name.as_str())
            .unwrap_or_else(|| panic!("no fixtures/invalid/{name}.json for {code}"));
        let expect = spans
            .get(name.as_str())
            .unwrap_or_else(|| panic!("{name} has no entry in SPANS"));
        let hits: Vec<&Value> = run
            .diagnostics()
            .iter()
            .filter(|d| d["name"] == name.as_str())
            .collect();
        assert_eq!(
            hits.len(),
            1,
            "{}: expected one {name} diagnostic, got {:?}",
            run.path,
            run.names()
        );
        let d = hits[0];
        assert_eq!(d["code"], code.as_str(), "{}: code", run.path);
        let companions = UNAVOIDABLE_COMPANIONS
            .iter()
            .find(|(rule, _)| rule == name)
            .map_or(&[][..], |(_, others)| *others);
        for other in run.names() {
            assert!(
                other == name || companions.contains(&other),
                "{}: only {name} expected, also got {other}",
                run.path
            );
        }
        let span = run.span(d);
        match expect {
            Text(text) => {
                let shown = String::from_utf8_lossy(span);
                assert_eq!(shown, *text, "{}: span of {name}", run.path);
            }
            Long { start, end, len } => {
                let text = std::str::from_utf8(span).expect("a UTF-8 span");
                assert!(
                    text.starts_with(start) && text.ends_with(end) && text.len() == *len,
                    "{}: span of {name} is {} bytes: {:?}…{:?}",
                    run.path,
                    text.len(),
                    &text[..start.len().min(text.len())],
                    &text[text.len().saturating_sub(end.len())..],
                );
            }
        }
        if let Ok(doc) = serde_json::from_slice::<Value>(&run.bytes) {
            check_span_matches_pointer(run, &doc, d);
        } else {
            assert!(
                LOAD_RULES.contains(&name.as_str()),
                "{}: serde_json cannot read it",
                run.path
            );
        }
    }
    let listed: Vec<&str> = rules.iter().map(|(_, n)| n.as_str()).collect();
    for (name, _) in SPANS {
        assert!(
            listed.contains(name),
            "SPANS names {name}, which is no rule"
        );
    }
}

#[test]
fn every_span_is_the_value_or_key_its_pointer_names() {
    for run in invalid_runs() {
        // Files serde_json cannot read (not JSON, 1e400) have only load
        // faults or a pointer it cannot follow.
        let Ok(doc) = serde_json::from_slice::<Value>(&run.bytes) else {
            continue;
        };
        // A pointer cannot tell duplicate keys apart: serde_json follows it
        // to the last one, the linter may report the first.
        let duplicated: Vec<&str> = run
            .diagnostics()
            .iter()
            .filter(|d| d["name"] == "duplicate-key")
            .map(|d| s(&d["pointer"]))
            .collect();
        for d in run.diagnostics() {
            let pointer = s(&d["pointer"]);
            let shadowed = duplicated.iter().any(|dup| {
                pointer == *dup
                    || pointer
                        .strip_prefix(dup)
                        .is_some_and(|r| r.starts_with('/'))
            });
            if !shadowed || KEY_RULES.contains(&s(&d["name"])) {
                check_span_matches_pointer(run, &doc, d);
            }
        }
    }
}

#[test]
fn valid_fixtures_pass() {
    let out = coc_lint(&["check", "fixtures/valid"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "coc-lint check fixtures/valid:\n{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let files = fixture_files("fixtures/valid");
    for name in ADDED_VALID {
        let path = format!("fixtures/valid/{name}");
        assert!(files.contains(&path), "{path} is missing");
        let out = coc_lint(&["check", "--format", "json", &path]);
        let report = parse_report(&out, &path);
        assert_eq!(out.status.code(), Some(0), "{path}");
        assert_eq!(
            report["diagnostics"],
            serde_json::json!([]),
            "{path} must give no diagnostic at all"
        );
        assert_eq!(report["summary"]["files"], 1, "{path}");
    }
}

#[test]
fn a_directory_run_adds_up_the_file_runs() {
    let runs = invalid_runs();
    let out = coc_lint(&["check", "--format", "json", "fixtures/invalid"]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "coc-lint check fixtures/invalid"
    );
    let report = parse_report(&out, "fixtures/invalid");
    let mut sums = BTreeMap::new();
    for run in runs {
        for (key, value) in run.report["summary"].as_object().expect("a summary object") {
            *sums.entry(key.clone()).or_insert(0) += u(value);
        }
    }
    assert_eq!(sums["files"], runs.len());
    let summary = report["summary"].as_object().expect("a summary object");
    assert_eq!(summary.len(), sums.len(), "summary keys: {summary:?}");
    for (key, sum) in &sums {
        assert_eq!(u(&summary[key]), *sum, "summary.{key}");
    }
    let by_file: Vec<&Value> = runs.iter().flat_map(|r| r.diagnostics()).collect();
    let together: Vec<&Value> = report["diagnostics"]
        .as_array()
        .expect("a diagnostics array")
        .iter()
        .collect();
    assert_eq!(
        together, by_file,
        "the directory run's diagnostics differ from the file runs'"
    );
}
