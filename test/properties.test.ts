// Property tests (fast-check): generated valid events of every variant and nested type.
// 1. encode output is canonical: decoding and re-encoding gives the same text;
// 2. decode(encode(x)) equals the shape table's model of canonicalisation applied to x, member
//    order included;
// 3. mutated canonical text only ever gives a ClientEventError (or a valid event), never another
//    exception, and the codec keeps working. fast-check prints the seed of any failure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BETA } from '../ts/shapes.js';
import { canonicalModel, clientEvent, f32Rounded } from './arbitraries.js';
import { codec } from './helpers.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 400);

/** The canonical form the table predicts, and the decoded event, compared with member order. */
const model = (event: unknown) => JSON.stringify(canonicalModel(BETA, BETA.client, event));
const asF32 = (event: unknown) => JSON.stringify(f32Rounded(BETA, BETA.client, event));

describe('properties', () => {
  it(`encode output is canonical (decode + encode is a fixed point), ${RUNS} runs`, () => {
    fc.assert(
      fc.property(clientEvent, (event) => {
        const first = codec.encode(event as never);
        expect(codec.encode(codec.decode(first))).toBe(first);
        expect(codec.canonicalize(first)).toBe(first);
      }),
      { numRuns: RUNS },
    );
  });

  it(`decode(encode(x)) equals the model of canonicalisation, ${RUNS} runs`, () => {
    fc.assert(
      fc.property(clientEvent, (event) => {
        expect(asF32(codec.decode(codec.encode(event as never)))).toBe(model(event));
      }),
      { numRuns: RUNS },
    );
  });

  it(`encode's append fast path equals the general path (JSON text through Rust), ${RUNS * 5} runs`, () => {
    // The characters at the edges of the plain test (PLAIN, isPlain in ts/append.ts), alone and after base64.
    const edge = fc.constantFrom('"', '\\', '\u0000', '\u0001', '\u001f', ' ', '~', '\u007f', '\u0080', 'é', '\u00ff', '\u2028', '\uD800', '\u{1F600}', '');
    const plainish = fc.oneof(fc.base64String(), fc.string(), fc.string({ unit: 'binary' }), edge, fc.tuple(fc.base64String(), edge).map(([b, c]) => b + c));
    const event = fc.record(
      { type: fc.constant('input_audio_buffer.append'), audio: plainish, event_id: fc.option(plainish, { nil: undefined }), extra: fc.string() },
      { requiredKeys: ['type', 'audio'] },
    );
    fc.assert(
      fc.property(event, (e) => {
        const general = codec.safeDecode(JSON.stringify(e));
        const fast = codec.safeEncode(e as never);
        if (general.ok) {
          expect(fast).toEqual({ ok: true, text: codec.canonicalize(JSON.stringify(e)) });
        } else {
          expect(fast.ok).toBe(false);
        }
        // At a byte limit of the text's UTF-16 length, which non-ASCII text exceeds in UTF-8.
        const bounds = { maxInputBytes: JSON.stringify(e).length };
        let limited: { ok: boolean; text?: string };
        try {
          limited = { ok: true, text: codec.canonicalize(JSON.stringify(e), bounds) };
        } catch {
          limited = { ok: false };
        }
        const fastLimited = codec.safeEncode(e as never, bounds);
        expect(fastLimited.ok).toBe(limited.ok);
        if (limited.ok && fastLimited.ok) expect(fastLimited.text).toBe(limited.text);
      }),
      { numRuns: RUNS * 5 },
    );
  });

  it(`mutated events only ever give a ClientEventError, and the codec keeps working, ${RUNS * 5} runs`, () => {
    const mutation = fc.tuple(clientEvent, fc.nat(), fc.constantFrom('delete', 'insert', 'replace'), fc.constantFrom('"', '{', '}', '[', ']', ',', ':', '\\', '0', '-', 'e', 'n', ' ', '\uD800', 'é'));
    fc.assert(
      fc.property(mutation, ([event, at, how, ch]) => {
        const text = codec.encode(event as never);
        const i = at % (text.length + 1);
        const mutated = how === 'delete' ? text.slice(0, i) + text.slice(i + 1) : how === 'insert' ? text.slice(0, i) + ch + text.slice(i) : text.slice(0, i) + ch + text.slice(i + 1);
        for (const call of [() => codec.decode(mutated), () => codec.canonicalize(mutated), () => codec.diff(mutated)]) {
          try {
            call();
          } catch (error) {
            expect(error).toBeInstanceOf(codec.ClientEventError);
          }
        }
        expect(codec.check(mutated).ok === true || codec.check(mutated).ok === false).toBe(true);
        expect(codec.canonicalize('{"type":"input_audio_buffer.commit"}')).toBe('{"type":"input_audio_buffer.commit"}');
      }),
      { numRuns: RUNS * 5 },
    );
  });
});
