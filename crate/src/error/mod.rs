//! `CodecError`: every way an input can fail, with a stable code, a JSON pointer and a position.
//!
//! Which serde message gives which code is decided in one place: [`codes`] (`error/codes.rs`).

use std::fmt;

pub(crate) mod codes;

/// Stable, machine-readable error codes. The strings returned by [`ErrorCode::as_str`] are part of
/// the public API (TypeScript `ClientEventError.code`, the test vectors, the CLI output).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// Not JSON: unexpected character, unterminated string, trailing characters, empty input.
    Syntax,
    /// A lone surrogate (`"\ud800"`) or bytes that are not UTF-8: not representable as Rust text.
    InvalidUnicode,
    /// Arrays and objects nest deeper than the limit: `maxDepth` in TypeScript,
    /// [`Limits::max_depth`](crate::Limits::max_depth) in Rust. Both default to, and are capped
    /// at, [`MAX_DEPTH`](crate::MAX_DEPTH) (127): serde_json's own recursion limit.
    TooDeep,
    /// The input is larger than the configured limit: `maxInputBytes` in TypeScript,
    /// [`Limits::max_input_bytes`](crate::Limits::max_input_bytes) in Rust (default
    /// [`DEFAULT_MAX_INPUT_BYTES`](crate::DEFAULT_MAX_INPUT_BYTES), 32 MiB).
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
/// there is no position (an input that is too large, or an event built in Rust). One exception,
/// serde_json's own: a syntax error where the parser stopped at the very start of a line has
/// column 0 (the empty input: line 1, column 0), pinned by test/vectors/syntax.json.
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
    fn pointer_segments_are_escaped() {
        assert_eq!(pointer_segment("a/b~c"), "a~1b~0c");
    }
}
