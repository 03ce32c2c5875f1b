#!/usr/bin/env node
// node bench/decode-profile.mjs [--seed N] [--per 50] [--protocol beta|ga|both] [--rounds 31] [--only TYPE]
// A scratch measure of decode and check against JSON.parse, per client event type, on events
// drawn from the crate's shape table (bench/events.mjs's realistic leaves; nested tagged variants,
// GA's message items, included), only those the crate accepts. Prints, per type, how many the crate
// accepted, JSON.parse's µs, and decode / JSON.parse and check / JSON.parse (medians of per-round
// ratios, the three timed in the same round in rotating order), so that runs on a noisy machine compare.
// CODEC_ROOT=dir measures another checkout's dist/ (main's, for a before/after); SHAPES_JSON=file
// reads the shape table from a file (`cargo run -q -p realtime-codec --example shapes > file`).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { prng } from './events.mjs';

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

const WORDS = ['the', 'bike', 'order', 'stock', 'size', 'price', 'délai', 'garçon', 'Straße', '自転車', '在庫', 'サイズ', '👍', '🚲', 'ok', 'please', 'check', 'naïve', 'über', '你好'];

/** bench/events.mjs's realistic generator, with tagged variants that are themselves tagged rows. */
export function generator(table, seed) {
  const random = prng(seed);
  const rows = new Map(table.types.map((t) => [t.name, t]));
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const ID = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const id = (prefix) => prefix + Array.from({ length: int(20, 40) - prefix.length }, () => pick(ID)).join('');
  const text = (lo, hi) => { let s = ''; while (s.length < lo) s += (s ? ' ' : '') + pick(WORDS); return s.slice(0, Math.max(lo, Math.min(hi, s.length))); };
  const audio = () => { const n = 24 * int(20, 100); const pcm = new Int16Array(n); for (let i = 0; i < n; i++) pcm[i] = Math.round(12000 * Math.sin(i / (3 + random() * 8)) * random()); return Buffer.from(pcm.buffer).toString('base64'); };
  const schema = () => pick([
    () => ({ type: 'object', properties: { query: { type: 'string', description: text(10, 60) } }, required: ['query'] }),
    () => ({ type: 'object', properties: { address: { type: 'object', properties: { city: { type: 'string' }, zip: { type: 'string' } }, required: ['city'] }, when: { type: 'string', format: 'date-time' } } }),
    () => ({ type: 'object', properties: { unit: { type: 'string', enum: ['celsius', 'fahrenheit'] }, days: { type: 'integer', minimum: 1, maximum: 14 } }, required: ['unit'] }),
    () => ({ type: 'object', properties: { items: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' }, qty: { type: 'number' } } } } } }),
  ])();
  const str = (name) => {
    if (name === 'audio' || name === 'delta_audio') return audio();
    if (name === 'event_id') return id('evt_');
    if (name === 'call_id') return id('call_');
    if (name.endsWith('id')) return id('item_');
    if (name === 'instructions') return text(50, 2000);
    if (name === 'text' || name === 'transcript' || name === 'description' || name === 'output') return text(5, 300);
    if (name === 'arguments') return JSON.stringify({ query: text(3, 40), limit: int(1, 20) });
    if (name === 'status') return pick(['completed', 'in_progress', 'incomplete']);
    if (name === 'type') return pick(['text', 'input_text', 'retention_ratio']);
    if (name === 'eagerness') return pick(['low', 'medium', 'high', 'auto']);
    if (name === 'output_modalities') return pick(['audio', 'text']);
    return text(3, 30);
  };
  const of = (ref, name) => {
    if (typeof ref === 'string') {
      switch (ref) {
        case 'string': return str(name);
        case 'bool': return random() < 0.5;
        case 'u8': return int(0, 255);
        case 'u16': return int(0, 65535);
        case 'u32': return pick([int(0, 9), int(10, 999), int(1000, 100_000)]);
        case 'f32': case 'f64': return int(0, 8000) / 8;
        case 'json': return name === 'parameters' ? schema() : { name: text(3, 20), count: int(0, 100) };
        default: throw new Error(`unknown leaf ${ref}`);
      }
    }
    if ('list' in ref) return Array.from({ length: int(0, 3) }, () => of(ref.list, name));
    if ('map' in ref) return { k: of(ref.map, name) };
    if ('literal' in ref) return ref.literal;
    return named(ref.ref, name);
  };
  const struct = (sname, tags) => {
    const row = rows.get(sname);
    if (row?.kind === 'tagged') { const v = pick(row.variants); return struct(v.struct, [...tags, [row.tag, v.value]]); }
    if (row?.kind !== 'struct') throw new Error(`${sname} is not a struct row`);
    const out = {};
    for (const [k, v] of tags) out[k] = v;
    for (const m of row.members) if (m.presence === 'required' || random() < 0.6) out[m.name] = of(m.type, m.name);
    return out;
  };
  const named = (tname, name) => {
    const row = rows.get(tname);
    switch (row?.kind) {
      case 'enum': return pick(row.values);
      case 'struct': return struct(tname, []);
      case 'tagged': { const v = pick(row.variants); return struct(v.struct, [[row.tag, v.value]]); }
      case 'untagged': return of(pick(row.alternatives), name);
      default: throw new Error(`no row ${tname}`);
    }
  };
  return {
    event(rootName, type) {
      const row = rows.get(rootName);
      const v = row.variants.find((x) => x.value === type);
      return struct(v.struct, [[row.tag, v.value]]);
    },
  };
}

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

if (process.env.NO_MAIN) { /* imported for its generator */ } else {
console.log(`seed ${seed}, ${per} events per type, ${rounds} rounds`);
for (const protocol of protocols) {
  const table = tables[protocol];
  const codec = await import(pathToFileURL(join(root, protocol === 'ga' ? 'dist/ga/node.mjs' : 'dist/node.mjs')).href);
  const gen = generator(table, seed);
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
}
