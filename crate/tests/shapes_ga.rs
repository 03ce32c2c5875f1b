//! The GA shape table (`realtime_codec::shape::GA`, async-openai-wasm =0.31.2) against the crate,
//! with the same two halves as `shapes.rs` for the beta table: the generic `Checker` over the
//! roots, and exhaustive struct literals and enum lists of the crate's own types.
//!
//! Both roots, every member (`RealtimeResponse.metadata`, a `HashMap`, is a `Ty::Map`; its
//! literal holds one entry, the only size whose text is stable).

#[path = "shapes/check.rs"]
mod check;
#[path = "shapes/literals.rs"]
#[macro_use]
mod literals;

use async_openai_wasm_ga::types::mcp::{
    MCPListToolsTool, MCPTool, MCPToolAllowedTools, MCPToolApprovalFilter, MCPToolApprovalSetting,
    MCPToolFilter, MCPToolRequireApproval, McpToolConnectorId,
};
use async_openai_wasm_ga::types::realtime::*;
use async_openai_wasm_ga::types::responses::{
    ImageDetail as InputImageDetail, InputContent, InputImageContent, InputTextContent, Prompt,
    ResponsePromptVariables, ToolChoiceFunction, ToolChoiceMCP, ToolChoiceOptions,
};
use check::Checker;
use literals::{full, literal_problems, tags, text, values, Full};
use realtime_codec::shape::{Def, Member, Presence, Protocol, Ty, GA};
use serde_json::Value;

fn ga_client(text: &str) -> Result<String, String> {
    let event: RealtimeClientEvent = serde_json::from_str(text).map_err(|e| e.to_string())?;
    serde_json::to_string(&event).map_err(|e| e.to_string())
}

fn ga_server(text: &str) -> Result<String, String> {
    let event: RealtimeServerEvent = serde_json::from_str(text).map_err(|e| e.to_string())?;
    serde_json::to_string(&event).map_err(|e| e.to_string())
}

full_is! {
    Session => Session::RealtimeSession(Box::new(full()));
    RealtimeAudioFormats => RealtimeAudioFormats::PCMAudioFormat { rate: full() };
    NoiseReductionType => NoiseReductionType::NearField;
    RealtimeTurnDetection => RealtimeTurnDetection::SemanticVAD {
        create_response: full(), eagerness: full(), interrupt_response: full(),
    };
    RealtimeVoice => RealtimeVoice::Alloy;
    MaxOutputTokens => MaxOutputTokens::Inf;
    ResponsePromptVariables => ResponsePromptVariables::String(full());
    InputImageDetail => InputImageDetail::Auto;
    ToolChoice => ToolChoice::Mode(ToolChoiceOptions::Auto);
    RealtimeTool => RealtimeTool::Function(full());
    MCPToolAllowedTools => MCPToolAllowedTools::List(full());
    McpToolConnectorId => McpToolConnectorId::ConnectorDropbox;
    MCPToolRequireApproval => MCPToolRequireApproval::ApprovalSetting(MCPToolApprovalSetting::Always);
    Tracing => Tracing::Auto;
    RealtimeTruncation => RealtimeTruncation::Auto;
    RealtimeConversationItem => RealtimeConversationItem::FunctionCall(full());
    UserMessageContent => UserMessageContent::InputText(full());
    ImageDetail => ImageDetail::Auto;
    AssistantMessageContent => AssistantMessageContent::OutputText(full());
    RealtimeMCPToolCallError => RealtimeMCPToolCallError::ToolExecutionError(full());
    Conversation => Conversation::Auto;
    TranscriptionUsage => TranscriptionUsage::Duration(full());
    RealtimeResponseStatus => RealtimeResponseStatus::Completed;
    RealtimeResponseStatusDetailType => RealtimeResponseStatusDetailType::Failed;
    RealtimeResponseStatusDetailReason => RealtimeResponseStatusDetailReason::ContentFilter;
    ContentPart => ContentPart::Audio { audio: full(), transcript: full() };
    RealtimeRateLimitName => RealtimeRateLimitName::Tokens;
}

/// `RealtimeResponse` by hand: `metadata` is a map of one entry (a stable text).
impl Full for RealtimeResponse {
    fn full() -> Self {
        RealtimeResponse {
            audio: full(),
            conversation_id: full(),
            id: full(),
            max_output_tokens: full(),
            metadata: Some(std::iter::once((full(), full())).collect()),
            object: full(),
            output: full(),
            output_modalities: full(),
            status: full(),
            status_details: full(),
            usage: full(),
        }
    }
}

/// Every GA struct the client root reaches, each an exhaustive literal with every member set:
/// `impl Full` for each, and `ga_client_structs()` listing their canonical texts.
macro_rules! full_structs {
    ($($name:ident { $($f:ident),* $(,)? })*) => {
        $(impl Full for $name {
            fn full() -> Self {
                $name { $($f: full()),* }
            }
        })*
        fn ga_client_structs() -> Vec<(&'static str, String, Option<&'static str>)> {
            vec![$((stringify!($name), text(&$name::full()), None)),*]
        }
    };
}

full_structs! {
    RealtimeClientEventSessionUpdate { event_id, session }
    RealtimeClientEventInputAudioBufferAppend { event_id, audio }
    RealtimeClientEventInputAudioBufferCommit { event_id }
    RealtimeClientEventInputAudioBufferClear { event_id }
    RealtimeClientEventConversationItemCreate { event_id, previous_item_id, item }
    RealtimeClientEventConversationItemRetrieve { event_id, item_id }
    RealtimeClientEventConversationItemTruncate { event_id, item_id, content_index, audio_end_ms }
    RealtimeClientEventConversationItemDelete { event_id, item_id }
    RealtimeClientEventResponseCreate { event_id, response }
    RealtimeClientEventResponseCancel { event_id, response_id }
    RealtimeClientEventOutputAudioBufferClear { event_id }
    RealtimeSession {
        audio, include, instructions, max_output_tokens, model, output_modalities, prompt,
        tool_choice, tools, tracing, truncation,
    }
    RealtimeTranscriptionSession { audio, include }
    TranscriptionAudio { input }
    Audio { input, output }
    AudioInput { format, noise_reduction, transcription, turn_detection }
    AudioOutput { format, speed, voice }
    AudioTranscription { language, model, prompt }
    Prompt { id, version, variables }
    InputTextContent { text }
    InputImageContent { detail, file_id, image_url }
    ToolChoiceFunction { name }
    ToolChoiceMCP { name, server_label }
    RealtimeFunctionTool { name, description, parameters }
    MCPTool {
        server_label, allowed_tools, authorization, connector_id, headers, require_approval,
        server_description, server_url,
    }
    MCPToolFilter { read_only, tool_names }
    MCPToolApprovalFilter { always, never }
    TracingConfiguration { group_id, metadata, workflow_name }
    RetentionRatioTruncation { retention_ratio, r#type, token_limits }
    TokenLimits { post_instructions }
    RealtimeConversationItemMessageSystem { content, id, object, status }
    SystemMessageContent { text, r#type }
    RealtimeConversationItemMessageUser { content, id, object, status }
    UserMessageContentInputText { text }
    UserMessageContentInputAudio { audio, transcript }
    UserMessageContentInputImage { image_url, detail }
    RealtimeConversationItemMessageAssistant { content, id, object, status }
    AssistantMessageContentOutputText { text }
    AssistantMessageContentOutputAudio { audio, transcript }
    RealtimeConversationItemFunctionCall { arguments, name, call_id, id, object, status }
    RealtimeConversationItemFunctionCallOutput { call_id, output, id, object, status }
    RealtimeMCPApprovalResponse { approval_request_id, approved, id, reason }
    RealtimeMCPListTools { server_label, tools, id }
    MCPListToolsTool { input_schema, name, annotations, description }
    RealtimeMCPToolCall { arguments, id, name, server_label, approval_request_id, error, output }
    ErrorCodeMessage { code, message }
    ErrorMessage { message }
    RealtimeMCPApprovalRequest { arguments, id, name, server_label }
    RealtimeResponseCreateParams {
        audio, conversation, input, instructions, max_output_tokens, metadata, output_modalities,
        prompt, tool_choice, tools,
    }
    ResponseAudio { output }
    ResponseAudioOutput { format, voice }
}

/// The same for every GA server struct: `ga_server_structs()`.
macro_rules! full_server_structs {
    ($($name:ident { $($f:ident),* $(,)? })*) => {
        $(impl Full for $name {
            fn full() -> Self {
                $name { $($f: full()),* }
            }
        })*
        fn ga_server_structs() -> Vec<(&'static str, String, Option<&'static str>)> {
            let mut out = vec![$((stringify!($name), text(&$name::full()), None)),*];
            out.push(("RealtimeResponse", text(&RealtimeResponse::full()), None));
            out
        }
    };
}

full_server_structs! {
    RealtimeServerEventConversationItemAdded { event_id, item, previous_item_id }
    RealtimeServerEventConversationItemDeleted { event_id, item_id }
    RealtimeServerEventConversationItemDone { event_id, item, previous_item_id }
    RealtimeServerEventConversationItemInputAudioTranscriptionCompleted { event_id, item_id, content_index, transcript, logprobs, usage }
    RealtimeServerEventConversationItemInputAudioTranscriptionDelta { event_id, item_id, content_index, delta, logprobs }
    RealtimeServerEventConversationItemInputAudioTranscriptionFailed { event_id, item_id, content_index, error }
    RealtimeServerEventConversationItemInputAudioTranscriptionSegment { event_id, item_id, content_index, text, id, speaker, start, end }
    RealtimeServerEventConversationItemRetrieved { event_id, item }
    RealtimeServerEventConversationItemTruncated { event_id, item_id, content_index, audio_end_ms }
    RealtimeServerEventError { event_id, error }
    RealtimeServerEventInputAudioBufferCleared { event_id }
    RealtimeServerEventInputAudioBufferCommitted { event_id, previous_item_id, item_id }
    RealtimeServerEventInputAudioBufferSpeechStarted { event_id, audio_start_ms, item_id }
    RealtimeServerEventInputAudioBufferSpeechStopped { event_id, audio_end_ms, item_id }
    RealtimeServerEventInputAudioBufferTimeoutTriggered { event_id, audio_end_ms, audio_start_ms, item_id }
    RealtimeServerEventMCPListToolsCompleted { event_id, item_id }
    RealtimeServerEventMCPListToolsFailed { event_id, item_id }
    RealtimeServerEventMCPListToolsInProgress { event_id, item_id }
    RealtimeServerEventOutputAudioBufferCleared { event_id, response_id }
    RealtimeServerEventOutputAudioBufferStarted { event_id, response_id }
    RealtimeServerEventOutputAudioBufferStopped { event_id, response_id }
    RealtimeServerEventRateLimitsUpdated { event_id, rate_limits }
    RealtimeServerEventResponseAudioDelta { event_id, response_id, item_id, output_index, content_index, delta }
    RealtimeServerEventResponseAudioDone { event_id, response_id, item_id, output_index, content_index }
    RealtimeServerEventResponseAudioTranscriptDelta { event_id, response_id, item_id, output_index, content_index, delta }
    RealtimeServerEventResponseAudioTranscriptDone { event_id, response_id, item_id, output_index, content_index, transcript }
    RealtimeServerEventResponseContentPartAdded { event_id, response_id, item_id, output_index, content_index, part }
    RealtimeServerEventResponseContentPartDone { event_id, response_id, item_id, output_index, content_index, part }
    RealtimeServerEventResponseCreated { event_id, response }
    RealtimeServerEventResponseDone { event_id, response }
    RealtimeServerEventResponseFunctionCallArgumentsDelta { event_id, response_id, item_id, output_index, call_id, delta }
    RealtimeServerEventResponseFunctionCallArgumentsDone { event_id, response_id, item_id, output_index, call_id, arguments }
    RealtimeServerEventResponseMCPCallArgumentsDelta { event_id, response_id, item_id, output_index, delta, obfuscation }
    RealtimeServerEventResponseMCPCallArgumentsDone { event_id, response_id, item_id, output_index, arguments }
    RealtimeServerEventResponseMCPCallCompleted { event_id, output_index, item_id }
    RealtimeServerEventResponseMCPCallFailed { event_id, output_index, item_id }
    RealtimeServerEventResponseMCPCallInProgress { event_id, output_index, item_id }
    RealtimeServerEventResponseOutputItemAdded { event_id, response_id, output_index, item }
    RealtimeServerEventResponseOutputItemDone { event_id, response_id, output_index, item }
    RealtimeServerEventResponseTextDelta { event_id, response_id, item_id, output_index, content_index, delta }
    RealtimeServerEventResponseTextDone { event_id, response_id, item_id, output_index, content_index, text }
    RealtimeServerEventSessionCreated { event_id, session }
    RealtimeServerEventSessionUpdated { event_id, session }
    RealtimeAPIError { r#type, code, message, param, event_id }
    LogProbProperties { bytes, logprob, token }
    TranscriptTextUsageTokens { input_tokens, output_tokens, total_tokens, input_token_details }
    TokenUsageInputTokenDetails { audio_tokens, text_tokens }
    TranscriptTextUsageDuration { seconds }
    RealtimeResponseStatusDetail { error, reason, r#type }
    Error { code, r#type }
    RealtimeResponseUsage { input_token_details, input_tokens, output_token_details, output_tokens, total_tokens }
    InputTokenDetails { audio_tokens, cached_tokens, cached_token_details, image_tokens, text_tokens }
    CachedTokenDetails { audio_tokens, image_tokens, text_tokens }
    OutputTokenDetails { text_tokens, audio_tokens }
    RealtimeRateLimit { name, limit, remaining, reset_seconds }
}

/// Rows no literal can check, and why (the literal half; the checker still asks the crate).
const NO_LITERAL: &[(&str, &str)] = &[(
    "InputFileContent",
    "the crate's fields are private: no struct literal outside the crate",
)];

/// Every GA client struct (and variant struct), fully populated by an exhaustive literal.
fn ga_client_literals() -> Vec<(&'static str, String, Option<&'static str>)> {
    let mut out = ga_client_structs();
    let variants: Vec<(&'static str, String, Option<&'static str>)> = vec![
        (
            "ServerVadTurnDetection",
            text(&RealtimeTurnDetection::ServerVAD {
                create_response: full(),
                idle_timeout_ms: full(),
                interrupt_response: full(),
                prefix_padding_ms: full(),
                silence_duration_ms: full(),
                threshold: full(),
            }),
            Some("type"),
        ),
        ("SemanticVadTurnDetection", text(&RealtimeTurnDetection::full()), Some("type")),
        ("PCMAudioFormat", text(&RealtimeAudioFormats::full()), Some("type")),
        ("PCMUAudioFormat", text(&RealtimeAudioFormats::PCMUAudioFormat), Some("type")),
        ("PCMAAudioFormat", text(&RealtimeAudioFormats::PCMAAudioFormat), Some("type")),
        ("NearFieldNoiseReduction", text(&NoiseReductionType::NearField), Some("type")),
        ("FarFieldNoiseReduction", text(&NoiseReductionType::FarField), Some("type")),
    ];
    out.extend(variants);
    out.extend(ga_server_structs().into_iter().map(|(name, text, tag)| {
        // Two rows are named apart from the crate's struct: `Error` (a response's status error).
        (if name == "Error" { "ResponseStatusError" } else { name }, text, tag)
    }));
    out.extend([
        ("TextContentPart", text(&ContentPart::Text { text: full() }), Some("type")),
        ("AudioContentPart", text(&ContentPart::full()), Some("type")),
    ]);
    out
}

/// Every GA client enum's values or tags, from exhaustive lists: a new variant does not compile.
fn ga_client_enums() -> Vec<(&'static str, Vec<String>)> {
    use RealtimeClientEvent as C;
    let events = [
        C::SessionUpdate(full()),
        C::InputAudioBufferAppend(full()),
        C::InputAudioBufferCommit(full()),
        C::InputAudioBufferClear(full()),
        C::ConversationItemCreate(full()),
        C::ConversationItemRetrieve(full()),
        C::ConversationItemTruncate(full()),
        C::ConversationItemDelete(full()),
        C::ResponseCreate(full()),
        C::ResponseCancel(full()),
        C::OutputAudioBufferClear(full()),
    ];
    for e in &events {
        match e {
            C::SessionUpdate(_)
            | C::InputAudioBufferAppend(_)
            | C::InputAudioBufferCommit(_)
            | C::InputAudioBufferClear(_)
            | C::ConversationItemCreate(_)
            | C::ConversationItemRetrieve(_)
            | C::ConversationItemTruncate(_)
            | C::ConversationItemDelete(_)
            | C::ResponseCreate(_)
            | C::ResponseCancel(_)
            | C::OutputAudioBufferClear(_) => {}
        }
    }
    let sessions = [
        Session::full(),
        Session::RealtimeTranscriptionSession(full()),
    ];
    for v in &sessions {
        match v {
            Session::RealtimeSession(_) | Session::RealtimeTranscriptionSession(_) => {}
        }
    }
    let formats = [
        RealtimeAudioFormats::full(),
        RealtimeAudioFormats::PCMUAudioFormat,
        RealtimeAudioFormats::PCMAAudioFormat,
    ];
    for v in &formats {
        match v {
            RealtimeAudioFormats::PCMAudioFormat { .. }
            | RealtimeAudioFormats::PCMUAudioFormat
            | RealtimeAudioFormats::PCMAAudioFormat => {}
        }
    }
    let noise = [NoiseReductionType::NearField, NoiseReductionType::FarField];
    for v in &noise {
        match v {
            NoiseReductionType::NearField | NoiseReductionType::FarField => {}
        }
    }
    let turn = [
        RealtimeTurnDetection::ServerVAD {
            create_response: None,
            idle_timeout_ms: None,
            interrupt_response: None,
            prefix_padding_ms: 0,
            silence_duration_ms: 0,
            threshold: 0.5,
        },
        RealtimeTurnDetection::full(),
    ];
    for v in &turn {
        match v {
            RealtimeTurnDetection::ServerVAD { .. } | RealtimeTurnDetection::SemanticVAD { .. } => {}
        }
    }
    let voices = {
        use RealtimeVoice::*;
        let all = [Alloy, Ash, Ballad, Coral, Echo, Sage, Shimmer, Verse, Marin, Cedar];
        for v in all.iter().chain([&Other(full())]) {
            match v {
                Alloy | Ash | Ballad | Coral | Echo | Sage | Shimmer | Verse | Marin | Cedar
                | Other(_) => {}
            }
        }
        values(&all)
    };
    for v in [MaxOutputTokens::Inf, MaxOutputTokens::Num(0)] {
        match v {
            MaxOutputTokens::Inf | MaxOutputTokens::Num(_) => {}
        }
    }
    let prompt_variables = [
        ResponsePromptVariables::full(),
        ResponsePromptVariables::Content(InputContent::InputText(full())),
        ResponsePromptVariables::Custom(Value::Null),
    ];
    for v in &prompt_variables {
        match v {
            ResponsePromptVariables::String(_)
            | ResponsePromptVariables::Content(_)
            | ResponsePromptVariables::Custom(_) => {}
        }
    }
    let contents = [
        InputContent::InputText(full()),
        InputContent::InputImage(full()),
    ];
    for v in &contents {
        match v {
            InputContent::InputText(_) | InputContent::InputImage(_) | InputContent::InputFile(_) => {}
        }
    }
    // InputFileContent cannot be built here (private fields): its tag is listed by hand and the
    // checker asks the crate for it (`unknown variant ..., expected one of ...`).
    let mut content_tags = tags(&contents);
    content_tags.push("input_file".to_owned());
    let input_image_details = {
        use InputImageDetail::*;
        let all = [Auto, Low, High];
        for v in &all {
            match v {
                Auto | Low | High => {}
            }
        }
        values(&all)
    };
    let tool_choices = [
        ToolChoice::Function(full()),
        ToolChoice::Mcp(full()),
        ToolChoice::full(),
    ];
    for v in &tool_choices {
        match v {
            ToolChoice::Function(_) | ToolChoice::Mcp(_) | ToolChoice::Mode(_) => {}
        }
    }
    let modes = {
        use ToolChoiceOptions::*;
        let all = [None, Auto, Required];
        for v in &all {
            match v {
                None | Auto | Required => {}
            }
        }
        values(&all)
    };
    let tools = [RealtimeTool::full(), RealtimeTool::MCP(full())];
    for v in &tools {
        match v {
            RealtimeTool::Function(_) | RealtimeTool::MCP(_) => {}
        }
    }
    for v in [MCPToolAllowedTools::full(), MCPToolAllowedTools::Filter(full())] {
        match v {
            MCPToolAllowedTools::List(_) | MCPToolAllowedTools::Filter(_) => {}
        }
    }
    let connectors = {
        use McpToolConnectorId::*;
        let all = [
            ConnectorDropbox,
            ConnectorGmail,
            ConnectorGooglecalendar,
            ConnectorGoogledrive,
            ConnectorMicrosoftteams,
            ConnectorOutlookcalendar,
            ConnectorOutlookemail,
            ConnectorSharepoint,
        ];
        for v in &all {
            match v {
                ConnectorDropbox | ConnectorGmail | ConnectorGooglecalendar
                | ConnectorGoogledrive | ConnectorMicrosoftteams | ConnectorOutlookcalendar
                | ConnectorOutlookemail | ConnectorSharepoint => {}
            }
        }
        values(&all)
    };
    for v in [MCPToolRequireApproval::full(), MCPToolRequireApproval::Filter(full())] {
        match v {
            MCPToolRequireApproval::Filter(_) | MCPToolRequireApproval::ApprovalSetting(_) => {}
        }
    }
    let approval_settings = {
        use MCPToolApprovalSetting::*;
        let all = [Always, Never];
        for v in &all {
            match v {
                Always | Never => {}
            }
        }
        values(&all)
    };
    for v in [Tracing::Auto, Tracing::Configuration(full())] {
        match v {
            Tracing::Auto | Tracing::Configuration(_) => {}
        }
    }
    let truncation_modes = [RealtimeTruncation::Auto, RealtimeTruncation::Disabled];
    for v in truncation_modes.iter().chain([&RealtimeTruncation::RetentionRatio(full())]) {
        match v {
            RealtimeTruncation::Auto
            | RealtimeTruncation::Disabled
            | RealtimeTruncation::RetentionRatio(_) => {}
        }
    }
    let items = [
        RealtimeConversationItem::Message(RealtimeConversationItemMessage::System(full())),
        RealtimeConversationItem::full(),
        RealtimeConversationItem::FunctionCallOutput(full()),
        RealtimeConversationItem::McpApprovalResponse(full()),
        RealtimeConversationItem::McpListTools(full()),
        RealtimeConversationItem::McpCall(full()),
        RealtimeConversationItem::McpApprovalRequest(full()),
    ];
    for v in &items {
        use RealtimeConversationItem as I;
        match v {
            I::Message(_)
            | I::FunctionCall(_)
            | I::FunctionCallOutput(_)
            | I::McpApprovalResponse(_)
            | I::McpListTools(_)
            | I::McpCall(_)
            | I::McpApprovalRequest(_) => {}
        }
    }
    let roles = {
        use RealtimeConversationItemMessage as M;
        let all = [M::System(full()), M::User(full()), M::Assistant(full())];
        for v in &all {
            match v {
                M::System(_) | M::User(_) | M::Assistant(_) => {}
            }
        }
        all.iter()
            .map(|v| {
                let value: Value = serde_json::from_str(&text(v)).unwrap_or_default();
                value["role"].as_str().unwrap_or_default().to_owned()
            })
            .collect::<Vec<_>>()
    };
    let user_contents = [
        UserMessageContent::full(),
        UserMessageContent::InputAudio(full()),
        UserMessageContent::InputImage(full()),
    ];
    for v in &user_contents {
        match v {
            UserMessageContent::InputText(_)
            | UserMessageContent::InputAudio(_)
            | UserMessageContent::InputImage(_) => {}
        }
    }
    let image_details = {
        use ImageDetail::*;
        let all = [Auto, Low, High];
        for v in &all {
            match v {
                Auto | Low | High => {}
            }
        }
        values(&all)
    };
    let assistant_contents = [
        AssistantMessageContent::full(),
        AssistantMessageContent::OutputAudio(full()),
    ];
    for v in &assistant_contents {
        match v {
            AssistantMessageContent::OutputText(_) | AssistantMessageContent::OutputAudio(_) => {}
        }
    }
    let call_errors = [
        RealtimeMCPToolCallError::ProtocolError(full()),
        RealtimeMCPToolCallError::full(),
        RealtimeMCPToolCallError::HttpError(full()),
    ];
    for v in &call_errors {
        match v {
            RealtimeMCPToolCallError::ProtocolError(_)
            | RealtimeMCPToolCallError::ToolExecutionError(_)
            | RealtimeMCPToolCallError::HttpError(_) => {}
        }
    }
    let conversations = {
        use Conversation::*;
        let all = [Auto, None];
        for v in &all {
            match v {
                Auto | None => {}
            }
        }
        values(&all)
    };
    use RealtimeServerEvent as E;
    let server_events: Vec<RealtimeServerEvent> = vec![
        E::Error(full()),
        E::SessionCreated(full()),
        E::SessionUpdated(full()),
        E::ConversationItemAdded(full()),
        E::ConversationItemDone(full()),
        E::ConversationItemRetrieved(full()),
        E::ConversationItemInputAudioTranscriptionCompleted(full()),
        E::ConversationItemInputAudioTranscriptionDelta(full()),
        E::ConversationItemInputAudioTranscriptionSegment(full()),
        E::ConversationItemInputAudioTranscriptionFailed(full()),
        E::ConversationItemTruncated(full()),
        E::ConversationItemDeleted(full()),
        E::InputAudioBufferCommitted(full()),
        E::InputAudioBufferCleared(full()),
        E::InputAudioBufferSpeechStarted(full()),
        E::InputAudioBufferSpeechStopped(full()),
        E::InputAudioBufferTimeoutTriggered(full()),
        E::OutputAudioBufferStarted(full()),
        E::OutputAudioBufferStopped(full()),
        E::OutputAudioBufferCleared(full()),
        E::ResponseCreated(full()),
        E::ResponseDone(full()),
        E::ResponseOutputItemAdded(full()),
        E::ResponseOutputItemDone(full()),
        E::ResponseContentPartAdded(full()),
        E::ResponseContentPartDone(full()),
        E::ResponseOutputTextDelta(full()),
        E::ResponseOutputTextDone(full()),
        E::ResponseOutputAudioTranscriptDelta(full()),
        E::ResponseOutputAudioTranscriptDone(full()),
        E::ResponseOutputAudioDelta(full()),
        E::ResponseOutputAudioDone(full()),
        E::ResponseFunctionCallArgumentsDelta(full()),
        E::ResponseFunctionCallArgumentsDone(full()),
        E::ResponseMCPCallArgumentsDelta(full()),
        E::ResponseMCPCallArgumentsDone(full()),
        E::ResponseMCPCallInProgress(full()),
        E::ResponseMCPCallCompleted(full()),
        E::ResponseMCPCallFailed(full()),
        E::MCPListToolsInProgress(full()),
        E::MCPListToolsCompleted(full()),
        E::MCPListToolsFailed(full()),
        E::RateLimitsUpdated(full()),
    ];
    // The index function in lib.rs is exhaustive; here each position must be the one it gives.
    for (i, e) in server_events.iter().enumerate() {
        assert_eq!(realtime_codec::ga_server_event_index(e), i);
    }
    let usages = [TranscriptionUsage::Tokens(full()), TranscriptionUsage::full()];
    for v in &usages {
        match v {
            TranscriptionUsage::Tokens(_) | TranscriptionUsage::Duration(_) => {}
        }
    }
    let response_statuses = {
        use RealtimeResponseStatus::*;
        let all = [InProgress, Completed, Cancelled, Failed, Incomplete];
        for v in &all {
            match v {
                InProgress | Completed | Cancelled | Failed | Incomplete => {}
            }
        }
        values(&all)
    };
    let detail_types = {
        use RealtimeResponseStatusDetailType::*;
        let all = [Completed, Cancelled, Incomplete, Failed];
        for v in &all {
            match v {
                Completed | Cancelled | Incomplete | Failed => {}
            }
        }
        values(&all)
    };
    let detail_reasons = {
        use RealtimeResponseStatusDetailReason::*;
        let all = [TurnDetected, ClientCancelled, MaxOutputTokens, ContentFilter];
        for v in &all {
            match v {
                TurnDetected | ClientCancelled | MaxOutputTokens | ContentFilter => {}
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
    let limit_names = {
        use RealtimeRateLimitName::*;
        let all = [Requests, Tokens];
        for v in &all {
            match v {
                Requests | Tokens => {}
            }
        }
        values(&all)
    };
    vec![
        ("RealtimeServerEvent", tags(&server_events)),
        ("TranscriptionUsage", tags(&usages)),
        ("RealtimeResponseStatus", response_statuses),
        ("RealtimeResponseStatusDetailType", detail_types),
        ("RealtimeResponseStatusDetailReason", detail_reasons),
        ("ContentPart", tags(&parts)),
        ("RealtimeRateLimitName", limit_names),
        ("RealtimeClientEvent", tags(&events)),
        ("Session", tags(&sessions)),
        ("RealtimeAudioFormats", tags(&formats)),
        ("NoiseReductionType", tags(&noise)),
        ("RealtimeTurnDetection", tags(&turn)),
        ("RealtimeVoiceName", voices),
        ("InputContent", content_tags),
        ("InputImageDetail", input_image_details),
        ("ToolChoiceTagged", tags(&tool_choices[..2])),
        ("ToolChoiceOptions", modes),
        ("RealtimeTool", tags(&tools)),
        ("McpToolConnectorId", connectors),
        ("MCPToolApprovalSetting", approval_settings),
        ("RealtimeTruncationMode", values(&truncation_modes)),
        ("RealtimeConversationItem", tags(&items)),
        ("RealtimeConversationItemMessage", roles),
        ("UserMessageContent", tags(&user_contents)),
        ("ImageDetail", image_details),
        ("AssistantMessageContent", tags(&assistant_contents)),
        ("RealtimeMCPToolCallError", tags(&call_errors)),
        ("Conversation", conversations),
    ]
}

fn all_problems(p: &Protocol) -> Vec<String> {
    let mut checker = Checker::new(p, ga_client, Some(ga_server));
    checker.run();
    let mut problems = checker.problems;
    let literals = ga_client_literals();
    let enums = ga_client_enums();
    // Rows no literal can build are exempt from the coverage rule, by name and with a reason.
    problems.extend(
        literal_problems(p, &literals, &enums)
            .into_iter()
            .filter(|problem| {
                !NO_LITERAL
                    .iter()
                    .any(|(name, _)| *problem == format!("{name}: no exhaustive literal checks this row"))
            }),
    );
    problems
}

#[test]
fn ga_rows_agree_with_the_crate() {
    let problems = all_problems(&GA);
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_library_ga_event_types_are_the_rows() {
    let Some(Def::Tagged { variants, .. }) = GA.get(GA.client).map(|r| r.def) else {
        panic!("no client root");
    };
    let tags: Vec<&str> = variants.iter().map(|(v, _)| *v).collect();
    assert_eq!(tags, realtime_codec::GA_EVENT_TYPES);
    let Some(Def::Tagged { variants, .. }) = GA.server.and_then(|s| GA.get(s)).map(|r| r.def) else {
        panic!("no server root");
    };
    let tags: Vec<&str> = variants.iter().map(|(v, _)| *v).collect();
    assert_eq!(tags, realtime_codec::GA_SERVER_EVENT_TYPES);
}

/// A copy of GA with one row replaced.
fn with_row(name: &str, def: Def) -> Protocol {
    check::with_row(&GA, name, def)
}

fn members_of(name: &str) -> Vec<Member> {
    check::members_of(&GA, name)
}

use check::leak;

#[test]
fn a_wrong_ga_row_fails() {
    let mut cases: Vec<(&str, Protocol)> = Vec::new();
    // The service's `turn_detection: null`: the crate refuses it (required, not nullable).
    let mut m = members_of("AudioInput");
    m[3].presence = Presence::Nullable;
    cases.push(("turn_detection: null", with_row("AudioInput", leak(m))));
    // The service's user audio item without `audio` and with `transcript: null`.
    let mut m = members_of("UserMessageContentInputAudio");
    m[1].presence = Presence::Optional;
    cases.push(("transcript: null", with_row("UserMessageContentInputAudio", leak(m))));
    // A nullable member called optional (system messages write `id: null`).
    let mut m = members_of("RealtimeConversationItemMessageSystem");
    m[1].presence = Presence::Optional;
    cases.push(("system id", with_row("RealtimeConversationItemMessageSystem", leak(m))));
    // Members swapped in a struct under a nested tag (a user message).
    let mut m = members_of("RealtimeConversationItemMessageUser");
    m.swap(1, 2);
    cases.push(("user order", with_row("RealtimeConversationItemMessageUser", leak(m))));
    // f32 called f64, u32 called u16.
    let mut m = members_of("AudioOutput");
    m[1].ty = Ty::F64;
    cases.push(("speed", with_row("AudioOutput", leak(m))));
    let mut m = members_of("PCMAudioFormat");
    m[0].ty = Ty::U16;
    cases.push(("rate", with_row("PCMAudioFormat", leak(m))));
    // A response.create parameter the crate requires, called optional.
    let mut m = members_of("RealtimeResponseCreateParams");
    m[3].presence = Presence::Optional;
    cases.push(("instructions", with_row("RealtimeResponseCreateParams", leak(m))));
    // An optional member left out (only the literal notices).
    let mut m = members_of("ServerVadTurnDetection");
    m.remove(1);
    cases.push(("idle_timeout_ms", with_row("ServerVadTurnDetection", leak(m))));
    // Closed lists: a role too many, a voice too few.
    cases.push((
        "roles",
        with_row(
            "RealtimeConversationItemMessage",
            Def::Tagged {
                tag: "role",
                variants: &[
                    ("system", "RealtimeConversationItemMessageSystem"),
                    ("user", "RealtimeConversationItemMessageUser"),
                    ("assistant", "RealtimeConversationItemMessageAssistant"),
                    ("developer", "RealtimeConversationItemMessageSystem"),
                ],
            },
        ),
    ));
    cases.push((
        "voices",
        with_row(
            "RealtimeVoiceName",
            Def::Enum(&["alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse", "marin"]),
        ),
    ));
    // The open voice called closed (no string alternative): `Other(String)` takes any string.
    cases.push((
        "closed voice",
        with_row("RealtimeVoice", Def::Untagged(&[Ty::Ref("RealtimeVoiceName")])),
    ));
    // A tag value renamed.
    cases.push((
        "pcm",
        with_row(
            "RealtimeAudioFormats",
            Def::Tagged {
                tag: "type",
                variants: &[
                    ("audio/pcm16", "PCMAudioFormat"),
                    ("audio/pcmu", "PCMUAudioFormat"),
                    ("audio/pcma", "PCMAAudioFormat"),
                ],
            },
        ),
    ));
    // An untagged alternative of the wrong width.
    cases.push((
        "max_output_tokens",
        with_row("MaxOutputTokens", Def::Untagged(&[Ty::Literal("inf"), Ty::U32])),
    ));
    // The catch-all left out of the prompt's variables.
    cases.push((
        "variables",
        with_row(
            "ResponsePromptVariables",
            Def::Untagged(&[Ty::Str, Ty::Ref("InputContent")]),
        ),
    ));
    // Server rows. The service's `code: null` in a failed response's status error is refused.
    let mut m = members_of("ResponseStatusError");
    m[0].presence = Presence::Nullable;
    cases.push(("code: null", with_row("ResponseStatusError", leak(m))));
    // GA's committed event takes `previous_item_id: null` (beta's requires a string).
    let mut m = members_of("RealtimeServerEventInputAudioBufferCommitted");
    m[1].presence = Presence::Required;
    cases.push(("committed", with_row("RealtimeServerEventInputAudioBufferCommitted", leak(m))));
    let mut m = members_of("RealtimeServerEventConversationItemInputAudioTranscriptionSegment");
    m[6].ty = Ty::F64;
    cases.push(("segment start", with_row("RealtimeServerEventConversationItemInputAudioTranscriptionSegment", leak(m))));
    let mut m = members_of("RealtimeResponse");
    m.swap(4, 5);
    cases.push(("response order", with_row("RealtimeResponse", leak(m))));
    let mut m = members_of("AudioContentPart");
    m[0].presence = Presence::Optional;
    cases.push(("part audio", with_row("AudioContentPart", leak(m))));
    let mut m = members_of("RealtimeServerEventResponseMCPCallArgumentsDelta");
    m.remove(5);
    cases.push(("obfuscation", with_row("RealtimeServerEventResponseMCPCallArgumentsDelta", leak(m))));
    cases.push(("limit names", with_row("RealtimeRateLimitName", Def::Enum(&["requests", "tokens", "audio"]))));
    for (what, protocol) in cases {
        let problems = all_problems(&protocol);
        let changed: Vec<&str> = protocol
            .types
            .iter()
            .zip(GA.types)
            .filter(|(a, b)| a != b)
            .map(|(a, _)| a.name)
            .collect();
        assert_eq!(changed.len(), 1);
        assert!(
            problems.iter().any(|p| p.contains(changed[0])),
            "the broken row ({what}) was not noticed: {problems:?}"
        );
        eprintln!("{what}: {} problems, first: {}", problems.len(), problems[0]);
    }
}
