//! Findings plus coverage → a level and a 0–100 score. The model is described in docs/scoring.md.
//!
//! Each finding's weight is evidence in log-odds points. Points add up across families; within one
//! family the strongest finding counts fully and each further one half as much as the one before, so
//! many weak signs of one cause cannot outweigh one strong sign. The sum is capped at 100. A `low`
//! verdict needs enough of the page read: below [`Policy::min_coverage`] the level is `unknown`,
//! because silence from unread fields proves nothing.

use crate::json::{json_enum, json_object};
use crate::policy::{Lang, Policy};
use crate::rules::{Finding, Unevaluated};
use crate::texts::{s, say};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Low,
    Elevated,
    High,
    Unknown,
}

json_enum!(Level {
    Low => "low",
    Elevated => "elevated",
    High => "high",
    Unknown => "unknown",
});

impl Level {
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Level::Low => lang.pick("Low risk", "Geringes Risiko"),
            Level::Elevated => lang.pick("Elevated risk", "Erhöhtes Risiko"),
            Level::High => lang.pick("High risk", "Hohes Risiko"),
            Level::Unknown => lang.pick("Unknown", "Unbekannt"),
        }
    }
}

/// How much of the page could be read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Coverage {
    pub fields_read: usize,
    pub fields_expected: usize,
    pub rules_evaluated: usize,
    pub rules_total: usize,
}

json_object!(Coverage {
    fields_read,
    fields_expected,
    rules_evaluated,
    rules_total
});

impl Coverage {
    pub fn fraction(&self) -> f64 {
        if self.fields_expected == 0 {
            0.0
        } else {
            self.fields_read as f64 / self.fields_expected as f64
        }
    }
}

/// The verdict.
#[derive(Clone, Debug, PartialEq)]
pub struct Risk {
    pub level: Level,
    pub score: u32,
    pub findings: Vec<Finding>,
    /// Rules that could not run because fields were missing.
    pub unevaluated: Vec<Unevaluated>,
    pub coverage: Coverage,
    /// One sentence for people: what the level rests on.
    pub summary: String,
}

json_object!(Risk {
    level,
    score,
    findings,
    unevaluated,
    coverage,
    summary
});

/// Sets each finding's counted `points` from its `weight`: full for the strongest of its family,
/// then halved for each further one (rounded down).
pub fn diminish_within_families(findings: &mut [Finding]) {
    let mut order = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        order.push((f.family, std::cmp::Reverse(f.weight), i));
    }
    crate::sort::sort(&mut order);
    let mut rank = 0u32;
    let mut family = None;
    for (fam, _, i) in order {
        if family != Some(fam) {
            family = Some(fam);
            rank = 0;
        }
        if let Some(f) = findings.get_mut(i) {
            f.points = f.weight.checked_shr(rank).unwrap_or(0);
        }
        rank = rank.saturating_add(1);
    }
}

/// Combines findings and coverage into a verdict.
pub fn assess(
    mut findings: Vec<Finding>,
    unevaluated: Vec<Unevaluated>,
    coverage: Coverage,
    policy: &Policy,
) -> Risk {
    diminish_within_families(&mut findings);
    let mut score = 0u32;
    for f in &findings {
        score += f.points;
    }
    let score = score.min(100);
    let enough = coverage.fields_expected > 0
        && coverage.fraction() >= policy.min_coverage
        && coverage.rules_evaluated > 0;
    let level = if score >= policy.high_from {
        Level::High
    } else if score >= policy.elevated_from {
        Level::Elevated
    } else if !enough {
        Level::Unknown
    } else {
        Level::Low
    };
    let summary = summarize(level, &findings, &coverage, enough, policy.lang);
    Risk {
        level,
        score,
        findings,
        unevaluated,
        coverage,
        summary,
    }
}

impl Coverage {
    /// The headline of a page that could not be read well enough: "Could not read this page well
    /// (4 of 17 fields)". The badge shows it on its button and the summary starts with it, so a
    /// site's changed markup (adapter drift) is told in words, never as a quiet grey "unknown".
    pub fn could_not_read(&self, lang: Lang) -> String {
        say(
            lang,
            s::COULD_NOT_READ,
            [
                &self.fields_read.to_string(),
                &self.fields_expected.to_string(),
            ],
        )
    }
}

fn summarize(level: Level, findings: &[Finding], c: &Coverage, enough: bool, lang: Lang) -> String {
    if c.fields_expected == 0 {
        return say(lang, s::SUMMARY_NOT_READABLE, []);
    }
    let (read, expected) = (c.fields_read.to_string(), c.fields_expected.to_string());
    let checks = say(
        lang,
        s::CHECKS_RUN,
        [&c.rules_evaluated.to_string(), &c.rules_total.to_string()],
    );
    let found = findings.len().to_string();
    match (level, enough) {
        (Level::Unknown, _) => say(lang, s::SUMMARY_UNKNOWN, [&c.could_not_read(lang), &checks]),
        (Level::Low, _) => say(lang, s::SUMMARY_LOW, [&read, &expected, &checks]),
        (_, true) => say(lang, s::SUMMARY_FOUND, [&found, &read, &expected, &checks]),
        (_, false) => say(
            lang,
            s::SUMMARY_FOUND_THIN,
            [&found, &read, &expected, &checks],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Family;

    fn finding(points: u32) -> Finding {
        in_family(Family::Pay, points)
    }

    fn in_family(family: Family, weight: u32) -> Finding {
        Finding {
            rule: "x",
            family,
            points: weight,
            weight,
            title: String::new(),
            evidence: vec![],
            why: String::new(),
            source: String::new(),
            verify: String::new(),
        }
    }

    fn coverage(read: usize, expected: usize, rules: usize) -> Coverage {
        Coverage {
            fields_read: read,
            fields_expected: expected,
            rules_evaluated: rules,
            rules_total: 5,
        }
    }

    #[test]
    fn levels_follow_thresholds() {
        let p = Policy::default();
        assert_eq!(
            assess(vec![], vec![], coverage(15, 15, 5), &p).level,
            Level::Low
        );
        assert_eq!(
            assess(
                vec![finding(p.elevated_from)],
                vec![],
                coverage(15, 15, 5),
                &p
            )
            .level,
            Level::Elevated
        );
        let spread = vec![
            in_family(Family::Pay, 50),
            in_family(Family::Workload, 50),
            in_family(Family::Identity, 50),
        ];
        let high = assess(spread, vec![], coverage(15, 15, 5), &p);
        assert_eq!(
            (high.level, high.score),
            (Level::High, 100),
            "score is capped at 100"
        );
    }

    #[test]
    fn many_weak_signs_of_one_cause_do_not_outweigh_one_strong_sign() {
        let p = Policy::default();
        let weak: Vec<Finding> = (0..10).map(|_| in_family(Family::Workload, 15)).collect();
        let weak = assess(weak, vec![], coverage(15, 15, 5), &p);
        let strong = assess(
            vec![in_family(Family::Identity, 35)],
            vec![],
            coverage(15, 15, 5),
            &p,
        );
        assert!(
            weak.score < strong.score,
            "ten weak {} vs one strong {}",
            weak.score,
            strong.score
        );
        // Counted points halve down the family: 15, 7, 3, 1, 0 …
        let counted: Vec<u32> = weak.findings.iter().map(|f| f.points).collect();
        assert_eq!(&counted[..5], &[15, 7, 3, 1, 0]);
        // Independent families add fully.
        let two = assess(
            vec![in_family(Family::Pay, 20), in_family(Family::Location, 20)],
            vec![],
            coverage(15, 15, 5),
            &p,
        );
        assert_eq!(two.score, 40);
    }

    #[test]
    fn too_little_read_is_never_low() {
        let p = Policy::default();
        for (read, rules) in [(0, 0), (3, 2), (15, 0)] {
            let r = assess(vec![], vec![], coverage(read, 15, rules), &p);
            assert_eq!(r.level, Level::Unknown, "read {read} fields, {rules} rules");
            assert!(
                r.summary.starts_with(&format!(
                    "Could not read this page well ({read} of 15 fields), too little for a verdict. {rules} of 5 checks could run."
                )),
                "{}",
                r.summary
            );
        }
        // A weak finding on a thin page stays unknown (never low), and says why.
        let r = assess(vec![finding(15)], vec![], coverage(4, 17, 2), &p);
        assert_eq!((r.level, r.score), (Level::Unknown, 15));
        assert!(r
            .summary
            .starts_with("Could not read this page well (4 of 17 fields)"));
        let de = Policy {
            lang: Lang::De,
            ..Policy::default()
        };
        let r = assess(vec![], vec![], coverage(4, 17, 2), &de);
        assert_eq!(
            r.summary,
            "Diese Seite ließ sich nicht gut lesen (4 von 17 Feldern), zu wenig für ein Urteil. 2 von 5 Prüfungen konnten laufen."
        );
        assert_eq!(
            assess(vec![], vec![], coverage(0, 0, 0), &p).level,
            Level::Unknown
        );
        // Strong evidence still shows when coverage is thin, and says so.
        let r = assess(vec![finding(70)], vec![], coverage(3, 15, 1), &p);
        assert_eq!(r.level, Level::High);
        assert!(
            r.summary.starts_with(
                "1 indicator(s) found, though much of the page could not be read (3 of 15 fields)."
            ),
            "{}",
            r.summary
        );
    }

    #[test]
    fn summaries_say_how_much_was_read() {
        let p = Policy::default();
        let low = assess(vec![], vec![], coverage(15, 17, 5), &p);
        assert_eq!(
            low.summary,
            "No documented risk indicator found in what was read. Read 15 of 17 fields; 5 of 5 checks could run."
        );
        let found = assess(vec![finding(30)], vec![], coverage(16, 17, 5), &p);
        assert_eq!(
            found.summary,
            "1 indicator(s) found; verify them before hiring. Read 16 of 17 fields; 5 of 5 checks could run."
        );
        assert_eq!(
            coverage(4, 17, 1).could_not_read(Lang::En),
            "Could not read this page well (4 of 17 fields)"
        );
    }
}
