//! P12: a burst of tiny, perfectly rated jobs finished within a few weeks — ratings that look arranged.

use super::{Context, Family, Hit, Outcome, RuleSpec};
use crate::currency;
use crate::model::{Field, WorkEntry};
use crate::texts::{s, say};

pub static REVIEW_BURST: RuleSpec = RuleSpec {
    id: "review-burst",
    family: Family::Reviews,
    default_points: 20,
    thresholds: &["burst_min_jobs", "burst_window_days", "burst_max_job_usd"],
    evaluate: review_burst,
};

fn review_burst(cx: &Context) -> Outcome {
    let Some(history) = &cx.profile.work_history else {
        return super::unknown(&[Field::WorkHistory]);
    };
    let policy = cx.policy;
    // Earnings in other currencies count through the approximate table in `currency.rs`; a job paid
    // in a currency it cannot convert is not counted as tiny.
    let usd = |e: &WorkEntry| {
        e.earnings
            .as_ref()
            .and_then(|m| currency::to_usd_at(m, cx.now))
    };
    let tiny = |e: &&WorkEntry| {
        e.rating.is_some_and(|r| r >= 4.95)
            && usd(e).is_some_and(|a| a <= policy.burst_max_job_usd)
            && e.end.is_some()
    };
    let mut jobs: Vec<&WorkEntry> = Vec::new();
    for e in history {
        if tiny(&e) {
            jobs.push(e);
        }
    }
    crate::sort::sort_by_key(&mut jobs, |e| e.end);
    let window = policy.burst_window_days;
    let min = policy.burst_min_jobs.max(2) as usize;
    // The densest run of tiny five-star jobs ending within one window. The jobs are sorted by end, so
    // the run's end only moves forward (linear, however many jobs a page lists).
    let mut best: &[&WorkEntry] = &[];
    let mut end = 0;
    for (i, job) in jobs.iter().enumerate() {
        let Some(first) = job.end.map(|d| d.days_since_epoch()) else {
            continue;
        };
        end = end.max(i);
        while jobs
            .get(end)
            .is_some_and(|e| e.end.is_some_and(|d| d.days_since_epoch() - first < window))
        {
            end += 1;
        }
        if end - i > best.len() {
            best = jobs.get(i..end).unwrap_or_default();
        }
    }
    if best.len() < min {
        return Outcome::Clear;
    }
    let lang = cx.lang();
    let (first, last) = (
        best.first().and_then(|e| e.end),
        best.last().and_then(|e| e.end),
    );
    let span = |d: Option<crate::model::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    let mut evidence = vec![say(
        lang,
        s::REVIEW_BURST,
        [
            &best.len().to_string(),
            &crate::float::fmt_shortest(policy.burst_max_job_usd),
            &span(first),
            &span(last),
        ],
    )];
    let untitled = say(lang, s::UNTITLED, []);
    for e in best.iter().take(6) {
        let paid = match (&e.earnings, usd(e)) {
            (Some(m), Some(u)) => currency::describe(m, u, "", lang),
            _ => String::new(),
        };
        let title = e.title.as_deref().unwrap_or(&untitled);
        evidence.push(say(lang, s::REVIEW_BURST_JOB, [title, &paid, &span(e.end)]));
    }
    Outcome::Fired(Hit { evidence })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Money, Profile};
    use crate::policy::Policy;
    use crate::time::Instant;

    fn job(day: u32, usd: f64, rating: f64) -> WorkEntry {
        paid_in(day, usd, "USD", rating)
    }

    fn paid_in(day: u32, amount: f64, currency: &str, rating: f64) -> WorkEntry {
        WorkEntry {
            title: Some(format!("Task {day}")),
            end: Date::new(2026, 3, day),
            earnings: Some(Money {
                amount,
                currency: currency.into(),
            }),
            rating: Some(rating),
            ..WorkEntry::default()
        }
    }

    fn run(history: Option<Vec<WorkEntry>>) -> Outcome {
        let p = Profile {
            work_history: history,
            ..Profile::default()
        };
        (REVIEW_BURST.evaluate)(&Context {
            profile: &p,
            policy: &Policy::default(),
            now: Instant(0),
        })
    }

    #[test]
    fn a_burst_of_tiny_five_star_jobs_fires() {
        let burst: Vec<_> = [1, 3, 6, 9, 12, 15]
            .into_iter()
            .map(|d| job(d, 20.0, 5.0))
            .collect();
        let Outcome::Fired(hit) = run(Some(burst)) else {
            panic!()
        };
        assert!(hit.evidence[0].starts_with("6 jobs"), "{:?}", hit.evidence);
    }

    #[test]
    fn spread_out_large_or_mixed_jobs_stay_clear() {
        let big: Vec<_> = [1, 3, 6, 9, 12, 15]
            .into_iter()
            .map(|d| job(d, 900.0, 5.0))
            .collect();
        assert_eq!(run(Some(big)), Outcome::Clear);
        let rated: Vec<_> = [1, 3, 6, 9, 12, 15]
            .into_iter()
            .map(|d| job(d, 20.0, 4.6))
            .collect();
        assert_eq!(run(Some(rated)), Outcome::Clear);
        let few: Vec<_> = [1, 3, 6].into_iter().map(|d| job(d, 20.0, 5.0)).collect();
        assert_eq!(run(Some(few)), Outcome::Clear);
        assert_eq!(run(Some(vec![])), Outcome::Clear);
        assert_eq!(run(None), Outcome::Unknown(vec![Field::WorkHistory]));
    }

    #[test]
    fn earnings_in_other_currencies_count_through_the_table() {
        // 70 EUR ≈ 82 USD each: tiny; the evidence shows euros and the approximate dollars.
        let eur: Vec<_> = [1, 3, 6, 9, 12, 15]
            .into_iter()
            .map(|d| paid_in(d, 70.0, "EUR", 5.0))
            .collect();
        let Outcome::Fired(hit) = run(Some(eur)) else {
            panic!()
        };
        assert!(
            hit.evidence[1].contains("70 EUR (\u{2248} $82.4 at approximate rates of"),
            "{:?}",
            hit.evidence
        );
        assert!(hit.evidence[1].contains(currency::RATES_DATE));
        assert!(hit.evidence[0].starts_with("6 jobs"), "{:?}", hit.evidence);
        // 100 GBP ≈ 137 USD each: above the ceiling.
        let gbp: Vec<_> = [1, 3, 6, 9, 12, 15]
            .into_iter()
            .map(|d| paid_in(d, 100.0, "GBP", 5.0))
            .collect();
        assert_eq!(run(Some(gbp)), Outcome::Clear);
        // A currency without a rate is never counted as tiny.
        let odd: Vec<_> = [1, 3, 6, 9, 12, 15]
            .into_iter()
            .map(|d| paid_in(d, 1.0, "XYZ", 5.0))
            .collect();
        assert_eq!(run(Some(odd)), Outcome::Clear);
        // USD evidence reads as before.
        let usd: Vec<_> = [1, 3, 6, 9, 12, 15]
            .into_iter()
            .map(|d| job(d, 20.0, 5.0))
            .collect();
        let Outcome::Fired(hit) = run(Some(usd)) else {
            panic!()
        };
        assert_eq!(hit.evidence[1], "\"Task 1\" — $20, 2026-03-01");
    }
}
