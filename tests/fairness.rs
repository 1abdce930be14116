//! Fairness proofs: the claimed country and the name's origin never move the score by themselves,
//! and a page with nothing read is never "low".

use hirecheck::model::{ClockTime, Location, Profile};
use hirecheck::page::HtmlPage;
use hirecheck::policy::Policy;
use hirecheck::rules::identity::names_match;
use hirecheck::score::{Level, Risk};
use hirecheck::sites::{self, Extraction, PageKind, ADAPTERS};
use hirecheck::time::Instant;
use hirecheck::{countries, tz};
use std::path::PathBuf;

const NOW: &str = "2026-11-26T14:42:00Z";

/// Claimed countries to swap in: every inhabited continent, many time zones, both hemispheres' DST.
const COUNTRIES: &[&str] = &[
    "US", "CA", "MX", "BR", "AR", "CL", "CO", "GB", "IE", "DE", "FR", "ES", "IT", "PL", "UA", "RO",
    "SE", "RU", "TR", "IL", "EG", "NG", "KE", "ZA", "PK", "IN", "BD", "LK", "NP", "CN", "KR", "JP",
    "VN", "PH", "ID", "MY", "SG", "AU", "NZ",
];

/// First names of many origins; none may change a verdict when the page is otherwise the same.
const NAMES: &[&str] = &[
    "Wei",
    "Oluwaseun",
    "María",
    "Mohammed",
    "Priya",
    "Kwame",
    "Yuki",
    "Björn",
    "Aleksandr",
    "Siobhan",
    "Hyun-woo",
    "Fatima",
    "Juan",
    "Ngozi",
    "Tomasz",
    "Olga",
    "Ahmad",
    "Thanh",
    "Ana",
    "John",
];

fn now() -> Instant {
    Instant::parse_rfc3339(NOW).unwrap()
}

/// Every saved profile page we ship: test fixtures and demo samples.
fn pages() -> Vec<(PathBuf, Extraction, usize)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    // Every site's fixtures and demo pages, and the accuracy corpus.
    let mut dirs: Vec<PathBuf> = vec![root.join("tests/corpus")];
    for parent in ["tests/fixtures", "www"] {
        let Ok(sites) = std::fs::read_dir(root.join(parent)) else {
            continue;
        };
        dirs.extend(
            sites
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_dir()),
        );
    }
    dirs.sort();
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
        {
            let html = std::fs::read_to_string(&path).unwrap();
            let page = HtmlPage::parse(&html, None);
            if let Some((adapter, kind)) = sites::detect(None, &page) {
                if kind == PageKind::Profile {
                    out.push((
                        path,
                        adapter.extract(&page, kind),
                        adapter.expected_fields(kind).len(),
                    ));
                }
            }
        }
    }
    assert!(
        out.len() >= 4,
        "expected the Upwork fixtures and samples, found {}",
        out.len()
    );
    out
}

fn verdict(risk: &Risk) -> (Level, u32, Vec<&'static str>, Vec<&'static str>) {
    let mut fired: Vec<_> = risk.findings.iter().map(|f| f.rule).collect();
    let mut blind: Vec<_> = risk.unevaluated.iter().map(|u| u.rule).collect();
    fired.sort();
    blind.sort();
    (risk.level, risk.score, fired, blind)
}

fn assess(e: &Extraction, expected: usize) -> Risk {
    hirecheck::assess(e, expected, &Policy::default(), now())
}

fn fits(iso2: &str, offset: i32) -> bool {
    tz::offsets_at(iso2, now()).unwrap().iter().any(|z| {
        let d = (z.offset_minutes - offset).rem_euclid(1440);
        d.min(1440 - d) <= 60
    })
}

/// A clock reading for `iso2` now: one that fits its zones, or one that fits none of them.
fn clock_for(iso2: &str, consistent: bool) -> ClockTime {
    let zones = tz::offsets_at(iso2, now()).unwrap();
    let base = zones[0].offset_minutes;
    let offset = if consistent {
        base
    } else {
        (1..24)
            .map(|h| base + h * 60)
            .find(|o| !fits(iso2, *o))
            .expect("some hour fits no zone")
    };
    let minute = (now().utc_minute_of_day() + offset).rem_euclid(1440);
    ClockTime::new((minute / 60) as u32, (minute % 60) as u32).unwrap()
}

#[test]
fn swapping_the_claimed_country_never_changes_the_verdict() {
    let mut exercised = 0;
    for (path, extraction, expected) in pages() {
        let p = &extraction.profile;
        let (Some(_), Some(_)) = (
            p.location.as_ref().and_then(|l| l.country.as_ref()),
            p.local_time,
        ) else {
            continue;
        };
        let base = assess(&extraction, expected);
        let consistent = !base
            .findings
            .iter()
            .any(|f| f.rule == "local-time-mismatch");
        for code in COUNTRIES {
            let mut swapped = extraction.clone();
            swapped.profile.location = Some(Location {
                city: None,
                country: Some((*code).to_string()),
                country_name: countries::name_of(code).map(str::to_string),
            });
            swapped.profile.local_time = Some(clock_for(code, consistent));
            assert_eq!(
                verdict(&assess(&swapped, expected)),
                verdict(&base),
                "{}: claiming {code} instead changed the verdict",
                path.display()
            );
        }
        exercised += 1;
    }
    assert!(
        exercised >= 3,
        "only {exercised} pages had a country and a local time to swap"
    );
}

/// The profile with its first name replaced by `to`, and every capitalised word of the feedback that the
/// rule takes for the first name (short forms, nicknames, "Ji-hoon") replaced as well.
fn rename(profile: &Profile, from: &str, to: &str) -> Profile {
    let Some(full) = profile.name.clone() else {
        return profile.clone();
    };
    let swap_feedback = |s: &str| {
        s.split(' ')
            .map(|w| {
                let core = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
                let capitalised = core.chars().next().is_some_and(char::is_uppercase);
                if capitalised && names_match(from, core) {
                    w.replacen(core, to, 1)
                } else {
                    w.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut p = profile.clone();
    p.name = Some(full.replacen(from, to, 1));
    if let Some(history) = &mut p.work_history {
        for e in history {
            e.feedback = e.feedback.as_deref().map(swap_feedback);
        }
    }
    p
}

#[test]
fn the_origin_of_a_name_never_changes_the_verdict() {
    let mut exercised = 0;
    for (path, extraction, expected) in pages() {
        let Some(first) = extraction
            .profile
            .name
            .as_deref()
            .and_then(|n| n.split(' ').next())
            .map(str::to_string)
        else {
            continue;
        };
        let base = assess(&extraction, expected);
        let all_feedback: String = extraction
            .profile
            .work_history
            .iter()
            .flatten()
            .filter_map(|e| e.feedback.clone())
            .collect::<Vec<_>>()
            .join(" ");
        // A replacement that the feedback could address by name ("Tom" for "Tomasz") would turn a
        // real mismatch into a match: that changes the evidence, not just the name's origin.
        let capitalised: Vec<&str> = all_feedback
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .collect();
        for name in NAMES
            .iter()
            .filter(|n| **n != first && !capitalised.iter().any(|w| names_match(n, w)))
        {
            let mut renamed = extraction.clone();
            renamed.profile = rename(&extraction.profile, &first, name);
            assert_eq!(
                verdict(&assess(&renamed, expected)),
                verdict(&base),
                "{}: renaming {first} to {name} changed the verdict",
                path.display()
            );
        }
        exercised += 1;
    }
    assert!(exercised >= 3);
}

#[test]
fn nothing_read_is_never_low() {
    let policy = Policy::default();
    for adapter in ADAPTERS {
        for kind in [
            PageKind::Profile,
            PageKind::Proposals,
            PageKind::WorkDiary,
            PageKind::Messages,
            PageKind::Unknown,
        ] {
            let expected: Vec<_> = adapter.expected_fields(kind).to_vec();
            let empty = Extraction::default().finish(&expected);
            let risk = hirecheck::assess(&empty, expected.len(), &policy, now());
            assert_eq!(
                risk.level,
                Level::Unknown,
                "{} {kind:?} with nothing read",
                adapter.id()
            );
        }
    }
    // Nor is a page from no supported site.
    let page = HtmlPage::parse("<html><body><p>Hello</p></body></html>", None);
    let report = hirecheck::analyze(&page, "x.html", &policy, now());
    assert_eq!((report.site, report.risk.level), (None, Level::Unknown));
}
