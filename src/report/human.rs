//! `--format human`: each diagnostic with a window of its source, labels
//! and help (rendered by [`super::snippet`]); a one-line form where there is
//! no text to show (an NDJSON stream, a file that is not UTF-8 or could not
//! be read).

use std::io::{self, Write};

use super::snippet::{self, Source, Style};
use super::{Reporter, Summary};
use crate::diagnostic::Diagnostic;
use crate::lint::FileReport;

/// Renders diagnostics for people.
#[derive(Debug)]
pub struct HumanReporter {
    style: Style,
    /// Reused for every diagnostic.
    buffer: String,
}

impl HumanReporter {
    /// A reporter that uses colour or not, fitting its lines in `width`
    /// columns (at least [`snippet::MIN_WIDTH`]).
    pub fn new(color: bool, width: usize) -> Self {
        HumanReporter {
            style: Style { color, width },
            buffer: String::new(),
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
        let prepared = source.map(|s| {
            if unparsed {
                std::borrow::Cow::Owned(mask_after_keys(s))
            } else {
                std::borrow::Cow::Borrowed(s)
            }
        });
        let text = prepared
            .as_deref()
            .and_then(|s| std::str::from_utf8(s).ok());
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
        let files = plural(summary.files, "file");
        let line = if summary.errors + summary.warnings + summary.infos == 0 {
            format!("No problems found in {files}.")
        } else {
            let mut parts = vec![
                plural(summary.errors, "error"),
                plural(summary.warnings, "warning"),
            ];
            if summary.infos > 0 {
                parts.push(plural(summary.infos, "info"));
            }
            format!("Found {} in {files}.", parts.join(", "))
        };
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

fn plural(n: usize, word: &str) -> String {
    format!("{n} {word}{}", if n == 1 { "" } else { "s" })
}

/// `path:line:column: severity[CODE name] message` (one line, whole, for
/// tools that read it), and the help below, wrapped.
fn concise(path: &str, d: &Diagnostic, style: Style) -> String {
    let mut s = format!(
        "{}:{}:{}: {}[{} {}] {}\n",
        crate::escape::escape(path),
        d.start.line,
        d.start.column,
        d.severity,
        d.code,
        d.name,
        d.message
    );
    if let Some(help) = &d.help {
        let plain = Style {
            color: false,
            ..style
        };
        snippet::wrapped(&mut s, plain, "", ("  ", "help:"), ("        ", ""), help);
    }
    s
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
