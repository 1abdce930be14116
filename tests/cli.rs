//! The command-line contract other tools rely on: `hirecheck analyze [--url] [--now] [--format] FILE...`.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

const NOW: &str = "2026-11-26T14:42:00Z";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn sample(name: &str) -> String {
    root()
        .join("www/upwork")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn hirecheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hirecheck"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn one_file_gives_one_object_with_the_documented_shape() {
    let out = hirecheck(&[
        "analyze",
        "--now",
        NOW,
        "--format",
        "json",
        &sample("risky.html"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r = json(&out);
    assert!(r.is_object());
    assert_eq!(r["site"], "upwork");
    assert_eq!(r["page_kind"], "profile");
    assert!(r["source"].as_str().unwrap().ends_with("risky.html"));
    let p = &r["profile"];
    for key in [
        "name",
        "hourly_rate",
        "total_hours",
        "job_success",
        "location",
        "member_since",
        "total_jobs",
    ] {
        assert!(
            p.get(key).is_some(),
            "profile.{key} must be present (null when unknown)"
        );
    }
    assert!(p["hourly_rate"]["amount"].is_number() && p["hourly_rate"]["currency"].is_string());
    assert!(
        p["location"]["country"]
            .as_str()
            .is_some_and(|c| c.len() == 2),
        "ISO alpha-2: {}",
        p["location"]
    );
    let since = p["member_since"].as_str().unwrap();
    assert!(
        since.len() == 7 && since.as_bytes()[4] == b'-',
        "YYYY-MM: {since}"
    );
    assert!(r["missing"].is_array());
    let risk = &r["risk"];
    assert!(["low", "elevated", "high", "unknown"].contains(&risk["level"].as_str().unwrap()));
    assert!(risk["score"].as_u64().unwrap() <= 100);
    let findings = risk["findings"].as_array().unwrap();
    assert!(!findings.is_empty());
    for f in findings {
        for key in ["rule", "title", "why", "source", "verify"] {
            assert!(
                f[key].as_str().is_some_and(|s| !s.is_empty()),
                "finding.{key} in {f}"
            );
        }
        assert!(f["points"].as_u64().unwrap() > 0);
        assert!(
            !f["evidence"].as_array().unwrap().is_empty(),
            "every finding shows its evidence: {f}"
        );
    }
}

#[test]
fn several_files_give_an_array_in_order() {
    let out = hirecheck(&[
        "analyze",
        "--now",
        NOW,
        &sample("clean.html"),
        &sample("risky.html"),
    ]);
    assert!(out.status.success());
    let all = json(&out);
    let all = all.as_array().expect("an array for several files");
    assert_eq!(all.len(), 2);
    assert!(all[0]["source"].as_str().unwrap().ends_with("clean.html"));
    assert!(all[1]["source"].as_str().unwrap().ends_with("risky.html"));
}

#[test]
fn a_page_from_no_supported_site_is_unknown_not_an_error() {
    let dir = std::env::temp_dir().join(format!("hirecheck-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("blog.html");
    std::fs::write(
        &file,
        "<html><head><title>My blog</title></head><body><h1>Hello</h1></body></html>",
    )
    .unwrap();
    let out = hirecheck(&["analyze", "--now", NOW, file.to_str().unwrap()]);
    assert!(out.status.success());
    let r = json(&out);
    assert_eq!(r["site"], Value::Null);
    assert_eq!(r["page_kind"], "unknown");
    assert_eq!(r["risk"]["level"], "unknown");
    assert_eq!(r["profile"]["name"], Value::Null, "unknown values are null");
}

#[test]
fn an_unreadable_file_is_reported_and_the_others_still_analysed() {
    let missing = root().join("no/such/page.html");
    let out = hirecheck(&[
        "analyze",
        "--now",
        NOW,
        missing.to_str().unwrap(),
        &sample("clean.html"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("page.html could not be read"), "{stderr}");
    let all = json(&out);
    assert_eq!(all.as_array().unwrap().len(), 1);
    assert!(all[0]["source"].as_str().unwrap().ends_with("clean.html"));
}

#[test]
fn bad_command_lines_explain_themselves() {
    for (args, needle) in [
        (vec!["analyze", "--now", "yesterday", "x.html"], "RFC 3339"),
        (vec!["analyze", "--format", "xml", "x.html"], "json or text"),
        (vec!["analyze"], "no FILE"),
        (vec!["frobnicate"], "unknown command"),
        (vec!["analyze", "--bogus", "x.html"], "unknown option"),
    ] {
        let out = hirecheck(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(needle) && stderr.contains("Usage:"),
            "{args:?}: {stderr}"
        );
    }
}

#[test]
fn text_format_and_url_override() {
    let out = hirecheck(&[
        "analyze",
        "--now",
        NOW,
        "--format",
        "text",
        "--url",
        "https://www.upwork.com/freelancers/~01abc",
        &sample("risky.html"),
    ]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("High risk") || text.contains("Elevated risk"),
        "{text}"
    );
    assert!(text.contains("Verify:") && text.contains("Source:"));
    // --now defaults to the current time.
    assert!(hirecheck(&["analyze", &sample("clean.html")])
        .status
        .success());
}

#[test]
fn german_explanations_on_request() {
    let out = hirecheck(&[
        "analyze",
        "--now",
        NOW,
        "--lang",
        "de",
        &sample("risky.html"),
    ]);
    let r = json(&out);
    let title = r["risk"]["findings"][0]["title"].as_str().unwrap();
    let english = json(&hirecheck(&[
        "analyze",
        "--now",
        NOW,
        &sample("risky.html"),
    ]));
    assert_ne!(
        title,
        english["risk"]["findings"][0]["title"].as_str().unwrap()
    );
}
