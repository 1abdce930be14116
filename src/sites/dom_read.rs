//! Finding a field in the rendered page: the selector loops the Upwork, Freelancer.com and Fiverr
//! readers share. Each takes the selectors in order of preference and stops at the first that gives a
//! value; the value comes back with its selector, which the report names as where it was read.
//!
//! The loops are not generic (they take `&mut dyn FnMut`): one copy serves every field of every
//! adapter, which keeps the wasm small; the generic wrappers around them are a few instructions each.

use super::generic::{visible_text, SCAN_LIMIT};
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

/// The selector of the first element whose visible text `take` accepts.
pub fn first_taken(
    page: &dyn Page,
    select: Select,
    scope: Option<Node>,
    selectors: &[&'static str],
    take: &mut dyn FnMut(&str) -> bool,
) -> Option<&'static str> {
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
