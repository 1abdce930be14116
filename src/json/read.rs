//! [`Value`] → typed settings, as serde's derived deserializers read them: an integer type takes
//! integers only (in range), `f64` takes any number, a list or map takes only entries of its type.

use super::value::Value;

/// A type that can be read from a JSON value; `None` when the value has another type.
pub trait FromJson: Sized {
    fn from_json(v: &Value) -> Option<Self>;
}

impl FromJson for f64 {
    fn from_json(v: &Value) -> Option<Self> {
        v.as_f64()
    }
}

impl FromJson for bool {
    fn from_json(v: &Value) -> Option<Self> {
        v.as_bool()
    }
}

impl FromJson for String {
    fn from_json(v: &Value) -> Option<Self> {
        v.as_str().map(str::to_string)
    }
}

macro_rules! integer_from_json {
    ($($t:ty),*) => {
        $(impl FromJson for $t {
            fn from_json(v: &Value) -> Option<Self> {
                let n = v.as_number()?;
                match n.as_u64() {
                    Some(u) => <$t>::try_from(u).ok(),
                    None => <$t>::try_from(n.as_i64()?).ok(),
                }
            }
        })*
    };
}
integer_from_json!(u8, u16, u32, u64, usize, i32, i64);

/// `null` (or, in a struct, a missing member) is `None`.
impl<T: FromJson> FromJson for Option<T> {
    fn from_json(v: &Value) -> Option<Self> {
        match v {
            Value::Null => Some(None),
            other => T::from_json(other).map(Some),
        }
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(v: &Value) -> Option<Self> {
        // A loop, not `map(..).collect::<Option<_>>()`: that links a generic adapter per type.
        let items = v.as_array()?;
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            out.push(T::from_json(item)?);
        }
        Some(out)
    }
}

/// A pair is a JSON array of exactly two.
impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(v: &Value) -> Option<Self> {
        match v.as_array()?.as_slice() {
            [a, b] => Some((A::from_json(a)?, B::from_json(b)?)),
            _ => None,
        }
    }
}

/// Member `key` of an object, read as `T`; a missing member reads as `null` does (so `Option` and
/// lists with [`member_or_default`] can be left out).
pub fn member<T: FromJson>(obj: &Value, key: &str) -> Option<T> {
    T::from_json(obj.get(key).unwrap_or(&Value::Null))
}

/// Member `key`, or `T::default()` when it is missing (serde's `#[serde(default)]`); a member of the
/// wrong type, `null` included, is `None`.
pub fn member_or_default<T: FromJson + Default>(obj: &Value, key: &str) -> Option<T> {
    match obj.get(key) {
        None => Some(T::default()),
        Some(v) => T::from_json(v),
    }
}
