//! The rules: their registry, their metadata and the code rules.
//!
//! Every rule has a file in `rules/` at the top of the repository: a TOML
//! file with its code, name, default severity and, for data rules, the
//! constraint itself; and a Markdown file beside it that `coc-lint explain`
//! prints. Both are embedded at build time. Rules that need code (duplicate
//! names, cross-field consistency) have a module of their own here and are
//! registered in `CODE_RULES`; rules the document walk applies to every
//! field (types, required and unknown fields) live in `types` and
//! `fields`; rules about loading the bytes live in [`crate::load`].

pub mod check;

pub(crate) mod duplicate_batch_index;
pub(crate) mod duplicate_key;
pub(crate) mod duplicate_param_name;
pub(crate) mod execute_costs_mismatch;
pub(crate) mod fields;
pub(crate) mod finished_before_created;
pub(crate) mod list_total_too_small;
pub(crate) mod missing_finish_time;
pub(crate) mod param_value_missing;
pub(crate) mod provider_mismatch;
pub(crate) mod too_many_target_instances;
pub(crate) mod types;
pub(crate) mod unexpected_finish_time;
pub(crate) mod util;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

pub use check::Check;

use crate::diagnostic::{Diagnostic, Severity};
use crate::load::ast::push_pointer_token;
use crate::schema::{self, ObjectCheck, Schema};
use crate::source::Span;

include!(concat!(env!("OUT_DIR"), "/rules_index.rs"));

/// A rule that needs code: the models whose objects it looks at and the
/// function that does.
pub(crate) struct CodeRule {
    /// The rule's name (its TOML file in `rules/` has the metadata).
    pub name: &'static str,
    /// Models whose every object it is called on.
    pub models: &'static [&'static str],
    /// The check.
    pub check: ObjectCheck,
}

/// Every code rule that runs on objects, in one place.
pub(crate) static CODE_RULES: &[CodeRule] = &[
    duplicate_param_name::RULE,
    param_value_missing::RULE,
    duplicate_batch_index::RULE,
    too_many_target_instances::RULE,
    provider_mismatch::RULE,
    finished_before_created::RULE,
    missing_finish_time::RULE,
    unexpected_finish_time::RULE,
    execute_costs_mismatch::RULE,
    list_total_too_small::RULE,
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleSpec {
    code: String,
    name: String,
    severity: Severity,
    summary: String,
    help: Option<String>,
    #[serde(default)]
    targets: Vec<String>,
    check: Option<Check>,
    #[serde(default)]
    params: serde_json::Map<String, serde_json::Value>,
}

/// One rule: its stable code and name, its default severity, what it
/// checks and its documentation.
#[derive(Debug)]
pub struct Rule {
    code: String,
    name: String,
    severity: Severity,
    summary: String,
    help: Option<String>,
    targets: Vec<String>,
    check: Option<Check>,
    params: serde_json::Map<String, serde_json::Value>,
    doc: &'static str,
}

impl Rule {
    /// Stable code, e.g. `COC202`.
    pub fn code(&'static self) -> &'static str {
        &self.code
    }
    /// Stable kebab-case name, e.g. `timeout-out-of-range`.
    pub fn name(&'static self) -> &'static str {
        &self.name
    }
    /// Default severity.
    pub fn severity(&self) -> Severity {
        self.severity
    }
    /// One line saying what it checks.
    pub fn summary(&self) -> &str {
        &self.summary
    }
    /// The fix it suggests, if it has a general one.
    pub fn help(&self) -> Option<&str> {
        self.help.as_deref()
    }
    /// The fields a data rule checks, as `Model.field`.
    pub fn targets(&self) -> &[String] {
        &self.targets
    }
    /// The declarative constraint of a data rule; `None` for code rules.
    pub fn check(&self) -> Option<&Check> {
        self.check.as_ref()
    }
    /// One line for `coc-lint rules`: the summary, with the constraint of a
    /// data rule spelled out.
    pub fn one_line(&self) -> String {
        match &self.check {
            Some(check) => {
                let fields: Vec<&str> = self
                    .targets
                    .iter()
                    .map(|t| t.rsplit('.').next().unwrap_or(t))
                    .collect();
                let mut fields = fields;
                fields.dedup();
                format!(
                    "{} (`{}` must be {})",
                    self.summary,
                    fields.join("`, `"),
                    check.describe()
                )
            }
            None => self.summary.clone(),
        }
    }
    /// The rule's documentation as Markdown, with its constraint filled in.
    pub fn doc(&self) -> String {
        let constraint = self.check.as_ref().map(Check::describe).unwrap_or_default();
        let mut doc = self.doc.replace("{{constraint}}", &constraint);
        for (key, value) in &self.params {
            doc = doc.replace(&format!("{{{{{key}}}}}"), &show_param(value));
        }
        doc
    }
    /// A numeric parameter of a code rule.
    pub(crate) fn param_f64(&self, key: &str) -> Option<f64> {
        self.params.get(key)?.as_f64()
    }
    /// A string parameter of a code rule.
    pub(crate) fn param_str(&self, key: &str) -> Option<&str> {
        self.params.get(key)?.as_str()
    }
    /// A list-of-strings parameter of a code rule.
    pub(crate) fn param_strs(&self, key: &str) -> impl Iterator<Item = &str> {
        self.params
            .get(key)
            .and_then(serde_json::Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(serde_json::Value::as_str)
    }
}

/// A rule parameter as the docs show it: `200`, `ECS`, `FINISHED, CANCELED`.
fn show_param(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => {
            items.iter().map(show_param).collect::<Vec<_>>().join(", ")
        }
        other => other.to_string(),
    }
}

/// All rules and the document models, built once from the embedded files.
#[derive(Debug)]
pub struct Registry {
    rules: Vec<Rule>,
    index: HashMap<String, usize>,
    schema: Schema,
}

impl Registry {
    fn build() -> Result<Registry, String> {
        let mut schema =
            schema::parse(SCHEMA_JSON).map_err(|e| format!("rules/schema.toml: {e}"))?;
        let specs: Vec<RuleSpec> =
            serde_json::from_str(RULES_JSON).map_err(|e| format!("rules/*.toml: {e}"))?;
        let mut rules = Vec::new();
        for (spec, (stem, doc)) in specs.into_iter().zip(RULE_DOCS) {
            if spec.name != *stem {
                return Err(format!(
                    "rules/{stem}.toml: name `{}` differs from the file name",
                    spec.name
                ));
            }
            rules.push(Rule {
                code: spec.code,
                name: spec.name,
                severity: spec.severity,
                summary: spec.summary,
                help: spec.help,
                targets: spec.targets,
                check: spec.check,
                params: spec.params,
                doc,
            });
        }
        rules.sort_by(|a, b| a.code.cmp(&b.code));
        let mut index = HashMap::new();
        for (i, rule) in rules.iter().enumerate() {
            for key in [&rule.code, &rule.name] {
                if index.insert(key.clone(), i).is_some() {
                    return Err(format!("rule `{key}` is defined twice"));
                }
            }
            if rule.check.is_some() && rule.targets.is_empty() {
                return Err(format!("rule {} has a check but no targets", rule.name));
            }
            for target in &rule.targets {
                let (model, field) = target.split_once('.').ok_or_else(|| {
                    format!("rule {}: target `{target}` is not Model.field", rule.name)
                })?;
                let m = schema
                    .model(model)
                    .ok_or_else(|| format!("rule {}: unknown model `{model}`", rule.name))?;
                let f = schema.models[m]
                    .fields
                    .iter_mut()
                    .find(|f| f.name == field)
                    .ok_or_else(|| format!("rule {}: unknown field `{target}`", rule.name))?;
                f.rules.push(i);
            }
        }
        for code_rule in CODE_RULES {
            if !index.contains_key(code_rule.name) {
                return Err(format!(
                    "code rule {} has no rules/{0}.toml",
                    code_rule.name
                ));
            }
            for model in code_rule.models {
                let m = schema.model(model).ok_or_else(|| {
                    format!("code rule {}: unknown model `{model}`", code_rule.name)
                })?;
                schema.models[m].code_rules.push(code_rule.check);
            }
        }
        Ok(Registry {
            rules,
            index,
            schema,
        })
    }

    /// Every rule, ordered by code.
    pub fn rules(&'static self) -> &'static [Rule] {
        &self.rules
    }

    /// The rule with this code or name (`COC202`, `timeout-out-of-range`;
    /// codes are matched case-insensitively).
    pub fn get(&'static self, code_or_name: &str) -> Option<&'static Rule> {
        let i = self
            .index
            .get(code_or_name)
            .or_else(|| self.index.get(&code_or_name.to_ascii_uppercase()))?;
        Some(&self.rules[*i])
    }

    /// The document models.
    pub fn schema(&'static self) -> &'static Schema {
        &self.schema
    }

    /// The rule at this index.
    pub(crate) fn by_index(&'static self, i: usize) -> &'static Rule {
        &self.rules[i]
    }
}

static REGISTRY: OnceLock<Registry> = OnceLock::new();

/// The registry of all built-in rules, built on first use.
///
/// ```
/// let rule = coc_lint::registry().get("COC202").expect("a built-in rule");
/// assert_eq!(rule.name(), "timeout-out-of-range");
/// assert_eq!(rule.check().map(|c| c.describe()).as_deref(), Some("greater than 5 and less than 1800"));
/// assert!(rule.doc().contains("## Why is this bad?"));
/// ```
///
/// The rule files are embedded at build time and checked by the test suite,
/// so building the registry cannot fail in a released binary.
pub fn registry() -> &'static Registry {
    REGISTRY.get_or_init(|| match Registry::build() {
        Ok(registry) => registry,
        // The embedded rule files are part of the program, not input; the
        // test suite builds the registry, so this is unreachable in a build
        // that passed its tests.
        Err(e) => panic!("built-in rule files are inconsistent: {e}"),
    })
}

/// The built-in rule named `name`. Only called with names of rules that
/// exist (checked by `Registry::build` for code rules and by the tests).
pub(crate) fn rule(name: &str) -> &'static Rule {
    match registry().get(name) {
        Some(rule) => rule,
        None => panic!("no built-in rule named {name}"),
    }
}

/// The state of one document's lint: the diagnostics found so far and the
/// JSON pointer of the value being looked at.
/// One step of the path from the document root to the value being looked
/// at; the JSON pointer is built from them only when a diagnostic needs it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Token<'a> {
    Key(&'a str),
    Index(usize),
}

#[derive(Default)]
pub(crate) struct Cx<'a> {
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Spans of values that may be secrets.
    pub(crate) sensitive: Vec<Span>,
    /// Where the walk is.
    pub(crate) path: Vec<Token<'a>>,
}

impl Cx<'_> {
    /// The JSON pointer of the value being looked at.
    pub(crate) fn pointer(&self) -> String {
        let mut p = String::new();
        for token in &self.path {
            match token {
                Token::Key(key) => push_pointer_token(&mut p, key),
                Token::Index(i) => push_pointer_token(&mut p, itoa::Buffer::new().format(*i)),
            }
        }
        p
    }

    /// The pointer of the current value extended by `tokens`.
    pub(crate) fn pointer_to(&self, tokens: &[&str]) -> String {
        let mut p = self.pointer();
        for t in tokens {
            push_pointer_token(&mut p, t);
        }
        p
    }

    /// Report a diagnostic of the rule `name` at `span`.
    pub(crate) fn report(
        &mut self,
        name: &str,
        span: Span,
        pointer: String,
        message: String,
    ) -> &mut Diagnostic {
        self.report_rule(rule(name), span, pointer, message)
    }

    /// Report a diagnostic of `rule` at `span`.
    pub(crate) fn report_rule(
        &mut self,
        rule: &'static Rule,
        span: Span,
        pointer: String,
        message: String,
    ) -> &mut Diagnostic {
        self.diagnostics
            .push(Diagnostic::new(rule, span, pointer, message));
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_builds_and_every_rule_is_documented() {
        let reg = registry();
        assert!(reg.rules().len() >= 50);
        for rule in reg.rules() {
            let doc = rule.doc();
            for heading in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Source",
            ] {
                assert!(
                    doc.contains(heading),
                    "rules/{}.md lacks `{heading}`",
                    rule.name()
                );
            }
            assert!(
                !doc.contains("{{"),
                "rules/{}.md has an unfilled placeholder",
                rule.name()
            );
            assert!(
                rule.code().starts_with("COC") && rule.code().len() == 6,
                "{}",
                rule.code()
            );
            assert!(rule
                .name()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-'));
        }
    }

    #[test]
    fn every_pattern_compiles() {
        // Patterns are compiled on first use, not at start-up: check them all
        // here.
        for rule in registry().rules() {
            if let Some(check) = rule.check() {
                check
                    .compile()
                    .unwrap_or_else(|e| panic!("{}: {e}", rule.name()));
            }
        }
    }

    #[test]
    fn lookup_by_code_or_name() {
        let reg = registry();
        assert_eq!(reg.get("COC202").unwrap().name(), "timeout-out-of-range");
        assert_eq!(reg.get("coc202").unwrap().name(), "timeout-out-of-range");
        assert_eq!(reg.get("timeout-out-of-range").unwrap().code(), "COC202");
        assert!(reg.get("nope").is_none());
    }
}
