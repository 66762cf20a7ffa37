//! `coc-lint check`: find the inputs, lint them in parallel, report them in
//! order.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use coc_lint::report::human::HumanReporter;
use coc_lint::report::json::JsonReporter;
use coc_lint::report::Summary;
use coc_lint::{FileReport, LintOptions, Linter};
use rayon::prelude::*;
use walkdir::WalkDir;

use super::{CheckArgs, Color, Format, EXIT_ERRORS, EXIT_TROUBLE};

/// How many inputs are linted together before their reports are written:
/// enough to keep every thread busy, few enough that memory does not grow
/// with the number of files.
const BATCH: usize = 512;

/// One thing to lint.
enum Input {
    Stdin,
    File(PathBuf),
    /// A path that could not even be listed: already a report.
    Failed(FileReport),
}

/// Where the reports go.
enum Reporter {
    Human(Box<HumanReporter>),
    Json(JsonReporter),
}

pub(crate) fn run(args: &CheckArgs, out: &mut dyn Write) -> io::Result<u8> {
    let linter = Linter::with_options(LintOptions {
        kind: args.kind,
        max_depth: args.max_depth,
        max_file_size: args.max_file_size,
        ndjson: args.ndjson,
    });
    let mut reporter = match args.format {
        Format::Json => Reporter::Json(JsonReporter::new()),
        Format::Human => {
            let color = match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            Reporter::Human(Box::new(HumanReporter::new(color, 100)))
        }
    };
    let keep_source = matches!(reporter, Reporter::Human(_));
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1);
    let stdin_name = args.stdin_filename.as_str();
    let mut linter_stage = Stage {
        linter: &linter,
        stdin_name,
        keep_source,
        jobs,
        pool: None,
    };

    let mut summary = Summary::default();
    let mut trouble = false;
    let mut write = |results: Vec<Linted>| -> io::Result<()> {
        for (report, source) in &results {
            summary.add(report);
            trouble |= report.diagnostics.iter().any(|d| d.name == "io-error");
            match &mut reporter {
                Reporter::Human(r) => r.file(out, report, source.as_deref())?,
                Reporter::Json(r) => r.file(out, report)?,
            }
        }
        Ok(())
    };

    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    if paths.iter().any(|p| p.is_dir()) {
        // A pipeline of three stages joined by bounded channels: a thread
        // walks the directories, a thread has the pool lint each batch, and
        // this thread writes the reports in order. Directory reads, linting
        // and output overlap, and memory holds a few batches whatever the
        // number of files. When the writer stops early (a closed pipe), the
        // dropped channels stop the other two stages.
        std::thread::scope(|scope| -> io::Result<()> {
            let (input_tx, input_rx) = std::sync::mpsc::sync_channel::<Vec<Input>>(2);
            let (result_tx, result_rx) = std::sync::mpsc::sync_channel::<Vec<Linted>>(2);
            scope.spawn(move || {
                let mut batch = Vec::with_capacity(BATCH);
                for input in paths.iter().flat_map(|p| inputs(p)) {
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
            let stage = &mut linter_stage;
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
        write(linter_stage.lint(paths.iter().flat_map(|p| inputs(p)).collect()))?;
    }
    match &mut reporter {
        Reporter::Human(r) => r.finish(out, &summary)?,
        Reporter::Json(r) => r.finish(out, &summary)?,
    }
    Ok(if trouble {
        EXIT_TROUBLE
    } else if summary.errors > 0 {
        EXIT_ERRORS
    } else {
        0
    })
}

/// A linted input: its report, and its bytes when the human report will
/// show snippets.
type Linted = (FileReport, Option<Vec<u8>>);

/// The linting stage: lints a batch of inputs, in parallel when there is
/// more than one, keeping their order.
struct Stage<'a> {
    linter: &'a Linter,
    stdin_name: &'a str,
    keep_source: bool,
    jobs: usize,
    /// Started on the first batch of more than one input: a pre-commit hook
    /// on one file pays nothing for threads.
    pool: Option<Option<rayon::ThreadPool>>,
}

impl Stage<'_> {
    fn lint(&mut self, batch: Vec<Input>) -> Vec<Linted> {
        let (linter, stdin_name, keep_source) = (self.linter, self.stdin_name, self.keep_source);
        let lint = |input: &Input| lint_input(linter, input, stdin_name, keep_source);
        let jobs = self.jobs;
        let pool = if batch.len() > 1 && jobs > 1 {
            self.pool
                .get_or_insert_with(|| {
                    rayon::ThreadPoolBuilder::new()
                        .num_threads(jobs)
                        .build()
                        .ok()
                })
                .as_ref()
        } else {
            None
        };
        match pool {
            Some(pool) => pool.install(|| batch.par_iter().map(lint).collect()),
            None => batch.iter().map(lint).collect(),
        }
    }
}

fn lint_input(
    linter: &Linter,
    input: &Input,
    stdin_name: &str,
    keep_source: bool,
) -> (FileReport, Option<Vec<u8>>) {
    let (report, source) = match input {
        Input::Failed(report) => (report.clone(), None),
        Input::File(path) => linter.lint_path_with_source(path),
        Input::Stdin => lint_stdin(linter, stdin_name),
    };
    let source = source.filter(|_| keep_source && !report.diagnostics.is_empty());
    (report, source)
}

fn lint_stdin(linter: &Linter, name: &str) -> (FileReport, Option<Vec<u8>>) {
    let stdin = io::stdin();
    if linter.options().ndjson {
        return (linter.lint_ndjson(name, stdin.lock()), None);
    }
    let limit = linter.options().max_file_size;
    let mut bytes = Vec::new();
    if let Err(e) = stdin.lock().take(limit + 1).read_to_end(&mut bytes) {
        let message = format!("cannot read standard input: {e}");
        return (Linter::failure(name, "io-error", message), None);
    }
    if bytes.len() as u64 > limit {
        let message = format!("standard input is more than the limit of {limit} bytes");
        return (Linter::failure(name, "file-too-large", message), None);
    }
    (linter.lint_bytes(name, &bytes), Some(bytes))
}

/// The last component of a path, as bytes (cheaper than `Path::file_name`,
/// which parses the whole path).
fn file_name(path: &Path) -> &[u8] {
    let bytes = path.as_os_str().as_encoded_bytes();
    bytes.rsplit(|&b| b == b'/').next().unwrap_or(bytes)
}

/// Whether a directory walk picks this file up.
fn is_lintable(path: &Path) -> bool {
    let name = file_name(path);
    name.ends_with(b".json") || coc_lint::lint::is_ndjson(path)
}

fn is_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() > 0 && file_name(entry.path()).starts_with(b".")
}

/// The inputs one command-line path stands for, in a stable order.
fn inputs(path: &Path) -> Box<dyn Iterator<Item = Input> + '_> {
    if path.as_os_str() == "-" {
        return Box::new(std::iter::once(Input::Stdin));
    }
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {}
        // Files, FIFOs, devices and missing paths: the linter reports them.
        _ => return Box::new(std::iter::once(Input::File(path.to_path_buf()))),
    }
    let walk = WalkDir::new(path)
        .follow_links(true)
        .sort_by(|a, b| file_name(a.path()).cmp(file_name(b.path())))
        .into_iter()
        .filter_entry(|e| !is_hidden(e));
    Box::new(walk.filter_map(|entry| match entry {
        Ok(e) if e.file_type().is_dir() => None,
        Ok(e) => is_lintable(e.path()).then(|| Input::File(e.into_path())),
        Err(e) => {
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
                (None, Some(io)) => format!("cannot read {name}: {io}"),
                (None, None) => format!("cannot read {name}: {e}"),
            };
            Some(Input::Failed(Linter::failure(&name, "io-error", message)))
        }
    }))
}
