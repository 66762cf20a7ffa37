//! Team rules: data rules a local policy adds to a rule set at run time.
//!
//! A team rule is written in the format of the built-in rule files
//! (`rules/*.toml`: `code`, `name`, `severity`, `summary`, `help`,
//! `targets`, `check = { kind = ... }`), so a team can copy a built-in rule
//! as its template, with four additions:
//!
//! - `message`: the diagnostic's wording, with the placeholders `{value}`
//!   (the value as written; a value that may be a secret is never shown),
//!   `{field}` and `{constraint}` (the check in words); `{{` and `}}` are
//!   braces. Without it, the built-in wording.
//! - `targets` may be a model field (`ScriptExecuteParam.timeout`), a whole
//!   model (`JobScriptOrderInfoModel`: every object of it), or a JSON
//!   pointer pattern where `*` stands for any array item or object key
//!   (`/data/properties/execute_param/script_params/*/param_name`).
//! - `when`: conditions that must all hold for the rule to report, each on
//!   the file's path (`{ path = "prod/**" }`, globs relative to the folder
//!   of the configuration file) or on another value of the same document
//!   (`{ field = "/data/status", equals = "FINISHED" }`; `one_of`,
//!   `none_of`, `pattern`, `present`; the pointer is absolute, or relative
//!   to the target as `1/status`: up one level, then `/status`).
//! - `doc`: the Markdown `coc-lint explain` prints (a rule file in a folder
//!   of team rules takes it from the `.md` file beside it, as built-ins do).
//!
//! Every mistake is a [`TeamRuleError`] with the byte span of the value at
//! fault in the TOML text, so the policy can show it where it stands.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use regex::Regex;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use toml::Spanned;

use super::check::{Check, Subject};
use super::types::is_json_number;
use super::util::repeats;
use super::{Cx, Rule, RuleSet, Token};
use crate::diagnostic::Severity;
use crate::i18n::Lang;
use crate::load::ast::{Node, Value};
use crate::paths::PathMatcher;
use crate::schema::{FieldType, Schema};
use crate::source::Span;

/// A TOML value that keeps the byte span of every value inside it, so
/// that a team rule's mistakes are shown where they stand.
#[derive(Debug, Clone, PartialEq)]
pub enum TomlValue {
    /// A string.
    String(String),
    /// An integer.
    Integer(i64),
    /// A float.
    Float(f64),
    /// A boolean.
    Boolean(bool),
    /// An array.
    Array(Vec<Spanned<TomlValue>>),
    /// A table, keys in the order written.
    Table(Vec<(String, Spanned<TomlValue>)>),
}

impl TomlValue {
    fn type_name(&self) -> &'static str {
        match self {
            TomlValue::String(_) => "a string",
            TomlValue::Integer(_) => "an integer",
            TomlValue::Float(_) => "a float",
            TomlValue::Boolean(_) => "a boolean",
            TomlValue::Array(_) => "an array",
            TomlValue::Table(_) => "a table",
        }
    }

    fn to_json(&self) -> serde_json::Value {
        match self {
            TomlValue::String(s) => s.clone().into(),
            TomlValue::Integer(i) => (*i).into(),
            TomlValue::Float(f) => serde_json::Number::from_f64(*f)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            TomlValue::Boolean(b) => (*b).into(),
            TomlValue::Array(items) => items.iter().map(|i| i.get_ref().to_json()).collect(),
            TomlValue::Table(entries) => entries
                .iter()
                .map(|(k, v)| (k.clone(), v.get_ref().to_json()))
                .collect::<serde_json::Map<_, _>>()
                .into(),
        }
    }
}

impl<'de> Deserialize<'de> for TomlValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TomlVisitor)
    }
}

struct TomlVisitor;

impl<'de> Visitor<'de> for TomlVisitor {
    type Value = TomlValue;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a TOML value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<TomlValue, E> {
        Ok(TomlValue::Boolean(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<TomlValue, E> {
        Ok(TomlValue::Integer(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<TomlValue, E> {
        i64::try_from(v)
            .map(TomlValue::Integer)
            .map_err(|_| E::custom("integer is too large"))
    }
    fn visit_f64<E>(self, v: f64) -> Result<TomlValue, E> {
        Ok(TomlValue::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<TomlValue, E> {
        Ok(TomlValue::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<TomlValue, E> {
        Ok(TomlValue::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TomlValue, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<TomlValue>>()? {
            items.push(item);
        }
        Ok(TomlValue::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TomlValue, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value::<Spanned<TomlValue>>()?;
            entries.push((key, value));
        }
        Ok(TomlValue::Table(entries))
    }
}

/// Where a team rule is written.
#[derive(Debug, Clone)]
pub struct RuleOrigin {
    /// The file (a `coc-lint.toml`, or a rule file of a folder it names).
    pub path: PathBuf,
    /// Its text: the spans of the rule's values index it.
    pub text: Arc<str>,
    /// The folder the globs of `when = { path = ... }` are relative to: the
    /// configuration file's.
    pub base: PathBuf,
}

/// A team rule that cannot be understood: what is wrong, at which bytes of
/// [`RuleOrigin::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamRuleError {
    /// The bytes at fault.
    pub span: Option<Range<usize>>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
}

impl TeamRuleError {
    fn at(span: Range<usize>, message: impl Into<String>) -> Self {
        TeamRuleError {
            span: Some(span),
            message: message.into(),
            help: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    fn help_opt(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }
}

impl fmt::Display for TeamRuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TeamRuleError {}

type Res<T> = std::result::Result<T, TeamRuleError>;

/// The keys of a rule table (the built-in format plus `message`, `when`
/// and `doc`).
pub const RULE_KEYS: &[&str] = &[
    "code", "name", "severity", "summary", "help", "targets", "check", "message", "when", "doc",
];

/// The keys of a `when` condition.
pub const WHEN_KEYS: &[&str] = &[
    "path", "field", "equals", "one_of", "none_of", "pattern", "present",
];

/// The type of a check's parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ty {
    Number,
    Count,
    Boolean,
    Text,
    Texts,
}

impl Ty {
    fn describe(self) -> &'static str {
        match self {
            Ty::Number => "a number",
            Ty::Count => "a non-negative integer",
            Ty::Boolean => "a boolean",
            Ty::Text => "a string",
            Ty::Texts => "a list of strings",
        }
    }

    fn accepts(self, value: &TomlValue) -> bool {
        match (self, value) {
            (Ty::Number, TomlValue::Integer(_) | TomlValue::Float(_)) => true,
            (Ty::Count, TomlValue::Integer(i)) => *i >= 0,
            (Ty::Boolean, TomlValue::Boolean(_)) => true,
            (Ty::Text, TomlValue::String(_)) => true,
            (Ty::Texts, TomlValue::Array(items)) => items
                .iter()
                .all(|i| matches!(i.get_ref(), TomlValue::String(_))),
            _ => false,
        }
    }
}

/// What a check kind applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Applies {
    Numbers,
    Strings,
    Arrays,
    Objects,
}

/// Every check kind, the values it applies to, and its parameters (name,
/// type, required). A unit test ties this table to [`Check`]'s fields.
#[allow(clippy::type_complexity)]
const KINDS: &[(&str, Applies, &[(&str, Ty, bool)])] = &[
    (
        "range",
        Applies::Numbers,
        &[
            ("min", Ty::Number, false),
            ("max", Ty::Number, false),
            ("exclusive_min", Ty::Boolean, false),
            ("exclusive_max", Ty::Boolean, false),
        ],
    ),
    (
        "length",
        Applies::Strings,
        &[("min", Ty::Count, false), ("max", Ty::Count, false)],
    ),
    (
        "items",
        Applies::Arrays,
        &[("min", Ty::Count, false), ("max", Ty::Count, false)],
    ),
    ("one_of", Applies::Strings, &[("values", Ty::Texts, true)]),
    ("none_of", Applies::Strings, &[("values", Ty::Texts, true)]),
    ("equals", Applies::Strings, &[("value", Ty::Text, true)]),
    (
        "charset",
        Applies::Strings,
        &[("class", Ty::Text, true), ("describe", Ty::Text, false)],
    ),
    (
        "forbid",
        Applies::Strings,
        &[("pattern", Ty::Text, true), ("describe", Ty::Text, false)],
    ),
    (
        "pattern",
        Applies::Strings,
        &[("pattern", Ty::Text, true), ("describe", Ty::Text, false)],
    ),
    ("decimals", Applies::Numbers, &[("max", Ty::Count, true)]),
    ("required", Applies::Objects, &[("keys", Ty::Texts, true)]),
    ("forbidden", Applies::Objects, &[("keys", Ty::Texts, true)]),
    ("unique", Applies::Arrays, &[("field", Ty::Text, false)]),
];

/// The check kinds a rule may use.
pub fn kinds() -> impl Iterator<Item = &'static str> {
    KINDS.iter().map(|(k, _, _)| *k)
}

/// What a team rule checks besides its [`Check`]: where, when and with
/// which words.
#[derive(Debug, Clone)]
pub(crate) struct TeamRule {
    /// Its index in the rule set.
    pub index: usize,
    pub targets: Vec<Target>,
    pub when: Vec<Condition>,
    pub message: Option<Texts<Vec<Piece>>>,
    /// The file and byte where it is written: the same rule read twice (a
    /// file extended by two configurations) is added once.
    pub written_at: (PathBuf, usize),
}

/// Where a team rule looks.
#[derive(Debug, Clone)]
pub(crate) enum Target {
    /// Every value of this field (by [`crate::schema::Field::id`]).
    Field(usize),
    /// Every object of this model (by index).
    Model(usize),
    /// Every value a JSON pointer pattern reaches.
    Pointer(Vec<Seg>),
}

/// One token of a JSON pointer pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    Key(String),
    Any,
}

/// One `when` condition.
#[derive(Debug, Clone)]
pub(crate) struct Condition {
    path: Vec<PathMatcher>,
    field: Option<(FieldRef, Test)>,
}

impl Condition {
    /// Whether it tests the file's path.
    pub(crate) fn has_path(&self) -> bool {
        !self.path.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum FieldRef {
    /// From the document's root.
    Absolute(Vec<String>),
    /// Up this many levels from the target, then down.
    Relative(usize, Vec<String>),
}

#[derive(Debug, Clone)]
enum Test {
    Present(bool),
    Equals(Scalar),
    OneOf(Vec<Scalar>),
    NoneOf(Vec<Scalar>),
    Pattern(Regex),
}

#[derive(Debug, Clone, PartialEq)]
enum Scalar {
    Str(String),
    Num(f64),
    Bool(bool),
}

/// A text of a team rule (`message`, `summary`, `help`) in the languages
/// it is written in: a string is English; a table by language
/// (`{ en-us = "...", zh-cn = "..." }`) must have English, which stands in
/// for a language it lacks (or gives as an empty string).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Texts<T> {
    pub en: T,
    pub zh: Option<T>,
}

impl<T> Texts<T> {
    /// The text in `lang`, else the English one.
    pub fn get(&self, lang: Lang) -> &T {
        match (lang, &self.zh) {
            (Lang::ZhCn, Some(zh)) => zh,
            _ => &self.en,
        }
    }
}

/// `key` as [`Texts`]: a string (read by `read`), or a table of strings by
/// language. An unknown language is an error at its value; so is a table
/// without `en-us`.
fn read_texts<T>(
    value: &Spanned<TomlValue>,
    key: &str,
    read: impl Fn(&Spanned<TomlValue>) -> Res<T>,
) -> Res<Texts<T>> {
    let TomlValue::Table(entries) = value.get_ref() else {
        return Ok(Texts {
            en: read(value)?,
            zh: None,
        });
    };
    let mut en = None;
    let mut zh = None;
    for (lang, text) in entries {
        let empty = matches!(text.get_ref(), TomlValue::String(s) if s.trim().is_empty());
        match lang.parse::<Lang>() {
            Ok(Lang::EnUs) => en = Some(read(text)?),
            // An empty translation is no translation: the English text is
            // used, never an empty string.
            Ok(Lang::ZhCn) if empty => {}
            Ok(Lang::ZhCn) => zh = Some((read(text)?, text.span())),
            _ => {
                return Err(TeamRuleError::at(
                    text.span(),
                    format!("`{lang}` is no language; a `{key}` table takes `en-us` and `zh-cn`"),
                ))
            }
        }
    }
    let Some(en) = en else {
        return Err(TeamRuleError::at(
            value.span(),
            format!(
                "a `{key}` table needs `en-us`, the English text, used where a language is missing"
            ),
        ));
    };
    Ok(Texts {
        en,
        zh: zh.map(|(t, _)| t),
    })
}

/// The placeholders a template uses.
fn placeholders(pieces: &[Piece]) -> Vec<&'static str> {
    let mut used: Vec<&'static str> = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Text(_) => None,
            Piece::Value => Some("{value}"),
            Piece::Field => Some("{field}"),
            Piece::Constraint => Some("{constraint}"),
        })
        .collect();
    used.sort_unstable();
    used.dedup();
    used
}

/// A piece of a message template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Piece {
    Text(String),
    Value,
    Field,
    Constraint,
}

const PLACEHOLDERS: &[&str] = &["value", "field", "constraint"];

/// A table's entries, with its span.
struct Table<'v> {
    span: Range<usize>,
    entries: &'v [(String, Spanned<TomlValue>)],
}

impl<'v> Table<'v> {
    fn of(value: &'v Spanned<TomlValue>, what: &str) -> Res<Table<'v>> {
        match value.get_ref() {
            TomlValue::Table(entries) => Ok(Table {
                span: value.span(),
                entries,
            }),
            other => Err(TeamRuleError::at(
                value.span(),
                format!("{what} must be a table, not {}", other.type_name()),
            )),
        }
    }

    fn get(&self, key: &str) -> Option<&'v Spanned<TomlValue>> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Refuse keys that are not `allowed`, at the key.
    fn only(&self, allowed: &[&str], what: &str, text: &str) -> Res<()> {
        for (key, value) in self.entries {
            if !allowed.contains(&key.as_str()) {
                let help = closest(key, allowed.iter().copied())
                    .map(|k| format!("did you mean `{k}`?"))
                    .unwrap_or_else(|| format!("{what} takes {}", list(allowed)));
                return Err(TeamRuleError::at(
                    key_span(text, key, value.span()),
                    format!("{what} has no key `{key}`"),
                )
                .help(help));
            }
        }
        Ok(())
    }

    fn required(&self, key: &str, what: &str) -> Res<&'v Spanned<TomlValue>> {
        self.get(key)
            .ok_or_else(|| TeamRuleError::at(self.span.clone(), format!("{what} lacks `{key}`")))
    }
}

/// `` `a`, `b` and `c` ``.
fn list(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}

/// The closest of `options` to `word`, if one is close.
fn closest<'o>(word: &str, options: impl Iterator<Item = &'o str>) -> Option<&'o str> {
    options
        .map(|o| {
            (
                strsim::jaro_winkler(&word.to_ascii_lowercase(), &o.to_ascii_lowercase()),
                o,
            )
        })
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, o)| o)
}

/// The span of `key` as written before its value (on the value's line);
/// the value's span when it cannot be found.
fn key_span(text: &str, key: &str, value: Range<usize>) -> Range<usize> {
    let before = text.get(..value.start).unwrap_or("");
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    match before[line_start..].rfind(key) {
        Some(i) if !key.is_empty() => line_start + i..line_start + i + key.len(),
        _ => value,
    }
}

/// The span of `needle` inside the value at `span` (a placeholder inside
/// a message); the value's span when it cannot be found.
fn inner_span(text: &str, span: Range<usize>, needle: &str) -> Range<usize> {
    text.get(span.clone())
        .and_then(|s| s.find(needle))
        .map_or(span.clone(), |i| {
            span.start + i..span.start + i + needle.len()
        })
}

fn string<'v>(value: &'v Spanned<TomlValue>, key: &str) -> Res<&'v str> {
    match value.get_ref() {
        TomlValue::String(s) => Ok(s),
        other => Err(TeamRuleError::at(
            value.span(),
            format!("`{key}` must be a string, not {}", other.type_name()),
        )),
    }
}

/// A string, or a list of strings, each with its span.
fn strings<'v>(value: &'v Spanned<TomlValue>, key: &str) -> Res<Vec<(&'v str, Range<usize>)>> {
    match value.get_ref() {
        TomlValue::String(s) => Ok(vec![(s.as_str(), value.span())]),
        TomlValue::Array(items) if !items.is_empty() => items
            .iter()
            .map(|i| string(i, key).map(|s| (s, i.span())))
            .collect(),
        TomlValue::Array(_) => Err(TeamRuleError::at(value.span(), format!("`{key}` is empty"))),
        other => Err(TeamRuleError::at(
            value.span(),
            format!(
                "`{key}` must be a list of strings, not {}",
                other.type_name()
            ),
        )),
    }
}

/// Whether `code` is capital letters followed by digits (`X101`,
/// `TEAM101`), so that a prefix selects a family as `COC2` does.
fn well_formed_code(code: &str) -> bool {
    let letters = code.bytes().take_while(u8::is_ascii_uppercase).count();
    let digits = code[letters..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    letters >= 1 && digits >= 1 && letters + digits == code.len() && code.len() <= 16
}

fn well_formed_name(name: &str) -> bool {
    !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && !name.ends_with('-')
        && !name.contains("--")
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A free team code to suggest for `code`: its digits after `X`, or the
/// next free number.
fn free_code(set: &RuleSet, code: &str) -> String {
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    let start: u32 = digits.parse().unwrap_or(100).max(1);
    (start..start + 1000)
        .map(|n| format!("X{n:03}"))
        .find(|c| set.lookup(c).is_none())
        .unwrap_or_else(|| "X100".into())
}

/// The last line of a regex error (`unclosed group`), without the
/// caret picture.
fn regex_error(e: &regex::Error) -> String {
    let text = e.to_string();
    text.lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.trim().trim_start_matches("error: ").to_owned())
        .unwrap_or(text)
}

/// An RFC 6901 pointer's tokens (`~1` is `/`, `~0` is `~`); `None` for a
/// `~` that escapes nothing.
fn pointer_tokens(pointer: &str) -> Option<Vec<String>> {
    if pointer.is_empty() {
        return Some(Vec::new());
    }
    let rest = pointer.strip_prefix('/')?;
    rest.split('/')
        .map(|t| {
            let mut out = String::new();
            let mut chars = t.chars();
            while let Some(c) = chars.next() {
                match (c, c == '~') {
                    (_, false) => out.push(c),
                    (_, true) => match chars.next() {
                        Some('0') => out.push('~'),
                        Some('1') => out.push('/'),
                        _ => return None,
                    },
                }
            }
            Some(out)
        })
        .collect()
}

/// The tokens of a `keys` or `field` entry: a key, or a pointer from the
/// object.
fn entry_tokens(entry: &str) -> Option<Vec<String>> {
    if entry.starts_with('/') {
        pointer_tokens(entry).filter(|t| !t.is_empty())
    } else if entry.is_empty() {
        None
    } else {
        Some(vec![entry.to_owned()])
    }
}

/// Read one team rule. `set` is the rule set it joins (for collisions).
pub(crate) fn read(
    value: &Spanned<TomlValue>,
    origin: &RuleOrigin,
    doc: Option<&str>,
    set: &RuleSet,
) -> Res<(Rule, TeamRule)> {
    let text: &str = &origin.text;
    let table = Table::of(value, "a rule")?;
    table.only(RULE_KEYS, "a rule", text)?;
    let schema = set.schema();

    // code and name
    let code_value = table.required("code", "a rule")?;
    let code = string(code_value, "code")?;
    check_code(code, code_value.span(), set)?;
    let name_value = table.required("name", "a rule")?;
    let name = string(name_value, "name")?;
    check_name(name, name_value.span(), set)?;

    let severity_value = table.required("severity", "a rule")?;
    let severity = match string(severity_value, "severity")? {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        "info" => Severity::Info,
        other => {
            let help = closest(other, ["error", "warning", "info"].into_iter())
                .map(|s| format!("did you mean `{s}`?"));
            return Err(TeamRuleError::at(
                severity_value.span(),
                format!("`{other}` is no severity; write `error`, `warning` or `info`"),
            )
            .help_opt(help));
        }
    };
    let text_of =
        |key: &'static str| move |v: &Spanned<TomlValue>| string(v, key).map(str::to_owned);
    let summary = read_texts(
        table.required("summary", "a rule")?,
        "summary",
        text_of("summary"),
    )?;
    let help = table
        .get("help")
        .map(|v| read_texts(v, "help", text_of("help")))
        .transpose()?;
    let own_doc = table
        .get("doc")
        .map(|v| string(v, "doc").map(str::to_owned))
        .transpose()?;

    // check
    let check_value = table.required("check", "a rule")?;
    let (check, applies) = read_check(check_value, text)?;

    // targets
    let targets_value = table.required("targets", "a rule")?;
    let mut targets = Vec::new();
    let mut written = Vec::new();
    for (target, span) in strings(targets_value, "targets")? {
        targets.push(read_target(target, span, schema, applies, &check)?);
        written.push(target.to_owned());
    }

    // when
    let mut when = Vec::new();
    if let Some(w) = table.get("when") {
        match w.get_ref() {
            TomlValue::Array(items) if !items.is_empty() => {
                for item in items {
                    when.push(read_condition(item, origin)?);
                }
            }
            TomlValue::Table(_) => when.push(read_condition(w, origin)?),
            _ => {
                return Err(TeamRuleError::at(
                    w.span(),
                    "`when` is a table (`{ path = \"prod/**\" }`, `{ field = \"/data/status\", equals = \"FINISHED\" }`) or a list of them, all of which must hold",
                ))
            }
        }
    }

    // message
    let message = table
        .get("message")
        .map(|m| read_texts(m, "message", |v| read_template(v, text)))
        .transpose()?;
    if let (Some(m), Some(value)) = (&message, table.get("message")) {
        if let Some(zh) = &m.zh {
            let (en_uses, zh_uses) = (placeholders(&m.en), placeholders(zh));
            if en_uses != zh_uses {
                let span = match value.get_ref() {
                    TomlValue::Table(entries) => entries
                        .iter()
                        .find(|(k, _)| k.parse::<Lang>() == Ok(Lang::ZhCn))
                        .map_or(value.span(), |(_, v)| v.span()),
                    _ => value.span(),
                };
                let list = |uses: &[&str]| {
                    if uses.is_empty() {
                        "none".to_owned()
                    } else {
                        format!("`{}`", uses.join("`, `"))
                    }
                };
                return Err(TeamRuleError::at(
                    span,
                    format!(
                        "the `zh-cn` message uses the placeholders {}, but the `en-us` one uses {}",
                        list(&zh_uses),
                        list(&en_uses)
                    ),
                )
                .help("every language's message uses the same placeholders"));
            }
        }
    }

    let line = text
        .get(..value.span().start)
        .map_or(1, |s| s.matches('\n').count() + 1);
    let doc = own_doc
        .or_else(|| doc.map(str::to_owned))
        .unwrap_or_else(|| generated_doc(&summary.en, &written));
    let rule = Rule {
        id: None,
        code: Cow::Owned(code.to_owned()),
        name: Cow::Owned(name.to_owned()),
        severity,
        default_severity: severity,
        enabled: true,
        summary: summary.en,
        help: help.as_ref().map(|h| h.en.clone()),
        team_zh: super::TeamTexts {
            summary: summary.zh,
            help: help.and_then(|h| h.zh),
        },
        targets: written,
        check: Some(Arc::new(check)),
        params: Vec::new(),
        doc: Cow::Owned(doc),
        defined_in: Some((origin.path.clone(), line)),
    };
    let team = TeamRule {
        index: set.rules.len(),
        targets,
        when,
        message,
        written_at: (origin.path.clone(), value.span().start),
    };
    Ok((rule, team))
}

fn generated_doc(summary: &str, targets: &[String]) -> String {
    format!(
        "## What it does\n{summary}: checks that `{}` is {{{{constraint}}}}.\n",
        targets.join("`, `"),
    )
}

fn check_code(code: &str, span: Range<usize>, set: &RuleSet) -> Res<()> {
    let upper = code.to_ascii_uppercase();
    if let Some(i) = set.lookup(code) {
        let other = &set.rules[i];
        let (what, help) = match &other.defined_in {
            None => (
                format!("the built-in rule `{}`", other.name()),
                format!(
                    "codes starting with `COC` belong to built-in rules; give team rules your own prefix, e.g. `{}`",
                    free_code(set, code)
                ),
            ),
            Some((path, line)) => (
                format!(
                    "the team rule `{}` ({}:{line})",
                    other.name(),
                    path.display()
                ),
                format!("`{}` is free", free_code(set, code)),
            ),
        };
        return Err(
            TeamRuleError::at(span, format!("`{code}` is already the code of {what}")).help(help),
        );
    }
    if upper.starts_with("COC") {
        return Err(TeamRuleError::at(
            span,
            format!("`{code}` starts with `COC`, which is kept for built-in rules"),
        )
        .help(format!(
            "give team rules your own prefix, e.g. `{}` or `TEAM{}`",
            free_code(set, code),
            &free_code(set, code)[1..]
        )));
    }
    if !well_formed_code(code) {
        let help = if well_formed_code(&upper) {
            format!("did you mean `{upper}`?")
        } else {
            format!("e.g. `{}`", free_code(set, code))
        };
        return Err(TeamRuleError::at(
            span,
            format!("`{code}` is not a rule code: a code is capital letters then digits, such as `X101` or `TEAM101`"),
        )
        .help(help));
    }
    Ok(())
}

fn check_name(name: &str, span: Range<usize>, set: &RuleSet) -> Res<()> {
    if let Some(i) = set.lookup(name) {
        let other = &set.rules[i];
        let whose = match &other.defined_in {
            None => format!("the built-in rule {}", other.code()),
            Some((path, line)) => {
                format!("the team rule {} ({}:{line})", other.code(), path.display())
            }
        };
        return Err(
            TeamRuleError::at(span, format!("`{name}` is already the name of {whose}"))
                .help(format!("name it for your team, e.g. `team-{name}`")),
        );
    }
    if !well_formed_name(name) {
        let fixed: String = name
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c == '_' || c == ' ' { '-' } else { c })
            .collect();
        let help = well_formed_name(&fixed).then(|| format!("did you mean `{fixed}`?"));
        return Err(TeamRuleError::at(
            span,
            format!("`{name}` is not a rule name: a name is kebab-case, such as `prod-timeout`"),
        )
        .help_opt(help));
    }
    Ok(())
}

fn read_check(value: &Spanned<TomlValue>, text: &str) -> Res<(Check, Applies)> {
    let table = Table::of(value, "`check`")?;
    let kind_value = table.required("kind", "`check`")?;
    let kind = string(kind_value, "kind")?;
    let Some((_, applies, params)) = KINDS.iter().find(|(k, _, _)| *k == kind) else {
        let help = closest(kind, kinds())
            .map(|k| format!("did you mean `{k}`?"))
            .unwrap_or_else(|| format!("the kinds are {}", list(&kinds().collect::<Vec<_>>())));
        return Err(
            TeamRuleError::at(kind_value.span(), format!("`{kind}` is no check kind")).help(help),
        );
    };
    let mut allowed: Vec<&str> = params.iter().map(|(p, _, _)| *p).collect();
    allowed.push("kind");
    table.only(&allowed, &format!("a `{kind}` check"), text)?;
    for (param, ty, required) in params.iter() {
        match table.get(param) {
            None if *required => {
                return Err(TeamRuleError::at(
                    value.span(),
                    format!("a `{kind}` check needs `{param}` ({})", ty.describe()),
                ))
            }
            None => {}
            Some(v) if !ty.accepts(v.get_ref()) => {
                return Err(TeamRuleError::at(
                    v.span(),
                    format!(
                        "`{param}` of a `{kind}` check must be {}, not {}",
                        ty.describe(),
                        v.get_ref().type_name()
                    ),
                ))
            }
            Some(v)
                if *ty == Ty::Texts
                    && matches!(v.get_ref(), TomlValue::Array(a) if a.is_empty()) =>
            {
                return Err(TeamRuleError::at(v.span(), format!("`{param}` is empty")))
            }
            Some(_) => {}
        }
    }
    let json = value.get_ref().to_json();
    let check: Check = serde_json::from_value(json)
        .map_err(|e| TeamRuleError::at(value.span(), format!("`check`: {e}")))?;

    // What serde cannot say: bounds in order, regexes that compile, keys
    // that are pointers.
    let bounds = |min: Option<f64>, max: Option<f64>| {
        if let (Some(a), Some(b)) = (min, max) {
            if a > b {
                return Err(TeamRuleError::at(
                    value.span(),
                    format!("`min` ({a}) is greater than `max` ({b}): nothing passes"),
                ));
            }
        }
        Ok(())
    };
    match &check {
        Check::Range { min, max, .. } => bounds(*min, *max)?,
        Check::Length { min, max } | Check::Items { min, max } => {
            bounds(min.map(|m| m as f64), max.map(|m| m as f64))?
        }
        Check::Charset { class, .. } => {
            if let Err(e) = regex_syntax::Parser::new().parse(class) {
                let detail = e.to_string();
                let detail = detail
                    .lines()
                    .last()
                    .unwrap_or("")
                    .trim()
                    .trim_start_matches("error: ");
                return Err(at_param(&table, "class", value)
                    .message(format!("`class` is not a valid regex: {detail}")));
            }
            if check.compile().is_err() {
                return Err(at_param(&table, "class", value).message(format!(
                    "`class` must be one character class, such as `[A-Za-z0-9_]`, not `{class}`"
                )));
            }
        }
        Check::Forbid { pattern, .. } | Check::Pattern { pattern, .. } => {
            if let Err(e) = Regex::new(pattern) {
                return Err(at_param(&table, "pattern", value).message(format!(
                    "`pattern` is not a valid regex: {}",
                    regex_error(&e)
                )));
            }
        }
        Check::Required { keys } | Check::Forbidden { keys } => {
            for (i, key) in keys.iter().enumerate() {
                if entry_tokens(key).is_none() {
                    let span = match table.get("keys").map(|v| v.get_ref()) {
                        Some(TomlValue::Array(items)) => {
                            items.get(i).map_or(value.span(), |item| item.span())
                        }
                        _ => value.span(),
                    };
                    return Err(TeamRuleError::at(
                        span,
                        format!("`{key}` is neither a key nor a JSON pointer (`/a/b`)"),
                    ));
                }
            }
        }
        Check::Unique { field: Some(field) } if entry_tokens(field).is_none() => {
            return Err(at_param(&table, "field", value).message(format!(
                "`{field}` is neither a key nor a JSON pointer (`/a/b`)"
            )));
        }
        _ => {}
    }
    Ok((check, *applies))
}

/// An error at parameter `param` of a check (or at the check).
fn at_param(table: &Table<'_>, param: &str, check: &Spanned<TomlValue>) -> TeamRuleError {
    TeamRuleError::at(
        table.get(param).map_or(check.span(), |v| v.span()),
        String::new(),
    )
}

impl TeamRuleError {
    fn message(mut self, message: String) -> Self {
        self.message = message;
        self
    }
}

fn read_target(
    target: &str,
    span: Range<usize>,
    schema: &Schema,
    applies: Applies,
    check: &Check,
) -> Res<Target> {
    let kind = KINDS
        .iter()
        .find(|(_, a, _)| *a == applies)
        .map_or("", |(k, _, _)| *k);
    let kind = check_kind_name(check).unwrap_or(kind);
    if target.starts_with('/') {
        let tokens = pointer_tokens(target).ok_or_else(|| {
            TeamRuleError::at(
                span.clone(),
                format!("`{target}` is not a JSON pointer: `~` must be followed by 0 or 1"),
            )
        })?;
        return Ok(Target::Pointer(
            tokens
                .into_iter()
                .map(|t| if t == "*" { Seg::Any } else { Seg::Key(t) })
                .collect(),
        ));
    }
    let models = || schema.models.iter().map(|m| m.name.as_str());
    if let Some((model_name, field_name)) = target.split_once('.') {
        let Some(m) = schema.model(model_name) else {
            let help = closest(model_name, models())
                .map(|m| format!("did you mean `{m}.{field_name}`?"))
                .unwrap_or_else(|| {
                    format!("the models are {}", list(&models().collect::<Vec<_>>()))
                });
            return Err(
                TeamRuleError::at(span, format!("no model is named `{model_name}`")).help(help),
            );
        };
        let model = &schema.models[m];
        let Some(field) = model.field(field_name) else {
            let help = model
                .closest_field(field_name, 0.8)
                .map(|f| format!("did you mean `{model_name}.{}`?", f.name))
                .unwrap_or_else(|| {
                    let names: Vec<&str> = model.fields.iter().map(|f| f.name.as_str()).collect();
                    format!("the fields of {model_name} are {}", list(&names))
                });
            return Err(TeamRuleError::at(
                span,
                format!("{model_name} has no field `{field_name}`"),
            )
            .help(help));
        };
        let mut ty = &field.ty;
        while let FieldType::Array(inner) = ty {
            if applies == Applies::Arrays {
                break;
            }
            ty = inner;
        }
        let fits = match applies {
            Applies::Numbers => ty.is_number(),
            Applies::Strings => *ty == FieldType::String,
            Applies::Arrays => matches!(ty, FieldType::Array(_)),
            Applies::Objects => matches!(ty, FieldType::Object(_)),
        };
        if !fits {
            let what = match applies {
                Applies::Numbers => "numbers",
                Applies::Strings => "strings",
                Applies::Arrays => "arrays",
                Applies::Objects => "objects",
            };
            return Err(TeamRuleError::at(
                span,
                format!(
                    "a `{kind}` check applies to {what}, but `{target}` is {}",
                    field.ty.describe(schema)
                ),
            ));
        }
        return Ok(Target::Field(field.id));
    }
    if let Some(m) = schema.model(target) {
        if applies != Applies::Objects {
            return Err(TeamRuleError::at(
                span,
                format!("a `{kind}` check cannot apply to a whole model (`{target}`): only `required` and `forbidden` can"),
            )
            .help(format!("name one of its fields, e.g. `{target}.{}`", schema.models[m].fields.first().map_or("", |f| f.name.as_str()))));
        }
        return Ok(Target::Model(m));
    }
    let help = closest(target, models())
        .map(|m| format!("did you mean `{m}`?"))
        .unwrap_or_else(|| "write `Model.field` (`ScriptExecuteParam.timeout`), a model (`JobScriptOrderInfoModel`) or a JSON pointer pattern (`/data/properties/execute_param/script_params/*/param_name`)".into());
    Err(TeamRuleError::at(span, format!("`{target}` is no target")).help(help))
}

fn check_kind_name(check: &Check) -> Option<&'static str> {
    Some(match check {
        Check::Range { .. } => "range",
        Check::Length { .. } => "length",
        Check::Items { .. } => "items",
        Check::OneOf { .. } => "one_of",
        Check::NoneOf { .. } => "none_of",
        Check::Equals { .. } => "equals",
        Check::Charset { .. } => "charset",
        Check::Forbid { .. } => "forbid",
        Check::Pattern { .. } => "pattern",
        Check::Decimals { .. } => "decimals",
        Check::Required { .. } => "required",
        Check::Forbidden { .. } => "forbidden",
        Check::Unique { .. } => "unique",
    })
}

fn scalar(value: &Spanned<TomlValue>, key: &str) -> Res<Scalar> {
    match value.get_ref() {
        TomlValue::String(s) => Ok(Scalar::Str(s.clone())),
        TomlValue::Integer(i) => Ok(Scalar::Num(*i as f64)),
        TomlValue::Float(f) => Ok(Scalar::Num(*f)),
        TomlValue::Boolean(b) => Ok(Scalar::Bool(*b)),
        other => Err(TeamRuleError::at(
            value.span(),
            format!(
                "`{key}` must be a string, a number or a boolean, not {}",
                other.type_name()
            ),
        )),
    }
}

fn scalars(value: &Spanned<TomlValue>, key: &str) -> Res<Vec<Scalar>> {
    match value.get_ref() {
        TomlValue::Array(items) if !items.is_empty() => {
            items.iter().map(|i| scalar(i, key)).collect()
        }
        _ => Err(TeamRuleError::at(
            value.span(),
            format!("`{key}` must be a non-empty list of values"),
        )),
    }
}

fn read_condition(value: &Spanned<TomlValue>, origin: &RuleOrigin) -> Res<Condition> {
    let text: &str = &origin.text;
    let table = Table::of(value, "a `when` condition")?;
    table.only(WHEN_KEYS, "a `when` condition", text)?;
    let mut path = Vec::new();
    if let Some(p) = table.get("path") {
        for (glob, span) in strings(p, "path")? {
            let matcher = PathMatcher::new(glob, &origin.base).map_err(|e| {
                TeamRuleError::at(span.clone(), format!("`{glob}` is not a valid glob: {e}"))
            })?;
            path.push(matcher);
        }
    }
    let tests: Vec<&str> = ["equals", "one_of", "none_of", "pattern", "present"]
        .into_iter()
        .filter(|k| table.get(k).is_some())
        .collect();
    if tests.len() > 1 {
        return Err(TeamRuleError::at(
            table.span.clone(),
            format!("a condition tests a field one way; it has {}", list(&tests)),
        )
        .help("write one condition per test: `when` takes a list, all of which must hold"));
    }
    let field = match table.get("field") {
        None => {
            if let Some(test) = tests.first() {
                return Err(TeamRuleError::at(
                    table.required(test, "")?.span(),
                    format!("`{test}` tests a field, but the condition names none"),
                )
                .help("add `field = \"/data/status\"` (a JSON pointer)"));
            }
            None
        }
        Some(f) => {
            let pointer = string(f, "field")?;
            let bad = || {
                TeamRuleError::at(
                    f.span(),
                    format!("`{pointer}` is not a JSON pointer (`/data/status`) nor a relative one (`1/status`: up one level, then `/status`)"),
                )
            };
            let digits = pointer.bytes().take_while(u8::is_ascii_digit).count();
            let reference = if digits > 0 {
                let up: usize = pointer[..digits].parse().map_err(|_| bad())?;
                FieldRef::Relative(up, pointer_tokens(&pointer[digits..]).ok_or_else(bad)?)
            } else if pointer.starts_with('/') {
                FieldRef::Absolute(pointer_tokens(pointer).ok_or_else(bad)?)
            } else {
                return Err(bad());
            };
            if pointer.split('/').any(|t| t == "*") {
                return Err(TeamRuleError::at(
                    f.span(),
                    format!("`{pointer}` has a `*`: a condition names one value"),
                )
                .help("a relative pointer (`1/status`) names the value beside the target"));
            }
            let test = match tests.first().copied() {
                None => Test::Present(true),
                Some("present") => match table.get("present").map(|v| v.get_ref()) {
                    Some(TomlValue::Boolean(b)) => Test::Present(*b),
                    _ => {
                        let v = table.required("present", "")?;
                        return Err(TeamRuleError::at(
                            v.span(),
                            "`present` must be true or false",
                        ));
                    }
                },
                Some("equals") => Test::Equals(scalar(table.required("equals", "")?, "equals")?),
                Some("one_of") => Test::OneOf(scalars(table.required("one_of", "")?, "one_of")?),
                Some("none_of") => {
                    Test::NoneOf(scalars(table.required("none_of", "")?, "none_of")?)
                }
                Some(_) => {
                    let v = table.required("pattern", "")?;
                    let p = string(v, "pattern")?;
                    Test::Pattern(Regex::new(p).map_err(|e| {
                        TeamRuleError::at(
                            v.span(),
                            format!("`pattern` is not a valid regex: {}", regex_error(&e)),
                        )
                    })?)
                }
            };
            Some((reference, test))
        }
    };
    if path.is_empty() && field.is_none() {
        return Err(TeamRuleError::at(
            table.span.clone(),
            "a `when` condition needs `path` (a glob) or `field` (a JSON pointer)",
        ));
    }
    Ok(Condition { path, field })
}

fn read_template(value: &Spanned<TomlValue>, text: &str) -> Res<Vec<Piece>> {
    let template = string(value, "message")?;
    let mut pieces = Vec::new();
    let mut literal = String::new();
    let mut rest = template;
    while let Some(i) = rest.find(['{', '}']) {
        literal.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            literal.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if tail.starts_with('}') {
            return Err(TeamRuleError::at(
                inner_span(text, value.span(), "}"),
                "a `}` closes no placeholder; write `}}` for a brace",
            ));
        }
        let Some(end) = tail.find('}') else {
            return Err(TeamRuleError::at(
                inner_span(text, value.span(), tail),
                "a `{` opens a placeholder that is never closed; write `{{` for a brace",
            ));
        };
        let name = &tail[1..end];
        let piece = match name {
            "value" => Piece::Value,
            "field" => Piece::Field,
            "constraint" => Piece::Constraint,
            _ => {
                let help = closest(name, PLACEHOLDERS.iter().copied())
                    .map(|p| format!("did you mean `{{{p}}}`?"))
                    .unwrap_or_else(|| "write `{{` for a brace".into());
                return Err(TeamRuleError::at(
                    inner_span(text, value.span(), &tail[..=end]),
                    format!(
                        "`{}` is no placeholder; a message may use `{{value}}`, `{{field}}` and `{{constraint}}`",
                        &tail[..=end]
                    ),
                )
                .help(help));
            }
        };
        if !literal.is_empty() {
            pieces.push(Piece::Text(std::mem::take(&mut literal)));
        }
        pieces.push(piece);
        rest = &tail[end + 1..];
    }
    literal.push_str(rest);
    if !literal.is_empty() {
        pieces.push(Piece::Text(literal));
    }
    Ok(pieces)
}

// ------------------------------------------------------------- evaluation

/// What one check found.
struct Finding<'a> {
    span: Span,
    /// The value `{value}` shows.
    node: &'a Node<'a>,
    /// Tokens from the target to the value at fault.
    suffix: Vec<String>,
    message: String,
    help: Option<String>,
    label: Option<(Span, String)>,
}

/// Run team rule `t` of `set` on `node`, the value of `field` (a field
/// name, a model name, or the last key of a pointer). `sensitive`: the
/// schema marks the field secret. `typed`: a scalar's type fits its field
/// (the type rules have reported it otherwise; the check then skips it).
pub(crate) fn run<'a>(
    set: &RuleSet,
    t: usize,
    node: &'a Node<'a>,
    field: &str,
    sensitive: bool,
    typed: bool,
    cx: &mut Cx<'a>,
) {
    let team = &set.team[t];
    let rule = set.by_index(team.index);
    let Some(check) = rule.check() else {
        return;
    };
    let findings = evaluate(check, node, field, sensitive, typed, cx);
    if findings.is_empty() || !team.when.iter().all(|c| holds(c, cx)) {
        return;
    }
    for f in findings {
        let secret = sensitive || cx.is_secret(f.node.span);
        let message = match &team.message {
            None => f.message,
            Some(texts) => texts
                .get(cx.lang)
                .iter()
                .map(|p| match p {
                    Piece::Text(t) => t.clone(),
                    Piece::Value => show(f.node, secret),
                    Piece::Field => field.to_owned(),
                    Piece::Constraint => check.describe_in(cx.lang, rule.name()),
                })
                .collect(),
        };
        let tokens: Vec<&str> = f.suffix.iter().map(String::as_str).collect();
        let pointer = cx.pointer_to(&tokens);
        let d = cx.report_index(team.index, f.span, pointer, message);
        if let Some(help) = f.help {
            d.help(help);
        }
        if let Some((span, label)) = f.label {
            d.label(span, label);
        }
    }
}

/// A value for a message: as written, shortened; a value that may be a
/// secret is described, never shown.
fn show(node: &Node<'_>, secret: bool) -> String {
    if secret {
        return "a hidden value".into();
    }
    match &node.value {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(raw) => {
            let short: String = raw.chars().take(40).collect();
            if short.len() < raw.len() {
                format!("{short}…")
            } else {
                short
            }
        }
        Value::String(s) => {
            let short: String = s.chars().take(60).collect();
            let more = if short.len() < s.len() { "…" } else { "" };
            format!("{short:?}{more}")
        }
        Value::Array(items) => format!(
            "an array of {} item{}",
            items.len(),
            if items.len() == 1 { "" } else { "s" }
        ),
        Value::Object(_) => "an object".into(),
    }
}

/// The value at `tokens` under `node`.
fn navigate<'a, 'n, 't>(
    mut node: &'n Node<'a>,
    tokens: impl IntoIterator<Item = &'t str>,
) -> Option<&'n Node<'a>> {
    for token in tokens {
        node = match &node.value {
            Value::Object(_) => node.get(token)?,
            Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(node)
}

fn evaluate<'a>(
    check: &Check,
    node: &'a Node<'a>,
    field: &str,
    sensitive: bool,
    typed: bool,
    cx: &Cx<'a>,
) -> Vec<Finding<'a>> {
    let mut found = Vec::new();
    match check {
        Check::Required { keys } => {
            if node.as_object().is_none() {
                return found;
            }
            for key in keys {
                let tokens = entry_tokens(key).unwrap_or_default();
                let mut at = node;
                let mut name = field.to_owned();
                for (depth, token) in tokens.iter().enumerate() {
                    match navigate(at, [token.as_str()]) {
                        Some(next) => {
                            at = next;
                            name = token.clone();
                        }
                        None => {
                            let missing = &tokens[depth..];
                            let shown = if missing.len() == 1 {
                                format!("`{}`", missing[0])
                            } else {
                                format!("`{}`", missing.join("."))
                            };
                            let message = if depth == 0 {
                                format!(
                                    "`{name}` lacks {shown}, but it must be {}",
                                    check.describe()
                                )
                            } else if at.as_object().is_some() {
                                format!(
                                    "`{name}` lacks {shown}; `{field}` must be {}",
                                    check.describe()
                                )
                            } else {
                                format!(
                                    "`{name}` is {}, so it lacks {shown}; `{field}` must be {}",
                                    show(at, cx.is_secret(at.span)),
                                    check.describe()
                                )
                            };
                            found.push(Finding {
                                span: at.span,
                                node: at,
                                suffix: tokens[..depth].to_vec(),
                                message,
                                help: None,
                                label: None,
                            });
                            break;
                        }
                    }
                }
            }
        }
        Check::Forbidden { keys } => {
            if node.as_object().is_none() {
                return found;
            }
            for key in keys {
                let tokens = entry_tokens(key).unwrap_or_default();
                let Some((last, parents)) = tokens.split_last() else {
                    continue;
                };
                let Some(parent) = navigate(node, parents.iter().map(String::as_str)) else {
                    continue;
                };
                let Some(member) = parent.member(last) else {
                    continue;
                };
                found.push(Finding {
                    span: member.key_span,
                    node: &member.value,
                    suffix: tokens.clone(),
                    message: format!("`{field}` has `{key}`, but it must be {}", check.describe()),
                    help: Some(format!("remove `{last}`")),
                    label: None,
                });
            }
        }
        Check::Unique { field: item_field } => {
            let Some(items) = node.as_array() else {
                return found;
            };
            let tokens = item_field
                .as_deref()
                .and_then(entry_tokens)
                .unwrap_or_default();
            let values: Vec<Option<&'a Node<'a>>> = items
                .iter()
                .map(|item| navigate(item, tokens.iter().map(String::as_str)))
                .collect();
            let keys: Vec<Option<String>> =
                values.iter().map(|v| v.and_then(|v| identity(v))).collect();
            for (first, repeat) in repeats(&keys) {
                let (Some(first_node), Some(node)) = (values[first], values[repeat]) else {
                    continue;
                };
                let secret = sensitive || cx.is_secret(node.span);
                let what = match item_field {
                    Some(f) => format!("the `{f}` {} of item {first}", show(node, secret)),
                    None => format!("item {first} ({})", show(node, secret)),
                };
                let mut suffix = vec![repeat.to_string()];
                suffix.extend(tokens.iter().cloned());
                found.push(Finding {
                    span: node.span,
                    node,
                    suffix,
                    message: format!(
                        "item {repeat} of `{field}` repeats {what}, but `{field}` must be {}",
                        check.describe()
                    ),
                    help: None,
                    label: Some((first_node.span, "first here".into())),
                });
            }
        }
        _ => {
            let Some(subject) = subject(check, node, typed) else {
                return found;
            };
            let secret = sensitive || cx.is_secret(node.span);
            if let Some(v) = check.evaluate(field, subject, secret) {
                found.push(Finding {
                    span: node.span,
                    node,
                    suffix: Vec::new(),
                    message: v.message,
                    help: v.help,
                    label: None,
                });
            }
        }
    }
    found
}

/// What `unique` compares: strings by text, numbers by value, literals.
fn identity(node: &Node<'_>) -> Option<String> {
    match &node.value {
        Value::String(s) => Some(format!("s{s}")),
        Value::Number(raw) => Some(match raw.parse::<f64>() {
            Ok(v) if v.is_finite() => format!("n{v}"),
            _ => format!("n{raw}"),
        }),
        Value::Bool(b) => Some(format!("b{b}")),
        Value::Null => Some("null".into()),
        _ => None,
    }
}

/// The value a scalar or `items` check looks at, taken from the node.
fn subject<'a>(check: &Check, node: &'a Node<'a>, typed: bool) -> Option<Subject<'a>> {
    let numeric = matches!(check, Check::Range { .. } | Check::Decimals { .. });
    match &node.value {
        Value::Array(items) => Some(Subject::Items(items.len())),
        _ if !typed => None,
        Value::Number(raw) => number(raw),
        Value::String(s) if numeric && is_json_number(s) => number(s),
        Value::String(s) => Some(Subject::Str(s)),
        _ => None,
    }
}

fn number(raw: &str) -> Option<Subject<'_>> {
    let value: f64 = raw.parse().ok()?;
    value.is_finite().then_some(Subject::Number { value, raw })
}

/// Whether a `when` condition holds for the value being looked at.
fn holds(condition: &Condition, cx: &Cx<'_>) -> bool {
    if !condition.path.is_empty() {
        let Some(file) = &cx.file else {
            return false;
        };
        if !condition.path.iter().any(|m| m.matches(file)) {
            return false;
        }
    }
    let Some((reference, test)) = &condition.field else {
        return true;
    };
    let Some(root) = cx.root else {
        return false;
    };
    let node = match reference {
        FieldRef::Absolute(tokens) => navigate(root, tokens.iter().map(String::as_str)),
        FieldRef::Relative(up, tokens) => {
            let keep = cx.path.len().checked_sub(*up);
            keep.and_then(|keep| {
                let mut at = root;
                for token in &cx.path[..keep] {
                    at = match token {
                        Token::Key(k) => at.get(k)?,
                        Token::Index(i) => at.as_array()?.get(*i)?,
                    };
                }
                navigate(at, tokens.iter().map(String::as_str))
            })
        }
    };
    match (test, node) {
        (Test::Present(present), node) => node.is_some() == *present,
        (_, None) => false,
        (Test::Equals(s), Some(node)) => equal(node, s),
        (Test::OneOf(list), Some(node)) => list.iter().any(|s| equal(node, s)),
        (Test::NoneOf(list), Some(node)) => !list.iter().any(|s| equal(node, s)),
        (Test::Pattern(re), Some(node)) => node.as_str().is_some_and(|s| re.is_match(s)),
    }
}

fn equal(node: &Node<'_>, scalar: &Scalar) -> bool {
    match (&node.value, scalar) {
        (Value::String(s), Scalar::Str(t)) => s == t,
        (Value::Number(raw), Scalar::Num(n)) => raw.parse::<f64>().is_ok_and(|v| v == *n),
        (Value::Bool(b), Scalar::Bool(c)) => b == c,
        _ => false,
    }
}

/// Run every team rule with a pointer target on the document.
pub(crate) fn run_pointers<'a>(set: &RuleSet, root: &'a Node<'a>, cx: &mut Cx<'a>) {
    for &t in &set.team_pointers {
        for target in &set.team[t].targets {
            if let Target::Pointer(segs) = target {
                descend(set, t, segs, root, cx);
            }
        }
    }
}

fn descend<'a>(set: &RuleSet, t: usize, segs: &[Seg], node: &'a Node<'a>, cx: &mut Cx<'a>) {
    let Some((seg, rest)) = segs.split_first() else {
        let field = cx
            .path
            .iter()
            .rev()
            .find_map(|t| match t {
                Token::Key(k) => Some(*k),
                Token::Index(_) => None,
            })
            .unwrap_or("the document")
            .to_owned();
        run(set, t, node, &field, false, true, cx);
        return;
    };
    match &node.value {
        Value::Object(members) => {
            for m in members {
                if matches!(seg, Seg::Any) || matches!(seg, Seg::Key(k) if *k == m.key) {
                    cx.path.push(Token::Key(&m.key));
                    descend(set, t, rest, &m.value, cx);
                    cx.path.pop();
                }
            }
        }
        Value::Array(items) => {
            let only = match seg {
                Seg::Any => None,
                Seg::Key(k) => match k.parse::<usize>() {
                    Ok(i) => Some(i),
                    Err(_) => return,
                },
            };
            for (i, item) in items.iter().enumerate() {
                if only.is_none_or(|o| o == i) {
                    cx.path.push(Token::Index(i));
                    descend(set, t, rest, item, cx);
                    cx.path.pop();
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_deserializes_into_a_check_with_all_its_parameters() {
        for (kind, _, params) in KINDS {
            let mut table = serde_json::Map::new();
            table.insert("kind".into(), (*kind).into());
            for (param, ty, _) in params.iter() {
                let value: serde_json::Value = match ty {
                    Ty::Number => 1.5.into(),
                    Ty::Count => 1.into(),
                    Ty::Boolean => true.into(),
                    Ty::Text => "[a-z]".into(),
                    Ty::Texts => serde_json::json!(["a"]),
                };
                table.insert((*param).into(), value);
            }
            let check: Check = serde_json::from_value(table.into())
                .unwrap_or_else(|e| panic!("kind `{kind}`: {e}"));
            assert_eq!(check_kind_name(&check), Some(*kind));
            // A parameter the table does not list is refused by the check.
            let mut extra = serde_json::Map::new();
            extra.insert("kind".into(), (*kind).into());
            extra.insert("nonsense".into(), 1.into());
            assert!(serde_json::from_value::<Check>(extra.into()).is_err());
        }
    }

    #[test]
    fn templates_and_placeholders() {
        let text = r#"m = "`{field}` is {value}; {{literal}} {constraint}""#;
        let v: toml::Table = toml::from_str(text).unwrap();
        assert!(v.contains_key("m"));
        #[derive(serde::Deserialize)]
        struct T {
            m: Spanned<TomlValue>,
        }
        let t: T = toml::from_str(text).unwrap();
        let pieces = read_template(&t.m, text).unwrap();
        assert_eq!(
            pieces,
            [
                Piece::Text("`".into()),
                Piece::Field,
                Piece::Text("` is ".into()),
                Piece::Value,
                Piece::Text("; {literal} ".into()),
                Piece::Constraint,
            ]
        );
        let text = r#"m = "bad {vaule} here""#;
        let t: T = toml::from_str(text).unwrap();
        let e = read_template(&t.m, text).unwrap_err();
        assert_eq!(&text[e.span.clone().unwrap()], "{vaule}");
        assert_eq!(e.help.as_deref(), Some("did you mean `{value}`?"));
    }

    #[test]
    fn codes_and_names() {
        for ok in ["X1", "TEAM101", "ACME42"] {
            assert!(well_formed_code(ok), "{ok}");
        }
        for bad in ["", "101", "X", "x101", "X-101", "X101A"] {
            assert!(!well_formed_code(bad), "{bad}");
        }
        assert!(well_formed_name("prod-timeout"));
        assert!(!well_formed_name("Prod_Timeout"));
        assert!(!well_formed_name("a--b"));
    }

    #[test]
    fn pointers_unescape() {
        assert_eq!(
            pointer_tokens("/a~1b/~0/*"),
            Some(vec!["a/b".into(), "~".into(), "*".into()])
        );
        assert_eq!(pointer_tokens("/a~2"), None);
        assert_eq!(pointer_tokens("a"), None);
        assert_eq!(entry_tokens("param_name"), Some(vec!["param_name".into()]));
    }
}
