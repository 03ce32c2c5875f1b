#!/usr/bin/env node
// node bench/generated.mjs [--seed N] [--per 50]: draws `per` events per client and server type
// (bench/events.mjs), checks each through the codec (the crate's answer), prints the acceptance
// rate per type and decode / decodeServerEvent against JSON.parse (median µs over the type's events).
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { realisticGenerator } from './events.mjs';
import { shapeTable } from './server-events.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (k, d) => { const i = process.argv.indexOf(k); return i > 0 ? Number(process.argv[i + 1]) : d; };
const seed = arg('--seed', (Date.now() % 1e9) >>> 0);
const per = arg('--per', 50);
console.log(`seed ${seed}, ${per} events per type`);
const codec = await import(pathToFileURL(join(root, 'dist/node.mjs')).href);
const table = shapeTable(root);
const gen = realisticGenerator(table, seed);
const time = (fn, texts) => {
  const xs = [];
  for (let r = 0; r < 31; r++) { const t0 = performance.now(); for (let k = 0; k < 10; k++) for (const t of texts) fn(t); xs.push((performance.now() - t0) * 100 / texts.length); }
  return xs.sort((a, b) => a - b)[15];
};
for (const [root_, safe, dec] of [[table.client, codec.safeDecode, codec.decode], [table.server, codec.safeDecodeServerEvent, codec.decodeServerEvent]]) {
  const types = table.types.find((t) => t.name === root_).variants.map((v) => v.value);
  let all = 0, ok = 0;
  console.log(`\n| ${root_} type | accepted | JSON.parse µs | decode µs | ratio |\n|---|---|---|---|---|`);
  for (const type of types) {
    const texts = Array.from({ length: per }, () => JSON.stringify(gen.event(root_, type)));
    const good = texts.filter((t) => safe(t).ok);
    all += texts.length; ok += good.length;
    if (good.length === 0) { console.log(`| ${type} | 0/${per} | | | |`); continue; }
    const p = time(JSON.parse, good), d = time(dec, good);
    console.log(`| ${type} | ${good.length}/${per} | ${p.toFixed(2)} | ${d.toFixed(2)} | ${(d / p).toFixed(2)}x |`);
  }
  console.log(`${root_}: ${ok}/${all} generated events accepted by the crate`);
}
