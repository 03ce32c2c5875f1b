#!/usr/bin/env node
// @ts-check
// The full-size figures of issue 13: server events through the validating relay
// (examples/relay.mjs) over real WebSockets on 127.0.0.1, from the loopback server
// (test/support/loopback-server.mjs, the server lines of examples/beta-session.jsonl, cycled) to a
// client that checks every frame byte for byte against what was sent.
//   1. Throughput: --events (default 1,000,000) as fast as the sockets drain. Reports events/s,
//      the relay's own time per event (checkServerEvent + send, p50/p99), RSS and the codec's
//      wasmMemoryBytes at start, after warm-up (the first tenth), every tenth and at the end.
//   2. Added latency: --latency (default 20,000) events one at a time (the next is sent when the
//      client has the previous one), first straight to the client, then through the relay; the
//      difference of the two percentiles is what the relay adds.
// Everything runs in this one process (server, relay, client: the relay's memory is this
// process's), so the figures are for 127.0.0.1 and one core's event loop.
// Exit status 1 if any frame was lost, reordered or changed, or if memory was not flat (wasm
// memory grew after warm-up; RSS grew by more than 64 MiB after warm-up or 16 MiB in the second half).
//   node scripts/socket-load.mjs [--events 1000000] [--latency 20000] [--json out.json]
// `--json bench/socket-load.json` records the figures that bench/RESULTS.md repeats.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { WebSocket, WebSocketServer } from 'ws';
import { startRelay } from '../examples/relay.mjs';
import { loadSession, startLoopback } from '../test/support/loopback-server.mjs';
import { wasmMemoryBytes } from '../dist/node.mjs';

const args = process.argv.slice(2);
/** @param {string} name @param {string} fallback */
const arg = (name, fallback) => {
  const at = args.indexOf(name);
  return (at >= 0 ? args[at + 1] : undefined) ?? fallback;
};
const EVENTS = Number(arg('--events', '1000000'));
const LATENCY = Number(arg('--latency', '20000'));
const jsonOut = args.includes('--json') ? arg('--json', '') : undefined;

const MiB = 1024 * 1024;
const lines = loadSession().server;
const expected = lines.map((l) => Buffer.from(l));

/** @param {Float64Array | number[]} values @param {number} q */
function quantile(values, q) {
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

/** @param {string} label */
function memory(label) {
  const usage = process.memoryUsage();
  return { label, rssMiB: usage.rss / MiB, heapMiB: usage.heapUsed / MiB, wasmBytes: wasmMemoryBytes() };
}

/** Opens a client that checks frame i against line i % lines.length; resolves when `total` arrived. */
/** @param {string} url @param {number} total @param {(i: number) => void} [onFrame] */
function countingClient(url, total, onFrame) {
  const socket = new WebSocket(url);
  let received = 0;
  let wrong = 0;
  /** @type {Promise<{ received: number, wrong: number }>} */
  const done = new Promise((ok, fail) => {
    socket.on('message', (data, binary) => {
      const want = /** @type {Buffer} */ (expected[received % expected.length]);
      if (binary || !want.equals(/** @type {Buffer} */ (data))) wrong++;
      onFrame?.(received);
      received++;
      if (received === total) {
        socket.close();
        ok({ received, wrong });
      }
    });
    socket.on('close', () => {
      if (received !== total) fail(new Error(`closed after ${received} of ${total} frames`));
    });
    socket.on('error', fail);
  });
  return { socket, done };
}

// --- 1. Throughput -------------------------------------------------------------------------
const samples = [memory('start')];
const loopback = await startLoopback({ mode: 'stream', count: EVENTS });
// Written in full now, so that its pages count in RSS from the start and not as growth.
const relayNs = new Float64Array(EVENTS).fill(-1);
let forwarded = 0;
const relay = await startRelay({
  upstream: loopback.url,
  onServerForward: (ns) => {
    if (forwarded < relayNs.length) relayNs[forwarded] = ns;
    forwarded++;
  },
});
// Warm-up: the first tenth (the JIT, the heap and the socket buffers settle to their working size).
const warm = Math.max(1, Math.floor(EVENTS / 10));
const every = Math.max(1, Math.floor(EVENTS / 10));
const started = process.hrtime.bigint();
let warmAt = started;
const client = countingClient(relay.url, EVENTS, (i) => {
  if (i + 1 === warm) {
    warmAt = process.hrtime.bigint();
    samples.push(memory(`after ${warm.toLocaleString('en')} (warm-up)`));
  } else if ((i + 1) % every === 0) samples.push(memory(`after ${(i + 1).toLocaleString('en')}`));
});
const result = await client.done;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const steadySeconds = Number(process.hrtime.bigint() - warmAt) / 1e9;
samples.push(memory('end'));
await relay.close();
await loopback.close();

// --- 2. Added latency, one event in flight -------------------------------------------------
/**
 * One-way latency of `n` events, one at a time: the server sends event i when the client has i-1.
 * @param {boolean} throughRelay
 * @param {number} n
 */
async function lockstep(throughRelay, n) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((ok) => wss.once('listening', ok));
  const address = /** @type {import('node:net').AddressInfo} */ (wss.address());
  const upstreamUrl = `ws://127.0.0.1:${address.port}`;
  const hop = throughRelay ? await startRelay({ upstream: upstreamUrl }) : undefined;
  const latencies = new Float64Array(n);
  /** @type {WebSocket | undefined} */
  let serverSide;
  let sentAt = 0;
  let i = 0;
  const sendNext = () => {
    sentAt = performance.now();
    serverSide?.send(lines[i % lines.length] ?? '');
  };
  wss.on('connection', (ws) => {
    serverSide = ws;
    sendNext();
  });
  let wrong = 0;
  await new Promise((ok, fail) => {
    const socket = new WebSocket(hop ? hop.url : upstreamUrl);
    socket.on('message', (data) => {
      latencies[i] = performance.now() - sentAt;
      if (!(/** @type {Buffer} */ (data)).equals(/** @type {Buffer} */ (expected[i % expected.length]))) wrong++;
      i++;
      if (i === n) {
        socket.close();
        ok(undefined);
      } else sendNext();
    });
    socket.on('error', fail);
  });
  await hop?.close();
  await new Promise((ok) => {
    for (const c of wss.clients) c.terminate();
    wss.close(() => ok(undefined));
  });
  // The first 1,000 are warm-up (JIT, buffers).
  const steady = latencies.subarray(Math.min(1000, n >> 2));
  return { p50: quantile(steady, 0.5), p99: quantile(steady, 0.99), wrong };
}
const direct = await lockstep(false, LATENCY);
const relayed = await lockstep(true, LATENCY);

// --- Report --------------------------------------------------------------------------------
/** @typedef {{ label: string, rssMiB: number, heapMiB: number, wasmBytes: number }} Sample */
const warmSample = /** @type {Sample} */ (samples[1] ?? samples[0]);
const end = /** @type {Sample} */ (samples[samples.length - 1]);
// Halfway (the sample after half the events): the second half must be flat to within 16 MiB of RSS.
const half = /** @type {Sample} */ (samples.find((s) => s.label === `after ${Math.floor(EVENTS / 2).toLocaleString('en')}`) ?? warmSample);
const report = {
  events: EVENTS,
  received: result.received,
  wrong: result.wrong,
  relayStats: relay.stats,
  seconds: Number(seconds.toFixed(2)),
  eventsPerSecond: Math.round(EVENTS / seconds),
  eventsPerSecondAfterWarmup: Math.round((EVENTS - warm) / steadySeconds),
  relayMicrosPerEvent: { p50: quantile(relayNs.subarray(warm), 0.5) / 1000, p99: quantile(relayNs.subarray(warm), 0.99) / 1000 },
  latencyMs: { direct, relayed, addedP50: relayed.p50 - direct.p50, addedP99: relayed.p99 - direct.p99 },
  memory: samples.map((s) => ({ ...s, rssMiB: Number(s.rssMiB.toFixed(1)), heapMiB: Number(s.heapMiB.toFixed(1)) })),
  node: process.version,
  recorded: new Date().toISOString().slice(0, 10),
  loadAverage: Number((os.loadavg()[0] ?? 0).toFixed(1)),
};
const f = (/** @type {number} */ x, d = 1) => x.toFixed(d);
console.log(`socket load: ${EVENTS.toLocaleString('en')} server events through the relay in ${f(seconds, 2)} s: ${report.eventsPerSecond.toLocaleString('en')} events/s (${report.eventsPerSecondAfterWarmup.toLocaleString('en')}/s after warm-up)`);
console.log(`  received ${result.received.toLocaleString('en')}, wrong or reordered ${result.wrong}; relay: ${relay.stats.serverEvents.toLocaleString('en')} checked, ${JSON.stringify(relay.stats.serverInvalid)} refused by the crate and passed on`);
console.log(`  relay time per event (checkServerEvent + send): p50 ${f(report.relayMicrosPerEvent.p50, 2)} us, p99 ${f(report.relayMicrosPerEvent.p99, 2)} us`);
console.log(
  `  one-way latency, one event in flight (${LATENCY.toLocaleString('en')} events): direct p50 ${f(direct.p50, 3)} ms / p99 ${f(direct.p99, 3)} ms; ` +
    `through the relay p50 ${f(relayed.p50, 3)} ms / p99 ${f(relayed.p99, 3)} ms; added p50 ${f(report.latencyMs.addedP50, 3)} ms, p99 ${f(report.latencyMs.addedP99, 3)} ms`,
);
for (const s of samples) console.log(`  memory ${s.label}: RSS ${f(s.rssMiB)} MiB, JS heap used ${f(s.heapMiB)} MiB, wasm ${(s.wasmBytes / 1024).toFixed(0)} KiB`);
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(report, null, 2)}\n`);

const problems = [];
if (result.received !== EVENTS || result.wrong !== 0 || direct.wrong !== 0 || relayed.wrong !== 0) problems.push('frames lost, reordered or changed');
if (end.wasmBytes !== warmSample.wasmBytes) problems.push(`wasm memory grew after warm-up: ${warmSample.wasmBytes} -> ${end.wasmBytes} bytes`);
if (end.rssMiB - warmSample.rssMiB > 64) problems.push(`RSS grew by ${f(end.rssMiB - warmSample.rssMiB)} MiB after warm-up`);
if (end.rssMiB - half.rssMiB > 16) problems.push(`RSS grew by ${f(end.rssMiB - half.rssMiB)} MiB in the second half (${half.label} to the end)`);
if (problems.length) {
  console.error(`socket load FAILED: ${problems.join('; ')}`);
  process.exit(1);
}
console.log('  memory flat after warm-up, nothing lost');
