//! A configuration's own faults as reports: a [`ConfigError`] and the
//! ignores that matched nothing become diagnostics of the rules
//! `invalid-config` (COC900) and `unused-ignore` (COC901), located in the
//! TOML file like any other diagnostic in a JSON file, so that every report
//! format shows them with their span and the configuration's text.
//!
//! Their JSON pointer is the TOML key path of the value at fault
//! (`/severity/COC2O2`, `/ignore/0`): TOML tables and arrays address their
//! values as JSON's do.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::{ConfigError, Policy};
use crate::diagnostic::Severity;
use crate::i18n::tr;
use crate::lint::FileReport;
use crate::rules::{RuleId, RuleSet};
use crate::source::{LineIndex, Span};

impl ConfigError {
    /// This error as the report of the configuration file: one
    /// `invalid-config` diagnostic at the fault (line 1, column 1 when the
    /// file could not be read), and the file's text for a renderer to show.
    pub fn report(&self) -> (FileReport, Option<Vec<u8>>) {
        self.report_in(crate::i18n::Lang::EnUs)
    }

    /// [`ConfigError::report`] with the message, help and rule summary in
    /// `lang`.
    pub fn report_in(&self, lang: crate::i18n::Lang) -> (FileReport, Option<Vec<u8>>) {
        let rules = RuleSet::builtin();
        let text = self.text.as_deref().unwrap_or("");
        let span = self
            .span
            .clone()
            .filter(|s| s.start <= s.end && text.get(s.clone()).is_some())
            .unwrap_or(0..0);
        let pointer = pointer_at(text, span.start);
        let mut d = rules.diagnostic_in(
            lang,
            RuleId::InvalidConfig as usize,
            Span::new(span.start, span.end),
            pointer,
            self.message_in(lang),
        );
        if let Some(help) = self.help_in(lang) {
            d.help(help);
        }
        d.locate(&LineIndex::new(text));
        let report = FileReport::single(&self.path.display().to_string(), d);
        (report, self.text.as_ref().map(|t| t.as_bytes().to_vec()))
    }
}

/// The ignores of `policies` that dropped nothing, as one report per
/// configuration file (with its text), in the order of the files. An ignore
/// written once but part of several policies (a root file above nested
/// ones) is unused only when it dropped nothing in any of them. Ignores
/// given on the command line are left out: they are not kept anywhere to
/// rot. The rule `unused-ignore` is taken from each policy, so a policy
/// may turn it off or change its severity.
pub fn unused_ignores(policies: &[Arc<Policy>]) -> Vec<(FileReport, Vec<u8>)> {
    struct Entry {
        used: usize,
        text: Arc<str>,
        span: Range<usize>,
        pointer: String,
        rule: String,
        glob: Option<String>,
        severity: Option<Severity>,
        lang: crate::i18n::Lang,
    }
    let mut entries: BTreeMap<(PathBuf, usize), Entry> = BTreeMap::new();
    for policy in policies {
        let rules = policy.linter().rules();
        let unused = rules.rule(RuleId::UnusedIgnore);
        // Ignoring the rule everywhere (not for some files) silences it.
        let index = rules.index_of(unused.code());
        let ignored = policy
            .suppressions()
            .ignores()
            .iter()
            .any(|i| i.glob.is_none() && index.is_some_and(|x| i.rules.contains(&x)));
        let severity = (unused.is_enabled() && !ignored).then(|| unused.severity());
        for ignore in policy.suppressions().ignores() {
            if ignore.file == Path::new(super::COMMAND_LINE) {
                continue;
            }
            let (text, span) = ignore.location();
            let entry = entries
                .entry((ignore.file.clone(), span.start))
                .or_insert_with(|| Entry {
                    used: 0,
                    text: Arc::from(text),
                    span: span.clone(),
                    pointer: ignore.pointer.clone(),
                    rule: ignore.rule.clone(),
                    glob: ignore.glob.clone(),
                    severity,
                    lang: policy.linter().options().lang,
                });
            entry.used += ignore.used();
            // The nearest policy that sees the entry decides; a policy that
            // turned the rule off silences it.
            entry.severity = entry.severity.and(severity);
        }
    }
    let rules = RuleSet::builtin();
    let mut reports: Vec<(FileReport, Vec<u8>)> = Vec::new();
    for ((file, _), e) in entries {
        let Some(severity) = e.severity.filter(|_| e.used == 0) else {
            continue;
        };
        let index = LineIndex::new(&e.text);
        let message = match &e.glob {
            Some(glob) => tr!(e.lang, "unused-ignore-glob", rule = &e.rule, glob = glob),
            None => tr!(e.lang, "unused-ignore", rule = &e.rule),
        };
        let mut d = rules.diagnostic_in(
            e.lang,
            RuleId::UnusedIgnore as usize,
            Span::new(e.span.start, e.span.end),
            e.pointer,
            message,
        );
        d.severity = severity;
        d.locate(&index);
        let name = file.display().to_string();
        match reports.last_mut() {
            Some((report, _)) if report.path == name => report.diagnostics.push(d),
            _ => reports.push((FileReport::single(&name, d), e.text.as_bytes().to_vec())),
        }
    }
    reports
}

/// The JSON pointer of the innermost TOML key or value that holds the byte
/// `offset` of `text` (empty for the document, or when the text does not
/// parse that far).
pub(crate) fn pointer_at(text: &str, offset: usize) -> String {
    let (root, _) = DeTable::parse_recoverable(text);
    let mut pointer = String::new();
    table_path(root.get_ref(), offset, &mut pointer);
    pointer
}

fn table_path(table: &DeTable<'_>, offset: usize, out: &mut String) {
    for (key, value) in table {
        let in_key = key.span().contains(&offset);
        if in_key || value.span().contains(&offset) || contains(value, offset) {
            push(out, key.get_ref());
            if !in_key {
                value_path(value, offset, out);
            }
            return;
        }
    }
}

fn value_path(value: &Spanned<DeValue<'_>>, offset: usize, out: &mut String) {
    match value.get_ref() {
        DeValue::Table(table) => table_path(table, offset, out),
        DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if item.span().contains(&offset) || contains(item, offset) {
                    push(out, &i.to_string());
                    value_path(item, offset, out);
                    return;
                }
            }
        }
        _ => {}
    }
}

/// Whether a table or array written in pieces (`[severity]` headers far
/// from each other, `[[rule]]` items) holds `offset` in one of its parts.
fn contains(value: &Spanned<DeValue<'_>>, offset: usize) -> bool {
    match value.get_ref() {
        DeValue::Table(table) => table.iter().any(|(k, v)| {
            k.span().contains(&offset) || v.span().contains(&offset) || contains(v, offset)
        }),
        DeValue::Array(items) => items
            .iter()
            .any(|v| v.span().contains(&offset) || contains(v, offset)),
        _ => false,
    }
}

fn push(out: &mut String, key: &str) {
    out.push('/');
    out.push_str(&key.replace('~', "~0").replace('/', "~1"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_name_the_toml_path() {
        let text = "select = [\"COC2\"]\nignore = [\"a\", { rule = \"b\", reason = \"r\" }]\n\n[severity]\nCOC202 = \"warnin\"\n\n[per-file-ignores]\n\"prod/*.json\" = [\"x\"]\n";
        let at = |needle: &str| pointer_at(text, text.find(needle).expect("in the text"));
        assert_eq!(at("\"COC2\""), "/select/0");
        assert_eq!(at("\"b\""), "/ignore/1/rule");
        assert_eq!(at("\"warnin\""), "/severity/COC202");
        assert_eq!(at("COC202"), "/severity/COC202");
        assert_eq!(at("\"x\""), "/per-file-ignores/prod~1*.json/0");
        assert_eq!(pointer_at(text, text.len() + 5), "");
        assert_eq!(pointer_at("this is [ not toml", 3), "");
    }

    #[test]
    fn a_config_error_is_an_invalid_config_diagnostic_at_its_span() {
        let text: Arc<str> = Arc::from("# team\n[severity]\nCOC202 = \"loud\"\n");
        let start = text.find("\"loud\"").expect("in the text");
        let e = ConfigError {
            path: PathBuf::from("coc-lint.toml"),
            text: Some(text.clone()),
            span: Some(start..start + 6),
            message: Box::new(crate::i18n::Msg::new("config-bad-severity").arg("value", "loud")),
            help: Some(Box::new(
                crate::i18n::Msg::new("help-config-keys-are").arg("keys", "x"),
            )),
            lang: None,
        };
        let (report, source) = e.report();
        let d = &report.diagnostics[0];
        assert_eq!(
            (d.code.as_ref(), d.name.as_ref()),
            ("COC900", "invalid-config")
        );
        assert_eq!(d.pointer, "/severity/COC202");
        assert_eq!((d.start.line, d.start.column, d.end.column), (3, 10, 16));
        assert_eq!(
            d.message,
            "`loud` is no severity; write `error`, `warning`, `info` or `off`"
        );
        assert_eq!(d.help.as_deref(), Some("the keys are x"));
        let (zh, _) = e.report_in(crate::i18n::Lang::ZhCn);
        assert_eq!(
            zh.diagnostics[0].message,
            "`loud` 不是严重级别；请写 `error`、`warning`、`info` 或 `off`"
        );
        assert_eq!(zh.diagnostics[0].help.as_deref(), Some("配置项有 x"));
        assert_eq!(source.as_deref(), Some(text.as_bytes()));
        // A file that could not be read: line 1, column 1, no text.
        let e = ConfigError {
            text: None,
            span: None,
            ..e
        };
        let (report, source) = e.report();
        assert_eq!(report.diagnostics[0].start.line, 1);
        assert!(source.is_none());
    }
}
