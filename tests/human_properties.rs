//! Properties of the human report: whatever the input (arbitrary bytes,
//! mutated or minified fixtures) and whatever the spans it is given
//! (unsorted, overlapping, out of bounds, inside characters), rendering
//! never panics, every line fits the width, every line has one of the
//! report's shapes, and nothing a terminal would act on is printed.

use std::sync::OnceLock;

use coc_lint::report::human::HumanReporter;
use coc_lint::report::{Reporter, Summary};
use coc_lint::source::Span;
use coc_lint::{FileReport, Linter};
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

fn linter() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(Linter::new)
}

/// Every file of `fixtures/`, as bytes.
fn fixtures() -> &'static [Vec<u8>] {
    static FILES: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    FILES.get_or_init(|| {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut files = Vec::new();
        for dir in ["invalid", "valid"] {
            let mut names: Vec<_> = std::fs::read_dir(root.join(dir))
                .expect("fixtures")
                .map(|e| e.expect("entry").path())
                .collect();
            names.sort();
            for path in names {
                files.push(std::fs::read(path).expect("a fixture"));
            }
        }
        files
    })
}

/// The human report of `report` over `source`, at `width`.
fn render(report: &FileReport, source: &[u8], width: usize) -> String {
    let mut reporter = HumanReporter::new(false, width);
    let mut out = Vec::new();
    reporter
        .file(&mut out, report, Some(source))
        .expect("writing to memory");
    let mut summary = Summary::default();
    summary.add(report);
    reporter
        .finish(&mut out, &summary)
        .expect("writing to memory");
    String::from_utf8(out).expect("the report is UTF-8")
}

/// Whether `line` has one of the shapes of the human report.
fn well_formed(line: &str) -> bool {
    if line.is_empty()
        || ["  × ", "  ⚠ ", "  ☞ ", "  │ ", "  help: ", "  帮助: ", "        "]
            .iter()
            .any(|p| line.starts_with(p))
        || line.starts_with("Found ")
        || line.starts_with("No problems found")
        || line.starts_with("在 ") // the summary line in Chinese
        || [": error[", ": warning[", ": info["]
            .iter()
            .any(|s| line.contains(s))
    {
        return true;
    }
    if let Some(code) = line.strip_prefix("COC") {
        return code.len() > 5
            && code[..3].bytes().all(|b| b.is_ascii_digit())
            && line.strip_suffix(" [*]").unwrap_or(line).ends_with(')');
    }
    // The snippet: ` NN │ text`, or `    ╭─[`, `    · `, `    ⋮`, `    ╰────`.
    let Some(rest) = line.strip_prefix(' ') else {
        return false;
    };
    let gutter = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    let number = &rest[..rest.len() - gutter.len()];
    let digits = number.trim();
    if !digits.is_empty() {
        return digits.bytes().all(|b| b.is_ascii_digit())
            && !digits.starts_with('0')
            && (gutter.starts_with("│ ") || gutter == "│");
    }
    gutter.starts_with("╭─[") && gutter.ends_with(']')
        || gutter.starts_with("·")
        || gutter == "⋮"
        || gutter == "╰────"
}

fn check_output(out: &str, width: usize) -> Result<(), TestCaseError> {
    for line in out.lines() {
        let one_line_form = [": error[", ": warning[", ": info["]
            .iter()
            .any(|s| line.contains(s));
        prop_assert!(
            one_line_form || line.width() <= width,
            "{} columns > {width}: {line:?}",
            line.width()
        );
        prop_assert!(well_formed(line), "malformed line {line:?}\n{out}");
        prop_assert!(
            !line.chars().any(coc_lint::escape::is_unsafe),
            "unsafe character in {line:?}"
        );
    }
    prop_assert!(out.ends_with('\n'));
    Ok(())
}

/// A fixture with a few bytes changed, inserted or removed, and perhaps
/// minified to one line.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    (
        0..fixtures().len(),
        prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<u8>()), 0..6),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(i, edits, one_line, crlf)| {
            let mut bytes = fixtures()[i].clone();
            if one_line {
                bytes.retain(|&b| b != b'\n');
            } else if crlf {
                bytes = String::from_utf8_lossy(&bytes)
                    .replace('\n', "\r")
                    .into_bytes();
            }
            for (at, op, byte) in edits {
                if bytes.is_empty() {
                    break;
                }
                let at = at.index(bytes.len());
                match op {
                    0 => bytes[at] = byte,
                    1 => bytes.insert(at, byte),
                    _ => {
                        bytes.remove(at);
                    }
                }
            }
            bytes
        })
}

/// Arbitrary spans over a text of `len` bytes: many out of bounds, inside
/// characters, empty, overlapping.
fn spans(len: usize) -> impl Strategy<Value = Vec<Span>> {
    prop::collection::vec((0..len + 8, 0..len + 8), 0..8).prop_map(|v| {
        v.into_iter()
            .map(|(offset, length)| Span { offset, length })
            .collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_render_within_the_width(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
        width in 1usize..220,
    ) {
        let report = linter().lint_bytes("input.json", &bytes);
        let out = render(&report, &bytes, width);
        check_output(&out, width.max(40))?;
    }

    #[test]
    fn mutated_fixtures_render_within_the_width(bytes in mutated(), width in 40usize..220) {
        let report = linter().lint_bytes("input.json", &bytes);
        let out = render(&report, &bytes, width);
        check_output(&out, width)?;
    }

    #[test]
    fn any_spans_render_without_panic(
        (bytes, sensitive, moved) in mutated().prop_flat_map(|b| {
            let len = b.len();
            (Just(b), spans(len), spans(len))
        }),
        width in 40usize..160,
    ) {
        let mut report = linter().lint_bytes("input.json", &bytes);
        report.sensitive = sensitive;
        for (d, span) in report.diagnostics.iter_mut().zip(moved.iter().cycle()) {
            d.span = *span;
            for label in &mut d.labels {
                label.span = Span { offset: span.length, length: span.offset };
            }
        }
        let out = render(&report, &bytes, width);
        check_output(&out, width)?;
    }

    #[test]
    fn masked_values_never_show_and_keep_a_fixed_width(
        secret in "S3CR3T[a-zA-Z0-9_]{0,300}",
        width in 60usize..160,
    ) {
        let text = format!(
            r#"{{"timeout": 300, "success_rate": 99.5, "execute_user": "root", "script_params": [{{"param_value": "{secret}", "param_name": "bad name!"}}]}}"#
        );
        let report = linter().lint_source("input.json", &text);
        let out = render(&report, text.as_bytes(), width);
        check_output(&out, width)?;
        prop_assert!(!out.contains("S3CR3T"), "{out}");
        prop_assert!(out.contains("\"****\"") || out.contains('…'), "{out}");
    }
}

/// A linter whose messages are in Chinese: wide characters in every
/// message, help and label.
fn chinese() -> &'static Linter {
    static LINTER: OnceLock<Linter> = OnceLock::new();
    LINTER.get_or_init(|| {
        Linter::with_options(coc_lint::LintOptions {
            lang: coc_lint::i18n::Lang::ZhCn,
            ..Default::default()
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn chinese_messages_render_within_the_width(bytes in mutated(), width in 40usize..220) {
        let report = chinese().lint_bytes("input.json", &bytes);
        let mut reporter = HumanReporter::new(false, width).with_lang(coc_lint::i18n::Lang::ZhCn);
        let mut out = Vec::new();
        reporter.file(&mut out, &report, Some(&bytes)).expect("writing to memory");
        let mut summary = Summary::default();
        summary.add(&report);
        reporter.finish(&mut out, &summary).expect("writing to memory");
        let out = String::from_utf8(out).expect("the report is UTF-8");
        check_output(&out, width)?;
    }
}
