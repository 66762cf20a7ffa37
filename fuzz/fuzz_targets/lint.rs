//! The whole lint of one document, with fuzzed options: never panics, and
//! every diagnostic's span lies inside the input with a line and column
//! that agree with its offset.
#![no_main]

use coc_lint::{DocumentKind, LintOptions, Linter};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (options, input) = match data.split_first() {
        Some((&first, rest)) => {
            let kind = match first % 8 {
                k @ 0..=4 => Some(DocumentKind::ALL[usize::from(k)]),
                _ => None,
            };
            let options = LintOptions {
                kind,
                max_depth: usize::from(first >> 3) + 1,
                ..LintOptions::default()
            };
            (options, rest)
        }
        None => (LintOptions::default(), data),
    };
    let report = Linter::with_options(options).lint_bytes("fuzz.json", input);
    for d in &report.diagnostics {
        assert!(d.span.end() <= input.len(), "{d:?}");
        assert!(d.start.line >= 1 && d.start.column >= 1, "{d:?}");
        if let Ok(text) = std::str::from_utf8(input) {
            let before = &text[..d.span.offset];
            assert_eq!(d.start.line, before.matches('\n').count() + 1, "{d:?}");
        }
    }
});
