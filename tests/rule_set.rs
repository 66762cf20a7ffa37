//! A `Linter` built from a rule set other than the built-in one: a rule
//! turned off, a severity and a parameter changed. This is the seam local
//! policies build on.

use std::sync::Arc;

use coc_lint::{FileReport, LintOptions, Linter, RuleId, RuleSet, Severity};

const TWO_BATCHES: &str = include_str!("../fixtures/valid/execute-script-two-batches.json");

fn found(report: &FileReport) -> Vec<(&str, Severity)> {
    report
        .diagnostics
        .iter()
        .map(|d| (d.name.as_ref(), d.severity))
        .collect()
}

#[test]
fn a_rule_turned_off_reports_nothing_and_a_changed_parameter_applies() {
    // Valid under the built-in rules...
    let builtin = Linter::new();
    assert!(builtin
        .lint_source("t.json", TWO_BATCHES)
        .diagnostics
        .is_empty());

    // ...but not under a policy that allows two instances at most.
    let mut rules = RuleSet::builder();
    rules
        .param("too-many-target-instances", "max", serde_json::json!(2))
        .unwrap()
        .disable("COC206")
        .unwrap();
    let linter = Linter::with_rules(LintOptions::default(), Arc::new(rules.build()));
    let report = linter.lint_source("t.json", TWO_BATCHES);
    assert_eq!(
        found(&report),
        [("too-many-target-instances", Severity::Error)]
    );
    assert!(report.diagnostics[0]
        .message
        .ends_with("but one execution may target at most 2"));

    // execute-user-not-root is off: a non-root user passes.
    let not_root = TWO_BATCHES.replacen("\"root\"", "\"deploy\"", 1);
    assert_eq!(
        builtin.lint_source("t.json", &not_root).diagnostics.len(),
        1
    );
    assert_eq!(
        found(&linter.lint_source("t.json", &not_root)),
        [("too-many-target-instances", Severity::Error)]
    );
}

#[test]
fn severities_change_for_walk_rules_and_load_rules_alike() {
    let mut rules = RuleSet::builder();
    rules
        .severity("unknown-field", Severity::Error)
        .unwrap()
        .severity("json-syntax-error", Severity::Warning)
        .unwrap()
        .disable("io-error")
        .unwrap();
    let linter = Linter::with_rules(LintOptions::default(), Arc::new(rules.build()));
    let report = linter.lint_source(
        "p.json",
        r#"{"timeout": 300, "success_rate": 100, "execute_user": "root", "colour": 1}"#,
    );
    assert_eq!(found(&report), [("unknown-field", Severity::Error)]);
    let report = linter.lint_source("p.json", "{");
    assert_eq!(found(&report), [("json-syntax-error", Severity::Warning)]);
    let report = linter.lint_path(std::path::Path::new("no/such/file.json"));
    assert!(report.diagnostics.is_empty());
    // The linter shares its rules cheaply across threads.
    let rules = linter.rules().clone();
    std::thread::spawn(move || assert!(!rules.rule(RuleId::IoError).is_enabled()))
        .join()
        .unwrap();
}
