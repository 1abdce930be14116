//! Compact JSON text from HireCheck's types: the report the extension and the CLI get.
//!
//! Types implement [`ToJson`] by hand or through [`json_object!`] / [`json_enum!`], which keep the
//! field order, names and omitted fields that the report's JSON has always had. Strings are escaped
//! as serde_json escapes them; `f64` goes through the crate's own float formatting; NaN and the
//! infinities become `null`.

use super::value::{Number, Value};
use std::collections::BTreeMap;

/// A value that writes itself as JSON.
pub trait ToJson {
    fn write_json(&self, out: &mut String);
}

/// A JSON object being written: `field` by `field`, then `end`.
pub struct ObjectWriter<'a> {
    out: &'a mut String,
    empty: bool,
}

impl<'a> ObjectWriter<'a> {
    pub fn new(out: &'a mut String) -> Self {
        out.push('{');
        ObjectWriter { out, empty: true }
    }
    pub fn field(&mut self, key: &str, value: &dyn ToJson) -> &mut Self {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        write_str(self.out, key);
        self.out.push(':');
        value.write_json(self.out);
        self
    }
    /// The field when it holds a value; left out when it is `None`.
    pub fn field_if_some<T: ToJson>(&mut self, key: &str, value: &Option<T>) -> &mut Self {
        if let Some(v) = value {
            self.field(key, v);
        }
        self
    }
    pub fn end(&mut self) {
        self.out.push('}');
    }
}

/// `impl ToJson` for a struct, its fields in the order given (the declaration order); a field
/// marked `#[skip_none]` is left out when it is `None`.
macro_rules! json_object {
    ($ty:ty { $($(#[$skip:ident])? $field:ident),* $(,)? }) => {
        impl $crate::json::ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                let mut o = $crate::json::ObjectWriter::new(out);
                $( $crate::json::json_object!(@field o, self, $field $($skip)?); )*
                o.end();
            }
        }
    };
    (@field $o:ident, $s:ident, $field:ident) => {
        $o.field(stringify!($field), &$s.$field)
    };
    (@field $o:ident, $s:ident, $field:ident skip_none) => {
        $o.field_if_some(stringify!($field), &$s.$field)
    };
}
pub(crate) use json_object;

/// `impl ToJson` for an enum without data, written as a string (`Level::Low` → `"low"`).
macro_rules! json_enum {
    ($ty:ty { $($variant:ident => $name:literal),* $(,)? }) => {
        impl $ty {
            /// The name in the report's JSON.
            pub fn json_name(self) -> &'static str {
                match self {
                    $(<$ty>::$variant => $name,)*
                }
            }
        }
        impl $crate::json::ToJson for $ty {
            fn write_json(&self, out: &mut String) {
                $crate::json::write_str(out, self.json_name());
            }
        }
    };
}
pub(crate) use json_enum;

/// A JSON string: `"` and `\` escaped, control characters as `\n`-style or `\u00XX` escapes, the rest
/// as it is (serde_json's escaping, byte for byte).
pub fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(s.get(from..i).unwrap_or_default());
        from = i + 1;
        if short.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(
                HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0'),
            ));
            out.push(char::from(
                HEX.get(usize::from(b & 15)).copied().unwrap_or(b'0'),
            ));
        } else {
            out.push_str(short);
        }
    }
    out.push_str(s.get(from..).unwrap_or_default());
    out.push('"');
}

/// A finite `f64` in the layout serde_json 1.0.154 uses: the shortest digits that read back as the
/// value, "45.0" for whole numbers, "0.00001" down to 1e-5, an exponent from 1e16 up and below 1e-5
/// ("1e+16", "1.5e-7"); `null` for NaN and the infinities.
pub fn write_f64(out: &mut String, v: f64) {
    if !v.is_finite() {
        out.push_str("null");
        return;
    }
    if v.is_sign_negative() {
        out.push('-');
    }
    if v == 0.0 {
        out.push_str("0.0");
        return;
    }
    // The shortest digits that read back as the value, never an exponent: "1234.5", "0.00012".
    let plain = crate::float::fmt_shortest(v.abs());
    let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
    // The value is 0.DIGITS × 10^point.
    let (digits, point) = if int == "0" {
        let zeros = frac.len() - frac.trim_start_matches('0').len();
        (frac.trim_start_matches('0').to_string(), -(zeros as i32))
    } else {
        (format!("{int}{frac}"), int.len() as i32)
    };
    let digits = digits.trim_end_matches('0');
    let n = digits.len() as i32;
    let digit_range = |from: i32, to: i32| {
        digits
            .get(from.max(0) as usize..to.clamp(0, n) as usize)
            .unwrap_or_default()
    };
    if n <= point && point <= 16 {
        out.push_str(digits);
        out.extend(std::iter::repeat_n('0', (point - n) as usize));
        out.push_str(".0");
    } else if 0 < point && point <= 16 {
        out.push_str(digit_range(0, point));
        out.push('.');
        out.push_str(digit_range(point, n));
    } else if -5 < point && point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.push_str(digits);
    } else {
        out.push_str(digit_range(0, 1));
        if n > 1 {
            out.push('.');
            out.push_str(digit_range(1, n));
        }
        out.push('e');
        if point > 0 {
            out.push('+');
        }
        out.push_str(&(point - 1).to_string());
    }
}

/// JSON text already written (by [`ObjectWriter`]), put in as it is.
pub(crate) struct RawJson<'a>(pub &'a str);

impl ToJson for RawJson<'_> {
    fn write_json(&self, out: &mut String) {
        out.push_str(self.0);
    }
}

impl ToJson for str {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for String {
    fn write_json(&self, out: &mut String) {
        write_str(out, self);
    }
}

impl ToJson for bool {
    fn write_json(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl ToJson for f64 {
    fn write_json(&self, out: &mut String) {
        write_f64(out, *self);
    }
}

/// An integer: its sign, then its magnitude's digits. Every integer type writes through this one
/// function (one copy of the digit code in the wasm, not one per type).
fn write_integer(out: &mut String, negative: bool, magnitude: u64) {
    if negative {
        out.push('-');
    }
    out.push_str(&magnitude.to_string());
}

macro_rules! unsigned_to_json {
    ($($t:ty),*) => {
        $(impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                write_integer(out, false, *self as u64);
            }
        })*
    };
}
unsigned_to_json!(u8, u16, u32, u64, usize);

macro_rules! signed_to_json {
    ($($t:ty),*) => {
        $(impl ToJson for $t {
            fn write_json(&self, out: &mut String) {
                write_integer(out, *self < 0, self.unsigned_abs() as u64);
            }
        })*
    };
}
signed_to_json!(i32, i64);

impl<T: ToJson + ?Sized> ToJson for &T {
    fn write_json(&self, out: &mut String) {
        (**self).write_json(out);
    }
}

impl<T: ToJson> ToJson for Option<T> {
    fn write_json(&self, out: &mut String) {
        match self {
            Some(v) => v.write_json(out),
            None => out.push_str("null"),
        }
    }
}

/// A JSON array of `len` items, item `i` written by `item`. Not generic, so the brackets and commas
/// are one copy in the wasm, not one per element type.
fn write_array(out: &mut String, len: usize, item: &dyn Fn(usize, &mut String)) {
    out.push('[');
    for i in 0..len {
        if i > 0 {
            out.push(',');
        }
        item(i, out);
    }
    out.push(']');
}

impl<T: ToJson> ToJson for [T] {
    fn write_json(&self, out: &mut String) {
        write_array(out, self.len(), &|i, out| {
            if let Some(v) = self.get(i) {
                v.write_json(out);
            }
        });
    }
}

impl<T: ToJson> ToJson for Vec<T> {
    fn write_json(&self, out: &mut String) {
        self.as_slice().write_json(out);
    }
}

impl<A: ToJson, B: ToJson> ToJson for (A, B) {
    fn write_json(&self, out: &mut String) {
        out.push('[');
        self.0.write_json(out);
        out.push(',');
        self.1.write_json(out);
        out.push(']');
    }
}

/// What a map key is written as: a string.
pub trait JsonKey {
    fn json_key(&self) -> &str;
}

impl JsonKey for String {
    fn json_key(&self) -> &str {
        self
    }
}

impl<K: JsonKey, V: ToJson> ToJson for BTreeMap<K, V> {
    fn write_json(&self, out: &mut String) {
        let mut o = ObjectWriter::new(out);
        for (k, v) in self {
            o.field(k.json_key(), v);
        }
        o.end();
    }
}

impl ToJson for Number {
    fn write_json(&self, out: &mut String) {
        match self.integer() {
            Some(Ok(u)) => u.write_json(out),
            Some(Err(i)) => i.write_json(out),
            None => write_f64(out, self.as_f64().unwrap_or(f64::NAN)),
        }
    }
}

impl ToJson for Value {
    fn write_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => b.write_json(out),
            Value::Number(n) => n.write_json(out),
            Value::String(s) => write_str(out, s),
            Value::Array(a) => a.write_json(out),
            Value::Object(o) => o.write_json(out),
        }
    }
}
