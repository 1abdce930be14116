//! wasm entry points for the browser extension's content script.
//!
//! The content script calls [`check_page`]; everything stays in the page's renderer: no network,
//! no storage, no messages from here.

mod badge;
mod dom_page;

pub use dom_page::DomPage;

use crate::page::Page;
use crate::policy::{Lang, Policy, PolicyError};
use crate::time::Instant;
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Reads the live page, draws (or redraws) the badge and returns the report as a plain object.
///
/// `policy`: a policy object (keys left out keep their defaults) or `undefined`/`null` for the
/// defaults. `lang`: a browser language tag ("de-DE"); it overrides the policy's language.
/// `now_ms`: milliseconds since the Unix epoch (`Date.now()`).
#[wasm_bindgen]
pub fn check_page(policy: JsValue, lang: &str, now_ms: f64) -> Result<JsValue, JsValue> {
    let mut policy = read_policy(policy)?;
    policy.lang = Lang::from_tag(lang);
    let page =
        DomPage::current().ok_or_else(|| error("HireCheck: there is no document to read"))?;
    let now = Instant::from_unix_millis(now_ms)
        .or_else(|| Instant::from_unix_millis(js_sys::Date::now()))
        .unwrap_or(Instant(0));
    let source = page.url().unwrap_or_default();
    let report = crate::analyze(&page, &source, &policy, now);
    badge::draw(page.document(), &report, policy.lang)?;
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error(&e.to_string()))
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

fn error(message: &str) -> JsValue {
    js_sys::Error::new(message).into()
}
