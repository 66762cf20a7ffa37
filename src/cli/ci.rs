//! What `check` does for CI pipelines and hooks around the report itself:
//! where the report goes (`--output-file`, written atomically), how much
//! is said (`--quiet`, `--statistics`, `--no-show-source`), when the run
//! fails (`--exit-zero`, `--fail-on`, `--max-warnings`) and baselines
//! (`--baseline`, `--write-baseline`, in [`super::baseline`]).
//!
//! `check` drives it through [`Run`]: [`Run::keep`] for each file's report
//! before it is counted and written, [`Run::finish`] once at the end in
//! place of the reporter's own finish, and [`Run::exit_code`].

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use clap::ValueEnum;
use coc_lint::i18n::Arg;
use coc_lint::report::human::HumanReporter;
use coc_lint::report::{Reporter, Summary};
use coc_lint::{FileReport, Severity};
use serde::Serialize;

use super::baseline::{Baseline, BaselineWriter};
use super::{Format, EXIT_ERRORS, EXIT_TROUBLE};

/// The lowest severity that fails a run (`--fail-on`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FailOn {
    /// Only errors fail the run (the default).
    Error,
    /// Errors and warnings fail the run.
    Warning,
    /// Any diagnostic fails the run.
    Info,
}

impl FailOn {
    fn severity(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

/// The options of `check` for CI pipelines and hooks.
#[derive(Debug, clap::Args)]
pub(crate) struct CiArgs {
    /// Write the report to this file instead of standard output; it is
    /// written to a temporary file beside it and renamed into place, so a
    /// reader never sees half a report. The one-line summary still goes
    /// to standard output.
    #[arg(short = 'o', long, value_name = "PATH")]
    pub output_file: Option<PathBuf>,

    /// Print the diagnostics and nothing else: no summary line, no baseline
    /// note; nothing at all when there is nothing to report.
    #[arg(short = 'q', long)]
    pub quiet: bool,

    /// Instead of the diagnostics, print how many each rule produced,
    /// most frequent first (a table; a JSON array with `--format json`).
    #[arg(long)]
    pub statistics: bool,

    /// Show source snippets in the human report (the default).
    #[arg(long, overrides_with = "no_show_source")]
    pub show_source: bool,

    /// One line per diagnostic in the human report, without snippets:
    /// `path:line:column: severity[CODE name] message`.
    #[arg(long, overrides_with = "show_source")]
    pub no_show_source: bool,

    /// Exit with 0 even when diagnostics fail the run; paths that cannot
    /// be read, a bad baseline or an unwritable output file still exit
    /// with 2.
    #[arg(long)]
    pub exit_zero: bool,

    /// The lowest severity that makes the run fail (exit 1).
    #[arg(long, value_enum, value_name = "SEVERITY", default_value_t = FailOn::Error)]
    pub fail_on: FailOn,

    /// Fail (exit 1) when there are more than N warnings.
    #[arg(long, value_name = "N")]
    pub max_warnings: Option<usize>,

    /// Report only diagnostics that are not in this baseline file (made by
    /// `--write-baseline`), and list its entries that are now fixed.
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,

    /// Record every diagnostic of this run in FILE as the baseline (keyed
    /// by path, rule code and JSON pointer) instead of reporting them.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["statistics", "output_file"])]
    pub write_baseline: Option<PathBuf>,
}

/// Counts of one rule for `--statistics`, as `--format json` prints them.
#[derive(Debug, Serialize)]
struct Statistic<'a> {
    code: &'a str,
    name: &'a str,
    severity: &'static str,
    count: usize,
}

/// The state of one `check` run.
pub(crate) struct Run<'a> {
    args: &'a CiArgs,
    format: Format,
    width: usize,
    /// `--baseline`, loaded.
    baseline: Option<Baseline>,
    /// `--write-baseline`: the findings recorded so far.
    recorder: Option<BaselineWriter>,
    /// `--statistics`: (code, severity) → (name, count).
    statistics: BTreeMap<(String, Severity), (String, usize)>,
}

impl<'a> Run<'a> {
    /// Set up a run; a baseline that cannot be read or understood is an
    /// error worded for the user.
    pub(crate) fn new(args: &'a CiArgs, format: Format, width: usize) -> Result<Self, String> {
        let baseline = args.baseline.as_deref().map(Baseline::load).transpose()?;
        let recorder = args.write_baseline.as_deref().map(BaselineWriter::new);
        Ok(Run {
            args,
            format,
            width,
            baseline,
            recorder,
            statistics: BTreeMap::new(),
        })
    }

    /// Whether the human report shows source snippets.
    pub(crate) fn show_source(&self) -> bool {
        !self.args.no_show_source
    }

    /// Whether each file's report is written as it arrives (not when only
    /// statistics or a baseline are asked for).
    pub(crate) fn reports_files(&self) -> bool {
        !self.args.statistics && self.recorder.is_none()
    }

    /// Take one file's report in: drop the diagnostics the baseline holds,
    /// count the rest for the statistics, record them for a new baseline.
    pub(crate) fn keep(&mut self, report: &mut FileReport) {
        if let Some(baseline) = &mut self.baseline {
            baseline.filter(report);
        }
        if let Some(recorder) = &mut self.recorder {
            recorder.record(report);
        }
        if self.args.statistics {
            for d in &report.diagnostics {
                let entry = self
                    .statistics
                    .entry((d.code.to_string(), d.severity))
                    .or_insert_with(|| (d.name.to_string(), 0));
                entry.1 += 1;
            }
        }
    }

    /// Where the report goes: the `--output-file`'s temporary file, or
    /// `terminal` (standard output).
    pub(crate) fn output<'w>(&self, terminal: &'w mut dyn Write) -> io::Result<Output<'w>> {
        let file = match &self.args.output_file {
            Some(path) => Some(Atomic::create(path)?),
            None => None,
        };
        Ok(Output { file, terminal })
    }

    /// End the run: close the report (or write the statistics, or the
    /// baseline), put the output file in place, and tell the terminal
    /// what happened.
    pub(crate) fn finish(
        &mut self,
        reporter: &mut dyn Reporter,
        mut output: Output<'_>,
        summary: &Summary,
    ) -> io::Result<()> {
        let human = self.format == Format::Human;
        let lang = super::lang::here();
        if let Some(recorder) = self.recorder.take() {
            let (findings, entries) = recorder.write()?;
            if !self.args.quiet {
                let file = recorder_path(self.args);
                writeln!(
                    output.terminal,
                    "{}",
                    coc_lint::i18n::format(
                        lang,
                        "baseline-wrote",
                        &[
                            ("findings", Arg::from(findings)),
                            ("entries", Arg::from(entries)),
                            ("file", Arg::from(&file)),
                        ]
                    )
                )?;
            }
            return output.terminal.flush();
        }
        if self.args.statistics {
            self.write_statistics(&mut output)?;
        } else if self.args.quiet && human {
            // The summary line is all the human format writes at the end.
        } else {
            reporter.finish(&mut output, summary)?;
        }
        output.flush()?;
        let to_file = output.file.is_some();
        let terminal = output.commit()?;
        if !self.args.quiet && (to_file || (human && !self.args.statistics)) {
            if to_file {
                // The one-line summary of the human report, here too.
                HumanReporter::new(false, self.width)
                    .with_lang(lang)
                    .finish(terminal, summary)?;
            }
            if let Some(baseline) = &self.baseline {
                baseline.note(terminal, lang)?;
            }
        }
        if !self.args.quiet {
            if let Some(baseline) = &self.baseline {
                baseline.list_fixed(&mut io::stderr().lock(), lang)?;
            }
        }
        terminal.flush()
    }

    fn write_statistics(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut rows: Vec<Statistic<'_>> = self
            .statistics
            .iter()
            .map(|((code, severity), (name, count))| Statistic {
                code,
                name,
                severity: severity.as_str(),
                count: *count,
            })
            .collect();
        // Most frequent first; then by code, for a stable order.
        rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.code.cmp(b.code)));
        if self.format == Format::Json {
            coc_lint::report::write_json(out, &rows)?;
            return out.write_all(b"\n");
        }
        let count_width = rows.iter().map(|r| r.count.to_string().len()).max();
        let name_width = rows.iter().map(|r| r.code.len()).max().unwrap_or(0);
        for row in &rows {
            writeln!(
                out,
                "{:>cw$}  {:<nw$}  {:<7}  {}",
                row.count,
                row.code,
                row.severity,
                row.name,
                cw = count_width.unwrap_or(1),
                nw = name_width,
            )?;
        }
        Ok(())
    }

    /// The exit code: 2 for trouble (whatever `--exit-zero` says), 1 when
    /// the diagnostics left after the baseline reach `--fail-on` or pass
    /// `--max-warnings`, else 0.
    pub(crate) fn exit_code(&self, trouble: bool, summary: &Summary) -> u8 {
        if trouble {
            return EXIT_TROUBLE;
        }
        if self.args.exit_zero || self.recorder_was_asked() {
            return 0;
        }
        let failing = match self.args.fail_on.severity() {
            Severity::Error => summary.errors,
            Severity::Warning => summary.errors + summary.warnings,
            Severity::Info => summary.errors + summary.warnings + summary.infos,
        };
        let too_many_warnings = self
            .args
            .max_warnings
            .is_some_and(|max| summary.warnings > max);
        if failing > 0 || too_many_warnings {
            EXIT_ERRORS
        } else {
            0
        }
    }

    /// `--write-baseline` records today's findings: they do not fail the
    /// run that records them.
    fn recorder_was_asked(&self) -> bool {
        self.args.write_baseline.is_some()
    }
}

fn recorder_path(args: &CiArgs) -> String {
    args.write_baseline
        .as_deref()
        .map(|p| coc_lint::escape::escape(&p.to_string_lossy()).into_owned())
        .unwrap_or_default()
}

/// Where the report is written: the output file, or the terminal.
pub(crate) struct Output<'w> {
    file: Option<Atomic>,
    terminal: &'w mut dyn Write,
}

impl<'w> Output<'w> {
    /// Put the output file in place (when there is one), and hand back
    /// the terminal.
    fn commit(self) -> io::Result<&'w mut dyn Write> {
        if let Some(file) = self.file {
            file.commit()?;
        }
        Ok(self.terminal)
    }
}

impl Write for Output<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.file {
            Some(file) => file.writer.write(buf),
            None => self.terminal.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.file {
            Some(file) => file.writer.write_all(buf),
            None => self.terminal.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(file) => file.writer.flush(),
            None => self.terminal.flush(),
        }
    }
}

/// A file written atomically: a temporary file in the target's directory
/// (so the rename stays on one file system), renamed over the target once
/// complete. Dropped without [`Atomic::commit`], the temporary file is
/// removed and the target is untouched.
pub(crate) struct Atomic {
    path: PathBuf,
    writer: BufWriter<tempfile::NamedTempFile>,
}

impl Atomic {
    /// Start writing `path`.
    pub(crate) fn create(path: &Path) -> io::Result<Atomic> {
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let prefix = format!(
            ".{}.",
            path.file_name().unwrap_or_default().to_string_lossy()
        );
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        // A report is an ordinary file: readable as the umask allows, not
        // the owner-only mode of a temporary file.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o666));
        }
        let file = builder
            .tempfile_in(dir)
            .map_err(|e| cannot(e, "output-cannot-create", path))?;
        Ok(Atomic {
            path: path.to_path_buf(),
            writer: BufWriter::new(file),
        })
    }

    /// The writer of the temporary file.
    pub(crate) fn writer(&mut self) -> &mut dyn Write {
        &mut self.writer
    }

    /// Flush, sync and rename the temporary file over the target.
    pub(crate) fn commit(self) -> io::Result<()> {
        let path = self.path;
        let file = self
            .writer
            .into_inner()
            .map_err(|e| cannot(e.into_error(), "output-cannot-write", &path))?;
        file.as_file()
            .sync_all()
            .map_err(|e| cannot(e, "output-cannot-write", &path))?;
        file.persist(&path)
            .map_err(|e| cannot(e.error, "output-cannot-write", &path))?;
        Ok(())
    }
}

/// An I/O error that names the file, for the message `check` prints: `id`
/// is `output-cannot-create` or `output-cannot-write`, worded in the
/// language of the run.
fn cannot(e: io::Error, id: &'static str, path: &Path) -> io::Error {
    let name = coc_lint::escape::escape(&path.to_string_lossy()).into_owned();
    let message = coc_lint::i18n::Msg::new(id)
        .arg("path", name)
        .arg("error", e.to_string())
        .format(super::lang::here());
    io::Error::new(e.kind(), message)
}
