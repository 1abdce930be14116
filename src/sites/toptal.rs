//! Toptal adapter: public resumes (`toptal.com/resume/<slug>`, `toptal.com/<vertical>/resume/<slug>`) → [`Profile`].
//!
//! Evidence (page-structure.md §6, UNCERTAIN, plus the research for this adapter):
//! - Documented markup (≈2019–2020): a public copy of a resume page and two scrapers use `.resume_top-info_name`
//!   (with `data-slug`, `data-target-role`), `h1.resume_top-info_location` ("Designer in Wellington, New Zealand"),
//!   `.resume_top-info_since` ("Member since January 10, 2019"), `.resume_top-info_bio`, `a.tag.is-expert` skills,
//!   the photo's alt text "Name, Title in City, Country", and the employment list
//!   `.js-employments .resume_section-content_item` (title, "2016 - PRESENT", employer "Bold&Bald (New Zealand)").
//! - Documented content (2026 transcriptions of public resumes, markup unknown): name, headline, "Verified Expert in
//!   Engineering", location ("Menasha, WI, United States"), bio, availability, "Toptal member since", work experience
//!   with years, portfolio, skills, education. Addresses are `/resume/<slug>` and `/developers/resume/<slug>`.
//! - Toptal shows no rate, no client reviews, no hours and no earnings publicly, so [`PROFILE_FIELDS`] lists only
//!   what it shows, and a resume is not "unknown" for lacking what Toptal never shows.
//!
//! Employment is **not** read as work history: it lists jobs held anywhere, mostly before joining Toptal, while the
//! model's work history means contracts on the platform (rules compare their dates with the membership and add up
//! their hours; an employment from 2016 on a resume "member since 2019" is normal, not a finding). It is read for
//! the addresses it names (employer domains), as the Upwork adapter reads employment.
//!
//! Modern markup is unknown; it is read through JSON-LD, `itemprop`, captions ("Toptal member since", "Location")
//! and the head.

use super::dom_read::TextField;
use super::generic::{self as g, CaptionField, Captions, Draft};
use super::put;
use super::{Adapter, Extraction, PageKind};
use crate::model::{Field, Location};
use crate::page::Page;

pub struct Toptal;

/// Every selector this adapter uses, as fallback chains (first match wins).
pub mod selectors {
    /// Elements only a Toptal resume has (documented ≈2019–2020 classes).
    pub const MARKERS: &[&str] = &[".resume_top-info_name", "[data-view^=\"resumes#\"]"];
    pub const NAME: &[&str] = &[".resume_top-info_name", "[itemprop=name]"];
    /// Attributes that hold the professional title.
    pub const TITLE_ATTRS: &[(&str, &str)] = &[
        (
            ".resume_top-info_short_description[data-talent_title]",
            "data-talent_title",
        ),
        (
            ".resume_top-info_name[data-target-role]",
            "data-target-role",
        ),
    ];
    pub const TITLE: &[&str] = &["[itemprop=jobTitle]"];
    /// "Designer in Wellington, New Zealand": the title and the place in one heading.
    pub const HEADLINE: &[&str] = &[".resume_top-info_location", ".resume_top-info h1"];
    /// The photo's alt text: "Adrien Castelain, Designer in Wellington, New Zealand".
    pub const PHOTO_ALT: &[&str] = &[
        ".resume_top-photo[alt]",
        ".resume_top-photo_wrapper img[alt]",
    ];
    pub const MEMBER_SINCE: &[&str] = &[".resume_top-info_since"];
    pub const BIO: &[&str] = &[
        ".resume_top-info_bio",
        ".resume_top-info [data-role=\"description\"]",
        "[itemprop=description]",
    ];
    pub const CITY: &[&str] = &["[itemprop=addressLocality]"];
    pub const COUNTRY: &[&str] = &["[itemprop=addressCountry]"];
    /// Sections whose links and written addresses are the freelancer's: employment (employer names and sites),
    /// portfolio, and the top block.
    pub const LINK_SECTIONS: &[&str] = &[
        ".js-employments, [data-view=\"resumes#employment\"]",
        "[data-view=\"resumes#portfolio\"]",
        ".resume_top-info",
    ];
    /// Elements searched for "Caption value" texts, narrow to wide.
    pub const CAPTION_SCAN: &[&str] = &["dl > div", "li", "dt", "p", "span", "div"];
    pub const SINCE_CAPTIONS: &[&str] = &["Toptal member since", "Member since"];
    pub const LOCATION_CAPTIONS: &[&str] = &["Location", "Based in"];
}
use selectors as sel;

/// Toptal's own domains (site, uploads, assets).
const PLATFORM: &[&str] = &["toptal.com", "toptal.io", "toptal.net"];
/// Words in head titles that name the site.
const SITE_WORDS: &[&str] = &["toptal"];

/// What a Toptal resume shows.
pub const PROFILE_FIELDS: [Field; 6] = [
    Field::Name,
    Field::Title,
    Field::Location,
    Field::MemberSince,
    Field::Overview,
    Field::Links,
];

impl Adapter for Toptal {
    fn id(&self) -> &'static str {
        "toptal"
    }

    fn hosts(&self) -> &'static [&'static str] {
        &["toptal.com"]
    }

    fn url_patterns(&self) -> &'static [&'static str] {
        &[
            "https://www.toptal.com/resume/*",
            "https://www.toptal.com/*/resume/*",
        ]
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
        read_head(page, &mut d);
        g::read_head(page, &mut d, SITE_WORDS);
        d.read_link_sections(page, sel::LINK_SECTIONS);
        let mut ex = d.finish(expected);
        ex.profile_key = g::profile_key(page, "toptal", "toptal.com", resume_slug);
        ex
    }

    fn sniff(&self, page: &dyn Page) -> Option<PageKind> {
        g::sniff(page, "toptal.com", page_kind, sel::MARKERS)
    }
}

fn read_dom(page: &dyn Page, d: &mut Draft) {
    // The title attributes first: the text fields' title comes after them.
    for (css, attr) in sel::TITLE_ATTRS {
        if !d.wants(Field::Title) {
            break;
        }
        if let Some((title, src)) = g::first_attr(page, &[*css], attr, g::title) {
            d.p.title = Some(title);
            d.note(Field::Title, src);
        }
    }
    d.read_fields(page, TEXT_FIELDS);
    // "Designer in Wellington, New Zealand".
    if let Some(((title, place), src)) = g::first(page, None, sel::HEADLINE, split_headline) {
        if d.wants(Field::Title) && put(&mut d.p.title, title) {
            d.note(Field::Title, src.as_str());
        }
        if d.wants(Field::Location) {
            d.p.location = Some(place);
            d.note(Field::Location, src);
        }
    }
    g::read_city_country(page, d, sel::CITY, sel::COUNTRY);
    // "Adrien Castelain, Designer in Wellington, New Zealand".
    if let Some((named, src)) = g::first_attr(page, sel::PHOTO_ALT, "alt", split_photo_alt) {
        put_named(d, named, &src);
    }
}

/// A name with the title and place written after it (the photo's alt text, the head), read from `src`: the
/// title and place count only beside the name the profile has.
fn put_named(d: &mut Draft, (name, title, place): (String, String, Location), src: &str) {
    let beside_name = d.p.name.as_ref().is_none_or(|n| *n == name);
    if d.wants(Field::Name) {
        d.p.name = Some(name);
        d.note(Field::Name, src);
    }
    if !beside_name {
        return;
    }
    if d.wants(Field::Title) {
        d.p.title = Some(title);
        d.note(Field::Title, src);
    }
    if d.wants(Field::Location) {
        d.p.location = Some(place);
        d.note(Field::Location, src);
    }
}

/// The fields read from an element's text, each from its selectors (before the headline and the photo's
/// alt text, which hold several fields at once).
const TEXT_FIELDS: &[TextField] = &[
    TextField::new(Field::Name, sel::NAME, g::read_name),
    TextField::new(Field::Title, sel::TITLE, g::read_title),
    TextField::new(Field::MemberSince, sel::MEMBER_SINCE, g::read_member_since),
    TextField::new(Field::Overview, sel::BIO, g::read_overview),
];

/// The fields found beside their captions.
const CAPTION_FIELDS: &[CaptionField] = &[
    CaptionField::new(
        Field::MemberSince,
        sel::SINCE_CAPTIONS,
        g::read_member_since,
    ),
    CaptionField::new(
        Field::Location,
        sel::LOCATION_CAPTIONS,
        g::read_captioned_place,
    ),
];

fn read_captions(page: &dyn Page, d: &mut Draft) {
    if !d.wants(Field::MemberSince) && !d.wants(Field::Location) {
        return;
    }
    let caps = Captions::collect(
        page,
        None,
        sel::CAPTION_SCAN,
        160,
        &[sel::SINCE_CAPTIONS, sel::LOCATION_CAPTIONS],
    );
    caps.read_fields(d, CAPTION_FIELDS);
}

/// The head in the photo's form: "Adrien Castelain, Designer in Wellington, New Zealand | Toptal®".
fn read_head(page: &dyn Page, d: &mut Draft) {
    use crate::page::PageExt;
    let heads = [
        ("meta[property=og:title]", page.meta("og:title")),
        ("<title>", page.first_text(None, &["title"])),
    ];
    for (src, t) in heads {
        let Some(t) = t else { continue };
        let first = t.split(" | ").next().unwrap_or("");
        if let Some(named) = split_photo_alt(first) {
            put_named(d, named, src);
        }
    }
}

/// "Designer in Wellington, New Zealand" → (Some("Designer"), place); "in Berlin, Germany" → (None, place). The
/// place must end in a country HireCheck recognises ("Verified Expert in Engineering" is no place).
fn split_headline(t: &str) -> Option<(Option<String>, Location)> {
    let (title, place) = match g::rsplit_once_str(t, " in ") {
        Some((a, b)) => (g::title(a), b),
        None => (None, t.strip_prefix("in ")?),
    };
    Some((title, g::place(place, true)?))
}

/// "Adrien Castelain, Designer in Wellington, New Zealand" → (name, title, place).
fn split_photo_alt(t: &str) -> Option<(String, String, Location)> {
    let (name, rest) = t.split_once(", ")?;
    let (title, place) = split_headline(rest)?;
    Some((g::name(name)?, title?, place))
}

/// The kind of page a Toptal path shows: `/resume/<slug>` and `/<vertical>/resume/<slug>` are resumes.
pub fn page_kind(path: &str) -> PageKind {
    match g::segments(path).as_slice() {
        [r, slug] if r.eq_ignore_ascii_case("resume") && g::is_slug(slug) => PageKind::Profile,
        [vertical, r, slug]
            if r.eq_ignore_ascii_case("resume") && g::is_slug(vertical) && g::is_slug(slug) =>
        {
            PageKind::Profile
        }
        _ => PageKind::Unknown,
    }
}

/// The resume's slug in lower case ("eric-w-greene").
pub fn resume_slug(path: &str) -> Option<String> {
    if page_kind(path) != PageKind::Profile {
        return None;
    }
    g::segments(path).last().map(|s| s.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines() {
        let (t, l) = split_headline("Designer in Wellington, New Zealand").unwrap();
        assert_eq!(t.as_deref(), Some("Designer"));
        assert_eq!(
            (l.city.as_deref(), l.country.as_deref()),
            (Some("Wellington"), Some("NZ"))
        );
        assert!(split_headline("Verified Expert in Engineering").is_none());
        let (t, _) = split_headline("Expert in Go in Berlin, Germany").unwrap();
        assert_eq!(t.as_deref(), Some("Expert in Go"));
        let (n, t, _) =
            split_photo_alt("Adrien Castelain, Designer in Wellington, New Zealand").unwrap();
        assert_eq!((n.as_str(), t.as_str()), ("Adrien Castelain", "Designer"));
    }
}
