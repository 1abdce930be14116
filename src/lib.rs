//! HireCheck's core: a page goes in, an explained risk report comes out. Nothing here touches the network.
//!
//! Flow: [`page::Page`] → [`sites`] adapter → [`model::Profile`] → [`rules`] → [`score`] → [`report::Report`].

// No input may make the core panic (page data is hostile): these lints keep unwrap, expect, indexing and
// explicit panics out of non-test code; a justified exception carries an `allow` with its reason.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::panic,
        clippy::unreachable
    )
)]

pub mod case;
pub mod checklist;
pub mod countries;
pub mod currency;
pub mod float;
pub mod json;
pub mod memory;
pub mod model;
mod packed;
pub mod page;
pub mod policy;
pub mod proposals;
pub mod report;
pub mod rules;
pub mod score;
pub mod settings;
pub mod sites;
pub mod small_map;
pub mod sort;
pub mod text;
pub mod texts;
pub mod time;
pub mod tz;

#[cfg(target_arch = "wasm32")]
pub mod web;

// Talc in place of std's dlmalloc in the wasm: the same job in fewer bytes of code (docs/build.md,
// "The wasm build"). The wasm is single-threaded, which the unlocked cell needs. Native builds keep
// the system allocator.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

use checklist::Answers;
use page::Page;
use policy::Policy;
use report::Report;
use rules::{Context, RULES};
use score::Coverage;
use sites::{Extraction, PageKind};
use time::Instant;

/// Analyses one page. `source` names it in the report (a file path or the address).
pub fn analyze(page: &dyn Page, source: &str, policy: &Policy, now: Instant) -> Report {
    analyze_with(page, source, policy, now, &Answers::new())
}

/// [`analyze`] with the client's checklist answers for this profile.
pub fn analyze_with(
    page: &dyn Page,
    source: &str,
    policy: &Policy,
    now: Instant,
    answers: &Answers,
) -> Report {
    let url = page.url();
    let (site, kind, extraction, expected) = match sites::detect(url.as_deref(), page) {
        Some((adapter, kind)) => {
            let expected = adapter.expected_fields(kind).len();
            (
                Some(adapter.id()),
                kind,
                adapter.extract(page, kind),
                expected,
            )
        }
        None => (None, PageKind::Unknown, Extraction::default(), 0),
    };
    let mut risk = assess_with(&extraction, expected, policy, now, answers);
    let bids = match &extraction.bids {
        Some(list) => proposals::assess_bids(list, policy, now),
        None => Vec::new(),
    };
    if kind == PageKind::Proposals && expected > 0 {
        risk = proposals::summarize(&bids, policy);
    }
    let bid_rows = proposals::bid_rows(site, &extraction.read_from, &bids);
    let mut report = Report {
        source: source.to_string(),
        site,
        page_kind: kind,
        lang: policy.lang,
        analyzed_at: now.to_string(),
        profile_key: extraction.profile_key,
        profile: extraction.profile,
        missing: extraction.missing,
        read_from: extraction.read_from,
        // The checklist is about one freelancer; a proposals page lists many.
        checklist: if expected > 0 && kind != PageKind::Proposals {
            checklist::entries(answers, policy.lang)
        } else {
            Vec::new()
        },
        risk,
        bids,
        bid_rows,
        fingerprint: None,
        org_note: None,
        report_contact: policy.contact(),
    };
    if kind != PageKind::Proposals {
        rules::org_list::apply_freelancer_lists(&mut report, policy);
    }
    report
}

/// [`analyze_with`] plus the memory across profiles: the fingerprint of this profile, and findings
/// when it shares a photo, bio or link with a remembered profile of another key and name.
pub fn analyze_full(
    page: &dyn Page,
    source: &str,
    policy: &Policy,
    now: Instant,
    answers: &Answers,
    recall: &memory::Recall,
) -> Report {
    let mut report = analyze_with(page, source, policy, now, answers);
    memory::apply(&mut report, recall, policy);
    report
}

/// Runs the rules on what was read. `expected` is how many fields the page kind shows; 0 means
/// "not a page HireCheck reads", which is always `unknown`.
pub fn assess(
    extraction: &Extraction,
    expected: usize,
    policy: &Policy,
    now: Instant,
) -> score::Risk {
    assess_with(extraction, expected, policy, now, &Answers::new())
}

/// [`assess`] with the client's checklist answers; observed items count like findings.
pub fn assess_with(
    extraction: &Extraction,
    expected: usize,
    policy: &Policy,
    now: Instant,
    answers: &Answers,
) -> score::Risk {
    let mut enabled = 0;
    for r in RULES {
        enabled += usize::from(policy.is_enabled(r.id));
    }
    if expected == 0 {
        let coverage = Coverage {
            fields_read: 0,
            fields_expected: 0,
            rules_evaluated: 0,
            rules_total: enabled,
        };
        return score::assess(Vec::new(), Vec::new(), coverage, policy);
    }
    let cx = Context {
        profile: &extraction.profile,
        policy,
        now,
    };
    let (mut findings, mut unevaluated, _clear) = rules::evaluate_all(&cx);
    // A rule that needs a page-only field (the work diary, messages, bids) that this kind of page does not show
    // is not applicable here: neither "could not check" nor counted.
    let page_only = [
        model::Field::Diary,
        model::Field::Messages,
        model::Field::Bids,
    ];
    let before = unevaluated.len();
    unevaluated.retain(|u| {
        !u.missing
            .iter()
            .any(|f| page_only.contains(f) && !extraction.missing.contains(f))
    });
    let enabled = enabled - (before - unevaluated.len());
    findings.append(&mut checklist::findings(answers, policy));
    let coverage = Coverage {
        fields_read: expected.saturating_sub(extraction.missing.len()),
        fields_expected: expected,
        rules_evaluated: enabled - unevaluated.len(),
        rules_total: enabled,
    };
    score::assess(findings, unevaluated, coverage, policy)
}
