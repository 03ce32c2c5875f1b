/**
 * What every Node entry does (node.ts: beta, ga/node.ts: GA): each module is read from beside the
 * entry, synchronously, on its module's first call, never at import. Internal.
 * @module
 */
import { createRequire } from 'node:module';
import { useBase64 } from './audio.js';
import type { Bridge } from './wasm.js';

/** Makes each bridge read its `.wasm` (its `file`, beside the entry) on its first call. @internal */
export function loadOnFirstUse(...bridges: Bridge<string>[]): void {
  // The .wasm files sit beside the entry in dist/: a program that only sends never reads the
  // server module, one that only receives never reads the client's. (The CommonJS build defines
  // import.meta.url from __filename: see scripts/lib/build.mjs.)
  for (const bridge of bridges) bridge.instantiateOnFirstUse(() => readWasm(bridge.file));
  // Node's native base64 for encodeAudioAppend (the browser entry uses the JavaScript encoder).
  // Buffer is Node's global: fewer built-in modules to load at import.
  useBase64((bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'));
}

/** The bytes of one module beside the entry; a missing or unreadable file says which and where. */
function readWasm(file: string): Uint8Array {
  // readFileSync takes the file URL itself.
  const url = new URL(`./${file}`, import.meta.url);
  const { readFileSync } = nodeFs();
  try {
    return readFileSync(url);
  } catch (error) {
    throw new Error(`realtime-codec: cannot read the WebAssembly module ${file} (${url.pathname}): ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}

/**
 * node:fs, fetched on the first read rather than imported: an ES module's `import ... from
 * 'node:fs'` makes Node build that module's namespace at import, reading every export, and its
 * lazy ones (ReadStream, WriteStream, promises) load Node's streams stack: about a millisecond,
 * a fifth of a cold import. `process.getBuiltinModule` (Node 20.16, 22.3) has no such cost;
 * before it, a require (node:module's own import costs a third of node:fs's).
 */
function nodeFs(): typeof import('node:fs') {
  return process.getBuiltinModule?.('node:fs') ?? (createRequire(import.meta.url)('node:fs') as typeof import('node:fs'));
}
