//! The checks every root's fuzz target runs (`server` for the beta `ServerEvent`, `ga_client` and
//! `ga_server` for the GA roots), generic over the root `T`: never a panic; every error is
//! well-formed (a known code, a JSON pointer, a position inside the input or none) and the same
//! from decode, canonicalize, canonicalize_if_changed, validate_index and diff; a success is valid
//! JSON with the event's own `type` first, validate_index gives that type's index, diff gives the
//! same canonical text (and no difference when the input is already canonical), and the canonical
//! text is a fixed point, but for the crate quirks the roundtrip target documents:
//! - an f32 member (the table's `Ty::F32` members: beta `temperature`, `threshold`,
//!   `reset_seconds`; GA also `speed`, `retention_ratio`, `seconds`, `start`, `end`) beyond f32's
//!   range becomes infinite, which serde_json writes as `null`; that reads back as absent or is
//!   rejected;
//! - serde_json's default float parser may read a float (`logprob`, free JSON) one ulp off, so
//!   floats are compared within a few ulps;
//! - a `HashMap` (GA's `response.metadata`) is written in hash order: the texts may differ, the
//!   values (compared as JSON) may not.

use super::ulps::same_but_float_ulps;
use realtime_codec::shape::{Def, Ty};
use realtime_codec::{
    canonicalize_as, canonicalize_if_changed_as, decode_as, diff_as, encode_as,
    validate_index_as, CodecError, Difference, ErrorCode, Limits, Root,
};
use serde_json::Value;

pub fn check_root<T: Root>(data: &[u8]) {
    let limits = Limits::default();
    let decoded = decode_as::<T>(data, &limits);
    let canonical = canonicalize_as::<T>(data, &limits);
    let index = validate_index_as::<T>(data, &limits);
    let changed = canonicalize_if_changed_as::<T>(data, &limits);
    let diff = diff_as::<T>(data, &limits);
    let changed_expected = canonical.clone().map(|c| (c.as_bytes() != data).then_some(c));
    assert_eq!(changed, changed_expected, "canonicalize_if_changed differs from canonicalize");

    let event = match decoded {
        Err(err) => {
            check_error(data, &err);
            assert_eq!(canonical.as_ref().err(), Some(&err), "canonicalize's error differs from decode's");
            assert_eq!(index.as_ref().err(), Some(&err), "validate_index's error differs from decode's");
            assert_eq!(diff.as_ref().err(), Some(&err), "diff's error differs from decode's");
            return;
        }
        Ok(event) => event,
    };
    let text = canonical.unwrap_or_else(|e| panic!("decode succeeded, canonicalize failed: {e}"));
    assert_eq!(encode_as(&event).as_ref(), Ok(&text), "canonicalize is not encode(decode)");
    let value: Value = serde_json::from_str(&text).expect("canonical text is JSON");
    let tag = value.get("type").and_then(|t| t.as_str()).expect("canonical text has a type");
    assert!(text.starts_with(&format!("{{\"type\":\"{tag}\"")), "type first: {text}");
    let index = index.unwrap_or_else(|e| panic!("decode succeeded, validate_index failed: {e}"));
    assert_eq!(T::TYPES.get(index).copied(), Some(tag), "validate_index gives another type");
    let (diff_text, differences) = diff.unwrap_or_else(|e| panic!("decode succeeded, diff failed: {e}"));
    // (A map's entries may come out in another order from one encode to the next.)
    if diff_text != text {
        let d: Value = serde_json::from_str(&diff_text).expect("JSON");
        assert_eq!(d, value, "diff's canonical text differs");
    }
    for difference in &differences {
        let path = match difference {
            Difference::Dropped { path, .. }
            | Difference::Added { path, .. }
            | Difference::Changed { path, .. }
            | Difference::Reordered { path, .. } => path,
        };
        assert!(path.is_empty() || path.starts_with('/'), "difference path {path:?}");
    }
    if changed.as_ref().is_ok_and(Option::is_none) {
        assert!(differences.is_empty(), "canonical input, yet differences: {differences:?}");
    }

    // Fixed point, but for the overflowing-f32 quirk.
    if f32_members::<T>().any(|k| text.contains(&format!("\"{k}\":null"))) {
        return;
    }
    let again = canonicalize_as::<T>(text.as_bytes(), &limits)
        .unwrap_or_else(|e| panic!("canonical text rejected: {e}\n{text}"));
    if again != text {
        let b: Value = serde_json::from_str(&again).expect("JSON");
        assert!(same_but_float_ulps(&value, &b), "canonical text is not a fixed point:\n{text}\n{again}");
    }
}

/// The names of the root's table's f32 members.
fn f32_members<T: Root>() -> impl Iterator<Item = &'static str> {
    T::TABLE.types.iter().flat_map(|row| match row.def {
        Def::Struct(members) => members,
        _ => &[],
    }).filter(|m| m.ty == Ty::F32).map(|m| m.name)
}

fn check_error(data: &[u8], err: &CodecError) {
    assert!(ErrorCode::ALL.contains(&err.code), "code {:?}", err.code);
    assert!(!err.message.is_empty());
    assert!(err.path.is_empty() || err.path.starts_with('/'), "path {:?}", err.path);
    // serde_json's column counts the bytes read on the line, so where the parser stopped at the
    // start of a line it is 0, and the crate passes it on (empty input: line 1, column 0, pinned
    // by test/vectors/syntax.json; `"\n"`: line 2, column 0). Only that case is let through: a
    // line without a column, never a column without a line.
    assert!(err.line > 0 || err.column == 0, "line {} column {}: {err}", err.line, err.column);
    if err.line > 0 {
        // The line is in the input, and the column within it (or just past its end).
        let line = data.split(|&b| b == b'\n').nth(err.line - 1);
        let line = line.unwrap_or_else(|| panic!("line {} beyond the input: {err}", err.line));
        assert!(err.column <= line.len() + 1, "column {} of a {}-byte line: {err}", err.column, line.len());
    }
}
