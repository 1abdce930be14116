//! P9: a "surprisingly simple" portfolio — every website link the profile shows is on a free static host.
//!
//! Weak on purpose: many honest developers publish demos on these hosts. It only adds to other findings.

use super::{Context, Family, Hit, Outcome, RuleSpec};
use crate::case::lowercase;
use crate::model::Field;
use crate::text;
use crate::texts::{s, say};

/// Free static hosting, where a site takes a minute to publish and nothing to keep (subdomains of these).
pub const FREE_HOSTS: &[&str] = &[
    "netlify.app",
    "vercel.app",
    "github.io",
    "herokuapp.com",
    "pages.dev",
    "web.app",
    "firebaseapp.com",
    "glitch.me",
    "onrender.com",
];

/// At most this many links are quoted in the evidence.
const MAX_SHOWN: usize = 5;

pub static THROWAWAY_PORTFOLIO_HOSTS: RuleSpec = RuleSpec {
    id: "throwaway-portfolio-hosts",
    family: Family::Links,
    default_points: 8,
    thresholds: &["min_free_host_links", "allowed_domains"],
    evaluate: throwaway_portfolio_hosts,
};

/// The free host a link's site lives on ("x.netlify.app" → "netlify.app"); the host's own pages do not count.
fn free_host(host: &str) -> Option<&'static str> {
    FREE_HOSTS.iter().copied().find(|d| {
        text::host_is_under(host, d) && host != *d && host.strip_prefix("www.") != Some(d)
    })
}

fn throwaway_portfolio_hosts(cx: &Context) -> Outcome {
    let Some(links) = &cx.profile.links else {
        return super::unknown(&[Field::Links]);
    };
    let mut allowed: Vec<String> = Vec::new();
    for d in &cx.policy.allowed_domains {
        allowed.push(lowercase(d.trim()));
    }
    // Website links only: e-mail addresses and domain names written in text (employers) are not a portfolio.
    let mut sites: Vec<(&str, Option<&'static str>)> = Vec::new();
    for l in links.iter().filter(|l| text::is_link(l)) {
        let Some(host) = text::address_host(l) else {
            continue;
        };
        let allowed = allowed.iter().any(|d| text::host_is_under(host, d));
        sites.push((l.as_str(), if allowed { None } else { free_host(host) }));
    }
    let min = cx.policy.min_free_host_links.max(1) as usize;
    if sites.len() < min || sites.iter().any(|(_, free)| free.is_none()) {
        return Outcome::Clear;
    }
    let lang = cx.lang();
    let mut shown: Vec<String> = Vec::new();
    for (l, free) in sites.iter().take(MAX_SHOWN) {
        shown.push(format!("{l} ({})", free.unwrap_or_default()));
    }
    let (count, shown) = (sites.len().to_string(), crate::text::join(&shown, ", "));
    let first = if sites.len() > MAX_SHOWN {
        let more = (sites.len() - MAX_SHOWN).to_string();
        say(lang, s::PORTFOLIO_FREE_HOSTS_MORE, [&count, &shown, &more])
    } else {
        say(lang, s::PORTFOLIO_FREE_HOSTS, [&count, &shown])
    };
    let evidence = vec![first, say(lang, s::PORTFOLIO_NO_OTHER, [])];
    Outcome::Fired(Hit { evidence })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Profile;
    use crate::policy::{Lang, Policy};
    use crate::time::Instant;

    fn run_with(links: Option<&[&str]>, policy: &Policy) -> Outcome {
        let p = Profile {
            links: links.map(|l| l.iter().map(|s| s.to_string()).collect()),
            ..Profile::default()
        };
        (THROWAWAY_PORTFOLIO_HOSTS.evaluate)(&Context {
            profile: &p,
            policy,
            now: Instant::parse_rfc3339("2026-11-26T14:42:00Z").unwrap(),
        })
    }

    fn run(links: Option<&[&str]>) -> Outcome {
        run_with(links, &Policy::default())
    }

    #[test]
    fn fires_when_every_site_is_on_a_free_host() {
        let Outcome::Fired(hit) = run(Some(&[
            "https://fintech-demo.netlify.app/",
            "https://nft-market.vercel.app/app",
            "wkjllc.com",
            "lukas@example.com",
        ])) else {
            panic!()
        };
        assert!(
            hit.evidence[0].starts_with("2 website links")
                && hit.evidence[0].contains("https://fintech-demo.netlify.app/ (netlify.app)")
                && hit.evidence[0].contains("(vercel.app)"),
            "{:?}",
            hit.evidence
        );
        for host in FREE_HOSTS {
            let a = format!("https://a.{host}/");
            let b = format!("https://b.{host}/x");
            assert!(matches!(run(Some(&[&a, &b])), Outcome::Fired(_)), "{host}");
        }
    }

    #[test]
    fn clear_when_mixed_too_few_or_none() {
        assert_eq!(
            run(Some(&[
                "https://a.netlify.app/",
                "https://b.github.io/",
                "https://github.com/someone"
            ])),
            Outcome::Clear
        );
        assert_eq!(run(Some(&["https://a.netlify.app/"])), Outcome::Clear);
        assert_eq!(run(Some(&[])), Outcome::Clear);
        // The hosts' own pages and look-alikes are not free-host sites.
        assert_eq!(
            run(Some(&[
                "https://www.netlify.app/",
                "https://app.netlify.com/"
            ])),
            Outcome::Clear
        );
        assert_eq!(
            run(Some(&[
                "https://a.notnetlify.app/",
                "https://b.netlify.app/"
            ])),
            Outcome::Clear
        );
    }

    #[test]
    fn unknown_without_links_and_policy_respected() {
        assert_eq!(run(None), Outcome::Unknown(vec![Field::Links]));
        let links: &[&str] = &["https://a.netlify.app/", "https://b.netlify.app/"];
        let allowed = Policy {
            allowed_domains: vec!["netlify.app".into()],
            ..Policy::default()
        };
        assert_eq!(run_with(Some(links), &allowed), Outcome::Clear);
        let three = Policy {
            min_free_host_links: 3,
            ..Policy::default()
        };
        assert_eq!(run_with(Some(links), &three), Outcome::Clear);
        let de = Policy {
            lang: Lang::De,
            ..Policy::default()
        };
        let Outcome::Fired(hit) = run_with(Some(links), &de) else {
            panic!()
        };
        assert!(
            hit.evidence[0].contains("kostenlosen"),
            "{:?}",
            hit.evidence
        );
    }
}
