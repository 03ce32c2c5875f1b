//! The shape table (`realtime_codec::shape`) against the crate itself. Two halves:
//!
//! 1. `check::Checker` asks the crate about every row through the root enum: member order from the
//!    canonical text of a fully populated value, which members are required (serde's
//!    `missing_field`), optional or written as `null`, each closed list against serde's
//!    `expected one of`, integer widths from `max` and `max + 1`, f32 against f64, tags.
//! 2. Exhaustive struct literals and exhaustive matches of the crate's own types: a struct or enum
//!    that gains a member or a variant does not compile, and each literal's canonical text gives
//!    the member order (or the values) the row must list; this catches an optional member the
//!    table left out, which (1) cannot see.
//!
//! `a_wrong_row_fails` proves that both halves notice deliberately broken rows.

#[path = "shapes/check.rs"]
mod check;
#[path = "shapes/literals.rs"]
#[macro_use]
mod literals;

use async_openai_wasm::types::realtime::*;
use check::Checker;
use literals::{full, literal_problems, tags, text, values, Full};
use realtime_codec::shape::{Def, Member, Presence, Protocol, Ty, BETA};

fn beta_client(text: &str) -> Result<String, String> {
    let event: ClientEvent = serde_json::from_str(text).map_err(|e| e.to_string())?;
    serde_json::to_string(&event).map_err(|e| e.to_string())
}

fn beta_server(text: &str) -> Result<String, String> {
    let event: ServerEvent = serde_json::from_str(text).map_err(|e| e.to_string())?;
    serde_json::to_string(&event).map_err(|e| e.to_string())
}

full_is! {
    RealtimeVoice => RealtimeVoice::Alloy;
    AudioFormat => AudioFormat::PCM16;
    ToolChoice => ToolChoice::Auto;
    MaxResponseOutputTokens => MaxResponseOutputTokens::Inf;
    ItemType => ItemType::Message;
    ItemStatus => ItemStatus::Completed;
    ItemRole => ItemRole::User;
    ItemContentType => ItemContentType::Text;
    FunctionType => FunctionType::Function;
    ResponseStatus => ResponseStatus::Completed;
    IncompleteReason => IncompleteReason::Interruption;
    ResponseStatusDetail => ResponseStatusDetail::Cancelled { reason: full() };
    ContentPart => ContentPart::Audio { audio: full(), transcript: full() };
    TurnDetection => TurnDetection::SemanticVAD { eagerness: full(), create_response: full(), interrupt_response: full() };
    ToolDefinition => ToolDefinition::Function { name: full(), description: full(), parameters: full() };
    AudioTranscription => AudioTranscription { language: full(), model: full(), prompt: full() };
    ItemContent => ItemContent { r#type: full(), text: full(), audio: full(), transcript: full() };
    Item => Item {
        id: full(), r#type: full(), status: full(), role: full(), content: full(), call_id: full(),
        name: full(), arguments: full(), output: full(),
    };
    SessionResource => SessionResource {
        model: full(), modalities: full(), instructions: full(), voice: full(),
        input_audio_format: full(), output_audio_format: full(), input_audio_transcription: full(),
        turn_detection: full(), tools: full(), tool_choice: full(), temperature: full(),
        max_response_output_tokens: full(),
    };
}

/// Every beta struct, fully populated by an exhaustive literal: (row, canonical text, tag member).
fn beta_literals() -> Vec<(&'static str, String, Option<&'static str>)> {
    vec![
        (
            "SessionUpdateEvent",
            text(&SessionUpdateEvent {
                event_id: full(),
                session: full(),
            }),
            None,
        ),
        (
            "InputAudioBufferAppendEvent",
            text(&InputAudioBufferAppendEvent {
                event_id: full(),
                audio: full(),
            }),
            None,
        ),
        (
            "InputAudioBufferCommitEvent",
            text(&InputAudioBufferCommitEvent { event_id: full() }),
            None,
        ),
        (
            "InputAudioBufferClearEvent",
            text(&InputAudioBufferClearEvent { event_id: full() }),
            None,
        ),
        (
            "ConversationItemCreateEvent",
            text(&ConversationItemCreateEvent {
                event_id: full(),
                previous_item_id: full(),
                item: full(),
            }),
            None,
        ),
        (
            "ConversationItemTruncateEvent",
            text(&ConversationItemTruncateEvent {
                event_id: full(),
                item_id: full(),
                content_index: full(),
                audio_end_ms: full(),
            }),
            None,
        ),
        (
            "ConversationItemDeleteEvent",
            text(&ConversationItemDeleteEvent {
                event_id: full(),
                item_id: full(),
            }),
            None,
        ),
        (
            "ResponseCreateEvent",
            text(&ResponseCreateEvent {
                event_id: full(),
                response: full(),
            }),
            None,
        ),
        (
            "ResponseCancelEvent",
            text(&ResponseCancelEvent { event_id: full() }),
            None,
        ),
        ("SessionResource", text(&SessionResource::full()), None),
        (
            "AudioTranscription",
            text(&AudioTranscription::full()),
            None,
        ),
        (
            "ServerVadTurnDetection",
            text(&TurnDetection::ServerVAD {
                threshold: full(),
                prefix_padding_ms: full(),
                silence_duration_ms: full(),
                create_response: full(),
                interrupt_response: full(),
            }),
            Some("type"),
        ),
        (
            "SemanticVadTurnDetection",
            text(&TurnDetection::full()),
            Some("type"),
        ),
        ("FunctionTool", text(&ToolDefinition::full()), Some("type")),
        (
            "ToolChoiceFunction",
            text(&ToolChoice::Function {
                r#type: full(),
                name: full(),
            }),
            None,
        ),
        ("Item", text(&Item::full()), None),
        ("ItemContent", text(&ItemContent::full()), None),
    ]
}

fn beta_enums() -> Vec<(&'static str, Vec<String>)> {
    use ClientEvent as C;
    let events = [
        C::SessionUpdate(SessionUpdateEvent {
            event_id: None,
            session: full(),
        }),
        C::InputAudioBufferAppend(InputAudioBufferAppendEvent {
            event_id: None,
            audio: full(),
        }),
        C::InputAudioBufferCommit(InputAudioBufferCommitEvent { event_id: None }),
        C::InputAudioBufferClear(InputAudioBufferClearEvent { event_id: None }),
        C::ConversationItemCreate(ConversationItemCreateEvent {
            event_id: None,
            previous_item_id: None,
            item: full(),
        }),
        C::ConversationItemTruncate(ConversationItemTruncateEvent {
            event_id: None,
            item_id: full(),
            content_index: 0,
            audio_end_ms: 0,
        }),
        C::ConversationItemDelete(ConversationItemDeleteEvent {
            event_id: None,
            item_id: full(),
        }),
        C::ResponseCreate(ResponseCreateEvent {
            event_id: None,
            response: None,
        }),
        C::ResponseCancel(ResponseCancelEvent { event_id: None }),
    ];
    for e in &events {
        match e {
            C::SessionUpdate(_)
            | C::InputAudioBufferAppend(_)
            | C::InputAudioBufferCommit(_)
            | C::InputAudioBufferClear(_)
            | C::ConversationItemCreate(_)
            | C::ConversationItemTruncate(_)
            | C::ConversationItemDelete(_)
            | C::ResponseCreate(_)
            | C::ResponseCancel(_) => {}
        }
    }
    let voices = {
        use RealtimeVoice::*;
        let all = [
            Alloy, Ash, Ballad, Coral, Echo, Fable, Onyx, Nova, Shimmer, Verse,
        ];
        for v in &all {
            match v {
                Alloy | Ash | Ballad | Coral | Echo | Fable | Onyx | Nova | Shimmer | Verse => {}
            }
        }
        values(&all)
    };
    let formats = {
        use AudioFormat::*;
        let all = [PCM16, G711ULAW, G711ALAW];
        for v in &all {
            match v {
                PCM16 | G711ULAW | G711ALAW => {}
            }
        }
        values(&all)
    };
    let turn = [
        TurnDetection::ServerVAD {
            threshold: 0.5,
            prefix_padding_ms: 0,
            silence_duration_ms: 0,
            create_response: None,
            interrupt_response: None,
        },
        TurnDetection::full(),
    ];
    for v in &turn {
        match v {
            TurnDetection::ServerVAD { .. } | TurnDetection::SemanticVAD { .. } => {}
        }
    }
    let tools = [ToolDefinition::full()];
    for v in &tools {
        match v {
            ToolDefinition::Function { .. } => {}
        }
    }
    let modes = [ToolChoice::Auto, ToolChoice::None, ToolChoice::Required];
    for v in &modes {
        match v {
            ToolChoice::Auto
            | ToolChoice::None
            | ToolChoice::Required
            | ToolChoice::Function { .. } => {}
        }
    }
    let function_type = [FunctionType::Function];
    for v in &function_type {
        match v {
            FunctionType::Function => {}
        }
    }
    for v in [
        MaxResponseOutputTokens::Inf,
        MaxResponseOutputTokens::Num(0),
    ] {
        match v {
            MaxResponseOutputTokens::Inf | MaxResponseOutputTokens::Num(_) => {}
        }
    }
    let item_types = {
        use ItemType::*;
        let all = [Message, FunctionCall, FunctionCallOutput];
        for v in &all {
            match v {
                Message | FunctionCall | FunctionCallOutput => {}
            }
        }
        values(&all)
    };
    let statuses = {
        use ItemStatus::*;
        let all = [Completed, InProgress, Incomplete];
        for v in &all {
            match v {
                Completed | InProgress | Incomplete => {}
            }
        }
        values(&all)
    };
    let roles = {
        use ItemRole::*;
        let all = [User, Assistant, System];
        for v in &all {
            match v {
                User | Assistant | System => {}
            }
        }
        values(&all)
    };
    let content_types = {
        use ItemContentType::*;
        let all = [InputText, InputAudio, Text, Audio];
        for v in &all {
            match v {
                InputText | InputAudio | Text | Audio => {}
            }
        }
        values(&all)
    };
    vec![
        ("ClientEvent", tags(&events)),
        ("RealtimeVoice", voices),
        ("AudioFormat", formats),
        ("TurnDetection", tags(&turn)),
        ("ToolDefinition", tags(&tools)),
        ("ToolChoiceMode", values(&modes)),
        ("FunctionType", values(&function_type)),
        ("ItemType", item_types),
        ("ItemStatus", statuses),
        ("ItemRole", roles),
        ("ItemContentType", content_types),
    ]
}

/// Every beta server struct (and nested struct), each an exhaustive literal with every member set:
/// `impl Full` for each, and `beta_server_structs()` listing their canonical texts.
macro_rules! full_structs {
    ($($name:ident { $($f:ident),* $(,)? })*) => {
        $(impl Full for $name {
            fn full() -> Self {
                $name { $($f: full()),* }
            }
        })*
        fn beta_server_structs() -> Vec<(&'static str, String, Option<&'static str>)> {
            vec![$((stringify!($name), text(&$name::full()), None)),*]
        }
    };
}

full_structs! {
    ErrorEvent { event_id, error }
    SessionCreatedEvent { event_id, session }
    SessionUpdatedEvent { event_id, session }
    ConversationCreatedEvent { event_id, conversation }
    InputAudioBufferCommitedEvent { event_id, previous_item_id, item_id }
    InputAudioBufferClearedEvent { event_id }
    InputAudioBufferSpeechStartedEvent { event_id, audio_start_ms, item_id }
    InputAudioBufferSpeechStoppedEvent { event_id, audio_end_ms, item_id }
    ConversationItemCreatedEvent { event_id, previous_item_id, item }
    ConversationItemInputAudioTranscriptionCompletedEvent { event_id, item_id, content_index, transcript, logprobs }
    ConversationItemInputAudioTranscriptionDeltaEvent { event_id, item_id, content_index, delta, logprobs }
    ConversationItemInputAudioTranscriptionFailedEvent { event_id, item_id, content_index, error }
    ConversationItemTruncatedEvent { event_id, item_id, content_index, audio_end_ms }
    ConversationItemDeletedEvent { event_id, item_id }
    ResponseCreatedEvent { event_id, response }
    ResponseDoneEvent { event_id, response }
    ResponseOutputItemAddedEvent { event_id, response_id, output_index, item }
    ResponseOutputItemDoneEvent { event_id, response_id, output_index, item }
    ResponseContentPartAddedEvent { event_id, response_id, item_id, output_index, content_index, part }
    ResponseContentPartDoneEvent { event_id, response_id, item_id, output_index, content_index, part }
    ResponseTextDeltaEvent { event_id, response_id, item_id, output_index, content_index, delta }
    ResponseTextDoneEvent { event_id, response_id, item_id, output_index, content_index, text }
    ResponseAudioTranscriptDeltaEvent { event_id, response_id, item_id, output_index, content_index, delta }
    ResponseAudioTranscriptDoneEvent { event_id, response_id, item_id, output_index, content_index, transcript }
    ResponseAudioDeltaEvent { event_id, response_id, item_id, output_index, content_index, delta }
    ResponseAudioDoneEvent { event_id, response_id, item_id, output_index, content_index }
    ResponseFunctionCallArgumentsDeltaEvent { event_id, response_id, item_id, output_index, call_id, delta }
    ResponseFunctionCallArgumentsDoneEvent { event_id, response_id, item_id, output_index, call_id, arguments }
    RateLimitsUpdatedEvent { event_id, rate_limits }
    RealtimeAPIError { r#type, code, message, param, event_id }
    Conversation { id, object }
    ResponseResource { id, object, status, status_details, output, usage }
    FailedError { code, message }
    Usage { total_tokens, input_tokens, output_tokens }
    RateLimit { name, limit, remaining, reset_seconds }
    LogProb { bytes, logprob, token }
}

/// Every beta server struct, fully populated by an exhaustive literal.
fn beta_server_literals() -> Vec<(&'static str, String, Option<&'static str>)> {
    let mut out = beta_server_structs();
    out.extend([
        (
            "IncompleteStatusDetail",
            text(&ResponseStatusDetail::Incomplete { reason: full() }),
            Some("type"),
        ),
        (
            "FailedStatusDetail",
            text(&ResponseStatusDetail::Failed { error: full() }),
            Some("type"),
        ),
        (
            "CancelledStatusDetail",
            text(&ResponseStatusDetail::full()),
            Some("type"),
        ),
        (
            "TextContentPart",
            text(&ContentPart::Text { text: full() }),
            Some("type"),
        ),
        ("AudioContentPart", text(&ContentPart::full()), Some("type")),
    ]);
    out
}

/// Every beta server enum's values or tags, from exhaustive lists.
fn beta_server_enums() -> Vec<(&'static str, Vec<String>)> {
    use ServerEvent as E;
    let events: Vec<ServerEvent> = vec![
        E::Error(full()),
        E::SessionCreated(full()),
        E::SessionUpdated(full()),
        E::ConversationCreated(full()),
        E::InputAudioBufferCommited(full()),
        E::InputAudioBufferCleared(full()),
        E::InputAudioBufferSpeechStarted(full()),
        E::InputAudioBufferSpeechStopped(full()),
        E::ConversationItemCreated(full()),
        E::ConversationItemInputAudioTranscriptionCompleted(
            ConversationItemInputAudioTranscriptionCompletedEvent {
                event_id: full(),
                item_id: full(),
                content_index: full(),
                transcript: full(),
                logprobs: full(),
            },
        ),
        E::ConversationItemInputAudioTranscriptionDelta(
            ConversationItemInputAudioTranscriptionDeltaEvent {
                event_id: full(),
                item_id: full(),
                content_index: full(),
                delta: full(),
                logprobs: full(),
            },
        ),
        E::ConversationItemInputAudioTranscriptionFailed(
            ConversationItemInputAudioTranscriptionFailedEvent {
                event_id: full(),
                item_id: full(),
                content_index: full(),
                error: full(),
            },
        ),
        E::ConversationItemTruncated(full()),
        E::ConversationItemDeleted(full()),
        E::ResponseCreated(full()),
        E::ResponseDone(full()),
        E::ResponseOutputItemAdded(full()),
        E::ResponseOutputItemDone(full()),
        E::ResponseContentPartAdded(full()),
        E::ResponseContentPartDone(full()),
        E::ResponseTextDelta(full()),
        E::ResponseTextDone(full()),
        E::ResponseAudioTranscriptDelta(full()),
        E::ResponseAudioTranscriptDone(full()),
        E::ResponseAudioDelta(full()),
        E::ResponseAudioDone(full()),
        E::ResponseFunctionCallArgumentsDelta(full()),
        E::ResponseFunctionCallArgumentsDone(full()),
        E::RateLimitsUpdated(full()),
    ];
    for e in &events {
        match e {
            E::Error(_)
            | E::SessionCreated(_)
            | E::SessionUpdated(_)
            | E::ConversationCreated(_)
            | E::InputAudioBufferCommited(_)
            | E::InputAudioBufferCleared(_)
            | E::InputAudioBufferSpeechStarted(_)
            | E::InputAudioBufferSpeechStopped(_)
            | E::ConversationItemCreated(_)
            | E::ConversationItemInputAudioTranscriptionCompleted(_)
            | E::ConversationItemInputAudioTranscriptionDelta(_)
            | E::ConversationItemInputAudioTranscriptionFailed(_)
            | E::ConversationItemTruncated(_)
            | E::ConversationItemDeleted(_)
            | E::ResponseCreated(_)
            | E::ResponseDone(_)
            | E::ResponseOutputItemAdded(_)
            | E::ResponseOutputItemDone(_)
            | E::ResponseContentPartAdded(_)
            | E::ResponseContentPartDone(_)
            | E::ResponseTextDelta(_)
            | E::ResponseTextDone(_)
            | E::ResponseAudioTranscriptDelta(_)
            | E::ResponseAudioTranscriptDone(_)
            | E::ResponseAudioDelta(_)
            | E::ResponseAudioDone(_)
            | E::ResponseFunctionCallArgumentsDelta(_)
            | E::ResponseFunctionCallArgumentsDone(_)
            | E::RateLimitsUpdated(_) => {}
        }
    }
    let statuses = {
        use ResponseStatus::*;
        let all = [InProgress, Completed, Cancelled, Failed, Incomplete];
        for v in &all {
            match v {
                InProgress | Completed | Cancelled | Failed | Incomplete => {}
            }
        }
        values(&all)
    };
    let details = [
        ResponseStatusDetail::Incomplete { reason: full() },
        ResponseStatusDetail::Failed { error: None },
        ResponseStatusDetail::full(),
    ];
    for v in &details {
        match v {
            ResponseStatusDetail::Incomplete { .. }
            | ResponseStatusDetail::Failed { .. }
            | ResponseStatusDetail::Cancelled { .. } => {}
        }
    }
    let reasons = {
        use IncompleteReason::*;
        let all = [Interruption, MaxOutputTokens, ContentFilter];
        for v in &all {
            match v {
                Interruption | MaxOutputTokens | ContentFilter => {}
            }
        }
        values(&all)
    };
    let parts = [ContentPart::Text { text: full() }, ContentPart::full()];
    for v in &parts {
        match v {
            ContentPart::Text { .. } | ContentPart::Audio { .. } => {}
        }
    }
    vec![
        ("ServerEvent", tags(&events)),
        ("ResponseStatus", statuses),
        ("ResponseStatusDetail", tags(&details)),
        ("IncompleteReason", reasons),
        ("ContentPart", tags(&parts)),
    ]
}

fn all_problems(p: &Protocol) -> Vec<String> {
    let mut checker = Checker::new(p, beta_client, Some(beta_server));
    checker.run();
    let mut problems = checker.problems;
    let mut literals = beta_literals();
    literals.extend(beta_server_literals());
    let mut enums = beta_enums();
    enums.extend(beta_server_enums());
    problems.extend(literal_problems(p, &literals, &enums));
    problems
}

#[test]
fn beta_rows_agree_with_the_crate() {
    let problems = all_problems(&BETA);
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_library_event_types_are_the_rows() {
    let Some(Def::Tagged { variants, .. }) = BETA.get(BETA.client).map(|r| r.def) else {
        panic!("no client root");
    };
    let tags: Vec<&str> = variants.iter().map(|(v, _)| *v).collect();
    assert_eq!(tags, realtime_codec::EVENT_TYPES);
}

/// A copy of BETA with one row replaced.
fn with_row(name: &str, def: Def) -> Protocol {
    check::with_row(&BETA, name, def)
}

fn members_of(name: &str) -> Vec<Member> {
    check::members_of(&BETA, name)
}

use check::leak;

#[test]
fn a_wrong_row_fails() {
    let mut cases: Vec<(&str, Protocol)> = Vec::new();
    // Two members swapped.
    let mut m = members_of("ConversationItemTruncateEvent");
    m.swap(2, 3);
    cases.push(("order", with_row("ConversationItemTruncateEvent", leak(m))));
    // A required member called optional.
    let mut m = members_of("ServerVadTurnDetection");
    m[0].presence = Presence::Optional;
    cases.push(("required", with_row("ServerVadTurnDetection", leak(m))));
    // An optional member called nullable.
    let mut m = members_of("Item");
    m[1].presence = Presence::Nullable;
    cases.push(("nullable", with_row("Item", leak(m))));
    // A nullable member called optional.
    let mut m = members_of("ResponseCreateEvent");
    m[1].presence = Presence::Optional;
    cases.push(("optional", with_row("ResponseCreateEvent", leak(m))));
    // u32 called u16, and f32 called f64.
    let mut m = members_of("ConversationItemTruncateEvent");
    m[2].ty = Ty::U16;
    cases.push(("width", with_row("ConversationItemTruncateEvent", leak(m))));
    let mut m = members_of("SessionResource");
    m[10].ty = Ty::F64;
    cases.push(("float", with_row("SessionResource", leak(m))));
    // A string called a bool.
    let mut m = members_of("SessionResource");
    m[0].ty = Ty::Bool;
    cases.push(("kind", with_row("SessionResource", leak(m))));
    // An optional member left out (only the literal notices).
    let mut m = members_of("Item");
    m.remove(8);
    cases.push(("left out", with_row("Item", leak(m))));
    // A closed list with a value too many, and one too few.
    cases.push((
        "sage",
        with_row(
            "RealtimeVoice",
            Def::Enum(&[
                "alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "shimmer",
                "verse", "sage",
            ]),
        ),
    ));
    cases.push((
        "ulaw",
        with_row("AudioFormat", Def::Enum(&["pcm16", "g711_alaw"])),
    ));
    // A tag renamed.
    cases.push((
        "tag",
        with_row(
            "TurnDetection",
            Def::Tagged {
                tag: "type",
                variants: &[
                    ("server_vad", "ServerVadTurnDetection"),
                    ("semantic", "SemanticVadTurnDetection"),
                ],
            },
        ),
    ));
    // An untagged alternative of the wrong width.
    cases.push((
        "untagged",
        with_row(
            "MaxResponseOutputTokens",
            Def::Untagged(&[Ty::Literal("inf"), Ty::U32]),
        ),
    ));
    // Server rows: the service's `previous_item_id: null` is refused by the crate, which requires it.
    let mut m = members_of("InputAudioBufferCommitedEvent");
    m[1].presence = Presence::Nullable;
    cases.push((
        "committed",
        with_row("InputAudioBufferCommitedEvent", leak(m)),
    ));
    let mut m = members_of("AudioContentPart");
    m[0].presence = Presence::Optional;
    cases.push(("audio: null", with_row("AudioContentPart", leak(m))));
    let mut m = members_of("LogProb");
    m[0].ty = Ty::List(&Ty::U16);
    cases.push(("bytes", with_row("LogProb", leak(m))));
    let mut m = members_of("FailedError");
    m[0].presence = Presence::Nullable;
    cases.push(("code: null", with_row("FailedError", leak(m))));
    let mut m = members_of("LogProb");
    m[1].ty = Ty::F32;
    cases.push(("logprob", with_row("LogProb", leak(m))));
    for (what, protocol) in cases {
        let problems = all_problems(&protocol);
        // The one changed row is named, and nothing is blamed on rows that were left alone.
        let changed: Vec<&str> = protocol
            .types
            .iter()
            .zip(BETA.types)
            .filter(|(a, b)| a != b)
            .map(|(a, _)| a.name)
            .collect();
        assert_eq!(changed.len(), 1);
        assert!(
            problems.iter().any(|p| p.contains(changed[0])),
            "the broken row ({what}) was not noticed: {problems:?}"
        );
        eprintln!(
            "{what}: {} problems, first: {}",
            problems.len(),
            problems[0]
        );
    }
}
