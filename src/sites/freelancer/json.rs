//! Source (A): Angular's TransferState, the JSON the server rendered the page from.
//!
//! The key names are those of Freelancer.com's public REST API (`users/0.1/users`: `username`, `display_name`,
//! `tagline`, `hourly_rate`, `primary_currency{code}`, `registration_date` (Unix seconds), `location{city,
//! country{name,code}}`, `status{identity_verified, payment_verified, freelancer_verified_user}`, `badges[]`,
//! `reputation.entire_history{overall, reviews, complete}`, `profile_description`; `projects/0.1/reviews`:
//! `to_user_id`, `rating`, `description`, `time_submitted`, `paid_amount`, `currency{code}`,
//! `review_context{context_name}`), as in page-structure.md §4 and public API clients (a Go bot's types, a 2018
//! API response). The research found no saved page, so HOW the SSR app embeds them is UNCERTAIN: Angular's HTTP
//! transfer cache keeps each response under a hash as `{"b": body, "u": url, …}`, Freelancer's own datastore may
//! use other wrappers. Objects are therefore found by shape wherever they sit, and the user object must name the
//! profile's username when the page's address is known (after in-place navigation the embedded state still
//! describes the first profile opened).

use super::selectors as sel;
use super::Builder;
use super::{add_badge, MAX_BADGE, MAX_FEEDBACK, MAX_NAME, MAX_OVERVIEW, MAX_TITLE};
use super::{
    date_from_unix, location, month_from_unix, plausible_amount, plausible_jobs, plausible_rate,
    plausible_rating,
};
use crate::json::{Map, Value};
use crate::model::{Field, Money, Profile, WorkEntry};
use crate::page::{Node, Page};
use crate::sites::put;
use crate::text;

/// Keys that mark an object with a `username` as a user record rather than, say, a login form.
const USER_KEYS: &[&str] = &[
    "display_name",
    "public_name",
    "registration_date",
    "reputation",
    "tagline",
    "hourly_rate",
    "profile_description",
];
/// Keys only the full profile record has (reviewers' records in a reviews response are compact).
const PROFILE_KEYS: &[&str] = &["profile_description", "hourly_rate", "tagline", "badges"];

/// Walk limits: objects visited per script and the depth followed.
const MAX_VISITS: usize = 300_000;
const MAX_DEPTH: usize = 96;
const MAX_PATH: usize = 160;

/// One embedded state, parsed.
struct State {
    value: Value,
    label: String,
}

/// Reads the TransferState of the page; `username` is the profile's, when the page's address names it.
/// Returns the username of the user record read, for the profile key of a saved page.
pub fn read_state(page: &dyn Page, username: Option<&str>, b: &mut Builder) -> Option<String> {
    let states = find_states(page);
    let mut users = Vec::new();
    let mut reviews = Vec::new();
    let mut saw_review_list = false;
    for (si, st) in states.iter().enumerate() {
        let mut visits = 0;
        walk(
            &st.value,
            &mut String::new(),
            0,
            &mut visits,
            &mut |path, obj| {
                if is_user(obj) {
                    users.push((si, path.to_string(), obj));
                }
                if is_review(obj) {
                    reviews.push((si, path.to_string(), obj));
                }
                if obj.get("reviews").is_some_and(Value::is_array) {
                    saw_review_list = true;
                }
            },
        );
    }
    let chosen = match username {
        Some(u) => {
            let mut named = None;
            for user in &users {
                let name = user.2.get("username").and_then(Value::as_str);
                if name.is_some_and(|n| n.trim().eq_ignore_ascii_case(u)) {
                    named = Some(user);
                    break;
                }
            }
            named
        }
        None => {
            // The richest record with any profile key; the last of equals.
            let mut richest = None;
            let mut most = 1;
            for user in &users {
                let mut n = 0;
                for k in PROFILE_KEYS {
                    n += usize::from(user.2.contains_key(*k));
                }
                if n >= most {
                    richest = Some(user);
                    most = n;
                }
            }
            richest
        }
    };
    let (si, path, user) = chosen?;
    let label_of = |i: usize| states.get(i).map_or("", |s| s.label.as_str());
    let label = label_of(*si);
    let src = |key: &str| format!("{label} {path}.{key}");
    let state_username = user
        .get("username")
        .and_then(Value::as_str)
        .filter(|u| super::username_of(u).is_some())
        .map(str::to_string);
    read_user(user, &src, b);

    // Reviews the user received as a freelancer: addressed to the user's id when both carry one.
    let user_id = user.get("id").and_then(num);
    let mut mine = Vec::new();
    for review in &reviews {
        let r = review.2;
        let to_user = match (user_id, r.get("to_user_id").and_then(num)) {
            (Some(u), Some(t)) => u == t,
            _ => true,
        };
        let as_employer = r
            .get("role")
            .and_then(Value::as_str)
            .is_some_and(|role| role.eq_ignore_ascii_case("employer"));
        if to_user && !as_employer {
            mine.push(review);
        }
    }
    if b.wants(Field::WorkHistory) && (!mine.is_empty() || saw_review_list) {
        let mut seen_ids = Vec::new();
        let mut entries = Vec::new();
        for (_, _, r) in mine.iter().take(sel::MAX_REVIEWS) {
            if let Some(id) = r.get("id").and_then(num) {
                if seen_ids.contains(&id.to_bits()) {
                    continue;
                }
                seen_ids.push(id.to_bits());
            }
            entries.push(review_entry(r));
        }
        let where_ = mine
            .first()
            .map(|(si, p, _)| format!("{} {}", label_of(*si), parent_of(p)))
            .unwrap_or_else(|| format!("{} reviews[]", label_of(*si)));
        b.p.work_history = Some(entries);
        b.note(Field::WorkHistory, where_);
    }
    state_username
}

/// The embedded JSON scripts, parsed, with a label for evidence.
fn find_states(page: &dyn Page) -> Vec<State> {
    let mut out = Vec::new();
    let mut looked: Vec<Node> = Vec::new();
    for css in sel::STATE_SCRIPTS {
        for node in page.select(None, css) {
            if looked.len() >= sel::MAX_STATE_SCRIPTS {
                return out;
            }
            if looked.contains(&node) {
                continue;
            }
            looked.push(node);
            let raw = page.raw_text(node);
            if raw.len() > sel::MAX_STATE_BYTES || !raw.trim_start().starts_with('{') {
                continue;
            }
            let Some(value) = parse_state(&raw) else {
                continue;
            };
            let label = page
                .attr(node, "id")
                .filter(|id| {
                    !id.is_empty()
                        && id.len() <= 40
                        && id
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_'))
                })
                .unwrap_or_else(|| "application/json script".to_string());
            out.push(State { value, label });
        }
    }
    out
}

/// Parses a TransferState script: plain JSON (Angular 16+), or the escaped form older Angular Universal wrote
/// (`&q;` for `"`, `&a;` for `&`, `&s;` `&l;` `&g;` for `'` `<` `>`).
pub fn parse_state(raw: &str) -> Option<Value> {
    let value = crate::json::from_str(raw.trim()).ok();
    if value.as_ref().is_some_and(Value::is_object) {
        return value;
    }
    if !raw.contains("&q;") {
        return None;
    }
    crate::json::from_str(unescape_state(raw).trim())
        .ok()
        .filter(Value::is_object)
}

/// The escaped form's entities replaced in one pass (as replacing `&q;`, `&s;`, `&l;`, `&g;` and then `&a;`
/// one after another would: no replacement makes a new entity, and `&a;` comes last).
fn unescape_state(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(rest.get(..i).unwrap_or(""));
        let entity = match rest.get(i..i + 3) {
            Some("&q;") => Some('"'),
            Some("&s;") => Some('\''),
            Some("&l;") => Some('<'),
            Some("&g;") => Some('>'),
            Some("&a;") => Some('&'),
            _ => None,
        };
        out.push(entity.unwrap_or('&'));
        let skip = if entity.is_some() { 3 } else { 1 };
        rest = rest.get(i + skip..).unwrap_or("");
    }
    out.push_str(rest);
    out
}

/// Visits every object below `v` with its path ("1234.b.result.users.567"), bounded in count and depth.
fn walk<'a>(
    v: &'a Value,
    path: &mut String,
    depth: usize,
    visits: &mut usize,
    f: &mut impl FnMut(&str, &'a Map<String, Value>),
) {
    if depth > MAX_DEPTH || *visits >= MAX_VISITS {
        return;
    }
    *visits += 1;
    let len = path.len();
    match v {
        Value::Object(map) => {
            f(path, map);
            for (k, child) in map {
                if matches!(child, Value::Object(_) | Value::Array(_)) {
                    push_path(path, k);
                    walk(child, path, depth + 1, visits, f);
                    path.truncate(len);
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                if matches!(child, Value::Object(_) | Value::Array(_)) {
                    if path.len() < MAX_PATH {
                        path.push_str(&format!("[{i}]"));
                    }
                    walk(child, path, depth + 1, visits, f);
                    path.truncate(len);
                }
            }
        }
        _ => {}
    }
}

fn push_path(path: &mut String, key: &str) {
    if path.len() >= MAX_PATH {
        return;
    }
    // Keys are page text: keep them short and printable in evidence.
    if !path.is_empty() {
        path.push('.');
    }
    let mut kept = 0;
    for c in key.chars() {
        if kept == 40 {
            break;
        }
        if c.is_ascii_alphanumeric() || matches!(c, '_' | '-') {
            path.push(c);
            kept += 1;
        }
    }
}

fn parent_of(path: &str) -> String {
    match crate::text::rfind_byte(path, b'[') {
        Some(i) if path.ends_with(']') => format!("{}[]", &path[..i]),
        _ => path.to_string(),
    }
}

fn is_user(o: &Map<String, Value>) -> bool {
    o.get("username").is_some_and(Value::is_string) && USER_KEYS.iter().any(|k| o.contains_key(*k))
}

fn is_review(o: &Map<String, Value>) -> bool {
    o.get("rating").and_then(num).is_some()
        && (o.get("description").is_some_and(Value::is_string) || o.contains_key("time_submitted"))
        && (o.contains_key("to_user_id")
            || o.contains_key("review_context")
            || o.contains_key("from_user_id"))
}

/// A number, also written as a string ("25.00").
fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) if s.len() <= 32 => crate::float::parse_f64(s.trim()),
        _ => None,
    }
    .filter(|x| x.is_finite())
}

fn at<'a>(v: &'a Map<String, Value>, path: &[&str]) -> Option<&'a Value> {
    let (first, rest) = path.split_first()?;
    let mut cur = v.get(*first)?;
    for k in rest {
        cur = cur.get(*k)?;
    }
    Some(cur)
}

fn text_at(v: &Map<String, Value>, path: &[&str], max: usize) -> Option<String> {
    at(v, path)
        .and_then(Value::as_str)
        .and_then(|s| text::clean(s, max))
}

/// One field of the user record: its key path (the evidence names it) and how it is read into the profile
/// (`read` stores the value in its empty slot and says whether there was one). One loop reads them all.
struct UserField {
    field: Field,
    path: &'static str,
    read: fn(&Map<String, Value>, &mut Profile) -> bool,
}

/// The user record's fields, in the order they are tried.
const USER_FIELDS: &[UserField] = &[
    // Display name ("Karin B."); `public_name` is the same on newer records.
    UserField {
        field: Field::Name,
        path: "display_name",
        read: |u, p| put(&mut p.name, display_name(u, "display_name")),
    },
    UserField {
        field: Field::Name,
        path: "public_name",
        read: |u, p| put(&mut p.name, display_name(u, "public_name")),
    },
    UserField {
        field: Field::Title,
        path: "tagline",
        read: |u, p| put(&mut p.title, text_at(u, &["tagline"], MAX_TITLE)),
    },
    UserField {
        field: Field::HourlyRate,
        path: "hourly_rate",
        read: |u, p| put(&mut p.hourly_rate, user_rate(u)),
    },
    UserField {
        field: Field::Location,
        path: "location",
        read: |u, p| put(&mut p.location, user_location(u)),
    },
    UserField {
        field: Field::MemberSince,
        path: "registration_date",
        read: |u, p| {
            let since = u.get("registration_date").and_then(num);
            put(&mut p.member_since, since.and_then(month_from_unix))
        },
    },
    UserField {
        field: Field::IdVerified,
        path: "status.identity_verified",
        read: |u, p| {
            let verified = at(u, &["status", "identity_verified"]).and_then(Value::as_bool);
            put(&mut p.id_verified, verified)
        },
    },
    UserField {
        field: Field::Badges,
        path: "badges",
        read: |u, p| put(&mut p.badges, badges(u)),
    },
    UserField {
        field: Field::Overview,
        path: "profile_description",
        read: |u, p| {
            put(
                &mut p.overview,
                text_at(u, &["profile_description"], MAX_OVERVIEW),
            )
        },
    },
    // Completed projects (not an expected field: the page shows a percentage, not this count).
    UserField {
        field: Field::TotalJobs,
        path: "reputation.entire_history.complete",
        read: |u, p| {
            let complete = at(u, &["reputation", "entire_history", "complete"]).and_then(num);
            put(&mut p.total_jobs, complete.and_then(plausible_jobs))
        },
    },
];

fn read_user(u: &Map<String, Value>, src: &dyn Fn(&str) -> String, b: &mut Builder) {
    for f in USER_FIELDS {
        if b.wants(f.field) && (f.read)(u, &mut b.p) {
            b.note(f.field, src(f.path));
        }
    }
}

fn display_name(u: &Map<String, Value>, key: &str) -> Option<String> {
    text_at(u, &[key], MAX_NAME).filter(|n| !n.starts_with('@'))
}

/// The rate is in the user's primary currency, as the page shows it (UNCERTAIN: the API documentation the
/// research saw does not list `hourly_rate`). Without a currency the amount is not read: guessing USD would
/// put "800" rupees into the dollar band.
fn user_rate(u: &Map<String, Value>) -> Option<Money> {
    let currency = at(u, &["primary_currency", "code"])
        .or_else(|| at(u, &["currency", "code"]))
        .and_then(Value::as_str)
        .map(|c| c.trim().to_ascii_uppercase())?;
    let amount = u.get("hourly_rate").and_then(num)?;
    plausible_rate(Money { amount, currency })
}

fn user_location(u: &Map<String, Value>) -> Option<crate::model::Location> {
    let Some(Value::Object(loc)) = u.get("location") else {
        return None;
    };
    location(
        text_at(loc, &["city"], 100).as_deref(),
        text_at(loc, &["country", "name"], 100).as_deref(),
        text_at(loc, &["country", "code"], 2).as_deref(),
    )
}

/// Badge names: the record's `badges[].name`, plus the flags the page shows as badges. `None` when the record
/// says nothing about badges at all.
fn badges(u: &Map<String, Value>) -> Option<Vec<String>> {
    let mut known = false;
    let mut out: Vec<String> = Vec::new();
    if let Some(Value::Array(list)) = u.get("badges") {
        known = true;
        for item in list.iter().take(100) {
            let name = match item {
                Value::String(s) => text::clean(s, MAX_BADGE),
                Value::Object(o) => text_at(o, &["name"], MAX_BADGE),
                _ => None,
            };
            if let Some(n) = name {
                add_badge(&mut out, n);
            }
        }
    }
    for (path, label) in [
        (&["preferred_freelancer"][..], "Preferred Freelancer"),
        (&["is_preferred_freelancer"][..], "Preferred Freelancer"),
        (&["status", "freelancer_verified_user"][..], "Verified"),
    ] {
        if let Some(flag) = at(u, path).and_then(Value::as_bool) {
            known = true;
            if flag {
                add_badge(&mut out, label.to_string());
            }
        }
    }
    known.then_some(out)
}

fn review_entry(r: &Map<String, Value>) -> WorkEntry {
    let title = text_at(r, &["review_context", "context_name"], MAX_TITLE)
        .or_else(|| text_at(r, &["project", "title"], MAX_TITLE))
        .or_else(|| text_at(r, &["project_title"], MAX_TITLE))
        .or_else(|| text_at(r, &["title"], MAX_TITLE));
    let currency = at(r, &["currency", "code"])
        .or_else(|| r.get("currency").filter(|c| c.is_string()))
        .and_then(Value::as_str)
        .map(|c| c.trim().to_ascii_uppercase());
    let earnings = r
        .get("paid_amount")
        .and_then(num)
        .zip(currency)
        .and_then(|(amount, currency)| plausible_amount(Money { amount, currency }));
    WorkEntry {
        title,
        end: r
            .get("time_submitted")
            .and_then(num)
            .and_then(date_from_unix),
        earnings,
        rating: r.get("rating").and_then(num).and_then(plausible_rating),
        feedback: text_at(r, &["description"], MAX_FEEDBACK),
        ..WorkEntry::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescape_in_one_pass_as_chained_replaces() {
        let chained = |raw: &str| {
            raw.replace("&q;", "\"")
                .replace("&s;", "'")
                .replace("&l;", "<")
                .replace("&g;", ">")
                .replace("&a;", "&")
        };
        let alphabet = ['&', 'q', 's', 'l', 'g', 'a', ';', 'x', 'é'];
        let mut seed: u32 = 7;
        for _ in 0..20_000 {
            let mut raw = String::new();
            for _ in 0..12 {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                raw.push(alphabet[(seed >> 16) as usize % alphabet.len()]);
            }
            assert_eq!(unescape_state(&raw), chained(&raw), "{raw:?}");
        }
    }

    #[test]
    fn escaped_and_plain_states() {
        let plain = parse_state(r#"{"a":{"username":"x"}}"#).unwrap();
        assert_eq!(plain["a"]["username"], "x");
        let old = parse_state("{&q;a&q;:{&q;t&q;:&q;R&a;D &l;b&g; it&s;s&q;}}").unwrap();
        assert_eq!(old["a"]["t"], "R&D <b> it's");
        assert!(parse_state("[1,2]").is_none());
        assert!(parse_state("{").is_none());
        // Deep nesting is refused by the parser, not a stack overflow.
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse_state(&deep).is_none());
    }

    #[test]
    fn walk_is_bounded_and_labels_paths() {
        let v: Value = crate::json::from_str(
            r#"{"k1":{"b":{"result":{"users":{"7":{"username":"jdoe","display_name":"J D"}}}}}}"#,
        )
        .unwrap();
        let mut found = Vec::new();
        let mut visits = 0;
        walk(&v, &mut String::new(), 0, &mut visits, &mut |p, o| {
            if is_user(o) {
                found.push(p.to_string());
            }
        });
        assert_eq!(found, vec!["k1.b.result.users.7"]);
    }
}
