//! The GA client entry points (`*_as::<RealtimeClientEvent>`, async-openai-wasm 0.31.2) on
//! arbitrary bytes: the checks of `shared/root.rs` (no panic, one error from every entry point,
//! well-formed errors, a canonical fixed point but for the documented quirks).
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "shared/ulps.rs"]
mod ulps;
#[path = "shared/root.rs"]
mod root;

fuzz_target!(|data: &[u8]| root::check_root::<realtime_codec::RealtimeClientEvent>(data));
