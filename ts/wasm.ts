/**
 * The WebAssembly bridge: the JavaScript twin of `crate/src/wasm.rs`. It instantiates the module,
 * writes each input into the module's reused input buffer (UTF-8, or WTF-8 for text with a lone
 * surrogate), calls the Rust exports (`canonicalize`, `validate`, `diff`) and rethrows their errors
 * as {@link ClientEventError}s. It decides nothing about events: Rust does.
 * Environment-neutral (no Node or browser module); internal: nothing here is part of the API.
 * @module
 */
import * as glue from '../wasm/realtime_codec.js';
import type { WasmSource } from './core.js';
import { ClientEventError, type ClientEventErrorCode, type ClientEventErrorDetails } from './errors.js';
import { describeType, isWellFormed, LONE_SURROGATE, tooLarge } from './guards.js';
import { EVENT_TYPES, type ClientEventType } from './types.js';

/** The limits of one call, as the Rust exports take them (`Limits` in Rust). @internal */
export interface Bounds {
  bytes: number;
  depth: number;
}

let ready = false;
let memory: WebAssembly.Memory | undefined;

/**
 * Instantiates the codec synchronously from the `.wasm` bytes or a compiled module (Node, workers).
 * Idempotent.
 * @internal
 */
export function instantiate(module: WebAssembly.Module | ArrayBuffer | ArrayBufferView): void {
  if (ready) return;
  memory = glue.initSync({ module }).memory;
  ready = true;
}

/**
 * Instantiates the codec asynchronously (streaming compilation when the source is a response
 * served as `application/wasm`). Idempotent once it has succeeded; after a failure, call again.
 * @internal
 */
export async function instantiateAsync(source: WasmSource): Promise<void> {
  if (ready) return;
  memory = (await glue.default({ module_or_path: source })).memory;
  ready = true;
}

/** The bytes or module to instantiate from on first use, where the entry can load them synchronously. */
let load: (() => WebAssembly.Module | ArrayBuffer | ArrayBufferView) | undefined;

/**
 * Instantiates the codec synchronously on its first use, from what `source` returns then (the
 * Node entry: reading and compiling the .wasm is most of an import's cost, so an import that is
 * never used pays nothing for it). Errors from `source` surface at that first call.
 * @internal
 */
export function instantiateOnFirstUse(source: () => WebAssembly.Module | ArrayBuffer | ArrayBufferView): void {
  if (!ready) load = source;
}

/** Whether the module is instantiated, or will be on first use. @internal */
export function isReady(): boolean {
  return ready || load !== undefined;
}

/** The size of the module's linear memory in bytes, 0 before it is instantiated. @internal */
export function memoryBytes(): number {
  return memory?.buffer.byteLength ?? 0;
}

/**
 * Instantiates the module now if it waits for its first use; throws `not_initialized` when there
 * is nothing to instantiate from (the browser entry before `init()`).
 * @internal
 */
export function assertReady(): void {
  if (ready) return;
  if (load !== undefined) {
    instantiate(load());
    load = undefined;
    return;
  }
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

const encoder = new TextEncoder();
const decoder = new TextDecoder();
let view: Uint8Array | undefined;

/** A view of the wasm input buffer, at least `capacity` bytes long. */
function inputView(capacity: number): Uint8Array {
  const at = glue.inputBuffer(capacity);
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
    if (input.length > limit) throw tooLarge(`input is ${input.length} bytes, more than the limit of ${limit} bytes (maxInputBytes)`);
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

/**
 * Rust's `canonicalize`: the canonical text of `input`; the input itself, uncopied, when it
 * already is canonical. `positioned: false` drops line and column (text the caller never saw).
 * @internal
 */
export function canonicalize(input: string | Uint8Array, bounds: Bounds, positioned = true): string {
  const length = writeInput(input, bounds.bytes);
  let canonical: string | undefined;
  try {
    canonical = glue.canonicalize(length, bounds.bytes, bounds.depth);
  } catch (error) {
    rethrow(error, positioned);
  }
  if (canonical !== undefined) return canonical;
  return typeof input === 'string' ? input : decoder.decode(input);
}

/** Rust's `validate`: the event's `type`, from the tag index Rust returns. @internal */
export function validate(input: string | Uint8Array, bounds: Bounds): ClientEventType {
  try {
    const length = writeInput(input, bounds.bytes);
    return EVENT_TYPES[glue.validate(length, bounds.bytes, bounds.depth)] as ClientEventType;
  } catch (error) {
    rethrow(error);
  }
}

/** Rust's `diff`: `{"canonical", "differences"}` as JSON text. @internal */
export function diff(input: string | Uint8Array, bounds: Bounds): string {
  try {
    return glue.diff(writeInput(input, bounds.bytes), bounds.bytes, bounds.depth);
  } catch (error) {
    rethrow(error);
  }
}
