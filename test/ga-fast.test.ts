// The GA entry's decode fast path (GA_FAST_CLIENT and GA_FAST_SERVER of ts/ga/shapes.ts,
// compiled by ts/fast.ts) against the Rust path of the GA modules. Two views of every text:
// - through the public API of realtime-codec/ga (dist): decode / decodeServerEvent must give
//   JSON.parse of canonicalize / canonicalizeServerEvent (the crate's own reading), member order
//   included, or refuse it when the crate refuses it;
// - the fast decoder itself, compiled from the same table: whenever it answers, the crate must
//   accept the text and give that value. The test also counts what it answered, per event type,
//   so that a fast path that silently declines everything fails here.
// Texts: the GA corpus, generated events of every fast variant written canonically, by
// JSON.stringify and with members reversed, then mutated: extra members (the service's
// `obfuscation` on deltas, which the crate drops), duplicates, escapes, number spellings, big
// numbers, nulls.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileFastDecoder, lastFastPass } from '../ts/fast.js';
import { GA_FAST_CLIENT, GA_FAST_SERVER } from '../ts/ga/shapes.js';
import type { NamedType, Part } from '../ts/shapes.js';
import { arbitraryOf, f32, text as anyText, u32 } from './arbitraries.js';
import { gaCodec, hasUnsafeInteger, loadVectors, type Direction } from './helpers.js';

const RUNS = Math.max(2000, Number(process.env.PROPERTY_RUNS ?? 400));

const PARTS: Record<Direction, Part> = { client: GA_FAST_CLIENT, server: GA_FAST_SERVER };
const fast = { client: compileFastDecoder(GA_FAST_CLIENT.types, GA_FAST_CLIENT.root), server: compileFastDecoder(GA_FAST_SERVER.types, GA_FAST_SERVER.root) };
const api = {
  client: { canonicalize: gaCodec.canonicalize, decode: gaCodec.decode, encode: gaCodec.encode as (e: unknown) => string },
  server: { canonicalize: gaCodec.canonicalizeServerEvent, decode: gaCodec.decodeServerEvent, encode: gaCodec.encodeServerEvent as (e: unknown) => string },
};

/** Per direction and event type: texts seen, and texts the fast decoder answered. */
const counts: Record<Direction, Map<string, { seen: number; answered: number }>> = { client: new Map(), server: new Map() };

function typeOf(text: string): string {
  const m = /"type"\s*:\s*"([^"\\]*)"/.exec(text);
  return m?.[1] ?? '?';
}

/** The crate's reading (GA wasm): its canonical text parsed, or its error code. */
function rust(direction: Direction, text: string, maxDepth: number): { value: unknown; order: string; canonical: string } | { code: string } {
  try {
    const canonical = api[direction].canonicalize(text, { maxDepth });
    const value: unknown = JSON.parse(canonical);
    return { value, order: JSON.stringify(value), canonical };
  } catch (error) {
    if (error instanceof gaCodec.RealtimeCodecError) return { code: error.code };
    throw error;
  }
}

/** Holds one text to the crate through both views; returns whether the fast decoder answered. */
function agrees(direction: Direction, text: string, maxDepth = gaCodec.MAX_DEPTH): boolean {
  const ref = rust(direction, text, maxDepth);
  // The public decode (fast path or Rust, whichever answers) gives the crate's reading.
  let decoded: { value: unknown } | { code: string };
  try {
    decoded = { value: api[direction].decode(text, { maxDepth }) };
  } catch (error) {
    if (!(error instanceof gaCodec.RealtimeCodecError)) throw error;
    decoded = { code: error.code };
  }
  if ('code' in ref) {
    expect(decoded, `decode of a text the crate refuses (${ref.code}): ${text}`).toEqual({ code: ref.code });
  } else if (hasUnsafeInteger(ref.canonical)) {
    expect(decoded, `decode of a text with an integer beyond 2^53: ${text}`).toMatchObject({ code: expect.any(String) });
  } else {
    if (!('value' in decoded)) expect.fail(`decode refused (${decoded.code}) what the crate reads: ${text}`);
    expect(decoded.value, text).toEqual(ref.value);
    expect(JSON.stringify(decoded.value), `member order, ${text}`).toBe(ref.order);
  }
  // The fast decoder itself.
  const got = fast[direction](text, maxDepth);
  const count = counts[direction].get(typeOf(text)) ?? { seen: 0, answered: 0 };
  counts[direction].set(typeOf(text), count);
  count.seen += 1;
  if (got === undefined) return false;
  count.answered += 1;
  expect(lastFastPass()).toBeGreaterThanOrEqual(0);
  if ('code' in ref) expect.fail(`the fast path (pass ${lastFastPass()}) answered a text the crate refuses (${ref.code}): ${text}`);
  expect(got, text).toEqual(ref.value);
  expect(JSON.stringify(got), `member order (fast), ${text}`).toBe(ref.order);
  return true;
}

/** Members in reverse order, at every level. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)]));
}

// Leaves that look like what the service sends, and edges of the fast path's rules.
const leaves = {
  text: fc.oneof(anyText, fc.constantFrom('', 'AAAA', 'q"uote', 'back\\slash', 'new\nline', '\u0000', '\u001f', '\u007f', '\u2028', 'é', '\u{1F600}', '\uFFFF')),
  u32: fc.oneof(u32, fc.constantFrom(0, 1, 9, 10, 100, 1000, 4294967295), fc.integer({ min: 0, max: 50 }).map((x) => x * 1000)),
  f32: fc.oneof(f32, fc.constantFrom(0, -0, 0.5, 1, 1.5, 60, 0.001, 0.25, 3.4028234663852886e38, 1e-45, 12.345)),
  integer: fc.integer(),
};

/** Ways to rewrite a valid text: each keeps it JSON, most keep the crate's answer, some change it. */
const OBFUSCATION = ',"obfuscation":"Xk2"';
const rewrites: Record<string, (t: string, at: number) => string> = {
  obfuscation: (t) => t.slice(0, -1) + OBFUSCATION + '}',
  obfuscationFirst: (t) => '{"obfuscation":"Xk2",' + t.slice(1),
  unknownNested: (t) => t.slice(0, -1) + ',"extra":{"a":[1,2.5,null,{"b":"c"}]}}',
  spaces: (t, at) => {
    const i = 1 + (at % (t.length - 1));
    return /[,:{}[\]]/.test(t[i - 1] ?? '') ? `${t.slice(0, i)} ${t.slice(i)}` : ` ${t}\n`;
  },
  // A top-level member written twice (serde refuses), or the tag written twice.
  duplicateMember: (t, at) => {
    const obj = JSON.parse(t) as Record<string, unknown>;
    const keys = Object.keys(obj);
    const key = keys[at % keys.length] as string;
    return t.slice(0, -1) + `,${JSON.stringify(key)}:${JSON.stringify(obj[key])}}`;
  },
  // One key or string value's first letter as a \u escape.
  escape: (t, at) => {
    const quotes = [...t.matchAll(/"[a-z]/g)];
    const q = quotes[at % Math.max(quotes.length, 1)];
    if (!q || q.index === undefined) return t;
    return `${t.slice(0, q.index + 1)}\\u00${t.charCodeAt(q.index + 1).toString(16)}${t.slice(q.index + 2)}`;
  },
  // A number re-spelled: exponent, trailing .0, leading sign, or grown past u32 / 2^53.
  number: (t, at) => {
    const spell = [(n: string) => `${n}e0`, (n: string) => `${n}.0`, (n: string) => `${n}0000000000`, (n: string) => `${n}E+00`, (n: string) => `-${n}`, () => '9007199254740993', () => '4294967296', () => '1e400'];
    let i = 0;
    const pick = at % 3;
    return t.replace(/(?<=[:[,])(\d+(?:\.\d+)?)(?=[,}\]])/g, (n) => (i++ === pick ? (spell[(at >> 2) % spell.length] as (n: string) => string)(n) : n));
  },
  // One top-level member (not the tag) as null.
  nulled: (t, at) => {
    const obj = JSON.parse(t) as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => k !== 'type');
    if (keys.length === 0) return t;
    obj[keys[at % keys.length] as string] = null;
    return JSON.stringify(obj);
  },
  // One top-level member removed.
  dropped: (t, at) => {
    const obj = JSON.parse(t) as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => k !== 'type');
    if (keys.length === 0) return t;
    delete obj[keys[at % keys.length] as string];
    return JSON.stringify(obj);
  },
  // A member's value given the wrong JSON type.
  retyped: (t, at) => {
    const obj = JSON.parse(t) as Record<string, unknown>;
    const keys = Object.keys(obj).filter((k) => k !== 'type');
    if (keys.length === 0) return t;
    const k = keys[at % keys.length] as string;
    obj[k] = typeof obj[k] === 'string' ? 1 : typeof obj[k] === 'number' ? String(obj[k]) : true;
    return JSON.stringify(obj);
  },
};
const REWRITES = Object.keys(rewrites);

/**
 * The part as test/arbitraries.ts can generate it: a variant that is itself a tagged enum (GA's
 * message item, tagged on `role`) becomes one variant per inner variant, a struct whose first
 * member is the inner tag as a literal. The events are the same objects; the decoders and the
 * crate read the real table.
 */
function generatable(part: Part): Part {
  const types: Record<string, NamedType> = { ...part.types };
  for (const [name, row] of Object.entries(part.types)) {
    if (row.kind !== 'tagged') continue;
    const variants = row.variants.flatMap((v) => {
      const inner = part.types[v.struct];
      if (inner?.kind !== 'tagged') return [v];
      return inner.variants.map((w) => {
        const s = part.types[w.struct];
        if (s?.kind !== 'struct') throw new Error(`${w.struct} is not a struct row`);
        const flat = `${name}.${v.value}.${w.value}`;
        types[flat] = { kind: 'struct', members: [{ name: inner.tag, presence: 'required', type: { literal: w.value } }, ...s.members] };
        return { value: v.value, struct: flat };
      });
    });
    types[name] = { ...row, variants };
  }
  return { ...part, types };
}

function generated(direction: Direction) {
  const part = PARTS[direction];
  return fc.property(
    arbitraryOf(generatable(part), part.root, leaves),
    fc.nat(),
    fc.constantFrom(...REWRITES),
    fc.oneof(fc.constant(gaCodec.MAX_DEPTH), fc.integer({ min: 1, max: 4 })),
    (event, at, name, depth) => {
      let canonical: string;
      try {
        canonical = api[direction].encode(event);
      } catch {
        return; // f32 overflow and the like: encode refuses, there is no text to compare
      }
      const rewrite = rewrites[name] as (t: string, at: number) => string;
      for (const t of [canonical, JSON.stringify(event), JSON.stringify(reversed(event))]) {
        agrees(direction, t);
        agrees(direction, t, depth);
        agrees(direction, rewrite(t, at));
      }
    },
  );
}

/** One ordinary event of each fast variant, as the service or a client writes it. */
const ORDINARY: Record<Direction, string[]> = {
  client: [
    '{"type":"session.update","session":{"type":"realtime","instructions":"Be brief.","output_modalities":["audio"],"audio":{"input":{"format":{"type":"audio/pcm","rate":24000},"noise_reduction":null,"transcription":null,"turn_detection":{"type":"server_vad","prefix_padding_ms":300,"silence_duration_ms":500,"threshold":0.5}},"output":{"format":{"type":"audio/pcm","rate":24000},"speed":1.0,"voice":"marin"}}}}',
    '{"type":"conversation.item.create","item":{"type":"message","role":"user","content":[{"type":"input_text","text":"Hi"}]}}',
    '{"type":"response.create","response":null}',
    '{"type":"input_audio_buffer.append","audio":"AAAA"}',
    '{"event_id":"c1","type":"input_audio_buffer.commit"}',
    '{"type":"input_audio_buffer.clear"}',
    '{"type":"conversation.item.retrieve","item_id":"item_1"}',
    '{"type":"conversation.item.truncate","item_id":"item_1","content_index":0,"audio_end_ms":1500}',
    '{"type":"conversation.item.delete","item_id":"item_1"}',
    '{"type":"response.cancel","response_id":"resp_1"}',
    '{"type":"output_audio_buffer.clear","event_id":"c2"}',
  ],
  server: [
    '{"type":"conversation.item.input_audio_transcription.delta","event_id":"e1","item_id":"item_1","content_index":0,"delta":"Hel","logprobs":null}',
    '{"type":"input_audio_buffer.speech_started","event_id":"e2","audio_start_ms":1000,"item_id":"item_1"}',
    '{"type":"input_audio_buffer.speech_stopped","event_id":"e3","audio_end_ms":2000,"item_id":"item_1"}',
    '{"type":"response.output_text.delta","event_id":"e4","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"Hi"}',
    `{"type":"response.output_audio_transcript.delta","event_id":"e5","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"Hi"${OBFUSCATION}}`,
    `{"type":"response.output_audio.delta","event_id":"e6","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"AAAA"${OBFUSCATION}}`,
    '{"type":"response.function_call_arguments.delta","event_id":"e7","response_id":"r","item_id":"i","output_index":0,"call_id":"call_1","delta":"{\\"a\\":"}',
    '{"type":"rate_limits.updated","event_id":"e8","rate_limits":[{"name":"requests","limit":1000,"remaining":999,"reset_seconds":0.5},{"name":"tokens","limit":50000,"remaining":49000,"reset_seconds":1.25}]}',
  ],
};

const DIRS: Direction[] = ['client', 'server'];
/** The variants of a direction's fast part. */
const variantsOf = (d: Direction): string[] => {
  const root = PARTS[d].types[PARTS[d].root];
  return root?.kind === 'tagged' ? root.variants.map((v) => v.value) : [];
};

describe('GA decode fast path', () => {
  it('covers each fast variant with an ordinary event, and answers it (not declining to Rust)', () => {
    for (const d of DIRS) {
      expect(ORDINARY[d].map(typeOf).sort(), d).toEqual(variantsOf(d).sort());
      for (const t of ORDINARY[d]) expect(agrees(d, t), `${d}: fast path declined ${t}`).toBe(true);
    }
    // The crate drops `obfuscation` (no such member in its structs); so does the fast path.
    const audio = fast.server(ORDINARY.server[5] as string, gaCodec.MAX_DEPTH) as Record<string, unknown>;
    expect(Object.keys(audio)).toEqual(['type', 'event_id', 'response_id', 'item_id', 'output_index', 'content_index', 'delta']);
  });

  it('reads the message item, tagged again by its role, as the crate does (the scan, 21)', () => {
    const item = (body: string) => `{"type":"conversation.item.create","item":${body}}`;
    const answered = [
      item('{"type":"message","role":"user","content":[{"type":"input_text","text":"Hi"},{"type":"input_audio","audio":"AAAA","transcript":"t"}],"id":"i"}'),
      item('{"type":"message","role":"assistant","content":[{"type":"output_audio","transcript":"t"}]}'),
      item('{"type":"message","role":"system","content":[{"text":"Be brief.","type":"input_text"}],"id":null,"status":"completed"}'),
      item('{"type":"message","role":"user","content":[],"extra":{"a":1}}'),
      '{"type":"session.update","session":{"type":"realtime","audio":{"input":{"format":{"type":"audio/pcmu"},"noise_reduction":null,"transcription":null,"turn_detection":{"type":"semantic_vad","eagerness":"low"}},"output":{"format":{"type":"audio/pcma"},"speed":1.25,"voice":"my-own-voice"}}}}',
    ];
    // Prompt variables: a string, an input content part (tagged), or any Value, in that order.
    const prompt = (variables: string) => `{"type":"session.update","session":{"type":"realtime","prompt":{"id":"p","variables":${variables}}}}`;
    answered.push(prompt('"x"'), prompt('{"type":"input_text","text":"x"}'), prompt('{"name":"x","count":1}'), prompt('{}'));
    for (const t of answered) {
      expect(agrees('client', t), t).toBe(true);
      expect(lastFastPass(), t).toBe(3);
    }
    // The tag not first: the passes read it (after JSON.parse).
    agrees('client', prompt('{"text":"x","type":"input_text"}'));
    // With a `type` member that the content part does not read: Rust decides (a Value, or not).
    for (const t of [prompt('{"type":"nope"}'), prompt('{"type":"input_text"}'), prompt('{"\\u0074ype":"input_text","text":"x"}'), prompt('{"a":1,"a":2}')]) {
      agrees('client', t);
      expect(fast.client(t, gaCodec.MAX_DEPTH), t).toBeUndefined();
    }
    const traps = [
      item('{"type":"message","role":"user","role":"user","content":[]}'),
      item('{"type":"message","role":"user","content":[],"type":"message"}'),
      item('{"type":"message","content":[],"role":"user"}'),
      item('{"role":"user","type":"message","content":[]}'),
      item('{"type":"message","content":[]}'),
      item('{"type":"message","role":"tool","content":[]}'),
      item('{"type":"message","role":"user"}'),
      item('{"type":"message","role":"assistant","content":[{"type":"input_text","text":"x"}]}'),
      item('{"type":"message","role":"system","content":[]}'),
      item('{"type":"message","role":"user","content":[],"status":null}'),
      item('{"type":"message","role":"us\\u0065r","content":[]}'),
      item('{"type":"message","role":"user","content":[{"type":"input_text","text":"\\ud800"}]}'),
    ];
    for (const t of traps) {
      agrees('client', t);
      agrees('client', t, 3);
    }
  });

  for (const d of DIRS) {
    it(`agrees with the GA crate on every ${d} vector, raw and canonical`, () => {
      const vectors = loadVectors(d, 'ga');
      expect(vectors.length).toBeGreaterThan(10);
      let fastValid = 0;
      let answered = 0;
      for (const v of vectors) {
        agrees(d, v.input);
        if ('canonical' in v.expect) {
          const isFast = variantsOf(d).includes(typeOf(v.expect.canonical));
          const took = agrees(d, v.expect.canonical);
          if (isFast) fastValid += 1;
          if (took) answered += 1;
          // Texts of other types are never answered in JavaScript (those go to Rust).
          if (!isFast) expect(took, v.name).toBe(false);
        }
      }
      console.log(`GA ${d} vectors: ${vectors.length} cases; ${answered} of ${fastValid} canonical texts of fast types answered by the fast path`);
    });

    it(`agrees with the GA crate on generated ${d} events of every fast variant, written several ways and rewritten, ${RUNS} runs`, () => {
      const before = new Map([...counts[d]].map(([k, v]) => [k, { ...v }]));
      fc.assert(generated(d), { numRuns: RUNS });
      // Every fast variant was generated, and the fast path answered a real share of each.
      const lines: string[] = [];
      for (const type of variantsOf(d)) {
        const now = counts[d].get(type) ?? { seen: 0, answered: 0 };
        const was = before.get(type) ?? { seen: 0, answered: 0 };
        const seen = now.seen - was.seen;
        const answered = now.answered - was.answered;
        lines.push(`${type} ${answered}/${seen}`);
        expect(seen, type).toBeGreaterThan(100);
        expect(answered / seen, type).toBeGreaterThan(0.2);
      }
      console.log(`GA ${d} generated texts answered by the fast path, per type: ${lines.join(', ')}`);
    });
  }

  it('agrees on hand-picked GA traps', () => {
    const delta = (extra: string, lead = '') =>
      `{${lead}"type":"response.output_audio_transcript.delta","event_id":"e","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"d"${extra}}`;
    const server = [
      delta(OBFUSCATION),
      delta(',"obfuscation":null'),
      delta(',"obfuscation":{"deep":[[[[1]]]]}'),
      delta(',"delta":"e"'),
      delta(',"output_index":1'),
      delta('', '"obfuscation":"x",'),
      delta(',"type":"response.output_audio_transcript.delta"'),
      delta('').replace('"output_index":0', '"output_index":0e0'),
      delta('').replace('"output_index":0', '"output_index":0.0'),
      delta('').replace('"output_index":0', '"output_index":-0'),
      delta('').replace('"output_index":0', '"output_index":4294967296'),
      delta('').replace('"output_index":0', '"output_index":null'),
      delta('').replace('"delta":"d"', '"delta":"\\u0064"'),
      delta('').replace('"delta":"d"', '"delta":"\\ud800"'),
      delta('').replace('"delta":"d"', '"delta":null'),
      delta('').replace(',"delta":"d"', ''),
      '{"type":"response.output_audio.delta","event_id":"e","response_id":"r","item_id":"i","output_index":4294967295,"content_index":1e3,"delta":"AAAA"}',
      '{"type":"rate_limits.updated","event_id":"e","rate_limits":[{"name":"requests","limit":1,"remaining":1,"reset_seconds":1e400}]}',
      '{"type":"rate_limits.updated","event_id":"e","rate_limits":[{"name":"requests","limit":1,"remaining":1,"reset_seconds":3.4e39}]}',
      '{"type":"rate_limits.updated","event_id":"e","rate_limits":[{"name":"requests","limit":1,"remaining":1,"reset_seconds":0.1000000000000000055511151231257827}]}',
      '{"type":"rate_limits.updated","event_id":"e","rate_limits":[{"name":"requests","limit":1,"remaining":1,"reset_seconds":-0}]}',
      '{"type":"rate_limits.updated","event_id":"e","rate_limits":[{"name":"input_tokens","limit":1,"remaining":1,"reset_seconds":1}]}',
      '{"type":"rate_limits.updated","event_id":"e","rate_limits":[{"limit":1,"name":"tokens","reset_seconds":1,"remaining":1,"x":[]}]}',
      '{"type":"conversation.item.input_audio_transcription.delta","event_id":"e","item_id":"i","content_index":0,"delta":"x","logprobs":[{"bytes":[104,255],"logprob":-0.5,"token":"h"}]}',
      '{"type":"conversation.item.input_audio_transcription.delta","event_id":"e","item_id":"i","content_index":0,"delta":"x","logprobs":[{"bytes":[256],"logprob":-0.5,"token":"h"}]}',
      '{"type":"conversation.item.input_audio_transcription.delta","event_id":"e","item_id":"i","content_index":0,"delta":"x","logprobs":[{"bytes":[],"logprob":-0.123456789012345678,"token":"h"}]}',
      '{"type":"conversation.item.input_audio_transcription.delta","event_id":"e","item_id":"i","content_index":0,"delta":"x"}',
      // beta names of the same events: not GA events
      '{"type":"response.audio.delta","event_id":"e","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"AAAA"}',
      '{"type":"response.text.delta","event_id":"e","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"x"}',
    ];
    const client = [
      '{"type":"input_audio_buffer.append","audio":"A","audio":"B"}',
      '{"type":"input_audio_buffer.append","audio":"A","obfuscation":"x"}',
      '{"type":"conversation.item.retrieve","item_id":"i","event_id":null}',
      '{"type":"conversation.item.retrieve"}',
      '{"type":"conversation.item.truncate","item_id":"i","content_index":3e2,"audio_end_ms":300}',
      '{"type":"conversation.item.truncate","item_id":"i","content_index":1,"audio_end_ms":1.0}',
      '{"type":"response.cancel","response_id":null}',
      '{"type":"output_audio_buffer.clear","type":"output_audio_buffer.clear"}',
      '{"type":"session.update","session":{"type":"realtime"}}',
      '{"type":"session.update","session":{}}',
    ];
    for (const t of server) {
      agrees('server', t);
      agrees('server', t, 2);
    }
    for (const t of client) {
      agrees('client', t);
      agrees('client', t, 2);
    }
  });
});
