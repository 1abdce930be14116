//! Site adapters: each turns one marketplace's pages into a [`Profile`] and says what it could not read.
//!
//! Adding a site = one module here plus one entry in [`ADAPTERS`], with fixtures under `tests/fixtures/<site>/`.

pub mod upwork;

use crate::model::{Field, Profile};
use crate::page::Page;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What kind of page an address shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PageKind {
    Profile,
    Proposals,
    WorkDiary,
    Messages,
    Unknown,
}

/// What an adapter read from a page.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Extraction {
    /// A stable key for this freelancer on this site ("upwork:~01abc…"), for what the client keeps on the
    /// device about them (the checklist answers); `None` when the page does not say who it shows.
    pub profile_key: Option<String>,
    pub profile: Profile,
    /// Fields the adapter looked for and could not read, in [`Field::ALL`] order.
    pub missing: Vec<Field>,
    /// For each field read, where it came from (e.g. "meta[property=og:title]"), for evidence.
    pub read_from: BTreeMap<Field, String>,
}

impl Extraction {
    /// Records where a field was read, keeping the first (most trusted) source.
    pub fn note(&mut self, field: Field, source: &str) {
        self.read_from
            .entry(field)
            .or_insert_with(|| source.to_string());
    }

    /// Fills `missing` from what the profile holds, given the fields this page kind can show.
    pub fn finish(mut self, expected: &[Field]) -> Extraction {
        self.missing = expected
            .iter()
            .copied()
            .filter(|f| !self.profile.has(*f))
            .collect();
        self.read_from.retain(|f, _| self.profile.has(*f));
        self
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
}

/// Every supported site.
pub static ADAPTERS: &[&dyn Adapter] = &[&upwork::Upwork];

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
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority
        .rsplit('@')
        .next()
        .unwrap_or("")
        .split(':')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    let path_q = &rest[end..];
    let path_end = path_q.find(['?', '#']).unwrap_or(path_q.len());
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
