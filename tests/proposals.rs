//! Proposals pages: the Upwork applicants reader and the comparison of bids across bidders.

use hirecheck::model::{Bid, Money};
use hirecheck::page::{HtmlPage, Page};
use hirecheck::policy::{Lang, Policy};
use hirecheck::proposals::{assess_bids, summarize};
use hirecheck::score::Level;
use hirecheck::sites::PageKind;
use hirecheck::time::Instant;

const DEMO: &str = include_str!("../www/upwork/proposals.html");
const URL: &str = "https://www.upwork.com/ab/applicants/1792837465019283746/applicants";

fn now() -> Instant {
    Instant::parse_rfc3339("2026-11-26T04:00:00Z").unwrap()
}

fn rules(r: &hirecheck::score::Risk) -> Vec<&'static str> {
    r.findings.iter().map(|f| f.rule).collect()
}

#[test]
fn demo_page_reads_every_row_and_flags_the_planted_bidders() {
    let page = HtmlPage::parse(DEMO, Some(URL));
    let report = hirecheck::analyze(&page, URL, &Policy::default(), now());
    assert_eq!(report.page_kind, PageKind::Proposals);
    assert!(
        report.checklist.is_empty(),
        "the checklist is per freelancer, not per job"
    );
    assert_eq!(report.bids.len(), 8, "{:#?}", report.bids);
    let names: Vec<_> = report
        .bids
        .iter()
        .map(|b| b.name.clone().unwrap())
        .collect();
    assert_eq!(names[2], "Alex Carter");
    let by = |i: usize| rules(&report.bids[i].risk);
    assert!(by(2).contains(&"bid-duplicate-text"), "{:?}", by(2));
    assert!(by(3).contains(&"bid-duplicate-text"));
    assert!(by(2).contains(&"bid-shared-photo"));
    assert!(by(5).contains(&"bid-shared-photo"));
    assert!(by(2).contains(&"bid-low-pay-high-rating"));
    assert_eq!(report.bids[2].risk.level, Level::High);
    for i in [0, 1, 4, 7] {
        assert!(by(i).is_empty(), "{i}: {:?}", by(i));
        assert_eq!(report.bids[i].risk.level, Level::Low, "{i}");
    }
    // Sofia shows no JSS: the low-pay check cannot run for her, but she is still read well enough.
    assert!(by(6).is_empty());
    let dup = &report.bids[2].risk.findings[0];
    assert!(
        dup.evidence[0].contains("Daniel Brooks"),
        "{:?}",
        dup.evidence
    );
    assert!(
        dup.evidence[0].contains("deliver clean tested code within your deadline"),
        "{:?}",
        dup.evidence
    );
    assert!(dup.source.contains("2022-05-16"));
    assert_eq!(report.risk.level, Level::High);
    assert!(
        report
            .risk
            .summary
            .starts_with("3 of 8 proposals show indicators"),
        "{}",
        report.risk.summary
    );
    let b = &report.bids[2];
    assert_eq!(
        b.profile_url.as_deref(),
        Some("https://www.upwork.com/freelancers/~01cc33alex")
    );
}

#[test]
fn embedded_client_proposal_json_is_read_first() {
    let html = r#"<html><body><script type="application/json" id="state">{"data":{"clientProposals":{"edges":[
      {"node":{"id":"1","coverLetter":"I can do it","terms":{"chargeRate":{"rawValue":"35.0","currency":"USD"}},
       "auditDetails":{"createdDateTime":"2026-11-20T10:00:00Z"},
       "user":{"name":"Ann Lee","ciphertext":"~01ann","jobSuccessScore":97,"earnings":12000,"location":{"country":"Canada"},"photoUrl":"https://x.example/a.jpg"}}},
      {"node":{"id":"2","coverLetter":"Hello","terms":{"chargeRate":{"rawValue":20,"currency":"EUR"}},"user":{"name":"Bo"}}}
    ]}}}</script></body></html>"#;
    let page = HtmlPage::parse(html, Some(URL));
    let report = hirecheck::analyze(&page, URL, &Policy::default(), now());
    assert_eq!(report.bids.len(), 2);
    assert_eq!(
        report.read_from.values().next().map(String::as_str),
        Some("script[type=application/json] ClientProposal")
    );
    let a = &report.bids[0];
    assert_eq!(
        a.profile_url.as_deref(),
        Some("https://www.upwork.com/freelancers/~01ann")
    );
    // Proposals read but too few bids and texts for any comparison: unknown per bid, never "low" silently.
    assert!(report.missing.is_empty());
}

fn bid(name: &str, url: &str, text: &str, usd: f64, jss: Option<u8>) -> Bid {
    Bid {
        name: Some(name.into()),
        profile_url: Some(url.into()),
        rate: Some(Money {
            amount: usd,
            currency: "USD".into(),
        }),
        job_success: jss,
        text: Some(text.into()),
        photo_url: Some(format!("https://p.example/{name}.jpg")),
        ..Bid::default()
    }
}

const TEMPLATE: &str = "Dear client I have gone through your requirements and I am an expert developer with many years of experience in web and mobile development and I can deliver high quality work on time please message me to discuss";

fn distinct(i: usize) -> String {
    format!("proposal number {i} talks about its own plan: {} and nothing else in particular here so it stays unique to bidder {i} alone with words {i}a {i}b {i}c {i}d", ["alpha beta gamma", "delta epsilon zeta", "eta theta iota", "kappa lambda mu", "nu xi omicron", "pi rho sigma", "tau upsilon phi", "chi psi omega"][i % 8])
}

#[test]
fn duplicates_across_bidders_but_not_the_same_bidder() {
    let p = Policy::default();
    let mut bids: Vec<Bid> = (0..5)
        .map(|i| {
            bid(
                &format!("B{i}"),
                &format!("https://u.example/{i}"),
                &distinct(i),
                40.0,
                None,
            )
        })
        .collect();
    bids.push(bid(
        "Same One",
        "https://u.example/same",
        TEMPLATE,
        40.0,
        None,
    ));
    bids.push(bid(
        "Same One",
        "https://u.example/same/",
        &TEMPLATE.replace("Dear", "Hi"),
        40.0,
        None,
    ));
    let r = assess_bids(&bids, &p, now());
    assert!(
        r.iter()
            .all(|b| !rules(&b.risk).contains(&"bid-duplicate-text")),
        "same bidder twice is not a duplicate"
    );
    // The same text under a different account is.
    bids.push(bid(
        "Other Person",
        "https://u.example/other",
        &TEMPLATE.replace("please", "kindly"),
        40.0,
        None,
    ));
    let r = assess_bids(&bids, &p, now());
    let dup: Vec<usize> = r
        .iter()
        .filter(|b| rules(&b.risk).contains(&"bid-duplicate-text"))
        .map(|b| b.index)
        .collect();
    assert_eq!(dup, vec![5, 6, 7]);
    // Short texts are never compared.
    let short: Vec<Bid> = (0..3)
        .map(|i| {
            bid(
                &format!("S{i}"),
                &format!("https://u.example/s{i}"),
                "I can do it",
                40.0,
                None,
            )
        })
        .collect();
    assert!(assess_bids(&short, &p, now())
        .iter()
        .all(|b| b.risk.findings.is_empty()));
    // German output.
    let de = Policy {
        lang: Lang::De,
        ..Policy::default()
    };
    let r = assess_bids(&bids, &de, now());
    assert!(r[7].risk.findings[0]
        .title
        .starts_with("Gleicher Angebotstext"));
    assert!(summarize(&r, &de).summary.contains("von 8 Angeboten"));
}

#[test]
fn low_price_threshold_needs_five_bids_and_a_high_rating() {
    let p = Policy::default();
    let mk = |n: usize, cheap: f64, jss: Option<u8>| {
        let mut v: Vec<Bid> = (0..n)
            .map(|i| {
                bid(
                    &format!("B{i}"),
                    &format!("https://u.example/{i}"),
                    &distinct(i),
                    50.0,
                    Some(80),
                )
            })
            .collect();
        v.push(bid(
            "Cheap",
            "https://u.example/cheap",
            &distinct(99),
            cheap,
            jss,
        ));
        v
    };
    let fired = |bids: &[Bid]| {
        rules(&assess_bids(bids, &p, now()).last().unwrap().risk)
            .contains(&"bid-low-pay-high-rating")
    };
    assert!(fired(&mk(4, 20.0, Some(95))), "5 priced bids, 20 < 25");
    assert!(!fired(&mk(3, 20.0, Some(95))), "only 4 priced bids");
    assert!(!fired(&mk(4, 26.0, Some(95))), "not below half the median");
    assert!(!fired(&mk(4, 20.0, Some(89))), "JSS below 90");
    let mut rated = mk(4, 20.0, None);
    rated.last_mut().unwrap().rating = Some(4.9);
    assert!(fired(&rated), "4.9 stars counts as highly rated");
    // Weak alone: elevated at most.
    let r = assess_bids(&mk(4, 20.0, Some(95)), &p, now());
    assert_eq!(r.last().unwrap().risk.level, Level::Low);
}

#[test]
fn currencies_are_compared_in_usd() {
    let p = Policy::default();
    let mut v: Vec<Bid> = (0..5)
        .map(|i| {
            bid(
                &format!("B{i}"),
                &format!("https://u.example/{i}"),
                &distinct(i),
                50.0,
                Some(80),
            )
        })
        .collect();
    // 2,000 INR is about $24: far below $50.
    let mut cheap = bid("INR", "https://u.example/inr", &distinct(50), 0.0, Some(99));
    cheap.rate = Some(Money {
        amount: 2000.0,
        currency: "INR".into(),
    });
    v.push(cheap);
    // 40 EUR is not far below.
    let mut eur = bid("EUR", "https://u.example/eur", &distinct(51), 0.0, Some(99));
    eur.rate = Some(Money {
        amount: 40.0,
        currency: "EUR".into(),
    });
    v.push(eur);
    // An unknown currency is not converted and not compared.
    let mut odd = bid("XYZ", "https://u.example/xyz", &distinct(52), 0.0, Some(99));
    odd.rate = Some(Money {
        amount: 1.0,
        currency: "XYZ".into(),
    });
    v.push(odd);
    let r = assess_bids(&v, &p, now());
    assert!(
        rules(&r[5].risk).contains(&"bid-low-pay-high-rating"),
        "{:?}",
        r[5].risk.findings
    );
    assert!(!rules(&r[6].risk).contains(&"bid-low-pay-high-rating"));
    assert!(!rules(&r[7].risk).contains(&"bid-low-pay-high-rating"));
    assert!(r[7]
        .risk
        .unevaluated
        .iter()
        .any(|u| u.rule == "bid-low-pay-high-rating"));
}

#[test]
fn shared_links_and_photos_only_across_accounts() {
    let p = Policy::default();
    let mut a = bid("A", "https://u.example/a", &distinct(1), 40.0, None);
    let mut b = bid("B", "https://u.example/b", &distinct(2), 40.0, None);
    a.links = vec![
        "https://portfolio.example/case-study".into(),
        "https://github.com/".into(),
    ];
    b.links = vec![
        "https://portfolio.example/case-study".into(),
        "https://github.com/".into(),
    ];
    a.photo_url = Some("https://p.example/x.jpg?s=64".into());
    b.photo_url = Some("https://p.example/x.jpg?s=128".into());
    let r = assess_bids(&[a.clone(), b.clone()], &p, now());
    for x in &r {
        let ids = rules(&x.risk);
        assert!(
            ids.contains(&"bid-shared-link") && ids.contains(&"bid-shared-photo"),
            "{ids:?}"
        );
        let link = x
            .risk
            .findings
            .iter()
            .find(|f| f.rule == "bid-shared-link")
            .unwrap();
        assert_eq!(
            link.evidence.len(),
            1,
            "a site's front page is not a shared portfolio: {:?}",
            link.evidence
        );
    }
    // The evidence sentences, in both languages.
    let evidence = |lang: Lang| -> Vec<String> {
        let p = Policy {
            lang,
            ..Policy::default()
        };
        let r = assess_bids(&[a.clone(), b.clone()], &p, now());
        let mut out = Vec::new();
        for f in &r[0].risk.findings {
            out.extend(f.evidence.iter().cloned());
        }
        out
    };
    assert_eq!(
        evidence(Lang::En),
        [
            "Photo https://p.example/x.jpg is also used by proposal 2 (B)",
            "Link https://portfolio.example/case-study also appears in proposal 2 (B)"
        ]
    );
    assert_eq!(
        evidence(Lang::De),
        [
            "Foto https://p.example/x.jpg nutzt auch Angebot 2 (B)",
            "Link https://portfolio.example/case-study steht auch in Angebot 2 (B)"
        ]
    );
    b.profile_url = a.profile_url.clone();
    let r = assess_bids(&[a, b], &p, now());
    assert!(r.iter().all(|x| x.risk.findings.is_empty()));
}

#[test]
fn hostile_input_stays_fast_and_bounded() {
    let p = Policy::default();
    let word = |i: usize, k: usize| format!("w{}x{}", (i * 7919 + k * 104729) % 100_003, k % 13);
    // 500 bids × ~10 KB: half share one template, half are distinct word salad.
    let bids: Vec<Bid> = (0..500)
        .map(|i| {
            let text: String = if i % 2 == 0 {
                (0..1_400)
                    .map(|k| format!("template{} ", k % 97))
                    .collect::<String>()
                    + &i.to_string()
            } else {
                (0..1_400).map(|k| word(i, k) + " ").collect()
            };
            assert!(text.len() >= 10_000);
            let mut b = bid(
                &format!("N{i}"),
                &format!("https://u.example/{i}"),
                &text,
                10.0 + i as f64,
                Some(95),
            );
            b.photo_url = Some("https://p.example/same.jpg".into());
            b.links = (0..30).map(|k| format!("https://l.example/{k}")).collect();
            b
        })
        .collect();
    let t = std::time::Instant::now();
    let r = assess_bids(&bids, &p, now());
    let s = summarize(&r, &p);
    let took = t.elapsed();
    println!("500 bids x 10 KB: {took:?}");
    assert_eq!(r.len(), 500);
    assert!(r
        .iter()
        .all(|b| b.risk.findings.iter().all(|f| f.evidence.len() <= 5)));
    assert!(r
        .iter()
        .flat_map(|b| &b.risk.findings)
        .flat_map(|f| &f.evidence)
        .all(|e| e.chars().count() < 600));
    assert_eq!(s.level, Level::High);
    // About 0.4 s in a release build and 3 s in a debug build on an idle machine; the bound only catches
    // quadratic blow-ups, with room for a loaded machine running the other tests in parallel.
    let bound = if cfg!(debug_assertions) { 60.0 } else { 10.0 };
    assert!(took.as_secs_f64() < bound, "{took:?}");
    // Garbage never panics.
    let weird = vec![
        Bid {
            text: Some("\u{0}\u{202e} ".repeat(5000)),
            ..Bid::default()
        },
        Bid {
            rate: Some(Money {
                amount: f64::NAN,
                currency: "USD".into(),
            }),
            ..Bid::default()
        },
        Bid::default(),
    ];
    let r = assess_bids(&weird, &p, now());
    assert!(r.iter().all(|b| b.risk.level == Level::Unknown));
    assert_eq!(summarize(&[], &p).level, Level::Unknown);
}

#[test]
fn freelancer_project_bids_are_read_from_the_embedded_state() {
    let html = include_str!("fixtures/freelancer/project-bids-state.html");
    let url = "https://www.freelancer.com/projects/wordpress/speed-up-woocommerce-checkout";
    let page = HtmlPage::parse(html, Some(url));
    let report = hirecheck::analyze(&page, url, &Policy::default(), now());
    assert_eq!(report.page_kind, PageKind::Proposals);
    assert_eq!(report.bids.len(), 5, "{:#?}", report.missing);
    assert_eq!(report.bids[1].name.as_deref(), Some("WP Guru"));
    assert_eq!(
        report.bids[1].profile_url.as_deref(),
        Some("https://www.freelancer.com/u/wpguru_77")
    );
    let by = |i: usize| rules(&report.bids[i].risk);
    assert!(by(1).contains(&"bid-duplicate-text"));
    assert!(by(2).contains(&"bid-duplicate-text"));
    assert!(by(3).contains(&"bid-low-pay-high-rating"), "{:?}", by(3));
    assert!(by(0).is_empty() && by(4).is_empty());
    assert!(
        report.risk.summary.starts_with("3 of 5 proposals"),
        "{}",
        report.risk.summary
    );
}

#[test]
fn freelancer_bid_rows_are_read_without_state() {
    let html = r#"<html><body>
      <fl-bid-card><fl-user-avatar><img src="https://cdn.example/a.jpg"></fl-user-avatar>
        <a href="/u/ann_dev"><fl-username>Ann D.</fl-username></a><span class="BidPrice">$25 USD / hour</span>
        <fl-rating><span class="ValueText">4.9</span></fl-rating><span class="Location">Porto, Portugal</span>
        <p class="BidDescription">Hi, see https://ann.example/work for similar jobs.</p></fl-bid-card>
      <fl-bid-card><a href="/u/bo"><fl-username>Bo</fl-username></a><span class="BidPrice">£300 GBP</span></fl-bid-card>
    </body></html>"#;
    let url = "https://www.freelancer.com/projects/php/build-a-dashboard-12345";
    let page = HtmlPage::parse(html, Some(url));
    let report = hirecheck::analyze(&page, url, &Policy::default(), now());
    assert_eq!(report.bids.len(), 2);
    let ex = {
        let (a, k) = hirecheck::sites::detect(Some(url), &page).unwrap();
        a.extract(&page, k)
    };
    let bids = ex.bids.unwrap();
    assert_eq!(
        bids[0]
            .rate
            .as_ref()
            .map(|m| (m.amount, m.currency.as_str())),
        Some((25.0, "USD"))
    );
    assert_eq!(bids[0].rating, Some(4.9));
    assert_eq!(
        bids[0].profile_url.as_deref(),
        Some("https://www.freelancer.com/u/ann_dev")
    );
    assert_eq!(
        bids[1].amount.as_ref().map(|m| m.currency.as_str()),
        Some("GBP")
    );
    assert!(bids[0].links.iter().any(|l| l.contains("ann.example")));
}

#[test]
fn the_report_says_where_the_rows_are_so_the_badge_can_mark_each_one() {
    let page = HtmlPage::parse(DEMO, Some(URL));
    let report = hirecheck::analyze(&page, URL, &Policy::default(), now());
    let rows = report
        .bid_rows
        .as_ref()
        .expect("bids read from the rows: the report names them");
    // The selector the adapter read the bids with, which finds exactly the bids' rows again.
    assert_eq!(page.select(None, &rows.rows).len(), report.bids.len());
    assert!(!rows.names.is_empty());
    // The badge writes its own words in the report's language.
    let de = Policy {
        lang: Lang::De,
        ..Policy::default()
    };
    assert_eq!(hirecheck::analyze(&page, URL, &de, now()).lang, Lang::De);
    let json =
        serde_json::from_str::<serde_json::Value>(&hirecheck::json::to_string(&report)).unwrap();
    assert_eq!(json["lang"], "en");
    assert_eq!(json["bid_rows"]["rows"], rows.rows.as_str());

    // A profile page has no rows to mark.
    let profile = include_str!("../www/upwork/clean.html");
    let url = "https://www.upwork.com/freelancers/~01a1b2c3d4e5f6clean";
    let report = hirecheck::analyze(
        &HtmlPage::parse(profile, Some(url)),
        url,
        &Policy::default(),
        now(),
    );
    assert!(report.bid_rows.is_none());
    assert!(
        serde_json::from_str::<serde_json::Value>(&hirecheck::json::to_string(&report))
            .unwrap()
            .get("bid_rows")
            .is_none()
    );
}
