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
    let code_of = |case: &Value| canonicalize(&input(case), &limits).map_err(|e| e.code);
    for case in doc["must_reject"].as_array().expect("must_reject") {
        let got = code_of(case).map_err(ErrorCode::as_str);
        if got != Err(case["code"].as_str().expect("code")) {
            failures.push(format!("must_reject {}: {got:?}", case["name"]));
        }
    }
    for case in doc["must_parse"].as_array().expect("must_parse") {
        // Well-formed JSON: never a syntax-class error, and exactly the data error recorded.
        let want = case["code"].as_str().expect("code");
        match code_of(case) {
            Ok(_) => failures.push(format!(
                "must_parse {}: accepted (want {want})",
                case["name"]
            )),
            Err(code) => {
                let syntax_class = matches!(
                    code,
                    ErrorCode::Syntax | ErrorCode::InvalidUnicode | ErrorCode::TooDeep
                );
                if syntax_class || code.as_str() != want {
                    failures.push(format!("must_parse {}: {code} (want {want})", case["name"]));
                }
            }
        }
    }
    for case in doc["valid_events"].as_array().expect("valid_events") {
        if let Err(code) = code_of(case) {
            failures.push(format!("valid_events {}: {code}", case["name"]));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
