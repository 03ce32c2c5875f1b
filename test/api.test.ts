import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codec, gaCodec, loadVectors, root } from './helpers.js';

const { canonicalize, check, decode, encode, safeDecode, safeEncode, ClientEventError, EVENT_TYPES, DEFAULT_MAX_INPUT_BYTES } = codec;

function errorOf(run: () => unknown): InstanceType<typeof ClientEventError> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ClientEventError);
    expect(error).toBeInstanceOf(Error);
    return error as InstanceType<typeof ClientEventError>;
  }
  throw new Error('expected a ClientEventError, but the call succeeded');
}

describe('encode', () => {
  it('returns the canonical text of every valid corpus event, from its decoded object', () => {
    let n = 0;
    for (const v of loadVectors('client')) {
      if (!('canonical' in v.expect)) continue;
      const canonical = v.expect.canonical;
      if (/"(temperature|threshold)":null/.test(canonical)) continue; // f32 overflow: the crate writes null
      if (canonical.includes('-0.0')) continue; // JSON.stringify writes -0 as 0: pinned below
      if (/\d{16}/.test(canonical)) continue; // integers beyond 2^53: pinned below
      expect(encode(decode(v.input))).toBe(canonical);
      expect(encode(JSON.parse(v.input))).toBe(canonical);
      n += 1;
    }
    expect(n).toBeGreaterThan(90);
  });

  it('encodeServerEvent returns the canonical text of every valid server vector, from its decoded object', () => {
    let n = 0;
    for (const v of loadVectors('server')) {
      if (!('canonical' in v.expect)) continue;
      const canonical = v.expect.canonical;
      if (/"(temperature|reset_seconds)":null/.test(canonical)) continue; // f32 overflow: the crate writes null
      if (canonical.includes('-0.0')) continue; // JSON.stringify writes -0 as 0
      if (/\d{16}/.test(canonical)) continue; // integers beyond 2^53
      expect(codec.encodeServerEvent(codec.decodeServerEvent(v.input)), v.name).toBe(canonical);
      expect(codec.encodeServerEvent(JSON.parse(v.input)), v.name).toBe(canonical);
      n += 1;
    }
    expect(n).toBeGreaterThan(90);
    // The f32 overflow, pinned: the crate writes null, which reads back as absent (temperature)
    // or fails (reset_seconds, a required f32), as crate/tests/vectors.rs holds natively.
    const overflow = '{"type":"rate_limits.updated","event_id":"e","rate_limits":[{"name":"tokens","limit":1,"remaining":1,"reset_seconds":1e39}]}';
    const written = codec.canonicalizeServerEvent(overflow);
    expect(written).toContain('"reset_seconds":null');
    expect([errorOf(() => codec.decodeServerEvent(written)).code, errorOf(() => codec.encodeServerEvent(JSON.parse(written))).path]).toEqual([
      'invalid_type',
      '/rate_limits/0/reset_seconds',
    ]);
  });

  it('writes -0 as 0, as JSON.stringify does (canonicalize keeps the text -0.0)', () => {
    const text = '{"type":"session.update","session":{"temperature":-0.0}}';
    expect(canonicalize(text)).toBe(text);
    expect(Object.is((decode(text) as { session: { temperature: number } }).session.temperature, -0)).toBe(true);
    expect(encode(decode(text))).toBe('{"type":"session.update","session":{"temperature":0.0}}');
  });

  it('puts type first and writes response: null', () => {
    expect(encode({ event_id: 'e', type: 'response.create' })).toBe('{"type":"response.create","event_id":"e","response":null}');
  });

  it('rounds f32 like Rust', () => {
    expect(encode({ type: 'session.update', session: { temperature: 0.123456789 } })).toBe(
      '{"type":"session.update","session":{"temperature":0.12345679}}',
    );
  });

  it.each([
    ['NaN', { type: 'session.update', session: { temperature: Number.NaN } }, 'invalid_value', '/session/temperature'],
    ['Infinity', { type: 'session.update', session: { temperature: Number.POSITIVE_INFINITY } }, 'invalid_value', '/session/temperature'],
    ['BigInt', { type: 'conversation.item.truncate', item_id: 'i', content_index: 1n, audio_end_ms: 0 }, 'invalid_type', '/content_index'],
    ['function', { type: 'response.cancel', event_id: () => 'x' }, 'invalid_type', '/event_id'],
    ['symbol', { type: 'response.cancel', event_id: Symbol('x') }, 'invalid_type', '/event_id'],
    ['undefined in array', { type: 'session.update', session: { modalities: ['text', undefined] } }, 'invalid_type', '/session/modalities/1'],
    ['NaN deep in parameters', { type: 'session.update', session: { tools: [{ type: 'function', name: 'f', description: 'd', parameters: { a: [Number.NaN] } }] } }, 'invalid_value', '/session/tools/0/parameters/a/0'],
  ])('refuses %s with a path instead of changing it', (_, event, code, path) => {
    const error = errorOf(() => encode(event as never));
    expect([error.code, error.path, error.line, error.column]).toEqual([code, path, 0, 0]);
  });

  it('refuses cycles and non-objects', () => {
    const event: Record<string, unknown> = { type: 'response.cancel' };
    event.self = event;
    expect(errorOf(() => encode(event as never)).code).toBe('invalid_value');
    expect(errorOf(() => encode(undefined as never)).code).toBe('invalid_type');
    expect(errorOf(() => encode('response.cancel' as never)).code).toBe('invalid_type');
  });

  it('validates through Rust: paths, no positions', () => {
    const error = errorOf(() => encode({ type: 'session.update', session: { voice: 'sage' as never } }));
    expect([error.code, error.path, error.line]).toEqual(['invalid_value', '/session/voice', 0]);
    expect(error.expectedValues).toContain('alloy');
  });

  it('never replaces a lone surrogate with U+FFFD', () => {
    const error = errorOf(() => encode({ type: 'response.cancel', event_id: 'a\uD800b' }));
    expect([error.code, error.path]).toEqual(['invalid_unicode', '/event_id']);
  });

  it('safeEncode returns instead of throwing', () => {
    expect(safeEncode({ type: 'input_audio_buffer.commit' })).toEqual({ ok: true, text: '{"type":"input_audio_buffer.commit"}' });
    const bad = safeEncode({ type: 'nope' } as never);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('unknown_event_type');
  });
});

describe('decode and friends', () => {
  it('returns canonical objects', () => {
    expect(decode('{"type":"response.create","extra":1}')).toEqual({ type: 'response.create', response: null });
    expect(decode(new TextEncoder().encode('{"type":"input_audio_buffer.clear","event_id":null}'))).toEqual({ type: 'input_audio_buffer.clear' });
  });

  it('reports raw lone surrogates in string input with a path, not U+FFFD', () => {
    const error = errorOf(() => decode('{"type":"response.cancel","event_id":"x\uDC00"}'));
    expect([error.code, error.path]).toEqual(['invalid_unicode', '/event_id']);
    const outside = errorOf(() => decode('\uD800{"type":"response.cancel"}'));
    expect(outside.code).toBe('syntax');
  });

  it('finds lone surrogates without String.prototype.isWellFormed too (older browsers), call after call', () => {
    const proto = String.prototype as { isWellFormed?: () => boolean };
    const saved = proto.isWellFormed;
    delete proto.isWellFormed;
    try {
      for (let i = 0; i < 3; i += 1) {
        expect(errorOf(() => decode('{"type":"response.cancel","event_id":"a\uD800"}')).code).toBe('invalid_unicode');
        expect(decode('{"type":"response.cancel","event_id":"\uD83D\uDE00"}')).toEqual({ type: 'response.cancel', event_id: '\u{1F600}' });
      }
    } finally {
      proto.isWellFormed = saved;
    }
  });

  it('never lets a lone surrogate combine with the text around it', () => {
    // A backslash before it, or the text of a low-surrogate escape after it, must not turn it
    // into an escape sequence or a valid pair.
    const afterBackslash = '{"type":"input_audio_buffer.append","audio":"\\' + '\uD800' + '"}';
    expect(errorOf(() => canonicalize(afterBackslash)).code).not.toBe(undefined);
    expect(check(afterBackslash).ok).toBe(false);
    const beforeEscape = '{"type":"response.cancel","event_id":"' + '\uD800' + '\\udc00"}';
    const error = errorOf(() => canonicalize(beforeEscape));
    expect([error.code, error.path]).toEqual(['invalid_unicode', '/event_id']);
    // Bytes count as WTF-8: 3 per lone surrogate, so positions stay in step with the text.
    const late = errorOf(() => decode('{"type":"response.cancel","event_id":"ab\uDFFF"}'));
    expect([late.code, late.line, late.column]).toEqual(['invalid_unicode', 1, 41]); // at the surrogate itself
  });

  it('rejects invalid UTF-8 bytes', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"type":"response.cancel","event_id":"'), 0xc3, 0x28, 0x22, 0x7d]);
    const error = errorOf(() => decode(bytes));
    expect([error.code, error.path]).toEqual(['invalid_unicode', '/event_id']);
  });

  it('enforces a configurable size limit, in bytes, before parsing', () => {
    expect(DEFAULT_MAX_INPUT_BYTES).toBe(32 * 1024 * 1024);
    const text = '{"type":"input_audio_buffer.append","audio":"AAAA"}';
    expect(errorOf(() => decode(text, { maxInputBytes: 10 })).code).toBe('too_large');
    expect(errorOf(() => decode(new TextEncoder().encode(text), { maxInputBytes: 10 })).code).toBe('too_large');
    // 'é' is 2 UTF-8 bytes: the limit counts bytes, not characters.
    const accented = '{"type":"response.cancel","event_id":"éé"}';
    expect(errorOf(() => decode(accented, { maxInputBytes: accented.length })).code).toBe('too_large');
    expect(decode(accented, { maxInputBytes: accented.length + 2 })).toEqual({ type: 'response.cancel', event_id: 'éé' });
    expect(() => decode(text, { maxInputBytes: -1 })).toThrow(RangeError);
  });

  it('handles a 20 MiB audio append (a 15 MiB PCM chunk) within the default limit', () => {
    const audio = 'A'.repeat(20 * 1024 * 1024);
    const out = encode({ type: 'input_audio_buffer.append', audio });
    expect(out.length).toBe(audio.length + '{"type":"input_audio_buffer.append","audio":""}'.length);
    expect(check(out)).toEqual({ ok: true, type: 'input_audio_buffer.append' });
  });

  it('refuses to decode integers a JavaScript number cannot hold, but canonicalizes them exactly', () => {
    const text =
      '{"type":"session.update","session":{"tools":[{"type":"function","name":"f","description":"d","parameters":{"ok":9007199254740991,"big":{"x":[18446744073709551615]}}}]}}';
    expect(canonicalize(text)).toContain('18446744073709551615');
    const error = errorOf(() => decode(text));
    expect([error.code, error.path]).toEqual(['out_of_range', '/session/tools/0/parameters/big/x/0']);
    const safe = '{"type":"session.update","session":{"tools":[{"type":"function","name":"f","description":"d1234567890123456789","parameters":{"n":9007199254740991,"f":1e300}}]}}';
    expect(decode(safe)).toEqual(JSON.parse(canonicalize(safe)));
  });

  it('check and safeDecode do not throw for invalid input', () => {
    const r = safeDecode('{"type":"conversation.item.truncate","item_id":"i","content_index":-1,"audio_end_ms":0}');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('out_of_range');
      expect(r.error.path).toBe('/content_index');
      expect(r.error.expected).toBe('u32');
      expect(r.error.received).toBe('integer `-1`');
    }
    expect(check('nope').ok).toBe(false);
    expect(() => check(42 as never)).toThrow(TypeError);
  });

  it('keeps working after every kind of error (no poisoned instance), in both modules', () => {
    const bad = loadVectors('client').filter((v) => 'error' in v.expect);
    const badServer = loadVectors('server').filter((v) => 'error' in v.expect);
    const good = '{"type":"conversation.item.delete","item_id":"x"}';
    const goodServer = '{"type":"input_audio_buffer.cleared","event_id":"e1","x":1}';
    for (let round = 0; round < 20; round += 1) {
      for (const v of bad) {
        expect(check(v.input).ok).toBe(false);
        expect(canonicalize(good)).toBe('{"type":"conversation.item.delete","item_id":"x"}');
      }
      for (const v of badServer) {
        expect(codec.checkServerEvent(v.input).ok).toBe(false);
        expect(codec.canonicalizeServerEvent(goodServer)).toBe('{"type":"input_audio_buffer.cleared","event_id":"e1"}');
        expect(canonicalize(good)).toBe('{"type":"conversation.item.delete","item_id":"x"}');
      }
      expect(errorOf(() => decode('x'.repeat(100), { maxInputBytes: 10 })).code).toBe('too_large');
      expect(errorOf(() => encode({ type: 'session.update', session: { temperature: Number.NaN } })).code).toBe('invalid_value');
    }
    expect(decode(good)).toEqual({ type: 'conversation.item.delete', item_id: 'x' });
  });

  it('the error is a real, inspectable Error, one class under three names', () => {
    const error = errorOf(() => decode('{"type":"session.update",\n"session":{"turn_detection":{"type":"server_vad"}}}'));
    expect(error.name).toBe('RealtimeCodecError');
    expect(error).toBeInstanceOf(codec.ClientEventError);
    expect(error).toBeInstanceOf(codec.ServerEventError);
    expect(codec.ClientEventError).toBe(codec.RealtimeCodecError);
    expect(codec.ServerEventError).toBe(codec.RealtimeCodecError);
    expect(error.message).toBe('missing field `threshold` at /session/turn_detection/threshold (line 2, column 29) [missing_field]');
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.stack).toContain('RealtimeCodecError');
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      code: 'missing_field',
      reason: 'missing field `threshold`',
      path: '/session/turn_detection/threshold',
      line: 2,
      column: 29,
    });
    expect(codec.isClientEventError(error)).toBe(true);
    expect(codec.isClientEventError(new Error('x'))).toBe(false);
    // One from an older bundled copy, which named it ClientEventError, is recognised too.
    const old = Object.assign(new Error('x'), { name: 'ClientEventError', code: 'syntax' });
    expect(codec.isRealtimeCodecError(old)).toBe(true);
  });

  it('lists the 29 server event types; a bare {type, event_id} is valid only for input_audio_buffer.cleared', () => {
    expect(codec.SERVER_EVENT_TYPES).toHaveLength(29);
    expect(new Set(codec.SERVER_EVENT_TYPES).size).toBe(29);
    expect(codec.SERVER_EVENT_TYPES.filter((t) => (EVENT_TYPES as readonly string[]).includes(t))).toEqual([]);
    for (const type of codec.SERVER_EVENT_TYPES) {
      // Every server event requires event_id (a String in the crate).
      const r = codec.checkServerEvent(`{"type":"${type}"}`);
      expect(r.ok ? 'ok' : [r.error.code, r.error.path], type).toEqual(['missing_field', '/event_id']);
      const bare = codec.checkServerEvent(`{"type":"${type}","event_id":"e"}`);
      expect(bare.ok ? 'ok' : bare.error.code, type).toBe(type === 'input_audio_buffer.cleared' ? 'ok' : 'missing_field');
    }
  });

  it('server errors are the same class, with positions; the safe and check forms do not throw', () => {
    const error = errorOf(() => codec.decodeServerEvent('{"type":"input_audio_buffer.committed",\n"event_id":"e","previous_item_id":null,"item_id":"i"}'));
    expect(error).toBeInstanceOf(codec.ServerEventError);
    expect(error.name).toBe('RealtimeCodecError');
    expect([error.code, error.path, error.line]).toEqual(['invalid_type', '/previous_item_id', 2]);
    expect(error.message).toMatch(/^invalid type: null, expected a string at \/previous_item_id \(line 2, column \d+\) \[invalid_type\]$/);
    const r = codec.safeDecodeServerEvent('{"type":"response.cancel"}');
    expect(r.ok ? 'ok' : [r.error.code, r.error.path]).toEqual(['unknown_event_type', '/type']);
    if (!r.ok) expect(r.error.expectedValues).toEqual(codec.SERVER_EVENT_TYPES);
    const e = codec.safeEncodeServerEvent({ type: 'response.cancel' } as never);
    expect(e.ok ? 'ok' : [e.error.code, e.error.line, e.error.column]).toEqual(['unknown_event_type', 0, 0]);
    expect(() => codec.checkServerEvent(42 as never)).toThrow(TypeError);
    expect(() => codec.safeDecodeServerEvent(null as never)).toThrow(TypeError);
  });

  it('lists the nine event types', () => {
    expect(EVENT_TYPES).toHaveLength(9);
    // A bare {"type"} is valid exactly for the events without required members.
    const bare = EVENT_TYPES.filter((type) => check(`{"type":"${type}"}`).ok);
    expect(bare).toEqual(['input_audio_buffer.commit', 'input_audio_buffer.clear', 'response.create', 'response.cancel']);
    for (const type of EVENT_TYPES.filter((t) => !bare.includes(t))) {
      const r = check(`{"type":"${type}"}`);
      expect(r.ok ? 'ok' : r.error.code).toBe('missing_field');
    }
  });
});

describe('the GA entry (realtime-codec/ga)', () => {
  it('exports the same names as the beta entry, each of the same kind', () => {
    const kinds = (m: object) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, typeof v]));
    const beta = kinds(codec);
    const ga = kinds(gaCodec);
    // The same API; the lists of names (enums) differ where the protocols do.
    const functions = (k: Record<string, string>) => Object.keys(k).filter((n) => k[n] === 'function').sort();
    expect(functions(ga)).toEqual(functions(beta));
    for (const name of ['EVENT_TYPES', 'SERVER_EVENT_TYPES', 'VOICES', 'DEFAULT_MAX_INPUT_BYTES', 'MAX_DEPTH']) expect(ga[name], name).toBe(beta[name]);
    expect(gaCodec.EVENT_TYPES).toHaveLength(11);
    expect(gaCodec.SERVER_EVENT_TYPES).toHaveLength(43);
  });

  for (const direction of ['client', 'server'] as const) {
    it(`encode${direction === 'server' ? 'ServerEvent' : ''} returns the canonical text of every valid GA ${direction} vector, from its decoded object`, () => {
      const [read, write] = direction === 'client' ? [gaCodec.decode, gaCodec.encode as (e: unknown) => string] : [gaCodec.decodeServerEvent, gaCodec.encodeServerEvent as (e: unknown) => string];
      let n = 0;
      for (const v of loadVectors(direction, 'ga')) {
        if (!('canonical' in v.expect)) continue;
        const canonical = v.expect.canonical;
        // f32 overflow (the crate writes null), -0 (JSON.stringify writes 0), integers beyond 2^53: as for beta.
        if (/"(reset_seconds|retention_ratio|threshold|speed|temperature)":null/.test(canonical) || canonical.includes('-0.0') || /\d{16}/.test(canonical)) continue;
        expect(write(read(v.input)), v.name).toBe(canonical);
        expect(write(JSON.parse(v.input)), v.name).toBe(canonical);
        n += 1;
      }
      expect(n).toBeGreaterThan(direction === 'client' ? 15 : 35);
    });
  }
});

// The Node entries leave the fast paths and diff in a chunk beside them (dist/fast.cjs,
// dist/ga/fast.cjs; scripts/lib/build.mjs, lazyChunk), required on the first call that needs it.
describe('Node entries: the fast-path chunk', () => {
  it.each(['dist/node.mjs', 'dist/node.cjs', 'dist/ga/node.mjs', 'dist/ga/node.cjs'])('%s loads it on the first call, not at import, and only its own', (entry) => {
    const file = join(root, entry);
    const child = [
      '(async () => {',
      `  const file = ${JSON.stringify(file)};`,
      "  const m = file.endsWith('.cjs') ? require(file) : await import(require('node:url').pathToFileURL(file).href);",
      `  const chunks = () => Object.keys(require.cache).filter((k) => k.endsWith('fast.cjs')).map((k) => require('node:path').relative(${JSON.stringify(root)}, k));`,
      '  const atImport = chunks();',
      `  const event = m.decode(${JSON.stringify('{"type":"input_audio_buffer.clear","event_id":"e1"}')});`,
      "  const text = m.encode({ type: 'response.cancel', event_id: 'e2' });",
      `  const diff = m.diff(${JSON.stringify('{"type":"input_audio_buffer.clear","x":1}')});`,
      '  console.log(JSON.stringify({ atImport, after: chunks(), event, text, diff }));',
      '})();',
    ].join('\n');
    const out = JSON.parse(execFileSync(process.execPath, ['-e', child], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(out).toEqual({
      atImport: [],
      after: [join(dirname(entry), 'fast.cjs')],
      event: { type: 'input_audio_buffer.clear', event_id: 'e1' },
      text: '{"type":"response.cancel","event_id":"e2"}',
      diff: { canonical: '{"type":"input_audio_buffer.clear"}', differences: [{ kind: 'dropped', path: '/x', value: '1' }] },
    });
  });

  it('holds no copy of the error class, and the entries none of its code', () => {
    for (const dir of ['dist', 'dist/ga']) {
      expect(readFileSync(join(root, dir, 'fast.cjs'), 'utf8')).not.toMatch(/class _?RealtimeCodecError\b/);
      for (const entry of ['node.mjs', 'node.cjs']) expect(readFileSync(join(root, dir, entry), 'utf8')).not.toMatch(/function (compileFastDecoder|compileFastEncoder)\b/);
    }
  });
});
