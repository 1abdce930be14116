//! Strict JSON text → [`Value`] (RFC 8259), for the pages' embedded state, policies and fingerprints.
//!
//! Accepts what serde_json accepts and rejects what it rejects (tests/json_parity.rs compares them):
//! no comments, trailing commas, leading zeros or lone surrogates in `\u` escapes; at most
//! [`MAX_DEPTH`] arrays and objects deep; a number too large for an `f64` is an error. Never panics:
//! every failure is an [`Error`] that says what was wrong and where.

use super::value::{Map, Number, Value};
use std::fmt;

/// Arrays and objects nested deeper than this are refused (serde_json's limit: no stack overflow on
/// hostile input).
pub const MAX_DEPTH: usize = 128;

/// Why a text is not JSON, and where (line and column counted from 1, columns in bytes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub kind: ErrorKind,
    pub line: usize,
    pub column: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// The text ended inside a value.
    Eof,
    ExpectedValue,
    ExpectedColon,
    ExpectedCommaOrEnd,
    KeyMustBeString,
    InvalidNumber,
    NumberOutOfRange,
    InvalidEscape,
    LoneSurrogate,
    ControlCharacter,
    TrailingCharacters,
    TooDeep,
}

impl ErrorKind {
    fn sentence(self) -> &'static str {
        match self {
            ErrorKind::Eof => "the text ends before the value does",
            ErrorKind::ExpectedValue => {
                "expected a value (an object, array, string, number, true, false or null)"
            }
            ErrorKind::ExpectedColon => "expected ':' after an object key",
            ErrorKind::ExpectedCommaOrEnd => "expected ',' or the end of the array or object",
            ErrorKind::KeyMustBeString => "an object key must be a string in double quotes",
            ErrorKind::InvalidNumber => "invalid number",
            ErrorKind::NumberOutOfRange => "number out of range",
            ErrorKind::InvalidEscape => "invalid escape in a string",
            ErrorKind::LoneSurrogate => {
                "a \\u escape holds half of a surrogate pair without the other half"
            }
            ErrorKind::ControlCharacter => {
                "a control character (U+0000 to U+001F) must be escaped in a string"
            }
            ErrorKind::TrailingCharacters => "text follows the value",
            ErrorKind::TooDeep => "arrays and objects are nested more than 128 deep",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.kind.sentence(),
            self.line,
            self.column
        )
    }
}

impl std::error::Error for Error {}

/// Reads `text` as one JSON value; only whitespace may follow it.
pub fn from_str(text: &str) -> Result<Value, Error> {
    let mut p = Parser::new(text);
    let v = p.value()?;
    p.ws();
    if p.pos < p.s.len() {
        return Err(p.error(ErrorKind::TrailingCharacters));
    }
    Ok(v)
}

/// Reads the JSON value at the start of `text` (after whitespace) and returns it with the byte
/// offset where it ends; whatever follows is left alone (a script's `{…};foo()`).
pub fn from_str_prefix(text: &str) -> Result<(Value, usize), Error> {
    let mut p = Parser::new(text);
    let v = p.value()?;
    Ok((v, p.pos))
}

struct Parser<'a> {
    src: &'a str,
    s: &'a [u8],
    pos: usize,
    depth: usize,
}

impl<'a> Parser<'a> {
    fn new(src: &'a str) -> Self {
        Parser {
            src,
            s: src.as_bytes(),
            pos: 0,
            depth: 0,
        }
    }

    fn error(&self, kind: ErrorKind) -> Error {
        let before = self.s.get(..self.pos).unwrap_or(self.s);
        // Lines are counted from 1, and so are the bytes after the last line break.
        let (mut line, mut column) = (1, 1);
        for &b in before {
            if b == b'\n' {
                line += 1;
                column = 1;
            } else {
                column += 1;
            }
        }
        Error { kind, line, column }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// The next byte after whitespace, or the end-of-text error.
    fn next_token(&mut self) -> Result<u8, Error> {
        self.ws();
        self.peek().ok_or_else(|| self.error(ErrorKind::Eof))
    }

    fn literal(&mut self, word: &[u8], v: Value) -> Result<Value, Error> {
        let end = self.pos + word.len();
        match self.s.get(self.pos..end) {
            Some(w) if w == word => {
                self.pos = end;
                Ok(v)
            }
            // A prefix of the word up to the end of the text: the text was cut short.
            _ if self.s.len() < end
                && word.starts_with(self.s.get(self.pos..).unwrap_or_default()) =>
            {
                self.pos = self.s.len();
                Err(self.error(ErrorKind::Eof))
            }
            _ => Err(self.error(ErrorKind::ExpectedValue)),
        }
    }

    fn value(&mut self) -> Result<Value, Error> {
        match self.next_token()? {
            b'{' => self.nested(Self::object),
            b'[' => self.nested(Self::array),
            b'"' => self.string().map(Value::String),
            b'-' | b'0'..=b'9' => self.number(),
            b't' => self.literal(b"true", Value::Bool(true)),
            b'f' => self.literal(b"false", Value::Bool(false)),
            b'n' => self.literal(b"null", Value::Null),
            _ => Err(self.error(ErrorKind::ExpectedValue)),
        }
    }

    /// Counts one level of nesting around `inner`.
    fn nested(&mut self, inner: fn(&mut Self) -> Result<Value, Error>) -> Result<Value, Error> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(self.error(ErrorKind::TooDeep));
        }
        self.pos += 1; // '{' or '['
        let v = inner(self);
        self.depth -= 1;
        v
    }

    fn array(&mut self) -> Result<Value, Error> {
        let mut items = Vec::new();
        if self.next_token()? == b']' {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            match self.next_token()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.error(ErrorKind::ExpectedCommaOrEnd)),
            }
        }
    }

    fn object(&mut self) -> Result<Value, Error> {
        // The pairs in text order; `Map::from_pairs` sorts them once at the end.
        let mut pairs = Vec::new();
        if self.next_token()? == b'}' {
            self.pos += 1;
            return Ok(Value::Object(Map::new()));
        }
        loop {
            if self.next_token()? != b'"' {
                return Err(self.error(ErrorKind::KeyMustBeString));
            }
            let key = self.string()?;
            if self.next_token()? != b':' {
                return Err(self.error(ErrorKind::ExpectedColon));
            }
            self.pos += 1;
            // A repeated key keeps its last value, as in serde_json.
            pairs.push((key, self.value()?));
            match self.next_token()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    return Ok(Value::Object(Map::from_pairs(pairs)));
                }
                _ => return Err(self.error(ErrorKind::ExpectedCommaOrEnd)),
            }
        }
    }

    /// A string from its opening quote; the text between escapes is copied as it is (it is UTF-8
    /// already, and every boundary is an ASCII byte).
    fn string(&mut self) -> Result<String, Error> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let start = self.pos;
            while self
                .peek()
                .is_some_and(|b| b != b'"' && b != b'\\' && b >= 0x20)
            {
                self.pos += 1;
            }
            out.push_str(self.src.get(start..self.pos).unwrap_or_default());
            match self.peek() {
                None => return Err(self.error(ErrorKind::Eof)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = self.escape()?;
                    out.push(c);
                }
                Some(_) => return Err(self.error(ErrorKind::ControlCharacter)),
            }
        }
    }

    /// The character of an escape, after its backslash.
    fn escape(&mut self) -> Result<char, Error> {
        let b = self.peek().ok_or_else(|| self.error(ErrorKind::Eof))?;
        self.pos += 1;
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return Err(self.error(ErrorKind::InvalidEscape)),
        })
    }

    /// `\uXXXX`, or a surrogate pair `\uD83D\uDE00`, after the `\u`.
    fn unicode_escape(&mut self) -> Result<char, Error> {
        let first = self.hex4()?;
        let code = match first {
            0xDC00..=0xDFFF => return Err(self.error(ErrorKind::LoneSurrogate)),
            0xD800..=0xDBFF => {
                if self.s.get(self.pos..self.pos + 2) != Some(b"\\u".as_slice()) {
                    let rest = self.s.get(self.pos..).unwrap_or_default();
                    return Err(if rest.len() < 2 && b"\\u".starts_with(rest) {
                        self.error(ErrorKind::Eof)
                    } else {
                        self.error(ErrorKind::LoneSurrogate)
                    });
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.error(ErrorKind::LoneSurrogate));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            other => other,
        };
        char::from_u32(code).ok_or_else(|| self.error(ErrorKind::LoneSurrogate))
    }

    fn hex4(&mut self) -> Result<u32, Error> {
        let mut v = 0;
        for _ in 0..4 {
            let b = self.peek().ok_or_else(|| self.error(ErrorKind::Eof))?;
            let d = char::from(b)
                .to_digit(16)
                .ok_or_else(|| self.error(ErrorKind::InvalidEscape))?;
            v = v * 16 + d;
            self.pos += 1;
        }
        Ok(v)
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`. Integers that fit 64 bits stay integers
    /// (`-0` is the float -0.0, as in serde_json); the rest become `f64`.
    fn number(&mut self) -> Result<Value, Error> {
        let start = self.pos;
        let neg = self.peek() == Some(b'-');
        if neg {
            self.pos += 1;
        }
        let int_start = self.pos;
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            None => return Err(self.error(ErrorKind::Eof)),
            Some(_) => return Err(self.error(ErrorKind::InvalidNumber)),
        }
        let int_end = self.pos;
        let mut integer = true;
        if self.peek() == Some(b'.') {
            integer = false;
            self.pos += 1;
            self.required_digits()?;
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            integer = false;
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.required_digits()?;
        }
        if integer {
            if let Some(n) = self.integer(int_start, int_end, neg) {
                return Ok(Value::Number(n));
            }
        }
        let text = self.src.get(start..self.pos).unwrap_or_default();
        match crate::float::parse_f64(text).and_then(Number::from_f64) {
            Some(n) => Ok(Value::Number(n)),
            None => Err(self.error(ErrorKind::NumberOutOfRange)),
        }
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
    }

    fn required_digits(&mut self) -> Result<(), Error> {
        match self.peek() {
            Some(b'0'..=b'9') => {
                self.digits();
                Ok(())
            }
            None => Err(self.error(ErrorKind::Eof)),
            Some(_) => Err(self.error(ErrorKind::InvalidNumber)),
        }
    }

    /// The integer's digits as a 64-bit number; `None` when it does not fit (or is -0).
    fn integer(&self, from: usize, to: usize, neg: bool) -> Option<Number> {
        let mut u: u64 = 0;
        for &b in self.s.get(from..to)? {
            u = u.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        }
        if !neg {
            return Some(Number::from(u));
        }
        match u {
            0 => None,
            // i64::MIN's magnitude is one more than i64::MAX.
            _ if u == 1 << 63 => Some(Number::from(i64::MIN)),
            _ => i64::try_from(u).ok().map(|i| Number::from(-i)),
        }
    }
}
