/**
 * Browser, worker and bundler entry. Call `await init()` once before using the codec; it fetches
 * `realtime_codec_bg.wasm` from beside this file (bundlers such as Vite follow the
 * `new URL(..., import.meta.url)` below and emit the file), or takes the module from you.
 * No top-level await, no inlined base64 (edge runtimes refuse to compile wasm from bytes made at
 * run time; pass them a precompiled `WebAssembly.Module` instead).
 * @module
 */
import { isInitialized, type WasmSource } from './core.js';
import { instantiateAsync } from './wasm.js';

export * from './api.js';

let loading: Promise<void> | undefined;

/**
 * Loads and instantiates the WebAssembly module. Idempotent: concurrent and later calls share the
 * first successful load. After a failed load the next call tries again.
 *
 * @param source where the `.wasm` is: a URL (string, `URL`, `Request`), a `Response` or a promise of
 *   one, its bytes (`ArrayBuffer`, typed array), or a precompiled `WebAssembly.Module`. Default: the
 *   `realtime_codec_bg.wasm` next to this file (also exported as `realtime-codec/realtime_codec_bg.wasm`).
 * @throws {Error} (the returned promise rejects) if the module cannot be fetched or compiled.
 * @example
 * ```ts
 * import { init, encode } from 'realtime-codec';
 * await init();
 * socket.send(encode({ type: 'response.create' }));
 * // self-hosted: await init('/assets/realtime_codec_bg.wasm')
 * ```
 */
export function init(source?: WasmSource): Promise<void> {
  if (isInitialized()) return Promise.resolve();
  loading ??= instantiateAsync(source ?? new URL('./realtime_codec_bg.wasm', import.meta.url)).catch((error: unknown) => {
    loading = undefined;
    throw new Error(`realtime-codec: could not load the WebAssembly module: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  });
  return loading;
}
