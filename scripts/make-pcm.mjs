#!/usr/bin/env node
// @ts-check
// Writes a short PCM16 recording for the socket examples (examples/node-client.mjs, the browser
// page test/browser/socket.html): 24 kHz mono little-endian, the beta Realtime API's `pcm16`.
// Deterministic (no randomness): a voice-like tone with a moving pitch and syllable envelope, so
// the bytes are the same on every machine. Written under target/ (not committed):
//   node scripts/make-pcm.mjs                    # target/examples/speech-24k.pcm (2.0 s, 96,000 bytes)
//   node scripts/make-pcm.mjs --seconds 1 out.pcm
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SAMPLE_RATE = 24_000;
export const DEFAULT_PCM = join(dirname(fileURLToPath(import.meta.url)), '..', 'target/examples/speech-24k.pcm');

/**
 * `seconds` of PCM16 samples at 24 kHz: a 140-220 Hz fundamental with two harmonics under a
 * 4 Hz syllable envelope.
 * @param {number} [seconds]
 * @returns {Int16Array}
 */
export function makePcm(seconds = 2) {
  const n = Math.round(seconds * SAMPLE_RATE);
  const out = new Int16Array(n);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / SAMPLE_RATE;
    const pitch = 180 + 40 * Math.sin(2 * Math.PI * 0.7 * t);
    phase += (2 * Math.PI * pitch) / SAMPLE_RATE;
    const envelope = Math.max(0, Math.sin(2 * Math.PI * 4 * t)) ** 2;
    const v = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase);
    out[i] = Math.round(12_000 * envelope * (v / 1.75));
  }
  return out;
}

/**
 * Writes {@link makePcm}'s samples (little-endian) to `file`; returns the byte count.
 * @param {string} [file]
 * @param {number} [seconds]
 */
export function writePcm(file = DEFAULT_PCM, seconds = 2) {
  const samples = makePcm(seconds);
  const bytes = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => bytes.writeInt16LE(s, i * 2));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return bytes.length;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--seconds');
  const seconds = at >= 0 ? Number(args.splice(at, 2)[1]) : 2;
  if (!(seconds > 0 && seconds <= 600)) throw new Error('--seconds must be a number from 0 to 600');
  const file = resolve(args[0] ?? DEFAULT_PCM);
  const size = writePcm(file, seconds);
  console.log(`wrote ${file}: ${size} bytes, ${seconds} s of PCM16 at 24 kHz mono`);
}
