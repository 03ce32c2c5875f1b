// What bench/decode-profile.mjs and bench/encode-profile.mjs share: their options and shape
// tables, and their timing method (functions compared with a baseline timed in the same rounds,
// so that runs on a noisy machine compare).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * The options both take (--seed, --per, --rounds, --protocol, --only; `arg` reads any other) and
 * both protocols' shape tables: SHAPES_JSON's file, or `cargo run --example shapes` in `root`.
 * @param {string} root
 */
export function profileOptions(root) {
  const argv = process.argv;
  const arg = (/** @type {string} */ k, /** @type {any} */ d) => { const i = argv.indexOf(k); return i > 0 ? argv[i + 1] : d; };
  const tables = JSON.parse(process.env.SHAPES_JSON ? readFileSync(process.env.SHAPES_JSON, 'utf8')
    : execFileSync('cargo', ['run', '-q', '--locked', '-p', 'realtime-codec', '--example', 'shapes'], { cwd: root, encoding: 'utf8' }));
  return {
    arg,
    seed: Number(arg('--seed', (Date.now() % 1e9) >>> 0)),
    per: Number(arg('--per', 50)),
    rounds: Number(arg('--rounds', 31)),
    protocols: arg('--protocol', 'both') === 'both' ? ['beta', 'ga'] : [arg('--protocol')],
    only: /** @type {string | undefined} */ (arg('--only', undefined)),
    tables,
  };
}

/** The median of `xs` (the upper one of an even count). @param {number[]} xs */
export const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];

/**
 * Per round: each function over all `inputs`, 10 times, in an order rotated by one each round;
 * the ratio of each to the first (the baseline) per round. Returns the baseline's median µs per
 * input, then each other function's median ratio.
 * @param {((x: any) => unknown)[]} fns @param {unknown[]} inputs @param {number} rounds
 */
export function roundRatios(fns, inputs, rounds) {
  const out = fns.map(() => /** @type {number[]} */ ([]));
  const us = [];
  for (let r = 0; r < rounds; r++) {
    const ts = [];
    for (let j = 0; j < fns.length; j++) {
      const fn = fns[(j + r) % fns.length];
      const t0 = performance.now();
      for (let k = 0; k < 10; k++) for (const x of inputs) fn(x);
      ts[(j + r) % fns.length] = performance.now() - t0;
    }
    for (let j = 0; j < fns.length; j++) out[j].push(ts[j] / ts[0]);
    us.push((ts[0] * 100) / inputs.length); // µs per input for the baseline
  }
  return [median(us), ...out.slice(1).map(median)];
}
