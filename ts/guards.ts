/**
 * JSON guards: the checks that keep JavaScript from silently changing what crosses the boundary.
 * Lone surrogates (which `TextEncoder` would turn into U+FFFD), bytes that are not UTF-8,
 * integers a JavaScript number cannot hold exactly, and values `JSON.stringify` would drop or
 * change are each refused (or left to Rust, which reports where), never repaired.
 * Internal: nothing here is part of the package's API.
 * @module
 */
import { ClientEventError, type ClientEventErrorCode } from './errors.js';

/** A `too_large` error without a position. @internal */
export function tooLarge(reason: string): ClientEventError {
  return new ClientEventError({ code: 'too_large', reason, path: '', line: 0, column: 0 });
}

/**
 * A UTF-16 unit of a surrogate pair that has no partner. Global: the bridge's WTF-8 writer walks
 * every match with `matchAll` (which copies the regex, lastIndex included). @internal
 */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Whether `text` has no lone surrogate: `String.prototype.isWellFormed` where there is one (looked
 * up on each call, so that an engine without it, or a page that removes it, gets the regex). The
 * one check of it for the codec, the fast paths and diff. @internal
 */
export function isWellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  if (native) return native.call(text);
  // A global regex's test() starts at lastIndex and leaves it after the match: reset both ways
  // (matchAll in the WTF-8 writer copies lastIndex too).
  LONE_SURROGATE.lastIndex = 0;
  const found = LONE_SURROGATE.test(text);
  LONE_SURROGATE.lastIndex = 0;
  return !found;
}

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The bytes as text, or undefined when they are not UTF-8 (the Rust path then reports where). @internal */
export function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return undefined;
  }
}

const UNSAFE_CANDIDATE = /\d{16}/;
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/**
 * JSON.parse of a canonical text, refusing integers a JavaScript number cannot hold exactly.
 * Integers of 16+ digits may not survive JSON.parse. In beta only tools[].parameters can hold
 * one, but GA has other Values (an MCP tool's headers, response metadata, prompt variables): any
 * text with 16 digits in a row is parsed exactly. @internal
 */
export function parseCanonical(canonical: string): unknown {
  const exact = UNSAFE_CANDIDATE.test(canonical);
  return exact ? parseExactly(canonical) : JSON.parse(canonical);
}

/**
 * JSON.parse that refuses integers JavaScript cannot hold exactly (beyond ±2^53), which the Rust
 * side keeps as u64/i64: decoding them into a number would silently change the value.
 */
function parseExactly(canonical: string): unknown {
  const unsafe = new Set<string>();
  for (const [token] of canonical.matchAll(TOKENS)) {
    if (token[0] !== '"' && /^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token))) unsafe.add(token);
  }
  if (unsafe.size === 0) return JSON.parse(canonical);
  let hit: { holder: object; key: string; token: string } | undefined;
  const parsed: unknown = JSON.parse(canonical, function (this: object, key: string, value: unknown) {
    if (hit === undefined && typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
      for (const token of unsafe) if (Number(token) === value) hit = { holder: this, key, token };
    }
    return value;
  });
  if (hit === undefined) return parsed;
  const path = pathTo(parsed, hit.holder) ?? '';
  throw new ClientEventError({
    code: 'out_of_range',
    reason: `integer ${hit.token} cannot be held exactly by a JavaScript number; canonicalize() returns the exact text`,
    path: `${path}/${pointerSegment(hit.key)}`,
    line: 0,
    column: 0,
  });
}

/** The JSON pointer of `target` inside `node`, by depth-first search. */
function pathTo(node: unknown, target: object, at = ''): string | undefined {
  if (node === target) return at;
  if (node === null || typeof node !== 'object') return undefined;
  for (const [key, child] of Object.entries(node)) {
    const found = pathTo(child, target, `${at}/${pointerSegment(key)}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** What a value is, for messages: `null`, `an array`, `a Map`, `an object`, `number`, ... @internal */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return value.constructor?.name ? `a ${value.constructor.name}` : 'an object';
  return typeof value;
}

function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** JSON.stringify that refuses, with a path, every value it would silently change or drop. @internal */
export function toJsonText(event: unknown): string {
  // Each object's holder and key, to build a JSON pointer only when something is wrong.
  const parents = new Map<object, [object, string]>();
  let top: object | undefined; // JSON.stringify's own wrapper {"": event}: the first `this`
  const fail = (code: ClientEventErrorCode, holder: object, key: string, reason: string): ClientEventError => {
    const segments: string[] = [];
    if (holder !== top) {
      segments.push(key);
      for (let at = parents.get(holder); at && at[0] !== top; at = parents.get(at[0])) segments.unshift(at[1]);
    }
    const path = segments.map((s) => `/${pointerSegment(s)}`).join('');
    return new ClientEventError({ code, reason, path, line: 0, column: 0 });
  };
  let text: string | undefined;
  try {
    text = JSON.stringify(event, function (this: object, key: string, value: unknown) {
      top ??= this;
      switch (typeof value) {
        case 'object':
          if (value !== null) parents.set(value, [this, key]);
          return value;
        case 'number':
          if (!Number.isFinite(value)) throw fail('invalid_value', this, key, `${value} is not a JSON number`);
          return value;
        case 'bigint':
          throw fail('invalid_type', this, key, `BigInt ${value}n has no JSON form`);
        case 'function':
        case 'symbol':
          throw fail('invalid_type', this, key, `a ${typeof value} has no JSON form`);
        case 'undefined':
          if (Array.isArray(this)) throw fail('invalid_type', this, key, 'an undefined array element has no JSON form');
          return value;
        default:
          return value;
      }
    });
  } catch (error) {
    if (error instanceof ClientEventError) throw error;
    const reason = `cannot serialise the event: ${error instanceof Error ? error.message : String(error)}`;
    throw new ClientEventError({ code: 'invalid_value', reason, path: '', line: 0, column: 0 }, { cause: error });
  }
  if (text === undefined) {
    const reason = `${describeType(event)} has no JSON form`;
    throw new ClientEventError({ code: 'invalid_type', reason, path: '', line: 0, column: 0 });
  }
  return text;
}
