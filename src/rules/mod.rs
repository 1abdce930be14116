//! Indicator rules. One module per indicator family; one entry in [`RULES`] per rule.
//!
//! A rule reads the typed profile only; it never sees nationality as a risk. Each finding carries
//! the evidence read, why it matters, a public source, and what the client should do to verify.

pub mod identity;
pub mod local_time;
pub mod rate_volume;
pub mod workload;

use crate::model::{Field, Profile};
use crate::policy::{Lang, Policy};
use crate::time::Instant;
use serde::Serialize;

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

/// What a rule found.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// The values read, as sentences a client can check against the page.
    pub evidence: Vec<String>,
    /// Why this matters, for this profile.
    pub why: String,
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

/// A documented risk indicator.
pub trait Rule: Sync {
    /// Stable kebab-case id, used in reports and policies.
    fn id(&self) -> &'static str;
    /// Points added when it fires, unless the policy overrides them.
    fn default_points(&self) -> u32;
    fn title(&self, lang: Lang) -> &'static str;
    /// Public source(s) the indicator comes from.
    fn source(&self) -> &'static str;
    /// What the client should do to check it.
    fn verify(&self, lang: Lang) -> &'static str;
    fn evaluate(&self, cx: &Context) -> Outcome;
}

/// Every rule, in report order.
pub static RULES: &[&dyn Rule] = &[
    &rate_volume::LowRateHighVolume,
    &workload::AverageWorkload,
    &workload::OverlappingContracts,
    &local_time::LocalTimeMismatch,
    &identity::FeedbackNameMismatch,
];

/// One fired rule, as reported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    pub rule: &'static str,
    pub points: u32,
    pub title: String,
    pub evidence: Vec<String>,
    pub why: String,
    pub source: String,
    pub verify: String,
}

/// A rule that could not run, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Unevaluated {
    pub rule: &'static str,
    pub title: String,
    pub missing: Vec<Field>,
}

/// Runs every enabled rule.
pub fn evaluate_all(cx: &Context) -> (Vec<Finding>, Vec<Unevaluated>, usize) {
    let (mut findings, mut unknown, mut clear) = (Vec::new(), Vec::new(), 0);
    let lang = cx.lang();
    for rule in RULES.iter().filter(|r| cx.policy.is_enabled(r.id())) {
        match rule.evaluate(cx) {
            Outcome::Fired(hit) => findings.push(Finding {
                rule: rule.id(),
                points: cx.policy.weight(rule.id(), rule.default_points()),
                title: rule.title(lang).to_string(),
                evidence: hit.evidence,
                why: hit.why,
                source: rule.source().to_string(),
                verify: rule.verify(lang).to_string(),
            }),
            Outcome::Clear => clear += 1,
            Outcome::Unknown(missing) => {
                unknown.push(Unevaluated { rule: rule.id(), title: rule.title(lang).to_string(), missing })
            }
        }
    }
    (findings, unknown, clear)
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
        let mut ids: Vec<_> = RULES.iter().map(|r| r.id()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len(), "rule ids must be unique");
        for r in RULES {
            assert!(r.id().chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{}", r.id());
            assert!((1..=100).contains(&r.default_points()), "{}", r.id());
            for lang in [Lang::En, Lang::De] {
                assert!(r.title(lang).len() > 10 && r.verify(lang).len() > 20, "{} needs text in {lang:?}", r.id());
            }
            assert_ne!(r.title(Lang::En), r.title(Lang::De), "{} needs a German title", r.id());
            assert!(r.source().contains("20"), "{} must cite a dated public source", r.id());
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
