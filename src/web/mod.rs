//! wasm entry points (stub)
