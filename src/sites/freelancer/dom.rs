//! Source (B) the server-rendered DOM, and (C) head meta and `<title>` for the name.

use super::selectors as sel;
use super::{
    add_badge, plausible_rating, MAX_BADGE, MAX_FEEDBACK, MAX_NAME, MAX_OVERVIEW, MAX_PLACE,
    MAX_TITLE,
};
use super::{fill, location, split_place, Builder};
use super::{parse_coded_money, parse_hourly, parse_local_clock, plausible_amount, plausible_rate};
use crate::case::lowercase;
use crate::model::{Field, Profile, WorkEntry};
use crate::page::{Node, Page, PageExt};
use crate::sites::dom_read::{read_into, smallest_into, TextField};
use crate::sites::generic::{anchor_addresses, visible_text};
use crate::sites::put;
use crate::text;

/// Everything the rendered profile shows.
pub fn read_dom(page: &dyn Page, b: &mut Builder) {
    b.read_fields(page, TEXT_FIELDS);
    read_rate(page, b);
    read_location(page, b);
    read_extra_info(page, b);
    read_badges(page, b);
    read_verifications(page, b);
    read_overview(page, b);
    read_reviews(page, b);
    read_links(page, b);
}

/// The header's fields read from an element's text, each from its selectors.
const TEXT_FIELDS: &[TextField] = &[
    TextField {
        field: Field::Name,
        selectors: sel::NAME,
        read: |t, p| {
            let name = text::clean(t, MAX_NAME).filter(|n| !n.starts_with('@'));
            put(&mut p.name, name)
        },
    },
    TextField::new(Field::Title, sel::TAGLINE, |t, p| {
        put(&mut p.title, text::clean(t, MAX_TITLE))
    }),
];

fn read_rate(page: &dyn Page, b: &mut Builder) {
    if !b.wants(Field::HourlyRate) {
        return;
    }
    for scope_css in sel::RATE_SCOPES {
        let Some(scope) = page.select(None, scope_css).into_iter().next() else {
            continue;
        };
        let found = smallest_into(
            page,
            Some(scope),
            sel::RATE_TEXT,
            200,
            &mut b.p,
            |t| t.contains(|c: char| c.is_ascii_digit()),
            |t, p| put(&mut p.hourly_rate, parse_hourly(t).and_then(plausible_rate)),
        );
        if let Some(css) = found {
            b.note(Field::HourlyRate, format!("{scope_css} {css}"));
            return;
        }
    }
}

fn read_location(page: &dyn Page, b: &mut Builder) {
    if !b.wants(Field::Location) {
        return;
    }
    let mut flag = None;
    'flags: for css in sel::LOCATION_FLAG {
        for n in page.select(None, css).into_iter().take(5) {
            flag = page
                .attr(n, "title")
                .or_else(|| page.attr(n, "alt"))
                .and_then(|t| text::clean(&t, MAX_PLACE));
            if flag.is_some() {
                break 'flags;
            }
        }
    }
    // The flag's title and the location read beside it.
    let mut found = (flag, None);
    let css = read_into(
        page,
        None,
        sel::LOCATION_TEXT,
        &mut found,
        |t, (flag, loc)| put(loc, text_location(t, flag.as_deref())),
    );
    let (flag, loc) = found;
    if let (Some(css), Some(loc)) = (css, loc) {
        b.p.location = Some(loc);
        b.note(Field::Location, css);
        return;
    }
    if let Some(f) = flag {
        fill!(
            b,
            Field::Location,
            location,
            "fl-flag img[title]",
            location(None, Some(&f), None)
        );
    }
}

/// The location link's text ("Sydney, Australia"); the flag's title names the country when the text shows
/// the city only.
fn text_location(t: &str, flag: Option<&str>) -> Option<crate::model::Location> {
    let (city, country) = split_place(t)?;
    match flag {
        Some(f) if city.is_none() && !t.eq_ignore_ascii_case(f) => {
            location(Some(&country), Some(f), None)
        }
        _ => location(city.as_deref(), Some(&country), None),
    }
}

/// "It's currently 3:42 PM here" and "Joined on November 3, 2015", in the extra-information block, else in any
/// short text that starts with the caption.
fn read_extra_info(page: &dyn Page, b: &mut Builder) {
    let is_clock = |t: &str| {
        let l = lowercase(t);
        l.contains("currently") || l.contains("local time")
    };
    let is_joined = |t: &str| lowercase(t.trim_start()).starts_with("joined");
    let joined = |t: &str, p: &mut Profile| {
        // ASCII lower-casing keeps byte offsets.
        let at = t.to_ascii_lowercase().find("joined");
        let since = at
            .and_then(|at| t.get(at..))
            .and_then(text::parse_year_month);
        put(&mut p.member_since, since)
    };
    if b.wants(Field::LocalTime) {
        // Outside the block only the caption itself counts: a review saying "we are currently at 5:00 PM" is
        // not the freelancer's clock.
        let captioned = |t: &str| {
            let l = lowercase(t.trim_start()).replace('\u{2019}', "'");
            l.starts_with("it's currently") || l.contains("local time")
        };
        let clock = |t: &str, p: &mut Profile| put(&mut p.local_time, parse_local_clock(t));
        let rows = sel::EXTRA_INFO_ROWS;
        if let Some(css) = smallest_into(page, None, rows, 160, &mut b.p, is_clock, clock) {
            b.note(Field::LocalTime, css);
        } else if let Some(css) = smallest_into(
            page,
            None,
            sel::CAPTION_SCAN,
            120,
            &mut b.p,
            captioned,
            clock,
        ) {
            b.note(
                Field::LocalTime,
                format!("{css} with \"It's currently … here\""),
            );
        }
    }
    if b.wants(Field::MemberSince) {
        let rows = sel::EXTRA_INFO_ROWS;
        if let Some(css) = smallest_into(page, None, rows, 120, &mut b.p, is_joined, joined) {
            b.note(Field::MemberSince, css);
        } else if let Some(css) = smallest_into(
            page,
            None,
            sel::CAPTION_SCAN,
            80,
            &mut b.p,
            is_joined,
            joined,
        ) {
            b.note(Field::MemberSince, format!("{css} with \"Joined on …\""));
        }
    }
}

fn read_badges(page: &dyn Page, b: &mut Builder) {
    if !b.wants(Field::Badges) {
        return;
    }
    for container_css in sel::BADGE_CONTAINERS {
        let containers = page.select(None, container_css);
        if containers.is_empty() {
            continue;
        }
        let mut names: Vec<String> = Vec::new();
        for c in containers.into_iter().take(5) {
            for item_css in sel::BADGE_ITEMS {
                for n in page.select(Some(c), item_css).into_iter().take(100) {
                    let mut name = None;
                    for a in sel::BADGE_NAME_ATTRS {
                        name = page.attr(n, a).and_then(|v| text::clean(&v, MAX_BADGE));
                        if name.is_some() {
                            break;
                        }
                    }
                    let name = name.or_else(|| text::clean(&visible_text(page, n), MAX_BADGE));
                    if let Some(name) = name {
                        add_badge(&mut names, name);
                    }
                }
            }
        }
        b.p.badges = Some(names);
        b.note(Field::Badges, format!("{container_css} fl-badge"));
        return;
    }
}

/// "Identity verified" in the verifications card: verified when the item carries a verified mark, not when it
/// carries an unverified one or says "not verified". An item without either mark is not read.
fn read_verifications(page: &dyn Page, b: &mut Builder) {
    if !b.wants(Field::IdVerified) {
        return;
    }
    for card_css in sel::VERIFICATIONS {
        for card in page.select(None, card_css).into_iter().take(3) {
            for item_css in sel::VERIFICATION_ITEMS {
                for item in page.select(Some(card), item_css).into_iter().take(50) {
                    let t = lowercase(&visible_text(page, item));
                    if !t.contains("identity") || t.len() > 200 {
                        continue;
                    }
                    let marked = |list: &[&str]| {
                        list.iter().any(|css| {
                            !page.select(Some(item), css).is_empty()
                                || matches_self(page, item, css)
                        })
                    };
                    let verdict = if t.contains("not verified")
                        || t.contains("unverified")
                        || marked(sel::UNVERIFIED_MARKS)
                    {
                        Some(false)
                    } else if marked(sel::VERIFIED_MARKS) {
                        Some(true)
                    } else {
                        None
                    };
                    if let Some(v) = verdict {
                        b.p.id_verified = Some(v);
                        b.note(Field::IdVerified, format!("{card_css} {item_css}"));
                        return;
                    }
                }
            }
        }
    }
}

/// Whether `node` itself carries the state attribute a selector like `[data-verified="true"]` tests.
fn matches_self(page: &dyn Page, node: Node, css: &str) -> bool {
    match css {
        "[data-verified=\"true\"]" => page.attr(node, "data-verified").as_deref() == Some("true"),
        "[data-verified=\"false\"]" => page.attr(node, "data-verified").as_deref() == Some("false"),
        _ => false,
    }
}

fn read_overview(page: &dyn Page, b: &mut Builder) {
    if !b.wants(Field::Overview) {
        return;
    }
    let title = b.p.title.clone();
    for css in sel::OVERVIEW {
        for node in page.select(None, css).into_iter().take(10) {
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

fn read_reviews(page: &dyn Page, b: &mut Builder) {
    if !b.wants(Field::WorkHistory) {
        return;
    }
    // The first review section, if any (the source when no card is shown).
    let section = sel::REVIEW_SECTIONS
        .iter()
        .find(|css| !page.select(None, css).is_empty());
    // Cards anywhere (the "Show all reviews" dialog sits outside the section), once each.
    let mut items: Vec<(Node, &str)> = Vec::new();
    for css in sel::REVIEW_ITEMS {
        for n in page.select(None, css).into_iter().take(sel::MAX_REVIEWS) {
            if !items.iter().any(|(x, _)| *x == n) {
                items.push((n, css));
            }
        }
        if !items.is_empty() {
            break;
        }
    }
    if section.is_none() && items.is_empty() {
        return;
    }
    let mut entries: Vec<WorkEntry> = Vec::new();
    for (item, _) in items.iter().take(sel::MAX_REVIEWS) {
        let e = review_entry(page, *item);
        if e.title.is_none() && e.feedback.is_none() {
            continue;
        }
        if entries
            .iter()
            .any(|x| x.title == e.title && x.feedback == e.feedback && x.earnings == e.earnings)
        {
            continue;
        }
        entries.push(e);
    }
    let src = match (items.first(), section) {
        (Some((_, css)), _) => css.to_string(),
        (None, Some(css)) => format!("{css} (no review)"),
        (None, None) => return,
    };
    b.p.work_history = Some(entries);
    b.note(Field::WorkHistory, src);
}

fn review_entry(page: &dyn Page, item: Node) -> WorkEntry {
    let mut e = WorkEntry::default();
    let at = Some(item);
    read_into(page, at, sel::REVIEW_TITLE, &mut e, |t, e| {
        put(&mut e.title, text::clean(t, MAX_TITLE))
    });
    read_into(page, at, sel::REVIEW_PRICE, &mut e, |t, e| {
        if t.len() > 60 {
            return false;
        }
        let paid = parse_coded_money(t).and_then(|(m, _)| plausible_amount(m));
        put(&mut e.earnings, paid)
    });
    read_into(page, at, sel::REVIEW_RATING, &mut e, |t, e| {
        put(&mut e.rating, rating_text(t))
    });
    if e.rating.is_none() {
        for (css, attr) in sel::REVIEW_RATING_ATTRS {
            let value = page
                .select(at, css)
                .first()
                .and_then(|n| page.attr(*n, attr));
            if put(&mut e.rating, value.as_deref().and_then(rating_text)) {
                break;
            }
        }
    }
    read_into(page, at, sel::REVIEW_TEXT, &mut e, |t, e| {
        let Some(t) = text::clean(t, MAX_FEEDBACK) else {
            return false;
        };
        // Not the title, the price or the date again.
        let again =
            Some(&t) == e.title.as_ref() || parse_coded_money(&t).is_some_and(|_| t.len() <= 40);
        !again && put(&mut e.feedback, Some(t))
    });
    'dates: for css in sel::REVIEW_DATE {
        let Some(n) = page.select(at, css).first().copied() else {
            continue;
        };
        for a in sel::REVIEW_DATE_ATTRS {
            let date = page
                .attr(n, a)
                .filter(|v| v.len() <= 60)
                .and_then(|v| text::parse_date(&v));
            if put(&mut e.end, date) {
                break 'dates;
            }
        }
    }
    e
}

/// A star rating as a review shows it ("4.8"), in text or an attribute.
fn rating_text(t: &str) -> Option<f64> {
    (t.len() <= 20)
        .then(|| text::parse_number(t))
        .flatten()
        .and_then(plausible_rating)
}

/// The `a[href]` links and written addresses of the portfolio and experience sections.
fn read_links(page: &dyn Page, b: &mut Builder) {
    let mut text_budget: usize = 500_000;
    for css in sel::LINK_SECTIONS {
        let nodes = page.select(None, css);
        if nodes.is_empty() {
            continue;
        }
        b.links_read(format!("a[href] and text in {css}"));
        for node in nodes.into_iter().take(100) {
            b.add_links(anchor_addresses(page, node));
            let t = visible_text(page, node);
            text_budget = text_budget.saturating_sub(t.len());
            if text_budget == 0 {
                return;
            }
            b.add_link_text(&t);
        }
    }
}

// ---- (C) head ----

/// The name from `og:title` or `<title>` ("Karin B. - Professional Writer | Freelancer"), last resort. Only
/// the part before the first " - " is taken, and only from a title that names the site.
pub fn read_head(page: &dyn Page, b: &mut Builder) {
    if !b.wants(Field::Name) {
        return;
    }
    let og = page.meta("og:title").and_then(|t| name_from_title(&t));
    if let Some(n) = og {
        b.p.name = Some(n);
        b.note(Field::Name, "meta[property=og:title]");
        return;
    }
    let title = page
        .first_text(None, &["title"])
        .and_then(|t| name_from_title(&t));
    fill!(b, Field::Name, name, "<title>", title);
}

fn name_from_title(t: &str) -> Option<String> {
    let lower = lowercase(t);
    let mut cut = None;
    for s in [" | freelancer", " - freelancer", " – freelancer"] {
        cut = cut.max(crate::sites::generic::rfind_str(&lower, s));
    }
    let cut = cut?;
    let head = t.get(..cut)?;
    let name = head.split(" - ").next().unwrap_or(head).trim();
    let name = name.strip_prefix("Hire ").unwrap_or(name);
    text::clean(name, MAX_NAME).filter(|n| {
        !n.starts_with('@')
            && !n.eq_ignore_ascii_case("freelancer")
            && n.chars().count() <= 60
            && !n.contains('|')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_titles() {
        assert_eq!(
            name_from_title("Karin B. - Professional Writer & Editor - Australia | Freelancer")
                .as_deref(),
            Some("Karin B.")
        );
        assert_eq!(
            name_from_title("Hire Karin B. | Freelancer").as_deref(),
            Some("Karin B.")
        );
        assert_eq!(name_from_title("Karin B. - Writer"), None);
        assert_eq!(name_from_title("@kasage00 | Freelancer"), None);
        assert_eq!(name_from_title(" | Freelancer"), None);
    }
}
