/**
 * realtime-codec command-line tool.
 *
 *   realtime-codec [canonical|check|diff] [--json] [--format auto|json|jsonl] [--max-bytes N] [-q] [FILE... | -]
 *
 * Reads events from files (`.jsonl` / `.ndjson`: one event per line; anything else: one JSON
 * document) or standard input (one document if it parses as one, else JSON Lines if its first line
 * is a JSON value), and for each event prints its canonical form (`canonical`, the
 * default), just its verdict (`check`) or how the canonical form differs from it (`diff`), or a
 * precise error: file, line, JSON pointer, code.
 * Exit status: 0 when every event is valid (for `diff`: and already canonical), 1 otherwise, 2 on
 * a usage or I/O error.
 * @module
 */
import { fstatSync, readFileSync } from 'node:fs';
import { canonicalize, ClientEventError, DEFAULT_MAX_INPUT_BYTES, diff, type Difference } from './node.js';

const USAGE = `usage: realtime-codec [canonical|check|diff] [options] [FILE... | -]

Validates OpenAI Realtime client events with the Rust crate async-openai-wasm 0.29.5
and prints each one's canonical JSON (canonical, the default), its verdict (check),
or how the crate's canonical form differs from it (diff: members dropped or added,
values changed, member order changed).

Input: FILE.jsonl / FILE.ndjson hold one event per line; any other FILE holds one
JSON document; '-' or no FILE reads standard input: one document if it parses
as one, JSON Lines if its first line is a JSON value, else one document (see --format).

Options:
  --json             one JSON object per event on stdout (machine-readable)
  --format F         auto (default) | json (one document) | jsonl (one event per line)
  --max-bytes N      reject events larger than N bytes (default ${DEFAULT_MAX_INPUT_BYTES})
  -q, --quiet        print nothing for valid events (errors and the summary only)
  -h, --help         this text

Exit status: 0 all valid (diff: and already canonical), 1 otherwise, 2 usage or I/O error.`;

type Format = 'auto' | 'json' | 'jsonl';

interface Options {
  mode: 'canonical' | 'check' | 'diff';
  json: boolean;
  quiet: boolean;
  format: Format;
  maxBytes: number;
  files: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  const options: Options = { mode: 'canonical', json: false, quiet: false, format: 'auto', maxBytes: DEFAULT_MAX_INPUT_BYTES, files: [] };
  const args = [...argv];
  if (args[0] === 'canonical' || args[0] === 'check' || args[0] === 'diff') options.mode = args.shift() as Options['mode'];
  while (args.length > 0) {
    const arg = args.shift() as string;
    if (arg === '--') {
      options.files.push(...args.splice(0));
    } else if (arg === '--json') {
      options.json = true;
    } else if (arg === '-q' || arg === '--quiet') {
      options.quiet = true;
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args.shift();
      if (value !== 'auto' && value !== 'json' && value !== 'jsonl') throw new UsageError(`--format must be auto, json or jsonl, got ${value}`);
      options.format = value;
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

function main(argv: string[]): number {
  let options: Options;
  try {
    options = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`realtime-codec: ${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
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
          const result = diff(unit.bytes, { maxInputBytes: options.maxBytes });
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
        const canonical = canonicalize(unit.bytes, { maxInputBytes: options.maxBytes });
        valid += 1;
        if (options.json) {
          out.push(JSON.stringify({ source: unit.source, line: unit.firstLine, ok: true, ...(options.mode === 'canonical' ? { canonical } : {}) }));
        } else if (!options.quiet) {
          out.push(options.mode === 'canonical' ? canonical : `${unit.source}:${unit.firstLine}: ok ${JSON.parse(canonical).type}`);
        }
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

process.exitCode = main(process.argv.slice(2));
