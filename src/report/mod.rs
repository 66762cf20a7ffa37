//! Report formats: each module renders the same [`FileReport`]s in one
//! format, as they arrive, to any writer.

#[cfg(feature = "cli")]
pub mod human;
pub mod json;
#[cfg(feature = "cli")]
pub mod snippet;

use serde::Serialize;

use crate::diagnostic::Severity;
use crate::lint::FileReport;

/// Write `value` as compact JSON, with every character that
/// [`crate::escape::is_unsafe`] flags written as a `\uXXXX` escape: the
/// document means the same to a JSON reader, and a terminal or CI log that
/// shows the raw report cannot be repainted by a key or pointer from the
/// input (serde_json itself escapes only C0 controls). Every JSON-based
/// format writes through it.
pub fn write_json<T: Serialize + ?Sized>(
    out: &mut dyn std::io::Write,
    value: &T,
) -> std::io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(out, SafeFormatter);
    value.serialize(&mut ser).map_err(std::io::Error::from)
}

/// serde_json's compact formatter, but escaping what a terminal would act
/// on (DEL, C1 controls, bidi and zero-width characters) as well.
struct SafeFormatter;

impl serde_json::ser::Formatter for SafeFormatter {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some((i, c)) = rest
            .char_indices()
            .find(|(_, c)| crate::escape::is_unsafe(*c))
        {
            writer.write_all(&rest.as_bytes()[..i])?;
            // Every unsafe character is in the Basic Multilingual Plane.
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = &rest[i + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }
}

/// Counts over a whole run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Files (or streams) linted.
    pub files: usize,
    /// Error diagnostics.
    pub errors: usize,
    /// Warning diagnostics.
    pub warnings: usize,
    /// Info diagnostics.
    pub infos: usize,
}

impl Summary {
    /// Count one file's diagnostics in.
    pub fn add(&mut self, report: &FileReport) {
        self.files += 1;
        self.add_diagnostics(report);
    }

    /// Count diagnostics in without counting a file (for the documents of
    /// one NDJSON stream, reported as they come).
    pub fn add_diagnostics(&mut self, report: &FileReport) {
        self.errors += report.count(Severity::Error);
        self.warnings += report.count(Severity::Warning);
        self.infos += report.count(Severity::Info);
    }
}

/// One output format. The command line drives every format the same way:
/// [`Reporter::file`] for each file's report as it arrives, in input order,
/// then [`Reporter::finish`] once with the run's counts. A new format is one
/// module that implements this trait.
pub trait Reporter {
    /// Write one file's diagnostics. `source` is the linted text's bytes
    /// when the format asked for them ([`Reporter::wants_source`]) and they
    /// were at hand; spans in `report` index into it.
    fn file(
        &mut self,
        out: &mut dyn std::io::Write,
        report: &FileReport,
        source: Option<&[u8]>,
    ) -> std::io::Result<()>;

    /// Write what closes the report (a summary line, the end of a JSON
    /// document) and flush.
    fn finish(&mut self, out: &mut dyn std::io::Write, summary: &Summary) -> std::io::Result<()>;

    /// Whether [`Reporter::file`] shows source text (so the caller keeps
    /// the bytes of files that have diagnostics).
    fn wants_source(&self) -> bool {
        false
    }
}
