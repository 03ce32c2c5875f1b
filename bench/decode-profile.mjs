#!/usr/bin/env node
// node bench/decode-profile.mjs [--seed N] [--per 50] [--protocol beta|ga|both] [--rounds 31] [--only TYPE]
// A scratch measure of decode and check against JSON.parse, per client event type, on events
// drawn from the crate's shape table by bench/events.mjs (nested tagged variants, GA's message
// items, included), only those the crate accepts. Prints, per type, how many the crate
// accepted, JSON.parse's µs, and decode / JSON.parse and check / JSON.parse (medians of per-round
// ratios, the three timed in the same round in rotating order), so that runs on a noisy machine compare.
// CODEC_ROOT=dir measures another checkout's dist/ (main's, for a before/after); SHAPES_JSON=file
// reads the shape table from a file (`cargo run -q -p realtime-codec --example shapes > file`).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { realisticGenerator } from './events.mjs';

const root = process.env.CODEC_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv;
const arg = (k, d) => { const i = argv.indexOf(k); return i > 0 ? argv[i + 1] : d; };
const seed = Number(arg('--seed', (Date.now() % 1e9) >>> 0));
const per = Number(arg('--per', 50));
const rounds = Number(arg('--rounds', 31));
const protocols = arg('--protocol', 'both') === 'both' ? ['beta', 'ga'] : [arg('--protocol')];
const only = arg('--only', undefined);
const tables = JSON.parse(process.env.SHAPES_JSON ? (await import('node:fs')).readFileSync(process.env.SHAPES_JSON, 'utf8')
  : execFileSync('cargo', ['run', '-q', '--locked', '-p', 'realtime-codec', '--example', 'shapes'], { cwd: root, encoding: 'utf8' }));

const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
/** Per round: the three functions over all texts, 10 times, in rotating order; ratios per round. */
function measure(fns, texts) {
  const out = fns.map(() => []);
  const us = [];
  for (let r = 0; r < rounds; r++) {
    const ts = [];
    for (let j = 0; j < fns.length; j++) {
      const fn = fns[(j + r) % fns.length];
      const t0 = performance.now();
      for (let k = 0; k < 10; k++) for (const t of texts) fn(t);
      ts[(j + r) % fns.length] = performance.now() - t0;
    }
    for (let j = 0; j < fns.length; j++) out[j].push(ts[j] / ts[0]);
    us.push(ts[0] * 100 / texts.length); // µs per text for JSON.parse
  }
  return [median(us), ...out.slice(1).map(median)];
}

console.log(`seed ${seed}, ${per} events per type, ${rounds} rounds`);
for (const protocol of protocols) {
  const table = tables[protocol];
  const codec = await import(pathToFileURL(join(root, protocol === 'ga' ? 'dist/ga/node.mjs' : 'dist/node.mjs')).href);
  const gen = realisticGenerator(table, seed);
  const types = table.types.find((t) => t.name === table.client).variants.map((v) => v.value).filter((t) => !only || t === only);
  console.log(`\n${protocol}: | type | accepted | JSON.parse µs | decode/parse | check/parse |`);
  for (const type of types) {
    const texts = Array.from({ length: per }, () => JSON.stringify(gen.event(table.client, type)));
    const good = texts.filter((t) => codec.safeDecode(t).ok);
    if (good.length === 0) { console.log(`${protocol} | ${type} | 0/${per} |`); continue; }
    const [p, d, c] = measure([JSON.parse, codec.decode, codec.check], good);
    console.log(`${protocol} | ${type.padEnd(28)} | ${String(good.length).padStart(2)}/${per} | ${p.toFixed(2).padStart(6)} | ${d.toFixed(2)}x | ${c.toFixed(2)}x |`);
  }
}
