//! Lists of short strings packed, at compile time, into one byte array plus a table of end offsets.
//!
//! Why: in the wasm data segment every `&'static str` of a static table is an 8-byte (pointer, length)
//! pair, and rows with `&str` fields are padded around them. Packed, an entry costs its text plus a
//! 2-byte offset. The tables stay readable in the source as ordinary `const` arrays of `&str`: only the
//! `const fn`s below read those (at compile time, so the arrays never reach the binary), and the code
//! looks entries up in the `static` [`Packed`] built from them.

/// `N` strings in one text. Build it with [`Packed::new`] and read it through [`Packed::list`].
pub struct Packed<const N: usize> {
    text: &'static str,
    ends: [u16; N],
}

impl<const N: usize> Packed<N> {
    /// Packs `items`, whose concatenation is `text` (made by [`joined`] and [`as_str`]; the compiler
    /// reports a mismatch, as it does a text longer than 64 KiB).
    // Only evaluated at compile time (for statics): an index out of range fails the build.
    #[allow(clippy::indexing_slicing)]
    pub const fn new(text: &'static str, items: &[&str]) -> Self {
        assert!(items.len() == N, "N is not the number of items");
        let text_bytes = text.as_bytes();
        let mut ends = [0u16; N];
        let mut at = 0;
        let mut i = 0;
        while i < N {
            let bytes = items[i].as_bytes();
            let mut j = 0;
            while j < bytes.len() {
                assert!(
                    text_bytes[at] == bytes[j],
                    "the text is not the items joined"
                );
                at += 1;
                j += 1;
            }
            assert!(at <= u16::MAX as usize, "packed text longer than 64 KiB");
            ends[i] = at as u16;
            i += 1;
        }
        assert!(
            at == text_bytes.len(),
            "the text is longer than the items joined"
        );
        Packed { text, ends }
    }

    /// The list as slices, for the lookups (which are not generic, so there is one copy of them).
    pub fn list(&'static self) -> StrList {
        StrList {
            text: self.text,
            ends: &self.ends,
        }
    }
}

/// `items` one after the other; `LEN` must be their [`total_len`].
pub const fn joined<const LEN: usize>(items: &[&str]) -> [u8; LEN] {
    concatenated(items, None)
}

/// `bytes` (a table's text, built by [`joined`] or [`lines`]) as a `str`, checked at compile time: the
/// wasm then holds no UTF-8 check (core's is 640 bytes) and the lookups do not check on first use.
pub const fn as_str(bytes: &'static [u8]) -> &'static str {
    let checked = core::str::from_utf8(bytes);
    assert!(checked.is_ok(), "a packed table is not UTF-8");
    match checked {
        Ok(text) => text,
        Err(_) => "",
    }
}

/// `items` in one text, each followed by a line feed: for a list that is only ever read whole and in
/// order, which needs no end offsets. `LEN` must be their [`total_len`] plus their number.
pub const fn lines<const LEN: usize>(items: &[&str]) -> [u8; LEN] {
    concatenated(items, Some(b'\n'))
}

/// `items` one after the other, each followed by `end` if there is one (which no item may hold); `LEN`
/// must be the length of the result.
// Only evaluated at compile time (for consts and statics): an index out of range fails the build.
#[allow(clippy::indexing_slicing)]
const fn concatenated<const LEN: usize>(items: &[&str], end: Option<u8>) -> [u8; LEN] {
    let mut text = [0u8; LEN];
    let mut at = 0;
    let mut i = 0;
    while i < items.len() {
        let bytes = items[i].as_bytes();
        let mut j = 0;
        while j < bytes.len() {
            if let Some(e) = end {
                assert!(bytes[j] != e, "an item holds the separator");
            }
            text[at] = bytes[j];
            at += 1;
            j += 1;
        }
        if let Some(e) = end {
            text[at] = e;
            at += 1;
        }
        i += 1;
    }
    assert!(
        at == LEN,
        "LEN is not the length of the items with their separators"
    );
    text
}

/// The summed byte length of `items`: the `LEN` of their [`Packed`].
// Compile time only (the `LEN` of statics): an index out of range fails the build.
#[allow(clippy::indexing_slicing)]
pub const fn total_len(items: &[&str]) -> usize {
    let mut len = 0;
    let mut i = 0;
    while i < items.len() {
        len += items[i].len();
        i += 1;
    }
    len
}

/// A packed list: entry `i` is the text between the end of entry `i - 1` (0 for the first) and `ends[i]`.
#[derive(Clone, Copy)]
pub struct StrList {
    text: &'static str,
    ends: &'static [u16],
}

impl StrList {
    /// Where entry `i` lies in the text; `None` past the end.
    fn range(self, i: usize) -> Option<core::ops::Range<usize>> {
        let end = usize::from(*self.ends.get(i)?);
        let start = match i.checked_sub(1) {
            Some(prev) => usize::from(*self.ends.get(prev)?),
            None => 0,
        };
        Some(start..end)
    }

    /// Entry `i`; `None` past the end.
    pub fn get(self, i: usize) -> Option<&'static str> {
        self.text.get(self.range(i)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: [&str; 4] = ["", "Grüße", "b", "zz"];
    const TEXT: [u8; total_len(&WORDS)] = joined(&WORDS);
    static PACKED: Packed<4> = Packed::new(as_str(&TEXT), &WORDS);

    #[test]
    fn entries_come_back_as_written() {
        let list = PACKED.list();
        for (i, w) in WORDS.iter().enumerate() {
            assert_eq!(list.get(i), Some(*w));
        }
        assert_eq!(list.get(4), None);
    }

    #[test]
    fn lines_end_each_item_with_a_line_feed() {
        static LINES: [u8; total_len(&WORDS) + 4] = lines(&WORDS);
        assert_eq!(&LINES, "\nGrüße\nb\nzz\n".as_bytes());
    }
}
