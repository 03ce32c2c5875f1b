#!/usr/bin/env node
// The per-type tables of `npm run bench` measured in Chromium (issue 12, item 6): Debian's
// /usr/bin/chromium (or CHROMIUM_PATH), headless, through playwright-core as the browser tests
// drive it (test/browser/harness.ts: same flags, the repository served on 127.0.0.1 by
// test/support/static-server.mjs). One page (bench/chromium/page.html) imports both browser
// entries, dist/browser.mjs and dist/ga/browser.mjs, and init()s them; the timing runs inside the
// page (bench/chromium/runner.js), workload by workload, by the method bench/bench.mjs uses in
// Node: warm-up, a repetition count per contender so that one sample takes at least 2 ms, then
// `rounds` rounds with the contenders in a rotated order, the median over rounds in µs per event
// (`results`; `quickest` has the quickest round's figures, which on a machine shared with other
// work move far less from run to run than the medians do).
// Before anything is timed, every text must be accepted by the page's codec (safeDecode /
// safeDecodeServerEvent), and for client workloads every object encodable (safeEncode), or the
// run throws naming the workload.
//
// The page is made cross-origin isolated (COOP/COEP headers added as it is served), which is what
// gives performance.now() its 5 µs step in Chromium instead of a jittered 100 µs; the step the
// page saw is measured and returned (`timer`), and the minimum sample time is raised if it is
// coarse (at least 20 steps).
//
// Standalone: `node bench/chromium.mjs [--seed N] [--per 50] [--rounds 15] [--protocol beta|ga]
// [--min-ms 2] [--quickest] [--json FILE]` draws `per` events per client and server event type of
// both protocols (bench/events.mjs, from the crate's shape tables), keeps those the Node build
// accepts (decodes, and for client events encodes), and prints a table per protocol and
// direction of the medians (--quickest: of the quickest rounds), Chromium only: bench/bench.mjs
// sets Node's beside it. --json writes what chromiumTables returned.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium as playwright } from 'playwright-core';
import { serve } from '../test/support/static-server.mjs';

/** @typedef {{ id: string, protocol: 'beta' | 'ga', direction: 'client' | 'server', texts: string[], objects?: object[] }} ChromiumWorkload */

/** The contenders timed for each direction, as keys of a workload's results. */
export const CONTENDERS = {
  client: ['JSON.parse', 'decode', 'check', 'JSON.stringify', 'encode'],
  server: ['JSON.parse', 'decodeServerEvent', 'checkServerEvent'],
};

/** The Chromium the browser tests use: CHROMIUM_PATH or Debian's /usr/bin/chromium. */
function chromiumPath() {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(
      `bench/chromium.mjs: no Chromium at ${path}: run \`bash scripts/lib/setup-test.sh\` (or \`bash scripts/setup.sh test\`), which installs Debian's chromium, or set CHROMIUM_PATH`,
    );
  }
  return path;
}

/** @param {ChromiumWorkload[]} workloads */
function validate(workloads) {
  if (!Array.isArray(workloads)) throw new Error('chromiumTables: workloads must be an array');
  const ids = new Set();
  for (const w of workloads) {
    if (typeof w?.id !== 'string') throw new Error(`chromiumTables: a workload without an id: ${JSON.stringify(w)?.slice(0, 80)}`);
    if (ids.has(w.id)) throw new Error(`chromiumTables: workload id ${w.id} given twice`);
    ids.add(w.id);
    if (w.protocol !== 'beta' && w.protocol !== 'ga') throw new Error(`chromiumTables: workload ${w.id}: protocol ${w.protocol}`);
    if (w.direction !== 'client' && w.direction !== 'server') throw new Error(`chromiumTables: workload ${w.id}: direction ${w.direction}`);
    if (!Array.isArray(w.texts) || w.texts.length === 0) throw new Error(`chromiumTables: workload ${w.id}: no texts`);
    if (w.objects !== undefined && (w.direction !== 'client' || w.objects.length !== w.texts.length)) {
      throw new Error(`chromiumTables: workload ${w.id}: objects must be one per text, for client workloads`);
    }
  }
}

/**
 * Times every workload in one Chromium page and closes the browser.
 * @param {{ root: string, workloads: ChromiumWorkload[], rounds?: number, minMs?: number, warmMs?: number, progress?: (line: string) => void }} options
 *   root: the repository (dist/ is served from it); minMs: the least time of one sample (raised
 *   to 20 timer steps if the page's timer is coarser); warmMs: warm-up per contender and workload.
 * @returns {Promise<{ chromium: string, timer: { minUs: number, medianUs: number, crossOriginIsolated: boolean, minMs: number }, results: Record<string, Record<string, number>>, quickest: Record<string, Record<string, number>> }>}
 *   results: per workload id, the median µs per event of each contender (CONTENDERS) over the
 *   rounds; quickest: the same with the quickest round instead of the median.
 */
export async function chromiumTables({ root, workloads, rounds = 15, minMs = 2, warmMs = 10, progress }) {
  validate(workloads);
  const executablePath = chromiumPath();
  for (const file of ['dist/browser.mjs', 'dist/ga/browser.mjs']) {
    if (!existsSync(join(root, file))) throw new Error(`bench/chromium.mjs: no ${file} under ${root}: run \`bash scripts/build-all.sh\``);
  }
  const server = await serve(root);
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  try {
    browser = await playwright.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const chromiumVersion = `Chromium ${browser.version()} (headless)`;
    const page = await browser.newPage();
    /** @type {string[]} */
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    // Cross-origin isolation, for performance.now()'s fine step: every response of the page's
    // origin gets COOP/COEP (the page loads nothing from elsewhere).
    await page.route(`${server.url}/**`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
      });
    });
    await page.goto(`${server.url}/bench/chromium/page.html`);
    await page.waitForFunction(() => /** @type {any} */ (window).pageReady === true);
    const setup = await page.evaluate(() => {
      const w = /** @type {any} */ (window);
      return w.benchError ? { error: /** @type {string} */ (w.benchError) } : { ready: /** @type {boolean[]} */ (w.bench.ready), isolated: /** @type {boolean} */ (w.bench.isolated), timer: w.bench.timerResolution() };
    });
    if ('error' in setup) throw new Error(`bench/chromium.mjs: the page could not init() the browser build: ${setup.error}`);
    if (problems.length > 0) throw new Error(`bench/chromium.mjs: the page failed: ${problems.join('; ')}`);
    if (!setup.ready.every(Boolean)) throw new Error(`bench/chromium.mjs: after init(), beta client/server, GA client/server ready: ${setup.ready.join(', ')}`);
    const sampleMs = Math.max(minMs, (20 * setup.timer.medianUs) / 1000);
    progress?.(`${chromiumVersion}: page ${setup.isolated ? '' : 'not '}cross-origin isolated, performance.now() step ${setup.timer.minUs.toFixed(1)} µs (median ${setup.timer.medianUs.toFixed(1)} µs), samples ≥ ${sampleMs.toFixed(1)} ms`);
    // Every workload into the page, every text checked there before anything is timed.
    const list = workloads.map((w) => ({ id: w.id, protocol: w.protocol, direction: w.direction, texts: w.texts, ...(w.objects ? { objects: w.objects } : {}) }));
    await page.evaluate((l) => /** @type {any} */ (window).bench.load(l), list);
    // A first warm-up of each protocol and direction's code (the codec's JavaScript and the
    // wasm calls) on its first workload, so that the first workload timed is not the one that
    // pays for compilation.
    /** @type {Set<string>} */
    const seen = new Set();
    for (const [i, w] of workloads.entries()) {
      if (seen.has(`${w.protocol} ${w.direction}`)) continue;
      seen.add(`${w.protocol} ${w.direction}`);
      await page.evaluate(([j, ms]) => /** @type {any} */ (window).bench.warm(j, ms), [i, 10 * warmMs]);
    }
    const options = { minMs: sampleMs, warmMs };
    // Workload after workload, as bench/bench.mjs does in Node: warm-up and repetition counts,
    // then its rounds one after another.
    for (const [i] of workloads.entries()) {
      await page.evaluate(([j, o, n]) => {
        const bench = /** @type {any} */ (window).bench;
        bench.calibrate(j, o);
        for (let r = 0; r < n; r++) bench.round(j, r);
      }, /** @type {const} */ ([i, options, rounds]));
      if ((i + 1) % 10 === 0 || i + 1 === workloads.length) progress?.(`  ${i + 1}/${workloads.length} workloads timed`);
    }
    /** @type {Record<string, Record<string, number>>} */
    const results = {};
    /** @type {Record<string, Record<string, number>>} */
    const quickest = {};
    for (const [i, w] of workloads.entries()) {
      const r = await page.evaluate((j) => /** @type {any} */ (window).bench.medians(j), i);
      if (r.id !== w.id || r.rounds !== rounds) throw new Error(`bench/chromium.mjs: the page has ${r.rounds} rounds of ${r.id} for ${w.id}`);
      results[w.id] = r.medians;
      quickest[w.id] = r.quickest;
    }
    if (problems.length > 0) throw new Error(`bench/chromium.mjs: the page failed: ${problems.join('; ')}`);
    return { chromium: chromiumVersion, timer: { ...setup.timer, crossOriginIsolated: setup.isolated, minMs: sampleMs }, results, quickest };
  } finally {
    await browser?.close();
    await server.close();
  }
}

// --- standalone
/** Both protocols' shape tables (`cargo run --example shapes`, as bench/server-events.mjs reads them). @param {string} root */
async function shapeTables(root) {
  const events = await import('./server-events.mjs');
  /** @type {any} */
  const mod = events;
  if (typeof mod.shapeTables === 'function') return mod.shapeTables(root);
  // shapeTable(root) gives the beta table only; the example prints both.
  const out = execFileSync('cargo', ['run', '-q', '--locked', '-p', 'realtime-codec', '--example', 'shapes'], { cwd: root, encoding: 'utf8' });
  const { beta, ga } = JSON.parse(out);
  return { beta, ga };
}

async function main() {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const argv = process.argv.slice(2);
  const arg = (/** @type {string} */ k, /** @type {string} */ d) => {
    const i = argv.indexOf(k);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : d;
  };
  if (argv.includes('--help')) {
    console.log('node bench/chromium.mjs [--seed N] [--per 50] [--rounds 15] [--protocol beta|ga|both] [--min-ms 2] [--quickest] [--json FILE]');
    return;
  }
  const seed = Number(arg('--seed', '1')) >>> 0;
  const per = Number(arg('--per', '50'));
  const rounds = Number(arg('--rounds', '15'));
  const only = arg('--protocol', 'both');
  const minMs = Number(arg('--min-ms', '2'));
  const started = performance.now();
  const { realisticGenerator } = await import('./events.mjs');
  const tables = await shapeTables(root);
  const codecs = {
    beta: await import(pathToFileURL(join(root, 'dist/node.mjs')).href),
    ga: await import(pathToFileURL(join(root, 'dist/ga/node.mjs')).href),
  };
  /** @type {(ChromiumWorkload & { type: string, drawn: number })[]} */
  const workloads = [];
  const protocols = /** @type {('beta' | 'ga')[]} */ (only === 'both' ? ['beta', 'ga'] : [only]);
  for (const p of protocols) {
    const table = /** @type {any} */ (tables)[p];
    if (!table) throw new Error(`no ${p} shape table`);
    const codec = codecs[p];
    const gen = realisticGenerator(table, seed + (p === 'ga' ? 1 : 0));
    for (const d of /** @type {const} */ (['client', 'server'])) {
      const rootName = d === 'client' ? table.client : table.server;
      const types = table.types.find((/** @type {any} */ t) => t.name === rootName).variants.map((/** @type {any} */ v) => v.value);
      for (const type of types) {
        const texts = [];
        const objects = [];
        for (let i = 0; i < per; i++) {
          const event = gen.event(rootName, type);
          const text = JSON.stringify(event);
          const ok = d === 'client' ? codec.safeDecode(text).ok && codec.safeEncode(event).ok : codec.safeDecodeServerEvent(text).ok;
          if (!ok) continue;
          texts.push(text);
          objects.push(event);
        }
        if (texts.length === 0) {
          console.log(`${p} ${d} ${type}: none of ${per} drawn events accepted by the Node build; left out`);
          continue;
        }
        workloads.push({ id: `${p} ${d} ${type}`, protocol: p, direction: d, type, drawn: per, texts, ...(d === 'client' ? { objects } : {}) });
      }
    }
  }
  const count = (/** @type {string} */ p, /** @type {string} */ d) => workloads.filter((w) => w.protocol === p && w.direction === d).length;
  console.log(`seed ${seed}, ${per} events drawn per type, samples of at least ${minMs} ms; workloads: ${protocols.map((p) => `${p} ${count(p, 'client')} client + ${count(p, 'server')} server`).join(', ')}`);
  const t0 = performance.now();
  const out = await chromiumTables({ root, workloads, rounds, minMs, progress: (line) => console.log(line) });
  const timedS = (performance.now() - t0) / 1000;
  const json = arg('--json', '');
  if (json) writeFileSync(json, JSON.stringify({ seed, per, rounds, minMs, ...out }, null, 1));
  const fmt = (/** @type {number | undefined} */ x) => (x === undefined || !Number.isFinite(x) ? '–' : x < 10 ? x.toFixed(2) : x.toFixed(1));
  const cell = (/** @type {Record<string, number>} */ m, /** @type {string} */ k, /** @type {string} */ base) => `${fmt(m[k])} (${((m[k] ?? NaN) / (m[base] ?? NaN)).toFixed(2)}x)`;
  const figures = argv.includes('--quickest') ? out.quickest : out.results;
  const what = argv.includes('--quickest') ? 'quickest round' : 'median';
  for (const p of protocols) {
    for (const d of /** @type {const} */ (['client', 'server'])) {
      const rows = workloads.filter((w) => w.protocol === p && w.direction === d);
      if (rows.length === 0) continue;
      const client = d === 'client';
      const header = [`${p} ${d} type`, 'events', 'JSON.parse µs', `${client ? 'decode' : 'decodeServerEvent'} µs`, client ? 'check µs' : 'checkServerEvent µs', ...(client ? ['JSON.stringify µs', 'encode µs'] : [])];
      console.log(`\n### ${out.chromium}: ${p} ${d} events, ${what} µs per event over ${rounds} rounds (ratio to JSON.parse${client ? ' / JSON.stringify' : ''})\n`);
      console.log(`| ${header.join(' | ')} |\n|${header.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`);
      for (const w of rows) {
        const m = figures[w.id] ?? {};
        const cells = client
          ? [fmt(m['JSON.parse']), cell(m, 'decode', 'JSON.parse'), cell(m, 'check', 'JSON.parse'), fmt(m['JSON.stringify']), cell(m, 'encode', 'JSON.stringify')]
          : [fmt(m['JSON.parse']), cell(m, 'decodeServerEvent', 'JSON.parse'), cell(m, 'checkServerEvent', 'JSON.parse')];
        console.log(`| \`${w.type}\` | ${w.texts.length}/${w.drawn} | ${cells.join(' | ')} |`);
      }
    }
  }
  const t = out.timer;
  console.log(`\ntimer: performance.now() step ${t.minUs.toFixed(1)} µs (median ${t.medianUs.toFixed(1)} µs), cross-origin isolated: ${t.crossOriginIsolated}, samples ≥ ${t.minMs.toFixed(1)} ms`);
  console.log(`Chromium timing ${timedS.toFixed(0)} s; whole run ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
