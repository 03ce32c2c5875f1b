/**
 * The public API, shared by every entry (`node.ts`, `browser.ts`); each entry adds its own `init`.
 * @module
 */
export {
  canonicalize,
  canonicalizeServerEvent,
  check,
  checkServerEvent,
  decodeServerEvent,
  diffServerEvent,
  encodeServerEvent,
  isServerInitialized,
  safeDecodeServerEvent,
  safeEncodeServerEvent,
  type ServerCheckResult,
  type ServerDecodeResult,
  decode,
  diff,
  encode,
  isInitialized,
  wasmMemoryBytes,
  safeDecode,
  safeEncode,
  DEFAULT_MAX_INPUT_BYTES,
  MAX_DEPTH,
  type CodecOptions,
  type CheckResult,
  type Difference,
  type DiffResult,
  type DecodeResult,
  type EncodeResult,
  type WasmSource,
  type InitOptions,
} from './core.js';
export { encodeAudioAppend, encodeAudioAppendFloat32, type AudioAppendOptions } from './audio.js';
export * from './types.js';
export * from './errors.js';
