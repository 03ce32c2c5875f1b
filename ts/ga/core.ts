/**
 * The GA protocol's codec (`async-openai-wasm` =0.31.2, `RealtimeClientEvent` and
 * `RealtimeServerEvent`): the API of `realtime-codec/ga`, over its two WebAssembly modules,
 * client events (`realtime_codec_ga_bg.wasm`) and, separately loaded, server events
 * (`realtime_codec_ga_server_bg.wasm`). The same functions as the beta entry (../codec.ts), over
 * the GA modules, types (types.ts, generated from the GA shape table) and fast decoders.
 * Environment-neutral: an entry file (`node.ts`, `browser.ts` here) hands the wasm to the bridges.
 * @module
 */
import { audioEncoders, type AudioEncoders } from '../audio.js';
import { createCodec, type Codec } from '../codec.js';
import type { ClientEventError } from '../errors.js';
import { fastDecode, fastDecodeServer, fastEncode } from './fast.js';
import type { ClientEvent, ClientEventInput, ClientEventType, ServerEvent, ServerEventInput, ServerEventType } from './types.js';
import { client, server } from './modules.js';

export * from './types.js';
export * from '../errors.js';
export {
  DEFAULT_MAX_INPUT_BYTES,
  MAX_DEPTH,
  type Codec,
  type CodecOptions,
  type Difference,
  type DiffResult,
  type EncodeResult,
  type InitOptions,
  type WasmSource,
} from '../codec.js';
export type { AudioAppendOptions, AudioEncoders } from '../audio.js';

/** Result of the non-throwing {@link safeDecode}. */
export type DecodeResult = { ok: true; event: ClientEvent } | { ok: false; error: ClientEventError };
/** Result of {@link check}: validity and the event's type, without building any output. */
export type CheckResult = { ok: true; type: ClientEventType } | { ok: false; error: ClientEventError };
/** Result of the non-throwing {@link safeDecodeServerEvent}. */
export type ServerDecodeResult = { ok: true; event: ServerEvent } | { ok: false; error: ClientEventError };
/** Result of {@link checkServerEvent}: validity and the server event's type. */
export type ServerCheckResult = { ok: true; type: ServerEventType } | { ok: false; error: ClientEventError };

// The fast paths over the GA table (ts/ga/fast.ts), as core.ts takes the beta ones.
const codec: Codec<ClientEvent, ClientEventInput, ServerEvent, ServerEventInput> = createCodec({ client, server, fastClient: fastDecode, fastServer: fastDecodeServer, fastEncode });

// Each export is annotated with the Codec member it is: declarations then keep its type and
// the member's documentation (what editors show on hover), written once in codec.ts.
export const wasmMemoryBytes: Codec<ClientEvent, ClientEventInput, ServerEvent, ServerEventInput>['wasmMemoryBytes'] = codec.wasmMemoryBytes;
export const isInitialized: Codec<ClientEvent, ClientEventInput, ServerEvent, ServerEventInput>['isInitialized'] = codec.isInitialized;
export const isServerInitialized: Codec<ClientEvent, ClientEventInput, ServerEvent, ServerEventInput>['isServerInitialized'] = codec.isServerInitialized;
export const canonicalize: Codec<ClientEvent, ClientEventInput, ServerEvent, ServerEventInput>['canonicalize'] = codec.canonicalize;
export const decode: Codec<ClientEvent, ClientEventInput, ServerEvent, ServerEventInput>['decode'] = codec.decode;
export const safeDecode: Codec<ClientEvent, ClientEventInput, ServerEvent, ServerEventInput>['safeDecode'] = codec.safeDecode;
export const check: Codec<ClientEvent, ClientEventInput, ServerEvent, ServerEventInput>['check'] = codec.check;
export const encode: Codec<ClientEvent, ClientEventInput, ServerEvent, ServerEventInput>['encode'] = codec.encode;
export const safeEncode: Codec<ClientEvent, ClientEventInput, ServerEvent, ServerEventInput>['safeEncode'] = codec.safeEncode;
export const diff: Codec<ClientEvent, ClientEventInput, ServerEvent, ServerEventInput>['diff'] = codec.diff;
export const canonicalizeServerEvent: Codec<ClientEvent, ClientEventInput, ServerEvent, ServerEventInput>['canonicalizeServerEvent'] = codec.canonicalizeServerEvent;
export const decodeServerEvent: Codec<ClientEvent, ClientEventInput, ServerEvent, ServerEventInput>['decodeServerEvent'] = codec.decodeServerEvent;
export const safeDecodeServerEvent: Codec<ClientEvent, ClientEventInput, ServerEvent, ServerEventInput>['safeDecodeServerEvent'] = codec.safeDecodeServerEvent;
export const checkServerEvent: Codec<ClientEvent, ClientEventInput, ServerEvent, ServerEventInput>['checkServerEvent'] = codec.checkServerEvent;
export const encodeServerEvent: Codec<ClientEvent, ClientEventInput, ServerEvent, ServerEventInput>['encodeServerEvent'] = codec.encodeServerEvent;
export const safeEncodeServerEvent: Codec<ClientEvent, ClientEventInput, ServerEvent, ServerEventInput>['safeEncodeServerEvent'] = codec.safeEncodeServerEvent;
export const diffServerEvent: Codec<ClientEvent, ClientEventInput, ServerEvent, ServerEventInput>['diffServerEvent'] = codec.diffServerEvent;

const audio = audioEncoders(encode);
export const encodeAudioAppend: AudioEncoders['encodeAudioAppend'] = audio.encodeAudioAppend;
export const encodeAudioAppendFloat32: AudioEncoders['encodeAudioAppendFloat32'] = audio.encodeAudioAppendFloat32;
