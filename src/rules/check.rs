//! The constraint kinds that data rules (`rules/*.toml`) are made of, their
//! wording, and their evaluation. Every limit is read from the rule file:
//! the message, `coc-lint rules`, `explain` and the exported schema all
//! describe a constraint through [`Check::describe`].

use std::sync::OnceLock;

use regex::Regex;
use serde::Deserialize;
use validator::{ValidateLength, ValidateRange};

use crate::i18n::{tr, Arg, Lang};

/// One declarative constraint on a field's value.
#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Check {
    /// A number between `min` and `max`, each inclusive unless flagged
    /// exclusive.
    Range {
        /// Lower bound.
        min: Option<f64>,
        /// Upper bound.
        max: Option<f64>,
        /// `min` itself is not allowed.
        #[serde(default)]
        exclusive_min: bool,
        /// `max` itself is not allowed.
        #[serde(default)]
        exclusive_max: bool,
    },
    /// A string of `min` to `max` characters.
    Length {
        /// Fewest characters.
        min: Option<u64>,
        /// Most characters.
        max: Option<u64>,
    },
    /// An array of `min` to `max` items.
    Items {
        /// Fewest items.
        min: Option<u64>,
        /// Most items.
        max: Option<u64>,
    },
    /// A string that is one of `values`.
    OneOf {
        /// The allowed values.
        values: Vec<String>,
    },
    /// A string whose every character matches the regex character class
    /// `class`.
    Charset {
        /// A regex matching one allowed character, e.g. `[A-Za-z0-9_]`.
        class: String,
        /// The allowed characters in words (default: the class itself).
        #[serde(default)]
        describe: String,
        /// The class, compiled on first use.
        #[serde(skip)]
        compiled: OnceLock<Option<Charset>>,
    },
    /// A string in which `pattern` never matches.
    Forbid {
        /// The forbidden regex.
        pattern: String,
        /// What it forbids, in words (default: the pattern itself).
        #[serde(default)]
        describe: String,
        /// `pattern`, compiled on first use.
        #[serde(skip)]
        compiled: OnceLock<Option<Pattern>>,
    },
    /// A number with at most `max` decimal places as written.
    Decimals {
        /// Most decimal places.
        max: u32,
    },
    /// A string equal to `value`.
    Equals {
        /// The one allowed value.
        value: String,
    },
    /// A string that is none of `values`.
    NoneOf {
        /// The refused values.
        values: Vec<String>,
    },
    /// A string in which the regex `pattern` matches (anchor it with `^`
    /// and `$` to match the whole string).
    Pattern {
        /// The regex.
        pattern: String,
        /// What a matching string is, in words (default: the pattern).
        #[serde(default)]
        describe: String,
        /// `pattern`, compiled on first use.
        #[serde(skip)]
        compiled: OnceLock<Option<Regex>>,
    },
    /// An object that has every one of `keys`: a key, or a JSON pointer
    /// from the object (`/properties/script_version_uuid`) for a nested one.
    Required {
        /// The keys it must have.
        keys: Vec<String>,
    },
    /// An object that has none of `keys` (keys or JSON pointers, as for
    /// `required`).
    Forbidden {
        /// The keys it must not have.
        keys: Vec<String>,
    },
    /// An array whose items are all different, or whose items' `field` (a
    /// key, or a JSON pointer from the item) all differ.
    Unique {
        /// The field of each item compared; the whole item when absent.
        #[serde(default)]
        field: Option<String>,
    },
}

/// A compiled `charset` class. The class is parsed with `regex-syntax`
/// into its character ranges (the regex stays the one source); no regex
/// engine is built, which would cost more at start-up than a whole lint of
/// a small file. ASCII characters are decided by a table.
#[derive(Debug)]
pub struct Charset {
    ranges: Vec<(char, char)>,
    ascii: [bool; 128],
}

impl Charset {
    fn new(class: &str) -> Option<Charset> {
        use regex_syntax::hir::{Class, HirKind};
        let hir = regex_syntax::Parser::new().parse(class).ok()?;
        let ranges: Vec<(char, char)> = match hir.kind() {
            HirKind::Class(Class::Unicode(c)) => {
                c.ranges().iter().map(|r| (r.start(), r.end())).collect()
            }
            HirKind::Literal(lit) => {
                let c = std::str::from_utf8(&lit.0).ok()?.chars().next()?;
                vec![(c, c)]
            }
            _ => return None,
        };
        let mut ascii = [false; 128];
        for &(lo, hi) in &ranges {
            for c in u32::from(lo)..=u32::from(hi).min(127) {
                ascii[c as usize] = true;
            }
        }
        Some(Charset { ranges, ascii })
    }

    fn contains(&self, c: char) -> bool {
        match usize::try_from(u32::from(c)) {
            Ok(i) if i < 128 => self.ascii[i],
            _ => self.ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&c)),
        }
    }

    /// The first character of `s` outside the class, with its 0-based
    /// character index; `None` when every character is allowed.
    fn first_outside(&self, s: &str) -> Option<(usize, char)> {
        if s.is_ascii() && s.bytes().all(|b| self.ascii[usize::from(b)]) {
            return None;
        }
        s.chars().enumerate().find(|&(_, c)| !self.contains(c))
    }
}

/// A compiled `forbid` pattern: a plain literal is searched with `memchr`'s
/// substring search; anything else is a regex, built on first use.
#[derive(Debug)]
pub enum Pattern {
    /// The pattern matches exactly this text.
    Literal(Vec<u8>),
    /// A general regex.
    Regex(Regex),
}

impl Pattern {
    fn new(pattern: &str) -> Option<Pattern> {
        use regex_syntax::hir::HirKind;
        let hir = regex_syntax::Parser::new().parse(pattern).ok()?;
        match hir.kind() {
            HirKind::Literal(lit) => Some(Pattern::Literal(lit.0.to_vec())),
            _ => Regex::new(pattern).ok().map(Pattern::Regex),
        }
    }

    /// Byte offset of the first match in `s`.
    fn find(&self, s: &str) -> Option<usize> {
        match self {
            Pattern::Literal(needle) => memchr::memmem::find(s.as_bytes(), needle),
            Pattern::Regex(re) => re.find(s).map(|m| m.start()),
        }
    }
}

/// The value a check looks at.
#[derive(Debug, Clone, Copy)]
pub enum Subject<'a> {
    /// A number (or a string the server coerces to one), with its text as
    /// written.
    Number {
        /// Its value as a double.
        value: f64,
        /// Its text as written.
        raw: &'a str,
    },
    /// A string.
    Str(&'a str),
    /// An array of this many items.
    Items(usize),
}

/// What a failed check says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// What is wrong and what is allowed.
    pub message: String,
    /// A specific suggestion, when the check has one.
    pub help: Option<String>,
}

/// `5`, `99.5`: a bound as people write it.
pub(crate) fn fmt_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// A count's bounds in words (`1 to 32 characters long`, `at most 10
/// items`): `what` is `length` or `items`.
fn bounds(lang: Lang, what: &str, min: Option<u64>, max: Option<u64>) -> String {
    let (form, min, max) = match (min, max) {
        (Some(a), Some(b)) if a == b => ("exactly", a, b),
        (Some(a), Some(b)) => ("between", a, b),
        (Some(a), None) => ("at-least", a, a),
        (None, Some(b)) => ("at-most", b, b),
        (None, None) => ("any", 0, 0),
    };
    crate::i18n::format(
        lang,
        &format!("{what}-{form}"),
        &[("min", Arg::from(min)), ("max", Arg::from(max))],
    )
}

/// The words of a `charset` or `forbid` check of the rule `rule` in `lang`:
/// the rule file's (`english`) unless the catalog has them
/// (`rule-NAME-describe`).
fn rule_words(lang: Lang, rule: &str, english: &str) -> String {
    let id = format!("rule-{rule}-describe");
    if lang != Lang::EnUs && crate::i18n::has(lang, &id) {
        crate::i18n::format(lang, &id, &[])
    } else {
        english.to_owned()
    }
}

/// `` `a`, `b` ``.
/// A key that is a JSON pointer (`/properties/script_version_uuid`) is
/// shown as a path (`properties.script_version_uuid`).
fn quoted(keys: &[String]) -> String {
    keys.iter()
        .map(|k| match k.strip_prefix('/') {
            Some(path) => format!(
                "`{}`",
                path.replace('/', ".").replace("~1", "/").replace("~0", "~")
            ),
            None => format!("`{k}`"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `` `x` `` for printable characters, `U+0001` for the others.
fn show_char(c: char) -> String {
    if c.is_control() || c.is_whitespace() && c != ' ' {
        format!("U+{:04X}", c as u32)
    } else {
        format!("`{c}`")
    }
}

/// Decimal places of a JSON number as written in decimal: trailing zeros
/// of the digits do not count, and the exponent is applied (`99.50` has
/// one, `9.95e1` one, `9410e-2` one, `1e-3` three).
pub(crate) fn decimal_places(raw: &str) -> u64 {
    let (mantissa, exponent) = match raw.find(['e', 'E']) {
        Some(i) => (&raw[..i], raw[i + 1..].parse::<i64>().unwrap_or(0)),
        None => (raw, 0),
    };
    let (int, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = int.trim_start_matches('-').len() + fraction.len();
    let trailing_zeros = int
        .bytes()
        .chain(fraction.bytes())
        .rev()
        .take_while(|&b| b == b'0')
        .count()
        .min(digits);
    let places = (fraction.len() as i64)
        .saturating_sub(exponent)
        .saturating_sub(trailing_zeros as i64);
    places.max(0) as u64
}

impl Check {
    /// What the constraint allows, in words: `greater than 5 and less than
    /// 1800`, `1 to 32 characters long`, `one of CONTINUE, PAUSE`.
    pub fn describe(&self) -> String {
        self.describe_in(Lang::EnUs, "")
    }

    /// [`Check::describe`] in `lang`. `rule` is the name of the rule the
    /// check belongs to: a `charset` or `forbid` check's own words come
    /// from the rule file in English and from the catalog
    /// (`rule-NAME-describe`) in other languages.
    pub fn describe_in(&self, lang: Lang, rule: &str) -> String {
        match self {
            Check::Range {
                min,
                max,
                exclusive_min,
                exclusive_max,
            } => {
                // One message per shape, so that each language orders and
                // joins the bounds its own way.
                let id = match (min, max, exclusive_min, exclusive_max) {
                    (Some(_), Some(_), false, false) => "range-between",
                    (Some(_), Some(_), true, true) => "range-greater-than-less-than",
                    (Some(_), Some(_), true, false) => "range-greater-than-at-most",
                    (Some(_), Some(_), false, true) => "range-at-least-less-than",
                    (Some(_), None, true, _) => "range-greater-than",
                    (Some(_), None, false, _) => "range-at-least",
                    (None, Some(_), _, true) => "range-less-than",
                    (None, Some(_), _, false) => "range-at-most",
                    (None, None, _, _) => "range-any",
                };
                let show = |n: Option<f64>| n.map(fmt_number).unwrap_or_default();
                tr!(lang, id, min = show(*min), max = show(*max))
            }
            Check::Length { min, max } => bounds(lang, "length", *min, *max),
            Check::Items { min, max } => bounds(lang, "items", *min, *max),
            Check::OneOf { values } if values.len() == 1 => {
                tr!(lang, "allowed-value", value = &values[0])
            }
            Check::OneOf { values } => tr!(lang, "allowed-one-of", values = values.join(", ")),
            Check::Charset {
                describe, class, ..
            } if describe.is_empty() => tr!(
                lang,
                "allowed-charset",
                chars = tr!(lang, "chars-of-class", class = class)
            ),
            Check::Charset { describe, .. } => tr!(
                lang,
                "allowed-charset",
                chars = rule_words(lang, rule, describe)
            ),
            Check::Forbid {
                describe, pattern, ..
            } if describe.is_empty() => tr!(
                lang,
                "allowed-forbid",
                what = tr!(lang, "matches-of-pattern", pattern = pattern)
            ),
            Check::Forbid { describe, .. } => tr!(
                lang,
                "allowed-forbid",
                what = rule_words(lang, rule, describe)
            ),
            Check::Pattern {
                describe, pattern, ..
            } if describe.is_empty() => tr!(lang, "allowed-pattern", pattern = pattern),
            // A team rule's own words, in whatever language it wrote them.
            Check::Pattern { describe, .. } => describe.clone(),
            Check::NoneOf { values } if values.len() == 1 => {
                tr!(lang, "allowed-anything-but", value = &values[0])
            }
            Check::NoneOf { values } => {
                tr!(lang, "allowed-none-of", values = values.join(", "))
            }
            Check::Required { keys } => tr!(lang, "allowed-object-with", keys = quoted(keys)),
            Check::Forbidden { keys } => {
                tr!(lang, "allowed-object-without", keys = quoted(keys))
            }
            Check::Unique { field: Some(field) } => {
                tr!(lang, "allowed-unique-field", field = field)
            }
            Check::Unique { field: None } => tr!(lang, "allowed-unique"),
            Check::Decimals { max } => tr!(lang, "allowed-decimals", n = u64::from(*max)),
            Check::Equals { value } => tr!(lang, "allowed-value", value = value),
        }
    }

    /// What a `charset` check allows or a `forbid` check forbids, in
    /// `lang`: the rule's words, or the class or pattern itself when it has
    /// none (a team rule may give none).
    fn words(&self, lang: Lang, rule: &str) -> String {
        match self {
            Check::Charset {
                describe, class, ..
            } if describe.is_empty() => tr!(lang, "chars-of-class", class = class),
            Check::Forbid {
                describe, pattern, ..
            } if describe.is_empty() => tr!(lang, "matches-of-pattern", pattern = pattern),
            Check::Charset { describe, .. } | Check::Forbid { describe, .. } => {
                rule_words(lang, rule, describe)
            }
            _ => String::new(),
        }
    }

    /// Compile the regexes of this check (once); `Err` says which is bad.
    pub(crate) fn compile(&self) -> Result<(), String> {
        match self {
            Check::Charset {
                class, compiled, ..
            } => {
                let c = compiled.get_or_init(|| Charset::new(class));
                c.as_ref()
                    .map(|_| ())
                    .ok_or_else(|| format!("invalid character class `{class}`"))
            }
            Check::Forbid {
                pattern, compiled, ..
            } => compiled
                .get_or_init(|| Pattern::new(pattern))
                .as_ref()
                .map(|_| ())
                .ok_or_else(|| format!("invalid pattern `{pattern}`")),
            Check::Pattern {
                pattern, compiled, ..
            } => compiled
                .get_or_init(|| Regex::new(pattern).ok())
                .as_ref()
                .map(|_| ())
                .ok_or_else(|| format!("invalid pattern `{pattern}`")),
            _ => Ok(()),
        }
    }

    /// The one allowed value a failing string was probably meant to be: for
    /// `one_of`, the only value equal to it but for case and surrounding
    /// whitespace (`continue` → `CONTINUE`); for `equals`, the value, when
    /// they differ only that way (` Root` → `root`). `None` otherwise, and
    /// for a string that passes. It backs an unsafe fix (see
    /// [`crate::fix`]).
    ///
    /// ```
    /// use coc_lint::rules::{check::Subject, Check};
    ///
    /// let rotation = Check::OneOf { values: vec!["CONTINUE".into(), "PAUSE".into()] };
    /// assert_eq!(rotation.repair(Subject::Str("continue ")), Some("CONTINUE"));
    /// assert_eq!(rotation.repair(Subject::Str("stop")), None);
    /// let user = Check::Equals { value: "root".into() };
    /// assert_eq!(user.repair(Subject::Str(" ROOT")), Some("root"));
    /// assert_eq!(user.repair(Subject::Str("admin")), None);
    /// ```
    pub fn repair<'c>(&'c self, subject: Subject<'_>) -> Option<&'c str> {
        let Subject::Str(s) = subject else {
            return None;
        };
        let near = |v: &str| v != s && v.eq_ignore_ascii_case(s.trim());
        match self {
            Check::OneOf { values } if !values.iter().any(|v| v == s) => {
                let mut found = values.iter().filter(|v| near(v));
                match (found.next(), found.next()) {
                    (Some(v), None) => Some(v),
                    _ => None,
                }
            }
            Check::Equals { value } if near(value) => Some(value),
            _ => None,
        }
    }

    /// Check `subject`, the value of `field`; `None` when it passes or when
    /// the check does not apply to that kind of value. `sensitive` values
    /// are never quoted. The message is in English; see
    /// [`Check::evaluate_in`].
    pub fn evaluate(
        &self,
        field: &str,
        subject: Subject<'_>,
        sensitive: bool,
    ) -> Option<Violation> {
        self.evaluate_in(Lang::EnUs, "", field, subject, sensitive)
    }

    /// [`Check::evaluate`] with the message in `lang`, for a check of the
    /// rule named `rule` (see [`Check::describe_in`]).
    pub fn evaluate_in(
        &self,
        lang: Lang,
        rule: &str,
        field: &str,
        subject: Subject<'_>,
        sensitive: bool,
    ) -> Option<Violation> {
        let allowed = || self.describe_in(lang, rule);
        // A value as a message quotes it: in clear, or as words (message id
        // `hidden`) when it may be a secret.
        let shown = |clear: &str, hidden: &str| {
            if sensitive {
                tr!(lang, hidden)
            } else {
                clear.to_owned()
            }
        };
        // "`field` is VALUE, but it must be ALLOWED".
        let value_is = |value: String| {
            tr!(
                lang,
                "value-is",
                field = field,
                value = value,
                allowed = allowed()
            )
        };
        let message = match (self, subject) {
            (
                Check::Range {
                    min,
                    max,
                    exclusive_min,
                    exclusive_max,
                },
                Subject::Number { value, raw },
            ) => {
                let (lo, hi) = (
                    min.filter(|_| !exclusive_min),
                    max.filter(|_| !exclusive_max),
                );
                let (xlo, xhi) = (
                    min.filter(|_| *exclusive_min),
                    max.filter(|_| *exclusive_max),
                );
                if value.validate_range(lo, hi, xlo, xhi) {
                    return None;
                }
                value_is(shown(raw, "shown-a-number"))
            }
            (Check::Length { min, max }, Subject::Str(s)) => {
                if s.validate_length(*min, *max, None) {
                    return None;
                }
                let n = s.chars().count() as u64;
                if n == 0 {
                    tr!(lang, "length-empty", field = field, allowed = allowed())
                } else if sensitive {
                    // A secret's length is not told either.
                    let id = if max.is_some_and(|m| n > m) {
                        "length-too-long"
                    } else {
                        "length-too-short"
                    };
                    tr!(lang, id, field = field, allowed = allowed())
                } else {
                    tr!(lang, "length-is", field = field, n = n, allowed = allowed())
                }
            }
            (Check::Items { min, max }, Subject::Items(n)) => {
                if (n as u64).validate_range(*min, *max, None, None) {
                    return None;
                }
                tr!(lang, "items-is", field = field, n = n, allowed = allowed())
            }
            (Check::OneOf { values }, Subject::Str(s)) => {
                if values.iter().any(|v| v == s) {
                    return None;
                }
                let help = values
                    .iter()
                    .filter(|_| !sensitive)
                    .find(|v| v.eq_ignore_ascii_case(s.trim()))
                    .map(|v| tr!(lang, "help-case-sensitive", value = v));
                return Some(Violation {
                    message: value_is(shown(&format!("{s:?}"), "shown-not-allowed")),
                    help,
                });
            }
            (Check::Equals { value }, Subject::Str(s)) => {
                if s == value {
                    return None;
                }
                value_is(shown(&format!("{s:?}"), "shown-not-allowed"))
            }
            (Check::Charset { compiled, .. }, Subject::Str(s)) => {
                self.compile().ok()?;
                let charset = compiled.get()?.as_ref()?;
                let (i, c) = charset.first_outside(s)?;
                // A secret is never quoted: its offending character is
                // named by its code point only, since the snippet is masked
                // and the user could not find it otherwise (one character,
                // not the value).
                let what = if sensitive {
                    tr!(
                        lang,
                        "char-code-point-hidden",
                        code = format!("U+{:04X}", u32::from(c))
                    )
                } else {
                    show_char(c)
                };
                tr!(
                    lang,
                    "charset-violation",
                    field = field,
                    what = what,
                    at = i + 1,
                    chars = self.words(lang, rule)
                )
            }
            (Check::Forbid { compiled, .. }, Subject::Str(s)) => {
                self.compile().ok()?;
                let pattern = compiled.get()?.as_ref()?;
                let start = pattern.find(s)?;
                let at = s[..start].chars().count() + 1;
                tr!(
                    lang,
                    "forbid-violation",
                    field = field,
                    what = self.words(lang, rule),
                    at = at
                )
            }
            (Check::NoneOf { values }, Subject::Str(s)) => {
                if !values.iter().any(|v| v == s) {
                    return None;
                }
                value_is(shown(&format!("{s:?}"), "shown-a-value-not-allowed"))
            }
            (Check::Pattern { compiled, .. }, Subject::Str(s)) => {
                self.compile().ok()?;
                if compiled.get()?.as_ref()?.is_match(s) {
                    return None;
                }
                value_is(shown(&format!("{s:?}"), "shown-a-value-not-matching"))
            }
            (Check::Decimals { max }, Subject::Number { raw, value }) => {
                // A value that underflows to zero or overflows (`5e-999999`)
                // has no meaningful precision; the range rule reports it.
                if value == 0.0 || !value.is_finite() {
                    return None;
                }
                let places = decimal_places(raw);
                if places <= *max as u64 {
                    return None;
                }
                let raw = shown(raw, "shown-a-number");
                tr!(
                    lang,
                    "decimals-violation",
                    field = field,
                    value = raw,
                    places = places,
                    allowed = allowed()
                )
            }
            _ => return None,
        };
        Some(Violation {
            message,
            help: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn range(min: f64, max: f64, xmin: bool, xmax: bool) -> Check {
        Check::Range {
            min: Some(min),
            max: Some(max),
            exclusive_min: xmin,
            exclusive_max: xmax,
        }
    }

    fn num(raw: &str) -> Subject<'_> {
        Subject::Number {
            value: raw.parse().unwrap(),
            raw,
        }
    }

    #[test]
    fn exclusive_range() {
        let c = range(5.0, 1800.0, true, true);
        assert_eq!(c.describe(), "greater than 5 and less than 1800");
        for ok in ["6", "1799", "300"] {
            assert_eq!(c.evaluate("timeout", num(ok), false), None, "{ok}");
        }
        let v = c.evaluate("timeout", num("1800"), false).unwrap();
        assert_eq!(
            v.message,
            "`timeout` is 1800, but it must be greater than 5 and less than 1800"
        );
        assert!(c.evaluate("timeout", num("5"), false).is_some());
    }

    #[test]
    fn inclusive_range() {
        let c = range(1.0, 100.0, false, false);
        assert_eq!(c.describe(), "between 1 and 100 inclusive");
        assert!(c.evaluate("x", num("1"), false).is_none());
        assert!(c.evaluate("x", num("100"), false).is_none());
        assert!(c.evaluate("x", num("100.1"), false).is_some());
        assert!(c.evaluate("x", num("0.9"), false).is_some());
    }

    #[test]
    fn decimals_are_counted_as_written() {
        assert_eq!(decimal_places("99.5"), 1);
        assert_eq!(decimal_places("99.50"), 1);
        assert_eq!(decimal_places("99.55"), 2);
        assert_eq!(decimal_places("94.1"), 1);
        assert_eq!(decimal_places("9.95e1"), 1);
        assert_eq!(decimal_places("995e-1"), 1);
        assert_eq!(decimal_places("1e-3"), 3);
        assert_eq!(decimal_places("100"), 0);
        assert_eq!(decimal_places("1e999999999999999999999"), 0);
        assert_eq!(decimal_places("9410e-2"), 1);
        assert_eq!(decimal_places("9400e-2"), 0);
        assert_eq!(decimal_places("1000e-3"), 0);
        assert_eq!(decimal_places("84000E-4"), 1);
        assert_eq!(decimal_places("0.00"), 0);
        assert_eq!(decimal_places("-0.05"), 2);
        let c = Check::Decimals { max: 1 };
        assert_eq!(c.describe(), "written with at most 1 decimal place");
        assert!(c.evaluate("s", num("94.1"), false).is_none());
        assert!(c.evaluate("s", num("99.55"), false).is_some());
    }

    #[test]
    fn lengths_count_characters() {
        let c = Check::Length {
            min: Some(1),
            max: Some(3),
        };
        assert!(c.evaluate("u", Subject::Str("ééé"), false).is_none());
        assert_eq!(
            c.evaluate("u", Subject::Str(""), false).unwrap().message,
            "`u` is empty, but it must be 1 to 3 characters long"
        );
        assert_eq!(
            c.evaluate("u", Subject::Str("abcd"), false)
                .unwrap()
                .message,
            "`u` is 4 characters long, but it must be 1 to 3 characters long"
        );
    }

    #[test]
    fn charset_names_the_first_bad_character() {
        let c = Check::Charset {
            class: "[A-Za-z0-9_]".into(),
            describe: "letters".into(),
            compiled: OnceLock::new(),
        };
        assert!(c.evaluate("n", Subject::Str("ab_9"), false).is_none());
        let v = c.evaluate("n", Subject::Str("ab-c"), false).unwrap();
        assert_eq!(
            v.message,
            "`n` has `-` at character 3, but it may only contain letters"
        );
        let v = c.evaluate("n", Subject::Str("a\tb"), false).unwrap();
        assert!(v.message.contains("U+0009"), "{}", v.message);
    }

    #[test]
    fn one_of_suggests_case_fixes_and_hides_secrets() {
        let c = Check::OneOf {
            values: vec!["CONTINUE".into(), "PAUSE".into()],
        };
        let v = c.evaluate("r", Subject::Str("pause"), false).unwrap();
        assert_eq!(
            v.message,
            "`r` is \"pause\", but it must be one of CONTINUE, PAUSE"
        );
        assert!(v.help.unwrap().contains("`PAUSE`"));
        let v = c.evaluate("r", Subject::Str("hunter2"), true).unwrap();
        assert!(!v.message.contains("hunter2"));
    }
}
