//! `--format json`: exactly one JSON object,
//! `{"diagnostics": [...], "summary": {...}}`, written as files arrive so
//! that memory does not grow with the number of files. Built with serde, so
//! every string is escaped correctly whatever it holds.

use std::io::{self, Write};

use serde::Serialize;

use super::{Reporter, Summary};
use crate::diagnostic::Diagnostic;
use crate::lint::FileReport;

/// One diagnostic as `--format json` prints it. These field names are a
/// stable interface: other tools parse them.
#[derive(Debug, Serialize)]
pub struct JsonDiagnostic<'a> {
    /// File the diagnostic is in.
    pub path: &'a str,
    /// Rule code, e.g. `COC202`.
    pub code: &'a str,
    /// Rule name, e.g. `timeout-out-of-range`.
    pub name: &'a str,
    /// `error`, `warning` or `info`.
    pub severity: &'a str,
    /// What is wrong and what is allowed.
    pub message: &'a str,
    /// What to do, or null.
    pub help: Option<&'a str>,
    /// RFC 6901 JSON pointer of the offending value.
    pub pointer: &'a str,
    /// 1-based start line.
    pub line: usize,
    /// 1-based start column, in characters.
    pub column: usize,
    /// 1-based end line.
    pub end_line: usize,
    /// 1-based end column (exclusive), in characters.
    pub end_column: usize,
    /// Start byte offset.
    pub offset: usize,
    /// Length in bytes.
    pub length: usize,
    /// Secondary locations.
    pub labels: Vec<JsonLabel<'a>>,
    /// The fix, only on a diagnostic that has one (so that the report of a
    /// file with nothing fixable is what it always was).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<JsonFix<'a>>,
}

/// A diagnostic's fix: `{"applicability": "safe", "message": ...,
/// "edits": [...]}`.
#[derive(Debug, Serialize)]
pub struct JsonFix<'a> {
    /// `safe` or `unsafe`.
    pub applicability: &'a str,
    /// What it does.
    pub message: &'a str,
    /// The edits, applied together.
    pub edits: Vec<JsonEdit<'a>>,
}

/// One edit of a fix: replace the bytes `offset..offset + length` (lines
/// and columns as for diagnostics) with `content`.
#[derive(Debug, Serialize)]
pub struct JsonEdit<'a> {
    /// What replaces the range (empty: a deletion).
    pub content: &'a str,
    /// 1-based start line.
    pub line: usize,
    /// 1-based start column, in characters.
    pub column: usize,
    /// 1-based end line.
    pub end_line: usize,
    /// 1-based end column (exclusive), in characters.
    pub end_column: usize,
    /// Start byte offset.
    pub offset: usize,
    /// Length in bytes.
    pub length: usize,
}

impl<'a> JsonDiagnostic<'a> {
    /// The JSON form of `d`, found in the file (or NDJSON stream) `path`.
    pub fn new(path: &'a str, d: &'a Diagnostic) -> Self {
        JsonDiagnostic {
            path,
            code: &d.code,
            name: &d.name,
            severity: d.severity.as_str(),
            message: &d.message,
            help: d.help.as_deref(),
            pointer: &d.pointer,
            line: d.start.line,
            column: d.start.column,
            end_line: d.end.line,
            end_column: d.end.column,
            offset: d.span.offset,
            length: d.span.length,
            labels: d
                .labels
                .iter()
                .map(|l| JsonLabel {
                    message: &l.message,
                    line: l.start.line,
                    column: l.start.column,
                    offset: l.span.offset,
                    length: l.span.length,
                })
                .collect(),
            fix: d.fix.as_ref().map(|f| JsonFix {
                applicability: f.applicability.as_str(),
                message: &f.message,
                edits: f
                    .edits
                    .iter()
                    .map(|e| JsonEdit {
                        content: &e.content,
                        line: e.start.line,
                        column: e.start.column,
                        end_line: e.end.line,
                        end_column: e.end.column,
                        offset: e.span.offset,
                        length: e.span.length,
                    })
                    .collect(),
            }),
        }
    }
}

/// A secondary location of a diagnostic.
#[derive(Debug, Serialize)]
pub struct JsonLabel<'a> {
    /// What it shows.
    pub message: &'a str,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset.
    pub offset: usize,
    /// Length in bytes.
    pub length: usize,
}

/// Writes the JSON report incrementally.
#[derive(Debug, Default)]
pub struct JsonReporter {
    started: bool,
    any: bool,
}

impl JsonReporter {
    /// A reporter that has written nothing yet.
    pub fn new() -> Self {
        Self::default()
    }
}

impl Reporter for JsonReporter {
    fn file(
        &mut self,
        out: &mut dyn Write,
        report: &FileReport,
        _source: Option<&[u8]>,
    ) -> io::Result<()> {
        if !self.started {
            out.write_all(b"{\"diagnostics\":[")?;
            self.started = true;
        }
        for d in &report.diagnostics {
            if self.any {
                out.write_all(b",")?;
            }
            self.any = true;
            super::write_json(out, &JsonDiagnostic::new(&report.path, d))?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if !self.started {
            out.write_all(b"{\"diagnostics\":[")?;
        }
        out.write_all(b"],\"summary\":")?;
        super::write_json(out, summary)?;
        out.write_all(b"}\n")?;
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Linter;

    #[test]
    fn output_is_one_valid_json_object() {
        let linter = Linter::new();
        let mut out = Vec::new();
        let mut reporter = JsonReporter::new();
        let mut summary = Summary::default();
        for (name, text) in [
            ("a.json", "{\"timeout\": 1}"),
            ("b.json", "{\"x\u{1}\": 1}"),
        ] {
            let report = linter.lint_source(name, text);
            summary.add(&report);
            reporter.file(&mut out, &report, None).unwrap();
        }
        reporter.finish(&mut out, &summary).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["summary"]["files"], 2);
        let first = &value["diagnostics"][0];
        for key in [
            "path",
            "code",
            "name",
            "severity",
            "message",
            "help",
            "pointer",
            "line",
            "column",
            "end_line",
            "end_column",
            "offset",
            "length",
        ] {
            assert!(first.get(key).is_some(), "missing {key}");
        }
    }

    #[test]
    fn empty_run_is_valid_json() {
        let mut out = Vec::new();
        JsonReporter::new()
            .finish(&mut out, &Summary::default())
            .unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(value["diagnostics"], serde_json::json!([]));
    }
}
