//! Where the secrets are: the spans of every value that must never be shown.
//!
//! A secret is hidden because of **where it sits in the document**, whatever
//! rule fired or failed, whatever kind of document it is, and whether or not
//! the document parsed. This module has one job: given a parsed tree
//! ([`tree`]) or raw bytes that did not parse ([`text`]), return the sorted,
//! non-overlapping byte spans of the *whole values* (a string with its
//! quotes, an object or array with its brackets, a number or literal as its
//! token) that a renderer must mask and a message must not quote.
//!
//! A value is secret when it stands under a **sensitive key** ([`is_sensitive_key`]):
//!
//! - a field the schema marks `sensitive = true` (`param_value`, the custom
//!   attribute `value`), read from `rules/schema.toml`, never hard-coded;
//!   in **any** object, not only where the schema puts it (so a member named
//!   `value` is masked everywhere: deliberate over-masking, since a value
//!   shown by mistake cannot be taken back);
//! - a near-miss of one (`param_valu`, `paramValue`, `PARAM-VALUE`,
//!   `values`), see [`is_sensitive_key`] for the measure and its threshold;
//! - in an object flagged `"sensitive": true` (the parameters of a
//!   CreateScript body: `{"name": "pw", "value": "...", "sensitive": true}`),
//!   every member except those that describe the parameter rather than hold
//!   it ([`DESCRIPTIVE_KEYS`]: its name, description, type, order, ...). An
//!   allow-list, not a list of value-like names: a secret under `default`,
//!   `content` or a key nobody thought of is still hidden.
//!
//! Any type is masked: a number, a boolean, an object, an array, `null`.
//!
//! **Comments** (`//` to the end of the line, `/* */`) are masked whole
//! but for their markers (`// ****`), whatever they say: they are free text, where a password may be written
//! in any words, and a commented-out `"param_value": "..."` is still a
//! secret. In a JSONC document that parsed, [`with_comments`] adds them to
//! the tree's spans; [`text`] finds them itself (an unclosed `/*` hides the
//! rest of the text).

use std::borrow::Cow;
use std::sync::OnceLock;

use crate::load::ast::{Node, Value};
use crate::source::Span;

/// Keys that describe a parameter flagged `"sensitive": true` rather than
/// hold its value: their values stay visible. Every other member of a
/// flagged object is masked.
pub const DESCRIPTIVE_KEYS: &[&str] = &[
    "sensitive",
    "name",
    "param_name",
    "description",
    "param_description",
    "desc",
    "type",
    "param_type",
    "order",
    "param_order",
    "required",
    "id",
    "param_id",
];

/// The deepest nesting whose objects [`text`] tracks for `"sensitive":
/// true` flags (sensitive keys themselves are found at any depth); beyond
/// it, brackets are only counted, so that a file of a million `[` costs no
/// memory.
const TRACKED_DEPTH: usize = 1024;

struct Keys {
    /// Every field name of every model, by length in bytes (comparing a
    /// key with the few names of its length is cheaper than hashing it).
    known: Vec<Vec<&'static str>>,
    /// The names of sensitive fields.
    sensitive: Vec<&'static str>,
    /// Those names normalised (see [`normalise`]).
    normalised: Vec<String>,
}

fn keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| {
        let schema = crate::schema::builtin();
        let mut known: Vec<Vec<&'static str>> = Vec::new();
        for name in schema
            .models
            .iter()
            .flat_map(|m| m.fields.iter().map(|f| f.name.as_str()))
        {
            if known.len() <= name.len() {
                known.resize(name.len() + 1, Vec::new());
            }
            if !known[name.len()].contains(&name) {
                known[name.len()].push(name);
            }
        }
        let sensitive = crate::schema::sensitive_field_names();
        let normalised = sensitive.iter().map(|n| normalise(n)).collect();
        Keys {
            known,
            sensitive,
            normalised,
        }
    })
}

/// Lower-case ASCII, without the separators people vary (`_`, `-`, `.`,
/// space): `Param-Value` and `param_value` both become `paramvalue`.
fn normalise(key: &str) -> String {
    key.chars()
        .filter(|c| !matches!(c, '_' | '-' | '.' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether the value of a member named `key` may be a secret.
///
/// A field of the schema is sensitive exactly when the schema says so (so
/// `param_name`, one letter-group away from `param_value`, is never
/// masked). Any other key is sensitive when, once normalised (lower-case,
/// without `_`, `-`, `.` and spaces),
/// it contains a sensitive name (`paramValue`, `param-value`, `new_value`,
/// `valueOf`) or is within a Damerau-Levenshtein distance (strsim) of one
/// of **1** for names of up to 5 characters and **2** for longer ones
/// (`param_valu`, `parm_value`, `paramvaleu`, `vaule`, `valu`).
///
/// Why edit distance and not the Jaro-Winkler score `unknown-field` uses
/// for suggestions: Jaro-Winkler rewards a shared prefix, so every
/// `param_*` key (`param_type`, `param_desc`) scores above 0.85 against
/// `param_value`; masking those would hide the very values a user needs
/// to see. Why these distances: one or two slips of the keyboard (a letter
/// missing, doubled, swapped or wrong) are what misspellings are; two edits
/// on a 5-letter name like `value` would also take `valid`, `label` or
/// `false`, so short names get one. Over-masking an unrelated key costs a
/// hidden value in a snippet; under-masking a secret costs a leak.
pub fn is_sensitive_key(key: &str) -> bool {
    let keys = keys();
    if keys
        .known
        .get(key.len())
        .is_some_and(|names| names.contains(&key))
    {
        return keys.sensitive.contains(&key);
    }
    // Keys outside the schema repeat file after file (custom attribute
    // keys, a team's own fields): each thread remembers its answers.
    use std::cell::RefCell;
    use std::collections::HashMap;
    /// The most keys remembered per thread.
    const MEMORY: usize = 4096;
    thread_local! {
        static SEEN: RefCell<HashMap<Box<str>, bool>> = RefCell::new(HashMap::new());
    }
    if let Some(known) = SEEN.with(|seen| seen.borrow().get(key).copied()) {
        return known;
    }
    let sensitive = is_near_a_sensitive_key(keys, key);
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        if seen.len() >= MEMORY {
            seen.clear();
        }
        seen.insert(Box::from(key), sensitive);
    });
    sensitive
}

/// The slow half of [`is_sensitive_key`]: a key outside the schema compared
/// with every sensitive name.
fn is_near_a_sensitive_key(keys: &Keys, key: &str) -> bool {
    // Normalised on the stack when short and ASCII (the usual key).
    let mut buf = [0u8; 64];
    let key: Cow<'_, str> = if key.len() <= buf.len() && key.is_ascii() {
        let mut n = 0;
        for b in key
            .bytes()
            .filter(|b| !matches!(b, b'_' | b'-' | b'.' | b' '))
        {
            buf[n] = b.to_ascii_lowercase();
            n += 1;
        }
        Cow::Borrowed(std::str::from_utf8(&buf[..n]).unwrap_or_default())
    } else {
        Cow::Owned(normalise(key))
    };
    let length = key.chars().count();
    keys.normalised.iter().any(|name| {
        // Names are ASCII: bytes are characters.
        let allowed = if name.len() <= 5 { 1 } else { 2 };
        key.contains(name.as_str())
            || (length.abs_diff(name.len()) <= allowed
                && strsim::damerau_levenshtein(&key, name) <= allowed)
    })
}

fn is_descriptive(key: &str) -> bool {
    DESCRIPTIVE_KEYS.contains(&key)
}

/// Whether a `"sensitive"` member's value flags its object.
fn flags(value: &Node<'_>) -> bool {
    match &value.value {
        Value::Bool(b) => *b,
        Value::String(s) => s.eq_ignore_ascii_case("true"),
        _ => false,
    }
}

/// The spans of every secret value of a parsed document: sorted and
/// non-overlapping. The whole tree is walked (not the model walk of the
/// rules), without recursion.
pub fn tree(root: &Node<'_>) -> Vec<Span> {
    let mut found = Vec::new();
    let mut stack: Vec<&Node<'_>> = vec![root];
    while let Some(node) = stack.pop() {
        match &node.value {
            Value::Object(members) => {
                let flagged = members
                    .iter()
                    .any(|m| m.key == "sensitive" && flags(&m.value));
                for m in members {
                    if is_sensitive_key(&m.key) || (flagged && !is_descriptive(&m.key)) {
                        // `null` and `""` hold nothing to hide; shown as
                        // written, they let the user see why a value is
                        // reported missing.
                        if !is_empty(&m.value) {
                            found.push(m.value.span);
                        }
                    } else if matches!(m.value.value, Value::Object(_) | Value::Array(_)) {
                        stack.push(&m.value);
                    }
                }
            }
            Value::Array(items) => {
                stack.extend(
                    items
                        .iter()
                        .filter(|i| matches!(i.value, Value::Object(_) | Value::Array(_))),
                );
            }
            _ => {}
        }
    }
    // Masked values are never entered, so no two spans overlap.
    found.sort_unstable_by_key(|s| s.offset);
    found
}

/// `null` or the empty string.
fn is_empty(node: &Node<'_>) -> bool {
    match &node.value {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        _ => false,
    }
}

/// Whether `span` starts inside a secret of `secrets` (sorted,
/// non-overlapping): the value there is a secret or part of one (or a
/// fault that runs on from one). A span
/// that merely contains a secret (an object holding a `param_value`) is
/// not: what is said of it (`an object`) quotes nothing.
pub fn inside(secrets: &[Span], span: Span) -> bool {
    let i = secrets.partition_point(|s| s.offset <= span.offset);
    i > 0 && span.offset < secrets[i - 1].end()
}

// ---------------------------------------------------------------------------
// Text that did not parse: a tokenizer.

/// One token of [`Lexer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    /// A string in double quotes (an unterminated one ends at the end of
    /// its line), or in single quotes closed on the same line.
    Str { start: usize, end: usize },
    /// A run of bytes that are not whitespace or punctuation: a number, a
    /// literal, a bare word, garbage.
    Word { start: usize, end: usize },
    /// `{` or `[`.
    Open { at: usize, object: bool },
    /// `}` or `]`.
    Close { at: usize },
    /// `:`, or a `=` written instead.
    Colon,
    /// `,`.
    Comma,
}

/// A JSON tokenizer that never fails: it knows strings with their escapes,
/// words, punctuation and whitespace, and resynchronises on anything else
/// (an unterminated string ends at its line's end; a stray byte is a word).
struct Lexer<'a> {
    b: &'a [u8],
    pos: usize,
    /// The comments skipped so far (an unclosed `/*` to the end).
    comments: Vec<Span>,
}

fn is_stop(b: u8) -> bool {
    matches!(
        b,
        b' ' | b'\t'
            | b'\r'
            | b'\n'
            | b'{'
            | b'}'
            | b'['
            | b']'
            | b':'
            | b'='
            | b','
            | b'"'
            | b'\''
    )
}

impl Lexer<'_> {
    fn next(&mut self) -> Option<Tok> {
        let b = self.b;
        loop {
            while b
                .get(self.pos)
                .is_some_and(|c| matches!(c, b' ' | b'\t' | b'\r' | b'\n'))
            {
                self.pos += 1;
            }
            let Some(len) = comment_len(&b[self.pos.min(b.len())..]) else {
                break;
            };
            let end = self.pos + len;
            let block = b[self.pos + 1] == b'*';
            let closed = !block || (len >= 4 && b[..end].ends_with(b"*/"));
            // What is masked: the text between the markers, which stay
            // visible (a reader sees a comment, and a fault at its `/` is
            // named).
            let text = Span::new(self.pos + 2, if block && closed { end - 2 } else { end });
            // A comment seen again by `peek` is recorded once.
            if text.length > 0 && self.comments.last().is_none_or(|c| c.offset < text.offset) {
                self.comments.push(text);
            }
            // After an unclosed `/*`, the tokens are still read: they are
            // masked with it, and keys past it still count.
            self.pos = if closed { end } else { self.pos + 2 };
        }
        let start = self.pos;
        let c = *b.get(start)?;
        self.pos += 1;
        Some(match c {
            b'{' | b'[' => Tok::Open {
                at: start,
                object: c == b'{',
            },
            b'}' | b']' => Tok::Close { at: start },
            b':' | b'=' => Tok::Colon,
            b',' => Tok::Comma,
            b'"' => {
                let end = string_end(b, start + 1, c);
                self.pos = end;
                Tok::Str { start, end }
            }
            // A single-quoted string (not JSON, but a common slip) only when
            // it closes on its line: a stray `'` must not swallow the rest.
            b'\'' => {
                let end = string_end(b, start + 1, c);
                if end > start + 1 && b[end - 1] == b'\'' {
                    self.pos = end;
                    Tok::Str { start, end }
                } else {
                    Tok::Word {
                        start,
                        end: start + 1,
                    }
                }
            }
            _ => {
                while b
                    .get(self.pos)
                    .is_some_and(|&c| !is_stop(c) && comment_len(&b[self.pos..]).is_none())
                {
                    self.pos += 1;
                }
                Tok::Word {
                    start,
                    end: self.pos,
                }
            }
        })
    }

    /// The next token, without consuming it.
    fn peek(&mut self) -> Option<Tok> {
        let save = self.pos;
        let tok = self.next();
        self.pos = save;
        tok
    }

    /// A bare value that starts with the word ending at `end`: the words that
    /// follow on the same line are part of it (`hunter 2`), up to
    /// punctuation, a quote, a comment or the line's end.
    fn bare_value_end(&mut self, mut end: usize) -> usize {
        let b = self.b;
        loop {
            let mut i = end;
            while b.get(i).is_some_and(|c| matches!(c, b' ' | b'\t')) {
                i += 1;
            }
            if b.get(i).is_none_or(|&c| is_stop(c)) || comment_len(&b[i..]).is_some() {
                return end;
            }
            while b
                .get(i)
                .is_some_and(|&c| !is_stop(c) && comment_len(&b[i..]).is_none())
            {
                i += 1;
            }
            end = i;
            self.pos = i;
        }
    }
}

/// Where a string whose content starts at `from` ends (after its closing
/// quote `quote`), or the end of its line (before the `\n`) when it is never
/// closed.
fn string_end(b: &[u8], from: usize, quote: u8) -> usize {
    let mut i = from;
    loop {
        match memchr::memchr3(quote, b'\\', b'\n', &b[i.min(b.len())..]) {
            None => return b.len(),
            Some(k) => {
                let at = i + k;
                match b[at] {
                    b'\\' => i = at + 2,
                    b'\n' => return at,
                    _ => return at + 1,
                }
            }
        }
    }
}

/// The text of a string token (quotes stripped, common escapes decoded;
/// anything malformed is kept as written).
fn key_text(b: &[u8], start: usize, end: usize) -> Cow<'_, str> {
    let quote = b[start];
    let inner_end = if end > start + 1 && b[end - 1] == quote {
        end - 1
    } else {
        end
    };
    let raw = &b[(start + 1).min(inner_end)..inner_end];
    if !raw.contains(&b'\\') {
        return String::from_utf8_lossy(raw);
    }
    let mut out = String::new();
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'\\' && i + 1 < raw.len() {
            let decoded = match raw[i + 1] {
                b'u' => raw
                    .get(i + 2..i + 6)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32)
                    .map(|c| (c, 6)),
                b'n' => Some(('\n', 2)),
                b't' => Some(('\t', 2)),
                b'r' => Some(('\r', 2)),
                b'b' => Some(('\u{8}', 2)),
                b'f' => Some(('\u{c}', 2)),
                c @ (b'"' | b'\\' | b'/' | b'\'') => Some((char::from(c), 2)),
                _ => None,
            };
            if let Some((c, len)) = decoded {
                out.push(c);
                i += len;
                continue;
            }
        }
        let len = match raw[i] {
            0x00..=0x7F => 1,
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        }
        .min(raw.len() - i);
        out.push_str(&String::from_utf8_lossy(&raw[i..i + len]));
        i += len;
    }
    Cow::Owned(out)
}

/// An open bracket the tokenizer tracks.
struct Frame {
    /// Where it opens.
    start: usize,
    /// `{`, not `[`.
    object: bool,
    /// The object has `"sensitive": true`.
    flagged: bool,
    /// Spans of the object's non-descriptive member values, masked if it
    /// turns out to be flagged (the flag may come after them).
    pending: Vec<Span>,
    /// It is the value of a non-descriptive member of the enclosing object:
    /// its own span goes to that object's `pending` when it closes.
    member: bool,
}

/// The spans of every secret value of a text that did not parse (a syntax
/// error, nesting too deep, or bytes that are not UTF-8): sorted and
/// non-overlapping. A tokenizer finds every `"<sensitive key>":` (or a
/// sensitive key that lost its quotes or colon) and masks the value after
/// it: a string (an unterminated one to the
/// end of its line and on), a bare word or number, a bracketed value up to
/// its matching bracket (to the end of the text when there is none).
/// Objects flagged `"sensitive": true` are tracked as
/// in [`tree`], and the text of every comment is masked. Linear time, no recursion, memory bounded by
/// 1024 tracked brackets and the spans found.
pub fn text(bytes: &[u8]) -> Vec<Span> {
    let mut lex = Lexer {
        b: bytes,
        pos: 0,
        comments: Vec::new(),
    };
    let mut found: Vec<Span> = Vec::new();
    let mut frames: Vec<Frame> = Vec::new();
    // Brackets opened beyond TRACKED_DEPTH, only counted.
    let mut untracked = 0usize;
    // The next `{`/`[` is the value of a non-descriptive member.
    let mut next_is_member = false;
    while let Some(tok) = lex.next() {
        let member = std::mem::take(&mut next_is_member);
        match tok {
            Tok::Open { at, object } => {
                if frames.len() < TRACKED_DEPTH && untracked == 0 {
                    frames.push(Frame {
                        start: at,
                        object,
                        flagged: false,
                        pending: Vec::new(),
                        member,
                    });
                } else {
                    untracked += 1;
                }
            }
            Tok::Close { at } => {
                if untracked > 0 {
                    untracked -= 1;
                } else if let Some(frame) = frames.pop() {
                    close(frame, at + 1, &mut frames, &mut found);
                }
            }
            Tok::Str { start, end } => {
                let key = key_text(bytes, start, end);
                let sensitive = is_sensitive_text(&key);
                if sensitive {
                    // Its `:` may be missing or overwritten: see
                    // `after_sensitive_key`.
                    if let Some(span) = after_sensitive_key(&mut lex) {
                        found.push(span);
                    }
                    continue;
                }
                if lex.peek() != Some(Tok::Colon) {
                    continue;
                }
                lex.next();
                let in_object = frames.last().is_some_and(|f| f.object) && untracked == 0;
                if key == "sensitive" {
                    let flag = match lex.peek() {
                        Some(Tok::Word { start, end }) => &bytes[start..end] == b"true",
                        Some(Tok::Str { start, end }) => {
                            key_text(bytes, start, end).eq_ignore_ascii_case("true")
                        }
                        _ => false,
                    };
                    if let (true, Some(frame)) = (flag && in_object, frames.last_mut()) {
                        frame.flagged = true;
                    }
                } else if in_object && !is_descriptive(&key) {
                    match lex.peek() {
                        Some(Tok::Open { .. }) => next_is_member = true,
                        Some(Tok::Str { start, end }) => {
                            lex.next();
                            pend(&mut frames, Span::new(start, end));
                        }
                        Some(Tok::Word { start, end }) => {
                            lex.next();
                            let end = lex.bare_value_end(end);
                            pend(&mut frames, Span::new(start, end));
                        }
                        _ => {}
                    }
                }
            }
            Tok::Word { start, end } => {
                // A bare word where a key should be (a flipped or lost
                // quote): a sensitive one still hides what follows.
                let word = String::from_utf8_lossy(&bytes[start..end]);
                if is_sensitive_text(&word) {
                    if let Some(span) = after_sensitive_key(&mut lex) {
                        found.push(span);
                    }
                }
            }
            Tok::Colon | Tok::Comma => {}
        }
    }
    while let Some(frame) = frames.pop() {
        close(frame, bytes.len(), &mut frames, &mut found);
    }
    found.append(&mut lex.comments);
    merge(found)
}

/// The length of the comment `b` starts with: `//` to the end of the line
/// (without the `\r\n` or `\n`), `/* */` with its `*/`, an unclosed `/*` to the end.
fn comment_len(b: &[u8]) -> Option<usize> {
    match b {
        [b'/', b'/', rest @ ..] => {
            let line = memchr::memchr(b'\n', rest).map_or(rest, |i| &rest[..i]);
            // The `\r` of a CRLF line ending is no part of it.
            Some(2 + line.strip_suffix(b"\r").map_or(line.len(), <[u8]>::len))
        }
        [b'/', b'*', rest @ ..] => {
            Some(memchr::memmem::find(rest, b"*/").map_or(b.len(), |i| i + 4))
        }
        _ => None,
    }
}

/// `secrets` (of a JSONC document that parsed, from [`tree`]) with every
/// comment of `bytes` added: a comment is free text and is masked whole.
pub fn with_comments(secrets: Vec<Span>, bytes: &[u8]) -> Vec<Span> {
    let mut lex = Lexer {
        b: bytes,
        pos: 0,
        comments: Vec::new(),
    };
    while lex.next().is_some() {}
    if lex.comments.is_empty() {
        return secrets;
    }
    let mut all = secrets;
    all.append(&mut lex.comments);
    merge(all)
}

/// Whether a key of a text that did not parse is sensitive: the key, or
/// the name it starts with when a lost quote ran it into what follows
/// (`"param_value\0: [` is the key `param_value` whose closing quote was
/// overwritten).
fn is_sensitive_text(key: &str) -> bool {
    if is_sensitive_key(key) {
        return true;
    }
    let name_end = key
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' ')))
        .unwrap_or(key.len());
    name_end > 0 && name_end < key.len() && is_sensitive_key(&key[..name_end])
}

/// `secrets` of a text that did not parse (from [`text`]), with everything
/// from the syntax fault at `fault` to the end of its line added.
///
/// Up to the fault the text is a valid prefix of JSON, so the tokenizer
/// reads it exactly; from the fault on, its reading is a guess (a quote
/// overwritten inside a key, `"p"ram_value": ...`, turns the key into
/// debris). JSON strings cannot span lines, so the tokenizer is back in
/// step at the next line (after the next one when the fault is a line break
/// inside a string); the guess is confined to the rest of the fault's line,
/// and that is hidden whole. The diagnostic still points at the
/// fault; only what follows it on the line is masked.
pub fn with_rest_of_line(secrets: Vec<Span>, bytes: &[u8], fault: usize) -> Vec<Span> {
    let from = fault.min(bytes.len());
    // A line break inside a string (the fault is the break itself) leaves
    // the string's end on the next line: the tokenizer is in step again
    // only after it.
    let search = if bytes.get(from) == Some(&b'\n') {
        from + 1
    } else {
        from
    };
    let end = memchr::memchr(b'\n', &bytes[search..]).map_or(bytes.len(), |i| search + i);
    // Keep the `\r` of a CRLF line ending out of the mask.
    let end = if end > from && bytes[end - 1] == b'\r' && end < bytes.len() {
        end - 1
    } else {
        end
    };
    if end <= from {
        return secrets;
    }
    // Only a line that could hold a sensitive key, even a broken one, is
    // hidden: a fault on `"timeout": 0300,` must stay visible, or the user
    // cannot see what to fix.
    let start = memchr::memrchr(b'\n', &bytes[..from]).map_or(0, |i| i + 1);
    if !could_hold_secret(&bytes[start..end]) {
        return secrets;
    }
    let mut all = secrets;
    all.push(Span::new(from, end));
    merge(all)
}

/// Whether a line of a broken document could hold a sensitive key, even
/// one whose quotes or letters the fault damaged: with its letters folded
/// to lower case and everything else dropped, it contains `val` (every
/// sensitive key and most of their near-misses), or `value`, `sensitive` or
/// `param` with at most one letter changed, dropped, added or swapped (a
/// fault is one damaged byte more often than not: `"v"lue"`, `"va?ue"`,
/// and a key so damaged that only its start is left still has `param`).
/// Hiding one line too many is the safe mistake; hiding every faulty line
/// would hide the fault.
fn could_hold_secret(line: &[u8]) -> bool {
    let folded: Vec<u8> = line
        .iter()
        .filter(|b| b.is_ascii_alphanumeric())
        .map(u8::to_ascii_lowercase)
        .collect();
    if folded.windows(3).any(|w| w == b"val") {
        return true;
    }
    [&b"value"[..], b"sensitive", b"param"].iter().any(|word| {
        (0..folded.len()).any(|i| {
            (word.len() - 1..=word.len() + 1)
                .filter_map(|n| folded.get(i..i + n))
                .any(|window| within_one_edit(window, word))
        })
    })
}

/// Whether `a` is `b` with at most one byte changed, dropped, added, or two
/// neighbours swapped (Damerau-Levenshtein distance at most 1), without
/// allocating: the check runs at every position of a faulty line.
fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => {
            let mut differ = (0..a.len()).filter(|&i| a[i] != b[i]);
            match (differ.next(), differ.next(), differ.next()) {
                (None, ..) | (Some(_), None, _) => true,
                (Some(i), Some(j), None) => j == i + 1 && a[i] == b[j] && a[j] == b[i],
                _ => false,
            }
        }
        1 => {
            let first = (0..short.len())
                .find(|&i| short[i] != long[i])
                .unwrap_or(short.len());
            short[first..] == long[first + 1..]
        }
        _ => false,
    }
}

/// The span of the value after a sensitive key of a text that did not
/// parse, consumed. The `:` may be missing (`"param_value" "s"`) or
/// overwritten by another punctuation mark or joined by one
/// (`"param_value"} {"k": "s"}`, `"param_value":} {"k": "s"}`,
/// `"param_value", "s"`): up to two of `:`, `}`, `]` and `,` right after
/// the key are skipped when a value follows them. In a document that parsed that
/// would be wrong (`["param_value", "x"]`); in one that did not, hiding a
/// value too many is the safe mistake.
fn after_sensitive_key(lex: &mut Lexer<'_>) -> Option<Span> {
    let save = lex.pos;
    // The colon and one mark in its place or beside it.
    for _ in 0..2 {
        match lex.peek() {
            Some(Tok::Colon | Tok::Close { .. } | Tok::Comma) => {
                lex.next();
            }
            _ => break,
        }
    }
    if !matches!(
        lex.peek(),
        Some(Tok::Str { .. } | Tok::Word { .. } | Tok::Open { .. })
    ) {
        lex.pos = save;
        return None;
    }
    value_span(lex)
}

/// The span of the value that starts at the lexer's position (after a
/// sensitive key and its colon), consumed whole; `None` when there is none
/// (`,`, a close bracket or the end of the text comes first).
///
/// The value runs over every token up to the next `,` or unmatched close
/// bracket outside brackets it opened, or to the end of the text: a string
/// (an unterminated one runs to the end of its line, and whatever follows is
/// part of the value too), a bare word or number with the words after it
/// (`hunter 2`), a bracketed value with its matching bracket. In a broken
/// document where the value is not where JSON would put it (a missing
/// colon, a stray quote, a truncated string), this takes in the debris up
/// to the next member rather than guessing: over-masking a broken line
/// costs a hidden snippet; guessing short leaks.
fn value_span(lex: &mut Lexer<'_>) -> Option<Span> {
    let mut start = None;
    let mut end = 0;
    let mut depth = 0usize;
    while let Some(tok) = lex.peek() {
        let (from, to) = match tok {
            Tok::Comma if depth == 0 => break,
            Tok::Close { .. } if depth == 0 => break,
            Tok::Close { at } => {
                depth -= 1;
                (at, at + 1)
            }
            Tok::Open { at, .. } => {
                depth += 1;
                (at, at + 1)
            }
            Tok::Str { start, end } | Tok::Word { start, end } => (start, end),
            Tok::Colon | Tok::Comma => {
                lex.next();
                continue;
            }
        };
        lex.next();
        start.get_or_insert(from);
        end = to;
    }
    if depth > 0 {
        end = lex.b.len();
    }
    start.map(|s| Span::new(s, end))
}

fn pend(frames: &mut [Frame], span: Span) {
    if let Some(frame) = frames.last_mut() {
        frame.pending.push(span);
    }
}

/// A tracked bracket closes at `end` (exclusive): a flagged object's
/// pending values become secrets, and a member value's span goes to its
/// object.
fn close(frame: Frame, end: usize, frames: &mut [Frame], found: &mut Vec<Span>) {
    if frame.flagged {
        found.extend(frame.pending);
    }
    if frame.member {
        pend(frames, Span::new(frame.start, end));
    }
}

/// Sorted, with overlapping or nested spans merged.
fn merge(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort_unstable_by_key(|s| (s.offset, std::cmp::Reverse(s.length)));
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.offset < last.end() => {
                let end = last.end().max(s.end());
                last.length = end - last.offset;
            }
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_with_a_key_damaged_by_one_byte_could_hold_a_secret() {
        for line in [
            &b"{\"v\"lue\": \"s3cr3t\"}"[..],
            b"\"va?ue\": 1",
            b"\"vaule\": 1",
            b"\"parm_x\": 1",
            b"\"sensitve\": true",
            b"\"param_value\": \"x\"",
        ] {
            assert!(could_hold_secret(line), "{}", String::from_utf8_lossy(line));
        }
        for line in [
            &b"{\"timeout\": 30, \"execute_user\": \"root\"}"[..],
            b"\"name\": 1",
        ] {
            assert!(
                !could_hold_secret(line),
                "{}",
                String::from_utf8_lossy(line)
            );
        }
        assert!(within_one_edit(b"vlue", b"value"));
        assert!(within_one_edit(b"vaule", b"value"));
        assert!(!within_one_edit(b"vue", b"value"));
        assert!(!within_one_edit(b"venue", b"value"));
    }

    fn shown(text: &str, spans: &[Span]) -> Vec<String> {
        spans
            .iter()
            .map(|s| text[s.offset..s.end()].to_owned())
            .collect()
    }

    fn of_text(text: &str) -> Vec<String> {
        shown(text, &super::text(text.as_bytes()))
    }

    fn of_tree(text: &str) -> Vec<String> {
        let root = crate::load::parse(text, 128).expect("valid JSON");
        shown(text, &tree(&root))
    }

    #[test]
    fn comments_are_masked_but_for_their_markers() {
        // In text that did not parse: the value after a comment is still
        // found, and so are the comments.
        let text =
            "{\"param_value\": /* old: hunter2 */ \"s3cr3t\", // pw\r\n\"a\": 1 /**/ /* open";
        assert_eq!(
            of_text(text),
            [" old: hunter2 ", "\"s3cr3t\"", " pw", " open"]
        );
        // A `//` inside a string is no comment; after a word it starts one
        // (JSONC allows `1// note`), and hiding too much is the safe mistake.
        assert_eq!(
            of_text(r#"{"param_value": "http://x", "u": a//b}"#),
            ["\"http://x\"", "b}"]
        );
        // A JSONC document that parsed: the tree's secrets and the comments.
        let text = "{\"a\": 1, // a note\n\"value\": \"x\" /* n */}";
        let root = crate::load::parser::parse_with_comments(text, 8, true).expect("JSONC");
        assert_eq!(
            shown(text, &with_comments(tree(&root), text.as_bytes())),
            [" a note", "\"x\"", " n "]
        );
    }

    #[test]
    fn sensitive_keys_come_from_the_schema_and_their_near_misses() {
        for key in [
            "param_value",
            "value",
            "param_valu",
            "paramValue",
            "param-value",
            "PARAM_VALUE",
            "parm_value",
            "paramvaleu",
            "vaule",
            "valu",
            "Value",
            "values",
            "default_value",
        ] {
            assert!(is_sensitive_key(key), "{key}");
        }
        for key in [
            "param_name",
            "param_type",
            "param_desc",
            "param_refer",
            "key",
            "valid",
            "label",
            "false",
            "timeout",
            "script_params",
            "",
        ] {
            assert!(!is_sensitive_key(key), "{key}");
        }
    }

    #[test]
    fn no_other_schema_field_is_a_near_miss() {
        // A misspelled ordinary field is not masked: every non-sensitive
        // field of the schema stays out of reach of the threshold even
        // with one more typo.
        for name in crate::schema::builtin()
            .models
            .iter()
            .flat_map(|m| &m.fields)
            .filter(|f| !f.sensitive)
        {
            let typo = format!("{}x", name.name);
            assert!(!is_sensitive_key(&typo), "{typo}");
        }
    }

    #[test]
    fn the_tree_masks_every_type_under_a_sensitive_key_anywhere() {
        let text = r#"{"a": {"param_value": 987654321}, "b": [{"value": {"x": [1]}}, {"param_valu": ["s"]}], "c": {"paramValue": true, "k": "shown"}, "d": null}"#;
        assert_eq!(
            of_tree(text),
            [r#"987654321"#, r#"{"x": [1]}"#, r#"["s"]"#, "true"]
        );
    }

    #[test]
    fn flagged_objects_hide_all_but_descriptive_members() {
        let text = r#"{"parameters": [{"name": "pw", "default": "s3cr3t", "description": "d", "sensitive": true}, {"name": "n", "default": "open"}]}"#;
        assert_eq!(of_tree(text), [r#""s3cr3t""#]);
        assert_eq!(of_text(text), [r#""s3cr3t""#]);
        // The flag may come first, the value may be an object.
        let text = r#"{"sensitive": true, "content": {"a": 1}, "name": "x"}"#;
        assert_eq!(of_tree(text), [r#"{"a": 1}"#]);
        assert_eq!(of_text(text), [r#"{"a": 1}"#]);
    }

    #[test]
    fn the_tokenizer_survives_faults() {
        // Several secrets on one line after a syntax error.
        let t = r#"{"x": 1 2, "param_value": "a\"b", "param_value": "c", "value": 12 }"#;
        assert_eq!(of_text(t), [r#""a\"b""#, r#""c""#, "12"]);
        // Unterminated string: to the end of the line.
        let t = "{\"param_value\": \"abc\n, \"value\": x}";
        assert_eq!(of_text(t), ["\"abc", "x"]);
        // Bare words, and words after them on the line.
        assert_eq!(
            of_text(r#"{"param_value": hunter 2, "k": 1}"#),
            ["hunter 2"]
        );
        // Unbalanced brackets run to the end.
        assert_eq!(of_text(r#"{"value": [1, {"#), [r#"[1, {"#]);
        assert_eq!(of_text(r#"{"value": [1, "]"], "k": 2}"#), [r#"[1, "]"]"#]);
        // Missing colon, single quotes, `=`.
        assert_eq!(of_text(r#"{"param_value" "s"}"#), [r#""s""#]);
        assert_eq!(of_text("{'param_value': 'hunter2'}"), ["'hunter2'"]);
        assert_eq!(of_text(r#"{"param_value" = s}"#), ["s"]);
        // Escaped keys.
        assert_eq!(of_text(r#"{"param\u005fvalue": "s"}"#), [r#""s""#]);
        // A sensitive word that is a value, not a key.
        assert!(of_text(r#"{"k": "value", "j": "param_value"} x"#).is_empty());
        // A colon overwritten.
        assert_eq!(
            of_text(r#"{"param_value"} {"k": "s"}, "y": 1}"#),
            [r#"{"k": "s"}"#]
        );
        // Deep nesting, no recursion.
        let deep = format!("{}{{\"value\": \"s\"", "[".repeat(100_000));
        assert_eq!(of_text(&deep), ["\"s\""]);
    }

    #[test]
    fn inside_finds_spans_within_secrets() {
        let secrets = [Span::new(5, 10), Span::new(20, 25)];
        assert!(inside(&secrets, Span::new(5, 6)));
        assert!(inside(&secrets, Span::new(5, 10)));
        assert!(!inside(&secrets, Span::new(0, 6)));
        assert!(inside(&secrets, Span::new(9, 9)));
        assert!(!inside(&secrets, Span::new(10, 10)));
        assert!(!inside(&secrets, Span::new(10, 20)));
        assert!(!inside(&secrets, Span::new(4, 30)));
        assert!(inside(&secrets, Span::new(21, 25)));
        assert!(inside(&secrets, Span::new(24, 26)));
    }
}
