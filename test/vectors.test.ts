// The Node side of parity: every vector in test/vectors through the built wasm package must give
// exactly what native Rust recorded (crate/tests/vectors.rs checks the same files natively).
// Client files go through the client functions (canonicalize, decode, check, safeDecode, diff),
// server files (test/vectors/server_*.json) through the server ones (canonicalizeServerEvent,
// decodeServerEvent, checkServerEvent, safeDecodeServerEvent, diffServerEvent), each as a string
// and as UTF-8 bytes. decode and check may answer in JavaScript (a fast path): whatever answers,
// the result must be the crate's. The GA corpus (test/vectors/ga) runs the same way through the
// GA entry (realtime-codec/ga: dist/ga/node.mjs).
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { codec, DIRECTIONS, gaCodec, hasUnsafeInteger, loadVectors, PROTOCOLS, typeOf, type Direction, type Protocol, type Vector } from './helpers.js';

type CodecError = InstanceType<typeof codec.RealtimeCodecError>;
interface Engine {
  canonicalize(input: string | Uint8Array): string;
  decode(input: string | Uint8Array): { type: string };
  check(input: string | Uint8Array): { ok: true; type: string } | { ok: false; error: CodecError };
  safeDecode(input: string | Uint8Array): { ok: true; event: { type: string } } | { ok: false; error: CodecError };
  diff(input: string | Uint8Array): { canonical: string; differences: codec.Difference[] };
  types: readonly string[];
}

/** The functions each direction's vectors run through, in one protocol's entry. */
function enginesOf(c: typeof codec | typeof gaCodec): Record<Direction, Engine> {
  return {
    client: { canonicalize: c.canonicalize, decode: c.decode, check: c.check, safeDecode: c.safeDecode, diff: c.diff, types: c.EVENT_TYPES },
    server: {
      canonicalize: c.canonicalizeServerEvent,
      decode: c.decodeServerEvent,
      check: c.checkServerEvent,
      safeDecode: c.safeDecodeServerEvent,
      diff: c.diffServerEvent,
      types: c.SERVER_EVENT_TYPES,
    },
  };
}
const entries: Record<Protocol, typeof codec | typeof gaCodec> = { beta: codec, ga: gaCodec };

const utf8 = new TextEncoder();

/** An error's fields in the corpus's names. */
function fields(error: CodecError) {
  return {
    code: error.code,
    path: error.path,
    line: error.line,
    column: error.column,
    message: error.reason,
    ...(error.expectedValues !== undefined ? { expected_values: [...error.expectedValues] } : {}),
  };
}

function thrownBy(run: () => unknown): CodecError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(codec.RealtimeCodecError);
    expect((error as Error).name).toBe('RealtimeCodecError');
    return error as CodecError;
  }
  throw new Error('expected a RealtimeCodecError, but the call succeeded');
}

/** The value at a JSON pointer, or `missing`. */
const missing = Symbol('missing');
function at(value: unknown, pointer: string): unknown {
  if (pointer === '') return value;
  let here: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (here === null || typeof here !== 'object' || !Object.hasOwn(here, key)) return missing;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

/**
 * What is wrong with a diff of a valid input against the input and its canonical text: each
 * difference must be true of the two (a dropped member is in the input and not the canonical
 * form, with that value; an added one the other way round; a changed value is the input's before
 * and the canonical's after; a reordering lists the shared keys in each order), and texts that
 * differ in value must show at least one difference.
 */
function diffProblems(input: string, canonical: string, differences: codec.Difference[]): string[] {
  // JSON.parse keeps the last of duplicate members, Rust's diff reports the first as dropped:
  // such inputs say nothing here.
  if (hasDuplicateKeys(input)) return [];
  const before = JSON.parse(input) as unknown;
  const after = JSON.parse(canonical) as unknown;
  const wrong: string[] = [];
  const same = (text: string, value: unknown) => value !== missing && isDeepStrictEqual(JSON.parse(text), value);
  for (const d of differences) {
    const ok =
      d.kind === 'dropped'
        ? same(d.value, at(before, d.path)) && at(after, d.path) === missing
        : d.kind === 'added'
          ? same(d.value, at(after, d.path)) && at(before, d.path) === missing
          : d.kind === 'changed'
            ? same(d.from, at(before, d.path)) && same(d.to, at(after, d.path))
            : reorderHolds(at(before, d.path), at(after, d.path), d.from, d.to);
    if (!ok) wrong.push(JSON.stringify(d));
  }
  if (differences.length === 0 && JSON.stringify(before) !== JSON.stringify(after)) wrong.push('no difference reported, but the values differ');
  return wrong;
}

/** Whether some object in the JSON text has a member name twice (names compared after unescaping). */
function hasDuplicateKeys(text: string): boolean {
  const stack: (Set<string> | null)[] = [];
  let expectKey = false;
  for (const [token] of text.matchAll(/"(?:[^"\\]|\\.)*"|[{}[\]:,]/g)) {
    if (token === '{') {
      stack.push(new Set());
      expectKey = true;
    } else if (token === '[') {
      stack.push(null);
      expectKey = false;
    } else if (token === '}' || token === ']') {
      stack.pop();
      expectKey = false;
    } else if (token === ',') {
      expectKey = stack[stack.length - 1] instanceof Set;
    } else if (token === ':') {
      expectKey = false;
    } else if (expectKey) {
      const keys = stack[stack.length - 1] as Set<string>;
      const key = JSON.parse(token) as string;
      if (keys.has(key)) return true;
      keys.add(key);
      expectKey = false;
    }
  }
  return false;
}

function reorderHolds(before: unknown, after: unknown, from: string[], to: string[]): boolean {
  if (before === null || typeof before !== 'object' || after === null || typeof after !== 'object') return false;
  const a = Object.keys(before);
  const b = Object.keys(after);
  // Object.keys puts integer-like keys first whatever the text's order: say nothing then.
  if ([...a, ...b].some((k) => /^\d+$/.test(k))) return true;
  const shared = (keys: string[], other: string[]) => keys.filter((k) => other.includes(k));
  return isDeepStrictEqual(from, shared(a, b)) && isDeepStrictEqual(to, shared(b, a)) && !isDeepStrictEqual(from, to);
}

function runValid(engine: Engine, v: Vector & { expect: { canonical: string } }) {
  const canonical = v.expect.canonical;
  const bytes = utf8.encode(v.input);
  expect(engine.canonicalize(v.input)).toBe(canonical);
  // The same bytes as Uint8Array give the same answer.
  expect(engine.canonicalize(bytes)).toBe(canonical);
  const type = (JSON.parse(canonical) as { type: string }).type;
  expect(engine.types).toContain(type);
  expect(engine.check(v.input)).toEqual({ ok: true, type });
  expect(engine.check(bytes)).toEqual({ ok: true, type });
  if (hasUnsafeInteger(canonical)) {
    // decode refuses what a JS number cannot hold exactly (canonicalize keeps the text).
    expect(thrownBy(() => engine.decode(v.input)).code).toBe('out_of_range');
    expect(thrownBy(() => engine.decode(bytes)).reason).toMatch(/cannot be held exactly/);
    const r = engine.safeDecode(v.input);
    expect(r.ok ? 'ok' : r.error.code).toBe('out_of_range');
  } else {
    const event = JSON.parse(canonical) as unknown;
    for (const got of [engine.decode(v.input), engine.decode(bytes)]) {
      // The same value (-0 apart from 0) with the same member order.
      expect(got).toStrictEqual(event);
      expect(JSON.stringify(got)).toBe(JSON.stringify(event));
    }
    expect(engine.safeDecode(v.input)).toStrictEqual({ ok: true, event });
  }
  const d = engine.diff(v.input);
  expect(d.canonical).toBe(canonical);
  expect(engine.diff(bytes)).toEqual(d);
  if (v.input === canonical) expect(d.differences).toEqual([]);
  expect(diffProblems(v.input, canonical, d.differences)).toEqual([]);
  return d.differences.length;
}

function runInvalid(engine: Engine, v: Vector & { expect: { error: unknown } }) {
  const want = v.expect.error;
  const bytes = utf8.encode(v.input);
  // Every read path gives the recorded error: code, path, line, column, serde's message, expected values.
  expect(fields(thrownBy(() => engine.canonicalize(v.input)))).toEqual(want);
  expect(fields(thrownBy(() => engine.canonicalize(bytes)))).toEqual(want);
  expect(fields(thrownBy(() => engine.decode(v.input)))).toEqual(want);
  expect(fields(thrownBy(() => engine.decode(bytes)))).toEqual(want);
  expect(fields(thrownBy(() => engine.diff(v.input)))).toEqual(want);
  for (const r of [engine.check(v.input), engine.check(bytes), engine.safeDecode(v.input)]) {
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toBeInstanceOf(codec.RealtimeCodecError);
      expect(fields(r.error)).toEqual(want);
    }
  }
}

for (const protocol of PROTOCOLS)
for (const direction of DIRECTIONS) {
  const vectors = loadVectors(direction, protocol);
  const engine = enginesOf(entries[protocol])[direction];
  const counts = { valid: 0, invalid: 0, diffs: 0 };
  const beta = protocol === 'beta';

  describe(`test/vectors${beta ? '' : '/ga'} (${direction}) through wasm in Node`, () => {
    it('has a corpus to run', () => {
      expect(vectors.length).toBeGreaterThanOrEqual(beta ? (direction === 'client' ? 400 : 120) : direction === 'client' ? 20 : 50);
      expect(new Set(vectors.map((v) => `${v.file}/${v.name}`)).size).toBe(vectors.length);
      if (direction === 'server') expect(new Set(vectors.map((v) => v.file))).toEqual(new Set(vectors.map((v) => v.file).filter((f) => f.startsWith(beta ? 'server_' : 'ga_server'))));
    });

    // (Server types only, as crate/tests/vectors.rs holds natively: the client corpus has no
    // invalid input_audio_buffer.clear case. GA: see its own test below.)
    if (direction === 'server' && beta) it('has a valid and an invalid vector for every server event type (SERVER_EVENT_TYPES)', () => {
      const seen = new Map<string, [number, number]>();
      for (const v of vectors) {
        const type = typeOf(v.input);
        if (type === undefined) continue;
        const slot = seen.get(type) ?? [0, 0];
        slot['canonical' in v.expect ? 0 : 1] += 1;
        seen.set(type, slot);
      }
      const short = engine.types.filter((t) => !(seen.get(t)?.[0] && seen.get(t)?.[1])).map((t) => `${t}: ${JSON.stringify(seen.get(t) ?? 'none')}`);
      expect(short).toEqual([]);
      if (direction === 'server') {
        // Client inputs are not filed as server vectors by mistake: only the one deliberate case
        // (as crate/tests/vectors.rs holds natively).
        expect([...seen.keys()].filter((t) => (codec.EVENT_TYPES as readonly string[]).includes(t))).toEqual(['session.update']);
      }
    });

    for (const vector of vectors) {
      it(`${vector.file}: ${vector.name}`, () => {
        if ('canonical' in vector.expect) {
          counts.valid += 1;
          if (runValid(engine, vector as Vector & { expect: { canonical: string } }) > 0) counts.diffs += 1;
        } else {
          counts.invalid += 1;
          runInvalid(engine, vector as Vector & { expect: { error: unknown } });
        }
      });
    }

    afterAll(() => {
      console.log(
        `vectors (${protocol} ${direction}, wasm, Node): ${counts.valid} valid + ${counts.invalid} invalid cases agree with native Rust ` +
          `(${counts.diffs} valid inputs with differences, each checked against input and canonical text)`,
      );
    });
  });
}
