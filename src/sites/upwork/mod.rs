//! Upwork adapter: freelancer profile pages → [`Profile`].
//!
//! Sources, most stable first (research notes `page-structure.md` §1): (A) the Nuxt store embedded
//! as `window.__NUXT__=…` and JSON-LD, (B) head meta (`og:title`, `og:description`,
//! `product:price:*`), (C) rendered DOM (`itemprop`, `#hor-anc-id-*`, `.cfe-ui-*`, `air3-*`), and
//! last the `<title>` ("Name - Title - Upwork Freelancer from City, Country"), whose " - "
//! separators are ambiguous when the title itself contains one. Each field takes the first source
//! that yields a plausible value, and [`Extraction::read_from`] says which.
//!
//! All selectors live in [`selectors`]; the `__NUXT__` literal reader in [`jslit`].

mod diary;
mod dom;
pub mod jslit;
mod json;
pub mod messages;
pub mod proposals;
pub mod selectors;

use super::links::LinkSet;
use super::{host_and_path, Adapter, Extraction, PageKind};
use crate::json::Value;
use crate::model::{Field, Profile};
use crate::page::{Node, Page, PageExt};

pub struct Upwork;

impl Adapter for Upwork {
    fn id(&self) -> &'static str {
        "upwork"
    }

    fn hosts(&self) -> &'static [&'static str] {
        &["upwork.com"]
    }

    fn url_patterns(&self) -> &'static [&'static str] {
        // Profiles by id or vanity name. The old /o/profiles/users/~… addresses redirect to these, so
        // the content script is not declared there (saved pages from them are still read).
        &[
            "https://www.upwork.com/freelancers/*",
            "https://www.upwork.com/fl/*",
            "https://www.upwork.com/ab/applicants/*",
            "https://www.upwork.com/nx/wm/workroom/*",
            "https://www.upwork.com/ab/messages/*",
        ]
    }

    fn page_kind(&self, path: &str) -> PageKind {
        page_kind(path)
    }

    fn expected_fields(&self, kind: PageKind) -> &'static [Field] {
        match kind {
            // An Upwork profile shows all of them (earnings can be hidden by the freelancer).
            PageKind::Profile => &PROFILE_FIELDS,
            PageKind::Messages => &[Field::Messages, Field::Name],
            PageKind::Proposals => &[Field::Bids],
            // The diary itself; the header's name and location are read where shown, not required.
            PageKind::WorkDiary => &[Field::Diary],
            // Not read yet.
            PageKind::Unknown => &[],
        }
    }

    fn extract(&self, page: &dyn Page, kind: PageKind) -> Extraction {
        let expected = self.expected_fields(kind);
        if kind == PageKind::Proposals {
            let mut ex = Extraction::default();
            proposals::read(page, &mut ex);
            return ex.finish(expected);
        }
        if kind == PageKind::WorkDiary {
            let mut b = Builder::default();
            diary::read(page, &mut b);
            return b.finish(expected);
        }
        if kind == PageKind::Messages {
            let mut ex = Extraction::default();
            messages::read(page, &mut ex);
            return ex.finish(expected);
        }
        if kind != PageKind::Profile {
            return Extraction::default().finish(expected);
        }
        let mut b = Builder::default();
        if let Some((state, path)) = json::find_nuxt(page) {
            // After client-side navigation the server-rendered store still describes the FIRST profile
            // opened; it is used only when it is about the page's current address.
            let current = page
                .url()
                .as_deref()
                .and_then(host_and_path)
                .map(|(_, p)| p);
            if current.is_none_or(|p| json::store_is_for(&state, &p)) {
                json::read_state(&state, path, &mut b);
            }
        }
        json::read_ld_json(page, &mut b);
        dom::read_meta(page, &mut b);
        dom::read_dom(page, &mut b);
        dom::read_title(page, &mut b);
        let mut ex = b.finish(expected);
        ex.profile_key = profile_key(page);
        ex
    }

    fn sniff(&self, page: &dyn Page) -> Option<PageKind> {
        // The page's own address, as the head states it.
        for url in [page.meta("og:url"), canonical(page)] {
            let Some(url) = url else {
                continue;
            };
            if let Some((host, path)) = host_and_path(&url) {
                if is_upwork_host(&host) {
                    let kind = page_kind(&path);
                    if kind != PageKind::Unknown {
                        return Some(kind);
                    }
                }
            }
        }
        if let Some(title) = page.first_text(None, &["title"]) {
            if title.contains("Upwork Freelancer from") || title.ends_with("- Upwork Freelancer") {
                return Some(PageKind::Profile);
            }
        }
        first_matching(page, selectors::PROFILE_MARKERS).map(|_| PageKind::Profile)
    }
}

/// The fields an Upwork profile shows (earnings can be hidden by the freelancer). `Links` is read as
/// "none" (an empty list) when the profile's sections were read and show no link.
const PROFILE_FIELDS: [Field; 17] = [
    Field::Name,
    Field::Title,
    Field::HourlyRate,
    Field::Location,
    Field::LocalTime,
    Field::JobSuccess,
    Field::Badges,
    Field::TotalEarnings,
    Field::TotalJobs,
    Field::TotalHours,
    Field::HoursPerWeek,
    Field::MemberSince,
    Field::Languages,
    Field::IdVerified,
    Field::WorkHistory,
    Field::Overview,
    Field::Links,
];

/// The kind of page an Upwork path shows.
pub fn page_kind(path: &str) -> PageKind {
    // Matched in lower case: the id checks below do not depend on case either.
    let path = crate::text::before_any(path, b"?#").to_ascii_lowercase();
    // The first 8 non-empty segments.
    let mut segs: Vec<&str> = Vec::new();
    for seg in path.split('/') {
        if segs.len() == 8 {
            break;
        }
        if !seg.is_empty() {
            segs.push(seg);
        }
    }
    match segs.as_slice() {
        // /freelancers/~01abc…, /freelancers/<vanity>, /fl/<vanity>, old /o/profiles/users/~01abc…
        ["freelancers" | "fl", id] | ["o", "profiles", "users", id] if is_profile_id(id) => {
            PageKind::Profile
        }
        // Client's "Review proposals": /ab/applicants/<jobId>/applicants|suggested|job-details
        ["ab", "applicants", job, ..] if is_plain_id(job) => PageKind::Proposals,
        ["nx", "wm", "workroom", id, rest @ ..] if is_plain_id(id) => match rest.first().copied() {
            Some("timesheet" | "workdiary" | "work-diary" | "diary") => PageKind::WorkDiary,
            Some("messages") => PageKind::Messages,
            _ => PageKind::Unknown,
        },
        ["ab" | "nx" | "e", "workdiary", ..] | ["workdiary", ..] => PageKind::WorkDiary,
        ["ab", "messages", ..] => PageKind::Messages,
        _ => PageKind::Unknown,
    }
}

/// "upwork:~01abc…" or "upwork:janedoe": who the page shows, from the first address that names a profile
/// (the page's own address, then `og:url`, then the canonical link). After in-place navigation the head can
/// still describe the previous profile, which is why the page's own address comes first.
fn profile_key(page: &dyn Page) -> Option<String> {
    let from = |url: Option<String>| {
        let (host, path) = host_and_path(&url?)?;
        is_upwork_host(&host).then(|| profile_id(&path)).flatten()
    };
    from(page.url())
        .or_else(|| from(page.meta("og:url")))
        .or_else(|| from(canonical(page)))
        .map(|id| crate::text::concat(&["upwork:", &id]))
}

/// The first of `selectors` that matches anything in the page, with its matches.
fn first_matching(
    page: &dyn Page,
    selectors: &[&'static str],
) -> Option<(&'static str, Vec<Node>)> {
    for css in selectors {
        let nodes = page.select(None, css);
        if !nodes.is_empty() {
            return Some((css, nodes));
        }
    }
    None
}

/// The value `parse` reads from the first of the page's first 200 scripts that mentions `mark` and parses.
fn script_value(page: &dyn Page, mark: &str, parse: fn(&str) -> Option<Value>) -> Option<Value> {
    for n in page.select(None, "script").into_iter().take(200) {
        let Some(text) = page.raw_text_holding(n, &[mark], usize::MAX) else {
            continue;
        };
        if let Some(v) = parse(&text) {
            return Some(v);
        }
    }
    None
}

/// How many bytes at the start of `s` pass `keep`, a test of ASCII bytes: the run ends at an ASCII byte
/// or, when `keep` takes only ASCII, at a non-ASCII one after ASCII only, so the cut is on a char
/// boundary either way. A plain function, not a char pattern: no pattern searcher per call site.
fn ascii_run(s: &str, keep: fn(u8) -> bool) -> usize {
    let mut n = 0;
    while let Some(&b) = s.as_bytes().get(n) {
        if !keep(b) {
            break;
        }
        n += 1;
    }
    n
}

/// The first `link[rel=canonical]`'s address.
fn canonical(page: &dyn Page) -> Option<String> {
    first_attr(page, "link[rel=canonical]", "href")
}

/// The attribute `name` of the first element matching `css` that has it.
fn first_attr(page: &dyn Page, css: &str, name: &str) -> Option<String> {
    for n in page.select(None, css) {
        if let Some(v) = page.attr(n, name) {
            return Some(v);
        }
    }
    None
}

fn is_upwork_host(host: &str) -> bool {
    host == "upwork.com" || host.ends_with(".upwork.com")
}

/// The profile id in a profile path: the cipher text as written ("~01abc…"; the old "_~01abc…" form without
/// its underscore), or the vanity name in lower case.
pub fn profile_id(path: &str) -> Option<String> {
    if page_kind(path) != PageKind::Profile {
        return None;
    }
    let path = crate::text::before_any(path, b"?#");
    let id = crate::text::last_segment(path)?;
    if let Some(cipher) = id.strip_prefix('_').filter(|c| c.starts_with('~')) {
        return Some(cipher.to_string());
    }
    Some(if id.starts_with('~') {
        id.to_string()
    } else {
        id.to_ascii_lowercase()
    })
}

/// "~01abc…" (cipher text, also "_~01…") or a vanity name; not a reserved page name.
fn is_profile_id(seg: &str) -> bool {
    const RESERVED: &[&str] = &[
        "search",
        "settings",
        "profile",
        "signup",
        "login",
        "jobs",
        "api",
        "onboarding",
        "agencies",
    ];
    if let Some(cipher) = seg.strip_prefix('~').or_else(|| seg.strip_prefix("_~")) {
        return (1..=64).contains(&cipher.len())
            && cipher.bytes().all(|b| b.is_ascii_alphanumeric());
    }
    (2..=64).contains(&seg.len())
        && seg
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        && seg.bytes().any(|b| b.is_ascii_alphanumeric())
        && !RESERVED.contains(&seg.to_ascii_lowercase().as_str())
}

fn is_plain_id(seg: &str) -> bool {
    (1..=64).contains(&seg.len())
        && seg
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'~' | b'_' | b'-'))
}

/// The profile being filled and where each field came from.
#[derive(Default)]
pub(crate) struct Builder {
    pub p: Profile,
    notes: Vec<(Field, String)>,
    links: LinkSet,
}

impl Builder {
    pub fn note(&mut self, field: Field, source: impl Into<String>) {
        self.notes.push((field, source.into()));
    }

    pub fn wants(&self, field: Field) -> bool {
        !self.p.has(field)
    }

    /// Fills a text field (name, title or overview) from `value` unless it is read already, noting `source`.
    pub fn fill_text(&mut self, field: Field, value: Option<String>, source: &str) {
        let slot = match field {
            Field::Name => &mut self.p.name,
            Field::Title => &mut self.p.title,
            Field::Overview => &mut self.p.overview,
            _ => return,
        };
        if slot.is_none() && put(slot, value) {
            self.note(field, source);
        }
    }

    /// Records that a place which can show links was read; with such a place and no link, links are "none".
    pub fn links_read(&mut self, place: impl Into<String>) {
        self.links.read(place);
    }

    /// Adds canonical addresses, except Upwork's own.
    pub fn add_links(&mut self, addresses: impl IntoIterator<Item = String>) {
        self.links.add(addresses, IS_PLATFORM);
    }

    /// Adds the links, e-mail addresses and domain names written in `text`.
    pub fn add_link_text(&mut self, text: &str) {
        self.links.add_text(text, IS_PLATFORM);
    }

    fn finish(mut self, expected: &[Field]) -> Extraction {
        // Addresses the freelancer and their clients wrote in the profile's own words.
        self.links
            .add_profile_text(&self.p, "work history text", IS_PLATFORM);
        if let Some(places) = self.links.finish_into(&mut self.p, "title text") {
            self.note(Field::Links, places);
        }
        let mut ex = Extraction {
            profile: self.p,
            ..Extraction::default()
        };
        for (f, src) in &self.notes {
            ex.note(*f, src);
        }
        ex.finish(expected)
    }
}

/// Stores `value` in `slot` when there is one; whether there was.
pub(crate) fn put<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    let found = value.is_some();
    if found {
        *slot = value;
    }
    found
}

/// Fills `$b.p.$slot` from `$value` (an `Option`) unless already set, noting `$src`.
/// `$value` is only evaluated when the slot is empty.
macro_rules! fill {
    ($b:expr, $field:expr, $slot:ident, $src:expr, $value:expr) => {
        if $b.p.$slot.is_none() {
            if let Some(v) = $value {
                $b.p.$slot = Some(v);
                $b.note($field, $src);
            }
        }
    };
}
/// Like `fill!`, for a value that comes with its source: `Option<(T, String)>`.
macro_rules! fill_src {
    ($b:expr, $field:expr, $slot:ident, $value:expr) => {
        if $b.p.$slot.is_none() {
            if let Some((v, src)) = $value {
                $b.p.$slot = Some(v);
                $b.note($field, src);
            }
        }
    };
}
pub(crate) use {fill, fill_src};

// ---- Plausibility: values outside these bounds are misreads or hostile, and are dropped. ----

// The bounds every adapter applies (shared with the other sites' readers, which are built without
// this adapter in a one-site wasm module): super::bounds.
pub(crate) use super::bounds::{
    location, plausible_earnings, plausible_jobs, plausible_rate, plausible_rating, MAX_FEEDBACK,
    MAX_NAME, MAX_OVERVIEW, MAX_PLACE, MAX_SHORT, MAX_TITLE,
};

/// [`is_platform_address`] behind `dyn`, as the other adapters pass theirs: the link set's generic code then
/// has one copy for all of them (an instance per function type otherwise).
const IS_PLATFORM: &dyn Fn(&str) -> bool = &is_platform_address;

/// Whether an address belongs to the marketplace itself (its pages, help, file storage), not to the freelancer.
fn is_platform_address(address: &str) -> bool {
    let Some(host) = crate::text::address_host(address) else {
        return true;
    };
    let host = host.strip_prefix("www.").unwrap_or(host);
    ["upwork.com", "odesk.com", "elance.com"]
        .iter()
        .any(|d| crate::text::host_is_under(host, d))
        // Upwork's own S3 buckets ("upwork-usw2-prod-….s3.amazonaws.com") hold portfolio images.
        || (host.starts_with("upwork-") && crate::text::host_is_under(host, "amazonaws.com"))
}

/// Total hours on the platform (500,000 h is over 200 years of full-time work).
pub(crate) fn plausible_total_hours(h: f64) -> Option<f64> {
    (h.is_finite() && (0.0..=500_000.0).contains(&h)).then_some(h)
}

/// Hours on one contract.
pub(crate) fn plausible_entry_hours(h: f64) -> Option<f64> {
    (h.is_finite() && (0.0..=100_000.0).contains(&h)).then_some(h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Money;

    #[test]
    fn kinds_by_path() {
        let cases = [
            ("/freelancers/~01a1b2c3d4e5f6a7b8", PageKind::Profile),
            ("/freelancers/~01a1b2c3d4e5f6a7b8/", PageKind::Profile),
            (
                "/freelancers/~01a1b2c3d4e5f6a7b8?p=1234567890",
                PageKind::Profile,
            ),
            ("/freelancers/janedoe", PageKind::Profile),
            ("/fl/janedoe", PageKind::Profile),
            ("/o/profiles/users/_~0123abcd/", PageKind::Profile),
            ("/freelancers/", PageKind::Unknown),
            ("/freelancers/search", PageKind::Unknown),
            ("/freelancers/~01abc/extra/path", PageKind::Unknown),
            ("/freelancers/<script>", PageKind::Unknown),
            (
                "/ab/applicants/1234567890123456789/applicants",
                PageKind::Proposals,
            ),
            ("/ab/applicants/~01abc/suggested", PageKind::Proposals),
            ("/nx/wm/workroom/38123456/timesheet", PageKind::WorkDiary),
            ("/nx/wm/workroom/38123456/messages", PageKind::Messages),
            ("/nx/wm/workroom/38123456/overview", PageKind::Unknown),
            ("/ab/messages/rooms/room_abc", PageKind::Messages),
            ("/ab/workdiary/company/acme", PageKind::WorkDiary),
            ("/", PageKind::Unknown),
            ("", PageKind::Unknown),
            ("/nx/find-work/", PageKind::Unknown),
        ];
        for (path, kind) in cases {
            assert_eq!(page_kind(path), kind, "{path}");
        }
    }

    #[test]
    fn plausibility_bounds() {
        let usd = |a: f64| Money {
            amount: a,
            currency: "USD".into(),
        };
        assert!(plausible_rate(usd(35.0)).is_some());
        assert!(plausible_rate(usd(1e300)).is_none());
        assert!(plausible_rate(usd(f64::NAN)).is_none());
        assert!(plausible_rate(usd(0.0)).is_none());
        assert!(plausible_rate(Money {
            amount: 35.0,
            currency: "usd<".into()
        })
        .is_none());
        assert!(plausible_total_hours(-5.0).is_none());
        assert_eq!(plausible_jobs(12.0), Some(12));
        assert_eq!(plausible_jobs(1.5), None);
        assert!(plausible_rating(5.5).is_none());
    }
}
