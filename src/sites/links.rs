//! The addresses a profile links to or names, collected while an adapter reads the page.
//!
//! Shared by the adapters' builders so that every site keeps the same rules: canonical and unique, the
//! marketplace's own addresses left out, a bare domain name beside a link to that site dropped, and
//! "none" told apart from "unknown" by whether a place that can show links was read at all.

use crate::model::Profile;
use crate::text;

/// At most this many addresses per profile.
pub(crate) const MAX_LINKS: usize = 200;
/// At most this many places named as the source of the links.
const MAX_PLACES: usize = 12;

#[derive(Default)]
pub(crate) struct LinkSet {
    /// Addresses found so far, canonical and unique, in the order found.
    links: Vec<String>,
    /// The places read that can show links, whether or not they showed any.
    places: Vec<String>,
}

impl LinkSet {
    /// Records that a place which can show links was read; with such a place and no link, links are "none".
    pub fn read(&mut self, place: impl Into<String>) {
        let place = place.into();
        if self.places.len() < MAX_PLACES && !self.places.contains(&place) {
            self.places.push(place);
        }
    }

    /// Adds canonical addresses, except those `is_platform` calls the marketplace's own.
    pub fn add(
        &mut self,
        addresses: impl IntoIterator<Item = String>,
        is_platform: &dyn Fn(&str) -> bool,
    ) {
        for a in addresses {
            if self.links.len() >= MAX_LINKS {
                return;
            }
            if is_platform(&a) || self.links.contains(&a) {
                continue;
            }
            // A domain name written beside a link to that same site adds nothing; a link replaces it.
            let host = text::address_host(&a).unwrap_or("").to_string();
            let bare = |x: &String| !text::is_link(x) && !x.contains('@');
            if text::is_link(&a) {
                if let Some(x) = self.links.iter_mut().find(|x| bare(x) && **x == host) {
                    *x = a;
                    continue;
                }
            } else if bare(&a)
                && self
                    .links
                    .iter()
                    .any(|x| text::is_link(x) && text::address_host(x) == Some(&host))
            {
                continue;
            }
            self.links.push(a);
        }
    }

    /// Adds the links, e-mail addresses and domain names written in `t`.
    pub fn add_text(&mut self, t: &str, is_platform: &dyn Fn(&str) -> bool) {
        if self.links.len() < MAX_LINKS {
            self.add(text::find_addresses(t, MAX_LINKS), is_platform);
        }
    }

    /// Adds the links, e-mail addresses and domain names written in `t` as they are, except the marketplace's
    /// own: unlike [`LinkSet::add`], a bare domain name and a link to that site are both kept (Fiverr's
    /// reader has always kept both).
    #[cfg(feature = "site-fiverr")]
    pub fn add_text_as_written(&mut self, t: &str, is_platform: &dyn Fn(&str) -> bool) {
        for a in text::find_addresses(t, MAX_LINKS) {
            if self.links.len() >= MAX_LINKS {
                return;
            }
            if !is_platform(&a) && !self.links.contains(&a) {
                self.links.push(a);
            }
        }
    }

    /// Adds the addresses written in the profile's own words (overview, title, work titles and feedback);
    /// `history_place` names the work history as this site calls it ("review text").
    pub fn add_profile_text(
        &mut self,
        p: &Profile,
        history_place: &str,
        is_platform: &dyn Fn(&str) -> bool,
    ) {
        let mut texts: Vec<&str> = Vec::new();
        if let Some(o) = &p.overview {
            texts.push(o);
            self.read("overview text");
        }
        texts.extend(p.title.as_deref());
        if let Some(history) = &p.work_history {
            for e in history {
                texts.extend(e.title.as_deref());
                texts.extend(e.feedback.as_deref());
            }
            self.read(history_place);
        }
        for t in texts {
            self.add_text(t, is_platform);
        }
    }

    /// Moves the links into the profile and returns where they were read, when anything that can show links
    /// was read; `fallback_place` names the source when only the title held an address.
    pub fn finish_into(&mut self, p: &mut Profile, fallback_place: &str) -> Option<String> {
        if self.places.is_empty() && self.links.is_empty() {
            return None;
        }
        let places = if self.places.is_empty() {
            fallback_place.to_string()
        } else {
            crate::text::join(&self.places, "; ")
        };
        p.links = Some(std::mem::take(&mut self.links));
        Some(places)
    }
}
