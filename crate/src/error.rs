//! `CodecError`: every way an input can fail, with a stable code, a JSON pointer and a position.

use std::fmt;

/// Stable, machine-readable error codes. The strings returned by [`ErrorCode::as_str`] are part of
/// the public API (TypeScript `ClientEventError.code`, the test vectors, the CLI output).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// Not JSON: unexpected character, unterminated string, trailing characters, empty input.
    Syntax,
    /// A lone surrogate (`"\ud800"`) or bytes that are not UTF-8: not representable as Rust text.
    InvalidUnicode,
    /// The JSON nests deeper than the parser's recursion limit (128).
    TooDeep,
    /// The input is larger than the configured `max_input_bytes`.
    TooLarge,
    /// `type` names none of the nine client events.
    UnknownEventType,
    /// A required field is absent (including `type` itself).
    MissingField,
    /// The same field appears twice in one object.
    DuplicateField,
    /// A value has the wrong JSON type (string where a number is expected, ...).
    InvalidType,
    /// A value has the right JSON type but is not allowed (unknown enum string, ...).
    InvalidValue,
    /// A number outside its Rust type's range (negative or too large for u16/u32, 1e400, ...).
    OutOfRange,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 10] = [
        ErrorCode::Syntax,
        ErrorCode::InvalidUnicode,
        ErrorCode::TooDeep,
        ErrorCode::TooLarge,
        ErrorCode::UnknownEventType,
        ErrorCode::MissingField,
        ErrorCode::DuplicateField,
        ErrorCode::InvalidType,
        ErrorCode::InvalidValue,
        ErrorCode::OutOfRange,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Syntax => "syntax",
            ErrorCode::InvalidUnicode => "invalid_unicode",
            ErrorCode::TooDeep => "too_deep",
            ErrorCode::TooLarge => "too_large",
            ErrorCode::UnknownEventType => "unknown_event_type",
            ErrorCode::MissingField => "missing_field",
            ErrorCode::DuplicateField => "duplicate_field",
            ErrorCode::InvalidType => "invalid_type",
            ErrorCode::InvalidValue => "invalid_value",
            ErrorCode::OutOfRange => "out_of_range",
        }
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why an input is not a valid `ClientEvent`.
///
/// `path` is a JSON pointer (RFC 6901; `""` is the whole document) to the value at fault: for a
/// missing field, the pointer names the missing member itself (`/session/turn_detection/threshold`).
/// `line` and `column` are 1-based; the column counts UTF-8 bytes, as serde_json does, and points at
/// the start of the offending value (for syntax errors: where the parser stopped). Both are 0 when
/// there is no position (an input that is too large, or an event built in Rust).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodecError {
    pub code: ErrorCode,
    /// serde's own explanation, e.g. ``unknown variant `bob`, expected one of `alloy`, ...``.
    pub message: String,
    pub path: String,
    pub line: usize,
    pub column: usize,
    /// What serde expected, in its words (`u32`, ``one of `auto`, `none` ``, ...), when it said.
    pub expected: Option<String>,
    /// The allowed spellings, when the value is one of a closed list (enum variants, event types).
    pub expected_values: Vec<String>,
    /// What was found instead, in serde's words (``string "x"``, ``integer `-1` ``, `` `bob` ``).
    pub received: Option<String>,
}

impl CodecError {
    pub(crate) fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        CodecError {
            code,
            message: message.into(),
            path: String::new(),
            line: 0,
            column: 0,
            expected: None,
            expected_values: Vec::new(),
            received: None,
        }
    }
}

impl fmt::Display for CodecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)?;
        let at = if self.path.is_empty() {
            "(root)"
        } else {
            self.path.as_str()
        };
        write!(f, " at {at}")?;
        if self.line > 0 {
            write!(f, " (line {}, column {})", self.line, self.column)?;
        }
        write!(f, " [{}]", self.code)
    }
}

impl std::error::Error for CodecError {}

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
pub(crate) fn backticked(text: &str) -> Vec<String> {
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

/// Escapes one JSON pointer segment (RFC 6901).
pub(crate) fn pointer_segment(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for code in ErrorCode::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "duplicate code {s}");
            assert!(s.chars().all(|c| c.is_ascii_lowercase() || c == '_'), "{s}");
        }
    }

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

    #[test]
    fn pointer_segments_are_escaped() {
        assert_eq!(pointer_segment("a/b~c"), "a~1b~0c");
    }
}
