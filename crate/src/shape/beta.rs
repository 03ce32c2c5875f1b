//! The rows of `async-openai-wasm` =0.29.5 (`types::realtime`, the beta protocol). Checked against
//! the crate by `crate/tests/shapes.rs`; where a row and the crate disagree, the crate wins.

use super::{Def, Member, Presence, Protocol, Ty, TypeRow};

const fn req(name: &'static str, ty: Ty) -> Member {
    Member {
        name,
        ty,
        presence: Presence::Required,
        #[cfg(not(target_arch = "wasm32"))]
        doc: "",
    }
}
const fn opt(name: &'static str, ty: Ty) -> Member {
    Member {
        name,
        ty,
        presence: Presence::Optional,
        #[cfg(not(target_arch = "wasm32"))]
        doc: "",
    }
}
const fn nul(name: &'static str, ty: Ty) -> Member {
    Member {
        name,
        ty,
        presence: Presence::Nullable,
        #[cfg(not(target_arch = "wasm32"))]
        doc: "",
    }
}
// Docs, Rust paths and list names are read only by the generator and the native checks: the
// WebAssembly build, whose descent needs only names, kinds and tags, leaves them out.
#[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
const fn doc(member: Member, doc: &'static str) -> Member {
    Member {
        #[cfg(not(target_arch = "wasm32"))]
        doc,
        ..member
    }
}
#[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
const fn row(name: &'static str, rust: &'static str, def: Def, doc: &'static str) -> TypeRow {
    TypeRow {
        name,
        #[cfg(not(target_arch = "wasm32"))]
        rust,
        def,
        #[cfg(not(target_arch = "wasm32"))]
        list: None,
        #[cfg(not(target_arch = "wasm32"))]
        doc,
    }
}
#[cfg_attr(target_arch = "wasm32", allow(unused_variables))]
const fn listed(
    name: &'static str,
    rust: &'static str,
    def: Def,
    list: &'static str,
    doc: &'static str,
) -> TypeRow {
    TypeRow {
        name,
        #[cfg(not(target_arch = "wasm32"))]
        rust,
        def,
        #[cfg(not(target_arch = "wasm32"))]
        list: Some(list),
        #[cfg(not(target_arch = "wasm32"))]
        doc,
    }
}

const S: Ty = Ty::Str;
const EVENT_ID: Member = opt("event_id", S);
/// Server events all require an `event_id`.
const SERVER_EVENT_ID: Member = req("event_id", S);
const LOGPROBS: Ty = Ty::List(&Ty::Ref("LogProb"));
const F32_DOC: &str = "f32: written back rounded to single precision (0.123456789 -> 0.12345679, 1 -> 1.0). A number beyond f32's range (about 3.4e38) becomes infinite in Rust, which serde_json writes as `null`.";

/// The beta protocol: `async-openai-wasm` =0.29.5.
pub static BETA: Protocol = Protocol {
    name: "beta",
    source: "async-openai-wasm =0.29.5",
    client: "ClientEvent",
    server: Some("ServerEvent"),
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
                    #[cfg(not(target_arch = "wasm32"))]
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
            listed(
            "ServerEvent",
            "ServerEvent",
            Def::Tagged {
                tag: "type",
                variants: &[
                    ("error", "ErrorEvent"),
                    ("session.created", "SessionCreatedEvent"),
                    ("session.updated", "SessionUpdatedEvent"),
                    ("conversation.created", "ConversationCreatedEvent"),
                    ("input_audio_buffer.committed", "InputAudioBufferCommitedEvent"),
                    ("input_audio_buffer.cleared", "InputAudioBufferClearedEvent"),
                    ("input_audio_buffer.speech_started", "InputAudioBufferSpeechStartedEvent"),
                    ("input_audio_buffer.speech_stopped", "InputAudioBufferSpeechStoppedEvent"),
                    ("conversation.item.created", "ConversationItemCreatedEvent"),
                    ("conversation.item.input_audio_transcription.completed", "ConversationItemInputAudioTranscriptionCompletedEvent"),
                    ("conversation.item.input_audio_transcription.delta", "ConversationItemInputAudioTranscriptionDeltaEvent"),
                    ("conversation.item.input_audio_transcription.failed", "ConversationItemInputAudioTranscriptionFailedEvent"),
                    ("conversation.item.truncated", "ConversationItemTruncatedEvent"),
                    ("conversation.item.deleted", "ConversationItemDeletedEvent"),
                    ("response.created", "ResponseCreatedEvent"),
                    ("response.done", "ResponseDoneEvent"),
                    ("response.output_item.added", "ResponseOutputItemAddedEvent"),
                    ("response.output_item.done", "ResponseOutputItemDoneEvent"),
                    ("response.content_part.added", "ResponseContentPartAddedEvent"),
                    ("response.content_part.done", "ResponseContentPartDoneEvent"),
                    ("response.text.delta", "ResponseTextDeltaEvent"),
                    ("response.text.done", "ResponseTextDoneEvent"),
                    ("response.audio_transcript.delta", "ResponseAudioTranscriptDeltaEvent"),
                    ("response.audio_transcript.done", "ResponseAudioTranscriptDoneEvent"),
                    ("response.audio.delta", "ResponseAudioDeltaEvent"),
                    ("response.audio.done", "ResponseAudioDoneEvent"),
                    ("response.function_call_arguments.delta", "ResponseFunctionCallArgumentsDeltaEvent"),
                    ("response.function_call_arguments.done", "ResponseFunctionCallArgumentsDoneEvent"),
                    ("rate_limits.updated", "RateLimitsUpdatedEvent"),
                ],
            },
            "SERVER_EVENT_TYPES",
            "A server event in canonical form: what `decodeServerEvent` returns. Discriminated on `type`.",
        ),
        row("ErrorEvent", "ErrorEvent", Def::Struct(&[SERVER_EVENT_ID, req("error", Ty::Ref("RealtimeAPIError"))]), "`error`."),
        row("SessionCreatedEvent", "SessionCreatedEvent", Def::Struct(&[SERVER_EVENT_ID, req("session", Ty::Ref("SessionResource"))]), "`session.created`."),
        row("SessionUpdatedEvent", "SessionUpdatedEvent", Def::Struct(&[SERVER_EVENT_ID, req("session", Ty::Ref("SessionResource"))]), "`session.updated`."),
        row("ConversationCreatedEvent", "ConversationCreatedEvent", Def::Struct(&[SERVER_EVENT_ID, req("conversation", Ty::Ref("Conversation"))]), "`conversation.created`."),
        row("InputAudioBufferCommitedEvent", "InputAudioBufferCommitedEvent", Def::Struct(&[SERVER_EVENT_ID, req("previous_item_id", S), req("item_id", S)]), "`input_audio_buffer.committed` (the crate's struct is spelled `Commited`)."),
        row("InputAudioBufferClearedEvent", "InputAudioBufferClearedEvent", Def::Struct(&[SERVER_EVENT_ID]), "`input_audio_buffer.cleared`."),
        row("InputAudioBufferSpeechStartedEvent", "InputAudioBufferSpeechStartedEvent", Def::Struct(&[SERVER_EVENT_ID, req("audio_start_ms", Ty::U32), req("item_id", S)]), "`input_audio_buffer.speech_started`."),
        row("InputAudioBufferSpeechStoppedEvent", "InputAudioBufferSpeechStoppedEvent", Def::Struct(&[SERVER_EVENT_ID, req("audio_end_ms", Ty::U32), req("item_id", S)]), "`input_audio_buffer.speech_stopped`."),
        row("ConversationItemCreatedEvent", "ConversationItemCreatedEvent", Def::Struct(&[SERVER_EVENT_ID, nul("previous_item_id", S), req("item", Ty::Ref("Item"))]), "`conversation.item.created`."),
        row("ConversationItemInputAudioTranscriptionCompletedEvent", "ConversationItemInputAudioTranscriptionCompletedEvent", Def::Struct(&[SERVER_EVENT_ID, req("item_id", S), req("content_index", Ty::U32), req("transcript", S), nul("logprobs", LOGPROBS)]), "`conversation.item.input_audio_transcription.completed`."),
        row("ConversationItemInputAudioTranscriptionDeltaEvent", "ConversationItemInputAudioTranscriptionDeltaEvent", Def::Struct(&[SERVER_EVENT_ID, req("item_id", S), req("content_index", Ty::U32), req("delta", S), nul("logprobs", LOGPROBS)]), "`conversation.item.input_audio_transcription.delta`."),
        row("ConversationItemInputAudioTranscriptionFailedEvent", "ConversationItemInputAudioTranscriptionFailedEvent", Def::Struct(&[SERVER_EVENT_ID, req("item_id", S), req("content_index", Ty::U32), req("error", Ty::Ref("RealtimeAPIError"))]), "`conversation.item.input_audio_transcription.failed`."),
        row("ConversationItemTruncatedEvent", "ConversationItemTruncatedEvent", Def::Struct(&[SERVER_EVENT_ID, req("item_id", S), req("content_index", Ty::U32), req("audio_end_ms", Ty::U32)]), "`conversation.item.truncated`."),
        row("ConversationItemDeletedEvent", "ConversationItemDeletedEvent", Def::Struct(&[SERVER_EVENT_ID, req("item_id", S)]), "`conversation.item.deleted`."),
        row("ResponseCreatedEvent", "ResponseCreatedEvent", Def::Struct(&[SERVER_EVENT_ID, req("response", Ty::Ref("ResponseResource"))]), "`response.created`."),
        row("ResponseDoneEvent", "ResponseDoneEvent", Def::Struct(&[SERVER_EVENT_ID, req("response", Ty::Ref("ResponseResource"))]), "`response.done`."),
        row("ResponseOutputItemAddedEvent", "ResponseOutputItemAddedEvent", Def::Struct(&[SERVER_EVENT_ID, req("response_id", S), req("output_index", Ty::U32), req("item", Ty::Ref("Item"))]), "`response.output_item.added`."),
        row("ResponseOutputItemDoneEvent", "ResponseOutputItemDoneEvent", Def::Struct(&[SERVER_EVENT_ID, req("response_id", S), req("output_index", Ty::U32), req("item", Ty::Ref("Item"))]), "`response.output_item.done`."),
        row("ResponseContentPartAddedEvent", "ResponseContentPartAddedEvent", Def::Struct(&[SERVER_EVENT_ID, req("response_id", S), req("item_id", S), req("output_index", Ty::U32), req("content_index", Ty::U32), req("part", Ty::Ref("ContentPart"))]), "`response.content_part.added`."),
        row("ResponseContentPartDoneEvent", "ResponseContentPartDoneEvent", Def::Struct(&[SERVER_EVENT_ID, req("response_id", S), req("item_id", S), req("output_index", Ty::U32), req("content_index", Ty::U32), req("part", Ty::Ref("ContentPart"))]), "`response.content_part.done`."),
        row("ResponseTextDeltaEvent", "ResponseTextDeltaEvent", Def::Struct(&[SERVER_EVENT_ID, req("response_id", S), req("item_id", S), req("output_index", Ty::U32), req("content_index", Ty::U32), req("delta", S)]), "`response.text.delta`."),
        row("ResponseTextDoneEvent", "ResponseTextDoneEvent", Def::Struct(&[SERVER_EVENT_ID, req("response_id", S), req("item_id", S), req("output_index", Ty::U32), req("content_index", Ty::U32), req("text", S)]), "`response.text.done`."),
        row("ResponseAudioTranscriptDeltaEvent", "ResponseAudioTranscriptDeltaEvent", Def::Struct(&[SERVER_EVENT_ID, req("response_id", S), req("item_id", S), req("output_index", Ty::U32), req("content_index", Ty::U32), req("delta", S)]), "`response.audio_transcript.delta`."),
        row("ResponseAudioTranscriptDoneEvent", "ResponseAudioTranscriptDoneEvent", Def::Struct(&[SERVER_EVENT_ID, req("response_id", S), req("item_id", S), req("output_index", Ty::U32), req("content_index", Ty::U32), req("transcript", S)]), "`response.audio_transcript.done`."),
        row("ResponseAudioDeltaEvent", "ResponseAudioDeltaEvent", Def::Struct(&[SERVER_EVENT_ID, req("response_id", S), req("item_id", S), req("output_index", Ty::U32), req("content_index", Ty::U32), doc(req("delta", S), "Base64 audio (not checked).")]), "`response.audio.delta`."),
        row("ResponseAudioDoneEvent", "ResponseAudioDoneEvent", Def::Struct(&[SERVER_EVENT_ID, req("response_id", S), req("item_id", S), req("output_index", Ty::U32), req("content_index", Ty::U32)]), "`response.audio.done`."),
        row("ResponseFunctionCallArgumentsDeltaEvent", "ResponseFunctionCallArgumentsDeltaEvent", Def::Struct(&[SERVER_EVENT_ID, req("response_id", S), req("item_id", S), req("output_index", Ty::U32), req("call_id", S), req("delta", S)]), "`response.function_call_arguments.delta`."),
        row("ResponseFunctionCallArgumentsDoneEvent", "ResponseFunctionCallArgumentsDoneEvent", Def::Struct(&[SERVER_EVENT_ID, req("response_id", S), req("item_id", S), req("output_index", Ty::U32), req("call_id", S), req("arguments", S)]), "`response.function_call_arguments.done`."),
        row("RateLimitsUpdatedEvent", "RateLimitsUpdatedEvent", Def::Struct(&[SERVER_EVENT_ID, req("rate_limits", Ty::List(&Ty::Ref("RateLimit")))]), "`rate_limits.updated`."),
        row(
            "RealtimeAPIError",
            "RealtimeAPIError",
            Def::Struct(&[req("type", S), nul("code", S), req("message", S), nul("param", S), nul("event_id", S)]),
            "The error of an `error` event or a failed transcription (`RealtimeAPIError`).",
        ),
        row(
            "Conversation",
            "Conversation",
            Def::Struct(&[req("id", S), req("object", S)]),
            "A conversation (`Conversation`).",
        ),
        row(
            "ResponseResource",
            "ResponseResource",
            Def::Struct(&[
                req("id", S),
                req("object", S),
                req("status", Ty::Ref("ResponseStatus")),
                nul("status_details", Ty::Ref("ResponseStatusDetail")),
                req("output", Ty::List(&Ty::Ref("Item"))),
                nul("usage", Ty::Ref("Usage")),
            ]),
            "A response (`ResponseResource`). Members the crate does not know (`usage.input_token_details`, ...) are dropped.",
        ),
        listed(
            "ResponseStatus",
            "ResponseStatus",
            Def::Enum(&["in_progress", "completed", "cancelled", "failed", "incomplete"]),
            "RESPONSE_STATUSES",
            "`response.status` (`ResponseStatus`).",
        ),
        listed(
            "ResponseStatusDetail",
            "ResponseStatusDetail",
            Def::Tagged {
                tag: "type",
                variants: &[
                    ("incomplete", "IncompleteStatusDetail"),
                    ("failed", "FailedStatusDetail"),
                    ("cancelled", "CancelledStatusDetail"),
                ],
            },
            "RESPONSE_STATUS_DETAIL_TYPES",
            "`response.status_details` (`ResponseStatusDetail`), tagged on `type`.",
        ),
        row(
            "IncompleteStatusDetail",
            "ResponseStatusDetail::Incomplete",
            Def::Struct(&[req("reason", Ty::Ref("IncompleteReason"))]),
            "An incomplete response's details.",
        ),
        row(
            "FailedStatusDetail",
            "ResponseStatusDetail::Failed",
            Def::Struct(&[nul("error", Ty::Ref("FailedError"))]),
            "A failed response's details.",
        ),
        row(
            "CancelledStatusDetail",
            "ResponseStatusDetail::Cancelled",
            Def::Struct(&[req("reason", S)]),
            "A cancelled response's details.",
        ),
        row(
            "FailedError",
            "FailedError",
            Def::Struct(&[req("code", S), req("message", S)]),
            "Why a response failed (`FailedError`): both members required, so a `code: null` the service sends is refused.",
        ),
        listed(
            "IncompleteReason",
            "IncompleteReason",
            Def::Enum(&["interruption", "max_output_tokens", "content_filter"]),
            "INCOMPLETE_REASONS",
            "Why a response is incomplete (`IncompleteReason`).",
        ),
        row(
            "Usage",
            "Usage",
            Def::Struct(&[req("total_tokens", Ty::U32), req("input_tokens", Ty::U32), req("output_tokens", Ty::U32)]),
            "Token usage (`Usage`): the crate keeps only the three totals.",
        ),
        listed(
            "ContentPart",
            "ContentPart",
            Def::Tagged {
                tag: "type",
                variants: &[("text", "TextContentPart"), ("audio", "AudioContentPart")],
            },
            "CONTENT_PART_TYPES",
            "A content part of a response (`ContentPart`), tagged on `type`.",
        ),
        row("TextContentPart", "ContentPart::Text", Def::Struct(&[req("text", S)]), "A text part."),
        row(
            "AudioContentPart",
            "ContentPart::Audio",
            Def::Struct(&[nul("audio", S), req("transcript", S)]),
            "An audio part: `audio` is written as `null` when unset.",
        ),
        row(
            "RateLimit",
            "RateLimit",
            Def::Struct(&[req("name", S), req("limit", Ty::U32), req("remaining", Ty::U32), doc(req("reset_seconds", Ty::F32), F32_DOC)]),
            "One rate limit (`RateLimit`).",
        ),
        row(
            "LogProb",
            "LogProb",
            Def::Struct(&[
                doc(req("bytes", Ty::List(&Ty::U8)), "The token's UTF-8 bytes, each a u8."),
                req("logprob", Ty::F64),
                req("token", S),
            ]),
            "The log probability of a transcription token (`LogProb`).",
        ),
    ],
};
