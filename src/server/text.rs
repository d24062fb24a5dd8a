//! Positions as the client counts them. LSP positions are a line and a column in the code units
//! the client and server agreed on: UTF-16 by default (a Dutch `é` is one unit, an emoji two),
//! UTF-8 bytes when the client offers them. Everything inside regioplan is a byte offset.

use lsp_types::{Position, PositionEncodingKind, Range};

use crate::diagnostic::Span;

/// The agreed position encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client offers it (cheapest: no conversion), else UTF-16, which every
    /// client must support.
    #[must_use]
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Self {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    #[must_use]
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// A document's text with the byte offset of every line start.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { line_starts }
    }

    /// The LSP position of a byte offset (clamped to the text and to a character boundary).
    #[must_use]
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self
            .line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.line_starts.get(line).copied().unwrap_or(0);
        let before = text.get(start..offset).unwrap_or_default();
        let column = match encoding {
            Encoding::Utf8 => before.len(),
            Encoding::Utf16 => before.encode_utf16().count(),
        };
        Position::new(to_u32(line), to_u32(column))
    }

    /// The byte offset of an LSP position. A column past the end of its line means the line's
    /// end, a line past the end the text's end, and a column inside a character its start (as
    /// the specification asks).
    #[must_use]
    pub fn offset(&self, text: &str, position: Position, encoding: Encoding) -> usize {
        let Some(&start) = self.line_starts.get(position.line as usize) else {
            return text.len();
        };
        let end = self
            .line_starts
            .get(position.line as usize + 1)
            .map_or(text.len(), |&next| next.saturating_sub(1));
        let line = text.get(start..end).unwrap_or_default();
        let line = line.strip_suffix('\r').unwrap_or(line);
        let wanted = position.character as usize;
        let mut units = 0;
        for (i, c) in line.char_indices() {
            let width = match encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if units + width > wanted {
                return start + i;
            }
            units += width;
        }
        start + line.len()
    }

    #[must_use]
    pub fn range(&self, text: &str, span: Span, encoding: Encoding) -> Range {
        Range::new(
            self.position(text, span.start, encoding),
            self.position(text, span.end(), encoding),
        )
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_after_an_accent_and_an_emoji_count_utf16_units() {
        let text = "a: 1\nnaam: é 😀 x\n";
        let index = LineIndex::new(text);
        let x = text.find('x').unwrap_or_default();
        // `naam: ` 6, `é` 1 unit (2 bytes), ` ` 1, the emoji 2 units (4 bytes), ` ` 1.
        assert_eq!(
            index.position(text, x, Encoding::Utf16),
            Position::new(1, 11)
        );
        assert_eq!(
            index.position(text, x, Encoding::Utf8),
            Position::new(1, 14)
        );
        assert_eq!(index.offset(text, Position::new(1, 11), Encoding::Utf16), x);
        assert_eq!(index.offset(text, Position::new(1, 14), Encoding::Utf8), x);
    }

    #[test]
    fn positions_past_the_end_clamp_to_the_line_or_the_text() {
        let text = "ab\r\ncd";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Position::new(0, 99), Encoding::Utf16), 2);
        assert_eq!(index.offset(text, Position::new(9, 0), Encoding::Utf16), 6);
        // Inside the surrogate pair of an emoji: its start.
        let text = "😀x";
        let index = LineIndex::new(text);
        assert_eq!(index.offset(text, Position::new(0, 1), Encoding::Utf16), 0);
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
        let both = [PositionEncodingKind::UTF16, PositionEncodingKind::UTF8];
        assert_eq!(Encoding::negotiate(Some(&both)), Encoding::Utf8);
    }
}
