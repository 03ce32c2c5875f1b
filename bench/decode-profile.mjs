#!/usr/bin/env node
// node bench/decode-profile.mjs [--seed N] [--per 50] [--protocol beta|ga|both] [--rounds 31] [--only TYPE]
// A scratch measure of decode and check against JSON.parse, per client event type, on events
// drawn from the crate's shape table by bench/events.mjs (nested tagged variants, GA's message
// items, included), only those the crate accepts. Prints, per type, how many the crate
// accepted, JSON.parse's µs, and decode / JSON.parse and check / JSON.parse (medians of per-round
// ratios, the three timed in the same round in rotating order: bench/profiling.mjs), so that runs on a noisy machine compare.
// CODEC_ROOT=dir measures another checkout's dist/ (main's, for a before/after); SHAPES_JSON=file
// reads the shape table from a file (`cargo run -q -p realtime-codec --example shapes > file`).
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { realisticGenerator } from './events.mjs';
import { profileOptions, roundRatios } from './profiling.mjs';

const root = process.env.CODEC_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const { seed, per, rounds, protocols, only, tables } = profileOptions(root);

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
    const [p, d, c] = roundRatios([JSON.parse, codec.decode, codec.check], good, rounds);
    console.log(`${protocol} | ${type.padEnd(28)} | ${String(good.length).padStart(2)}/${per} | ${p.toFixed(2).padStart(6)} | ${d.toFixed(2)}x | ${c.toFixed(2)}x |`);
  }
}
