//! The sentences HireCheck writes into a report (a finding's evidence, the summary, the coverage
//! headline) are data, not code: `src/texts/sentences.json` holds each one in English and German with
//! numbered blanks ("{0} of {1} checks could run."), and the code fills the blanks with what it read
//! ([`say`]). build.rs checks the file and makes a constant per sentence that knows its number of
//! blanks, so a call with a wrong key or a wrong number of values does not compile.
//!
//! The native build embeds the table and [`say`] returns the sentence. The wasm does not (the sentences
//! were about 30 KB of the module every page downloads, twice over: docs/architecture.md, "Texts"):
//! there [`say`] returns the sentence's key and its values, marked ([`MARK`], then a JSON array
//! `["key", "value", …]`), and the extension's `texts.js` writes the sentence in the report's language
//! before anything shows the report. A value may itself be such a marked sentence.

use crate::policy::Lang;

/// A sentence of the table with `N` blanks. Its constants are in [`s`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence<const N: usize>(pub(crate) &'static str);

/// Every sentence of the table, by key ("diary-streak" is `s::DIARY_STREAK`).
pub mod s {
    include!(concat!(env!("OUT_DIR"), "/sentences.rs"));
}

/// The start of a sentence the wasm leaves to the extension to write: a control character, which
/// text::clean drops from the text fields the core reads.
pub const MARK: char = '\u{1}';

/// Sentence `sentence` in `lang` with its blanks filled by `values`, in order; in the wasm, the
/// marked key and values (see the module's comment).
pub fn say<const N: usize>(lang: Lang, sentence: Sentence<N>, values: [&str; N]) -> String {
    fill(lang, sentence.0, &values)
}

#[cfg(not(target_arch = "wasm32"))]
pub(super) fn fill(lang: Lang, key: &str, values: &[&str]) -> String {
    #[cfg(test)]
    if MARKED.get() {
        return encode(key, values);
    }
    let template = template(key).map_or("", |[en, de]| lang.pick(en, de));
    let mut out = String::with_capacity(template.len() + 16 * values.len());
    let mut rest = template;
    // build.rs allows braces only as blanks {0}…{9}.
    while let Some(at) = rest.find('{') {
        out.push_str(rest.get(..at).unwrap_or_default());
        let digit = rest
            .as_bytes()
            .get(at + 1)
            .map_or(0, |d| d.wrapping_sub(b'0'));
        out.push_str(values.get(usize::from(digit)).copied().unwrap_or(""));
        rest = rest.get(at + 3..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

#[cfg(not(target_arch = "wasm32"))]
fn template(key: &str) -> Option<&'static [&'static str; 2]> {
    s::TABLE
        .binary_search_by(|(k, _)| (*k).cmp(key))
        .ok()
        .and_then(|i| s::TABLE.get(i))
        .map(|(_, t)| t)
}

#[cfg(target_arch = "wasm32")]
fn fill(_lang: Lang, key: &str, values: &[&str]) -> String {
    encode(key, values)
}

#[cfg(test)]
thread_local! {
    static MARKED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Test builds only: runs `f` with [`say`] on this thread returning the wasm's form, so that native
/// tests can check what the extension receives (src/texts/marked_tests.rs).
#[cfg(test)]
pub(super) fn marked<T>(f: impl FnOnce() -> T) -> T {
    MARKED.set(true);
    let out = f();
    MARKED.set(false);
    out
}

/// The wasm's form of a sentence: [`MARK`], then `["key", "value", …]`.
#[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
fn encode(key: &str, values: &[&str]) -> String {
    let mut out =
        String::with_capacity(8 + key.len() + values.iter().map(|v| v.len() + 3).sum::<usize>());
    out.push(MARK);
    out.push('[');
    crate::json::write_str(&mut out, key);
    for v in values {
        out.push(',');
        crate::json::write_str(&mut out, v);
    }
    out.push(']');
    out
}

/// Every key of the table, sorted (the tests check each is used).
#[cfg(test)]
pub(super) fn keys() -> impl Iterator<Item = &'static str> {
    s::TABLE.iter().map(|(k, _)| *k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_the_blanks_in_the_language_asked_for() {
        let en = say(Lang::En, s::CHECKS_RUN, ["7", "9"]);
        let de = say(Lang::De, s::CHECKS_RUN, ["7", "9"]);
        assert_eq!(en, "7 of 9 checks could run.");
        assert_eq!(de, "7 von 9 Prüfungen konnten laufen.");
    }

    #[test]
    fn a_value_is_written_as_it_is_even_with_braces_in_it() {
        assert_eq!(
            say(Lang::En, s::CHECKS_RUN, ["{1}", "{0}"]),
            "{1} of {0} checks could run."
        );
    }

    #[test]
    fn the_wasm_form_is_the_mark_and_a_json_array() {
        let e = encode("checks-run", &["7", "a \"quoted\"\nline", "\u{1}[\"x\"]"]);
        assert_eq!(
            e,
            "\u{1}[\"checks-run\",\"7\",\"a \\\"quoted\\\"\\nline\",\"\\u0001[\\\"x\\\"]\"]"
        );
    }

    #[test]
    fn every_sentence_of_the_table_is_said_somewhere() {
        // The source of the crate, as text: each key's constant must appear outside this module.
        let mut source = String::new();
        let mut dirs = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))];
        while let Some(dir) = dirs.pop() {
            for e in std::fs::read_dir(&dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    dirs.push(p);
                } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("texts/say.rs") {
                    source.push_str(&std::fs::read_to_string(&p).unwrap());
                }
            }
        }
        let unused: Vec<&str> = keys()
            .filter(|k| {
                let name = k.to_ascii_uppercase().replace('-', "_");
                !source.contains(&format!("s::{name}"))
            })
            .collect();
        assert!(unused.is_empty(), "sentences nothing says: {unused:?}");
    }

    #[test]
    fn the_table_is_sorted_for_the_lookup() {
        let keys: Vec<&str> = keys().collect();
        let mut sorted = keys.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(keys, sorted);
    }
}
