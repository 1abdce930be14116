//! The HTML tokenizer: splits a document into text, start tags (with attributes) and end tags, and hands
//! them to a [`Sink`] (the tree builder). Comments, doctypes and processing instructions are skipped.
//!
//! Follows the WHATWG tokenizer where it changes what a page's elements, attributes or text are:
//! attribute quoting, duplicate attributes (the first wins), character references, raw-text elements
//! (`script`, `style`, ...: their content is text up to their end tag, found with a byte search, as most
//! of a big page is inline script), RCDATA (`title`, `textarea`), bogus comments. The input must have its
//! line breaks normalised (`\r\n` and `\r` to `\n`) first, as the spec's input stream does.

use super::charref::{self, Decoded};
use memchr::{memchr, memchr2, memmem};

/// How the content after a start tag is read (the tree builder decides: it depends on context).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Content {
    /// Tags and text.
    Data,
    /// Text up to the element's end tag, character references decoded (`title`, `textarea`).
    RcData,
    /// Text up to the element's end tag, as is (`style`, `xmp`, `iframe`, `noembed`, `noframes`, `noscript`).
    RawText,
    /// `script`: raw text, where `<!--<script>` hides a `</script>` as browsers do.
    Script,
    /// Everything to the end of the document is text.
    Plaintext,
}

/// Receives the tokens.
pub(super) trait Sink {
    /// Text. `raw`: the content of a raw-text or RCDATA element (where NUL becomes U+FFFD rather than
    /// being dropped).
    fn text(&mut self, text: &str, raw: bool);
    /// A start tag; returns how its content is to be read.
    fn start_tag(&mut self, tag: &Tag<'_>) -> Content;
    fn end_tag(&mut self, name: &str);
    /// A doctype: its name (lowercased), public and system identifiers, and whether it was malformed.
    fn doctype(&mut self, doctype: &Doctype<'_>);
    /// Whether the current node is in SVG or MathML, where `<![CDATA[…]]>` is text.
    fn in_foreign_content(&self) -> bool;
}

/// A `<!DOCTYPE …>` as read (it decides quirks mode).
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Doctype<'a> {
    pub name: String,
    pub public: Option<&'a str>,
    pub system: Option<&'a str>,
    /// Malformed: the spec's "force-quirks" flag.
    pub force_quirks: bool,
}

/// Reads a quoted identifier at the start of `s` (after spaces) and moves `s` past it.
fn quoted<'a>(s: &mut &'a str) -> Option<&'a str> {
    let t: &'a str = s.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let q = t.chars().next().filter(|&c| c == '"' || c == '\'')?;
    let inner: &'a str = t.get(1..)?;
    let end = inner.find(q);
    let value = inner.get(..end.unwrap_or(inner.len()))?;
    *s = inner
        .get(end.map_or(inner.len(), |e| e + 1)..)
        .unwrap_or_default();
    Some(value)
}

/// Reads the inside of `<!DOCTYPE` … `>` (without either).
fn read_doctype(body: &str) -> Doctype<'_> {
    let mut d = Doctype::default();
    let rest = body.trim_start_matches(|c: char| c.is_ascii_whitespace());
    let name_len = rest
        .find(|c: char| c.is_ascii_whitespace())
        .unwrap_or(rest.len());
    let (name, mut rest) = rest.split_at(name_len);
    if name.is_empty() {
        d.force_quirks = true;
        return d;
    }
    d.name = name.to_ascii_lowercase();
    rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace());
    if rest.is_empty() {
        return d;
    }
    let keyword = rest.get(..6).unwrap_or_default().to_ascii_lowercase();
    let mut tail = rest.get(6..).unwrap_or_default();
    match keyword.as_str() {
        "public" => match quoted(&mut tail) {
            Some(p) => {
                d.public = Some(p);
                d.system = quoted(&mut tail);
            }
            None => d.force_quirks = true,
        },
        "system" => match quoted(&mut tail) {
            Some(s) => d.system = Some(s),
            None => d.force_quirks = true,
        },
        _ => d.force_quirks = true,
    }
    d
}

/// A start tag as read. Names are ASCII-lowercased.
pub(super) struct Tag<'a> {
    pub name: &'a str,
    pub self_closing: bool,
    scratch: &'a str,
    attrs: &'a [AttrSpan],
}

impl<'a> Tag<'a> {
    /// Attributes (name, value) in source order, duplicates already dropped.
    pub fn attrs(&self) -> impl Iterator<Item = (&'a str, &'a str)> + '_ {
        self.attrs.iter().map(|a| {
            (
                self.scratch.get(a.name.0..a.name.1).unwrap_or_default(),
                self.scratch.get(a.value.0..a.value.1).unwrap_or_default(),
            )
        })
    }
}

#[derive(Clone, Copy)]
struct AttrSpan {
    name: (usize, usize),
    value: (usize, usize),
}

/// Above this many attributes on one tag, duplicates are found with a set rather than a scan.
const SCAN_DUPLICATES: usize = 32;

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r')
}

/// Runs the tokenizer over `src` (line breaks normalised) into `sink`.
pub(super) fn tokenize(src: &str, sink: &mut impl Sink) {
    Tokenizer {
        src,
        b: src.as_bytes(),
        pos: 0,
        scratch: String::new(),
        attrs: Vec::new(),
        seen: std::collections::HashSet::new(),
    }
    .run(sink);
}

struct Tokenizer<'s> {
    src: &'s str,
    b: &'s [u8],
    pos: usize,
    /// The current tag's name and attributes, decoded.
    scratch: String,
    attrs: Vec<AttrSpan>,
    seen: std::collections::HashSet<String>,
}

impl<'s> Tokenizer<'s> {
    fn at(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }

    fn slice(&self, from: usize, to: usize) -> &'s str {
        self.src.get(from..to).unwrap_or_default()
    }

    fn run(&mut self, sink: &mut impl Sink) {
        let len = self.b.len();
        while self.pos < len {
            let rest = self.b.get(self.pos..).unwrap_or_default();
            let Some(off) = memchr2(b'<', b'&', rest) else {
                sink.text(self.slice(self.pos, len), false);
                break;
            };
            let at = self.pos + off;
            if off > 0 {
                sink.text(self.slice(self.pos, at), false);
            }
            if self.at(at) == Some(b'&') {
                self.pos = self.char_ref_text(at, sink, false);
                continue;
            }
            self.pos = self.markup(at, sink);
        }
    }

    /// Emits the reference at `at` (or a literal "&") as text; returns where text goes on.
    fn char_ref_text(&mut self, at: usize, sink: &mut impl Sink, raw: bool) -> usize {
        match charref::decode(self.b, at, false) {
            Some((d, n)) => {
                let mut buf = [0u8; 4];
                let s = match d {
                    Decoded::Char(c) => &*c.encode_utf8(&mut buf),
                    Decoded::Str(s) => s,
                };
                sink.text(s, raw);
                at + n
            }
            None => {
                sink.text("&", raw);
                at + 1
            }
        }
    }

    /// What starts with "<" at `at`; returns the position after it.
    fn markup(&mut self, at: usize, sink: &mut impl Sink) -> usize {
        match self.at(at + 1) {
            Some(c) if c.is_ascii_alphabetic() => self.start_tag(at + 1, sink),
            Some(b'/') => match self.at(at + 2) {
                Some(c) if c.is_ascii_alphabetic() => {
                    let (name_end, _) = self.tag_name(at + 2);
                    let name_len = self.scratch.len();
                    let Some((end, _)) = self.attributes(name_end) else {
                        return self.b.len(); // EOF inside the tag: dropped
                    };
                    sink.end_tag(self.scratch.get(..name_len).unwrap_or_default());
                    end
                }
                Some(b'>') => at + 3, // "</>" is dropped
                None => {
                    sink.text("</", false);
                    at + 2
                }
                Some(_) => self.to_gt(at + 2), // bogus comment
            },
            Some(b'!') => self.declaration(at + 2, sink),
            Some(b'?') => self.to_gt(at + 1),
            _ => {
                sink.text("<", false);
                at + 1
            }
        }
    }

    /// Past the next ">" (or the end): a bogus comment.
    fn to_gt(&self, from: usize) -> usize {
        match self.b.get(from..).and_then(|r| memchr(b'>', r)) {
            Some(i) => from + i + 1,
            None => self.b.len(),
        }
    }

    /// After "<!": comment, doctype, CDATA or bogus comment.
    fn declaration(&mut self, from: usize, sink: &mut impl Sink) -> usize {
        let rest = self.b.get(from..).unwrap_or_default();
        if rest.starts_with(b"--") {
            return self.comment_end(from + 2);
        }
        if rest
            .get(..7)
            .is_some_and(|k| k.eq_ignore_ascii_case(b"doctype"))
        {
            let end = self.to_gt(from);
            let inner_end = if self.at(end - 1) == Some(b'>') {
                end - 1
            } else {
                end
            };
            sink.doctype(&read_doctype(self.slice(from + 7, inner_end)));
            return end;
        }
        if rest.starts_with(b"[CDATA[") && sink.in_foreign_content() {
            let body = from + 7;
            let tail = self.b.get(body..).unwrap_or_default();
            return match memmem::find(tail, b"]]>") {
                Some(i) => {
                    sink.text(self.slice(body, body + i), true);
                    body + i + 3
                }
                None => {
                    sink.text(self.slice(body, self.b.len()), true);
                    self.b.len()
                }
            };
        }
        self.to_gt(from)
    }

    /// `from` is just after "<!--". Ends at "-->" or "--!>"; "<!-->" and "<!--->" are empty comments.
    fn comment_end(&self, from: usize) -> usize {
        let rest = self.b.get(from..).unwrap_or_default();
        if rest.starts_with(b">") {
            return from + 1;
        }
        if rest.starts_with(b"->") {
            return from + 2;
        }
        let mut i = 0;
        while let Some(off) = rest.get(i..).and_then(|r| memmem::find(r, b"--")) {
            let dash = i + off;
            let after = rest.get(dash + 2..).unwrap_or_default();
            if after.starts_with(b">") {
                return from + dash + 3;
            }
            if after.starts_with(b"!>") {
                return from + dash + 4;
            }
            i = dash + 1;
        }
        self.b.len()
    }

    /// Reads a tag name starting at `from`; returns (end, lowercased name in the scratch).
    fn tag_name(&mut self, from: usize) -> (usize, &str) {
        let len = self
            .b
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&c| !is_space(c) && c != b'/' && c != b'>')
            .count();
        self.scratch.clear();
        let name = self.slice(from, from + len);
        push_lower(&mut self.scratch, name);
        (from + len, &self.scratch)
    }

    fn start_tag(&mut self, from: usize, sink: &mut impl Sink) -> usize {
        let (name_end, _) = self.tag_name(from);
        let name_len = self.scratch.len();
        let Some((end, self_closing)) = self.attributes(name_end) else {
            return self.b.len();
        };
        let tag = Tag {
            name: self.scratch.get(..name_len).unwrap_or_default(),
            self_closing,
            scratch: &self.scratch,
            attrs: &self.attrs,
        };
        let content = sink.start_tag(&tag);
        if content == Content::Data {
            return end;
        }
        let name = tag.name.to_string();
        match content {
            Content::Data => end,
            Content::Plaintext => {
                sink.text(self.slice(end, self.b.len()), true);
                self.b.len()
            }
            Content::RcData => self.rcdata(end, &name, sink),
            Content::RawText => {
                let close = self.find_end_tag(end, &name);
                sink.text(self.slice(end, close), true);
                self.close_raw(close, &name, sink)
            }
            Content::Script => {
                let close = self.script_end(end);
                sink.text(self.slice(end, close), true);
                self.close_raw(close, &name, sink)
            }
        }
    }

    /// Emits the end tag of a raw-text element found at `at` (or none at the end of the document).
    fn close_raw(&mut self, at: usize, name: &str, sink: &mut impl Sink) -> usize {
        if at >= self.b.len() {
            return self.b.len();
        }
        let after_name = at + 2 + name.len();
        match self.attributes(after_name) {
            Some((end, _)) => {
                sink.end_tag(name);
                end
            }
            None => self.b.len(),
        }
    }

    fn rcdata(&mut self, from: usize, name: &str, sink: &mut impl Sink) -> usize {
        let close = self.find_end_tag(from, name);
        let mut i = from;
        while i < close {
            let rest = self.b.get(i..close).unwrap_or_default();
            match memchr(b'&', rest) {
                Some(off) => {
                    if off > 0 {
                        sink.text(self.slice(i, i + off), true);
                    }
                    i = self.char_ref_text(i + off, sink, true).min(close);
                }
                None => {
                    sink.text(self.slice(i, close), true);
                    i = close;
                }
            }
        }
        self.close_raw(close, name, sink)
    }

    /// Whether an end tag `</name` followed by a space, "/" or ">" starts at `at`.
    fn is_end_tag(&self, at: usize, name: &str) -> bool {
        let n = name.len();
        self.b.get(at..at + 2) == Some(b"</")
            && self
                .b
                .get(at + 2..at + 2 + n)
                .is_some_and(|t| t.eq_ignore_ascii_case(name.as_bytes()))
            && self
                .at(at + 2 + n)
                .is_some_and(|c| is_space(c) || c == b'/' || c == b'>')
    }

    /// The position of the "<" of the end tag that closes a raw-text element (or the end).
    fn find_end_tag(&self, from: usize, name: &str) -> usize {
        let mut i = from;
        while let Some(off) = self.b.get(i..).and_then(|r| memchr(b'<', r)) {
            let at = i + off;
            if self.is_end_tag(at, name) {
                return at;
            }
            i = at + 1;
        }
        self.b.len()
    }

    /// `<script>` content: ends at `</script`, except inside `<!--` … `-->` after a `<script` there
    /// (the spec's "double escaped" state).
    fn script_end(&self, from: usize) -> usize {
        #[derive(PartialEq)]
        enum State {
            Data,
            Escaped,
            DoubleEscaped,
        }
        let mut state = State::Data;
        let mut i = from;
        loop {
            let rest = self.b.get(i..).unwrap_or_default();
            let found = match state {
                State::Data => memchr(b'<', rest),
                _ => memchr2(b'<', b'-', rest),
            };
            let Some(off) = found else {
                return self.b.len();
            };
            let at = i + off;
            let here = self.b.get(at..).unwrap_or_default();
            i = at + 1;
            match state {
                State::Data => {
                    if self.is_end_tag(at, "script") {
                        return at;
                    }
                    if here.starts_with(b"<!--") {
                        state = State::Escaped;
                        i = at + 2; // "<!-->" closes at once: "-->" from the first dash
                    }
                }
                State::Escaped => {
                    if here.starts_with(b"-->") {
                        state = State::Data;
                        i = at + 3;
                    } else if self.is_end_tag(at, "script") {
                        return at;
                    } else if here.first() == Some(&b'<') && self.is_script_open(at + 1) {
                        state = State::DoubleEscaped;
                    }
                }
                State::DoubleEscaped => {
                    if here.starts_with(b"-->") {
                        state = State::Data;
                        i = at + 3;
                    } else if self.is_end_tag(at, "script") {
                        state = State::Escaped;
                    }
                }
            }
        }
    }

    /// "script" followed by a space, "/" or ">" at `at`.
    fn is_script_open(&self, at: usize) -> bool {
        self.b
            .get(at..at + 6)
            .is_some_and(|t| t.eq_ignore_ascii_case(b"script"))
            && self
                .at(at + 6)
                .is_some_and(|c| is_space(c) || c == b'/' || c == b'>')
    }

    /// Reads attributes from `from` (just after the tag name) to the closing ">" into `self.attrs`
    /// (names after the tag name in the scratch); returns the position after ">", or `None` at the end
    /// of the document (the tag is then dropped, as the spec says).
    fn attributes(&mut self, from: usize) -> Option<(usize, bool)> {
        self.attrs.clear();
        if !self.seen.is_empty() {
            self.seen.clear();
        }
        let mut i = from;
        loop {
            // Before an attribute name.
            let c = loop {
                match self.at(i)? {
                    c if is_space(c) => i += 1,
                    b'/' => {
                        if self.at(i + 1) == Some(b'>') {
                            return Some((i + 2, true));
                        }
                        i += 1;
                    }
                    c => break c,
                }
            };
            if c == b'>' {
                return Some((i + 1, false));
            }
            // The name: "=" may start it; it ends at a space, "/", ">" or "=".
            let start = i;
            i += 1;
            while let Some(c) = self.at(i) {
                if is_space(c) || c == b'/' || c == b'>' || c == b'=' {
                    break;
                }
                i += 1;
            }
            let name_start = self.scratch.len();
            let raw_name = self.slice(start, i);
            push_lower(&mut self.scratch, raw_name);
            let name = (name_start, self.scratch.len());
            // After the name.
            while self.at(i).is_some_and(is_space) {
                i += 1;
            }
            let value_start = self.scratch.len();
            if self.at(i) == Some(b'=') {
                i += 1;
                while self.at(i).is_some_and(is_space) {
                    i += 1;
                }
                match self.at(i) {
                    Some(q @ (b'"' | b'\'')) => {
                        let body = i + 1;
                        let len = memchr(q, self.b.get(body..).unwrap_or_default())?;
                        self.push_value(body, body + len);
                        i = body + len + 1;
                    }
                    Some(b'>') | None => {}
                    Some(_) => {
                        let start = i;
                        while let Some(c) = self.at(i) {
                            if is_space(c) || c == b'>' {
                                break;
                            }
                            i += 1;
                        }
                        self.push_value(start, i);
                    }
                }
            }
            let span = AttrSpan {
                name,
                value: (value_start, self.scratch.len()),
            };
            if self.is_new(name) {
                self.attrs.push(span);
            } else {
                self.scratch.truncate(name.0);
            }
        }
    }

    fn is_new(&mut self, name: (usize, usize)) -> bool {
        let Some(n) = self.scratch.get(name.0..name.1) else {
            return false;
        };
        if self.attrs.len() < SCAN_DUPLICATES {
            let scratch = &self.scratch;
            let dup = self
                .attrs
                .iter()
                .any(|a| scratch.get(a.name.0..a.name.1) == Some(n));
            if !dup && self.attrs.len() + 1 == SCAN_DUPLICATES {
                // From here on, a set: fill it with the names so far.
                for a in &self.attrs {
                    if let Some(s) = scratch.get(a.name.0..a.name.1) {
                        self.seen.insert(s.to_string());
                    }
                }
                self.seen.insert(n.to_string());
            }
            return !dup;
        }
        self.seen.insert(n.to_string())
    }

    /// Appends an attribute value from the source, references decoded and NUL replaced.
    fn push_value(&mut self, from: usize, to: usize) {
        let mut i = from;
        while i < to {
            let rest = self.b.get(i..to).unwrap_or_default();
            let Some(off) = memchr2(b'&', 0, rest) else {
                self.scratch.push_str(self.slice(i, to));
                return;
            };
            let at = i + off;
            self.scratch.push_str(self.slice(i, at));
            if self.at(at) == Some(0) {
                self.scratch.push('\u{FFFD}');
                i = at + 1;
                continue;
            }
            // A reference may not reach past the value's end.
            let value = self.b.get(..to).unwrap_or_default();
            match charref::decode(value, at, true) {
                Some((Decoded::Char(c), n)) => {
                    self.scratch.push(c);
                    i = at + n;
                }
                Some((Decoded::Str(s), n)) => {
                    self.scratch.push_str(s);
                    i = at + n;
                }
                None => {
                    self.scratch.push('&');
                    i = at + 1;
                }
            }
        }
    }
}

/// Appends `s` ASCII-lowercased, NUL as U+FFFD (tag and attribute names).
fn push_lower(out: &mut String, s: &str) {
    if !s.bytes().any(|c| c.is_ascii_uppercase() || c == 0) {
        out.push_str(s);
        return;
    }
    out.extend(s.chars().map(|c| match c {
        '\0' => '\u{FFFD}',
        c => c.to_ascii_lowercase(),
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records tokens as strings: `<name a="v">`, `</name>`, text as is.
    #[derive(Default)]
    struct Log {
        out: Vec<String>,
        raw: Vec<(&'static str, Content)>,
        foreign: bool,
    }

    impl Sink for Log {
        fn text(&mut self, text: &str, _raw: bool) {
            match self.out.last_mut() {
                Some(last) if !last.starts_with('<') => last.push_str(text),
                _ => self.out.push(text.to_string()),
            }
        }
        fn start_tag(&mut self, tag: &Tag<'_>) -> Content {
            let mut s = format!("<{}", tag.name);
            for (n, v) in tag.attrs() {
                s.push_str(&format!(" {n}=\"{v}\""));
            }
            if tag.self_closing {
                s.push('/');
            }
            s.push('>');
            self.out.push(s);
            self.raw
                .iter()
                .find(|(n, _)| *n == tag.name)
                .map_or(Content::Data, |(_, c)| *c)
        }
        fn end_tag(&mut self, name: &str) {
            self.out.push(format!("</{name}>"));
        }
        fn in_foreign_content(&self) -> bool {
            self.foreign
        }
        fn doctype(&mut self, d: &Doctype<'_>) {
            self.out.push(format!(
                "<!{} {:?} {:?} {}>",
                d.name, d.public, d.system, d.force_quirks
            ));
        }
    }

    fn tokens(src: &str) -> Vec<String> {
        let mut log = Log {
            raw: vec![
                ("script", Content::Script),
                ("style", Content::RawText),
                ("title", Content::RcData),
                ("plaintext", Content::Plaintext),
            ],
            ..Log::default()
        };
        tokenize(src, &mut log);
        log.out
    }

    #[test]
    fn attributes_quoting_case_and_duplicates() {
        assert_eq!(
            tokens(r#"<DIV Class="a b" id='x' data-v=1&amp;2 hidden CLASS=dup a=b/>t"#),
            vec![
                r#"<div class="a b" id="x" data-v="1&2" hidden="" a="b/">"#,
                "t"
            ]
        );
        assert_eq!(
            tokens("<br/><img src=x />"),
            vec!["<br/>", r#"<img src="x"/>"#]
        );
        // A "/" ending an unquoted value is part of it, not self-closing syntax.
        assert_eq!(tokens("<a href=x/>"), vec![r#"<a href="x/">"#]);
        assert_eq!(
            tokens(r#"<a title="x>y"href=z>"#),
            vec![r#"<a title="x>y" href="z">"#]
        );
        assert_eq!(tokens("<a =b c = 'd' e=>"), vec![r#"<a =b="" c="d" e="">"#]);
        assert_eq!(
            tokens(r#"<a href="?a=1&copy=2&amp;b&lt;">"#),
            vec![r#"<a href="?a=1&copy=2&b<">"#]
        );
        // Unterminated tag at the end: dropped.
        assert_eq!(tokens("x<div class=\"a"), vec!["x"]);
    }

    #[test]
    fn many_duplicate_attributes_keep_the_first() {
        let tag = format!(
            "<p {}>",
            (0..100)
                .map(|i| format!("a{}={i}", i % 40))
                .collect::<Vec<_>>()
                .join(" ")
        );
        let out = tokens(&tag);
        assert_eq!(out[0].matches(" a").count(), 40);
        assert!(out[0].contains(r#"a39="39""#) && !out[0].contains(r#""79""#));
    }

    #[test]
    fn comments_doctype_and_bogus_markup() {
        assert_eq!(
            tokens(
                "<!DOCTYPE html>a<!-- <b> -->b<!-->c<!--->d<?php x ?>e<!x>f</3>g</>h<![CDATA[i]]>j"
            ),
            vec!["<!html None None false>", "abcdefghj"]
        );
        assert_eq!(tokens("a<!-- x --!>b<!-- never"), vec!["ab"]);
        assert_eq!(tokens("a < b <3 c<"), vec!["a < b <3 c<"]);
    }

    #[test]
    fn doctypes() {
        assert_eq!(
            tokens("<!DOCTYPE html>x"),
            vec!["<!html None None false>", "x"]
        );
        assert_eq!(
            tokens(r#"<!doctype HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" 'http://x'>"#),
            vec![r#"<!html Some("-//W3C//DTD HTML 4.01//EN") Some("http://x") false>"#]
        );
        assert_eq!(tokens("<!DOCTYPE>"), vec!["<! None None true>"]);
        assert_eq!(
            tokens("<!DOCTYPE html bogus>"),
            vec!["<!html None None true>"]
        );
    }

    #[test]
    fn text_references() {
        assert_eq!(
            tokens("x&lt;b&gt; &amp &notin; &#x1F600; &zz;"),
            vec!["x<b> & \u{2209} \u{1F600} &zz;"]
        );
    }

    #[test]
    fn raw_text_ends_only_at_its_end_tag() {
        assert_eq!(
            tokens("<script>if (a<b) s = '</scr' + 'ipt>'; x = \"</script\";</SCRIPT >after"),
            vec![
                "<script>",
                "if (a<b) s = '</scr' + 'ipt>'; x = \"</script\";",
                "</script>",
                "after"
            ]
        );
        assert_eq!(
            tokens("<style>a > b { content: '&amp;' }</style x='>'>c"),
            vec!["<style>", "a > b { content: '&amp;' }", "</style>", "c"]
        );
        assert_eq!(
            tokens("<title>a &amp; <b></title>"),
            vec!["<title>", "a & <b>", "</title>"]
        );
        assert_eq!(
            tokens("<script>never closed"),
            vec!["<script>", "never closed"]
        );
        assert_eq!(
            tokens("<plaintext></plaintext><b>"),
            vec!["<plaintext>", "</plaintext><b>"]
        );
    }

    #[test]
    fn script_comments_hide_a_nested_script_end() {
        assert_eq!(
            tokens("<script><!-- document.write('<script>x</script>'); --></script>y"),
            vec![
                "<script>",
                "<!-- document.write('<script>x</script>'); -->",
                "</script>",
                "y"
            ]
        );
        // Without a nested <script, the escaped part still ends at </script>.
        assert_eq!(
            tokens("<script><!-- a </script>b"),
            vec!["<script>", "<!-- a ", "</script>", "b"]
        );
        assert_eq!(
            tokens("<script><!--></script>b"),
            vec!["<script>", "<!-->", "</script>", "b"]
        );
    }

    #[test]
    fn cdata_is_text_only_in_foreign_content() {
        let mut log = Log {
            foreign: true,
            ..Log::default()
        };
        tokenize("<![CDATA[a<b]]>c", &mut log);
        assert_eq!(log.out, vec!["a<bc"]);
    }
}
