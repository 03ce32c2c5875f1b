//! The crate's own `diff`, run natively, for test/diff.test.ts: the TypeScript `diff` (ts/diff.ts,
//! over the canonical text the WebAssembly module writes) must give the same answer, byte for byte.
//!
//!     cargo run -p realtime-codec --example diff < cases.jsonl
//!
//! Each input line is `{"protocol": "beta" | "ga", "direction": "client" | "server", "hex": "..."}`
//! (the input's bytes, in hex: any bytes, not only UTF-8). Each output line is what the package's
//! `diff` returns, in the layout the WebAssembly modules wrote before `diff` moved to TypeScript,
//! `{"canonical": "...", "differences": [...]}` (keys sorted, as `serde_json::json!` writes them),
//! or `{"error": "<code>"}`.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use realtime_codec::{
    diff_as, ClientEvent, Difference, Limits, RealtimeClientEvent, RealtimeServerEvent, ServerEvent,
};
use serde_json::{json, Value};

fn main() -> ExitCode {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    for (n, line) in stdin.lock().lines().enumerate() {
        let answer = match line.map_err(|e| e.to_string()).and_then(|l| answer(&l)) {
            Ok(answer) => answer,
            Err(err) => {
                eprintln!("line {}: {err}", n + 1);
                return ExitCode::FAILURE;
            }
        };
        if writeln!(out, "{answer}").is_err() {
            return ExitCode::FAILURE;
        }
    }
    if out.flush().is_err() {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn answer(line: &str) -> Result<String, String> {
    let case: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let field = |name: &str| case[name].as_str().ok_or(format!("no {name}"));
    let input = unhex(field("hex")?)?;
    let limits = Limits::default();
    let result = match (field("protocol")?, field("direction")?) {
        ("beta", "client") => diff_as::<ClientEvent>(&input, &limits),
        ("beta", "server") => diff_as::<ServerEvent>(&input, &limits),
        ("ga", "client") => diff_as::<RealtimeClientEvent>(&input, &limits),
        ("ga", "server") => diff_as::<RealtimeServerEvent>(&input, &limits),
        (p, d) => return Err(format!("no {p} {d} root")),
    };
    let value = match result {
        Err(err) => json!({ "error": err.code.as_str() }),
        Ok((canonical, differences)) => {
            let differences: Vec<Value> = differences.into_iter().map(difference).collect();
            json!({ "canonical": canonical, "differences": differences })
        }
    };
    serde_json::to_string(&value).map_err(|e| e.to_string())
}

fn difference(d: Difference) -> Value {
    match d {
        Difference::Dropped { path, value } => {
            json!({ "kind": "dropped", "path": path, "value": value })
        }
        Difference::Added { path, value } => {
            json!({ "kind": "added", "path": path, "value": value })
        }
        Difference::Changed { path, from, to } => {
            json!({ "kind": "changed", "path": path, "from": from, "to": to })
        }
        Difference::Reordered { path, from, to } => {
            json!({ "kind": "reordered", "path": path, "from": from, "to": to })
        }
    }
}

fn unhex(hex: &str) -> Result<Vec<u8>, String> {
    if !hex.len().is_multiple_of(2) {
        return Err("odd hex".into());
    }
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).map_err(|e| e.to_string()))
        .collect()
}
