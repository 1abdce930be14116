//! wasm entry points for the browser extension's content script.
//!
//! The content script calls [`check_page`]; everything stays in the page's renderer: no network,
//! no storage, no messages from here. The content script reads the client's checklist answers from the
//! extension's storage (which the page cannot reach) and passes them in; [`profile_key`] tells it which
//! answers to read before the check runs.

mod badge;
mod dom_page;

pub use dom_page::DomPage;

use crate::checklist::{Answer, Answers};
use crate::page::Page;
use crate::policy::{Lang, Policy, PolicyError};
use crate::time::Instant;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Reads the live page, draws (or redraws) the badge and returns the report as a plain object.
///
/// `policy`: a policy object (keys left out keep their defaults) or `undefined`/`null` for the
/// defaults. `lang`: a browser language tag ("de-DE"); it overrides the policy's language.
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
    let mut policy = read_policy(policy)?;
    let answers = read_answers(answers)?;
    policy.lang = Lang::from_tag(lang);
    let page =
        DomPage::current().ok_or_else(|| error("HireCheck: there is no document to read"))?;
    let now = Instant::from_unix_millis(now_ms)
        .or_else(|| Instant::from_unix_millis(js_sys::Date::now()))
        .unwrap_or(Instant(0));
    let source = page.url().unwrap_or_default();
    let (seen, photo_url, photo_hash) = read_memory(&memory);
    let recall = crate::memory::Recall {
        seen: &seen,
        photo_url: photo_url.as_deref(),
        photo_hash: photo_hash.as_deref(),
    };
    let report = crate::analyze_full(&page, &source, &policy, now, &answers, &recall);
    badge::draw(page.document(), &report, policy.lang)?;
    badge::draw_bids(page.document(), &report, policy.lang)?;
    // Through JSON text and the browser's own parser: serde_json is in the module anyway, and one
    // serializer (not two) keeps the wasm small.
    let json = serde_json::to_string(&report).map_err(|e| error(&e.to_string()))?;
    js_sys::JSON::parse(&json)
}

/// The key of the freelancer the page shows ("upwork:~01abc…"), under which the checklist answers are
/// kept, or `undefined` when the page is not one HireCheck reads or does not say who it shows. Runs
/// only the site adapter (no rules, no badge), so the answers can be read before [`check_page`].
#[wasm_bindgen]
pub fn profile_key() -> Option<String> {
    let page = DomPage::current()?;
    let url = page.url();
    let (adapter, kind) = crate::sites::detect(url.as_deref(), &page)?;
    adapter.extract(&page, kind).profile_key
}

/// Whether HireCheck reads the page at `href` (e.g. `location.href` after in-page navigation): the
/// manifest's content-script matches cover it and the site's adapter reads that kind of page. Looks
/// at the address only; the content script uses it instead of its own copy of the URL patterns.
#[wasm_bindgen]
pub fn supported_url(href: &str) -> bool {
    crate::sites::supported_url(href)
}

/// Removes the badge, if one is drawn.
#[wasm_bindgen]
pub fn remove_badge() {
    badge::remove();
}

/// Whether the badge is drawn and still in the document; pages that re-render may drop it.
#[wasm_bindgen]
pub fn badge_attached() -> bool {
    badge::attached()
}

fn read_policy(value: JsValue) -> Result<Policy, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Policy::default());
    }
    // Through JSON, so that a managed policy is read exactly as the CLI reads a policy file:
    // same defaults, same validation, and unknown keys (typos) rejected.
    let unreadable = |why: &str| error(&PolicyError::Unreadable(why.to_string()).to_string());
    let text = js_sys::JSON::stringify(&value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| unreadable("it is not a JSON object"))?;
    Policy::from_json(&text).map_err(|e| error(&e.to_string()))
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
                m.extend(id.chars().take(64));
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
            .map(|s| s.chars().take(2048).collect::<String>())
    };
    let mut seen = Vec::new();
    let list = get("seen");
    if js_sys::Array::is_array(&list) {
        let list: js_sys::Array = list.unchecked_into();
        for item in list.iter().take(crate::memory::MAX_SEEN) {
            let fp = js_sys::JSON::stringify(&item)
                .ok()
                .and_then(|s| s.as_string())
                .and_then(|s| serde_json::from_str::<crate::memory::Fingerprint>(&s).ok());
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
