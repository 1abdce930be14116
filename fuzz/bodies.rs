//! What each fuzz target does with its input, in one place: the libFuzzer targets in `fuzz_targets/`
//! and the stable test `tests/fuzz_seeds.rs` (which replays the committed corpus and every crash
//! regression) both include this file. A body passes when it returns; any panic is a finding.
#![allow(dead_code)]

use hirecheck::checklist::Answers;
use hirecheck::json::{self, FromJson, ToJson};
use hirecheck::memory::{Fingerprint, Recall};
use hirecheck::page::{HtmlPage, Page};
use hirecheck::policy::{Lang, Policy};
use hirecheck::sites;
use hirecheck::time::Instant;

/// The instant of analysis when the input does not give one: 2026-11-26T14:42:00Z.
const DEFAULT_NOW: Instant = Instant(1_795_704_120);

/// Splits off the first line (without its `\n`), reading bytes as the CLI does (lossy UTF-8).
fn first_line(data: &[u8]) -> (String, &[u8]) {
    let (line, rest) = match data.iter().position(|&b| b == b'\n') {
        Some(i) => (
            data.get(..i).unwrap_or_default(),
            data.get(i + 1..).unwrap_or_default(),
        ),
        None => (data, &[][..]),
    };
    (String::from_utf8_lossy(line).trim().to_string(), rest)
}

/// What HireCheck writes as JSON, its own parser reads (the extension's `JSON.parse` reads the same).
fn written_json_reads_back(value: &dyn ToJson) {
    let text = json::to_string(value);
    if let Err(e) = json::from_str(&text) {
        panic!("the JSON written does not read back: {e}");
    }
}

/// `adapters`: first line = the page's address (it picks the site and page kind; empty = unknown, so
/// the adapters sniff the page), the rest = HTML. Runs what the extension's `profile_key` runs: site
/// detection and the adapter on the native page (our HTML parser), plus the address helpers.
pub fn adapters(data: &[u8]) {
    let (url, html) = first_line(data);
    let url = (!url.is_empty()).then_some(url);
    let _ = url.as_deref().map(sites::supported_url);
    let _ = url.as_deref().map(sites::host_and_path);
    let page = HtmlPage::parse(&String::from_utf8_lossy(html), url.as_deref());
    if let Some((adapter, kind)) = sites::detect(page.url().as_deref(), &page) {
        let extraction = adapter.extract(&page, kind);
        // Everything read must be expressible as JSON (the report carries it).
        written_json_reads_back(&extraction);
    }
}

/// `analyze`: the whole path of the CLI and the extension's `check_page`. First line = address (empty
/// = none); second line = a JSON object with any of `policy` (a policy object), `lang` (a language
/// tag), `now_ms` (milliseconds since 1970), `answers` (checklist answers) and `memory`
/// (`{seen: [fingerprint…], photo_url, photo_hash}`); each part unusable is left at its default, as the
/// extension does; the rest = HTML. The report must serialise to JSON.
pub fn analyze(data: &[u8]) {
    let (url, rest) = first_line(data);
    let (settings, html) = first_line(rest);
    let settings = json::from_str(&settings).unwrap_or_default();
    let mut policy = settings
        .get("policy")
        .and_then(|p| Policy::from_json(&p.to_string()).ok())
        .unwrap_or_default();
    policy.lang = Lang::from_tag(settings.get("lang").and_then(|l| l.as_str()).unwrap_or(""));
    let now = settings
        .get("now_ms")
        .and_then(json::Value::as_f64)
        .and_then(Instant::from_unix_millis)
        .unwrap_or(DEFAULT_NOW);
    let answers: Answers = settings
        .get("answers")
        .and_then(Answers::from_json)
        .unwrap_or_default();
    let memory = settings.get("memory");
    let seen: Vec<Fingerprint> = memory
        .and_then(|m| m.get("seen"))
        .and_then(|s| s.as_array())
        .map(|list| {
            list.iter()
                .take(hirecheck::memory::MAX_SEEN)
                .filter_map(Fingerprint::from_json)
                .collect()
        })
        .unwrap_or_default();
    let text = |key: &str| {
        memory
            .and_then(|m| m.get(key))
            .and_then(|v| v.as_str())
            .map(|s| s.chars().take(2048).collect::<String>())
    };
    let (photo_url, photo_hash) = (text("photo_url"), text("photo_hash"));
    let recall = Recall {
        seen: &seen,
        photo_url: photo_url.as_deref(),
        photo_hash: photo_hash.as_deref(),
    };
    let url = (!url.is_empty()).then_some(url);
    let page = HtmlPage::parse(&String::from_utf8_lossy(html), url.as_deref());
    let source = url.unwrap_or_else(|| "fuzz.html".to_string());
    let report = hirecheck::analyze_full(&page, &source, &policy, now, &answers, &recall);
    assert!(
        report.risk.score <= 100,
        "score {} above 100",
        report.risk.score
    );
    written_json_reads_back(&report);
}

thread_local! {
    /// The page the `policy` target analyses: a demo profile that fires several rules.
    static POLICY_PAGE: HtmlPage = HtmlPage::parse(
        include_str!("../www/upwork/risky.html"),
        Some("https://www.upwork.com/freelancers/~01a1b2c3d4e5f6risky"),
    );
}

/// `policy`: the bytes as a policy file. A policy that loads must validate, survive a JSON round trip
/// (the options page saves what it loaded) and analyse a profile without panicking.
pub fn policy(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(policy) = Policy::from_json(text) else {
        return;
    };
    assert!(policy.validate().is_ok(), "a loaded policy must validate");
    let json = json::to_string(&policy);
    if let Err(e) = Policy::from_json(&json) {
        panic!("the saved policy {json} does not load again: {e}");
    }
    POLICY_PAGE.with(|page| {
        let report = hirecheck::analyze(page, "policy", &policy, DEFAULT_NOW);
        assert!(
            report.risk.score <= 100,
            "score {} above 100",
            report.risk.score
        );
        written_json_reads_back(&report);
    });
}

/// `literals`: the two parsers that read the data a page embeds in its scripts, fast enough to be
/// fuzzed on their own (through `adapters` a script is one of many parts of a page). The first byte
/// picks the parser, the rest is the text:
/// - 0: our JSON parser (JSON-LD, Freelancer.com's state, Fiverr's payload). A value it reads, written
///   again, reads back equal; and every JSON text is also a JavaScript literal, so the store reader
///   reads it too, as the same value (numbers compared by value: the two parsers may type them apart).
/// - 1: `jslit::parse_literal`, the JavaScript-literal reader, on a literal;
/// - 2: `jslit::parse_nuxt_assignment`, the same on a script that assigns `window.__NUXT__`.
///
/// What either of the last two reads must be writable as JSON that reads back.
pub fn literals(data: &[u8]) {
    use hirecheck::sites::upwork::jslit;
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    match which % 3 {
        0 => {
            let Ok(value) = json::from_str(&text) else {
                return;
            };
            let written = json::to_string(&value);
            match json::from_str(&written) {
                Ok(again) => assert!(again == value, "{written} reads back as another value"),
                Err(e) => panic!("the JSON written does not read back: {e}"),
            }
            match jslit::parse_literal(&text) {
                Some(lit) => assert!(
                    same_value(&lit, &value),
                    "the store reader reads this JSON as another value: {}",
                    json::to_string(&lit)
                ),
                None => panic!("the store reader does not read a JSON text"),
            }
        }
        1 => {
            if let Some(value) = jslit::parse_literal(&text) {
                written_json_reads_back(&value);
            }
        }
        _ => {
            if let Some(value) = jslit::parse_nuxt_assignment(&text) {
                written_json_reads_back(&value);
            }
        }
    }
}

/// Equal values, numbers compared by their `f64` value (an integer beyond 2^53 in one parser may be a
/// float in the other).
fn same_value(a: &json::Value, b: &json::Value) -> bool {
    use json::Value as V;
    match (a, b) {
        (V::Number(x), V::Number(y)) => x.as_f64() == y.as_f64(),
        (V::Array(x), V::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_value(x, y))
        }
        (V::Object(x), V::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y.iter())
                    .all(|((kx, vx), (ky, vy))| kx == ky && same_value(vx, vy))
        }
        _ => a == b,
    }
}
