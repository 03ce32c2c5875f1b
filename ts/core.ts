/**
 * The codec's API over the WebAssembly module. Environment-neutral: no Node or browser module is
 * imported here. An entry file (`node.ts`) obtains the wasm bytes and calls {@link instantiate}.
 *
 * Rust decides everything: what is valid, the canonical text, the error's code, path and position.
 * This file only moves text across the boundary and turns Rust's errors into
 * {@link ClientEventError}s. The one exception is the fast path of decode and check (fast.ts),
 * which answers without a WebAssembly call only for text it proves the crate reads to exactly
 * the value it returns; anything else, errors included, is Rust's answer.
 * @module
 */
import * as wasm from '../wasm/realtime_codec.js';
import { ClientEventError, type ClientEventErrorCode, type ClientEventErrorDetails } from './errors.js';
import { fastDecode } from './fast.js';
import { EVENT_TYPES, type ClientEvent, type ClientEventInput, type ClientEventType } from './types.js';

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

let ready = false;
let memory: WebAssembly.Memory | undefined;

/** What {@link instantiateAsync} accepts: a URL (string, URL, Request), a fetch `Response` or its promise, the bytes, or a compiled module. */
export type WasmSource = string | URL | Request | Response | Promise<Response> | ArrayBuffer | ArrayBufferView | WebAssembly.Module;

/**
 * Instantiates the codec synchronously from the `.wasm` bytes or a compiled module (Node, workers).
 * Idempotent.
 * @internal
 */
export function instantiate(module: WebAssembly.Module | ArrayBuffer | ArrayBufferView): void {
  if (ready) return;
  memory = wasm.initSync({ module }).memory;
  ready = true;
}

/**
 * Instantiates the codec asynchronously (streaming compilation when the source is a response
 * served as `application/wasm`). Idempotent once it has succeeded; after a failure, call again.
 * @internal
 */
export async function instantiateAsync(source: WasmSource): Promise<void> {
  if (ready) return;
  memory = (await wasm.default({ module_or_path: source })).memory;
  ready = true;
}

/**
 * The size of the WebAssembly linear memory in bytes (0 before init): a diagnostic for soak tests
 * and memory budgets. It grows to fit the largest input handled and never shrinks.
 *
 * @throws never
 * @example
 * ```ts
 * console.log(`codec memory: ${wasmMemoryBytes() / 1024} KiB`)
 * ```
 */
export function wasmMemoryBytes(): number {
  return memory?.buffer.byteLength ?? 0;
}

/** Whether the WebAssembly module is instantiated. */
export function isInitialized(): boolean {
  return ready;
}

function assertReady(): void {
  if (!ready) {
    throw new ClientEventError({
      code: 'not_initialized',
      reason:
        "realtime-codec is not initialised: call and await init() from 'realtime-codec' once before using it " +
        "(in Node, importing 'realtime-codec' initialises it for you)",
      path: '',
      line: 0,
      column: 0,
    });
  }
}

const encoder = new TextEncoder();
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function isWellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  if (native) return native.call(text);
  // A global regex's test() starts at lastIndex and leaves it after the match: reset both ways
  // (matchAll in wtf8() copies lastIndex too).
  LONE_SURROGATE.lastIndex = 0;
  const found = LONE_SURROGATE.test(text);
  LONE_SURROGATE.lastIndex = 0;
  return !found;
}

/** A `too_large` error without a position. @internal */
export function tooLarge(reason: string): ClientEventError {
  return new ClientEventError({ code: 'too_large', reason, path: '', line: 0, column: 0 });
}

let view: Uint8Array | undefined;

/** A view of the wasm input buffer, at least `capacity` bytes long. */
function inputView(capacity: number): Uint8Array {
  const at = wasm.inputBuffer(capacity);
  if (at === 0) throw tooLarge(`cannot allocate ${capacity} bytes of WebAssembly memory for the input`);
  const buffer = (memory as WebAssembly.Memory).buffer;
  if (view === undefined || view.buffer !== buffer || view.byteOffset !== at || view.length < capacity) {
    view = new Uint8Array(buffer, at, capacity);
  }
  return view;
}

/**
 * Writes `input` as UTF-8 into the wasm input buffer and returns its length in bytes: one copy,
 * no allocation. Text is never silently altered: `TextEncoder` would turn a lone surrogate into
 * U+FFFD, so a string with one is written instead as WTF-8 (the surrogate as its three bytes
 * ED A0..BF xx), which is not UTF-8: the Rust parser rejects it where it stands
 * (`invalid_unicode` inside a string, `syntax` outside one), with that string's path, and it
 * cannot combine with the text around it.
 */
function writeInput(input: string | Uint8Array, limit: number): number {
  if (typeof input !== 'string') {
    if (!(input instanceof Uint8Array)) {
      throw new TypeError(`realtime-codec: input must be a string or a Uint8Array, got ${describeType(input)}`);
    }
    if (input.length > limit) throw tooLarge(`input is ${input.length} bytes, more than the limit of ${limit} bytes (max_input_bytes)`);
    inputView(input.length).set(input);
    return input.length;
  }
  // Each UTF-16 unit is at least one UTF-8 byte: no need to encode to know it is too large.
  if (input.length > limit) throw tooLarge(`input is at least ${input.length} bytes, more than the limit of ${limit} bytes (maxInputBytes)`);
  if (!isWellFormed(input)) return writeInput(wtf8(input), limit);
  // Mostly ASCII: one byte per unit fits. Otherwise room for up to 3 bytes a unit, but never
  // more than one byte past the limit: text that does not fit then is too large.
  let written = encoder.encodeInto(input, inputView(input.length));
  if (written.read < input.length) {
    written = encoder.encodeInto(input, inputView(Math.min(input.length * 3, limit + 1)));
    if (written.read < input.length || written.written > limit) {
      throw tooLarge(`input is more than the limit of ${limit} bytes (maxInputBytes)`);
    }
  }
  return written.written;
}

const decoder = new TextDecoder();

function wtf8(text: string): Uint8Array {
  const parts: Uint8Array[] = [];
  let from = 0;
  for (const match of text.matchAll(LONE_SURROGATE)) {
    const unit = text.charCodeAt(match.index);
    parts.push(encoder.encode(text.slice(from, match.index)));
    parts.push(Uint8Array.of(0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)));
    from = match.index + 1;
  }
  parts.push(encoder.encode(text.slice(from)));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

interface Bounds {
  bytes: number;
  depth: number;
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

/** Rewraps the JS Error thrown by the wasm layer; anything else (a bug) propagates unchanged. */
function rethrow(error: unknown, positioned = true): never {
  if (error instanceof ClientEventError) throw error;
  // The only trap the Rust side can reach is running out of memory (an input of a gigabyte or
  // more with a raised maxInputBytes). The instance stays usable: report it as too large.
  if (error instanceof WebAssembly.RuntimeError) {
    throw new ClientEventError(
      { code: 'too_large', reason: `the WebAssembly memory ran out while handling this input (${error.message})`, path: '', line: 0, column: 0 },
      { cause: error },
    );
  }
  if (error instanceof Error && typeof (error as { code?: unknown }).code === 'string') {
    const e = error as Error & Partial<ClientEventErrorDetails>;
    const details: ClientEventErrorDetails = {
      code: e.code as ClientEventErrorCode,
      reason: e.message,
      path: e.path ?? '',
      line: positioned ? (e.line ?? 0) : 0,
      column: positioned ? (e.column ?? 0) : 0,
    };
    if (e.expected !== undefined) details.expected = e.expected;
    if (e.expectedValues !== undefined) details.expectedValues = Object.freeze([...e.expectedValues]);
    if (e.received !== undefined) details.received = e.received;
    throw new ClientEventError(details, { cause: error });
  }
  throw error;
}

/** The canonical text of `input`; the input itself, uncopied, when it already is canonical. */
function canonicalText(input: string | Uint8Array, bounds: Bounds, positioned = true): string {
  const length = writeInput(input, bounds.bytes);
  let canonical: string | undefined;
  try {
    canonical = wasm.canonicalize(length, bounds.bytes, bounds.depth);
  } catch (error) {
    rethrow(error, positioned);
  }
  if (canonical !== undefined) return canonical;
  return typeof input === 'string' ? input : decoder.decode(input);
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
  assertReady();
  return canonicalText(input, boundsOf(options));
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
  assertReady();
  const bounds = boundsOf(options);
  // Text the fast path can vouch for (most of what producers send) needs no WebAssembly call.
  const text = typeof input === 'string' ? input : input instanceof Uint8Array && input.length <= FAST_PATH_MAX_CHARS ? strictUtf8(input) : undefined;
  if (text !== undefined && fastPathFits(text, bounds)) {
    const event = fastDecode(text, bounds.depth);
    if (event !== undefined) return event;
  }
  const canonical = canonicalText(input, bounds);
  if (canonical === input) {
    const append = canonicalAppend(canonical);
    if (append !== undefined) return append;
  }
  // Integers of 16+ digits may not survive JSON.parse; all other numbers are u16, u32 or f32, so
  // only tools[].parameters can hold one.
  const exact = canonical.includes('"parameters":') && UNSAFE_CANDIDATE.test(canonical);
  return (exact ? parseExactly(canonical) : JSON.parse(canonical)) as ClientEvent;
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
 * An audio append that Rust found canonical, without JSON.parse: the large appends (a second of
 * audio or more) that the fast path leaves to Rust. Canonical text with no backslash has no
 * escape, so its strings hold no `"`: `{"type":"input_audio_buffer.append"`, then optionally
 * `,"event_id":"<id>"`, then `,"audio":"<audio>"}`, and each string is a slice of the text.
 */
function canonicalAppend(text: string): ClientEvent | undefined {
  if (!text.startsWith(APPEND_HEAD) || text.indexOf('\\') !== -1) return undefined;
  let at = APPEND_HEAD.length;
  let eventId: string | undefined;
  if (text.startsWith(',"event_id":"', at)) {
    const end = text.indexOf('"', at + 13);
    eventId = text.slice(at + 13, end);
    at = end + 1;
  }
  if (!text.startsWith(',"audio":"', at) || !text.endsWith('"}')) return undefined;
  const audio = text.slice(at + 10, text.length - 2);
  return eventId === undefined ? { type: 'input_audio_buffer.append', audio } : { type: 'input_audio_buffer.append', event_id: eventId, audio };
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes as text, or undefined when they are not UTF-8 (the Rust path then reports where). */
function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}

const UNSAFE_CANDIDATE = /\d{16}/;
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * JSON.parse that refuses integers JavaScript cannot hold exactly (beyond ±2^53), which the Rust
 * side keeps as u64/i64: decoding them into a number would silently change the value.
 */
function parseExactly(canonical: string): unknown {
  const unsafe = new Set<string>();
  for (const [token] of canonical.matchAll(TOKENS)) {
    if (token[0] !== '"' && /^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token))) unsafe.add(token);
  }
  if (unsafe.size === 0) return JSON.parse(canonical);
  let hit: { holder: object; key: string; token: string } | undefined;
  const parsed: unknown = JSON.parse(canonical, function (this: object, key: string, value: unknown) {
    if (hit === undefined && typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
      for (const token of unsafe) if (Number(token) === value) hit = { holder: this, key, token };
    }
    return value;
  });
  if (hit === undefined) return parsed;
  const path = pathTo(parsed, hit.holder) ?? '';
  throw new ClientEventError({
    code: 'out_of_range',
    reason: `integer ${hit.token} cannot be held exactly by a JavaScript number; canonicalize() returns the exact text`,
    path: `${path}/${pointerSegment(hit.key)}`,
    line: 0,
    column: 0,
  });
}

/** The JSON pointer of `target` inside `node`, by depth-first search. */
function pathTo(node: unknown, target: object, at = ''): string | undefined {
  if (node === target) return at;
  if (node === null || typeof node !== 'object') return undefined;
  for (const [key, child] of Object.entries(node)) {
    const found = pathTo(child, target, `${at}/${pointerSegment(key)}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

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
  assertReady();
  const bounds = boundsOf(options);
  // decode's fast path, but for canonical audio appends, which Rust's one-pass scan checks faster
  // than JSON.parse reads them.
  if (typeof input === 'string' && !input.startsWith(APPEND_HEAD) && fastPathFits(input, bounds)) {
    const event = fastDecode(input, bounds.depth);
    if (event !== undefined) return { ok: true, type: event.type };
  }
  try {
    const length = writeInput(input, bounds.bytes);
    return { ok: true, type: EVENT_TYPES[wasm.validate(length, bounds.bytes, bounds.depth)] as ClientEventType };
  } catch (error) {
    try {
      rethrow(error);
    } catch (wrapped) {
      if (wrapped instanceof ClientEventError) return { ok: false, error: wrapped };
      throw wrapped;
    }
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
  assertReady();
  const bounds = boundsOf(options);
  const append = plainAppendText(event);
  if (append !== undefined && append.length <= bounds.bytes) return append;
  return canonicalText(toJsonText(event), bounds, false);
}

/** How a canonical append begins: plainAppend writes it, canonicalAppend and check read it. */
const APPEND_HEAD = '{"type":"input_audio_buffer.append"';

/** Printable ASCII but `"` and `\`: strings that JSON writes as they are. @internal */
export const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * The canonical text of an audio append whose `audio` and `eventId` are {@link PLAIN} (the
 * caller's guarantee). @internal
 */
export function plainAppend(audio: string, eventId: string | undefined): string {
  return eventId === undefined
    ? `${APPEND_HEAD},"audio":"${audio}"}`
    : `${APPEND_HEAD},"event_id":"${eventId}","audio":"${audio}"}`;
}

/**
 * Fast path for the commonest event: a plain object `{type: 'input_audio_buffer.append', audio,
 * event_id?}` whose strings need no escaping has a fully determined canonical text, written here
 * directly (the Rust side recognises the same text without serde). test/properties.test.ts
 * proves it equal to the general path. Anything else returns undefined.
 */
function plainAppendText(event: unknown): string | undefined {
  if (event === null || typeof event !== 'object' || Object.getPrototypeOf(event) !== Object.prototype) return undefined;
  const e = event as Record<string, unknown>;
  if (e.type !== 'input_audio_buffer.append' || typeof e.audio !== 'string') return undefined;
  const keys = Object.keys(e);
  const id = e.event_id;
  if (keys.length !== (id === undefined ? 2 : 3) || (id !== undefined && (typeof id !== 'string' || !PLAIN.test(id)))) return undefined;
  if (Object.getOwnPropertySymbols(e).length > 0 || !PLAIN.test(e.audio)) return undefined;
  return plainAppend(e.audio, id);
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
  assertReady();
  const bounds = boundsOf(options);
  try {
    return JSON.parse(wasm.diff(writeInput(input, bounds.bytes), bounds.bytes, bounds.depth)) as DiffResult;
  } catch (error) {
    rethrow(error);
  }
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return value.constructor?.name ? `a ${value.constructor.name}` : 'an object';
  return typeof value;
}

function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** JSON.stringify that refuses, with a path, every value it would silently change or drop. */
function toJsonText(event: unknown): string {
  // Each object's holder and key, to build a JSON pointer only when something is wrong.
  const parents = new Map<object, [object, string]>();
  let top: object | undefined; // JSON.stringify's own wrapper {"": event}: the first `this`
  const fail = (code: ClientEventErrorCode, holder: object, key: string, reason: string): ClientEventError => {
    const segments: string[] = [];
    if (holder !== top) {
      segments.push(key);
      for (let at = parents.get(holder); at && at[0] !== top; at = parents.get(at[0])) segments.unshift(at[1]);
    }
    const path = segments.map((s) => `/${pointerSegment(s)}`).join('');
    return new ClientEventError({ code, reason, path, line: 0, column: 0 });
  };
  let text: string | undefined;
  try {
    text = JSON.stringify(event, function (this: object, key: string, value: unknown) {
      top ??= this;
      switch (typeof value) {
        case 'object':
          if (value !== null) parents.set(value, [this, key]);
          return value;
        case 'number':
          if (!Number.isFinite(value)) throw fail('invalid_value', this, key, `${value} is not a JSON number`);
          return value;
        case 'bigint':
          throw fail('invalid_type', this, key, `BigInt ${value}n has no JSON form`);
        case 'function':
        case 'symbol':
          throw fail('invalid_type', this, key, `a ${typeof value} has no JSON form`);
        case 'undefined':
          if (Array.isArray(this)) throw fail('invalid_type', this, key, 'an undefined array element has no JSON form');
          return value;
        default:
          return value;
      }
    });
  } catch (error) {
    if (error instanceof ClientEventError) throw error;
    const reason = `cannot serialise the event: ${error instanceof Error ? error.message : String(error)}`;
    throw new ClientEventError({ code: 'invalid_value', reason, path: '', line: 0, column: 0 }, { cause: error });
  }
  if (text === undefined) {
    const reason = `${describeType(event)} has no JSON form`;
    throw new ClientEventError({ code: 'invalid_type', reason, path: '', line: 0, column: 0 });
  }
  return text;
}
