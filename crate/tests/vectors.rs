//! The Rust side of parity: every case in test/vectors must still produce the expectation recorded
//! in it (the Node and browser suites check the same files against the wasm build).

use std::path::Path;

use realtime_codec::vectors::expectation;
use serde_json::Value;

#[test]
fn every_vector_matches_the_crate() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../test/vectors");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("test/vectors exists")
        .flatten()
        .map(|e| e.path())
        .collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "json"));
    files.sort();
    assert!(
        files.len() >= 5,
        "expected the vector files in {}",
        dir.display()
    );
    let (mut total, mut valid, mut invalid) = (0, 0, 0);
    let mut drift = Vec::new();
    for file in &files {
        let doc: Value =
            serde_json::from_str(&std::fs::read_to_string(file).expect("readable")).expect("JSON");
        for case in doc["cases"].as_array().expect("cases array") {
            total += 1;
            let input = case["input"].as_str().expect("string input");
            let want = &case["expect"];
            if want.get("canonical").is_some() {
                valid += 1;
            } else {
                invalid += 1;
            }
            let got = expectation(input);
            if &got != want {
                drift.push(format!(
                    "{} / {}:\n  recorded {want}\n  now      {got}",
                    file.display(),
                    case["name"]
                ));
            }
        }
    }
    println!(
        "vectors: {total} cases ({valid} valid, {invalid} invalid) in {} files",
        files.len()
    );
    assert!(
        drift.is_empty(),
        "{} of {total} vectors drifted; if the change is intended, run `cargo run -p realtime-codec --example vectors`:\n{}",
        drift.len(),
        drift.join("\n")
    );
}

#[test]
fn canonical_output_is_a_fixed_point() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../test/vectors");
    for entry in std::fs::read_dir(dir).expect("dir").flatten() {
        let doc: Value =
            serde_json::from_str(&std::fs::read_to_string(entry.path()).expect("read"))
                .expect("JSON");
        for case in doc["cases"].as_array().expect("cases") {
            if let Some(canonical) = case["expect"]["canonical"].as_str() {
                let again = expectation(canonical);
                if canonical.contains("\"threshold\":null") {
                    // The crate writes an overflowing f32 threshold as null, then rejects it.
                    assert_eq!(again["error"]["code"], "invalid_type", "{}", case["name"]);
                    continue;
                }
                if canonical.contains("\"temperature\":null") {
                    // ... and an overflowing temperature as null, which reads back as absent.
                    let text = again["canonical"].as_str().unwrap_or_default();
                    assert!(
                        !text.is_empty() && !text.contains("temperature"),
                        "{}",
                        case["name"]
                    );
                    continue;
                }
                let name = case["name"].as_str().unwrap_or_default();
                if name.contains("not a fixed point") {
                    // serde_json's default float parser is not exact: the vector pins it.
                    assert_ne!(again["canonical"].as_str(), Some(canonical), "{name}");
                    continue;
                }
                // Everywhere else, canonical text decodes to itself.
                assert_eq!(again["canonical"].as_str(), Some(canonical), "{name}");
            }
        }
    }
}
