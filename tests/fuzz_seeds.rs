//! Replays every committed fuzz seed (`fuzz/corpus/<target>/`) and every input that once crashed a fuzz
//! target (`fuzz/regressions/<target>/`) through the same bodies the fuzz targets run, on stable Rust,
//! so a fixed crash stays fixed. `make fuzz` (scripts/fuzz.sh) finds new inputs.

#[path = "../fuzz/bodies.rs"]
mod bodies;

use std::path::Path;

/// Runs `body` on every file under `fuzz/<dir>/<target>/`; returns how many there were.
fn replay(dir: &str, target: &str, body: fn(&[u8])) -> usize {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz")
        .join(dir)
        .join(target);
    let Ok(entries) = std::fs::read_dir(&path) else {
        return 0;
    };
    let mut files: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    for file in &files {
        let data = std::fs::read(file).unwrap();
        let outcome = std::panic::catch_unwind(|| body(&data));
        assert!(outcome.is_ok(), "{} panics", file.display());
    }
    files.len()
}

#[test]
fn adapters_seeds_and_regressions() {
    let seeds = replay("corpus", "adapters", bodies::adapters);
    assert!(seeds >= 20, "only {seeds} adapter seeds");
    replay("regressions", "adapters", bodies::adapters);
}

#[test]
fn analyze_seeds_and_regressions() {
    let seeds = replay("corpus", "analyze", bodies::analyze);
    assert!(seeds >= 10, "only {seeds} analyze seeds");
    replay("regressions", "analyze", bodies::analyze);
}

#[test]
fn policy_seeds_and_regressions() {
    let seeds = replay("corpus", "policy", bodies::policy);
    assert!(seeds >= 3, "only {seeds} policy seeds");
    replay("regressions", "policy", bodies::policy);
}

#[test]
fn literals_seeds_and_regressions() {
    let seeds = replay("corpus", "literals", bodies::literals);
    assert!(seeds >= 10, "only {seeds} literal seeds");
    replay("regressions", "literals", bodies::literals);
}
