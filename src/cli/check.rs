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

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::sync_channel;
use std::sync::Arc;

use coc_lint::io::{cannot_read, is_ndjson};
use coc_lint::ndjson::Line;
use coc_lint::report::human::HumanReporter;
use coc_lint::report::json::JsonReporter;
use coc_lint::report::{Reporter, Summary};
use coc_lint::{Diagnostic, FileReport, LintOptions, Linter, RuleId};
use rayon::prelude::*;
use walkdir::WalkDir;

use super::fix;
use super::{CheckArgs, Color, Format, EXIT_ERRORS, EXIT_TROUBLE};

/// How many inputs (files or NDJSON lines) are linted together: enough to
/// keep every thread busy, few enough that memory stays small.
const BATCH: usize = 512;

/// One unit of work.
enum Input {
    /// A JSON document on standard input.
    Stdin,
    /// A JSON file.
    File(PathBuf),
    /// An NDJSON stream starts (it counts as one file).
    StreamStart,
    /// One line of an NDJSON stream, or the fault that ended it.
    Line(Arc<str>, Result<Line, Diagnostic>),
    /// A path that could not even be listed or opened: already a report.
    Failed(FileReport),
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
    let linter = Linter::with_options(LintOptions {
        kind: args.kind,
        max_depth: usize::from(args.max_depth),
        max_file_size: args.max_file_size,
        ndjson: args.ndjson,
    });
    let mut reporter: Box<dyn Reporter> = match args.format {
        Format::Json => Box::new(JsonReporter::new()),
        Format::Human => {
            let color = match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            Box::new(
                HumanReporter::new(color, terminal_width()).unsafe_fixes(args.fix.unsafe_fixes),
            )
        }
    };
    let mut stage = Stage {
        linter: &linter,
        stdin_name: &args.stdin_filename,
        keep_source: reporter.wants_source(),
        jobs: args.jobs,
        threads: std::sync::OnceLock::new(),
        pool: None,
        fix: args.fix,
    };
    // `--fix -`: the fixed document goes to standard output, the report to
    // standard error; `--diff`: the diffs only.
    let (fixes_stdin, diff_only) = (args.fix.fixes_stdin(&args.paths), args.fix.diff);
    let mut tally = fix::Tally::default();

    let mut summary = Summary::default();
    let mut trouble = false;
    let mut write = |results: Vec<Linted>| -> io::Result<()> {
        for linted in results {
            summary.files += usize::from(linted.counts_as_file);
            let Some(report) = &linted.report else {
                continue;
            };
            summary.add_diagnostics(report);
            trouble |= report.unreadable();
            tally.add(report, linted.fixed.as_ref(), &args.fix);
            let fixed = linted.fixed.unwrap_or_default();
            if let Some(diff) = &fixed.diff {
                out.write_all(diff.as_bytes())?;
            }
            if !diff_only {
                let to: &mut dyn Write = if fixes_stdin {
                    &mut io::stderr()
                } else {
                    &mut *out
                };
                reporter.file(to, report, linted.source.as_deref())?;
            }
            if let Some(document) = &fixed.stdout {
                out.write_all(document)?;
            }
        }
        Ok(())
    };

    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    // Each path is looked at once: whether it is a directory decides both
    // the walk and whether the pipeline is worth its threads.
    let paths: Vec<(PathBuf, bool)> = paths
        .into_iter()
        .map(|p| {
            let dir = p.as_os_str() != "-" && p.is_dir();
            (p, dir)
        })
        .collect();
    let streamed = |p: &Path| args.ndjson || (p.as_os_str() != "-" && is_ndjson(p));
    let source = Source {
        linter: &linter,
        stdin_name: &args.stdin_filename,
        follow_links: args.follow_links,
        whole_streams: args.fix.active(),
    };
    if paths.iter().any(|(p, dir)| *dir || streamed(p)) && threads(args.jobs) > 1 {
        std::thread::scope(|scope| -> io::Result<()> {
            let (input_tx, input_rx) = sync_channel::<Vec<Input>>(2);
            let (result_tx, result_rx) = sync_channel::<Vec<Linted>>(2);
            scope.spawn(move || {
                let mut batch = Vec::with_capacity(BATCH);
                for input in paths.iter().flat_map(|(p, dir)| source.inputs(p, *dir)) {
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
        let mut inputs = paths.iter().flat_map(|(p, dir)| source.inputs(p, *dir));
        loop {
            let batch: Vec<Input> = inputs.by_ref().take(BATCH).collect();
            if batch.is_empty() {
                break;
            }
            write(stage.lint(batch))?;
        }
    }

    let fix_lines = tally.lines(&args.fix);
    if diff_only || fixes_stdin || args.format == Format::Json {
        // Standard output holds a diff, a document or one JSON object.
        if !diff_only {
            let to: &mut dyn Write = if fixes_stdin {
                &mut io::stderr()
            } else {
                &mut *out
            };
            reporter.finish(to, &summary)?;
        }
        for line in fix_lines.iter().filter(|_| args.fix.active()) {
            eprintln!("{line}");
        }
    } else {
        // Before the summary, which stays the report's last line.
        for line in &fix_lines {
            writeln!(out, "{line}")?;
        }
        reporter.finish(out, &summary)?;
    }
    Ok(if trouble {
        EXIT_TROUBLE
    } else if diff_only {
        u8::from(tally.fixed > 0)
    } else if summary.errors > 0 {
        EXIT_ERRORS
    } else {
        0
    })
}

/// The width to fit the human report in: the terminal's (standard output),
/// else `COLUMNS`, else 100.
fn terminal_width() -> usize {
    if let Some((terminal_size::Width(w), _)) = terminal_size::terminal_size() {
        if w > 0 {
            return usize::from(w);
        }
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
        .unwrap_or(100)
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
    linter: &'a Linter,
    stdin_name: &'a str,
    keep_source: bool,
    /// `-j`, resolved (with [`threads`]) only when there is more than one
    /// input to share out.
    jobs: Option<usize>,
    threads: std::sync::OnceLock<usize>,
    /// Started on the first batch of more than one input: a pre-commit hook
    /// on one file pays nothing for threads.
    pool: Option<Option<rayon::ThreadPool>>,
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
        let fixed = |(report, source, outcome)| Linted {
            fixed: Some(outcome),
            ..file(report, source)
        };
        match input {
            Input::Stdin if self.fix.active() => {
                let (report, source) = lint_stdin(self.linter, self.stdin_name);
                fixed(fix::stdin(self.linter, report, source, &self.fix))
            }
            Input::File(path) if self.fix.active() => {
                fixed(fix::file(self.linter, &path, &self.fix))
            }
            Input::Stdin => {
                let (report, source) = lint_stdin(self.linter, self.stdin_name);
                file(report, source)
            }
            Input::File(path) => {
                let (report, source) = self.linter.lint_path_with_source(&path);
                file(report, source)
            }
            Input::Failed(report) => file(report, None),
            Input::StreamStart => Linted {
                report: None,
                source: None,
                counts_as_file: true,
                fixed: None,
            },
            Input::Line(name, line) => {
                let report = match line {
                    Ok(line) => self.linter.lint_ndjson_line(&name, &line),
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
    linter: &'a Linter,
    stdin_name: &'a str,
    /// `--follow-links`: enter symbolic links to directories.
    follow_links: bool,
    /// `--fix`, `--diff`: an NDJSON stream is one input, fixed whole.
    whole_streams: bool,
}

impl<'a> Source<'a> {
    /// The inputs one command-line path stands for, in a stable order.
    fn inputs(self, path: &'a Path, is_dir: bool) -> Box<dyn Iterator<Item = Input> + 'a> {
        let ndjson = self.linter.options().ndjson;
        if path.as_os_str() == "-" {
            return if ndjson && !self.whole_streams {
                let lines = self
                    .linter
                    .ndjson_lines(self.stdin_name, io::stdin().lock());
                stream(Arc::from(self.stdin_name), lines)
            } else {
                Box::new(std::iter::once(Input::Stdin))
            };
        }
        if !is_dir {
            // Files, FIFOs, devices and missing paths: the linter reports them.
            return self.file(path.to_path_buf());
        }
        // Paths in messages are walked from `path` as the user wrote it, so
        // they are relative whenever it is (walkdir's loop ancestors too).
        let walk = WalkDir::new(path)
            .follow_links(self.follow_links)
            .sort_by(|a, b| file_name(a.path()).cmp(file_name(b.path())))
            .into_iter()
            .filter_entry(|e| !is_hidden(e));
        let found = std::rc::Rc::new(std::cell::Cell::new(0usize));
        let counted = found.clone();
        let inputs = walk
            .flat_map(move |entry| -> Box<dyn Iterator<Item = Input> + 'a> {
                match entry {
                    Ok(e) if e.file_type().is_dir() => Box::new(std::iter::empty()),
                    Ok(e) if !is_lintable(e.path()) => Box::new(std::iter::empty()),
                    // Not following links, a link to a directory is not
                    // entered; a link to a file is read (a dangling one is
                    // reported as missing, as a missing argument is).
                    Ok(e)
                        if e.path_is_symlink()
                            && std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir()) =>
                    {
                        Box::new(std::iter::empty())
                    }
                    Ok(e) => self.file(e.into_path()),
                    Err(e) => Box::new(std::iter::once(walk_error(self.linter, &e))),
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

    /// A file: one input, or the lines of an NDJSON stream.
    fn file(self, path: PathBuf) -> Box<dyn Iterator<Item = Input> + 'a> {
        if self.whole_streams || !(self.linter.options().ndjson || is_ndjson(&path)) {
            return Box::new(std::iter::once(Input::File(path)));
        }
        let name: Arc<str> = Arc::from(path.to_string_lossy());
        match self.linter.open_ndjson(&path) {
            Ok(reader) => stream(name.clone(), self.linter.ndjson_lines(&name, reader)),
            Err(report) => Box::new(std::iter::once(Input::Failed(report))),
        }
    }
}

/// The inputs of one NDJSON stream: its start, then its lines.
fn stream<'a, R: io::BufRead + 'a>(
    name: Arc<str>,
    lines: coc_lint::ndjson::Lines<R>,
) -> Box<dyn Iterator<Item = Input> + 'a> {
    Box::new(
        std::iter::once(Input::StreamStart)
            .chain(lines.map(move |line| Input::Line(name.clone(), line))),
    )
}

fn walk_error(linter: &Linter, e: &walkdir::Error) -> Input {
    let name = e
        .path()
        .unwrap_or(Path::new("?"))
        .to_string_lossy()
        .into_owned();
    let message = match (e.loop_ancestor(), e.io_error()) {
        (Some(ancestor), _) => format!(
            "{name} is a symbolic link loop back to {}; skipped",
            ancestor.display()
        ),
        (None, Some(io)) => cannot_read(&name, io),
        (None, None) => format!("cannot read {name}: {e}"),
    };
    Input::Failed(linter.failure(&name, RuleId::IoError, message))
}

/// The last component of a path, as bytes (cheaper than `Path::file_name`,
/// which parses the whole path).
fn file_name(path: &Path) -> &[u8] {
    let bytes = path.as_os_str().as_encoded_bytes();
    bytes.rsplit(|&b| b == b'/').next().unwrap_or(bytes)
}

/// Whether a directory walk picks this file up.
fn is_lintable(path: &Path) -> bool {
    file_name(path).ends_with(b".json") || is_ndjson(path)
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0 && file_name(entry.path()).starts_with(b".")
}
