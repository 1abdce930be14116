//! Which UTC offsets a country's time zones have at a given instant, DST included. (Stub.)

use crate::time::Instant;

/// One time zone of a country and its offset at the instant asked about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneOffset {
    /// IANA name, e.g. "Europe/Berlin".
    pub zone: &'static str,
    /// Minutes east of UTC, e.g. 60 for CET, -300 for EST.
    pub offset_minutes: i32,
}

/// The offsets of every zone of `iso2` at `at`; `None` when the country code is unknown.
pub fn offsets_at(_iso2: &str, _at: Instant) -> Option<Vec<ZoneOffset>> {
    None
}
