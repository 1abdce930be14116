//! P3: the local time the page shows does not fit any time zone of the country the freelancer claims.

use super::{Context, Family, Hit, Outcome, RuleSpec};
use crate::model::Field;
use crate::texts::{s, say};
use crate::tz;

/// How many zones to name before summarising the rest.
const MAX_ZONES_SHOWN: usize = 6;

pub static LOCAL_TIME_MISMATCH: RuleSpec = RuleSpec {
    id: "local-time-mismatch",
    family: Family::Location,
    default_points: 35,
    thresholds: &["local_time_tolerance_minutes"],
    evaluate: local_time_mismatch,
};

fn local_time_mismatch(cx: &Context) -> Outcome {
    let p = cx.profile;
    let country = p.location.as_ref().and_then(|l| l.country.as_deref());
    let (Some(iso2), Some(clock)) = (country, p.local_time) else {
        let mut missing = Vec::new();
        if country.is_none() {
            missing.push(Field::Location);
        }
        if p.local_time.is_none() {
            missing.push(Field::LocalTime);
        }
        return Outcome::Unknown(missing);
    };
    let Some(zones) = tz::offsets_at(iso2, cx.now) else {
        return super::unknown(&[Field::Location]);
    };
    let shown_offset = implied_offset(clock.minutes_of_day(), cx.now.utc_minute_of_day());
    let tolerance = cx.policy.local_time_tolerance_minutes;
    let mut nearest = i32::MAX;
    for z in &zones {
        nearest = nearest.min(circular_distance(shown_offset, z.offset_minutes));
    }
    if nearest <= tolerance {
        return Outcome::Clear;
    }
    let lang = cx.lang();
    let country_name = super::country_name(p, iso2);
    let mut listed = Vec::new();
    for z in zones.iter().take(MAX_ZONES_SHOWN) {
        listed.push(format!(
            "{} {}",
            z.zone,
            tz::format_offset(z.offset_minutes)
        ));
    }
    let hours_off = f64::from(nearest) / 60.0;
    let utc_now = crate::model::ClockTime::new(
        (cx.now.utc_minute_of_day() / 60) as u32,
        (cx.now.utc_minute_of_day() % 60) as u32,
    );
    let utc_now = utc_now.map(|c| c.to_string()).unwrap_or_default();
    let listed = crate::text::join(&listed, ", ");
    // Past MAX_ZONES_SHOWN zones, the sentence says how many more there are.
    let zones_now = if zones.len() > MAX_ZONES_SHOWN {
        let more = (zones.len() - MAX_ZONES_SHOWN).to_string();
        say(
            lang,
            s::LOCAL_TIME_COUNTRY_MORE,
            [country_name, &listed, &more],
        )
    } else {
        say(lang, s::LOCAL_TIME_COUNTRY, [country_name, &listed])
    };
    let evidence = vec![
        say(
            lang,
            s::LOCAL_TIME_SHOWN,
            [
                &clock.to_string(),
                &utc_now,
                &tz::format_offset(shown_offset),
            ],
        ),
        zones_now,
        say(
            lang,
            s::LOCAL_TIME_NEAREST,
            [&super::fmt_num(hours_off, lang)],
        ),
    ];
    Outcome::Fired(Hit { evidence })
}

/// The UTC offset (minutes) a shown wall-clock time implies, in UTC−12…UTC+14.
fn implied_offset(shown_minute_of_day: i32, utc_minute_of_day: i32) -> i32 {
    let d = (shown_minute_of_day - utc_minute_of_day).rem_euclid(1440);
    if d > 14 * 60 {
        d - 1440
    } else {
        d
    }
}

/// Distance between two offsets on the 24-hour clock (a shown time cannot tell UTC+14 from UTC−10).
fn circular_distance(a: i32, b: i32) -> i32 {
    let d = (a - b).rem_euclid(1440);
    d.min(1440 - d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClockTime, Location, Profile};
    use crate::policy::Policy;
    use crate::time::Instant;

    fn profile(country: Option<&str>, clock: Option<(u32, u32)>) -> Profile {
        Profile {
            location: Some(Location {
                city: None,
                country: country.map(str::to_string),
                country_name: None,
            }),
            local_time: clock.and_then(|(h, m)| ClockTime::new(h, m)),
            ..Profile::default()
        }
    }

    fn run(p: &Profile, now: &str) -> Outcome {
        (LOCAL_TIME_MISMATCH.evaluate)(&Context {
            profile: p,
            policy: &Policy::default(),
            now: Instant::parse_rfc3339(now).unwrap(),
        })
    }

    #[test]
    fn offsets_wrap_around_midnight() {
        assert_eq!(implied_offset(23 * 60 + 42, 14 * 60 + 42), 540);
        assert_eq!(implied_offset(9 * 60 + 42, 14 * 60 + 42), -300);
        assert_eq!(implied_offset(0, 23 * 60), 60);
        assert_eq!(circular_distance(840, -600), 0);
        assert_eq!(circular_distance(60, 540), 480);
    }

    #[test]
    fn consistent_time_is_clear_including_dst() {
        // Berlin: UTC+1 in November, UTC+2 in July.
        assert_eq!(
            run(&profile(Some("DE"), Some((15, 42))), "2026-11-26T14:42:00Z"),
            Outcome::Clear
        );
        assert_eq!(
            run(&profile(Some("DE"), Some((16, 42))), "2026-07-10T14:42:00Z"),
            Outcome::Clear
        );
        // The US has many zones: Honolulu at UTC−10 fits too.
        assert_eq!(
            run(&profile(Some("US"), Some((4, 42))), "2026-11-26T14:42:00Z"),
            Outcome::Clear
        );
        // Within the tolerance of a few minutes (page read a little after rendering).
        assert_eq!(
            run(&profile(Some("IN"), Some((20, 20))), "2026-11-26T14:42:00Z"),
            Outcome::Clear
        );
    }

    #[test]
    fn a_clock_that_fits_no_zone_fires_with_evidence() {
        // 23:42 at 14:42 UTC is UTC+9; Germany in November is UTC+1 only.
        let Outcome::Fired(hit) = run(&profile(Some("DE"), Some((23, 42))), "2026-11-26T14:42:00Z")
        else {
            panic!()
        };
        assert!(
            hit.evidence[0].contains("23:42") && hit.evidence[0].contains("UTC+9"),
            "{:?}",
            hit.evidence
        );
        assert!(
            hit.evidence[1].contains("Europe/Berlin"),
            "{:?}",
            hit.evidence
        );
        assert!(hit.evidence[2].contains('8'), "{:?}", hit.evidence);
        // Summer time is applied: 15:42 at 14:42 UTC is UTC+1, which Germany does not use in July.
        assert!(matches!(
            run(&profile(Some("DE"), Some((15, 42))), "2026-07-10T14:42:00Z"),
            Outcome::Fired(_)
        ));
    }

    #[test]
    fn unknown_without_country_or_clock() {
        assert_eq!(
            run(&profile(None, Some((3, 0))), "2026-11-26T14:42:00Z"),
            Outcome::Unknown(vec![Field::Location])
        );
        assert_eq!(
            run(&profile(Some("DE"), None), "2026-11-26T14:42:00Z"),
            Outcome::Unknown(vec![Field::LocalTime])
        );
        assert_eq!(
            run(&profile(Some("XX"), Some((3, 0))), "2026-11-26T14:42:00Z"),
            Outcome::Unknown(vec![Field::Location])
        );
        assert_eq!(
            run(&Profile::default(), "2026-11-26T14:42:00Z"),
            Outcome::Unknown(vec![Field::Location, Field::LocalTime])
        );
    }
}
