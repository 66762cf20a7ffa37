//! The spanned JSON document: every value, key and member keeps its byte span.

use std::borrow::Cow;

use crate::source::Span;

/// A parsed JSON value with its span in the source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    /// Where the value stands (for strings, including the quotes).
    pub span: Span,
    /// The value.
    pub value: Value<'a>,
}

/// A JSON value. Strings without escapes borrow from the source; numbers are
/// kept as written so that checks can judge them exactly (`99.5` versus
/// `99.50`, `1e400`, integers wider than 64 bits).
#[derive(Debug, Clone, PartialEq)]
pub enum Value<'a> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, exactly as written in the source (RFC 8259 grammar).
    Number(&'a str),
    /// A string with its escapes decoded.
    String(Cow<'a, str>),
    /// An array.
    Array(Vec<Node<'a>>),
    /// An object; members keep their order and duplicates are kept.
    Object(Vec<Member<'a>>),
}

/// One `"key": value` pair of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    /// The decoded key.
    pub key: Cow<'a, str>,
    /// Where the key stands, quotes included.
    pub key_span: Span,
    /// The value.
    pub value: Node<'a>,
}

impl<'a> Value<'a> {
    /// The JSON type name used in messages: `null`, `boolean`, `number`,
    /// `string`, `array` or `object`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }
}

impl<'a> Node<'a> {
    /// The members if this is an object.
    pub fn as_object(&self) -> Option<&[Member<'a>]> {
        match &self.value {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The elements if this is an array.
    pub fn as_array(&self) -> Option<&[Node<'a>]> {
        match &self.value {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The text if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The value of the last member named `key`, if this is an object that
    /// has one (the last, as most JSON parsers and the COC server keep it).
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.member(key).map(|m| &m.value)
    }

    /// The last member named `key`, if this is an object that has one.
    pub fn member(&self, key: &str) -> Option<&Member<'a>> {
        self.as_object()?.iter().rev().find(|m| m.key == key)
    }
}

/// Appends one RFC 6901 reference token (`~` as `~0`, `/` as `~1`) to a
/// JSON pointer.
pub fn push_pointer_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    if token.contains(['~', '/']) {
        for c in token.chars() {
            match c {
                '~' => pointer.push_str("~0"),
                '/' => pointer.push_str("~1"),
                c => pointer.push(c),
            }
        }
    } else {
        pointer.push_str(token);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_tokens_are_escaped() {
        let mut p = String::new();
        push_pointer_token(&mut p, "a/b~c");
        push_pointer_token(&mut p, "0");
        assert_eq!(p, "/a~1b~0c/0");
    }
}
