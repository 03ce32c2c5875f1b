/**
 * encode's fast path: writes the canonical text of an event object in JavaScript, without the
 * WebAssembly round trip, when it can prove that text equal to `canonicalize(toJsonText(event))`
 * (the Rust path: JSON.stringify with guards, then serde reads and writes it). Anything it is not
 * sure of returns `undefined`, and encode takes the Rust path, errors included.
 *
 * The proof, rule by rule (docs/fast-path.md, "Encode", numbers E1 to E18):
 * - What JSON.stringify sees: own enumerable string keys (Object.keys), each value read once and
 *   that value written (a getter that changes between reads gives the value read here). Only
 *   plain objects (prototype Object.prototype or null) and arrays (Array.prototype) are walked;
 *   anything with a `toJSON` (own, inherited or polluted) is declined, as are class instances,
 *   boxed primitives, Dates, Maps.
 * - Values toJsonText refuses or changes are declined, so the Rust path gives its error: NaN,
 *   ±Infinity, -0, BigInt, functions, symbols, `undefined` or holes in arrays, lone surrogates.
 *   A member whose value is `undefined` is dropped, as JSON.stringify drops it.
 * - What serde reads from that text, as the shape table (shapes.ts) describes it: members in
 *   declaration order, unset options (absent, `undefined` or `null`) skipped, nullable members
 *   written as `null`, required ones present and not `null`, closed enums, u8/u16/u32 ranges,
 *   floats only when {@link floatText} knows serde_json's text for them, `serde_json::Value`
 *   keys sorted as its BTreeMap sorts them, unknown members dropped (only when their value is a
 *   string, boolean, null or such a number, which serde skips without error), untagged enums
 *   dispatched by {@link untaggedPlan} exactly as decode's fast path does.
 * - Limits: containers are taken only below the depth limit (one level of margin), and the text
 *   only when JSON.stringify's text, at most `out.length + extra` UTF-16 units (`extra`: the
 *   dropped `null` options and unknown members), is certainly within `maxBytes` as UTF-8 (3 bytes a
 *   unit at most). Cycles end at the depth limit.
 * Strings are written as JSON.stringify writes them (short ones that need no escape between quotes,
 * the rest by it), whose escaping equals serde_json's for well-formed text.
 *
 * Two ways of writing, the same rules: an interpreter of the table (closures per type), and, by
 * default, JavaScript written for the table's types ({@link generate}, E18), which hands the
 * interpreter any object it does not take in its simple case.
 *
 * test/fast-encode.test.ts compares it with the Rust path; scripts/fuzz-fast.mjs --encode fuzzes it.
 * @module
 */
import { floatText, kindOf, keyBefore, OBJECT, ShapeError, STRING, untaggedPlan } from './fast.js';
import { isWellFormed as wellFormed } from './guards.js';
import { BETA, type Member, type NamedType, type TypeRef } from './shapes.js';

/**
 * `s` as an internalized string (a property key's copy): the shape table's names come from
 * JSON.parse values, which are not, so comparing one with an object's key compared characters.
 */
const intern = (s: string): string => Object.keys({ [s]: 0 })[0] as string;

/** Appends the canonical text of `v` to {@link O}.out; false when not sure. */
type Enc = (v: unknown, depth: number) => boolean;

/**
 * The one mutable state: the text being written, the input's extra length, the depth limit, and
 * whether an encode is under way (a getter may call encode again: that call declines).
 */
const O = { out: '', extra: 0, limit: 0, busy: false };

/** A plain object as JSON.stringify walks it, with no `toJSON` anywhere on it. */
function plainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return (proto === Object.prototype || proto === null) && !Array.isArray(v) && (v as { toJSON?: unknown }).toJSON === undefined;
}

function plainArray(v: unknown): v is unknown[] {
  return Array.isArray(v) && Object.getPrototypeOf(v) === Array.prototype && (v as { toJSON?: unknown }).toJSON === undefined;
}

/** A well-formed string, as JSON.stringify (so serde_json) writes it (E11); a lone surrogate declines. */
const string: Enc = (v) => {
  if (typeof v !== 'string') return false;
  if (quotable(v)) {
    O.out += `"${v}"`;
    return true;
  }
  if (!wellFormed(v)) return false;
  O.out += JSON.stringify(v);
  return true;
};

/**
 * Whether `s` is well-formed and written as it is between quotes: short, with no character
 * JSON.stringify escapes. Testing is cheaper than the call for short strings (Node 20); longer
 * ones go to JSON.stringify, which newer engines run faster than the test. Most strings have no
 * surrogate: one test answers for them; the others (a pair is written as it is) are tested for
 * escapes and well-formedness. When false, `s` is long, needs escapes or is not well-formed.
 */
function quotable(s: string): boolean {
  if (s.length > TEST_MAX) return false;
  if (!PLAIN.test(s)) return true;
  return !ESCAPED.test(s) && wellFormed(s);
}
const TEST_MAX = 256;
/** JSON.stringify escapes these in a well-formed string. */
const ESCAPED = /["\\\x00-\x1f]/;
/** These, or a surrogate: a string without any is written between quotes as it is. */
const PLAIN = /["\\\x00-\x1f\ud800-\udfff]/;

/** The literal encoders (tags) and the one value each takes: structs write those members themselves. */
const LITERALS = new WeakMap<Enc, string>();

const oneOf = (values: readonly string[]): Enc => {
  if (values.length === 1) {
    // A literal (a tag): one comparison, no lookup.
    const value = intern(values[0] as string);
    const text = JSON.stringify(value);
    const enc: Enc = (v) => {
      if (v !== value) return false;
      O.out += text;
      return true;
    };
    LITERALS.set(enc, value);
    return enc;
  }
  const texts = new Map(values.map((v) => [intern(v), JSON.stringify(v)]));
  return (v) => {
    const t = typeof v === 'string' ? texts.get(v) : undefined;
    if (t === undefined) return false;
    O.out += t;
    return true;
  };
};

/** An integer in 0..=max, as serde writes a u8, u16 or u32 (-0: toJsonText refuses it). */
function inRange(v: unknown, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max && !Object.is(v, -0);
}

const uint =
  (max: number): Enc =>
  (v) => {
    if (!inRange(v, max)) return false;
    O.out += String(v);
    return true;
  };

const float: Enc = (v) => {
  if (typeof v !== 'number') return false;
  const s = floatText(v);
  if (s === undefined) return false;
  O.out += s;
  return true;
};

const bool: Enc = (v) => {
  if (typeof v !== 'boolean') return false;
  O.out += v ? 'true' : 'false';
  return true;
};

/**
 * A number as a Value (or an unknown member) holds it: a safe integer as its digits, any other as
 * serde_json writes that float ({@link floatText}); undefined for -0 and what has no known text.
 */
function numberText(v: number): string | undefined {
  return Number.isSafeInteger(v) && !Object.is(v, -0) ? String(v) : floatText(v);
}

/** The text JSON.stringify writes for a value serde skips without error (an unknown member's), or undefined. */
function skippedText(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return wellFormed(v) ? JSON.stringify(v) : undefined;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return numberText(v);
    case 'object':
      return v === null ? 'null' : undefined;
    default:
      return undefined;
  }
}

const listOf =
  (item: Enc): Enc =>
  (v, depth) => {
    if (depth >= O.limit || !plainArray(v)) return false;
    O.out += '[';
    for (let i = 0; i < v.length; i++) {
      if (i > 0) O.out += ',';
      const x = v[i];
      if (x === undefined || !item(x, depth + 1)) return false; // a hole or `undefined`: toJsonText refuses it
    }
    O.out += ']';
    return true;
  };

/** Objects with at most this many keys are sorted by insertion, the rest by Array.prototype.sort. */
const INSERTION_MAX = 16;

/** `keys` (an array of its own) in serde_json's BTreeMap order ({@link keyBefore}). */
function sortKeys(keys: string[]): string[] {
  const n = keys.length;
  if (n > INSERTION_MAX) return keys.sort((a, b) => (keyBefore(a, b) ? -1 : 1));
  for (let i = 1; i < n; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    if (!keyBefore(key, keys[j] as string)) continue; // already in place: the usual case
    do keys[j + 1] = keys[j] as string;
    while (--j >= 0 && keyBefore(key, keys[j] as string));
    keys[j + 1] = key;
  }
  return keys;
}

/** `{"key":` (the first member's) and `,"key":` of the Value keys met so far (short ones, up to KEY_CACHE_MAX). */
const KEY_TEXTS = new Map<string, readonly [string, string]>();
const KEY_CACHE_MAX = 2048;

/** A Value key's texts, or undefined when it is not well-formed (E11). */
function keyTexts(key: string): readonly [string, string] | undefined {
  let texts = KEY_TEXTS.get(key);
  if (texts === undefined) {
    if (!wellFormed(key)) return undefined;
    const quoted = JSON.stringify(key);
    texts = [`{${quoted}:`, `,${quoted}:`];
    if (key.length <= 64 && KEY_TEXTS.size < KEY_CACHE_MAX) KEY_TEXTS.set(key, texts);
  }
  return texts;
}

/** serde_json::Value. */
const json: Enc = (v, depth) => {
  switch (typeof v) {
    case 'string':
      if (!quotable(v)) return string(v, depth);
      O.out += `"${v}"`; // as `string` writes it
      return true;
    case 'boolean':
      return bool(v, depth);
    case 'number': {
      const s = numberText(v);
      if (s === undefined) return false;
      O.out += s;
      return true;
    }
    case 'object': {
      if (v === null) {
        O.out += 'null';
        return true;
      }
      if (Array.isArray(v)) return jsonList(v, depth);
      if (depth >= O.limit || !plainObject(v)) return false;
      // Sorted by UTF-8 bytes, as serde_json's BTreeMap writes them (E6). Keys are own and
      // distinct, so the order is strict; each value is read once, in that order.
      const keys = sortKeys(Object.keys(v));
      let first = true;
      for (let k = 0; k < keys.length; k++) {
        const key = keys[k] as string;
        const x = v[key];
        if (x === undefined) continue; // JSON.stringify drops it
        const texts = keyTexts(key);
        if (texts === undefined) return false;
        O.out += first ? texts[0] : texts[1];
        first = false;
        if (!json(x, depth + 1)) return false;
      }
      O.out += first ? '{}' : '}';
      return true;
    }
    default:
      return false;
  }
};

const jsonList = listOf(json);

interface Field {
  name: string;
  enc: Enc;
  required: boolean;
  nullable: boolean;
}

/**
 * The members the structs being written have read, as pairs (member index, value), in the order
 * read: a stack that nested structs share, each releasing its pairs when written. Nothing stays
 * in it after an encode (cleared when one declines), so it holds no caller's value.
 */
const READ: unknown[] = [];
let top = 0;

/** Empties {@link READ}, after an encode that declined (a struct that declined left its pairs). */
function releaseAll(): void {
  READ.length = 0;
  top = 0;
}

/** The pairs of READ from `from` to `to`, sorted by member index (an object not in declaration order). */
function sortPairs(from: number, to: number): void {
  for (let e = from + 2; e < to; e += 2) {
    const i = READ[e] as number;
    const x = READ[e + 1];
    let d = e - 2;
    while (d >= from && (READ[d] as number) > i) {
      READ[d + 2] = READ[d];
      READ[d + 3] = READ[d + 1];
      d -= 2;
    }
    READ[d + 2] = i;
    READ[d + 3] = x;
  }
}

const struct = (fields: readonly Field[]): Enc => {
  const names = fields.map((f) => intern(f.name));
  const index = new Map(names.map((name, i) => [name, i]));
  const encs = fields.map((f) => f.enc);
  const required = fields.map((f) => f.required);
  const n = fields.length;
  const first = fields.map((f) => `${JSON.stringify(f.name)}:`);
  const next = fields.map((f) => `,${JSON.stringify(f.name)}:`);
  const opening = first.map((t) => `{${t}`); // the first member written opens the object
  // String members (the commonest) are written here, with the opening quote in the member's text.
  const isString = fields.map((f) => f.enc === string);
  const nextQuoted = next.map((t) => `${t}"`);
  const openingQuoted = opening.map((t) => `${t}"`);
  // Literal members (tags): compared, and written with the member's text in one piece.
  const literal = fields.map((f) => LITERALS.get(f.enc));
  const nextLiteral = next.map((t, i) => (literal[i] === undefined ? '' : t + JSON.stringify(literal[i])));
  const openingLiteral = opening.map((t, i) => (literal[i] === undefined ? '' : t + JSON.stringify(literal[i])));
  // The members written even when absent: required ones (then declined) and nullable ones (`null`).
  const mustVisit = fields.flatMap((f, i) => (f.required || f.nullable ? [i] : []));
  const visits = mustVisit.length;
  return (v, depth) => {
    if (depth >= O.limit || !plainObject(v)) return false;
    const keys = Object.keys(v);
    const base = top;
    let guess = 0; // members usually come in declaration order: the next one is tried first
    let inOrder = true;
    let last = -1;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      const x = v[key]; // read once: this value is the one written
      if (x === undefined) continue; // JSON.stringify drops it
      const i = guess < n && names[guess] === key ? guess : index.get(key);
      if (i === undefined) {
        // Unknown: serde skips it. Only values it skips without error, and counted for the limit.
        const text = skippedText(x);
        if (text === undefined || !wellFormed(key)) return false;
        O.extra += JSON.stringify(key).length + text.length + 2;
        continue;
      }
      guess = i + 1;
      if (x === null) {
        if (required[i]) return false;
        O.extra += (first[i] as string).length + 5; // `"key":null,` read as unset
        continue;
      }
      if (i < last) inOrder = false;
      last = i;
      READ[top++] = i;
      READ[top++] = x;
    }
    const end = top;
    if (!inOrder) sortPairs(base, end);
    // Declaration order: the pairs read, and between them the absent members that must be visited.
    let opened = false;
    let p = 0;
    for (let e = base; e <= end; e += 2) {
      const i = e < end ? (READ[e] as number) : n;
      for (; p < visits && (mustVisit[p] as number) < i; p++) {
        const j = mustVisit[p] as number;
        if (required[j]) return false;
        O.out += opened ? (next[j] as string) : (opening[j] as string);
        O.out += 'null';
        opened = true;
      }
      if (i === n) break;
      if (p < visits && mustVisit[p] === i) p++;
      const x = READ[e + 1];
      const l = literal[i];
      if (l !== undefined) {
        if (x !== l) return false; // as the literal's encoder declines
        O.out += opened ? (nextLiteral[i] as string) : (openingLiteral[i] as string);
        opened = true;
        continue;
      }
      if (isString[i] && typeof x === 'string' && quotable(x)) {
        O.out += opened ? (nextQuoted[i] as string) : (openingQuoted[i] as string);
        O.out += `${x}"`; // as `string` writes it
        opened = true;
        continue;
      }
      O.out += opened ? (next[i] as string) : (opening[i] as string);
      opened = true;
      if (!(encs[i] as Enc)(x, depth + 1)) return false;
    }
    for (let e = base; e < end; e++) READ[e] = undefined;
    top = base;
    O.out += opened ? '}' : '{}';
    return true;
  };
};

/**
 * How {@link compileFastEncoder} writes: `generated`, by functions written for each type of the
 * table (see {@link generate}), which fall back on the interpreter for what they do not take;
 * `interpreted`, by the interpreter's closures alone. @internal
 */
export type EncoderMode = 'generated' | 'interpreted';

/**
 * Compiles the encoder for `root`, one of `types` (the rows {@link compileFastDecoder} takes). The
 * result returns the canonical text Rust writes for the event, or `undefined` when not sure. It
 * never throws (a getter or Proxy trap that throws: `undefined`). `mode`: `generated` unless the
 * engine refuses `new Function` (a Content-Security-Policy without 'unsafe-eval'), then, or when
 * asked, `interpreted`. Both write the same text, or both decline. @internal
 */
export function compileFastEncoder(
  types: Readonly<Record<string, NamedType>>,
  root: string,
  mode: EncoderMode = 'generated',
): (event: unknown, maxDepth: number, maxBytes: number) => string | undefined {
  const compiled = new Map<string, Enc>();
  const named = (name: string): NamedType => {
    const shape = types[name];
    if (shape === undefined) throw new ShapeError(`fast encode: the table has no type ${name}`);
    return shape;
  };
  const fields = (members: readonly Member[]): Field[] =>
    members.map((m) => ({ name: m.name, enc: compile(m.type), required: m.presence === 'required', nullable: m.presence === 'nullable' }));
  const tagField = (name: string, value: string): Field => ({ name, enc: oneOf([value]), required: true, nullable: false });
  const compileNamed = (name: string): Enc => {
    const done = compiled.get(name);
    if (done !== undefined) return done;
    let target: Enc | undefined;
    compiled.set(name, (v, depth) => (target as Enc)(v, depth)); // for a type that holds itself
    const shape = named(name);
    let enc: Enc;
    switch (shape.kind) {
      case 'enum':
        enc = oneOf(shape.values);
        break;
      case 'struct':
        enc = struct(fields(shape.members));
        break;
      case 'tagged': {
        const tag = shape.tag;
        // The tag read here picks the variant; the struct reads it again and checks it is the same.
        const dispatch =
          (on: string, byValue: ReadonlyMap<string, Enc>): Enc =>
          (v, depth) => {
            if (!plainObject(v)) return false;
            const t = v[on];
            const variant = typeof t === 'string' ? byValue.get(t) : undefined;
            return variant !== undefined && variant(v, depth);
          };
        const variants = new Map(
          shape.variants.map((v) => {
            const s = named(v.struct);
            // A variant that is itself a tagged enum (GA's message item, tagged on `role`): serde
            // writes the outer tag, then the inner one, then the inner variant's members.
            if (s.kind === 'tagged') {
              const inner = new Map(
                s.variants.map((w) => {
                  const ws = named(w.struct);
                  if (ws.kind !== 'struct') throw new ShapeError(`fast encode: variant ${w.value} of ${v.struct} is not a struct`);
                  return [w.value, struct([tagField(tag, v.value), tagField(s.tag, w.value), ...fields(ws.members)])] as [string, Enc];
                }),
              );
              return [v.value, dispatch(s.tag, inner)] as [string, Enc];
            }
            if (s.kind !== 'struct') throw new ShapeError(`fast encode: variant ${v.value} of ${name} is not a struct`);
            return [v.value, struct([tagField(tag, v.value), ...fields(s.members)])] as [string, Enc];
          }),
        );
        enc = dispatch(tag, variants);
        break;
      }
      case 'untagged': {
        const plan = untaggedPlan(named, shape.alternatives);
        const byKind = plan.byKind.map((a) => (a === undefined ? undefined : compile(a)));
        const { guard, objectTag } = plan;
        // Invariant 8's exceptions, as decode's scan takes them: a string the closed list refuses
        // (its encoder declines exactly the strings not in it) is the plain string after it; an
        // object with no own member named like the tag (JSON.stringify writes no tag, so serde's
        // tagged enum refuses it) is the Value after it.
        const stringAfter = plan.stringAfter ? compile('string') : undefined;
        const valueAfter = objectTag !== undefined ? compile('json') : undefined;
        enc = (v, depth) => {
          const k = kindOf(v);
          if (k < 0) return false;
          if (k === OBJECT && guard !== undefined) {
            if (!plainObject(v)) return false;
            const keys = Object.keys(v);
            if (keys.length === 1 && guard.includes(keys[0] as string)) return false;
          }
          // Decided before the tagged enum reads anything, so no member is read twice.
          if (k === OBJECT && valueAfter !== undefined && plainObject(v) && !Object.hasOwn(v, objectTag as string)) return valueAfter(v, depth);
          const alternative = byKind[k];
          if (alternative === undefined) return false;
          if (k !== STRING || stringAfter === undefined) return alternative(v, depth);
          const at = O.out.length;
          if (alternative(v, depth)) return true;
          O.out = O.out.slice(0, at);
          return stringAfter(v, depth);
        };
        break;
      }
    }
    target = enc;
    compiled.set(name, enc);
    return enc;
  };
  const compile = (ref: TypeRef): Enc => {
    if (typeof ref === 'string') {
      switch (ref) {
        case 'string':
          return string;
        case 'bool':
          return bool;
        case 'u8':
          return uint(0xff);
        case 'u16':
          return uint(0xffff);
        case 'u32':
          return uint(0xffffffff);
        case 'f32':
        case 'f64':
          return float;
        case 'json':
          return json;
      }
      throw new ShapeError(`fast encode: unknown type ${String(ref)}`);
    }
    if ('list' in ref) return listOf(compile(ref.list));
    // A map (GA's response metadata) is written in hash order: only Rust answers for it.
    if ('map' in ref) throw new ShapeError('fast encode: a map type is not compiled (it goes to Rust)');
    if ('ref' in ref) return compileNamed(ref.ref);
    return oneOf([ref.literal]);
  };
  const rootEnc = (mode === 'generated' ? generate({ named, compile, fallback: (tags, members) => struct([...tags.map(([n, v]) => tagField(n, v)), ...fields(members)]) }, root) : undefined) ?? compileNamed(root);
  return (event, maxDepth, maxBytes) => {
    // Called again from a getter of the event being written: the state is that encode's, so this
    // one declines (the Rust path answers it) and leaves the state as it was.
    if (O.busy) return undefined;
    O.busy = true;
    O.out = '';
    O.extra = 0;
    O.limit = maxDepth;
    try {
      if (!rootEnc(event, 1)) {
        releaseAll();
        return undefined;
      }
      const text = O.out;
      // JSON.stringify's text is at most this long, and UTF-8 takes at most 3 bytes a unit.
      return (text.length + O.extra) * 3 <= maxBytes ? text : undefined;
    } catch {
      // A getter or Proxy trap threw: the Rust path's toJsonText meets it again and reports it.
      releaseAll();
      return undefined;
    } finally {
      O.out = '';
      O.busy = false;
    }
  };
}

/** What {@link generate} takes from the interpreter. */
interface Interpreter {
  named: (name: string) => NamedType;
  /** The interpreter's encoder of a type (enums, untagged enums, literals, primitives in lists). */
  compile: (ref: TypeRef) => Enc;
  /** The interpreter's encoder of a struct with these tags (name, value) before its members. */
  fallback: (tags: readonly (readonly [string, string])[], members: readonly Member[]) => Enc;
}

/** A JavaScript string literal of `s` (a JSON string literal is one). */
const js = (s: string): string => JSON.stringify(s);

/**
 * The encoder of `root` as JavaScript written for its types, or undefined when the engine refuses
 * `new Function`. Each struct (and each tagged variant, with its tags as members) becomes a
 * function that first matches the object's keys, in order, against its members in declaration
 * order, without reading a value. Only when every key is a member, in that order, does it read
 * them, each once and by name (a named load, where the interpreter's is keyed), in that same
 * order, as JSON.stringify reads them. Any other object (members out of order, an unknown member)
 * goes, still unread, to the interpreter's struct for the same type, which takes it as before.
 * The writing is the interpreter's, rule for rule (E1 to E17), with the member texts, kinds and
 * presences as constants: so both write the same text, or both decline. Tagged enums become a
 * switch on the tag, lists a loop; enums, untagged enums and Values stay the interpreter's.
 * test/fast-encode.test.ts runs every case through both modes.
 */
function generate(it: Interpreter, root: string): Enc | undefined {
  const ext: Enc[] = [];
  /**
   * The interpreter's encoder that `make` compiles, as `E[i]` in the source: compiled on its first
   * call, which puts it in its slot, so that later calls reach it directly.
   */
  const external = (make: () => Enc): string => {
    const i = ext.length;
    ext.push((v, depth) => (ext[i] = make())(v, depth));
    return `E[${i}]`;
  };
  const functions: string[] = [];
  const done = new Map<string, string>();
  let count = 0;
  const start = (key: string, prefix: string): string | undefined => {
    if (done.has(key)) return undefined;
    const name = `${prefix}${count++}`;
    done.set(key, name);
    return name;
  };

  /** An expression that writes `x`, of type `ref`, at depth `d`: true when written. */
  const call = (ref: TypeRef, x: string, d: string): string => {
    if (typeof ref !== 'string' && 'list' in ref) return `${list(ref.list)}(${x}, ${d})`;
    if (typeof ref !== 'string' && 'ref' in ref) {
      const shape = it.named(ref.ref);
      if (shape.kind === 'struct') return `${struct(ref.ref, [], shape.members)}(${x}, ${d})`;
      if (shape.kind === 'tagged') return `${tagged(ref.ref, [], shape)}(${x}, ${d})`;
    }
    return `${external(() => it.compile(ref))}(${x}, ${d})`;
  };

  const list = (item: TypeRef): string => {
    const key = `list ${JSON.stringify(item)}`;
    const name = start(key, 'l');
    if (name === undefined) return done.get(key) as string;
    functions.push(`function ${name}(v, d) {
  if (d >= O.limit || !plainArray(v)) return false;
  O.out += '[';
  for (let i = 0; i < v.length; i++) {
    if (i > 0) O.out += ',';
    const x = v[i];
    ${item === 'string' ? "if (typeof x !== 'string') return false;\n    if (quotable(x)) O.out += `\"${x}\"`;\n    else if (!E_string(x, d + 1)) return false;" : `if (x === undefined || !${call(item, 'x', 'd + 1')}) return false;`}
  }
  O.out += ']';
  return true;
}`);
    return name;
  };

  /** A tagged enum's dispatch (after `tags`, the outer tags already in its variants' text). */
  const tagged = (key: string, tags: readonly (readonly [string, string])[], shape: Extract<NamedType, { kind: 'tagged' }>): string => {
    const name = start(`tagged ${key}`, 't');
    if (name === undefined) return done.get(`tagged ${key}`) as string;
    const cases = shape.variants.map((v) => {
      const s = it.named(v.struct);
      const inner = [...tags, [shape.tag, v.value] as const];
      let target: string;
      if (s.kind === 'struct') target = struct(`${key}/${v.value}`, inner, s.members);
      else if (s.kind === 'tagged' && tags.length === 0) target = tagged(`${key}/${v.value}`, inner, s);
      else throw new ShapeError(`fast encode: variant ${v.value} of ${key} is neither a struct nor a tagged enum of structs`);
      return `    case ${js(v.value)}: return ${target}(v, d);`;
    });
    functions.push(`function ${name}(v, d) {
  if (!plainObject(v)) return false;
  switch (v[${js(shape.tag)}]) {
${cases.join('\n')}
    default: return false;
  }
}`);
    return name;
  };

  const struct = (key: string, tags: readonly (readonly [string, string])[], members: readonly Member[]): string => {
    const name = start(`struct ${key}`, 's');
    if (name === undefined) return done.get(`struct ${key}`) as string;
    const slow = external(() => it.fallback(tags, members)); // most objects never need it
    type Row = { name: string; literal?: string; presence: Member['presence']; type?: TypeRef };
    const rows: Row[] = [...tags.map(([n, value]): Row => ({ name: n, literal: value, presence: 'required' })), ...members];
    const body: string[] = [];
    body.push('  if (d >= O.limit || !plainObject(v)) return false;');
    body.push('  const keys = Object.keys(v);');
    body.push('  const n = keys.length;');
    body.push('  let k = 0;');
    // The keys, in order, against the members in declaration order: nothing read yet.
    rows.forEach((r, i) => body.push(`  const p${i} = k < n && keys[k] === ${js(r.name)};`, `  if (p${i}) k++;`));
    body.push(`  if (k !== n) return ${slow}(v, d);`);
    // Read, each once, in the keys' order.
    rows.forEach((r, i) => body.push(`  const a${i} = p${i} ? v[${js(r.name)}] : undefined;`));
    body.push('  let o = false;');
    // Whether the object is open before each member: 0 no, 1 yes, 2 not known until run time.
    let open = 0;
    const before = (text: string): string => (open === 0 ? js(`{${text}`) : open === 1 ? js(`,${text}`) : `(o ? ${js(`,${text}`)} : ${js(`{${text}`)})`);
    rows.forEach((r, i) => {
      const a = `a${i}`;
      const k = `${JSON.stringify(r.name)}:`; // the member's text, `"name":`
      const nullExtra = `O.extra += ${k.length + 5};`; // `"key":null,` read as unset
      const write = (): string[] => {
        if (r.literal !== undefined) return [`if (${a} !== ${js(r.literal)}) return false;`, `O.out += ${before(k + js(r.literal))};`];
        const t = r.type as TypeRef;
        switch (t) {
          case 'string':
            return [
              `if (typeof ${a} !== 'string') return false;`,
              `if (quotable(${a})) { O.out += ${before(`${k}"`)}; O.out += ${a} + '"'; }`,
              `else { O.out += ${before(k)}; if (!E_string(${a}, d + 1)) return false; }`,
            ];
          case 'bool':
            return [`if (typeof ${a} !== 'boolean') return false;`, `O.out += ${before(k)} + (${a} ? 'true' : 'false');`];
          case 'u8':
          case 'u16':
          case 'u32': {
            const max = t === 'u8' ? 0xff : t === 'u16' ? 0xffff : 0xffffffff;
            return [`if (!inRange(${a}, ${max})) return false;`, `O.out += ${before(k)} + String(${a});`];
          }
          case 'f32':
          case 'f64':
            return [`const f${i} = typeof ${a} === 'number' ? floatText(${a}) : undefined;`, `if (f${i} === undefined) return false;`, `O.out += ${before(k)} + f${i};`];
          default:
            return [`O.out += ${before(k)};`, `if (!${call(t, a, 'd + 1')}) return false;`];
        }
      };
      const lines = (xs: string[], indent = '    '): string => xs.map((x) => indent + x).join('\n');
      if (r.presence === 'required') {
        body.push(`  if (${a} === undefined || ${a} === null) return false;`, lines(write(), '  '), '  o = true;');
        open = 1;
      } else if (r.presence === 'nullable') {
        const none = `O.out += ${before(`${k}null`)};`;
        body.push(`  if (${a} === undefined) ${none}`, `  else if (${a} === null) { ${nullExtra} ${none} }`, `  else {`, lines(write()), '  }', '  o = true;');
        open = 1;
      } else {
        body.push(`  if (${a} === null) ${nullExtra}`, `  else if (${a} !== undefined) {`, lines(write()), '    o = true;', '  }');
        if (open === 0) open = 2;
      }
    });
    body.push(`  O.out += ${open === 1 ? "'}'" : open === 0 ? "'{}'" : "(o ? '}' : '{}')"};`, '  return true;');
    functions.push(`function ${name}(v, d) {\n${body.join('\n')}\n}`);
    return name;
  };

  const shape = it.named(root);
  const top = shape.kind === 'tagged' ? tagged(root, [], shape) : call({ ref: root }, 'v', 'd');
  const source = `'use strict';\n${functions.join('\n')}\nreturn ${top};`;
  try {
    const factory = new Function('O', 'plainObject', 'plainArray', 'quotable', 'inRange', 'floatText', 'E_string', 'E', source) as (...a: unknown[]) => Enc;
    return factory(O, plainObject, plainArray, quotable, inRange, floatText, string, ext);
  } catch {
    return undefined; // eval refused (a Content-Security-Policy): the interpreter writes
  }
}

/** Compiled on first use, not at import. */
let betaClient: ReturnType<typeof compileFastEncoder> | undefined;

/**
 * The canonical text of a client event object, equal to what the Rust path writes for
 * `toJsonText(event)`, or `undefined` when not sure. @internal
 */
export function fastEncode(event: unknown, maxDepth: number, maxBytes: number): string | undefined {
  betaClient ??= compileFastEncoder(BETA.types, BETA.client);
  return betaClient(event, maxDepth, maxBytes);
}

/**
 * An encoder over `types` from `root` (another protocol's client part), compiled on its first
 * call: the GA entry uses this over its own table. @internal
 */
export function lazyFastEncoder(types: Readonly<Record<string, NamedType>>, root: string): (event: unknown, maxDepth: number, maxBytes: number) => string | undefined {
  let compiled: ReturnType<typeof compileFastEncoder> | undefined;
  return (event, maxDepth, maxBytes) => (compiled ??= compileFastEncoder(types, root))(event, maxDepth, maxBytes);
}
