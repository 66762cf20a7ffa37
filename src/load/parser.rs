//! A strict RFC 8259 JSON parser that keeps the span of every value and key.
//!
//! Why not serde_json: it keeps neither spans nor duplicate keys. Why not a
//! generic spanned parser: this one is strict by construction (no JSON5
//! leniencies to switch off), borrows every string that has no escapes,
//! keeps numbers as written, and stops at a nesting depth limit with an
//! error instead of overflowing the stack.
//!
//! One leniency can be asked for ([`parse_with_comments`]): JSONC, as
//! editors write it, with `//` and `/* */` comments wherever whitespace may
//! stand and a trailing comma before `]` or `}`. Comments are skipped as
//! whitespace is, so every span stays a byte range of the text as written:
//! a comment before a fault does not move it.

use std::borrow::Cow;

use super::ast::{Member, Node, Value};
use crate::i18n::Msg;
use crate::source::Span;

/// Why a text could not be parsed.
#[derive(Debug, Clone, PartialEq)]
pub enum ParseError {
    /// The text is not JSON.
    Syntax {
        /// Where the fault is.
        span: Span,
        /// What is wrong (a message of the catalog, worded in the
        /// linter's language; see [`crate::i18n`]).
        message: Box<Msg>,
        /// The same without the input text `message` quotes (the offending
        /// character, word or escape), for a fault inside a value that may
        /// be a secret; `None` when `message` quotes no input.
        unquoted: Option<Box<Msg>>,
        /// What to do about it: a message id of the catalog.
        help: Option<&'static str>,
    },
    /// Arrays and objects are nested deeper than the limit.
    TooDeep {
        /// The bracket that passed the limit.
        span: Span,
        /// The limit that was passed.
        limit: usize,
    },
}

/// Parse `text` as one JSON value. A UTF-8 byte order mark at the start is
/// skipped; spans are byte offsets into `text` itself.
pub fn parse(text: &str, max_depth: usize) -> Result<Node<'_>, ParseError> {
    parse_with_comments(text, max_depth, false)
}

/// [`parse`], accepting JSONC when `comments` is set: `//` comments to the
/// end of their line, `/* */` comments, and one trailing comma before `]` or
/// `}`. Spans are those of `text` as written, comments included.
///
/// ```
/// use coc_lint::load::parser::parse_with_comments;
///
/// let text = "{\n  // seconds\n  \"timeout\": /* max */ 300,\n}";
/// let doc = parse_with_comments(text, 16, true).expect("JSONC");
/// let timeout = doc.get("timeout").expect("a member");
/// assert_eq!(&text[timeout.span.offset..timeout.span.offset + timeout.span.length], "300");
/// assert!(parse_with_comments(text, 16, false).is_err());
/// ```
pub fn parse_with_comments(
    text: &str,
    max_depth: usize,
    comments: bool,
) -> Result<Node<'_>, ParseError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        max_depth,
        comments,
    };
    if text.starts_with('\u{feff}') {
        p.pos = 3;
    }
    p.skip_ws()?;
    if p.pos >= p.bytes.len() {
        let what = if p.bytes.len() > usize::from(text.starts_with('\u{feff}')) * 3 {
            if comments {
                "syntax-only-whitespace-comments"
            } else {
                "syntax-only-whitespace"
            }
        } else {
            "syntax-empty"
        };
        return Err(p.error_at(p.pos, 0, Msg::new(what), Some("help-one-json-object")));
    }
    let node = p.value(0)?;
    p.skip_ws()?;
    if p.pos < p.bytes.len() {
        let len = p.char_len_at(p.pos);
        return Err(p.error_at(
            p.pos,
            len,
            Msg::new("syntax-trailing-content"),
            Some("help-one-json-value"),
        ));
    }
    Ok(node)
}

/// The help of a comment in strict JSON: why, and how to opt in (a message
/// id of the catalog, as every help here).
const COMMENTS_REFUSED: &str = "help-comments-refused";
/// The help of a trailing comma before `}` in strict JSON.
const TRAILING_COMMA_OBJECT: &str = "help-trailing-comma-object";
/// The help of a trailing comma before `]` in strict JSON.
const TRAILING_COMMA_ARRAY: &str = "help-trailing-comma-array";

/// Whether `text` holds only whitespace and complete comments, at least one
/// (a line of an NDJSON stream that is no document).
pub fn only_comments(text: &str) -> bool {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        max_depth: 0,
        comments: true,
    };
    p.skip_ws().is_ok() && p.pos == text.len() && text.contains('/')
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    max_depth: usize,
    /// Accept comments and trailing commas (JSONC).
    comments: bool,
}

impl<'a> Parser<'a> {
    fn error_at(
        &self,
        offset: usize,
        len: usize,
        message: Msg,
        help: Option<&'static str>,
    ) -> ParseError {
        ParseError::Syntax {
            span: Span {
                offset,
                length: len,
            },
            message: Box::new(message),
            unquoted: None,
            help,
        }
    }

    /// [`Parser::error_at`] for a message that quotes input, with its
    /// wording that does not.
    fn error_quoting(
        &self,
        offset: usize,
        len: usize,
        message: Msg,
        unquoted: Msg,
        help: Option<&'static str>,
    ) -> ParseError {
        let mut e = self.error_at(offset, len, message, help);
        if let ParseError::Syntax { unquoted: u, .. } = &mut e {
            *u = Some(Box::new(unquoted));
        }
        e
    }

    /// Length in bytes of the character at `offset` (0 at the end).
    fn char_len_at(&self, offset: usize) -> usize {
        self.text[offset..].chars().next().map_or(0, char::len_utf8)
    }

    /// What stands here: `found-end`, `found-code-point` or `found-char`,
    /// with the character.
    fn describe_here(&self) -> Msg {
        match self.text[self.pos..].chars().next() {
            None => Msg::new("found-end"),
            Some(c) if c.is_control() || c == '\u{feff}' => {
                Msg::new("found-code-point").arg("code", format!("U+{:04X}", c as u32))
            }
            Some(c) => Msg::new("found-char").arg("char", c.to_string()),
        }
    }

    /// `expected` is the message id of what should stand here
    /// (`expected-json-value`).
    fn unexpected(&self, expected: &'static str) -> ParseError {
        let found = self.describe_here();
        let len = self.char_len_at(self.pos);
        let help = match self.bytes.get(self.pos) {
            Some(b'/') if self.comments => Some("help-comment-syntax"),
            Some(b'/') => Some(COMMENTS_REFUSED),
            Some(b'\'') => Some("help-double-quotes"),
            None => Some("help-truncated"),
            _ => None,
        };
        let unquoted = match self.bytes.get(self.pos) {
            None => "found-end",
            Some(_) => "found-not-allowed",
        };
        let message = |found: Msg| {
            Msg::new("syntax-expected")
                .msg("expected", Msg::new(expected))
                .msg("found", found)
        };
        self.error_quoting(
            self.pos,
            len,
            message(found),
            message(Msg::new(unquoted)),
            help,
        )
    }

    /// Skip whitespace, and comments when they are accepted; an unclosed
    /// `/*` is an error at its start.
    #[inline]
    fn skip_ws(&mut self) -> Result<(), ParseError> {
        while let Some(&b) = self.bytes.get(self.pos) {
            if matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                self.pos += 1;
            } else if b == b'/' && self.comments {
                match self.bytes.get(self.pos + 1) {
                    Some(b'/') => {
                        let rest = &self.bytes[self.pos..];
                        self.pos += memchr::memchr(b'\n', rest).unwrap_or(rest.len());
                    }
                    Some(b'*') => {
                        let body = &self.bytes[self.pos + 2..];
                        match memchr::memmem::find(body, b"*/") {
                            Some(end) => self.pos += 2 + end + 2,
                            None => {
                                return Err(self.error_at(
                                    self.pos,
                                    2,
                                    Msg::new("syntax-unterminated-comment"),
                                    Some("help-close-comment"),
                                ))
                            }
                        }
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        Ok(())
    }

    fn value(&mut self, depth: usize) -> Result<Node<'a>, ParseError> {
        let start = self.pos;
        let value = match self.bytes.get(self.pos) {
            Some(b'{') => return self.object(depth + 1),
            Some(b'[') => return self.array(depth + 1),
            Some(b'"') => Value::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => Value::Number(self.number()?),
            Some(b't') => {
                self.literal("true")?;
                Value::Bool(true)
            }
            Some(b'f') => {
                self.literal("false")?;
                Value::Bool(false)
            }
            Some(b'n') => {
                self.literal("null")?;
                Value::Null
            }
            Some(b) if b.is_ascii_alphabetic() => {
                self.literal("a JSON value")?;
                Value::Null
            }
            _ => {
                let mut err = self.unexpected("expected-json-value");
                if let ParseError::Syntax { help, .. } = &mut err {
                    let rest = &self.text[self.pos..];
                    if rest.starts_with("NaN")
                        || rest.starts_with("Infinity")
                        || rest.starts_with('+')
                        || rest.starts_with('.')
                    {
                        *help = Some("help-json-numbers");
                    }
                }
                return Err(err);
            }
        };
        Ok(Node {
            span: Span::new(start, self.pos),
            value,
        })
    }

    fn enter(&self, depth: usize) -> Result<(), ParseError> {
        if depth > self.max_depth {
            return Err(ParseError::TooDeep {
                span: Span {
                    offset: self.pos,
                    length: 1,
                },
                limit: self.max_depth,
            });
        }
        Ok(())
    }

    fn object(&mut self, depth: usize) -> Result<Node<'a>, ParseError> {
        self.enter(depth)?;
        let start = self.pos;
        self.pos += 1;
        self.skip_ws()?;
        if self.bytes.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            return Ok(Node {
                span: Span::new(start, self.pos),
                value: Value::Object(Vec::new()),
            });
        }
        // Ticket objects have a handful of members: one allocation for most.
        let mut members = Vec::with_capacity(8);
        loop {
            if self.bytes.get(self.pos) != Some(&b'"') {
                // Only reached after a comma: an empty object returned above.
                if self.comments && self.bytes.get(self.pos) == Some(&b'}') {
                    self.pos += 1;
                    return Ok(Node {
                        span: Span::new(start, self.pos),
                        value: Value::Object(members),
                    });
                }
                let mut err = self.unexpected("expected-key");
                if let (ParseError::Syntax { help, .. }, Some(b'}')) =
                    (&mut err, self.bytes.get(self.pos))
                {
                    *help = Some(TRAILING_COMMA_OBJECT);
                }
                return Err(err);
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_span = Span::new(key_start, self.pos);
            self.skip_ws()?;
            if self.bytes.get(self.pos) != Some(&b':') {
                return Err(self.unexpected("expected-colon"));
            }
            self.pos += 1;
            self.skip_ws()?;
            let value = self.value(depth)?;
            members.push(Member {
                key,
                key_span,
                value,
            });
            self.skip_ws()?;
            match self.bytes.get(self.pos) {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws()?;
                }
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Node {
                        span: Span::new(start, self.pos),
                        value: Value::Object(members),
                    });
                }
                _ => return Err(self.unexpected("expected-comma-or-brace")),
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Node<'a>, ParseError> {
        self.enter(depth)?;
        let start = self.pos;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws()?;
        if self.bytes.get(self.pos) == Some(&b']') {
            self.pos += 1;
            return Ok(Node {
                span: Span::new(start, self.pos),
                value: Value::Array(items),
            });
        }
        loop {
            if self.bytes.get(self.pos) == Some(&b']') {
                // Only reached after a comma: an empty array returned above.
                if self.comments {
                    self.pos += 1;
                    return Ok(Node {
                        span: Span::new(start, self.pos),
                        value: Value::Array(items),
                    });
                }
                let mut err = self.unexpected("expected-json-value");
                if let ParseError::Syntax { help, .. } = &mut err {
                    *help = Some(TRAILING_COMMA_ARRAY);
                }
                return Err(err);
            }
            items.push(self.value(depth)?);
            self.skip_ws()?;
            match self.bytes.get(self.pos) {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws()?;
                }
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Node {
                        span: Span::new(start, self.pos),
                        value: Value::Array(items),
                    });
                }
                _ => return Err(self.unexpected("expected-comma-or-bracket")),
            }
        }
    }

    /// Accept `word` here, or report the bare word that stands instead.
    fn literal(&mut self, word: &'static str) -> Result<(), ParseError> {
        let is_word = word.bytes().all(|b| b.is_ascii_lowercase());
        if is_word && self.bytes[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(())
        } else {
            let end = self.text[self.pos..]
                .find(|c: char| !c.is_ascii_alphanumeric())
                .map_or(self.text.len(), |i| self.pos + i);
            let found = &self.text[self.pos..end];
            // Known words are named; any other bare word is not quoted, since
            // an unquoted value may be a secret.
            let known = [
                "true",
                "false",
                "null",
                "NaN",
                "Infinity",
                "True",
                "False",
                "None",
                "Null",
                "TRUE",
                "FALSE",
                "NULL",
                "nil",
                "undefined",
            ];
            let shown = if known.contains(&found) {
                Msg::new("found-word").arg("word", found.to_owned())
            } else {
                Msg::new("found-unquoted-word").arg("n", found.chars().count())
            };
            let message = |found: Msg| {
                Msg::new("syntax-expected")
                    .msg("expected", Msg::new("expected-json-value"))
                    .msg("found", found)
            };
            Err(self.error_quoting(
                self.pos,
                end - self.pos,
                message(shown),
                message(Msg::new("found-an-unquoted-word")),
                Some(match found {
                    "NaN" | "Infinity" => "help-nan",
                    "True" | "False" | "None" | "Null" | "TRUE" | "FALSE" | "NULL" | "nil"
                    | "undefined" => "help-lower-case-literals",
                    _ => "help-bare-words",
                }),
            ))
        }
    }

    fn number(&mut self) -> Result<&'a str, ParseError> {
        let start = self.pos;
        let b = self.bytes;
        if b.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        match b.get(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                if matches!(b.get(self.pos), Some(b'0'..=b'9')) {
                    return Err(self.error_at(
                        start,
                        self.pos + 1 - start,
                        Msg::new("syntax-leading-zeros"),
                        Some("help-leading-zeros"),
                    ));
                }
            }
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(self.unexpected("expected-digit")),
        }
        if b.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !matches!(b.get(self.pos), Some(b'0'..=b'9')) {
                return Err(self.unexpected("expected-digit-after-point"));
            }
            self.digits();
        }
        if matches!(b.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(b.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !matches!(b.get(self.pos), Some(b'0'..=b'9')) {
                return Err(self.unexpected("expected-digit-in-exponent"));
            }
            self.digits();
        }
        Ok(&self.text[start..self.pos])
    }

    #[inline]
    fn digits(&mut self) {
        while matches!(self.bytes.get(self.pos), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }

    /// Parse a string starting at the opening quote; leaves `pos` after the
    /// closing quote.
    fn string(&mut self) -> Result<Cow<'a, str>, ParseError> {
        let start = self.pos;
        self.pos += 1;
        let content_start = self.pos;
        // Fast path: find the closing quote or the first escape with memchr,
        // then check the run for control characters in one branch-free pass.
        let rest = &self.bytes[content_start..];
        let Some(stop) = memchr::memchr2(b'"', b'\\', rest) else {
            if let Some(i) = rest.iter().position(|&c| c < 0x20) {
                self.pos = content_start + i;
                return Err(self.control_char(rest[i]));
            }
            return Err(self.unterminated(start));
        };
        let run = &rest[..stop];
        if run.iter().fold(false, |any, &c| any | (c < 0x20)) {
            let i = run.iter().position(|&c| c < 0x20).unwrap_or(0);
            self.pos = content_start + i;
            return Err(self.control_char(run[i]));
        }
        self.pos = content_start + stop;
        if rest[stop] == b'"' {
            let s = &self.text[content_start..self.pos];
            self.pos += 1;
            return Ok(Cow::Borrowed(s));
        }
        let mut out = String::with_capacity(self.pos - content_start + 16);
        out.push_str(&self.text[content_start..self.pos]);
        loop {
            let run_start = self.pos;
            while let Some(&c) = self.bytes.get(self.pos) {
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run_start..self.pos]);
            match self.bytes.get(self.pos) {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => self.escape(&mut out)?,
                Some(&c) => return Err(self.control_char(c)),
                None => return Err(self.unterminated(start)),
            }
        }
    }

    fn escape(&mut self, out: &mut String) -> Result<(), ParseError> {
        let esc_start = self.pos;
        let Some(&kind) = self.bytes.get(self.pos + 1) else {
            self.pos += 1;
            return Err(self.unexpected("expected-escape-character"));
        };
        self.pos += 2;
        let c = match kind {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hi = self.hex4(esc_start)?;
                if (0xD800..0xDC00).contains(&hi) {
                    if self.bytes.get(self.pos) == Some(&b'\\')
                        && self.bytes.get(self.pos + 1) == Some(&b'u')
                    {
                        self.pos += 2;
                        let lo = self.hex4(esc_start)?;
                        if (0xDC00..0xE000).contains(&lo) {
                            let code = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                            char::from_u32(code).ok_or_else(|| self.lone_surrogate(esc_start))?
                        } else {
                            return Err(self.lone_surrogate(esc_start));
                        }
                    } else {
                        return Err(self.lone_surrogate(esc_start));
                    }
                } else {
                    char::from_u32(hi).ok_or_else(|| self.lone_surrogate(esc_start))?
                }
            }
            _ => {
                let len = 1 + self.char_len_at(esc_start + 1);
                return Err(self.error_quoting(
                    esc_start,
                    len,
                    Msg::new("syntax-invalid-escape").arg(
                        "escape",
                        self.text[esc_start + 1..esc_start + len].to_owned(),
                    ),
                    Msg::new("syntax-invalid-escape-hidden"),
                    Some("help-escapes"),
                ));
            }
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self, esc_start: usize) -> Result<u32, ParseError> {
        let digits = self.bytes.get(self.pos..self.pos + 4);
        let value = digits.and_then(|d| {
            d.iter().try_fold(0u32, |acc, &b| {
                (b as char).to_digit(16).map(|v| acc * 16 + v)
            })
        });
        match value {
            Some(v) => {
                self.pos += 4;
                Ok(v)
            }
            None => {
                let end = (self.pos..self.bytes.len().min(self.pos + 4))
                    .find(|&i| !self.bytes[i].is_ascii_hexdigit())
                    .unwrap_or(self.bytes.len().min(self.pos + 4));
                Err(self.error_at(
                    esc_start,
                    end - esc_start,
                    Msg::new("syntax-short-unicode-escape"),
                    None,
                ))
            }
        }
    }

    fn lone_surrogate(&self, esc_start: usize) -> ParseError {
        self.error_at(
            esc_start,
            self.pos - esc_start,
            Msg::new("syntax-lone-surrogate"),
            Some("help-surrogate-pair"),
        )
    }

    fn control_char(&self, c: u8) -> ParseError {
        let message = match c {
            b'\n' => Msg::new("syntax-line-break-in-string"),
            b'\t' => Msg::new("syntax-tab-in-string"),
            0 => Msg::new("syntax-nul-in-string"),
            c => Msg::new("syntax-control-in-string").arg("code", format!("U+{c:04X}")),
        };
        let help = Some("help-escape-control");
        match c {
            // Named by kind: nothing of the input is quoted.
            b'\n' | b'\t' | 0 => self.error_at(self.pos, 1, message, help),
            _ => self.error_quoting(
                self.pos,
                1,
                message,
                Msg::new("syntax-control-in-string-hidden"),
                help,
            ),
        }
    }

    fn unterminated(&self, start: usize) -> ParseError {
        self.error_at(
            start,
            1,
            Msg::new("syntax-unterminated-string"),
            Some("help-close-string"),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Node<'_> {
        parse(text, 128).unwrap_or_else(|e| panic!("{text:?}: {e:?}"))
    }

    fn err(text: &str) -> (Span, String) {
        match parse(text, 128) {
            Err(ParseError::Syntax { span, message, .. }) => (span, message.to_string()),
            other => panic!("{text:?}: expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn spans_of_values_and_keys() {
        let doc = ok(r#"{"a": [1, "x\n"], "b": null}"#);
        let members = doc.as_object().unwrap();
        assert_eq!(members[0].key_span, Span::new(1, 4));
        assert_eq!(members[0].value.span, Span::new(6, 16));
        let items = members[0].value.as_array().unwrap();
        assert_eq!(items[1].span, Span::new(10, 15));
        assert_eq!(items[1].as_str(), Some("x\n"));
        assert_eq!(members[1].value.value, Value::Null);
    }

    #[test]
    fn numbers_are_kept_as_written() {
        for n in [
            "0",
            "-0",
            "1e400",
            "123456789012345678901234567890",
            "99.50",
            "-1.5E-3",
        ] {
            assert_eq!(ok(n).value, Value::Number(n));
        }
        for bad in ["01", "1.", "-", "1e", ".5", "+1", "NaN", "Infinity"] {
            err(bad);
        }
    }

    #[test]
    fn duplicate_keys_are_kept() {
        let doc = ok(r#"{"a":1,"a":2}"#);
        assert_eq!(doc.as_object().unwrap().len(), 2);
        assert_eq!(doc.get("a").unwrap().value, Value::Number("2"));
    }

    #[test]
    fn escapes_decode_and_surrogates_are_checked() {
        assert_eq!(ok(r#""\ud83d\ude00 \u00e9\/""#).as_str(), Some("😀 é/"));
        assert!(err(r#""\ud800""#).1.contains("surrogate"));
        assert!(err(r#""\udc00x""#).1.contains("surrogate"));
        assert!(err(r#""\x""#).1.contains("invalid escape"));
        assert!(err(r#""\u12""#).1.contains("four hexadecimal"));
    }

    #[test]
    fn syntax_errors_point_at_the_fault() {
        assert_eq!(
            err(r#"{"a":1,}"#).0,
            Span {
                offset: 7,
                length: 1
            }
        );
        assert_eq!(
            err("[1,]").0,
            Span {
                offset: 3,
                length: 1
            }
        );
        assert_eq!(
            err("{\"a\":1} x").0,
            Span {
                offset: 8,
                length: 1
            }
        );
        assert_eq!(
            err("").0,
            Span {
                offset: 0,
                length: 0
            }
        );
        assert_eq!(
            err("  \n").0,
            Span {
                offset: 3,
                length: 0
            }
        );
        assert_eq!(
            err(r#"{"a": "é"#).0,
            Span {
                offset: 6,
                length: 1
            }
        );
        assert_eq!(
            err("{\"a\": \"x\u{1}\"}").0,
            Span {
                offset: 8,
                length: 1
            }
        );
        assert_eq!(
            err("{\"a\" 1}").0,
            Span {
                offset: 5,
                length: 1
            }
        );
        assert_eq!(
            err("{'a': 1}").0,
            Span {
                offset: 1,
                length: 1
            }
        );
        assert_eq!(
            err("tru").0,
            Span {
                offset: 0,
                length: 3
            }
        );
        assert!(err("\u{feff}").1.contains("empty"));
    }

    #[test]
    fn jsonc_comments_and_trailing_commas_only_when_asked() {
        let text = "/* a */ {\"a\" // b\n : [1, 2,], /**/ \"c\": {\"d\": null,},} // e";
        let doc = parse_with_comments(text, 16, true).expect("JSONC");
        let a = doc.get("a").expect("a");
        assert_eq!(a.span, Span::new(21, 28));
        assert_eq!(a.as_array().map(<[_]>::len), Some(2));
        assert_eq!(doc.span, Span::new(8, 54));
        assert!(parse(text, 16).is_err());
        // What stays refused: a lone `/`, a comma with nothing before it,
        // two commas, and an unclosed comment (at its start).
        for bad in ["[1 / 2]", "[,]", "{,}", "[1,,]", "{\"a\": 1,,}"] {
            assert!(parse_with_comments(bad, 16, true).is_err(), "{bad}");
        }
        match parse_with_comments("[1, /* x", 16, true) {
            Err(ParseError::Syntax { span, message, .. }) => {
                assert_eq!(span, Span::new(4, 6));
                assert_eq!(message.to_string(), "this comment is never closed");
            }
            other => panic!("{other:?}"),
        }
        assert!(only_comments(" // a\n/* b */ "));
        assert!(!only_comments("  "));
        assert!(!only_comments("/* a"));
        assert!(!only_comments("/* a */ 1"));
    }

    #[test]
    fn bom_is_skipped() {
        let doc = ok("\u{feff}{\"a\":1}");
        assert_eq!(doc.span, Span::new(3, 10));
    }

    #[test]
    fn depth_limit_is_an_error_not_a_crash() {
        let deep = "[".repeat(1_000_000);
        match parse(&deep, 128) {
            Err(ParseError::TooDeep { span, limit }) => {
                assert_eq!(limit, 128);
                assert_eq!(span.offset, 128);
            }
            other => panic!("{other:?}"),
        }
        let ok_depth = format!("{}{}", "[".repeat(128), "]".repeat(128));
        ok(&ok_depth);
    }
}
