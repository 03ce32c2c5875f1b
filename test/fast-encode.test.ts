// encode's fast path (ts/fast-encode.ts) against the Rust path: canonicalize(toJsonText(event)),
// always WebAssembly. The fast path may decline any event (undefined: encode asks Rust); whenever
// it answers, the Rust path must accept the same object and write the same text, byte for byte.
// Objects: every client vector's valid event, generated events, and mutations of both aimed at
// what JSON.stringify does with objects (extra and undefined members, getters, prototypes,
// classes, toJSON, holes, -0, floats that are not f32, unsafe integers, NaN, BigInt, cycles,
// frozen and null-prototype objects, Proxies). Also checks that ordinary events of every client
// type do take the fast path, and that encode's errors are unchanged. Every case runs in both of
// the fast path's modes (generated functions, and the interpreter behind them), and each answer
// is compared with the other mode's too: both write the same text, or both decline.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileFastEncoder, type EncoderMode } from '../ts/fast-encode.js';
import { GA_FAST_CLIENT } from '../ts/ga/shapes.js';
import { toJsonText } from '../ts/guards.js';
import { BETA } from '../ts/shapes.js';
import { clientEvents, text as anyText, u32 } from './arbitraries.js';
import { codec, gaCodec, loadVectors } from './helpers.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 400);
const DEPTH = 127;
const BYTES = 32 * 1024 * 1024;

type Answer = { ok: true; text: string } | { ok: false; code: string; path: string };

/** The Rust path, as encode took it before the fast path. */
function rust(event: unknown, depth = DEPTH, bytes = BYTES): Answer {
  try {
    return { ok: true, text: codec.canonicalize(toJsonText(event), { maxDepth: depth, maxInputBytes: bytes }) };
  } catch (error) {
    // toJsonText's errors are ts/errors.ts's class, the bridge's dist's: both have code and path.
    if (!(error instanceof Error) || !('code' in error) || !('path' in error)) throw error;
    return { ok: false, code: String(error.code), path: String(error.path) };
  }
}

function viaEncode(event: unknown, depth = DEPTH, bytes = BYTES): Answer {
  try {
    return { ok: true, text: codec.encode(event as never, { maxDepth: depth, maxInputBytes: bytes }) };
  } catch (error) {
    // toJsonText's errors are ts/errors.ts's class, the bridge's dist's: both have code and path.
    if (!(error instanceof Error) || !('code' in error) || !('path' in error)) throw error;
    return { ok: false, code: String(error.code), path: String(error.path) };
  }
}

type Encoder = ReturnType<typeof compileFastEncoder>;
const MODES: readonly EncoderMode[] = ['generated', 'interpreted'];
const otherMode = (m: EncoderMode): EncoderMode => (m === 'generated' ? 'interpreted' : 'generated');
const betaEncoders: Record<EncoderMode, Encoder> = {
  generated: compileFastEncoder(BETA.types, BETA.client, 'generated'),
  interpreted: compileFastEncoder(BETA.types, BETA.client, 'interpreted'),
};
/** The mode the running describe block tests (set by its beforeAll). */
let mode: EncoderMode = 'generated';
const fastEncode: Encoder = (event, depth, bytes) => betaEncoders[mode](event, depth, bytes);

/**
 * Whether the fast path answered; fails the test if its answer differs from Rust's, or from the
 * other mode's. `again`: a fresh copy for the other reads (a getter that changes between reads
 * starts over).
 */
function agrees(event: unknown, depth = DEPTH, bytes = BYTES, again?: () => unknown, encoders = betaEncoders, rustPath = rust): boolean {
  const fast = encoders[mode](event, depth, bytes);
  expect(encoders[otherMode(mode)](again ? again() : event, depth, bytes)).toBe(fast);
  if (fast === undefined) return false;
  expect(rustPath(again ? again() : event, depth, bytes)).toEqual({ ok: true, text: fast });
  return true;
}

const clientVectors = loadVectors('client').filter((v) => 'canonical' in v.expect);
const TYPES = (() => {
  const root = BETA.types[BETA.client];
  if (root?.kind !== 'tagged') throw new Error('the client root is tagged');
  return root.variants.map((v) => v.value);
})();

// Ordinary leaves: what producers send.
const decimal = fc.integer({ min: -99999, max: 99999 }).chain((m) => fc.integer({ min: 0, max: 3 }).map((k) => Number((m / 10 ** k).toFixed(k))));
const ordinary = {
  text: fc.stringMatching(/^[a-zA-Z0-9 _.,!?-]{0,24}$/),
  u32: fc.integer({ min: 0, max: 100000 }),
  f32: fc.constantFrom(0.5, 0.8, 1, 0.25, 0.7, 24000),
  integer: fc.integer({ min: -1000, max: 1000 }),
  key: fc.stringMatching(/^[a-z_]{1,10}$/),
};
const edges = {
  text: fc.oneof(anyText, fc.constantFrom('', 'a"b', 'back\\slash', 'line\nbreak', '\u0001', '\u007f', '\u2028', '\uD800', 'a\uDC00', '\u{1F600}')),
  u32: fc.oneof(u32, fc.constantFrom(0, -0, 4294967295, 4294967296, 0.5)),
  f32: fc.oneof(fc.float({ noNaN: true, noDefaultInfinity: true }), decimal, fc.constantFrom(0, -0, 0.1, 1e-50, 3.4e39, 1e-5, 999999, 1e6, 0.1234567, 0.30000000000000004)),
  integer: fc.oneof(fc.integer(), fc.constantFrom(2 ** 53 + 1, 2 ** 53 - 1, -0, 1e21), fc.maxSafeInteger()),
  float: fc.oneof(decimal, fc.double({ noNaN: true, noDefaultInfinity: true })),
  key: fc.oneof(fc.string(), fc.constantFrom('a', 'b', '10', '9', 'é', '\uE000', '\u{1F600}', '\uD800', '__proto__', 'x"y')),
};

/** Every object and array inside `v` (the root included), depth first. */
function containers(v: unknown, out: object[] = []): object[] {
  if (v !== null && typeof v === 'object') {
    out.push(v);
    for (const x of Object.values(v)) containers(x, out);
  }
  return out;
}

class Thing {
  constructor(fields: object) {
    Object.assign(this, fields);
  }
}

/** Object mutations: each changes what JSON.stringify or serde sees in some way, or not at all. */
const MUTATIONS: Record<string, (o: Record<string, unknown> | unknown[], key: string) => unknown> = {
  extraString: (o) => ((o as Record<string, unknown>).zz_extra = 'x'),
  extraNumber: (o) => ((o as Record<string, unknown>).zz_extra = 0.1),
  extraNull: (o) => ((o as Record<string, unknown>).zz_extra = null),
  extraObject: (o) => ((o as Record<string, unknown>).zz_extra = { a: 1 }),
  extraNaN: (o) => ((o as Record<string, unknown>).zz_extra = NaN),
  extraBigInt: (o) => ((o as Record<string, unknown>).zz_extra = 1n),
  undefinedMember: (o, k) => ((o as Record<string, unknown>)[k] = undefined),
  nullMember: (o, k) => ((o as Record<string, unknown>)[k] = null),
  deleteMember: (o, k) => delete (o as Record<string, unknown>)[k],
  negativeZero: (o, k) => ((o as Record<string, unknown>)[k] = -0),
  tiny: (o, k) => ((o as Record<string, unknown>)[k] = 1e-50),
  huge: (o, k) => ((o as Record<string, unknown>)[k] = 3.4e39),
  notF32: (o, k) => ((o as Record<string, unknown>)[k] = 0.1),
  long: (o, k) => ((o as Record<string, unknown>)[k] = 0.30000000000000004),
  unsafeInteger: (o, k) => ((o as Record<string, unknown>)[k] = 2 ** 53 + 1),
  nan: (o, k) => ((o as Record<string, unknown>)[k] = NaN),
  infinity: (o, k) => ((o as Record<string, unknown>)[k] = -Infinity),
  bigint: (o, k) => ((o as Record<string, unknown>)[k] = 7n),
  symbol: (o, k) => ((o as Record<string, unknown>)[k] = Symbol('s')),
  fn: (o, k) => ((o as Record<string, unknown>)[k] = () => 1),
  loneSurrogate: (o, k) => ((o as Record<string, unknown>)[k] = 'a\uD800'),
  cycle: (o, k) => ((o as Record<string, unknown>)[k] = o),
  getter: (o, k) => {
    const value = (o as Record<string, unknown>)[k];
    Object.defineProperty(o, k, { get: () => value, enumerable: true, configurable: true });
  },
  changingGetter: (o, k) => {
    const value = (o as Record<string, unknown>)[k];
    let n = 0;
    Object.defineProperty(o, k, { get: () => (n++ % 2 === 0 ? value : typeof value === 'string' ? `${value}!` : 12345), enumerable: true, configurable: true });
  },
  throwingGetter: (o, k) => Object.defineProperty(o, k, { get: () => { throw new Error('no'); }, enumerable: true, configurable: true }),
  hidden: (o, k) => Object.defineProperty(o, k, { value: (o as Record<string, unknown>)[k], enumerable: false, configurable: true }),
  inherited: (o, k) => {
    const value = (o as Record<string, unknown>)[k];
    delete (o as Record<string, unknown>)[k];
    Object.setPrototypeOf(o, { [k]: value });
  },
  nullPrototype: (o) => Object.setPrototypeOf(o, null),
  classInstance: (o) => Object.setPrototypeOf(o, Thing.prototype),
  toJSON: (o) => Object.defineProperty(o, 'toJSON', { value: () => ({ type: 'response.cancel' }), enumerable: false }),
  ownToJSON: (o) => ((o as Record<string, unknown>).toJSON = () => 'x'),
  frozen: (o) => Object.freeze(o),
  hole: (o) => {
    if (Array.isArray(o)) o.length += 1;
  },
  undefinedElement: (o) => {
    if (Array.isArray(o)) o.push(undefined);
  },
  symbolKey: (o) => ((o as Record<symbol, unknown>)[Symbol('k')] = 1),
  // Members out of declaration order: the generated functions hand these to the interpreter.
  reversed: (o) => reorder(o, (keys) => keys.reverse()),
  rotated: (o) => reorder(o, (keys) => [...keys.slice(1), ...keys.slice(0, 1)]),
};

/** `o`'s own members put back in the order `order` gives their keys (arrays: unchanged). */
function reorder(o: Record<string, unknown> | unknown[], order: (keys: string[]) => string[]): void {
  if (Array.isArray(o)) return;
  const values = new Map(Object.entries(o));
  for (const key of values.keys()) delete o[key];
  for (const key of order([...values.keys()])) o[key] = values.get(key);
}

/** A deep copy of `event` with mutation `name` applied to its `at`-th container, on its `k`-th member. */
function mutated(event: unknown, name: string, at: number, k: number): unknown {
  const copy = structuredClone(event);
  const all = containers(copy);
  const o = all[at % all.length] as Record<string, unknown>;
  const keys = Object.keys(o);
  const key = keys.length > 0 ? (keys[k % keys.length] as string) : 'type';
  (MUTATIONS[name] as (o: Record<string, unknown>, key: string) => unknown)(o, key);
  return copy;
}

/** A Proxy that passes everything through (JSON.stringify sees the target's members). */
function proxied(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  const inner = Array.isArray(v) ? v.map(proxied) : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, proxied(x)]));
  return new Proxy(inner, {});
}

for (const m of MODES)
describe(`encode fast path (${m}) against the Rust path`, () => {
  beforeAll(() => {
    mode = m;
  });

  it('answers every valid client vector event alike, and answers most of them', () => {
    let answered = 0;
    const answeredTypes = new Set<string>();
    for (const v of clientVectors) {
      const event = JSON.parse(v.input) as { type: string };
      if (agrees(event) && typeof event.type === 'string') {
        answered++;
        answeredTypes.add(event.type);
      }
    }
    expect(answered).toBeGreaterThan(clientVectors.length / 2);
    const vectorTypes = new Set(clientVectors.map((v) => (JSON.parse(v.input) as { type: unknown }).type).filter((t) => typeof t === 'string'));
    expect([...vectorTypes].filter((t) => !answeredTypes.has(t))).toEqual([]);
  });

  it('answers ordinary events of every client type (coverage)', () => {
    const byType = new Map<string, number>(TYPES.map((t) => [t, 0]));
    fc.assert(
      fc.property(clientEvents(ordinary), (event) => {
        if (agrees(event)) byType.set(event.type as string, (byType.get(event.type as string) ?? 0) + 1);
      }),
      { numRuns: Math.max(RUNS, 2000) },
    );
    expect([...byType].filter(([, n]) => n === 0).map(([t]) => t)).toEqual([]);
  });

  it('agrees on generated events with edge leaves', () => {
    fc.assert(fc.property(clientEvents(edges), (event) => void agrees(event)), { numRuns: RUNS });
  });

  it('agrees on mutated objects', () => {
    const names = Object.keys(MUTATIONS);
    const seeds = [...clientVectors.map((v) => JSON.parse(v.input) as unknown)];
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...seeds), clientEvents(ordinary)), fc.constantFrom(...names), fc.nat(), fc.nat(), (event, name, at, k) => {
        // A fresh copy per call: a changing getter starts over for each.
        const copy = () => mutated(event, name, at, k);
        agrees(copy(), DEPTH, BYTES, copy);
        // encode as a whole keeps its answer, errors included (code and path; a getter that
        // throws is the Rust path's invalid_value). Not a changing getter: when the fast path
        // declines, the Rust path reads it once more (the fast path's own reading is compared above).
        if (name !== 'changingGetter') expect(viaEncode(copy())).toEqual(rust(copy()));
      }),
      { numRuns: RUNS * 4 },
    );
  });

  it('writes every character as serde does, in short and long strings, members, Values and keys', () => {
    // Strings up to 256 units that need no escape are quoted as they are, after a test for the
    // characters JSON.stringify escapes; longer ones are JSON.stringify's. Each character below
    // 0x80 and a few above, alone and at the end of strings around that length.
    const chars = [...Array.from({ length: 0x80 }, (_, c) => String.fromCharCode(c)), 'é', '\u2028', '\uFFFF', '\u{1F600}'];
    for (const length of [1, 2, 255, 256, 257, 300]) {
      for (const c of chars) {
        const s = 'a'.repeat(Math.max(0, length - c.length)) + c;
        const item = { type: 'message', role: 'user', content: [{ type: 'input_text', text: s }] };
        expect(agrees({ type: 'conversation.item.create', event_id: s, item })).toBe(true);
        const parameters = { [s]: s, b: [s, { [`k${s}`]: s }] };
        expect(agrees({ type: 'session.update', session: { instructions: s, tools: [{ type: 'function', name: s, description: s, parameters }] } })).toBe(true);
      }
      // A lone surrogate anywhere (a member, a Value string, a Value key): declined, and Rust refuses it.
      for (const lone of ['\uD800', '\uDC00', '\uDBFFa', '\uDC00\uD800']) {
        const s = 'a'.repeat(Math.max(0, length - lone.length)) + lone;
        const tool = (parameters: unknown) => ({ type: 'session.update', session: { tools: [{ type: 'function', name: 'f', description: 'd', parameters }] } });
        for (const event of [{ type: 'response.cancel', event_id: s }, tool({ a: s }), tool({ [s]: 1 }), tool({ a: { [s]: 1 } })]) {
          expect(fastEncode(event, DEPTH, BYTES)).toBeUndefined();
          expect(viaEncode(event)).toEqual(rust(event));
        }
      }
    }
  });

  it('sorts Value keys as serde_json does, small and large objects, in any order', () => {
    // Up to 16 keys: sorted by insertion; more: by Array.prototype.sort.
    const pool = ['a', 'b', 'ab', 'B', '10', '9', '1', '_', 'é', 'z', '\uE000', '\u{1F600}', '\uFFFF', '__proto__', 'x"y', ''];
    const more = Array.from({ length: 40 }, (_, i) => `k${(i * 7919) % 40}`);
    fc.assert(
      fc.property(fc.shuffledSubarray([...pool, ...more]), fc.boolean(), (keys, nested) => {
        const o: Record<string, unknown> = {};
        for (const [i, k] of keys.entries()) Object.defineProperty(o, k, { value: nested && i % 3 === 0 ? { [k]: i, a: [i] } : i, enumerable: true, configurable: true, writable: true });
        const event = { type: 'session.update', session: { tools: [{ type: 'function', name: 'f', description: 'd', parameters: o }] } };
        expect(agrees(event)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('the plain append writes exactly the members JSON.stringify writes (E16)', () => {
    // A member that is read but not enumerable is not written by JSON.stringify: with another
    // member in its place, the key count is the plain layout's, the members are not.
    const hidden = (o: Record<string, unknown>, key: string, value: unknown) => Object.defineProperty(o, key, { value, enumerable: false });
    const cases = [
      hidden({ x_unknown: { a: [1] }, audio: 'AA==' }, 'type', 'input_audio_buffer.append'),
      hidden({ type: 'input_audio_buffer.append', x_unknown: 1 }, 'audio', 'AA=='),
      hidden({ type: 'input_audio_buffer.append', audio: 'AA==', x_unknown: 'e' }, 'event_id', 'e'),
      hidden({ audio: 'AA==', event_id: undefined }, 'type', 'input_audio_buffer.append'),
      hidden({ type: 'input_audio_buffer.append', event_id: 'e', x: 'AA==' }, 'audio', 'AA=='),
    ];
    for (const e of cases) expect(viaEncode(e)).toEqual(rust(e));
    expect(viaEncode({ type: 'input_audio_buffer.append', audio: 'AA==', event_id: undefined })).toEqual(rust({ type: 'input_audio_buffer.append', audio: 'AA==' }));
  });

  it('reads a changing getter once and writes the value read', () => {
    let n = 0;
    const event = {
      type: 'response.cancel',
      get event_id() {
        return `e${n++}`;
      },
    };
    const fast = fastEncode(event, DEPTH, BYTES);
    expect(fast).toBe('{"type":"response.cancel","event_id":"e0"}');
    expect(n).toBe(1);
    // A tag read twice (dispatch, then the variant's own member, E13): a change between is declined.
    let reads = 0;
    const tag = ['response.cancel', 'response.create'];
    const changing = {
      get type() {
        return tag[reads++ % 2];
      },
    };
    expect(fastEncode(changing, DEPTH, BYTES)).toBeUndefined();
    expect(reads).toBe(2);
  });

  it('an encode called from a getter of the event being encoded leaves that encode intact', () => {
    // The fast path's state is shared: the inner call declines (Rust answers it), the outer goes on.
    const encodeAgain = () => codec.encode({ type: 'response.cancel', event_id: 'inner' });
    const failAgain = () => codec.safeEncode({ type: 'response.cancel', event_id: 'x\uD800' });
    const innerAnswers: unknown[] = [];
    const innerFast = () => innerAnswers.push(fastEncode({ type: 'response.cancel' }, DEPTH, BYTES));
    for (const again of [encodeAgain, failAgain, innerFast]) {
      let calls = 0;
      const event = (f: () => unknown) => ({
        type: 'response.create',
        event_id: 'outer',
        response: {
          get instructions() {
            calls++;
            f();
            return 'hi';
          },
          voice: 'ash',
        },
      });
      const expected = rust(event(() => undefined));
      expect(expected).toEqual({ ok: true, text: '{"type":"response.create","event_id":"outer","response":{"instructions":"hi","voice":"ash"}}' });
      expect(fastEncode(event(again), DEPTH, BYTES)).toBe((expected as { text: string }).text);
      expect(viaEncode(event(again))).toEqual(expected);
      expect(calls).toBeGreaterThan(1);
    }
    expect(innerAnswers[0]).toBeUndefined(); // the call from within fastEncode's own walk declined
    expect(fastEncode({ type: 'response.cancel' }, DEPTH, BYTES)).toBe('{"type":"response.cancel"}');
  });

  it('declines what JSON.stringify changes, and encode keeps its errors', () => {
    const base = { type: 'response.create', response: { temperature: 0.8, modalities: ['text'] } };
    const cases: unknown[] = [
      { ...base, response: { ...base.response, temperature: NaN } },
      { ...base, response: { ...base.response, temperature: 1n } },
      { ...base, response: { ...base.response, modalities: ['text', undefined] } },
      // eslint-disable-next-line no-sparse-arrays
      { ...base, response: { ...base.response, modalities: ['text', , 'audio'] } },
      { ...base, response: { ...base.response, temperature: -0 } },
      { ...base, response: { ...base.response, temperature: 3.4e39 } },
      { ...base, response: { ...base.response, temperature: 1e-50 } },
      new Thing(base),
      { ...base, toJSON: () => ({ type: 'response.cancel' }) },
      new Date(0),
      'response.cancel',
      null,
    ];
    for (const c of cases) {
      expect(fastEncode(c, DEPTH, BYTES)).toBeUndefined();
      expect(viaEncode(c)).toEqual(rust(c));
    }
    const cyclic: Record<string, unknown> = { type: 'conversation.item.create', item: { type: 'function_call', name: 'f', call_id: 'c', arguments: '{}' } };
    (cyclic.item as Record<string, unknown>).self = cyclic;
    expect(fastEncode(cyclic, DEPTH, BYTES)).toBeUndefined();
    expect(viaEncode(cyclic)).toEqual(rust(cyclic));
  });

  it('answers frozen, null-prototype and proxied plain objects alike', () => {
    const event = { type: 'response.create', event_id: 'e', response: { modalities: ['text', 'audio'], temperature: 0.7, max_response_output_tokens: 'inf' } };
    const bare = Object.assign(Object.create(null) as object, structuredClone(event));
    for (const e of [Object.freeze(structuredClone(event)), bare, proxied(event)]) expect(agrees(e)).toBe(true);
  });

  it('declines near the depth and byte limits, where Rust then answers', () => {
    const event = { type: 'session.update', session: { tools: [{ type: 'function', name: 'f', description: 'd', parameters: { a: { b: { c: [1] } } } }] } };
    expect(rust(event)).toMatchObject({ ok: true });
    for (let depth = 1; depth <= 9; depth++) {
      const fast = fastEncode(event, depth, BYTES);
      if (fast !== undefined) expect(rust(event, depth)).toEqual({ ok: true, text: fast });
      expect(viaEncode(event, depth)).toEqual(rust(event, depth));
    }
    // Structs alone (no list to stop at): the response object is depth 2.
    const flat = { type: 'response.create', response: { temperature: 0.8, voice: 'ash' } };
    for (let depth = 1; depth <= 3; depth++) {
      const fast = fastEncode(flat, depth, BYTES);
      if (fast !== undefined) expect(rust(flat, depth)).toEqual({ ok: true, text: fast });
    }
    const length = toJsonText(event).length;
    for (const bytes of [0, length - 1, length, length * 2, length * 3, length * 4]) {
      const fast = fastEncode(event, DEPTH, bytes);
      if (fast !== undefined) expect(rust(event, DEPTH, bytes)).toEqual({ ok: true, text: fast });
      expect(viaEncode(event, DEPTH, bytes)).toEqual(rust(event, DEPTH, bytes));
    }
    // Null options and unknown members count: JSON.stringify's text is longer than the canonical one.
    const padded = { type: 'response.cancel', event_id: 'e', response_id: null, zz: 'x'.repeat(100) };
    const canonicalLength = '{"type":"response.cancel","event_id":"e"}'.length;
    expect(fastEncode(padded, DEPTH, canonicalLength * 3)).toBeUndefined();
    expect(viaEncode(padded, DEPTH, canonicalLength * 3)).toEqual(rust(padded, DEPTH, canonicalLength * 3));
  });
});

// The GA entry's encode fast path: the same compiler over GA's flat client events
// (GA_FAST_CLIENT), against the GA Rust path, on the GA corpus and its mutations.
const gaEncoders: Record<EncoderMode, Encoder> = {
  generated: compileFastEncoder(GA_FAST_CLIENT.types, GA_FAST_CLIENT.root, 'generated'),
  interpreted: compileFastEncoder(GA_FAST_CLIENT.types, GA_FAST_CLIENT.root, 'interpreted'),
};

for (const m of MODES)
describe(`GA encode fast path (${m}) against the GA Rust path`, () => {
  beforeAll(() => {
    mode = m;
  });
  const gaFast: Encoder = (event, depth, bytes) => gaEncoders[mode](event, depth, bytes);
  const gaVectors = loadVectors('client', 'ga').filter((v) => 'canonical' in v.expect);
  const flatTypes = (() => {
    const root = GA_FAST_CLIENT.types[GA_FAST_CLIENT.root];
    if (root?.kind !== 'tagged') throw new Error('the GA client part is tagged');
    return root.variants.map((v) => v.value);
  })();

  function gaRust(event: unknown): Answer {
    try {
      return { ok: true, text: gaCodec.canonicalize(toJsonText(event)) };
    } catch (error) {
      if (!(error instanceof Error) || !('code' in error) || !('path' in error)) throw error;
      return { ok: false, code: String(error.code), path: String(error.path) };
    }
  }
  const gaAgrees = (event: unknown, again?: () => unknown): boolean => agrees(event, DEPTH, BYTES, again, gaEncoders, (e) => gaRust(e));

  it('answers every GA vector event of a flat type alike, and each flat type at least once', () => {
    const answered = new Set<string>();
    for (const v of gaVectors) {
      const event = JSON.parse(v.input) as { type: string };
      if (gaAgrees(event)) answered.add(event.type);
      // Through the GA entry's encode, whichever path answers: the crate's text.
      expect(gaCodec.encode(event as never)).toBe((v.expect as { canonical: string }).canonical);
    }
    const vectorTypes = new Set(gaVectors.map((v) => (JSON.parse(v.input) as { type: string }).type).filter((t) => flatTypes.includes(t)));
    expect(vectorTypes.size).toBeGreaterThanOrEqual(6);
    expect([...vectorTypes].filter((t) => !answered.has(t))).toEqual([]);
  });

  it('answers message items, tagged on type and then on role, of every role (E14)', () => {
    const roles = new Set<string>();
    for (const v of gaVectors) {
      const event = JSON.parse(v.input) as { type: string; item?: { type?: string; role?: string } };
      if (event.type !== 'conversation.item.create' || event.item?.type !== 'message') continue;
      expect(gaAgrees(event), v.name).toBe(true);
      roles.add(String(event.item.role));
    }
    expect([...roles].sort()).toEqual(['assistant', 'system', 'user']);
    // The role is read once more by the struct: a role another variant has, or none, declines.
    const item = (role: unknown) => ({ type: 'conversation.item.create', item: { type: 'message', role, content: [{ type: 'input_text', text: 'hi' }] } });
    for (const role of ['moderator', undefined, null, 7]) {
      expect(gaFast(item(role), DEPTH, BYTES)).toBeUndefined();
      expect(() => gaCodec.encode(item(role) as never)).toThrow();
    }
    // serde reads a tag given as a number as the variant's index (1: user): Rust answers that.
    expect(gaFast(item(1), DEPTH, BYTES)).toBeUndefined();
    expect(gaCodec.encode(item(1) as never)).toBe('{"type":"conversation.item.create","item":{"type":"message","role":"user","content":[{"type":"input_text","text":"hi"}]}}');
  });

  it("takes invariant 8's exceptions as decode's scan does: a voice no list names, prompt variables as a Value", () => {
    const session = (extra: object) => ({ type: 'session.update', session: { type: 'realtime', ...extra } });
    // What the GA crate requires of a response.create (the README's crate-versus-service table).
    const response = (voice: string) => ({
      type: 'response.create',
      response: { audio: { output: { format: { type: 'audio/pcm', rate: 24000 }, voice } }, conversation: 'none', input: [], instructions: 'Summarise.', max_output_tokens: 'inf', output_modalities: ['text'] },
    });
    const answered = [
      response('my-own-voice'),
      response('marin'),
      session({ prompt: { id: 'pmpt_1', variables: { city: 'Paris', count: 2 } } }),
      session({ prompt: { id: 'pmpt_1', variables: {} } }),
      session({ prompt: { id: 'pmpt_1', variables: { type: 'input_text', text: 'hi' } } }),
    ];
    for (const event of answered) expect(gaAgrees(event), JSON.stringify(event)).toBe(true);
    // Declined, and the Rust path answers: a tag member whose value JSON.stringify drops, an
    // unknown tag value, a lone surrogate in the voice.
    const declined = [
      session({ prompt: { id: 'pmpt_1', variables: { type: undefined, city: 'Paris' } } }),
      session({ prompt: { id: 'pmpt_1', variables: { type: 'nope' } } }),
      response('a\ud800'),
    ];
    for (const event of declined) expect(gaFast(event, DEPTH, BYTES), JSON.stringify(event)).toBeUndefined();
    for (const event of [...answered, ...declined]) {
      let via: Answer;
      try {
        via = { ok: true, text: gaCodec.encode(event as never) };
      } catch (error) {
        if (!(error instanceof Error) || !('code' in error) || !('path' in error)) throw error;
        via = { ok: false, code: String(error.code), path: String(error.path) };
      }
      expect(via).toEqual(gaRust(event));
    }
  });

  it('agrees on mutated GA vector events, and encode keeps its errors', () => {
    const names = Object.keys(MUTATIONS);
    const seeds = gaVectors.map((v) => JSON.parse(v.input) as unknown);
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.constantFrom(...names), fc.nat(), fc.nat(), (event, name, at, k) => {
        const copy = () => mutated(event, name, at, k);
        gaAgrees(copy(), copy);
        if (name !== 'changingGetter') {
          let via: Answer;
          try {
            via = { ok: true, text: gaCodec.encode(copy() as never) };
          } catch (error) {
            if (!(error instanceof Error) || !('code' in error) || !('path' in error)) throw error;
            via = { ok: false, code: String(error.code), path: String(error.path) };
          }
          expect(via).toEqual(gaRust(copy()));
        }
      }),
      { numRuns: RUNS * 4 },
    );
  });
});

describe('the generated mode itself', () => {
  const sample = [
    { type: 'session.update', session: { instructions: 'hi', voice: 'ash', tools: [{ type: 'function', name: 'f', description: 'd', parameters: { b: 1, a: [true] } }] } },
    { type: 'response.create', response: { temperature: 0.8, modalities: ['text'] } },
    { response: { modalities: ['text'] }, type: 'response.create' }, // out of order: the interpreter behind
    { type: 'response.cancel', zz: 1 }, // an unknown member: the same
  ];

  it('writes through one new Function, and where eval is refused (a Content-Security-Policy) the interpreter answers alike', () => {
    const saved = globalThis.Function;
    let built = 0;
    try {
      globalThis.Function = new Proxy(saved, {
        construct(target, args) {
          built++;
          return Reflect.construct(target, args) as object;
        },
      });
      const generated = compileFastEncoder(BETA.types, BETA.client, 'generated');
      expect(built).toBe(1);
      compileFastEncoder(BETA.types, BETA.client, 'interpreted');
      expect(built).toBe(1);
      globalThis.Function = new Proxy(saved, {
        construct() {
          throw new EvalError('Refused to evaluate a string as JavaScript');
        },
      });
      const refused = compileFastEncoder(BETA.types, BETA.client, 'generated');
      globalThis.Function = saved;
      for (const event of sample) {
        const text = betaEncoders.interpreted(event, DEPTH, BYTES);
        expect(text).toBeDefined();
        expect(generated(event, DEPTH, BYTES)).toBe(text);
        expect(refused(event, DEPTH, BYTES)).toBe(text);
      }
    } finally {
      globalThis.Function = saved;
    }
  });
});
