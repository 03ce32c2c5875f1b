/**
 * decode's fast path: `JSON.parse`, then checks in JavaScript that prove the Rust crate reads the
 * text to exactly the parsed value, so that no WebAssembly call is needed for the events real
 * producers send. Anything the checks are not sure of returns `undefined`, and decode takes the
 * Rust path (which also gives the error). The checks follow the crate's types: serde's declaration
 * order, required members, closed enums, u16/u32 ranges, `null` as an unset option, unknown
 * members skipped, parameters' keys sorted (serde_json's BTreeMap).
 *
 * What JSON.parse hides, and the Rust side does not accept alike, is in the text: duplicate keys
 * (JSON.parse keeps the last, serde refuses a duplicate member), number spellings (`1e2` and `1.0`
 * are not u32s) and long float spellings (serde_json may read those one ulp off). Three passes, the
 * first that succeeds wins:
 *
 * 0. **Length.** Checks the value alone and adds up the length of the text serde_json would write
 *    for it, member by member in the parsed order, unknown members included, strings first as if
 *    nothing needed escaping, then with their escapes counted. Every other way to write the same
 *    members is longer: whitespace, escapes, a duplicate member (JSON.parse shows only one), and
 *    the number spellings taken here. Integers: every other spelling is longer except for round
 *    ones (`3e2` is as long as `300`, `1e3` shorter than `1000`), which a u16/u32 member then looks
 *    for in the text where they must stand (see sizeInteger). f32 values: only non-whole ones from
 *    0.01, whose other spellings are no shorter and read to the same f32. So a text of exactly that
 *    length holds these members in this order, written this way, and nothing else. The
 *    text is only read at those few places. On success, objects are put in canonical form in
 *    place: members in declaration order, unknown members and `null` options dropped,
 *    `response: null` added, parameters' keys sorted. The flat events (appends, truncates, deletes,
 *    the events with only an `event_id`) have a shorter version of this pass (flatEvent).
 * 1. **Canonical text.** Walks the value in declaration order and compares the text with what
 *    serde_json writes, character by character; the parsed value is returned unchanged.
 * 2. **Any order.** Walks the members in text order, still comparing every character, skips
 *    unknown members and `null` options, and returns objects rebuilt in declaration order.
 *
 * Passes 1 and 2 compare each literal with `startsWith` and each string by its quotes and raw
 * content (or, when it has escapes, by JSON.stringify's escaping, which equals serde_json's for
 * well-formed text). In valid JSON, a string token whose first |v| raw characters are its decoded
 * value v, followed by `"`, has no escape (an escaped quote at that place would need another
 * escaped quote before it, and so on down to one that is not escaped).
 *
 * Floats are only taken with at most 6 significant digits, at most 8 decimals and a magnitude from
 * 1e-4 to 1e6 (or 0), in the plain spelling serde_json writes (`0.25`, `1.0`; `1` also for an
 * f32). crate/tests/fast_floats.rs checks every such number against serde_json, as f32 and as
 * serde_json::Value: Rust writes back the same decimal. Strings must be well-formed UTF-16. The
 * depth limit is applied to the parsed value.
 *
 * test/fast-path.test.ts compares these passes with the Rust path over the corpus and over
 * generated, mutated and length-preserving adversarial texts.
 * @module
 */
import type { ClientEvent } from './types.js';

let t = '';
let at = 0;
let limit = 127;
/** Pass 1 accepts only canonical text and changes nothing; pass 2 reads any member order. */
let canonicalOnly = true;

/** What a walk returns for anything it is not sure of. */
const FAIL: unique symbol = Symbol('fail');
/** Checks `value` against the text at `at` and returns its canonical form (`value` itself when it already is), or FAIL. */
type Walk = (value: unknown, depth: number) => unknown;
/** Pass 0: adds the length of `value`'s canonical text to `pos`; false if not sure. */
type Size = (value: unknown, depth: number) => boolean;
/** One of the crate's types, as the passes see it. */
interface Type {
  walk: Walk;
  size: Size;
}

function lit(s: string): boolean {
  if (!t.startsWith(s, at)) return false;
  at += s.length;
  return true;
}

const SURROGATE = /[\uD800-\uDFFF]/;

function wellFormed(s: string): boolean {
  const native = (s as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(s) : !SURROGATE.test(s); // without it, any surrogate takes the Rust path
}

function walkString(v: unknown): unknown {
  if (typeof v !== 'string' || t.charCodeAt(at) !== 34 || !wellFormed(v)) return FAIL;
  const end = at + 1 + v.length;
  if (t.charCodeAt(end) === 34 && t.substring(at + 1, end) === v) {
    at = end + 1;
    return v;
  }
  // With escapes: a string token ends at its first unescaped quote, so a text that starts with
  // this token holds exactly this token.
  return lit(JSON.stringify(v)) ? v : FAIL;
}

/**
 * How many more characters serde_json writes for well-formed `s` than its length and quotes:
 * one for `"`, `\\` and \b \t \n \f \r, five for the other controls (`\u00xx`), as JSON.stringify
 * does. Counted by hand for short strings; JSON.stringify's own scan is faster on long ones.
 */
function escapes(s: string): number {
  if (s.length > 64) return JSON.stringify(s).length - s.length - 2;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34 || c === 92) n += 1;
    else if (c < 32) n += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 1 : 5;
  }
  return n;
}

/** Pass 0 first counts strings as if unescaped; if the text is longer, once more exactly. */
let exactStrings = false;

/** Pass 0's position in the canonical text. */
let pos = 0;
/** Pass 0's round u16/u32 values (`300`, `1000`): where each must stand, and its text. */
const pending: (number | string)[] = [];
let pendingCount = 0;
/** Pass 0's free strings, to count their escapes when the text turns out longer. */
const strings: string[] = [];
let stringCount = 0;
/**
 * Pass 0's objects to put in canonical form once it has succeeded, children before parents: each
 * as (where it is held, under which key, the object, its fields). A struct (fields given) is
 * rebuilt in declaration order, unknown members and unset options dropped, `response: null`
 * added; a parameters object (no fields) with its keys sorted. The copy replaces the object in
 * its holder (rebuilding is several times cheaper than reordering an object in place).
 */
const fixes: unknown[] = [];
let fixCount = 0;
/** Where the value being sized is held, set by its container just before: for fixes. */
let holder: Record<string, unknown> | unknown[] = [];
let holderKey: string | number = 0;
/** Holds the event itself, so that a fix of the event object has a holder too. */
const top: unknown[] = [undefined];

function addFix(o: object, fields: readonly Field[] | undefined, at: Record<string, unknown> | unknown[], key: string | number): void {
  fixes[fixCount++] = at;
  fixes[fixCount++] = key;
  fixes[fixCount++] = o;
  fixes[fixCount++] = fields;
}

/**
 * Empties the lists. They are written by index and emptied by resetting their counts: setting an
 * array's length is a runtime call, which showed in the profile. The slots keep the last event's
 * strings and objects alive until overwritten, at most one event's worth (the fast path takes
 * texts up to 64 Ki characters).
 */
function resetLists(): void {
  pendingCount = stringCount = fixCount = 0;
}

function applyFixes(): void {
  for (let i = 0; i < fixCount; i += 4) {
    const at = fixes[i] as Record<string | number, unknown>;
    const key = fixes[i + 1] as string | number;
    const o = fixes[i + 2] as Record<string, unknown>;
    const fields = fixes[i + 3] as readonly Field[] | undefined;
    const out: Record<string, unknown> = {};
    if (fields === undefined) {
      for (const k of Object.keys(o).sort((a, b) => (keyBefore(a, b) ? -1 : 1))) {
        // A plain assignment to `__proto__` would set the prototype, not a member.
        if (k === '__proto__') Object.defineProperty(out, k, { value: o[k], enumerable: true, writable: true, configurable: true });
        else out[k] = o[k];
      }
    } else {
      for (const f of fields) {
        const value = own(o, f.name);
        if (value !== undefined && value !== null) out[f.name] = value;
        else if (f.nullable) out[f.name] = null;
      }
    }
    at[key] = out;
  }
}

function sizeString(v: unknown): boolean {
  if (typeof v !== 'string' || !wellFormed(v)) return false;
  if (exactStrings) {
    pos += v.length + 2 + escapes(v);
  } else {
    pos += v.length + 2;
    strings[stringCount++] = v;
  }
  return true;
}

const string: Type = { walk: walkString, size: sizeString };

const oneOf = (values: readonly string[]): Type => ({
  walk: (v) => (typeof v === 'string' && values.includes(v) ? walkString(v) : FAIL),
  size: (v) => {
    if (typeof v !== 'string' || !values.includes(v)) return false;
    pos += v.length + 2;
    return true;
  },
});

/**
 * Pass 0 for an integer: every other JSON spelling of it is longer, except for those with two
 * trailing zeros or more: `3e2` is as long as `300`, `1e3` shorter than `1000`. A u16/u32 member
 * with such a value (where `3e2` is an error) is looked for, as written here, where the canonical
 * text puts it, once the total length is known to match. That place holds the member's own
 * token unless an earlier token is spelled differently, and the first such token is itself a
 * number looked for in place: a shorter spelling is a different text, and after a longer one
 * the place starts on the `:` or space before the number. Inside parameters, where nothing is
 * looked for in place, `300` is taken (`3e2` means 300.0 there, which JSON.parse reads alike) and
 * `1000` is not.
 */
function sizeInteger(v: number, lookedFor: boolean): boolean {
  if (v !== 0 && v % 100 === 0) {
    if (lookedFor) {
      pending[pendingCount++] = pos;
      pending[pendingCount++] = String(v);
    } else if (v % 1000 === 0) {
      return false;
    }
  }
  pos += digits(v);
  return true;
}

/** The length of a safe integer's decimal text, without building it. */
function digits(v: number): number {
  let n = 1;
  let a = v;
  if (a < 0) {
    n += 1;
    a = -a;
  }
  while (a >= 10) {
    a = Math.floor(a / 10);
    n += 1;
  }
  return n;
}

/** A value of a Rust unsigned integer type up to `max` (u16, u32), as JSON.parse gives it. */
function isUint(v: unknown, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max && !Object.is(v, -0);
}

const uint = (max: number): Type => ({
  walk: (v) => (isUint(v, max) && lit(String(v)) ? v : FAIL),
  size: (v) => isUint(v, max) && sizeInteger(v, true),
});

/** How serde_json writes float `v` (f32 or f64) when `v` is one of the short decimals described above. @internal */
export function floatText(v: number): string | undefined {
  if (v === 0) return Object.is(v, -0) ? undefined : '0.0';
  const abs = Math.abs(v);
  if (!(abs >= 1e-4 && abs < 1e6)) return undefined;
  // JavaScript's shortest spelling: at most 6 significant digits, at most 8 decimals, no exponent.
  const s = String(v);
  let digits = 0;
  let decimals = -1;
  for (let i = v < 0 ? 1 : 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      decimals = 0;
      continue;
    }
    if (c < 48 || c > 57) return undefined; // an exponent
    if (decimals >= 0) decimals++;
    if (digits > 0 || c !== 48) digits++; // leading zeros are not significant
  }
  if (digits > 6 || decimals > 8) return undefined;
  return decimals < 0 ? `${s}.0` : s;
}

const f32: Type = {
  // serde's `1.0`, or JavaScript's `1` for a whole number (the crate reads both alike).
  walk: (v) => {
    if (typeof v !== 'number') return FAIL;
    const s = floatText(v);
    return s !== undefined && (lit(s) || (Number.isInteger(v) && lit(String(v)))) ? v : FAIL;
  },
  size: (v) => {
    if (typeof v !== 'number' || Number.isInteger(v) || Math.abs(v) < 0.01) return false;
    const s = floatText(v);
    if (s === undefined) return false;
    pos += s.length;
    return true;
  },
};

const bool: Type = {
  walk: (v) => ((v === true && lit('true')) || (v === false && lit('false')) ? v : FAIL),
  size: (v) => {
    if (typeof v !== 'boolean') return false;
    pos += v ? 4 : 5;
    return true;
  },
};

/** `o[key]` if it is `o`'s own: Object.prototype may have been given that name. */
function own(o: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const arrayOf = (item: Type): Type => ({
  walk: (v, depth) => {
    if (!Array.isArray(v) || depth > limit || !lit('[')) return FAIL;
    let out: unknown[] | undefined;
    for (let i = 0; i < v.length; i++) {
      if (i > 0 && !lit(',')) return FAIL;
      const r = item.walk(v[i], depth + 1);
      if (r === FAIL) return FAIL;
      if (r !== v[i]) (out ??= v.slice())[i] = r;
    }
    return lit(']') ? (out ?? v) : FAIL;
  },
  size: (v, depth) => {
    if (!Array.isArray(v) || depth > limit) return false;
    pos += 1; // `[`
    for (let i = 0; i < v.length; i++) {
      if (i > 0) pos += 1; // `,`
      holder = v;
      holderKey = i;
      if (!item.size(v[i], depth + 1)) return false;
    }
    pos += 1; // `]`
    return true;
  },
});

interface Field {
  name: string;
  type: Type;
  required: boolean;
  /** An Option written even when unset (as `null`): `response`. */
  nullable: boolean;
}

const field = (name: string, type: Type, required = false, nullable = false): Field => ({ name, type, required, nullable });

/**
 * A struct. Pass 0 and pass 1 take only its canonical form (members in declaration order, no
 * unknown member, no `null` but `response`). Pass 2 reads members in text order as serde does:
 * `null` options as unset, unknown members skipped (after checking them as JSON: they count for
 * the depth limit), and returns a new object in declaration order when that differs.
 */
const struct = (fields: readonly Field[]): Type => {
  const index = new Map(fields.map((f, i) => [f.name, i]));
  const requiredMask = fields.reduce((m, f, i) => (f.required ? m | (1 << i) : m), 0);
  const nullableMask = fields.reduce((m, f, i) => (f.nullable ? m | (1 << i) : m), 0);
  const first = fields.map((f) => `"${f.name}":`);
  const next = fields.map((f) => `,"${f.name}":`);
  const size: Size = (v, depth) => {
    if (!isObject(v) || depth > limit) return false;
    const at = holder;
    const atKey = holderKey;
    const start = pos;
    pos += 1; // `{`
    let seen = 0; // one bit per field
    let last = -1;
    let fix = false;
    const keys = Object.keys(v); // own members only (for-in would also list a polluted prototype's)
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      // Usually the next field in declaration order (keys from JSON.parse are internalised
      // strings: comparing them is cheap, hashing them for a Map is not).
      let i = last + 1;
      while (i < fields.length && (fields[i] as Field).name !== key) i++;
      if (i === fields.length) {
        i = 0;
        while (i <= last && (fields[i] as Field).name !== key) i++;
        if (i > last) i = -1;
      }
      if (i < 0) {
        // Unknown: serde skips it, it is dropped. JavaScript lists integer-like keys first, which
        // would put `pos` out of step with the text: left to the other passes.
        const c = key.charCodeAt(0);
        if ((c >= 48 && c <= 57) || !sizeString(key)) return false;
        pos += 1; // `:`
        holder = v;
        holderKey = key;
        if (!json.size(v[key], depth + 1)) return false;
        pos += 1; // `,` or `}`
        fix = true;
        continue;
      }
      const f = fields[i] as Field;
      const value = v[key];
      pos += key.length + 3; // `"key":`
      if (value === null) {
        if (f.required) return false;
        pos += 4;
        if (!f.nullable) fix = true; // an unset option: dropped
      } else if (((holder = v), (holderKey = key), !f.type.size(value, depth + 1))) {
        return false;
      }
      pos += 1; // `,` or `}`
      if (i < last) fix = true; // out of declaration order: reordered
      last = i;
      seen |= 1 << i;
    }
    if ((seen & requiredMask) !== requiredMask) return false;
    if ((nullableMask & ~seen) !== 0) fix = true; // `response: null` is added
    if (pos === start + 1) pos += 1; // `}` of `{}`
    if (fix) {
      addFix(v, fields, at, atKey);
    }
    return true;
  };
  const walk: Walk = (v, depth) => {
    if (!isObject(v) || depth > limit || !lit('{')) return FAIL;
    if (canonicalOnly) {
      let opened = false;
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i] as Field;
        const value = v[f.name];
        if (value === undefined) {
          if (f.required || f.nullable) return FAIL;
          continue;
        }
        if (!lit(opened ? (next[i] as string) : (first[i] as string))) return FAIL;
        opened = true;
        if (value === null ? !(f.nullable && lit('null')) : f.type.walk(value, depth + 1) !== value) return FAIL;
      }
      return lit('}') ? v : FAIL;
    }
    const keys = Object.keys(v);
    let changed = false;
    let last = -1;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as string;
      if ((k > 0 && !lit(',')) || walkString(key) === FAIL || !lit(':')) return FAIL;
      const i = index.get(key);
      const value = v[key];
      if (i === undefined) {
        if (json.walk(value, depth + 1) === FAIL) return FAIL;
        changed = true;
        continue;
      }
      const f = fields[i] as Field;
      if (value === null) {
        if (f.required || !lit('null')) return FAIL;
        if (!f.nullable) changed = true;
      } else {
        const r = f.type.walk(value, depth + 1);
        if (r === FAIL) return FAIL;
        if (r !== value) v[key] = r;
      }
      if (i < last) changed = true;
      last = i;
    }
    if (!lit('}')) return FAIL;
    for (const f of fields) {
      const value = own(v, f.name);
      if (value === undefined || value === null) {
        if (f.required) return FAIL;
        if (f.nullable && value === undefined) changed = true;
      }
    }
    if (!changed) return v;
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      const value = own(v, f.name);
      if (value !== undefined && value !== null) out[f.name] = value;
      else if (f.nullable) out[f.name] = null;
    }
    return out;
  };
  return { walk, size };
};

/** An internally tagged enum: a struct per tag, its `type` member declared first. */
const tagged = (variants: Record<string, readonly Field[]>): Type => {
  const tags = Object.keys(variants);
  const types = tags.map((tag) => struct([field('type', oneOf([tag]), true), ...(variants[tag] as readonly Field[])]));
  // A short scan: hashing the freshly parsed tag for a Map costs more.
  const of = (v: unknown): Type | undefined => (isObject(v) ? types[tags.indexOf(v.type as string)] : undefined);
  return {
    walk: (v, depth) => of(v)?.walk(v, depth) ?? FAIL,
    size: (v, depth) => of(v)?.size(v, depth) ?? false,
  };
};

/**
 * Whether Value keys `a` < `b` as serde_json's BTreeMap orders them (by UTF-8 bytes, that is by
 * code point), for well-formed keys: UTF-16 units order them alike except a surrogate (part of a
 * code point from U+10000) against a unit from U+E000.
 */
function keyBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800) x = x < 0xe000 ? x + 0x2000 : x - 0x800;
    if (y >= 0xd800) y = y < 0xe000 ? y + 0x2000 : y - 0x800;
    return x < y;
  }
  return a.length < b.length;
}

/** serde_json::Value: objects are BTreeMaps, written with their keys sorted. */
const json: Type = {
  walk: (v, depth) => {
    switch (typeof v) {
      case 'string':
        return walkString(v);
      case 'boolean':
        return bool.walk(v, depth);
      case 'number': {
        if (Number.isInteger(v)) return Number.isSafeInteger(v) && !Object.is(v, -0) && lit(String(v)) ? v : FAIL;
        const s = floatText(v);
        return s !== undefined && lit(s) ? v : FAIL;
      }
      case 'object': {
        if (v === null) return lit('null') ? v : FAIL;
        if (depth > limit) return FAIL;
        if (Array.isArray(v)) return jsonArray.walk(v, depth);
        const o = v as Record<string, unknown>;
        const keys = Object.keys(o);
        if (!lit('{')) return FAIL;
        let sorted = true;
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i] as string;
          if (i > 0 && !keyBefore(keys[i - 1] as string, key)) sorted = false;
          if ((i > 0 && !lit(',')) || walkString(key) === FAIL || !lit(':')) return FAIL;
          const r = json.walk(o[key], depth + 1);
          if (r === FAIL) return FAIL;
          if (r !== o[key]) o[key] = r;
        }
        if (!lit('}')) return FAIL;
        if (sorted) return o;
        if (canonicalOnly) return FAIL;
        const out: Record<string, unknown> = {};
        for (const key of keys.sort((a, b) => (keyBefore(a, b) ? -1 : 1))) {
          // A plain assignment to `__proto__` would set the prototype, not a member.
          Object.defineProperty(out, key, { value: o[key], enumerable: true, writable: true, configurable: true });
        }
        return out;
      }
      default:
        return FAIL;
    }
  },
  size: (v, depth) => {
    switch (typeof v) {
      case 'string':
        return sizeString(v);
      case 'boolean':
        pos += v ? 4 : 5;
        return true;
      case 'number':
        // Floats take pass 1, which reads their spelling. `3e2` here reads as 300 alike.
        return Number.isSafeInteger(v) && !Object.is(v, -0) && sizeInteger(v, false);
      case 'object': {
        if (v === null) {
          pos += 4;
          return true;
        }
        if (depth > limit) return false;
        if (Array.isArray(v)) return jsonArray.size(v, depth);
        const at = holder;
        const atKey = holderKey;
        pos += 1; // `{`
        let previous: string | undefined;
        let sorted = true;
        const keys = Object.keys(v);
        for (let k = 0; k < keys.length; k++) {
          const key = keys[k] as string;
          // The order does not change the length. JavaScript lists integer-like keys first, but
          // nothing inside parameters is looked for in place, and the object is sorted if need be.
          if (previous !== undefined && !keyBefore(previous, key)) sorted = false;
          if (!sizeString(key)) return false;
          pos += 1; // `:`
          holder = v as Record<string, unknown>;
          holderKey = key;
          if (!json.size((v as Record<string, unknown>)[key], depth + 1)) return false;
          pos += 1; // `,` or `}`
          previous = key;
        }
        if (previous === undefined) pos += 1; // `}` of `{}`
        if (!sorted) addFix(v, undefined, at, atKey);
        return true;
      }
      default:
        return false;
    }
  },
};

const jsonArray = arrayOf(json);

const VOICES = ['alloy', 'ash', 'ballad', 'coral', 'echo', 'fable', 'onyx', 'nova', 'shimmer', 'verse'];
const AUDIO = oneOf(['pcm16', 'g711_law', 'g711_alaw']);
const u16 = uint(0xffff);
const u32 = uint(0xffffffff);

const turnDetection = tagged({
  server_vad: [
    field('threshold', f32, true),
    field('prefix_padding_ms', u32, true),
    field('silence_duration_ms', u32, true),
    field('create_response', bool),
    field('interrupt_response', bool),
  ],
  semantic_vad: [field('eagerness', string, true), field('create_response', bool), field('interrupt_response', bool)],
});

const tool = tagged({
  function: [field('name', string, true), field('description', string, true), field('parameters', json, true)],
});

const choiceModes = oneOf(['auto', 'none', 'required']);
const choiceFunction = struct([field('type', oneOf(['function']), true), field('name', string, true)]);
const toolChoice: Type = {
  walk: (v, depth) => (typeof v === 'string' ? choiceModes : choiceFunction).walk(v, depth),
  size: (v, depth) => (typeof v === 'string' ? choiceModes : choiceFunction).size(v, depth),
};
const maxTokens: Type = {
  walk: (v, depth) => (v === 'inf' ? walkString(v) : u16.walk(v, depth)),
  size: (v, depth) => (v === 'inf' ? sizeString(v) : u16.size(v, depth)),
};

const session = struct([
  field('model', string),
  field('modalities', arrayOf(string)),
  field('instructions', string),
  field('voice', oneOf(VOICES)),
  field('input_audio_format', AUDIO),
  field('output_audio_format', AUDIO),
  field('input_audio_transcription', struct([field('language', string), field('model', string), field('prompt', string)])),
  field('turn_detection', turnDetection),
  field('tools', arrayOf(tool)),
  field('tool_choice', toolChoice),
  field('temperature', f32),
  field('max_response_output_tokens', maxTokens),
]);

const content = struct([
  field('type', oneOf(['input_text', 'input_audio', 'text', 'audio']), true),
  field('text', string),
  field('audio', string),
  field('transcript', string),
]);

const item = struct([
  field('id', string),
  field('type', oneOf(['message', 'function_call', 'function_call_output'])),
  field('status', oneOf(['completed', 'in_progress', 'incomplete'])),
  field('role', oneOf(['user', 'assistant', 'system'])),
  field('content', arrayOf(content)),
  field('call_id', string),
  field('name', string),
  field('arguments', string),
  field('output', string),
]);

const eventId = field('event_id', string);

const event = tagged({
  'session.update': [eventId, field('session', session, true)],
  'input_audio_buffer.append': [eventId, field('audio', string, true)],
  'input_audio_buffer.commit': [eventId],
  'input_audio_buffer.clear': [eventId],
  'conversation.item.create': [eventId, field('previous_item_id', string), field('item', item, true)],
  'conversation.item.truncate': [eventId, field('item_id', string, true), field('content_index', u32, true), field('audio_end_ms', u32, true)],
  'conversation.item.delete': [eventId, field('item_id', string, true)],
  'response.create': [eventId, field('response', session, false, true)],
  'response.cancel': [eventId],
});

/** A flat event's members after `type` and `event_id`, in declaration order: name, and whether a u32 (else a string). */
type Flat = readonly (readonly [string, boolean])[];
const NONE: Flat = [];
const APPEND: Flat = [['audio', false]];
const DELETE: Flat = [['item_id', false]];
const TRUNCATE: Flat = [
  ['item_id', false],
  ['content_index', true],
  ['audio_end_ms', true],
];

/** The members of the events that hold only strings and u32s, none nested (a switch: no hashing of the parsed tag). */
function flatMembers(type: unknown): Flat | undefined {
  switch (type) {
    case 'input_audio_buffer.append':
      return APPEND;
    case 'response.cancel':
    case 'input_audio_buffer.commit':
    case 'input_audio_buffer.clear':
      return NONE;
    case 'conversation.item.delete':
      return DELETE;
    case 'conversation.item.truncate':
      return TRUNCATE;
    default:
      return undefined;
  }
}

/** The text of a flat member's value, as serde_json writes it; undefined if pass 0 cannot vouch for it. */
function flatValue(value: unknown, u32: boolean): string | undefined {
  if (!u32) return typeof value === 'string' && wellFormed(value) ? value : undefined;
  return isUint(value, 0xffffffff) ? String(value) : undefined;
}

/**
 * Pass 0 for the commonest events, which hold only strings and u32s: appends, deletes,
 * truncates and the events with just an `event_id`. The argument of pass 0 with nothing to walk:
 * the text is exactly as long as the canonical text of the known members (unknown members,
 * duplicates, whitespace, escapes and other number spellings would all make it longer, but for
 * `3e2` and `1e3`, and so round u32s are looked for in place as in sizeInteger). So only the member order is left to
 * check, by the first letter of each member's key at the place the canonical text puts it.
 */
function flatEvent(v: Record<string, unknown>, type: string, members: Flat): boolean {
  const id = v.event_id;
  if (id !== undefined && (typeof id !== 'string' || !wellFormed(id))) return false;
  let n = type.length + 11; // {"type":"<type>"}
  if (id !== undefined) n += id.length + 14; // ,"event_id":"<id>"
  for (const [name, u32] of members) {
    // own(): a member inherited from a polluted Object.prototype is not in the text
    const text = flatValue(own(v, name), u32);
    if (text === undefined) return false;
    n += name.length + 4 + text.length + (u32 ? 0 : 2); // ,"<name>":<value>
  }
  if (t.length !== n || t.charCodeAt(2) !== 116) return false; // `t`ype first
  // Each following key's first letter, where the canonical text puts it (after `,"`).
  let at = type.length + 10;
  if (id !== undefined) {
    if (t.charCodeAt(at + 2) !== 101) return false; // `e`vent_id
    at += id.length + 14;
  }
  for (const [name, u32] of members) {
    if (t.charCodeAt(at + 2) !== name.charCodeAt(0)) return false;
    const value = own(v, name);
    const text = u32 ? String(value) : (value as string);
    at += name.length + 4;
    if (u32 && (value as number) % 100 === 0 && value !== 0 && !t.startsWith(text, at)) return false;
    at += text.length + (u32 ? 0 : 2);
  }
  return true;
}

/** Pass 0's deferred checks: each integer with two trailing zeros is written as itself. */
function numbersInPlace(): boolean {
  for (let i = 0; i < pendingCount; i += 2) if (!t.startsWith(pending[i + 1] as string, pending[i] as number)) return false;
  return true;
}

/** Which pass accepted the last text (0, 1, 2), or -1: for tests. @internal */
export let lastPass = -1;

/**
 * The decoded event in canonical form, equal to what the Rust path returns, or `undefined` when the
 * checks are not sure. Never throws. `maxDepth` is the container nesting limit (the event is depth 1).
 * @internal
 */
export function fastDecode(text: string, maxDepth: number): ClientEvent | undefined {
  lastPass = -1;
  if (text.charCodeAt(0) !== 123 || text.charCodeAt(text.length - 1) !== 125) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  limit = maxDepth;
  t = text;
  if (isObject(value)) {
    const members = flatMembers(value.type);
    if (members !== undefined && flatEvent(value, value.type as string, members)) {
      t = '';
      lastPass = 0;
      return value as unknown as ClientEvent;
    }
  }
  t = text;
  try {
    // Pass 0, with strings counted unescaped, then (if the text is longer) with their escapes:
    // JSON.stringify escapes exactly as serde_json does, for well-formed strings.
    for (let run = 0; run < 2; run++) {
      exactStrings = run === 1;
      pos = 0;
      resetLists();
      top[0] = value;
      holder = top;
      holderKey = 0;
      if (!event.size(value, 1)) break;
      if (pos === text.length && numbersInPlace()) {
        applyFixes();
        lastPass = 0;
        return top[0] as ClientEvent;
      }
      if (pos > text.length) break;
      if (run === 0 && pendingCount === 0) {
        // Without integers to find in the text, the escapes only change the total: add them up
        // instead of walking again.
        let escaped = pos;
        for (let i = 0; i < stringCount; i++) escaped += escapes(strings[i] as string);
        if (escaped === text.length) {
          applyFixes();
          lastPass = 0;
          return top[0] as ClientEvent;
        }
        break;
      }
    }
    for (let pass = 1; pass <= 2; pass++) {
      canonicalOnly = pass === 1;
      at = 0;
      const result = event.walk(value, 1);
      if (result !== FAIL && at === text.length) {
        lastPass = pass;
        return result as ClientEvent;
      }
    }
    return undefined;
  } finally {
    t = '';
    top[0] = undefined;
    holder = top;
    exactStrings = false;
    resetLists();
  }
}
