//! The report: what the CLI prints as JSON and the badge renders.

use crate::checklist::Entry;
use crate::json::json_object;
use crate::model::{Field, Profile};
use crate::score::Risk;
use crate::sites::PageKind;
use crate::small_map::SmallMap;

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    /// The file or address analysed.
    pub source: String,
    /// Adapter id, or `None` when the page is not from a supported site.
    pub site: Option<&'static str>,
    pub page_kind: PageKind,
    /// The language the report's texts are written in (the extension's badge uses the same).
    pub lang: crate::policy::Lang,
    /// When the analysis ran (RFC 3339); the local-time check depends on it.
    pub analyzed_at: String,
    /// Stable key of the freelancer on the site, e.g. "upwork:~01abc…"; the checklist is stored under it.
    pub profile_key: Option<String>,
    pub profile: Profile,
    /// Fields the page kind normally shows that could not be read.
    pub missing: Vec<Field>,
    /// Where each field was read from.
    pub read_from: SmallMap<Field, String>,
    /// The verification checklist for what no page shows, with the client's answers.
    pub checklist: Vec<Entry>,
    pub risk: Risk,
    /// One verdict per proposal on a proposals page, in page order; empty on other pages.
    pub bids: Vec<crate::proposals::BidReport>,
    /// Where the bids were read on the page, so that the extension can put one badge in each row;
    /// `None` on other pages and where the rows are not the page's own (e.g. read from embedded JSON).
    pub bid_rows: Option<crate::proposals::BidRows>,
    /// What the device may remember of this profile (memory across profiles); `None` off profile pages.
    pub fingerprint: Option<crate::memory::Fingerprint>,
    /// "Your organisation has vetted this freelancer: …" when the policy's `allowed_freelancers` names
    /// the profile; it sits beside the findings and hides none of them.
    pub org_note: Option<String>,
    /// Where the organisation wants suspicious profiles reported (`report_contact`), checked.
    pub report_contact: Option<crate::policy::Contact>,
}

json_object!(Report {
    source,
    site,
    page_kind,
    lang,
    analyzed_at,
    profile_key,
    profile,
    missing,
    read_from,
    checklist,
    risk,
    bids,
    #[skip_none]
    bid_rows,
    fingerprint,
    #[skip_none]
    org_note,
    #[skip_none]
    report_contact,
});
