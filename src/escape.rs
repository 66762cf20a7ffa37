//! The one function that makes input text safe to show: every piece of a
//! document, a key, a value or a path that reaches a message, a snippet or a
//! report goes through [`escape`], so a crafted file cannot repaint, rewrite
//! or hide lines of a terminal or a CI log.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` must not reach a terminal as itself: C0 and C1 controls,
/// DEL, and the invisible characters that reorder or hide text (bidi
/// embeddings, overrides and isolates, zero-width characters, the line and
/// paragraph separators, the byte order mark), and the noncharacters
/// U+FFFE and U+FFFF, which XML 1.0 forbids even escaped (the JUnit report
/// would not parse).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200B}'..='\u{200F}'
                | '\u{2028}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{FFFE}'
                | '\u{FFFF}'
        )
}

/// `text` with every unsafe character ([`is_unsafe`]) written as a Rust-style
/// escape (`\u{1b}`; `\t`, `\n` and `\r` as themselves escaped), and a
/// backslash doubled only where it would otherwise make a written escape
/// ambiguous. Borrows when there is nothing to escape (the usual case).
///
/// ```
/// use coc_lint::escape::escape;
/// assert_eq!(escape("timeout"), "timeout");
/// assert_eq!(escape("x\u{1b}[31mRED"), "x\\u{1b}[31mRED");
/// assert_eq!(escape("a\tb\r\n"), "a\\tb\\r\\n");
/// assert_eq!(escape("\u{202e}evil"), "\\u{202e}evil");
/// ```
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nothing_unsafe_survives() {
        for c in (0u32..0x110000).filter_map(char::from_u32) {
            let shown = escape(&c.to_string()).into_owned();
            assert!(!shown.chars().any(is_unsafe), "{c:?} -> {shown:?}");
        }
    }

    #[test]
    fn safe_text_is_borrowed() {
        assert!(matches!(escape("张三 param_value é"), Cow::Borrowed(_)));
    }
}
