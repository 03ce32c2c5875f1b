//! The wire facts the TypeScript types and the docs rely on, asserted directly against the crate
//! (independently of the generated vectors).

use realtime_codec::{
    canonicalize, decode_str, encode, event_type, ClientEvent, ErrorCode, Limits, EVENT_TYPES,
};

fn canon(input: &str) -> String {
    canonicalize(input.as_bytes(), &Limits::default()).unwrap_or_else(|e| panic!("{input}: {e}"))
}

fn fails(input: &str) -> realtime_codec::CodecError {
    match canonicalize(input.as_bytes(), &Limits::default()) {
        Ok(out) => panic!("{input} was accepted as {out}"),
        Err(err) => err,
    }
}

#[test]
fn nine_tags_round_trip() {
    for tag in EVENT_TYPES {
        let input = match tag {
            "session.update" => format!(r#"{{"type":"{tag}","session":{{}}}}"#),
            "input_audio_buffer.append" => format!(r#"{{"type":"{tag}","audio":""}}"#),
            "conversation.item.create" => format!(r#"{{"type":"{tag}","item":{{}}}}"#),
            "conversation.item.truncate" => {
                format!(r#"{{"type":"{tag}","item_id":"i","content_index":0,"audio_end_ms":0}}"#)
            }
            "conversation.item.delete" => format!(r#"{{"type":"{tag}","item_id":"i"}}"#),
            _ => format!(r#"{{"type":"{tag}"}}"#),
        };
        let event: ClientEvent = decode_str(&input, &Limits::default()).expect(tag);
        assert_eq!(event_type(&event), tag);
        assert!(encode(&event)
            .expect("encodes")
            .starts_with(&format!(r#"{{"type":"{tag}""#)));
    }
}

#[test]
fn response_create_always_writes_response() {
    assert_eq!(
        canon(r#"{"type":"response.create"}"#),
        r#"{"type":"response.create","response":null}"#
    );
    assert_eq!(
        canon(r#"{"type":"response.cancel","event_id":null}"#),
        r#"{"type":"response.cancel"}"#
    );
}

#[test]
fn floats_are_f32() {
    assert_eq!(
        canon(r#"{"type":"session.update","session":{"temperature":0.123456789}}"#),
        r#"{"type":"session.update","session":{"temperature":0.12345679}}"#
    );
    assert_eq!(
        canon(r#"{"type":"session.update","session":{"temperature":1}}"#),
        r#"{"type":"session.update","session":{"temperature":1.0}}"#
    );
}

#[test]
fn closed_enums_use_the_crate_spelling() {
    canon(r#"{"type":"session.update","session":{"input_audio_format":"g711_law"}}"#);
    let err = fails(r#"{"type":"session.update","session":{"input_audio_format":"g711_ulaw"}}"#);
    assert_eq!(err.code, ErrorCode::InvalidValue);
    assert_eq!(err.path, "/session/input_audio_format");
    assert_eq!(err.expected_values, ["pcm16", "g711_law", "g711_alaw"]);
}

#[test]
fn unknown_tags_name_the_nine() {
    let err = fails(r#"{"type":"conversation.item.retrieve","item_id":"x"}"#);
    assert_eq!(err.code, ErrorCode::UnknownEventType);
    assert_eq!(err.path, "/type");
    assert_eq!(err.expected_values, EVENT_TYPES);
    assert_eq!((err.line, err.column), (1, 9));
}

#[test]
fn parameters_keys_are_sorted() {
    assert_eq!(
        canon(
            r#"{"type":"session.update","session":{"tools":[{"type":"function","name":"f","description":"d","parameters":{"b":1,"a":2}}]}}"#
        ),
        r#"{"type":"session.update","session":{"tools":[{"type":"function","name":"f","description":"d","parameters":{"a":2,"b":1}}]}}"#
    );
}

#[test]
fn errors_inside_buffered_enums_are_located() {
    let input = "{\"type\":\"session.update\",\n \"session\": {\"turn_detection\": {\"type\": \"server_vad\",\n  \"threshold\": 0.5, \"prefix_padding_ms\": -3, \"silence_duration_ms\": 1}}}";
    let err = fails(input);
    assert_eq!(err.code, ErrorCode::OutOfRange);
    assert_eq!(err.path, "/session/turn_detection/prefix_padding_ms");
    assert_eq!((err.line, err.column), (3, 42));
    assert_eq!(err.expected.as_deref(), Some("u32"));
    assert_eq!(err.received.as_deref(), Some("integer `-3`"));
}

#[test]
fn too_large_is_checked_before_parsing() {
    let limits = Limits {
        max_input_bytes: 10,
        ..Limits::default()
    };
    let err = canonicalize(b"{\"type\":\"response.cancel\"}", &limits).expect_err("limit");
    assert_eq!(err.code, ErrorCode::TooLarge);
    assert!(canonicalize(b"  {}  ", &limits).is_err());
    assert_eq!(
        canonicalize(b"{\"type\":\"response.cancel\"}", &Limits::default()).as_deref(),
        Ok("{\"type\":\"response.cancel\"}")
    );
}

#[test]
fn invalid_utf8_bytes_are_rejected_not_replaced() {
    let err = canonicalize(
        b"{\"type\":\"response.cancel\",\"event_id\":\"\xff\"}",
        &Limits::default(),
    )
    .expect_err("bad utf8");
    assert_eq!(err.code, ErrorCode::InvalidUnicode);
    assert_eq!(err.path, "/event_id");
}

#[test]
fn arbitrary_bytes_never_panic() {
    // A cheap deterministic sweep (the fuzz targets go further): every prefix of a rich event and
    // a byte-flipped copy of each must give Ok or Err, never a panic.
    let event = br#"{"type":"session.update","event_id":"e","session":{"voice":"ash","turn_detection":{"type":"server_vad","threshold":0.5,"prefix_padding_ms":1,"silence_duration_ms":2},"tools":[{"type":"function","name":"f","description":"d","parameters":{"a":[1,{"b":null}]}}],"tool_choice":{"type":"function","name":"f"},"max_response_output_tokens":"inf"}}"#;
    for end in 0..=event.len() {
        let _ = canonicalize(&event[..end], &Limits::default());
        for flip in [b'"', b'{', b'}', b'[', b',', b':', b'\\', 0xff, b'9'] {
            let mut bad = event.to_vec();
            if end < bad.len() {
                bad[end] = flip;
                let _ = canonicalize(&bad, &Limits::default());
            }
        }
    }
}

#[test]
fn nesting_depth_is_bounded_and_configurable() {
    let nested = |containers: usize| {
        let inner = containers - 1; // the event object is the first container
        format!(
            r#"{{"type":"response.cancel","x":{}{}}}"#,
            "[".repeat(inner),
            "]".repeat(inner)
        )
    };
    let default = Limits::default();
    // serde_json's own limit: 127 containers pass, 128 do not.
    assert!(canonicalize(nested(127).as_bytes(), &default).is_ok());
    assert_eq!(
        canonicalize(nested(128).as_bytes(), &default).map_err(|e| e.code),
        Err(ErrorCode::TooDeep)
    );
    assert_eq!(realtime_codec::MAX_DEPTH, 127);
    // A lower limit, checked before parsing, with the path of the first container too deep.
    let three = Limits {
        max_depth: 3,
        ..Limits::default()
    };
    assert!(canonicalize(nested(3).as_bytes(), &three).is_ok());
    let err = canonicalize(nested(4).as_bytes(), &three).expect_err("too deep");
    assert_eq!(
        (err.code, err.path.as_str(), err.line, err.column),
        (ErrorCode::TooDeep, "/x/0/0", 1, 33)
    );
    // Brackets inside strings do not count.
    let strings = r#"{"type":"response.cancel","event_id":"[[[[{{{{\"[["}"#;
    assert!(canonicalize(
        strings.as_bytes(),
        &Limits {
            max_depth: 1,
            ..Limits::default()
        }
    )
    .is_ok());
}

#[test]
fn a_syntax_error_before_the_depth_limit_wins() {
    let two = Limits {
        max_depth: 2,
        ..Limits::default()
    };
    let err = canonicalize(br#"{"type":"input_audio_buffer.commit",,"x":[[1]]}"#, &two)
        .expect_err("syntax");
    assert_eq!((err.code, err.column), (ErrorCode::Syntax, 37));
    let err = canonicalize(br#"{"type":"input_audio_buffer.commit","x":[[1]],}"#, &two)
        .expect_err("too deep");
    assert_eq!(err.code, ErrorCode::TooDeep);
}

#[test]
fn append_fast_path_rejects_every_byte_that_needs_serde() {
    // Each byte at each position of an 8-byte chunk and of the remainder: the fast path may only
    // take plain printable ASCII; anything else must give serde's own answer.
    use realtime_codec::canonicalize_if_changed;
    let limits = Limits::default();
    for byte in 0u8..=255 {
        for at in [0usize, 3, 7, 8, 12, 16, 17] {
            let mut audio = vec![b'A'; 18];
            audio[at] = byte;
            let mut input = br#"{"type":"input_audio_buffer.append","audio":""#.to_vec();
            input.extend_from_slice(&audio);
            input.extend_from_slice(b"\"}");
            let serde = canonicalize(&input, &limits)
                .map(|c| (c.as_bytes() != input.as_slice()).then_some(c));
            assert_eq!(
                canonicalize_if_changed(&input, &limits),
                serde,
                "byte {byte:#04x} at {at}"
            );
        }
    }
}
