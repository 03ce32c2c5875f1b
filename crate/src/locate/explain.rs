//! Building the error: from serde's error and the input to a [`CodecError`] with its code (from
//! `error/codes.rs`), path, line and column, and serde's expectation, using the descent
//! (`descent.rs`) and the positions (`positions.rs`).

use serde::de::DeserializeSeed;
use serde_json::error::Category;
use serde_json::Value;

use super::descent::{locate_event, FirstWins};
use super::positions::{line_column, position_of, walk, TOO_DEEP};
use super::{bare_message, pointer};
use crate::error::codes::{self, classify_data_message, first_backticked};
use crate::{CodecError, ErrorCode, Root};

pub(crate) fn explain<T: Root>(input: &[u8], err: &serde_json::Error) -> CodecError {
    match err.classify() {
        Category::Data => explain_data::<T>(input, err),
        Category::Syntax | Category::Eof | Category::Io => explain_syntax(input, err),
    }
}

fn explain_syntax(input: &[u8], err: &serde_json::Error) -> CodecError {
    let message = bare_message(err);
    let code = codes::syntax_code(&message);
    let (path, _) = walk(input, None, u32::MAX);
    let message = if message == "unexpected end of hex escape" {
        "lone leading surrogate in hex escape (a \\uD800-\\uDBFF not followed by a low surrogate)"
            .to_owned()
    } else {
        message
    };
    let mut out = CodecError::new(code, message);
    out.path = pointer(&path);
    out.line = err.line();
    out.column = err.column();
    out
}

/// The `too_deep` error for the container that opens at `offset`, one level deeper than
/// `max_depth` (found by `limits.rs`'s byte scan). One walk with the same limit: whichever comes
/// first in the text, a syntax error or that container (at the walk's path), wins.
pub(crate) fn too_deep(input: &[u8], offset: usize, max_depth: u32) -> CodecError {
    let (path, stopped) = walk(input, None, max_depth);
    if let Some(syntax) = stopped.filter(|e| !e.to_string().starts_with(TOO_DEEP)) {
        return explain_syntax(input, &syntax);
    }
    let mut err = CodecError::new(
        ErrorCode::TooDeep,
        format!("nesting deeper than {max_depth} (max_depth)"),
    );
    (err.line, err.column) = line_column(input, offset);
    err.path = pointer(&path);
    err
}

fn explain_data<T: Root>(input: &[u8], err: &serde_json::Error) -> CodecError {
    let serde_message = bare_message(err);
    if let Some(key) = serde_message
        .strip_prefix("duplicate field `")
        .and_then(|k| k.strip_suffix('`'))
    {
        if let (path, Some(dup)) = walk(input, Some(key), u32::MAX) {
            // The code error/codes.rs gives this message (spelled out: a call costs wasm bytes).
            let mut out = CodecError::new(ErrorCode::DuplicateField, serde_message);
            out.path = pointer(&path);
            out.line = dup.line();
            out.column = dup.column();
            return out;
        }
    }
    // serde can meet a data error before the text stops being JSON (it reads `[1,` as a bad
    // tag, and checks for trailing characters last). A malformed document is a syntax error
    // first, whatever else is wrong with it: parse it all.
    let mut de = serde_json::Deserializer::from_slice(input);
    let value = match FirstWins
        .deserialize(&mut de)
        .and_then(|value| de.end().map(|()| value))
    {
        Ok(value) => Some(value),
        Err(syntax) if syntax.classify() != Category::Data => {
            return explain_syntax(input, &syntax)
        }
        Err(_) => None,
    };
    let located = value.and_then(|value| {
        let mut search = Search {
            want: &serde_message,
            best: None,
            exact: false,
        };
        locate_event::<T>(T::TABLE, T::ROW, &value, err, &mut search);
        search.best
    });
    let Some(found) = located else {
        // Nothing to descend into: serde's own words, at the root, at serde's position.
        let (code, expected, expected_values, received) = classify_data_message(&serde_message);
        let mut out = CodecError::new(code, serde_message);
        out.expected = expected;
        out.expected_values = expected_values;
        out.received = received;
        out.line = err.line();
        out.column = err.column();
        return out;
    };
    let Candidate {
        mut path,
        message,
        refined,
    } = found;
    let (mut code, mut expected, mut expected_values, received) = classify_data_message(&message);
    if let Some((refined_code, refined_expected, refined_values)) = refined {
        code = refined_code;
        expected = Some(refined_expected.to_owned());
        expected_values = refined_values.iter().map(|v| (*v).to_owned()).collect();
    }
    // The text to point at: for a missing member, which has no text of its own, the object that
    // lacks it.
    let target = path.clone();
    // (An array-form event's tag is its element 0, whether wrong or missing.)
    if code == ErrorCode::MissingField && path != ["0"] {
        if let Some(field) = first_backticked(&message) {
            path.push(field.to_owned());
        }
    }
    let code = codes::at_path(code, &path);
    let mut out = CodecError::new(code, message);
    out.path = pointer(&path);
    out.expected = expected;
    out.expected_values = expected_values;
    out.received = received;
    // Point at the value, or the nearest enclosing one that is in the text.
    let mut target = target;
    let (mut line, mut column) = position_of(input, &target);
    while line == 0 && target.pop().is_some() {
        (line, column) = position_of(input, &target);
    }
    out.line = line;
    out.column = column;
    out
}

/// A failing value with nothing failing below it.
struct Candidate {
    path: Vec<String>,
    message: String,
    /// A more precise code and expectation than serde's message gives (untagged enums).
    refined: Option<(ErrorCode, &'static str, &'static [&'static str])>,
}

/// The descent's state: the best candidate so far, and whether it is serde's own error.
pub(super) struct Search<'a> {
    want: &'a str,
    best: Option<Candidate>,
    /// Whether `best` is serde's own error: the descent can stop.
    pub(super) exact: bool,
}

impl Search<'_> {
    pub(super) fn record(&mut self, path: &[String], err: &serde_json::Error, value: &Value) {
        let message = bare_message(err);
        let exact = message == self.want;
        if self.exact || (self.best.is_some() && !exact) {
            return;
        }
        self.exact = exact;
        let refined = codes::refine(&message, value);
        self.best = Some(Candidate {
            path: path.to_vec(),
            message,
            refined,
        });
    }
}
