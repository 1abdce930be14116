//! Finding a field in the rendered page: the selector loops the Upwork, Freelancer.com and Fiverr
//! readers share. Each takes the selectors in order of preference and stops at the first that gives a
//! value; the value comes back with its selector, which the report names as where it was read.
//!
//! The loops are not generic (they take `&mut dyn FnMut`): one copy serves every field of every
//! adapter, which keeps the wasm small; the generic wrappers around them are a few instructions each.

use super::generic::{visible_text, SCAN_LIMIT};
use crate::model::{Field, Profile};
use crate::page::{squash, Node, Page};

/// How an adapter looks up a selector below `scope` (the whole page for `None`). Upwork scopes
/// `#id …` selectors to that element (`upwork::dom::select_in`); the others use [`plain_select`].
pub type Select = fn(&dyn Page, Option<Node>, &str) -> Vec<Node>;

/// The page's own selector lookup.
pub fn plain_select(page: &dyn Page, scope: Option<Node>, css: &str) -> Vec<Node> {
    page.select(scope, css)
}

/// Elements looked at per selector by [`first_parsed`]: a hostile page may repeat one a million times.
const FIRST_LIMIT: usize = 200;
/// Bytes of text [`smallest_parsed`] looks at (and at most [`SCAN_LIMIT`] elements per selector).
const SMALLEST_TEXT_BUDGET: usize = 2_000_000;

/// The first element of the first selector whose visible text `parse` accepts, with that selector.
pub fn first_parsed<T>(
    page: &dyn Page,
    select: Select,
    scope: Option<Node>,
    selectors: &[&'static str],
    mut parse: impl FnMut(&str) -> Option<T>,
) -> Option<(T, &'static str)> {
    let mut found = None;
    let css = first_taken(page, select, scope, selectors, &mut |t| {
        found = parse(t);
        found.is_some()
    })?;
    found.map(|v| (v, css))
}

/// [`first_parsed`] on the page's own selector lookup, with a plain `fn` as the parser: one copy in the
/// wasm per value type, where every closure given to [`first_parsed`] makes its own.
pub fn first_of<'s, T>(
    page: &dyn Page,
    scope: Option<Node>,
    selectors: &[&'s str],
    parse: fn(&str) -> Option<T>,
) -> Option<(T, &'s str)> {
    let mut found = None;
    let css = first_taken(page, plain_select, scope, selectors, &mut |t| {
        found = parse(t);
        found.is_some()
    })?;
    found.map(|v| (v, css))
}

/// One profile field read from an element's text: the selectors to try, in order of preference, and how
/// a text is read into the profile (`read` stores the value in the field's empty slot and says whether
/// the text gave one). Adapters list such fields as table rows; [`read_text_fields`] reads them all.
pub struct TextField {
    pub field: Field,
    pub selectors: &'static [&'static str],
    pub read: TextReader,
}

impl TextField {
    /// A row, written on one line in an adapter's table.
    pub const fn new(field: Field, selectors: &'static [&'static str], read: TextReader) -> Self {
        TextField {
            field,
            selectors,
            read,
        }
    }
}

/// How a field's text is read into the profile: stores the value in the field's slot, and says whether
/// the text gave one.
pub type TextReader = fn(&str, &mut Profile) -> bool;

/// Reads each row whose field `p` does not hold yet, from the first element of the first selector whose
/// visible text the row's `read` accepts (as [`first_of`] finds it), and notes that selector as the
/// field's source.
pub fn read_text_fields(
    page: &dyn Page,
    p: &mut Profile,
    notes: &mut Vec<(Field, String)>,
    rows: &[TextField],
) {
    for row in rows {
        if p.has(row.field) {
            continue;
        }
        if let Some(css) = read_into(page, None, row.selectors, p, row.read) {
            notes.push((row.field, css.to_string()));
        }
    }
}

/// The selector of the first element (of the first selector, below `scope`) whose visible text `read`
/// accepts and stores in `target` (a profile, a work entry): one loop for every field of every reader.
pub fn read_into<'s, T>(
    page: &dyn Page,
    scope: Option<Node>,
    selectors: &[&'s str],
    target: &mut T,
    read: fn(&str, &mut T) -> bool,
) -> Option<&'s str> {
    first_taken(page, plain_select, scope, selectors, &mut |t| {
        read(t, target)
    })
}

/// The selector of the first element whose visible text `take` accepts.
pub fn first_taken<'s>(
    page: &dyn Page,
    select: Select,
    scope: Option<Node>,
    selectors: &[&'s str],
    take: &mut dyn FnMut(&str) -> bool,
) -> Option<&'s str> {
    for css in selectors {
        for node in select(page, scope, css).into_iter().take(FIRST_LIMIT) {
            let t = visible_text(page, node);
            if !t.is_empty() && take(&t) {
                return Some(css);
            }
        }
    }
    None
}

/// The smallest element (by text length, at most `max_len`) among `selectors` below `scope` whose text
/// passes `accept` and parses: the value itself rather than a container that also holds it. Earlier
/// selectors win over later ones. Bounded in elements and in total text looked at.
pub fn smallest_parsed<T>(
    page: &dyn Page,
    select: Select,
    scope: Option<Node>,
    selectors: &[&'static str],
    max_len: usize,
    accept: impl Fn(&str) -> bool,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<(T, &'static str)> {
    let mut best = None;
    let css = smallest_taken(page, select, scope, selectors, max_len, &mut |t| {
        if !accept(t) {
            return false;
        }
        let v = parse(t);
        let taken = v.is_some();
        if taken {
            best = v;
        }
        taken
    })?;
    best.map(|v| (v, css))
}

/// [`smallest_parsed`] on the page's own selector lookup, read straight into `target` by plain `fn`s (as
/// [`read_into`]): `read` stores each value that beats the last one over it, so the best one is left.
pub fn smallest_into<T>(
    page: &dyn Page,
    scope: Option<Node>,
    selectors: &[&'static str],
    max_len: usize,
    target: &mut T,
    accept: fn(&str) -> bool,
    read: fn(&str, &mut T) -> bool,
) -> Option<&'static str> {
    smallest_taken(page, plain_select, scope, selectors, max_len, &mut |t| {
        accept(t) && read(t, target)
    })
}

/// The selector of [`smallest_parsed`]'s element; `take` accepts (and keeps) a text shorter than the
/// last one it accepted.
pub fn smallest_taken(
    page: &dyn Page,
    select: Select,
    scope: Option<Node>,
    selectors: &[&'static str],
    max_len: usize,
    take: &mut dyn FnMut(&str) -> bool,
) -> Option<&'static str> {
    let mut budget = SMALLEST_TEXT_BUDGET;
    for css in selectors {
        let mut best_len: Option<usize> = None;
        for node in select(page, scope, css).into_iter().take(SCAN_LIMIT) {
            let raw = page.raw_text(node);
            budget = budget.saturating_sub(raw.len());
            if budget == 0 {
                return best_len.map(|_| *css);
            }
            if raw.len() > max_len * 4 {
                continue;
            }
            let t = squash(&raw);
            if t.len() > max_len || best_len.is_some_and(|len| len <= t.len()) {
                continue;
            }
            if take(&t) {
                best_len = Some(t.len());
            }
        }
        if best_len.is_some() {
            return Some(css);
        }
    }
    None
}
