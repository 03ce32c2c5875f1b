// Parser conformance (test/json-suite/cases.json) through the wasm build in Node; the same file
// runs natively in crate/tests/json_suite.rs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codec, root } from './helpers.js';

interface Case {
  name: string;
  text?: string;
  hex?: string;
  code?: string;
}
const suite = JSON.parse(readFileSync(join(root, 'test/json-suite/cases.json'), 'utf8')) as Record<'must_reject' | 'must_parse' | 'valid_events', Case[]>;

function input(c: Case): string | Uint8Array {
  if (c.text !== undefined) return c.text;
  return Uint8Array.from((c.hex ?? '').match(/../g) ?? [], (h) => Number.parseInt(h, 16));
}

function codeOf(c: Case): string {
  const r = codec.check(input(c));
  return r.ok ? 'ok' : r.error.code;
}

describe('JSON parser conformance through wasm', () => {
  it.each(suite.must_reject.map((c) => [c.name, c] as const))('rejects malformed: %s', (_, c) => {
    expect(codeOf(c)).toBe(c.code);
  });
  it.each(suite.must_parse.map((c) => [c.name, c] as const))('parses well-formed JSON, then gives its data error: %s', (_, c) => {
    expect(['syntax', 'invalid_unicode', 'too_deep']).not.toContain(c.code);
    expect(codeOf(c)).toBe(c.code);
  });
  it.each(suite.valid_events.map((c) => [c.name, c] as const))('accepts the event: %s', (_, c) => {
    expect(codeOf(c)).toBe('ok');
  });
  it('counts', () => {
    console.log(`json suite: ${suite.must_reject.length} malformed rejected, ${suite.must_parse.length} well-formed parsed, ${suite.valid_events.length} events accepted`);
    expect(suite.must_reject.length).toBeGreaterThan(90);
  });
});
