//! W1–W2: the work diary of the client's own hourly contract. W1: tracked time round the clock, or every day
//! of the week for weeks (one account, several operators). W2: most tracked time at night on the clock of the
//! country the freelancer claims. All three read `profile.diary`, which only work-diary pages fill.
//!
//! Fairness: W2 compares the claimed location's own clock with the tracked hours; the country itself is never a
//! risk, and for a country with several zones the zone most favourable to the freelancer is used.

use super::{fmt_num, Context, Family, Hit, Outcome, RuleSpec};
use crate::model::{Date, DiaryDay, Field};
use crate::texts::{s, say};
use crate::time::Instant;
use crate::tz;

/// Diary days looked at, at most (a page shows up to 62).
const MAX_DAYS_READ: usize = 248;
/// Days listed in the evidence at most.
const MAX_DAYS_SHOWN: usize = 5;
/// A gap of at least this many minutes separates two shifts.
const SHIFT_GAP_MINUTES: u32 = 60;

pub static ROUND_THE_CLOCK: RuleSpec = RuleSpec {
    id: "round-the-clock-work",
    family: Family::Workload,
    default_points: 30,
    thresholds: &[
        "diary_long_day_span_hours",
        "diary_long_day_min_tracked_hours",
        "diary_long_days_min",
    ],
    evaluate: round_the_clock,
};

pub static SEVEN_DAY_WEEKS: RuleSpec = RuleSpec {
    id: "seven-day-weeks",
    family: Family::Workload,
    default_points: 20,
    thresholds: &["diary_streak_min_daily_hours", "diary_streak_min_weeks"],
    evaluate: seven_day_weeks,
};

pub static NIGHT_WORK_IN_CLAIMED_ZONE: RuleSpec = RuleSpec {
    id: "night-work-in-claimed-zone",
    family: Family::Location,
    default_points: 35,
    thresholds: &["diary_night_min_share", "diary_night_min_tracked_hours"],
    evaluate: night_work,
};

/// One diary day, cleaned: slots valid, sorted, unique, at most 144.
struct Day {
    date: Option<Date>,
    offset: Option<i32>,
    slots: Vec<u16>,
}

fn clean(days: &[DiaryDay]) -> Vec<Day> {
    let mut out = Vec::new();
    for d in days.iter().take(MAX_DAYS_READ) {
        let mut slots: Vec<u16> = Vec::new();
        for &s in &d.slots {
            if s < 1440 {
                slots.push(s - s % 10);
            }
        }
        crate::sort::sort(&mut slots);
        crate::sort::dedup(&mut slots);
        out.push(Day {
            date: d.date,
            offset: d.utc_offset_minutes.filter(|o| (-720..=840).contains(o)),
            slots,
        });
    }
    out
}

fn hours(slots: usize) -> f64 {
    slots as f64 / 6.0
}

fn hm(minute: u32) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// Span, longest continuous stretch and shifts of one day's slots (minutes).
struct DayShape {
    first: u32,
    end: u32,
    longest: u32,
    shifts: u32,
}

fn shape(slots: &[u16]) -> Option<DayShape> {
    let first = u32::from(*slots.first()?);
    let (mut longest, mut run, mut shifts, mut prev) = (10, 10, 1, first);
    for &s in slots.iter().skip(1) {
        let s = u32::from(s);
        if s == prev + 10 {
            run += 10;
        } else {
            run = 10;
            if s - prev - 10 >= SHIFT_GAP_MINUTES {
                shifts += 1;
            }
        }
        longest = longest.max(run);
        prev = s;
    }
    Some(DayShape {
        first,
        end: prev + 10,
        longest,
        shifts,
    })
}

fn round_the_clock(cx: &Context) -> Outcome {
    let Some(diary) = cx.profile.diary.as_deref() else {
        return super::unknown(&[Field::Diary]);
    };
    let pol = cx.policy;
    let lang = cx.lang();
    let days = clean(diary);
    let span_min = (pol.diary_long_day_span_hours * 60.0).round() as u32;
    let tracked_min = pol.diary_long_day_min_tracked_hours * 6.0;
    let mut long = Vec::new();
    for d in &days {
        let Some(s) = shape(&d.slots) else { continue };
        if s.end - s.first >= span_min && d.slots.len() as f64 >= tracked_min {
            long.push((d, s));
        }
    }
    if long.len() < pol.diary_long_days_min as usize {
        return Outcome::Clear;
    }
    let mut evidence = vec![say(
        lang,
        s::DIARY_LONG_DAYS,
        [
            &long.len().to_string(),
            &days.len().to_string(),
            &fmt_num(pol.diary_long_day_span_hours, lang),
            &fmt_num(pol.diary_long_day_min_tracked_hours, lang),
        ],
    )];
    for (d, extent) in long.iter().take(MAX_DAYS_SHOWN) {
        let date = d
            .date
            .map(|x| x.to_string())
            .unwrap_or_else(|| say(lang, s::DIARY_UNDATED_DAY, []));
        let zone = d.offset.map(tz::format_offset).unwrap_or_default();
        let span = f64::from(extent.end - extent.first) / 60.0;
        let longest = f64::from(extent.longest) / 60.0;
        evidence.push(say(
            lang,
            s::DIARY_LONG_DAY,
            [
                &date,
                &hm(extent.first),
                &hm(extent.end),
                &zone,
                &fmt_num(span, lang),
                &fmt_num(hours(d.slots.len()), lang),
                &fmt_num(longest, lang),
                &extent.shifts.to_string(),
            ],
        ));
    }
    Outcome::Fired(Hit { evidence })
}

fn seven_day_weeks(cx: &Context) -> Outcome {
    let Some(diary) = cx.profile.diary.as_deref() else {
        return super::unknown(&[Field::Diary]);
    };
    let pol = cx.policy;
    let lang = cx.lang();
    let days = clean(diary);
    if days.iter().any(|d| !d.slots.is_empty()) && days.iter().all(|d| d.date.is_none()) {
        return super::unknown(&[Field::Diary]);
    }
    // (day number, date, slots), one entry a date, in date order.
    let mut per_date: Vec<(i64, Date, usize)> = Vec::new();
    for d in &days {
        if let Some(date) = d.date {
            let day = date.days_since_epoch();
            match per_date.iter_mut().find(|e| e.0 == day) {
                Some(e) => e.2 += d.slots.len(),
                None => per_date.push((day, date, d.slots.len())),
            }
        }
    }
    crate::sort::sort_by_key(&mut per_date, |e| e.0);
    let min_slots = pol.diary_streak_min_daily_hours * 6.0;
    let need = i64::from(pol.diary_streak_min_weeks) * 7;
    // Longest run of consecutive dates, each with enough hours.
    // (first day, last day, slots) of the best and the current run.
    type Run = Option<(i64, i64, usize)>;
    let (mut best, mut cur): (Run, Run) = (None, None);
    for &(day, _, n) in &per_date {
        if (n as f64) < min_slots {
            cur = None;
            continue;
        }
        cur = match cur {
            Some((start, end, total)) if end + 1 == day => Some((start, day, total + n)),
            _ => Some((day, day, n)),
        };
        if best.is_none_or(|(s, e, _)| cur.is_some_and(|(cs, ce, _)| e - s < ce - cs)) {
            best = cur;
        }
    }
    let Some((start, end, total)) = best else {
        return Outcome::Clear;
    };
    let len = end - start + 1;
    if len < need {
        return Outcome::Clear;
    }
    let date = |d: i64| {
        per_date
            .iter()
            .find(|e| e.0 == d)
            .map(|e| e.1.to_string())
            .unwrap_or_default()
    };
    let avg = hours(total) / len as f64;
    let weeks = len as f64 / 7.0;
    let evidence = vec![
        say(
            lang,
            s::DIARY_STREAK,
            [
                &len.to_string(),
                &fmt_num(weeks, lang),
                &date(start),
                &date(end),
                &fmt_num(pol.diary_streak_min_daily_hours, lang),
            ],
        ),
        say(
            lang,
            s::DIARY_STREAK_HOURS,
            [&fmt_num(hours(total), lang), &fmt_num(avg, lang)],
        ),
    ];
    Outcome::Fired(Hit { evidence })
}

fn night_work(cx: &Context) -> Outcome {
    let p = cx.profile;
    let country = p.location.as_ref().and_then(|l| l.country.as_deref());
    let mut missing = Vec::new();
    if country.is_none() {
        missing.push(Field::Location);
    }
    let Some(diary) = p.diary.as_deref() else {
        missing.push(Field::Diary);
        return Outcome::Unknown(missing);
    };
    let days = clean(diary);
    // Absolute minutes since the epoch (UTC) of every slot whose day has a date and a known offset.
    let mut utc: Vec<i64> = Vec::new();
    for d in &days {
        let (Some(date), Some(off)) = (d.date, d.offset) else {
            continue;
        };
        let base = date.days_since_epoch() * 1440 - i64::from(off);
        for &s in &d.slots {
            utc.push(base + i64::from(s));
        }
    }
    let has_tracked = days.iter().any(|d| !d.slots.is_empty());
    if has_tracked && utc.is_empty() {
        // The diary was read but does not say which zone its times are in.
        missing.push(Field::Diary);
    }
    let Some(iso2) = country else {
        return Outcome::Unknown(missing);
    };
    if !missing.is_empty() {
        return Outcome::Unknown(missing);
    }
    if tz::offsets_at(iso2, Instant(0)).is_none() {
        return super::unknown(&[Field::Location]);
    }
    let pol = cx.policy;
    if hours(utc.len()) < pol.diary_night_min_tracked_hours || utc.is_empty() {
        return Outcome::Clear;
    }
    // Night slots per zone of the country, each slot judged at its own instant (summer time included).
    let mut night: Vec<usize> = Vec::new();
    // The zones (same names at every instant) with their offsets at the latest slot.
    let mut last_zones: Vec<tz::ZoneOffset> = Vec::new();
    for &m in &utc {
        let Some(zones) = tz::offsets_at(iso2, Instant(m * 60)) else {
            return super::unknown(&[Field::Location]);
        };
        if night.is_empty() {
            night = vec![0; zones.len()];
        }
        for (i, z) in zones.iter().enumerate().take(night.len()) {
            let local = (m + i64::from(z.offset_minutes)).rem_euclid(1440);
            if let (true, Some(count)) = (local < 360, night.get_mut(i)) {
                *count += 1;
            }
        }
        last_zones = zones;
    }
    // The zone with the fewest night slots (the first of equals).
    let mut fewest: Option<(usize, usize)> = None;
    for (i, &n) in night.iter().enumerate() {
        if fewest.is_none_or(|(_, f)| n < f) {
            fewest = Some((i, n));
        }
    }
    let Some((best, n)) = fewest else {
        return Outcome::Clear;
    };
    let share = n as f64 / utc.len() as f64;
    if share < pol.diary_night_min_share {
        return Outcome::Clear;
    }
    let lang = cx.lang();
    let country_name = super::country_name(p, iso2);
    let (zone, zone_off) = match last_zones.get(best) {
        Some(z) => (z.zone, tz::format_offset(z.offset_minutes)),
        None => ("", String::new()),
    };
    let mut offsets: Vec<i32> = Vec::new();
    for d in &days {
        offsets.extend(d.offset);
    }
    crate::sort::sort(&mut offsets);
    crate::sort::dedup(&mut offsets);
    let mut shown: Vec<String> = Vec::new();
    for o in offsets {
        shown.push(tz::format_offset(o));
    }
    // With several zones the sentence says which one it used.
    let sentence = if last_zones.len() > 1 {
        s::DIARY_NIGHT_LOWEST_ZONE
    } else {
        s::DIARY_NIGHT
    };
    let evidence = vec![
        say(
            lang,
            sentence,
            [
                &fmt_num(hours(n), lang),
                &fmt_num(hours(utc.len()), lang),
                &fmt_num(share * 100.0, lang),
                country_name,
                zone,
                &zone_off,
            ],
        ),
        say(
            lang,
            s::DIARY_NIGHT_OFFSETS,
            [&crate::text::join(&shown, ", ")],
        ),
    ];
    Outcome::Fired(Hit { evidence })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Location, Profile};
    use crate::policy::{Lang, Policy};

    fn day(date: (i32, u32, u32), from: u16, to: u16, offset: Option<i32>) -> DiaryDay {
        DiaryDay {
            date: Date::new(date.0, date.1, date.2),
            slots: (from..to).step_by(10).collect(),
            utc_offset_minutes: offset,
        }
    }

    fn profile(days: Vec<DiaryDay>, country: Option<&str>) -> Profile {
        Profile {
            diary: Some(days),
            location: country.map(|c| Location {
                city: None,
                country: Some(c.to_string()),
                country_name: None,
            }),
            ..Profile::default()
        }
    }

    fn run(rule: &RuleSpec, p: &Profile) -> Outcome {
        run_with(rule, p, &Policy::default())
    }

    fn run_with(rule: &RuleSpec, p: &Profile, policy: &Policy) -> Outcome {
        (rule.evaluate)(&Context {
            profile: p,
            policy,
            now: Instant::parse_rfc3339("2026-11-26T12:00:00Z").unwrap(),
        })
    }

    /// Two shifts a day: 06:00–14:00 and 15:00–23:30, every day for `n` days from 2026-11-01.
    fn shifts(n: u32, offset: Option<i32>) -> Vec<DiaryDay> {
        (1..=n)
            .map(|d| {
                let mut x = day((2026, 11, d), 360, 840, offset);
                x.slots.extend((900..1410).step_by(10));
                x
            })
            .collect()
    }

    #[test]
    fn round_the_clock_fires_clears_and_is_unknown() {
        let Outcome::Fired(hit) = run(&ROUND_THE_CLOCK, &profile(shifts(4, Some(540)), None))
        else {
            panic!()
        };
        assert!(hit.evidence[0].starts_with("4 of 4"), "{:?}", hit.evidence);
        assert!(
            hit.evidence[1].contains("2026-11-01: 06:00–23:30 UTC+9"),
            "{:?}",
            hit.evidence
        );
        assert!(hit.evidence[1].contains("2 shift"), "{:?}", hit.evidence);
        // Two such days are not enough; a normal 9-to-6 day never counts.
        assert_eq!(
            run(&ROUND_THE_CLOCK, &profile(shifts(2, None), None)),
            Outcome::Clear
        );
        let office: Vec<_> = (1..=20)
            .map(|d| day((2026, 11, d), 540, 1080, None))
            .collect();
        assert_eq!(
            run(&ROUND_THE_CLOCK, &profile(office, None)),
            Outcome::Clear
        );
        // Two slots at 00:00 and 23:50 span the day but track almost nothing.
        let sparse: Vec<_> = (1..=5)
            .map(|d| DiaryDay {
                date: Date::new(2026, 11, d),
                slots: vec![0, 1430],
                utc_offset_minutes: None,
            })
            .collect();
        assert_eq!(
            run(&ROUND_THE_CLOCK, &profile(sparse, None)),
            Outcome::Clear
        );
        assert_eq!(
            run(&ROUND_THE_CLOCK, &Profile::default()),
            Outcome::Unknown(vec![Field::Diary])
        );
        assert_eq!(
            run(&ROUND_THE_CLOCK, &profile(vec![], None)),
            Outcome::Clear
        );
    }

    #[test]
    fn seven_day_weeks_fires_clears_and_is_unknown() {
        let every_day: Vec<_> = (1..=15)
            .map(|d| day((2026, 11, d), 540, 1020, None))
            .collect();
        let Outcome::Fired(hit) = run(&SEVEN_DAY_WEEKS, &profile(every_day.clone(), None)) else {
            panic!()
        };
        assert!(
            hit.evidence[0].starts_with("15 consecutive days"),
            "{:?}",
            hit.evidence
        );
        assert!(
            hit.evidence[0].contains("2026-11-01 to 2026-11-15"),
            "{:?}",
            hit.evidence
        );
        // Weekends off (2026-11-07/08 and 14/15 are Saturday/Sunday): clear.
        let weekdays: Vec<_> = every_day
            .iter()
            .filter(|d| !matches!(d.date.unwrap().day, 1 | 7 | 8 | 14 | 15))
            .cloned()
            .collect();
        assert_eq!(
            run(&SEVEN_DAY_WEEKS, &profile(weekdays, None)),
            Outcome::Clear
        );
        // Every day, but short days: clear.
        let short: Vec<_> = (1..=20)
            .map(|d| day((2026, 11, d), 540, 600, None))
            .collect();
        assert_eq!(run(&SEVEN_DAY_WEEKS, &profile(short, None)), Outcome::Clear);
        // No dates at all: unknown.
        let undated: Vec<_> = every_day
            .iter()
            .map(|d| DiaryDay {
                date: None,
                ..d.clone()
            })
            .collect();
        assert_eq!(
            run(&SEVEN_DAY_WEEKS, &profile(undated, None)),
            Outcome::Unknown(vec![Field::Diary])
        );
        assert_eq!(
            run(&SEVEN_DAY_WEEKS, &Profile::default()),
            Outcome::Unknown(vec![Field::Diary])
        );
    }

    #[test]
    fn night_work_fires_clears_and_is_unknown() {
        // 09:00–17:00 at UTC+9 is 00:00–08:00 UTC = 01:00–09:00 in Germany in November: 5 of 8 hours at night.
        let tokyo_office: Vec<_> = (2..=6)
            .map(|d| day((2026, 11, d), 540, 1020, Some(540)))
            .collect();
        let Outcome::Fired(hit) = run(
            &NIGHT_WORK_IN_CLAIMED_ZONE,
            &profile(tokyo_office.clone(), Some("DE")),
        ) else {
            panic!()
        };
        assert!(
            hit.evidence[0].starts_with("25 of 40 tracked hours (62.5%)"),
            "{:?}",
            hit.evidence
        );
        assert!(
            hit.evidence[0].contains("Europe/Berlin"),
            "{:?}",
            hit.evidence
        );
        assert!(hit.evidence[1].contains("UTC+9"), "{:?}", hit.evidence);
        // The same diary for someone claiming Japan: daytime.
        assert_eq!(
            run(
                &NIGHT_WORK_IN_CLAIMED_ZONE,
                &profile(tokyo_office.clone(), Some("JP"))
            ),
            Outcome::Clear
        );
        // The US has a zone (Hawaii/Alaska) where 00:00–08:00 UTC is afternoon/evening: most favourable zone wins.
        assert_eq!(
            run(
                &NIGHT_WORK_IN_CLAIMED_ZONE,
                &profile(tokyo_office.clone(), Some("US"))
            ),
            Outcome::Clear
        );
        // Unknown without country, without the diary's zone, without a diary.
        assert_eq!(
            run(&NIGHT_WORK_IN_CLAIMED_ZONE, &profile(tokyo_office, None)),
            Outcome::Unknown(vec![Field::Location])
        );
        let no_zone: Vec<_> = (2..=6)
            .map(|d| day((2026, 11, d), 540, 1020, None))
            .collect();
        assert_eq!(
            run(&NIGHT_WORK_IN_CLAIMED_ZONE, &profile(no_zone, Some("DE"))),
            Outcome::Unknown(vec![Field::Diary])
        );
        assert_eq!(
            run(&NIGHT_WORK_IN_CLAIMED_ZONE, &Profile::default()),
            Outcome::Unknown(vec![Field::Location, Field::Diary])
        );
        // Too little tracked time: clear.
        let little = vec![day((2026, 11, 2), 540, 600, Some(540))];
        assert_eq!(
            run(&NIGHT_WORK_IN_CLAIMED_ZONE, &profile(little, Some("DE"))),
            Outcome::Clear
        );
    }

    #[test]
    fn night_work_follows_summer_time() {
        // 04:00–06:00 UTC: 05:00–07:00 CET in January (half at night), 06:00–08:00 CEST in July (none).
        let policy = Policy {
            diary_night_min_tracked_hours: 1.0,
            diary_night_min_share: 0.5,
            ..Policy::default()
        };
        let winter: Vec<_> = (5..=9)
            .map(|d| day((2026, 1, d), 240, 360, Some(0)))
            .collect();
        let summer: Vec<_> = (6..=10)
            .map(|d| day((2026, 7, d), 240, 360, Some(0)))
            .collect();
        assert!(matches!(
            run_with(
                &NIGHT_WORK_IN_CLAIMED_ZONE,
                &profile(winter, Some("DE")),
                &policy
            ),
            Outcome::Fired(_)
        ));
        assert_eq!(
            run_with(
                &NIGHT_WORK_IN_CLAIMED_ZONE,
                &profile(summer, Some("DE")),
                &policy
            ),
            Outcome::Clear
        );
        // The switch night itself (2026-03-29, 01:00 UTC): 00:00–01:00 UTC is 01:00–02:00 CET, 01:00–02:00 UTC is
        // 03:00–04:00 CEST; both at night.
        let switch = vec![day((2026, 3, 29), 0, 120, Some(0))];
        assert!(matches!(
            run_with(
                &NIGHT_WORK_IN_CLAIMED_ZONE,
                &profile(switch, Some("DE")),
                &policy
            ),
            Outcome::Fired(_)
        ));
    }

    #[test]
    fn hostile_diaries_do_not_panic() {
        let hostile = vec![
            DiaryDay {
                date: None,
                slots: vec![u16::MAX, 1439, 1440, 0, 0, 5],
                utc_offset_minutes: Some(i32::MIN),
            },
            DiaryDay {
                date: Date::new(2200, 12, 31),
                slots: (0..u16::MAX).collect(),
                utc_offset_minutes: Some(i32::MAX),
            },
            DiaryDay {
                date: Date::new(1970, 1, 1),
                slots: (0..1440).step_by(10).collect(),
                utc_offset_minutes: Some(840),
            },
        ];
        let many: Vec<_> = (0..2000)
            .map(|i| {
                day(
                    (2026, 1 + (i % 12) as u32, 1 + (i % 28) as u32),
                    0,
                    1440,
                    Some(-720),
                )
            })
            .collect();
        for days in [hostile, many] {
            for c in [Some("DE"), Some("US"), Some("XX"), Some("ü"), None] {
                let p = profile(days.clone(), c);
                for rule in [
                    &ROUND_THE_CLOCK,
                    &SEVEN_DAY_WEEKS,
                    &NIGHT_WORK_IN_CLAIMED_ZONE,
                ] {
                    let _ = run(rule, &p);
                    let _ = run_with(
                        rule,
                        &p,
                        &Policy {
                            lang: Lang::De,
                            ..Policy::default()
                        },
                    );
                }
            }
        }
    }
}
