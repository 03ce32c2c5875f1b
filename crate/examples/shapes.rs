//! Prints the shape table as JSON (`{"beta": {...}}`), for `scripts/generate.mjs`, which writes
//! every generated TypeScript file from it: `cargo run -q -p realtime-codec --example shapes`.

fn main() {
    let table = serde_json::json!({ "beta": realtime_codec::shape::BETA.to_json() });
    println!(
        "{}",
        serde_json::to_string_pretty(&table).unwrap_or_default()
    );
}
