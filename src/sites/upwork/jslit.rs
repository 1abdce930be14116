//! A small, bounded reader for the JavaScript literal Nuxt 2 writes into `window.__NUXT__=…`.
//!
//! Nuxt 2 serialises its store with `devalue`, which emits either a plain object literal
//! (`{layout:"default",state:{…}}`: JSON with unquoted keys) or, when values repeat, an IIFE
//! `(function(a,b,c){return {…a…}}(null,false,"x"))` whose parameters stand for the arguments;
//! cyclic values add assignment statements before the `return` (`a.self=a;`). This reader
//! evaluates exactly that subset into a [`crate::json::Value`] — it never runs code. Anything else
//! (operators, regular expressions, unbalanced input) makes it give up with `None`.
//!
//! Limits keep hostile pages harmless: input size, nesting depth, and a node budget that also
//! counts every copy of a parameter, so `[a,a,a,…]` cannot expand exponentially.
//!
//! [`parse_nuxt_assignment`] leaves out catalogues: an object of more than [`CATALOGUE_ENTRIES`]
//! entries that are all plain values (strings, numbers, booleans, null) reads as `{}`. A store
//! carries the site's message catalogue and feature flags, tens of thousands of strings that the
//! adapter never reads, and building them was most of the time spent on a real-sized page; every
//! object the adapter reads (the profile, its stats, a contract) has tens of entries or nests.

use std::borrow::Cow;

use crate::json::{Map, Number, Value};

/// Larger scripts are not profile state (real pages carry 1–2 MB).
pub const MAX_INPUT: usize = 16 * 1024 * 1024;
/// Nesting deeper than this is rejected (as in the JSON parser, [`crate::json::MAX_DEPTH`]).
pub const MAX_DEPTH: usize = 128;
/// Values (and string bytes / 64) that one parse may produce, copies of parameters included.
pub const MAX_NODES: usize = 4_000_000;
/// At most this many `__NUXT__` parameters / arguments.
const MAX_PARAMS: usize = 20_000;
/// What each byte is to the scanners, as flag bits: one 256-byte table serves all three.
static BYTE_CLASSES: [u8; 256] = byte_classes();
/// Bytes that may end a run of string text: quotes, backslash, line breaks, '$' (in templates).
const STRING_STOP: u8 = 1;
/// Bytes that cannot be part of an ASCII name (letters, digits, '_' and '$' can).
const NOT_IN_NAME: u8 = 2;
/// Bytes that matter when skipping code: quotes, comment starts and brackets.
const CODE_STOP: u8 = 4;

/// The table of [`BYTE_CLASSES`].
// Only evaluated at compile time (for the static above), like `with_class`.
#[allow(clippy::indexing_slicing)]
const fn byte_classes() -> [u8; 256] {
    let mut out = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if !(c.is_ascii_alphanumeric() || c == b'_' || c == b'$') {
            out[b] = NOT_IN_NAME;
        }
        b += 1;
    }
    let out = with_class(out, b"\"'`\\\n\r$", STRING_STOP);
    with_class(out, b"\"'`/{}[]()", CODE_STOP)
}

/// `table` with the flag `class` added to each byte of `set`.
// Only evaluated at compile time: an index out of range fails the build.
#[allow(clippy::indexing_slicing)]
const fn with_class(mut table: [u8; 256], set: &[u8], class: u8) -> [u8; 256] {
    let mut i = 0;
    while i < set.len() {
        table[set[i] as usize] |= class;
        i += 1;
    }
    table
}

/// How many bytes at the start of `bytes` are not of the class `stop` (the scanners' inner loop, kept
/// plain so that it stays a tight loop even in a build optimised for size).
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
fn run_len(bytes: &[u8], stop: u8) -> usize {
    let mut n = 0;
    while let Some(&b) = bytes.get(n) {
        if BYTE_CLASSES
            .get(usize::from(b))
            .is_some_and(|class| class & stop != 0)
        {
            break;
        }
        n += 1;
    }
    n
}

/// How many bytes at the start of a string's text (after its opening `quote`) can be taken as they
/// are: the run ends at or before the first byte of [`STRING_STOP`] that matters in this string (its
/// own quote, a backslash, a line break, '$' in a template). Natively, eight bytes at a time: a
/// store's strings are most of the bytes [`parse_nuxt_assignment`] reads, twice (the IIFE's body is
/// skipped to its end before it is evaluated). The run may end early, at a tab or another control
/// byte, which [`Parser::string`] takes as text and goes on.
#[cfg(not(target_arch = "wasm32"))]
fn string_run(bytes: &[u8], quote: u8) -> usize {
    const ONES: u64 = u64::from_ne_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    // The high bit of each byte below `n` (n at most 0x80), exact up to the first one: bits above
    // it may be set by the borrow, which only the first one found is read past.
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH;
    if quote == b'`' {
        return run_len(bytes, STRING_STOP);
    }
    let (quotes, backslashes) = (ONES * u64::from(quote), ONES * u64::from(b'\\'));
    let mut n = 0;
    for chunk in bytes.chunks_exact(8) {
        // A chunk of eight always converts; were it not to, zero stops at once, as any stop byte.
        let w = <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes);
        let stops = below(w ^ quotes, 1) | below(w ^ backslashes, 1) | below(w, 0x20);
        if stops != 0 {
            return n + (stops.trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + bytes.get(n..).map_or(0, |rest| run_len(rest, STRING_STOP))
}

/// [`run_len`] with [`STRING_STOP`] in the wasm (no wider loop: the wasm's size is what counts there).
#[cfg(target_arch = "wasm32")]
fn string_run(bytes: &[u8], _quote: u8) -> usize {
    run_len(bytes, STRING_STOP)
}

/// A flat object with more entries than this is a catalogue, not profile data (see the module notes).
pub const CATALOGUE_ENTRIES: usize = 256;

/// Finds `__NUXT__ = <literal>` in a script's text and reads the literal.
pub fn parse_nuxt_assignment(script: &str) -> Option<Value> {
    if script.len() > MAX_INPUT {
        return None;
    }
    // The first occurrence may be a read (`if(window.__NUXT__)…`); try the first few.
    let mut rest = script;
    for _ in 0..8 {
        let at = rest.find("__NUXT__")?;
        rest = rest.get(at + "__NUXT__".len()..)?;
        if let Some(value) = rest.trim_start().strip_prefix('=') {
            // `==` is a comparison, not an assignment.
            if !value.starts_with('=') {
                if let Some(v) = parse(value, true) {
                    return Some(v);
                }
            }
        }
    }
    None
}

/// Reads one JavaScript literal expression from the start of `src` (trailing text is ignored).
pub fn parse_literal(src: &str) -> Option<Value> {
    parse(src, false)
}

/// [`parse_literal`]; with `skip_catalogues`, flat objects of more than [`CATALOGUE_ENTRIES`]
/// entries read as `{}`. Both fail on the same inputs and charge the same budget.
fn parse(src: &str, skip_catalogues: bool) -> Option<Value> {
    if src.len() > MAX_INPUT {
        return None;
    }
    let mut p = Parser {
        s: src.as_bytes(),
        src,
        pos: 0,
        depth: 0,
        budget: MAX_NODES,
        scopes: Vec::new(),
        skip_catalogues,
    };
    p.value()
}

struct Parser<'a> {
    s: &'a [u8],
    src: &'a str,
    pos: usize,
    depth: usize,
    budget: usize,
    /// The parameters of the functions being evaluated, innermost last.
    scopes: Vec<Scope>,
    /// Whether catalogues (big flat objects) are skipped rather than built.
    skip_catalogues: bool,
}

impl<'a> Parser<'a> {
    // The size-optimised build would call these for every byte: inlined, they cost a load and a test.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    /// Charges `n` nodes; once the budget is exceeded every later step fails too.
    fn spend(&mut self, n: usize) -> Option<()> {
        match self.budget.checked_sub(n) {
            Some(left) => {
                self.budget = left;
                Some(())
            }
            None => {
                self.budget = 0;
                None
            }
        }
    }

    /// Skips whitespace and comments.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    fn ws(&mut self) {
        // Most calls find a token right away (minified text has no spaces).
        if let Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b'/' | 0xC2 | 0xEF) = self.peek() {
            self.skip_ws();
        }
    }

    fn skip_ws(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) => self.pos += 1,
                Some(b'/') if self.s.get(self.pos + 1) == Some(&b'/') => {
                    while let Some(c) = self.peek() {
                        self.pos += 1;
                        if c == b'\n' {
                            break;
                        }
                    }
                }
                Some(b'/') if self.s.get(self.pos + 1) == Some(&b'*') => {
                    match self.src.get(self.pos + 2..).and_then(|r| r.find("*/")) {
                        Some(end) => self.pos += 2 + end + 2,
                        None => self.pos = self.s.len(),
                    }
                }
                Some(0xC2) if self.s.get(self.pos + 1) == Some(&0xA0) => self.pos += 2, // NBSP
                Some(0xEF) if self.s.get(self.pos + 1..self.pos + 3) == Some(&[0xBB, 0xBF]) => {
                    self.pos += 3
                } // BOM
                _ => break,
            }
        }
    }

    /// Skips whitespace and comments, then moves past `c` if it is next.
    fn eat(&mut self, c: u8) -> bool {
        self.ws();
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn ident(&mut self) -> Option<&'a str> {
        self.ws();
        let start = self.pos;
        let rest = self.src.get(start..)?;
        // ASCII names (nearly all of them) byte by byte; anything else through the char loop below.
        let bytes = rest.as_bytes();
        let ascii = match bytes.first() {
            Some(b'0'..=b'9') => 0,
            _ => run_len(bytes, NOT_IN_NAME),
        };
        if ascii > 0 && rest.as_bytes().get(ascii).is_none_or(|b| b.is_ascii()) {
            self.pos = start + ascii;
            return rest.get(..ascii);
        }
        let mut end = 0;
        for (i, c) in rest.char_indices() {
            let ok = c == '_'
                || c == '$'
                || c.is_alphabetic()
                || (i > 0 && (c.is_ascii_digit() || c == '\u{200C}' || c == '\u{200D}'));
            if !ok {
                break;
            }
            end = i + c.len_utf8();
        }
        if end == 0 {
            return None;
        }
        self.pos = start + end;
        Some(&rest[..end])
    }

    fn keyword_ahead(&self, kw: &str) -> bool {
        let Some(rest) = self.src.get(self.pos..) else {
            return false;
        };
        let Some(after) = rest.strip_prefix(kw) else {
            return false;
        };
        // A whole word: `functional` is a name, not `function`.
        !after
            .chars()
            .next()
            .is_some_and(|c| c == '_' || c == '$' || c.is_alphanumeric())
    }

    fn value(&mut self) -> Option<Value> {
        self.ws();
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        self.spend(1)?;
        let v = self.value_inner();
        self.depth -= 1;
        v
    }

    fn value_inner(&mut self) -> Option<Value> {
        match self.peek()? {
            b'{' => self.object(),
            b'[' => self.array(),
            b'"' | b'\'' | b'`' => {
                let s = self.string()?.into_owned();
                self.spend(s.len() / 64)?;
                Some(Value::String(s))
            }
            b'0'..=b'9' | b'.' | b'-' | b'+' => self.number(),
            b'!' => {
                // Minifiers write !0 / !1 for true / false.
                self.pos += 1;
                let v = self.value()?;
                Some(Value::Bool(!truthy(&v)))
            }
            b'(' => {
                self.pos += 1;
                self.ws();
                if self.keyword_ahead("function") {
                    self.iife(true)
                } else {
                    let v = self.value()?;
                    self.eat(b')').then_some(v)
                }
            }
            _ => self.word(),
        }
    }

    fn word(&mut self) -> Option<Value> {
        if self.keyword_ahead("function") {
            // `function(a){return …}(args)` without surrounding parentheses.
            return self.iife(false);
        }
        let name = self.ident()?;
        match name {
            "true" => return Some(Value::Bool(true)),
            "false" => return Some(Value::Bool(false)),
            "null" | "undefined" | "NaN" | "Infinity" => return Some(Value::Null),
            "void" => {
                self.value()?;
                return Some(Value::Null);
            }
            "new" => {
                // new Date(…), new Map([…]), new Set([…]): keep the first argument.
                let _ctor = self.ident()?;
                while self.eat(b'.') {
                    self.ident()?;
                }
                if !self.eat(b'(') {
                    return Some(Value::Null);
                }
                return self.items(b')').map(first);
            }
            _ => {}
        }
        // A parameter reference, or a call such as Object.create(null) / JSON.parse("…").
        let mut path = vec![name];
        while self.eat(b'.') {
            path.push(self.ident()?);
        }
        self.ws();
        if self.peek() == Some(b'(') {
            self.pos += 1;
            let args = self.items(b')')?;
            if matches!(path.as_slice(), ["JSON", "parse"]) {
                if let Some(Value::String(s)) = args.first() {
                    if s.len() > MAX_INPUT {
                        return None;
                    }
                    let v: Value = crate::json::from_str(s).ok()?;
                    let (n, _) = measure(&v, self.budget);
                    self.spend(n)?;
                    return Some(v);
                }
                return None;
            }
            return Some(first(args));
        }
        if path.len() == 1 {
            return self.lookup(name);
        }
        // Member access on a parameter (`a.b`): resolve it.
        let base = self.lookup(path.first()?)?;
        let mut cur = &base;
        for key in path.iter().skip(1) {
            match cur.get(key) {
                Some(v) => cur = v,
                None => return Some(Value::Null),
            }
        }
        Some(cur.clone())
    }

    /// The innermost parameter called `name`: (name, value, its size in nodes, its depth).
    fn param(&self, name: &str) -> Option<&Param> {
        for scope in self.scopes.iter().rev() {
            if let Some(i) = scope.find(name) {
                return scope.params.get(i);
            }
        }
        None
    }

    /// A parameter's value (a copy), charged to the budget; unknown names are `null`.
    fn lookup(&mut self, name: &str) -> Option<Value> {
        let found = self
            .param(name)
            .map(|(_, v, size, depth)| (v.clone(), *size, *depth));
        match found {
            Some((v, size, depth)) => {
                self.spend(size)?;
                if self.depth + depth > MAX_DEPTH {
                    return None;
                }
                Some(v)
            }
            None => Some(Value::Null),
        }
    }

    fn object(&mut self) -> Option<Value> {
        self.pos += 1; // '{'
        let mut map = Map::new();
        // Entries read so far, and whether all of them were plain values (a catalogue so far).
        let (mut entries, mut plain) = (0usize, true);
        loop {
            if self.eat(b'}') {
                return Some(Value::Object(map));
            }
            if plain && entries == CATALOGUE_ENTRIES && self.skip_catalogue_rest() {
                return Some(Value::Object(Map::new()));
            }
            let key = self.key()?.into_owned();
            let v = if self.eat(b':') {
                self.value()?
            } else if matches!(self.peek(), Some(b',' | b'}')) {
                // Shorthand `{a}`.
                self.lookup(&key)?
            } else {
                return None;
            };
            self.spend(key.len() / 64)?;
            entries += 1;
            plain = plain && !matches!(v, Value::Object(_) | Value::Array(_));
            map.insert(key, v);
            if !self.eat(b',') {
                return self.eat(b'}').then_some(Value::Object(map));
            }
        }
    }

    /// An object key: quoted, a number, or a name.
    fn key(&mut self) -> Option<Cow<'a, str>> {
        match self.peek()? {
            b'"' | b'\'' => self.string(),
            b'0'..=b'9' => {
                let start = self.pos;
                while self.peek().is_some_and(|c| c.is_ascii_digit() || c == b'.') {
                    self.pos += 1;
                }
                self.src.get(start..self.pos).map(Cow::Borrowed)
            }
            _ => self.ident().map(Cow::Borrowed),
        }
    }

    /// Inside an object that has had [`CATALOGUE_ENTRIES`] plain entries and has more: if all the
    /// rest are plain too, it is a catalogue; moves past its '}', charges what building the rest
    /// would have cost, and returns true. Otherwise (or on anything the full parse must judge, such
    /// as malformed input or the end of the budget) leaves the position and returns false.
    fn skip_catalogue_rest(&mut self) -> bool {
        if !self.skip_catalogues {
            return false;
        }
        let start = self.pos;
        if let Some(cost) = self.scan_plain_entries() {
            if self.budget >= cost {
                self.budget -= cost;
                return true;
            }
        }
        self.pos = start;
        false
    }

    /// Moves past entries up to and including the object's '}' without building them, and returns
    /// the nodes the full parse would charge for them; None as soon as a value is not plain (an
    /// object, array, call, operator or a parameter holding one of those).
    fn scan_plain_entries(&mut self) -> Option<usize> {
        let mut cost = 0usize;
        loop {
            if self.eat(b'}') {
                return Some(cost);
            }
            let key_cost = self.key()?.len() / 64;
            if !self.eat(b':') {
                return None; // shorthand `{a}` and malformed input: left to the full parse
            }
            self.ws();
            let value_cost = self.plain_value_cost()?;
            // `value` charges one node per value, `object` the key's length.
            cost = cost.saturating_add(1 + key_cost + value_cost);
            if !self.eat(b',') {
                return self.eat(b'}').then_some(cost);
            }
        }
    }

    /// A plain value (string, number, true, false, null, a parameter holding one of those) moved
    /// past, with what the full parse charges beyond its one node; None for anything else.
    fn plain_value_cost(&mut self) -> Option<usize> {
        match self.peek()? {
            b'"' | b'\'' | b'`' => Some(self.string()?.len() / 64),
            b'0'..=b'9' | b'.' | b'-' | b'+' => self.number().map(|_| 0),
            _ => {
                let name = self.ident()?;
                self.ws();
                if matches!(self.peek(), Some(b'.' | b'(')) {
                    return None;
                }
                match name {
                    "true" | "false" | "null" | "undefined" | "NaN" | "Infinity" => Some(0),
                    "void" | "new" | "function" => None,
                    _ => self.plain_parameter_cost(name),
                }
            }
        }
    }

    /// A parameter that holds a plain value: what a copy of it costs; unknown names read as null.
    fn plain_parameter_cost(&self, name: &str) -> Option<usize> {
        match self.param(name) {
            None => Some(0),
            Some((_, Value::Object(_) | Value::Array(_), ..)) => None,
            // `lookup` refuses a copy that would nest too deep; the entry's value sits one level below.
            Some((_, _, _, depth)) if self.depth + 1 + depth > MAX_DEPTH => None,
            Some((_, _, size, _)) => Some(*size),
        }
    }

    fn array(&mut self) -> Option<Value> {
        self.pos += 1; // '['
        self.items(b']').map(Value::Array)
    }

    /// A quoted string's value: borrowed from the source unless it has escapes or line breaks.
    fn string(&mut self) -> Option<Cow<'a, str>> {
        let quote = self.peek()?;
        self.pos += 1;
        // Most strings run to their closing quote without an escape: borrowed, never copied.
        let mut out: Option<String> = None;
        // Where the text not yet copied into `out` starts. Stops are ASCII, so every cut below is
        // on a char boundary.
        let mut from = self.pos;
        loop {
            let rest = self.s.get(self.pos..)?;
            self.pos += string_run(rest, quote);
            let c = self.peek()?;
            if c == quote {
                let text = self.src.get(from..self.pos)?;
                self.pos += 1;
                return Some(match out {
                    Some(mut o) => {
                        o.push_str(text);
                        Cow::Owned(o)
                    }
                    None => Cow::Borrowed(text),
                });
            }
            let special = matches!(c, b'\\' | b'\n' | b'\r') || (quote == b'`' && c == b'$');
            if !special {
                self.pos += 1; // the other quotes, and '$' outside a template, are text
                continue;
            }
            let o = out.get_or_insert_with(String::new);
            o.push_str(self.src.get(from..self.pos)?);
            self.pos += 1;
            match c {
                b'\\' => self.escape(o)?,
                b'\n' | b'\r' if quote != b'`' => return None,
                b'\n' | b'\r' => o.push(char::from(c)),
                _ => {
                    if self.peek() == Some(b'{') {
                        return None; // template interpolation is code
                    }
                    o.push('$');
                }
            }
            from = self.pos;
        }
    }

    /// `n` (at most 6) hex digits as a number.
    fn hex(&mut self, n: usize) -> Option<u32> {
        let mut v = 0;
        for i in 0..n {
            let digit = char::from(*self.s.get(self.pos + i)?).to_digit(16)?;
            v = v * 16 + digit;
        }
        self.pos += n;
        Some(v)
    }

    /// After a backslash: adds the character the escape stands for (a line continuation adds none).
    fn escape(&mut self, out: &mut String) -> Option<()> {
        let c = self.src.get(self.pos..)?.chars().next()?;
        self.pos += c.len_utf8();
        let ch = match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'b' => '\u{8}',
            'f' => '\u{c}',
            'v' => '\u{b}',
            '0' if !self.peek().is_some_and(|d| d.is_ascii_digit()) => '\0',
            'x' => char::from_u32(self.hex(2)?)?,
            // Surrogates that are not paired are not chars.
            'u' => char::from_u32(self.code_point()?).unwrap_or('\u{FFFD}'),
            '\r' => {
                // Line continuation.
                if self.peek() == Some(b'\n') {
                    self.pos += 1;
                }
                return Some(());
            }
            '\n' | '\u{2028}' | '\u{2029}' => return Some(()),
            other => other,
        };
        out.push(ch);
        Some(())
    }

    /// After `\u`: the code point of `XXXX` or `{X…}`, or of a surrogate pair `XXXX\uXXXX`; a high
    /// surrogate without its pair is returned as it is.
    fn code_point(&mut self) -> Option<u32> {
        let cp = if self.peek() == Some(b'{') {
            self.pos += 1;
            let end = self.src.get(self.pos..)?.find('}')?;
            if end == 0 || end > 6 {
                return None;
            }
            let v = self.hex(end)?;
            self.pos += 1;
            v
        } else {
            self.hex(4)?
        };
        if (0xD800..0xDC00).contains(&cp) {
            // A high surrogate: pair it with a following \uDC00–\uDFFF if there is one.
            let save = self.pos;
            if self.src.get(self.pos..self.pos + 2) == Some("\\u") {
                self.pos += 2;
                if let Some(lo) = self.hex(4).filter(|lo| (0xDC00..0xE000).contains(lo)) {
                    return Some(0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00));
                }
            }
            self.pos = save;
        }
        Some(cp)
    }

    fn number(&mut self) -> Option<Value> {
        let start = self.pos;
        let mut neg = false;
        if let Some(sign @ (b'-' | b'+')) = self.peek() {
            neg = sign == b'-';
            self.pos += 1;
            self.ws();
            if self.keyword_ahead("Infinity") {
                self.pos += "Infinity".len();
                return Some(Value::Null);
            }
        }
        let digits_start = self.pos;
        // Hex / octal / binary integers.
        let radix = match (self.peek(), self.s.get(self.pos + 1)) {
            (Some(b'0'), Some(b'x' | b'X')) => 16,
            (Some(b'0'), Some(b'o' | b'O')) => 8,
            (Some(b'0'), Some(b'b' | b'B')) => 2,
            _ => 10,
        };
        if radix != 10 {
            self.pos += 2;
            let ds = self.pos;
            while self.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
                self.pos += 1;
            }
            let v = int_in_radix(self.src.get(ds..self.pos)?, radix)?;
            return Some(Value::from(if neg { -v } else { v }));
        }
        let mut is_int = true;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        if self.peek() == Some(b'.') {
            is_int = false;
            self.pos += 1;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            is_int = false;
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            let es = self.pos;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
            if self.pos == es {
                return None;
            }
        }
        let text = self.src.get(digits_start..self.pos)?;
        if text.is_empty() || text == "." || self.pos - start > 400 {
            return None;
        }
        if is_int {
            if let Some(v) = int_in_radix(text, 10) {
                return Some(Value::from(if neg { -v } else { v }));
            }
        }
        let v = crate::float::parse_f64(text)?;
        let v = if neg { -v } else { v };
        Some(
            Number::from_f64(v)
                .map(Value::Number)
                .unwrap_or(Value::Null),
        )
    }

    /// Comma-separated values up to and including `close`: an array's items (`]`, which may have
    /// holes: `[,1]`) or a call's arguments (`)`, at most [`MAX_PARAMS`]).
    fn items(&mut self, close: u8) -> Option<Vec<Value>> {
        let mut out = Vec::new();
        loop {
            if self.eat(close) {
                return Some(out);
            }
            if close == b']' && self.peek() == Some(b',') {
                self.pos += 1;
                out.push(Value::Null);
                continue;
            }
            if close == b')' && out.len() >= MAX_PARAMS {
                return None;
            }
            out.push(self.value()?);
            if !self.eat(b',') {
                return self.eat(close).then_some(out);
            }
        }
    }

    /// After `function`: the parameter names and the byte range of the body (between braces);
    /// leaves the position after the closing brace.
    fn function_head_and_body(&mut self) -> Option<(Vec<String>, (usize, usize))> {
        self.pos += "function".len();
        self.ws();
        if self.peek() != Some(b'(') {
            self.ident()?; // a function name
        }
        if !self.eat(b'(') {
            return None;
        }
        let mut params = Vec::new();
        loop {
            if self.eat(b')') {
                break;
            }
            if params.len() >= MAX_PARAMS {
                return None;
            }
            params.push(self.ident()?.to_string());
            if !self.eat(b',') {
                if !self.eat(b')') {
                    return None;
                }
                break;
            }
        }
        if !self.eat(b'{') {
            return None;
        }
        let body_start = self.pos;
        self.skip_balanced(b'}')?;
        let body_end = self.pos - 1;
        Some((params, (body_start, body_end)))
    }

    /// Skips to just after the `close` that balances an already-consumed opener, minding strings
    /// and comments.
    fn skip_balanced(&mut self, close: u8) -> Option<()> {
        let mut stack: Vec<u8> = vec![close];
        loop {
            // Other bytes are skipped in one go.
            let rest = self.s.get(self.pos..)?;
            self.pos += run_len(rest, CODE_STOP);
            let c = self.peek()?;
            match c {
                b'"' | b'\'' | b'`' => {
                    self.string()?;
                    continue;
                }
                b'/' if matches!(self.s.get(self.pos + 1), Some(b'/' | b'*')) => {
                    self.ws();
                    continue;
                }
                b'{' => stack.push(b'}'),
                b'[' => stack.push(b']'),
                b'(' => stack.push(b')'),
                b'}' | b']' | b')' => {
                    if stack.pop() != Some(c) {
                        return None;
                    }
                    if stack.is_empty() {
                        self.pos += 1;
                        return Some(());
                    }
                }
                _ => {}
            }
            if stack.len() > MAX_DEPTH * 4 {
                return None;
            }
            self.pos += 1;
        }
    }

    /// A function called where it is written: `function(a,b){…}(args)`, or with `in_parens` (the
    /// '(' consumed) `(function(a,b){…}(args))` or `(function(a,b){…})(args)`.
    fn iife(&mut self, in_parens: bool) -> Option<Value> {
        let (params, body) = self.function_head_and_body()?;
        // In the second parenthesised form the parenthesis closes before the arguments.
        let closed = in_parens && self.eat(b')');
        if !self.eat(b'(') {
            return None;
        }
        let args = self.items(b')')?;
        if in_parens && !closed && !self.eat(b')') {
            return None;
        }
        self.call(params, body, args)
    }

    /// Binds the arguments and evaluates the body's assignments and `return` value.
    fn call(
        &mut self,
        params: Vec<String>,
        body: (usize, usize),
        args: Vec<Value>,
    ) -> Option<Value> {
        let after = self.pos;
        let mut args = args.into_iter();
        let mut bound = Vec::with_capacity(params.len());
        for name in params {
            let v = args.next().unwrap_or(Value::Null);
            let (size, depth) = measure(&v, MAX_NODES);
            bound.push((name, v, size, depth));
        }
        if self.scopes.len() >= 16 {
            return None;
        }
        self.scopes.push(Scope::new(bound));
        let saved_depth = self.depth;
        self.pos = body.0;
        let result = self.body(body.1);
        self.depth = saved_depth;
        self.scopes.pop();
        self.pos = after;
        result
    }

    /// Statements until `return <value>`; assignments `a.b.c=<value>` / `a[0]=<value>` are applied
    /// to the parameters; anything else is skipped to the next `;`.
    fn body(&mut self, end: usize) -> Option<Value> {
        loop {
            while self.eat(b';') {}
            if self.pos >= end {
                return Some(Value::Null);
            }
            if self.keyword_ahead("return") {
                self.pos += "return".len();
                let v = self.value()?;
                return (self.pos <= end).then_some(v);
            }
            let start = self.pos;
            if self.assignment().is_none() {
                self.pos = start;
                self.skip_statement(end)?;
            }
            if self.pos > end {
                return None;
            }
        }
    }

    fn assignment(&mut self) -> Option<()> {
        let name = self.ident()?.to_string();
        let mut path: Vec<String> = Vec::new();
        loop {
            self.ws();
            match self.peek() {
                Some(b'.') => {
                    self.pos += 1;
                    path.push(self.ident()?.to_string());
                }
                Some(b'[') => {
                    self.pos += 1;
                    let key = match self.value()? {
                        Value::String(s) => s,
                        Value::Number(n) => crate::json::to_string(&n),
                        _ => return None,
                    };
                    if !self.eat(b']') {
                        return None;
                    }
                    path.push(key);
                }
                _ => break,
            }
            if path.len() > MAX_DEPTH {
                return None;
            }
        }
        if !self.eat(b'=') || self.peek() == Some(b'=') {
            return None;
        }
        let v = self.value()?;
        // Only the innermost function's own parameters can be assigned to.
        let scope = self.scopes.last_mut()?;
        let at = scope.find(&name)?;
        let slot = scope.params.get_mut(at)?;
        if path.is_empty() {
            slot.1 = v;
        } else {
            let mut cur = &mut slot.1;
            for (i, key) in path.iter().enumerate() {
                let last = i + 1 == path.len();
                cur = match cur {
                    Value::Object(m) => {
                        if last {
                            m.insert(key.clone(), v);
                            break;
                        }
                        if !m.contains_key(key) {
                            m.insert(key.clone(), Value::Null);
                        }
                        m.get_mut(key)?
                    }
                    Value::Array(a) => {
                        // As a u32 (a parser the crate has anyway): below 100 000 it reads what a usize would.
                        let idx = key.parse::<u32>().ok().filter(|i| *i < 100_000)?;
                        let idx = usize::try_from(idx).ok()?;
                        while a.len() <= idx {
                            a.push(Value::Null);
                        }
                        let cell = a.get_mut(idx)?;
                        if last {
                            *cell = v;
                            break;
                        }
                        cell
                    }
                    _ => return None,
                };
            }
        }
        let (size, depth) = measure(&slot.1, MAX_NODES);
        if depth > MAX_DEPTH {
            return None;
        }
        slot.2 = size;
        slot.3 = depth;
        self.spend(size)?;
        Some(())
    }

    fn skip_statement(&mut self, end: usize) -> Option<()> {
        let mut depth = 0usize;
        while self.pos < end {
            match self.peek()? {
                b'"' | b'\'' | b'`' => {
                    self.string()?;
                    continue;
                }
                b'{' | b'[' | b'(' => depth += 1,
                b'}' | b']' | b')' => depth = depth.checked_sub(1)?,
                b';' if depth == 0 => {
                    self.pos += 1;
                    return Some(());
                }
                _ => {}
            }
            self.pos += 1;
        }
        Some(())
    }
}

/// A parameter: its name, its value, the value's size in nodes and its depth.
type Param = (String, Value, usize, usize);

/// One function's parameters, in order, and found by name through an index sorted by name: the
/// stores minifiers write take hundreds of parameters and refer to them tens of thousands of times
/// (a linear search took 600 parameters and 33 000 references to 50 ms natively).
struct Scope {
    params: Vec<Param>,
    /// Positions in `params`, by name, equal names in their order.
    by_name: Vec<usize>,
}

impl Scope {
    fn new(params: Vec<Param>) -> Scope {
        let by_name = crate::sort::sorted_order(
            params.len(),
            &mut |a, b| matches!((params.get(a), params.get(b)), (Some(x), Some(y)) if x.0 < y.0),
        );
        Scope { params, by_name }
    }

    /// The position of the parameter called `name`; of the last one if several are (as in JavaScript,
    /// where a repeated parameter name binds the later argument).
    fn find(&self, name: &str) -> Option<usize> {
        let past = self
            .by_name
            .partition_point(|&i| self.params.get(i).is_some_and(|p| p.0.as_str() <= name));
        let last = *self.by_name.get(past.checked_sub(1)?)?;
        (self.params.get(last)?.0 == name).then_some(last)
    }
}

/// `digits` (ASCII letters and digits, no sign) as an integer in `radix` (2 to 16): None when one is not a
/// digit of it or the value does not fit an i64, as `i64::from_str_radix` answers for such text (which the
/// wasm would otherwise link for this alone).
fn int_in_radix(digits: &str, radix: u32) -> Option<i64> {
    if digits.is_empty() {
        return None;
    }
    let mut v: i64 = 0;
    for b in digits.bytes() {
        let d = char::from(b).to_digit(radix)?;
        v = v.checked_mul(i64::from(radix))?.checked_add(i64::from(d))?;
    }
    Some(v)
}

/// The first of a call's arguments (what `new Date(…)` or `Object.freeze(…)` stands for); `null` without one.
fn first(args: Vec<Value>) -> Value {
    args.into_iter().next().unwrap_or(Value::Null)
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

/// (node count including string bytes / 64, nesting depth), counting stops at `limit`.
fn measure(v: &Value, limit: usize) -> (usize, usize) {
    fn walk(v: &Value, count: &mut usize, limit: usize, depth: usize, max_depth: &mut usize) {
        *count += 1;
        *max_depth = (*max_depth).max(depth);
        if *count > limit || depth > MAX_DEPTH * 2 {
            return;
        }
        match v {
            Value::String(s) => *count += s.len() / 64,
            Value::Array(a) => {
                for x in a {
                    walk(x, count, limit, depth + 1, max_depth);
                }
            }
            Value::Object(m) => {
                for (k, x) in m {
                    *count += k.len() / 64;
                    walk(x, count, limit, depth + 1, max_depth);
                }
            }
            _ => {}
        }
    }
    let (mut count, mut depth) = (0, 0);
    walk(v, &mut count, limit, 1, &mut depth);
    (count, depth)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integers_read_as_from_str_radix_reads_them() {
        for (t, radix) in [
            ("0", 10),
            ("0123", 10),
            ("9223372036854775807", 10),
            ("9223372036854775808", 10),
            ("99999999999999999999", 10),
            ("ff", 16),
            ("FF", 16),
            ("7fffffffffffffff", 16),
            ("8000000000000000", 16),
            ("fg", 16),
            ("777", 8),
            ("8", 8),
            ("1012", 2),
            ("", 10),
        ] {
            assert_eq!(
                int_in_radix(t, radix),
                i64::from_str_radix(t, radix).ok(),
                "{t} {radix}"
            );
        }
    }
    use crate::json::test_json as json;

    /// The bytes [`Parser::string`] must stop at in a string opened by `quote`.
    fn must_stop(b: u8, quote: u8) -> bool {
        b == quote || matches!(b, b'\\' | b'\n' | b'\r') || (quote == b'`' && b == b'$')
    }

    #[test]
    fn string_run_finds_every_byte_that_matters() {
        // One byte of every value at every place of a text of 'x' that is a whole number of words
        // long and one that is not (the rest is scanned byte by byte).
        for len in [24, 27] {
            for quote in [b'"', b'\'', b'`'] {
                for at in 0..len {
                    for b in 0..=255u8 {
                        let mut text = vec![b'x'; len];
                        text[at] = b;
                        let run = string_run(&text, quote);
                        if must_stop(b, quote) {
                            assert_eq!(run, at, "{b:#x} at {at} of {len}, quote {quote}");
                        } else if run != len {
                            // An early stop is allowed at a byte the loop then takes as text.
                            assert_eq!(run, at, "{b:#x} at {at} of {len}, quote {quote}");
                            assert!(
                                b < 0x20 || BYTE_CLASSES[usize::from(b)] & STRING_STOP != 0,
                                "{b:#x}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn strings_read_whole_at_every_offset_and_length() {
        // Escapes, quotes and multi-byte chars at every place relative to an eight-byte word, strings
        // that end with the input, and the same strings without their closing quote.
        let pieces = [
            "a",
            "é",
            "€",
            "😀",
            r"\t",
            r"{\\",
            r#"\""#,
            "'",
            "`",
            "$",
            "\t",
            r"\u00e9",
            r"\n",
            r"\x41",
            r"\u{1F600}",
            r"\r\n",
            r"\u2028",
            r"\uD83D\uDE00",
        ];
        let decoded = [
            "a", "é", "€", "😀", "\t", "{\\", "\"", "'", "`", "$", "\t", "é", "\n", "A", "😀",
            "\r\n", "\u{2028}", "😀",
        ];
        for pad in 0..17 {
            for (i, (piece, want)) in pieces.iter().zip(decoded).enumerate() {
                for tail in 0..10 {
                    let lit = format!("{}{piece}{}", "p".repeat(pad), "q".repeat(tail));
                    let value = format!("{}{want}{}", "p".repeat(pad), "q".repeat(tail));
                    // A raw tab is text too; and the next piece right after this one.
                    let next = pieces[(i + 1) % pieces.len()];
                    let next_want = decoded[(i + 1) % decoded.len()];
                    for (src, want) in [
                        (format!("\"{lit}\""), value.clone()),
                        (
                            format!("\"{lit}\t{next}\""),
                            format!("{value}\t{next_want}"),
                        ),
                    ] {
                        assert_eq!(parse_literal(&src), Some(Value::String(want)), "{src:?}");
                        let open = &src[..src.len() - 1];
                        assert_eq!(parse_literal(open), None, "{open:?}");
                    }
                }
            }
        }
        // In single quotes and in a template: the other quotes are text, '$' ends a template's run.
        assert_eq!(
            parse_literal("['it\\'s \"fine\" `here`', `cost: $5 'each' \"x\"`]"),
            Some(json!(["it's \"fine\" `here`", "cost: $5 'each' \"x\""]))
        );
        // Line breaks end a quoted string (an error), not a template.
        assert_eq!(parse_literal("\"abcdefghij\nk\""), None);
        assert_eq!(parse_literal("'abcdefghijk\rl'"), None);
        assert_eq!(
            parse_literal("`abcdefghij\nk`"),
            Some(Value::String("abcdefghij\nk".into()))
        );
    }

    #[test]
    fn plain_json_and_unquoted_keys() {
        assert_eq!(
            parse_literal(r#"{"a":1,"b":[true,null,"x"]}"#),
            Some(json!({"a":1,"b":[true,null,"x"]}))
        );
        assert_eq!(
            parse_literal(
                r#"{layout:"default",state:{n:-1.5e2,s:'it\'s',u:"\u003Cb\u003E",e:void 0,x:undefined},}"#
            ),
            Some(
                json!({"layout":"default","state":{"n":-150.0,"s":"it's","u":"<b>","e":null,"x":null}})
            )
        );
        assert_eq!(
            parse_literal("{$a_1:.5,'k-2':0x1F,3:[,1,]}"),
            Some(json!({"$a_1":0.5,"k-2":31,"3":[null,1]}))
        );
        assert_eq!(
            parse_literal("/* c */ { // line\n a : 1 }"),
            Some(json!({"a":1}))
        );
        assert_eq!(
            parse_literal("[\"\\uD83D\\uDE00\", \"\\u{1F600}\", \"\\uD800x\"]"),
            Some(json!(["😀", "😀", "\u{FFFD}x"]))
        );
    }

    #[test]
    fn parameters_are_found_by_name_among_hundreds() {
        // 700 names (p0 … p699) in an order that is not sorted, each bound to its own number; the body
        // reads a sample of them, a repeated name (the later argument wins, as in JavaScript), an
        // assignment to one parameter, an inner function whose parameter shadows an outer one, and a
        // name that is no parameter (null).
        let names: Vec<String> = (0..700).map(|i| format!("p{}", (i * 337) % 700)).collect();
        let args: Vec<String> = (0..700).map(|i| ((i * 337) % 700).to_string()).collect();
        let src = format!(
            "window.__NUXT__=(function({},dup,dup){{p5=\"five\";return {{a:p0,b:p699,c:p350,d:p5,e:dup,f:(function(p0,x){{return [p0,x,p1]}}(\"inner\",p2)),g:nope}}}}({},1,2));",
            names.join(","),
            args.join(",")
        );
        assert_eq!(
            parse_nuxt_assignment(&src),
            Some(json!({"a":0,"b":699,"c":350,"d":"five","e":2,"f":["inner",2,1],"g":null}))
        );
    }

    #[test]
    fn nuxt_iife_forms() {
        let src = r#"window.__NUXT__=(function(a,b,c,d){return {layout:"default",state:{p:{name:c,top:a,vals:[b,b],n:d}}}}(true,"x","Ada L.",null));"#;
        assert_eq!(
            parse_nuxt_assignment(src),
            Some(
                json!({"layout":"default","state":{"p":{"name":"Ada L.","top":true,"vals":["x","x"],"n":null}}})
            )
        );
        // Call outside the parentheses, assignments in the body, missing arguments, !0 / !1.
        let src = r#"window.__NUXT__ = (function (a, b, z) { a.self = b; a["k"] = 2; a.list[1] = !0; return {a: a, off: !1, z} })({list: [1, 2]}, "s");"#;
        assert_eq!(
            parse_nuxt_assignment(src),
            Some(json!({"a":{"list":[1,true],"self":"s","k":2},"off":false,"z":null}))
        );
        assert_eq!(
            parse_nuxt_assignment(
                "window.__NUXT__={a:new Date(1700000000000),b:Object.create(null)}"
            ),
            Some(json!({"a":1700000000000i64,"b":null}))
        );
        assert_eq!(
            parse_nuxt_assignment(r#"window.__NUXT__=JSON.parse("{\"a\":[1]}")"#),
            Some(json!({"a":[1]}))
        );
        // Body statements that are not assignments are skipped.
        assert_eq!(
            parse_nuxt_assignment("__NUXT__=(function(a){foo(1,2);return {a}}(5))"),
            Some(json!({"a":5}))
        );
    }

    #[test]
    fn calls_escapes_and_radix_numbers() {
        // The three ways of calling a function where it is written, with and without arguments.
        for src in [
            "function(a,b){return [a,b]}(1,[,2,])",
            "(function(a,b){return [a,b]}(1,[,2,]))",
            "(function(a,b){return [a,b]})(1,[,2,])",
        ] {
            assert_eq!(parse_literal(src), Some(json!([1, [null, 2]])), "{src}");
        }
        assert_eq!(
            parse_literal("(function(a){return a})()"),
            Some(json!(null))
        );
        // Names that only start with a keyword are names (unknown ones read as null).
        assert_eq!(
            parse_literal("{a:functional,b:function$,c:functionÄ}"),
            Some(json!({"a":null,"b":null,"c":null}))
        );
        assert_eq!(
            parse_literal("function(returnValue){returnValue=2;return returnValue}(1)"),
            Some(json!(2))
        );
        for bad in [
            "function(a){return a}",
            "(function(a){return a}(1)",
            "(function(a){return a})(1",
            "(function(a){return a}))(1)",
            "function(a){return a}(,1)",
            "[1,,2",
        ] {
            assert_eq!(parse_literal(bad), None, "{bad}");
        }
        // A call stands for its first argument, `null` without one.
        assert_eq!(
            parse_literal("[new Date(),new Map([1],2),Object.freeze(3,4),f()]"),
            Some(json!([null, [1], 3, null]))
        );
        // A numeric index assigns into an array; a name holds its value for later reads.
        assert_eq!(
            parse_literal("function(a){a[1]=\"x\";a[3]=2;return a}([0])"),
            Some(json!([0, "x", null, 2]))
        );
        assert_eq!(
            parse_literal(r#"["\x41\u0042\u{43}", "\x4", "\u00G1"]"#),
            None,
            "short or non-hex escapes fail"
        );
        assert_eq!(
            parse_literal(r#"["\x41\u0042\u{43}\u{1F600}", 'a\'b"c', `t$x`]"#),
            Some(json!(["ABC😀", "a'b\"c", "t$x"]))
        );
        assert_eq!(
            parse_literal("[0x1f,0XFF,0o17,0b101,-0x10,017,1.5,-2,1e3]"),
            Some(json!([31, 255, 15, 5, -16, 17, 1.5, -2, 1000.0]))
        );
        // Escapes that are not chars read as U+FFFD; line continuations add nothing.
        assert_eq!(
            parse_literal(r#"["\uDC00|\u{110000}|\uD83D\u{DE00}|\uD83D\uDE00"]"#),
            Some(json!(["\u{FFFD}|\u{FFFD}|\u{FFFD}\u{FFFD}|😀"]))
        );
        assert_eq!(
            parse_literal("[\"a\\\nb\\\r\nc\\0\\v\\b\\f\\q\\x7e\"]"),
            Some(json!(["abc\0\u{b}\u{8}\u{c}q~"]))
        );
        assert_eq!(parse_literal(r#""\u{}""#), None);
        assert_eq!(parse_literal(r#""\u{1234567}""#), None);
        assert_eq!(parse_literal("0x"), None);
        assert_eq!(parse_literal("0b102"), None);
    }

    #[test]
    fn rejects_garbage_and_code() {
        for bad in [
            "",
            "}{",
            "{a:}",
            "{a:1",
            "[1,2",
            "\"open",
            "{a:1+2}",
            "{a:`x${1}`}",
            "(function(){return 1}",
            "{a:/re/g}",
            "window.__NUXT__==1",
            "{'a\n':1}",
            "(function(a){return {}})",
            "-",
            "1e",
            "{a:[}",
            "(((",
        ] {
            let v = if bad.contains("__NUXT__") {
                parse_nuxt_assignment(bad)
            } else {
                parse_literal(bad)
            };
            assert!(v.is_none(), "{bad:?} gave {v:?}");
        }
        assert_eq!(parse_nuxt_assignment("var x = 1;"), None);
        assert_eq!(
            parse_nuxt_assignment("if(window.__NUXT__){}; window.__NUXT__={a:1}"),
            Some(json!({"a":1}))
        );
    }

    /// `{k0:"…",k1:…}`: a flat object of `n` plain entries (strings, numbers, booleans, null, a parameter).
    fn catalogue(n: usize) -> String {
        let entries: Vec<String> = (0..n)
            .map(|i| match i % 5 {
                0 => format!("k{i}:\"text {i} \\u00e9\""),
                1 => format!("'k{i}':{i}.5"),
                2 => format!("k{i}:!0"),
                3 => format!("k{i}:a"),
                _ => format!("{i}:null"),
            })
            .collect();
        format!("{{{}}}", entries.join(","))
    }

    #[test]
    fn catalogues_are_skipped_and_everything_else_kept() {
        let store = |messages: &str| {
            format!(
                r#"window.__NUXT__=(function(a,b){{return {{state:{{i18n:{{messages:{messages}}},profile:{{name:"Ada",stats:{{totalHours:12}}}},jobs:[{{title:"T",feedback:{{score:5,comment:b}}}}]}}}}}}("x","Great"))"#
            )
        };
        // More than CATALOGUE_ENTRIES plain entries: read as {} in the store, the rest as the full parse reads it.
        let big = store(&catalogue(CATALOGUE_ENTRIES + 1));
        let skipped = parse_nuxt_assignment(&big).unwrap();
        let full = parse_literal(big.trim_start_matches("window.__NUXT__=")).unwrap();
        assert_eq!(skipped["state"]["i18n"]["messages"], json!({}));
        assert_eq!(
            full["state"]["i18n"]["messages"].as_object().map(Map::len),
            Some(CATALOGUE_ENTRIES + 1)
        );
        for key in ["profile", "jobs"] {
            assert_eq!(skipped["state"][key], full["state"][key], "{key}");
        }
        assert_eq!(skipped["state"]["jobs"][0]["feedback"]["comment"], "Great");
        // Up to CATALOGUE_ENTRIES entries, or one value that is not plain, and the object is kept whole.
        for messages in [
            catalogue(CATALOGUE_ENTRIES),
            catalogue(CATALOGUE_ENTRIES + 40).replace("k300:!0", "k300:{x:1}"),
            catalogue(CATALOGUE_ENTRIES + 40).replace("k300:!0", "k300:[1]"),
            catalogue(CATALOGUE_ENTRIES + 40).replace("k300:!0", "k300:f(1)"),
            catalogue(CATALOGUE_ENTRIES + 40).replace("k300:!0", "k300"),
        ] {
            let src = store(&messages);
            assert_eq!(
                parse_nuxt_assignment(&src),
                parse_literal(src.trim_start_matches("window.__NUXT__=")),
                "{}",
                &messages[messages.len() - 60..]
            );
        }
        // A parameter that holds an object is not plain.
        let src = format!(
            "window.__NUXT__=(function(a){{return {}}}({{deep:1}}))",
            catalogue(CATALOGUE_ENTRIES + 40)
        );
        let v = parse_nuxt_assignment(&src).unwrap();
        assert_eq!(v["k3"], json!({"deep": 1}));
    }

    #[test]
    fn skipping_fails_where_the_full_parse_fails() {
        let good = format!("{{m:{},n:1}}", catalogue(CATALOGUE_ENTRIES * 3));
        assert!(parse(&good, true).is_some());
        // Every cut of the text, and malformed tails inside the catalogue: both readers agree.
        let mut cases: Vec<String> = (1..good.len())
            .step_by(7)
            .filter_map(|at| good.get(..at).map(str::to_string))
            .collect();
        for bad in [
            ",,", ":", "k:}", "k:\"open", "k:1+2", "k:`${x}`", "k:'\\x4'", "k:/re/",
        ] {
            cases.push(good.replacen("k600:", &format!("{bad},k600:"), 1));
        }
        for src in &cases {
            let tail = &src[src.len().saturating_sub(40)..];
            assert_eq!(
                parse(src, false).is_some(),
                parse(src, true).is_some(),
                "{tail}"
            );
        }
        // Bytes that matter to the grammar dropped in at random places: both readers agree, neither panics.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let marks = b"\"'`\\{}[](),:;!$/*\n0a.-";
        for _ in 0..300 {
            let mut bytes = good.clone().into_bytes();
            for _ in 0..1 + next() % 3 {
                let at = (next() % bytes.len() as u64) as usize;
                let mark = marks[(next() % marks.len() as u64) as usize];
                bytes[at] = mark;
            }
            let src = String::from_utf8(bytes).unwrap();
            assert_eq!(
                parse(&src, false).is_some(),
                parse(&src, true).is_some(),
                "{src}"
            );
        }
        // A parameter copied into a catalogue (after its first CATALOGUE_ENTRIES entries) near the
        // deepest level allowed: both readers refuse a copy that would nest too deep.
        let strings: Vec<String> = (0..CATALOGUE_ENTRIES + 5)
            .map(|i| format!("k{i}:\"v\""))
            .collect();
        let flat = format!("{{{},z:a}}", strings.join(","));
        let mut outcomes = Vec::new();
        for levels in MAX_DEPTH - 6..MAX_DEPTH {
            let deep = format!(
                "(function(a){{return {}{flat}{}}}(1))",
                "[".repeat(levels),
                "]".repeat(levels)
            );
            let full = parse(&deep, false).is_some();
            assert_eq!(full, parse(&deep, true).is_some(), "{levels} levels");
            outcomes.push(full);
        }
        assert!(outcomes.contains(&true) && outcomes.contains(&false));
        // The budget: copies of a 640 KB parameter (10,000 nodes each); the first CATALOGUE_ENTRIES
        // fit in it, all of them do not, in either mode.
        let copies: Vec<String> = (0..CATALOGUE_ENTRIES * 2)
            .map(|i| format!("k{i}:a"))
            .collect();
        let heavy = format!(
            "(function(a){{return {{{}}}}}(\"{}\"))",
            copies.join(","),
            "x".repeat(640_000)
        );
        assert!(CATALOGUE_ENTRIES * 10_001 < MAX_NODES && copies.len() * 10_001 > MAX_NODES);
        assert_eq!(parse(&heavy, false), None);
        assert_eq!(parse(&heavy, true), None);
    }

    #[test]
    fn limits_depth_size_and_expansion() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(parse_literal(&deep), None);
        let ok = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(parse_literal(&ok).is_some());
        let deep_obj = format!("{}1{}", "{a:".repeat(5_000), "}".repeat(5_000));
        assert_eq!(parse_literal(&deep_obj), None);
        let huge = format!("{{a:\"{}\"}}", "x".repeat(MAX_INPUT));
        assert_eq!(parse_literal(&huge), None);
        // Exponential expansion through parameters: each level doubles the copies.
        let mut src = String::from("(function(a){return ");
        let mut expr = String::from("a");
        for _ in 0..40 {
            expr = format!("[{expr},{expr}]");
            if expr.len() > 200_000 {
                break;
            }
        }
        src.push_str(&expr);
        src.push_str("}([1,2,3,4,5,6,7,8,9,10]))");
        let _ = parse_literal(&src); // must finish quickly, whatever it returns
        let mut blow = String::from("(function(a){");
        for _ in 0..64 {
            blow.push_str("a=[a,a];");
        }
        blow.push_str("return a}([1]))");
        assert_eq!(
            parse_literal(&blow),
            None,
            "self-doubling assignments run out of budget or depth"
        );
    }
}
