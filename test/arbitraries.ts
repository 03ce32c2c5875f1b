// Generators of events for the property tests (fast-check), built from the shape table
// (ts/shapes.ts, generated from crate/src/shape/): every variant and nested type, required members
// always, optional ones sometimes absent and sometimes null, from swappable leaves.
import fc from 'fast-check';
import { BETA, BETA_FAST_SERVER, type Protocol, type TypeRef } from '../ts/shapes.js';

export const u32 = fc.integer({ min: 0, max: 4294967295 });
export const f32 = fc.float({ noNaN: true, noDefaultInfinity: true });
export const text = fc.oneof(fc.string(), fc.string({ unit: 'binary' }));

/** The leaves the events are built from. */
export interface Leaves {
  text: fc.Arbitrary<string>;
  u32: fc.Arbitrary<number>;
  f32: fc.Arbitrary<number>;
  /** Integers inside free JSON (`parameters`). */
  integer: fc.Arbitrary<number>;
  /** Non-integer numbers inside free JSON (none by default: serde_json's default float parser
   * may read a long float one ulp off, a crate quirk pinned by the vectors, not a property). */
  float?: fc.Arbitrary<number>;
  /** Keys and strings inside free JSON (default fc.string()). */
  key?: fc.Arbitrary<string>;
}

const DEFAULT_LEAVES: Leaves = { text, u32, f32, integer: fc.integer() };

const nullish = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: arb }, { weight: 1, arbitrary: fc.constant(null) });

/** Any value of the table's type `root` (a named type), as the object a producer builds. */
export function arbitraryOf(protocol: Pick<Protocol, 'types'>, root: string, leaves: Leaves = DEFAULT_LEAVES): fc.Arbitrary<Record<string, unknown>> {
  const json = fc.letrec<{ v: unknown }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      leaves.key ?? fc.string(),
      leaves.integer,
      fc.boolean(),
      ...(leaves.float ? [leaves.float] : []),
      fc.constant(null),
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(leaves.key ?? fc.string(), tie('v'), { maxKeys: 3 }),
    ),
  })).v;
  const named = new Map<string, fc.Arbitrary<unknown>>();
  const of = (ref: TypeRef): fc.Arbitrary<unknown> => {
    if (typeof ref === 'string') {
      switch (ref) {
        case 'string':
          return leaves.text;
        case 'bool':
          return fc.boolean();
        case 'u8':
          return fc.integer({ min: 0, max: 255 });
        case 'u16':
          return fc.integer({ min: 0, max: 65535 });
        case 'u32':
          return leaves.u32;
        case 'f32':
          return leaves.f32;
        case 'f64':
          // Short decimals only (see Leaves.float).
          return fc.integer({ min: -1e6, max: 1e6 }).map((n) => n / 64);
        case 'json':
          return json;
      }
    }
    if ('list' in ref) return fc.array(of(ref.list), { maxLength: 3 });
    if ('literal' in ref) return fc.constant(ref.literal);
    // A map (HashMap): at most one entry, the only size whose written order is fixed.
    if ('map' in ref) return fc.dictionary(leaves.text, of(ref.map), { maxKeys: 1 });
    return byName(ref.ref);
  };
  const struct = (name: string, tag?: [string, string]): fc.Arbitrary<Record<string, unknown>> => {
    const t = protocol.types[name];
    if (t?.kind !== 'struct') throw new Error(`${name} is not a struct row`);
    const shape: Record<string, fc.Arbitrary<unknown>> = {};
    const required: string[] = [];
    if (tag) {
      shape[tag[0]] = fc.constant(tag[1]);
      required.push(tag[0]);
    }
    for (const m of t.members) {
      if (m.presence === 'required') {
        shape[m.name] = of(m.type);
        required.push(m.name);
      } else {
        shape[m.name] = nullish(of(m.type));
      }
    }
    return fc.record(shape, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
  };
  function byName(name: string): fc.Arbitrary<unknown> {
    let arb = named.get(name);
    if (arb) return arb;
    const t = protocol.types[name];
    if (!t) throw new Error(`the shape table has no ${name}`);
    switch (t.kind) {
      case 'enum':
        arb = fc.constantFrom(...t.values);
        break;
      case 'struct':
        arb = struct(name);
        break;
      case 'tagged':
        arb = fc.oneof(...t.variants.map((v) => struct(v.struct, [t.tag, v.value])));
        break;
      case 'untagged':
        arb = fc.oneof(...t.alternatives.map(of));
        break;
    }
    named.set(name, arb);
    return arb;
  }
  return byName(root) as fc.Arbitrary<Record<string, unknown>>;
}

/** Any client event the crate accepts, as the object a producer builds. */
export function clientEvents(leaves: Leaves = DEFAULT_LEAVES): fc.Arbitrary<Record<string, unknown>> {
  return arbitraryOf(BETA, BETA.client, leaves);
}

export const clientEvent = clientEvents();

/** Any of the server events the fast path answers (BETA_FAST_SERVER), as the object a server builds. */
export function fastServerEvents(leaves: Leaves = DEFAULT_LEAVES): fc.Arbitrary<Record<string, unknown>> {
  return arbitraryOf(BETA_FAST_SERVER, BETA_FAST_SERVER.root, leaves);
}

/**
 * An independent model of the crate's canonical form, from the table alone: members in
 * declaration order (a tag first), unset and `null` options dropped, nullable ones written as
 * `null`, free JSON with its keys sorted (serde_json's BTreeMap, by code point), f32 members
 * rounded to single precision, and -0 as 0 (as JSON.stringify writes it).
 */
export function canonicalModel(protocol: Protocol, root: string, value: unknown): unknown {
  const byCodePoint = (a: string, b: string) => {
    const x = [...a].map((c) => c.codePointAt(0) as number);
    const y = [...b].map((c) => c.codePointAt(0) as number);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
    return x.length - y.length;
  };
  const json = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(json);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort(byCodePoint)) Object.defineProperty(out, k, { value: json((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return Object.is(v, -0) ? 0 : v;
  };
  const fits = (ref: TypeRef, v: unknown): boolean => {
    if (typeof ref === 'string') return ref === 'string' ? typeof v === 'string' : ref === 'bool' ? typeof v === 'boolean' : typeof v === 'number';
    if ('literal' in ref) return v === ref.literal;
    if ('list' in ref) return Array.isArray(v);
    if ('map' in ref) return typeof v === 'object' && v !== null && !Array.isArray(v);
    const t = protocol.types[ref.ref];
    return t?.kind === 'enum' ? t.values.includes(v as string) : t?.kind === 'untagged' ? t.alternatives.some((a) => fits(a, v)) : typeof v === 'object' && v !== null;
  };
  const members = (name: string, v: Record<string, unknown>, tag?: [string, string]) => {
    const t = protocol.types[name];
    if (t?.kind !== 'struct') throw new Error(`${name} is not a struct row`);
    const out: Record<string, unknown> = tag ? { [tag[0]]: tag[1] } : {};
    for (const m of t.members) {
      const x = v[m.name];
      if (x === undefined || (x === null && m.type !== 'json')) {
        if (m.presence === 'nullable') out[m.name] = null;
      } else {
        out[m.name] = of(m.type, x);
      }
    }
    return out;
  };
  const of = (ref: TypeRef, v: unknown): unknown => {
    if (typeof ref === 'string') return ref === 'json' ? json(v) : ref === 'f32' ? Math.fround(v as number) : Object.is(v, -0) ? 0 : v;
    if ('literal' in ref) return v;
    if ('list' in ref) return (v as unknown[]).map((x) => of(ref.list, x));
    if ('map' in ref) return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, of(ref.map, x)]));
    const t = protocol.types[ref.ref];
    switch (t?.kind) {
      case 'struct':
        return members(ref.ref, v as Record<string, unknown>);
      case 'tagged': {
        const tagValue = (v as Record<string, unknown>)[t.tag] as string;
        const variant = t.variants.find((x) => x.value === tagValue);
        if (!variant) throw new Error(`no variant ${tagValue} of ${ref.ref}`);
        return members(variant.struct, v as Record<string, unknown>, [t.tag, tagValue]);
      }
      case 'untagged': {
        const alt = t.alternatives.find((a) => fits(a, v));
        if (!alt) throw new Error(`no alternative of ${ref.ref} fits ${JSON.stringify(v)}`);
        return of(alt, v);
      }
      default:
        return v;
    }
  };
  return of({ ref: root }, value);
}

/** `value` (a decoded event) with its f32 members rounded to single precision, as in the model. */
export function f32Rounded(protocol: Protocol, root: string, value: unknown): unknown {
  const walk = (ref: TypeRef, v: unknown): unknown => {
    if (v === null || v === undefined) return v;
    if (typeof ref === 'string') return ref === 'f32' ? Math.fround(v as number) : v;
    if ('literal' in ref) return v;
    if ('list' in ref) return (v as unknown[]).map((x) => walk(ref.list, x));
    if ('map' in ref) return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(ref.map, x)]));
    const t = protocol.types[ref.ref];
    const struct = (name: string) => {
      const s = protocol.types[name];
      const o = v as Record<string, unknown>;
      if (s?.kind !== 'struct') return v;
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(s.members.find((m) => m.name === k)?.type ?? 'string', x)]));
    };
    switch (t?.kind) {
      case 'struct':
        return struct(ref.ref);
      case 'tagged':
        return struct(t.variants.find((x) => x.value === (v as Record<string, unknown>)[t.tag])?.struct ?? '');
      case 'untagged':
        return typeof v === 'object' ? walk(t.alternatives.find((a) => typeof a === 'object' && 'ref' in a) ?? 'string', v) : v;
      default:
        return v;
    }
  };
  return walk({ ref: root }, value);
}
