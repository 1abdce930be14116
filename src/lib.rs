//! HireCheck's core: a page goes in, an explained risk report comes out. Nothing here touches the network.
//!
//! Flow: [`page::Page`] → [`sites`] adapter → [`model::Profile`] → [`rules`] → [`score`] → [`report::Report`].

pub mod countries;
pub mod model;
pub mod page;
pub mod policy;
pub mod report;
pub mod rules;
pub mod score;
pub mod sites;
pub mod text;
pub mod time;
pub mod tz;

#[cfg(target_arch = "wasm32")]
pub mod web;

use page::Page;
use policy::Policy;
use report::Report;
use rules::{Context, RULES};
use score::Coverage;
use sites::{Extraction, PageKind};
use time::Instant;

/// Analyses one page. `source` names it in the report (a file path or the address).
pub fn analyze(page: &dyn Page, source: &str, policy: &Policy, now: Instant) -> Report {
    let url = page.url();
    let detected = sites::detect(url.as_deref(), page);
    let (site, kind, extraction, expected) = match detected {
        Some((adapter, kind)) => {
            let expected = adapter.expected_fields(kind);
            (Some(adapter.id()), kind, adapter.extract(page, kind), expected.len())
        }
        None => (None, PageKind::Unknown, Extraction::default(), 0),
    };
    let cx = Context { profile: &extraction.profile, policy, now };
    let enabled = RULES.iter().filter(|r| policy.is_enabled(r.id())).count();
    let (findings, unevaluated, _clear) = if expected > 0 { rules::evaluate_all(&cx) } else { Default::default() };
    let coverage = Coverage {
        fields_read: expected.saturating_sub(extraction.missing.len()),
        fields_expected: expected,
        rules_evaluated: if expected > 0 { enabled - unevaluated.len() } else { 0 },
        rules_total: enabled,
    };
    let risk = score::assess(findings, unevaluated, coverage, policy);
    Report {
        source: source.to_string(),
        site,
        page_kind: kind,
        analyzed_at: now.to_string(),
        profile: extraction.profile,
        missing: extraction.missing,
        read_from: extraction.read_from,
        risk,
    }
}
