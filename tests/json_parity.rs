//! HireCheck's own JSON (src/json/) against serde_json, the implementation it replaced: both must
//! accept and reject the same texts and read the same values; what we write must read back in
//! serde_json as the same value. Inputs: generated values, mutations of them (truncated, a byte
//! changed, inserted or removed), hand-picked edge cases and every JSON file and report in the repo.

use hirecheck::json::{self as ours, Value as Ours};
use serde_json::Value as Theirs;

/// A small deterministic generator (xorshift64*), so failures replay.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Numbers compare as serde_json reads them: integers exactly; floats exactly when they have at
/// most 15 significant digits and a power of ten up to 1e22 (both parsers are exact there), else
/// within a few units in the last place: serde_json's default parser approximates beyond (ours,
/// crate::float::parse_f64, is exact everywhere; its own tests compare it with `str::parse`).
fn same(a: &Ours, b: &Theirs, exact_floats: bool) -> Result<(), String> {
    match (a, b) {
        (Ours::Null, Theirs::Null) => Ok(()),
        (Ours::Bool(x), Theirs::Bool(y)) if x == y => Ok(()),
        (Ours::String(x), Theirs::String(y)) if x == y => Ok(()),
        (Ours::Number(x), Theirs::Number(y)) => {
            if x.is_u64() != y.is_u64() || x.is_i64() != y.is_i64() || x.is_f64() != y.is_f64() {
                return Err(format!("number kinds differ: {x} / {y}"));
            }
            if x.as_u64() != y.as_u64() || x.as_i64() != y.as_i64() {
                return Err(format!("integers differ: {x} / {y}"));
            }
            let (p, q) = (
                x.as_f64().unwrap_or(f64::NAN),
                y.as_f64().unwrap_or(f64::NAN),
            );
            let close = p == q
                || (!exact_floats && ((p - q).abs() <= q.abs() * 1e-15 || (p - q).abs() < 1e-300));
            if close && p.is_sign_negative() == q.is_sign_negative() {
                Ok(())
            } else {
                Err(format!("floats differ: {p:e} / {q:e}"))
            }
        }
        (Ours::Array(x), Theirs::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .try_for_each(|(p, q)| same(p, q, exact_floats)),
        (Ours::Object(x), Theirs::Object(y)) if x.len() == y.len() => {
            x.iter().zip(y).try_for_each(|((kp, p), (kq, q))| {
                if kp != kq {
                    return Err(format!("keys differ: {kp} / {kq}"));
                }
                same(p, q, exact_floats).map_err(|e| format!("{kp}: {e}"))
            })
        }
        _ => Err(format!("values differ: {a} / {b}")),
    }
}

/// Both parsers on one text: the same verdict, and the same value when they accept it.
fn compare(text: &str, exact_floats: bool) -> Result<bool, String> {
    match (ours::from_str(text), serde_json::from_str::<Theirs>(text)) {
        (Ok(a), Ok(b)) => same(&a, &b, exact_floats).map(|()| true),
        (Err(_), Err(_)) => Ok(false),
        (Ok(a), Err(e)) => Err(format!("we accept ({a}), serde_json rejects ({e})")),
        (Err(e), Ok(_)) => Err(format!("we reject ({e}), serde_json accepts")),
    }
}

fn check(text: &str, exact_floats: bool) -> bool {
    compare(text, exact_floats).unwrap_or_else(|e| panic!("{text:?}: {e}"))
}

const PIECES: &[&str] = &[
    "",
    "a",
    "é",
    "😀",
    "\u{2028}",
    "\"",
    "\\",
    "/",
    "\n",
    "\t",
    "\u{0}",
    "\u{1f}",
    "\u{7f}",
    "<b>",
    "\\u00e9",
    "\\ud83d\\ude00",
    " ",
];

fn gen_string(r: &mut Rng) -> String {
    (0..r.below(6))
        .map(|_| PIECES[r.below(PIECES.len() as u64) as usize])
        .collect()
}

fn gen_number(r: &mut Rng, exact: bool) -> Theirs {
    match r.below(6) {
        0 => Theirs::from(r.next() as i64),
        1 => Theirs::from(r.next()),
        2 => Theirs::from(r.below(1000) as i64 - 500),
        // Decimals as pages write them: a few digits, a small exponent.
        3 => {
            Theirs::from((r.below(2_000_000) as f64 - 1_000_000.0) / 10f64.powi(r.below(6) as i32))
        }
        4 if !exact => Theirs::from(f64::from_bits(r.next() >> 2)),
        // Exact powers of ten (up to 1e22) keep both parsers exact; beyond, both round twice.
        _ if exact => {
            let (m, e) = (r.below(100) as f64, r.below(41) as i32 - 20);
            Theirs::from(if e < 0 {
                m / 10f64.powi(-e)
            } else {
                m * 10f64.powi(e)
            })
        }
        _ => Theirs::from(r.below(100) as f64 * 10f64.powi(r.below(600) as i32 - 300)),
    }
}

fn gen_value(r: &mut Rng, depth: u32, exact: bool) -> Theirs {
    let kind = if depth > 4 { r.below(4) } else { r.below(6) };
    match kind {
        0 => Theirs::Null,
        1 => Theirs::Bool(r.below(2) == 1),
        2 => gen_number(r, exact),
        3 => Theirs::String(gen_string(r)),
        4 => Theirs::Array(
            (0..r.below(5))
                .map(|_| gen_value(r, depth + 1, exact))
                .collect(),
        ),
        _ => Theirs::Object(
            (0..r.below(5))
                .map(|_| (gen_string(r), gen_value(r, depth + 1, exact)))
                .collect(),
        ),
    }
}

#[test]
fn generated_values_read_the_same_and_write_as_serde_json_does() {
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    for i in 0..3000 {
        let exact = i % 2 == 0;
        let v = gen_value(&mut r, 0, exact);
        let text = if i % 3 == 0 {
            serde_json::to_string_pretty(&v).unwrap()
        } else {
            v.to_string()
        };
        assert!(check(&text, exact), "{text}");
        let mine = ours::from_str(&text).unwrap();
        if exact {
            // Same tree, same text: escaping, number layout, key order.
            let theirs: Theirs = serde_json::from_str(&text).unwrap();
            assert_eq!(ours::to_string(&mine), theirs.to_string(), "{text}");
            assert_eq!(
                ours::to_string_pretty(&mine),
                serde_json::to_string_pretty(&theirs).unwrap()
            );
        } else {
            let back: Theirs = serde_json::from_str(&ours::to_string(&mine)).unwrap();
            same(&mine, &back, false).unwrap_or_else(|e| panic!("{text}: {e}"));
        }
    }
}

#[test]
fn mutated_texts_get_the_same_verdict() {
    let mut r = Rng(0x0123_4567_89ab_cdef);
    const BYTES: &[u8] = b"{}[]\",:\\ 0123456789.eE+-tfnulrsa\x01\nu";
    let (mut accepted, mut rejected) = (0, 0);
    for _ in 0..20_000 {
        let v = gen_value(&mut r, 0, true);
        let mut b = v.to_string().into_bytes();
        let at = r.below(b.len() as u64 + 1) as usize;
        match r.below(4) {
            0 => b.truncate(at),
            1 if at < b.len() => b[at] = BYTES[r.below(BYTES.len() as u64) as usize],
            2 => b.insert(at, BYTES[r.below(BYTES.len() as u64) as usize]),
            _ if at < b.len() => {
                b.remove(at);
            }
            _ => {}
        }
        let Ok(text) = String::from_utf8(b) else {
            continue;
        };
        if check(&text, false) {
            accepted += 1;
        } else {
            rejected += 1;
        }
    }
    eprintln!("mutations: {accepted} accepted by both, {rejected} rejected by both");
    assert!(
        accepted > 1000 && rejected > 1000,
        "{accepted} / {rejected}"
    );
}

#[test]
fn edge_cases_get_the_same_verdict() {
    let cases = [
        "",
        " ",
        "null",
        " true ",
        "false",
        "nul",
        "tru",
        "[",
        "]",
        "[1,]",
        "[,1]",
        "{\"a\":1,}",
        "{\"a\"}",
        "{\"a\":}",
        "{1:1}",
        "{'a':1}",
        "[1 2]",
        "1 2",
        "\"\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "\"\\ude00\"",
        "\"\\ud83d\\u0041\"",
        "\"\\ud83dx\"",
        "\"\\uDBFF\\uDFFF\"",
        "\"\\u0000\"",
        "\"\u{1}\"",
        "\"\u{7f}\"",
        "\"\\x\"",
        "\"\\u12\"",
        "\"\\u12g4\"",
        "\"abc",
        "0",
        "-0",
        "-0.0",
        "01",
        "-01",
        "1.",
        ".1",
        "1e",
        "1e+",
        "1E-2",
        "1e400",
        "-1e400",
        "1e-400",
        "123456789012345678901234567890",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "+1",
        "0x1f",
        "NaN",
        "Infinity",
        "-Infinity",
        "[1]x",
        "[1] ",
        "\u{feff}[]",
        "/*c*/1",
        "{\"a\":1}}",
        "[[]]]",
        "\"\t\"",
        "\"\\/\"",
        "1.5e308",
        "2.5e-308",
        "4.9e-324",
        "0.1e1",
        "1e01",
    ];
    for text in cases {
        check(text, false);
    }
}

#[test]
fn nesting_limit_is_serde_jsons() {
    for depth in [126, 127, 128, 129, 1000] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
            check(&text, true);
        }
    }
}

/// Every JSON file in the repository (policies, schemas, routes, fixtures' expectations, manifests).
#[test]
fn repository_json_files_read_the_same() {
    let mut n = 0;
    let mut dirs = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_string();
            if path.is_dir() {
                if !matches!(name.as_str(), "target" | "node_modules" | ".git" | "dist") {
                    dirs.push(path);
                }
            } else if name.ends_with(".json") {
                let text = std::fs::read_to_string(&path).unwrap();
                compare(&text, false).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                n += 1;
            }
        }
    }
    assert!(n >= 10, "found only {n} JSON files");
}

/// The reports of the demo pages: what we write reads in serde_json as the value we meant, and the
/// indented form is serde_json's layout of the same text.
#[test]
fn reports_read_back_in_serde_json() {
    use hirecheck::page::HtmlPage;
    use hirecheck::policy::Policy;
    let www = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("www");
    let now = hirecheck::time::Instant::parse_rfc3339("2026-11-26T14:42:00Z").unwrap();
    let mut n = 0;
    let mut dirs = vec![www];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                let html = std::fs::read_to_string(&path).unwrap();
                let page = HtmlPage::parse(&html, None);
                let report = hirecheck::analyze(&page, "p", &Policy::default(), now);
                let text = ours::to_string(&report);
                let theirs: Theirs = serde_json::from_str(&text).unwrap();
                same(&ours::from_str(&text).unwrap(), &theirs, true).unwrap();
                assert_eq!(ours::to_value(&report), ours::from_str(&text).unwrap());
                n += 1;
            }
        }
    }
    assert!(n >= 10, "found only {n} demo pages");
}

/// The JSON the saved pages embed (script blocks that hold an object or array: Next.js data,
/// JSON-LD, Upwork's and Fiverr's state), read by both parsers.
#[test]
fn embedded_page_json_reads_the_same() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("www"), root.join("tests")];
    let (mut pages, mut blocks, mut accepted) = (0, 0, 0);
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            if !path.extension().is_some_and(|e| e == "html" || e == "htm") {
                continue;
            }
            let Ok(html) = std::fs::read_to_string(&path) else {
                continue;
            };
            pages += 1;
            for chunk in html.split("<script").skip(1) {
                let Some(body) = chunk.split_once('>').map(|(_, b)| b) else {
                    continue;
                };
                let body = body.split("</script").next().unwrap_or("").trim();
                if body.starts_with('{') || body.starts_with('[') {
                    blocks += 1;
                    if compare(body, false).unwrap_or_else(|e| panic!("{}: {e}", path.display())) {
                        accepted += 1;
                    }
                }
            }
        }
    }
    eprintln!("{pages} pages, {blocks} script blocks, {accepted} of them JSON");
    assert!(
        pages > 50 && accepted > 20,
        "{pages} pages, {blocks} blocks, {accepted} JSON"
    );
}

/// The fingerprint as serde's derive read it before (the same fields and `#[serde(default)]`s as
/// `memory::Fingerprint` had), to hold `FromJson for Fingerprint` to the same leniency.
#[derive(serde::Deserialize, Debug, PartialEq)]
struct SerdeFingerprint {
    key: String,
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    photo_url: Option<String>,
    #[serde(default)]
    photo_hash: Option<String>,
    #[serde(default)]
    bio: Option<String>,
    #[serde(default)]
    links: Vec<String>,
    #[serde(default)]
    seen_at: String,
}

#[test]
fn fingerprints_are_read_with_serdes_leniency() {
    use hirecheck::json::FromJson;
    use hirecheck::memory::Fingerprint;
    const KEYS: &[&str] = &[
        "key",
        "name",
        "photo_url",
        "photo_hash",
        "bio",
        "links",
        "seen_at",
        "other",
    ];
    let mut r = Rng(0xfeed_f00d);
    let (mut read, mut refused) = (0, 0);
    for _ in 0..5000 {
        let mut obj = serde_json::Map::new();
        for k in KEYS {
            let v = match r.below(7) {
                0 | 1 => continue, // left out
                2 => Theirs::Null,
                3 => Theirs::from(r.below(10)),
                4 => serde_json::json!(["a", "b"]),
                5 if r.below(3) == 0 => serde_json::json!(["a", 1]),
                _ => Theirs::from(gen_string(&mut r)),
            };
            obj.insert(k.to_string(), v);
        }
        let text = Theirs::Object(obj).to_string();
        let theirs = serde_json::from_str::<SerdeFingerprint>(&text).ok();
        let mine = Fingerprint::from_json(&ours::from_str(&text).unwrap());
        match (&mine, &theirs) {
            (Some(m), Some(t)) => {
                assert_eq!(
                    (
                        &m.key,
                        &m.name,
                        &m.photo_url,
                        &m.photo_hash,
                        &m.bio,
                        &m.links,
                        &m.seen_at
                    ),
                    (
                        &t.key,
                        &t.name,
                        &t.photo_url,
                        &t.photo_hash,
                        &t.bio,
                        &t.links,
                        &t.seen_at
                    ),
                    "{text}"
                );
                read += 1;
            }
            (None, None) => refused += 1,
            _ => panic!("{text}: ours {mine:?}, serde {theirs:?}"),
        }
    }
    assert!(
        read > 50 && refused > 1000,
        "{read} read, {refused} refused"
    );
}
