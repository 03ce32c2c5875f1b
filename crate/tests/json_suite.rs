//! Parser conformance (test/json-suite/cases.json), natively: every malformed document is rejected
//! with its syntax-class code, well-formed non-events fail only with data errors, and the valid
//! events in unusual JSON are accepted. The Node suite runs the same file through wasm.

use std::path::Path;

use realtime_codec::{canonicalize, ErrorCode, Limits};
use serde_json::Value;

fn input(case: &Value) -> Vec<u8> {
    if let Some(text) = case["text"].as_str() {
        return text.as_bytes().to_vec();
    }
    let hex = case["hex"].as_str().expect("text or hex");
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
        .collect()
}

#[test]
fn json_suite() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../test/json-suite/cases.json");
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("JSON");
    let limits = Limits::default();
    let mut failures = Vec::new();
    for case in doc["must_reject"].as_array().expect("must_reject") {
        match canonicalize(&input(case), &limits) {
            Ok(_) => failures.push(format!(
                "must_parse {}: accepted (want {want})",
                case["name"]
            )),
            Err(err) => {
                let syntax_class = matches!(
                    err.code,
                    ErrorCode::Syntax | ErrorCode::InvalidUnicode | ErrorCode::TooDeep
                );
                if syntax_class || err.code.as_str() != want {
                    failures.push(format!(
                        "must_parse {}: {} (want {want})",
                        case["name"], err.code
                    ));
                }
            }
        }
    }
    for case in doc["valid_events"].as_array().expect("valid_events") {
        if let Err(err) = canonicalize(&input(case), &limits) {
            failures.push(format!("valid_events {}: {err}", case["name"]));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
