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
    assert!(cases >= 237, "{cases} GA cases");
}

/// The GA corpus's cases, each with its direction and whether the crate accepts it.
fn ga_corpus() -> Vec<(
    realtime_codec::vectors::Direction,
    String,
    String,
    serde_json::Value,
)> {
    use realtime_codec::vectors::Direction;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../test/vectors/ga");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("test/vectors/ga")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut cases = Vec::new();
    for path in files {
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("readable")).expect("JSON");
        let direction = Direction::of(&doc).expect("a direction");
        for case in doc["cases"].as_array().expect("cases") {
            cases.push((
                direction,
                case["name"].as_str().expect("a name").to_owned(),
                case["input"].as_str().expect("an input").to_owned(),
                case["expect"].clone(),
            ));
        }
    }
    cases
}

/// Every GA tag, client (11) and server (43), has at least one case the crate accepts and one
/// it refuses, the refused one carrying that tag (so its error is the variant's, not the tag's).
#[test]
fn every_ga_type_has_a_valid_and_an_invalid_vector() {
    use realtime_codec::vectors::Direction;
    use std::collections::BTreeMap;
    let mut seen: BTreeMap<(bool, String), [usize; 2]> = BTreeMap::new();
    for (direction, _, input, expect) in ga_corpus() {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&input) else {
            continue;
        };
        let Some(tag) = value.get("type").and_then(|t| t.as_str()) else {
            continue;
        };
        let slot = seen
            .entry((direction == Direction::Server, tag.to_owned()))
            .or_default();
        slot[usize::from(expect.get("canonical").is_none())] += 1;
    }
    let mut missing = Vec::new();
    for (server, tags) in [
        (false, &GA_EVENT_TYPES[..]),
        (true, &GA_SERVER_EVENT_TYPES[..]),
    ] {
        for tag in tags {
            match seen.get(&(server, (*tag).to_owned())) {
                Some([valid, invalid]) if *valid > 0 && *invalid > 0 => {}
                Some([valid, invalid]) => {
                    missing.push(format!("{tag}: {valid} valid, {invalid} invalid"))
                }
                None => missing.push(format!("{tag}: no vector")),
            }
        }
    }
    assert!(
        missing.is_empty(),
        "GA types short of a valid and an invalid vector:\n{}",
        missing.join("\n")
    );
}

/// A service case's outcome: accepted, or refused with this (code, path).
type Outcome = Result<(), (&'static str, &'static str)>;

/// What the GA crate does with each event shaped like the GA service's traffic or the SDKs'
/// (the cases named "service: "). The refusals are the known disagreements: the service sends
/// (or documents, or the SDKs send) the event, the crate's types cannot hold it.
#[rustfmt::skip]
const GA_SERVICE: &[(&str, Outcome)] = &[
    // Known disagreements.
    ("service: session.update with turn_detection: null (the API's way to turn VAD off)", Err(("invalid_type", "/session/audio/input/turn_detection"))),
    ("service: conversation.item.create an mcp_call with a protocol_error (the API's code is an integer)", Err(("invalid_type", "/item/error/code"))),
    ("service: session.update with only the output voice (the API has format and speed optional)", Err(("missing_field", "/session/audio/output/format"))),
    ("service: session.update with input format and transcription only (turn detection left at its default)", Err(("missing_field", "/session/audio/input/turn_detection"))),
    ("service: conversation.item.create a function_call_output without status", Err(("missing_field", "/item/status"))),
    ("service: response.create with only instructions", Err(("missing_field", "/response/audio"))),
    ("service: response.create out of band (conversation none, metadata, output_modalities)", Err(("missing_field", "/response/audio"))),
    ("service: conversation.item.created (the beta name the API reference used for GA until 2026-09)", Err(("unknown_event_type", "/type"))),
    ("service: conversation.item.added for user audio: no audio, transcript null", Err(("invalid_type", "/item/content/0/transcript"))),
    ("service: response.done failed, its status error with code null", Err(("invalid_type", "/response/status_details/error/code"))),
    ("service: session.created with turn_detection: null", Err(("invalid_type", "/session/audio/input/turn_detection"))),
    ("service: session.updated with turn_detection: null", Err(("invalid_type", "/session/audio/input/turn_detection"))),
    ("service: conversation.item.done user audio message with its transcript, no audio", Err(("missing_field", "/item/content/0/audio"))),
    ("service: response.output_item.done mcp_call with an http_error (the API's code is an integer)", Err(("invalid_type", "/item/error/code"))),
    ("service: response.output_item.done mcp_call with a protocol_error (the API's code is an integer)", Err(("invalid_type", "/item/error/code"))),
    // Accepted (unknown members such as `obfuscation`, `expires_at`, `cached_tokens_details` dropped).
    ("service: conversation.item.create a user message as the SDKs send it (no status)", Ok(())),
    ("service: session.created as the GA service sends it (object, id, expires_at, model, prompt, include)", Ok(())),
    ("service: session.updated with a function tool and tool_choice auto", Ok(())),
    ("service: session.updated with a transcription session's audio (no output)", Ok(())),
    ("service: conversation.item.added user text message", Ok(())),
    ("service: conversation.item.retrieved user audio message with audio and transcript", Ok(())),
    ("service: conversation.item.added assistant message in progress", Ok(())),
    ("service: conversation.item.done assistant audio message (audio null)", Ok(())),
    ("service: conversation.item.added function_call_output", Ok(())),
    ("service: conversation.item.done mcp_list_tools", Ok(())),
    ("service: conversation.item.added mcp_approval_request", Ok(())),
    ("service: input_audio_buffer.committed with previous_item_id null", Ok(())),
    ("service: input_audio_buffer.speech_started", Ok(())),
    ("service: input_audio_buffer.speech_stopped", Ok(())),
    ("service: conversation.item.input_audio_transcription.delta with obfuscation", Ok(())),
    ("service: conversation.item.input_audio_transcription.completed with token usage", Ok(())),
    ("service: conversation.item.input_audio_transcription.completed with duration usage (whisper-1)", Ok(())),
    ("service: conversation.item.input_audio_transcription.failed", Ok(())),
    ("service: response.created", Ok(())),
    ("service: response.output_item.added assistant message", Ok(())),
    ("service: response.content_part.added audio part", Ok(())),
    ("service: response.content_part.added text part", Ok(())),
    ("service: response.output_audio_transcript.delta with obfuscation", Ok(())),
    ("service: response.output_text.delta with obfuscation", Ok(())),
    ("service: response.output_audio.delta", Ok(())),
    ("service: response.output_audio.done", Ok(())),
    ("service: response.output_audio_transcript.done", Ok(())),
    ("service: response.content_part.done audio part", Ok(())),
    ("service: response.output_item.done assistant audio message", Ok(())),
    ("service: response.function_call_arguments.done with the function name", Ok(())),
    ("service: response.output_item.done function_call", Ok(())),
    ("service: response.done completed with usage (cached_tokens_details, the API's spelling)", Ok(())),
    ("service: response.done cancelled (turn_detected)", Ok(())),
    ("service: response.done incomplete (max_output_tokens)", Ok(())),
    ("service: response.done failed with an error code", Ok(())),
    ("service: response.done with metadata (one entry)", Ok(())),
    ("service: rate_limits.updated (requests and tokens)", Ok(())),
    ("service: error with code null and event_id null", Ok(())),
    ("service: error naming the client event", Ok(())),
    ("service: output_audio_buffer.started (WebRTC)", Ok(())),
    ("service: output_audio_buffer.stopped (WebRTC)", Ok(())),
    ("service: conversation.item.truncated", Ok(())),
    ("service: conversation.item.deleted", Ok(())),
    ("service: response.mcp_call.completed", Ok(())),
    ("service: response.output_item.done mcp_call with output", Ok(())),
    ("service: input_audio_buffer.timeout_triggered", Ok(())),
];

#[test]
fn every_ga_service_vector_has_the_listed_outcome() {
    use realtime_codec::vectors::{expectation_in, Protocol};
    let service: Vec<_> = ga_corpus()
        .into_iter()
        .filter(|(_, name, _, _)| name.starts_with("service: "))
        .collect();
    for (direction, name, input, _) in &service {
        let Some((_, want)) = GA_SERVICE.iter().find(|(n, _)| n == name) else {
            panic!("{name}: not listed in GA_SERVICE");
        };
        // The live answer (ga_vectors_match_the_crate holds the recorded one to it).
        let got = expectation_in(input, Protocol::Ga, *direction);
        match want {
            Ok(()) => assert!(
                got.get("canonical").is_some(),
                "{name}: the crate should accept it, got {got}"
            ),
            Err((code, path)) => assert_eq!(
                (got["error"]["code"].as_str(), got["error"]["path"].as_str()),
                (Some(*code), Some(*path)),
                "{name}: {got}"
            ),
        }
    }
    let absent: Vec<&str> = GA_SERVICE
        .iter()
        .map(|(name, _)| *name)
        .filter(|name| !service.iter().any(|(_, n, _, _)| n == name))
        .collect();
    assert!(
        absent.is_empty(),
        "listed but not in the corpus: {absent:?}"
    );
    // Each known disagreement has at least one refusal.
    for needle in [
        "turn_detection: null",
        "transcript null",
        "code null",
        "conversation.item.created",
        "transcript, no audio",
        "only the output voice",
        "turn detection left at its default",
        "function_call_output without status",
        "response.create with only instructions",
        "code is an integer",
    ] {
        assert!(
            GA_SERVICE
                .iter()
                .any(|(name, want)| name.contains(needle) && want.is_err()),
            "no refused service case for {needle}"
        );
    }
}
