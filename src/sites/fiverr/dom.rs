//! Source (B) the rendered seller card / seller page, and (C) the head.

use super::json::language_name;
use super::selectors as sel;
use super::{fill, location, plausible_member_since, plausible_price, plausible_rate};
use super::{plausible_rating, Builder};
use super::{MAX_FEEDBACK, MAX_NAME, MAX_OVERVIEW, MAX_PLACE, MAX_SHORT, MAX_TITLE, MAX_USERNAME};
use crate::case::lowercase;
use crate::model::{Field, Language, Location, Money, Profile, WorkEntry};
use crate::page::{squash, Node, Page, PageExt};
use crate::sites::dom_read::{first_of, read_into, read_text_fields, TextField};
use crate::sites::generic::visible_text;
use crate::sites::put;
use crate::text;

/// The seller's own blocks on this page (the first selector that matches), or none.
fn seller_scopes(page: &dyn Page) -> Vec<(Node, &'static str)> {
    for css in sel::SELLER_SCOPES {
        let nodes = page.select(None, css);
        if !nodes.is_empty() {
            let mut scopes = Vec::new();
            for n in nodes.into_iter().take(4) {
                scopes.push((n, *css));
            }
            return scopes;
        }
    }
    Vec::new()
}

/// Whether `t` starts with `prefix`, ignoring case.
fn has_prefix(t: &str, prefix: &str) -> bool {
    t.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

pub fn read_dom(page: &dyn Page, b: &mut Builder) {
    let scopes = seller_scopes(page);
    read_name(page, b);
    read_text_fields(page, &mut b.p, &mut b.notes, TEXT_FIELDS);
    read_stats(page, b);
    read_local_time(page, &scopes, b);
    read_languages(page, b);
    read_description(page, b);
    read_badges(page, &scopes, b);
    read_rate(page, &scopes, b);
    read_reviews(page, b);
}

/// The fields read from an element's text, each from its selectors.
const TEXT_FIELDS: &[TextField] = &[TextField::new(Field::Title, sel::ONE_LINER, |t, p| {
    put(&mut p.title, text::clean(t, MAX_TITLE))
})];

fn read_name(page: &dyn Page, b: &mut Builder) {
    if b.username.is_some() {
        return;
    }
    if let Some((u, css)) = first_of(page, None, sel::USERNAME, clean_user) {
        b.username = Some((u, css.to_string()));
        return;
    }
    for css in sel::USERNAME_FROM_PHOTO_ALT {
        for n in page.select(None, css).into_iter().take(5) {
            if let Some(u) = page.attr(n, "alt").and_then(|a| clean_user(&a)) {
                b.username = Some((u, format!("{css} (alt)")));
                return;
            }
        }
    }
}

/// A username as the seller card shows it ("@aashirdaud").
fn clean_user(t: &str) -> Option<String> {
    let t = t.trim().trim_start_matches('@');
    (super::is_username(t) && t.len() <= MAX_USERNAME).then(|| t.to_string())
}

/// A stat item: its caption (lower case) and its value, e.g. ("from", "Pakistan").
fn stat_items(page: &dyn Page) -> Vec<(String, String, &'static str)> {
    for css in sel::STAT_ITEMS {
        let nodes = page.select(None, css);
        if nodes.is_empty() {
            continue;
        }
        let mut out = Vec::new();
        for li in nodes.into_iter().take(40) {
            let whole = visible_text(page, li);
            if whole.is_empty() || whole.len() > 300 {
                continue;
            }
            let value =
                first_of(page, Some(li), sel::STAT_VALUE, |t| Some(t.to_string())).map(|x| x.0);
            let (caption, value) = match value {
                Some(v) => (squash(&text::replace_first(&whole, &v, " ")), v),
                None => {
                    // No value element: "From Pakistan" after a known caption.
                    // textContent runs "From" and "Pakistan" together when they sit in two elements.
                    let mut caption = None;
                    'known: for f in &STAT_FIELDS {
                        for c in f.captions {
                            if has_prefix(&whole, c) {
                                caption = Some(*c);
                                break 'known;
                            }
                        }
                    }
                    let Some(c) = caption else {
                        continue;
                    };
                    let rest = whole.get(c.len()..).unwrap_or("");
                    (
                        c.to_string(),
                        squash(text::trim_start_where(rest, |c| c == ':' || c == ' ')),
                    )
                }
            };
            let caption = lowercase(caption.trim_end_matches(':').trim());
            if !value.is_empty() {
                out.push((caption, value, *css));
            }
        }
        return out;
    }
    Vec::new()
}

/// A stat item's field: the captions it is shown under (lower case) and how its value is read into the
/// profile (`read` stores it in the empty slot and says whether there was one).
struct StatField {
    captions: &'static [&'static str],
    field: Field,
    read: fn(&str, &mut Profile) -> bool,
}

/// The stat items read, by caption.
const STAT_FIELDS: [StatField; 4] = [
    StatField {
        captions: sel::CAPTION_FROM,
        field: Field::Location,
        read: |value, p| put(&mut p.location, stat_location(value)),
    },
    StatField {
        captions: sel::CAPTION_MEMBER_SINCE,
        field: Field::MemberSince,
        read: |value, p| {
            let since = text::parse_year_month(value).and_then(plausible_member_since);
            put(&mut p.member_since, since)
        },
    },
    StatField {
        captions: sel::CAPTION_LOCAL_TIME,
        field: Field::LocalTime,
        read: |value, p| put(&mut p.local_time, text::parse_clock(value)),
    },
    StatField {
        captions: sel::CAPTION_LANGUAGES,
        field: Field::Languages,
        read: |value, p| put(&mut p.languages, stat_languages(value)),
    },
];

fn read_stats(page: &dyn Page, b: &mut Builder) {
    for (caption, value, css) in stat_items(page) {
        for f in &STAT_FIELDS {
            if !f.captions.contains(&caption.as_str()) {
                continue;
            }
            if f.field == Field::LocalTime {
                b.local_time_shown = true;
            }
            if b.wants(f.field) && (f.read)(&value, &mut b.p) {
                b.note(f.field, format!("{css} \"{caption}\""));
            }
            break;
        }
    }
}

/// "Austin, United States" or "Pakistan".
fn stat_location(value: &str) -> Option<Location> {
    let (city, country) = match crate::text::rsplit_once_byte(value, b',') {
        Some((c, k)) => (Some(c.trim()), k.trim()),
        None => (None, value),
    };
    location(city, Some(country), None).filter(|l| {
        l.country_name
            .as_ref()
            .is_some_and(|n| n.len() <= MAX_PLACE)
    })
}

/// "English, Urdu" (at most 30).
fn stat_languages(value: &str) -> Option<Vec<Language>> {
    let mut langs: Vec<Language> = Vec::new();
    for part in text::split_where(value, |c| matches!(c, ',' | '·' | '|')) {
        if langs.len() == 30 {
            break;
        }
        langs.extend(parse_language(part));
    }
    (!langs.is_empty()).then_some(langs)
}

/// "3:42 pm local time" or "Local time 3:42 PM".
fn parse_local_time_label(t: &str) -> Option<crate::model::ClockTime> {
    text::parse_local_time(t).or_else(|| {
        sel::CAPTION_LOCAL_TIME
            .iter()
            .find(|c| has_prefix(t, c))
            .and_then(|c| text::parse_clock(t.get(c.len()..)?))
    })
}

fn read_local_time(page: &dyn Page, scopes: &[(Node, &'static str)], b: &mut Builder) {
    // The seller's blocks first, then the page: the smallest text that is a local-time label.
    let mut places: Vec<(Option<Node>, &'static str)> = Vec::new();
    for (n, css) in scopes {
        places.push((Some(*n), *css));
    }
    places.push((None, "page"));
    let mut budget: usize = 2_000_000;
    for (scope, scope_css) in places {
        for css in sel::LOCAL_TIME_SCAN {
            let mut best: Option<(usize, Option<crate::model::ClockTime>)> = None;
            for node in page.select(scope, css).into_iter().take(sel::SCAN_LIMIT) {
                let raw = page.raw_text(node);
                budget = budget.saturating_sub(raw.len().max(1));
                if budget == 0 {
                    return;
                }
                if raw.len() > sel::LOCAL_TIME_MAX_LEN * 4 {
                    continue;
                }
                let t = squash(&raw);
                if t.len() > sel::LOCAL_TIME_MAX_LEN || !lowercase(&t).contains("local time") {
                    continue;
                }
                if best.as_ref().is_some_and(|(len, _)| *len <= t.len()) {
                    continue;
                }
                best = Some((t.len(), parse_local_time_label(&t)));
            }
            if let Some((_, time)) = best {
                b.local_time_shown = true;
                let src = if scope.is_some() {
                    format!("{scope_css} {css} with \"local time\"")
                } else {
                    format!("{css} with \"local time\"")
                };
                fill!(b, Field::LocalTime, local_time, src, time);
                return;
            }
        }
    }
}

/// "English - Fluent", "English (Native/Bilingual)", "English: Conversational", "English".
fn parse_language(t: &str) -> Option<Language> {
    let t = t.trim();
    let (name, level) = if let Some((n, l)) = t.split_once(" - ").or_else(|| t.split_once(':')) {
        (n, Some(l))
    } else if let Some((n, l)) = t.split_once('(') {
        (n, Some(l.trim_end_matches(')')))
    } else {
        (t, None)
    };
    let name = language_name(name)?;
    let level = level.and_then(|l| text::clean(l.trim(), MAX_SHORT));
    Some(Language { name, level })
}

fn read_languages(page: &dyn Page, b: &mut Builder) {
    if !b.wants(Field::Languages) {
        return;
    }
    for css in sel::LANGUAGES {
        let mut langs: Vec<Language> = Vec::new();
        for n in page.select(None, css).into_iter().take(30) {
            if let Some(l) = parse_language(&visible_text(page, n)) {
                if !langs.iter().any(|x| x.name == l.name) {
                    langs.push(l);
                }
            }
        }
        if !langs.is_empty() {
            b.p.languages = Some(langs);
            b.note(Field::Languages, *css);
            return;
        }
    }
}

fn read_description(page: &dyn Page, b: &mut Builder) {
    if b.wants(Field::Overview) {
        for css in sel::DESCRIPTION {
            let mut parts: Vec<String> = Vec::new();
            for n in page.select(None, css).into_iter().take(40) {
                let t = visible_text(page, n);
                if !t.is_empty() {
                    parts.push(t);
                }
            }
            if parts.is_empty() {
                continue;
            }
            b.links_read(*css);
            if let Some(o) = text::clean(&text::join(&parts, " "), MAX_OVERVIEW) {
                b.p.overview = Some(o);
                b.note(Field::Overview, *css);
            }
            break;
        }
    }
    for css in sel::GIG_DESCRIPTION {
        for n in page.select(None, css).into_iter().take(4) {
            let t = visible_text(page, n);
            if let Some(t) = text::clean(&t, MAX_OVERVIEW) {
                b.link_texts.push(t);
                b.links_read(*css);
            }
        }
    }
}

/// A badge name as Fiverr prints it, normalised; `None` for anything else.
fn badge_name(t: &str) -> Option<&'static str> {
    let lower = lowercase(t.trim());
    // As `trim_end_matches` / `trim_start_matches`, without core's reverse substring search (1 KB of wasm).
    let mut k = lower.as_str();
    while let Some(rest) = k.strip_suffix(" seller") {
        k = rest;
    }
    while let Some(rest) = k.strip_prefix("fiverr ") {
        k = rest;
    }
    Some(match k.trim() {
        "level 1" | "level one" => "Level 1",
        "level 2" | "level two" => "Level 2",
        "top rated" | "top rated plus" => "Top Rated",
        "pro" | "verified pro" => "Pro",
        "vetted" | "vetted pro" => "Vetted",
        _ => return None,
    })
}

fn read_badges(page: &dyn Page, scopes: &[(Node, &'static str)], b: &mut Builder) {
    if !b.wants(Field::Badges) {
        return;
    }
    let mut badges: Vec<&'static str> = Vec::new();
    // Where the first badge was found: the scope, the selector, how ("(class)" or by its text).
    let mut first: Option<(&str, &str, &str)> = None;
    for (scope, scope_css) in scopes {
        for css in sel::BADGE_ROUND {
            for n in page.select(Some(*scope), css).into_iter().take(10) {
                let class = page.attr(n, "class").unwrap_or_default();
                for (cls, badge) in sel::BADGE_CLASSES {
                    if class.split_whitespace().any(|c| c == *cls) && !badges.contains(badge) {
                        badges.push(badge);
                        first.get_or_insert((scope_css, css, " (class)"));
                    }
                }
            }
        }
        for css in sel::BADGE_ELEMENTS {
            for n in page.select(Some(*scope), css).into_iter().take(50) {
                if page.raw_text(n).len() > 400 {
                    continue;
                }
                let t = visible_text(page, n);
                if t.len() > 40 {
                    continue;
                }
                if let Some(badge) = badge_name(&t) {
                    if !badges.contains(&badge) {
                        badges.push(badge);
                        first.get_or_insert((scope_css, css, ""));
                    }
                }
            }
        }
    }
    if let Some((scope_css, css, how)) = first {
        let mut names = Vec::new();
        for badge in badges {
            names.push(badge.to_string());
        }
        b.p.badges = Some(names);
        b.note(Field::Badges, format!("{scope_css} {css}{how}"));
        return;
    }
    // The card that holds the level badge was read and shows none: a seller without a level.
    for css in sel::BADGE_HOME {
        if !page.select(None, css).is_empty() {
            b.p.badges = Some(Vec::new());
            b.note(Field::Badges, format!("{css} (no level badge)"));
            return;
        }
    }
}

fn read_rate(page: &dyn Page, scopes: &[(Node, &'static str)], b: &mut Builder) {
    if !b.wants(Field::HourlyRate) {
        return;
    }
    let mut budget: usize = 2_000_000;
    for (scope, scope_css) in scopes {
        for css in sel::HOURLY_RATE_SCAN {
            for n in page
                .select(Some(*scope), css)
                .into_iter()
                .take(sel::SCAN_LIMIT)
            {
                let raw = page.raw_text(n);
                budget = budget.saturating_sub(raw.len().max(1));
                if budget == 0 {
                    return;
                }
                if raw.len() > 400 {
                    continue;
                }
                let t = squash(&raw);
                if t.len() > 80 {
                    continue;
                }
                if let Some(r) = text::parse_rate(&t).and_then(plausible_rate) {
                    b.p.hourly_rate = Some(r);
                    b.note(Field::HourlyRate, format!("{scope_css} {css} \"…/hour\""));
                    return;
                }
            }
        }
    }
}

// ---- Reviews ----

/// The client's words without the quotation marks the page wraps them in.
fn strip_quotes(t: &str) -> &str {
    let t = t.trim();
    for (open, close) in [('"', '"'), ('\u{201C}', '\u{201D}')] {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            if !inner.contains(open) && !inner.contains(close) {
                return inner.trim();
            }
        }
    }
    t
}

fn read_reviews(page: &dyn Page, b: &mut Builder) {
    if !b.wants(Field::WorkHistory) {
        return;
    }
    for css in sel::REVIEW_ITEMS {
        let nodes = page.select(None, css);
        if nodes.is_empty() {
            continue;
        }
        let mut entries: Vec<WorkEntry> = Vec::new();
        for n in nodes.into_iter().take(sel::MAX_REVIEWS) {
            let e = review(page, n);
            if e.feedback.is_some() || e.rating.is_some() {
                entries.push(e);
            }
        }
        if !entries.is_empty() {
            b.p.work_history = Some(entries);
            b.note(Field::WorkHistory, *css);
        }
        return;
    }
}

fn review(page: &dyn Page, item: Node) -> WorkEntry {
    let mut e = WorkEntry::default();
    let at = Some(item);
    read_into(page, at, sel::REVIEW_TEXT, &mut e, |t, e| {
        put(&mut e.feedback, clean_feedback(t))
    });
    if e.feedback.is_none() {
        e.feedback = longest_paragraph(page, item).and_then(|t| clean_feedback(&t));
    }
    'labels: for css in sel::REVIEW_RATING_LABEL {
        for n in page.select(at, css).into_iter().take(5) {
            let label = page.attr(n, "aria-label");
            if put(&mut e.rating, label.and_then(|l| text::parse_rating(&l))) {
                break 'labels;
            }
        }
    }
    if e.rating.is_none() {
        read_into(page, at, sel::REVIEW_RATING, &mut e, |t, e| {
            put(&mut e.rating, text::parse_rating(t))
        });
    }
    // The first rating found counts, plausible or not.
    e.rating = e.rating.and_then(plausible_rating);
    'times: for css in sel::REVIEW_TIME {
        for n in page.select(at, css).into_iter().take(3) {
            let end = page
                .attr(n, "datetime")
                .and_then(|d| text::parse_date(&d))
                .or_else(|| text::parse_date(&visible_text(page, n)));
            if put(&mut e.end, end) {
                break 'times;
            }
        }
    }
    e.earnings = review_price(page, item);
    e
}

/// The buyer's words, without the quotation marks around them.
fn clean_feedback(t: &str) -> Option<String> {
    text::clean(strip_quotes(t), MAX_FEEDBACK)
}

/// Unknown markup: the longest paragraph that is not the seller's answer, the buyer's name nor a caption.
fn longest_paragraph(page: &dyn Page, item: Node) -> Option<String> {
    let not_text = page.select(Some(item), sel::REVIEW_NOT_TEXT);
    let mut buyers: Vec<String> = Vec::new();
    for n in page
        .select(Some(item), sel::REVIEW_BUYER)
        .into_iter()
        .take(5)
    {
        buyers.extend(page.attr(n, "title").map(|t| squash(&t)));
    }
    let mut longest: Option<String> = None;
    for p in page
        .select(Some(item), sel::REVIEW_PARAGRAPHS)
        .into_iter()
        .take(30)
    {
        if not_text.contains(&p) {
            continue;
        }
        let t = visible_text(page, p);
        if buyers.contains(&t) {
            continue;
        }
        let l = lowercase(&t);
        // Not a caption, a price ("Up to $50") or a duration ("12 days").
        let caption = [sel::CAPTION_PRICE, "duration", "published", "up to "]
            .iter()
            .any(|c| l.starts_with(c));
        let short_amount = t.len() < 25
            && (text::parse_money(&t).is_some() || l.ends_with("days") || l.ends_with("day"));
        if caption || short_amount || t.chars().count() < 2 {
            continue;
        }
        // The last of equally long ones, as `max_by_key` keeps.
        if longest.as_ref().is_none_or(|x| t.len() >= x.len()) {
            longest = Some(t);
        }
    }
    longest
}

/// The upper bound of the price range a review shows ("Up to $50" → 50, "$50-$100" → 100); nothing for an open
/// range ("$1,000+", "Over $1,000") or a text without one.
fn review_price(page: &dyn Page, item: Node) -> Option<Money> {
    for css in sel::REVIEW_PRICE_SCAN {
        // The smallest element that holds both the caption and an amount (the first of equally long ones).
        let mut best: Option<(usize, Money)> = None;
        for n in page.select(Some(item), css).into_iter().take(100) {
            // textContent runs "Price" and "$50" together when they sit in two elements.
            let t = visible_text(page, n);
            if t.len() > 60 || !has_prefix(&t, sel::CAPTION_PRICE) {
                continue;
            }
            if best.as_ref().is_some_and(|(len, _)| *len <= t.len()) {
                continue;
            }
            if let Some(m) = t
                .get(sel::CAPTION_PRICE.len()..)
                .and_then(price_upper_bound)
            {
                best = Some((t.len(), m));
            }
        }
        if let Some((_, m)) = best {
            return Some(m);
        }
    }
    None
}

fn price_upper_bound(t: &str) -> Option<Money> {
    let lower = lowercase(t);
    if lower.contains('+') || lower.contains("over") || lower.contains("above") {
        return None;
    }
    // The first three amounts of "a-b", "a – b" or "a to b".
    let mut amounts: Vec<Money> = Vec::new();
    for part in text::split_where(t, |c| matches!(c, '-' | '–' | '—')) {
        for piece in part.split(" to ") {
            if amounts.len() == 3 {
                break;
            }
            amounts.extend(text::parse_money(piece));
        }
    }
    let upper = amounts.last()?.clone();
    // A range's parts must share a currency and rise.
    let ok = amounts
        .windows(2)
        .all(|w| matches!(w, [a, b] if a.currency == b.currency && a.amount <= b.amount));
    ok.then_some(upper).and_then(plausible_price)
}

// ---- (C) the head ----

/// `og:title` "user: I will … for $15 on fiverr.com" and `<title>` "… by User | Fiverr" name the seller of a gig.
pub fn read_head(page: &dyn Page, b: &mut Builder) {
    if b.username.is_some() {
        return;
    }
    let from_og = page.meta("og:title").and_then(|t| {
        let (user, rest) = t.split_once(':')?;
        rest.trim_start()
            .starts_with("I will")
            .then(|| user.trim().to_string())
    });
    let from_title = || {
        let t = page.first_text(None, &["title"])?;
        let t = t.strip_suffix("| Fiverr")?.trim_end();
        let (_, user) = crate::sites::generic::rsplit_once_str(t, " by ")?;
        Some(user.trim().to_string())
    };
    let found = from_og
        .filter(|u| super::is_username(u))
        .map(|u| (u, "meta[property=og:title]"))
        .or_else(|| {
            from_title()
                .filter(|u| super::is_username(u))
                .map(|u| (u, "<title>"))
        });
    if let Some((u, src)) = found {
        if let Some(u) = text::clean(&u, MAX_NAME) {
            b.username = Some((u, src.to_string()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_badges_prices() {
        let l = parse_language("English - Fluent").unwrap();
        assert_eq!(
            (l.name.as_str(), l.level.as_deref()),
            ("English", Some("Fluent"))
        );
        let l = parse_language("Urdu (Native/Bilingual)").unwrap();
        assert_eq!(
            (l.name.as_str(), l.level.as_deref()),
            ("Urdu", Some("Native/Bilingual"))
        );
        assert_eq!(parse_language("English").unwrap().level, None);
        assert!(parse_language("1234").is_none());
        assert_eq!(badge_name("Level 2 Seller"), Some("Level 2"));
        assert_eq!(badge_name("Top Rated"), Some("Top Rated"));
        assert_eq!(badge_name("Top Rated sellers are chosen by"), None);
        let usd = |a: f64| {
            Some(Money {
                amount: a,
                currency: "USD".into(),
            })
        };
        assert_eq!(price_upper_bound(" Up to $50"), usd(50.0));
        assert_eq!(price_upper_bound("$50-$100"), usd(100.0));
        assert_eq!(price_upper_bound("$100 – $200"), usd(200.0));
        assert_eq!(price_upper_bound("$1,000+"), None);
        assert_eq!(price_upper_bound("$200-$50"), None);
        assert_eq!(price_upper_bound("soon"), None);
        assert_eq!(
            parse_local_time_label("Local time 3:42 PM"),
            crate::model::ClockTime::new(15, 42)
        );
        assert_eq!(
            parse_local_time_label("3:42 pm local time"),
            crate::model::ClockTime::new(15, 42)
        );
        assert_eq!(parse_local_time_label("Local time"), None);
    }
}
