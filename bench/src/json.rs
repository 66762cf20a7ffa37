//! A tiny JSON tree and writer that keeps full control over the text.
//!
//! `serde_json::Value` cannot hold a key twice, cannot keep a number exactly
//! as written (`100.0` vs `100`) and knows only one pretty layout, so the
//! generator builds documents with [`Json`] and prints them with [`Style`].

use std::fmt::Write as _;

/// A JSON value whose objects are ordered lists of pairs (keys may repeat)
/// and whose numbers are kept as the literal text to print.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// A number literal, printed verbatim (e.g. `"94.1"`, `"100.0"`, `"-3"`).
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// How a document is laid out on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// No whitespace at all (what NDJSON exports use).
    Minified,
    /// Two-space indentation, `"key": value` (serde_json / JavaScript style).
    Pretty,
    /// Jackson's default pretty printer as used in Huawei Cloud examples:
    /// `"key" : value`, arrays inline as `[ {`, empty containers as `[ ]`.
    Huawei,
}

impl Json {
    pub fn str(s: impl Into<String>) -> Self {
        Json::Str(s.into())
    }

    pub fn int(n: i64) -> Self {
        Json::Num(n.to_string())
    }

    pub fn num(literal: impl Into<String>) -> Self {
        Json::Num(literal.into())
    }

    /// The value of the first `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(pairs) => pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The value of the first `key` of an object, mutably.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Json> {
        match self {
            Json::Obj(pairs) => pairs.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Follows a path of object keys.
    pub fn at_mut(&mut self, path: &[&str]) -> Option<&mut Json> {
        path.iter().try_fold(self, |node, key| node.get_mut(key))
    }

    /// Replaces the value of the first `key`, or appends the pair.
    pub fn set(&mut self, key: &str, value: Json) {
        if let Some(slot) = self.get_mut(key) {
            *slot = value;
        } else {
            self.push(key, value);
        }
    }

    /// Appends a pair even if the key already exists (duplicate keys).
    pub fn push(&mut self, key: &str, value: Json) {
        if let Json::Obj(pairs) = self {
            pairs.push((key.to_owned(), value));
        }
    }

    /// Inserts a pair at `index` (clamped), even if the key already exists.
    pub fn insert(&mut self, index: usize, key: &str, value: Json) {
        if let Json::Obj(pairs) = self {
            let index = index.min(pairs.len());
            pairs.insert(index, (key.to_owned(), value));
        }
    }

    /// Removes every pair with `key`; returns whether one existed.
    pub fn remove(&mut self, key: &str) -> bool {
        match self {
            Json::Obj(pairs) => {
                let before = pairs.len();
                pairs.retain(|(k, _)| k != key);
                pairs.len() != before
            }
            _ => false,
        }
    }

    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Json>> {
        match self {
            Json::Arr(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Appends the document to `out` in the given style (no trailing newline).
    pub fn write(&self, style: Style, out: &mut String) {
        match style {
            Style::Minified => self.write_min(out),
            Style::Pretty => self.write_pretty(out, 0),
            Style::Huawei => self.write_huawei(out, 0),
        }
    }

    /// The document as a string in the given style.
    pub fn render(&self, style: Style) -> String {
        let mut out = String::with_capacity(2048);
        self.write(style, &mut out);
        out
    }

    fn write_scalar(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) => out.push_str(n),
            Json::Str(s) => write_string(s, out),
            Json::Arr(_) | Json::Obj(_) => unreachable!("containers are not scalars"),
        }
    }

    fn write_min(&self, out: &mut String) {
        match self {
            Json::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_min(out);
                }
                out.push(']');
            }
            Json::Obj(pairs) => {
                out.push('{');
                for (i, (key, value)) in pairs.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write_min(out);
                }
                out.push('}');
            }
            scalar => scalar.write_scalar(out),
        }
    }

    fn write_pretty(&self, out: &mut String, depth: usize) {
        match self {
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Obj(pairs) if pairs.is_empty() => out.push_str("{}"),
            Json::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    out.push_str(if i > 0 { ",\n" } else { "\n" });
                    indent(out, depth + 1);
                    item.write_pretty(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push(']');
            }
            Json::Obj(pairs) => {
                out.push('{');
                for (i, (key, value)) in pairs.iter().enumerate() {
                    out.push_str(if i > 0 { ",\n" } else { "\n" });
                    indent(out, depth + 1);
                    write_string(key, out);
                    out.push_str(": ");
                    value.write_pretty(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push('}');
            }
            scalar => scalar.write_scalar(out),
        }
    }

    /// Jackson's `DefaultPrettyPrinter`: only objects indent (two spaces per
    /// enclosing object); arrays stay on the line: `[ 1, 2 ]`, `[ {`…`}, {`…`} ]`.
    fn write_huawei(&self, out: &mut String, depth: usize) {
        match self {
            Json::Arr(items) if items.is_empty() => out.push_str("[ ]"),
            Json::Obj(pairs) if pairs.is_empty() => out.push_str("{ }"),
            Json::Arr(items) => {
                out.push_str("[ ");
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_huawei(out, depth);
                }
                out.push_str(" ]");
            }
            Json::Obj(pairs) => {
                out.push('{');
                for (i, (key, value)) in pairs.iter().enumerate() {
                    out.push_str(if i > 0 { ",\n" } else { "\n" });
                    indent(out, depth + 1);
                    write_string(key, out);
                    out.push_str(" : ");
                    value.write_huawei(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push('}');
            }
            scalar => scalar.write_scalar(out),
        }
    }
}

fn indent(out: &mut String, depth: usize) {
    for _ in 0..depth {
        out.push_str("  ");
    }
}

/// Writes `s` as a JSON string literal; non-ASCII text is kept as UTF-8.
fn write_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Json {
        Json::Obj(vec![
            ("a".into(), Json::int(1)),
            (
                "b".into(),
                Json::Arr(vec![
                    Json::Obj(vec![("c".into(), Json::str("x\"y"))]),
                    Json::Obj(vec![]),
                ]),
            ),
            ("e".into(), Json::Arr(vec![])),
            ("f".into(), Json::num("94.1")),
        ])
    }

    #[test]
    fn minified() {
        assert_eq!(
            sample().render(Style::Minified),
            r#"{"a":1,"b":[{"c":"x\"y"},{}],"e":[],"f":94.1}"#
        );
    }

    #[test]
    fn huawei_matches_jackson_layout() {
        let expected = "{\n  \"a\" : 1,\n  \"b\" : [ {\n    \"c\" : \"x\\\"y\"\n  }, { } ],\n  \"e\" : [ ],\n  \"f\" : 94.1\n}";
        assert_eq!(sample().render(Style::Huawei), expected);
    }

    #[test]
    fn every_style_parses_to_the_same_value() {
        let min: serde_json::Value =
            serde_json::from_str(&sample().render(Style::Minified)).unwrap();
        for style in [Style::Pretty, Style::Huawei] {
            let other: serde_json::Value = serde_json::from_str(&sample().render(style)).unwrap();
            assert_eq!(min, other);
        }
    }

    #[test]
    fn duplicate_keys_are_kept() {
        let mut obj = Json::Obj(vec![]);
        obj.push("k", Json::int(1));
        obj.push("k", Json::int(2));
        assert_eq!(obj.render(Style::Minified), r#"{"k":1,"k":2}"#);
        obj.set("k", Json::int(3));
        assert_eq!(obj.render(Style::Minified), r#"{"k":3,"k":2}"#);
        assert!(obj.remove("k"));
        assert_eq!(obj.render(Style::Minified), "{}");
    }
}
