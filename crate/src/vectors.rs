//! The shared test corpus (`test/vectors/*.json`): reading it and computing each case's expectation
//! with this crate. Used by the generator (`cargo run -p realtime-codec --example vectors`) and by
//! the drift test in `crate/tests/vectors.rs`; the Node and browser suites read the same files
//! through both WebAssembly modules.
//!
//! A file's top-level `"direction"` says which root its inputs are read as: `"server"` for
//! [`ServerEvent`], absent (or `"client"`) for [`ClientEvent`]. Its top-level `"protocol"` says
//! whose: absent (or `"beta"`) for the beta crate (0.29.5), `"ga"` for the GA crate (0.31.2:
//! [`RealtimeClientEvent`], [`RealtimeServerEvent`]). GA files live in `test/vectors/ga/`, which
//! the beta readers (they list `test/vectors/*.json` only) do not see.

use serde_json::{json, Map, Value};

use crate::{canonicalize_as, ClientEvent, CodecError, Limits, Root, ServerEvent};
// The GA parts are native only (or with feature `ga`), like the GA roots themselves.
#[cfg(any(feature = "ga", not(target_arch = "wasm32")))]
use crate::{RealtimeClientEvent, RealtimeServerEvent};

/// Which crate release a vector file's inputs are read with.
#[cfg(any(feature = "ga", not(target_arch = "wasm32")))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Protocol {
    /// async-openai-wasm =0.29.5 (the default when a file names no protocol).
    Beta,
    /// async-openai-wasm =0.31.2.
    Ga,
}

#[cfg(any(feature = "ga", not(target_arch = "wasm32")))]
impl Protocol {
    /// The name a vector file uses (`"beta"`, `"ga"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Beta => "beta",
            Protocol::Ga => "ga",
        }
    }

    /// The protocol of a parsed vector file: its top-level `"protocol"` member, `beta` when
    /// absent. Anything but the two names is an error.
    ///
    /// # Errors
    /// A message naming the unexpected value.
    pub fn of(doc: &Value) -> Result<Protocol, String> {
        match doc.get("protocol") {
            None => Ok(Protocol::Beta),
            Some(Value::String(s)) if s == "beta" => Ok(Protocol::Beta),
            Some(Value::String(s)) if s == "ga" => Ok(Protocol::Ga),
            Some(other) => Err(format!(
                "\"protocol\" must be \"beta\" or \"ga\", not {other}"
            )),
        }
    }

    /// The `type` tags of this protocol's root enum for `direction`.
    pub fn types(self, direction: Direction) -> &'static [&'static str] {
        match self {
            Protocol::Beta => direction.types(),
            Protocol::Ga => match direction {
                Direction::Client => <RealtimeClientEvent as Root>::TYPES,
                Direction::Server => <RealtimeServerEvent as Root>::TYPES,
            },
        }
    }
}

/// Which of the crate's two root enums a vector file's inputs are read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// [`ClientEvent`]: what a client sends (the default when a file names no direction).
    Client,
    /// [`ServerEvent`]: what the service sends.
    Server,
}

impl Direction {
    /// The name a vector file uses (`"client"`, `"server"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Client => "client",
            Direction::Server => "server",
        }
    }

    /// The direction of a parsed vector file: its top-level `"direction"` member, `client` when
    /// absent. Anything but the two names (or a non-string) is an error, so that a typo cannot
    /// silently run server inputs as client events.
    ///
    /// # Errors
    /// A message naming the unexpected value.
    pub fn of(doc: &Value) -> Result<Direction, String> {
        match doc.get("direction") {
            None => Ok(Direction::Client),
            Some(Value::String(s)) if s == "client" => Ok(Direction::Client),
            Some(Value::String(s)) if s == "server" => Ok(Direction::Server),
            Some(other) => Err(format!(
                "\"direction\" must be \"client\" or \"server\", not {other}"
            )),
        }
    }

    /// The `type` tags of this direction's root enum.
    pub fn types(self) -> &'static [&'static str] {
        match self {
            Direction::Client => <ClientEvent as Root>::TYPES,
            Direction::Server => <ServerEvent as Root>::TYPES,
        }
    }
}

/// What `canonicalize_as` gives for `input` read as `direction`'s beta root, as stored in a
/// vector's `expect`.
pub fn expectation(input: &str, direction: Direction) -> Value {
    let limits = Limits::default();
    let result = match direction {
        Direction::Client => canonicalize_as::<ClientEvent>(input.as_bytes(), &limits),
        Direction::Server => canonicalize_as::<ServerEvent>(input.as_bytes(), &limits),
    };
    match result {
        Ok(text) => json!({ "canonical": text }),
        Err(err) => json!({ "error": error_value(&err) }),
    }
}

/// What `canonicalize_as` gives for `input` read as `protocol`'s root for `direction`.
#[cfg(any(feature = "ga", not(target_arch = "wasm32")))]
pub fn expectation_in(input: &str, protocol: Protocol, direction: Direction) -> Value {
    if protocol == Protocol::Beta {
        return expectation(input, direction);
    }
    let limits = Limits::default();
    let bytes = input.as_bytes();
    let result = match direction {
        Direction::Client => canonicalize_as::<RealtimeClientEvent>(bytes, &limits),
        Direction::Server => canonicalize_as::<RealtimeServerEvent>(bytes, &limits),
    };
    match result {
        Ok(text) => json!({ "canonical": text }),
        Err(err) => json!({ "error": error_value(&err) }),
    }
}

fn error_value(err: &CodecError) -> Value {
    let mut error = Map::new();
    error.insert("code".into(), json!(err.code.as_str()));
    error.insert("path".into(), json!(err.path));
    error.insert("line".into(), json!(err.line));
    error.insert("column".into(), json!(err.column));
    error.insert("message".into(), json!(err.message));
    if !err.expected_values.is_empty() {
        error.insert("expected_values".into(), json!(err.expected_values));
    }
    Value::Object(error)
}
