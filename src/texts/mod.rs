//! The rules', checks' and checklist's static texts (title, why it matters, how to verify), in English
//! and German, and their public sources, kept in one table: `src/texts/texts.json`, keyed by the rule,
//! check or item id.
//!
//! The native build (CLI, tests, benchmarks) embeds the table: build.rs turns the JSON into Rust
//! statics, and [`get`] looks a text up, so the native report carries the texts as it always has. The
//! wasm build does not: there [`get`] returns "" and the report carries only the ids, and the extension
//! joins the texts from the same JSON (the build ships it as `texts.js`; `join` there fills the empty
//! fields by id). About 38 KB of text then stays out of the module every page downloads
//! (docs/architecture.md, "Texts").

use crate::policy::Lang;

#[cfg(test)]
mod marked_tests;
mod say;
pub use say::{s, say, Sentence};

/// Which text of an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The finding's or item's one line.
    Title,
    /// Why it matters, with the innocent explanations.
    Why,
    /// What the client should do to check it (rules and checks).
    Verify,
    /// How to find out (checklist items; also a finding's "verify" when the client observed the item).
    How,
}

impl Part {
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    fn key(self) -> &'static str {
        match self {
            Part::Title => "title",
            Part::Why => "why",
            Part::Verify => "verify",
            Part::How => "how",
        }
    }
}

/// The entry that holds the "why" shared by every finding from a checklist answer.
pub const CHECKLIST: &str = "checklist";

#[cfg(not(target_arch = "wasm32"))]
mod table {
    include!(concat!(env!("OUT_DIR"), "/texts.rs"));
}

/// The text, or "" when the table has none (and always in the wasm, which leaves the texts to the
/// extension).
#[cfg(not(target_arch = "wasm32"))]
pub fn get(id: &str, part: Part, lang: Lang) -> &'static str {
    table::TABLE
        .iter()
        .find(|(i, _, _)| *i == id)
        .and_then(|(_, parts, _)| parts.iter().find(|(p, _)| *p == part.key()))
        .map_or("", |(_, [en, de])| lang.pick(en, de))
}

/// The text, or "" when the table has none (and always in the wasm, which leaves the texts to the
/// extension).
#[cfg(target_arch = "wasm32")]
pub fn get(_id: &str, _part: Part, _lang: Lang) -> &'static str {
    ""
}

/// The public sources of a rule, check or item, each with its publisher and date (English only); none
/// in the wasm.
#[cfg(not(target_arch = "wasm32"))]
pub fn sources(id: &str) -> &'static [&'static str] {
    table::TABLE
        .iter()
        .find(|(i, _, _)| *i == id)
        .map_or(&[], |(_, _, sources)| sources)
}

/// The public sources of a rule, check or item, each with its publisher and date (English only); none
/// in the wasm.
#[cfg(target_arch = "wasm32")]
pub fn sources(_id: &str) -> &'static [&'static str] {
    &[]
}

/// The sources as a finding shows them: joined with "; ".
pub fn source(id: &str) -> String {
    crate::text::join(sources(id), "; ")
}

/// Every id in the table, in its order (native only; the tests check it against the rules).
#[cfg(not(target_arch = "wasm32"))]
pub fn ids() -> impl Iterator<Item = &'static str> {
    table::TABLE.iter().map(|(id, _, _)| *id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::RULES;

    const LANGS: [Lang; 2] = [Lang::En, Lang::De];

    /// Every id that shows texts, with the parts it needs.
    fn needed() -> Vec<(&'static str, &'static [Part])> {
        const FINDING: &[Part] = &[Part::Title, Part::Why, Part::Verify];
        let mut out = Vec::new();
        for r in RULES.iter().chain(crate::memory::MEMORY_RULES.iter()) {
            out.push((r.id, FINDING));
        }
        out.push((crate::rules::org_list::ORG_BLOCKED_FREELANCER.id, FINDING));
        for c in crate::proposals::CHECKS {
            out.push((c.id, FINDING));
        }
        for i in crate::checklist::ITEMS {
            out.push((i.id, &[Part::Title, Part::How][..]));
        }
        out.push((CHECKLIST, &[Part::Why][..]));
        out
    }

    #[test]
    fn every_rule_check_and_item_has_its_texts_in_both_languages() {
        for (id, parts) in needed() {
            for &part in parts {
                let [en, de] = LANGS.map(|l| get(id, part, l));
                assert!(
                    en.trim().len() > 10 && de.trim().len() > 10,
                    "{id} needs an English and a German {part:?} in src/texts/texts.json"
                );
                assert_ne!(en, de, "{id} needs a German {part:?}, not a copy: {en}");
            }
        }
    }

    #[test]
    fn every_rule_check_and_item_has_dated_public_sources() {
        for (id, _) in needed().into_iter().filter(|(id, _)| *id != CHECKLIST) {
            assert!(!sources(id).is_empty(), "{id} needs a public source");
            for s in sources(id) {
                assert!(s.contains("20"), "{id}: source without a date: {s}");
            }
        }
        assert!(sources(CHECKLIST).is_empty());
    }

    #[test]
    fn the_table_holds_no_text_that_nothing_shows() {
        let needed = needed();
        let mut seen = Vec::new();
        for (id, parts, _) in table::TABLE {
            assert!(!seen.contains(id), "{id} appears twice");
            seen.push(id);
            let Some((_, wanted)) = needed.iter().find(|(n, _)| n == id) else {
                panic!(
                    "src/texts/texts.json has texts for \"{id}\", which no rule, check or item has"
                );
            };
            for (part, _) in *parts {
                assert!(
                    wanted.iter().any(|w| w.key() == *part),
                    "{id}: the part \"{part}\" is never shown"
                );
            }
        }
        assert_eq!(ids().count(), needed.len());
    }

    #[test]
    fn unknown_ids_and_parts_give_no_text() {
        assert_eq!(get("no-such-rule", Part::Title, Lang::En), "");
        assert_eq!(get("refuses-video", Part::Verify, Lang::De), "");
        assert_eq!(
            get("refuses-video", Part::How, Lang::En),
            "Hold every interview on live video with an unblurred background, and compare with later calls."
        );
    }
}
