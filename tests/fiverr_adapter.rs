//! The Fiverr adapter over saved pages: field-by-field expectations for each fixture, URL → page kind (reserved
//! paths included), sniffing without an address, profile keys, hostile input, and the demo pages.
//!
//! Country-code assertions depend on `countries::iso2_from_name` / `name_of`.

use hirecheck::model::{ClockTime, Date, Field, Language, Money, YearMonth};
use hirecheck::page::HtmlPage;
use hirecheck::policy::Policy;
use hirecheck::score::Level;
use hirecheck::sites::fiverr::Fiverr;
use hirecheck::sites::{detect, supported_url, Adapter, Extraction, PageKind};
use hirecheck::time::Instant;

const NOW: &str = "2026-11-26T14:42:00Z";

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/fiverr/{name}",
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
    Fiverr.extract(&page, PageKind::Profile)
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

/// Every expected field either has a value and a source, or is listed missing; a local time counts as expected
/// only where the page shows one.
fn consistent(ex: &Extraction) {
    for &f in Fiverr.expected_fields(PageKind::Profile) {
        let has = ex.profile.has(f);
        assert_eq!(
            has,
            ex.read_from.contains_key(&f),
            "{f:?}: value and source must go together"
        );
        assert_eq!(!has, ex.missing.contains(&f), "{f:?}: missing iff not read");
    }
    for f in &ex.missing {
        assert!(
            Fiverr.expected_fields(PageKind::Profile).contains(f) || *f == Field::LocalTime,
            "{f:?} cannot be missing on Fiverr"
        );
    }
    for f in ex.read_from.keys() {
        assert!(ex.profile.has(*f), "{f:?} has a source but no value");
    }
}

fn analyze(html: &str, url: Option<&str>) -> hirecheck::report::Report {
    let page = HtmlPage::parse(html, url);
    let now = Instant::parse_rfc3339(NOW).unwrap();
    hirecheck::analyze(&page, "test.html", &Policy::default(), now)
}

fn fired(r: &hirecheck::report::Report) -> Vec<&'static str> {
    let mut v: Vec<&str> = r.risk.findings.iter().map(|f| f.rule).collect();
    v.sort();
    v
}

// ---- Fixtures ----

#[test]
fn perseus_json_fixture_reads_the_seller_from_the_payload() {
    let ex = extract(
        &fixture("seller-perseus-json.html"),
        Some("https://www.fiverr.com/nadiak_dev"),
    );
    consistent(&ex);
    let p = &ex.profile;
    assert_eq!(ex.missing, vec![], "all 9 fields and the local time shown");
    assert_eq!(ex.profile_key.as_deref(), Some("fiverr:nadiak_dev"));
    assert_eq!(p.name.as_deref(), Some("Nadia K. (@nadiak_dev)"));
    assert_eq!(
        src(&ex, Field::Name),
        "perseus-initial-props userData.seller_card.display_name; perseus-initial-props userData.seller_card.username"
    );
    assert_eq!(
        p.title.as_deref(),
        Some("Shopify and WordPress developer for small shops")
    );
    assert_eq!(
        src(&ex, Field::Title),
        "perseus-initial-props userData.seller_card.one_liner"
    );
    // 3500 cents.
    assert_eq!(p.hourly_rate, usd(35.0));
    assert_eq!(
        src(&ex, Field::HourlyRate),
        "perseus-initial-props userData.seller_card.hourly_rate"
    );
    let loc = p.location.as_ref().unwrap();
    assert_eq!(
        (
            loc.city.as_deref(),
            loc.country.as_deref(),
            loc.country_name.as_deref()
        ),
        (None, Some("KE"), Some("Kenya"))
    );
    // The payload has no clock; the header line does.
    assert_eq!(p.local_time, ClockTime::new(17, 42));
    assert_eq!(
        src(&ex, Field::LocalTime),
        ".user-page-perseus .seller-card span with \"local time\""
    );
    assert_eq!(p.badges, Some(vec!["Top Rated".to_string()]));
    assert_eq!(
        src(&ex, Field::Badges),
        "perseus-initial-props userData.seller_card.seller_level"
    );
    assert_eq!(p.member_since, YearMonth::new(2017, 3));
    assert_eq!(
        p.languages,
        Some(vec![
            lang("English", "Fluent"),
            lang("Swahili", "Native or Bilingual")
        ]),
        "codes become names; an empty code is skipped"
    );
    assert!(p
        .overview
        .as_deref()
        .unwrap()
        .starts_with("Hi, I am Nadia."));
    assert_eq!(
        p.links,
        Some(vec!["https://nadiak.dev/work".to_string()]),
        "Fiverr's own addresses are not the seller's links"
    );
    // Not Fiverr concepts, and the review count is not a count of orders.
    assert_eq!(
        (
            p.job_success,
            p.total_jobs,
            p.total_hours,
            p.total_earnings.clone()
        ),
        (None, None, None, None)
    );
    assert_eq!((p.hours_per_week, p.id_verified), (None, None));

    let w = p.work_history.as_ref().unwrap();
    assert_eq!(
        src(&ex, Field::WorkHistory),
        "perseus-initial-props reviews.reviews"
    );
    assert_eq!(w.len(), 3, "reviews_snippet repeats, and is not read");
    assert_eq!(
        w[0].title.as_deref(),
        Some("build or fix your Shopify store")
    );
    assert_eq!((w[0].start, w[0].end), (None, Date::new(2026, 10, 14)));
    assert_eq!(w[0].rating, Some(5.0));
    assert_eq!(
        w[0].feedback.as_deref(),
        Some("Nadia rebuilt our theme in three days and fixed the checkout. Great communication."),
        "the buyer's comment, not the seller's response"
    );
    assert_eq!(w[2].rating, Some(4.0), "stars, never the relevance score");
    assert!(w.iter().all(|e| e.earnings.is_none() && e.kind.is_none()));
}

#[test]
fn gig_page_is_read_through_its_seller_card() {
    let url = "https://www.fiverr.com/omar_edits/edit-your-youtube-videos-with-captions-and-color-grading";
    let ex = extract(&fixture("gig-seller-card.html"), Some(url));
    consistent(&ex);
    let p = &ex.profile;
    assert_eq!(ex.missing, vec![], "9 of 9; no local time is shown");
    assert_eq!(ex.profile_key.as_deref(), Some("fiverr:omar_edits"));
    assert_eq!(p.name.as_deref(), Some("omar_edits"));
    assert_eq!(
        src(&ex, Field::Name),
        "perseusApp.initialData overview.seller.username"
    );
    assert_eq!(
        p.title.as_deref(),
        Some("Video editor for YouTube creators")
    );
    assert_eq!(src(&ex, Field::Title), ".seller-card p.one-liner");
    let loc = p.location.as_ref().unwrap();
    assert_eq!(
        (loc.country.as_deref(), loc.country_name.as_deref()),
        (Some("EG"), Some("Egypt"))
    );
    assert_eq!(
        src(&ex, Field::Location),
        "perseusApp.initialData overview.seller.countryCode"
    );
    assert_eq!(p.badges, Some(vec!["Level 2".to_string()]));
    assert_eq!(
        src(&ex, Field::Badges),
        "perseusApp.initialData overview.seller.achievement"
    );
    assert_eq!(p.member_since, YearMonth::new(2019, 6));
    assert_eq!(
        src(&ex, Field::MemberSince),
        ".seller-card ul.user-stats li \"member since\""
    );
    assert_eq!(
        p.languages,
        Some(vec![
            lang("English", "Fluent"),
            lang("Arabic", "Native or Bilingual")
        ])
    );
    assert!(p.overview.as_deref().unwrap().starts_with("Hi! I'm Omar"));
    assert_eq!(
        src(&ex, Field::Overview),
        ".seller-card .seller-desc .inner"
    );
    // Package prices and the JSON-LD offer are gig prices, never an hourly rate; no clock is shown.
    assert_eq!((p.hourly_rate.clone(), p.local_time), (None, None));
    // The gig description names a site: read for links (not as the overview).
    assert_eq!(p.links, Some(vec!["omarcuts.example.org".to_string()]));

    let w = p.work_history.as_ref().unwrap();
    assert_eq!(
        src(&ex, Field::WorkHistory),
        "perseusApp.initialData reviews.reviews"
    );
    assert_eq!(w.len(), 2);
    assert!(
        w.iter().all(|e| e.title.as_deref()
            == Some("edit your youtube videos with captions and color grading")),
        "a gig page's reviews are about its gig"
    );
    assert_eq!((w[0].end, w[0].rating), (Date::new(2026, 11, 2), Some(5.0)));
    assert_eq!((w[1].end, w[1].rating), (Date::new(2026, 9, 20), Some(4.0)));
    assert!(
        !w.iter()
            .any(|e| e.feedback.as_deref().unwrap_or("").contains("Karim")),
        "the carousel copy is not a review of its own"
    );
}

#[test]
fn gig_card_alone_without_the_payload() {
    let html = fixture("gig-seller-card.html");
    let start = html.find("<script>\nwindow.perseusApp").unwrap();
    let end = start + html[start..].find("</script>").unwrap() + "</script>".len();
    let html = format!("{}{}", &html[..start], &html[end..]);
    let ex = extract(
        &html,
        Some("https://www.fiverr.com/omar_edits/edit-your-youtube-videos-with-captions-and-color-grading"),
    );
    consistent(&ex);
    let p = &ex.profile;
    assert_eq!(
        ex.missing,
        vec![Field::Languages],
        "the 2021 card lists no languages"
    );
    assert_eq!(p.name.as_deref(), Some("omar_edits"));
    assert_eq!(src(&ex, Field::Name), ".seller-card .seller-link");
    assert_eq!(p.badges, Some(vec!["Level 2".to_string()]));
    assert_eq!(
        src(&ex, Field::Badges),
        ".seller-card .user-badge-round (class)"
    );
    assert_eq!(
        p.location.as_ref().and_then(|l| l.country.as_deref()),
        Some("EG")
    );
    assert_eq!(
        src(&ex, Field::Location),
        ".seller-card ul.user-stats li \"from\""
    );
    let w = p.work_history.as_ref().unwrap();
    assert_eq!(
        src(&ex, Field::WorkHistory),
        "ul.review-list li.review-item"
    );
    assert_eq!(w.len(), 2);
    assert_eq!(
        w[0].feedback.as_deref(),
        Some("Omar did a great job on the captions, delivered early.")
    );
    assert_eq!((w[0].rating, w[1].rating), (Some(5.0), Some(4.0)));
    assert!(
        w.iter().all(|e| e.end.is_none()),
        "\"Published 3 weeks ago\" is not a date"
    );
}

#[test]
fn dom_2025_fixture_reads_the_rendered_page() {
    let ex = extract(
        &fixture("seller-dom-2025.html"),
        Some("https://www.fiverr.com/lenadraws"),
    );
    consistent(&ex);
    let p = &ex.profile;
    assert_eq!(ex.missing, vec![], "all 9 and the local time");
    assert_eq!(ex.profile_key.as_deref(), Some("fiverr:lenadraws"));
    assert_eq!(p.name.as_deref(), Some("lenadraws"));
    assert_eq!(src(&ex, Field::Name), ".seller-card .username a");
    assert_eq!(
        p.title.as_deref(),
        Some("Children's book illustrator, watercolor and digital")
    );
    assert_eq!(src(&ex, Field::Title), ".oneliner-wrapper .oneliner");
    let loc = p.location.as_ref().unwrap();
    assert_eq!(
        (loc.country.as_deref(), loc.country_name.as_deref()),
        (Some("PL"), Some("Poland"))
    );
    assert_eq!(
        p.local_time,
        ClockTime::new(15, 42),
        "label first: \"Local time 3:42 PM\""
    );
    assert_eq!(
        src(&ex, Field::LocalTime),
        ".seller-card ul.user-stats li \"local time\""
    );
    assert_eq!(p.badges, Some(vec!["Level 1".to_string()]));
    assert_eq!(p.member_since, YearMonth::new(2021, 2));
    assert_eq!(
        p.languages,
        Some(vec![
            lang("English", "Fluent"),
            lang("Polish", "Native/Bilingual"),
            lang("German", "Conversational"),
        ])
    );
    assert_eq!(
        p.overview.as_deref(),
        Some("Hello! I'm Lena, an illustrator from Gdańsk. I paint picture books, covers and character sheets. Ten years of experience, 40 books published.")
    );
    assert_eq!(p.links, Some(vec![]), "read, and none named");
    assert_eq!(p.hourly_rate, None);

    let w = p.work_history.as_ref().unwrap();
    assert_eq!(
        src(&ex, Field::WorkHistory),
        "ul.review-list li.review-item-component"
    );
    assert_eq!(w.len(), 3);
    assert_eq!(
        w[0].feedback.as_deref(),
        Some("Lena illustrated our whole picture book and every page was lovely. Thank you Lena!")
    );
    assert_eq!(
        w[1].feedback.as_deref(),
        Some("Nice cover, two rounds of changes.")
    );
    assert_eq!(
        w[2].feedback.as_deref(),
        Some("Wow"),
        "short, and still not the buyer's name or country"
    );
    assert_eq!(
        w.iter().map(|e| e.rating).collect::<Vec<_>>(),
        vec![Some(5.0), Some(4.3), Some(5.0)]
    );
    assert_eq!(
        w.iter().map(|e| e.end).collect::<Vec<_>>(),
        vec![None, Date::new(2026, 6, 18), None],
        "\"1 month ago\" is not a date; time[datetime] is"
    );
    assert_eq!(
        w.iter().map(|e| e.earnings.clone()).collect::<Vec<_>>(),
        vec![usd(200.0), usd(50.0), None],
        "the upper bound of the price range; an open range has none"
    );
    for e in w {
        let f = e.feedback.as_deref().unwrap();
        assert!(
            !f.contains("joy to draw"),
            "the seller's response is not feedback"
        );
        assert!(!f.contains("maplehouse") && !f.contains("United"), "{f}");
    }
}

#[test]
fn broken_fixture_reads_only_what_survived() {
    let html = fixture("broken.html");
    let ex = extract(&html, None);
    consistent(&ex);
    assert_eq!(ex.profile.name.as_deref(), Some("Marcoverde"));
    assert_eq!(src(&ex, Field::Name), "<title>");
    assert_eq!(
        ex.missing,
        vec![
            Field::Title,
            Field::Location,
            Field::Badges,
            Field::MemberSince,
            Field::Languages,
            Field::WorkHistory,
            Field::Overview,
            Field::Links,
        ]
    );
    assert_eq!(
        ex.profile.local_time, None,
        "\"14:42\" without a label is not read"
    );
    assert_eq!(ex.profile_key.as_deref(), Some("fiverr:marcoverde"));
    let r = analyze(&html, None);
    assert_eq!((r.site, r.page_kind), (Some("fiverr"), PageKind::Profile));
    assert_eq!(r.risk.level, Level::Unknown);
    assert!(r.risk.findings.is_empty());
}

// ---- Addresses and recognition ----

#[test]
fn page_kinds_by_url() {
    let empty = HtmlPage::parse("<html></html>", None);
    let cases: &[(&str, Option<PageKind>)] = &[
        ("https://www.fiverr.com/nadiak_dev", Some(PageKind::Profile)),
        (
            "https://www.fiverr.com/nadiak_dev/",
            Some(PageKind::Profile),
        ),
        (
            "https://www.fiverr.com/Nadiak_Dev?source=gig_page&ref=x#reviews",
            Some(PageKind::Profile),
        ),
        ("https://fiverr.com/nadiak_dev", Some(PageKind::Profile)),
        ("https://de.fiverr.com/nadiak_dev", Some(PageKind::Profile)),
        ("http://www.fiverr.com/nadiak_dev", Some(PageKind::Profile)),
        (
            "https://www.fiverr.com/omar_edits/edit-your-youtube-videos-with-captions",
            Some(PageKind::Profile),
        ),
        (
            "https://www.fiverr.com/omar_edits/portfolio",
            Some(PageKind::Unknown),
        ),
        (
            "https://www.fiverr.com/omar_edits/gig-one/extra",
            Some(PageKind::Unknown),
        ),
        ("https://www.fiverr.com/", Some(PageKind::Unknown)),
        ("https://www.fiverr.com/categories", Some(PageKind::Unknown)),
        (
            "https://www.fiverr.com/categories/programming-tech/website-development",
            Some(PageKind::Unknown),
        ),
        (
            "https://www.fiverr.com/search/gigs?query=logo",
            Some(PageKind::Unknown),
        ),
        ("https://www.fiverr.com/inbox", Some(PageKind::Unknown)),
        (
            "https://www.fiverr.com/inbox/omar_edits",
            Some(PageKind::Unknown),
        ),
        (
            "https://www.fiverr.com/users/omar_edits/manage_gigs",
            Some(PageKind::Unknown),
        ),
        (
            "https://www.fiverr.com/users/omar_edits",
            Some(PageKind::Unknown),
        ),
        ("https://www.fiverr.com/support", Some(PageKind::Unknown)),
        ("https://www.fiverr.com/pro", Some(PageKind::Unknown)),
        ("https://www.fiverr.com/logo-maker", Some(PageKind::Unknown)),
        (
            "https://www.fiverr.com/start_selling",
            Some(PageKind::Unknown),
        ),
        (
            "https://www.fiverr.com/gigs/logo-design",
            Some(PageKind::Unknown),
        ),
        ("https://www.fiverr.com/login", Some(PageKind::Unknown)),
        ("https://www.fiverr.com/join", Some(PageKind::Unknown)),
        ("https://www.fiverr.com/levels", Some(PageKind::Unknown)),
        (
            "https://www.fiverr.com/conversations/omar_edits",
            Some(PageKind::Unknown),
        ),
        (
            "https://www.fiverr.com/terms_of_service",
            Some(PageKind::Unknown),
        ),
        (
            "https://www.fiverr.com/cp/fiverr-go",
            Some(PageKind::Unknown),
        ),
        (
            "https://www.fiverr.com/%3Cscript%3E",
            Some(PageKind::Unknown),
        ),
        ("https://www.fiverr.com/a", Some(PageKind::Unknown)),
        (
            "https://www.fiverr.com/_underscore_first",
            Some(PageKind::Unknown),
        ),
        // Not Fiverr at all.
        ("https://www.fiverr.com.evil.example/nadiak_dev", None),
        ("https://notfiverr.com/nadiak_dev", None),
        ("javascript:alert(1)", None),
    ];
    for (url, want) in cases {
        let got = detect(Some(url), &empty);
        match want {
            Some(kind) => {
                let (a, k) = got.unwrap_or_else(|| panic!("{url}: no adapter"));
                assert_eq!((a.id(), k), ("fiverr", *kind), "{url}");
            }
            None => assert!(
                got.is_none_or(|(a, _)| a.id() != "fiverr"),
                "{url} is not Fiverr"
            ),
        }
    }
    // Only profiles and gig pages expect fields; the content script draws nothing elsewhere.
    for kind in [
        PageKind::Proposals,
        PageKind::WorkDiary,
        PageKind::Messages,
        PageKind::Unknown,
    ] {
        assert!(Fiverr.expected_fields(kind).is_empty());
        let ex = Fiverr.extract(
            &HtmlPage::parse(&fixture("seller-dom-2025.html"), None),
            kind,
        );
        assert_eq!(ex, Extraction::default());
    }
    assert!(supported_url("https://www.fiverr.com/camilar_studio"));
    assert!(supported_url(
        "https://www.fiverr.com/omar_edits/edit-your-youtube-videos-with-captions"
    ));
    assert!(!supported_url(
        "https://www.fiverr.com/categories/graphics-design"
    ));
    assert!(!supported_url("https://www.fiverr.com/inbox"));
}

#[test]
fn sniffs_saved_pages_without_an_address() {
    for name in [
        "seller-perseus-json.html",
        "gig-seller-card.html",
        "seller-dom-2025.html",
        "broken.html",
    ] {
        let page = HtmlPage::parse(&fixture(name), None);
        let (a, k) = detect(None, &page).unwrap_or_else(|| panic!("{name} not recognised"));
        assert_eq!((a.id(), k), ("fiverr", PageKind::Profile), "{name}");
    }
    for name in ["clean.html", "risky.html"] {
        let page = HtmlPage::parse(&www(&format!("fiverr/{name}")), None);
        assert_eq!(
            detect(None, &page).map(|(a, _)| a.id()),
            Some("fiverr"),
            "{name}"
        );
    }
    // A Fiverr page that is not a seller's (a category listing) and unrelated pages are not Fiverr profiles.
    let listing = r#"<title>Logo Design Services | Fiverr</title>
        <link rel="canonical" href="https://www.fiverr.com/categories/graphics-design/creative-logo-design">
        <script id="perseus-initial-props" type="application/json">{"listings":[]}</script>"#;
    assert_eq!(Fiverr.sniff(&HtmlPage::parse(listing, None)), None);
    assert_eq!(
        Fiverr.sniff(&HtmlPage::parse(
            "<html><body><div class=\"seller-card\">x</div></body></html>",
            None
        )),
        None,
        "a seller card alone is not enough"
    );
    let upwork = std::fs::read_to_string(format!(
        "{}/tests/fixtures/upwork/profile-dom-only.html",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    assert_eq!(Fiverr.sniff(&HtmlPage::parse(&upwork, None)), None);
}

#[test]
fn profile_keys_name_the_seller_shown() {
    let html = fixture("seller-dom-2025.html");
    // The page's own address first (after in-place navigation og:url can be stale).
    let ex = extract(&html, Some("https://www.fiverr.com/OtherSeller"));
    assert_eq!(ex.profile_key.as_deref(), Some("fiverr:otherseller"));
    // Then og:url, canonical link.
    assert_eq!(
        extract(&html, None).profile_key.as_deref(),
        Some("fiverr:lenadraws")
    );
    let gig = fixture("gig-seller-card.html");
    assert_eq!(
        extract(&gig, None).profile_key.as_deref(),
        Some("fiverr:omar_edits")
    );
    // A saved page without any address: the payload's username.
    let bare = r#"<script id="perseus-initial-props" type="application/json">
        {"userData":{"seller_card":{"username":"Quiet_Seller","display_name":"Q. S."}}}</script>"#;
    let ex = extract(bare, None);
    assert_eq!(ex.profile.name.as_deref(), Some("Q. S. (@Quiet_Seller)"));
    assert_eq!(ex.profile_key.as_deref(), Some("fiverr:quiet_seller"));
    // Nothing names the seller: no key.
    assert_eq!(extract("<p>hello</p>", None).profile_key, None);
    assert_eq!(
        extract("<p>hello</p>", Some("https://www.fiverr.com/search/gigs")).profile_key,
        None
    );
}

#[test]
fn a_bare_handle_takes_the_name_the_seller_introduces() {
    // No display name anywhere: the username alone would make "Thanks Rahul" another person's name.
    let page = |review: &str| {
        format!(
            r#"<div class="seller-card"><div class="user-profile-label"><a class="seller-link">webcraft_pro</a></div>
               <ul class="user-stats"><li>From<strong>India</strong></li><li>Member since<strong>May 2020</strong></li></ul>
               <article class="seller-desc"><div class="inner">Hi, I'm Rahul, a web developer with 8 years of experience.</div></article></div>
               <ul class="review-list"><li class="review-item"><div class="review-description"><p>{review}</p></div>
               <span class="total-rating-out-five">5</span></li></ul>"#
        )
    };
    let url = Some("https://www.fiverr.com/webcraft_pro");
    let ex = extract(&page("Thanks Rahul, great site!"), url);
    assert_eq!(ex.profile.name.as_deref(), Some("Rahul (@webcraft_pro)"));
    assert_eq!(
        src(&ex, Field::Name),
        "overview self-introduction; .seller-card .seller-link"
    );
    assert_eq!(
        ex.profile.badges,
        Some(vec![]),
        "the card shows no level badge"
    );
    assert!(!fired(&analyze(&page("Thanks Rahul, great site!"), url))
        .contains(&"feedback-name-mismatch"));
    assert!(
        !fired(&analyze(&page("webcraft_pro was quick."), url)).contains(&"feedback-name-mismatch")
    );
    assert!(fired(&analyze(&page("Thanks Minho, great site!"), url))
        .contains(&"feedback-name-mismatch"));
    // "I am Indian" names a nationality, not a person.
    let html = page("Thanks Rahul!").replace("I'm Rahul, a", "I am Indian, a");
    assert_eq!(
        extract(&html, url).profile.name.as_deref(),
        Some("webcraft_pro")
    );
}

// ---- Hostile and odd input ----

fn props(json: &str) -> String {
    format!(r#"<script id="perseus-initial-props" type="application/json">{json}</script>"#)
}

#[test]
fn a_payload_about_another_seller_is_ignored() {
    let html = format!(
        "{}{}",
        props(
            r#"{"userData":{"seller_card":{"username":"previous_seller","one_liner":"Old one-liner","country":"Peru"}}}"#
        ),
        r#"<div class="seller-card"><a class="seller-link" href="/new_seller">new_seller</a>
           <ul class="user-stats"><li>From<strong>Chile</strong></li></ul></div>"#
    );
    let ex = extract(&html, Some("https://www.fiverr.com/new_seller"));
    assert_eq!(ex.profile.name.as_deref(), Some("new_seller"));
    assert_eq!(ex.profile.title, None);
    assert_eq!(
        ex.profile
            .location
            .as_ref()
            .and_then(|l| l.country.as_deref()),
        Some("CL")
    );
    // Without an address to compare with, the payload is read.
    let ex = extract(&html, None);
    assert_eq!(ex.profile.title.as_deref(), Some("Old one-liner"));
}

#[test]
fn markup_in_names_stays_plain_text() {
    let ex = extract(
        &props(
            r#"{"userData":{"seller_card":{"username":"eve_1","display_name":"<img src=x onerror=alert(1)> Eve\u202e","one_liner":"<b>bold</b> claims"}}}"#,
        ),
        None,
    );
    assert_eq!(
        ex.profile.name.as_deref(),
        Some("<img src=x onerror=alert(1)> Eve (@eve_1)"),
        "text, to be shown escaped; bidi overrides dropped"
    );
    assert_eq!(ex.profile.title.as_deref(), Some("<b>bold</b> claims"));
    // A script inside the one-liner element is not part of its text.
    let ex = extract(
        r#"<div class="seller-card"><p class="one-liner">Designer<script>document.title='x'</script> and <style>p{}</style>painter</p></div>"#,
        None,
    );
    assert_eq!(ex.profile.title.as_deref(), Some("Designer and painter"));
    // A username must look like one: markup in the seller link is not a name.
    let ex = extract(
        r#"<div class="seller-card"><a class="seller-link">&lt;script&gt;</a></div>"#,
        None,
    );
    assert_eq!(ex.profile.name, None);
    let long = props(&format!(
        r#"{{"userData":{{"seller_card":{{"display_name":"{}"}}}}}}"#,
        "A".repeat(10_000)
    ));
    assert_eq!(
        extract(&long, None).profile.name.map(|n| n.chars().count()),
        Some(120)
    );
}

#[test]
fn absurd_values_are_rejected() {
    let ex = extract(
        &props(
            r#"{"userData":{"seller_card":{"username":"x_y","hourly_rate":1e300,"member_since":-86400,
            "seller_level":7,"country":"12345","country_code":"<>"},
            "seller_profile":{"languages":[{"code":"42","level":99},"",{"name":null}]}},
            "reviews":{"reviews":[{"comment":"ok","value":99,"created_at":"yesterday"},
                                  {"comment":"fine","value":-1,"created_at":99999999999999999}]}}"#,
        ),
        None,
    );
    consistent(&ex);
    let p = &ex.profile;
    assert_eq!(p.hourly_rate, None);
    assert_eq!(p.member_since, None, "1969 is before Fiverr");
    assert_eq!(
        p.badges, None,
        "level 7 is not understood, so the badge list is unknown"
    );
    assert_eq!(p.location, None);
    assert_eq!(p.languages, None);
    let w = p.work_history.as_ref().unwrap();
    assert_eq!(
        w.iter().map(|e| (e.rating, e.end)).collect::<Vec<_>>(),
        vec![(None, None), (None, None)]
    );
    // DOM: no rate from a gig price, no clock from "27:99", no member since from the future's past.
    let ex = extract(
        r#"<div class="seller-card"><span>Starting at $5</span><span>$1e300/hour</span>
           <ul class="user-stats"><li>Member since<strong>Jan 1901</strong></li><li>Local time<strong>27:99 pm</strong></li></ul></div>"#,
        None,
    );
    consistent(&ex);
    assert_eq!(
        (
            ex.profile.hourly_rate.clone(),
            ex.profile.member_since,
            ex.profile.local_time
        ),
        (None, None, None)
    );
    assert!(
        ex.missing.contains(&Field::LocalTime),
        "a local time is shown and could not be read"
    );
}

#[test]
fn hostile_payloads_fall_back_quietly() {
    let deep = props(&format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000)));
    let deep_obj = props(&format!(
        "{}{}",
        r#"{"a":"#.repeat(5_000),
        "}".repeat(5_000)
    ));
    let garbage = props("{not json at all");
    let wrong_types = props(
        r#"{"userData":{"seller_card":["x"],"seller_profile":{"languages":{"en":3},"description":42}},"reviews":{"reviews":"none"}}"#,
    );
    let unterminated = "<script>window.perseusApp.initialData = {\"overview\":{\"seller\":{\"username\":\"a_b\"</script>";
    let braces = "<script>window.perseusApp.initialData = }}}}{{{{;</script>";
    let many = props(&format!(
        r#"{{"reviews":{{"reviews":[{}]}}}}"#,
        vec![r#"{"comment":"x","value":5}"#; 5_000].join(",")
    ));
    for html in [
        deep,
        deep_obj,
        garbage,
        wrong_types,
        unterminated.to_string(),
        braces.to_string(),
        many.clone(),
    ] {
        let started = std::time::Instant::now();
        let ex = extract(&html, Some("https://www.fiverr.com/a_b"));
        consistent(&ex);
        assert!(started.elapsed().as_secs() < 10, "too slow");
        let _ = analyze(&html, Some("https://www.fiverr.com/a_b"));
    }
    let ex = extract(&many, None);
    assert_eq!(
        ex.profile.work_history.map(|w| w.len()),
        Some(500),
        "capped"
    );
}

#[test]
fn big_pages_stay_cheap() {
    // Deep nesting (every div's text is the whole page) and thousands of near-miss labels.
    let html = format!(
        r#"<div class="user-page-perseus"><div class="seller-card">{}{}{}{}</div></div>"#,
        "<div class=\"level-x badge-y\">".repeat(1_500),
        "<span>local timer 12:00</span><span>$5 per gig</span>".repeat(3_000),
        "</div>".repeat(1_500),
        "<ul class=\"user-stats\"><li>From<strong>Nowhere</strong></li></ul>".repeat(200),
    );
    let started = std::time::Instant::now();
    let ex = extract(&html, Some("https://www.fiverr.com/big_page"));
    consistent(&ex);
    assert!(
        started.elapsed().as_secs() < 10,
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(ex.profile.hourly_rate, None);
}

#[test]
fn damaged_fixtures_never_panic() {
    for name in [
        "seller-perseus-json.html",
        "gig-seller-card.html",
        "seller-dom-2025.html",
        "broken.html",
    ] {
        let html = fixture(name);
        // Cut at many places (on char boundaries), as a truncated save would.
        let mut cut = 0;
        while cut < html.len() {
            while !html.is_char_boundary(cut) {
                cut += 1;
            }
            let part = &html[..cut];
            let ex = extract(part, Some("https://www.fiverr.com/some_one"));
            consistent(&ex);
            cut += 997;
        }
    }
}

// ---- The demo pages in www/ ----

#[test]
fn demo_pages_read_as_documented() {
    let clean = extract(
        &www("fiverr/clean.html"),
        Some("https://www.fiverr.com/camilar_studio"),
    );
    consistent(&clean);
    assert_eq!(clean.missing, vec![]);
    let p = &clean.profile;
    assert_eq!(p.name.as_deref(), Some("Camila R. (@camilar_studio)"));
    assert_eq!(p.title.as_deref(), Some("Brand identity and logo designer"));
    assert_eq!(
        p.location.as_ref().and_then(|l| l.country.as_deref()),
        Some("CO")
    );
    assert_eq!(p.local_time, ClockTime::new(9, 42));
    assert_eq!(p.badges, Some(vec!["Level 2".to_string()]));
    assert_eq!(p.member_since, YearMonth::new(2019, 3));
    assert_eq!(
        p.languages,
        Some(vec![
            lang("English", "Fluent"),
            lang("Spanish", "Native or Bilingual")
        ])
    );
    assert_eq!(
        p.links,
        Some(vec!["https://camilar.studio/work".to_string()])
    );
    assert_eq!(p.hourly_rate, None);
    let w = p.work_history.as_ref().unwrap();
    assert_eq!(
        src(&clean, Field::WorkHistory),
        "ul.review-list li.review-item-component"
    );
    assert_eq!(w.len(), 6);
    assert!(w
        .iter()
        .all(|e| e.end.is_some() && e.rating.is_some() && e.earnings.is_some()));

    let risky = extract(
        &www("fiverr/risky.html"),
        Some("https://www.fiverr.com/ethanb_dev"),
    );
    consistent(&risky);
    assert_eq!(risky.missing, vec![]);
    let p = &risky.profile;
    assert_eq!(p.name.as_deref(), Some("Ethan B. (@ethanb_dev)"));
    let loc = p.location.as_ref().unwrap();
    assert_eq!(
        (loc.city.as_deref(), loc.country.as_deref()),
        (Some("Austin"), Some("US"))
    );
    assert_eq!(p.local_time, ClockTime::new(23, 42));
    assert_eq!(p.member_since, YearMonth::new(2025, 8));
    assert_eq!(p.work_history.as_ref().map(Vec::len), Some(7));
    assert_eq!(risky.profile_key.as_deref(), Some("fiverr:ethanb_dev"));
}

#[test]
fn demo_pages_get_their_verdicts() {
    let clean = analyze(
        &www("fiverr/clean.html"),
        Some("https://www.fiverr.com/camilar_studio"),
    );
    assert_eq!(clean.site, Some("fiverr"));
    assert_eq!(clean.risk.level, Level::Low, "{}", clean.risk.summary);
    assert!(fired(&clean).is_empty(), "{:?}", fired(&clean));
    let evaluated: Vec<&str> = clean.risk.unevaluated.iter().map(|u| u.rule).collect();
    for rule in [
        "local-time-mismatch",
        "feedback-name-mismatch",
        "review-burst",
        "known-bad-domain",
    ] {
        assert!(!evaluated.contains(&rule), "{rule} could not run");
    }

    let risky = analyze(
        &www("fiverr/risky.html"),
        Some("https://www.fiverr.com/ethanb_dev"),
    );
    assert_eq!(risky.risk.level, Level::High, "{}", risky.risk.summary);
    assert_eq!(
        fired(&risky),
        vec![
            "feedback-name-mismatch",
            "local-time-mismatch",
            "review-burst"
        ]
    );
    let names = risky
        .risk
        .findings
        .iter()
        .find(|f| f.rule == "feedback-name-mismatch")
        .unwrap();
    assert!(
        names.evidence.iter().any(|e| e.contains("Minho")),
        "{:?}",
        names.evidence
    );
    assert!(
        !names
            .evidence
            .iter()
            .any(|e| e.contains("addressed as Ethan")),
        "the profile's own name never counts"
    );
    // Saved without an address, the same verdicts.
    assert_eq!(
        analyze(&www("fiverr/risky.html"), None).risk.level,
        Level::High
    );
    assert_eq!(
        analyze(&www("fiverr/clean.html"), None).risk.level,
        Level::Low
    );
}

#[test]
fn the_first_name_never_changes_the_demo_verdicts() {
    for (file, first, url) in [
        (
            "fiverr/clean.html",
            "Camila",
            "https://www.fiverr.com/camilar_studio",
        ),
        (
            "fiverr/risky.html",
            "Ethan",
            "https://www.fiverr.com/ethanb_dev",
        ),
    ] {
        let base = analyze(&www(file), Some(url));
        for other in ["Olga", "Ahmad", "Thanh", "Nkechi", "Jae-won", "José"] {
            let html = www(file).replace(first, other);
            let r = analyze(&html, Some(url));
            assert_eq!(
                (r.risk.level, r.risk.score, fired(&r)),
                (base.risk.level, base.risk.score, fired(&base)),
                "{file} with {other}"
            );
        }
    }
}

#[test]
fn demo_pages_are_self_contained() {
    for file in ["fiverr/clean.html", "fiverr/risky.html"] {
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
            " onload=",
            " onerror=",
            " onclick=",
        ] {
            assert!(!lower.contains(banned), "{file} contains {banned}");
        }
        // The only script is the inert JSON payload.
        let page = HtmlPage::parse(&html, None);
        use hirecheck::page::Page;
        for s in page.select(None, "script") {
            assert!(page.attr(s, "src").is_none(), "{file}: external script");
            assert_eq!(
                page.attr(s, "id").as_deref(),
                Some("perseus-initial-props"),
                "{file}"
            );
            assert_eq!(
                page.attr(s, "type").as_deref(),
                Some("application/json"),
                "{file}"
            );
        }
    }
}
