//! The rows of `async-openai-wasm` =0.29.5 (`types::realtime`, the beta protocol). Checked against
//! the crate by `crate/tests/shapes.rs`; where a row and the crate disagree, the crate wins.

use super::{Def, Member, Presence, Protocol, Ty, TypeRow};

const fn req(name: &'static str, ty: Ty) -> Member {
    Member {
        name,
        ty,
        presence: Presence::Required,
        doc: "",
    }
}
const fn opt(name: &'static str, ty: Ty) -> Member {
    Member {
        name,
        ty,
        presence: Presence::Optional,
        doc: "",
    }
}
const fn doc(member: Member, doc: &'static str) -> Member {
    Member { doc, ..member }
}
const fn row(name: &'static str, rust: &'static str, def: Def, doc: &'static str) -> TypeRow {
    TypeRow {
        name,
        rust,
        def,
        list: None,
        doc,
    }
}
const fn listed(
    name: &'static str,
    rust: &'static str,
    def: Def,
    list: &'static str,
    doc: &'static str,
) -> TypeRow {
    TypeRow {
        name,
        rust,
        def,
        list: Some(list),
        doc,
    }
}

const S: Ty = Ty::Str;
const EVENT_ID: Member = opt("event_id", S);
const F32_DOC: &str = "f32: written back rounded to single precision (0.123456789 -> 0.12345679, 1 -> 1.0). A number beyond f32's range (about 3.4e38) becomes infinite in Rust, which serde_json writes as `null`.";

/// The beta protocol: `async-openai-wasm` =0.29.5.
pub static BETA: Protocol = Protocol {
    name: "beta",
    source: "async-openai-wasm =0.29.5",
    client: "ClientEvent",
    server: None,
    types: &[
        listed(
            "ClientEvent",
            "ClientEvent",
            Def::Tagged {
                tag: "type",
                variants: &[
                    ("session.update", "SessionUpdateEvent"),
                    ("input_audio_buffer.append", "InputAudioBufferAppendEvent"),
                    ("input_audio_buffer.commit", "InputAudioBufferCommitEvent"),
                    ("input_audio_buffer.clear", "InputAudioBufferClearEvent"),
                    ("conversation.item.create", "ConversationItemCreateEvent"),
                    ("conversation.item.truncate", "ConversationItemTruncateEvent"),
                    ("conversation.item.delete", "ConversationItemDeleteEvent"),
                    ("response.create", "ResponseCreateEvent"),
                    ("response.cancel", "ResponseCancelEvent"),
                ],
            },
            "EVENT_TYPES",
            "A client event in canonical form: what `decode` returns. Discriminated on `type`.",
        ),
        row(
            "SessionUpdateEvent",
            "SessionUpdateEvent",
            Def::Struct(&[EVENT_ID, req("session", Ty::Ref("SessionResource"))]),
            "`session.update`.",
        ),
        row(
            "InputAudioBufferAppendEvent",
            "InputAudioBufferAppendEvent",
            Def::Struct(&[EVENT_ID, req("audio", S)]),
            "`input_audio_buffer.append`: `audio` is base64 PCM (not checked by the crate).",
        ),
        row(
            "InputAudioBufferCommitEvent",
            "InputAudioBufferCommitEvent",
            Def::Struct(&[EVENT_ID]),
            "`input_audio_buffer.commit`.",
        ),
        row(
            "InputAudioBufferClearEvent",
            "InputAudioBufferClearEvent",
            Def::Struct(&[EVENT_ID]),
            "`input_audio_buffer.clear`.",
        ),
        row(
            "ConversationItemCreateEvent",
            "ConversationItemCreateEvent",
            Def::Struct(&[EVENT_ID, opt("previous_item_id", S), req("item", Ty::Ref("Item"))]),
            "`conversation.item.create`.",
        ),
        row(
            "ConversationItemTruncateEvent",
            "ConversationItemTruncateEvent",
            Def::Struct(&[
                EVENT_ID,
                req("item_id", S),
                req("content_index", Ty::U32),
                req("audio_end_ms", Ty::U32),
            ]),
            "`conversation.item.truncate`: both numbers are u32.",
        ),
        row(
            "ConversationItemDeleteEvent",
            "ConversationItemDeleteEvent",
            Def::Struct(&[EVENT_ID, req("item_id", S)]),
            "`conversation.item.delete`.",
        ),
        row(
            "ResponseCreateEvent",
            "ResponseCreateEvent",
            Def::Struct(&[
                EVENT_ID,
                Member {
                    name: "response",
                    ty: Ty::Ref("SessionResource"),
                    presence: Presence::Nullable,
                    doc: "",
                },
            ]),
            "`response.create`: the crate always writes `response`, as `null` when unset.",
        ),
        row(
            "ResponseCancelEvent",
            "ResponseCancelEvent",
            Def::Struct(&[EVENT_ID]),
            "`response.cancel` (the crate has no `response_id`; it is dropped).",
        ),
        row(
            "SessionResource",
            "SessionResource",
            Def::Struct(&[
                opt("model", S),
                doc(opt("modalities", Ty::List(&S)), "Free strings (the API knows `text` and `audio`)."),
                opt("instructions", S),
                opt("voice", Ty::Ref("RealtimeVoice")),
                opt("input_audio_format", Ty::Ref("AudioFormat")),
                opt("output_audio_format", Ty::Ref("AudioFormat")),
                opt("input_audio_transcription", Ty::Ref("AudioTranscription")),
                opt("turn_detection", Ty::Ref("TurnDetection")),
                opt("tools", Ty::List(&Ty::Ref("ToolDefinition"))),
                opt("tool_choice", Ty::Ref("ToolChoice")),
                doc(opt("temperature", Ty::F32), F32_DOC),
                opt("max_response_output_tokens", Ty::Ref("MaxResponseOutputTokens")),
            ]),
            "Session configuration (`SessionResource`), used by `session.update` and `response.create`.",
        ),
        listed(
            "RealtimeVoice",
            "RealtimeVoice",
            Def::Enum(&["alloy", "ash", "ballad", "coral", "echo", "fable", "onyx", "nova", "shimmer", "verse"]),
            "VOICES",
            "Output voices (`RealtimeVoice`). The official SDK's newer voices (`sage`, `marin`, ...) are rejected.",
        ),
        listed(
            "AudioFormat",
            "AudioFormat",
            Def::Enum(&["pcm16", "g711_law", "g711_alaw"]),
            "AUDIO_FORMATS",
            "Audio formats (`AudioFormat`). Note the crate's spelling `g711_law` (the API says `g711_ulaw`).",
        ),
        row(
            "AudioTranscription",
            "AudioTranscription",
            Def::Struct(&[opt("language", S), opt("model", S), opt("prompt", S)]),
            "`input_audio_transcription` (`AudioTranscription`): every member optional and free text.",
        ),
        listed(
            "TurnDetection",
            "TurnDetection",
            Def::Tagged {
                tag: "type",
                variants: &[
                    ("server_vad", "ServerVadTurnDetection"),
                    ("semantic_vad", "SemanticVadTurnDetection"),
                ],
            },
            "TURN_DETECTION_TYPES",
            "`turn_detection` (`TurnDetection`), tagged on `type`, which is required.",
        ),
        row(
            "ServerVadTurnDetection",
            "TurnDetection::ServerVAD",
            Def::Struct(&[
                doc(req("threshold", Ty::F32), F32_DOC),
                doc(req("prefix_padding_ms", Ty::U32), "u32 (0 to 4294967295), milliseconds."),
                doc(req("silence_duration_ms", Ty::U32), "u32 (0 to 4294967295), milliseconds."),
                opt("create_response", Ty::Bool),
                opt("interrupt_response", Ty::Bool),
            ]),
            "Server VAD: the crate requires all three numbers (the official SDK does not).",
        ),
        row(
            "SemanticVadTurnDetection",
            "TurnDetection::SemanticVAD",
            Def::Struct(&[
                req("eagerness", S),
                opt("create_response", Ty::Bool),
                opt("interrupt_response", Ty::Bool),
            ]),
            "Semantic VAD: `eagerness` is required and free text (`low`, `medium`, `high`, `auto` by the API).",
        ),
        row(
            "ToolDefinition",
            "ToolDefinition",
            Def::Tagged { tag: "type", variants: &[("function", "FunctionTool")] },
            "A tool (`ToolDefinition`), tagged on `type`.",
        ),
        row(
            "FunctionTool",
            "ToolDefinition::Function",
            Def::Struct(&[
                req("name", S),
                req("description", S),
                doc(
                    req("parameters", Ty::Json),
                    "Any JSON value (normally a JSON Schema object). Object keys come back sorted.",
                ),
            ]),
            "A function tool (`ToolDefinition::Function`): every member is required by the crate.",
        ),
        row(
            "ToolChoice",
            "ToolChoice",
            Def::Untagged(&[Ty::Ref("ToolChoiceMode"), Ty::Ref("ToolChoiceFunction")]),
            "`tool_choice` (`ToolChoice`).",
        ),
        listed(
            "ToolChoiceMode",
            "ToolChoice::{Auto, None, Required}",
            Def::Enum(&["auto", "none", "required"]),
            "TOOL_CHOICE_MODES",
            "The string forms of `tool_choice` (`ToolChoice`'s unit variants).",
        ),
        row(
            "ToolChoiceFunction",
            "ToolChoice::Function",
            Def::Struct(&[req("type", Ty::Ref("FunctionType")), req("name", S)]),
            "`tool_choice` naming a function (`ToolChoice::Function`, untagged).",
        ),
        row("FunctionType", "FunctionType", Def::Enum(&["function"]), "`FunctionType`."),
        row(
            "MaxResponseOutputTokens",
            "MaxResponseOutputTokens",
            Def::Untagged(&[Ty::Literal("inf"), Ty::U16]),
            "`max_response_output_tokens`: a u16 (0 to 65535) or `\"inf\"`.",
        ),
        row(
            "Item",
            "Item",
            Def::Struct(&[
                opt("id", S),
                opt("type", Ty::Ref("ItemType")),
                opt("status", Ty::Ref("ItemStatus")),
                opt("role", Ty::Ref("ItemRole")),
                opt("content", Ty::List(&Ty::Ref("ItemContent"))),
                opt("call_id", S),
                opt("name", S),
                doc(opt("arguments", S), "JSON text of the call's arguments (a string, not an object)."),
                opt("output", S),
            ]),
            "A conversation item (`Item`): every member is optional.",
        ),
        listed(
            "ItemType",
            "ItemType",
            Def::Enum(&["message", "function_call", "function_call_output"]),
            "ITEM_TYPES",
            "`item.type` (`ItemType`).",
        ),
        listed(
            "ItemStatus",
            "ItemStatus",
            Def::Enum(&["completed", "in_progress", "incomplete"]),
            "ITEM_STATUSES",
            "`item.status` (`ItemStatus`).",
        ),
        listed(
            "ItemRole",
            "ItemRole",
            Def::Enum(&["user", "assistant", "system"]),
            "ITEM_ROLES",
            "`item.role` (`ItemRole`).",
        ),
        row(
            "ItemContent",
            "ItemContent",
            Def::Struct(&[
                req("type", Ty::Ref("ItemContentType")),
                opt("text", S),
                doc(opt("audio", S), "Base64 audio (not checked)."),
                opt("transcript", S),
            ]),
            "A content part of an item (`ItemContent`): `type` is required.",
        ),
        listed(
            "ItemContentType",
            "ItemContentType",
            Def::Enum(&["input_text", "input_audio", "text", "audio"]),
            "ITEM_CONTENT_TYPES",
            "`item.content[].type` (`ItemContentType`).",
        ),
    ],
};
