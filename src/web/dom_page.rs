//! [`Page`] over the live DOM (wasm builds: the browser extension).
//!
//! Read-only: nothing here changes the document. Never panics: an invalid selector, a detached
//! element or a missing `window` all read as "nothing there".

use crate::page::{Node, Page};
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

#[wasm_bindgen]
extern "C" {
    /// An element seen only for its text (web-sys's getter copies the text into a `String` at once).
    type TextOf;
    /// `textContent` as the browser's own string, not yet copied into the wasm.
    #[wasm_bindgen(method, getter = textContent)]
    fn text_content_js(this: &TextOf) -> Option<js_sys::JsString>;

    /// The browser's UTF-8 encoder: one native call and one copy for a long text, where the glue's
    /// own copy of a string walks it in JavaScript (10 of 34 ms for a 2 MB profile's 0.5 MB store).
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method)]
    fn encode(this: &TextEncoder, text: &js_sys::JsString) -> js_sys::Uint8Array;
}

/// A document (the live one, or one parsed from HTML), as the site adapters see it.
pub struct DomPage {
    doc: Document,
    /// The page's address when the document has none of its own (a parsed document's is about:blank).
    url: Option<String>,
    /// Element handles handed out so far; a [`Node`] is an index here.
    arena: RefCell<Vec<Element>>,
    /// Element → index, keyed by object identity, so one element always gets the same [`Node`].
    ids: js_sys::Map,
    /// The live document's address, read once: a check asks for it many times, and it cannot change
    /// while the check runs (it is synchronous).
    href: OnceCell<Option<String>>,
}

impl DomPage {
    pub fn new(doc: Document) -> DomPage {
        DomPage {
            doc,
            url: None,
            arena: RefCell::default(),
            ids: js_sys::Map::new(),
            href: OnceCell::new(),
        }
    }

    /// A document parsed from the HTML of the page at `url` (the extension's safe mode).
    pub fn parsed(doc: Document, url: String) -> DomPage {
        DomPage {
            url: Some(url),
            ..DomPage::new(doc)
        }
    }

    /// The document of the window this code runs in, if there is one.
    pub fn current() -> Option<DomPage> {
        web_sys::window()
            .and_then(|w| w.document())
            .map(DomPage::new)
    }

    fn handle(&self, el: Element) -> Node {
        if let Some(n) = self.ids.get(&el).as_f64() {
            return Node(n as u32);
        }
        let mut arena = self.arena.borrow_mut();
        let n = arena.len() as u32;
        self.ids.set(&el, &wasm_bindgen::JsValue::from(n));
        arena.push(el);
        Node(n)
    }

    fn element(&self, node: Node) -> Option<Element> {
        self.arena.borrow().get(node.0 as usize).cloned()
    }
}

impl Page for DomPage {
    fn url(&self) -> Option<String> {
        if let Some(url) = &self.url {
            return Some(url.clone());
        }
        self.href
            .get_or_init(|| self.doc.location().and_then(|l| l.href().ok()))
            .clone()
    }

    fn select(&self, scope: Option<Node>, css: &str) -> Vec<Node> {
        let found = match scope {
            None => self.doc.query_selector_all(css),
            Some(n) => match self.element(n) {
                Some(el) => el.query_selector_all(css),
                None => return Vec::new(),
            },
        };
        let Ok(list) = found else { return Vec::new() };
        let mut out = Vec::with_capacity(list.length() as usize);
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                out.push(self.handle(el));
            }
        }
        out
    }

    fn raw_text(&self, node: Node) -> String {
        self.element(node)
            .and_then(|e| e.text_content())
            .unwrap_or_default()
    }

    fn raw_text_holding(
        &self,
        node: Node,
        marks: &[&str],
        max_bytes: usize,
    ) -> Option<Cow<'_, str>> {
        let text = self
            .element(node)?
            .unchecked_ref::<TextOf>()
            .text_content_js()?;
        // More UTF-16 units than `max_bytes` is at least as many UTF-8 bytes: too long, uncopied.
        if text.length() as usize > max_bytes || !marks.iter().any(|m| text.includes(m, 0)) {
            return None;
        }
        // TextEncoder writes UTF-8 (a lone surrogate as U+FFFD, as the glue's copy does).
        let text = String::from_utf8(TextEncoder::new().encode(&text).to_vec()).ok()?;
        (text.len() <= max_bytes).then_some(Cow::Owned(text))
    }

    fn attr(&self, node: Node, name: &str) -> Option<String> {
        self.element(node).and_then(|e| e.get_attribute(name))
    }
}
