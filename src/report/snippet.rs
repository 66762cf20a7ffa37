//! The human report's renderer: one diagnostic with a window of its source.
//!
//! Every position comes from [`LineIndex`] and the diagnostic itself: the
//! header is the diagnostic's own `start` (1-based line, column in
//! characters, as in the JSON report), gutter numbers are `LineIndex` lines,
//! and underline columns are measured on the text as printed (escaped,
//! masked, wide characters two columns wide).
//!
//! Work per diagnostic is bounded by the width, not by the length of a line:
//! a long line is shown as a window around its labels, cut with `…`, found by
//! walking at most a screenful of characters from the label (plus a binary
//! search for the line and for each mask). Nothing copies or scans a whole
//! line, so 80,000 diagnostics on one minified line render in linear time.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

use unicode_width::UnicodeWidthStr;

use crate::diagnostic::{Diagnostic, Severity};
use crate::escape::escape;
use crate::source::{LineIndex, Span};

/// The narrowest width rendered to: a narrower terminal gets lines this wide.
pub const MIN_WIDTH: usize = 40;

/// The fewest columns of source text shown, whatever the gutter takes.
const MIN_TEXT: usize = 24;

/// What a masked value is shown as, whatever its length.
const MASK: &str = "****";
/// What a masked string is shown as, whatever its length.
const QUOTED_MASK: &str = "\"****\"";

/// How to render: colours or not, and the width to fit.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// ANSI colours.
    pub color: bool,
    /// The terminal's width in columns (at least [`MIN_WIDTH`] is used).
    pub width: usize,
    /// Whether unsafe fixes count as fixable (`--unsafe-fixes`).
    pub unsafe_fixes: bool,
    /// The language of the labels (`help:`).
    pub lang: crate::i18n::Lang,
}

impl Style {
    fn paint(self, out: &mut String, code: &str, text: &str) {
        if self.color && !text.is_empty() {
            let _ = write!(out, "\x1b[{code}m{text}\x1b[0m");
        } else {
            out.push_str(text);
        }
    }

    fn width(self) -> usize {
        self.width.max(MIN_WIDTH)
    }

    /// `help:` in the language of the report (`帮助:` takes the same five
    /// columns, so the help's wrapped lines keep their indent).
    pub(crate) fn help_label(self) -> String {
        format!("{}:", crate::i18n::tr!(self.lang, "label-help"))
    }

    /// Whether `d` is marked fixable (`[*]`, as ruff does): it has a safe
    /// fix, or an unsafe one and unsafe fixes are on.
    pub fn fixable(self, d: &Diagnostic) -> bool {
        d.fix.as_ref().is_some_and(|f| {
            self.unsafe_fixes || f.applicability == crate::fix::Applicability::Safe
        })
    }
}

/// A value that must not be shown, as a byte range of the text.
#[derive(Debug, Clone, Copy)]
struct Mask {
    start: usize,
    end: usize,
    quoted: bool,
}

/// One text to show snippets of: its name, its line index and the values
/// masked in it.
#[derive(Debug)]
pub struct Source<'a> {
    path: Cow<'a, str>,
    index: LineIndex<'a>,
    /// Sorted, disjoint, on character boundaries.
    masks: Vec<Mask>,
    /// Whether the line starting at this byte fits in this many columns:
    /// the many diagnostics of one minified line ask once.
    fits: std::cell::Cell<Option<(usize, usize, bool)>>,
}

/// One piece of printed text: a character (escaped if need be) or a whole
/// mask, with the bytes of the source it stands for.
struct Unit<'a> {
    start: usize,
    end: usize,
    shown: Cow<'a, str>,
    width: usize,
}

fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

impl<'a> Source<'a> {
    /// The text `text` named `path`, with the byte spans `sensitive` masked.
    /// Spans may be unsorted, overlapping, out of bounds or off character
    /// boundaries: they are clamped, widened to whole characters and merged.
    pub fn new(path: &'a str, text: &'a str, sensitive: &[Span]) -> Self {
        let mut spans: Vec<(usize, usize)> = sensitive
            .iter()
            .filter_map(|s| {
                let start = floor_char(text, s.offset);
                let end = ceil_char(text, s.offset.saturating_add(s.length));
                (start < end).then_some((start, end))
            })
            .collect();
        spans.sort_unstable();
        let mut masks: Vec<Mask> = Vec::with_capacity(spans.len());
        for (start, end) in spans {
            match masks.last_mut() {
                Some(last) if start < last.end => last.end = last.end.max(end),
                _ => masks.push(Mask {
                    start,
                    end,
                    quoted: text[start..].starts_with('"'),
                }),
            }
        }
        Source {
            path: escape(path),
            index: LineIndex::new(text),
            masks,
            fits: std::cell::Cell::new(None),
        }
    }

    fn text(&self) -> &'a str {
        self.index.text()
    }

    /// The mask that covers byte `p`.
    fn mask_at(&self, p: usize) -> Option<Mask> {
        let i = self.masks.partition_point(|m| m.end <= p);
        self.masks.get(i).copied().filter(|m| m.start <= p)
    }

    /// The unit that starts at `p` (`p < end`), not going past `end`.
    fn unit_at(&self, p: usize, end: usize) -> Unit<'a> {
        if let Some(m) = self.mask_at(p) {
            let shown = if m.quoted { QUOTED_MASK } else { MASK };
            return Unit {
                start: p,
                end: m.end.min(end).max(p + 1),
                shown: Cow::Borrowed(shown),
                width: shown.len(),
            };
        }
        let text = self.text();
        let len = text[p..].chars().next().map_or(1, char::len_utf8);
        let shown = escape(&text[p..p + len]);
        let width = shown.width();
        Unit {
            start: p,
            end: p + len,
            shown,
            width,
        }
    }

    /// The unit that ends at `p` (`p > start`), not going before `start`.
    fn unit_before(&self, p: usize, start: usize) -> Unit<'a> {
        if let Some(m) = self.mask_at(p - 1) {
            let shown = if m.quoted { QUOTED_MASK } else { MASK };
            return Unit {
                start: m.start.max(start).min(p - 1),
                end: p,
                shown: Cow::Borrowed(shown),
                width: shown.len(),
            };
        }
        let text = self.text();
        let len = text[..p].chars().next_back().map_or(1, char::len_utf8);
        let shown = escape(&text[p - len..p]);
        let width = shown.width();
        Unit {
            start: p - len,
            end: p,
            shown,
            width,
        }
    }

    /// Whether the whole line fits in `budget` columns, with one to spare
    /// for a label at its end (a walk of at most `budget` units).
    fn fits(&self, line: Range<usize>, budget: usize) -> bool {
        if let Some((start, cols, fits)) = self.fits.get() {
            if start == line.start && cols == budget {
                return fits;
            }
        }
        let mut fits = true;
        let mut w = 0;
        let mut p = line.start;
        while p < line.end {
            let u = self.unit_at(p, line.end);
            w += u.width;
            if w > budget - 1 {
                fits = false;
                break;
            }
            p = u.end;
        }
        self.fits.set(Some((line.start, budget, fits)));
        fits
    }

    /// The printed window of `line` (a content range) of at most `budget`
    /// columns, around byte `anchor`, and the columns of `labels` (byte
    /// ranges within the line) in it: `None` for a label that starts past
    /// the window. Underlines end at the window's end.
    fn cut(
        &self,
        line: Range<usize>,
        anchor: usize,
        labels: &[(usize, usize)],
        budget: usize,
    ) -> Cut {
        let fits = self.fits(line.clone(), budget);
        let mut start = line.start;
        if !fits {
            let mut a = anchor.clamp(line.start, line.end);
            if let Some(m) = self.mask_at(a) {
                a = m.start.max(line.start);
            }
            // A third of the window before the label, or more when the
            // rest of the line is short enough to end the window.
            let mut tail = 0;
            let mut p = a;
            // Far from the end with no mask in between, the rest is wider
            // than the window (a character of a column or more is at most 4
            // bytes; zero-width ones only make the lead shorter): no walk.
            let next_mask = self.masks.partition_point(|m| m.end <= a);
            let masked = self
                .masks
                .get(next_mask)
                .is_some_and(|m| m.start < line.end);
            if !masked && line.end - a > 4 * budget {
                tail = budget;
            }
            while p < line.end && tail < budget {
                let u = self.unit_at(p, line.end);
                tail += u.width;
                p = u.end;
            }
            let lead = if p >= line.end && tail < budget {
                (budget / 3).max(budget.saturating_sub(tail + 2))
            } else {
                budget / 3
            };
            let mut w = 0;
            start = a;
            while start > line.start {
                let u = self.unit_before(start, line.start);
                if w + u.width > lead {
                    break;
                }
                w += u.width;
                start = u.start;
            }
        }
        let mut text = String::new();
        let mut col = 0;
        if start > line.start {
            text.push('…');
            col = 1;
        }
        let limit = if fits { budget } else { budget - 1 };
        let mut placed: Vec<Option<(usize, usize)>> = vec![None; labels.len()];
        let mut p = start;
        while p < line.end {
            let u = self.unit_at(p, line.end);
            if col + u.width > limit {
                break;
            }
            for (&(ls, le), at) in labels.iter().zip(placed.iter_mut()) {
                match at {
                    None if ls < u.end && ls >= u.start => *at = Some((col, col + u.width)),
                    Some((_, e)) if u.start < le => *e = col + u.width,
                    _ => {}
                }
            }
            text.push_str(&u.shown);
            col += u.width;
            p = u.end;
        }
        let whole = p >= line.end;
        for (&(ls, _), at) in labels.iter().zip(placed.iter_mut()) {
            if at.is_none() && whole && ls >= line.end {
                // A label at the end of the line (or of the text).
                *at = Some((col, col + 1));
            }
            if let Some((s, e)) = at {
                *e = (*e).max(*s + 1);
            }
        }
        if !whole {
            text.push('…');
        }
        Cut { text, placed }
    }
}

struct Cut {
    text: String,
    placed: Vec<Option<(usize, usize)>>,
}

/// One label, narrowed to the first line it covers.
#[derive(Debug, Clone, Copy)]
struct Lab<'m> {
    line: usize,
    start: usize,
    end: usize,
    message: Option<&'m str>,
    primary: bool,
}

/// A label placed on a printed line: its columns in the shown text.
#[derive(Debug, Clone, Copy)]
struct Placed<'m> {
    from: usize,
    to: usize,
    message: Option<&'m str>,
    primary: bool,
}

impl Placed<'_> {
    fn mid(&self) -> usize {
        self.from + (self.to - self.from).saturating_sub(1) / 2
    }
}

fn severity_look(severity: Severity) -> (&'static str, &'static str) {
    match severity {
        Severity::Error => ("31", "×"),
        Severity::Warning => ("33", "⚠"),
        Severity::Info => ("36", "☞"),
    }
}

const SECONDARY: &str = "35;1";

/// `text` cut in the middle when it is longer than `max` bytes (a message
/// that quotes a megabyte-long value), keeping its start and its end: a
/// diagnostic's output stays within a few screenfuls.
fn elided(text: &str, max: usize) -> Cow<'_, str> {
    if text.len() <= max {
        return Cow::Borrowed(text);
    }
    let head = floor_char(text, max * 2 / 3);
    let tail = ceil_char(text, text.len() - max / 3);
    let cut = text[head..tail].chars().count();
    Cow::Owned(format!(
        "{} … ({cut} characters not shown) … {}",
        &text[..head],
        &text[tail..]
    ))
}

/// `text` wrapped to the width, each line after an indent and a painted
/// mark (`first` on the first line, `rest` on the others) and ending in `\n`.
pub(crate) fn wrapped(
    out: &mut String,
    style: Style,
    code: &str,
    first: (&str, &str),
    rest: (&str, &str),
    text: &str,
) {
    let used = |(indent, mark): (&str, &str)| {
        indent.width() + mark.width() + usize::from(!mark.is_empty())
    };
    let width = style.width().saturating_sub(used(first).max(used(rest)));
    let options = textwrap::Options::new(width.max(1))
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .break_words(true);
    let text = elided(text, 12 * style.width());
    for (i, line) in textwrap::wrap(&text, options).iter().enumerate() {
        let (indent, mark) = if i == 0 { first } else { rest };
        out.push_str(indent);
        if !mark.is_empty() {
            style.paint(out, code, mark);
            out.push(' ');
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// Render `d` with a snippet of `src` into `out`.
pub fn render<'d>(out: &mut String, d: &'d Diagnostic, src: &Source<'_>, style: Style) {
    let (sev_code, mark) = severity_look(d.severity);
    style.paint(out, sev_code, &format!("{}({})", d.code, d.name));
    if style.fixable(d) {
        out.push_str(" [*]");
    }
    out.push_str("\n\n");
    wrapped(out, style, sev_code, ("  ", mark), ("  ", "│"), &d.message);

    let text = src.text();
    let narrow = |span: Span, message: Option<&'d str>, primary: bool| -> Lab<'d> {
        let start = floor_char(text, span.offset);
        let line = src.index.line_of(start);
        let range = src.index.line_range(line).unwrap_or(start..start);
        let start = start.clamp(range.start, range.end);
        let end = ceil_char(text, span.offset.saturating_add(span.length)).clamp(start, range.end);
        Lab {
            line,
            start,
            end,
            message,
            primary,
        }
    };
    let mut labels = vec![narrow(d.span, None, true)];
    labels.extend(
        d.labels
            .iter()
            .map(|l| narrow(l.span, Some(l.message.as_str()), false)),
    );
    labels.sort_by_key(|l| (l.line, l.start));

    // The lines shown: every labelled line with one line of context on
    // each side (not the empty line after a final `\n`).
    let count = src.index.line_count();
    let last_real = if count > 1 && text.ends_with('\n') {
        count - 1
    } else {
        count
    };
    let mut shown: Vec<usize> = Vec::new();
    for l in &labels {
        for n in [l.line.saturating_sub(1), l.line, l.line + 1] {
            if n >= 1 && (n <= last_real || n == l.line) && shown.last().is_none_or(|&x| x < n) {
                shown.push(n);
            }
        }
    }
    let gutter = shown.last().map_or(1, |n| n.to_string().len());
    let pad = " ".repeat(gutter);
    let budget = style.width().saturating_sub(gutter + 4).max(MIN_TEXT);

    let _ = write!(out, " {pad} ╭─[");
    style.paint(
        out,
        "36;1;4",
        &format!("{}:{}:{}", src.path, d.start.line, d.start.column),
    );
    out.push_str("]\n");
    let mut previous = 0;
    for &n in &shown {
        if previous != 0 && n > previous + 1 {
            let _ = writeln!(out, " {pad} ⋮");
        }
        previous = n;
        let range = src.index.line_range(n).unwrap_or(0..0);
        let mut on_line: Vec<Lab> = labels.iter().copied().filter(|l| l.line == n).collect();
        if on_line.is_empty() {
            let cut = src.cut(range, 0, &[], budget);
            source_line(out, style, gutter, n, &cut.text);
            continue;
        }
        // Labels too far apart for one window get a window each.
        while let Some(anchor) = on_line.first().map(|l| l.start) {
            let spans: Vec<(usize, usize)> = on_line.iter().map(|l| (l.start, l.end)).collect();
            let mut cut = src.cut(range.clone(), anchor, &spans, budget);
            if cut.placed[0].is_none() {
                let at = cut.text.width().min(budget - 1);
                cut.placed[0] = Some((at, at + 1));
            }
            source_line(out, style, gutter, n, &cut.text);
            let mut placed = Vec::new();
            let mut rest = Vec::new();
            for (l, at) in on_line.iter().zip(&cut.placed) {
                match at {
                    Some((from, to)) => placed.push(Placed {
                        from: *from,
                        to: *to,
                        message: l.message,
                        primary: l.primary,
                    }),
                    None => rest.push(*l),
                }
            }
            underline(out, style, sev_code, gutter, &placed, budget);
            on_line = rest;
        }
    }
    let _ = writeln!(out, " {pad} ╰────");
    if let Some(help) = &d.help {
        let label = style.help_label();
        wrapped(out, style, "36", ("  ", &label), ("        ", ""), help);
    }
    out.push('\n');
}

fn source_line(out: &mut String, style: Style, gutter: usize, n: usize, text: &str) {
    out.push(' ');
    style.paint(out, "2", &format!("{n:>gutter$}"));
    out.push_str(" │ ");
    out.push_str(text);
    out.push('\n');
}

/// The underline row of the labels placed on one printed line, then a row
/// per label message, rightmost first, each hanging from its label.
fn underline(
    out: &mut String,
    style: Style,
    sev_code: &str,
    gutter: usize,
    placed: &[Placed<'_>],
    budget: usize,
) {
    let code = |p: &Placed<'_>| if p.primary { sev_code } else { SECONDARY };
    let end = placed.iter().map(|p| p.to).max().unwrap_or(0);
    let mut cells: Vec<(char, &str)> = vec![(' ', ""); end];
    for p in placed {
        for cell in &mut cells[p.from..p.to] {
            *cell = ('─', code(p));
        }
    }
    let mut messages: Vec<&Placed<'_>> = placed.iter().filter(|p| p.message.is_some()).collect();
    for p in &messages {
        cells[p.mid()] = ('┬', code(p));
    }
    row(out, style, gutter, &cells);
    let trimmed = out.trim_end_matches(' ').len();
    out.truncate(trimmed);
    out.push('\n');
    messages.sort_by_key(|p| std::cmp::Reverse(p.mid()));
    for (k, p) in messages.iter().enumerate() {
        let mid = p.mid();
        let mut cells: Vec<(char, &str)> = vec![(' ', ""); mid];
        for q in &messages[k + 1..] {
            if q.mid() < mid {
                cells[q.mid()] = ('│', code(q));
            }
        }
        let message = p.message.unwrap_or("");
        let paint_row = |out: &mut String, col: usize, text: &str| {
            row(out, style, gutter, &cells);
            let used = cells.iter().rposition(|c| c.0 != ' ').map_or(0, |i| i + 1);
            out.push_str(&" ".repeat(col.saturating_sub(used)));
            style.paint(out, code(p), text);
            out.push('\n');
        };
        // The message hangs right of its label, or, when the label is too
        // far right for that, on the rows below, left of it.
        let (text_col, hang) = if mid + 4 + 12 <= budget {
            (mid + 4, true)
        } else {
            let hang: String = std::iter::once('╰')
                .chain(std::iter::repeat_n(
                    '─',
                    budget.saturating_sub(mid + 1).min(2),
                ))
                .collect();
            paint_row(out, mid, &hang);
            (
                cells.iter().rposition(|c| c.0 != ' ').map_or(0, |i| i + 2),
                false,
            )
        };
        let options = textwrap::Options::new(budget.saturating_sub(text_col).max(1))
            .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
            .break_words(true);
        for (i, line) in textwrap::wrap(message, options).iter().enumerate() {
            if hang {
                let lead = if i == 0 { "╰── " } else { "    " };
                paint_row(out, mid, &format!("{lead}{}", line.trim_end()));
            } else {
                paint_row(out, text_col, line.trim_end());
            }
        }
    }
}

/// ` {gutter} · ` and `cells`, coloured by runs, without trailing spaces
/// or a line end.
fn row(out: &mut String, style: Style, gutter: usize, cells: &[(char, &str)]) {
    let _ = write!(out, " {:gutter$} · ", "");
    let used = cells.iter().rposition(|c| c.0 != ' ').map_or(0, |i| i + 1);
    let mut i = 0;
    while i < used {
        let code = cells[i].1;
        let mut run = String::new();
        // Codes are a few static strings: compare them by address.
        while i < used && std::ptr::eq(cells[i].1, code) {
            run.push(cells[i].0);
            i += 1;
        }
        if code.is_empty() {
            out.push_str(&run);
        } else {
            style.paint(out, code, &run);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(offset: usize, length: usize) -> Span {
        Span { offset, length }
    }

    #[test]
    fn masks_are_fixed_width_and_labels_after_them_keep_their_place() {
        let text = r#"{"a": "secret-secret", "b": 1}"#;
        let src = Source::new("t.json", text, &[span(6, 15)]);
        let b = text.find("1}").unwrap();
        let cut = src.cut(0..text.len(), 0, &[(b, b + 1), (8, 10)], 60);
        assert_eq!(cut.text, r#"{"a": "****", "b": 1}"#);
        let at = cut.text.find('1').unwrap();
        assert_eq!(cut.placed[0], Some((at, at + 1)));
        // A label inside the mask points at the mask.
        assert_eq!(cut.placed[1], Some((6, 12)));
    }

    #[test]
    fn bad_mask_spans_are_clamped_merged_or_dropped() {
        let text = "{\"k\": \"é€\"}";
        let spans = [
            span(8, 1),
            span(7, 100),
            span(500, 3),
            span(3, 0),
            span(2, 2),
        ];
        let src = Source::new("t.json", text, &spans);
        let starts: Vec<(usize, usize)> = src.masks.iter().map(|m| (m.start, m.end)).collect();
        assert_eq!(starts, [(2, 4), (7, text.len())]);
        let cut = src.cut(0..text.len(), 0, &[], 60);
        // `k"` does not start with a quote; `é` is widened to the whole
        // character and merged with the span that runs past the end.
        assert_eq!(cut.text, "{\"****: \"****");
    }

    #[test]
    fn a_long_line_is_windowed_around_the_label() {
        let text = format!("[{}7]", "1, ".repeat(100_000));
        let src = Source::new("t.json", &text, &[]);
        let at = text.len() - 2;
        let cut = src.cut(0..text.len(), at, &[(at, at + 1)], 40);
        assert!(
            cut.text.starts_with('…') && cut.text.ends_with("7]"),
            "{}",
            cut.text
        );
        assert!(cut.text.width() <= 40);
        let (from, to) = cut.placed[0].unwrap();
        assert_eq!(&cut.text[cut.text.len() - 2..cut.text.len() - 1], "7");
        assert_eq!((from, to), (cut.text.width() - 2, cut.text.width() - 1));
        // An underline longer than the window ends with it.
        let cut = src.cut(0..text.len(), 0, &[(0, text.len())], 40);
        assert_eq!(cut.placed[0], Some((0, 39)));
        assert!(cut.text.ends_with('…'));
    }

    #[test]
    fn escapes_and_wide_characters_count_as_printed() {
        let text = "\"\u{1b}张\" 1";
        let src = Source::new("t.json", text, &[]);
        let at = text.len() - 1;
        let cut = src.cut(0..text.len(), 0, &[(at, at + 1)], 60);
        assert_eq!(cut.text, "\"\\u{1b}张\" 1");
        // `"` 1 column, `\u{1b}` 6, `张` 2, `" ` 2.
        assert_eq!(cut.placed[0], Some((11, 12)));
    }
}
