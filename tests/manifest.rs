//! `manifest.json` and the extension's locales agree with the core.
//!
//! - The content script runs on exactly the profile addresses the site adapters declare
//!   ([`Adapter::url_patterns`]), and nowhere else. Adding a site means declaring its patterns in its
//!   adapter *and* listing them in the manifest; this test names whichever side is missing.
//! - The wasm modules, and the content scripts' module (`content/main.js`), are web-accessible on
//!   exactly those sites' hosts. Chrome rejects a path in
//!   `web_accessible_resources.matches`, so those are `https://<host>/*`.
//! - No permission beyond `storage` (and `offscreen`, the safe mode's document, which shows no warning),
//!   no host permissions, no `<all_urls>`.
//! - `exclude_matches` only narrow the matches and never hide a page an adapter reads.
//!   Fiverr profiles have no path prefix (`www.fiverr.com/<username>`), so Fiverr's pattern is the
//!   whole site: the content script is injected on every Fiverr page except the excluded obvious
//!   non-profile paths (search, categories, inbox, support), and on the rest [`supported_url`] (the
//!   adapter's `page_kind`) decides whether there is anything to check. It draws nothing elsewhere.
//! - Every demo page in `www/routes.json` that the content script runs on is one the core reads.
//! - The popup names missing fields in the core's words (`field_<key>` = `Field::label`).

use hirecheck::model::Field;
use hirecheck::sites::{match_pattern, supported_url, Adapter, ADAPTERS};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;

/// The host the e2e server stands in for when a route in `www/routes.json` is a bare path.
const DEMO_HOST: &str = "www.upwork.com";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(rel: &str) -> Value {
    let path = root().join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn manifest() -> Value {
    read_json("manifest.json")
}

fn strings(v: &Value, what: &str) -> Vec<String> {
    match v {
        Value::Null => Vec::new(),
        Value::Array(items) => items
            .iter()
            .map(|i| {
                i.as_str()
                    .unwrap_or_else(|| panic!("{what}: {i} is not a string"))
                    .to_string()
            })
            .collect(),
        other => panic!("{what} must be an array of strings, not {other}"),
    }
}

fn content_scripts(m: &Value) -> &Vec<Value> {
    let cs = m["content_scripts"]
        .as_array()
        .expect("manifest.json has content_scripts");
    assert_eq!(
        cs.len(),
        1,
        "one content-script entry (content_scripts[0]) serves every site"
    );
    cs
}

fn matches(m: &Value) -> Vec<String> {
    strings(
        &content_scripts(m)[0]["matches"],
        "content_scripts[0].matches",
    )
}

fn excludes(m: &Value) -> Vec<String> {
    strings(
        &content_scripts(m)[0]["exclude_matches"],
        "content_scripts[0].exclude_matches",
    )
}

/// Whether Chrome injects the content script at `url`.
fn injected(m: &Value, url: &str) -> bool {
    matches(m).iter().any(|p| match_pattern(p, url))
        && !excludes(m).iter().any(|p| match_pattern(p, url))
}

/// "https://www.upwork.com/freelancers/*" → ("https", "www.upwork.com", "/freelancers/*").
fn parts(pattern: &str) -> (&str, &str, &str) {
    let (scheme, rest) = pattern
        .split_once("://")
        .unwrap_or_else(|| panic!("not a match pattern: {pattern}"));
    let slash = rest
        .find('/')
        .unwrap_or_else(|| panic!("match pattern without a path: {pattern}"));
    (scheme, &rest[..slash], &rest[slash..])
}

fn adapter_of(host: &str) -> Option<&'static dyn Adapter> {
    let bare = host.strip_prefix("www.").unwrap_or(host);
    ADAPTERS.iter().copied().find(|a| {
        a.hosts()
            .iter()
            .any(|h| bare == *h || bare.ends_with(&format!(".{h}")))
    })
}

#[test]
fn every_adapter_declares_its_url_patterns() {
    let without: Vec<&str> = ADAPTERS
        .iter()
        .filter(|a| a.url_patterns().is_empty())
        .map(|a| a.id())
        .collect();
    assert!(
        without.is_empty(),
        "these adapters declare no url_patterns (implement Adapter::url_patterns with the Chrome match \
         patterns of their profile pages, as manifest.json lists them): {without:?}"
    );
    for a in ADAPTERS {
        for p in a.url_patterns() {
            let (scheme, host, path) = parts(p);
            assert_eq!(scheme, "https", "{}: {p} must be https only", a.id());
            assert!(
                !host.contains('*'),
                "{}: {p} must name its host exactly",
                a.id()
            );
            let bare = host.strip_prefix("www.").unwrap_or(host);
            assert!(
                a.hosts().contains(&bare),
                "{}: {p} is on {host}, which is not one of its hosts {:?}",
                a.id(),
                a.hosts()
            );
            assert!(path.starts_with('/'), "{}: {p}", a.id());
            assert!(
                match_pattern(p, &format!("https://{host}{}", path.replace('*', "x"))),
                "{}: {p} does not parse as a match pattern",
                a.id()
            );
        }
    }
}

#[test]
fn content_script_matches_are_the_adapters_url_patterns() {
    let m = manifest();
    let in_manifest: BTreeSet<String> = matches(&m).into_iter().collect();
    let declared: BTreeSet<String> = ADAPTERS
        .iter()
        .flat_map(|a| a.url_patterns().iter().map(|p| p.to_string()))
        .collect();
    let undeclared: Vec<String> = in_manifest
        .difference(&declared)
        .map(|p| {
            let host = parts(p).1;
            match adapter_of(host) {
                Some(a) => format!(
                    "{p} (adapter \"{}\" does not declare it in url_patterns)",
                    a.id()
                ),
                None => format!("{p} (no adapter in sites::ADAPTERS serves {host})"),
            }
        })
        .collect();
    let unlisted: Vec<&String> = declared.difference(&in_manifest).collect();
    let without: Vec<&str> = ADAPTERS
        .iter()
        .filter(|a| a.url_patterns().is_empty())
        .map(|a| a.id())
        .collect();
    assert!(
        undeclared.is_empty() && unlisted.is_empty(),
        "content_scripts[0].matches must equal the union of the adapters' url_patterns.\n  \
         in manifest.json but declared by no adapter: {undeclared:#?}\n  \
         declared by an adapter but missing from manifest.json: {unlisted:?}\n  \
         adapters with no url_patterns: {without:?}"
    );
    assert_eq!(
        in_manifest.len(),
        matches(&m).len(),
        "duplicate content-script matches"
    );
}

#[test]
fn web_accessible_resources_cover_exactly_the_sites_hosts() {
    let m = manifest();
    let hosts: BTreeSet<String> = matches(&m).iter().map(|p| parts(p).1.to_string()).collect();
    let want: BTreeSet<String> = hosts.iter().map(|h| format!("https://{h}/*")).collect();
    let entries = m["web_accessible_resources"]
        .as_array()
        .expect("manifest.json has web_accessible_resources (the wasm files)");
    let mut got = BTreeSet::new();
    let mut modules = BTreeSet::new();
    for (i, w) in entries.iter().enumerate() {
        assert!(
            w.get("extension_ids").is_none() && w.get("use_dynamic_url").is_none(),
            "web_accessible_resources[{i}] may only list resources and matches"
        );
        for p in strings(
            &w["matches"],
            &format!("web_accessible_resources[{i}].matches"),
        ) {
            let (scheme, host, path) = parts(&p);
            assert_eq!(
                (scheme, path),
                ("https", "/*"),
                "{p}: Chrome accepts only https://<host>/* here"
            );
            assert!(
                !host.contains('*'),
                "{p}: a wildcard host exposes the wasm to other sites"
            );
            got.insert(p);
        }
        for r in strings(
            &w["resources"],
            &format!("web_accessible_resources[{i}].resources"),
        ) {
            assert!(!r.contains('*'), "{r}: name each web-accessible file");
            // The wasm glue is a content script now (wasm/hirecheck-content.js): only the modules
            // themselves are fetched from the page's side.
            if r.starts_with("wasm/") {
                assert!(
                    r.ends_with(".wasm"),
                    "{r}: of wasm/, only the .wasm modules need to be web-accessible"
                );
            } else {
                modules.insert(r);
            }
        }
    }
    assert_eq!(
        modules,
        content_modules(),
        "besides the wasm modules, exactly content/main.js is web-accessible (content/loader.js imports it)"
    );
    assert_eq!(
        got, want,
        "web_accessible_resources matches must be https://<host>/* for each host of the content-script matches, and nothing else"
    );
}

/// The content scripts' module (`content/loader.js` imports it; the build joins the files the source
/// `content/main.js` imports into it), after checking that each of those files exists.
fn content_modules() -> BTreeSet<String> {
    let main = std::fs::read_to_string(root().join("extension/content/main.js")).unwrap();
    let mut imports = 0;
    for line in main.lines().map(str::trim) {
        let Some(spec) = line
            .strip_prefix("import '")
            .and_then(|l| l.strip_suffix("';"))
        else {
            continue;
        };
        imports += 1;
        assert!(
            root().join("extension/content").join(spec).is_file(),
            "content/main.js imports {spec}, which is not in extension/"
        );
    }
    assert!(imports > 0, "content/main.js imports no content script");
    BTreeSet::from(["content/main.js".to_string()])
}

#[test]
fn permissions_stay_minimal() {
    let m = manifest();
    let text = std::fs::read_to_string(root().join("manifest.json")).unwrap();
    assert!(
        !text.contains("<all_urls>"),
        "manifest.json mentions <all_urls>"
    );
    for key in ["permissions", "optional_permissions"] {
        let extra: Vec<String> = strings(&m[key], key)
            .into_iter()
            .filter(|p| p != "storage" && p != "offscreen")
            .collect();
        assert!(
            extra.is_empty(),
            "{key} beyond \"storage\" and \"offscreen\": {extra:?}"
        );
    }
    for key in ["host_permissions", "optional_host_permissions"] {
        assert!(
            strings(&m[key], key).is_empty(),
            "manifest.json must have no {key}"
        );
    }
    assert!(
        m.get("externally_connectable").is_none(),
        "externally_connectable"
    );
    for p in matches(&m) {
        let (_, host, path) = parts(&p);
        assert!(!host.contains('*'), "{p}: a wildcard host");
        assert!(path.starts_with('/'), "{p}");
    }
}

#[test]
fn exclude_matches_only_narrow_and_hide_no_page_the_adapters_read() {
    let m = manifest();
    let hosts: BTreeSet<String> = matches(&m).iter().map(|p| parts(p).1.to_string()).collect();
    for p in excludes(&m) {
        let (scheme, host, path) = parts(&p);
        assert_eq!(scheme, "https", "{p}");
        assert!(
            hosts.contains(host),
            "{p}: excludes on a host the content script does not run on"
        );
        for fill in ["x", "jdoe", "jdoe/some-gig", "x?y=1"] {
            let url = format!("https://{host}{}", path.replace('*', fill));
            assert!(
                matches(&m).iter().any(|q| match_pattern(q, &url)),
                "{p}: {url} is not in the matches, so excluding it does nothing"
            );
            assert!(
                !supported_url(&url),
                "{p} excludes {url}, which the {} adapter reads: either its page_kind must reject this address or the exclude is wrong",
                adapter_of(host).map_or("(none)", |a| a.id())
            );
        }
    }
}

#[test]
fn supported_urls_are_inside_the_manifest() {
    let m = manifest();
    // The core never claims a page the content script is not injected on.
    for a in ADAPTERS {
        for p in a.url_patterns() {
            let (_, host, path) = parts(p);
            for fill in ["", "x", "jdoe", "~01abc", "jdoe/gig", "search/x"] {
                let url = format!("https://{host}{}", path.replace('*', fill));
                if supported_url(&url) {
                    assert!(
                        injected(&m, &url),
                        "supported_url({url}) but manifest.json does not inject there"
                    );
                }
            }
        }
    }
}

#[test]
fn every_demo_profile_the_content_script_runs_on_is_read_by_the_core() {
    let m = manifest();
    let routes = read_json("www/routes.json");
    let routes = routes.as_object().expect("www/routes.json is an object");
    let mut checked = 0;
    for key in routes.keys() {
        let url = if key.starts_with('/') {
            format!("https://{DEMO_HOST}{key}")
        } else {
            key.clone()
        };
        if injected(&m, &url) {
            assert!(
                supported_url(&url),
                "www/routes.json serves {url}, the content script runs there, but supported_url() says HireCheck \
                 does not read it (the content script would draw nothing): check the adapter's page_kind"
            );
            checked += 1;
        }
    }
    assert!(checked > 0, "no demo profile in www/routes.json");
}

#[test]
fn the_popup_names_every_field_the_core_can_miss_in_both_languages() {
    let [en, de] =
        ["en", "de"].map(|dir| read_json(&format!("extension/_locales/{dir}/messages.json")));
    let mut wrong = Vec::new();
    for f in Field::ALL {
        let key = format!("field_{}", f.key());
        let names =
            [&en, &de].map(|m| m[&key]["message"].as_str().unwrap_or("").trim().to_string());
        if names.iter().any(String::is_empty) {
            wrong.push(format!("{key}: {names:?}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "extension/_locales/*/messages.json must name every Field (the report lists missing fields by key): {wrong:#?}"
    );
}
