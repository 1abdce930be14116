//! P1: a low-to-mid hourly rate together with thousands of hours and a top Job Success Score.

use super::{fmt_num, Context, Family, Hit, Outcome, RuleSpec};
use crate::currency;
use crate::model::Field;
use crate::texts::{s, say};

pub static LOW_RATE_HIGH_VOLUME: RuleSpec = RuleSpec {
    id: "low-rate-high-volume",
    family: Family::Pay,
    // Weak alone: many honest freelancers in lower-cost markets fit it (indicators.md, P1).
    default_points: 15,
    thresholds: &[
        "rate_band_usd",
        "volume_min_hours",
        "volume_min_job_success",
    ],
    evaluate: low_rate_high_volume,
};

fn low_rate_high_volume(cx: &Context) -> Outcome {
    let p = cx.profile;
    let (Some(rate), Some(hours), Some(jss)) = (&p.hourly_rate, p.total_hours, p.job_success)
    else {
        let needed = [Field::HourlyRate, Field::TotalHours, Field::JobSuccess];
        return Outcome::Unknown(super::unread(p, &needed));
    };
    // Other currencies are placed in the USD band through the approximate table in `currency.rs`;
    // a currency it does not list (or one whose figure is too old to trust) cannot be placed.
    let Some(usd) = currency::to_usd_at(rate, cx.now) else {
        return super::unknown(&[Field::HourlyRate]);
    };
    let (lo, hi) = cx.policy.rate_band_usd;
    let fires = usd >= lo
        && usd <= hi
        && hours >= cx.policy.volume_min_hours
        && jss >= cx.policy.volume_min_job_success;
    if !fires {
        return Outcome::Clear;
    }
    let lang = cx.lang();
    let per_hour = say(lang, s::RATE_PER_HOUR, []);
    let evidence = vec![
        say(
            lang,
            s::RATE_HOURLY,
            [
                &currency::describe(rate, usd, &per_hour, lang),
                &fmt_num(lo, lang),
                &fmt_num(hi, lang),
            ],
        ),
        say(
            lang,
            s::RATE_TOTAL_HOURS,
            [
                &fmt_num(hours, lang),
                &fmt_num(cx.policy.volume_min_hours, lang),
            ],
        ),
        say(
            lang,
            s::RATE_JOB_SUCCESS,
            [
                &jss.to_string(),
                &cx.policy.volume_min_job_success.to_string(),
            ],
        ),
    ];
    Outcome::Fired(Hit { evidence })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Money, Profile};
    use crate::policy::{Lang, Policy};
    use crate::time::Instant;

    fn profile(rate: Option<(f64, &str)>, hours: Option<f64>, jss: Option<u8>) -> Profile {
        Profile {
            hourly_rate: rate.map(|(amount, c)| Money {
                amount,
                currency: c.into(),
            }),
            total_hours: hours,
            job_success: jss,
            ..Profile::default()
        }
    }

    fn run(p: &Profile) -> Outcome {
        (LOW_RATE_HIGH_VOLUME.evaluate)(&Context {
            profile: p,
            policy: &Policy::default(),
            now: Instant(0),
        })
    }

    fn run_at(p: &Profile, now: &str) -> Outcome {
        (LOW_RATE_HIGH_VOLUME.evaluate)(&Context {
            profile: p,
            policy: &Policy::default(),
            now: Instant::parse_rfc3339(now).unwrap(),
        })
    }

    #[test]
    fn fires_on_the_published_pattern() {
        let Outcome::Fired(hit) = run(&profile(Some((35.0, "USD")), Some(6120.0), Some(100)))
        else {
            panic!()
        };
        assert!(hit.evidence[0].contains("$35/hr"), "{:?}", hit.evidence);
        assert!(hit.evidence[1].contains("6,120"));
    }

    #[test]
    fn stays_clear_outside_any_one_condition() {
        assert_eq!(
            run(&profile(Some((120.0, "USD")), Some(6000.0), Some(100))),
            Outcome::Clear
        );
        assert_eq!(
            run(&profile(Some((15.0, "USD")), Some(6000.0), Some(100))),
            Outcome::Clear
        );
        assert_eq!(
            run(&profile(Some((35.0, "USD")), Some(800.0), Some(100))),
            Outcome::Clear
        );
        assert_eq!(
            run(&profile(Some((35.0, "USD")), Some(6000.0), Some(72))),
            Outcome::Clear
        );
    }

    #[test]
    fn missing_or_unconvertible_data_is_unknown() {
        assert_eq!(
            run(&profile(None, Some(6000.0), None)),
            Outcome::Unknown(vec![Field::HourlyRate, Field::JobSuccess])
        );
        assert_eq!(
            run(&profile(Some((35.0, "XYZ")), Some(6000.0), Some(100))),
            Outcome::Unknown(vec![Field::HourlyRate])
        );
        // A fast-moving currency is not converted from a table that is long out of date.
        assert_eq!(
            run_at(
                &profile(Some((40_000.0, "ARS")), Some(6000.0), Some(100)),
                "2026-11-26T12:00:00Z"
            ),
            Outcome::Unknown(vec![Field::HourlyRate])
        );
    }

    #[test]
    fn other_currencies_are_placed_in_the_band_through_the_table() {
        // 30 EUR ≈ 35 USD: inside the band; the evidence names both and the table's date.
        let Outcome::Fired(hit) = run_at(
            &profile(Some((30.0, "EUR")), Some(6120.0), Some(100)),
            "2026-11-26T12:00:00Z",
        ) else {
            panic!()
        };
        assert!(
            hit.evidence[0].starts_with("Hourly rate: 30 EUR/hr (\u{2248} $35.3/hr"),
            "{:?}",
            hit.evidence
        );
        assert!(hit.evidence[0].contains(currency::RATES_DATE));
        // 2,500 INR ≈ 29 USD: inside; 1,000 INR ≈ 12 USD: below; 120 GBP ≈ 164 USD: above.
        assert!(matches!(
            run(&profile(Some((2500.0, "INR")), Some(6000.0), Some(100))),
            Outcome::Fired(_)
        ));
        assert_eq!(
            run(&profile(Some((1000.0, "INR")), Some(6000.0), Some(100))),
            Outcome::Clear
        );
        assert_eq!(
            run(&profile(Some((120.0, "GBP")), Some(6000.0), Some(100))),
            Outcome::Clear
        );
        // A volatile currency converts while the table is recent.
        assert!(matches!(
            run_at(
                &profile(Some((40_000.0, "ARS")), Some(6000.0), Some(100)),
                "2025-08-01T12:00:00Z"
            ),
            Outcome::Fired(_)
        ));
    }

    #[test]
    fn german_evidence_shows_both_amounts() {
        let p = profile(Some((30.0, "EUR")), Some(6120.0), Some(100));
        let policy = Policy {
            lang: Lang::De,
            ..Policy::default()
        };
        let Outcome::Fired(hit) = (LOW_RATE_HIGH_VOLUME.evaluate)(&Context {
            profile: &p,
            policy: &policy,
            now: Instant(0),
        }) else {
            panic!()
        };
        assert!(
            hit.evidence[0].starts_with(
                "Stundensatz: 30 EUR/Std. (\u{2248} 35,3 $/Std. zu Näherungskursen vom"
            ),
            "{:?}",
            hit.evidence
        );
    }
}
