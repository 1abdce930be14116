//! P11: the account's history does not fit its age: work dated before the account existed, or more
//! hours than a young account could hold (bought, merged or rented accounts).

use super::{fmt_num, Context, Family, Hit, Outcome, RuleSpec};
use crate::model::Field;
use crate::texts::{s, say};

/// Work may be dated up to this many days before "member since" (the site rounds to a month).
const GRACE_DAYS: i64 = 31;

pub static HISTORY_BEFORE_MEMBERSHIP: RuleSpec = RuleSpec {
    id: "history-before-membership",
    family: Family::Identity,
    default_points: 30,
    thresholds: &["max_young_account_weekly_hours", "min_weeks_for_average"],
    evaluate: history_before_membership,
};

fn history_before_membership(cx: &Context) -> Outcome {
    let p = cx.profile;
    let Some(since) = p.member_since else {
        return super::unknown(&[Field::MemberSince]);
    };
    if p.work_history.is_none() && p.total_hours.is_none() {
        return super::unknown(&[Field::WorkHistory, Field::TotalHours]);
    }
    let lang = cx.lang();
    let joined = since.first_day().days_since_epoch();
    let mut evidence = Vec::new();
    let mut early = Vec::new();
    for e in p.work_history.iter().flatten() {
        // Sites that show only when a job ended (reviews) are judged by that date.
        let when = e.start.or(e.end);
        if when.is_some_and(|d| d.days_since_epoch() < joined - GRACE_DAYS) {
            early.push(e);
        }
    }
    if !early.is_empty() {
        evidence.push(say(lang, s::HISTORY_MEMBER_SINCE, [&since.to_string()]));
        let untitled = say(lang, s::UNTITLED_CONTRACT, []);
        for e in early.iter().take(5) {
            let title = e.title.as_deref().unwrap_or(&untitled);
            let (sentence, d) = match (e.start, e.end) {
                (Some(d), _) => (s::HISTORY_STARTED_BEFORE, d),
                (None, Some(d)) => (s::HISTORY_ENDED_BEFORE, d),
                (None, None) => continue,
            };
            evidence.push(say(lang, sentence, [title, &d.to_string()]));
        }
    }
    let weeks = (cx.now.utc_date().days_since_epoch() - joined) as f64 / 7.0;
    // Older accounts are judged by their lifetime average (implausible-average-hours).
    if let Some(hours) = p.total_hours {
        let cap = cx.policy.max_young_account_weekly_hours;
        if weeks > 0.0 && weeks < cx.policy.min_weeks_for_average && hours > weeks.max(1.0) * cap {
            evidence.push(say(
                lang,
                s::HISTORY_YOUNG_HOURS,
                [
                    &fmt_num(hours, lang),
                    &fmt_num(weeks.ceil(), lang),
                    &since.to_string(),
                    &fmt_num(cap, lang),
                ],
            ));
        }
    }
    if evidence.is_empty() {
        Outcome::Clear
    } else {
        Outcome::Fired(Hit { evidence })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Date, Profile, WorkEntry, YearMonth};
    use crate::policy::Policy;
    use crate::time::Instant;

    fn run(p: &Profile) -> Outcome {
        let now = Instant::parse_rfc3339("2026-11-26T12:00:00Z").unwrap();
        (HISTORY_BEFORE_MEMBERSHIP.evaluate)(&Context {
            profile: p,
            policy: &Policy::default(),
            now,
        })
    }

    fn entry(start: (i32, u32, u32)) -> WorkEntry {
        WorkEntry {
            title: Some("Payments API".into()),
            start: Date::new(start.0, start.1, start.2),
            ..WorkEntry::default()
        }
    }

    fn profile(since: (i32, u32), hours: Option<f64>, starts: &[(i32, u32, u32)]) -> Profile {
        Profile {
            member_since: YearMonth::new(since.0, since.1),
            total_hours: hours,
            work_history: Some(starts.iter().map(|s| entry(*s)).collect()),
            ..Profile::default()
        }
    }

    #[test]
    fn work_before_the_account_existed_fires() {
        let Outcome::Fired(hit) = run(&profile((2025, 6), None, &[(2023, 2, 1), (2025, 7, 1)]))
        else {
            panic!()
        };
        assert_eq!(hit.evidence.len(), 2, "{:?}", hit.evidence);
        assert!(hit.evidence[1].contains("2023-02-01"));
        // The month is rounded: a contract from the last days before "member since" is fine.
        assert_eq!(
            run(&profile((2025, 6), None, &[(2025, 5, 20)])),
            Outcome::Clear
        );
    }

    #[test]
    fn a_review_that_ended_before_the_account_existed_fires() {
        let mut p = profile((2025, 6), None, &[]);
        p.work_history = Some(vec![WorkEntry {
            title: Some("Logo".into()),
            end: Date::new(2024, 1, 10),
            ..WorkEntry::default()
        }]);
        let Outcome::Fired(hit) = run(&p) else {
            panic!()
        };
        assert!(
            hit.evidence[1].contains("ended 2024-01-10"),
            "{:?}",
            hit.evidence
        );
    }

    #[test]
    fn a_young_account_with_impossible_hours_fires_and_old_ones_are_left_to_the_average() {
        // Joined 2026-09: about 12 weeks; 2,500 hours is ~200 a week.
        let Outcome::Fired(hit) = run(&profile((2026, 9), Some(2500.0), &[])) else {
            panic!()
        };
        assert!(hit.evidence[0].contains("2,500"), "{:?}", hit.evidence);
        assert_eq!(run(&profile((2026, 9), Some(400.0), &[])), Outcome::Clear);
        assert_eq!(run(&profile((2020, 1), Some(9000.0), &[])), Outcome::Clear);
    }

    #[test]
    fn needs_member_since_and_some_history() {
        assert_eq!(
            run(&Profile::default()),
            Outcome::Unknown(vec![Field::MemberSince])
        );
        let p = Profile {
            member_since: YearMonth::new(2024, 1),
            ..Profile::default()
        };
        assert_eq!(
            run(&p),
            Outcome::Unknown(vec![Field::WorkHistory, Field::TotalHours])
        );
    }
}
