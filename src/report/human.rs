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
        let masked = source.and_then(|s| mask(s, &report.sensitive));
        let (named, masks) = match masked {
            Some((t, masks)) => (
                Some(NamedSource::new(&report.path, t).with_language("json")),
                masks,
            ),
            None => (None, Vec::new()),
        };
        let text = named.as_ref().map(|n| n.inner().as_str());
        for d in &report.diagnostics {
            match (&named, text) {
                (Some(named), Some(text)) if moved(&masks, d.span).end() <= text.len() => {
                    let view = WithSource {
                        diagnostic: d,
                        source: named,
                        primary: narrow(text, moved(&masks, d.span)),
                        labels: d
                            .labels
                            .iter()
                            .map(|l| {
                                let span = moved(&masks, l.span);
                                (l.message.as_str(), narrow(text, span))
                            })
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

/// The source as text with every secret value (the spans of
/// [`FileReport::sensitive`]) replaced whole by a mask of fixed width,
/// `"****"` for a string and `****` for anything else, so that neither the
/// value nor its length reaches a log. Spans after a mask on the same line
/// shift (the snippet renderer that replaces this one maps them). `None`
/// when the bytes are not UTF-8.
fn mask(source: &[u8], sensitive: &[Span]) -> Option<(String, Vec<(Span, usize)>)> {
    let mut out = Vec::with_capacity(source.len());
    let mut applied = Vec::with_capacity(sensitive.len());
    let mut at = 0;
    for span in sensitive {
        let (start, end) = (span.offset.max(at), span.end().min(source.len()));
        if start >= end {
            continue;
        }
        out.extend_from_slice(&source[at..start]);
        let mask: &[u8] = if source[start] == b'"' {
            b"\"****\""
        } else {
            b"****"
        };
        out.extend_from_slice(mask);
        applied.push((Span::new(start, end), mask.len()));
        at = end;
    }
    out.extend_from_slice(&source[at..]);
    String::from_utf8(out).ok().map(|t| (t, applied))
}

/// Where `span` of the source stands in the text [`mask`] made of it: a
/// position inside a secret moves to its mask's start.
fn moved(masks: &[(Span, usize)], span: Span) -> Span {
    let at = |p: usize| {
        let mut shift = 0isize;
        for (s, width) in masks.iter().take_while(|(s, _)| s.offset < p) {
            if p < s.end() {
                return s.offset.saturating_add_signed(shift);
            }
            shift += *width as isize - s.length as isize;
        }
        p.saturating_add_signed(shift)
    };
    let start = at(span.offset);
    Span::new(start, at(span.end()).max(start))
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
