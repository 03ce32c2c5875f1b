#!/usr/bin/env node
// `npm run bench`: the codec against JSON.parse / JSON.stringify, JSON.parse + zod 4 and
// JSON.parse + a compiled ajv schema (bench/schemas.mjs), all in one process run, per event type
// and on a realistic mix, for client events and for server events (issue 11; these also against
// the zod schemas of @openai/agents-realtime). Prints medians and ratios and writes them to
// bench/RESULTS.md with the machine, the Node version, the package and both .wasm sizes, cold
// init and first-call times and wasm memory after 1M calls.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import Ajv from 'ajv';
import { Bench } from 'tinybench';
import { ajvClientEvent, ajvServerEvent, zodClientEvent, zodServerEvent } from './schemas.mjs';
import { serverWorkload } from './server-events.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const codec = await import(pathToFileURL(join(root, 'dist/node.mjs')).href);
const { soak } = await import(pathToFileURL(join(root, 'scripts/soak.mjs')).href);
const validate = new Ajv({ discriminator: true, strict: false }).compile(ajvClientEvent);
const validateServer = new Ajv({ discriminator: true, strict: false }).compile(ajvServerEvent);
// @openai/agents-realtime's zod schemas: its package entry exports none, but its module
// dist/openaiRealtimeEvents.mjs (beside the entry) exports them, and realtimeServerEventSchema is
// the union its parseRealtimeEvent checks every server message against. Imported as installed.
const agentsEntry = fileURLToPath(import.meta.resolve('@openai/agents-realtime'));
const agents = await import(pathToFileURL(join(dirname(agentsEntry), 'openaiRealtimeEvents.mjs')).href);
const agentsVersion = JSON.parse(readFileSync(join(dirname(agentsEntry), '..', 'package.json'), 'utf8')).version;
const agentsServer = agents.realtimeServerEventSchema;
if (typeof agentsServer?.safeParse !== 'function') throw new Error('@openai/agents-realtime: no realtimeServerEventSchema in dist/openaiRealtimeEvents.mjs');
const TIME = Number(process.env.BENCH_TIME_MS ?? 400);
// Other work on the machine slows every figure, fresh-process start-up most: recorded beside them.
const loadAtStart = os.loadavg()[0];

// --- the workload: realistic client events, as the objects a client builds and the text it sends
const pcm = (ms) => Buffer.from(Int16Array.from({ length: 24 * ms }, (_, i) => Math.round(8000 * Math.sin(i / 7))).buffer).toString('base64');
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
// A minute of a conversation: audio every 20 to 100 ms, and the rest now and then.
const mixNames = [
  ...Array(40).fill('append 20 ms'), ...Array(8).fill('append 100 ms'), 'item.create text', 'item.create function output',
  'item.truncate', 'response.create', 'response.create', 'response.cancel', 'session.update (large)',
];
const texts = Object.fromEntries(Object.entries(events).map(([k, v]) => [k, codec.encode(v)]));
// One event per workload is timed in batches of 20, so that the timer's own cost and resolution
// do not weigh on sub-microsecond calls; the table divides by the batch.
const BATCH = 20;
const workloads = Object.fromEntries(Object.keys(events).map((k) => [k, { objects: Array(BATCH).fill(events[k]), texts: Array(BATCH).fill(texts[k]), per: BATCH }]));
workloads['mix'] = { objects: mixNames.map((k) => events[k]), texts: mixNames.map((k) => texts[k]) };
// The same events as most producers write them (JSON.stringify: members in the order the objects
// were built, parameters' keys unsorted, `response` left out): decode's fast path then reads
// members in text order and rebuilds objects instead of returning the parsed value as it is.
workloads['mix, JSON.stringify text'] = { objects: workloads.mix.objects, texts: workloads.mix.objects.map((o) => JSON.stringify(o)) };

const flat = (text) => text.charCodeAt(text.length >> 1);
const contenders = {
  'JSON.parse': (w) => () => { for (const t of w.texts) JSON.parse(t); },
  decode: (w) => () => { for (const t of w.texts) codec.decode(t); },
  check: (w) => () => { for (const t of w.texts) codec.check(t); },
  'JSON.parse + zod': (w) => () => { for (const t of w.texts) zodClientEvent.parse(JSON.parse(t)); },
  'JSON.parse + ajv': (w) => () => { for (const t of w.texts) if (!validate(JSON.parse(t))) throw new Error('ajv'); },
  // Text out is read once (charCodeAt flattens a string built by concatenation, as sending it
  // would), so that a lazily concatenated result does not look free.
  'JSON.stringify': (w) => () => { for (const o of w.objects) flat(JSON.stringify(o)); },
  encode: (w) => () => { for (const o of w.objects) flat(codec.encode(o)); },
};

// Sanity: every baseline accepts every event, and the codec agrees with itself.
for (const [name, text] of Object.entries(texts)) {
  zodClientEvent.parse(JSON.parse(text));
  if (!validate(JSON.parse(text))) throw new Error(`ajv rejects ${name}: ${JSON.stringify(validate.errors)}`);
}

// Each workload is measured in ROUNDS rounds, the contenders in a different order each round;
// a contender's figure is the median of its per-round medians (this machine is noisy).
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const medians = {};
for (const [wname, w] of Object.entries(workloads)) {
  const rounds = {};
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ time: TIME, warmupTime: 100 });
    const order = Object.entries(contenders);
    for (let i = 0; i < round; i++) order.push(order.shift());
    for (const [cname, make] of order) bench.add(cname, make(w));
    await bench.run();
    for (const t of bench.tasks) (rounds[t.name] ??= []).push((t.result.latency.p50 * 1000) / (w.per ?? 1)); // µs
  }
  medians[wname] = Object.fromEntries(Object.entries(rounds).map(([name, xs]) => [name, median(xs)]));
  process.stdout.write(`  measured ${wname}\n`);
}

// The soak (scripts/soak.mjs) mixes both directions; each module's memory is read on its own
// (codec.wasmMemoryBytes('client' | 'server')), and the target holds for each.
const { samples, largestInputBytes } = await soak(1_000_000);
process.stdout.write('  soaked 1,000,000 calls, both directions\n');
const memoryAfterSoak = { client: codec.wasmMemoryBytes('client') / 1024, server: codec.wasmMemoryBytes('server') / 1024 };

// --- server events: the spoken turn of examples/beta-session.jsonl and one event per type
// (bench/server-events.mjs; the types the session lacks generated from the shape table).
const SEED = Number(process.env.BENCH_SEED ?? 11);
const server = serverWorkload(root, SEED, (t) => codec.safeDecodeServerEvent(t).ok);
const agentsTypes = new Set(agentsServer.options.map((o) => o.shape.type.value));
const agentsAnswer = (text) => {
  const type = JSON.parse(text).type;
  if (!agentsTypes.has(type)) return { ok: false, why: 'no schema' };
  const r = agentsServer.safeParse(JSON.parse(text));
  if (r.success) return { ok: true };
  const issue = r.error.issues[0];
  return { ok: false, why: `refused: ${issue.path.join('.')}: ${issue.message}` };
};
for (const e of server.perType) {
  zodServerEvent.parse(JSON.parse(e.text));
  if (!validateServer(JSON.parse(e.text))) throw new Error(`ajv rejects ${e.type}: ${JSON.stringify(validateServer.errors)}`);
  if (codec.decodeServerEvent(e.text).type !== e.type) throw new Error(`decodeServerEvent misreads ${e.type}`);
  e.agents = agentsAnswer(e.text);
}
for (const t of server.turn) {
  zodServerEvent.parse(JSON.parse(t));
  if (!validateServer(JSON.parse(t))) throw new Error(`ajv rejects a session line: ${t.slice(0, 80)}`);
}
const turnAgents = server.turn.filter((t) => agentsAnswer(t).ok).length;
const turnCount = (pred) => server.turn.filter((t) => pred(JSON.parse(t).type)).length;
const serverContenders = {
  'JSON.parse': (w) => () => { for (const t of w.texts) JSON.parse(t); },
  decodeServerEvent: (w) => () => { for (const t of w.texts) codec.decodeServerEvent(t); },
  checkServerEvent: (w) => () => { for (const t of w.texts) if (!codec.checkServerEvent(t).ok) throw new Error('checkServerEvent'); },
  'JSON.parse + zod': (w) => () => { for (const t of w.texts) zodServerEvent.parse(JSON.parse(t)); },
  'JSON.parse + ajv': (w) => () => { for (const t of w.texts) if (!validateServer(JSON.parse(t))) throw new Error('ajv'); },
  'JSON.parse + agents-realtime': (w) => () => { for (const t of w.texts) agentsServer.parse(JSON.parse(t)); },
};
// Per type: the same method as the client table, but shorter tasks (29 types) so that the whole
// run stays within a few minutes; checkServerEvent only on the turn.
const SERVER_TIME = Number(process.env.BENCH_SERVER_TIME_MS ?? TIME / 2);
const measure = async (w, names, time) => {
  const rounds = {};
  for (let round = 0; round < ROUNDS; round++) {
    const bench = new Bench({ time, warmupTime: Math.min(100, time / 4) });
    const order = names.map((n) => [n, serverContenders[n]]);
    for (let i = 0; i < round; i++) order.push(order.shift());
    for (const [cname, make] of order) bench.add(cname, make(w));
    await bench.run();
    for (const t of bench.tasks) (rounds[t.name] ??= []).push((t.result.latency.p50 * 1000) / (w.per ?? 1));
  }
  return Object.fromEntries(Object.entries(rounds).map(([name, xs]) => [name, median(xs)]));
};
const serverMixes = {
  'spoken turn, service text': server.turn,
  'spoken turn, canonical text': server.turn.map((t) => codec.canonicalizeServerEvent(t)),
};
const serverMixMedians = {};
for (const [wname, texts] of Object.entries(serverMixes)) {
  serverMixMedians[wname] = await measure({ texts }, ['JSON.parse', 'decodeServerEvent', 'checkServerEvent', 'JSON.parse + zod', 'JSON.parse + ajv'], TIME);
  process.stdout.write(`  measured server ${wname}\n`);
}
const serverTypeMedians = {};
for (const e of server.perType) {
  const names = ['JSON.parse', 'decodeServerEvent', 'JSON.parse + zod', 'JSON.parse + ajv', ...(e.agents.ok ? ['JSON.parse + agents-realtime'] : [])];
  serverTypeMedians[e.type] = await measure({ texts: Array(BATCH).fill(e.text), per: BATCH }, names, SERVER_TIME);
}
process.stdout.write(`  measured ${server.perType.length} server event types\n`);
const serverModuleKiB = codec.wasmMemoryBytes('server') / 1024;

// --- the audio helper against Node's own base64 + JSON.stringify
const audioMedians = {};
for (const [label, bytes] of [['100 ms (4.8 KB)', Buffer.from(pcm(100), 'base64')], ['1 MiB', Buffer.alloc(1024 * 1024, 7)], ['15 MiB', Buffer.alloc(15 * 1024 * 1024, 7)]]) {
  const bench = new Bench({ time: TIME, warmupTime: 100 });
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Buffer.byteLength reads the whole text, as sending it would: a string built by concatenation
  // is otherwise left unflattened and looks free.
  bench.add('Buffer base64 + JSON.stringify', () => Buffer.byteLength(JSON.stringify({ type: 'input_audio_buffer.append', audio: bytes.toString('base64') })));
  bench.add('encodeAudioAppend', () => Buffer.byteLength(codec.encodeAudioAppend(view)));
  await bench.run();
  audioMedians[label] = Object.fromEntries(bench.tasks.map((t) => [t.name, t.result.latency.p50 * 1000]));
  process.stdout.write(`  measured audio ${label}\n`);
}

// --- sizes, cold init, memory
const wasmBytes = readFileSync(join(root, 'dist/realtime_codec_bg.wasm'));
const serverWasmBytes = readFileSync(join(root, 'dist/realtime_codec_server_bg.wasm'));
// The client module as bench/RESULTS.md recorded it before the server module landed (bbd9a00).
const CLIENT_WASM_BEFORE = 291_699;
const sizes = {
  wasm: wasmBytes.length,
  wasmGzip: gzipSync(wasmBytes, { level: 9 }).length,
  wasmBrotli: brotliCompressSync(wasmBytes).length,
  serverWasm: serverWasmBytes.length,
  serverWasmGzip: gzipSync(serverWasmBytes, { level: 9 }).length,
  serverWasmBrotli: brotliCompressSync(serverWasmBytes).length,
  nodeGlue: statSync(join(root, 'dist/node.mjs')).size,
  browserGlue: statSync(join(root, 'dist/browser.mjs')).size,
  browserGlueGzip: gzipSync(readFileSync(join(root, 'dist/browser.mjs')), { level: 9 }).length,
};
// Cold init: a fresh Node process importing the package; beside it, the same for an empty module
// (Node's own ESM loader start-up, which any import pays).
const emptyModule = join(os.tmpdir(), `realtime-codec-bench-empty-${process.pid}.mjs`);
writeFileSync(emptyModule, 'export {};\n');
// `call`, if given, is a call on the imported module timed with the import (its first call, which
// instantiates that function's wasm module: the child checks that wasm memory then exists).
const importMs = (file, call) =>
  Array.from({ length: 7 }, () =>
    Number(execFileSync(process.execPath, ['--input-type=module', '-e', `const t = performance.now(); const m = await import(${JSON.stringify(pathToFileURL(file).href)}); ${call ? `${call}; const ms = performance.now() - t; if (!(m.wasmMemoryBytes() > 0)) throw new Error('no wasm instantiated'); console.log(ms)` : 'console.log(performance.now() - t)'}`], { encoding: 'utf8' })),
  ).sort((a, b) => a - b)[3];
const initMs = importMs(join(root, 'dist/node.mjs'));
const emptyImportMs = importMs(emptyModule);
const firstClientMs = importMs(join(root, 'dist/node.mjs'), `m.decode(${JSON.stringify(server.firstClient.text)})`);
const firstServerMs = importMs(join(root, 'dist/node.mjs'), `m.decodeServerEvent(${JSON.stringify(server.firstServer.text)})`);
rmSync(emptyModule, { force: true });
// The memory target's largest event: the largest input of the soak that the memory is read after.
const largestEvent = largestInputBytes;
const memory = { afterMillionKiB: Math.max(memoryAfterSoak.client, memoryAfterSoak.server), largestEventKiB: largestEvent / 1024 };
if (samples[samples.length - 1].wasmKiB !== memoryAfterSoak.client + memoryAfterSoak.server) throw new Error('soak: wasm memory is not the two modules\' sum');

// --- report
const fmt = (us) => (us >= 100 ? us.toFixed(0) : us >= 10 ? us.toFixed(1) : us.toFixed(2));
const ratio = (a, b) => (a / b).toFixed(2);
const rows = Object.entries(medians).map(([w, m]) => [
  w, fmt(m['JSON.parse']), `${fmt(m.decode)} (${ratio(m.decode, m['JSON.parse'])}x)`, `${fmt(m.check)} (${ratio(m.check, m['JSON.parse'])}x)`,
  `${fmt(m['JSON.parse + zod'])} (${ratio(m['JSON.parse + zod'], m['JSON.parse'])}x)`, `${fmt(m['JSON.parse + ajv'])} (${ratio(m['JSON.parse + ajv'], m['JSON.parse'])}x)`,
  fmt(m['JSON.stringify']), `${fmt(m.encode)} (${ratio(m.encode, m['JSON.stringify'])}x)`,
]);
const header = ['workload', 'JSON.parse', 'decode', 'check', 'parse+zod', 'parse+ajv', 'JSON.stringify', 'encode'];
const table = [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
const mix = medians.mix;
const cell = (m, name, base = 'JSON.parse') => (m[name] === undefined ? '' : `${fmt(m[name])} (${ratio(m[name], m[base])}x)`);
// Words on lines of at most 100 characters (Markdown reads the breaks as spaces).
const wrap = (text) => text.split(' ').reduce((lines, word) => {
  const last = lines.length - 1;
  if (lines[last] === '') lines[last] = word;
  else if (`${lines[last]} ${word}`.length <= 100) lines[last] += ` ${word}`;
  else lines.push(word);
  return lines;
}, ['']).join('\n');
const mdTable = (header, rows) => [header, header.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
const serverMixTable = mdTable(
  ['server workload', 'events', 'JSON.parse', 'decodeServerEvent', 'checkServerEvent', 'parse+zod', 'parse+ajv'],
  Object.entries(serverMixMedians).map(([w, m]) => [w, String(serverMixes[w].length), fmt(m['JSON.parse']), cell(m, 'decodeServerEvent'), cell(m, 'checkServerEvent'), cell(m, 'JSON.parse + zod'), cell(m, 'JSON.parse + ajv')]),
);
const serverTypeTable = mdTable(
  ['server event', 'source', 'bytes', 'JSON.parse', 'decodeServerEvent', 'parse+zod', 'parse+ajv', 'parse+agents-realtime'],
  server.perType.map((e) => {
    const m = serverTypeMedians[e.type];
    return [`\`${e.type}\``, e.source, String(Buffer.byteLength(e.text)), fmt(m['JSON.parse']), cell(m, 'decodeServerEvent'), cell(m, 'JSON.parse + zod'), cell(m, 'JSON.parse + ajv'), e.agents.ok ? cell(m, 'JSON.parse + agents-realtime') : e.agents.why.replace(/\|/g, '\\|')];
  }),
);
const perType = Object.values(serverTypeMedians);
const fasterThan = (name) => perType.filter((m) => m[name] !== undefined && m.decodeServerEvent < m[name]).length;
const withAgents = perType.filter((m) => m['JSON.parse + agents-realtime'] !== undefined).length;
const gaOnly = [...agentsTypes].filter((t) => !server.types.includes(t)).sort();
const noSchema = server.perType.filter((e) => e.agents.why === 'no schema').map((e) => `\`${e.type}\``);
const refusedByAgents = server.perType.filter((e) => !e.agents.ok && e.agents.why !== 'no schema').map((e) => `\`${e.type}\``);
const perTypeVsZod = Object.entries(medians).filter(([w]) => !w.startsWith('mix')).map(([w, m]) => [w, m.decode < m['JSON.parse + zod']]);
/** Issue 11's targets: the spoken turn, every server type, agents-realtime's schemas, the client module's growth. */
function serverTargets() {
  const turn = serverMixMedians['spoken turn, service text'];
  const over = server.perType.filter((e) => serverTypeMedians[e.type].decodeServerEvent > serverTypeMedians[e.type]['JSON.parse'] * 1.5);
  const agentsSlower = server.perType.filter((e) => e.agents.ok && !(serverTypeMedians[e.type].decodeServerEvent < serverTypeMedians[e.type]['JSON.parse + agents-realtime']));
  return [
    ['decodeServerEvent ≤ 1.2x JSON.parse on the spoken turn', `${ratio(turn.decodeServerEvent, turn['JSON.parse'])}x`, turn.decodeServerEvent / turn['JSON.parse'] <= 1.2],
    ['decodeServerEvent ≤ 1.5x JSON.parse for every server type', over.length ? `${over.length} of ${server.perType.length} over` : 'all', over.length === 0],
    ['decodeServerEvent faster than JSON.parse + agents-realtime for the types both know', agentsSlower.length ? `slower for ${agentsSlower.length} of ${withAgents}` : 'all', agentsSlower.length === 0],
    ['the client .wasm grows ≤ 60 KB for server events (the server module is loaded separately)', `+${sizes.wasm - 291_699} B (server module ${sizes.serverWasm ?? '?'} B)`, sizes.wasm - 291_699 <= 60_000],
  ];
}

const targets = [
  ['decode ≤ 1.5x JSON.parse on the mix', `${ratio(mix.decode, mix['JSON.parse'])}x`, mix.decode / mix['JSON.parse'] <= 1.5],
  ['encode ≤ 1.5x JSON.stringify on the mix', `${ratio(mix.encode, mix['JSON.stringify'])}x`, mix.encode / mix['JSON.stringify'] <= 1.5],
  ['decode faster than JSON.parse + zod for every type', perTypeVsZod.filter(([, ok]) => !ok).map(([w]) => w).join(', ') || 'all', perTypeVsZod.every(([, ok]) => ok)],
  ['encodeAudioAppend at least as fast as Buffer base64 + JSON.stringify (Node, 1 MiB)', `${ratio(audioMedians['1 MiB'].encodeAudioAppend, audioMedians['1 MiB']['Buffer base64 + JSON.stringify'])}x`, audioMedians['1 MiB'].encodeAudioAppend <= audioMedians['1 MiB']['Buffer base64 + JSON.stringify'] * 1.05],
  ['.wasm ≤ 150 KB raw', `${(sizes.wasm / 1000).toFixed(1)} KB`, sizes.wasm <= 150_000],
  ['.wasm ≤ 60 KB gzip', `${(sizes.wasmGzip / 1000).toFixed(1)} KB`, sizes.wasmGzip <= 60_000],
  ['cold init ≤ 5 ms in Node', `${initMs.toFixed(1)} ms`, initMs <= 5],
  ...serverTargets(),
  ['wasm memory ≤ largest event + 2 MiB after 1M calls, each module', `client ${memoryAfterSoak.client} KiB, server ${memoryAfterSoak.server} KiB (largest event ${memory.largestEventKiB.toFixed(1)} KiB)`, memory.afterMillionKiB <= memory.largestEventKiB + 2048],
];
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
  const rows = r.memory.map((m) => `| ${m.label} | ${m.rssMiB} MiB | ${m.heapMiB} MiB | ${Math.round(m.wasmBytes / 1024)} KiB |`).join('\n');
  return `## WebSocket relay under load (issue 13)

${wrap(`Recorded by \`node scripts/socket-load.mjs --json bench/socket-load.json\` on ${r.recorded ?? 'an earlier day'} (Node ${r.node}, 1-minute load average ${r.loadAverage ?? '?'}), not by this run: ${r.events.toLocaleString('en')} server events (the server lines of examples/beta-session.jsonl, cycled) from the loopback server through examples/relay.mjs to a client over WebSockets on 127.0.0.1, all in one process. Received ${r.received.toLocaleString('en')}, lost, reordered or changed ${r.wrong}; ${Object.values(r.relayStats.serverInvalid).reduce((a, b) => a + b, 0).toLocaleString('en')} refused by the crate and passed on (the session's one invalid line, cycled).`)}

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

const report = `# Benchmark results

Recorded by \`npm run bench\` (bench/bench.mjs) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${process.platform} ${os.release()}; Node ${process.version};
1-minute load average ${loadAtStart.toFixed(1)} at the start of the run, ${os.loadavg()[0].toFixed(1)} at its end.
Medians in microseconds (tinybench, ${TIME} ms per task, median of ${ROUNDS} rounds in one process run;
single events timed in batches of ${BATCH} and divided, the mixes per whole mix);
ratios to JSON.parse (decoding side) and JSON.stringify (encode). The mix is ${mixNames.length} events:
40 appends of 20 ms and 8 of 100 ms (24 kHz PCM16), two item creates, a truncate, two response
creates, a cancel and a large session.update (4 tools, ~4.7 KB of instructions). The texts are
what \`encode\` writes (canonical); the last row decodes the same events as \`JSON.stringify\` writes
them. decode and check return without a WebAssembly call when their JavaScript checks prove the
text means the same to Rust (ts/fast.ts; check leaves canonical appends to Rust's one-pass scan);
encode always goes through Rust but for plain appends.

${table}

## Server events (issue 11)

${wrap(`Same method: ${ROUNDS} rounds in this run, median of the per-round medians. The spoken turn is every server line of examples/beta-session.jsonl (scripts/make-session.mjs: one spoken question, a tool call and a spoken reply) that the crate accepts, in order: ${server.turn.length} events, ${turnCount((t) => t === 'response.audio.delta')} of them \`response.audio.delta\`, ${turnCount((t) => t === 'response.audio_transcript.delta')} \`response.audio_transcript.delta\` and ${turnCount((t) => t.endsWith('.delta') && !t.startsWith('response.audio'))} other deltas (input transcription, tool arguments), as the service wrote them (with members the crate does not know, such as \`object\`) and, on the second row, as \`canonicalizeServerEvent\` writes them. ${server.refused.length ? `Left out: the session's ${server.refused.map((r) => `\`${r.type}\``).join(', ')} line${server.refused.length > 1 ? 's' : ''}, which the crate refuses (the README's crate-versus-service table). ` : ''}Medians in microseconds per whole turn; ratios to JSON.parse.`)}

${serverMixTable}

${wrap(`One event per server event type, timed in batches of ${BATCH} (${SERVER_TIME} ms per task): the session's first accepted line of that type (source \`session\`), or, for the types it lacks, an event generated from the crate's shape table (\`cargo run --example shapes\`) by bench/server-events.mjs with seed ${SEED} (source \`table\`; \`BENCH_SEED\` changes it). The last column is \`realtimeServerEventSchema\` of @openai/agents-realtime ${agentsVersion}, the zod union its \`parseRealtimeEvent\` applies to every server message. Its package entry exports no schemas; its module dist/openaiRealtimeEvents.mjs does, and the bench imports that file as installed. It follows the GA protocol: it has no schema for ${noSchema.length} of the ${server.types.length} beta types (${noSchema.join(', ')}; its union has ${gaOnly.map((t) => `\`${t}\``).join(', ')} instead)${refusedByAgents.length ? `, refuses the event of ${refusedByAgents.join(', ')} (the cell gives its first issue)` : ''} and parses the other ${withAgents}. On the spoken turn it accepts ${turnAgents} of the ${server.turn.length} events, so it has no column there.`)}

${serverTypeTable}

${wrap(`decodeServerEvent is faster than JSON.parse + zod for ${fasterThan('JSON.parse + zod')} of the ${perType.length} types, than JSON.parse + ajv for ${fasterThan('JSON.parse + ajv')}, and than JSON.parse + agents-realtime for ${fasterThan('JSON.parse + agents-realtime')} of the ${withAgents} it parses.`)}

## Audio helper (Node)

| PCM16 chunk | Buffer base64 + JSON.stringify (µs) | encodeAudioAppend (µs) | ratio |
|---|---|---|---|
${Object.entries(audioMedians).map(([k, m]) => `| ${k} | ${fmt(m['Buffer base64 + JSON.stringify'])} | ${fmt(m.encodeAudioAppend)} | ${ratio(m.encodeAudioAppend, m['Buffer base64 + JSON.stringify'])}x |`).join('\n')}

In Chromium, test/audio.test.ts measures it against \`btoa(String.fromCharCode(...))\` on 1 MiB
(printed by the test run; 14x faster when last run here).

## Sizes, start-up, memory

| what | value |
|---|---|
| .wasm | ${sizes.wasm} bytes raw, ${sizes.wasmGzip} gzip, ${sizes.wasmBrotli} brotli (client module, dist/realtime_codec_bg.wasm; ${CLIENT_WASM_BEFORE} bytes raw before the server module, ${sizes.wasm === CLIENT_WASM_BEFORE ? 'unchanged' : `${sizes.wasm > CLIENT_WASM_BEFORE ? '+' : ''}${sizes.wasm - CLIENT_WASM_BEFORE}`}) |
| server .wasm | ${sizes.serverWasm} bytes raw, ${sizes.serverWasmGzip} gzip, ${sizes.serverWasmBrotli} brotli (server module, dist/realtime_codec_server_bg.wasm, loaded on the first server call) |
| JS (dist/node.mjs; dist/browser.mjs) | ${sizes.nodeGlue} bytes; ${sizes.browserGlue} bytes (${sizes.browserGlueGzip} gzip) |
| cold init in Node (import of dist/node.mjs, median of 7 fresh processes) | ${initMs.toFixed(1)} ms (an empty module: ${emptyImportMs.toFixed(1)} ms) |
| first client call (fresh process: import + decode of the session's first client event, \`${server.firstClient.type}\`, ${Buffer.byteLength(server.firstClient.text)} bytes; median of 7) | ${firstClientMs.toFixed(1)} ms |
| first server call (fresh process: import + decodeServerEvent of the session's first server event, \`${server.firstServer.type}\`, ${Buffer.byteLength(server.firstServer.text)} bytes; median of 7) | ${firstServerMs.toFixed(1)} ms |
| wasm memory after 1,000,000 calls mixing both directions (scripts/soak.mjs) | client module ${memoryAfterSoak.client} KiB, server module ${memoryAfterSoak.server} KiB (largest event in the workload: ${memory.largestEventKiB.toFixed(1)} KiB) |
| server module's wasm memory after the server benchmarks | ${serverModuleKiB} KiB |

${socketLoadSection()}
## Targets (issues 5 and 11)

| target | measured | met |
|---|---|---|
${targets.map(([t, m, ok]) => `| ${t} | ${m} | ${ok ? 'yes' : '**no**'} |`).join('\n')}
`;
writeFileSync(join(root, 'bench/RESULTS.md'), report);
console.log(`\n${table}\n\n${serverMixTable}\n\n${serverTypeTable}\n`);
console.log(`.wasm: client ${sizes.wasm} B (${sizes.wasmGzip} gzip; before ${CLIENT_WASM_BEFORE}), server ${sizes.serverWasm} B (${sizes.serverWasmGzip} gzip)`);
console.log(`cold import ${initMs.toFixed(1)} ms, first client call ${firstClientMs.toFixed(1)} ms, first server call ${firstServerMs.toFixed(1)} ms\n`);
for (const [t, m, ok] of targets) console.log(`${ok ? 'met    ' : 'NOT MET'}  ${t}: ${m}`);
console.log('\nwritten to bench/RESULTS.md');
