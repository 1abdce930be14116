//! What the extension receives from the wasm: every report of the bundled pages and test pages, in
//! both languages, made with the sentences in the wasm's marked form (say.rs), must become the native
//! report once the marks are written out the way extension/texts.js does (`say`, `sayAll`). A
//! sentence glued into other text in the code (which only the wasm would show, as a broken mark) fails
//! here, as does a value that does not survive the trip. Also run with the organisation's lists and
//! the memory across profiles, whose sentences the default settings never show.

use super::say::{fill, marked, MARK};
use crate::json::{to_value, Value};
use crate::memory::Recall;
use crate::page::HtmlPage;
use crate::policy::{Lang, Policy};
use crate::time::Instant;

/// A marked sentence's key and values, or `None` for any other string.
fn parts_of(s: &str) -> Option<(String, Vec<String>)> {
    let rest = s.strip_prefix(MARK)?;
    let parts = crate::json::from_str(rest).expect("a marked sentence is JSON");
    let parts = parts.as_array().expect("a marked sentence is a JSON array");
    let key = parts[0]
        .as_str()
        .expect("its first item is the key")
        .to_string();
    let values = parts[1..]
        .iter()
        .map(|v| v.as_str().expect("values are strings").to_string())
        .collect();
    Some((key, values))
}

/// One string as texts.js writes it: a marked sentence filled in `lang`, its values first.
fn write_out(s: &str, lang: Lang, depth: usize) -> String {
    let Some((key, values)) = parts_of(s) else {
        return s.to_string();
    };
    assert!(
        depth < 8,
        "sentences nested deeper than texts.js writes them: {s}"
    );
    let values: Vec<String> = values
        .iter()
        .map(|v| write_out(v, lang, depth + 1))
        .collect();
    let refs: Vec<&str> = values.iter().map(String::as_str).collect();
    fill(lang, &key, &refs)
}

/// Writes out every string of a report tree, after checking that a mark only ever starts a string.
fn write_all(v: &mut Value, lang: Lang, path: &str) {
    match v {
        Value::String(s) => {
            assert!(
                !s.chars().skip(1).any(|c| c == MARK),
                "{path}: a sentence inside other text, which the extension cannot write: {s:?}"
            );
            *s = write_out(s, lang, 0);
        }
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                write_all(item, lang, &format!("{path}[{i}]"));
            }
        }
        Value::Object(map) => map.retain(|k, item| {
            write_all(item, lang, &format!("{path}.{k}"));
            true
        }),
        _ => {}
    }
}

fn report(html: &str, url: Option<&str>, policy: &Policy, recall: &Recall) -> Value {
    let page = HtmlPage::parse(html, url);
    let now = Instant::parse_rfc3339("2026-11-26T14:42:00Z").expect("a valid time");
    let answers = crate::checklist::Answers::new();
    to_value(&crate::analyze_full(
        &page,
        "page.html",
        policy,
        now,
        &answers,
        recall,
    ))
}

/// The native report and the wasm-form report written out agree; returns how many marked strings
/// there were.
fn check(name: &str, html: &str, url: Option<&str>, policy: &Policy, recall: &Recall) -> usize {
    let native = report(html, url, policy, recall);
    let mut wasm = marked(|| report(html, url, policy, recall));
    let text = crate::json::to_string(&wasm);
    let sentences = text.matches("\\u0001").count();
    write_all(&mut wasm, policy.lang, name);
    assert_eq!(
        wasm, native,
        "{name} ({:?}): the written-out report differs",
        policy.lang
    );
    sentences
}

/// The addresses the demo server gives the bundled pages (www/routes.json: a bare path is on
/// www.upwork.com), by file: a work diary or a message room is known by its address only.
fn addresses() -> Vec<(String, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let text = std::fs::read_to_string(format!("{root}/www/routes.json")).expect("the routes");
    let routes = crate::json::from_str(&text).expect("routes.json is JSON");
    let mut out = Vec::new();
    for (key, route) in routes.as_object().expect("routes.json is an object").iter() {
        let file = route
            .as_str()
            .or_else(|| route["file"].as_str())
            .unwrap_or_default();
        let url = if key.starts_with('/') {
            format!("https://www.upwork.com{key}")
        } else {
            key.clone()
        };
        out.push((format!("{root}/www/{file}"), url));
    }
    out
}

/// Every page, with its address when the demo server gives it one.
fn pages() -> Vec<(String, Option<String>, String)> {
    let root = env!("CARGO_MANIFEST_DIR");
    let addresses = addresses();
    let mut out = Vec::new();
    let mut dirs = vec![
        format!("{root}/www"),
        format!("{root}/tests/corpus"),
        format!("{root}/tests/fixtures"),
    ];
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(&dir).expect("the page folders exist") {
            let p = e.expect("a readable folder").path();
            if p.is_dir() {
                dirs.push(p.to_string_lossy().into_owned());
            } else if p.extension().is_some_and(|x| x == "html") {
                let html = std::fs::read_to_string(&p).unwrap_or_default();
                let name = p.to_string_lossy().into_owned();
                let url = addresses
                    .iter()
                    .find(|(f, _)| *f == name)
                    .map(|(_, u)| u.clone());
                out.push((name, url, html));
            }
        }
    }
    out
}

const NO_MEMORY: Recall = Recall {
    seen: &[],
    photo_url: None,
    photo_hash: None,
};

#[test]
fn every_page_s_report_reaches_the_extension_whole_in_both_languages() {
    let pages = pages();
    assert!(pages.len() > 150, "only {} pages found", pages.len());
    let mut sentences = 0;
    for lang in [Lang::En, Lang::De] {
        let policy = Policy {
            lang,
            ..Policy::default()
        };
        for (name, url, html) in &pages {
            let n = check(name, html, url.as_deref(), &policy, &NO_MEMORY);
            sentences += n;
            if name.ends_with("diary-risky.html") || name.ends_with("messages-risky.html") {
                assert!(n > 5, "{name}: its findings were not read ({n} sentences)");
            }
        }
    }
    // Most pages say something: their summary at least.
    assert!(sentences > 2 * pages.len(), "only {sentences} sentences");
}

#[test]
fn the_organisation_s_lists_and_the_memory_reach_it_whole_too() {
    let root = env!("CARGO_MANIFEST_DIR");
    let now = Instant::parse_rfc3339("2026-11-26T14:42:00Z").expect("a valid time");
    let mut fired: Vec<String> = Vec::new();
    // Links, photo and lists on the first; an overview long enough to compare on the second.
    for file in ["upwork/reused.html", "toptal/clean.html"] {
        let html = std::fs::read_to_string(format!("{root}/www/{file}")).expect("the page");
        let page = HtmlPage::parse(&html, None);
        let first = crate::analyze_full(
            &page,
            "page.html",
            &Policy::default(),
            now,
            &crate::checklist::Answers::new(),
            &NO_MEMORY,
        );
        // The same profile remembered under two other keys and names: one with the same photo
        // address, one with a near-identical photo hash and no date; overview and links match both.
        let fp = first
            .fingerprint
            .clone()
            .expect("a profile page has a fingerprint");
        let mut same = fp.clone();
        same.key = "upwork:~0other".into();
        same.name = Some("Someone Else".into());
        same.photo_url = Some("https://img.example/p.jpg".into());
        let mut near = fp;
        near.key = "upwork:~0third".into();
        near.name = None;
        near.photo_url = Some("https://img.example/q.jpg".into());
        near.photo_hash = Some("0f1e2d3c4b5a6979".into());
        near.seen_at = String::new();
        let seen = [same, near];
        let recall = Recall {
            seen: &seen,
            photo_url: Some("https://img.example/p.jpg"),
            photo_hash: Some("0f1e2d3c4b5a6978"),
        };
        let key = first
            .profile_key
            .clone()
            .expect("the page names its profile");
        for lang in [Lang::En, Lang::De] {
            let policy = Policy {
                lang,
                blocked_domains: vec!["netlify.app".into()],
                blocked_strings: vec!["react".into()],
                blocked_freelancers: vec![key.clone()],
                allowed_freelancers: vec![key.clone()],
                ..Policy::default()
            };
            let native = report(&html, None, &policy, &recall);
            for f in native["risk"]["findings"].as_array().expect("findings") {
                fired.extend(f["rule"].as_str().map(String::from));
            }
            assert!(
                native["org_note"].is_string(),
                "{file}: no note of the vetted list"
            );
            check(file, &html, None, &policy, &recall);
        }
    }
    for want in [
        "org-blocked-freelancer",
        "known-bad-domain",
        "reused-photo",
        "reused-bio",
        "reused-link",
    ] {
        assert!(
            fired.iter().any(|r| r == want),
            "{want} did not fire: {fired:?}"
        );
    }
}

/// The keys of a marked sentence and of the sentences among its values.
fn keys_of(s: &str, out: &mut Vec<String>) {
    let Some((key, values)) = parts_of(s) else {
        return;
    };
    out.push(key);
    for v in &values {
        keys_of(v, out);
    }
}

#[test]
fn the_settings_error_messages_reach_the_options_page_whole_in_both_languages() {
    // Between them, every kind of error src/settings.rs reports (a list or `report_contact` has one
    // error at a time, so it takes several objects).
    let long_list = format!(
        "{{\"blocked_domains\": [{}]}}",
        vec!["\"a.com\""; crate::settings::MAX_LIST + 5].join(",")
    );
    let objects = [
        r#"{
            "high_from": 70, "elevated_from": 90, "min_coverage": 1.5, "burst_min_jobs": 2.5,
            "diary_night_min_share": 0, "volume_min_hours": "lots", "local_time_tolerance_minutes": -3,
            "lang": "fr",
            "weights": {"local-time-mismatch": 250, "review-burst": 10, "no-such-rule": 5, "reused-photo": -1},
            "disabled_rules": ["reused-photo", "typo-rule", 3], "hihg_from": 3, "zzzzzzzzzz": 1,
            "rate_band_usd": [90, 10], "report_contact": "javascript:alert(1)",
            "blocked_domains": ["bad.example.com", "https://x.com/a"], "blocked_emails": ["nope"],
            "blocked_strings": ["ab"], "blocked_freelancers": ["~01abc"], "allowed_domains": "x.com",
            "allowed_emails": {"a": 1}, "allowed_freelancers": 5, "locked_settings": ["no_setting", "*"]
        }"#,
        r#"{"weights": [1], "report_contact": 5, "blocked_strings": true, "disabled_rules": "x",
            "locked_settings": 1}"#,
        r#"{"report_contact": "a\u0007b"}"#,
        r#"{"report_contact": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}"#,
        "[1, 2]",
        &long_list,
    ];
    let mut said = Vec::new();
    let mut count = 0;
    for text in objects {
        let value = crate::json::from_str(text).expect("the test's settings are JSON");
        let (_, native) = crate::settings::parse(&value);
        let (_, wasm) = marked(|| crate::settings::parse(&value));
        assert!(!native.is_empty(), "no error in {text}");
        assert_eq!(native.len(), wasm.len(), "{text}");
        for (n, w) in native.iter().zip(&wasm) {
            assert_eq!(n.key, w.key);
            let m = &w.message;
            assert!(
                m.starts_with(MARK) && !m.chars().skip(1).any(|c| c == MARK),
                "{}: not one marked sentence: {m:?}",
                w.key
            );
            assert_eq!(write_out(m, Lang::En, 0), n.message, "{}", w.key);
            let de = write_out(m, Lang::De, 0);
            assert_ne!(
                de, n.message,
                "{}: the German message is the English one",
                w.key
            );
            assert!(!de.contains(MARK) && !de.contains("{0}"), "{de}");
            keys_of(m, &mut said);
            count += 1;
        }
    }
    assert!(count > 30, "only {count} messages");
    // Every sentence of the settings is among them, but the wasm's own (JSON it could not read).
    let unsaid: Vec<&str> = super::say::keys()
        .filter(|k| k.starts_with("setting-") && *k != "setting-not-json")
        .filter(|k| !said.iter().any(|s| s == k))
        .collect();
    assert!(unsaid.is_empty(), "no test message says {unsaid:?}");
}
