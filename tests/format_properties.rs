//! Properties every report format keeps whatever the input (issue 9): on
//! arbitrary bytes, read as one JSON file and as an NDJSON stream, under
//! arbitrary file names, no format panics, each one's output parses as what
//! it claims to be (JSON, one JSON object a line, a SARIF log valid against
//! the official schema, JUnit XML, one line a diagnostic, one workflow
//! command a line), no line carries a character a terminal would act on,
//! and no format shows any piece of a secret.
//!
//! The reporters are driven as the command line drives them (a report per
//! file or per NDJSON line, then `finish`), through the library, so that
//! thousands of cases run in seconds; `tests/formats.rs` and
//! `tests/redaction.rs` run the real binary.

use std::io::Cursor;
use std::path::Path;
use std::sync::OnceLock;

use coc_lint::report::concise::ConciseReporter;
use coc_lint::report::github::GithubReporter;
use coc_lint::report::gitlab::GitlabReporter;
use coc_lint::report::human::HumanReporter;
use coc_lint::report::json::JsonReporter;
use coc_lint::report::json_lines::JsonLinesReporter;
use coc_lint::report::junit::JunitReporter;
use coc_lint::report::sarif::SarifReporter;
use coc_lint::report::{Reporter, Summary};
use coc_lint::{FileReport, Linter};
use proptest::prelude::*;

const FORMATS: [&str; 8] = [
    "human",
    "json",
    "concise",
    "json-lines",
    "sarif",
    "junit",
    "github",
    "gitlab",
];

fn reporter(format: &str, linter: &Linter) -> Box<dyn Reporter> {
    match format {
        "human" => Box::new(HumanReporter::new(false, 80)),
        "json" => Box::new(JsonReporter::new()),
        "concise" => Box::new(ConciseReporter::new()),
        "json-lines" => Box::new(JsonLinesReporter::new()),
        "sarif" => Box::new(SarifReporter::new(linter.rules().clone())),
        "junit" => Box::new(JunitReporter::new()),
        "github" => Box::new(GithubReporter::new()),
        "gitlab" => Box::new(GitlabReporter::new()),
        other => unreachable!("no format {other}"),
    }
}

/// The reports of `bytes` under `name`: one file, or a report per line of
/// a stream (as `check` makes them), with the bytes each one spans.
fn reports(linter: &Linter, name: &str, bytes: &[u8], ndjson: bool) -> Vec<(FileReport, Vec<u8>)> {
    if !ndjson {
        return vec![(linter.lint_bytes(name, bytes), bytes.to_vec())];
    }
    linter
        .ndjson_lines(name, Cursor::new(bytes))
        .map(|line| match line {
            Ok(line) => (linter.lint_ndjson_line(name, &line), line.bytes.clone()),
            Err(d) => (FileReport::single(name, d), Vec::new()),
        })
        .collect()
}

/// What `format` writes for `reports`.
fn render(format: &str, linter: &Linter, reports: &[(FileReport, Vec<u8>)]) -> String {
    let mut reporter = reporter(format, linter);
    let mut out = Vec::new();
    let mut summary = Summary {
        files: 1,
        ..Summary::default()
    };
    for (report, source) in reports {
        summary.add_diagnostics(report);
        // A stream's lines carry no source (as in `check`).
        let source = (reports.len() == 1).then_some(source.as_slice());
        reporter
            .file(&mut out, report, source)
            .expect("writing to memory");
    }
    reporter
        .finish(&mut out, &summary)
        .expect("writing to memory");
    String::from_utf8(out).expect("every format writes UTF-8")
}

/// The official SARIF schema, from beside the checkout.
fn sarif_schema() -> &'static jsonschema::Validator {
    static SCHEMA: OnceLock<jsonschema::Validator> = OnceLock::new();
    SCHEMA.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/reference/sarif-schema-2.1.0.json");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("no SARIF schema at {}: {e}", path.display()));
        let schema: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        jsonschema::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("the schema compiles")
    })
}

/// `out` is well-formed `format` holding `count` diagnostics.
fn check_output(format: &str, out: &str, count: usize) -> Result<(), TestCaseError> {
    for line in out.split('\n') {
        prop_assert!(
            !line.chars().any(coc_lint::escape::is_unsafe),
            "{format}: unsafe character in {line:?}"
        );
    }
    let json = || serde_json::from_str::<serde_json::Value>(out);
    match format {
        "human" => {}
        "json" => {
            let value = json().map_err(|e| TestCaseError::fail(format!("{e}: {out}")))?;
            prop_assert_eq!(value["diagnostics"].as_array().map(Vec::len), Some(count));
        }
        "json-lines" => {
            prop_assert_eq!(out.lines().count(), count);
            for line in out.lines() {
                prop_assert!(
                    serde_json::from_str::<serde_json::Value>(line).is_ok(),
                    "{line}"
                );
            }
        }
        "sarif" => {
            let value = json().map_err(|e| TestCaseError::fail(format!("{e}: {out}")))?;
            let errors: Vec<String> = sarif_schema()
                .iter_errors(&value)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            prop_assert!(errors.is_empty(), "{errors:?}\n{out}");
            prop_assert_eq!(
                value["runs"][0]["results"].as_array().map(Vec::len),
                Some(count)
            );
        }
        "gitlab" => {
            let value = json().map_err(|e| TestCaseError::fail(format!("{e}: {out}")))?;
            let issues = value.as_array().expect("an array");
            prop_assert_eq!(issues.len(), count);
            let mut fingerprints: Vec<&str> = issues
                .iter()
                .filter_map(|i| i["fingerprint"].as_str())
                .collect();
            fingerprints.sort_unstable();
            fingerprints.dedup();
            prop_assert_eq!(fingerprints.len(), count, "fingerprints collide");
        }
        "junit" => {
            let doc = roxmltree::Document::parse(out)
                .map_err(|e| TestCaseError::fail(format!("{e}: {out}")))?;
            let failures: usize = doc
                .descendants()
                .filter(|n| n.has_tag_name("failure"))
                .count();
            prop_assert!(failures <= count && (failures > 0) == (count > 0), "{out}");
        }
        "concise" => {
            let lines: Vec<&str> = out.lines().collect();
            prop_assert_eq!(lines.len(), count + 1, "{}", out);
            for line in &lines[..count] {
                prop_assert!(
                    [": error[COC", ": warning[COC", ": info[COC"]
                        .iter()
                        .any(|s| line.contains(s)),
                    "{line}"
                );
            }
        }
        "github" => {
            prop_assert_eq!(out.lines().count(), count, "{}", out);
            for line in out.lines() {
                prop_assert!(
                    ["::error file=", "::warning file=", "::notice file="]
                        .iter()
                        .any(|p| line.starts_with(p)),
                    "{line}"
                );
                prop_assert!(!line.contains('\r'), "{line:?}");
            }
        }
        other => unreachable!("no format {other}"),
    }
    Ok(())
}

/// Bytes that are often almost JSON: its punctuation, keys the rules know,
/// multi-byte and invisible characters, line breaks, and any byte.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        any::<u8>().prop_map(|b| vec![b]),
        prop::sample::select(vec![
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            "\"",
            "\n",
            "\r\n",
            " ",
            "1",
            "-0.5",
            "1e400",
            "null",
            "\"timeout\"",
            "\"success_rate\"",
            "\"execute_user\"",
            "\"script_params\"",
            "\"param_value\"",
            "\"param_name\"",
            "\"status\"",
            "\"管理员\"",
            "é",
            "\u{202e}",
            "\u{ffff}",
            "%0A",
            "::error::",
            "\\u0000",
            "\u{1b}[31m",
        ])
        .prop_map(|s| s.as_bytes().to_vec()),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// File names a walk could meet: separators, `%`, `,`, `:`, line breaks,
/// controls, noncharacters, spaces, `<` `>`, absolute paths.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("t.json".to_owned()),
        Just("<stdin>".to_owned()),
        "[a-z/%,: <>#?\n\r\u{1}\u{7f}\u{ffff}\u{202e}张é]{1,12}",
        "/[a-z]{1,5}/[a-z ,%]{1,5}\\.json",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Any bytes, any name, as a file or a stream: every format writes what
    /// it claims to.
    #[test]
    fn every_format_writes_well_formed_output(input in bytes(), name in name(), ndjson in any::<bool>()) {
        let linter = Linter::new();
        let reports = reports(&linter, &name, &input, ndjson);
        let count: usize = reports.iter().map(|(r, _)| r.diagnostics.len()).sum();
        for format in FORMATS {
            let out = render(format, &linter, &reports);
            check_output(format, &out, count)?;
        }
    }
}

/// The secret of the leak property: any 4 characters of it in an output
/// are a leak.
const SECRET: &str = "Zq7xK9vWp3Lm";

fn leaks(text: &str) -> Vec<String> {
    let chars: Vec<char> = SECRET.chars().collect();
    chars
        .windows(4)
        .map(|w| w.iter().collect::<String>())
        .filter(|p| text.contains(p.as_str()))
        .collect()
}

/// A saved execution parameter with the secret as a parameter value, and
/// faults around it (a bad timeout, a forbidden character, two periods).
fn secret_document() -> impl Strategy<Value = String> {
    (
        prop::sample::select(vec!["param_value", "param_valu", "paramValue"]),
        prop::sample::select(vec!["", "!", "..", "\\t", "é"]),
        prop::sample::select(vec!["1", "300", "\"300s\""]),
    )
        .prop_map(|(key, extra, timeout)| {
            format!(
                "{{\"timeout\": {timeout}, \"success_rate\": 100, \"execute_user\": \"root\",\n \
                 \"script_params\": [{{\"param_name\": \"pw\", \"{key}\": \"{SECRET}{extra}\"}}]}}"
            )
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// The secret never shows in any format, whatever is cut from the
    /// document or written over one of its bytes, as a file or a stream.
    #[test]
    fn no_format_shows_a_secret(
        doc in secret_document(),
        cut in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        mode in 0u8..3,
        ndjson in any::<bool>(),
    ) {
        let mut input = doc.into_bytes();
        match mode {
            0 => {}
            1 => input.truncate(cut.index(input.len())),
            _ => {
                let i = at.index(input.len());
                input[i] = byte;
            }
        }
        let linter = Linter::new();
        let reports = reports(&linter, "s.json", &input, ndjson);
        for format in FORMATS {
            let out = render(format, &linter, &reports);
            let found = leaks(&out);
            prop_assert!(found.is_empty(), "{format} shows {found:?}:\n{out}");
        }
    }
}
