//! The WebAssembly boundary: converts arguments and errors, nothing else. JSON crosses as UTF-8
//! bytes in (one copy, by wasm-bindgen) and text out.

use js_sys::{Array, Error, Reflect};
use wasm_bindgen::prelude::*;

use crate::{CodecError, Limits};

fn limits(max_input_bytes: u32, max_depth: u32) -> Limits {
    Limits {
        max_input_bytes: max_input_bytes as usize,
        max_depth,
    }
}

/// A real JS `Error` carrying `code`, `path`, `line`, `column`, and where known `expected`,
/// `expectedValues` and `received`. The TypeScript core rewraps it as a `ClientEventError`.
fn to_js(err: CodecError) -> JsValue {
    let js = Error::new(&err.message);
    let set = |key: &str, value: JsValue| {
        // Reflect.set on a fresh, unfrozen Error cannot fail.
        let _ = Reflect::set(&js, &JsValue::from_str(key), &value);
    };
    set("code", err.code.as_str().into());
    set("path", err.path.as_str().into());
    set("line", (err.line as f64).into());
    set("column", (err.column as f64).into());
    if let Some(expected) = &err.expected {
        set("expected", expected.as_str().into());
    }
    if !err.expected_values.is_empty() {
        let values: Array = err
            .expected_values
            .iter()
            .map(|v| JsValue::from_str(v))
            .collect();
        set("expectedValues", values.into());
    }
    if let Some(received) = &err.received {
        set("received", received.as_str().into());
    }
    js.into()
}

/// Canonical JSON text of the event in `input`, or a thrown error.
#[wasm_bindgen]
pub fn canonicalize(input: &[u8], max_input_bytes: u32, max_depth: u32) -> Result<String, JsValue> {
    crate::canonicalize(input, &limits(max_input_bytes, max_depth)).map_err(to_js)
}

/// Validates `input` without producing output. Returns the event's `type`.
#[wasm_bindgen]
pub fn validate(input: &[u8], max_input_bytes: u32, max_depth: u32) -> Result<String, JsValue> {
    crate::decode_slice(input, &limits(max_input_bytes, max_depth))
        .map(|event| crate::event_type(&event).to_owned())
        .map_err(to_js)
}

/// The nine `type` tags, in the crate's order.
#[wasm_bindgen(js_name = eventTypes)]
pub fn event_types() -> Vec<String> {
    crate::EVENT_TYPES.iter().map(|t| (*t).to_owned()).collect()
}

/// The default input limit in bytes.
#[wasm_bindgen(js_name = defaultMaxInputBytes)]
pub fn default_max_input_bytes() -> u32 {
    crate::DEFAULT_MAX_INPUT_BYTES as u32
}

/// The canonical text and how it differs from the input, as JSON:
/// `{"canonical": "...", "differences": [{"kind", "path", "value" | "from", "to"}]}`.
#[wasm_bindgen]
pub fn diff(input: &[u8], max_input_bytes: u32, max_depth: u32) -> Result<String, JsValue> {
    let (canonical, differences) =
        crate::diff(input, &limits(max_input_bytes, max_depth)).map_err(to_js)?;
    let differences: Vec<serde_json::Value> = differences
        .into_iter()
        .map(|d| match d {
            crate::Difference::Dropped { path, value } => {
                serde_json::json!({ "kind": "dropped", "path": path, "value": value })
            }
            crate::Difference::Added { path, value } => {
                serde_json::json!({ "kind": "added", "path": path, "value": value })
            }
            crate::Difference::Changed { path, from, to } => {
                serde_json::json!({ "kind": "changed", "path": path, "from": from, "to": to })
            }
            crate::Difference::Reordered { path, from, to } => {
                serde_json::json!({ "kind": "reordered", "path": path, "from": from, "to": to })
            }
        })
        .collect();
    Ok(serde_json::json!({ "canonical": canonical, "differences": differences }).to_string())
}
