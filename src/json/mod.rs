//! HireCheck's own JSON: a [`Value`] tree, a strict parser and a writer, in place of serde_json
//! (whose generic serializers and deserializers were a large part of the wasm; docs/performance.md).
//!
//! - `value`: the tree and its accessors (serde_json's API, so adapter code reads the same);
//! - `parse`: text → `Value`, strict RFC 8259, depth-limited, never panics;
//! - `read`: [`FromJson`], `Value` → typed settings and fingerprints;
//! - `write`: the [`ToJson`] trait that the report's types implement, and compact output;
//! - `pretty`: the CLI's indented layout.

mod parse;
mod pretty;
mod read;
mod value;
mod write;

pub use parse::{from_str, from_str_prefix, Error, ErrorKind, MAX_DEPTH};
pub use read::{member, member_or_default, FromJson};
pub use value::{Index, Map, Number, Value};
pub(crate) use write::RawJson;
pub(crate) use write::{json_enum, json_object};
pub use write::{write_f64, write_str, JsonKey, ObjectWriter, ToJson};

/// Compact JSON text.
pub fn to_string<T: ToJson + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    value.write_json(&mut out);
    out
}

/// Indented JSON text, as the CLI prints reports.
pub fn to_string_pretty<T: ToJson + ?Sized>(value: &T) -> String {
    pretty::indent(&to_string(value))
}

/// The value a type writes, as a tree (`null` if it wrote something unreadable, which it cannot).
pub fn to_value<T: ToJson + ?Sized>(value: &T) -> Value {
    from_str(&to_string(value)).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests;

/// serde_json's `json!` literal as our [`Value`], for tests (serde_json is a dev-dependency only).
#[cfg(test)]
macro_rules! test_json {
    ($($t:tt)+) => {
        $crate::json::from_str(&serde_json::json!($($t)+).to_string()).expect("json! writes JSON")
    };
}
#[cfg(test)]
pub(crate) use test_json;
