//! Property tests (proptest), natively: generated valid events of every variant and nested type
//! are accepted, their canonical text is a fixed point, and byte-level mutations never panic.
//! proptest prints the failing case and keeps it in proptest-regressions/.

use proptest::prelude::*;
use realtime_codec::{canonicalize, canonicalize_if_changed, Limits};
use serde_json::{json, Value};

fn text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "[a-z ]{0,12}"]
}

fn nullable<T: Strategy<Value = Value>>(s: T) -> impl Strategy<Value = Option<Value>> {
    prop_oneof![3 => s.prop_map(Some), 1 => Just(Some(Value::Null)), 2 => Just(None)]
}

fn object(members: Vec<(&'static str, Option<Value>)>) -> Value {
    Value::Object(
        members
            .into_iter()
            .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
            .collect(),
    )
}

fn one_of(values: &'static [&'static str]) -> impl Strategy<Value = Value> {
    proptest::sample::select(values).prop_map(|v| json!(v))
}

fn f32_value() -> impl Strategy<Value = Value> {
    any::<f32>()
        .prop_filter("finite", |x| x.is_finite())
        .prop_map(|x| json!(x))
}

/// JSON without non-integer numbers (serde_json's default float parser may read a float one ulp
/// off: a crate quirk the vectors pin).
fn parameters() -> impl Strategy<Value = Value> {
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
}

fn session() -> impl Strategy<Value = Value> {
    let vad = prop_oneof![
        (
            f32_value(),
            any::<u32>(),
            any::<u32>(),
            nullable(any::<bool>().prop_map(Value::from))
        )
            .prop_map(|(t, p, s, c)| object(vec![
                ("type", Some(json!("server_vad"))),
                ("threshold", Some(t)),
                ("prefix_padding_ms", Some(json!(p))),
                ("silence_duration_ms", Some(json!(s))),
                ("create_response", c),
            ])),
        (text(), nullable(any::<bool>().prop_map(Value::from))).prop_map(|(e, i)| object(vec![
            ("type", Some(json!("semantic_vad"))),
            ("eagerness", Some(json!(e))),
            ("interrupt_response", i)
        ])),
    ];
    let tool = (text(), text(), parameters()).prop_map(
        |(n, d, p)| json!({"type": "function", "name": n, "description": d, "parameters": p}),
    );
    let choice = prop_oneof![
        one_of(&["auto", "none", "required"]),
        text().prop_map(|n| json!({"type": "function", "name": n}))
    ];
    let tokens = prop_oneof![Just(json!("inf")), any::<u16>().prop_map(|n| json!(n))];
    (
        (
            nullable(text().prop_map(Value::from)),
            nullable(prop::collection::vec(text(), 0..3).prop_map(|v| json!(v))),
            nullable(text().prop_map(Value::from)),
        ),
        (
            nullable(one_of(&[
                "alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "shimmer",
                "verse",
            ])),
            nullable(one_of(&["pcm16", "g711_law", "g711_alaw"])),
            nullable(one_of(&["pcm16", "g711_law", "g711_alaw"])),
        ),
        (
            nullable(text().prop_map(|m| json!({"model": m}))),
            nullable(vad),
            nullable(prop::collection::vec(tool, 0..2).prop_map(Value::Array)),
        ),
        (nullable(choice), nullable(f32_value()), nullable(tokens)),
    )
        .prop_map(
            |(
                (model, modalities, instructions),
                (voice, input, output),
                (transcription, vad, tools),
                (choice, temperature, tokens),
            )| {
                object(vec![
                    ("model", model),
                    ("modalities", modalities),
                    ("instructions", instructions),
                    ("voice", voice),
                    ("input_audio_format", input),
                    ("output_audio_format", output),
                    ("input_audio_transcription", transcription),
                    ("turn_detection", vad),
                    ("tools", tools),
                    ("tool_choice", choice),
                    ("temperature", temperature),
                    ("max_response_output_tokens", tokens),
                ])
            },
        )
}

fn item() -> impl Strategy<Value = Value> {
    let content = (
        one_of(&["input_text", "input_audio", "text", "audio"]),
        nullable(text().prop_map(Value::from)),
        nullable(text().prop_map(Value::from)),
    )
        .prop_map(|(t, text, transcript)| {
            object(vec![
                ("type", Some(t)),
                ("text", text),
                ("transcript", transcript),
            ])
        });
    (
        nullable(text().prop_map(Value::from)),
        nullable(one_of(&[
            "message",
            "function_call",
            "function_call_output",
        ])),
        nullable(one_of(&["completed", "in_progress", "incomplete"])),
        nullable(one_of(&["user", "assistant", "system"])),
        nullable(prop::collection::vec(content, 0..3).prop_map(Value::Array)),
        nullable(text().prop_map(Value::from)),
    )
        .prop_map(|(id, t, status, role, content, output)| {
            object(vec![
                ("id", id),
                ("type", t),
                ("status", status),
                ("role", role),
                ("content", content),
                ("output", output),
            ])
        })
}

fn event() -> impl Strategy<Value = Value> {
    let id = || nullable(text().prop_map(Value::from));
    prop_oneof![
        (id(), session()).prop_map(|(e, s)| object(vec![
            ("type", Some(json!("session.update"))),
            ("event_id", e),
            ("session", Some(s))
        ])),
        (id(), "[A-Za-z0-9+/]{0,64}").prop_map(|(e, a)| object(vec![
            ("type", Some(json!("input_audio_buffer.append"))),
            ("event_id", e),
            ("audio", Some(json!(a)))
        ])),
        id().prop_map(|e| object(vec![
            ("type", Some(json!("input_audio_buffer.commit"))),
            ("event_id", e)
        ])),
        id().prop_map(|e| object(vec![
            ("type", Some(json!("input_audio_buffer.clear"))),
            ("event_id", e)
        ])),
        (id(), id(), item()).prop_map(|(e, p, i)| object(vec![
            ("type", Some(json!("conversation.item.create"))),
            ("event_id", e),
            ("previous_item_id", p),
            ("item", Some(i))
        ])),
        (id(), text(), any::<u32>(), any::<u32>()).prop_map(|(e, i, c, a)| object(vec![
            ("type", Some(json!("conversation.item.truncate"))),
            ("event_id", e),
            ("item_id", Some(json!(i))),
            ("content_index", Some(json!(c))),
            ("audio_end_ms", Some(json!(a))),
        ])),
        (id(), text()).prop_map(|(e, i)| object(vec![
            ("type", Some(json!("conversation.item.delete"))),
            ("event_id", e),
            ("item_id", Some(json!(i)))
        ])),
        (id(), nullable(session())).prop_map(|(e, r)| object(vec![
            ("type", Some(json!("response.create"))),
            ("event_id", e),
            ("response", r)
        ])),
        id().prop_map(|e| object(vec![
            ("type", Some(json!("response.cancel"))),
            ("event_id", e)
        ])),
    ]
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
        let limits = Limits::default();
        let serde = canonicalize(&input, &limits);
        let fast = canonicalize_if_changed(&input, &limits);
        match (&serde, &fast) {
            (Ok(canonical), Ok(None)) => prop_assert_eq!(canonical.as_bytes(), input.as_slice()),
            (Ok(canonical), Ok(Some(text))) => {
                prop_assert_eq!(canonical, text);
                prop_assert_ne!(canonical.as_bytes(), input.as_slice());
            }
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            _ => prop_assert!(false, "serde {:?} but fast path {:?}", serde, fast),
        }
        let validated = realtime_codec::validate(&input, &limits).map_err(|e| e.code);
        prop_assert_eq!(validated, serde.map(|_| "input_audio_buffer.append").map_err(|e| e.code));
    }
}
