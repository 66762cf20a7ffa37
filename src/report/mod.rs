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
