//! `coc-lint rules` and `coc-lint explain`.

use std::io::{self, Write};

use coc_lint::i18n::{format as tr, Lang};
use coc_lint::policy::Resolver;
use coc_lint::RuleSet;

/// Print one line per rule.
pub(crate) fn list(lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let set = RuleSet::builtin();
    let rules = set.rules();
    let width = rules.iter().map(|r| r.name().len()).max().unwrap_or(0);
    for rule in rules {
        writeln!(
            out,
            "{}  {:width$}  {:7}  {}",
            rule.code(),
            rule.name(),
            rule.severity().as_str(),
            rule.one_line_in(lang)
        )?;
    }
    Ok(())
}

/// Print a rule's documentation; exit 2 when there is no such rule.
pub(crate) fn explain(key: &str, lang: Lang, out: &mut dyn Write) -> io::Result<u8> {
    let set = RuleSet::builtin();
    let Some(rule) = set.get(key) else {
        let _ = writeln!(
            io::stderr(),
            "coc-lint: no rule `{key}`; `coc-lint rules` lists the codes and names"
        );
        return Ok(super::EXIT_TROUBLE);
    };
    writeln!(out, "# {} {}\n", rule.code(), rule.name())?;
    let severity = rule.severity().as_str();
    writeln!(
        out,
        "{}\n",
        tr(lang, "explain-severity", &[("severity", severity.into())])
    )?;
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
            let _ = writeln!(io::stderr(), "coc-lint: {e}");
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
