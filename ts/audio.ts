/**
 * `input_audio_buffer.append` from raw PCM16, without building a base64 string by hand.
 *
 * The canonical text of an append is fully determined (`type`, then `event_id`, then `audio`;
 * base64 needs no JSON escaping), so it is written directly rather than through the Rust codec;
 * a differential property test (test/audio.test.ts) proves it byte-identical to `encode()`.
 * Event ids that are not plain printable ASCII go through `encode()` itself.
 * @module
 */
import { plainAppend, PLAIN } from './append.js';
import { DEFAULT_MAX_INPUT_BYTES } from './codec.js';
import { tooLarge } from './guards.js';

/** Options for {@link encodeAudioAppend}. */
export interface AudioAppendOptions {
  /** The event's `event_id`. */
  eventId?: string;
  /** Fail with `too_large` if the event text would be longer. Default 32 MiB, as for `encode`. */
  maxInputBytes?: number;
}

const ALPHABET = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
/**
 * Two base64 characters for every 12 bits, as one 16-bit store (little-endian byte order). Built
 * on the first JavaScript encode: the Node entry uses Node's base64 and never needs it, and
 * building it at import took about 0.3 ms of every cold start.
 */
let PAIRS: Uint16Array | undefined;
function pairTable(): Uint16Array {
  if (PAIRS === undefined) {
    PAIRS = new Uint16Array(4096);
    for (let i = 0; i < 4096; i += 1) PAIRS[i] = (ALPHABET[i >> 6] as number) | ((ALPHABET[i & 63] as number) << 8);
  }
  return PAIRS;
}
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const ascii = new TextDecoder();

/** Base64 in plain JavaScript: no `String.fromCharCode(...bytes)` limit, one pass, one string. */
export function base64Js(bytes: Uint8Array): string {
  const whole = bytes.length - (bytes.length % 3);
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  if (LITTLE_ENDIAN) {
    const pairs = new Uint16Array(out.buffer);
    const table = pairTable();
    let o = 0;
    for (let i = 0; i < whole; i += 3) {
      const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
      pairs[o++] = table[v >>> 12] as number;
      pairs[o++] = table[v & 4095] as number;
    }
  } else {
    for (let i = 0, o = 0; i < whole; i += 3, o += 4) {
      const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
      out[o] = ALPHABET[v >>> 18] as number;
      out[o + 1] = ALPHABET[(v >>> 12) & 63] as number;
      out[o + 2] = ALPHABET[(v >>> 6) & 63] as number;
      out[o + 3] = ALPHABET[v & 63] as number;
    }
  }
  const rest = bytes.length - whole;
  if (rest > 0) {
    const o = (whole / 3) * 4;
    const v = ((bytes[whole] as number) << 16) | (rest === 2 ? (bytes[whole + 1] as number) << 8 : 0);
    out[o] = ALPHABET[v >>> 18] as number;
    out[o + 1] = ALPHABET[(v >>> 12) & 63] as number;
    out[o + 2] = rest === 2 ? (ALPHABET[(v >>> 6) & 63] as number) : 61; // '='
    out[o + 3] = 61;
  }
  return ascii.decode(out);
}

let base64 = base64Js;

/**
 * Lets an entry supply a native base64 encoder (the Node entry uses `Buffer`).
 * @internal
 */
export function useBase64(encoder: (bytes: Uint8Array) => string): void {
  base64 = encoder;
}

function bytesOfPcm(pcm: Int16Array | Uint8Array | ArrayBuffer): Uint8Array {
  if (pcm instanceof Uint8Array) return pcm;
  if (pcm instanceof ArrayBuffer) return new Uint8Array(pcm);
  if (pcm instanceof Int16Array) {
    if (LITTLE_ENDIAN) return new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength);
    const out = new Uint8Array(pcm.length * 2);
    const view = new DataView(out.buffer);
    pcm.forEach((sample, i) => view.setInt16(i * 2, sample, true));
    return out;
  }
  throw new TypeError('realtime-codec: PCM16 audio must be an Int16Array, a Uint8Array or an ArrayBuffer');
}

/** The audio helpers of a protocol's entry (the append event is the same in beta and GA). */
export interface AudioEncoders {
  /**
   * The canonical `input_audio_buffer.append` text for raw PCM16 audio (little-endian, as the API
   * expects), for any size up to the API's 15 MiB of audio and beyond, up to `maxInputBytes`.
   *
   * @param pcm 16-bit samples (`Int16Array`), or their little-endian bytes (`Uint8Array`, `ArrayBuffer`).
   * @throws {ClientEventError} `too_large` if the event would be longer than `maxInputBytes`;
   *   `invalid_unicode` for an `eventId` with a lone surrogate.
   * @throws {TypeError} if `pcm` is none of the accepted types.
   * @example
   * ```ts
   * socket.send(encodeAudioAppend(int16Samples, { eventId: 'evt_42' }));
   * ```
   */
  encodeAudioAppend(pcm: Int16Array | Uint8Array | ArrayBuffer, options?: AudioAppendOptions): string;
  /**
   * {@link encodeAudioAppend} for float samples (Web Audio's `Float32Array`, -1 to 1): clamped to
   * [-1, 1] and scaled to PCM16 (negative by 32768, positive by 32767); NaN becomes silence.
   *
   * @throws {ClientEventError} as {@link encodeAudioAppend}.
   * @example
   * ```ts
   * processor.onaudioprocess = (e) => socket.send(encodeAudioAppendFloat32(e.inputBuffer.getChannelData(0)));
   * ```
   */
  encodeAudioAppendFloat32(samples: Float32Array, options?: AudioAppendOptions): string;
}

/** An append event, as the protocol's `encode` takes it. */
type Append = { type: 'input_audio_buffer.append'; event_id?: string; audio: string };

/**
 * The audio helpers over a protocol's `encode`, which answers the events the plain layout cannot
 * write (an `eventId` that needs escaping). @internal
 */
export function audioEncoders(encode: (event: Append, options: { maxInputBytes: number }) => string): AudioEncoders {
  function encodeAudioAppend(pcm: Int16Array | Uint8Array | ArrayBuffer, options?: AudioAppendOptions): string {
    const limit = options?.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;
    const bytes = bytesOfPcm(pcm);
    const audioLength = Math.ceil(bytes.length / 3) * 4;
    const eventId = options?.eventId;
    if (audioLength + 48 > limit) {
      throw tooLarge(`the event would be at least ${audioLength + 48} bytes, more than the limit of ${limit} bytes (maxInputBytes)`);
    }
    const audio = base64(bytes);
    if (eventId !== undefined && !PLAIN.test(eventId)) {
      // Anything that needs escaping, or cannot be encoded at all, takes the serde path.
      return encode({ type: 'input_audio_buffer.append', event_id: eventId, audio }, { maxInputBytes: limit });
    }
    const text = plainAppend(audio, eventId); // base64 is plain
    if (text.length > limit) {
      throw tooLarge(`the event is ${text.length} bytes, more than the limit of ${limit} bytes (maxInputBytes)`);
    }
    return text;
  }

  function encodeAudioAppendFloat32(samples: Float32Array, options?: AudioAppendOptions): string {
    const pcm = new Int16Array(samples.length);
    for (let i = 0; i < samples.length; i += 1) {
      const s = samples[i] as number;
      const clamped = s > 1 ? 1 : s < -1 ? -1 : s === s ? s : 0;
      pcm[i] = clamped < 0 ? Math.round(clamped * 32768) : Math.round(clamped * 32767);
    }
    return encodeAudioAppend(pcm, options);
  }

  return { encodeAudioAppend, encodeAudioAppendFloat32 };
}
