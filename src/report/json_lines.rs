//! `--format json-lines`: one JSON object a line for each diagnostic, in
//! the shape of the `diagnostics` items of `--format json`
//! ([`super::json::JsonDiagnostic`]), written and flushed as each file (or
//! NDJSON document) is linted, for consumers that read a stream. There is
//! no summary line: every line is a diagnostic. Written through
//! [`super::write_json`], so every line is valid JSON whatever the input
//! held.

use std::io::{self, Write};

use super::json::JsonDiagnostic;
use super::{Reporter, Summary};
use crate::lint::FileReport;

/// Writes a line per diagnostic and flushes after each file.
#[derive(Debug, Default)]
pub struct JsonLinesReporter;

impl JsonLinesReporter {
    /// A reporter that has written nothing yet.
    pub fn new() -> Self {
        JsonLinesReporter
    }
}

impl Reporter for JsonLinesReporter {
    fn file(
        &mut self,
        out: &mut dyn Write,
        report: &FileReport,
        _source: Option<&[u8]>,
    ) -> io::Result<()> {
        if report.diagnostics.is_empty() {
            return Ok(());
        }
        for d in &report.diagnostics {
            super::write_json(out, &JsonDiagnostic::new(&report.path, d))?;
            out.write_all(b"\n")?;
        }
        // A consumer reading a pipe sees each file's findings as they come.
        out.flush()
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Linter;

    #[test]
    fn every_line_is_one_diagnostic() {
        let linter = Linter::new();
        let mut out = Vec::new();
        let mut reporter = JsonLinesReporter::new();
        let mut count = 0;
        for (name, text) in [
            ("a.json", "{\"timeout\": 1}"),
            ("b.json", "{\"x\u{1}\": 1"),
            (
                "c.json",
                "{\"timeout\": 300, \"success_rate\": 100, \"execute_user\": \"root\"}",
            ),
        ] {
            let report = linter.lint_source(name, text);
            count += report.diagnostics.len();
            reporter.file(&mut out, &report, None).unwrap();
        }
        reporter.finish(&mut out, &Summary::default()).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), count);
        for line in text.lines() {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            assert!(value["code"].as_str().is_some_and(|c| c.starts_with("COC")));
            assert!(value["line"].as_u64().is_some());
        }
    }
}
