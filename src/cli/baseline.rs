//! Baselines: adopting coc-lint on a repository that already has
//! findings.
//!
//! `--write-baseline FILE` records every finding of a run as
//! `(path, code, pointer) → count`; `--baseline FILE` then drops up to
//! `count` findings of each key from the report, so that only new ones
//! are reported and fail the run, and lists the entries that matched
//! nothing (fixed: the file can shrink).
//!
//! Keys hold no line or column, so an edit elsewhere in a file that moves
//! a finding does not churn the baseline; counts let a key hold several
//! findings (the same rule at the same pointer in many documents of an
//! NDJSON stream, say). Paths are made relative to the baseline file's
//! directory, lexically (`.` and `..` resolved without following links),
//! with `/` separators, so the file means the same from whichever folder
//! coc-lint runs and on any system. A pointer into a secret (a value under
//! `param_value`, say) is cut after the sensitive key: the keys of a
//! secret object are part of the secret, and the baseline never holds it.
//!
//! The file is JSON, one entry per line, sorted by path, code and pointer:
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     {"path":"params/a.json","code":"COC202","pointer":"/timeout","count":1}
//!   ]
//! }
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use coc_lint::i18n::{format as tr, Arg, Lang};
use coc_lint::{Diagnostic, FileReport, Span};
use serde::{Deserialize, Serialize};

use super::ci::Atomic;

/// The version of the file format this build reads and writes.
const VERSION: u32 = 1;

/// What identifies a finding across edits: path, rule code, JSON pointer.
type Key = (String, String, String);

/// The file as stored.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

/// One line of the file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    path: String,
    code: String,
    pointer: String,
    count: usize,
}

/// Turns the paths of reports into the baseline's keys.
#[derive(Debug)]
struct Paths {
    /// The working directory, to make relative paths absolute.
    cwd: PathBuf,
    /// The baseline file's directory, absolute and normalised.
    base: Vec<String>,
}

impl Paths {
    fn new(baseline: &Path) -> Paths {
        let cwd = std::env::current_dir().unwrap_or_default();
        let dir = baseline.parent().unwrap_or(Path::new(""));
        let base = normalise(&cwd.join(dir));
        Paths { cwd, base }
    }

    /// `path` relative to the baseline's directory, with `/` separators.
    fn key(&self, path: &str) -> String {
        let parts = normalise(&self.cwd.join(path));
        let common = parts
            .iter()
            .zip(&self.base)
            .take_while(|(a, b)| a == b)
            .count();
        let mut rel: Vec<&str> = vec![".."; self.base.len() - common];
        rel.extend(parts[common..].iter().map(String::as_str));
        rel.join("/")
    }
}

/// The components of an absolute path with `.` and `..` resolved
/// lexically (the root and any prefix are kept as the first parts).
fn normalise(path: &Path) -> Vec<String> {
    let mut parts: Vec<String> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                if parts.len() > 1 {
                    parts.pop();
                }
            }
            Component::RootDir => parts.push(String::new()),
            Component::Prefix(p) => parts.push(p.as_os_str().to_string_lossy().into_owned()),
            Component::Normal(name) => parts.push(name.to_string_lossy().into_owned()),
        }
    }
    parts
}

/// The pointer a baseline keeps for `d`: its own, or, when it points into
/// a secret, cut after the sensitive key.
fn pointer(sensitive: &[Span], d: &Diagnostic) -> String {
    if !coc_lint::redact::inside(sensitive, d.span) {
        return d.pointer.clone();
    }
    let mut kept = String::new();
    for segment in d.pointer.split('/').skip(1) {
        kept.push('/');
        kept.push_str(segment);
        let key = segment.replace("~1", "/").replace("~0", "~");
        if coc_lint::redact::is_sensitive_key(&key) {
            return kept;
        }
    }
    // No key names the secret (a member of an object flagged sensitive):
    // keep the pointer of the object around it, which is not secret.
    match d.pointer.rfind('/') {
        Some(i) => d.pointer[..i].to_owned(),
        None => String::new(),
    }
}

/// Whether `d` says a file could not be read: trouble of the run, not a
/// finding about the file, so never recorded nor matched.
fn is_trouble(d: &Diagnostic) -> bool {
    d.code == coc_lint::RuleId::IoError.code()
}

/// `--baseline`: the findings to leave out of the report.
#[derive(Debug)]
pub(crate) struct Baseline {
    file: PathBuf,
    paths: Paths,
    /// Findings not matched yet, by key.
    left: BTreeMap<Key, usize>,
    /// The keyed paths this run linted.
    linted: BTreeSet<String>,
    /// Findings left out of the report so far.
    matched: usize,
}

impl Baseline {
    /// Read a baseline file.
    pub(crate) fn load(file: &Path) -> Result<Baseline, String> {
        let name = coc_lint::escape::escape(&file.to_string_lossy()).into_owned();
        let lang = super::lang::here();
        let bytes =
            std::fs::read(file).map_err(|e| coc_lint::io::cannot_read_in(lang, &name, &e))?;
        let parsed: File = serde_json::from_slice(&bytes).map_err(|e| {
            coc_lint::i18n::Msg::new("baseline-not-baseline")
                .arg("name", name.clone())
                .arg("error", e.to_string())
                .format(lang)
        })?;
        if parsed.version != VERSION {
            return Err(coc_lint::i18n::Msg::new("baseline-bad-version")
                .arg("name", name.clone())
                .arg("version", parsed.version.to_string())
                .arg("reads", VERSION.to_string())
                .format(lang));
        }
        let mut left = BTreeMap::new();
        for e in parsed.findings {
            *left.entry((e.path, e.code, e.pointer)).or_insert(0) += e.count;
        }
        Ok(Baseline {
            file: file.to_path_buf(),
            paths: Paths::new(file),
            left,
            linted: BTreeSet::new(),
            matched: 0,
        })
    }

    /// Drop from `report` the findings the baseline still holds.
    pub(crate) fn filter(&mut self, report: &mut FileReport) {
        let path = self.paths.key(&report.path);
        if !self.linted.contains(&path) {
            self.linted.insert(path.clone());
        }
        if report.diagnostics.is_empty() {
            return;
        }
        let mut key = (path, String::new(), String::new());
        let sensitive = &report.sensitive;
        report.diagnostics.retain(|d| {
            if is_trouble(d) {
                return true;
            }
            key.1.clear();
            key.1.push_str(&d.code);
            key.2 = pointer(sensitive, d);
            match self.left.get_mut(&key) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    self.matched += 1;
                    false
                }
                _ => true,
            }
        });
    }

    /// The entries that matched nothing although their file was linted
    /// (or no longer exists): fixed findings.
    fn fixed(&self) -> impl Iterator<Item = (&Key, usize)> {
        let base = self.file.parent().unwrap_or(Path::new(""));
        self.left.iter().filter_map(move |(key, &n)| {
            let gone = || !base.join(&key.0).exists();
            (n > 0 && (self.linted.contains(&key.0) || gone())).then_some((key, n))
        })
    }

    /// One line for the summary: what the baseline left out, what is
    /// fixed.
    /// In `lang`.
    pub(crate) fn note(&self, out: &mut dyn Write, lang: Lang) -> io::Result<()> {
        let fixed: usize = self.fixed().map(|(_, n)| n).sum();
        let line = if fixed > 0 {
            tr(
                lang,
                "baseline-note-fixed",
                &[("n", Arg::from(self.matched)), ("fixed", Arg::from(fixed))],
            )
        } else {
            tr(lang, "baseline-note", &[("n", Arg::from(self.matched))])
        };
        writeln!(out, "{line}")
    }

    /// The fixed entries, one a line, on `err`.
    pub(crate) fn list_fixed(&self, err: &mut dyn Write, lang: Lang) -> io::Result<()> {
        let name = coc_lint::escape::escape(&self.file.to_string_lossy()).into_owned();
        let mut any = false;
        for ((path, code, pointer), n) in self.fixed() {
            if !any {
                writeln!(
                    err,
                    "{}",
                    tr(
                        lang,
                        "baseline-fixed-heading",
                        &[("name", Arg::from(&name))]
                    )
                )?;
                any = true;
            }
            let times = if n == 1 {
                String::new()
            } else {
                format!(" (x{n})")
            };
            let path = coc_lint::escape::escape(path);
            let pointer = coc_lint::escape::escape(pointer);
            writeln!(err, "  {path} {code} {pointer:?}{times}")?;
        }
        Ok(())
    }
}

/// `--write-baseline`: the findings of the run, counted by key.
#[derive(Debug)]
pub(crate) struct BaselineWriter {
    file: PathBuf,
    paths: Paths,
    found: BTreeMap<Key, usize>,
}

impl BaselineWriter {
    /// Record into `file` (written by [`BaselineWriter::write`]).
    pub(crate) fn new(file: &Path) -> BaselineWriter {
        BaselineWriter {
            file: file.to_path_buf(),
            paths: Paths::new(file),
            found: BTreeMap::new(),
        }
    }

    /// Count one file's findings in.
    pub(crate) fn record(&mut self, report: &FileReport) {
        if report.diagnostics.is_empty() {
            return;
        }
        let path = self.paths.key(&report.path);
        for d in report.diagnostics.iter().filter(|d| !is_trouble(d)) {
            let key = (
                path.clone(),
                d.code.to_string(),
                pointer(&report.sensitive, d),
            );
            *self.found.entry(key).or_insert(0) += 1;
        }
    }

    /// Write the file (atomically); the number of findings and entries.
    pub(crate) fn write(&self) -> io::Result<(usize, usize)> {
        let mut file = Atomic::create(&self.file)?;
        let out = file.writer();
        write!(out, "{{\n  \"version\": {VERSION},\n  \"findings\": [")?;
        for (i, ((path, code, pointer), &count)) in self.found.iter().enumerate() {
            out.write_all(if i == 0 { b"\n    " } else { b",\n    " })?;
            let entry = Entry {
                path: path.clone(),
                code: code.clone(),
                pointer: pointer.clone(),
                count,
            };
            coc_lint::report::write_json(out, &entry)?;
        }
        if !self.found.is_empty() {
            out.write_all(b"\n  ")?;
        }
        out.write_all(b"]\n}\n")?;
        file.commit()?;
        Ok((self.found.values().sum(), self.found.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_relative_to_the_baseline_with_slashes() {
        let paths = Paths {
            cwd: PathBuf::from("/repo/sub"),
            base: normalise(Path::new("/repo")),
        };
        assert_eq!(paths.key("a.json"), "sub/a.json");
        assert_eq!(paths.key("./x/../b.json"), "sub/b.json");
        assert_eq!(paths.key("../c.json"), "c.json");
        assert_eq!(paths.key("/elsewhere/d.json"), "../elsewhere/d.json");
        assert_eq!(paths.key("/repo/sub/e.json"), "sub/e.json");
    }
}
