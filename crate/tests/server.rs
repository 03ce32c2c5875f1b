//! Server events through the one generic code path (`Root`), natively: the recorded-style beta
//! session in examples/beta-session.jsonl, split by direction, and located errors inside server
//! events (the descent reads the shape table's server rows).

use realtime_codec::{
    canonicalize_as, decode_as, validate_index_as, ClientEvent, ErrorCode, Limits, Root,
    ServerEvent, EVENT_TYPES, SERVER_EVENT_TYPES,
};

fn lines() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/beta-session.jsonl"
    );
    std::fs::read_to_string(path)
        .expect("examples/beta-session.jsonl (node scripts/make-session.mjs)")
        .lines()
        .map(str::to_owned)
        .collect()
}

fn type_of(line: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(line).expect("JSON");
    v["type"].as_str().expect("a type").to_owned()
}

#[test]
fn the_two_tag_lists_are_disjoint_and_name_their_roots() {
    assert_eq!(<ClientEvent as Root>::TYPES, EVENT_TYPES);
    assert_eq!(<ServerEvent as Root>::TYPES, SERVER_EVENT_TYPES);
    assert!(EVENT_TYPES.iter().all(|t| !SERVER_EVENT_TYPES.contains(t)));
}

#[test]
fn the_recorded_session_decodes_as_the_crate_reads_it() {
    let limits = Limits::default();
    let (mut client, mut server, mut refused) = (0, 0, Vec::new());
    for line in lines() {
        let t = type_of(&line);
        if EVENT_TYPES.contains(&t.as_str()) {
            client += 1;
            canonicalize_as::<ClientEvent>(line.as_bytes(), &limits)
                .expect("client events are valid");
            continue;
        }
        assert!(
            SERVER_EVENT_TYPES.contains(&t.as_str()),
            "{t} is in neither list"
        );
        server += 1;
        match canonicalize_as::<ServerEvent>(line.as_bytes(), &limits) {
            Ok(canonical) => {
                // The canonical text is a fixed point, and validate agrees on the type.
                assert_eq!(
                    canonicalize_as::<ServerEvent>(canonical.as_bytes(), &limits).as_ref(),
                    Ok(&canonical)
                );
                let index =
                    validate_index_as::<ServerEvent>(line.as_bytes(), &limits).expect("valid");
                assert_eq!(SERVER_EVENT_TYPES[index], t);
            }
            Err(err) => refused.push((t, err.code, err.path)),
        }
    }
    assert!(
        client > 30 && server > 150,
        "{client} client and {server} server events"
    );
    // The one real-traffic shape the crate refuses here: the first commit of a conversation has
    // no previous item, which the service sends as null and the crate requires as a string.
    assert_eq!(
        refused,
        vec![(
            "input_audio_buffer.committed".to_owned(),
            ErrorCode::InvalidType,
            "/previous_item_id".to_owned()
        )]
    );
}

#[test]
fn errors_inside_server_events_are_located() {
    let limits = Limits::default();
    let cases: &[(&str, ErrorCode, &str)] = &[
        (
            r#"{"type":"response.done","event_id":"e","response":{"id":"r","object":"realtime.response","status":"failed","status_details":{"type":"failed","error":{"code":null,"message":"x"}},"output":[],"usage":null}}"#,
            ErrorCode::InvalidType,
            "/response/status_details/error/code",
        ),
        (
            r#"{"type":"response.content_part.added","event_id":"e","response_id":"r","item_id":"i","output_index":0,"content_index":0,"part":{"type":"audio"}}"#,
            ErrorCode::MissingField,
            "/part/transcript",
        ),
        (
            r#"{"type":"rate_limits.updated","event_id":"e","rate_limits":[{"name":"a","limit":1,"remaining":1,"reset_seconds":1},{"name":"b","limit":-1,"remaining":1,"reset_seconds":1}]}"#,
            ErrorCode::OutOfRange,
            "/rate_limits/1/limit",
        ),
        (
            r#"{"type":"session.created","event_id":"e","session":{"voice":"sage"}}"#,
            ErrorCode::InvalidValue,
            "/session/voice",
        ),
        (
            r#"{"type":"response.audio.delta","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":""}"#,
            ErrorCode::MissingField,
            "/event_id",
        ),
        (
            r#"{"type":"output_audio_buffer.started","event_id":"e"}"#,
            ErrorCode::UnknownEventType,
            "/type",
        ),
        (
            r#"{"type":"conversation.item.input_audio_transcription.delta","event_id":"e","item_id":"i","content_index":0,"delta":"x","logprobs":[{"bytes":[256],"logprob":-0.1,"token":"x"}]}"#,
            ErrorCode::OutOfRange,
            "/logprobs/0/bytes/0",
        ),
    ];
    for (input, code, path) in cases {
        let err = decode_as::<ServerEvent>(input.as_bytes(), &limits).expect_err(input);
        assert_eq!(
            (err.code, err.path.as_str()),
            (*code, *path),
            "{input}: {}",
            err.message
        );
        assert!(err.line > 0 && err.column > 0, "{input}: no position");
    }
}
