//! Diagnostics: what a rule found, where, and how bad it is.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::fix::Fix;
use crate::source::{LineIndex, Position, Span};

/// How bad a diagnostic is. Only errors make `coc-lint check` exit with 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational; never fails a run.
    Info,
    /// Likely a mistake, but the API accepts it.
    Warning,
    /// The API rejects or misreads the document.
    Error,
}

impl Severity {
    /// `error`, `warning` or `info`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A secondary location that explains a diagnostic, such as where a
/// duplicated key first stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// Where it is.
    pub span: Span,
    /// Its 1-based line and character column.
    pub start: Position,
    /// What it shows.
    pub message: String,
}

/// One problem found in one document.
///
/// `span` is a byte range of the linted text; `start` and `end` are its
/// 1-based line and column (columns count characters). `pointer` is the
/// RFC 6901 JSON pointer of the offending value from the document root
/// (empty for the root itself).
///
/// ```
/// let text = "{\"timeout\": 300, \"success_rate\": 100, \"execute_user\": \"rööt\"}";
/// let report = coc_lint::Linter::new().lint_source("p.json", text);
/// let d = &report.diagnostics[0];
/// assert_eq!(d.code, "COC206");
/// assert_eq!(d.pointer, "/execute_user");
/// assert_eq!(&text[d.span.offset..d.span.end()], "\"rööt\"");
/// // Columns count characters: the closing quote is past two `ö`s.
/// assert_eq!((d.start.column, d.end.column), (55, 61));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable rule code, e.g. `COC202`. Codes never change meaning.
    pub code: Cow<'static, str>,
    /// Stable kebab-case rule name, e.g. `timeout-out-of-range`.
    pub name: Cow<'static, str>,
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong and what is allowed.
    pub message: String,
    /// What to do about it, when there is something to say.
    pub help: Option<String>,
    /// JSON pointer of the offending value.
    pub pointer: String,
    /// Byte range of the offending value.
    pub span: Span,
    /// Where the span starts.
    pub start: Position,
    /// Where the span ends (exclusive).
    pub end: Position,
    /// Secondary locations.
    pub labels: Vec<Label>,
    /// The repair, when there is exactly one that keeps (or probably keeps)
    /// the document's meaning; see [`crate::fix`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<Fix>,
}

impl Diagnostic {
    /// A diagnostic of the rule `code`/`name` at `span`; positions are
    /// filled in later by [`Diagnostic::locate`]. The message and help go
    /// through [`crate::escape::escape`]: they may quote input.
    pub(crate) fn new(
        code: Cow<'static, str>,
        name: Cow<'static, str>,
        severity: Severity,
        help: Option<String>,
        span: Span,
        pointer: String,
        message: String,
    ) -> Self {
        Diagnostic {
            code,
            name,
            severity,
            message: escaped(message),
            help: help.map(escaped),
            pointer,
            span,
            start: Position::default(),
            end: Position::default(),
            labels: Vec::new(),
            fix: None,
        }
    }

    /// Attach a fix.
    pub(crate) fn fix(&mut self, fix: Fix) -> &mut Self {
        self.fix = Some(fix);
        self
    }

    /// The fix, if any (for `filter_map`).
    pub fn fix_ref(&self) -> Option<&Fix> {
        self.fix.as_ref()
    }

    /// Replace the help text.
    pub(crate) fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(escaped(help.into()));
        self
    }

    /// Add a secondary label.
    pub(crate) fn label(&mut self, span: Span, message: impl Into<String>) -> &mut Self {
        self.labels.push(Label {
            span,
            start: Position::default(),
            message: escaped(message.into()),
        });
        self
    }

    /// Place a diagnostic that has no source text (an unreadable file) at
    /// line 1, column 1.
    pub(crate) fn located_at_start(mut self) -> Self {
        self.start = Position { line: 1, column: 1 };
        self.end = self.start;
        self
    }

    /// Fill in lines and columns from the text the spans point into.
    pub(crate) fn locate(&mut self, index: &LineIndex<'_>) {
        self.start = index.position(self.span.offset);
        self.end = index.position(self.span.end());
        for label in &mut self.labels {
            label.start = index.position(label.span.offset);
        }
        if let Some(fix) = &mut self.fix {
            fix.locate(index);
        }
    }

    /// Shift every span and position by the place where an embedded
    /// document starts in a larger text (an NDJSON line in its stream).
    pub(crate) fn shift(&mut self, offset: usize, line: usize) {
        self.span.offset += offset;
        self.start.line += line;
        self.end.line += line;
        for label in &mut self.labels {
            label.span.offset += offset;
            label.start.line += line;
        }
        if let Some(fix) = &mut self.fix {
            fix.shift(offset, line);
        }
    }
}

/// Text that may quote input, with every character that could move the
/// cursor or recolour a terminal escaped (see [`crate::escape`]).
fn escaped(text: String) -> String {
    match crate::escape::escape(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(escaped) => escaped,
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!("{}({})", self.code, self.name)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        let primary = miette::LabeledSpan::new_primary_with_span(None, self.span);
        let secondary = self
            .labels
            .iter()
            .map(|l| miette::LabeledSpan::new_with_span(Some(l.message.clone()), l.span));
        Some(Box::new(std::iter::once(primary).chain(secondary)))
    }
}
