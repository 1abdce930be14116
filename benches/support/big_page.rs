//! The generated 2 MB Upwork profile page, for the benchmarks: `benches/analyze.rs` times the native
//! path on it, and `examples/big_page.rs` writes it to a file for the browser benchmark
//! (`tests/e2e/bench.mjs`, part 4). The same page every run (a fixed seed).
use std::path::PathBuf;

/// Size of the generated page: a real Upwork profile page with a long history is 1.5–2.5 MB of HTML.
pub const BIG_PAGE_BYTES: usize = 2 * 1024 * 1024;
/// Contracts in the generated work history (the adapter reads up to 500).
pub const BIG_PAGE_JOBS: usize = 300;

/// The URL the page claims (the demo's clean profile, which it is made from).
pub const BIG_PAGE_URL: &str = "https://www.upwork.com/freelancers/~01a1b2c3d4e5f6clean";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A deterministic pseudo-random sequence (xorshift), so every run times the same page.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const TOPICS: &[&str] = &[
    "design system",
    "onboarding flow",
    "checkout",
    "dashboard",
    "mobile app",
    "landing page",
    "admin panel",
    "brand refresh",
    "usability study",
    "component library",
];
const VERBS: &[&str] = &[
    "Redesign of a",
    "UX audit of a",
    "Figma prototype for a",
    "Research and wireframes for a",
    "Accessibility review of a",
    "New",
];
const PRAISE: &[&str] = &[
    "Clear communication and thoughtful work.",
    "Delivered on time, would hire again.",
    "Great attention to detail; our users noticed.",
    "Fast, careful and easy to work with.",
    "Excellent research, well documented.",
];

/// One contract: (start, end) as (year, month 1-12, day), a title, hours (0 = fixed price), rate, comment.
struct Job {
    start: (i32, u32, u32),
    end: (i32, u32, u32),
    title: String,
    hours: u32,
    rate: u32,
    comment: String,
}

/// `n` contracts back in time from Nov 2025, about ten days apart, each a few weeks long.
fn jobs(n: usize, rng: &mut Rng) -> Vec<Job> {
    let mut days_back = 5i64;
    (0..n)
        .map(|i| {
            let len = 7 + (rng.next() % 50) as i64;
            let end = day_from(days_back);
            let start = day_from(days_back + len);
            days_back += 8 + (rng.next() % 6) as i64;
            let hourly = i % 3 != 1;
            Job {
                start,
                end,
                title: format!("{} {} #{i}", rng.pick(VERBS), rng.pick(TOPICS)),
                hours: if hourly {
                    10 + (rng.next() % 300) as u32
                } else {
                    0
                },
                rate: 55 + (rng.next() % 15) as u32,
                comment: format!("\"{} {}\"", rng.pick(PRAISE), rng.pick(PRAISE)),
            }
        })
        .collect()
}

/// The date `days` before 2025-11-26 (the history ends a year before the demo pages' date; the page
/// stays the one every earlier figure was measured on).
fn day_from(days: i64) -> (i32, u32, u32) {
    hirecheck::time::civil_from_days(hirecheck::time::days_from_civil(2025, 11, 26) - days)
}

fn us_date((y, m, d): (i32, u32, u32)) -> String {
    format!("{} {d}, {y}", MONTHS[m as usize - 1])
}

fn iso_date((y, m, d): (i32, u32, u32)) -> String {
    format!("{y}-{m:02}-{d:02}T00:00:00.000Z")
}

/// The work history as the page's markup shows it (the same markup as the demo page's four items).
fn jobs_html(jobs: &[Job]) -> String {
    let mut s = String::new();
    for j in jobs {
        let money = if j.hours > 0 {
            format!(
                "<div class=\"span-4\"><strong>${:.2}</strong></div><div class=\"span-4\"><strong>${}.00 /hr</strong></div><div class=\"span-4\"><strong>{} hours</strong></div>",
                f64::from(j.hours * j.rate), j.rate, j.hours
            )
        } else {
            format!("<div class=\"span-4\"><strong>${}.00</strong></div><div class=\"span-4\"><strong>Fixed-price</strong></div>", j.rate * 40)
        };
        s.push_str(&format!(
            "<div class=\"assignments-item\">\n <h5><a href=\"#\">{}</a></h5>\n <div class=\"meta\"><div class=\"air3-rating\"><div class=\"air3-rating-background\"><span class=\"stars\" aria-hidden=\"true\">★★★★★</span><span class=\"sr-only\">Rating is 5 out of 5.</span></div><span class=\"air3-rating-value-text\">5.0</span></div><span class=\"assignments-item-dynamic-meta\">{} - {}</span></div>\n <div class=\"feedback\"><div class=\"highlighted-truncation\"><p>{}</p></div></div>\n <div class=\"air3-grid-container text-light-on-inverse\">{money}</div>\n</div>\n",
            j.title, us_date(j.start), us_date(j.end), j.comment
        ));
    }
    s
}

/// The same contracts in the Nuxt store's shape (what the adapter reads first).
fn jobs_state(jobs: &[Job]) -> String {
    let items: Vec<String> = jobs
        .iter()
        .enumerate()
        .map(|(i, j)| {
            let pay = if j.hours > 0 {
                format!("totalHours:{},hourlyRate:{{amount:{}.00,currencyCode:d}},type:2", j.hours, j.rate)
            } else {
                "type:1".to_string()
            };
            format!(
                "{{id:\"{}\",title:\"{}\",startedOn:\"{}\",endedOn:\"{}\",status:\"CLOSED\",{pay},totalCharges:{{amount:{}.00,currencyCode:d}},feedback:{{score:5,comment:\"{}\"}},clientFeedbackPublic:c,isPtcJob:b}}",
                1_500_000_000 + i,
                j.title,
                iso_date(j.start),
                iso_date(j.end),
                if j.hours > 0 { j.hours * j.rate } else { j.rate * 40 },
                j.comment.replace('"', "\\\"")
            )
        })
        .collect();
    format!(
        "workHistory:{{completed:[{}],inProgress:[]}},",
        items.join(",")
    )
}

/// Store parts that are not the profile: a real store carries the site's message catalogue, feature
/// flags and search facets, tens of thousands of short strings.
fn other_state(bytes: usize, rng: &mut Rng) -> String {
    let mut s = String::from("i18n:{locale:\"en\",messages:{");
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&format!(
            "k{i}:\"{} {} {}\",",
            rng.pick(TOPICS),
            rng.pick(VERBS),
            rng.next() % 10_000
        ));
        i += 1;
    }
    s.push_str("}},");
    s
}

/// Inline scripts like a bundler's runtime and vendor chunks (minified code, long string tables).
fn vendor_scripts(bytes: usize, rng: &mut Rng) -> String {
    let mut s = String::new();
    let mut chunk = 0;
    while s.len() < bytes {
        s.push_str(&format!(
            "<script>(self.webpackChunk=self.webpackChunk||[]).push([[{chunk}],{{"
        ));
        for m in 0..200 {
            let a = rng.next() % 100_000;
            s.push_str(&format!(
                "{a}:function(e,t,n){{\"use strict\";var r=n({m}),o=n.n(r),i=\"{}\";t.a=function(e){{return o()(e,i)&&e.length>{}?e.slice(0,{}):e}}}},",
                rng.pick(TOPICS), a % 97, a % 89
            ));
        }
        s.push_str("}]);</script>\n");
        chunk += 1;
    }
    s
}

/// A 2 MB Upwork profile page, from the demo page upwork/clean.html. What makes real profile pages
/// big, in the same proportions: about half inline scripts (webpack runtime and vendor chunks inlined
/// by the server), about a quarter the `window.__NUXT__` state (the profile, the whole work history
/// with feedback, and the site's message catalogue), and the rest the rendered markup with a long work
/// history (BIG_PAGE_JOBS contracts, in both the markup and the store).
pub fn big_upwork_page() -> String {
    let base = std::fs::read_to_string(root().join("www/upwork/clean.html"))
        .expect("www/upwork/clean.html");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let jobs = jobs(BIG_PAGE_JOBS, &mut rng);
    let history_end = base
        .find("</div>\n   </section>")
        .expect("the work history's end in upwork/clean.html");
    let mut html = format!(
        "{}{}{}",
        &base[..history_end + "</div>\n".len()],
        jobs_html(&jobs),
        &base[history_end + "</div>\n".len()..]
    );
    let state = "state:{profileViewer:";
    let at = html
        .find(state)
        .expect("the __NUXT__ state in upwork/clean.html");
    let store_extra = format!(
        "{}{}",
        jobs_state(&jobs),
        other_state(BIG_PAGE_BYTES / 5, &mut rng)
    );
    html.insert_str(at + "state:{".len(), &store_extra);
    let head_end = html.find("</head>").expect("</head>");
    let fill = BIG_PAGE_BYTES.saturating_sub(html.len());
    html.insert_str(head_end, &vendor_scripts(fill, &mut rng));
    html
}

/// The demo profile (upwork/clean.html) with its `window.__NUXT__` store written as minifiers write
/// big ones: the function takes `params` parameters (the store's repeated values) and the state refers
/// to them `refs` times, in objects of eleven references each.
pub fn many_parameters_page(params: usize, refs: usize) -> String {
    let base = std::fs::read_to_string(root().join("www/upwork/clean.html"))
        .expect("www/upwork/clean.html");
    let (head, args) = (
        "(function(a,b,c,d,e){return {",
        "}(null,false,true,\"USD\",5));",
    );
    assert!(
        base.contains(head) && base.contains(args),
        "the __NUXT__ function in upwork/clean.html"
    );
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let mut names: Vec<String> = ["a", "b", "c", "d", "e"].map(String::from).to_vec();
    names.extend((names.len()..params).map(|i| format!("p{i}")));
    let mut items = Vec::new();
    for _ in 0..refs / 11 {
        let mut item = String::from("{");
        for k in 0..10 {
            let name = &names[(rng.next() % names.len() as u64) as usize];
            item.push_str(&format!("k{k}:{name},"));
        }
        let name = &names[(rng.next() % names.len() as u64) as usize];
        item.push_str(&format!("sub:{{x:{name}}}}}"));
        items.push(item);
    }
    let values: Vec<String> = (5..names.len())
        .map(|i| {
            if i % 3 == 0 {
                i.to_string()
            } else {
                format!("\"v{i}\"")
            }
        })
        .collect();
    base.replace(
        head,
        &format!(
            "(function({}){{return {{extra:[{}],",
            names.join(","),
            items.join(",")
        ),
    )
    .replace(
        args,
        &format!("}}(null,false,true,\"USD\",5,{}));", values.join(",")),
    )
}
