//! Fixes: edits as data, and applying them.
//!
//! Some findings have exactly one repair that keeps the document's meaning;
//! their [`Diagnostic`](crate::Diagnostic)s carry a [`Fix`]: a list of [`Edit`]s (a byte range
//! of the linted text and what to put there) and an [`Applicability`]:
//!
//! - **safe** fixes keep what the API does with the document:
//!   `number-as-string` (`"100.0"` → `100.0`, as the server coerces it),
//!   `float-for-integer` on an integral value (`300.0` → `300`, `3e2` →
//!   `300`), `discarded-field` (the member removed, with its comma and its
//!   line, the rest of the layout untouched);
//! - **unsafe** fixes are probably what was meant but change the request: an
//!   enumerated value in the wrong case (`continue` → `CONTINUE`), a constant
//!   with stray case or whitespace (`execute_user` `" Root"` → `root`), an
//!   `unknown-field` renamed to its one "did you mean" suggestion (unless the
//!   object already has that key), a `duplicate-key` resolved by keeping the
//!   last occurrence (the one serde_json and the server keep).
//!
//! There is no fix where the intent is unknown (a timeout out of range, a
//! value with `..`), and none that touches a secret (no edit may overlap a
//! span of [`crate::FileReport::sensitive`]): a fix's content would quote it.
//!
//! **Only documents a user sends are fixed**: execution parameters
//! (`execute-param`) and ExecuteScript bodies (`execute-script`). Ticket
//! responses, bare tickets and ticket lists are what the server said; a
//! captured response is evidence, and rewriting it would make it lie, so
//! their diagnostics never carry a fix (see
//! [`crate::DocumentKind::takes_fixes`]).
//!
//! [`apply`] applies fixes to a text: edits are applied sorted by position,
//! and a fix any of whose edits overlaps an edit already taken is left for
//! a later pass. [`crate::Linter::fix_source`] lints, applies and lints
//! again until nothing more applies, at most [`crate::lint::MAX_FIX_PASSES`]
//! times; [`crate::FileReport::fixes`] gives the fixes of a report:
//!
//! ```
//! use coc_lint::{fix::Applicability, Linter};
//!
//! let linter = Linter::new();
//! let text = "{\n  \"timeout\": \"300\",\n  \"success_rate\": 100,\n  \"execute_user\": \"root\"\n}\n";
//! let fixed = linter.fix_source("params.json", text, Applicability::Safe);
//! assert_eq!(fixed.text, text.replace("\"300\"", "300"));
//! assert_eq!(fixed.fixed, 1);
//! assert!(fixed.report.diagnostics.is_empty());
//! ```

use std::collections::BTreeMap;

use serde::Serialize;

use crate::load::ast::Node;
use crate::source::{LineIndex, Position, Span};

/// How sure a fix is to keep the document's meaning. Ordered: a run that
/// applies `Unsafe` fixes applies `Safe` ones too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps what the API does with the document (`--fix`).
    Safe,
    /// Probably what was meant, but changes the request (`--unsafe-fixes`).
    Unsafe,
}

impl Applicability {
    /// `safe` or `unsafe`.
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
        }
    }
}

/// Replace the bytes of `span` with `content` (an empty content deletes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// The byte range replaced.
    pub span: Span,
    /// Where it starts (1-based line, character column).
    pub start: Position,
    /// Where it ends (exclusive).
    pub end: Position,
    /// What replaces it.
    pub content: String,
}

impl Edit {
    /// Replace `span` with `content`; positions are filled in when the
    /// diagnostic is located.
    pub fn replace(span: Span, content: impl Into<String>) -> Edit {
        Edit {
            span,
            start: Position::default(),
            end: Position::default(),
            content: content.into(),
        }
    }

    /// Delete `span`.
    pub fn delete(span: Span) -> Edit {
        Edit::replace(span, String::new())
    }
}

/// A repair of one diagnostic: edits applied together, or not at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// Whether it keeps the document's meaning.
    pub applicability: Applicability,
    /// What it does, for people (`remove \`agent_sn\``).
    pub message: String,
    /// The edits, sorted, none overlapping another.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A safe fix.
    pub fn safe(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix::new(Applicability::Safe, message.into(), edits)
    }

    /// An unsafe fix.
    pub fn unsafe_edit(message: impl Into<String>, edits: Vec<Edit>) -> Fix {
        Fix::new(Applicability::Unsafe, message.into(), edits)
    }

    fn new(applicability: Applicability, message: String, mut edits: Vec<Edit>) -> Fix {
        edits.sort_by_key(|e| (e.span.offset, e.span.end()));
        Fix {
            applicability,
            message: crate::escape::escape(&message).into_owned(),
            edits,
        }
    }

    /// Fill in the edits' lines and columns.
    pub(crate) fn locate(&mut self, index: &LineIndex<'_>) {
        for edit in &mut self.edits {
            edit.start = index.position(edit.span.offset);
            edit.end = index.position(edit.span.end());
        }
    }

    /// Shift the edits by the place an embedded document starts in a
    /// larger text (an NDJSON line in its stream).
    pub(crate) fn shift(&mut self, offset: usize, line: usize) {
        for edit in &mut self.edits {
            edit.span.offset += offset;
            edit.start.line += line;
            edit.end.line += line;
        }
    }

    /// Whether an edit touches (overlaps or borders inside) a span of
    /// `secrets` (sorted, non-overlapping).
    pub(crate) fn touches(&self, secrets: &[Span]) -> bool {
        self.edits.iter().any(|e| {
            let (start, end) = (e.span.offset, e.span.end());
            // The first secret that ends after `start`.
            let i = secrets.partition_point(|s| s.end() <= start);
            secrets
                .get(i)
                .is_some_and(|s| s.offset < end || (start == end && s.offset <= start))
        })
    }
}

/// The result of [`apply`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The text with the fixes applied.
    pub text: String,
    /// How many fixes were applied.
    pub applied: usize,
    /// The edits applied, sorted, with the spans of the source they
    /// replaced: every byte outside them is the source's.
    pub edits: Vec<Edit>,
}

/// Apply `fixes` to `source` and return the new text.
///
/// Fixes are taken in order of their first edit; a fix is skipped (it is
/// for a later pass) when one of its edits overlaps an edit already taken,
/// when two of its own edits overlap, or when an edit does not fit `source`
/// (outside it, or not on a character boundary). Two edits overlap when they
/// share a byte, or are both insertions at the same place; edits that only
/// meet (`[a, b)` and `[b, c)`) do not. Every byte outside the applied edits
/// is kept.
///
/// ```
/// use coc_lint::fix::{apply, Edit, Fix};
/// use coc_lint::Span;
///
/// let source = r#"{"timeout": 300.0, "success_rate": "99"}"#;
/// let at = |s: &str| Span::new(source.find(s).unwrap(), source.find(s).unwrap() + s.len());
/// let fixes = [
///     Fix::safe("write 300", vec![Edit::replace(at("300.0"), "300")]),
///     Fix::safe("unquote", vec![Edit::replace(at("\"99\""), "99")]),
///     // Overlaps the first: not applied with it.
///     Fix::safe("other", vec![Edit::replace(at("0.0"), "1")]),
/// ];
/// let applied = apply(source, &fixes);
/// assert_eq!(applied.text, r#"{"timeout": 300, "success_rate": 99}"#);
/// assert_eq!(applied.applied, 2);
/// ```
pub fn apply<'f>(source: &str, fixes: impl IntoIterator<Item = &'f Fix>) -> Applied {
    let mut fixes: Vec<&Fix> = fixes.into_iter().filter(|f| !f.edits.is_empty()).collect();
    fixes.sort_by_key(|f| {
        let first = &f.edits[0].span;
        (first.offset, first.end())
    });
    // Taken edits by start: (end, fix index).
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut chosen: Vec<&Edit> = Vec::new();
    let mut applied = 0;
    'fixes: for fix in fixes {
        let mut mine: BTreeMap<usize, usize> = BTreeMap::new();
        for edit in &fix.edits {
            let (start, end) = (edit.span.offset, edit.span.end());
            if end > source.len()
                || !source.is_char_boundary(start)
                || !source.is_char_boundary(end)
            {
                continue 'fixes;
            }
            if overlaps(&taken, start, end) || overlaps(&mine, start, end) {
                continue 'fixes;
            }
            mine.insert(start, end);
        }
        taken.extend(mine);
        chosen.extend(&fix.edits);
        applied += 1;
    }
    chosen.sort_by_key(|e| e.span.offset);
    let mut text = String::with_capacity(source.len());
    let mut at = 0;
    for edit in &chosen {
        text.push_str(&source[at..edit.span.offset]);
        text.push_str(&edit.content);
        at = edit.span.end();
    }
    text.push_str(&source[at..]);
    Applied {
        text,
        applied,
        edits: chosen.into_iter().cloned().collect(),
    }
}

/// Whether `[start, end)` overlaps a range of `ranges` (start → end, none
/// overlapping another).
fn overlaps(ranges: &BTreeMap<usize, usize>, start: usize, end: usize) -> bool {
    // The last range that starts at or before `start`, and the first after.
    let before = ranges.range(..=start).next_back();
    let after = ranges.range(start + 1..).next();
    let hit = |(&s, &e): (&usize, &usize)| {
        (s < end && start < e) || (s == start && (s == e || start == end))
    };
    before.is_some_and(hit) || after.is_some_and(hit)
}

/// The bytes to delete to remove member `i` of `object` tidily: with the
/// comma that separates it, and with its line when it stands on one, so
/// that no comma dangles, no blank line is left behind and the other
/// members keep their indentation.
///
/// - a member followed by another: from its key to the next key (its
///   comma and the layout before the next key go; the indentation before
///   it stays, for the next member);
/// - the last of several: from the end of the value before it to the end
///   of its own value (the comma before it goes; the layout before the
///   closing bracket stays);
/// - the only member: everything between the brackets (`{}`).
pub(crate) fn member_removal(object: &Node<'_>, i: usize) -> Option<Span> {
    let members = object.as_object()?;
    let member = members.get(i)?;
    if members.len() == 1 {
        return Some(Span::new(object.span.offset + 1, object.span.end() - 1));
    }
    match members.get(i + 1) {
        Some(next) => Some(Span::new(member.key_span.offset, next.key_span.offset)),
        None => {
            let before = &members[i - 1];
            Some(Span::new(before.value.span.end(), member.value.span.end()))
        }
    }
}

/// The integer an integral JSON number stands for, written without a
/// fraction or an exponent (`300.0` → `300`, `3e2` → `300`, `-1.50e1` →
/// `-15`), computed on the digits (no floating point, so 64-bit values stay
/// exact). `None` when it is not integral or would be longer than 40
/// digits.
pub(crate) fn integer_text(raw: &str) -> Option<String> {
    let (negative, rest) = match raw.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, raw),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(i) => (&rest[..i], rest[i + 1..].parse::<i64>().ok()?),
        None => (rest, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if !(int.bytes().chain(frac.bytes())).all(|b| b.is_ascii_digit()) || int.is_empty() {
        return None;
    }
    let digits: String = format!("{int}{frac}");
    // The value is digits × 10^(exponent - frac.len()).
    let shift = exponent.checked_sub(i64::try_from(frac.len()).ok()?)?;
    let text = if shift >= 0 {
        let shift = usize::try_from(shift).ok().filter(|&s| s <= 40)?;
        let mut t = digits;
        if t.trim_start_matches('0').is_empty() {
            t = "0".into();
        } else {
            t.extend(std::iter::repeat_n('0', shift));
        }
        t
    } else {
        let cut = usize::try_from(-shift).ok()?;
        let keep = digits.len().checked_sub(cut);
        let (int_part, dropped) = match keep {
            Some(k) => digits.split_at(k),
            // Every digit is after the point.
            None => ("", digits.as_str()),
        };
        if dropped.bytes().any(|b| b != b'0') {
            return None;
        }
        int_part.to_owned()
    };
    let text = text.trim_start_matches('0');
    if text.is_empty() {
        return Some("0".into());
    }
    if text.len() > 40 {
        return None;
    }
    Some(if negative {
        format!("-{text}")
    } else {
        text.to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::parse;

    #[test]
    fn integers_from_decimals_and_exponents() {
        for (raw, int) in [
            ("300.0", Some("300")),
            ("3e2", Some("300")),
            ("3E+2", Some("300")),
            ("-1.50e1", Some("-15")),
            ("0.0", Some("0")),
            ("-0.0", Some("0")),
            ("1500e-1", Some("150")),
            ("0.5e1", Some("5")),
            ("9007199254740993.0", Some("9007199254740993")),
            ("300.5", None),
            ("1e-1", None),
            ("1e100", None),
            ("1e99999999999999999999", None),
        ] {
            assert_eq!(integer_text(raw).as_deref(), int, "{raw}");
        }
    }

    fn remove(text: &str, i: usize) -> String {
        let root = parse(text, 16).unwrap();
        let span = member_removal(&root, i).unwrap();
        format!("{}{}", &text[..span.offset], &text[span.end()..])
    }

    #[test]
    fn members_are_removed_tidily() {
        let pretty = "{\n  \"a\": 1,\n  \"b\": 2,\n  \"c\": 3\n}\n";
        assert_eq!(remove(pretty, 0), "{\n  \"b\": 2,\n  \"c\": 3\n}\n");
        assert_eq!(remove(pretty, 1), "{\n  \"a\": 1,\n  \"c\": 3\n}\n");
        assert_eq!(remove(pretty, 2), "{\n  \"a\": 1,\n  \"b\": 2\n}\n");
        let crlf = pretty.replace('\n', "\r\n");
        assert_eq!(remove(&crlf, 1), "{\r\n  \"a\": 1,\r\n  \"c\": 3\r\n}\r\n");
        assert_eq!(remove(&crlf, 2), "{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}\r\n");
        let minified = r#"{"a":1,"b":2,"c":3}"#;
        assert_eq!(remove(minified, 1), r#"{"a":1,"c":3}"#);
        assert_eq!(remove(minified, 2), r#"{"a":1,"b":2}"#);
        assert_eq!(remove("{\n  \"a\": {\"x\": 1}\n}", 0), "{}");
        let comma_first = "{ \"a\": 1\n, \"b\": 2\n, \"c\": 3 }";
        assert_eq!(remove(comma_first, 1), "{ \"a\": 1\n, \"c\": 3 }");
        assert_eq!(remove(comma_first, 2), "{ \"a\": 1\n, \"b\": 2 }");
    }

    #[test]
    fn overlapping_fixes_are_not_applied_together() {
        let text = r#"{"a":1,"b":2,"c":3}"#;
        let root = parse(text, 16).unwrap();
        let rm = |i| Fix::safe("rm", vec![Edit::delete(member_removal(&root, i).unwrap())]);
        // Removing b and c overlap (the comma between them); a and b meet.
        let applied = apply(text, &[rm(1), rm(2)]);
        assert_eq!(
            (applied.text.as_str(), applied.applied),
            (r#"{"a":1,"c":3}"#, 1)
        );
        let applied = apply(text, &[rm(0), rm(1)]);
        assert_eq!((applied.text.as_str(), applied.applied), (r#"{"c":3}"#, 2));
        let applied = apply(text, &[rm(0), rm(2)]);
        assert_eq!((applied.text.as_str(), applied.applied), (r#"{"b":2}"#, 2));
        // Two insertions at one place, and edits out of bounds.
        let insert = |at, s: &str| Fix::safe("i", vec![Edit::replace(Span::new(at, at), s)]);
        let applied = apply("ab", &[insert(1, "x"), insert(1, "y"), insert(9, "z")]);
        assert_eq!((applied.text.as_str(), applied.applied), ("axb", 1));
        // Not on a character boundary.
        let applied = apply("é", &[insert(1, "x")]);
        assert_eq!(applied.applied, 0);
    }

    #[test]
    fn secrets_are_never_touched() {
        let fix = Fix::safe("x", vec![Edit::replace(Span::new(10, 12), "1")]);
        assert!(fix.touches(&[Span::new(11, 20)]));
        assert!(fix.touches(&[Span::new(0, 11)]));
        assert!(!fix.touches(&[Span::new(0, 10), Span::new(12, 20)]));
        let insert = Fix::safe("x", vec![Edit::replace(Span::new(5, 5), "1")]);
        assert!(insert.touches(&[Span::new(4, 6)]));
        // An insertion just before a secret counts as touching it.
        assert!(insert.touches(&[Span::new(5, 6)]));
        assert!(!insert.touches(&[Span::new(6, 9)]));
    }
}
