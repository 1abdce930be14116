//! Memory across profiles, kept on the client's device only (P6, P7, P13 in docs/rules.md).
//!
//! Each analysed profile leaves a small [`Fingerprint`]: its key and name, the photo address, a
//! perceptual hash of the photo (when the extension could compute one from a readable image), a
//! SimHash of the overview text and the non-generic links. The extension keeps the fingerprints in
//! its own storage and passes them back in; [`findings`] reports when the profile on the page shares
//! a photo, a bio or a link with a profile the client saw under another key and another name.
//! Nothing here touches the network or storage; the input is treated as hostile.

use crate::case::lowercase;
use crate::json::{json_object, member, member_or_default, FromJson, Value};
use crate::model::Profile;
use crate::policy::{Lang, Policy};
use crate::report::Report;
use crate::rules::{Family, Finding, Outcome, RuleSpec};
use crate::score;
use crate::sites::{Extraction, PageKind};
use crate::texts::{s, say};

/// How many remembered profiles one check looks at; the rest is ignored.
pub const MAX_SEEN: usize = 5000;
/// How many links of one fingerprint are kept and compared.
pub const MAX_LINKS: usize = 64;
/// Longest string kept from a fingerprint field (characters).
const MAX_FIELD: usize = 512;
/// Bios shorter than this many words are too generic to compare.
pub const MIN_BIO_WORDS: usize = 40;
/// Hamming distance up to which two photo hashes count as the same picture.
pub const PHOTO_MAX_DISTANCE: u32 = 6;
/// Hamming distance up to which two bio SimHashes count as the same text.
pub const BIO_MAX_DISTANCE: u32 = 3;
/// Findings per kind, at most (the evidence names each other profile).
const MAX_MATCHES_SHOWN: usize = 5;

/// What the device remembers of one profile.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Fingerprint {
    /// The profile key ("upwork:~01abc…").
    pub key: String,
    pub name: Option<String>,
    pub photo_url: Option<String>,
    /// 64-bit perceptual hash of the photo, 16 hex digits, when the extension could compute one.
    pub photo_hash: Option<String>,
    /// 64-bit SimHash of the overview, 16 hex digits; only for overviews of [`MIN_BIO_WORDS`] words or more.
    pub bio: Option<String>,
    /// Non-generic links, normalised (lower case, no scheme, no "www.", no trailing slash).
    pub links: Vec<String>,
    /// When the profile was seen (RFC 3339).
    pub seen_at: String,
}

json_object!(Fingerprint {
    key,
    name,
    photo_url,
    photo_hash,
    bio,
    links,
    seen_at
});

/// Read as serde's derived reader read it: an object with a text `key`; every other member may be
/// left out, and unknown members are ignored; a member of the wrong type rejects the fingerprint.
impl FromJson for Fingerprint {
    fn from_json(v: &Value) -> Option<Self> {
        v.as_object()?;
        Some(Fingerprint {
            key: member(v, "key")?,
            name: member(v, "name")?,
            photo_url: member(v, "photo_url")?,
            photo_hash: member(v, "photo_hash")?,
            bio: member(v, "bio")?,
            links: member_or_default(v, "links")?,
            seen_at: member_or_default(v, "seen_at")?,
        })
    }
}

pub static REUSED_PHOTO: RuleSpec = RuleSpec {
    id: "reused-photo",
    family: Family::Identity,
    default_points: 35,
    thresholds: &[],
    evaluate: not_a_page_rule,
};

pub static REUSED_BIO: RuleSpec = RuleSpec {
    id: "reused-bio",
    family: Family::Identity,
    default_points: 25,
    thresholds: &[],
    evaluate: not_a_page_rule,
};

pub static REUSED_LINK: RuleSpec = RuleSpec {
    id: "reused-link",
    family: Family::Identity,
    default_points: 25,
    thresholds: &[],
    evaluate: not_a_page_rule,
};

/// The memory rules, in report order. They compare against remembered profiles, not one page, so they
/// are not in [`crate::rules::RULES`]; the policy enables and weights them by id all the same.
pub static MEMORY_RULES: &[&RuleSpec] = &[&REUSED_PHOTO, &REUSED_BIO, &REUSED_LINK];

fn not_a_page_rule(_: &crate::rules::Context) -> Outcome {
    Outcome::Unknown(Vec::new())
}

/// What the extension passes in for the memory check: the fingerprints remembered on the device and
/// what it could learn of the photo on the page.
#[derive(Clone, Copy, Debug, Default)]
pub struct Recall<'a> {
    pub seen: &'a [Fingerprint],
    pub photo_url: Option<&'a str>,
    pub photo_hash: Option<&'a str>,
}

/// Adds the profile's fingerprint to the report and, when it matches a remembered profile of another
/// key and name, the findings, re-scored with the rest. Only profile pages are fingerprinted.
pub fn apply(report: &mut Report, recall: &Recall, policy: &Policy) {
    if report.page_kind != PageKind::Profile || report.risk.coverage.fields_expected == 0 {
        return;
    }
    let Some(fp) = fingerprint_of(
        report.profile_key.as_deref(),
        &report.profile,
        recall.photo_url,
        recall.photo_hash,
        &report.analyzed_at,
    ) else {
        return;
    };
    let mut found = findings(&fp, recall.seen, policy);
    report.fingerprint = Some(fp);
    if found.is_empty() {
        return;
    }
    // Scored again with the rest; the old verdict is replaced, so its lists are moved, not copied.
    let mut all = std::mem::take(&mut report.risk.findings);
    all.append(&mut found);
    report.risk = score::assess(
        all,
        std::mem::take(&mut report.risk.unevaluated),
        report.risk.coverage,
        policy,
    );
}

/// The fingerprint of what was read, or `None` when the page does not say whose profile it is.
/// `photo_hash` comes from the extension (16 hex digits) and is dropped when malformed.
pub fn fingerprint(
    extraction: &Extraction,
    photo_url: Option<&str>,
    photo_hash: Option<&str>,
    seen_at: &str,
) -> Option<Fingerprint> {
    fingerprint_of(
        extraction.profile_key.as_deref(),
        &extraction.profile,
        photo_url,
        photo_hash,
        seen_at,
    )
}

/// [`fingerprint`] of the profile `p` under the key `key`.
fn fingerprint_of(
    key: Option<&str>,
    p: &Profile,
    photo_url: Option<&str>,
    photo_hash: Option<&str>,
    seen_at: &str,
) -> Option<Fingerprint> {
    let key = key?.trim();
    if key.is_empty() {
        return None;
    }
    let photo_url = p
        .photo_url
        .as_deref()
        .or(photo_url)
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(clip);
    let photo_hash = photo_hash
        .and_then(parse_hash)
        .filter(|h| useful_photo_hash(*h))
        .map(hex);
    let bio = p.overview.as_deref().and_then(simhash).map(hex);
    let mut links: Vec<String> = Vec::new();
    for l in p.links.iter().flatten() {
        if let Some(n) = normalize_link(l) {
            if !links.contains(&n) && links.len() < MAX_LINKS {
                links.push(n);
            }
        }
    }
    Some(Fingerprint {
        key: clip(key),
        name: p
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(clip),
        photo_url,
        photo_hash,
        bio,
        links,
        seen_at: seen_at.to_string(),
    })
}

/// Findings for `current` against the remembered fingerprints `seen`, weighted like rule findings
/// (full weight in `points`; the scorer applies diminishing returns within the family).
pub fn findings(current: &Fingerprint, seen: &[Fingerprint], policy: &Policy) -> Vec<Finding> {
    let lang = policy.lang;
    let mut photo = Vec::new();
    let mut bio = Vec::new();
    let mut link = Vec::new();
    let cur_hash = current.photo_hash.as_deref().and_then(parse_hash);
    let cur_bio = current.bio.as_deref().and_then(parse_hash);
    let cur_url = current
        .photo_url
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty());
    let mut cur_links: Vec<String> = Vec::new();
    for l in current.links.iter().take(MAX_LINKS) {
        cur_links.extend(normalize_link(l));
    }
    let cur_name = current
        .name
        .as_deref()
        .map(name_key)
        .filter(|n| !n.is_empty());
    for other in seen.iter().take(MAX_SEEN) {
        if other.key.trim() == current.key.trim() {
            continue;
        }
        let other_name = other
            .name
            .as_deref()
            .map(name_key)
            .filter(|n| !n.is_empty());
        if cur_name.is_some() && cur_name == other_name {
            continue;
        }
        let who = describe(other, lang);
        if photo.len() < MAX_MATCHES_SHOWN {
            let same_url =
                cur_url.is_some() && other.photo_url.as_deref().map(str::trim) == cur_url;
            let near = match (cur_hash, other.photo_hash.as_deref().and_then(parse_hash)) {
                (Some(a), Some(b)) if useful_photo_hash(b) => {
                    Some((a ^ b).count_ones()).filter(|d| *d <= PHOTO_MAX_DISTANCE)
                }
                _ => None,
            };
            if same_url {
                photo.push(say(lang, s::MEMORY_SAME_PHOTO, [&who]));
            } else if let Some(d) = near {
                photo.push(say(lang, s::MEMORY_NEAR_PHOTO, [&d.to_string(), &who]));
            }
        }
        if bio.len() < MAX_MATCHES_SHOWN {
            if let (Some(a), Some(b)) = (cur_bio, other.bio.as_deref().and_then(parse_hash)) {
                let d = (a ^ b).count_ones();
                if d <= BIO_MAX_DISTANCE {
                    bio.push(say(lang, s::MEMORY_NEAR_BIO, [&d.to_string(), &who]));
                }
            }
        }
        if link.len() < MAX_MATCHES_SHOWN {
            // The first three of its links this profile has too, as "a, b, c".
            let (mut list, mut shared) = (String::new(), 0);
            for l in other.links.iter().take(MAX_LINKS) {
                if shared == 3 {
                    break;
                }
                if let Some(c) = normalize_link(l).and_then(|l| cur_links.iter().find(|c| **c == l))
                {
                    if shared > 0 {
                        list.push_str(", ");
                    }
                    list.push_str(c);
                    shared += 1;
                }
            }
            if shared > 0 {
                link.push(say(lang, s::MEMORY_SAME_LINKS, [&list, &who]));
            }
        }
    }
    let mut out = Vec::new();
    for (rule, evidence) in [
        (&REUSED_PHOTO, photo),
        (&REUSED_BIO, bio),
        (&REUSED_LINK, link),
    ] {
        if evidence.is_empty() || !policy.is_enabled(rule.id) {
            continue;
        }
        let weight = policy.weight(rule.id, rule.default_points);
        let mut evidence = evidence;
        evidence.push(say(lang, s::MEMORY_THIS_DEVICE, []));
        out.push(rule.finding(evidence, weight, crate::texts::source(rule.id), lang));
    }
    out
}

fn describe(other: &Fingerprint, lang: Lang) -> String {
    let name: String = other
        .name
        .as_deref()
        .map(|n| crate::text::prefix(n, 80).to_string())
        .filter(|n: &String| !n.trim().is_empty())
        .unwrap_or_else(|| say(lang, s::NO_NAME, []));
    let key = crate::text::prefix(&other.key, 120);
    let when = crate::text::prefix(&other.seen_at, 10);
    if when.is_empty() {
        say(lang, s::MEMORY_WHO, [&name, key])
    } else {
        say(lang, s::MEMORY_WHO_SEEN, [&name, key, when])
    }
}

fn clip(s: &str) -> String {
    crate::text::prefix(s, MAX_FIELD).to_string()
}

fn name_key(n: &str) -> String {
    let mut key = String::new();
    for w in n.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(&lowercase(w));
    }
    key
}

/// `h` as 16 lower-case hex digits, as `format!("{h:016x}")` writes it (without core's hex formatter).
fn hex(h: u64) -> String {
    let mut out = String::with_capacity(16);
    for shift in (0..16).rev() {
        let digit = ((h >> (4 * shift)) & 0xf) as u32;
        out.extend(char::from_digit(digit, 16));
    }
    out
}

/// A 64-bit hash written as 1–16 hex digits; anything else is `None`.
pub fn parse_hash(s: &str) -> Option<u64> {
    let s = s.trim();
    if s.is_empty() || s.len() > 16 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    // At most 16 hex digits: the value fits, and each digit is checked above.
    let mut h = 0u64;
    for c in s.chars() {
        h = h << 4 | u64::from(c.to_digit(16)?);
    }
    Some(h)
}

/// A blank or one-colour picture hashes to (nearly) all zeros or all ones: not a fingerprint.
fn useful_photo_hash(h: u64) -> bool {
    let ones = h.count_ones();
    (8..=56).contains(&ones)
}

fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// 64-bit SimHash of a text over word pairs (lower-cased alphanumeric words), or `None` for texts
/// shorter than [`MIN_BIO_WORDS`] words. Deterministic on every platform.
pub fn simhash(text: &str) -> Option<u64> {
    let words = crate::proposals::lower_words(text, 5000);
    if words.len() < MIN_BIO_WORDS {
        return None;
    }
    let mut acc = [0i64; 64];
    for pair in words.windows(2) {
        let [first, second] = pair else { continue };
        let mut feature = Vec::with_capacity(first.len() + second.len() + 1);
        feature.extend_from_slice(first.as_bytes());
        feature.push(b' ');
        feature.extend_from_slice(second.as_bytes());
        let h = fnv1a(&feature);
        for (bit, a) in acc.iter_mut().enumerate() {
            if h >> bit & 1 == 1 {
                *a += 1;
            } else {
                *a -= 1;
            }
        }
    }
    let mut out = 0u64;
    for (bit, a) in acc.iter().enumerate() {
        if *a > 0 {
            out |= 1 << bit;
        }
    }
    Some(out)
}

/// Hosts whose bare root says nothing about who owns a profile (and the marketplaces themselves).
const GENERIC_ROOTS: &str = "\
github.com
linkedin.com
gitlab.com
behance.net
dribbble.com
twitter.com
x.com
facebook.com
instagram.com
medium.com
stackoverflow.com
google.com
youtube.com";
const MARKETPLACES: &str = "\
upwork.com
freelancer.com
fiverr.com
guru.com
peopleperhour.com
toptal.com";

/// A link as compared: lower case, without scheme, "www.", query, fragment and trailing slash; an
/// e-mail address lower-cased. `None` for generic roots, the marketplaces and anything unusable.
pub fn normalize_link(link: &str) -> Option<String> {
    let l = lowercase(link.trim());
    if l.is_empty() || l.chars().count() > MAX_FIELD {
        return None;
    }
    if let Some(mail) = l
        .strip_prefix("mailto:")
        .or(if l.contains('@') && !l.contains('/') {
            Some(l.as_str())
        } else {
            None
        })
    {
        let mail = mail.split('?').next().unwrap_or("").trim();
        return (mail.contains('@') && mail.len() > 3).then(|| mail.to_string());
    }
    let rest = l
        .strip_prefix("https://")
        .or_else(|| l.strip_prefix("http://"))
        .unwrap_or(&l);
    let rest = crate::text::before_any(rest, b"?#");
    let rest = rest
        .strip_prefix("www.")
        .unwrap_or(rest)
        .trim_end_matches('/');
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let host = host.split(':').next().unwrap_or("");
    if host.is_empty() || !host.contains('.') || host.contains(char::is_whitespace) {
        return None;
    }
    // The host is a listed domain (one a line) or under one.
    let on = |list: &str| {
        list.lines().any(|d| {
            host.strip_suffix(d)
                .is_some_and(|sub| sub.is_empty() || sub.ends_with('.'))
        })
    };
    if on(MARKETPLACES) || (path.is_empty() && on(GENERIC_ROOTS)) {
        return None;
    }
    Some(format!("{host}{path}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_written_and_read_as_std_does() {
        for h in [
            0,
            1,
            0xf,
            0x10,
            0xdead_beef,
            u64::MAX,
            0x0123_4567_89ab_cdef,
        ] {
            assert_eq!(hex(h), format!("{h:016x}"));
            assert_eq!(parse_hash(&hex(h)), Some(h));
        }
        for t in ["", "g", "0x1", "12345678901234567", " ff ", "FF", "-1"] {
            let std = t.trim();
            let expected =
                (!std.is_empty() && std.len() <= 16 && std.bytes().all(|b| b.is_ascii_hexdigit()))
                    .then(|| u64::from_str_radix(std, 16).ok())
                    .flatten();
            assert_eq!(parse_hash(t), expected, "{t:?}");
        }
    }

    fn fp(key: &str, name: &str) -> Fingerprint {
        Fingerprint {
            key: key.into(),
            name: Some(name.into()),
            seen_at: "2026-11-20T10:00:00Z".into(),
            ..Fingerprint::default()
        }
    }

    const BIO: &str = "I am a senior full stack engineer with eight years of experience building fintech \
        dashboards, trading platforms and NFT marketplaces with React, Node, Rust and Solidity. I deliver \
        clean code on time, communicate daily and have worked with startups and enterprises across the \
        United States and Europe on long term contracts.";

    #[test]
    fn same_photo_under_another_name_fires() {
        let mut a = fp("upwork:~01a", "Lukas M.");
        a.photo_url = Some("https://cdn.example/p/1.jpg".into());
        let mut b = fp("upwork:~01b", "Jonas K.");
        b.photo_url = a.photo_url.clone();
        let f = findings(&a, &[b], &Policy::default());
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, "reused-photo");
        assert!(f[0].evidence[0].contains("Jonas K.") && f[0].evidence[0].contains("upwork:~01b"));
        assert!(f[0].evidence[0].contains("2026-11-20"));
        // Near-identical perceptual hashes count too; far ones do not.
        let mut c = fp("upwork:~01c", "Eva");
        c.photo_hash = Some("f0f0f0f0f0f0f0f0".into());
        let mut d = fp("upwork:~01d", "Max");
        d.photo_hash = Some("f0f0f0f0f0f0f0f3".into());
        assert_eq!(findings(&c, &[d.clone()], &Policy::default()).len(), 1);
        d.photo_hash = Some("0f0f0f0f0f0f0f0f".into());
        assert!(findings(&c, &[d], &Policy::default()).is_empty());
    }

    #[test]
    fn same_key_or_same_name_never_fires() {
        let mut a = fp("upwork:~01a", "Lukas M.");
        a.photo_url = Some("https://cdn.example/p/1.jpg".into());
        a.links = vec!["fintech-dash-demo.netlify.app".into()];
        let mut same_key = a.clone();
        same_key.name = Some("Somebody Else".into());
        assert!(findings(&a, &[same_key], &Policy::default()).is_empty());
        let mut same_name = a.clone();
        same_name.key = "upwork:~01z".into();
        same_name.name = Some("  lukas   m. ".into());
        assert!(findings(&a, &[same_name], &Policy::default()).is_empty());
    }

    #[test]
    fn generic_and_marketplace_links_are_ignored() {
        assert_eq!(normalize_link("https://github.com/"), None);
        assert_eq!(normalize_link("https://www.linkedin.com"), None);
        assert_eq!(
            normalize_link("https://www.upwork.com/freelancers/~01x"),
            None
        );
        assert_eq!(
            normalize_link("https://GitHub.com/lukas-m/"),
            Some("github.com/lukas-m".into())
        );
        assert_eq!(
            normalize_link("https://fintech-dash-demo.netlify.app/?ref=1"),
            Some("fintech-dash-demo.netlify.app".into())
        );
        assert_eq!(normalize_link("mailto:A@B.io"), Some("a@b.io".into()));
        let mut a = fp("upwork:~01a", "A");
        a.links = vec!["https://github.com".into(), "https://linkedin.com/".into()];
        let mut b = fp("upwork:~01b", "B");
        b.links = a.links.clone();
        assert!(findings(&a, &[b.clone()], &Policy::default()).is_empty());
        a.links
            .push("https://fintech-dash-demo.netlify.app/".into());
        b.links
            .push("http://www.fintech-dash-demo.netlify.app".into());
        let f = findings(&a, &[b], &Policy::default());
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].rule, "reused-link");
        assert!(f[0].evidence[0].contains("fintech-dash-demo.netlify.app"));
    }

    #[test]
    fn short_bios_are_ignored_and_long_ones_compared() {
        assert_eq!(simhash("Senior developer, React and Node."), None);
        let a = simhash(BIO).unwrap();
        let b = simhash(&BIO.replace("eight", "Eight")).unwrap();
        assert_eq!(a, b);
        let mut p = Profile {
            name: Some("A".into()),
            overview: Some(BIO.into()),
            ..Profile::default()
        };
        let ex = Extraction {
            profile_key: Some("upwork:~01a".into()),
            profile: p.clone(),
            ..Extraction::default()
        };
        let fa = fingerprint(&ex, None, None, "2026-11-26T00:00:00Z").unwrap();
        p.name = Some("B".into());
        p.overview = Some("Senior developer, React and Node.".into());
        let ex_b = Extraction {
            profile_key: Some("upwork:~01b".into()),
            profile: p,
            ..Extraction::default()
        };
        let fb = fingerprint(&ex_b, None, None, "").unwrap();
        assert_eq!(fb.bio, None);
        assert!(findings(&fb, std::slice::from_ref(&fa), &Policy::default()).is_empty());
        let mut fc = fa.clone();
        fc.key = "upwork:~01c".into();
        fc.name = Some("C".into());
        let f = findings(&fa, &[fc], &Policy::default());
        assert_eq!(f[0].rule, "reused-bio");
    }

    #[test]
    fn no_key_no_fingerprint() {
        assert_eq!(fingerprint(&Extraction::default(), None, None, ""), None);
    }

    #[test]
    fn hostile_input_does_not_panic() {
        let nasty = [
            "",
            " ",
            "zzzz",
            "ffffffffffffffffff",
            "-1",
            "ä@ö/ü",
            "http://",
            "mailto:",
            "@",
            "https://:80/",
            "\u{0}\u{202e}",
            "http://[::1]/",
            "a.b/../../",
            "🙂.🙂",
        ];
        for s in nasty {
            let _ = parse_hash(s);
            let _ = normalize_link(s);
            let _ = simhash(s);
            let f = Fingerprint {
                key: s.into(),
                name: Some(s.into()),
                photo_url: Some(s.into()),
                photo_hash: Some(s.into()),
                bio: Some(s.into()),
                links: vec![s.into(); 3],
                seen_at: s.into(),
            };
            let _ = findings(&f, &[f.clone(), Fingerprint::default()], &Policy::default());
        }
        let long = "x".repeat(100_000);
        let _ = normalize_link(&long);
        let _ = simhash(&"word ".repeat(100_000));
        let seen = vec![fp("k", "n"); MAX_SEEN + 10];
        assert!(findings(&fp("k2", "m"), &seen, &Policy::default()).is_empty());
    }
}
