//! realtime-codec: OpenAI Realtime API client and server events, validated and encoded exactly as
//! `async-openai-wasm` 0.29.5 does, because its own serde implementation does the work. Each
//! function is written once over [`Root`] ([`ClientEvent`], [`ServerEvent`]); the unsuffixed ones
//! (`decode_slice`, `canonicalize`, ...) are the client-event forms.
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
    InputAudioBufferCommitEvent, ResponseCancelEvent, ResponseCreateEvent, ServerEvent,
    SessionUpdateEvent,
};
/// The crate's realtime types (server event structs and every nested type), as the crate names them.
pub use async_openai_wasm::types::realtime as types;
/// The GA protocol's roots: `async-openai-wasm` =0.31.2's `RealtimeClientEvent` (11 variants) and
/// `RealtimeServerEvent` (43), through the same [`Root`] code path as the beta ones. Always in
/// the native build; in WebAssembly only with feature `ga` (the beta modules are built without).
#[cfg(any(feature = "ga", not(target_arch = "wasm32")))]
pub use async_openai_wasm_ga::types::realtime::{RealtimeClientEvent, RealtimeServerEvent};
/// The GA protocol's realtime types (0.31.2's `types::realtime`), as the crate names them.
#[cfg(any(feature = "ga", not(target_arch = "wasm32")))]
pub use async_openai_wasm_ga::types::realtime as ga_types;
pub use diff::{diff, diff_as, Difference};
pub use error::{CodecError, ErrorCode};
pub use limits::{Limits, DEFAULT_MAX_INPUT_BYTES, MAX_DEPTH};

use append::is_plain_canonical_append;
use serde::{de::DeserializeOwned, Serialize};
use shape::Protocol;

/// One direction of a protocol: a root enum of the crate, its row in the shape table and its
/// tags. Every codec function is written once over this trait and built per root, so client and
/// server events (and, later, another crate release) share one code path.
pub trait Root: DeserializeOwned + Serialize {
    /// The shape table the descent of located errors reads.
    const TABLE: &'static Protocol;
    /// This enum's row in [`Root::TABLE`].
    const ROW: &'static str;
    /// The `type` tags, in the enum's declaration order.
    const TYPES: &'static [&'static str];
    /// The index of the event's tag in [`Root::TYPES`].
    fn index(&self) -> usize;
    /// `Some(index)` when `input` is known valid and canonical as written without decoding it
    /// (a byte scan; see [`canonicalize_if_changed`]). Must agree with the serde path.
    fn canonical_as_written(_input: &[u8]) -> Option<usize> {
        None
    }
}

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

impl Root for ClientEvent {
    const TABLE: &'static Protocol = &shape::BETA;
    const ROW: &'static str = "ClientEvent";
    const TYPES: &'static [&'static str] = &EVENT_TYPES;
    fn index(&self) -> usize {
        event_index(self)
    }
    /// The most frequent event, an `input_audio_buffer.append` written canonically with an
    /// `audio` (and `event_id`) of plain printable ASCII.
    fn canonical_as_written(input: &[u8]) -> Option<usize> {
        is_plain_canonical_append(input).then_some(APPEND_INDEX)
    }
}

/// The 29 `type` tags of [`ServerEvent`], in the enum's declaration order.
pub const SERVER_EVENT_TYPES: [&str; 29] = [
    "error",
    "session.created",
    "session.updated",
    "conversation.created",
    "input_audio_buffer.committed",
    "input_audio_buffer.cleared",
    "input_audio_buffer.speech_started",
    "input_audio_buffer.speech_stopped",
    "conversation.item.created",
    "conversation.item.input_audio_transcription.completed",
    "conversation.item.input_audio_transcription.delta",
    "conversation.item.input_audio_transcription.failed",
    "conversation.item.truncated",
    "conversation.item.deleted",
    "response.created",
    "response.done",
    "response.output_item.added",
    "response.output_item.done",
    "response.content_part.added",
    "response.content_part.done",
    "response.text.delta",
    "response.text.done",
    "response.audio_transcript.delta",
    "response.audio_transcript.done",
    "response.audio.delta",
    "response.audio.done",
    "response.function_call_arguments.delta",
    "response.function_call_arguments.done",
    "rate_limits.updated",
];

/// The index of the event's `type` tag in [`SERVER_EVENT_TYPES`].
pub fn server_event_index(event: &ServerEvent) -> usize {
    use ServerEvent as E;
    match event {
        E::Error(_) => 0,
        E::SessionCreated(_) => 1,
        E::SessionUpdated(_) => 2,
        E::ConversationCreated(_) => 3,
        E::InputAudioBufferCommited(_) => 4,
        E::InputAudioBufferCleared(_) => 5,
        E::InputAudioBufferSpeechStarted(_) => 6,
        E::InputAudioBufferSpeechStopped(_) => 7,
        E::ConversationItemCreated(_) => 8,
        E::ConversationItemInputAudioTranscriptionCompleted(_) => 9,
        E::ConversationItemInputAudioTranscriptionDelta(_) => 10,
        E::ConversationItemInputAudioTranscriptionFailed(_) => 11,
        E::ConversationItemTruncated(_) => 12,
        E::ConversationItemDeleted(_) => 13,
        E::ResponseCreated(_) => 14,
        E::ResponseDone(_) => 15,
        E::ResponseOutputItemAdded(_) => 16,
        E::ResponseOutputItemDone(_) => 17,
        E::ResponseContentPartAdded(_) => 18,
        E::ResponseContentPartDone(_) => 19,
        E::ResponseTextDelta(_) => 20,
        E::ResponseTextDone(_) => 21,
        E::ResponseAudioTranscriptDelta(_) => 22,
        E::ResponseAudioTranscriptDone(_) => 23,
        E::ResponseAudioDelta(_) => 24,
        E::ResponseAudioDone(_) => 25,
        E::ResponseFunctionCallArgumentsDelta(_) => 26,
        E::ResponseFunctionCallArgumentsDone(_) => 27,
        E::RateLimitsUpdated(_) => 28,
    }
}

impl Root for ServerEvent {
    const TABLE: &'static Protocol = &shape::BETA;
    const ROW: &'static str = "ServerEvent";
    const TYPES: &'static [&'static str] = &SERVER_EVENT_TYPES;
    fn index(&self) -> usize {
        server_event_index(self)
    }
}

/// Decodes JSON bytes (UTF-8) into a `T` ([`ClientEvent`] or [`ServerEvent`]).
///
/// # Errors
/// A [`CodecError`] for anything serde rejects, located by JSON pointer and line/column.
pub fn decode_as<T: Root>(input: &[u8], limits: &Limits) -> Result<T, CodecError> {
    limits::check(input, limits)?;
    serde_json::from_slice::<T>(input).map_err(|err| locate::explain::<T>(input, &err))
}

/// Encodes an event as canonical JSON: `type` first, then the fields in the crate's declaration
/// order, unset optional fields omitted (except those the crate always writes, as `null`: such as
/// `response.create`'s `response`), keys inside free JSON (`tools[].parameters`) sorted.
///
/// # Errors
/// Only if serde_json refuses to serialise, which the crate's types do not make possible today.
pub fn encode_as<T: Root>(event: &T) -> Result<String, CodecError> {
    serde_json::to_string(event)
        .map_err(|err| CodecError::new(ErrorCode::InvalidValue, err.to_string()))
}

/// Decodes and re-encodes: the canonical text of the event that `input` means to the crate.
///
/// # Errors
/// As [`decode_as`].
pub fn canonicalize_as<T: Root>(input: &[u8], limits: &Limits) -> Result<String, CodecError> {
    encode_as(&decode_as::<T>(input, limits)?)
}

/// As [`canonicalize_as`], but `None` when the canonical text is `input` itself (so a caller that
/// already holds the input need not copy it back).
///
/// Fast path: [`Root::canonical_as_written`] (for client events, a plain canonical append found
/// by a byte scan instead of a serde round trip; `crate/tests/properties.rs` proves both agree).
///
/// # Errors
/// As [`decode_as`].
pub fn canonicalize_if_changed_as<T: Root>(
    input: &[u8],
    limits: &Limits,
) -> Result<Option<String>, CodecError> {
    if input.len() <= limits.max_input_bytes && T::canonical_as_written(input).is_some() {
        return Ok(None);
    }
    let canonical = canonicalize_as::<T>(input, limits)?;
    Ok((canonical.as_bytes() != input).then_some(canonical))
}

/// Validates `input`: the index of its `type` in [`Root::TYPES`], with the same fast path as
/// [`canonicalize_if_changed_as`].
///
/// # Errors
/// As [`decode_as`].
pub fn validate_index_as<T: Root>(input: &[u8], limits: &Limits) -> Result<usize, CodecError> {
    if input.len() <= limits.max_input_bytes {
        if let Some(index) = T::canonical_as_written(input) {
            return Ok(index);
        }
    }
    decode_as::<T>(input, limits).map(|event| event.index())
}

/// Decodes JSON bytes (UTF-8) into a [`ClientEvent`]. See [`decode_as`].
///
/// # Errors
/// As [`decode_as`].
pub fn decode_slice(input: &[u8], limits: &Limits) -> Result<ClientEvent, CodecError> {
    decode_as(input, limits)
}

/// Decodes JSON text into a [`ClientEvent`]. See [`decode_as`].
///
/// # Errors
/// As [`decode_as`].
pub fn decode_str(input: &str, limits: &Limits) -> Result<ClientEvent, CodecError> {
    decode_as(input.as_bytes(), limits)
}

/// Encodes a [`ClientEvent`] as canonical JSON. See [`encode_as`].
///
/// # Errors
/// As [`encode_as`].
pub fn encode(event: &ClientEvent) -> Result<String, CodecError> {
    encode_as(event)
}

/// The canonical text of the client event that `input` means to the crate. See [`canonicalize_as`].
///
/// # Errors
/// As [`decode_as`].
pub fn canonicalize(input: &[u8], limits: &Limits) -> Result<String, CodecError> {
    canonicalize_as::<ClientEvent>(input, limits)
}

/// [`canonicalize_if_changed_as`] for client events.
///
/// # Errors
/// As [`decode_as`].
pub fn canonicalize_if_changed(
    input: &[u8],
    limits: &Limits,
) -> Result<Option<String>, CodecError> {
    canonicalize_if_changed_as::<ClientEvent>(input, limits)
}

/// Validates a client event and returns its `type`.
///
/// # Errors
/// As [`decode_as`].
pub fn validate(input: &[u8], limits: &Limits) -> Result<&'static str, CodecError> {
    validate_index(input, limits).map(|index| EVENT_TYPES[index])
}

/// [`validate_index_as`] for client events: the index of the `type` in [`EVENT_TYPES`].
///
/// # Errors
/// As [`decode_as`].
pub fn validate_index(input: &[u8], limits: &Limits) -> Result<usize, CodecError> {
    validate_index_as::<ClientEvent>(input, limits)
}

/// The `type` tag of an event.
pub fn event_type(event: &ClientEvent) -> &'static str {
    EVENT_TYPES[event_index(event)]
}


/// The GA protocol (issue 14), beside the beta one above: the same [`Root`] code path.
#[cfg(any(feature = "ga", not(target_arch = "wasm32")))]
mod ga_roots {
    use super::{shape, Protocol, RealtimeClientEvent, RealtimeServerEvent, Root};

    /// The 11 `type` tags of [`RealtimeClientEvent`] (GA), in the enum's declaration order.
    pub const GA_EVENT_TYPES: [&str; 11] = [
        "session.update",
        "input_audio_buffer.append",
        "input_audio_buffer.commit",
        "input_audio_buffer.clear",
        "conversation.item.create",
        "conversation.item.retrieve",
        "conversation.item.truncate",
        "conversation.item.delete",
        "response.create",
        "response.cancel",
        "output_audio_buffer.clear",
    ];

    /// The index of the event's `type` tag in [`GA_EVENT_TYPES`].
    pub fn ga_event_index(event: &RealtimeClientEvent) -> usize {
        use RealtimeClientEvent as E;
        match event {
            E::SessionUpdate(_) => 0,
            E::InputAudioBufferAppend(_) => 1,
            E::InputAudioBufferCommit(_) => 2,
            E::InputAudioBufferClear(_) => 3,
            E::ConversationItemCreate(_) => 4,
            E::ConversationItemRetrieve(_) => 5,
            E::ConversationItemTruncate(_) => 6,
            E::ConversationItemDelete(_) => 7,
            E::ResponseCreate(_) => 8,
            E::ResponseCancel(_) => 9,
            E::OutputAudioBufferClear(_) => 10,
        }
    }

    impl Root for RealtimeClientEvent {
        const TABLE: &'static Protocol = &shape::GA;
        const ROW: &'static str = "RealtimeClientEvent";
        const TYPES: &'static [&'static str] = &GA_EVENT_TYPES;
        fn index(&self) -> usize {
            ga_event_index(self)
        }
        /// GA's `input_audio_buffer.append` has beta's layout (`event_id` skipped when unset, then
        /// `audio`) and tag: the same scan recognises its canonical text.
        fn canonical_as_written(input: &[u8]) -> Option<usize> {
            super::is_plain_canonical_append(input).then_some(1)
        }
    }

    /// The 43 `type` tags of [`RealtimeServerEvent`] (GA), in the enum's declaration order.
    pub const GA_SERVER_EVENT_TYPES: [&str; 43] = [
        "error",
        "session.created",
        "session.updated",
        "conversation.item.added",
        "conversation.item.done",
        "conversation.item.retrieved",
        "conversation.item.input_audio_transcription.completed",
        "conversation.item.input_audio_transcription.delta",
        "conversation.item.input_audio_transcription.segment",
        "conversation.item.input_audio_transcription.failed",
        "conversation.item.truncated",
        "conversation.item.deleted",
        "input_audio_buffer.committed",
        "input_audio_buffer.cleared",
        "input_audio_buffer.speech_started",
        "input_audio_buffer.speech_stopped",
        "input_audio_buffer.timeout_triggered",
        "output_audio_buffer.started",
        "output_audio_buffer.stopped",
        "output_audio_buffer.cleared",
        "response.created",
        "response.done",
        "response.output_item.added",
        "response.output_item.done",
        "response.content_part.added",
        "response.content_part.done",
        "response.output_text.delta",
        "response.output_text.done",
        "response.output_audio_transcript.delta",
        "response.output_audio_transcript.done",
        "response.output_audio.delta",
        "response.output_audio.done",
        "response.function_call_arguments.delta",
        "response.function_call_arguments.done",
        "response.mcp_call_arguments.delta",
        "response.mcp_call_arguments.done",
        "response.mcp_call.in_progress",
        "response.mcp_call.completed",
        "response.mcp_call.failed",
        "mcp_list_tools.in_progress",
        "mcp_list_tools.completed",
        "mcp_list_tools.failed",
        "rate_limits.updated",
    ];

    /// The index of the event's `type` tag in [`GA_SERVER_EVENT_TYPES`].
    pub fn ga_server_event_index(event: &RealtimeServerEvent) -> usize {
        use RealtimeServerEvent as E;
        match event {
            E::Error(_) => 0,
            E::SessionCreated(_) => 1,
            E::SessionUpdated(_) => 2,
            E::ConversationItemAdded(_) => 3,
            E::ConversationItemDone(_) => 4,
            E::ConversationItemRetrieved(_) => 5,
            E::ConversationItemInputAudioTranscriptionCompleted(_) => 6,
            E::ConversationItemInputAudioTranscriptionDelta(_) => 7,
            E::ConversationItemInputAudioTranscriptionSegment(_) => 8,
            E::ConversationItemInputAudioTranscriptionFailed(_) => 9,
            E::ConversationItemTruncated(_) => 10,
            E::ConversationItemDeleted(_) => 11,
            E::InputAudioBufferCommitted(_) => 12,
            E::InputAudioBufferCleared(_) => 13,
            E::InputAudioBufferSpeechStarted(_) => 14,
            E::InputAudioBufferSpeechStopped(_) => 15,
            E::InputAudioBufferTimeoutTriggered(_) => 16,
            E::OutputAudioBufferStarted(_) => 17,
            E::OutputAudioBufferStopped(_) => 18,
            E::OutputAudioBufferCleared(_) => 19,
            E::ResponseCreated(_) => 20,
            E::ResponseDone(_) => 21,
            E::ResponseOutputItemAdded(_) => 22,
            E::ResponseOutputItemDone(_) => 23,
            E::ResponseContentPartAdded(_) => 24,
            E::ResponseContentPartDone(_) => 25,
            E::ResponseOutputTextDelta(_) => 26,
            E::ResponseOutputTextDone(_) => 27,
            E::ResponseOutputAudioTranscriptDelta(_) => 28,
            E::ResponseOutputAudioTranscriptDone(_) => 29,
            E::ResponseOutputAudioDelta(_) => 30,
            E::ResponseOutputAudioDone(_) => 31,
            E::ResponseFunctionCallArgumentsDelta(_) => 32,
            E::ResponseFunctionCallArgumentsDone(_) => 33,
            E::ResponseMCPCallArgumentsDelta(_) => 34,
            E::ResponseMCPCallArgumentsDone(_) => 35,
            E::ResponseMCPCallInProgress(_) => 36,
            E::ResponseMCPCallCompleted(_) => 37,
            E::ResponseMCPCallFailed(_) => 38,
            E::MCPListToolsInProgress(_) => 39,
            E::MCPListToolsCompleted(_) => 40,
            E::MCPListToolsFailed(_) => 41,
            E::RateLimitsUpdated(_) => 42,
        }
    }

    impl Root for RealtimeServerEvent {
        const TABLE: &'static Protocol = &shape::GA;
        const ROW: &'static str = "RealtimeServerEvent";
        const TYPES: &'static [&'static str] = &GA_SERVER_EVENT_TYPES;
        fn index(&self) -> usize {
            ga_server_event_index(self)
        }
    }
}
#[cfg(any(feature = "ga", not(target_arch = "wasm32")))]
pub use ga_roots::{ga_event_index, ga_server_event_index, GA_EVENT_TYPES, GA_SERVER_EVENT_TYPES};
