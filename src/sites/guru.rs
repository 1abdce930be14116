//! Guru adapter: freelancer profiles (`guru.com/freelancers/<slug>`) → [`Profile`].
//!
//! Evidence (page-structure.md §6, UNCERTAIN, plus the research for this adapter):
//! - Documented addresses: `/freelancers/<slug>` (public profile links: "infomist", "pavel-zhukov-atum", …).
//! - Documented fields (Guru's own help pages on "All-Time Transaction Data"): all-time earnings, earnings in the
//!   last 12 months, number of employers, number of paid invoices, largest employer, date of joining Guru; shown on
//!   profiles and in search results. Rates, location and a feedback percentage are shown as well.
//! - No markup was found at all. This adapter is therefore built on generic sources: JSON-LD `Person`, `itemprop`
//!   microdata, captions next to values ("Member since", "All-time earnings", "Rate", "Location"), and the head. The
//!   few class names below are modelled, not documented.
//!
//! "Earnings in the last 12 months" is not total earnings and is never read as such. The feedback percentage has no
//! place in the model (it is not a Job Success Score) and is not read; each feedback entry's rating is. Feedback
//! entries become work entries with their date as the end (no start dates or hours are shown). Amounts keep their
//! currency.

use super::dom_read::TextField;
use super::generic::{self as g, CaptionField, Captions, Draft, EntrySelectors};
use super::put;
use super::{Adapter, Extraction, PageKind};
use crate::case::lowercase;
use crate::model::{Field, Money};
use crate::page::Page;
use crate::text;

pub struct Guru;

/// Every selector this adapter uses, as fallback chains (first match wins). All modelled.
pub mod selectors {
    use super::EntrySelectors;

    pub const NAME: &[&str] = &["[itemprop=name]", ".profile-name", "main h1", "h1"];
    pub const TITLE: &[&str] = &["[itemprop=jobTitle]", ".profile-title"];
    pub const CITY: &[&str] = &["[itemprop=addressLocality]"];
    pub const COUNTRY: &[&str] = &["[itemprop=addressCountry]"];
    pub const LOCATION: &[&str] = &[".profile-location"];
    pub const ABOUT: &[&str] = &[
        "[itemprop=description]",
        ".profile-about",
        "#about .about-text",
    ];
    /// Where a rate written without a caption is looked for.
    pub const RATE: &[&str] = &[".profile-rate", ".profile-header"];
    /// Feedback from employers.
    pub const FEEDBACK: EntrySelectors = EntrySelectors {
        sections: &["#feedback", ".feedback-list", "[data-section=\"feedback\"]"],
        items: &[".feedback-item", "[itemprop=review]", "li"],
        title: &[".feedback-title", "[itemprop=name]", "h3", "h4"],
        date: &[".feedback-date", "time", "[itemprop=datePublished]"],
        rating: &[".feedback-rating", "[itemprop=ratingValue]"],
        amount: &[".feedback-amount"],
        feedback: &[
            ".feedback-comment",
            "[itemprop=reviewBody]",
            "blockquote",
            "p",
        ],
    };
    /// Sections whose links and written addresses are the freelancer's.
    pub const LINK_SECTIONS: &[&str] = &["#portfolio", ".portfolio", "#resume", ".profile-about"];
    /// Elements searched for "Caption value" texts, narrow to wide.
    pub const CAPTION_SCAN: &[&str] = &["dl > div", "li", "dt", "p", "span", "div"];

    pub const RATE_CAPTIONS: &[&str] = &["Hourly rate", "Rate per hour", "Rate"];
    pub const LOCATION_CAPTIONS: &[&str] = &["Location", "Located in", "Based in"];
    /// Most specific first; "Earnings" alone is checked not to be a 12-month figure.
    pub const EARNINGS_CAPTIONS: &[&str] = &[
        "All-time earnings",
        "All time earnings",
        "Total earnings",
        "Earnings",
    ];
    pub const SINCE_CAPTIONS: &[&str] = &[
        "Member since",
        "Guru member since",
        "Date of joining",
        "Joined Guru",
        "Joined",
    ];
}
use selectors as sel;

/// Guru's own domains.
const PLATFORM: &[&str] = &["guru.com"];
const SITE_WORDS: &[&str] = &["guru"];

/// What a Guru profile shows.
pub const PROFILE_FIELDS: [Field; 9] = [
    Field::Name,
    Field::Title,
    Field::HourlyRate,
    Field::Location,
    Field::TotalEarnings,
    Field::MemberSince,
    Field::WorkHistory,
    Field::Overview,
    Field::Links,
];

impl Adapter for Guru {
    fn id(&self) -> &'static str {
        "guru"
    }

    fn hosts(&self) -> &'static [&'static str] {
        &["guru.com"]
    }

    fn url_patterns(&self) -> &'static [&'static str] {
        &["https://www.guru.com/freelancers/*"]
    }

    fn page_kind(&self, path: &str) -> PageKind {
        page_kind(path)
    }

    fn expected_fields(&self, kind: PageKind) -> &'static [Field] {
        match kind {
            PageKind::Profile => &PROFILE_FIELDS,
            _ => &[],
        }
    }

    fn extract(&self, page: &dyn Page, kind: PageKind) -> Extraction {
        let expected = self.expected_fields(kind);
        if kind != PageKind::Profile {
            return Extraction::default().finish(expected);
        }
        let mut d = Draft::new(PLATFORM);
        g::read_ld_person(page, &mut d);
        read_dom(page, &mut d);
        read_captions(page, &mut d);
        g::read_entries(page, &mut d, &sel::FEEDBACK);
        g::read_head(page, &mut d, SITE_WORDS);
        d.read_link_sections(page, sel::LINK_SECTIONS);
        let mut ex = d.finish(expected);
        ex.profile_key = g::profile_key(page, "guru", "guru.com", profile_slug);
        ex
    }

    fn sniff(&self, page: &dyn Page) -> Option<PageKind> {
        // No Guru-only markup is documented: only the address the head states.
        g::sniff(page, "guru.com", page_kind, &[])
    }
}

/// The fields read from an element's text, each from its selectors (a location from the microdata's city
/// and country comes first).
const TEXT_FIELDS: &[TextField] = &[
    TextField::new(Field::Name, sel::NAME, g::read_name),
    TextField::new(Field::Title, sel::TITLE, g::read_title),
    TextField::new(Field::Location, sel::LOCATION, g::read_place),
    TextField::new(Field::Overview, sel::ABOUT, g::read_overview),
];

fn read_dom(page: &dyn Page, d: &mut Draft) {
    g::read_city_country(page, d, sel::CITY, sel::COUNTRY);
    d.read_fields(page, TEXT_FIELDS);
}

/// The fields found beside their captions.
const CAPTION_FIELDS: &[CaptionField] = &[
    CaptionField::new(Field::HourlyRate, sel::RATE_CAPTIONS, g::read_rate),
    CaptionField::new(
        Field::Location,
        sel::LOCATION_CAPTIONS,
        g::read_captioned_place,
    ),
    CaptionField::new(Field::TotalEarnings, sel::EARNINGS_CAPTIONS, |t, p| {
        put(&mut p.total_earnings, all_time_earnings(t))
    }),
    CaptionField::new(
        Field::MemberSince,
        sel::SINCE_CAPTIONS,
        g::read_member_since,
    ),
];

fn read_captions(page: &dyn Page, d: &mut Draft) {
    let caps = Captions::collect(
        page,
        None,
        sel::CAPTION_SCAN,
        160,
        &[
            sel::RATE_CAPTIONS,
            sel::LOCATION_CAPTIONS,
            sel::EARNINGS_CAPTIONS,
            sel::SINCE_CAPTIONS,
        ],
    );
    caps.read_fields(d, CAPTION_FIELDS);
    d.read_fields(page, &RATE_TEXT);
}

/// Last, a rate written without a caption (the first that reads as one).
const RATE_TEXT: [TextField; 1] = [TextField::new(Field::HourlyRate, sel::RATE, g::read_rate)];

/// An all-time amount: "$12,480", "$1.2M+"; not a figure for the last months or year.
fn all_time_earnings(t: &str) -> Option<Money> {
    let l = lowercase(t);
    let recent = ["month", "year", "past", "last", "recent"]
        .iter()
        .any(|w| l.contains(w));
    if recent || text::parse_rate(t).is_some() {
        return None;
    }
    text::parse_money(t).and_then(g::plausible_earnings)
}

/// Second segments under `/freelancers/` that are the site's own pages, never a profile.
const RESERVED: &[&str] = &[
    "signup",
    "sign-up",
    "login",
    "register",
    "search",
    "find",
    "hire",
    "dashboard",
    "settings",
    "profile",
    "edit",
    "new",
    "top",
];

/// The kind of page a Guru path shows: `/freelancers/<slug>` is a profile.
pub fn page_kind(path: &str) -> PageKind {
    if profile_slug(path).is_some() {
        PageKind::Profile
    } else {
        PageKind::Unknown
    }
}

/// The profile's slug in lower case ("pavel-zhukov-atum").
pub fn profile_slug(path: &str) -> Option<String> {
    match g::segments(path).as_slice() {
        [f, slug]
            if f.eq_ignore_ascii_case("freelancers")
                && g::is_slug(slug)
                && !RESERVED.contains(&slug.to_ascii_lowercase().as_str()) =>
        {
            Some(slug.to_ascii_lowercase())
        }
        _ => None,
    }
}
