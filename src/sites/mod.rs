//! Site adapters: each turns one marketplace's pages into a [`Profile`] and says what it could not read.
//!
//! Adding a site = one module here plus one entry in [`ADAPTERS`], both behind a new `site-<id>` feature in
//! Cargo.toml (in `default` too), with fixtures under `tests/fixtures/<site>/`.
//!
//! Each adapter is behind a Cargo feature (`site-upwork`, …; all on by default), so that the extension
//! can ship a wasm module per site (or group of sites) built with only their features, and a page loads
//! only its site's reader (docs/architecture.md, "One wasm module per site"). What several sites share
//! (bounds, generic, links) is always built.

pub mod bounds;
pub mod dom_read;
#[cfg(feature = "site-fiverr")]
pub mod fiverr;
#[cfg(feature = "site-freelancer")]
pub mod freelancer;
pub mod generic;
#[cfg(feature = "site-guru")]
pub mod guru;
pub(crate) mod links;
#[cfg(feature = "site-peopleperhour")]
pub mod peopleperhour;
#[cfg(feature = "site-toptal")]
pub mod toptal;
#[cfg(feature = "site-upwork")]
pub mod upwork;

use crate::json::{json_enum, json_object};
use crate::model::{Field, Profile};
use crate::page::Page;
use crate::small_map::SmallMap;

/// What kind of page an address shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    Profile,
    Proposals,
    WorkDiary,
    Messages,
    Unknown,
}

json_enum!(PageKind {
    Profile => "profile",
    Proposals => "proposals",
    WorkDiary => "work_diary",
    Messages => "messages",
    Unknown => "unknown",
});

/// What an adapter read from a page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Extraction {
    /// A stable key for this freelancer on this site ("upwork:~01abc…"), for what the client keeps on the
    /// device about them (the checklist answers); `None` when the page does not say who it shows.
    pub profile_key: Option<String>,
    pub profile: Profile,
    /// The proposals a proposals page lists, one per bidder; `None` on other pages or when unreadable.
    pub bids: Option<Vec<crate::model::Bid>>,
    /// Fields the adapter looked for and could not read, in [`Field::ALL`] order.
    pub missing: Vec<Field>,
    /// For each field read, where it came from (e.g. "meta[property=og:title]"), for evidence.
    pub read_from: SmallMap<Field, String>,
}

json_object!(Extraction {
    profile_key,
    profile,
    bids,
    missing,
    read_from
});

impl Extraction {
    /// Records where a field was read, keeping the first (most trusted) source.
    pub fn note(&mut self, field: Field, source: &str) {
        if !self.read_from.contains_key(&field) {
            self.read_from.insert(field, source.to_string());
        }
    }

    /// Fills `missing` from what the profile holds, given the fields this page kind can show.
    pub fn finish(mut self, expected: &[Field]) -> Extraction {
        self.missing = expected.iter().copied().filter(|f| !self.has(*f)).collect();
        // Sources of fields that ended up empty go.
        let mut read_from = std::mem::take(&mut self.read_from);
        read_from.retain(|f, _| self.has(*f));
        self.read_from = read_from;
        self
    }

    /// Whether a field holds a value, the bid list included.
    pub fn has(&self, field: Field) -> bool {
        match field {
            Field::Bids => self.bids.is_some(),
            other => self.profile.has(other),
        }
    }
}

/// Stores `value` in a profile slot; true when there was a value. The adapters' field tables
/// (one row per field: where it is, how it is read) set their slots through it.
pub(crate) fn put<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    // No value leaves the slot as it was: a caption search offers several candidates, each better
    // than the last one stored.
    match value {
        Some(v) => {
            *slot = Some(v);
            true
        }
        None => false,
    }
}

/// One marketplace.
pub trait Adapter: Sync {
    /// Stable id, used in reports ("upwork").
    fn id(&self) -> &'static str;
    /// Host names this adapter serves (without "www.").
    fn hosts(&self) -> &'static [&'static str];
    /// The page kind an address on one of [`Adapter::hosts`] shows.
    fn page_kind(&self, path: &str) -> PageKind;
    /// The fields a page of this kind normally shows; the rest cannot be "missing".
    fn expected_fields(&self, kind: PageKind) -> &'static [Field];
    /// Reads a page. Never panics; unreadable fields stay `None`.
    fn extract(&self, page: &dyn Page, kind: PageKind) -> Extraction;
    /// Whether a page whose address is unknown (a saved file) looks like one of this site's, and which kind.
    fn sniff(&self, page: &dyn Page) -> Option<PageKind>;
    /// The addresses of the pages this adapter reads, as Chrome match patterns
    /// ("https://www.upwork.com/freelancers/*"). `manifest.json` runs the content script on exactly the
    /// union of these (`tests/manifest.rs` checks it), and [`supported_url`] reads them. A pattern may be
    /// broader than the pages read (Fiverr profiles have no path prefix); [`Adapter::page_kind`] then
    /// tells the pages apart.
    fn url_patterns(&self) -> &'static [&'static str] {
        &[]
    }
}

/// Every supported site this build has (the Cargo features `site-*`; all by default).
pub static ADAPTERS: &[&dyn Adapter] = &[
    #[cfg(feature = "site-upwork")]
    &upwork::Upwork,
    #[cfg(feature = "site-fiverr")]
    &fiverr::Fiverr,
    #[cfg(feature = "site-freelancer")]
    &freelancer::Freelancer,
    #[cfg(feature = "site-guru")]
    &guru::Guru,
    #[cfg(feature = "site-peopleperhour")]
    &peopleperhour::PeoplePerHour,
    #[cfg(feature = "site-toptal")]
    &toptal::Toptal,
];

/// Splits "https://www.upwork.com/freelancers/~01?x=1#y" into ("upwork.com", "/freelancers/~01").
pub fn host_and_path(url: &str) -> Option<(String, String)> {
    let rest = url
        .trim()
        .split_once("://")
        .map(|(scheme, rest)| (scheme.to_ascii_lowercase(), rest))?;
    if rest.0 != "https" && rest.0 != "http" {
        return None;
    }
    let rest = rest.1;
    let end = crate::text::find_any(rest, b"/?#").unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = crate::text::after_last(authority, b'@')
        .split(':')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    let path_q = &rest[end..];
    let path_end = crate::text::find_any(path_q, b"?#").unwrap_or(path_q.len());
    let path = if path_q[..path_end].is_empty() {
        "/".to_string()
    } else {
        path_q[..path_end].to_string()
    };
    (!host.is_empty()).then_some((host, path))
}

/// Finds the adapter and page kind for an address, or, without one, by looking at the page.
pub fn detect(url: Option<&str>, page: &dyn Page) -> Option<(&'static dyn Adapter, PageKind)> {
    if let Some((host, path)) = url.and_then(host_and_path) {
        return ADAPTERS
            .iter()
            .find(|a| {
                a.hosts()
                    .iter()
                    .any(|h| host == *h || host.ends_with(&format!(".{h}")))
            })
            .map(|a| (*a, a.page_kind(&path)));
    }
    ADAPTERS.iter().find_map(|a| a.sniff(page).map(|k| (*a, k)))
}

/// Whether HireCheck reads the page at `url`: one of an adapter's [`Adapter::url_patterns`] (the
/// manifest's content-script matches) covers it, and that adapter reads this kind of page (its
/// [`Adapter::page_kind`] has expected fields). The content script asks this after in-page
/// navigation, so it does not keep its own copy of the patterns.
pub fn supported_url(url: &str) -> bool {
    // The address is taken apart once, not once per pattern.
    let (Some(parts), Some((_, path))) = (split_url(url), host_and_path(url)) else {
        return false;
    };
    ADAPTERS.iter().any(|a| {
        a.url_patterns().iter().any(|p| parts_match(p, &parts))
            && !a.expected_fields(a.page_kind(&path)).is_empty()
    })
}

/// Whether `url` matches a Chrome extension match pattern (`<scheme>://<host><path>`), as Chrome
/// decides it for `content_scripts.matches`: the scheme is `http`, `https` or `*` (either); the host
/// is exact, `*.` plus a domain (it and its subdomains) or `*`; the path is a glob in which `*`
/// matches anything and is compared with the address's path and query, without the fragment.
/// `<all_urls>` and patterns this cannot parse match nothing.
pub fn match_pattern(pattern: &str, url: &str) -> bool {
    split_url(url).is_some_and(|parts| parts_match(pattern, &parts))
}

/// [`match_pattern`] for an address already taken apart by [`split_url`].
fn parts_match(pattern: &str, (scheme, host, path): &(String, String, String)) -> bool {
    let Some((p_scheme, p_host, p_path)) = split_pattern(pattern) else {
        return false;
    };
    let scheme_ok = match p_scheme {
        "*" => scheme == "http" || scheme == "https",
        s => s == scheme,
    };
    let host_ok = if p_host == "*" {
        true
    } else if let Some(domain) = p_host.strip_prefix("*.") {
        host == domain || host.ends_with(&format!(".{domain}"))
    } else {
        *host == p_host
    };
    scheme_ok && host_ok && glob(p_path.as_bytes(), path.as_bytes())
}

/// "https://www.upwork.com/freelancers/*" → ("https", "www.upwork.com", "/freelancers/*").
fn split_pattern(pattern: &str) -> Option<(&str, String, &str)> {
    let (scheme, rest) = pattern.split_once("://")?;
    if !matches!(scheme, "http" | "https" | "*") {
        return None;
    }
    let slash = rest.find('/')?;
    let (host, path) = rest.split_at(slash);
    let inner_star = host.char_indices().any(|(i, c)| c == '*' && i > 0);
    if host.is_empty()
        || inner_star
        || (host.starts_with('*') && host != "*" && !host.starts_with("*."))
    {
        return None;
    }
    Some((scheme, host.to_ascii_lowercase(), path))
}

/// "https://WWW.Upwork.com:443/freelancers/~01?x=1#y" → ("https", "www.upwork.com", "/freelancers/~01?x=1").
fn split_url(url: &str) -> Option<(String, String, String)> {
    let (scheme, rest) = url.trim().split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let end = crate::text::find_any(rest, b"/?#").unwrap_or(rest.len());
    let host = crate::text::after_last(&rest[..end], b'@')
        .split(':')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if host.is_empty() {
        return None;
    }
    let tail = &rest[end..];
    let tail = &tail[..tail.find('#').unwrap_or(tail.len())];
    let path = if tail.starts_with('/') {
        tail.to_string()
    } else {
        format!("/{tail}")
    };
    Some((scheme, host, path))
}

/// Glob match where `*` matches any run of bytes (iterative, linear in practice; no recursion).
fn glob(pattern: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        if pattern.get(p) == Some(&b'*') {
            star = Some((p, t));
            p += 1;
        } else if pattern.get(p).is_some_and(|c| Some(c) == text.get(t)) {
            p += 1;
            t += 1;
        } else if let Some((sp, st)) = star {
            p = sp + 1;
            t = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    pattern
        .get(p..)
        .unwrap_or_default()
        .iter()
        .all(|&b| b == b'*')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_urls() {
        assert_eq!(
            host_and_path("https://www.upwork.com/freelancers/~01abc?viewMode=1#x"),
            Some(("upwork.com".into(), "/freelancers/~01abc".into()))
        );
        assert_eq!(
            host_and_path("http://user@Upwork.com:8080"),
            Some(("upwork.com".into(), "/".into()))
        );
        assert_eq!(host_and_path("javascript:alert(1)"), None);
        assert_eq!(host_and_path("file:///tmp/x.html"), None);
    }

    #[test]
    fn match_patterns_behave_like_chrome() {
        let p = "https://www.upwork.com/freelancers/*";
        assert!(match_pattern(
            p,
            "https://www.upwork.com/freelancers/~01abc"
        ));
        assert!(match_pattern(
            p,
            "https://WWW.UPWORK.COM:443/freelancers/~01abc?x=1#y"
        ));
        assert!(match_pattern(p, "https://www.upwork.com/freelancers/"));
        assert!(!match_pattern(p, "https://www.upwork.com/freelancers"));
        assert!(!match_pattern(
            p,
            "http://www.upwork.com/freelancers/~01abc"
        ));
        assert!(!match_pattern(p, "https://upwork.com/freelancers/~01abc"));
        assert!(!match_pattern(
            p,
            "https://www.upwork.com.evil.example/freelancers/x"
        ));
        assert!(!match_pattern(
            p,
            "https://evil.example/?u=https://www.upwork.com/freelancers/x"
        ));
        assert!(!match_pattern(p, "https://www.upwork.com/nx/freelancers/x"));
        // The path glob sees the query but never the fragment.
        assert!(match_pattern(
            "https://a.example/*?x=*",
            "https://a.example/p?x=1"
        ));
        assert!(match_pattern(
            "https://a.example/p",
            "https://a.example/p#/q"
        ));
        assert!(!match_pattern(
            "https://a.example/p",
            "https://a.example/p?x#q"
        ));
        // Wildcard schemes and hosts.
        assert!(match_pattern("*://*.example.com/*", "http://example.com/"));
        assert!(match_pattern(
            "*://*.example.com/*",
            "https://a.b.example.com/x"
        ));
        assert!(!match_pattern("*://*.example.com/*", "ftp://example.com/"));
        assert!(!match_pattern(
            "*://*.example.com/*",
            "https://notexample.com/"
        ));
        assert!(match_pattern("https://*/*", "https://x.example/"));
        // Unparseable patterns and addresses match nothing, and never panic.
        for bad in [
            "<all_urls>",
            "https://www.upwork.com",
            "https://a*b.com/*",
            "ftp://x/*",
            "é://x/*",
            "https://é*/*",
            "",
        ] {
            assert!(
                !match_pattern(bad, "https://www.upwork.com/freelancers/x"),
                "{bad}"
            );
        }
        for bad in [
            "",
            "https://",
            "javascript:alert(1)",
            "https:///x",
            "\u{0}://\u{0}",
        ] {
            assert!(!match_pattern(p, bad), "{bad:?}");
        }
        assert!(glob(b"a*b*c", b"aXXbYYc"));
        assert!(!glob(b"a*b*c", b"aXXbYY"));
        assert!(glob(b"**", b""));
    }

    #[test]
    #[cfg(feature = "site-upwork")]
    fn supported_urls_are_upwork_profiles() {
        for url in [
            "https://www.upwork.com/freelancers/~01a1b2c3d4e5f6clean",
            "https://www.upwork.com/freelancers/~01a1b2c3d4e5f6clean?viewMode=1#portfolio",
            "https://www.upwork.com/freelancers/janedoe",
            "https://www.upwork.com/fl/janedoe",
        ] {
            assert!(supported_url(url), "{url}");
        }
        for url in [
            "https://www.upwork.com/",
            "https://www.upwork.com/freelancers/settings",
            "https://www.upwork.com/freelancers/~01abc/extra",
            "https://www.upwork.com/nx/find-work/",
            // Read when saved, but the content script is not declared there.
            "https://www.upwork.com/o/profiles/users/~01abc",
            "https://upwork.com/freelancers/~01abc",
            "https://example.com/freelancers/~01abc",
            "not a url",
        ] {
            assert!(!supported_url(url), "{url}");
        }
    }

    #[test]
    fn adapter_ids_are_unique_and_hosts_plain() {
        let mut ids: Vec<_> = ADAPTERS.iter().map(|a| a.id()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), ADAPTERS.len());
        for a in ADAPTERS {
            assert!(!a.hosts().is_empty());
            for h in a.hosts() {
                assert!(
                    !h.starts_with("www.") && !h.contains('/') && h.contains('.'),
                    "{h}"
                );
            }
        }
    }
}
