//! [`SmallMap`]: a map kept as a `Vec` of pairs sorted by key, for the few short maps of the public
//! types (where each field was read from, the checklist answers, the policy's weights) and JSON
//! objects (`json::Map`). A long object is built with [`SmallMap::from_pairs`] (one sort), not by an
//! `insert` per key, which moves the entries after it.
//!
//! Why not `BTreeMap`: every B-tree key/value type brings its own 3–5 KB of tree code into the wasm;
//! a sorted `Vec` is a binary search and an insert. Same order, same lookups, same JSON.

use crate::json::{FromJson, JsonKey, ObjectWriter, ToJson, Value};
use std::borrow::Borrow;

/// A map with at most a few dozen entries, iterated in key order like a `BTreeMap`.
#[derive(Clone, PartialEq, Eq)]
pub struct SmallMap<K, V> {
    entries: Vec<(K, V)>,
}

impl<K, V> Default for SmallMap<K, V> {
    fn default() -> Self {
        SmallMap {
            entries: Vec::new(),
        }
    }
}

impl<K: Ord, V> SmallMap<K, V> {
    pub fn new() -> Self {
        Self::default()
    }

    fn find<Q: Ord + ?Sized>(&self, key: &Q) -> Result<usize, usize>
    where
        K: Borrow<Q>,
    {
        self.entries.binary_search_by(|(k, _)| k.borrow().cmp(key))
    }

    /// Sets `key` to `value`, returning the value it replaces.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        match self.find(&key) {
            Ok(i) => self
                .entries
                .get_mut(i)
                .map(|(_, old)| std::mem::replace(old, value)),
            Err(i) => {
                self.entries.insert(i, (key, value));
                None
            }
        }
    }

    pub fn get<Q: Ord + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        self.entries.get(i).map(|(_, v)| v)
    }

    /// The value of the key for which `order` (the key's order against the one looked for) says
    /// `Equal`; `order` must agree with the keys' `Ord`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn get_by(&self, mut order: impl FnMut(&K) -> std::cmp::Ordering) -> Option<&V> {
        let i = self.entries.binary_search_by(|(k, _)| order(k)).ok()?;
        self.entries.get(i).map(|(_, v)| v)
    }

    pub fn get_mut<Q: Ord + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        let i = self.find(key).ok()?;
        self.entries.get_mut(i).map(|(_, v)| v)
    }

    pub fn contains_key<Q: Ord + ?Sized>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.find(key).is_ok()
    }

    /// The map of `pairs` in any order; of a repeated key the last value stays, as `insert` one
    /// by one would leave it. A sort, not an insert per pair: a JSON object from a page can be long.
    pub fn from_pairs(mut pairs: Vec<(K, V)>) -> Self {
        crate::sort::sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
        // Equal keys are now neighbours in their original order: keep the last of each run.
        let mut entries: Vec<(K, V)> = Vec::with_capacity(pairs.len());
        for pair in pairs {
            match entries.last_mut() {
                Some(last) if last.0 == pair.0 => *last = pair,
                _ => entries.push(pair),
            }
        }
        SmallMap { entries }
    }
}

impl<K, V> SmallMap<K, V> {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }

    /// Keeps the entries for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&K, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }
}

impl<'a, K, V> IntoIterator for &'a SmallMap<K, V> {
    type Item = (&'a K, &'a V);
    type IntoIter = std::iter::Map<std::slice::Iter<'a, (K, V)>, fn(&'a (K, V)) -> (&'a K, &'a V)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<K: std::fmt::Debug, V: std::fmt::Debug> std::fmt::Debug for SmallMap<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// A JSON object; its keys come out of the parser already unique and sorted.
impl<T: FromJson> FromJson for SmallMap<String, T> {
    fn from_json(v: &Value) -> Option<Self> {
        let mut out = SmallMap::new();
        for (k, v) in v.as_object()? {
            out.insert(k.clone(), T::from_json(v)?);
        }
        Some(out)
    }
}

impl<K: JsonKey, V: ToJson> ToJson for SmallMap<K, V> {
    fn write_json(&self, out: &mut String) {
        let mut o = ObjectWriter::new(out);
        for (k, v) in self {
            o.field(k.json_key(), v);
        }
        o.end();
    }
}

#[cfg(test)]
mod tests {
    use super::SmallMap;

    #[test]
    fn from_pairs_sorts_and_keeps_the_last_of_a_repeated_key() {
        let pairs = vec![("b", 1), ("a", 2), ("b", 3), ("c", 4), ("a", 5)];
        let mut one_by_one = SmallMap::new();
        for &(k, v) in &pairs {
            one_by_one.insert(k, v);
        }
        let m = SmallMap::from_pairs(pairs);
        assert_eq!(
            m.iter().collect::<Vec<_>>(),
            [(&"a", &5), (&"b", &3), (&"c", &4)]
        );
        assert!(m == one_by_one);
    }

    #[test]
    fn keeps_keys_sorted_and_unique() {
        let mut m = SmallMap::new();
        assert_eq!(m.insert("b".to_string(), 2), None);
        assert_eq!(m.insert("a".to_string(), 1), None);
        assert_eq!(m.insert("b".to_string(), 3), Some(2));
        assert_eq!(m.keys().cloned().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(m.get("b"), Some(&3));
        assert!(!m.contains_key("c"));
        assert_eq!(crate::json::to_string(&m), r#"{"a":1,"b":3}"#);
    }
}
