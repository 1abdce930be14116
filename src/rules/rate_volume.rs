//! P1: a low-to-mid hourly rate together with thousands of hours and a top Job Success Score.

use super::{fmt_num, Context, Family, Hit, Outcome, RuleSpec, Text};
use crate::model::Field;
use crate::policy::Lang;

pub static LOW_RATE_HIGH_VOLUME: RuleSpec = RuleSpec {
    id: "low-rate-high-volume",
    family: Family::Pay,
    // Weak alone: many honest freelancers in lower-cost markets fit it (indicators.md, P1).
    default_points: 15,
    thresholds: &["rate_band_usd", "volume_min_hours", "volume_min_job_success"],
    sources: &["BfV Private Sector Security Advisory 02/2024 (2024-10-01): \"despite high ratings… their required pay is low\"; \
         Security Alliance SEAL Frameworks, DPRK IT workers (2025): pay 25–50% below market. The USD band is HireCheck's \
         policy setting, not a figure from official guidance."],
    title: Text {
        en: "Low rate despite thousands of hours and top ratings",
        de: "Niedriger Stundensatz trotz tausender Stunden und Bestbewertung",
    },
    why: Text {
        en: "Accounts run by sanctioned IT-worker teams are documented to combine top ratings and heavy volume with pay below market. On its own this pattern is common among honest freelancers, so it counts little unless other findings agree.",
        de: "Konten sanktionierter IT-Arbeiter-Teams verbinden laut Behörden Bestbewertungen und viel Arbeit mit Bezahlung unter Marktniveau. Allein ist das Muster auch bei ehrlichen Freelancern häufig; es zählt nur zusammen mit anderen Befunden.",
    },
    verify: Text {
        en: "Ask why the rate is this low for this track record; compare with rates of similar profiles; check the work history for a few long, high-hour contracts and contact one of those clients independently.",
        de: "Fragen Sie, warum der Satz bei dieser Erfahrung so niedrig ist; vergleichen Sie mit ähnlichen Profilen; prüfen Sie lange Verträge mit vielen Stunden und kontaktieren Sie einen dieser Kunden unabhängig.",
    },
    evaluate: low_rate_high_volume,
};

fn low_rate_high_volume(cx: &Context) -> Outcome {
    let p = cx.profile;
    let missing: Vec<Field> = [Field::HourlyRate, Field::TotalHours, Field::JobSuccess]
        .into_iter()
        .filter(|f| !p.has(*f))
        .collect();
    let (Some(rate), Some(hours), Some(jss)) = (&p.hourly_rate, p.total_hours, p.job_success)
    else {
        return Outcome::Unknown(missing);
    };
    // Without a conversion table a non-USD rate cannot be placed in the band.
    if rate.currency != "USD" {
        return Outcome::Unknown(vec![Field::HourlyRate]);
    }
    let (lo, hi) = cx.policy.rate_band_usd;
    let fires = rate.amount >= lo
        && rate.amount <= hi
        && hours >= cx.policy.volume_min_hours
        && jss >= cx.policy.volume_min_job_success;
    if !fires {
        return Outcome::Clear;
    }
    let lang = cx.lang();
    let evidence = match lang {
        Lang::En => vec![
            format!(
                "Hourly rate: ${}/hr (band ${}–${}).",
                fmt_num(rate.amount, lang),
                fmt_num(lo, lang),
                fmt_num(hi, lang)
            ),
            format!(
                "Total hours: {} (threshold {}).",
                fmt_num(hours, lang),
                fmt_num(cx.policy.volume_min_hours, lang)
            ),
            format!(
                "Job Success: {jss}% (threshold {}%).",
                cx.policy.volume_min_job_success
            ),
        ],
        Lang::De => vec![
            format!(
                "Stundensatz: {} $/Std. (Spanne {}–{} $).",
                fmt_num(rate.amount, lang),
                fmt_num(lo, lang),
                fmt_num(hi, lang)
            ),
            format!(
                "Stunden gesamt: {} (Schwelle {}).",
                fmt_num(hours, lang),
                fmt_num(cx.policy.volume_min_hours, lang)
            ),
            format!(
                "Job Success: {jss} % (Schwelle {} %).",
                cx.policy.volume_min_job_success
            ),
        ],
    };
    Outcome::Fired(Hit { evidence })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Money, Profile};
    use crate::policy::Policy;
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
            run(&profile(Some((35.0, "EUR")), Some(6000.0), Some(100))),
            Outcome::Unknown(vec![Field::HourlyRate])
        );
    }
}
