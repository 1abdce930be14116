//! Freelancer.com project pages (`/projects/<category>/<slug>`, `/projects/<id>`) → one [`Bid`] per bid.
//!
//! MODELLED, NOT VERIFIED: the research found no saved project page with its bid list (page-structure.md §4).
//! (A) The embedded state: objects shaped like the public bids API (`projects/0.1/projects/<id>/bids`:
//! `bidder_id`, `amount`, `period`, `description`, `time_submitted`) with the bidders' user records
//! (`users/0.1/users`: `id`, `username`, `display_name`, `avatar_cdn`/`avatar`, `location{country{name}}`,
//! `reputation.entire_history{overall}`) and the project's `currency{code}`, found by shape wherever they sit,
//! as the profile reader finds its records. (B) Rendered rows by [`ROW_SELECTORS`] with fallback chains.

use super::json::parse_state;
use super::selectors as sel;
use crate::json::{Map, Value};
use crate::model::{Bid, Field, Money};
use crate::page::{Node, Page, PageExt};
use crate::sites::bounds::{MAX_BIDS, MAX_BID_TEXT as MAX_TEXT};
use crate::sites::Extraction;
use crate::text;

const MAX_VISITS: usize = 300_000;
const MAX_DEPTH: usize = 64;
const MAX_LINKS: usize = 20;

/// One bid row, tried in order.
pub const ROW_SELECTORS: &[&str] = &[
    "app-bid-list-item",
    "fl-bid-card",
    "[data-test=\"bid-card\"]",
];
/// A bidder's name inside a row; the web badge goes right after it (`crate::proposals::row_selectors`).
pub const NAME: &[&str] = &[
    "fl-username",
    "[data-test=\"bidder-name\"]",
    "a[href^=\"/u/\"]",
];
const PROFILE_LINK: &[&str] = &["a[href^=\"/u/\"]", "a[href*=\"freelancer.com/u/\"]"];
const AMOUNT: &[&str] = &[".BidPrice", "[data-test=\"bid-amount\"]"];
const RATING: &[&str] = &["fl-rating .ValueText", "[data-test=\"rating\"]"];
const EARNINGS: &[&str] = &["[data-test=\"earnings\"]", ".Earnings"];
const LOCATION: &[&str] = &["[data-test=\"location\"]", ".Location"];
const TEXT: &[&str] = &[".BidDescription", "[data-test=\"bid-description\"]"];
const SUBMITTED: &[&str] = &["fl-relative-time", "time", "[data-test=\"submitted\"]"];
const PHOTO: &[&str] = &["fl-user-avatar img", "img"];

/// Reads the bid list into `ex` (`bids` stays `None` when neither source yields one).
pub fn read(page: &dyn Page, ex: &mut Extraction) {
    if let Some(bids) = read_state(page) {
        ex.bids = Some(bids);
        ex.note(Field::Bids, "embedded state (bids API shape)");
        return;
    }
    for css in ROW_SELECTORS {
        let mut rows = page.select(None, css);
        if rows.is_empty() {
            continue;
        }
        rows.truncate(MAX_BIDS);
        let mut bids = Vec::new();
        for row in rows {
            bids.push(read_row(page, row));
        }
        ex.bids = Some(bids);
        ex.note(Field::Bids, css);
        return;
    }
}

fn read_row(page: &dyn Page, row: Node) -> Bid {
    let t = |s: &[&str]| page.first_text(Some(row), s);
    let body = page
        .first(Some(row), TEXT)
        .and_then(|n| text::clean(&page.raw_text(n), MAX_TEXT));
    let amount_text = t(AMOUNT);
    let amount = amount_text.as_deref().and_then(|s| {
        super::parse_coded_money(s)
            .map(|(m, _)| m)
            .or_else(|| text::parse_money(s))
    });
    let per_hour =
        amount_text.is_some_and(|s| s.to_ascii_lowercase().contains("hour") || s.contains("/hr"));
    let links = body
        .as_deref()
        .map(|b| text::find_addresses(b, MAX_LINKS))
        .unwrap_or_default();
    Bid {
        name: t(NAME).and_then(|n| text::clean(&n, 120)),
        profile_url: page
            .first(Some(row), PROFILE_LINK)
            .and_then(|n| page.attr(n, "href"))
            .and_then(|h| absolute(&h)),
        rate: amount.clone().filter(|_| per_hour),
        amount: amount.filter(|_| !per_hour),
        submitted: page
            .first(Some(row), SUBMITTED)
            .and_then(|n| page.attr(n, "datetime").or_else(|| Some(page.text(n))))
            .and_then(|s| text::clean(&s, 60)),
        location: t(LOCATION).and_then(|s| {
            let (city, country) = super::split_place(&s)?;
            super::location(city.as_deref(), Some(&country), None)
        }),
        job_success: None,
        rating: t(RATING)
            .and_then(|s| text::parse_rating(&s))
            .and_then(super::plausible_rating),
        total_earnings: t(EARNINGS).and_then(|s| text::parse_money(&s)),
        text: body,
        photo_url: page
            .first(Some(row), PHOTO)
            .and_then(|n| page.attr(n, "src").or_else(|| page.attr(n, "data-src")))
            .and_then(|s| text::clean(&s, 2_000)),
        links,
    }
}

fn absolute(href: &str) -> Option<String> {
    let h = href.trim();
    if h.starts_with('/') && !h.starts_with("//") {
        text::normalize_url(&format!("https://www.freelancer.com{h}"))
    } else {
        text::normalize_url(h)
    }
}

/// (A): bids and users found by shape in the embedded states.
fn read_state(page: &dyn Page) -> Option<Vec<Bid>> {
    let mut bids: Vec<&Map<String, Value>> = Vec::new();
    let mut users: Vec<(String, &Map<String, Value>)> = Vec::new();
    let mut currency: Option<String> = None;
    let mut states = Vec::new();
    for css in sel::STATE_SCRIPTS {
        for n in page
            .select(None, css)
            .into_iter()
            .take(sel::MAX_STATE_SCRIPTS)
        {
            let raw = page.raw_text(n);
            if raw.len() > sel::MAX_STATE_BYTES || !raw.contains("bidder_id") {
                continue;
            }
            if let Some(v) = parse_state(&raw) {
                states.push(v);
            }
        }
        if !states.is_empty() {
            break;
        }
    }
    let mut visits = 0;
    for v in &states {
        walk(v, 0, &mut visits, &mut bids, &mut users, &mut currency);
    }
    if bids.is_empty() {
        return None;
    }
    bids.truncate(MAX_BIDS);
    let mut out = Vec::new();
    for b in bids {
        out.push(from_api(b, &users, currency.as_deref()));
    }
    Some(out)
}

fn walk<'a>(
    v: &'a Value,
    depth: usize,
    visits: &mut usize,
    bids: &mut Vec<&'a Map<String, Value>>,
    users: &mut Vec<(String, &'a Map<String, Value>)>,
    currency: &mut Option<String>,
) {
    *visits += 1;
    if depth > MAX_DEPTH || *visits > MAX_VISITS {
        return;
    }
    match v {
        Value::Object(m) => {
            if m.contains_key("bidder_id")
                && (m.contains_key("description") || m.contains_key("amount"))
            {
                if bids.len() < MAX_BIDS {
                    bids.push(m);
                }
                return;
            }
            if m.contains_key("username") {
                if let Some(id) = m.get("id").and_then(id_of) {
                    // The first object of an id wins.
                    let mut known = false;
                    for (u, _) in users.iter() {
                        known |= *u == id;
                    }
                    if !known {
                        users.push((id, m));
                    }
                }
            }
            if currency.is_none() && m.contains_key("bid_stats") {
                *currency = m
                    .get("currency")
                    .and_then(|c| c.get("code"))
                    .and_then(Value::as_str)
                    .map(|c| c.trim().to_ascii_uppercase())
                    .filter(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase()));
            }
            for x in m.values() {
                walk(x, depth + 1, visits, bids, users, currency);
            }
        }
        Value::Array(a) => {
            for x in a {
                walk(x, depth + 1, visits, bids, users, currency);
            }
        }
        _ => {}
    }
}

fn id_of(v: &Value) -> Option<String> {
    match v {
        Value::Number(n) => n.as_u64().map(|x| x.to_string()),
        Value::String(s) if s.len() <= 20 && s.bytes().all(|b| b.is_ascii_digit()) => {
            Some(s.clone())
        }
        _ => None,
    }
}

fn s<'a>(m: &'a Map<String, Value>, k: &str) -> Option<&'a str> {
    m.get(k).and_then(Value::as_str)
}

fn from_api(
    b: &Map<String, Value>,
    users: &[(String, &Map<String, Value>)],
    currency: Option<&str>,
) -> Bid {
    let mut user = None;
    if let Some(id) = b.get("bidder_id").and_then(id_of) {
        for (u, m) in users {
            if *u == id {
                user = Some(*m);
                break;
            }
        }
    }
    let amount = b
        .get("amount")
        .and_then(Value::as_f64)
        .filter(|a| a.is_finite() && *a >= 0.0 && *a <= text::MAX_AMOUNT)
        .zip(currency)
        .map(|(amount, c)| Money {
            amount,
            currency: c.to_string(),
        });
    let body = s(b, "description").and_then(|d| text::clean(d, MAX_TEXT));
    let links = body
        .as_deref()
        .map(|d| text::find_addresses(d, MAX_LINKS))
        .unwrap_or_default();
    let username = user.and_then(|u| s(u, "username"));
    Bid {
        name: user
            .and_then(|u| {
                s(u, "display_name")
                    .or_else(|| s(u, "public_name"))
                    .or(username)
            })
            .and_then(|n| text::clean(n, 120)),
        profile_url: username
            .filter(|u| {
                u.len() <= 64
                    && u.bytes()
                        .all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'-')
            })
            .and_then(|u| absolute(&format!("/u/{u}"))),
        // The bids API's amount is the whole bid; hourly projects bid an hourly amount.
        rate: None,
        amount,
        submitted: b
            .get("time_submitted")
            .and_then(Value::as_f64)
            .and_then(super::date_from_unix)
            .map(|d| d.to_string()),
        location: user.and_then(|u| {
            let loc = u.get("location")?;
            let country = loc
                .get("country")
                .and_then(|c| c.get("name"))
                .and_then(Value::as_str);
            let code = loc
                .get("country")
                .and_then(|c| c.get("code"))
                .and_then(Value::as_str);
            super::location(loc.get("city").and_then(Value::as_str), country, code)
        }),
        job_success: None,
        rating: user
            .and_then(|u| u.get("reputation"))
            .and_then(|r| r.get("entire_history").or(Some(r)))
            .and_then(|h| h.get("overall"))
            .and_then(Value::as_f64)
            .and_then(super::plausible_rating),
        total_earnings: None,
        text: body,
        photo_url: user
            .and_then(|u| {
                s(u, "avatar_cdn")
                    .or_else(|| s(u, "avatar_large_cdn"))
                    .or_else(|| s(u, "avatar"))
            })
            .and_then(|p| text::clean(p, 2_000)),
        links,
    }
}
