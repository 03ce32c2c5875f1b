//! The beta server entry points (`*_as::<ServerEvent>`) on arbitrary bytes: the checks of
//! `shared/root.rs` (no panic, one error from every entry point, well-formed errors, a canonical
//! fixed point but for the documented quirks).
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "shared/ulps.rs"]
mod ulps;
#[path = "shared/root.rs"]
mod root;

fuzz_target!(|data: &[u8]| root::check_root::<realtime_codec::ServerEvent>(data));
