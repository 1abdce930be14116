//! The native page as it was before our own parser: scraper (html5ever + the `selectors` crate) over an
//! ego-tree, with the tag rewrite that capped nesting before the parse. Test-only: tests/parser_parity.rs
//! checks that our parser (src/page/html/) gives the same reports. Kept as it was at commit e61246b
//! (src/page/html.rs and src/page/nesting.rs), with only the names changed.
#![allow(dead_code)]

use hirecheck::page::{Node, Page};
use html5ever::tendril::{StrTendril, TendrilSink};
use scraper::{ElementRef, Html, HtmlTreeSink, Selector};
use std::cell::RefCell;
use std::collections::HashMap;

/// A parsed HTML document.
pub struct ReferencePage {
    html: Html,
    url: Option<String>,
    /// Node handles handed out so far; a [`Node`] is an index here.
    arena: RefCell<Vec<ego_tree::NodeId>>,
    ids: RefCell<HashMap<ego_tree::NodeId, u32>>,
    selectors: RefCell<HashMap<String, Option<Selector>>>,
}

impl ReferencePage {
    /// Parses a whole document. HTML parsing never fails: broken markup is repaired as browsers do,
    /// and nesting deeper than browsers keep is flattened first (it would make parsing quadratic).
    pub fn parse(source: &str, url: Option<&str>) -> ReferencePage {
        let source = nesting::cap_nesting(source, nesting::MAX_DEPTH);
        ReferencePage {
            html: parse_bounded(&source),
            url: url.map(str::to_string),
            arena: RefCell::default(),
            ids: RefCell::default(),
            selectors: RefCell::default(),
        }
    }

    fn handle(&self, id: ego_tree::NodeId) -> Node {
        if let Some(&n) = self.ids.borrow().get(&id) {
            return Node::from_index(n);
        }
        let mut arena = self.arena.borrow_mut();
        let n = arena.len() as u32;
        arena.push(id);
        self.ids.borrow_mut().insert(id, n);
        Node::from_index(n)
    }

    fn element(&self, node: Node) -> Option<ElementRef<'_>> {
        let id = *self.arena.borrow().get(node.index() as usize)?;
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
const MAX_DEPTH: usize = nesting::MAX_DEPTH + 64;
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

impl ReferencePage {
    /// The same outline as `HtmlPage::outline`: one line per element in document order (names
    /// lowercased: html5ever writes some SVG names in camel case).
    pub fn outline(&self) -> Vec<String> {
        let mut out = Vec::new();
        for node in self.html.tree.root().descendants() {
            let Some(el) = ElementRef::wrap(node) else {
                continue;
            };
            let depth = node.ancestors().filter(|a| a.value().is_element()).count();
            let mut attrs: Vec<String> = el
                .value()
                .attrs
                .iter()
                .map(|(n, v)| format!("{}={:?}", n.local.to_ascii_lowercase(), &**v))
                .collect();
            attrs.sort();
            let text: String = el.text().collect();
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            out.push(format!(
                "{depth} {} [{}] {text:?}",
                el.value().name().to_ascii_lowercase(),
                attrs.join(" ")
            ));
        }
        out
    }
}

impl Page for ReferencePage {
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

mod nesting {
    // Caps element nesting in saved HTML before it is parsed.
    //
    // The HTML parser's scope checks walk the stack of open elements on every start and end tag, so a
    // page nested N elements deep costs O(N²): 20,000 nested `<div>`s took 4 s and 50,000 about a minute
    // (a hostile saved page is a denial of service on the CLI). Browsers cap the depth for the same reason:
    // Chromium's parser makes an element that would be deeper than 512 a sibling of the deepest one
    // instead. The same here, by rewriting tags: before a start tag that would go deeper than
    // [`MAX_DEPTH`], the deepest open element is closed, and its own end tag, when it comes, is left out.
    // Pages below the cap are passed through untouched (no copy).

    use std::borrow::Cow;

    /// The deepest nesting kept (Chromium's parser limit).
    pub const MAX_DEPTH: usize = 512;

    /// How far below the top of the open-element stack a tag's element is looked for; farther is left to
    /// the parser (looking deeper would make a page of stray tags quadratic again).
    const REACH: usize = 1024;

    /// Elements whose content is raw text, not tags.
    const RAW_TEXT: &[&str] = &[
        "script",
        "style",
        "textarea",
        "title",
        "xmp",
        "iframe",
        "noembed",
        "noframes",
        "noscript",
        "plaintext",
    ];

    /// Elements with no content, or whose end tag is optional (the parser closes them itself): they never
    /// deepen the stack here.
    const NOT_NESTING: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
        "source", "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
        "thead", "tbody", "tfoot", "rb", "rt", "rp", "colgroup", "caption", "html", "head", "body",
    ];

    /// `source` with nesting beyond `max` levels flattened; borrowed when nothing had to change.
    pub fn cap_nesting(source: &str, max: usize) -> Cow<'_, str> {
        let b = source.as_bytes();
        if b.iter().filter(|&&c| c == b'<').count() <= max {
            return Cow::Borrowed(source);
        }
        // Every offset below is that of an ASCII byte ("<", ">", a tag name) or the end, so the `get`s
        // always succeed; they stand where indexing could panic on a page.
        let mut out = String::new();
        let mut copied = 0; // source[..copied] is in `out` or was left out
        let mut stack: Vec<(String, bool)> = Vec::new(); // open element; true: closed early, here
        let mut open = 0usize; // elements of `stack` not closed early
        let mut i = 0;
        while let Some(off) = b.get(i..).and_then(|t| t.iter().position(|&c| c == b'<')) {
            let start = i + off;
            let rest = b.get(start..).unwrap_or_default();
            if rest.starts_with(b"<!--") {
                i = find(b, start + 4, b"-->").map_or(b.len(), |e| e + 3);
                continue;
            }
            if rest.get(1).is_some_and(|&c| c == b'!' || c == b'?') {
                i = find(b, start, b">").map_or(b.len(), |e| e + 1);
                continue;
            }
            let is_end = rest.get(1) == Some(&b'/');
            let name_at = start + 1 + usize::from(is_end);
            let name_len = b
                .get(name_at..)
                .unwrap_or_default()
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
                .count();
            let name = match source.get(name_at..name_at + name_len) {
                Some(n) if n.starts_with(|c: char| c.is_ascii_alphabetic()) => n,
                _ => {
                    i = start + 1; // a "<" in text
                    continue;
                }
            };
            let Some(tag_end) = tag_end(b, name_at + name_len) else {
                break;
            };
            let name = name.to_ascii_lowercase();
            let reach = stack.len().saturating_sub(REACH);
            if is_end {
                let found = stack
                    .get(reach..)
                    .and_then(|s| s.iter().rposition(|(n, _)| *n == name));
                if let Some(pos) = found.map(|p| p + reach) {
                    let closed = stack.get(pos..).unwrap_or_default();
                    let closed_early = closed.first().is_some_and(|(_, early)| *early);
                    open -= closed.iter().filter(|(_, early)| !early).count();
                    stack.truncate(pos);
                    if closed_early {
                        out.push_str(source.get(copied..start).unwrap_or_default()); // its end tag was written already
                        copied = tag_end;
                    }
                }
            } else if RAW_TEXT.contains(&name.as_str()) {
                // Skip to its end tag; the end tag itself matches nothing on the stack and stays.
                i = find_ci(b, tag_end, format!("</{name}").as_bytes()).unwrap_or(b.len());
                continue;
            } else if !NOT_NESTING.contains(&name.as_str())
                && !b.get(..tag_end).is_some_and(|t| t.ends_with(b"/>"))
            {
                if open >= max {
                    let deepest = stack
                        .get_mut(reach..)
                        .and_then(|s| s.iter_mut().rev().find(|(_, early)| !early));
                    if let Some(deepest) = deepest {
                        out.push_str(source.get(copied..start).unwrap_or_default());
                        out.push_str("</");
                        out.push_str(&deepest.0);
                        out.push('>');
                        copied = start;
                        deepest.1 = true;
                        open -= 1;
                    }
                }
                stack.push((name, false));
                open += 1;
            }
            i = tag_end;
        }
        if out.is_empty() {
            return Cow::Borrowed(source);
        }
        out.push_str(source.get(copied..).unwrap_or_default());
        Cow::Owned(out)
    }

    /// The index just past the ">" that ends a tag whose attributes start at `from` (quotes respected).
    fn tag_end(b: &[u8], from: usize) -> Option<usize> {
        let mut quote = 0u8;
        for (k, &c) in b.get(from..)?.iter().enumerate() {
            match c {
                b'"' | b'\'' if quote == 0 => quote = c,
                _ if c == quote => quote = 0,
                b'>' if quote == 0 => return Some(from + k + 1),
                _ => {}
            }
        }
        None
    }

    fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
        b.get(from..)?
            .windows(needle.len())
            .position(|w| w == needle)
            .map(|p| p + from)
    }

    fn find_ci(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
        b.get(from..)?
            .windows(needle.len())
            .position(|w| w.eq_ignore_ascii_case(needle))
            .map(|p| p + from)
    }
}
