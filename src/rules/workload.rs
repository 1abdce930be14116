//! P2: more hours than one person can work — over the account's lifetime, or across contracts running at once.

use super::{fmt_num, Context, Family, Hit, Outcome, RuleSpec};
use crate::model::{ContractKind, Field, WorkEntry};
use crate::texts::{s, say};

pub static AVERAGE_WORKLOAD: RuleSpec = RuleSpec {
    id: "implausible-average-hours",
    family: Family::Workload,
    default_points: 30,
    thresholds: &["max_average_weekly_hours", "min_weeks_for_average"],
    evaluate: average_workload,
};

fn average_workload(cx: &Context) -> Outcome {
    let p = cx.profile;
    let (Some(hours), Some(since)) = (p.total_hours, p.member_since) else {
        return Outcome::Unknown(super::unread(p, &[Field::TotalHours, Field::MemberSince]));
    };
    let days = cx.now.utc_date().days_since_epoch() - since.first_day().days_since_epoch();
    let weeks = days as f64 / 7.0;
    // A young account's average says little; and a member-since in the future is a reading error, not evidence.
    if weeks < cx.policy.min_weeks_for_average {
        return Outcome::Clear;
    }
    let average = hours / weeks;
    if average <= cx.policy.max_average_weekly_hours {
        return Outcome::Clear;
    }
    let lang = cx.lang();
    let evidence = vec![
        say(lang, s::WORKLOAD_TOTAL_HOURS, [&fmt_num(hours, lang)]),
        say(
            lang,
            s::WORKLOAD_MEMBER_SINCE,
            [&since.to_string(), &fmt_num(weeks.floor(), lang)],
        ),
        say(
            lang,
            s::WORKLOAD_AVERAGE,
            [
                &fmt_num(average.round(), lang),
                &fmt_num(cx.policy.max_average_weekly_hours, lang),
            ],
        ),
    ];
    Outcome::Fired(Hit { evidence })
}

/// One hourly contract reduced to what the overlap check needs.
struct Span<'a> {
    entry: &'a WorkEntry,
    start: i64,
    end: i64,
    weekly: f64,
}

pub static OVERLAPPING_CONTRACTS: RuleSpec = RuleSpec {
    id: "overlapping-contracts",
    family: Family::Workload,
    default_points: 35,
    thresholds: &["max_concurrent_weekly_hours", "min_overlap_days"],
    evaluate: overlapping_contracts,
};

fn overlapping_contracts(cx: &Context) -> Outcome {
    let Some(history) = &cx.profile.work_history else {
        return super::unknown(&[Field::WorkHistory]);
    };
    let today = cx.now.utc_date().days_since_epoch();
    let hourly = |e: &&WorkEntry| e.kind != Some(ContractKind::FixedPrice);
    let mut spans: Vec<Span> = Vec::new();
    for e in history {
        if !hourly(&e) {
            continue;
        }
        let Some(start) = e.start.map(|d| d.days_since_epoch()) else {
            continue;
        };
        let end = match (e.end, e.ongoing) {
            (Some(d), _) => d.days_since_epoch(),
            (None, true) => today,
            (None, false) => continue,
        };
        let Some(hours) = e.hours.filter(|h| h.is_finite() && *h > 0.0) else {
            continue;
        };
        let weeks = ((end - start + 1) as f64 / 7.0).max(1.0);
        if end >= start {
            spans.push(Span {
                entry: e,
                start,
                end,
                weekly: hours / weeks,
            });
        }
    }
    // Hourly contracts whose dates or hours could not be read leave the check blind.
    if spans.is_empty()
        && history
            .iter()
            .any(|e| hourly(&e) && (e.hours.is_none() || e.start.is_none()))
    {
        return super::unknown(&[Field::WorkHistory]);
    }
    let window = cx.policy.min_overlap_days.max(1);
    // The summed weekly load only changes where a contract starts, so windows opening there find the peak.
    let mut peak: Option<(f64, Vec<&Span>)> = None;
    for s in &spans {
        let (from, to) = (s.start, s.start + window - 1);
        // The contracts running through the whole window and their summed load (from -0.0, as
        // `Iterator::sum` starts, so that an empty window compares as it always did).
        let mut active: Vec<&Span> = Vec::new();
        let mut load = -0.0_f64;
        for o in &spans {
            if o.start <= from && o.end >= to {
                active.push(o);
                load += o.weekly;
            }
        }
        // Of equal peaks the last, as `max_by` gave.
        if peak
            .as_ref()
            .is_none_or(|(best, _)| load.total_cmp(best).is_ge())
        {
            peak = Some((load, active));
        }
    }
    let Some((load, active)) =
        peak.filter(|(load, _)| *load > cx.policy.max_concurrent_weekly_hours)
    else {
        return Outcome::Clear;
    };
    let lang = cx.lang();
    let untitled = say(lang, s::UNTITLED_CONTRACT, []);
    let mut evidence = Vec::new();
    for span in &active {
        let title = span.entry.title.as_deref().unwrap_or(&untitled);
        let end = if span.entry.end.is_none() {
            say(lang, s::WORKLOAD_PRESENT, [])
        } else {
            fmt_day(span.end)
        };
        evidence.push(say(
            lang,
            s::WORKLOAD_CONTRACT,
            [
                title,
                &fmt_num(span.entry.hours.unwrap_or(0.0), lang),
                &fmt_day(span.start),
                &end,
                &fmt_num(span.weekly.round(), lang),
            ],
        ));
    }
    evidence.push(say(
        lang,
        s::WORKLOAD_TOGETHER,
        [
            &fmt_num(load.round(), lang),
            &fmt_num(cx.policy.max_concurrent_weekly_hours, lang),
        ],
    ));
    Outcome::Fired(Hit { evidence })
}

fn fmt_day(days: i64) -> String {
    let (y, m, d) = crate::time::civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Profile, YearMonth};
    use crate::policy::Policy;
    use crate::time::Instant;

    fn now() -> Instant {
        Instant::parse_rfc3339("2026-11-26T12:00:00Z").unwrap()
    }

    fn run(rule: &RuleSpec, p: &Profile) -> Outcome {
        (rule.evaluate)(&Context {
            profile: p,
            policy: &Policy::default(),
            now: now(),
        })
    }

    fn avg_profile(hours: f64, since: (i32, u32)) -> Profile {
        Profile {
            total_hours: Some(hours),
            member_since: YearMonth::new(since.0, since.1),
            ..Profile::default()
        }
    }

    #[test]
    fn average_fires_above_threshold_only() {
        // 2024-11 → 2026-11-26 is ~107 weeks; 6,000 h ≈ 56 h/week.
        let Outcome::Fired(hit) = run(&AVERAGE_WORKLOAD, &avg_profile(6000.0, (2024, 11))) else {
            panic!()
        };
        assert!(hit.evidence[2].contains("56"), "{:?}", hit.evidence);
        // 4,000 h over the same time ≈ 37 h/week: a busy but possible freelancer.
        assert_eq!(
            run(&AVERAGE_WORKLOAD, &avg_profile(4000.0, (2024, 11))),
            Outcome::Clear
        );
        // Ten years of full-time work is plausible.
        assert_eq!(
            run(&AVERAGE_WORKLOAD, &avg_profile(20_000.0, (2016, 1))),
            Outcome::Clear
        );
    }

    #[test]
    fn average_ignores_young_accounts_and_future_dates() {
        assert_eq!(
            run(&AVERAGE_WORKLOAD, &avg_profile(2000.0, (2026, 9))),
            Outcome::Clear
        );
        assert_eq!(
            run(&AVERAGE_WORKLOAD, &avg_profile(2000.0, (2030, 1))),
            Outcome::Clear
        );
    }

    #[test]
    fn average_needs_both_fields() {
        let p = Profile {
            total_hours: Some(9000.0),
            ..Profile::default()
        };
        assert_eq!(
            run(&AVERAGE_WORKLOAD, &p),
            Outcome::Unknown(vec![Field::MemberSince])
        );
    }

    fn contract(
        title: &str,
        start: (i32, u32, u32),
        end: Option<(i32, u32, u32)>,
        hours: Option<f64>,
    ) -> WorkEntry {
        WorkEntry {
            title: Some(title.into()),
            start: Date::new(start.0, start.1, start.2),
            end: end.and_then(|(y, m, d)| Date::new(y, m, d)),
            ongoing: end.is_none(),
            kind: Some(ContractKind::Hourly),
            hours,
            ..WorkEntry::default()
        }
    }

    fn history(entries: Vec<WorkEntry>) -> Profile {
        Profile {
            work_history: Some(entries),
            ..Profile::default()
        }
    }

    #[test]
    fn overlapping_heavy_contracts_fire_with_each_contract_as_evidence() {
        let p = history(vec![
            contract(
                "API backend",
                (2026, 1, 5),
                Some((2026, 6, 28)),
                Some(1000.0),
            ), // 25 weeks → 40 h/wk
            contract("Mobile app", (2026, 3, 2), Some((2026, 8, 30)), Some(910.0)), // 26 weeks → 35 h/wk
            contract("Old job", (2024, 1, 1), Some((2024, 3, 1)), Some(100.0)),
        ]);
        let Outcome::Fired(hit) = run(&OVERLAPPING_CONTRACTS, &p) else {
            panic!()
        };
        assert_eq!(
            hit.evidence.len(),
            3,
            "two overlapping contracts and the total: {:?}",
            hit.evidence
        );
        assert!(hit.evidence[0].contains("API backend") && hit.evidence[1].contains("Mobile app"));
        assert!(hit.evidence[2].contains("75"), "{:?}", hit.evidence);
    }

    #[test]
    fn sequential_or_light_contracts_stay_clear() {
        let sequential = history(vec![
            contract("A", (2026, 1, 5), Some((2026, 3, 1)), Some(320.0)),
            contract("B", (2026, 3, 2), Some((2026, 6, 1)), Some(520.0)),
        ]);
        assert_eq!(run(&OVERLAPPING_CONTRACTS, &sequential), Outcome::Clear);
        let light = history(vec![
            contract("A", (2026, 1, 5), Some((2026, 6, 28)), Some(500.0)),
            contract("B", (2026, 1, 5), None, Some(400.0)),
        ]);
        assert_eq!(run(&OVERLAPPING_CONTRACTS, &light), Outcome::Clear);
        // A short overlap (a hand-over week) is not evidence.
        let handover = history(vec![
            contract("A", (2026, 1, 1), Some((2026, 1, 10)), Some(80.0)),
            contract("B", (2026, 1, 8), Some((2026, 1, 17)), Some(80.0)),
        ]);
        assert_eq!(run(&OVERLAPPING_CONTRACTS, &handover), Outcome::Clear);
    }

    #[test]
    fn fixed_price_work_is_not_counted_and_unreadable_hours_are_unknown() {
        let mut fixed = contract("Fixed", (2026, 1, 5), Some((2026, 6, 28)), Some(5000.0));
        fixed.kind = Some(ContractKind::FixedPrice);
        assert_eq!(
            run(&OVERLAPPING_CONTRACTS, &history(vec![fixed])),
            Outcome::Clear
        );
        let blind = history(vec![contract("A", (2026, 1, 5), None, None)]);
        assert_eq!(
            run(&OVERLAPPING_CONTRACTS, &blind),
            Outcome::Unknown(vec![Field::WorkHistory])
        );
        assert_eq!(
            run(&OVERLAPPING_CONTRACTS, &Profile::default()),
            Outcome::Unknown(vec![Field::WorkHistory])
        );
        assert_eq!(
            run(&OVERLAPPING_CONTRACTS, &history(vec![])),
            Outcome::Clear
        );
    }
}
