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
 * 0. **Length.** Checks the value alone and adds up the length of its canonical text (first
 *    counting each string as if it needed no escape, then, if the text is longer, with its
 *    escapes). Every way to write the same value differently is
 *    longer: whitespace, escapes, a duplicate member, and the number spellings that are allowed
 *    here (integers with at most one trailing zero, whose every other spelling is longer, and f32
 *    values from 0.01 that are not whole, whose other spellings are no shorter and read to the same
 *    f32). So a text exactly that long is the canonical text of the value, member order aside,
 *    which this pass also checks. The text is never read.
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

/** Pass 0 first counts strings as if unescaped; if the text is longer, once more exactly. */
let exactStrings = false;

/** Pass 0's position in the canonical text. */
let pos = 0;
/** Pass 0's integers with two trailing zeros (`300`): where each must stand, and its text. */
const pending: (number | string)[] = [];
/** Pass 0's free strings, to count their escapes when the text turns out longer. */
const strings: string[] = [];

function sizeString(v: unknown): boolean {
  if (typeof v !== 'string' || !wellFormed(v)) return false;
  if (exactStrings) {
    pos += JSON.stringify(v).length;
  } else {
    pos += v.length + 2;
    strings.push(v);
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
 * Pass 0 for an integer: every other JSON spelling of it is longer, except `3e2` for `300`
 * (as long) and `1e3` for `1000` (shorter). Those with three trailing zeros are left to pass 1;
 * with two, a u16/u32 member (where `3e2` is an error) is checked in the text afterwards.
 */
function sizeInteger(v: number, spellingMatters: boolean): boolean {
  const s = String(v);
  if (v !== 0 && v % 100 === 0) {
    if (v % 1000 === 0) return false;
    if (spellingMatters) pending.push(pos, s);
  }
  pos += s.length;
  return true;
}

const uint = (max: number): Type => ({
  walk: (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max && !Object.is(v, -0) && lit(String(v)) ? v : FAIL),
  size: (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max && !Object.is(v, -0) && sizeInteger(v, true),
});

const SHORT_DECIMAL = /^-?(\d+)(?:\.(\d{1,8}))?$/;

/** How serde_json writes float `v` (f32 or f64) when `v` is one of the short decimals described above. */
function floatText(v: number): string | undefined {
  if (v === 0) return Object.is(v, -0) ? undefined : '0.0';
  const abs = Math.abs(v);
  if (!(abs >= 1e-4 && abs < 1e6)) return undefined;
  const s = String(v);
  const m = SHORT_DECIMAL.exec(s);
  if (m === null) return undefined;
  const digits = ((m[1] as string) + (m[2] ?? '')).replace(/^0+/, '');
  if (digits.length > 6) return undefined;
  return m[2] === undefined ? `${s}.0` : s;
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
  const first = fields.map((f) => `"${f.name}":`);
  const next = fields.map((f) => `,"${f.name}":`);
  const size: Size = (v, depth) => {
    if (!isObject(v) || depth > limit) return false;
    let i = 0;
    const start = pos;
    pos += 1; // `{`
    for (const key in v) {
      while (i < fields.length && (fields[i] as Field).name !== key) {
        const skipped = fields[i] as Field;
        if (skipped.required || skipped.nullable) return false;
        i++;
      }
      if (i === fields.length) return false; // unknown or out of order
      const f = fields[i] as Field;
      const value = v[key];
      pos += key.length + 3; // `"key":`
      if (value === null ? !(f.nullable && ((pos += 4), true)) : !f.type.size(value, depth + 1)) return false;
      pos += 1; // `,` or `}`
      i++;
    }
    for (; i < fields.length; i++) if ((fields[i] as Field).required || (fields[i] as Field).nullable) return false;
    if (pos === start + 1) pos += 1; // `}` of `{}`
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
        pos += 1; // `{`
        let previous: string | undefined;
        for (const key in v) {
          // JavaScript lists integer-like keys first, whatever the text's order; the order seen here
          // is the one decode returns, and it must be serde's.
          if (previous !== undefined && !keyBefore(previous, key)) return false;
          if (!sizeString(key)) return false;
          pos += 1; // `:`
          if (!json.size((v as Record<string, unknown>)[key], depth + 1)) return false;
          pos += 1; // `,` or `}`
          previous = key;
        }
        if (previous === undefined) pos += 1; // `}` of `{}`
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

const EMPTY = {};

const APPEND = 'input_audio_buffer.append';
const DELETE = 'conversation.item.delete';

/**
 * Pass 0 for the commonest events, which hold only strings: an append, a delete, and the events
 * with just an `event_id`. Same argument as pass 0 with nothing to walk: the text is exactly as
 * long as the canonical text of the known members (unknown members, duplicates, whitespace and
 * escapes would all make it longer), so only the member order is left to check, by the first
 * letter of each member's key at the place the canonical text puts it.
 */
function flatEvent(v: Record<string, unknown>, type: string): boolean {
  const id = v.event_id;
  let n = type.length + 11; // {"type":"<type>"}
  if (id !== undefined) {
    if (typeof id !== 'string' || !wellFormed(id)) return false;
    n += id.length + 14; // ,"event_id":"<id>"
  }
  const last = type === APPEND ? 'audio' : type === DELETE ? 'item_id' : undefined;
  let value: unknown;
  if (last !== undefined) {
    value = own(v, last); // a member inherited from a polluted Object.prototype is not in the text
    if (typeof value !== 'string' || !wellFormed(value)) return false;
    n += last.length + value.length + 6; // ,"<last>":"<value>"
  }
  if (t.length !== n || t.charCodeAt(2) !== 116) return false; // `t`ype first
  // After `{"type":"<type>",`: `e`vent_id, then the last member's key.
  const second = type.length + 12;
  if (id !== undefined && t.charCodeAt(second) !== 101) return false;
  return last === undefined || t.charCodeAt(id === undefined ? second : second + id.length + 14) === last.charCodeAt(0);
}

/** Pass 0's deferred checks: each integer with two trailing zeros is written as itself. */
function numbersInPlace(): boolean {
  for (let i = 0; i < pending.length; i += 2) if (!t.startsWith(pending[i + 1] as string, pending[i] as number)) return false;
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
    const type = value.type;
    if (type === APPEND || type === DELETE || type === 'response.cancel' || type === 'input_audio_buffer.commit' || type === 'input_audio_buffer.clear') {
      if (flatEvent(value, type)) {
        t = '';
        lastPass = 0;
        return value as unknown as ClientEvent;
      }
    }
  }
  // Pass 0 lists members with for-in, which would also list enumerable properties someone added
  // to Object.prototype: then it is skipped.
  let polluted = false;
  for (const _ in EMPTY) polluted = true;
  t = text;
  try {
    // Pass 0, with strings counted unescaped, then (if the text is longer) with their escapes:
    // JSON.stringify escapes exactly as serde_json does, for well-formed strings.
    for (let run = polluted ? 2 : 0; run < 2; run++) {
      exactStrings = run === 1;
      pos = 0;
      pending.length = 0;
      strings.length = 0;
      if (!event.size(value, 1)) break;
      if (pos === text.length && numbersInPlace()) {
        lastPass = 0;
        return value as ClientEvent;
      }
      if (pos > text.length) break;
      if (run === 0 && pending.length === 0) {
        // Without integers to find in the text, the escapes only change the total: add them up
        // instead of walking again.
        let escaped = pos;
        for (const s of strings) escaped += JSON.stringify(s).length - s.length - 2;
        if (escaped === text.length) {
          lastPass = 0;
          return value as ClientEvent;
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
    exactStrings = false;
    strings.length = 0;
  }
}
