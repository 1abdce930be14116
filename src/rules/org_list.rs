//! P8: a link, e-mail address or name on the profile is on a list of known front companies and account shops.
//!
//! The lists ship in [`DOMAINS`], [`EMAILS`] and [`STRINGS`] (only entries that authorities or published research named) and an
//! organisation extends them through its policy (`blocked_domains`, `blocked_emails`, `blocked_strings`);
//! `allowed_domains` wins over every list. A domain entry matches itself and its subdomains, never look-alikes
//! ("notwkjllc.com"); e-mail entries match the whole address; strings match whole words, ignoring case.

use super::{Context, Family, Hit, Outcome, RuleSpec};
use crate::case::lowercase;
use crate::model::{Field, Profile};
use crate::policy::{Lang, Policy};
use crate::text;
use crate::texts::{s, say};

/// At most this many listed values are named in the evidence.
const MAX_SHOWN: usize = 6;
/// Quoted titles are cut to this many characters.
const MAX_QUOTE: usize = 60;

/// One shipped list entry: its value (trimmed, lower case) and the public reason it is listed.
pub struct Entry {
    pub value: &'static str,
    pub source: &'static str,
}

/// When the shipped lists were last reviewed (YYYY-MM-DD).
pub const UPDATED: &str = "2026-11-26";

const DOJ_SEIZURE: &str = "US DOJ domain seizure, 2024-10-10; named by SentinelLabs, 2024-11";

// Only entries that public authorities or published research named. Real companies whose sites were
// cloned (SentinelLabs 2024-11) are NOT listed: their names prove nothing. The lists are Rust tables,
// not a data file parsed at run time: the wasm then holds neither the file's text nor a reader for it.

/// Domains: each matches itself and its subdomains.
pub static DOMAINS: &[Entry] = &[
    Entry {
        value: "inditechlab.com",
        source: DOJ_SEIZURE,
    },
    Entry {
        value: "tonywangtech.com",
        source: DOJ_SEIZURE,
    },
    Entry {
        value: "wkjllc.com",
        source: DOJ_SEIZURE,
    },
    Entry {
        value: "hopanatech.com",
        source: DOJ_SEIZURE,
    },
    Entry {
        value: "huguotechltd.com",
        source: "SentinelLabs, front company still active when reported, 2024-11",
    },
    Entry {
        value: "hopana.com",
        source: "SentinelLabs, domain of the front companies' contact e-mail, 2024-11",
    },
    Entry {
        value: "upworksell.com",
        source: "US DOJ, site selling fraudulent freelance accounts (Didenko case), 2024-05",
    },
];

/// E-mail addresses: each matches the whole address.
pub static EMAILS: &[Entry] = &[Entry {
    value: "tonywkj@hopana.com",
    source: "SentinelLabs, contact e-mail of the front companies, 2024-11",
}];

/// Names: each matches whole words, ignoring case. None is named publicly yet; organisations add theirs
/// through the policy (`blocked_strings`).
pub static STRINGS: &[Entry] = &[];

pub static KNOWN_BAD_DOMAIN: RuleSpec = RuleSpec {
    id: "known-bad-domain",
    family: Family::Links,
    default_points: 60,
    thresholds: &[
        "blocked_domains",
        "blocked_emails",
        "blocked_strings",
        "allowed_domains",
    ],
    evaluate: known_bad_domain,
};

/// The organisation blocks this freelancer by key (policy `blocked_freelancers`). Not a page rule: it runs
/// on the finished report (see [`apply_freelancer_lists`]), where the profile key is known.
pub static ORG_BLOCKED_FREELANCER: RuleSpec = RuleSpec {
    id: "org-blocked-freelancer",
    family: Family::Links,
    default_points: 80,
    thresholds: &["blocked_freelancers", "allowed_freelancers"],
    evaluate: not_a_page_rule,
};

fn not_a_page_rule(_: &Context) -> Outcome {
    Outcome::Unknown(Vec::new())
}

/// The organisation's freelancer lists, on a finished report that names its freelancer: a blocked key adds
/// a finding (and the verdict is scored again); a vetted key adds a note. The note hides nothing: a vetted
/// account can be sold or taken over later, so its findings still show and still count.
pub fn apply_freelancer_lists(report: &mut crate::report::Report, policy: &Policy) {
    let Some(key) = report.profile_key.clone() else {
        return;
    };
    if let Some(entry) = Policy::listed_freelancer(&policy.allowed_freelancers, &key) {
        report.org_note = Some(say(policy.lang, s::ORG_VETTED, [entry]));
    }
    let rule = &ORG_BLOCKED_FREELANCER;
    let Some(entry) = Policy::listed_freelancer(&policy.blocked_freelancers, &key) else {
        return;
    };
    if !policy.is_enabled(rule.id) || report.risk.coverage.fields_expected == 0 {
        return;
    }
    let weight = policy.weight(rule.id, rule.default_points);
    let lang = policy.lang;
    let evidence = vec![say(lang, s::ORG_BLOCKED_KEY, [entry])];
    let source = say(lang, s::ORG_LIST_SOURCE, ["blocked_freelancers"]);
    let finding = rule.finding(evidence, weight, source, lang);
    // Scored again with the rest; the old verdict is replaced, so its lists are moved, not copied.
    let mut all = std::mem::take(&mut report.risk.findings);
    all.push(finding);
    report.risk = crate::score::assess(
        all,
        std::mem::take(&mut report.risk.unevaluated),
        report.risk.coverage,
        policy,
    );
}

/// What kind of list entry matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Domain,
    Email,
    Name,
}

/// The shipped lists plus the policy's, each value with its source, ready to look up.
struct Lists {
    // Value and source, the first of equal values only. Short lists: a Vec is smaller code than a map.
    domains: Vec<(String, String)>,
    emails: Vec<(String, String)>,
    strings: Vec<(String, String)>,
    allowed: Vec<String>,
    allowed_emails: Vec<String>,
}

impl Lists {
    fn new(policy: &Policy) -> Lists {
        let org = |key: &str| say(policy.lang, s::ORG_LIST_SOURCE, [key]);
        let norm = |v: &String| lowercase(v.trim());
        let mut domains: Vec<(String, String)> = Vec::new();
        let mut emails: Vec<(String, String)> = Vec::new();
        let mut strings: Vec<(String, String)> = Vec::new();
        for e in DOMAINS {
            add_new(&mut domains, e.value.to_string(), e.source);
        }
        let source = org("blocked_domains");
        for v in &policy.blocked_domains {
            add_new(&mut domains, norm(v), &source);
        }
        for e in EMAILS {
            add_new(&mut emails, e.value.to_string(), e.source);
        }
        let source = org("blocked_emails");
        for v in &policy.blocked_emails {
            add_new(&mut emails, norm(v), &source);
        }
        for e in STRINGS {
            strings.push((e.value.to_string(), e.source.to_string()));
        }
        let source = org("blocked_strings");
        for v in &policy.blocked_strings {
            let v = norm(v);
            if !v.is_empty() && find(&strings, &v).is_none() {
                strings.push((v, source.clone()));
            }
        }
        let (mut allowed, mut allowed_emails) = (Vec::new(), Vec::new());
        for v in &policy.allowed_domains {
            allowed.push(norm(v));
        }
        for v in &policy.allowed_emails {
            allowed_emails.push(norm(v));
        }
        Lists {
            domains,
            emails,
            strings,
            allowed,
            allowed_emails,
        }
    }

    fn allowed(&self, host: &str) -> bool {
        self.allowed.iter().any(|d| text::host_is_under(host, d))
    }

    /// The listed domain `host` is or lies under, with its source.
    fn domain(&self, host: &str) -> Option<(&str, &str)> {
        let host = host.trim_end_matches('.');
        let mut rest = host;
        loop {
            if let Some((k, src)) = find(&self.domains, rest) {
                return Some((k, src));
            }
            rest = rest.split_once('.')?.1;
        }
    }
}

/// One listed value found on the profile.
struct Match {
    kind: Kind,
    entry: String,
    source: String,
    found: String,
    places: Vec<String>,
}

#[derive(Default)]
struct Matches(Vec<Match>);

impl Matches {
    fn add(&mut self, kind: Kind, entry: &str, source: &str, found: &str, place: &str) {
        if let Some(m) = self
            .0
            .iter_mut()
            .find(|m| m.kind == kind && m.entry == entry)
        {
            if !m.places.iter().any(|p| p == place) && m.places.len() < 3 {
                m.places.push(place.to_string());
            }
            return;
        }
        self.0.push(Match {
            kind,
            entry: entry.to_string(),
            source: source.to_string(),
            found: found.to_string(),
            places: vec![place.to_string()],
        });
    }
}

/// Adds `value` with its source unless the list has it already (the first source wins).
fn add_new(list: &mut Vec<(String, String)>, value: String, source: &str) {
    if find(list, &value).is_none() {
        list.push((value, source.to_string()));
    }
}

/// The entry equal to `value`, with its source.
fn find<'a>(list: &'a [(String, String)], value: &str) -> Option<(&'a str, &'a str)> {
    for (v, src) in list {
        if v == value {
            return Some((v, src));
        }
    }
    None
}

/// An e-mail address: the address itself if listed, else its domain (unless allowed).
fn check_email(lists: &Lists, email: &str, place: &str, out: &mut Matches) {
    let domain = crate::text::after_last(email, b'@');
    if lists.allowed(domain) || lists.allowed_emails.iter().any(|a| a == email) {
        return;
    }
    if let Some((entry, src)) = find(&lists.emails, email) {
        out.add(Kind::Email, entry, src, email, place);
    } else if let Some((entry, src)) = lists.domain(domain) {
        out.add(Kind::Domain, entry, src, email, place);
    }
}

fn check_host(lists: &Lists, host: &str, found: &str, place: &str, out: &mut Matches) {
    if lists.allowed(host) {
        return;
    }
    if let Some((entry, src)) = lists.domain(host) {
        out.add(Kind::Domain, entry, src, found, place);
    }
}

fn check_strings(lists: &Lists, lower: &str, place: &str, out: &mut Matches) {
    for (s, src) in &lists.strings {
        if text::contains_word_lower(lower, s) {
            out.add(Kind::Name, s, src, s, place);
        }
    }
}

/// One of the profile's links (a canonical address from the adapter).
fn check_link(lists: &Lists, link: &str, place: &str, out: &mut Matches) {
    let Some(host) = text::address_host(link) else {
        return;
    };
    if lists.allowed(host) {
        return;
    }
    if !text::is_link(link) && link.contains('@') {
        check_email(lists, link, place, out);
    } else {
        check_host(lists, host, link, place, out);
    }
    check_strings(lists, &lowercase(link), place, out);
}

/// Free text: the e-mail addresses, host-like words and listed names written in it.
fn check_text(lists: &Lists, t: &str, place: &str, out: &mut Matches) {
    for email in text::find_emails(t) {
        check_email(lists, &email, place, out);
    }
    for (host, after_at) in text::host_words(t) {
        if !after_at {
            check_host(lists, &host, &host, place, out);
        }
    }
    check_strings(lists, &lowercase(t), place, out);
}

fn quote(t: &str) -> String {
    text::clean(t, MAX_QUOTE).unwrap_or_default()
}

/// Where a text field is. Its label is made only for a text that matches: a long work history has
/// hundreds of texts, and quoting every contract's title cost more than checking its text.
enum Place<'a> {
    Fixed(&'static str),
    /// A contract's title, by its title.
    Contract(Option<&'a str>),
    /// The client's feedback on a contract, by its title.
    Feedback(Option<&'a str>),
}

impl Place<'_> {
    fn label(&self, lang: Lang) -> String {
        let quoted = |title: &Option<&str>| title.map(quote).unwrap_or_default();
        match (self, lang) {
            (Place::Fixed(label), _) => (*label).to_string(),
            (Place::Contract(t), Lang::En) => format!("Contract \"{}\"", quoted(t)),
            (Place::Contract(t), Lang::De) => format!("Auftrag „{}“", quoted(t)),
            (Place::Feedback(t), Lang::En) => format!("Client feedback on \"{}\"", quoted(t)),
            (Place::Feedback(t), Lang::De) => format!("Kundenfeedback zu „{}“", quoted(t)),
        }
    }
}

/// Every text field of the profile, with where it is.
fn text_fields(p: &Profile, lang: Lang) -> Vec<(Place<'_>, &str)> {
    let mut out: Vec<(Place, &str)> = Vec::new();
    if let Some(n) = &p.name {
        out.push((Place::Fixed(lang.pick("Name", "Name")), n));
    }
    if let Some(t) = &p.title {
        out.push((Place::Fixed(lang.pick("Title", "Titel")), t));
    }
    if let Some(o) = &p.overview {
        out.push((Place::Fixed(lang.pick("Overview", "Profilbeschreibung")), o));
    }
    for e in p.work_history.iter().flatten() {
        let title = e.title.as_deref();
        if let Some(t) = title {
            out.push((Place::Contract(title), t));
        }
        if let Some(f) = &e.feedback {
            out.push((Place::Feedback(title), f));
        }
    }
    out
}

fn known_bad_domain(cx: &Context) -> Outcome {
    let p = cx.profile;
    if p.links.is_none() && p.overview.is_none() && p.work_history.is_none() {
        return super::unknown(&[Field::Links, Field::Overview, Field::WorkHistory]);
    }
    let lang = cx.lang();
    let lists = Lists::new(cx.policy);
    let mut found = Matches::default();
    let links_place = lang.pick("Links and sites named", "Links und genannte Websites");
    for link in p.links.iter().flatten() {
        check_link(&lists, link, links_place, &mut found);
    }
    for (place, t) in text_fields(p, lang) {
        // A text that matches nothing leaves `found` as it is, whatever its label.
        let mut probe = Matches::default();
        check_text(&lists, t, "", &mut probe);
        if !probe.0.is_empty() {
            check_text(&lists, t, &place.label(lang), &mut found);
        }
    }
    if found.0.is_empty() {
        return Outcome::Clear;
    }
    let total = found.0.len();
    let mut evidence = Vec::new();
    for m in found.0.iter().take(MAX_SHOWN) {
        let places = crate::text::join(&m.places, ", ");
        let (entry, found, source) = (&m.entry, &m.found, &m.source);
        // Every sentence is "{places}: {what matched} ({source})." The places are joined here: their
        // labels stay in the code (a list of sentences cannot be one sentence's value).
        evidence.push(match m.kind {
            Kind::Domain => say(lang, s::ORG_MATCH_DOMAIN, [&places, found, entry, source]),
            Kind::Email => say(lang, s::ORG_MATCH_EMAIL, [&places, found, entry, source]),
            Kind::Name => say(lang, s::ORG_MATCH_NAME, [&places, entry, source]),
        });
    }
    if total > MAX_SHOWN {
        let more = (total - MAX_SHOWN).to_string();
        evidence.push(say(lang, s::ORG_MORE, [&more]));
    }
    Outcome::Fired(Hit { evidence })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::WorkEntry;
    use crate::time::Instant;

    fn run_with(p: &Profile, policy: &Policy) -> Outcome {
        (KNOWN_BAD_DOMAIN.evaluate)(&Context {
            profile: p,
            policy,
            now: Instant::parse_rfc3339("2026-11-26T14:42:00Z").unwrap(),
        })
    }

    fn run(p: &Profile) -> Outcome {
        run_with(p, &Policy::default())
    }

    fn with_links(links: &[&str]) -> Profile {
        Profile {
            links: Some(links.iter().map(|s| s.to_string()).collect()),
            ..Profile::default()
        }
    }

    fn evidence(o: Outcome) -> Vec<String> {
        match o {
            Outcome::Fired(hit) => hit.evidence,
            other => panic!("expected a finding, got {other:?}"),
        }
    }

    #[test]
    fn shipped_lists_hold_only_named_entries() {
        assert!(
            UPDATED.len() == 10 && UPDATED.starts_with("20"),
            "{UPDATED}"
        );
        let domains: Vec<&str> = DOMAINS.iter().map(|e| e.value).collect();
        for d in [
            "inditechlab.com",
            "tonywangtech.com",
            "wkjllc.com",
            "hopanatech.com",
            "huguotechltd.com",
            "hopana.com",
            "upworksell.com",
        ] {
            assert!(domains.contains(&d), "{d} missing");
        }
        assert_eq!(domains.len(), 7, "only publicly named domains: {domains:?}");
        assert_eq!(EMAILS.len(), 1);
        assert_eq!(EMAILS[0].value, "tonywkj@hopana.com");
        // Cloned real companies are victims, not indicators.
        for real in ["kitrum", "urolime", "arohatech", "tatvasoft", "itechart"] {
            assert!(
                !domains.iter().any(|d| d.contains(real))
                    && !STRINGS.iter().any(|s| s.value.contains(real)),
                "{real} must not be listed"
            );
        }
        for e in DOMAINS.iter().chain(EMAILS).chain(STRINGS) {
            assert!(
                e.source.contains("20") && e.source.len() > 15,
                "{}: source needs a publisher and date",
                e.value
            );
            // Looked up as they are: the values must be in the form the profile's values are put in.
            assert_eq!(e.value, lowercase(e.value.trim()), "{}", e.value);
        }
        for e in DOMAINS {
            assert!(text::is_domain_name(e.value), "{}", e.value);
        }
        for e in EMAILS {
            assert!(text::normalize_email(e.value).as_deref() == Some(e.value));
        }
        for e in STRINGS {
            assert!(e.value.chars().count() >= 4, "{}", e.value);
        }
    }

    #[test]
    fn a_listed_domain_fires_with_its_source() {
        let ev = evidence(run(&with_links(&["wkjllc.com"])));
        assert_eq!(ev.len(), 1);
        assert!(
            ev[0].starts_with("Links and sites named: \"wkjllc.com\" matches the listed domain wkjllc.com (US DOJ")
                && ev[0].contains("2024-10-10"),
            "{ev:?}"
        );
        let ev = evidence(run(&with_links(&["https://upworksell.com/buy?x=1"])));
        assert!(
            ev[0].contains("upworksell.com") && ev[0].contains("2024-05"),
            "{ev:?}"
        );
    }

    #[test]
    fn subdomains_match_look_alikes_do_not() {
        let ev = evidence(run(&with_links(&["https://careers.wkjllc.com/"])));
        assert!(ev[0].contains("https://careers.wkjllc.com/"), "{ev:?}");
        for clean in [
            "https://notwkjllc.com/",
            "wkjllc.co",
            "https://wkjllc.com.example.net/",
            "https://example.com/wkjllc.com",
            "hopana.community",
        ] {
            // A path naming the domain is a page about it, not the site; only hosts count.
            assert_eq!(run(&with_links(&[clean])), Outcome::Clear, "{clean}");
        }
    }

    #[test]
    fn emails_and_text_fields_are_checked() {
        let ev = evidence(run(&with_links(&["tonywkj@hopana.com"])));
        assert_eq!(ev.len(), 1, "the address, not also its domain: {ev:?}");
        assert!(
            ev[0].contains("e-mail address tonywkj@hopana.com"),
            "{ev:?}"
        );
        let ev = evidence(run(&with_links(&["hr@hopana.com"])));
        assert!(ev[0].contains("listed domain hopana.com"), "{ev:?}");

        let p = Profile {
            overview: Some(
                "Previously at Inditechlab.com and https://X.TonyWangTech.com/team.".into(),
            ),
            work_history: Some(vec![WorkEntry {
                title: Some("API work".into()),
                feedback: Some("Reach him at TonyWKJ@Hopana.com, thanks!".into()),
                ..WorkEntry::default()
            }]),
            ..Profile::default()
        };
        let ev = evidence(run(&p));
        assert_eq!(ev.len(), 3, "{ev:?}");
        assert!(ev[0].starts_with("Overview: \"inditechlab.com\""), "{ev:?}");
        assert!(ev[1].contains("x.tonywangtech.com"), "{ev:?}");
        assert!(
            ev[2].starts_with("Client feedback on \"API work\"")
                && ev[2].contains("tonywkj@hopana.com"),
            "{ev:?}"
        );
        // "notwkjllc.com" in text is not wkjllc.com.
        let p = Profile {
            overview: Some("See notwkjllc.com and wkjllc.community.".into()),
            ..Profile::default()
        };
        assert_eq!(run(&p), Outcome::Clear);
    }

    #[test]
    fn the_same_entry_is_reported_once_with_its_places() {
        let p = Profile {
            links: Some(vec!["wkjllc.com".into(), "https://wkjllc.com/about".into()]),
            overview: Some("Worked at WKJ LLC (wkjllc.com).".into()),
            ..Profile::default()
        };
        let ev = evidence(run(&p));
        assert_eq!(ev.len(), 1, "{ev:?}");
        assert!(
            ev[0].starts_with("Links and sites named, Overview:"),
            "{ev:?}"
        );
    }

    #[test]
    fn allowed_domains_win() {
        let policy = Policy {
            allowed_domains: vec!["WKJLLC.com".into()],
            ..Policy::default()
        };
        let p = Profile {
            links: Some(vec!["https://careers.wkjllc.com/".into()]),
            overview: Some("Formerly at wkjllc.com".into()),
            ..Profile::default()
        };
        assert_eq!(run_with(&p, &policy), Outcome::Clear);
        // Other listed domains still count.
        let p = with_links(&["https://careers.wkjllc.com/", "inditechlab.com"]);
        assert_eq!(evidence(run_with(&p, &policy)).len(), 1);
    }

    #[test]
    fn allowed_emails_silence_that_address_only() {
        let policy = Policy {
            allowed_emails: vec!["HR@wkjllc.com".into()],
            ..Policy::default()
        };
        let p = Profile {
            overview: Some("Write to hr@wkjllc.com".into()),
            ..Profile::default()
        };
        assert!(matches!(run(&p), Outcome::Fired(_)));
        assert_eq!(run_with(&p, &policy), Outcome::Clear);
        // Another address on the same listed domain still counts.
        let p = Profile {
            overview: Some("Write to boss@wkjllc.com".into()),
            ..Profile::default()
        };
        assert_eq!(evidence(run_with(&p, &policy)).len(), 1);
    }

    #[test]
    fn policy_entries_extend_the_lists() {
        let policy = Policy {
            blocked_domains: vec!["Front.Example.com".into()],
            blocked_emails: vec!["Recruiter@Mail.Example.org".into()],
            blocked_strings: vec!["Acme Front LLC".into()],
            ..Policy::default()
        };
        let p = Profile {
            title: Some("Engineer formerly at ACME FRONT LLC".into()),
            links: Some(vec![
                "https://jobs.front.example.com/".into(),
                "recruiter@mail.example.org".into(),
            ]),
            overview: Some("Acme Frontier is not Acme Front LLCs either.".into()),
            ..Profile::default()
        };
        let ev = evidence(run_with(&p, &policy));
        assert_eq!(ev.len(), 3, "{ev:?}");
        assert!(
            ev.iter().all(|e| e.contains("your organisation's list")),
            "{ev:?}"
        );
        assert!(
            ev[2].starts_with("Title: contains the listed name \"acme front llc\""),
            "{ev:?}"
        );
        // Nothing listed: clear. German texts are German.
        assert_eq!(run(&p), Outcome::Clear);
        let de = Policy {
            lang: Lang::De,
            ..policy
        };
        let ev = evidence(run_with(&p, &de));
        assert!(ev[0].contains("Liste Ihrer Organisation"), "{ev:?}");
    }

    #[test]
    fn unknown_only_when_nothing_with_links_was_read() {
        let p = Profile {
            name: Some("Upworksell.com".into()),
            ..Profile::default()
        };
        assert_eq!(
            run(&p),
            Outcome::Unknown(vec![Field::Links, Field::Overview, Field::WorkHistory])
        );
        assert_eq!(run(&with_links(&[])), Outcome::Clear);
        let p = Profile {
            work_history: Some(vec![]),
            ..Profile::default()
        };
        assert_eq!(run(&p), Outcome::Clear);
    }
}
