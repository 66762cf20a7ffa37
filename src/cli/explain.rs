//! `coc-lint rules` and `coc-lint explain`.
//!
//! Both show the rules of the current folder's policy (its nearest
//! `coc-lint.toml`, see [`coc_lint::policy`]): the built-in rules at the
//! severities it gives them, and its team rules.

use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use coc_lint::policy::{ConfigError, Resolver};
use coc_lint::RuleSet;

/// The rule set of the current folder's policy (as `config` finds it).
pub(crate) fn current_rules(
    config: &super::config::ConfigArgs,
) -> Result<Arc<RuleSet>, ConfigError> {
    let resolver = Resolver::new(config.discovery(), Default::default(), &config.overrides())?;
    let policy = resolver.policy(Path::new("."), true)?;
    Ok(policy.linter().rules().clone())
}

/// Say why the configuration cannot be used; exit code 2.
pub(crate) fn config_trouble(e: &ConfigError) -> u8 {
    let mut err = io::stderr();
    let _ = writeln!(err, "coc-lint: {e}");
    if let Some(help) = &e.help {
        let _ = writeln!(err, "  help: {help}");
    }
    super::EXIT_TROUBLE
}

/// Print one line per rule of the current folder's policy.
pub(crate) fn list(config: &super::config::ConfigArgs, out: &mut dyn Write) -> io::Result<u8> {
    match current_rules(config) {
        Ok(set) => list_rules(&set, out).map(|()| 0),
        Err(e) => Ok(config_trouble(&e)),
    }
}

/// Print one line per rule of `set`: code, name, severity (`off` when it
/// does not run), what it checks.
pub(crate) fn list_rules(set: &RuleSet, out: &mut dyn Write) -> io::Result<()> {
    let rules = set.rules();
    let width = rules.iter().map(|r| r.name().len()).max().unwrap_or(0);
    let code_width = rules.iter().map(|r| r.code().len()).max().unwrap_or(0);
    for rule in rules {
        let severity = if rule.is_enabled() {
            rule.severity().as_str()
        } else {
            "off"
        };
        writeln!(
            out,
            "{:code_width$}  {:width$}  {:7}  {}",
            rule.code(),
            rule.name(),
            severity,
            rule.one_line()
        )?;
    }
    Ok(())
}

/// Print a rule's documentation; exit 2 when there is no such rule.
pub(crate) fn explain(key: &str, out: &mut dyn Write) -> io::Result<u8> {
    match current_rules(&Default::default()) {
        Ok(set) => explain_rule(&set, key, out),
        Err(e) => Ok(config_trouble(&e)),
    }
}

/// Print the documentation of the rule of `set` named `key`.
pub(crate) fn explain_rule(set: &RuleSet, key: &str, out: &mut dyn Write) -> io::Result<u8> {
    let Some(rule) = set.get(key) else {
        let _ = writeln!(
            io::stderr(),
            "coc-lint: no rule `{key}`; `coc-lint rules` lists the codes and names"
        );
        return Ok(super::EXIT_TROUBLE);
    };
    writeln!(out, "# {} {}\n", rule.code(), rule.name())?;
    writeln!(out, "Default severity: {}\n", rule.default_severity())?;
    if let Some((path, line)) = rule.defined_in() {
        writeln!(out, "Team rule, defined in {}:{line}\n", path.display())?;
    }
    writeln!(out, "{}.\n", rule.one_line())?;
    if let Some(help) = rule.help() {
        writeln!(out, "Fix: {help}.\n")?;
    }
    out.write_all(rule.doc().trim_end().as_bytes())?;
    writeln!(out)?;
    Ok(0)
}

/// Print the ignores of the policy of the current folder: one line per rule
/// each drops, with the file and line that writes it and its reason. Exit 2
/// when the configuration cannot be understood.
pub(crate) fn ignored(config: &super::config::ConfigArgs, out: &mut dyn Write) -> io::Result<u8> {
    let policy = Resolver::new(config.discovery(), Default::default(), &config.overrides())
        .and_then(|r| r.policy(std::path::Path::new("."), true).map(|p| (r, p)));
    let (resolver, policy) = match policy {
        Ok(found) => found,
        Err(e) => {
            let _ = writeln!(io::stderr(), "coc-lint: {e}");
            return Ok(super::EXIT_TROUBLE);
        }
    };
    let rules = policy.linter().rules().rules();
    let mut ignores: Vec<_> = policy.suppressions().ignores().iter().collect();
    ignores.sort_by_key(|i| (i.file.clone(), i.location().1.start));
    if ignores.is_empty() {
        writeln!(out, "No rule is ignored here.")?;
        return Ok(0);
    }
    let width = rules.iter().map(|r| r.name().len()).max().unwrap_or(0);
    for ignore in ignores {
        let file = ignore
            .file
            .strip_prefix(resolver.cwd())
            .unwrap_or(&ignore.file);
        let place = match &ignore.glob {
            Some(glob) => format!("{}:{} ({glob})", file.display(), ignore.line()),
            None => format!("{}:{}", file.display(), ignore.line()),
        };
        let reason = ignore.reason.as_deref().unwrap_or("(no reason given)");
        for i in ignore.rule_indices() {
            let Some(rule) = rules.get(i) else { continue };
            writeln!(
                out,
                "{}  {:width$}  {place}  {}",
                rule.code(),
                rule.name(),
                coc_lint::escape::escape(reason)
            )?;
        }
    }
    Ok(0)
}
