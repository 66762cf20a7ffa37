//! `coc-lint schema`: the exported JSON Schemas, through the real binary,
//! checked with an independent validator (the `jsonschema` crate): every
//! valid fixture validates against its kind's schema (and the schema of
//! all kinds); every fixture of a range, length, items, enum or pattern
//! rule fails there too, at the pointer coc-lint reports; and every limit
//! of every such rule appears in the schema of the field it targets.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use coc_lint::rules::check::Check;
use coc_lint::{Linter, RuleSet, Severity};
use serde_json::{json, Value};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `coc-lint schema ARGS`, parsed.
fn schema(args: &[&str]) -> Value {
    let mut all = vec!["schema"];
    all.extend_from_slice(args);
    let out = common::run(&all);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the schema is JSON")
}

fn validator(schema: &Value) -> jsonschema::Validator {
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::draft202012::new(schema).expect("the schema is a valid draft 2020-12 schema")
}

/// Every kind's validator, by kind name.
fn validators() -> BTreeMap<String, jsonschema::Validator> {
    RuleSet::builtin()
        .schema()
        .kinds
        .iter()
        .map(|k| (k.name.clone(), validator(&schema(&[&k.name]))))
        .collect()
}

/// A fixture as JSON (a byte order mark dropped) with the kind coc-lint
/// detects and the diagnostics it reports.
fn fixture(path: &Path) -> Option<(Value, String, coc_lint::FileReport)> {
    let text = std::fs::read_to_string(path).ok()?;
    let report = Linter::new().lint_source(&path.to_string_lossy(), &text);
    let value = serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    Some((value, report.kind?.name().to_owned(), report))
}

fn files(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn valid_fixtures_validate_against_their_kinds_schema_and_the_schema_of_all() {
    let kinds = validators();
    let any = validator(&schema(&[]));
    let valid = files("fixtures/valid");
    assert!(valid.len() >= 10);
    for path in valid {
        let (value, kind, _) = fixture(&path).expect("a valid fixture parses and has a kind");
        let errors: Vec<String> = kinds[&kind]
            .iter_errors(&value)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        assert!(any.is_valid(&value), "{}", path.display());
    }
}

/// The rules a schema expresses: enabled, error severity, a data check
/// other than decimal places.
fn expressed() -> Vec<&'static coc_lint::Rule> {
    let rules: &'static RuleSet = Box::leak(Box::new(RuleSet::builtin()));
    rules
        .rules()
        .iter()
        .filter(|r| r.is_enabled() && r.severity() == Severity::Error)
        .filter(|r| matches!(r.check(), Some(c) if !matches!(c, Check::Decimals { .. })))
        .collect()
}

#[test]
fn fixtures_breaking_a_range_enum_length_or_pattern_fail_at_the_same_pointer() {
    let kinds = validators();
    let mut tried = 0;
    let mut kinds_of_check = std::collections::BTreeSet::new();
    for rule in expressed() {
        let prefix = rule.name().to_owned();
        for path in files("fixtures/invalid") {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            if stem != prefix && !stem.starts_with(&format!("{prefix}-")) {
                continue;
            }
            let Some((value, kind, report)) = fixture(&path) else {
                continue;
            };
            let pointers: Vec<&str> = report
                .diagnostics
                .iter()
                .filter(|d| d.code == rule.code())
                .map(|d| d.pointer.as_str())
                .collect();
            if pointers.is_empty() {
                continue; // another rule's fixture that shares the prefix
            }
            let failed: Vec<String> = kinds[&kind]
                .iter_errors(&value)
                .map(|e| e.instance_path().to_string())
                .collect();
            for pointer in &pointers {
                assert!(
                    failed.iter().any(|f| f == pointer),
                    "{}: coc-lint reports {} at {pointer}, the schema fails at {failed:?}",
                    path.display(),
                    rule.code()
                );
            }
            tried += 1;
            let check = format!("{:?}", rule.check().unwrap());
            kinds_of_check.insert(check.split(' ').next().unwrap().to_owned());
        }
    }
    assert!(tried >= 20, "only {tried} fixtures tried");
    for kind in [
        "Range", "Length", "Items", "OneOf", "Charset", "Forbid", "Equals",
    ] {
        assert!(
            kinds_of_check.contains(kind),
            "no fixture tried a {kind} check: {kinds_of_check:?}"
        );
    }
}

/// Whether `keyword: value` appears in `schema` or a subschema of it
/// (`items`, `allOf`, `not`).
fn has(schema: &Value, keyword: &str, value: &Value) -> bool {
    if schema.get(keyword) == Some(value) {
        return true;
    }
    let nested = ["items", "not"].iter().filter_map(|k| schema.get(*k));
    let all = schema
        .get("allOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten();
    nested.chain(all).any(|s| has(s, keyword, value))
}

#[test]
fn every_limit_of_every_expressed_rule_appears_at_its_field() {
    let all = schema(&[]);
    let number = |n: f64| {
        if n.fract() == 0.0 {
            json!(n as i64)
        } else {
            json!(n)
        }
    };
    for rule in expressed() {
        let mut expected: Vec<(&str, Value)> = Vec::new();
        match rule.check().unwrap() {
            Check::Range {
                min,
                max,
                exclusive_min,
                exclusive_max,
            } => {
                if let Some(min) = min {
                    let k = if *exclusive_min {
                        "exclusiveMinimum"
                    } else {
                        "minimum"
                    };
                    expected.push((k, number(*min)));
                }
                if let Some(max) = max {
                    let k = if *exclusive_max {
                        "exclusiveMaximum"
                    } else {
                        "maximum"
                    };
                    expected.push((k, number(*max)));
                }
            }
            Check::Length { min, max } => {
                expected.extend(min.map(|m| ("minLength", json!(m))));
                expected.extend(max.map(|m| ("maxLength", json!(m))));
            }
            Check::Items { min, max } => {
                expected.extend(min.map(|m| ("minItems", json!(m))));
                expected.extend(max.map(|m| ("maxItems", json!(m))));
            }
            Check::OneOf { values } => expected.push(("enum", json!(values))),
            Check::Equals { value } => expected.push(("const", json!(value))),
            Check::Charset { class, .. } => {
                expected.push(("pattern", json!(format!("^{class}*$"))))
            }
            Check::Forbid { pattern, .. } => expected.push(("pattern", json!(pattern))),
            other => unreachable!("no built-in rule uses {other:?}"),
        }
        assert!(!expected.is_empty(), "{}", rule.name());
        for target in rule.targets() {
            let (model, field) = target.split_once('.').unwrap();
            let at = &all["$defs"][model]["properties"][field];
            assert!(at.is_object(), "{target} is not in the schema");
            for (keyword, value) in &expected {
                assert!(
                    has(at, keyword, value),
                    "{} ({}): {keyword} = {value} is not in the schema of {target}: {at:#}",
                    rule.code(),
                    rule.name()
                );
            }
            let description = at["description"].as_str().unwrap();
            assert!(description.contains(rule.code()), "{target}: {description}");
        }
    }
}

#[test]
fn kinds_by_position_or_option_and_bad_kinds() {
    assert_eq!(
        schema(&["execute-param"]),
        schema(&["--kind", "execute-param"])
    );
    let one = schema(&["ticket"]);
    assert_eq!(one["$ref"], "#/$defs/JobScriptOrderInfoModel");
    // Only the models the kind reaches.
    assert!(one["$defs"].get("ListResponse").is_none());
    let all = schema(&[]);
    assert_eq!(all["anyOf"].as_array().unwrap().len(), 5);

    let out = common::run(&["schema", "tickets"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let out = common::run(&["schema", "ticket", "--kind", "ticket"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn what_a_schema_cannot_say_is_left_to_coc_lint() {
    // Decimal places as written, duplicate parameter names, a number in a
    // string against a range: valid to the schema, errors to coc-lint.
    let kinds = validators();
    for text in [
        r#"{"timeout": 300, "success_rate": 99.55, "execute_user": "root"}"#,
        r#"{"timeout": 300, "success_rate": 99, "execute_user": "root",
            "script_params": [{"param_name": "a", "param_value": "x"},
                              {"param_name": "a", "param_value": "y"}]}"#,
        r#"{"timeout": "3000", "success_rate": 99, "execute_user": "root"}"#,
    ] {
        let value: Value = serde_json::from_str(text).unwrap();
        assert!(kinds["execute-param"].is_valid(&value), "{text}");
        assert!(
            Linter::new().lint_source("t.json", text).has_errors(),
            "{text}"
        );
    }
}
