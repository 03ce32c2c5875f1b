/**
 * The WebAssembly bridge: the JavaScript twin of `crate/src/wasm.rs`. One bridge per module, two
 * per protocol (core.ts: beta, ga/core.ts: GA): the client-event module and the separately loaded
 * server-event module, whose exports have the same names in all four. A bridge instantiates its
 * module, writes each input into the module's reused input buffer (UTF-8, or WTF-8 for text with
 * a lone surrogate), calls the Rust exports (`canonicalize`, `validate`) and rethrows their errors
 * as {@link RealtimeCodecError}s. It decides nothing about events: Rust does.
 * Environment-neutral (no Node or browser module); internal: nothing here is part of the API.
 * @module
 */
import type { WasmSource } from './codec.js';
import { RealtimeCodecError, type ErrorCode, type ErrorDetails } from './errors.js';
import { describeType, isWellFormed, LONE_SURROGATE, tooLarge } from './guards.js';

/** The limits of one call, as the Rust exports take them (`Limits` in Rust). @internal */
export interface Bounds {
  bytes: number;
  depth: number;
}

/** What a module source may be when it is loaded synchronously. @internal */
export type SyncSource = WebAssembly.Module | ArrayBuffer | ArrayBufferView;

/** The wasm-bindgen glue of any of the modules (they all have the same exports). @internal */
export type Glue = typeof import('../wasm/realtime_codec.js');

/** One module's bridge. `T` is its root's type strings. @internal */
export interface Bridge<T extends string> {
  /** Which module: its file name, for messages. */
  readonly file: string;
  /** Instantiates synchronously from the `.wasm` bytes or a compiled module. Idempotent. */
  instantiate(module: SyncSource): void;
  /** Instantiates asynchronously (streaming when the source is a wasm response). Idempotent once it succeeded. */
  instantiateAsync(source: WasmSource): Promise<void>;
  /** Instantiates on first use from what `source` returns then (the Node entry). */
  instantiateOnFirstUse(source: () => SyncSource): void;
  /** Whether the module is instantiated, or will be on first use. */
  isReady(): boolean;
  /** Whether the module is instantiated now. */
  isInstantiated(): boolean;
  /** The module's linear memory in bytes, 0 before it is instantiated. */
  memoryBytes(): number;
  /** Instantiates now if it waits for first use; throws `not_initialized` if there is nothing to instantiate from. */
  assertReady(): void;
  /** Rust's `canonicalize`: the input itself, uncopied, when it already is canonical. `positioned: false` drops line and column. */
  canonicalize(input: string | Uint8Array, bounds: Bounds, positioned?: boolean): string;
  /** Rust's `validate`: the event's `type`. */
  validate(input: string | Uint8Array, bounds: Bounds): T;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * A bridge over one module's glue. `types` maps the tag index Rust returns to the type string;
 * `what` names the module and `entry` the package entry in the `not_initialized` message.
 */
export function createBridge<T extends string>(glue: Glue, file: string, types: readonly T[], what: string, entry = 'realtime-codec'): Bridge<T> {
  let ready = false;
  let memory: WebAssembly.Memory | undefined;
  let load: (() => SyncSource) | undefined;
  let view: Uint8Array | undefined;

  function instantiate(module: SyncSource): void {
    if (ready) return;
    memory = glue.initSync({ module }).memory;
    ready = true;
    load = undefined;
  }

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

  return {
    file,
    instantiate,
    async instantiateAsync(source: WasmSource): Promise<void> {
      if (ready) return;
      const exports = await glue.default({ module_or_path: source });
      if (ready) return;
      memory = exports.memory;
      ready = true;
      load = undefined;
    },
    instantiateOnFirstUse(source: () => SyncSource): void {
      if (!ready) load = source;
    },
    isReady: () => ready || load !== undefined,
    isInstantiated: () => ready,
    memoryBytes: () => memory?.buffer.byteLength ?? 0,
    assertReady(): void {
      if (ready) return;
      if (load !== undefined) {
        instantiate(load());
        return;
      }
      throw new RealtimeCodecError({
        code: 'not_initialized',
        reason: `realtime-codec: the ${what} module (${file}) is not initialised: call and await init() from '${entry}' once before using it (in Node, importing '${entry}' initialises it for you)`,
        path: '',
        line: 0,
        column: 0,
      });
    },
    canonicalize(input: string | Uint8Array, bounds: Bounds, positioned = true): string {
      const length = writeInput(input, bounds.bytes);
      let canonical: string | undefined;
      try {
        canonical = glue.canonicalize(length, bounds.bytes, bounds.depth);
      } catch (error) {
        rethrow(error, positioned);
      }
      if (canonical !== undefined) return canonical;
      return typeof input === 'string' ? input : decoder.decode(input);
    },
    validate(input: string | Uint8Array, bounds: Bounds): T {
      try {
        const length = writeInput(input, bounds.bytes);
        return types[glue.validate(length, bounds.bytes, bounds.depth)] as T;
      } catch (error) {
        rethrow(error);
      }
    },
  };
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
  if (error instanceof RealtimeCodecError) throw error;
  // The only trap the Rust side can reach is running out of memory (an input of a gigabyte or
  // more with a raised maxInputBytes). The instance stays usable: report it as too large.
  if (error instanceof WebAssembly.RuntimeError) {
    throw new RealtimeCodecError(
      { code: 'too_large', reason: `the WebAssembly memory ran out while handling this input (${error.message})`, path: '', line: 0, column: 0 },
      { cause: error },
    );
  }
  if (error instanceof Error && typeof (error as { code?: unknown }).code === 'string') {
    const e = error as Error & Partial<ErrorDetails>;
    const details: ErrorDetails = {
      code: e.code as ErrorCode,
      reason: e.message,
      path: e.path ?? '',
      line: positioned ? (e.line ?? 0) : 0,
      column: positioned ? (e.column ?? 0) : 0,
    };
    if (e.expected !== undefined) details.expected = e.expected;
    if (e.expectedValues !== undefined) details.expectedValues = Object.freeze([...e.expectedValues]);
    if (e.received !== undefined) details.received = e.received;
    throw new RealtimeCodecError(details, { cause: error });
  }
  throw error;
}

