//! The Guru adapter over saved pages: field-by-field expectations for each fixture, URL → page kind, profile keys,
//! sniffing, the demo page's verdict, and hostile input.
//!
//! No Guru markup is documented: the fixtures model it (see their headers), and the adapter reads generic sources.

use hirecheck::model::{Date, Field, Money, YearMonth};
use hirecheck::page::{HtmlPage, Page};
use hirecheck::policy::Policy;
use hirecheck::score::Level;
use hirecheck::sites::guru::{self, Guru};
use hirecheck::sites::{detect, Adapter, Extraction, PageKind};
use hirecheck::time::Instant;

const NOW: &str = "2026-11-26T14:42:00Z";

fn read(rel: &str) -> String {
    let path = format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixture(name: &str) -> String {
    read(&format!("tests/fixtures/guru/{name}"))
}

fn extract(html: &str, url: Option<&str>) -> Extraction {
    Guru.extract(&HtmlPage::parse(html, url), PageKind::Profile)
}

fn src(ex: &Extraction, f: Field) -> &str {
    ex.read_from.get(&f).map(String::as_str).unwrap_or("<none>")
}

fn usd(amount: f64) -> Option<Money> {
    Some(Money {
        amount,
        currency: "USD".into(),
    })
}

fn consistent(ex: &Extraction) {
    for &f in Guru.expected_fields(PageKind::Profile) {
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
    let ex = extract(
        &fixture("profile-full.html"),
        Some("https://www.guru.com/freelancers/grace-wanjiru"),
    );
    consistent(&ex);
    assert_eq!(ex.missing, vec![], "9 of 9");
    assert_eq!(ex.profile_key.as_deref(), Some("guru:grace-wanjiru"));
    let p = &ex.profile;
    assert_eq!(p.name.as_deref(), Some("Grace Wanjiru"));
    assert_eq!(src(&ex, Field::Name), "[itemprop=name]");
    assert_eq!(p.title.as_deref(), Some("Laravel and Vue.js Developer"));
    assert_eq!(src(&ex, Field::Title), "[itemprop=jobTitle]");
    assert_eq!(p.hourly_rate, usd(45.0));
    assert_eq!(src(&ex, Field::HourlyRate), "li \"Rate\"");
    let loc = p.location.as_ref().unwrap();
    assert_eq!(
        (
            loc.city.as_deref(),
            loc.country_name.as_deref(),
            loc.country.as_deref()
        ),
        (Some("Nairobi"), Some("Kenya"), Some("KE"))
    );
    assert_eq!(
        p.total_earnings,
        usd(86450.0),
        "all-time, not the last 12 months"
    );
    assert_eq!(
        src(&ex, Field::TotalEarnings),
        "dl > div \"All-time earnings\""
    );
    assert_eq!(p.member_since, YearMonth::new(2017, 3));
    assert_eq!(src(&ex, Field::MemberSince), "li \"Member since\"");
    assert!(p
        .overview
        .as_deref()
        .is_some_and(|o| o.starts_with("Full-stack developer (Laravel")));
    assert_eq!(p.job_success, None, "the feedback percentage is not a JSS");
    let w = p.work_history.as_ref().unwrap();
    assert_eq!(w.len(), 3);
    assert_eq!(src(&ex, Field::WorkHistory), "#feedback .feedback-item");
    assert_eq!(
        w[0].title.as_deref(),
        Some("Booking system for a dental clinic")
    );
    assert_eq!((w[0].start, w[0].end), (None, Date::new(2026, 9, 14)));
    assert_eq!(w[0].rating, Some(5.0));
    assert_eq!(w[0].earnings, usd(3200.0));
    assert_eq!(w[0].kind, None, "not shown");
    assert_eq!(w[0].hours, None);
    assert_eq!(
        w[1].feedback.as_deref(),
        Some("Thanks Grace, great communication."),
        "quotes stripped"
    );
    assert_eq!(w[1].rating, Some(4.9));
    assert_eq!(
        p.links,
        Some(vec![
            "https://grace-wanjiru.dev/projects/clinic-booking".to_string()
        ]),
        "Guru's own links and the site chrome are not hers"
    );
}

#[test]
fn json_ld_profile_reads_graph_and_captions() {
    let ex = extract(
        &fixture("profile-jsonld.html"),
        Some("https://www.guru.com/freelancers/ahmed-raza-7"),
    );
    consistent(&ex);
    assert_eq!(ex.missing, vec![Field::WorkHistory], "8 of 9");
    let p = &ex.profile;
    assert_eq!(p.name.as_deref(), Some("Ahmed Raza"));
    assert_eq!(
        src(&ex, Field::Name),
        "script[type=application/ld+json] Person.name"
    );
    assert_eq!(p.title.as_deref(), Some("Data Entry and Excel Automation"));
    let loc = p.location.as_ref().unwrap();
    assert_eq!(
        (
            loc.city.as_deref(),
            loc.country_name.as_deref(),
            loc.country.as_deref()
        ),
        (Some("Lahore"), Some("Pakistan"), Some("PK"))
    );
    assert_eq!(p.hourly_rate, usd(30.0));
    assert_eq!(src(&ex, Field::HourlyRate), "p \"Hourly rate\"");
    assert_eq!(p.member_since, YearMonth::new(2019, 11));
    assert_eq!(src(&ex, Field::MemberSince), "p \"Joined\"");
    assert_eq!(
        p.total_earnings,
        usd(12300.0),
        "the past-12-months figure is skipped"
    );
    assert_eq!(src(&ex, Field::TotalEarnings), "span \"Earnings\"");
    assert_eq!(
        p.links,
        Some(vec!["https://github.com/ahmedraza-xl".to_string()])
    );
}

#[test]
fn broken_profile_is_unknown() {
    let url = "https://www.guru.com/freelancers/peter-mensah";
    let html = fixture("profile-broken.html");
    let ex = extract(&html, Some(url));
    consistent(&ex);
    let read: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| ex.profile.has(*f))
        .collect();
    assert_eq!(read, vec![Field::Name, Field::Title]);
    assert_eq!(src(&ex, Field::Title), "<title>");
    assert_eq!(ex.missing.len(), 7);
    let r = analyze(&html, url);
    assert_eq!(r.risk.level, Level::Unknown);
    assert!(r.risk.summary.contains("2 of 9"), "{}", r.risk.summary);
}

#[test]
fn kinds_by_path_and_keys() {
    let cases = [
        ("/freelancers/infomist", Some("infomist")),
        ("/freelancers/Pavel-Zhukov-Atum/", Some("pavel-zhukov-atum")),
        (
            "/freelancers/wtechy-private-limited?x=1",
            Some("wtechy-private-limited"),
        ),
        ("/freelancers/", None),
        ("/freelancers/signup", None),
        ("/freelancers/search", None),
        ("/freelancers/a/portfolio", None),
        ("/d/freelancers/l/united-states", None),
        ("/freelancers/<script>", None),
        ("/", None),
        ("", None),
    ];
    for (path, slug) in cases {
        assert_eq!(guru::profile_slug(path).as_deref(), slug, "{path}");
        let kind = if slug.is_some() {
            PageKind::Profile
        } else {
            PageKind::Unknown
        };
        assert_eq!(guru::page_kind(path), kind, "{path}");
    }
    let page = HtmlPage::parse("<p>x</p>", None);
    let (a, k) = detect(Some("https://www.guru.com/freelancers/infomist#top"), &page).unwrap();
    assert_eq!((a.id(), k), ("guru", PageKind::Profile));
    assert!(detect(Some("https://www.notguru.com/freelancers/x"), &page)
        .is_none_or(|(a, _)| a.id() != "guru"));

    let key = |html: &str, url: Option<&str>| extract(html, url).profile_key;
    let og = |u: &str| format!(r#"<meta property="og:url" content="{u}">"#);
    assert_eq!(
        key(&og("https://www.guru.com/freelancers/InfoMist"), None).as_deref(),
        Some("guru:infomist")
    );
    assert_eq!(
        key(
            &og("https://www.guru.com/freelancers/old-one"),
            Some("https://www.guru.com/freelancers/new-one")
        )
        .as_deref(),
        Some("guru:new-one")
    );
    for html in [
        og("https://example.com/freelancers/x"),
        og("https://www.guru.com/d/jobs/"),
        String::new(),
    ] {
        assert_eq!(key(&html, None), None, "{html}");
    }
}

#[test]
fn saved_pages_are_recognised_by_their_stated_address_only() {
    let page = HtmlPage::parse(&fixture("profile-full.html"), None);
    assert_eq!(
        detect(None, &page).map(|(a, k)| (a.id(), k)),
        Some(("guru", PageKind::Profile))
    );
    // Without an address in the head there is no Guru-only markup to go by.
    let page = HtmlPage::parse(&fixture("profile-broken.html"), None);
    assert!(detect(None, &page).is_none_or(|(a, _)| a.id() != "guru"));
}

// ---- The demo page ----

#[test]
fn demo_page_reads_as_documented_and_is_low() {
    let url = "https://www.guru.com/freelancers/amara-okoye";
    let html = read("www/guru/clean.html");
    let ex = extract(&html, Some(url));
    consistent(&ex);
    assert_eq!(ex.missing, vec![]);
    let p = &ex.profile;
    assert_eq!(p.name.as_deref(), Some("Amara Okoye"));
    assert_eq!(p.hourly_rate, usd(40.0));
    assert_eq!(p.total_earnings, usd(52300.0));
    assert_eq!(p.member_since, YearMonth::new(2018, 7));
    assert_eq!(
        p.location.as_ref().and_then(|l| l.country.as_deref()),
        Some("NG")
    );
    assert_eq!(p.work_history.as_ref().map(Vec::len), Some(3));
    assert_eq!(
        p.links,
        Some(vec![
            "https://amaraokoye-docs.com/samples/payments-api".to_string()
        ])
    );
    assert_eq!(ex.profile_key.as_deref(), Some("guru:amara-okoye"));
    let r = analyze(&html, url);
    assert_eq!(r.risk.level, Level::Low, "{}", r.risk.summary);
    assert!(r.risk.findings.is_empty());
    for rule in [
        "feedback-name-mismatch",
        "known-bad-domain",
        "throwaway-portfolio-hosts",
        "history-before-membership",
        "review-burst",
    ] {
        assert!(
            !r.risk.unevaluated.iter().any(|u| u.rule == rule),
            "{rule} ran"
        );
    }
}

#[test]
fn demo_page_is_self_contained() {
    let file = "www/guru/clean.html";
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

// ---- Hostile input ----

#[test]
fn implausible_values_are_dropped() {
    let html = r#"<h1 itemprop="name">Eve</h1><ul>
        <li><span>Rate</span> <b>$99999999/hr</b></li>
        <li><span>Member since</span> <b>Smarch 20199</b></li>
        <li><span>All-time earnings</span> <b>-$5,000</b></li>
        <li><span>Location</span> <b>Atlantis</b></li></ul>
        <section id="feedback"><ul><li class="feedback-item"><h4 class="feedback-title">Job</h4>
        <span class="feedback-rating">250%</span><span class="feedback-amount">$1e300</span>
        <span class="feedback-date">Feb 30, 2026</span></li></ul></section>"#;
    let ex = extract(html, Some("https://www.guru.com/freelancers/eve"));
    let p = &ex.profile;
    assert_eq!(p.hourly_rate, None);
    assert_eq!(p.member_since, None);
    assert_eq!(p.total_earnings, None);
    assert_eq!(
        p.location, None,
        "a caption's place must be a known country"
    );
    let w = &p.work_history.as_ref().unwrap()[0];
    assert_eq!((w.rating, w.end), (None, None));
    assert_eq!(w.earnings, usd(1.0), "exponents are not display notation");
}

#[test]
fn many_entries_are_capped_and_empty_sections_are_none() {
    let items: String = (0..800)
        .map(|i| {
            format!(r#"<li class="feedback-item"><h4 class="feedback-title">Job {i}</h4></li>"#)
        })
        .collect();
    let html = format!(r#"<section id="feedback"><ul>{items}</ul></section>"#);
    let ex = extract(&html, None);
    assert_eq!(ex.profile.work_history.map(|w| w.len()), Some(500));
    let ex = extract(
        r#"<section id="feedback"><h3>Feedback</h3><p>No feedback yet.</p></section>"#,
        None,
    );
    assert_eq!(ex.profile.work_history, Some(vec![]), "read, and empty");
    let ex = extract(r#"<h1 itemprop="name">Eve</h1>"#, None);
    assert_eq!(ex.profile.work_history, None, "not found: unknown");
}

#[test]
fn damaged_fixtures_never_panic() {
    for file in [
        "profile-full.html",
        "profile-jsonld.html",
        "profile-broken.html",
    ] {
        let html = fixture(file);
        let bytes = html.as_bytes();
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
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
            let _ = extract(
                &String::from_utf8_lossy(&mutated),
                Some("https://www.guru.com/freelancers/x"),
            );
        }
    }
}

#[test]
fn the_claimed_country_does_not_move_the_verdict() {
    let url = "https://www.guru.com/freelancers/amara-okoye";
    let base = extract(&read("www/guru/clean.html"), Some(url));
    let now = Instant::parse_rfc3339(NOW).unwrap();
    let n = Guru.expected_fields(PageKind::Profile).len();
    let reference = hirecheck::assess(&base, n, &Policy::default(), now);
    for country in [
        "North Korea",
        "Russia",
        "China",
        "Ukraine",
        "United States",
        "Germany",
        "Pakistan",
        "Brazil",
    ] {
        let mut ex = base.clone();
        let loc = ex.profile.location.as_mut().unwrap();
        loc.country_name = Some(country.to_string());
        loc.country = hirecheck::countries::iso2_from_name(country).map(str::to_string);
        let r = hirecheck::assess(&ex, n, &Policy::default(), now);
        assert_eq!(
            (r.level, r.score),
            (reference.level, reference.score),
            "{country}"
        );
    }
    assert!(HtmlPage::parse("", None).url().is_none());
}
