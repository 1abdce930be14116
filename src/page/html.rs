//! [`Page`] over a saved HTML file (native builds: CLI and tests).

use super::{Node, Page};
use scraper::{ElementRef, Html, Selector};
use std::cell::RefCell;
use std::collections::HashMap;

/// A parsed HTML document.
pub struct HtmlPage {
    html: Html,
    url: Option<String>,
    /// Node handles handed out so far; a [`Node`] is an index here.
    arena: RefCell<Vec<ego_tree::NodeId>>,
    ids: RefCell<HashMap<ego_tree::NodeId, u32>>,
    selectors: RefCell<HashMap<String, Option<Selector>>>,
}

impl HtmlPage {
    /// Parses a whole document. HTML parsing never fails: broken markup is repaired as browsers do,
    /// and nesting deeper than browsers keep is flattened first (it would make parsing quadratic).
    pub fn parse(source: &str, url: Option<&str>) -> HtmlPage {
        let source = super::nesting::cap_nesting(source, super::nesting::MAX_DEPTH);
        HtmlPage {
            html: Html::parse_document(&source),
            url: url.map(str::to_string),
            arena: RefCell::default(),
            ids: RefCell::default(),
            selectors: RefCell::default(),
        }
    }

    fn handle(&self, id: ego_tree::NodeId) -> Node {
        if let Some(&n) = self.ids.borrow().get(&id) {
            return Node(n);
        }
        let mut arena = self.arena.borrow_mut();
        let n = arena.len() as u32;
        arena.push(id);
        self.ids.borrow_mut().insert(id, n);
        Node(n)
    }

    fn element(&self, node: Node) -> Option<ElementRef<'_>> {
        let id = *self.arena.borrow().get(node.0 as usize)?;
        self.html.tree.get(id).and_then(ElementRef::wrap)
    }

    fn selector(&self, css: &str) -> Option<Selector> {
        let mut cache = self.selectors.borrow_mut();
        cache
            .entry(css.to_string())
            .or_insert_with(|| Selector::parse(css).ok())
            .clone()
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
        let ids: Vec<ego_tree::NodeId> = match scope {
            None => self.html.select(&sel).map(|e| e.id()).collect(),
            Some(n) => match self.element(n) {
                Some(el) => el.select(&sel).map(|e| e.id()).collect(),
                None => Vec::new(),
            },
        };
        ids.into_iter().map(|id| self.handle(id)).collect()
    }

    fn raw_text(&self, node: Node) -> String {
        self.element(node)
            .map(|e| e.text().collect())
            .unwrap_or_default()
    }

    fn attr(&self, node: Node, name: &str) -> Option<String> {
        self.element(node)
            .and_then(|e| e.value().attr(name))
            .map(str::to_string)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::PageExt;

    #[test]
    fn selects_scoped_and_falls_back() {
        let p = HtmlPage::parse(
            r#"<html><head><meta property="og:title" content=" Ada  L. "></head><body>
            <div class="a"><span>one</span></div><div class="b"><span> two
            words </span></div></body></html>"#,
            Some("https://example.test/"),
        );
        let b = p.first(None, &[".missing", ".b"]).unwrap();
        assert_eq!(
            p.first_text(Some(b), &["span"]).as_deref(),
            Some("two words")
        );
        assert_eq!(p.select(None, "span").len(), 2);
        assert_eq!(p.meta("og:title").as_deref(), Some("Ada L."));
        assert!(p.select(None, "::not a selector((").is_empty());
        assert_eq!(p.url().as_deref(), Some("https://example.test/"));
        // The same element always gets the same handle.
        assert_eq!(p.select(None, ".b"), vec![b]);
    }
}
