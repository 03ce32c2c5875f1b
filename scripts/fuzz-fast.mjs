#!/usr/bin/env node
// @ts-check
// Differential fuzzing of the JavaScript fast path (ts/fast.ts) of decode and decodeServerEvent
// against the Rust path, for a given time shared by both directions:
// `node scripts/fuzz-fast.mjs [SECONDS]` (default 60), after a build.
// `node scripts/fuzz-fast.mjs --encode [SECONDS]`: encode's fast path (ts/fast-encode.ts) instead,
// on objects (see the end of this file).
// `--ga` (with or without --encode): the GA entry (dist/ga/node.mjs), seeded from test/vectors/ga
// and a few GA events (message items tagged by role among them).
//
// Seeds, per direction: every corpus input and canonical text, and realistic events written
// canonically, by JSON.stringify and with members reversed; for server events also the server
// lines of examples/beta-session.jsonl. Each run mutates a seed 1 to 4 times (characters that
// matter to JSON and to the fast path's rules: digits, exponents, quotes, escapes, whitespace,
// lone surrogates, duplicated spans) and compares:
//   decode(text)  with  JSON.parse(canonicalize(text))  (canonicalize always goes through Rust),
//   decodeServerEvent(text)  with  JSON.parse(canonicalizeServerEvent(text)),
// value and member order, or that both refuse. Each batch picks a direction, server texts one time
// in two (most of them are the 8 events the fast path answers). Exits 1 with the text on the first disagreement.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv.includes('--help')) {
  console.log('usage: node scripts/fuzz-fast.mjs [--encode] [--ga] [SECONDS=60]  (FUZZ_SEED=n repeats a run)');
  process.exit(0);
}
const ga = process.argv.includes('--ga');
/** @type {typeof import('../dist/node.mjs')} */
const codec = await import(pathToFileURL(join(root, ga ? 'dist/ga/node.mjs' : 'dist/node.mjs')).href);
const encodeMode = process.argv.includes('--encode');
const seconds = Number(process.argv.filter((a) => a !== '--encode' && a !== '--ga')[2] ?? 60);

// A small deterministic PRNG (xorshift32), seeded from the clock and printed, so a run can be
// repeated with FUZZ_SEED.
let state = Number(process.env.FUZZ_SEED ?? (Date.now() >>> 0)) >>> 0 || 1;
const seed = state;
const random = () => {
  state ^= state << 13;
  state >>>= 0;
  state ^= state >>> 17;
  state ^= state << 5;
  state >>>= 0;
  return state / 4294967296;
};
/** @template T @param {T[]} xs @returns {T} */
const pick = (xs) => /** @type {T} */ (xs[Math.floor(random() * xs.length)]);
/** @param {number} n */
const int = (n) => Math.floor(random() * n);

/** @type {string[]} */
const seeds = [];
/** @type {string[]} */
const serverSeeds = [];
const vectorDir = join(root, ga ? 'test/vectors/ga' : 'test/vectors');
for (const file of readdirSync(vectorDir).filter((f) => f.endsWith('.json')).sort()) {
  const doc = JSON.parse(readFileSync(join(vectorDir, file), 'utf8'));
  const into = (doc.direction ?? 'client') === 'server' ? serverSeeds : seeds;
  for (const c of doc.cases) {
    into.push(c.input);
    if (c.expect.canonical) into.push(c.expect.canonical);
  }
}
// The service's own server lines (they start with event_id): mostly audio and transcript deltas.
// (Beta lines: for --ga, its own vectors only.)
if (!ga) {
  for (const line of readFileSync(join(root, 'examples/beta-session.jsonl'), 'utf8').split('\n')) {
    if (line.startsWith('{"event_id"')) serverSeeds.push(line);
  }
}
/** @type {(v: unknown) => unknown} */
const reversed = (v) =>
  Array.isArray(v) ? v.map(reversed) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
/** @type {import('../dist/node.mjs').ClientEventInput[]} */
const realistic = [
  { type: 'input_audio_buffer.append', event_id: 'evt_1', audio: 'AAECAwQFBgcICQ==' },
  { type: 'conversation.item.truncate', item_id: 'item_1', content_index: 0, audio_end_ms: 1500 },
  { type: 'conversation.item.create', previous_item_id: 'p', item: { type: 'function_call_output', call_id: 'c1', output: '{"ok":true,"n":[1,2]}' } },
  { type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'héllo "you"\n' }] } },
  { type: 'response.create', event_id: 'r', response: { modalities: ['text'], temperature: 0.7, max_response_output_tokens: 300 } },
  {
    type: 'session.update',
    session: {
      voice: 'ash',
      turn_detection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 1000, create_response: true },
      tools: [{ type: 'function', name: 'f', description: 'd', parameters: { type: 'object', properties: { b: { type: 'integer', minimum: 100 }, a: { enum: [1, 2.5, 'x'] } } } }],
      tool_choice: { type: 'function', name: 'f' },
      temperature: 0.8,
    },
  },
];
/** GA events (the beta ones above are not GA's). */
const realisticGa = [
  { type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'héllo "you"\n' }, { type: 'input_audio', audio: 'AAAA', transcript: 't' }] } },
  { type: 'conversation.item.create', previous_item_id: 'p', item: { type: 'message', role: 'assistant', content: [{ type: 'output_audio', audio: null, transcript: 'x' }], id: 'i' } },
  { type: 'conversation.item.create', item: { type: 'message', role: 'system', content: [{ type: 'input_text', text: 'Be brief.' }], id: null, object: null, status: null } },
  { type: 'conversation.item.create', item: { type: 'function_call_output', call_id: 'c1', output: '{"ok":true}', status: 'completed' } },
  { type: 'response.create', response: null },
  {
    type: 'session.update',
    session: {
      type: 'realtime',
      instructions: 'Be brief.',
      output_modalities: ['audio'],
      audio: {
        input: { format: { type: 'audio/pcm', rate: 24000 }, noise_reduction: { type: 'near_field' }, transcription: null, turn_detection: { type: 'server_vad', prefix_padding_ms: 300, silence_duration_ms: 500, threshold: 0.5 } },
        output: { format: { type: 'audio/pcmu' }, speed: 1.25, voice: 'marin' },
      },
      tools: [{ type: 'function', name: 'f', description: 'd', parameters: { type: 'object', properties: { b: { type: 'integer', minimum: 100 } } } }],
      tool_choice: { type: 'function', name: 'f' },
      max_output_tokens: 'inf',
    },
  },
];
if (ga) {
  for (const e of realisticGa) seeds.push(JSON.stringify(e), JSON.stringify(reversed(e)));
} else {
  for (const e of realistic) seeds.push(codec.encode(e), JSON.stringify(e), JSON.stringify(reversed(e)));
}
/** @type {import('../dist/node.mjs').ServerEventInput[]} */
const realisticServer = [
  { type: 'response.audio.delta', event_id: 'event_1', response_id: 'resp_1', item_id: 'item_1', output_index: 0, content_index: 1000, delta: 'AAECAwQFBgc=' },
  { type: 'response.function_call_arguments.delta', event_id: 'e', response_id: 'r', item_id: 'i', output_index: 300, call_id: 'c', delta: '{"q":"a\\"b"}' },
  { type: 'conversation.item.input_audio_transcription.delta', event_id: 'e', item_id: 'i', content_index: 0, delta: 'Hi', logprobs: [{ bytes: [72, 100], logprob: -0.25, token: 'Hi' }] },
  { type: 'input_audio_buffer.speech_started', event_id: 'e', audio_start_ms: 4000000000, item_id: 'i' },
  { type: 'input_audio_buffer.speech_stopped', event_id: 'e', audio_end_ms: 20000, item_id: 'i' },
  {
    type: 'rate_limits.updated',
    event_id: 'e',
    rate_limits: [
      { name: 'requests', limit: 5000, remaining: 4999, reset_seconds: 0.012 },
      { name: 'tokens', limit: 40000, remaining: 39000, reset_seconds: 60 },
    ],
  },
];
if (!ga) for (const e of realisticServer) serverSeeds.push(codec.encodeServerEvent(e), JSON.stringify(e), JSON.stringify(reversed(e)));

const ALPHABET = ['0', '1', '9', '-', '.', 'e', 'E', '+', '"', '\\', '\\u0041', '\\"', ' ', '\n', '{', '}', '[', ']', ',', ':', 'null', 'true', '\uD800', '\uDC00', 'é', '\u{1F600}', '00'];
/** @type {((text: string) => string)[]} */
const mutations = [
  (t) => {
    const i = int(t.length + 1);
    return t.slice(0, i) + pick(ALPHABET) + t.slice(i);
  },
  (t) => {
    const i = int(t.length);
    return t.slice(0, i) + t.slice(i + 1);
  },
  (t) => {
    const i = int(t.length);
    return t.slice(0, i) + pick(ALPHABET) + t.slice(i + 1);
  },
  (t) => {
    // duplicate a span (often a whole member)
    const i = int(t.length);
    const j = Math.min(t.length, i + 1 + int(40));
    return t.slice(0, j) + t.slice(i, j) + t.slice(j);
  },
  (t) => {
    // respell a number: exponent, trailing zeros, a fraction
    let n = 0;
    const target = int(6);
    return t.replace(/-?\d+(\.\d+)?/g, (/** @type {string} */ m) => (n++ !== target ? m : pick([`${m}e0`, `${m}.0`, `${m}0e-1`, m.replace(/00$/, 'e2'), m.replace(/000$/, 'e3'), `${Number(m) / 10}e1`])));
  },
  (t) => {
    // remove a space's worth elsewhere to keep the length after an insertion
    const i = int(t.length + 1);
    const k = t.indexOf(' ');
    const inserted = t.slice(0, i) + ' ' + t.slice(i);
    return k < 0 ? inserted : inserted.replace(' ', '');
  },
];

/** Per direction: the Rust path (canonicalize, always WebAssembly) and the API under test. */
const directions = [
  { name: 'client', seeds, canonicalize: codec.canonicalize, decode: codec.decode, runs: 0, answered: 0 },
  { name: 'server', seeds: serverSeeds, canonicalize: codec.canonicalizeServerEvent, decode: codec.decodeServerEvent, runs: 0, answered: 0 },
];
const until = Date.now() + seconds * 1000;
while (!encodeMode && Date.now() < until) {
  const direction = /** @type {(typeof directions)[number]} */ (directions[int(2)]);
  for (let batch = 0; batch < 200; batch++) {
    let text = pick(direction.seeds);
    for (let m = 1 + int(4); m > 0; m--) text = pick(mutations)(text);
    direction.runs++;
    /** @type {{ ok: true, value: unknown } | { ok: false, code: string }} */
    let rust;
    try {
      rust = { ok: true, value: JSON.parse(direction.canonicalize(text)) };
    } catch (error) {
      if (!(error instanceof codec.ClientEventError)) throw error;
      rust = { ok: false, code: error.code };
    }
    /** @type {{ ok: true, value: unknown } | { ok: false, code: string }} */
    let ours;
    try {
      ours = { ok: true, value: direction.decode(text) };
    } catch (error) {
      if (!(error instanceof codec.ClientEventError)) throw error;
      ours = { ok: false, code: error.code };
    }
    if (ours.ok) direction.answered++;
    const same = ours.ok && rust.ok ? JSON.stringify(ours.value) === JSON.stringify(rust.value) : ours.ok === rust.ok;
    // decode refuses integers beyond 2^53 that canonicalize keeps as text: not a disagreement.
    const unsafeInteger = !ours.ok && ours.code === 'out_of_range' && rust.ok;
    if (!same && !unsafeInteger) {
      console.error(`DISAGREEMENT (seed ${seed}, ${direction.name}) on ${JSON.stringify(text)}`);
      console.error(`  decode:            ${JSON.stringify(ours)}`);
      console.error(`  Rust canonicalize: ${JSON.stringify(rust)}`);
      process.exit(1);
    }
  }
}
if (!encodeMode) {
  const counts = directions.map((d) => `${d.name} ${d.runs} texts, ${d.answered} decoded`).join('; ');
  console.log(`fuzz-fast${ga ? ' --ga' : ''}: ${seconds} s (seed ${seed}): ${counts}; no disagreement with the Rust path`);
}

// Encode mode. Objects: a client seed text, mutated as above, JSON.parse'd when it parses, then
// changed 0 to 3 times as an object (members undefined, null, -0, floats that are not f32, unsafe
// integers, extra members, getters, null or class prototypes, toJSON, holes, frozen). Compares
//   encode(object)  with  canonicalize(JSON.stringify(object))  (always WebAssembly):
// whenever encode answers, the Rust path must accept JSON.stringify's text and write the same
// text. (Where encode refuses, toJsonText's refusals of what JSON.stringify writes as null, such
// as NaN or holes, make JSON.stringify a different input: not compared.)
class Thing {}
/** @type {((o: any, key: string) => void)[]} */
const objectMutations = [
  (o, k) => (o[k] = undefined),
  (o, k) => (o[k] = null),
  (o, k) => (o[k] = -0),
  (o, k) => (o[k] = pick([0.1, 1e-50, 3.4e39, 0.30000000000000004, 2 ** 53 + 1, 1e21, 123456.7, 1e-7, 4294967296])),
  (o) => (o[pick(['zz', 'extra', '10', '__proto__x'])] = pick(['x', 1, null, true, 0.5, { a: 1 }, [1]])),
  (o, k) => {
    const v = o[k];
    Object.defineProperty(o, k, { get: () => v, enumerable: true, configurable: true });
  },
  (o) => Object.setPrototypeOf(o, null),
  (o) => Object.setPrototypeOf(o, Thing.prototype),
  (o) => Object.defineProperty(o, 'toJSON', { value: () => ({ type: 'response.cancel' }), enumerable: false }),
  (o) => {
    if (Array.isArray(o)) o.length += 1;
  },
  (o) => Object.freeze(o),
  (o, k) => (o[k] = pick(['a\uD800', 'é"\n', '\u{1F600}', ''])),
];
/** @param {unknown} v @param {object[]} out */
const containersOf = (v, out = []) => {
  if (v !== null && typeof v === 'object') {
    out.push(v);
    for (const x of Object.values(v)) containersOf(x, out);
  }
  return out;
};
let encodeRuns = 0;
let encodeAnswered = 0;
while (encodeMode && Date.now() < until) {
  for (let batch = 0; batch < 200; batch++) {
    let text = pick(seeds);
    for (let m = int(3); m > 0; m--) text = pick(mutations)(text);
    /** @type {any} */
    let event;
    try {
      event = JSON.parse(text);
    } catch {
      continue;
    }
    for (let m = int(4); m > 0; m--) {
      const all = containersOf(event);
      if (all.length === 0) break;
      const o = /** @type {any} */ (pick(all));
      if (Object.isFrozen(o)) continue;
      const keys = Object.keys(o);
      try {
        pick(objectMutations)(o, keys.length > 0 ? /** @type {string} */ (pick(keys)) : 'type');
      } catch {
        // a member made a getter earlier cannot be assigned
      }
    }
    encodeRuns++;
    let ours;
    try {
      ours = codec.encode(event);
    } catch (error) {
      if (!(error instanceof codec.ClientEventError)) throw error;
      continue;
    }
    encodeAnswered++;
    /** @type {{ ok: true, text: string } | { ok: false, code: string }} */
    let rust;
    try {
      rust = { ok: true, text: codec.canonicalize(/** @type {string} */ (JSON.stringify(event))) };
    } catch (error) {
      if (!(error instanceof codec.ClientEventError)) throw error;
      rust = { ok: false, code: error.code };
    }
    if (!rust.ok || rust.text !== ours) {
      console.error(`DISAGREEMENT (seed ${seed}, encode) on ${JSON.stringify(text)} changed to ${String(JSON.stringify(event))}`);
      console.error(`  encode:            ${JSON.stringify(ours)}`);
      console.error(`  Rust canonicalize: ${JSON.stringify(rust)}`);
      process.exit(1);
    }
  }
}
if (encodeMode) console.log(`fuzz-fast --encode${ga ? ' --ga' : ''}: ${seconds} s (seed ${seed}): ${encodeRuns} objects, ${encodeAnswered} encoded; no disagreement with the Rust path`);
