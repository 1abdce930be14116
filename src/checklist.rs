//! The verification checklist: indicators no page shows (interviews, payment and shipping requests,
//! references). The client ticks what they observed; the answers stay on the device and feed the score
//! like findings, with the client's own observation as the evidence.

use crate::json::{json_enum, json_object};
use crate::policy::Lang;
use crate::rules::{Family, Finding, Text};
use std::collections::BTreeMap;

/// One question for the client.
pub struct Item {
    /// Stable kebab-case id; stored answers are keyed by it.
    pub id: &'static str,
    pub family: Family,
    /// Points an "observed" answer adds, unless the policy's `weights` override it under the same id.
    pub default_points: u32,
    pub sources: &'static [&'static str],
    /// The sign, phrased as something the client observed.
    pub title: Text,
    /// How to find out.
    pub how: Text,
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
pub type Answers = BTreeMap<String, Answer>;

const PSA_2023: &str =
    "FBI/State/ROK PSA231018, Additional Guidance on DPRK IT Workers (2023-10-18)";
const GUIDANCE_2022: &str =
    "US State/Treasury/FBI, Guidance on the DPRK Information Technology Workers (2022-05-16)";
const BFV_2024: &str = "BfV Private Sector Security Advisory 02/2024 (2024-10-01)";
const PSA_2025: &str = "FBI PSA250123 (2025-01-23)";
const SEAL_2025: &str = "Security Alliance SEAL Frameworks, DPRK IT workers (2025)";
const DOJ_2024: &str = "US DOJ indictment of 14 DPRK nationals (2024-12-12)";

/// Every checklist item, in the order the popup shows them.
pub static ITEMS: &[Item] = &[
    Item {
        id: "refuses-video",
        family: Family::Interview,
        default_points: 40,
        sources: &[PSA_2023, PSA_2025],
        title: Text {
            en: "Avoids video calls, keeps the camera off, or looks or sounds different on a later call",
            de: "Meidet Videogespräche, lässt die Kamera aus oder sieht bzw. klingt bei einem späteren Gespräch anders aus",
        },
        how: Text {
            en: "Hold every interview on live video with an unblurred background, and compare with later calls.",
            de: "Führen Sie jedes Gespräch per Live-Video mit unverschwommenem Hintergrund und vergleichen Sie mit späteren Gesprächen.",
        },
    },
    Item {
        id: "deepfake-cues",
        family: Family::Interview,
        default_points: 25,
        sources: &[PSA_2025, SEAL_2025],
        title: Text {
            en: "The video breaks up when they wave a hand in front of the face, lips lag the voice, or the background is a stock image",
            de: "Das Video zerfällt, wenn die Person eine Hand vor dem Gesicht bewegt, die Lippen hängen der Stimme nach oder der Hintergrund ist ein Stockbild",
        },
        how: Text {
            en: "Ask them to wave a hand in front of the face and to point the camera out of a window.",
            de: "Bitten Sie, eine Hand vor dem Gesicht zu bewegen und die Kamera aus einem Fenster zu richten.",
        },
    },
    Item {
        id: "reading-cues",
        family: Family::Interview,
        default_points: 15,
        sources: &[PSA_2023, BFV_2024],
        title: Text {
            en: "Long pauses, eyes reading off-screen, or plausible but wrong answers in the interview",
            de: "Lange Pausen, Blicke, die abseits des Bildschirms lesen, oder plausible, aber falsche Antworten im Gespräch",
        },
        how: Text {
            en: "Ask follow-up questions about their own past work that cannot be looked up.",
            de: "Stellen Sie Nachfragen zu eigener früherer Arbeit, die sich nicht nachschlagen lassen.",
        },
    },
    Item {
        id: "avoids-meeting",
        family: Family::Interview,
        default_points: 25,
        sources: &[PSA_2023, SEAL_2025],
        title: Text {
            en: "Repeated excuses against meeting in person, a background check or a drug test",
            de: "Wiederholte Ausreden gegen ein persönliches Treffen, eine Hintergrundprüfung oder einen Drogentest",
        },
        how: Text {
            en: "Offer a short in-person or notarised ID check; run background checks yourself, not through a staffing firm.",
            de: "Bieten Sie eine kurze persönliche oder notariell beglaubigte Ausweisprüfung an; prüfen Sie selbst, nicht über eine Vermittlung.",
        },
    },
    Item {
        id: "claimed-city",
        family: Family::Location,
        default_points: 15,
        sources: &[SEAL_2025],
        title: Text {
            en: "Cannot answer simple everyday questions about the city they say they live in (not accent or language)",
            de: "Kann einfache Alltagsfragen zur angegebenen Wohnstadt nicht beantworten (nicht Akzent oder Sprache)",
        },
        how: Text {
            en: "Ask about their neighbourhood, the weather today or local transport; judge the answers, never the accent.",
            de: "Fragen Sie nach dem Viertel, dem heutigen Wetter oder dem Nahverkehr; bewerten Sie die Antworten, nie den Akzent.",
        },
    },
    Item {
        id: "other-account",
        family: Family::Identity,
        default_points: 45,
        sources: &[GUIDANCE_2022, DOJ_2024],
        title: Text {
            en: "Asks to be hired or paid through another account or under another name",
            de: "Bittet, über ein anderes Konto oder unter anderem Namen beauftragt oder bezahlt zu werden",
        },
        how: Text {
            en: "Hire and pay only the account and the person you interviewed; decline any switch.",
            de: "Beauftragen und bezahlen Sie nur das Konto und die Person aus dem Gespräch; lehnen Sie jeden Wechsel ab.",
        },
    },
    Item {
        id: "references-unverifiable",
        family: Family::Identity,
        default_points: 35,
        sources: &[GUIDANCE_2022, DOJ_2024, "Google Threat Intelligence Group (2025-04-01)"],
        title: Text {
            en: "References or former employers cannot be reached independently, or only through contacts the candidate gave",
            de: "Referenzen oder frühere Arbeitgeber sind nicht unabhängig erreichbar, nur über Kontakte der Person selbst",
        },
        how: Text {
            en: "Find the former employer's contact yourself (not from the CV) and ask who did the work.",
            de: "Suchen Sie den Kontakt des früheren Arbeitgebers selbst (nicht aus dem Lebenslauf) und fragen Sie, wer gearbeitet hat.",
        },
    },
    Item {
        id: "off-platform-contact",
        family: Family::Payment,
        default_points: 20,
        sources: &[GUIDANCE_2022],
        title: Text {
            en: "Pushes early to move the conversation off the platform (Telegram, WhatsApp, Skype, Discord, personal e-mail)",
            de: "Drängt früh darauf, das Gespräch von der Plattform zu verlagern (Telegram, WhatsApp, Skype, Discord, private E-Mail)",
        },
        how: Text {
            en: "Keep all communication on the platform until the contract is running.",
            de: "Bleiben Sie bis zum Vertragsbeginn mit der ganzen Kommunikation auf der Plattform.",
        },
    },
    Item {
        id: "off-platform-payment",
        family: Family::Payment,
        default_points: 40,
        sources: &[GUIDANCE_2022, BFV_2024, DOJ_2024],
        title: Text {
            en: "Asks for payment in cryptocurrency, off the platform, or to an account in another person's name",
            de: "Verlangt Zahlung in Kryptowährung, außerhalb der Plattform oder auf ein Konto unter fremdem Namen",
        },
        how: Text {
            en: "Pay only through the platform, by milestones, to the verified account holder.",
            de: "Zahlen Sie nur über die Plattform, nach Meilensteinen, an die verifizierte Kontoinhaberin bzw. den Kontoinhaber.",
        },
    },
    Item {
        id: "prepayment-pressure",
        family: Family::Payment,
        default_points: 40,
        sources: &[PSA_2023, BFV_2024, PSA_2025],
        title: Text {
            en: "Demands payment up front, gets angry when refused, or threatens to publish code",
            de: "Fordert Vorkasse, wird bei Ablehnung wütend oder droht, Code zu veröffentlichen",
        },
        how: Text {
            en: "Refuse prepayment; if code or data is threatened, involve your security team at once.",
            de: "Lehnen Sie Vorkasse ab; wird mit Code oder Daten gedroht, schalten Sie sofort Ihr Sicherheitsteam ein.",
        },
    },
    Item {
        id: "ship-elsewhere",
        family: Family::Payment,
        default_points: 40,
        sources: &[GUIDANCE_2022, "FBI PSA (2024-05-16)", BFV_2024],
        title: Text {
            en: "Asks to ship a laptop or documents to an address other than the one on their ID, or keeps changing it",
            de: "Möchte Laptop oder Unterlagen an eine andere Adresse als die im Ausweis geschickt haben oder ändert sie ständig",
        },
        how: Text {
            en: "Ship equipment only to the address on the verified ID.",
            de: "Verschicken Sie Geräte nur an die Adresse im geprüften Ausweis.",
        },
    },
];

/// The checklist as shown to the client, with their answers.
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
    ITEMS
        .iter()
        .map(|i| Entry {
            id: i.id,
            title: i.title.get(lang),
            how: i.how.get(lang),
            answer: answers.get(i.id).copied(),
        })
        .collect()
}

/// Findings for the items the client marked as observed.
pub fn findings(answers: &Answers, policy: &crate::policy::Policy) -> Vec<Finding> {
    let lang = policy.lang;
    ITEMS
        .iter()
        .filter(|i| answers.get(i.id) == Some(&Answer::Observed))
        .filter(|i| policy.is_enabled(i.id))
        .map(|i| {
            let weight = policy.weight(i.id, i.default_points);
            Finding {
                rule: i.id,
                family: i.family,
                points: weight,
                weight,
                title: i.title.get(lang).to_string(),
                evidence: vec![lang
                    .pick(
                        "You marked this as observed in HireCheck's checklist on this device.",
                        "Sie haben dies in der HireCheck-Checkliste auf diesem Gerät als beobachtet markiert.",
                    )
                    .to_string()],
                why: lang
                    .pick(
                        "Official guidance names this behaviour among the signs of workers who hide who they are; one sign is a reason to verify further, not proof.",
                        "Behörden nennen dieses Verhalten unter den Zeichen von Arbeitern, die verbergen, wer sie sind; ein Zeichen ist Anlass zu weiterer Prüfung, kein Beweis.",
                    )
                    .to_string(),
                source: i.sources.join("; "),
                verify: i.how.get(lang).to_string(),
            }
        })
        .collect()
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
            for t in [i.title, i.how] {
                assert!(
                    t.en.len() > 20 && t.de.len() > 20 && t.en != t.de,
                    "{}",
                    i.id
                );
            }
            assert!(
                i.sources.iter().all(|s| s.contains("20")),
                "{} needs dated sources",
                i.id
            );
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
