//! [`Page`] over the live DOM (wasm builds: the browser extension).
//!
//! Read-only: nothing here changes the document. Never panics: an invalid selector, a detached
//! element or a missing `window` all read as "nothing there".

use crate::page::{Node, Page};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

/// A document (the live one, or one parsed from HTML), as the site adapters see it.
pub struct DomPage {
    doc: Document,
    /// The page's address when the document has none of its own (a parsed document's is about:blank).
    url: Option<String>,
    /// Element handles handed out so far; a [`Node`] is an index here.
    arena: RefCell<Vec<Element>>,
    /// Element → index, keyed by object identity, so one element always gets the same [`Node`].
    ids: js_sys::Map,
}

impl DomPage {
    pub fn new(doc: Document) -> DomPage {
        DomPage {
            doc,
            url: None,
            arena: RefCell::default(),
            ids: js_sys::Map::new(),
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
        self.doc.location().and_then(|l| l.href().ok())
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

    fn attr(&self, node: Node, name: &str) -> Option<String> {
        self.element(node).and_then(|e| e.get_attribute(name))
    }
}
