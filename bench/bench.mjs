#!/usr/bin/env node
// `npm run bench`: every table of bench/RESULTS.md, in one process run (issues 5, 11, 12, 14).
//
// 1. Generated events, per type: for each protocol (beta: realtime-codec, GA: realtime-codec/ga),
//    each direction and each event type, PER (50) distinct events drawn afresh from the crate's
//    shape table (bench/events.mjs: realistic leaves) with a seed that is printed (BENCH_SEED to
//    repeat a run), kept only if the crate accepts them. Timed: JSON.parse / JSON.stringify, the
//    codec, zod 4 and ajv with the crate's rules (bench/schemas.mjs, bench/schemas-ga.mjs,
//    generated from the same table), and the zod schemas of @openai/agents-realtime where they
//    accept every event of the type.
// 2. Realistic mixes of generated events: a minute of a conversation on the client side (mostly
//    audio appends), and on the server side events drawn in the proportions of the session's turn.
// 3. The same per-type tables in Chromium (bench/chromium.mjs, Debian's chromium).
// 4. Hand-picked events (beta; the second table the issue keeps), the sessions' spoken turns as
//    the service wrote them, and the GA session's client lines.
// 5. The audio helper, each module's size, cold import (bench/cold-import.mjs), wasm memory after
//    1M calls (scripts/soak.mjs), and the targets.
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import Ajv from 'ajv';
import { Bench } from 'tinybench';
import { chromiumTables } from './chromium.mjs';
import { coldImport } from './cold-import.mjs';
import { prng, realisticGenerator } from './events.mjs';
import * as betaSchemas from './schemas.mjs';
import * as gaSchemas from './schemas-ga.mjs';
import { sessionWorkload, shapeTables, variantsOf } from './server-events.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const load = (/** @type {string} */ file) => import(pathToFileURL(join(root, file)).href);
const beta = await load('dist/node.mjs');
const ga = await load('dist/ga/node.mjs');
const { soak } = await load('scripts/soak.mjs');
const compile = (/** @type {object} */ schema) => new Ajv({ discriminator: true, strict: false }).compile(schema);
// @openai/agents-realtime's zod schemas: its package entry exports none, but its module
// dist/openaiRealtimeEvents.mjs (beside the entry) exports realtimeClientEventSchema and
// realtimeServerEventSchema (the union its parseRealtimeEvent checks every server message
// against). They follow the GA protocol. Imported as installed.
const agentsEntry = fileURLToPath(import.meta.resolve('@openai/agents-realtime'));
const agents = await import(pathToFileURL(join(dirname(agentsEntry), 'openaiRealtimeEvents.mjs')).href);
const agentsVersion = JSON.parse(readFileSync(join(dirname(agentsEntry), '..', 'package.json'), 'utf8')).version;
for (const name of ['realtimeClientEventSchema', 'realtimeServerEventSchema']) {
  if (typeof agents[name]?.safeParse !== 'function') throw new Error(`@openai/agents-realtime: no ${name} in dist/openaiRealtimeEvents.mjs`);
}
const agentsSchemas = { client: agents.realtimeClientEventSchema, server: agents.realtimeServerEventSchema };

const TIME = Number(process.env.BENCH_TIME_MS ?? 400);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const GEN_ROUNDS = Number(process.env.BENCH_GEN_ROUNDS ?? 21);
const PER = Number(process.env.BENCH_PER ?? 50);
const SEED = process.env.BENCH_SEED === undefined ? randomBytes(4).readUInt32LE(0) : Number(process.env.BENCH_SEED) >>> 0;
// Other work on the machine slows every figure, fresh-process start-up most: recorded beside them.
const loadAtStart = os.loadavg()[0];
const startedAt = performance.now();
console.log(`seed ${SEED} (BENCH_SEED=${SEED} repeats this run's events), ${PER} events per type`);

const tables = shapeTables(root);
/** @typedef {'beta' | 'ga'} Protocol */
/** @typedef {'client' | 'server'} Direction */
const protocols = {
  beta: {
    label: 'beta',
    entry: 'realtime-codec',
    codec: beta,
    table: tables.beta,
    session: 'examples/beta-session.jsonl',
    zod: { client: betaSchemas.zodClientEvent, server: betaSchemas.zodServerEvent },
    ajv: { client: compile(betaSchemas.ajvClientEvent), server: compile(betaSchemas.ajvServerEvent) },
  },
  ga: {
    label: 'GA',
    entry: 'realtime-codec/ga',
    codec: ga,
    table: tables.ga,
    session: 'examples/ga-session.jsonl',
    zod: { client: gaSchemas.zodRealtimeClientEvent, server: gaSchemas.zodRealtimeServerEvent },
    ajv: { client: compile(gaSchemas.ajvRealtimeClientEvent), server: compile(gaSchemas.ajvRealtimeServerEvent) },
  },
};
/** @type {Protocol[]} */
const PROTOCOLS = ['beta', 'ga'];
/** @type {Direction[]} */
const DIRECTIONS = ['client', 'server'];
const rootOf = (/** @type {Protocol} */ p, /** @type {Direction} */ d) => (d === 'client' ? protocols[p].table.client : protocols[p].table.server);
const accepts = (/** @type {Protocol} */ p, /** @type {Direction} */ d) => (d === 'client' ? protocols[p].codec.safeDecode : protocols[p].codec.safeDecodeServerEvent);

// --- contenders: each takes a workload ({ texts, objects }) and gives one pass over it.
// Text out is read once (charCodeAt flattens a string built by concatenation, as sending it
// would), so that a lazily concatenated result does not look free.
const flat = (/** @type {string} */ text) => text.charCodeAt(text.length >> 1);
/** @param {Protocol} p @param {Direction} d */
function contenders(p, d) {
  const { codec, zod, ajv } = protocols[p];
  const decode = d === 'client' ? codec.decode : codec.decodeServerEvent;
  const check = d === 'client' ? codec.check : codec.checkServerEvent;
  const z = zod[d];
  const a = ajv[d];
  const agentsSchema = agentsSchemas[d];
  /** @type {Record<string, (w: { texts: string[], objects: object[] }) => () => void>} */
  const all = {
    'JSON.parse': (w) => () => { for (const t of w.texts) JSON.parse(t); },
    decode: (w) => () => { for (const t of w.texts) decode(t); },
    check: (w) => () => { for (const t of w.texts) if (!check(t).ok) throw new Error('check refused'); },
    'parse+zod': (w) => () => { for (const t of w.texts) z.parse(JSON.parse(t)); },
    'parse+ajv': (w) => () => { for (const t of w.texts) if (!a(JSON.parse(t))) throw new Error('ajv refused'); },
    'parse+agents-realtime': (w) => () => { for (const t of w.texts) agentsSchema.parse(JSON.parse(t)); },
  };
  if (d === 'client') {
    all['JSON.stringify'] = (w) => () => { for (const o of w.objects) flat(JSON.stringify(o)); };
    all.encode = (w) => () => { for (const o of w.objects) flat(codec.encode(o)); };
  }
  return all;
}
/**
 * Which peers accept every text of a workload (a peer is timed only there); for agents-realtime,
 * also how many it accepts and its first issue. The codec accepts them all (that is how they
 * were chosen), and its own schemas must too: a refusal is a bug in bench/schemas*.mjs.
 * @param {Protocol} p @param {Direction} d @param {string[]} texts
 */
function peers(p, d, texts) {
  const { zod, ajv } = protocols[p];
  for (const t of texts) {
    const z = zod[d].safeParse(JSON.parse(t));
    if (!z.success) throw new Error(`bench/schemas (zod, ${p} ${d}) refuses what the crate accepts: ${t.slice(0, 200)}: ${z.error.message.slice(0, 300)}`);
    if (!ajv[d](JSON.parse(t))) throw new Error(`bench/schemas (ajv, ${p} ${d}) refuses what the crate accepts: ${t.slice(0, 200)}: ${JSON.stringify(ajv[d].errors).slice(0, 300)}`);
  }
  let ok = 0;
  let issue = '';
  for (const t of texts) {
    const r = agentsSchemas[d].safeParse(JSON.parse(t));
    if (r.success) ok += 1;
    else if (!issue) {
      const i = r.error.issues[0];
      const message = i ? `${i.path.join('.') || '(root)'}: ${i.message}` : 'refused';
      issue = message.length > 100 ? `${message.slice(0, 97)}...` : message;
    }
  }
  return { agentsAccepts: ok, agentsIssue: issue };
}

// --- timing of the generated workloads: for each workload, every contender warmed, then a
// repetition count found so that one sample takes at least MIN_MS, then GEN_ROUNDS rounds, the
// contenders in a rotated order each round; a figure is the median over rounds, per event.
const MIN_MS = Number(process.env.BENCH_MIN_MS ?? 2);
const median = (/** @type {number[]} */ xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1] ?? NaN;
/** @param {Record<string, () => void>} passes @param {number} events @returns {Record<string, number>} µs per event */
function timePasses(passes, events) {
  const entries = Object.entries(passes);
  const reps = /** @type {Record<string, number>} */ ({});
  for (const [name, pass] of entries) {
    const warm = performance.now();
    do pass(); while (performance.now() - warm < 10);
    let k = 1;
    for (;;) {
      const t0 = performance.now();
      for (let i = 0; i < k; i++) pass();
      if (performance.now() - t0 >= MIN_MS || k >= 1 << 20) break;
      k *= 2;
    }
    reps[name] = k;
  }
  const samples = /** @type {Record<string, number[]>} */ ({});
  for (let round = 0; round < GEN_ROUNDS; round++) {
    for (let j = 0; j < entries.length; j++) {
      const [name, pass] = /** @type {[string, () => void]} */ (entries[(j + round) % entries.length]);
      const k = /** @type {number} */ (reps[name]);
      const t0 = performance.now();
      for (let i = 0; i < k; i++) pass();
      (samples[name] ??= []).push(((performance.now() - t0) * 1000) / (k * events));
    }
  }
  return Object.fromEntries(Object.entries(samples).map(([name, xs]) => [name, median(xs)]));
}
/** Times a workload with the contenders that apply to it. @param {Protocol} p @param {Direction} d @param {{ texts: string[], objects: object[] }} w */
function timeWorkload(p, d, w) {
  const info = peers(p, d, w.texts);
  const all = contenders(p, d);
  if (info.agentsAccepts < w.texts.length) delete all['parse+agents-realtime'];
  const passes = Object.fromEntries(Object.entries(all).map(([name, make]) => [name, make(w)]));
  return { ...info, medians: timePasses(passes, w.texts.length) };
}

// --- 1. generated events per type
/** @typedef {{ id: string, protocol: Protocol, direction: Direction, type: string, texts: string[], objects: object[], drawn: number }} Workload */
const seedOf = (/** @type {string} */ label) => [...label].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0, SEED ^ 0x811c9dc5);
/** @param {Protocol} p @param {Direction} d @param {string} type @param {number} n @param {ReturnType<typeof realisticGenerator>} gen @returns {Workload} */
function draw(p, d, type, n, gen) {
  const safe = accepts(p, d);
  const seen = new Set();
  const texts = [];
  const objects = [];
  let drawn = 0;
  while (texts.length < n && drawn < n * 20) {
    drawn += 1;
    const object = gen.event(rootOf(p, d), type);
    const text = JSON.stringify(object);
    if (seen.has(text)) continue;
    seen.add(text);
    if (!safe(text).ok) continue;
    texts.push(text);
    objects.push(object);
  }
  if (texts.length < n) throw new Error(`${p} ${d} ${type}: only ${texts.length} of ${drawn} drawn events are distinct and accepted by the crate`);
  return { id: `${p} ${d} ${type}`, protocol: p, direction: d, type, texts, objects, drawn };
}
/** @type {Workload[]} */
const generated = [];
for (const p of PROTOCOLS) {
  for (const d of DIRECTIONS) {
    const gen = realisticGenerator(protocols[p].table, seedOf(`${p} ${d}`));
    for (const type of variantsOf(protocols[p].table, rootOf(p, d))) generated.push(draw(p, d, type, PER, gen));
  }
}
// Each protocol's codec first runs every type of a direction (decode, check, encode) for
// WARM_ALL_MS, so that the first types timed (session.update) are not timed while V8 still
// compiles and re-optimises the fast paths' code, which all types share: without it one cell of
// a run, a different one each run, came out up to twice its steady figure.
const WARM_ALL_MS = Number(process.env.BENCH_WARM_MS ?? 400);
for (const p of PROTOCOLS) {
  for (const d of DIRECTIONS) {
    const all = contenders(p, d);
    const passes = generated.filter((w) => w.protocol === p && w.direction === d).flatMap((w) => ['decode', 'check', ...(d === 'client' ? ['encode'] : [])].map((name) => /** @type {(w: Workload) => () => void} */ (all[name])(w)));
    const t0 = performance.now();
    do for (const pass of passes) pass(); while (performance.now() - t0 < WARM_ALL_MS);
  }
}
const genResults = /** @type {Record<string, ReturnType<typeof timeWorkload>>} */ ({});
for (const w of generated) genResults[w.id] = timeWorkload(w.protocol, w.direction, w);
console.log(`  measured ${generated.length} generated workloads (${generated.length * PER} events)`);

// --- 2. realistic mixes of generated events
// A minute of a conversation, client side: audio every 20 to 100 ms, the rest now and then.
const CLIENT_MIX = {
  'input_audio_buffer.append': 48,
  'conversation.item.create': 2,
  'response.create': 2,
  'conversation.item.truncate': 1,
  'response.cancel': 1,
  'session.update': 1,
  'input_audio_buffer.commit': 1,
  'input_audio_buffer.clear': 1,
};
/** The type counts of a list of texts. @param {string[]} texts */
const typeCounts = (texts) => texts.map((t) => JSON.parse(t).type).reduce((m, type) => m.set(type, (m.get(type) ?? 0) + 1), new Map());
const sessions = Object.fromEntries(PROTOCOLS.map((p) => [p, sessionWorkload(root, protocols[p].session, protocols[p].table, (t) => protocols[p].codec.safeDecodeServerEvent(t).ok)]));
/** @param {Protocol} p @param {Direction} d @param {Map<string, number> | Record<string, number>} recipe */
function mix(p, d, recipe) {
  const gen = realisticGenerator(protocols[p].table, seedOf(`${p} ${d} mix`));
  const picked = [];
  for (const [type, n] of recipe instanceof Map ? recipe : Object.entries(recipe)) {
    const w = draw(p, d, type, n, gen);
    for (let i = 0; i < n; i++) picked.push({ text: /** @type {string} */ (w.texts[i]), object: /** @type {object} */ (w.objects[i]) });
  }
  const random = prng(seedOf(`${p} ${d} order`));
  for (let i = picked.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [picked[i], picked[j]] = [/** @type {any} */ (picked[j]), /** @type {any} */ (picked[i])];
  }
  return { texts: picked.map((x) => x.text), objects: picked.map((x) => x.object) };
}
const mixes = {
  client: Object.fromEntries(PROTOCOLS.map((p) => [p, mix(p, 'client', CLIENT_MIX)])),
  server: Object.fromEntries(PROTOCOLS.map((p) => [p, mix(p, 'server', typeCounts(/** @type {any} */ (sessions[p]).turn))])),
};
/** @type {Record<string, ReturnType<typeof timeWorkload>>} */
const mixResults = {};
for (const d of DIRECTIONS) for (const p of PROTOCOLS) mixResults[`${p} ${d}`] = timeWorkload(p, d, /** @type {any} */ (mixes[d][p]));
console.log('  measured the generated mixes');

// --- 3. Chromium: the same generated workloads in a page
const chromium = await chromiumTables({
  root,
  workloads: [...generated, ...PROTOCOLS.flatMap((p) => DIRECTIONS.map((d) => ({ id: `${p} ${d} mix`, protocol: p, direction: d, ...mixes[d][p] })))].map(({ id, protocol, direction, texts, objects }) => ({ id, protocol, direction, texts, ...(direction === 'client' ? { objects } : {}) })),
});
console.log(`  measured the same in ${chromium.chromium}`);

// --- 4. hand-picked events (beta), the spoken turns, the GA session's client lines
const pcm = (/** @type {number} */ ms) => Buffer.from(Int16Array.from({ length: 24 * ms }, (_, i) => Math.round(8000 * Math.sin(i / 7))).buffer).toString('base64');
const tools = Array.from({ length: 4 }, (_, i) => ({
  type: 'function',
  name: `tool_${i}`,
  description: 'Looks something up in the company knowledge base and returns the best matching passages.',
  parameters: { type: 'object', properties: { query: { type: 'string', description: 'What to look for' }, limit: { type: 'integer', minimum: 1, maximum: 20 } }, required: ['query'] },
}));
const events = {
  'session.update (large)': {
    type: 'session.update',
    event_id: 'evt_session',
    session: {
      modalities: ['text', 'audio'],
      instructions: 'You are a support agent for a bicycle shop. Be concise, friendly and precise. '.repeat(60),
      voice: 'coral',
      input_audio_format: 'pcm16',
      output_audio_format: 'pcm16',
      input_audio_transcription: { model: 'whisper-1' },
      turn_detection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 500 },
      tools,
      tool_choice: 'auto',
      temperature: 0.8,
      max_response_output_tokens: 'inf',
    },
  },
  'append 20 ms': { type: 'input_audio_buffer.append', audio: pcm(20) },
  'append 100 ms': { type: 'input_audio_buffer.append', audio: pcm(100) },
  'item.create text': { type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Can you check whether the blue city bike is in stock in size M?' }] } },
  'item.create function output': { type: 'conversation.item.create', item: { type: 'function_call_output', call_id: 'call_12345', output: JSON.stringify({ in_stock: true, sizes: ['S', 'M', 'L'], price: 749.0 }) } },
  'item.truncate': { type: 'conversation.item.truncate', item_id: 'item_abc', content_index: 0, audio_end_ms: 1520 },
  'response.create': { type: 'response.create', response: { modalities: ['audio', 'text'], instructions: 'Answer briefly.' } },
  'response.cancel': { type: 'response.cancel' },
};
const mixNames = [
  ...Array(40).fill('append 20 ms'), ...Array(8).fill('append 100 ms'), 'item.create text', 'item.create function output',
  'item.truncate', 'response.create', 'response.create', 'response.cancel', 'session.update (large)',
];
const texts = Object.fromEntries(Object.entries(events).map(([k, v]) => [k, beta.encode(v)]));
// One event per workload is timed in batches of 20, so that the timer's own cost and resolution
// do not weigh on sub-microsecond calls; the table divides by the batch.
const BATCH = 20;
/** @type {Record<string, { objects: object[], texts: string[], per?: number }>} */
const handPicked = Object.fromEntries(Object.keys(events).map((k) => [k, { objects: Array(BATCH).fill(events[/** @type {keyof typeof events} */ (k)]), texts: Array(BATCH).fill(texts[k]), per: BATCH }]));
handPicked['mix'] = { objects: mixNames.map((k) => events[/** @type {keyof typeof events} */ (k)]), texts: mixNames.map((k) => /** @type {string} */ (texts[k])) };
// The same events as most producers write them (JSON.stringify: members in the order the objects
// were built, parameters' keys unsorted, `response` left out).
handPicked['mix, JSON.stringify text'] = { objects: handPicked.mix.objects, texts: handPicked.mix.objects.map((o) => JSON.stringify(o)) };
/** tinybench, ROUNDS rounds of TIME ms per task, contenders rotated; median of the per-round medians. @param {Record<string, () => void>} tasks @param {number} per */
async function tiny(tasks, per, time = TIME) {
  const rounds = /** @type {Record<string, number[]>} */ ({});
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ time, warmupTime: Math.min(100, time / 4) });
    const order = Object.entries(tasks);
    for (let i = 0; i < round; i++) order.push(/** @type {[string, () => void]} */ (order.shift()));
    for (const [name, fn] of order) bench.add(name, fn);
    await bench.run();
    for (const t of bench.tasks) (rounds[t.name] ??= []).push(((t.result?.latency.p50 ?? NaN) * 1000) / per);
  }
  return Object.fromEntries(Object.entries(rounds).map(([name, xs]) => [name, median(xs)]));
}
const handMedians = /** @type {Record<string, Record<string, number>>} */ ({});
for (const [name, w] of Object.entries(handPicked)) {
  const c = contenders('beta', 'client');
  delete c['parse+agents-realtime'];
  handMedians[name] = await tiny(Object.fromEntries(Object.entries(c).map(([n, make]) => [n, make(w)])), w.per ?? 1);
}
console.log('  measured the hand-picked events');
// The spoken turns: as the service wrote them and as the codec writes them; the GA session's
// client lines as its client wrote them.
/** @type {{ name: string, protocol: Protocol, direction: Direction, texts: string[], medians: Record<string, number>, agents: string }[]} */
const recorded = [];
for (const p of PROTOCOLS) {
  const s = /** @type {ReturnType<typeof sessionWorkload>} */ (sessions[p]);
  const rows = [
    { name: `${protocols[p].label} spoken turn, service text`, direction: /** @type {Direction} */ ('server'), texts: s.turn },
    { name: `${protocols[p].label} spoken turn, canonical text`, direction: /** @type {Direction} */ ('server'), texts: s.turn.map((t) => protocols[p].codec.canonicalizeServerEvent(t)) },
    ...(p === 'ga' ? [{ name: 'GA session, client lines', direction: /** @type {Direction} */ ('client'), texts: s.client.filter((t) => ga.safeDecode(t).ok) }] : []),
  ];
  for (const r of rows) {
    const w = { texts: r.texts, objects: r.texts.map((t) => JSON.parse(t)) };
    const timed = timeWorkload(p, r.direction, w);
    recorded.push({ ...r, protocol: p, medians: Object.fromEntries(Object.entries(timed.medians).map(([k, v]) => [k, v * r.texts.length])), agents: timed.agentsAccepts < r.texts.length ? `accepts ${timed.agentsAccepts} of ${r.texts.length}` : '' });
  }
}
console.log('  measured the sessions');

// --- 5. audio helper, soak, sizes, start-up
const audioMedians = /** @type {Record<string, Record<string, number>>} */ ({});
for (const [label, bytes] of /** @type {[string, Buffer][]} */ ([['100 ms (4.8 KB)', Buffer.from(pcm(100), 'base64')], ['1 MiB', Buffer.alloc(1024 * 1024, 7)], ['15 MiB', Buffer.alloc(15 * 1024 * 1024, 7)]])) {
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Buffer.byteLength reads the whole text, as sending it would.
  audioMedians[label] = await tiny({
    'Buffer base64 + JSON.stringify': () => Buffer.byteLength(JSON.stringify({ type: 'input_audio_buffer.append', audio: bytes.toString('base64') })),
    encodeAudioAppend: () => Buffer.byteLength(beta.encodeAudioAppend(view)),
  }, 1 / 1000, TIME);
}
console.log('  measured the audio helper');
// The soak (scripts/soak.mjs) mixes both directions and both protocols; each module's memory
// is read on its own, and the target holds for each.
const SOAK_CALLS = Number(process.env.BENCH_SOAK_CALLS ?? 1_000_000);
const { samples, largestInputBytes } = await soak(SOAK_CALLS, { ga: true });
const memoryKiB = {
  'beta client': beta.wasmMemoryBytes('client') / 1024,
  'beta server': beta.wasmMemoryBytes('server') / 1024,
  'GA client': ga.wasmMemoryBytes('client') / 1024,
  'GA server': ga.wasmMemoryBytes('server') / 1024,
};
const lastSample = samples[samples.length - 1];
if (lastSample.wasmKiB !== Object.values(memoryKiB).reduce((a, b) => a + b, 0)) throw new Error('soak: wasm memory is not the four modules\' sum');
console.log(`  soaked ${SOAK_CALLS.toLocaleString('en')} calls, both directions, both protocols`);

const modules = [
  ['beta client', 'dist/realtime_codec_bg.wasm'],
  ['beta server', 'dist/realtime_codec_server_bg.wasm'],
  ['GA client', 'dist/ga/realtime_codec_ga_bg.wasm'],
  ['GA server', 'dist/ga/realtime_codec_ga_server_bg.wasm'],
].map(([name, file]) => {
  const bytes = readFileSync(join(root, /** @type {string} */ (file)));
  return { name: /** @type {string} */ (name), file: /** @type {string} */ (file), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length };
});
// The beta client module before the GA work (bench/RESULTS.md of 2026-12-02): the GA work made
// the locator descend nested tagged unions (crate/src/locate/descent.rs), 575 bytes.
const BETA_CLIENT_BEFORE_GA = 291_699;
const glue = ['dist/node.mjs', 'dist/browser.mjs', 'dist/ga/node.mjs', 'dist/ga/browser.mjs'].map((f) => ({ file: f, raw: statSync(join(root, f)).size, gzip: gzipSync(readFileSync(join(root, f)), { level: 9 }).length }));
const cold = coldImport({ root });
console.log('  measured cold import');

// --- report
const fmt = (/** @type {number} */ us) => (!Number.isFinite(us) ? '' : us >= 100 ? us.toFixed(0) : us >= 10 ? us.toFixed(1) : us.toFixed(2));
const ratio = (/** @type {number} */ a, /** @type {number} */ b) => (a / b).toFixed(2);
/** A figure with its ratio to `base` in the same row. @param {Record<string, number>} m @param {string} name @param {string} base */
const cell = (m, name, base) => (m[name] === undefined ? '' : `${fmt(/** @type {number} */ (m[name]))} (${ratio(/** @type {number} */ (m[name]), /** @type {number} */ (m[base]))}x)`);
const mdTable = (/** @type {string[]} */ header, /** @type {string[][]} */ rows) => [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
// Words on lines of at most 100 characters (Markdown reads the breaks as spaces).
const wrap = (/** @type {string} */ text) => text.split(' ').reduce((lines, word) => {
  const last = lines.length - 1;
  if (lines[last] === '') lines[last] = word;
  else if (`${lines[last]} ${word}`.length <= 100) lines[last] += ` ${word}`;
  else lines.push(word);
  return lines;
}, ['']).join('\n');
const medianBytes = (/** @type {string[]} */ xs) => median(xs.map((t) => Buffer.byteLength(t)));
const agentsCell = (/** @type {ReturnType<typeof timeWorkload>} */ r, /** @type {number} */ n) =>
  r.medians['parse+agents-realtime'] !== undefined ? cell(r.medians, 'parse+agents-realtime', 'JSON.parse') : `accepts ${r.agentsAccepts}/${n}${r.agentsIssue ? `; ${r.agentsIssue}` : ''}`.replace(/\|/g, '/');
/** The Node per-type table of one protocol and direction. @param {Protocol} p @param {Direction} d */
function generatedTable(p, d) {
  const client = d === 'client';
  const header = [`${protocols[p].label} ${d} event`, 'bytes', 'JSON.parse', client ? 'decode' : 'decodeServerEvent', client ? 'check' : 'checkServerEvent', 'parse+zod', 'parse+ajv', 'parse+agents-realtime', ...(client ? ['JSON.stringify', 'encode'] : [])];
  const rows = generated.filter((w) => w.protocol === p && w.direction === d).map((w) => {
    const r = /** @type {ReturnType<typeof timeWorkload>} */ (genResults[w.id]);
    const m = r.medians;
    return [`\`${w.type}\``, String(medianBytes(w.texts)), fmt(/** @type {number} */ (m['JSON.parse'])), cell(m, 'decode', 'JSON.parse'), cell(m, 'check', 'JSON.parse'), cell(m, 'parse+zod', 'JSON.parse'), cell(m, 'parse+ajv', 'JSON.parse'), agentsCell(r, w.texts.length), ...(client ? [fmt(/** @type {number} */ (m['JSON.stringify'])), cell(m, 'encode', 'JSON.stringify')] : [])];
  });
  return mdTable(header, rows);
}
const mixTable = mdTable(
  ['generated mix', 'events', 'JSON.parse', 'decode', 'check', 'parse+zod', 'parse+ajv', 'parse+agents-realtime', 'JSON.stringify', 'encode'],
  DIRECTIONS.flatMap((d) => PROTOCOLS.map((p) => {
    const r = /** @type {ReturnType<typeof timeWorkload>} */ (mixResults[`${p} ${d}`]);
    const n = mixes[d][p].texts.length;
    const m = Object.fromEntries(Object.entries(r.medians).map(([k, v]) => [k, v * n]));
    return [`${protocols[p].label} ${d}`, String(n), fmt(/** @type {number} */ (m['JSON.parse'])), cell(m, 'decode', 'JSON.parse'), cell(m, 'check', 'JSON.parse'), cell(m, 'parse+zod', 'JSON.parse'), cell(m, 'parse+ajv', 'JSON.parse'), m['parse+agents-realtime'] !== undefined ? cell(m, 'parse+agents-realtime', 'JSON.parse') : `accepts ${r.agentsAccepts}/${n}`, d === 'client' ? fmt(/** @type {number} */ (m['JSON.stringify'])) : '', d === 'client' ? cell(m, 'encode', 'JSON.stringify') : ''];
  })),
);
/** Chromium's per-type table of one protocol and direction, beside Node's ratios. @param {Protocol} p @param {Direction} d */
function chromiumTable(p, d) {
  const client = d === 'client';
  const header = [`${protocols[p].label} ${d} event (Chromium)`, 'JSON.parse', client ? 'decode' : 'decodeServerEvent', client ? 'check' : 'checkServerEvent', ...(client ? ['JSON.stringify', 'encode'] : []), 'Node: decode ratio'];
  const ids = [...generated.filter((w) => w.protocol === p && w.direction === d).map((w) => [`\`${w.type}\``, w.id]), [`mix (${mixes[d][p].texts.length} events)`, `${p} ${d} mix`]];
  const rows = ids.map(([label, id]) => {
    const m = chromium.results[/** @type {string} */ (id)] ?? {};
    const node = (genResults[/** @type {string} */ (id)] ?? mixResults[`${p} ${d}`])?.medians ?? {};
    const decodeName = client ? 'decode' : 'decodeServerEvent';
    const checkName = client ? 'check' : 'checkServerEvent';
    return [/** @type {string} */ (label), fmt(m['JSON.parse']), cell(m, decodeName, 'JSON.parse'), cell(m, checkName, 'JSON.parse'), ...(client ? [fmt(m['JSON.stringify']), cell(m, 'encode', 'JSON.stringify')] : []), `${ratio(/** @type {number} */ (node.decode), /** @type {number} */ (node['JSON.parse']))}x`];
  });
  return mdTable(header, rows);
}
const handTable = mdTable(
  ['workload', 'JSON.parse', 'decode', 'check', 'parse+zod', 'parse+ajv', 'JSON.stringify', 'encode'],
  Object.entries(handMedians).map(([w, m]) => [w, fmt(/** @type {number} */ (m['JSON.parse'])), cell(m, 'decode', 'JSON.parse'), cell(m, 'check', 'JSON.parse'), cell(m, 'parse+zod', 'JSON.parse'), cell(m, 'parse+ajv', 'JSON.parse'), fmt(/** @type {number} */ (m['JSON.stringify'])), cell(m, 'encode', 'JSON.stringify')]),
);
const recordedTable = mdTable(
  ['recorded workload', 'events', 'JSON.parse', 'decode', 'check', 'parse+zod', 'parse+ajv', 'parse+agents-realtime', 'JSON.stringify', 'encode'],
  recorded.map((r) => [r.name, String(r.texts.length), fmt(/** @type {number} */ (r.medians['JSON.parse'])), cell(r.medians, 'decode', 'JSON.parse'), cell(r.medians, 'check', 'JSON.parse'), cell(r.medians, 'parse+zod', 'JSON.parse'), cell(r.medians, 'parse+ajv', 'JSON.parse'), r.agents || cell(r.medians, 'parse+agents-realtime', 'JSON.parse'), r.direction === 'client' ? fmt(/** @type {number} */ (r.medians['JSON.stringify'])) : '', r.direction === 'client' ? cell(r.medians, 'encode', 'JSON.stringify') : '']),
);

// --- targets
/** @param {Protocol} p @param {Direction} d */
const perType = (p, d) => generated.filter((w) => w.protocol === p && w.direction === d).map((w) => ({ type: w.type, m: /** @type {ReturnType<typeof timeWorkload>} */ (genResults[w.id]).medians }));
/** Every type's `a` / `b` ratio at most `limit`: [measured, met]. @param {Protocol} p @param {Direction} d @param {string} a @param {string} b @param {number} limit */
function everyType(p, d, a, b, limit) {
  const rows = perType(p, d).map(({ type, m }) => ({ type, r: /** @type {number} */ (m[a]) / /** @type {number} */ (m[b]) }));
  const over = rows.filter((x) => x.r > limit).sort((x, y) => y.r - x.r);
  const worst = Math.max(...rows.map((x) => x.r));
  return [over.length ? `${over.length} of ${rows.length} over: ${over.map((x) => `${x.type} ${x.r.toFixed(2)}x`).join(', ')}` : `all ${rows.length} (worst ${worst.toFixed(2)}x)`, over.length === 0];
}
/** @param {Protocol} p @param {Direction} d @param {string} a @param {string} b @param {number} limit */
function onMix(p, d, a, b, limit) {
  const m = /** @type {ReturnType<typeof timeWorkload>} */ (mixResults[`${p} ${d}`]).medians;
  const r = /** @type {number} */ (m[a]) / /** @type {number} */ (m[b]);
  return [`${r.toFixed(2)}x`, r <= limit];
}
/** decode faster than agents-realtime wherever it accepts every event of the type. @param {Protocol} p @param {Direction} d */
function vsAgents(p, d) {
  const rows = perType(p, d).filter(({ m }) => m['parse+agents-realtime'] !== undefined);
  const slower = rows.filter(({ m }) => !(/** @type {number} */ (m.decode) < /** @type {number} */ (m['parse+agents-realtime'])));
  return [slower.length ? `slower for ${slower.length} of ${rows.length}` : `faster for all ${rows.length}`, slower.length === 0];
}
const turn = (/** @type {Protocol} */ p) => /** @type {(typeof recorded)[number]} */ (recorded.find((r) => r.name === `${protocols[p].label} spoken turn, service text`)).medians;
const chromiumEvery = (/** @type {Protocol} */ p) => {
  const over = generated.filter((w) => w.protocol === p && w.direction === 'client').map((w) => ({ type: w.type, m: chromium.results[w.id] ?? {} })).filter(({ m }) => !(m.decode / m['JSON.parse'] <= 1.3));
  return [over.length ? `${over.length} of ${variantsOf(protocols[p].table, rootOf(p, 'client')).length} over: ${over.map(({ type, m }) => `${type} ${ratio(m.decode, m['JSON.parse'])}x`).join(', ')}` : 'all', over.length === 0];
};
const memoryTarget = largestInputBytes / 1024 + 2048;
/** @type {[string, string, (string | boolean)[]][]} */
const targets = [];
const target = (/** @type {string} */ issue, /** @type {string} */ what, /** @type {(string | boolean)[]} */ result) => targets.push([issue, what, result]);
for (const p of PROTOCOLS) {
  const L = protocols[p].label;
  target('12', `${L}: decode ≤ 1.3x JSON.parse for every client event type (generated events)`, everyType(p, 'client', 'decode', 'JSON.parse', 1.3));
  target('12', `${L}: decode ≤ 1.2x JSON.parse on the generated client mix`, onMix(p, 'client', 'decode', 'JSON.parse', 1.2));
  target('12', `${L}: check no slower than decode for every client event type (≤ 1.05x decode: the noise)`, everyType(p, 'client', 'check', 'decode', 1.05));
  target('12', `${L}: encode ≤ 1.5x JSON.stringify for every client event type`, everyType(p, 'client', 'encode', 'JSON.stringify', 1.5));
  target('12', `${L}: encode ≤ 1.5x JSON.stringify on the generated client mix`, onMix(p, 'client', 'encode', 'JSON.stringify', 1.5));
  target('12', `${L}, Chromium: decode ≤ 1.3x JSON.parse for every client event type`, chromiumEvery(p));
}
for (const mod of modules) target('12', `${mod.name} module ≤ 100 KB gzip`, [`${(mod.gzip / 1000).toFixed(1)} KB (${(mod.raw / 1000).toFixed(1)} KB raw)`, mod.gzip <= 100_000]);
for (const [name, ms] of [['realtime-codec', cold.beta], ['realtime-codec/ga', cold.ga]]) target('12', `cold import of ${name} in Node ≤ 5 ms (median of ${cold.runs} fresh processes)`, [`${Number(ms).toFixed(1)} ms (empty module ${cold.empty.toFixed(1)} ms)`, Number(ms) <= 5]);
for (const p of PROTOCOLS) {
  const L = protocols[p].label;
  const t = turn(p);
  target(p === 'ga' ? '14' : '11', `${L}: decodeServerEvent ≤ 1.2x JSON.parse on the spoken turn (service text)`, [`${ratio(/** @type {number} */ (t.decode), /** @type {number} */ (t['JSON.parse']))}x`, /** @type {number} */ (t.decode) / /** @type {number} */ (t['JSON.parse']) <= 1.2]);
  target(p === 'ga' ? '14' : '11', `${L}: decodeServerEvent ≤ 1.5x JSON.parse for every server event type (generated events)`, everyType(p, 'server', 'decode', 'JSON.parse', 1.5));
  target(p === 'ga' ? '14' : '11', `${L}: decodeServerEvent faster than JSON.parse + agents-realtime where it accepts every event of the type`, vsAgents(p, 'server'));
  target(p === 'ga' ? '14' : '5', `${L}: decode faster than JSON.parse + zod for every client event type`, everyType(p, 'client', 'decode', 'parse+zod', 1));
}
const audio1M = /** @type {Record<string, number>} */ (audioMedians['1 MiB']);
target('5', 'encodeAudioAppend at least as fast as Buffer base64 + JSON.stringify (Node, 1 MiB)', [`${ratio(/** @type {number} */ (audio1M.encodeAudioAppend), /** @type {number} */ (audio1M['Buffer base64 + JSON.stringify']))}x`, /** @type {number} */ (audio1M.encodeAudioAppend) <= /** @type {number} */ (audio1M['Buffer base64 + JSON.stringify']) * 1.05]);
target('5', 'wasm memory ≤ largest event + 2 MiB after 1M calls, each module', [`${Object.entries(memoryKiB).map(([k, v]) => `${k} ${v} KiB`).join(', ')} (largest event ${(largestInputBytes / 1024).toFixed(1)} KiB)`, Object.values(memoryKiB).every((v) => v <= memoryTarget)]);

/**
 * The WebSocket relay's figures (issue 13): not measured by this run (the load script takes its
 * own minute), but recorded by `node scripts/socket-load.mjs --json bench/socket-load.json` and
 * repeated here with the date they were taken.
 */
function socketLoadSection() {
  let r;
  try {
    r = JSON.parse(readFileSync(join(root, 'bench/socket-load.json'), 'utf8'));
  } catch {
    return '## WebSocket relay under load (issue 13)\n\nNot recorded: run `node scripts/socket-load.mjs --json bench/socket-load.json`.\n';
  }
  const rows = r.memory.map((/** @type {any} */ m) => `| ${m.label} | ${m.rssMiB} MiB | ${m.heapMiB} MiB | ${Math.round(m.wasmBytes / 1024)} KiB |`).join('\n');
  return `## WebSocket relay under load (issue 13)

${wrap(`Recorded by \`node scripts/socket-load.mjs --json bench/socket-load.json\` on ${r.recorded ?? 'an earlier day'} (Node ${r.node}, 1-minute load average ${r.loadAverage ?? '?'}), not by this run: ${r.events.toLocaleString('en')} server events (the server lines of examples/beta-session.jsonl, cycled) from the loopback server through examples/relay.mjs to a client over WebSockets on 127.0.0.1, all in one process. Received ${r.received.toLocaleString('en')}, lost, reordered or changed ${r.wrong}; ${Object.values(r.relayStats.serverInvalid).reduce((/** @type {number} */ a, /** @type {number} */ b) => a + b, 0).toLocaleString('en')} refused by the crate and passed on (the session's one invalid line, cycled).`)}

| measure | result |
|---|---|
| throughput | ${r.eventsPerSecond.toLocaleString('en')} events/s (${r.eventsPerSecondAfterWarmup.toLocaleString('en')}/s after warm-up), ${r.seconds} s in all |
| relay time per event (checkServerEvent + send) | p50 ${r.relayMicrosPerEvent.p50.toFixed(2)} µs, p99 ${r.relayMicrosPerEvent.p99.toFixed(2)} µs |
| one-way latency, one event in flight | direct p50 ${r.latencyMs.direct.p50.toFixed(3)} ms, p99 ${r.latencyMs.direct.p99.toFixed(3)} ms; through the relay p50 ${r.latencyMs.relayed.p50.toFixed(3)} ms, p99 ${r.latencyMs.relayed.p99.toFixed(3)} ms |
| added by the relay | p50 ${r.latencyMs.addedP50.toFixed(3)} ms, p99 ${r.latencyMs.addedP99.toFixed(3)} ms |

| point | RSS | JS heap | wasm |
|---|---|---|---|
${rows}
`;
}

const drawnNote = PROTOCOLS.map((p) => {
  const ws = generated.filter((w) => w.protocol === p);
  const drawn = ws.reduce((a, w) => a + w.drawn, 0);
  return `${protocols[p].label} ${ws.length * PER} kept of ${drawn} drawn`;
}).join(', ');
const seconds = ((performance.now() - startedAt) / 1000).toFixed(0);
const report = `# Benchmark results

Recorded by \`npm run bench\` (bench/bench.mjs) on ${new Date().toISOString().slice(0, 10)}, in one process run of ${seconds} s.
Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${process.platform} ${os.release()}; Node ${process.version}; ${chromium.chromium};
1-minute load average ${loadAtStart.toFixed(1)} at the start of the run, ${os.loadavg()[0].toFixed(1)} at its end.
**Seed ${SEED}** (\`BENCH_SEED=${SEED} npm run bench\` draws the same events).

Medians in microseconds per event, each with its ratio to \`JSON.parse\` (decoding side) or
\`JSON.stringify\` (encode) measured in the same run. Peers: zod 4 and ajv 8 schemas with the crate's
rules (bench/schemas.mjs and bench/schemas-ga.mjs, generated from the shape table by
scripts/generate.mjs), and the zod schemas of @openai/agents-realtime ${agentsVersion} (its module
dist/openaiRealtimeEvents.mjs: realtimeClientEventSchema, realtimeServerEventSchema; GA-shaped), timed
only where they accept every event of the workload (otherwise the cell says how many they accept, and
their first issue).

## Generated events, per type (Node)

${wrap(`${PER} distinct events per type, drawn afresh for this run from the crate's shape table (\`cargo run --example shapes\`) by bench/events.mjs: optional members present with probability 0.6, ids of 20-40 characters, instructions of 50-2000, text with CJK, emoji and accents, audio of 20-100 ms of 24 kHz PCM16 in base64, numbers of several sizes, tool parameter schemas of four shapes, GA's nested unions and maps. Only events the crate accepts are kept (${drawnNote}). The texts are JSON.stringify of the drawn objects (members in declaration order, unknown members none); encode takes the objects. Method: each protocol's codec first run on every type of a direction for ${WARM_ALL_MS} ms; then for each type, every contender warmed, then timed in ${GEN_ROUNDS} rounds over all ${PER} events (repeated to at least ${MIN_MS} ms a sample), the contenders in a rotated order each round; the figure is the median over rounds.`)}

${PROTOCOLS.flatMap((p) => DIRECTIONS.map((d) => generatedTable(p, d))).join('\n\n')}

## Generated mixes (Node)

${wrap(`Client: a minute of a conversation (${Object.entries(CLIENT_MIX).map(([t, n]) => `${n} \`${t}\``).join(', ')}), drawn afresh and shuffled. Server: events drawn in the proportions of the types of the protocol's spoken turn (examples/*-session.jsonl). Medians in microseconds per whole mix.`)}

${mixTable}

## Chromium

${wrap(`The same workloads (the generated events of every type and the mixes), timed in one page of ${chromium.chromium} (headless, through playwright-core) by bench/chromium.mjs, with both entries' browser builds (dist/browser.mjs, dist/ga/browser.mjs) after init(). Medians in microseconds per event; the last column is Node's decode ratio from the tables above.`)}

${PROTOCOLS.flatMap((p) => DIRECTIONS.map((d) => chromiumTable(p, d))).join('\n\n')}

## Hand-picked events (beta) and recorded sessions

${wrap(`The hand-picked beta events of the earlier benchmarks (tinybench, ${TIME} ms per task, median of ${ROUNDS} rounds; single events timed in batches of ${BATCH}, the mixes per whole mix of ${mixNames.length} events: 40 appends of 20 ms and 8 of 100 ms, two item creates, a truncate, two response creates, a cancel and a large session.update with 4 tools and ~4.7 KB of instructions). The texts are what \`encode\` writes; the last row decodes the same events as \`JSON.stringify\` writes them.`)}

${handTable}

${wrap(`The sessions (scripts/make-session.mjs): each protocol's spoken turn is every server line of its examples/*-session.jsonl the crate accepts, in order, as the service wrote them (with members the crate does not know, such as \`object\`) and as \`canonicalizeServerEvent\` writes them; the GA session's client lines as its client wrote them. ${PROTOCOLS.map((p) => { const s = /** @type {ReturnType<typeof sessionWorkload>} */ (sessions[p]); return s.refused.length ? `Left out of the ${protocols[p].label} turn: ${s.refused.length} line${s.refused.length > 1 ? 's' : ''} the crate refuses (${[...new Set(s.refused.map((r) => `\`${r.type}\``))].join(', ')}; the README's crate-versus-service table).` : ''; }).join(' ')} Medians in microseconds per whole workload, method as for the generated events.`)}

${recordedTable}

## Audio helper (Node)

| PCM16 chunk | Buffer base64 + JSON.stringify (µs) | encodeAudioAppend (µs) | ratio |
|---|---|---|---|
${Object.entries(audioMedians).map(([k, m]) => `| ${k} | ${fmt(/** @type {number} */ (m['Buffer base64 + JSON.stringify']))} | ${fmt(/** @type {number} */ (m.encodeAudioAppend))} | ${ratio(/** @type {number} */ (m.encodeAudioAppend), /** @type {number} */ (m['Buffer base64 + JSON.stringify']))}x |`).join('\n')}

In Chromium, test/audio.test.ts measures it against \`btoa(String.fromCharCode(...))\` on 1 MiB
(printed by the test run).

## Sizes, start-up, memory

| module | file | raw bytes | gzip -9 | brotli |
|---|---|---|---|---|
${modules.map((m) => `| ${m.name} | ${m.file} | ${m.raw} | ${m.gzip} | ${m.brotli} |`).join('\n')}

${wrap(`Each entry loads only its own two modules, each on its first call of that direction. The beta client module was ${BETA_CLIENT_BEFORE_GA} bytes before the GA work, which added 575 (the locator descends nested tagged unions, which GA's message items are); docs/size.md's changes (one serde_json parser and serializer, wasm-opt -Oz twice, stripped sections) then took 6,501 off every 292,274-byte build: ${modules[0].raw} now (${modules[0].raw - BETA_CLIENT_BEFORE_GA >= 0 ? '+' : ''}${modules[0].raw - BETA_CLIENT_BEFORE_GA} in all). JavaScript: ${glue.map((g) => `${g.file} ${g.raw} bytes (${g.gzip} gzip)`).join('; ')}.`)}

| start-up (median of ${cold.runs} fresh Node processes, interleaved) | ms |
|---|---|
${cold.rows.map((/** @type {[string, number]} */ [k, v]) => `| ${k} | ${v.toFixed(1)} |`).join('\n')}

${wrap(`wasm memory after ${SOAK_CALLS.toLocaleString('en')} calls mixing both directions and both protocols (scripts/soak.mjs): ${Object.entries(memoryKiB).map(([k, v]) => `${k} ${v} KiB`).join(', ')}; the largest event in the workload is ${(largestInputBytes / 1024).toFixed(1)} KiB.`)}

${socketLoadSection()}
## Targets

| issue | target | measured | met |
|---|---|---|---|
${targets.map(([issue, t, [m, ok]]) => `| ${issue} | ${t} | ${m} | ${ok ? 'yes' : '**no**'} |`).join('\n')}
`;
writeFileSync(join(root, 'bench/RESULTS.md'), report);
console.log(`\n${PROTOCOLS.flatMap((p) => DIRECTIONS.map((d) => generatedTable(p, d))).join('\n\n')}\n\n${mixTable}\n\n${handTable}\n\n${recordedTable}\n`);
console.log(modules.map((m) => `${m.name}: ${m.raw} B (${m.gzip} gzip)`).join(', '));
console.log(cold.rows.map((/** @type {[string, number]} */ [k, v]) => `${k} ${v.toFixed(1)} ms`).join(', '));
for (const [issue, t, [m, ok]] of targets) console.log(`${ok ? 'met    ' : 'NOT MET'}  [${issue}] ${t}: ${m}`);
console.log(`\nseed ${SEED}; ${seconds} s; written to bench/RESULTS.md`);
