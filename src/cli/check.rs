//! `coc-lint check`: find the inputs, lint them in parallel, report them in
//! order.
//!
//! Work flows through three stages joined by bounded channels: a *source*
//! thread walks the paths and splits NDJSON streams into lines, a *lint*
//! thread has the pool lint each batch, and the calling thread writes the
//! reports in input order. Reading, linting and writing overlap, and memory
//! holds a few batches whatever the number of files or the size of a
//! stream. When the writer stops early (a closed pipe), the dropped channels
//! stop the other two stages. With `-j1`, or on plain files given as
//! arguments (a pre-commit hook), the same batches run in turn on the calling
//! thread, and a run on one file starts no thread at all.

use std::collections::HashSet;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};

use coc_lint::io::{cannot_read, is_ndjson};
use coc_lint::ndjson::Line;
use coc_lint::policy::{ConfigError, Policy, Resolver, UnknownFiles};
use coc_lint::report::{Reporter, Summary};
use coc_lint::{Diagnostic, FileReport, LintOptions, Linter, RuleId};
use rayon::prelude::*;

use super::fix;
use super::{CheckArgs, Color, Format, LintArgs, EXIT_TROUBLE};

/// How many inputs (files or NDJSON lines) are linted together: enough to
/// keep every thread busy, few enough that memory stays small.
const BATCH: usize = 512;

/// One unit of work, with the policy that applies to it.
enum Input {
    /// A JSON document on standard input.
    Stdin(Arc<Policy>),
    /// A JSON file, and whether a directory walk found it (rather than the
    /// command line naming it).
    File(PathBuf, Arc<Policy>, bool),
    /// An NDJSON stream starts (it counts as one file).
    StreamStart,
    /// One line of an NDJSON stream, or the fault that ended it.
    Line(Arc<str>, Arc<Policy>, Result<Line, Diagnostic>),
    /// A path that could not even be listed or opened: already a report.
    Failed(FileReport),
    /// A configuration file met on a walk that cannot be understood:
    /// already a report, with the file's text to show.
    Config(FileReport, Option<Vec<u8>>),
}

/// The result of one unit of work.
struct Linted {
    report: Option<FileReport>,
    /// The linted bytes, when the human report will show snippets.
    source: Option<Vec<u8>>,
    /// Whether this unit is a file of its own (not a line of a stream).
    counts_as_file: bool,
    /// What `--fix` or `--diff` did to it.
    fixed: Option<fix::Outcome>,
}

pub(crate) fn run(args: &CheckArgs, out: &mut dyn Write) -> io::Result<u8> {
    let options = options(&args.lint, args.ndjson);
    // A report written to `--output-file` has no colour unless forced.
    let color = match (args.lint.color, &args.ci.output_file) {
        (Color::Auto, Some(_)) => Color::Never,
        (color, _) => color,
    };
    let mut reporter = super::format::reporter_for(args.lint.format, color, args.fix.unsafe_fixes);
    // Nothing is linted against a half-understood policy: the options and
    // the configuration of every path named are read first.
    let resolver = match Resolver::new(args.config.discovery(), options, &args.config.overrides()) {
        Ok(resolver) => Arc::new(resolver),
        Err(e) => return config_failure(&e, reporter.as_mut(), out),
    };
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    // Each path is looked at once: whether it is a directory decides both
    // the walk and whether the pipeline is worth its threads.
    let mut named = Vec::with_capacity(paths.len());
    for p in paths {
        let stdin = p.as_os_str() == "-";
        let dir = !stdin && p.is_dir();
        let at = if stdin {
            Path::new(&args.stdin_filename)
        } else {
            &p
        };
        match resolver.policy(at, dir) {
            Ok(policy) => named.push((p, dir, policy)),
            Err(e) => return config_failure(&e, reporter.as_mut(), out),
        }
    }
    let skipped = AtomicUsize::new(0);
    let mut ci =
        match super::ci::Run::new(&args.ci, args.lint.format, super::format::terminal_width()) {
            Ok(ci) => ci,
            Err(message) => {
                eprintln!("coc-lint: {message}");
                return Ok(EXIT_TROUBLE);
            }
        };
    let mut out = ci.output(out)?;
    let mut stage = Stage {
        stdin_name: &args.stdin_filename,
        keep_source: reporter.wants_source() && ci.show_source() && ci.reports_files(),
        jobs: args.jobs,
        threads: std::sync::OnceLock::new(),
        pool: None,
        skipped: &skipped,
        fix: args.fix,
    };
    // `--fix -`: the fixed document goes to standard output, the report to
    // standard error; `--diff`: the diffs only.
    let (fixes_stdin, diff_only) = (args.fix.fixes_stdin(&args.paths), args.fix.diff);
    let mut tally = fix::Tally::default();

    let mut summary = Summary::default();
    let mut trouble = false;
    let mut write = |results: Vec<Linted>| -> io::Result<()> {
        for mut linted in results {
            summary.files += usize::from(linted.counts_as_file);
            let Some(report) = &mut linted.report else {
                continue;
            };
            trouble |= report.unreadable();
            // What the baseline holds is neither reported nor offered for
            // fixing; what is left is counted and recorded.
            ci.keep(report);
            tally.add(report, linted.fixed.as_ref(), &args.fix);
            summary.add_diagnostics(report);
            let fixed = linted.fixed.take().unwrap_or_default();
            if let Some(diff) = &fixed.diff {
                out.write_all(diff.as_bytes())?;
            }
            if !diff_only && ci.reports_files() {
                let to: &mut dyn Write = if fixes_stdin {
                    &mut io::stderr()
                } else {
                    &mut out
                };
                reporter.file(to, report, linted.source.as_deref())?;
            }
            if let Some(document) = &fixed.stdout {
                out.write_all(document)?;
            }
        }
        Ok(())
    };

    let streamed = |p: &Path| args.ndjson || (p.as_os_str() != "-" && is_ndjson(p));
    let config_errors = Mutex::new(HashSet::new());
    let source = Source {
        resolver: &resolver,
        stdin_name: &args.stdin_filename,
        follow_links: args.follow_links,
        whole_streams: args.fix.active(),
        config_errors: &config_errors,
    };
    let paths = &named;
    if paths.iter().any(|(p, dir, _)| *dir || streamed(p)) && threads(args.jobs) > 1 {
        std::thread::scope(|scope| -> io::Result<()> {
            let (input_tx, input_rx) = sync_channel::<Vec<Input>>(2);
            let (result_tx, result_rx) = sync_channel::<Vec<Linted>>(2);
            scope.spawn(move || {
                let mut batch = Vec::with_capacity(BATCH);
                for input in paths
                    .iter()
                    .flat_map(|(p, dir, policy)| source.inputs(p, *dir, policy))
                {
                    batch.push(input);
                    if batch.len() == BATCH {
                        let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                        if input_tx.send(full).is_err() {
                            return;
                        }
                    }
                }
                if !batch.is_empty() {
                    let _ = input_tx.send(batch);
                }
            });
            let stage = &mut stage;
            scope.spawn(move || {
                for batch in input_rx {
                    if result_tx.send(stage.lint(batch)).is_err() {
                        return;
                    }
                }
            });
            result_rx.into_iter().try_for_each(&mut write)
        })?;
    } else {
        // One thread (`-j1`), or plain files: the same batches, in turn.
        let mut inputs = paths
            .iter()
            .flat_map(|(p, dir, policy)| source.inputs(p, *dir, policy));
        loop {
            let batch: Vec<Input> = inputs.by_ref().take(BATCH).collect();
            if batch.is_empty() {
                break;
            }
            write(stage.lint(batch))?;
        }
    }

    // Ignores that matched nothing, in the configuration files whose whole
    // scope the run walked (a run on a few files says nothing about them,
    // nor does a run that left out the files under a faulty configuration).
    let complete = config_errors
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .is_empty();
    let walked: Vec<PathBuf> = named
        .iter()
        .filter(|(_, dir, _)| *dir && complete)
        .map(|(p, _, _)| resolver.absolute(p))
        .collect();
    for (mut report, text) in coc_lint::policy::unused_ignores(&resolver.policies()) {
        let file = resolver.absolute(Path::new(&report.path));
        if !walked
            .iter()
            .any(|root| file.parent().is_some_and(|dir| dir.starts_with(root)))
        {
            continue;
        }
        report.path = shown_path(&resolver, &report.path);
        ci.keep(&mut report);
        summary.add_diagnostics(&report);
        if ci.reports_files() {
            reporter.file(&mut out, &report, Some(&text))?;
        }
    }
    let lang = super::lang::here();
    let skipped = skipped.load(Ordering::Relaxed);
    if skipped > 0 {
        let _ = writeln!(
            io::stderr(),
            "{}",
            coc_lint::i18n::format(
                lang,
                "note-skipped-unknown",
                &[("n", coc_lint::i18n::Arg::from(skipped))]
            )
        );
    }
    let fix_lines = tally.lines(&args.fix, lang);
    if diff_only || fixes_stdin {
        // Standard output holds the diffs, or the fixed document; the
        // report of `--fix -` goes to standard error.
        if fixes_stdin {
            reporter.finish(&mut io::stderr(), &summary)?;
        }
        out.flush()?;
        for line in fix_lines.iter().filter(|_| args.fix.active()) {
            eprintln!("{line}");
        }
        return Ok(if trouble {
            EXIT_TROUBLE
        } else if diff_only {
            u8::from(tally.fixed > 0)
        } else {
            ci.exit_code(trouble, &summary)
        });
    }
    if matches!(args.lint.format, Format::Human | Format::Concise)
        && ci.reports_files()
        && !args.ci.quiet
    {
        // Before the summary, which stays the report's last line.
        for line in &fix_lines {
            writeln!(out, "{line}")?;
        }
    } else {
        // A report for tools (JSON, SARIF, JUnit, ...), statistics or a
        // baseline: a line of prose would break it.
        for line in fix_lines.iter().filter(|_| args.fix.active()) {
            eprintln!("{line}");
        }
    }
    ci.finish(&mut *reporter, out, &summary)?;
    Ok(ci.exit_code(trouble, &summary))
}

/// A configuration that cannot be understood ends the run before anything
/// is linted: its fault is reported like a diagnostic, in the chosen format,
/// and the exit code is 2.
pub(crate) fn config_failure(
    e: &ConfigError,
    reporter: &mut dyn Reporter,
    out: &mut dyn Write,
) -> io::Result<u8> {
    let (mut report, source) = e.report_in(super::lang::of_config_error(e));
    if let Ok(cwd) = std::env::current_dir() {
        if let Ok(rest) = Path::new(&report.path).strip_prefix(&cwd) {
            report.path = rest.display().to_string();
        }
    }
    let mut summary = Summary::default();
    summary.add_diagnostics(&report);
    reporter.file(out, &report, source.as_deref())?;
    reporter.finish(out, &summary)?;
    Ok(EXIT_TROUBLE)
}

/// A configuration file's path as reports show it: relative to the working
/// directory when it is under it.
fn shown_path(resolver: &Resolver, path: &str) -> String {
    let abs = resolver.absolute(Path::new(path));
    match abs.strip_prefix(resolver.cwd()) {
        Ok(rest) if !rest.as_os_str().is_empty() => rest.display().to_string(),
        _ => path.to_owned(),
    }
}

/// The lint options the command line asks for (`check` and `fetch`).
pub(crate) fn options(args: &LintArgs, ndjson: bool) -> LintOptions {
    LintOptions {
        kind: args.kind,
        max_depth: usize::from(args.max_depth),
        max_file_size: args.max_file_size,
        ndjson,
        // Each policy turns it on (`allow-comments`, or `--allow-comments`,
        // which reaches every policy as a command-line override).
        allow_comments: false,
        // `COC_LINT_LANG`; a policy's `lang`, then `--lang` (an override),
        // win over it.
        lang: super::lang::env(),
    }
}

/// The reporter the command line asks for (`check` and `fetch`).
/// `unsafe_fixes`: whether unsafe fixes count as fixable (`--unsafe-fixes`).
pub(crate) fn reporter(args: &LintArgs, unsafe_fixes: bool) -> Box<dyn Reporter> {
    super::format::reporter_for(args.format, args.color, unsafe_fixes)
}

/// The number of threads: `-j`, or one per core. Asking the system for the
/// cores reads cgroup files, so a run on one file never asks.
fn threads(requested: Option<usize>) -> usize {
    requested
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1)
}

/// The linting stage: lints a batch of inputs, in parallel when there is
/// more than one, keeping their order.
struct Stage<'a> {
    stdin_name: &'a str,
    keep_source: bool,
    /// `-j`, resolved (with [`threads`]) only when there is more than one
    /// input to share out.
    jobs: Option<usize>,
    threads: std::sync::OnceLock<usize>,
    /// Started on the first batch of more than one input: a pre-commit hook
    /// on one file pays nothing for threads.
    pool: Option<Option<rayon::ThreadPool>>,
    /// Walked files left out as no COC document (`unknown-files = "skip"`).
    skipped: &'a AtomicUsize,
    /// `--fix`, `--unsafe-fixes`, `--diff`.
    fix: fix::FixArgs,
}

impl Stage<'_> {
    fn lint(&mut self, batch: Vec<Input>) -> Vec<Linted> {
        let parallel = batch.len() > 1 && *self.threads.get_or_init(|| threads(self.jobs)) > 1;
        if parallel && self.pool.is_none() {
            let built = rayon::ThreadPoolBuilder::new()
                .num_threads(*self.threads.get_or_init(|| threads(self.jobs)))
                .build()
                .ok();
            self.pool = Some(built);
        }
        let pool = self
            .pool
            .as_ref()
            .and_then(Option::as_ref)
            .filter(|_| parallel);
        let this = &*self;
        match pool {
            Some(pool) => pool.install(|| batch.into_par_iter().map(|i| this.one(i)).collect()),
            None => batch.into_iter().map(|i| this.one(i)).collect(),
        }
    }

    fn one(&self, input: Input) -> Linted {
        let file = |report: FileReport, source: Option<Vec<u8>>| {
            let source = source.filter(|_| self.keep_source && !report.diagnostics.is_empty());
            Linted {
                report: Some(report),
                source,
                counts_as_file: true,
                fixed: None,
            }
        };
        match input {
            Input::Stdin(policy) if self.fix.active() => {
                let (report, source) = lint_stdin(policy.linter(), self.stdin_name);
                let (report, source, outcome) =
                    fix::stdin(policy.linter(), report, source, &self.fix);
                Linted {
                    fixed: Some(outcome),
                    ..file(report, source)
                }
            }
            Input::Stdin(policy) => {
                let (report, source) = lint_stdin(policy.linter(), self.stdin_name);
                file(report, source)
            }
            Input::File(path, policy, walked) => {
                let (report, source, outcome) = if self.fix.active() {
                    let (report, source, outcome) = fix::file(policy.linter(), &path, &self.fix);
                    (report, source, Some(outcome))
                } else {
                    let (report, source) = policy.linter().lint_path_with_source(&path);
                    (report, source, None)
                };
                if walked
                    && policy.walk().unknown_files == UnknownFiles::Skip
                    && report
                        .diagnostics
                        .iter()
                        .any(|d| d.code == RuleId::UnknownDocumentKind.code())
                {
                    self.skipped.fetch_add(1, Ordering::Relaxed);
                    return Linted {
                        report: None,
                        source: None,
                        counts_as_file: false,
                        fixed: None,
                    };
                }
                Linted {
                    fixed: outcome,
                    ..file(report, source)
                }
            }
            Input::Failed(report) => file(report, None),
            Input::Config(report, source) => Linted {
                report: Some(report),
                source,
                counts_as_file: false,
                fixed: None,
            },
            Input::StreamStart => Linted {
                report: None,
                source: None,
                counts_as_file: true,
                fixed: None,
            },
            Input::Line(name, policy, line) => {
                let report = match line {
                    Ok(line) => policy.linter().lint_ndjson_line(&name, &line),
                    Err(d) => FileReport::single(&name, d),
                };
                Linted {
                    report: Some(report),
                    source: None,
                    counts_as_file: false,
                    fixed: None,
                }
            }
        }
    }
}

fn lint_stdin(linter: &Linter, name: &str) -> (FileReport, Option<Vec<u8>>) {
    let limit = linter.options().max_file_size;
    let mut bytes = Vec::new();
    if let Err(e) = io::stdin()
        .lock()
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        let message = format!("cannot read standard input: {e}");
        return (linter.failure(name, RuleId::IoError, message), None);
    }
    if bytes.len() as u64 > limit {
        let message = format!("standard input is more than the limit of {limit} bytes");
        return (linter.failure(name, RuleId::FileTooLarge, message), None);
    }
    (linter.lint_bytes(name, &bytes), Some(bytes))
}

/// The source stage: what each command-line path stands for.
#[derive(Clone, Copy)]
struct Source<'a> {
    resolver: &'a Arc<Resolver>,
    stdin_name: &'a str,
    /// `--follow-links`: enter symbolic links to directories.
    follow_links: bool,
    /// The configuration files already reported as faulty (once each).
    config_errors: &'a Mutex<HashSet<PathBuf>>,
    /// `--fix`, `--diff`: an NDJSON stream is one input, fixed whole.
    whole_streams: bool,
}

impl<'a> Source<'a> {
    /// The inputs one command-line path stands for, in a stable order.
    fn inputs(
        self,
        path: &'a Path,
        is_dir: bool,
        policy: &'a Arc<Policy>,
    ) -> Box<dyn Iterator<Item = Input> + 'a> {
        let linter = policy.linter();
        if path.as_os_str() == "-" {
            return if linter.options().ndjson && !self.whole_streams {
                let lines = linter.ndjson_lines(self.stdin_name, io::stdin().lock());
                stream(Arc::from(self.stdin_name), policy.clone(), lines)
            } else {
                Box::new(std::iter::once(Input::Stdin(policy.clone())))
            };
        }
        if !is_dir {
            // Files, FIFOs, devices and missing paths: the linter reports them.
            return self.file(path.to_path_buf(), policy.clone(), false);
        }
        // Paths in messages are walked from `path` as the user wrote it, so
        // they are relative whenever it is (loop ancestors too). The walk
        // honours `.gitignore` files (also outside a git repository, and
        // those above `path`) unless the policy of `path` says otherwise;
        // `exclude` and `include` are the policy of each folder's.
        let respect = policy.walk().respect_gitignore;
        let resolver = Arc::clone(self.resolver);
        let walk = ignore::WalkBuilder::new(path)
            .standard_filters(false)
            .hidden(true)
            .parents(true)
            .git_ignore(respect)
            .git_global(respect)
            .git_exclude(respect)
            .require_git(false)
            .follow_links(self.follow_links)
            .sort_by_file_name(|a, b| a.cmp(b))
            .filter_entry(move |e| e.depth() == 0 || !excluded(&resolver, e.path()))
            .build();
        let found = std::rc::Rc::new(std::cell::Cell::new(0usize));
        let counted = found.clone();
        let inputs = walk
            .flat_map(move |entry| -> Box<dyn Iterator<Item = Input> + 'a> {
                match entry {
                    Ok(e) if e.file_type().is_none_or(|t| t.is_dir()) => {
                        Box::new(std::iter::empty())
                    }
                    // Not following links, a link to a directory is not
                    // entered; a link to a file is read (a dangling one is
                    // reported as missing, as a missing argument is).
                    Ok(e)
                        if e.path_is_symlink()
                            && std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir()) =>
                    {
                        Box::new(std::iter::empty())
                    }
                    Ok(e) => self.walked(e.into_path()),
                    Err(e) => Box::new(std::iter::once(walk_error(linter, &e))),
                }
            })
            .inspect(move |_| counted.set(counted.get() + 1));
        // Said once the walk is over: a mistyped CI path must not pass
        // silently (the exit code is unchanged, as in ruff).
        let empty_note = std::iter::from_fn(move || {
            if found.get() == 0 {
                eprintln!(
                    "warning: no JSON files (*.json, *.ndjson, *.jsonl) found under {}",
                    path.display()
                );
            }
            None
        });
        Box::new(inputs.chain(empty_note))
    }

    /// A file a walk met: linted under its own folder's policy when that
    /// policy's `include` takes it. A configuration that cannot be
    /// understood is reported once, and no file under it is linted.
    fn walked(self, path: PathBuf) -> Box<dyn Iterator<Item = Input> + 'a> {
        let policy = match self.resolver.policy(&path, false) {
            Ok(policy) => policy,
            Err(e) => {
                let mut seen = self.config_errors.lock().unwrap_or_else(|e| e.into_inner());
                if !seen.insert(e.path.clone()) {
                    return Box::new(std::iter::empty());
                }
                let (mut report, text) = e.report_in(super::lang::of_config_error(&e));
                report.path = shown_path(self.resolver, &report.path);
                return Box::new(std::iter::once(Input::Config(report, text)));
            }
        };
        // `exclude` was asked of the same policy as the walk met the file.
        if !policy.walk().included(&self.resolver.absolute(&path)) {
            return Box::new(std::iter::empty());
        }
        self.file(path, policy, true)
    }

    /// A file: one input, or the lines of an NDJSON stream.
    fn file(
        self,
        path: PathBuf,
        policy: Arc<Policy>,
        walked: bool,
    ) -> Box<dyn Iterator<Item = Input> + 'a> {
        let linter = policy.linter();
        if self.whole_streams || !(linter.options().ndjson || is_ndjson(&path)) {
            return Box::new(std::iter::once(Input::File(path, policy, walked)));
        }
        let name: Arc<str> = Arc::from(path.to_string_lossy());
        match linter.open_ndjson(&path) {
            Ok(reader) => {
                let lines = linter.ndjson_lines(&name, reader);
                stream(name.clone(), policy, lines)
            }
            Err(report) => Box::new(std::iter::once(Input::Failed(report))),
        }
    }
}

/// Whether the policy of the folder holding `path` excludes it from walks
/// (a folder's own configuration does not decide whether it is walked). A
/// configuration that cannot be read excludes nothing: the files under it
/// report it.
fn excluded(resolver: &Resolver, path: &Path) -> bool {
    let abs = resolver.absolute(path);
    let Some(parent) = abs.parent() else {
        return false;
    };
    resolver
        .policy(parent, true)
        .is_ok_and(|p| p.walk().excludes(&abs))
}

/// The inputs of one NDJSON stream: its start, then its lines.
fn stream<'a, R: io::BufRead + 'a>(
    name: Arc<str>,
    policy: Arc<Policy>,
    lines: coc_lint::ndjson::Lines<R>,
) -> Box<dyn Iterator<Item = Input> + 'a> {
    Box::new(
        std::iter::once(Input::StreamStart)
            .chain(lines.map(move |line| Input::Line(name.clone(), policy.clone(), line))),
    )
}

fn walk_error(linter: &Linter, e: &ignore::Error) -> Input {
    /// The path an error is about, and the error itself.
    fn unwrap(e: &ignore::Error) -> (Option<&Path>, &ignore::Error) {
        match e {
            ignore::Error::WithPath { path, err } => (Some(path), unwrap(err).1),
            ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
                unwrap(err)
            }
            other => (None, other),
        }
    }
    let (path, inner) = unwrap(e);
    let message_and_name = match inner {
        ignore::Error::Loop { ancestor, child } => {
            let name = child.to_string_lossy().into_owned();
            let message = format!(
                "{name} is a symbolic link loop back to {}; skipped",
                ancestor.display()
            );
            (message, name)
        }
        ignore::Error::Io(io) => {
            let name = path
                .unwrap_or(Path::new("?"))
                .to_string_lossy()
                .into_owned();
            (cannot_read(&name, io), name)
        }
        other => {
            let name = path
                .unwrap_or(Path::new("?"))
                .to_string_lossy()
                .into_owned();
            (format!("cannot read {name}: {other}"), name)
        }
    };
    let (message, name) = message_and_name;
    Input::Failed(linter.failure(&name, RuleId::IoError, message))
}
