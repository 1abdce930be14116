//! Indicator rules. One module per indicator family; one entry in [`RULES`] per rule.
//!
//! A rule reads the typed profile only; it never sees nationality as a risk. Each finding carries
//! the evidence read, why it matters, a public source, and what the client should do to verify.

pub mod account_history;
pub mod diary;
pub mod identity;
pub mod local_time;
pub mod messages;
pub mod org_list;
pub mod portfolio;
pub mod rate_volume;
pub mod reviews;
pub mod workload;

use crate::json::{json_enum, json_object};
use crate::model::{Field, Profile};
use crate::policy::{Lang, Policy};
use crate::texts::{self, Part};
use crate::time::Instant;

/// What a rule gets to look at.
pub struct Context<'a> {
    pub profile: &'a Profile,
    pub policy: &'a Policy,
    pub now: Instant,
}

impl Context<'_> {
    pub fn lang(&self) -> Lang {
        self.policy.lang
    }
}

/// What a rule found: the values read, as sentences a client can check against the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub evidence: Vec<String>,
}

/// The result of one rule on one profile.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Fired(Hit),
    /// Evaluated; the indicator is absent.
    Clear,
    /// Could not be evaluated: these fields were not read.
    Unknown(Vec<Field>),
}

/// Indicator families. Findings of one family share a cause, so their points add with diminishing
/// returns (see `score.rs` and docs/scoring.md): ten weak signs of one thing are not ten things.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// Pay against track record.
    Pay,
    /// Hours one person cannot work.
    Workload,
    /// Claimed location against the clock and other signs of place.
    Location,
    /// Who the account is: names, account age, history.
    Identity,
    /// Reviews and clients that look arranged.
    Reviews,
    /// Links, domains and addresses on known lists.
    Links,
    /// What only a conversation or interview shows (the verification checklist).
    Interview,
    /// Payment and shipping requests.
    Payment,
}

json_enum!(Family {
    Pay => "pay",
    Workload => "workload",
    Location => "location",
    Identity => "identity",
    Reviews => "reviews",
    Links => "links",
    Interview => "interview",
    Payment => "payment",
});

/// A documented risk indicator, declared as data: one `static` per rule, listed in [`RULES`].
pub struct RuleSpec {
    /// Stable kebab-case id, used in reports and policies.
    pub id: &'static str,
    pub family: Family,
    /// Points added when it fires, unless the policy overrides them.
    pub default_points: u32,
    /// The [`Policy`] settings it reads; a test checks they exist.
    pub thresholds: &'static [&'static str],
    // Its title, why it matters (with the innocent explanations), how to verify it and its public
    // sources (each with its publisher and date) are in src/texts/texts.json under its id (crate::texts).
    pub evaluate: fn(&Context) -> Outcome,
}

impl RuleSpec {
    /// Its finding with this evidence, weight and source; the texts from the table by its id (in the
    /// wasm they stay empty: the extension fills them).
    pub fn finding(
        &self,
        evidence: Vec<String>,
        weight: u32,
        source: String,
        lang: Lang,
    ) -> Finding {
        Finding::new(self.id, self.family, evidence, weight, source, lang)
    }
}

/// Every rule, in report order.
pub static RULES: &[&RuleSpec] = &[
    &rate_volume::LOW_RATE_HIGH_VOLUME,
    &workload::AVERAGE_WORKLOAD,
    &workload::OVERLAPPING_CONTRACTS,
    &local_time::LOCAL_TIME_MISMATCH,
    &identity::FEEDBACK_NAME_MISMATCH,
    &account_history::HISTORY_BEFORE_MEMBERSHIP,
    &reviews::REVIEW_BURST,
    &org_list::KNOWN_BAD_DOMAIN,
    &portfolio::THROWAWAY_PORTFOLIO_HOSTS,
    &messages::OFF_PLATFORM_REQUEST,
    &messages::OFF_PLATFORM_PAYMENT,
    &messages::SHIP_ELSEWHERE,
    &messages::IDENTITY_CHANGE,
    &diary::ROUND_THE_CLOCK,
    &diary::SEVEN_DAY_WEEKS,
    &diary::NIGHT_WORK_IN_CLAIMED_ZONE,
];

/// One fired rule, as reported.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub rule: &'static str,
    pub family: Family,
    /// Points this finding adds to the score, after diminishing returns within its family.
    pub points: u32,
    /// Its full weight, before diminishing returns.
    pub weight: u32,
    /// The title, why and verify texts come from src/texts/texts.json by `rule` (crate::texts); in the
    /// wasm they are "" and the extension fills them from the same table.
    pub title: String,
    pub evidence: Vec<String>,
    pub why: String,
    pub source: String,
    pub verify: String,
}

impl Finding {
    /// The finding of rule or check `rule` with this evidence, weight and source; its title, why
    /// and verify texts from the table by its id (in the wasm they stay empty: the extension fills
    /// them). Full weight in `points` too; the scorer lowers it within a family.
    pub fn new(
        rule: &'static str,
        family: Family,
        evidence: Vec<String>,
        weight: u32,
        source: String,
        lang: Lang,
    ) -> Finding {
        Finding {
            rule,
            family,
            points: weight,
            weight,
            title: texts::get(rule, Part::Title, lang).to_string(),
            evidence,
            why: texts::get(rule, Part::Why, lang).to_string(),
            source,
            verify: texts::get(rule, Part::Verify, lang).to_string(),
        }
    }
}

json_object!(Finding {
    rule,
    family,
    points,
    weight,
    title,
    evidence,
    why,
    source,
    verify
});

/// A rule that could not run, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Unevaluated {
    pub rule: &'static str,
    pub title: String,
    pub missing: Vec<Field>,
}

json_object!(Unevaluated {
    rule,
    title,
    missing
});

/// Runs every enabled rule. Findings carry their full weight in both `weight` and `points`; the scorer
/// lowers `points` for the second and later findings of a family.
pub fn evaluate_all(cx: &Context) -> (Vec<Finding>, Vec<Unevaluated>, usize) {
    let (mut findings, mut unknown, mut clear) = (Vec::new(), Vec::new(), 0);
    let lang = cx.lang();
    for rule in RULES.iter().filter(|r| cx.policy.is_enabled(r.id)) {
        match (rule.evaluate)(cx) {
            Outcome::Fired(hit) => {
                let weight = cx.policy.weight(rule.id, rule.default_points);
                findings.push(rule.finding(hit.evidence, weight, texts::source(rule.id), lang))
            }
            Outcome::Clear => clear += 1,
            Outcome::Unknown(missing) => unknown.push(Unevaluated {
                rule: rule.id,
                title: texts::get(rule.id, Part::Title, lang).to_string(),
                missing,
            }),
        }
    }
    (findings, unknown, clear)
}

/// A rule's outcome when it cannot run for want of `fields` (one shared copy of the list's allocation).
pub fn unknown(fields: &[Field]) -> Outcome {
    Outcome::Unknown(fields.to_vec())
}

/// The claimed country's name as the profile shows it, else ours for the code `iso2`, else the code.
pub fn country_name<'a>(p: &'a Profile, iso2: &'a str) -> &'a str {
    if let Some(name) = p.location.as_ref().and_then(|l| l.country_name.as_deref()) {
        return name;
    }
    crate::countries::name_of(iso2).unwrap_or(iso2)
}

/// The fields of `needed` that the profile does not hold: what a rule that cannot run reports.
pub fn unread(p: &Profile, needed: &[Field]) -> Vec<Field> {
    let mut missing = Vec::new();
    for &f in needed {
        if !p.has(f) {
            missing.push(f);
        }
    }
    missing
}

/// Formats a number of hours or dollars for people: "1,234" or "12.5".
pub fn fmt_num(v: f64, lang: Lang) -> String {
    let (sep, dec) = match lang {
        Lang::En => (',', '.'),
        Lang::De => ('.', ','),
    };
    let neg = v < 0.0;
    let rounded = (v.abs() * 10.0).round() / 10.0;
    let whole = rounded.trunc() as u64;
    let tenth = ((rounded - rounded.trunc()) * 10.0).round() as u64;
    let digits = whole.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    if tenth > 0 {
        out.push(dec);
        out.push_str(&tenth.to_string());
    }
    if neg {
        out.insert(0, '-');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_table_is_complete_and_explained() {
        let mut ids: Vec<_> = RULES.iter().map(|r| r.id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len(), "rule ids must be unique");
        let policy_keys = crate::json::to_value(&Policy::default());
        for r in RULES {
            assert!(
                r.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                r.id
            );
            assert!((1..=100).contains(&r.default_points), "{}", r.id);
            // Its texts and dated sources: crate::texts's tests check every rule has them.
            for key in r.thresholds {
                assert!(
                    policy_keys.get(key).is_some(),
                    "{}: threshold {key} is not a policy setting",
                    r.id
                );
            }
        }
    }

    #[test]
    fn numbers_read_naturally() {
        assert_eq!(fmt_num(12345.0, Lang::En), "12,345");
        assert_eq!(fmt_num(12345.25, Lang::De), "12.345,3");
        assert_eq!(fmt_num(0.0, Lang::En), "0");
        assert_eq!(fmt_num(-62.5, Lang::En), "-62.5");
    }
}
