//! The tree builder: turns tokens into a [`Document`], repairing markup as browsers do for what real
//! pages contain: implied `html`/`head`/`body`, void elements, implied end tags (`p`, `li`, `dt`/`dd`,
//! `option`, table rows and cells, ruby), end tags that close the nearest open element of their name,
//! raw-text elements, SVG/MathML (where `/>` closes an element), and nesting capped like Chromium's.
//!
//! Known differences from the WHATWG algorithm (html5ever), all for markup our pages do not rely on
//! (tests/parser_parity.rs keeps examples of each): no adoption agency (misnested formatting tags such
//! as `<b><p></b>` are closed at the end tag, or the end tag is ignored when a block is open inside) and
//! no reconstruction of active formatting elements; no foster parenting out of tables (text directly in
//! `<table>` stays there); no `<select>`, table-caption or frameset insertion modes (`<frameset>` is
//! ignored); quirks mode only decides whether `<table>` closes an open `<p>`; SVG/MathML names are
//! lowercased (not `foreignObject`); whitespace between `</head>` and `<body>` is dropped (html5ever puts
//! it in `<html>`); comments and doctypes are not kept. The builder counts each place markup needs one
//! of the first four (the adoption agency, reconstruction, foster parenting, the missing insertion
//! modes; the others change no report we know of): `HtmlPage::shortcuts`. The `parity` fuzz target
//! compares reports with html5ever's on every page that needs none.

use super::dom::{Attr, Document, Element, NONE};
use super::names::*;
use super::tokenizer::{self, Content, Doctype, Sink, Tag};

/// The deepest element nesting kept: an element that would be deeper becomes a sibling of the deepest
/// one (Chromium's parser limit, 512). Without it a page of 50,000 nested tags makes every scope check
/// walk thousands of open elements.
pub(crate) const MAX_DEPTH: usize = 512;

/// How far down the stack of open elements a scope check or end tag looks. The stack can hold more
/// (nesting past the cap is flattened in the tree, not on the stack); looking farther would make a page
/// of stray end tags quadratic.
const REACH: usize = 1024;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    BeforeHtml,
    BeforeHead,
    InHead,
    AfterHead,
    InBody,
}

/// Parses `source` into a document.
pub(crate) fn build(source: &str) -> Document {
    let normalized;
    let src = if memchr::memchr(b'\r', source.as_bytes()).is_some() {
        normalized = source.replace("\r\n", "\n").replace('\r', "\n");
        normalized.as_str()
    } else {
        source
    };
    let mut b = Builder {
        doc: Document::default(),
        mode: Mode::BeforeHtml,
        stack: Vec::new(),
        dom: Vec::new(),
        last_child: Vec::new(),
        detached: Vec::new(),
        foreign: Vec::new(),
        open_count: Vec::new(),
        html: NONE,
        head: NONE,
        body: NONE,
        form: NONE,
        skip_newline: false,
        has_nul: memchr::memchr(0, src.as_bytes()).is_some(),
        resort: false,
        flags: Vec::new(),
        quirks: None,
    };
    for name in KNOWN {
        b.doc.atoms.intern(name);
    }
    b.update_flags();
    b.doc.text.reserve(src.len() / 2);
    tokenizer::tokenize(src, &mut b);
    b.finish()
}

struct Builder {
    doc: Document,
    mode: Mode,
    /// The stack of open elements.
    stack: Vec<u32>,
    /// The open elements still in the tree (not flattened by the depth cap): where content goes.
    dom: Vec<u32>,
    /// Per element: its last element child so far (links the next one's `prev`).
    last_child: Vec<u32>,
    /// Per element: closed early by the depth cap (still on the stack, so its end tag finds it).
    detached: Vec<bool>,
    /// Per element: in SVG or MathML.
    foreign: Vec<bool>,
    /// Per name atom: how many elements of that name are on the stack (most checks end at 0).
    open_count: Vec<u32>,
    html: u32,
    head: u32,
    body: u32,
    /// The form element pointer: while set, a nested `<form>` is ignored.
    form: u32,
    /// After `<pre>`, `<listing>`, `<textarea>`: a newline right after the start tag is dropped.
    skip_newline: bool,
    has_nul: bool,
    /// An index list went out of document order (attributes added to `html`/`body` later).
    resort: bool,
    /// Per name atom: [`flags_of`] its name.
    flags: Vec<u32>,
    /// Quirks mode, decided by the doctype (or its absence) before the first element.
    quirks: Option<bool>,
}

fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0c' | '\r')
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Scope {
    Default,
    Button,
    ListItem,
    Table,
}

impl Builder {
    fn name(&self, el: u32) -> &str {
        self.doc.name(el)
    }

    fn current(&self) -> u32 {
        self.stack.last().copied().unwrap_or(NONE)
    }

    fn current_name(&self) -> &str {
        self.name(self.current())
    }

    fn atom(&self, el: u32) -> u32 {
        self.doc.element(el).map_or(NONE, |e| e.name)
    }

    fn current_atom(&self) -> u32 {
        self.atom(self.current())
    }

    fn flags(&self, atom: u32) -> u32 {
        self.flags.get(atom as usize).copied().unwrap_or(0)
    }

    /// Computes the flags of names interned since the last call.
    fn update_flags(&mut self) {
        for a in self.flags.len()..self.doc.atoms.len() {
            let f = flags_of(self.doc.atoms.name(a as u32));
            self.flags.push(f);
        }
    }

    /// How many elements named `atom` are open.
    fn count(&self, atom: u32) -> u32 {
        self.open_count.get(atom as usize).copied().unwrap_or(0)
    }

    fn in_foreign(&self) -> bool {
        let cur = self.current();
        self.foreign.get(cur as usize).copied().unwrap_or(false)
            && self.flags(self.atom(cur)) & INTEGRATION == 0
    }

    /// Creates an element as a child of the insertion point; pushes it unless `void`.
    fn insert(
        &mut self,
        name: &str,
        attrs: &mut dyn Iterator<Item = (&str, &str)>,
        void: bool,
    ) -> u32 {
        let atom = self.intern(name);
        self.insert_atom(atom, attrs, void)
    }

    /// Interns a name and makes sure its flags are known.
    fn intern(&mut self, name: &str) -> u32 {
        let atom = self.doc.atoms.intern(name);
        if atom as usize >= self.flags.len() {
            self.update_flags();
        }
        atom
    }

    fn insert_atom(
        &mut self,
        atom: u32,
        attrs: &mut dyn Iterator<Item = (&str, &str)>,
        void: bool,
    ) -> u32 {
        if self.dom.len() >= MAX_DEPTH {
            // Past the cap: the deepest element is closed here (its end tag, later, only leaves the stack).
            if let Some(deepest) = self.dom.pop() {
                self.close_text(deepest);
                if let Some(d) = self.detached.get_mut(deepest as usize) {
                    *d = true;
                }
            }
        }
        let parent = self.dom.last().copied().unwrap_or(NONE);
        if parent != NONE && self.has(parent, FOSTERS) && self.flags(atom) & TABLE_CONTENT == 0 {
            self.shortcut();
        }
        let id = self.doc.len();
        let prev = self
            .last_child
            .get(parent as usize)
            .copied()
            .unwrap_or(NONE);
        let index = self.doc.element(prev).map_or(1, |p| p.index + 1);
        if let Some(l) = self.last_child.get_mut(parent as usize) {
            *l = id;
        }
        let start = self.doc.attrs.len() as u32;
        for (n, v) in attrs {
            let name = self.doc.atoms.intern(n);
            let from = self.doc.attr_text.len() as u32;
            self.doc.attr_text.push_str(v);
            let value = (from, self.doc.attr_text.len() as u32);
            self.doc.attrs.push(Attr { name, value });
            index_push(&mut self.doc.by_attr, name, id);
        }
        let text = self.doc.text.len() as u32;
        self.doc.elements.push(Element {
            name: atom,
            parent,
            prev,
            index,
            children: 0,
            end: id + 1,
            attrs: (start, self.doc.attrs.len() as u32),
            text: (text, text),
        });
        index_push(&mut self.doc.by_tag, atom, id);
        let parent_foreign = self.foreign.get(parent as usize).copied().unwrap_or(false)
            && self.flags(self.atom(parent)) & INTEGRATION == 0;
        self.foreign
            .push(parent_foreign || self.flags(atom) & FOREIGN_ROOT != 0);
        self.last_child.push(NONE);
        self.detached.push(false);
        if !void {
            self.stack.push(id);
            self.dom.push(id);
            if let Some(c) = open_slot(&mut self.open_count, atom) {
                *c += 1;
            }
        }
        id
    }

    fn insert_tag(&mut self, tag: &Tag<'_>, void: bool) -> u32 {
        self.insert(tag.name, &mut tag.attrs(), void)
    }

    fn insert_plain(&mut self, name: &str, void: bool) -> u32 {
        self.insert(name, &mut std::iter::empty(), void)
    }

    fn close_text(&mut self, el: u32) {
        let len = self.doc.text.len() as u32;
        if let Some(e) = self.doc.elements.get_mut(el as usize) {
            e.text.1 = len;
        }
    }

    /// Notes that the markup took one of the shortcuts the module notes list (where a browser's tree
    /// may differ): [`HtmlPage::shortcuts`](super::super::HtmlPage::shortcuts) reports the count.
    fn shortcut(&mut self) {
        self.doc.shortcuts = self.doc.shortcuts.saturating_add(1);
    }

    /// Whether element `el`'s name has `flag` (see `names`).
    fn has(&self, el: u32, flag: u32) -> bool {
        self.flags(self.atom(el)) & flag != 0
    }

    fn pop(&mut self) {
        let Some(el) = self.stack.pop() else {
            return;
        };
        let atom = self.doc.element(el).map_or(NONE, |e| e.name);
        if let Some(c) = open_slot(&mut self.open_count, atom) {
            *c = c.saturating_sub(1);
        }
        if !self.detached.get(el as usize).copied().unwrap_or(true) {
            self.dom.pop();
            self.close_text(el);
        }
    }

    /// Pops until the element at stack position `pos` is popped. A formatting element closed on the
    /// way (by another element's end) is one a browser would reopen for what follows.
    fn pop_to(&mut self, pos: usize) {
        let above = self.stack.get(pos + 1..).unwrap_or_default();
        if above.iter().any(|&el| self.has(el, FORMATTING)) {
            self.shortcut();
        }
        while self.stack.len() > pos {
            self.pop();
        }
    }

    /// Removes an element from the middle of the stack (a closed `<form>`, `<head>` after a late
    /// `<script>`): what was opened inside it stays open.
    fn remove(&mut self, el: u32) {
        if let Some(pos) = self.stack.iter().rposition(|&e| e == el) {
            self.stack.remove(pos);
            let atom = self.doc.element(el).map_or(NONE, |e| e.name);
            if let Some(c) = open_slot(&mut self.open_count, atom) {
                *c = c.saturating_sub(1);
            }
        }
        if let Some(pos) = self.dom.iter().rposition(|&e| e == el) {
            self.dom.remove(pos);
            self.close_text(el);
        }
    }

    /// The stack position of the nearest open element matching `want`, if it is in `scope`.
    fn in_scope(&self, scope: Scope, want: &dyn Fn(u32) -> bool) -> Option<usize> {
        for (pos, &el) in self.stack.iter().enumerate().rev().take(REACH) {
            let atom = self.atom(el);
            if want(atom) {
                return Some(pos);
            }
            let flags = self.flags(atom);
            let foreign = self.foreign.get(el as usize).copied().unwrap_or(false);
            let barrier = if foreign {
                flags & INTEGRATION != 0
            } else {
                match scope {
                    Scope::Table => flags & TABLE_BARRIER != 0,
                    Scope::Default => flags & SCOPE_BARRIER != 0,
                    Scope::Button => flags & SCOPE_BARRIER != 0 || atom == BUTTON,
                    Scope::ListItem => flags & (SCOPE_BARRIER | LIST) != 0,
                }
            };
            if barrier {
                return None;
            }
        }
        None
    }

    /// Like [`Self::in_scope`] with names.
    fn in_scope_names(&self, scope: Scope, names: &[&str]) -> Option<usize> {
        let atoms: Vec<u32> = names.iter().filter_map(|n| self.doc.atoms.get(n)).collect();
        if atoms.iter().all(|&a| self.count(a) == 0) {
            return None;
        }
        self.in_scope(scope, &|a| atoms.contains(&a))
    }

    fn named_in_scope(&self, scope: Scope, atom: u32) -> Option<usize> {
        if self.count(atom) == 0 {
            return None;
        }
        self.in_scope(scope, &|a| a == atom)
    }

    fn close_p(&mut self) {
        if let Some(pos) = self.named_in_scope(Scope::Button, P) {
            self.pop_to(pos);
        }
    }

    fn generate_implied_end_tags(&mut self, except: &str) {
        while self.flags(self.current_atom()) & IMPLIED_END != 0 && self.current_name() != except {
            self.pop();
        }
    }

    /// Adds the attributes an element lacks (a second `<html>` or `<body>` tag).
    fn merge_attrs(&mut self, el: u32, tag: &Tag<'_>) {
        let Some(e) = self.doc.element(el).cloned() else {
            return;
        };
        let mut added = Vec::new();
        for (n, v) in tag.attrs() {
            let atom = self.doc.atoms.intern(n);
            if self.doc.attr_by_atom(el, atom).is_none() {
                added.push((atom, v));
            }
        }
        if added.is_empty() {
            return;
        }
        // Copied to the end, so that the element's attributes stay one range.
        let start = self.doc.attrs.len() as u32;
        let old: Vec<Attr> = self.doc.attrs(el).to_vec();
        self.doc.attrs.extend(old);
        for (name, v) in added {
            let from = self.doc.attr_text.len() as u32;
            self.doc.attr_text.push_str(v);
            let value = (from, self.doc.attr_text.len() as u32);
            self.doc.attrs.push(Attr { name, value });
            index_push(&mut self.doc.by_attr, name, el);
            self.resort = true;
        }
        if let Some(e2) = self.doc.elements.get_mut(el as usize) {
            e2.attrs = (start, self.doc.attrs.len() as u32);
        }
        let _ = e;
    }

    fn append_text(&mut self, text: &str, raw: bool) {
        let Some(&parent) = self.dom.last() else {
            return;
        };
        if !raw && self.has(parent, FOSTERS) && !text.chars().all(is_space) {
            self.shortcut();
        }
        if self.has_nul && text.contains('\0') {
            if raw {
                self.doc.text.push_str(&text.replace('\0', "\u{FFFD}"));
            } else {
                self.doc.text.extend(text.chars().filter(|&c| c != '\0'));
            }
        } else {
            self.doc.text.push_str(text);
        }
    }

    fn implied_html(&mut self) {
        self.quirks.get_or_insert(true);
        self.html = self.insert_plain("html", false);
        self.mode = Mode::BeforeHead;
    }

    fn implied_head(&mut self) {
        self.head = self.insert_plain("head", false);
        self.mode = Mode::InHead;
    }

    fn leave_head(&mut self) {
        if let Some(pos) = self.stack.iter().rposition(|&e| e == self.head) {
            self.pop_to(pos);
        }
        self.mode = Mode::AfterHead;
    }

    fn implied_body(&mut self) {
        self.body = self.insert_plain("body", false);
        self.mode = Mode::InBody;
    }

    /// Start tags in `<body>`.
    fn in_body_start(&mut self, tag: &Tag<'_>) -> Content {
        let name = tag.name;
        let atom = self.intern(name);
        let flags = self.flags(atom);
        if self.in_foreign() {
            if breaks_out_of_foreign(flags, tag) {
                while self.in_foreign() && self.stack.len() > 1 {
                    self.pop();
                }
            } else {
                self.insert_atom(atom, &mut tag.attrs(), tag.self_closing);
                return Content::Data;
            }
        }
        if name == "select" {
            // Read as any element: a browser's select mode drops most tags inside it.
            self.shortcut();
        }
        if flags & START_RULE == 0 {
            if flags & CLOSES_P != 0 {
                self.close_p();
            }
            self.insert_atom(atom, &mut tag.attrs(), flags & VOID != 0);
            return Content::Data;
        }
        match name {
            "html" => {
                self.merge_attrs(self.html, tag);
                return Content::Data;
            }
            "body" => {
                if self.body != NONE {
                    self.merge_attrs(self.body, tag);
                }
                return Content::Data;
            }
            "frameset" | "frame" => {
                self.shortcut();
                return Content::Data;
            }
            "head" => return Content::Data,
            "caption" | "col" | "colgroup" => {
                self.shortcut();
                // Outside a table these are ignored.
                if self.named_in_scope(Scope::Table, TABLE).is_some() {
                    self.close_table_parts(&["td", "th", "tr", "tbody", "thead", "tfoot"]);
                    self.insert_tag(tag, name == "col");
                }
                return Content::Data;
            }
            "title" => {
                self.insert_tag(tag, false);
                return Content::RcData;
            }
            // <noscript> is raw text as with scripting enabled: html5ever's default, which scraper used.
            "noframes" | "style" | "iframe" | "noembed" | "noscript" => {
                self.insert_tag(tag, false);
                return Content::RawText;
            }
            "script" => {
                self.insert_tag(tag, false);
                return Content::Script;
            }
            "xmp" => {
                self.close_p();
                self.insert_tag(tag, false);
                return Content::RawText;
            }
            "plaintext" => {
                self.close_p();
                self.insert_tag(tag, false);
                return Content::Plaintext;
            }
            "textarea" => {
                self.insert_tag(tag, false);
                self.skip_newline = true;
                return Content::RcData;
            }
            "pre" | "listing" => {
                self.close_p();
                self.insert_tag(tag, false);
                self.skip_newline = true;
                return Content::Data;
            }
            "form" => {
                if self.form != NONE && self.count(TEMPLATE) == 0 {
                    return Content::Data;
                }
                self.close_p();
                let f = self.insert_tag(tag, false);
                if self.count(TEMPLATE) == 0 {
                    self.form = f;
                }
                return Content::Data;
            }
            "li" | "dd" | "dt" => {
                let same = |n: &str| {
                    if name == "li" {
                        n == "li"
                    } else {
                        n == "dd" || n == "dt"
                    }
                };
                let found = self
                    .stack
                    .iter()
                    .enumerate()
                    .rev()
                    .take(REACH)
                    .find(|&(_, &el)| {
                        let n = self.name(el);
                        same(n)
                            || (self.flags(self.atom(el)) & SPECIAL != 0
                                && !matches!(n, "address" | "div" | "p"))
                    })
                    .filter(|&(_, &el)| same(self.name(el)))
                    .map(|(pos, _)| pos);
                if let Some(pos) = found {
                    self.pop_to(pos);
                }
                self.close_p();
            }
            "button" => {
                if let Some(pos) = self.named_in_scope(Scope::Default, BUTTON) {
                    self.pop_to(pos);
                }
            }
            // Instead of the adoption agency: an open one is closed if nothing special is inside it.
            "a" | "nobr" if self.count(atom) > 0 => {
                self.shortcut();
                self.any_other_end(atom);
            }
            "optgroup" | "option" if self.current_atom() == OPTION => self.pop(),
            "rb" | "rtc" if self.named_in_scope(Scope::Default, RUBY).is_some() => {
                self.generate_implied_end_tags("")
            }
            "rp" | "rt" if self.named_in_scope(Scope::Default, RUBY).is_some() => {
                self.generate_implied_end_tags("rtc")
            }
            // In quirks mode (no doctype) a table goes inside an open <p>.
            "table" if self.quirks != Some(true) => self.close_p(),
            "hr" => {
                self.close_p();
                self.insert_tag(tag, true);
                return Content::Data;
            }
            "image" => {
                self.insert("img", &mut tag.attrs(), true);
                return Content::Data;
            }
            "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" => {
                if self.named_in_scope(Scope::Table, TABLE).is_some() {
                    self.table_part(name);
                } else if self.current_atom() != TEMPLATE {
                    return Content::Data; // outside a table (or a template) these are ignored
                }
            }
            _ if closes_p(name) => self.close_p(),
            _ if is_heading(name) => {
                self.close_p();
                if self.flags(self.current_atom()) & HEADING != 0 {
                    self.pop();
                }
            }
            _ => {}
        }
        let void = is_void(name) || (tag.self_closing && (name == "svg" || name == "math"));
        self.insert_tag(tag, void);
        Content::Data
    }

    /// Pops open elements named in `names` down to the nearest table.
    fn close_table_parts(&mut self, names: &[&str]) {
        if let Some(pos) = self.in_scope_names(Scope::Table, names) {
            // Only the outermost matching part below the table is closed (with what is inside it).
            let table_pos = self.named_in_scope(Scope::Table, TABLE).unwrap_or(0);
            let outer = self
                .stack
                .iter()
                .enumerate()
                .skip(table_pos + 1)
                .find(|(_, &el)| names.contains(&self.name(el)))
                .map_or(pos, |(p, _)| p);
            self.pop_to(outer);
        }
    }

    /// Row groups, rows and cells inside a table: close the open ones they end, imply the missing
    /// `tbody` and `tr`.
    fn table_part(&mut self, name: &str) {
        match name {
            "tbody" | "thead" | "tfoot" => {
                self.close_table_parts(&["tbody", "thead", "tfoot", "tr", "td", "th"])
            }
            "tr" => {
                self.close_table_parts(&["tr", "td", "th"]);
                if self
                    .in_scope_names(Scope::Table, &["tbody", "thead", "tfoot"])
                    .is_none()
                {
                    self.insert_plain("tbody", false);
                }
            }
            _ => {
                self.close_table_parts(&["td", "th"]);
                if self.in_scope_names(Scope::Table, &["tr"]).is_none() {
                    if self
                        .in_scope_names(Scope::Table, &["tbody", "thead", "tfoot"])
                        .is_none()
                    {
                        self.insert_plain("tbody", false);
                    }
                    self.insert_plain("tr", false);
                }
            }
        }
    }

    /// End tags in `<body>`.
    fn in_body_end(&mut self, name: &str, atom: u32) {
        let flags = self.flags(atom);
        if flags & BLOCK_END != 0 {
            if let Some(pos) = self.named_in_scope(Scope::Default, atom) {
                self.pop_to(pos);
            }
            return;
        }
        if flags & HEADING != 0 {
            if let Some(pos) = self.in_scope(Scope::Default, &|a| self.flags(a) & HEADING != 0) {
                self.pop_to(pos);
            }
            return;
        }
        if flags & END_RULE == 0 {
            self.any_other_end(atom);
            return;
        }
        match name {
            "body" | "html" => {}
            "p" => {
                if self.named_in_scope(Scope::Button, P).is_none() {
                    self.insert_plain("p", false);
                }
                if let Some(pos) = self.named_in_scope(Scope::Button, P) {
                    self.pop_to(pos);
                }
            }
            "li" => {
                if let Some(pos) = self.named_in_scope(Scope::ListItem, LI) {
                    self.pop_to(pos);
                }
            }
            "dd" | "dt" => {
                if let Some(pos) = self.in_scope_names(Scope::Default, &[name]) {
                    self.pop_to(pos);
                }
            }
            "form" => {
                let form = std::mem::replace(&mut self.form, NONE);
                if form != NONE && self.named_in_scope(Scope::Default, FORM).is_some() {
                    self.generate_implied_end_tags("");
                    self.remove(form);
                }
            }
            "br" => {
                self.insert_plain("br", true);
            }
            _ if is_heading(name) => {
                if let Some(pos) = self.in_scope(Scope::Default, &|a| self.flags(a) & HEADING != 0)
                {
                    self.pop_to(pos);
                }
            }
            _ if is_block_end(name) || name == "template" => {
                if let Some(pos) = self.in_scope_names(Scope::Default, &[name]) {
                    self.pop_to(pos);
                }
            }
            "table" | "tbody" | "thead" | "tfoot" | "tr" | "td" | "th" | "caption" | "colgroup" => {
                if let Some(pos) = self.in_scope_names(Scope::Table, &[name]) {
                    self.pop_to(pos);
                }
            }
            _ => self.any_other_end(atom),
        }
    }

    /// The nearest open element of this name is closed, unless a special element is open inside it.
    fn any_other_end(&mut self, atom: u32) {
        if self.count(atom) == 0 {
            return;
        }
        let found = self
            .stack
            .iter()
            .enumerate()
            .rev()
            .take(REACH)
            .find(|&(_, &el)| {
                let a = self.atom(el);
                a == atom
                    || (self.flags(a) & SPECIAL != 0
                        && !self.foreign.get(el as usize).copied().unwrap_or(false))
            })
            .filter(|&(_, &el)| self.atom(el) == atom)
            .map(|(pos, _)| pos);
        let formatting = self.flags(atom) & FORMATTING != 0;
        match found {
            // A formatting element closed with elements open inside it, or left open because a
            // special one is: a browser runs its adoption agency here.
            Some(pos) if formatting && pos + 1 < self.stack.len() => self.shortcut(),
            None if formatting => self.shortcut(),
            _ => {}
        }
        if let Some(pos) = found {
            self.pop_to(pos);
        }
    }

    /// Start tags that belong in `<head>`; `None` for the others.
    fn head_element(&mut self, tag: &Tag<'_>) -> Option<Content> {
        Some(match tag.name {
            "base" | "basefont" | "bgsound" | "link" | "meta" => {
                self.insert_tag(tag, true);
                Content::Data
            }
            "title" => {
                self.insert_tag(tag, false);
                Content::RcData
            }
            "noscript" | "noframes" | "style" => {
                self.insert_tag(tag, false);
                Content::RawText
            }
            "script" => {
                self.insert_tag(tag, false);
                Content::Script
            }
            "template" => {
                self.insert_tag(tag, false);
                Content::Data
            }
            _ => return None,
        })
    }

    fn finish(mut self) -> Document {
        loop {
            match self.mode {
                Mode::BeforeHtml => self.implied_html(),
                Mode::BeforeHead => self.implied_head(),
                Mode::InHead => self.leave_head(),
                Mode::AfterHead => self.implied_body(),
                Mode::InBody => break,
            }
        }
        while !self.stack.is_empty() {
            self.pop();
        }
        let mut doc = self.doc;
        // Element children per element: the last child's position.
        for (el, &last) in self.last_child.iter().enumerate() {
            let count = doc.element(last).map_or(0, |c| c.index);
            if let Some(e) = doc.elements.get_mut(el) {
                e.children = count;
            }
        }
        // Subtree ends and text ranges grow up from the children (children come after parents).
        for i in (0..doc.elements.len()).rev() {
            let Some(&Element {
                parent, end, text, ..
            }) = doc.elements.get(i)
            else {
                continue;
            };
            if let Some(p) = doc.elements.get_mut(parent as usize) {
                p.end = p.end.max(end);
                p.text.1 = p.text.1.max(text.1);
            }
        }
        if self.resort {
            for list in &mut doc.by_attr {
                list.sort_unstable();
                list.dedup();
            }
        }
        doc
    }
}

fn open_slot(counts: &mut Vec<u32>, atom: u32) -> Option<&mut u32> {
    if atom == NONE {
        return None;
    }
    let i = atom as usize;
    if counts.len() <= i {
        counts.resize(i + 1, 0);
    }
    counts.get_mut(i)
}

fn index_push(index: &mut Vec<Vec<u32>>, atom: u32, el: u32) {
    let i = atom as usize;
    if index.len() <= i {
        index.resize_with(i + 1, Vec::new);
    }
    if let Some(list) = index.get_mut(i) {
        list.push(el);
    }
}

impl Sink for Builder {
    fn text(&mut self, text: &str, raw: bool) {
        let mut text = text;
        if std::mem::take(&mut self.skip_newline) {
            text = text.strip_prefix('\n').unwrap_or(text);
        }
        if raw {
            self.append_text(text, true);
            return;
        }
        loop {
            if text.is_empty() {
                return;
            }
            match self.mode {
                Mode::BeforeHtml => {
                    text = text.trim_start_matches(is_space);
                    if !text.is_empty() {
                        self.implied_html();
                    }
                }
                Mode::BeforeHead => {
                    text = text.trim_start_matches(is_space);
                    if !text.is_empty() {
                        self.implied_head();
                    }
                }
                Mode::InHead if self.count(TEMPLATE) > 0 => {
                    self.append_text(text, false);
                    return;
                }
                Mode::InHead => {
                    let rest = text.trim_start_matches(is_space);
                    let (space, _) = text.split_at(text.len() - rest.len());
                    self.append_text(space, false);
                    text = rest;
                    if !text.is_empty() {
                        self.leave_head();
                    }
                }
                Mode::AfterHead => {
                    text = text.trim_start_matches(is_space);
                    if !text.is_empty() {
                        self.implied_body();
                    }
                }
                Mode::InBody => {
                    self.append_text(text, false);
                    return;
                }
            }
        }
    }

    fn start_tag(&mut self, tag: &Tag<'_>) -> Content {
        self.skip_newline = false;
        loop {
            match self.mode {
                Mode::BeforeHtml => {
                    if tag.name == "html" {
                        self.quirks.get_or_insert(true);
                        self.html = self.insert_tag(tag, false);
                        self.mode = Mode::BeforeHead;
                        return Content::Data;
                    }
                    self.implied_html();
                }
                Mode::BeforeHead => match tag.name {
                    "html" => {
                        self.merge_attrs(self.html, tag);
                        return Content::Data;
                    }
                    "head" => {
                        self.head = self.insert_tag(tag, false);
                        self.mode = Mode::InHead;
                        return Content::Data;
                    }
                    _ => self.implied_head(),
                },
                Mode::InHead => match tag.name {
                    "html" => {
                        self.merge_attrs(self.html, tag);
                        return Content::Data;
                    }
                    "head" => return Content::Data,
                    _ => match self.head_element(tag) {
                        Some(c) => return c,
                        // A template's content: read as in <body>.
                        None if self.count(TEMPLATE) > 0 => return self.in_body_start(tag),
                        None => self.leave_head(),
                    },
                },
                Mode::AfterHead => match tag.name {
                    "html" => {
                        self.merge_attrs(self.html, tag);
                        return Content::Data;
                    }
                    "body" => {
                        self.body = self.insert_tag(tag, false);
                        self.mode = Mode::InBody;
                        return Content::Data;
                    }
                    "head" | "frameset" => return Content::Data,
                    "base" | "basefont" | "bgsound" | "link" | "meta" | "noframes" | "script"
                    | "style" | "template" | "title" => {
                        // Back into <head> for this one element.
                        let head = self.head;
                        self.stack.push(head);
                        self.dom.push(head);
                        if let Some(atom) = self.doc.element(head).map(|e| e.name) {
                            if let Some(c) = open_slot(&mut self.open_count, atom) {
                                *c += 1;
                            }
                        }
                        let content = self.head_element(tag).unwrap_or(Content::Data);
                        self.remove(head);
                        return content;
                    }
                    _ => self.implied_body(),
                },
                Mode::InBody => return self.in_body_start(tag),
            }
        }
    }

    fn end_tag(&mut self, name: &str) {
        self.skip_newline = false;
        // The end of a raw-text element (the tokenizer only reports its own end tag).
        // A name no element has was never opened; the names with rules of their own are all interned
        // (names::KNOWN, the headings among them).
        let Some(atom) = self.doc.atoms.get(name) else {
            return;
        };
        if self.current_atom() == atom && self.flags(atom) & RAW != 0 {
            self.pop();
            return;
        }
        loop {
            match self.mode {
                Mode::BeforeHtml => {
                    if !matches!(name, "head" | "body" | "html" | "br") {
                        return;
                    }
                    self.implied_html();
                }
                Mode::BeforeHead => {
                    if !matches!(name, "head" | "body" | "html" | "br") {
                        return;
                    }
                    self.implied_head();
                }
                Mode::InHead if self.count(TEMPLATE) > 0 => {
                    self.in_body_end(name, atom);
                    return;
                }
                Mode::InHead => match name {
                    "head" => {
                        self.leave_head();
                        return;
                    }
                    "body" | "html" | "br" => self.leave_head(),
                    "template" => {
                        if let Some(pos) = self.named_in_scope(Scope::Default, TEMPLATE) {
                            self.pop_to(pos);
                        }
                        return;
                    }
                    _ => return,
                },
                Mode::AfterHead => {
                    if !matches!(name, "body" | "html" | "br") {
                        return;
                    }
                    self.implied_body();
                }
                Mode::InBody => {
                    self.in_body_end(name, atom);
                    return;
                }
            }
        }
    }

    fn in_foreign_content(&self) -> bool {
        self.in_foreign()
    }

    fn doctype(&mut self, doctype: &Doctype<'_>) {
        if self.mode == Mode::BeforeHtml && self.quirks.is_none() {
            self.quirks = Some(is_quirks(doctype));
        }
    }
}
