//! Stable sorting with one shared implementation.
//!
//! The standard library's sorts are fast and large: every element type they are used with gets its
//! own copy of quicksort, merge sort, heap sort and small-sort networks (3–5 KB of wasm each). The
//! lists HireCheck sorts are short (bids, diary slots, reviews), so these functions sort a list of
//! indices with one non-generic merge sort and then move the elements into place; per element type
//! only a few hundred bytes remain. The result equals the standard stable sort's, and for totally
//! ordered keys (numbers, strings) also `sort_unstable`'s.

use std::cmp::Ordering;

/// Like `slice::sort` (stable, ascending).
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// Like `slice::sort_by_key` (stable).
pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Like `slice::sort_by` (stable).
pub fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = sorted_order(
        v.len(),
        &mut |a, b| matches!((v.get(a), v.get(b)), (Some(x), Some(y)) if compare(x, y) == Ordering::Less),
    );
    permute(v, order);
}

/// Like `Vec::dedup` (consecutive equal items kept once), for `Copy` items: a short loop where the
/// standard one is about 190 bytes of wasm for each item size.
pub fn dedup<T: Copy + PartialEq>(v: &mut Vec<T>) {
    let mut kept = 0;
    for i in 0..v.len() {
        let Some(&item) = v.get(i) else { break };
        if kept == 0 || v.get(kept - 1) != Some(&item) {
            if let Some(slot) = v.get_mut(kept) {
                *slot = item;
            }
            kept += 1;
        }
    }
    v.truncate(kept);
}

/// The indices `0..n` in stable ascending order under `less` (bottom-up merge sort).
pub(crate) fn sorted_order(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        // Each pair of neighbouring runs of `width` (the last ones may be shorter or missing) becomes one.
        for (src, dst) in from.chunks(2 * width).zip(to.chunks_mut(2 * width)) {
            let (mut left, mut right) = src.split_at_checked(width).unwrap_or((src, &[]));
            for slot in dst {
                // Equal elements keep their order: the left run wins ties.
                let take_right = match (left.first(), right.first()) {
                    (Some(&l), Some(&r)) => less(r, l),
                    (None, _) => true,
                    (Some(_), None) => false,
                };
                let run = if take_right { &mut right } else { &mut left };
                if let Some((&next, rest)) = run.split_first() {
                    *slot = next;
                    *run = rest;
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

/// Rearranges `v` so that position `i` holds what was at `order[i]`, by walking each cycle once.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..v.len() {
        let mut at = start;
        while let Some(entry) = order.get_mut(at) {
            let from = std::mem::replace(entry, DONE);
            if from == DONE || from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dedup_keeps_what_vec_dedup_keeps() {
        for v in [
            vec![],
            vec![1u16],
            vec![1, 1, 2, 1, 3, 3, 3],
            vec![5, 5, 5],
            vec![1, 2, 3],
        ] {
            let (mut ours, mut std) = (v.clone(), v);
            dedup(&mut ours);
            std.dedup();
            assert_eq!(ours, std);
        }
    }

    #[test]
    fn matches_the_standard_stable_sort() {
        // A small pseudo-random generator keeps the test deterministic.
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for len in [0, 1, 2, 3, 7, 8, 9, 31, 64, 100, 257] {
            let items: Vec<(u64, usize)> = (0..len).map(|i| (next() % 10, i)).collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            let mut std_sorted = items.clone();
            std_sorted.sort_by_key(|&(k, _)| k);
            assert_eq!(ours, std_sorted, "len {len}");
            let mut whole = items.clone();
            sort(&mut whole);
            let mut std_whole = items;
            std_whole.sort_unstable();
            assert_eq!(whole, std_whole, "len {len}");
        }
        let mut words = vec![
            "pear".to_string(),
            "fig".into(),
            "apple".into(),
            "kiwi".into(),
        ];
        sort_by_key(&mut words, String::len);
        assert_eq!(words, ["fig", "pear", "kiwi", "apple"]);
        let mut floats = vec![2.5, -1.0, f64::INFINITY, 0.0];
        sort_by(&mut floats, f64::total_cmp);
        assert_eq!(floats, [-1.0, 0.0, 2.5, f64::INFINITY]);
    }
}
