//! Civil-calendar arithmetic and the instant of analysis, without a date crate (keeps the wasm small).

use crate::model::Date;
use std::fmt;

/// A point in time: whole seconds since 1970-01-01T00:00:00Z.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Instant(pub i64);

impl Instant {
    pub fn from_unix_millis(ms: f64) -> Option<Instant> {
        (ms.is_finite() && ms.abs() < 1.0e16).then(|| Instant((ms / 1000.0).floor() as i64))
    }

    /// The UTC calendar date of this instant.
    pub fn utc_date(self) -> Date {
        let (y, m, d) = civil_from_days(self.0.div_euclid(86_400));
        Date {
            year: y,
            month: m as u8,
            day: d as u8,
        }
    }

    /// Minutes since midnight UTC.
    pub fn utc_minute_of_day(self) -> i32 {
        (self.0.rem_euclid(86_400) / 60) as i32
    }

    /// Parses RFC 3339 ("2026-11-26T10:00:00Z", "2026-11-26T11:00:00+01:00", fractional seconds allowed).
    pub fn parse_rfc3339(s: &str) -> Result<Instant, TimeError> {
        let s = s.trim();
        let bad = || TimeError::NotRfc3339(s.to_string());
        let b = s.as_bytes();
        if b.len() < 20
            || b.get(4) != Some(&b'-')
            || b.get(7) != Some(&b'-')
            || !matches!(b.get(10), Some(b'T' | b't' | b' '))
        {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| {
            s.get(r).and_then(|p| p.parse::<u32>().ok()).ok_or_else(bad)
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
        if b.get(13) != Some(&b':')
            || b.get(16) != Some(&b':')
            || hour > 23
            || minute > 59
            || second > 60
        {
            return Err(bad());
        }
        let date = Date::new(year as i32, month, day).ok_or_else(bad)?;
        let mut rest = &s[19..];
        if let Some(frac) = rest.strip_prefix('.') {
            let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return Err(bad());
            }
            rest = &frac[digits..];
        }
        let offset_seconds: i64 = match rest {
            "Z" | "z" => 0,
            _ => {
                let sign = match rest.as_bytes().first() {
                    Some(b'+') => 1,
                    Some(b'-') => -1,
                    _ => return Err(bad()),
                };
                let oh: i64 = rest
                    .get(1..3)
                    .and_then(|p| p.parse().ok())
                    .ok_or_else(bad)?;
                let om: i64 = rest
                    .get(4..6)
                    .and_then(|p| p.parse().ok())
                    .ok_or_else(bad)?;
                if rest.len() != 6 || rest.as_bytes().get(3) != Some(&b':') || oh > 23 || om > 59 {
                    return Err(bad());
                }
                sign * (oh * 3600 + om * 60)
            }
        };
        let secs = date.days_since_epoch() * 86_400
            + i64::from(hour * 3600 + minute * 60 + second.min(59));
        Ok(Instant(secs - offset_seconds))
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.utc_date();
        let s = self.0.rem_euclid(86_400);
        write!(
            f,
            "{}T{:02}:{:02}:{:02}Z",
            d,
            s / 3600,
            (s / 60) % 60,
            s % 60
        )
    }
}

/// Why a time could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimeError {
    NotRfc3339(String),
}

impl fmt::Display for TimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimeError::NotRfc3339(s) => write!(
                f,
                "\"{s}\" is not an RFC 3339 time such as 2026-11-26T10:00:00Z"
            ),
        }
    }
}

impl std::error::Error for TimeError {}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
pub fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}

/// Day of the week, 0 = Sunday … 6 = Saturday.
pub fn weekday(days_since_epoch: i64) -> u32 {
    (days_since_epoch + 4).rem_euclid(7) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip_over_centuries() {
        for days in (-50_000..120_000).step_by(37) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2026, 11, 26), 20_783);
        assert_eq!(
            weekday(days_from_civil(2026, 11, 26)),
            4,
            "26 Nov 2026 is a Thursday"
        );
    }

    #[test]
    fn rfc3339_with_offsets_and_fractions() {
        let z = Instant::parse_rfc3339("2026-11-26T10:00:00Z").unwrap();
        assert_eq!(
            Instant::parse_rfc3339("2026-11-26T11:00:00+01:00").unwrap(),
            z
        );
        assert_eq!(
            Instant::parse_rfc3339("2026-11-26T05:00:00.250-05:00").unwrap(),
            z
        );
        assert_eq!(z.to_string(), "2026-11-26T10:00:00Z");
        for bad in [
            "",
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-11-26T10:00:00",
            "2026-11-26T25:00:00Z",
            "2026-02-30T00:00:00Z",
        ] {
            assert!(
                Instant::parse_rfc3339(bad).is_err(),
                "{bad} must be rejected"
            );
        }
    }
}
