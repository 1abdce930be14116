//! The parsed document: elements in an arena in document order (pre-order), with their attributes and
//! text kept in shared buffers, and per-name indexes for the selector engine.
//!
//! Because elements are stored in pre-order, an element's descendants are exactly the arena range
//! `i + 1 .. end`, and the text it contains (its `textContent`) one range of the text buffer.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// "No element" in the links below.
pub(crate) const NONE: u32 = u32::MAX;

#[derive(Debug, Clone)]
pub(crate) struct Element {
    pub name: u32,
    pub parent: u32,
    /// The previous element sibling.
    pub prev: u32,
    /// Position among the parent's element children, from 1.
    pub index: u32,
    /// How many element children it has.
    pub children: u32,
    /// One past the last descendant.
    pub end: u32,
    /// Range in [`Document::attrs`].
    pub attrs: (u32, u32),
    /// Range of this element's text content in [`Document::text`].
    pub text: (u32, u32),
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct Attr {
    pub name: u32,
    /// Range in [`Document::attr_text`].
    pub value: (u32, u32),
}

/// Interned names (tags and attribute names share one table).
pub(crate) struct Atoms {
    names: Vec<Box<str>>,
    map: HashMap<Box<str>, u32, BuildHasherDefault<Fnv>>,
    /// The last atom seen per a cheap key of the name: most lookups (the same few tag and attribute
    /// names over and over) end here, without hashing.
    recent: [u32; 256],
}

impl Default for Atoms {
    fn default() -> Atoms {
        Atoms {
            names: Vec::new(),
            map: HashMap::default(),
            recent: [NONE; 256],
        }
    }
}

fn quick_key(name: &str) -> usize {
    let b = name.as_bytes();
    let first = b.first().copied().unwrap_or(0) as usize;
    let last = b.last().copied().unwrap_or(0) as usize;
    (b.len().wrapping_mul(31) ^ first.wrapping_mul(7) ^ last) & 255
}

impl Atoms {
    pub fn intern(&mut self, name: &str) -> u32 {
        let key = quick_key(name);
        let a = match self.get(name) {
            Some(a) => a,
            None => {
                let a = self.names.len() as u32;
                self.names.push(name.into());
                self.map.insert(name.into(), a);
                a
            }
        };
        if let Some(slot) = self.recent.get_mut(key) {
            *slot = a;
        }
        a
    }

    pub fn get(&self, name: &str) -> Option<u32> {
        let key = quick_key(name);
        let cached = self.recent.get(key).copied().unwrap_or(NONE);
        if self
            .names
            .get(cached as usize)
            .is_some_and(|n| **n == *name)
        {
            return Some(cached);
        }
        self.map.get(name).copied()
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn name(&self, atom: u32) -> &str {
        self.names.get(atom as usize).map_or("", |n| n)
    }
}

/// FNV-1a: the names are short and not chosen to collide (a page could, but only slow itself down).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

#[derive(Default)]
pub(crate) struct Document {
    pub elements: Vec<Element>,
    pub attrs: Vec<Attr>,
    pub attr_text: String,
    pub text: String,
    pub atoms: Atoms,
    /// Elements by tag name atom, in document order.
    pub by_tag: Vec<Vec<u32>>,
    /// Elements carrying an attribute, by the attribute's name atom, in document order.
    pub by_attr: Vec<Vec<u32>>,
    /// How many times the tree builder took one of its documented shortcuts (src/page/html/tree.rs),
    /// where a browser's tree may differ from ours.
    pub shortcuts: u32,
}

impl Document {
    pub fn element(&self, i: u32) -> Option<&Element> {
        self.elements.get(i as usize)
    }

    pub fn name(&self, i: u32) -> &str {
        self.element(i).map_or("", |e| self.atoms.name(e.name))
    }

    pub fn attrs(&self, i: u32) -> &[Attr] {
        self.element(i)
            .and_then(|e| self.attrs.get(e.attrs.0 as usize..e.attrs.1 as usize))
            .unwrap_or_default()
    }

    pub fn attr_value(&self, a: &Attr) -> &str {
        self.attr_text
            .get(a.value.0 as usize..a.value.1 as usize)
            .unwrap_or_default()
    }

    /// An attribute's value by its (lowercase) name atom.
    pub fn attr_by_atom(&self, i: u32, name: u32) -> Option<&str> {
        self.attrs(i)
            .iter()
            .find(|a| a.name == name)
            .map(|a| self.attr_value(a))
    }

    pub fn text_of(&self, i: u32) -> &str {
        self.element(i)
            .and_then(|e| self.text.get(e.text.0 as usize..e.text.1 as usize))
            .unwrap_or_default()
    }

    pub fn len(&self) -> u32 {
        self.elements.len() as u32
    }

    /// The next element sibling.
    pub fn next(&self, i: u32) -> u32 {
        let Some(e) = self.element(i) else {
            return NONE;
        };
        let limit = self.element(e.parent).map_or(self.len(), |p| p.end);
        if e.end < limit {
            e.end
        } else {
            NONE
        }
    }

    pub fn parent(&self, i: u32) -> u32 {
        self.element(i).map_or(NONE, |e| e.parent)
    }

    /// One past the last descendant of `i`.
    pub fn end(&self, i: u32) -> u32 {
        self.element(i).map_or(i, |e| e.end)
    }
}
