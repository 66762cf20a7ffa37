//! Report formats: each module renders the same [`FileReport`]s in one
//! format, as they arrive, to any writer.

pub mod concise;
pub mod github;
#[cfg(feature = "cli")]
pub mod gitlab;
#[cfg(feature = "cli")]
pub mod human;
pub mod json;
pub mod json_lines;
#[cfg(feature = "cli")]
pub mod junit;
#[cfg(feature = "cli")]
pub mod sarif;
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

/// The repository the package names (`repository` in Cargo.toml), or
/// `None` while it names none.
const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// Where a rule's manual can be read on the web: its Markdown file in the
/// repository the package names, or `None` while the package names no
/// repository (the manual is always at hand as `coc-lint explain CODE`, and
/// SARIF carries it whole). Formats that link rules (SARIF's `helpUri`,
/// `coc-lint rules --format json`) take it from here.
pub fn rule_doc_uri(rule_name: &str) -> Option<String> {
    doc_uri_in(REPOSITORY, rule_name)
}

fn doc_uri_in(repository: &str, rule_name: &str) -> Option<String> {
    let repository = repository.trim().trim_end_matches('/');
    (!repository.is_empty()).then(|| format!("{repository}/blob/main/rules/{rule_name}.md"))
}

/// The home of the tool on the web (`repository` in Cargo.toml), if named.
pub fn information_uri() -> Option<&'static str> {
    Some(REPOSITORY.trim()).filter(|r| !r.is_empty())
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

    /// The closing sentence of the text formats: `No problems found in 3
    /// files.` or `Found 2 errors, 1 warning in 3 files.`
    pub fn sentence(&self) -> String {
        self.sentence_in(crate::i18n::Lang::EnUs)
    }

    /// [`Summary::sentence`] in `lang`.
    pub fn sentence_in(&self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::tr;
        let files = tr!(lang, "summary-files", n = self.files);
        if self.errors + self.warnings + self.infos == 0 {
            return tr!(lang, "summary-none", files = files);
        }
        let errors = tr!(lang, "summary-errors", n = self.errors);
        let warnings = tr!(lang, "summary-warnings", n = self.warnings);
        if self.infos > 0 {
            let infos = tr!(lang, "summary-infos", n = self.infos);
            return tr!(
                lang,
                "summary-found-infos",
                errors = errors,
                warnings = warnings,
                infos = infos,
                files = files
            );
        }
        tr!(
            lang,
            "summary-found",
            errors = errors,
            warnings = warnings,
            files = files
        )
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_docs_are_linked_only_when_a_repository_is_named() {
        assert_eq!(doc_uri_in("", "duplicate-key"), None);
        assert_eq!(doc_uri_in("  ", "duplicate-key"), None);
        assert_eq!(
            doc_uri_in("https://example.org/coc-lint/", "duplicate-key").as_deref(),
            Some("https://example.org/coc-lint/blob/main/rules/duplicate-key.md")
        );
    }

    #[test]
    fn summary_sentences() {
        let mut s = Summary::default();
        assert_eq!(s.sentence(), "No problems found in 0 files.");
        s.files = 1;
        s.errors = 2;
        assert_eq!(s.sentence(), "Found 2 errors, 0 warnings in 1 file.");
        s.infos = 1;
        s.warnings = 1;
        assert_eq!(s.sentence(), "Found 2 errors, 1 warning, 1 info in 1 file.");
    }
}
