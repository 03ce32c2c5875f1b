//! The shared test corpus (`test/vectors/*.json`): reading it and computing each case's expectation
//! with this crate. Used by the generator (`cargo run -p realtime-codec --example vectors`) and by
//! the drift test in `crate/tests/vectors.rs`; the Node and browser suites read the same files.

use serde_json::{json, Map, Value};

use crate::{canonicalize, Limits};

/// What `canonicalize` gives for `input`, as stored in a vector's `expect`.
pub fn expectation(input: &str) -> Value {
    match canonicalize(input.as_bytes(), &Limits::default()) {
        Ok(text) => json!({ "canonical": text }),
        Err(err) => {
            let mut error = Map::new();
            error.insert("code".into(), json!(err.code.as_str()));
            error.insert("path".into(), json!(err.path));
            error.insert("line".into(), json!(err.line));
            error.insert("column".into(), json!(err.column));
            error.insert("message".into(), json!(err.message));
            if !err.expected_values.is_empty() {
                error.insert("expected_values".into(), json!(err.expected_values));
            }
            json!({ "error": error })
        }
    }
}
