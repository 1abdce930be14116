//! Tree-builder and selector behaviour through the [`Page`] interface.

use super::*;
use crate::page::PageExt;

fn page(html: &str) -> HtmlPage {
    HtmlPage::parse(html, None)
}

/// Tag names of the matches.
fn names(p: &HtmlPage, css: &str) -> Vec<String> {
    p.select(None, css)
        .into_iter()
        .map(|n| p.doc.name(n.0).to_string())
        .collect()
}

/// Texts of the matches, whitespace-collapsed.
fn texts(p: &HtmlPage, css: &str) -> Vec<String> {
    p.select(None, css).into_iter().map(|n| p.text(n)).collect()
}

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
fn hostile_depth_is_flattened_like_chromium_and_stays_linear() {
    let nested = |depth: usize| {
        format!(
            "<html><body>{}<p class=inner>deep</p>{}<p class=after>x</p>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        )
    };
    // A real page's depth is kept whole.
    let ok = page(&(nested(100) + &"<i>filler</i>".repeat(5000)));
    let inner = ok.select(None, "p.inner");
    assert_eq!(inner.len(), 1);
    assert_eq!(ok.depth(inner[0]), 103);
    assert_eq!(ok.select(None, "p.after").len(), 1);
    assert_eq!(ok.select(None, "i").len(), 5000);
    // 50,000 nested elements: capped at 512 levels, everything read, what follows in <body>.
    let start = std::time::Instant::now();
    let deep = page(&nested(50_000));
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
    assert_eq!(deep.select(None, "div").len(), 50_000);
    let inner = deep.select(None, "p.inner");
    assert_eq!(inner.len(), 1);
    assert_eq!(deep.depth(inner[0]), tree::MAX_DEPTH);
    assert_eq!(deep.text(inner[0]), "deep");
    let after = deep.select(None, "body > p.after");
    assert_eq!(after.len(), 1);
    assert_eq!(deep.depth(after[0]), 3);
    // 50,000 stray end tags and unclosed tags cost no more.
    let stray = format!(
        "<body>{}{}{}<p class=after>x",
        "<section>".repeat(2),
        "<div>".repeat(20_000),
        "</section></span>".repeat(20_000)
    );
    let start = std::time::Instant::now();
    assert_eq!(page(&stray).select(None, "p.after").len(), 1);
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
}

#[test]
fn sibling_positions_stay_linear_on_a_wide_page() {
    let wide = format!("<div class=w>{}</div>", "<span>x</span>".repeat(50_000));
    let p = page(&wide);
    let start = std::time::Instant::now();
    assert_eq!(p.select(None, ".w span:last-child").len(), 1);
    assert_eq!(p.select(None, ".w span:nth-last-child(2)").len(), 1);
    assert_eq!(p.select(None, ".w span:first-child").len(), 1);
    assert_eq!(p.select(None, ".w > span:nth-child(50000)").len(), 1);
    assert_eq!(p.select(None, "span + span").len(), 49_999);
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
}

#[test]
fn descendant_selectors_that_fail_stay_fast_on_a_deep_page() {
    let deep = format!("<body>{}<p>x</p>", "<div>".repeat(3000));
    let p = page(&deep);
    let start = std::time::Instant::now();
    assert!(p.select(None, "section div div div").is_empty());
    assert!(p.select(None, "section div > div div").is_empty());
    assert_eq!(p.select(None, "body div div div p").len(), 1);
    assert!(start.elapsed().as_secs() < 5, "{:?}", start.elapsed());
}

#[test]
fn implied_html_head_and_body() {
    let p = page("<title>T</title><meta name=a content=b>Hello <b>world</b>");
    assert_eq!(
        names(&p, "*"),
        ["html", "head", "title", "meta", "body", "b"]
    );
    assert_eq!(texts(&p, "body"), ["Hello world"]);
    assert_eq!(texts(&p, "html"), ["THello world"]);
    let empty = page("");
    assert_eq!(names(&empty, "*"), ["html", "head", "body"]);
    // A late <meta> after </head> still goes into <head>; attributes of a second <body> are merged.
    let p = page("<html><head></head> <link rel=x><body a=1><body b=2 a=3>x</body></html>");
    assert_eq!(names(&p, "head > *"), ["link"]);
    let body = p.select(None, "body")[0];
    assert_eq!(p.attr(body, "a").as_deref(), Some("1"));
    assert_eq!(p.attr(body, "B").as_deref(), Some("2"));
    assert_eq!(p.select(None, "[b]").len(), 1);
}

#[test]
fn void_elements_and_self_closing_syntax() {
    let p = page("<div><br><img src=a><input/><span/>in span</div><p>after");
    assert_eq!(names(&p, "div > *"), ["br", "img", "input", "span"]);
    assert_eq!(texts(&p, "span"), ["in span"]);
    // In SVG "/>" closes.
    let p = page("<svg><path d=1 /><text>t</text></svg><p>x");
    assert_eq!(names(&p, "svg > *"), ["path", "text"]);
    assert_eq!(names(&p, "body > *"), ["svg", "p"]);
    // An HTML element ends SVG content.
    let p = page("<svg><g><div>d</div>");
    assert_eq!(names(&p, "body > *"), ["svg", "div"]);
}

#[test]
fn implied_end_tags() {
    let p = page("<p>a<div>b</div><p>c<p>d<ul><li>1<li>2</ul><dl><dt>t<dd>d1<dd>d2</dl>");
    assert_eq!(texts(&p, "p"), ["a", "c", "d"]);
    assert_eq!(texts(&p, "li"), ["1", "2"]);
    assert_eq!(texts(&p, "dd"), ["d1", "d2"]);
    assert_eq!(names(&p, "body > *"), ["p", "div", "p", "p", "ul", "dl"]);
    let p = page("<select><option>a<option>b<optgroup><option>c</select>");
    assert_eq!(texts(&p, "option"), ["a", "b", "c"]);
    let p = page("<table><tr><td>a<td>b<tr><th>c</table>");
    assert_eq!(texts(&p, "tbody > tr"), ["ab", "c"]);
    assert_eq!(texts(&p, "tr > *"), ["a", "b", "c"]);
    let p = page("<ruby>a<rb>b<rt>c<rp>d</ruby>");
    assert_eq!(names(&p, "ruby > *"), ["rb", "rt", "rp"]);
    // </p> with no <p> open makes an empty one; </br> is a <br>.
    let p = page("<div></p></br></div>");
    assert_eq!(names(&p, "div > *"), ["p", "br"]);
    let p = page("<h1>a<h2>b</h1>c");
    assert_eq!(names(&p, "body > *"), ["h1", "h2"]);
    assert_eq!(texts(&p, "body"), ["abc"]);
}

#[test]
fn end_tags_close_the_nearest_open_element_or_are_ignored() {
    let p = page("<div class=a><span>x<div class=b>y</span>z</div>w</div>v");
    assert_eq!(texts(&p, ".b"), ["yz"]);
    assert_eq!(texts(&p, ".a"), ["xyzw"]);
    let p = page("<section><div><p>a</section>b");
    assert_eq!(texts(&p, "section"), ["a"]);
    assert_eq!(texts(&p, "body"), ["ab"]);
    let p = page("<div>a</i></span></div>b");
    assert_eq!(texts(&p, "div"), ["a"]);
    let p = page("<b>x<i>y</b>z");
    assert_eq!(texts(&p, "b"), ["xy"]);
}

#[test]
fn raw_text_elements_keep_markup_as_text() {
    let p = page(
        "<script>var s = '<div class=x>'; if (a</b) {} x = '</scr' + 'ipt>';</script>\
         <style>p > a { }</style><textarea>\n<b>&amp;</b></textarea><title>a&lt;b</title>\
         <noscript><img src=x></noscript><iframe><p>f</p></iframe><div class=y>after</div>",
    );
    assert!(p.select(None, ".x").is_empty());
    assert_eq!(
        p.raw_text(p.select(None, "script")[0]),
        "var s = '<div class=x>'; if (a</b) {} x = '</scr' + 'ipt>';"
    );
    assert_eq!(p.raw_text(p.select(None, "textarea")[0]), "<b>&</b>");
    assert_eq!(texts(&p, "title"), ["a<b"]);
    assert_eq!(texts(&p, "noscript"), ["<img src=x>"]);
    assert!(p.select(None, "img, iframe p").is_empty());
    assert_eq!(texts(&p, ".y"), ["after"]);
    // The script came before any body content: it is in <head>, and its text in the document's.
    assert_eq!(names(&p, "head > *"), ["script", "style"]);
    assert!(p.raw_text(p.select(None, "html")[0]).contains("var s"));
}

#[test]
fn text_and_attributes_are_decoded_and_normalised() {
    let p =
        page("<p title='a &amp; b &copy=1' data-X=\"&#x41;&#0;\">1&nbsp;&lt;2&gt;\r\n3\r4\0</p>");
    let el = p.select(None, "p")[0];
    assert_eq!(p.attr(el, "title").as_deref(), Some("a & b &copy=1"));
    assert_eq!(p.attr(el, "data-x").as_deref(), Some("A\u{FFFD}"));
    assert_eq!(p.raw_text(el), "1\u{A0}<2>\n3\n4");
    assert_eq!(p.attr(el, "missing"), None);
}

#[test]
fn unclosed_and_broken_tags() {
    let p = page("<div class=\"a\"><span>x<div class='b");
    assert_eq!(names(&p, "*"), ["html", "head", "body", "div", "span"]);
    let p = page("<div <p>x</div><a href=1>a<a href=2>b</a>");
    assert_eq!(p.select(None, "a").len(), 2);
    assert_eq!(names(&p, "body > *"), ["div", "a", "a"]);
}

#[test]
fn selectors_of_every_kind() {
    let p = page(
        r#"<div id=main class="card  big" data-test="freelancer-name" lang=EN-us>
             <h2 itemprop=name>Ada</h2><h2>Title</h2>
             <ul><li>1</li><li class=x>2</li><li>3</li><li>4</li></ul>
             <span aria-label="Rating 5">r</span><fl-text><i>a</i><i>b</i><i>c</i></fl-text>
             <section><h3><button aria-label="Edit hourly rate">e</button>$10</h3><h3>$20</h3></section>
           </div><div class="card"><p>other</p></div>"#,
    );
    assert_eq!(texts(&p, "#main > h2:not([itemprop=name])"), ["Title"]);
    assert_eq!(p.select(None, ".card").len(), 2);
    assert_eq!(p.select(None, ".card.big").len(), 1);
    assert_eq!(p.select(None, "DIV.CARD").len(), 0); // classes are case-sensitive
    assert_eq!(p.select(None, "DIV.card").len(), 2); // names are not
    assert_eq!(p.select(None, "[DATA-TEST=\"freelancer-name\"]").len(), 1);
    assert_eq!(
        p.select(None, "[data-test^=free][data-test$=name]").len(),
        1
    );
    assert_eq!(p.select(None, "[data-test*=\"lancer\"]").len(), 1);
    assert_eq!(p.select(None, "[class~=big]").len(), 1);
    assert_eq!(p.select(None, "[lang|=en]").len(), 1); // lang compares ignoring case
    assert_eq!(p.select(None, "[aria-label*=\"rating\"]").len(), 0);
    assert_eq!(p.select(None, "[aria-label*=\"rating\" i]").len(), 1);
    assert_eq!(texts(&p, "li:first-child"), ["1"]);
    assert_eq!(texts(&p, "li:last-child"), ["4"]);
    assert_eq!(texts(&p, "li:nth-child(2)"), ["2"]);
    assert_eq!(texts(&p, "li:nth-child(2n+1)"), ["1", "3"]);
    assert_eq!(texts(&p, "li:nth-child(odd)"), ["1", "3"]);
    assert_eq!(texts(&p, "li:nth-child(-n+2)"), ["1", "2"]);
    assert_eq!(texts(&p, "li:nth-last-child(1)"), ["4"]);
    assert_eq!(texts(&p, "fl-text i:nth-child(3)"), ["c"]);
    assert_eq!(texts(&p, "li.x + li"), ["3"]);
    assert_eq!(texts(&p, "li.x ~ li"), ["3", "4"]);
    assert_eq!(
        texts(&p, r#"h3:has(button[aria-label="Edit hourly rate"])"#),
        ["e$10"]
    );
    assert_eq!(texts(&p, "h3:has(> button)"), ["e$10"]);
    assert_eq!(texts(&p, "h3:has(+ h3)"), ["e$10"]);
    assert_eq!(texts(&p, "section :is(button, i)"), ["e"]);
    // Lists: document order, no duplicates.
    assert_eq!(
        names(&p, "p, h2, .card, div"),
        ["div", "h2", "h2", "div", "p"]
    );
    assert_eq!(names(&p, ":root"), ["html"]);
    // Scoped: only below the scope, but ancestors above it still count.
    let first = p.select(None, "#main")[0];
    assert_eq!(p.select(Some(first), "div p").len(), 0);
    assert_eq!(p.select(Some(first), "div li").len(), 4);
    assert_eq!(p.select(Some(first), "#main").len(), 0);
    assert_eq!(p.select(Some(first), ":scope > h2").len(), 2);
}

#[test]
fn invalid_or_unsupported_selectors_match_nothing() {
    let p = page("<div class=a id=b><p>x</p></div>");
    for css in [
        "",
        " ",
        ",",
        "div,",
        ",div",
        "div >",
        "> div",
        "div >> p",
        "p::before",
        "p:hover",
        "a|b",
        "*|p",
        "[a",
        "[a=]",
        "[a=1]",
        "[a=b c]",
        "#1a",
        ".",
        "#",
        "div:nth-child(x)",
        ":not(",
        ":not()",
        "div)",
        "div(",
        "p:nth-child(2n+)",
        "[a~=b x]",
        "meta[property=og:title]",
        "{}",
        "div{",
        "\\",
        "a\"b",
        "::not a selector((",
    ] {
        assert!(p.select(None, css).is_empty(), "{css:?} matched");
    }
    assert_eq!(p.select(None, "div:nth-child( 2n - 1 )").len(), 1);
    assert_eq!(p.select(None, "#\\62 ").len(), 1);
    assert_eq!(p.select(None, "div\t>\np").len(), 1);
}

#[test]
fn never_panics_on_odd_input() {
    for src in [
        "<",
        "<!",
        "<!-",
        "<!--",
        "&",
        "&#",
        "&#x",
        "</",
        "<a",
        "<a b",
        "<a b=",
        "<a b='",
        "<script>",
        "<script><!--<script>",
        "<svg><![CDATA[",
        "<template><p>x",
        "\0<\0a\0>",
        "<table><td>",
        "<form><form></form>",
        "<frameset>",
        "<html><html a=1>",
        "<body><body>",
        "<br/></br></p></html></body>x",
        "<pre>\n\nx",
        "<listing>\nx",
        "<plaintext>",
    ] {
        let p = page(src);
        for css in ["*", "body *", ":root", "p", "a[b]"] {
            for n in p.select(None, css) {
                let _ = (p.raw_text(n), p.attr(n, "b"), p.text(n));
            }
        }
        assert!(p.element_count() >= 3, "{src:?}");
    }
}

/// A small deterministic generator (xorshift), so the test is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

#[test]
fn mangled_real_pages_never_panic_and_stay_consistent() {
    let base = include_str!("../../../www/upwork/clean.html").as_bytes();
    let pieces: [&[u8]; 14] = [
        b"<",
        b">",
        b"</",
        b"&",
        b"&amp",
        b"\"",
        b"'",
        b"<!--",
        b"<script>",
        b"</div>",
        b"<svg>",
        b"<table>",
        b"\0",
        b"\r",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..150 {
        let mut bytes = base.to_vec();
        for _ in 0..1 + rng.below(8) {
            let at = rng.below(bytes.len());
            match rng.below(3) {
                0 => {
                    let p = pieces[rng.below(pieces.len())];
                    bytes.splice(at..at, p.iter().copied());
                }
                1 => {
                    let end = (at + rng.below(200)).min(bytes.len());
                    bytes.drain(at..end);
                }
                _ => {
                    let from = rng.below(bytes.len());
                    let end = (from + rng.below(300)).min(bytes.len());
                    let chunk = bytes[from..end].to_vec();
                    bytes.splice(at..at, chunk);
                }
            }
        }
        let html = String::from_utf8_lossy(&bytes);
        let p = page(&html);
        let all = p.select(None, "*");
        // Document order, each once; every element's text lies within its parent's.
        assert!(all.windows(2).all(|w| w[0].0 < w[1].0));
        for &n in &all {
            let e = p.doc.element(n.0).unwrap();
            assert!(e.end > n.0 && e.end <= p.doc.len());
            if let Some(parent) = p.doc.element(e.parent) {
                assert!(parent.text.0 <= e.text.0 && e.text.1 <= parent.text.1);
                assert!(e.parent < n.0 && e.end <= parent.end);
            }
        }
        for css in [
            "div > span",
            "[data-test] a:not(.x)",
            "li:nth-child(2n+1)",
            "h3:has(+ p)",
        ] {
            for n in p.select(None, css) {
                let _ = (p.raw_text(n), p.attr(n, "class"));
            }
        }
    }
}

/// Each shortcut the module notes list is counted where the markup needs it, and only there: a page
/// without any reads as a browser reads it as far as those go (the `parity` fuzz target compares the
/// rest with html5ever).
#[test]
fn documented_shortcuts_are_counted() {
    let body = |inner: &str| page(&format!("<!doctype html><html><body>{inner}</body></html>"));
    // Well-formed, and closed in the wrong order only where no formatting element is involved.
    for clean in [
        "<p><b>bold</b> <a href=/x>link</a></p>",
        "<ul><li>one<li>two</ul><table><tr><td><i>x</i></td></tr></table>",
        "<div><span>open span closed by the div</div>",
        "<table>\n  <tr>\n <td>a</td></tr>\n</table>",
        "<p>one<p>two",
    ] {
        assert_eq!(body(clean).shortcuts(), 0, "{clean}");
    }
    for needs in [
        // The adoption agency: a formatting element closed with others open inside, or not closed
        // because a block is open inside, and a second <a> inside an open one.
        "<b><i>x</b>y</i>",
        "<a><div>x</a>y</div>",
        "<a>one<a>two",
        "<a><fl-review-card><div><fl-link><a>x",
        // Reconstruction: a formatting element closed by its block's end is reopened for what follows.
        "<p><b>x</p>y",
        // Foster parenting: text and elements directly in a table.
        "<table>text<tr><td>x</td></tr></table>",
        "<table><div>x</div></table>",
        // Insertion modes we do not have.
        "<table><caption>c</caption></table>",
        "<frameset></frameset>",
        "<select><option>a<div>b</div></select>",
    ] {
        assert!(body(needs).shortcuts() > 0, "{needs}");
    }
}

#[test]
fn an_end_tag_of_any_heading_closes_the_open_heading() {
    // `</h3>` closes an open <h4> even when no <h3> was ever opened (its name was not yet known).
    let p = page("<div><h4>a</h3>b</div><p>c");
    assert_eq!(texts(&p, "h4"), ["a"]);
    assert_eq!(texts(&p, "div"), ["ab"]);
    assert_eq!(names(&p, "div > *"), ["h4"]);
    assert_eq!(names(&p, "body > p"), ["p"]);
}
