//! The few queries a site adapter needs from a page, so one adapter runs on saved HTML (native)
//! and on the live DOM (wasm) alike.

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
    /// [`Page::raw_text`] of an element whose text holds one of `marks` and is at most `max_bytes`
    /// long; None otherwise. The adapters look for one script among a page's hundreds (megabytes of
    /// them on a real profile): the live DOM's implementation looks on the browser's side first and
    /// copies only that script's text into the wasm (on a 2 MB profile the copies of every script took
    /// 39 of the check's 64 ms). `marks` are ASCII, so that a search in the browser's UTF-16 text finds
    /// what one in the UTF-8 copy would.
    fn raw_text_holding(
        &self,
        node: Node,
        marks: &[&str],
        max_bytes: usize,
    ) -> Option<Cow<'_, str>> {
        #[cfg(not(target_arch = "wasm32"))]
        let text = self.raw_text_ref(node);
        #[cfg(target_arch = "wasm32")]
        let text: Cow<'_, str> = Cow::Owned(self.raw_text(node));
        let found = text.len() <= max_bytes && marks.iter().any(|m| holds(&text, m));
        found.then_some(text)
    }
    /// An attribute's value.
    fn attr(&self, node: Node, name: &str) -> Option<String>;
}

/// Whether `text` contains `mark`. Natively with memchr's searcher (AVX2 where there is one): the
/// scripts searched are a megabyte or more, and `str::contains` read them at half its speed.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn holds(text: &str, mark: &str) -> bool {
    memchr::memmem::find(text.as_bytes(), mark.as_bytes()).is_some()
}

/// `str::contains` in the wasm, which does not link memchr.
#[cfg(target_arch = "wasm32")]
pub(crate) fn holds(text: &str, mark: &str) -> bool {
    text.contains(mark)
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
    use super::{holds, squash, HtmlPage, Page};

    #[test]
    fn squash_collapses_space_and_drops_controls() {
        assert_eq!(squash("  a \n\t b  "), "a b");
        assert_eq!(
            squash("a\u{1b}[31mb \u{202E}cba\u{202C} \u{7}"),
            "a[31mb cba"
        );
        assert_eq!(squash(""), "");
    }

    #[test]
    fn holds_answers_as_contains() {
        let long = format!("{}window.__NUXT__={{}}", "é;x".repeat(40_000));
        for (text, mark) in [
            ("", "__NUXT__"),
            ("__NUXT_", "__NUXT__"),
            ("__NUXT__", "__NUXT__"),
            ("a__NUXT__", "__NUXT__"),
            ("cellDateTime", "cellDateTime"),
            (long.as_str(), "__NUXT__"),
            (long.as_str(), "cellDateTime"),
            ("x", ""),
        ] {
            assert_eq!(
                holds(text, mark),
                text.contains(mark),
                "{mark} in {} bytes",
                text.len()
            );
        }
    }

    #[test]
    fn raw_text_holding_is_the_text_of_a_script_with_a_mark_within_the_limit() {
        let page = HtmlPage::parse(
            "<script>var a=1;</script><script>window.__NUXT__={}</script><script>x.perseusInitialProps={}</script>",
            None,
        );
        let scripts = page.select(None, "script");
        let read = |i: usize, marks: &[&str], max: usize| {
            page.raw_text_holding(scripts[i], marks, max)
                .map(|t| t.into_owned())
        };
        assert_eq!(read(0, &["__NUXT__"], usize::MAX), None);
        assert_eq!(
            read(1, &["__NUXT__"], usize::MAX).as_deref(),
            Some("window.__NUXT__={}")
        );
        // Any of the marks; none at all finds nothing.
        assert_eq!(
            read(
                2,
                &["perseusApp.initialData", "perseusInitialProps"],
                usize::MAX
            )
            .as_deref(),
            Some("x.perseusInitialProps={}")
        );
        assert_eq!(read(1, &[], usize::MAX), None);
        // The limit is in bytes, and a text of exactly that length is kept.
        let len = "window.__NUXT__={}".len();
        assert!(read(1, &["__NUXT__"], len).is_some());
        assert_eq!(read(1, &["__NUXT__"], len - 1), None);
    }
}
