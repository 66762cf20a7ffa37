//! The configuration file format: `coc-lint.toml`, read with the span of
//! every value so that a mistake is shown where it stands.
//!
//! Keys are kebab-case, as ruff's are. Every key is optional; an empty file
//! is the `recommended` preset. The README's *Configuration* section is the
//! reference; a test checks that it names every key [`KEYS`] lists.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use toml::Spanned;

use crate::i18n::{Lang, Msg};

/// The name of a configuration file.
pub const FILE_NAME: &str = "coc-lint.toml";

/// Every top-level key a configuration file may have, with what it does
/// (the README's reference is tested against this list).
pub const KEYS: &[(&str, &str)] = &[
    ("root", "stop discovery here: files above this folder are not read"),
    ("extends", "presets (`recommended`, `strict`) or paths of files to build on, in order"),
    ("select", "the rules to run (codes, names, prefixes such as `COC2`, or `ALL`), replacing what was selected before"),
    ("extend-select", "rules to run as well as the selected ones"),
    ("ignore", "rules whose diagnostics are dropped, each optionally `{ rule = ..., reason = ... }`"),
    ("severity", "a table of rule = `error` | `warning` | `info` | `off`"),
    ("per-file-ignores", "a table of glob = [rules to ignore in the files it matches]"),
    ("include", "globs of the files a directory walk lints (default `*.json`, `*.ndjson`, `*.jsonl`)"),
    ("exclude", "globs a directory walk skips, replacing the defaults"),
    ("extend-exclude", "globs a directory walk skips, as well as the defaults"),
    ("respect-gitignore", "whether a directory walk skips what `.gitignore` files exclude (default true)"),
    ("unknown-files", "what a directory walk does with JSON that is no COC document: `skip` (default) or `report`"),
    ("allow-comments", "accept `//` and `/* */` comments and trailing commas (default false)"),
    ("secrets", "a table: `extend-names` (parameter names that mark a credential) and `extend-patterns` (regexes, or `{ what = ..., regex = ... }`, for values that look like one), added to `plaintext-secret`'s"),
    ("rule", "`[[rule]]` tables: team rules in the format of the built-in rule files (see *Team rules*)"),
    ("rule-dirs", "folders of team rule files (`*.toml`, each with an optional `.md` manual beside it), relative to this file"),
    ("lang", "the language of messages, help and rule manuals: `en-us` (default) or `zh-cn`; `--lang` wins over it, and it over `COC_LINT_LANG`"),
];

/// A configuration file that cannot be understood: where and why.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError {
    /// The file at fault (`<preset strict>` for a shipped preset,
    /// `<command line>` for an option).
    pub path: PathBuf,
    /// Its text, when it could be read.
    pub text: Option<Arc<str>>,
    /// The bytes of `text` at fault.
    pub span: Option<Range<usize>>,
    /// What is wrong: a message id with its arguments, worded in the
    /// language of the run ([`ConfigError::message_in`]). Boxed, as the
    /// help, so that a `Result` carrying the error stays small.
    pub message: Box<Msg>,
    /// What to do about it.
    pub help: Option<Box<Msg>>,
    /// The `lang` of the file at fault, when it parsed and names a
    /// language: the language its faults are told in unless `--lang` says
    /// otherwise (see [`ConfigError::lang_or`]).
    pub lang: Option<Lang>,
}

impl ConfigError {
    pub(crate) fn at(layer: &Layer, span: Range<usize>, message: Msg) -> Self {
        ConfigError {
            path: layer.path.clone(),
            text: Some(layer.text.clone()),
            span: Some(span),
            message: Box::new(message),
            help: None,
            lang: layer.lang(),
        }
    }

    pub(crate) fn help(mut self, help: Msg) -> Self {
        self.help = Some(Box::new(help));
        self
    }

    /// What is wrong, in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        self.message.format(lang)
    }

    /// What to do about it, in `lang`.
    pub fn help_in(&self, lang: Lang) -> Option<String> {
        self.help.as_ref().map(|h| h.format(lang))
    }

    /// The language to tell this fault in, when the command line gave none:
    /// the `lang` of the file at fault when it parsed and has one, else
    /// `fallback` (the `COC_LINT_LANG` of the run). A configuration is not
    /// known to be right before it is read, so its own `lang` counts only
    /// for the faults found after it parsed.
    pub fn lang_or(&self, fallback: Lang) -> Lang {
        self.lang.unwrap_or(fallback)
    }

    /// `path:line:column: message`, in `lang`.
    pub fn display_in(&self, lang: Lang) -> String {
        let mut out = self.path.display().to_string();
        if let (Some(text), Some(span)) = (&self.text, &self.span) {
            let upto = text.get(..span.start).unwrap_or("");
            let line = upto.matches('\n').count() + 1;
            let column = upto.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            out.push_str(&format!(":{line}:{column}"));
        }
        out.push_str(": ");
        out.push_str(&self.message_in(lang));
        out
    }
}

impl fmt::Display for ConfigError {
    /// `path:line:column: message`, in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_in(Lang::EnUs))
    }
}

impl std::error::Error for ConfigError {}

/// One configuration file as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawConfig {
    #[serde(default)]
    pub root: bool,
    #[serde(default)]
    pub extends: Vec<Spanned<String>>,
    pub select: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub extend_select: Vec<Spanned<String>>,
    #[serde(default)]
    pub ignore: Vec<Spanned<toml::Value>>,
    #[serde(default)]
    pub severity: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    pub per_file_ignores: BTreeMap<Spanned<String>, Spanned<Vec<Spanned<toml::Value>>>>,
    pub include: Option<Vec<Spanned<String>>>,
    pub exclude: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub extend_exclude: Vec<Spanned<String>>,
    pub respect_gitignore: Option<bool>,
    pub unknown_files: Option<Spanned<String>>,
    pub allow_comments: Option<bool>,
    pub lang: Option<Spanned<String>>,
    #[serde(default)]
    pub rule: Vec<Spanned<crate::rules::TomlValue>>,
    #[serde(default)]
    pub rule_dirs: Vec<Spanned<String>>,
    #[serde(default)]
    pub secrets: SecretsConfig,
}

/// The `[secrets]` table: what `plaintext-secret` takes for a credential,
/// as well as its built-in names and patterns.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct SecretsConfig {
    #[serde(default)]
    pub extend_names: Vec<Spanned<String>>,
    #[serde(default)]
    pub extend_patterns: Vec<Spanned<toml::Value>>,
}

/// One entry of `[secrets] extend-patterns`, checked: a regex that
/// compiles, and what a value it matches looks like.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SecretPattern {
    pub what: String,
    pub regex: String,
    pub classes: Option<i64>,
}

impl SecretPattern {
    /// `'regex'` or `{ what = "...", regex = "...", classes = N }`.
    pub fn read(layer: &Layer, value: &Spanned<toml::Value>) -> Result<SecretPattern, ConfigError> {
        let span = value.span();
        let wrong = |message: Msg| ConfigError::at(layer, span.clone(), message);
        let (what, regex, classes) = match value.get_ref() {
            toml::Value::String(regex) => (None, regex.clone(), None),
            toml::Value::Table(table) => {
                let mut what = None;
                let mut regex = None;
                let mut classes = None;
                for (key, v) in table {
                    match (key.as_str(), v) {
                        ("what", toml::Value::String(s)) => what = Some(s.clone()),
                        ("regex", toml::Value::String(s)) => regex = Some(s.clone()),
                        ("classes", toml::Value::Integer(n)) if (0..=4).contains(n) => {
                            classes = Some(*n)
                        }
                        ("classes", _) => return Err(wrong(Msg::new("config-pattern-classes"))),
                        ("what" | "regex", _) => {
                            return Err(wrong(
                                Msg::new("config-pattern-not-string").arg("key", key.clone()),
                            ))
                        }
                        _ => {
                            return Err(wrong(
                                Msg::new("config-pattern-unknown-key").arg("key", key.clone()),
                            ))
                        }
                    }
                }
                let regex = regex.ok_or_else(|| wrong(Msg::new("config-pattern-no-regex")))?;
                (what, regex, classes)
            }
            _ => return Err(wrong(Msg::new("config-pattern-shape"))),
        };
        if let Err(e) = regex::Regex::new(&regex) {
            let detail = e.to_string();
            let last = detail
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("");
            return Err(wrong(
                Msg::new("config-pattern-bad-regex")
                    .arg("regex", regex.clone())
                    .arg("error", last.trim().to_owned()),
            )
            .help(Msg::new("help-config-regex-syntax")));
        }
        let what = what.unwrap_or_else(|| {
            format!(
                "a secret (the pattern `{regex}` of {})",
                layer.path.display()
            )
        });
        Ok(SecretPattern {
            what,
            regex,
            classes,
        })
    }
}

/// One configuration file, read and parsed: a layer of a policy.
#[derive(Debug, Clone)]
pub(crate) struct Layer {
    /// Where it is (or `<preset NAME>`, `<command line>`).
    pub path: PathBuf,
    /// The folder its relative paths and globs are relative to.
    pub dir: PathBuf,
    pub text: Arc<str>,
    pub config: RawConfig,
}

impl Layer {
    /// Parse `text`, the content of `path`.
    pub fn parse(path: PathBuf, dir: PathBuf, text: Arc<str>) -> Result<Layer, ConfigError> {
        match toml::from_str::<RawConfig>(&text) {
            Ok(config) => Ok(Layer {
                path,
                dir,
                text,
                config,
            }),
            Err(e) => {
                let serde = e.message().trim_end().to_owned();
                let help = unknown_key_help(&serde);
                // serde lists every key in the message; the help says which
                // one was meant, or lists them. Other messages of serde and
                // toml are kept as they are written (in English), framed in
                // the language of the run.
                let message = match unknown_key(&serde) {
                    Some(key) => Msg::new("config-unknown-key").arg("key", key.to_owned()),
                    None => Msg::new("config-toml").arg("error", serde),
                };
                Err(ConfigError {
                    path,
                    text: Some(text.clone()),
                    span: e.span(),
                    message: Box::new(message),
                    help: help.map(Box::new),
                    lang: None,
                })
            }
        }
    }

    /// The language its `lang` names, if it has a valid one.
    pub fn lang(&self) -> Option<Lang> {
        self.config.lang.as_ref()?.get_ref().parse().ok()
    }

    /// Read and parse the file at `path`.
    pub fn read(path: &Path) -> Result<Layer, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            path: path.to_path_buf(),
            text: None,
            span: None,
            message: Box::new(crate::io::cannot_read_msg(&path.display().to_string(), &e)),
            help: None,
            lang: None,
        })?;
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Layer::parse(path.to_path_buf(), dir, Arc::from(text))
    }
}

/// The key serde's "unknown field" message names.
fn unknown_key(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("unknown field `")?;
    Some(&rest[..rest.find('`')?])
}

/// For an unknown key, the closest known one: among the keys serde's
/// message says its table takes (a key of `[secrets]` is compared with
/// `extend-names` and `extend-patterns`, not with the top-level keys), else
/// among [`KEYS`].
fn unknown_key_help(message: &str) -> Option<Msg> {
    let key = unknown_key(message)?;
    let expected: Vec<&str> = message
        .split_once(", expected")
        .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
        .unwrap_or_default();
    let known: Vec<&str> = if expected.is_empty() {
        KEYS.iter().map(|(k, _)| *k).collect()
    } else {
        expected
    };
    let (score, best) = known
        .iter()
        .map(|k| (strsim::jaro_winkler(key, k), *k))
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    if score >= 0.8 {
        Some(Msg::new("help-did-you-mean").arg("name", best.to_owned()))
    } else {
        Some(
            Msg::new("help-config-keys-are").arg(
                "keys",
                known
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
        )
    }
}

/// One entry of `ignore` or of a `[per-file-ignores]` list: a rule
/// selector and why it is ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IgnoreEntry {
    pub rule: String,
    pub reason: Option<String>,
    pub span: Range<usize>,
}

impl IgnoreEntry {
    /// `"COC206"` or `{ rule = "COC206", reason = "..." }`.
    pub fn read(layer: &Layer, value: &Spanned<toml::Value>) -> Result<IgnoreEntry, ConfigError> {
        let span = value.span();
        let wrong = || ConfigError::at(layer, span.clone(), Msg::new("config-ignore-shape"));
        match value.get_ref() {
            toml::Value::String(rule) => Ok(IgnoreEntry {
                rule: rule.clone(),
                reason: None,
                span,
            }),
            toml::Value::Table(table) => {
                let mut rule = None;
                let mut reason = None;
                for (key, v) in table {
                    match (key.as_str(), v) {
                        ("rule", toml::Value::String(s)) => rule = Some(s.clone()),
                        ("reason", toml::Value::String(s)) => reason = Some(s.clone()),
                        ("rule" | "reason", _) => {
                            return Err(ConfigError::at(
                                layer,
                                span,
                                Msg::new("config-ignore-not-string").arg("key", key.clone()),
                            ))
                        }
                        _ => {
                            return Err(ConfigError::at(
                                layer,
                                span,
                                Msg::new("config-ignore-unknown-key").arg("key", key.clone()),
                            ))
                        }
                    }
                }
                let rule = rule.ok_or_else(wrong)?;
                Ok(IgnoreEntry { rule, reason, span })
            }
            _ => Err(wrong()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Layer, ConfigError> {
        Layer::parse("t.toml".into(), ".".into(), Arc::from(text))
    }

    #[test]
    fn every_key_parses() {
        let layer = parse(
            r#"
root = true
extends = ["strict"]
select = ["ALL"]
extend-select = ["COC2"]
ignore = ["COC206", { rule = "COC201", reason = "why" }]
include = ["*.json"]
exclude = ["node_modules"]
extend-exclude = ["build"]
respect-gitignore = false
unknown-files = "report"
allow-comments = true
[severity]
number-as-string = "error"
[per-file-ignores]
"prod/*.json" = ["COC206"]
"#,
        )
        .expect("parses");
        assert!(layer.config.root);
        assert_eq!(layer.config.ignore.len(), 2);
        let entry = IgnoreEntry::read(&layer, &layer.config.ignore[1]).expect("an entry");
        assert_eq!(entry.reason.as_deref(), Some("why"));
        assert_eq!(
            &layer.text[entry.span.clone()],
            r#"{ rule = "COC201", reason = "why" }"#
        );
    }

    #[test]
    fn unknown_keys_are_errors_with_a_suggestion() {
        let e = parse("selct = [\"COC2\"]\n").expect_err("unknown key");
        assert_eq!(e.span, Some(0..5));
        assert_eq!(
            e.message_in(Lang::EnUs),
            "`selct` is not a configuration key"
        );
        assert_eq!(
            e.help_in(Lang::EnUs).as_deref(),
            Some("did you mean `select`?")
        );
        assert_eq!(e.message_in(Lang::ZhCn), "`selct` 不是配置项");
        assert_eq!(
            e.help_in(Lang::ZhCn).as_deref(),
            Some("是否想写 `select`？")
        );
        assert_eq!(e.to_string().split(": ").next(), Some("t.toml:1:1"));
    }

    #[test]
    fn wrong_types_are_errors_at_the_value() {
        let e = parse("root = \"yes\"\n").expect_err("wrong type");
        assert_eq!(e.span, Some(7..12));
    }
}
