//! What the `parity` fuzz target does with its input, shared with `tests/parser_parity.rs` (which
//! replays every input that once failed here). First line = the page's address (empty = none), the rest
//! = HTML, as for `adapters`; the seeds are `adapters`' (scripts/fuzz.sh).
//!
//! The property: a saved page checked by the CLI (our parser, src/page/html/) gives the report the
//! extension gives on the same page in a browser, whose parser follows the HTML standard as html5ever
//! does (tests/support/reference_page.rs). A difference in the tree that changes no report is not a
//! finding; one that changes a report is, unless our parser took one of the shortcuts it documents
//! (src/page/html/tree.rs, counted by `HtmlPage::shortcuts`): those pages are left out.

use crate::reference_page::ReferencePage;
use hirecheck::page::HtmlPage;
use hirecheck::policy::Policy;
use hirecheck::time::Instant;

/// 2026-11-26T14:42:00Z, as the parity tests use.
const NOW: Instant = Instant(1_795_704_120);

pub fn parity(data: &[u8]) {
    let (url, html) = match data.iter().position(|&b| b == b'\n') {
        Some(i) => (
            data.get(..i).unwrap_or_default(),
            data.get(i + 1..).unwrap_or_default(),
        ),
        None => (&[][..], data),
    };
    let url = String::from_utf8_lossy(url).trim().to_string();
    let url = (!url.is_empty()).then_some(url);
    let html = String::from_utf8_lossy(html);
    let label = url.as_deref().unwrap_or("(no address)");
    let report = |page: &dyn hirecheck::page::Page| {
        hirecheck::json::to_string_pretty(&hirecheck::analyze(page, label, &Policy::default(), NOW))
    };
    let page = HtmlPage::parse(&html, url.as_deref());
    // Where our parser took a shortcut it documents, a difference is known, not a finding.
    if page.shortcuts() > 0 {
        return;
    }
    let ours = report(&page);
    let reference = report(&ReferencePage::parse(&html, url.as_deref()));
    if ours != reference {
        // The first line that differs, with the lines before it (which field it is in).
        let (a, b): (Vec<&str>, Vec<&str>) = (ours.lines().collect(), reference.lines().collect());
        let at = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        let around = |l: &[&str]| {
            l.iter()
                .skip(at.saturating_sub(4))
                .take(6)
                .copied()
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "the reports differ at line {at}:\n--- ours\n{}\n--- html5ever\n{}",
            around(&a),
            around(&b)
        );
    }
}
