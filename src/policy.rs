//! Every threshold and weight in one place, with defaults; an organisation may override any of them.

use crate::json::{json_enum, FromJson, ObjectWriter, ToJson, Value};
use std::fmt;

/// The user interface language for texts the core writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    De,
}

json_enum!(Lang {
    En => "en",
    De => "de",
});

impl FromJson for Lang {
    fn from_json(v: &Value) -> Option<Self> {
        match v.as_str()? {
            "en" => Some(Lang::En),
            "de" => Some(Lang::De),
            _ => None,
        }
    }
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

/// Thresholds, weights, lists and switches. Read through [`crate::settings::parse`], which reports unknown
/// keys (typos in a managed policy) and bad values as clear sentences and keeps the defaults for them.
#[derive(Clone, Debug, PartialEq)]
pub struct Policy {
    pub lang: Lang,

    /// Rule ids that must not run.
    pub disabled_rules: Vec<String>,
    /// Per-rule points replacing the defaults, e.g. {"local-time-mismatch": 40}.
    pub weights: crate::small_map::SmallMap<String, u32>,

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

    /// Domains the organisation blocks, on top of the list HireCheck ships (`src/rules/org_list.rs`):
    /// host names such as "example.com", each matching its subdomains too.
    pub blocked_domains: Vec<String>,
    /// E-mail addresses the organisation blocks, on top of the shipped list.
    pub blocked_emails: Vec<String>,
    /// Names or words (at least 4 characters) the organisation blocks, matched as whole words, ignoring case.
    pub blocked_strings: Vec<String>,
    /// Domains (with their subdomains) that are never flagged: not by a list, not as a free host.
    pub allowed_domains: Vec<String>,
    /// E-mail addresses that are never flagged by a list.
    pub allowed_emails: Vec<String>,
    /// Freelancers the organisation blocks, by the key HireCheck shows ("upwork:~01abc…"): a finding.
    pub blocked_freelancers: Vec<String>,
    /// Freelancers the organisation has vetted: a visible note; findings still show (see docs/admin.md).
    pub allowed_freelancers: Vec<String>,
    /// How many website links, all on free static hosts, make a portfolio look thrown together.
    pub min_free_host_links: u32,

    /// Score (0–100) from which the level is `elevated`.
    pub elevated_from: u32,
    /// Score (0–100) from which the level is `high`.
    pub high_from: u32,
    /// Fraction (0–1) of the page kind's key fields that must be read before a `low` verdict is allowed.
    pub min_coverage: f64,

    /// Where to report a suspicious profile: an e-mail address, a mailto: link or a short line of text.
    pub report_contact: String,
    /// Settings the user may not change in the options page ("*": all of them). Managed policy only.
    pub locked_settings: Vec<String>,
    /// `lang` is "auto": the browser's language decides (the extension), not `lang`. Not in the JSON.
    pub lang_auto: bool,
}

/// The settings as JSON: every field but `lang_auto`, in declaration order. (They are read back by
/// [`crate::settings::parse`], which checks each value and sets its field.)
macro_rules! policy_fields {
    ($($field:ident),* $(,)?) => {
        impl ToJson for Policy {
            fn write_json(&self, out: &mut String) {
                let mut o = ObjectWriter::new(out);
                $( o.field(stringify!($field), &self.$field); )*
                o.end();
            }
        }
    };
}

policy_fields!(
    lang,
    disabled_rules,
    weights,
    rate_band_usd,
    volume_min_hours,
    volume_min_job_success,
    max_average_weekly_hours,
    min_weeks_for_average,
    max_young_account_weekly_hours,
    max_concurrent_weekly_hours,
    min_overlap_days,
    burst_min_jobs,
    burst_window_days,
    burst_max_job_usd,
    local_time_tolerance_minutes,
    diary_long_day_span_hours,
    diary_long_day_min_tracked_hours,
    diary_long_days_min,
    diary_streak_min_daily_hours,
    diary_streak_min_weeks,
    diary_night_min_share,
    diary_night_min_tracked_hours,
    blocked_domains,
    blocked_emails,
    blocked_strings,
    allowed_domains,
    allowed_emails,
    blocked_freelancers,
    allowed_freelancers,
    min_free_host_links,
    elevated_from,
    high_from,
    min_coverage,
    report_contact,
    locked_settings,
);

impl Default for Policy {
    // Not inlined: the defaults are some forty stores, and settings::parse alone needs them in five places.
    #[inline(never)]
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
            allowed_emails: Vec::new(),
            blocked_freelancers: Vec::new(),
            allowed_freelancers: Vec::new(),
            min_free_host_links: 2,
            elevated_from: 25,
            high_from: 60,
            min_coverage: 0.6,
            report_contact: String::new(),
            locked_settings: Vec::new(),
            lang_auto: true,
        }
    }
}

/// A policy value that cannot be used.
#[derive(Clone, Debug, PartialEq)]
pub enum PolicyError {
    /// The text is not JSON.
    Unreadable(String),
    /// A setting is unknown or its value out of range (the first one found).
    Invalid { key: String, reason: String },
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

/// Where the badge tells the client to report a suspicious profile (`report_contact`). In the
/// report's JSON: `{"mail": {"address", "href"}}` or `{"text": "…"}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Contact {
    /// An e-mail address: shown as a `mailto:` link. `href` is the checked mailto: address.
    Mail { address: String, href: String },
    /// A short line of text, shown as text only (never a link).
    Text(String),
}

impl ToJson for Contact {
    fn write_json(&self, out: &mut String) {
        let mut o = ObjectWriter::new(out);
        match self {
            Contact::Mail { address, href } => {
                let mut inner = String::new();
                ObjectWriter::new(&mut inner)
                    .field("address", address)
                    .field("href", href)
                    .end();
                o.field("mail", &crate::json::RawJson(&inner));
            }
            Contact::Text(t) => {
                o.field("text", t);
            }
        }
        o.end();
    }
}

/// The strict reading of the lenient parser's verdict: its first complaint, if any, is the error.
fn first_error(errors: Vec<crate::settings::SettingError>) -> Result<(), PolicyError> {
    match errors.into_iter().next() {
        Some(e) => Err(PolicyError::Invalid {
            key: e.key,
            reason: e.message,
        }),
        None => Ok(()),
    }
}

impl Policy {
    /// Reads a policy from JSON, strictly: the first unknown key or invalid value is an error. The
    /// browser and the CLI use [`crate::settings::parse`] instead, which keeps defaults for bad values.
    pub fn from_json(text: &str) -> Result<Policy, PolicyError> {
        let value =
            crate::json::from_str(text).map_err(|e| PolicyError::Unreadable(e.to_string()))?;
        let (policy, errors) = crate::settings::parse(&value);
        first_error(errors).map(|()| policy)
    }

    /// Checks every value as [`Policy::from_json`] does.
    pub fn validate(&self) -> Result<(), PolicyError> {
        let value = crate::json::to_value(self);
        first_error(crate::settings::parse(&value).1)
    }

    pub fn is_enabled(&self, rule: &str) -> bool {
        !self.disabled_rules.iter().any(|r| r == rule)
    }

    /// The points a rule adds: the policy's override or the rule's default.
    pub fn weight(&self, rule: &str, default: u32) -> u32 {
        self.weights.get(rule).copied().unwrap_or(default)
    }

    /// The `report_contact` to show, when one is set (it was checked when the policy was read).
    pub fn contact(&self) -> Option<Contact> {
        crate::settings::contact(&self.report_contact)
    }

    /// The entry of `list` naming the freelancer `key` ("upwork:~01abc"), compared ignoring ASCII case.
    pub fn listed_freelancer<'a>(list: &'a [String], key: &str) -> Option<&'a str> {
        let key = key.trim();
        for e in list {
            let e = e.trim();
            if !e.is_empty() && e.eq_ignore_ascii_case(key) {
                return Some(e);
            }
        }
        None
    }
}

/// "name@example.com": one @, a name without spaces before it, a domain name after it.
pub fn is_email(v: &str) -> bool {
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
            matches!(&e, PolicyError::Invalid { key, .. } if key == "high_from"),
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
                "below the minimum of 1",
            ),
        ] {
            let e = Policy::from_json(json).unwrap_err();
            assert!(
                matches!(&e, PolicyError::Invalid { key: k, .. } if k.starts_with(key)),
                "{json}: {e}"
            );
            assert!(e.to_string().contains(shown), "{e}");
        }
    }
}
