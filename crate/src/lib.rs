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

mod diff;
mod error;
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

/// Default for [`Limits::max_input_bytes`]: 32 MiB. The largest legitimate client event is an
/// `input_audio_buffer.append` with the API's 15 MiB of audio, about 20 MiB once base64-encoded.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 32 * 1024 * 1024;

/// Default and largest [`Limits::max_depth`]: serde_json's own recursion limit lets 127 arrays
/// and objects nest (the 128th fails).
pub const MAX_DEPTH: u32 = 127;

/// Bounds on what the decoder accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Inputs longer than this many UTF-8 bytes fail with `too_large` before any parsing.
    pub max_input_bytes: usize,
    /// Arrays and objects nested deeper than this fail with `too_deep` (the event object itself
    /// is depth 1). At most [`MAX_DEPTH`], serde_json's fixed recursion limit; larger values act
    /// as [`MAX_DEPTH`].
    pub max_depth: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
            max_depth: MAX_DEPTH,
        }
    }
}

/// Decodes JSON bytes (UTF-8) into a [`ClientEvent`].
///
/// # Errors
/// A [`CodecError`] for anything serde rejects, located by JSON pointer and line/column.
pub fn decode_slice(input: &[u8], limits: &Limits) -> Result<ClientEvent, CodecError> {
    if input.len() > limits.max_input_bytes {
        return Err(CodecError::new(
            ErrorCode::TooLarge,
            format!(
                "input is {} bytes, more than the limit of {} bytes (max_input_bytes)",
                input.len(),
                limits.max_input_bytes
            ),
        ));
    }
    if limits.max_depth < MAX_DEPTH {
        locate::check_depth(input, limits.max_depth)?;
    }
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
    if input.len() <= limits.max_input_bytes && is_plain_canonical_append(input) {
        return Ok("input_audio_buffer.append");
    }
    decode_slice(input, limits).map(|event| event_type(&event))
}

/// `{"type":"input_audio_buffer.append",["event_id":"…",]"audio":"…"}` exactly, both strings of
/// printable ASCII other than `"` and `\`: valid, and canonical as written (serde_json writes
/// such strings unchanged), whatever the crate would otherwise do.
fn is_plain_canonical_append(input: &[u8]) -> bool {
    /// Whether all eight bytes are printable ASCII other than `"` and `\\` (SWAR).
    fn plain8(x: u64) -> bool {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGHS: u64 = 0x8080_8080_8080_8080;
        let has_zero = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS != 0;
        // Bytes >= 0x80; then (no carries left) bytes < 0x20, bytes == 0x7f, quotes, backslashes.
        !(x & HIGHS != 0
            || x.wrapping_sub(ONES * 0x20) & !x & HIGHS != 0
            || x.wrapping_add(ONES) & HIGHS != 0
            || has_zero(x ^ (ONES * u64::from(b'"')))
            || has_zero(x ^ (ONES * u64::from(b'\\'))))
    }
    /// A plain string's body then its closing quote then `after`: the rest of the input. One pass,
    /// eight bytes at a time until the chunk that holds the quote.
    fn string_then<'a>(input: &'a [u8], after: &[u8]) -> Option<&'a [u8]> {
        let mut at = 0;
        while let Some(chunk) = input.get(at..at + 8) {
            let eight = <[u8; 8]>::try_from(chunk).ok()?;
            if !plain8(u64::from_le_bytes(eight)) {
                break;
            }
            at += 8;
        }
        loop {
            match *input.get(at)? {
                b'"' => break,
                b if (0x20..0x7f).contains(&b) && b != b'\\' => at += 1,
                _ => return None,
            }
        }
        input[at + 1..].strip_prefix(after)
    }
    let Some(mut rest) = input.strip_prefix(br#"{"type":"input_audio_buffer.append","#.as_slice())
    else {
        return false;
    };
    if let Some(id) = rest.strip_prefix(br#""event_id":""#.as_slice()) {
        match string_then(id, b",") {
            Some(after) => rest = after,
            None => return false,
        }
    }
    match rest.strip_prefix(br#""audio":""#.as_slice()) {
        Some(audio) => string_then(audio, b"}").is_some_and(<[u8]>::is_empty),
        None => false,
    }
}

/// The `type` tag of an event.
pub fn event_type(event: &ClientEvent) -> &'static str {
    let index = match event {
        ClientEvent::SessionUpdate(_) => 0,
        ClientEvent::InputAudioBufferAppend(_) => 1,
        ClientEvent::InputAudioBufferCommit(_) => 2,
        ClientEvent::InputAudioBufferClear(_) => 3,
        ClientEvent::ConversationItemCreate(_) => 4,
        ClientEvent::ConversationItemTruncate(_) => 5,
        ClientEvent::ConversationItemDelete(_) => 6,
        ClientEvent::ResponseCreate(_) => 7,
        ClientEvent::ResponseCancel(_) => 8,
    };
    EVENT_TYPES[index]
}
