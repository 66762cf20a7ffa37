//! `--format github`: GitHub Actions workflow commands, one a diagnostic,
//! which the runner turns into annotations on the pull request's diff:
//!
//! ```text
//! ::error file=PATH,line=L,col=C,endLine=EL,endColumn=EC,title=CODE name::PATH:L:C: CODE message
//! ```
//!
//! `error`, `warning` or `notice` by severity. The columns are left out when
//! the span covers several lines (GitHub then draws the wrong columns). The
//! message repeats the location so that the log itself reads well (as ruff
//! does). Text is escaped twice: first by [`crate::escape::escape`] (the path;
//! messages were escaped when built), so that nothing repaints the log, then
//! by GitHub's rules ([`escape_data`], [`escape_property`]), so that nothing
//! ends a command early or starts another.

use std::io::{self, Write};

use super::{Reporter, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::FileReport;

/// Writes a workflow command per diagnostic.
#[derive(Debug, Default)]
pub struct GithubReporter;

impl GithubReporter {
    /// A reporter that has written nothing yet.
    pub fn new() -> Self {
        GithubReporter
    }
}

/// A command's message, escaped as `escapeData` of GitHub's
/// `actions/toolkit` does: `%`, `\r` and `\n` as `%25`, `%0D` and `%0A`.
///
/// ```
/// use coc_lint::report::github::escape_data;
/// assert_eq!(escape_data("100% a:b,c\r\n"), "100%25 a:b,c%0D%0A");
/// ```
pub fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// A command's property value, escaped as `escapeProperty` of GitHub's
/// `actions/toolkit` does: as [`escape_data`], and `:` and `,` as `%3A` and
/// `%2C` too (they separate properties).
///
/// ```
/// use coc_lint::report::github::escape_property;
/// assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
/// ```
pub fn escape_property(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

/// The workflow command of one diagnostic, without its line break.
pub fn command(path: &str, d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    };
    let path = crate::escape::escape(path);
    let mut properties = format!("file={},line={}", escape_property(&path), d.start.line);
    if d.start.line == d.end.line {
        properties.push_str(&format!(",col={}", d.start.column));
    }
    properties.push_str(&format!(",endLine={}", d.end.line));
    if d.start.line == d.end.line {
        properties.push_str(&format!(",endColumn={}", d.end.column));
    }
    let title = format!("{} {}", d.code, d.name);
    properties.push_str(&format!(",title={}", escape_property(&title)));
    let message = format!(
        "{path}:{}:{}: {} {}",
        d.start.line, d.start.column, d.code, d.message
    );
    format!("::{level} {properties}::{}", escape_data(&message))
}

impl Reporter for GithubReporter {
    fn file(
        &mut self,
        out: &mut dyn Write,
        report: &FileReport,
        _source: Option<&[u8]>,
    ) -> io::Result<()> {
        for d in &report.diagnostics {
            writeln!(out, "{}", command(&report.path, d))?;
        }
        Ok(())
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
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(escape_data("50%"), "50%25");
        assert_eq!(escape_data("%0A"), "%250A");
        assert_eq!(escape_data("a\rb\nc"), "a%0Db%0Ac");
        assert_eq!(escape_data("a:b,c"), "a:b,c");
        assert_eq!(escape_data("::error::x"), "::error::x");
        assert_eq!(escape_data("张三"), "张三");
    }

    #[test]
    fn properties_escape_separators_too() {
        assert_eq!(escape_property("C:\\dir,x"), "C%3A\\dir%2Cx");
        assert_eq!(escape_property("a%2C"), "a%252C");
        assert_eq!(escape_property("l\r\n"), "l%0D%0A");
        assert_eq!(escape_property("plain/path.json"), "plain/path.json");
    }

    #[test]
    fn a_crafted_path_cannot_add_a_property_or_a_command() {
        let report = Linter::new().lint_source(
            "x,line=99:\n::error::owned%.json",
            "{\"timeout\": 1, \"success_rate\": 100, \"execute_user\": \"root\"}",
        );
        let line = command(&report.path, &report.diagnostics[0]);
        assert_eq!(
            line,
            "::error file=x%2Cline=99%3A\\n%3A%3Aerror%3A%3Aowned%25.json,line=1,col=13,\
             endLine=1,endColumn=14,title=COC202 timeout-out-of-range::\
             x,line=99:\\n::error::owned%25.json:1:13: COC202 \
             `timeout` is 1, but it must be greater than 5 and less than 1800"
        );
        assert!(!line.contains('\n'));
    }

    #[test]
    fn severities_and_multi_line_spans() {
        let text = "{\"timeout\": 300, \"success_rate\": 100, \"execute_user\": \"root\",\n \"x\": 1,\n \"script_params\": {\n}}";
        let report = Linter::new().lint_source("p.json", text);
        let unknown = report
            .diagnostics
            .iter()
            .find(|d| d.name == "unknown-field")
            .expect("unknown-field fires");
        assert_eq!(
            command("p.json", unknown),
            "::warning file=p.json,line=2,col=2,endLine=2,endColumn=5,\
             title=COC402 unknown-field::p.json:2:2: COC402 `x` is not a field of ScriptExecuteParam"
        );
        let wrong = report
            .diagnostics
            .iter()
            .find(|d| d.name == "wrong-type")
            .expect("wrong-type fires");
        let line = command("p.json", wrong);
        assert!(
            line.starts_with(
                "::error file=p.json,line=3,endLine=4,title=COC101 wrong-type::p.json:3:19: "
            ),
            "{line}"
        );
    }
}
