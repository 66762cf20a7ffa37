//! Lint, fix and lint again arbitrary input, with fuzzed options: never
//! panics; a fix of valid JSON is valid JSON; every applied edit lies inside
//! the input, none overlaps another, and every byte outside them is kept; a
//! second fix changes nothing; a document without a fix comes back as it
//! was.
#![no_main]

use coc_lint::fix::{apply, Applicability};
use coc_lint::{DocumentKind, LintOptions, Linter};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let kind = match first % 8 {
        k @ 0..=4 => Some(DocumentKind::ALL[usize::from(k)]),
        _ => None,
    };
    let linter = Linter::with_options(LintOptions {
        kind,
        ..LintOptions::default()
    });
    let allowed = if first & 0x80 == 0 {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    };
    let report = linter.lint_source("fuzz.json", text);
    let applied = apply(text, report.fixes(allowed));
    let (mut at, mut out_at) = (0, 0);
    for edit in &applied.edits {
        assert!(at <= edit.span.offset && edit.span.end() <= text.len(), "{edit:?}");
        let gap = &text[at..edit.span.offset];
        assert_eq!(&applied.text[out_at..out_at + gap.len()], gap);
        out_at += gap.len() + edit.content.len();
        at = edit.span.end();
    }
    assert_eq!(&applied.text[out_at..], &text[at..]);

    let fixed = linter.fix_source("fuzz.json", text, allowed);
    let valid = |t: &str| serde_json::from_str::<serde_json::Value>(t.trim_start_matches('\u{feff}')).is_ok();
    if valid(text) {
        assert!(valid(&fixed.text), "{text:?} -> {:?}", fixed.text);
    }
    if fixed.fixed == 0 {
        assert_eq!(fixed.text, text);
    }
    if fixed.passes < coc_lint::lint::MAX_FIX_PASSES {
        let again = linter.fix_source("fuzz.json", &fixed.text, allowed);
        assert_eq!(again.text, fixed.text, "{text:?}");
    }
});
