/**
 * realtime-codec command-line tool.
 *
 *   realtime-codec [canonical|check|diff] [--server] [--json] [--format auto|json|jsonl] [--max-bytes N] [-q] [FILE... | -]
 *   realtime-codec session [--json] [--max-bytes N] [-q] [FILE... | -]
 *
 * Reads events from files (`.jsonl` / `.ndjson`: one event per line; anything else: one JSON
 * document) or standard input (one document if it parses as one, else JSON Lines if its first line
 * is a JSON value), and for each event prints its canonical form (`canonical`, the
 * default), just its verdict (`check`) or how the canonical form differs from it (`diff`), or a
 * precise error: file, line, JSON pointer, code. With `--server` the events are server events (the
 * crate's `ServerEvent`), not client events.
 * `session` reads a JSON Lines log of a whole session, both directions (see {@link runSession}),
 * gives each line its verdict and closes with a table per event type.
 * Exit status: 0 when every event is valid (for `diff`: and already canonical), 1 otherwise, 2 on
 * a usage or I/O error.
 * @module
 */
import { fstatSync, readFileSync } from 'node:fs';
import {
  canonicalize,
  canonicalizeServerEvent,
  check,
  checkServerEvent,
  ClientEventError,
  DEFAULT_MAX_INPUT_BYTES,
  diff,
  diffServerEvent,
  EVENT_TYPES,
  SERVER_EVENT_TYPES,
  type CodecOptions,
  type Difference,
  type DiffResult,
  type ErrorDetails,
} from './node.js';

const USAGE = `usage: realtime-codec [canonical|check|diff] [--server] [options] [FILE... | -]
       realtime-codec session [options] [FILE... | -]

Validates OpenAI Realtime events with the Rust crate async-openai-wasm 0.29.5
and prints each one's canonical JSON (canonical, the default), its verdict (check),
or how the crate's canonical form differs from it (diff: members dropped or added,
values changed, member order changed). Client events (ClientEvent) unless --server
(ServerEvent).

Input: FILE.jsonl / FILE.ndjson hold one event per line; any other FILE holds one
JSON document; '-' or no FILE reads standard input: one document if it parses
as one, JSON Lines if its first line is a JSON value, else one document (see --format).

session: a JSON Lines log of a whole session, both directions, one event a line:
either the event itself, or the event with a "direction" member ("client" or
"server"), or {"direction": ..., "event": {...}}. Without "direction" a line's
direction is its type's (client and server types are disjoint; a type of neither
is reported, never guessed). Prints each line's verdict (ok, changed by the
canonical form, or the error), then a table per event type: direction, count,
valid, changed by the canonical form, invalid. Exit status 1 when a line is invalid
(a changed line is valid: it does not count).

Options:
  --server           the events are server events (canonical, check, diff)
  --json             one JSON object per event on stdout (machine-readable);
                     session: then one closing object with the table
  --format F         auto (default) | json (one document) | jsonl (one event per line)
  --max-bytes N      reject events larger than N bytes (default ${DEFAULT_MAX_INPUT_BYTES})
  -q, --quiet        print nothing for valid events (errors and the summary only)
  -h, --help         this text

Exit status: 0 all valid (diff: and already canonical), 1 otherwise, 2 usage or I/O error.`;

type Format = 'auto' | 'json' | 'jsonl';

interface Options {
  mode: 'canonical' | 'check' | 'diff' | 'session';
  /** Server events (`--server`) rather than client events. */
  server: boolean;
  json: boolean;
  quiet: boolean;
  format: Format;
  maxBytes: number;
  files: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const options: Options = { mode: 'canonical', server: false, json: false, quiet: false, format: 'auto', maxBytes: DEFAULT_MAX_INPUT_BYTES, files: [] };
  const args = [...argv];
  if (args[0] === 'canonical' || args[0] === 'check' || args[0] === 'diff' || args[0] === 'session') options.mode = args.shift() as Options['mode'];
  let format = false;
  while (args.length > 0) {
    const arg = args.shift() as string;
    if (arg === '--') {
      options.files.push(...args.splice(0));
    } else if (arg === '--json') {
      options.json = true;
    } else if (arg === '--server') {
      options.server = true;
    } else if (arg === '-q' || arg === '--quiet') {
      options.quiet = true;
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args.shift();
      if (value !== 'auto' && value !== 'json' && value !== 'jsonl') throw new UsageError(`--format must be auto, json or jsonl, got ${value}`);
      options.format = value;
      format = true;
    } else if (arg === '--max-bytes' || arg.startsWith('--max-bytes=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args.shift();
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new UsageError(`--max-bytes must be an integer, got ${value}`);
      options.maxBytes = n;
    } else if (arg === '-h' || arg === '--help') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      options.files.push(arg);
    }
  }
  if (options.mode === 'session') {
    // A session log holds both directions, one event a line: neither option has a meaning there.
    if (options.server) throw new UsageError('session reads both directions: --server does not apply');
    if (format) throw new UsageError('session reads JSON Lines: --format does not apply');
  }
  if (options.files.length === 0) options.files.push('-');
  return options;
}

/** One event's bytes and where they start in their source. */
interface Unit {
  source: string;
  /** 1-based line in the source where this event's text starts. */
  firstLine: number;
  /** The raw bytes: invalid UTF-8 reaches the codec as it is (and is reported, never replaced). */
  bytes: Uint8Array;
}

const NEWLINE = 0x0a;
const decoder = new TextDecoder();

/** The non-blank lines of `bytes`, split on LF (a CR before it is dropped). */
function lines(source: string, bytes: Uint8Array): Unit[] {
  const units: Unit[] = [];
  let start = 0;
  for (let line = 1; start <= bytes.length; line += 1) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end < 0) end = bytes.length;
    let stop = end;
    if (stop > start && bytes[stop - 1] === 0x0d) stop -= 1;
    const piece = bytes.subarray(start, stop);
    if (decoder.decode(piece).trim() !== '') units.push({ source, firstLine: line, bytes: piece });
    start = end + 1;
  }
  return units;
}

function parses(bytes: Uint8Array): boolean {
  try {
    JSON.parse(decoder.decode(bytes));
    return true;
  } catch {
    return false;
  }
}

function split(source: string, bytes: Uint8Array, format: Format): Unit[] {
  const whole = [{ source, firstLine: 1, bytes }];
  if (format === 'jsonl') return lines(source, bytes);
  if (format === 'json') return whole;
  if (/\.(jsonl|ndjson)$/i.test(source)) return lines(source, bytes);
  if (source !== '<stdin>') return whole;
  // stdin, auto: one document if the whole text is one JSON value; JSON Lines if its first
  // non-blank line is a JSON value by itself; otherwise one (malformed) document, reported whole.
  if (parses(bytes)) return whole;
  const units = lines(source, bytes);
  return units.length > 1 && units[0] && parses(units[0].bytes) ? units : whole;
}

function describeDifference(d: Difference): string {
  const at = d.path === '' ? '(root)' : d.path;
  switch (d.kind) {
    case 'dropped':
      return `dropped    ${at}: ${d.value} (the crate has no such member, or it was null)`;
    case 'added':
      return `added      ${at}: ${d.value}`;
    case 'changed':
      return `changed    ${at}: ${d.from} -> ${d.to}`;
    case 'reordered':
      return `reordered  ${at}: ${d.from.join(', ')} -> ${d.to.join(', ')}`;
  }
}

/**
 * Whether stdout and stderr are one open file (a terminal, or `2>&1`), where lines written to
 * either appear in the order written. Otherwise they are read apart and often shown one after
 * the other, stdout's last newline trimmed.
 */
function oneOutput(): boolean {
  try {
    const [out, err] = [fstatSync(1), fstatSync(2)];
    return out.dev === err.dev && out.ino === err.ino;
  } catch {
    return false;
  }
}

/** One direction's entry points: the crate's `ClientEvent` or its `ServerEvent`. */
interface Codec {
  canonicalize(input: Uint8Array, options: CodecOptions): string;
  check(input: Uint8Array, options: CodecOptions): { ok: true; type: string } | { ok: false; error: ClientEventError };
  diff(input: Uint8Array, options: CodecOptions): DiffResult;
}
const CLIENT: Codec = { canonicalize, check, diff };
const SERVER: Codec = { canonicalize: canonicalizeServerEvent, check: checkServerEvent, diff: diffServerEvent };

function main(argv: string[]): number {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`realtime-codec: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.mode === 'session') return runSession(options);
  const codec = options.server ? SERVER : CLIENT;
  const out: string[] = [];
  let printed = false;
  const flush = () => {
    if (out.length > 0) {
      process.stdout.write(`${out.join('\n')}\n`);
      printed = true;
    }
    out.length = 0;
  };
  let valid = 0;
  let invalid = 0;
  let differing = 0;
  for (const file of options.files) {
    const source = file === '-' ? '<stdin>' : file;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file === '-' ? 0 : file);
    } catch (error) {
      flush();
      process.stderr.write(`realtime-codec: cannot read ${source}: ${(error as Error).message}\n`);
      return 2;
    }
    for (const unit of split(source, bytes, options.format)) {
      try {
        if (options.mode === 'diff') {
          const result = codec.diff(unit.bytes, { maxInputBytes: options.maxBytes });
          valid += 1;
          if (result.differences.length > 0) differing += 1;
          if (options.json) {
            out.push(JSON.stringify({ source: unit.source, line: unit.firstLine, ok: true, ...result }));
          } else if (!options.quiet || result.differences.length > 0) {
            const n = result.differences.length;
            const type = (JSON.parse(result.canonical) as { type: string }).type;
            out.push(`${unit.source}:${unit.firstLine}: ${type}: ${n === 0 ? 'canonical, no difference' : `${n} difference${n === 1 ? '' : 's'}`}`);
            for (const d of result.differences) out.push(`    ${describeDifference(d)}`);
          }
          continue;
        }
        if (options.mode === 'check') {
          const result = codec.check(unit.bytes, { maxInputBytes: options.maxBytes });
          if (!result.ok) throw result.error;
          valid += 1;
          if (options.json) out.push(JSON.stringify({ source: unit.source, line: unit.firstLine, ok: true }));
          else if (!options.quiet) out.push(`${unit.source}:${unit.firstLine}: ok ${result.type}`);
          continue;
        }
        const canonical = codec.canonicalize(unit.bytes, { maxInputBytes: options.maxBytes });
        valid += 1;
        if (options.json) out.push(JSON.stringify({ source: unit.source, line: unit.firstLine, ok: true, canonical }));
        else if (!options.quiet) out.push(canonical);
      } catch (error) {
        if (!(error instanceof ClientEventError)) throw error;
        invalid += 1;
        // Positions are within the event's own text: shift lines to the source file.
        const line = error.line > 0 ? unit.firstLine + error.line - 1 : unit.firstLine;
        const column = error.line > 0 ? error.column : 0;
        if (options.json) {
          out.push(JSON.stringify({ source: unit.source, line: unit.firstLine, ok: false, error: { ...error.toJSON(), line, column } }));
        } else {
          flush(); // keep stdout and stderr in input order on a terminal
          const at = error.path === '' ? '(root)' : error.path;
          const where = column > 0 ? `${line}:${column}` : `${line}`;
          process.stderr.write(`${unit.source}:${where}: error[${error.code}] at ${at}: ${error.reason}\n`);
        }
      }
    }
  }
  flush();
  const total = valid + invalid;
  const differ = options.mode === 'diff' ? `, ${differing} differ from their canonical form` : '';
  // The summary on stderr starts a line of its own even where stdout is read apart and shown
  // before it with its last newline trimmed (which would put it after the last difference).
  const gap = printed && !oneOutput() ? '\n' : '';
  process.stderr.write(`${gap}${total} event${total === 1 ? '' : 's'}: ${valid} valid, ${invalid} invalid${differ}\n`);
  return invalid > 0 || differing > 0 ? 1 : 0;
}

// ---- session: a JSON Lines log of both directions --------------------------------------------

type Direction = 'client' | 'server';

/** A top-level member of a JSON object line: its key and where its key and value lie, in bytes. */
interface Member {
  key: string;
  keyStart: number;
  valueStart: number;
  valueEnd: number;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

/**
 * The top-level members of `b`, a JSON object that JSON.parse accepted, with their byte spans, or
 * `null` if `b` is not an object. Positions are bytes, so that the event handed to the crate is the
 * line's own bytes (numbers, escapes, duplicates and invalid UTF-8 as written), never re-serialized.
 */
function topMembers(b: Uint8Array): Member[] | null {
  let i = 0;
  const ws = () => {
    while (i < b.length && WHITESPACE.has(b[i] as number)) i += 1;
  };
  const string = () => {
    i += 1; // the opening quote
    while (i < b.length && b[i] !== 0x22) i += b[i] === 0x5c ? 2 : 1;
    i += 1; // the closing quote
  };
  const value = () => {
    if (b[i] === 0x22) return string();
    if (b[i] === 0x7b || b[i] === 0x5b) {
      let depth = 0;
      do {
        const c = b[i];
        if (c === 0x22) {
          string();
          continue;
        }
        if (c === 0x7b || c === 0x5b) depth += 1;
        else if (c === 0x7d || c === 0x5d) depth -= 1;
        i += 1;
      } while (depth > 0 && i < b.length);
      return;
    }
    while (i < b.length && b[i] !== 0x2c && b[i] !== 0x7d && b[i] !== 0x5d && !WHITESPACE.has(b[i] as number)) i += 1;
  };
  ws();
  if (b[i] !== 0x7b) return null;
  i += 1;
  ws();
  const members: Member[] = [];
  if (b[i] === 0x7d) return members;
  for (;;) {
    ws();
    if (b[i] !== 0x22) return null;
    const keyStart = i;
    string();
    const key = JSON.parse(decoder.decode(b.subarray(keyStart, i))) as string;
    ws();
    if (b[i] !== 0x3a) return null;
    i += 1;
    ws();
    const valueStart = i;
    value();
    members.push({ key, keyStart, valueStart, valueEnd: i });
    ws();
    if (b[i] === 0x2c) i += 1;
    else return b[i] === 0x7d ? members : null;
  }
}

/** Where a line's event is and which direction it goes, before the crate reads it. */
interface Located {
  /** From the line's `direction` member, else from its type; `null`: neither. */
  direction: Direction | null;
  type: string | null;
  /** The event's bytes: the line, without its `direction` member, or the `event` member's value. */
  bytes: Uint8Array;
  /** Maps a 1-based byte column in `bytes` to the line's. */
  column: (column: number) => number;
  /** A fault of the log's own format (a bad `direction`), found before the crate reads anything. */
  problem?: ErrorDetails;
}

const CLIENT_TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);
const SERVER_TYPES: ReadonlySet<string> = new Set(SERVER_EVENT_TYPES);

function typeOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' ? type : null;
}

function locate(line: Uint8Array): Located {
  const same = (column: number) => column;
  const whole: Located = { direction: null, type: null, bytes: line, column: same };
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(line));
  } catch {
    return whole; // malformed: the crate reports where (see judge)
  }
  const members = typeof value === 'object' && value !== null && !Array.isArray(value) ? topMembers(line) : null;
  if (members === null) return whole;
  const record = value as Record<string, unknown>;
  const duplicate = (key: string): ErrorDetails | undefined => {
    const all = members.filter((m) => m.key === key);
    if (all.length < 2) return undefined;
    return { code: 'duplicate_field', reason: `duplicate field \`${key}\``, path: `/${key}`, line: 1, column: (all[1] as Member).keyStart + 1 };
  };
  const wrapped = Object.hasOwn(record, 'event') && !Object.hasOwn(record, 'type');
  let located: Located;
  if (wrapped) {
    const event = members.find((m) => m.key === 'event') as Member;
    located = { direction: null, type: typeOf(record.event), bytes: line.subarray(event.valueStart, event.valueEnd), column: (c) => c + event.valueStart };
    const problem = duplicate('event');
    if (problem) located.problem = problem;
  } else {
    located = { ...whole, type: typeOf(record) };
  }
  const k = members.findIndex((m) => m.key === 'direction');
  if (k >= 0) {
    const member = members[k] as Member;
    const problem = duplicate('direction');
    if (problem) located.problem ??= problem;
    const direction = record.direction;
    if (direction === 'client' || direction === 'server') located.direction = direction;
    else located.problem ??= { code: 'invalid_value', reason: `direction must be \`client\` or \`server\`, got ${decoder.decode(line.subarray(member.valueStart, member.valueEnd))}`, path: '/direction', line: 1, column: member.valueStart + 1 };
    if (!wrapped) {
      // The event is the line without its `direction` member (and the comma that joined it).
      const next = members[k + 1];
      const previous = members[k - 1];
      const [cutStart, cutEnd] = next ? [member.keyStart, next.keyStart] : previous ? [previous.valueEnd, member.valueEnd] : [member.keyStart, member.valueEnd];
      const bytes = new Uint8Array(line.length - (cutEnd - cutStart));
      bytes.set(line.subarray(0, cutStart));
      bytes.set(line.subarray(cutEnd), cutStart);
      located.bytes = bytes;
      located.column = (c) => (c - 1 >= cutStart ? c + (cutEnd - cutStart) : c);
    }
  } else if (located.type !== null) {
    // No `direction`: the type tells, as the two lists of types are disjoint.
    located.direction = CLIENT_TYPES.has(located.type) ? 'client' : SERVER_TYPES.has(located.type) ? 'server' : null;
  }
  return located;
}

/** One line's verdict. */
type Verdict =
  | { source: string; line: number; direction: Direction; type: string; ok: true; changed: boolean; differences: Difference[] }
  | { source: string; line: number; direction: Direction | null; type: string | null; ok: false; error: ErrorDetails };

/** Where an error lies in the line: positions in the event's bytes shifted to the line's. */
function placed(error: ErrorDetails, located: Located): ErrorDetails {
  const details = error instanceof ClientEventError ? error.toJSON() : { ...error };
  if (details.line > 0 && details.column > 0) details.column = located.column(details.column);
  return details;
}

function judge(source: string, lineNumber: number, bytes: Uint8Array, options: CodecOptions): Verdict {
  const located = locate(bytes);
  const { direction, type } = located;
  const failed = (error: ErrorDetails, dir: Direction | null = direction): Verdict => ({ source, line: lineNumber, direction: dir, type, ok: false, error: placed(error, located) });
  // A fault of the log's format is placed in the line already.
  if (located.problem) return { source, line: lineNumber, direction, type, ok: false, error: located.problem };
  const run = (dir: Direction): Verdict => {
    try {
      const result = (dir === 'client' ? diff : diffServerEvent)(located.bytes, options);
      const canonicalType = (JSON.parse(result.canonical) as { type: string }).type;
      return { source, line: lineNumber, direction: dir, type: canonicalType, ok: true, changed: result.differences.length > 0, differences: result.differences };
    } catch (error) {
      if (!(error instanceof ClientEventError)) throw error;
      return failed(error, dir);
    }
  };
  if (direction !== null) return run(direction);
  // Neither a `direction` nor a known type (or not even JSON): the crate reads it both ways and its
  // answers are reported. Should one direction accept it after all, that is the crate's answer.
  const asClient = check(located.bytes, options);
  const asServer = checkServerEvent(located.bytes, options);
  if (asClient.ok !== asServer.ok) return run(asClient.ok ? 'client' : 'server');
  if (asClient.ok) return failed({ code: 'invalid_value', reason: 'the crate reads this line both as a client and as a server event: give it a direction', path: '/type', line: 1, column: 1 });
  const [a, b] = [asClient.error, (asServer as { ok: false; error: ClientEventError }).error];
  if (a.code === 'unknown_event_type' && b.code === 'unknown_event_type') {
    return failed({ ...a.toJSON(), reason: `unknown event type ${JSON.stringify(type)}: neither a client nor a server event`, expected: undefined, expectedValues: undefined });
  }
  return failed(a.reason === b.reason ? a : { ...a.toJSON(), reason: `as a client event: ${a.reason}; as a server event: ${b.reason}` });
}

/** What a line's differences are, by kind: `2 dropped, 1 reordered`. */
function kinds(differences: Difference[]): string {
  const counts = new Map<string, number>();
  for (const d of differences) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kind}`).join(', ');
}

interface Row {
  direction: Direction | null;
  type: string | null;
  count: number;
  valid: number;
  changed: number;
  invalid: number;
}

/**
 * `realtime-codec session`: each non-blank line of each file is one event of a session, either
 * direction: the event itself, the event with a `direction` member (`"client"` or `"server"`,
 * removed from the bytes the crate reads), or `{"direction": ..., "event": {...}}` (any other
 * members of the wrapper are the log's own). Without a `direction` the line's type decides
 * (EVENT_TYPES and SERVER_EVENT_TYPES are disjoint); a line of neither direction is invalid, read by
 * the crate both ways. Valid lines are `ok` or `changed` (the crate's canonical form differs from
 * them, as `diff` shows). Exit status 1 when any line is invalid, 2 on a usage or I/O error.
 */
function runSession(options: Options): number {
  const codecOptions: CodecOptions = { maxInputBytes: options.maxBytes };
  const out: string[] = [];
  let printed = false;
  const flush = () => {
    if (out.length > 0) {
      process.stdout.write(`${out.join('\n')}\n`);
      printed = true;
    }
    out.length = 0;
  };
  const rows = new Map<string, Row>();
  const totals = { lines: 0, valid: 0, invalid: 0, changed: 0, client: 0, server: 0, unknown: 0 };
  for (const file of options.files) {
    const source = file === '-' ? '<stdin>' : file;
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file === '-' ? 0 : file);
    } catch (error) {
      flush();
      process.stderr.write(`realtime-codec: cannot read ${source}: ${(error as Error).message}\n`);
      return 2;
    }
    for (const unit of lines(source, bytes)) {
      const verdict = judge(source, unit.firstLine, unit.bytes, codecOptions);
      const key = `${verdict.direction ?? ''}\u0000${verdict.type ?? ''}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { direction: verdict.direction, type: verdict.type, count: 0, valid: 0, changed: 0, invalid: 0 }));
      row.count += 1;
      totals.lines += 1;
      totals[verdict.direction ?? 'unknown'] += 1;
      const label = `${verdict.direction ?? 'unknown'} ${verdict.type ?? '(no type)'}`;
      if (verdict.ok) {
        row.valid += 1;
        totals.valid += 1;
        if (verdict.changed) {
          row.changed += 1;
          totals.changed += 1;
        }
        if (options.json) out.push(JSON.stringify(verdict));
        else if (!options.quiet) out.push(`${source}:${unit.firstLine}: ${label}: ${verdict.changed ? `changed by the canonical form (${kinds(verdict.differences)})` : 'ok'}`);
      } else {
        row.invalid += 1;
        totals.invalid += 1;
        if (options.json) {
          out.push(JSON.stringify(verdict));
        } else {
          flush(); // keep stdout and stderr in input order on a terminal
          const { error } = verdict;
          const at = error.path === '' ? '(root)' : error.path;
          const where = error.column > 0 ? `${unit.firstLine}:${error.column}` : `${unit.firstLine}`;
          process.stderr.write(`${source}:${where}: ${label}: error[${error.code}] at ${at}: ${error.reason}\n`);
        }
      }
    }
  }
  // The table: client types, then server types, then lines of neither, each in order of appearance.
  const order = { client: 0, server: 1, unknown: 2 };
  const table = [...rows.values()].sort((a, b) => order[a.direction ?? 'unknown'] - order[b.direction ?? 'unknown']);
  if (options.json) {
    out.push(JSON.stringify({ summary: totals, types: table }));
  } else {
    const name = (r: Row) => r.type ?? '(no type)';
    const width = Math.max(4, ...table.map((r) => name(r).length));
    const row = (cells: (string | number)[]) =>
      `${String(cells[0]).padEnd(9)}  ${String(cells[1]).padEnd(width)}  ${cells.slice(2).map((c, i) => String(c).padStart([5, 5, 7, 7][i] as number)).join('  ')}`;
    out.push(row(['direction', 'type', 'count', 'valid', 'changed', 'invalid']));
    for (const r of table) out.push(row([r.direction ?? 'unknown', name(r), r.count, r.valid, r.changed, r.invalid]));
    out.push(row(['all', '', totals.lines, totals.valid, totals.changed, totals.invalid]));
  }
  flush();
  const gap = printed && !oneOutput() ? '\n' : '';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  process.stderr.write(
    `${gap}${plural(totals.lines, 'line')} (${totals.client} client, ${totals.server} server, ${totals.unknown} of neither direction): ` +
      `${totals.valid} valid, ${totals.invalid} invalid, ${totals.changed} changed by the canonical form\n`,
  );
  return totals.invalid > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
