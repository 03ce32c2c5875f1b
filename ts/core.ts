/**
 * The codec's API over the WebAssembly modules: client events (`realtime_codec_bg.wasm`) and,
 * separately loaded, server events (`realtime_codec_server_bg.wasm`). Environment-neutral: no Node
 * or browser module is imported here. An entry file (`node.ts`, `browser.ts`) obtains the wasm
 * bytes and hands them to the bridges.
 *
 * Rust decides everything: what is valid, the canonical text, the error's code, path and position.
 * The API only moves text across the boundary, through the bridge (`wasm.ts`, which turns Rust's
 * errors into {@link ClientEventError}s). The one exception is the fast path of decode and check
 * (fast.ts), which answers without a WebAssembly call only for text it proves the crate reads to
 * exactly the value it returns; anything else, errors included, is Rust's answer.
 *
 * Beside this file: `wasm.ts` (the bridge), `guards.ts` (JSON guards), `append.ts` (the canonical
 * append layout), `fast.ts` (the fast path).
 * @module
 */
import { APPEND_HEAD, canonicalAppend, plainAppendText } from './append.js';
import { ClientEventError } from './errors.js';
import { fastDecode, fastDecodeServer } from './fast.js';
import { parseCanonical, strictUtf8, toJsonText } from './guards.js';
import { type ClientEvent, type ClientEventInput, type ClientEventType, type ServerEvent, type ServerEventInput, type ServerEventType } from './types.js';
import { client as bridge, server as serverBridge, type Bounds } from './wasm.js';

export * from './types.js';
export * from './errors.js';

/** Per-call options. */
export interface CodecOptions {
  /**
   * Inputs longer than this many UTF-8 bytes fail with code `too_large` before parsing.
   * Default {@link DEFAULT_MAX_INPUT_BYTES} (32 MiB: the API's 15 MiB audio append, base64-encoded, fits).
   */
  maxInputBytes?: number;
  /**
   * Arrays and objects nested deeper than this fail with code `too_deep` (the event object is depth 1).
   * Default and maximum {@link MAX_DEPTH} (127, serde_json's own recursion limit).
   */
  maxDepth?: number;
}

/** The default and largest nesting depth: serde_json's recursion limit lets 127 containers nest. */
export const MAX_DEPTH = 127;

/** The default input limit: 32 MiB. Equal to the Rust crate's `DEFAULT_MAX_INPUT_BYTES`. */
export const DEFAULT_MAX_INPUT_BYTES = 32 * 1024 * 1024;

/** Result of the non-throwing {@link safeDecode}. */
export type DecodeResult = { ok: true; event: ClientEvent } | { ok: false; error: ClientEventError };
/** Result of the non-throwing {@link safeEncode}. */
export type EncodeResult = { ok: true; text: string } | { ok: false; error: ClientEventError };
/** Result of {@link check}: validity and the event's type, without building any output. */
export type CheckResult = { ok: true; type: ClientEventType } | { ok: false; error: ClientEventError };
/** Result of the non-throwing {@link safeDecodeServerEvent}. */
export type ServerDecodeResult = { ok: true; event: ServerEvent } | { ok: false; error: ClientEventError };
/** Result of {@link checkServerEvent}: validity and the server event's type. */
export type ServerCheckResult = { ok: true; type: ServerEventType } | { ok: false; error: ClientEventError };

/** What the browser entry's `init` accepts: a URL (string, URL, Request), a fetch `Response` or its promise, the bytes, or a compiled module. */
export type WasmSource = string | URL | Request | Response | Promise<Response> | ArrayBuffer | ArrayBufferView | WebAssembly.Module;

/**
 * What the browser entry's `init` accepts besides a single source: where each module is. Absent:
 * the default file beside the entry; `false`: not loaded (its functions throw `not_initialized`).
 */
export interface InitOptions {
  /** The client-event module (`realtime_codec_bg.wasm`). */
  client?: WasmSource | false;
  /** The server-event module (`realtime_codec_server_bg.wasm`). */
  server?: WasmSource | false;
}

/**
 * The size of the WebAssembly linear memory in bytes, of both modules together (a module not yet
 * instantiated counts 0): a diagnostic for soak tests and memory budgets. Each grows to fit the
 * largest input it handled and never shrinks. `'client'` or `'server'`: that module's alone.
 *
 * @throws never
 * @example
 * ```ts
 * console.log(`codec memory: ${wasmMemoryBytes() / 1024} KiB`)
 * ```
 */
export function wasmMemoryBytes(module?: 'client' | 'server'): number {
  if (module === 'client') return bridge.memoryBytes();
  if (module === 'server') return serverBridge.memoryBytes();
  return bridge.memoryBytes() + serverBridge.memoryBytes();
}

/**
 * Whether the client-event functions are ready: always in Node; in a browser, once `init()`
 * resolved. The server-event functions: {@link isServerInitialized}.
 */
export function isInitialized(): boolean {
  return bridge.isReady();
}

/** Whether the server-event functions are ready: always in Node; in a browser, once `init()` loaded the server module. */
export function isServerInitialized(): boolean {
  return serverBridge.isReady();
}

const DEFAULT_BOUNDS: Bounds = Object.freeze({ bytes: DEFAULT_MAX_INPUT_BYTES, depth: MAX_DEPTH });

function boundsOf(options: CodecOptions | undefined): Bounds {
  if (options === undefined) return DEFAULT_BOUNDS;
  const bytes = options?.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
  if (!Number.isInteger(bytes) || bytes < 0 || bytes > 0xffffffff) {
    throw new RangeError(`maxInputBytes must be an integer from 0 to 4294967295, got ${String(bytes)}`);
  }
  const depth = options?.maxDepth ?? MAX_DEPTH;
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH) {
    throw new RangeError(`maxDepth must be an integer from 1 to ${MAX_DEPTH}, got ${String(depth)}`);
  }
  return { bytes, depth };
}

/**
 * The canonical JSON text of the event in `input`: what the Rust crate writes after reading it.
 *
 * @param input JSON text, or its UTF-8 bytes.
 * @throws {ClientEventError} if `input` is not a valid client event.
 * @example
 * ```ts
 * canonicalize('{"event_id":"e1","type":"response.create"}')
 * // '{"type":"response.create","event_id":"e1","response":null}'
 * ```
 */
export function canonicalize(input: string | Uint8Array, options?: CodecOptions): string {
  bridge.assertReady();
  return bridge.canonicalize(input, boundsOf(options));
}

/**
 * Decodes and validates one event, returning it in canonical form (unknown fields dropped, `null`
 * optional members removed, f32 numbers rounded, `response: null` added, ...).
 *
 * @param input JSON text, or its UTF-8 bytes.
 * @throws {ClientEventError} with `code`, `path`, `line` and `column` if `input` is not a valid event;
 *   also (`out_of_range`) if `tools[].parameters` holds an integer beyond ±2^53, which a JavaScript
 *   number cannot hold exactly (`canonicalize` returns such events as exact text).
 * @example
 * ```ts
 * const event = decode('{"type":"conversation.item.delete","item_id":"item_1"}')
 * if (event.type === 'conversation.item.delete') console.log(event.item_id)
 * ```
 */
export function decode(input: string | Uint8Array, options?: CodecOptions): ClientEvent {
  bridge.assertReady();
  const bounds = boundsOf(options);
  // Text the fast path can vouch for (most of what producers send) needs no WebAssembly call.
  const text = typeof input === 'string' ? input : input instanceof Uint8Array && input.length <= FAST_PATH_MAX_CHARS ? strictUtf8(input) : undefined;
  if (text !== undefined && fastPathFits(text, bounds)) {
    const event = fastDecode(text, bounds.depth);
    if (event !== undefined) return event;
  }
  const canonical = bridge.canonicalize(input, bounds);
  if (canonical === input) {
    const append = canonicalAppend(canonical);
    if (append !== undefined) return append;
  }
  return parseCanonical(canonical) as ClientEvent;
}

/**
 * Texts decode's fast path may take: within maxInputBytes whatever their encoding, and at most
 * 64 Ki characters. JSON.parse builds every level of a deeply nested text (10 MB of `[` is a
 * second and half a gigabyte) where Rust stops at depth 128; capped, the worst is about 6 ms and
 * a few MB. Larger events (audio appends of a second or more) take the Rust path, whose one-pass
 * scan handles canonical appends.
 */
function fastPathFits(text: string, bounds: Bounds): boolean {
  return text.length <= FAST_PATH_MAX_CHARS && text.length * 3 <= bounds.bytes;
}

const FAST_PATH_MAX_CHARS = 64 * 1024;

/**
 * {@link decode} without throwing for invalid input.
 *
 * @throws {TypeError} only if `input` is neither a string nor a Uint8Array.
 * @example
 * ```ts
 * const r = safeDecode(message)
 * if (!r.ok) console.warn(r.error.code, r.error.path)
 * ```
 */
export function safeDecode(input: string | Uint8Array, options?: CodecOptions): DecodeResult {
  try {
    return { ok: true, event: decode(input, options) };
  } catch (error) {
    if (error instanceof ClientEventError) return { ok: false, error };
    throw error;
  }
}

/**
 * Validates one event without building its canonical form (the cheapest call for a gate). Like
 * {@link decode}, it answers in JavaScript when it can prove the crate's answer, and otherwise
 * asks Rust.
 *
 * @throws {TypeError} only if `input` is neither a string nor a Uint8Array.
 * @example
 * ```ts
 * const r = check('{"type":"input_audio_buffer.commit"}')
 * // { ok: true, type: 'input_audio_buffer.commit' }
 * ```
 */
export function check(input: string | Uint8Array, options?: CodecOptions): CheckResult {
  bridge.assertReady();
  const bounds = boundsOf(options);
  // decode's fast path, but for canonical audio appends, which Rust's one-pass scan checks faster
  // than JSON.parse reads them.
  if (typeof input === 'string' && !input.startsWith(APPEND_HEAD) && fastPathFits(input, bounds)) {
    const event = fastDecode(input, bounds.depth);
    if (event !== undefined) return { ok: true, type: event.type };
  }
  try {
    return { ok: true, type: bridge.validate(input, bounds) };
  } catch (error) {
    if (error instanceof ClientEventError) return { ok: false, error };
    throw error;
  }
}

/**
 * Validates an event object through the Rust crate and returns its canonical JSON text, ready to
 * send. Values JSON cannot carry are refused, never silently changed: `NaN`/`Infinity`, BigInt,
 * functions, symbols, `undefined` array elements and cycles give a {@link ClientEventError}
 * (`invalid_value` or `invalid_type`). Errors carry `path` but no line/column (`0`).
 *
 * @throws {ClientEventError} if `event` is not a valid client event.
 * @example
 * ```ts
 * ws.send(encode({ type: 'input_audio_buffer.append', audio: base64Pcm }))
 * ```
 */
export function encode(event: ClientEventInput, options?: CodecOptions): string {
  bridge.assertReady();
  const bounds = boundsOf(options);
  const append = plainAppendText(event);
  if (append !== undefined && append.length <= bounds.bytes) return append;
  return bridge.canonicalize(toJsonText(event), bounds, false);
}

/**
 * {@link encode} without throwing for invalid events.
 *
 * @throws never for invalid events; only for internal failures.
 * @example
 * ```ts
 * const r = safeEncode(event)
 * if (r.ok) ws.send(r.text)
 * ```
 */
export function safeEncode(event: ClientEventInput, options?: CodecOptions): EncodeResult {
  try {
    return { ok: true, text: encode(event, options) };
  } catch (error) {
    if (error instanceof ClientEventError) return { ok: false, error };
    throw error;
  }
}

/** One way the canonical form differs from the input. Values are compact JSON text. */
export type Difference =
  | { kind: 'dropped'; path: string; value: string }
  | { kind: 'added'; path: string; value: string }
  | { kind: 'changed'; path: string; from: string; to: string }
  | { kind: 'reordered'; path: string; from: string[]; to: string[] };

/** What {@link diff} reports for a valid event. */
export interface DiffResult {
  /** The canonical text the Rust side writes for this event. */
  canonical: string;
  /** Empty when the input already is canonical (numbers compare by value: `1` equals `1.0`). */
  differences: Difference[];
}

/**
 * How the Rust crate's canonical form differs from `input`: members dropped (unknown to the crate,
 * or `null`), added (`response: null`), values changed (f32 rounding, floats read differently) and
 * objects whose member order changed. For parity tests: does this JSON mean the same to Rust?
 *
 * @throws {ClientEventError} if `input` is not a valid event (there is then nothing to compare).
 * @example
 * ```ts
 * diff('{"type":"response.cancel","response_id":"r1"}').differences
 * // [{ kind: 'dropped', path: '/response_id', value: '"r1"' }]
 * ```
 */
export function diff(input: string | Uint8Array, options?: CodecOptions): DiffResult {
  bridge.assertReady();
  return JSON.parse(bridge.diff(input, boundsOf(options))) as DiffResult;
}

// ---------------------------------------------------------------------------------------------
// Server events: the same functions over `ServerEvent` (the separately loaded server module).

/**
 * The canonical JSON text of the server event in `input`: what the crate's `ServerEvent` writes
 * after reading it (unknown members dropped, f32 members rounded or, beyond f32, `null`, ...).
 *
 * @param input JSON text, or its UTF-8 bytes.
 * @throws {RealtimeCodecError} if `input` is not a valid server event.
 * @example
 * ```ts
 * canonicalizeServerEvent('{"type":"input_audio_buffer.cleared","event_id":"e1","x":1}')
 * // '{"type":"input_audio_buffer.cleared","event_id":"e1"}'
 * ```
 */
export function canonicalizeServerEvent(input: string | Uint8Array, options?: CodecOptions): string {
  serverBridge.assertReady();
  return serverBridge.canonicalize(input, boundsOf(options));
}

/**
 * Decodes and validates one server event, as the crate's `ServerEvent` reads it, returning it in
 * canonical form.
 *
 * @param input JSON text, or its UTF-8 bytes (a WebSocket message as it arrives).
 * @throws {RealtimeCodecError} with `code`, `path`, `line` and `column` if `input` is not a valid
 *   server event (also `out_of_range` for an integer beyond ±2^53 inside free JSON).
 * @example
 * ```ts
 * const event = decodeServerEvent(message.data)
 * if (event.type === 'response.audio.delta') play(event.delta)
 * ```
 */
export function decodeServerEvent(input: string | Uint8Array, options?: CodecOptions): ServerEvent {
  serverBridge.assertReady();
  const bounds = boundsOf(options);
  // The high-frequency server events (deltas, speech started/stopped, rate limits) that the fast
  // path can vouch for need no WebAssembly call; everything else is Rust's answer.
  const text = typeof input === 'string' ? input : input instanceof Uint8Array && input.length <= FAST_PATH_MAX_CHARS ? strictUtf8(input) : undefined;
  if (text !== undefined && fastPathFits(text, bounds)) {
    const event = fastDecodeServer(text, bounds.depth);
    if (event !== undefined) return event;
  }
  return parseCanonical(serverBridge.canonicalize(input, bounds)) as ServerEvent;
}

/**
 * {@link decodeServerEvent} without throwing for invalid input.
 *
 * @throws {TypeError} only if `input` is neither a string nor a Uint8Array.
 * @example
 * ```ts
 * const r = safeDecodeServerEvent(message.data)
 * if (!r.ok) console.warn(r.error.code, r.error.path)
 * ```
 */
export function safeDecodeServerEvent(input: string | Uint8Array, options?: CodecOptions): ServerDecodeResult {
  try {
    return { ok: true, event: decodeServerEvent(input, options) };
  } catch (error) {
    if (error instanceof ClientEventError) return { ok: false, error };
    throw error;
  }
}

/**
 * Validates one server event without building its canonical form.
 *
 * @throws {TypeError} only if `input` is neither a string nor a Uint8Array.
 * @example
 * ```ts
 * checkServerEvent('{"type":"input_audio_buffer.cleared","event_id":"e1"}')
 * // { ok: true, type: 'input_audio_buffer.cleared' }
 * ```
 */
export function checkServerEvent(input: string | Uint8Array, options?: CodecOptions): ServerCheckResult {
  serverBridge.assertReady();
  const bounds = boundsOf(options);
  // decodeServerEvent's fast path, with the same caps; the rest is Rust's answer.
  const text = typeof input === 'string' ? input : input instanceof Uint8Array && input.length <= FAST_PATH_MAX_CHARS ? strictUtf8(input) : undefined;
  if (text !== undefined && fastPathFits(text, bounds)) {
    const event = fastDecodeServer(text, bounds.depth);
    if (event !== undefined) return { ok: true, type: event.type };
  }
  try {
    return { ok: true, type: serverBridge.validate(input, bounds) };
  } catch (error) {
    if (error instanceof ClientEventError) return { ok: false, error };
    throw error;
  }
}

/**
 * Validates a server event object through the crate and returns its canonical JSON text (what a
 * Rust server built on the crate would send). Values JSON cannot carry are refused, as in
 * {@link encode}. Errors carry `path` but no line/column (`0`).
 *
 * @throws {RealtimeCodecError} if `event` is not a valid server event.
 * @example
 * ```ts
 * socket.send(encodeServerEvent({ type: 'response.text.delta', event_id: 'e1', response_id: 'r1',
 *   item_id: 'i1', output_index: 0, content_index: 0, delta: 'Hi' }))
 * ```
 */
export function encodeServerEvent(event: ServerEventInput, options?: CodecOptions): string {
  serverBridge.assertReady();
  return serverBridge.canonicalize(toJsonText(event), boundsOf(options), false);
}

/**
 * {@link encodeServerEvent} without throwing for invalid events.
 *
 * @throws never for invalid events; only for internal failures.
 */
export function safeEncodeServerEvent(event: ServerEventInput, options?: CodecOptions): EncodeResult {
  try {
    return { ok: true, text: encodeServerEvent(event, options) };
  } catch (error) {
    if (error instanceof ClientEventError) return { ok: false, error };
    throw error;
  }
}

/**
 * How the crate's canonical form of a server event differs from `input` (see {@link diff}).
 *
 * @throws {RealtimeCodecError} if `input` is not a valid server event.
 * @example
 * ```ts
 * diffServerEvent('{"type":"input_audio_buffer.committed","event_id":"e","item_id":"i","previous_item_id":null}')
 * // throws: the crate requires previous_item_id to be a string
 * ```
 */
export function diffServerEvent(input: string | Uint8Array, options?: CodecOptions): DiffResult {
  serverBridge.assertReady();
  return JSON.parse(serverBridge.diff(input, boundsOf(options))) as DiffResult;
}
