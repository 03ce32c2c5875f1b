// The timing loop bench/chromium.mjs runs inside its Chromium page (bench/chromium/page.html), the
// method bench/bench.mjs uses in Node. The workloads are loaded first, every text (and object)
// checked by the page's codec. Then, workload after workload (one event type's texts, and for
// client events the same events as objects): every contender warmed, a repetition count k found
// per contender so that one sample (k passes over all the texts) takes at least minMs, then
// `rounds` rounds, each running every contender once, in an order rotated by one each round. A
// figure is the median over the rounds, in µs per event (and the quickest round, kept beside it:
// on a loaded machine it moves far less from run to run).
//
// Contenders: client  JSON.parse, decode, check, JSON.stringify, encode
//             server  JSON.parse, decodeServerEvent, checkServerEvent
// Text out (JSON.stringify, encode) is read at its middle character: charCodeAt flattens a string
// built by concatenation, as sending it would, so a lazily concatenated result does not look free.
// What the passes read goes into `sink`, so that no pass is work the compiler may drop.

let sink = 0;
/** The fewest warm-up passes of a contender, whatever the clock says (with ~50 texts, some 1,000 calls). */
const WARM_PASSES = 20;

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/**
 * performance.now()'s step as this page sees it (Chromium coarsens it: 100 µs with jitter in a
 * page that is not cross-origin isolated, 5 µs in one that is): the smallest and the median of
 * `n` successive non-zero differences, in µs.
 */
export function timerResolution(n = 200) {
  const steps = [];
  let last = performance.now();
  const until = last + 500;
  while (steps.length < n) {
    const now = performance.now();
    if (now !== last) {
      steps.push(now - last);
      last = now;
    }
    if (now > until) break;
  }
  return { minUs: Math.min(...steps) * 1000, medianUs: median(steps) * 1000, samples: steps.length };
}

/** The passes over one workload: each runs its function once over every text (or object). */
function passes(codec, w, objects) {
  const { texts } = w;
  const all = {};
  all['JSON.parse'] = () => {
    let s = 0;
    for (const t of texts) if (JSON.parse(t) === null) s++;
    sink += s;
  };
  if (w.direction === 'client') {
    const { decode, check, encode } = codec;
    all.decode = () => {
      let s = 0;
      for (const t of texts) if (decode(t) === null) s++;
      sink += s;
    };
    all.check = () => {
      for (const t of texts) if (!check(t).ok) throw new Error(`${w.id}: check refused ${t.slice(0, 80)}`);
    };
    all['JSON.stringify'] = () => {
      let s = 0;
      for (const o of objects) {
        const text = JSON.stringify(o);
        s += text.charCodeAt(text.length >> 1);
      }
      sink += s;
    };
    all.encode = () => {
      let s = 0;
      for (const o of objects) {
        const text = encode(o);
        s += text.charCodeAt(text.length >> 1);
      }
      sink += s;
    };
  } else {
    const { decodeServerEvent, checkServerEvent } = codec;
    all.decodeServerEvent = () => {
      let s = 0;
      for (const t of texts) if (decodeServerEvent(t) === null) s++;
      sink += s;
    };
    all.checkServerEvent = () => {
      for (const t of texts) if (!checkServerEvent(t).ok) throw new Error(`${w.id}: checkServerEvent refused ${t.slice(0, 80)}`);
    };
  }
  return all;
}

/** Throws, naming the workload, unless this page's codec accepts every text (and encodes every object). */
function verify(codec, w, objects) {
  const client = w.direction === 'client';
  const safe = client ? codec.safeDecode : codec.safeDecodeServerEvent;
  w.texts.forEach((t, i) => {
    const r = safe(t);
    if (!r.ok) {
      const fn = client ? 'safeDecode' : 'safeDecodeServerEvent';
      throw new Error(`workload ${w.id}: ${fn} refused text ${i} in Chromium (${r.error.code} at ${r.error.path ?? '?'}: ${r.error.message}): ${t.slice(0, 120)}`);
    }
  });
  if (client) {
    objects.forEach((o, i) => {
      const r = codec.safeEncode(o);
      if (!r.ok) throw new Error(`workload ${w.id}: safeEncode refused object ${i} in Chromium (${r.error.code}: ${r.error.message})`);
    });
  }
}

/** The workloads loaded into the page (load), each with its objects and its passes. */
const loaded = [];

/**
 * Loads the workloads into the page, each with one entry's codec (beta or GA), and checks every
 * one of them before anything is timed: throws, naming the first workload this page's codec
 * refuses a text of (or, for client events, an object of). Gives the number loaded.
 * @param {Record<string, any>} entries the initialised entries by protocol
 * @param {{ id: string, protocol: string, direction: 'client' | 'server', texts: string[], objects?: object[] }[]} workloads
 */
export function load(entries, workloads) {
  loaded.length = 0;
  for (const w of workloads) {
    const codec = entries[w.protocol];
    if (!codec) throw new Error(`workload ${w.id}: no entry for protocol ${w.protocol}`);
    if (w.direction !== 'client' && w.direction !== 'server') throw new Error(`workload ${w.id}: direction ${w.direction}`);
    if (w.texts.length === 0) throw new Error(`workload ${w.id}: no texts`);
    const objects = w.direction === 'client' ? (w.objects ?? w.texts.map((t) => JSON.parse(t))) : [];
    if (w.direction === 'client' && objects.length !== w.texts.length) throw new Error(`workload ${w.id}: ${objects.length} objects for ${w.texts.length} texts`);
    verify(codec, w, objects);
    loaded.push({ w, entries: Object.entries(passes(codec, w, objects)) });
  }
  return loaded.length;
}

/** Runs every contender of loaded workload `i` for `ms` each, untimed (a warm-up). */
export function warm(i, ms) {
  for (const [, pass] of loaded[i].entries) {
    const t0 = performance.now();
    do pass();
    while (performance.now() - t0 < ms);
  }
}

/**
 * Warms every contender of loaded workload `i` (for `warmMs` and at least WARM_PASSES passes),
 * then finds its repetition count: k doubling from 1 until the quickest of three samples of k
 * passes takes at least `minMs`. (The quickest: on a shared machine one sample slowed by another
 * process would otherwise stop the doubling early and leave samples far shorter than minMs.)
 * @param {number} i @param {{ minMs: number, warmMs: number }} options
 */
export function calibrate(i, { minMs, warmMs }) {
  const item = loaded[i];
  item.reps = {};
  item.samples = {};
  for (const [name, pass] of item.entries) {
    const warm = performance.now();
    for (let n = 0; n < WARM_PASSES || performance.now() - warm < warmMs; n++) pass();
    let k = 1;
    for (;;) {
      let quickest = Infinity;
      for (let trial = 0; trial < 3; trial++) {
        const t0 = performance.now();
        for (let j = 0; j < k; j++) pass();
        quickest = Math.min(quickest, performance.now() - t0);
      }
      if (quickest >= minMs || k >= 1 << 20) break;
      k *= 2;
    }
    item.reps[name] = k;
  }
  return item.reps;
}

/**
 * Round `round` of loaded workload `i`: every contender once (k passes), in the order rotated by
 * `round`; each sample kept, in µs per event.
 * @param {number} i @param {number} round
 */
export function round(i, round) {
  const { w, entries, reps, samples } = loaded[i];
  const events = w.texts.length;
  for (let j = 0; j < entries.length; j++) {
    const [name, pass] = entries[(j + round) % entries.length];
    const k = reps[name];
    const t0 = performance.now();
    for (let r = 0; r < k; r++) pass();
    const t1 = performance.now();
    (samples[name] ??= []).push(((t1 - t0) * 1000) / (k * events));
  }
}

/** Loaded workload `i`'s figures: the median (and the quickest) over its rounds of each contender, µs per event. */
export function medians(i) {
  const { w, samples, reps } = loaded[i];
  const of = (f) => Object.fromEntries(Object.entries(samples).map(([name, xs]) => [name, f(xs)]));
  return { id: w.id, medians: of(median), quickest: of((xs) => Math.min(...xs)), rounds: Object.values(samples)[0]?.length ?? 0, reps, sink: sink & 1 };
}
