/**
 * TypeScript types for the client events of `async-openai-wasm` 0.29.5, exactly as they are on the
 * wire. Written by hand from the crate's serde definitions; kept honest by `test/types.test-d.ts`
 * (valid corpus events type-check, wrong ones do not) and by `test/enums.test.ts` (every closed
 * union below equals serde's own "expected one of ..." list).
 *
 * Two shapes:
 * - {@link ClientEvent} and its parts: the canonical form that `decode` returns and `encode`
 *   writes. Optional members are omitted when unset, never `null`; the one exception is
 *   `response.create`, whose `response` is always present (`null` when unset).
 * - {@link ClientEventInput}: everything the crate accepts, which `encode` takes. Optional members
 *   may also be `null` (read as absent) and `response` may be left out.
 *
 * @module
 */

/** The nine event `type` tags the crate knows, in its declaration order. */
export const EVENT_TYPES = [
  'session.update',
  'input_audio_buffer.append',
  'input_audio_buffer.commit',
  'input_audio_buffer.clear',
  'conversation.item.create',
  'conversation.item.truncate',
  'conversation.item.delete',
  'response.create',
  'response.cancel',
] as const;
/** One of {@link EVENT_TYPES}. */
export type ClientEventType = (typeof EVENT_TYPES)[number];

/** Output voices (`RealtimeVoice`). The official SDK's newer voices (`sage`, `marin`, ...) are rejected. */
export const VOICES = ['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'onyx', 'nova', 'shimmer', 'verse'] as const;
export type RealtimeVoice = (typeof VOICES)[number];

/** Audio formats (`AudioFormat`). Note the crate's spelling `g711_law` (the API says `g711_ulaw`). */
export const AUDIO_FORMATS = ['pcm16', 'g711_law', 'g711_alaw'] as const;
export type AudioFormat = (typeof AUDIO_FORMATS)[number];

/** `item.type` (`ItemType`). */
export const ITEM_TYPES = ['message', 'function_call', 'function_call_output'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** `item.status` (`ItemStatus`). */
export const ITEM_STATUSES = ['completed', 'in_progress', 'incomplete'] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

/** `item.role` (`ItemRole`). */
export const ITEM_ROLES = ['user', 'assistant', 'system'] as const;
export type ItemRole = (typeof ITEM_ROLES)[number];

/** `item.content[].type` (`ItemContentType`). */
export const ITEM_CONTENT_TYPES = ['input_text', 'input_audio', 'text', 'audio'] as const;
export type ItemContentType = (typeof ITEM_CONTENT_TYPES)[number];

/** `turn_detection.type` (`TurnDetection`'s tags). */
export const TURN_DETECTION_TYPES = ['server_vad', 'semantic_vad'] as const;

/** The string forms of `tool_choice` (`ToolChoice`). */
export const TOOL_CHOICE_MODES = ['auto', 'none', 'required'] as const;

/** Any JSON value: what `tools[].parameters` holds (a `serde_json::Value`; keys come back sorted). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** `input_audio_transcription` (`AudioTranscription`): every member optional and free text. */
export interface AudioTranscription {
  language?: string;
  model?: string;
  prompt?: string;
}

/** Server VAD: the crate requires all three numbers (the official SDK does not). */
export interface ServerVadTurnDetection {
  type: 'server_vad';
  /**
   * f32: written back rounded to single precision (0.123456789 -> 0.12345679, 1 -> 1.0). A number
   * beyond f32's range (about 3.4e38) becomes infinite in Rust, which serde_json writes as `null`,
   * and which the crate then refuses to read: `encode` of such a decoded event fails
   * (`invalid_type`). The input type keeps `null` so that `encode(decode(text))` type-checks.
   */
  threshold: number | null;
  /** u32 (0 to 4294967295), milliseconds. */
  prefix_padding_ms: number;
  /** u32 (0 to 4294967295), milliseconds. */
  silence_duration_ms: number;
  create_response?: boolean;
  interrupt_response?: boolean;
}

/** Semantic VAD: `eagerness` is required and free text (`low`, `medium`, `high`, `auto` by the API). */
export interface SemanticVadTurnDetection {
  type: 'semantic_vad';
  eagerness: string;
  create_response?: boolean;
  interrupt_response?: boolean;
}

/** `turn_detection` (`TurnDetection`), tagged on `type`, which is required. */
export type TurnDetection = ServerVadTurnDetection | SemanticVadTurnDetection;

/** A function tool (`ToolDefinition::Function`): every member is required by the crate. */
export interface ToolDefinition {
  type: 'function';
  name: string;
  description: string;
  /** Any JSON value (normally a JSON Schema object). Object keys come back sorted. */
  parameters: JsonValue;
}

/** `tool_choice` (`ToolChoice`). */
export type ToolChoice = (typeof TOOL_CHOICE_MODES)[number] | { type: 'function'; name: string };

/** `max_response_output_tokens`: a u16 (0 to 65535) or `"inf"`. */
export type MaxResponseOutputTokens = number | 'inf';

/** Session configuration (`SessionResource`), used by `session.update` and `response.create`. */
export interface SessionResource {
  model?: string;
  /** Free strings (the API knows `text` and `audio`). */
  modalities?: string[];
  instructions?: string;
  voice?: RealtimeVoice;
  input_audio_format?: AudioFormat;
  output_audio_format?: AudioFormat;
  input_audio_transcription?: AudioTranscription;
  turn_detection?: TurnDetection;
  tools?: ToolDefinition[];
  tool_choice?: ToolChoice;
  /**
   * f32: written back rounded to single precision. A number beyond f32's range (about 3.4e38)
   * becomes infinite in Rust, which serde_json writes as `null` (and reads back as absent).
   */
  temperature?: number | null;
  max_response_output_tokens?: MaxResponseOutputTokens;
}

/** A content part of an item (`ItemContent`): `type` is required. */
export interface ItemContent {
  type: ItemContentType;
  text?: string;
  /** Base64 audio (not checked). */
  audio?: string;
  transcript?: string;
}

/** A conversation item (`Item`): every member is optional. */
export interface Item {
  id?: string;
  type?: ItemType;
  status?: ItemStatus;
  role?: ItemRole;
  content?: ItemContent[];
  call_id?: string;
  name?: string;
  /** JSON text of the call's arguments (a string, not an object). */
  arguments?: string;
  output?: string;
}

/** `session.update`. */
export interface SessionUpdateEvent {
  type: 'session.update';
  event_id?: string;
  session: SessionResource;
}

/** `input_audio_buffer.append`: `audio` is base64 PCM (not checked by the crate). */
export interface InputAudioBufferAppendEvent {
  type: 'input_audio_buffer.append';
  event_id?: string;
  audio: string;
}

/** `input_audio_buffer.commit`. */
export interface InputAudioBufferCommitEvent {
  type: 'input_audio_buffer.commit';
  event_id?: string;
}

/** `input_audio_buffer.clear`. */
export interface InputAudioBufferClearEvent {
  type: 'input_audio_buffer.clear';
  event_id?: string;
}

/** `conversation.item.create`. */
export interface ConversationItemCreateEvent {
  type: 'conversation.item.create';
  event_id?: string;
  previous_item_id?: string;
  item: Item;
}

/** `conversation.item.truncate`: both numbers are u32. */
export interface ConversationItemTruncateEvent {
  type: 'conversation.item.truncate';
  event_id?: string;
  item_id: string;
  content_index: number;
  audio_end_ms: number;
}

/** `conversation.item.delete`. */
export interface ConversationItemDeleteEvent {
  type: 'conversation.item.delete';
  event_id?: string;
  item_id: string;
}

/** `response.create`: the crate always writes `response`, as `null` when unset. */
export interface ResponseCreateEvent {
  type: 'response.create';
  event_id?: string;
  response: SessionResource | null;
}

/** `response.cancel` (the crate has no `response_id`; it is dropped). */
export interface ResponseCancelEvent {
  type: 'response.cancel';
  event_id?: string;
}

/** A client event in canonical form: what `decode` returns. Discriminated on `type`. */
export type ClientEvent =
  | SessionUpdateEvent
  | InputAudioBufferAppendEvent
  | InputAudioBufferCommitEvent
  | InputAudioBufferClearEvent
  | ConversationItemCreateEvent
  | ConversationItemTruncateEvent
  | ConversationItemDeleteEvent
  | ResponseCreateEvent
  | ResponseCancelEvent;

/** The event of a given `type`: `EventOf<'response.create'>` is {@link ResponseCreateEvent}. */
export type EventOf<T extends ClientEventType> = Extract<ClientEvent, { type: T }>;

type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T];

/**
 * What the crate accepts for `T`: optional members may also be `null` (read as absent). Free-form
 * JSON (`parameters`) is left as it is.
 */
export type Accepted<T> = T extends JsonValue[]
  ? T
  : T extends readonly (infer U)[]
    ? Accepted<U>[]
    : T extends object
      ? Flat<{ [K in OptionalKeys<T>]?: Accepted<T[K]> | null } & { [K in Exclude<keyof T, OptionalKeys<T>>]: Accepted<T[K]> }>
      : T;


/** One object type instead of an intersection, so that TypeScript's weak-type and excess-property checks apply. */
type Flat<T> = { [K in keyof T]: T[K] };

/** `response.create` as accepted: `response` may be omitted or `null`. */
export type ResponseCreateEventInput = Accepted<Omit<ResponseCreateEvent, 'response'>> & {
  response?: Accepted<SessionResource> | null;
};

/** Any event the crate accepts: what `encode` takes. */
export type ClientEventInput =
  | Accepted<Exclude<ClientEvent, ResponseCreateEvent>>
  | ResponseCreateEventInput;
