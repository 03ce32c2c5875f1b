/**
 * Node.js entry of the beta protocol (`realtime-codec`, `realtime-codec/beta`): the WebAssembly is
 * loaded synchronously (no top-level await, nothing to await), so `import { encode } from
 * 'realtime-codec'` and `require('realtime-codec')` are ready to use. Each module is read and
 * compiled on its first call rather than at import: most of an import's cost. So are the fast
 * paths and diff: the Node bundles require them from a chunk beside the entry (dist/fast.cjs) on
 * the first call that needs them (scripts/lib/build.mjs, lazyChunk); the code here is the same.
 * @module
 */
import type { InitOptions, WasmSource } from './codec.js';
import { client, server } from './modules.js';
import { loadOnFirstUse } from './node-load.js';

loadOnFirstUse(client, server);

export * from './core.js';

/**
 * Resolves at once: in Node the codec is ready at import (it loads the .wasm on its first call). Present so that code shared with the
 * browser entry can `await init()` everywhere.
 *
 * @throws never
 * @example
 * ```ts
 * import { init, encode } from 'realtime-codec';
 * await init(); // no-op in Node, loads the .wasm in a browser
 * ```
 */
export function init(_source?: WasmSource | InitOptions): Promise<void> {
  return Promise.resolve();
}
