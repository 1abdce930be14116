//! Upwork's client "Review proposals" page (`/ab/applicants/<jobId>/applicants`) → one [`Bid`] per applicant.
//!
//! No verified DOM or embedded state of this page is public (research notes page-structure.md §2: it needs a
//! client account). The reader is therefore MODELLED, not verified: (A) embedded JSON in any
//! `<script type="application/json">` holding objects shaped like the official GraphQL `ClientProposal`
//! (`coverLetter`, `terms.chargeRate{rawValue,currency}`, `auditDetails.createdDateTime`, `user{…}` with the
//! filterable applicant attributes `jobSuccessScore`, `earnings`, `country`); (B) rendered rows found by
//! [`ROW_SELECTORS`], each field by a fallback chain. The fixtures and the demo page say so in their headers.

use crate::json::Value;
use crate::model::{Bid, Field, Location, Money};
use crate::page::{Node, Page, PageExt};
use crate::sites::Extraction;
use crate::text;

pub use crate::sites::bounds::{MAX_BIDS, MAX_BID_TEXT as MAX_TEXT};
const MAX_NAME: usize = 120;
const MAX_LINKS: usize = 20;
const MAX_VISITS: usize = 200_000;
const MAX_DEPTH: usize = 64;

/// One applicant row, tried in order; the web badge uses the same list to find the rows again.
pub const ROW_SELECTORS: &[&str] = &[
    "[data-test=\"proposal-card\"]",
    "[data-test=\"applicant-card\"]",
    "[data-ev-sublocation=\"proposal\"]",
];
/// A bidder's name inside a row; the web badge goes right after it.
pub const NAME: &[&str] = &[
    "[data-test=\"freelancer-name\"]",
    "[data-test=\"applicant-name\"]",
    ".freelancer-name",
    "a[href*=\"/freelancers/\"]",
];
const PROFILE_LINK: &[&str] = &[
    "a[href*=\"/freelancers/\"]",
    "a[data-test=\"freelancer-name\"]",
];
const RATE: &[&str] = &["[data-test=\"rate\"]", "[data-test=\"bid-rate\"]", ".rate"];
const AMOUNT: &[&str] = &["[data-test=\"bid-amount\"]", "[data-test=\"amount\"]"];
const SUBMITTED: &[&str] = &["time", "[data-test=\"submitted\"]"];
const LOCATION: &[&str] = &["[data-test=\"location\"]", ".location"];
const JSS: &[&str] = &["[data-test=\"job-success-score\"]", "[data-test=\"jss\"]"];
const EARNINGS: &[&str] = &["[data-test=\"earnings\"]", "[data-test=\"total-earnings\"]"];
const TEXT: &[&str] = &[
    "[data-test=\"cover-letter\"]",
    "[data-test=\"proposal-text\"]",
    ".cover-letter",
];
const PHOTO: &[&str] = &["img[data-test=\"avatar\"]", "img.avatar", "img"];

/// Reads the bid list into `ex` (`bids` stays `None` when neither source yields one).
pub fn read(page: &dyn Page, ex: &mut Extraction) {
    if let Some(bids) = read_json(page) {
        ex.bids = Some(bids);
        ex.note(Field::Bids, "script[type=application/json] ClientProposal");
        return;
    }
    let (rows, css) = rows(page);
    if rows.is_empty() {
        return;
    }
    let mut bids = Vec::new();
    for r in rows {
        bids.push(read_row(page, r));
    }
    ex.bids = Some(bids);
    ex.note(Field::Bids, css);
}

/// The applicant rows, by the first selector that finds any, capped at [`MAX_BIDS`].
pub fn rows(page: &dyn Page) -> (Vec<Node>, &'static str) {
    match super::first_matching(page, ROW_SELECTORS) {
        Some((css, mut found)) => {
            found.truncate(MAX_BIDS);
            (found, css)
        }
        None => (Vec::new(), ""),
    }
}

fn read_row(page: &dyn Page, row: Node) -> Bid {
    let t = |sels: &[&str]| page.first_text(Some(row), sels);
    let name = t(NAME).and_then(|n| text::clean(&n, MAX_NAME));
    let profile_url = page
        .first(Some(row), PROFILE_LINK)
        .and_then(|n| page.attr(n, "href"))
        .and_then(|h| absolute(&h));
    let rate = t(RATE).and_then(|s| text::parse_rate(&s).or_else(|| text::parse_money(&s)));
    let amount = t(AMOUNT).and_then(|s| text::parse_money(&s));
    let submitted = page
        .first(Some(row), SUBMITTED)
        .and_then(|n| page.attr(n, "datetime").or_else(|| Some(page.text(n))))
        .and_then(|s| text::clean(&s, 60));
    let location = t(LOCATION).and_then(|s| place(&s));
    let job_success = t(JSS)
        .and_then(|s| text::parse_percent(&s))
        .filter(|p| *p <= 100);
    let total_earnings = t(EARNINGS).and_then(|s| text::parse_money(&s));
    let text_node = page.first(Some(row), TEXT);
    let body = text_node.and_then(|n| text::clean(&page.raw_text(n), MAX_TEXT));
    let photo_url = page
        .first(Some(row), PHOTO)
        .and_then(|n| {
            page.attr(n, "src")
                .filter(|s| !s.trim().is_empty() && !s.trim_start().starts_with("data:"))
                .or_else(|| page.attr(n, "data-src"))
        })
        .and_then(|s| text::clean(&s, 2_000));
    let mut links: Vec<String> = Vec::new();
    if let Some(n) = text_node {
        for a in page.select(Some(n), "a[href]").into_iter().take(MAX_LINKS) {
            if let Some(u) = page.attr(a, "href").and_then(|h| text::normalize_url(&h)) {
                push_unique(&mut links, u);
            }
        }
    }
    add_text_links(&mut links, body.as_deref());
    Bid {
        name,
        profile_url,
        rate,
        amount,
        submitted,
        location,
        job_success,
        rating: None,
        total_earnings,
        text: body,
        photo_url,
        links,
    }
}

/// Adds the addresses written in a bid's text, and caps the links at [`MAX_LINKS`].
fn add_text_links(links: &mut Vec<String>, body: Option<&str>) {
    if let Some(b) = body {
        for u in text::find_addresses(b, MAX_LINKS) {
            push_unique(links, u);
        }
    }
    links.truncate(MAX_LINKS);
}

fn push_unique(v: &mut Vec<String>, s: String) {
    if !v.contains(&s) {
        v.push(s);
    }
}

fn absolute(href: &str) -> Option<String> {
    let h = href.trim();
    let full = if h.starts_with('/') && !h.starts_with("//") {
        crate::text::concat(&["https://www.upwork.com", h])
    } else {
        h.to_string()
    };
    text::normalize_url(&full)
}

fn place(s: &str) -> Option<Location> {
    let s = text::clean(s, 200)?;
    let (city, country) = match crate::text::rsplit_once_byte(&s, b',') {
        Some((c, k)) => (text::clean(c, 80), text::clean(k, 80)?),
        None => (None, s),
    };
    Some(location(city, country))
}

/// A bidder's location from the country's name as the site writes it.
fn location(city: Option<String>, country: String) -> Location {
    Location {
        city,
        country: crate::countries::iso2_from_name(&country).map(str::to_string),
        country_name: Some(country),
    }
}

/// (A): objects with a `coverLetter`, wherever they sit in embedded JSON.
fn read_json(page: &dyn Page) -> Option<Vec<Bid>> {
    for n in page
        .select(None, "script[type=\"application/json\"]")
        .into_iter()
        .take(50)
    {
        let raw = page.raw_text(n);
        if !raw.contains("coverLetter") || raw.len() > 20_000_000 {
            continue;
        }
        let Ok(v) = crate::json::from_str(&raw) else {
            continue;
        };
        let mut out = Vec::new();
        let mut visits = 0;
        walk(&v, 0, &mut visits, &mut out);
        if !out.is_empty() {
            return Some(out);
        }
    }
    None
}

fn walk(v: &Value, depth: usize, visits: &mut usize, out: &mut Vec<Bid>) {
    *visits += 1;
    if depth > MAX_DEPTH || *visits > MAX_VISITS || out.len() >= MAX_BIDS {
        return;
    }
    match v {
        Value::Object(m) => {
            if m.contains_key("coverLetter") {
                out.push(from_proposal(v));
                return;
            }
            for x in m.values() {
                walk(x, depth + 1, visits, out);
            }
        }
        Value::Array(a) => {
            for x in a {
                walk(x, depth + 1, visits, out);
            }
        }
        _ => {}
    }
}

fn at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a Value> {
    let mut cur = v;
    for k in path {
        cur = cur.get(k)?;
    }
    Some(cur)
}

/// The first of `paths` that leads to a string with text in it, cleaned and cut to `max`.
fn str_at(v: &Value, paths: &[&[&str]], max: usize) -> Option<String> {
    for p in paths {
        let found = at(v, p)
            .and_then(Value::as_str)
            .and_then(|s| text::clean(s, max));
        if found.is_some() {
            return found;
        }
    }
    None
}

fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => crate::float::parse_f64(s.trim()),
        _ => None,
    }
    .filter(|x: &f64| x.is_finite() && *x >= 0.0 && *x <= text::MAX_AMOUNT)
}

fn money(v: &Value) -> Option<Money> {
    let amount = v
        .get("rawValue")
        .or_else(|| v.get("amount"))
        .and_then(num)?;
    let currency = v
        .get("currency")
        .and_then(Value::as_str)
        .map(|c| c.trim().to_ascii_uppercase())
        .filter(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()))
        .unwrap_or_else(|| "USD".to_string());
    Some(Money { amount, currency })
}

/// One `ClientProposal`-shaped object → a bid.
fn from_proposal(p: &Value) -> Bid {
    let user = p
        .get("user")
        .or_else(|| p.get("freelancer"))
        .unwrap_or(&Value::Null);
    let charge = at(p, &["terms", "chargeRate"]).and_then(money);
    let fixed = at(p, &["terms", "amount"]).and_then(money);
    let hourly = user.get("hourlyRate").and_then(money);
    let name = str_at(user, &[&["name"], &["displayName"]], MAX_NAME);
    let profile_url = str_at(user, &[&["profileUrl"]], 2_000)
        .and_then(|u| absolute(&u))
        .or_else(|| {
            str_at(user, &[&["ciphertext"]], 60)
                .filter(|c| c.starts_with('~'))
                .and_then(|c| absolute(&crate::text::concat(&["/freelancers/", &c])))
        });
    let country = str_at(user, &[&["location", "country"], &["country"]], 80);
    let city = str_at(user, &[&["location", "city"]], 80);
    let location = country.map(|c| location(city, c));
    let body = str_at(p, &[&["coverLetter"]], MAX_TEXT);
    let mut links = Vec::new();
    if let Some(Value::Array(a)) = user.get("portfolioLinks").or_else(|| p.get("links")) {
        for u in a.iter().filter_map(Value::as_str).take(MAX_LINKS) {
            if let Some(u) = text::normalize_url(u) {
                push_unique(&mut links, u);
            }
        }
    }
    add_text_links(&mut links, body.as_deref());
    Bid {
        name,
        profile_url,
        rate: if fixed.is_some() {
            None
        } else {
            charge.or(hourly)
        },
        amount: fixed,
        submitted: str_at(
            p,
            &[
                &["auditDetails", "createdDateTime"],
                &["auditDetails", "createdDateTime", "rawValue"],
            ],
            60,
        ),
        location,
        job_success: user
            .get("jobSuccessScore")
            .and_then(num)
            .filter(|x| *x <= 100.0)
            .map(|x| x.round() as u8),
        rating: user.get("rating").and_then(num).filter(|x| *x <= 5.0),
        total_earnings: user.get("earnings").and_then(|e| {
            money(e).or_else(|| {
                num(e).map(|amount| Money {
                    amount,
                    currency: "USD".into(),
                })
            })
        }),
        text: body,
        photo_url: str_at(user, &[&["photoUrl"], &["portrait"]], 2_000),
        links,
    }
}
