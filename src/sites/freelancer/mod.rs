//! Freelancer.com adapter: user profiles (`/u/<username>`) → [`Profile`].
//!
//! Sources, most stable first (research notes `page-structure.md` §4): (A) Angular's TransferState, the JSON of
//! the REST responses the server rendered the page from (`users/0.1/users` → `result.users[id]{display_name,
//! tagline, hourly_rate, primary_currency, location, registration_date, status, badges, reputation,
//! profile_description}` and `projects/0.1/reviews` → `result.reviews[]`), found by shape wherever it sits;
//! (B) the server-rendered DOM (`app-user-profile-summary-*` components, `fl-*` custom elements, review cards);
//! (C) head meta and `<title>` for the name only. Each field takes the first source that yields a plausible
//! value, and [`Extraction::read_from`] says which.
//!
//! What a Freelancer.com profile shows, and what is mapped where:
//! - rate "$25 USD / hour", "₹800 INR / hour": kept in the page's currency (no conversion here);
//! - "Joined on November 3, 2015" → `member_since`; "It's currently 3:42 PM here" → `local_time`;
//! - reviews → `work_history`: project title, paid amount as `earnings`, stars as `rating`, the client's words
//!   as `feedback`, the review date as `end` (only when absolute: the TransferState's `time_submitted`, or a
//!   date attribute; "3 days ago" needs the moment the page was saved, which a page does not carry, so such
//!   dates stay `None`);
//! - "Identity verified" (TransferState `status.identity_verified`) → `id_verified`;
//! - Preferred Freelancer, Verified and other badges → `badges`.
//!
//! Not mapped: the star average and review count (no such fields in the model); "Jobs Completed", "On time",
//! "On budget", "Accept rate" and "Repeat hire rate" percentages. None of them is a Job Success Score (Upwork's
//! composite client-satisfaction score); putting "Jobs Completed 95%" into `job_success` would let rules calibrated
//! on Upwork's score misfire, so `job_success` is left out. The earnings *score* (0–10) is not money.
//! Freelancer.com profiles show no total hours, availability or spoken languages.
//!
//! All selectors live in [`selectors`].

pub mod bids;
mod dom;
mod json;
pub mod selectors;

use super::generic::head_addresses;
use super::{host_and_path, Adapter, Extraction, PageKind};
use crate::model::{ClockTime, Date, Field, Location, Money, YearMonth};
use crate::page::Page;

pub struct Freelancer;

impl Adapter for Freelancer {
    fn id(&self) -> &'static str {
        "freelancer"
    }

    fn hosts(&self) -> &'static [&'static str] {
        &["freelancer.com"]
    }

    fn url_patterns(&self) -> &'static [&'static str] {
        // Profiles and project pages (their bid lists).
        &[
            "https://www.freelancer.com/u/*",
            "https://www.freelancer.com/projects/*",
        ]
    }

    fn page_kind(&self, path: &str) -> PageKind {
        page_kind(path)
    }

    fn expected_fields(&self, kind: PageKind) -> &'static [Field] {
        match kind {
            PageKind::Profile => &PROFILE_FIELDS,
            PageKind::Proposals => &[Field::Bids],
            // Messages are recognised but not read yet.
            PageKind::WorkDiary | PageKind::Messages | PageKind::Unknown => &[],
        }
    }

    fn extract(&self, page: &dyn Page, kind: PageKind) -> Extraction {
        let expected = self.expected_fields(kind);
        if kind == PageKind::Proposals {
            let mut ex = Extraction::default();
            bids::read(page, &mut ex);
            return ex.finish(expected);
        }
        if kind != PageKind::Profile {
            return Extraction::default().finish(expected);
        }
        let username = page_username(page);
        let mut b = Builder::new(PLATFORM_DOMAINS);
        let state_user = json::read_state(page, username.as_deref(), &mut b);
        dom::read_dom(page, &mut b);
        dom::read_head(page, &mut b);
        let mut ex = b.finish_as(expected, "tagline text");
        ex.profile_key = username
            .or(state_user)
            .map(|u| format!("freelancer:{}", u.to_ascii_lowercase()));
        ex
    }

    fn sniff(&self, page: &dyn Page) -> Option<PageKind> {
        for url in head_addresses(page) {
            if let Some((host, path)) = host_and_path(&url) {
                if is_freelancer_host(&host) {
                    let kind = page_kind(&path);
                    if kind != PageKind::Unknown {
                        return Some(kind);
                    }
                }
            }
        }
        if selectors::PROFILE_MARKERS
            .iter()
            .any(|css| !page.select(None, css).is_empty())
        {
            return Some(PageKind::Profile);
        }
        None
    }
}

/// The fields a Freelancer.com profile shows. `Links` is "none" (an empty list) when the overview or reviews were
/// read and name no address; `Badges` is "none" when the badge block was read and holds none.
const PROFILE_FIELDS: [Field; 11] = [
    Field::Name,
    Field::Title,
    Field::HourlyRate,
    Field::Location,
    Field::LocalTime,
    Field::Badges,
    Field::MemberSince,
    Field::IdVerified,
    Field::WorkHistory,
    Field::Overview,
    Field::Links,
];

fn is_freelancer_host(host: &str) -> bool {
    host == "freelancer.com" || host.ends_with(".freelancer.com")
}

/// The kind of page a Freelancer.com path shows.
pub fn page_kind(path: &str) -> PageKind {
    let mut segs: Vec<String> = Vec::new();
    for s in super::generic::segments(path) {
        segs.push(s.to_ascii_lowercase());
    }
    let mut l: Vec<&str> = Vec::new();
    for s in &segs {
        l.push(s);
    }
    match l.as_slice() {
        // /u/<username>, also the old /u/<username>.html
        ["u", name] if username_of(name).is_some() => PageKind::Profile,
        // A project and its bids: /projects/<category>/<slug>[/proposals|/details], /projects/<id>.
        ["projects", cat, slug, rest @ ..]
            if is_slug(cat)
                && is_slug(slug)
                && matches!(rest, [] | ["proposals" | "details" | "bids"]) =>
        {
            PageKind::Proposals
        }
        ["projects", id] if id.bytes().all(|b| b.is_ascii_digit()) && id.len() <= 20 => {
            PageKind::Proposals
        }
        ["messages", ..] => PageKind::Messages,
        _ => PageKind::Unknown,
    }
}

/// The username in a `/u/` path segment ("KaSage00" or the old "kasage00.html"), as written.
fn username_of(seg: &str) -> Option<&str> {
    let name = seg.strip_suffix(".html").unwrap_or(seg);
    ((2..=64).contains(&name.len())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        && name.bytes().any(|b| b.is_ascii_alphanumeric()))
    .then_some(name)
}

fn is_slug(seg: &str) -> bool {
    (1..=200).contains(&seg.len())
        && seg
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

/// The username of a profile path, lower-cased ("/u/KaSage00" → "kasage00").
pub fn profile_id(path: &str) -> Option<String> {
    if page_kind(path) != PageKind::Profile {
        return None;
    }
    let path = crate::text::before_any(path, b"?#");
    let seg = crate::text::last_segment(path)?;
    username_of(seg).map(str::to_ascii_lowercase)
}

/// Whose profile the page shows: the username in the page's own address, else in `og:url` or the canonical
/// link. After in-place navigation the head can still describe the previous profile, which is why the page's
/// own address comes first.
fn page_username(page: &dyn Page) -> Option<String> {
    let from = |url: &str| {
        let (host, path) = host_and_path(url)?;
        is_freelancer_host(&host)
            .then(|| profile_id(&path))
            .flatten()
    };
    if let Some(url) = page.url() {
        // A known address that is not a profile says nothing about whose profile the head describes.
        return from(&url);
    }
    for u in head_addresses(page) {
        if let Some(id) = from(&u) {
            return Some(id);
        }
    }
    None
}

/// The profile being filled, where each value came from, and the addresses found so far: the generic
/// reader's draft (its links are the freelancer's unless on [`PLATFORM_DOMAINS`]).
pub(crate) type Builder = super::generic::Draft;

/// Fills `$b.p.$slot` from `$value` (an `Option`) unless already set, noting `$src`.
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
pub(crate) use fill;

// ---- Plausibility: values outside these bounds are misreads or hostile, and are dropped. ----

pub(crate) const MAX_NAME: usize = 120;
pub(crate) const MAX_TITLE: usize = 300;
pub(crate) const MAX_PLACE: usize = 100;
pub(crate) const MAX_BADGE: usize = 60;
pub(crate) const MAX_BADGES: usize = 30;
pub(crate) const MAX_FEEDBACK: usize = 5_000;
/// Freelancer.com caps the profile description at a few thousand characters; this leaves room.
pub(crate) const MAX_OVERVIEW: usize = 10_000;

/// Adds a badge name unless the list is full or has it already (in any case).
pub(crate) fn add_badge(names: &mut Vec<String>, name: String) {
    if names.len() < MAX_BADGES && !names.iter().any(|x| x.eq_ignore_ascii_case(&name)) {
        names.push(name);
    }
}

/// Freelancer.com, its CDN and its country sites.
const PLATFORM_DOMAINS: &[&str] = &[
    "freelancer.com",
    "f-cdn.com",
    "freelancer.in",
    "freelancer.co.uk",
    "freelancer.com.au",
    "freelancer.ca",
    "freelancer.co.nz",
    "freelancer.hk",
    "freelancer.sg",
    "freelancer.ph",
    "freelancer.pk",
    "freelancer.co.id",
    "freelancer.mx",
    "freelancer.es",
    "freelancer.ie",
    "freelancer.co.za",
];

/// Currencies Freelancer.com shows amounts in (its own list, and the other ISO codes a page may carry),
/// separated by spaces (a text, not an array of `&str` with an 8-byte pointer and length per code).
const CURRENCIES: &str = "\
    USD NZD AUD GBP HKD SGD EUR CAD INR PHP IDR ZAR JPY \
    SEK MXN CLP PLN BRL JMD CHF DKK NOK CZK HUF RON BGN \
    PKR BDT NGN KES MYR THB VND TRY AED SAR ILS KRW CNY \
    TWD ARS COP PEN LKR NPR EGP UAH";

fn currency_ok(c: &str) -> bool {
    c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())
}

/// An hourly rate in any currency Freelancer.com shows: the floor is about one unit, and even in IDR or CLP
/// nobody bills ten million an hour.
pub(crate) fn plausible_rate(m: Money) -> Option<Money> {
    (m.amount.is_finite() && (0.5..=10_000_000.0).contains(&m.amount) && currency_ok(&m.currency))
        .then_some(m)
}

/// A project's paid amount.
pub(crate) fn plausible_amount(m: Money) -> Option<Money> {
    (m.amount.is_finite() && (0.0..=1.0e10).contains(&m.amount) && currency_ok(&m.currency))
        .then_some(m)
}

pub(crate) fn plausible_rating(r: f64) -> Option<f64> {
    (r.is_finite() && (0.0..=5.0).contains(&r)).then_some(r)
}

pub(crate) fn plausible_jobs(n: f64) -> Option<u32> {
    (n.is_finite() && n.fract() == 0.0 && (0.0..=1_000_000.0).contains(&n)).then_some(n as u32)
}

/// A location from the names the page showed; the ISO code from the page if valid, else from the name.
pub(crate) fn location(
    city: Option<&str>,
    country: Option<&str>,
    iso2: Option<&str>,
) -> Option<Location> {
    let city = city
        .and_then(|c| {
            crate::text::clean(
                crate::text::trim_where(c, |c| c == ',' || c == ' '),
                MAX_PLACE,
            )
        })
        .filter(|c| !c.chars().any(|ch| ch.is_ascii_digit()) || c.chars().count() <= 40);
    let country_name = country
        .and_then(|c| {
            crate::text::clean(
                crate::text::trim_where(c, |c| c == ',' || c == ' ' || c == '.'),
                MAX_PLACE,
            )
        })
        .filter(|c| c.chars().count() <= 60 && !c.chars().any(|ch| ch.is_ascii_digit()))?;
    let code = iso2
        .map(str::trim)
        .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(str::to_ascii_uppercase)
        .or_else(|| crate::countries::iso2_from_name(&country_name).map(str::to_string));
    Some(Location {
        city,
        country: code,
        country_name: Some(country_name),
    })
}

/// "Sydney, Australia" → (Some("Sydney"), "Australia"); "Australia" → (None, "Australia"). A region between
/// city and country ("Austin, Texas, United States") stays with the city.
pub(crate) fn split_place(t: &str) -> Option<(Option<String>, String)> {
    let t = t.trim();
    if t.is_empty() || t.chars().count() > 2 * MAX_PLACE {
        return None;
    }
    match crate::text::rsplit_once_byte(t, b',') {
        Some((city, country)) => Some((
            crate::text::clean(city, MAX_PLACE),
            crate::text::clean(country, MAX_PLACE)?,
        )),
        None => Some((None, crate::text::clean(t, MAX_PLACE)?)),
    }
}

/// An amount with its currency code as Freelancer.com writes it: "$25 USD", "₹800 INR", "£1,200.50 GBP",
/// "$1,000 AUD" (the code decides: that is Australian dollars). Returns the money and the byte offset just after
/// the code. The first such amount in the text wins.
pub fn parse_coded_money(s: &str) -> Option<(Money, usize)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut seen = 0;
    while i + 3 <= bytes.len() && seen < 2_000 {
        let word = bytes.get(i..i + 3).unwrap_or_default();
        let boundary_before = i == 0 || !bytes.get(i - 1).is_some_and(u8::is_ascii_alphanumeric);
        let boundary_after = bytes.get(i + 3).is_none_or(|b| !b.is_ascii_alphanumeric());
        if boundary_before && boundary_after && word.iter().all(u8::is_ascii_uppercase) {
            seen += 1;
            // ASCII letters at `i..i + 3`: both ends are char boundaries.
            let code = s.get(i..i + 3).unwrap_or("");
            if CURRENCIES.split(' ').any(|c| c == code) {
                if let Some(amount) = number_before(&s[..i]) {
                    return Some((
                        Money {
                            amount,
                            currency: code.to_string(),
                        },
                        i + 3,
                    ));
                }
            }
        }
        i += 1;
    }
    None
}

/// The number that ends `before` (spaces allowed in between): "$1,000 " → 1000.
fn number_before(before: &str) -> Option<f64> {
    let trimmed = crate::text::trim_end_where(before, |c| c == ' ' || c == '\u{a0}');
    if before.len() - trimmed.len() > 3 {
        return None;
    }
    // The trailing run of digits, commas and points (all ASCII: a byte count is a char count).
    let run = trimmed
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_digit() || *b == b',' || *b == b'.')
        .count();
    if run == 0 {
        return None;
    }
    let start = trimmed.len() - run;
    // The number stands on its own: "$1e300" or "A1000" is not an amount.
    if trimmed[..start]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric())
    {
        return None;
    }
    let raw = crate::text::trim_start_where(trimmed.get(start..)?, |c| c == ',' || c == '.');
    if !raw.starts_with(|c: char| c.is_ascii_digit()) || raw.len() > 24 {
        return None;
    }
    // "1,000.50" → 1000.50; a comma must group three digits.
    let (int, frac) = match raw.split_once('.') {
        Some((a, b)) if b.bytes().all(|x| x.is_ascii_digit()) && !b.is_empty() => (a, Some(b)),
        Some(_) => return None,
        None => (raw, None),
    };
    let mut n = String::new();
    let mut groups = 0;
    let mut misgrouped = false;
    for (k, g) in int.split(',').enumerate() {
        misgrouped |= if k == 0 {
            g.is_empty() || g.len() > 3
        } else {
            g.len() != 3
        };
        groups += 1;
        n.push_str(g);
    }
    if groups > 1 && misgrouped {
        return None;
    }
    if let Some(f) = frac {
        n.push('.');
        n.push_str(f);
    }
    crate::float::parse_f64(&n).filter(|v| v.is_finite() && *v >= 0.0)
}

/// An hourly rate: "$25 USD / hour", "₹800 INR per hour", "£30 GBP/hr". An amount with a code and no per-hour
/// marker is not a rate; without a code the plain "$25/hr" form is read as [`crate::text::parse_rate`] does.
pub fn parse_hourly(s: &str) -> Option<Money> {
    let mut from = 0;
    for _ in 0..50 {
        let Some((m, end)) = s.get(from..).and_then(parse_coded_money) else {
            break;
        };
        let end = from + end;
        let rest = s.get(end..).unwrap_or("").trim_start().to_ascii_lowercase();
        const MARKERS: &[&str] = &[
            "/ hour", "/hour", "/ hr", "/hr", "per hour", "an hour", "/ h",
        ];
        if MARKERS.iter().any(|mk| {
            rest.starts_with(mk) && !rest[mk.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
        }) {
            return Some(m);
        }
        from = end;
    }
    crate::text::parse_rate(s)
}

/// The clock in "It's currently 3:42 PM here", "3:42 PM local time" or "Local time: 15:42".
pub fn parse_local_clock(s: &str) -> Option<ClockTime> {
    if s.len() > 400 {
        return None;
    }
    // ASCII lower-casing keeps byte offsets.
    let lower = s.to_ascii_lowercase();
    if let Some(at) = lower.find("currently") {
        if let Some(t) = s.get(at..).and_then(crate::text::parse_clock) {
            return Some(t);
        }
    }
    if let Some(t) = crate::text::parse_local_time(s) {
        return Some(t);
    }
    let at = lower.find("local time")?;
    s.get(at..).and_then(crate::text::parse_clock)
}

/// A Unix timestamp (seconds, or milliseconds when it is that large) → its UTC date.
pub(crate) fn date_from_unix(v: f64) -> Option<Date> {
    if !v.is_finite() || v <= 0.0 {
        return None;
    }
    let secs = if v > 1.0e11 { v / 1000.0 } else { v };
    if secs > 7.0e9 {
        return None;
    }
    let (y, m, d) = crate::time::civil_from_days((secs / 86_400.0).floor() as i64);
    Date::new(y, m, d)
}

pub(crate) fn month_from_unix(v: f64) -> Option<YearMonth> {
    date_from_unix(v).and_then(|d| YearMonth::new(d.year, u32::from(d.month)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_by_path() {
        let cases = [
            ("/u/kasage00", PageKind::Profile),
            ("/u/KaSage00/", PageKind::Profile),
            ("/u/zhj11651.html", PageKind::Profile),
            ("/u/jdoe?w=f&ngsw-bypass=", PageKind::Profile),
            ("/u/", PageKind::Unknown),
            ("/u/a", PageKind::Unknown),
            ("/u/<script>", PageKind::Unknown),
            ("/u/jdoe/portfolio", PageKind::Unknown),
            ("/projects/php/build-a-dashboard-12345", PageKind::Proposals),
            (
                "/projects/php/build-a-dashboard-12345/proposals",
                PageKind::Proposals,
            ),
            ("/projects/38536495", PageKind::Proposals),
            ("/projects/php/x/y/z", PageKind::Unknown),
            ("/messages/thread/123", PageKind::Messages),
            ("/freelancers/skills/php", PageKind::Unknown),
            ("/", PageKind::Unknown),
            ("", PageKind::Unknown),
        ];
        for (path, kind) in cases {
            assert_eq!(page_kind(path), kind, "{path}");
        }
        assert_eq!(profile_id("/u/KaSage00.html").as_deref(), Some("kasage00"));
        assert_eq!(profile_id("/projects/38536495"), None);
    }

    #[test]
    fn coded_money_and_rates() {
        let m = |a: f64, c: &str| Money {
            amount: a,
            currency: c.into(),
        };
        assert_eq!(parse_hourly("$25 USD / hour"), Some(m(25.0, "USD")));
        assert_eq!(parse_hourly("₹800 INR / hour"), Some(m(800.0, "INR")));
        assert_eq!(parse_hourly("£30 GBP/hr"), Some(m(30.0, "GBP")));
        assert_eq!(
            parse_hourly("Rate: $1,250.50 AUD per hour"),
            Some(m(1250.5, "AUD"))
        );
        assert_eq!(parse_hourly("$40/hr"), Some(m(40.0, "USD")));
        assert_eq!(parse_hourly("$100 USD"), None);
        assert_eq!(parse_hourly("Top 10 USD hours"), None);
        assert_eq!(
            parse_coded_money("$1,000 AUD").map(|x| x.0),
            Some(m(1000.0, "AUD"))
        );
        assert_eq!(parse_coded_money("Price Undisclosed"), None);
        assert_eq!(parse_coded_money("$1,00 USD"), None);
        assert_eq!(parse_coded_money("USD"), None);
        assert_eq!(parse_coded_money("USDT 5").map(|x| x.0), None);
        assert_eq!(parse_coded_money("5 USDT"), None);
        assert_eq!(parse_coded_money("$1e300 USD"), None);
        assert_eq!(parse_coded_money("A1000 USD"), None);
        assert_eq!(parse_coded_money("₹5 USD").map(|x| x.1), Some(8));
    }

    #[test]
    fn local_clocks() {
        assert_eq!(
            parse_local_clock("It's currently 3:42 PM here"),
            ClockTime::new(15, 42)
        );
        assert_eq!(
            parse_local_clock("It’s currently 12:05 AM here"),
            ClockTime::new(0, 5)
        );
        assert_eq!(
            parse_local_clock("10:42 PM local time"),
            ClockTime::new(22, 42)
        );
        assert_eq!(
            parse_local_clock("Local time: 15:42"),
            ClockTime::new(15, 42)
        );
        assert_eq!(parse_local_clock("Joined on May 3, 2019"), None);
        assert_eq!(parse_local_clock("It's currently 25:99 here"), None);
    }

    #[test]
    fn places_and_dates() {
        assert_eq!(
            split_place("Austin, Texas, United States"),
            Some((Some("Austin, Texas".into()), "United States".into()))
        );
        assert_eq!(split_place("India"), Some((None, "India".into())));
        assert_eq!(split_place("  "), None);
        assert_eq!(date_from_unix(1_447_200_000.0), Date::new(2015, 11, 11));
        assert_eq!(date_from_unix(1_447_200_000_000.0), Date::new(2015, 11, 11));
        assert_eq!(date_from_unix(-5.0), None);
        assert_eq!(date_from_unix(f64::NAN), None);
        assert_eq!(date_from_unix(1e300), None);
        assert_eq!(month_from_unix(1_447_200_000.0), YearMonth::new(2015, 11));
    }

    #[test]
    fn plausibility_bounds() {
        let m = |a: f64, c: &str| Money {
            amount: a,
            currency: c.into(),
        };
        assert!(plausible_rate(m(800.0, "INR")).is_some());
        assert!(plausible_rate(m(150_000.0, "IDR")).is_some());
        assert!(plausible_rate(m(0.0, "USD")).is_none());
        assert!(plausible_rate(m(1e300, "USD")).is_none());
        assert!(plausible_rate(m(f64::NAN, "USD")).is_none());
        assert!(plausible_rate(m(5.0, "usd")).is_none());
        assert!(plausible_rating(5.5).is_none());
        assert_eq!(plausible_jobs(12.0), Some(12));
    }
}
