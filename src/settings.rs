//! Settings read leniently: from an organisation's managed policy (Chrome/Edge `storage.managed`,
//! Firefox's `3rdparty` policy), the user's options or a CLI policy file. Every valid value is applied;
//! every invalid one (unknown key, wrong type, out of range, a bad list entry) is reported as a clear
//! sentence and keeps its default. Nothing here fails: a bad policy never stops a check.

use crate::json::{json_object, Value};
use crate::policy::{is_email, Contact, Lang, Policy};
use crate::small_map::SmallMap;
use crate::texts::{s, say, Sentence};
use std::fmt;

/// Entries a list setting may hold; more are cut off (and reported).
pub const MAX_LIST: usize = 10_000;
/// Characters `report_contact` may have.
pub const MAX_CONTACT: usize = 200;

/// One setting that could not be used as given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingError {
    /// The setting, e.g. "high_from", "weights.local-time-mismatch" or "blocked_domains[2]".
    pub key: String,
    /// What is wrong and what is used instead, as a sentence of src/texts/sentences.json ("setting-…"):
    /// English natively (the CLI, the tests); in the wasm the marked key and values, which the options
    /// page writes in its language (extension/texts.js, `say`).
    pub message: String,
}

json_object!(SettingError { key, message });

impl fmt::Display for SettingError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.key, self.message)
    }
}

fn err(key: impl Into<String>, message: String) -> SettingError {
    SettingError {
        key: key.into(),
        message,
    }
}

/// A message in English: `parse` has no language. The CLI prints these; in the wasm `say` ignores the
/// language and the extension writes the sentence in the page's.
fn en<const N: usize>(sentence: Sentence<N>, values: [&str; N]) -> String {
    say(Lang::En, sentence, values)
}

/// A numeric setting: its range and where a checked value goes. `above_min`: the minimum itself is
/// not allowed. `whole`: whole numbers only (the `set` casts then lose nothing).
struct Num {
    key: &'static str,
    min: f64,
    max: f64,
    above_min: bool,
    whole: bool,
    set: fn(&mut Policy, f64),
}

const fn num(
    key: &'static str,
    min: f64,
    max: f64,
    above_min: bool,
    whole: bool,
    set: fn(&mut Policy, f64),
) -> Num {
    Num {
        key,
        min,
        max,
        above_min,
        whole,
        set,
    }
}

/// Every numeric setting with its range (managed_schema.json states the same; a test compares them).
// One row per setting, kept on one line each so that the table reads as a table.
#[rustfmt::skip]
static NUMBERS: &[Num] = &[
    num("volume_min_hours", 0.0, 1.0e6, true, false, |p, x| p.volume_min_hours = x),
    num("volume_min_job_success", 0.0, 100.0, false, true, |p, x| p.volume_min_job_success = x as u8),
    num("max_average_weekly_hours", 0.0, 1.0e6, true, false, |p, x| p.max_average_weekly_hours = x),
    num("min_weeks_for_average", 0.0, 1.0e6, true, false, |p, x| p.min_weeks_for_average = x),
    num("max_young_account_weekly_hours", 0.0, 1.0e6, true, false, |p, x| p.max_young_account_weekly_hours = x),
    num("max_concurrent_weekly_hours", 0.0, 1.0e6, true, false, |p, x| p.max_concurrent_weekly_hours = x),
    num("min_overlap_days", 0.0, 1440.0, false, true, |p, x| p.min_overlap_days = x as i64),
    num("burst_min_jobs", 2.0, 1000.0, false, true, |p, x| p.burst_min_jobs = x as u32),
    num("burst_window_days", 1.0, 3650.0, false, true, |p, x| p.burst_window_days = x as i64),
    num("burst_max_job_usd", 0.0, 1.0e6, true, false, |p, x| p.burst_max_job_usd = x),
    num("local_time_tolerance_minutes", 0.0, 180.0, false, true, |p, x| p.local_time_tolerance_minutes = x as i32),
    num("diary_long_day_span_hours", 0.0, 24.0, true, false, |p, x| p.diary_long_day_span_hours = x),
    num("diary_long_day_min_tracked_hours", 0.0, 24.0, true, false, |p, x| p.diary_long_day_min_tracked_hours = x),
    num("diary_long_days_min", 1.0, 62.0, false, true, |p, x| p.diary_long_days_min = x as u32),
    num("diary_streak_min_daily_hours", 0.0, 24.0, true, false, |p, x| p.diary_streak_min_daily_hours = x),
    num("diary_streak_min_weeks", 1.0, 8.0, false, true, |p, x| p.diary_streak_min_weeks = x as u32),
    num("diary_night_min_share", 0.0, 1.0, true, false, |p, x| p.diary_night_min_share = x),
    num("diary_night_min_tracked_hours", 0.0, 1488.0, false, false, |p, x| p.diary_night_min_tracked_hours = x),
    num("min_free_host_links", 1.0, 50.0, false, true, |p, x| p.min_free_host_links = x as u32),
    num("elevated_from", 1.0, 100.0, false, true, |p, x| p.elevated_from = x as u32),
    num("high_from", 1.0, 100.0, false, true, |p, x| p.high_from = x as u32),
    num("min_coverage", 0.0, 1.0, false, false, |p, x| p.min_coverage = x),
];

/// A numeric setting's range: (minimum, maximum, minimum excluded, whole numbers only).
pub fn number_range(key: &str) -> Option<(f64, f64, bool, bool)> {
    NUMBERS
        .iter()
        .find(|n| n.key == key)
        .map(|n| (n.min, n.max, n.above_min, n.whole))
}

/// What the entries of a list setting are.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Entry {
    Domain,
    Email,
    Words,
    Freelancer,
    Rule,
    Setting,
}

/// Every list setting: its entries and the list they go to.
type ListField = fn(&mut Policy) -> &mut Vec<String>;

static LISTS: &[(&str, Entry, ListField)] = &[
    ("disabled_rules", Entry::Rule, |p| &mut p.disabled_rules),
    ("blocked_domains", Entry::Domain, |p| &mut p.blocked_domains),
    ("blocked_emails", Entry::Email, |p| &mut p.blocked_emails),
    ("blocked_strings", Entry::Words, |p| &mut p.blocked_strings),
    ("allowed_domains", Entry::Domain, |p| &mut p.allowed_domains),
    ("allowed_emails", Entry::Email, |p| &mut p.allowed_emails),
    ("blocked_freelancers", Entry::Freelancer, |p| {
        &mut p.blocked_freelancers
    }),
    ("allowed_freelancers", Entry::Freelancer, |p| {
        &mut p.allowed_freelancers
    }),
    ("locked_settings", Entry::Setting, |p| {
        &mut p.locked_settings
    }),
];

/// The weight range of every rule.
pub const MAX_WEIGHT: u32 = 100;

/// Every setting key, as managed_schema.json and the options page name them.
pub fn keys() -> Vec<&'static str> {
    let mut k = vec!["lang", "weights", "rate_band_usd", "report_contact"];
    for n in NUMBERS {
        k.push(n.key);
    }
    for (key, ..) in LISTS {
        k.push(*key);
    }
    k
}

/// A rule (or checklist item) whose weight a policy may set or which it may disable.
#[derive(Clone, Debug, PartialEq)]
pub struct RuleInfo {
    pub id: &'static str,
    pub default_weight: u32,
    /// From src/texts/texts.json; "" in the wasm (the options page takes it from texts.js by `id`).
    pub title: &'static str,
}

json_object!(RuleInfo {
    id,
    default_weight,
    title
});

/// Every id `weights` and `disabled_rules` accept: page rules, memory rules, proposal checks, checklist
/// items and the organisation's freelancer list.
pub fn rules(lang: Lang) -> Vec<RuleInfo> {
    let mut out = Vec::new();
    let specs = [
        crate::rules::RULES,
        crate::memory::MEMORY_RULES,
        &[&crate::rules::org_list::ORG_BLOCKED_FREELANCER],
    ];
    for list in specs {
        for r in list {
            out.push(RuleInfo {
                id: r.id,
                default_weight: r.default_points,
                title: crate::texts::get(r.id, crate::texts::Part::Title, lang),
            });
        }
    }
    for c in crate::proposals::CHECKS {
        out.push(RuleInfo {
            id: c.id,
            default_weight: c.default_points,
            title: crate::texts::get(c.id, crate::texts::Part::Title, lang),
        });
    }
    for i in crate::checklist::ITEMS {
        out.push(RuleInfo {
            id: i.id,
            default_weight: i.default_points,
            title: crate::texts::get(i.id, crate::texts::Part::Title, lang),
        });
    }
    out
}

/// Reads settings: valid values applied, the rest reported and left at their defaults. `null` or a
/// missing value means "not set". Anything but an object is reported and gives the defaults.
pub fn parse(value: &Value) -> (Policy, Vec<SettingError>) {
    let mut errors = Vec::new();
    let obj = match value {
        Value::Null => return (Policy::default(), errors),
        Value::Object(o) => o,
        other => {
            errors.push(err("(policy)", en(s::SETTING_NOT_OBJECT, [&shown(other)])));
            return (Policy::default(), errors);
        }
    };
    let defaults = crate::json::to_value(&Policy::default());
    // The default as an error message shows it.
    let default_of = |key: &str| shown(defaults.get(key).unwrap_or(&Value::Null));
    let rule_list = rules(Lang::En);
    // Each checked value goes straight into the policy; a bad one leaves its default there.
    let mut policy = Policy::default();
    let mut lang_auto = true;
    for (key, v) in obj {
        if v.is_null() {
            continue;
        }
        let k = key.as_str();
        if let Some(n) = NUMBERS.iter().find(|n| n.key == k) {
            match check_number(n, v) {
                Ok(x) => (n.set)(&mut policy, x),
                Err(why) => {
                    errors.push(err(k, en(s::SETTING_DEFAULT_USED, [&why, &default_of(k)])))
                }
            }
        } else if let Some((_, entry, field)) = LISTS.iter().find(|(l, ..)| *l == k) {
            *field(&mut policy) = check_list(k, *entry, v, &rule_list, &mut errors);
        } else if k == "lang" {
            match v.as_str().map(|s| s.trim().to_ascii_lowercase()).as_deref() {
                Some("auto") => lang_auto = true,
                Some(l @ ("en" | "de")) => {
                    lang_auto = false;
                    policy.lang = Lang::from_tag(l);
                }
                _ => errors.push(err(k, en(s::SETTING_LANG, [&shown(v)]))),
            }
        } else if k == "weights" {
            policy.weights = check_weights(v, &rule_list, &mut errors);
        } else if k == "rate_band_usd" {
            match check_band(v) {
                Ok(band) => policy.rate_band_usd = band,
                Err(why) => {
                    errors.push(err(k, en(s::SETTING_DEFAULT_USED, [&why, &default_of(k)])))
                }
            }
        } else if k == "report_contact" {
            match v.as_str() {
                Some(text) => match check_contact(text) {
                    Ok(c) => policy.report_contact = c,
                    Err(why) => errors.push(err(k, en(s::SETTING_NO_CONTACT, [&why]))),
                },
                None => errors.push(err(
                    k,
                    en(
                        s::SETTING_NO_CONTACT,
                        [&en(s::SETTING_NOT_TEXT, [&shown(v)])],
                    ),
                )),
            }
        } else {
            let m = match nearest(k, &keys()) {
                Some(near) => en(s::SETTING_UNKNOWN_NEAR, [near]),
                None => en(s::SETTING_UNKNOWN, []),
            };
            errors.push(err(clip(k, 64), m));
        }
    }
    policy.lang_auto = lang_auto;
    if policy.elevated_from > policy.high_from {
        let d = Policy::default();
        let key = if obj.contains_key("high_from") {
            "high_from"
        } else {
            "elevated_from"
        };
        errors.push(err(
            key,
            en(
                s::SETTING_LEVELS_ORDER,
                [
                    &policy.elevated_from.to_string(),
                    &policy.high_from.to_string(),
                    &d.elevated_from.to_string(),
                    &d.high_from.to_string(),
                ],
            ),
        ));
        policy.elevated_from = d.elevated_from;
        policy.high_from = d.high_from;
    }
    (policy, errors)
}

/// The effective settings as JSON, `lang` "auto" included (the options page shows them).
pub fn effective_json(policy: &Policy) -> Value {
    let mut v = crate::json::to_value(policy);
    if policy.lang_auto {
        if let Some(o) = v.as_object_mut() {
            o.insert("lang".into(), Value::from("auto"));
        }
    }
    v
}

/// A number in range, or why not (a sentence, which the caller puts into its own).
fn check_number(n: &Num, v: &Value) -> Result<f64, String> {
    let Some(x) = v.as_f64().filter(|x| x.is_finite()) else {
        return Err(en(s::SETTING_NOT_NUMBER, [&shown(v)]));
    };
    if n.whole && x.fract() != 0.0 {
        return Err(en(s::SETTING_NOT_WHOLE, [&fmt_num(x)]));
    }
    if x > n.max {
        return Err(en(s::SETTING_ABOVE_MAX, [&fmt_num(x), &fmt_num(n.max)]));
    }
    if n.above_min && x <= n.min {
        return Err(en(s::SETTING_NOT_ABOVE_MIN, [&fmt_num(x), &fmt_num(n.min)]));
    }
    if x < n.min {
        return Err(en(s::SETTING_BELOW_MIN, [&fmt_num(x), &fmt_num(n.min)]));
    }
    Ok(x)
}

fn check_band(v: &Value) -> Result<(f64, f64), String> {
    let pair = v.as_array().and_then(|a| match a.as_slice() {
        [lo, hi] => Some((lo.as_f64()?, hi.as_f64()?)),
        _ => None,
    });
    match pair {
        Some((lo, hi))
            if lo.is_finite() && hi.is_finite() && lo >= 0.0 && lo < hi && hi <= 1.0e6 =>
        {
            Ok((lo, hi))
        }
        _ => Err(en(s::SETTING_NOT_RATE_BAND, [&shown(v)])),
    }
}

fn check_weights(
    v: &Value,
    rules: &[RuleInfo],
    errors: &mut Vec<SettingError>,
) -> SmallMap<String, u32> {
    let mut out = SmallMap::new();
    let Some(obj) = v.as_object() else {
        errors.push(err(
            "weights",
            en(
                s::SETTING_WEIGHTS_NOT_OBJECT,
                [&shown(v), "{\"local-time-mismatch\": 40}"],
            ),
        ));
        return out;
    };
    for (id, w) in obj {
        let key = format!("weights.{}", clip(id, 64));
        let Some(rule) = rules.iter().find(|r| r.id == id) else {
            errors.push(err(key, en(s::SETTING_WEIGHT_UNKNOWN_RULE, [])));
            continue;
        };
        let range = Num {
            key: "",
            min: 0.0,
            max: MAX_WEIGHT as f64,
            above_min: false,
            whole: true,
            set: |_, _| {},
        };
        match check_number(&range, w) {
            Ok(x) => {
                out.insert(id.clone(), x as u32);
            }
            Err(why) => errors.push(err(
                key,
                en(
                    s::SETTING_DEFAULT_USED,
                    [&why, &rule.default_weight.to_string()],
                ),
            )),
        }
    }
    out
}

fn check_list(
    key: &str,
    entry: Entry,
    v: &Value,
    rules: &[RuleInfo],
    errors: &mut Vec<SettingError>,
) -> Vec<String> {
    let Some(items) = v.as_array() else {
        errors.push(err(
            key,
            en(s::SETTING_NOT_LIST, [&shown(v), &en(noun(entry), [])]),
        ));
        return Vec::new();
    };
    if items.len() > MAX_LIST {
        errors.push(err(
            key,
            en(
                s::SETTING_LIST_TOO_LONG,
                [&items.len().to_string(), &MAX_LIST.to_string()],
            ),
        ));
    }
    let mut out = Vec::new();
    for (i, item) in items.iter().take(MAX_LIST).enumerate() {
        // A good entry is kept (once); a bad one is reported as "<entry> <why>; the entry is ignored".
        let why = match item.as_str().map(str::trim) {
            None => s::SETTING_NOT_TEXT,
            Some(t) => match check_entry(entry, t, rules) {
                Ok(()) => {
                    if !out.iter().any(|o| o == t) {
                        out.push(t.to_string());
                    }
                    continue;
                }
                Err(why) => why,
            },
        };
        errors.push(err(
            format!("{key}[{i}]"),
            en(s::SETTING_ENTRY_IGNORED, [&en(why, [&shown(item)])]),
        ));
    }
    out
}

/// What a list holds, as "… is not a list of {}" names it.
fn noun(entry: Entry) -> Sentence<0> {
    match entry {
        Entry::Domain => s::SETTING_LIST_OF_DOMAINS,
        Entry::Email => s::SETTING_LIST_OF_EMAILS,
        Entry::Words => s::SETTING_LIST_OF_WORDS,
        Entry::Freelancer => s::SETTING_LIST_OF_FREELANCERS,
        Entry::Rule => s::SETTING_LIST_OF_RULES,
        Entry::Setting => s::SETTING_LIST_OF_SETTINGS,
    }
}

/// Whether `t` is a good entry; if not, why, as a sentence whose one blank is the entry.
fn check_entry(entry: Entry, t: &str, rules: &[RuleInfo]) -> Result<(), Sentence<1>> {
    match entry {
        Entry::Domain if crate::text::is_domain_name(&t.to_ascii_lowercase()) => Ok(()),
        Entry::Domain => Err(s::SETTING_NOT_DOMAIN),
        Entry::Email if is_email(t) => Ok(()),
        Entry::Email => Err(s::SETTING_NOT_EMAIL),
        // The range is in the sentence too.
        Entry::Words if (4..=200).contains(&t.chars().count()) => Ok(()),
        Entry::Words => Err(s::SETTING_WORDS_LENGTH),
        Entry::Freelancer if is_freelancer_key(t) => Ok(()),
        Entry::Freelancer => Err(s::SETTING_NOT_FREELANCER),
        Entry::Rule if rules.iter().any(|r| r.id == t) => Ok(()),
        Entry::Rule => Err(s::SETTING_NOT_RULE),
        Entry::Setting if t == "*" || keys().contains(&t) => Ok(()),
        Entry::Setting => Err(s::SETTING_NOT_SETTING),
    }
}

/// The sites whose adapters give profile keys.
const SITES: &[&str] = &[
    "upwork",
    "freelancer",
    "fiverr",
    "guru",
    "peopleperhour",
    "toptal",
];

/// "upwork:~01abc…": a known site, a colon, then 1 to 200 characters without spaces or controls.
pub fn is_freelancer_key(t: &str) -> bool {
    match t.split_once(':') {
        Some((site, id)) => {
            SITES.contains(&site.to_ascii_lowercase().as_str())
                && (1..=200).contains(&id.chars().count())
                && !id.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    }
}

/// Checks `report_contact`; the trimmed text when usable. Only an e-mail address, a mailto: link or a
/// line of plain text: any other scheme ("javascript:", "https:", "data:") is refused, because the badge
/// must never carry a link that runs or loads something.
fn check_contact(s: &str) -> Result<String, String> {
    let t = s.trim();
    if t.chars().count() > MAX_CONTACT {
        return Err(en(
            s::SETTING_CONTACT_TOO_LONG,
            [&t.chars().count().to_string(), &MAX_CONTACT.to_string()],
        ));
    }
    if t.chars().any(|c| c.is_control()) {
        return Err(en(s::SETTING_CONTACT_CONTROL, [&shown_str(t)]));
    }
    if t.is_empty() || contact(t).is_some() {
        return Ok(t.to_string());
    }
    Err(en(s::SETTING_CONTACT_LINK, [&shown_str(t)]))
}

/// How a checked `report_contact` is shown: `None` for an empty one or one that is not allowed.
pub fn contact(raw: &str) -> Option<Contact> {
    let t = raw.trim();
    if t.is_empty() || t.chars().count() > MAX_CONTACT || t.chars().any(|c| c.is_control()) {
        return None;
    }
    if let Some(scheme) = scheme_of(t) {
        if !scheme.eq_ignore_ascii_case("mailto") {
            return None;
        }
        let rest = &t[scheme.len() + 1..];
        let (address, query) = rest.split_once('?').unwrap_or((rest, ""));
        let query_ok = !query
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '\\' | '`'));
        return (is_email(address) && query_ok).then(|| Contact::Mail {
            address: address.to_string(),
            href: format!("mailto:{rest}"),
        });
    }
    if is_email(t) {
        return Some(Contact::Mail {
            address: t.to_string(),
            href: format!("mailto:{t}"),
        });
    }
    Some(Contact::Text(t.to_string()))
}

/// The URL scheme `t` starts with ("javascript" in "javascript:…"), if it starts with one: letters,
/// digits, "+", "-", "." before a colon that is not followed by a space ("Security: call 123" is text).
fn scheme_of(t: &str) -> Option<&str> {
    let (head, rest) = t.split_once(':')?;
    let mut chars = head.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let ok = first_ok
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.starts_with(char::is_whitespace);
    ok.then_some(head)
}

/// The known key closest to `k` (at most two edits away), for "did you mean".
fn nearest<'a>(k: &str, known: &[&'a str]) -> Option<&'a str> {
    // The fewest edits, then the first in alphabetical order (as `min` of (edits, key) chose).
    let mut best: Option<(usize, &str)> = None;
    for &c in known {
        let d = edits(k, c);
        if d <= 2 && best.is_none_or(|b| (d, c) < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// Levenshtein distance, one row at a time.
fn edits(a: &str, b: &str) -> usize {
    let mut chars: Vec<char> = Vec::new();
    for c in b.chars() {
        chars.push(c);
    }
    let b = chars;
    let mut row: Vec<usize> = Vec::new();
    for j in 0..=b.len() {
        row.push(j);
    }
    for (i, ca) in a.chars().enumerate() {
        // `diag` is the previous row's value one column left, `left` this row's.
        let (mut diag, mut left) = (i, i + 1);
        if let Some(first) = row.first_mut() {
            *first = left;
        }
        for (cell, &cb) in row.iter_mut().skip(1).zip(&b) {
            let up = *cell;
            *cell = (diag + usize::from(ca != cb)).min(left + 1).min(up + 1);
            diag = up;
            left = *cell;
        }
    }
    row.last().copied().unwrap_or(0)
}

fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1.0e15 {
        format!("{}", x as i64)
    } else {
        crate::float::fmt_shortest(x)
    }
}

/// A value as the message shows it: compact JSON, cut to 80 characters.
fn shown(v: &Value) -> String {
    clip(&crate::json::to_string(v), 80)
}

fn shown_str(s: &str) -> String {
    shown(&Value::from(s))
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut c = crate::text::prefix(s, max).to_string();
        c.push('…');
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json::test_json as json;

    fn messages(v: Value) -> (Policy, Vec<String>) {
        let (p, e) = parse(&v);
        (p, e.iter().map(|e| e.to_string()).collect())
    }

    #[test]
    fn every_serialized_field_is_a_known_setting_and_defaults_pass() {
        let defaults = crate::json::to_value(&Policy::default());
        let mut fields: Vec<&str> = defaults
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut known = keys();
        fields.sort_unstable();
        known.sort_unstable();
        assert_eq!(fields, known);
        let (p, e) = parse(&defaults);
        assert_eq!(e, vec![]);
        assert_eq!(p.high_from, Policy::default().high_from);
        assert!(!p.lang_auto, "the defaults name \"en\" explicitly");
    }

    #[test]
    fn valid_values_apply_and_invalid_ones_keep_defaults_with_clear_messages() {
        let (p, e) = messages(json!({
            "high_from": 70,
            "elevated_from": "lots",
            "weights": {"local-time-mismatch": 250, "review-burst": 10, "no-such-rule": 5},
            "disabled_rules": ["reused-photo", "typo-rule"],
            "hihg_from": 3,
            "min_coverage": 1.5,
            "burst_min_jobs": 2.5,
            "diary_night_min_share": 0,
        }));
        assert_eq!(p.high_from, 70);
        assert_eq!(p.elevated_from, 25);
        assert_eq!(p.weights.get("review-burst"), Some(&10));
        assert!(!p.weights.contains_key("local-time-mismatch"));
        assert_eq!(p.disabled_rules, vec!["reused-photo".to_string()]);
        assert_eq!(p.min_coverage, 0.6);
        let want = [
            "elevated_from: \"lots\" is not a number; the default 25 is used",
            "weights.local-time-mismatch: 250 is above the maximum of 100; the default 35 is used",
            "weights.no-such-rule: there is no rule with this id; the entry is ignored",
            "disabled_rules[1]: \"typo-rule\" is not the id of a HireCheck rule; the entry is ignored",
            "hihg_from: there is no such setting; it is ignored (did you mean \"high_from\"?)",
            "min_coverage: 1.5 is above the maximum of 1; the default 0.6 is used",
            "burst_min_jobs: 2.5 is not a whole number; the default 5 is used",
            "diary_night_min_share: 0 must be above 0; the default 0.5 is used",
        ];
        for w in want {
            assert!(e.iter().any(|m| m == w), "missing {w:?} in {e:#?}");
        }
        assert_eq!(e.len(), want.len(), "{e:#?}");
    }

    #[test]
    fn weight_defaults_in_messages_come_from_the_rule() {
        let local = rules(Lang::En)
            .into_iter()
            .find(|r| r.id == "local-time-mismatch")
            .unwrap();
        let (_, e) = messages(json!({"weights": {"local-time-mismatch": -1}}));
        assert_eq!(
            e,
            vec![format!(
                "weights.local-time-mismatch: -1 is below the minimum of 0; the default {} is used",
                local.default_weight
            )]
        );
    }

    #[test]
    fn wrong_shapes_are_reported_not_fatal() {
        let (p, e) = messages(json!([1, 2]));
        assert_eq!(p, Policy::default());
        assert_eq!(
            e,
            vec!["(policy): [1,2] is not an object of settings; every setting keeps its default"]
        );
        let (p, e) = messages(
            json!({"blocked_domains": "bad.com", "weights": [1], "rate_band_usd": [90, 10]}),
        );
        assert!(p.blocked_domains.is_empty());
        assert_eq!(p.rate_band_usd, Policy::default().rate_band_usd);
        assert_eq!(e.len(), 3, "{e:#?}");
        assert!(e[0].starts_with("blocked_domains: \"bad.com\" is not a list of host names"));
        assert!(parse(&Value::Null).1.is_empty());
    }

    #[test]
    fn list_entries_are_checked_one_by_one() {
        let (p, e) = messages(json!({
            "blocked_domains": ["bad.example.com", "https://x.com/a", "Bad.Example.com "],
            "blocked_emails": ["a@b.com", "nope"],
            "blocked_freelancers": ["upwork:~01abc", "~01abc", "myspace:x", 7],
            "allowed_freelancers": ["fiverr:some_seller"],
            "locked_settings": ["high_from", "*", "no_setting"],
        }));
        assert_eq!(
            p.blocked_domains,
            vec!["bad.example.com", "Bad.Example.com"]
        );
        assert_eq!(p.blocked_emails, vec!["a@b.com"]);
        assert_eq!(p.blocked_freelancers, vec!["upwork:~01abc"]);
        assert_eq!(p.allowed_freelancers, vec!["fiverr:some_seller"]);
        assert_eq!(p.locked_settings, vec!["high_from", "*"]);
        assert_eq!(e.len(), 6, "{e:#?}");
        assert!(e[0].starts_with("blocked_domains[1]: \"https://x.com/a\" is not a host name"));
        assert!(e
            .iter()
            .any(|m| m.starts_with("blocked_freelancers[3]: 7 is not text")));
    }

    #[test]
    fn lang_auto_en_de() {
        assert!(parse(&json!({})).0.lang_auto);
        let p = parse(&json!({"lang": "de"})).0;
        assert_eq!((p.lang, p.lang_auto), (Lang::De, false));
        assert!(parse(&json!({"lang": "auto"})).0.lang_auto);
        let (p, e) = messages(json!({"lang": "fr"}));
        assert!(p.lang_auto);
        assert_eq!(e.len(), 1);
        assert!(e[0].starts_with("lang: \"fr\" is not a language"), "{e:?}");
        assert_eq!(effective_json(&p)["lang"], "auto");
    }

    #[test]
    fn report_contact_is_mail_or_text_never_another_link() {
        assert_eq!(
            contact("security@example.com"),
            Some(Contact::Mail {
                address: "security@example.com".into(),
                href: "mailto:security@example.com".into()
            })
        );
        assert_eq!(
            contact("mailto:sec@example.com?subject=HireCheck"),
            Some(Contact::Mail {
                address: "sec@example.com".into(),
                href: "mailto:sec@example.com?subject=HireCheck".into()
            })
        );
        assert_eq!(
            contact("Security desk: call +49 30 1234"),
            Some(Contact::Text("Security desk: call +49 30 1234".into()))
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "https://evil.example/report",
            "data:text/html,x",
            "mailto:not-an-address",
            "mailto:a@b.com?x=\"<y>\"",
        ] {
            assert_eq!(contact(bad), None, "{bad}");
            let (p, e) = messages(json!({ "report_contact": bad }));
            assert_eq!(p.report_contact, "", "{bad}");
            assert_eq!(e.len(), 1, "{bad}");
            assert!(e[0].ends_with("; no contact is shown"), "{e:?}");
        }
        let (p, e) = messages(json!({"report_contact": "x".repeat(201)}));
        assert!(p.contact().is_none());
        assert!(e[0].contains("at most 200"), "{e:?}");
        let (p, e) = messages(json!({"report_contact": " mailto:sec@example.com "}));
        assert!(e.is_empty());
        assert_eq!(p.report_contact, "mailto:sec@example.com");
    }

    #[test]
    fn level_bands_must_be_ordered() {
        let (p, e) = messages(json!({"elevated_from": 80}));
        assert_eq!((p.elevated_from, p.high_from), (25, 60));
        assert_eq!(
            e,
            vec!["elevated_from: elevated_from 80 is above high_from 60; a profile must reach \"elevated\" before \"high\", so both keep their defaults (25 and 60)"]
        );
    }
}
