//! The verification checklist: indicators no page shows (interviews, payment and shipping requests,
//! references). The client ticks what they observed; the answers stay on the device and feed the score
//! like findings, with the client's own observation as the evidence.

use crate::json::{json_enum, json_object};
use crate::policy::Lang;
use crate::rules::{Family, Finding};
use crate::small_map::SmallMap;
use crate::texts::{self, Part};

/// One question for the client.
pub struct Item {
    /// Stable kebab-case id; stored answers are keyed by it.
    pub id: &'static str,
    pub family: Family,
    /// Points an "observed" answer adds, unless the policy's `weights` override it under the same id.
    pub default_points: u32,
    // Its title (the sign, phrased as something the client observed), how to find out and its sources
    // are in src/texts/texts.json under its id (crate::texts).
}

/// What the client answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    /// The client saw this sign.
    Observed,
    /// The client checked and did not see it.
    NotObserved,
}

json_enum!(Answer {
    Observed => "observed",
    NotObserved => "not_observed",
});

impl crate::json::FromJson for Answer {
    fn from_json(v: &crate::json::Value) -> Option<Self> {
        match v.as_str()? {
            "observed" => Some(Answer::Observed),
            "not_observed" => Some(Answer::NotObserved),
            _ => None,
        }
    }
}

/// Answers by item id. Unknown ids are kept (an older or newer version may know them) but ignored.
pub type Answers = SmallMap<String, Answer>;

/// Every checklist item, in the order the popup shows them.
pub static ITEMS: &[Item] = &[
    Item {
        id: "refuses-video",
        family: Family::Interview,
        default_points: 40,
    },
    Item {
        id: "deepfake-cues",
        family: Family::Interview,
        default_points: 25,
    },
    Item {
        id: "reading-cues",
        family: Family::Interview,
        default_points: 15,
    },
    Item {
        id: "avoids-meeting",
        family: Family::Interview,
        default_points: 25,
    },
    Item {
        id: "claimed-city",
        family: Family::Location,
        default_points: 15,
    },
    Item {
        id: "other-account",
        family: Family::Identity,
        default_points: 45,
    },
    Item {
        id: "references-unverifiable",
        family: Family::Identity,
        default_points: 35,
    },
    Item {
        id: "off-platform-contact",
        family: Family::Payment,
        default_points: 20,
    },
    Item {
        id: "off-platform-payment",
        family: Family::Payment,
        default_points: 40,
    },
    Item {
        id: "prepayment-pressure",
        family: Family::Payment,
        default_points: 40,
    },
    Item {
        id: "ship-elsewhere",
        family: Family::Payment,
        default_points: 40,
    },
];

/// The checklist as shown to the client, with their answers. `title` and `how` come from
/// src/texts/texts.json (crate::texts); in the wasm they are "" and the extension fills them by `id`.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub id: &'static str,
    pub title: &'static str,
    pub how: &'static str,
    pub answer: Option<Answer>,
}

json_object!(Entry {
    id,
    title,
    how,
    answer
});

/// Every item with the client's answer, in the client's language.
pub fn entries(answers: &Answers, lang: Lang) -> Vec<Entry> {
    let mut out = Vec::new();
    for i in ITEMS {
        out.push(Entry {
            id: i.id,
            title: texts::get(i.id, Part::Title, lang),
            how: texts::get(i.id, Part::How, lang),
            answer: answers.get(i.id).copied(),
        });
    }
    out
}

/// Findings for the items the client marked as observed.
pub fn findings(answers: &Answers, policy: &crate::policy::Policy) -> Vec<Finding> {
    let lang = policy.lang;
    let mut out = Vec::new();
    for i in ITEMS {
        if answers.get(i.id) != Some(&Answer::Observed) || !policy.is_enabled(i.id) {
            continue;
        }
        let weight = policy.weight(i.id, i.default_points);
        out.push(Finding {
            rule: i.id,
            family: i.family,
            points: weight,
            weight,
            title: texts::get(i.id, Part::Title, lang).to_string(),
            evidence: vec![texts::say(lang, texts::s::CHECKLIST_OBSERVED, [])],
            why: texts::get(texts::CHECKLIST, Part::Why, lang).to_string(),
            source: texts::source(i.id),
            verify: texts::get(i.id, Part::How, lang).to_string(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Policy;

    #[test]
    fn items_are_unique_explained_and_sourced() {
        let mut ids: Vec<_> = ITEMS.iter().map(|i| i.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), ITEMS.len());
        for i in ITEMS {
            assert!(
                i.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                i.id
            );
            assert!((1..=100).contains(&i.default_points));
            // Its texts and dated sources: crate::texts's tests check every item has them.
            // Findings and policies name items by id, so no page rule may share it.
            assert!(crate::rules::RULES.iter().all(|r| r.id != i.id), "{}", i.id);
        }
    }

    #[test]
    fn only_observed_answers_become_findings() {
        let mut answers = Answers::new();
        answers.insert("refuses-video".into(), Answer::Observed);
        answers.insert("ship-elsewhere".into(), Answer::NotObserved);
        answers.insert("from-a-newer-version".into(), Answer::Observed);
        let policy = Policy::default();
        let f = findings(&answers, &policy);
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].rule, f[0].weight), ("refuses-video", 40));
        let shown = entries(&answers, Lang::De);
        assert_eq!(shown.len(), ITEMS.len());
        assert_eq!(shown.iter().filter(|e| e.answer.is_some()).count(), 2);
        // A policy can disable or reweight an item.
        let p = Policy::from_json(r#"{"disabled_rules": ["refuses-video"]}"#).unwrap();
        assert!(findings(&answers, &p).is_empty());
        let p = Policy::from_json(r#"{"weights": {"refuses-video": 10}}"#).unwrap();
        assert_eq!(findings(&answers, &p)[0].weight, 10);
    }
}
