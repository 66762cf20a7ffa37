//! Loading: bytes to text to a spanned JSON document.
//!
//! The first step of the one-way flow *source → document → diagnostics →
//! report*. Faults found here (not UTF-8, not JSON, nested too deep) are
//! diagnostics like any other, reported by the rules `invalid-encoding`,
//! `json-syntax-error` and `nesting-too-deep`.

pub mod ast;
pub mod parser;

pub use parser::{parse, ParseError};

use crate::source::Span;

/// Why bytes are not UTF-8 text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodingError {
    /// The first offending bytes.
    pub span: Span,
    /// What is wrong.
    pub message: String,
}

fn no_bom(name: &str) -> EncodingError {
    EncodingError {
        span: Span {
            offset: 0,
            length: 2,
        },
        message: format!("the file looks like {name} text without a byte order mark, not UTF-8"),
    }
}

/// The bytes of a file as UTF-8 text. A UTF-8 byte order mark is kept (the
/// parser skips it, so offsets stay those of the file); UTF-16 and UTF-32
/// byte order marks and invalid UTF-8 are errors with the offset of the first
/// bad byte.
pub fn decode(bytes: &[u8]) -> Result<&str, EncodingError> {
    let bom = |len: usize, name: &str| EncodingError {
        span: Span {
            offset: 0,
            length: len,
        },
        message: format!("the file is {name} (it starts with a {name} byte order mark), not UTF-8"),
    };
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        return Err(bom(4, "UTF-32LE"));
    }
    if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Err(bom(4, "UTF-32BE"));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Err(bom(2, "UTF-16LE"));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(bom(2, "UTF-16BE"));
    }
    // Without a byte order mark, UTF-16 text shows as NUL bytes beside
    // ASCII ones; valid JSON never starts that way.
    match bytes {
        [a, 0, c, 0, ..] if *a != 0 && *c != 0 && a.is_ascii() && c.is_ascii() => {
            return Err(no_bom("UTF-16LE"))
        }
        [0, b, 0, d, ..] if *b != 0 && *d != 0 && b.is_ascii() && d.is_ascii() => {
            return Err(no_bom("UTF-16BE"))
        }
        _ => {}
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let length = e.error_len().unwrap_or(bytes.len() - offset);
        let shown: Vec<String> = bytes[offset..offset + length]
            .iter()
            .map(|b| format!("{b:#04X}"))
            .collect();
        EncodingError {
            span: Span { offset, length },
            message: format!(
                "invalid UTF-8 at byte {offset}: {} {} not a valid character",
                shown.join(" "),
                if length == 1 { "is" } else { "are" }
            ),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_accepted_and_others_are_named() {
        assert_eq!(decode(b"\xEF\xBB\xBF{}").unwrap(), "\u{feff}{}");
        assert!(decode(b"\xFF\xFE{\0")
            .unwrap_err()
            .message
            .contains("UTF-16LE"));
        assert!(decode(b"\xFE\xFF\0{")
            .unwrap_err()
            .message
            .contains("UTF-16BE"));
    }

    #[test]
    fn invalid_utf8_gives_the_offset() {
        let e = decode(b"{\"a\": \"\xC3\x28\"}").unwrap_err();
        assert_eq!(
            e.span,
            Span {
                offset: 7,
                length: 1
            }
        );
        assert!(e.message.contains("byte 7"), "{}", e.message);
        let e = decode(b"ab\xE2\x82").unwrap_err();
        assert_eq!(
            e.span,
            Span {
                offset: 2,
                length: 2
            }
        );
    }
}
