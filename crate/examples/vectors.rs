//! Fills in (or, with --check, verifies) the `expect` of every case in test/vectors/*.json from
//! this crate's own behaviour. Expectations are never typed by hand. A file with a top-level
//! `"direction": "server"` is read as server events, any other as client events; the files in
//! test/vectors/ga/ say `"protocol": "ga"` and are read with the GA crate (0.31.2), the others
//! with the beta crate (0.29.5). Each file must be in its protocol's directory, so that the beta
//! readers of test/vectors/*.json never meet a GA case.
//!
//!     cargo run -p realtime-codec --example vectors            # rewrite
//!     cargo run -p realtime-codec --example vectors -- --check # exit 1 on drift

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use realtime_codec::vectors::{expectation_in, Direction, Protocol};
use serde_json::Value;

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../test/vectors");
    let mut files: Vec<(PathBuf, Protocol)> = Vec::new();
    for (dir, protocol) in [(dir.clone(), Protocol::Beta), (dir.join("ga"), Protocol::Ga)] {
        let mut found: Vec<PathBuf> = match std::fs::read_dir(&dir) {
            Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(err) => {
                eprintln!("cannot read {}: {err}", dir.display());
                return ExitCode::FAILURE;
            }
        };
        found.retain(|p| p.is_file() && p.extension().is_some_and(|e| e == "json"));
        found.sort();
        files.extend(found.into_iter().map(|p| (p, protocol)));
    }
    let (mut client, mut server, mut drifted) = (0usize, 0usize, 0usize);
    let mut ga = 0usize;
    for (file, in_dir) in files {
        let text = match std::fs::read_to_string(&file) {
            Ok(text) => text,
            Err(err) => {
                eprintln!("{}: {err}", file.display());
                return ExitCode::FAILURE;
            }
        };
        let mut doc: Value = match serde_json::from_str(&text) {
            Ok(doc) => doc,
            Err(err) => {
                eprintln!("{}: {err}", file.display());
                return ExitCode::FAILURE;
            }
        };
        let direction = match Direction::of(&doc) {
            Ok(direction) => direction,
            Err(err) => {
                eprintln!("{}: {err}", file.display());
                return ExitCode::FAILURE;
            }
        };
        match Protocol::of(&doc) {
            Ok(protocol) if protocol == in_dir => {}
            Ok(protocol) => {
                eprintln!(
                    "{}: \"protocol\" is {}, but the file is in the {} directory",
                    file.display(),
                    protocol.as_str(),
                    in_dir.as_str()
                );
                return ExitCode::FAILURE;
            }
            Err(err) => {
                eprintln!("{}: {err}", file.display());
                return ExitCode::FAILURE;
            }
        }
        let Some(list) = doc.get_mut("cases").and_then(Value::as_array_mut) else {
            eprintln!("{}: no \"cases\" array", file.display());
            return ExitCode::FAILURE;
        };
        for case in list.iter_mut() {
            match (in_dir, direction) {
                (Protocol::Ga, _) => ga += 1,
                (Protocol::Beta, Direction::Client) => client += 1,
                (Protocol::Beta, Direction::Server) => server += 1,
            }
            let Some(input) = case.get("input").and_then(Value::as_str).map(str::to_owned) else {
                eprintln!("{}: a case has no string \"input\"", file.display());
                return ExitCode::FAILURE;
            };
            let want = expectation_in(&input, in_dir, direction);
            if case.get("expect") != Some(&want) {
                drifted += 1;
                if check {
                    eprintln!("drift: {} / {}", file.display(), case["name"]);
                }
                case["expect"] = want;
            }
        }
        if !check {
            let out = render(&doc);
            if out != text {
                if let Err(err) = std::fs::write(&file, out) {
                    eprintln!("{}: {err}", file.display());
                    return ExitCode::FAILURE;
                }
                println!("updated {}", file.display());
            }
        }
    }
    println!(
        "{} cases ({client} client, {server} server, {ga} GA), {drifted} {}",
        client + server + ga,
        if check { "drifted" } else { "updated" }
    );
    if check && drifted > 0 {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

/// Pretty JSON with each case's members in reading order: name, input, any notes, then expect.
fn render(doc: &Value) -> String {
    let json = |v: &Value| serde_json::to_string(v).unwrap_or_default();
    let mut out = String::from("{\n");
    if let Some(description) = doc.get("description") {
        out += &format!("  \"description\": {},\n", json(description));
    }
    if let Some(direction) = doc.get("direction") {
        out += &format!("  \"direction\": {},\n", json(direction));
    }
    if let Some(protocol) = doc.get("protocol") {
        out += &format!("  \"protocol\": {},\n", json(protocol));
    }
    out += "  \"cases\": [\n";
    let cases = doc["cases"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    for (i, case) in cases.iter().enumerate() {
        let mut keys: Vec<&String> = case
            .as_object()
            .map(|m| m.keys().collect())
            .unwrap_or_default();
        let rank = |k: &str| match k {
            "name" => 0,
            "input" => 1,
            "expect" => 3,
            _ => 2,
        };
        keys.sort_by_key(|k| rank(k));
        let members: Vec<String> = keys
            .iter()
            .map(|k| format!("\"{k}\": {}", json(&case[k.as_str()])))
            .collect();
        out += &format!("    {{\n      {}\n    }}", members.join(",\n      "));
        out += if i + 1 < cases.len() { ",\n" } else { "\n" };
    }
    out += "  ]\n}\n";
    out
}
