/**
 * Browser, worker and bundler entry of the beta protocol (`realtime-codec`, `realtime-codec/beta`). Call `await init()` once before using the codec; it fetches
 * `realtime_codec_bg.wasm` (client events) and `realtime_codec_server_bg.wasm` (server events)
 * from beside this file (bundlers such as Vite follow the `new URL(..., import.meta.url)` below
 * and emit the files), or takes the modules from you. No top-level await, no inlined base64 (edge
 * runtimes refuse to compile wasm from bytes made at run time; pass them a precompiled
 * `WebAssembly.Module` instead).
 * @module
 */
import { initModules } from './browser-load.js';
import type { InitOptions, WasmSource } from './codec.js';
import { client, server } from './modules.js';

export * from './core.js';

/**
 * Loads and instantiates the WebAssembly modules. Idempotent: concurrent and later calls share the
 * first successful load of each module. After a failed load the next call tries again.
 *
 * - `init()`: both modules, from beside this file (in parallel).
 * - `init({ client, server })`: each a source, or `false` to leave that module unloaded (a page
 *   that only sends need not load the server module: `init({ server: false })`), or absent for
 *   the default file. A module left out can be loaded by a later call.
 * - `init(source)`: the client module from `source`, as before server events existed; the server
 *   functions then throw `not_initialized` until `init({ server: source })`.
 *
 * @param source where a `.wasm` is: a URL (string, `URL`, `Request`), a `Response` or a promise of
 *   one, its bytes (`ArrayBuffer`, typed array), or a precompiled `WebAssembly.Module`. The files
 *   are also exported as `realtime-codec/realtime_codec_bg.wasm` and
 *   `realtime-codec/realtime_codec_server_bg.wasm`.
 * @throws {Error} (the returned promise rejects, once every requested load has settled) if a module
 *   cannot be fetched or compiled; the message names the file (both files when both failed).
 * @example
 * ```ts
 * import { init, encode, decodeServerEvent } from 'realtime-codec';
 * await init();
 * socket.send(encode({ type: 'response.create' }));
 * socket.onmessage = (m) => handle(decodeServerEvent(m.data));
 * // self-hosted:
 * // await init({ client: '/assets/realtime_codec_bg.wasm', server: '/assets/realtime_codec_server_bg.wasm' })
 * ```
 */
export function init(source?: WasmSource | InitOptions): Promise<void> {
  return initModules(client, server, source, {
    client: () => new URL('./realtime_codec_bg.wasm', import.meta.url),
    server: () => new URL('./realtime_codec_server_bg.wasm', import.meta.url),
  });
}
