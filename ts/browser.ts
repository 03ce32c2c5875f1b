/**
 * Browser, worker and bundler entry. Call `await init()` once before using the codec; it fetches
 * `realtime_codec_bg.wasm` (client events) and `realtime_codec_server_bg.wasm` (server events)
 * from beside this file (bundlers such as Vite follow the `new URL(..., import.meta.url)` below
 * and emit the files), or takes the modules from you. No top-level await, no inlined base64 (edge
 * runtimes refuse to compile wasm from bytes made at run time; pass them a precompiled
 * `WebAssembly.Module` instead).
 * @module
 */
import type { InitOptions, WasmSource } from './core.js';
import { client, server, type Bridge } from './wasm.js';

export * from './api.js';

const loading = new Map<Bridge<string>, Promise<void>>();

/** Loads one module once; concurrent calls share the load, a failed load is tried again next time. */
function load(bridge: Bridge<string>, source: WasmSource): Promise<void> {
  if (bridge.isReady()) return Promise.resolve();
  let pending = loading.get(bridge);
  if (pending === undefined) {
    pending = bridge.instantiateAsync(source).then(
      () => {
        loading.delete(bridge);
      },
      (error: unknown) => {
        loading.delete(bridge);
        throw new Error(
          `realtime-codec: could not load the WebAssembly module ${bridge.file}: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      },
    );
    loading.set(bridge, pending);
  }
  return pending;
}

/** A plain options object, as opposed to one of the source kinds (all of which have their own prototype). */
function isOptions(value: unknown): value is InitOptions {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

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
  const options: InitOptions = source === undefined ? {} : isOptions(source) ? source : { client: source, server: false };
  const pending: Promise<void>[] = [];
  if (options.client !== false) pending.push(load(client, options.client ?? new URL('./realtime_codec_bg.wasm', import.meta.url)));
  if (options.server !== false) {
    pending.push(load(server, options.server ?? new URL('./realtime_codec_server_bg.wasm', import.meta.url)));
  }
  // Wait for every load to settle before answering: a failed server load must not reject while
  // the client module is still loading (the caller would see neither ready, then the client
  // become ready later). After a rejection, whatever could load has loaded.
  return Promise.allSettled(pending).then((settled) => {
    const failures = settled.flatMap((s) => (s.status === 'rejected' ? [s.reason as Error] : []));
    if (failures.length === 1) throw failures[0];
    if (failures.length > 1) throw new Error(failures.map((f) => f.message).join('; '), { cause: failures });
  });
}
