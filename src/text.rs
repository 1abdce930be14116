//! Parsing of the text formats marketplaces display (amounts, counts, dates, clock times).
//!
//! Every parser is a pure function that never panics and returns `None` when the text does not
//! hold the format asked for. Parsers look for the *first* occurrence of their format inside the
//! text, so "Member since May 17, 2019" and "2,301 hours" work without pre-cleaning. They accept
//! only plain decimal notation ("1e300" is not a number a page displays) and reject negative values.

use crate::case::lowercase;
use crate::model::{Availability, ClockTime, Date, Money, YearMonth};

/// The largest amount any parser here accepts; anything above is garbage, not money.
pub const MAX_AMOUNT: f64 = 1.0e12;

// ---- Small string helpers in place of std's generic ones: each std method is an instance per pattern
// or element type in the wasm, these are one copy each (docs/performance.md, "Wasm size", eighth session).

/// `parts` joined with `sep`, as `[S]::join` joins them: that has a 900-byte instance in the wasm for each
/// element type, this is a short loop.
pub fn join<S: AsRef<str>>(parts: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p.as_ref());
    }
    out
}

/// The last non-empty part of a `/`-separated path ("/freelancers/~01abc/" → "~01abc"), as
/// `path.split('/').rfind(|s| !s.is_empty())` finds it, without core's reverse `char` splitter.
pub fn last_segment(path: &str) -> Option<&str> {
    let mut end = path.len();
    while end > 0 && path.as_bytes().get(end - 1) == Some(&b'/') {
        end -= 1;
    }
    let trimmed = path.get(..end)?;
    (!trimmed.is_empty()).then(|| after_last(trimmed, b'/'))
}

/// `parts` one after the other, as `[&str]::concat` (through [`join`]: one instance for both).
pub fn concat(parts: &[&str]) -> String {
    join(parts, "")
}

/// The first `n` characters of `s` (all of it when shorter), as `s.chars().take(n)` yields them: a slice,
/// where collecting the iterator links a `String` extender for it.
pub fn prefix(s: &str, n: usize) -> &str {
    for (count, (i, _)) in s.char_indices().enumerate() {
        if count == n {
            return s.get(..i).unwrap_or(s);
        }
    }
    s
}

/// `s` with its first `from` replaced by `to`, as `s.replacen(from, to, 1)` (one small function for every
/// caller instead of core's generic replacement loop).
pub fn replace_first(s: &str, from: &str, to: &str) -> String {
    match s.find(from) {
        Some(at) => concat(&[
            s.get(..at).unwrap_or_default(),
            to,
            s.get(at + from.len()..).unwrap_or_default(),
        ]),
        None => s.to_string(),
    }
}

/// The byte offset of the first of the ASCII `set` in `s`, as `s.find([…])` with those characters finds
/// it: one bytewise loop for every set, where core links a searcher per length of the array.
pub fn find_any(s: &str, set: &[u8]) -> Option<usize> {
    for (i, b) in s.bytes().enumerate() {
        if set.contains(&b) {
            return Some(i);
        }
    }
    None
}

/// `s` up to the first of the ASCII `set` (all of `s` without one), as
/// `s.split([…]).next().unwrap_or("")`: an address without its query and fragment, for one.
pub fn before_any<'a>(s: &'a str, set: &[u8]) -> &'a str {
    match find_any(s, set) {
        Some(at) => s.get(..at).unwrap_or(s),
        None => s,
    }
}

/// `s` without the characters `strip` accepts at its start (a `fn` pointer, as [`trim_where`]).
pub fn trim_start_where(s: &str, strip: fn(char) -> bool) -> &str {
    for (i, c) in s.char_indices() {
        if !strip(c) {
            return s.get(i..).unwrap_or(s);
        }
    }
    ""
}

/// `s` without the characters `strip` accepts at its end (a `fn` pointer, as [`trim_where`]).
pub fn trim_end_where(s: &str, strip: fn(char) -> bool) -> &str {
    let mut end = s.len();
    while let Some(c) = s.get(..end).and_then(|head| head.chars().next_back()) {
        if !strip(c) {
            break;
        }
        end -= c.len_utf8();
    }
    s.get(..end).unwrap_or(s)
}

/// `s` as a signed whole number, read as `str::parse::<i32>` reads it (an optional `+` or `-`, then
/// digits; `None` on overflow), through `u32`'s parser: the wasm links that anyway, `i32`'s would add
/// 560 bytes.
pub fn parse_i32(s: &str) -> Option<i32> {
    let (negative, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, s.get(1..)?),
        Some(b'+') => (false, s.get(1..)?),
        _ => (false, s),
    };
    // `u32`'s parser takes a leading `+` of its own: "-+5" is not a number.
    if matches!(digits.as_bytes().first(), Some(b'+' | b'-')) {
        return None;
    }
    let n = i64::from(digits.parse::<u32>().ok()?);
    i32::try_from(if negative { -n } else { n }).ok()
}

/// The byte offset of the last ASCII byte `b` in `s`, as `s.rfind(b as char)` finds it: searched
/// bytewise, so that core's reverse `char` searcher stays out of the wasm.
pub fn rfind_byte(s: &str, b: u8) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = bytes.len();
    while i > 0 {
        i -= 1;
        if bytes.get(i) == Some(&b) {
            return Some(i);
        }
    }
    None
}

/// `s` split around its last ASCII byte `b`, as `s.rsplit_once(b as char)`.
pub fn rsplit_once_byte(s: &str, b: u8) -> Option<(&str, &str)> {
    let at = rfind_byte(s, b)?;
    Some((s.get(..at)?, s.get(at + 1..)?))
}

/// What follows the last ASCII byte `b` in `s` (all of `s` without one), as
/// `s.rsplit(b as char).next().unwrap_or("")`.
pub fn after_last(s: &str, b: u8) -> &str {
    rsplit_once_byte(s, b).map_or(s, |(_, after)| after)
}

// ---- Parsers ----

/// Collapses whitespace, drops control, zero-width and bidi-override characters (which can make
/// a name display differently from what it is) and truncates to `max_chars`. `None` when empty.
pub fn clean(s: &str, max_chars: usize) -> Option<String> {
    let mut out = String::with_capacity(s.len().min(max_chars.saturating_mul(4)));
    let mut count = 0usize;
    let mut pending_space = false;
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        // A run of printable ASCII words with single spaces between them (most page text) is copied at
        // once: one char per byte.
        let run = ascii_run(rest);
        let (word, chars) = match run {
            0 => (rest.get(..c.len_utf8()).unwrap_or(""), 1),
            n => (rest.get(..n).unwrap_or(""), n),
        };
        rest = rest.get(word.len()..).unwrap_or("");
        if run == 0 && c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if run == 0 && (c.is_control() || is_invisible(c)) {
            continue;
        }
        if pending_space {
            if count + 1 >= max_chars {
                break;
            }
            out.push(' ');
            count += 1;
            pending_space = false;
        }
        let mut take = chars.min(max_chars.saturating_sub(count));
        if take > 0 && take < chars && word.as_bytes().get(take - 1) == Some(&b' ') {
            take -= 1; // a cut text does not end with a space
        }
        // Only a run can be cut; a cut single char takes nothing.
        out.push_str(if take == chars {
            word
        } else {
            word.get(..take).unwrap_or("")
        });
        count += take;
        if take < chars {
            break;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// The length of the printable ASCII text at the start of `s`, with single spaces between its words
/// (never a space at either end).
fn ascii_run(s: &str) -> usize {
    let b = s.as_bytes();
    let mut n = 0;
    while let Some(&c) = b.get(n) {
        if c.is_ascii_graphic() {
            n += 1;
        } else if c == b' ' && n > 0 && b.get(n + 1).is_some_and(u8::is_ascii_graphic) {
            n += 2;
        } else {
            break;
        }
    }
    n
}

fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{200B}' | '\u{200C}' | '\u{200E}' | '\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}'
        | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

// ---------------------------------------------------------------------------------------------
// Numbers

/// A number as displayed: digits with optional thousands separators and decimals, and an
/// optional K/M/B multiplier. Returns (value, byte length consumed, had a "+" after it).
fn number_at(s: &str, start: usize) -> Option<(f64, usize, bool)> {
    let b = s.as_bytes();
    let mut i = start;
    let starts = b.get(i).is_some_and(u8::is_ascii_digit)
        || (b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit));
    if !starts {
        return None;
    }
    // Collect digits and separators.
    let mut raw = String::new();
    while let Some(&c) = b.get(i) {
        let separator = (c == b',' || c == b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit);
        if !c.is_ascii_digit() && !separator {
            break;
        }
        raw.push(c as char);
        i += 1;
        if raw.len() > 40 {
            return None;
        }
    }
    let value = decimal_value(&raw)?;
    // Multiplier (K, M, B) directly or after one space, not followed by another letter.
    let mut mult = 1.0;
    let mut j = i;
    if b.get(j) == Some(&b' ')
        && b.get(j + 1)
            .is_some_and(|c| matches!(c, b'K' | b'k' | b'M' | b'B'))
    {
        j += 1;
    }
    if let Some(&c) = b.get(j) {
        let m = match c {
            b'K' | b'k' => 1.0e3,
            b'M' => 1.0e6,
            b'B' => 1.0e9,
            _ => 0.0,
        };
        let next_is_letter = b.get(j + 1).is_some_and(|n| n.is_ascii_alphabetic());
        if m > 0.0 && !next_is_letter {
            mult = m;
            i = j + 1;
        }
    }
    let mut plus = false;
    if b.get(i) == Some(&b'+') {
        plus = true;
        i += 1;
    }
    let v = value * mult;
    (v.is_finite() && v <= MAX_AMOUNT).then_some((v, i - start, plus))
}

/// "1,234.5" → 1234.5; "1.234,5" → 1234.5; "40,5" → 40.5; "1,234" → 1234; "1.234.567" → 1234567.
fn decimal_value(raw: &str) -> Option<f64> {
    let last_comma = rfind_byte(raw, b',');
    let last_dot = rfind_byte(raw, b'.');
    let normalized: String = match (last_comma, last_dot) {
        (Some(c), Some(d)) => {
            // Whichever separator comes last is the decimal point; the other groups thousands.
            let dec_pos = c.max(d);
            let mut digits = String::with_capacity(raw.len());
            for (i, ch) in raw.char_indices() {
                if ch.is_ascii_digit() {
                    digits.push(ch);
                } else if i == dec_pos {
                    digits.push('.');
                }
            }
            digits
        }
        (Some(_), None) => match thousands_groups(raw, ',') {
            (true, _) => replace_separator(raw, ',', None),
            (false, 2) => replace_separator(raw, ',', Some('.')),
            _ => return None,
        },
        (None, Some(_)) => match thousands_groups(raw, '.') {
            (_, ..=2) => raw.to_string(),
            (true, _) => replace_separator(raw, '.', None),
            (false, _) => return None,
        },
        (None, None) => raw.to_string(),
    };
    let v = crate::float::parse_f64(&normalized)?;
    v.is_finite().then_some(v)
}

/// Whether every group of `raw` after the first, split at `sep`, has three characters (thousands), and how
/// many groups there are.
fn thousands_groups(raw: &str, sep: char) -> (bool, usize) {
    let (mut all_three, mut count) = (true, 0);
    for group in raw.split(sep) {
        if count > 0 && group.len() != 3 {
            all_three = false;
        }
        count += 1;
    }
    (all_three, count)
}

/// `raw` with every `sep` replaced by `by`, or dropped when `by` is `None`.
fn replace_separator(raw: &str, sep: char, by: Option<char>) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        if c != sep {
            out.push(c);
        } else if let Some(by) = by {
            out.push(by);
        }
    }
    out
}

/// Whether the character before byte `i` makes the number there negative or part of a word/number.
fn preceded_badly(s: &str, i: usize) -> bool {
    let prev = s.get(..i).and_then(|p| p.chars().next_back());
    matches!(prev, Some(c) if c == '-' || c == '\u{2212}' || c.is_ascii_digit() || c == '.' || c == ',')
}

/// Every start of a number in `s` that is not negative and not inside another number or word.
fn number_starts(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.char_indices()
        .filter(move |&(i, c)| {
            c.is_ascii_digit() && {
                let prev = s.get(..i).and_then(|p| p.chars().next_back());
                !matches!(prev, Some(p) if p.is_ascii_digit() || p == '.' || p == ',' || p.is_alphabetic() || p == '_')
            }
        })
        .map(|(i, _)| i)
}

/// The first non-negative number in the text ("2,301.5 hours" → 2301.5; "$1.2M" → 1200000).
pub fn parse_number(s: &str) -> Option<f64> {
    let i = number_starts(s).next()?;
    if preceded_badly(s, i) {
        return None;
    }
    number_at(s, i).map(|(v, _, _)| v)
}

/// A count: "1,234", "2,301 hours", "26 jobs", "1.5K" → whole number.
pub fn parse_count(s: &str) -> Option<u64> {
    let v = parse_number(s)?;
    (v.fract() == 0.0 && v <= 4.0e9).then_some(v as u64)
}

/// Hours: "120 hours", "35 hrs", "1,234.5 hours", "2,301" → hours as a number.
pub fn parse_hours(s: &str) -> Option<f64> {
    parse_number(s).filter(|v| *v <= 10_000_000.0)
}

/// A number directly followed by one of `units` ("120 hours", "35 hrs", "12.5h"), not a money amount
/// and not a rate ("$40.00 /hr" has no hours). Units are matched without case, as whole words.
pub fn parse_quantity(s: &str, units: &[&str]) -> Option<f64> {
    for i in number_starts(s) {
        if preceded_badly(s, i) {
            continue;
        }
        let before = s.get(..i).unwrap_or("").trim_end();
        if before.ends_with(|c: char| SYMBOLS.iter().any(|(sym, _)| sym.ends_with(c))) {
            continue;
        }
        let Some((v, len, _)) = number_at(s, i) else {
            continue;
        };
        let rest = lowercase(s.get(i + len..).unwrap_or("").trim_start());
        for u in units {
            if rest.starts_with(&lowercase(u))
                && !rest[u.len()..].starts_with(|c: char| c.is_alphanumeric())
            {
                return Some(v);
            }
        }
    }
    None
}

/// A percentage: "99% Job Success", "Job Success 97 %" → 0–100.
pub fn parse_percent(s: &str) -> Option<u8> {
    for i in number_starts(s) {
        if preceded_badly(s, i) {
            continue;
        }
        let Some((v, len, _)) = number_at(s, i) else {
            continue;
        };
        let rest = s.get(i + len..).unwrap_or("").trim_start();
        if rest.starts_with('%') {
            return (0.0..=100.0).contains(&v).then(|| v.round() as u8);
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Money

/// Currency symbols, longest first so "US$" wins over "$".
const SYMBOLS: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("CA$", "CAD"),
    ("AU$", "AUD"),
    ("NZ$", "NZD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₴", "UAH"),
    ("zł", "PLN"),
];

/// ISO 4217 codes marketplaces display next to amounts.
const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "INR", "JPY", "CHF", "PLN", "UAH", "SEK", "NOK",
    "DKK", "CZK", "HUF", "RON", "BGN", "PHP", "PKR", "BDT", "NGN", "KES", "BRL", "MXN", "ZAR",
    "SGD", "HKD", "CNY", "TRY",
];

/// A money amount in the text: "$35.00/hr", "$1,234.5", "$10K+" (a lower bound: 10000), "$1.2M+",
/// "€40", "40 EUR", "USD 1,200". The first amount with a currency wins.
pub fn parse_money(s: &str) -> Option<Money> {
    parse_money_at(s).map(|(m, _, _)| m)
}

/// Like [`parse_money`], also giving the byte range the amount occupied.
fn parse_money_at(s: &str) -> Option<(Money, usize, usize)> {
    let mut best: Option<(Money, usize, usize)> = None;
    // Symbol before the number ("$35", "€ 40").
    for (sym, code) in SYMBOLS {
        let mut from = 0;
        while let Some(off) = s.get(from..).and_then(|r| r.find(sym)) {
            let at = from + off;
            from = at + sym.len();
            if best.as_ref().is_some_and(|b| b.1 <= at) {
                break;
            }
            // "US$" contains "$": skip a "$" that is the tail of a longer symbol.
            if *sym == "$"
                && s.get(..at)
                    .is_some_and(|p| p.ends_with(['S', 'A', 'C', 'Z']))
            {
                continue;
            }
            if s.get(..at)
                .and_then(|p| p.chars().next_back())
                .is_some_and(|c| c == '-' || c == '\u{2212}')
            {
                continue;
            }
            let mut n = at + sym.len();
            if s.as_bytes().get(n) == Some(&b' ') {
                n += 1;
            }
            if let Some((v, len, _)) = number_at(s, n) {
                best = Some((
                    Money {
                        amount: v,
                        currency: (*code).to_string(),
                    },
                    at,
                    n + len,
                ));
                break;
            }
        }
    }
    // ISO code before or after the number ("USD 40", "40.00 EUR").
    for code in CODES {
        let mut from = 0;
        while let Some(off) = s.get(from..).and_then(|r| r.find(code)) {
            let at = from + off;
            from = at + code.len();
            let word_ok = !s
                .get(..at)
                .and_then(|p| p.chars().next_back())
                .is_some_and(char::is_alphanumeric)
                && !s
                    .get(at + code.len()..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(char::is_alphabetic);
            if !word_ok {
                continue;
            }
            // After: "USD 40".
            let mut n = at + code.len();
            while s.as_bytes().get(n) == Some(&b' ') {
                n += 1;
            }
            if let Some((v, len, _)) = number_at(s, n) {
                if best.as_ref().is_none_or(|b| at < b.1) {
                    best = Some((
                        Money {
                            amount: v,
                            currency: (*code).to_string(),
                        },
                        at,
                        n + len,
                    ));
                }
                continue;
            }
            // Before: "40 USD".
            let before = s.get(..at).unwrap_or("").trim_end_matches(' ');
            if let Some(start) = number_starts(before).last() {
                if preceded_badly(before, start) {
                    continue;
                }
                if let Some((v, len, _)) = number_at(before, start) {
                    if start + len == before.len() && best.as_ref().is_none_or(|b| start < b.1) {
                        best = Some((
                            Money {
                                amount: v,
                                currency: (*code).to_string(),
                            },
                            start,
                            at + code.len(),
                        ));
                    }
                }
            }
        }
    }
    best
}

/// An hourly rate: money followed by "/hr", "/ hr", "/hour" or "per hour" ("$35.00/hr", "$40.00 /hr").
/// Plain amounts without the per-hour marker are not rates. The first rate in the text wins.
pub fn parse_rate(s: &str) -> Option<Money> {
    // ASCII lower-casing keeps byte offsets, so positions in `lower` are positions in `s`.
    let lower = s.to_ascii_lowercase();
    let mut markers: Vec<usize> = Vec::new();
    for m in [
        "/hr", "/ hr", "/hour", "/ hour", "per hour", "an hour", "hourly",
    ] {
        for (i, _) in lower.match_indices(m).take(200) {
            markers.push(i);
        }
    }
    crate::sort::sort(&mut markers);
    crate::sort::dedup(&mut markers);
    for at in markers.into_iter().take(200) {
        // The amount must end right before the marker; 40 bytes hold any sane "US$ 1,234.56".
        let mut from = at.saturating_sub(40);
        while !s.is_char_boundary(from) {
            from += 1;
        }
        let Some(window) = s.get(from..at) else {
            continue;
        };
        let mut last = None;
        let mut k = 0;
        while let Some((m, _, end)) = window.get(k..).and_then(parse_money_at) {
            last = Some((m, k + end));
            k += end.max(1);
        }
        if let Some((m, end)) = last {
            if window.get(end..).is_some_and(|gap| gap.trim().is_empty()) {
                return Some(m);
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Dates

/// English month names, January first; the first three letters of each are its abbreviation.
const MONTHS: &str =
    "january february march april may june july august september october november december";

/// "Aug", "August", "Sept", "sept." → 1–12.
fn month_from_word(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    for (i, full) in MONTHS.split(' ').enumerate() {
        if w == full || full.get(..3) == Some(w.as_str()) || (i == 8 && w == "sept") {
            return Some(i as u32 + 1);
        }
    }
    None
}

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Word(String),
    Num(String),
}

/// Splits into letter runs and digit runs with their byte offsets; everything else separates.
fn tokens(s: &str) -> Vec<(usize, Tok)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cur_start = 0;
    let mut cur_kind = 0u8; // 1 = word, 2 = number
    for (i, c) in s.char_indices() {
        let kind = if c.is_alphabetic() {
            1
        } else if c.is_ascii_digit() {
            2
        } else {
            0
        };
        if kind != cur_kind && !cur.is_empty() {
            let t = std::mem::take(&mut cur);
            out.push((
                cur_start,
                if cur_kind == 1 {
                    Tok::Word(t)
                } else {
                    Tok::Num(t)
                },
            ));
        }
        if kind != 0 {
            if cur.is_empty() {
                cur_start = i;
            }
            cur.push(c);
        }
        cur_kind = kind;
        if out.len() > 10_000 {
            break;
        }
    }
    if !cur.is_empty() {
        out.push((
            cur_start,
            if cur_kind == 1 {
                Tok::Word(cur)
            } else {
                Tok::Num(cur)
            },
        ));
    }
    out
}

fn num(t: Option<&(usize, Tok)>) -> Option<(u32, usize)> {
    match t {
        Some((_, Tok::Num(n))) if n.len() <= 4 => n.parse().ok().map(|v| (v, n.len())),
        _ => None,
    }
}

/// What a date-ish text held, and where it started.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Found {
    Day(Date),
    Month(YearMonth),
}

/// The first calendar date or month in `s`: "Aug 5, 2026", "5 August 2026", "August 2019",
/// "2019-05-17T00:00:00Z", "2019-05".
fn find_date(s: &str) -> Option<(usize, Found)> {
    let iso = find_iso(s);
    // Nothing comes before the start, and the ISO form wins a tie: no need to read the words.
    if iso.as_ref().is_some_and(|f| f.0 == 0) {
        return iso;
    }
    let toks = tokens(s);
    let mut words = None;
    for (k, (pos, t)) in toks.iter().enumerate() {
        if let Some(ref f) = iso {
            if f.0 < *pos {
                break;
            }
        }
        match t {
            Tok::Word(w) => {
                let Some(month) = month_from_word(w) else {
                    continue;
                };
                // "Aug 5, 2026"
                if let (Some((d, dl)), Some((y, 4))) = (num(toks.get(k + 1)), num(toks.get(k + 2)))
                {
                    if dl <= 2 {
                        if let Some(date) = Date::new(y as i32, month, d) {
                            words = Some((*pos, Found::Day(date)));
                            break;
                        }
                    }
                }
                // "August 2019"
                if let Some((y, 4)) = num(toks.get(k + 1)) {
                    if let Some(ym) = YearMonth::new(y as i32, month) {
                        words = Some((*pos, Found::Month(ym)));
                        break;
                    }
                }
            }
            Tok::Num(_) => {
                // "5 August 2026"
                let (Some((d, dl)), Some((_, Tok::Word(w)))) = (num(toks.get(k)), toks.get(k + 1))
                else {
                    continue;
                };
                let (Some(month), Some((y, 4))) = (month_from_word(w), num(toks.get(k + 2))) else {
                    continue;
                };
                if dl <= 2 {
                    if let Some(date) = Date::new(y as i32, month, d) {
                        words = Some((*pos, Found::Day(date)));
                        break;
                    }
                }
            }
        }
    }
    match (iso, words) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

/// "2019-05-17…" or "2019-05" (not part of a longer number).
fn find_iso(s: &str) -> Option<(usize, Found)> {
    let b = s.as_bytes();
    let mut i = 0;
    while i + 7 <= b.len() {
        let digits =
            |r: std::ops::Range<usize>| r.clone().all(|k| b.get(k).is_some_and(u8::is_ascii_digit));
        if digits(i..i + 4)
            && b.get(i + 4) == Some(&b'-')
            && digits(i + 5..i + 7)
            && !(i > 0 && b.get(i - 1).is_some_and(u8::is_ascii_digit))
        {
            let y = parse_i32(s.get(i..i + 4)?)?;
            let m: u32 = s.get(i + 5..i + 7)?.parse().ok()?;
            if b.get(i + 7) == Some(&b'-')
                && digits(i + 8..i + 10)
                && !b.get(i + 10).is_some_and(u8::is_ascii_digit)
            {
                let d: u32 = s.get(i + 8..i + 10)?.parse().ok()?;
                if let Some(date) = Date::new(y, m, d) {
                    return Some((i, Found::Day(date)));
                }
            } else if !b
                .get(i + 7)
                .is_some_and(|c| c.is_ascii_digit() || *c == b'-')
            {
                if let Some(ym) = YearMonth::new(y, m) {
                    return Some((i, Found::Month(ym)));
                }
            }
        }
        i += 1;
    }
    None
}

/// A full date: "Aug 5, 2026", "August 5, 2026", "5 Aug 2026", "2026-08-05", "Member since May 17, 2019".
pub fn parse_date(s: &str) -> Option<Date> {
    match find_date(s)?.1 {
        Found::Day(d) => Some(d),
        Found::Month(_) => None,
    }
}

/// A month: "August 2019", "Nov 2018", "Member since May 17, 2019", "2019-05-17T00:00:00Z".
pub fn parse_year_month(s: &str) -> Option<YearMonth> {
    match find_date(s)?.1 {
        Found::Day(d) => YearMonth::new(d.year, u32::from(d.month)),
        Found::Month(m) => Some(m),
    }
}

/// A period of work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateRange {
    pub start: Date,
    /// `None` when ongoing or not shown.
    pub end: Option<Date>,
    /// The end said "Present".
    pub ongoing: bool,
}

/// "Aug 5, 2026 - Aug 21, 2026", "Aug 21, 2026 - Present", "Jan 2024 – Mar 2024" (a month start is its
/// first day, a month end its last day). A single date gives a range without an end.
pub fn parse_date_range(s: &str) -> Option<DateRange> {
    let (at, first) = find_date(s)?;
    let start = match first {
        Found::Day(d) => d,
        Found::Month(m) => m.first_day(),
    };
    let rest = s.get(at..).unwrap_or("");
    // The separator: a dash with spaces around it, an en/em dash, or " to ".
    // The earliest of them (the first listed of equals).
    let mut sep: Option<(usize, usize)> = None;
    for p in [" - ", " – ", " — ", "–", "—", " to "] {
        if let Some(i) = rest.find(p) {
            if sep.is_none_or(|(best, _)| i < best) {
                sep = Some((i, p.len()));
            }
        }
    }
    let Some((i, len)) = sep else {
        return Some(DateRange {
            start,
            end: None,
            ongoing: false,
        });
    };
    let right = rest.get(i + len..).unwrap_or("");
    let lower = lowercase(right.trim_start());
    if ["present", "now", "ongoing", "current", "today"]
        .iter()
        .any(|w| lower.starts_with(w))
    {
        return Some(DateRange {
            start,
            end: None,
            ongoing: true,
        });
    }
    let end = match find_date(right) {
        Some((_, Found::Day(d))) => Some(d),
        Some((_, Found::Month(m))) => Date::new(
            m.year,
            u32::from(m.month),
            crate::time::days_in_month(m.year, u32::from(m.month)),
        ),
        None => None,
    };
    // An end before the start is a misread, not a period.
    let end = end.filter(|e| *e >= start);
    Some(DateRange {
        start,
        end,
        ongoing: false,
    })
}

// ---------------------------------------------------------------------------------------------
// Clock times, availability, ratings

/// A wall-clock time: "3:42 pm", "3:42 PM local time", "15:42", "3:42 p.m.". The first valid one.
pub fn parse_clock(s: &str) -> Option<ClockTime> {
    find_clock(s).map(|(c, _)| c)
}

/// Like [`parse_clock`], also giving the byte offset just after the time (and its am/pm marker).
fn find_clock(s: &str) -> Option<(ClockTime, usize)> {
    let b = s.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c != b':' || i == 0 {
            continue;
        }
        // Hour: one or two digits before the colon, not preceded by another digit.
        let mut h_start = i;
        while h_start > 0 && b.get(h_start - 1).is_some_and(u8::is_ascii_digit) && i - h_start < 3 {
            h_start -= 1;
        }
        let h_len = i - h_start;
        if h_len == 0
            || h_len > 2
            || (h_start > 0
                && b.get(h_start - 1)
                    .is_some_and(|&c| c.is_ascii_digit() || c == b':'))
        {
            continue;
        }
        if !(b.get(i + 1).is_some_and(u8::is_ascii_digit)
            && b.get(i + 2).is_some_and(u8::is_ascii_digit))
        {
            continue;
        }
        if b.get(i + 3).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let Some(hour) = s.get(h_start..i).and_then(|h| h.parse::<u32>().ok()) else {
            continue;
        };
        let Some(minute) = s.get(i + 1..i + 3).and_then(|m| m.parse::<u32>().ok()) else {
            continue;
        };
        let mut end = i + 3;
        // Optional ":ss".
        if b.get(end) == Some(&b':')
            && b.get(end + 1).is_some_and(u8::is_ascii_digit)
            && b.get(end + 2).is_some_and(u8::is_ascii_digit)
        {
            end += 3;
        }
        let after = s.get(end..).unwrap_or("");
        let trimmed = after.trim_start();
        let skipped = after.len() - trimmed.len();
        let mut lower = String::new();
        for c in trimmed.chars().take(5) {
            lower.push(c.to_ascii_lowercase());
        }
        let mut marker = None;
        for (m, add) in [("a.m.", 0u32), ("p.m.", 12), ("am", 0), ("pm", 12)] {
            // The marker is ASCII, so the byte after it starts the next character.
            let letter_after = lower
                .as_bytes()
                .get(m.len())
                .is_some_and(u8::is_ascii_alphabetic);
            if lower.starts_with(m) && !letter_after {
                marker = Some((m, add));
                break;
            }
        }
        let (h24, end) = match marker {
            Some((m, add)) => {
                if !(1..=12).contains(&hour) {
                    continue;
                }
                ((hour % 12) + add, end + skipped + m.len())
            }
            None => (hour, end),
        };
        if let Some(t) = ClockTime::new(h24, minute) {
            return Some((t, end));
        }
    }
    None
}

/// The time in a "… 3:42 pm local time" text: the clock right before the words "local time".
pub fn parse_local_time(s: &str) -> Option<ClockTime> {
    let lower = lowercase(s);
    if lower.len() != s.len() {
        // Case folding changed byte offsets (rare scripts); fall back to the first clock.
        return lower
            .contains("local time")
            .then(|| parse_clock(s))
            .flatten();
    }
    let mut from = 0;
    while let Some(off) = lower.get(from..).and_then(|r| r.find("local time")) {
        let at = from + off;
        let window_start = s.floor_char_boundary_compat(at.saturating_sub(24));
        if let Some(before) = s.get(window_start..at) {
            // The last clock in the window, ending just before "local time".
            let mut best = None;
            let mut k = 0;
            while let Some((t, end)) = before.get(k..).and_then(find_clock) {
                best = Some((t, k + end));
                k += end.max(1);
            }
            if let Some((t, end)) = best {
                if before.get(end..).is_some_and(|gap| {
                    gap.trim().is_empty() || gap.trim() == "(" || gap.trim() == ","
                }) {
                    return Some(t);
                }
            }
        }
        from = at + "local time".len();
    }
    None
}

trait FloorBoundary {
    fn floor_char_boundary_compat(&self, i: usize) -> usize;
}

impl FloorBoundary for str {
    fn floor_char_boundary_compat(&self, mut i: usize) -> usize {
        if i >= self.len() {
            return self.len();
        }
        while i > 0 && !self.is_char_boundary(i) {
            i -= 1;
        }
        i
    }
}

/// "More than 30 hrs/week", "Less than 30 hrs/week", "As needed - open to offers".
pub fn parse_availability(s: &str) -> Option<Availability> {
    let l = lowercase(s);
    if l.contains("more than 30")
        || l.contains("30+ hrs")
        || l.contains("full time")
        || l.contains("full-time")
    {
        Some(Availability::MoreThan30)
    } else if l.contains("less than 30") || l.contains("part time") || l.contains("part-time") {
        Some(Availability::LessThan30)
    } else if l.contains("as needed") || l.contains("open to offers") {
        Some(Availability::AsNeeded)
    } else {
        None
    }
}

/// A rating out of 5: "Rating is 4.9 out of 5.", "4.90", "5.0 of 5 stars". Other scales ("out of 10")
/// are converted to 5.
pub fn parse_rating(s: &str) -> Option<f64> {
    let v = parse_number(s)?;
    let lower = lowercase(s);
    // The number after the first of "out of", " of " that has one; 5 without.
    let mut scale = None;
    for k in ["out of", " of "] {
        scale = lower
            .find(k)
            .and_then(|i| lower.get(i + k.len()..))
            .and_then(parse_number);
        if scale.is_some() {
            break;
        }
    }
    let scale = scale.filter(|x| *x > 0.0).unwrap_or(5.0);
    let r = v / scale * 5.0;
    (r.is_finite() && (0.0..=5.0).contains(&r)).then(|| (r * 100.0).round() / 100.0)
}

// ---------------------------------------------------------------------------------------------
// Addresses: links, e-mail addresses and domain names written in profile text

/// Whether `c` cannot be part of a written address (the splitting of text into address-like words; one
/// named function, so both readers share one copy of the splitter).
fn not_address_char(c: char) -> bool {
    !(c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '%' | '+' | '@'))
}

/// Punctuation that may surround an address-like word without being part of it.
fn address_edge(c: char) -> bool {
    matches!(c, '.' | '-' | '_' | '%' | '+')
}

/// `s` split at the characters `at` accepts. Through a `fn` pointer, so every caller shares one copy of
/// the splitter.
pub fn split_where(s: &str, at: fn(char) -> bool) -> core::str::Split<'_, fn(char) -> bool> {
    s.split(at)
}

/// `s` without the characters `strip` accepts at its ends (through a `fn` pointer: one copy of the trimming
/// code for every caller).
pub fn trim_where(s: &str, strip: fn(char) -> bool) -> &str {
    trim_end_where(trim_start_where(s, strip), strip)
}

/// Longest address kept; anything longer is garbage or an attack on the reader.
pub const MAX_ADDRESS: usize = 2_048;
/// Text beyond this many bytes is not searched for addresses.
const MAX_SCAN: usize = 200_000;

/// Query parameters that only track a click; dropped from links (as is every `utm_*`).
const TRACKING_PARAMS: &str = "\
    fbclid gclid dclid gbraid wbraid msclkid mc_cid mc_eid igshid \
    yclid _ga _gl ref_src";

/// Top-level domains that make a dotted word without a scheme a domain name ("acme.com"). Deliberately short:
/// country codes that are also file extensions (.md, .rs, .py, .sh, .pl is kept) or English words (.it, .in,
/// .to, .me, .us, .no, .be, .is, .id) are left out, so "README.md" or "love it.It" stay words.
const BARE_TLDS: &str = "\
com
net
org
edu
gov
io
dev
app
ai
co
info
biz
tech
online
site
xyz
pro
cloud
store
shop
agency
studio
design
digital
software
solutions
systems
services
media
blog
website
llc
ltd
uk
de
fr
es
nl
pl
ua
ru
ca
au
jp
kr
cn
br
ar
mx
ch
se
dk
fi
cz
pt
eu
ie
nz
za
sg
hk
tw
vn
ph
th
tr
il
gr
ro
hu
bg
sk
si
hr
lt
lv
ee
by
kz
ge
az
uz
cl
pe
ve
ec
uy
ng
ke
eg
ma
pk
bd
lk
np
ae
sa
qa
cc
tv
gg
ly
fm";

/// Endings that make "name@2x.png" or "www.site.html" a file, not an address.
const FILE_EXTENSIONS: &str = "\
    png jpg jpeg gif svg webp pdf js css html htm json xml \
    md txt zip";

/// Characters that end a link written in running text.
const URL_STOP: &[char] = &[
    '<', '>', '"', '\'', '`', '{', '}', '|', '\\', '^', '«', '»', '\u{201C}', '\u{201D}',
    '\u{2018}', '\u{2019}',
];

/// Whether `s` is a host name: at least two dot-separated labels of letters, digits and inner hyphens
/// (any script), none longer than 63 characters, 253 in all.
pub fn is_host(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 253
        && s.contains('.')
        && s.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// Whether `s` is a plain ASCII domain name with a top-level domain that has a letter ("wkjllc.com",
/// "xn--bcher-kva.de"); not an IP address. Compare lower-cased.
pub fn is_domain_name(s: &str) -> bool {
    s.is_ascii() && is_host(s) && after_last(s, b'.').bytes().any(|b| b.is_ascii_alphabetic())
}

/// A link in canonical form: scheme and host lower-cased, user info, default port, `#fragment` and tracking
/// parameters dropped, "/" for an empty path. Only `http`, `https` and protocol-relative `//host` (taken as
/// https) are links; anything else is `None`.
pub fn normalize_url(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.len() > MAX_ADDRESS
        || raw
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || is_invisible(c))
    {
        return None;
    }
    let (scheme, rest) = match raw.strip_prefix("//") {
        Some(rest) => ("https", rest),
        None => {
            let (s, rest) = raw.split_once("://")?;
            match s.to_ascii_lowercase().as_str() {
                "http" => ("http", rest),
                "https" => ("https", rest),
                _ => return None,
            }
        }
    };
    let end = find_any(rest, b"/?#\\").unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let host_port = after_last(authority, b'@');
    let (host, port) = match rsplit_once_byte(host_port, b':') {
        Some((h, p)) if p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) => (h, p),
        Some(_) => return None,
        None => (host_port, ""),
    };
    let host = lowercase(host.trim_end_matches('.'));
    if !is_host(&host) {
        return None;
    }
    let port = match (scheme, port) {
        (_, "") | ("http", "80") | ("https", "443") => String::new(),
        (_, p) => format!(":{p}"),
    };
    let tail = tail.split('#').next().unwrap_or("");
    let (path, query) = match tail.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (tail, None),
    };
    let mut out = format!(
        "{scheme}://{host}{port}{}",
        if path.is_empty() { "/" } else { path }
    );
    if let Some(q) = query {
        // The parameters that are not tracking, joined with '&' after a '?'.
        let mut first = true;
        for kv in q.split('&') {
            let key = kv.split('=').next().unwrap_or("").to_ascii_lowercase();
            if key.is_empty()
                || key.starts_with("utm_")
                || TRACKING_PARAMS.split(' ').any(|p| p == key)
            {
                continue;
            }
            out.push(if first { '?' } else { '&' });
            out.push_str(kv);
            first = false;
        }
    }
    (out.len() <= MAX_ADDRESS).then_some(out)
}

/// An e-mail address in canonical (lower-case) form; a leading "mailto:" and its "?subject=…" are dropped.
pub fn normalize_email(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let raw = match raw.get(..7) {
        Some(p) if p.eq_ignore_ascii_case("mailto:") => &raw[7..],
        _ => raw,
    };
    let raw = raw.split('?').next().unwrap_or("");
    let (local, domain) = raw.split_once('@')?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b));
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    let tld = after_last(&domain, b'.');
    let domain_ok = is_domain_name(&domain)
        && tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
        && !FILE_EXTENSIONS.split(' ').any(|e| e == tld);
    (local_ok && domain_ok).then(|| format!("{}@{domain}", local.to_ascii_lowercase()))
}

/// Every link, e-mail address and domain name written in `text`, in canonical form, without repeats, at most
/// `max`: links first ("https://x.netlify.app/"), then addresses ("a@b.com") and bare domain names
/// ("wkjllc.com") in text order. Bare names need a common top-level domain written in lower case, so
/// "Node.js", "ASP.NET" and "README.md" are not taken for sites.
pub fn find_addresses(text: &str, max: usize) -> Vec<String> {
    let text = &text[..text.floor_char_boundary_compat(MAX_SCAN)];
    let mut out: Vec<String> = Vec::new();
    if !may_hold_address(text) {
        return out;
    }
    let push = |a: String, out: &mut Vec<String>| {
        if out.len() < max && !out.contains(&a) {
            out.push(a);
        }
    };
    // Links first; their text is then blanked so their parts are not read again as names. The spans
    // come in text order, do not overlap and lie on char boundaries, so `rest` is the text between
    // them and a space for every byte of a link (one copy, no UTF-8 check of a byte buffer).
    let mut rest = String::with_capacity(text.len());
    let mut copied = 0;
    for (start, end) in url_spans(text) {
        if let Some(u) = normalize_url(&text[start..end]) {
            push(u, &mut out);
        }
        rest.push_str(text.get(copied..start).unwrap_or_default());
        rest.extend(std::iter::repeat_n(
            ' ',
            end.saturating_sub(start.max(copied)),
        ));
        copied = copied.max(end);
    }
    rest.push_str(text.get(copied..).unwrap_or_default());
    for word in split_where(&rest, not_address_char) {
        let word = trim_where(word, address_edge);
        if word.contains('@') {
            if let Some(e) = normalize_email(word) {
                push(e, &mut out);
            }
        } else if let Some(d) = bare_domain(word) {
            push(d, &mut out);
        }
        if out.len() >= max {
            break;
        }
    }
    out
}

/// Whether `text` has what every address needs: "://" (a link), '@' (an e-mail address) or a '.' inside a
/// word (a domain name: a word char follows it). Most feedback and titles have none, and are not split up.
fn may_hold_address(text: &str) -> bool {
    text.contains("://")
        || text.contains('@')
        || text.as_bytes().windows(2).any(|w| {
            matches!(w, [b'.', c] if c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'%' | b'+'))
        })
}

/// Byte ranges of `http://…` and `https://…` links in running text, without trailing punctuation.
fn url_spans(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut spans = Vec::new();
    let mut i = 0;
    while i < b.len() && spans.len() < 1_000 {
        // Every link starts with an 'h' or 'H': jump to the next one.
        match b
            .get(i..)
            .and_then(|r| r.iter().position(|c| c.eq_ignore_ascii_case(&b'h')))
        {
            Some(skip) => i += skip,
            None => break,
        }
        let rest = b.get(i..).unwrap_or_default();
        let starts = |p: &[u8]| {
            rest.get(..p.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(p))
        };
        let prefix = if starts(b"https://") {
            8
        } else if starts(b"http://") {
            7
        } else {
            0
        };
        // `b[i]` is an ASCII 'h' here, so `i` is a char boundary.
        if prefix == 0
            || text[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric())
        {
            i += 1;
            continue;
        }
        let body = &text[i + prefix..];
        let len = body
            .find(|c: char| c.is_whitespace() || URL_STOP.contains(&c))
            .unwrap_or(body.len());
        let mut url = &text[i..i + prefix + len];
        while let Some(last) = url.chars().next_back() {
            let unbalanced = |open: char, close: char| {
                last == close && url.matches(open).count() < url.matches(close).count()
            };
            if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | '*')
                || unbalanced('(', ')')
                || unbalanced('[', ']')
            {
                url = &url[..url.len() - last.len_utf8()];
            } else {
                break;
            }
        }
        spans.push((i, i + url.len()));
        i += prefix + len.max(1);
    }
    spans
}

/// "acme.com" or "www.acme.xyz" written without a scheme, lower-cased; see [`find_addresses`].
fn bare_domain(word: &str) -> Option<String> {
    if !word.is_ascii() || !word.contains('.') {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    if !is_domain_name(&lower) {
        return None;
    }
    let tld = after_last(word, b'.');
    let tld_lower = tld.to_ascii_lowercase();
    let www = lower.starts_with("www.") && lower.matches('.').count() >= 2;
    let written_lower = tld.bytes().all(|b| b.is_ascii_lowercase());
    let ok = if www {
        !FILE_EXTENSIONS.split(' ').any(|e| e == tld_lower)
    } else {
        written_lower && BARE_TLDS.lines().any(|t| t == tld_lower)
    };
    ok.then_some(lower)
}

/// The host of a canonical address: a link's host, an e-mail address's domain, or the domain name itself.
pub fn address_host(address: &str) -> Option<&str> {
    let host = match address.split_once("://") {
        Some((_, rest)) => {
            let end = find_any(rest, b"/?#:").unwrap_or(rest.len());
            &rest[..end]
        }
        None => after_last(address, b'@'),
    };
    (!host.is_empty()).then_some(host)
}

/// Whether a canonical address is a web link (as opposed to an e-mail address or a bare domain name).
pub fn is_link(address: &str) -> bool {
    address.starts_with("https://") || address.starts_with("http://")
}

/// Whether `host` is `domain` or one of its subdomains ("x.wkjllc.com" is under "wkjllc.com",
/// "notwkjllc.com" is not). Both lower case.
pub fn host_is_under(host: &str, domain: &str) -> bool {
    let host = host.trim_end_matches('.');
    !domain.is_empty()
        && (host == domain
            || (host.len() > domain.len()
                && host.ends_with(domain)
                && host.as_bytes().get(host.len() - domain.len() - 1) == Some(&b'.')))
}

/// Host-like words in `text` (letters, digits, dots and hyphens, with a dot), lower-cased, each with whether it
/// directly follows an '@' (an e-mail address's domain). Nothing is filtered by top-level domain: this is for
/// comparing with domain lists, where only exact names and their subdomains count.
pub fn host_words(text: &str) -> Vec<(String, bool)> {
    let text = &text[..text.floor_char_boundary_compat(MAX_SCAN)];
    let mut out = Vec::new();
    // A host word has a '.' inside it, so a word char follows that '.': text without one (most feedback,
    // whose dots end sentences) has none.
    let inner_dot = text.as_bytes().windows(2).any(|w| {
        matches!(w, [b'.', c] if c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-') || !c.is_ascii())
    });
    if !inner_dot {
        return out;
    }
    let mut start: Option<usize> = None;
    let emit = |from: usize, to: usize, out: &mut Vec<(String, bool)>| {
        let word = trim_where(&text[from..to], |c| c == '.' || c == '-');
        if word.contains('.') && out.len() < 10_000 {
            let after_at = text[..from].ends_with('@');
            out.push((lowercase(word), after_at));
        }
    };
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || c == '.' || c == '-';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                emit(s, i, &mut out);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        emit(s, text.len(), &mut out);
    }
    out
}

/// The e-mail addresses written in `text`, canonical, without repeats.
pub fn find_emails(text: &str) -> Vec<String> {
    let text = &text[..text.floor_char_boundary_compat(MAX_SCAN)];
    let mut out: Vec<String> = Vec::new();
    // Most texts have no '@' at all; finding that out is cheaper than splitting them into words.
    if !text.contains('@') {
        return out;
    }
    for word in split_where(text, not_address_char) {
        if word.contains('@') {
            let word = trim_where(word, address_edge);
            if let Some(e) = normalize_email(word) {
                if !out.contains(&e) && out.len() < 1_000 {
                    out.push(e);
                }
            }
        }
    }
    out
}

/// Whether `needle` occurs in `haystack` as whole words, ignoring case: "WKJ LLC" is in "Senior developer at
/// wkj llc." but "wkj" is not in "wkjllc".
pub fn contains_word(haystack: &str, needle: &str) -> bool {
    contains_word_lower(&lowercase(haystack), &lowercase(needle.trim()))
}

/// [`contains_word`] for a haystack and needle already in lower case (for many needles over one text).
pub fn contains_word_lower(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    hay.match_indices(needle).any(|(i, m)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod address_tests {
    use super::*;

    #[test]
    fn host_words_need_a_dot_inside_a_word() {
        assert!(host_words("Great work. Delivered on time.").is_empty());
        assert!(host_words("").is_empty());
        let w = |s: &str, at: bool| (s.to_string(), at);
        assert_eq!(
            host_words("Visit Wkj-LLC.com. Thanks"),
            vec![w("wkj-llc.com", false)]
        );
        assert_eq!(
            host_words("a@mail.ÜNÏ.de x..y"),
            vec![w("mail.ünï.de", true), w("x..y", false)]
        );
        assert_eq!(host_words("end .-x."), vec![]);
        assert_eq!(host_words("v.ü"), vec![w("v.ü", false)]);
    }

    #[test]
    fn texts_without_address_marks_are_not_split() {
        for plain in [
            "Clear communication and thoughtful work. Delivered on time, would hire again.",
            "Redesign of a dashboard #12",
            "Ends with a dot.",
            "",
        ] {
            assert!(!may_hold_address(plain), "{plain}");
            assert!(find_addresses(plain, 10).is_empty());
        }
        // Each mark alone is enough to look: a link, an address, a name with an inner dot.
        for (text, found) in [
            ("see https://x.netlify.app/ now", "https://x.netlify.app/"),
            ("mail ann@wkj-llc.com please", "ann@wkj-llc.com"),
            ("at wkjllc.com.", "wkjllc.com"),
            ("at my-site.co-op.dev today", "my-site.co-op.dev"),
        ] {
            assert!(may_hold_address(text), "{text}");
            assert_eq!(find_addresses(text, 10), vec![found.to_string()], "{text}");
        }
    }

    #[test]
    fn links_are_canonical() {
        assert_eq!(
            normalize_url("HTTPS://User:pw@Lukas-Portfolio.Netlify.APP:443/Work?utm_source=upwork&id=7&fbclid=x#top")
                .as_deref(),
            Some("https://lukas-portfolio.netlify.app/Work?id=7")
        );
        assert_eq!(
            normalize_url("//github.com/a").as_deref(),
            Some("https://github.com/a")
        );
        assert_eq!(
            normalize_url("http://example.com:8080").as_deref(),
            Some("http://example.com:8080/")
        );
        // "upwork.com@evil.example" goes to evil.example.
        assert_eq!(
            normalize_url("https://upwork.com@evil.example/x").as_deref(),
            Some("https://evil.example/x")
        );
        for bad in [
            "javascript:alert(1)",
            "ftp://x.com/",
            "/freelancers/~01",
            "#",
            "https://",
            "https://localhost/",
            "https://a b.com/",
            "https://x.com:99999999/",
            "https://-x.com/",
        ] {
            assert_eq!(normalize_url(bad), None, "{bad}");
        }
        assert_eq!(
            normalize_url(&format!("https://x.com/{}", "a".repeat(3000))),
            None
        );
    }

    #[test]
    fn emails_are_canonical() {
        assert_eq!(
            normalize_email("mailto:TonyWKJ@Hopana.com?subject=hi").as_deref(),
            Some("tonywkj@hopana.com")
        );
        for bad in [
            "a@b",
            "@x.com",
            "a@@x.com",
            "logo@2x.png",
            "a b@x.com",
            "a@x.123",
        ] {
            assert_eq!(normalize_email(bad), None, "{bad}");
        }
    }

    #[test]
    fn finds_addresses_in_running_text() {
        let text = "Portfolio: https://lukas.netlify.app/work. Mail me at Lukas.M@Example.org! \
            Worked at WKJ LLC (wkjllc.com), see (https://en.wikipedia.org/wiki/Foo_(bar)) and www.acme.xyz/about. \
            Stack: Node.js, Next.js, ASP.NET, Socket.IO, README.md, e.g. 3.5 years.";
        assert_eq!(
            find_addresses(text, 50),
            vec![
                "https://lukas.netlify.app/work",
                "https://en.wikipedia.org/wiki/Foo_(bar)",
                "lukas.m@example.org",
                "wkjllc.com",
                "www.acme.xyz",
            ]
        );
        assert_eq!(
            find_addresses("a.com b.com c.com", 2),
            vec!["a.com", "b.com"]
        );
        assert!(find_addresses("", 10).is_empty());
        assert!(find_addresses("love it.It was great; logged in.In", 10).is_empty());
        // Hostile input stays cheap and never panics.
        let long = "https://".repeat(50_000) + &"é.com ".repeat(10_000);
        let _ = find_addresses(&long, 200);
        let _ = find_addresses("h\u{301}ttps://x.com ", 5);
    }

    #[test]
    fn hosts_and_lists() {
        assert_eq!(address_host("https://x.wkjllc.com/a"), Some("x.wkjllc.com"));
        assert_eq!(address_host("http://x.com:8080/"), Some("x.com"));
        assert_eq!(address_host("tonywkj@hopana.com"), Some("hopana.com"));
        assert_eq!(address_host("wkjllc.com"), Some("wkjllc.com"));
        assert!(host_is_under("wkjllc.com", "wkjllc.com"));
        assert!(host_is_under("x.wkjllc.com", "wkjllc.com"));
        assert!(!host_is_under("notwkjllc.com", "wkjllc.com"));
        assert!(!host_is_under("wkjllc.com.evil.example", "wkjllc.com"));
        assert!(is_domain_name("xn--bcher-kva.de"));
        assert!(!is_domain_name("1.2.3.4"));
        assert!(!is_domain_name("*.x.com"));
        assert_eq!(
            host_words("Mail tonywkj@Hopana.com or see X.wkjllc.com/jobs."),
            vec![
                ("hopana.com".to_string(), true),
                ("x.wkjllc.com".to_string(), false)
            ]
        );
        assert_eq!(
            find_emails("a@b.co, a@b.co; c@d.org."),
            vec!["a@b.co", "c@d.org"]
        );
        assert!(contains_word("Senior developer at WKJ LLC.", "wkj llc"));
        assert!(!contains_word("wkjllc", "wkj"));
        assert!(contains_word("Größe", "größe"));
        assert!(!contains_word("anything", " "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_helpers_answer_as_std() {
        let samples = [
            "",
            "0",
            "-0",
            "+7",
            "-+7",
            "+-7",
            "--7",
            "++7",
            "12a",
            " 1",
            "-",
            "+",
            "2147483647",
            "2147483648",
            "-2147483648",
            "-2147483649",
            "4294967296",
            "0910",
            "00042",
            "−5",
            "a,b,c",
            "x@y@z",
            "..",
            "é,ü",
        ];
        for s in samples {
            assert_eq!(parse_i32(s), s.parse::<i32>().ok(), "{s:?}");
            for (b, c) in [(b',', ','), (b'@', '@'), (b'.', '.'), (b'-', '-')] {
                assert_eq!(rfind_byte(s, b), s.rfind(c), "{s:?}");
                assert_eq!(rsplit_once_byte(s, b), s.rsplit_once(c), "{s:?}");
                assert_eq!(Some(after_last(s, b)), s.rsplit(c).next(), "{s:?}");
            }
            for path in [
                s,
                "/",
                "//",
                "/a",
                "/a/",
                "a//b//",
                "/freelancers/~01abc?x=1/",
            ] {
                let p = format!("{path}{s}");
                assert_eq!(
                    last_segment(&p),
                    p.split('/').rfind(|s| !s.is_empty()),
                    "{p:?}"
                );
            }
            assert_eq!(find_any(s, b"?#,"), s.find(['?', '#', ',']), "{s:?}");
            assert_eq!(
                Some(before_any(s, b",."),),
                s.split([',', '.']).next(),
                "{s:?}"
            );
            let edge = |c: char| c == '-' || c == '+' || c == 'é';
            assert_eq!(
                trim_start_where(s, edge),
                s.trim_start_matches(['-', '+', 'é'])
            );
            assert_eq!(trim_end_where(s, edge), s.trim_end_matches(['-', '+', 'é']));
            assert_eq!(trim_where(s, edge), s.trim_matches(['-', '+', 'é']));
            for n in [0, 1, 2, 5, 100] {
                assert_eq!(
                    prefix(s, n),
                    s.chars().take(n).collect::<String>(),
                    "{s:?} {n}"
                );
            }
            for (from, to) in [(",", " "), ("", "x"), ("é", ""), ("zz", "y")] {
                assert_eq!(replace_first(s, from, to), s.replacen(from, to, 1), "{s:?}");
            }
            let parts: Vec<&str> = s.split(',').collect();
            assert_eq!(join(&parts, ", "), parts.join(", "));
            let owned: Vec<String> = parts.iter().map(|p| p.to_string()).collect();
            assert_eq!(join(&owned, "; "), owned.join("; "));
        }
    }

    fn usd(amount: f64) -> Option<Money> {
        Some(Money {
            amount,
            currency: "USD".into(),
        })
    }

    #[test]
    fn cleans_text() {
        assert_eq!(clean("  Ada \n  L. ", 50).as_deref(), Some("Ada L."));
        assert_eq!(
            clean("a\u{202E}b\u{200B}c\u{0007}", 50).as_deref(),
            Some("abc")
        );
        assert_eq!(clean("   ", 50), None);
        assert_eq!(clean("abcdef", 3).as_deref(), Some("abc"));
        assert_eq!(clean("Łukasz Żółć", 7).as_deref(), Some("Łukasz"));
        assert_eq!(
            clean("<script>x</script>", 50).as_deref(),
            Some("<script>x</script>")
        );
    }

    /// `clean` a char at a time, as it was before ASCII runs were copied at once.
    fn clean_by_char(s: &str, max_chars: usize) -> Option<String> {
        let (mut out, mut count, mut pending_space) = (String::new(), 0usize, false);
        for c in s.chars() {
            if c.is_whitespace() {
                pending_space = !out.is_empty();
                continue;
            }
            if c.is_control() || is_invisible(c) {
                continue;
            }
            if pending_space {
                if count + 1 >= max_chars {
                    break;
                }
                out.push(' ');
                count += 1;
                pending_space = false;
            }
            if count >= max_chars {
                break;
            }
            out.push(c);
            count += 1;
        }
        (!out.is_empty()).then_some(out)
    }

    #[test]
    fn cleans_runs_as_it_cleaned_chars() {
        let pieces = [
            "Ada", " ", "\n\t ", "Łukasz", "\u{202E}", "\u{200B}", "\u{7}", "\u{7F}", "x", "ab.cd",
            "\u{A0}", "\u{3000}", "日本", "😀", "-", "  ",
        ];
        // Every sequence of three pieces, cut at every length up to its own.
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = format!("{a}{b}{c}{b}{a}");
                    for max in 0..=s.chars().count() + 1 {
                        assert_eq!(clean(&s, max), clean_by_char(&s, max), "{s:?} {max}");
                    }
                }
            }
        }
    }

    #[test]
    fn money() {
        assert_eq!(parse_money("$35.00/hr"), usd(35.0));
        assert_eq!(parse_money("$1,234.5"), usd(1234.5));
        assert_eq!(parse_money("$10K+"), usd(10_000.0));
        assert_eq!(parse_money("$100K+ earned"), usd(100_000.0));
        assert_eq!(parse_money("$1.2M+"), usd(1_200_000.0));
        assert_eq!(
            parse_money("€40"),
            Some(Money {
                amount: 40.0,
                currency: "EUR".into()
            })
        );
        assert_eq!(
            parse_money("40.00 EUR"),
            Some(Money {
                amount: 40.0,
                currency: "EUR".into()
            })
        );
        assert_eq!(parse_money("USD 1,200"), usd(1200.0));
        assert_eq!(parse_money("US$ 12"), usd(12.0));
        assert_eq!(parse_money("Total earnings $4,800.00"), usd(4800.0));
        assert_eq!(
            parse_money("£1.234,50"),
            Some(Money {
                amount: 1234.5,
                currency: "GBP".into()
            })
        );
        assert_eq!(parse_money("$ 9"), usd(9.0));
        assert_eq!(parse_money("35.00"), None, "no currency");
        assert_eq!(parse_money("-$5"), None);
        assert_eq!(parse_money("$"), None);
        assert_eq!(parse_money(""), None);
        assert_eq!(
            parse_money("$1e300"),
            usd(1.0),
            "exponents are not display notation"
        );
        assert_eq!(
            parse_money("$99999999999999999999"),
            None,
            "absurd amounts are rejected"
        );
        assert_eq!(
            parse_money("$10 Kyiv"),
            usd(10.0),
            "K followed by a letter is a word, not a multiplier"
        );
    }

    #[test]
    fn rates_need_a_per_hour_marker() {
        assert_eq!(parse_rate("$35.00/hr"), usd(35.0));
        assert_eq!(parse_rate("$40.00 /hr"), usd(40.0));
        assert_eq!(parse_rate("Hourly rate: $55 / hour"), usd(55.0));
        assert_eq!(parse_rate("Earned $1,200 · $40.00/hr"), usd(40.0));
        assert_eq!(parse_rate("$1,200.00"), None);
        assert_eq!(parse_rate("$1e300/hr"), None);
        assert_eq!(parse_rate("-$35/hr"), None);
    }

    #[test]
    fn counts_hours_percentages() {
        assert_eq!(parse_count("1,234"), Some(1234));
        assert_eq!(parse_count("2,301 hours"), Some(2301));
        assert_eq!(parse_count("26 jobs"), Some(26));
        assert_eq!(parse_count("1.5K"), Some(1500));
        assert_eq!(parse_count("12.5"), None);
        assert_eq!(parse_count("none"), None);
        assert_eq!(parse_count("-3 jobs"), None);
        assert_eq!(parse_hours("120 hours"), Some(120.0));
        assert_eq!(parse_hours("35 hrs"), Some(35.0));
        assert_eq!(parse_hours("1,234.5 hours"), Some(1234.5));
        assert_eq!(parse_hours("-50 hours"), None);
        assert_eq!(parse_hours("hours: \u{2212}5"), None);
        assert_eq!(parse_percent("99% Job Success"), Some(99));
        assert_eq!(parse_percent("Job Success 100 %"), Some(100));
        assert_eq!(parse_percent("250% Job Success"), None);
        assert_eq!(parse_percent("99 Job Success"), None);
        assert_eq!(parse_number("v1.2.3"), None, "inside a word");
        let hours = ["hours", "hour", "hrs", "hr", "h"];
        assert_eq!(parse_quantity("120 hours", &hours), Some(120.0));
        assert_eq!(parse_quantity("35 hrs", &hours), Some(35.0));
        assert_eq!(parse_quantity("1,234.5 Hours", &hours), Some(1234.5));
        assert_eq!(parse_quantity("$40.00 /hr", &hours), None);
        assert_eq!(
            parse_quantity("$40 hr", &hours),
            None,
            "money is not a quantity"
        );
        assert_eq!(
            parse_quantity("$4,800.00 earned · 120 hours", &hours),
            Some(120.0)
        );
        assert_eq!(parse_quantity("12 hourglasses", &hours), None);
        assert_eq!(parse_quantity("-5 hours", &hours), None);
    }

    #[test]
    fn dates_and_months() {
        assert_eq!(parse_date("Aug 5, 2026"), Date::new(2026, 8, 5));
        assert_eq!(parse_date("August 5, 2026"), Date::new(2026, 8, 5));
        assert_eq!(parse_date("5 Aug 2026"), Date::new(2026, 8, 5));
        assert_eq!(parse_date("Sept. 30, 2025"), Date::new(2025, 9, 30));
        assert_eq!(
            parse_date("Member since May 17, 2019"),
            Date::new(2019, 5, 17)
        );
        assert_eq!(
            parse_date("2019-05-17T00:00:00.000Z"),
            Date::new(2019, 5, 17)
        );
        assert_eq!(parse_date("Feb 30, 2026"), None);
        assert_eq!(parse_date("August 2019"), None, "a month is not a date");
        assert_eq!(parse_year_month("August 2019"), YearMonth::new(2019, 8));
        assert_eq!(parse_year_month("Nov 2018"), YearMonth::new(2018, 11));
        assert_eq!(
            parse_year_month("Member since May 17, 2019"),
            YearMonth::new(2019, 5)
        );
        assert_eq!(
            parse_year_month("2019-05-17T09:30:00Z"),
            YearMonth::new(2019, 5)
        );
        assert_eq!(parse_year_month("2019-05"), YearMonth::new(2019, 5));
        assert_eq!(parse_year_month("May I help?"), None);
        assert_eq!(parse_year_month("Mar 99999"), None);
        assert_eq!(parse_year_month(""), None);
    }

    #[test]
    fn date_ranges() {
        let r = parse_date_range("Aug 5, 2026 - Aug 21, 2026").unwrap();
        assert_eq!(
            (r.start, r.end, r.ongoing),
            (
                Date::new(2026, 8, 5).unwrap(),
                Date::new(2026, 8, 21),
                false
            )
        );
        let r = parse_date_range("Aug 21, 2026 - Present").unwrap();
        assert_eq!(
            (r.start, r.end, r.ongoing),
            (Date::new(2026, 8, 21).unwrap(), None, true)
        );
        let r = parse_date_range("Jan 2024 – Feb 2024").unwrap();
        assert_eq!(
            (r.start, r.end),
            (Date::new(2024, 1, 1).unwrap(), Date::new(2024, 2, 29))
        );
        let r = parse_date_range("Completed Mar 3, 2025").unwrap();
        assert_eq!((r.end, r.ongoing), (None, false));
        let r = parse_date_range("Aug 21, 2026 - Aug 5, 2026").unwrap();
        assert_eq!(r.end, None, "an end before the start is dropped");
        assert_eq!(parse_date_range("no dates here - at all"), None);
    }

    #[test]
    fn clock_times() {
        assert_eq!(parse_clock("3:42 pm"), ClockTime::new(15, 42));
        assert_eq!(parse_clock("15:42"), ClockTime::new(15, 42));
        assert_eq!(parse_clock("3:42 PM local time"), ClockTime::new(15, 42));
        assert_eq!(parse_clock("12:05 am"), ClockTime::new(0, 5));
        assert_eq!(parse_clock("12:05 pm"), ClockTime::new(12, 5));
        assert_eq!(parse_clock("11:42 p.m."), ClockTime::new(23, 42));
        assert_eq!(parse_clock("9:07am"), ClockTime::new(9, 7));
        assert_eq!(parse_clock("25:00"), None);
        assert_eq!(parse_clock("13:10 pm"), None);
        assert_eq!(parse_clock("3:4 pm"), None);
        assert_eq!(parse_clock("123:45"), None);
        assert_eq!(parse_clock("ratio 3:1"), None);
        assert_eq!(
            parse_local_time("Berlin, Germany – 3:42 pm local time"),
            ClockTime::new(15, 42)
        );
        assert_eq!(
            parse_local_time("Kraków, Poland 15:42 local time"),
            ClockTime::new(15, 42)
        );
        assert_eq!(
            parse_local_time("Meeting at 9:00 am. Berlin local time unknown"),
            None
        );
        assert_eq!(parse_local_time("3:42 pm"), None, "no 'local time' label");
    }

    #[test]
    fn availability_and_ratings() {
        assert_eq!(
            parse_availability("More than 30 hrs/week"),
            Some(Availability::MoreThan30)
        );
        assert_eq!(
            parse_availability("Less than 30 hrs/week"),
            Some(Availability::LessThan30)
        );
        assert_eq!(
            parse_availability("As needed - open to offers"),
            Some(Availability::AsNeeded)
        );
        assert_eq!(parse_availability("Hours per week"), None);
        assert_eq!(parse_rating("Rating is 4.9 out of 5."), Some(4.9));
        assert_eq!(parse_rating("4.90"), Some(4.9));
        assert_eq!(parse_rating("Rating is 5 out of 5."), Some(5.0));
        assert_eq!(parse_rating("9 out of 10"), Some(4.5));
        assert_eq!(parse_rating("7.5"), None);
        assert_eq!(parse_rating("no rating"), None);
    }

    #[test]
    fn never_panics_on_odd_input() {
        let odd = [
            "",
            " ",
            "$",
            "€",
            "-",
            "–",
            ":",
            "::",
            "1:",
            ":12",
            "12:",
            "9:99 pm",
            "$,",
            "$.5",
            "1,,2",
            "1..2",
            "ä:ö",
            "€€€€",
            "$1,2,3",
            "🙂 3:42 pm 🙂",
            "Aug",
            "Aug 5,",
            "2026-",
            "2026-1",
            "9999-99-99",
            "local time",
            "ꝏ local time",
            "İİİİ 3:42 pm local time",
            "1K+",
            "$1,2,3",
            "\u{0}\u{1}",
            "$1.2.3.4/hr",
        ];
        for s in odd {
            let _ = (
                parse_money(s),
                parse_rate(s),
                parse_count(s),
                parse_hours(s),
                parse_percent(s),
            );
            let _ = (
                parse_date(s),
                parse_year_month(s),
                parse_date_range(s),
                parse_clock(s),
                parse_local_time(s),
            );
            let _ = (parse_availability(s), parse_rating(s), clean(s, 3));
        }
        assert_eq!(
            parse_local_time("İİİİ 3:42 pm local time"),
            ClockTime::new(15, 42)
        );
        assert_eq!(parse_money("$.5"), usd(0.5));
    }
}
