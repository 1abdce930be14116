//! Bounds on what the adapters read, shared by every site: text length caps and plausible ranges.
//! Values outside them are misreads or hostile, and are dropped. Not part of any one adapter, so a
//! wasm module built with only some sites (Cargo features `site-*`) still has them.

use crate::model::{Location, Money};

/// Text length caps.
pub const MAX_NAME: usize = 120;
pub const MAX_TITLE: usize = 300;
pub const MAX_PLACE: usize = 100;
pub const MAX_SHORT: usize = 60;
pub const MAX_FEEDBACK: usize = 5_000;
/// Upwork caps the overview at 5,000 characters; twice that leaves room for markup changes.
pub const MAX_OVERVIEW: usize = 10_000;

/// The most bids read from one page (Upwork's proposals, Freelancer's bids).
pub const MAX_BIDS: usize = 500;
/// Characters kept of one proposal or bid text.
pub const MAX_BID_TEXT: usize = 20_000;

fn currency_ok(c: &str) -> bool {
    c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())
}

/// An hourly rate a marketplace could show (Upwork's floor is a few dollars; nobody bills $10,000/h).
pub fn plausible_rate(m: Money) -> Option<Money> {
    (m.amount.is_finite() && (1.0..=10_000.0).contains(&m.amount) && currency_ok(&m.currency))
        .then_some(m)
}

/// Total or per-contract earnings.
pub fn plausible_earnings(m: Money) -> Option<Money> {
    (m.amount.is_finite() && (0.0..=1.0e10).contains(&m.amount) && currency_ok(&m.currency))
        .then_some(m)
}

pub fn plausible_jobs(n: f64) -> Option<u32> {
    (n.is_finite() && n.fract() == 0.0 && (0.0..=1_000_000.0).contains(&n)).then_some(n as u32)
}

pub fn plausible_rating(r: f64) -> Option<f64> {
    (r.is_finite() && (0.0..=5.0).contains(&r)).then_some(r)
}

/// A location from the names the page showed; the ISO code from the page if it gave a valid one,
/// else from the country name.
pub fn location(city: Option<&str>, country: Option<&str>, iso2: Option<&str>) -> Option<Location> {
    let city = city.and_then(|c| {
        crate::text::clean(
            crate::text::trim_end_where(c, |c| c == ',' || c == ' '),
            MAX_PLACE,
        )
    });
    let country_name = country.and_then(|c| {
        crate::text::clean(
            crate::text::trim_where(c, |c| c == ',' || c == ' '),
            MAX_PLACE,
        )
    });
    country_name.as_ref()?;
    let code = iso2
        .map(str::trim)
        .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()))
        .map(str::to_ascii_uppercase)
        .or_else(|| {
            country_name
                .as_deref()
                .and_then(crate::countries::iso2_from_name)
                .map(str::to_string)
        });
    Some(Location {
        city,
        country: code,
        country_name,
    })
}
