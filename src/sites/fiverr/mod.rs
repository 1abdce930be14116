//! Fiverr adapter: seller pages (`www.fiverr.com/<username>`) and gig pages (`www.fiverr.com/<username>/<gig>`,
//! read through their "About the seller" card: the freelancer behind the gig) → [`Profile`].
//!
//! Sources, most stable first (research notes `page-structure.md` §5): (A) the perseus payload
//! (`<script id="perseus-initial-props" type="application/json">`, or `window.perseusApp.initialData = {…}` on older
//! gig pages) and JSON-LD; (B) the rendered seller card / seller page (`ul.user-stats li` by caption, `.languages li`,
//! `.seller-desc`, `ul.review-list li.review-item(-component)`); (C) last, the head (`og:title` "user: I will …",
//! `<title>` "… by user | Fiverr"). Each field takes the first source that yields a plausible value.
//!
//! How Fiverr's data maps onto the profile model:
//! - `name`: the display name when the page shows one, followed by "(@username)" when the username is different;
//!   else the username. Buyers address sellers by either, so a review that thanks the username must not read as
//!   another person's name. Without a display name, the name the seller introduces themselves with in the
//!   description ("Hi, I'm Rahul") takes its place when the username does not already contain it: a bare handle
//!   ("webcraft_pro") would make every buyer's "Thanks Rahul" look like another person.
//! - `title`: the one-liner. `overview`: the seller's own description ("About me"), not a gig description.
//! - `hourly_rate`: only a rate Fiverr shows as hourly (JSON `hourly_rate` in cents, or "$45/hour"); gig prices are
//!   package prices and never become a rate.
//! - `location`: the country ("From Pakistan"); a city only if the payload names one.
//! - `local_time`: only where the page shows one ("3:42 pm local time", "Local time 3:42 PM"); it is expected
//!   (reported missing when unreadable) only on pages that show such a label.
//! - `badges`: the seller level ("Level 1", "Level 2", "Top Rated"), "Pro", "Vetted"; an empty list for a seller
//!   without a level.
//! - `work_history`: one entry per review shown: the buyer's comment as feedback, the stars as rating, the review's
//!   date as the end (a review is written when an order is completed), the gig title when given, and the upper bound
//!   of the price range the review shows as earnings (so a "tiny" job is never guessed). The reviewer's name and
//!   country are not read.
//! - Not mapped: the aggregate rating and the review count (no field; the review count is not a count of orders, so
//!   it is not `total_jobs`), response time, last delivery, gig prices. Fiverr shows no Job Success Score, earnings
//!   or hours.
//!
//! All selectors and JSON keys live in [`selectors`].

mod dom;
mod json;
pub mod selectors;

use super::generic::own_addresses;
use super::links::LinkSet;
use super::{host_and_path, Adapter, Extraction, PageKind};
use crate::case::{lower_char, lowercase};
use crate::model::{Field, Location, Money, Profile};
use crate::page::{Page, PageExt};

pub struct Fiverr;

impl Adapter for Fiverr {
    fn id(&self) -> &'static str {
        "fiverr"
    }

    fn hosts(&self) -> &'static [&'static str] {
        &["fiverr.com"]
    }

    fn url_patterns(&self) -> &'static [&'static str] {
        // Seller and gig pages have no path prefix (`/<username>`, `/<username>/<gig>`), so the pattern is the whole
        // site; `page_kind` tells the pages apart (everything else is `Unknown` and expects no field).
        &["https://www.fiverr.com/*"]
    }

    fn page_kind(&self, path: &str) -> PageKind {
        page_kind(path)
    }

    fn expected_fields(&self, kind: PageKind) -> &'static [Field] {
        match kind {
            PageKind::Profile => &PROFILE_FIELDS,
            PageKind::Proposals | PageKind::WorkDiary | PageKind::Messages | PageKind::Unknown => {
                &[]
            }
        }
    }

    fn extract(&self, page: &dyn Page, kind: PageKind) -> Extraction {
        let expected = self.expected_fields(kind);
        if kind != PageKind::Profile {
            return Extraction::default().finish(expected);
        }
        let mut b = Builder::default();
        let shown_user = profile_id(page);
        if let Some((props, label)) = json::find_props(page) {
            // A payload about another seller (left over after in-place navigation) is not read.
            let about = json::seller_username(&props);
            let same = match (&shown_user, &about) {
                (Some(shown), Some(about)) => shown.eq_ignore_ascii_case(about),
                _ => true,
            };
            if same {
                json::read_props(&props, &label, &mut b);
            }
        }
        json::read_ld_json(page, &mut b);
        dom::read_dom(page, &mut b);
        dom::read_head(page, &mut b);
        let mut ex = b.finish();
        ex.profile_key = shown_user
            .or_else(|| ex_username(&ex))
            .map(|u| format!("fiverr:{u}"));
        ex
    }

    fn sniff(&self, page: &dyn Page) -> Option<PageKind> {
        for url in own_addresses(page) {
            if let Some((host, path)) = host_and_path(&url) {
                if is_fiverr_host(&host) {
                    let kind = page_kind(&path);
                    if kind != PageKind::Unknown {
                        return Some(kind);
                    }
                }
            }
        }
        let marked = selectors::PAGE_MARKERS
            .iter()
            .any(|css| !page.select(None, css).is_empty());
        let seller_card = selectors::SELLER_SCOPES
            .iter()
            .any(|css| !page.select(None, css).is_empty());
        let titled = page
            .first_text(None, &["title"])
            .is_some_and(|t| t.ends_with("| Fiverr"));
        ((marked || titled) && seller_card).then_some(PageKind::Profile)
    }
}

/// Pages whose address names no profile but whose payload does (a saved file): the username read.
fn ex_username(ex: &Extraction) -> Option<String> {
    let name = ex.profile.name.as_deref()?;
    let user = super::generic::rsplit_once_str(name, "(@")
        .and_then(|(_, u)| u.strip_suffix(')'))
        .unwrap_or(name);
    is_username(user).then(|| user.to_ascii_lowercase())
}

/// The fields a Fiverr seller page or gig page shows. Job Success, earnings, jobs, hours and availability are not
/// Fiverr concepts; an hourly rate is shown only by sellers who offer hourly work, and a local time only on some
/// layouts (then it is expected, see [`Builder::finish`]). `Links` is "none" when the description or reviews were
/// read and name no address.
const PROFILE_FIELDS: [Field; 9] = [
    Field::Name,
    Field::Title,
    Field::Location,
    Field::Badges,
    Field::MemberSince,
    Field::Languages,
    Field::WorkHistory,
    Field::Overview,
    Field::Links,
];

/// [`PROFILE_FIELDS`] with the local time, for the layouts that show one (in `Field` order, as `missing` is).
const PROFILE_FIELDS_WITH_LOCAL_TIME: [Field; 10] = [
    Field::Name,
    Field::Title,
    Field::Location,
    Field::LocalTime,
    Field::Badges,
    Field::MemberSince,
    Field::Languages,
    Field::WorkHistory,
    Field::Overview,
    Field::Links,
];

/// First path segments that are Fiverr's own pages, never a username; one a line (a text, not an array of
/// `&str`: each array entry would add an 8-byte pointer and length to the wasm).
const RESERVED: &str = "\
about
account
affiliates
agencies
agency
analytics
api
apps
assets
billing
blog
briefs
business
buyer_requests
buyers
careers
cart
categories
checkout
collections
community
conversations
cp
dashboard
deals
earnings
edit
enterprise
events
explore
favorites
feed
fiverr
freelancers
gift_cards
giftcards
gigs
go
hc
help
hire
home
inbox
index
invite
jobs
join
learn
levels
lists
login
logout
lp
manage_gigs
manage_orders
me
mobile
new
notifications
onboarding
orders
pages
partnerships
payments
perseus
press
privacy_policy
pro
projects
referral
requests
resources
reviews
search
seller
seller_dashboard
seller_onboarding
sellers
settings
signup
sitemap
solutions
start_selling
stories
subscriptions
support
terms_of_service
users
verification
wallet
welcome
workspace";

/// Second path segments that are a seller's sub-pages, not a gig.
const RESERVED_SLUGS: &[&str] = &["portfolio", "reviews", "gigs", "edit", "manage-gigs"];

/// The kind of page a Fiverr path shows: `/<username>` and `/<username>/<gig-slug>` are profiles (the gig page is
/// read through its seller card); everything else, Fiverr's own sections included, is unknown.
pub fn page_kind(path: &str) -> PageKind {
    // More than two segments is no profile, whether four or eight are kept.
    match super::generic::segments(path).as_slice() {
        [user] if is_username(user) => PageKind::Profile,
        [user, slug] if is_username(user) && is_gig_slug(slug) => PageKind::Profile,
        _ => PageKind::Unknown,
    }
}

/// Fiverr usernames: letters, digits and underscores, starting with a letter or digit; not a reserved word.
pub fn is_username(seg: &str) -> bool {
    (2..=40).contains(&seg.len())
        && seg.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && seg
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphanumeric)
        && !is_line_of(RESERVED, &seg.to_ascii_lowercase())
}

/// Gig slugs are words joined by hyphens ("design-a-minimalist-logo").
fn is_gig_slug(seg: &str) -> bool {
    (3..=200).contains(&seg.len())
        && seg
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && seg.contains('-')
        && seg
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphanumeric)
        && !RESERVED_SLUGS.contains(&seg.to_ascii_lowercase().as_str())
}

/// Whether `word` is one of the lines of `list`.
fn is_line_of(list: &str, word: &str) -> bool {
    for line in list.lines() {
        if line == word {
            return true;
        }
    }
    false
}

fn is_fiverr_host(host: &str) -> bool {
    host == "fiverr.com" || host.ends_with(".fiverr.com")
}

/// The username (lower case) of the first own address that is a Fiverr profile or gig page.
pub fn profile_id(page: &dyn Page) -> Option<String> {
    for url in own_addresses(page) {
        let Some((host, path)) = host_and_path(&url) else {
            continue;
        };
        if is_fiverr_host(&host) && page_kind(&path) == PageKind::Profile {
            if let Some(user) = path.split('/').find(|s| !s.is_empty()) {
                return Some(user.to_ascii_lowercase());
            }
        }
    }
    None
}

/// The profile being filled and where each field came from.
#[derive(Default)]
pub(crate) struct Builder {
    pub p: Profile,
    notes: Vec<(Field, String)>,
    /// The username and the display name, with their sources; combined into `name` at the end.
    pub username: Option<(String, String)>,
    pub display_name: Option<(String, String)>,
    /// Whether the page shows a local-time label, read or not.
    pub local_time_shown: bool,
    /// Texts searched for addresses besides the profile's own fields (the gig description).
    pub link_texts: Vec<String>,
    links: LinkSet,
}

impl Builder {
    pub fn note(&mut self, field: Field, source: impl Into<String>) {
        self.notes.push((field, source.into()));
    }

    pub fn wants(&self, field: Field) -> bool {
        !self.p.has(field)
    }

    /// Records a place that can show links, whether or not it showed any.
    pub fn links_read(&mut self, place: impl Into<String>) {
        self.links.read(place);
    }

    /// The extraction of a profile page ([`PROFILE_FIELDS`], with the local time where the page shows one).
    fn finish(mut self) -> Extraction {
        // The name: display name and username; without a display name, the name the seller introduces
        // themselves with in the description.
        if let (None, Some((user, _))) = (&self.display_name, &self.username) {
            let user = name_key(user);
            self.display_name = self
                .p
                .overview
                .as_deref()
                .and_then(self_introduced_name)
                // "omar_edits" already says "Omar".
                .filter(|n| !user.contains(&name_key(n)))
                .map(|n| (n, "overview self-introduction".to_string()));
        }
        let name = match (self.display_name.take(), self.username.take()) {
            (Some((d, ds)), Some((u, us))) if !same_name(&d, &u) => {
                Some((format!("{d} (@{u})"), format!("{ds}; {us}")))
            }
            (Some(d), _) => Some(d),
            (None, Some(u)) => Some(u),
            (None, None) => None,
        };
        if let Some((n, src)) = name.and_then(|(n, s)| Some((crate::text::clean(&n, MAX_NAME)?, s)))
        {
            self.p.name = Some(n);
            self.note(Field::Name, src);
        }
        // Addresses written in the seller's and the buyers' words.
        if self.p.overview.is_some() {
            self.links_read("overview text");
        }
        if self.p.work_history.is_some() {
            self.links_read("review text");
        }
        let mut texts: Vec<&str> = Vec::new();
        for t in &self.link_texts {
            texts.push(t);
        }
        texts.extend(self.p.overview.as_deref());
        texts.extend(self.p.title.as_deref());
        if let Some(history) = &self.p.work_history {
            for e in history {
                texts.extend(e.title.as_deref());
                texts.extend(e.feedback.as_deref());
            }
        }
        for t in texts {
            self.links.add_text_as_written(t, IS_PLATFORM);
        }
        if let Some(places) = self.links.finish_into(&mut self.p, "one-liner text") {
            self.note(Field::Links, places);
        }
        let mut ex = Extraction {
            profile: self.p,
            ..Extraction::default()
        };
        for (f, src) in &self.notes {
            ex.note(*f, src);
        }
        // A local time is expected only where the page shows one.
        if self.local_time_shown {
            return ex.finish(&PROFILE_FIELDS_WITH_LOCAL_TIME);
        }
        ex.finish(&PROFILE_FIELDS)
    }
}

/// "Hi! I'm Aashir, a …" → "Aashir": the first name-like word after a self-introduction cue ("I'm a designer"
/// names nobody, and the next cue is tried).
fn self_introduced_name(overview: &str) -> Option<String> {
    let head = crate::text::prefix(overview, 2_000);
    let lower = lowercase(head);
    if lower.len() != head.len() {
        // Case folding changed byte offsets (rare scripts): no position is trustworthy.
        return None;
    }
    let mut starts: Vec<usize> = Vec::new();
    for cue in selectors::SELF_INTRODUCTIONS {
        for (at, _) in lower.match_indices(cue).take(20) {
            // The cue starts a word ("I'm", not "Hi'm").
            let in_word = lower[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            if !in_word {
                starts.push(at + cue.len());
            }
        }
    }
    crate::sort::sort(&mut starts);
    for i in starts {
        let Some(rest) = head.get(i..) else {
            continue;
        };
        // The run of letters, hyphens and apostrophes at the start, without trailing ones.
        let mut end = rest.len();
        for (at, c) in rest.char_indices() {
            if !(c.is_alphabetic() || c == '-' || c == '\'') {
                end = at;
                break;
            }
        }
        let word =
            crate::text::trim_end_where(rest.get(..end).unwrap_or(""), |c| c == '-' || c == '\'');
        let n = word.chars().count();
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        let shouting = word.chars().all(|c| !c.is_lowercase());
        let stop = is_line_of(selectors::NOT_A_NAME, &lowercase(word))
            // "I am German", "I'm from"; neither a language nor a country is a name.
            || json::is_language_name(word)
            || crate::countries::iso2_from_name(word).is_some();
        if (2..=20).contains(&n) && capitalised && !shouting && !stop {
            return Some(word.to_string());
        }
    }
    None
}

/// "Aashirdaud" and "aashirdaud", or "Ana_P" and "ana p": one name, not two.
fn same_name(a: &str, b: &str) -> bool {
    name_key(a) == name_key(b)
}

/// A name's letters and digits, lower case: what [`same_name`] compares.
fn name_key(s: &str) -> String {
    let mut key = String::new();
    for c in s.chars() {
        if c.is_alphanumeric() {
            key.extend(lower_char(c));
        }
    }
    key
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
pub(crate) use fill;

// ---- Plausibility: values outside these bounds are misreads or hostile, and are dropped. ----

pub(crate) const MAX_NAME: usize = 120;
/// Fiverr caps the one-liner at 70 characters; room for markup changes.
pub(crate) const MAX_TITLE: usize = 300;
pub(crate) const MAX_PLACE: usize = 100;
pub(crate) const MAX_SHORT: usize = 60;
pub(crate) const MAX_FEEDBACK: usize = 5_000;
/// Fiverr caps the description at 600 characters; gig pages may show more text around it.
pub(crate) const MAX_OVERVIEW: usize = 10_000;
/// Longest username kept from the page.
pub(crate) const MAX_USERNAME: usize = 40;

/// Whether an address belongs to Fiverr itself (its pages, CDN and image storage).
fn is_platform_address(address: &str) -> bool {
    let Some(host) = crate::text::address_host(address) else {
        return true;
    };
    let host = host.strip_prefix("www.").unwrap_or(host);
    ["fiverr.com", "fiverrcdn.com", "fiverr.co"]
        .iter()
        .any(|d| crate::text::host_is_under(host, d))
        || (host.starts_with("fiverr-") && crate::text::host_is_under(host, "cloudinary.com"))
}

/// [`is_platform_address`] behind `dyn`, as the link set takes it (one copy of its code for every site).
const IS_PLATFORM: &dyn Fn(&str) -> bool = &is_platform_address;

fn currency_ok(c: &str) -> bool {
    c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())
}

/// An hourly rate someone could charge.
pub(crate) fn plausible_rate(m: Money) -> Option<Money> {
    (m.amount.is_finite() && (1.0..=10_000.0).contains(&m.amount) && currency_ok(&m.currency))
        .then_some(m)
}

/// An order's price (Fiverr's gigs start at $5; a review's price range tops out at a few thousand dollars).
pub(crate) fn plausible_price(m: Money) -> Option<Money> {
    (m.amount.is_finite() && (1.0..=1.0e7).contains(&m.amount) && currency_ok(&m.currency))
        .then_some(m)
}

/// Fiverr stars run from 1 to 5.
pub(crate) fn plausible_rating(r: f64) -> Option<f64> {
    (r.is_finite() && (0.0..=5.0).contains(&r)).then_some(r)
}

/// Fiverr opened in 2010.
pub(crate) fn plausible_member_since(
    ym: crate::model::YearMonth,
) -> Option<crate::model::YearMonth> {
    (ym.year >= 2010).then_some(ym)
}

/// A location from the names the page showed; the ISO code from the page if it gave a valid one, else from the
/// country name. A bare ISO code as the name ("IN") is spelled out.
pub(crate) fn location(
    city: Option<&str>,
    country: Option<&str>,
    iso2: Option<&str>,
) -> Option<Location> {
    let city = city.and_then(|c| {
        crate::text::clean(
            crate::text::trim_where(c, |c| c == ',' || c == ' '),
            MAX_PLACE,
        )
    });
    let valid_code = |c: &str| {
        let c = c.trim();
        (c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic())).then(|| c.to_ascii_uppercase())
    };
    let mut code = iso2.and_then(valid_code);
    let mut country_name = country
        .and_then(|c| {
            crate::text::clean(
                crate::text::trim_where(c, |c| c == ',' || c == ' '),
                MAX_PLACE,
            )
        })
        .filter(|c| c.chars().any(char::is_alphabetic) && !c.chars().any(|c| c.is_ascii_digit()));
    if let Some(named_code) = country_name
        .as_deref()
        .filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()))
        .and_then(valid_code)
    {
        code.get_or_insert(named_code.clone());
        country_name = crate::countries::name_of(&named_code).map(str::to_string);
    }
    if country_name.is_none() {
        country_name = code
            .as_deref()
            .and_then(crate::countries::name_of)
            .map(str::to_string);
    }
    let country_name = country_name?;
    let code = code.or_else(|| crate::countries::iso2_from_name(&country_name).map(str::to_string));
    Some(Location {
        city,
        country: code,
        country_name: Some(country_name),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profile_fields_with_local_time_are_the_profile_fields_and_local_time() {
        // Both lists are in `Field` order, as `Extraction::finish` lists what is missing.
        let mut with: Vec<Field> = PROFILE_FIELDS.to_vec();
        with.push(Field::LocalTime);
        with.sort();
        assert_eq!(with, PROFILE_FIELDS_WITH_LOCAL_TIME);
        assert!(!PROFILE_FIELDS.contains(&Field::LocalTime));
    }

    #[test]
    fn kinds_by_path() {
        let cases = [
            ("/aashirdaud", PageKind::Profile),
            ("/aashirdaud/", PageKind::Profile),
            ("/Jane_Doe99?source=gig_page", PageKind::Profile),
            (
                "/aashirdaud/setup-modify-design-and-optimize-your-youtube-account",
                PageKind::Profile,
            ),
            ("/aashirdaud/portfolio", PageKind::Unknown),
            ("/aashirdaud/a-b/c", PageKind::Unknown),
            ("/categories", PageKind::Unknown),
            (
                "/categories/graphics-design/creative-logo-design",
                PageKind::Unknown,
            ),
            ("/search/gigs", PageKind::Unknown),
            ("/inbox", PageKind::Unknown),
            ("/users/jane/manage_gigs", PageKind::Unknown),
            ("/start_selling", PageKind::Unknown),
            ("/logo-maker", PageKind::Unknown),
            ("/gigs/do-a-logo", PageKind::Unknown),
            ("/pro", PageKind::Unknown),
            ("/", PageKind::Unknown),
            ("", PageKind::Unknown),
            ("/<script>", PageKind::Unknown),
            ("/x", PageKind::Unknown),
        ];
        for (path, kind) in cases {
            assert_eq!(page_kind(path), kind, "{path}");
        }
    }

    #[test]
    fn locations_from_names_and_codes() {
        let l = location(None, Some("IN"), None).unwrap();
        assert_eq!(
            (l.country.as_deref(), l.country_name.as_deref()),
            (Some("IN"), Some("India"))
        );
        let l = location(None, Some("Pakistan"), None).unwrap();
        assert_eq!(l.country.as_deref(), Some("PK"));
        let l = location(None, None, Some("pt")).unwrap();
        assert_eq!(
            (l.country.as_deref(), l.country_name.as_deref()),
            (Some("PT"), Some("Portugal"))
        );
        assert!(location(None, Some("12345"), None).is_none());
        assert!(location(Some("Austin"), None, None).is_none());
    }

    #[test]
    fn self_introductions() {
        let intro = |s: &str| self_introduced_name(s);
        assert_eq!(
            intro("Hi! I'm Aashir, a YouTube expert.").as_deref(),
            Some("Aashir")
        );
        assert_eq!(
            intro("Hello, my name is Ji-hoon and I draw.").as_deref(),
            Some("Ji-hoon")
        );
        assert_eq!(
            intro("I am a certified designer. I'm Lena.").as_deref(),
            Some("Lena"),
            "the first cue names nobody; the next does"
        );
        assert_eq!(intro("I'm EXPERT in SEO"), None);
        assert_eq!(intro("I'm available 24/7"), None);
        assert_eq!(intro("Him Tom"), None);
        assert_eq!(intro(""), None);
        assert_eq!(intro("İ'm Ä"), None);
        assert_eq!(intro("I am Pakistani, a web developer"), None);
        assert_eq!(intro("I'm German and I translate"), None);
        assert_eq!(intro("I am Kenya based"), None);
    }

    #[test]
    fn names_combine() {
        assert!(same_name("Aashirdaud", "aashirdaud"));
        assert!(!same_name("Sofia M.", "sofiamdesign"));
    }
}
