//! The JSON value tree: what the parser builds and the adapters read.
//!
//! Its API follows serde_json's `Value` (which HireCheck used before), so that adapter code reads the
//! same: objects keep their keys sorted (as serde_json's default `Map`, a `BTreeMap`), and a number
//! remembers whether it was written as an integer (`as_u64` on `3.0` is `None`, `as_f64` on `3` works).

use crate::small_map::SmallMap;

/// A JSON object: keys unique and in sorted order. A sorted `Vec` of pairs rather than a `BTreeMap`:
/// the same order, lookups and last-value-wins for a repeated key, without the B-tree code in the wasm.
pub type Map<K = String, V = Value> = SmallMap<K, V>;

/// Any JSON value.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number: an integer when the text was one (and fits 64 bits), a finite `f64` otherwise.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number(N);

#[derive(Clone, Copy, Debug, PartialEq)]
enum N {
    /// Zero and the positive integers.
    PosInt(u64),
    /// Negative integers only.
    NegInt(i64),
    /// Always finite.
    Float(f64),
}

impl Number {
    /// `None` for NaN and the infinities, which JSON cannot write.
    pub fn from_f64(f: f64) -> Option<Number> {
        f.is_finite().then_some(Number(N::Float(f)))
    }
    pub fn as_f64(&self) -> Option<f64> {
        Some(match self.0 {
            N::PosInt(u) => u as f64,
            N::NegInt(i) => i as f64,
            N::Float(f) => f,
        })
    }
    /// Integers written as integers only: `None` for `3.0`, as serde_json does.
    pub fn as_u64(&self) -> Option<u64> {
        match self.0 {
            N::PosInt(u) => Some(u),
            _ => None,
        }
    }
    pub fn as_i64(&self) -> Option<i64> {
        match self.0 {
            N::PosInt(u) => i64::try_from(u).ok(),
            N::NegInt(i) => Some(i),
            N::Float(_) => None,
        }
    }
    pub fn is_u64(&self) -> bool {
        matches!(self.0, N::PosInt(_))
    }
    pub fn is_i64(&self) -> bool {
        self.as_i64().is_some()
    }
    pub fn is_f64(&self) -> bool {
        matches!(self.0, N::Float(_))
    }
    /// The integer, when it is one: `Ok(u64)` for zero and above, `Err(i64)` below.
    pub(crate) fn integer(&self) -> Option<Result<u64, i64>> {
        match self.0 {
            N::PosInt(u) => Some(Ok(u)),
            N::NegInt(i) => Some(Err(i)),
            N::Float(_) => None,
        }
    }
}

impl From<u64> for Number {
    fn from(u: u64) -> Self {
        Number(N::PosInt(u))
    }
}

impl From<i64> for Number {
    fn from(i: i64) -> Self {
        match u64::try_from(i) {
            Ok(u) => Number(N::PosInt(u)),
            Err(_) => Number(N::NegInt(i)),
        }
    }
}

/// What `Value::get` and `value[…]` accept: an object key or an array position.
pub trait Index {
    fn index_into<'v>(&self, v: &'v Value) -> Option<&'v Value>;
    fn index_into_mut<'v>(&self, v: &'v mut Value) -> Option<&'v mut Value>;
}

impl Index for str {
    fn index_into<'v>(&self, v: &'v Value) -> Option<&'v Value> {
        // Natively the keys are compared in a loop here: `str`'s own order calls `memcmp`, a call per
        // step of the search for keys of a few bytes (the adapters read hundreds of contracts so).
        #[cfg(not(target_arch = "wasm32"))]
        return v
            .as_object()?
            .get_by(|k| bytes_order(k.as_bytes(), self.as_bytes()));
        #[cfg(target_arch = "wasm32")]
        v.as_object()?.get(self)
    }
    fn index_into_mut<'v>(&self, v: &'v mut Value) -> Option<&'v mut Value> {
        v.as_object_mut()?.get_mut(self)
    }
}

impl Index for String {
    fn index_into<'v>(&self, v: &'v Value) -> Option<&'v Value> {
        self.as_str().index_into(v)
    }
    fn index_into_mut<'v>(&self, v: &'v mut Value) -> Option<&'v mut Value> {
        self.as_str().index_into_mut(v)
    }
}

impl Index for usize {
    fn index_into<'v>(&self, v: &'v Value) -> Option<&'v Value> {
        v.as_array()?.get(*self)
    }
    fn index_into_mut<'v>(&self, v: &'v mut Value) -> Option<&'v mut Value> {
        v.as_array_mut()?.get_mut(*self)
    }
}

impl<T: Index + ?Sized> Index for &T {
    fn index_into<'v>(&self, v: &'v Value) -> Option<&'v Value> {
        (**self).index_into(v)
    }
    fn index_into_mut<'v>(&self, v: &'v mut Value) -> Option<&'v mut Value> {
        (**self).index_into_mut(v)
    }
}

/// `a.cmp(b)` for byte strings (the order of `str`), one byte at a time.
#[cfg(not(target_arch = "wasm32"))]
fn bytes_order(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// What `value["absent"]` returns.
static NULL: Value = Value::Null;

impl<I: Index> std::ops::Index<I> for Value {
    type Output = Value;
    /// The member or element, or `null` when there is none (never a panic).
    fn index(&self, i: I) -> &Value {
        i.index_into(self).unwrap_or(&NULL)
    }
}

impl Value {
    /// The member `key` of an object or the element at a position of an array.
    pub fn get<I: Index>(&self, i: I) -> Option<&Value> {
        i.index_into(self)
    }
    pub fn get_mut<I: Index>(&mut self, i: I) -> Option<&mut Value> {
        i.index_into_mut(self)
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn as_number(&self) -> Option<&Number> {
        match self {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        self.as_number()?.as_f64()
    }
    pub fn as_u64(&self) -> Option<u64> {
        self.as_number()?.as_u64()
    }
    pub fn as_i64(&self) -> Option<i64> {
        self.as_number()?.as_i64()
    }
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }
    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(o) => Some(o),
            _ => None,
        }
    }
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    pub fn is_boolean(&self) -> bool {
        matches!(self, Value::Bool(_))
    }
    pub fn is_number(&self) -> bool {
        matches!(self, Value::Number(_))
    }
    pub fn is_string(&self) -> bool {
        matches!(self, Value::String(_))
    }
    pub fn is_array(&self) -> bool {
        matches!(self, Value::Array(_))
    }
    pub fn is_object(&self) -> bool {
        matches!(self, Value::Object(_))
    }
    pub fn is_u64(&self) -> bool {
        self.as_number().is_some_and(Number::is_u64)
    }
    pub fn is_i64(&self) -> bool {
        self.as_number().is_some_and(Number::is_i64)
    }
    pub fn is_f64(&self) -> bool {
        self.as_number().is_some_and(Number::is_f64)
    }
    /// Takes the value out, leaving `null`.
    pub fn take(&mut self) -> Value {
        std::mem::take(self)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

/// NaN and the infinities become `null`, as in serde_json.
impl From<f64> for Value {
    fn from(f: f64) -> Self {
        Number::from_f64(f).map_or(Value::Null, Value::Number)
    }
}

macro_rules! from_integer {
    ($via:ty: $($t:ty),*) => {
        $(impl From<$t> for Value {
            fn from(n: $t) -> Self {
                Value::Number(Number::from(<$via>::from(n)))
            }
        })*
    };
}
from_integer!(u64: u8, u16, u32, u64);
from_integer!(i64: i8, i16, i32, i64);

impl From<usize> for Value {
    fn from(n: usize) -> Self {
        Value::Number(Number::from(n as u64))
    }
}

impl From<Number> for Value {
    fn from(n: Number) -> Self {
        Value::Number(n)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl From<Vec<Value>> for Value {
    fn from(a: Vec<Value>) -> Self {
        Value::Array(a)
    }
}

impl From<Map> for Value {
    fn from(o: Map) -> Self {
        Value::Object(o)
    }
}

/// Compact JSON text, as serde_json's `Display` writes it.
impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&super::to_string(self))
    }
}

/// As JSON writes it: "3", "-2", "3.5", "45.0".
impl std::fmt::Display for Number {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&super::to_string(self))
    }
}

/// `value == "text"`, `value == 3`, `value == true`, as with serde_json (tests read better).
macro_rules! eq_via {
    ($($t:ty => $as:ident),* $(,)?) => {
        $(impl PartialEq<$t> for Value {
            fn eq(&self, other: &$t) -> bool {
                self.$as().is_some_and(|v| v == *other)
            }
        })*
    };
}
eq_via!(bool => as_bool, f64 => as_f64, u64 => as_u64, i64 => as_i64);

impl PartialEq<str> for Value {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

impl PartialEq<&str> for Value {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl PartialEq<String> for Value {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == Some(other.as_str())
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn keys_are_ordered_and_found_as_str_orders_them() {
        let keys = [
            "",
            "a",
            "ab",
            "abc",
            "abd",
            "b",
            "B",
            "title",
            "titles",
            "totalHours",
            "é",
            "e\u{301}",
            "\u{7f}",
            "\u{80}",
            "😀",
            "z\0",
            "z",
        ];
        for a in keys {
            for b in keys {
                assert_eq!(
                    bytes_order(a.as_bytes(), b.as_bytes()),
                    a.cmp(b),
                    "{a:?} {b:?}"
                );
            }
        }
        let object = Value::Object(Map::from_pairs(
            keys.iter()
                .map(|k| (k.to_string(), Value::from(k.len() as i64)))
                .collect(),
        ));
        for k in keys {
            assert_eq!(object.get(k), Some(&Value::from(k.len() as i64)), "{k:?}");
        }
        for absent in ["abcd", "aa", "ti", "😁", "Z"] {
            assert_eq!(object.get(absent), None, "{absent:?}");
        }
    }
}
