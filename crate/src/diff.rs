//! How the crate's canonical form of an event differs from the input: members dropped (unknown to
//! the crate, or `null`), members added (`response: null`), values changed (f32 rounding, floats
//! serde_json reads differently) and objects whose member order changed (declaration order, sorted
//! `parameters`). The input is read in document order, keeping every member as written.

use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::error::pointer_segment;
use crate::{canonicalize_as, ClientEvent, CodecError, Limits, Root};

/// One difference between an input and its canonical form.
#[derive(Debug, Clone, PartialEq)]
pub enum Difference {
    /// A member of the input that the canonical form does not have.
    Dropped { path: String, value: String },
    /// A member the canonical form has and the input did not.
    Added { path: String, value: String },
    /// A value that reads differently (numbers compare by value: `1` and `1.0` are the same).
    Changed {
        path: String,
        from: String,
        to: String,
    },
    /// An object whose members come back in another order (`from`/`to`: the common keys).
    Reordered {
        path: String,
        from: Vec<String>,
        to: Vec<String>,
    },
}

/// The canonical text of client event `input` and how it differs from `input`. See [`diff_as`].
///
/// # Errors
/// As [`diff_as`].
pub fn diff(input: &[u8], limits: &Limits) -> Result<(String, Vec<Difference>), CodecError> {
    diff_as::<ClientEvent>(input, limits)
}

/// The canonical text of `input` (a `T`) and how it differs from `input`.
///
/// # Errors
/// As [`canonicalize_as`]: when `input` is not a valid event there is nothing to compare.
pub fn diff_as<T: Root>(
    input: &[u8],
    limits: &Limits,
) -> Result<(String, Vec<Difference>), CodecError> {
    let canonical = canonicalize_as::<T>(input, limits)?;
    let (Some(before), Some(after)) = (Node::parse(input), Node::parse(canonical.as_bytes()))
    else {
        // Both parse whenever canonicalize succeeded; report no differences rather than guess.
        return Ok((canonical, Vec::new()));
    };
    let mut out = Vec::new();
    compare(&before, &after, &mut String::new(), &mut out);
    Ok((canonical, out))
}

/// A JSON value that keeps members in document order, repeats included, and numbers as written
/// (read with Rust's exact float parser, so that a float serde_json reads one ulp off shows).
#[derive(Debug, Clone)]
enum Node {
    Null,
    Bool(bool),
    /// An integer, as written (JSON integers have one spelling, but for `-0`).
    Int(String),
    Float(f64, String),
    Str(String),
    Arr(Vec<Node>),
    Obj(Vec<(String, Node)>),
}

impl Node {
    fn parse(text: &[u8]) -> Option<Node> {
        let raw: &RawValue = serde_json::from_slice(text).ok()?;
        Node::from_raw(raw)
    }

    /// Containers are read member by member as raw text, so each number keeps its spelling.
    fn from_raw(raw: &RawValue) -> Option<Node> {
        let text = raw.get();
        match text.as_bytes().first()? {
            b'{' => {
                let members: Vec<(String, &RawValue)> =
                    serde_json::from_slice::<OrderedMembers>(text.as_bytes())
                        .ok()?
                        .0;
                members
                    .into_iter()
                    .map(|(k, v)| Some((k, Node::from_raw(v)?)))
                    .collect::<Option<_>>()
                    .map(Node::Obj)
            }
            b'[' => {
                let items: Vec<&RawValue> = serde_json::from_slice(text.as_bytes()).ok()?;
                items
                    .into_iter()
                    .map(Node::from_raw)
                    .collect::<Option<_>>()
                    .map(Node::Arr)
            }
            b'"' => serde_json::from_slice(text.as_bytes()).ok().map(Node::Str),
            b't' => Some(Node::Bool(true)),
            b'f' => Some(Node::Bool(false)),
            b'n' => Some(Node::Null),
            _ if !text.contains(['.', 'e', 'E']) => Some(Node::Int(text.to_owned())),
            _ => Some(Node::Float(text.parse().ok()?, text.to_owned())),
        }
    }

    fn same(&self, other: &Node) -> bool {
        match (self, other) {
            (Node::Null, Node::Null) => true,
            (Node::Bool(a), Node::Bool(b)) => a == b,
            (Node::Str(a), Node::Str(b)) => a == b,
            (Node::Int(a), Node::Int(b)) => integer(a) == integer(b),
            (Node::Float(a, _), Node::Float(b, _)) => a == b,
            // The same number only if the float is exactly that integer, digit for digit.
            (Node::Int(i), Node::Float(f, _)) | (Node::Float(f, _), Node::Int(i)) => {
                f.is_finite() && f.fract() == 0.0 && integer(&format!("{f:.0}")) == integer(i)
            }
            _ => false,
        }
    }

    fn is_container(&self) -> bool {
        matches!(self, Node::Arr(_) | Node::Obj(_))
    }
}

impl fmt::Display for Node {
    /// Compact JSON, members in their order.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Node::Null => f.write_str("null"),
            Node::Bool(b) => write!(f, "{b}"),
            Node::Int(text) => f.write_str(text),
            Node::Float(_, text) => f.write_str(text),
            Node::Str(s) => f.write_str(&quoted(s)),
            Node::Arr(items) => {
                f.write_str("[")?;
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{item}")?;
                }
                f.write_str("]")
            }
            Node::Obj(members) => {
                f.write_str("{")?;
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    write!(f, "{}:{value}", quoted(key))?;
                }
                f.write_str("}")
            }
        }
    }
}

fn compare(before: &Node, after: &Node, path: &mut String, out: &mut Vec<Difference>) {
    match (before, after) {
        (Node::Obj(a), Node::Obj(b)) => {
            // A reader keeps the last of repeated members: compare that one, and report the
            // earlier ones as dropped.
            let last = |key: &str| b.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v);
            let mut from: Vec<String> = Vec::new();
            for (index, (key, value)) in a.iter().enumerate() {
                let at = path.len();
                path.push('/');
                path.push_str(&pointer_segment(key));
                if a[index + 1..].iter().any(|(k, _)| k == key) {
                    out.push(Difference::Dropped {
                        path: path.clone(),
                        value: value.to_string(),
                    });
                } else {
                    from.push(key.clone());
                    match last(key) {
                        Some(theirs) => compare(value, theirs, path, out),
                        None => out.push(Difference::Dropped {
                            path: path.clone(),
                            value: value.to_string(),
                        }),
                    }
                }
                path.truncate(at);
            }
            for (key, value) in b {
                if !from.contains(key) {
                    let at = path.len();
                    path.push('/');
                    path.push_str(&pointer_segment(key));
                    out.push(Difference::Added {
                        path: path.clone(),
                        value: value.to_string(),
                    });
                    path.truncate(at);
                }
            }
            let common_before: Vec<&String> = from
                .iter()
                .filter(|k| b.iter().any(|(bk, _)| bk == *k))
                .collect();
            let common_after: Vec<&String> = b
                .iter()
                .map(|(k, _)| k)
                .filter(|k| from.contains(k))
                .collect();
            if common_before != common_after {
                out.push(Difference::Reordered {
                    path: path.clone(),
                    from: common_before.into_iter().cloned().collect(),
                    to: common_after.into_iter().cloned().collect(),
                });
            }
        }
        (Node::Arr(a), Node::Arr(b)) if a.len() == b.len() => {
            for (index, (x, y)) in a.iter().zip(b).enumerate() {
                let at = path.len();
                path.push('/');
                path.push_str(&index.to_string());
                compare(x, y, path, out);
                path.truncate(at);
            }
        }
        (x, y) if !x.is_container() && !y.is_container() && x.same(y) => {}
        (x, y) => out.push(Difference::Changed {
            path: path.clone(),
            from: x.to_string(),
            to: y.to_string(),
        }),
    }
}

/// An object's members in document order, each value as raw text.
struct OrderedMembers<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for OrderedMembers<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Members;
        impl<'de> Visitor<'de> for Members {
            type Value = OrderedMembers<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut members = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    members.push((key, map.next_value::<&'de RawValue>()?));
                }
                Ok(OrderedMembers(members))
            }
        }
        deserializer.deserialize_map(Members)
    }
}

/// A string as a JSON string literal. Through `serde_json::to_string` (the `Vec<u8>` serializer
/// that encoding already uses) rather than `Value`'s `Display`, which would build a second
/// serializer over `fmt::Write` into the wasm module; the text is the same. Writing a `str` into a
/// `Vec` cannot fail.
fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

/// An integer's digits with `-0` read as `0`.
fn integer(text: &str) -> &str {
    if text == "-0" {
        "0"
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn differences(input: &str) -> Vec<Difference> {
        diff(input.as_bytes(), &Limits::default())
            .map(|(_, d)| d)
            .unwrap_or_default()
    }

    #[test]
    fn canonical_input_has_no_differences() {
        assert!(differences(r#"{"type":"response.create","response":null}"#).is_empty());
    }

    #[test]
    fn reports_each_kind() {
        let d = differences(
            r#"{"response":{"temperature":0.123456789,"speed":1.2,"voice":"ash"},"event_id":null,"type":"response.create"}"#,
        );
        assert!(d.contains(&Difference::Dropped {
            path: "/response/speed".into(),
            value: "1.2".into()
        }));
        assert!(d.contains(&Difference::Dropped {
            path: "/event_id".into(),
            value: "null".into()
        }));
        assert!(d.contains(&Difference::Changed {
            path: "/response/temperature".into(),
            from: "0.123456789".into(),
            to: "0.12345679".into()
        }));
        assert!(d.contains(&Difference::Reordered {
            path: "".into(),
            from: vec!["response".into(), "type".into()],
            to: vec!["type".into(), "response".into()]
        }));
        assert!(d.contains(&Difference::Reordered {
            path: "/response".into(),
            from: vec!["temperature".into(), "voice".into()],
            to: vec!["voice".into(), "temperature".into()]
        }));
        let added = differences(r#"{"type":"response.create"}"#);
        assert_eq!(
            added,
            vec![Difference::Added {
                path: "/response".into(),
                value: "null".into()
            }]
        );
    }

    #[test]
    fn big_integers_and_repeats_are_not_missed() {
        let big = |n: &str| {
            differences(&format!(
                r#"{{"type":"session.update","session":{{"tools":[{{"type":"function","name":"f","description":"d","parameters":{{"b":{n}}}}}]}}}}"#
            ))
        };
        for n in [
            "100000000000000000000000000000000000000001",
            "340282366920938463463374607431768211457",
            "170141183460469231731687303715884105727",
        ] {
            let d = big(n);
            assert!(
                matches!(d.as_slice(), [Difference::Changed { from, .. }] if from == n),
                "{n}: {d:?}"
            );
        }
        assert!(big("18446744073709551615").is_empty());
        let repeats = differences(
            r#"{"type":"session.update","session":{"tools":[{"type":"function","name":"f","description":"d","parameters":{"a":1,"b":2,"a":3}}]}}"#,
        );
        assert!(
            repeats.contains(&Difference::Dropped {
                path: "/session/tools/0/parameters/a".into(),
                value: "1".into()
            }),
            "{repeats:?}"
        );
    }

    #[test]
    fn quoted_is_values_display() {
        for s in [
            "",
            "a",
            "\"\\/",
            "\u{0}\u{1f}\u{7f}",
            "\n\r\t\u{8}\u{c}",
            "é€😀",
            "\u{2028}\u{2029}",
        ] {
            assert_eq!(
                quoted(s),
                serde_json::Value::String(s.to_owned()).to_string(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn numbers_compare_by_value() {
        assert!(differences(r#"{"type":"session.update","session":{"temperature":1}}"#).is_empty());
    }
}
