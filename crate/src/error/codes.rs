//! Which error code each failure gets: the one place that reads serde's words and decides.
//!
//! | what serde_json says (message starts with / contains)       | code                    |
//! |--------------------------------------------------------------|-------------------------|
//! | *syntax* `... surrogate ...`, `invalid unicode code point`,  | `invalid_unicode`       |
//! |   `unexpected end of hex escape` (a lone high surrogate)     |                         |
//! | *syntax* `recursion limit exceeded`                          | `too_deep`              |
//! | *syntax* `number out of range` (`1e400`)                     | `out_of_range`          |
//! | *syntax* anything else (EOF, trailing characters, ...)       | `syntax`                |
//! | *data* ``unknown variant `x`, expected ...`` at `/type`, `/0`| `unknown_event_type`    |
//! | *data* ``unknown variant `x`, expected ...`` elsewhere       | `invalid_value`         |
//! | *data* ``missing field `f` ``                                | `missing_field`         |
//! | *data* ``duplicate field `f` ``                              | `duplicate_field`       |
//! | *data* `invalid type: ...`                                   | `invalid_type`          |
//! | *data* `invalid value: ..., expected u8` (any integer/float) | `out_of_range`          |
//! | *data* `invalid value: ...` otherwise                        | `invalid_value`         |
//! | *data* `... untagged enum MaxResponseOutputTokens`           | integer: `out_of_range`; string: `invalid_value`; else `invalid_type` |
//! | *data* `... untagged enum ToolChoice`                        | string, object: `invalid_value`; else `invalid_type` |
//! | *data* anything else                                         | `invalid_value`         |
//!
//! Codes that do not come from serde's words:
//!
//! | failure                                          | code              | decided in                     |
//! |--------------------------------------------------|-------------------|--------------------------------|
//! | longer than `max_input_bytes` / `maxInputBytes`  | `too_large`       | `limits.rs`; `ts/wasm.ts`, `ts/audio.ts` |
//! | deeper than `max_depth` / `maxDepth` (below 127) | `too_deep`        | `limits.rs` (`check_depth`)    |
//! | JS: WebAssembly memory ran out or cannot grow    | `too_large`       | `ts/wasm.ts`                   |
//! | JS: `decode` meets an integer beyond ±2^53       | `out_of_range`    | `ts/guards.ts`                 |
//! | JS: `encode` meets NaN, BigInt, a function, ...  | `invalid_value`, `invalid_type` | `ts/guards.ts`   |
//! | JS: used before `init()`                         | `not_initialized` | `ts/wasm.ts`                   |
//!
//! The syntax/data split is serde_json's `Category`. `locate/` finds where each error is; the
//! vectors (`test/vectors/`) pin every row.

use serde_json::Value;

use super::ErrorCode;

/// The code of a syntax error (serde_json's `Syntax`, `Eof` or `Io` category) from its message.
pub(crate) fn syntax_code(message: &str) -> ErrorCode {
    // "unexpected end of hex escape" is what serde_json says of a high surrogate with no low one.
    if message.contains("surrogate")
        || message.contains("invalid unicode code point")
        || message.starts_with("unexpected end of hex escape")
    {
        ErrorCode::InvalidUnicode
    } else if message.starts_with("recursion limit exceeded") {
        ErrorCode::TooDeep
    } else if message.starts_with("number out of range") {
        ErrorCode::OutOfRange
    } else {
        ErrorCode::Syntax
    }
}

/// Splits serde's message into code, expected, expected values and received.
/// serde's wording is stable (`serde::de::Error` default methods); the vectors pin it.
pub(crate) fn classify_data_message(
    message: &str,
) -> (ErrorCode, Option<String>, Vec<String>, Option<String>) {
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (received, expected) = split_expected(rest);
        let values = expected.as_deref().map(backticked).unwrap_or_default();
        return (ErrorCode::InvalidValue, expected, values, received);
    }
    if message.starts_with("missing field ") {
        return (ErrorCode::MissingField, None, Vec::new(), None);
    }
    if message.starts_with("duplicate field ") {
        return (ErrorCode::DuplicateField, None, Vec::new(), None);
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (received, expected) = split_expected(rest);
        return (ErrorCode::InvalidType, expected, Vec::new(), received);
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        let (received, expected) = split_expected(rest);
        let numeric = matches!(
            expected.as_deref(),
            Some("u8" | "u16" | "u32" | "u64" | "i8" | "i16" | "i32" | "i64" | "f32" | "f64")
        );
        let code = if numeric {
            ErrorCode::OutOfRange
        } else {
            ErrorCode::InvalidValue
        };
        return (code, expected, Vec::new(), received);
    }
    (ErrorCode::InvalidValue, None, Vec::new(), None)
}

/// `"x", expected y` -> (Some("x"), Some("y")).
fn split_expected(rest: &str) -> (Option<String>, Option<String>) {
    match rest.split_once(", expected ") {
        Some((received, expected)) => (Some(received.to_owned()), Some(expected.to_owned())),
        None => (Some(rest.to_owned()), None),
    }
}

/// Every `` `name` `` in serde's "one of `a`, `b`" / "`a` or `b`" / "there are no variants" text.
fn backticked(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The first backticked name in a message (``missing field `audio` `` -> `audio`).
pub(crate) fn first_backticked(message: &str) -> Option<&str> {
    message.split('`').nth(1)
}

/// The code of a data error at `path` (JSON pointer segments): an unknown variant of the event's
/// own tag (`/type`, or element 0 of an array-form event) is an unknown event type.
pub(crate) fn at_path(code: ErrorCode, path: &[String]) -> ErrorCode {
    if matches!(path, [tag] if tag == "type" || tag == "0") && code == ErrorCode::InvalidValue {
        ErrorCode::UnknownEventType
    } else {
        code
    }
}

/// serde's untagged-enum errors ("data did not match any variant ...") say nothing of why:
/// classify them by the JSON type of the value. The code, what was expected, and the allowed
/// spellings.
pub(crate) fn refine(
    message: &str,
    value: &Value,
) -> Option<(ErrorCode, &'static str, &'static [&'static str])> {
    if message.ends_with("untagged enum MaxResponseOutputTokens") {
        const EXPECTED: &str = "an integer from 0 to 65535 (u16) or \"inf\"";
        return Some(match value {
            Value::Number(n) if n.is_i64() || n.is_u64() => (ErrorCode::OutOfRange, EXPECTED, &[]),
            Value::String(_) => (ErrorCode::InvalidValue, EXPECTED, &["inf"]),
            _ => (ErrorCode::InvalidType, EXPECTED, &[]),
        });
    }
    if message.ends_with("untagged enum ToolChoice") {
        const EXPECTED: &str =
            "\"auto\", \"none\", \"required\" or {\"type\":\"function\",\"name\":...}";
        return Some(match value {
            Value::String(_) => (
                ErrorCode::InvalidValue,
                EXPECTED,
                &["auto", "none", "required"],
            ),
            Value::Object(_) => (ErrorCode::InvalidValue, EXPECTED, &[]),
            _ => (ErrorCode::InvalidType, EXPECTED, &[]),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_variant_lists_the_allowed_values() {
        let (code, expected, values, received) =
            classify_data_message("unknown variant `bob`, expected one of `alloy`, `ash`");
        assert_eq!(code, ErrorCode::InvalidValue);
        assert_eq!(expected.as_deref(), Some("one of `alloy`, `ash`"));
        assert_eq!(values, vec!["alloy", "ash"]);
        assert_eq!(received.as_deref(), Some("`bob`"));
    }

    #[test]
    fn integer_range_errors_are_out_of_range() {
        let (code, expected, _, received) =
            classify_data_message("invalid value: integer `-1`, expected u32");
        assert_eq!(code, ErrorCode::OutOfRange);
        assert_eq!(expected.as_deref(), Some("u32"));
        assert_eq!(received.as_deref(), Some("integer `-1`"));
    }
}
