//! Argument parsing and the subcommands.

mod baseline;
mod check;
mod ci;
mod completions;
mod config;
mod explain;
#[cfg(feature = "fetch")]
mod fetch;
mod fix;
mod format;
mod init;
mod lang;
mod lint_args;
mod rules;
mod schema;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use coc_lint::DocumentKind;
use lint_args::LintArgs;

/// Lint Huawei Cloud COC script service tickets and saved execution
/// parameters against the API's documented constraints.
#[derive(Debug, Parser)]
#[command(name = "coc-lint", version, about, long_about = None, max_term_width = 100)]
struct Cli {
    #[command(subcommand)]
    command: Command,

    #[command(flatten)]
    lang: lang::LangArgs,
}

// Parsed once per run: the size of `check`'s arguments costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
enum Command {
    /// Check files, directories (recursively, `*.json`, `*.ndjson`,
    /// `*.jsonl`) or standard input (`-`). A directory with no such file
    /// gives a warning on standard error (the exit code is unchanged); a
    /// path that does not exist is an error (exit 2).
    Check(CheckArgs),
    /// Fetch tickets from the COC API and lint them as `check` does: by
    /// execute_uuid, or every ticket of a filtered list (`--list`).
    /// Credentials come from the environment or files, never arguments.
    #[cfg(feature = "fetch")]
    Fetch(Box<fetch::FetchArgs>),
    /// List every rule: code, name, default severity and what it checks.
    Rules(RulesArgs),
    /// Write a commented starter coc-lint.toml in a folder (default: the
    /// current one); an existing file is never replaced.
    Init {
        /// The folder to write it in.
        #[arg(value_name = "DIR", default_value = ".")]
        dir: PathBuf,
    },
    /// Print the documentation of one rule.
    Explain {
        /// A rule code (`COC202`) or name (`timeout-out-of-range`).
        rule: String,
    },
    /// Print the JSON Schema (draft 2020-12) of a document kind, for
    /// editors: generated from the same rule data as the checks.
    Schema(schema::SchemaArgs),
    /// Print a shell completion script.
    Completions {
        /// The shell: bash, zsh, fish, powershell or elvish.
        #[arg(value_enum)]
        shell: completions::CompletionShell,
    },
    /// Print the manual page coc-lint(1), in roff (`coc-lint man > coc-lint.1`).
    Man,
}

#[derive(Debug, clap::Args)]
pub(crate) struct RulesArgs {
    /// List the ignores of the configuration that applies in the current
    /// folder instead: each rule they drop, where, and why.
    #[arg(long)]
    ignored: bool,

    #[command(flatten)]
    config: config::ConfigArgs,

    /// Output format of the list.
    #[arg(long, value_enum, default_value_t = rules::RulesFormat::Text, conflicts_with = "ignored")]
    format: rules::RulesFormat,
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// Source snippets with labels and help, for people.
    Human,
    /// One JSON object with every diagnostic and a summary, for tools.
    Json,
    /// One line a diagnostic, `path:line:col: severity[CODE] message`, for
    /// editors' problem matchers and grep.
    Concise,
    /// One JSON object a line for each diagnostic, flushed as produced.
    JsonLines,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// JUnit XML: a test suite per file, a test case per rule that fired.
    Junit,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// GitLab Code Quality report (JSON).
    Gitlab,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Color {
    /// Only when standard output is a terminal and NO_COLOR is not set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// Files or directories to check; `-` reads standard input. Default:
    /// the current directory.
    #[arg(value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// The file name to report standard input under.
    #[arg(long, value_name = "NAME", default_value = "<stdin>")]
    stdin_filename: String,

    /// Read files given on the command line and standard input as NDJSON:
    /// one document per line.
    #[arg(long)]
    ndjson: bool,

    /// Follow symbolic links to directories while walking (loops are
    /// detected and reported). By default a walk does not enter them; links
    /// to files are read either way, and so is any path named here.
    #[arg(long)]
    follow_links: bool,

    /// Number of threads (default: one per core).
    #[arg(short = 'j', long, value_name = "N")]
    jobs: Option<usize>,

    /// How documents are linted and reported (shared with `fetch`).
    #[command(flatten)]
    lint: LintArgs,

    #[command(flatten)]
    config: config::ConfigArgs,

    #[command(flatten)]
    fix: fix::FixArgs,

    #[command(flatten)]
    ci: ci::CiArgs,
}

fn parse_kind(s: &str) -> Result<DocumentKind, String> {
    s.parse()
}

fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, factor) = match s.char_indices().last() {
        Some((i, 'k' | 'K')) => (&s[..i], 1u64 << 10),
        Some((i, 'm' | 'M')) => (&s[..i], 1 << 20),
        Some((i, 'g' | 'G')) => (&s[..i], 1 << 30),
        _ => (s, 1),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .ok_or_else(|| format!("`{s}` is not a size; write bytes, or a number with K, M or G"))
}

/// Exit codes: 0 no error, 1 errors found, 2 usage or I/O trouble.
pub(crate) const EXIT_ERRORS: u8 = 1;
pub(crate) const EXIT_TROUBLE: u8 = 2;

pub(crate) fn run() -> ExitCode {
    use clap::{CommandFactory, FromArgMatches};
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let command = lang::localize(Cli::command(), lang::prescan(&argv));
    let parsed = command
        .try_get_matches_from(&argv)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_TROUBLE } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    lang::set_flag(cli.lang.lang);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match cli.command {
        Command::Check(args) => check::run(&args, &mut out),
        #[cfg(feature = "fetch")]
        Command::Fetch(args) => fetch::run(&args, &mut out),
        Command::Rules(args) if args.ignored => explain::ignored(&args.config, &mut out),
        Command::Rules(args) if args.format == rules::RulesFormat::Json => {
            rules::list_json(&args.config, &mut out)
        }
        Command::Rules(args) => explain::list(&args.config, &mut out),
        Command::Init { dir } => init::init(&dir, &mut out),
        Command::Explain { rule } => explain::explain(&rule, &mut out),
        Command::Schema(args) => schema::run(&args, &mut out),
        Command::Completions { shell } => completions::completions(shell, &mut out),
        Command::Man => completions::man(&mut out),
    };
    let result = result.and_then(|code| out.flush().map(|()| code));
    match result {
        Ok(code) => ExitCode::from(code),
        // `coc-lint check | head -1`: the reader left; stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "coc-lint: cannot write the report: {e}");
            ExitCode::from(EXIT_TROUBLE)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("10"), Ok(10));
        assert_eq!(parse_size("2g"), Ok(2 << 30));
        assert!(parse_size("x").is_err());
        assert!(parse_size("99999999999999G").is_err());
    }

    #[test]
    fn cli_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
