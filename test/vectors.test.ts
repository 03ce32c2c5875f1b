// The Node side of parity: every vector in test/vectors through the built wasm package must give
// exactly what native Rust recorded (crate/tests/vectors.rs checks the same files natively).
import { describe, expect, it, afterAll } from 'vitest';
import { codec, loadVectors } from './helpers.js';

// Client vectors only: server vectors run natively until the server wasm module exists (issue 11).
const vectors = loadVectors('client');

/** Whether the text has an integer token (not in a string) beyond ±2^53. */
function hasUnsafeInteger(text: string): boolean {
  return [...text.matchAll(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)].some(
    ([t]) => /^-?\d+$/.test(t) && !Number.isSafeInteger(Number(t)),
  );
}
const counts = { valid: 0, invalid: 0 };

describe('test/vectors through wasm in Node', () => {
  it('has a corpus to run', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(200);
    expect(new Set(vectors.map((v) => `${v.file}/${v.name}`)).size).toBe(vectors.length);
  });

  for (const vector of vectors) {
    it(`${vector.file}: ${vector.name}`, () => {
      if ('canonical' in vector.expect) {
        counts.valid += 1;
        expect(codec.canonicalize(vector.input)).toBe(vector.expect.canonical);
        // The same bytes as Uint8Array give the same answer.
        expect(codec.canonicalize(new TextEncoder().encode(vector.input))).toBe(vector.expect.canonical);
        expect(codec.check(vector.input)).toEqual({ ok: true, type: JSON.parse(vector.expect.canonical).type });
        if (hasUnsafeInteger(vector.expect.canonical)) {
          // decode refuses what a JS number cannot hold exactly (canonicalize keeps the text).
          expect(() => codec.decode(vector.input)).toThrow(/cannot be held exactly/);
        } else {
          expect(codec.decode(vector.input)).toEqual(JSON.parse(vector.expect.canonical));
        }
      } else {
        counts.invalid += 1;
        const want = vector.expect.error;
        let thrown: unknown;
        try {
          codec.canonicalize(vector.input);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(codec.ClientEventError);
        const error = thrown as InstanceType<typeof codec.ClientEventError>;
        expect({ code: error.code, path: error.path, line: error.line, column: error.column, message: error.reason }).toEqual({
          code: want.code,
          path: want.path,
          line: want.line,
          column: want.column,
          message: want.message,
        });
        expect(error.expectedValues).toEqual(want.expected_values);
        const checked = codec.check(vector.input);
        expect(checked.ok).toBe(false);
        if (!checked.ok) expect([checked.error.code, checked.error.path]).toEqual([want.code, want.path]);
      }
    });
  }

  afterAll(() => {
    console.log(`vectors (wasm, Node): ${counts.valid} valid + ${counts.invalid} invalid cases agree with native Rust`);
  });
});
