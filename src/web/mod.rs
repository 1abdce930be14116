//! wasm entry points for the browser extension's content script.
//!
//! The content script calls [`check_page`] and draws the badge from the report it returns
//! (extension/content/badge.js: one renderer for every mode, kept out of the wasm to keep it small);
//! everything stays in the page's renderer: no network, no storage, no messages from here. Where the page's CSP blocks the wasm in the content script, an
//! extension page runs [`check_html`] on the page's HTML instead (docs/architecture.md, "Safe mode"). The content script reads the client's checklist answers from the
//! extension's storage (which the page cannot reach) and passes them in: the report's `profile_key`
//! tells it whose they are (a first check without answers says so where it does not know yet).

mod dom_page;

pub use dom_page::DomPage;

use crate::checklist::{Answer, Answers};
use crate::page::Page;
use crate::policy::{Lang, Policy};
use crate::settings::SettingError;
use crate::time::Instant;
use wasm_bindgen::prelude::*;

/// Reads the live page and returns the report as a plain object (the content script draws it).
///
/// `policy`: the effective settings (keys left out keep their defaults; invalid values keep theirs too,
/// see [`read_settings`]) or `undefined`/`null` for the defaults. `lang`: a browser language tag
/// ("de-DE"), used when the settings' `lang` is "auto" (the default).
/// `now_ms`: milliseconds since the Unix epoch (`Date.now()`). `answers`: the client's checklist
/// answers for this profile, `{ "refuses-video": "observed", … }` (values `"observed"` or
/// `"not_observed"`; ids this version does not know are ignored), or `undefined`/`null` for none.
/// `memory` (optional): `{ seen: [fingerprint, …], photo_url, photo_hash }`, the fingerprints the
/// extension remembers on the device and what it learnt of the photo; malformed entries are skipped.
#[wasm_bindgen]
pub fn check_page(
    policy: JsValue,
    lang: &str,
    now_ms: f64,
    answers: JsValue,
    memory: JsValue,
) -> Result<JsValue, JsValue> {
    let page =
        DomPage::current().ok_or_else(|| error("HireCheck: there is no document to read"))?;
    check(&page, policy, lang, now_ms, answers, &memory)
}

/// The extension's safe mode: checks a page from its HTML where the page's Content-Security-Policy
/// keeps the wasm out of the content script. The content script sends `html` (the page's
/// serialized DOM) and `url` (its address); this runs in an extension page (Chromium's offscreen
/// document, Firefox's background page), parses the HTML into an inert document (no script runs,
/// nothing loads) and returns the same report as [`check_page`] would. The other arguments are those of [`check_page`].
#[wasm_bindgen]
pub fn check_html(
    html: String,
    url: String,
    policy: JsValue,
    lang: &str,
    now_ms: f64,
    answers: JsValue,
    recall: JsValue,
) -> Result<JsValue, JsValue> {
    let doc =
        web_sys::DomParser::new()?.parse_from_string(&html, web_sys::SupportedType::TextHtml)?;
    drop(html); // the document holds the page now; free the copy before the analysis
    let page = DomPage::parsed(doc, url);
    check(&page, policy, lang, now_ms, answers, &recall)
}

/// [`report_for`] as the plain object the content script draws: the tail both entry points share (one copy
/// of the report's conversion and drop in the wasm, not one in each).
fn check(
    page: &DomPage,
    policy: JsValue,
    lang: &str,
    now_ms: f64,
    answers: JsValue,
    memory: &JsValue,
) -> Result<JsValue, JsValue> {
    let report = report_for(page, policy, lang, now_ms, answers, memory)?;
    to_js(&report)
}

/// Document → report: the one path [`check_page`] and [`check_html`] share, so that a page gets
/// the same verdict whichever of them reads it.
fn report_for(
    page: &DomPage,
    policy: JsValue,
    lang: &str,
    now_ms: f64,
    answers: JsValue,
    memory: &JsValue,
) -> Result<crate::report::Report, JsValue> {
    // A bad setting never stops the check: it keeps its default (the options page lists it).
    let (mut policy, _) = read_settings(&policy);
    let answers = read_answers(answers)?;
    policy.lang = ui_lang(&policy, lang);
    let now = Instant::from_unix_millis(now_ms)
        .or_else(|| Instant::from_unix_millis(js_sys::Date::now()))
        .unwrap_or(Instant(0));
    let source = page.url().unwrap_or_default();
    let (seen, photo_url, photo_hash) = read_memory(memory);
    let recall = crate::memory::Recall {
        seen: &seen,
        photo_url: photo_url.as_deref(),
        photo_hash: photo_hash.as_deref(),
    };
    Ok(crate::analyze_full(
        page, &source, &policy, now, &answers, &recall,
    ))
}

fn to_js(report: &crate::report::Report) -> Result<JsValue, JsValue> {
    // Through JSON text and the browser's own parser: one small writer (crate::json) keeps the wasm
    // small.
    js_sys::JSON::parse(&crate::json::to_string(report))
}

/// Whether HireCheck reads the page at `href` (e.g. `location.href` after in-page navigation): the
/// manifest's content-script matches cover it and the site's adapter reads that kind of page. Looks
/// at the address only; the content script uses it instead of its own copy of the URL patterns.
#[wasm_bindgen]
pub fn supported_url(href: &str) -> bool {
    crate::sites::supported_url(href)
}

/// The settings object from the extension (managed policy merged with the user's options), read
/// leniently: every valid value applies, each invalid one keeps its default and is returned as an error.
/// `undefined`/`null` give the defaults. The one place a JS value becomes a [`Policy`]; never fails.
pub fn read_settings(value: &JsValue) -> (Policy, Vec<SettingError>) {
    if value.is_undefined() || value.is_null() {
        return (Policy::default(), Vec::new());
    }
    // Through JSON text, so that the browser reads settings exactly as the CLI reads a policy file.
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string());
    match text.and_then(|t| crate::json::from_str(&t).ok()) {
        Some(v) => crate::settings::parse(&v),
        None => (
            Policy::default(),
            vec![SettingError {
                key: "(policy)".into(),
                message: crate::texts::say(Lang::En, crate::texts::s::SETTING_NOT_JSON, []),
            }],
        ),
    }
}

/// The language the core writes in: the settings' `lang`, or the browser's (`tag`) when it is "auto".
fn ui_lang(policy: &Policy, tag: &str) -> Lang {
    if policy.lang_auto {
        Lang::from_tag(tag)
    } else {
        policy.lang
    }
}

/// For the options page: `{ errors: [{key, message}], effective: {…}, defaults: {…}, rules: [{id,
/// default_weight, title}], keys: [...] }`. `lang`: a browser language tag for the rule titles. Each
/// `message` is a marked sentence (src/texts/say.rs), which the page writes in its language.
#[wasm_bindgen]
pub fn validate_settings(value: JsValue, lang: Option<String>) -> Result<JsValue, JsValue> {
    struct Out {
        errors: Vec<SettingError>,
        effective: crate::json::Value,
        defaults: crate::json::Value,
        rules: Vec<crate::settings::RuleInfo>,
        keys: Vec<&'static str>,
    }
    crate::json::json_object!(Out {
        errors,
        effective,
        defaults,
        rules,
        keys
    });
    let (policy, errors) = read_settings(&value);
    let lang = ui_lang(&policy, lang.as_deref().unwrap_or("en"));
    let out = Out {
        errors,
        effective: crate::settings::effective_json(&policy),
        defaults: crate::settings::effective_json(&Policy::default()),
        rules: crate::settings::rules(lang),
        keys: crate::settings::keys(),
    };
    js_sys::JSON::parse(&crate::json::to_string(&out))
}

/// The answers object from the content script: `{ itemId: "observed" | "not_observed" }`. Read
/// directly (own enumerable properties, as `JSON.stringify` sees them), not through a JSON parser:
/// that keeps the wasm small. Anything else is an error that names the offending entry.
fn read_answers(value: JsValue) -> Result<Answers, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Answers::new());
    }
    if !value.is_object() || js_sys::Array::is_array(&value) || value.is_function() {
        return Err(error("HireCheck: the checklist answers must be an object that maps item ids to \"observed\" or \"not_observed\""));
    }
    let mut answers = Answers::new();
    for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
        let entry: js_sys::Array = entry.unchecked_into();
        let id = entry.get(0).as_string().unwrap_or_default();
        let answer = match entry.get(1).as_string().as_deref() {
            Some("observed") => Answer::Observed,
            Some("not_observed") => Answer::NotObserved,
            _ => {
                let mut m = String::from("HireCheck: the checklist answer for \"");
                m.push_str(crate::text::prefix(&id, 64));
                m.push_str("\" must be \"observed\" or \"not_observed\"");
                return Err(error(&m));
            }
        };
        // Ids this version does not know are kept; the analysis ignores them.
        answers.insert(id, answer);
    }
    Ok(answers)
}

/// The memory input; anything unusable is left out rather than failing the check.
fn read_memory(
    value: &JsValue,
) -> (
    Vec<crate::memory::Fingerprint>,
    Option<String>,
    Option<String>,
) {
    if !value.is_object() {
        return (Vec::new(), None, None);
    }
    let get =
        |k: &str| js_sys::Reflect::get(value, &JsValue::from_str(k)).unwrap_or(JsValue::UNDEFINED);
    let text = |k: &str| {
        get(k)
            .as_string()
            .map(|s| crate::text::prefix(&s, 2048).to_string())
    };
    let mut seen = Vec::new();
    let list = get("seen");
    if js_sys::Array::is_array(&list) {
        let list: js_sys::Array = list.unchecked_into();
        for item in list.iter().take(crate::memory::MAX_SEEN) {
            let fp = js_sys::JSON::stringify(&item)
                .ok()
                .and_then(|s| s.as_string())
                .and_then(|s| crate::json::from_str(&s).ok())
                .and_then(|v| <crate::memory::Fingerprint as crate::json::FromJson>::from_json(&v));
            if let Some(fp) = fp {
                seen.push(fp);
            }
        }
    }
    (seen, text("photo_url"), text("photo_hash"))
}

fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}
