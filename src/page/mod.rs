//! The few queries a site adapter needs from a page, so one adapter runs on saved HTML (native)
//! and on the live DOM (wasm) alike.

#[cfg(not(target_arch = "wasm32"))]
use std::borrow::Cow;

#[cfg(not(target_arch = "wasm32"))]
mod html;
#[cfg(not(target_arch = "wasm32"))]
pub use html::HtmlPage;

/// A handle to an element of a [`Page`]; only meaningful for the page that returned it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Node(pub(crate) u32);

impl Node {
    /// A handle from a [`Page`] implementation's own index (for implementations outside the crate,
    /// such as the test-only reference page in `tests/support/`).
    pub fn from_index(index: u32) -> Node {
        Node(index)
    }

    /// The index this handle was made from.
    pub fn index(self) -> u32 {
        self.0
    }
}

/// Read-only access to a document.
///
/// Implementations never panic: an invalid selector matches nothing.
pub trait Page {
    /// The page's address, if known.
    fn url(&self) -> Option<String>;
    /// Elements matching the CSS selector, in document order, below `scope` (or in the whole document).
    fn select(&self, scope: Option<Node>, css: &str) -> Vec<Node>;
    /// The element's text content, raw (scripts' text included, as the DOM's `textContent`).
    fn raw_text(&self, node: Node) -> String;
    /// [`Page::raw_text`], borrowed where the page keeps it in one piece (a saved page's scripts: the
    /// adapters search megabytes of them for one mark, and copying each first cost more than the search).
    #[cfg(not(target_arch = "wasm32"))]
    fn raw_text_ref(&self, node: Node) -> Cow<'_, str> {
        Cow::Owned(self.raw_text(node))
    }
    /// An attribute's value.
    fn attr(&self, node: Node, name: &str) -> Option<String>;
}

/// Collapses runs of whitespace to one space and trims; what a reader would see as one line.
///
/// Control, zero-width and bidirectional-override characters are dropped (see [`crate::text::clean`]): page text
/// ends up in a terminal, JSON and the badge, and must not move the cursor or reorder what a reader sees.
pub fn squash(s: &str) -> String {
    crate::text::clean(s, usize::MAX).unwrap_or_default()
}

/// Convenience queries built on [`Page`].
pub trait PageExt: Page {
    /// The first element matching any of `selectors`, tried in order (a fallback chain).
    fn first(&self, scope: Option<Node>, selectors: &[&str]) -> Option<Node> {
        selectors
            .iter()
            .find_map(|css| self.select(scope, css).into_iter().next())
    }

    /// Whitespace-collapsed text of an element.
    fn text(&self, node: Node) -> String {
        squash(&self.raw_text(node))
    }

    /// Non-empty, whitespace-collapsed text of the first element matching any of `selectors`.
    fn first_text(&self, scope: Option<Node>, selectors: &[&str]) -> Option<String> {
        selectors.iter().find_map(|css| {
            self.select(scope, css)
                .into_iter()
                .map(|n| self.text(n))
                .find(|t| !t.is_empty())
        })
    }

    /// The `content` of `<meta property=…>` or `<meta name=…>`.
    fn meta(&self, key: &str) -> Option<String> {
        let sel_p = format!("meta[property=\"{key}\"]");
        let sel_n = format!("meta[name=\"{key}\"]");
        [sel_p, sel_n].iter().find_map(|css| {
            self.select(None, css)
                .into_iter()
                .filter_map(|n| self.attr(n, "content"))
                .map(|c| squash(&c))
                .find(|c| !c.is_empty())
        })
    }
}

impl<P: Page + ?Sized> PageExt for P {}

#[cfg(test)]
mod tests {
    use super::squash;

    #[test]
    fn squash_collapses_space_and_drops_controls() {
        assert_eq!(squash("  a \n\t b  "), "a b");
        assert_eq!(
            squash("a\u{1b}[31mb \u{202E}cba\u{202C} \u{7}"),
            "a[31mb cba"
        );
        assert_eq!(squash(""), "");
    }
}
