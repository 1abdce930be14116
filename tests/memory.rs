//! Memory across profiles, end to end on the demo pages: the fingerprint of one profile, then the
//! findings on another that shares its links under another name (src/memory.rs).

use hirecheck::checklist::Answers;
use hirecheck::memory::{Fingerprint, Recall};
use hirecheck::page::HtmlPage;
use hirecheck::policy::Policy;
use hirecheck::report::Report;
use hirecheck::time::Instant;

fn www(file: &str) -> String {
    std::fs::read_to_string(format!("{}/www/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn run(file: &str, id: &str, seen: &[Fingerprint], policy: &Policy) -> Report {
    let now = Instant::parse_rfc3339("2026-11-26T14:42:00Z").unwrap();
    let url = format!("https://www.upwork.com/freelancers/~01a1b2c3d4e5f6{id}");
    let page = HtmlPage::parse(&www(file), Some(&url));
    let recall = Recall {
        seen,
        ..Recall::default()
    };
    hirecheck::analyze_full(&page, file, policy, now, &Answers::new(), &recall)
}

#[test]
fn the_reused_demo_profile_is_flagged_after_the_risky_one() {
    let policy = Policy::default();
    let first = run("upwork/risky.html", "risky", &[], &policy);
    let fp = first
        .fingerprint
        .clone()
        .expect("a profile page has a fingerprint");
    assert_eq!(Some(fp.key.clone()), first.profile_key);
    assert_eq!(fp.name.as_deref(), Some("Lukas M."));
    assert!(
        fp.links
            .iter()
            .any(|l| l == "fintech-dash-demo.netlify.app"),
        "{:?}",
        fp.links
    );
    assert!(first
        .risk
        .findings
        .iter()
        .all(|f| !f.rule.starts_with("reused-")));

    let alone = run("upwork/reused.html", "reused", &[], &policy);
    let second = run(
        "upwork/reused.html",
        "reused",
        std::slice::from_ref(&fp),
        &policy,
    );
    let hit = second
        .risk
        .findings
        .iter()
        .find(|f| f.rule == "reused-link")
        .expect("reused-link");
    assert!(hit.evidence[0].contains("Lukas M.") && hit.evidence[0].contains(&fp.key));
    assert!(hit.source.contains("2023-10-18"));
    assert!(second.risk.score >= alone.risk.score);
    assert_eq!(second.risk.findings.len(), alone.risk.findings.len() + 1);

    // The same key again: nothing. Disabled by policy: nothing.
    let same = run(
        "upwork/risky.html",
        "risky",
        std::slice::from_ref(&fp),
        &policy,
    );
    assert_eq!(same.risk, first.risk);
    let off = Policy::from_json(r#"{"disabled_rules": ["reused-link"]}"#).unwrap();
    let quiet = run(
        "upwork/reused.html",
        "reused",
        std::slice::from_ref(&fp),
        &off,
    );
    assert!(quiet.risk.findings.iter().all(|f| f.rule != "reused-link"));
}

#[test]
fn pages_that_are_not_profiles_leave_no_fingerprint() {
    let now = Instant::parse_rfc3339("2026-11-26T14:42:00Z").unwrap();
    let page = HtmlPage::parse(
        "<html><body><h1>Hello</h1></body></html>",
        Some("https://example.com/"),
    );
    let r = hirecheck::analyze_full(
        &page,
        "x",
        &Policy::default(),
        now,
        &Answers::new(),
        &Recall::default(),
    );
    assert_eq!(r.fingerprint, None);
}
