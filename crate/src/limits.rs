//! The bounds on what the decoder accepts ([`Limits`]), and the checks that enforce them before
//! serde reads anything: the input's size (`too_large`) and its nesting depth (`too_deep`).
//!
//! JavaScript callers set them per call as `{ maxInputBytes, maxDepth }`; the TypeScript core
//! (`ts/wasm.ts`) checks the size itself before writing the input, so Rust's size check is what
//! Rust callers meet.

use crate::{locate, CodecError, ErrorCode};

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

/// Fails with `too_large` if `input` is longer than `limits.max_input_bytes`, and with `too_deep`
/// if it nests deeper than a `limits.max_depth` below [`MAX_DEPTH`] (serde_json itself stops at
/// [`MAX_DEPTH`]).
pub(crate) fn check(input: &[u8], limits: &Limits) -> Result<(), CodecError> {
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
        check_depth(input, limits.max_depth)?;
    }
    Ok(())
}

/// Fails with `too_deep` if arrays and objects nest deeper than `max_depth` (outside strings).
/// A byte scan, run before parsing only when the limit is below serde_json's own; the error is
/// located by [`locate::too_deep`].
fn check_depth(input: &[u8], max_depth: u32) -> Result<(), CodecError> {
    let (mut depth, mut in_string, mut escaped) = (0u32, false, false);
    for (offset, &byte) in input.iter().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > max_depth {
                    return Err(locate::too_deep(input, offset, max_depth));
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}
