//! Source (A): the Nuxt store (`window.__NUXT__`) and JSON-LD.
//!
//! Key names come from the research notes (page-structure.md §1 B: `stats.hourlyRate{currencyCode,
//! amount}`, `totalHours`, `totalJobsWorked`, `nSS100BwScore`, `memberSince`, `totalEarnings`,
//! `topRatedStatus`/`topRatedPlusStatus`, `location{country,city,countryCodeIso2}`,
//! `availability.capacity.nid`, `languages[].language.englishName` + `proficiencyLevel.proficiencyTitle`,
//! `identity.idBadgeStatus`) and have been stable since 2016. Where the profile object sits has
//! moved (`state.profile.profile` in the notes, `state.profileViewer.profile` in a 2026 scraper), so
//! known paths are tried first and the object is then searched for by shape. Work-history entries
//! (`assignments[]` in 2016; `startedOn`, `endedOn`, `totalHours`, `hourlyRate`, `totalCharges`,
//! `feedback{score,comment}` in a saved work-history response) are likewise found by shape.

use super::selectors as sel;
use super::{fill, fill_src, jslit, location, put, Builder};
use super::{
    plausible_earnings, plausible_entry_hours, plausible_jobs, plausible_rate, plausible_rating,
    plausible_total_hours,
};
use super::{MAX_FEEDBACK, MAX_NAME, MAX_OVERVIEW, MAX_SHORT, MAX_TITLE};
use crate::case::lower_char;
use crate::json::Value;
use crate::model::{
    Availability, ContractKind, Date, Field, Language, Money, Profile, WorkEntry, YearMonth,
};
use crate::page::Page;
use crate::text;

/// Known places of the profile object inside the store, newest first.
const ROOT_PATHS: &[&[&str]] = &[
    &["state", "profileViewer", "profile"],
    &["state", "profile", "profile"],
    &["state", "profile"],
    &["state", "talentProfile", "profile"],
];

/// Keys whose arrays hold something other than contracts (employment history has titles and dates too).
const NOT_WORK: &[&str] = &[
    "employmentHistory",
    "education",
    "certificates",
    "portfolios",
    "otherExperiences",
    "languages",
    "skills",
    "specializedProfilesInfo",
    "jobCategories",
    "jobCategoriesV2",
    "feedbackGiven",
];

/// Profile sections in the store that can name sites: their strings are searched for links, e-mail addresses
/// and domain names (key names from page-structure.md §1 B; what is inside them is read by shape).
const LINK_KEYS: &[&str] = &[
    "portfolios",
    "employmentHistory",
    "otherExperiences",
    "certificates",
    "education",
];

/// Words of keys whose strings are pictures or files the site hosts, never the freelancer's own links.
const MEDIA_WORDS: &[&str] = &[
    "image",
    "images",
    "thumbnail",
    "thumb",
    "portrait",
    "photo",
    "avatar",
    "logo",
    "icon",
    "file",
    "files",
    "attachment",
    "attachments",
    "video",
    "src",
    "cover",
];

/// The parsed store of the first script that assigns `__NUXT__`, and a label for evidence.
pub fn find_nuxt(page: &dyn Page) -> Option<(Value, &'static str)> {
    super::script_value(page, "__NUXT__", jslit::parse_nuxt_assignment).map(|v| (v, "__NUXT__"))
}

/// Whether the store belongs to the page at `path`: its `routePath` (and the profile's cipher text,
/// when both name one) must match. A store that names neither is accepted.
pub fn store_is_for(store: &Value, path: &str) -> bool {
    let norm = |p: &str| {
        crate::text::before_any(p, b"?#")
            .trim_end_matches('/')
            .to_ascii_lowercase()
    };
    let here = norm(path);
    if let Some(route) = store.get("routePath").and_then(Value::as_str) {
        if norm(route) != here {
            return false;
        }
    }
    let cipher = find_root(store)
        .and_then(|(root, _)| at(root, &["identity", "ciphertext"]))
        .and_then(Value::as_str);
    let url_cipher = Some(crate::text::after_last(&here, b'/')).filter(|seg| seg.starts_with('~'));
    match (cipher, url_cipher) {
        (Some(c), Some(u)) => c.eq_ignore_ascii_case(u),
        _ => true,
    }
}

/// The strings below `v`, except those under keys that name pictures or files.
fn collect_strings<'v>(v: &'v Value, depth: usize, budget: &mut usize, out: &mut Vec<&'v str>) {
    if *budget == 0 || depth > 8 {
        return;
    }
    *budget -= 1;
    match v {
        Value::String(s) => out.push(s),
        Value::Array(a) => {
            for x in a.iter().take(500) {
                collect_strings(x, depth + 1, budget, out);
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                if !is_media_key(k) {
                    collect_strings(x, depth + 1, budget, out);
                }
            }
        }
        _ => {}
    }
}

/// "thumbnailUrl", "image_src", "coverImage" → true; "projectUrl", "description", "profileUrl" → false.
fn is_media_key(key: &str) -> bool {
    // Each word is checked as it ends: at '_', '-', an upper-case letter, or the key's end.
    let mut word = String::new();
    for c in key.chars() {
        if c == '_' || c == '-' || c.is_uppercase() {
            if MEDIA_WORDS.contains(&word.as_str()) {
                return true;
            }
            word.clear();
            if c.is_uppercase() {
                word.extend(lower_char(c));
            }
        } else {
            word.push(c);
        }
    }
    MEDIA_WORDS.contains(&word.as_str())
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

/// `{currencyCode, amount}`, GraphQL's `{node:{…}}`, or a bare number (Upwork amounts are USD).
fn money(v: &Value) -> Option<Money> {
    let v = v.get("node").unwrap_or(v);
    match v {
        Value::Object(_) => {
            let amount = v
                .get("amount")
                .or_else(|| v.get("rawValue"))
                .and_then(num)?;
            let currency = v
                .get("currencyCode")
                .or_else(|| v.get("currency"))
                .and_then(string)
                .map(str::to_ascii_uppercase)
                .unwrap_or_else(|| "USD".to_string());
            Some(Money { amount, currency })
        }
        Value::String(s) => text::parse_money(s),
        _ => num(v).map(|amount| Money {
            amount,
            currency: "USD".to_string(),
        }),
    }
}

/// A date from ISO text or epoch milliseconds.
fn date(v: &Value) -> Option<Date> {
    match v {
        Value::String(s) => text::parse_date(s),
        Value::Number(_) => {
            let ms = num(v)?;
            let instant = crate::time::Instant::from_unix_millis(ms)?;
            let d = instant.utc_date();
            Date::new(d.year, u32::from(d.month), u32::from(d.day))
        }
        _ => None,
    }
}

/// The profile object's texts: (field, key, longest kept).
const PROFILE_TEXTS: [(Field, &str, usize); 3] = [
    (Field::Name, "name", MAX_NAME),
    (Field::Title, "title", MAX_TITLE),
    (Field::Overview, "description", MAX_OVERVIEW),
];

/// A JSON-LD `Person`'s texts: (field, key, longest kept, source).
const PERSON_TEXTS: [(Field, &str, usize, &str); 3] = [
    (
        Field::Name,
        "name",
        MAX_NAME,
        "script[type=application/ld+json] Person.name",
    ),
    (
        Field::Title,
        "jobTitle",
        MAX_TITLE,
        "script[type=application/ld+json] Person.jobTitle",
    ),
    (
        Field::Overview,
        "description",
        MAX_OVERVIEW,
        "script[type=application/ld+json] Person.description",
    ),
];

/// Finds the profile object: known paths, then any object with `stats` beside `profile`/`identity`.
fn find_root(state: &Value) -> Option<(&Value, String)> {
    for path in ROOT_PATHS {
        if let Some(v) = at(state, path) {
            if v.get("stats").is_some() || v.get("profile").is_some_and(Value::is_object) {
                return Some((v, crate::text::join(path, ".")));
            }
        }
    }
    let mut budget = 200_000usize;
    search(state, String::new(), 0, &mut budget, &|v: &Value| {
        v.get("stats").is_some_and(Value::is_object)
            && (v.get("profile").is_some_and(Value::is_object) || v.get("identity").is_some())
    })
}

/// Depth-first search for the first object satisfying `pred`, with its dotted path.
fn search<'v>(
    v: &'v Value,
    path: String,
    depth: usize,
    budget: &mut usize,
    pred: &dyn Fn(&Value) -> bool,
) -> Option<(&'v Value, String)> {
    if *budget == 0 || depth > 12 {
        return None;
    }
    *budget -= 1;
    if v.is_object() && pred(v) {
        return Some((v, path));
    }
    let join = |k: &str| {
        if path.is_empty() {
            k.to_string()
        } else {
            crate::text::concat(&[path.as_str(), ".", k])
        }
    };
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                if let Some(found) = search(x, join(k), depth + 1, budget, pred) {
                    return Some(found);
                }
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().take(1000).enumerate() {
                if let Some(found) = search(x, join(&i.to_string()), depth + 1, budget, pred) {
                    return Some(found);
                }
            }
        }
        _ => {}
    }
    None
}

/// Reads every field the store holds.
pub fn read_state(store: &Value, label: &str, b: &mut Builder) {
    let Some((root, root_path)) = find_root(store) else {
        read_work_anywhere(store, label, b);
        return;
    };
    let src = |parts: &[&str]| source(label, &root_path, parts);
    // `profile` holds name/title (and, per the 2026 scraper, location and idBadgeStatus).
    let prof = root
        .get("profile")
        .filter(|p| p.is_object())
        .unwrap_or(root);
    let prof_key = if std::ptr::eq(prof, root) {
        ""
    } else {
        "profile."
    };
    let stats = root.get("stats").filter(|s| s.is_object());

    // Name, title and overview.
    for (field, key, max) in PROFILE_TEXTS {
        if b.wants(field) {
            let value = prof
                .get(key)
                .and_then(string)
                .and_then(|s| text::clean(s, max));
            b.fill_text(field, value, &src(&[prof_key, key]));
        }
    }

    // The sections that can name sites.
    if prof.get("description").is_some() {
        b.links_read(src(&[prof_key, "description"]));
    }
    let mut seen_objects: Vec<*const Value> = Vec::new();
    for (obj, rel) in [(root, ""), (prof, prof_key)] {
        if seen_objects.contains(&(obj as *const Value)) {
            continue;
        }
        seen_objects.push(obj);
        for key in LINK_KEYS {
            let Some(v) = obj.get(*key) else { continue };
            b.links_read(src(&[rel, key]));
            let mut strings = Vec::new();
            let mut budget = 20_000usize;
            collect_strings(v, 0, &mut budget, &mut strings);
            for s in strings {
                b.add_link_text(s);
            }
        }
    }

    // Location: beside the profile (notes) or inside it (2026 scraper).
    for (loc, rel) in [(root.get("location"), ""), (prof.get("location"), prof_key)] {
        let Some(loc) = loc.filter(|l| l.is_object()) else {
            continue;
        };
        fill!(
            b,
            Field::Location,
            location,
            src(&[rel, "location"]),
            location(
                loc.get("city").and_then(string),
                loc.get("country").and_then(string),
                loc.get("countryCodeIso2").and_then(string)
            )
        );
    }

    if let Some(stats) = stats {
        read_stats(stats, &|rel: &str| src(&["stats.", rel]), b);
    }
    // The GraphQL shape names the aggregate block differently.
    if let Some(agg) = root.get("profileAggregates").filter(|s| s.is_object()) {
        read_stats(agg, &|rel: &str| src(&["profileAggregates.", rel]), b);
    }

    // Expert-Vetted joins the badge list JSON produced.
    if let (Some(true), Some(badges)) = (
        at(root, &["vettedBadge", "vetted"]).and_then(Value::as_bool),
        b.p.badges.as_mut(),
    ) {
        if !badges.iter().any(|x| x == "Expert-Vetted") {
            badges.push("Expert-Vetted".to_string());
        }
    }

    // Availability: capacity.nid ("fullTime" | "partTime" | "asNeeded") or its display name.
    for (av, rel) in [
        (root.get("availability"), "availability"),
        (prof.get("availability"), "profile.availability"),
    ] {
        let Some(av) = av else { continue };
        let cap = av.get("capacity").unwrap_or(av);
        let by_nid = cap
            .get("nid")
            .and_then(string)
            .and_then(availability_from_nid);
        let by_name = || {
            cap.get("name")
                .and_then(string)
                .and_then(text::parse_availability)
        };
        let value = by_nid
            .map(|v| (v, "capacity.nid"))
            .or_else(|| by_name().map(|v| (v, "capacity.name")));
        fill_src!(
            b,
            Field::HoursPerWeek,
            hours_per_week,
            value.map(|(v, k)| (v, src(&[rel, ".", k])))
        );
    }

    for (langs, rel) in [
        (root.get("languages"), "languages"),
        (prof.get("languages"), "profile.languages"),
    ] {
        let Some(Value::Array(items)) = langs else {
            continue;
        };
        fill!(
            b,
            Field::Languages,
            languages,
            src(&[rel]),
            languages(items)
        );
    }

    // ID verification: identity.idBadgeStatus ("PASSED"), the 2016 profile.idVerified, GraphQL verifications.idVerified.
    let id_sources: [(Option<&Value>, &str); 4] = [
        (
            at(root, &["identity", "idBadgeStatus"]),
            "identity.idBadgeStatus",
        ),
        (at(prof, &["idBadgeStatus"]), "profile.idBadgeStatus"),
        (at(prof, &["idVerified"]), "profile.idVerified"),
        (
            at(root, &["verifications", "idVerified"]),
            "verifications.idVerified",
        ),
    ];
    for (v, rel) in id_sources {
        fill!(
            b,
            Field::IdVerified,
            id_verified,
            src(&[rel]),
            v.and_then(id_status)
        );
    }

    // Work history: under the profile object first, else anywhere in the store.
    if b.wants(Field::WorkHistory) {
        let mut budget = 200_000usize;
        match find_work_arrays(root, &mut budget) {
            Some((entries, rel)) => {
                b.p.work_history = Some(entries);
                b.note(Field::WorkHistory, src(&[&rel]));
            }
            None => read_work_anywhere(store, label, b),
        }
    }
}

/// "__NUXT__ state.profile.stats.totalHours": the store's label, the profile object's path and the parts
/// of the path below it, for evidence.
fn source(label: &str, root_path: &str, parts: &[&str]) -> String {
    let mut s = String::new();
    for piece in [label, " ", root_path, "."].iter().chain(parts) {
        s.push_str(piece);
    }
    s
}

/// A field of a stats block: the value under `key`, read and stored by `read` (true when it stored one).
type StatRow = (Field, &'static str, fn(&Value, &mut Profile) -> bool);

/// The stats block's plain fields, each row after the rows of its field read before it.
const STAT_ROWS: &[StatRow] = &[
    (Field::HourlyRate, "hourlyRate", |v, p| {
        put(&mut p.hourly_rate, money(v).and_then(plausible_rate))
    }),
    (Field::TotalHours, "totalHours", read_total_hours),
    (Field::TotalHours, "totalHoursActual", read_total_hours),
    (Field::TotalJobs, "totalJobsWorked", |v, p| {
        put(&mut p.total_jobs, num(v).and_then(plausible_jobs))
    }),
    (Field::JobSuccess, "nSS100BwScore", |v, p| {
        put(&mut p.job_success, num(v).and_then(jss_from_score))
    }),
    (Field::MemberSince, "memberSince", |v, p| {
        put(&mut p.member_since, year_month(v))
    }),
];

fn read_total_hours(v: &Value, p: &mut Profile) -> bool {
    put(&mut p.total_hours, num(v).and_then(plausible_total_hours))
}

fn read_stats(stats: &Value, src: &dyn Fn(&str) -> String, b: &mut Builder) {
    for (field, key, read) in STAT_ROWS {
        if !b.wants(*field) {
            continue;
        }
        if stats.get(key).is_some_and(|v| read(v, &mut b.p)) {
            b.note(*field, src(key));
        }
    }
    if b.wants(Field::TotalJobs) {
        let (h, f) = (
            stats.get("totalHourlyJobs").and_then(num),
            stats.get("totalFixedJobs").and_then(num),
        );
        if let (Some(h), Some(f)) = (h, f) {
            fill!(
                b,
                Field::TotalJobs,
                total_jobs,
                src("totalHourlyJobs+totalFixedJobs"),
                plausible_jobs(h + f)
            );
        }
    }
    // Earnings: USD; null when the freelancer hides them (then the DOM may still say "$100K+").
    let earnings_currency = stats
        .get("hourlyRate")
        .and_then(money)
        .map(|m| m.currency)
        .unwrap_or_else(|| "USD".to_string());
    for key in ["totalEarnings", "totalRevenue"] {
        let v = stats.get(key).and_then(|v| match v {
            Value::Object(_) => money(v),
            _ => num(v).map(|amount| Money {
                amount,
                currency: earnings_currency.clone(),
            }),
        });
        fill!(
            b,
            Field::TotalEarnings,
            total_earnings,
            src(key),
            v.and_then(plausible_earnings)
        );
    }
    let (top, plus) = (stats.get("topRatedStatus"), stats.get("topRatedPlusStatus"));
    if b.wants(Field::Badges) && (top.is_some() || plus.is_some()) {
        let mut badges = Vec::new();
        // Values seen: "top_rated", "hipo" (high potential = Rising Talent), "not_eligible".
        if plus.is_some_and(|v| status_is(v, &["topratedplus"], true)) {
            badges.push("Top Rated Plus".to_string());
        } else if top.is_some_and(|v| status_is(v, &["toprated"], true)) {
            badges.push("Top Rated".to_string());
        }
        if top.is_some_and(|v| status_is(v, &["hipo", "risingtalent"], false)) {
            badges.push("Rising Talent".to_string());
        }
        b.p.badges = Some(badges);
        b.note(Field::Badges, src("topRatedStatus/topRatedPlusStatus"));
    }
}

/// `nSS100BwScore` is documented as the JSS in percent. A 2026 scraper saw `1` on 100% profiles, so
/// 0 and 1 are ambiguous (fraction or percent?) and left to the page text; other fractions scale.
fn jss_from_score(v: f64) -> Option<u8> {
    if !(0.0..=100.0).contains(&v) || v == 0.0 || v == 1.0 {
        return None;
    }
    let pct = if v < 1.0 { v * 100.0 } else { v };
    Some(pct.round() as u8)
}

/// Whether a status value names one of `names` (compared without case, "_", "-" or spaces);
/// with `flag`, `true` and "active" count too (for the two top-rated keys).
fn status_is(v: &Value, names: &[&str], flag: bool) -> bool {
    match v {
        Value::Bool(b) => flag && *b,
        Value::String(s) => {
            let n = plain_word(s);
            names.contains(&n.as_str()) || (flag && n == "active")
        }
        _ => false,
    }
}

/// "top_rated", "Top Rated", "TOP-RATED" → "toprated": lower case without '_', '-' and spaces.
fn plain_word(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if !matches!(c, '_' | '-' | ' ') {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

fn year_month(v: &Value) -> Option<YearMonth> {
    match v {
        Value::String(s) => text::parse_year_month(s),
        Value::Number(_) => date(v).and_then(|d| YearMonth::new(d.year, u32::from(d.month))),
        _ => None,
    }
}

fn availability_from_nid(nid: &str) -> Option<Availability> {
    match plain_word(nid).as_str() {
        "fulltime" | "morethan30" => Some(Availability::MoreThan30),
        "parttime" | "lessthan30" => Some(Availability::LessThan30),
        "asneeded" | "none" => Some(Availability::AsNeeded),
        _ => None,
    }
}

fn languages(items: &[Value]) -> Option<Vec<Language>> {
    let mut out: Vec<Language> = Vec::new();
    for l in items.iter().take(50) {
        if let Some(l) = language(l) {
            out.push(l);
        }
    }
    (!out.is_empty() || items.is_empty()).then_some(out)
}

/// `{language: {englishName}, proficiencyLevel: {proficiencyTitle}}` and the shapes around it.
fn language(l: &Value) -> Option<Language> {
    let lang = l.get("language").unwrap_or(l);
    let name = lang
        .get("englishName")
        .or_else(|| lang.get("name"))
        .or_else(|| lang.get("prettyName"))
        .and_then(string)?;
    let level = l
        .get("proficiencyLevel")
        .and_then(|p| {
            p.get("proficiencyTitle")
                .or_else(|| p.get("name"))
                .and_then(string)
                .or_else(|| string(p))
        })
        .and_then(|s| text::clean(s, MAX_SHORT));
    Some(Language {
        name: text::clean(name, MAX_SHORT)?,
        level,
    })
}

/// ID-verification statuses that say verified, and those that say not (yet) verified; others are unknown.
const ID_PASSED: &[&str] = &["PASSED", "VERIFIED", "APPROVED", "TRUE"];
const ID_NOT_PASSED: &[&str] = &[
    "NONE",
    "NOT_STARTED",
    "FAILED",
    "REJECTED",
    "PENDING",
    "IN_PROGRESS",
    "EXPIRED",
    "FALSE",
    "",
];

fn id_status(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) => {
            let status = s.trim().to_ascii_uppercase();
            if ID_PASSED.contains(&status.as_str()) {
                Some(true)
            } else {
                ID_NOT_PASSED.contains(&status.as_str()).then_some(false)
            }
        }
        _ => None,
    }
}

// ---- Work history ----

/// Whether an object looks like a contract: a title plus contract-only keys.
fn is_contract(v: &Value) -> bool {
    v.is_object()
        && v.get("title").is_some()
        && [
            "startedOn",
            "endedOn",
            "totalCharges",
            "feedback",
            "hourlyRate",
            "totalHours",
        ]
        .iter()
        .any(|k| v.get(k).is_some())
}

/// All contract arrays below `v` (completed and in-progress lists both count), deduplicated.
fn find_work_arrays(v: &Value, budget: &mut usize) -> Option<(Vec<WorkEntry>, String)> {
    let mut arrays: Vec<(&Value, String)> = Vec::new();
    collect_work(v, &mut Vec::new(), 0, budget, &mut arrays);
    let first_path = arrays.first()?.1.clone();
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (arr, _) in arrays {
        for item in arr.as_array().into_iter().flatten() {
            if out.len() >= sel::MAX_WORK_ENTRIES {
                break;
            }
            if !is_contract(item) {
                continue;
            }
            let part = |k: &str| item.get(k).map(Value::to_string).unwrap_or_default();
            let key = item
                .get("id")
                .map(Value::to_string)
                .unwrap_or_else(|| crate::text::join(&[part("title"), part("startedOn")], "|"));
            if add_key(&mut seen, key) {
                out.push(work_entry(item));
            }
        }
    }
    Some((out, first_path))
}

/// Adds `key` to the contract keys `seen` unless it is there; whether it was new. Natively `seen` is
/// kept sorted and searched by halves: a linear search made the 300 contracts of a long history
/// 45,000 string comparisons. The wasm keeps the linear search (smaller code; same answers).
#[cfg(not(target_arch = "wasm32"))]
fn add_key(seen: &mut Vec<String>, key: String) -> bool {
    match seen.binary_search(&key) {
        Ok(_) => false,
        Err(at) => {
            seen.insert(at, key);
            true
        }
    }
}

/// [`add_key`] in the wasm.
#[cfg(target_arch = "wasm32")]
fn add_key(seen: &mut Vec<String>, key: String) -> bool {
    if seen.contains(&key) {
        return false;
    }
    seen.push(key);
    true
}

/// One step of a path into the store: an object key or an array index.
enum Step<'v> {
    Key(&'v str),
    Index(usize),
}

/// "state.profile.0.jobs": keys joined by dots, every index after a dot.
fn path_text(path: &[Step]) -> String {
    let mut s = String::new();
    for step in path {
        match step {
            Step::Key(k) if s.is_empty() => s.push_str(k),
            Step::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            Step::Index(i) => {
                s.push('.');
                s.push_str(&i.to_string());
            }
        }
    }
    s
}

// The path is a stack of borrowed steps, made into text only for an array that is kept: a store
// holds tens of thousands of keys (the site's message catalogue), and formatting each one's path
// cost more than the rest of the walk.
fn collect_work<'v>(
    v: &'v Value,
    path: &mut Vec<Step<'v>>,
    depth: usize,
    budget: &mut usize,
    out: &mut Vec<(&'v Value, String)>,
) {
    if *budget == 0 || depth > 12 || out.len() > 20 {
        return;
    }
    *budget -= 1;
    match v {
        Value::Array(a) => {
            if a.iter().take(5).any(is_contract) {
                out.push((v, path_text(path)));
                return;
            }
            for (i, x) in a.iter().enumerate().take(1000) {
                path.push(Step::Index(i));
                collect_work(x, path, depth + 1, budget, out);
                path.pop();
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                if NOT_WORK.contains(&k.as_str()) {
                    continue;
                }
                path.push(Step::Key(k));
                collect_work(x, path, depth + 1, budget, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn read_work_anywhere(store: &Value, label: &str, b: &mut Builder) {
    if !b.wants(Field::WorkHistory) {
        return;
    }
    let mut budget = 300_000usize;
    if let Some((entries, path)) = find_work_arrays(store, &mut budget) {
        b.p.work_history = Some(entries);
        b.note(
            Field::WorkHistory,
            crate::text::concat(&[label, " ", &path]),
        );
    }
}

/// The value of the first of `keys` that `v` has, not null.
fn first_present<'v>(v: &'v Value, keys: &[&str]) -> Option<&'v Value> {
    for k in keys {
        if let Some(x) = v.get(k).filter(|x| !x.is_null()) {
            return Some(x);
        }
    }
    None
}

fn work_entry(v: &Value) -> WorkEntry {
    let first = |keys: &[&str]| first_present(v, keys);
    let start = first(&["startedOn", "startDate", "startedAt", "start"]).and_then(date);
    let end = first(&["endedOn", "endDate", "endedAt", "end"]).and_then(date);
    let status = first(&["status"])
        .and_then(string)
        .map(str::to_ascii_lowercase);
    let ended_status = status
        .as_deref()
        .is_some_and(|s| s.contains("close") || s.contains("end") || s.contains("complete"));
    let ongoing = end.is_none() && start.is_some() && !ended_status;
    let hours = first(&["totalHours", "hours"])
        .and_then(num)
        .and_then(plausible_entry_hours);
    let rate = first(&["hourlyRate", "rate"])
        .and_then(money)
        .and_then(plausible_rate);
    let type_hint = first(&["type", "contractType", "jobType"]);
    let kind = if rate.is_some() || hours.is_some_and(|h| h > 0.0) {
        Some(ContractKind::Hourly)
    } else {
        match type_hint {
            // In a saved work-history response, every fixed-price contract had `type: 1`.
            Some(Value::Number(n)) if n.as_f64() == Some(1.0) => Some(ContractKind::FixedPrice),
            Some(Value::String(s)) => {
                let s = s.to_ascii_lowercase();
                if s.contains("fix") {
                    Some(ContractKind::FixedPrice)
                } else if s.contains("hour") {
                    Some(ContractKind::Hourly)
                } else {
                    None
                }
            }
            _ => None,
        }
    };
    let earnings = first(&["totalCharges", "totalEarnings", "earnings"])
        .and_then(money)
        .and_then(plausible_earnings);
    let fb = v.get("feedback").filter(|f| f.is_object());
    let rating = fb
        .and_then(|f| f.get("score"))
        .and_then(num)
        .and_then(plausible_rating);
    let feedback = fb
        .and_then(|f| f.get("comment"))
        .and_then(string)
        .and_then(|s| text::clean(s, MAX_FEEDBACK));
    WorkEntry {
        title: first(&["title"])
            .and_then(string)
            .and_then(|s| text::clean(s, MAX_TITLE)),
        start,
        end: end.filter(|e| start.is_none_or(|s| *e >= s)),
        ongoing,
        kind,
        hours: if kind == Some(ContractKind::FixedPrice) {
            None
        } else {
            hours
        },
        rate,
        earnings,
        rating,
        feedback,
    }
}

// ---- JSON-LD ----

/// A schema.org `Person` in `<script type="application/ld+json">`: name, jobTitle, address.
pub fn read_ld_json(page: &dyn Page, b: &mut Builder) {
    for node in page.select(None, sel::LD_JSON).into_iter().take(20) {
        let raw = page.raw_text(node);
        if raw.len() > 2_000_000 {
            continue;
        }
        let Ok(v) = crate::json::from_str(&raw) else {
            continue;
        };
        let mut budget = 10_000usize;
        let Some((person, _)) = search(&v, String::new(), 0, &mut budget, &|x: &Value| {
            x.get("@type")
                .and_then(Value::as_str)
                .is_some_and(|t| t.eq_ignore_ascii_case("Person"))
        }) else {
            continue;
        };
        for (field, key, max, source) in PERSON_TEXTS {
            let value = person
                .get(key)
                .and_then(string)
                .and_then(|s| text::clean(s, max));
            b.fill_text(field, value, source);
        }
        // `url` and `sameAs`: the person's pages elsewhere.
        let mut pages: Vec<String> = Vec::new();
        for key in ["url", "sameAs"] {
            match person.get(key) {
                Some(Value::String(u)) => pages.extend(text::normalize_url(u)),
                Some(Value::Array(a)) => {
                    for u in a.iter().take(50) {
                        if let Some(u) = u.as_str().and_then(text::normalize_url) {
                            pages.push(u);
                        }
                    }
                }
                _ => {}
            }
        }
        if person.get("url").is_some() || person.get("sameAs").is_some() {
            b.links_read("script[type=application/ld+json] Person.url/sameAs");
            b.add_links(pages);
        }
        if let Some(addr) = person.get("address").filter(|a| a.is_object()) {
            let country = addr
                .get("addressCountry")
                .and_then(|c| string(c).or_else(|| c.get("name").and_then(string)));
            let (name, code) = match country {
                Some(c) if c.len() == 2 && c.bytes().all(|x| x.is_ascii_uppercase()) => {
                    (crate::countries::name_of(c), Some(c))
                }
                other => (other, None),
            };
            fill!(
                b,
                Field::Location,
                location,
                "script[type=application/ld+json] Person.address",
                location(addr.get("addressLocality").and_then(string), name, code)
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::test_json as json;

    #[test]
    fn plain_words_drop_separators_and_case() {
        assert_eq!(plain_word("Top_Rated-Plus status"), "topratedplusstatus");
        assert_eq!(plain_word("RISING TALENT"), "risingtalent");
        assert_eq!(plain_word("Ünïcode_X"), "Ünïcodex");
    }

    #[test]
    fn reads_the_documented_state_path_and_shapes() {
        let store = json!({"state": {"profile": {"profile": {
            "identity": {"idBadgeStatus": "PASSED"},
            "profile": {"name": "Ada L.", "title": "Analyst"},
            "location": {"country": "Ukraine", "city": "Lviv", "countryCodeIso2": "UA"},
            "stats": {"hourlyRate": {"node": {"currencyCode": "USD", "amount": "40.00"}}, "totalHours": 12.5,
                      "totalHourlyJobs": 3, "totalFixedJobs": 4, "nSS100BwScore": 0.93, "memberSince": 1556064000000i64,
                      "topRatedStatus": "hipo", "topRatedPlusStatus": "not_eligible", "totalEarnings": null},
            "availability": {"capacity": {"name": "As needed - open to offers"}},
            "languages": [{"language": {"englishName": "English"}, "proficiencyLevel": {"proficiencyTitle": "Fluent"}}],
            "vettedBadge": {"vetted": true}
        }}}});
        let mut b = Builder::default();
        read_state(&store, "__NUXT__", &mut b);
        let p = &b.p;
        assert_eq!(p.name.as_deref(), Some("Ada L."));
        assert_eq!(
            p.hourly_rate,
            Some(Money {
                amount: 40.0,
                currency: "USD".into()
            })
        );
        assert_eq!(p.total_jobs, Some(7));
        assert_eq!(p.job_success, Some(93));
        assert_eq!(p.member_since, YearMonth::new(2019, 4));
        assert_eq!(
            p.badges,
            Some(vec![
                "Rising Talent".to_string(),
                "Expert-Vetted".to_string()
            ])
        );
        assert_eq!(p.total_earnings, None, "hidden earnings stay unknown");
        assert_eq!(p.hours_per_week, Some(Availability::AsNeeded));
        assert_eq!(p.id_verified, Some(true));
        assert_eq!(
            p.location.as_ref().and_then(|l| l.country.as_deref()),
            Some("UA")
        );
        assert_eq!(p.work_history, None);
        assert!(b
            .notes
            .iter()
            .any(|(f, s)| *f == Field::Name && s == "__NUXT__ state.profile.profile.profile.name"));
    }

    #[test]
    fn finds_profile_and_contracts_by_shape() {
        let store = json!({"state": {"x": {"y": {"stats": {"totalJobsWorked": 2}, "identity": {}, "profile": {"name": "B."}}},
            "history": {"done": {"pageItems": [
                {"id": "1", "title": "Fixed job", "startedOn": "2020-01-08T00:00:00.000Z", "endedOn": "2020-03-17T00:00:00.000Z",
                 "totalCharges": {"currencyCode": "USD", "amount": 762}, "totalHours": 0, "hourlyRate": {"currencyCode": "USD", "amount": 0},
                 "type": 1, "feedback": {"score": 5, "comment": "Fantastic, Bea!"}, "feedbackGiven": {"comment": "Great client"}},
                {"id": "2", "title": "Hourly job", "startedOn": "2021-02-01T00:00:00.000Z", "endedOn": null,
                 "totalHours": 120.5, "hourlyRate": {"currencyCode": "USD", "amount": 40}, "feedback": null}
            ]}},
            "employmentHistory": [{"title": "Engineer", "startDate": "2018-01-01"}]}});
        let mut b = Builder::default();
        read_state(&store, "__NUXT__", &mut b);
        assert_eq!(b.p.name.as_deref(), Some("B."));
        let w = b.p.work_history.as_ref().unwrap();
        assert_eq!(w.len(), 2);
        assert_eq!(w[0].kind, Some(ContractKind::FixedPrice));
        assert_eq!(w[0].hours, None);
        assert_eq!(w[0].feedback.as_deref(), Some("Fantastic, Bea!"));
        assert_eq!(w[0].end, Date::new(2020, 3, 17));
        assert_eq!(w[1].kind, Some(ContractKind::Hourly));
        assert!(w[1].ongoing);
        assert_eq!(w[1].hours, Some(120.5));
        assert!(
            b.notes
                .iter()
                .any(|(f, s)| *f == Field::WorkHistory
                    && s == "__NUXT__ state.history.done.pageItems"),
            "{:?}",
            b.notes
        );
    }

    #[test]
    fn media_keys_by_word() {
        for key in [
            "thumbnailUrl",
            "image_src",
            "coverImage",
            "logo",
            "fileURL",
            "video-id",
        ] {
            assert!(is_media_key(key), "{key}");
        }
        for key in [
            "projectUrl",
            "description",
            "profileUrl",
            "logotype",
            "",
            "Srcset",
        ] {
            assert!(!is_media_key(key), "{key}");
        }
    }

    #[test]
    fn jss_scores() {
        assert_eq!(jss_from_score(97.0), Some(97));
        assert_eq!(jss_from_score(0.97), Some(97));
        assert_eq!(jss_from_score(1.0), None);
        assert_eq!(jss_from_score(0.0), None);
        assert_eq!(jss_from_score(250.0), None);
        assert_eq!(jss_from_score(-3.0), None);
    }
}
