//! What the tree builder knows about element names: the spec's lists (special, void, implied end
//! tags, scope barriers, ...) as per-name flags computed once per interned name, the names interned
//! first so they can be tested by number, and which doctypes mean quirks mode.

use super::tokenizer::{Doctype, Tag};

/// Names interned first, in this order, so that the tree builder can test for them by number; and
/// the headings, whose end tags close another heading (`</h3>` closes an open `<h4>`), so an end tag
/// of a heading never opened still acts.
pub(super) const KNOWN: [&str; 18] = [
    "html", "head", "body", "p", "li", "template", "table", "form", "button", "ruby", "option",
    "br", "h1", "h2", "h3", "h4", "h5", "h6",
];
pub(super) const P: u32 = 3;
pub(super) const LI: u32 = 4;
pub(super) const TEMPLATE: u32 = 5;
pub(super) const TABLE: u32 = 6;
pub(super) const FORM: u32 = 7;
pub(super) const BUTTON: u32 = 8;
pub(super) const RUBY: u32 = 9;
pub(super) const OPTION: u32 = 10;

/// Per-name facts the tree builder tests on every tag (see [`flags_of`]): a bit test instead of a
/// chain of string comparisons.
pub(super) const SPECIAL: u32 = 1;
pub(super) const IMPLIED_END: u32 = 2;
pub(super) const HEADING: u32 = 4;
pub(super) const SCOPE_BARRIER: u32 = 8;
pub(super) const TABLE_BARRIER: u32 = 16;
pub(super) const INTEGRATION: u32 = 32;
pub(super) const RAW: u32 = 64;
pub(super) const LIST: u32 = 128;
/// A start tag that closes an open `<p>` and needs nothing else.
pub(super) const CLOSES_P: u32 = 256;
pub(super) const VOID: u32 = 512;
/// An end tag that closes its element if in scope (`</div>`).
pub(super) const BLOCK_END: u32 = 1024;
/// A start tag with its own rule in `<body>` (everything else is simply inserted).
pub(super) const START_RULE: u32 = 2048;
/// An end tag with its own rule in `<body>` (everything else closes the nearest open element).
pub(super) const END_RULE: u32 = 4096;
/// `svg` and `math`.
pub(super) const FOREIGN_ROOT: u32 = 8192;
/// An HTML start tag that ends SVG/MathML content (`font` is decided by its attributes).
pub(super) const BREAKOUT: u32 = 16384;
/// A formatting element, which a browser reopens after misnesting (the adoption agency).
pub(super) const FORMATTING: u32 = 32768;
/// An element whose children a browser moves out of the table when they are not table content
/// ("foster parenting").
pub(super) const FOSTERS: u32 = 65536;
/// What a browser keeps inside a table where it finds it.
pub(super) const TABLE_CONTENT: u32 = 131072;

pub(super) fn flags_of(name: &str) -> u32 {
    let mut f = 0;
    let mut set = |bit: u32, on: bool| {
        if on {
            f |= bit;
        }
    };
    set(SPECIAL, is_special(name));
    set(
        FORMATTING,
        matches!(
            name,
            "a" | "b"
                | "big"
                | "code"
                | "em"
                | "font"
                | "i"
                | "nobr"
                | "s"
                | "small"
                | "strike"
                | "strong"
                | "tt"
                | "u"
        ),
    );
    set(
        FOSTERS,
        matches!(name, "table" | "tbody" | "thead" | "tfoot" | "tr"),
    );
    set(
        TABLE_CONTENT,
        matches!(
            name,
            "caption"
                | "colgroup"
                | "col"
                | "tbody"
                | "thead"
                | "tfoot"
                | "tr"
                | "td"
                | "th"
                | "script"
                | "style"
                | "template"
                | "form"
                | "input"
                | "table"
        ),
    );
    set(IMPLIED_END, has_implied_end(name));
    set(HEADING, is_heading(name));
    set(
        SCOPE_BARRIER,
        matches!(
            name,
            "applet"
                | "caption"
                | "html"
                | "table"
                | "td"
                | "th"
                | "marquee"
                | "object"
                | "template"
        ),
    );
    set(TABLE_BARRIER, matches!(name, "html" | "table" | "template"));
    set(INTEGRATION, is_integration_point(name));
    set(
        RAW,
        matches!(
            name,
            "script"
                | "style"
                | "title"
                | "textarea"
                | "noscript"
                | "noframes"
                | "xmp"
                | "iframe"
                | "noembed"
        ),
    );
    set(LIST, matches!(name, "ol" | "ul"));
    set(CLOSES_P, closes_p(name));
    set(VOID, is_void(name));
    set(BLOCK_END, is_block_end(name) || name == "template");
    set(
        START_RULE,
        is_heading(name)
            || matches!(
                name,
                "html"
                    | "body"
                    | "frameset"
                    | "frame"
                    | "head"
                    | "caption"
                    | "col"
                    | "colgroup"
                    | "title"
                    | "noframes"
                    | "style"
                    | "iframe"
                    | "noembed"
                    | "noscript"
                    | "script"
                    | "xmp"
                    | "plaintext"
                    | "textarea"
                    | "pre"
                    | "listing"
                    | "form"
                    | "li"
                    | "dd"
                    | "dt"
                    | "button"
                    | "a"
                    | "nobr"
                    | "optgroup"
                    | "option"
                    | "rb"
                    | "rtc"
                    | "rp"
                    | "rt"
                    | "table"
                    | "hr"
                    | "image"
                    | "tbody"
                    | "thead"
                    | "tfoot"
                    | "tr"
                    | "td"
                    | "th"
                    | "svg"
                    | "math"
            ),
    );
    set(
        END_RULE,
        matches!(
            name,
            "body"
                | "html"
                | "p"
                | "li"
                | "dd"
                | "dt"
                | "form"
                | "br"
                | "table"
                | "tbody"
                | "thead"
                | "tfoot"
                | "tr"
                | "td"
                | "th"
                | "caption"
                | "colgroup"
        ),
    );
    set(FOREIGN_ROOT, matches!(name, "svg" | "math"));
    set(
        BREAKOUT,
        matches!(
            name,
            "b" | "big"
                | "blockquote"
                | "body"
                | "br"
                | "center"
                | "code"
                | "dd"
                | "div"
                | "dl"
                | "dt"
                | "em"
                | "embed"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "head"
                | "hr"
                | "i"
                | "img"
                | "li"
                | "listing"
                | "menu"
                | "meta"
                | "nobr"
                | "ol"
                | "p"
                | "pre"
                | "ruby"
                | "s"
                | "small"
                | "span"
                | "strong"
                | "strike"
                | "sub"
                | "sup"
                | "table"
                | "tt"
                | "u"
                | "ul"
                | "var"
        ),
    );
    f
}

/// Whether a doctype puts the document in quirks mode. The spec's list, shortened to the prefixes that
/// cover its entries (all legacy HTML 2–4.0 and vendor DTDs).
pub(super) fn is_quirks(d: &Doctype<'_>) -> bool {
    if d.force_quirks || d.name != "html" {
        return true;
    }
    let public = d.public.unwrap_or_default().to_ascii_lowercase();
    let system = d.system.map(str::to_ascii_lowercase);
    const PREFIXES: &[&str] = &[
        "+//silmaril//dtd html pro v0r11 19970101//",
        "-//as//dtd html 3.0 aswedit + extensions//",
        "-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
        "-//ietf//dtd html",
        "-//metrius//dtd metrius presentational//",
        "-//microsoft//dtd internet explorer",
        "-//netscape comm. corp.//dtd",
        "-//o'reilly and associates//dtd html",
        "-//softquad",
        "-//spyglass//dtd html 2.0 extended//",
        "-//sq//dtd html 2.0 hotmetal + extensions//",
        "-//sun microsystems corp.//dtd hotjava",
        "-//w3c//dtd html 3",
        "-//w3c//dtd html 4.0 frameset//",
        "-//w3c//dtd html 4.0 transitional//",
        "-//w3c//dtd html experimental",
        "-//w3c//dtd w3 html//",
        "-//w3o//dtd w3 html",
        "-//webtechs//dtd mozilla html",
    ];
    matches!(
        public.as_str(),
        "-//w3o//dtd w3 html strict 3.0//en//" | "-/w3c/dtd html 4.0 transitional/en" | "html"
    ) || system.as_deref() == Some("http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd")
        || PREFIXES.iter().any(|p| public.starts_with(p))
        || (system.is_none()
            && (public.starts_with("-//w3c//dtd html 4.01 frameset//")
                || public.starts_with("-//w3c//dtd html 4.01 transitional//")))
}

/// Elements whose end tag, when unmatched, stops the search for an open element of another name.
pub(super) fn is_special(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "applet"
            | "area"
            | "article"
            | "aside"
            | "base"
            | "basefont"
            | "bgsound"
            | "blockquote"
            | "body"
            | "br"
            | "button"
            | "caption"
            | "center"
            | "col"
            | "colgroup"
            | "dd"
            | "details"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "embed"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "frame"
            | "frameset"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "iframe"
            | "img"
            | "input"
            | "keygen"
            | "li"
            | "link"
            | "listing"
            | "main"
            | "marquee"
            | "menu"
            | "meta"
            | "nav"
            | "noembed"
            | "noframes"
            | "noscript"
            | "object"
            | "ol"
            | "p"
            | "param"
            | "plaintext"
            | "pre"
            | "script"
            | "search"
            | "section"
            | "select"
            | "source"
            | "style"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "template"
            | "textarea"
            | "tfoot"
            | "th"
            | "thead"
            | "title"
            | "tr"
            | "track"
            | "ul"
            | "wbr"
            | "xmp"
    )
}

pub(super) fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Start tags that close an open `<p>`.
pub(super) fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "header"
            | "hgroup"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "search"
            | "section"
            | "summary"
            | "ul"
    )
}

/// End tags that close their element if it is in scope, through anything opened inside it.
pub(super) fn is_block_end(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "button"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "header"
            | "hgroup"
            | "listing"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "pre"
            | "search"
            | "section"
            | "summary"
            | "ul"
            | "applet"
            | "marquee"
            | "object"
    )
}

pub(super) fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Elements whose end tag the parser may imply.
pub(super) fn has_implied_end(name: &str) -> bool {
    matches!(
        name,
        "dd" | "dt" | "li" | "optgroup" | "option" | "p" | "rb" | "rp" | "rt" | "rtc"
    )
}

/// Whether an HTML start tag ends SVG/MathML content.
pub(super) fn breaks_out_of_foreign(flags: u32, tag: &Tag<'_>) -> bool {
    flags & BREAKOUT != 0
        || (tag.name == "font"
            && tag
                .attrs()
                .any(|(n, _)| matches!(n, "color" | "face" | "size")))
}

/// SVG and MathML elements inside which HTML rules apply again.
pub(super) fn is_integration_point(name: &str) -> bool {
    matches!(
        name,
        "foreignobject" | "desc" | "title" | "mi" | "mo" | "mn" | "ms" | "mtext" | "annotation-xml"
    )
}
