//! Writes the generated 2 MB Upwork profile page (benches/support/big_page.rs) to a file, for the
//! browser benchmark: `cargo run --release --example big_page -- OUT.html` (scripts/bench.sh does).
// The module also makes pages this example does not write (the benchmark's many-parameters page).
#[allow(dead_code)]
#[path = "../benches/support/big_page.rs"]
mod big_page;

fn main() {
    let Some(out) = std::env::args_os().nth(1) else {
        eprintln!("usage: big_page OUT.html");
        std::process::exit(2);
    };
    let html = big_page::big_upwork_page();
    if let Err(e) = std::fs::write(&out, &html) {
        eprintln!("big_page: cannot write {}: {e}", out.to_string_lossy());
        std::process::exit(1);
    }
    println!(
        "{} bytes, {} contracts, as {}",
        html.len(),
        big_page::BIG_PAGE_JOBS,
        big_page::BIG_PAGE_URL
    );
}
