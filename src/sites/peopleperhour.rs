//! PeoplePerHour adapter: freelancer profiles (`peopleperhour.com/freelancer/<category>/<name-title-id>`, also
//! `/freelancer/<name-title-id>` and the older `/freelancer/<name>/<title>/<id>`) → [`Profile`].
//!
//! Evidence (page-structure.md §6, UNCERTAIN, plus the research for this adapter):
//! - Documented addresses: the three forms above, from public profile links (e.g. `…/technology-programming/
//!   <name>-software-engineer-zzvaxyvj`, `…/mahmoud/front-end-developer-ui-ux-designer/1526559`); a `#reviews`
//!   fragment names the reviews section.
//! - Documented fields (a 2026 scraper's output): memId, name, jobTitle, location, hourlyRate with currency (GBP is
//!   common), certLevel ("Top Seller"), reviewCount, feedbackRating (0–100 inside the site), projectsCompleted, skills.
//! - Documented markup (a 2025 scraper, one source): `div.details h1` holds the name once its `<p>` children are
//!   removed; skills in `div.widget-tag-list a`; offers in `.hourlie-wrapper`; statistics in
//!   `section.widget-memberStats div.memberStats-item`, each a `div.insights-label` and a `div.insights-value`.
//! - Modelled (not documented): that the `<p>` in the heading is the title, which labels the statistics show
//!   ("Projects completed", "Member since", "Hourly rate", "Location"), the cert-level badge and the reviews list.
//!   They are read by caption, `itemprop`, JSON-LD and the head as well, so a change of class names costs little.
//!
//! The overall feedback rating has no place in the model (it is not a Job Success Score) and is not read; each
//! review's rating is. Reviews become work entries with the review date as the end: PeoplePerHour shows no start
//! dates or hours for them, so the workload rules stay blind rather than guess. Amounts keep their currency.

use super::dom_read::TextField;
use super::generic::{self as g, CaptionField, Captions, Draft, EntrySelectors};
use super::put;
use super::{Adapter, Extraction, PageKind};
use crate::model::{Field, Profile};
use crate::page::Page;
use crate::text;

pub struct PeoplePerHour;

/// Every selector this adapter uses, as fallback chains (first match wins).
pub mod selectors {
    use super::EntrySelectors;

    /// Elements only a PeoplePerHour profile has (documented).
    pub const MARKERS: &[&str] = &[
        "section.widget-memberStats",
        ".memberStats-item .insights-label",
    ];
    /// The heading with the name; its `<p>` children are not the name (documented).
    pub const NAME_HEADING: &[&str] = &[".details h1"];
    pub const HEADING_EXTRA: &str = "p";
    pub const NAME: &[&str] = &["[itemprop=name]"];
    /// The title inside the heading (modelled), then microdata.
    pub const TITLE: &[&str] = &[".details h1 p", "[itemprop=jobTitle]"];
    /// Statistics as label/value rows (documented).
    pub const STAT_ROWS: &[&str] = &[
        "section.widget-memberStats .memberStats-item",
        ".widget-memberStats .memberStats-item",
    ];
    pub const STAT_LABEL: &[&str] = &[".insights-label"];
    pub const STAT_VALUE: &[&str] = &[".insights-value"];
    /// Where the rate and the location sit in the header when not in the statistics (modelled).
    pub const RATE: &[&str] = &[".details [class*=\"rate\"]", ".details"];
    pub const LOCATION: &[&str] = &[".details [class*=\"location\"]"];
    pub const CITY: &[&str] = &["[itemprop=addressLocality]"];
    pub const COUNTRY: &[&str] = &["[itemprop=addressCountry]"];
    /// "Top Seller" (modelled class; the level itself is documented).
    pub const CERT_LEVEL: &[&str] = &[
        ".details [class*=\"cert-level\"]",
        "[class*=\"cert-level\"]",
    ];
    /// The freelancer's own description (modelled).
    pub const ABOUT: &[&str] = &[
        ".member-about",
        "#about .about-text",
        ".widget-about .widget-content",
        "[itemprop=description]",
    ];
    /// Reviews (the `#reviews` anchor is documented, the rest modelled).
    pub const REVIEWS: EntrySelectors = EntrySelectors {
        sections: &["#reviews", ".widget-reviews", "section.reviews"],
        items: &[".review", "[itemprop=review]", "li"],
        title: &[".review-title", "[itemprop=name]", "h3", "h4"],
        date: &[".review-date", "time", "[itemprop=datePublished]"],
        rating: &[".review-rating", "[itemprop=ratingValue]"],
        amount: &[".review-amount"],
        feedback: &[
            ".review-comment",
            "[itemprop=reviewBody]",
            "blockquote",
            "p",
        ],
    };
    /// Sections whose links and written addresses are the freelancer's (modelled).
    pub const LINK_SECTIONS: &[&str] = &[".widget-portfolio", "#portfolio", ".member-about"];
    /// Elements searched for "Caption value" texts, narrow to wide.
    pub const CAPTION_SCAN: &[&str] = &["dl > div", "li", "dt", "p", "span", "div"];

    pub const RATE_CAPTIONS: &[&str] = &["Hourly rate", "Rate per hour", "Rate"];
    pub const LOCATION_CAPTIONS: &[&str] = &["Location", "Based in", "From"];
    pub const JOBS_CAPTIONS: &[&str] =
        &["Projects completed", "Completed projects", "Jobs completed"];
    pub const SINCE_CAPTIONS: &[&str] = &["Member since", "Joined"];
    pub const CERT_CAPTIONS: &[&str] = &["Cert level", "Certification level", "Level"];
}
use selectors as sel;

/// PeoplePerHour's own domains.
const PLATFORM: &[&str] = &["peopleperhour.com", "pph.me"];
const SITE_WORDS: &[&str] = &["peopleperhour", "people per hour"];

/// What a PeoplePerHour profile shows. A cert level and "member since" are read when shown but not expected: not
/// every profile has a level, and "member since" is not documented.
pub const PROFILE_FIELDS: [Field; 8] = [
    Field::Name,
    Field::Title,
    Field::HourlyRate,
    Field::Location,
    Field::TotalJobs,
    Field::WorkHistory,
    Field::Overview,
    Field::Links,
];

impl Adapter for PeoplePerHour {
    fn id(&self) -> &'static str {
        "peopleperhour"
    }

    fn hosts(&self) -> &'static [&'static str] {
        &["peopleperhour.com"]
    }

    fn url_patterns(&self) -> &'static [&'static str] {
        &["https://www.peopleperhour.com/freelancer/*"]
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
        read_stats(page, &mut d);
        read_captions(page, &mut d);
        g::read_entries(page, &mut d, &sel::REVIEWS);
        g::read_head(page, &mut d, SITE_WORDS);
        d.read_link_sections(page, sel::LINK_SECTIONS);
        let mut ex = d.finish(expected);
        ex.profile_key = g::profile_key(page, "peopleperhour", "peopleperhour.com", profile_id);
        ex
    }

    fn sniff(&self, page: &dyn Page) -> Option<PageKind> {
        g::sniff(page, "peopleperhour.com", page_kind, sel::MARKERS)
    }
}

fn read_dom(page: &dyn Page, d: &mut Draft) {
    if d.wants(Field::Name) {
        for css in sel::NAME_HEADING {
            if let Some(h) = page.select(None, css).into_iter().next() {
                let n = g::text_without(page, h, sel::HEADING_EXTRA);
                if put(&mut d.p.name, g::name(&n)) {
                    d.note(
                        Field::Name,
                        format!("{css} (without {})", sel::HEADING_EXTRA),
                    );
                    break;
                }
            }
        }
    }
    d.read_fields(page, TEXT_FIELDS);
    g::read_city_country(page, d, sel::CITY, sel::COUNTRY);
}

/// The fields read from an element's text, each from its selectors (after the name heading; the
/// microdata's city and country come after them).
const TEXT_FIELDS: &[TextField] = &[
    TextField::new(Field::Name, sel::NAME, g::read_name),
    TextField::new(Field::Title, sel::TITLE, g::read_title),
    TextField::new(Field::Location, sel::LOCATION, g::read_place),
    TextField::new(Field::Badges, sel::CERT_LEVEL, |t, p| {
        put(&mut p.badges, cert_level(t).map(|b| vec![b]))
    }),
    TextField::new(Field::Overview, sel::ABOUT, g::read_overview),
];

// Readers several of the field tables below share.
fn read_jobs(t: &str, p: &mut Profile) -> bool {
    put(&mut p.total_jobs, count(t))
}

fn read_rate(t: &str, p: &mut Profile) -> bool {
    put(&mut p.hourly_rate, rate(t))
}

/// The statistics widget's fields, by the label shown with them (the first row whose captions name the
/// label).
const STAT_FIELDS: &[CaptionField] = &[
    CaptionField::new(Field::TotalJobs, sel::JOBS_CAPTIONS, read_jobs),
    CaptionField::new(
        Field::MemberSince,
        sel::SINCE_CAPTIONS,
        g::read_member_since,
    ),
    CaptionField::new(Field::HourlyRate, sel::RATE_CAPTIONS, read_rate),
    CaptionField::new(Field::Location, sel::LOCATION_CAPTIONS, g::read_place),
    CaptionField::new(Field::Badges, sel::CERT_CAPTIONS, |t, p| {
        put(&mut p.badges, cert_level(t).map(|b| vec![b]))
    }),
];

/// The statistics widget: values matched by their label, never by order.
fn read_stats(page: &dyn Page, d: &mut Draft) {
    for (label, value, css) in g::pairs(page, sel::STAT_ROWS, sel::STAT_LABEL, sel::STAT_VALUE) {
        for row in STAT_FIELDS {
            if !g::label_is(&label, row.captions) {
                continue;
            }
            if d.wants(row.field) && (row.read)(&value, &mut d.p) {
                d.note(row.field, format!("{css} \"{label}\""));
            }
            break;
        }
    }
}

/// The fields found beside their captions in the page's short texts.
const CAPTION_FIELDS: &[CaptionField] = &[
    CaptionField::new(Field::HourlyRate, sel::RATE_CAPTIONS, read_rate),
    CaptionField::new(
        Field::Location,
        sel::LOCATION_CAPTIONS,
        g::read_captioned_place,
    ),
    CaptionField::new(Field::TotalJobs, sel::JOBS_CAPTIONS, read_jobs),
    CaptionField::new(
        Field::MemberSince,
        sel::SINCE_CAPTIONS,
        g::read_member_since,
    ),
];

fn read_captions(page: &dyn Page, d: &mut Draft) {
    let wanted = [
        Field::HourlyRate,
        Field::Location,
        Field::TotalJobs,
        Field::MemberSince,
    ];
    if wanted.iter().all(|f| !d.wants(*f)) {
        return;
    }
    let caps = Captions::collect(
        page,
        None,
        sel::CAPTION_SCAN,
        160,
        &[
            sel::RATE_CAPTIONS,
            sel::LOCATION_CAPTIONS,
            sel::JOBS_CAPTIONS,
            sel::SINCE_CAPTIONS,
        ],
    );
    caps.read_fields(d, CAPTION_FIELDS);
    // Last: the first rate written in the header.
    d.read_fields(page, &RATE_TEXT);
}

/// Last, a rate written without a caption (the first that reads as one).
const RATE_TEXT: [TextField; 1] = [TextField::new(Field::HourlyRate, sel::RATE, read_rate)];

/// "£35/hr", "£35 per hour"; a rate without a per-hour marker is not a rate.
fn rate(t: &str) -> Option<crate::model::Money> {
    g::rate(t)
}

/// "124", "124 projects".
fn count(t: &str) -> Option<u32> {
    text::parse_count(t).and_then(|n| g::plausible_jobs(n as f64))
}

/// "Top Seller": a short name of letters.
fn cert_level(t: &str) -> Option<String> {
    let t = text::clean(t, g::MAX_SHORT)?;
    (t.len() <= 40
        && t.chars().any(char::is_alphabetic)
        && t.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-'))
    .then_some(t)
}

/// First path segments under `/freelancer/` that are the site's own pages, never a profile.
const RESERVED: &[&str] = &[
    "dashboard",
    "edit-profile",
    "hourlies",
    "hourlie",
    "offers",
    "settings",
    "account",
    "inbox",
    "projects",
    "proposals",
    "invite",
    "register",
    "signup",
    "login",
    "search",
    "jobs",
    "payments",
    "stats",
];

/// The kind of page a PeoplePerHour path shows.
pub fn page_kind(path: &str) -> PageKind {
    if profile_id(path).is_some() {
        PageKind::Profile
    } else {
        PageKind::Unknown
    }
}

/// The profile's id: the last word of a "name-title-id" slug ("…-zzvaxyvj" → "zzvaxyvj"), or the number of the
/// older "/name/title/1526559" form. The slug's other words change with the title; the id stays.
pub fn profile_id(path: &str) -> Option<String> {
    let segs = g::segments(path);
    let (first, rest) = segs.split_first()?;
    if !first.eq_ignore_ascii_case("freelancer") {
        return None;
    }
    let reserved = |s: &str| RESERVED.contains(&s.to_ascii_lowercase().as_str());
    let slug_id = |slug: &str| -> Option<String> {
        let (_, id) = crate::text::rsplit_once_byte(slug, b'-')?;
        let ok = g::is_slug(slug)
            && !reserved(slug)
            && (4..=16).contains(&id.len())
            && id.bytes().all(|b| b.is_ascii_alphanumeric());
        ok.then(|| id.to_ascii_lowercase())
    };
    match rest {
        [slug] => slug_id(slug),
        [category, slug] if g::is_slug(category) && !reserved(category) => slug_id(slug),
        [name, title, id]
            if g::is_slug(name)
                && g::is_slug(title)
                && !reserved(name)
                && (1..=12).contains(&id.len())
                && id.bytes().all(|b| b.is_ascii_digit()) =>
        {
            Some(id.to_string())
        }
        _ => None,
    }
}
