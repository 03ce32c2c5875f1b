/**
 * Node.js entry: loads the WebAssembly synchronously at import (no top-level await), so
 * `import { encode } from 'realtime-codec'` and `require('realtime-codec')` are ready to use.
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { instantiate } from './core.js';

// The .wasm sits beside this file in dist/. (The CommonJS build defines import.meta.url from
// __filename: see scripts/build.mjs.)
instantiate(readFileSync(fileURLToPath(new URL('./realtime_codec_bg.wasm', import.meta.url))));

export {
  canonicalize,
  check,
  decode,
  encode,
  safeDecode,
  safeEncode,
  DEFAULT_MAX_INPUT_BYTES,
  type CodecOptions,
  type CheckResult,
  type DecodeResult,
  type EncodeResult,
} from './core.js';
export * from './types.js';
export * from './errors.js';
