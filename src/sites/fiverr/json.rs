//! Source (A): the perseus payload and JSON-LD.
//!
//! The payload is the object Fiverr's server hands its React app. Where the seller sits in it differs between
//! seller pages (`userData.seller_card`, `userData.seller_profile`) and gig pages (`overview.seller`), and the key
//! names inside those objects are undocumented (UNCERTAIN), so every field is tried under the alternatives of
//! [`sel`] in every seller object found. Reviews are found by key (`reviews`) and then by shape (objects with a
//! `comment` and stars).

use super::selectors as sel;
use super::{fill, location, plausible_member_since, plausible_rate, plausible_rating, Builder};
use super::{MAX_FEEDBACK, MAX_NAME, MAX_OVERVIEW, MAX_SHORT, MAX_TITLE, MAX_USERNAME};
use crate::case::upper_char;
use crate::json::Value;
use crate::model::{Date, Field, Language, Money, Profile, WorkEntry, YearMonth};
use crate::page::Page;
use crate::sites::put;
use crate::text;

/// Payloads larger than this are not parsed.
const MAX_PAYLOAD: usize = 8_000_000;

/// The parsed payload of the page and a label for evidence.
pub fn find_props(page: &dyn Page) -> Option<(Value, String)> {
    for css in sel::PROPS_SCRIPTS {
        for node in page.select(None, css).into_iter().take(4) {
            let raw = page.raw_text(node);
            if raw.len() > MAX_PAYLOAD {
                continue;
            }
            if let Ok(v @ Value::Object(_)) = crate::json::from_str(raw.trim()) {
                return Some((v, "perseus-initial-props".to_string()));
            }
        }
    }
    for n in page.select(None, "script").into_iter().take(300) {
        // Only a script that names the payload is copied (the others can be megabytes).
        let Some(raw) = page.raw_text_holding(n, sel::PROPS_ASSIGNMENTS, MAX_PAYLOAD) else {
            continue;
        };
        for marker in sel::PROPS_ASSIGNMENTS {
            if let Some(v) = assigned_object(&raw, marker) {
                return Some((v, marker.to_string()));
            }
        }
    }
    None
}

/// The object a script assigns after `marker` ("perseusApp.initialData = {…}"), parsed.
fn assigned_object(raw: &str, marker: &str) -> Option<Value> {
    let at = raw.find(marker)?;
    let rest = raw.get(at + marker.len()..)?;
    let rest = rest.trim_start().strip_prefix('=')?;
    let object = balanced_object(rest)?;
    crate::json::from_str(object).ok().filter(Value::is_object)
}

/// The JSON object at the start of `s` (after blanks), up to its matching brace; strings are skipped.
fn balanced_object(s: &str) -> Option<&str> {
    let s = s.trim_start();
    if !s.starts_with('{') {
        return None;
    }
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, b) in s.bytes().enumerate() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return s.get(..=i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Follows object keys.
fn at<'v>(v: &'v Value, path: &[&str]) -> Option<&'v Value> {
    let mut cur = v;
    for k in path {
        cur = cur.get(k)?;
    }
    (!cur.is_null()).then_some(cur)
}

/// A number, or a string holding a plain number.
fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64().filter(|f| f.is_finite()),
        Value::String(s) => {
            let t = s.trim();
            (!t.is_empty() && t.len() < 40 && t.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
                .then(|| crate::float::parse_f64(t))
                .flatten()
        }
        _ => None,
    }
}

fn string(v: &Value) -> Option<&str> {
    v.as_str().map(str::trim).filter(|s| !s.is_empty())
}

/// A date from ISO text, a displayed date, or epoch seconds / milliseconds.
fn date(v: &Value) -> Option<Date> {
    match v {
        Value::String(s) if s.trim().bytes().all(|b| b.is_ascii_digit()) => date(&Value::from(
            crate::float::parse_f64(s.trim()).filter(|f| f.is_finite())?,
        )),
        Value::String(s) => text::parse_date(s),
        Value::Number(_) => {
            let n = num(v)?;
            // Seconds until the year 5138; milliseconds after that.
            let ms = if n < 1.0e11 { n * 1000.0 } else { n };
            let d = crate::time::Instant::from_unix_millis(ms)?.utc_date();
            Date::new(d.year, u32::from(d.month), u32::from(d.day))
        }
        _ => None,
    }
}

fn year_month(v: &Value) -> Option<YearMonth> {
    let ym = match v {
        Value::String(s) if !s.trim().bytes().all(|b| b.is_ascii_digit()) => {
            text::parse_year_month(s)
        }
        _ => date(v).and_then(|d| YearMonth::new(d.year, u32::from(d.month))),
    }?;
    plausible_member_since(ym)
}

/// The seller objects of the payload, with their dotted paths.
fn seller_objects(props: &Value) -> Vec<(&Value, String)> {
    let mut out: Vec<(&Value, String)> = Vec::new();
    for path in sel::SELLER_PATHS {
        if let Some(v) = at(props, path).filter(|v| v.is_object()) {
            if !out.iter().any(|(o, _)| std::ptr::eq(*o, v)) {
                out.push((v, crate::text::join(path, ".")));
            }
        }
    }
    out
}

/// The first value under any of `keys` in any seller object, with its source.
fn seller_value<'v>(objects: &[(&'v Value, String)], keys: &[&str]) -> Option<(&'v Value, String)> {
    for (o, path) in objects {
        if let Some((v, k)) = first_key(o, keys) {
            return Some((v, format!("{path}.{k}")));
        }
    }
    None
}

/// The first of `keys` that `o` holds a value (not null) under, with the key.
fn first_key<'v, 'k>(o: &'v Value, keys: &[&'k str]) -> Option<(&'v Value, &'k str)> {
    for k in keys {
        if let Some(v) = o.get(k).filter(|v| !v.is_null()) {
            return Some((v, k));
        }
    }
    None
}

/// The seller's username as the payload states it, to check the payload is about the page shown.
pub fn seller_username(props: &Value) -> Option<String> {
    let objects = seller_objects(props);
    payload_username(props, &objects)
        .map(|(u, _)| u)
        .filter(|u| super::is_username(u))
}

/// The username the payload states, with its path: in a seller object, else at one of the gig page's paths.
fn payload_username(props: &Value, objects: &[(&Value, String)]) -> Option<(String, String)> {
    if let Some((v, p)) = seller_value(objects, sel::USERNAME_KEYS) {
        if let Some(u) = string(v) {
            return Some((u.to_string(), p));
        }
    }
    for p in sel::USERNAME_PATHS {
        if let Some(u) = at(props, p).and_then(string) {
            return Some((u.to_string(), crate::text::join(p, ".")));
        }
    }
    None
}

/// A field read from the seller objects: the keys it is found under (the first object that has one wins) and
/// how its value is read into the profile (`read` stores it in the empty slot and says whether there was
/// one). One loop reads every row.
struct SellerField {
    field: Field,
    keys: &'static [&'static str],
    read: fn(&Value, &mut Profile) -> bool,
}

/// The seller objects' plain fields (the name, overview, location and badges need more than one value).
const SELLER_FIELDS: &[SellerField] = &[
    SellerField {
        field: Field::Title,
        keys: sel::ONE_LINER_KEYS,
        read: |v, p| {
            put(
                &mut p.title,
                string(v).and_then(|s| text::clean(s, MAX_TITLE)),
            )
        },
    },
    SellerField {
        field: Field::MemberSince,
        keys: sel::MEMBER_SINCE_KEYS,
        read: |v, p| put(&mut p.member_since, year_month(v)),
    },
    SellerField {
        field: Field::HourlyRate,
        keys: sel::HOURLY_RATE_KEYS,
        read: |v, p| put(&mut p.hourly_rate, hourly_rate(v)),
    },
    SellerField {
        field: Field::Languages,
        keys: sel::LANGUAGE_KEYS,
        read: |v, p| match v {
            Value::Array(items) => put(&mut p.languages, languages(items)),
            _ => false,
        },
    },
];

/// Reads every field the payload holds.
pub fn read_props(props: &Value, label: &str, b: &mut Builder) {
    let objects = seller_objects(props);
    let src = |rel: &str| format!("{label} {rel}");

    // Name: username and display name.
    let username = payload_username(props, &objects)
        .filter(|(u, _)| super::is_username(u) && u.len() <= MAX_USERNAME);
    if b.username.is_none() {
        b.username = username.map(|(u, p)| (u, src(&p)));
    }
    if b.display_name.is_none() {
        b.display_name = seller_value(&objects, sel::DISPLAY_NAME_KEYS)
            .and_then(|(v, p)| Some((text::clean(string(v)?, MAX_NAME)?, src(&p))));
    }

    for f in SELLER_FIELDS {
        if !b.wants(f.field) {
            continue;
        }
        if let Some((v, p)) = seller_value(&objects, f.keys) {
            if (f.read)(v, &mut b.p) {
                b.note(f.field, src(&p));
            }
        }
    }
    if let Some((v, p)) = seller_value(&objects, sel::DESCRIPTION_KEYS) {
        b.links_read(src(&p));
        fill!(
            b,
            Field::Overview,
            overview,
            src(&p),
            string(v).and_then(|s| text::clean(s, MAX_OVERVIEW))
        );
    }

    // Location: a name, a code, or both.
    let country = seller_value(&objects, sel::COUNTRY_KEYS);
    let code = seller_value(&objects, sel::COUNTRY_CODE_KEYS);
    let city = seller_value(&objects, sel::CITY_KEYS).and_then(|(v, _)| string(v));
    if country.is_some() || code.is_some() {
        let where_ = country
            .as_ref()
            .or(code.as_ref())
            .map(|(_, p)| p.clone())
            .unwrap_or_default();
        fill!(
            b,
            Field::Location,
            location,
            src(&where_),
            location(
                city,
                country.as_ref().and_then(|(v, _)| string(v)),
                code.as_ref().and_then(|(v, _)| string(v))
            )
        );
    }

    // Badges: the level decides whether the list is known; Pro and Vetted join it.
    if b.wants(Field::Badges) {
        let mut level =
            seller_value(&objects, sel::LEVEL_KEYS).and_then(|(v, p)| Some((level_badge(v)?, p)));
        for p in sel::LEVEL_PATHS {
            if level.is_some() {
                break;
            }
            if let Some(badge) = at(props, p).and_then(level_badge) {
                level = Some((badge, crate::text::join(p, ".")));
            }
        }
        if let Some((level, p)) = level {
            let mut badges: Vec<String> = Vec::new();
            if let Some(level) = level {
                badges.push(level.to_string());
            }
            let flag = |keys: &[&str]| {
                seller_value(&objects, keys).is_some_and(|(v, _)| v.as_bool() == Some(true))
            };
            if flag(sel::PRO_KEYS) {
                badges.push("Pro".to_string());
            }
            if flag(sel::VETTED_KEYS) {
                badges.push("Vetted".to_string());
            }
            b.p.badges = Some(badges);
            b.note(Field::Badges, src(&p));
        }
    }

    if b.wants(Field::WorkHistory) {
        let mut budget = 200_000usize;
        if let Some((mut entries, path)) = find_reviews(props, String::new(), 0, &mut budget) {
            // On a gig page the reviews are about the gig shown.
            let mut gig = None;
            for p in sel::GIG_TITLE_PATHS {
                if let Some(t) = at(props, p).and_then(string) {
                    gig = text::clean(t, MAX_TITLE);
                    break;
                }
            }
            if let Some(gig) = gig {
                for e in entries.iter_mut().filter(|e| e.title.is_none()) {
                    e.title = Some(gig.clone());
                }
            }
            b.p.work_history = Some(entries);
            b.note(Field::WorkHistory, src(&path));
        }
    }
}

/// `Some(Some(badge))` for a level, `Some(None)` for "no level" (a new seller), `None` when not understood.
fn level_badge(v: &Value) -> Option<Option<&'static str>> {
    match v {
        Value::Number(_) => match num(v)? as i64 {
            // The saved 2021 page pairs `achievement: 2` with "level_two"; other numbers are undocumented.
            0 => Some(None),
            1 => Some(Some("Level 1")),
            2 => Some(Some("Level 2")),
            _ => None,
        },
        Value::String(s) => {
            let k = with_chars_as(&s.trim().to_ascii_lowercase(), ['-', ' '], '_');
            let k = k.strip_suffix("_seller").unwrap_or(&k);
            match k {
                "level_one" | "level_1" | "level1" | "one" => Some(Some("Level 1")),
                "level_two" | "level_2" | "level2" | "two" => Some(Some("Level 2")),
                "top_rated" | "toprated" | "trs" | "level_trs" => Some(Some("Top Rated")),
                "new" | "na" | "none" | "no_level" | "level_zero" | "level_0" | "level0" => {
                    Some(None)
                }
                _ => None,
            }
        }
        Value::Object(_) => {
            for k in ["name", "slug", "title", "id"] {
                if let Some(level) = v.get(k).and_then(level_badge) {
                    return Some(level);
                }
            }
            None
        }
        _ => None,
    }
}

/// `s` with each of `from` written as `to` (as `str::replace` with a char pattern, without its generic
/// searcher for these two calls).
fn with_chars_as(s: &str, from: [char; 2], to: char) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        out.push(if from.contains(&c) { to } else { c });
    }
    out
}

/// Cents, or `{amount_in_cents|amount, currency}`; zero means "no hourly offer".
fn hourly_rate(v: &Value) -> Option<Money> {
    let (amount, currency) = match v {
        Value::Object(_) => {
            let amount = v
                .get("amount_in_cents")
                .or_else(|| v.get("cents"))
                .and_then(num)
                .map(|c| c / 100.0)
                .or_else(|| v.get("amount").and_then(num))?;
            let currency = v
                .get("currency")
                .or_else(|| v.get("currency_code"))
                .or_else(|| v.get("currencyCode"))
                .and_then(string)
                .map(str::to_ascii_uppercase)
                .unwrap_or_else(|| "USD".to_string());
            (amount, currency)
        }
        _ => (num(v)? / 100.0, "USD".to_string()),
    };
    plausible_rate(Money { amount, currency })
}

/// Fiverr's language levels: 1 basic … 4 native or bilingual.
fn level_name(v: &Value) -> Option<String> {
    match v {
        Value::Number(_) => match num(v)? as i64 {
            1 => Some("Basic".into()),
            2 => Some("Conversational".into()),
            3 => Some("Fluent".into()),
            4 => Some("Native or Bilingual".into()),
            _ => None,
        },
        Value::String(s) => {
            // "native_or_bilingual" → "Native or Bilingual"; text as shown stays as it is.
            let words = with_chars_as(s.trim(), ['_', '-'], ' ');
            let t = text::clean(&words, MAX_SHORT)?;
            let mut titled = String::new();
            for (i, w) in t.split(' ').enumerate() {
                if i > 0 {
                    titled.push(' ');
                }
                let mut c = w.chars();
                match c.next() {
                    Some(f) if !matches!(w, "or" | "and") => {
                        titled.extend(upper_char(f));
                        titled.push_str(c.as_str());
                    }
                    _ => titled.push_str(w),
                }
            }
            Some(titled)
        }
        _ => None,
    }
}

fn languages(items: &[Value]) -> Option<Vec<Language>> {
    let mut out: Vec<Language> = Vec::new();
    for item in items.iter().take(30) {
        let (name, level) = match item {
            Value::String(s) => (Some(s.as_str()), None),
            Value::Object(_) => {
                let mut name = None;
                for k in sel::LANGUAGE_NAME_KEYS {
                    name = item.get(k).and_then(string);
                    if name.is_some() {
                        break;
                    }
                }
                let mut level = None;
                for k in sel::LANGUAGE_LEVEL_KEYS {
                    level = item.get(k).and_then(level_name);
                    if level.is_some() {
                        break;
                    }
                }
                (name, level)
            }
            _ => (None, None),
        };
        let Some(name) = name.and_then(language_name) else {
            continue;
        };
        if !out.iter().any(|l| l.name == name) {
            out.push(Language { name, level });
        }
    }
    // An empty list in the payload says nothing about what the seller speaks.
    (!out.is_empty()).then_some(out)
}

/// A language name, or the English name of an ISO 639-1 code ("en" → "English").
pub(crate) fn language_name(s: &str) -> Option<String> {
    let t = s.trim();
    let code = crate::text::before_any(t, b"-_").to_ascii_lowercase();
    if (2..=3).contains(&t.len()) || (t.len() <= 7 && crate::text::find_any(t, b"-_").is_some()) {
        for line in LANGUAGE_CODES.lines() {
            if let Some((c, n)) = line.split_once(' ') {
                if c == code {
                    return Some(n.to_string());
                }
            }
        }
    }
    let name = text::clean(t, MAX_SHORT)?;
    let plausible = name.chars().any(char::is_alphabetic)
        && !name.chars().any(|c| c.is_ascii_digit())
        && name.split(' ').count() <= 4;
    plausible.then_some(name)
}

/// Whether `word` is the English name of a language in [`LANGUAGE_CODES`] ("German", "Urdu").
pub(crate) fn is_language_name(word: &str) -> bool {
    let word = word.trim();
    for line in LANGUAGE_CODES.lines() {
        if let Some((_, n)) = line.split_once(' ') {
            if n.eq_ignore_ascii_case(word) {
                return true;
            }
        }
    }
    false
}

/// ISO 639-1 codes Fiverr sellers list, each with its English name after a space; one a line (a text, not an
/// array of `&str` pairs: each pair would add 16 bytes of pointers and lengths to the wasm).
const LANGUAGE_CODES: &str = "\
af Afrikaans
am Amharic
ar Arabic
az Azerbaijani
be Belarusian
bg Bulgarian
bn Bengali
bs Bosnian
ca Catalan
cs Czech
da Danish
de German
el Greek
en English
es Spanish
et Estonian
fa Persian
fi Finnish
fil Filipino
fr French
ga Irish
gu Gujarati
ha Hausa
he Hebrew
hi Hindi
hr Croatian
hu Hungarian
hy Armenian
id Indonesian
ig Igbo
is Icelandic
it Italian
ja Japanese
ka Georgian
kk Kazakh
km Khmer
kn Kannada
ko Korean
lt Lithuanian
lv Latvian
mk Macedonian
ml Malayalam
mn Mongolian
mr Marathi
ms Malay
my Burmese
ne Nepali
nl Dutch
no Norwegian
pa Punjabi
pl Polish
ps Pashto
pt Portuguese
ro Romanian
ru Russian
si Sinhala
sk Slovak
sl Slovenian
so Somali
sq Albanian
sr Serbian
sv Swedish
sw Swahili
ta Tamil
te Telugu
th Thai
tl Tagalog
tr Turkish
uk Ukrainian
ur Urdu
uz Uzbek
vi Vietnamese
yo Yoruba
zh Chinese
zu Zulu";

/// Whether an object looks like a buyer's review.
fn is_review(v: &Value) -> bool {
    v.is_object()
        && sel::REVIEW_COMMENT_KEYS
            .iter()
            .any(|k| v.get(*k).is_some_and(Value::is_string))
        && sel::REVIEW_RATING_KEYS
            .iter()
            .any(|k| v.get(*k).and_then(num).is_some())
}

/// The first array of reviews: under a `reviews` key first (depth-first), else any review-shaped array, never
/// one that repeats others (`reviews_snippet`).
fn find_reviews(
    v: &Value,
    path: String,
    depth: usize,
    budget: &mut usize,
) -> Option<(Vec<WorkEntry>, String)> {
    let mut fallback: Option<(Vec<WorkEntry>, String)> = None;
    let found = walk_reviews(v, path, depth, budget, &mut fallback);
    found.or(fallback)
}

fn walk_reviews(
    v: &Value,
    path: String,
    depth: usize,
    budget: &mut usize,
    fallback: &mut Option<(Vec<WorkEntry>, String)>,
) -> Option<(Vec<WorkEntry>, String)> {
    if *budget == 0 || depth > 12 {
        return None;
    }
    *budget -= 1;
    let join = |k: &str| {
        if path.is_empty() {
            k.to_string()
        } else {
            format!("{path}.{k}")
        }
    };
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if sel::REVIEW_DUPLICATE_KEYS.contains(&k.as_str()) {
                    continue;
                }
                if let Value::Array(items) = x {
                    if items.first().is_some_and(is_review) {
                        let entries = reviews(items);
                        if k == sel::REVIEWS_KEY {
                            return Some((entries, join(k)));
                        }
                        if fallback.is_none() {
                            *fallback = Some((entries, join(k)));
                        }
                        continue;
                    }
                }
                if let Some(hit) = walk_reviews(x, join(k), depth + 1, budget, fallback) {
                    return Some(hit);
                }
            }
            None
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate().take(1000) {
                if let Some(hit) =
                    walk_reviews(x, join(&i.to_string()), depth + 1, budget, fallback)
                {
                    return Some(hit);
                }
            }
            None
        }
        _ => None,
    }
}

fn reviews(items: &[Value]) -> Vec<WorkEntry> {
    let mut out = Vec::new();
    for x in items {
        if out.len() == sel::MAX_REVIEWS {
            break;
        }
        if is_review(x) {
            out.push(review(x));
        }
    }
    out
}

fn review(r: &Value) -> WorkEntry {
    let first = |keys: &[&str]| first_key(r, keys).map(|(v, _)| v);
    WorkEntry {
        title: first(sel::REVIEW_GIG_TITLE_KEYS)
            .or_else(|| at(r, &["gig", "title"]))
            .and_then(string)
            .and_then(|s| text::clean(s, MAX_TITLE)),
        end: first(sel::REVIEW_DATE_KEYS).and_then(date),
        rating: first(sel::REVIEW_RATING_KEYS)
            .and_then(num)
            .and_then(plausible_rating),
        feedback: first(sel::REVIEW_COMMENT_KEYS)
            .and_then(string)
            .and_then(|s| text::clean(s, MAX_FEEDBACK)),
        ..WorkEntry::default()
    }
}

/// JSON-LD: a `Product`'s `review[]` (reviewBody, datePublished, reviewRating.ratingValue) when the payload gave
/// no reviews. Aggregate rating and offers are not profile fields.
pub fn read_ld_json(page: &dyn Page, b: &mut Builder) {
    if !b.wants(Field::WorkHistory) {
        return;
    }
    for node in page.select(None, sel::LD_JSON).into_iter().take(20) {
        let raw = page.raw_text(node);
        if raw.len() > MAX_PAYLOAD {
            continue;
        }
        let Ok(v) = crate::json::from_str(raw.trim()) else {
            continue;
        };
        let items: &[Value] = match &v {
            Value::Array(a) => a,
            Value::Object(o) => match o.get("@graph") {
                Some(Value::Array(g)) => g,
                _ => std::slice::from_ref(&v),
            },
            _ => continue,
        };
        for item in items.iter().take(20) {
            let is_product = item
                .get("@type")
                .and_then(string)
                .is_some_and(|t| t.eq_ignore_ascii_case("Product"));
            let Some(Value::Array(reviews)) = item.get("review").filter(|_| is_product) else {
                continue;
            };
            let mut entries: Vec<WorkEntry> = Vec::new();
            for r in reviews.iter().take(sel::MAX_REVIEWS) {
                let Some(feedback) = r
                    .get("reviewBody")
                    .and_then(string)
                    .and_then(|s| text::clean(s, MAX_FEEDBACK))
                else {
                    continue;
                };
                entries.push(WorkEntry {
                    end: r.get("datePublished").and_then(date),
                    rating: at(r, &["reviewRating", "ratingValue"])
                        .and_then(num)
                        .and_then(plausible_rating),
                    feedback: Some(feedback),
                    ..WorkEntry::default()
                });
            }
            if !entries.is_empty() {
                b.p.work_history = Some(entries);
                b.note(Field::WorkHistory, "application/ld+json Product.review");
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balanced_objects() {
        assert_eq!(
            balanced_object(" {\"a\":\"}{\\\"\",\"b\":[1,{}]};var x=1;"),
            Some("{\"a\":\"}{\\\"\",\"b\":[1,{}]}")
        );
        assert_eq!(balanced_object("{\"a\":1"), None);
        assert_eq!(balanced_object("]}"), None);
        assert_eq!(balanced_object("x"), None);
    }

    #[test]
    fn levels_rates_and_languages() {
        assert_eq!(
            level_badge(&Value::from("level_two")),
            Some(Some("Level 2"))
        );
        assert_eq!(
            level_badge(&Value::from("top_rated_seller")),
            Some(Some("Top Rated"))
        );
        assert_eq!(level_badge(&Value::from("na")), Some(None));
        assert_eq!(level_badge(&Value::from(2)), Some(Some("Level 2")));
        assert_eq!(level_badge(&Value::from(7)), None);
        assert_eq!(level_badge(&Value::from("wizard")), None);
        assert_eq!(
            hourly_rate(&Value::from(4500)),
            Some(Money {
                amount: 45.0,
                currency: "USD".into()
            })
        );
        assert_eq!(hourly_rate(&Value::from(0)), None);
        assert_eq!(hourly_rate(&Value::from(1e300)), None);
        assert_eq!(language_name("en").as_deref(), Some("English"));
        assert_eq!(language_name("pt-BR").as_deref(), Some("Portuguese"));
        assert_eq!(language_name("Urdu").as_deref(), Some("Urdu"));
        assert_eq!(language_name("42"), None);
        assert_eq!(
            level_name(&Value::from("native_or_bilingual")).as_deref(),
            Some("Native or Bilingual")
        );
        assert_eq!(level_name(&Value::from(3)).as_deref(), Some("Fluent"));
        assert_eq!(
            level_name(&Value::from("élémentaire or élevé")).as_deref(),
            Some("Élémentaire or Élevé"),
            "a non-ASCII first letter is capitalised too"
        );
    }

    #[test]
    fn dates_from_seconds_millis_and_text() {
        assert_eq!(date(&Value::from(1541030400)), Date::new(2018, 11, 1));
        assert_eq!(date(&Value::from(1541030400000i64)), Date::new(2018, 11, 1));
        assert_eq!(
            date(&Value::from("2021-02-28T16:21:49")),
            Date::new(2021, 2, 28)
        );
        assert_eq!(
            year_month(&Value::from("Nov 2018")),
            YearMonth::new(2018, 11)
        );
        assert_eq!(year_month(&Value::from(0)), None, "1970 is before Fiverr");
        assert_eq!(date(&Value::from(-5)), None);
    }
}
