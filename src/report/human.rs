//! `--format human`: each diagnostic with a window of its source, labels
//! and help (rendered by [`super::snippet`]); a one-line form where there is
//! no text to show (an NDJSON stream, a file that is not UTF-8 or could not
//! be read).

use std::io::{self, Write};

use super::snippet::{self, Source, Style};
use super::{Reporter, Summary};
use crate::diagnostic::Diagnostic;
use crate::i18n::Lang;
use crate::lint::FileReport;

/// Renders diagnostics for people.
#[derive(Debug)]
pub struct HumanReporter {
    style: Style,
    /// The language of the summary line.
    lang: Lang,
    /// Reused for every diagnostic.
    buffer: String,
}

impl HumanReporter {
    /// A reporter that uses colour or not, fitting its lines in `width`
    /// columns (at least [`snippet::MIN_WIDTH`]).
    pub fn new(color: bool, width: usize) -> Self {
        HumanReporter {
            style: Style {
                color,
                width,
                unsafe_fixes: false,
                lang: Lang::EnUs,
            },
            lang: Lang::EnUs,
            buffer: String::new(),
        }
    }

    /// This reporter, with its summary line and labels in `lang`
    /// (diagnostics come worded from the linter).
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self.style.lang = lang;
        self
    }

    /// Mark diagnostics with an unsafe fix fixable (`[*]`) too, as
    /// `--unsafe-fixes` does; by default only safe fixes are marked.
    pub fn unsafe_fixes(mut self, on: bool) -> Self {
        self.style.unsafe_fixes = on;
        self
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
        // Secrets are masked by the spans the library found
        // (`FileReport::sensitive`), for documents that parsed and those that
        // did not alike.
        let text = source.and_then(|s| std::str::from_utf8(s).ok());
        let view = text.map(|t| Source::new(&report.path, t, &report.sensitive));
        for d in &report.diagnostics {
            match &view {
                Some(view) => {
                    self.buffer.clear();
                    snippet::render(&mut self.buffer, d, view, self.style);
                    out.write_all(self.buffer.as_bytes())?;
                }
                None => out.write_all(concise(&report.path, d, self.style).as_bytes())?,
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let line = summary.sentence_in(self.lang);
        let mut wrapped = String::new();
        let plain = Style {
            color: false,
            ..self.style
        };
        snippet::wrapped(&mut wrapped, plain, "", ("", ""), ("", ""), &line);
        out.write_all(wrapped.as_bytes())?;
        out.flush()
    }
}

/// `path:line:column: severity[CODE name] message` (one line, whole, for
/// tools that read it), and the help below, wrapped.
fn concise(path: &str, d: &Diagnostic, style: Style) -> String {
    let mut s = format!(
        "{}:{}:{}: {}[{} {}]{} {}\n",
        crate::escape::escape(path),
        d.start.line,
        d.start.column,
        d.severity,
        d.code,
        d.name,
        if style.fixable(d) { " [*]" } else { "" },
        d.message
    );
    if let Some(help) = &d.help {
        let plain = Style {
            color: false,
            ..style
        };
        let label = style.help_label();
        snippet::wrapped(&mut s, plain, "", ("  ", &label), ("        ", ""), help);
    }
    s
}
