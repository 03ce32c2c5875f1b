//! Turns a serde_json error into a located [`CodecError`](crate::CodecError).
//!
//! serde buffers internally tagged enums (`ClientEvent`, `TurnDetection`, `ToolDefinition`) and
//! untagged ones before it looks at their fields, so its errors carry no path and only the position
//! where the buffered object ended. This module recovers the exact place, on the error path only:
//!
//! 1. syntax errors: re-read the input with a visitor that tracks the path the parser was in. A
//!    document that is not JSON gets its syntax error even where serde stopped at a data error
//!    first (it reads `[1,` as a bad tag before it sees the rest): syntax errors take precedence;
//! 2. duplicate members (serde's own "duplicate field `k`"): find the first repeat of `k`;
//! 3. other data errors: parse the input into a `serde_json::Value` (keeping the first of any
//!    repeated member, as serde's struct visitors do) and ask the crate's own types, from the root
//!    down, which sub-value they reject (serde still decides validity; the rules in `descent.rs`
//!    only say which Rust type sits under which key, so that the descent can stop at the deepest failing
//!    value); then find that value's line/column in the text. Where several values fail, the one
//!    whose error is serde's own message wins, so the report names what serde stopped at.
//!
//! The cost is paid only by invalid input, and stays linear in its size: a failing list is
//! bisected (its elements are independent) rather than checked element by element.
//!
//! One file per concern:
//! - `explain.rs` builds the error: which path, line and column, with what message;
//! - `descent.rs` walks the crate's types from the root down (step 3's rules, self-contained);
//! - `positions.rs` re-reads the text to find a path's line and column, or the path where the
//!   parser stopped.
//!
//! Which code each message gets is decided in `error/codes.rs`.

mod descent;
mod explain;
mod positions;

pub(crate) use explain::{explain, too_deep};

use crate::error::pointer_segment;

/// serde_json's Display appends " at line L column C"; the position is reported separately.
fn bare_message(err: &serde_json::Error) -> String {
    let text = err.to_string();
    if err.line() == 0 {
        return text;
    }
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    text.strip_suffix(&suffix)
        .map(str::to_owned)
        .unwrap_or(text)
}

fn pointer(path: &[String]) -> String {
    path.iter()
        .map(|segment| format!("/{}", pointer_segment(segment)))
        .collect()
}
