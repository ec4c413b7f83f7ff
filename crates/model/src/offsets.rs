//! Byte offsets (internal) to Unicode code-point offsets (exported).

/// Converts byte offsets of one text into code-point offsets in O(log n) each.
///
/// For ASCII text the two are the same and nothing is allocated.
pub struct CharIndex {
    /// Byte offsets of every non-ASCII character start, in order. A byte offset `b` is preceded
    /// by `k` such characters, each of which has `len - 1` more bytes than it has characters.
    wide: Vec<(usize, usize)>,
}

impl CharIndex {
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut extra = 0usize;
        if !text.is_ascii() {
            for (b, c) in text.char_indices() {
                let n = c.len_utf8();
                if n > 1 {
                    extra += n - 1;
                    // after this character ends, `extra` bytes have no character of their own
                    wide.push((b + n, extra));
                }
            }
        }
        CharIndex { wide }
    }

    /// The code-point offset of byte offset `byte`, which must lie on a character boundary.
    pub fn char_offset(&self, byte: usize) -> usize {
        let idx = self.wide.partition_point(|&(end, _)| end <= byte);
        if idx == 0 {
            byte
        } else {
            byte - self.wide[idx - 1].1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::CharIndex;

    #[test]
    fn matches_char_counting() {
        let text = "Schröder — “Merkel” said 北京 ok";
        let idx = CharIndex::new(text);
        for (b, _) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            assert_eq!(idx.char_offset(b), text[..b].chars().count(), "byte {b}");
        }
    }

    #[test]
    fn ascii_is_identity() {
        let idx = CharIndex::new("plain text");
        assert_eq!(idx.char_offset(5), 5);
    }
}
