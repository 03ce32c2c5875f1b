/**
 * `diff` in TypeScript, over Rust's canonical text: the crate writes the canonical form (the
 * authority on what the event means), and this compares it with the input as
 * `crate/src/diff.rs` does, rule for rule. It moved here from the WebAssembly modules because it
 * was a fifth of each module's gzip size (docs/size.md), and it decides nothing about the
 * protocol: it only reads two JSON texts, the input and the canonical one.
 *
 * - The input is read in document order, repeated members included, each number as written.
 * - A reader keeps the last of repeated members: that one is compared, the earlier ones are dropped.
 * - Numbers compare by value: two integers by their digits (`-0` is `0`), two floats as f64, an
 *   integer and a float only if the float is exactly that integer, digit for digit.
 * - Where the Rust side cannot read a text as it reads one here (invalid UTF-8, a lone surrogate
 *   in a string or key, a `\u` escape of one), it reports no difference; so does this.
 *
 * test/diff.test.ts compares it, byte for byte, with the crate's own `diff` run natively
 * (`cargo run --example diff`) over every vector and thousands of rewritten ones.
 * @module
 */
import type { Difference } from './codec.js';
import { isWellFormed, strictUtf8 } from './guards.js';

/** A JSON value as `crate/src/diff.rs`'s `Node`: members in order, numbers as written. */
type Node =
  | null
  | boolean
  | string
  | { int: string }
  | { float: number; text: string }
  | Node[]
  | { members: [string, Node][] };

/** Why a text cannot be read as the Rust side reads it (never leaves this module). */
const UNREADABLE = new Error('unreadable');

/** The reader's one state: the text and the position in it. */
let T = '';
let at = 0;

function ws(): void {
  for (;;) {
    const c = T.charCodeAt(at);
    if (c === 32 || c === 10 || c === 13 || c === 9) at += 1;
    else return;
  }
}

function fail(): never {
  throw UNREADABLE;
}

function hex4(): number {
  const s = T.slice(at, at + 4);
  if (!/^[0-9a-fA-F]{4}$/.test(s)) fail();
  at += 4;
  return parseInt(s, 16);
}

/** A string token at `at` (after its quote): its value; a `\u` escape of a lone surrogate fails. */
function str(): string {
  let out = '';
  let from = at;
  for (;;) {
    const c = T.charCodeAt(at);
    if (Number.isNaN(c) || c < 0x20) fail();
    if (c === 34) {
      out += T.slice(from, at);
      at += 1;
      return out;
    }
    if (c !== 92) {
      at += 1;
      continue;
    }
    out += T.slice(from, at);
    const e = T.charCodeAt(at + 1);
    at += 2;
    switch (e) {
      case 34: out += '"'; break;
      case 92: out += '\\'; break;
      case 47: out += '/'; break;
      case 98: out += '\b'; break;
      case 102: out += '\f'; break;
      case 110: out += '\n'; break;
      case 114: out += '\r'; break;
      case 116: out += '\t'; break;
      case 117: {
        const u = hex4();
        if (u >= 0xdc00 && u <= 0xdfff) fail();
        if (u >= 0xd800 && u <= 0xdbff) {
          if (T.charCodeAt(at) !== 92 || T.charCodeAt(at + 1) !== 117) fail();
          at += 2;
          const low = hex4();
          if (low < 0xdc00 || low > 0xdfff) fail();
          out += String.fromCharCode(u, low);
        } else {
          out += String.fromCharCode(u);
        }
        break;
      }
      default:
        fail();
    }
    from = at;
  }
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

function value(): Node {
  ws();
  const c = T.charCodeAt(at);
  if (c === 123) {
    at += 1;
    const members: [string, Node][] = [];
    ws();
    if (T.charCodeAt(at) === 125) {
      at += 1;
      return { members };
    }
    for (;;) {
      ws();
      if (T.charCodeAt(at) !== 34) fail();
      at += 1;
      const key = str();
      ws();
      if (T.charCodeAt(at) !== 58) fail();
      at += 1;
      members.push([key, value()]);
      ws();
      const next = T.charCodeAt(at);
      at += 1;
      if (next === 125) return { members };
      if (next !== 44) fail();
    }
  }
  if (c === 91) {
    at += 1;
    const items: Node[] = [];
    ws();
    if (T.charCodeAt(at) === 93) {
      at += 1;
      return items;
    }
    for (;;) {
      items.push(value());
      ws();
      const next = T.charCodeAt(at);
      at += 1;
      if (next === 93) return items;
      if (next !== 44) fail();
    }
  }
  if (c === 34) {
    at += 1;
    return str();
  }
  if (T.startsWith('true', at)) {
    at += 4;
    return true;
  }
  if (T.startsWith('false', at)) {
    at += 5;
    return false;
  }
  if (T.startsWith('null', at)) {
    at += 4;
    return null;
  }
  NUMBER.lastIndex = at;
  const m = NUMBER.exec(T);
  if (m === null) fail();
  at += m[0].length;
  const text = m[0];
  return /[.eE]/.test(text) ? { float: Number(text), text } : { int: text };
}

/** The whole text as one value, or undefined where the Rust side would not read it. */
function parse(text: string): Node | undefined {
  T = text;
  at = 0;
  try {
    const v = value();
    ws();
    return at === T.length ? v : undefined;
  } catch (error) {
    if (error === UNREADABLE) return undefined;
    throw error;
  } finally {
    T = '';
  }
}

const isObject = (n: Node): n is { members: [string, Node][] } => typeof n === 'object' && n !== null && 'members' in n;
const isContainer = (n: Node): boolean => Array.isArray(n) || isObject(n);
const integer = (digits: string): string => (digits === '-0' ? '0' : digits);

/** Compact JSON, members in their order (Rust: `Display for Node`). */
function show(n: Node): string {
  if (n === null) return 'null';
  if (typeof n === 'boolean') return n ? 'true' : 'false';
  if (typeof n === 'string') return JSON.stringify(n);
  if (Array.isArray(n)) return `[${n.map(show).join(',')}]`;
  if ('members' in n) return `{${n.members.map(([k, v]) => `${JSON.stringify(k)}:${show(v)}`).join(',')}}`;
  return 'int' in n ? n.int : n.text;
}

/** The same scalar (Rust: `Node::same`). */
function same(a: Node, b: Node): boolean {
  if (a === null || typeof a !== 'object' || b === null || typeof b !== 'object') return a === b;
  if (Array.isArray(a) || Array.isArray(b) || 'members' in a || 'members' in b) return false;
  if ('int' in a && 'int' in b) return integer(a.int) === integer(b.int);
  if ('float' in a && 'float' in b) return a.float === b.float;
  const [i, f] = 'int' in a ? [a.int, (b as { float: number }).float] : [(b as { int: string }).int, (a as { float: number }).float];
  return Number.isFinite(f) && Number.isInteger(f) && BigInt(f).toString() === integer(i);
}

const segment = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1');

function compare(before: Node, after: Node, path: string, out: Difference[]): void {
  if (isObject(before) && isObject(after)) {
    const a = before.members;
    const b = after.members;
    const last = (key: string): Node | undefined => {
      for (let i = b.length - 1; i >= 0; i -= 1) if ((b[i] as [string, Node])[0] === key) return (b[i] as [string, Node])[1];
      return undefined;
    };
    const from: string[] = [];
    a.forEach(([key, v], index) => {
      const here = `${path}/${segment(key)}`;
      if (a.slice(index + 1).some(([k]) => k === key)) {
        out.push({ kind: 'dropped', path: here, value: show(v) });
        return;
      }
      from.push(key);
      const theirs = last(key);
      if (theirs === undefined) out.push({ kind: 'dropped', path: here, value: show(v) });
      else compare(v, theirs, here, out);
    });
    for (const [key, v] of b) {
      if (!from.includes(key)) out.push({ kind: 'added', path: `${path}/${segment(key)}`, value: show(v) });
    }
    const commonBefore = from.filter((k) => b.some(([bk]) => bk === k));
    const commonAfter = b.map(([k]) => k).filter((k) => from.includes(k));
    if (commonBefore.length !== commonAfter.length || commonBefore.some((k, i) => k !== commonAfter[i])) {
      // Keys in the order the crate's JSON writes them (a sorted map): from, kind, path, to.
      out.push({ from: commonBefore, kind: 'reordered', path, to: commonAfter } as Difference);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((x, i) => compare(x, after[i] as Node, `${path}/${i}`, out));
    return;
  }
  if (!isContainer(before) && !isContainer(after) && same(before, after)) return;
  out.push({ from: show(before), kind: 'changed', path, to: show(after) } as Difference);
}

/**
 * How `canonical` (Rust's canonical text of `input`) differs from `input`, as the crate's `diff`
 * reports it. @internal
 */
export function differences(input: string | Uint8Array, canonical: string): Difference[] {
  // A string with a lone surrogate Rust reads as WTF-8 bytes, which are not UTF-8: like bytes
  // that are not UTF-8, it reports nothing for it.
  const text = typeof input === 'string' ? (isWellFormed(input) ? input : undefined) : strictUtf8(input);
  if (text === undefined || text === canonical) return [];
  const before = parse(text);
  const after = parse(canonical);
  if (before === undefined || after === undefined) return [];
  const out: Difference[] = [];
  compare(before, after, '', out);
  return out;
}
