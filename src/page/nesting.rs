//! Caps element nesting in saved HTML before it is parsed.
//!
//! The HTML parser's scope checks walk the stack of open elements on every start and end tag, so a
//! page nested N elements deep costs O(N²): 20,000 nested `<div>`s took 4 s and 50,000 about a minute
//! (a hostile saved page is a denial of service on the CLI). Browsers cap the depth for the same reason:
//! Chromium's parser makes an element that would be deeper than 512 a sibling of the deepest one
//! instead. The same here, by rewriting tags: before a start tag that would go deeper than
//! [`MAX_DEPTH`], the deepest open element is closed, and its own end tag, when it comes, is left out.
//! Pages below the cap are passed through untouched (no copy).

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
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead",
    "tbody", "tfoot", "rb", "rt", "rp", "colgroup", "caption", "html", "head", "body",
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The deepest nesting of non-void, non-optional-end elements, counting tags as written.
    fn depth(html: &str) -> usize {
        let (mut d, mut max) = (0usize, 0usize);
        for part in html.split('<').skip(1) {
            if part.starts_with("body")
                || part.starts_with("p>")
                || part.starts_with("/body")
                || part.starts_with("/p>")
            {
                continue;
            }
            if part.starts_with('/') {
                d -= 1;
            } else if part.starts_with(|c: char| c.is_ascii_alphabetic()) {
                d += 1;
                max = max.max(d);
            }
        }
        max
    }

    #[test]
    fn an_ordinary_page_is_passed_through_without_a_copy() {
        let page = format!(
            "<html><body>{}</body></html>",
            "<div class=\"a\"><p>x<br>y</div>".repeat(2000)
        );
        assert!(matches!(cap_nesting(&page, MAX_DEPTH), Cow::Borrowed(_)));
    }

    #[test]
    fn past_the_cap_elements_become_siblings_and_keep_their_attributes_and_text() {
        let page = format!(
            "<body>{}<h3 class=\"n\">Name</h3>{}<p>after</p></body>",
            "<div>".repeat(5000),
            "</div>".repeat(5000)
        );
        let capped = cap_nesting(&page, MAX_DEPTH);
        assert_eq!(depth(&capped), MAX_DEPTH);
        assert!(capped.contains("<h3 class=\"n\">Name</h3>") && capped.contains("<p>after</p>"));
        assert_eq!(capped.matches("<div>").count(), 5000);
        assert_eq!(
            capped.matches("<div>").count(),
            capped.matches("</div>").count()
        );
    }

    #[test]
    fn unclosed_tags_and_markup_in_scripts_and_comments_are_read_as_a_parser_would() {
        // 600 unclosed <div>s: all stay, past the cap as siblings; the script's and the comment's text is untouched.
        let script = format!(
            "<script>var s = '{}';</script><!-- {} -->",
            "<div>".repeat(600),
            "<div>".repeat(600)
        );
        let page = format!("<body>{script}{}text</body>", "<div x='>'>".repeat(600));
        let capped = cap_nesting(&page, MAX_DEPTH);
        assert!(capped.starts_with(&format!("<body>{script}")));
        assert_eq!(capped.matches("<div x='>'>").count(), 600);
        assert_eq!(capped.matches("</div>").count(), 600 - MAX_DEPTH);
        assert!(capped.ends_with("text</body>"));
    }
}
