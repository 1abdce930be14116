use super::*;
use chrono::{DateTime, Offset, TimeZone};
use chrono_tz::Tz;

fn t(s: &str) -> Instant {
    Instant::parse_rfc3339(s).unwrap()
}

fn chrono_offset(tz: Tz, secs: i64) -> i32 {
    let utc = DateTime::from_timestamp(secs, 0)
        .expect("in range")
        .naive_utc();
    tz.offset_from_utc_datetime(&utc).fix().local_minus_utc() / 60
}

/// Every row of the table with its name.
fn named_rows() -> impl Iterator<Item = (&'static str, &'static Zone)> {
    table::ZONES
        .iter()
        .enumerate()
        .map(|(i, z)| (zone_name(i), z))
}

/// Every distinct zone name of the table with its first row.
fn distinct_zones() -> Vec<(&'static str, &'static Zone)> {
    let mut seen = std::collections::BTreeMap::new();
    for (name, z) in named_rows() {
        seen.entry(name).or_insert(z);
    }
    seen.into_iter().collect()
}

/// Zones where our table may legitimately differ from chrono-tz, with the reason. chrono-tz 0.10.4 bundles
/// tzdata 2025b, the same release the table was generated from (see `TZDATA_VERSION`), so none are expected.
/// When either side moves to another tzdata release, list here the zones whose rules changed in between
/// (from tzdata's NEWS), never a zone that disagrees for any other reason.
const KNOWN_DIFFERENCES: &[(&str, &str)] = &[];

/// Compares our offset with chrono-tz's at `secs`; records a mismatch for `zone`.
fn compare((name, z): (&str, &Zone), tz: Tz, secs: i64, bad: &mut Vec<String>) {
    let ours = z.offset_at(secs);
    let theirs = chrono_offset(tz, secs);
    if ours != theirs {
        bad.push(format!(
            "{} at {}: ours {} chrono-tz {}",
            name,
            Instant(secs),
            ours,
            theirs
        ));
    }
}

#[test]
fn table_matches_chrono_tz_2025_to_2035() {
    let from = t("2025-01-01T00:00:00Z").0;
    let until = t("2035-12-31T23:59:59Z").0;
    let (scan_from, scan_until) = (t("2026-01-01T00:00:00Z").0, t("2028-01-01T00:00:00Z").0);
    let mut bad = Vec::new();
    let mut transitions = 0;
    for z in distinct_zones() {
        if KNOWN_DIFFERENCES.iter().any(|(name, _)| *name == z.0) {
            continue;
        }
        let Ok(tz) = z.0.parse::<Tz>() else {
            bad.push(format!("{}: unknown to chrono-tz", z.0));
            continue;
        };
        // Every five days (and a few hours, so that the time of day moves too).
        let mut s = from;
        while s <= until {
            compare(z, tz, s, &mut bad);
            s += 5 * 86_400 + 3 * 3_600 + 17 * 60;
        }
        // Each of chrono-tz's transitions in 2026 and 2027, found hourly and refined to the second, ±1 h and ±1 s.
        let mut s = scan_from;
        let mut prev = chrono_offset(tz, s);
        while s < scan_until {
            let next = s + 3_600;
            let off = chrono_offset(tz, next);
            compare(z, tz, next, &mut bad);
            if off != prev {
                let (mut lo, mut hi) = (s, next);
                while hi - lo > 1 {
                    let mid = lo + (hi - lo) / 2;
                    if chrono_offset(tz, mid) == prev {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                transitions += 1;
                for d in [-3_600, -1, 0, 1, 3_600] {
                    compare(z, tz, hi + d, &mut bad);
                }
            }
            prev = off;
            s = next;
        }
    }
    assert!(
        transitions > 400,
        "only {transitions} transitions found in 2026–2027"
    );
    let mut zones: Vec<&str> = bad
        .iter()
        .map(|b| b.split([' ', ':']).next().unwrap_or(""))
        .collect();
    zones.dedup();
    assert!(
        bad.is_empty(),
        "{} mismatches in zones {:?}; first ones:\n{}",
        bad.len(),
        zones,
        bad.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn rule_zones_keep_matching_after_2035() {
    // Beyond the checked years rule-based zones continue their rule, as tzdata does (explicit lists keep
    // their last offset instead and are skipped here).
    let mut bad = Vec::new();
    for z in distinct_zones()
        .into_iter()
        .filter(|z| !matches!(z.1.dst, Dst::List(_)))
    {
        let tz: Tz = z.0.parse().expect("known to chrono-tz");
        let mut s = t("2036-01-01T00:00:00Z").0;
        while s < t("2046-01-01T00:00:00Z").0 {
            compare(z, tz, s, &mut bad);
            s += 7 * 86_400 + 5 * 3_600;
        }
    }
    assert!(
        bad.is_empty(),
        "{} mismatches:\n{}",
        bad.len(),
        bad.iter().take(20).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn explicit_lists_hold_their_edge_offsets_outside_the_covered_years() {
    // Morocco: UTC+1 outside Ramadan; 2035's last change returns to UTC+1 and stays there.
    let ma = |s: &str| offsets_at("MA", t(s)).unwrap()[0].offset_minutes;
    assert_eq!(ma("2026-02-20T12:00:00Z"), 0, "Ramadan 2026");
    assert_eq!(ma("2026-04-20T12:00:00Z"), 60);
    assert_eq!(ma("2040-06-01T00:00:00Z"), 60);
    assert_eq!(ma("2020-06-01T00:00:00Z"), 60);
    // Palestine: winter time before the first listed change, winter time after the last.
    let ps = |s: &str| distinct_offsets("PS", t(s)).unwrap();
    assert_eq!(ps("2024-12-01T00:00:00Z"), vec![120]);
    assert_eq!(ps("2026-07-01T00:00:00Z"), vec![180]);
    assert_eq!(ps("2040-01-01T00:00:00Z"), vec![120]);
}

#[test]
fn spot_checks() {
    let jan = t("2026-01-15T12:00:00Z");
    let jul = t("2026-07-15T12:00:00Z");
    assert_eq!(distinct_offsets("DE", jan), Some(vec![60]));
    assert_eq!(distinct_offsets("DE", jul), Some(vec![120]));
    assert_eq!(
        distinct_offsets("de", jul),
        Some(vec![120]),
        "lower case works"
    );
    let us = offsets_at("US", jul).unwrap();
    let of = |zone: &str| us.iter().find(|z| z.zone == zone).map(|z| z.offset_minutes);
    assert_eq!(of("America/New_York"), Some(-240));
    assert_eq!(of("America/Phoenix"), Some(-420), "Arizona has no DST");
    assert_eq!(of("Pacific/Honolulu"), Some(-600));
    assert_eq!(us[0].zone, "America/New_York", "zone.tab order");
    let us_offsets = distinct_offsets("US", jul).unwrap();
    for o in [-240, -420, -600] {
        assert!(us_offsets.contains(&o), "{us_offsets:?} lacks {o}");
    }
    assert_eq!(distinct_offsets("IN", jan), Some(vec![330]));
    assert_eq!(distinct_offsets("IN", jul), Some(vec![330]));
    assert_eq!(distinct_offsets("NP", jul), Some(vec![345]));
    let au = distinct_offsets("AU", jan).unwrap();
    assert!(au.contains(&660) && au.contains(&480), "{au:?}");
    assert_eq!(
        au,
        vec![480, 525, 570, 600, 630, 660],
        "Perth, Eucla, Darwin, Brisbane, Adelaide DST, Sydney/Lord Howe DST"
    );
    let au_jul = distinct_offsets("AU", jul).unwrap();
    assert_eq!(
        au_jul,
        vec![480, 525, 570, 600, 630],
        "Lord Howe standard time is UTC+10:30"
    );
    assert_eq!(offsets_at("XX", jan), None);
    assert_eq!(distinct_offsets("XX", jan), None);
    // Southern hemisphere and odd offsets.
    assert_eq!(
        distinct_offsets("NZ", jan),
        Some(vec![780, 825]),
        "Auckland NZDT, Chatham +13:45"
    );
    assert_eq!(distinct_offsets("NZ", jul), Some(vec![720, 765]));
    assert_eq!(
        distinct_offsets("CL", jan),
        Some(vec![-300, -180]),
        "Easter Island, Santiago summer (Magallanes, Aysén -3)"
    );
    assert_eq!(distinct_offsets("CL", jul), Some(vec![-360, -240, -180]));
    assert_eq!(
        distinct_offsets("PY", jan),
        Some(vec![-180]),
        "Paraguay: permanent UTC-3 since 2024"
    );
    assert_eq!(
        distinct_offsets("IR", jul),
        Some(vec![210]),
        "Iran: no DST since 2022"
    );
    assert_eq!(distinct_offsets("GB", jul), Some(vec![60]));
    assert_eq!(
        distinct_offsets("IE", jan),
        Some(vec![0]),
        "Dublin's negative DST is still UTC+0 in winter"
    );
    // Kosovo and the uninhabited islands absent from zone.tab.
    assert_eq!(
        offsets_at("XK", jul).unwrap(),
        vec![ZoneOffset {
            zone: "Europe/Belgrade",
            offset_minutes: 120
        }]
    );
    assert_eq!(distinct_offsets("BV", jul), Some(vec![0]));
    assert_eq!(distinct_offsets("HM", jul), Some(vec![300]));
}

#[test]
fn dst_switches_at_the_right_second() {
    let de = |s: &str| distinct_offsets("DE", t(s)).unwrap()[0];
    assert_eq!(de("2026-03-29T00:59:59Z"), 60);
    assert_eq!(de("2026-03-29T01:00:00Z"), 120);
    let ny = |s: &str| offsets_at("US", t(s)).unwrap()[0].offset_minutes;
    assert_eq!(ny("2026-03-08T06:59:59Z"), -300);
    assert_eq!(ny("2026-03-08T07:00:00Z"), -240);
    assert_eq!(ny("2026-11-01T05:59:59Z"), -240);
    assert_eq!(ny("2026-11-01T06:00:00Z"), -300);
}

#[test]
fn every_known_country_has_a_zone_and_no_other_code_does() {
    for a in b'A'..=b'Z' {
        for b in b'A'..=b'Z' {
            let code = String::from_utf8(vec![a, b]).unwrap();
            let zones = offsets_at(&code, t("2026-11-26T10:00:00Z"));
            assert_eq!(
                zones.is_some(),
                crate::countries::name_of(&code).is_some(),
                "{code}"
            );
            assert!(zones.is_none_or(|z| !z.is_empty()));
        }
    }
}

#[test]
fn table_is_sorted_and_plausible() {
    assert!(
        table::ZONES.windows(2).all(|w| w[0].cc <= w[1].cc),
        "rows must be sorted by country"
    );
    let cities = table::ZONE_CITIES;
    assert_eq!(cities.lines().count(), table::ZONES.len());
    assert_eq!(zone_name(table::ZONES.len()), "");
    for (name, z) in named_rows() {
        assert!((-12 * 60..=14 * 60).contains(&z.base_minutes()), "{}", name);
        assert!(name.contains('/'), "{}", name);
        if let Dst::List(list) = z.dst {
            let list = list.entries();
            assert!(
                list.windows(2).all(|w| w[0].0 < w[1].0),
                "{} transitions must ascend",
                name
            );
            assert!(
                list.iter()
                    .all(|&(w, _)| (COVERED_FROM..COVERED_UNTIL).contains(&i64::from(w))),
                "{}",
                name
            );
        }
    }
    let countries: std::collections::BTreeSet<[u8; 2]> =
        table::ZONES.iter().map(|z| z.cc).collect();
    assert_eq!(countries.len(), 250, "249 ISO 3166-1 codes and XK");
}

#[test]
fn nothing_panics_on_odd_input() {
    let long = "D".repeat(10_000);
    for code in [
        "",
        "D",
        "DEU",
        "dé",
        "é",
        "\u{0}\u{0}",
        "D\u{301}",
        "12",
        " DE",
        long.as_str(),
    ] {
        assert_eq!(
            offsets_at(code, t("2026-01-01T00:00:00Z")),
            None,
            "{code:?}"
        );
    }
    for at in [
        i64::MIN,
        i64::MIN + 1,
        -1,
        0,
        i64::MAX,
        i64::MAX - 1,
        MIN_T - 1,
        MAX_T + 1,
    ] {
        for cc in ["US", "AU", "MA", "PS", "NZ", "CL", "DE", "EG", "IL"] {
            let z = offsets_at(cc, Instant(at)).unwrap();
            assert!(
                z.iter()
                    .all(|z| (-12 * 60..=14 * 60).contains(&z.offset_minutes)),
                "{cc} at {at}"
            );
        }
    }
}

#[test]
fn formats_offsets() {
    assert_eq!(format_offset(0), "UTC");
    assert_eq!(format_offset(60), "UTC+1");
    assert_eq!(format_offset(330), "UTC+5:30");
    assert_eq!(format_offset(345), "UTC+5:45");
    assert_eq!(format_offset(825), "UTC+13:45");
    assert_eq!(format_offset(-180), "UTC-3");
    assert_eq!(format_offset(-570), "UTC-9:30");
    assert_eq!(format_offset(-30), "UTC-0:30");
    assert_eq!(format_offset(i32::MIN), "UTC-35791394:08");
    assert_eq!(format_offset(i32::MAX), "UTC+35791394:07");
}

#[test]
fn a_row_stays_small() {
    // The reason for the quarter hours and the region index: 421 rows of the wasm's data.
    assert!(
        std::mem::size_of::<Zone>() <= 6,
        "{}",
        std::mem::size_of::<Zone>()
    );
}
