//! CSS selectors: parsed once per page (names resolved to the document's interned atoms) and matched
//! right to left. Supported: type and `*`, `#id`, `.class`, attribute selectors (`[a]`, `=`, `~=`, `|=`,
//! `^=`, `$=`, `*=`, with `i`/`s` flags), `:not()`, `:is()`/`:where()`, `:has()` (relative selectors),
//! `:first-child`, `:last-child`, `:only-child`, `:nth-child()`/`:nth-last-child()` (An+B), the `-of-type`
//! forms, `:root`, `:empty`, `:scope`, the four combinators and selector lists. Anything else (pseudo
//! elements, namespaces, `:hover`, ...) is invalid, so the whole selector matches nothing, as with the
//! `selectors` crate.

use super::dom::{Atoms, Document, Fnv, NONE};
use std::cell::OnceCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// A name resolved against the document: `Absent` when no element or attribute has it (nothing matches).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Name {
    Atom(u32),
    Absent,
}

impl Name {
    fn resolve(atoms: &Atoms, name: &str) -> Name {
        atoms.get(name).map_or(Name::Absent, Name::Atom)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Combinator {
    Descendant,
    Child,
    Next,
    Subsequent,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Exists,
    Equals,
    Includes,
    DashMatch,
    Prefix,
    Suffix,
    Substring,
}

#[derive(Debug, Clone)]
enum Simple {
    Type(Name),
    Id(String),
    Class(String),
    Attr {
        name: Name,
        op: Op,
        value: String,
        /// Values compared ignoring ASCII case.
        fold: bool,
    },
    Not(Vec<Complex>),
    Is(Vec<Complex>),
    Has(Vec<Relative>),
    Nth {
        a: i64,
        b: i64,
        from_end: bool,
        of_type: bool,
    },
    Root,
    Empty,
    Scope,
}

/// One compound selector (`a.b[c]`): all its parts must match one element.
#[derive(Debug, Clone, Default)]
struct Compound(Vec<Simple>);

/// A complex selector, stored right to left: `parts[0]` is the subject; `parts[k].1` says how
/// `parts[k]`'s element relates to `parts[k + 1]`'s.
#[derive(Debug, Clone)]
struct Complex {
    parts: Vec<(Compound, Combinator)>,
}

/// A relative selector in `:has()`: how its leftmost compound relates to the `:has` element.
#[derive(Debug, Clone)]
struct Relative {
    lead: Combinator,
    complex: Complex,
}

/// A parsed selector list.
#[derive(Debug, Clone)]
pub(crate) struct Selector(Vec<Complex>);

/// Attributes whose values HTML compares ignoring ASCII case in selectors (the HTML standard's list).
fn case_insensitive_attribute(name: &str) -> bool {
    matches!(
        name,
        "accept"
            | "accept-charset"
            | "align"
            | "alink"
            | "axis"
            | "bgcolor"
            | "charset"
            | "checked"
            | "clear"
            | "codetype"
            | "color"
            | "compact"
            | "declare"
            | "defer"
            | "dir"
            | "direction"
            | "disabled"
            | "enctype"
            | "face"
            | "frame"
            | "hreflang"
            | "http-equiv"
            | "lang"
            | "language"
            | "link"
            | "media"
            | "method"
            | "multiple"
            | "nohref"
            | "noresize"
            | "noshade"
            | "nowrap"
            | "readonly"
            | "rel"
            | "rev"
            | "rules"
            | "scope"
            | "scrolling"
            | "selected"
            | "shape"
            | "target"
            | "text"
            | "type"
            | "valign"
            | "valuetype"
            | "vlink"
    )
}

// ---------------------------------------------------------------------------------------------
// Parsing

/// Parses `css` against the document's names. `None`: invalid or unsupported.
pub(crate) fn parse(css: &str, atoms: &Atoms) -> Option<Selector> {
    let mut p = Parser {
        s: css.as_bytes(),
        src: css,
        pos: 0,
        atoms,
        depth: 0,
    };
    let list = p.list(false)?;
    p.skip_ws();
    (p.pos == p.s.len()).then_some(Selector(list))
}

struct Parser<'a> {
    s: &'a [u8],
    src: &'a str,
    pos: usize,
    atoms: &'a Atoms,
    /// Nesting of functional pseudo-classes (bounded: a selector is ours, but stay safe).
    depth: usize,
}

const MAX_NESTING: usize = 32;

fn is_ws(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

fn is_name_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}

fn is_name_char(c: u8) -> bool {
    is_name_start(c) || c.is_ascii_digit() || c == b'-'
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn peek_at(&self, k: usize) -> Option<u8> {
        self.s.get(self.pos + k).copied()
    }

    fn skip_ws(&mut self) -> bool {
        let start = self.pos;
        while self.peek().is_some_and(is_ws) {
            self.pos += 1;
        }
        self.pos > start
    }

    fn eat(&mut self, c: u8) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    /// A comma-separated list, up to the end or a ")" (not consumed).
    fn list(&mut self, relative: bool) -> Option<Vec<Complex>> {
        let mut out = Vec::new();
        loop {
            self.skip_ws();
            out.push(self.complex(relative)?.1);
            self.skip_ws();
            if !self.eat(b',') {
                return Some(out);
            }
        }
    }

    fn relative_list(&mut self) -> Option<Vec<Relative>> {
        let mut out = Vec::new();
        loop {
            self.skip_ws();
            let (lead, complex) = self.complex(true)?;
            out.push(Relative { lead, complex });
            self.skip_ws();
            if !self.eat(b',') {
                return Some(out);
            }
        }
    }

    fn combinator(&mut self) -> Option<Combinator> {
        match self.peek()? {
            b'>' => Some(Combinator::Child),
            b'+' => Some(Combinator::Next),
            b'~' => Some(Combinator::Subsequent),
            _ => None,
        }
        .inspect(|_| self.pos += 1)
    }

    /// A complex selector; with `relative`, an optional leading combinator (returned; descendant if none).
    fn complex(&mut self, relative: bool) -> Option<(Combinator, Complex)> {
        let mut lead = Combinator::Descendant;
        if relative {
            if let Some(c) = self.combinator() {
                lead = c;
                self.skip_ws();
            }
        }
        let mut compounds = vec![self.compound()?];
        // combs[i]: between compounds[i] and compounds[i + 1].
        let mut combs = Vec::new();
        loop {
            let ws = self.skip_ws();
            let comb = match self.peek() {
                None | Some(b',' | b')') => break,
                Some(_) => match self.combinator() {
                    Some(c) => {
                        self.skip_ws();
                        c
                    }
                    None if ws => Combinator::Descendant,
                    None => return None,
                },
            };
            combs.push(comb);
            compounds.push(self.compound()?);
        }
        // Right to left, each compound with the combinator to its left neighbour (the leftmost: `lead`).
        let parts = compounds
            .into_iter()
            .enumerate()
            .rev()
            .map(|(i, c)| {
                let to_left = i
                    .checked_sub(1)
                    .and_then(|j| combs.get(j).copied())
                    .unwrap_or(lead);
                (c, to_left)
            })
            .collect();
        Some((lead, Complex { parts }))
    }

    fn compound(&mut self) -> Option<Compound> {
        let mut simples = Vec::new();
        match self.peek() {
            Some(b'*') => {
                self.pos += 1;
                if self.peek() == Some(b'|') {
                    return None; // namespaces: unsupported
                }
            }
            Some(c) if self.starts_ident() || c == b'\\' => {
                let name = self.ident()?.to_ascii_lowercase();
                if self.peek() == Some(b'|') {
                    return None;
                }
                simples.push(Simple::Type(Name::resolve(self.atoms, &name)));
            }
            _ => {}
        }
        let typed = !simples.is_empty() || self.s.get(self.pos.wrapping_sub(1)) == Some(&b'*');
        let before = self.pos;
        loop {
            match self.peek() {
                Some(b'#') => {
                    self.pos += 1;
                    if !self.starts_ident() {
                        return None;
                    }
                    simples.push(Simple::Id(self.ident()?));
                }
                Some(b'.') => {
                    self.pos += 1;
                    if !self.starts_ident() {
                        return None;
                    }
                    simples.push(Simple::Class(self.ident()?));
                }
                Some(b'[') => {
                    self.pos += 1;
                    simples.push(self.attribute()?);
                }
                Some(b':') => {
                    self.pos += 1;
                    simples.push(self.pseudo()?);
                }
                _ => break,
            }
        }
        if !typed && self.pos == before {
            return None; // empty compound
        }
        Some(Compound(simples))
    }

    fn starts_ident(&self) -> bool {
        match self.peek() {
            Some(b'-') => match self.peek_at(1) {
                Some(b'-') => true,
                Some(b'\\') => true,
                Some(c) => is_name_start(c),
                None => false,
            },
            Some(b'\\') => self.peek_at(1).is_some_and(|c| c != b'\n'),
            Some(c) => is_name_start(c),
            None => false,
        }
    }

    /// A CSS identifier (escapes decoded).
    fn ident(&mut self) -> Option<String> {
        if !self.starts_ident() {
            return None;
        }
        let mut out = String::new();
        loop {
            let start = self.pos;
            while self.peek().is_some_and(is_name_char) {
                self.pos += 1;
            }
            out.push_str(self.src.get(start..self.pos)?);
            if self.peek() == Some(b'\\') && self.peek_at(1).is_some_and(|c| c != b'\n') {
                self.pos += 1;
                out.push(self.escape()?);
            } else {
                return Some(out);
            }
        }
    }

    /// After a backslash: a hex escape (1–6 digits, one optional space after) or the next character.
    fn escape(&mut self) -> Option<char> {
        let start = self.pos;
        while self.pos - start < 6 && self.peek().is_some_and(|c| c.is_ascii_hexdigit()) {
            self.pos += 1;
        }
        if self.pos > start {
            let v = u32::from_str_radix(self.src.get(start..self.pos)?, 16).ok()?;
            self.eat_one_ws();
            let c = match v {
                0 => '\u{FFFD}',
                v => char::from_u32(v).unwrap_or('\u{FFFD}'),
            };
            return Some(c);
        }
        let c = self.src.get(self.pos..)?.chars().next()?;
        self.pos += c.len_utf8();
        Some(c)
    }

    fn eat_one_ws(&mut self) {
        if self.peek_at(0) == Some(b'\r') && self.peek_at(1) == Some(b'\n') {
            self.pos += 2;
        } else if self.peek().is_some_and(is_ws) {
            self.pos += 1;
        }
    }

    fn string(&mut self) -> Option<String> {
        let quote = self.peek()?;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let start = self.pos;
            while self
                .peek()
                .is_some_and(|c| c != quote && c != b'\\' && c != b'\n')
            {
                self.pos += 1;
            }
            out.push_str(self.src.get(start..self.pos)?);
            match self.peek() {
                Some(c) if c == quote => {
                    self.pos += 1;
                    return Some(out);
                }
                None => return Some(out), // unterminated at the end: cssparser accepts it
                Some(b'\\') => {
                    self.pos += 1;
                    match self.peek() {
                        Some(b'\n') => self.pos += 1, // an escaped newline continues the string
                        None => return Some(out),
                        Some(_) => out.push(self.escape()?),
                    }
                }
                Some(_) => return None, // a raw newline
            }
        }
    }

    fn attribute(&mut self) -> Option<Simple> {
        self.skip_ws();
        let raw = self.ident()?;
        if self.peek() == Some(b'|') && self.peek_at(1) != Some(b'=') {
            return None;
        }
        let lower = raw.to_ascii_lowercase();
        let name = Name::resolve(self.atoms, &lower);
        self.skip_ws();
        let op = match (self.peek()?, self.peek_at(1)) {
            (b']', _) => {
                self.pos += 1;
                return Some(Simple::Attr {
                    name,
                    op: Op::Exists,
                    value: String::new(),
                    fold: false,
                });
            }
            (b'=', _) => {
                self.pos += 1;
                Op::Equals
            }
            (c, Some(b'=')) => {
                self.pos += 2;
                match c {
                    b'~' => Op::Includes,
                    b'|' => Op::DashMatch,
                    b'^' => Op::Prefix,
                    b'$' => Op::Suffix,
                    b'*' => Op::Substring,
                    _ => return None,
                }
            }
            _ => return None,
        };
        self.skip_ws();
        let value = match self.peek()? {
            b'"' | b'\'' => self.string()?,
            _ => self.ident()?,
        };
        self.skip_ws();
        let mut fold = case_insensitive_attribute(&lower);
        if self.starts_ident() {
            let flag = self.ident()?;
            if flag.eq_ignore_ascii_case("i") {
                fold = true;
            } else if flag.eq_ignore_ascii_case("s") {
                fold = false;
            } else {
                return None;
            }
            self.skip_ws();
        }
        if !self.eat(b']') {
            return None;
        }
        Some(Simple::Attr {
            name,
            op,
            value,
            fold,
        })
    }

    fn pseudo(&mut self) -> Option<Simple> {
        if self.peek() == Some(b':') {
            return None; // pseudo-elements: unsupported
        }
        let name = self.ident()?.to_ascii_lowercase();
        if !self.eat(b'(') {
            return Some(match name.as_str() {
                "first-child" => nth(0, 1, false, false),
                "last-child" => nth(0, 1, true, false),
                "first-of-type" => nth(0, 1, false, true),
                "last-of-type" => nth(0, 1, true, true),
                "only-child" => only(false),
                "only-of-type" => only(true),
                "root" => Simple::Root,
                "empty" => Simple::Empty,
                "scope" => Simple::Scope,
                _ => return None,
            });
        }
        self.depth += 1;
        if self.depth > MAX_NESTING {
            return None;
        }
        self.skip_ws();
        let simple = match name.as_str() {
            "not" => Simple::Not(self.list(false)?),
            "is" | "where" => Simple::Is(self.list(false)?),
            "has" => Simple::Has(self.relative_list()?),
            "nth-child" | "nth-last-child" | "nth-of-type" | "nth-last-of-type" => {
                let close = self.pos + self.s.get(self.pos..)?.iter().position(|&c| c == b')')?;
                let (a, b) = an_plus_b(self.src.get(self.pos..close)?)?;
                self.pos = close;
                nth(a, b, name.contains("last"), name.ends_with("of-type"))
            }
            _ => return None,
        };
        self.depth -= 1;
        self.skip_ws();
        self.eat(b')').then_some(simple)
    }
}

fn nth(a: i64, b: i64, from_end: bool, of_type: bool) -> Simple {
    Simple::Nth {
        a,
        b,
        from_end,
        of_type,
    }
}

/// `:only-child` is `:first-child:last-child`: `:is()` of one compound holding both.
fn only(of_type: bool) -> Simple {
    Simple::Is(vec![Complex {
        parts: vec![(
            Compound(vec![nth(0, 1, false, of_type), nth(0, 1, true, of_type)]),
            Combinator::Descendant,
        )],
    }])
}

/// Parses the An+B microsyntax (`odd`, `even`, `3`, `-n+2`, `2n - 1`, ...).
fn an_plus_b(s: &str) -> Option<(i64, i64)> {
    let t: String = s.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    let t = t.to_ascii_lowercase();
    match t.as_str() {
        "odd" => return Some((2, 1)),
        "even" => return Some((2, 0)),
        "" => return None,
        _ => {}
    }
    // Whitespace is allowed only around the sign of B, not inside numbers: check on the original.
    if s.trim()
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|p| !p.is_empty())
        .count()
        > 3
    {
        return None;
    }
    let number = |x: &str| -> Option<i64> {
        if x.is_empty() || !x.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        x.parse::<i64>().ok().map(|v| v.min(1 << 31))
    };
    let signed = |x: &str| -> Option<i64> {
        match x.strip_prefix('-') {
            Some(r) => number(r).map(|v| -v),
            None => number(x.strip_prefix('+').unwrap_or(x)),
        }
    };
    match t.find('n') {
        None => Some((0, signed(&t)?)),
        Some(i) => {
            let (a, rest) = (t.get(..i)?, t.get(i + 1..)?);
            let a = match a {
                "" | "+" => 1,
                "-" => -1,
                _ => signed(a)?,
            };
            let b = match rest {
                "" => 0,
                _ if rest.starts_with('+') || rest.starts_with('-') => signed(rest)?,
                _ => return None,
            };
            Some((a, b))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Matching

/// Indexes of a document by id and by class, built on first use (many queries need neither).
#[derive(Default)]
pub(crate) struct LazyIndexes {
    ids: OnceCell<Index>,
    classes: OnceCell<Index>,
}

/// The elements of each id or class, in document order. Hashed with FNV as the atoms are (a name is
/// hashed for every occurrence while the index is built, and SipHash was a tenth of that).
type Index = HashMap<String, Vec<u32>, BuildHasherDefault<Fnv>>;

impl LazyIndexes {
    fn ids(&self, doc: &Document) -> &Index {
        self.ids.get_or_init(|| {
            let mut map = Index::default();
            if let Some(a) = doc.atoms.get("id") {
                for &el in doc
                    .by_attr
                    .get(a as usize)
                    .map(Vec::as_slice)
                    .unwrap_or_default()
                {
                    if let Some(v) = doc.attr_by_atom(el, a) {
                        map.entry(v.to_string()).or_default().push(el);
                    }
                }
            }
            map
        })
    }

    fn classes(&self, doc: &Document) -> &Index {
        self.classes.get_or_init(|| {
            let mut map = Index::default();
            if let Some(a) = doc.atoms.get("class") {
                for &el in doc
                    .by_attr
                    .get(a as usize)
                    .map(Vec::as_slice)
                    .unwrap_or_default()
                {
                    let Some(v) = doc.attr_by_atom(el, a) else {
                        continue;
                    };
                    for c in html_words(v) {
                        // A name is copied only the first time it is seen.
                        match map.get_mut(c) {
                            // A class written twice on one element is indexed once.
                            Some(list) if list.last() != Some(&el) => list.push(el),
                            Some(_) => {}
                            None => {
                                map.insert(c.to_string(), vec![el]);
                            }
                        }
                    }
                }
            }
            map
        })
    }
}

/// The result of matching the left part of a complex selector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Match,
    /// Not from here; another choice for the parts to the right may still match.
    NoMatch,
    /// Not from here nor from any other choice: the element cannot match.
    NoMatchAnywhere,
}

/// What the subject compound can be narrowed to.
enum Candidates<'d> {
    List(&'d [u32]),
    All,
    Nothing,
}

pub(crate) struct Matcher<'d> {
    pub doc: &'d Document,
    /// The `:scope` element (the root when the query is over the whole document).
    pub scope: u32,
    class_atom: Option<u32>,
    id_atom: Option<u32>,
}

impl<'d> Matcher<'d> {
    pub fn new(doc: &'d Document, scope: u32) -> Matcher<'d> {
        Matcher {
            doc,
            scope,
            class_atom: doc.atoms.get("class"),
            id_atom: doc.atoms.get("id"),
        }
    }

    /// Elements in `from..to` matching `sel`, in document order, each once.
    pub fn select(&self, sel: &Selector, idx: &'d LazyIndexes, from: u32, to: u32) -> Vec<u32> {
        let mut out = Vec::new();
        for complex in &sel.0 {
            let Some((subject, _)) = complex.parts.first() else {
                continue;
            };
            let mut check = |el: u32| {
                if self.compound(el, subject) && self.rest(el, &complex.parts, 0, None) {
                    out.push(el);
                }
            };
            match self.candidates(subject, idx) {
                Candidates::Nothing => {}
                Candidates::All => (from..to).for_each(&mut check),
                Candidates::List(list) => {
                    let a = list.partition_point(|&e| e < from);
                    let b = list.partition_point(|&e| e < to);
                    list.get(a..b)
                        .unwrap_or_default()
                        .iter()
                        .copied()
                        .for_each(&mut check);
                }
            }
        }
        if sel.0.len() > 1 {
            out.sort_unstable();
            out.dedup();
        }
        out
    }

    fn candidates(&self, subject: &Compound, idx: &'d LazyIndexes) -> Candidates<'d> {
        let mut best: Option<&'d [u32]> = None;
        let mut consider = |list: Option<&'d [u32]>| -> bool {
            let list = list.unwrap_or_default();
            if best.is_none_or(|b| list.len() < b.len()) {
                best = Some(list);
            }
            list.is_empty()
        };
        for s in &subject.0 {
            let empty = match s {
                Simple::Id(id) => consider(idx.ids(self.doc).get(id).map(Vec::as_slice)),
                Simple::Class(c) => consider(idx.classes(self.doc).get(c).map(Vec::as_slice)),
                Simple::Type(Name::Atom(a)) => {
                    consider(self.doc.by_tag.get(*a as usize).map(Vec::as_slice))
                }
                Simple::Attr {
                    name: Name::Atom(a),
                    ..
                } => consider(self.doc.by_attr.get(*a as usize).map(Vec::as_slice)),
                Simple::Type(Name::Absent)
                | Simple::Attr {
                    name: Name::Absent, ..
                } => true,
                _ => false,
            };
            if empty {
                return Candidates::Nothing;
            }
        }
        best.map_or(Candidates::All, Candidates::List)
    }

    /// Whether the rest of the complex selector (left of `parts[k]`, already matched at `el`) matches.
    /// `anchor`: for a relative selector, the `:has` element and how the leftmost part relates to it.
    fn rest(
        &self,
        el: u32,
        parts: &[(Compound, Combinator)],
        k: usize,
        anchor: Option<(u32, Combinator)>,
    ) -> bool {
        self.rest_from(el, parts, k, anchor) == Outcome::Match
    }

    /// [`Self::rest`], telling apart a failure no other choice further right can fix: when a descendant
    /// search runs out of ancestors, a higher choice for the parts to its right has fewer ancestors
    /// still, so the whole match fails at once (without this, `a b c` on a deep page retries every
    /// ancestor of every ancestor).
    fn rest_from(
        &self,
        el: u32,
        parts: &[(Compound, Combinator)],
        k: usize,
        anchor: Option<(u32, Combinator)>,
    ) -> Outcome {
        let Some((_, comb)) = parts.get(k) else {
            return Outcome::NoMatch;
        };
        let Some((next, _)) = parts.get(k + 1) else {
            return match anchor {
                None => Outcome::Match,
                Some((a, lead)) if self.related(el, a, lead) => Outcome::Match,
                Some(_) => Outcome::NoMatch,
            };
        };
        let doc = self.doc;
        let step = |x: u32| {
            if self.compound(x, next) {
                self.rest_from(x, parts, k + 1, anchor)
            } else {
                Outcome::NoMatch
            }
        };
        match comb {
            Combinator::Child => match doc.parent(el) {
                NONE => Outcome::NoMatchAnywhere,
                p => step(p),
            },
            Combinator::Descendant => {
                let mut p = doc.parent(el);
                while p != NONE {
                    match step(p) {
                        Outcome::NoMatch => p = doc.parent(p),
                        done => return done,
                    }
                }
                Outcome::NoMatchAnywhere
            }
            Combinator::Next => match doc.element(el).map_or(NONE, |e| e.prev) {
                NONE => Outcome::NoMatch,
                s => step(s),
            },
            Combinator::Subsequent => {
                let mut s = doc.element(el).map_or(NONE, |e| e.prev);
                while s != NONE {
                    match step(s) {
                        Outcome::NoMatch => s = doc.element(s).map_or(NONE, |e| e.prev),
                        done => return done,
                    }
                }
                Outcome::NoMatch
            }
        }
    }

    /// Whether `el` stands in relation `lead` to `anchor` (`anchor lead el`).
    fn related(&self, el: u32, anchor: u32, lead: Combinator) -> bool {
        let doc = self.doc;
        match lead {
            Combinator::Descendant => anchor < el && el < doc.end(anchor),
            Combinator::Child => doc.parent(el) == anchor,
            Combinator::Next => doc.element(el).is_some_and(|e| e.prev == anchor),
            Combinator::Subsequent => {
                anchor < el && doc.parent(el) == doc.parent(anchor) && anchor != el
            }
        }
    }

    fn complex_matches(&self, el: u32, c: &Complex) -> bool {
        c.parts
            .first()
            .is_some_and(|(subject, _)| self.compound(el, subject))
            && self.rest(el, &c.parts, 0, None)
    }

    fn compound(&self, el: u32, c: &Compound) -> bool {
        c.0.iter().all(|s| self.simple(el, s))
    }

    fn simple(&self, el: u32, s: &Simple) -> bool {
        let doc = self.doc;
        match s {
            Simple::Type(Name::Atom(a)) => doc.element(el).is_some_and(|e| e.name == *a),
            Simple::Type(Name::Absent) => false,
            Simple::Id(id) => self
                .id_atom
                .and_then(|a| doc.attr_by_atom(el, a))
                .is_some_and(|v| v == id),
            Simple::Class(c) => self
                .class_atom
                .and_then(|a| doc.attr_by_atom(el, a))
                .is_some_and(|v| v.split(is_html_space).any(|x| x == c)),
            Simple::Attr {
                name,
                op,
                value,
                fold,
            } => {
                let Name::Atom(a) = name else {
                    return false;
                };
                doc.attr_by_atom(el, *a)
                    .is_some_and(|v| attr_matches(v, *op, value, *fold))
            }
            Simple::Not(list) => !list.iter().any(|c| self.complex_matches(el, c)),
            Simple::Is(list) => list.iter().any(|c| self.complex_matches(el, c)),
            Simple::Has(list) => list.iter().any(|r| self.has(el, r)),
            Simple::Nth {
                a,
                b,
                from_end,
                of_type,
            } => {
                let pos = self.position(el, *from_end, *of_type);
                let (a, b) = (*a, *b);
                if a == 0 {
                    pos == b
                } else {
                    let d = pos - b;
                    d % a == 0 && d / a >= 0
                }
            }
            Simple::Root => doc.parent(el) == NONE,
            Simple::Empty => doc.end(el) == el + 1 && doc.text_of(el).is_empty(),
            Simple::Scope => el == self.scope,
        }
    }

    /// Position among siblings (from 1), counted from the start or the end, of all or of this type.
    fn position(&self, el: u32, from_end: bool, of_type: bool) -> i64 {
        let doc = self.doc;
        let Some(e) = doc.element(el) else {
            return 0;
        };
        if !of_type {
            if !from_end {
                return i64::from(e.index);
            }
            // From the end: the parent knows how many children it has (the root has no siblings).
            let count = doc.element(e.parent).map_or(1, |p| p.children);
            return i64::from(count) - i64::from(e.index) + 1;
        }
        let mut n = 1;
        let mut s = if from_end { doc.next(el) } else { e.prev };
        while let Some(sib) = doc.element(s) {
            if !of_type || sib.name == e.name {
                n += 1;
            }
            s = if from_end { doc.next(s) } else { sib.prev };
        }
        n
    }

    fn has(&self, el: u32, r: &Relative) -> bool {
        let doc = self.doc;
        let Some((subject, _)) = r.complex.parts.first() else {
            return false;
        };
        let (from, to) = match r.lead {
            Combinator::Descendant | Combinator::Child => (el + 1, doc.end(el)),
            Combinator::Next | Combinator::Subsequent => {
                let parent_end = match doc.parent(el) {
                    NONE => doc.len(),
                    p => doc.end(p),
                };
                (doc.end(el), parent_end)
            }
        };
        (from..to).any(|x| {
            self.compound(x, subject) && self.rest(x, &r.complex.parts, 0, Some((el, r.lead)))
        })
    }
}

fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0c' | '\r')
}

/// The non-empty words of `v` between [`is_html_space`] characters, as `v.split(is_html_space)`
/// without the empty ones, found byte by byte (the spaces are ASCII, so every cut is on a char
/// boundary): the class index splits every class attribute of the page.
fn html_words(v: &str) -> impl Iterator<Item = &str> {
    let space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0c' | b'\r');
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = v.as_bytes().get(at..)?;
        let start = at + rest.iter().position(|b| !space(b))?;
        let len = v
            .as_bytes()
            .get(start..)?
            .iter()
            .position(space)
            .unwrap_or(v.len() - start);
        at = start + len;
        v.get(start..at)
    })
}

fn attr_matches(v: &str, op: Op, want: &str, fold: bool) -> bool {
    let eq = |a: &str, b: &str| {
        if fold {
            a.eq_ignore_ascii_case(b)
        } else {
            a == b
        }
    };
    match op {
        Op::Exists => true,
        Op::Equals => eq(v, want),
        Op::Includes => {
            !want.is_empty()
                && !want.contains(is_html_space)
                && v.split(is_html_space).any(|w| eq(w, want))
        }
        Op::DashMatch => {
            eq(v, want)
                || (v.len() > want.len()
                    && v.as_bytes().get(want.len()) == Some(&b'-')
                    && v.get(..want.len()).is_some_and(|p| eq(p, want)))
        }
        Op::Prefix => {
            !want.is_empty()
                && v.len() >= want.len()
                && v.get(..want.len()).is_some_and(|p| eq(p, want))
        }
        Op::Suffix => {
            !want.is_empty()
                && v.len() >= want.len()
                && v.get(v.len() - want.len()..).is_some_and(|p| eq(p, want))
        }
        Op::Substring => {
            !want.is_empty()
                && if fold {
                    v.to_ascii_lowercase().contains(&want.to_ascii_lowercase())
                } else {
                    v.contains(want)
                }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_words_are_the_non_empty_pieces_of_a_split() {
        for v in [
            "",
            " ",
            "a",
            "a b",
            "  a\t\tb\n\x0cc\r ",
            "\x0b a\x0bb \u{a0}c\u{a0} ",
            "é  ü-ß\u{2003}x",
            "trailing ",
            " leading",
            "one-word-only",
        ] {
            let want: Vec<&str> = v.split(is_html_space).filter(|w| !w.is_empty()).collect();
            assert_eq!(html_words(v).collect::<Vec<_>>(), want, "{v:?}");
        }
    }
}
