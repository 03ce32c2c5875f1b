/**
 * The codec's API, written once over a protocol: its two WebAssembly bridges (client events and
 * the separately loaded server events) and its fast decoders. `core.ts` builds it for the beta
 * protocol (`realtime-codec`, `realtime-codec/beta`) and `ga/core.ts` for the GA one
 * (`realtime-codec/ga`), so that switching protocol is a change of import, never of code.
 * Environment-neutral: no Node or browser module is imported here.
 *
 * Rust decides everything: what is valid, the canonical text, the error's code, path and position.
 * The API only moves text across the boundary, through the bridge (`wasm.ts`, which turns Rust's
 * errors into {@link RealtimeCodecError}s). The one exception is the fast path of decode and check
 * (fast.ts), which answers without a WebAssembly call only for text it proves the crate reads to
 * exactly the value it returns; anything else, errors included, is Rust's answer.
 * @module
 */
import { canonicalAppend, plainAppendText } from './append.js';
import { differences } from './diff.js';
import { RealtimeCodecError } from './errors.js';
import { parseCanonical, strictUtf8, toJsonText } from './guards.js';
import type { Bounds, Bridge } from './wasm.js';

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

/** What the browser entry's `init` accepts: a URL (string, URL, Request), a fetch `Response` or its promise, the bytes, or a compiled module. */
export type WasmSource = string | URL | Request | Response | Promise<Response> | ArrayBuffer | ArrayBufferView | WebAssembly.Module;

/**
 * What the browser entry's `init` accepts besides a single source: where each module is. Absent:
 * the default file beside the entry; `false`: not loaded (its functions throw `not_initialized`).
 */
export interface InitOptions {
  /** The client-event module (`realtime_codec_bg.wasm`; GA: `realtime_codec_ga_bg.wasm`). */
  client?: WasmSource | false;
  /** The server-event module (`realtime_codec_server_bg.wasm`; GA: `realtime_codec_ga_server_bg.wasm`). */
  server?: WasmSource | false;
}

/** Result of the non-throwing `safeEncode` and `safeEncodeServerEvent`. */
export type EncodeResult = { ok: true; text: string } | { ok: false; error: RealtimeCodecError };

/** One way the canonical form differs from the input. Values are compact JSON text. */
export type Difference =
  | { kind: 'dropped'; path: string; value: string }
  | { kind: 'added'; path: string; value: string }
  | { kind: 'changed'; path: string; from: string; to: string }
  | { kind: 'reordered'; path: string; from: string[]; to: string[] };

/** What `diff` reports for a valid event. */
export interface DiffResult {
  /** The canonical text the Rust side writes for this event. */
  canonical: string;
  /** Empty when the input already is canonical (numbers compare by value: `1` equals `1.0`). */
  differences: Difference[];
}

/** A decoder that answers only what it proves (ts/fast.ts), `undefined` otherwise. @internal */
export type FastDecoder = (text: string, maxDepth: number) => unknown;

/** One protocol, as the codec uses it. @internal */
export interface ProtocolParts<CT extends string, ST extends string> {
  /** The client-event module. */
  client: Bridge<CT>;
  /** The server-event module. */
  server: Bridge<ST>;
  /** decode's and check's fast path for client events. */
  fastClient: FastDecoder;
  /** decodeServerEvent's and checkServerEvent's fast path. */
  fastServer: FastDecoder;
  /** encode's fast path for client event objects (ts/fast-encode.ts), if the protocol has one. */
  fastEncode?: FastEncoder;
}

/** An encoder that answers only what it proves (ts/fast-encode.ts), `undefined` otherwise. @internal */
export type FastEncoder = (event: unknown, maxDepth: number, maxBytes: number) => string | undefined;

/**
 * Every function of a protocol's entry. `C`: its client event (canonical), `CI`: what the crate
 * accepts as one, `S` and `SI` the same for server events.
 */
export interface Codec<C extends { type: string }, CI, S extends { type: string }, SI> {
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
  wasmMemoryBytes(module?: 'client' | 'server'): number;
  /**
   * Whether the client-event functions are ready: always in Node; in a browser, once `init()`
   * resolved. The server-event functions: `isServerInitialized`.
   */
  isInitialized(): boolean;
  /** Whether the server-event functions are ready: always in Node; in a browser, once `init()` loaded the server module. */
  isServerInitialized(): boolean;
  /**
   * The canonical JSON text of the event in `input`: what the Rust crate writes after reading it.
   *
   * @param input JSON text, or its UTF-8 bytes.
   * @throws {RealtimeCodecError} if `input` is not a valid client event.
   * @example
   * ```ts
   * canonicalize('{"item_id":"item_1","type":"conversation.item.delete"}')
   * // '{"type":"conversation.item.delete","item_id":"item_1"}'
   * ```
   */
  canonicalize(input: string | Uint8Array, options?: CodecOptions): string;
  /**
   * Decodes and validates one event, returning it in canonical form (unknown fields dropped, `null`
   * optional members removed, f32 numbers rounded, members the crate always writes added, ...).
   *
   * @param input JSON text, or its UTF-8 bytes.
   * @throws {RealtimeCodecError} with `code`, `path`, `line` and `column` if `input` is not a valid
   *   event; also (`out_of_range`) if free JSON (`tools[].parameters`) holds an integer beyond
   *   ±2^53, which a JavaScript number cannot hold exactly (`canonicalize` returns such events as
   *   exact text).
   * @example
   * ```ts
   * const event = decode('{"type":"conversation.item.delete","item_id":"item_1"}')
   * if (event.type === 'conversation.item.delete') console.log(event.item_id)
   * ```
   */
  decode(input: string | Uint8Array, options?: CodecOptions): C;
  /**
   * `decode` without throwing for invalid input.
   *
   * @throws {TypeError} only if `input` is neither a string nor a Uint8Array.
   * @example
   * ```ts
   * const r = safeDecode(message)
   * if (!r.ok) console.warn(r.error.code, r.error.path)
   * ```
   */
  safeDecode(input: string | Uint8Array, options?: CodecOptions): { ok: true; event: C } | { ok: false; error: RealtimeCodecError };
  /**
   * Validates one event without building its canonical form (the cheapest call for a gate). Like
   * `decode`, it answers in JavaScript when it can prove the crate's answer, and otherwise asks Rust.
   *
   * @throws {TypeError} only if `input` is neither a string nor a Uint8Array.
   * @example
   * ```ts
   * const r = check('{"type":"input_audio_buffer.commit"}')
   * // { ok: true, type: 'input_audio_buffer.commit' }
   * ```
   */
  check(input: string | Uint8Array, options?: CodecOptions): { ok: true; type: C['type'] } | { ok: false; error: RealtimeCodecError };
  /**
   * Validates an event object through the Rust crate and returns its canonical JSON text, ready to
   * send. Values JSON cannot carry are refused, never silently changed: `NaN`/`Infinity`, BigInt,
   * functions, symbols, `undefined` array elements and cycles give a {@link RealtimeCodecError}
   * (`invalid_value` or `invalid_type`). Errors carry `path` but no line/column (`0`).
   *
   * @throws {RealtimeCodecError} if `event` is not a valid client event.
   * @example
   * ```ts
   * ws.send(encode({ type: 'input_audio_buffer.append', audio: base64Pcm }))
   * ```
   */
  encode(event: CI, options?: CodecOptions): string;
  /**
   * `encode` without throwing for invalid events.
   *
   * @throws never for invalid events; only for internal failures.
   * @example
   * ```ts
   * const r = safeEncode(event)
   * if (r.ok) ws.send(r.text)
   * ```
   */
  safeEncode(event: CI, options?: CodecOptions): EncodeResult;
  /**
   * How the Rust crate's canonical form differs from `input`: members dropped (unknown to the crate,
   * or `null`), added (members the crate always writes), values changed (f32 rounding, floats read
   * differently) and objects whose member order changed. For parity tests: does this JSON mean the
   * same to Rust?
   *
   * @throws {RealtimeCodecError} if `input` is not a valid event (there is then nothing to compare).
   * @example
   * ```ts
   * diff('{"type":"input_audio_buffer.clear","x":1}').differences
   * // [{ kind: 'dropped', path: '/x', value: '1' }]
   * ```
   */
  diff(input: string | Uint8Array, options?: CodecOptions): DiffResult;
  /**
   * The canonical JSON text of the server event in `input`: what the crate's server event enum
   * writes after reading it (unknown members dropped, f32 members rounded or, beyond f32, `null`, ...).
   *
   * @param input JSON text, or its UTF-8 bytes.
   * @throws {RealtimeCodecError} if `input` is not a valid server event.
   * @example
   * ```ts
   * canonicalizeServerEvent('{"type":"input_audio_buffer.cleared","event_id":"e1","x":1}')
   * // '{"type":"input_audio_buffer.cleared","event_id":"e1"}'
   * ```
   */
  canonicalizeServerEvent(input: string | Uint8Array, options?: CodecOptions): string;
  /**
   * Decodes and validates one server event, as the crate reads it, returning it in canonical form.
   *
   * @param input JSON text, or its UTF-8 bytes (a WebSocket message as it arrives).
   * @throws {RealtimeCodecError} with `code`, `path`, `line` and `column` if `input` is not a valid
   *   server event (also `out_of_range` for an integer beyond ±2^53 inside free JSON).
   * @example
   * ```ts
   * const event = decodeServerEvent(message.data)
   * if (event.type === 'input_audio_buffer.speech_started') stopPlayback()
   * ```
   */
  decodeServerEvent(input: string | Uint8Array, options?: CodecOptions): S;
  /**
   * `decodeServerEvent` without throwing for invalid input.
   *
   * @throws {TypeError} only if `input` is neither a string nor a Uint8Array.
   * @example
   * ```ts
   * const r = safeDecodeServerEvent(message.data)
   * if (!r.ok) console.warn(r.error.code, r.error.path)
   * ```
   */
  safeDecodeServerEvent(input: string | Uint8Array, options?: CodecOptions): { ok: true; event: S } | { ok: false; error: RealtimeCodecError };
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
  checkServerEvent(input: string | Uint8Array, options?: CodecOptions): { ok: true; type: S['type'] } | { ok: false; error: RealtimeCodecError };
  /**
   * Validates a server event object through the crate and returns its canonical JSON text (what a
   * Rust server built on the crate would send). Values JSON cannot carry are refused, as in
   * `encode`. Errors carry `path` but no line/column (`0`).
   *
   * @throws {RealtimeCodecError} if `event` is not a valid server event.
   * @example
   * ```ts
   * socket.send(encodeServerEvent({ type: 'input_audio_buffer.cleared', event_id: 'e1' }))
   * ```
   */
  encodeServerEvent(event: SI, options?: CodecOptions): string;
  /**
   * `encodeServerEvent` without throwing for invalid events.
   *
   * @throws never for invalid events; only for internal failures.
   */
  safeEncodeServerEvent(event: SI, options?: CodecOptions): EncodeResult;
  /**
   * How the crate's canonical form of a server event differs from `input` (see `diff`).
   *
   * @throws {RealtimeCodecError} if `input` is not a valid server event.
   * @example
   * ```ts
   * diffServerEvent('{"type":"input_audio_buffer.cleared","event_id":"e1","x":1}').differences
   * // [{ kind: 'dropped', path: '/x', value: '1' }]
   * ```
   */
  diffServerEvent(input: string | Uint8Array, options?: CodecOptions): DiffResult;
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
 * Texts the fast path may take: within maxInputBytes whatever their encoding, and at most 64 Ki
 * characters. JSON.parse builds every level of a deeply nested text (10 MB of `[` is a second and
 * half a gigabyte) where Rust stops at depth 128; capped, the worst is about 6 ms and a few MB.
 * Larger events (audio appends of a second or more) take the Rust path, whose one-pass scan
 * handles canonical appends.
 */
function fastPathFits(text: string, bounds: Bounds): boolean {
  return text.length <= FAST_PATH_MAX_CHARS && text.length * 3 <= bounds.bytes;
}

const FAST_PATH_MAX_CHARS = 64 * 1024;

/** The text of `input` the fast path may read: strings as they are, short UTF-8 bytes decoded strictly. */
function fastText(input: string | Uint8Array): string | undefined {
  return typeof input === 'string' ? input : input instanceof Uint8Array && input.length <= FAST_PATH_MAX_CHARS ? strictUtf8(input) : undefined;
}

/** `run()`, or its {@link RealtimeCodecError} as a failed result; anything else propagates. */
function settle<T>(run: () => T): T | { ok: false; error: RealtimeCodecError } {
  try {
    return run();
  } catch (error) {
    if (error instanceof RealtimeCodecError) return { ok: false, error };
    throw error;
  }
}

/** The codec of one protocol. Its functions are plain closures: they may be called unbound. @internal */
export function createCodec<C extends { type: string }, CI, S extends { type: string }, SI>(
  p: ProtocolParts<C['type'], S['type']>,
): Codec<C, CI, S, SI> {
  const { client, server, fastClient, fastServer, fastEncode } = p;

  function decode(input: string | Uint8Array, options?: CodecOptions): C {
    client.assertReady();
    const bounds = boundsOf(options);
    // Text the fast path can vouch for (most of what producers send) needs no WebAssembly call.
    const text = fastText(input);
    if (text !== undefined && fastPathFits(text, bounds)) {
      const event = fastClient(text, bounds.depth);
      if (event !== undefined) return event as C;
    }
    const canonical = client.canonicalize(input, bounds);
    if (canonical === input) {
      const append = canonicalAppend(canonical);
      if (append !== undefined) return append as unknown as C;
    }
    return parseCanonical(canonical) as C;
  }

  function encode(event: CI, options?: CodecOptions): string {
    client.assertReady();
    const bounds = boundsOf(options);
    const append = plainAppendText(event);
    if (append !== undefined && append.length <= bounds.bytes) return append;
    const fast = fastEncode?.(event, bounds.depth, bounds.bytes);
    if (fast !== undefined) return fast;
    return client.canonicalize(toJsonText(event), bounds, false);
  }

  function decodeServerEvent(input: string | Uint8Array, options?: CodecOptions): S {
    server.assertReady();
    const bounds = boundsOf(options);
    // The high-frequency server events (deltas, speech started/stopped, rate limits) that the fast
    // path can vouch for need no WebAssembly call; everything else is Rust's answer.
    const text = fastText(input);
    if (text !== undefined && fastPathFits(text, bounds)) {
      const event = fastServer(text, bounds.depth);
      if (event !== undefined) return event as S;
    }
    return parseCanonical(server.canonicalize(input, bounds)) as S;
  }

  function encodeServerEvent(event: SI, options?: CodecOptions): string {
    server.assertReady();
    return server.canonicalize(toJsonText(event), boundsOf(options), false);
  }

  return {
    wasmMemoryBytes(module?: 'client' | 'server'): number {
      if (module === 'client') return client.memoryBytes();
      if (module === 'server') return server.memoryBytes();
      return client.memoryBytes() + server.memoryBytes();
    },
    isInitialized: () => client.isReady(),
    isServerInitialized: () => server.isReady(),
    canonicalize(input, options) {
      client.assertReady();
      return client.canonicalize(input, boundsOf(options));
    },
    decode,
    safeDecode: (input, options) => settle(() => ({ ok: true, event: decode(input, options) }) as const),
    check(input, options) {
      client.assertReady();
      const bounds = boundsOf(options);
      // decode's fast path. (It used to leave canonical audio appends to Rust's one-pass scan,
      // which was faster than JSON.parse in Node; the flat scan reads them without JSON.parse
      // now, and in Chromium the Rust path cost 5x JSON.parse: bench/RESULTS.md.)
      if (typeof input === 'string' && fastPathFits(input, bounds)) {
        const event = fastClient(input, bounds.depth) as C | undefined;
        if (event !== undefined) return { ok: true, type: event.type };
      }
      return settle(() => ({ ok: true, type: client.validate(input, bounds) }) as const);
    },
    encode,
    safeEncode: (event, options) => settle(() => ({ ok: true, text: encode(event, options) }) as const),
    diff(input, options) {
      client.assertReady();
      const canonical = client.canonicalize(input, boundsOf(options));
      return { canonical, differences: differences(input, canonical) };
    },
    canonicalizeServerEvent(input, options) {
      server.assertReady();
      return server.canonicalize(input, boundsOf(options));
    },
    decodeServerEvent,
    safeDecodeServerEvent: (input, options) => settle(() => ({ ok: true, event: decodeServerEvent(input, options) }) as const),
    checkServerEvent(input, options) {
      server.assertReady();
      const bounds = boundsOf(options);
      // decodeServerEvent's fast path, with the same caps; the rest is Rust's answer.
      const text = fastText(input);
      if (text !== undefined && fastPathFits(text, bounds)) {
        const event = fastServer(text, bounds.depth) as S | undefined;
        if (event !== undefined) return { ok: true, type: event.type };
      }
      return settle(() => ({ ok: true, type: server.validate(input, bounds) }) as const);
    },
    encodeServerEvent,
    safeEncodeServerEvent: (event, options) => settle(() => ({ ok: true, text: encodeServerEvent(event, options) }) as const),
    diffServerEvent(input, options) {
      server.assertReady();
      const canonical = server.canonicalize(input, boundsOf(options));
      return { canonical, differences: differences(input, canonical) };
    },
  };
}
