//! Sources (B) head meta, (C) rendered DOM, and the `<title>` fallback.

use super::selectors as sel;
use super::{ascii_run, fill, first_attr, first_matching, location, put, Builder};
use super::{
    plausible_earnings, plausible_entry_hours, plausible_jobs, plausible_rate, plausible_rating,
    plausible_total_hours,
};
use super::{MAX_FEEDBACK, MAX_NAME, MAX_OVERVIEW, MAX_PLACE, MAX_SHORT, MAX_TITLE};
use crate::case::lowercase;
use crate::model::{ContractKind, Field, Language, Money, Profile, WorkEntry};
use crate::page::{squash, Node, Page, PageExt};
use crate::sites::dom_read::{first_taken, smallest_taken};
use crate::sites::generic::{anchor_addresses, strip_quotes, visible_text};
use crate::text;

const HOUR_UNITS: &[&str] = &["hours", "hour", "hrs", "hr"];

/// `page.select(scope, css)`. In the whole document, a selector that starts with an id and a combinator
/// (`#location-time-vertical .flex-shrink-0 span`) is run below the element with that id instead: every
/// match lies below it, so the elements and their order are the same, but the whole selector is not
/// tried on every element of the page (from each `span` of a long work history up to the root).
fn select_in(page: &dyn Page, scope: Option<Node>, css: &str) -> Vec<Node> {
    let Some(id) = scope.is_none().then(|| leading_id(css)).flatten() else {
        return page.select(scope, css);
    };
    let scopes = page.select(None, id);
    if scopes.len() > 1 {
        // Elements that share an id may nest (and their matches repeat): the whole document, once.
        return page.select(None, css);
    }
    let mut found = Vec::new();
    for s in scopes {
        found.extend(page.select(Some(s), css));
    }
    found
}

/// "#main" in "#main .x" or "#main > .x": a leading id followed by a combinator, in one selector (no list).
fn leading_id(css: &str) -> Option<&str> {
    let rest = css.strip_prefix('#')?;
    let len = ascii_run(rest, |b| {
        b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
    });
    if len == 0 {
        return None;
    }
    let after = rest.get(len..)?;
    let combinator = after.starts_with(' ') || after.starts_with('>');
    (combinator && !css.contains(',')).then(|| css.get(..len + 1))?
}

fn starts_with_caption(t: &str, caption: &str) -> bool {
    t.get(..caption.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(caption))
}

// ---- (B) head meta ----

/// `og:title` (name), `og:description` (title), `product:price:*` (rate), meta description (jobs).
pub fn read_meta(page: &dyn Page, b: &mut Builder) {
    let name = page.meta("og:title").and_then(|t| name_from_og_title(&t));
    b.fill_text(Field::Name, name, "meta[property=og:title]");
    if b.wants(Field::Title) {
        let title = page.meta("og:description").and_then(|d| {
            // Short professional title only: not the overview, not the "has completed N jobs" sentence.
            let t = text::clean(&d, MAX_TITLE)?;
            let ok = t.chars().count() <= 150
                && !t.contains("has completed")
                && !is_name(&t, b.p.name.as_deref());
            ok.then_some(t)
        });
        b.fill_text(Field::Title, title, "meta[property=og:description]");
    }
    fill!(
        b,
        Field::HourlyRate,
        hourly_rate,
        "meta[property=product:price:amount]",
        page.meta("product:price:amount").and_then(|a| {
            let amount = text::parse_number(&a)?;
            let currency = page
                .meta("product:price:currency")
                .map(|c| c.trim().to_ascii_uppercase())
                .unwrap_or_else(|| "USD".to_string());
            plausible_rate(Money { amount, currency })
        })
    );
    // "Sergii C. has completed 26 jobs on Upwork."
    fill!(
        b,
        Field::TotalJobs,
        total_jobs,
        "meta[name=description]",
        page.meta("description").and_then(|d| {
            let at = d.find("has completed ")?;
            let rest = d.get(at + "has completed ".len()..)?;
            let n = text::parse_quantity(rest, &["jobs", "job"])?;
            rest.trim_start()
                .starts_with(|c: char| c.is_ascii_digit())
                .then_some(())?;
            plausible_jobs(n)
        })
    );
}

/// `og:title` is the display name; strip a site suffix if one was appended.
fn name_from_og_title(t: &str) -> Option<String> {
    let t = t
        .split(" - Upwork")
        .next()
        .unwrap_or(t)
        .split(" | Upwork")
        .next()
        .unwrap_or(t);
    let t = text::clean(t, MAX_NAME)?;
    (!t.eq_ignore_ascii_case("upwork")).then_some(t)
}

fn is_name(t: &str, name: Option<&str>) -> bool {
    name.is_some_and(|n| n.eq_ignore_ascii_case(t))
}

// ---- `<title>` ----

/// "Name - Title - Upwork Freelancer from City, Country".
pub fn read_title(page: &dyn Page, b: &mut Builder) {
    if ![Field::Name, Field::Title, Field::Location]
        .iter()
        .any(|f| b.wants(*f))
    {
        return; // all three read from better sources
    }
    let Some(raw) = page.first_text(None, &["title"]) else {
        return;
    };
    let Some((name, title, loc)) = parse_title(&raw) else {
        return;
    };
    b.fill_text(Field::Name, name, "<title>");
    b.fill_text(Field::Title, title, "<title>");
    fill!(
        b,
        Field::Location,
        location,
        "<title>",
        loc.and_then(|(city, country)| location(city.as_deref(), Some(&country), None))
    );
}

type TitleParts = (
    Option<String>,
    Option<String>,
    Option<(Option<String>, String)>,
);

/// A heading without its trailing count: "Portfolio (6)" → "Portfolio".
fn without_count(t: &str) -> &str {
    let mut end = t.len();
    // Digits, parentheses and spaces are ASCII: every cut is on a char boundary.
    while let Some(last) = end.checked_sub(1) {
        if !matches!(
            t.as_bytes().get(last),
            Some(b'0'..=b'9' | b'(' | b')' | b' ')
        ) {
            break;
        }
        end = last;
    }
    t.get(..end).unwrap_or(t)
}

fn parse_title(raw: &str) -> Option<TitleParts> {
    const MARK: &str = "Upwork Freelancer";
    let at = raw.find(MARK)?;
    let mut left = raw.get(..at)?.trim_end();
    // The separators before the mark, one char at a time (no reverse searcher for a char set).
    while let Some(c) = left
        .chars()
        .next_back()
        .filter(|c| matches!(c, '-' | '|' | '–'))
    {
        left = left.get(..left.len() - c.len_utf8())?;
    }
    let left = left.trim_end();
    let right = raw.get(at + MARK.len()..)?.trim();
    let (name, title) = match left.split_once(" - ") {
        Some((n, t)) => (text::clean(n, MAX_NAME), text::clean(t, MAX_TITLE)),
        None => (text::clean(left, MAX_NAME), None),
    };
    let loc = right.strip_prefix("from").map(str::trim).and_then(|place| {
        let (city, country) = match crate::text::rsplit_once_byte(place, b',') {
            Some((c, k)) => (text::clean(c, MAX_PLACE), k.trim()),
            None => (None, place),
        };
        Some((city, text::clean(country, MAX_PLACE)?))
    });
    Some((name, title, loc))
}

// ---- (C) rendered DOM ----

/// A field read from an element's text: `read` parses the text and, when it is a value, stores it in the
/// profile and returns true. One plain function per field, so that one loop reads every row (a generic
/// reader per field would be one more copy of the loop each).
type Read = fn(&str, &mut Profile) -> bool;

/// A field whose value is the first element, of the first of `selectors`, whose text `read` accepts.
struct TextRow {
    field: Field,
    selectors: &'static [&'static str],
    read: Read,
}

/// A field found by scanning `selectors` for the smallest element (text of at most `max_len` bytes) that
/// `read` accepts: the value itself, not a container that also holds it. `note` follows the selector
/// in the evidence.
struct ScanRow {
    field: Field,
    selectors: &'static [&'static str],
    max_len: usize,
    read: Read,
    note: &'static str,
}

/// The name's places, read before the photo's alt text.
const NAME_ROWS: &[TextRow] = &[TextRow {
    field: Field::Name,
    selectors: sel::NAME,
    read: |t, p| put(&mut p.name, text::clean(t, MAX_NAME)),
}];

/// The other fields with documented places, each row after the sources of its field read before it.
const TEXT_ROWS: &[TextRow] = &[
    // Title: never the name, never a section heading.
    TextRow {
        field: Field::Title,
        selectors: sel::TITLE,
        read: read_title_text,
    },
    // Rate: documented places (then the first "$x/hr" in narrow-to-wide scopes, below).
    TextRow {
        field: Field::HourlyRate,
        selectors: sel::RATE,
        read: |t, p| {
            put(
                &mut p.hourly_rate,
                text::parse_rate(t).and_then(plausible_rate),
            )
        },
    },
    // After the city and country microdata.
    TextRow {
        field: Field::Location,
        selectors: sel::LOCATION_LINE,
        read: |t, p| {
            let place = split_location_line(t);
            let loc =
                place.and_then(|(city, country)| location(city.as_deref(), Some(&country), None));
            put(&mut p.location, loc)
        },
    },
    TextRow {
        field: Field::LocalTime,
        selectors: sel::LOCAL_TIME,
        read: |t, p| put(&mut p.local_time, text::parse_clock(t)),
    },
    TextRow {
        field: Field::LocalTime,
        selectors: sel::LOCATION_LINE,
        read: |t, p| put(&mut p.local_time, text::parse_local_time(t)),
    },
    TextRow {
        field: Field::JobSuccess,
        selectors: sel::JSS_TEXT,
        read: |t, p| put(&mut p.job_success, text::parse_percent(t)),
    },
    TextRow {
        field: Field::HoursPerWeek,
        selectors: sel::HOURS_PER_WEEK,
        read: |t, p| put(&mut p.hours_per_week, text::parse_availability(t)),
    },
];

/// Fields found by their caption or wording, after the rows above.
const SCAN_ROWS: &[ScanRow] = &[
    ScanRow {
        field: Field::LocalTime,
        selectors: sel::LOCAL_TIME_SCAN,
        max_len: 160,
        read: |t, p| {
            lowercase(t).contains("local time") && put(&mut p.local_time, text::parse_local_time(t))
        },
        note: " with \"… local time\"",
    },
    ScanRow {
        field: Field::HoursPerWeek,
        selectors: sel::CAPTION_SCAN,
        max_len: 300,
        read: |t, p| {
            let value = after_caption(t, "Hours per week").and_then(text::parse_availability);
            put(&mut p.hours_per_week, value)
        },
        note: " captioned \"Hours per week\"",
    },
    // Placement UNCERTAIN: found by caption.
    ScanRow {
        field: Field::MemberSince,
        selectors: sel::MEMBER_SINCE_SCAN,
        max_len: 80,
        read: |t, p| {
            let value = after_caption(t, "Member since").and_then(text::parse_year_month);
            put(&mut p.member_since, value)
        },
        note: " captioned \"Member since\"",
    },
];

/// The title row: a title is never the name nor a section heading ("Portfolio (6)").
fn read_title_text(t: &str, p: &mut Profile) -> bool {
    let Some(t) = text::clean(t, MAX_TITLE) else {
        return false;
    };
    let bare = lowercase(without_count(&t));
    if sel::NOT_A_TITLE.contains(&bare.as_str()) || is_name(&t, p.name.as_deref()) {
        return false;
    }
    p.title = Some(t);
    true
}

/// The text after a caption written at its start, in any case: "Member since May 2019" → " May 2019".
fn after_caption<'t>(t: &'t str, caption: &str) -> Option<&'t str> {
    starts_with_caption(t, caption)
        .then(|| t.get(caption.len()..))
        .flatten()
}

/// Reads each wanted row's field from the whole page.
fn read_text_rows(page: &dyn Page, b: &mut Builder, rows: &[TextRow]) {
    for row in rows {
        if !b.wants(row.field) {
            continue;
        }
        let p = &mut b.p;
        if let Some(css) = first_taken(page, select_in, None, row.selectors, &mut |t| {
            (row.read)(t, p)
        }) {
            b.note(row.field, css);
        }
    }
}

/// Reads each wanted scan row's field from the whole page.
fn read_scan_rows(page: &dyn Page, b: &mut Builder, rows: &[ScanRow]) {
    for row in rows {
        if !b.wants(row.field) {
            continue;
        }
        let p = &mut b.p;
        let found = smallest_taken(
            page,
            select_in,
            None,
            row.selectors,
            row.max_len,
            &mut |t| (row.read)(t, p),
        );
        if let Some(css) = found {
            b.note(row.field, crate::text::concat(&[css, row.note]));
        }
    }
}

pub fn read_dom(page: &dyn Page, b: &mut Builder) {
    // Every field's sources in order of preference; a field's later sources run only while it is empty.
    read_location(page, b);
    read_text_rows(page, b, NAME_ROWS);
    fill!(
        b,
        Field::Name,
        name,
        text::concat(&[sel::NAME_FROM_PHOTO_ALT, "[alt]"]),
        first_attr(page, sel::NAME_FROM_PHOTO_ALT, "alt").and_then(|a| text::clean(&a, MAX_NAME))
    );
    read_text_rows(page, b, TEXT_ROWS);

    // Last resort for the rate: the first "$x/hr" in narrow-to-wide scopes.
    if b.wants(Field::HourlyRate) {
        for scope in sel::RATE_TEXT_SCOPES {
            let Some(node) = page.select(None, scope).into_iter().next() else {
                continue;
            };
            if let Some(rate) = text::parse_rate(&visible_text(page, node)).and_then(plausible_rate)
            {
                b.p.hourly_rate = Some(rate);
                b.note(
                    Field::HourlyRate,
                    crate::text::concat(&["\"$…/hr\" text in ", scope]),
                );
                break;
            }
        }
    }

    read_scan_rows(page, b, SCAN_ROWS);
    read_job_success(page, b);
    read_badges(page, b);
    read_stats(page, b);

    // Languages.
    if b.wants(Field::Languages) {
        for css in sel::LANGUAGES {
            let mut langs: Vec<Language> = Vec::new();
            for n in page.select(None, css).into_iter().take(50) {
                if let Some(l) = parse_language(&visible_text(page, n)) {
                    langs.push(l);
                }
            }
            if !langs.is_empty() {
                b.p.languages = Some(langs);
                b.note(Field::Languages, *css);
                break;
            }
        }
    }

    // ID verification: positive evidence only; its absence proves nothing.
    fill!(
        b,
        Field::IdVerified,
        id_verified,
        sel::ID_VERIFIED.first().copied().unwrap_or_default(),
        first_matching(page, sel::ID_VERIFIED).map(|_| true)
    );

    read_work(page, b);
    read_overview(page, b);
    read_links(page, b);
}

/// The overview: the first documented place with text that is not the title; a toggle's "more" is not part of it.
fn read_overview(page: &dyn Page, b: &mut Builder) {
    if !b.wants(Field::Overview) {
        return;
    }
    let title = b.p.title.clone();
    for css in sel::OVERVIEW {
        for node in select_in(page, None, css).into_iter().take(20) {
            let mut t = visible_text(page, node);
            for button in page.select(Some(node), "button").into_iter().take(5) {
                let label = visible_text(page, button);
                if !label.is_empty() && t.ends_with(&label) {
                    t.truncate(t.len() - label.len());
                }
            }
            let Some(t) = text::clean(&t, MAX_OVERVIEW) else {
                continue;
            };
            if title.as_deref() == Some(t.as_str()) {
                continue;
            }
            b.p.overview = Some(t);
            b.note(Field::Overview, *css);
            return;
        }
    }
}

/// Links in the profile's own content and addresses written in the sections that show sites: portfolio,
/// linked accounts, employment, certifications. Navigation and footer are outside every scope.
fn read_links(page: &dyn Page, b: &mut Builder) {
    let mut text_budget: usize = 500_000;
    for css in sel::LINK_SECTIONS {
        let nodes = page.select(None, css);
        if nodes.is_empty() {
            continue;
        }
        b.links_read(text::concat(&["a[href] and text in ", css]));
        for node in nodes.into_iter().take(100) {
            add_anchors(page, node, b);
            let t = visible_text(page, node);
            text_budget = text_budget.saturating_sub(t.len());
            if text_budget == 0 {
                break;
            }
            b.add_link_text(&t);
        }
    }
    if let Some((css, nodes)) = first_matching(page, sel::LINK_CONTAINERS) {
        b.links_read(text::concat(&["a[href] in ", css]));
        for node in nodes.into_iter().take(5) {
            add_anchors(page, node, b);
        }
        return;
    }
    for css in sel::LINK_SCOPES {
        let nodes = page.select(None, css);
        if nodes.is_empty() {
            continue;
        }
        b.links_read(text::concat(&["a[href] in ", css]));
        for node in nodes.into_iter().take(20) {
            add_anchors(page, node, b);
        }
    }
}

/// The absolute `http(s)` and `mailto:` targets of the links below `node`.
fn add_anchors(page: &dyn Page, node: Node, b: &mut Builder) {
    b.add_links(anchor_addresses(page, node));
}

/// The cleaned text of the first element of `selectors` that has text, with its selector.
fn first_clean(
    page: &dyn Page,
    selectors: &[&'static str],
    max: usize,
) -> Option<(String, &'static str)> {
    let mut found = None;
    let css = first_taken(page, select_in, None, selectors, &mut |t| {
        found = text::clean(t, max);
        found.is_some()
    })?;
    found.map(|v| (v, css))
}

/// Location from the city and country microdata (the location line is one of the text rows).
fn read_location(page: &dyn Page, b: &mut Builder) {
    if !b.wants(Field::Location) {
        return;
    }
    let city = first_clean(page, sel::CITY, MAX_PLACE);
    let country = first_clean(page, sel::COUNTRY, MAX_PLACE);
    if let Some((country, css)) = country {
        fill!(
            b,
            Field::Location,
            location,
            css,
            location(city.as_ref().map(|c| c.0.as_str()), Some(&country), None)
        );
    }
}

/// "Kraków, Poland – 3:42 pm local time" → (Some("Kraków"), "Poland").
fn split_location_line(t: &str) -> Option<(Option<String>, String)> {
    // The earliest separator, else the first digit (the time), else the whole line.
    let mut cut = None;
    for sep in [" – ", " - ", " — ", " · ", " • "] {
        if let Some(at) = t.find(sep) {
            cut = Some(cut.map_or(at, |c: usize| c.min(at)));
        }
    }
    let cut = cut.unwrap_or_else(|| ascii_run(t, |b| !b.is_ascii_digit()));
    let place = t.get(..cut)?.trim();
    let (city, country) = match crate::text::rsplit_once_byte(place, b',') {
        Some((c, k)) => (text::clean(c, MAX_PLACE), k.trim()),
        None => (None, place),
    };
    let ok = !country.is_empty()
        && country.chars().count() <= 60
        && !country.chars().any(|c| c.is_ascii_digit());
    ok.then(|| text::clean(country, MAX_PLACE))
        .flatten()
        .map(|k| (city, k))
}

/// The progress ring's class, after the "99% Job Success" text row.
fn read_job_success(page: &dyn Page, b: &mut Builder) {
    if b.wants(Field::JobSuccess) {
        for css in sel::JSS_RING {
            for n in page.select(None, css).into_iter().take(20) {
                if let Some(v) = page.attr(n, "class").as_deref().and_then(ring_percent) {
                    b.p.job_success = Some(v);
                    b.note(Field::JobSuccess, crate::text::concat(&[css, " (class)"]));
                    return;
                }
            }
        }
    }
}

/// The score in a progress ring's classes: "air3-progress-circle-97" → 97.
fn ring_percent(class: &str) -> Option<u8> {
    for c in class.split_whitespace() {
        let Some(digits) = c.strip_prefix("air3-progress-circle-") else {
            continue;
        };
        // Read as a u32 (whose parser the crate has anyway): up to 100, it accepts and rejects what a u8 would.
        if let Some(v) = digits.parse::<u32>().ok().filter(|v| *v <= 100) {
            return u8::try_from(v).ok();
        }
    }
    None
}

fn read_badges(page: &dyn Page, b: &mut Builder) {
    if !b.wants(Field::Badges) {
        return;
    }
    for css in sel::BADGES {
        let mut badges: Vec<String> = Vec::new();
        for n in page.select(None, css).into_iter().take(20) {
            if let Some(t) = text::clean(&visible_text(page, n), MAX_SHORT) {
                if !badges.contains(&t) {
                    badges.push(t);
                }
            }
        }
        if !badges.is_empty() {
            b.p.badges = Some(badges);
            b.note(Field::Badges, *css);
            return;
        }
    }
    // A badge block that is present and empty means "no badges"; one with other text is unknown markup.
    for css in sel::BADGE_BLOCKS {
        if let Some(n) = page.select(None, css).into_iter().next() {
            if visible_text(page, n).is_empty() {
                b.p.badges = Some(Vec::new());
                b.note(Field::Badges, crate::text::concat(&[css, " (empty)"]));
            }
            return;
        }
    }
}

/// Stat cards, matched by caption ("Total earnings" / "Total jobs" / "Total hours"), not by order.
fn read_stats(page: &dyn Page, b: &mut Builder) {
    if ![Field::TotalEarnings, Field::TotalJobs, Field::TotalHours]
        .iter()
        .any(|f| b.wants(*f))
    {
        return; // all three read from the store
    }
    for css in sel::STAT_CARDS {
        for card in page.select(None, css).into_iter().take(30) {
            let mut value = String::new();
            let found = first_taken(page, select_in, Some(card), sel::STAT_VALUE, &mut |t| {
                value = t.to_string();
                true
            });
            if found.is_none() {
                continue;
            }
            let whole = visible_text(page, card);
            let caption = text::replace_first(&whole, &value, " ");
            let caption = squash(&caption);
            let lower = lowercase(&caption);
            let field = if lower.contains("earn") {
                Field::TotalEarnings
            } else if lower.contains("job") && !lower.contains("success") {
                Field::TotalJobs
            } else if lower.contains("hour") && !lower.contains("week") {
                Field::TotalHours
            } else {
                continue;
            };
            if !b.wants(field) {
                continue;
            }
            let p = &mut b.p;
            let filled = match field {
                Field::TotalEarnings => put(
                    &mut p.total_earnings,
                    text::parse_money(&value).and_then(plausible_earnings),
                ),
                Field::TotalJobs => put(
                    &mut p.total_jobs,
                    text::parse_count(&value).and_then(|n| plausible_jobs(n as f64)),
                ),
                _ => put(
                    &mut p.total_hours,
                    text::parse_hours(&value).and_then(plausible_total_hours),
                ),
            };
            if filled {
                b.note(field, crate::text::concat(&[css, " \"", &caption, "\""]));
            }
        }
    }
}

/// "English: Native or Bilingual" → English / Native or Bilingual; "German Fluent" works too.
fn parse_language(t: &str) -> Option<Language> {
    const LEVELS: &[&str] = &[
        "Native or Bilingual",
        "Conversational",
        "Fluent",
        "Basic",
        "Native",
    ];
    let (name, level) = match t.split_once(':') {
        Some((n, l)) => (n.trim(), text::clean(l, MAX_SHORT)),
        None => match LEVELS.iter().find(|l| t.ends_with(*l) && t.len() > l.len()) {
            Some(l) => (t[..t.len() - l.len()].trim(), Some((*l).to_string())),
            None => (t.trim(), None),
        },
    };
    let name = text::clean(name, MAX_SHORT)?;
    let plausible = name.chars().any(char::is_alphabetic)
        && !name.chars().any(|c| c.is_ascii_digit())
        && name.split(' ').count() <= 4;
    plausible.then_some(Language { name, level })
}

// ---- Work history ----

fn read_work(page: &dyn Page, b: &mut Builder) {
    if !b.wants(Field::WorkHistory) {
        return;
    }
    let mut found: Option<(Vec<Node>, String)> = None;
    'outer: for section in sel::WORK_SECTIONS {
        for item in sel::WORK_ITEMS {
            let css = crate::text::concat(&[section, " ", item]);
            let nodes = select_in(page, None, &css);
            if !nodes.is_empty() {
                found = Some((nodes, css));
                break 'outer;
            }
        }
    }
    if found.is_none() {
        found = first_matching(page, sel::WORK_ITEMS).map(|(css, nodes)| (nodes, css.to_string()));
    }
    let Some((nodes, css)) = found else { return };
    let mut entries: Vec<WorkEntry> = Vec::new();
    for n in nodes.into_iter().take(sel::MAX_WORK_ENTRIES) {
        let e = work_entry(page, n);
        if e.title.is_some() || e.start.is_some() {
            entries.push(e);
        }
    }
    if !entries.is_empty() {
        b.p.work_history = Some(entries);
        b.note(Field::WorkHistory, css);
    }
}

/// Parses a contract's part from an element's text and stores it in the entry; whether it did.
type ReadEntry = fn(&str, &mut WorkEntry) -> bool;

/// A contract's part read from the text of the first element below its item, of the first of the row's
/// selectors, that the row's function accepts (and stores).
const ENTRY_ROWS: &[(&[&str], ReadEntry)] = &[
    (sel::WORK_TITLE, |t, e| {
        put(&mut e.title, text::clean(t, MAX_TITLE))
    }),
    (sel::WORK_RATING, |t, e| {
        put(
            &mut e.rating,
            text::parse_rating(t).and_then(plausible_rating),
        )
    }),
    (sel::WORK_FEEDBACK, |t, e| put(&mut e.feedback, feedback(t))),
];

/// The client's words, unless they are a placeholder ("No feedback given").
fn feedback(t: &str) -> Option<String> {
    let t = text::clean(strip_quotes(t), MAX_FEEDBACK)?;
    let lower = lowercase(&t);
    let placeholder = lower.starts_with("no feedback")
        || lower == "job in progress"
        || lower.starts_with("no comment");
    (!placeholder).then_some(t)
}

/// Stores a contract's dates; whether there were any.
fn put_range(e: &mut WorkEntry, range: Option<text::DateRange>) -> bool {
    let Some(r) = range else {
        return false;
    };
    e.start = Some(r.start);
    e.end = r.end;
    e.ongoing = r.ongoing;
    true
}

fn work_entry(page: &dyn Page, item: Node) -> WorkEntry {
    let mut e = WorkEntry::default();
    for (selectors, read) in ENTRY_ROWS {
        first_taken(page, select_in, Some(item), selectors, &mut |t| {
            read(t, &mut e)
        });
    }
    let dated = first_taken(page, select_in, Some(item), sel::WORK_DATES, &mut |t| {
        put_range(&mut e, text::parse_date_range(t))
    });
    if dated.is_none() {
        // The smallest element with a whole range (an end, or "Present"), when the class changed.
        smallest_taken(
            page,
            select_in,
            Some(item),
            sel::WORK_DATES_SCAN,
            80,
            &mut |t| {
                let range = text::parse_date_range(t).filter(|r| r.end.is_some() || r.ongoing);
                put_range(&mut e, range)
            },
        );
    }

    // Terms: one `strong` each for earnings, rate, hours, "Fixed-price".
    // The first 12 elements (of all the selectors, in order) are looked at.
    let mut terms: Vec<String> = Vec::new();
    let mut looked_at = 0;
    'terms: for css in sel::WORK_TERMS {
        for n in page.select(Some(item), css) {
            if looked_at == 12 {
                break 'terms;
            }
            looked_at += 1;
            let t = visible_text(page, n);
            if !t.is_empty() {
                terms.push(t);
            }
        }
    }
    if terms.is_empty() {
        // Markup changed: the item's own text without the title and the client's words (which may
        // mention hours or money), split at the "·" / "|" separators Upwork puts between terms.
        let mut whole = visible_text(page, item);
        for known in [&e.title, &e.feedback].into_iter().flatten() {
            whole = text::replace_first(&whole, known, " ");
        }
        for t in text::split_where(&whole, |c| matches!(c, '·' | '|' | '•')).map(str::trim) {
            if terms.len() == 12 {
                break;
            }
            if !t.is_empty() {
                terms.push(t.to_string());
            }
        }
    }
    let mut fixed = false;
    for t in &terms {
        if lowercase(t).contains("fixed") {
            fixed = true;
        }
        let rate = text::parse_rate(t).and_then(plausible_rate);
        if let Some(h) = text::parse_quantity(t, HOUR_UNITS).and_then(plausible_entry_hours) {
            e.hours.get_or_insert(h);
        }
        // The first amount of a term is its earnings unless it is the term's rate.
        if let Some(m) = text::parse_money(t).and_then(plausible_earnings) {
            if rate.as_ref() != Some(&m) {
                e.earnings.get_or_insert(m);
            }
        }
        if let Some(r) = rate {
            e.rate.get_or_insert(r);
        }
    }
    e.kind = if fixed {
        Some(ContractKind::FixedPrice)
    } else if e.rate.is_some() || e.hours.is_some() {
        Some(ContractKind::Hourly)
    } else {
        None
    };
    if fixed {
        e.hours = None;
        e.rate = None;
    }
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_counts_are_cut() {
        assert_eq!(without_count("Portfolio (6)"), "Portfolio");
        assert_eq!(without_count("Skills 12 "), "Skills");
        assert_eq!(without_count("Größe (3)"), "Größe");
        assert_eq!(without_count("(12)"), "");
        assert_eq!(without_count("Go Developer"), "Go Developer");
    }

    #[test]
    fn title_tag() {
        let (n, t, l) = parse_title(
            "Marta K. - Senior Go Developer - Backend - Upwork Freelancer from Kraków, Poland",
        )
        .unwrap();
        assert_eq!(n.as_deref(), Some("Marta K."));
        assert_eq!(t.as_deref(), Some("Senior Go Developer - Backend"));
        assert_eq!(l, Some((Some("Kraków".to_string()), "Poland".to_string())));
        let (n, t, l) = parse_title("Ana P. - Upwork Freelancer from Portugal").unwrap();
        assert_eq!(
            (n.as_deref(), t, l),
            (Some("Ana P."), None, Some((None, "Portugal".to_string())))
        );
        assert!(parse_title("Some blog - Home").is_none());
    }

    #[test]
    fn location_lines_and_languages() {
        assert_eq!(
            split_location_line("Kraków, Poland – 3:42 pm local time"),
            Some((Some("Kraków".into()), "Poland".into()))
        );
        assert_eq!(
            split_location_line("Poland 3:42 pm local time"),
            Some((None, "Poland".into()))
        );
        assert_eq!(split_location_line("3:42 pm local time"), None);
        let l = parse_language("English: Native or Bilingual").unwrap();
        assert_eq!(
            (l.name.as_str(), l.level.as_deref()),
            ("English", Some("Native or Bilingual"))
        );
        let l = parse_language("German Fluent").unwrap();
        assert_eq!(
            (l.name.as_str(), l.level.as_deref()),
            ("German", Some("Fluent"))
        );
        assert!(parse_language("42").is_none());
    }

    #[test]
    fn id_scoped_selection_finds_what_the_document_query_finds() {
        // Shared ids, nested and apart, and matches outside them.
        let html = r#"<div id="a"><span class="x">1</span><div id="a"><i class="x">2</i></div></div>
            <p><span class="x">3</span></p><div id="a"><b><span class="x">4</span></b></div>
            <section id="b"><div class="x"><span>5</span></div></section>"#;
        let page = crate::page::HtmlPage::parse(html, None);
        for css in [
            "#a .x",
            "#a > .x",
            "#a span",
            "#b .x span",
            "#missing .x",
            "#a",
            ".x span",
        ] {
            assert_eq!(select_in(&page, None, css), page.select(None, css), "{css}");
        }
        assert_eq!(select_in(&page, None, "#a .x").len(), 3);
        assert_eq!(
            leading_id("#location-time-vertical .flex-shrink-0 span"),
            Some("#location-time-vertical")
        );
        assert_eq!(leading_id("#a>.x"), Some("#a"));
        for no in ["#a", "#a.b .x", ".x #a", "#a .x, .y", "# .x", "#a:hover .x"] {
            assert_eq!(leading_id(no), None, "{no}");
        }
    }

    #[test]
    fn ring_classes() {
        assert_eq!(
            ring_percent("air3-progress-circle air3-progress-circle-97"),
            Some(97)
        );
        assert_eq!(ring_percent("x air3-progress-circle-100"), Some(100));
        for no in [
            "air3-progress-circle-101",
            "air3-progress-circle-256",
            "air3-progress-circle-",
            "air3-progress-circle--5",
            "a air3-progress-circle-9x",
        ] {
            assert_eq!(ring_percent(no), None, "{no}");
        }
        assert_eq!(
            ring_percent("air3-progress-circle-300 air3-progress-circle-42"),
            Some(42)
        );
    }

    #[test]
    fn feedback_quotes() {
        assert_eq!(strip_quotes("\"Great work, Wei!\""), "Great work, Wei!");
        assert_eq!(strip_quotes("\u{201C}Danke, Jan.\u{201D}"), "Danke, Jan.");
        assert_eq!(
            strip_quotes("He said \"wow\" twice"),
            "He said \"wow\" twice"
        );
        assert_eq!(strip_quotes("\"a\" and \"b\""), "\"a\" and \"b\"");
        assert_eq!(strip_quotes("\""), "\"");
    }
}
