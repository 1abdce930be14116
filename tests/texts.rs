//! The rules' texts live in one table (src/texts/texts.json), not in the wasm; the native build embeds
//! it. These tests check that the CLI still shows every finding's and checklist item's texts from that
//! table, in the language asked for, and their sources, in its JSON and its text output
//! (docs/architecture.md, "Texts").

use hirecheck::policy::Lang;
use hirecheck::texts::{get, Part};
use serde_json::Value;
use std::process::Command;

const NOW: &str = "2026-11-26T14:42:00Z";

fn analyze(page: &str, lang: &str, format: &str) -> String {
    let file = format!("{}/www/{page}", env!("CARGO_MANIFEST_DIR"));
    let out = Command::new(env!("CARGO_BIN_EXE_hirecheck"))
        .args([
            "analyze", "--now", NOW, "--lang", lang, "--format", format, &file,
        ])
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// A finding's texts as the table has them: checklist items verify with their "how" and share one why.
fn expected(rule: &str, lang: Lang) -> [&'static str; 3] {
    let item = !get(rule, Part::How, lang).is_empty();
    [
        get(rule, Part::Title, lang),
        get(
            if item {
                hirecheck::texts::CHECKLIST
            } else {
                rule
            },
            Part::Why,
            lang,
        ),
        get(rule, if item { Part::How } else { Part::Verify }, lang),
    ]
}

#[test]
fn the_cli_shows_every_text_from_the_table_in_the_language_asked_for() {
    // Profile findings, unevaluated rules, the checklist, and the bidders' findings on a proposals page.
    for page in [
        "upwork/risky.html",
        "upwork/broken.html",
        "freelancer/project-bids.html",
    ] {
        for (tag, lang) in [("en", Lang::En), ("de", Lang::De)] {
            let r: Value = serde_json::from_str(&analyze(page, tag, "json")).unwrap();
            let text = analyze(page, tag, "text");
            let mut risks = vec![&r["risk"]];
            risks.extend(r["bids"].as_array().unwrap().iter().map(|b| &b["risk"]));
            let mut shown = 0;
            for risk in risks {
                for f in risk["findings"].as_array().unwrap() {
                    let rule = f["rule"].as_str().unwrap();
                    let want = expected(rule, lang);
                    for (key, want) in ["title", "why", "verify"].into_iter().zip(want) {
                        assert!(!want.is_empty(), "{rule} has no {key} in {tag}");
                        assert_eq!(f[key].as_str(), Some(want), "{page} {tag}: {rule}.{key}");
                    }
                    let source = hirecheck::texts::source(rule);
                    assert!(!source.is_empty(), "{rule} has no sources");
                    assert_eq!(
                        f["source"].as_str(),
                        Some(source.as_str()),
                        "{page}: {rule}.source"
                    );
                    shown += 1;
                }
                for u in risk["unevaluated"].as_array().unwrap() {
                    let rule = u["rule"].as_str().unwrap();
                    assert_eq!(
                        u["title"].as_str(),
                        Some(get(rule, Part::Title, lang)),
                        "{rule}"
                    );
                    assert!(!u["title"].as_str().unwrap().is_empty());
                }
            }
            // The text output of the page's own findings.
            for f in r["risk"]["findings"].as_array().unwrap() {
                for want in expected(f["rule"].as_str().unwrap(), lang) {
                    assert!(
                        text.contains(want),
                        "{page} {tag}: the text output lacks {want:?}"
                    );
                }
            }
            for e in r["checklist"].as_array().unwrap() {
                let id = e["id"].as_str().unwrap();
                assert_eq!(
                    e["title"].as_str(),
                    Some(get(id, Part::Title, lang)),
                    "{id}"
                );
                assert_eq!(e["how"].as_str(), Some(get(id, Part::How, lang)), "{id}");
                assert!(!e["how"].as_str().unwrap().is_empty(), "{id}");
            }
            if page != "upwork/broken.html" {
                assert!(shown > 0, "{page}: no findings to check");
            }
        }
    }
}

#[test]
fn a_checklist_answer_becomes_a_finding_with_the_items_texts() {
    let mut answers = hirecheck::checklist::Answers::new();
    answers.insert(
        "refuses-video".into(),
        hirecheck::checklist::Answer::Observed,
    );
    for lang in [Lang::En, Lang::De] {
        let policy = hirecheck::policy::Policy {
            lang,
            ..Default::default()
        };
        let f = &hirecheck::checklist::findings(&answers, &policy)[0];
        assert_eq!(
            [f.title.as_str(), f.why.as_str(), f.verify.as_str()],
            expected("refuses-video", lang)
        );
        assert!(f.why.len() > 20, "{lang:?}: {}", f.why);
    }
}
