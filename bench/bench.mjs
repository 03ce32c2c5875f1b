#!/usr/bin/env node
// `npm run bench`: the codec against JSON.parse / JSON.stringify, JSON.parse + zod 4 and
// JSON.parse + a compiled ajv schema (bench/schemas.mjs), all in one process run, per event type
// and on a realistic mix. Prints medians and ratios and writes them to bench/RESULTS.md with the
// machine, the Node version, the package sizes, cold init time and wasm memory after 1M calls.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import Ajv from 'ajv';
import { Bench } from 'tinybench';
import { ajvClientEvent, zodClientEvent } from './schemas.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const codec = await import(pathToFileURL(join(root, 'dist/node.mjs')).href);
const { soak } = await import(pathToFileURL(join(root, 'scripts/soak.mjs')).href);
const validate = new Ajv({ discriminator: true, strict: false }).compile(ajvClientEvent);
const TIME = Number(process.env.BENCH_TIME_MS ?? 400);

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
const sizes = {
  wasm: wasmBytes.length,
  wasmGzip: gzipSync(wasmBytes, { level: 9 }).length,
  wasmBrotli: brotliCompressSync(wasmBytes).length,
  nodeGlue: statSync(join(root, 'dist/node.mjs')).size,
  browserGlue: statSync(join(root, 'dist/browser.mjs')).size,
  browserGlueGzip: gzipSync(readFileSync(join(root, 'dist/browser.mjs')), { level: 9 }).length,
};
// Cold init: a fresh Node process importing the package; beside it, the same for an empty module
// (Node's own ESM loader start-up, which any import pays).
const emptyModule = join(os.tmpdir(), `realtime-codec-bench-empty-${process.pid}.mjs`);
writeFileSync(emptyModule, 'export {};\n');
const importMs = (file) =>
  Array.from({ length: 7 }, () =>
    Number(execFileSync(process.execPath, ['--input-type=module', '-e', `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); console.log(performance.now() - t)`], { encoding: 'utf8' })),
  ).sort((a, b) => a - b)[3];
const initMs = importMs(join(root, 'dist/node.mjs'));
const emptyImportMs = importMs(emptyModule);
rmSync(emptyModule, { force: true });
const { samples } = await soak(1_000_000);
const largestEvent = Math.max(...Object.values(texts).map((t) => Buffer.byteLength(t)));
const memory = { afterMillionKiB: samples[samples.length - 1].wasmKiB, largestEventKiB: largestEvent / 1024 };

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
const perTypeVsZod = Object.entries(medians).filter(([w]) => !w.startsWith('mix')).map(([w, m]) => [w, m.decode < m['JSON.parse + zod']]);
const targets = [
  ['decode ≤ 1.5x JSON.parse on the mix', `${ratio(mix.decode, mix['JSON.parse'])}x`, mix.decode / mix['JSON.parse'] <= 1.5],
  ['encode ≤ 1.5x JSON.stringify on the mix', `${ratio(mix.encode, mix['JSON.stringify'])}x`, mix.encode / mix['JSON.stringify'] <= 1.5],
  ['decode faster than JSON.parse + zod for every type', perTypeVsZod.filter(([, ok]) => !ok).map(([w]) => w).join(', ') || 'all', perTypeVsZod.every(([, ok]) => ok)],
  ['encodeAudioAppend at least as fast as Buffer base64 + JSON.stringify (Node, 1 MiB)', `${ratio(audioMedians['1 MiB'].encodeAudioAppend, audioMedians['1 MiB']['Buffer base64 + JSON.stringify'])}x`, audioMedians['1 MiB'].encodeAudioAppend <= audioMedians['1 MiB']['Buffer base64 + JSON.stringify'] * 1.05],
  ['.wasm ≤ 150 KB raw', `${(sizes.wasm / 1000).toFixed(1)} KB`, sizes.wasm <= 150_000],
  ['.wasm ≤ 60 KB gzip', `${(sizes.wasmGzip / 1000).toFixed(1)} KB`, sizes.wasmGzip <= 60_000],
  ['cold init ≤ 5 ms in Node', `${initMs.toFixed(1)} ms`, initMs <= 5],
  ['wasm memory ≤ largest event + 2 MiB after 1M calls', `${memory.afterMillionKiB} KiB (largest event ${memory.largestEventKiB.toFixed(1)} KiB)`, memory.afterMillionKiB <= memory.largestEventKiB + 2048],
];
const report = `# Benchmark results

Recorded by \`npm run bench\` (bench/bench.mjs) on ${new Date().toISOString().slice(0, 10)}.
Machine: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; ${process.platform} ${os.release()}; Node ${process.version}.
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

## Audio helper (Node)

| PCM16 chunk | Buffer base64 + JSON.stringify (µs) | encodeAudioAppend (µs) | ratio |
|---|---|---|---|
${Object.entries(audioMedians).map(([k, m]) => `| ${k} | ${fmt(m['Buffer base64 + JSON.stringify'])} | ${fmt(m.encodeAudioAppend)} | ${ratio(m.encodeAudioAppend, m['Buffer base64 + JSON.stringify'])}x |`).join('\n')}

In Chromium, test/audio.test.ts measures it against \`btoa(String.fromCharCode(...))\` on 1 MiB
(printed by the test run; 14x faster when last run here).

## Sizes, start-up, memory

| what | value |
|---|---|
| .wasm | ${sizes.wasm} bytes raw, ${sizes.wasmGzip} gzip, ${sizes.wasmBrotli} brotli |
| JS (dist/node.mjs; dist/browser.mjs) | ${sizes.nodeGlue} bytes; ${sizes.browserGlue} bytes (${sizes.browserGlueGzip} gzip) |
| cold init in Node (import of dist/node.mjs, median of 7 fresh processes) | ${initMs.toFixed(1)} ms (an empty module: ${emptyImportMs.toFixed(1)} ms) |
| wasm memory after 1,000,000 mixed calls | ${memory.afterMillionKiB} KiB (largest event in the workload: ${memory.largestEventKiB.toFixed(1)} KiB) |

## Targets (issue 5)

| target | measured | met |
|---|---|---|
${targets.map(([t, m, ok]) => `| ${t} | ${m} | ${ok ? 'yes' : '**no**'} |`).join('\n')}
`;
writeFileSync(join(root, 'bench/RESULTS.md'), report);
console.log(`\n${table}\n`);
for (const [t, m, ok] of targets) console.log(`${ok ? 'met    ' : 'NOT MET'}  ${t}: ${m}`);
console.log('\nwritten to bench/RESULTS.md');
