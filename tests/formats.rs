//! Every `--format` on the same multi-fault fixture set (`tests/formats/`:
//! a file with multi-byte characters before its faults, an NDJSON stream
//! with faults on several lines and a syntax fault on its last, a secret
//! that must stay hidden, a clean file), run through the real binary and
//! snapshotted; the SARIF log validated against the official SARIF 2.1.0
//! schema; GitLab fingerprints that survive an unrelated edit.
//!
//! The SARIF schema is read from `../shared/reference/` beside the
//! checkout (CI has it there); it is not copied into the repository.
//!
//! After an intended change: `INSTA_UPDATE=always cargo test --test
//! formats` (or `cargo insta review`), then read every changed line.

use std::path::{Path, PathBuf};
use std::process::Output;

mod common;

/// The fixture set, relative to the repository root.
const SET: &str = "tests/formats";

/// Every 4-character piece of the secret in `tests/formats/secret.json`.
fn leaks(text: &str) -> Vec<String> {
    let secret: Vec<char> = "Zq7xK9..vWp3Lm!".chars().collect();
    secret
        .windows(4)
        .map(|w| w.iter().collect::<String>())
        .filter(|piece| text.contains(piece.as_str()))
        .collect()
}

fn run_in_repo(args: &[&str]) -> Output {
    common::bin()
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

/// `check --format FORMAT` on the fixture set: its standard output, after
/// checking the exit code (1: the set has errors) and that no secret shows.
fn check(format: &str, path: &str) -> String {
    let out = run_in_repo(&["check", "--format", format, "--color", "never", path]);
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    assert_eq!(out.status.code(), Some(1), "{format}: {stdout}");
    assert!(
        out.stderr.is_empty(),
        "{format}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        leaks(&stdout),
        Vec::<String>::new(),
        "{format} leaks:\n{stdout}"
    );
    stdout
}

fn pretty(json: &serde_json::Value) -> String {
    serde_json::to_string_pretty(json).expect("a value prints")
}

#[test]
fn human() {
    insta::assert_snapshot!(check("human", SET));
}

#[test]
fn json() {
    let out = check("json", SET);
    let value: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    insta::assert_snapshot!(pretty(&value));
}

#[test]
fn concise() {
    let out = check("concise", SET);
    for line in out.lines().filter(|l| !l.starts_with("Found ")) {
        let (location, _) = line.split_once(": ").expect("path:line:col: ...");
        let mut parts = location.rsplitn(3, ':');
        assert!(
            parts.next().is_some_and(|c| c.parse::<usize>().is_ok()),
            "{line}"
        );
        assert!(
            parts.next().is_some_and(|l| l.parse::<usize>().is_ok()),
            "{line}"
        );
    }
    insta::assert_snapshot!(out);
}

#[test]
fn json_lines() {
    let out = check("json-lines", SET);
    let json = check("json", SET);
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    // Line for line, the `diagnostics` of the JSON report.
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(serde_json::Value::Array(lines), json["diagnostics"]);
    insta::assert_snapshot!(out);
}

/// The SARIF log without the parts that would make the snapshot long or
/// churn with each release: the rules (checked by their own test) and the
/// version.
fn sarif_results(out: &str) -> serde_json::Value {
    let mut value: serde_json::Value = serde_json::from_str(out).expect("one JSON document");
    let driver = &mut value["runs"][0]["tool"]["driver"];
    let rules = driver["rules"].as_array().map_or(0, Vec::len);
    driver["rules"] = format!("[{rules} rules]").into();
    driver["version"] = "[version]".into();
    value
}

#[test]
fn sarif() {
    let out = check("sarif", SET);
    insta::assert_snapshot!(pretty(&sarif_results(&out)));
}

#[test]
fn sarif_driver_lists_every_rule_with_its_documentation() {
    let out = check("sarif", SET);
    let value: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let rules = value["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    let builtin = coc_lint::RuleSet::builtin();
    assert_eq!(rules.len(), builtin.rules().len());
    for (shown, rule) in rules.iter().zip(builtin.rules()) {
        assert_eq!(shown["id"], rule.code());
        assert_eq!(shown["name"], rule.name());
        assert_eq!(shown["shortDescription"]["text"], rule.summary());
        assert_eq!(shown["fullDescription"]["text"], rule.one_line());
        assert_eq!(shown["help"]["markdown"], rule.doc());
        let level = match rule.severity() {
            coc_lint::Severity::Error => "error",
            coc_lint::Severity::Warning => "warning",
            coc_lint::Severity::Info => "note",
        };
        assert_eq!(shown["defaultConfiguration"]["level"], level);
        assert_eq!(
            shown["helpUri"].as_str().map(str::to_owned),
            coc_lint::report::rule_doc_uri(rule.name())
        );
    }
    // Every result's index names its rule.
    for result in value["runs"][0]["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("an index") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
    }
}

/// The official schema, from beside the checkout.
fn sarif_schema() -> jsonschema::Validator {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the SARIF 2.1.0 schema is expected at {} (beside the checkout): {e}",
            path.display()
        )
    });
    let schema: serde_json::Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles")
}

fn assert_valid_sarif(validator: &jsonschema::Validator, what: &str, out: &str) {
    let value: serde_json::Value = serde_json::from_str(out).expect("JSON");
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{what}: not valid SARIF 2.1.0:\n{}",
        errors.join("\n")
    );
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let validator = sarif_schema();
    // The fixture set, and every bundled fixture (every rule that can
    // fire, syntax and encoding faults, BOMs, CRLF, labels).
    assert_valid_sarif(&validator, SET, &check("sarif", SET));
    assert_valid_sarif(&validator, "fixtures", &check("sarif", "fixtures"));
    // A clean run, standard input (`<stdin>` is percent-encoded), an
    // absolute path (a `file://` URI) and an unreadable path.
    let clean = run_in_repo(&["check", "--format", "sarif", "fixtures/valid"]);
    assert_valid_sarif(&validator, "clean", &String::from_utf8_lossy(&clean.stdout));
    let stdin = common::run_stdin(&["check", "--format", "sarif", "-"], b"{\"timeout\": 1}");
    assert_valid_sarif(&validator, "stdin", &String::from_utf8_lossy(&stdin.stdout));
    let absolute = Path::new(env!("CARGO_MANIFEST_DIR")).join(SET);
    let absolute = absolute.to_str().expect("a UTF-8 path");
    let out = run_in_repo(&["check", "--format", "sarif", absolute, "no/such file.json"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("\"uri\":\"file:///"), "{text}");
    assert!(text.contains("\"uri\":\"no/such%20file.json\""), "{text}");
    assert_valid_sarif(&validator, "absolute", &text);

    // The validator does reject what is not SARIF: a level SARIF lacks, a
    // column of 0, a column kind SARIF lacks.
    let good: serde_json::Value = serde_json::from_str(&check("sarif", SET)).expect("JSON");
    for (pointer, bad) in [
        ("/runs/0/results/0/level", serde_json::json!("fatal")),
        (
            "/runs/0/results/0/locations/0/physicalLocation/region/startColumn",
            serde_json::json!(0),
        ),
        ("/runs/0/columnKind", serde_json::json!("bytes")),
    ] {
        let mut broken = good.clone();
        *broken.pointer_mut(pointer).expect("the field exists") = bad;
        assert!(!validator.is_valid(&broken), "{pointer} was accepted");
    }
}

#[test]
fn junit() {
    let out = check("junit", SET);
    let doc = roxmltree::Document::parse(&out).expect("well-formed XML");
    let suites: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testsuite"))
        .filter_map(|n| n.attribute("name"))
        .collect();
    // A suite per file, the NDJSON stream's lines in one.
    assert_eq!(
        suites,
        [
            "clean.json",
            "multibyte.json",
            "secret.json",
            "stream.ndjson"
        ]
        .map(|f| format!("{SET}/{f}"))
    );
    insta::assert_snapshot!(out);
}

#[test]
fn github() {
    let out = check("github", SET);
    for line in out.lines() {
        assert!(
            ["::error ", "::warning ", "::notice "]
                .iter()
                .any(|p| line.starts_with(p)),
            "{line}"
        );
    }
    insta::assert_snapshot!(out);
}

#[test]
fn gitlab() {
    let out = check("gitlab", SET);
    let value: serde_json::Value = serde_json::from_str(&out).expect("one JSON document");
    let fingerprints: Vec<&str> = value
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|i| i["fingerprint"].as_str())
        .collect();
    let mut unique = fingerprints.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), fingerprints.len(), "fingerprints collide");
    insta::assert_snapshot!(pretty(&value));
}

/// The fingerprints and begin lines of a GitLab report of `dir`.
fn gitlab_of(dir: &Path) -> Vec<(String, u64)> {
    let out = common::bin()
        .args(["check", "--format", "gitlab", "."])
        .current_dir(dir)
        .output()
        .expect("the binary runs");
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    value
        .as_array()
        .expect("an array")
        .iter()
        .map(|i| {
            (
                i["fingerprint"].as_str().expect("a fingerprint").to_owned(),
                i["location"]["positions"]["begin"]["line"]
                    .as_u64()
                    .expect("a line"),
            )
        })
        .collect()
}

#[test]
fn gitlab_fingerprints_survive_an_unrelated_edit() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let set = Path::new(env!("CARGO_MANIFEST_DIR")).join(SET);
    for file in ["multibyte.json", "stream.ndjson", "secret.json"] {
        std::fs::copy(set.join(file), dir.path().join(file)).expect("copied");
    }
    let before = gitlab_of(dir.path());
    assert_eq!(before, gitlab_of(dir.path()), "not stable across runs");

    // A field nobody objects to above the faults of the JSON file, and a
    // clean document at the head of the stream.
    let edit = |file: &str, f: &dyn Fn(&str) -> String| {
        let path: PathBuf = dir.path().join(file);
        let text = std::fs::read_to_string(&path).expect("read");
        std::fs::write(&path, f(&text)).expect("written");
    };
    edit("multibyte.json", &|t| {
        t.replacen("{\n", "{\n  \"script_params\": [],\n", 1)
    });
    edit("stream.ndjson", &|t| {
        format!("{{\"timeout\": 60, \"success_rate\": 50, \"execute_user\": \"root\"}}\n{t}")
    });
    let after = gitlab_of(dir.path());
    assert_eq!(after.len(), before.len());
    for ((f_before, line_before), (f_after, line_after)) in before.iter().zip(&after) {
        assert_eq!(f_before, f_after);
        // The edit did move the faults it stood above.
        if f_before != &before.last().expect("findings").0 {
            assert!(line_after >= line_before);
        }
    }
    assert!(before.iter().zip(&after).any(|(b, a)| a.1 == b.1 + 1));
}

#[test]
fn rules_as_json() {
    let out = run_in_repo(&["rules", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let rules = value.as_array().expect("an array");
    let builtin = coc_lint::RuleSet::builtin();
    assert_eq!(rules.len(), builtin.rules().len());
    for (shown, rule) in rules.iter().zip(builtin.rules()) {
        assert_eq!(shown["code"], rule.code());
        assert_eq!(shown["name"], rule.name());
        assert_eq!(shown["severity"], rule.severity().as_str());
        assert_eq!(shown["summary"], rule.summary());
        assert_eq!(shown["description"], rule.one_line());
        assert_eq!(shown["help"].as_str(), rule.help());
        assert_eq!(shown["doc"], rule.doc());
    }
    // `--format text` is the plain list, as without the option.
    assert_eq!(
        run_in_repo(&["rules", "--format", "text"]).stdout,
        run_in_repo(&["rules"]).stdout
    );
}

#[test]
fn fixable_diagnostics_are_marked_in_every_format_that_can_say_so() {
    let file = "fixtures/invalid/number-as-string.json";
    // concise: `[*]` before the message, as ruff writes it, and the hint.
    let out = run_in_repo(&["check", "--format", "concise", file]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.starts_with(&format!("{file}:3:19: warning[COC102] [*] `success_rate`")),
        "{text}"
    );
    assert!(
        text.contains("[*] 1 problem fixable with `--fix`."),
        "{text}"
    );
    // SARIF: the fix as a replacement of the exact bytes, and no prose on
    // standard output to break the document.
    let out = run_in_repo(&["check", "--format", "sarif", file]);
    let sarif: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let fix = &sarif["runs"][0]["results"][0]["fixes"][0];
    assert_eq!(fix["properties"]["applicability"], "safe");
    let change = &fix["artifactChanges"][0];
    assert_eq!(change["artifactLocation"]["uri"], file);
    let replacement = &change["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "99.5");
    let region = &replacement["deletedRegion"];
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file))
        .expect("the fixture");
    let offset = region["byteOffset"].as_u64().expect("offset") as usize;
    let length = region["byteLength"].as_u64().expect("length") as usize;
    assert_eq!(&text[offset..offset + length], "\"99.5\"");
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(3), Some(19))
    );
    assert_valid_sarif(
        &sarif_schema(),
        "a fix",
        &String::from_utf8_lossy(&out.stdout),
    );
    // Formats for tools carry no hint line on standard output.
    for format in ["json", "json-lines", "junit", "github", "gitlab"] {
        let out = run_in_repo(&["check", "--format", format, file]);
        assert!(
            !String::from_utf8_lossy(&out.stdout).contains("fixable with"),
            "{format}"
        );
    }
}
