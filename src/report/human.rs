//! `--format human`: miette's graphical report with the source snippet,
//! labels and help; a one-line form where there is no text to show (an
//! NDJSON stream, a file that is not UTF-8 or could not be read).

use std::fmt;
use std::io::{self, Write};

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceSpan};

use super::{Reporter, Summary};
use crate::diagnostic::Diagnostic;
use crate::lint::FileReport;
use crate::source::Span;

/// Renders diagnostics for people.
pub struct HumanReporter {
    handler: GraphicalReportHandler,
}

impl fmt::Debug for HumanReporter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HumanReporter").finish_non_exhaustive()
    }
}

impl HumanReporter {
    /// A reporter that uses colour or not, wrapping at `width` columns.
    pub fn new(color: bool, width: usize) -> Self {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        HumanReporter {
            handler: GraphicalReportHandler::new_themed(theme)
                .with_links(false)
                .with_width(width),
        }
    }
}

impl Reporter for HumanReporter {
    fn wants_source(&self) -> bool {
        true
    }

    fn file(
        &mut self,
        out: &mut dyn Write,
        report: &FileReport,
        source: Option<&[u8]>,
    ) -> io::Result<()> {
        if report.diagnostics.is_empty() {
            return Ok(());
        }
        // A document that did not parse has no known sensitive spans: mask
        // the values of the sensitive keys found by a scan of the text.
        let unparsed = report
            .diagnostics
            .iter()
            .any(|d| d.name == "json-syntax-error");
        let named = source
            .map(|s| {
                if unparsed {
                    mask_after_keys(s)
                } else {
                    s.to_vec()
                }
            })
            .and_then(|s| mask(&s, &report.sensitive))
            .map(|t| NamedSource::new(&report.path, t).with_language("json"));
        let text = named.as_ref().map(|n| n.inner().as_str());
        for d in &report.diagnostics {
            match (&named, text) {
                (Some(named), Some(text)) if d.span.end() <= text.len() => {
                    let view = WithSource {
                        diagnostic: d,
                        source: named,
                        primary: narrow(text, d.span),
                        labels: d
                            .labels
                            .iter()
                            .map(|l| (l.message.as_str(), narrow(text, l.span)))
                            .collect(),
                    };
                    let mut rendered = String::new();
                    if self.handler.render_report(&mut rendered, &view).is_err() {
                        rendered = concise(&report.path, d);
                    }
                    out.write_all(rendered.as_bytes())?;
                    out.write_all(b"\n")?;
                }
                _ => {
                    out.write_all(concise(&report.path, d).as_bytes())?;
                }
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let files = plural(summary.files, "file");
        if summary.errors + summary.warnings + summary.infos == 0 {
            writeln!(out, "No problems found in {files}.")?;
        } else {
            let mut parts = vec![
                plural(summary.errors, "error"),
                plural(summary.warnings, "warning"),
            ];
            if summary.infos > 0 {
                parts.push(plural(summary.infos, "info"));
            }
            writeln!(out, "Found {} in {files}.", parts.join(", "))?;
        }
        out.flush()
    }
}

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `path:line:column: severity[CODE name] message`, and the help below.
fn concise(path: &str, d: &Diagnostic) -> String {
    let mut s = format!(
        "{path}:{}:{}: {}[{} {}] {}\n",
        d.start.line, d.start.column, d.severity, d.code, d.name, d.message
    );
    if let Some(help) = &d.help {
        s.push_str(&format!("  help: {help}\n"));
    }
    s
}

/// The source as text with the content of every sensitive string replaced
/// by `*` byte for byte, so that offsets stay valid and no secret reaches a
/// log. `None` when the bytes are not UTF-8.
fn mask(source: &[u8], sensitive: &[Span]) -> Option<String> {
    let mut bytes = source.to_vec();
    for span in sensitive {
        // Strip the quotes; leave anything malformed alone.
        if span.length >= 2 && bytes.get(span.offset) == Some(&b'"') {
            if let Some(content) = bytes.get_mut(span.offset + 1..span.end() - 1) {
                content.fill(b'*');
            }
        }
    }
    String::from_utf8(bytes).ok()
}

/// The source with the value after every sensitive key (`"param_value":`,
/// `"value":`) replaced by `*`, quoted or not, up to the end of the string
/// or of the bare word. For text that is not JSON, where no parse tells
/// which values are sensitive.
fn mask_after_keys(source: &[u8]) -> Vec<u8> {
    let keys = crate::schema::sensitive_field_names();
    let mut bytes = source.to_vec();
    let string_end = |b: &[u8], from: usize| {
        let mut j = from;
        while j < b.len() && b[j] != b'"' && b[j] != b'\n' {
            j += if b[j] == b'\\' { 2 } else { 1 };
        }
        j.min(b.len())
    };
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'"' {
            i += 1;
            continue;
        }
        let end = string_end(&bytes, i + 1);
        let is_key = keys.iter().any(|k| bytes[i + 1..end] == *k.as_bytes());
        i = end + 1;
        if !is_key {
            continue;
        }
        let mut j = i;
        while j < bytes.len() && matches!(bytes[j], b' ' | b'\t' | b'\r' | b'\n') {
            j += 1;
        }
        if bytes.get(j) != Some(&b':') {
            continue;
        }
        j += 1;
        while j < bytes.len() && matches!(bytes[j], b' ' | b'\t') {
            j += 1;
        }
        let (from, to) = if bytes.get(j) == Some(&b'"') {
            (j + 1, string_end(&bytes, j + 1))
        } else {
            let stop = bytes[j..]
                .iter()
                .position(|b| matches!(b, b',' | b'}' | b']' | b'\n' | b'\r' | b' ' | b'\t'))
                .map_or(bytes.len(), |k| j + k);
            (j, stop)
        };
        if from < to {
            bytes[from..to].fill(b'*');
        }
        i = to;
    }
    bytes
}

/// A span that covers several lines is shown by its first character only:
/// the snippet stays short, and the JSON report keeps the whole span.
fn narrow(text: &str, span: Span) -> SourceSpan {
    let covered = text.get(span.offset..span.end()).unwrap_or("");
    if covered.contains('\n') {
        let first = covered.chars().next().map_or(0, char::len_utf8);
        SourceSpan::new(span.offset.into(), first)
    } else {
        span.into()
    }
}

struct WithSource<'a> {
    diagnostic: &'a Diagnostic,
    source: &'a NamedSource<String>,
    primary: SourceSpan,
    labels: Vec<(&'a str, SourceSpan)>,
}

impl fmt::Debug for WithSource<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for WithSource<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.diagnostic, f)
    }
}

impl std::error::Error for WithSource<'_> {}

impl miette::Diagnostic for WithSource<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        miette::Diagnostic::code(self.diagnostic)
    }

    fn severity(&self) -> Option<miette::Severity> {
        miette::Diagnostic::severity(self.diagnostic)
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        miette::Diagnostic::help(self.diagnostic)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let primary = LabeledSpan::new_primary_with_span(None, self.primary);
        let secondary = self
            .labels
            .iter()
            .map(|(message, span)| LabeledSpan::new_with_span(Some((*message).to_owned()), *span));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}
