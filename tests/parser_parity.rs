//! Our HTML parser and selector engine (src/page/html/) against the reference they replaced (html5ever
//! and the `selectors` crate through scraper, kept test-only in tests/support/reference_page.rs): the
//! whole analysis report must be the same with both, on every page we have. Demo pages (www/ with their
//! addresses from www/routes.json), hostile pages (www/hostile/, addresses from expectations.json),
//! adapter fixtures and the labelled corpus (with their site's address and without one), and the fuzz
//! seeds of the `adapters` target. And every selector string in the adapters parses the same way
//! (valid or invalid) in both engines.

#[path = "support/reference_page.rs"]
mod reference_page;

use hirecheck::page::{HtmlPage, Page};
use hirecheck::policy::Policy;
use hirecheck::time::Instant;
use reference_page::ReferencePage;
use serde_json::Value;
use std::path::{Path, PathBuf};

const NOW: &str = "2026-11-26T14:42:00Z";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn report(page: &dyn Page, url: &str) -> Value {
    let now = Instant::parse_rfc3339(NOW).expect("NOW parses");
    let report = hirecheck::analyze(page, url, &Policy::default(), now);
    serde_json::from_str(&hirecheck::json::to_string(&report)).expect("the report is JSON")
}

/// The first place two JSON values differ, as a path and both values.
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys()) {
                let (va, vb) = (
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                );
                if let Some(d) = first_difference(va, vb, &format!("{path}.{k}")) {
                    return Some(d);
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (va, vb))| first_difference(va, vb, &format!("{path}[{i}]"))),
        _ if a == b => None,
        _ => Some(format!("{path}: ours {a} / html5ever {b}")),
    }
}

/// Compares both parsers on one page; `None` when the reports are identical.
fn compare(name: &str, html: &str, url: Option<&str>) -> Option<String> {
    let ours = HtmlPage::parse(html, url);
    let reference = ReferencePage::parse(html, url);
    let label = url.unwrap_or("(no address)");
    let (a, b) = (report(&ours, label), report(&reference, label));
    first_difference(&a, &b, "report").map(|d| format!("{name} at {label}: {d}"))
}

/// The entries of `dir` (none when it cannot be read), sorted.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    out.sort();
    out
}

fn html_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = files_in(dir);
    out.retain(|p| p.extension().is_some_and(|e| e == "html"));
    out
}

fn read(path: &Path) -> String {
    String::from_utf8_lossy(
        &std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .into_owned()
}

fn assert_same(cases: &[(String, String, Option<String>)], min: usize) {
    assert!(cases.len() >= min, "only {} pages", cases.len());
    let problems: Vec<String> = cases
        .iter()
        .filter_map(|(name, html, url)| compare(name, html, url.as_deref()))
        .collect();
    assert!(
        problems.is_empty(),
        "{} of {} pages differ:\n{}",
        problems.len(),
        cases.len(),
        problems.join("\n")
    );
}

#[test]
fn demo_pages_give_identical_reports() {
    let www = root().join("www");
    let routes: serde_json::Map<String, Value> =
        serde_json::from_str(&read(&www.join("routes.json"))).expect("routes.json");
    let mut cases = Vec::new();
    for (key, v) in &routes {
        let file = v
            .as_str()
            .or_else(|| v.get("file").and_then(Value::as_str))
            .unwrap_or_default();
        if !file.contains('/') {
            continue;
        }
        let url = if key.starts_with('/') {
            format!("https://www.upwork.com{key}")
        } else {
            key.clone()
        };
        cases.push((file.to_string(), read(&www.join(file)), Some(url)));
    }
    assert_same(&cases, 16);
    // Not two empty reports: our parser reads the demo profiles' names.
    let named = cases
        .iter()
        .filter(|(_, html, url)| {
            let page = HtmlPage::parse(html, url.as_deref());
            let r = report(&page, url.as_deref().unwrap_or_default());
            r.pointer("/profile/name").is_some_and(Value::is_string)
        })
        .count();
    assert!(named >= 10, "only {named} demo pages have a name read");
}

#[test]
fn hostile_pages_give_identical_reports() {
    let dir = root().join("www/hostile");
    let exp: serde_json::Map<String, Value> =
        serde_json::from_str(&read(&dir.join("expectations.json"))).expect("expectations.json");
    let cases: Vec<_> = exp
        .iter()
        .filter_map(|(url, e)| {
            let file = e.get("file")?.as_str()?;
            Some((file.to_string(), read(&dir.join(file)), Some(url.clone())))
        })
        .collect();
    assert_same(&cases, 50);
}

/// An address of the fixture directory's site and page kind.
fn fixture_url(dir: &str) -> &'static str {
    match dir {
        "upwork" | "corpus" => "https://www.upwork.com/freelancers/~01a1b2c3d4e5f6fixture",
        "upwork-diary" => "https://www.upwork.com/nx/wm/workroom/38123456/timesheet",
        "upwork-messages" => "https://www.upwork.com/ab/messages/rooms/room_abc123",
        "fiverr" => "https://www.fiverr.com/fixture_seller",
        "freelancer" => "https://www.freelancer.com/u/fixture",
        "guru" => "https://www.guru.com/freelancers/fixture",
        "peopleperhour" => "https://www.peopleperhour.com/freelancer/design/fixture-abcdefg",
        "toptal" => "https://www.toptal.com/resume/fixture",
        _ => "https://example.com/",
    }
}

#[test]
fn fixtures_and_corpus_give_identical_reports() {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("tests/fixtures"))
        .expect("tests/fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.push(root().join("tests/corpus"));
    dirs.sort();
    let mut cases = Vec::new();
    for dir in dirs {
        let site = dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        for file in html_files(&dir) {
            let name = format!(
                "{site}/{}",
                file.file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default()
            );
            let html = read(&file);
            cases.push((
                name.clone(),
                html.clone(),
                Some(fixture_url(&site).to_string()),
            ));
            cases.push((name, html, None));
        }
    }
    assert_same(&cases, 100);
}

#[test]
fn fuzz_seeds_give_identical_reports() {
    let dir = root().join("fuzz/corpus/adapters");
    let files = files_in(&dir);
    let cases: Vec<_> = files
        .iter()
        .map(|f| {
            let data = read(f);
            let (url, html) = data.split_once('\n').unwrap_or((&data, ""));
            let url = url.trim();
            let name = f
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_string();
            (
                name,
                html.to_string(),
                (!url.is_empty()).then(|| url.to_string()),
            )
        })
        .collect();
    assert_same(&cases, 20);
}

/// Every string literal in the given Rust sources (plain and raw strings, escapes decoded).
fn string_literals(src: &str) -> Vec<String> {
    let b: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            '/' if b.get(i + 1) == Some(&'/') => {
                while i < b.len() && b[i] != '\n' {
                    i += 1;
                }
            }
            '\'' => {
                // A char literal ('"' among them) or a lifetime: skip it.
                if b.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else if b.get(i + 1) == Some(&'\\') {
                    while i < b.len()
                        && !(b[i] == '\''
                            && i > 0
                            && b[i - 1] != '\\'
                            && b.get(i.wrapping_sub(2)) != Some(&'\''))
                    {
                        i += 1;
                    }
                    i += 1;
                } else {
                    i += 1;
                }
            }
            'r' if b.get(i + 1) == Some(&'#') || b.get(i + 1) == Some(&'"') => {
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) != Some(&'"')
                    || (i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_'))
                {
                    i += 1;
                    continue;
                }
                let close: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let rest: String = b[j + 1..].iter().collect();
                let end = rest.find(&close).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                i = j + 1 + rest[..end].chars().count() + close.chars().count();
            }
            '"' => {
                let mut s = String::new();
                i += 1;
                while i < b.len() && b[i] != '"' {
                    if b[i] == '\\' {
                        i += 1;
                        match b.get(i) {
                            Some('n') => s.push('\n'),
                            Some('t') => s.push('\t'),
                            Some('r') => s.push('\r'),
                            Some('0') => s.push('\0'),
                            Some('\n') => {
                                while b.get(i + 1).is_some_and(|c| c.is_whitespace()) {
                                    i += 1;
                                }
                            }
                            Some('u') => {
                                let close = (i..b.len()).find(|&k| b[k] == '}').unwrap_or(i);
                                let hex: String = b[i + 2..close].iter().collect();
                                s.push(
                                    u32::from_str_radix(&hex, 16)
                                        .ok()
                                        .and_then(char::from_u32)
                                        .unwrap_or('?'),
                                );
                                i = close;
                            }
                            Some('x') => {
                                let hex: String = b[i + 1..i + 3].iter().collect();
                                s.push(u8::from_str_radix(&hex, 16).map(char::from).unwrap_or('?'));
                                i += 2;
                            }
                            Some(&c) => s.push(c),
                            None => {}
                        }
                    } else {
                        s.push(b[i]);
                    }
                    i += 1;
                }
                out.push(s);
                i += 1;
            }
            _ => i += 1,
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_selector_string_in_the_adapters_parses_as_with_the_selectors_crate() {
    let mut files = Vec::new();
    for d in ["src/sites", "src/rules", "src/page/mod.rs"] {
        let p = root().join(d);
        if p.is_dir() {
            rust_files(&p, &mut files);
        } else {
            files.push(p);
        }
    }
    let mut literals: Vec<String> = files
        .iter()
        .flat_map(|f| string_literals(&read(f)))
        .collect();
    // The selectors built with format! in PageExt::meta, with a key the adapters pass.
    literals.push("meta[property=\"og:title\"]".into());
    literals.push("meta[name=\"og:title\"]".into());
    literals.sort();
    literals.dedup();
    let mut mismatches = Vec::new();
    let mut valid = 0;
    for css in &literals {
        let theirs = scraper::Selector::parse(css).is_ok();
        let ours = HtmlPage::selector_is_valid(css);
        if theirs {
            valid += 1;
        }
        if theirs != ours {
            mismatches.push(format!("{css:?}: selectors crate {theirs}, ours {ours}"));
        }
    }
    assert!(
        valid >= 150,
        "only {valid} valid selectors found in {} literals",
        literals.len()
    );
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

/// Every page we have, once (the address does not change the tree).
fn all_pages() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![
        root().join("www"),
        root().join("www/hostile"),
        root().join("tests/corpus"),
    ];
    for site in std::fs::read_dir(root().join("www"))
        .into_iter()
        .flatten()
        .flatten()
    {
        if site.path().is_dir() && !site.path().ends_with("hostile") {
            dirs.push(site.path());
        }
    }
    for f in std::fs::read_dir(root().join("tests/fixtures"))
        .into_iter()
        .flatten()
        .flatten()
    {
        dirs.push(f.path());
    }
    for dir in dirs {
        for file in html_files(&dir) {
            let name = file
                .strip_prefix(root())
                .unwrap_or(&file)
                .display()
                .to_string();
            out.push((name, read(&file)));
        }
    }
    for f in std::fs::read_dir(root().join("fuzz/corpus/adapters"))
        .into_iter()
        .flatten()
        .flatten()
    {
        let data = read(&f.path());
        let html = data.split_once('\n').map_or("", |(_, h)| h).to_string();
        out.push((f.path().display().to_string(), html));
    }
    out.sort();
    out
}

/// The deepest element of an outline.
fn max_depth(outline: &[String]) -> usize {
    outline
        .iter()
        .filter_map(|l| l.split(' ').next()?.parse::<usize>().ok())
        .max()
        .unwrap_or(0)
}

/// The first line where two outlines differ.
fn outline_difference(ours: &[String], theirs: &[String]) -> Option<String> {
    let n = ours.len().max(theirs.len());
    (0..n).find_map(|i| {
        let (a, b) = (ours.get(i), theirs.get(i));
        (a != b).then(|| {
            let cut = |s: Option<&String>| {
                s.map_or("(none)".to_string(), |s| s.chars().take(300).collect())
            };
            format!(
                "element {i}:\n    ours:      {}\n    html5ever: {}",
                cut(a),
                cut(b)
            )
        })
    })
}

#[test]
fn every_page_gives_the_same_tree() {
    let pages = all_pages();
    assert!(pages.len() >= 200, "only {} pages", pages.len());
    let mut deep = 0;
    let problems: Vec<String> = pages
        .iter()
        .filter_map(|(name, html)| {
            let mut ours = HtmlPage::parse(html, None).outline();
            let mut theirs = ReferencePage::parse(html, None).outline();
            // Nesting past the cap: the reference capped it by rewriting tags before html5ever saw
            // them, counting open tags (not <html>, <body>, <p>, <li>, ...), where we cap the tree's
            // depth as Chromium does; so the cap falls a few levels apart and the text of the
            // flattened levels sits in different elements. The elements and their attributes, in
            // order, must still be the same.
            let depth = |line: &String| {
                line.split(' ')
                    .next()
                    .and_then(|d| d.parse::<usize>().ok())
                    .unwrap_or(0)
            };
            if ours.iter().chain(&theirs).any(|l| depth(l) >= 500) {
                deep += 1;
                let shape = |l: &String| {
                    let rest = l.split_once(' ').map_or("", |(_, r)| r);
                    rest.rsplit_once(" \"").map_or(rest, |(s, _)| s).to_string()
                };
                ours = ours.iter().map(shape).collect();
                theirs = theirs.iter().map(shape).collect();
            }
            outline_difference(&ours, &theirs).map(|d| format!("{name}: {d}"))
        })
        .collect();
    assert!(deep <= 3, "{deep} pages nest past the cap");
    assert!(
        problems.is_empty(),
        "{} of {} pages differ:\n{}",
        problems.len(),
        pages.len(),
        problems.join("\n")
    );
}

/// Markup our tree builder handles as html5ever does.
const SAME_TREE: &[&str] = &[
    "",
    "text only",
    "<!DOCTYPE html><html lang=en><head><title>T &amp; U</title><meta charset=utf-8></head><body class=a>x</body></html>",
    "<title>T</title><meta name=a content=b>Hello <b>world</b>",
    "<html><head></head> <link rel=x><body a=1><body b=2 a=3>x</body></html>",
    "<div><br><img src=a><input/><span/>in span</div><p>after",
    "<svg viewBox='0 0 1 1'><path d=1 /><text>t</text></svg><p>x",
    "<svg><g><div>d</div>",
    "<p>a<div>b</div><p>c<p>d<ul><li>1<li>2</ul><dl><dt>t<dd>d1<dd>d2</dl>",
    "<select><option>a<option>b<optgroup><option>c</select>",
    "<ruby>a<rb>b<rt>c<rp>d</ruby>",
    "<div></p></br></div>",
    "<h1>a<h2>b</h1>c",
    "<div class=a><span>x<div class=b>y</span>z</div>w</div>v",
    "<section><div><p>a</section>b",
    "<div>a</i></span></div>b",
    "<script>var s = '<div class=x>'; if (a</b) {}</script><style>p > a { }</style><textarea>\n<b>&amp;</b></textarea><noscript><img src=x></noscript><iframe><p>f</p></iframe><div class=y>after</div>",
    "<p title='a &amp; b &copy=1' data-X=\"&#x41;&#0;\">1&nbsp;&lt;2&gt;\r\n3\r4\0</p>",
    "<div class=\"a\"><span>x<div class='b",
    "<div <p>x</div>",
    "<ul><li><div>a<li>b</ul>",
    "<form><div><form><input></div></form><form>",
    "<pre>\n\nx</pre><listing>\ny</listing>",
    "<button><button>b</button>",
    "<table><tr><td>a<td>b<tr><th>c</table>",
    "<table><tbody><tr><td>1</td></tr></tbody></table>",
    "<p>a<table><tr><td>b</td></tr></table>",
    "<math><mi>x</mi><mo>+</mo></math>",
    "<svg><foreignObject><div>a</div></foreignObject></svg>",
    "<script><!--<script>x</script>--></script>after",
    "<a href=1>a<div>b</div></a>c",
    "<head><noscript><link rel=a></noscript></head>",
    "<body><p>x</body>after body</html>after html",
    "<!-- c --><html><!-- d --><body>x<!-- e --></body></html><!-- f -->",
    "<dl><dd>a<dt>b</dl><option>c<option>d",
    "&amp &lt;b&gt; &#x1F600; &notin; &notit; &copy2024 &zz;",
    "<img alt='&amp;copy &copy=1 &copyx'>",
    "<br/></br></p></html></body>x",
    "<p><h1>a</h1><p>b</p>",
    "<ol><li>a<ol><li>b</ol><li>c</ol>",
    "<nav><ul><li><a href=/x>x</a><li><a href=/y>y</a></ul></nav>",
    "<div><svg><circle r=1/></svg><p>p</div>",
    "<iframe src=x>a<b>c</iframe><xmp><i>x</i></xmp><noembed><b></noembed>",
    "<a href=1>a<a href=2>b",
    "<!DOCTYPE html><p>a<table><tr><td>b</td></tr></table>",
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p>a<table></table>",
    "<!DOCTYPE html PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\" \"http://www.w3.org/TR/html4/loose.dtd\"><p>a<table></table>",
    "<!DOCTYPE svg><p>a<table></table>",
    "<template><p>x<td>y</template>z",
    // An end tag of another heading closes the open one (found by the `parity` fuzz target: `</h3>` was
    // ignored when no <h3> had been opened, which left a profile's name box open).
    "<div><h4>a</h3>b</div>",
    "<app-user-profile-summary-name><h4></h3></app-user-profile-summary-name><h2>S",
];

/// Markup where we differ from html5ever, on purpose (see src/page/html/tree.rs), with what differs.
const KNOWN_DIFFERENT: &[(&str, &str)] = &[
    (
        "<b>x<p>y</b>z</p>",
        "no adoption agency: html5ever splits the <b> around the <p> and reopens it in there",
    ),
    (
        "<b>x<i>y</b>z",
        "no reconstruction of formatting elements: html5ever reopens <i> for z",
    ),
    (
        "<table>a<tr><td>b</table>",
        "no foster parenting: html5ever moves the text a in front of the table",
    ),
    (
        "<frameset><frame></frameset>",
        "no frameset mode: we ignore <frameset> and <frame>, html5ever builds them instead of <body>",
    ),
    (
        "<a><fl-review-card><div><fl-link><a>x",
        "no adoption agency for a second <a>: html5ever moves the <div> out of the card (found by the `parity` fuzz target)",
    ),
];

#[test]
fn snippets_give_the_same_tree_as_html5ever() {
    let mut problems = Vec::new();
    for html in SAME_TREE {
        let ours = HtmlPage::parse(html, None).outline();
        let theirs = ReferencePage::parse(html, None).outline();
        if let Some(d) = outline_difference(&ours, &theirs) {
            problems.push(format!("{html:?}: {d}"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn known_differences_differ_only_in_structure_not_in_text() {
    for (html, why) in KNOWN_DIFFERENT {
        let ours = HtmlPage::parse(html, None);
        let theirs = ReferencePage::parse(html, None);
        assert_ne!(
            ours.outline(),
            theirs.outline(),
            "{html:?} is no longer different ({why})"
        );
        // Every known difference is one the parser counts as a shortcut: the `parity` fuzz target
        // leaves such pages out, and no other.
        assert!(
            ours.shortcuts() > 0,
            "{html:?} differs ({why}) but the parser counts no shortcut"
        );
        // The page's text is the same: only which element holds it differs.
        let text = |p: &dyn Page| {
            p.select(None, "html")
                .first()
                .map(|&n| p.raw_text(n))
                .unwrap_or_default()
        };
        assert_eq!(text(&ours), text(&theirs), "{html:?}");
    }
}

/// Selectors beyond the adapters' own, for the engine's other features.
const EXTRA_SELECTORS: &[&str] = &[
    "*",
    "div > span",
    "li + li",
    "h2 ~ p",
    "div:not(.a, [id]) > *:first-child",
    "ul li:nth-child(2n+1)",
    "li:nth-last-child(-n+2)",
    "section:has(> h2)",
    "div:has(+ div)",
    "p:only-child",
    "span:first-of-type",
    ":root > body",
    "a[href^=https][href*=\"/\"]",
    "[class|=air3]",
    "[class~=\"air3-card\" i]",
    "meta[name=description]",
    "script:empty",
    "head > *:last-child",
];

/// The selector engines agree on every page's matches, over the whole document and inside elements.
#[test]
fn both_selector_engines_match_the_same_elements() {
    let mut selectors: Vec<String> = {
        let mut files = Vec::new();
        rust_files(&root().join("src/sites"), &mut files);
        files
            .iter()
            .flat_map(|f| string_literals(&read(f)))
            .filter(|s| scraper::Selector::parse(s).is_ok())
            .collect()
    };
    selectors.extend(EXTRA_SELECTORS.iter().map(|s| s.to_string()));
    selectors.sort();
    selectors.dedup();
    let www = root().join("www");
    let mut pages: Vec<PathBuf> = html_files(&www);
    for d in [
        "upwork",
        "freelancer",
        "fiverr",
        "guru",
        "peopleperhour",
        "toptal",
        "hostile",
    ] {
        pages.extend(html_files(&www.join(d)));
    }
    let mut problems = Vec::new();
    let mut matched = 0;
    for file in &pages {
        let html = read(file);
        let (ours, theirs) = (
            HtmlPage::parse(&html, None),
            ReferencePage::parse(&html, None),
        );
        // Past the nesting cap the trees differ (see every_page_gives_the_same_tree), and so do
        // selectors that cross the flattened levels.
        if max_depth(&ours.outline()) >= 500 {
            continue;
        }
        // The matches, as their text, so that handles of the two pages can be compared (whitespace
        // collapsed: html5ever keeps the whitespace between </head> and <body> in <html>, we drop it).
        let texts = |p: &dyn Page, scope, css: &str| -> Vec<String> {
            p.select(scope, css)
                .into_iter()
                .map(|n| {
                    p.raw_text(n)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect()
        };
        let scopes = |p: &dyn Page| -> Vec<Option<hirecheck::page::Node>> {
            std::iter::once(None)
                .chain(
                    p.select(None, "section, main, [data-test]")
                        .into_iter()
                        .take(2)
                        .map(Some),
                )
                .collect()
        };
        for (so, st) in scopes(&ours).into_iter().zip(scopes(&theirs)) {
            for css in &selectors {
                let (a, b) = (texts(&ours, so, css), texts(&theirs, st, css));
                matched += a.len();
                if a != b {
                    problems.push(format!(
                        "{} {css:?} (scope {so:?}): ours {} matches, html5ever {}",
                        file.display(),
                        a.len(),
                        b.len()
                    ));
                }
            }
        }
    }
    assert!(matched > 10_000, "only {matched} matches");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[path = "../fuzz/parity.rs"]
mod parity;

/// Every input that once made the `parity` fuzz target fail (fuzz/regressions/parity/) now gives the
/// same report with both parsers.
#[test]
fn former_parity_findings_give_identical_reports() {
    let dir = root().join("fuzz/regressions/parity");
    let files = files_in(&dir);
    assert!(!files.is_empty(), "no inputs in {}", dir.display());
    for f in &files {
        let data = std::fs::read(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let outcome = std::panic::catch_unwind(|| parity::parity(&data));
        assert!(outcome.is_ok(), "{} gives different reports", f.display());
    }
}
