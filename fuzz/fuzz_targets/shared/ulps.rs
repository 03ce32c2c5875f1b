//! Shared by the roundtrip and server targets: canonical text is a fixed point up to the known
//! quirk of serde_json's default float parser, which may read a float a few ulps off.

use serde_json::Value;

/// `a` and `b` are the same JSON but for floats within 4 ulps of each other.
pub fn same_but_float_ulps(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() && y.is_f64() => {
            let (x, y) = (x.as_f64().unwrap_or(0.0), y.as_f64().unwrap_or(0.0));
            x == y || (x - y).abs() <= 4.0 * f64::EPSILON * x.abs().max(y.abs())
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same_but_float_ulps(x, y)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|((kx, vx), (ky, vy))| kx == ky && same_but_float_ulps(vx, vy))
        }
        _ => a == b,
    }
}
