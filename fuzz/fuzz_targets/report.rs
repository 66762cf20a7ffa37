//! The whole report path: arbitrary bytes are linted (the first byte picks
//! the document kind or detection) and rendered by every reporter, the
//! human one at several widths: never panics, the JSON report is one JSON
//! object, and every human line fits its width (but for the one-line form of
//! a file that is not UTF-8) and carries nothing a terminal would act on;
//! the SARIF and GitLab reports are JSON, JSON Lines a JSON value a line,
//! JUnit well-formed XML, and the text formats (concise, GitHub) one line a
//! diagnostic with nothing a terminal would act on.
#![no_main]

use coc_lint::report::concise::ConciseReporter;
use coc_lint::report::github::GithubReporter;
use coc_lint::report::gitlab::GitlabReporter;
use coc_lint::report::human::HumanReporter;
use coc_lint::report::json::JsonReporter;
use coc_lint::report::json_lines::JsonLinesReporter;
use coc_lint::report::junit::JunitReporter;
use coc_lint::report::sarif::SarifReporter;
use coc_lint::report::{Reporter, Summary};
use coc_lint::{DocumentKind, LintOptions, Linter};
use libfuzzer_sys::fuzz_target;
use unicode_width::UnicodeWidthStr;

fn render(reporter: &mut dyn Reporter, report: &coc_lint::FileReport, input: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    reporter
        .file(&mut out, report, Some(input))
        .expect("writing to memory");
    let mut summary = Summary::default();
    summary.add(report);
    reporter.finish(&mut out, &summary).expect("writing to memory");
    out
}

fuzz_target!(|data: &[u8]| {
    let (kind, input) = match data.split_first() {
        Some((&first, rest)) => (
            match first % 8 {
                k @ 0..=4 => Some(DocumentKind::ALL[usize::from(k)]),
                _ => None,
            },
            rest,
        ),
        None => (None, data),
    };
    let options = LintOptions {
        kind,
        ..LintOptions::default()
    };
    let linter = Linter::with_options(options);
    let report = linter.lint_bytes("fuzz.json", input);
    let json = render(&mut JsonReporter::new(), &report, input);
    serde_json::from_slice::<serde_json::Value>(&json).expect("the JSON report is JSON");
    let sarif = render(&mut SarifReporter::new(linter.rules().clone()), &report, input);
    serde_json::from_slice::<serde_json::Value>(&sarif).expect("the SARIF report is JSON");
    let gitlab = render(&mut GitlabReporter::new(), &report, input);
    serde_json::from_slice::<serde_json::Value>(&gitlab).expect("the GitLab report is JSON");
    let lines = render(&mut JsonLinesReporter::new(), &report, input);
    for line in lines.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        serde_json::from_slice::<serde_json::Value>(line).expect("each JSON line is JSON");
    }
    let junit = render(&mut JunitReporter::new(), &report, input);
    let junit = String::from_utf8(junit).expect("the JUnit report is UTF-8");
    roxmltree::Document::parse(&junit).expect("the JUnit report is XML");
    let diagnostics = report.diagnostics.len();
    for (reporter, lines) in [
        (&mut ConciseReporter::new() as &mut dyn Reporter, diagnostics + 1),
        (&mut GithubReporter::new(), diagnostics),
    ] {
        let out = String::from_utf8(render(reporter, &report, input)).expect("UTF-8");
        assert_eq!(out.lines().count(), lines, "{out}");
        for line in out.split('\n') {
            assert!(
                !line.chars().any(coc_lint::escape::is_unsafe),
                "unsafe character in {line:?}"
            );
        }
    }
    for columns in [40, 80, 100, 200] {
        let out = render(&mut HumanReporter::new(columns % 200 == 0, columns), &report, input);
        let out = String::from_utf8(out).expect("the human report is UTF-8");
        if columns == 200 {
            continue; // coloured: escape sequences are not columns
        }
        for line in out.lines() {
            let one_line_form = line.contains(": error[") || line.contains(": warning[");
            assert!(one_line_form || line.width() <= columns, "{line:?}");
            assert!(
                !line.chars().any(coc_lint::escape::is_unsafe),
                "unsafe character in {line:?}"
            );
        }
    }
});
