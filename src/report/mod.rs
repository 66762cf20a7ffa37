//! Report formats: each module renders the same [`FileReport`]s in one
//! format, as they arrive, to any writer.

#[cfg(feature = "cli")]
pub mod human;
pub mod json;

use serde::Serialize;

use crate::diagnostic::Severity;
use crate::lint::FileReport;

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
