//! Every threshold and weight in one place, with defaults; an organisation may override any of them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The user interface language for texts the core writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    De,
}

impl Lang {
    /// Picks the German text for `de`, English otherwise.
    pub fn pick<'a>(self, en: &'a str, de: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::De => de,
        }
    }
    /// From a browser language tag such as "de-DE"; anything else is English.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("de")) {
            Lang::De
        } else {
            Lang::En
        }
    }
}

/// Thresholds, weights and switches. Unknown keys are rejected so that typos in a managed policy surface.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Policy {
    pub lang: Lang,

    /// Rule ids that must not run.
    pub disabled_rules: Vec<String>,
    /// Per-rule points replacing the defaults, e.g. {"local-time-mismatch": 40}.
    pub weights: std::collections::BTreeMap<String, u32>,

    /// Rate band (USD per hour) of the published proxy-account pattern.
    pub rate_band_usd: (f64, f64),
    /// Lifetime hours from which a profile counts as "thousands of hours".
    pub volume_min_hours: f64,
    /// Job Success Score from which a profile counts as "highly rated".
    pub volume_min_job_success: u8,

    /// Lifetime average weekly hours above which one person's workload is implausible.
    pub max_average_weekly_hours: f64,
    /// Weeks of membership needed before the lifetime average means anything.
    pub min_weeks_for_average: f64,
    /// Weekly hours that even a young account (younger than `min_weeks_for_average`) cannot exceed.
    pub max_young_account_weekly_hours: f64,
    /// Summed weekly hours of overlapping hourly contracts above which one person cannot have worked them.
    pub max_concurrent_weekly_hours: f64,
    /// Overlaps shorter than this many days are ignored (hand-overs, dates rounded by the site).
    pub min_overlap_days: i64,

    /// A burst is at least this many tiny five-star jobs …
    pub burst_min_jobs: u32,
    /// … ending within this many days …
    pub burst_window_days: i64,
    /// … each paid at most this much (USD).
    pub burst_max_job_usd: f64,

    /// Minutes of slack when comparing the displayed local time with a country's time zones.
    pub local_time_tolerance_minutes: i32,

    /// Work diary: a day whose first-to-last tracked span reaches this many hours …
    pub diary_long_day_span_hours: f64,
    /// … with at least this many hours tracked in it, counts as a round-the-clock day.
    pub diary_long_day_min_tracked_hours: f64,
    /// Round-the-clock days needed before the diary rule fires.
    pub diary_long_days_min: u32,
    /// Work diary: days with at least this many tracked hours count towards a seven-day streak …
    pub diary_streak_min_daily_hours: f64,
    /// … and a streak of this many whole weeks of such days fires.
    pub diary_streak_min_weeks: u32,
    /// Work diary: share (0–1) of tracked slots between 00:00 and 06:00 in the claimed country …
    pub diary_night_min_share: f64,
    /// … out of at least this many tracked hours.
    pub diary_night_min_tracked_hours: f64,

    /// Domains the organisation blocks, on top of the list HireCheck ships (`src/rules/data/org-lists.json`):
    /// host names such as "example.com", each matching its subdomains too.
    pub blocked_domains: Vec<String>,
    /// E-mail addresses the organisation blocks, on top of the shipped list.
    pub blocked_emails: Vec<String>,
    /// Names or words (at least 4 characters) the organisation blocks, matched as whole words, ignoring case.
    pub blocked_strings: Vec<String>,
    /// Domains (with their subdomains) that are never flagged: not by a list, not as a free host.
    pub allowed_domains: Vec<String>,
    /// How many website links, all on free static hosts, make a portfolio look thrown together.
    pub min_free_host_links: u32,

    /// Score (0–100) from which the level is `elevated`.
    pub elevated_from: u32,
    /// Score (0–100) from which the level is `high`.
    pub high_from: u32,
    /// Fraction (0–1) of the page kind's key fields that must be read before a `low` verdict is allowed.
    pub min_coverage: f64,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            lang: Lang::En,
            disabled_rules: Vec::new(),
            weights: Default::default(),
            rate_band_usd: (20.0, 80.0),
            volume_min_hours: 2000.0,
            volume_min_job_success: 90,
            max_average_weekly_hours: 50.0,
            min_weeks_for_average: 26.0,
            max_young_account_weekly_hours: 80.0,
            max_concurrent_weekly_hours: 60.0,
            min_overlap_days: 14,
            burst_min_jobs: 5,
            burst_window_days: 30,
            burst_max_job_usd: 100.0,
            local_time_tolerance_minutes: 20,
            diary_long_day_span_hours: 16.0,
            diary_long_day_min_tracked_hours: 12.0,
            diary_long_days_min: 3,
            diary_streak_min_daily_hours: 6.0,
            diary_streak_min_weeks: 2,
            diary_night_min_share: 0.5,
            diary_night_min_tracked_hours: 10.0,
            blocked_domains: Vec::new(),
            blocked_emails: Vec::new(),
            blocked_strings: Vec::new(),
            allowed_domains: Vec::new(),
            min_free_host_links: 2,
            elevated_from: 25,
            high_from: 60,
            min_coverage: 0.6,
        }
    }
}

/// A policy value that cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum PolicyError {
    /// The text is not a policy object (bad JSON, unknown key, wrong type).
    Unreadable(String),
    /// A value is out of its range.
    Invalid { key: &'static str, reason: String },
}

impl fmt::Display for PolicyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PolicyError::Unreadable(e) => write!(f, "the policy could not be read: {e}"),
            PolicyError::Invalid { key, reason } => {
                write!(f, "the policy setting \"{key}\" is invalid: {reason}")
            }
        }
    }
}

impl std::error::Error for PolicyError {}

impl Policy {
    /// Reads a policy from JSON; keys left out keep their defaults.
    pub fn from_json(text: &str) -> Result<Policy, PolicyError> {
        let p: Policy =
            serde_json::from_str(text).map_err(|e| PolicyError::Unreadable(e.to_string()))?;
        p.validate()?;
        Ok(p)
    }

    /// Checks ranges that the types alone cannot express.
    pub fn validate(&self) -> Result<(), PolicyError> {
        let bad = |key: &'static str, reason: &str| {
            Err(PolicyError::Invalid {
                key,
                reason: reason.to_string(),
            })
        };
        let (lo, hi) = self.rate_band_usd;
        if !(lo.is_finite() && hi.is_finite() && lo >= 0.0 && lo < hi) {
            return bad(
                "rate_band_usd",
                "needs two finite amounts, the first smaller than the second",
            );
        }
        for (key, v) in [
            ("volume_min_hours", self.volume_min_hours),
            ("max_average_weekly_hours", self.max_average_weekly_hours),
            ("min_weeks_for_average", self.min_weeks_for_average),
            (
                "max_young_account_weekly_hours",
                self.max_young_account_weekly_hours,
            ),
            ("burst_max_job_usd", self.burst_max_job_usd),
            (
                "max_concurrent_weekly_hours",
                self.max_concurrent_weekly_hours,
            ),
        ] {
            if !(v.is_finite() && v > 0.0 && v <= 1.0e6) {
                return bad(key, "must be a positive number");
            }
        }
        if self.volume_min_job_success > 100 {
            return bad("volume_min_job_success", "is a percentage, 0 to 100");
        }
        if !(0..=24 * 60).contains(&self.min_overlap_days) {
            return bad("min_overlap_days", "must be between 0 and 1440");
        }
        if !(2..=1000).contains(&self.burst_min_jobs) {
            return bad("burst_min_jobs", "must be between 2 and 1000");
        }
        if !(1..=3650).contains(&self.burst_window_days) {
            return bad("burst_window_days", "must be between 1 and 3650");
        }
        if !(0..=180).contains(&self.local_time_tolerance_minutes) {
            return bad("local_time_tolerance_minutes", "must be between 0 and 180");
        }
        for (key, v) in [
            ("diary_long_day_span_hours", self.diary_long_day_span_hours),
            (
                "diary_long_day_min_tracked_hours",
                self.diary_long_day_min_tracked_hours,
            ),
            (
                "diary_streak_min_daily_hours",
                self.diary_streak_min_daily_hours,
            ),
        ] {
            if !(v.is_finite() && v > 0.0 && v <= 24.0) {
                return bad(key, "must be a number of hours between 0 and 24");
            }
        }
        if !(1..=62).contains(&self.diary_long_days_min) {
            return bad("diary_long_days_min", "must be between 1 and 62");
        }
        if !(1..=8).contains(&self.diary_streak_min_weeks) {
            return bad("diary_streak_min_weeks", "must be between 1 and 8");
        }
        if !(self.diary_night_min_share.is_finite()
            && self.diary_night_min_share > 0.0
            && self.diary_night_min_share <= 1.0)
        {
            return bad("diary_night_min_share", "is a fraction above 0, at most 1");
        }
        if !(self.diary_night_min_tracked_hours.is_finite()
            && (0.0..=1488.0).contains(&self.diary_night_min_tracked_hours))
        {
            return bad(
                "diary_night_min_tracked_hours",
                "must be between 0 and 1488 hours",
            );
        }
        if !(1..=100).contains(&self.elevated_from)
            || !(self.elevated_from..=100).contains(&self.high_from)
        {
            return bad("high_from", "needs 1 <= elevated_from <= high_from <= 100");
        }
        if !(self.min_coverage.is_finite() && (0.0..=1.0).contains(&self.min_coverage)) {
            return bad("min_coverage", "is a fraction between 0 and 1");
        }
        self.validate_lists()?;
        if let Some((k, _)) = self.weights.iter().find(|(_, w)| **w > 100) {
            return Err(PolicyError::Invalid {
                key: "weights",
                reason: format!("the weight of \"{k}\" is above 100"),
            });
        }
        Ok(())
    }

    /// The organisation's own lists: host names, e-mail addresses, strings of 4 characters or more.
    fn validate_lists(&self) -> Result<(), PolicyError> {
        const MAX_ENTRIES: usize = 10_000;
        let bad = |key: &'static str, reason: String| Err(PolicyError::Invalid { key, reason });
        let lists: [(&'static str, &Vec<String>); 4] = [
            ("blocked_domains", &self.blocked_domains),
            ("allowed_domains", &self.allowed_domains),
            ("blocked_emails", &self.blocked_emails),
            ("blocked_strings", &self.blocked_strings),
        ];
        for (key, list) in lists {
            if list.len() > MAX_ENTRIES {
                return bad(
                    key,
                    format!(
                        "has {} entries; at most {MAX_ENTRIES} are allowed",
                        list.len()
                    ),
                );
            }
        }
        for (key, list) in [
            ("blocked_domains", &self.blocked_domains),
            ("allowed_domains", &self.allowed_domains),
        ] {
            if let Some(v) = list
                .iter()
                .find(|v| !crate::text::is_domain_name(&v.trim().to_ascii_lowercase()))
            {
                return bad(
                    key,
                    format!(
                        "\"{v}\" is not a host name such as example.com (no scheme, path, port or wildcard; \
                         subdomains are matched automatically)"
                    ),
                );
            }
        }
        if let Some(v) = self.blocked_emails.iter().find(|v| !is_email(v.trim())) {
            return bad(
                "blocked_emails",
                format!(
                    "\"{v}\" is not an e-mail address: it needs exactly one @, a name before it and a domain \
                     such as example.com after it"
                ),
            );
        }
        if let Some(v) = self
            .blocked_strings
            .iter()
            .find(|v| !(4..=200).contains(&v.trim().chars().count()))
        {
            return bad(
                "blocked_strings",
                format!(
                    "\"{v}\" must be 4 to 200 characters long; shorter strings would match ordinary words"
                ),
            );
        }
        if !(1..=50).contains(&self.min_free_host_links) {
            return bad(
                "min_free_host_links",
                "must be between 1 and 50".to_string(),
            );
        }
        Ok(())
    }

    pub fn is_enabled(&self, rule: &str) -> bool {
        !self.disabled_rules.iter().any(|r| r == rule)
    }

    /// The points a rule adds: the policy's override or the rule's default.
    pub fn weight(&self, rule: &str, default: u32) -> u32 {
        self.weights.get(rule).copied().unwrap_or(default)
    }
}

/// "name@example.com": one @, a name without spaces before it, a domain name after it.
fn is_email(v: &str) -> bool {
    match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !local.chars().any(|c| c.is_whitespace() || c.is_control())
                && crate::text::is_domain_name(&domain.to_ascii_lowercase())
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_validate_and_partial_json_keeps_defaults() {
        Policy::default().validate().unwrap();
        let p = Policy::from_json(r#"{"high_from": 70, "lang": "de"}"#).unwrap();
        assert_eq!(p.high_from, 70);
        assert_eq!(p.lang, Lang::De);
        assert_eq!(p.elevated_from, Policy::default().elevated_from);
    }

    #[test]
    fn bad_values_give_clear_errors() {
        let e = Policy::from_json(r#"{"hihg_from": 70}"#).unwrap_err();
        assert!(e.to_string().contains("hihg_from"), "{e}");
        let e = Policy::from_json(r#"{"elevated_from": 80, "high_from": 50}"#).unwrap_err();
        assert!(
            matches!(
                e,
                PolicyError::Invalid {
                    key: "high_from",
                    ..
                }
            ),
            "{e}"
        );
        assert!(Policy::from_json(r#"{"rate_band_usd": [90, 10]}"#).is_err());
        assert!(Policy::from_json(r#"{"min_coverage": 1.5}"#).is_err());
        assert!(Policy::from_json("not json").is_err());
    }

    #[test]
    fn organisation_lists_are_checked() {
        let p = Policy::from_json(
            r#"{"blocked_domains": ["Bad.Example.com"], "blocked_emails": ["x@bad.example.com"],
                "blocked_strings": ["Acme Front LLC"], "allowed_domains": ["netlify.app"], "min_free_host_links": 3}"#,
        )
        .unwrap();
        assert_eq!(p.min_free_host_links, 3);
        for (json, key, shown) in [
            (
                r#"{"blocked_domains": ["https://bad.com/x"]}"#,
                "blocked_domains",
                "https://bad.com/x",
            ),
            (
                r#"{"blocked_domains": ["*.bad.com"]}"#,
                "blocked_domains",
                "*.bad.com",
            ),
            (
                r#"{"allowed_domains": ["localhost"]}"#,
                "allowed_domains",
                "localhost",
            ),
            (
                r#"{"blocked_emails": ["a@b@bad.com"]}"#,
                "blocked_emails",
                "a@b@bad.com",
            ),
            (
                r#"{"blocked_emails": ["bad.com"]}"#,
                "blocked_emails",
                "bad.com",
            ),
            (r#"{"blocked_strings": ["llc"]}"#, "blocked_strings", "llc"),
            (
                r#"{"min_free_host_links": 0}"#,
                "min_free_host_links",
                "between 1 and 50",
            ),
        ] {
            let e = Policy::from_json(json).unwrap_err();
            assert!(
                matches!(&e, PolicyError::Invalid { key: k, .. } if *k == key),
                "{json}: {e}"
            );
            assert!(e.to_string().contains(shown), "{e}");
        }
    }
}
