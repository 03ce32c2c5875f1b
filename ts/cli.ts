/**
 * realtime-codec command-line tool.
 *
 *   realtime-codec [canonical|check|diff] [--server] [--protocol beta|ga] [--json] [--format auto|json|jsonl] [--max-bytes N] [-q] [FILE... | -]
 *   realtime-codec session [--protocol beta|ga|auto] [--json] [--max-bytes N] [-q] [FILE... | -]
 *
 * Reads events from files (`.jsonl` / `.ndjson`: one event per line; anything else: one JSON
 * document) or standard input (one document if it parses as one, else JSON Lines if its first line
 * is a JSON value), and for each event prints its canonical form (`canonical`, the
 * default), just its verdict (`check`) or how the canonical form differs from it (`diff`), or a
 * precise error: file, line, JSON pointer, code. With `--server` the events are server events (the
 * crate's `ServerEvent`), not client events. `--protocol ga` reads the GA types (crate 0.31.2,
 * `realtime-codec/ga`) instead of beta's (0.29.5, the default); `session --protocol auto` reads each
 * line both ways and says which protocol it fits, and why the other refuses it (see {@link runAuto}).
 * `session` reads a JSON Lines log of a whole session, both directions (see {@link runSession}),
 * gives each line its verdict and closes with a table per event type.
 * Exit status: 0 when every event is valid (for `diff`: and already canonical), 1 otherwise, 2 on
 * a usage or I/O error.
 * @module
 */
import { fstatSync, readFileSync } from 'node:fs';
import * as ga from './ga/node.js';
import * as beta from './node.js';
import { ClientEventError, DEFAULT_MAX_INPUT_BYTES, type CodecOptions, type Difference, type DiffResult, type ErrorDetails } from './node.js';

const USAGE = `usage: realtime-codec [canonical|check|diff] [--server] [--protocol beta|ga] [options] [FILE... | -]
       realtime-codec session [--protocol beta|ga|auto] [options] [FILE... | -]

Validates OpenAI Realtime events with the Rust crate async-openai-wasm: its beta
types (0.29.5, the default) or its GA types (0.31.2, --protocol ga), and prints each
one's canonical JSON (canonical, the default), its verdict (check), or how the
crate's canonical form differs from it (diff: members dropped or added, values
changed, member order changed). Client events unless --server.

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

session --protocol auto: reads each line as a beta and as a GA event and says
which protocol it fits (both, beta only, GA only, neither), with each refusal
(code, path, reason) and a hint where the cause is known (a type GA renamed, a
type only one protocol has, a session shaped for the other protocol); closes with
a table per type and each protocol's refusals grouped by cause. Exit status 0
when one protocol accepts every line, else 1.

Options:
  --server           the events are server events (canonical, check, diff)
  --protocol P       beta (default) | ga: whose types; session also takes auto
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
  /** Whose events: beta (the default), GA, or (session only) both, compared. */
  protocol: ProtocolName | 'auto';
  /** Whether `--protocol` was given (else a failing run hints at it). */
  protocolGiven: boolean;
  json: boolean;
  quiet: boolean;
  format: Format;
  maxBytes: number;
  files: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const options: Options = { mode: 'canonical', server: false, protocol: 'beta', protocolGiven: false, json: false, quiet: false, format: 'auto', maxBytes: DEFAULT_MAX_INPUT_BYTES, files: [] };
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
    } else if (arg === '--protocol' || arg.startsWith('--protocol=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args.shift();
      if (value !== 'beta' && value !== 'ga' && value !== 'auto') throw new UsageError(`--protocol must be beta, ga or auto, got ${value ?? 'nothing'}`);
      options.protocol = value;
      options.protocolGiven = true;
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
  if (options.protocol === 'auto' && options.mode !== 'session') {
    throw new UsageError(`--protocol auto compares both protocols line by line: it applies to session; ${options.mode} reads one (beta or ga)`);
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

/** One direction's entry points: the crate's client event enum or its server event enum. */
interface Codec {
  canonicalize(input: Uint8Array, options: CodecOptions): string;
  check(input: Uint8Array, options: CodecOptions): { ok: true; type: string } | { ok: false; error: ClientEventError };
  diff(input: Uint8Array, options: CodecOptions): DiffResult;
}

type ProtocolName = 'beta' | 'ga';

/**
 * One protocol: its two directions and its lists of types. Both entries are imported, but each
 * reads its .wasm on its first call: only the protocols a command uses are ever loaded.
 */
interface Protocol {
  name: ProtocolName;
  /** How messages name it. */
  label: string;
  client: Codec;
  server: Codec;
  clientTypes: ReadonlySet<string>;
  serverTypes: ReadonlySet<string>;
}

function protocolOf(name: ProtocolName, label: string, m: typeof beta | typeof ga): Protocol {
  return {
    name,
    label,
    client: { canonicalize: m.canonicalize, check: m.check, diff: m.diff },
    server: { canonicalize: m.canonicalizeServerEvent, check: m.checkServerEvent, diff: m.diffServerEvent },
    clientTypes: new Set(m.EVENT_TYPES),
    serverTypes: new Set(m.SERVER_EVENT_TYPES),
  };
}

const PROTOCOLS: Record<ProtocolName, Protocol> = {
  beta: protocolOf('beta', 'beta', beta),
  ga: protocolOf('ga', 'GA', ga),
};

/** Whether `type` is one of `p`'s event types, either direction. */
function knows(p: Protocol, type: string): boolean {
  return p.clientTypes.has(type) || p.serverTypes.has(type);
}

function main(argv: string[]): number {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`realtime-codec: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options.mode === 'session') return runSession(options);
  const protocol = PROTOCOLS[options.protocol as ProtocolName];
  const codec = options.server ? protocol.server : protocol.client;
  const io = output();
  let valid = 0;
  let invalid = 0;
  let differing = 0;
  for (const file of options.files) {
    const source = file === '-' ? '<stdin>' : file;
    const bytes = readSource(file, io.flush);
    if (bytes === null) return 2;
    for (const unit of split(source, bytes, options.format)) {
      try {
        if (options.mode === 'diff') {
          const result = codec.diff(unit.bytes, { maxInputBytes: options.maxBytes });
          valid += 1;
          if (result.differences.length > 0) differing += 1;
          if (options.json) {
            io.out(JSON.stringify({ source: unit.source, line: unit.firstLine, ok: true, ...result }));
          } else if (!options.quiet || result.differences.length > 0) {
            const n = result.differences.length;
            const type = (JSON.parse(result.canonical) as { type: string }).type;
            io.out(`${unit.source}:${unit.firstLine}: ${type}: ${n === 0 ? 'canonical, no difference' : `${n} difference${n === 1 ? '' : 's'}`}`);
            for (const d of result.differences) io.out(`    ${describeDifference(d)}`);
          }
          continue;
        }
        if (options.mode === 'check') {
          const result = codec.check(unit.bytes, { maxInputBytes: options.maxBytes });
          if (!result.ok) throw result.error;
          valid += 1;
          if (options.json) io.out(JSON.stringify({ source: unit.source, line: unit.firstLine, ok: true }));
          else if (!options.quiet) io.out(`${unit.source}:${unit.firstLine}: ok ${result.type}`);
          continue;
        }
        const canonical = codec.canonicalize(unit.bytes, { maxInputBytes: options.maxBytes });
        valid += 1;
        if (options.json) io.out(JSON.stringify({ source: unit.source, line: unit.firstLine, ok: true, canonical }));
        else if (!options.quiet) io.out(canonical);
      } catch (error) {
        if (!(error instanceof ClientEventError)) throw error;
        invalid += 1;
        // Positions are within the event's own text: shift lines to the source file.
        const line = error.line > 0 ? unit.firstLine + error.line - 1 : unit.firstLine;
        const column = error.line > 0 ? error.column : 0;
        if (options.json) {
          io.out(JSON.stringify({ source: unit.source, line: unit.firstLine, ok: false, error: { ...error.toJSON(), line, column } }));
        } else {
          const at = error.path === '' ? '(root)' : error.path;
          const where = column > 0 ? `${line}:${column}` : `${line}`;
          io.err(`${unit.source}:${where}: error[${error.code}] at ${at}: ${error.reason}`);
        }
      }
    }
  }
  const total = valid + invalid;
  const differ = options.mode === 'diff' ? `, ${differing} differ from their canonical form` : '';
  io.close(`${total} event${total === 1 ? '' : 's'}: ${valid} valid, ${invalid} invalid${differ}`);
  if (invalid > 0) defaultHint(options);
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

function typeOf(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' ? type : null;
}

function locate(line: Uint8Array, protocol: Protocol): Located {
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
    // No `direction`: the type tells, as the protocol's two lists of types are disjoint.
    located.direction = protocol.clientTypes.has(located.type) ? 'client' : protocol.serverTypes.has(located.type) ? 'server' : null;
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

function judge(protocol: Protocol, source: string, lineNumber: number, bytes: Uint8Array, options: CodecOptions): Verdict {
  const located = locate(bytes, protocol);
  const { direction, type } = located;
  const failed = (error: ErrorDetails, dir: Direction | null = direction): Verdict => ({ source, line: lineNumber, direction: dir, type, ok: false, error: placed(error, located) });
  // A fault of the log's format is placed in the line already.
  if (located.problem) return { source, line: lineNumber, direction, type, ok: false, error: located.problem };
  const run = (dir: Direction): Verdict => {
    try {
      const result = protocol[dir].diff(located.bytes, options);
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
  const asClient = protocol.client.check(located.bytes, options);
  const asServer = protocol.server.check(located.bytes, options);
  if (asClient.ok !== asServer.ok) return run(asClient.ok ? 'client' : 'server');
  if (asClient.ok) return failed({ code: 'invalid_value', reason: 'the crate reads this line both as a client and as a server event: give it a direction', path: '/type', line: 1, column: 1 });
  const [a, b] = [asClient.error, (asServer as { ok: false; error: ClientEventError }).error];
  if (a.code === 'unknown_event_type' && b.code === 'unknown_event_type') {
    const of = protocol.name === 'beta' ? '' : ` of ${protocol.label}`;
    return failed({ ...a.toJSON(), reason: `unknown event type ${JSON.stringify(type)}: neither a client nor a server event${of}`, expected: undefined, expectedValues: undefined });
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
  if (options.protocol === 'auto') return runAuto(options);
  const protocol = PROTOCOLS[options.protocol];
  const codecOptions: CodecOptions = { maxInputBytes: options.maxBytes };
  const io = output();
  const rows = new Map<string, Row>();
  const totals = { lines: 0, valid: 0, invalid: 0, changed: 0, client: 0, server: 0, unknown: 0 };
  for (const file of options.files) {
    const source = file === '-' ? '<stdin>' : file;
    const bytes = readSource(file, io.flush);
    if (bytes === null) return 2;
    for (const unit of lines(source, bytes)) {
      const verdict = judge(protocol, source, unit.firstLine, unit.bytes, codecOptions);
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
        if (options.json) io.out(JSON.stringify(verdict));
        else if (!options.quiet) io.out(`${source}:${unit.firstLine}: ${label}: ${verdict.changed ? `changed by the canonical form (${kinds(verdict.differences)})` : 'ok'}`);
      } else {
        row.invalid += 1;
        totals.invalid += 1;
        if (options.json) {
          io.out(JSON.stringify(verdict));
        } else {
          const { error } = verdict;
          const at = error.path === '' ? '(root)' : error.path;
          const where = error.column > 0 ? `${unit.firstLine}:${error.column}` : `${unit.firstLine}`;
          io.err(`${source}:${where}: ${label}: error[${error.code}] at ${at}: ${error.reason}`);
        }
      }
    }
  }
  // The table: client types, then server types, then lines of neither, each in order of appearance.
  const order = { client: 0, server: 1, unknown: 2 };
  const table = [...rows.values()].sort((a, b) => order[a.direction ?? 'unknown'] - order[b.direction ?? 'unknown']);
  if (options.json) {
    io.out(JSON.stringify({ summary: totals, types: table }));
  } else {
    const name = (r: Row) => r.type ?? '(no type)';
    const width = Math.max(4, ...table.map((r) => name(r).length));
    const row = (cells: (string | number)[]) =>
      `${String(cells[0]).padEnd(9)}  ${String(cells[1]).padEnd(width)}  ${cells.slice(2).map((c, i) => String(c).padStart([5, 5, 7, 7][i] as number)).join('  ')}`;
    io.out(row(['direction', 'type', 'count', 'valid', 'changed', 'invalid']));
    for (const r of table) io.out(row([r.direction ?? 'unknown', name(r), r.count, r.valid, r.changed, r.invalid]));
    io.out(row(['all', '', totals.lines, totals.valid, totals.changed, totals.invalid]));
  }
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  io.close(
    `${plural(totals.lines, 'line')} (${totals.client} client, ${totals.server} server, ${totals.unknown} of neither direction): ` +
      `${totals.valid} valid, ${totals.invalid} invalid, ${totals.changed} changed by the canonical form`,
  );
  if (totals.invalid > 0) defaultHint(options);
  return totals.invalid > 0 ? 1 : 0;
}

// ---- output shared by the commands -----------------------------------------------------------

/**
 * Lines for stdout, kept until an error line (stderr) or the summary needs them out first, so
 * that the two streams keep input order on a terminal.
 */
function output() {
  const out: string[] = [];
  let printed = false;
  const flush = () => {
    if (out.length > 0) {
      process.stdout.write(`${out.join('\n')}\n`);
      printed = true;
    }
    out.length = 0;
  };
  return {
    out: (line: string) => void out.push(line),
    err: (line: string) => {
      flush();
      process.stderr.write(`${line}\n`);
    },
    flush,
    /**
     * The summary on stderr, on a line of its own even where stdout is read apart and shown before
     * it with its last newline trimmed (which would put it after the last line of stdout).
     */
    close: (summary: string) => {
      flush();
      process.stderr.write(`${printed && !oneOutput() ? '\n' : ''}${summary}\n`);
    },
  };
}

/** A source's bytes (`-`: standard input), or `null` after saying why they cannot be read. */
function readSource(file: string, flush: () => void): Uint8Array | null {
  try {
    return readFileSync(file === '-' ? 0 : file);
  } catch (error) {
    flush();
    process.stderr.write(`realtime-codec: cannot read ${file === '-' ? '<stdin>' : file}: ${(error as Error).message}\n`);
    return null;
  }
}

/** After a run that found invalid events as beta's by default: where GA's events are read. */
function defaultHint(options: Options): void {
  if (options.protocolGiven) return;
  const how = options.mode === 'session' ? 'session --protocol auto' : `${options.mode} --protocol ga`;
  process.stderr.write(`hint: these events were read as beta's (async-openai-wasm 0.29.5), the default; for the GA service's, or to compare both: realtime-codec ${how}\n`);
}

// ---- session --protocol auto: which protocol each line fits ----------------------------------

/**
 * Event types the GA protocol renamed: [beta's, GA's, what else to know]. Checked against both
 * protocols' lists of types when the CLI starts (a name that is not where this table says throws),
 * so that a hint never names a type the other protocol lacks. Types in one protocol only and not
 * here get a hint that the other has no such event, never a guessed name.
 */
const RENAMES: readonly (readonly [string, string, string?])[] = [
  ['response.text.delta', 'response.output_text.delta'],
  ['response.text.done', 'response.output_text.done'],
  ['response.audio.delta', 'response.output_audio.delta'],
  ['response.audio.done', 'response.output_audio.done'],
  ['response.audio_transcript.delta', 'response.output_audio_transcript.delta'],
  ['response.audio_transcript.done', 'response.output_audio_transcript.done'],
  ['conversation.item.created', 'conversation.item.added', 'then conversation.item.done once the item is complete'],
];
for (const [b, g] of RENAMES) {
  const { beta: B, ga: G } = PROTOCOLS;
  const direction = (p: Protocol, t: string) => (p.clientTypes.has(t) ? 'client' : p.serverTypes.has(t) ? 'server' : null);
  if (!knows(B, b) || knows(G, b) || !knows(G, g) || knows(B, g) || direction(B, b) !== direction(G, g)) {
    throw new Error(`realtime-codec: the rename ${b} -> ${g} does not match the protocols' lists of types`);
  }
}

/** Refusals of one protocol that have a known cause in the other's shapes: [protocol, types, code, path, hint]. */
const FIELD_HINTS: readonly (readonly [ProtocolName, readonly string[], string, string, string])[] = [
  [
    'ga',
    ['session.update', 'session.created', 'session.updated'],
    'missing_field',
    '/session/type',
    'a GA session says what it is: session.type "realtime" (or "transcription"); its audio settings are under session.audio.input and session.audio.output (voice: session.audio.output.voice)',
  ],
];

/** Why `refusing` refused a line that `other` may read: the type's place in the other, or a known shape. */
function hintFor(refusing: Protocol, other: Protocol, type: string | null, error: ErrorDetails): string | undefined {
  if (type !== null && !knows(refusing, type) && knows(other, type)) {
    const rename = RENAMES.find((r) => r[refusing.name === 'ga' ? 0 : 1] === type);
    if (rename === undefined) return `${refusing.label} has no ${type} event (it is ${other.label}'s only)`;
    const [name, note] = refusing.name === 'ga' ? [rename[1], rename[2]] : [rename[0], undefined];
    return `${refusing.label} names this event ${name}${note ? `, ${note}` : ''}`;
  }
  const known = FIELD_HINTS.find(([p, types, code, path]) => p === refusing.name && type !== null && types.includes(type) && code === error.code && path === error.path);
  return known?.[4];
}

type Fits = 'both' | ProtocolName | 'neither';

/** How one protocol read a line in auto mode. */
type Reading =
  | { ok: true; direction: Direction; changed: boolean; differences: Difference[] }
  | { ok: false; direction: Direction | null; error: ErrorDetails; hint?: string };

/** One line's verdict in auto mode. */
interface AutoVerdict {
  source: string;
  line: number;
  direction: Direction | null;
  type: string | null;
  fits: Fits;
  beta: Reading;
  ga: Reading;
}

function reading(v: Verdict, refusing: Protocol, other: Protocol): Reading {
  if (v.ok) return { ok: true, direction: v.direction, changed: v.changed, differences: v.differences };
  const hint = hintFor(refusing, other, v.type, v.error);
  return { ok: false, direction: v.direction, error: v.error, ...(hint === undefined ? {} : { hint }) };
}

function judgeBoth(source: string, lineNumber: number, bytes: Uint8Array, options: CodecOptions): AutoVerdict {
  const { beta: B, ga: G } = PROTOCOLS;
  const [b, g] = [judge(B, source, lineNumber, bytes, options), judge(G, source, lineNumber, bytes, options)];
  const fits: Fits = b.ok && g.ok ? 'both' : b.ok ? 'beta' : g.ok ? 'ga' : 'neither';
  // The accepting protocol's direction and type (the crate's); else what the line says.
  const first = !b.ok && g.ok ? g : b;
  return { source, line: lineNumber, direction: first.direction ?? g.direction, type: first.type ?? g.type, fits, beta: reading(b, B, G), ga: reading(g, G, B) };
}

/** One protocol's reading, in words: `ok`, `changed by the canonical form (1 dropped)` or the error. */
function describeReading(r: Reading): string {
  if (r.ok) return r.changed ? `changed by the canonical form (${kinds(r.differences)})` : 'ok';
  const at = r.error.path === '' ? '(root)' : r.error.path;
  const where = r.error.column > 0 ? ` (column ${r.error.column})` : '';
  return `error[${r.error.code}] at ${at}${where}: ${r.error.reason}`;
}

interface AutoRow {
  direction: Direction | null;
  type: string | null;
  count: number;
  beta: number;
  ga: number;
  both: number;
  neither: number;
}

/** One kind of refusal by one protocol, with how many lines and the first of them. */
interface Refusal {
  protocol: ProtocolName;
  type: string | null;
  code: string;
  path: string;
  reason: string;
  hint?: string;
  count: number;
  first: { source: string; line: number };
}

/**
 * `realtime-codec session --protocol auto`: each line is read as the beta protocol's event and as
 * GA's (the direction decided as in {@link runSession}, by each protocol's own lists of types), and
 * its verdict says which accept it: both, beta, ga or neither, with each refusal (code, path,
 * reason) and, where one is known, a hint: the other protocol's name for the type (RENAMES), that
 * the type is the other protocol's only, or a known difference of shape (FIELD_HINTS). Closes with
 * a table per type and each protocol's refusals grouped by type, code and path: what to change to
 * move the log to the other protocol. Exit status 0 when one protocol accepts every line.
 */
function runAuto(options: Options): number {
  const codecOptions: CodecOptions = { maxInputBytes: options.maxBytes };
  const io = output();
  const rows = new Map<string, AutoRow>();
  const refusals = new Map<string, Refusal>();
  const totals = { lines: 0, both: 0, beta: 0, ga: 0, neither: 0, betaValid: 0, gaValid: 0 };
  const hinted = new Set<string>();
  for (const file of options.files) {
    const source = file === '-' ? '<stdin>' : file;
    const bytes = readSource(file, io.flush);
    if (bytes === null) return 2;
    for (const unit of lines(source, bytes)) {
      const v = judgeBoth(source, unit.firstLine, unit.bytes, codecOptions);
      const key = `${v.direction ?? ''}\u0000${v.type ?? ''}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { direction: v.direction, type: v.type, count: 0, beta: 0, ga: 0, both: 0, neither: 0 }));
      row.count += 1;
      totals.lines += 1;
      totals[v.fits] += 1;
      if (v.fits === 'both') row.both += 1;
      if (v.fits === 'neither') row.neither += 1;
      for (const name of ['beta', 'ga'] as const) {
        const r = v[name];
        if (r.ok) {
          row[name] += 1;
          totals[name === 'beta' ? 'betaValid' : 'gaValid'] += 1;
          continue;
        }
        const k = [name, v.type, r.error.code, r.error.path].join('\u0000');
        const seen = refusals.get(k);
        if (seen) seen.count += 1;
        else refusals.set(k, { protocol: name, type: v.type, code: r.error.code, path: r.error.path, reason: r.error.reason, ...(r.hint === undefined ? {} : { hint: r.hint }), count: 1, first: { source, line: unit.firstLine } });
      }
      if (options.json) {
        io.out(JSON.stringify(v));
        continue;
      }
      if (options.quiet && v.fits !== 'neither') continue;
      const label = `${v.direction ?? 'unknown'} ${v.type ?? '(no type)'}`;
      const head = `${source}:${unit.firstLine}: ${label}: ${v.fits === 'both' ? 'both' : v.fits === 'neither' ? 'neither protocol' : `${PROTOCOLS[v.fits].label} only`}`;
      const details: string[] = [];
      for (const p of [PROTOCOLS.beta, PROTOCOLS.ga]) {
        const r = v[p.name];
        // A line both accept unchanged says no more; otherwise each protocol's reading.
        if (v.fits === 'both' && r.ok && !r.changed) continue;
        details.push(`    ${p.label.padEnd(4)}  ${describeReading(r)}`);
        // Each hint once (the closing list repeats them all, with counts).
        if (!r.ok && r.hint !== undefined && !hinted.has(r.hint)) {
          hinted.add(r.hint);
          details.push(`          hint: ${r.hint}`);
        }
      }
      if (v.fits === 'neither') io.err([head, ...details].join('\n'));
      else for (const l of [head, ...details]) io.out(l);
    }
  }
  const order = { client: 0, server: 1, unknown: 2 };
  const table = [...rows.values()].sort((a, b) => order[a.direction ?? 'unknown'] - order[b.direction ?? 'unknown']);
  const grouped = [...refusals.values()].sort((a, b) => (a.protocol === b.protocol ? b.count - a.count : a.protocol === 'beta' ? -1 : 1));
  const all = totals.betaValid === totals.lines ? 'beta' : totals.gaValid === totals.lines ? 'ga' : null;
  if (options.json) {
    io.out(JSON.stringify({ summary: { ...totals, fitsAll: all }, types: table, refusals: grouped }));
  } else {
    const name = (r: AutoRow) => r.type ?? '(no type)';
    const width = Math.max(4, ...table.map((r) => name(r).length));
    const row = (cells: (string | number)[]) =>
      `${String(cells[0]).padEnd(9)}  ${String(cells[1]).padEnd(width)}  ${cells.slice(2).map((c, i) => String(c).padStart([5, 5, 5, 5, 7][i] as number)).join('  ')}`;
    io.out(row(['direction', 'type', 'count', 'beta', 'GA', 'both', 'neither']));
    for (const r of table) io.out(row([r.direction ?? 'unknown', name(r), r.count, r.beta, r.ga, r.both, r.neither]));
    io.out(row(['all', '', totals.lines, totals.betaValid, totals.gaValid, totals.both, totals.neither]));
    for (const p of [PROTOCOLS.beta, PROTOCOLS.ga]) {
      const mine = grouped.filter((g) => g.protocol === p.name);
      if (mine.length === 0) continue;
      const n = mine.reduce((sum, g) => sum + g.count, 0);
      io.out('');
      io.out(`${p.label} refuses ${n} line${n === 1 ? '' : 's'}, for ${mine.length} reason${mine.length === 1 ? '' : 's'}:`);
      for (const g of mine) {
        io.out(`  ${String(g.count).padStart(4)} x ${g.type ?? '(no type)'}: error[${g.code}] at ${g.path === '' ? '(root)' : g.path}: ${g.reason} (first: ${g.first.source}:${g.first.line})`);
        if (g.hint !== undefined) io.out(`         hint: ${g.hint}`);
      }
    }
  }
  const fit = all === null ? 'no protocol accepts every line' : `${PROTOCOLS[all].label} accepts every line`;
  io.close(
    `${totals.lines} line${totals.lines === 1 ? '' : 's'}: ${totals.both} fit both, ${totals.beta} beta only, ${totals.ga} GA only, ${totals.neither} neither; ` +
      `beta accepts ${totals.betaValid}, GA ${totals.gaValid}: ${fit}`,
  );
  return all === null ? 1 : 0;
}

function run(argv: string[]): number {
  try {
    return main(argv);
  } catch (error) {
    // Not a verdict on an event (those are reported where they occur): an installation fault,
    // such as a .wasm module missing beside its entry.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message.startsWith('realtime-codec: ') ? '' : 'realtime-codec: '}${message}\n`);
    return 2;
  }
}

process.exitCode = run(process.argv.slice(2));
