//! `coc-lint rules` and `coc-lint explain`.

use std::io::{self, Write};

use coc_lint::RuleSet;

/// Print one line per rule.
pub(crate) fn list(out: &mut dyn Write) -> io::Result<()> {
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
            rule.one_line()
        )?;
    }
    Ok(())
}

/// Print a rule's documentation; exit 2 when there is no such rule.
pub(crate) fn explain(key: &str, out: &mut dyn Write) -> io::Result<u8> {
    let set = RuleSet::builtin();
    let Some(rule) = set.get(key) else {
        let _ = writeln!(
            io::stderr(),
            "coc-lint: no rule `{key}`; `coc-lint rules` lists the codes and names"
        );
        return Ok(super::EXIT_TROUBLE);
    };
    writeln!(out, "# {} {}\n", rule.code(), rule.name())?;
    writeln!(out, "Default severity: {}\n", rule.severity())?;
    writeln!(out, "{}.\n", rule.one_line())?;
    if let Some(help) = rule.help() {
        writeln!(out, "Fix: {help}.\n")?;
    }
    out.write_all(rule.doc().trim_end().as_bytes())?;
    writeln!(out)?;
    Ok(0)
}
