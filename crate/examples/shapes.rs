//! Prints the shape tables as JSON (`{"beta": {...}, "ga": {...}}`), for `scripts/generate.mjs`,
//! which writes every generated TypeScript file from them:
//! `cargo run -q -p realtime-codec --example shapes`. (The generator reads `beta` so far; `ga` is
//! the GA table, async-openai-wasm 0.31.2, checked by crate/tests/shapes_ga.rs.)

fn main() {
    let table = serde_json::json!({
        "beta": realtime_codec::shape::BETA.to_json(),
        "ga": realtime_codec::shape::GA.to_json(),
    });
    println!(
        "{}",
        serde_json::to_string_pretty(&table).unwrap_or_default()
    );
}
