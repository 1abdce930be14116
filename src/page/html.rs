//! [`Page`] over a saved HTML file (native builds: CLI and tests).

use super::{Node, Page};
use html5ever::tendril::{StrTendril, TendrilSink};
use scraper::{ElementRef, Html, HtmlTreeSink, Selector};
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
            html: parse_bounded(&source),
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

/// Elements nested deeper than this end the parse. The tree builder scans its stack of open elements for
/// most start tags, so a file of thousands of nested tags costs time quadratic in its depth (minutes for
/// a megabyte of `<div>`); browsers cap the depth for the same reason. [`super::nesting`] flattens
/// ordinary nesting to 512 levels before the parse, as Chromium does; this is the net under it, for
/// nesting the parser makes that the tag rewrite does not foresee. Real profile pages stay under 100.
const MAX_DEPTH: usize = super::nesting::MAX_DEPTH + 64;
/// Bytes parsed between two depth checks.
const CHUNK: usize = 16 * 1024;

/// Parses `source` as `Html::parse_document` does, in chunks, and stops reading once an element lies
/// deeper than [`MAX_DEPTH`]: what follows stays unread (its fields unknown) rather than stall the reader.
fn parse_bounded(source: &str) -> Html {
    let mut parser = html5ever::driver::parse_document(
        HtmlTreeSink::new(Html::new_document()),
        Default::default(),
    );
    let (mut rest, mut checked) = (source, 0);
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let Some((chunk, tail)) = rest.split_at_checked(cut) else {
            break;
        };
        parser.process(StrTendril::from_slice(chunk));
        rest = tail;
        // Only the nodes this chunk added need a look; each walk up stops at the limit.
        let html = parser.tokenizer.sink.sink.0.borrow();
        let nodes = html.tree.nodes();
        let total = nodes.len();
        let too_deep = nodes
            .rev()
            .take(total.saturating_sub(checked))
            .any(|n| n.ancestors().nth(MAX_DEPTH).is_some());
        checked = total;
        drop(html);
        if too_deep {
            break;
        }
    }
    parser.finish()
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

    #[test]
    fn hostile_depth_is_flattened_or_cut_not_quadratic() {
        let nested = |depth: usize| {
            format!(
                "<html><body>{}<p class=inner>deep</p>{}<p class=after>x</p>",
                "<div>".repeat(depth),
                "</div>".repeat(depth)
            )
        };
        // A real page's depth parses whole, in several chunks.
        let ok = HtmlPage::parse(&(nested(100) + &"<i>filler</i>".repeat(5000)), None);
        assert_eq!(ok.select(None, "p.inner").len(), 1);
        assert_eq!(ok.select(None, "p.after").len(), 1);
        assert_eq!(ok.select(None, "i").len(), 5000);
        // 50 000 nested elements took minutes before; flattened as a browser does, what follows is read.
        let deep = HtmlPage::parse(&nested(50_000), None);
        assert_eq!(deep.select(None, "p.after").len(), 1);
        // The net under the flattening: a parse that gets too deep stops reading.
        let cut = parse_bounded(&nested(5_000));
        let after = Selector::parse("p.after")
            .map(|s| cut.select(&s).count())
            .ok();
        assert_eq!(after, Some(0));
    }
}
