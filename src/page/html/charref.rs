//! Character references (`&amp;`, `&#x41;`, legacy `&copy` without ";"), decoded as the WHATWG
//! tokenizer does.

use super::entities::ENTITIES;

/// What one reference stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Decoded {
    Char(char),
    Str(&'static str),
}

/// The longest entity name ("CounterClockwiseContourIntegral") and the longest legacy one ("middot").
const LONGEST_NAME: usize = 32;
const LONGEST_LEGACY: usize = 6;

/// Decodes the reference starting at `b[at]` (an `&`). `None`: no reference there, the `&` is literal.
/// Otherwise the replacement and the number of bytes it took, `&` included. In an attribute value a
/// legacy name followed by `=` or a letter or digit stays literal (`?a=1&copy=2` keeps its text).
pub(super) fn decode(b: &[u8], at: usize, in_attribute: bool) -> Option<(Decoded, usize)> {
    let rest = b.get(at + 1..)?;
    match rest.first()? {
        b'#' => numeric(rest.get(1..)?).map(|(c, n)| (Decoded::Char(c), n + 2)),
        c if c.is_ascii_alphanumeric() => named(rest, in_attribute).map(|(s, n)| (s, n + 1)),
        _ => None,
    }
}

/// `rest` is what follows "&#".
fn numeric(rest: &[u8]) -> Option<(char, usize)> {
    let (hex, digits_at) = match rest.first() {
        Some(b'x' | b'X') => (true, 1),
        _ => (false, 0),
    };
    let mut value: u32 = 0;
    let mut n = 0;
    for &c in rest.get(digits_at..)? {
        let d = match (hex, c) {
            (_, b'0'..=b'9') => c - b'0',
            (true, b'a'..=b'f') => c - b'a' + 10,
            (true, b'A'..=b'F') => c - b'A' + 10,
            _ => break,
        };
        // Saturate above the Unicode range: the value only needs to be known to be too big.
        value = value
            .saturating_mul(if hex { 16 } else { 10 })
            .saturating_add(u32::from(d))
            .min(0x11_0000);
        n += 1;
    }
    if n == 0 {
        return None;
    }
    let mut used = digits_at + n;
    if rest.get(used) == Some(&b';') {
        used += 1;
    }
    Some((numeric_char(value), used))
}

/// The spec's replacements: NUL, surrogates and values past Unicode become U+FFFD, and C1 controls the
/// Windows-1252 characters that pages mean by them.
fn numeric_char(value: u32) -> char {
    let mapped = match value {
        0x80 => 0x20AC,
        0x82 => 0x201A,
        0x83 => 0x0192,
        0x84 => 0x201E,
        0x85 => 0x2026,
        0x86 => 0x2020,
        0x87 => 0x2021,
        0x88 => 0x02C6,
        0x89 => 0x2030,
        0x8A => 0x0160,
        0x8B => 0x2039,
        0x8C => 0x0152,
        0x8E => 0x017D,
        0x91 => 0x2018,
        0x92 => 0x2019,
        0x93 => 0x201C,
        0x94 => 0x201D,
        0x95 => 0x2022,
        0x96 => 0x2013,
        0x97 => 0x2014,
        0x98 => 0x02DC,
        0x99 => 0x2122,
        0x9A => 0x0161,
        0x9B => 0x203A,
        0x9C => 0x0153,
        0x9E => 0x017E,
        0x9F => 0x0178,
        0 => 0xFFFD,
        v => v,
    };
    char::from_u32(mapped).unwrap_or('\u{FFFD}')
}

fn lookup(name: &[u8]) -> Option<&'static str> {
    ENTITIES
        .binary_search_by(|(n, _)| n.as_bytes().cmp(name))
        .ok()
        .and_then(|i| ENTITIES.get(i))
        .map(|(_, v)| *v)
}

/// `rest` is what follows "&" and starts with a letter or digit.
fn named(rest: &[u8], in_attribute: bool) -> Option<(Decoded, usize)> {
    let run = rest
        .iter()
        .take(LONGEST_NAME + 1)
        .take_while(|c| c.is_ascii_alphanumeric())
        .count();
    // A name with its ";": only the whole run can be one (the run ends where the ";" is).
    if rest.get(run) == Some(&b';') && run <= LONGEST_NAME {
        if let Some(v) = rest.get(..=run).and_then(lookup) {
            return Some((Decoded::Str(v), run + 1));
        }
    }
    // The longest legacy name (no ";") the run starts with.
    for len in (2..=run.min(LONGEST_LEGACY)).rev() {
        let Some(v) = rest.get(..len).and_then(lookup) else {
            continue;
        };
        let next = rest.get(len).copied();
        if in_attribute && next.is_some_and(|c| c == b'=' || c.is_ascii_alphanumeric()) {
            return None;
        }
        return Some((Decoded::Str(v), len));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str, attr: bool) -> Option<(String, usize)> {
        decode(s.as_bytes(), 0, attr).map(|(d, n)| {
            let t = match d {
                Decoded::Char(c) => c.to_string(),
                Decoded::Str(s) => s.to_string(),
            };
            (t, n)
        })
    }

    #[test]
    fn the_table_is_sorted_and_whole() {
        assert_eq!(ENTITIES.len(), 2231);
        assert!(ENTITIES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn named_references() {
        assert_eq!(text("&amp;x", false), Some(("&".into(), 5)));
        assert_eq!(text("&AMP", false), Some(("&".into(), 4)));
        assert_eq!(
            text("&CounterClockwiseContourIntegral;", false),
            Some(("\u{2233}".into(), 33))
        );
        assert_eq!(text("&acE;", false), Some(("\u{223E}\u{333}".into(), 5)));
        // Legacy prefix without ";": the longest one that is a name.
        assert_eq!(text("&notit;", false), Some(("\u{AC}".into(), 4)));
        assert_eq!(text("&notin;", false), Some(("\u{2209}".into(), 7)));
        assert_eq!(text("&copy2024", false), Some(("\u{A9}".into(), 5)));
        // Not a name, or a name that needs its ";".
        assert_eq!(text("&bogus;", false), None);
        assert_eq!(text("&hellip", false), None);
        assert_eq!(text("& x", false), None);
        assert_eq!(text("&", false), None);
    }

    #[test]
    fn attribute_exception() {
        assert_eq!(text("&copy=2", true), None);
        assert_eq!(text("&ampx", true), None);
        assert_eq!(text("&amp-x", true), Some(("&".into(), 4)));
        assert_eq!(text("&amp;x", true), Some(("&".into(), 5)));
        assert_eq!(text("&copy=2", false), Some(("\u{A9}".into(), 5)));
    }

    #[test]
    fn numeric_references() {
        assert_eq!(text("&#65;", false), Some(("A".into(), 5)));
        assert_eq!(text("&#x41", false), Some(("A".into(), 5)));
        assert_eq!(text("&#X6a;", false), Some(("j".into(), 6)));
        assert_eq!(text("&#0;", false), Some(("\u{FFFD}".into(), 4)));
        assert_eq!(text("&#xD800;", false), Some(("\u{FFFD}".into(), 8)));
        assert_eq!(
            text("&#99999999999999999999;", false),
            Some(("\u{FFFD}".into(), 23))
        );
        assert_eq!(text("&#x110000;", false), Some(("\u{FFFD}".into(), 10)));
        assert_eq!(text("&#128;", false), Some(("\u{20AC}".into(), 6)));
        assert_eq!(text("&#x81;", false), Some(("\u{81}".into(), 6)));
        assert_eq!(text("&#x;", false), None);
        assert_eq!(text("&#;", false), None);
    }
}
