//! `--format concise`: one line a diagnostic,
//! `path:line:column: severity[CODE] message`, the shape editors' problem
//! matchers, `grep` and compilers' error parsers read, then the run's
//! summary sentence. The path is escaped ([`crate::escape::escape`]) and
//! messages were escaped when built, so a crafted file name or key cannot
//! split a line or repaint the terminal; messages never quote a secret.

use std::io::{self, Write};

use super::{Reporter, Summary};
use crate::diagnostic::Diagnostic;
use crate::i18n::Lang;
use crate::lint::FileReport;

/// Writes one line a diagnostic.
#[derive(Debug, Default)]
pub struct ConciseReporter {
    unsafe_fixes: bool,
    /// The language of the summary sentence.
    lang: Lang,
}

impl ConciseReporter {
    /// A reporter that has written nothing yet.
    pub fn new() -> Self {
        ConciseReporter::default()
    }

    /// Mark diagnostics with an unsafe fix as fixable too
    /// (`--unsafe-fixes`).
    pub fn unsafe_fixes(mut self, on: bool) -> Self {
        self.unsafe_fixes = on;
        self
    }

    /// This reporter, with its summary sentence in `lang` (diagnostics
    /// come worded from the linter).
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }
}

/// The concise line of one diagnostic, without its line break.
pub fn line(path: &str, d: &Diagnostic) -> String {
    line_marked(path, d, false)
}

/// The concise line, with `[*]` before the message when `--fix` would
/// repair it (as ruff marks it): a safe fix, or an unsafe one when
/// `unsafe_fixes` is on.
pub fn line_marked(path: &str, d: &Diagnostic, unsafe_fixes: bool) -> String {
    let fixable = d
        .fix
        .as_ref()
        .is_some_and(|f| unsafe_fixes || f.applicability == crate::fix::Applicability::Safe);
    format!(
        "{}:{}:{}: {}[{}] {}{}",
        crate::escape::escape(path),
        d.start.line,
        d.start.column,
        d.severity,
        d.code,
        if fixable { "[*] " } else { "" },
        d.message
    )
}

impl Reporter for ConciseReporter {
    fn file(
        &mut self,
        out: &mut dyn Write,
        report: &FileReport,
        _source: Option<&[u8]>,
    ) -> io::Result<()> {
        for d in &report.diagnostics {
            writeln!(out, "{}", line_marked(&report.path, d, self.unsafe_fixes))?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(out, "{}", summary.sentence_in(self.lang))?;
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Linter;

    #[test]
    fn one_line_a_diagnostic_with_character_columns() {
        let report = Linter::new().lint_source(
            "a\nb.json",
            "{\"execute_user\": \"é\", \"timeout\": 1, \"success_rate\": 100}",
        );
        let mut out = Vec::new();
        let mut reporter = ConciseReporter::new();
        reporter.file(&mut out, &report, None).unwrap();
        let mut summary = Summary::default();
        summary.add(&report);
        reporter.finish(&mut out, &summary).unwrap();
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), report.diagnostics.len() + 1, "{text}");
        // The line break in the name is escaped, not written.
        assert!(lines[0].starts_with("a\\nb.json:1:"), "{text}");
        // `1` stands after a two-byte `é`: column 34, byte offset 34.
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("a\\nb.json:1:34: error[COC202] ")),
            "{text}"
        );
        assert_eq!(lines.last(), Some(&"Found 2 errors, 0 warnings in 1 file."));
    }
}
