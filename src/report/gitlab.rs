//! `--format gitlab`: a GitLab Code Quality report (the CodeClimate subset
//! GitLab reads), one JSON array of issues, each with a description, a
//! check name, a severity (`major` for errors, `minor` for warnings,
//! `info`), a location (the path, and the begin and end positions; columns
//! count characters) and a fingerprint.
//!
//! GitLab compares the fingerprints of a merge request's report with the
//! target branch's to say what is new and what was fixed, and collapses
//! issues that share one. So a fingerprint is unique within a run and does
//! not move when unrelated edits shift lines: it hashes the path, the rule
//! code, the JSON pointer and the occurrence index of that triple in the
//! run (its first, second, ... finding in input order), and no line
//! number, column or message (messages may quote a value that is edited).
//! For an NDJSON stream the pointer is within a line's document, and the
//! occurrence index tells the lines apart.
//!
//! Written as files arrive, through [`super::write_json`]; messages never
//! quote a secret.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Reporter, Summary};
use crate::diagnostic::{Diagnostic, Severity};
use crate::lint::FileReport;

/// Writes one Code Quality report.
#[derive(Debug, Default)]
pub struct GitlabReporter {
    started: bool,
    any: bool,
    /// How many findings each (path, code, pointer) had so far, by the hash
    /// of the triple.
    seen: HashMap<[u8; 32], u64>,
}

impl GitlabReporter {
    /// A reporter that has written nothing yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// The fingerprint of the next finding of `d`'s rule at `d`'s pointer
    /// in `path`: 32 hexadecimal digits.
    fn fingerprint(&mut self, path: &str, d: &Diagnostic) -> String {
        let mut triple = Sha256::new();
        // Each part is length-prefixed, so that no two triples hash alike
        // by moving text from one part to the next.
        for part in [path, &d.code, &d.pointer] {
            triple.update((part.len() as u64).to_le_bytes());
            triple.update(part.as_bytes());
        }
        let triple: [u8; 32] = triple.finalize().into();
        let count = self.seen.entry(triple).or_insert(0);
        let occurrence = *count;
        *count += 1;
        let mut hash = Sha256::new();
        hash.update(triple);
        hash.update(occurrence.to_le_bytes());
        let digest: [u8; 32] = hash.finalize().into();
        let mut hex = String::with_capacity(32);
        for byte in &digest[..16] {
            let _ = write!(hex, "{byte:02x}");
        }
        hex
    }
}

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    positions: Positions,
}

#[derive(Serialize)]
struct Positions {
    begin: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: usize,
    column: usize,
}

/// Code Quality's severity for ours.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

impl Reporter for GitlabReporter {
    fn file(
        &mut self,
        out: &mut dyn Write,
        report: &FileReport,
        _source: Option<&[u8]>,
    ) -> io::Result<()> {
        for d in &report.diagnostics {
            out.write_all(if self.any { b"," } else { b"[" })?;
            self.started = true;
            self.any = true;
            let issue = Issue {
                description: format!("{} {}: {}", d.code, d.name, d.message),
                check_name: &d.code,
                fingerprint: self.fingerprint(&report.path, d),
                severity: severity(d.severity),
                location: Location {
                    path: &report.path,
                    positions: Positions {
                        begin: Position {
                            line: d.start.line.max(1),
                            column: d.start.column.max(1),
                        },
                        end: Position {
                            line: d.end.line.max(1),
                            column: d.end.column.max(1),
                        },
                    },
                },
            };
            super::write_json(out, &issue)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        out.write_all(if self.started { b"]\n" } else { b"[]\n" })?;
        out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Linter;

    fn fingerprints(text: &str) -> Vec<String> {
        let report = Linter::new().lint_source("p.json", text);
        let mut out = Vec::new();
        let mut reporter = GitlabReporter::new();
        reporter.file(&mut out, &report, None).unwrap();
        reporter.finish(&mut out, &Summary::default()).unwrap();
        let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
        value
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["fingerprint"].as_str().unwrap().to_owned())
            .collect()
    }

    #[test]
    fn fingerprints_are_unique_and_survive_unrelated_edits() {
        let before = "{\"timeout\": 1,\n\"success_rate\": 100, \"execute_user\": \"x\"}";
        let after = "{\n\"timeout\": 1,\n\n\"success_rate\": 100, \"execute_user\": \"x\"}";
        let a = fingerprints(before);
        assert_eq!(a.len(), 2);
        assert_ne!(a[0], a[1]);
        assert!(a.iter().all(|f| f.len() == 32));
        assert_eq!(a, fingerprints(after));
        assert_eq!(a, fingerprints(before), "not stable across runs");
    }

    #[test]
    fn the_same_finding_twice_gets_two_fingerprints() {
        let mut reporter = GitlabReporter::new();
        let report = Linter::new().lint_source("p.json", "{");
        let d = &report.diagnostics[0];
        let first = reporter.fingerprint("p.json", d);
        let second = reporter.fingerprint("p.json", d);
        assert_ne!(first, second);
        assert_ne!(first, GitlabReporter::new().fingerprint("q.json", d));
    }

    #[test]
    fn an_empty_run_is_an_empty_array() {
        let mut out = Vec::new();
        GitlabReporter::new()
            .finish(&mut out, &Summary::default())
            .unwrap();
        assert_eq!(out, b"[]\n");
    }
}
