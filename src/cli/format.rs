//! The reporter each `--format` stands for, built in one place so that
//! every command that writes a report (`check`, and whatever comes to write
//! one to a file) makes them alike.

use std::io::{self, IsTerminal};

use coc_lint::report::concise::ConciseReporter;
use coc_lint::report::github::GithubReporter;
use coc_lint::report::gitlab::GitlabReporter;
use coc_lint::report::human::HumanReporter;
use coc_lint::report::json::JsonReporter;
use coc_lint::report::json_lines::JsonLinesReporter;
use coc_lint::report::junit::JunitReporter;
use coc_lint::report::sarif::SarifReporter;
use coc_lint::report::Reporter;
use coc_lint::RuleSet;

use super::{Color, Format};

/// The reporter of `format`. `color` matters to the human format only (as
/// standard output's terminal width does). SARIF's driver lists the
/// built-in rules at their default levels (each directory's policy may set
/// others: every result carries its own level), and the rules a policy
/// adds as they fire.
/// `unsafe_fixes`: whether the human report counts unsafe fixes as fixable.
pub(crate) fn reporter_for(format: Format, color: Color, unsafe_fixes: bool) -> Box<dyn Reporter> {
    match format {
        Format::Human => {
            let color = match color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            Box::new(
                HumanReporter::new(color, terminal_width())
                    .unsafe_fixes(unsafe_fixes)
                    .with_lang(super::lang::here()),
            )
        }
        Format::Json => Box::new(JsonReporter::new()),
        Format::Concise => Box::new(
            ConciseReporter::new()
                .unsafe_fixes(unsafe_fixes)
                .with_lang(super::lang::here()),
        ),
        Format::JsonLines => Box::new(JsonLinesReporter::new()),
        Format::Sarif => Box::new(SarifReporter::new(RuleSet::builtin())),
        Format::Junit => Box::new(JunitReporter::new()),
        Format::Github => Box::new(GithubReporter::new()),
        Format::Gitlab => Box::new(GitlabReporter::new()),
    }
}

/// The width to fit the human report in: the terminal's (standard output),
/// else `COLUMNS`, else 100.
pub(crate) fn terminal_width() -> usize {
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
