//! Upwork work diary (timesheet) of the client's own hourly contract → `profile.diary`, and the contractor's
//! name and claimed location where the workroom header shows them.
//!
//! The diary's DOM is NOT documented (research notes `page-structure.md` §3: "Diary DOM itself: not found").
//! The reader is modelled on the documented API: the 10-minute cell `WorkDiaryTimeCell` (cellDateTime,
//! activityLevel, memo, manual, overtime, hasScreenshot, …), `WorkDiaryMetadata{timezoneOffset}` and the
//! `providerTimeReport` GraphQL response. Sources, in order:
//! (A) an embedded JSON state in a script that contains `cellDateTime`: every object with a `cellDateTime` is
//!     one tracked (or manual) slot; a `timezoneOffset` (hours, minutes or "UTC+9") says the zone shown;
//! (B) a DOM grid: day containers `[data-date]` holding cells `[data-cell-time]` ("09:10" or a full
//!     "2026-11-20T09:10"), a cell counting when it is not marked empty; the time-zone switcher's selected
//!     entry ("Freelancer's time zone (UTC+09:00)", "My time zone") gives the offset.
//! Caps: at most [`MAX_DAYS`] days and 144 slots a day; times are rounded down to their 10-minute slot.

use super::{ascii_run, location, Builder, MAX_NAME};
use crate::case::lowercase;
use crate::json::Value;
use crate::model::{Date, DiaryDay, Field};
use crate::page::{Page, PageExt};
use crate::text::parse_i32;

/// At most this many days are kept (the earliest ones, in date order).
pub const MAX_DAYS: usize = 62;
/// Ten-minute slots in a day.
const SLOTS_PER_DAY: usize = 144;
/// Upper bound on cells and JSON nodes looked at, so that a hostile page costs bounded time.
const MAX_CELLS: usize = 20_000;
const MAX_JSON_NODES: usize = 200_000;
const MAX_DEPTH: usize = 64;

/// Selectors of the contractor's name in the workroom header (guessed; see the module notes).
const NAME_SELECTORS: &[&str] = &[
    "[data-test=freelancer-name]",
    "[data-qa=freelancer-name]",
    "[data-test=contractor-name]",
    ".contract-freelancer-name",
];
const LOCATION_SELECTORS: &[&str] = &[
    "[data-test=freelancer-location]",
    "[data-qa=freelancer-location]",
    ".contract-freelancer-location",
];
/// The selected entry of the diary's time-zone switcher.
const TZ_SELECTED: &[&str] = &[
    "[data-tz-offset][aria-checked=true]",
    "[data-tz-offset][aria-selected=true]",
    "[data-tz-offset].is-selected",
    "[data-tz-offset][selected]",
    "[aria-checked=true]",
    "[aria-selected=true]",
    "option[selected]",
    ".is-selected",
    "[data-test=timezone-label]",
    "[data-qa=timezone-label]",
];

/// Reads a work-diary page into `b`.
pub(super) fn read(page: &dyn Page, b: &mut Builder) {
    let mut cells: Vec<(Option<Date>, u16, Option<i32>)> = Vec::new();
    let mut source = None;
    if let Some(state) = find_state(page) {
        read_state_meta(&state, b);
        let offset = find_key(&state, "timezoneOffset").and_then(parse_offset_value);
        collect_cells(&state, offset, &mut cells);
        if !cells.is_empty() || has_key(&state, "cellDateTime") {
            source = Some("embedded diary state (cellDateTime)");
        }
    }
    if source.is_none() {
        let offset = dom_offset(page);
        if read_dom_cells(page, offset, &mut cells) {
            source = Some("[data-cell-time] grid");
        }
    }
    if let Some(src) = source {
        b.p.diary = Some(group(cells));
        b.note(Field::Diary, src);
    }
    if b.p.name.is_none() {
        if let Some(name) = page
            .first_text(None, NAME_SELECTORS)
            .and_then(|t| crate::text::clean(&t, MAX_NAME))
        {
            b.p.name = Some(name);
            b.note(Field::Name, "workroom header");
        }
    }
    if b.p.location.is_none() {
        if let Some(loc) = page.first_text(None, LOCATION_SELECTORS).and_then(|t| {
            let (city, country) = match crate::text::rsplit_once_byte(&t, b',') {
                Some((c, k)) => (Some(c.trim()), k.trim()),
                None => (None, t.trim()),
            };
            location(city, Some(country), None)
        }) {
            b.p.location = Some(loc);
            b.note(Field::Location, "workroom header");
        }
    }
}

/// Groups (date, slot, offset) cells into days: sorted, de-duplicated, capped.
fn group(cells: Vec<(Option<Date>, u16, Option<i32>)>) -> Vec<DiaryDay> {
    type Key = (Option<Date>, Option<i32>);
    // The first MAX_DAYS (date, offset) keys met, each with its slots.
    let mut days: Vec<(Key, Vec<u16>)> = Vec::new();
    for (date, slot, offset) in cells {
        let key = (date, offset);
        let mut known = false;
        for (k, slots) in days.iter_mut() {
            if *k == key {
                slots.push(slot);
                known = true;
                break;
            }
        }
        if !known && days.len() < MAX_DAYS {
            days.push((key, vec![slot]));
        }
    }
    // Days in key order: the smallest key left each time (a few dozen keys; no sort code for this type).
    let mut out = Vec::with_capacity(days.len());
    loop {
        let mut first: Option<(usize, &Key)> = None;
        for (i, (k, _)) in days.iter().enumerate() {
            if first.is_none_or(|(_, f)| k < f) {
                first = Some((i, k));
            }
        }
        let Some((i, _)) = first else {
            break;
        };
        let ((date, utc_offset_minutes), mut slots) = days.swap_remove(i);
        crate::sort::sort(&mut slots);
        crate::sort::dedup(&mut slots);
        slots.truncate(SLOTS_PER_DAY);
        out.push(DiaryDay {
            date,
            slots,
            utc_offset_minutes,
        });
    }
    out
}

/// The first script holding a JSON value that mentions `cellDateTime`.
fn find_state(page: &dyn Page) -> Option<Value> {
    super::script_value(page, "cellDateTime", |text| {
        let start = crate::text::find_any(text, b"{[")?;
        crate::json::from_str_prefix(text.get(start..)?)
            .ok()
            .map(|(v, _)| v)
    })
}

/// Name and location from the state, when it carries them (`freelancer: {name, location: {city, country}}`).
fn read_state_meta(state: &Value, b: &mut Builder) {
    let mut who = None;
    for k in ["freelancer", "contractor", "provider"] {
        who = find_key(state, k).filter(|v| v.is_object());
        if who.is_some() {
            break;
        }
    }
    let Some(who) = who else { return };
    if let Some(name) = who
        .get("name")
        .and_then(Value::as_str)
        .and_then(|s| crate::text::clean(s, MAX_NAME))
    {
        b.p.name = Some(name);
        b.note(Field::Name, "embedded diary state");
    }
    if let Some(loc) = who.get("location").and_then(|l| {
        let s = |k: &str| l.get(k).and_then(Value::as_str);
        location(s("city"), s("country"), s("countryCode"))
    }) {
        b.p.location = Some(loc);
        b.note(Field::Location, "embedded diary state");
    }
}

/// Depth-first search for the first value under `key`, bounded.
fn find_key<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    let mut stack = vec![(v, 0usize)];
    let mut seen = 0;
    while let Some((v, depth)) = stack.pop() {
        seen += 1;
        if seen > MAX_JSON_NODES || depth > MAX_DEPTH {
            return None;
        }
        if let Some(found) = v.get(key) {
            return Some(found);
        }
        push_children(&mut stack, v, depth);
    }
    None
}

/// Pushes the values inside `v` (at `depth + 1`) so that the first of them is popped first.
fn push_children<'a>(stack: &mut Vec<(&'a Value, usize)>, v: &'a Value, depth: usize) {
    let first = stack.len();
    match v {
        Value::Object(m) => {
            for c in m.values() {
                stack.push((c, depth + 1));
            }
        }
        Value::Array(a) => {
            for c in a {
                stack.push((c, depth + 1));
            }
        }
        _ => {}
    }
    if let Some(pushed) = stack.get_mut(first..) {
        pushed.reverse();
    }
}

fn has_key(v: &Value, key: &str) -> bool {
    find_key(v, key).is_some()
}

/// Every object with a `cellDateTime`, as (date, slot, offset) in the zone shown.
fn collect_cells(v: &Value, offset: Option<i32>, out: &mut Vec<(Option<Date>, u16, Option<i32>)>) {
    let mut stack = vec![(v, 0usize)];
    let mut seen = 0;
    while let Some((v, depth)) = stack.pop() {
        seen += 1;
        if seen > MAX_JSON_NODES || depth > MAX_DEPTH || out.len() >= MAX_CELLS {
            return;
        }
        if let Some(cell) = v.get("cellDateTime") {
            if let Some(c) = cell_time(cell, offset) {
                out.push(c);
            }
            continue;
        }
        push_children(&mut stack, v, depth);
    }
}

/// A cell's time: epoch milliseconds (shown at `offset`, or in UTC when the page names no zone), or a
/// local date-time "YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]".
fn cell_time(v: &Value, offset: Option<i32>) -> Option<(Option<Date>, u16, Option<i32>)> {
    let ms = match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s)
            if !s.is_empty() && s.len() <= 16 && s.bytes().all(|b| b.is_ascii_digit()) =>
        {
            crate::float::parse_f64(s)
        }
        Value::String(s) => return parse_local_datetime(s, offset),
        _ => None,
    }?;
    // Seconds or milliseconds since the epoch, 1990–2100.
    let secs = if ms > 1.0e11 { ms / 1000.0 } else { ms };
    if !(6.3e8..4.1e9).contains(&secs) {
        return None;
    }
    let off = offset.unwrap_or(0);
    let local = secs as i64 + i64::from(off) * 60;
    let days = local.div_euclid(86_400);
    let minute = local.rem_euclid(86_400) / 60;
    let (y, m, d) = crate::time::civil_from_days(days);
    Some((Date::new(y, m, d), slot_of(minute as u32)?, Some(off)))
}

fn slot_of(minute_of_day: u32) -> Option<u16> {
    (minute_of_day < 1440).then(|| (minute_of_day - minute_of_day % 10) as u16)
}

/// "2026-11-20T09:10", "2026-11-20 09:10:00+09:00", "20261120T0910"; the offset in the text wins.
fn parse_local_datetime(s: &str, offset: Option<i32>) -> Option<(Option<Date>, u16, Option<i32>)> {
    let s = s.trim();
    if s.len() > 40 {
        return None;
    }
    // 'T' and ' ' are ASCII: the cut and the byte after it are on char boundaries.
    let at = crate::text::find_any(s, b"T ")?;
    let (date_part, rest) = (s.get(..at)?, s.get(at + 1..)?);
    let date = parse_date(date_part)?;
    let (digits, tail) = rest.split_at_checked(clock_len(rest))?;
    let (h, m) = parse_hm(digits)?;
    // Fractions of a second.
    let frac = ascii_run(tail, |b| b == b'.' || b.is_ascii_digit());
    let tail = tail.get(frac..).unwrap_or("");
    let off = if tail.eq_ignore_ascii_case("z") {
        Some(0)
    } else if tail.is_empty() {
        offset
    } else {
        signed_offset(tail).or(offset)
    };
    Some((Some(date), slot_of(h * 60 + m)?, off))
}

/// The length of the digits and ':' that `s` starts with (ASCII: one byte each).
fn clock_len(s: &str) -> usize {
    ascii_run(s, |b| b.is_ascii_digit() || b == b':')
}

/// "09:10", "9:10:00", "0910".
fn parse_hm(s: &str) -> Option<(u32, u32)> {
    let mut it = s.split(':');
    let (h, m) = match (it.next(), it.next()) {
        (Some(hm), None) if hm.len() == 4 => (hm.get(..2)?, hm.get(2..)?),
        (Some(h), Some(m)) => (h, m),
        _ => return None,
    };
    let (h, m) = (h.parse::<u32>().ok()?, m.get(..2)?.parse::<u32>().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

/// "2026-11-20" or "20261120".
fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let (y, m, d) = if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        (s.get(..4)?, s.get(4..6)?, s.get(6..)?)
    } else {
        let mut it = s.splitn(3, '-');
        (it.next()?, it.next()?, it.next()?)
    };
    Date::new(parse_i32(y)?, m.parse().ok()?, d.parse().ok()?)
}

/// A `timezoneOffset` value: hours (|v| ≤ 14, fractions allowed), minutes (|v| ≤ 840) or a label.
/// The unit is not documented; whole values up to 14 are read as hours.
pub fn parse_offset_value(v: &Value) -> Option<i32> {
    match v {
        Value::Number(n) => {
            let f = n.as_f64()?;
            let minutes = if f.abs() <= 14.0 { f * 60.0 } else { f };
            let m = minutes.round() as i32;
            (minutes.is_finite() && (-720..=840).contains(&m)).then_some(m)
        }
        Value::String(s) => parse_offset_label(s)
            .or_else(|| {
                s.trim()
                    .as_bytes()
                    .first()
                    .is_some_and(|b| matches!(b, b'+' | b'-'))
                    .then(|| signed_offset(s.trim()))
                    .flatten()
            })
            .or_else(|| {
                crate::float::parse_f64(s.trim())
                    .and_then(crate::json::Number::from_f64)
                    .and_then(|n| parse_offset_value(&Value::Number(n)))
            }),
        _ => None,
    }
}

/// The offset in a label such as "Freelancer's time zone (UTC+09:00)", "GMT-5", "UTC+5:30", "UTC".
pub fn parse_offset_label(s: &str) -> Option<i32> {
    let up = s.to_ascii_uppercase();
    let at = up.find("UTC").or_else(|| up.find("GMT"))?;
    signed_offset(up.get(at + 3..)?)
}

/// What follows "UTC" / "GMT" in a label ("+09:00", "-5", "+0530"; anything else is UTC itself) → minutes east.
fn signed_offset(rest: &str) -> Option<i32> {
    let rest = rest.trim_start();
    let sign = match rest.chars().next() {
        Some('+') => 1,
        Some('-') | Some('−') => -1,
        _ => return Some(0),
    };
    let mut rest = rest;
    while let Some(c) = rest.chars().next().filter(|c| matches!(c, '+' | '-' | '−')) {
        rest = rest.get(c.len_utf8()..)?;
    }
    let rest = rest.trim_start();
    let num = rest.get(..clock_len(rest).min(5))?;
    let (h, m) = match num.split_once(':') {
        Some((h, m)) => (parse_i32(h)?, parse_i32(m)?),
        None if num.len() == 4 => (parse_i32(num.get(..2)?)?, parse_i32(num.get(2..)?)?),
        None => (parse_i32(num)?, 0),
    };
    let minutes = sign * (h * 60 + m);
    (m < 60 && (-720..=840).contains(&minutes)).then_some(minutes)
}

/// The offset of the zone the grid is shown in, from the switcher's selected entry.
fn dom_offset(page: &dyn Page) -> Option<i32> {
    for css in TZ_SELECTED {
        for n in page.select(None, css).into_iter().take(50) {
            if let Some(m) = page
                .attr(n, "data-tz-offset")
                .and_then(|a| parse_i32(a.trim()))
                .filter(|m| (-720..=840).contains(m))
            {
                return Some(m);
            }
            let t = page.text(n);
            let low = lowercase(&t);
            if t.len() < 200
                && (low.contains("time zone") || low.contains("zeitzone") || low.contains("utc"))
            {
                if let Some(m) = parse_offset_label(&t) {
                    return Some(m);
                }
            }
        }
    }
    None
}

/// Cells of a DOM grid; true when a grid was found (even an empty one).
fn read_dom_cells(
    page: &dyn Page,
    offset: Option<i32>,
    out: &mut Vec<(Option<Date>, u16, Option<i32>)>,
) -> bool {
    let mut found = false;
    let days = page.select(None, "[data-date]");
    let mut handled_in_days = 0;
    for day in days.into_iter().take(MAX_DAYS * 4) {
        let date = page.attr(day, "data-date").and_then(|d| parse_date(&d));
        let cells = page.select(Some(day), "[data-cell-time]");
        if cells.is_empty() {
            continue;
        }
        found = true;
        handled_in_days += cells.len();
        for c in cells.into_iter().take(MAX_CELLS) {
            if out.len() >= MAX_CELLS {
                return found;
            }
            if let Some(cell) = dom_cell(page, c, date, offset) {
                out.push(cell);
            }
        }
    }
    if handled_in_days == 0 {
        for c in page
            .select(None, "[data-cell-time]")
            .into_iter()
            .take(MAX_CELLS)
        {
            found = true;
            if let Some(cell) = dom_cell(page, c, None, offset) {
                out.push(cell);
            }
        }
    }
    found
}

fn dom_cell(
    page: &dyn Page,
    node: crate::page::Node,
    date: Option<Date>,
    offset: Option<i32>,
) -> Option<(Option<Date>, u16, Option<i32>)> {
    let state = page
        .attr(node, "data-state")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let class = page
        .attr(node, "class")
        .unwrap_or_default()
        .to_ascii_lowercase();
    if state == "empty"
        || class
            .split_whitespace()
            .any(|c| c == "empty" || c.ends_with("-empty"))
    {
        return None;
    }
    let t = page.attr(node, "data-cell-time")?;
    let t = t.trim();
    if crate::text::find_any(t, b"T ").is_some() {
        let (d, slot, off) = parse_local_datetime(t, offset)?;
        return Some((d.or(date), slot, off));
    }
    let (h, m) = parse_hm(t)?;
    Some((date, slot_of(h * 60 + m)?, offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_skip_fractions_of_a_second() {
        for t in [
            "2026-03-04T10:20:30.125Z",
            "2026-03-04T10:20Z",
            "2026-03-04 10:20:30Z",
        ] {
            let (d, slot, off) = parse_local_datetime(t, None).expect(t);
            assert_eq!((d, slot, off), (Date::new(2026, 3, 4), 620, Some(0)), "{t}");
        }
        // An unreadable zone after the fraction leaves the offset unknown.
        assert_eq!(
            parse_local_datetime("2026-03-04T10:20:30.5+x", None),
            Some((Date::new(2026, 3, 4), 620, None))
        );
    }

    #[test]
    fn offset_labels() {
        assert_eq!(
            parse_offset_label("Freelancer's time zone (UTC+09:00)"),
            Some(540)
        );
        assert_eq!(parse_offset_label("My time zone: GMT-5"), Some(-300));
        assert_eq!(parse_offset_label("UTC+5:30"), Some(330));
        assert_eq!(parse_offset_label("UTC"), Some(0));
        assert_eq!(parse_offset_label("UTC+99"), None);
        assert_eq!(parse_offset_label("no zone"), None);
        assert_eq!(parse_offset_value(&crate::json::test_json!(9)), Some(540));
        assert_eq!(
            parse_offset_value(&crate::json::test_json!(-300)),
            Some(-300)
        );
        assert_eq!(parse_offset_value(&crate::json::test_json!(5.5)), Some(330));
        assert_eq!(
            parse_offset_value(&crate::json::test_json!("+09:00")),
            Some(540)
        );
        assert_eq!(parse_offset_value(&crate::json::test_json!(1e300)), None);
    }

    #[test]
    fn cell_times() {
        assert_eq!(
            cell_time(&crate::json::test_json!("2026-11-20T09:17:00"), Some(540)),
            Some((Date::new(2026, 11, 20), 550, Some(540)))
        );
        assert_eq!(
            cell_time(
                &crate::json::test_json!("2026-11-20T09:10:00+01:00"),
                Some(540)
            ),
            Some((Date::new(2026, 11, 20), 550, Some(60)))
        );
        // 2026-11-20T00:00:00Z in milliseconds, shown at UTC+9.
        assert_eq!(
            cell_time(&crate::json::test_json!(1_795_132_800_000i64), Some(540)),
            Some((Date::new(2026, 11, 20), 540, Some(540)))
        );
        assert_eq!(cell_time(&crate::json::test_json!("garbage"), None), None);
        assert_eq!(
            cell_time(&crate::json::test_json!("2026-13-40T09:10"), None),
            None
        );
        assert_eq!(cell_time(&crate::json::test_json!(-1), None), None);
    }
}
