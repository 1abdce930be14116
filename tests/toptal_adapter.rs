//! The Toptal adapter over saved pages: field-by-field expectations for each fixture, URL → page kind, profile keys,
//! sniffing without an address, the demo page's verdict, and hostile input.
//!
//! Toptal shows no rate, reviews, hours or earnings: a fully read resume must reach a verdict ("low" here), never
//! "unknown" for lacking what the site never shows.

use hirecheck::model::{Field, YearMonth};
use hirecheck::page::{HtmlPage, Page};
use hirecheck::policy::Policy;
use hirecheck::score::Level;
use hirecheck::sites::toptal::{self, Toptal};
use hirecheck::sites::{detect, Adapter, Extraction, PageKind};
use hirecheck::time::Instant;

const NOW: &str = "2026-11-26T14:42:00Z";

fn read(rel: &str) -> String {
    let path = format!("{}/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn fixture(name: &str) -> String {
    read(&format!("tests/fixtures/toptal/{name}"))
}

fn extract(html: &str, url: Option<&str>) -> Extraction {
    Toptal.extract(&HtmlPage::parse(html, url), PageKind::Profile)
}

fn src(ex: &Extraction, f: Field) -> &str {
    ex.read_from.get(&f).map(String::as_str).unwrap_or("<none>")
}

/// Every field a resume shows either has a value and a source, or is listed missing.
fn consistent(ex: &Extraction) {
    for &f in Toptal.expected_fields(PageKind::Profile) {
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
fn expected_fields_are_what_toptal_shows() {
    assert_eq!(
        Toptal.expected_fields(PageKind::Profile),
        &[
            Field::Name,
            Field::Title,
            Field::Location,
            Field::MemberSince,
            Field::Overview,
            Field::Links
        ]
    );
    for f in [
        Field::HourlyRate,
        Field::WorkHistory,
        Field::TotalHours,
        Field::JobSuccess,
    ] {
        assert!(
            !Toptal.expected_fields(PageKind::Profile).contains(&f),
            "{f:?}"
        );
    }
    assert!(Toptal.expected_fields(PageKind::Unknown).is_empty());
}

#[test]
fn resume_2019_reads_every_field_from_the_documented_classes() {
    let ex = extract(
        &fixture("resume-2019.html"),
        Some("https://www.toptal.com/resume/joana-ferreira"),
    );
    consistent(&ex);
    assert_eq!(ex.missing, vec![], "6 of 6");
    assert_eq!(ex.profile_key.as_deref(), Some("toptal:joana-ferreira"));
    let p = &ex.profile;
    assert_eq!(p.name.as_deref(), Some("Joana Ferreira"));
    assert_eq!(src(&ex, Field::Name), ".resume_top-info_name");
    assert_eq!(p.title.as_deref(), Some("Developer"));
    assert_eq!(
        src(&ex, Field::Title),
        ".resume_top-info_short_description[data-talent_title] @data-talent_title"
    );
    let loc = p.location.as_ref().unwrap();
    assert_eq!(
        (
            loc.city.as_deref(),
            loc.country_name.as_deref(),
            loc.country.as_deref()
        ),
        (Some("Porto"), Some("Portugal"), Some("PT"))
    );
    assert_eq!(src(&ex, Field::Location), ".resume_top-info_location");
    assert_eq!(p.member_since, YearMonth::new(2020, 3));
    assert_eq!(src(&ex, Field::MemberSince), ".resume_top-info_since");
    assert!(p.overview.as_deref().is_some_and(
        |o| o.starts_with("Joana is a backend engineer") && o.ends_with("documentation.")
    ));
    assert_eq!(src(&ex, Field::Overview), ".resume_top-info_bio");
    // The employer's domain from the employment section; skill tags link to toptal.com and are not hers.
    assert_eq!(p.links, Some(vec!["tidewaterfreight.com".to_string()]));
    assert!(src(&ex, Field::Links).contains(".js-employments"));
    // Employment is not platform work: no work history, no hours, no rate.
    assert_eq!(p.work_history, None);
    assert_eq!((p.hourly_rate.as_ref(), p.total_hours), (None, None));
}

#[test]
fn generic_resume_reads_json_ld_and_captions() {
    let ex = extract(
        &fixture("resume-generic.html"),
        Some("https://www.toptal.com/developers/resume/samuel-okafor"),
    );
    consistent(&ex);
    assert_eq!(ex.missing, vec![], "6 of 6");
    assert_eq!(ex.profile_key.as_deref(), Some("toptal:samuel-okafor"));
    let p = &ex.profile;
    assert_eq!(p.name.as_deref(), Some("Samuel Okafor"));
    assert_eq!(
        src(&ex, Field::Name),
        "script[type=application/ld+json] Person.name"
    );
    assert_eq!(p.title.as_deref(), Some("Principal Software Engineer"));
    let loc = p.location.as_ref().unwrap();
    assert_eq!(
        (
            loc.city.as_deref(),
            loc.country_name.as_deref(),
            loc.country.as_deref()
        ),
        (Some("Menasha, WI"), Some("United States"), Some("US"))
    );
    assert_eq!(
        src(&ex, Field::Location),
        "script[type=application/ld+json] Person.address"
    );
    assert_eq!(p.member_since, YearMonth::new(2021, 1));
    assert_eq!(
        src(&ex, Field::MemberSince),
        "dl > div \"Toptal member since\""
    );
    assert_eq!(
        p.links,
        Some(vec!["https://github.com/sokafor-dev".to_string()])
    );
}

#[test]
fn broken_resume_is_unknown_with_the_missing_fields_named() {
    let url = "https://www.toptal.com/resume/rui-almeida";
    let ex = extract(&fixture("resume-broken.html"), Some(url));
    consistent(&ex);
    let read: Vec<Field> = Field::ALL
        .into_iter()
        .filter(|f| ex.profile.has(*f))
        .collect();
    assert_eq!(read, vec![Field::Name]);
    assert_eq!(ex.profile.name.as_deref(), Some("Rui Almeida"));
    assert_eq!(src(&ex, Field::Name), "meta[property=og:title]");
    assert_eq!(ex.missing.len(), 5);
    let r = analyze(&fixture("resume-broken.html"), url);
    assert_eq!(r.risk.level, Level::Unknown);
    assert_eq!(r.site, Some("toptal"));
}

#[test]
fn the_head_is_read_in_the_photo_form() {
    let html = r#"<head><title>Ana Lee, Designer in Lisbon, Portugal | Toptal®</title></head><body><p>x</p></body>"#;
    let ex = extract(html, Some("https://www.toptal.com/resume/ana-lee"));
    let p = &ex.profile;
    assert_eq!(p.name.as_deref(), Some("Ana Lee"));
    assert_eq!(p.title.as_deref(), Some("Designer"));
    assert_eq!(
        p.location.as_ref().and_then(|l| l.country.as_deref()),
        Some("PT")
    );
    assert_eq!(src(&ex, Field::Name), "<title>");
}

#[test]
fn kinds_by_path() {
    let cases = [
        ("/resume/eric-w-greene", PageKind::Profile),
        ("/resume/eric-w-greene/", PageKind::Profile),
        ("/developers/resume/andrii-naidenko", PageKind::Profile),
        ("/designers/resume/adrien-castelain", PageKind::Profile),
        ("/resume/", PageKind::Unknown),
        ("/resume", PageKind::Unknown),
        ("/developers", PageKind::Unknown),
        ("/developers/resume/x/y", PageKind::Unknown),
        ("/resume/<script>", PageKind::Unknown),
        ("/", PageKind::Unknown),
        ("", PageKind::Unknown),
    ];
    for (path, kind) in cases {
        assert_eq!(toptal::page_kind(path), kind, "{path}");
    }
    assert_eq!(
        toptal::resume_slug("/Developers/Resume/Eric-W-Greene").as_deref(),
        Some("eric-w-greene")
    );
}

#[test]
fn addresses_pick_the_adapter() {
    let page = HtmlPage::parse("<p>x</p>", None);
    for (url, kind) in [
        (
            "https://www.toptal.com/resume/eric-w-greene#qjl3b7",
            PageKind::Profile,
        ),
        (
            "https://toptal.com/developers/resume/x-y?preview",
            PageKind::Profile,
        ),
        ("https://www.toptal.com/hire", PageKind::Unknown),
    ] {
        let (a, k) = detect(Some(url), &page).unwrap();
        assert_eq!((a.id(), k), ("toptal", kind), "{url}");
    }
    assert!(detect(Some("https://nottoptal.com/resume/x"), &page)
        .is_none_or(|(a, _)| a.id() != "toptal"));
}

#[test]
fn saved_pages_are_recognised_without_their_address() {
    for (name, found) in [
        ("resume-2019.html", true),
        ("resume-generic.html", true),
        ("resume-broken.html", false),
    ] {
        let html = fixture(name);
        let page = HtmlPage::parse(&html, None);
        let got = detect(None, &page).map(|(a, k)| (a.id(), k));
        assert_eq!(
            got,
            found.then_some(("toptal", PageKind::Profile)),
            "{name}"
        );
    }
}

#[test]
fn profile_keys_name_the_resume_shown() {
    let key = |html: &str, url: Option<&str>| extract(html, url).profile_key;
    let og = |u: &str| format!(r#"<meta property="og:url" content="{u}">"#);
    assert_eq!(
        key(&og("https://www.toptal.com/resume/Jane-Doe"), None).as_deref(),
        Some("toptal:jane-doe")
    );
    // The page's own address wins over a stale head.
    assert_eq!(
        key(
            &og("https://www.toptal.com/resume/old-one"),
            Some("https://www.toptal.com/developers/resume/new-one")
        )
        .as_deref(),
        Some("toptal:new-one")
    );
    for html in [
        og("https://example.com/resume/jane"),
        og("https://www.toptal.com/developers"),
        og("javascript:alert(1)"),
        String::new(),
    ] {
        assert_eq!(key(&html, None), None, "{html}");
    }
}

// ---- The demo page ----

#[test]
fn demo_page_reads_as_documented_and_is_low() {
    let url = "https://www.toptal.com/resume/mateo-silva";
    let html = read("www/toptal/clean.html");
    let ex = extract(&html, Some(url));
    consistent(&ex);
    assert_eq!(ex.missing, vec![]);
    let p = &ex.profile;
    assert_eq!(p.name.as_deref(), Some("Mateo Silva"));
    assert_eq!(p.title.as_deref(), Some("Developer"));
    assert_eq!(
        p.location.as_ref().and_then(|l| l.country.as_deref()),
        Some("UY")
    );
    assert_eq!(p.member_since, YearMonth::new(2021, 8));
    assert_eq!(p.links, Some(vec!["almacendigital.com.uy".to_string()]));
    assert_eq!(ex.profile_key.as_deref(), Some("toptal:mateo-silva"));

    let r = analyze(&html, url);
    assert_eq!(r.risk.level, Level::Low, "{}", r.risk.summary);
    assert!(r.risk.findings.is_empty());
    assert_eq!(r.risk.coverage.fields_read, 6);
    assert_eq!(r.risk.coverage.fields_expected, 6);
    let ran: Vec<&str> = hirecheck::rules::RULES
        .iter()
        .map(|r| r.id)
        .filter(|id| !r.risk.unevaluated.iter().any(|u| u.rule == *id))
        .collect();
    // Rules of pages other than profiles (work diary, messages) do not apply here and count neither way.
    assert!(
        ran.starts_with(&["known-bad-domain", "throwaway-portfolio-hosts"]),
        "{ran:?}"
    );
    assert_eq!(r.risk.coverage.rules_evaluated, 2);
}

#[test]
fn demo_page_is_self_contained() {
    assert_self_contained("www/toptal/clean.html");
}

fn assert_self_contained(file: &str) {
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
    ] {
        assert!(!lower.contains(banned), "{file} contains {banned}");
    }
    let page = HtmlPage::parse(&html, None);
    for s in page.select(None, "script") {
        assert_eq!(
            page.attr(s, "type").as_deref(),
            Some("application/ld+json"),
            "{file}: only inert data scripts"
        );
        assert!(page.attr(s, "src").is_none(), "{file}: external script");
    }
}

// ---- Hostile input ----

#[test]
fn implausible_and_hostile_values_are_dropped() {
    let html = "<div class=\"resume_top-info_name\">\u{202E}Eve\u{202C} <b>Mallory</b></div>\
        <h1 class=\"resume_top-info_location\">Hacker in &lt;script&gt;, Atlantis</h1>\
        <div class=\"resume_top-info_since\">Member since Smarch 99, 20199</div>\
        <div class=\"resume_top-info_bio\">See <a href=\"javascript:alert(1)\">this</a> and evil.example.com</div>";
    let ex = extract(html, Some("https://www.toptal.com/resume/eve"));
    let p = &ex.profile;
    assert_eq!(
        p.name.as_deref(),
        Some("Eve Mallory"),
        "bidi overrides dropped"
    );
    assert_eq!(p.location, None, "Atlantis is no country");
    assert_eq!(p.member_since, None);
    assert_eq!(
        p.links,
        Some(vec!["evil.example.com".to_string()]),
        "addresses written in the bio count; javascript: is no link"
    );
}

#[test]
fn damaged_fixtures_never_panic() {
    for file in [
        "resume-2019.html",
        "resume-generic.html",
        "resume-broken.html",
    ] {
        let html = fixture(file);
        let bytes = html.as_bytes();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
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
                Some("https://www.toptal.com/resume/x"),
            );
        }
    }
}

#[test]
fn huge_and_deep_pages_stay_bounded() {
    let deep = format!(
        "<script type=\"application/ld+json\">{}{{\"@type\":\"Person\",\"name\":\"Deep\"}}{}</script>{}x{}",
        "[".repeat(3000),
        "]".repeat(3000),
        "<div>".repeat(2000),
        "</div>".repeat(2000)
    );
    let ex = extract(&deep, Some("https://www.toptal.com/resume/deep"));
    assert_eq!(ex.profile.name, None, "nested past the depth cap");
    let many: String = (0..400)
        .map(|i| format!("<a href=\"https://site{i}.example.com/\">x</a>"))
        .collect();
    let html = format!("<div class=\"resume_top-info\"><div class=\"resume_top-info_name\">Ann Lee</div>{many}</div>");
    let links = extract(&html, None).profile.links.unwrap();
    assert_eq!(links.len(), 200, "links are capped");
}

#[test]
fn the_claimed_country_does_not_move_the_verdict() {
    let url = "https://www.toptal.com/resume/mateo-silva";
    let html = read("www/toptal/clean.html");
    let now = Instant::parse_rfc3339(NOW).unwrap();
    let base = extract(&html, Some(url));
    let expected = Toptal.expected_fields(PageKind::Profile).len();
    let reference = hirecheck::assess(&base, expected, &Policy::default(), now);
    for country in [
        "North Korea",
        "Russia",
        "China",
        "Nigeria",
        "United States",
        "Germany",
        "India",
        "Iran",
    ] {
        let mut ex = base.clone();
        let loc = ex.profile.location.as_mut().unwrap();
        loc.country_name = Some(country.to_string());
        loc.country = hirecheck::countries::iso2_from_name(country).map(str::to_string);
        let r = hirecheck::assess(&ex, expected, &Policy::default(), now);
        assert_eq!(
            (r.level, r.score),
            (reference.level, reference.score),
            "{country}"
        );
    }
}

#[test]
fn non_profile_pages_read_nothing() {
    let html = fixture("resume-2019.html");
    let page = HtmlPage::parse(&html, Some("https://www.toptal.com/hire"));
    let ex = Toptal.extract(&page, PageKind::Unknown);
    assert_eq!(ex.profile, Default::default());
    assert!(ex.missing.is_empty());
    assert!(page.url().is_some());
}
