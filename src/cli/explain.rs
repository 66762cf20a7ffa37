//! `coc-lint rules` and `coc-lint explain`.
//!
//! Both show the rules of the current folder's policy (its nearest
//! `coc-lint.toml`, see [`coc_lint::policy`]): the built-in rules at the
//! severities it gives them, and its team rules.

use std::io::{self, Write};
use std::path::Path;
use std::sync::Arc;

use coc_lint::i18n::{format as tr, Lang};
use coc_lint::policy::{ConfigError, Resolver};
use coc_lint::{LintOptions, RuleSet};

/// The rule set of the current folder's policy (as `config` finds it), and
/// its language (`--lang`, else the policy's `lang`, else
/// `COC_LINT_LANG`).
pub(crate) fn current_rules(
    config: &super::config::ConfigArgs,
) -> Result<(Arc<RuleSet>, Lang), ConfigError> {
    let options = LintOptions {
        lang: super::lang::env(),
        ..Default::default()
    };
    let resolver = Resolver::new(config.discovery(), options, &config.overrides())?;
    let policy = resolver.policy(Path::new("."), true)?;
    Ok((
        policy.linter().rules().clone(),
        policy.linter().options().lang,
    ))
}

/// Say why the configuration cannot be used; exit code 2.
pub(crate) fn config_trouble(e: &ConfigError) -> u8 {
    let lang = super::lang::of_config_error(e);
    let mut err = io::stderr();
    let _ = writeln!(err, "coc-lint: {}", e.display_in(lang));
    if let Some(help) = e.help_in(lang) {
        let _ = writeln!(err, "  {}: {help}", tr(lang, "label-help", &[]));
    }
    super::EXIT_TROUBLE
}

/// Print one line per rule of the current folder's policy.
pub(crate) fn list(config: &super::config::ConfigArgs, out: &mut dyn Write) -> io::Result<u8> {
    match current_rules(config) {
        Ok((set, lang)) => list_rules(&set, lang, out).map(|()| 0),
        Err(e) => Ok(config_trouble(&e)),
    }
}

/// Print one line per rule of `set`: code, name, severity (`off` when it
/// does not run), what it checks (in `lang`).
pub(crate) fn list_rules(set: &RuleSet, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
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
            rule.one_line_in(lang)
        )?;
    }
    Ok(())
}

/// Print a rule's documentation; exit 2 when there is no such rule.
pub(crate) fn explain(key: &str, out: &mut dyn Write) -> io::Result<u8> {
    match current_rules(&Default::default()) {
        Ok((set, lang)) => explain_rule(&set, key, lang, out),
        Err(e) => Ok(config_trouble(&e)),
    }
}

/// Print the documentation of the rule of `set` named `key`, in `lang`.
pub(crate) fn explain_rule(
    set: &RuleSet,
    key: &str,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<u8> {
    let Some(rule) = set.get(key) else {
        let _ = writeln!(
            io::stderr(),
            "coc-lint: no rule `{key}`; `coc-lint rules` lists the codes and names"
        );
        return Ok(super::EXIT_TROUBLE);
    };
    writeln!(out, "# {} {}\n", rule.code(), rule.name())?;
    let severity = rule.default_severity().as_str();
    writeln!(
        out,
        "{}\n",
        tr(lang, "explain-severity", &[("severity", severity.into())])
    )?;
    if let Some((path, line)) = rule.defined_in() {
        let path = path.display().to_string();
        writeln!(
            out,
            "{}\n",
            tr(
                lang,
                "explain-team-rule",
                &[("path", path.into()), ("line", line.into())]
            )
        )?;
    }
    let summary = rule.one_line_in(lang);
    writeln!(
        out,
        "{}\n",
        tr(lang, "explain-summary", &[("summary", summary.into())])
    )?;
    if let Some(help) = rule.help_in(lang) {
        writeln!(
            out,
            "{}\n",
            tr(lang, "explain-fix", &[("help", help.as_ref().into())])
        )?;
    }
    out.write_all(rule.doc_in(lang).trim_end().as_bytes())?;
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
            let lang = super::lang::of_config_error(&e);
            let _ = writeln!(io::stderr(), "coc-lint: {}", e.display_in(lang));
            return Ok(super::EXIT_TROUBLE);
        }
    };
    let rules = policy.linter().rules().rules();
    let mut ignores: Vec<_> = policy.suppressions().ignores().iter().collect();
    ignores.sort_by_key(|i| (i.file.clone(), i.location().1.start));
    let lang = super::lang::here();
    if ignores.is_empty() {
        writeln!(out, "{}", tr(lang, "rules-none-ignored", &[]))?;
        return Ok(0);
    }
    let no_reason = tr(lang, "rules-no-reason", &[]);
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
        let reason = ignore.reason.as_deref().unwrap_or(&no_reason);
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
