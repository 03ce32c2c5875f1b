/**
 * Node.js entry: loads the WebAssembly synchronously at import (no top-level await), so
 * `import { encode } from 'realtime-codec'` and `require('realtime-codec')` are ready to use.
 * @module
 */
import { readFileSync } from 'node:fs';
import { useBase64 } from './audio.js';
import type { WasmSource } from './core.js';
import { instantiate } from './wasm.js';

// The .wasm sits beside this file in dist/. (The CommonJS build defines import.meta.url from
// __filename: see scripts/lib/build.mjs.)
// readFileSync takes the file URL itself; Buffer below is Node's global: fewer built-in modules to
// load at import.
instantiate(readFileSync(new URL('./realtime_codec_bg.wasm', import.meta.url)));

// Node's native base64 for encodeAudioAppend (the browser entry uses the JavaScript encoder).
useBase64((bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'));

export * from './api.js';

/**
 * Resolves at once: in Node the codec is ready at import. Present so that code shared with the
 * browser entry can `await init()` everywhere.
 *
 * @throws never
 * @example
 * ```ts
 * import { init, encode } from 'realtime-codec';
 * await init(); // no-op in Node, loads the .wasm in a browser
 * ```
 */
export function init(_source?: WasmSource): Promise<void> {
  return Promise.resolve();
}
