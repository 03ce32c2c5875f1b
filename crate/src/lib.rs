//! realtime-codec: OpenAI Realtime API client events, validated and encoded exactly as
//! `async-openai-wasm` 0.29.5 does, because its own serde implementation does the work.
//!
//! Plain Rust, no wasm-bindgen: `cargo test` runs all of it natively. The WebAssembly exports in
//! `wasm.rs` only convert arguments and errors.
//!
//! ```
//! use realtime_codec::{canonicalize, Limits};
//! let out = canonicalize(br#"{"event_id":"e1","type":"response.create"}"#, &Limits::default()).unwrap();
//! assert_eq!(out, r#"{"type":"response.create","event_id":"e1","response":null}"#);
//! ```

// No input may panic (a panic in wasm is a trap that poisons the instance): no unwrap/expect/panic
// outside tests. scripts/test.sh runs clippy with these denied.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]
// CodecError is 144 bytes, but it is the cold path, and ClientEvent, the Ok side, is larger.
#![allow(clippy::result_large_err)]

mod append;
mod diff;
mod error;
mod limits;
mod locate;
pub mod shape;
#[doc(hidden)]
pub mod vectors;
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use async_openai_wasm::types::realtime::{
    ClientEvent, ConversationItemCreateEvent, ConversationItemDeleteEvent,
    ConversationItemTruncateEvent, InputAudioBufferAppendEvent, InputAudioBufferClearEvent,
    InputAudioBufferCommitEvent, ResponseCancelEvent, ResponseCreateEvent, SessionUpdateEvent,
};
pub use diff::{diff, Difference};
pub use error::{CodecError, ErrorCode};
pub use limits::{Limits, DEFAULT_MAX_INPUT_BYTES, MAX_DEPTH};

use append::is_plain_canonical_append;

/// The nine `type` tags of [`ClientEvent`], in the enum's declaration order.
pub const EVENT_TYPES: [&str; 9] = [
    "session.update",
    "input_audio_buffer.append",
    "input_audio_buffer.commit",
    "input_audio_buffer.clear",
    "conversation.item.create",
    "conversation.item.truncate",
    "conversation.item.delete",
    "response.create",
    "response.cancel",
];

/// The index of `input_audio_buffer.append` in [`EVENT_TYPES`].
const APPEND_INDEX: usize = 1;

/// The index of the event's `type` tag in [`EVENT_TYPES`] (the enum's declaration order).
pub fn event_index(event: &ClientEvent) -> usize {
    match event {
        ClientEvent::SessionUpdate(_) => 0,
        ClientEvent::InputAudioBufferAppend(_) => APPEND_INDEX,
        ClientEvent::InputAudioBufferCommit(_) => 2,
        ClientEvent::InputAudioBufferClear(_) => 3,
        ClientEvent::ConversationItemCreate(_) => 4,
        ClientEvent::ConversationItemTruncate(_) => 5,
        ClientEvent::ConversationItemDelete(_) => 6,
        ClientEvent::ResponseCreate(_) => 7,
        ClientEvent::ResponseCancel(_) => 8,
    }
}

/// Decodes JSON bytes (UTF-8) into a [`ClientEvent`].
///
/// # Errors
/// A [`CodecError`] for anything serde rejects, located by JSON pointer and line/column.
pub fn decode_slice(input: &[u8], limits: &Limits) -> Result<ClientEvent, CodecError> {
    limits::check(input, limits)?;
    serde_json::from_slice::<ClientEvent>(input).map_err(|err| locate::explain(input, &err))
}

/// Decodes JSON text into a [`ClientEvent`]. See [`decode_slice`].
pub fn decode_str(input: &str, limits: &Limits) -> Result<ClientEvent, CodecError> {
    decode_slice(input.as_bytes(), limits)
}

/// Encodes a [`ClientEvent`] as canonical JSON: `type` first, then the fields in the crate's
/// declaration order, unset optional fields omitted (except `response.create`'s `response`, which
/// the crate always writes, as `null` when unset), keys inside `tools[].parameters` sorted.
///
/// # Errors
/// Only if serde_json refuses to serialise, which the crate's types do not make possible today.
pub fn encode(event: &ClientEvent) -> Result<String, CodecError> {
    serde_json::to_string(event)
        .map_err(|err| CodecError::new(ErrorCode::InvalidValue, err.to_string()))
}

/// Decodes and re-encodes: the canonical text of the event that `input` means to the crate.
///
/// # Errors
/// As [`decode_slice`].
pub fn canonicalize(input: &[u8], limits: &Limits) -> Result<String, CodecError> {
    encode(&decode_slice(input, limits)?)
}

/// As [`canonicalize`], but `None` when the canonical text is `input` itself (so a caller that
/// already holds the input need not copy it back).
///
/// Fast path: the most frequent event, an `input_audio_buffer.append` written canonically with an
/// `audio` (and `event_id`) of plain printable ASCII, is recognised by a byte scan instead of a
/// serde round trip. `crate/tests/properties.rs` proves both paths agree on generated inputs.
///
/// # Errors
/// As [`decode_slice`].
pub fn canonicalize_if_changed(
    input: &[u8],
    limits: &Limits,
) -> Result<Option<String>, CodecError> {
    if input.len() <= limits.max_input_bytes && is_plain_canonical_append(input) {
        return Ok(None);
    }
    let canonical = canonicalize(input, limits)?;
    Ok((canonical.as_bytes() != input).then_some(canonical))
}

/// Validates `input` and returns its `type`, with the same fast path as [`canonicalize_if_changed`].
///
/// # Errors
/// As [`decode_slice`].
pub fn validate(input: &[u8], limits: &Limits) -> Result<&'static str, CodecError> {
    validate_index(input, limits).map(|index| EVENT_TYPES[index])
}

/// As [`validate`], but the index of the event's `type` in [`EVENT_TYPES`] (what the
/// WebAssembly export returns).
///
/// # Errors
/// As [`decode_slice`].
pub fn validate_index(input: &[u8], limits: &Limits) -> Result<usize, CodecError> {
    if input.len() <= limits.max_input_bytes && is_plain_canonical_append(input) {
        return Ok(APPEND_INDEX);
    }
    decode_slice(input, limits).map(|event| event_index(&event))
}

/// The `type` tag of an event.
pub fn event_type(event: &ClientEvent) -> &'static str {
    EVENT_TYPES[event_index(event)]
}
