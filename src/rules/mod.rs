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
pub mod id;

pub(crate) mod duplicate_batch_index;
pub(crate) mod duplicate_key;
pub(crate) mod duplicate_param_name;
pub(crate) mod execute_costs_mismatch;
pub(crate) mod fields;
pub(crate) mod finished_before_created;
pub(crate) mod list_total_too_small;
pub(crate) mod missing_finish_time;
pub(crate) mod param_value_missing;
pub(crate) mod plaintext_secret;
pub(crate) mod provider_mismatch;
pub mod team;
pub(crate) mod too_many_target_instances;
pub(crate) mod types;
pub(crate) mod unexpected_finish_time;
pub(crate) mod util;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use serde::Deserialize;

pub use check::Check;
pub use id::{ParamError, RuleId, RuleParams};
pub use team::{RuleOrigin, TeamRuleError, TomlValue};

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::load::ast::{push_pointer_token, Node};
use crate::schema::{self, Schema};
use crate::source::Span;

include!(concat!(env!("OUT_DIR"), "/rules_index.rs"));

/// A code rule's entry point: called on every object of the models it
/// names.
pub(crate) type ObjectCheck = fn(&Node<'_>, &mut Cx<'_>);

/// A rule that needs code: the models whose objects it looks at and the
/// function that does.
pub(crate) struct CodeRule {
    /// The rule (its TOML file in `rules/` has the metadata).
    pub id: RuleId,
    /// Models whose every object it is called on.
    pub models: &'static [&'static str],
    /// The check.
    pub check: ObjectCheck,
}

/// Every code rule that runs on objects, in one place.
pub(crate) static CODE_RULES: &[CodeRule] = &[
    duplicate_param_name::RULE,
    param_value_missing::RULE,
    plaintext_secret::RULE,
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
    /// Typed and defaulted by the generated [`RuleParams`].
    #[serde(default)]
    #[allow(dead_code)]
    params: serde_json::Map<String, serde_json::Value>,
}

/// A team rule's texts in Chinese (`summary = { en-us = ..., zh-cn = ... }`).
#[derive(Debug, Clone, Default)]
pub(crate) struct TeamTexts {
    pub(crate) summary: Option<String>,
    pub(crate) help: Option<String>,
}

/// One rule: its stable code and name, its severity, what it checks and
/// its documentation.
#[derive(Debug, Clone)]
pub struct Rule {
    id: Option<RuleId>,
    code: Cow<'static, str>,
    name: Cow<'static, str>,
    severity: Severity,
    default_severity: Severity,
    enabled: bool,
    summary: String,
    help: Option<String>,
    /// A team rule's Chinese summary and help, when its configuration
    /// gives them.
    team_zh: TeamTexts,
    targets: Vec<String>,
    check: Option<Arc<Check>>,
    params: Vec<(&'static str, serde_json::Value)>,
    doc: Cow<'static, str>,
    /// For a team rule: the file and line that define it.
    defined_in: Option<(PathBuf, usize)>,
}

impl Rule {
    /// The built-in rule's identifier (`None` for a rule defined elsewhere).
    pub fn id(&self) -> Option<RuleId> {
        self.id
    }
    /// Stable code, e.g. `COC202`.
    pub fn code(&self) -> &str {
        &self.code
    }
    /// Stable kebab-case name, e.g. `timeout-out-of-range`.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The severity its diagnostics get in this rule set.
    pub fn severity(&self) -> Severity {
        self.severity
    }
    /// The severity its rule file gives it.
    pub fn default_severity(&self) -> Severity {
        self.default_severity
    }
    /// Whether it runs (rules turned off in a rule set report nothing).
    pub fn is_enabled(&self) -> bool {
        self.enabled
    }
    /// One line saying what it checks.
    pub fn summary(&self) -> &str {
        &self.summary
    }
    /// The fix it suggests, if it has a general one.
    pub fn help(&self) -> Option<&str> {
        self.help.as_deref()
    }
    /// [`Rule::summary`] in `lang`: a built-in rule's from the catalog
    /// (`rule-NAME-summary`), a team rule's as its configuration gives it,
    /// else the English one.
    pub fn summary_in(&self, lang: Lang) -> Cow<'_, str> {
        if let (Lang::ZhCn, Some(zh)) = (lang, &self.team_zh.summary) {
            return Cow::Borrowed(zh);
        }
        self.text_in(lang, "summary")
            .map_or(Cow::Borrowed(self.summary.as_str()), Cow::Owned)
    }
    /// [`Rule::help`] in `lang` (`rule-NAME-help`, or a team rule's own),
    /// else the English one.
    pub fn help_in(&self, lang: Lang) -> Option<Cow<'_, str>> {
        let english = self.help.as_deref()?;
        if let (Lang::ZhCn, Some(zh)) = (lang, &self.team_zh.help) {
            return Some(Cow::Borrowed(zh));
        }
        Some(
            self.text_in(lang, "help")
                .map_or(Cow::Borrowed(english), Cow::Owned),
        )
    }
    /// The catalog's `rule-NAME-WHAT` in `lang`, for a built-in rule in a
    /// language other than English.
    fn text_in(&self, lang: Lang, what: &str) -> Option<String> {
        if lang == Lang::EnUs || self.id.is_none() {
            return None;
        }
        let id = format!("rule-{}-{what}", self.name);
        crate::i18n::has(lang, &id).then(|| crate::i18n::format(lang, &id, &[]))
    }
    /// The fields a data rule checks, as `Model.field`.
    pub fn targets(&self) -> &[String] {
        &self.targets
    }
    /// The declarative constraint of a data rule; `None` for code rules.
    pub fn check(&self) -> Option<&Check> {
        self.check.as_deref()
    }
    /// Where a team rule is defined (file and 1-based line); `None` for a
    /// built-in rule.
    pub fn defined_in(&self) -> Option<(&Path, usize)> {
        self.defined_in.as_ref().map(|(p, l)| (p.as_path(), *l))
    }
    /// The parameters of a code rule, as their current values.
    pub fn params(&self) -> &[(&'static str, serde_json::Value)] {
        &self.params
    }
    /// One line for `coc-lint rules`: the summary, with the constraint of a
    /// data rule spelled out.
    pub fn one_line(&self) -> String {
        self.one_line_in(Lang::EnUs)
    }
    /// [`Rule::one_line`] in `lang`.
    pub fn one_line_in(&self, lang: Lang) -> String {
        match &self.check {
            Some(check) => {
                let mut fields: Vec<&str> = self
                    .targets
                    .iter()
                    // `Model.field` and a pointer pattern name their last
                    // field; a model names itself.
                    .map(|t| t.rsplit(['.', '/']).next().unwrap_or(t))
                    .collect();
                fields.dedup();
                crate::i18n::tr!(
                    lang,
                    "rule-one-line",
                    summary = &*self.summary_in(lang),
                    fields = fields.join("`, `"),
                    allowed = check.describe_in(lang, &self.name)
                )
            }
            None => self.summary_in(lang).into_owned(),
        }
    }
    /// The rule's documentation as Markdown, with its constraint and
    /// parameters filled in.
    pub fn doc(&self) -> String {
        self.doc_in(Lang::EnUs)
    }
    /// [`Rule::doc`] in `lang`: `rules/NAME.zh-cn.md` for Chinese, the
    /// English manual when a rule has no translation.
    pub fn doc_in(&self, lang: Lang) -> String {
        // A team rule has no translation: its own manual in any language.
        let translated = RULE_DOCS_ZH_CN
            .iter()
            .filter(|_| lang == Lang::ZhCn && self.id.is_some())
            .find(|(name, _)| *name == self.name)
            .map(|(_, doc)| *doc)
            .filter(|doc| !doc.is_empty());
        let manual: &str = translated.unwrap_or(&self.doc);
        let constraint = self
            .check()
            .map(|c| c.describe_in(lang, &self.name))
            .unwrap_or_default();
        let mut doc = manual.replace("{{constraint}}", &constraint);
        for (key, value) in &self.params {
            doc = doc.replace(&format!("{{{{{key}}}}}"), &show_param(value));
        }
        doc
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

/// A set of rules a [`crate::Linter`] runs: which rules are on, their
/// severities and parameters, and which fields and models each applies to.
///
/// The built-in set ([`RuleSet::builtin`]) is built once from the rule
/// files embedded at build time and shared; [`RuleSet::builder`] starts from
/// it to make another.
///
/// ```
/// use std::sync::Arc;
/// use coc_lint::{Linter, LintOptions, RuleSet, Severity};
///
/// let mut rules = RuleSet::builder();
/// rules.disable("execute-user-not-root")?;
/// rules.severity("COC204", Severity::Warning)?;
/// let linter = Linter::with_rules(LintOptions::default(), Arc::new(rules.build()));
/// let report = linter.lint_source("p.json", r#"{"timeout": 300, "success_rate": 99.55, "execute_user": "admin"}"#);
/// let found: Vec<_> = report.diagnostics.iter().map(|d| (d.code.as_ref(), d.severity)).collect();
/// assert_eq!(found, [("COC204", Severity::Warning)]);
/// # Ok::<(), coc_lint::rules::RuleSetError>(())
/// ```
#[derive(Debug, Clone)]
pub struct RuleSet {
    rules: Vec<Rule>,
    index: HashMap<String, usize>,
    params: RuleParams,
    /// For each field (by [`schema::Field::id`]): the enabled data rules
    /// that check it.
    field_rules: Vec<Vec<usize>>,
    /// For each model (by index): the enabled code rules that look at its
    /// objects.
    code_rules: Vec<Vec<ObjectCheck>>,
    /// `plaintext-secret`'s parameters, compiled on first use (reset when a
    /// builder changes them).
    secret_matcher: Arc<OnceLock<plaintext_secret::Matcher>>,
    /// Team rules (see [`team`]), in the order they were added.
    team: Vec<Arc<team::TeamRule>>,
    /// For each field (by id): the enabled team rules (indices in `team`)
    /// that check it.
    team_fields: Vec<Vec<usize>>,
    /// For each model (by index): the enabled team rules that check its
    /// objects.
    team_models: Vec<Vec<usize>>,
    /// The enabled team rules with a JSON pointer target.
    team_pointers: Vec<usize>,
    /// Whether an enabled team rule has a `when = { path = ... }`.
    needs_path: bool,
    /// The folder relative file names are resolved against for `when =
    /// { path = ... }`.
    cwd: Option<PathBuf>,
}

static BUILTIN: OnceLock<Arc<RuleSet>> = OnceLock::new();

impl RuleSet {
    /// The built-in rules with their default severities and parameters,
    /// built on first use and shared.
    ///
    /// ```
    /// let rules = coc_lint::RuleSet::builtin();
    /// let rule = rules.get("COC202").expect("a built-in rule");
    /// assert_eq!(rule.name(), "timeout-out-of-range");
    /// assert_eq!(rule.check().map(|c| c.describe()).as_deref(), Some("greater than 5 and less than 1800"));
    /// assert!(rule.doc().contains("## Why is this bad?"));
    /// ```
    ///
    /// The rule files are embedded at build time and checked by the test
    /// suite, so building the set cannot fail in a released binary.
    pub fn builtin() -> Arc<RuleSet> {
        BUILTIN
            .get_or_init(|| match RuleSet::parse_builtin() {
                Ok(rules) => Arc::new(rules),
                // The embedded rule files are part of the program, not
                // input; the test suite builds the set, so this is
                // unreachable in a build that passed its tests.
                Err(e) => panic!("built-in rule files are inconsistent: {e}"),
            })
            .clone()
    }

    /// A builder that starts from the built-in rules.
    pub fn builder() -> RuleSetBuilder {
        RuleSetBuilder {
            set: (*RuleSet::builtin()).clone(),
        }
    }

    fn parse_builtin() -> Result<RuleSet, String> {
        let schema = schema::builtin();
        let specs: Vec<RuleSpec> =
            serde_json::from_str(RULES_JSON).map_err(|e| format!("rules/*.toml: {e}"))?;
        let params = RuleParams::default();
        let mut by_code: HashMap<String, (RuleSpec, &'static str)> = HashMap::new();
        for (spec, (stem, doc)) in specs.into_iter().zip(RULE_DOCS) {
            if spec.name != *stem {
                return Err(format!(
                    "rules/{stem}.toml: name `{}` differs from the file name",
                    spec.name
                ));
            }
            if let Some(other) = by_code.insert(spec.code.clone(), (spec, doc)) {
                return Err(format!(
                    "code {} is used twice ({})",
                    other.0.code, other.0.name
                ));
            }
        }
        let mut rules = Vec::new();
        for &id in RuleId::ALL {
            let (spec, doc) = by_code
                .remove(id.code())
                .ok_or_else(|| format!("no rule file has code {}", id.code()))?;
            if spec.name != id.name() {
                return Err(format!("{}: name `{}` differs", id.code(), spec.name));
            }
            if spec.check.is_some() && spec.targets.is_empty() {
                return Err(format!("rule {} has a check but no targets", spec.name));
            }
            for target in &spec.targets {
                let (model, field) = target.split_once('.').ok_or_else(|| {
                    format!("rule {}: target `{target}` is not Model.field", spec.name)
                })?;
                let m = schema
                    .model(model)
                    .ok_or_else(|| format!("rule {}: unknown model `{model}`", spec.name))?;
                if schema.models[m].field(field).is_none() {
                    return Err(format!("rule {}: unknown field `{target}`", spec.name));
                }
            }
            rules.push(Rule {
                id: Some(id),
                code: Cow::Borrowed(id.code()),
                name: Cow::Borrowed(id.name()),
                severity: spec.severity,
                default_severity: spec.severity,
                enabled: true,
                summary: spec.summary,
                help: spec.help,
                targets: spec.targets,
                check: spec.check.map(Arc::new),
                params: params.values(id),
                doc: Cow::Borrowed(doc),
                defined_in: None,
                team_zh: TeamTexts::default(),
            });
        }
        for code_rule in CODE_RULES {
            for model in code_rule.models {
                if schema.model(model).is_none() {
                    return Err(format!(
                        "code rule {}: unknown model `{model}`",
                        code_rule.id.name()
                    ));
                }
            }
        }
        let mut index = HashMap::new();
        for (i, rule) in rules.iter().enumerate() {
            for key in [rule.code(), rule.name()] {
                if index.insert(key.to_owned(), i).is_some() {
                    return Err(format!("rule `{key}` is defined twice"));
                }
            }
        }
        let mut set = RuleSet {
            rules,
            index,
            params,
            field_rules: Vec::new(),
            code_rules: Vec::new(),
            secret_matcher: Arc::default(),
            team: Vec::new(),
            team_fields: Vec::new(),
            team_models: Vec::new(),
            team_pointers: Vec::new(),
            needs_path: false,
            cwd: None,
        };
        set.wire();
        Ok(set)
    }

    /// Work out which enabled rules apply to which fields and models.
    fn wire(&mut self) {
        let schema = schema::builtin();
        let mut field_rules = vec![Vec::new(); schema.field_count()];
        for (i, rule) in self.rules.iter().enumerate() {
            // Team rules are wired below: they have conditions, templates
            // and targets the built-in walk does not know.
            if !rule.enabled || rule.check.is_none() || rule.id.is_none() {
                continue;
            }
            for target in &rule.targets {
                let field = target
                    .split_once('.')
                    .and_then(|(m, f)| Some(schema.models[schema.model(m)?].field(f)?.id));
                if let Some(field) = field {
                    field_rules[field].push(i);
                }
            }
        }
        let mut code_rules = vec![Vec::new(); schema.models.len()];
        for code_rule in CODE_RULES {
            if !self.rules[code_rule.id as usize].enabled {
                continue;
            }
            for model in code_rule.models {
                if let Some(m) = schema.model(model) {
                    code_rules[m].push(code_rule.check);
                }
            }
        }
        self.field_rules = field_rules;
        self.code_rules = code_rules;

        let mut team_fields = vec![Vec::new(); schema.field_count()];
        let mut team_models = vec![Vec::new(); schema.models.len()];
        let mut team_pointers = Vec::new();
        let mut needs_path = false;
        for (t, rule) in self.team.iter().enumerate() {
            if !self.rules[rule.index].enabled {
                continue;
            }
            needs_path |= rule.when.iter().any(team::Condition::has_path);
            let mut pointer = false;
            for target in &rule.targets {
                match target {
                    team::Target::Field(f) => team_fields[*f].push(t),
                    team::Target::Model(m) => team_models[*m].push(t),
                    team::Target::Pointer(_) => pointer = true,
                }
            }
            if pointer {
                team_pointers.push(t);
            }
        }
        self.team_fields = team_fields;
        self.team_models = team_models;
        self.team_pointers = team_pointers;
        self.needs_path = needs_path;
    }

    /// The enabled team rules that check the field with this id.
    pub(crate) fn team_field_rules(&self, field: usize) -> &[usize] {
        self.team_fields.get(field).map_or(&[], Vec::as_slice)
    }

    /// The enabled team rules that check the objects of this model.
    pub(crate) fn team_model_rules(&self, model: usize) -> &[usize] {
        self.team_models.get(model).map_or(&[], Vec::as_slice)
    }

    /// Whether any enabled team rule has a JSON pointer target.
    pub(crate) fn has_pointer_rules(&self) -> bool {
        !self.team_pointers.is_empty()
    }

    /// The absolute path of the file linted under `name`, when an enabled
    /// team rule needs it (`when = { path = ... }`).
    pub(crate) fn file_path(&self, name: &str) -> Option<PathBuf> {
        if !self.needs_path {
            return None;
        }
        let cwd = match &self.cwd {
            Some(cwd) => cwd.clone(),
            None => std::env::current_dir().unwrap_or_default(),
        };
        Some(crate::paths::absolute(&cwd, Path::new(name)))
    }

    /// Every rule: the built-in ones ordered by code, then team rules in
    /// the order they were added.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The rule with this code or name (`COC202`, `timeout-out-of-range`;
    /// codes are matched case-insensitively).
    pub fn get(&self, code_or_name: &str) -> Option<&Rule> {
        self.lookup(code_or_name).map(|i| &self.rules[i])
    }

    fn lookup(&self, code_or_name: &str) -> Option<usize> {
        self.index
            .get(code_or_name)
            .or_else(|| self.index.get(&code_or_name.to_ascii_uppercase()))
            .copied()
    }

    /// The rules a selector names, in code order: a code (`COC206`, in any
    /// case), a name (`execute-user-not-root`), a code prefix (`COC2`: every
    /// rule whose code starts with it) or `ALL`. An unknown selector is an
    /// error with the closest code or name.
    ///
    /// ```
    /// let rules = coc_lint::RuleSet::builtin();
    /// let names: Vec<&str> = rules.select("COC60").unwrap().iter().map(|r| r.name()).collect();
    /// assert_eq!(names, ["list-page-size", "order-id-out-of-range", "order-name-length"]);
    /// assert!(rules.select("execute-user-not-rot").is_err());
    /// ```
    pub fn select(&self, selector: &str) -> Result<Vec<&Rule>, RuleSetError> {
        Ok(self
            .select_indices(selector)?
            .into_iter()
            .map(|i| &self.rules[i])
            .collect())
    }

    pub(crate) fn select_indices(&self, selector: &str) -> Result<Vec<usize>, RuleSetError> {
        if selector == "ALL" {
            return Ok((0..self.rules.len()).collect());
        }
        if let Some(i) = self.lookup(selector) {
            return Ok(vec![i]);
        }
        // A code prefix: `COC2`, or a team's `X1`.
        let upper = selector.to_ascii_uppercase();
        if !upper.is_empty() && upper.bytes().all(|b| b.is_ascii_alphanumeric()) {
            let found: Vec<usize> = (0..self.rules.len())
                .filter(|&i| self.rules[i].code.starts_with(&upper))
                .collect();
            if !found.is_empty() {
                return Ok(found);
            }
        }
        Err(RuleSetError::UnknownRule {
            rule: selector.to_owned(),
            suggestion: suggest(&self.rules, selector),
        })
    }

    /// The index of the rule with this code or name.
    pub(crate) fn index_of(&self, code_or_name: &str) -> Option<usize> {
        self.lookup(code_or_name)
    }

    /// The built-in rule `id`.
    pub fn rule(&self, id: RuleId) -> &Rule {
        // Built-in rules sit at the index of their identifier (checked when
        // the set is built), and a builder never removes one.
        &self.rules[id as usize]
    }

    /// The typed parameters of the code rules.
    pub fn params(&self) -> &RuleParams {
        &self.params
    }

    /// The document models the rules check.
    pub fn schema(&self) -> &'static Schema {
        schema::builtin()
    }

    /// The enabled data rules that check the field with this id.
    pub(crate) fn field_rules(&self, field: usize) -> &[usize] {
        self.field_rules.get(field).map_or(&[], Vec::as_slice)
    }

    /// The enabled code rules that look at objects of the model with this
    /// index.
    pub(crate) fn code_rules(&self, model: usize) -> &[ObjectCheck] {
        self.code_rules.get(model).map_or(&[], Vec::as_slice)
    }

    /// `plaintext-secret`'s names and patterns, compiled.
    pub(crate) fn secret_matcher(&self) -> &plaintext_secret::Matcher {
        self.secret_matcher
            .get_or_init(|| plaintext_secret::Matcher::new(&self.params.plaintext_secret))
    }

    /// The rule at this index.
    pub(crate) fn by_index(&self, i: usize) -> &Rule {
        &self.rules[i]
    }

    /// A diagnostic of the rule at index `i`, with the rule's help in
    /// `lang` (the message is already in it).
    pub(crate) fn diagnostic_in(
        &self,
        lang: Lang,
        i: usize,
        span: Span,
        pointer: String,
        message: String,
    ) -> Diagnostic {
        let rule = &self.rules[i];
        Diagnostic::new(
            rule.code.clone(),
            rule.name.clone(),
            rule.severity,
            rule.help_in(lang).map(Cow::into_owned),
            span,
            pointer,
            message,
        )
    }
}

/// Builds a [`RuleSet`] from the built-in one: rules turned off or on,
/// severities and parameters changed.
#[derive(Debug, Clone)]
pub struct RuleSetBuilder {
    set: RuleSet,
}

impl RuleSetBuilder {
    fn find(&self, rule: &str) -> Result<usize, RuleSetError> {
        self.set
            .lookup(rule)
            .ok_or_else(|| RuleSetError::UnknownRule {
                rule: rule.to_owned(),
                suggestion: self.suggest(rule),
            })
    }

    fn suggest(&self, rule: &str) -> Option<String> {
        suggest(&self.set.rules, rule)
    }

    /// Turn the rule at index `i` on or off.
    pub(crate) fn set_enabled(&mut self, i: usize, enabled: bool) {
        if let Some(rule) = self.set.rules.get_mut(i) {
            rule.enabled = enabled;
        }
    }

    /// Give the rule at index `i` this severity.
    pub(crate) fn set_severity(&mut self, i: usize, severity: Severity) {
        if let Some(rule) = self.set.rules.get_mut(i) {
            rule.severity = severity;
        }
    }

    /// Turn the rule with this code or name off.
    pub fn disable(&mut self, rule: &str) -> Result<&mut Self, RuleSetError> {
        let i = self.find(rule)?;
        self.set.rules[i].enabled = false;
        Ok(self)
    }

    /// Turn the rule with this code or name on.
    pub fn enable(&mut self, rule: &str) -> Result<&mut Self, RuleSetError> {
        let i = self.find(rule)?;
        self.set.rules[i].enabled = true;
        Ok(self)
    }

    /// Give the diagnostics of the rule with this code or name `severity`.
    pub fn severity(&mut self, rule: &str, severity: Severity) -> Result<&mut Self, RuleSetError> {
        let i = self.find(rule)?;
        self.set.rules[i].severity = severity;
        Ok(self)
    }

    /// Set parameter `key` of a code rule (`max` of
    /// `too-many-target-instances`) to a value of the parameter's type.
    pub fn param(
        &mut self,
        rule: &str,
        key: &str,
        value: serde_json::Value,
    ) -> Result<&mut Self, RuleSetError> {
        let i = self.find(rule)?;
        let Some(id) = self.set.rules[i].id else {
            return Err(RuleSetError::Param {
                rule: rule.to_owned(),
                key: key.to_owned(),
                error: ParamError::Unknown { known: &[] },
            });
        };
        self.set
            .params
            .set(id, key, &value)
            .map_err(|error| RuleSetError::Param {
                rule: id.name().to_owned(),
                key: key.to_owned(),
                error,
            })?;
        self.set.rules[i].params = self.set.params.values(id);
        Ok(self)
    }

    /// The rule set as built so far (team rules included), to resolve
    /// selectors against before turning rules on and off.
    pub fn current(&self) -> &RuleSet {
        &self.set
    }

    /// The folder relative file names are resolved against for team rules'
    /// `when = { path = ... }` (default: the working directory when a file
    /// is linted).
    pub fn cwd(&mut self, dir: &Path) -> &mut Self {
        self.set.cwd = Some(dir.to_path_buf());
        self
    }

    /// Add a team rule: `table` is a rule table in the format of the
    /// built-in rule files, read from `origin.text` with the span of every
    /// value (a `[[rule]]` of a configuration file, or a whole rule file).
    /// `doc` is its Markdown (a rule file's `.md` beside it); a `doc` key
    /// in the table wins. A rule already added from the same bytes of the
    /// same file is not added again. On error, the set is unchanged.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use coc_lint::rules::{RuleOrigin, TomlValue};
    ///
    /// let text = r#"
    /// code = "X101"
    /// name = "prod-timeout"
    /// severity = "error"
    /// summary = "Production scripts time out within ten minutes"
    /// targets = ["ScriptExecuteParam.timeout"]
    /// check = { kind = "range", max = 600 }
    /// "#;
    /// let table: toml::Spanned<TomlValue> = toml::from_str::<toml::Spanned<TomlValue>>(text)?;
    /// let origin = RuleOrigin { path: "x101.toml".into(), text: Arc::from(text), base: ".".into() };
    /// let mut rules = coc_lint::RuleSet::builder();
    /// rules.add_rule(&table, &origin, None)?;
    /// let linter = coc_lint::Linter::with_rules(Default::default(), Arc::new(rules.build()));
    /// let report = linter.lint_source("p.json", r#"{"timeout": 900, "success_rate": 100, "execute_user": "root"}"#);
    /// assert_eq!(report.diagnostics[0].code, "X101");
    /// assert_eq!(report.diagnostics[0].message, "`timeout` is 900, but it must be at most 600");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_rule(
        &mut self,
        table: &toml::Spanned<TomlValue>,
        origin: &RuleOrigin,
        doc: Option<&str>,
    ) -> Result<&mut Self, TeamRuleError> {
        let cwd = || std::env::current_dir().unwrap_or_default();
        let file = std::fs::canonicalize(&origin.path).unwrap_or_else(|_| {
            crate::paths::absolute(
                self.set.cwd.clone().unwrap_or_else(cwd).as_path(),
                &origin.path,
            )
        });
        let at = (file, table.span().start);
        if self.set.team.iter().any(|t| t.written_at == at) {
            return Ok(self);
        }
        let mut origin = origin.clone();
        if let Some(cwd) = &self.set.cwd {
            origin.base = crate::paths::absolute(cwd, &origin.base);
        } else if origin.base.is_relative() {
            let cwd = std::env::current_dir().unwrap_or_default();
            origin.base = crate::paths::absolute(&cwd, &origin.base);
        }
        let (rule, mut team) = team::read(table, &origin, doc, &self.set)?;
        team.written_at = at;
        let i = self.set.rules.len();
        self.set.index.insert(rule.code().to_owned(), i);
        self.set.index.insert(rule.name().to_owned(), i);
        self.set.rules.push(rule);
        self.set.team.push(Arc::new(team));
        Ok(self)
    }

    /// Add the team rule that is the whole of `origin.text` (a rule file of
    /// a folder of team rules), with `doc` (its `.md` file) as its manual.
    pub fn add_rule_file(
        &mut self,
        origin: &RuleOrigin,
        doc: Option<&str>,
    ) -> Result<&mut Self, TeamRuleError> {
        let table = toml::from_str::<TomlValue>(&origin.text).map_err(|e| TeamRuleError {
            span: e.span(),
            message: Box::new(
                crate::i18n::Msg::new("config-toml")
                    .arg("error", e.message().trim_end().to_owned()),
            ),
            help: None,
        })?;
        let table = toml::Spanned::new(0..origin.text.len(), table);
        self.add_rule(&table, origin, doc)
    }

    /// The rule set.
    pub fn build(mut self) -> RuleSet {
        self.set.wire();
        self.set.secret_matcher = Arc::default();
        self.set
    }
}

/// The closest rule name or code to `rule`, if one is close.
fn suggest(rules: &[Rule], rule: &str) -> Option<String> {
    let wanted = rule.to_ascii_lowercase();
    // A letter typed for the digit it looks like (`COC2O2`, `COCl02`) is
    // one edit from several codes; the code it looks like is the one meant.
    let folded: String = wanted
        .chars()
        .map(|c| match c {
            'o' => '0',
            'i' | 'l' => '1',
            c => c,
        })
        .collect();
    if let Some(r) = rules.iter().find(|r| {
        wanted.starts_with("coc")
            && r.code()
                .eq_ignore_ascii_case(&format!("coc{}", &folded[3..]))
    }) {
        return Some(r.code().to_owned());
    }
    rules
        .iter()
        .flat_map(|r| [r.name(), r.code()])
        .map(|k| (strsim::jaro_winkler(&wanted, &k.to_ascii_lowercase()), k))
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k.to_owned())
}

/// A change a [`RuleSetBuilder`] could not make.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum RuleSetError {
    /// No rule has this code or name.
    UnknownRule {
        /// The code or name given.
        rule: String,
        /// The closest existing name or code, if one is close.
        suggestion: Option<String>,
    },
    /// A parameter that does not exist or a value of the wrong type.
    Param {
        /// The rule's name.
        rule: String,
        /// The parameter's name.
        key: String,
        /// What is wrong.
        error: ParamError,
    },
}

impl RuleSetError {
    /// This error as a message id with its arguments, to word in the
    /// language of a run.
    pub fn msg(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            RuleSetError::UnknownRule {
                rule,
                suggestion: None,
            } => Msg::new("ruleset-unknown-rule").arg("rule", rule.clone()),
            RuleSetError::UnknownRule {
                rule,
                suggestion: Some(s),
            } => Msg::new("ruleset-unknown-rule-suggest")
                .arg("rule", rule.clone())
                .arg("suggestion", s.clone()),
            RuleSetError::Param { rule, key, error } => match error {
                ParamError::Unknown { known: [] } => Msg::new("ruleset-no-params")
                    .arg("rule", rule.clone())
                    .arg("key", key.clone()),
                ParamError::Unknown { known } => Msg::new("ruleset-unknown-param")
                    .arg("rule", rule.clone())
                    .arg("key", key.clone())
                    .arg("known", known.join("`, `")),
                ParamError::WrongType { expected } => Msg::new("ruleset-param-type")
                    .arg("rule", rule.clone())
                    .arg("key", key.clone())
                    .arg("expected", *expected),
            },
        }
    }
}

impl fmt::Display for RuleSetError {
    /// The error in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg().format(Lang::EnUs))
    }
}

impl std::error::Error for RuleSetError {}

/// One step of the path from the document root to the value being looked
/// at; the JSON pointer is built from them only when a diagnostic needs it.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Token<'a> {
    Key(&'a str),
    Index(usize),
}

/// The state of one document's lint: the rule set, the diagnostics found so
/// far and the path to the value being looked at.
pub(crate) struct Cx<'a> {
    pub(crate) rules: &'a RuleSet,
    /// The language of the messages.
    pub(crate) lang: Lang,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// Diagnostics of rules turned off in the rule set: built (so that a
    /// rule's code reads the same whether or not it is on) and dropped.
    muted: Vec<Diagnostic>,
    /// Spans of the values that may be secrets (sorted, non-overlapping),
    /// found by [`crate::redact`] before any rule runs: a message never
    /// quotes a value inside one.
    pub(crate) secrets: Vec<Span>,
    /// Where the walk is.
    pub(crate) path: Vec<Token<'a>>,
    /// The document's root, for team rules' `when = { field = ... }`.
    pub(crate) root: Option<&'a Node<'a>>,
    /// The file's absolute path, for team rules' `when = { path = ... }`
    /// (only computed when a rule needs it).
    pub(crate) file: Option<PathBuf>,
}

impl<'a> Cx<'a> {
    pub(crate) fn new(rules: &'a RuleSet, lang: Lang, secrets: Vec<Span>) -> Self {
        Cx {
            rules,
            lang,
            diagnostics: Vec::new(),
            muted: Vec::new(),
            secrets,
            path: Vec::new(),
            root: None,
            file: None,
        }
    }

    /// Whether the value at `span` is (or is inside) a value that may be a
    /// secret: a message must describe it, never quote it.
    pub(crate) fn is_secret(&self, span: Span) -> bool {
        crate::redact::inside(&self.secrets, span)
    }

    /// `text` (a rendering of the value at `span`) when the value may be
    /// shown, the message `what` (a description such as `shown-a-number`:
    /// "a number") when it may be a secret.
    pub(crate) fn show(&self, span: Span, text: impl std::fmt::Display, what: &str) -> String {
        if self.is_secret(span) {
            crate::i18n::format(self.lang, what, &[])
        } else {
            text.to_string()
        }
    }

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

    /// Report a diagnostic of the built-in rule `id` at `span`.
    pub(crate) fn report(
        &mut self,
        id: RuleId,
        span: Span,
        pointer: String,
        message: String,
    ) -> &mut Diagnostic {
        self.report_index(id as usize, span, pointer, message)
    }

    /// Report a diagnostic of the rule at index `i` of the rule set.
    pub(crate) fn report_index(
        &mut self,
        i: usize,
        span: Span,
        pointer: String,
        message: String,
    ) -> &mut Diagnostic {
        let d = self
            .rules
            .diagnostic_in(self.lang, i, span, pointer, message);
        let list = if self.rules.by_index(i).enabled {
            &mut self.diagnostics
        } else {
            self.muted.clear();
            &mut self.muted
        };
        list.push(d);
        let last = list.len() - 1;
        &mut list[last]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_builds_and_every_rule_is_documented() {
        let reg = RuleSet::builtin();
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
            // A rule that names a contradiction of the documentation
            // says what it decided.
            if doc.contains("Discrepancies") {
                assert!(
                    doc.contains("## Decision"),
                    "rules/{}.md cites a discrepancy of the docs but has no `## Decision`",
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

    /// The fenced code blocks of a manual, its heading levels and its
    /// `{{placeholders}}`: what a translation keeps as it is.
    fn skeleton(doc: &str) -> (Vec<String>, Vec<usize>, Vec<String>) {
        let (mut blocks, mut headings, mut placeholders) = (Vec::new(), Vec::new(), Vec::new());
        let mut block: Option<String> = None;
        for line in doc.lines() {
            match &mut block {
                Some(b) => {
                    b.push_str(line);
                    b.push('\n');
                    if line.starts_with("```") {
                        blocks.extend(block.take());
                    }
                }
                None if line.starts_with("```") => block = Some(format!("{line}\n")),
                None => {
                    if line.starts_with('#') {
                        headings.push(line.bytes().take_while(|&b| b == b'#').count());
                    }
                    for part in line.split("{{").skip(1) {
                        placeholders.push(part.split("}}").next().unwrap_or("").to_owned());
                    }
                }
            }
        }
        placeholders.sort();
        (blocks, headings, placeholders)
    }

    #[test]
    fn every_rule_has_a_chinese_manual_with_the_same_sections_and_examples() {
        for rule in RuleSet::builtin().rules() {
            let name = rule.name();
            let zh = RULE_DOCS_ZH_CN
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, d)| *d)
                .unwrap_or_default();
            assert!(!zh.is_empty(), "rules/{name}.zh-cn.md is missing");
            assert_eq!(
                skeleton(zh),
                skeleton(&rule.doc),
                "rules/{name}.zh-cn.md: code blocks, headings or placeholders differ from rules/{name}.md"
            );
            assert!(
                zh.contains("## 作用") && zh.contains("## 示例"),
                "rules/{name}.zh-cn.md"
            );
            let doc = rule.doc_in(Lang::ZhCn);
            assert!(
                !doc.contains("{{"),
                "rules/{name}.zh-cn.md has an unfilled placeholder"
            );
            if let Some(check) = rule.check() {
                if zh.contains("{{constraint}}") {
                    assert!(doc.contains(&check.describe_in(Lang::ZhCn, name)), "{name}");
                }
            }
        }
    }

    #[test]
    fn every_pattern_compiles() {
        // Patterns are compiled on first use, not at start-up: check them all
        // here.
        for rule in RuleSet::builtin().rules() {
            if let Some(check) = rule.check() {
                check
                    .compile()
                    .unwrap_or_else(|e| panic!("{}: {e}", rule.name()));
            }
        }
    }

    #[test]
    fn lookup_by_code_or_name() {
        let reg = RuleSet::builtin();
        assert_eq!(reg.get("COC202").unwrap().name(), "timeout-out-of-range");
        assert_eq!(reg.get("coc202").unwrap().name(), "timeout-out-of-range");
        assert_eq!(reg.get("timeout-out-of-range").unwrap().code(), "COC202");
        assert!(reg.get("nope").is_none());
    }

    #[test]
    fn rule_ids_sit_at_their_index_and_name_their_rule() {
        let reg = RuleSet::builtin();
        assert_eq!(RuleId::ALL.len(), reg.rules().len());
        for &id in RuleId::ALL {
            let rule = reg.rule(id);
            assert_eq!((rule.code(), rule.name()), (id.code(), id.name()));
            assert_eq!(rule.id(), Some(id));
        }
    }

    #[test]
    fn every_rule_parameter_is_typed_and_documented() {
        let reg = RuleSet::builtin();
        for rule in reg.rules() {
            let id = rule.id().unwrap();
            let keys: Vec<&str> = rule.params().iter().map(|(k, _)| *k).collect();
            assert_eq!(keys, RuleParams::keys(id), "{}", rule.name());
        }
        assert_eq!(reg.params().too_many_target_instances.max, 200);
        assert_eq!(
            reg.params().missing_finish_time.statuses,
            ["FINISHED", "CANCELED"]
        );
    }

    #[test]
    fn a_builder_turns_rules_off_and_changes_severities_and_parameters() {
        let mut b = RuleSet::builder();
        b.disable("COC206")
            .unwrap()
            .severity("unknown-field", Severity::Error)
            .unwrap()
            .param("too-many-target-instances", "max", serde_json::json!(3))
            .unwrap();
        let set = b.build();
        assert!(!set.rule(RuleId::ExecuteUserNotRoot).is_enabled());
        assert_eq!(set.rule(RuleId::UnknownField).severity(), Severity::Error);
        assert_eq!(
            set.rule(RuleId::UnknownField).default_severity(),
            Severity::Warning
        );
        assert_eq!(set.params().too_many_target_instances.max, 3);
        assert!(set.rule(RuleId::TooManyTargetInstances).doc().contains('3'));
        // The built-in set is untouched.
        let builtin = RuleSet::builtin();
        assert!(builtin.rule(RuleId::ExecuteUserNotRoot).is_enabled());
        assert_eq!(builtin.params().too_many_target_instances.max, 200);
    }

    #[test]
    fn builder_errors_say_what_is_wrong() {
        let mut b = RuleSet::builder();
        let e = b.disable("execute-user-not-rot").unwrap_err();
        assert_eq!(
            e.to_string(),
            "no rule has the code or name `execute-user-not-rot`; did you mean `execute-user-not-root`?"
        );
        let e = b.param("COC206", "max", serde_json::json!(1)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "rule `execute-user-not-root` takes no parameters (given `max`)"
        );
        let e = b
            .param("too-many-target-instances", "maximum", serde_json::json!(1))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "rule `too-many-target-instances` has no parameter `maximum`; it takes `max`"
        );
        let e = b
            .param("too-many-target-instances", "max", serde_json::json!("ten"))
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "parameter `max` of rule `too-many-target-instances` must be an integer"
        );
        let e = b
            .param(
                "missing-finish-time",
                "statuses",
                serde_json::json!(["A", 1]),
            )
            .unwrap_err();
        assert!(e.to_string().ends_with("must be a list of strings"), "{e}");
    }
}
