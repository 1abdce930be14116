//! The managed policy: managed_schema.json states exactly the settings the core reads (no drift), in
//! Chrome's schema subset; the ready policy files in docs/policies/ hold only settings the core accepts;
//! the organisation's freelancer lists block (a finding) and vouch (a note that hides nothing).

use hirecheck::page::HtmlPage;
use hirecheck::policy::Policy;
use hirecheck::settings;
use hirecheck::time::Instant;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn read(rel: &str) -> String {
    std::fs::read_to_string(format!("{ROOT}/{rel}")).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn schema() -> Value {
    serde_json::from_str(&read("managed_schema.json")).expect("managed_schema.json is JSON")
}

/// Chrome's schema format for extension policies accepts these attributes only.
const CHROME_SUBSET: &[&str] = &[
    "type",
    "properties",
    "items",
    "enum",
    "minimum",
    "maximum",
    "pattern",
    "additionalProperties",
    "description",
    "title",
];

fn check_subset(v: &Value, at: &str, problems: &mut Vec<String>) {
    let Some(o) = v.as_object() else {
        problems.push(format!("{at}: not an object"));
        return;
    };
    for (k, sub) in o {
        if !CHROME_SUBSET.contains(&k.as_str()) {
            problems.push(format!(
                "{at}: attribute {k} is not in Chrome's schema subset"
            ));
        }
        match k.as_str() {
            "properties" => {
                for (name, p) in sub.as_object().into_iter().flatten() {
                    check_subset(p, &format!("{at}.{name}"), problems);
                }
            }
            "items" | "additionalProperties" => check_subset(sub, &format!("{at}[]"), problems),
            _ => {}
        }
    }
    let t = o.get("type").and_then(Value::as_str);
    if (o.contains_key("minimum") || o.contains_key("maximum")) && t != Some("integer") {
        problems.push(format!(
            "{at}: Chrome allows minimum/maximum on integers only"
        ));
    }
}

#[test]
fn schema_properties_are_exactly_the_policy_settings() {
    let s = schema();
    assert_eq!(s["type"], "object");
    let props = s["properties"].as_object().expect("properties");
    let in_schema: BTreeSet<&str> = props.keys().map(String::as_str).collect();
    let defaults =
        serde_json::from_str::<serde_json::Value>(&hirecheck::json::to_string(&Policy::default()))
            .unwrap();
    let in_policy: BTreeSet<&str> = defaults
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        in_schema, in_policy,
        "managed_schema.json and Policy differ"
    );
    let parsed: BTreeSet<&str> = settings::keys().into_iter().collect();
    assert_eq!(parsed, in_policy, "the lenient parser and Policy differ");
}

#[test]
fn schema_uses_chromes_subset_and_the_cores_ranges() {
    let s = schema();
    let mut problems = Vec::new();
    check_subset(&s, "schema", &mut problems);
    let defaults =
        serde_json::from_str::<serde_json::Value>(&hirecheck::json::to_string(&Policy::default()))
            .unwrap();
    for (key, p) in s["properties"].as_object().unwrap() {
        if p["description"].as_str().is_none_or(|d| d.len() < 10) {
            problems.push(format!("{key}: no description for the admin"));
        }
        if let Some((min, max, _above, whole)) = settings::number_range(key) {
            let want = if whole { "integer" } else { "number" };
            if p["type"] != want {
                problems.push(format!(
                    "{key}: type {} but the core reads a {want}",
                    p["type"]
                ));
            }
            if whole && (p["minimum"].as_f64() != Some(min) || p["maximum"].as_f64() != Some(max)) {
                problems.push(format!(
                    "{key}: schema range {}..{} but the core's is {min}..{max}",
                    p["minimum"], p["maximum"]
                ));
            }
        }
        // Every setting's default passes the schema's type.
        let d = &defaults[key];
        let ok = match p["type"].as_str() {
            Some("integer") => d.is_u64() || d.is_i64(),
            Some("number") => d.is_number(),
            Some("string") => d.is_string(),
            Some("array") => d.is_array(),
            Some("object") => d.is_object(),
            _ => false,
        };
        if !ok {
            problems.push(format!(
                "{key}: the default {d} does not have the schema's type"
            ));
        }
    }
    assert_eq!(s["properties"]["lang"]["enum"], json!(["auto", "en", "de"]));
    assert_eq!(
        s["properties"]["weights"]["additionalProperties"]["maximum"].as_f64(),
        Some(settings::MAX_WEIGHT as f64)
    );
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn manifest_names_the_schema_and_the_options_page() {
    let m: Value = serde_json::from_str(&read("manifest.json")).unwrap();
    assert_eq!(m["storage"]["managed_schema"], "managed_schema.json");
    assert_eq!(m["options_ui"]["page"], "options.html");
    // The classic wasm glue first, then the loader that calls it (content/loader.js).
    assert_eq!(
        m["content_scripts"][0]["js"],
        json!(["wasm/hirecheck-content.js", "content/loader.js"])
    );
    let main = read("extension/content/main.js");
    let first = main.lines().find(|l| l.starts_with("import "));
    assert_eq!(
        first,
        Some("import '../settings.js';"),
        "the content script needs HireCheckSettings first (content/main.js imports it first)"
    );
}

/// A serde_json value as HireCheck's own JSON value.
fn ours(v: &Value) -> hirecheck::json::Value {
    hirecheck::json::from_str(&v.to_string()).expect("serde_json writes JSON")
}

fn no_errors(what: &str, v: &Value) -> Policy {
    let (p, errors) = settings::parse(&ours(v));
    assert!(errors.is_empty(), "{what}: {errors:#?}");
    p
}

#[test]
fn ready_policy_files_hold_only_valid_settings() {
    let linux: Value = serde_json::from_str(&read("docs/policies/chromium-linux.json")).unwrap();
    let exts = linux["3rdparty"]["extensions"].as_object().unwrap();
    assert_eq!(exts.len(), 1);
    let (id, chromium) = exts.iter().next().unwrap();
    let p = no_errors("chromium-linux.json", chromium);
    assert!(p.contact().is_some());
    let force = linux["ExtensionInstallForcelist"][0].as_str().unwrap();
    assert!(force.starts_with(&format!("{id};https://")), "{force}");

    let firefox: Value =
        serde_json::from_str(&read("docs/policies/firefox-policies.json")).unwrap();
    let ff = &firefox["policies"]["3rdparty"]["Extensions"]["hirecheck@hirecheck.org"];
    assert_eq!(no_errors("firefox-policies.json", ff), p);
    assert_eq!(
        firefox["policies"]["ExtensionSettings"]["hirecheck@hirecheck.org"]["installation_mode"],
        "force_installed"
    );

    let reg = read("docs/policies/chrome-windows.reg");
    for vendor in ["Google\\Chrome", "Microsoft\\Edge"] {
        let v = from_reg(
            &reg,
            &format!("SOFTWARE\\Policies\\{vendor}\\3rdparty\\extensions\\{id}\\policy"),
        );
        assert_eq!(
            no_errors(&format!("chrome-windows.reg {vendor}"), &v),
            p,
            "{vendor}"
        );
        assert!(reg.contains(&format!(
            "SOFTWARE\\Policies\\{vendor}\\ExtensionInstallForcelist]"
        )));
    }

    let plist = read("docs/policies/chrome-macos.mobileconfig");
    for domain in ["com.google.Chrome", "com.microsoft.Edge"] {
        let v = from_plist_payload(&plist, &format!("{domain}.extensions.{id}"));
        assert_eq!(
            no_errors(&format!("mobileconfig {domain}"), &v),
            p,
            "{domain}"
        );
    }
}

/// The settings under one registry key, as Chrome reads them: REG_SZ strings (a JSON text for an
/// object), REG_DWORD integers, and lists as subkeys with values "1", "2", …
fn from_reg(reg: &str, key: &str) -> Value {
    let mut out = Map::new();
    let mut section = String::new();
    for line in reg.lines().map(str::trim) {
        if let Some(s) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = s.to_string();
            continue;
        }
        let Some((name, value)) = line.split_once('=') else {
            continue;
        };
        let name = name.trim_matches('"');
        let value = if let Some(hex) = value.strip_prefix("dword:") {
            Value::from(u32::from_str_radix(hex, 16).unwrap())
        } else {
            let text = value
                .trim_matches('"')
                .replace("\\\"", "\"")
                .replace("\\\\", "\\");
            if text.starts_with('{') {
                serde_json::from_str(&text).unwrap()
            } else {
                Value::from(text)
            }
        };
        let Some(rest) = section.strip_prefix("HKEY_LOCAL_MACHINE\\") else {
            continue;
        };
        if rest == key {
            out.insert(name.to_string(), value);
        } else if let Some(list) = rest.strip_prefix(&format!("{key}\\")) {
            let e = out
                .entry(list.to_string())
                .or_insert_with(|| Value::Array(Vec::new()));
            e.as_array_mut().unwrap().push(value);
        }
    }
    assert!(!out.is_empty(), "no settings under {key}");
    Value::Object(out)
}

/// The payload dict of the given PayloadType in a .mobileconfig, read with a small parser for the plist
/// elements the file uses (dict, array, key, string, integer).
fn from_plist_payload(xml: &str, payload_type: &str) -> Value {
    let tokens: Vec<&str> = xml
        .split('<')
        .skip(1)
        .flat_map(|t| {
            let (tag, text) = t.split_once('>').unwrap();
            [tag, text]
        })
        .collect();
    let mut i = tokens
        .iter()
        .position(|t| *t == "plist version=\"1.0\"")
        .unwrap()
        + 2;
    let root = plist_value(&tokens, &mut i);
    let payloads = root["PayloadContent"].as_array().unwrap();
    let mut found = payloads
        .iter()
        .find(|p| p["PayloadType"] == payload_type)
        .unwrap_or_else(|| panic!("no payload {payload_type}"))
        .as_object()
        .unwrap()
        .clone();
    found.retain(|k, _| !k.starts_with("Payload"));
    Value::Object(found)
}

fn plist_value(t: &[&str], i: &mut usize) -> Value {
    // t[*i] is a tag, t[*i + 1] the text after it.
    while t[*i].trim().is_empty() || t[*i].starts_with('!') {
        *i += 2;
    }
    let tag = t[*i];
    *i += 2;
    match tag {
        "string" => {
            let v = Value::from(t[*i - 1]);
            *i += 2; // </string>
            v
        }
        "integer" => {
            let v = Value::from(t[*i - 1].trim().parse::<i64>().unwrap());
            *i += 2;
            v
        }
        "array/" => Value::Array(Vec::new()),
        "array" => {
            let mut a = Vec::new();
            while t[*i] != "/array" {
                a.push(plist_value(t, i));
            }
            *i += 2;
            Value::Array(a)
        }
        "dict" => {
            let mut m = Map::new();
            while t[*i] != "/dict" {
                assert_eq!(t[*i], "key", "plist dict without key");
                let k = t[*i + 1].to_string();
                *i += 4; // <key>, </key>
                m.insert(k, plist_value(t, i));
            }
            *i += 2;
            Value::Object(m)
        }
        other => panic!("plist element {other} is not read here"),
    }
}

// ---- the organisation's freelancer lists ----

const RISKY: &str = "www/upwork/risky.html";
const RISKY_URL: &str = "https://www.upwork.com/freelancers/~01a1b2c3d4e5f6risky";
const RISKY_KEY: &str = "upwork:~01a1b2c3d4e5f6risky";

fn analyze(policy: Value) -> hirecheck::report::Report {
    let (policy, errors) = settings::parse(&ours(&policy));
    assert!(errors.is_empty(), "{errors:?}");
    let page = HtmlPage::parse(&read(RISKY), Some(RISKY_URL));
    hirecheck::analyze(
        &page,
        RISKY_URL,
        &policy,
        Instant::from_unix_millis(1_790_000_000_000.0).unwrap(),
    )
}

#[test]
fn a_blocked_freelancer_is_a_finding_with_the_organisations_list_as_source() {
    let plain = analyze(json!({}));
    assert_eq!(plain.profile_key.as_deref(), Some(RISKY_KEY));
    assert!(!plain
        .risk
        .findings
        .iter()
        .any(|f| f.rule == "org-blocked-freelancer"));
    // Listed in another case: keys compare without regard to ASCII case.
    let blocked = analyze(
        json!({"blocked_freelancers": ["UPWORK:~01A1B2C3D4E5F6RISKY"], "disabled_rules": ["known-bad-domain", "feedback-name-mismatch", "overlapping-contracts"]}),
    );
    let f = blocked
        .risk
        .findings
        .iter()
        .find(|f| f.rule == "org-blocked-freelancer")
        .expect("no finding for a blocked freelancer");
    assert_eq!(
        f.source,
        "your organisation's list (policy blocked_freelancers)"
    );
    assert!(
        f.evidence[0].contains("UPWORK:~01A1B2C3D4E5F6RISKY"),
        "{:?}",
        f.evidence
    );
    assert_eq!(f.weight, 80);
    let without = analyze(
        json!({"disabled_rules": ["known-bad-domain", "feedback-name-mismatch", "overlapping-contracts"]}),
    );
    assert!(
        blocked.risk.score > without.risk.score,
        "the finding did not count"
    );
    // Off when the rule is disabled; another freelancer is not affected.
    let off = analyze(
        json!({"blocked_freelancers": [RISKY_KEY], "disabled_rules": ["org-blocked-freelancer"]}),
    );
    assert!(!off
        .risk
        .findings
        .iter()
        .any(|f| f.rule == "org-blocked-freelancer"));
    let other = analyze(json!({"blocked_freelancers": ["upwork:~01ffffffffffffffff"]}));
    assert_eq!(other.risk, plain.risk);
}

#[test]
fn a_vetted_freelancer_gets_a_note_and_keeps_every_finding() {
    let plain = analyze(json!({}));
    let vetted = analyze(json!({"allowed_freelancers": [RISKY_KEY]}));
    assert_eq!(
        vetted.org_note.as_deref(),
        Some("Your organisation has vetted this freelancer: upwork:~01a1b2c3d4e5f6risky")
    );
    assert_eq!(
        vetted.risk, plain.risk,
        "vetting must not hide or lower findings"
    );
    assert!(plain.org_note.is_none());
    let de = analyze(json!({"allowed_freelancers": [RISKY_KEY], "lang": "de"}));
    assert!(de.org_note.unwrap().starts_with("Ihre Organisation hat"));
}

#[test]
fn the_cli_warns_about_bad_policy_values_and_goes_on() {
    let dir = std::env::temp_dir().join(format!("hirecheck-policy-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("policy.json");
    std::fs::write(
        &file,
        r#"{"weights": {"local-time-mismatch": 250}, "hihg_from": 3, "disabled_rules": ["review-burst"]}"#,
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_hirecheck"))
        .args(["analyze", "--url", RISKY_URL, "--policy"])
        .arg(&file)
        .arg(format!("{ROOT}/{RISKY}"))
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).ok();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let path = file.display();
    for want in [
        format!("hirecheck: warning: {path}: weights.local-time-mismatch: 250 is above the maximum of 100; the default 35 is used"),
        format!("hirecheck: warning: {path}: hihg_from: there is no such setting; it is ignored (did you mean \"high_from\"?)"),
    ] {
        assert!(stderr.lines().any(|l| l == want), "missing {want:?} in\n{stderr}");
    }
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let local = report["risk"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "local-time-mismatch")
        .expect("local-time-mismatch with its default weight");
    assert_eq!(local["weight"], 35);
}
