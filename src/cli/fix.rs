//! `check --fix`, `--unsafe-fixes` and `--diff`: the library's fixes
//! ([`coc_lint::fix`]) applied to files, standard input and NDJSON streams.
//!
//! A file is rewritten only under `--fix`, only when a fix applied, and
//! atomically: the new content goes to a temporary file in the same folder,
//! takes the original's permissions (and owner, where allowed), is synced,
//! and replaces the original by a rename, after a last check that the
//! original still holds what was linted (a file changed by someone else in
//! the meantime is left alone and reported). Every byte outside the edits is
//! kept: the byte order mark, CRLF line endings, the trailing newline or its
//! absence. A file without write permission is not rewritten (even by
//! root). A symbolic link is followed: its target is fixed and the link
//! stays a link. Whatever goes wrong, the original is intact and no
//! temporary file is left.

use std::fs::{self, File};
use std::hash::Hasher;
use std::io::{self, BufRead, Read, Write};
use std::path::{Path, PathBuf};

use coc_lint::fix::Applicability;
use coc_lint::i18n::{format as tr, Arg, Lang};
use coc_lint::ndjson::Line;
use coc_lint::{FileReport, Linter, RuleId, Span};

/// The fixing options of `check`.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub(crate) struct FixArgs {
    /// Apply the safe fixes, rewriting files in place (atomically). With
    /// `-`, write the fixed document to standard output and the report to
    /// standard error.
    #[arg(long)]
    pub(crate) fix: bool,

    /// Count the unsafe fixes as fixable too: applied by `--fix`, shown by
    /// `--diff`, marked `[*]`.
    #[arg(long)]
    pub(crate) unsafe_fixes: bool,

    /// Print a unified diff of what `--fix` would change and write nothing;
    /// exit 1 when there would be changes, else 0.
    #[arg(long)]
    pub(crate) diff: bool,
}

impl FixArgs {
    /// The fixes that count as fixable.
    pub(crate) fn allowed(&self) -> Applicability {
        if self.unsafe_fixes {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        }
    }

    /// Whether fixes are applied (in place, or to a diff).
    pub(crate) fn active(&self) -> bool {
        self.fix || self.diff
    }

    /// Whether the fixed standard input goes to standard output (and the
    /// report to standard error).
    pub(crate) fn fixes_stdin(&self, paths: &[PathBuf]) -> bool {
        self.fix && !self.diff && paths.iter().any(|p| p.as_os_str() == "-")
    }
}

/// What fixing one input did.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// Fixes applied (or that would be, under `--diff`).
    pub(crate) fixed: usize,
    /// The diff to print (`--diff`).
    pub(crate) diff: Option<String>,
    /// The document to write to standard output (`--fix -`).
    pub(crate) stdout: Option<Vec<u8>>,
}

/// Counts over a run.
#[derive(Debug, Default)]
pub(crate) struct Tally {
    /// Fixes applied, or that would be.
    pub(crate) fixed: usize,
    /// Diagnostics left.
    pub(crate) remaining: usize,
    /// Diagnostics with a fix that counts as fixable.
    pub(crate) fixable: usize,
    /// Diagnostics with an unsafe fix not enabled.
    pub(crate) hidden: usize,
}

impl Tally {
    /// Count one report (and what fixing it did).
    pub(crate) fn add(&mut self, report: &FileReport, outcome: Option<&Outcome>, args: &FixArgs) {
        self.remaining += report.diagnostics.len();
        self.fixed += outcome.map_or(0, |o| o.fixed);
        for f in report.diagnostics.iter().filter_map(|d| d.fix.as_ref()) {
            if f.applicability <= args.allowed() {
                self.fixable += 1;
            } else {
                self.hidden += 1;
            }
        }
    }

    /// The lines closing a report: `Fixed N problems, M remaining.` after a
    /// fix, `Would fix ...` after a diff, else how many are fixable.
    /// In `lang`.
    pub(crate) fn lines(&self, args: &FixArgs, lang: Lang) -> Vec<String> {
        let mut lines = Vec::new();
        let counts = |id: &'static str, n: usize, remaining: usize| {
            tr(
                lang,
                id,
                &[("n", Arg::from(n)), ("remaining", Arg::from(remaining))],
            )
        };
        if args.diff {
            lines.push(counts("fix-would-fix", self.fixed, self.remaining));
        } else if args.fix {
            lines.push(counts("fix-fixed", self.fixed, self.remaining));
        } else if self.fixable > 0 {
            lines.push(tr(lang, "fix-fixable", &[("n", Arg::from(self.fixable))]));
        }
        if self.hidden > 0 && !args.diff {
            lines.push(tr(
                lang,
                "fix-more-unsafe",
                &[("n", Arg::from(self.hidden))],
            ));
        }
        lines
    }
}

/// Fix one file (a JSON document or an NDJSON stream) as `args` say:
/// the report of what is left, the bytes it points into, and what was done.
pub(crate) fn file(
    linter: &Linter,
    path: &Path,
    args: &FixArgs,
) -> (FileReport, Option<Vec<u8>>, Outcome) {
    if linter.options().ndjson || coc_lint::io::is_ndjson(path) {
        return stream_file(linter, path, args);
    }
    let (report, bytes) = linter.lint_path_with_source(path);
    let Some(bytes) = bytes else {
        return (report, None, Outcome::default());
    };
    let name = report.path.clone();
    let Some(fixed) = fix_document(linter, &name, &bytes, &report, args) else {
        return (report, Some(bytes), Outcome::default());
    };
    let mut outcome = Outcome {
        fixed: fixed.fixed,
        ..Outcome::default()
    };
    if args.diff {
        outcome.diff = Some(diff(&name, &bytes, &report, &fixed.text, &fixed.report));
        return (fixed.report, Some(fixed.text.into_bytes()), outcome);
    }
    let result = write_atomically(
        path,
        |target| same_bytes(target, &bytes),
        |out| out.write_all(fixed.text.as_bytes()),
    );
    match result {
        Ok(()) => (fixed.report, Some(fixed.text.into_bytes()), outcome),
        Err(e) => (
            not_fixed(linter, report, &name, &e),
            Some(bytes),
            Outcome::default(),
        ),
    }
}

/// Fix a document read from standard input: the fixed text goes to
/// standard output under `--fix` (the text as it was when nothing
/// applied), a diff under `--diff`.
pub(crate) fn stdin(
    linter: &Linter,
    report: FileReport,
    bytes: Option<Vec<u8>>,
    args: &FixArgs,
) -> (FileReport, Option<Vec<u8>>, Outcome) {
    let Some(bytes) = bytes else {
        return (report, None, Outcome::default());
    };
    if linter.options().ndjson {
        return stream_stdin(linter, report.path.clone(), &bytes, args);
    }
    let name = report.path.clone();
    match fix_document(linter, &name, &bytes, &report, args) {
        Some(fixed) => {
            let outcome = Outcome {
                fixed: fixed.fixed,
                diff: args
                    .diff
                    .then(|| diff(&name, &bytes, &report, &fixed.text, &fixed.report)),
                stdout: (!args.diff).then(|| fixed.text.clone().into_bytes()),
            };
            (fixed.report, Some(fixed.text.into_bytes()), outcome)
        }
        None => {
            let outcome = Outcome {
                stdout: (!args.diff).then(|| bytes.clone()),
                ..Outcome::default()
            };
            (report, Some(bytes), outcome)
        }
    }
}

/// The fixed document, when a fix applies and changes it.
fn fix_document(
    linter: &Linter,
    name: &str,
    bytes: &[u8],
    report: &FileReport,
    args: &FixArgs,
) -> Option<coc_lint::lint::Fixed> {
    report.fixes(args.allowed()).next()?;
    let text = std::str::from_utf8(bytes).ok()?;
    let fixed = linter.fix_source(name, text, args.allowed());
    (fixed.text != text).then_some(fixed)
}

/// The report of a file that could not be rewritten: what was found, and
/// an `io-error` saying why it is left as it was.
fn not_fixed(linter: &Linter, mut report: FileReport, name: &str, e: &io::Error) -> FileReport {
    let message = format!("cannot fix {name}: {e}; the file is left as it was");
    let failure = linter.failure(name, RuleId::IoError, message);
    report.diagnostics.extend(failure.diagnostics);
    report
}

// ---------------------------------------------------------------------------
// NDJSON streams.

/// Fix an NDJSON file line by line into a temporary file (or, for a diff,
/// into memory), then put it in place.
fn stream_file(
    linter: &Linter,
    path: &Path,
    args: &FixArgs,
) -> (FileReport, Option<Vec<u8>>, Outcome) {
    let name = path.to_string_lossy().into_owned();
    let reader = match linter.open_ndjson(path) {
        Ok(reader) => reader,
        Err(report) => return (report, None, Outcome::default()),
    };
    if args.diff {
        let mut original = Vec::new();
        let mut fixed = Vec::new();
        let (report, outcome) =
            match fix_stream(linter, &name, reader, &mut fixed, Some(&mut original), args) {
                Ok(done) => done,
                Err(report) => return (report, None, Outcome::default()),
            };
        let diff = (outcome.fixed > 0).then(|| {
            let before = linter.lint_ndjson(&name, &original[..]);
            diff(
                &name,
                &original,
                &before,
                &String::from_utf8_lossy(&fixed),
                &report,
            )
        });
        return (report, None, Outcome { diff, ..outcome });
    }
    drop(reader);
    // A first read lints the stream: a stream with nothing to fix is never
    // rewritten (nor is a read-only one complained about).
    let before = linter.lint_path(path);
    if before.fixes(args.allowed()).next().is_none() {
        return (before, None, Outcome::default());
    }
    let reader = match linter.open_ndjson(path) {
        Ok(reader) => reader,
        Err(report) => return (report, None, Outcome::default()),
    };
    let hash = std::cell::Cell::new(0u64);
    let mut result: Option<Result<(FileReport, Outcome), FileReport>> = None;
    let written = write_atomically(
        path,
        |target| Ok(hash_file(target)? == hash.get()),
        |out| {
            let mut hashing = HashingReader::new(reader);
            let done = fix_stream(linter, &name, &mut hashing, out, None, args);
            hash.set(hashing.finish());
            let stop = match &done {
                Ok((_, outcome)) => outcome.fixed == 0,
                Err(_) => true,
            };
            result = Some(done);
            if stop {
                return Err(io::Error::other(Unchanged));
            }
            Ok(())
        },
    );
    match (written, result) {
        (Ok(()), Some(Ok((report, outcome)))) => (report, None, outcome),
        (_, Some(Err(report))) => (report, None, Outcome::default()),
        (Err(e), Some(Ok((report, _)))) if e.get_ref().is_some_and(|i| i.is::<Unchanged>()) => {
            (report, None, Outcome::default())
        }
        (Err(e), _) => (
            not_fixed(linter, before, &name, &e),
            None,
            Outcome::default(),
        ),
        (Ok(()), None) => (before, None, Outcome::default()),
    }
}

/// Nothing to write: the temporary file is dropped, the original kept.
#[derive(Debug)]
struct Unchanged;

impl std::fmt::Display for Unchanged {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("nothing to fix")
    }
}

impl std::error::Error for Unchanged {}

/// Fix an NDJSON stream from standard input, in memory.
fn stream_stdin(
    linter: &Linter,
    name: String,
    bytes: &[u8],
    args: &FixArgs,
) -> (FileReport, Option<Vec<u8>>, Outcome) {
    let mut fixed = Vec::new();
    match fix_stream(linter, &name, bytes, &mut fixed, None, args) {
        Ok((report, mut outcome)) => {
            if args.diff {
                let before = linter.lint_ndjson(&name, bytes);
                let after = String::from_utf8_lossy(&fixed);
                outcome.diff =
                    (outcome.fixed > 0).then(|| diff(&name, bytes, &before, &after, &report));
            } else {
                outcome.stdout = Some(fixed);
            }
            (report, None, outcome)
        }
        Err(report) => (report, None, Outcome::default()),
    }
}

/// Copy an NDJSON stream from `reader` to `out` a line at a time, each
/// line fixed; blank lines and line endings are copied as they are. The
/// report holds what is left, with the output stream's offsets and lines.
/// A line over the size limit or a read error ends it with that report
/// (`Err`): nothing may be written then.
fn fix_stream<R: BufRead>(
    linter: &Linter,
    name: &str,
    mut reader: R,
    out: &mut dyn Write,
    mut copy: Option<&mut Vec<u8>>,
    args: &FixArgs,
) -> Result<(FileReport, Outcome), FileReport> {
    let limit = linter.options().max_file_size;
    let mut report = FileReport {
        path: name.to_owned(),
        kind: None,
        documents: 0,
        diagnostics: Vec::new(),
        sensitive: Vec::new(),
    };
    let mut outcome = Outcome::default();
    let (mut offset, mut index) = (0usize, 0usize);
    let mut chunk = Vec::new();
    loop {
        chunk.clear();
        let room = limit.saturating_add(3);
        let read = (&mut reader)
            .take(room)
            .read_until(b'\n', &mut chunk)
            .map_err(|e| {
                let message = format!("cannot read {name}: {}", coc_lint::io::describe_io(&e));
                linter.failure(name, RuleId::IoError, message)
            })?;
        if read == 0 {
            break;
        }
        if let Some(copy) = copy.as_deref_mut() {
            copy.extend_from_slice(&chunk);
        }
        let ending = if chunk.ends_with(b"\r\n") {
            2
        } else {
            usize::from(chunk.ends_with(b"\n"))
        };
        let content = &chunk[..chunk.len() - ending];
        if (ending == 0 && read as u64 == room) || content.len() as u64 > limit {
            let message = format!(
                "line {} of {name} is longer than the limit of {limit} bytes; not fixed",
                index + 1
            );
            return Err(linter.failure(name, RuleId::FileTooLarge, message));
        }
        let blank = content
            .iter()
            .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'));
        let mut line = Line {
            offset,
            index,
            bytes: content.to_vec(),
        };
        if !blank {
            let mut one = linter.lint_ndjson_line(name, &line);
            let text = std::str::from_utf8(content).ok();
            let fixable = one.fixes(args.allowed()).next().is_some();
            if let (Some(text), true) = (text, fixable) {
                let fixed = linter.fix_source(name, text, args.allowed());
                if fixed.fixed > 0 {
                    outcome.fixed += fixed.fixed;
                    line.bytes = fixed.text.into_bytes();
                    one = linter.lint_ndjson_line(name, &line);
                }
            }
            report.documents += 1;
            report.kind = one.kind;
            report.diagnostics.append(&mut one.diagnostics);
            report.sensitive.append(&mut one.sensitive);
        }
        out.write_all(&line.bytes)
            .and_then(|()| out.write_all(&chunk[chunk.len() - ending..]))
            .map_err(|e| {
                let message = format!("cannot fix {name}: {e}; the file is left as it was");
                linter.failure(name, RuleId::IoError, message)
            })?;
        offset += line.bytes.len() + ending;
        index += 1;
    }
    Ok((report, outcome))
}

/// A reader that hashes what passes through it (to tell, before the
/// rename, whether the file still holds what was fixed).
struct HashingReader<R> {
    inner: R,
    hasher: std::hash::DefaultHasher,
}

impl<R> HashingReader<R> {
    fn new(inner: R) -> Self {
        HashingReader {
            inner,
            hasher: std::hash::DefaultHasher::new(),
        }
    }

    fn finish(&self) -> u64 {
        self.hasher.finish()
    }
}

impl<R: BufRead> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.write(&buf[..n]);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for HashingReader<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        if let Ok(buf) = self.inner.fill_buf() {
            let n = amount.min(buf.len());
            self.hasher.write(&buf[..n]);
        }
        self.inner.consume(amount);
    }
}

/// The hash [`HashingReader`] gives of a whole file.
fn hash_file(path: &Path) -> io::Result<u64> {
    let mut reader = HashingReader::new(io::BufReader::new(File::open(path)?));
    io::copy(&mut reader, &mut io::sink())?;
    Ok(reader.finish())
}

/// Whether the file at `path` holds exactly `bytes`.
fn same_bytes(path: &Path, bytes: &[u8]) -> io::Result<bool> {
    let mut now = Vec::with_capacity(bytes.len());
    File::open(path)?
        .take(bytes.len() as u64 + 1)
        .read_to_end(&mut now)?;
    Ok(now == bytes)
}

// ---------------------------------------------------------------------------
// Writing.

/// Replace the file at `path` (the target, when it is a symbolic link) with
/// what `body` writes, atomically: a temporary file in the target's folder,
/// given the target's permissions (and owner, where allowed) and synced, is
/// renamed over it, after `unchanged` confirmed the target still holds what
/// was linted. On any error the target is untouched and the temporary file
/// removed.
pub(crate) fn write_atomically(
    path: &Path,
    unchanged: impl FnOnce(&Path) -> io::Result<bool>,
    body: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let target = fs::canonicalize(path)?;
    let meta = fs::metadata(&target)?;
    if meta.permissions().readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "it is read-only",
        ));
    }
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".coc-lint-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    {
        let mut out = io::BufWriter::new(temp.as_file_mut());
        body(&mut out)?;
        out.flush()?;
    }
    fs::set_permissions(temp.path(), meta.permissions())?;
    keep_owner(temp.as_file(), &meta);
    temp.as_file().sync_all()?;
    if !unchanged(&target)? {
        return Err(io::Error::other(
            "it changed while it was being fixed (run again)",
        ));
    }
    temp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// Give the new file the original's owner and group, where the system
/// allows it (a user can only give a file to themselves; root can give it
/// to anyone). Best effort: a file we may write is ours to write.
#[cfg(unix)]
fn keep_owner(file: &File, meta: &fs::Metadata) {
    use std::os::unix::fs::MetadataExt;
    let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
}

#[cfg(not(unix))]
fn keep_owner(_file: &File, _meta: &fs::Metadata) {}

// ---------------------------------------------------------------------------
// Diffs.

/// A unified diff of `before` and `after` (named `name`), with the secrets
/// of each masked (fixes never touch them, but context lines show them)
/// and every line escaped for the terminal.
fn diff(
    name: &str,
    before: &[u8],
    before_report: &FileReport,
    after: &str,
    after_report: &FileReport,
) -> String {
    let before = String::from_utf8_lossy(before);
    let old = masked(&before, &before_report.sensitive);
    let new = masked(after, &after_report.sensitive);
    let name = coc_lint::escape::escape(name);
    let text_diff = similar::TextDiff::from_lines(old.as_str(), new.as_str());
    let raw = text_diff
        .unified_diff()
        .context_radius(3)
        .header(&name, &name)
        .to_string();
    let mut out = String::with_capacity(raw.len());
    for line in raw.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        out.push_str(&coc_lint::escape::escape(body));
        out.push('\n');
    }
    out
}

/// `text` with every span of `secrets` shown as `"****"` (or `****` for a
/// value that is not a string).
fn masked(text: &str, secrets: &[Span]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for s in secrets {
        let (start, end) = (s.offset.max(at), s.end().min(text.len()));
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        out.push_str(&text[at..start]);
        out.push_str(if text[start..].starts_with('"') {
            "\"****\""
        } else {
            "****"
        });
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir() -> tempfile::TempDir {
        tempfile::tempdir().expect("a temporary folder")
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".coc-lint-"))
            .collect()
    }

    #[test]
    fn a_full_disk_leaves_the_original_and_no_temporary_file() {
        let dir = dir();
        let path = dir.path().join("p.json");
        fs::write(&path, "original").unwrap();
        // The body writes part of the file, then the disk is full.
        let err = write_atomically(
            &path,
            |_| Ok(true),
            |out| {
                out.write_all(b"half")?;
                Err(io::Error::new(
                    io::ErrorKind::StorageFull,
                    "no space left on device",
                ))
            },
        )
        .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::StorageFull);
        assert_eq!(fs::read_to_string(&path).unwrap(), "original");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_file_changed_before_the_rename_is_kept() {
        let dir = dir();
        let path = dir.path().join("p.json");
        fs::write(&path, "original").unwrap();
        let err = write_atomically(
            &path,
            |target| {
                // Someone else writes the file while it is being fixed.
                fs::write(target, "theirs")?;
                same_bytes(target, b"original")
            },
            |out| out.write_all(b"fixed"),
        )
        .unwrap_err();
        assert!(err.to_string().contains("changed while"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "theirs");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept_and_links_stay_links() {
        use std::os::unix::fs::PermissionsExt;
        let dir = dir();
        let target = dir.path().join("target.json");
        fs::write(&target, "old").unwrap();
        fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        write_atomically(
            &link,
            |t| same_bytes(t, b"old"),
            |out| out.write_all(b"new"),
        )
        .unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        let mode = fs::metadata(&target).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn masks_hide_secrets_in_diffs() {
        let text = r#"{"param_value": "hunter2", "n": 1}"#;
        let secrets = [Span::new(16, 25)];
        assert_eq!(masked(text, &secrets), r#"{"param_value": "****", "n": 1}"#);
    }

    #[test]
    fn hashing_reader_sees_every_byte_once() {
        let data = b"{\"a\":1}\n{\"b\":2}\r\n\n".repeat(100);
        let mut reader = HashingReader::new(io::BufReader::with_capacity(7, &data[..]));
        let mut line = Vec::new();
        while reader.read_until(b'\n', &mut line).unwrap() > 0 {}
        let mut whole = std::hash::DefaultHasher::new();
        whole.write(&data);
        assert_eq!(reader.finish(), whole.finish());
        let mut other = HashingReader::new(&data[..]);
        io::copy(&mut other, &mut io::sink()).unwrap();
        assert_eq!(reader.finish(), other.finish());
    }
}
