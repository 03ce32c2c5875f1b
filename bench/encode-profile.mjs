#!/usr/bin/env node
// node bench/encode-profile.mjs [--seed N] [--per 50] [--protocol beta|ga|both] [--rounds 31] [--only TYPE] [--chromium] [--loop SECONDS]
// A scratch measure of encode against JSON.stringify, per client event type, on events drawn from
// the crate's shape table by bench/events.mjs (as bench/decode-profile.mjs draws them), only those
// the crate accepts (safeEncode, and safeDecode of their JSON.stringify text). Prints, per type,
// how many were kept, how many the JavaScript fast path answers (ts/fast-encode.ts, bundled here
// with esbuild; appends by ts/append.ts), JSON.stringify's µs and encode / JSON.stringify (the
// median of per-round ratios, both timed in the same round in rotating order, so that runs on a
// noisy machine compare). Each text written is read at its middle character (a concatenated
// result is flattened, as sending it would, and counts). CODEC_ROOT=dir measures another
// checkout's dist/ and ts/ (main's, for a before/after); SHAPES_JSON=file reads the shape table
// from a file (`cargo run -q -p realtime-codec --example shapes > file`).
// --chromium: the same workloads timed in Chromium too (bench/chromium.mjs's chromiumTables).
// --loop S: no table, encode of the drawn events for S seconds (under `node --cpu-prof`).
// Each protocol's events of every type are first encoded for BENCH_WARM_MS (400) ms, as bench.mjs does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { realisticGenerator } from './events.mjs';
import { profileOptions, roundRatios } from './profiling.mjs';

const here = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = process.env.CODEC_ROOT ?? here;
const argv = process.argv;
const { arg, seed, per, rounds, protocols, only, tables } = profileOptions(root);
const loop = Number(arg('--loop', 0));
const warmMs = Number(process.env.BENCH_WARM_MS ?? 400);

// The fast paths themselves, to count what they answer (not timed).
const scratch = mkdtempSync(join(tmpdir(), 'encode-profile-'));
await build({
  stdin: {
    contents: `export { compileFastEncoder } from './ts/fast-encode.ts'; export { plainAppendText } from './ts/append.ts';
      export { BETA } from './ts/shapes.ts'; export { GA_FAST_CLIENT } from './ts/ga/shapes.ts';`,
    resolveDir: root, loader: 'ts',
  },
  bundle: true, format: 'esm', platform: 'node', outfile: join(scratch, 'fast.mjs'), logLevel: 'error',
});
const fast = await import(pathToFileURL(join(scratch, 'fast.mjs')).href);
rmSync(scratch, { recursive: true, force: true });
const fastEncoders = {
  beta: fast.compileFastEncoder(fast.BETA.types, fast.BETA.client),
  ga: fast.compileFastEncoder(fast.GA_FAST_CLIENT.types, fast.GA_FAST_CLIENT.root),
};

let sink = 0;
const stringify = (o) => { const t = JSON.stringify(o); sink += t.charCodeAt(t.length >> 1); };

console.log(`seed ${seed}, ${per} events per type, ${rounds} rounds, ${root === here ? 'this checkout' : root}`);
const workloads = [];
for (const protocol of protocols) {
  const table = tables[protocol];
  const codec = await import(pathToFileURL(join(root, protocol === 'ga' ? 'dist/ga/node.mjs' : 'dist/node.mjs')).href);
  const gen = realisticGenerator(table, seed);
  const types = table.types.find((t) => t.name === table.client).variants.map((v) => v.value).filter((t) => !only || t === only);
  const encode = (o) => { const t = codec.encode(o); sink += t.charCodeAt(t.length >> 1); };
  if (!loop) console.log(`\n${protocol}: | type | kept | fast path | JSON.stringify µs | encode/stringify |`);
  const drawn = types.map((type) => Array.from({ length: per }, () => gen.event(table.client, type))
    .filter((o) => codec.safeEncode(o).ok && codec.safeDecode(JSON.stringify(o)).ok));
  // Every type first, for WARM_MS (as bench.mjs warms each protocol): the first types timed are
  // then not timed while the engine still compiles the functions the others share.
  const warmUntil = performance.now() + warmMs;
  while (performance.now() < warmUntil) for (const objects of drawn) for (const o of objects) encode(o);
  for (const [t, type] of types.entries()) {
    const objects = drawn[t];
    if (objects.length === 0) { console.log(`${protocol} | ${type} | 0/${per} |`); continue; }
    workloads.push({ id: `${protocol} client ${type}`, protocol, direction: 'client', texts: objects.map((o) => JSON.stringify(o)), objects });
    if (loop) {
      const until = performance.now() + loop * 1000;
      while (performance.now() < until) for (const o of objects) encode(o);
      continue;
    }
    const answered = objects.filter((o) => fast.plainAppendText(o) !== undefined || fastEncoders[protocol](o, 128, 1 << 24) !== undefined).length;
    const [s, e] = roundRatios([stringify, encode], objects, rounds);
    console.log(`${protocol} | ${type.padEnd(28)} | ${String(objects.length).padStart(2)}/${per} | ${String(answered).padStart(2)} | ${s.toFixed(2).padStart(6)} | ${e.toFixed(2)}x |`);
  }
}
if (argv.includes('--chromium')) {
  const { chromiumTables } = await import('./chromium.mjs');
  const out = await chromiumTables({ root, workloads, rounds: Math.min(rounds, 15) });
  console.log(`\n${out.chromium}: | workload | JSON.stringify µs | encode µs | encode/stringify | the same, quickest rounds |`);
  for (const w of workloads) {
    const m = out.results[w.id];
    const q = out.quickest[w.id];
    console.log(`${w.id.padEnd(40)} | ${m['JSON.stringify'].toFixed(2).padStart(6)} | ${m.encode.toFixed(2).padStart(6)} | ${(m.encode / m['JSON.stringify']).toFixed(2)}x | ${(q.encode / q['JSON.stringify']).toFixed(2)}x |`);
  }
}
if (sink === 0.5) console.log(sink);
