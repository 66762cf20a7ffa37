//! `--format junit`: JUnit XML, which GitLab, Jenkins and Azure Pipelines
//! show as test results. Each file (or NDJSON stream) is a `<testsuite>`
//! named by its path; each rule that fired in it is a `<testcase>` (named
//! `CODE name`, with the path as its class name and `file` attribute) with
//! one `<failure>` whose text lists every finding of that rule in the file,
//! `line:column: message (at POINTER)`, lines of an NDJSON stream by their
//! line in the stream. A file with no finding is a suite with one passing
//! test case, `coc-lint`, so that it counts as checked.
//!
//! Built with quick-junit (the XML writer of cargo-nextest), so elements
//! and attributes are escaped as XML wants; text from the input (the path,
//! the pointer) goes through [`crate::escape::escape`] first, as messages
//! did when they were built, so no character XML 1.0 forbids can reach the
//! document. XML has its counts in its first element, so the report is
//! held until the run ends (only the findings, never the files' text).

use std::collections::HashMap;
use std::io::{self, Write};

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use super::{Reporter, Summary};
use crate::diagnostic::Diagnostic;
use crate::escape::escape;
use crate::lint::FileReport;

/// Collects the suites and writes them at the end.
#[derive(Debug)]
pub struct JunitReporter {
    report: Report,
    /// The suite being filled: a file's, or an NDJSON stream's whose next
    /// line may still come.
    current: Option<Suite>,
}

/// A file's findings, by rule code, in the order rules first fired.
#[derive(Debug)]
struct Suite {
    path: String,
    rules: Vec<Case>,
    /// Rule code to its case in `rules`.
    index: HashMap<String, usize>,
}

#[derive(Debug)]
struct Case {
    code: String,
    name: String,
    /// The highest severity among the findings.
    severity: crate::Severity,
    first_line: usize,
    /// The first finding's message.
    first_message: String,
    /// Every finding, as [`finding`] writes it.
    messages: Vec<String>,
}

impl Default for JunitReporter {
    fn default() -> Self {
        Self::new()
    }
}

impl JunitReporter {
    /// A reporter that has collected nothing yet.
    pub fn new() -> Self {
        JunitReporter {
            report: Report::new("coc-lint"),
            current: None,
        }
    }

    fn close_suite(&mut self) {
        let Some(suite) = self.current.take() else {
            return;
        };
        let path = escape(&suite.path).into_owned();
        let mut test_suite = TestSuite::new(path.as_str());
        if suite.rules.is_empty() {
            let mut case = TestCase::new("coc-lint", TestCaseStatus::success());
            case.set_classname(path.as_str());
            case.extra.insert("file".into(), path.as_str().into());
            test_suite.add_test_case(case);
        }
        for case in suite.rules {
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            let count = case.messages.len();
            let summary = if count == 1 {
                case.first_message
            } else {
                format!("{count} findings of {} in this file", case.code)
            };
            status
                .set_message(summary)
                .set_type(case.severity.as_str())
                .set_description(case.messages.join("\n"));
            let mut test_case = TestCase::new(format!("{} {}", case.code, case.name), status);
            test_case.set_classname(path.as_str());
            test_case.extra.insert("file".into(), path.as_str().into());
            test_case
                .extra
                .insert("line".into(), case.first_line.to_string().into());
            test_suite.add_test_case(test_case);
        }
        self.report.add_test_suite(test_suite);
    }
}

/// One finding as the failure text lists it.
fn finding(d: &Diagnostic) -> String {
    let mut text = format!(
        "{}:{}: {} {}",
        d.start.line, d.start.column, d.severity, d.message
    );
    if !d.pointer.is_empty() {
        text.push_str(&format!(" (at {})", escape(&d.pointer)));
    }
    for label in &d.labels {
        text.push_str(&format!(
            "\n  {}:{}: {}",
            label.start.line, label.start.column, label.message
        ));
    }
    if let Some(help) = &d.help {
        text.push_str(&format!("\n  help: {help}"));
    }
    text
}

impl Reporter for JunitReporter {
    fn file(
        &mut self,
        _out: &mut dyn Write,
        report: &FileReport,
        _source: Option<&[u8]>,
    ) -> io::Result<()> {
        // The lines of an NDJSON stream come one after the other, under the
        // stream's path: they fill one suite.
        if self.current.as_ref().is_some_and(|s| s.path != report.path) {
            self.close_suite();
        }
        let suite = self.current.get_or_insert_with(|| Suite {
            path: report.path.clone(),
            rules: Vec::new(),
            index: HashMap::new(),
        });
        for d in &report.diagnostics {
            let next = suite.rules.len();
            let slot = *suite.index.entry(d.code.to_string()).or_insert(next);
            if slot == next {
                suite.rules.push(Case {
                    code: d.code.to_string(),
                    name: d.name.to_string(),
                    severity: d.severity,
                    first_line: d.start.line,
                    first_message: d.message.clone(),
                    messages: Vec::new(),
                });
            }
            let case = &mut suite.rules[slot];
            case.severity = case.severity.max(d.severity);
            case.messages.push(finding(d));
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        self.close_suite();
        let mut buffer = Vec::new();
        self.report
            .serialize(&mut buffer)
            .map_err(|e| io::Error::other(e.to_string()))?;
        out.write_all(&buffer)?;
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Linter;

    #[test]
    fn a_suite_per_file_and_a_case_per_rule() {
        let linter = Linter::new();
        let mut out = Vec::new();
        let mut reporter = JunitReporter::new();
        for (name, text) in [
            ("a.json", "{\"timeout\": 1, \"success_rate\": 0, \"execute_user\": \"root\", \"x\": 1, \"y\": 2}"),
            ("b.json", "{\"timeout\": 300, \"success_rate\": 100, \"execute_user\": \"root\"}"),
        ] {
            reporter.file(&mut out, &linter.lint_source(name, text), None).unwrap();
        }
        reporter.finish(&mut out, &Summary::default()).unwrap();
        let text = String::from_utf8(out).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap();
        let suites: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("testsuite"))
            .collect();
        assert_eq!(suites.len(), 2);
        let cases: Vec<_> = suites[0]
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        let names: Vec<_> = cases.iter().filter_map(|c| c.attribute("name")).collect();
        assert_eq!(
            names,
            [
                "COC202 timeout-out-of-range",
                "COC203 success-rate-out-of-range",
                "COC402 unknown-field"
            ]
        );
        let unknown = cases[2]
            .children()
            .find(|n| n.has_tag_name("failure"))
            .unwrap();
        assert_eq!(unknown.attribute("type"), Some("warning"));
        assert_eq!(
            unknown
                .text()
                .map(|t| t.lines().filter(|l| !l.starts_with(' ')).count()),
            Some(2)
        );
        let clean: Vec<_> = suites[1]
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        assert_eq!(clean.len(), 1);
        assert!(clean[0].children().all(|n| !n.is_element()));
    }

    #[test]
    fn characters_xml_forbids_never_reach_it() {
        let name = "a\u{1}\u{ffff}\u{fffe}<&>\".json";
        let report = Linter::new().lint_source(name, "{\"\u{ffff}\": 1}");
        let mut out = Vec::new();
        let mut reporter = JunitReporter::new();
        reporter.file(&mut out, &report, None).unwrap();
        reporter.finish(&mut out, &Summary::default()).unwrap();
        let text = String::from_utf8(out).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap();
        let suite = doc
            .descendants()
            .find(|n| n.has_tag_name("testsuite"))
            .unwrap();
        assert_eq!(
            suite.attribute("name"),
            Some("a\\u{1}\\u{ffff}\\u{fffe}<&>\".json")
        );
    }
}
