//! Country names as marketplaces write them ↔ ISO 3166-1 alpha-2 codes. (Stub: filled by the tz/countries work.)

/// "United States", "USA", "Deutschland" … → "US". Case- and accent-insensitive.
pub fn iso2_from_name(_name: &str) -> Option<&'static str> {
    None
}

/// "US" → "United States".
pub fn name_of(_iso2: &str) -> Option<&'static str> {
    None
}
