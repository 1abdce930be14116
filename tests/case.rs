//! src/case/ against std, which it replaces in the wasm: every character's lower and upper case, and
//! lower-cased strings with Σ in every position and context the final-sigma rule looks at, and random
//! strings drawn from the characters where case mapping has its special cases.

use hirecheck::case::{lower_char, lowercase, upper_char};

fn all_chars() -> impl Iterator<Item = char> {
    (0..=char::MAX as u32).filter_map(char::from_u32)
}

#[test]
fn every_char_maps_as_std() {
    let mut multi = 0;
    for c in all_chars() {
        assert!(lower_char(c).eq(c.to_lowercase()), "lower {c:?}");
        assert!(upper_char(c).eq(c.to_uppercase()), "upper {c:?}");
        multi += usize::from(c.to_uppercase().count() > 1);
    }
    // The tables do hold the multi-character mappings (İ → i̇, ß → SS, ...), not only runs.
    assert!(multi > 50);
    assert_eq!(lower_char('\u{130}').collect::<String>(), "i\u{307}");
    assert_eq!(upper_char('ß').collect::<String>(), "SS");
}

#[test]
fn every_char_lowercases_as_std_in_a_string() {
    // One string per 64 characters in a row (surrogates skipped), so each run of the tables meets its
    // neighbours.
    let chars: Vec<char> = all_chars().collect();
    for chunk in chars.chunks(64) {
        let s: String = chunk.iter().collect();
        assert_eq!(lowercase(&s), s.to_lowercase(), "{:?}", chunk.first());
    }
}

#[test]
fn sigma_next_to_every_char_is_as_std() {
    // Σ's final form depends on the classes of the characters around it; these contexts tell every
    // class apart in both directions.
    for c in all_chars() {
        for s in [
            format!("A{c}Σ"),
            format!("{c}Σ"),
            format!("AΣ{c}"),
            format!("AΣ{c}A"),
        ] {
            assert_eq!(lowercase(&s), s.to_lowercase(), "{s:?}");
        }
    }
}

/// Characters where lower-casing has a special case: Σ, cased letters, case-ignorable marks (apostrophes,
/// U+0345, soft hyphen, combining marks, modifier letters), digits and spaces, the one multi-character
/// mapping (İ), and some from the far planes.
const SPECIAL: &[char] = &[
    'Σ',
    'σ',
    'ς',
    'A',
    'a',
    'Z',
    'É',
    'é',
    'İ',
    'ı',
    'K',
    'Ω',
    'ǅ',
    'ᾈ',
    'Ⅻ',
    'Ⓐ',
    '𐐀',
    '𞤀',
    '\'',
    '.',
    ':',
    '^',
    '`',
    '\u{2019}',
    '\u{345}',
    '\u{ad}',
    '\u{301}',
    '\u{307}',
    '\u{2b0}',
    '\u{200d}',
    '\u{e0001}',
    '0',
    '9',
    ' ',
    '\t',
    '-',
    '_',
    'ㄱ',
    '中',
    '😀',
];

/// A small deterministic generator (xorshift64*), so a failure replays.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 32) as usize % n
    }
}

#[test]
fn random_strings_lowercase_as_std() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut s = String::new();
    for _ in 0..200_000 {
        s.clear();
        for _ in 0..rng.below(12) {
            let c = match rng.below(8) {
                // Any character now and then.
                0 => char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('x'),
                _ => SPECIAL[rng.below(SPECIAL.len())],
            };
            s.push(c);
        }
        assert_eq!(lowercase(&s), s.to_lowercase(), "{s:?}");
    }
}

#[test]
fn sigma_examples() {
    // Hand-checked against the rule, so a std change would show here too.
    assert_eq!(lowercase("ΟΔΥΣΣΕΥΣ"), "οδυσσευς");
    assert_eq!(lowercase("Σ"), "σ");
    assert_eq!(lowercase("ΑΣ ΑΣ."), "ας ας.");
    assert_eq!(lowercase("ΑΣ'Α"), "ασ'α");
    assert_eq!(lowercase("ΑΣ\u{345}"), "ας\u{345}");
    assert_eq!(lowercase("Α\u{301}Σ"), "α\u{301}ς");
    assert_eq!(lowercase("1Σ"), "1σ");
    assert_eq!(lowercase("Hello WORLD İ"), "hello world i\u{307}");
}

/// The library calls `crate::case`, never std's case mapping: one such call links core's conversion
/// tables (about 25 KB) back into the wasm (docs/performance.md, "Wasm size"). The case module
/// itself, its build-time generator and the CLI (`src/bin`, native only) may use std.
#[test]
fn the_library_does_not_use_std_case_mapping() {
    fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 50, "found the sources");
    let mut uses = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).expect("under src/");
        if rel.starts_with("case") || rel.starts_with("bin") {
            continue;
        }
        let text = std::fs::read_to_string(&file).expect("a UTF-8 source file");
        for (n, line) in text.lines().enumerate() {
            if line.contains("to_lowercase") || line.contains("to_uppercase") {
                uses.push(format!("src/{}:{}: {}", rel.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        uses.is_empty(),
        "use crate::case::{{lowercase, lower_char, upper_char}} instead of std's case mapping \
         (ASCII-only text may use to_ascii_lowercase):\n{}",
        uses.join("\n")
    );
}
