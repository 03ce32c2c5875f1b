//! The GA protocol (async-openai-wasm =0.31.2) through the one generic code path (`Root`),
//! natively: every client tag, what the crate answers for the service's known shapes, located
//! errors (from the GA shape table's client rows), and the differences `diff_as` reports.

use realtime_codec::shape::GA;
use realtime_codec::{
    canonicalize_as, decode_as, diff_as, validate_index_as, ErrorCode, Limits,
    RealtimeClientEvent, RealtimeServerEvent, Root, GA_EVENT_TYPES, GA_SERVER_EVENT_TYPES,
};
use serde_json::json;

#[test]
fn the_ga_tag_lists_name_their_roots() {
    assert_eq!(<RealtimeClientEvent as Root>::TYPES, GA_EVENT_TYPES);
    assert_eq!(<RealtimeServerEvent as Root>::TYPES, GA_SERVER_EVENT_TYPES);
    assert_eq!((GA_EVENT_TYPES.len(), GA_SERVER_EVENT_TYPES.len()), (11, 43));
    assert!(GA_EVENT_TYPES
        .iter()
        .all(|t| !GA_SERVER_EVENT_TYPES.contains(t)));
    // The roots' rows are the table's.
    assert_eq!(<RealtimeClientEvent as Root>::ROW, GA.client);
    assert_eq!(Some(<RealtimeServerEvent as Root>::ROW), GA.server);
}

/// Every client tag: the table's minimal event decodes, keeps its index, and is canonical as
/// the crate writes it (a fixed point).
#[test]
fn every_ga_client_tag_decodes_at_its_index() {
    let limits = Limits::default();
    let realtime_codec::shape::Def::Tagged { tag, variants } =
        GA.get(GA.client).expect("client root").def
    else {
        panic!("the client root is not tagged");
    };
    assert_eq!(variants.len(), GA_EVENT_TYPES.len());
    for (index, (value, name)) in variants.iter().enumerate() {
        let realtime_codec::shape::Def::Struct(members) = GA.get(name).expect("row").def else {
            panic!("{name} is not a struct row");
        };
        let event = GA.minimal_struct(members, Some((tag, value))).to_string();
        let decoded: RealtimeClientEvent = decode_as(event.as_bytes(), &limits).expect(&event);
        assert_eq!(
            realtime_codec::ga_event_index(&decoded),
            index,
            "{event}"
        );
        assert_eq!(
            validate_index_as::<RealtimeClientEvent>(event.as_bytes(), &limits),
            Ok(index)
        );
        let canonical = canonicalize_as::<RealtimeClientEvent>(event.as_bytes(), &limits)
            .expect("valid");
        assert_eq!(
            canonicalize_as::<RealtimeClientEvent>(canonical.as_bytes(), &limits).as_ref(),
            Ok(&canonical)
        );
    }
}

#[test]
fn ga_client_events_canonicalize_as_the_crate_writes_them() {
    let limits = Limits::default();
    let cases = [
        (
            r#"{"event_id":"e","item_id":"i","type":"conversation.item.retrieve"}"#,
            r#"{"type":"conversation.item.retrieve","event_id":"e","item_id":"i"}"#,
        ),
        (
            r#"{"type":"response.create"}"#,
            r#"{"type":"response.create","response":null}"#,
        ),
        (
            r#"{"type":"output_audio_buffer.clear","unknown":1}"#,
            r#"{"type":"output_audio_buffer.clear"}"#,
        ),
        // Any voice string is kept (`Other`); f32 speed rounds; a nested tag is written first.
        (
            r#"{"type":"session.update","session":{"type":"realtime","audio":{"output":{"voice":"nova2","speed":1,"format":{"type":"audio/pcmu"}},"input":{"format":{"rate":24000,"type":"audio/pcm"},"turn_detection":{"type":"semantic_vad","eagerness":"low"}}}}}"#,
            r#"{"type":"session.update","session":{"type":"realtime","audio":{"input":{"format":{"type":"audio/pcm","rate":24000},"noise_reduction":null,"transcription":null,"turn_detection":{"type":"semantic_vad","eagerness":"low"}},"output":{"format":{"type":"audio/pcmu"},"speed":1.0,"voice":"nova2"}}}}"#,
        ),
        (
            r#"{"type":"conversation.item.create","item":{"role":"user","type":"message","content":[{"text":"hi","type":"input_text"}]}}"#,
            r#"{"type":"conversation.item.create","item":{"type":"message","role":"user","content":[{"type":"input_text","text":"hi"}]}}"#,
        ),
    ];
    for (input, want) in cases {
        assert_eq!(
            canonicalize_as::<RealtimeClientEvent>(input.as_bytes(), &limits).as_deref(),
            Ok(want),
            "{input}"
        );
    }
}

/// What the crate answers for shapes the GA service and SDKs use, and where the error is.
#[test]
fn ga_client_errors_are_located() {
    let limits = Limits::default();
    let cases: &[(&str, ErrorCode, &str)] = &[
        // The service's documented way to turn VAD off: `turn_detection` is not an Option.
        (
            r#"{"type":"session.update","session":{"type":"realtime","audio":{"input":{"format":{"type":"audio/pcm","rate":24000},"turn_detection":null},"output":{"format":{"type":"audio/pcm","rate":24000},"speed":1,"voice":"marin"}}}}"#,
            ErrorCode::InvalidType,
            "/session/audio/input/turn_detection",
        ),
        // A beta-shaped session: GA requires `session.type`.
        (
            r#"{"type":"session.update","session":{"modalities":["text"],"voice":"alloy"}}"#,
            ErrorCode::MissingField,
            "/session/type",
        ),
        // response.create's parameters: the crate requires `audio` (and five other members).
        (
            r#"{"type":"response.create","response":{"instructions":"x"}}"#,
            ErrorCode::MissingField,
            "/response/audio",
        ),
        (
            r#"{"type":"session.update","session":{"type":"realtime","tools":[{"type":"function","name":"f","parameters":{}}]}}"#,
            ErrorCode::MissingField,
            "/session/tools/0/description",
        ),
        (
            r#"{"type":"session.update","session":{"type":"realtime","max_output_tokens":65536}}"#,
            ErrorCode::InvalidValue,
            "/session/max_output_tokens",
        ),
        (
            r#"{"type":"conversation.item.truncate","item_id":"i","content_index":0,"audio_end_ms":-1}"#,
            ErrorCode::OutOfRange,
            "/audio_end_ms",
        ),
        // Inside a message item (tagged on `role` inside `type`) the descent goes through both
        // tags to the member, or stops at the tag that names no variant.
        (
            r#"{"type":"conversation.item.create","item":{"type":"message","role":"user","content":[{"type":"input_audio","transcript":null}]}}"#,
            ErrorCode::InvalidType,
            "/item/content/0/transcript",
        ),
        (
            r#"{"type":"conversation.item.create","item":{"type":"message","role":"developer","content":[]}}"#,
            ErrorCode::InvalidValue,
            "/item/role",
        ),
        (
            r#"{"type":"conversation.item.create","item":{"type":"message","content":[]}}"#,
            ErrorCode::MissingField,
            "/item/role",
        ),
        (
            r#"{"type":"conversation.item.created","event_id":"e","item":{}}"#,
            ErrorCode::UnknownEventType,
            "/type",
        ),
    ];
    for (input, code, path) in cases {
        let err = decode_as::<RealtimeClientEvent>(input.as_bytes(), &limits).expect_err(input);
        assert_eq!(
            (err.code, err.path.as_str()),
            (*code, *path),
            "{input}: {}",
            err.message
        );
        assert!(err.line > 0 && err.column > 0, "{input}: no position");
    }
}

/// Server events decode, canonicalize and validate through the same path, and their errors are
/// located from the table's server rows.
#[test]
fn ga_server_events_go_through_the_same_path() {
    let limits = Limits::default();
    let delta = r#"{"type":"response.output_audio_transcript.delta","event_id":"e","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"hi","obfuscation":"xyz"}"#;
    // The crate has no `obfuscation` member on this event: it is dropped.
    assert_eq!(
        canonicalize_as::<RealtimeServerEvent>(delta.as_bytes(), &limits).as_deref(),
        Ok(r#"{"type":"response.output_audio_transcript.delta","event_id":"e","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"hi"}"#)
    );
    assert_eq!(
        validate_index_as::<RealtimeServerEvent>(delta.as_bytes(), &limits),
        Ok(28)
    );
    let cases: &[(&str, ErrorCode, &str)] = &[
        // The beta name the service's docs used until 2026-09 (openai-openapi#518).
        (
            r#"{"type":"conversation.item.created","event_id":"e","previous_item_id":null,"item":{"type":"message","role":"user","content":[]}}"#,
            ErrorCode::UnknownEventType,
            "/type",
        ),
        // The service's user audio item: no `audio`, `transcript: null`.
        (
            r#"{"type":"conversation.item.added","event_id":"e","previous_item_id":null,"item":{"type":"message","role":"user","content":[{"type":"input_audio","transcript":null}]}}"#,
            ErrorCode::InvalidType,
            "/item/content/0/transcript",
        ),
        (
            r#"{"type":"rate_limits.updated","event_id":"e","rate_limits":[{"name":"requests","limit":1,"remaining":1,"reset_seconds":1},{"name":"audio","limit":1,"remaining":1,"reset_seconds":1}]}"#,
            ErrorCode::InvalidValue,
            "/rate_limits/1/name",
        ),
        (
            r#"{"type":"conversation.item.input_audio_transcription.completed","event_id":"e","item_id":"i","content_index":0,"transcript":"x"}"#,
            ErrorCode::MissingField,
            "/usage",
        ),
        // A failed response whose status error has `code: null`.
        (
            r#"{"type":"response.done","event_id":"e","response":{"id":"r","object":"realtime.response","status":"failed","status_details":{"type":"failed","error":{"code":null,"type":"x"}},"output":[],"output_modalities":["audio"],"max_output_tokens":"inf","audio":null,"usage":null}}"#,
            ErrorCode::InvalidType,
            "/response/status_details/error/code",
        ),
    ];
    for (input, code, path) in cases {
        let err = decode_as::<RealtimeServerEvent>(input.as_bytes(), &limits).expect_err(input);
        assert_eq!(
            (err.code, err.path.as_str()),
            (*code, *path),
            "{input}: {}",
            err.message
        );
    }
}

#[test]
fn diff_reports_what_the_ga_crate_changes() {
    let limits = Limits::default();
    let input = r#"{"type":"response.cancel","response_id":"r","extra":true}"#;
    let (canonical, differences) =
        diff_as::<RealtimeClientEvent>(input.as_bytes(), &limits).expect("valid");
    assert_eq!(canonical, r#"{"type":"response.cancel","response_id":"r"}"#);
    let text = format!("{differences:?}");
    assert_eq!(differences.len(), 1, "{text}");
    assert!(text.contains("extra"), "{text}");
    // A GA-only tag is unknown to the beta root.
    assert!(realtime_codec::canonicalize(
        json!({"type": "output_audio_buffer.clear"}).to_string().as_bytes(),
        &limits
    )
    .is_err());
}

/// `RealtimeResponse.metadata` is a `HashMap<String, String>`: the crate writes its entries in
/// hash order, which differs from one decode to the next (std's per-map random keys). The
/// canonical text of a response with two or more metadata entries is therefore not a stable
/// string; its JSON value is.
#[test]
fn response_metadata_is_written_in_hash_order() {
    let limits = Limits::default();
    let input = r#"{"type":"response.created","event_id":"e","response":{"id":"r","object":"realtime.response","status":"in_progress","status_details":null,"output":[],"output_modalities":["audio"],"max_output_tokens":"inf","audio":null,"usage":null,"metadata":{"a":"1","b":"2","c":"3","d":"4","e":"5"}}}"#;
    let texts: std::collections::BTreeSet<String> = (0..64)
        .map(|_| canonicalize_as::<RealtimeServerEvent>(input.as_bytes(), &limits).expect("valid"))
        .collect();
    let values: std::collections::BTreeSet<String> = texts
        .iter()
        .map(|t| serde_json::from_str::<serde_json::Value>(t).expect("JSON").to_string())
        .collect();
    assert_eq!(values.len(), 1, "the values differ: {values:?}");
    eprintln!("{} distinct canonical texts in 64 decodes", texts.len());
}

/// test/vectors/ga/*.json: every case's recorded expectation is what the GA crate says now, a
/// valid case's canonical text is a fixed point, every GA tag (client and server) has a valid
/// case, and no
/// file in test/vectors/ (read by the beta suites) is a GA file.
#[test]
fn ga_vectors_match_the_crate() {
    use realtime_codec::vectors::{expectation_in, Direction, Protocol};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../test/vectors");
    let list = |dir: &std::path::Path| {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("a vectors directory")
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        files
    };
    for path in list(&root) {
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("JSON");
        assert_eq!(Protocol::of(&doc), Ok(Protocol::Beta), "{}", path.display());
    }
    let mut cases = 0;
    let mut valid = [std::collections::BTreeSet::new(), std::collections::BTreeSet::new()];
    for path in list(&root.join("ga")) {
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("JSON");
        assert_eq!(Protocol::of(&doc), Ok(Protocol::Ga), "{}", path.display());
        let direction = Direction::of(&doc).expect("a direction");
        for case in doc["cases"].as_array().expect("cases") {
            cases += 1;
            let name = case["name"].as_str().expect("a name");
            let input = case["input"].as_str().expect("an input");
            let got = expectation_in(input, Protocol::Ga, direction);
            assert_eq!(got, case["expect"], "{}: {name}", path.display());
            if let Some(canonical) = got["canonical"].as_str() {
                assert_eq!(
                    expectation_in(canonical, Protocol::Ga, direction)["canonical"].as_str(),
                    Some(canonical),
                    "{name}: not a fixed point"
                );
                let v: serde_json::Value = serde_json::from_str(canonical).expect("JSON");
                valid[usize::from(direction == Direction::Server)]
                    .insert(v["type"].as_str().expect("a type").to_owned());
            }
        }
    }
    for (tags, seen) in [&GA_EVENT_TYPES[..], &GA_SERVER_EVENT_TYPES[..]].iter().zip(&valid) {
        let all: std::collections::BTreeSet<String> =
            tags.iter().map(|t| (*t).to_owned()).collect();
        assert_eq!(seen, &all, "a GA tag has no valid vector");
    }
    assert!(cases >= 79, "{cases} GA cases");
}
