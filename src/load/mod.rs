//! Loading: bytes to text to a spanned JSON document.
//!
//! The first step of the one-way flow *source → document → diagnostics →
//! report*. Faults found here (not UTF-8, not JSON, nested too deep) are
//! diagnostics like any other, reported by the rules `invalid-encoding`,
//! `json-syntax-error` and `nesting-too-deep`.

pub mod ast;
pub mod parser;

pub use parser::{parse, ParseError};

use crate::i18n::{tr, Lang};
use crate::source::Span;

/// Why bytes are not UTF-8 text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodingError {
    /// The first offending bytes.
    pub span: Span,
    /// What is wrong.
    pub fault: EncodingFault,
}

/// What is wrong with the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EncodingFault {
    /// A byte order mark of another encoding (`UTF-16LE`, ...).
    ForeignBom(&'static str),
    /// No byte order mark, but the NUL bytes of UTF-16 text.
    Utf16WithoutBom(&'static str),
    /// Bytes that are not a UTF-8 character.
    InvalidUtf8(Vec<u8>),
}

impl EncodingError {
    /// The message, with byte offsets counted from `base` (the start of the
    /// document in a larger stream; 0 for a file).
    pub fn describe(&self, base: usize) -> String {
        self.describe_in(Lang::EnUs, base)
    }

    /// [`EncodingError::describe`] in `lang`.
    pub fn describe_in(&self, lang: Lang, base: usize) -> String {
        match &self.fault {
            EncodingFault::ForeignBom(name) => tr!(lang, "encoding-foreign-bom", name = *name),
            EncodingFault::Utf16WithoutBom(name) => {
                tr!(lang, "encoding-utf16-without-bom", name = *name)
            }
            EncodingFault::InvalidUtf8(bytes) => {
                let shown: Vec<String> = bytes.iter().map(|b| format!("{b:#04X}")).collect();
                tr!(
                    lang,
                    "encoding-invalid-utf8",
                    offset = (base + self.span.offset).to_string(),
                    bytes = shown.join(" "),
                    n = bytes.len()
                )
            }
        }
    }

    /// [`EncodingError::describe`] without the offending bytes, for bytes
    /// inside a value that may be a secret.
    pub fn describe_hidden(&self, base: usize) -> String {
        self.describe_hidden_in(Lang::EnUs, base)
    }

    /// [`EncodingError::describe_hidden`] in `lang`.
    pub fn describe_hidden_in(&self, lang: Lang, base: usize) -> String {
        match &self.fault {
            EncodingFault::InvalidUtf8(_) => tr!(
                lang,
                "encoding-invalid-utf8-hidden",
                offset = (base + self.span.offset).to_string()
            ),
            _ => self.describe_in(lang, base),
        }
    }
}

/// The bytes of a file as UTF-8 text. A UTF-8 byte order mark is kept (the
/// parser skips it, so offsets stay those of the file); UTF-16 and UTF-32
/// byte order marks and invalid UTF-8 are errors with the offset of the first
/// bad byte.
pub fn decode(bytes: &[u8]) -> Result<&str, EncodingError> {
    let at_start = |length: usize, fault| EncodingError {
        span: Span { offset: 0, length },
        fault,
    };
    for (bom, name) in [
        (&[0xFF, 0xFE, 0, 0][..], "UTF-32LE"),
        (&[0, 0, 0xFE, 0xFF][..], "UTF-32BE"),
        (&[0xFF, 0xFE][..], "UTF-16LE"),
        (&[0xFE, 0xFF][..], "UTF-16BE"),
    ] {
        if bytes.starts_with(bom) {
            return Err(at_start(bom.len(), EncodingFault::ForeignBom(name)));
        }
    }
    // Without a byte order mark, UTF-16 text shows as NUL bytes beside
    // ASCII ones; valid JSON never starts that way.
    match bytes {
        [a, 0, c, 0, ..] if *a != 0 && *c != 0 && a.is_ascii() && c.is_ascii() => {
            return Err(at_start(2, EncodingFault::Utf16WithoutBom("UTF-16LE")))
        }
        [0, b, 0, d, ..] if *b != 0 && *d != 0 && b.is_ascii() && d.is_ascii() => {
            return Err(at_start(2, EncodingFault::Utf16WithoutBom("UTF-16BE")))
        }
        _ => {}
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let offset = e.valid_up_to();
        let length = e.error_len().unwrap_or(bytes.len() - offset);
        EncodingError {
            span: Span { offset, length },
            fault: EncodingFault::InvalidUtf8(bytes[offset..offset + length].to_vec()),
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
            .describe(0)
            .contains("UTF-16LE"));
        assert!(decode(b"\xFE\xFF\0{")
            .unwrap_err()
            .describe(0)
            .contains("UTF-16BE"));
        let no_bom = |bytes: &[u8]| decode(bytes).unwrap_err().describe(0);
        assert!(no_bom(b"{\0\"\0").contains("UTF-16LE text without"));
        assert!(no_bom(b"\0{\0\"").contains("UTF-16BE text without"));
        assert_eq!(decode(b"{\0}").unwrap(), "{\0}");
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
        assert!(e.describe(0).contains("byte 7"), "{}", e.describe(0));
        assert!(e.describe(100).contains("byte 107"));
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
