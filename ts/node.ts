/**
 * Node.js entry: the WebAssembly is loaded synchronously (no top-level await, nothing to await),
 * so `import { encode } from 'realtime-codec'` and `require('realtime-codec')` are ready to use.
 * It is read and compiled on the first call rather than at import: most of an import's cost.
 * @module
 */
import { readFileSync } from 'node:fs';
import { useBase64 } from './audio.js';
import type { InitOptions, WasmSource } from './core.js';
import { client, server } from './wasm.js';

// The .wasm files sit beside this file in dist/. Each is read on its module's first call: a program
// that only sends never reads the server module, one that only receives never reads the client's. (The CommonJS build defines import.meta.url from
// __filename: see scripts/lib/build.mjs.)
// readFileSync takes the file URL itself; Buffer below is Node's global: fewer built-in modules to
// load at import.
client.instantiateOnFirstUse(() => readWasm('realtime_codec_bg.wasm'));
server.instantiateOnFirstUse(() => readWasm('realtime_codec_server_bg.wasm'));

/** The bytes of one module beside this file; a missing or unreadable file says which and where. */
function readWasm(file: string): Uint8Array {
  const url = new URL(`./${file}`, import.meta.url);
  try {
    return readFileSync(url);
  } catch (error) {
    throw new Error(`realtime-codec: cannot read the WebAssembly module ${file} (${url.pathname}): ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

// Node's native base64 for encodeAudioAppend (the browser entry uses the JavaScript encoder).
useBase64((bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'));

export * from './api.js';

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
