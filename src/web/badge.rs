//! The in-page badge: a disclosure button with the verdict and a panel that explains it.
//!
//! Security: the badge lives in a CLOSED shadow root whose handle stays in Rust; the host element is a
//! bare `div` that tells the page nothing about the verdict. Page text only ever becomes text nodes
//! (`set_text_content`); attribute names are constants. Nothing here touches the network.
//!
//! The badge only shows; it changes nothing. The verification checklist is answered in the toolbar
//! popup, never here: a control in the page could be overlaid or clicked for the client (clickjacking).
//!
//! Accessibility: a native `<button>` with `aria-expanded`/`aria-controls` (Enter/Space toggle, Esc
//! closes), a labelled `region`, level shown as words and an icon (never colour alone), ≥4.5:1 text
//! contrast, a visible `:focus-visible` ring, no motion under `prefers-reduced-motion`, no focus theft.

use crate::model::Field;
use crate::policy::{Contact, Lang};
use crate::report::Report;
use crate::rules::Finding;
use crate::score::{Level, Risk};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    Document, Element, Event, HtmlElement, KeyboardEvent, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};

/// Styles inside the shadow root. `!important` on `:host` wins over the page's rules, even its
/// `!important` ones and inline styles (CSS Scoping: for important declarations the inner context wins).
const CSS: &str = r#":host{all:initial!important;display:block!important;visibility:visible!important;opacity:1!important;filter:none!important;transform:none!important;clip-path:none!important;pointer-events:auto!important;position:relative!important;margin:8px 0!important;padding:0!important;width:auto!important;height:auto!important;max-width:100%!important;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif!important;color:#1a1a1a!important;text-align:left!important;direction:ltr!important;z-index:auto}
*{box-sizing:border-box}
[hidden]{display:none!important}
.hc{font:inherit;color:#1a1a1a}
.btn{all:unset;box-sizing:border-box;display:inline-flex;align-items:center;gap:8px;min-height:32px;padding:4px 12px 4px 6px;border:2px solid transparent;border-radius:999px;cursor:pointer;font:600 14px/1.3 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;box-shadow:0 1px 3px rgba(0,0,0,.3)}
.btn:focus-visible{outline:3px solid #0b57d0;outline-offset:2px;box-shadow:0 0 0 2px #fff}
.brand{font-weight:400}
.icon{display:inline-flex;align-items:center;justify-content:center;width:22px;height:22px;border-radius:50%;background:#fff;font-weight:700;font-size:13px;line-height:1}
.chev{display:inline-block;width:7px;height:7px;margin:0 3px 3px 2px;border-right:2px solid currentColor;border-bottom:2px solid currentColor;transform:rotate(45deg);transition:transform .15s ease-out}
.btn[aria-expanded="true"] .chev{transform:rotate(-135deg);margin:3px 3px 0 2px}
.high{background:#b00020;color:#fff}.high .icon{color:#b00020}
.elevated{background:#ffd666;color:#3d2600;border-color:#7a4f00}.elevated .icon{background:#3d2600;color:#ffd666}
.low{background:#1b5e20;color:#fff}.low .icon{color:#1b5e20}
.unknown{background:#4a4a4a;color:#fff}.unknown .icon{color:#4a4a4a}
.panel{margin-top:8px;max-width:40rem;padding:12px 16px;background:#fff;color:#1a1a1a;border:1px solid #767676;border-radius:8px;box-shadow:0 2px 10px rgba(0,0,0,.2)}
.panel:focus-visible{outline:3px solid #0b57d0;outline-offset:2px}
h2{font-size:16px;margin:0 0 6px}
h3{font-size:14px;margin:14px 0 4px}
h4{font-size:14px;margin:0 0 4px}
p{margin:4px 0}
ul,ol{margin:4px 0;padding-left:20px}
li{margin:2px 0}
.finding{margin:10px 0}
.pts{font-weight:400;color:#4d4d4d}
dl{margin:4px 0}
dt{font-weight:600;margin-top:6px}
dd{margin:0}
.muted{color:#4d4d4d}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}
@media (forced-colors:active){.btn{border-color:ButtonText}.icon{border:1px solid CanvasText}}
"#;

/// Added when no name heading was found: the badge floats at the top right of the viewport.
const CSS_FIXED: &str = ":host{position:fixed!important;top:12px!important;right:12px!important;left:auto!important;bottom:auto!important;z-index:2147483647!important;margin:0!important;max-width:min(40rem,calc(100vw - 24px))!important}
.hc{text-align:right}.panel{text-align:left;max-height:calc(100vh - 80px);overflow:auto}
";

/// What is drawn now. The closed root is reachable only through this.
struct Drawn {
    /// What was drawn, to skip redrawing an unchanged verdict (late renders trigger many re-checks).
    shown: Shown,
    /// The element the badge was placed after (or tried to be): when the page renders its name
    /// heading late, the floating badge moves next to it.
    anchor: Option<Element>,
    host: Element,
    root: ShadowRoot,
    panel: Element,
    /// Kept alive as long as the badge; dropping them detaches nothing but frees the JS functions.
    _listeners: [Closure<dyn FnMut(Event)>; 2],
}

#[derive(PartialEq)]
struct Shown {
    source: String,
    lang: Lang,
    risk: Risk,
    missing: Vec<Field>,
    /// Checklist items answered, and how many there are.
    checklist: (usize, usize),
    /// The organisation's note on this freelancer and where to report (managed settings).
    org_note: Option<String>,
    contact: Option<Contact>,
}

thread_local! {
    static BADGE: RefCell<Option<Drawn>> = const { RefCell::new(None) };
}

/// Removes the badge, if one is drawn.
pub fn remove() {
    if let Some(old) = BADGE.with(|b| b.borrow_mut().take()) {
        old.host.remove();
    }
    remove_rows();
}

/// The badge's host element, if one is drawn (the content script checks that it is not covered).
pub fn host() -> Option<Element> {
    BADGE.with(|b| b.borrow().as_ref().map(|d| d.host.clone()))
}

/// Whether the badge is drawn and still in the document (the page may re-render it away).
pub fn attached() -> bool {
    BADGE.with(|b| b.borrow().as_ref().is_some_and(|d| d.host.is_connected())) && rows_attached()
}

/// Draws the badge for `report`, replacing any previous one; an unchanged verdict for the same page
/// that is still attached is left as it is. Keeps the panel open and the focus on the button if they
/// were so before, so a re-check does not yank the reader away.
pub fn draw(doc: &Document, report: &Report, lang: Lang) -> Result<(), JsValue> {
    let shown = Shown {
        source: report.source.clone(),
        lang,
        risk: report.risk.clone(),
        missing: report.missing.clone(),
        checklist: (
            report
                .checklist
                .iter()
                .filter(|e| e.answer.is_some())
                .count(),
            report.checklist.len(),
        ),
        org_note: report.org_note.clone(),
        contact: report.report_contact.clone(),
    };
    let (answered, items) = shown.checklist;
    let anchor = find_anchor(doc);
    let unchanged = BADGE.with(|b| {
        b.borrow()
            .as_ref()
            .is_some_and(|d| d.shown == shown && d.anchor == anchor && d.host.is_connected())
    });
    if unchanged {
        return Ok(());
    }
    let (was_open, had_focus) = BADGE.with(|b| {
        b.borrow().as_ref().map_or((false, false), |d| {
            (
                !d.panel.has_attribute("hidden"),
                d.host.is_connected() && d.root.active_element().is_some(),
            )
        })
    });
    remove();

    let host = doc.create_element("div")?;
    let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed))?;

    let style = doc.create_element("style")?;
    root.append_child(&style)?;

    let risk = &report.risk;
    let level = risk.level;
    let score = risk.score.to_string();
    let label = level_text(risk, &score, lang);

    let wrap = add(doc, &root, "div")?;
    wrap.set_attribute("class", "hc")?;
    wrap.set_attribute("lang", lang.pick("en", "de"))?;
    wrap.set_attribute("data-hc", "badge")?;
    wrap.set_attribute("data-level", level_key(level))?;
    wrap.set_attribute("data-score", &score)?;
    wrap.set_attribute("data-drawn-at", &now_text())?;

    // The button: icon + brand + verdict in words.
    let button = add(doc, &wrap, "button")?;
    button.set_attribute("type", "button")?;
    button.set_attribute("class", level_class(level))?;
    button.set_attribute("aria-expanded", if was_open { "true" } else { "false" })?;
    button.set_attribute("aria-controls", "hc-panel")?;
    let icon = add_text(doc, &button, "span", level_icon(level))?;
    icon.set_attribute("class", "icon")?;
    icon.set_attribute("aria-hidden", "true")?;
    add_text(doc, &button, "span", "HireCheck")?.set_attribute("class", "brand")?;
    add_text(doc, &button, "span", &label)?.set_attribute("class", "label")?;
    let chev = add(doc, &button, "span")?;
    chev.set_attribute("class", "chev")?;
    chev.set_attribute("aria-hidden", "true")?;

    // The panel.
    let panel = add(doc, &wrap, "div")?;
    panel.set_attribute("id", "hc-panel")?;
    panel.set_attribute("class", "panel")?;
    panel.set_attribute("role", "region")?;
    panel.set_attribute("aria-labelledby", "hc-title")?;
    if !was_open {
        panel.set_attribute("hidden", "")?;
    }
    // The panel names the level; its summary, right below, starts with the button's words.
    let mut title = String::from("HireCheck: ");
    if level == Level::Unknown {
        title.push_str(lang.pick("Risk unknown", "Risiko unbekannt"));
    } else {
        title.push_str(&label);
    }
    add_text(doc, &panel, "h2", &title)?.set_attribute("id", "hc-title")?;
    add_text(doc, &panel, "p", &risk.summary)?.set_attribute("data-hc", "summary")?;
    add_text(
        doc,
        &panel,
        "p",
        lang.pick(
            "Indicators are reasons to verify, not proof of fraud.",
            "Merkmale sind Anlass zur Prüfung, kein Beweis für Betrug.",
        ),
    )?
    .set_attribute("class", "muted")?;

    if !risk.findings.is_empty() {
        add_text(
            doc,
            &panel,
            "h3",
            lang.pick("Indicators found", "Gefundene Merkmale"),
        )?;
        let list = add(doc, &panel, "ol")?;
        for f in &risk.findings {
            let item = add(doc, &list, "li")?;
            item.set_attribute("class", "finding")?;
            item.set_attribute("data-hc", "finding")?;
            item.set_attribute("data-rule", f.rule)?;
            let head = add_text(doc, &item, "h4", &f.title)?;
            let mut pts = String::from(" \u{00B7} +");
            pts.push_str(&f.points.to_string());
            pts.push_str(lang.pick(" points", " Punkte"));
            add_text(doc, &head, "span", &pts)?.set_attribute("class", "pts")?;
            add_explanation(doc, &item, f, lang)?;
        }
    }

    if !risk.unevaluated.is_empty() {
        add_text(
            doc,
            &panel,
            "h3",
            lang.pick("Could not check", "Nicht prüfbar"),
        )?;
        let ul = add(doc, &panel, "ul")?;
        for u in &risk.unevaluated {
            let mut line = u.title.clone();
            if !u.missing.is_empty() {
                line.push_str(lang.pick(" \u{2014} not read: ", " \u{2014} nicht gelesen: "));
                push_fields(&mut line, &u.missing, lang);
            }
            add_text(doc, &ul, "li", &line)?;
        }
    }

    if !report.missing.is_empty() {
        add_text(
            doc,
            &panel,
            "h3",
            lang.pick("Not read from this page", "Auf dieser Seite nicht gelesen"),
        )?;
        let mut line = String::new();
        push_fields(&mut line, &report.missing, lang);
        add_text(doc, &panel, "p", &line)?;
    }

    if items > 0 {
        // Read-only: the answers are given in the toolbar popup (see the module comment).
        let mut line = String::from(lang.pick("Checklist: ", "Checkliste: "));
        line.push_str(&answered.to_string());
        line.push_str(lang.pick(" of ", " von "));
        line.push_str(&items.to_string());
        line.push_str(lang.pick(
            " answered \u{2014} open the HireCheck toolbar button to fill it in.",
            " beantwortet \u{2014} füllen Sie sie über die HireCheck-Schaltfläche in der Symbolleiste aus.",
        ));
        let p = add_text(doc, &panel, "p", &line)?;
        p.set_attribute("data-hc", "checklist")?;
        p.set_attribute("data-answered", &answered.to_string())?;
        p.set_attribute("data-items", &items.to_string())?;
    }

    if let Some(note) = &report.org_note {
        add_text(doc, &panel, "p", note)?.set_attribute("data-hc", "org-note")?;
    }
    if let Some(c) = &report.report_contact {
        add_contact(doc, &panel, c, lang)?;
    }

    add_text(
        doc,
        &panel,
        "p",
        lang.pick(
            "HireCheck reads only this page and sends nothing anywhere.",
            "HireCheck liest nur diese Seite und sendet nichts irgendwohin.",
        ),
    )?
    .set_attribute("class", "muted")?;

    // Behaviour: the native button toggles (click, Enter, Space); Esc closes and returns focus.
    let on_click = {
        let (button, panel) = (button.clone(), panel.clone());
        Closure::<dyn FnMut(Event)>::new(move |_: Event| {
            let open = panel.has_attribute("hidden");
            set_open(&button, &panel, open);
        })
    };
    button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
    let on_key = {
        let (button, panel) = (button.clone(), panel.clone());
        Closure::<dyn FnMut(Event)>::new(move |e: Event| {
            let esc = e
                .dyn_ref::<KeyboardEvent>()
                .is_some_and(|k| k.key() == "Escape");
            if esc && !panel.has_attribute("hidden") {
                set_open(&button, &panel, false);
                focus(&button);
                e.stop_propagation();
            }
        })
    };
    wrap.add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref())?;

    // Placement: right after the name heading; floating when there is none or it is not rendered.
    let mut css = String::from(CSS);
    let mut placed = false;
    if let Some(anchor) = &anchor {
        if let Some(parent) = anchor.parent_node() {
            parent.insert_before(&host, anchor.next_sibling().as_ref())?;
            placed = host
                .dyn_ref::<HtmlElement>()
                .and_then(|h| h.offset_parent())
                .is_some();
            if !placed {
                host.remove();
            }
        }
    }
    if !placed {
        css.push_str(CSS_FIXED);
        // Floating, the panel may scroll; a scroll area must be reachable by keyboard.
        panel.set_attribute("tabindex", "0")?;
        let parent: web_sys::Node = match doc.body() {
            Some(b) => b.into(),
            None => doc
                .document_element()
                .ok_or_else(|| JsValue::from_str("HireCheck: the page has no root element"))?
                .into(),
        };
        parent.append_child(&host)?;
    }
    style.set_text_content(Some(&css));

    if had_focus {
        focus(&button);
    }
    BADGE.with(|b| {
        *b.borrow_mut() = Some(Drawn {
            shown,
            anchor,
            host,
            root,
            panel,
            _listeners: [on_click, on_key],
        })
    });
    Ok(())
}

fn set_open(button: &Element, panel: &Element, open: bool) {
    let _ = button.set_attribute("aria-expanded", if open { "true" } else { "false" });
    let _ = if open {
        panel.remove_attribute("hidden")
    } else {
        panel.set_attribute("hidden", "")
    };
}

fn focus(el: &Element) {
    if let Some(h) = el.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    }
}

/// The profile name's heading (or the name element itself), where the badge goes after.
fn find_anchor(doc: &Document) -> Option<Element> {
    let body = doc.body()?;
    let body: &web_sys::Node = body.as_ref();
    let named = doc.query_selector_all("[itemprop=name]").ok()?;
    for i in 0..named.length() {
        let Some(el) = named.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
            continue;
        };
        let tag = el.tag_name();
        if tag.eq_ignore_ascii_case("meta")
            || tag.eq_ignore_ascii_case("link")
            || !body.contains(Some(el.as_ref()))
        {
            continue;
        }
        if el.text_content().is_none_or(|t| t.trim().is_empty()) {
            continue;
        }
        // Never inside the heading: the badge would become part of the heading's accessible name.
        return Some(el.closest("h1,h2,h3,h4,h5,h6").ok().flatten().unwrap_or(el));
    }
    let h1 = doc.query_selector("h1").ok()??;
    body.contains(Some(h1.as_ref())).then_some(h1)
}

/// A finding's evidence, why it matters, source and how to verify, as a definition list under `item`.
fn add_explanation(doc: &Document, item: &Element, f: &Finding, lang: Lang) -> Result<(), JsValue> {
    let dl = add(doc, item, "dl")?;
    if !f.evidence.is_empty() {
        add_text(
            doc,
            &dl,
            "dt",
            lang.pick("What was read", "Was gelesen wurde"),
        )?;
        let dd = add(doc, &dl, "dd")?;
        let ul = add(doc, &dd, "ul")?;
        for e in &f.evidence {
            add_text(doc, &ul, "li", e)?;
        }
    }
    for (term, text) in [
        (lang.pick("Why it matters", "Warum das zählt"), &f.why),
        (lang.pick("Source", "Quelle"), &f.source),
        (lang.pick("How to verify", "So prüfen Sie es"), &f.verify),
    ] {
        if !text.is_empty() {
            add_text(doc, &dl, "dt", term)?;
            add_text(doc, &dl, "dd", text)?;
        }
    }
    Ok(())
}

/// "Report to security: …": a mailto: link (checked when the settings were read) or plain text, set
/// through text content and attributes only.
fn add_contact(
    doc: &Document,
    panel: &web_sys::Node,
    contact: &Contact,
    lang: Lang,
) -> Result<(), JsValue> {
    let p = add(doc, panel, "p")?;
    p.set_attribute("data-hc", "report-contact")?;
    add_text(
        doc,
        &p,
        "span",
        lang.pick("Report to security: ", "An die Sicherheit melden: "),
    )?;
    match contact {
        Contact::Mail { address, href } => {
            let a = add_text(doc, &p, "a", address)?;
            a.set_attribute("href", href)?;
            a.set_attribute("rel", "noopener noreferrer")?;
        }
        Contact::Text(text) => {
            add_text(doc, &p, "span", text)?;
        }
    }
    Ok(())
}

fn add(doc: &Document, parent: &web_sys::Node, tag: &str) -> Result<Element, JsValue> {
    let el = doc.create_element(tag)?;
    parent.append_child(&el)?;
    Ok(el)
}

fn add_text(
    doc: &Document,
    parent: &web_sys::Node,
    tag: &str,
    text: &str,
) -> Result<Element, JsValue> {
    let el = add(doc, parent, tag)?;
    el.set_text_content(Some(text));
    Ok(el)
}

fn now_text() -> String {
    let now = web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now());
    js_sys::Number::from(now)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

fn level_key(level: Level) -> &'static str {
    match level {
        Level::Low => "low",
        Level::Elevated => "elevated",
        Level::High => "high",
        Level::Unknown => "unknown",
    }
}

fn level_class(level: Level) -> &'static str {
    match level {
        Level::Low => "btn low",
        Level::Elevated => "btn elevated",
        Level::High => "btn high",
        Level::Unknown => "btn unknown",
    }
}

fn level_icon(level: Level) -> &'static str {
    match level {
        Level::Low => "\u{2713}",
        Level::Elevated => "!",
        Level::High => "!!",
        Level::Unknown => "?",
    }
}

/// "High risk · 85". An unknown level says so in words and shows a score only if something was found,
/// so that "0" never reads as "safe"; on a page HireCheck reads it says how much of it was read:
/// "Could not read this page well (4 of 17 fields)" (the site may have changed its markup).
fn level_text(risk: &Risk, score: &str, lang: Lang) -> String {
    let mut s = match risk.level {
        Level::Unknown if risk.coverage.fields_expected > 0 => risk.coverage.could_not_read(lang),
        Level::Unknown => String::from(lang.pick("Risk unknown", "Risiko unbekannt")),
        l => String::from(l.label(lang)),
    };
    if risk.level != Level::Unknown || risk.score > 0 {
        s.push_str(" \u{00B7} ");
        s.push_str(score);
    }
    s
}

fn push_fields(out: &mut String, fields: &[Field], lang: Lang) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(f.label(lang));
    }
}

// ---- one small badge per proposal row (proposals pages) ---------------------------------------------

/// Row badges: inline, smaller; the same text-only, closed-root rules as the page badge.
const CSS_ROW: &str = ":host{display:inline-block!important;position:relative!important;margin:0 0 0 8px!important;vertical-align:middle!important;max-width:100%!important;font:13px/1.4 system-ui,-apple-system,\"Segoe UI\",Roboto,Arial,sans-serif!important}
.btn{min-height:26px;padding:2px 10px 2px 4px;font-size:13px}.icon{width:18px;height:18px;font-size:11px}
.panel{position:absolute;z-index:2147483646;min-width:min(28rem,80vw)}
";

struct RowDrawn {
    host: Element,
    _listener: Closure<dyn FnMut(Event)>,
}

/// What the row badges show: the page's address, the language and each bid's verdict.
type RowsShown = (String, Lang, Vec<Risk>);

thread_local! {
    /// (what was drawn, the row badges).
    static ROWS: RefCell<(Option<RowsShown>, Vec<RowDrawn>)> = const { RefCell::new((None, Vec::new())) };
}

/// Removes every row badge.
pub fn remove_rows() {
    let old = ROWS.with(|r| {
        let mut r = r.borrow_mut();
        r.0 = None;
        std::mem::take(&mut r.1)
    });
    for d in old {
        d.host.remove();
    }
}

/// Whether every row badge drawn is still in the document.
pub fn rows_attached() -> bool {
    ROWS.with(|r| r.borrow().1.iter().all(|d| d.host.is_connected()))
}

/// Draws one badge per proposal row, next to the bidder's name, found by the selectors the adapter read
/// the rows with. Drawn only when the bids were read from those rows and their number matches, so a
/// badge never lands on the wrong bidder; an unchanged verdict whose badges are all attached is left as
/// it is, and old badges are removed before new ones are drawn (they never stack).
pub fn draw_bids(doc: &Document, report: &Report, lang: Lang) -> Result<(), JsValue> {
    let risks: Vec<Risk> = report.bids.iter().map(|b| b.risk.clone()).collect();
    let key = (report.source.clone(), lang, risks);
    let unchanged = ROWS.with(|r| {
        let r = r.borrow();
        r.0.as_ref() == Some(&key) && !r.1.is_empty() && r.1.iter().all(|d| d.host.is_connected())
    });
    if unchanged {
        return Ok(());
    }
    remove_rows();
    if report.bids.is_empty() {
        return Ok(());
    }
    let Some((row_sels, name_sels)) = report.site.and_then(crate::proposals::row_selectors) else {
        return Ok(());
    };
    let Some(from) = report.read_from.get(&Field::Bids) else {
        return Ok(());
    };
    if !row_sels.contains(&from.as_str()) {
        return Ok(());
    }
    let Ok(list) = doc.query_selector_all(from) else {
        return Ok(());
    };
    let n = (list.length() as usize).min(crate::sites::upwork::proposals::MAX_BIDS);
    if n != report.bids.len() {
        return Ok(());
    }
    let mut drawn = Vec::with_capacity(n);
    for (i, bid) in report.bids.iter().enumerate() {
        let Some(row) = list
            .item(i as u32)
            .and_then(|n| n.dyn_into::<Element>().ok())
        else {
            continue;
        };
        let name = name_sels
            .iter()
            .find_map(|css| row.query_selector(css).ok().flatten());
        let host = doc.create_element("div")?;
        let root = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Closed))?;
        let style = add(doc, &root, "style")?;
        let mut css = String::from(CSS);
        css.push_str(CSS_ROW);
        style.set_text_content(Some(&css));
        let listener = row_badge(doc, &root, i, &bid.risk, lang)?;
        match name {
            Some(el) => {
                let parent = el.parent_node().unwrap_or_else(|| row.clone().into());
                parent.insert_before(&host, el.next_sibling().as_ref())?;
            }
            None => {
                row.insert_before(&host, row.first_child().as_ref())?;
            }
        }
        drawn.push(RowDrawn {
            host,
            _listener: listener,
        });
    }
    ROWS.with(|r| *r.borrow_mut() = (Some(key), drawn));
    Ok(())
}

/// The content of one row badge: a button with the level, a panel with the findings.
fn row_badge(
    doc: &Document,
    root: &ShadowRoot,
    index: usize,
    risk: &Risk,
    lang: Lang,
) -> Result<Closure<dyn FnMut(Event)>, JsValue> {
    let level = risk.level;
    let score = risk.score.to_string();
    let label = match level {
        Level::Unknown => String::from(lang.pick("Not enough read", "Zu wenig gelesen")),
        l => {
            let mut s = String::from(l.label(lang));
            s.push_str(" \u{00B7} ");
            s.push_str(&score);
            s
        }
    };
    let wrap = add(doc, root, "div")?;
    wrap.set_attribute("class", "hc")?;
    wrap.set_attribute("lang", lang.pick("en", "de"))?;
    wrap.set_attribute("data-hc", "bid-badge")?;
    wrap.set_attribute("data-index", &index.to_string())?;
    wrap.set_attribute("data-level", level_key(level))?;
    wrap.set_attribute("data-score", &score)?;
    let button = add(doc, &wrap, "button")?;
    button.set_attribute("type", "button")?;
    button.set_attribute("class", level_class(level))?;
    button.set_attribute("aria-expanded", "false")?;
    button.set_attribute("aria-controls", "hc-bid-panel")?;
    let icon = add_text(doc, &button, "span", level_icon(level))?;
    icon.set_attribute("class", "icon")?;
    icon.set_attribute("aria-hidden", "true")?;
    add_text(doc, &button, "span", &label)?.set_attribute("class", "label")?;
    let panel = add(doc, &wrap, "div")?;
    panel.set_attribute("id", "hc-bid-panel")?;
    panel.set_attribute("class", "panel")?;
    panel.set_attribute("role", "region")?;
    panel.set_attribute(
        "aria-label",
        lang.pick("HireCheck: this proposal", "HireCheck: dieses Angebot"),
    )?;
    panel.set_attribute("hidden", "")?;
    add_text(doc, &panel, "p", &risk.summary)?.set_attribute("data-hc", "bid-summary")?;
    if !risk.findings.is_empty() {
        let list = add(doc, &panel, "ol")?;
        for f in &risk.findings {
            let item = add(doc, &list, "li")?;
            item.set_attribute("class", "finding")?;
            item.set_attribute("data-hc", "bid-finding")?;
            item.set_attribute("data-rule", f.rule)?;
            add_text(doc, &item, "h4", &f.title)?;
            add_explanation(doc, &item, f, lang)?;
        }
    }
    let on_click = {
        let (button, panel) = (button.clone(), panel.clone());
        Closure::<dyn FnMut(Event)>::new(move |_: Event| {
            let open = panel.has_attribute("hidden");
            set_open(&button, &panel, open);
        })
    };
    button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
    Ok(on_click)
}
