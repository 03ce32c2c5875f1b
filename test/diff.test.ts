import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { codec, DIRECTIONS, type Direction, gaCodec, loadVectors, PROTOCOLS, type Protocol, root } from './helpers.js';

describe('diff()', () => {
  it.each(['client', 'server'] as const)('gives the canonical text of every valid %s vector, and no difference when the input is canonical', (direction) => {
    let canonicalInputs = 0;
    const diff = direction === 'client' ? codec.diff : codec.diffServerEvent;
    for (const v of loadVectors(direction)) {
      if (!('canonical' in v.expect)) {
        expect(() => diff(v.input), v.name).toThrow(codec.ClientEventError);
        continue;
      }
      const result = diff(v.input);
      expect(result.canonical, v.name).toBe(v.expect.canonical);
      if (v.input === v.expect.canonical) {
        canonicalInputs += 1;
        expect(result.differences, v.name).toEqual([]);
      } else {
        // Text that differs must show a difference, unless only whitespace or number spelling did.
        const same = JSON.stringify(JSON.parse(v.input)) === JSON.stringify(JSON.parse(v.expect.canonical));
        if (!same) expect(result.differences.length, v.name).toBeGreaterThan(0);
      }
    }
    expect(canonicalInputs).toBeGreaterThan(20);
  });

  it('names each kind of difference with its path', () => {
    const { differences } = codec.diff(
      '{"response":{"temperature":0.123456789,"conversation":"none","voice":"ash"},"event_id":null,"type":"response.create"}',
    );
    expect(differences).toEqual(
      expect.arrayContaining([
        { kind: 'changed', path: '/response/temperature', from: '0.123456789', to: '0.12345679' },
        { kind: 'dropped', path: '/response/conversation', value: '"none"' },
        { kind: 'dropped', path: '/event_id', value: 'null' },
        { kind: 'reordered', path: '', from: ['response', 'type'], to: ['type', 'response'] },
        { kind: 'reordered', path: '/response', from: ['temperature', 'voice'], to: ['voice', 'temperature'] },
      ]),
    );
    expect(codec.diff('{"type":"response.create"}').differences).toEqual([{ kind: 'added', path: '/response', value: 'null' }]);
    const sorted = codec.diff(
      '{"type":"session.update","session":{"tools":[{"type":"function","name":"f","description":"d","parameters":{"b":1,"a":2}}]}}',
    );
    expect(sorted.differences).toEqual([{ kind: 'reordered', path: '/session/tools/0/parameters', from: ['b', 'a'], to: ['a', 'b'] }]);
    expect(codec.diff('{"type":"session.update","session":{"temperature":1}}').differences).toEqual([]);
  });
});

// ts/diff.ts against the crate's own diff (crate/src/diff.rs), run natively by
// `cargo run --example diff`: the package's diff moved out of the WebAssembly modules, and must
// still give the crate's answer, byte for byte, on every vector and on rewritten ones (members
// reordered, repeated, set to null, unknown members of every JSON kind, numbers respelled, escapes,
// whitespace, invalid UTF-8 in bytes).
describe('diff() against the native crate', () => {
  type Case = { protocol: Protocol; direction: Direction; input: string | Uint8Array };
  const SEED = Number(process.env.DIFF_SEED ?? 20261203);
  let state = SEED >>> 0;
  const rand = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const UNKNOWN_VALUES = ['1', '1.0', '-0', '-0.0', '1e2', '1E+2', '0.1', '1.5e-7', '18446744073709551616', '-9223372036854775809', '1e400', '"a/b~c"', '"\\u00e9\\ud83d\\ude00\\n"', 'true', 'null', '[]', '{}', '[1,{"b":2,"a":[null]}]', '{"z":1,"a":{"y":2.50,"x":"\\""}}'];
  const KEYS = ['x', 'a/b', 'm~n', '~1', 'é', '', 'type2', 'zz'];

  /** Every object and array in `v`, the root included. */
  function containers(v: unknown, out: unknown[] = []): unknown[] {
    if (typeof v === 'object' && v !== null) {
      out.push(v);
      for (const x of Object.values(v)) containers(x, out);
    }
    return out;
  }
  function shuffled<T>(xs: T[]): T[] {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [a[i], a[j]] = [a[j] as T, a[i] as T];
    }
    return a;
  }
  /** JSON text of `v`, objects' members in a random order where `reorder`. */
  function write(v: unknown, reorder: boolean): string {
    if (Array.isArray(v)) return `[${v.map((x) => write(x, reorder)).join(',')}]`;
    if (typeof v === 'object' && v !== null) {
      const entries = Object.entries(v);
      return `{${(reorder && rand() < 0.5 ? shuffled(entries) : entries).map(([k, x]) => `${JSON.stringify(k)}:${write(x, reorder)}`).join(',')}}`;
    }
    return JSON.stringify(v);
  }
  /** One rewriting of a valid event's text. */
  function rewrite(input: string): string | Uint8Array {
    const event = JSON.parse(input) as Record<string, unknown>;
    // serde also reads a struct from an array (a vector or two say so): kept as it is.
    if (Array.isArray(event)) return input;
    const objects = containers(event).filter((c) => !Array.isArray(c)) as Record<string, unknown>[];
    const kinds = 1 + Math.floor(rand() * 3);
    let raw: [string, string][] = [];
    for (let k = 0; k < kinds; k++) {
      switch (Math.floor(rand() * 5)) {
        case 0: {
          // A member set to null (an unset option to the crate, or an error).
          const o = pick(objects);
          const key = pick(Object.keys(o));
          if (key !== undefined && key !== 'type') o[key] = null;
          break;
        }
        case 1:
          // Unknown members, at the root or deeper, written as raw text below.
          raw.push([pick(KEYS), pick(UNKNOWN_VALUES)]);
          break;
        case 2: {
          // A repeated member: an earlier copy of an existing one (same or another value).
          const key = pick(Object.keys(event).filter((k) => k !== 'type'));
          if (key !== undefined) raw.push([key, rand() < 0.5 ? JSON.stringify(event[key]) : pick(UNKNOWN_VALUES)]);
          break;
        }
        case 3: {
          // Unknown members inside a nested object.
          const o = pick(objects);
          if (o !== event) o[pick(KEYS)] = JSON.parse(pick(UNKNOWN_VALUES));
          break;
        }
        default:
          break;
      }
    }
    let text = write(event, rand() < 0.7);
    if (raw.length > 0) text = `{${raw.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')},${text.slice(1)}`;
    // Numbers respelled (the same value, or one f32/f64 reads differently), escapes, whitespace.
    if (rand() < 0.4) text = text.replace(/(?<=[:,[])(-?\d+)(?=[,}\]])/g, (m) => pick([m, `${m}.0`, `${m}e0`, `${m}.000`]));
    if (rand() < 0.3) text = text.replace(/(?<=[:,[])(-?\d+\.\d+)(?=[,}\]])/g, (m) => pick([m, `${m}0`, `${m}1`, `${m}99999999`]));
    if (rand() < 0.2) text = text.replace(/"([a-z])/g, (m, c: string) => (rand() < 0.1 ? `"\\u00${c.charCodeAt(0).toString(16)}` : m));
    if (rand() < 0.2) text = text.replaceAll(',', pick([' ,', ', ', '\n,\t']));
    if (rand() < 0.1) {
      // Bytes, with an invalid UTF-8 byte in an unknown member's string (serde skips it unread).
      const bytes = new TextEncoder().encode(`{"zz":"a\u00e9b",${text.slice(1)}`);
      const at = bytes.indexOf(0xc3);
      bytes[at] = 0xff;
      return bytes;
    }
    return rand() < 0.1 ? new TextEncoder().encode(text) : text;
  }

  function tsAnswer(c: Case): string {
    const mod = c.protocol === 'beta' ? codec : gaCodec;
    try {
      return JSON.stringify(c.direction === 'client' ? mod.diff(c.input) : mod.diffServerEvent(c.input));
    } catch (error) {
      if (error instanceof codec.RealtimeCodecError || error instanceof gaCodec.RealtimeCodecError) return JSON.stringify({ error: error.code });
      throw error;
    }
  }

  it(`gives the crate's answer on every vector and 12 rewritings of each (seed ${SEED})`, () => {
    const cases: Case[] = [];
    for (const protocol of PROTOCOLS) {
      for (const direction of DIRECTIONS) {
        for (const v of loadVectors(direction, protocol)) {
          cases.push({ protocol, direction, input: v.input });
          if ('canonical' in v.expect) for (let k = 0; k < 12; k++) cases.push({ protocol, direction, input: rewrite(v.input) });
        }
      }
    }
    const hex = (input: string | Uint8Array): string => Buffer.from(typeof input === 'string' ? new TextEncoder().encode(input) : input).toString('hex');
    const stdin = cases.map((c) => JSON.stringify({ protocol: c.protocol, direction: c.direction, hex: hex(c.input) })).join('\n');
    const native = execFileSync('cargo', ['run', '-q', '--locked', '-p', 'realtime-codec', '--example', 'diff'], { cwd: root, input: stdin, encoding: 'utf8', maxBuffer: 1 << 28 }).trimEnd().split('\n');
    expect(native.length).toBe(cases.length);
    let differing = 0;
    let valid = 0;
    const mismatches: string[] = [];
    cases.forEach((c, i) => {
      const ours = tsAnswer(c);
      if (ours !== native[i]) mismatches.push(`${c.protocol} ${c.direction} ${typeof c.input === 'string' ? c.input : `bytes ${hex(c.input)}`}\n  ts:   ${ours}\n  rust: ${native[i]}`);
      if (!ours.startsWith('{"error"')) valid += 1;
      if (ours.includes('"kind"')) differing += 1;
    });
    expect(mismatches.slice(0, 5)).toEqual([]);
    // The rewritings reach what they are for: valid events with differences of every kind.
    console.log(`diff against the native crate: ${cases.length} inputs, ${valid} valid, ${differing} of them with differences; seed ${SEED}`);
    expect(valid).toBeGreaterThan(cases.length / 3);
    expect(differing).toBeGreaterThan(valid / 2);
    for (const kind of ['dropped', 'added', 'changed', 'reordered']) expect(native.some((line) => line.includes(`"kind":"${kind}"`)), kind).toBe(true);
  }, 300_000);
});
