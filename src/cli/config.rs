//! The configuration options of `check` (and of `rules --ignored`): where
//! the `coc-lint.toml` files come from, and the rule options that win over
//! them.

use std::path::PathBuf;

use coc_lint::policy::{Discovery, Overrides};

#[derive(Debug, Clone, Default, clap::Args)]
#[command(next_help_heading = "Configuration (over coc-lint.toml files)")]
pub(crate) struct ConfigArgs {
    /// Use this configuration file (with what it `extends`) instead of
    /// finding `coc-lint.toml` files above each linted file.
    #[arg(long, value_name = "PATH", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Read no configuration file at all: the built-in rules and the
    /// options given here.
    #[arg(long)]
    pub isolated: bool,

    /// Run only these rules (codes, names or prefixes such as `COC2`, or
    /// `ALL`; comma-separated or repeated), instead of the configuration's.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub select: Option<Vec<String>>,

    /// Run these rules as well as the selected ones.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub extend_select: Vec<String>,

    /// Drop the diagnostics of these rules.
    #[arg(long, value_name = "RULES", value_delimiter = ',')]
    pub ignore: Vec<String>,

    /// Set a rule's severity: `RULE=error|warning|info|off` (repeatable).
    #[arg(long, value_name = "RULE=LEVEL", value_parser = parse_severity)]
    pub severity: Vec<(String, String)>,

    /// Accept `//` and `/* */` comments and trailing commas in documents.
    #[arg(long)]
    pub allow_comments: bool,

    /// Lint what `.gitignore` files exclude, too.
    #[arg(long)]
    pub no_respect_gitignore: bool,
}

impl ConfigArgs {
    /// Where the configuration comes from.
    pub fn discovery(&self) -> Discovery {
        match (&self.config, self.isolated) {
            (Some(path), _) => Discovery::File(path.clone()),
            (None, true) => Discovery::Isolated,
            (None, false) => Discovery::Nearest,
        }
    }

    /// The options that win over every file.
    pub fn overrides(&self) -> Overrides {
        Overrides {
            select: self.select.clone(),
            extend_select: self.extend_select.clone(),
            ignore: self.ignore.clone(),
            severity: self.severity.clone(),
            allow_comments: self.allow_comments,
            no_respect_gitignore: self.no_respect_gitignore,
            lang: super::lang::flag(),
        }
    }
}

fn parse_severity(s: &str) -> Result<(String, String), String> {
    match s.split_once('=') {
        Some((rule, level)) if !rule.trim().is_empty() && !level.trim().is_empty() => {
            Ok((rule.trim().to_owned(), level.trim().to_owned()))
        }
        _ => Err(format!(
            "`{s}` is not RULE=LEVEL; write e.g. `--severity COC206=warning` (levels: error, warning, info, off)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severities_are_rule_equals_level() {
        assert_eq!(
            parse_severity("COC206 = off"),
            Ok(("COC206".into(), "off".into()))
        );
        assert!(parse_severity("COC206").is_err());
        assert!(parse_severity("=off").is_err());
    }
}
