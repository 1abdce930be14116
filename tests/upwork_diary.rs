//! The Upwork work diary (timesheet) reader over saved pages, and the diary rules end to end.
//!
//! The fixtures in tests/fixtures/upwork-diary/ are synthetic: the diary's DOM is not documented, so they are
//! modelled on the API's WorkDiaryTimeCell and providerTimeReport (see each file's header).

use hirecheck::model::{Date, Field};
use hirecheck::page::HtmlPage;
use hirecheck::policy::Policy;
use hirecheck::sites::upwork::Upwork;
use hirecheck::sites::{detect, Adapter, Extraction, PageKind};
use hirecheck::time::Instant;

const URL: &str = "https://www.upwork.com/nx/wm/workroom/38123456/timesheet";

fn read(rel: &str) -> String {
    let path = format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixture(name: &str) -> String {
    read(&format!("tests/fixtures/upwork-diary/{name}"))
}

fn extract(html: &str) -> Extraction {
    let page = HtmlPage::parse(html, Some(URL));
    Upwork.extract(&page, PageKind::WorkDiary)
}

fn now() -> Instant {
    Instant::parse_rfc3339("2026-11-26T12:00:00Z").unwrap()
}

fn rules_fired(html: &str) -> (Vec<&'static str>, String) {
    let page = HtmlPage::parse(html, Some(URL));
    let r = hirecheck::analyze(&page, URL, &Policy::default(), now());
    let level =
        serde_json::from_str::<serde_json::Value>(&hirecheck::json::to_string(&r.risk.level))
            .unwrap();
    (
        r.risk.findings.iter().map(|f| f.rule).collect(),
        level.as_str().unwrap_or("").to_string(),
    )
}

fn slots(from: u16, to: u16) -> Vec<u16> {
    (from..to).step_by(10).collect()
}

#[test]
fn workroom_addresses_are_diary_pages() {
    for path in [
        "/nx/wm/workroom/38123456/timesheet",
        "/nx/wm/workroom/38123456/timesheet?timesheetDate=2026-11-16&workdiaryDate=2026-11-16",
        "/nx/wm/workroom/38123456/workdiary",
    ] {
        assert_eq!(Upwork.page_kind(path), PageKind::WorkDiary, "{path}");
    }
    assert_eq!(Upwork.expected_fields(PageKind::WorkDiary), &[Field::Diary]);
    let page = HtmlPage::parse(&fixture("diary-dom-grid.html"), Some(URL));
    let (adapter, kind) = detect(Some(URL), &page).unwrap();
    assert_eq!((adapter.id(), kind), ("upwork", PageKind::WorkDiary));
    assert!(hirecheck::sites::supported_url(URL));
}

#[test]
fn embedded_state_is_read() {
    let ex = extract(&fixture("diary-state-json.html"));
    let diary = ex.profile.diary.as_ref().expect("diary");
    assert_eq!(diary.len(), 2, "{diary:?}");
    let mut first = slots(360, 840);
    first.extend(slots(900, 1410));
    assert_eq!(diary[0].date, Date::new(2026, 11, 16));
    assert_eq!(diary[0].slots, first);
    assert_eq!(diary[0].utc_offset_minutes, Some(540));
    // Duplicate and unrounded cells fold into their slot; garbage and impossible dates are dropped.
    assert_eq!(diary[1].date, Date::new(2026, 11, 17));
    assert_eq!(diary[1].slots, slots(540, 600));
    // A day without tracked cells (2026-11-18) has no entry.
    assert_eq!(ex.profile.name.as_deref(), Some("Kenji Tanaka"));
    let loc = ex.profile.location.as_ref().unwrap();
    assert_eq!(loc.country.as_deref(), Some("DE"));
    assert_eq!(loc.city.as_deref(), Some("Munich"));
    assert!(ex.missing.is_empty(), "{:?}", ex.missing);
    assert!(ex
        .read_from
        .get(&Field::Diary)
        .is_some_and(|s| s.contains("cellDateTime")));
}

#[test]
fn dom_grid_is_read_with_its_zone() {
    let ex = extract(&fixture("diary-dom-grid.html"));
    let diary = ex.profile.diary.as_ref().expect("diary");
    assert_eq!(diary.len(), 2);
    let mut first = slots(360, 840);
    first.extend(slots(900, 1410));
    assert_eq!(diary[0].date, Date::new(2026, 11, 16));
    assert_eq!(diary[0].slots, first);
    assert_eq!(diary[1].slots, slots(540, 1080));
    assert!(diary
        .iter()
        .all(|d| d.utc_offset_minutes == Some(540) && d.slots.len() <= 144));
    assert_eq!(ex.profile.name.as_deref(), Some("Kenji Tanaka"));
    assert_eq!(
        ex.profile.location.as_ref().unwrap().country.as_deref(),
        Some("DE")
    );
    assert!(ex.missing.is_empty());
}

#[test]
fn grid_without_zone_or_header() {
    let ex = extract(&fixture("diary-dom-no-zone.html"));
    let diary = ex.profile.diary.as_ref().expect("diary");
    // Days are built from tracked cells: the empty day has no entry.
    assert_eq!(diary.len(), 1);
    assert_eq!(diary[0].slots, slots(540, 600));
    assert_eq!(diary[0].utc_offset_minutes, None);
    assert_eq!(ex.profile.name, None);
    assert_eq!(ex.profile.location, None);
    assert!(ex.missing.is_empty());
    // Without a claimed country and a zone the night rule cannot run; nothing else fires on one short day.
    let (fired, _) = rules_fired(&fixture("diary-dom-no-zone.html"));
    assert!(fired.is_empty(), "{fired:?}");
}

#[test]
fn broken_page_reads_nothing_and_says_so() {
    let ex = extract(&fixture("diary-broken.html"));
    assert_eq!(ex.profile.diary, None);
    assert_eq!(ex.missing, vec![Field::Diary]);
    let (fired, level) = rules_fired(&fixture("diary-broken.html"));
    assert!(fired.is_empty());
    assert_eq!(level, "unknown");
}

#[test]
fn the_demo_page_is_risky() {
    let html = read("www/upwork/diary-risky.html");
    let ex = extract(&html);
    let diary = ex.profile.diary.as_ref().unwrap();
    assert_eq!(diary.len(), 15);
    let (fired, level) = rules_fired(&html);
    for id in [
        "round-the-clock-work",
        "seven-day-weeks",
        "night-work-in-claimed-zone",
    ] {
        assert!(fired.contains(&id), "{id} not in {fired:?}");
    }
    assert_eq!(level, "high");
}

#[test]
fn the_json_fixture_fires_round_the_clock_only_with_enough_days() {
    // One long day (06:00–23:30) is a crunch day, not a pattern.
    let (fired, _) = rules_fired(&fixture("diary-state-json.html"));
    assert!(!fired.contains(&"round-the-clock-work"), "{fired:?}");
    assert!(!fired.contains(&"seven-day-weeks"), "{fired:?}");
}

#[test]
fn hostile_pages_do_not_panic_and_stay_bounded() {
    let mut cells = String::new();
    for i in 0..30_000 {
        cells.push_str(&format!(
            "<span data-cell-time=\"{:02}:{:02}\"></span>",
            i % 30,
            i % 70
        ));
    }
    let many_days: String = (0..400)
        .map(|i| {
            format!(
                "<div data-date=\"2026-{:02}-{:02}\"><span data-cell-time=\"2026-13-01T25:99\"></span><span data-cell-time=\"12:00\"></span></div>",
                1 + i % 12,
                1 + i % 31
            )
        })
        .collect();
    let deep = format!(
        "<script>var s = {}{{\"cellDateTime\": 1}}{};</script>",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let huge_state = format!(
        "<script type=\"application/json\">{{\"metadata\":{{\"timezoneOffset\":1e308}},\"cells\":[{}]}}</script>",
        (0..50_000)
            .map(|i| format!("{{\"cellDateTime\":{}}}", 1_795_132_800_000i64 + i * 600_000))
            .collect::<Vec<_>>()
            .join(",")
    );
    for html in [
        cells,
        many_days,
        deep,
        huge_state,
        "<div data-date=\"x\"><span data-cell-time=\"\u{0}\"></span></div>".to_string(),
        "<button aria-checked=\"true\">time zone UTC+99999999999999999</button><span data-cell-time=\"1:1\"></span>"
            .to_string(),
    ] {
        let ex = extract(&html);
        if let Some(d) = &ex.profile.diary {
            assert!(d.len() <= 62, "{}", d.len());
            assert!(d.iter().all(|day| day.slots.len() <= 144
                && day.slots.iter().all(|s| *s < 1440 && s % 10 == 0)));
        }
        let page = HtmlPage::parse(&html, Some(URL));
        let _ = hirecheck::analyze(&page, URL, &Policy::default(), now());
    }
}
