//! Byte spans and their translation to 1-based lines and character columns.

use serde::Serialize;

/// A byte range in a source text: `offset` is where it starts, `length` how
/// many bytes it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub offset: usize,
    /// Number of bytes covered.
    pub length: usize,
}

impl Span {
    /// A span from `start` (inclusive) to `end` (exclusive).
    pub fn new(start: usize, end: usize) -> Self {
        Span {
            offset: start,
            length: end.saturating_sub(start),
        }
    }

    /// The offset one past the last byte.
    pub fn end(&self) -> usize {
        self.offset + self.length
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(span: Span) -> Self {
        miette::SourceSpan::new(span.offset.into(), span.length)
    }
}

/// A 1-based line and a 1-based column counted in characters (Unicode scalar
/// values), not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
pub struct Position {
    /// 1-based line number. Lines end at `\n`; a `\r` before it belongs to the
    /// line ending.
    pub line: usize,
    /// 1-based column, counted in characters. A UTF-8 byte order mark at the
    /// start of the file is not counted.
    pub column: usize,
}

/// Maps byte offsets of one text to [`Position`]s.
///
/// Built on demand (only files that have diagnostics need one); lookups are a
/// binary search over the line starts plus a character count within the line.
#[derive(Debug, Clone)]
pub struct LineIndex<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
    /// The last position computed, as `(line index, offset, column)`: a
    /// later offset on the same line counts on from there, so locating the
    /// many diagnostics of one long minified line stays linear.
    last: std::cell::Cell<(usize, usize, usize)>,
}

const BOM: &str = "\u{feff}";

impl<'a> LineIndex<'a> {
    /// Index the line starts of `text`.
    pub fn new(text: &'a str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            text,
            line_starts,
            last: std::cell::Cell::new((usize::MAX, 0, 0)),
        }
    }

    /// The text this index was built over.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// How many lines the text has (a text ending in `\n` has an empty
    /// last line after it).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 1-based line of byte `offset` (offsets past the end are on the
    /// last line), the same line [`LineIndex::position`] gives.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        self.line_starts.partition_point(|&start| start <= offset)
    }

    /// The byte range of the content of 1-based line `line`: without its
    /// `\n` and a `\r` before it, and without a byte order mark on the first
    /// line. `None` for a line that does not exist.
    pub fn line_range(&self, line: usize) -> Option<std::ops::Range<usize>> {
        let i = line.checked_sub(1)?;
        let mut start = *self.line_starts.get(i)?;
        let mut end = self
            .line_starts
            .get(i + 1)
            .map_or(self.text.len(), |&next| next - 1);
        if end > start && self.text.as_bytes()[end - 1] == b'\r' && end < self.text.len() {
            end -= 1;
        }
        if i == 0 && self.text.starts_with(BOM) {
            // The BOM holds no `\n`, so the first line's end is past it.
            start = BOM.len();
        }
        Some(start..end)
    }

    /// The position of byte `offset`. Offsets past the end map to the end of
    /// the text; an offset inside a multi-byte character maps to that
    /// character.
    pub fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let mut start = self.line_starts[line];
        if line == 0 && self.text.starts_with(BOM) && offset >= BOM.len() {
            start = BOM.len();
        }
        let (last_line, last_offset, last_column) = self.last.get();
        // Count characters: every byte that is not a UTF-8 continuation byte
        // starts one.
        let starts = |from: usize, to: usize| {
            self.text.as_bytes()[from..to]
                .iter()
                .filter(|&&b| (b as i8) >= -0x40)
                .count()
        };
        let column = if last_line == line && (start..=offset).contains(&last_offset) {
            last_column + starts(last_offset, offset)
        } else if last_line == line && last_offset > offset && last_offset - offset < offset - start
        {
            // A little before the last position (a fix's edit just before
            // its diagnostic): count back from there.
            last_column - starts(offset, last_offset)
        } else {
            starts(start, offset) + 1
        };
        self.last.set((line, offset, column));
        Position {
            line: line + 1,
            column,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_the_same_in_any_order() {
        let text = "\u{feff}{\"a\": \"çé\", \"b\": 1, \"张三\": [1, 2]}\r\nx é\n";
        let fresh = |o| LineIndex::new(text).position(o);
        let index = LineIndex::new(text);
        for o in [30, 12, 5, 29, 7, 0, 3, 40, 35, 31, 36, 2, 41, 18, 17] {
            assert_eq!(index.position(o), fresh(o), "offset {o}");
        }
    }

    #[test]
    fn positions_count_characters_and_lines() {
        let text = "ab\r\nçé x\n";
        let index = LineIndex::new(text);
        assert_eq!(index.position(0), Position { line: 1, column: 1 });
        assert_eq!(index.position(2), Position { line: 1, column: 3 });
        assert_eq!(index.position(4), Position { line: 2, column: 1 });
        // "çé " is 5 bytes, 3 characters: `x` is at column 4.
        assert_eq!(index.position(9), Position { line: 2, column: 4 });
        assert_eq!(index.position(11), Position { line: 3, column: 1 });
        assert_eq!(index.position(999), Position { line: 3, column: 1 });
        // Out of order, and back again: the cache never changes an answer.
        assert_eq!(index.position(9), Position { line: 2, column: 4 });
        assert_eq!(index.position(6), Position { line: 2, column: 2 });
        assert_eq!(index.position(11), Position { line: 3, column: 1 });
    }

    #[test]
    fn bom_is_not_a_column() {
        let text = "\u{feff}{}";
        let index = LineIndex::new(text);
        assert_eq!(index.position(3), Position { line: 1, column: 1 });
        assert_eq!(index.position(4), Position { line: 1, column: 2 });
    }

    #[test]
    fn line_ranges_leave_out_line_ends_and_the_bom() {
        let text = "\u{feff}ab\r\ncd\n\nx\ry";
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(index.line_range(1), Some(3..5));
        assert_eq!(index.line_range(2), Some(7..9));
        assert_eq!(index.line_range(3), Some(10..10));
        // A lone `\r` is not a line end.
        assert_eq!(index.line_range(4), Some(11..14));
        assert_eq!(index.line_range(5), None);
        assert_eq!(index.line_range(0), None);
        assert_eq!(index.line_of(8), 2);
        assert_eq!(index.line_of(999), 4);
    }
}
