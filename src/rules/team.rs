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
use crate::i18n::{Lang, Msg};
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
    /// The value's TOML type in words (`a string`), for messages.
    fn type_name(&self) -> Msg {
        let id = match self {
            TomlValue::String(_) => "team-toml-string",
            TomlValue::Integer(_) => "team-toml-integer",
            TomlValue::Float(_) => "team-toml-float",
            TomlValue::Boolean(_) => "team-toml-boolean",
            TomlValue::Array(_) => "team-toml-array",
            TomlValue::Table(_) => "team-toml-table",
        };
        Msg::new(id)
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
#[derive(Debug, Clone, PartialEq)]
pub struct TeamRuleError {
    /// The bytes at fault.
    pub span: Option<Range<usize>>,
    /// What is wrong, in words of the catalog (`src/i18n/*.ftl`): the
    /// policy words it in the language of the run.
    pub message: Box<Msg>,
    /// What to do about it.
    pub help: Option<Box<Msg>>,
}

impl TeamRuleError {
    fn at(span: Range<usize>, message: Msg) -> Self {
        TeamRuleError {
            span: Some(span),
            message: Box::new(message),
            help: None,
        }
    }

    fn help(mut self, help: Msg) -> Self {
        self.help = Some(Box::new(help));
        self
    }

    fn help_opt(mut self, help: Option<Msg>) -> Self {
        self.help = help.map(Box::new);
        self
    }
}

impl fmt::Display for TeamRuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message.format(Lang::EnUs))
    }
}

impl std::error::Error for TeamRuleError {}

/// `did you mean `x`?`
fn did_you_mean(name: impl Into<String>) -> Msg {
    Msg::new("help-did-you-mean").arg("name", name.into())
}

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
    fn describe(self) -> Msg {
        let id = match self {
            Ty::Number => "team-param-number",
            Ty::Count => "team-param-count",
            Ty::Boolean => "team-toml-boolean",
            Ty::Text => "team-toml-string",
            Ty::Texts => "team-param-strings",
        };
        Msg::new(id)
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
                    Msg::new("team-no-language")
                        .arg("lang", lang.clone())
                        .arg("key", key.to_owned()),
                ))
            }
        }
    }
    let Some(en) = en else {
        return Err(TeamRuleError::at(
            value.span(),
            Msg::new("team-texts-need-en").arg("key", key.to_owned()),
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
    fn of(value: &'v Spanned<TomlValue>, what: Msg) -> Res<Table<'v>> {
        match value.get_ref() {
            TomlValue::Table(entries) => Ok(Table {
                span: value.span(),
                entries,
            }),
            other => Err(TeamRuleError::at(
                value.span(),
                Msg::new("team-not-table")
                    .msg("what", what)
                    .msg("type", other.type_name()),
            )),
        }
    }

    fn get(&self, key: &str) -> Option<&'v Spanned<TomlValue>> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Refuse keys that are not `allowed`, at the key.
    fn only(&self, allowed: &[&str], what: Msg, text: &str) -> Res<()> {
        for (key, value) in self.entries {
            if !allowed.contains(&key.as_str()) {
                let help = closest(key, allowed.iter().copied())
                    .map(did_you_mean)
                    .unwrap_or_else(|| {
                        Msg::new("team-takes")
                            .msg("what", what.clone())
                            .msg("keys", list(allowed))
                    });
                return Err(TeamRuleError::at(
                    key_span(text, key, value.span()),
                    Msg::new("team-no-key")
                        .msg("what", what)
                        .arg("key", key.clone()),
                )
                .help(help));
            }
        }
        Ok(())
    }

    fn required(&self, key: &str, what: Msg) -> Res<&'v Spanned<TomlValue>> {
        self.get(key).ok_or_else(|| {
            TeamRuleError::at(
                self.span.clone(),
                Msg::new("team-lacks")
                    .msg("what", what)
                    .arg("key", key.to_owned()),
            )
        })
    }
}

/// `` `a`, `b` and `c` `` (`和` in Chinese).
fn list(items: &[&str]) -> Msg {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => Msg::new("team-list")
            .arg("rest", rest.join(", "))
            .arg("last", last.clone()),
        _ => Msg::new("config-text").arg("text", quoted.join("")),
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
            Msg::new("team-not-string")
                .arg("key", key.to_owned())
                .msg("type", other.type_name()),
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
        TomlValue::Array(_) => Err(TeamRuleError::at(
            value.span(),
            Msg::new("team-empty").arg("key", key.to_owned()),
        )),
        other => Err(TeamRuleError::at(
            value.span(),
            Msg::new("team-not-strings")
                .arg("key", key.to_owned())
                .msg("type", other.type_name()),
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
    let a_rule = || Msg::new("team-what-rule");
    let table = Table::of(value, a_rule())?;
    table.only(RULE_KEYS, a_rule(), text)?;
    let schema = set.schema();

    // code and name
    let code_value = table.required("code", a_rule())?;
    let code = string(code_value, "code")?;
    check_code(code, code_value.span(), set)?;
    let name_value = table.required("name", a_rule())?;
    let name = string(name_value, "name")?;
    check_name(name, name_value.span(), set)?;

    let severity_value = table.required("severity", a_rule())?;
    let severity = match string(severity_value, "severity")? {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        "info" => Severity::Info,
        other => {
            let help = closest(other, ["error", "warning", "info"].into_iter()).map(did_you_mean);
            return Err(TeamRuleError::at(
                severity_value.span(),
                Msg::new("team-bad-severity").arg("value", other.to_owned()),
            )
            .help_opt(help));
        }
    };
    let text_of =
        |key: &'static str| move |v: &Spanned<TomlValue>| string(v, key).map(str::to_owned);
    let summary = read_texts(
        table.required("summary", a_rule())?,
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
    let check_value = table.required("check", a_rule())?;
    let (check, applies) = read_check(check_value, text)?;

    // targets
    let targets_value = table.required("targets", a_rule())?;
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
            _ => return Err(TeamRuleError::at(w.span(), Msg::new("team-when-shape"))),
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
                        Msg::new("team-placeholders-none")
                    } else {
                        Msg::new("config-text").arg("text", format!("`{}`", uses.join("`, `")))
                    }
                };
                return Err(TeamRuleError::at(
                    span,
                    Msg::new("team-placeholders-differ")
                        .msg("zh", list(&zh_uses))
                        .msg("en", list(&en_uses)),
                )
                .help(Msg::new("help-team-placeholders-same")));
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
                Msg::new("team-builtin-rule-name").arg("name", other.name().to_owned()),
                Msg::new("help-team-code-builtin").arg("free", free_code(set, code)),
            ),
            Some((path, line)) => (
                Msg::new("team-team-rule-name")
                    .arg("name", other.name().to_owned())
                    .arg("path", path.display().to_string())
                    .arg("line", line.to_string()),
                Msg::new("help-team-code-free").arg("free", free_code(set, code)),
            ),
        };
        return Err(TeamRuleError::at(
            span,
            Msg::new("team-code-taken")
                .arg("code", code.to_owned())
                .msg("what", what),
        )
        .help(help));
    }
    if upper.starts_with("COC") {
        return Err(TeamRuleError::at(
            span,
            Msg::new("team-code-coc").arg("code", code.to_owned()),
        )
        .help(
            Msg::new("help-team-code-prefix")
                .arg("free", free_code(set, code))
                .arg("digits", free_code(set, code)[1..].to_owned()),
        ));
    }
    if !well_formed_code(code) {
        let help = if well_formed_code(&upper) {
            did_you_mean(upper)
        } else {
            Msg::new("help-team-eg").arg("example", free_code(set, code))
        };
        return Err(TeamRuleError::at(
            span,
            Msg::new("team-bad-code").arg("code", code.to_owned()),
        )
        .help(help));
    }
    Ok(())
}

fn check_name(name: &str, span: Range<usize>, set: &RuleSet) -> Res<()> {
    if let Some(i) = set.lookup(name) {
        let other = &set.rules[i];
        let whose = match &other.defined_in {
            None => Msg::new("team-builtin-rule-code").arg("code", other.code().to_owned()),
            Some((path, line)) => Msg::new("team-team-rule-code")
                .arg("code", other.code().to_owned())
                .arg("path", path.display().to_string())
                .arg("line", line.to_string()),
        };
        return Err(TeamRuleError::at(
            span,
            Msg::new("team-name-taken")
                .arg("name", name.to_owned())
                .msg("whose", whose),
        )
        .help(Msg::new("help-team-name-own").arg("name", name.to_owned())));
    }
    if !well_formed_name(name) {
        let fixed: String = name
            .to_ascii_lowercase()
            .chars()
            .map(|c| if c == '_' || c == ' ' { '-' } else { c })
            .collect();
        let help = well_formed_name(&fixed).then(|| did_you_mean(fixed));
        return Err(TeamRuleError::at(
            span,
            Msg::new("team-bad-name").arg("name", name.to_owned()),
        )
        .help_opt(help));
    }
    Ok(())
}

fn read_check(value: &Spanned<TomlValue>, text: &str) -> Res<(Check, Applies)> {
    let table = Table::of(value, Msg::new("team-what-check"))?;
    let kind_value = table.required("kind", Msg::new("team-what-check"))?;
    let kind = string(kind_value, "kind")?;
    let Some((_, applies, params)) = KINDS.iter().find(|(k, _, _)| *k == kind) else {
        let help = closest(kind, kinds()).map(did_you_mean).unwrap_or_else(|| {
            Msg::new("help-team-kinds").msg("kinds", list(&kinds().collect::<Vec<_>>()))
        });
        return Err(TeamRuleError::at(
            kind_value.span(),
            Msg::new("team-no-kind").arg("kind", kind.to_owned()),
        )
        .help(help));
    };
    let mut allowed: Vec<&str> = params.iter().map(|(p, _, _)| *p).collect();
    allowed.push("kind");
    table.only(
        &allowed,
        Msg::new("team-what-kind-check").arg("kind", kind.to_owned()),
        text,
    )?;
    for (param, ty, required) in params.iter() {
        match table.get(param) {
            None if *required => {
                return Err(TeamRuleError::at(
                    value.span(),
                    Msg::new("team-check-needs")
                        .arg("kind", kind.to_owned())
                        .arg("param", param.to_string())
                        .msg("type", ty.describe()),
                ))
            }
            None => {}
            Some(v) if !ty.accepts(v.get_ref()) => {
                return Err(TeamRuleError::at(
                    v.span(),
                    Msg::new("team-param-type")
                        .arg("param", param.to_string())
                        .arg("kind", kind.to_owned())
                        .msg("want", ty.describe())
                        .msg("type", v.get_ref().type_name()),
                ))
            }
            Some(v)
                if *ty == Ty::Texts
                    && matches!(v.get_ref(), TomlValue::Array(a) if a.is_empty()) =>
            {
                return Err(TeamRuleError::at(
                    v.span(),
                    Msg::new("team-empty").arg("key", param.to_string()),
                ))
            }
            Some(_) => {}
        }
    }
    let json = value.get_ref().to_json();
    let check: Check = serde_json::from_value(json).map_err(|e| {
        TeamRuleError::at(
            value.span(),
            Msg::new("team-check-serde").arg("error", e.to_string()),
        )
    })?;

    // What serde cannot say: bounds in order, regexes that compile, keys
    // that are pointers.
    let bounds = |min: Option<f64>, max: Option<f64>| {
        if let (Some(a), Some(b)) = (min, max) {
            if a > b {
                return Err(TeamRuleError::at(
                    value.span(),
                    Msg::new("team-min-max")
                        .arg("min", a.to_string())
                        .arg("max", b.to_string()),
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
                    .message(Msg::new("team-bad-class-regex").arg("error", detail.to_owned())));
            }
            if check.compile().is_err() {
                return Err(at_param(&table, "class", value)
                    .message(Msg::new("team-bad-class").arg("class", class.clone())));
            }
        }
        Check::Forbid { pattern, .. } | Check::Pattern { pattern, .. } => {
            if let Err(e) = Regex::new(pattern) {
                return Err(at_param(&table, "pattern", value)
                    .message(Msg::new("team-bad-pattern").arg("error", regex_error(&e))));
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
                        Msg::new("team-bad-entry").arg("entry", key.clone()),
                    ));
                }
            }
        }
        Check::Unique { field: Some(field) } if entry_tokens(field).is_none() => {
            return Err(at_param(&table, "field", value)
                .message(Msg::new("team-bad-entry").arg("entry", field.clone())));
        }
        _ => {}
    }
    Ok((check, *applies))
}

/// An error at parameter `param` of a check (or at the check).
fn at_param(table: &Table<'_>, param: &str, check: &Spanned<TomlValue>) -> TeamRuleError {
    TeamRuleError::at(
        table.get(param).map_or(check.span(), |v| v.span()),
        Msg::new("config-text").arg("text", String::new()),
    )
}

impl TeamRuleError {
    fn message(mut self, message: Msg) -> Self {
        self.message = Box::new(message);
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
                Msg::new("team-bad-tilde").arg("target", target.to_owned()),
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
                .map(|m| did_you_mean(format!("{m}.{field_name}")))
                .unwrap_or_else(|| {
                    Msg::new("help-team-models").msg("models", list(&models().collect::<Vec<_>>()))
                });
            return Err(TeamRuleError::at(
                span,
                Msg::new("team-no-model").arg("model", model_name.to_owned()),
            )
            .help(help));
        };
        let model = &schema.models[m];
        let Some(field) = model.field(field_name) else {
            let help = model
                .closest_field(field_name, 0.8)
                .map(|f| did_you_mean(format!("{model_name}.{}", f.name)))
                .unwrap_or_else(|| {
                    let names: Vec<&str> = model.fields.iter().map(|f| f.name.as_str()).collect();
                    Msg::new("help-team-fields")
                        .arg("model", model_name.to_owned())
                        .msg("fields", list(&names))
                });
            return Err(TeamRuleError::at(
                span,
                Msg::new("team-no-field")
                    .arg("model", model_name.to_owned())
                    .arg("field", field_name.to_owned()),
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
                Applies::Numbers => "team-applies-numbers",
                Applies::Strings => "team-applies-strings",
                Applies::Arrays => "team-applies-arrays",
                Applies::Objects => "team-applies-objects",
            };
            return Err(TeamRuleError::at(
                span,
                Msg::new("team-check-applies")
                    .arg("kind", kind.to_owned())
                    .msg("what", Msg::new(what))
                    .arg("target", target.to_owned())
                    .msg("type", type_msg(&field.ty, schema)),
            ));
        }
        return Ok(Target::Field(field.id));
    }
    if let Some(m) = schema.model(target) {
        if applies != Applies::Objects {
            return Err(TeamRuleError::at(
                span,
                Msg::new("team-whole-model")
                    .arg("kind", kind.to_owned())
                    .arg("target", target.to_owned()),
            )
            .help(Msg::new("help-team-name-field").arg(
                "example",
                format!(
                        "{target}.{}",
                        schema.models[m].fields.first().map_or("", |f| f.name.as_str())
                    ),
            )));
        }
        return Ok(Target::Model(m));
    }
    let help = closest(target, models())
        .map(did_you_mean)
        .unwrap_or_else(|| Msg::new("help-team-targets"));
    Err(TeamRuleError::at(
        span,
        Msg::new("team-no-target").arg("target", target.to_owned()),
    )
    .help(help))
}

/// [`FieldType::describe_in`] as a message, worded in the language of the
/// run.
fn type_msg(ty: &FieldType, schema: &Schema) -> Msg {
    match ty {
        FieldType::String => Msg::new("type-string"),
        FieldType::Integer => Msg::new("type-integer"),
        FieldType::Long => Msg::new("type-long"),
        FieldType::Double => Msg::new("type-double"),
        FieldType::Boolean => Msg::new("type-boolean"),
        FieldType::Object(m) => {
            Msg::new("type-object").arg("model", schema.models[*m].name.clone())
        }
        FieldType::Array(_) => Msg::new("type-array"),
    }
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
            Msg::new("team-not-scalar")
                .arg("key", key.to_owned())
                .msg("type", other.type_name()),
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
            Msg::new("team-not-values").arg("key", key.to_owned()),
        )),
    }
}

fn read_condition(value: &Spanned<TomlValue>, origin: &RuleOrigin) -> Res<Condition> {
    let text: &str = &origin.text;
    let a_condition = || Msg::new("team-what-condition");
    let table = Table::of(value, a_condition())?;
    table.only(WHEN_KEYS, a_condition(), text)?;
    let mut path = Vec::new();
    if let Some(p) = table.get("path") {
        for (glob, span) in strings(p, "path")? {
            let matcher = PathMatcher::new(glob, &origin.base).map_err(|e| {
                TeamRuleError::at(
                    span.clone(),
                    Msg::new("config-bad-glob")
                        .arg("glob", glob.to_owned())
                        .arg("error", e.to_string()),
                )
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
            Msg::new("team-tests-one-way").msg("tests", list(&tests)),
        )
        .help(Msg::new("help-team-one-test")));
    }
    let field = match table.get("field") {
        None => {
            if let Some(test) = tests.first() {
                return Err(TeamRuleError::at(
                    table.required(test, a_condition())?.span(),
                    Msg::new("team-test-no-field").arg("test", test.to_string()),
                )
                .help(Msg::new("help-team-add-field")));
            }
            None
        }
        Some(f) => {
            let pointer = string(f, "field")?;
            let bad = || {
                TeamRuleError::at(
                    f.span(),
                    Msg::new("team-bad-field").arg("pointer", pointer.to_owned()),
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
                    Msg::new("team-field-star").arg("pointer", pointer.to_owned()),
                )
                .help(Msg::new("help-team-relative")));
            }
            let test = match tests.first().copied() {
                None => Test::Present(true),
                Some("present") => match table.get("present").map(|v| v.get_ref()) {
                    Some(TomlValue::Boolean(b)) => Test::Present(*b),
                    _ => {
                        let v = table.required("present", a_condition())?;
                        return Err(TeamRuleError::at(v.span(), Msg::new("team-present-bool")));
                    }
                },
                Some("equals") => {
                    Test::Equals(scalar(table.required("equals", a_condition())?, "equals")?)
                }
                Some("one_of") => {
                    Test::OneOf(scalars(table.required("one_of", a_condition())?, "one_of")?)
                }
                Some("none_of") => Test::NoneOf(scalars(
                    table.required("none_of", a_condition())?,
                    "none_of",
                )?),
                Some(_) => {
                    let v = table.required("pattern", a_condition())?;
                    let p = string(v, "pattern")?;
                    Test::Pattern(Regex::new(p).map_err(|e| {
                        TeamRuleError::at(
                            v.span(),
                            Msg::new("team-bad-pattern").arg("error", regex_error(&e)),
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
            Msg::new("team-condition-empty"),
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
                Msg::new("team-stray-close"),
            ));
        }
        let Some(end) = tail.find('}') else {
            return Err(TeamRuleError::at(
                inner_span(text, value.span(), tail),
                Msg::new("team-unclosed"),
            ));
        };
        let name = &tail[1..end];
        let piece = match name {
            "value" => Piece::Value,
            "field" => Piece::Field,
            "constraint" => Piece::Constraint,
            _ => {
                let help = closest(name, PLACEHOLDERS.iter().copied())
                    .map(|p| did_you_mean(format!("{{{p}}}")))
                    .unwrap_or_else(|| Msg::new("help-team-brace"));
                return Err(TeamRuleError::at(
                    inner_span(text, value.span(), &tail[..=end]),
                    Msg::new("team-no-placeholder").arg("name", tail[..=end].to_owned()),
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
    let findings = evaluate(check, rule.name(), node, field, sensitive, typed, cx);
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
                    Piece::Value => show(f.node, secret, cx.lang),
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
/// secret is described, never shown (in `lang`, as are arrays and objects).
fn show(node: &Node<'_>, secret: bool, lang: Lang) -> String {
    use crate::i18n::tr;
    if secret {
        return tr!(lang, "team-value-hidden");
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
        Value::Array(items) => tr!(lang, "team-value-array", count = items.len()),
        Value::Object(_) => tr!(lang, "value-object"),
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
    rule: &str,
    node: &'a Node<'a>,
    field: &str,
    sensitive: bool,
    typed: bool,
    cx: &Cx<'a>,
) -> Vec<Finding<'a>> {
    use crate::i18n::tr;
    let lang = cx.lang;
    let allowed = || check.describe_in(lang, rule);
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
                                tr!(
                                    lang,
                                    "team-required-lacks",
                                    name = name.as_str(),
                                    shown = shown,
                                    allowed = allowed()
                                )
                            } else if at.as_object().is_some() {
                                tr!(
                                    lang,
                                    "team-required-lacks-inner",
                                    name = name.as_str(),
                                    shown = shown,
                                    field = field,
                                    allowed = allowed()
                                )
                            } else {
                                tr!(
                                    lang,
                                    "team-required-not-object",
                                    name = name.as_str(),
                                    value = show(at, cx.is_secret(at.span), lang),
                                    shown = shown,
                                    field = field,
                                    allowed = allowed()
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
                    message: tr!(
                        lang,
                        "team-forbidden-has",
                        field = field,
                        key = key.as_str(),
                        allowed = allowed()
                    ),
                    help: Some(tr!(lang, "help-team-remove", key = last.as_str())),
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
                let value = show(node, secret, lang);
                let what = match item_field {
                    Some(f) => tr!(
                        lang,
                        "team-unique-item-field",
                        key = f.as_str(),
                        value = value,
                        first = first.to_string()
                    ),
                    None => tr!(
                        lang,
                        "team-unique-item",
                        first = first.to_string(),
                        value = value
                    ),
                };
                let mut suffix = vec![repeat.to_string()];
                suffix.extend(tokens.iter().cloned());
                found.push(Finding {
                    span: node.span,
                    node,
                    suffix,
                    message: tr!(
                        lang,
                        "team-unique-repeats",
                        repeat = repeat.to_string(),
                        field = field,
                        what = what,
                        allowed = allowed()
                    ),
                    help: None,
                    label: Some((first_node.span, tr!(lang, "team-first-here"))),
                });
            }
        }
        _ => {
            let Some(subject) = subject(check, node, typed) else {
                return found;
            };
            let secret = sensitive || cx.is_secret(node.span);
            if let Some(v) = check.evaluate_in(lang, rule, field, subject, secret) {
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
        assert_eq!(
            e.help.map(|h| h.format(Lang::EnUs)).as_deref(),
            Some("did you mean `{value}`?")
        );
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
