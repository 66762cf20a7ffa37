//! NDJSON streams: one document per line, read a line at a time so that
//! memory is bounded by the longest line, never by the stream.

use std::io::{BufRead, Read};
use std::sync::Arc;

use crate::diagnostic::Diagnostic;
use crate::i18n::{tr, Lang};
use crate::io::describe_io_in;
use crate::rules::{RuleId, RuleSet};
use crate::source::{Position, Span};

/// One non-blank line of an NDJSON stream.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Byte offset of the line in the stream.
    pub offset: usize,
    /// 0-based line number in the stream.
    pub index: usize,
    /// The line, without its `\n` or `\r\n`.
    pub bytes: Vec<u8>,
}

/// The non-blank lines of a stream. A read error or a line over the limit
/// ends the iteration with one diagnostic (`io-error`, `file-too-large`) at
/// the line where it happened.
#[derive(Debug)]
pub struct Lines<R> {
    reader: R,
    rules: Arc<RuleSet>,
    lang: Lang,
    name: String,
    limit: u64,
    offset: usize,
    index: usize,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    /// Lines of `reader`, reported under `name`, each at most `limit` bytes.
    pub fn new(reader: R, name: &str, limit: u64) -> Self {
        Lines {
            reader,
            rules: RuleSet::builtin(),
            lang: Lang::EnUs,
            name: name.to_owned(),
            limit,
            offset: 0,
            index: 0,
            done: false,
        }
    }

    /// Report faults with the severities of `rules` rather than the
    /// built-in ones.
    pub fn with_rules(mut self, rules: Arc<RuleSet>) -> Self {
        self.rules = rules;
        self
    }

    /// Word faults in `lang` rather than English.
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    fn fail(&mut self, rule: RuleId, message: String) -> Option<Result<Line, Diagnostic>> {
        self.done = true;
        let mut d = self.rules.diagnostic_in(
            self.lang,
            rule as usize,
            Span::new(self.offset, self.offset),
            String::new(),
            message,
        );
        d.start = Position {
            line: self.index + 1,
            column: 1,
        };
        d.end = d.start;
        Some(Err(d))
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Result<Line, Diagnostic>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let mut bytes = Vec::new();
            // Room for the line, its `\r\n`, and one byte to tell that it is
            // too long.
            let room = self.limit.saturating_add(3);
            let read = match (&mut self.reader).take(room).read_until(b'\n', &mut bytes) {
                Ok(0) => return None,
                Ok(n) => n,
                Err(e) => {
                    let message = tr!(
                        self.lang,
                        "io-cannot-read-stream",
                        name = &self.name,
                        line = self.index,
                        error = describe_io_in(self.lang, &e)
                    );
                    return self.fail(RuleId::IoError, message);
                }
            };
            let ended = bytes.last() == Some(&b'\n') || (read as u64) < room;
            if bytes.last() == Some(&b'\n') {
                bytes.pop();
                if bytes.last() == Some(&b'\r') {
                    bytes.pop();
                }
            }
            if !ended || bytes.len() as u64 > self.limit {
                let message = tr!(
                    self.lang,
                    "io-line-too-long",
                    line = self.index + 1,
                    name = &self.name,
                    limit = self.limit.to_string()
                );
                return self.fail(RuleId::FileTooLarge, message);
            }
            let (offset, index) = (self.offset, self.index);
            self.offset += read;
            self.index += 1;
            // Blank lines (JSON whitespace only) are skipped; a form feed is
            // not JSON whitespace, so a line of one is a syntax error.
            if !bytes
                .iter()
                .all(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
            {
                return Some(Ok(Line {
                    offset,
                    index,
                    bytes,
                }));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_stream_offsets_and_skip_blanks() {
        let text = "{\"a\":1}\r\n\n  \n{\"b\":2}";
        let lines: Vec<Line> = Lines::new(text.as_bytes(), "s", 100)
            .map(|l| l.unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(
            (lines[0].offset, lines[0].index, &lines[0].bytes[..]),
            (0, 0, &b"{\"a\":1}"[..])
        );
        assert_eq!(
            (lines[1].offset, lines[1].index, &lines[1].bytes[..]),
            (13, 3, &b"{\"b\":2}"[..])
        );
    }

    #[test]
    fn the_limit_is_the_same_for_lf_and_crlf_lines() {
        for text in ["12345\n{}\n", "12345\r\n{}\n", "12345"] {
            let items: Vec<_> = Lines::new(text.as_bytes(), "s", 5).collect();
            assert!(items.iter().all(Result::is_ok), "{text:?}: {items:?}");
        }
        let items: Vec<_> = Lines::new("123456\r\n".as_bytes(), "s", 5).collect();
        assert!(items[0].is_err());
        let form_feed: Vec<_> = Lines::new("\x0c\n".as_bytes(), "s", 5).collect();
        assert_eq!(form_feed.len(), 1, "a form feed is not a blank line");
    }

    #[test]
    fn a_line_over_the_limit_ends_the_stream_with_a_diagnostic() {
        let text = "{}\n0123456789\n{}\n";
        let items: Vec<_> = Lines::new(text.as_bytes(), "s", 5).collect();
        assert_eq!(items.len(), 2);
        let d = items[1].as_ref().unwrap_err();
        assert_eq!(d.name, "file-too-large");
        assert_eq!(d.start.line, 2);
    }
}
