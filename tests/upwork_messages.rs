//! The Upwork messages page over saved pages: the conversation read (sender, side, time, text), the other
//! party's name, the message rules end to end, and hostile input. The message-list DOM is not documented;
//! the fixtures (tests/fixtures/upwork-messages/) model plausible markup and say so in their headers.

use hirecheck::model::{Field, Message};
use hirecheck::page::HtmlPage;
use hirecheck::policy::Policy;
use hirecheck::score::Level;
use hirecheck::sites::upwork::messages::{MAX_MESSAGES, MAX_TEXT};
use hirecheck::sites::upwork::Upwork;
use hirecheck::sites::{detect, supported_url, Adapter, Extraction, PageKind};
use hirecheck::time::Instant;

const ROOM: &str = "https://www.upwork.com/nx/wm/workroom/38123456/messages";
const RULES: [&str; 4] = [
    "off-platform-request",
    "off-platform-payment-request",
    "ship-elsewhere-request",
    "identity-change",
];

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/upwork-messages/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn extract(html: &str, url: &str) -> Extraction {
    let page = HtmlPage::parse(html, Some(url));
    Upwork.extract(&page, PageKind::Messages)
}

fn now() -> Instant {
    Instant::parse_rfc3339("2026-11-25T12:00:00Z").unwrap()
}

fn report(html: &str, url: &str) -> hirecheck::report::Report {
    let page = HtmlPage::parse(html, Some(url));
    hirecheck::analyze(&page, url, &Policy::default(), now())
}

fn fired(r: &hirecheck::report::Report) -> Vec<&'static str> {
    r.risk.findings.iter().map(|f| f.rule).collect()
}

#[test]
fn message_addresses_are_read() {
    assert!(supported_url(ROOM));
    assert!(supported_url(
        "https://www.upwork.com/ab/messages/rooms/room_abc123"
    ));
    assert_eq!(
        Upwork.page_kind("/nx/wm/workroom/38123456/messages"),
        PageKind::Messages
    );
    assert_eq!(
        Upwork.expected_fields(PageKind::Messages),
        &[Field::Messages, Field::Name]
    );
    // A saved page: the canonical link says what it is.
    let page = HtmlPage::parse(&fixture("air3-risky.html"), None);
    let (adapter, kind) = detect(None, &page).expect("sniffed");
    assert_eq!((adapter.id(), kind), ("upwork", PageKind::Messages));
}

#[test]
fn air3_conversation() {
    let ex = extract(&fixture("air3-risky.html"), ROOM);
    assert!(ex.missing.is_empty(), "{:?}", ex.missing);
    assert_eq!(ex.profile.name.as_deref(), Some("Alex Turner"));
    let m = ex.profile.messages.as_ref().unwrap();
    assert_eq!(m.len(), 5);
    assert_eq!(
        m[0],
        Message {
            sender: Some("You".into()),
            from_client: Some(true),
            sent: Some("Nov 18, 9:02 AM".into()),
            text: "Welcome aboard! We never pay outside Upwork, and please don't ask for Telegram."
                .into(),
        }
    );
    assert_eq!(m[1].from_client, Some(false));
    assert_eq!(m[1].sender.as_deref(), Some("Alex Turner"));
    assert!(m[1].text.contains("@alex_turner_dev"));
    // Marked as the freelancer's side, under another name.
    assert_eq!(m[4].sender.as_deref(), Some("Kevin L."));
    assert_eq!(m[4].from_client, Some(false));
    assert_eq!(
        ex.read_from.get(&Field::Name).map(String::as_str),
        Some("room header")
    );
}

#[test]
fn air3_conversation_is_high_risk_with_every_message_rule() {
    let r = report(&fixture("air3-risky.html"), ROOM);
    assert_eq!(r.page_kind, PageKind::Messages);
    let ids = fired(&r);
    for id in RULES {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
    assert_eq!(r.risk.level, Level::High, "{:?}", r.risk);
    for f in r.risk.findings.iter().filter(|f| RULES.contains(&f.rule)) {
        for e in &f.evidence {
            assert!(
                e.chars().count() <= 260,
                "{}: evidence too long: {e}",
                f.rule
            );
            // The client's own first message is never quoted.
            assert!(
                !e.contains("Welcome aboard"),
                "{}: quotes the client: {e}",
                f.rule
            );
        }
        assert!(!f.source.is_empty() && !f.verify.is_empty());
    }
    let off = r
        .risk
        .findings
        .iter()
        .find(|f| f.rule == "off-platform-request")
        .unwrap();
    assert!(
        off.evidence[0].contains("Alex Turner") && off.evidence[0].contains("Nov 18, 9:40 PM"),
        "{:?}",
        off.evidence
    );
}

#[test]
fn generic_list_fallback_and_a_clean_conversation() {
    let url = "https://www.upwork.com/ab/messages/rooms/room_abc123";
    let ex = extract(&fixture("generic-clean.html"), url);
    assert!(ex.missing.is_empty(), "{:?}", ex.missing);
    assert_eq!(ex.profile.name.as_deref(), Some("Maria Keller"));
    let m = ex.profile.messages.as_ref().unwrap();
    assert_eq!(m.len(), 4, "{m:?}");
    let sides: Vec<_> = m.iter().map(|m| m.from_client).collect();
    assert_eq!(sides, [Some(true), Some(false), Some(true), Some(false)]);
    assert_eq!(m[1].sent.as_deref(), Some("Nov 10, 9:12 AM"));
    // Only the client named PayPal, WhatsApp, crypto and shipping; the freelancer's negation and
    // "Discord bot" are not requests; "Maria K." is the same person as "Maria Keller".
    let r = report(&fixture("generic-clean.html"), url);
    let ids = fired(&r);
    for id in RULES {
        assert!(!ids.contains(&id), "{id} fired: {:?}", r.risk.findings);
    }
    assert_eq!(r.risk.level, Level::Low, "{:?}", r.risk);
}

#[test]
fn no_messages_shown_is_missing_and_unknown() {
    let ex = extract(&fixture("empty.html"), ROOM);
    assert_eq!(ex.missing, vec![Field::Messages]);
    assert_eq!(ex.profile.name.as_deref(), Some("Sam Rivera"));
    let r = report(&fixture("empty.html"), ROOM);
    assert_ne!(r.risk.level, Level::Low);
    for id in RULES {
        assert!(
            r.risk.unevaluated.iter().any(|u| u.rule == id),
            "{id} must be unevaluated"
        );
    }
}

#[test]
fn hostile_pages_are_bounded_and_never_panic() {
    // Thousands of messages, one huge, with control and bidi characters.
    let mut html = String::from("<div data-test=room-header-name>X\u{202e}Y</div>");
    html.push_str("<div class='up-d-story-item' data-test='story-container'><span data-test='story-user-name'>A\u{1b}[31m</span><div data-test='story-message'>");
    html.push_str(&"Telegram \u{0}\u{7}".repeat(20_000));
    html.push_str("</div></div>");
    for i in 0..2_600 {
        html.push_str(&format!(
            "<div class='up-d-story-item incoming' data-test='story-container'><span data-test='story-user-name'>N{i}</span><span data-test='story-time'>t</span><div data-test='story-message'>m{i} add me on skype: x</div></div>"
        ));
    }
    let ex = extract(&html, ROOM);
    let m = ex.profile.messages.as_ref().unwrap();
    assert_eq!(m.len(), MAX_MESSAGES);
    assert!(m[0].text.chars().count() <= MAX_TEXT);
    assert!(m.iter().all(|m| !m.text.chars().any(char::is_control)));
    assert!(!ex
        .profile
        .name
        .as_deref()
        .unwrap_or("")
        .contains('\u{202e}'));
    let r = report(&html, ROOM);
    for f in &r.risk.findings {
        assert!(
            f.evidence.len() <= 4,
            "{}: {} evidence lines",
            f.rule,
            f.evidence.len()
        );
    }
    for junk in [
        "",
        "<li>",
        "<ol><li><time></time></li></ol>",
        "\u{0}<div data-test=story-container></div>",
    ] {
        let _ = report(junk, ROOM);
    }
}

#[test]
fn demo_page_is_self_contained_high_risk_and_has_no_name_heading() {
    let path = format!(
        "{}/www/upwork/messages-risky.html",
        env!("CARGO_MANIFEST_DIR")
    );
    let html = std::fs::read_to_string(&path).unwrap();
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
        "<script",
        " onload=",
        " onerror=",
        " onclick=",
    ] {
        assert!(
            !lower.contains(banned),
            "messages-risky.html contains {banned}"
        );
    }
    // No name heading: the badge floats at the top right instead of following one.
    let page = HtmlPage::parse(&html, Some(ROOM));
    use hirecheck::page::Page;
    assert!(page.select(None, "h1").is_empty() && page.select(None, "[itemprop=name]").is_empty());
    let r = report(&html, ROOM);
    assert_eq!(r.risk.level, Level::High, "{:?}", r.risk);
    let ids = fired(&r);
    for id in RULES {
        assert!(ids.contains(&id), "{id} not in {ids:?}");
    }
    // The client's refusals are never quoted.
    for f in &r.risk.findings {
        assert!(f
            .evidence
            .iter()
            .all(|e| !e.contains("Welcome aboard") && !e.contains("Sorry, we stay")));
    }
}
