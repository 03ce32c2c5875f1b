#!/usr/bin/env node
// @ts-check
// Cold import (issue 12 item 5): how long a fresh Node process takes to import the package, with
// an empty module's import beside it (Node's own loader start-up, which any import pays).
//
// Each case runs in `runs` fresh `node` processes; the child times itself with performance.now()
// around `await import(file)` (or `require(file)`, or the import and a first call), so process
// start-up is not counted. The cases are interleaved (run 1 of every case, then run 2, ...; the
// order rotated each run), so that other work on the machine falls on all of them alike. Medians.
//
// Each child also reports its CPU time over the same span, beside the wall time.
//
// Used by bench/bench.mjs (coldImport); standalone, `node bench/cold-import.mjs [runs]` prints the
// medians, each run's figures with --all. `cases` picks some (the two empty modules always run).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Small events every protocol accepts: the first call's cost is the module's, not the event's.
const SMALL_CLIENT = '{"type":"input_audio_buffer.clear","event_id":"evt_1"}';
const SMALL_SERVER = '{"type":"input_audio_buffer.cleared","event_id":"evt_2"}';

/**
 * @typedef {object} Case
 * @property {string} key
 * @property {string} label
 * @property {'import' | 'require'} how
 * @property {string} file  relative to root, or '' for the empty module
 * @property {string} [call]  timed with the import; `m` is the module
 * @property {'client' | 'server'} [module]  the wasm module the call is expected to instantiate
 */
/** @type {Case[]} */
const CASES = [
  { key: 'empty', label: 'empty module (import)', how: 'import', file: '' },
  // require's baseline: no ES module loader to start, so not comparable with the import of one.
  { key: 'emptyRequire', label: 'empty module (require)', how: 'require', file: '' },
  { key: 'beta', label: 'realtime-codec: import dist/node.mjs', how: 'import', file: 'dist/node.mjs' },
  { key: 'ga', label: 'realtime-codec/ga: import dist/ga/node.mjs', how: 'import', file: 'dist/ga/node.mjs' },
  { key: 'betaRequire', label: 'realtime-codec: require dist/node.cjs', how: 'require', file: 'dist/node.cjs' },
  { key: 'gaRequire', label: 'realtime-codec/ga: require dist/ga/node.cjs', how: 'require', file: 'dist/ga/node.cjs' },
  { key: 'betaFirstClient', label: 'realtime-codec: import + first decode', how: 'import', file: 'dist/node.mjs', call: `m.decode(${JSON.stringify(SMALL_CLIENT)})`, module: 'client' },
  { key: 'betaFirstServer', label: 'realtime-codec: import + first decodeServerEvent', how: 'import', file: 'dist/node.mjs', call: `m.decodeServerEvent(${JSON.stringify(SMALL_SERVER)})`, module: 'server' },
  { key: 'gaFirstClient', label: 'realtime-codec/ga: import + first decode', how: 'import', file: 'dist/ga/node.mjs', call: `m.decode(${JSON.stringify(SMALL_CLIENT)})`, module: 'client' },
  { key: 'gaFirstServer', label: 'realtime-codec/ga: import + first decodeServerEvent', how: 'import', file: 'dist/ga/node.mjs', call: `m.decodeServerEvent(${JSON.stringify(SMALL_SERVER)})`, module: 'server' },
];

/**
 * The child's source: prints `ms cpuMs wasmBytes`: the wall time, the process's CPU time
 * (process.cpuUsage, user + system, all threads) over the same span, and the wasm memory of the
 * module the call uses (-1 without a call). @param {Case} c @param {string} path
 */
function childSource(c, path) {
  const load = c.how === 'import' ? `await import(${JSON.stringify(pathToFileURL(path).href)})` : `require(${JSON.stringify(path)})`;
  const call = c.call ? `${c.call};` : '';
  // Read after the clock stops: whether the first call instantiated its wasm module (the fast
  // path may answer without it).
  const wasm = c.module ? `m.wasmMemoryBytes(${JSON.stringify(c.module)})` : '-1';
  return `const c0 = process.cpuUsage(); const t = performance.now(); const m = ${load}; ${call} const ms = performance.now() - t; const c = process.cpuUsage(c0); console.log(ms + ' ' + (c.user + c.system) / 1000 + ' ' + ${wasm});`;
}

/** @param {number[]} xs */
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? /** @type {number} */ (s[(n - 1) / 2]) : (/** @type {number} */ (s[n / 2 - 1]) + /** @type {number} */ (s[n / 2])) / 2;
};

/**
 * Medians in ms over `runs` fresh processes per case, interleaved.
 * @param {{ root: string, runs?: number, cases?: string[] }} options  cases: keys to run (all by default; the empty modules always)
 */
export function coldImport({ root, runs = 21, cases }) {
  const dir = mkdtempSync(join(os.tmpdir(), 'realtime-codec-cold-'));
  const empty = join(dir, 'empty.mjs');
  writeFileSync(empty, 'export {};\n');
  const emptyCjs = join(dir, 'empty.cjs');
  writeFileSync(emptyCjs, 'module.exports = {};\n');
  const chosen = CASES.filter((c) => c.key === 'empty' || c.key === 'emptyRequire' || !cases || cases.includes(c.key));
  /** @type {Record<string, number[]>} */
  const times = Object.fromEntries(chosen.map((c) => [c.key, []]));
  /** @type {Record<string, number[]>} */
  const cpuTimes = Object.fromEntries(chosen.map((c) => [c.key, []]));
  /** @type {Record<string, boolean>} whether each call case's first call instantiated its wasm (every run) */
  const instantiated = {};
  const loadAtStart = os.loadavg()[0] ?? NaN;
  try {
    for (let r = 0; r < runs; r++) {
      for (let i = 0; i < chosen.length; i++) {
        const c = /** @type {Case} */ (chosen[(i + r) % chosen.length]);
        const path = c.file ? join(root, c.file) : c.how === 'require' ? emptyCjs : empty;
        const args = c.how === 'import' ? ['--input-type=module', '-e', childSource(c, path)] : ['-e', childSource(c, path)];
        const out = execFileSync(process.execPath, args, { encoding: 'utf8', cwd: dir }).trim().split(' ');
        const ms = Number(out[0]);
        if (!Number.isFinite(ms)) throw new Error(`cold import: ${c.key} printed ${JSON.stringify(out.join(' '))}`);
        /** @type {number[]} */ (times[c.key]).push(ms);
        /** @type {number[]} */ (cpuTimes[c.key]).push(Number(out[1]));
        if (c.module) instantiated[c.key] = (instantiated[c.key] ?? true) && Number(out[2]) > 0;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const loadAtEnd = os.loadavg()[0] ?? NaN;
  /** @type {Record<string, number>} */
  const medians = Object.fromEntries(chosen.map((c) => [c.key, median(/** @type {number[]} */ (times[c.key]))]));
  // CPU time is less sensitive than wall time to other work on the machine (a descheduled child
  // waits without counting), but counts Node's and V8's helper threads.
  /** @type {Record<string, number>} */
  const cpuMedians = Object.fromEntries(chosen.map((c) => [c.key, median(/** @type {number[]} */ (cpuTimes[c.key]))]));
  /** @type {[string, number][]} */
  const rows = chosen.map((c) => [c.label, /** @type {number} */ (medians[c.key])]);
  return {
    runs,
    empty: /** @type {number} */ (medians.empty),
    beta: medians.beta ?? NaN,
    ga: medians.ga ?? NaN,
    medians,
    cpuMedians,
    times,
    cpuTimes,
    instantiated,
    // The 1-minute load average when the runs started and ended (2 cores: above ~1, other work competes).
    loadAvg: { start: loadAtStart, end: loadAtEnd },
    rows,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 21);
  const r = coldImport({ root, runs });
  console.log(`cold import, median of ${r.runs} fresh Node ${process.version} processes per case, interleaved; 1-min load average ${r.loadAvg.start.toFixed(2)} at start, ${r.loadAvg.end.toFixed(2)} at end (${os.cpus().length} cores)`);
  const width = Math.max(...r.rows.map(([k]) => k.length));
  for (const c of CASES) {
    const ms = r.medians[c.key];
    if (ms === undefined) continue;
    const base = c.how === 'require' ? /** @type {number} */ (r.medians.emptyRequire) : r.empty;
    const extra = !c.file ? '' : ` (${(ms - base).toFixed(2)} ms over the empty module's ${c.how}${c.module ? `; ${r.instantiated[c.key] ? 'instantiated' : 'did not instantiate'} the ${c.module} wasm` : ''})`;
    console.log(`  ${c.label.padEnd(width)}  ${ms.toFixed(2).padStart(6)} ms  (CPU ${/** @type {number} */ (r.cpuMedians[c.key]).toFixed(2)} ms)${extra}`);
    if (process.argv.includes('--all')) console.log(`    ${/** @type {number[]} */ (r.times[c.key]).map((t) => t.toFixed(2)).join(' ')}`);
  }
}
