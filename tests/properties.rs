//! Properties: values inside each documented range pass and values outside
//! fail; no input makes the linter panic; every span lies inside the input
//! and starts at the value (or key) its pointer names.

use coc_lint::load::ast::{Node, Value};
use coc_lint::load::parse;
use coc_lint::{FileReport, Linter};
use proptest::prelude::*;

fn params(timeout: &str, success_rate: &str, user: &str) -> String {
    format!(r#"{{"timeout": {timeout}, "success_rate": {success_rate}, "execute_user": {user:?}}}"#)
}

fn names(report: &FileReport) -> Vec<&str> {
    report.diagnostics.iter().map(|d| d.name.as_ref()).collect()
}

/// The nodes a JSON pointer may name (several where an object on the way
/// has the key more than once), with the offset of their key when they are
/// object members.
fn resolve<'a>(root: &'a Node<'a>, pointer: &str) -> Vec<(&'a Node<'a>, Option<usize>)> {
    let mut found = vec![(root, None)];
    if pointer.is_empty() {
        return found;
    }
    let Some(rest) = pointer.strip_prefix('/') else {
        return Vec::new();
    };
    for raw in rest.split('/') {
        let token = raw.replace("~1", "/").replace("~0", "~");
        found = found
            .into_iter()
            .flat_map(|(node, _)| -> Vec<(&'a Node<'a>, Option<usize>)> {
                match &node.value {
                    Value::Object(members) => members
                        .iter()
                        .filter(|m| m.key == token)
                        .map(|m| (&m.value, Some(m.key_span.offset)))
                        .collect(),
                    Value::Array(items) => token
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| items.get(i))
                        .map(|n| (n, None))
                        .into_iter()
                        .collect(),
                    _ => Vec::new(),
                }
            })
            .collect();
    }
    found
}

/// Every diagnostic's span is inside the text, its line and column agree
/// with its offset, and it starts at the value or key its pointer names.
fn check_spans(text: &str, report: &FileReport) {
    let root = parse(text, 128).ok();
    for d in &report.diagnostics {
        assert!(d.span.end() <= text.len(), "{d:?} ends past the input");
        assert!(
            text.is_char_boundary(d.span.offset),
            "{d:?} starts inside a character"
        );
        let before = &text[..d.span.offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..d.span.offset]
            .trim_start_matches('\u{feff}')
            .chars()
            .count()
            + 1;
        assert_eq!((d.start.line, d.start.column), (line, column), "{d:?}");
        if let (Some(root), false) = (&root, d.pointer.is_empty()) {
            let candidates = resolve(root, &d.pointer);
            assert!(!candidates.is_empty(), "{} names no value", d.pointer);
            assert!(
                candidates
                    .iter()
                    .any(|(node, key)| node.span.offset == d.span.offset
                        || *key == Some(d.span.offset)),
                "{d:?} does not start at the value or key {} names",
                d.pointer
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn timeout_in_range_passes_and_outside_fails(t in -100_000i64..100_000) {
        let report = Linter::new().lint_source("p", &params(&t.to_string(), "100", "root"));
        let flagged = names(&report).contains(&"timeout-out-of-range");
        prop_assert_eq!(flagged, !(6..=1799).contains(&t), "timeout {}", t);
        prop_assert_eq!(report.diagnostics.len(), usize::from(flagged));
    }

    #[test]
    fn success_rate_with_one_decimal_in_range_passes(tenths in 0u32..1100) {
        let text = format!("{}.{}", tenths / 10, tenths % 10);
        let report = Linter::new().lint_source("p", &params("300", &text, "root"));
        let in_range = (10..=1000).contains(&tenths);
        prop_assert_eq!(report.diagnostics.is_empty(), in_range, "success_rate {}: {:?}", text, names(&report));
        if !in_range {
            prop_assert_eq!(names(&report), vec!["success-rate-out-of-range"]);
        }
    }

    #[test]
    fn success_rate_with_two_significant_decimals_fails(hundredths in 100u32..10_000) {
        prop_assume!(hundredths % 10 != 0);
        let text = format!("{}.{:02}", hundredths / 100, hundredths % 100);
        let report = Linter::new().lint_source("p", &params("300", &text, "root"));
        prop_assert_eq!(names(&report), vec!["success-rate-precision"]);
    }

    #[test]
    fn param_names_of_allowed_characters_pass(name in "[A-Za-z0-9_]{1,64}", bad in "[A-Za-z0-9_]{0,10}[^A-Za-z0-9_][A-Za-z0-9_]{0,10}") {
        let doc = |n: &str| format!(
            r#"{{"timeout": 300, "success_rate": 100, "execute_user": "root", "script_params": [{{"param_name": {}, "param_value": "v"}}]}}"#,
            serde_json::to_string(n).expect("a string serialises")
        );
        // `plaintext-secret` judges names too (a random name may be `Sk_`):
        // off here, where only the charset is tested.
        let mut rules = coc_lint::RuleSet::builder();
        rules.disable("plaintext-secret").expect("a built-in rule");
        let linter = Linter::with_rules(coc_lint::LintOptions::default(), std::sync::Arc::new(rules.build()));
        let ok = linter.lint_source("p", &doc(&name));
        prop_assert!(ok.diagnostics.is_empty(), "{:?}", names(&ok));
        let text = doc(&bad);
        let report = Linter::new().lint_source("p", &text);
        prop_assert!(names(&report).contains(&"param-name-charset"), "{:?}", names(&report));
        check_spans(&text, &report);
    }

    #[test]
    fn arbitrary_bytes_never_panic_and_spans_stay_inside(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let report = Linter::new().lint_bytes("fuzz", &bytes);
        for d in &report.diagnostics {
            prop_assert!(d.span.end() <= bytes.len(), "{:?}", d);
        }
        if let Ok(text) = std::str::from_utf8(&bytes) {
            check_spans(text, &report);
        }
    }

    #[test]
    fn json_shaped_text_never_panics_and_spans_point_at_values(
        text in r#"\{("(timeout|success_rate|execute_user|script_params|data|status|param_name|x)": ?(-?[0-9]{1,4}(\.[0-9]{1,3})?|"[a-zé_.]{0,6}"|null|true|\[\]|\{\}|\[\{"param_name": ?"[a-z-]{0,3}"\}\]),? ?){0,6}\}"#
    ) {
        let report = Linter::new().lint_source("gen", &text);
        check_spans(&text, &report);
    }
}
