//! The proposals on the client's own job, compared with each other: one bidder's risk is read against
//! the other bids on the same page.
//!
//! Checks (catalogue rows B1, P1, P6 in docs/rules.md), weights as data in [`CHECKS`]:
//! - the same proposal text under different accounts (near-duplicates by MinHash over 5-word shingles,
//!   verified by exact Jaccard; the longest common run of words is shown as evidence);
//! - a price far below the others (< 50 % of the median in USD, with at least 5 priced bids) from an account
//!   rated highly (JSS ≥ 90 or ≥ 4.8 stars): the published "high ratings, low pay" pattern, weak on its own;
//! - the same photo address under different accounts;
//! - the same portfolio link under different accounts.
//!
//! Deterministic and bounded: texts are cut to [`MAX_WORDS`] words, candidate pairs come from LSH bands and
//! are capped, and the evidence run is computed on at most [`EVIDENCE_WORDS`] words per side.

use crate::case::lowercase;
use crate::json::json_object;
use crate::model::{Bid, Field};
use crate::policy::{Lang, Policy};
use crate::rules::{fmt_num, Family, Finding, Unevaluated};
use crate::score::{self, Coverage, Level, Risk};
use crate::small_map::SmallMap;
use crate::texts::{self, s, say, Part, Sentence};
use crate::time::Instant;

/// One bidder's verdict, as the report lists it (in page order).
#[derive(Clone, Debug, PartialEq)]
pub struct BidReport {
    /// Position on the page, from 0 (the badge finds the row by it).
    pub index: usize,
    pub name: Option<String>,
    pub profile_url: Option<String>,
    pub risk: Risk,
}

json_object!(BidReport {
    index,
    name,
    profile_url,
    risk
});

/// Where a proposals page's bids were read: the CSS selector of the rows (one row per bid, in page
/// order) and, tried in order inside a row, the selectors of the bidder's name, after which the row's
/// badge goes.
#[derive(Clone, Debug, PartialEq)]
pub struct BidRows {
    pub rows: String,
    pub names: &'static [&'static str],
}

json_object!(BidRows { rows, names });

/// The rows the bids were read from, when the adapter read them from the page's own rows (not from
/// embedded data, whose order need not be the page's) and there are bids to mark.
pub fn bid_rows(
    site: Option<&str>,
    read_from: &SmallMap<Field, String>,
    bids: &[BidReport],
) -> Option<BidRows> {
    if bids.is_empty() {
        return None;
    }
    let (rows, names) = row_selectors(site?)?;
    let from = read_from.get(&Field::Bids)?;
    rows.contains(&from.as_str()).then(|| BidRows {
        rows: from.clone(),
        names,
    })
}

/// How a site's adapter finds the rows it reads bids from: (row selectors, tried in order, the first
/// that matches wins; name selectors inside a row). `None` for sites whose bids are not read from rows.
fn row_selectors(site: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    match site {
        #[cfg(feature = "site-upwork")]
        "upwork" => Some((
            crate::sites::upwork::proposals::ROW_SELECTORS,
            crate::sites::upwork::proposals::NAME,
        )),
        #[cfg(feature = "site-freelancer")]
        "freelancer" => Some((
            crate::sites::freelancer::bids::ROW_SELECTORS,
            crate::sites::freelancer::bids::NAME,
        )),
        _ => None,
    }
}

/// One check, declared as data.
pub struct Check {
    pub id: &'static str,
    pub family: Family,
    pub default_points: u32,
    // Its title, why and verify texts and its sources: src/texts/texts.json under its id (crate::texts).
}

pub static DUPLICATE_TEXT: Check = Check {
    id: "bid-duplicate-text",
    family: Family::Identity,
    default_points: 35,
};

pub static LOW_PAY_HIGH_RATING: Check = Check {
    id: "bid-low-pay-high-rating",
    family: Family::Pay,
    default_points: 10,
};

pub static SHARED_PHOTO: Check = Check {
    id: "bid-shared-photo",
    family: Family::Identity,
    default_points: 40,
};

pub static SHARED_LINK: Check = Check {
    id: "bid-shared-link",
    family: Family::Links,
    default_points: 25,
};

/// Every check, in report order.
pub static CHECKS: &[&Check] = &[
    &DUPLICATE_TEXT,
    &SHARED_PHOTO,
    &SHARED_LINK,
    &LOW_PAY_HIGH_RATING,
];

/// Words kept of one proposal for comparison.
pub const MAX_WORDS: usize = 2_000;
/// Words per side for the evidence run.
pub const EVIDENCE_WORDS: usize = 400;
/// Shingle length in words.
const SHINGLE: usize = 5;
/// Texts with fewer shingles are not compared (too short to be a template).
const MIN_SHINGLES: usize = 12;
/// Jaccard similarity of shingle sets from which two texts count as the same.
pub const DUPLICATE_JACCARD: f64 = 0.5;
const HASHES: usize = 64;
const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;
/// Values (links) compared per bid.
const MAX_SHARED_VALUES: usize = 20;
/// Candidate pairs verified at most.
const MAX_CANDIDATES: usize = 20_000;
/// Evidence run, in characters.
const MAX_EVIDENCE_CHARS: usize = 240;
/// The low-price check needs this many priced bids.
pub const MIN_PRICED_BIDS: usize = 5;
/// A price below this share of the median counts as far below.
pub const LOW_SHARE: f64 = 0.5;
pub const HIGH_JSS: u8 = 90;
pub const HIGH_RATING: f64 = 4.8;

/// Compares the bids with each other; one report per bid, in page order.
// Indices come from enumerating `bids`, and every per-bid vector here has `bids.len()` entries.
#[allow(clippy::indexing_slicing)]
pub fn assess_bids(bids: &[Bid], policy: &Policy, now: Instant) -> Vec<BidReport> {
    let lang = policy.lang;
    let n = bids.len();
    let mut keys: Vec<String> = Vec::new();
    for (i, b) in bids.iter().enumerate() {
        keys.push(identity(b, i));
    }
    // Filled by a loop, not `vec![..; n]`, which would link a clone of the hit list.
    let mut hits: Vec<Vec<(&'static Check, String)>> = Vec::new();
    for _ in 0..n {
        hits.push(Vec::new());
    }
    let on = |c: &Check| policy.is_enabled(c.id);

    if on(&DUPLICATE_TEXT) {
        for (i, j, sim, run) in duplicates(bids, &keys) {
            let pct = crate::float::fmt_shortest((sim * 100.0).round());
            for (a, b) in [(i, j), (j, i)] {
                let (other, name) = (b + 1, who(&bids[b], lang));
                let other = other.to_string();
                let text = say(lang, s::BID_SAME_WORDING, [&pct, &other, &name, &run]);
                hits[a].push((&DUPLICATE_TEXT, text));
            }
        }
    }
    // Shared photos and shared links: one sentence shape, "<what> <value> <is also in> proposal <n> (<who>)".
    if on(&SHARED_PHOTO) {
        // Each bid's photo key (owned: a key is cut from the address), then as (key, bid) pairs.
        let mut photos: Vec<Option<String>> = Vec::new();
        for b in bids {
            photos.push(b.photo_url.as_deref().and_then(photo_key));
        }
        let mut by: Vec<(&str, usize)> = Vec::new();
        for (i, p) in photos.iter().enumerate() {
            if let Some(p) = p {
                by.push((p.as_str(), i));
            }
        }
        push_shared(
            &mut hits,
            &SHARED_PHOTO,
            s::BID_SHARED_PHOTO,
            by,
            &keys,
            bids,
            lang,
        );
    }
    if on(&SHARED_LINK) {
        // Each bid's distinct uncommon links, the first 20 in sorted order, as (link, bid) pairs.
        // Sorted as pairs with the bid fixed, so one sort instance serves here and in `grouped`.
        let mut by: Vec<(&str, usize)> = Vec::new();
        for (i, b) in bids.iter().enumerate() {
            let mut v: Vec<(&str, usize)> = Vec::new();
            for l in &b.links {
                if !is_common_link(l) {
                    v.push((l.as_str(), i));
                }
            }
            crate::sort::sort(&mut v);
            crate::sort::dedup(&mut v);
            v.truncate(MAX_SHARED_VALUES);
            by.append(&mut v);
        }
        push_shared(
            &mut hits,
            &SHARED_LINK,
            s::BID_SHARED_LINK,
            by,
            &keys,
            bids,
            lang,
        );
    }
    let (mut prices, mut priced) = (Vec::new(), Vec::new());
    for b in bids {
        let p = price_usd(b, now);
        prices.push(p);
        priced.extend(p);
    }
    let median = median(&priced);
    if on(&LOW_PAY_HIGH_RATING) && priced.len() >= MIN_PRICED_BIDS {
        if let Some(med) = median.filter(|m| *m > 0.0) {
            for (i, b) in bids.iter().enumerate() {
                let (Some(p), true) = (prices[i], highly_rated(b)) else {
                    continue;
                };
                if p < LOW_SHARE * med {
                    let rating = match (b.job_success, b.rating) {
                        (Some(j), _) => format!("JSS {j}%"),
                        (_, Some(r)) => format!("{}★", crate::float::fmt_fixed(r, 1)),
                        _ => String::new(),
                    };
                    let (bid, median) = (fmt_num(p, lang), fmt_num(med, lang));
                    let count = priced.len().to_string();
                    let text = say(lang, s::BID_LOW_PAY, [&bid, &median, &count, &rating]);
                    hits[i].push((&LOW_PAY_HIGH_RATING, text));
                }
            }
        }
    }

    let mut enabled = 0;
    for c in CHECKS {
        enabled += usize::from(on(c));
    }
    let mut reports = Vec::new();
    for (i, b) in bids.iter().enumerate() {
        // Group this bidder's evidence by check: one finding per check.
        let mut findings: Vec<Finding> = Vec::new();
        for check in CHECKS {
            let mut evidence: Vec<String> = Vec::new();
            // Each hit belongs to one check, so its text is moved out, not copied.
            for (c, ev) in &mut hits[i] {
                if std::ptr::eq(*c, *check) && evidence.len() < 5 && !evidence.contains(ev) {
                    evidence.push(std::mem::take(ev));
                }
            }
            if !evidence.is_empty() {
                findings.push(finding(check, evidence, policy));
            }
        }
        let mut unevaluated = Vec::new();
        let mut evaluated = 0;
        for c in CHECKS.iter().filter(|c| on(c)) {
            let is = |check: &Check| std::ptr::eq(*c, check);
            let mut missing = Vec::new();
            if is(&DUPLICATE_TEXT) && b.text.is_none() {
                missing.push(Field::Overview);
            }
            if is(&SHARED_PHOTO) && b.photo_url.is_none() {
                missing.push(Field::PhotoUrl);
            }
            if is(&SHARED_LINK) && b.text.is_none() && b.links.is_empty() {
                missing.push(Field::Links);
            }
            if is(&LOW_PAY_HIGH_RATING) {
                if prices[i].is_none() || priced.len() < MIN_PRICED_BIDS {
                    missing.push(Field::HourlyRate);
                }
                if b.job_success.is_none() && b.rating.is_none() {
                    missing.push(Field::JobSuccess);
                }
            }
            if missing.is_empty() {
                evaluated += 1;
            } else {
                unevaluated.push(Unevaluated {
                    rule: c.id,
                    title: texts::get(c.id, Part::Title, lang).to_string(),
                    missing,
                });
            }
        }
        let read = [
            b.name.is_some() || b.profile_url.is_some(),
            b.rate.is_some() || b.amount.is_some(),
            b.job_success.is_some() || b.rating.is_some(),
            b.text.is_some(),
            b.photo_url.is_some(),
        ];
        let coverage = Coverage {
            fields_read: read.into_iter().map(usize::from).sum(),
            fields_expected: read.len(),
            rules_evaluated: evaluated,
            rules_total: enabled,
        };
        reports.push(BidReport {
            index: i,
            name: b.name.clone(),
            profile_url: b.profile_url.clone(),
            risk: score::assess(findings, unevaluated, coverage, policy),
        });
    }
    reports
}

/// The page's verdict from the bidders': the worst level (unknown above low: unknown is never low), the
/// highest score, and "N of M proposals show indicators".
pub fn summarize(reports: &[BidReport], policy: &Policy) -> Risk {
    let lang = policy.lang;
    let rank = |l: Level| match l {
        Level::Low => 0,
        Level::Unknown => 1,
        Level::Elevated => 2,
        Level::High => 3,
    };
    // One pass: the worst level, the highest score, the bids flagged and unread, the rules run.
    let mut level = Level::Unknown;
    let (mut flagged, mut unread, mut score) = (0, 0, 0);
    let (mut rules_evaluated, mut rules_total) = (0, 0);
    for (k, r) in reports.iter().enumerate() {
        if k == 0 || rank(r.risk.level) >= rank(level) {
            level = r.risk.level;
        }
        flagged += usize::from(!r.risk.findings.is_empty());
        unread += usize::from(r.risk.level == Level::Unknown);
        score = score.max(r.risk.score);
        rules_evaluated += r.risk.coverage.rules_evaluated;
        rules_total += r.risk.coverage.rules_total;
    }
    let m = reports.len();
    let (flagged, all, unread_n) = (flagged.to_string(), m.to_string(), unread.to_string());
    let summary = if m == 0 {
        say(lang, s::BIDS_NONE_READ, [])
    } else if unread > 0 {
        say(lang, s::BIDS_SUMMARY_UNREAD, [&flagged, &all, &unread_n])
    } else {
        say(lang, s::BIDS_SUMMARY, [&flagged, &all])
    };
    Risk {
        level,
        score,
        findings: Vec::new(),
        unevaluated: Vec::new(),
        coverage: Coverage {
            fields_read: usize::from(m > 0),
            fields_expected: 1,
            rules_evaluated,
            rules_total,
        },
        summary,
    }
}

fn finding(c: &Check, evidence: Vec<String>, policy: &Policy) -> Finding {
    let weight = policy.weight(c.id, c.default_points);
    Finding::new(
        c.id,
        c.family,
        evidence,
        weight,
        texts::source(c.id),
        policy.lang,
    )
}

/// Who places a bid: the profile address, else the name, else the row (so two rows without either are
/// different bidders, never "the same one").
fn identity(b: &Bid, i: usize) -> String {
    if let Some(u) = &b.profile_url {
        return format!("u:{}", lowercase(u.trim_end_matches('/')));
    }
    if let Some(n) = &b.name {
        return format!("n:{}", lowercase(n));
    }
    format!("row:{i}")
}

fn who(b: &Bid, lang: Lang) -> String {
    b.name
        .as_deref()
        .map(|n| crate::text::prefix(n, 60).to_string())
        .unwrap_or_else(|| say(lang, s::NO_NAME_SHOWN, []))
}

fn short(s: &str) -> String {
    if s.chars().count() <= 120 {
        s.to_string()
    } else {
        let mut t = crate::text::prefix(s, 117).to_string();
        t.push('…');
        t
    }
}

/// A photo address without query and fragment (sizes and cache keys differ for one picture).
fn photo_key(url: &str) -> Option<String> {
    let u = url.trim();
    let u = crate::text::before_any(u, b"?#").trim_end_matches('/');
    let low = u.to_ascii_lowercase();
    // Placeholders are shared by design.
    if low.is_empty()
        || low.starts_with("data:")
        || low.contains("default")
        || low.contains("placeholder")
    {
        return None;
    }
    Some(crate::text::prefix(u, 2_000).to_string())
}

/// Links everybody names (the marketplace itself, code hosts' front pages) say nothing about a bidder.
fn is_common_link(l: &str) -> bool {
    let host = crate::text::address_host(l).unwrap_or("");
    let path_empty = l
        .split("://")
        .nth(1)
        .map(|r| r.find('/').is_none_or(|i| r[i..].len() <= 1))
        .unwrap_or(true);
    ["upwork.com", "freelancer.com"]
        .iter()
        .any(|d| crate::text::host_is_under(host, d))
        || path_empty
}

/// For every pair of different bidders i ≠ j who share a value (`by`: (value, bid) pairs, each at most
/// once), both ways: a hit of `check` for bid i, `sentence` with the value, j + 1 and who j is.
// `keys` and `hits` are per bid (same length); the bids in `by` index them.
#[allow(clippy::indexing_slicing)]
fn push_shared(
    hits: &mut [Vec<(&'static Check, String)>],
    check: &'static Check,
    sentence: Sentence<3>,
    by: Vec<(&str, usize)>,
    keys: &[String],
    bids: &[Bid],
    lang: Lang,
) {
    for (v, idx) in grouped(by) {
        if idx.len() < 2 {
            continue;
        }
        for &i in &idx {
            // At most 5 others named per value.
            for &j in idx.iter().filter(|&&j| keys[j] != keys[i]).take(5) {
                let (value, other) = (short(v), (j + 1).to_string());
                let text = say(lang, sentence, [&value, &other, &who(&bids[j], lang)]);
                hits[i].push((check, text));
            }
        }
    }
}

/// The indices of each key, in key order, each list ascending (a small sort instead of a hash map).
fn grouped<K: Ord + Copy>(mut pairs: Vec<(K, usize)>) -> Vec<(K, Vec<usize>)> {
    crate::sort::sort(&mut pairs);
    let mut out: Vec<(K, Vec<usize>)> = Vec::new();
    for (k, i) in pairs {
        match out.last_mut() {
            Some((last, idx)) if *last == k => idx.push(i),
            _ => out.push((k, vec![i])),
        }
    }
    out
}

fn price_usd(b: &Bid, now: Instant) -> Option<f64> {
    b.rate
        .as_ref()
        .or(b.amount.as_ref())
        .and_then(|m| crate::currency::to_usd_at(m, now))
        .filter(|v| v.is_finite() && *v > 0.0)
}

fn highly_rated(b: &Bid) -> bool {
    b.job_success.is_some_and(|j| j >= HIGH_JSS) || b.rating.is_some_and(|r| r >= HIGH_RATING)
}

fn median(v: &[f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    // Prices are finite and above 0, whose bit patterns sort as the numbers do: the u64 sort the
    // shingles use anyway serves here too.
    let mut s: Vec<u64> = Vec::new();
    for x in v {
        s.push(x.to_bits());
    }
    crate::sort::sort(&mut s);
    let m = s.len() / 2;
    let upper = f64::from_bits(*s.get(m)?);
    Some(if s.len() % 2 == 0 {
        (f64::from_bits(*s.get(m - 1)?) + upper) / 2.0
    } else {
        upper
    })
}

/// Lower-case words of a text, at most [`MAX_WORDS`].
pub fn words(text: &str) -> Vec<String> {
    lower_words(text, MAX_WORDS)
}

/// The first `max` words of a text (runs of letters and digits), in lower case. The memory's SimHash
/// reads overviews the same way.
pub fn lower_words(text: &str, max: usize) -> Vec<String> {
    let mut out = Vec::new();
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if out.len() == max {
            break;
        }
        if !w.is_empty() {
            out.push(lowercase(w));
        }
    }
    out
}

/// FNV-1a: the start value for `seed`, then [`fnv_add`] byte by byte.
fn fnv_start(seed: u64) -> u64 {
    0xcbf2_9ce4_8422_2325u64 ^ seed
}

fn fnv_add(h: u64, bytes: &[u8]) -> u64 {
    let mut h = h;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn mix(mut x: u64) -> u64 {
    // splitmix64 finaliser.
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Sorted, deduplicated hashes of the text's 5-word shingles.
fn shingles(w: &[String]) -> Vec<u64> {
    let mut v: Vec<u64> = Vec::new();
    for s in w.windows(SHINGLE) {
        // Each word and a 0 byte after it.
        let mut h = fnv_start(0);
        for x in s {
            h = fnv_add(fnv_add(h, x.as_bytes()), &[0]);
        }
        v.push(h);
    }
    crate::sort::sort(&mut v);
    crate::sort::dedup(&mut v);
    v
}

fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - inter;
    if union == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

/// Near-duplicate pairs (i < j, different bidders): (i, j, similarity, longest common run of words).
// Indices come from enumerating `bids`, and every per-bid vector here has `bids.len()` entries.
#[allow(clippy::indexing_slicing)]
pub fn duplicates(bids: &[Bid], keys: &[String]) -> Vec<(usize, usize, f64, String)> {
    // Per bid: its words, its shingles and, when it has enough of them, its MinHash signature.
    let (mut toks, mut sh, mut sigs) = (Vec::new(), Vec::new(), Vec::new());
    for b in bids {
        let t = b.text.as_deref().map(words).unwrap_or_default();
        let s = shingles(&t);
        sigs.push((s.len() >= MIN_SHINGLES).then(|| {
            let mut sig = [u64::MAX; HASHES];
            for &h in &s {
                for (k, slot) in sig.iter_mut().enumerate() {
                    let v = mix(h ^ (k as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
                    if v < *slot {
                        *slot = v;
                    }
                }
            }
            sig
        }));
        toks.push(t);
        sh.push(s);
    }
    // LSH: bids sharing one band's hashes are candidates. Candidates are kept as `i << 32 | j` (i < j,
    // both below MAX_BIDS), which sorts as the pairs do and shares the shingles' u64 sort.
    let mut cands: Vec<u64> = Vec::new();
    for band in 0..BANDS {
        let mut hashes: Vec<Option<u64>> = Vec::new();
        for s in &sigs {
            hashes.push(s.as_ref().map(|s| {
                let mut h = fnv_start(band as u64);
                for x in &s[band * ROWS..(band + 1) * ROWS] {
                    h = fnv_add(h, &x.to_le_bytes());
                }
                h
            }));
        }
        // Each bucket once, from its first (lowest) bid, in bid order: buckets are disjoint, so this
        // is the order of the buckets' sorted index lists. A few hundred bids at most: plain scans.
        for first in 0..hashes.len() {
            let Some(h) = hashes[first] else { continue };
            if hashes[..first].contains(&Some(h)) {
                continue;
            }
            let mut bucket: Vec<usize> = Vec::new();
            for (k, other) in hashes.iter().enumerate().skip(first) {
                if *other == Some(h) {
                    bucket.push(k);
                }
            }
            for (x, &i) in bucket.iter().enumerate() {
                for &j in &bucket[x + 1..] {
                    if keys[i] != keys[j] && cands.len() < MAX_CANDIDATES * 4 {
                        cands.push(((i.min(j) as u64) << 32) | i.max(j) as u64);
                    }
                }
            }
        }
    }
    crate::sort::sort(&mut cands);
    crate::sort::dedup(&mut cands);
    cands.truncate(MAX_CANDIDATES);
    let mut out = Vec::new();
    // Evidence runs are computed for at most a few pairs per bidder.
    let mut shown = vec![0u8; bids.len()];
    for pair in cands {
        let (i, j) = ((pair >> 32) as usize, (pair & 0xffff_ffff) as usize);
        let sim = jaccard(&sh[i], &sh[j]);
        if sim < DUPLICATE_JACCARD {
            continue;
        }
        if shown[i] >= 3 && shown[j] >= 3 {
            continue;
        }
        shown[i] = shown[i].saturating_add(1);
        shown[j] = shown[j].saturating_add(1);
        out.push((i, j, sim, longest_run(&toks[i], &toks[j])));
    }
    out
}

/// The longest run of words both texts share (first [`EVIDENCE_WORDS`] words of each), bounded to
/// [`MAX_EVIDENCE_CHARS`] characters.
// The DP rows have `b.len() + 1` cells and the loops stay within `a` and `b`; the run ends at `end`.
#[allow(clippy::indexing_slicing)]
pub fn longest_run(a: &[String], b: &[String]) -> String {
    let a = &a[..a.len().min(EVIDENCE_WORDS)];
    let b = &b[..b.len().min(EVIDENCE_WORDS)];
    let mut prev = vec![0u16; b.len() + 1];
    let mut cur = vec![0u16; b.len() + 1];
    let (mut best, mut end) = (0u16, 0usize);
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            cur[j] = if a[i - 1] == b[j - 1] {
                prev[j - 1] + 1
            } else {
                0
            };
            if cur[j] > best {
                best = cur[j];
                end = i;
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let run = crate::text::join(&a[end - best as usize..end], " ");
    if run.chars().count() <= MAX_EVIDENCE_CHARS {
        run
    } else {
        let mut t = crate::text::prefix(&run, MAX_EVIDENCE_CHARS - 1).to_string();
        t.push('…');
        t
    }
}
