// The server events bench/bench.mjs times, none of them written for the bench:
// - the spoken turn: every server line of examples/beta-session.jsonl (scripts/make-session.mjs),
//   in the order the service sent them, as it wrote them (with members the crate does not know);
// - one event per server event type: the session's first line of that type, or, for the types the
//   session has none of, an event generated from the crate's shape table (`cargo run --example
//   shapes`, the rows crate/tests/shapes.rs checks) with a seeded PRNG, so the run is reproducible.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prng } from './events.mjs';

/** The crate's beta shape table, as `cargo run --example shapes` prints it. @param {string} root */
export function shapeTable(root) {
  const out = execFileSync('cargo', ['run', '-q', '--locked', '-p', 'realtime-codec', '--example', 'shapes'], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out).beta;
}

/** Every line of the session log, parsed, with its text. @param {string} root */
export function sessionLines(root) {
  return readFileSync(join(root, 'examples/beta-session.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((text) => ({ text, type: JSON.parse(text).type }));
}

/**
 * A generator of values of the table's named types. Required members always; optional and
 * nullable ones present half the time; lists of 0 to 3; strings of 4 to 40 characters of
 * [a-z0-9 ]; integers below 100,000; floats multiples of 1/8 (exact in f32); free JSON a small
 * object. The leaves are the same for every member, so no event is shaped by hand.
 * @param {{ types: any[] }} table @param {number} seed
 */
export function generator(table, seed) {
  const random = prng(seed);
  const rows = new Map(table.types.map((t) => [t.name, t]));
  const int = (n) => Math.floor(random() * n);
  const pick = (xs) => xs[int(xs.length)];
  const CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789 ';
  const string = () => Array.from({ length: 4 + int(37) }, () => CHARS[int(CHARS.length)]).join('');
  const of = (ref) => {
    if (typeof ref === 'string') {
      switch (ref) {
        case 'string': return string();
        case 'bool': return random() < 0.5;
        case 'u8': return int(256);
        case 'u16': return int(65536);
        case 'u32': return int(100_000);
        case 'f32':
        case 'f64': return int(8000) / 8;
        case 'json': return { name: string(), count: int(100) };
        default: throw new Error(`shape table: unknown leaf ${ref}`);
      }
    }
    if ('list' in ref) return Array.from({ length: int(4) }, () => of(ref.list));
    if ('literal' in ref) return ref.literal;
    return named(ref.ref);
  };
  const struct = (name, tag) => {
    const row = rows.get(name);
    if (row?.kind !== 'struct') throw new Error(`shape table: ${name} is not a struct row`);
    const out = tag ? { [tag[0]]: tag[1] } : {};
    for (const m of row.members) if (m.presence === 'required' || random() < 0.5) out[m.name] = of(m.type);
    return out;
  };
  const named = (name) => {
    const row = rows.get(name);
    switch (row?.kind) {
      case 'enum': return pick(row.values);
      case 'struct': return struct(name);
      case 'tagged': {
        const v = pick(row.variants);
        return struct(v.struct, [row.tag, v.value]);
      }
      case 'untagged': return of(pick(row.alternatives));
      default: throw new Error(`shape table: no row ${name}`);
    }
  };
  return {
    /** An event of the tagged root `root` with tag value `type`. @param {string} root @param {string} type */
    event(root, type) {
      const row = rows.get(root);
      const v = row?.variants.find((x) => x.value === type);
      if (!v) throw new Error(`shape table: ${root} has no variant ${type}`);
      return struct(v.struct, [row.tag, v.value]);
    },
  };
}

/**
 * The server workloads: `turn` (the session's server lines the crate accepts, `accepts` being
 * the codec's answer) and `perType` (one event per server event type of the table, in table
 * order, each with its source); `refused` are the session's server lines the crate refuses.
 * @param {string} root @param {number} seed @param {(text: string) => boolean} accepts
 */
export function serverWorkload(root, seed, accepts) {
  const table = shapeTable(root);
  const serverRoot = table.types.find((t) => t.name === table.server);
  if (serverRoot?.kind !== 'tagged') throw new Error('shape table: no tagged server root');
  const types = serverRoot.variants.map((v) => v.value);
  const lines = sessionLines(root);
  const server = lines.filter((l) => types.includes(l.type));
  const turn = server.filter((l) => accepts(l.text)).map((l) => l.text);
  const refused = server.filter((l) => !accepts(l.text));
  const gen = generator(table, seed);
  const perType = types.map((type) => {
    const line = server.find((l) => l.type === type && accepts(l.text));
    return line ? { type, source: 'session', text: line.text } : { type, source: 'table', text: JSON.stringify(gen.event(table.server, type)) };
  });
  const firstClient = lines.find((l) => !types.includes(l.type));
  const firstServer = lines.find((l) => types.includes(l.type));
  return { types, turn, refused, perType, firstClient, firstServer };
}
