//! [`Page`] over a saved HTML file (native builds: CLI and tests), with our own parser and selector
//! engine: [`tokenizer`] (with [`charref`] and the generated [`entities`]) → [`tree`] (with [`names`])
//! → [`dom::Document`], queried by [`selector`].

mod charref;
mod dom;
mod entities;
mod names;
mod selector;
mod tokenizer;
mod tree;

use super::{Node, Page};
use dom::Document;
use selector::{LazyIndexes, Matcher, Selector};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// A parsed HTML document.
pub struct HtmlPage {
    doc: Document,
    url: Option<String>,
    /// Parsed selectors by their text (adapters ask the same ones many times).
    selectors: RefCell<HashMap<String, Option<Rc<Selector>>>>,
    indexes: LazyIndexes,
}

impl HtmlPage {
    /// Parses a whole document. HTML parsing never fails: broken markup is repaired as browsers do, and
    /// nesting deeper than browsers keep is flattened as Chromium does (see [`tree`]).
    pub fn parse(source: &str, url: Option<&str>) -> HtmlPage {
        HtmlPage {
            doc: tree::build(source),
            url: url.map(str::to_string),
            selectors: RefCell::default(),
            indexes: LazyIndexes::default(),
        }
    }

    /// How many times the parser took one of its documented shortcuts on this page (misnested
    /// formatting elements, content a browser would move out of a table, table captions and column
    /// groups, `<select>`, framesets: src/page/html/tree.rs). Zero means a browser builds the same tree as far as
    /// those go; above zero, the reports of a saved page and of the page in a browser may differ.
    pub fn shortcuts(&self) -> u32 {
        self.doc.shortcuts
    }

    /// Whether our selector engine accepts `css` (an invalid or unsupported selector matches nothing).
    pub fn selector_is_valid(css: &str) -> bool {
        selector::parse(css, &dom::Atoms::default()).is_some()
    }

    fn selector(&self, css: &str) -> Option<Rc<Selector>> {
        if let Some(s) = self.selectors.borrow().get(css) {
            return s.clone();
        }
        let parsed = selector::parse(css, &self.doc.atoms).map(Rc::new);
        self.selectors
            .borrow_mut()
            .insert(css.to_string(), parsed.clone());
        parsed
    }
}

impl Page for HtmlPage {
    fn url(&self) -> Option<String> {
        self.url.clone()
    }

    fn select(&self, scope: Option<Node>, css: &str) -> Vec<Node> {
        let Some(sel) = self.selector(css) else {
            return Vec::new();
        };
        let (scope_el, from, to) = match scope {
            None => (0, 0, self.doc.len()),
            Some(Node(n)) => {
                if self.doc.element(n).is_none() {
                    return Vec::new();
                }
                (n, n + 1, self.doc.end(n))
            }
        };
        Matcher::new(&self.doc, scope_el)
            .select(&sel, &self.indexes, from, to)
            .into_iter()
            .map(Node)
            .collect()
    }

    fn raw_text(&self, node: Node) -> String {
        self.doc.text_of(node.0).to_string()
    }

    fn raw_text_ref(&self, node: Node) -> Cow<'_, str> {
        Cow::Borrowed(self.doc.text_of(node.0))
    }

    fn attr(&self, node: Node, name: &str) -> Option<String> {
        let doc = &self.doc;
        doc.element(node.0)?;
        let atom = match doc.atoms.get(name) {
            Some(a) => a,
            None => doc.atoms.get(&name.to_ascii_lowercase())?,
        };
        doc.attr_by_atom(node.0, atom).map(str::to_string)
    }
}

impl HtmlPage {
    /// One line per element in document order: depth, name, attributes (sorted) and whitespace-collapsed
    /// text content. For tests that compare the tree with another parser's (tests/parser_parity.rs).
    #[doc(hidden)]
    pub fn outline(&self) -> Vec<String> {
        let doc = &self.doc;
        (0..doc.len())
            .map(|el| {
                let mut depth = 0;
                let mut p = doc.parent(el);
                while p != dom::NONE {
                    depth += 1;
                    p = doc.parent(p);
                }
                let mut attrs: Vec<String> = doc
                    .attrs(el)
                    .iter()
                    .map(|a| format!("{}={:?}", doc.atoms.name(a.name), doc.attr_value(a)))
                    .collect();
                attrs.sort();
                let text = doc
                    .text_of(el)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                format!("{depth} {} [{}] {text:?}", doc.name(el), attrs.join(" "))
            })
            .collect()
    }

    /// The number of elements (tests and diagnostics).
    #[cfg(test)]
    fn element_count(&self) -> u32 {
        self.doc.len()
    }

    /// The element's depth in the tree (the root is 1).
    #[cfg(test)]
    fn depth(&self, node: Node) -> usize {
        let mut d = 0;
        let mut n = node.0;
        while n != dom::NONE {
            d += 1;
            n = self.doc.parent(n);
        }
        d
    }
}

#[cfg(test)]
mod tests;
