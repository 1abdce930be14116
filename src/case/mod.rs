//! Lower and upper case exactly as std's `str::to_lowercase`, `char::to_lowercase` and
//! `char::to_uppercase`, from small tables that build.rs derives from std itself
//! (src/case/generate.rs). Why not std's: its tables are lists of 8-byte (char, char) pairs, about
//! 1 500 entries each, and `str::to_lowercase` brings `core`'s cased and case-ignorable lookups. The
//! same mappings as runs ("+32 for these 26", "+1 for every second of these 48") made the wasm
//! 22 KB smaller (9.7 KB gzip). tests/case.rs compares them with std for every character.

/// `len` characters from `start`, every `stride`-th (1 or 2), each mapping to itself plus `delta`.
/// Start, stride and length share one `u32` ([`run`] packs them), so that a run is 8 bytes of the
/// wasm's data rather than 12 (383 runs).
struct Run {
    /// Bits 0–20: the first code point; bit 21: the stride less one; bits 24–31: the length.
    start_stride_len: u32,
    delta: i32,
}

/// The run of `len` characters from `start`, every `stride`-th, mapping to themselves plus `delta`
/// (the generated tables are written as calls to this; a value out of range fails the build).
const fn run(start: u32, delta: i32, len: u8, stride: u8) -> Run {
    assert!(start <= char::MAX as u32 && (stride == 1 || stride == 2));
    Run {
        start_stride_len: start | ((stride as u32 - 1) << 21) | ((len as u32) << 24),
        delta,
    }
}

impl Run {
    fn start(&self) -> u32 {
        self.start_stride_len & 0x1F_FFFF
    }

    fn stride(&self) -> u32 {
        1 + ((self.start_stride_len >> 21) & 1)
    }

    fn len(&self) -> u32 {
        self.start_stride_len >> 24
    }
}

mod tables {
    use super::{run, Run};
    include!(concat!(env!("OUT_DIR"), "/case_tables.rs"));
}

/// The lower case of `s`: equal to `s.to_lowercase()` for every string, with Σ's final form (ς) at
/// the end of a word by Unicode's Final_Sigma condition.
pub fn lowercase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while !rest.is_empty() {
        // ASCII text, most of any page, is copied at once and lowered in place.
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        if ascii > 0 {
            let from = out.len();
            out.push_str(rest.get(..ascii).unwrap_or(""));
            if let Some(copied) = out.get_mut(from..) {
                copied.make_ascii_lowercase();
            }
            rest = rest.get(ascii..).unwrap_or("");
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        let after = chars.as_str();
        if c == 'Σ' {
            let before = s.get(..s.len() - rest.len()).unwrap_or("");
            out.push(sigma(before, after));
        } else {
            out.extend(lower_char(c));
        }
        rest = after;
    }
    out
}

/// The lower case of `c`, as `c.to_lowercase()` (one character, or for U+0130 two; Σ is σ).
pub fn lower_char(c: char) -> CaseChars {
    map_char(c, &tables::LOWER_RUNS, &tables::LOWER_MULTI)
}

/// The upper case of `c`, as `c.to_uppercase()` (one character, or up to three: "ß" is "SS").
pub fn upper_char(c: char) -> CaseChars {
    map_char(c, &tables::UPPER_RUNS, &tables::UPPER_MULTI)
}

/// The characters a character's case mapping gives.
#[derive(Clone, Debug)]
pub enum CaseChars {
    One(Option<char>),
    Many(std::str::Chars<'static>),
}

impl Iterator for CaseChars {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match self {
            CaseChars::One(c) => c.take(),
            CaseChars::Many(chars) => chars.next(),
        }
    }
}

fn map_char(c: char, runs: &[Run], multi: &[(char, &'static str)]) -> CaseChars {
    let code = u32::from(c);
    // Runs do not overlap: only the last one starting at or before `c` can hold it.
    let after = runs.partition_point(|r| r.start() <= code);
    if let Some(run) = after.checked_sub(1).and_then(|i| runs.get(i)) {
        let offset = code - run.start();
        let stride = run.stride();
        if offset % stride == 0 && offset / stride < run.len() {
            if let Some(mapped) = code.checked_add_signed(run.delta).and_then(char::from_u32) {
                return CaseChars::One(Some(mapped));
            }
        }
    }
    match multi.binary_search_by_key(&c, |&(from, _)| from) {
        Ok(i) => multi.get(i).map_or(CaseChars::One(Some(c)), |(_, to)| {
            CaseChars::Many(to.chars())
        }),
        Err(_) => CaseChars::One(Some(c)),
    }
}

/// Σ between `before` and `after`: ς when it ends a word (a cased letter before it and none after,
/// case-ignorable characters such as apostrophes and combining marks skipped both ways), else σ.
fn sigma(before: &str, after: &str) -> char {
    if next_is_cased(before.chars().rev()) && !next_is_cased(after.chars()) {
        'ς'
    } else {
        'σ'
    }
}

/// The final-sigma classes (src/case/generate.rs writes them in a run's top two bits).
const CASED: u16 = 1;
const CASE_IGNORABLE: u16 = 2;
const RUN_LEN: u16 = (1 << 14) - 1;

/// Whether the first character that is not case-ignorable is cased.
fn next_is_cased(chars: impl Iterator<Item = char>) -> bool {
    chars
        .map(sigma_class)
        .find(|&class| class != CASE_IGNORABLE)
        == Some(CASED)
}

fn sigma_class(c: char) -> u16 {
    use tables::{SIGMA_BLOCK, SIGMA_BLOCK_STARTS, SIGMA_RUNS};
    let code = u32::from(c);
    let block = SIGMA_BLOCK_STARTS
        .partition_point(|&start| start <= code)
        .saturating_sub(1);
    let mut end = SIGMA_BLOCK_STARTS.get(block).copied().unwrap_or(0);
    let runs = SIGMA_RUNS.get(block * SIGMA_BLOCK..).unwrap_or(&[]);
    for &run in runs.iter().take(SIGMA_BLOCK) {
        end += u32::from(run & RUN_LEN);
        if code < end {
            return run >> 14;
        }
    }
    0
}
