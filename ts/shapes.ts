/**
 * The shape table of the crate's types: members in declaration order, their presence and kind,
 * tags and untagged alternatives. Plain data, read by the fast path (fast.ts).
 *
 * PROVISIONAL: written by hand from async-openai-wasm 0.29.5's `src/types/realtime/` for the beta
 * client types, until the generator (issue 10) emits this file, in this same shape, from the Rust
 * table that is checked against the crate.
 * @module
 */

/** A member's type. */
export type TypeRef =
  | 'string' | 'bool' | 'u8' | 'u16' | 'u32' | 'f32' | 'f64' | 'json' // json = serde_json::Value
  | { readonly list: TypeRef }
  | { readonly ref: string } // a named type of the same protocol
  | { readonly literal: string }; // exactly this string (MaxResponseOutputTokens's "inf")
/** required: must be present, null rejected (except that a required 'json' accepts null as a value);
 *  optional: Option<T> skipped when None: absent or null reads as unset, written only when set;
 *  nullable: Option<T> never skipped: absent or null reads as unset, written as null when unset. */
export type Presence = 'required' | 'optional' | 'nullable';
export interface Member { readonly name: string; readonly type: TypeRef; readonly presence: Presence; readonly doc?: string }
export type NamedType =
  | { readonly kind: 'enum'; readonly values: readonly string[]; readonly doc?: string }
  | { readonly kind: 'struct'; readonly members: readonly Member[]; readonly doc?: string }
  /** internally tagged (serde tag = "type"): each variant is a struct whose members follow the tag member, which is written first */
  | { readonly kind: 'tagged'; readonly tag: string; readonly variants: readonly { readonly value: string; readonly struct: string }[]; readonly doc?: string }
  /** tried in order, first that reads wins (serde untagged) */
  | { readonly kind: 'untagged'; readonly alternatives: readonly TypeRef[]; readonly doc?: string };
export interface Protocol {
  readonly name: 'beta' | 'ga';
  readonly crate: string; // e.g. 'async-openai-wasm =0.29.5'
  readonly types: Readonly<Record<string, NamedType>>;
  readonly client: string; // root type name, e.g. 'ClientEvent'
  readonly server?: string; // e.g. 'ServerEvent' (later)
}

const eventId: Member = { name: 'event_id', type: 'string', presence: 'optional' };

export const BETA: Protocol = {
  name: 'beta',
  crate: 'async-openai-wasm =0.29.5',
  client: 'ClientEvent',
  types: {
    ClientEvent: {
      kind: 'tagged',
      tag: 'type',
      variants: [
        { value: 'session.update', struct: 'SessionUpdateEvent' },
        { value: 'input_audio_buffer.append', struct: 'InputAudioBufferAppendEvent' },
        { value: 'input_audio_buffer.commit', struct: 'InputAudioBufferCommitEvent' },
        { value: 'input_audio_buffer.clear', struct: 'InputAudioBufferClearEvent' },
        { value: 'conversation.item.create', struct: 'ConversationItemCreateEvent' },
        { value: 'conversation.item.truncate', struct: 'ConversationItemTruncateEvent' },
        { value: 'conversation.item.delete', struct: 'ConversationItemDeleteEvent' },
        { value: 'response.create', struct: 'ResponseCreateEvent' },
        { value: 'response.cancel', struct: 'ResponseCancelEvent' },
      ],
    },
    SessionUpdateEvent: { kind: 'struct', members: [eventId, { name: 'session', type: { ref: 'SessionResource' }, presence: 'required' }] },
    InputAudioBufferAppendEvent: { kind: 'struct', members: [eventId, { name: 'audio', type: 'string', presence: 'required' }] },
    InputAudioBufferCommitEvent: { kind: 'struct', members: [eventId] },
    InputAudioBufferClearEvent: { kind: 'struct', members: [eventId] },
    ConversationItemCreateEvent: {
      kind: 'struct',
      members: [eventId, { name: 'previous_item_id', type: 'string', presence: 'optional' }, { name: 'item', type: { ref: 'Item' }, presence: 'required' }],
    },
    ConversationItemTruncateEvent: {
      kind: 'struct',
      members: [
        eventId,
        { name: 'item_id', type: 'string', presence: 'required' },
        { name: 'content_index', type: 'u32', presence: 'required' },
        { name: 'audio_end_ms', type: 'u32', presence: 'required' },
      ],
    },
    ConversationItemDeleteEvent: { kind: 'struct', members: [eventId, { name: 'item_id', type: 'string', presence: 'required' }] },
    ResponseCreateEvent: { kind: 'struct', members: [eventId, { name: 'response', type: { ref: 'SessionResource' }, presence: 'nullable' }] },
    ResponseCancelEvent: { kind: 'struct', members: [eventId] },
    SessionResource: {
      kind: 'struct',
      members: [
        { name: 'model', type: 'string', presence: 'optional' },
        { name: 'modalities', type: { list: 'string' }, presence: 'optional' },
        { name: 'instructions', type: 'string', presence: 'optional' },
        { name: 'voice', type: { ref: 'RealtimeVoice' }, presence: 'optional' },
        { name: 'input_audio_format', type: { ref: 'AudioFormat' }, presence: 'optional' },
        { name: 'output_audio_format', type: { ref: 'AudioFormat' }, presence: 'optional' },
        { name: 'input_audio_transcription', type: { ref: 'AudioTranscription' }, presence: 'optional' },
        { name: 'turn_detection', type: { ref: 'TurnDetection' }, presence: 'optional' },
        { name: 'tools', type: { list: { ref: 'ToolDefinition' } }, presence: 'optional' },
        { name: 'tool_choice', type: { ref: 'ToolChoice' }, presence: 'optional' },
        { name: 'temperature', type: 'f32', presence: 'optional' },
        { name: 'max_response_output_tokens', type: { ref: 'MaxResponseOutputTokens' }, presence: 'optional' },
      ],
    },
    AudioFormat: { kind: 'enum', values: ['pcm16', 'g711_law', 'g711_alaw'] },
    RealtimeVoice: { kind: 'enum', values: ['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'onyx', 'nova', 'shimmer', 'verse'] },
    AudioTranscription: {
      kind: 'struct',
      members: [
        { name: 'language', type: 'string', presence: 'optional' },
        { name: 'model', type: 'string', presence: 'optional' },
        { name: 'prompt', type: 'string', presence: 'optional' },
      ],
    },
    TurnDetection: {
      kind: 'tagged',
      tag: 'type',
      variants: [
        { value: 'server_vad', struct: 'ServerVadTurnDetection' },
        { value: 'semantic_vad', struct: 'SemanticVadTurnDetection' },
      ],
    },
    ServerVadTurnDetection: {
      kind: 'struct',
      members: [
        { name: 'threshold', type: 'f32', presence: 'required' },
        { name: 'prefix_padding_ms', type: 'u32', presence: 'required' },
        { name: 'silence_duration_ms', type: 'u32', presence: 'required' },
        { name: 'create_response', type: 'bool', presence: 'optional' },
        { name: 'interrupt_response', type: 'bool', presence: 'optional' },
      ],
    },
    SemanticVadTurnDetection: {
      kind: 'struct',
      members: [
        { name: 'eagerness', type: 'string', presence: 'required' },
        { name: 'create_response', type: 'bool', presence: 'optional' },
        { name: 'interrupt_response', type: 'bool', presence: 'optional' },
      ],
    },
    ToolDefinition: { kind: 'tagged', tag: 'type', variants: [{ value: 'function', struct: 'FunctionTool' }] },
    FunctionTool: {
      kind: 'struct',
      members: [
        { name: 'name', type: 'string', presence: 'required' },
        { name: 'description', type: 'string', presence: 'required' },
        { name: 'parameters', type: 'json', presence: 'required' },
      ],
    },
    ToolChoice: { kind: 'untagged', alternatives: [{ ref: 'ToolChoiceMode' }, { ref: 'ToolChoiceFunction' }] },
    ToolChoiceMode: { kind: 'enum', values: ['auto', 'none', 'required'] },
    ToolChoiceFunction: {
      kind: 'struct',
      members: [
        { name: 'type', type: { ref: 'FunctionType' }, presence: 'required' },
        { name: 'name', type: 'string', presence: 'required' },
      ],
    },
    FunctionType: { kind: 'enum', values: ['function'] },
    MaxResponseOutputTokens: { kind: 'untagged', alternatives: [{ literal: 'inf' }, 'u16'] },
    Item: {
      kind: 'struct',
      members: [
        { name: 'id', type: 'string', presence: 'optional' },
        { name: 'type', type: { ref: 'ItemType' }, presence: 'optional' },
        { name: 'status', type: { ref: 'ItemStatus' }, presence: 'optional' },
        { name: 'role', type: { ref: 'ItemRole' }, presence: 'optional' },
        { name: 'content', type: { list: { ref: 'ItemContent' } }, presence: 'optional' },
        { name: 'call_id', type: 'string', presence: 'optional' },
        { name: 'name', type: 'string', presence: 'optional' },
        { name: 'arguments', type: 'string', presence: 'optional' },
        { name: 'output', type: 'string', presence: 'optional' },
      ],
    },
    ItemType: { kind: 'enum', values: ['message', 'function_call', 'function_call_output'] },
    ItemStatus: { kind: 'enum', values: ['completed', 'in_progress', 'incomplete'] },
    ItemRole: { kind: 'enum', values: ['user', 'assistant', 'system'] },
    ItemContent: {
      kind: 'struct',
      members: [
        { name: 'type', type: { ref: 'ItemContentType' }, presence: 'required' },
        { name: 'text', type: 'string', presence: 'optional' },
        { name: 'audio', type: 'string', presence: 'optional' },
        { name: 'transcript', type: 'string', presence: 'optional' },
      ],
    },
    ItemContentType: { kind: 'enum', values: ['input_text', 'input_audio', 'text', 'audio'] },
  },
};
