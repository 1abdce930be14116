//! `hirecheck`: checks saved freelancer profile pages on the command line, with the same core as the extension.

use hirecheck::page::HtmlPage;
use hirecheck::policy::{Lang, Policy};
use hirecheck::report::Report;
use hirecheck::time::Instant;
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "\
Usage: hirecheck analyze [OPTIONS] FILE...

Reads saved freelancer pages (HTML) and prints HireCheck's findings. Nothing is sent anywhere.

Options:
  --url URL          the address the pages were saved from (otherwise it is read from the page)
  --now RFC3339      the time the pages were saved, e.g. 2026-11-26T14:42:00Z (default: now);
                     the local-time check compares the page's clock with it
  --format json|text json: one object per file, an array when several files (default: json)
  --policy FILE      a JSON policy overriding thresholds and weights
  --lang en|de       language of the explanations (default: en)
  -h, --help         this help
  -V, --version      the version

A FILE of - reads standard input. Exit status: 0 when every file was analysed, 1 when a file could
not be read (the others are still analysed), 2 when the command line is wrong.";

/// What the command line asked for.
struct Args {
    url: Option<String>,
    now: Instant,
    format: Format,
    policy: Policy,
    files: Vec<String>,
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Text,
}

/// A command line that cannot be run, as a sentence for people.
struct UsageError(String);

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match argv.first().map(String::as_str) {
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some("-V" | "--version") => {
            println!("hirecheck {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        Some("analyze") => {}
        Some(other) => {
            return usage_error(&format!(
                "unknown command \"{other}\"; the command is \"analyze\""
            ))
        }
        None => return usage_error("no command given"),
    }
    let args = match parse_args(&argv[1..]) {
        Ok(a) => a,
        Err(UsageError(msg)) => return usage_error(&msg),
    };
    run(&args)
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("hirecheck: {msg}\n\n{USAGE}");
    ExitCode::from(2)
}

fn parse_args(argv: &[String]) -> Result<Args, UsageError> {
    let mut url = None;
    let mut now = None;
    let mut format = Format::Json;
    let mut policy_file = None;
    let mut lang = None;
    let mut files = Vec::new();
    let mut it = argv.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |name: &str| {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or_else(|| UsageError(format!("{name} needs a value")))
        };
        match flag {
            "--url" => url = Some(value("--url")?),
            "--now" => {
                let v = value("--now")?;
                now = Some(
                    Instant::parse_rfc3339(&v).map_err(|e| UsageError(format!("--now: {e}")))?,
                );
            }
            "--format" => {
                format = match value("--format")?.as_str() {
                    "json" => Format::Json,
                    "text" => Format::Text,
                    other => {
                        return Err(UsageError(format!(
                            "--format must be json or text, not \"{other}\""
                        )))
                    }
                }
            }
            "--policy" => policy_file = Some(value("--policy")?),
            "--lang" => {
                lang = Some(match value("--lang")?.as_str() {
                    "en" => Lang::En,
                    "de" => Lang::De,
                    other => {
                        return Err(UsageError(format!(
                            "--lang must be en or de, not \"{other}\""
                        )))
                    }
                })
            }
            "-" => files.push(arg.clone()),
            f if f.starts_with('-') => return Err(UsageError(format!("unknown option \"{f}\""))),
            _ => files.push(arg.clone()),
        }
    }
    if files.is_empty() {
        return Err(UsageError("no FILE given".into()));
    }
    let mut policy = match policy_file {
        Some(path) => {
            let text = std::fs::read_to_string(&path).map_err(|e| {
                UsageError(format!("the policy file {path} could not be read: {e}"))
            })?;
            // Read like a managed policy: bad values keep their defaults and are named as warnings.
            let value = hirecheck::json::from_str(&text)
                .map_err(|e| UsageError(format!("{path}: the policy could not be read: {e}")))?;
            let (policy, errors) = hirecheck::settings::parse(&value);
            for e in errors {
                eprintln!("hirecheck: warning: {path}: {e}");
            }
            policy
        }
        None => Policy::default(),
    };
    if let Some(l) = lang {
        policy.lang = l;
    }
    let now = now.unwrap_or_else(system_now);
    Ok(Args {
        url,
        now,
        format,
        policy,
        files,
    })
}

fn system_now() -> Instant {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    Instant(secs)
}

fn read_source(file: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let result = if file == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(Path::new(file))
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map(|_| ())
    };
    match result {
        // Saved pages are not always UTF-8; a replaced byte loses less than refusing the page.
        Ok(()) => Ok(String::from_utf8_lossy(&bytes).into_owned()),
        Err(e) => Err(format!("{file} could not be read: {e}")),
    }
}

fn run(args: &Args) -> ExitCode {
    let mut reports = Vec::new();
    let mut failed = false;
    for file in &args.files {
        match read_source(file) {
            Ok(html) => {
                let page = HtmlPage::parse(&html, args.url.as_deref());
                reports.push(hirecheck::analyze(&page, file, &args.policy, args.now));
            }
            Err(msg) => {
                eprintln!("hirecheck: {msg}");
                failed = true;
            }
        }
    }
    let out = match args.format {
        Format::Json => {
            if args.files.len() == 1 {
                reports
                    .first()
                    .map(|r| hirecheck::json::to_string_pretty(r) + "\n")
                    .unwrap_or_default()
            } else {
                hirecheck::json::to_string_pretty(&reports) + "\n"
            }
        }
        Format::Text => reports
            .iter()
            .map(|r| text_report(r, args.policy.lang))
            .collect::<Vec<_>>()
            .join("\n"),
    };
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return ExitCode::from(1);
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A plain-text rendering for people reading a terminal.
fn text_report(r: &Report, lang: Lang) -> String {
    let mut s = String::new();
    let site = r
        .site
        .unwrap_or(lang.pick("not a supported site", "keine unterstützte Seite"));
    s.push_str(&format!("{}\n  {site}, {:?}\n", r.source, r.page_kind));
    s.push_str(&format!(
        "  {} · {}/100\n  {}\n",
        r.risk.level.label(lang),
        r.risk.score,
        r.risk.summary
    ));
    for f in &r.risk.findings {
        s.push_str(&format!("\n  [+{}] {} ({})\n", f.points, f.title, f.rule));
        for e in &f.evidence {
            s.push_str(&format!("      - {e}\n"));
        }
        s.push_str(&format!("      {}: {}\n", lang.pick("Why", "Warum"), f.why));
        s.push_str(&format!(
            "      {}: {}\n",
            lang.pick("Verify", "Prüfen"),
            f.verify
        ));
        s.push_str(&format!(
            "      {}: {}\n",
            lang.pick("Source", "Quelle"),
            f.source
        ));
    }
    if !r.risk.unevaluated.is_empty() {
        s.push_str(&format!(
            "\n  {}\n",
            lang.pick("Could not check:", "Nicht prüfbar:")
        ));
        for u in &r.risk.unevaluated {
            let missing: Vec<&str> = u.missing.iter().map(|f| f.key()).collect();
            s.push_str(&format!("      - {} ({})\n", u.title, missing.join(", ")));
        }
    }
    if !r.missing.is_empty() {
        let missing: Vec<&str> = r.missing.iter().map(|f| f.key()).collect();
        s.push_str(&format!(
            "  {} {}\n",
            lang.pick("Not read:", "Nicht gelesen:"),
            missing.join(", ")
        ));
    }
    s
}
