//! The Freelancer.com adapter over saved pages: field-by-field expectations for each fixture, URL → page kind,
//! sniffing without an address, the demo pages, and hostile input.
//!
//! Fixtures (tests/fixtures/freelancer/, each with a header naming the structure it mirrors):
//! - `profile-ssr-state.html`: 2024 layout + Angular TransferState (escaped `serverApp-state` form) — 11 of 11;
//! - `profile-dom-2021.html`: the older layout, DOM only — 10 of 11 (no verifications card);
//! - `profile-broken.html`: unknown markup and a truncated state — 2 of 11;
//! - `not-freelancer.html`: a blog post about Freelancer.com — not a profile.

use hirecheck::model::{ClockTime, Date, Field, Money, Profile, YearMonth};
use hirecheck::page::{HtmlPage, Page};
use hirecheck::policy::Policy;
use hirecheck::score::Level;
use hirecheck::sites::freelancer::{page_kind, Freelancer};
use hirecheck::sites::{detect, Adapter, Extraction, PageKind};
use hirecheck::time::Instant;

const NOW: &str = "2026-11-26T14:42:00Z";

fn read(rel: &str) -> String {
    let path = format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixture(name: &str) -> String {
    read(&format!("tests/fixtures/freelancer/{name}"))
}

fn extract(html: &str, url: Option<&str>) -> Extraction {
    let page = HtmlPage::parse(html, url);
    Freelancer.extract(&page, PageKind::Profile)
}

fn money(amount: f64, currency: &str) -> Option<Money> {
    Some(Money {
        amount,
        currency: currency.into(),
    })
}

fn src(ex: &Extraction, f: Field) -> &str {
    ex.read_from.get(&f).map(String::as_str).unwrap_or("<none>")
}

/// Every field a profile shows either has a value and a source, or is listed missing.
fn consistent(ex: &Extraction) {
    for &f in Freelancer.expected_fields(PageKind::Profile) {
        let has = ex.profile.has(f);
        assert_eq!(
            has,
            ex.read_from.contains_key(&f),
            "{f:?}: value and source must go together"
        );
        assert_eq!(!has, ex.missing.contains(&f), "{f:?}: missing iff not read");
    }
}

fn analyze(html: &str, url: Option<&str>) -> hirecheck::report::Report {
    let page = HtmlPage::parse(html, url);
    hirecheck::analyze(
        &page,
        "test",
        &Policy::default(),
        Instant::parse_rfc3339(NOW).unwrap(),
    )
}

fn fired(r: &hirecheck::report::Report) -> Vec<&'static str> {
    let mut v: Vec<_> = r.risk.findings.iter().map(|f| f.rule).collect();
    v.sort();
    v
}

#[test]
fn expected_fields_are_what_the_site_shows() {
    assert_eq!(
        Freelancer.expected_fields(PageKind::Profile),
        &[
            Field::Name,
            Field::Title,
            Field::HourlyRate,
            Field::Location,
            Field::LocalTime,
            Field::Badges,
            Field::MemberSince,
            Field::IdVerified,
            Field::WorkHistory,
            Field::Overview,
            Field::Links,
        ]
    );
    // No Job Success Score, hours, availability, languages or money earnings on Freelancer.com.
    for f in [
        Field::JobSuccess,
        Field::TotalHours,
        Field::HoursPerWeek,
        Field::Languages,
        Field::TotalEarnings,
    ] {
        assert!(!Freelancer.expected_fields(PageKind::Profile).contains(&f));
    }
    // Project pages show the bid list (src/sites/freelancer/bids.rs).
    assert_eq!(
        Freelancer.expected_fields(PageKind::Proposals),
        &[Field::Bids]
    );
    for k in [PageKind::WorkDiary, PageKind::Messages, PageKind::Unknown] {
        assert!(Freelancer.expected_fields(k).is_empty(), "{k:?}");
    }
}

#[test]
fn ssr_state_fixture_reads_everything_from_the_state() {
    let ex = extract(
        &fixture("profile-ssr-state.html"),
        Some("https://www.freelancer.com/u/marent_edits"),
    );
    consistent(&ex);
    let p = &ex.profile;
    assert_eq!(ex.missing, vec![], "11 of 11");
    assert_eq!(ex.profile_key.as_deref(), Some("freelancer:marent_edits"));
    let user = "serverApp-state 3581224931.b.result.users.48213377";
    assert_eq!(p.name.as_deref(), Some("Maren T."));
    assert_eq!(src(&ex, Field::Name), format!("{user}.display_name"));
    assert_eq!(
        p.title.as_deref(),
        Some("Professional Writer, Editor & Proofreader")
    );
    assert_eq!(src(&ex, Field::Title), format!("{user}.tagline"));
    // The page's currency, not dollars: "$45 AUD / hour".
    assert_eq!(p.hourly_rate, money(45.0, "AUD"));
    assert_eq!(src(&ex, Field::HourlyRate), format!("{user}.hourly_rate"));
    let loc = p.location.as_ref().unwrap();
    assert_eq!(
        (
            loc.city.as_deref(),
            loc.country_name.as_deref(),
            loc.country.as_deref()
        ),
        (Some("Brisbane"), Some("Australia"), Some("AU"))
    );
    // The state has no clock; the rendered extra-info row does.
    assert_eq!(p.local_time, ClockTime::new(0, 42));
    assert_eq!(
        src(&ex, Field::LocalTime),
        "app-user-profile-summary-extra-info fl-text"
    );
    assert_eq!(
        p.badges,
        Some(vec!["Preferred Freelancer".into(), "Verified".into()])
    );
    assert_eq!(p.member_since, YearMonth::new(2015, 11));
    assert_eq!(
        src(&ex, Field::MemberSince),
        format!("{user}.registration_date")
    );
    assert_eq!(p.id_verified, Some(true));
    assert_eq!(
        src(&ex, Field::IdVerified),
        format!("{user}.status.identity_verified")
    );
    assert!(p
        .overview
        .as_deref()
        .unwrap()
        .starts_with("Editor and writer with ten years"));
    assert_eq!(
        p.links,
        Some(vec!["https://www.marent-editing.com/samples".to_string()])
    );
    // Not expected (the page shows a percentage), but the state's count is kept.
    assert_eq!(p.total_jobs, Some(330));
    assert_eq!(
        p.job_success, None,
        "no Job Success Score on Freelancer.com"
    );

    let w = p.work_history.as_ref().unwrap();
    assert_eq!(
        src(&ex, Field::WorkHistory),
        "serverApp-state 1048817740.b.result.reviews[]"
    );
    assert_eq!(
        w.len(),
        4,
        "reviews as an employer and reviews of other users are not hers"
    );
    assert_eq!(
        w[0].title.as_deref(),
        Some("Grant proposal for animal rescue")
    );
    assert_eq!(w[0].earnings, money(300.0, "USD"));
    assert_eq!(w[0].rating, Some(5.0));
    assert_eq!(w[0].end, Date::new(2026, 10, 2));
    assert_eq!(w[0].start, None);
    assert!(w[0]
        .feedback
        .as_deref()
        .unwrap()
        .starts_with("Maren is an excellent writer."));
    assert_eq!(
        w[1].earnings,
        money(1000.0, "AUD"),
        "$1,000 AUD is dollars of Australia"
    );
    assert_eq!(w[1].rating, Some(4.8));
    assert_eq!(w[3].title.as_deref(), Some("Book proofreading"));
    assert_eq!(w[3].earnings, None, "Price Undisclosed");
    assert!(w.iter().all(|e| e.kind.is_none() && e.hours.is_none()));
}

#[test]
fn ssr_state_fixture_without_the_state_reads_the_same_from_the_dom() {
    let html = fixture("profile-ssr-state.html");
    let cut = html.rfind("<script id=\"serverApp-state\"").unwrap();
    let end = html[cut..].find("</script>").unwrap() + cut + "</script>".len();
    let dom_only = format!("{}{}", &html[..cut], &html[end..]);
    let ex = extract(&dom_only, Some("https://www.freelancer.com/u/marent_edits"));
    consistent(&ex);
    assert_eq!(ex.missing, vec![], "11 of 11 from the DOM alone");
    let p = &ex.profile;
    assert_eq!(p.name.as_deref(), Some("Maren T."));
    assert_eq!(
        src(&ex, Field::Name),
        "app-user-profile-summary-name fl-username h3"
    );
    assert_eq!(p.hourly_rate, money(45.0, "AUD"));
    assert_eq!(
        src(&ex, Field::HourlyRate),
        "app-user-profile-summary-information .NativeElement"
    );
    assert_eq!(p.location.as_ref().unwrap().country.as_deref(), Some("AU"));
    assert_eq!(p.member_since, YearMonth::new(2015, 11));
    assert_eq!(
        p.badges,
        Some(vec!["Preferred Freelancer".into(), "Verified".into()])
    );
    assert_eq!(p.id_verified, Some(true));
    assert_eq!(
        src(&ex, Field::IdVerified),
        "app-user-profile-verifications fl-list-item"
    );
    assert_eq!(
        p.overview.as_deref().map(|o| o.ends_with("/samples")),
        Some(true),
        "the Read more button is not part of the overview"
    );
    let w = p.work_history.as_ref().unwrap();
    assert_eq!(w.len(), 4);
    assert_eq!(w[1].earnings, money(1000.0, "AUD"));
    assert_eq!(w[3].earnings, None);
    // "1 month ago" cannot be dated without the moment the page was saved.
    assert!(w.iter().all(|e| e.end.is_none()));
    assert_eq!(p.total_jobs, None);
}

#[test]
fn dom_2021_fixture_reads_the_older_layout() {
    let ex = extract(&fixture("profile-dom-2021.html"), None);
    consistent(&ex);
    let p = &ex.profile;
    assert_eq!(ex.missing, vec![Field::IdVerified], "10 of 11");
    // No address: the canonical link names the profile.
    assert_eq!(ex.profile_key.as_deref(), Some("freelancer:rahulm_dev"));
    assert_eq!(
        p.name.as_deref(),
        Some("Rahul M."),
        "not the @username line"
    );
    assert_eq!(p.title.as_deref(), Some("Laravel & WordPress Developer"));
    assert_eq!(p.hourly_rate, money(800.0, "INR"));
    let loc = p.location.as_ref().unwrap();
    assert_eq!(
        (
            loc.city.as_deref(),
            loc.country_name.as_deref(),
            loc.country.as_deref()
        ),
        (Some("Pune"), Some("India"), Some("IN"))
    );
    assert_eq!(p.local_time, ClockTime::new(20, 12));
    assert_eq!(
        p.member_since,
        YearMonth::new(2015, 12),
        "\"Joined December 4, 2015\""
    );
    assert_eq!(
        p.badges,
        Some(vec![]),
        "the name block was read and shows none"
    );
    assert_eq!(p.id_verified, None);
    assert!(p
        .overview
        .as_deref()
        .unwrap()
        .starts_with("I build and maintain"));
    assert!(!p.overview.as_deref().unwrap().contains("Read more"));
    let links = p.links.as_ref().unwrap();
    assert!(links.contains(&"https://shopwise-demo.example.com/".to_string()));
    assert!(
        links.iter().all(|l| !l.contains("freelancer.com")),
        "the site's own pages are not the freelancer's links: {links:?}"
    );
    let w = p.work_history.as_ref().unwrap();
    assert_eq!(src(&ex, Field::WorkHistory), "fl-review-card");
    assert_eq!(w.len(), 3);
    assert_eq!(
        w[0].title.as_deref(),
        Some("Inventory dashboard in Laravel")
    );
    assert_eq!(w[0].earnings, money(250.0, "USD"));
    assert_eq!(w[0].rating, Some(5.0));
    assert_eq!(w[0].end, None, "\"3 days ago\" stays undated");
    assert_eq!(
        w[0].feedback.as_deref(),
        Some("Rahul understood the requirements quickly and delivered clean code.")
    );
    assert_eq!(w[1].earnings, money(12000.0, "INR"));
    assert_eq!(
        w[1].end,
        Date::new(2026, 9, 21),
        "from the datetime attribute"
    );
    assert_eq!(w[2].earnings, None, "Price Undisclosed");
    assert_eq!(w[2].rating, Some(4.5));
    // The DOM has no counts: the reputation items are percentages.
    assert_eq!(p.total_jobs, None);
    assert_eq!(p.job_success, None);
}

#[test]
fn broken_fixture_reads_little_and_says_so() {
    let html = fixture("profile-broken.html");
    let ex = extract(&html, None);
    consistent(&ex);
    let p = &ex.profile;
    assert_eq!(p.name.as_deref(), Some("Daniel O."));
    assert_eq!(src(&ex, Field::Name), "meta[property=og:title]");
    assert_eq!(p.hourly_rate, money(42.0, "USD"));
    assert_eq!(src(&ex, Field::HourlyRate), "body span");
    assert_eq!(
        ex.missing,
        vec![
            Field::Title,
            Field::Location,
            Field::LocalTime,
            Field::Badges,
            Field::MemberSince,
            Field::IdVerified,
            Field::WorkHistory,
            Field::Overview,
            Field::Links,
        ],
        "2 of 11"
    );
    assert_eq!(ex.profile_key.as_deref(), Some("freelancer:danielo_data"));
    let r = analyze(&html, None);
    assert_eq!(r.site, Some("freelancer"));
    assert_eq!(r.risk.level, Level::Unknown);
}

#[test]
fn urls_map_to_page_kinds() {
    let cases = [
        (
            "https://www.freelancer.com/u/marent_edits",
            PageKind::Profile,
        ),
        (
            "https://www.freelancer.com/u/MarenT_Edits/?ref=1#reviews",
            PageKind::Profile,
        ),
        ("https://freelancer.com/u/zhj11651.html", PageKind::Profile),
        ("https://www.freelancer.com/u/", PageKind::Unknown),
        ("https://www.freelancer.com/u/a/b", PageKind::Unknown),
        (
            "https://www.freelancer.com/projects/php/build-a-dashboard-12345",
            PageKind::Proposals,
        ),
        (
            "https://www.freelancer.com/projects/php/build-a-dashboard-12345/proposals",
            PageKind::Proposals,
        ),
        (
            "https://www.freelancer.com/messages/thread/99",
            PageKind::Messages,
        ),
        (
            "https://www.freelancer.com/freelancers/skills/php",
            PageKind::Unknown,
        ),
        ("https://www.freelancer.com/", PageKind::Unknown),
    ];
    let empty = HtmlPage::parse("<html></html>", None);
    for (url, kind) in cases {
        let (adapter, k) = detect(Some(url), &empty).unwrap_or_else(|| panic!("{url}"));
        assert_eq!(adapter.id(), "freelancer", "{url}");
        assert_eq!(k, kind, "{url}");
    }
    // Look-alike hosts are not Freelancer.com.
    for url in [
        "https://www.freelancer.com.evil.example/u/jdoe",
        "https://notfreelancer.com/u/jdoe",
    ] {
        assert!(
            detect(Some(url), &empty).is_none_or(|(a, _)| a.id() != "freelancer"),
            "{url}"
        );
    }
    assert_eq!(page_kind("/u/<img src=x>"), PageKind::Unknown);
    assert_eq!(
        page_kind(&format!("/u/{}", "a".repeat(5000))),
        PageKind::Unknown
    );
}

#[test]
fn project_pages_without_bids_read_as_unknown() {
    let html = fixture("profile-ssr-state.html");
    let url = "https://www.freelancer.com/projects/writing/grant-proposal-for-animal-rescue";
    let page = HtmlPage::parse(&html, Some(url));
    let (a, kind) = detect(Some(url), &page).unwrap();
    assert_eq!((a.id(), kind), ("freelancer", PageKind::Proposals));
    let ex = a.extract(&page, kind);
    assert_eq!(ex.profile, Profile::default());
    // A project page shows bids; this one (a profile saved under a project address) has none.
    assert_eq!(ex.missing, vec![hirecheck::model::Field::Bids]);
    assert_eq!(ex.bids, None);
    assert_eq!(ex.profile_key, None);
    let r = analyze(&html, Some(url));
    assert_eq!(r.risk.level, Level::Unknown);
}

#[test]
fn saved_pages_are_sniffed() {
    for (name, kind) in [
        ("profile-ssr-state.html", Some(PageKind::Profile)),
        ("profile-dom-2021.html", Some(PageKind::Profile)),
        ("profile-broken.html", Some(PageKind::Profile)),
        ("not-freelancer.html", None),
    ] {
        let page = HtmlPage::parse(&fixture(name), None);
        assert_eq!(Freelancer.sniff(&page), kind, "{name}");
        let found = detect(None, &page).map(|(a, k)| (a.id(), k));
        match kind {
            Some(k) => assert_eq!(found, Some(("freelancer", k)), "{name}"),
            None => assert!(found.is_none_or(|(id, _)| id != "freelancer"), "{name}"),
        }
    }
    // Freelancer.com's sniffer never claims the Upwork pages.
    for name in [
        "profile-nuxt-json.html",
        "profile-dom-only.html",
        "profile-dom-2023.html",
        "profile-broken.html",
        "not-upwork.html",
    ] {
        let page = HtmlPage::parse(&read(&format!("tests/fixtures/upwork/{name}")), None);
        assert_eq!(Freelancer.sniff(&page), None, "upwork/{name}");
    }
}

#[test]
fn the_state_of_another_profile_is_not_read() {
    // After in-place navigation the embedded state still describes the first profile opened.
    let html = fixture("profile-ssr-state.html");
    let ex = extract(&html, Some("https://www.freelancer.com/u/someone_else"));
    assert_eq!(ex.profile_key.as_deref(), Some("freelancer:someone_else"));
    for (f, s) in &ex.read_from {
        assert!(
            !s.contains("serverApp-state"),
            "{f:?} read from the state: {s}"
        );
    }
    assert_eq!(ex.profile.total_jobs, None);
    // Without an address, the head names the profile and the state matches it.
    let ex = extract(&html, None);
    assert_eq!(ex.profile_key.as_deref(), Some("freelancer:marent_edits"));
    assert!(src(&ex, Field::Name).starts_with("serverApp-state"));
}

#[test]
fn demo_pages_give_the_documented_verdicts() {
    let clean = read("www/freelancer/clean.html");
    let r = analyze(&clean, Some("https://www.freelancer.com/u/anjalik_design"));
    assert_eq!(r.site, Some("freelancer"));
    assert!(r.missing.is_empty(), "clean: {:?}", r.missing);
    assert_eq!(r.risk.level, Level::Low, "{:?}", fired(&r));
    assert_eq!(r.profile.hourly_rate, money(2000.0, "INR"));
    assert_eq!(r.profile.local_time, ClockTime::new(20, 12));
    assert_eq!(r.profile_key.as_deref(), Some("freelancer:anjalik_design"));

    let risky = read("www/freelancer/risky.html");
    for url in [Some("https://www.freelancer.com/u/oliverh_dev"), None] {
        let r = analyze(&risky, url);
        assert!(r.missing.is_empty(), "risky: {:?}", r.missing);
        assert_eq!(r.risk.level, Level::High);
        assert_eq!(
            fired(&r),
            vec![
                "feedback-name-mismatch",
                "local-time-mismatch",
                "review-burst"
            ]
        );
        assert_eq!(r.profile.hourly_rate, money(8.0, "GBP"));
        assert_eq!(r.profile.member_since, YearMonth::new(2025, 9));
        assert_eq!(r.profile.id_verified, Some(false));
        assert_eq!(r.profile.badges, Some(vec![]));
    }
}

#[test]
fn demo_pages_are_self_contained() {
    for file in ["freelancer/clean.html", "freelancer/risky.html"] {
        let html = read(&format!("www/{file}"));
        let lower = html.to_lowercase();
        for banned in [
            "<link",
            "src=\"http",
            "src='http",
            "url(http",
            "@import",
            "<iframe",
            "<object",
            "<embed",
            "srcset",
            " onload=",
            " onerror=",
            " onclick=",
        ] {
            assert!(!lower.contains(banned), "{file} contains {banned}");
        }
        // The only script is the inert JSON of Angular's TransferState.
        let page = HtmlPage::parse(&html, None);
        let scripts = page.select(None, "script");
        assert_eq!(scripts.len(), 1, "{file}");
        for s in scripts {
            assert!(page.attr(s, "src").is_none(), "{file}: external script");
            assert_eq!(
                page.attr(s, "type").as_deref(),
                Some("application/json"),
                "{file}: only data"
            );
            assert!(serde_json::from_str::<serde_json::Value>(&page.raw_text(s)).is_ok());
        }
    }
}

#[test]
fn name_swaps_keep_the_demo_verdicts() {
    // A small fairness check on this site's pages; tests/fairness.rs also swaps countries on every fixture it reads.
    let base = [
        ("www/freelancer/clean.html", "Anjali", Level::Low),
        ("www/freelancer/risky.html", "Oliver", Level::High),
    ];
    for (file, first, level) in base {
        let html = read(file);
        for other in ["Wei", "Oluwaseun", "María", "Mohammed", "Björn", "John"] {
            let swapped = html.replace(first, other);
            let r = analyze(&swapped, None);
            assert_eq!(r.risk.level, level, "{file} with {other}");
        }
    }
}

#[test]
fn hostile_input_never_panics_and_is_bounded() {
    let url = Some("https://www.freelancer.com/u/jdoe");
    // Wrong types everywhere in a matching user record.
    let state = r#"<script id="ng-state" type="application/json">{"x":{"b":{"result":{"users":{"1":{
        "username":"JDoe","display_name":["a"],"tagline":123,"hourly_rate":"lots","primary_currency":{"code":"<b>"},
        "registration_date":-99,"location":{"city":{},"country":"Narnia"},"status":{"identity_verified":"yes"},
        "badges":"none","profile_description":null,"reputation":{"entire_history":{"complete":1e308}}}},
        "reviews":[{"rating":1e308,"description":7,"to_user_id":1,"time_submitted":1e300,"paid_amount":-5,
        "currency":{"code":"US"}},{"rating":"9","description":"ok","review_context":{}},{"rating":"NaN","description":"not a review"}]}}}}</script>"#;
    let ex = extract(state, url);
    let p = &ex.profile;
    assert_eq!(p.name, None);
    assert_eq!(p.title, None);
    assert_eq!(p.hourly_rate, None);
    assert_eq!(p.member_since, None);
    assert_eq!(p.location, None);
    assert_eq!(p.id_verified, None);
    assert_eq!(p.total_jobs, None);
    let w = p.work_history.as_ref().unwrap();
    assert_eq!(w.len(), 2);
    assert!(w
        .iter()
        .all(|e| e.rating.is_none() && e.earnings.is_none() && e.end.is_none()));

    // Deeply nested and huge states.
    let deep = format!(
        "<script id=\"ng-state\" type=\"application/json\">{{\"a\":{}{}}}</script>",
        "[".repeat(50_000),
        "]".repeat(50_000)
    );
    let _ = extract(&deep, url);
    let many_users: String = (0..20_000)
        .map(|i| format!("\"{i}\":{{\"username\":\"u{i}\",\"display_name\":\"U {i}\"}}"))
        .collect::<Vec<_>>()
        .join(",");
    let big =
        format!("<script id=\"ng-state\" type=\"application/json\">{{{many_users}}}</script>");
    let ex = extract(&big, url);
    assert_eq!(ex.profile.name, None, "no user is jdoe");

    // Markup that lies: scripts and bidi overrides inside the name, a rate of 1e300, ten thousand review cards.
    let mut dom = String::from(
        "<app-user-profile-summary-name><fl-username><h3>Eve\u{202E}lin<script>alert(1)</script> A.</h3></fl-username>\
         </app-user-profile-summary-name><app-user-profile-summary-information><div class=\"NativeElement\">\
         $1e300 USD / hour</div><div class=\"NativeElement\">$99999999999 USD / hour</div></app-user-profile-summary-information>\
         <app-user-profile-summary-extra-info><fl-text>It's currently 99:99 PM here</fl-text><fl-text>Joined on Smarch 45, 20155</fl-text>\
         </app-user-profile-summary-extra-info><app-user-profile-reviews>",
    );
    for i in 0..10_000 {
        dom.push_str(&format!(
            "<fl-review-card><fl-link><a class=\"LinkElement\">Job {i}</a></fl-link><p>Thanks Eve</p></fl-review-card>"
        ));
    }
    dom.push_str("</app-user-profile-reviews>");
    let ex = extract(&dom, url);
    let p = &ex.profile;
    assert_eq!(p.name.as_deref(), Some("Evelin A."));
    assert_eq!(p.hourly_rate, None);
    assert_eq!(p.local_time, None);
    assert_eq!(p.member_since, None);
    assert!(p.work_history.as_ref().unwrap().len() <= 500);

    // Every prefix of every fixture, cut at odd places, on every page kind.
    for name in [
        "profile-ssr-state.html",
        "profile-dom-2021.html",
        "profile-broken.html",
        "not-freelancer.html",
    ] {
        let html = fixture(name);
        let mut cut = 0;
        while cut < html.len() {
            if html.is_char_boundary(cut) {
                let page = HtmlPage::parse(&html[..cut], url);
                for kind in [PageKind::Profile, PageKind::Proposals, PageKind::Unknown] {
                    let _ = Freelancer.extract(&page, kind);
                }
                let _ = Freelancer.sniff(&page);
            }
            cut += 997;
        }
    }
}

#[test]
fn a_clock_in_a_review_is_not_the_local_time() {
    // Without the extra-info block, only a text captioned like the site's clock counts.
    let html =
        "<app-user-profile><fl-review-card><fl-link><a class=\"LinkElement\">Job</a></fl-link>\
        <p>We are currently at 5:00 PM deadline, thanks</p></fl-review-card></app-user-profile>";
    let ex = extract(html, Some("https://www.freelancer.com/u/x_y"));
    assert_eq!(ex.profile.local_time, None);
    let with_caption = format!("{html}<div class=\"q1\">It’s currently 3:42 PM here</div>");
    let ex = extract(&with_caption, Some("https://www.freelancer.com/u/x_y"));
    assert_eq!(ex.profile.local_time, ClockTime::new(15, 42));
}
