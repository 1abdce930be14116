//! The Upwork adapter over saved pages: field-by-field expectations for each fixture, URL → page kind,
//! sniffing without an address, and hostile input.
//!
//! Country-code assertions (`country == Some("UA")` etc.) depend on `countries::iso2_from_name`; the
//! `__NUXT__` fixture carries the code itself, the DOM fixtures need the name table.

use hirecheck::model::{
    Availability, ClockTime, ContractKind, Date, Field, Language, Money, YearMonth,
};
use hirecheck::page::HtmlPage;
use hirecheck::sites::upwork::Upwork;
use hirecheck::sites::{detect, Adapter, Extraction, PageKind};

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/upwork/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn www(name: &str) -> String {
    let path = format!("{}/www/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn extract(html: &str, url: Option<&str>) -> Extraction {
    let page = HtmlPage::parse(html, url);
    Upwork.extract(&page, PageKind::Profile)
}

fn usd(amount: f64) -> Option<Money> {
    Some(Money {
        amount,
        currency: "USD".into(),
    })
}

fn lang(name: &str, level: &str) -> Language {
    Language {
        name: name.into(),
        level: Some(level.into()),
    }
}

fn src(ex: &Extraction, f: Field) -> &str {
    ex.read_from.get(&f).map(String::as_str).unwrap_or("<none>")
}

/// Every field a profile shows either has a value and a source, or is listed missing.
fn consistent(ex: &Extraction) {
    for &f in Upwork.expected_fields(PageKind::Profile) {
        let has = ex.profile.has(f);
        assert_eq!(
            has,
            ex.read_from.contains_key(&f),
            "{f:?}: value and source must go together"
        );
        assert_eq!(!has, ex.missing.contains(&f), "{f:?}: missing iff not read");
    }
}

#[test]
fn nuxt_json_fixture_reads_everything_from_the_store() {
    let ex = extract(
        &fixture("profile-nuxt-json.html"),
        Some("https://www.upwork.com/freelancers/~01f4c2a9d8e7b6a5c4"),
    );
    consistent(&ex);
    let p = &ex.profile;
    assert_eq!(ex.missing, vec![], "17 of 17");
    assert_eq!(
        ex.profile_key.as_deref(),
        Some("upwork:~01f4c2a9d8e7b6a5c4")
    );
    assert_eq!(p.name.as_deref(), Some("Olena K."));
    assert_eq!(
        src(&ex, Field::Name),
        "__NUXT__ state.profileViewer.profile.profile.name"
    );
    assert_eq!(
        p.title.as_deref(),
        Some("Full-Stack Developer | React, Node.js, PostgreSQL")
    );
    assert_eq!(p.hourly_rate, usd(45.0));
    assert_eq!(
        src(&ex, Field::HourlyRate),
        "__NUXT__ state.profileViewer.profile.stats.hourlyRate"
    );
    let loc = p.location.as_ref().unwrap();
    assert_eq!(
        (
            loc.city.as_deref(),
            loc.country_name.as_deref(),
            loc.country.as_deref()
        ),
        (Some("Lviv"), Some("Ukraine"), Some("UA"))
    );
    assert_eq!(
        src(&ex, Field::Location),
        "__NUXT__ state.profileViewer.profile.location"
    );
    // The store has no clock; the rendered location line does.
    assert_eq!(p.local_time, ClockTime::new(16, 42));
    assert_eq!(
        src(&ex, Field::LocalTime),
        "#location-time-vertical .flex-shrink-0 span"
    );
    assert_eq!(p.job_success, Some(97));
    assert_eq!(p.badges, Some(vec!["Top Rated".to_string()]));
    assert_eq!(p.total_earnings, usd(84250.5));
    assert_eq!(p.total_jobs, Some(38));
    assert_eq!(
        src(&ex, Field::TotalJobs),
        "__NUXT__ state.profileViewer.profile.stats.totalJobsWorked"
    );
    assert_eq!(p.total_hours, Some(3120.5));
    assert_eq!(p.hours_per_week, Some(Availability::MoreThan30));
    assert_eq!(p.member_since, YearMonth::new(2017, 3));
    assert_eq!(
        p.languages,
        Some(vec![
            lang("English", "Fluent"),
            lang("Ukrainian", "Native or Bilingual")
        ])
    );
    assert_eq!(p.id_verified, Some(true));
    assert_eq!(
        src(&ex, Field::IdVerified),
        "__NUXT__ state.profileViewer.profile.identity.idBadgeStatus"
    );

    let w = p.work_history.as_ref().unwrap();
    assert_eq!(
        src(&ex, Field::WorkHistory),
        "__NUXT__ state.profileViewer.profile.assignments"
    );
    assert_eq!(w.len(), 3, "employment history is not work history");
    assert_eq!(
        w[0].title.as_deref(),
        Some("React dashboard for a logistics startup")
    );
    assert_eq!(
        (w[0].start, w[0].end, w[0].ongoing),
        (Date::new(2026, 6, 2), None, true)
    );
    assert_eq!(
        (w[0].kind, w[0].hours, w[0].rate.clone()),
        (Some(ContractKind::Hourly), Some(412.5), usd(45.0))
    );
    assert_eq!(w[0].feedback, None);
    assert_eq!(w[1].kind, Some(ContractKind::FixedPrice));
    assert_eq!(
        (w[1].hours, w[1].rate.clone(), w[1].earnings.clone()),
        (None, None, usd(6400.0))
    );
    assert_eq!(w[1].rating, Some(5.0));
    assert_eq!(
        w[1].feedback.as_deref(),
        Some("Olena was fantastic — clear communication and the migration went without a hitch."),
        "the client's words, not the freelancer's feedbackGiven"
    );
    assert_eq!(
        (w[2].start, w[2].end, w[2].ongoing),
        (Date::new(2025, 11, 3), Date::new(2026, 2, 13), false)
    );
    assert_eq!((w[2].hours, w[2].rating), (Some(186.0), Some(4.75)));

    assert_eq!(
        p.overview.as_deref(),
        Some("I build and maintain web products end to end. React, Next.js and Node.js on the front, PostgreSQL and Redis behind.")
    );
    assert_eq!(
        src(&ex, Field::Overview),
        "__NUXT__ state.profileViewer.profile.profile.description"
    );
    // The demo address from a portfolio description (tracking parameter dropped) and the domain an employment
    // entry names; not the thumbnail on Upwork's storage, the cover image, or the link back to the profile.
    // "Next.js" and "Node.js" are not sites.
    assert_eq!(
        p.links,
        Some(vec![
            "https://fleet.example.org/demo".to_string(),
            "outsourcing.example.com".to_string()
        ])
    );
    assert!(
        src(&ex, Field::Links).starts_with("__NUXT__ state.profileViewer.profile.profile.description; __NUXT__ state.profileViewer.profile.portfolios;"),
        "{}",
        src(&ex, Field::Links)
    );
}

#[test]
fn a_store_left_over_from_another_profile_is_ignored() {
    // After client-side navigation the page's address is another profile than the one the store describes.
    let ex = extract(
        &fixture("profile-nuxt-json.html"),
        Some("https://www.upwork.com/freelancers/~01ffffffffffffffff"),
    );
    assert_eq!(src(&ex, Field::Name), "meta[property=og:title]");
    assert_eq!(ex.profile.work_history, None);
    assert!(
        ex.read_from.values().all(|s| !s.starts_with("__NUXT__")),
        "{:?}",
        ex.read_from
    );
    // Query strings and trailing slashes do not matter.
    let ex = extract(
        &fixture("profile-nuxt-json.html"),
        Some("https://www.upwork.com/freelancers/~01F4C2A9D8E7B6A5C4/?p=123"),
    );
    assert_eq!(
        src(&ex, Field::Name),
        "__NUXT__ state.profileViewer.profile.profile.name"
    );
}

#[test]
fn dom_only_fixture_reads_the_current_layout() {
    let ex = extract(&fixture("profile-dom-only.html"), None);
    consistent(&ex);
    let p = &ex.profile;
    assert_eq!(ex.missing, vec![], "17 of 17");
    assert_eq!(
        ex.profile_key.as_deref(),
        Some("upwork:~01b7e3c9a2d4f6e8a1"),
        "from the canonical link"
    );
    assert_eq!(p.name.as_deref(), Some("Marta K."));
    assert_eq!(
        src(&ex, Field::Name),
        ".onboarding-target-profile-identity [itemprop=name]"
    );
    assert_eq!(
        p.title.as_deref(),
        Some("Senior Backend Engineer (Go, PostgreSQL, AWS)")
    );
    assert_eq!(src(&ex, Field::Title), ".title-vertical");
    assert_eq!(p.hourly_rate, usd(55.0));
    assert_eq!(
        src(&ex, Field::HourlyRate),
        "#hor-anc-id-about .overview-card .text-base-sm"
    );
    let loc = p.location.as_ref().unwrap();
    assert_eq!(
        (loc.city.as_deref(), loc.country_name.as_deref()),
        (Some("Kraków"), Some("Poland"))
    );
    assert_eq!(
        src(&ex, Field::Location),
        "#location-time-vertical [itemprop=country-name]"
    );
    assert_eq!(p.local_time, ClockTime::new(15, 42));
    assert_eq!(p.job_success, Some(94));
    assert_eq!(src(&ex, Field::JobSuccess), ".cfe-ui-profile-job-success");
    assert_eq!(
        p.badges,
        Some(vec!["Top Rated Plus".to_string()]),
        "not the explainer popover text"
    );
    assert_eq!(
        src(&ex, Field::Badges),
        ".vetted-rated-badges .air3-badge-tagline"
    );
    assert_eq!(
        p.total_earnings,
        usd(200_000.0),
        "\"$200K+\" is a lower bound"
    );
    assert_eq!(p.total_jobs, Some(61));
    assert_eq!(p.total_hours, Some(4318.0));
    assert_eq!(
        src(&ex, Field::TotalHours),
        ".air3-grid-container .air3-card.bg-muted-light \"Total hours\""
    );
    assert_eq!(p.hours_per_week, Some(Availability::MoreThan30));
    assert_eq!(
        src(&ex, Field::HoursPerWeek),
        ".air3-card-section captioned \"Hours per week\""
    );
    assert_eq!(p.member_since, YearMonth::new(2019, 5));
    assert_eq!(
        p.languages,
        Some(vec![
            lang("English", "Fluent"),
            lang("Polish", "Native or Bilingual"),
            lang("German", "Conversational")
        ])
    );
    assert_eq!(p.id_verified, Some(true));

    let w = p.work_history.as_ref().unwrap();
    assert_eq!(
        src(&ex, Field::WorkHistory),
        "#hor-anc-id-work-history .assignments-item"
    );
    assert_eq!(w.len(), 3);
    assert_eq!(
        w[0].title.as_deref(),
        Some("Payment reconciliation service in Go")
    );
    assert_eq!(
        (w[0].start, w[0].end, w[0].ongoing),
        (Date::new(2026, 8, 5), Date::new(2026, 10, 21), false)
    );
    assert_eq!(
        (
            w[0].kind,
            w[0].hours,
            w[0].rate.clone(),
            w[0].earnings.clone()
        ),
        (
            Some(ContractKind::Hourly),
            Some(140.0),
            usd(55.0),
            usd(7700.0)
        )
    );
    assert_eq!(w[0].rating, Some(5.0));
    assert!(w[0]
        .feedback
        .as_deref()
        .is_some_and(|f| f.starts_with("Marta is an outstanding engineer.")));
    assert_eq!(
        (w[1].kind, w[1].hours, w[1].earnings.clone(), w[1].rating),
        (Some(ContractKind::FixedPrice), None, usd(2400.0), Some(4.9))
    );
    assert_eq!(w[2].feedback, None, "\"No feedback given\" is not feedback");
    assert_eq!(w[2].hours, Some(212.0));

    assert_eq!(
        p.overview.as_deref(),
        Some("I design and run payment and data backends in Go. Nine years in fintech, AWS certified. Write-ups: Marta.Example.org")
    );
    assert_eq!(
        src(&ex, Field::Overview),
        "#hor-anc-id-about [data-test=\"truncation-text-by-chars\"] > span:first-child"
    );
    // The project viewer's link (tracking and fragment dropped, host lower-cased), the linked GitHub account,
    // the domain and address an employment entry names, the domain written in the overview. Not the nav and
    // footer links, not Upwork's own, not "javascript:", and not "demo.example.net" again from the link's text.
    assert_eq!(
        p.links,
        Some(
            [
                "https://demo.example.net/ledger?id=7",
                "https://github.com/marta-k-dev",
                "payments.example.com",
                "jobs@payments.example.com",
                "marta.example.org",
            ]
            .map(String::from)
            .to_vec()
        )
    );
    assert!(
        src(&ex, Field::Links).starts_with("a[href] and text in #hor-anc-id-portfolio;"),
        "{}",
        src(&ex, Field::Links)
    );
}

#[test]
fn dom_2023_fixture_uses_the_older_selectors_and_fallbacks() {
    let ex = extract(&fixture("profile-dom-2023.html"), None);
    consistent(&ex);
    let p = &ex.profile;
    assert_eq!(
        ex.missing,
        vec![Field::MemberSince, Field::IdVerified],
        "15 of 17"
    );
    assert_eq!(ex.profile_key, None, "the saved page names no address");
    assert_eq!(
        p.overview.as_deref(),
        Some("Android and cross-platform apps since 2018. Clean architecture, tests, store releases.")
    );
    assert_eq!(
        src(&ex, Field::Overview),
        ".up-line-clamp-v2 .text-pre-line"
    );
    assert_eq!(
        p.links,
        Some(vec![]),
        "sections read, no link in them: none, not unknown"
    );
    assert_eq!(p.name.as_deref(), Some("Tiago F."));
    assert_eq!(src(&ex, Field::Name), "[itemprop=name]");
    assert_eq!(
        p.title.as_deref(),
        Some("Mobile Developer — Flutter & Kotlin")
    );
    assert_eq!(src(&ex, Field::Title), "h2.mb-0.h4");
    assert_eq!(p.hourly_rate, usd(38.0));
    assert_eq!(src(&ex, Field::HourlyRate), "h3.my-6x.h5");
    let loc = p.location.as_ref().unwrap();
    assert_eq!(
        (loc.city.as_deref(), loc.country_name.as_deref()),
        (Some("Porto"), Some("Portugal"))
    );
    assert_eq!(p.local_time, ClockTime::new(14, 42));
    assert_eq!(src(&ex, Field::LocalTime), "span with \"… local time\"");
    assert_eq!(p.job_success, Some(92));
    assert_eq!(
        src(&ex, Field::JobSuccess),
        ".cfe-ui-profile-job-success [class*=\"air3-progress-circle-\"] (class)"
    );
    assert_eq!(p.badges, Some(vec!["Rising Talent".to_string()]));
    assert_eq!(
        src(&ex, Field::Badges),
        ".identity-badges-container .air3-badge-tagline"
    );
    // Stats out of order, matched by caption.
    assert_eq!(p.total_hours, Some(1847.0));
    assert_eq!(p.total_earnings, usd(40_000.0));
    assert_eq!(p.total_jobs, Some(27));
    assert_eq!(
        src(&ex, Field::TotalJobs),
        ".cfe-ui-profile-summary-stats .col-compact \"Total jobs\""
    );
    assert_eq!(p.hours_per_week, Some(Availability::LessThan30));
    assert_eq!(p.languages.as_ref().map(Vec::len), Some(3));

    let w = p.work_history.as_ref().unwrap();
    assert_eq!(
        src(&ex, Field::WorkHistory),
        ".work-history-section .assignments-item"
    );
    assert_eq!(w.len(), 3);
    assert_eq!(
        w[0].title.as_deref(),
        Some("Flutter app for a gym booking startup")
    );
    assert_eq!(
        (w[0].start, w[0].end),
        (Date::new(2023, 3, 6), Date::new(2023, 5, 19))
    );
    assert_eq!(
        (
            w[0].kind,
            w[0].hours,
            w[0].rate.clone(),
            w[0].earnings.clone()
        ),
        (
            Some(ContractKind::Hourly),
            Some(80.0),
            usd(38.0),
            usd(3040.0)
        )
    );
    assert_eq!(w[0].rating, Some(4.8));
    assert_eq!(
        w[0].feedback.as_deref(),
        Some("Tiago shipped the app a week early. Would hire again.")
    );
    assert_eq!(
        (w[1].kind, w[1].hours, w[1].earnings.clone()),
        (Some(ContractKind::FixedPrice), None, usd(1500.0))
    );
    assert_eq!(
        (w[2].start, w[2].end, w[2].ongoing),
        (Date::new(2023, 7, 3), None, true)
    );
    assert_eq!(
        (
            w[2].hours,
            w[2].rate.clone(),
            w[2].rating,
            w[2].feedback.clone()
        ),
        (Some(41.0), usd(36.0), None, None)
    );
}

#[test]
fn broken_fixture_reads_only_what_survived() {
    let ex = extract(&fixture("profile-broken.html"), None);
    consistent(&ex);
    assert_eq!(ex.profile.name.as_deref(), Some("Tomás R."));
    assert_eq!(src(&ex, Field::Name), "meta[property=og:title]");
    assert_eq!(ex.profile.hourly_rate, usd(28.0));
    assert_eq!(src(&ex, Field::HourlyRate), "\"$…/hr\" text in body");
    let read: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| ex.profile.has(*f))
        .collect();
    assert_eq!(
        read,
        vec![Field::Name, Field::HourlyRate],
        "2 of 17; nothing guessed"
    );
    assert_eq!(ex.missing.len(), 15);
    assert_eq!(
        ex.profile.links, None,
        "no profile section read: unknown, not none"
    );
    assert_eq!(
        ex.profile_key.as_deref(),
        Some("upwork:~01d2e3f4a5b6c7d8e9")
    );
}

#[test]
fn country_codes_come_from_country_names() {
    // Needs countries::iso2_from_name (may fail while that module is a stub).
    for (file, code) in [
        ("profile-dom-only.html", "PL"),
        ("profile-dom-2023.html", "PT"),
    ] {
        let ex = extract(&fixture(file), None);
        assert_eq!(
            ex.profile.location.and_then(|l| l.country).as_deref(),
            Some(code),
            "{file}"
        );
    }
}

#[test]
fn sniffs_saved_pages_without_an_address() {
    for (file, kind) in [
        ("profile-nuxt-json.html", Some(PageKind::Profile)),
        ("profile-dom-only.html", Some(PageKind::Profile)),
        ("profile-dom-2023.html", Some(PageKind::Profile)),
        ("profile-broken.html", Some(PageKind::Profile)),
        ("not-upwork.html", None),
    ] {
        let page = HtmlPage::parse(&fixture(file), None);
        assert_eq!(Upwork.sniff(&page), kind, "{file}");
        assert_eq!(
            detect(None, &page).map(|(a, k)| (a.id(), k)),
            kind.map(|k| ("upwork", k)),
            "{file}"
        );
    }
    // Each marker alone is enough.
    for html in [
        r#"<head><meta property="og:url" content="https://www.upwork.com/freelancers/~01abc"></head>"#,
        r#"<head><link rel="canonical" href="https://www.upwork.com/fl/janedoe"></head>"#,
        "<title>Jane D. - Designer - Upwork Freelancer from Oslo, Norway</title>",
        r#"<div data-qa-profile-viewer-uid="123"></div>"#,
        r#"<div class="cfe-ui-profile-photo"></div>"#,
    ] {
        assert_eq!(
            Upwork.sniff(&HtmlPage::parse(html, None)),
            Some(PageKind::Profile),
            "{html}"
        );
    }
    let diary = HtmlPage::parse(
        r#"<link rel="canonical" href="https://www.upwork.com/nx/wm/workroom/123/timesheet">"#,
        None,
    );
    assert_eq!(Upwork.sniff(&diary), Some(PageKind::WorkDiary));
    for html in [
        "",
        "<p>Upwork</p>",
        r#"<link rel="canonical" href="https://example.com/freelancers/~01abc">"#,
    ] {
        assert_eq!(Upwork.sniff(&HtmlPage::parse(html, None)), None, "{html}");
    }
}

#[test]
fn page_kinds_by_url() {
    let table = [
        ("https://www.upwork.com/freelancers/~01a1b2c3d4e5f6a7b8", PageKind::Profile),
        ("https://www.upwork.com/freelancers/~01a1b2c3d4e5f6clean", PageKind::Profile),
        ("https://www.upwork.com/freelancers/~01a1b2c3d4e5f6a7b8?p=1792837465019283746", PageKind::Profile),
        ("https://upwork.com/freelancers/janedoe", PageKind::Profile),
        ("https://www.upwork.com/fl/janedoe", PageKind::Profile),
        ("https://www.upwork.com/freelancers/", PageKind::Unknown),
        ("https://www.upwork.com/ab/applicants/1792837465019283746/applicants", PageKind::Proposals),
        ("https://www.upwork.com/ab/applicants/1792837465019283746/job-details", PageKind::Proposals),
        ("https://www.upwork.com/nx/wm/workroom/38214567/timesheet?timesheetDate=2026-11-23&workdiaryDate=2026-11-24", PageKind::WorkDiary),
        ("https://www.upwork.com/nx/wm/workroom/38214567/messages", PageKind::Messages),
        ("https://www.upwork.com/ab/messages/rooms/room_0123abcd", PageKind::Messages),
        ("https://www.upwork.com/nx/find-work/best-matches", PageKind::Unknown),
        ("https://www.upwork.com/", PageKind::Unknown),
    ];
    let page = HtmlPage::parse("", None);
    for (url, kind) in table {
        let (adapter, got) =
            detect(Some(url), &page).unwrap_or_else(|| panic!("{url} not detected"));
        assert_eq!((adapter.id(), got), ("upwork", kind), "{url}");
    }
    assert!(detect(Some("https://www.example.com/freelancers/~01abc"), &page).is_none());
    assert_eq!(Upwork.expected_fields(PageKind::Profile).len(), 17);
    for kind in [
        PageKind::Proposals,
        PageKind::WorkDiary,
        PageKind::Messages,
        PageKind::Unknown,
    ] {
        // These kinds read their own lists (bids, diary, messages), never a profile's fields; a
        // messages page also names the other party.
        assert!(
            Upwork.expected_fields(kind).iter().all(|f| matches!(
                f,
                Field::Bids | Field::Diary | Field::Messages
            ) || (kind == PageKind::Messages
                && *f == Field::Name)),
            "{kind:?}"
        );
        let ex = Upwork.extract(
            &HtmlPage::parse(&fixture("profile-dom-only.html"), None),
            kind,
        );
        assert_eq!(
            ex.profile,
            hirecheck::model::Profile::default(),
            "only profiles are read: {kind:?}"
        );
        assert_eq!(ex.bids.as_ref().map_or(0, Vec::len), 0, "{kind:?}");
        assert_eq!(ex.profile_key, None, "{kind:?}");
    }
}

// ---- Hostile and odd input ----

#[test]
fn markup_in_names_stays_plain_text() {
    // Escaped in an attribute: the name IS that text, to be shown escaped, never interpreted.
    let ex = extract(
        r#"<meta property="og:title" content="&lt;script&gt;alert(1)&lt;/script&gt; Eve">"#,
        None,
    );
    assert_eq!(
        ex.profile.name.as_deref(),
        Some("<script>alert(1)</script> Eve")
    );
    // A real script element inside the heading is not part of the visible name.
    let ex = extract(
        r#"<h2 itemprop="name">Mallory<script>document.title='pwned'</script> Q.<style>h2{}</style></h2>"#,
        None,
    );
    assert_eq!(ex.profile.name.as_deref(), Some("Mallory Q."));
    // In the store, devalue escapes "<" as \u003C.
    let ex = extract(
        r#"<script>window.__NUXT__={state:{profile:{profile:{profile:{name:"\u003Cimg src=x onerror=alert(1)\u003E",title:"a\u202Eb"},stats:{}}}}}</script>"#,
        None,
    );
    assert_eq!(
        ex.profile.name.as_deref(),
        Some("<img src=x onerror=alert(1)>")
    );
    assert_eq!(
        ex.profile.title.as_deref(),
        Some("ab"),
        "bidi overrides are dropped"
    );
    // Absurdly long names are cut.
    let long = format!(
        r#"<meta property="og:title" content="{}">"#,
        "A".repeat(10_000)
    );
    assert_eq!(
        extract(&long, None).profile.name.map(|n| n.chars().count()),
        Some(120)
    );
}

#[test]
fn absurd_numbers_are_rejected() {
    let store = r#"<script>window.__NUXT__={state:{profile:{profile:{profile:{name:"X"},stats:{
        hourlyRate:{currencyCode:"USD",amount:1e300},totalHours:-50,totalJobsWorked:1e12,nSS100BwScore:250,
        totalEarnings:-5,memberSince:"yesterday"},
        assignments:[{title:"t",startedOn:"2026-01-01",totalHours:-3,hourlyRate:{currencyCode:"USD",amount:-1},feedback:{score:99,comment:""}}]}}}}</script>"#;
    let ex = extract(store, None);
    consistent(&ex);
    let p = &ex.profile;
    assert_eq!(
        (
            p.hourly_rate.clone(),
            p.total_hours,
            p.total_jobs,
            p.job_success
        ),
        (None, None, None, None)
    );
    assert_eq!((p.total_earnings.clone(), p.member_since), (None, None));
    let w = &p.work_history.as_ref().unwrap()[0];
    assert_eq!(
        (w.hours, w.rate.clone(), w.rating, w.feedback.clone()),
        (None, None, None, None)
    );

    let dom = r#"<section id="hor-anc-id-about"><div class="overview-card"><div class="text-base-sm">$1e300/hr</div></div></section>
        <div class="cfe-ui-profile-summary-stats">
          <div class="col-compact"><div class="stat-amount">-5</div>Total hours</div>
          <div class="col-compact"><div class="stat-amount">99,999,999,999,999</div>Total jobs</div>
          <div class="col-compact"><div class="stat-amount">$9,999,999,999,999,999</div>Total earnings</div>
        </div>
        <div class="cfe-ui-profile-job-success">250% Job Success</div>
        <div id="location-time-vertical">Nowhere – 27:99 pm local time</div>"#;
    let ex = extract(dom, None);
    consistent(&ex);
    let p = &ex.profile;
    assert_eq!(
        (
            p.hourly_rate.clone(),
            p.total_hours,
            p.total_jobs,
            p.total_earnings.clone()
        ),
        (None, None, None, None)
    );
    assert_eq!((p.job_success, p.local_time), (None, None));
}

#[test]
fn broken_or_hostile_nuxt_falls_back_quietly() {
    let meta = r#"<meta property="og:title" content="Fallback F."><meta property="product:price:amount" content="30">"#;
    let deep = format!(
        "{meta}<script>window.__NUXT__={}1{}</script>",
        "[".repeat(200_000),
        "]".repeat(200_000)
    );
    let garbage = format!("{meta}<script>window.__NUXT__=}}{{(function(a{{return a}}(;</script>");
    let bomb = {
        let mut s = String::from("(function(a){");
        for _ in 0..60 {
            s.push_str("a=[a,a,a,a];");
        }
        s.push_str(
            "return {state:{profile:{profile:{profile:{name:\"Bomb\"},stats:{},x:a}}}}}([1]))",
        );
        format!("{meta}<script>window.__NUXT__={s}</script>")
    };
    let unterminated =
        format!("{meta}<script>window.__NUXT__={{state:{{profile:\"never closed</script>");
    for html in [deep, garbage, bomb, unterminated] {
        let started = std::time::Instant::now();
        let ex = extract(&html, None);
        assert_eq!(ex.profile.name.as_deref(), Some("Fallback F."));
        assert_eq!(ex.profile.hourly_rate, usd(30.0));
        assert!(started.elapsed().as_secs() < 20, "bounded work");
    }
}

#[test]
fn list_sizes_are_capped() {
    let item = r#"<div class="assignments-item"><h5>Job</h5><span class="assignments-item-dynamic-meta">Aug 5, 2026 - Aug 21, 2026</span></div>"#;
    let html = format!(
        r#"<section id="hor-anc-id-work-history">{}</section>"#,
        item.repeat(2_000)
    );
    let ex = extract(&html, None);
    assert_eq!(ex.profile.work_history.map(|w| w.len()), Some(500));

    let list: Vec<String> = (0..2_000)
        .map(|i| format!(r#"{{id:"{i}",title:"t",startedOn:"2026-01-01",totalHours:1}}"#))
        .collect();
    let list = list.join(",");
    let html = format!("<script>window.__NUXT__={{state:{{profile:{{profile:{{profile:{{name:\"N\"}},stats:{{}},assignments:[{list}]}}}}}}}}</script>");
    let ex = extract(&html, None);
    assert_eq!(ex.profile.work_history.map(|w| w.len()), Some(500));
}

#[test]
fn title_never_picks_up_the_name_and_badges_never_come_from_body_text() {
    // The documented bug: plain `.air3-card-section h2` is the name.
    let html = r#"<meta property="og:title" content="Ana P."><section class="air3-card-section"><h2>Ana P.</h2></section>
        <section class="air3-card-section"><h2>Work history</h2></section>
        <section class="air3-card-section"><h2>Portfolio (6)</h2></section>
        <p>Top Rated Plus talent is highly rated and have a proven track record.</p>"#;
    let ex = extract(html, None);
    assert_eq!(ex.profile.title, None);
    assert_eq!(ex.profile.badges, None);
    let html = r#"<section class="air3-card-section"><h2 itemprop="name">Ana P.</h2><h2>UX Researcher</h2></section>
        <div class="vetted-rated-badges"></div>"#;
    let ex = extract(html, None);
    assert_eq!(ex.profile.title.as_deref(), Some("UX Researcher"));
    assert_eq!(
        src(&ex, Field::Title),
        ".air3-card-section h2:not([itemprop=name])"
    );
    assert_eq!(
        ex.profile.badges,
        Some(vec![]),
        "an empty badge block means no badges"
    );
}

#[test]
fn meta_and_title_sources() {
    let html = r#"<title>Ana P. - UX Researcher - Mixed Methods - Upwork Freelancer from Oslo, Norway</title>
        <meta name="description" content="Ana P. has completed 26 jobs on Upwork.">
        <meta property="og:description" content="UX Researcher - Mixed Methods">
        <meta property="product:price:amount" content="62.50"><meta property="product:price:currency" content="EUR">"#;
    let ex = extract(html, None);
    consistent(&ex);
    let p = &ex.profile;
    assert_eq!(p.name.as_deref(), Some("Ana P."));
    assert_eq!(src(&ex, Field::Name), "<title>");
    assert_eq!(p.title.as_deref(), Some("UX Researcher - Mixed Methods"));
    assert_eq!(src(&ex, Field::Title), "meta[property=og:description]");
    assert_eq!(
        p.hourly_rate,
        Some(Money {
            amount: 62.5,
            currency: "EUR".into()
        })
    );
    assert_eq!(p.total_jobs, Some(26));
    assert_eq!(src(&ex, Field::TotalJobs), "meta[name=description]");
    let loc = p.location.as_ref().unwrap();
    assert_eq!(
        (loc.city.as_deref(), loc.country_name.as_deref()),
        (Some("Oslo"), Some("Norway"))
    );
}

// ---- The demo pages in www/ ----

#[test]
fn demo_pages_read_as_documented() {
    let clean = extract(
        &www("upwork/clean.html"),
        Some("https://www.upwork.com/freelancers/~01a1b2c3d4e5f6clean"),
    );
    consistent(&clean);
    assert_eq!(clean.missing, vec![]);
    let p = &clean.profile;
    assert_eq!(p.name.as_deref(), Some("Valentina R."));
    assert_eq!(p.local_time, ClockTime::new(11, 42));
    assert_eq!(
        p.location.as_ref().and_then(|l| l.country_name.as_deref()),
        Some("Argentina")
    );
    assert!(p.work_history.as_ref().unwrap().iter().any(|w| w
        .feedback
        .as_deref()
        .is_some_and(|f| f.contains("Valentina"))));

    let risky = extract(
        &www("upwork/risky.html"),
        Some("https://www.upwork.com/freelancers/~01a1b2c3d4e5f6risky"),
    );
    consistent(&risky);
    assert_eq!(risky.missing, vec![]);
    let p = &risky.profile;
    assert_eq!(p.name.as_deref(), Some("Lukas M."));
    assert_eq!(
        p.location.as_ref().and_then(|l| l.country_name.as_deref()),
        Some("Germany")
    );
    assert_eq!(
        p.local_time,
        ClockTime::new(23, 42),
        "UTC+9 at 14:42Z, not Berlin's 15:42"
    );
    assert_eq!(p.hourly_rate, usd(35.0));
    assert_eq!(p.total_hours, Some(6012.0));
    assert_eq!(p.job_success, Some(100));
    assert_eq!(p.badges, Some(vec!["Top Rated Plus".to_string()]));
    assert_eq!(p.member_since, YearMonth::new(2024, 10));
    let w = p.work_history.as_ref().unwrap();
    let hourly_ongoing_or_overlapping = w
        .iter()
        .filter(|e| e.kind == Some(ContractKind::Hourly) && e.start >= Date::new(2026, 3, 1))
        .count();
    assert!(hourly_ongoing_or_overlapping >= 3, "{w:?}");
    assert!(w
        .iter()
        .any(|e| e.feedback.as_deref().is_some_and(|f| f.contains("Wei"))));
    // Two portfolio demos on free hosts and an employer whose domain the US seized in 2024.
    assert_eq!(
        p.links,
        Some(
            [
                "https://fintech-dash-demo.netlify.app/",
                "https://solana-nft-market-demo.vercel.app/",
                "wkjllc.com",
            ]
            .map(String::from)
            .to_vec()
        )
    );
    assert!(p
        .overview
        .as_deref()
        .is_some_and(|o| o.starts_with("Senior full-stack engineer")));
    assert_eq!(
        clean.profile.links,
        Some(
            [
                "https://valentina-r.design/work/analytics-design-system",
                "https://github.com/valentina-r-design",
            ]
            .map(String::from)
            .to_vec()
        )
    );
    assert_eq!(
        (clean.profile_key.as_deref(), risky.profile_key.as_deref()),
        (
            Some("upwork:~01a1b2c3d4e5f6clean"),
            Some("upwork:~01a1b2c3d4e5f6risky")
        )
    );

    let broken = extract(
        &www("upwork/broken.html"),
        Some("https://www.upwork.com/freelancers/~01a1b2c3d4e5f6broken"),
    );
    consistent(&broken);
    let read: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| broken.profile.has(*f))
        .collect();
    assert_eq!(read, vec![Field::Name, Field::HourlyRate]);
    assert_eq!(broken.missing.len(), 15, "2 of 17");

    // Routes point at files that exist.
    let routes: serde_json::Value = serde_json::from_str(&www("routes.json")).unwrap();
    for (path, entry) in routes.as_object().unwrap() {
        let file = entry
            .as_str()
            .or_else(|| entry.get("file").and_then(|f| f.as_str()))
            .unwrap();
        assert!(
            std::path::Path::new(&format!("{}/www/{file}", env!("CARGO_MANIFEST_DIR"))).is_file(),
            "{path} → {file}"
        );
    }
}

#[test]
fn demo_pages_are_self_contained() {
    for file in [
        "index.html",
        "upwork/clean.html",
        "upwork/risky.html",
        "upwork/broken.html",
    ] {
        let html = www(file);
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
        ] {
            assert!(!lower.contains(banned), "{file} contains {banned}");
        }
        // The only script allowed is the inert __NUXT__ data assignment.
        let page = HtmlPage::parse(&html, None);
        use hirecheck::page::Page;
        for s in page.select(None, "script") {
            assert!(page.attr(s, "src").is_none(), "{file}: external script");
            let text = page.raw_text(s);
            assert!(
                text.trim_start().starts_with("window.__NUXT__="),
                "{file}: only the __NUXT__ data script"
            );
        }
        assert!(
            !lower.contains(" onload=")
                && !lower.contains(" onerror=")
                && !lower.contains(" onclick="),
            "{file}: inline handlers"
        );
    }
}

#[test]
fn json_ld_person_is_read() {
    let html = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
        {"@type":"Person","name":"Ines V.","jobTitle":"Translator","address":{"@type":"PostalAddress","addressLocality":"Porto","addressCountry":"PT"}}]}</script>"#;
    let ex = extract(html, None);
    assert_eq!(ex.profile.name.as_deref(), Some("Ines V."));
    assert_eq!(
        src(&ex, Field::Name),
        "script[type=application/ld+json] Person.name"
    );
    assert_eq!(ex.profile.title.as_deref(), Some("Translator"));
    let loc = ex.profile.location.unwrap();
    assert_eq!(
        (loc.city.as_deref(), loc.country.as_deref()),
        (Some("Porto"), Some("PT"))
    );
    // Broken JSON-LD is skipped.
    let ex = extract(
        r#"<script type="application/ld+json">{"@type":"Person","name":</script>"#,
        None,
    );
    assert_eq!(ex.profile.name, None);
}

#[test]
fn damaged_fixtures_never_panic() {
    // Cut each fixture at many points and corrupt bytes: the adapter must return, never panic.
    for file in [
        "profile-nuxt-json.html",
        "profile-dom-only.html",
        "profile-dom-2023.html",
        "profile-broken.html",
        "not-upwork.html",
    ] {
        let html = fixture(file);
        let bytes = html.as_bytes();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for k in 1..=40 {
            let mut cut = bytes.len() * k / 41;
            while !html.is_char_boundary(cut) {
                cut -= 1;
            }
            let _ = extract(&html[..cut], None);
            let mut mutated = bytes.to_vec();
            for _ in 0..20 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let at = (seed >> 33) as usize % mutated.len();
                const ALPHABET: &[u8] = b"<>{}[]()\"',:;=-0123456789$%/ \nx";
                mutated[at] = ALPHABET[(seed >> 20) as usize % ALPHABET.len()];
            }
            let _ = extract(&String::from_utf8_lossy(&mutated), None);
        }
    }
}

// ---- Profile key, overview and links ----

#[test]
fn profile_keys_name_the_profile_shown() {
    let key = |html: &str, url: Option<&str>| extract(html, url).profile_key;
    let og = |u: &str| format!(r#"<meta property="og:url" content="{u}">"#);
    let canonical = |u: &str| format!(r#"<link rel="canonical" href="{u}">"#);
    assert_eq!(
        key(
            &og("https://www.upwork.com/freelancers/~01AbC123?p=9"),
            None
        )
        .as_deref(),
        Some("upwork:~01AbC123"),
        "the cipher text is kept as written"
    );
    assert_eq!(
        key(
            &canonical("https://www.upwork.com/freelancers/JaneDoe/"),
            None
        )
        .as_deref(),
        Some("upwork:janedoe"),
        "vanity names in lower case"
    );
    assert_eq!(
        key(
            &og("https://www.upwork.com/o/profiles/users/_~0123abcd/"),
            None
        )
        .as_deref(),
        Some("upwork:~0123abcd"),
        "the old form is the same person"
    );
    // After in-place navigation the head still names the previous profile: the page's address wins.
    assert_eq!(
        key(
            &og("https://www.upwork.com/freelancers/~01aaaa"),
            Some("https://www.upwork.com/fl/NewOne")
        )
        .as_deref(),
        Some("upwork:newone")
    );
    for html in [
        og("https://example.com/freelancers/~01abc"),
        og("https://www.upwork.com/freelancers/search"),
        og("javascript:alert(1)"),
        String::new(),
    ] {
        assert_eq!(key(&html, None), None, "{html}");
    }
}

#[test]
fn overview_skips_the_toggle_and_the_title() {
    let html = r#"<section id="hor-anc-id-about"><h2 class="title-vertical">Go developer</h2>
        <div data-test="truncation-text-by-chars"><div>Backend work since 2015.</div> <button>more</button></div></section>"#;
    let ex = extract(html, None);
    assert_eq!(
        ex.profile.overview.as_deref(),
        Some("Backend work since 2015.")
    );
    assert_eq!(
        src(&ex, Field::Overview),
        "#hor-anc-id-about [data-test=\"truncation-text-by-chars\"]"
    );
    let html = r#"<section id="hor-anc-id-about"><div class="air3-line-clamp"><span class="text-pre-line">Go developer</span></div>
        <h2 class="title-vertical">Go developer</h2></section>"#;
    assert_eq!(extract(html, None).profile.overview, None);
}

#[test]
fn links_come_from_the_profile_not_the_page_chrome() {
    let html = r##"<nav><a href="https://partner.example.com/ad">Ad</a></nav>
        <div data-qa-profile-viewer-uid="1">
          <section id="hor-anc-id-about"><div data-test="truncation-text-by-chars"><span>Ask me: Ana@Example.org. Also ana.example.net, Vue.js and ASP.NET.</span></div></section>
          <a href="mailto:Ana@Example.org?subject=Hi">mail</a>
          <a href="#">x</a><a href="/freelancers/~01abc?p=1">project</a><a href="https://www.upwork.com/ab/profiles">up</a>
          <a href="https://community.upwork.com/t5/x">forum</a><a href="javascript:void(0)">js</a>
          <a href="HTTPS://Ana.Example.NET/Work?utm_campaign=x#top">site</a>
          <a href="https://upwork-usw2-prod-assets-static.s3.us-west-2.amazonaws.com/x.png">img</a>
        </div>
        <footer><a href="https://www.linkedin.com/company/upwork">LinkedIn</a></footer>"##;
    let ex = extract(html, None);
    consistent(&ex);
    assert_eq!(
        ex.profile.links,
        Some(
            ["ana@example.org", "https://ana.example.net/Work"]
                .map(String::from)
                .to_vec()
        ),
        "the bare ana.example.net is the same site as the link"
    );
    assert_eq!(
        src(&ex, Field::Links),
        "a[href] in [data-qa-profile-viewer-uid]; overview text"
    );

    // Read, no link: none. Nothing readable: unknown.
    let ex = extract(
        r#"<div data-qa-profile-viewer-uid="1"><p>Hello</p></div>"#,
        None,
    );
    assert_eq!(ex.profile.links, Some(vec![]));
    let ex = extract(r#"<meta property="og:title" content="Ana P.">"#, None);
    assert_eq!(ex.profile.links, None);
    assert!(ex.missing.contains(&Field::Links));

    // At most 200, without repeats.
    let many: String = (0..500)
        .map(|i| format!(r#"<a href="https://site{}.example.com/">x</a>"#, i % 300))
        .collect();
    let ex = extract(
        &format!(r#"<div data-qa-profile-viewer-uid="1">{many}</div>"#),
        None,
    );
    let links = ex.profile.links.unwrap();
    assert_eq!(links.len(), 200);
    let mut unique = links.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 200);
}

#[test]
fn the_demo_pages_show_the_link_rules() {
    use hirecheck::policy::Policy;
    use hirecheck::time::Instant;
    let now = Instant::parse_rfc3339("2026-11-26T14:42:00Z").unwrap();
    let rules = |file: &str, id: &str| {
        let url = format!("https://www.upwork.com/freelancers/~01a1b2c3d4e5f6{id}");
        let page = HtmlPage::parse(&www(file), Some(&url));
        let r = hirecheck::analyze(&page, file, &Policy::default(), now);
        let fired: Vec<&str> = r.risk.findings.iter().map(|f| f.rule).collect();
        let blind: Vec<&str> = r.risk.unevaluated.iter().map(|u| u.rule).collect();
        (fired, blind, r.risk.findings)
    };
    let (fired, blind, findings) = rules("upwork/risky.html", "risky");
    assert!(
        fired.contains(&"known-bad-domain") && fired.contains(&"throwaway-portfolio-hosts"),
        "{fired:?}"
    );
    assert!(!blind.contains(&"known-bad-domain"));
    let bad = findings
        .iter()
        .find(|f| f.rule == "known-bad-domain")
        .unwrap();
    assert!(
        bad.evidence[0].contains("wkjllc.com") && bad.evidence[0].contains("2024-10-10"),
        "{:?}",
        bad.evidence
    );
    let (fired, blind, _) = rules("upwork/clean.html", "clean");
    assert!(
        !fired.contains(&"known-bad-domain") && !fired.contains(&"throwaway-portfolio-hosts"),
        "{fired:?}"
    );
    assert!(blind.is_empty(), "{blind:?}");
    let (fired, blind, _) = rules("upwork/broken.html", "broken");
    assert!(fired.is_empty(), "{fired:?}");
    assert!(
        blind.contains(&"known-bad-domain") && blind.contains(&"throwaway-portfolio-hosts"),
        "{blind:?}"
    );
}
