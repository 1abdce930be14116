//! The PeoplePerHour adapter over saved pages: field-by-field expectations for each fixture, URL → page kind,
//! profile keys, sniffing, the demo pages' verdicts, and hostile input.

use hirecheck::model::{Date, Field, Money, YearMonth};
use hirecheck::page::{HtmlPage, Page};
use hirecheck::policy::Policy;
use hirecheck::score::Level;
use hirecheck::sites::peopleperhour::{self, PeoplePerHour};
use hirecheck::sites::{detect, Adapter, Extraction, PageKind};
use hirecheck::time::Instant;

const NOW: &str = "2026-11-26T14:42:00Z";
const CLEAN_URL: &str =
    "https://www.peopleperhour.com/freelancer/design/eleanor-price-brand-and-packaging-designer-zqvxmyn";
const RISKY_URL: &str = "https://www.peopleperhour.com/freelancer/technology-programming/oliver-bennett-full-stack-developer-react-node-js-zxwqvjy";

fn read(rel: &str) -> String {
    let path = format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixture(name: &str) -> String {
    read(&format!("tests/fixtures/peopleperhour/{name}"))
}

fn extract(html: &str, url: Option<&str>) -> Extraction {
    PeoplePerHour.extract(&HtmlPage::parse(html, url), PageKind::Profile)
}

fn src(ex: &Extraction, f: Field) -> &str {
    ex.read_from.get(&f).map(String::as_str).unwrap_or("<none>")
}

fn money(amount: f64, currency: &str) -> Option<Money> {
    Some(Money {
        amount,
        currency: currency.into(),
    })
}

fn consistent(ex: &Extraction) {
    for &f in PeoplePerHour.expected_fields(PageKind::Profile) {
        let has = ex.profile.has(f);
        assert_eq!(
            has,
            ex.read_from.contains_key(&f),
            "{f:?}: value and source go together"
        );
        assert_eq!(!has, ex.missing.contains(&f), "{f:?}: missing iff not read");
    }
}

fn analyze(html: &str, url: &str) -> hirecheck::report::Report {
    let page = HtmlPage::parse(html, Some(url));
    hirecheck::analyze(
        &page,
        url,
        &Policy::default(),
        Instant::parse_rfc3339(NOW).unwrap(),
    )
}

#[test]
fn full_profile_reads_every_field() {
    let url = "https://www.peopleperhour.com/freelancer/business-support/hannah-clarke-bookkeeper-and-xero-qzvmyxr";
    let ex = extract(&fixture("profile-full.html"), Some(url));
    consistent(&ex);
    assert_eq!(ex.missing, vec![], "8 of 8");
    assert_eq!(ex.profile_key.as_deref(), Some("peopleperhour:qzvmyxr"));
    let p = &ex.profile;
    assert_eq!(p.name.as_deref(), Some("Hannah Clarke"));
    assert_eq!(src(&ex, Field::Name), ".details h1 (without p)");
    assert_eq!(p.title.as_deref(), Some("Bookkeeper and Xero Specialist"));
    assert_eq!(src(&ex, Field::Title), ".details h1 p");
    assert_eq!(p.hourly_rate, money(35.0, "GBP"), "currency as shown");
    assert_eq!(
        src(&ex, Field::HourlyRate),
        "section.widget-memberStats .memberStats-item \"Hourly rate\""
    );
    let loc = p.location.as_ref().unwrap();
    assert_eq!(
        (
            loc.city.as_deref(),
            loc.country_name.as_deref(),
            loc.country.as_deref()
        ),
        (Some("Leeds"), Some("United Kingdom"), Some("GB"))
    );
    assert_eq!(p.total_jobs, Some(48));
    assert_eq!(
        src(&ex, Field::TotalJobs),
        "section.widget-memberStats .memberStats-item \"Projects completed\""
    );
    assert_eq!(p.member_since, YearMonth::new(2018, 6));
    assert_eq!(p.badges, Some(vec!["Top Seller".to_string()]));
    assert!(p
        .overview
        .as_deref()
        .is_some_and(|o| o.starts_with("Chartered bookkeeper")));
    let w = p.work_history.as_ref().unwrap();
    assert_eq!(w.len(), 3);
    assert_eq!(src(&ex, Field::WorkHistory), "#reviews .review");
    assert_eq!(w[0].title.as_deref(), Some("Year-end accounts tidy-up"));
    assert_eq!((w[0].start, w[0].end), (None, Date::new(2026, 10, 12)));
    assert_eq!(w[0].rating, Some(5.0), "100% is 5 of 5");
    assert_eq!(w[0].earnings, money(450.0, "GBP"));
    assert_eq!(
        w[0].feedback.as_deref(),
        Some("Hannah sorted out two years of receipts in a week. Thank you Hannah!")
    );
    assert_eq!(w[1].rating, Some(4.8));
    assert_eq!((w[0].kind, w[0].hours), (None, None), "not shown");
    assert_eq!(
        p.links,
        Some(vec![
            "https://hannahclarke-books.co.uk/case-studies".to_string()
        ]),
        "the bare domain in the text is the same site; PeoplePerHour's links are not hers"
    );
}

#[test]
fn caption_profile_reads_the_generic_sources() {
    let url = "https://www.peopleperhour.com/freelancer/lucia/spanish-english-translator/2048113";
    let ex = extract(&fixture("profile-captions.html"), Some(url));
    consistent(&ex);
    assert_eq!(ex.missing, vec![], "8 of 8");
    assert_eq!(ex.profile_key.as_deref(), Some("peopleperhour:2048113"));
    let p = &ex.profile;
    assert_eq!(p.name.as_deref(), Some("Lucía Romero"));
    assert_eq!(
        src(&ex, Field::Name),
        "script[type=application/ld+json] Person.name"
    );
    assert_eq!(p.title.as_deref(), Some("Spanish-English translator"));
    assert_eq!(
        p.location.as_ref().and_then(|l| l.country.as_deref()),
        Some("ES")
    );
    assert_eq!(p.hourly_rate, money(40.0, "EUR"));
    assert_eq!(src(&ex, Field::HourlyRate), "dl > div \"Rate\"");
    assert_eq!(p.total_jobs, Some(23));
    assert_eq!(src(&ex, Field::TotalJobs), "li \"Projects completed\"");
    assert_eq!(p.member_since, YearMonth::new(2021, 2));
    let w = p.work_history.as_ref().unwrap();
    assert_eq!(
        src(&ex, Field::WorkHistory),
        "section.reviews [itemprop=review]"
    );
    assert_eq!(w.len(), 2);
    assert_eq!(w[0].title.as_deref(), Some("Contract translation"));
    assert_eq!(w[0].end, Date::new(2026, 9, 2));
    assert_eq!((w[0].rating, w[1].rating), (Some(5.0), Some(4.5)));
    assert_eq!(
        p.links,
        Some(vec!["lucia-romero-translations.com".to_string()])
    );
}

#[test]
fn broken_profile_is_unknown() {
    let url = "https://www.peopleperhour.com/freelancer/technology-programming/tomasz-nowicki-shopify-developer-xyqzwv";
    let html = fixture("profile-broken.html");
    let ex = extract(&html, Some(url));
    consistent(&ex);
    let read: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| ex.profile.has(*f))
        .collect();
    assert_eq!(read, vec![Field::Name, Field::Title, Field::HourlyRate]);
    assert_eq!(ex.profile.hourly_rate, money(28.0, "GBP"));
    assert_eq!(src(&ex, Field::HourlyRate), "div \"Hourly rate\"");
    let r = analyze(&html, url);
    assert_eq!(r.risk.level, Level::Unknown);
    assert!(r.risk.summary.contains("3 of 8"), "{}", r.risk.summary);
}

#[test]
fn kinds_by_path_and_ids() {
    let cases = [
        (
            "/freelancer/technology-programming/muhammad-hossain-software-engineer-zzvaxyvj",
            Some("zzvaxyvj"),
        ),
        (
            "/freelancer/technology-programming/joel_vincent-bernardo-full-stack-web-developer-xnxyanw#reviews",
            Some("xnxyanw"),
        ),
        (
            "/freelancer/muhammad_munim-bin_sarfaraz-professional-mern-stack-developer-zzqqqmjq",
            Some("zzqqqmjq"),
        ),
        (
            "/freelancer/mahmoud/front-end-developer-ui-ux-designer/1526559",
            Some("1526559"),
        ),
        ("/freelancer/dashboard", None),
        ("/freelancer/edit-profile", None),
        ("/freelancer/hourlies/new", None),
        ("/freelancer/", None),
        ("/freelancers/technology-programming", None),
        ("/hourlie/professional-logo-design/12345678", None),
        ("/freelancer/a/b/not-a-number", None),
        ("/freelancer/x/<script>-abcd", None),
        ("/", None),
        ("", None),
    ];
    for (path, id) in cases {
        assert_eq!(peopleperhour::profile_id(path).as_deref(), id, "{path}");
        let kind = if id.is_some() {
            PageKind::Profile
        } else {
            PageKind::Unknown
        };
        assert_eq!(peopleperhour::page_kind(path), kind, "{path}");
    }
    // The id stays when the title in the slug changes: one profile, one key.
    let key = |url: &str| extract("", Some(url)).profile_key;
    assert_eq!(
        key("https://www.peopleperhour.com/freelancer/design/jane-doe-logo-designer-qzvmyxr"),
        key("https://www.peopleperhour.com/freelancer/design/jane-doe-brand-designer-qzvmyxr")
    );
    let page = HtmlPage::parse("<p>x</p>", None);
    let (a, k) = detect(Some(CLEAN_URL), &page).unwrap();
    assert_eq!((a.id(), k), ("peopleperhour", PageKind::Profile));
    let (a, k) = detect(Some("https://www.peopleperhour.com/freelance-jobs"), &page).unwrap();
    assert_eq!((a.id(), k), ("peopleperhour", PageKind::Unknown));
    let og = |u: &str| format!(r#"<meta property="og:url" content="{u}">"#);
    for html in [
        og("https://example.com/freelancer/design/jane-doe-qzvmyxr"),
        og("https://www.peopleperhour.com/freelancer/dashboard"),
        og("javascript:alert(1)"),
        String::new(),
    ] {
        assert_eq!(extract(&html, None).profile_key, None, "{html}");
    }
}

#[test]
fn saved_pages_are_recognised_without_their_address() {
    for (name, found) in [
        ("profile-full.html", true),
        ("profile-captions.html", false),
        ("profile-broken.html", false),
    ] {
        let page = HtmlPage::parse(&fixture(name), None);
        let got = detect(None, &page).map(|(a, k)| (a.id(), k));
        assert_eq!(
            got.filter(|(id, _)| *id == "peopleperhour"),
            found.then_some(("peopleperhour", PageKind::Profile)),
            "{name}"
        );
    }
    // The documented statistics widget alone is enough.
    let page = HtmlPage::parse(
        r#"<section class="widget-memberStats"><div class="memberStats-item"><div class="insights-label">Projects completed</div><div class="insights-value">3</div></div></section>"#,
        None,
    );
    assert_eq!(
        detect(None, &page).map(|(a, k)| (a.id(), k)),
        Some(("peopleperhour", PageKind::Profile))
    );
}

// ---- The demo pages ----

#[test]
fn clean_demo_reads_as_documented_and_is_low() {
    let html = read("www/peopleperhour/clean.html");
    let ex = extract(&html, Some(CLEAN_URL));
    consistent(&ex);
    assert_eq!(ex.missing, vec![]);
    let p = &ex.profile;
    assert_eq!(p.name.as_deref(), Some("Eleanor Price"));
    assert_eq!(p.hourly_rate, money(45.0, "GBP"));
    assert_eq!(p.total_jobs, Some(112));
    assert_eq!(p.member_since, YearMonth::new(2016, 4));
    assert_eq!(p.badges, Some(vec!["Top Seller".to_string()]));
    assert_eq!(
        p.links,
        Some(vec![
            "https://eleanorprice.design/work/orchard-cider".to_string()
        ])
    );
    assert_eq!(ex.profile_key.as_deref(), Some("peopleperhour:zqvxmyn"));
    let r = analyze(&html, CLEAN_URL);
    assert_eq!(r.risk.level, Level::Low, "{}", r.risk.summary);
    assert!(r.risk.findings.is_empty());
}

#[test]
fn risky_demo_shows_the_documented_indicators() {
    let html = read("www/peopleperhour/risky.html");
    let ex = extract(&html, Some(RISKY_URL));
    consistent(&ex);
    assert_eq!(ex.missing, vec![]);
    let p = &ex.profile;
    assert_eq!(p.name.as_deref(), Some("Oliver Bennett"));
    let loc = p.location.as_ref().unwrap();
    assert_eq!(
        (loc.city.as_deref(), loc.country.as_deref()),
        (Some("Manchester"), Some("GB"))
    );
    assert_eq!(p.local_time, None, "PeoplePerHour shows no local time");
    assert_eq!(
        p.links,
        Some(
            [
                "https://crypto-dash-demo.netlify.app/",
                "https://nft-market-demo.vercel.app/",
                "hopanatech.com",
            ]
            .map(String::from)
            .to_vec()
        )
    );
    let r = analyze(&html, RISKY_URL);
    assert_eq!(r.risk.level, Level::High, "{}", r.risk.summary);
    let mut fired: Vec<&str> = r.risk.findings.iter().map(|f| f.rule).collect();
    fired.sort();
    assert_eq!(
        fired,
        vec![
            "feedback-name-mismatch",
            "known-bad-domain",
            "throwaway-portfolio-hosts"
        ]
    );
    let names = r
        .risk
        .findings
        .iter()
        .find(|f| f.rule == "feedback-name-mismatch")
        .unwrap();
    assert!(names.evidence.iter().any(|e| e.contains("Kim")));
    assert!(
        !names.evidence.iter().any(|e| e.contains("Oliver fixed")),
        "his own name is no finding"
    );
}

#[test]
fn demo_pages_are_self_contained() {
    for file in [
        "www/peopleperhour/clean.html",
        "www/peopleperhour/risky.html",
    ] {
        let html = read(file);
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
            "<script",
        ] {
            assert!(!lower.contains(banned), "{file} contains {banned}");
        }
    }
}

// ---- Hostile input ----

#[test]
fn implausible_and_hostile_values_are_dropped() {
    let html = "<div class=\"details\"><h1>\u{202E}Mallory\u{202C}<p>Dev</p></h1>\
        <span class=\"member-cert-level\">Top Seller <img src=x onerror=alert(1)> 123</span></div>\
        <section class=\"widget-memberStats\">\
        <div class=\"memberStats-item\"><div class=\"insights-label\">Hourly rate</div><div class=\"insights-value\">£0/hr</div></div>\
        <div class=\"memberStats-item\"><div class=\"insights-label\">Projects completed</div><div class=\"insights-value\">12.5</div></div>\
        <div class=\"memberStats-item\"><div class=\"insights-label\">Member since</div><div class=\"insights-value\">Feb 1899</div></div>\
        <div class=\"memberStats-item\"><div class=\"insights-label\">Location</div><div class=\"insights-value\">12 Acacia Avenue</div></div>\
        </section>";
    let ex = extract(html, None);
    let p = &ex.profile;
    assert_eq!(p.name.as_deref(), Some("Mallory"));
    assert_eq!(p.title.as_deref(), Some("Dev"));
    assert_eq!(p.badges, None, "not a plain level name");
    assert_eq!(p.hourly_rate, None);
    assert_eq!(p.total_jobs, None);
    assert_eq!(p.member_since, None);
    assert_eq!(p.location, None);
}

#[test]
fn damaged_fixtures_never_panic() {
    for file in [
        "profile-full.html",
        "profile-captions.html",
        "profile-broken.html",
    ] {
        let html = fixture(file);
        let bytes = html.as_bytes();
        let mut seed: u64 = 0x853C_49E6_748F_EA9B;
        for k in 1..=30 {
            let mut cut = bytes.len() * k / 31;
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
            let _ = extract(&String::from_utf8_lossy(&mutated), Some(CLEAN_URL));
        }
    }
}

#[test]
fn the_claimed_country_and_name_do_not_move_the_verdict() {
    let now = Instant::parse_rfc3339(NOW).unwrap();
    let n = PeoplePerHour.expected_fields(PageKind::Profile).len();
    for (file, url) in [
        ("www/peopleperhour/clean.html", CLEAN_URL),
        ("www/peopleperhour/risky.html", RISKY_URL),
    ] {
        let base = extract(&read(file), Some(url));
        let reference = hirecheck::assess(&base, n, &Policy::default(), now);
        let rules = |r: &hirecheck::score::Risk| {
            let mut v: Vec<&str> = r.findings.iter().map(|f| f.rule).collect();
            v.sort();
            v
        };
        for country in [
            "North Korea",
            "Russia",
            "China",
            "Nigeria",
            "United States",
            "Poland",
            "India",
            "Vietnam",
        ] {
            let mut ex = base.clone();
            let loc = ex.profile.location.as_mut().unwrap();
            loc.country_name = Some(country.to_string());
            loc.country = hirecheck::countries::iso2_from_name(country).map(str::to_string);
            let r = hirecheck::assess(&ex, n, &Policy::default(), now);
            assert_eq!(
                (r.level, r.score, rules(&r)),
                (reference.level, reference.score, rules(&reference)),
                "{file}: {country}"
            );
        }
    }
    assert!(HtmlPage::parse("", None).url().is_none());
}
