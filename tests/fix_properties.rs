//! Properties of fixes, on generated documents: execution parameters and
//! ExecuteScript bodies built from members that have fixes and members that
//! do not (secrets among them), in any order, with repeats, in any layout
//! (minified, pretty, CRLF, comma-first, a byte order mark).
//!
//! - fixing valid JSON gives valid JSON, safe or unsafe;
//! - a second fix changes nothing (idempotence);
//! - after the safe fixes, no safe fix is left and no diagnostic is new;
//! - every byte outside the applied edits is the source's;
//! - secrets are never edited, and a document with nothing fixable is
//!   returned as it was.

use std::collections::HashMap;

use coc_lint::fix::{apply, Applicability};
use coc_lint::Linter;
use proptest::prelude::*;

/// Members of ScriptExecuteParam, fixable or not.
const PARAM_MEMBERS: &[&str] = &[
    r#""timeout": "300""#,
    r#""timeout": 3e2"#,
    r#""timeout": 300.0"#,
    r#""timeout": "1.5e2""#,
    r#""timeout": 300"#,
    r#""timeout": 3600"#,
    r#""success_rate": "99.5""#,
    r#""success_rate": 100"#,
    r#""success_rate": 99.55"#,
    r#""execute_user": "root""#,
    r#""execute_user": " Root""#,
    r#""execute_user": "admin""#,
    r#""resourceful": true"#,
    r#""resourceful": "yes""#,
    r#""time_out": 5"#,
    r#""timeOut": 5"#,
    r#""successRate": 1"#,
    r#""color": "red""#,
];

/// Members of a script parameter.
const SCRIPT_PARAM_MEMBERS: &[&str] = &[
    r#""param_name": "keep_days""#,
    r#""param_value": "7""#,
    r#""param_value": "a..b""#,
    r#""param_value": 7"#,
    r#""param_order": 1"#,
    r#""param_order": 1.0"#,
    r#""param_valu": "secret""#,
];

/// Members of an execution batch (the target instances are added whole).
const BATCH_MEMBERS: &[&str] = &[
    r#""batch_index": 1"#,
    r#""batch_index": 1.0"#,
    r#""batch_index": "2""#,
    r#""rotation_strategy": "pause""#,
    r#""rotation_strategy": "CONTINUE""#,
    r#""rotation_strategy": "stop""#,
];

#[derive(Debug, Clone)]
struct Layout {
    /// After `{` and after each comma.
    before_member: &'static str,
    /// Before each comma and before `}`.
    after_member: &'static str,
    bom: bool,
}

fn layout() -> impl Strategy<Value = Layout> {
    let seps = prop::sample::select(vec!["", " ", "\n  ", "\r\n    ", "\n\t"]);
    let ends = prop::sample::select(vec!["", " ", "\n", "\r\n", "\n  "]);
    (seps, ends, any::<bool>()).prop_map(|(before_member, after_member, bom)| Layout {
        before_member,
        after_member,
        bom,
    })
}

fn object(members: &[String], l: &Layout) -> String {
    if members.is_empty() {
        return "{}".into();
    }
    let mut out = String::from("{");
    for (i, m) in members.iter().enumerate() {
        if i > 0 {
            out.push_str(l.after_member);
            out.push(',');
        }
        out.push_str(l.before_member);
        out.push_str(m);
    }
    out.push_str(l.after_member);
    out.push('}');
    out
}

fn pick(pool: &'static [&'static str], max: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(prop::sample::select(pool), 0..max)
        .prop_map(|v| v.into_iter().map(str::to_owned).collect())
}

/// An execution-parameter object, with script parameters.
fn params(l: Layout) -> impl Strategy<Value = String> {
    (
        pick(PARAM_MEMBERS, 8),
        prop::collection::vec(pick(SCRIPT_PARAM_MEMBERS, 5), 0..3),
    )
        .prop_map(move |(mut members, script_params)| {
            if !script_params.is_empty() {
                let items: Vec<String> = script_params.iter().map(|m| object(m, &l)).collect();
                members.push(format!("\"script_params\": [{}]", items.join(", ")));
            }
            object(&members, &l)
        })
}

fn document() -> impl Strategy<Value = String> {
    layout().prop_flat_map(|l| {
        let bom = if l.bom { "\u{feff}" } else { "" };
        let param = params(l.clone()).prop_map(move |p| format!("{bom}{p}"));
        let l2 = l.clone();
        let script = (params(l.clone()), prop::collection::vec(pick(BATCH_MEMBERS, 4), 1..3))
            .prop_map(move |(p, batches)| {
                let batches: Vec<String> = batches
                    .into_iter()
                    .map(|mut b| {
                        b.push(
                            r#""target_instances": [{"resource_id": "i-1", "region_id": "r", "agent_sn": "x"}]"#
                                .into(),
                        );
                        object(&b, &l2)
                    })
                    .collect();
                let members = vec![
                    format!("\"execute_param\": {p}"),
                    format!("\"execute_batches\": [{}]", batches.join(",")),
                ];
                format!("{bom}{}", object(&members, &l2))
            });
        prop_oneof![param, script]
    })
}

fn parses(text: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(text.trim_start_matches('\u{feff}')).is_ok()
}

fn found(report: &coc_lint::FileReport) -> HashMap<(String, String), usize> {
    let mut map = HashMap::new();
    for d in &report.diagnostics {
        *map.entry((d.code.to_string(), d.pointer.clone()))
            .or_default() += 1;
    }
    map
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 600, ..ProptestConfig::default() })]

    #[test]
    fn fixes_keep_json_valid_and_are_idempotent(text in document()) {
        prop_assert!(parses(&text), "the generator made invalid JSON: {text}");
        let linter = Linter::new();
        let before = linter.lint_source("p.json", &text);
        for allowed in [Applicability::Safe, Applicability::Unsafe] {
            let fixed = linter.fix_source("p.json", &text, allowed);
            prop_assert!(parses(&fixed.text), "{allowed:?}: {text}\n=> {}", fixed.text);
            let again = linter.fix_source("p.json", &fixed.text, allowed);
            prop_assert_eq!(&again.text, &fixed.text, "{:?}: not idempotent", allowed);
            prop_assert_eq!(again.fixed, 0);
            prop_assert_eq!(fixed.report.fixes(allowed).count(), 0, "{:?}: fixes left", allowed);
            if fixed.fixed == 0 {
                prop_assert_eq!(&fixed.text, &text);
            }
            if allowed == Applicability::Safe {
                // Nothing new: every diagnostic left was there before.
                let (old, new) = (found(&before), found(&fixed.report));
                for (key, n) in &new {
                    prop_assert!(
                        old.get(key).is_some_and(|o| o >= n),
                        "new diagnostic {:?} in {}\n=> {}", key, text, fixed.text
                    );
                }
            }
        }
    }

    #[test]
    fn bytes_outside_the_edits_are_kept_and_secrets_never_edited(text in document()) {
        let linter = Linter::new();
        let report = linter.lint_source("p.json", &text);
        let applied = apply(&text, report.fixes(Applicability::Unsafe));
        let (mut at, mut out_at) = (0usize, 0usize);
        for edit in &applied.edits {
            let gap = &text[at..edit.span.offset];
            prop_assert_eq!(&applied.text[out_at..out_at + gap.len()], gap);
            out_at += gap.len();
            prop_assert_eq!(&applied.text[out_at..out_at + edit.content.len()], edit.content.as_str());
            out_at += edit.content.len();
            at = edit.span.end();
            for secret in &report.sensitive {
                prop_assert!(
                    edit.span.end() <= secret.offset || secret.end() <= edit.span.offset,
                    "an edit touches a secret"
                );
            }
        }
        prop_assert!(at <= text.len());
        prop_assert_eq!(&applied.text[out_at..], &text[at..]);
    }
}

#[test]
fn three_duplicates_are_resolved_in_one_pass() {
    let text = r#"{"timeout": 1, "timeout": 2, "success_rate": 100, "timeout": 300, "execute_user": "root"}"#;
    let fixed = Linter::new().fix_source("p.json", text, Applicability::Unsafe);
    assert_eq!(
        fixed.text,
        r#"{"success_rate": 100, "timeout": 300, "execute_user": "root"}"#
    );
    assert_eq!((fixed.fixed, fixed.passes), (2, 1));
}

#[test]
fn two_keys_with_one_suggestion_are_not_both_renamed() {
    let text = r#"{"time_out": 300, "timeOut": 300, "success_rate": 100, "execute_user": "root"}"#;
    let fixed = Linter::new().fix_source("p.json", text, Applicability::Unsafe);
    assert_eq!(fixed.text, text);
}

#[test]
fn huge_objects_stay_linear() {
    // 10,000 repeats of one key and 10,000 near misses of a field name, a
    // member a line (on one line, the labels of `duplicate-key` pointing back
    // to the first occurrence cost the distance to it, fixes or not).
    let mut text = String::from("{\n  \"success_rate\": 100,\n  \"execute_user\": \"root\"");
    for i in 0..10_000 {
        text.push_str(&format!(
            ",\n  \"timeout\": {}.0,\n  \"time_out{i}\": 1",
            100 + i % 50
        ));
    }
    text.push_str("\n}\n");
    let start = std::time::Instant::now();
    let fixed = Linter::new().fix_source("p.json", &text, Applicability::Unsafe);
    let took = start.elapsed();
    assert!(took.as_secs() < 30, "took {took:?}");
    assert!(parses(&fixed.text));
    // One `timeout` is left, the last, written as an integer.
    assert_eq!(fixed.text.matches("\"timeout\"").count(), 1);
    assert!(
        fixed.text.contains("\"timeout\": 149,\n"),
        "{}",
        &fixed.text[..200]
    );
    assert!(!fixed.text.contains("\"timeout\": 149.0"));
}
