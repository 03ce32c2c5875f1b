//! Property tests (proptest), natively: generated valid events of every variant and nested type
//! (generated from the shape table, crate/src/shape/) are accepted, their canonical text is a fixed point, and byte-level mutations never panic.
//! proptest prints the failing case and keeps it in proptest-regressions/.

use proptest::prelude::*;
use proptest::strategy::Union;
use realtime_codec::shape::{Def, Member, Presence, Protocol, Ty, BETA};
use realtime_codec::{canonicalize, Limits};
use serde_json::{json, Value};

fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[a-z ]{0,12}"]
}

/// An option: set, `null` or left out.
fn nullable(s: BoxedStrategy<Value>) -> BoxedStrategy<Option<Value>> {
    prop_oneof![3 => s.prop_map(Some), 1 => Just(Some(Value::Null)), 2 => Just(None)].boxed()
}

/// JSON without non-integer numbers (serde_json's default float parser may read a float one ulp
/// off: a crate quirk the vectors pin).
fn free_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        text().prop_map(Value::from)
    ];
    leaf.prop_recursive(3, 16, 3, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,4}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

/// Any value of `ty`, built from the shape table (crate/src/shape/): required members always,
/// optional ones set, `null` or left out.
fn strategy(p: &'static Protocol, ty: Ty) -> BoxedStrategy<Value> {
    match ty {
        Ty::Str => text().prop_map(Value::from).boxed(),
        Ty::Bool => any::<bool>().prop_map(Value::from).boxed(),
        Ty::U8 => any::<u8>().prop_map(Value::from).boxed(),
        Ty::U16 => any::<u16>().prop_map(Value::from).boxed(),
        Ty::U32 => any::<u32>().prop_map(Value::from).boxed(),
        Ty::F32 => any::<f32>()
            .prop_filter("finite", |x| x.is_finite())
            .prop_map(|x| json!(x))
            .boxed(),
        // Short binary fractions only (see free_json).
        Ty::F64 => (-1_000_000i32..1_000_000)
            .prop_map(|n| json!(f64::from(n) / 64.0))
            .boxed(),
        Ty::Json => free_json(),
        Ty::Literal(s) => Just(json!(s)).boxed(),
        // At most one entry: the crate writes a map in hash order, stable only for one entry.
        Ty::Map(value) => prop::collection::btree_map(text(), strategy(p, *value), 0..2)
            .prop_map(|m| Value::Object(m.into_iter().collect()))
            .boxed(),
        Ty::List(item) => prop::collection::vec(strategy(p, *item), 0..3)
            .prop_map(Value::Array)
            .boxed(),
        Ty::Ref(name) => {
            let Some(row) = p.get(name) else {
                panic!("the shape table has no {name}");
            };
            match row.def {
                Def::Enum(values) => proptest::sample::select(values)
                    .prop_map(|v| json!(v))
                    .boxed(),
                Def::Struct(members) => object(p, members, None),
                Def::Tagged { tag, variants } => {
                    Union::new(variants.iter().map(|(value, name)| {
                        let Some(Def::Struct(members)) = p.get(name).map(|r| r.def) else {
                            panic!("{name} is not a struct row");
                        };
                        object(p, members, Some((tag, value)))
                    }))
                    .boxed()
                }
                Def::Untagged(alternatives) => {
                    Union::new(alternatives.iter().map(|alt| strategy(p, *alt))).boxed()
                }
            }
        }
    }
}

fn object(
    p: &'static Protocol,
    members: &'static [Member],
    tag: Option<(&'static str, &'static str)>,
) -> BoxedStrategy<Value> {
    let values: Vec<BoxedStrategy<Option<Value>>> = members
        .iter()
        .map(|m| match m.presence {
            Presence::Required => strategy(p, m.ty).prop_map(Some).boxed(),
            Presence::Optional | Presence::Nullable => nullable(strategy(p, m.ty)),
        })
        .collect();
    values
        .prop_map(move |values| {
            let mut map = serde_json::Map::new();
            if let Some((key, value)) = tag {
                map.insert(key.to_owned(), json!(value));
            }
            for (m, v) in members.iter().zip(values) {
                if let Some(v) = v {
                    map.insert(m.name.to_owned(), v);
                }
            }
            Value::Object(map)
        })
        .boxed()
}

/// Any client event, from the table.
fn event() -> BoxedStrategy<Value> {
    strategy(&BETA, Ty::Ref(BETA.client))
}

/// Root `T`'s canonical-append scan ([`canonicalize_if_changed_as`], [`validate_index_as`])
/// against its serde path ([`canonicalize_as`]) on one input.
fn append_scan_agrees<T: realtime_codec::Root>(
    input: &[u8],
) -> Result<(), proptest::test_runner::TestCaseError> {
    use realtime_codec::{canonicalize_as, canonicalize_if_changed_as, validate_index_as};
    let limits = Limits::default();
    let serde = canonicalize_as::<T>(input, &limits);
    let fast = canonicalize_if_changed_as::<T>(input, &limits);
    match (&serde, &fast) {
        (Ok(canonical), Ok(None)) => prop_assert_eq!(canonical.as_bytes(), input),
        (Ok(canonical), Ok(Some(text))) => {
            prop_assert_eq!(canonical, text);
            prop_assert_ne!(canonical.as_bytes(), input);
        }
        (Err(a), Err(b)) => prop_assert_eq!(a, b),
        _ => prop_assert!(false, "serde {:?} but fast path {:?}", serde, fast),
    }
    let validated = validate_index_as::<T>(input, &limits)
        .map(|i| T::TYPES[i])
        .map_err(|e| e.code);
    prop_assert_eq!(
        validated,
        serde
            .map(|_| "input_audio_buffer.append")
            .map_err(|e| e.code)
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(400), ..ProptestConfig::default() })]

    #[test]
    fn generated_events_are_accepted_and_canonical_text_is_a_fixed_point(event in event()) {
        let input = serde_json::to_string(&event).expect("JSON");
        let canonical = canonicalize(input.as_bytes(), &Limits::default()).map_err(|e| TestCaseError::fail(format!("{e}\n{input}")))?;
        let again = canonicalize(canonical.as_bytes(), &Limits::default()).map_err(|e| TestCaseError::fail(format!("{e}\n{canonical}")))?;
        prop_assert_eq!(again, canonical);
    }

    #[test]
    fn mutated_bytes_never_panic(event in event(), at in any::<usize>(), byte in any::<u8>(), how in 0u8..3) {
        let mut bytes = serde_json::to_vec(&event).expect("JSON");
        let i = at % (bytes.len() + 1);
        match how {
            0 if i < bytes.len() => { bytes.remove(i); }
            1 => bytes.insert(i, byte),
            _ if i < bytes.len() => bytes[i] = byte,
            _ => {}
        }
        if let Err(err) = canonicalize(&bytes, &Limits::default()) {
            prop_assert!(err.path.is_empty() || err.path.starts_with('/'));
        }
    }
}

/// Append-shaped texts: canonical or not, plain or needing escapes, sometimes mutated.
fn append_text() -> impl Strategy<Value = Vec<u8>> {
    let string = prop_oneof![
        "[A-Za-z0-9+/=]{0,40}",
        "[ -~]{0,20}",
        any::<String>(),
        Just("\"".to_owned()),
        Just("\\".to_owned()),
        Just("\u{7f}".to_owned()),
    ];
    (
        proptest::option::of(string.clone()),
        string,
        any::<usize>(),
        any::<u8>(),
        0u8..4,
    )
        .prop_map(|(id, audio, at, byte, how)| {
            let id = id
                .map(|id| {
                    format!(
                        r#""event_id":{},"#,
                        serde_json::to_string(&id).unwrap_or_default()
                    )
                })
                .unwrap_or_default();
            let audio = serde_json::to_string(&audio).unwrap_or_default();
            let mut bytes =
                format!(r#"{{"type":"input_audio_buffer.append",{id}"audio":{audio}}}"#)
                    .into_bytes();
            let i = at % (bytes.len() + 1);
            match how {
                0 if i < bytes.len() => bytes[i] = byte,
                1 => bytes.insert(i, byte),
                2 if i < bytes.len() => {
                    bytes.remove(i);
                }
                _ => {}
            }
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(2000), ..ProptestConfig::default() })]

    /// The append fast path (no serde) agrees with the serde path, byte for byte and error for error.
    #[test]
    fn append_fast_path_agrees_with_serde(input in append_text()) {
        append_scan_agrees::<realtime_codec::ClientEvent>(&input)?;
    }

    /// The same scan answers for GA's `input_audio_buffer.append` (same tag, same layout): it
    /// agrees with GA's serde path too.
    #[test]
    fn ga_append_fast_path_agrees_with_serde(input in append_text()) {
        append_scan_agrees::<realtime_codec::RealtimeClientEvent>(&input)?;
    }
}
