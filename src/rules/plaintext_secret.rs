//! `plaintext-secret`: a script parameter whose `param_value` is a
//! credential written in plain text, where the parameter store
//! (`param_refer`) should hold it.
//!
//! Two signs, both data in `rules/plaintext-secret.toml` (the rule's
//! parameters, which a policy extends with `[secrets]`):
//!
//! - the **name**: `param_name` split into segments (at `_`, `-`, `.`,
//!   spaces, case changes and between letters and digits) holds one of the
//!   `names` as whole consecutive segments (`HUAWEI_SK`, `dbPassword`,
//!   not `disk_size`), or one of the `name_parts` anywhere (`DBPASSWORD`),
//!   unless its last segment says it names something about the credential
//!   (`password_file`, `token_url`);
//! - the **value**: one of the `patterns` matches (a PEM private key, a
//!   JWT, known key formats), or it is a long string without spaces that
//!   mixes character classes with a high Shannon entropy.
//!
//! Not judged: values that are not strings (`wrong-type` reports them),
//! empty or blank values (nothing is written; `param-value-missing` says
//! whether a reference is needed), values of asterisks only (what the API
//! returns for a sensitive value: `*****************`), and values made
//! only of template placeholders (`{{db_password}}`, `${DB_PASSWORD}`),
//! which are filled in elsewhere. A plain value beside a `param_refer` is still reported: it
//! is in the file all the same.
//!
//! The value is never quoted: the message says which sign it showed.

use regex::Regex;

use super::{CodeRule, Cx, RuleId};
use crate::load::ast::Node;
use crate::schema::names::{field, model};

pub(crate) const RULE: CodeRule = CodeRule {
    id: RuleId::PlaintextSecret,
    models: &[model::SCRIPT_EXECUTE_INPUT_PARAM],
    check,
};

/// A value pattern, compiled.
#[derive(Debug)]
struct Pattern {
    what: String,
    regex: Regex,
    classes: usize,
    /// The fewest bytes a match takes (from the pattern's syntax): a
    /// shorter value is not searched at all, and most values are short.
    min_len: usize,
}

/// The rule's parameters, prepared once per rule set.
#[derive(Debug)]
pub(crate) struct Matcher {
    /// Unique for the process's life (never an address a later matcher
    /// could reuse): the key of the per-thread memory of names.
    id: u64,
    names: Vec<Vec<String>>,
    name_parts: Vec<String>,
    exempt_suffixes: Vec<String>,
    patterns: Vec<Pattern>,
    entropy_min_length: usize,
    entropy_min_classes: usize,
    entropy_min_bits: f64,
}

/// Why a value was taken for a credential.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Sign<'m> {
    /// A value pattern matched: what it looks like.
    Pattern(&'m str),
    /// The parameter's name: the entry that matched.
    Name(String),
    /// A long random-looking string.
    Entropy,
}

impl Matcher {
    /// Prepare the parameters. A pattern that does not compile is left out
    /// (a policy refuses one with its span before it gets here).
    pub(crate) fn new(params: &super::id::PlaintextSecretParams) -> Matcher {
        let patterns = params
            .patterns
            .iter()
            .filter_map(|table| {
                let text = |k: &str| table.get(k).and_then(|v| v.as_str());
                let source = text("regex")?;
                let regex = Regex::new(source).ok()?;
                let min_len = regex_syntax::Parser::new()
                    .parse(source)
                    .ok()
                    .and_then(|hir| hir.properties().minimum_len())
                    .unwrap_or(0);
                Some(Pattern {
                    min_len,
                    what: text("what").unwrap_or("a secret").to_owned(),
                    regex,
                    classes: table
                        .get("classes")
                        .and_then(serde_json::Value::as_u64)
                        .map_or(0, |n| n as usize),
                })
            })
            .collect();
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        Matcher {
            id: NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            names: params
                .names
                .iter()
                .map(|n| segments(n))
                .filter(|s| !s.is_empty())
                .collect(),
            name_parts: params
                .name_parts
                .iter()
                .map(|p| squash(p))
                .filter(|p| !p.is_empty())
                .collect(),
            exempt_suffixes: params
                .exempt_suffixes
                .iter()
                .map(|s| s.to_lowercase())
                .collect(),
            patterns,
            entropy_min_length: usize::try_from(params.entropy_min_length).unwrap_or(usize::MAX),
            entropy_min_classes: usize::try_from(params.entropy_min_classes).unwrap_or(0),
            entropy_min_bits: params.entropy_min_bits,
        }
    }

    /// The name entry `name` holds, if it names a credential. Parameter
    /// names repeat file after file, so each thread remembers the answers
    /// of each matcher (a policy may extend the names) for the names it met.
    pub(crate) fn name_sign(&self, name: &str) -> Option<String> {
        use std::cell::RefCell;
        use std::collections::HashMap;
        /// The most names remembered per thread and matcher.
        const MEMORY: usize = 4096;
        type Memory = HashMap<u64, HashMap<Box<str>, Option<String>>>;
        thread_local! {
            static SEEN: RefCell<Memory> = RefCell::new(HashMap::new());
        }
        let id = self.id;
        if let Some(known) =
            SEEN.with(|seen| seen.borrow().get(&id).and_then(|m| m.get(name).cloned()))
        {
            return known;
        }
        let sign = self.name_sign_uncached(name);
        SEEN.with(|seen| {
            let mut seen = seen.borrow_mut();
            let memory = seen.entry(id).or_default();
            if memory.len() >= MEMORY {
                memory.clear();
            }
            memory.insert(Box::from(name), sign.clone());
        });
        sign
    }

    fn name_sign_uncached(&self, name: &str) -> Option<String> {
        let segs = segments(name);
        let last = segs.len().checked_sub(1)?;
        let exempt = self.exempt_suffixes.contains(&segs[last]);
        for entry in &self.names {
            for (i, window) in segs.windows(entry.len()).enumerate() {
                if window == entry.as_slice() && (!exempt || i + entry.len() - 1 == last) {
                    return Some(entry.join("_"));
                }
            }
        }
        if exempt {
            return None;
        }
        let squashed = squash(name);
        self.name_parts
            .iter()
            .find(|p| squashed.contains(p.as_str()))
            .cloned()
    }

    /// What `value` looks like, if it looks like a credential.
    pub(crate) fn value_sign(&self, value: &str) -> Option<Sign<'_>> {
        for p in self.patterns.iter().filter(|p| value.len() >= p.min_len) {
            let hit = p
                .regex
                .find_iter(value)
                .any(|m| classes(m.as_str()) >= p.classes);
            if hit {
                return Some(Sign::Pattern(&p.what));
            }
        }
        self.random(value).then_some(Sign::Entropy)
    }

    /// Whether `value` looks like a generated secret: one long token of the
    /// alphabets keys are written in (letters, digits, `+`, `/`, `_`, `-`,
    /// base64's `=` padding; so no sentence, list, address or JSON), not a
    /// path, mixing classes, with a high entropy.
    fn random(&self, value: &str) -> bool {
        let body = value.trim_end_matches('=');
        value.chars().count() >= self.entropy_min_length
            && value.len() - body.len() <= 2
            && body
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'_' | b'-'))
            && !value.starts_with('/')
            && !is_uuid(value)
            && classes(value) >= self.entropy_min_classes
            && entropy(value) >= self.entropy_min_bits
    }

    /// The sign `value`, under the name `name`, gives of being a credential.
    pub(crate) fn judge(&self, name: Option<&str>, value: &str) -> Option<Sign<'_>> {
        if skipped(value) {
            return None;
        }
        match self.value_sign(value) {
            Some(Sign::Pattern(what)) => Some(Sign::Pattern(what)),
            other => name
                .and_then(|n| self.name_sign(n))
                .map(Sign::Name)
                .or(other),
        }
    }
}

/// `8-4-4-4-12` hexadecimal digits: an identifier, however random.
fn is_uuid(value: &str) -> bool {
    value.len() == 36
        && value.bytes().enumerate().all(|(i, b)| match i {
            8 | 13 | 18 | 23 => b == b'-',
            _ => b.is_ascii_hexdigit(),
        })
}

/// Empty, blank, asterisks only (a value the API masked), or only template
/// placeholders (`{{x}}`, `${X}`).
fn skipped(value: &str) -> bool {
    let mut rest = value.trim();
    if rest.bytes().all(|b| b == b'*') {
        return true;
    }
    while !rest.is_empty() {
        let end = if let Some(r) = rest.strip_prefix("{{") {
            r.find("}}").map(|i| i + 4)
        } else if let Some(r) = rest.strip_prefix("${") {
            r.find('}').map(|i| i + 3)
        } else {
            None
        };
        match end {
            // The placeholder's name may not hold another opening.
            Some(end) if !rest[2..end - 1].contains(['{', '$']) => rest = rest[end..].trim_start(),
            _ => return false,
        }
    }
    true
}

/// The segments of a name: split at anything that is not a letter or
/// digit, at a lower-to-upper case change and before the last capital of a
/// run followed by a lower-case letter (`APIKey` is `api`, `key`);
/// lower-cased. Digits stay with their letters (`sk1`, `6ak5` are not `sk`
/// or `ak`: short entries would match random identifiers otherwise).
pub(crate) fn segments(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut out = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if let Some(&prev) = i.checked_sub(1).and_then(|p| chars.get(p)) {
            let next = chars.get(i + 1).copied();
            let boundary = prev.is_alphanumeric()
                && ((prev.is_lowercase() && c.is_uppercase())
                    || (prev.is_uppercase()
                        && c.is_uppercase()
                        && next.is_some_and(char::is_lowercase)));
            if boundary && !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        }
        current.extend(c.to_lowercase());
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Lower case, letters and digits only.
fn squash(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How many of lower case, upper case, digits and other characters `s`
/// mixes.
fn classes(s: &str) -> usize {
    let mut seen = [false; 4];
    for c in s.chars() {
        let class = if c.is_lowercase() {
            0
        } else if c.is_uppercase() {
            1
        } else if c.is_numeric() {
            2
        } else {
            3
        };
        seen[class] = true;
    }
    seen.iter().filter(|&&b| b).count()
}

/// Shannon entropy of the characters of `s`, in bits per character.
pub(crate) fn entropy(s: &str) -> f64 {
    let mut counts: std::collections::HashMap<char, usize> = std::collections::HashMap::new();
    let mut total = 0usize;
    for c in s.chars() {
        *counts.entry(c).or_default() += 1;
        total += 1;
    }
    if total == 0 {
        return 0.0;
    }
    let n = total as f64;
    counts
        .values()
        .map(|&k| {
            let p = k as f64 / n;
            -p * p.log2()
        })
        .sum()
}

fn check(object: &Node<'_>, cx: &mut Cx<'_>) {
    let Some(value) = object.get(field::PARAM_VALUE) else {
        return;
    };
    let Some(text) = value.as_str() else {
        return;
    };
    let name_node = object.get(field::PARAM_NAME);
    let name = name_node.and_then(Node::as_str);
    let Some(sign) = cx.rules.secret_matcher().judge(name, text) else {
        return;
    };
    let shown = match name_node {
        Some(n) if name.is_some() => cx.show(
            n.span,
            format!("`{}`", name.unwrap_or("")),
            "shown-name-hidden",
        ),
        _ => crate::i18n::tr!(cx.lang, "shown-unnamed"),
    };
    let lang = cx.lang;
    let message = match sign {
        Sign::Pattern(what) => crate::i18n::tr!(lang, "secret-pattern", name = shown, what = what),
        Sign::Name(entry) => crate::i18n::tr!(lang, "secret-name", name = shown, entry = entry),
        Sign::Entropy => crate::i18n::tr!(lang, "secret-entropy", name = shown),
    };
    let pointer = cx.pointer_to(&[field::PARAM_VALUE]);
    cx.report(RULE.id, value.span, pointer, message);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RuleSet;

    fn judge(name: &str, value: &str) -> Option<String> {
        let rules = RuleSet::builtin();
        rules
            .secret_matcher()
            .judge(Some(name), value)
            .map(|s| match s {
                Sign::Pattern(w) => format!("pattern: {w}"),
                Sign::Name(n) => format!("name: {n}"),
                Sign::Entropy => "entropy".to_owned(),
            })
    }

    #[test]
    fn names_match_on_segments() {
        assert_eq!(segments("HUAWEI_SK"), ["huawei", "sk"]);
        assert_eq!(segments("dbPassword2"), ["db", "password2"]);
        assert_eq!(segments("mysql_6ak5"), ["mysql", "6ak5"]);
        assert_eq!(segments("APIKey"), ["api", "key"]);
        assert_eq!(segments("disk-size.x y"), ["disk", "size", "x", "y"]);
        for (name, entry) in [
            ("HUAWEI_SK", "sk"),
            ("huawei_ak", "ak"),
            ("db_password", "password"),
            ("DBPASSWORD", "password"),
            ("adminPasswd", "passwd"),
            ("accessKey", "access_key"),
            ("OBS_ACCESS_KEY", "access_key"),
            ("api_key", "api_key"),
            ("APIKey", "api_key"),
            ("GITHUB_TOKEN", "token"),
            ("private_key", "private_key"),
            ("client_secret", "secret"),
            ("mysql_pwd", "pwd"),
            ("dbPassword2", "password"),
            ("credentials", "credentials"),
            ("password_token", "password"),
        ] {
            assert_eq!(judge(name, "x"), Some(format!("name: {entry}")), "{name}");
        }
        for name in [
            "disk_size",
            "task_name",
            "skip",
            "ask",
            "target_dir",
            "keep_days",
            "password_file",
            "token_url",
            "secret_name",
            "SECRET_PATH",
            "tokenizer",
            "release_AK01",
            "api_2sk2",
            "log_dir",
        ] {
            assert_eq!(judge(name, "x"), None, "{name}");
        }
    }

    #[test]
    fn values_match_on_patterns_and_entropy() {
        let pem = "-----BEGIN RSA PRIVATE KEY----- MIIEow";
        assert_eq!(
            judge("cert", pem).as_deref(),
            Some("pattern: a PEM private key")
        );
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
        assert_eq!(
            judge("hdr", jwt).as_deref(),
            Some("pattern: a JSON Web Token")
        );
        let gh = format!("ghp_{}", "aB3".repeat(12));
        assert_eq!(judge("x", &gh).as_deref(), Some("pattern: a GitHub token"));
        assert_eq!(
            judge("x", "AKIAIOSFODNN7EXAMPLE").as_deref(),
            Some("pattern: an AWS access key id")
        );
        assert_eq!(
            judge("x", "HPUAKZ1G7QW3XB9M2N4R").as_deref(),
            Some("pattern: a Huawei Cloud access key (AK)")
        );
        assert_eq!(
            judge("x", "Zp3kQ9vX2mL7wR4tY8nB1cF6gH0jK5sD3aE9uI2o").as_deref(),
            Some("pattern: a Huawei Cloud secret key (SK)")
        );
        assert_eq!(
            judge("db_url", "mysql://app:hunter2@db:3306/x").as_deref(),
            Some("pattern: a password inside a URL")
        );
        assert_eq!(
            judge("x", "q8Zr-T3vLp_9xWk2Ny7MbH4c").as_deref(),
            Some("entropy")
        );
        // A pattern says more than the name.
        assert_eq!(
            judge("db_password", pem).as_deref(),
            Some("pattern: a PEM private key")
        );
        // Ordinary values.
        for value in [
            "/var/log/app",
            "/opt/App2/releases/2024-05-01/Build7",
            "300",
            "root",
            "--verbose --level=3",
            "6f1e3c0b9a7d4c2e8b5a1d0f7e3c9b2a",
            "da39a3ee5e6b4b0d3255bfef95601890afd80709",
            "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709",
            "3fa85f64-5717-4562-b3fc-2c963f66afa6",
            "12345678901234567890",
            "http://10.0.0.1:8080/deploy/app",
            "SELECT * FROM t WHERE a=b",
            "cn-north-4",
            "release_2024_05_final",
        ] {
            assert_eq!(judge("target", value), None, "{value}");
        }
    }

    #[test]
    fn empty_and_placeholder_values_are_not_judged() {
        for value in [
            "",
            "   ",
            "*****************",
            "{{db_password}}",
            "${DB_PASSWORD}",
            " {{a}}{{ b }} ${C}",
        ] {
            assert_eq!(judge("db_password", value), None, "{value:?}");
        }
        for value in ["{{a}}x", "x{{a}}", "{{a", "${a", "{{a{{b}}", "pw***"] {
            assert!(judge("db_password", value).is_some(), "{value:?}");
        }
    }

    #[test]
    fn entropy_is_in_bits_per_character() {
        assert_eq!(entropy(""), 0.0);
        assert_eq!(entropy("aaaa"), 0.0);
        assert!((entropy("abcd") - 2.0).abs() < 1e-9);
    }
}
