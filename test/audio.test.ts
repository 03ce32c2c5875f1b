// encodeAudioAppend: exact base64 at every size (Node's native encoder and the JavaScript one the
// browser entry uses), byte-identical to encode() (a differential property), float conversion,
// limits; and the browser build in Chromium, with its speed against btoa(String.fromCharCode).
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Js } from '../ts/audio.js';
import { useChromium } from './browser/harness.js';
import { codec } from './helpers.js';

const SIZES = [0, 1, 2, 3, 125 * 1024, 1024 * 1024, 15 * 1024 * 1024];
const pattern = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + (i >> 8)) & 255);
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('encodeAudioAppend (Node build)', () => {
  it.each(SIZES)('round-trips %i bytes exactly, as encode() would write them', (n) => {
    const bytes = pattern(n);
    const text = codec.encodeAudioAppend(bytes);
    const audio = (JSON.parse(text) as { audio: string }).audio;
    expect(Buffer.from(audio, 'base64').equals(Buffer.from(bytes))).toBe(true);
    expect(base64Js(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    if (n <= 1024 * 1024) expect(text).toBe(codec.encode({ type: 'input_audio_buffer.append', audio: Buffer.from(bytes).toString('base64') }));
  });

  it('takes Int16Array (little-endian), Uint8Array and ArrayBuffer alike', () => {
    const samples = new Int16Array([0, 1, -1, 32767, -32768, 256]);
    const bytes = new Uint8Array(samples.buffer);
    expect(codec.encodeAudioAppend(samples)).toBe(codec.encodeAudioAppend(bytes));
    expect(codec.encodeAudioAppend(samples.buffer)).toBe(codec.encodeAudioAppend(bytes));
    expect(Buffer.from(JSON.parse(codec.encodeAudioAppend(samples)).audio, 'base64').readInt16LE(6)).toBe(32767);
    // A view into a larger buffer uses only its own bytes.
    expect(codec.encodeAudioAppend(samples.subarray(1, 3))).toBe(codec.encodeAudioAppend(new Int16Array([1, -1])));
  });

  it('is byte-identical to encode() for any bytes and event id (differential property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.option(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom('"', '\\', '\n', '\u2028', '\uD800', 'é')), { nil: undefined }), (bytes, eventId) => {
        const event = { type: 'input_audio_buffer.append' as const, audio: Buffer.from(bytes).toString('base64'), ...(eventId === undefined ? {} : { event_id: eventId }) };
        const viaSerde = codec.safeEncode(event);
        let fast: string | { code: string };
        try {
          fast = codec.encodeAudioAppend(bytes, eventId === undefined ? {} : { eventId });
        } catch (error) {
          fast = { code: (error as { code: string }).code };
        }
        expect(fast).toEqual(viaSerde.ok ? viaSerde.text : { code: viaSerde.error.code });
      }),
      { numRuns: 1000 },
    );
  });

  it('converts float samples: clamped, scaled, NaN as silence', () => {
    const text = codec.encodeAudioAppendFloat32(new Float32Array([0, 1, -1, 2, -2, Number.NaN, 0.5, -0.5]));
    const pcm = Buffer.from(JSON.parse(text).audio, 'base64');
    expect(Array.from({ length: 8 }, (_, i) => pcm.readInt16LE(i * 2))).toEqual([0, 32767, -32768, 32767, -32768, 0, 16384, -16384]);
  });

  it('refuses events over maxInputBytes and odd inputs', () => {
    expect(() => codec.encodeAudioAppend(new Uint8Array(100), { maxInputBytes: 100 })).toThrow(codec.ClientEventError);
    expect(() => codec.encodeAudioAppend([1, 2] as never)).toThrow(TypeError);
  });
});

describe('encodeAudioAppend (browser build in Chromium)', () => {
  const { codecPage } = useChromium();

  it('gives the same text as Node at every size, and beats btoa(String.fromCharCode)', async () => {
    const page = await codecPage();
    const result = await page.evaluate(async (sizes) => {
      const { codec } = window as unknown as { codec: typeof import('../dist/browser.mjs') };
      await codec.init();
      const pattern = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + (i >> 8)) & 255);
      const hex = async (text: string) =>
        Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))), (b) => b.toString(16).padStart(2, '0')).join('');
      const hashes: string[] = [];
      for (const n of sizes) hashes.push(await hex(codec.encodeAudioAppend(pattern(n))));
      // Speed on 1 MiB: median of 9 runs each.
      const bytes = pattern(1024 * 1024);
      const naive = () => {
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return JSON.stringify({ type: 'input_audio_buffer.append', audio: btoa(binary) });
      };
      const time = (run: () => unknown) => {
        const runs: number[] = [];
        for (let i = 0; i < 9; i += 1) {
          const t = performance.now();
          run();
          runs.push(performance.now() - t);
        }
        return runs.sort((a, b) => a - b)[4] as number;
      };
      if (naive() !== codec.encodeAudioAppend(bytes)) throw new Error('naive and fast texts differ');
      return { hashes, naiveMs: time(naive), fastMs: time(() => codec.encodeAudioAppend(bytes)) };
    }, SIZES);
    expect(result.hashes).toEqual(SIZES.map((n) => sha(codec.encodeAudioAppend(pattern(n)))));
    console.log(
      `encodeAudioAppend in Chromium, 1 MiB: ${result.fastMs.toFixed(2)} ms vs btoa(String.fromCharCode) ${result.naiveMs.toFixed(2)} ms ` +
        `(${(result.naiveMs / result.fastMs).toFixed(1)}x faster; medians of 9)`,
    );
    await page.close();
  }, 120_000);
});
