// The TypeScript types against the whole corpus: every valid vector's canonical output must
// type-check as ClientEvent (and as ClientEventInput), every valid server vector's as ServerEvent
// (and ServerEventInput), and every invalid vector that is a JSON object must fail to type-check
// as its direction's input type, except where TypeScript cannot express the rule (listed, with
// the reason, in NOT_EXPRESSIBLE).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { DIRECTIONS, loadVectors, root } from './helpers.js';

/** Invalid corpus cases whose fault lies outside what a TypeScript type can say. */
const NOT_EXPRESSIBLE: Record<string, string> = {
  'temperature 1e400 out of range': 'not JSON.parse-able as written (1e400 becomes Infinity)',
  'max_response_output_tokens u16 max + 1': 'integer range',
  'max_response_output_tokens negative': 'integer range',
  'max_response_output_tokens fraction': 'integer-ness',
  'server_vad negative prefix_padding_ms': 'integer range',
  'server_vad silence_duration_ms u32 max + 1': 'integer range',
  'truncate audio_end_ms u32 max + 1': 'integer range',
  'truncate negative content_index': 'integer range',
  'truncate fractional audio_end_ms': 'integer-ness',
  'truncate audio_end_ms 1e3 is a float': 'JSON number spelling (1e3 is a float to serde)',
  'session as an array too short': 'serde reads structs from arrays; the type says object',
  'lone high surrogate escape': 'string contents (a lone surrogate is still a string)',
  'lone low surrogate escape': 'string contents (a lone surrogate is still a string)',
  'swapped surrogates': 'string contents (a lone surrogate is still a string)',
  'truncate two bad numbers: serde stops at the first in document order': 'integer-ness and range',
  'duplicate field, first value invalid: serde fails on the first': 'JSON.parse keeps the last key',
  'duplicate key inside a list element': 'JSON.parse keeps the last key',
  'server_vad threshold null rejected (required f32)':
    'the input type keeps null (canonical output of an f32 overflow) so that encode(decode(text)) type-checks',
  'duplicate type key': 'JSON.parse keeps the last key',
  'duplicate event_id': 'JSON.parse keeps the last key',
  'duplicate nested field': 'JSON.parse keeps the last key',
  // Server vectors.
  'duplicate event_id member': 'JSON.parse keeps the last key',
  'rate_limits.updated reset_seconds null':
    'the input type keeps null (canonical output of an f32 overflow) so that encodeServerEvent(decodeServerEvent(text)) type-checks',
};

/** Faults a TypeScript `number` cannot express: integer ranges and integer-ness (u16, u32). */
function numericOnly(error: { code: string; path: string; message: string }): boolean {
  return (
    error.code === 'out_of_range' ||
    /^invalid type: floating point .*, expected u(16|32)$/.test(error.message) ||
    (error.path.endsWith('/max_response_output_tokens') && error.code === 'invalid_type' && !/boolean|true|false/.test(error.message) && error.message.includes('untagged'))
  );
}

/** The canonical and the accepted type of each direction. */
const TYPES = { client: ['ClientEvent', 'ClientEventInput'], server: ['ServerEvent', 'ServerEventInput'] } as const;

describe.each(DIRECTIONS)('TypeScript types over the %s corpus', (direction) => {
  it('valid events type-check; invalid ones do not', () => {
    const [canonicalType, inputType] = TYPES[direction];
    const lines: string[] = [`import type { ${canonicalType}, ${inputType} } from '../dist/node.mjs';`];
    const expectations = new Map<number, { name: string; valid: boolean }>();
    let skipped = 0;
    for (const v of loadVectors(direction)) {
      if ('canonical' in v.expect) {
        expectations.set(lines.length, { name: v.name, valid: true });
        lines.push(`export const c${lines.length}: ${canonicalType} = ${v.expect.canonical};`);
        expectations.set(lines.length, { name: `${v.name} (as input)`, valid: true });
        lines.push(`export const c${lines.length}: ${inputType} = ${v.expect.canonical};`);
        continue;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(v.input);
      } catch {
        continue; // not JSON: nothing to type
      }
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed) || v.name in NOT_EXPRESSIBLE || numericOnly(v.expect.error)) {
        skipped += 1;
        continue;
      }
      expectations.set(lines.length, { name: v.name, valid: false });
      lines.push(`export const c${lines.length}: ${inputType} = ${JSON.stringify(parsed)};`);
    }
    // Written inside test/ so that '../dist/node.mjs' resolves as it does for the other tests.
    const dir = mkdtempSync(join(root, 'test/.corpus-'));
    const file = join(dir, 'corpus.ts');
    // U+2028/U+2029 are line terminators to TypeScript: escape them so that lines stay one per case.
    const text = lines.join('\n').replaceAll("'../dist/", "'../../dist/").replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
    writeFileSync(file, text);
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
    });
    const source = program.getSourceFile(file);
    if (source === undefined) throw new Error(`TypeScript did not load ${file}`);
    const diagnostics = ts.getPreEmitDiagnostics(program);
    rmSync(dir, { recursive: true, force: true });
    const failing = new Set<number>();
    for (const d of diagnostics) {
      if (d.file !== source || d.start === undefined) throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      failing.add(source.getLineAndCharacterOfPosition(d.start).line);
    }
    const wrong: string[] = [];
    let valid = 0;
    let invalid = 0;
    for (const [line, { name, valid: ok }] of expectations) {
      if (ok) valid += 1;
      else invalid += 1;
      if (ok === failing.has(line)) wrong.push(`${ok ? 'valid but rejected' : 'invalid but accepted'}: ${name}`);
    }
    console.log(`corpus types (${direction}): ${valid} valid typed, ${invalid} invalid rejected, ${skipped} not expressible or not objects`);
    expect(wrong).toEqual([]);
    expect(valid).toBeGreaterThan(150);
    expect(invalid).toBeGreaterThan(direction === 'client' ? 50 : 100);
  });
});
