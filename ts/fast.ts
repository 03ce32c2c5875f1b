/**
 * decode's fast path: `JSON.parse`, then checks in JavaScript that prove the Rust crate reads the
 * text to exactly the parsed value, so that no WebAssembly call is needed for the events real
 * producers send. Anything the checks are not sure of returns `undefined`, and decode takes the
 * Rust path (which also gives the error). The checks follow the crate's types as the shape table
 * (shapes.ts) describes them: serde's declaration order, required members, closed enums, u8/u16/u32
 * ranges, `null` as an unset option, unknown members skipped, `serde_json::Value` keys sorted
 * (serde_json's BTreeMap). Nothing here names a type of the crate: {@link compileFastDecoder}
 * turns a table and a root type into closures, once, at module load.
 *
 * What JSON.parse hides, and the Rust side does not accept alike, is in the text: duplicate keys
 * (JSON.parse keeps the last, serde refuses a duplicate member), number spellings (`1e2` and `1.0`
 * are not u32s) and long float spellings (serde_json may read those one ulp off). Three passes, the
 * first that succeeds wins; docs/fast-path.md gives their argument as numbered invariants, each
 * with the test that pins it:
 *
 * 0. **Length.** Checks the value alone and adds up the length of the text serde_json would write
 *    for it, member by member in the parsed order, unknown members included, strings first as if
 *    nothing needed escaping, then with their escapes counted. Every other way to write the same
 *    members is longer: whitespace, escapes, a duplicate member (JSON.parse shows only one), and
 *    the number spellings taken here. Integers: every other spelling is longer except for round
 *    ones (`3e2` is as long as `300`, `1e3` shorter than `1000`), which an unsigned member then looks
 *    for in the text where they must stand (see sizeInteger). Floats: only non-whole ones from
 *    0.01, whose other spellings are no shorter and read to the same number. So a text of exactly
 *    that length holds these members in this order, written this way, and nothing else. The
 *    text is only read at those few places. On success, objects are put in canonical form in
 *    place: members in declaration order, unknown members and `null` options dropped, nullable
 *    members added as `null`, Value keys sorted. The flat variants of the root (members after the
 *    tag only strings and unsigned integers, none nested) have a shorter version of this pass
 *    (flatEvent).
 * 1. **Canonical text.** Walks the value in declaration order and compares the text with what
 *    serde_json writes, character by character; the parsed value is returned unchanged.
 * 2. **Any order.** Walks the members in text order, still comparing every character, skips
 *    unknown members and `null` options, and returns objects rebuilt in declaration order.
 *
 * Before JSON.parse, two scans read the text itself in one pass: the flat scan (scanFlat) for
 * the flat variants, and the scan (the `scan` of each type, pass 3 in {@link lastFastPass}) for
 * every event whose text has no whitespace, no control character and no lone surrogate, tags
 * first: it reads each token as serde_json does and builds the canonical event from them. The
 * passes above are left what the scans decline. The scan also reads a tagged variant that is
 * itself tagged (GA's message item, by `role`), which passes 0 to 2 leave to Rust.
 *
 * Passes 1 and 2 compare each literal with `startsWith` and each string by its quotes and raw
 * content (or, when it has escapes, by JSON.stringify's escaping, which equals serde_json's for
 * well-formed text). In valid JSON, a string token whose first |v| raw characters are its decoded
 * value v, followed by `"`, has no escape (an escaped quote at that place would need another
 * escaped quote before it, and so on down to one that is not escaped).
 *
 * Floats are only taken with at most 6 significant digits, at most 8 decimals and a magnitude from
 * 1e-4 to 1e6 (or 0), in the plain spelling serde_json writes (`0.25`, `1.0`; `1` also). crate/tests/
 * fast_floats.rs checks every such number against serde_json, as f32 and as serde_json::Value
 * (an f64): Rust writes back the same decimal. Strings must be well-formed UTF-16. The depth limit
 * is applied to the parsed value.
 *
 * All mutable state is in one object, {@link S}, set by {@link reset} alone.
 *
 * test/fast-path.test.ts compares these passes with the Rust path over the corpus and over
 * generated, mutated and length-preserving adversarial texts.
 * @module
 */
import { isWellFormed as wellFormed } from './guards.js';
import { BETA, BETA_FAST_SERVER, type Member, type NamedType, type TypeRef } from './shapes.js';
import type { ClientEvent, ServerEvent } from './types.js';

/** What a walk returns for anything it is not sure of. */
const FAIL: unique symbol = Symbol('fail');
/** Checks `value` against the text at `S.at` and returns its canonical form (`value` itself when it already is), or FAIL. */
type Walk = (value: unknown, depth: number) => unknown;
/** Pass 0: adds the length of `value`'s canonical text to `S.pos`; false if not sure. */
type Size = (value: unknown, depth: number) => boolean;
/**
 * The scan (21): reads `value` from the text at `S.at` (no JSON.parse), leaves `S.at` after it, and
 * returns it in canonical form, or FAIL.
 */
type Scan = (depth: number) => unknown;
/** One of the crate's types, as the passes see it. */
interface Type {
  walk: Walk;
  size: Size;
  scan: Scan;
}

/** A struct member as the passes see it. */
interface Field {
  name: string;
  type: Type;
  required: boolean;
  /** An Option written even when unset (as `null`): presence 'nullable'. */
  nullable: boolean;
}

type Holder = Record<string, unknown> | unknown[];

/** Everything the passes change while they read one text. */
interface State {
  /** The text being read ('' between calls, so that it is not kept alive). */
  t: string;
  /** Passes 1 and 2: the position in `t`. */
  at: number;
  /** The container nesting limit (the event is depth 1). */
  limit: number;
  /** Pass 1 accepts only canonical text and changes nothing; pass 2 reads any member order. */
  canonicalOnly: boolean;
  /** Pass 0 first counts strings as if unescaped; if the text is longer, once more exactly. */
  exactStrings: boolean;
  /** Pass 0's position in the canonical text. */
  pos: number;
  /** Pass 0's round unsigned values (`300`, `1000`): where each must stand, and its text. */
  pending: (number | string)[];
  pendingCount: number;
  /** Pass 0: the characters all round unsigned values together could save (`1e3` for `1000`: 1). */
  saving: number;
  /** Pass 0: the shortest `"key":` in front of a round unsigned value that could save characters (0 in a list). */
  savingKey: number;
  /** Pass 0: the length of the `"key":` in front of the value being sized, 0 for a list item. */
  keyBefore: number;
  /** Pass 0's free strings, to count their escapes when the text turns out longer. */
  strings: string[];
  stringCount: number;
  /**
   * Pass 0's objects to put in canonical form once it has succeeded, children before parents: each
   * as (where it is held, under which key, the object, its fields). A struct (fields given) is
   * rebuilt in declaration order, unknown members and unset options dropped, nullable members
   * added; a Value object (no fields) with its keys sorted. The copy replaces the object in its
   * holder (rebuilding is several times cheaper than reordering an object in place).
   */
  fixes: unknown[];
  fixCount: number;
  /** Where the value being sized is held, set by its container just before: for fixes. */
  holder: Holder;
  holderKey: string | number;
  /** Holds the event itself, so that a fix of the event object has a holder too. */
  top: unknown[];
  /** Which pass answered the last text (0, 1, 2, 3 for the scan), or -1. */
  pass: number;
  /** The scan: where the next backslash at or after the last one looked for stands, -1 for none. */
  bs: number;
  /**
   * The scan: the text before this place is known to hold no control character and no lone
   * surrogate (long tokens are checked as the scan meets them, with the text before them).
   */
  checked: number;
}

/**
 * The one state object. The lists are written by index and emptied by resetting their counts:
 * setting an array's length is a runtime call, which showed in the profile. Their slots keep the
 * last event's strings and objects alive until overwritten, at most one event's worth (the fast
 * path takes texts up to 64 Ki characters).
 */
const S: State = {
  t: '',
  at: 0,
  limit: 0,
  canonicalOnly: true,
  exactStrings: false,
  pos: 0,
  pending: [],
  pendingCount: 0,
  saving: 0,
  savingKey: Infinity,
  keyBefore: 0,
  strings: [],
  stringCount: 0,
  fixes: [],
  fixCount: 0,
  holder: [],
  holderKey: 0,
  top: [undefined],
  pass: -1,
  bs: -1,
  checked: 0,
};

/** Sets every member of {@link S}: before a text, before each try of pass 0, and after a text (with '' and undefined). */
function reset(text: string, limit: number, value: unknown, pass: number): void {
  S.t = text;
  S.at = 0;
  S.limit = limit;
  S.canonicalOnly = true;
  S.exactStrings = false;
  S.pos = 0;
  S.pendingCount = 0;
  S.saving = 0;
  S.savingKey = Infinity;
  S.keyBefore = 0;
  S.stringCount = 0;
  S.fixCount = 0;
  S.top[0] = value;
  S.holder = S.top;
  S.holderKey = 0;
  S.pass = pass;
  S.bs = -1;
  S.checked = 0;
}

function lit(s: string): boolean {
  if (!S.t.startsWith(s, S.at)) return false;
  S.at += s.length;
  return true;
}

/** A control character (U+0000 to U+001F): JSON and serde_json refuse one raw inside a string. */
const CONTROL = /[\u0000-\u001f]/;

/** Where the last {@link flatUint} ended (the character after its last digit). */
let flatUintEnd = 0;

/**
 * The flat scans' integer (20): the decimal digits at `at` as a number, at most 10 (u32::MAX has
 * 10, so the value is exact) and without a leading zero, ending at {@link flatUintEnd}; -1 when
 * there is no digit there, or too many, or a leading zero.
 */
function flatUint(t: string, at: number): number {
  const c = t.charCodeAt(at);
  if (!(c >= 48 && c <= 57)) return -1;
  let v = c - 48;
  let k = at + 1;
  for (let d = t.charCodeAt(k); d >= 48 && d <= 57; d = t.charCodeAt(++k)) v = v * 10 + (d - 48);
  if (k - at > 10 || (c === 48 && k - at > 1)) return -1;
  flatUintEnd = k;
  return v;
}

function walkString(v: unknown): unknown {
  const t = S.t;
  const at = S.at;
  if (typeof v !== 'string' || t.charCodeAt(at) !== 34 || !wellFormed(v)) return FAIL;
  const end = at + 1 + v.length;
  if (t.charCodeAt(end) === 34 && t.substring(at + 1, end) === v) {
    S.at = end + 1;
    return v;
  }
  // With escapes: a string token ends at its first unescaped quote, so a text that starts with
  // this token holds exactly this token.
  return lit(JSON.stringify(v)) ? v : FAIL;
}

/**
 * The scan's string token at `S.at` (21): its value, or FAIL. Without a backslash before its
 * closing quote (the next `"`), a token is its raw content: the text outside long tokens is
 * checked for control characters and lone surrogates once the scan has read it (scanEvent), so
 * that content is what serde_json reads. With one, the token's end is the first quote after an
 * even run of backslashes, and JSON.parse decodes it (refusing a wrong escape or a raw control
 * character); a `\\u` escape may spell a lone surrogate, which serde_json refuses: such a value
 * must be well-formed. A long token (more than LONG characters between its quotes) is checked on
 * its own (scanLong).
 */
function scanString(): unknown {
  const t = S.t;
  const q = S.at;
  if (t.charCodeAt(q) !== 34) return FAIL;
  let end = t.indexOf('"', q + 1);
  if (end < 0) return FAIL;
  let bs = S.bs;
  if (bs >= 0 && bs < q) S.bs = bs = t.indexOf('\\', q);
  if (bs < 0 || bs > end) {
    if (end - q > LONG) return scanLong(q, end);
    S.at = end + 1;
    return t.slice(q + 1, end);
  }
  // The first quote not escaped: one after an even run of backslashes (the run begins an escape:
  // the character before it is no backslash, at worst the opening quote).
  for (;;) {
    let k = end - 1;
    while (t.charCodeAt(k) === 92) k--;
    if (((end - 1 - k) & 1) === 0) break;
    end = t.indexOf('"', end + 1);
    if (end < 0) return FAIL;
  }
  S.bs = t.indexOf('\\', end + 1);
  if (end - q > LONG) return scanLong(q, end);
  const token = t.slice(q, end + 1);
  let v: unknown;
  try {
    v = JSON.parse(token);
  } catch {
    return FAIL;
  }
  if (typeof v !== 'string' || (token.includes('\\u') && !wellFormed(v))) return FAIL;
  S.at = end + 1;
  return v;
}

/**
 * Tokens longer than this are checked on their own (scanLong); for shorter ones the check of the
 * text they stand in costs less than a call.
 */
const LONG = 1024;

/**
 * A long string token from `q` to its closing quote at `end`, its value or FAIL. The text from
 * `S.checked` to the token is checked first (plain), then JSON.parse reads the token, refusing a
 * raw control character, and its value must be well-formed; `S.checked` moves past the token. The
 * text that is not in a long token is checked at most twice over (a control character, a
 * surrogate), a long token once, by JSON.parse, whose value is one-byte when its characters are:
 * then it is known well-formed without a second look at each character.
 */
function scanLong(q: number, end: number): unknown {
  const t = S.t;
  if (q > S.checked && !plain(t.slice(S.checked, q))) return FAIL;
  let v: unknown;
  try {
    v = JSON.parse(t.slice(q, end + 1));
  } catch {
    return FAIL;
  }
  if (typeof v !== 'string' || !wellFormed(v)) return FAIL;
  if (end > S.checked) S.checked = end;
  S.at = end + 1;
  return v;
}

/** No control character (U+0000 to U+001F) and no lone surrogate in `s`. */
function plain(s: string): boolean {
  return !CONTROL.test(s) && wellFormed(s);
}

/**
 * Whether the key `k` (`"name":`) stands in `t` at `at`: its closing quote and colon first (a
 * candidate of another length fails there), then the whole key, compared at once (a slice and
 * `===` cost less than a loop of charCodeAt for keys of more than a few characters).
 */
function keyAt(t: string, k: string, at: number): boolean {
  const end = at + k.length;
  return t.charCodeAt(end - 1) === 58 && t.charCodeAt(end - 2) === 34 && t.slice(at, end) === k;
}

/**
 * keyAt for the key of member `name` (`"name":`, `name` without escapes): the quotes and the colon
 * by their codes, then only the name compared at once (a shorter slice, which the engine copies
 * rather than points into the text for names of up to 12 characters).
 */
function nameAt(t: string, name: string, at: number): boolean {
  const end = at + name.length + 1; // the closing quote
  return t.charCodeAt(end + 1) === 58 && t.charCodeAt(end) === 34 && t.charCodeAt(at) === 34 && t.slice(at + 1, end) === name;
}

/** keyAt at `S.at`, stepped over. */
function scanKey(k: string): boolean {
  if (!keyAt(S.t, k, S.at)) return false;
  S.at += k.length;
  return true;
}

/** The scan's `lit`: `s` (`true`, `false` or `null`) at `S.at`, stepped over. */
function scanLit(s: string): boolean {
  if (!S.t.startsWith(s, S.at)) return false;
  S.at += s.length;
  return true;
}

/**
 * The scan's number token at `S.at`, as `[-]digits[.digits]` (an exponent: FAIL), stepped over:
 * its value, and in {@link S}'s `numberHasPoint` whether it has a fraction. At most 20 characters
 * (a longer one: FAIL), so that its value is a finite number; how it must be spelled is the caller's.
 */
function scanNumber(): number | undefined {
  const t = S.t;
  const start = S.at;
  let i = start;
  if (t.charCodeAt(i) === 45) i++; // -
  const d0 = i;
  let c = t.charCodeAt(i);
  if (c === 48) c = t.charCodeAt(++i);
  else while (c >= 48 && c <= 57) c = t.charCodeAt(++i);
  if (i === d0) return undefined;
  numberHasPoint = false;
  if (c === 46) {
    numberHasPoint = true;
    const f0 = ++i;
    c = t.charCodeAt(i);
    while (c >= 48 && c <= 57) c = t.charCodeAt(++i);
    if (i === f0) return undefined;
  }
  if (c === 101 || c === 69 || i - start > 20) return undefined; // e E
  S.at = i;
  numberToken = t.slice(start, i);
  return Number(numberToken);
}
/** Set by scanNumber for its caller. */
let numberHasPoint = false;
let numberToken = '';

/** The scan's nesting check at a container: the event is depth 1, as in Rust. */
function scanDepth(depth: number): boolean {
  return depth <= S.limit;
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

function addFix(o: object, fields: readonly Field[] | undefined, at: Holder, key: string | number): void {
  const fixes = S.fixes;
  fixes[S.fixCount++] = at;
  fixes[S.fixCount++] = key;
  fixes[S.fixCount++] = o;
  fixes[S.fixCount++] = fields;
}

function applyFixes(): void {
  const fixes = S.fixes;
  for (let i = 0; i < S.fixCount; i += 4) {
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
  if (S.exactStrings) {
    S.pos += v.length + 2 + escapes(v);
  } else {
    S.pos += v.length + 2;
    S.strings[S.stringCount++] = v;
  }
  return true;
}

const string: Type = { walk: walkString, size: sizeString, scan: scanString };

/** A closed list of strings (a unit-only enum, or a literal). */
const oneOf = (values: readonly string[]): Type => {
  // Values that need escapes (none of the crate's) are counted exactly in both tries of pass 0.
  const escaped = values.some((v) => escapes(v) > 0);
  const list = choice(values);
  return {
    walk: (v) => (typeof v === 'string' && values.includes(v) ? walkString(v) : FAIL),
    size: (v) => {
      if (typeof v !== 'string' || !values.includes(v)) return false;
      S.pos += v.length + 2 + (escaped ? escapes(v) : 0);
      return true;
    },
    scan: () => {
      const i = scanChoice(list);
      return i < 0 ? FAIL : values[i];
    },
  };
};

/** A closed list of strings as the scan reads it: the values by length. */
interface Choice {
  values: readonly string[];
  byLength: (number[] | undefined)[];
  /** No value has a character JSON escapes (none of the crate's has): a token can be compared raw. */
  raw: boolean;
}

function choice(values: readonly string[]): Choice {
  const byLength: (number[] | undefined)[] = [];
  values.forEach((v, i) => (byLength[v.length] ??= []).push(i));
  return { values, byLength, raw: values.every((v) => escapes(v) === 0) };
}

/** The index of `v` among `c`'s values (compared with those of its length only), or -1. */
function choiceIndex(c: Choice, v: string): number {
  const candidates = c.byLength[v.length];
  if (candidates !== undefined) {
    for (let k = 0; k < candidates.length; k++) {
      const i = candidates[k] as number;
      if (c.values[i] === v) return i;
    }
  }
  return -1;
}

/**
 * The scan's string token at `S.at` that must be one of `c`'s values, stepped over: the value's
 * index, or -1. Its raw content up to the next `"` is compared with the values of its length: a
 * value without escapes is the raw content of exactly one token, `"value"`, whose closing quote is
 * not escaped (the content would end in a backslash, which no value has), and the value itself
 * (not a slice of the text) is what the caller keeps. Otherwise the token is read by scanString
 * (its escapes decoded) and looked for among all the values.
 */
function scanChoice(c: Choice): number {
  const t = S.t;
  const q = S.at;
  if (t.charCodeAt(q) !== 34) return -1;
  const end = t.indexOf('"', q + 1);
  if (end < 0) return -1;
  if (c.raw && c.byLength[end - q - 1] !== undefined) {
    const i = choiceIndex(c, t.slice(q + 1, end));
    if (i >= 0) {
      S.at = end + 1;
      return i;
    }
  }
  const v = scanString();
  return typeof v === 'string' ? c.values.indexOf(v) : -1;
}

/**
 * Pass 0 for an integer: every other JSON spelling of it is longer, except for those with two
 * trailing zeros or more: `3e2` is as long as `300`, `1e3` shorter than `1000` (k trailing zeros
 * save k - 1 - digits(k) characters at most). An unsigned member with such a value (where `3e2` is
 * an error) is looked for, `:` and all, where the canonical text puts it, once the total length is
 * known to match; and pass 0 answers only while what all of them could save together is fewer than
 * 5 characters (a repeated member costs at least 5) and fewer than every `"key":` in front of one
 * that could save (docs/fast-path.md, 12). Inside a Value, where nothing is looked for in place,
 * `300` is taken (`3e2` means 300.0 there, which JSON.parse reads alike) and `1000` is not.
 */
function sizeInteger(v: number, lookedFor: boolean): boolean {
  if (v !== 0 && v % 100 === 0) {
    if (lookedFor) {
      const key = S.keyBefore;
      // After a key, `:` and the digits; in a list, the digits alone.
      S.pending[S.pendingCount++] = key > 0 ? S.pos - 1 : S.pos;
      S.pending[S.pendingCount++] = key > 0 ? `:${v}` : String(v);
      if (v % 1000 === 0) {
        let k = 3;
        while (v % 10 ** (k + 1) === 0) k++;
        S.saving += k - 1 - digits(k);
        if (key < S.savingKey) S.savingKey = key;
      }
    } else if (v % 1000 === 0) {
      return false;
    }
  }
  S.pos += digits(v);
  return true;
}

/** Pass 0 takes round unsigned values in place only within this budget (docs/fast-path.md, 12). */
function withinSaving(): boolean {
  return S.saving === 0 || (S.saving < 5 && S.saving < S.savingKey);
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

/** A value of a Rust unsigned integer type up to `max` (u8, u16, u32), as JSON.parse gives it. */
function isUint(v: unknown, max: number): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max && !Object.is(v, -0);
}

const uint = (max: number): Type => ({
  walk: (v) => (isUint(v, max) && lit(String(v)) ? v : FAIL),
  size: (v) => isUint(v, max) && sizeInteger(v, true),
  // Digits only, no leading zero, at most 10 (u32::MAX has 10): exact as a number. A fraction or
  // an exponent after them is refused by serde for an unsigned member: FAIL, Rust gives the error.
  scan: () => {
    const t = S.t;
    const start = S.at;
    let i = start;
    let c = t.charCodeAt(i);
    let v = 0;
    if (c === 48) c = t.charCodeAt(++i);
    else
      while (c >= 48 && c <= 57) {
        v = v * 10 + (c - 48);
        c = t.charCodeAt(++i);
      }
    if (i === start || i - start > 10 || c === 46 || c === 101 || c === 69 || v > max) return FAIL;
    S.at = i;
    return v;
  },
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

/** f32 and f64 alike: the decimals taken are those fast_floats.rs checks as both. */
const float: Type = {
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
    S.pos += s.length;
    return true;
  },
  // As pass 1 reads it: the decimal as serde_json writes it, or a whole number as an integer.
  scan: () => {
    const v = scanNumber();
    if (v === undefined) return FAIL;
    const s = floatText(v);
    return s !== undefined && (numberToken === s || (!numberHasPoint && Number.isInteger(v) && numberToken === String(v))) ? v : FAIL;
  },
};

const bool: Type = {
  walk: (v) => ((v === true && lit('true')) || (v === false && lit('false')) ? v : FAIL),
  size: (v) => {
    if (typeof v !== 'boolean') return false;
    S.pos += v ? 4 : 5;
    return true;
  },
  scan: () => (scanLit('true') ? true : scanLit('false') ? false : FAIL),
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
    if (!Array.isArray(v) || depth > S.limit || !lit('[')) return FAIL;
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
    if (!Array.isArray(v) || depth > S.limit) return false;
    S.pos += 1; // `[`
    for (let i = 0; i < v.length; i++) {
      if (i > 0) S.pos += 1; // `,`
      S.holder = v;
      S.holderKey = i;
      S.keyBefore = 0;
      if (!item.size(v[i], depth + 1)) return false;
    }
    S.pos += 1; // `]`
    return true;
  },
  scan: (depth) => {
    const t = S.t;
    if (depth > S.limit || t.charCodeAt(S.at) !== 91) return FAIL; // [
    const out: unknown[] = [];
    if (t.charCodeAt(++S.at) === 93) {
      S.at++;
      return out;
    }
    for (;;) {
      const r = item.scan(depth + 1);
      if (r === FAIL) return FAIL;
      out.push(r);
      const c = t.charCodeAt(S.at++);
      if (c === 44) continue; // ,
      return c === 93 ? out : FAIL; // ]
    }
  },
});

/**
 * A struct. Pass 0 and pass 1 take only its canonical form (members in declaration order, no
 * unknown member, no `null` but for nullable members). Pass 2 reads members in text order as serde
 * does: `null` options as unset, unknown members skipped (after checking them as JSON: they count
 * for the depth limit), and returns a new object in declaration order when that differs.
 */
const INTEGER_LIKE = /^(0|[1-9][0-9]*)$/;

/** A struct, with the scan of its members after some already read (a tagged variant's tags). */
interface StructType extends Type {
  /**
   * Scans members until the closing `}`, into `out` (which holds the `count` members already read,
   * whose field bits are `seen`), and returns the object in declaration order, or FAIL.
   */
  body: (out: Record<string, unknown>, seen: number, count: number, depth: number) => unknown;
}

const struct = (fields: readonly Field[]): StructType => {
  const index = new Map(fields.map((f, i) => [f.name, i]));
  const requiredCount = fields.filter((f) => f.required).length;
  const nullableCount = fields.filter((f) => f.nullable).length;
  const first = fields.map((f) => `${JSON.stringify(f.name)}:`);
  const next = fields.map((f) => `,${JSON.stringify(f.name)}:`);
  /** `"name":`'s length. */
  const keyLength = first.map((s) => s.length);
  // JavaScript lists integer-like keys first, not in text order: pass 0 cannot count such a struct.
  const integerLike = fields.some((f) => INTEGER_LIKE.test(f.name));
  const size: Size = (v, depth) => {
    if (integerLike || !isObject(v) || depth > S.limit) return false;
    const at = S.holder;
    const atKey = S.holderKey;
    const start = S.pos;
    S.pos += 1; // `{`
    // Own keys are distinct, so counting the required and nullable ones seen is enough.
    let required = 0;
    let nullable = 0;
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
        S.pos += 1; // `:`
        S.holder = v;
        S.holderKey = key;
        if (!json.size(v[key], depth + 1)) return false;
        S.pos += 1; // `,` or `}`
        fix = true;
        continue;
      }
      const f = fields[i] as Field;
      const value = v[key];
      S.pos += keyLength[i] as number; // `"key":`
      if (value === null) {
        if (f.required) return false;
        S.pos += 4;
        if (!f.nullable) fix = true; // an unset option: dropped
      } else if (((S.holder = v), (S.holderKey = key), (S.keyBefore = keyLength[i] as number), !f.type.size(value, depth + 1))) {
        return false;
      }
      S.pos += 1; // `,` or `}`
      if (i < last) fix = true; // out of declaration order: reordered
      last = i;
      if (f.required) required++;
      if (f.nullable) nullable++;
    }
    if (required !== requiredCount) return false;
    if (nullable !== nullableCount) fix = true; // a nullable member is added as `null`
    if (S.pos === start + 1) S.pos += 1; // `}` of `{}`
    if (fix) {
      addFix(v, fields, at, atKey);
    }
    return true;
  };
  const walk: Walk = (v, depth) => {
    if (!isObject(v) || depth > S.limit || !lit('{')) return FAIL;
    if (S.canonicalOnly) {
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
  // The scan (21): members in text order, each key compared whole (raw, so a key with an escape
  // is left to the passes), each known member at most once (a bit each), unknown members read as
  // Values and dropped, `null` an unset option. A struct whose names the raw comparison or a
  // plain assignment could get wrong, or with more than 31 members, is not scanned.
  const names = fields.map((f) => f.name);
  const scans = fields.map((f) => f.type.scan);
  /** `"name":`, and the name's first character. */
  const keys = first;
  const firsts = names.map((name) => name.charCodeAt(0));
  const n = fields.length;
  let requiredMask = 0;
  let nullableMask = 0;
  fields.forEach((f, i) => {
    if (f.required) requiredMask |= 1 << i;
    if (f.nullable) nullableMask |= 1 << i;
  });
  const scannable = n <= 31 && new Set(names).size === n && !integerLike && names.every((name) => name !== '__proto__' && escapes(name) === 0);
  const body = (out: Record<string, unknown>, seen: number, count: number, depth: number): unknown => {
    if (!scannable) return FAIL;
    const t = S.t;
    let last = count - 1; // the members already read are the first ones
    let ordered = true;
    let c = t.charCodeAt(S.at);
    if (c === 125) {
      S.at++; // }
    } else {
      if (count > 0) {
        if (c !== 44) return FAIL; // ,
        S.at++;
      }
      for (;;) {
        const q = S.at;
        // The whole key `"name":` at q (a name has no escape, so its closing quote is not escaped):
        // usually the next member in declaration order.
        const c1 = t.charCodeAt(q + 1);
        let i = last + 1;
        while (i < n && !(firsts[i] === c1 && nameAt(t, names[i] as string, q))) i++;
        if (i === n) {
          i = 0;
          while (i <= last && !(firsts[i] === c1 && nameAt(t, names[i] as string, q))) i++;
          if (i > last) i = -1;
        }
        if (i >= 0) {
          S.at = q + (keys[i] as string).length;
        } else {
          // Not a member's key: an unknown member's, if a key at all.
          if (t.charCodeAt(q) !== 34) return FAIL;
          const end = t.indexOf('"', q + 1);
          if (end < 0 || t.charCodeAt(end + 1) !== 58) return FAIL; // :
          let bs = S.bs;
          if (bs >= 0 && bs < q) S.bs = bs = t.indexOf('\\', q);
          if (bs >= 0 && bs < end) return FAIL; // an escaped key (it may spell a member's name)
          S.at = end + 2;
        }
        if (i < 0) {
          // Unknown: serde skips it (it still counts for the depth limit).
          if (!skipValue(depth + 1)) return FAIL;
        } else {
          const bit = 1 << i;
          if ((seen & bit) !== 0) return FAIL; // serde refuses a repeated member
          seen |= bit;
          if (t.charCodeAt(S.at) === 110) {
            // `null`: an unset option, written as `null` if nullable
            if ((requiredMask & bit) !== 0 || !scanLit('null')) return FAIL;
            if ((nullableMask & bit) !== 0) out[names[i] as string] = null;
          } else {
            const r = (scans[i] as Scan)(depth + 1);
            if (r === FAIL) return FAIL;
            out[names[i] as string] = r;
          }
          if (i < last) ordered = false;
          last = i;
        }
        c = t.charCodeAt(S.at++);
        if (c === 44) continue; // ,
        if (c === 125) break; // }
        return FAIL;
      }
    }
    if ((seen & requiredMask) !== requiredMask) return FAIL;
    if (ordered && (seen & nullableMask) === nullableMask) return out;
    const o: Record<string, unknown> = {};
    for (let i = 0; i < n; i++) {
      const name = names[i] as string;
      if (Object.hasOwn(out, name)) o[name] = out[name];
      else if ((nullableMask & (1 << i)) !== 0) o[name] = null;
    }
    return o;
  };
  const scan: Scan = (depth) => {
    if (depth > S.limit || S.t.charCodeAt(S.at) !== 123) return FAIL; // {
    S.at++;
    return body({}, 0, 0, depth);
  };
  return { walk, size, scan, body };
};

/** An internally tagged enum: a struct per variant, its tag member declared first. */
interface Tagged extends Type {
  tag: string;
  values: readonly string[];
  /** One struct per value, the tag member first. */
  variants: readonly Type[];
  /** The scan of each variant once its tag (`{"<tag>":"<value>"`) is read: the rest of the object. */
  afterTag: readonly ((value: string, depth: number) => unknown)[];
}

/**
 * A variant of a tagged enum: a struct, or (GA's message item, tagged on `role`) another tagged
 * enum of structs, whose tag serde reads from the same object once the outer tag is taken.
 */
interface Variant {
  value: string;
  fields?: readonly Field[];
  inner?: { tag: string; variants: readonly { value: string; fields: readonly Field[] }[] };
}

/** A type no pass reads: every text that reaches it goes to Rust. */
const never: StructType = { walk: () => FAIL, size: () => false, scan: () => FAIL, body: () => FAIL };

const tagMember = (name: string, value: string): Field => ({ name, type: oneOf([value]), required: true, nullable: false });

const tagged = (tag: string, variants: readonly Variant[]): Tagged => {
  const values = variants.map((v) => v.value);
  // Passes 0 to 2 read a struct variant; a nested one is left to the scan (and else to Rust).
  const types = variants.map((v) => (v.fields !== undefined ? struct([tagMember(tag, v.value), ...v.fields]) : never));
  // The scan of each variant once its tag is read: a struct goes on with its members (the tag is
  // member 0); a nested enum reads its own tag right after (`,"role":"user"`), then the members of
  // its variant, both tags members 0 and 1, so that serde's refusal of a repeated tag is kept.
  const afterTag = variants.map((v): ((value: string, depth: number) => unknown) => {
    if (v.fields !== undefined) {
      const s = types[variants.indexOf(v)] as StructType;
      return (value, depth) => {
        const out: Record<string, unknown> = {};
        out[tag] = value;
        return s.body(out, 1, 1, depth);
      };
    }
    const inner = v.inner;
    if (inner === undefined || inner.tag === tag) return () => FAIL;
    const innerKey = `,${JSON.stringify(inner.tag)}:`;
    const innerValues = inner.variants.map((w) => w.value);
    const innerTypes = inner.variants.map((w) =>
      w.fields.some((f) => f.name === tag || f.name === inner.tag) ? never : struct([tagMember(tag, v.value), tagMember(inner.tag, w.value), ...w.fields]),
    );
    const innerChoice = choice(innerValues);
    return (value, depth) => {
      if (!scanKey(innerKey)) return FAIL;
      const j = scanChoice(innerChoice);
      if (j < 0) return FAIL;
      const out: Record<string, unknown> = {};
      out[tag] = value;
      out[inner.tag] = innerValues[j];
      return (innerTypes[j] as StructType).body(out, 3, 2, depth);
    };
  });
  const tagKey = `{${JSON.stringify(tag)}:`;
  const tags = choice(values);
  // A short scan: hashing the freshly parsed tag for a Map costs more.
  const of = (v: unknown): Type | undefined => (isObject(v) ? types[values.indexOf(v[tag] as string)] : undefined);
  return {
    tag,
    values,
    variants: types,
    afterTag,
    walk: (v, depth) => of(v)?.walk(v, depth) ?? FAIL,
    size: (v, depth) => of(v)?.size(v, depth) ?? false,
    // The tag first (elsewhere: FAIL, the passes decide).
    scan: (depth) => {
      if (depth > S.limit || !scanKey(tagKey)) return FAIL;
      const i = scanChoice(tags);
      if (i < 0) return FAIL;
      return (afterTag[i] as (value: string, depth: number) => unknown)(values[i] as string, depth);
    },
  };
};

/** JSON kinds, as indices: what JSON.parse can give. */
/** @internal */
export const STRING = 0;
/** @internal */
export const NUMBER = 1;
/** @internal */
export const BOOLEAN = 2;
/** @internal */
export const OBJECT = 3;
/** @internal */
export const ARRAY = 4;
/** @internal */
export const NULL = 5;
const KINDS = 6;

/** @internal */
export function kindOf(v: unknown): number {
  switch (typeof v) {
    case 'string':
      return STRING;
    case 'number':
      return NUMBER;
    case 'boolean':
      return BOOLEAN;
    case 'object':
      return v === null ? NULL : Array.isArray(v) ? ARRAY : OBJECT;
    default:
      return -1;
  }
}

/**
 * Untagged alternatives, dispatched on the value's JSON kind: each kind goes to the first
 * alternative that can take it, and if that one fails the text is left to Rust (an earlier
 * alternative the fast path declined might still be the one serde takes, so no later one is
 * tried). `guard`: for objects, the values of earlier enum alternatives, which serde also reads
 * from a one-member object (`{"auto":null}`): such an object is left to Rust.
 */
const untagged = (byKind: readonly (Type | undefined)[], guard: readonly string[] | undefined, stringAfter?: Type, objectTag?: string): Type => {
  const of = (v: unknown): Type | undefined => {
    const k = kindOf(v);
    if (k === OBJECT && guard !== undefined) {
      const keys = Object.keys(v as object);
      if (keys.length === 1 && guard.includes(keys[0] as string)) return undefined;
    }
    return byKind[k];
  };
  // The scan dispatches on the next token's first character, as `of` on the JSON kind. The guard
  // is kept wider: an object whose first key is such a value goes to the passes.
  const scan: Scan = (depth) => {
    const t = S.t;
    const c = t.charCodeAt(S.at);
    const k = c === 34 ? STRING : c === 123 ? OBJECT : c === 91 ? ARRAY : c === 116 || c === 102 ? BOOLEAN : c === 110 ? NULL : c === 45 || (c >= 48 && c <= 57) ? NUMBER : -1;
    if (k === OBJECT && guard !== undefined && t.charCodeAt(S.at + 1) === 34) {
      const end = t.indexOf('"', S.at + 2);
      const key = t.slice(S.at + 2, end);
      if (end < 0 || key.includes('\\') || guard.includes(key)) return FAIL;
    }
    const a = k < 0 ? undefined : byKind[k];
    if (a === undefined) return FAIL;
    if (k === OBJECT && objectTag !== undefined) {
      // A tagged enum followed by a Value: serde reads an object without the tag as that Value.
      const at = S.at;
      const bs = S.bs;
      const r = a.scan(depth);
      if (r !== FAIL) return r;
      S.at = at;
      S.bs = bs;
      const v = json.scan(depth);
      return v === FAIL || Object.hasOwn(v as object, objectTag) ? FAIL : v;
    }
    if (k !== STRING || stringAfter === undefined) return a.scan(depth);
    // A closed list of strings refuses exactly the strings not in it, and serde then tries the
    // next alternative, a plain string (GA's voice: a name, or any string).
    const at = S.at;
    const bs = S.bs;
    const r = a.scan(depth);
    if (r !== FAIL) return r;
    S.at = at;
    S.bs = bs;
    return stringAfter.scan(depth);
  };
  return {
    walk: (v, depth) => of(v)?.walk(v, depth) ?? FAIL,
    size: (v, depth) => of(v)?.size(v, depth) ?? false,
    scan,
  };
};

/**
 * Whether Value keys `a` < `b` as serde_json's BTreeMap orders them (by UTF-8 bytes, that is by
 * code point), for well-formed keys: UTF-16 units order them alike except a surrogate (part of a
 * code point from U+10000) against a unit from U+E000.
 */
/** @internal */
export function keyBefore(a: string, b: string): boolean {
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
        if (depth > S.limit) return FAIL;
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
        if (S.canonicalOnly) return FAIL;
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
        S.pos += v ? 4 : 5;
        return true;
      case 'number':
        // Floats take pass 1, which reads their spelling. `3e2` here reads as 300 alike.
        return Number.isSafeInteger(v) && !Object.is(v, -0) && sizeInteger(v, false);
      case 'object': {
        if (v === null) {
          S.pos += 4;
          return true;
        }
        if (depth > S.limit) return false;
        if (Array.isArray(v)) return jsonArray.size(v, depth);
        const at = S.holder;
        const atKey = S.holderKey;
        S.pos += 1; // `{`
        let previous: string | undefined;
        let sorted = true;
        const keys = Object.keys(v);
        for (let k = 0; k < keys.length; k++) {
          const key = keys[k] as string;
          // The order does not change the length. JavaScript lists integer-like keys first, but
          // nothing inside a Value is looked for in place, and the object is sorted if need be.
          if (previous !== undefined && !keyBefore(previous, key)) sorted = false;
          if (!sizeString(key)) return false;
          S.pos += 1; // `:`
          S.holder = v as Record<string, unknown>;
          S.holderKey = key;
          if (!json.size((v as Record<string, unknown>)[key], depth + 1)) return false;
          S.pos += 1; // `,` or `}`
          previous = key;
        }
        if (previous === undefined) S.pos += 1; // `}` of `{}`
        if (!sorted) addFix(v, undefined, at, atKey);
        return true;
      }
      default:
        return false;
    }
  },
  // Any JSON value, as pass 1 takes its leaves: integers as digits (safe, not -0), other numbers in
  // floatText's spelling; objects with their keys sorted, a repeated key left to the passes.
  scan: (depth) => {
    const t = S.t;
    const c = t.charCodeAt(S.at);
    if (c === 34) return scanString();
    if (c === 123) return scanValueObject(depth);
    if (c === 91) return jsonArray.scan(depth);
    if (c === 116) return scanLit('true') ? true : FAIL;
    if (c === 102) return scanLit('false') ? false : FAIL;
    if (c === 110) return scanLit('null') ? null : FAIL;
    const v = scanNumber();
    if (v === undefined) return FAIL;
    if (!numberHasPoint) return Number.isSafeInteger(v) && !Object.is(v, -0) ? v : FAIL;
    return !Number.isInteger(v) && floatText(v) === numberToken ? v : FAIL;
  },
};

/**
 * Checks the JSON value at `S.at` as the scan reads a Value (leaves as json.scan takes them,
 * depth counted), without building it, and steps over it; false if not sure: an unknown member's
 * value, which serde reads and drops.
 */
function skipValue(depth: number): boolean {
  const t = S.t;
  const c = t.charCodeAt(S.at);
  if (c === 34) return skipString();
  if (c === 123) {
    if (depth > S.limit) return false;
    if (t.charCodeAt(++S.at) === 125) {
      S.at++;
      return true;
    }
    for (;;) {
      if (!skipString()) return false;
      if (t.charCodeAt(S.at) !== 58) return false; // :
      S.at++;
      if (!skipValue(depth + 1)) return false;
      const s = t.charCodeAt(S.at++);
      if (s === 44) continue; // ,
      return s === 125; // }
    }
  }
  if (c === 91) {
    if (depth > S.limit) return false;
    if (t.charCodeAt(++S.at) === 93) {
      S.at++;
      return true;
    }
    for (;;) {
      if (!skipValue(depth + 1)) return false;
      const s = t.charCodeAt(S.at++);
      if (s === 44) continue; // ,
      return s === 93; // ]
    }
  }
  if (c === 116) return scanLit('true');
  if (c === 102) return scanLit('false');
  if (c === 110) return scanLit('null');
  const v = scanNumber();
  if (v === undefined) return false;
  if (!numberHasPoint) return Number.isSafeInteger(v) && !Object.is(v, -0);
  return !Number.isInteger(v) && floatText(v) === numberToken;
}

/** scanString without building the value: true if the token at `S.at` is a string serde_json reads. */
function skipString(): boolean {
  const t = S.t;
  const q = S.at;
  if (t.charCodeAt(q) !== 34) return false;
  const end = t.indexOf('"', q + 1);
  if (end < 0) return false;
  let bs = S.bs;
  if (bs >= 0 && bs < q) S.bs = bs = t.indexOf('\\', q);
  if (bs < 0 || bs > end) {
    S.at = end + 1;
    return true;
  }
  return scanString() !== FAIL;
}

/** The scan of a Value object: keys in any order, returned sorted as serde_json's BTreeMap writes them. */
function scanValueObject(depth: number): unknown {
  const t = S.t;
  if (depth > S.limit) return FAIL;
  const out: Record<string, unknown> = {};
  if (t.charCodeAt(++S.at) === 125) {
    S.at++;
    return out;
  }
  // This object's members are `vKeys`/`vValues` from `base` on; inner objects use the slots above
  // and give them back.
  const base = vTop;
  let sorted = true;
  for (;;) {
    const token = scanString();
    if (typeof token !== 'string' || t.charCodeAt(S.at) !== 58) return FAIL; // :
    const key = valueKey(token);
    S.at++;
    const v = json.scan(depth + 1);
    if (v === FAIL) return FAIL;
    // Not after the one before: out of order, or repeated (serde_json keeps the last; left to the passes).
    if (vTop > base && !keyBefore(vKeys[vTop - 1] as string, key)) sorted = false;
    vKeys[vTop] = key;
    vValues[vTop++] = v;
    const c = t.charCodeAt(S.at++);
    if (c === 44) continue; // ,
    if (c === 125) break; // }
    return FAIL;
  }
  const top = vTop;
  vTop = base;
  if (sorted) {
    for (let i = base; i < top; i++) setMember(out, vKeys[i] as string, vValues[i]);
    return out;
  }
  // Insertion sort (few keys); a repeated key then stands beside its twin.
  for (let i = base + 1; i < top; i++) {
    const key = vKeys[i] as string;
    const v = vValues[i];
    let j = i - 1;
    while (j >= base && keyBefore(key, vKeys[j] as string)) {
      vKeys[j + 1] = vKeys[j] as string;
      vValues[j + 1] = vValues[j];
      j--;
    }
    vKeys[j + 1] = key;
    vValues[j + 1] = v;
  }
  for (let i = base; i < top; i++) {
    if (i > base && !keyBefore(vKeys[i - 1] as string, vKeys[i] as string)) return FAIL; // repeated
    setMember(out, vKeys[i] as string, vValues[i]);
  }
  return out;
}

/**
 * Value keys seen before, by length and four of their characters: a key equal to one is
 * replaced by it. A fresh slice of the text as a property key is looked up in the engine's table
 * of property names on every store; the key kept here already is one (it was stored before), so
 * the stores cost about half. Only keys of 1 to 16 characters, each kept as a copy made by
 * JSON.parse (a slice may hold on to its whole text): at most 1024 short strings, no text.
 */
const valueKeys: (string | undefined)[] = new Array(1024);

function valueKey(k: string): string {
  const n = k.length;
  if (n === 0 || n > 16) return k;
  let h = Math.imul(n, 0x9e3779b1) ^ (k.charCodeAt(0) << 2) ^ ((k.charCodeAt(1) | 0) << 5) ^ (k.charCodeAt(n >> 1) << 8) ^ k.charCodeAt(n - 1);
  h ^= h >>> 10;
  const slot = h & 1023;
  const known = valueKeys[slot];
  if (known === k) return known;
  valueKeys[slot] = JSON.parse(JSON.stringify(k)) as string;
  return k;
}

/** The scan's stack of Value object members (reset per text: a failed scan leaves slots behind). */
const vKeys: string[] = [];
const vValues: unknown[] = [];
let vTop = 0;

function setMember(o: Record<string, unknown>, key: string, v: unknown): void {
  // A plain assignment to `__proto__` would set the prototype, not a member.
  if (key === '__proto__') Object.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true });
  else o[key] = v;
}

const jsonArray = arrayOf(json);

const UINT_MAX: Readonly<Record<string, number>> = { u8: 0xff, u16: 0xffff, u32: 0xffffffff };
const uints: Record<string, Type> = { u8: uint(0xff), u16: uint(0xffff), u32: uint(0xffffffff) };

/** A flat variant's member after the tag: a string or an unsigned integer, required or optional. */
interface FlatMember {
  name: string;
  /** 0 for a string, else the integer's maximum. */
  max: number;
  required: boolean;
  /** `"name":` */
  key: string;
}

/** For a text the fast path does not read: only the answer changes. */
function declined(): undefined {
  S.pass = -1;
  return undefined;
}

/**
 * Which alternative of an untagged enum a value of each JSON kind (by index: STRING .. NULL) is
 * read as, by serde trying them in order: the first whose reading takes that kind, unless an
 * earlier one might also read it (then none: Rust decides). `guard`: for objects, the values of
 * earlier enum alternatives, which serde also reads from a one-member object (`{"auto":null}`):
 * such an object is left to Rust. Shared by the decode and encode fast paths. @internal
 */
export function untaggedPlan(
  named: (name: string) => NamedType,
  alternatives: readonly TypeRef[],
): { byKind: (TypeRef | undefined)[]; guard: string[] | undefined; stringAfter: boolean; objectTag: string | undefined } {
  /** The JSON kinds the fast path's reading of `ref` takes, as bits. */
  const kinds = (ref: TypeRef, seen: ReadonlySet<string> = new Set()): number => {
    if (typeof ref === 'string') {
      switch (ref) {
        case 'string':
          return 1 << STRING;
        case 'bool':
          return 1 << BOOLEAN;
        case 'json':
          return (1 << KINDS) - 1;
        default:
          return 1 << NUMBER;
      }
    }
    if ('list' in ref) return 1 << ARRAY;
    if ('map' in ref) return 1 << OBJECT;
    if ('literal' in ref) return 1 << STRING;
    if (seen.has(ref.ref)) return 0;
    const shape = named(ref.ref);
    switch (shape.kind) {
      case 'enum':
        return 1 << STRING;
      case 'struct':
      case 'tagged':
        return 1 << OBJECT;
      case 'untagged':
        return shape.alternatives.reduce((k, a) => k | kinds(a, new Set([...seen, ref.ref])), 0);
    }
  };
  /**
   * What serde also reads `ref` from, beyond the kinds above: a unit enum (or literal) from a
   * one-member object keyed by one of its values, a struct (or tagged enum) from an array.
   */
  const wider = (ref: TypeRef, seen: ReadonlySet<string> = new Set()): { keys: string[]; array: boolean } => {
    if (typeof ref === 'string' || 'list' in ref || 'map' in ref) return { keys: [], array: false };
    if ('literal' in ref) return { keys: [ref.literal], array: false };
    if (seen.has(ref.ref)) return { keys: [], array: false };
    const shape = named(ref.ref);
    switch (shape.kind) {
      case 'enum':
        return { keys: [...shape.values], array: false };
      case 'struct':
      case 'tagged':
        return { keys: [], array: true };
      case 'untagged': {
        const inner = shape.alternatives.map((a) => wider(a, new Set([...seen, ref.ref])));
        return { keys: inner.flatMap((w) => w.keys), array: inner.some((w) => w.array) };
      }
    }
  };
  /** Required member names of a struct or tagged alternative (the tag included), if it is one. */
  const requiredNames = (ref: TypeRef): string[] | undefined => {
    if (typeof ref === 'string' || !('ref' in ref)) return undefined;
    const shape = named(ref.ref);
    if (shape.kind === 'struct') return shape.members.filter((m) => m.presence === 'required').map((m) => m.name);
    if (shape.kind === 'tagged') return [shape.tag];
    return undefined;
  };
  const byKind: (TypeRef | undefined)[] = [];
  let guard: string[] | undefined;
  for (let k = 0; k < KINDS; k++) {
    const i = alternatives.findIndex((a) => (kinds(a) & (1 << k)) !== 0);
    if (i < 0) continue;
    const earlier = alternatives.slice(0, i).map((a) => wider(a));
    if (k === ARRAY && earlier.some((w) => w.array)) continue; // serde might read it as an earlier struct
    if (k === OBJECT) {
      const keys = earlier.flatMap((w) => w.keys);
      // Needed unless every object the alternative takes has a member that is no such key.
      const required = requiredNames(alternatives[i] as TypeRef);
      if (keys.length > 0 && !(required !== undefined && required.some((r) => !keys.includes(r)))) guard = keys;
    }
    byKind[k] = alternatives[i] as TypeRef;
  }
  // Invariant 8's exceptions. For strings: when the alternative for strings is a closed list (an
  // enum or a literal) and the next alternative is a plain string, a string the list refuses is
  // that string. For objects: a tagged enum followed by a Value (GA's prompt variables), no
  // guard: an object without the tag's member is that Value.
  const first = byKind[STRING];
  const i = first === undefined ? -1 : alternatives.indexOf(first);
  const closed = first !== undefined && typeof first !== 'string' && ('literal' in first || ('ref' in first && named(first.ref).kind === 'enum'));
  const stringAfter = closed && alternatives[i + 1] === 'string';
  const forObject = byKind[OBJECT];
  const o = forObject === undefined ? -1 : alternatives.indexOf(forObject);
  const taggedFirst = forObject !== undefined && typeof forObject !== 'string' && 'ref' in forObject ? named(forObject.ref) : undefined;
  const objectTag = guard === undefined && taggedFirst?.kind === 'tagged' && alternatives[o + 1] === 'json' ? taggedFirst.tag : undefined;
  return { byKind, guard, stringAfter, objectTag };
}

/** A table that names a type it does not define, or a kind the passes (decode and encode) do not know: a bug in the table. @internal */
export class ShapeError extends Error {}

/**
 * Compiles the fast path for `root`, one of `types` (a protocol's shape table), into closures, once.
 * The result takes a text and the depth limit and returns the decoded value in canonical form, or
 * `undefined` when the checks are not sure. It never throws. After a call, {@link lastFastPass}
 * tells which pass answered. @internal
 */
export function compileFastDecoder(types: Readonly<Record<string, NamedType>>, root: string): (text: string, maxDepth: number) => unknown {
  const compiled = new Map<string, Type>();
  const named = (name: string): NamedType => {
    const shape = types[name];
    if (shape === undefined) throw new ShapeError(`fast path: the table has no type ${name}`);
    return shape;
  };
  const fields = (members: readonly Member[]): Field[] =>
    members.map((m) => ({ name: m.name, type: compile(m.type), required: m.presence === 'required', nullable: m.presence === 'nullable' }));
  const compileNamed = (name: string): Type => {
    const done = compiled.get(name);
    if (done !== undefined) return done;
    // A type that holds itself (none does in the beta protocol): its inner uses go through this
    // forwarder until the type is compiled.
    let target: Type | undefined;
    const forward: Type = {
      walk: (v, depth) => (target as Type).walk(v, depth),
      size: (v, depth) => (target as Type).size(v, depth),
      scan: (depth) => (target as Type).scan(depth),
    };
    compiled.set(name, forward);
    const shape = named(name);
    let type: Type;
    switch (shape.kind) {
      case 'enum':
        type = oneOf(shape.values);
        break;
      case 'struct':
        type = struct(fields(shape.members));
        break;
      case 'tagged':
        type = tagged(
          shape.tag,
          shape.variants.map((v): Variant => {
            const s = named(v.struct);
            if (s.kind === 'struct') return { value: v.value, fields: fields(s.members) };
            if (s.kind !== 'tagged') throw new ShapeError(`fast path: variant ${v.value} of ${name} is neither a struct nor a tagged enum`);
            const inner = s.variants.map((w) => {
              const ws = named(w.struct);
              if (ws.kind !== 'struct') throw new ShapeError(`fast path: variant ${w.value} of ${v.struct} is not a struct`);
              return { value: w.value, fields: fields(ws.members) };
            });
            return { value: v.value, inner: { tag: s.tag, variants: inner } };
          }),
        );
        break;
      case 'untagged':
        type = compileUntagged(shape.alternatives);
        break;
    }
    target = type;
    compiled.set(name, type);
    return type;
  };
  const compile = (ref: TypeRef): Type => {
    if (typeof ref === 'string') {
      switch (ref) {
        case 'string':
          return string;
        case 'bool':
          return bool;
        case 'u8':
        case 'u16':
        case 'u32':
          return uints[ref] as Type;
        case 'f32':
        case 'f64':
          return float;
        case 'json':
          return json;
      }
      throw new ShapeError(`fast path: unknown type ${String(ref)}`);
    }
    if ('list' in ref) return arrayOf(compile(ref.list));
    // A map (GA's response metadata) is written in hash order: only Rust answers for it.
    if ('map' in ref) throw new ShapeError('fast path: a map type is not compiled (it goes to Rust)');
    if ('ref' in ref) return compileNamed(ref.ref);
    return oneOf([ref.literal]);
  };

  const compileUntagged = (alternatives: readonly TypeRef[]): Type => {
    const plan = untaggedPlan(named, alternatives);
    // The scan's second tries (21): invariant 8's exceptions, as the plan finds them.
    return untagged(
      plan.byKind.map((a) => (a === undefined ? undefined : compile(a))),
      plan.guard,
      plan.stringAfter ? string : undefined,
      plan.objectTag,
    );
  };

  const rootType = compileNamed(root);
  const rootShape = named(root);
  // The root's variants, and for the flat ones their members (undefined for the others).
  let tag = '';
  let values: readonly string[] = [];
  let variants: readonly Type[] = [];
  let flats: readonly (readonly FlatMember[] | undefined)[] = [];
  if (rootShape.kind === 'tagged') {
    const t = rootType as Tagged;
    tag = t.tag;
    values = t.values;
    variants = t.variants;
    flats = rootShape.variants.map((v) => {
      const s = named(v.struct);
      if (s.kind !== 'struct') return undefined;
      const flat = s.members.every(
        (m) => m.presence !== 'nullable' && !INTEGER_LIKE.test(m.name) && (m.type === 'string' || m.type === 'u8' || m.type === 'u16' || m.type === 'u32'),
      );
      if (!flat) return undefined;
      return s.members.map((m) => ({
        name: m.name,
        max: m.type === 'string' ? 0 : (UINT_MAX[m.type as string] as number),
        required: m.presence === 'required',
        key: `${JSON.stringify(m.name)}:`,
      }));
    });
  }
  const tagKey = `${JSON.stringify(tag)}:`;
  const hasFlat = flats.some((f) => f !== undefined);
  // Every root so far is tagged on `type`: a named load is cheaper than a keyed one.
  const tagIsType = tag === 'type';
  const rootTagged = rootShape.kind === 'tagged';
  // The variants by the tag value's length: hashing the freshly parsed tag for a Map costs more,
  // and a scan of all the values compares more strings than a scan of those of its length.
  const tags = choice(values);
  const tagIndex = (v: unknown): number => (typeof v === 'string' ? choiceIndex(tags, v) : -1);

  // The flat variants' members by name, for the scan.
  const flatIndex = flats.map((members) => (members === undefined ? undefined : new Map(members.map((m, k) => [m.name, k]))));

  /**
   * The flat scan: a flat variant's text read without JSON.parse (20). It answers only a text in
   * which no backslash, no control character and no lone surrogate occurs anywhere, made of
   * exactly `{`, then `"key":value` members separated by `,` without whitespace, then `}`, each
   * value a string or a decimal integer without sign, fraction, exponent or leading zero. In such a
   * text every string is its raw content up to the next quote, so each key and value is what
   * serde_json reads. The tag must occur once and name a flat variant; every other key must be one
   * of that variant's members, once, of its kind and range, and every required member present:
   * exactly the texts the crate accepts without dropping anything. The event is built in
   * canonical order (the tag, then the members as declared). Anything else: undefined, and the
   * JSON.parse passes decide.
   */
  const scanFlat = (t: string): Record<string, unknown> | undefined => {
    const n = t.length;
    let variant = -1;
    const scanKeys: string[] = [];
    const scanValues: (string | number)[] = [];
    let count = 0;
    let at = 1;
    let tagAt = -1;
    for (;;) {
      if (t.charCodeAt(at) !== 34) return undefined; // "
      const keyEnd = t.indexOf('"', at + 1);
      if (keyEnd < 0 || t.charCodeAt(keyEnd + 1) !== 58) return undefined; // :
      const key = t.slice(at + 1, keyEnd);
      let end = keyEnd + 2;
      const c = t.charCodeAt(end);
      let value: string | number;
      if (c === 34) {
        const close = t.indexOf('"', end + 1);
        if (close < 0) return undefined;
        value = t.slice(end + 1, close);
        end = close + 1;
      } else if (c >= 48 && c <= 57) {
        value = flatUint(t, end);
        if (value < 0) return undefined;
        end = flatUintEnd;
      } else {
        return undefined;
      }
      if (key === tag) {
        if (tagAt >= 0) return undefined;
        tagAt = count;
        // A variant that is not flat: nothing to scan for (the tag comes first or second).
        variant = tagIndex(value);
        if (variant < 0 || flats[variant] === undefined) return undefined;
      }
      scanKeys[count] = key;
      scanValues[count] = value;
      count++;
      const sep = t.charCodeAt(end);
      if (sep === 44) {
        at = end + 1;
        continue;
      }
      if (sep === 125 && end === n - 1) break; // }
      return undefined;
    }
    if (tagAt < 0) return undefined;
    const members = variant < 0 ? undefined : flats[variant];
    const index = variant < 0 ? undefined : flatIndex[variant];
    if (members === undefined || index === undefined || members.length > 30) return undefined;
    // Every other key a member, once, of its kind; found[i]: member i's value.
    let seen = 0;
    const found: (string | number)[] = [];
    let next = 0; // the member the declaration order expects next: most texts are in that order
    for (let k = 0; k < count; k++) {
      if (k === tagAt) continue;
      const key = scanKeys[k] as string;
      const i = next < members.length && (members[next] as FlatMember).name === key ? next : index.get(key);
      if (i !== undefined) next = i + 1;
      if (i === undefined || (seen & (1 << i)) !== 0) return undefined;
      seen |= 1 << i;
      const m = members[i] as FlatMember;
      const x = scanValues[k] as string | number;
      if (m.max === 0 ? typeof x !== 'string' : typeof x !== 'number' || x > m.max) return undefined;
      found[i] = x;
    }
    return flatScanned(t, scanValues[tagAt] as string, members, seen, found);
  };

  /**
   * The end of both flat scans, once a text's grammar is read and its members matched: the whole
   * text checked, once (no escape: with one, a string's end may have been read wrong, so only now
   * is what was read trusted, and scanFlat stops at a tag that is not flat whatever it read; no
   * control character; no lone surrogate), every required member present (`seen`: a bit per
   * member), and the event built in canonical order, the tag first.
   */
  const flatScanned = (t: string, tagValue: string, members: readonly FlatMember[], seen: number, found: readonly (string | number)[]): Record<string, unknown> | undefined => {
    if (t.indexOf('\\') !== -1 || !plain(t)) return undefined;
    const event: Record<string, unknown> = { [tag]: tagValue };
    for (let i = 0; i < members.length; i++) {
      const m = members[i] as FlatMember;
      if ((seen & (1 << i)) === 0) {
        if (m.required) return undefined;
        continue;
      }
      event[m.name] = found[i];
    }
    return event;
  };

  /**
   * The flat scan (20) of a text whose first member is the tag, read by leadVariant (variant
   * `lead`, its value ending at `at`): the same grammar and the same checks as scanFlat, with
   * each key compared whole, `"name":` at its place, with the variant's members (usually the next
   * one in declaration order), instead of sliced and looked up. A key that is no member's (a
   * second tag among them: no flat variant has a member named like the tag, or this is not
   * used) declines, as scanFlat does.
   */
  const scanFlatLead = (t: string, lead: number, at: number): Record<string, unknown> | undefined => {
    const members = flats[lead];
    if (members === undefined || members.length > 30) return undefined;
    const n = t.length;
    const found: (string | number)[] = [];
    let seen = 0;
    let next = 0;
    const count = members.length;
    for (;;) {
      const sep = t.charCodeAt(at);
      if (sep === 125 && at === n - 1) break; // }
      if (sep !== 44) return undefined; // ,
      at++;
      let i = next;
      while (i < count && !keyAt(t, (members[i] as FlatMember).key, at)) i++;
      if (i === count) {
        i = 0;
        while (i < next && !keyAt(t, (members[i] as FlatMember).key, at)) i++;
        if (i === next) return undefined;
      }
      if ((seen & (1 << i)) !== 0) return undefined;
      seen |= 1 << i;
      next = i + 1;
      const m = members[i] as FlatMember;
      at += m.key.length;
      const c = t.charCodeAt(at);
      if (m.max === 0) {
        if (c !== 34) return undefined; // "
        const close = t.indexOf('"', at + 1);
        if (close < 0) return undefined;
        found[i] = t.slice(at + 1, close);
        at = close + 1;
      } else {
        const v = flatUint(t, at);
        if (v < 0 || v > m.max) return undefined;
        found[i] = v;
        at = flatUintEnd;
      }
    }
    return flatScanned(t, values[lead] as string, members, seen, found);
  };

  /**
   * Pass 0 for the flat variants, which hold only strings and unsigned integers after the tag
   * (appends, deletes, truncates and the events with just an `event_id`). The argument of pass 0
   * with nothing to walk: the text is exactly as long as the canonical text of the known members
   * (unknown members, duplicates, whitespace, escapes and other number spellings would all make it
   * longer, but for `3e2` and `1e3`, and so round integers are looked for in place as in
   * sizeInteger). So only the member order is left to check, by each member's whole key at the
   * place the layout puts it, which also proves the member the text's own.
   *
   * Two layouts are read: the canonical one (the tag first), and the one the service writes, with
   * the variant's first member (`event_id`) before the tag. The length argument does not depend on
   * the order, and either layout is one fixed order checked key by key. The second is answered with
   * a new object in canonical order. Returns the event, or undefined.
   */
  const flatEvent = (t: string, v: Record<string, unknown>, value: string, members: readonly FlatMember[]): Record<string, unknown> | undefined => {
    // `at` is where the layout puts the next `,` (or the final `}`); a key stands at `at + 1`.
    let at: number;
    let from = 0;
    if (t.startsWith(tagKey, 1)) {
      // The tag first, as the text's own member (the parsed tag may be a polluted prototype's).
      at = tagKey.length + value.length + 3; // {"<tag>":"<value>"
    } else {
      // The first member, then the tag: `{"event_id":"...","type":"<value>"`.
      const m = members[0];
      if (m === undefined) return undefined;
      at = flatMember(t, v[m.name], m, 0);
      if (at < 0 || !t.startsWith(tagKey, at + 1)) return undefined;
      at += tagKey.length + value.length + 3; // ,"<tag>":"<value>"
      from = 1;
    }
    for (let i = from; i < members.length; i++) {
      const m = members[i] as FlatMember;
      const x = v[m.name];
      if (x === undefined) {
        if (m.required) return undefined;
        continue;
      }
      at = flatMember(t, x, m, at);
      if (at < 0) return undefined;
    }
    if (t.length !== at + 1) return undefined; // `}`
    if (from === 0) return v;
    // In canonical order: the tag, then the members as declared (names from the table).
    const event: Record<string, unknown> = { [tag]: v[tag] };
    for (let i = 0; i < members.length; i++) {
      const m = members[i] as FlatMember;
      if (v[m.name] !== undefined) event[m.name] = v[m.name];
    }
    return event;
  };

  /**
   * One present flat member whose separator the layout puts at `at`: its whole key at `at + 1`,
   * then its value. Where the next separator stands, or -1.
   */
  const flatMember = (t: string, x: unknown, m: FlatMember, at: number): number => {
    if (x === undefined) return -1;
    // The whole key, where the layout puts it: a top-level member of the text, so the parsed
    // object's own (a member inherited from a polluted Object.prototype is not there).
    if (!t.startsWith(m.key, at + 1)) return -1;
    let next = at + m.key.length + 1; // ,"<name>":
    if (m.max === 0) {
      if (typeof x !== 'string' || !wellFormed(x)) return -1;
      next += x.length + 2; // "<value>"
    } else {
      if (!isUint(x, m.max)) return -1;
      if (x % 100 === 0 && x !== 0) {
        // A round integer that a shorter spelling could stand for (`1e3`) is left to the other
        // passes; one as long as another spelling (`3e2` for `300`) must stand as itself.
        if (x % 1000 === 0 || !t.startsWith(String(x), next)) return -1;
      }
      next += digits(x);
    }
    return next;
  };

  /** Pass 0's deferred checks: each integer with two trailing zeros is written as itself. */
  const numbersInPlace = (): boolean => {
    const pending = S.pending;
    for (let i = 0; i < S.pendingCount; i += 2) if (!S.t.startsWith(pending[i + 1] as string, pending[i] as number)) return false;
    return true;
  };

  /** Passes 0 to 2 on the parsed value, with `type` the root or its variant; sets S.pass when one answers. */
  const passes = (text: string, maxDepth: number, value: unknown, type: Type): unknown => {
    // Pass 0, with strings counted unescaped, then (if the text is longer) with their escapes:
    // JSON.stringify escapes exactly as serde_json does, for well-formed strings.
    for (let run = 0; run < 2; run++) {
      reset(text, maxDepth, value, -1);
      S.exactStrings = run === 1;
      if (!type.size(value, 1)) break;
      if (S.pos === text.length && withinSaving() && numbersInPlace()) {
        applyFixes();
        S.pass = 0;
        return S.top[0];
      }
      if (S.pos > text.length) break;
      if (run === 0 && S.pendingCount === 0) {
        // Without integers to find in the text, the escapes only change the total: add them up
        // instead of walking again.
        let escaped = S.pos;
        for (let i = 0; i < S.stringCount; i++) escaped += escapes(S.strings[i] as string);
        if (escaped === text.length) {
          applyFixes();
          S.pass = 0;
          return S.top[0];
        }
        break;
      }
    }
    for (let pass = 1; pass <= 2; pass++) {
      reset(text, maxDepth, undefined, -1);
      S.canonicalOnly = pass === 1;
      const result = type.walk(value, 1);
      if (result !== FAIL && S.at === text.length) {
        S.pass = pass;
        return result;
      }
    }
    return undefined;
  };

  /**
   * The scan (21): the event read from the text without JSON.parse, in one pass, where the text
   * has no control character (so no whitespace) and no lone surrogate. FAIL where not sure.
   */
  const scanEvent = (text: string, maxDepth: number, lead: number, leadEnd: number): unknown => {
    // The scan reads only these members of S (the passes reset all of them before they start).
    S.t = text;
    S.at = 0;
    S.limit = maxDepth;
    S.bs = text.indexOf('\\');
    S.checked = 0;
    vTop = 0;
    try {
      // With the tag read already (leadVariant), the root's scan goes on after it, as it would.
      let event: unknown;
      if (lead >= 0 && maxDepth >= 1) {
        S.at = leadEnd;
        event = ((rootType as Tagged).afterTag[lead] as (value: string, depth: number) => unknown)(values[lead] as string, 1);
      } else {
        event = rootType.scan(1);
      }
      // What no long token covered: no control character (so no whitespace), no lone surrogate.
      if (event === FAIL || S.at !== text.length || !plain(S.checked === 0 ? text : text.slice(S.checked))) return FAIL;
      return event;
    } finally {
      S.t = '';
    }
  };

  /** `{"<tag>":"`: the tag first, as producers write it, its value a string. */
  const leadKey = `{${tagKey}"`;
  /** scanFlatLead reads the flat variants: none has a member named like the tag. */
  const leadFlat = flats.every((members) => members === undefined || members.every((m) => m.name !== tag));
  /** Where the tag's value ends (after its closing quote), when leadVariant found one. */
  let leadEnd = 0;
  /**
   * The variant a text names by its first member, the tag, when that member is `{"<tag>":"<value>"`
   * with the value's raw content one of the values (which need no escape: then the token is
   * exactly that, its closing quote not escaped): the scans then start after it. -1 otherwise
   * (another first member, escapes): the scans read the text from its start.
   */
  const leadVariant = (t: string): number => {
    const q = leadKey.length;
    if (!tags.raw || t.slice(0, q) !== leadKey) return -1; // a slice and === cost less than startsWith
    const end = t.indexOf('"', q);
    if (end < 0) return -1;
    leadEnd = end + 1;
    return tagIndex(t.slice(q, end));
  };

  return (text, maxDepth) => {
    let value: unknown;
    if (text.charCodeAt(0) === 123 && text.charCodeAt(text.length - 1) === 125) {
      if (rootTagged) {
        const lead = leadVariant(text);
        // A leading tag that names a variant which is not flat: the flat scan would stop there.
        if (hasFlat && (lead < 0 || flats[lead] !== undefined)) {
          const event = lead >= 0 && leadFlat ? scanFlatLead(text, lead, leadEnd) : scanFlat(text);
          if (event !== undefined) {
            S.pass = 0;
            return event;
          }
        }
        const event = scanEvent(text, maxDepth, lead, leadEnd);
        if (event !== FAIL) {
          S.pass = 3;
          return event;
        }
      }
      try {
        value = JSON.parse(text);
      } catch {
        value = undefined;
      }
    }
    let type = rootType;
    if (rootTagged) {
      if (!isObject(value)) return declined();
      const i = tagIndex(tagIsType ? value.type : value[tag]);
      if (i < 0) return declined();
      type = variants[i] as Type;
      // The flat variants need no state but the answer.
      const flat = flats[i];
      const event = flat === undefined ? undefined : flatEvent(text, value, values[i] as string, flat);
      if (event !== undefined) {
        S.pass = 0;
        return event;
      }
    } else if (value === undefined) {
      return declined();
    }
    reset(text, maxDepth, undefined, -1);
    try {
      return passes(text, maxDepth, value, type);
    } finally {
      reset('', 0, undefined, S.pass); // keeps nothing of the text alive, but which pass answered
    }
  };
}

/** Compiled on first use, not at import: the package's cold import pays nothing for it. */
let betaClient: ReturnType<typeof compileFastDecoder> | undefined;

/**
 * The decoded event in canonical form, equal to what the Rust path returns, or `undefined` when the
 * checks are not sure. Never throws. `maxDepth` is the container nesting limit (the event is depth 1).
 * @internal
 */
export function fastDecode(text: string, maxDepth: number): ClientEvent | undefined {
  betaClient ??= compileFastDecoder(BETA.types, BETA.client);
  return betaClient(text, maxDepth) as ClientEvent | undefined;
}

/** Compiled on the first server call: client decoding neither compiles nor walks the server rows. */
let betaServer: ReturnType<typeof compileFastDecoder> | undefined;

/**
 * {@link fastDecode} for server events: answers only the high-frequency ones the table's
 * {@link BETA_FAST_SERVER} lists (audio, text, transcript and argument deltas, speech started and
 * stopped, rate limits), `undefined` for every other text. Never throws. @internal
 */
export function fastDecodeServer(text: string, maxDepth: number): ServerEvent | undefined {
  betaServer ??= compileFastDecoder(BETA_FAST_SERVER.types, BETA_FAST_SERVER.root);
  return betaServer(text, maxDepth) as ServerEvent | undefined;
}

/**
 * A fast decoder over `types` from `root` (a protocol's client root, or its fast server part),
 * compiled on its first call: another protocol's entry uses this over its own table. @internal
 */
export function lazyFastDecoder(types: Readonly<Record<string, NamedType>>, root: string): (text: string, maxDepth: number) => unknown {
  let compiled: ReturnType<typeof compileFastDecoder> | undefined;
  return (text, maxDepth) => (compiled ??= compileFastDecoder(types, root))(text, maxDepth);
}

/** Which pass answered the last call of a compiled decoder (0, 1, 2), or -1 when it declined: for tests. @internal */
export function lastFastPass(): number {
  return S.pass;
}

/** {@link fastDecode} and the pass that answered (-1 when it declined): for tests. @internal */
export function fastDecodeWithPass(text: string, maxDepth: number): { event: ClientEvent | undefined; pass: number } {
  const event = fastDecode(text, maxDepth);
  return { event, pass: S.pass };
}

/** {@link fastDecodeServer} and the pass that answered (-1 when it declined): for tests. @internal */
export function fastDecodeServerWithPass(text: string, maxDepth: number): { event: ServerEvent | undefined; pass: number } {
  const event = fastDecodeServer(text, maxDepth);
  return { event, pass: S.pass };
}
