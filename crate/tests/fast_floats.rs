//! The float rule of decode's JavaScript fast path (ts/fast.ts), checked against serde_json for
//! every number it covers: a decimal with at most 6 significant digits and at most 8 decimals,
//! with a magnitude from 1e-4 to 1e6, written plainly (`0.25`, `12.5`; `3.0` or `3` when whole).
//! For each, the crate's f32 members and serde_json::Value must write back the same decimal, so
//! the value JavaScript parsed from the text is the value the Rust path returns.
//!
//! About 7.3 million decimals, each signed both ways (about 14 s in a debug build here); a sample
//! also goes through a whole event.

use realtime_codec::{canonicalize, Limits};

/// Every covered decimal: mantissa `m` (no trailing zero when it has decimals) over 10^`k`.
fn covered(mut each: impl FnMut(&str, bool)) -> usize {
    let mut count = 0;
    let mut text = String::with_capacity(24);
    for k in 0..=8u32 {
        for m in 1..1_000_000u64 {
            if k > 0 && m % 10 == 0 {
                continue; // not the plain spelling: 0.50 is written 0.5
            }
            // m / 10^k >= 1e-4  <=>  m >= 10^(k-4)
            if k >= 4 && m < 10u64.pow(k - 4) {
                continue;
            }
            text.clear();
            let digits = m.to_string();
            let k = k as usize;
            if k == 0 {
                text.push_str(&digits);
            } else if digits.len() > k {
                text.push_str(&digits[..digits.len() - k]);
                text.push('.');
                text.push_str(&digits[digits.len() - k..]);
            } else {
                text.push_str("0.");
                text.extend(std::iter::repeat_n('0', k - digits.len()));
                text.push_str(&digits);
            }
            each(&text, k == 0);
            count += 1;
        }
    }
    count
}

fn assert_none(failures: &[String]) {
    let first = &failures[..failures.len().min(5)];
    assert!(
        failures.is_empty(),
        "{} failures, first: {first:?}",
        failures.len()
    );
}

#[test]
fn f32_members_write_back_every_covered_decimal() {
    let mut failures = Vec::new();
    let count = covered(|text, whole| {
        for sign in ["", "-"] {
            let input = format!("{sign}{text}");
            let value: f32 = match serde_json::from_str(&input) {
                Ok(v) => v,
                Err(e) => return failures.push(format!("{input}: {e}")),
            };
            let written = serde_json::to_string(&value).unwrap_or_default();
            let expected = if whole {
                format!("{input}.0")
            } else {
                input.clone()
            };
            if written != expected {
                failures.push(format!("{input} -> {written}"));
            }
            if whole {
                // JavaScript writes a whole f32 without `.0`: read as the same f32.
                let spelled: Result<f32, _> = serde_json::from_str(&expected);
                if spelled.ok() != Some(value) {
                    failures.push(format!("{expected} reads differently from {input}"));
                }
            }
        }
    });
    assert!(count > 7_000_000, "only {count} decimals covered");
    assert_none(&failures);
}

#[test]
fn value_floats_write_back_every_covered_decimal() {
    let mut failures = Vec::new();
    covered(|text, whole| {
        if whole {
            return; // integers in parameters are written as integers, not floats
        }
        let value: serde_json::Value = match serde_json::from_str(text) {
            Ok(v) => v,
            Err(e) => return failures.push(format!("{text}: {e}")),
        };
        let written = serde_json::to_string(&value).unwrap_or_default();
        if written != text {
            failures.push(format!("{text} -> {written}"));
        }
    });
    assert_none(&failures);
}

#[test]
fn whole_events_agree_on_a_sample() {
    // The crate reads f32 members through serde's buffered internally tagged enum: a sample of the
    // covered decimals through a whole event, as temperature and as threshold.
    let limits = Limits::default();
    let mut n = 0;
    covered(|text, whole| {
        n += 1;
        if n % 97 != 0 {
            return;
        }
        let written = if whole {
            format!("{text}.0")
        } else {
            text.to_string()
        };
        for template in [
            r#"{"type":"session.update","session":{"temperature":X}}"#,
            r#"{"type":"session.update","session":{"turn_detection":{"type":"server_vad","threshold":X,"prefix_padding_ms":1,"silence_duration_ms":1}}}"#,
        ] {
            let out = canonicalize(template.replace('X', text).as_bytes(), &limits);
            assert_eq!(out.ok(), Some(template.replace('X', &written)), "{text}");
        }
    });
}
