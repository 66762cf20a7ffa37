//! `coc-lint rules --format json`: the rule list of the current folder's
//! policy for tools that build on it (`--format text`, the default, is
//! [`super::explain::list`]).

use std::io::{self, Write};

use clap::ValueEnum;
use serde::Serialize;

/// Output format of `rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum RulesFormat {
    /// One line a rule: code, name, severity, what it checks.
    Text,
    /// One JSON array of rules with their summary, help, manual and link.
    Json,
}

/// One rule as `rules --format json` prints it. These field names are a
/// stable interface.
#[derive(Serialize)]
struct JsonRule<'a> {
    code: &'a str,
    name: &'a str,
    /// `error`, `warning` or `info`: the severity in this folder's policy.
    severity: &'static str,
    /// The severity its rule file gives it.
    default_severity: &'static str,
    /// Whether it runs in this folder's policy.
    enabled: bool,
    /// What it checks, in one line.
    summary: std::borrow::Cow<'a, str>,
    /// The summary with the constraint of a data rule spelled out.
    description: String,
    /// The fix it suggests, or null.
    help: Option<std::borrow::Cow<'a, str>>,
    /// The manual on the web, or null while the package names no
    /// repository.
    help_uri: Option<String>,
    /// The manual, Markdown (`coc-lint explain CODE`).
    doc: String,
}

/// Print the rules of the current folder's policy as one JSON array; exit
/// 2 when its configuration cannot be used.
pub(crate) fn list_json(config: &super::config::ConfigArgs, out: &mut dyn Write) -> io::Result<u8> {
    // The JSON list is for tools: its texts stay in English unless
    // `--lang` asks for another language on the command line (a
    // configuration's `lang` or `COC_LINT_LANG` does not change what a
    // tool reads).
    let lang = super::lang::flag().unwrap_or_default();
    let set = match super::explain::current_rules(config) {
        Ok((set, _)) => set,
        Err(e) => return Ok(super::explain::config_trouble(&e)),
    };
    let rules: Vec<JsonRule<'_>> = set
        .rules()
        .iter()
        .map(|r| JsonRule {
            code: r.code(),
            name: r.name(),
            severity: r.severity().as_str(),
            default_severity: r.default_severity().as_str(),
            enabled: r.is_enabled(),
            summary: r.summary_in(lang),
            description: r.one_line_in(lang),
            help: r.help_in(lang),
            // Only built-in rules have a manual in the repository.
            help_uri: r
                .id()
                .and_then(|_| coc_lint::report::rule_doc_uri(r.name())),
            doc: r.doc_in(lang),
        })
        .collect();
    coc_lint::report::write_json(out, &rules)?;
    writeln!(out)?;
    Ok(0)
}
