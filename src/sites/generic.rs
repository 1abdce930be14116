//! What the thin-evidence adapters (Guru, PeoplePerHour, Toptal) share: sources that do not depend on one
//! site's markup, and a small builder.
//!
//! Research found little or no public markup for these sites (`page-structure.md` §6, UNCERTAIN). Their adapters
//! therefore try the few documented selectors first and then fall back on what any profile page tends to carry:
//! JSON-LD `Person` (also inside `ProfilePage.mainEntity` or `@graph`), `og:title` / `<title>`, `itemprop`
//! microdata, and visible captions such as "Member since", "Hourly rate" or "Location" next to their values.
//!
//! Everything here is bounded (elements looked at, bytes of text read, JSON nodes walked) and never panics.

use super::dom_read::{self, read_into, TextField, TextReader};
use super::links::LinkSet;
use super::put;
use super::{host_and_path, Extraction, PageKind};
use crate::case::lowercase;
use crate::json::Value;
use crate::model::{Field, Location, Profile, WorkEntry};
use crate::page::{squash, Node, Page, PageExt};
use crate::text;

pub use super::bounds::{
    location, plausible_earnings, plausible_jobs, plausible_rate, plausible_rating, MAX_FEEDBACK,
    MAX_NAME, MAX_OVERVIEW, MAX_PLACE, MAX_SHORT, MAX_TITLE,
};

/// Cap on elements looked at per selector.
pub const SCAN_LIMIT: usize = 3_000;
/// Cap on the bytes of element text one caption scan reads.
const TEXT_BUDGET: usize = 2_000_000;
/// Cap on entries (reviews, feedback) kept.
pub const MAX_ENTRIES: usize = 500;
/// Cap on links looked at per container.
const MAX_ANCHORS: usize = 1_000;
/// JSON-LD scripts larger than this are not parsed.
const MAX_LD_BYTES: usize = 1_000_000;

// ---------------------------------------------------------------------------------------------
// The builder

/// The profile being filled, where each value came from, and the addresses found so far.
pub struct Draft {
    pub p: Profile,
    notes: Vec<(Field, String)>,
    links: LinkSet,
    /// The marketplace's own domains: links to them are not the freelancer's.
    platform: &'static [&'static str],
}

impl Draft {
    pub fn new(platform: &'static [&'static str]) -> Self {
        Draft {
            p: Profile::default(),
            notes: Vec::new(),
            links: LinkSet::default(),
            platform,
        }
    }

    pub fn wants(&self, field: Field) -> bool {
        !self.p.has(field)
    }

    pub fn note(&mut self, field: Field, source: impl Into<String>) {
        self.notes.push((field, source.into()));
    }

    /// Records that a place which can show links was read; with such a place and no link, links are "none".
    pub fn links_read(&mut self, place: impl Into<String>) {
        self.links.read(place);
    }

    /// Reads the fields of a table the profile does not hold yet ([`dom_read::read_text_fields`]).
    pub fn read_fields(&mut self, page: &dyn Page, rows: &[TextField]) {
        dom_read::read_text_fields(page, &mut self.p, &mut self.notes, rows);
    }

    /// Adds canonical addresses, except the marketplace's own; a bare domain name beside a link to it adds nothing.
    pub fn add_links(&mut self, addresses: impl IntoIterator<Item = String>) {
        let platform = self.platform;
        // Behind `dyn`, as Freelancer.com's: the link set's generic code has one copy for both.
        let is_own: &dyn Fn(&str) -> bool = &|a| is_platform(platform, a);
        self.links.add(addresses, is_own);
    }

    /// Adds the links, e-mail addresses and domain names written in `t`.
    pub fn add_link_text(&mut self, t: &str) {
        let platform = self.platform;
        let is_own: &dyn Fn(&str) -> bool = &|a| is_platform(platform, a);
        self.links.add_text(t, is_own);
    }

    /// Adds the absolute `http(s)` and `mailto:` targets of the links below `node`.
    pub fn add_anchors(&mut self, page: &dyn Page, node: Node) {
        self.add_links(anchor_addresses(page, node));
    }

    /// Reads links and written addresses in each section of `sections` the page has.
    pub fn read_link_sections(&mut self, page: &dyn Page, sections: &[&str]) {
        let mut budget = 500_000usize;
        for css in sections {
            let nodes = page.select(None, css);
            if nodes.is_empty() {
                continue;
            }
            self.links_read(format!("a[href] and text in {css}"));
            for node in nodes.into_iter().take(100) {
                self.add_anchors(page, node);
                let t = visible_text(page, node);
                budget = budget.saturating_sub(t.len());
                if budget == 0 {
                    return;
                }
                self.add_link_text(&t);
            }
        }
    }

    /// The extraction, with the addresses written in the profile's own words added to the links.
    pub fn finish(self, expected: &[Field]) -> Extraction {
        self.finish_as(expected, "title text")
    }

    /// [`Draft::finish`], naming the profile's title as this site calls it ("tagline text") when only the
    /// title held an address.
    pub fn finish_as(mut self, expected: &[Field], title_place: &str) -> Extraction {
        let platform = self.platform;
        let is_own: &dyn Fn(&str) -> bool = &|a| is_platform(platform, a);
        self.links.add_profile_text(&self.p, "review text", is_own);
        if let Some(places) = self.links.finish_into(&mut self.p, title_place) {
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

// ---------------------------------------------------------------------------------------------
// Reading elements

/// Text as a reader sees it: without the content of `<script>`/`<style>` inside the element, whitespace collapsed.
pub fn visible_text(page: &dyn Page, node: Node) -> String {
    text_without(page, node, "script, style, template, noscript")
}

/// An element's text without the text of its descendants matching `css` (and without scripts and styles).
pub fn text_without(page: &dyn Page, node: Node, css: &str) -> String {
    let mut raw = page.raw_text(node);
    let hidden = if css.contains("script") {
        css.to_string()
    } else {
        format!("{css}, script, style, template, noscript")
    };
    for h in page.select(Some(node), &hidden).into_iter().take(500) {
        let t = page.raw_text(h);
        if !t.is_empty() {
            // Rebuilt rather than `replace_range`, which is this crate's only user of `Vec::splice`.
            if let Some(i) = raw.find(&t) {
                if let (Some(before), Some(after)) = (raw.get(..i), raw.get(i + t.len()..)) {
                    raw = crate::text::join(&[before, after], " ");
                }
            }
        }
    }
    squash(&raw)
}

/// The location from a city element and a country element (the country is required; its selector is the
/// source), unless the location is already known. Guru, PeoplePerHour and Toptal share it.
pub fn read_city_country(page: &dyn Page, d: &mut Draft, city: &[&str], country: &[&str]) {
    if !d.wants(Field::Location) {
        return;
    }
    let city = first_value(page, None, city, place_text);
    if let Some((country, src)) = first(page, None, country, place_text) {
        if put(
            &mut d.p.location,
            location(city.as_deref(), Some(&country), None),
        ) {
            d.note(Field::Location, src);
        }
    }
}

/// A city's or country's text, cleaned.
fn place_text(t: &str) -> Option<String> {
    text::clean(t, MAX_PLACE)
}

/// `t` split around the last occurrence of `sep`, as `str::rsplit_once` with a `&str` splits it.
pub fn rsplit_once_str<'a>(t: &'a str, sep: &str) -> Option<(&'a str, &'a str)> {
    let at = rfind_str(t, sep)?;
    Some((t.get(..at)?, t.get(at + sep.len()..)?))
}

/// The byte offset of the last occurrence of `needle` in `hay`, as `str::rfind` with a `&str` finds it
/// (overlapping matches included). Searched forwards: `rfind(&str)` and `rsplit_once(&str)` link core's
/// reverse substring searcher into the wasm for these few calls.
pub fn rfind_str(hay: &str, needle: &str) -> Option<usize> {
    let mut last = None;
    let mut from = 0;
    while let Some(i) = hay.get(from..).and_then(|rest| rest.find(needle)) {
        let at = from + i;
        last = Some(at);
        // Past the match's first char only, so a match overlapping this one is found too.
        from = at
            + hay
                .get(at..)
                .and_then(|r| r.chars().next())
                .map_or(1, char::len_utf8);
    }
    last
}

/// The first element of the first selector whose visible text `parse` accepts, with that selector as source.
/// `parse` is a plain `fn` (as in [`first_attr`]): with `impl Fn` every closure of every
/// caller made its own copy of the loop in the wasm; now there is one per value type. The loop is
/// [`dom_read::first_of`]'s, which the large adapters use too.
pub fn first<T>(
    page: &dyn Page,
    scope: Option<Node>,
    selectors: &[&str],
    parse: fn(&str) -> Option<T>,
) -> Option<(T, String)> {
    dom_read::first_of(page, scope, selectors, parse).map(|(v, css)| (v, css.to_string()))
}

/// [`first`]'s value without its source.
pub fn first_value<T>(
    page: &dyn Page,
    scope: Option<Node>,
    selectors: &[&str],
    parse: fn(&str) -> Option<T>,
) -> Option<T> {
    dom_read::first_of(page, scope, selectors, parse).map(|(v, _)| v)
}

/// Like [`first`], reading an attribute instead of the text.
pub fn first_attr<T>(
    page: &dyn Page,
    selectors: &[&str],
    attr: &str,
    parse: fn(&str) -> Option<T>,
) -> Option<(T, String)> {
    for css in selectors {
        for node in page.select(None, css).into_iter().take(200) {
            if let Some(v) = page.attr(node, attr).and_then(|a| parse(&squash(&a))) {
                return Some((v, format!("{css} @{attr}")));
            }
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Captions next to values

/// One profile field found beside a caption or under a label: its captions (any case) and how the value's
/// text is read into the profile (`read` stores the value in the field's slot and says whether the text
/// gave one). Adapters list such fields as table rows.
pub struct CaptionField {
    pub field: Field,
    pub captions: &'static [&'static str],
    pub read: TextReader,
}

impl CaptionField {
    /// A row, written on one line in an adapter's table.
    pub const fn new(field: Field, captions: &'static [&'static str], read: TextReader) -> Self {
        CaptionField {
            field,
            captions,
            read,
        }
    }
}

/// Short element texts collected once, for finding values by the caption written next to them
/// ("Member since Mar 2019", "£35/hr Hourly rate").
pub struct Captions {
    /// (index of the selector, the selector, the element's text, its descendants' texts), in selector order then
    /// document order.
    texts: Vec<(usize, &'static str, String, Vec<String>)>,
}

impl Captions {
    /// Collects the texts (at most `max_len` bytes each) of the elements matching `scan`, inside `scope`, that
    /// contain one of `captions` (case-insensitive). Selectors are tried narrow to wide; a match for an earlier
    /// selector wins over a later one.
    pub fn collect(
        page: &dyn Page,
        scope: Option<Node>,
        scan: &[&'static str],
        max_len: usize,
        captions: &[&[&str]],
    ) -> Self {
        let mut wanted: Vec<String> = Vec::new();
        for group in captions {
            for c in *group {
                wanted.push(lowercase(c));
            }
        }
        let mut texts = Vec::new();
        let mut budget = TEXT_BUDGET;
        'outer: for (i, css) in scan.iter().enumerate() {
            for node in page.select(scope, css).into_iter().take(SCAN_LIMIT) {
                let raw = page.raw_text(node);
                budget = budget.saturating_sub(raw.len());
                if budget == 0 {
                    break 'outer;
                }
                if raw.len() > max_len * 4 {
                    continue;
                }
                let t = visible_text(page, node);
                let lower = lowercase(&t);
                if !t.is_empty() && t.len() <= max_len && wanted.iter().any(|w| lower.contains(w)) {
                    // The DOM's text runs a label element into its value ("Member sinceMar 2019"): the
                    // descendants' own texts tell where the label ends.
                    let mut parts = Vec::new();
                    for c in page.select(Some(node), "*").into_iter().take(20) {
                        let c = visible_text(page, c);
                        if !c.is_empty() && c.len() < t.len() {
                            parts.push(c);
                        }
                    }
                    texts.push((i, *css, t, parts));
                }
            }
        }
        Captions { texts }
    }

    /// Reads each row whose field the draft does not hold yet: the value written next to one of the row's
    /// captions that its `read` accepts, from the smallest element of the first selector that has one; the
    /// source names the selector and the caption.
    pub fn read_fields(&self, d: &mut Draft, rows: &[CaptionField]) {
        for row in rows {
            if !d.wants(row.field) {
                continue;
            }
            // Each accepted value beats the one stored before it, so the last one stored is the best.
            let read = row.read;
            let p = &mut d.p;
            if let Some(src) = self.find_taken(row.captions, &mut |value| read(value, p)) {
                d.note(row.field, src);
            }
        }
    }

    /// The source of [`Captions::read_fields`]'s value; `take` is offered each candidate value that beats
    /// the last one it accepted.
    fn find_taken(&self, captions: &[&str], take: &mut dyn FnMut(&str) -> bool) -> Option<String> {
        let mut best: Option<(usize, usize, String)> = None;
        for (i, css, t, parts) in &self.texts {
            if let Some((bi, ..)) = &best {
                if bi != i {
                    break;
                }
            }
            if best.as_ref().is_some_and(|b| b.1 <= t.len()) {
                continue;
            }
            for cap in captions {
                let value = beside_caption(t, cap)
                    .map(str::to_string)
                    .or_else(|| beside_label(t, parts, cap));
                if value.as_deref().is_some_and(&mut *take) {
                    best = Some((*i, t.len(), format!("{css} \"{cap}\"")));
                    break;
                }
            }
        }
        best.map(|(_, _, src)| src)
    }
}

/// The text beside `caption` when `t` starts or ends with it as whole words: "Member since: Mar 2019" → "Mar 2019",
/// "124 Projects completed" → "124".
pub fn beside_caption<'a>(t: &'a str, caption: &str) -> Option<&'a str> {
    let n = caption.len();
    if t.len() <= n || n == 0 {
        return None;
    }
    let head = t.get(..n);
    if head.is_some_and(|h| h.eq_ignore_ascii_case(caption))
        && !t[n..].starts_with(|c: char| c.is_alphanumeric())
    {
        let rest = trim_separators(&t[n..]);
        return (!rest.is_empty()).then_some(rest);
    }
    let cut = t.len() - n;
    let tail = t.get(cut..);
    if tail.is_some_and(|h| h.eq_ignore_ascii_case(caption))
        && !t[..cut].ends_with(|c: char| c.is_alphanumeric())
    {
        let rest = trim_separators(&t[..cut]);
        return (!rest.is_empty()).then_some(rest);
    }
    None
}

/// `t` without the spaces and separators (":", "·", "|", dashes) around it. A hyphen counts only with a space after
/// or before it, so "-$5" stays negative (and is then refused by the parsers).
fn trim_separators(t: &str) -> &str {
    let mut t = t.trim();
    loop {
        let before = t.len();
        t = t.trim_matches(|c: char| matches!(c, ':' | '–' | '—' | '·' | '|') || c.is_whitespace());
        if let Some(r) = t.strip_prefix("- ") {
            t = r;
        }
        if let Some(r) = t.strip_suffix(" -") {
            t = r;
        }
        if t.len() == before {
            return t;
        }
    }
}

/// The text of an element without its label child: a descendant whose whole text is `caption` (a colon after it
/// allowed) at the start or the end of `t`.
fn beside_label(t: &str, parts: &[String], caption: &str) -> Option<String> {
    let label = parts.iter().find(|p| {
        let p = p.trim_end_matches(':').trim();
        p.len() == caption.len() && p.eq_ignore_ascii_case(caption)
    })?;
    let rest = match t.strip_prefix(label.as_str()) {
        Some(r) => r,
        None => t.strip_suffix(label.as_str())?,
    };
    let rest = trim_separators(rest);
    (!rest.is_empty()).then(|| rest.to_string())
}

/// Label/value rows: for each row, the first label and value element's texts, with the row selector.
pub fn pairs(
    page: &dyn Page,
    rows: &[&str],
    label: &[&str],
    value: &[&str],
) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for css in rows {
        for row in page.select(None, css).into_iter().take(100) {
            let l = first_value(page, Some(row), label, |t| text::clean(t, MAX_SHORT));
            let v = first_value(page, Some(row), value, |t| text::clean(t, MAX_TITLE));
            if let (Some(l), Some(v)) = (l, v) {
                out.push((l, v, css.to_string()));
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    out
}

/// Whether a label names one of `captions` (case-insensitive, whole words at its start).
pub fn label_is(label: &str, captions: &[&str]) -> bool {
    let l = label.trim().trim_end_matches(':').trim();
    captions.iter().any(|c| {
        l.len() >= c.len()
            && l.get(..c.len()).is_some_and(|h| h.eq_ignore_ascii_case(c))
            && !l[c.len()..].starts_with(|x: char| x.is_alphanumeric())
    })
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

pub const LD_SRC: &str = "script[type=application/ld+json] Person";

/// Fills name, title, overview, location and links from the first `Person` in the page's JSON-LD: at the top
/// level, in `@graph`, or as a page's `mainEntity` / `about` (never a review's author or another nested
/// person).
pub fn read_ld_person(page: &dyn Page, d: &mut Draft) {
    for node in page
        .select(None, "script[type=\"application/ld+json\"]")
        .into_iter()
        .take(20)
    {
        let raw = page.raw_text(node);
        if raw.len() > MAX_LD_BYTES {
            continue;
        }
        let Ok(v) = crate::json::from_str(&raw) else {
            continue;
        };
        let mut budget = 10_000usize;
        if let Some(p) = find_person(&v, 0, &mut budget) {
            read_person(p, d);
            return;
        }
    }
}

fn is_type(v: &Value, name: &str) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => t.eq_ignore_ascii_case(name),
        Some(Value::Array(a)) => {
            for t in a.iter().take(10) {
                if t.as_str().is_some_and(|t| t.eq_ignore_ascii_case(name)) {
                    return true;
                }
            }
            false
        }
        _ => false,
    }
}

fn find_person<'a>(v: &'a Value, depth: usize, budget: &mut usize) -> Option<&'a Value> {
    if depth > 16 || *budget == 0 {
        return None;
    }
    *budget -= 1;
    match v {
        Value::Object(map) => {
            if is_type(v, "Person") {
                return Some(v);
            }
            // Only where a page states whom it is about: a review's author or a product's seller is someone else.
            for k in ["mainEntity", "@graph", "about"] {
                if let Some(found) = map.get(k).and_then(|x| find_person(x, depth + 1, budget)) {
                    return Some(found);
                }
            }
            None
        }
        Value::Array(a) => {
            for x in a {
                if let Some(found) = find_person(x, depth + 1, budget) {
                    return Some(found);
                }
            }
            None
        }
        _ => None,
    }
}

fn json_text(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s),
        Value::Array(a) => a.first().and_then(json_text),
        Value::Object(o) => o.get("name").and_then(Value::as_str),
        _ => None,
    }
}

/// A `Person`'s text fields: the key, the field, how the text is read into the profile.
const LD_TEXT_FIELDS: [(&str, Field, TextReader); 3] = [
    ("name", Field::Name, read_name),
    ("jobTitle", Field::Title, |t, p| {
        put(&mut p.title, text::clean(t, MAX_TITLE))
    }),
    ("description", Field::Overview, read_overview),
];

fn read_person(p: &Value, d: &mut Draft) {
    for (key, field, read) in LD_TEXT_FIELDS {
        let text = p.get(key).and_then(json_text);
        if d.wants(field) && text.is_some_and(|t| read(t, &mut d.p)) {
            d.note(field, format!("{LD_SRC}.{key}"));
        }
    }
    if d.wants(Field::Location) && put(&mut d.p.location, person_location(p)) {
        d.note(Field::Location, format!("{LD_SRC}.address"));
    }
    // `url` and `sameAs`, canonical.
    let mut pages: Vec<String> = Vec::new();
    let mut has_pages = false;
    for key in ["url", "sameAs"] {
        match p.get(key) {
            Some(Value::String(u)) => {
                has_pages = true;
                pages.extend(text::normalize_url(u));
            }
            Some(Value::Array(a)) => {
                has_pages = true;
                for u in a.iter().take(50) {
                    if let Some(u) = u.as_str() {
                        pages.extend(text::normalize_url(u));
                    }
                }
            }
            _ => {}
        }
    }
    if has_pages {
        d.links_read(format!("{LD_SRC}.url/sameAs"));
        d.add_links(pages);
    }
}

/// A `Person`'s address: a text, or a `PostalAddress`.
fn person_location(p: &Value) -> Option<Location> {
    let address = p
        .get("address")
        .or_else(|| p.get("homeLocation").and_then(|h| h.get("address")))
        .or_else(|| p.get("homeLocation"));
    match address {
        Some(Value::String(s)) => place(s, false),
        Some(a @ Value::Object(_)) => {
            let get = |k: &str| a.get(k).and_then(json_text);
            let city = match (get("addressLocality"), get("addressRegion")) {
                (Some(c), Some(r)) if !r.is_empty() && r != c => Some(format!("{c}, {r}")),
                (Some(c), _) => Some(c.to_string()),
                (None, _) => None,
            };
            let country = get("addressCountry");
            // A two-letter country is a code; the name is then the code's name.
            let code =
                country.filter(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()));
            let name = match code {
                Some(c) => crate::countries::name_of(c).or(Some(c)),
                None => country,
            };
            location(city.as_deref(), name, code)
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Head: og:title and <title>

/// "Jane D. - Senior PHP Developer | Guru" → (name, title), dropping the segments that name the site.
pub fn split_head_title(t: &str, site_words: &[&str]) -> (Option<String>, Option<String>) {
    let mut pieces: Vec<&str> = vec![t];
    for sep in [" | ", " - ", " – ", " — ", " · "] {
        let mut split = Vec::new();
        for p in pieces {
            for piece in p.split(sep) {
                split.push(piece);
            }
        }
        pieces = split;
    }
    let mut parts: Vec<&str> = Vec::new();
    for p in pieces {
        let p = p.trim();
        if !p.is_empty() && !names_site(p, site_words) {
            parts.push(p);
            if parts.len() == 8 {
                break;
            }
        }
    }
    let name = parts
        .first()
        .and_then(|n| text::clean(n, MAX_NAME))
        .filter(|n| plausible_name(n));
    let title = name
        .as_ref()
        .and(parts.get(1))
        .and_then(|t| text::clean(t, MAX_TITLE));
    (name, title)
}

/// Whether a head segment is the site's name ("Guru", "Guru.com", "Toptal®"); a person called "Guru Prasad" is not.
fn names_site(segment: &str, site_words: &[&str]) -> bool {
    let l = lowercase(segment.trim_matches(|c: char| !c.is_alphanumeric()));
    let l = l.strip_suffix(".com").unwrap_or(&l);
    site_words.contains(&l)
}

/// Name and title from `og:title`, then `<title>`; segments naming the site (`site_words`, lower case) are dropped.
/// The last resort: the format of these heads is not documented.
pub fn read_head(page: &dyn Page, d: &mut Draft, site_words: &[&str]) {
    let heads = [
        ("meta[property=og:title]", page.meta("og:title")),
        ("<title>", page.first_text(None, &["title"])),
    ];
    for (src, t) in heads {
        let Some(t) = t else { continue };
        let (name, title) = split_head_title(&t, site_words);
        // A title only counts beside the name the profile has (or is about to have).
        let beside_name = d.p.name.is_none() || name == d.p.name;
        if d.wants(Field::Name) && put(&mut d.p.name, name) {
            d.note(Field::Name, src);
        }
        if beside_name && d.wants(Field::Title) && put(&mut d.p.title, title) {
            d.note(Field::Title, src);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Values

/// A person's name as a page shows it: letters, at most eight words, no address or link.
pub fn plausible_name(n: &str) -> bool {
    n.chars().any(char::is_alphabetic)
        && !n.contains('@')
        && !n.contains("://")
        && n.split_whitespace().count() <= 8
        && !n.chars().any(|c| c.is_ascii_digit())
}

pub fn name(t: &str) -> Option<String> {
    text::clean(t, MAX_NAME).filter(|n| plausible_name(n))
}

pub fn title(t: &str) -> Option<String> {
    text::clean(t, MAX_TITLE).filter(|t| t.chars().any(char::is_alphabetic))
}

/// "Wellington, New Zealand" → city and country; "Menasha, WI, United States" → city "Menasha, WI".
/// With `known_country`, the last part must be a country HireCheck recognises (for text found by caption).
pub fn place(t: &str, known_country: bool) -> Option<Location> {
    let t = t
        .trim()
        .trim_matches(|c: char| c == ',' || c == '.' || c.is_whitespace());
    if t.is_empty() || t.len() > 2 * MAX_PLACE || t.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let (city, country) = match crate::text::rsplit_once_byte(t, b',') {
        Some((c, k)) => (Some(c.trim()).filter(|c| !c.is_empty()), k.trim()),
        None => (None, t),
    };
    if country.is_empty() || country.chars().count() > 60 {
        return None;
    }
    if known_country && crate::countries::iso2_from_name(country).is_none() {
        return None;
    }
    location(city, Some(country), None)
}

/// An hourly rate written as the page shows it ("£35/hr", "$40 per hour"), currency kept.
pub fn rate(t: &str) -> Option<crate::model::Money> {
    text::parse_rate(t).and_then(plausible_rate)
}

// The readers that several sites' field tables share ([`TextReader`]s: parse the text, store the value).

pub fn read_name(t: &str, p: &mut Profile) -> bool {
    put(&mut p.name, name(t))
}

pub fn read_title(t: &str, p: &mut Profile) -> bool {
    put(&mut p.title, title(t))
}

pub fn read_overview(t: &str, p: &mut Profile) -> bool {
    put(&mut p.overview, text::clean(t, MAX_OVERVIEW))
}

pub fn read_member_since(t: &str, p: &mut Profile) -> bool {
    put(&mut p.member_since, text::parse_year_month(t))
}

pub fn read_rate(t: &str, p: &mut Profile) -> bool {
    put(&mut p.hourly_rate, rate(t))
}

/// A place written in the profile's own element: any last part is taken as the country.
pub fn read_place(t: &str, p: &mut Profile) -> bool {
    put(&mut p.location, place(t, false))
}

/// A place found by its caption: only a country HireCheck recognises makes it a place.
pub fn read_captioned_place(t: &str, p: &mut Profile) -> bool {
    put(&mut p.location, place(t, true))
}

/// A rating out of 5; percentages ("98%") are read as a share of 5.
pub fn rating(t: &str) -> Option<f64> {
    if let Some(p) = text::parse_percent(t) {
        return plausible_rating(f64::from(p) / 20.0);
    }
    text::parse_rating(t).and_then(plausible_rating)
}

/// The client's words without the quotation marks the page wraps them in.
pub fn strip_quotes(t: &str) -> &str {
    let t = t.trim();
    const PAIRS: [(char, char); 6] = [
        ('"', '"'),
        ('\u{201C}', '\u{201D}'),
        ('\u{201E}', '\u{201C}'),
        ('\u{2018}', '\u{2019}'),
        ('\'', '\''),
        ('«', '»'),
    ];
    for (open, close) in PAIRS {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            if !inner.contains(open) && !inner.contains(close) {
                return inner.trim();
            }
        }
    }
    t
}

// ---------------------------------------------------------------------------------------------
// Reviews and feedback as entries

/// Where reviews sit and what each shows, as selector fallback chains.
pub struct EntrySelectors {
    /// The review section; present with no item and hardly any text means "no reviews".
    pub sections: &'static [&'static str],
    pub items: &'static [&'static str],
    pub title: &'static [&'static str],
    pub date: &'static [&'static str],
    pub rating: &'static [&'static str],
    pub amount: &'static [&'static str],
    pub feedback: &'static [&'static str],
}

/// Reviews as work entries: title, the review's date as the end, rating, amount paid and the client's words.
/// Start dates, hours and contract kinds are not shown, so they stay unknown.
pub fn read_entries(page: &dyn Page, d: &mut Draft, sel: &EntrySelectors) {
    if !d.wants(Field::WorkHistory) {
        return;
    }
    for section in sel.sections {
        let Some(node) = page.select(None, section).into_iter().next() else {
            continue;
        };
        for item in sel.items {
            let nodes = page.select(Some(node), item);
            if nodes.is_empty() {
                continue;
            }
            let mut entries: Vec<WorkEntry> = Vec::new();
            for n in nodes.into_iter().take(MAX_ENTRIES) {
                let e = entry(page, n, sel);
                if e.title.is_some() || e.end.is_some() || e.feedback.is_some() {
                    entries.push(e);
                }
            }
            if !entries.is_empty() {
                d.p.work_history = Some(entries);
                d.note(Field::WorkHistory, format!("{section} {item}"));
                return;
            }
        }
        // A section with only its heading or a "no reviews yet" line: read, and empty.
        let t = visible_text(page, node);
        if t.len() <= 80 && !t.chars().any(|c| c.is_ascii_digit()) {
            d.p.work_history = Some(Vec::new());
            d.note(Field::WorkHistory, format!("{section} (no reviews)"));
        }
        return;
    }
}

fn entry(page: &dyn Page, item: Node, sel: &EntrySelectors) -> WorkEntry {
    let mut e = WorkEntry::default();
    let at = Some(item);
    read_into(page, at, sel.feedback, &mut e, |t, e| {
        put(&mut e.feedback, entry_feedback(t))
    });
    read_into(page, at, sel.title, &mut e, |t, e| {
        put(&mut e.title, title(t))
    });
    read_into(page, at, sel.date, &mut e, |t, e| {
        put(&mut e.end, text::parse_date(t))
    });
    read_into(page, at, sel.rating, &mut e, |t, e| {
        put(&mut e.rating, rating(t))
    });
    read_into(page, at, sel.amount, &mut e, |t, e| {
        let paid = text::parse_money(t).and_then(plausible_earnings);
        put(&mut e.earnings, paid)
    });
    e
}

/// The client's words, unless the page says there are none.
fn entry_feedback(t: &str) -> Option<String> {
    let t = text::clean(strip_quotes(t), MAX_FEEDBACK)?;
    let l = lowercase(&t);
    (!l.starts_with("no feedback") && !l.starts_with("no comment")).then_some(t)
}

// ---------------------------------------------------------------------------------------------
// Addresses: page kind, profile key, sniffing

/// Whether `host` (lower case, without "www.") is `domain` or under it.
pub fn on_host(host: &str, domain: &str) -> bool {
    text::host_is_under(host, domain)
}

/// The path's non-empty segments (at most 8), query and fragment dropped.
pub fn segments(path: &str) -> Vec<&str> {
    let path = crate::text::before_any(path, b"?#");
    let mut segs = Vec::new();
    for s in path.split('/') {
        if !s.is_empty() {
            segs.push(s);
            if segs.len() == 8 {
                break;
            }
        }
    }
    segs
}

/// The addresses a page states for itself: its own address, then `og:url`, then the canonical link. After
/// in-place navigation the head can still describe the previous page, which is why the page's address comes first.
pub fn own_addresses(page: &dyn Page) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    out.extend(page.url());
    out.extend(head_addresses(page));
    out
}

/// The addresses the page's head states for it: `og:url`, then the canonical link.
pub fn head_addresses(page: &dyn Page) -> Vec<String> {
    let mut out = Vec::new();
    out.extend(page.meta("og:url"));
    out.extend(canonical_link(page));
    out
}

/// The target of the page's first canonical link that has one.
fn canonical_link(page: &dyn Page) -> Option<String> {
    for n in page.select(None, "link[rel=canonical]") {
        if let Some(href) = page.attr(n, "href") {
            return Some(href);
        }
    }
    None
}

/// "<site>:<id>" from the first of the page's own addresses on `domain` whose path `id` accepts.
pub fn profile_key(
    page: &dyn Page,
    site: &str,
    domain: &str,
    id: fn(&str) -> Option<String>,
) -> Option<String> {
    for u in own_addresses(page) {
        let Some((host, path)) = host_and_path(&u) else {
            continue;
        };
        if on_host(&host, domain) {
            if let Some(i) = id(&path) {
                return Some(format!("{site}:{i}"));
            }
        }
    }
    None
}

/// A saved page's kind from the address its head states, or `Profile` when it has one of `markers`.
pub fn sniff(
    page: &dyn Page,
    domain: &str,
    kind: fn(&str) -> PageKind,
    markers: &[&str],
) -> Option<PageKind> {
    for url in head_addresses(page) {
        if let Some((host, path)) = host_and_path(&url) {
            if on_host(&host, domain) {
                let k = kind(&path);
                if k != PageKind::Unknown {
                    return Some(k);
                }
            }
        }
    }
    for css in markers {
        if !page.select(None, css).is_empty() {
            return Some(PageKind::Profile);
        }
    }
    None
}

/// A slug as profile addresses use it: letters, digits, '-', '_' and '.', 2–100 bytes, with a letter or digit.
pub fn is_slug(s: &str) -> bool {
    (2..=100).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        && s.bytes().any(|b| b.is_ascii_alphanumeric())
}

/// Whether an address belongs to the marketplace (one of `platform`'s domains), not to the freelancer.
fn is_platform(platform: &[&str], address: &str) -> bool {
    let Some(host) = text::address_host(address) else {
        return true;
    };
    let host = host.strip_prefix("www.").unwrap_or(host);
    platform.iter().any(|d| text::host_is_under(host, d))
}

/// The absolute `http(s)` and `mailto:` targets of the first [`MAX_ANCHORS`] links below `node`,
/// normalized (every adapter reads a section's links this way).
pub fn anchor_addresses(page: &dyn Page, node: Node) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for a in page
        .select(Some(node), "a[href]")
        .into_iter()
        .take(MAX_ANCHORS)
    {
        let Some(href) = page.attr(a, "href") else {
            continue;
        };
        let href = href.trim();
        let address = if href
            .get(..7)
            .is_some_and(|p| p.eq_ignore_ascii_case("mailto:"))
        {
            text::normalize_email(href)
        } else {
            text::normalize_url(href)
        };
        found.extend(address);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reverse_search_as_std() {
        let cases = [
            ("a by b by c", " by "),
            (" by by ", " by "),
            ("aaaa", "aa"),
            ("Ana (@ana)", "(@"),
            ("Über – freelancer – freelancer", " – freelancer"),
            ("none here", " in "),
            ("ünï", ""),
            ("", "x"),
        ];
        for (hay, needle) in cases {
            assert_eq!(
                rfind_str(hay, needle),
                hay.rfind(needle),
                "{hay:?} {needle:?}"
            );
            assert_eq!(
                rsplit_once_str(hay, needle),
                hay.rsplit_once(needle),
                "{hay:?} {needle:?}"
            );
        }
    }

    #[test]
    fn captions_on_either_side() {
        assert_eq!(
            beside_caption("Member since: Mar 2019", "Member since"),
            Some("Mar 2019")
        );
        assert_eq!(
            beside_caption("124 Projects completed", "Projects completed"),
            Some("124")
        );
        assert_eq!(beside_caption("Rated 5 stars", "Rate"), None);
        assert_eq!(beside_caption("Member since", "Member since"), None);
        assert_eq!(beside_caption("", ""), None);
        assert_eq!(beside_caption("ÄÖÜ member", "Member since"), None);
        assert!(label_is("Member since:", &["member since"]));
        assert!(!label_is("Membership", &["member"]));
    }

    #[test]
    fn head_titles_and_places() {
        assert_eq!(
            split_head_title("Marta K. - WordPress Developer | Guru", &["guru"]),
            (
                Some("Marta K.".to_string()),
                Some("WordPress Developer".to_string())
            )
        );
        assert_eq!(
            split_head_title("Find freelancers | Guru", &["guru"]).1,
            None
        );
        assert_eq!(
            split_head_title("Guru Prasad - Web Developer - Guru.com", &["guru"]).0,
            Some("Guru Prasad".to_string()),
            "a name that contains the site's name is still a name"
        );
        assert_eq!(
            split_head_title("Ana Lee | Toptal®", &["toptal"]),
            (Some("Ana Lee".to_string()), None)
        );
        let l = place("Menasha, WI, United States", true).unwrap();
        assert_eq!(
            (l.city.as_deref(), l.country.as_deref()),
            (Some("Menasha, WI"), Some("US"))
        );
        assert!(place("Engineering", true).is_none());
        assert!(place("Flat 3, 12 High St", false).is_none());
        assert_eq!(rating("98%"), Some(4.9));
        assert_eq!(rating("4.8 out of 5"), Some(4.8));
        assert_eq!(rating("250%"), None);
    }

    #[test]
    fn json_ld_person_anywhere() {
        let v: Value = crate::json::from_str(
            r#"{"@graph":[{"@type":"WebSite"},{"@type":"ProfilePage","mainEntity":{"@type":["Person"],"name":"Ana"}}]}"#,
        )
        .unwrap();
        let mut budget = 100;
        assert_eq!(
            find_person(&v, 0, &mut budget)
                .and_then(|p| p.get("name"))
                .and_then(Value::as_str),
            Some("Ana")
        );
        // A review's author is not the profile's person.
        let v: Value = crate::json::from_str(
            r#"{"@type":"Product","review":[{"@type":"Review","author":{"@type":"Person","name":"Buyer"}}]}"#,
        )
        .unwrap();
        let mut budget = 100;
        assert!(find_person(&v, 0, &mut budget).is_none());
        // Deep nesting stops at the depth cap instead of overflowing the stack.
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        if let Ok(v) = crate::json::from_str(&deep) {
            let mut budget = 10_000;
            assert!(find_person(&v, 0, &mut budget).is_none());
        }
    }
}
