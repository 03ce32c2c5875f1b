//! The canonical append layout: the one event whose canonical text is recognised without serde.
//! An `input_audio_buffer.append` whose `audio` (and `event_id`) are plain printable ASCII other
//! than `"` and `\` is, as canonical text, exactly
//! `{"type":"input_audio_buffer.append"`, then optionally `,"event_id":"<id>"`, then
//! `,"audio":"<audio>"}`.
//!
//! TypeScript twin: `ts/append.ts` (`APPEND_HEAD`, `PLAIN`, `plainAppend`, `canonicalAppend`),
//! which writes and slices the same text. `crate/tests/properties.rs` proves this scan agrees
//! with serde on generated inputs.

/// `{"type":"input_audio_buffer.append",["event_id":"…",]"audio":"…"}` exactly, both strings of
/// printable ASCII other than `"` and `\`: valid, and canonical as written (serde_json writes
/// such strings unchanged), whatever the crate would otherwise do.
pub(crate) fn is_plain_canonical_append(input: &[u8]) -> bool {
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
