//! The DST rule kinds that zones in [`super::table`] refer to, and their evaluation.
//!
//! Every kind is a pair of yearly changes (start of DST, end of DST) and the amount saved. Each change
//! falls on a day of a month ("last Sunday", "first Sunday on or after the 8th") at a time of day that is
//! given in UTC, in the zone's standard time, or on the wall clock in force just before the change —
//! exactly the way tzdata writes its rules. `tools/gen-tz-table.py` holds a copy of these definitions
//! (`RULES`) and only assigns a kind to a zone when the kind reproduces every one of that zone's
//! transitions in 2025–2035; the two copies must stay identical.

use crate::time::{days_from_civil, days_in_month, weekday};

/// A DST rule kind. The doc of each variant is what tzdata says of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// United States, Canada, Mexican border cities, Bahamas, Bermuda, Haiti, Turks & Caicos, Saint Pierre &
    /// Miquelon, Pituffik: second Sunday of March 02:00 local → first Sunday of November 02:00 local.
    Us,
    /// European Union and most of Europe, Greenland's Nuuk and Ittoqqortoormiit, Azores, Canaries, Faroe:
    /// last Sunday of March 01:00 UTC → last Sunday of October 01:00 UTC.
    Eu,
    /// Antarctica/Troll: EU dates, but two hours (UTC+0 → UTC+2).
    Troll,
    /// Moldova: last Sunday of March 02:00 → last Sunday of October 03:00 local (both 00:00 UTC).
    Moldova,
    /// Lebanon: last Sunday of March 00:00 → last Sunday of October 00:00 local.
    Lebanon,
    /// Israel: Friday before the last Sunday of March 02:00 → last Sunday of October 02:00 local.
    Israel,
    /// Egypt (since 2023): last Friday of April 00:00 → last Thursday of October 24:00 local.
    Egypt,
    /// Cuba: second Sunday of March 00:00 → first Sunday of November 01:00 local (00:00 standard time).
    Cuba,
    /// Chile (Santiago, Easter Island): first Sunday on or after 2 September 04:00 UTC → first Sunday on
    /// or after 2 April 03:00 UTC (Saturday 24:00 local in Santiago).
    Chile,
    /// South-east Australia, Norfolk Island, Macquarie: first Sunday of October 02:00 standard time → first
    /// Sunday of April 02:00 standard time (03:00 summer time).
    Australia,
    /// Lord Howe Island: half an hour; first Sunday of October 02:00 → first Sunday of April 02:00 local.
    LordHowe,
    /// New Zealand and Chatham Islands: last Sunday of September → first Sunday of April, both at 02:00
    /// NZ standard time, which is 14:00 UTC on the Saturday (written here as −10:00 UTC of the Sunday).
    NewZealand,
}

/// Which clock the time of day of a change is read on.
#[derive(Clone, Copy)]
enum Clock {
    Utc,
    Standard,
    /// The wall clock in force just before the change.
    Wall,
}

#[derive(Clone, Copy)]
enum Day {
    /// The last given weekday (0 = Sunday) of the month.
    Last(u32),
    /// The first given weekday on or after the day of the month.
    OnOrAfter(u32, u32),
}

#[derive(Clone, Copy)]
struct Change {
    month: u32,
    day: Day,
    /// Minutes after local midnight of that day; may be negative or 24:00 and later.
    minutes: i64,
    clock: Clock,
}

struct Spec {
    start: Change,
    end: Change,
    save: i32,
}

const SUN: u32 = 0;
const THU: u32 = 4;
const FRI: u32 = 5;

const fn at(month: u32, day: Day, minutes: i64, clock: Clock) -> Change {
    Change {
        month,
        day,
        minutes,
        clock,
    }
}

impl Rule {
    fn spec(self) -> Spec {
        use Clock::{Standard as S, Utc as U, Wall as W};
        use Day::{Last, OnOrAfter};
        let (start, end, save) = match self {
            Rule::Us => (
                at(3, OnOrAfter(8, SUN), 120, W),
                at(11, OnOrAfter(1, SUN), 120, W),
                60,
            ),
            Rule::Eu => (at(3, Last(SUN), 60, U), at(10, Last(SUN), 60, U), 60),
            Rule::Troll => (at(3, Last(SUN), 60, U), at(10, Last(SUN), 60, U), 120),
            Rule::Moldova => (at(3, Last(SUN), 120, W), at(10, Last(SUN), 180, W), 60),
            Rule::Lebanon => (at(3, Last(SUN), 0, W), at(10, Last(SUN), 0, W), 60),
            Rule::Israel => (
                at(3, OnOrAfter(23, FRI), 120, W),
                at(10, Last(SUN), 120, W),
                60,
            ),
            Rule::Egypt => (at(4, Last(FRI), 0, W), at(10, Last(THU), 1440, W), 60),
            Rule::Cuba => (
                at(3, OnOrAfter(8, SUN), 0, S),
                at(11, OnOrAfter(1, SUN), 0, S),
                60,
            ),
            Rule::Chile => (
                at(9, OnOrAfter(2, SUN), 240, U),
                at(4, OnOrAfter(2, SUN), 180, U),
                60,
            ),
            Rule::Australia => (
                at(10, OnOrAfter(1, SUN), 120, S),
                at(4, OnOrAfter(1, SUN), 120, S),
                60,
            ),
            Rule::LordHowe => (
                at(10, OnOrAfter(1, SUN), 120, W),
                at(4, OnOrAfter(1, SUN), 120, W),
                30,
            ),
            Rule::NewZealand => (
                at(9, Last(SUN), -600, U),
                at(4, OnOrAfter(1, SUN), -600, U),
                60,
            ),
        };
        Spec { start, end, save }
    }

    /// Minutes of DST saved while the rule is in effect.
    #[cfg(test)]
    pub fn save(self) -> i32 {
        self.spec().save
    }

    /// The offset (minutes east of UTC) at `t` (seconds since the epoch) of a zone with standard offset
    /// `std` that follows this rule. `t` must lie in years 1000–9999 (the caller clamps).
    pub fn offset_at(self, std: i32, t: i64) -> i32 {
        let spec = self.spec();
        let (year, _, _) = crate::time::civil_from_days(t.div_euclid(86_400));
        // The latest change at or before `t`; the previous year's two changes always qualify.
        let mut latest: Option<(i64, bool)> = None;
        for y in year - 1..=year + 1 {
            for (change, starts_dst) in [(spec.start, true), (spec.end, false)] {
                let when = change.instant(y, std, spec.save, starts_dst);
                if when <= t && latest.is_none_or(|(w, _)| when > w) {
                    latest = Some((when, starts_dst));
                }
            }
        }
        match latest {
            Some((_, true)) => std + spec.save,
            _ => std,
        }
    }

    /// Every change of `year` as (seconds since the epoch, offset after the change), in date order of
    /// the rule (not necessarily chronological).
    #[cfg(test)]
    pub fn changes(self, std: i32, year: i32) -> [(i64, i32); 2] {
        let spec = self.spec();
        [
            (
                spec.start.instant(year, std, spec.save, true),
                std + spec.save,
            ),
            (spec.end.instant(year, std, spec.save, false), std),
        ]
    }
}

impl Change {
    fn instant(self, year: i32, std: i32, save: i32, starts_dst: bool) -> i64 {
        let day = match self.day {
            Day::Last(wd) => {
                let last = days_from_civil(year, self.month, days_in_month(year, self.month));
                last - i64::from((weekday(last) + 7 - wd) % 7)
            }
            Day::OnOrAfter(dom, wd) => {
                let first = days_from_civil(year, self.month, dom);
                first + i64::from((wd + 7 - weekday(first)) % 7)
            }
        };
        let clock_offset = match self.clock {
            Clock::Utc => 0,
            Clock::Standard => std,
            Clock::Wall if starts_dst => std,
            Clock::Wall => std + save,
        };
        day * 86_400 + (self.minutes - i64::from(clock_offset)) * 60
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::Instant;

    fn t(s: &str) -> i64 {
        Instant::parse_rfc3339(s).unwrap().0
    }

    #[test]
    fn changes_fall_where_tzdata_puts_them() {
        // US 2026: 8 March 02:00 EST = 07:00Z; 1 November 02:00 EDT = 06:00Z.
        assert_eq!(
            Rule::Us.changes(-300, 2026),
            [
                (t("2026-03-08T07:00:00Z"), -240),
                (t("2026-11-01T06:00:00Z"), -300)
            ]
        );
        // EU 2026: 29 March and 25 October, 01:00Z.
        assert_eq!(
            Rule::Eu.changes(60, 2026),
            [
                (t("2026-03-29T01:00:00Z"), 120),
                (t("2026-10-25T01:00:00Z"), 60)
            ]
        );
        // Israel 2026: Friday 27 March 02:00 IST = 00:00Z.
        assert_eq!(
            Rule::Israel.changes(120, 2026)[0],
            (t("2026-03-27T00:00:00Z"), 180)
        );
        // Egypt 2026: Friday 24 April 00:00 EET; Thursday 29 October 24:00 EEST = 21:00Z.
        assert_eq!(
            Rule::Egypt.changes(120, 2026),
            [
                (t("2026-04-23T22:00:00Z"), 180),
                (t("2026-10-29T21:00:00Z"), 120)
            ]
        );
        // New Zealand 2026: 27 September 02:00 NZST = 26 Sep 14:00Z; 5 April 03:00 NZDT = 4 Apr 14:00Z.
        assert_eq!(
            Rule::NewZealand.changes(720, 2026),
            [
                (t("2026-09-26T14:00:00Z"), 780),
                (t("2026-04-04T14:00:00Z"), 720)
            ]
        );
        // Lord Howe 2026: 4 October 02:00 +10:30 = 3 Oct 15:30Z; 5 April 02:00 +11 = 4 Apr 15:00Z.
        assert_eq!(
            Rule::LordHowe.changes(630, 2026),
            [
                (t("2026-10-03T15:30:00Z"), 660),
                (t("2026-04-04T15:00:00Z"), 630)
            ]
        );
    }

    #[test]
    fn offsets_switch_at_the_exact_second_in_both_hemispheres() {
        let eu = |s: &str| Rule::Eu.offset_at(60, t(s));
        assert_eq!(eu("2026-03-29T00:59:59Z"), 60);
        assert_eq!(eu("2026-03-29T01:00:00Z"), 120);
        assert_eq!(eu("2026-10-25T00:59:59Z"), 120);
        assert_eq!(eu("2026-10-25T01:00:00Z"), 60);
        let au = |s: &str| Rule::Australia.offset_at(600, t(s));
        assert_eq!(au("2026-01-15T00:00:00Z"), 660);
        assert_eq!(au("2026-07-15T00:00:00Z"), 600);
        assert_eq!(au("2026-12-31T23:59:59Z"), 660);
        assert_eq!(au("2027-01-01T00:00:00Z"), 660);
        assert_eq!(Rule::Australia.save(), 60);
        assert_eq!(Rule::LordHowe.save(), 30);
    }
}
