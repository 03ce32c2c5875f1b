//! canonicalize on arbitrary bytes, with a small size limit too: never a panic; a success is
//! valid JSON whose `type` is one of the nine.
#![no_main]
use libfuzzer_sys::fuzz_target;
use realtime_codec::{canonicalize, Limits, EVENT_TYPES};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = canonicalize(data, &Limits::default()) {
        let value: serde_json::Value = serde_json::from_str(&text).expect("canonical text is JSON");
        let tag = value.get("type").and_then(|t| t.as_str()).expect("canonical text has a type");
        assert!(EVENT_TYPES.contains(&tag));
        assert!(text.starts_with(&format!("{{\"type\":\"{tag}\"")), "type first: {text}");
    }
    let small = Limits { max_input_bytes: 16, max_depth: 4 };
    if let Ok(text) = canonicalize(data, &small) {
        assert!(data.len() <= 16, "limit ignored for {} bytes -> {text}", data.len());
    }
});
