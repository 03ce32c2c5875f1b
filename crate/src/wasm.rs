//! The WebAssembly boundary: converts arguments and errors, nothing else. JSON crosses as UTF-8
//! bytes written by JavaScript into a reused input buffer, and as text out (none when the
//! canonical text is the input itself).
//!
//! One boundary, four modules: built by default it reads and writes [`crate::ClientEvent`]
//! (`realtime_codec_bg.wasm`); with the crate feature `server-module` it reads and writes
//! [`crate::ServerEvent`] instead (`realtime_codec_server_bg.wasm`, loaded separately, so that a
//! program that only sends does not load the server types' serde code, about 176 KB). With
//! `ga-module` the same two are built over the GA protocol's roots, `RealtimeClientEvent` and
//! `RealtimeServerEvent` (`realtime_codec_ga_bg.wasm`, `realtime_codec_ga_server_bg.wasm`). The
//! exports have the same names and signatures in all four; only the root enum differs. `diff` is
//! not among them: the package computes it in TypeScript (`ts/diff.ts`) over `canonicalize`'s text,
//! which keeps about 20 KB of gzip out of every module; [`crate::diff_as`] is its native twin.
//!
//! JavaScript twin: `ts/wasm.ts`, which instantiates a module, writes into its input buffer,
//! calls these exports and rewraps their errors as `RealtimeCodecError`s.

use std::cell::Cell;

use js_sys::{Array, Error, Reflect};
use wasm_bindgen::prelude::*;

use crate::{CodecError, Limits};

/// The root enum this module reads and writes: one of four modules, by the crate features
/// `ga-module` (the GA protocol, 0.31.2) and `server-module` (server events).
#[cfg(all(not(feature = "ga-module"), not(feature = "server-module")))]
type Event = crate::ClientEvent;
#[cfg(all(not(feature = "ga-module"), feature = "server-module"))]
type Event = crate::ServerEvent;
#[cfg(all(feature = "ga-module", not(feature = "server-module")))]
type Event = crate::RealtimeClientEvent;
#[cfg(all(feature = "ga-module", feature = "server-module"))]
type Event = crate::RealtimeServerEvent;

fn limits(max_input_bytes: u32, max_depth: u32) -> Limits {
    Limits {
        max_input_bytes: max_input_bytes as usize,
        max_depth,
    }
}

/// A real JS `Error` carrying `code`, `path`, `line`, `column`, and where known `expected`,
/// `expectedValues` and `received`. The TypeScript core rewraps it as a `ClientEventError`.
fn to_js(err: CodecError) -> JsValue {
    let js = Error::new(&err.message);
    let set = |key: &str, value: JsValue| {
        // Reflect.set on a fresh, unfrozen Error cannot fail.
        let _ = Reflect::set(&js, &JsValue::from_str(key), &value);
    };
    set("code", err.code.as_str().into());
    set("path", err.path.as_str().into());
    set("line", (err.line as f64).into());
    set("column", (err.column as f64).into());
    if let Some(expected) = &err.expected {
        set("expected", expected.as_str().into());
    }
    if !err.expected_values.is_empty() {
        let values: Array = err
            .expected_values
            .iter()
            .map(|v| JsValue::from_str(v))
            .collect();
        set("expectedValues", values.into());
    }
    if let Some(received) = &err.received {
        set("received", received.as_str().into());
    }
    js.into()
}

thread_local! {
    /// The input buffer: JavaScript writes each input's UTF-8 bytes straight into it (with
    /// `TextEncoder.encodeInto`), so no allocation and no second copy per call. It grows to the
    /// largest input seen and is reused. Calls take it out of the cell and put it back, so a call
    /// that traps (memory exhausted) loses the buffer but leaves nothing borrowed: the next call
    /// simply allocates a new one.
    static INPUT: Cell<Vec<u8>> = const { Cell::new(Vec::new()) };
}

/// Makes the input buffer at least `capacity` bytes long; returns its address in wasm memory, or
/// 0 when that much memory cannot be had (JavaScript then reports `too_large`).
/// (Growing it may grow the memory: views of the old buffer must be recreated.)
#[wasm_bindgen(js_name = inputBuffer)]
pub fn input_buffer(capacity: usize) -> *mut u8 {
    let mut buffer = INPUT.take();
    if buffer.len() < capacity {
        if buffer.try_reserve_exact(capacity - buffer.len()).is_err() {
            INPUT.set(buffer);
            return std::ptr::null_mut();
        }
        buffer.resize(capacity, 0);
    }
    let at = buffer.as_mut_ptr();
    INPUT.set(buffer);
    at
}

fn with_input<T>(len: usize, run: impl FnOnce(&[u8]) -> T) -> T {
    let buffer = INPUT.take();
    let out = run(&buffer[..len.min(buffer.len())]);
    INPUT.set(buffer);
    out
}

/// Canonical JSON text of the event in the first `len` bytes of the input buffer, or a thrown
/// error. `undefined` when the canonical text is the input itself (JavaScript then keeps the
/// string it already has, instead of decoding a copy).
#[wasm_bindgen]
pub fn canonicalize(
    len: usize,
    max_input_bytes: u32,
    max_depth: u32,
) -> Result<Option<String>, JsValue> {
    with_input(len, |input| {
        crate::canonicalize_if_changed_as::<Event>(input, &limits(max_input_bytes, max_depth))
            .map_err(to_js)
    })
}

/// Validates the input buffer's first `len` bytes without producing output. Returns the index of
/// the event's `type` in the root's tags ([`crate::Root::TYPES`]: `EVENT_TYPES` or
/// `SERVER_EVENT_TYPES` in TypeScript).
#[wasm_bindgen]
pub fn validate(len: usize, max_input_bytes: u32, max_depth: u32) -> Result<u32, JsValue> {
    with_input(len, |input| {
        crate::validate_index_as::<Event>(input, &limits(max_input_bytes, max_depth))
            .map(|index| index as u32)
            .map_err(to_js)
    })
}
