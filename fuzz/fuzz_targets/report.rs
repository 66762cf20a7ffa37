//! The whole report path: arbitrary bytes are linted (the first byte picks
//! the document kind or detection) and rendered by every reporter, the
//! human one at several widths: never panics, the JSON report is one JSON
//! object, and every human line fits its width (but for the one-line form of
//! a file that is not UTF-8) and carries nothing a terminal would act on.
#![no_main]

use coc_lint::report::human::HumanReporter;
use coc_lint::report::json::JsonReporter;
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
    let report = Linter::with_options(options).lint_bytes("fuzz.json", input);
    let json = render(&mut JsonReporter::new(), &report, input);
    serde_json::from_slice::<serde_json::Value>(&json).expect("the JSON report is JSON");
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
