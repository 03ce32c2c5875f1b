// The hostile input catalogue: what a peer, a relay or a buggy client may throw at the codec.
// Plain JS, run by test/hostile.test.ts through the Node build and, in Chromium, the browser build,
// of each protocol: `cases` for the beta entry (realtime-codec), `gaCases` for the GA entry
// (realtime-codec/ga), the same catalogue written in each protocol's events (catalogue(words)).
// Each case builds its input at run time, calls the codec, and states the outcome it must give:
// a RealtimeCodecError code (and path), or `ok` for a documented success. After every case the
// runner checks that the next ordinary call of each direction (client and server module) still
// works. Cases named `server: ` go through the server functions (decodeServerEvent, ...), or hand
// one direction's event to the other's functions.

const MiB = 1024 * 1024;
const bytes = (...parts) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)));
const cancel = (extra = '') => `{"type":"response.cancel"${extra}}`;
/** An ordinary call, made after every case: it must still work. */
export const ordinary = { input: '{"item_id":"x","type":"conversation.item.delete"}', canonical: '{"type":"conversation.item.delete","item_id":"x"}' };
/** The ordinary server call made after every case, through the server module. */
export const ordinaryServer = { input: '{"event_id":"e1","type":"input_audio_buffer.cleared","x":1}', canonical: '{"type":"input_audio_buffer.cleared","event_id":"e1"}' };
/**
 * What differs between the protocols' events, for the catalogue. beta: async-openai-wasm 0.29.5;
 * GA: 0.31.2 (a session names its `type`, the deltas are `response.output_*`, no `temperature`).
 */
const BETA_WORDS = {
  audioDelta: 'response.audio.delta',
  textDelta: 'response.text.delta',
  other: 'GA',
  otherAudioDelta: 'response.output_audio.delta',
  otherServerType: 'output_audio_buffer.started',
  session: {},
  modalities: 'modalities',
  f32: { name: 'temperature', path: '/session/temperature', session: (v) => ({ temperature: v }) },
  arrayForm: { input: '["response.cancel","e1"]', canonical: '{"type":"response.cancel","event_id":"e1"}' },
  mapSession: { ok: '{"type":"session.update","session":{}}' },
  mapServerSession: { ok: '{"type":"session.created","event_id":"e","session":{}}' },
};
const GA_WORDS = {
  audioDelta: 'response.output_audio.delta',
  textDelta: 'response.output_text.delta',
  other: 'beta',
  otherAudioDelta: 'response.audio.delta',
  otherServerType: 'response.text.delta',
  session: { type: 'realtime' },
  modalities: 'output_modalities',
  f32: { name: 'retention_ratio', path: '/session/truncation/retention_ratio', session: (v) => ({ truncation: { retention_ratio: v, type: 'retention_ratio' } }) },
  // RealtimeClientEventResponseCancel has two members, so its array form has two elements.
  arrayForm: { input: '["response.cancel","e1","r1"]', canonical: '{"type":"response.cancel","event_id":"e1","response_id":"r1"}' },
  // A Map is written as {}, and a GA session must name its type.
  mapSession: { code: 'missing_field', path: '/session/type' },
  mapServerSession: { code: 'missing_field', path: '/session/type' },
};

/** The catalogue in one protocol's events. */
function catalogue(w) {
  /** A session object's text with these members after the protocol's required ones. */
  const sessionText = (members) => JSON.stringify({ ...w.session, ...members });
  /** A server event (the audio delta, the bulk of what the service sends) with extra members. */
  const delta = (extra = '', audio = 'AAAA') =>
    `{"type":"${w.audioDelta}","event_id":"e","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"${audio}"${extra}}`;
  const cleared = (extra = '') => `{"type":"input_audio_buffer.cleared","event_id":"e1"${extra}}`;
  /** A session.created whose one tool has these parameters (free JSON: serde_json::Value). */
  const serverTool = (parameters) =>
    `{"type":"session.created","event_id":"e","session":${sessionText({ tools: [] }).replace('[]', `[{"type":"function","name":"f","description":"d","parameters":${parameters}}]`)}}`;
  const rateLimit = (resetSeconds) =>
    `{"type":"rate_limits.updated","event_id":"e","rate_limits":[{"name":"requests","limit":1,"remaining":1,"reset_seconds":${resetSeconds}}]}`;
  const textDelta = (fields) => ({ type: w.textDelta, event_id: 'e', response_id: 'r', item_id: 'i', output_index: 0, content_index: 0, delta: 'x', ...fields });
  const tool = (parameters) =>
    `{"type":"session.update","session":${sessionText({ tools: [] }).replace('[]', `[{"type":"function","name":"f","description":"d","parameters":${parameters}}]`)}}`;
  /** A session.update whose f32 member (temperature, or GA's retention_ratio) is written `v`. */
  const f32Text = (v) => `{"type":"session.update","session":${sessionText(w.f32.session('@')).replace('"@"', v)}}`;
  const f32Event = (v) => ({ type: 'session.update', session: { ...w.session, ...w.f32.session(v) } });
  return [
    // --- size and depth
    { name: 'arrays nested 100,000 deep at the top', run: (c) => c.decode('['.repeat(100_000) + ']'.repeat(100_000)), expect: { code: 'too_deep' } },
    { name: 'arrays nested 100,000 deep in a member', run: (c) => c.decode(cancel(',"x":' + '['.repeat(100_000) + ']'.repeat(100_000))), expect: { code: 'too_deep' } },
    { name: 'objects nested 100,000 deep in a member', run: (c) => c.decode(cancel(',"x":' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000))), expect: { code: 'too_deep' } },
    // JSON.parse would build every level (hundreds of MB) where Rust stops at depth 128: decode's
    // JavaScript fast path must not take such a text.
    { name: 'arrays nested 5 million deep in a member (10 MB), decode', run: (c) => c.decode(cancel(',"x":' + '['.repeat(5_000_000) + ']'.repeat(5_000_000))), expect: { code: 'too_deep' } },
    { name: 'arrays nested 5 million deep in a member (10 MB), check', run: (c) => c.check(cancel(',"x":' + '['.repeat(5_000_000) + ']'.repeat(5_000_000))).error.code, expect: { ok: 'too_deep' } },
    { name: 'nesting under a configured maxDepth of 4', run: (c) => c.decode(cancel(',"x":[[[[]]]]'), { maxDepth: 4 }), expect: { code: 'too_deep', path: '/x/0/0/0' } },
    { name: '64 MiB audio string, default limit', run: (c) => c.decode(`{"type":"input_audio_buffer.append","audio":"${'A'.repeat(64 * MiB)}"}`), expect: { code: 'too_large' } },
    {
      name: '64 MiB audio string, limit raised to 80 MiB (documented success)',
      run: (c) => c.decode(`{"type":"input_audio_buffer.append","audio":"${'A'.repeat(64 * MiB)}"}`, { maxInputBytes: 80 * MiB }).type,
      expect: { ok: 'input_audio_buffer.append' },
    },
    { name: '100 MB of text, over the limit before any parsing', run: (c) => c.decode('x'.repeat(100_000_000)), expect: { code: 'too_large' } },
    { name: '100 MB of bytes, over the limit before any parsing', run: (c) => c.decode(new Uint8Array(100_000_000)), expect: { code: 'too_large' } },

    // --- text encoding
    { name: 'lone high surrogate in a string', run: (c) => c.decode(cancel(',"event_id":"a\uD800b"')), expect: { code: 'invalid_unicode', path: '/event_id' } },
    { name: 'lone low surrogate in a string', run: (c) => c.decode(cancel(',"event_id":"\uDC00"')), expect: { code: 'invalid_unicode', path: '/event_id' } },
    { name: 'swapped surrogates in a string', run: (c) => c.decode(cancel(',"event_id":"\uDC00\uD800"')), expect: { code: 'invalid_unicode', path: '/event_id' } },
    { name: 'escaped lone surrogate', run: (c) => c.decode(cancel(',"event_id":"\\ud800"')), expect: { code: 'invalid_unicode', path: '/event_id' } },
    { name: 'lone surrogate in a key', run: (c) => c.decode('{"type":"response.cancel","\uD800":1}'), expect: { code: 'invalid_unicode' } },
    { name: 'encode with a lone surrogate', run: (c) => c.encode({ type: 'response.cancel', event_id: '\uD83D' }), expect: { code: 'invalid_unicode', path: '/event_id' } },
    { name: 'invalid UTF-8 byte 0xFF in a string', run: (c) => c.decode(bytes('{"type":"response.cancel","event_id":"a', [0xff], '"}')), expect: { code: 'invalid_unicode', path: '/event_id' } },
    { name: 'overlong UTF-8 (C0 AF) in a string', run: (c) => c.decode(bytes('{"type":"response.cancel","event_id":"', [0xc0, 0xaf], '"}')), expect: { code: 'invalid_unicode', path: '/event_id' } },
    { name: 'truncated UTF-8 sequence in a string', run: (c) => c.decode(bytes('{"type":"response.cancel","event_id":"', [0xe2, 0x82], '"}')), expect: { code: 'invalid_unicode', path: '/event_id' } },
    { name: 'UTF-8 encoded surrogate (ED A0 80) in a string', run: (c) => c.decode(bytes('{"type":"response.cancel","event_id":"', [0xed, 0xa0, 0x80], '"}')), expect: { code: 'invalid_unicode', path: '/event_id' } },
    { name: 'invalid UTF-8 outside a string', run: (c) => c.decode(bytes('{"type":"response.cancel"', [0xff], '}')), expect: { code: 'syntax' } },
    { name: 'BOM before the event', run: (c) => c.decode('\uFEFF' + cancel()), expect: { code: 'syntax' } },
    { name: 'BOM bytes before the event', run: (c) => c.decode(bytes([0xef, 0xbb, 0xbf], cancel())), expect: { code: 'syntax' } },
    { name: 'NUL byte after the event', run: (c) => c.decode(cancel() + '\u0000'), expect: { code: 'syntax' } },
    { name: 'trailing data after the event', run: (c) => c.decode(cancel() + ' {"type":"response.cancel"}'), expect: { code: 'syntax' } },

    // --- numbers
    { name: '1e400', run: (c) => c.decode(f32Text('1e400')), expect: { code: 'out_of_range', path: w.f32.path } },
    { name: `-0 ${w.f32.name} (documented success: kept as -0.0)`, run: (c) => c.canonicalize(f32Text('-0')), expect: { ok: f32Text('-0.0') } },
    { name: '4294967296 for a u32', run: (c) => c.decode('{"type":"conversation.item.truncate","item_id":"i","content_index":4294967296,"audio_end_ms":0}'), expect: { code: 'out_of_range', path: '/content_index' } },
    { name: 'integer beyond 2^53 in parameters, decode', run: (c) => c.decode(tool('{"n":9007199254740993}')), expect: { code: 'out_of_range', path: '/session/tools/0/parameters/n' } },
    { name: 'integer beyond 2^53 in parameters, canonicalize keeps it exactly', run: (c) => c.canonicalize(tool('{"n":9007199254740993}')).includes('9007199254740993'), expect: { ok: true } },
    { name: 'encode NaN', run: (c) => c.encode(f32Event(NaN)), expect: { code: 'invalid_value', path: w.f32.path } },
    { name: 'encode -Infinity', run: (c) => c.encode(f32Event(-Infinity)), expect: { code: 'invalid_value', path: w.f32.path } },
    { name: 'encode BigInt', run: (c) => c.encode({ type: 'conversation.item.truncate', item_id: 'i', content_index: 1n, audio_end_ms: 0 }), expect: { code: 'invalid_type', path: '/content_index' } },

    // --- keys
    { name: 'duplicate keys', run: (c) => c.decode(cancel(',"event_id":"a","event_id":"b"')), expect: { code: 'duplicate_field', path: '/event_id' } },
    {
      name: '__proto__, constructor and prototype keys: dropped, nothing polluted',
      run: (c) => {
        const event = c.decode('{"type":"response.cancel","__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"prototype":{"polluted":1}}');
        return [JSON.stringify(event), {}.polluted, Object.prototype.polluted];
      },
      expect: { ok: ['{"type":"response.cancel"}', undefined, undefined] },
    },
    {
      name: '__proto__ inside parameters stays an own data property',
      run: (c) => {
        const event = c.decode(tool('{"__proto__":{"polluted":1},"constructor":1}'));
        const parameters = event.session.tools[0].parameters;
        return [Object.getPrototypeOf(parameters) === Object.prototype, Object.keys(parameters).sort(), {}.polluted];
      },
      expect: { ok: [true, ['__proto__', 'constructor'], undefined] },
    },
    {
      name: 'encode an object with an own __proto__ key (from JSON.parse)',
      run: (c) => c.encode(JSON.parse('{"type":"response.cancel","__proto__":{"event_id":"x"}}')),
      expect: { ok: '{"type":"response.cancel"}' },
    },

    // --- what encode is handed
    { name: 'encode undefined', run: (c) => c.encode(undefined), expect: { code: 'invalid_type' } },
    { name: 'encode a function', run: (c) => c.encode(() => 1), expect: { code: 'invalid_type' } },
    { name: 'encode a function member', run: (c) => c.encode({ type: 'response.cancel', event_id: () => 'x' }), expect: { code: 'invalid_type', path: '/event_id' } },
    { name: 'encode a symbol member', run: (c) => c.encode({ type: 'response.cancel', event_id: Symbol('x') }), expect: { code: 'invalid_type', path: '/event_id' } },
    { name: 'encode undefined in an array', run: (c) => c.encode({ type: 'session.update', session: { ...w.session, [w.modalities]: [undefined] } }), expect: { code: 'invalid_type', path: `/session/${w.modalities}/0` } },
    {
      name: 'encode a cycle',
      run: (c) => {
        const event = { type: 'session.update', session: { ...w.session } };
        event.session.self = event;
        return c.encode(event);
      },
      expect: { code: 'invalid_value' },
    },
    {
      name: 'encode a class instance (documented success: own enumerable fields)',
      run: (c) => {
        class Cancel {
          type = 'response.cancel';
          event_id = 'k';
          hidden() {}
        }
        return c.encode(new Cancel());
      },
      expect: { ok: '{"type":"response.cancel","event_id":"k"}' },
    },
    {
      name: 'encode with a getter (documented success: its value is read once)',
      run: (c) => c.encode({ get type() { return 'input_audio_buffer.clear'; } }),
      expect: { ok: '{"type":"input_audio_buffer.clear"}' },
    },
    {
      name: 'encode with a throwing getter',
      run: (c) => c.encode({ type: 'response.cancel', get event_id() { throw new Error('boom'); } }),
      expect: { code: 'invalid_value' },
    },
    {
      name: 'encode with a toJSON that returns a different event (documented: JSON semantics)',
      run: (c) => c.encode({ type: 'nope', toJSON: () => ({ type: 'response.cancel' }) }),
      expect: { ok: '{"type":"response.cancel"}' },
    },
    { name: 'encode a Map as the session', run: (c) => c.encode({ type: 'session.update', session: new Map([['voice', 'ash']]) }), expect: w.mapSession },

    // --- shapes
    { name: 'type is a number', run: (c) => c.decode('{"type":5}'), expect: { code: 'invalid_type', path: '/type' } },
    { name: 'type is null', run: (c) => c.decode('{"type":null}'), expect: { code: 'invalid_type', path: '/type' } },
    { name: 'type is an array', run: (c) => c.decode('{"type":["response.cancel"]}'), expect: { code: 'invalid_type', path: '/type' } },
    { name: 'type is an object', run: (c) => c.decode('{"type":{"response.cancel":null}}'), expect: { code: 'invalid_type', path: '/type' } },
    { name: 'top-level number', run: (c) => c.decode('1'), expect: { code: 'invalid_type', path: '' } },
    { name: 'top-level string', run: (c) => c.decode('"response.cancel"'), expect: { code: 'invalid_type', path: '' } },
    { name: 'top-level true', run: (c) => c.decode('true'), expect: { code: 'invalid_type', path: '' } },
    { name: 'top-level null', run: (c) => c.decode('null'), expect: { code: 'invalid_type', path: '' } },
    { name: 'top-level empty array', run: (c) => c.decode('[]'), expect: { code: 'missing_field', path: '/0' } },
    { name: 'top-level array of numbers', run: (c) => c.decode('[1,2]'), expect: { code: 'invalid_type', path: '/0' } },
    { name: 'array-form event (documented success: serde reads [type, fields...])', run: (c) => c.canonicalize(w.arrayForm.input), expect: { ok: w.arrayForm.canonical } },
    { name: 'empty input', run: (c) => c.decode(''), expect: { code: 'syntax' } },
    { name: 'input that is not a string or bytes', run: (c) => c.decode(42), expect: { thrown: 'TypeError' } },

    // --- server events: size and depth
    { name: 'server: arrays nested 100,000 deep at the top', run: (c) => c.decodeServerEvent('['.repeat(100_000) + ']'.repeat(100_000)), expect: { code: 'too_deep' } },
    { name: 'server: arrays nested 100,000 deep in a member', run: (c) => c.decodeServerEvent(delta(',"x":' + '['.repeat(100_000) + ']'.repeat(100_000))), expect: { code: 'too_deep' } },
    { name: 'server: objects nested 100,000 deep in a member', run: (c) => c.decodeServerEvent(cleared(',"x":' + '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000))), expect: { code: 'too_deep' } },
    { name: 'server: arrays nested 5 million deep in a member (10 MB), decode', run: (c) => c.decodeServerEvent(delta(',"x":' + '['.repeat(5_000_000) + ']'.repeat(5_000_000))), expect: { code: 'too_deep' } },
    { name: 'server: arrays nested 5 million deep in a member (10 MB), check', run: (c) => c.checkServerEvent(delta(',"x":' + '['.repeat(5_000_000) + ']'.repeat(5_000_000))).error.code, expect: { ok: 'too_deep' } },
    { name: 'server: nesting in tool parameters under a configured maxDepth of 6', run: (c) => c.decodeServerEvent(serverTool('{"a":[[1]]}'), { maxDepth: 6 }), expect: { code: 'too_deep', path: '/session/tools/0/parameters/a/0' } },
    { name: 'server: 64 MiB audio delta, default limit', run: (c) => c.decodeServerEvent(delta('', 'A'.repeat(64 * MiB))), expect: { code: 'too_large' } },
    {
      name: 'server: 64 MiB audio delta, limit raised to 80 MiB (documented success)',
      run: (c) => c.decodeServerEvent(delta('', 'A'.repeat(64 * MiB)), { maxInputBytes: 80 * MiB }).delta.length,
      expect: { ok: 64 * MiB },
    },
    { name: 'server: 100 MB of text, over the limit before any parsing', run: (c) => c.decodeServerEvent('x'.repeat(100_000_000)), expect: { code: 'too_large' } },
    { name: 'server: 100 MB of bytes, over the limit before any parsing', run: (c) => c.checkServerEvent(new Uint8Array(100_000_000)).error.code, expect: { ok: 'too_large' } },

    // --- server events: text encoding
    { name: 'server: lone high surrogate in a string', run: (c) => c.decodeServerEvent(delta('', 'AA\uD800')), expect: { code: 'invalid_unicode', path: '/delta' } },
    { name: 'server: lone low surrogate in event_id, check', run: (c) => c.checkServerEvent('{"type":"input_audio_buffer.cleared","event_id":"\uDC00"}').error.path, expect: { ok: '/event_id' } },
    { name: 'server: escaped lone surrogate', run: (c) => c.decodeServerEvent(cleared().replace('"e1"', '"\\ud800"')), expect: { code: 'invalid_unicode', path: '/event_id' } },
    { name: 'server: lone surrogate in a key', run: (c) => c.decodeServerEvent(cleared(',"\uD800":1')), expect: { code: 'invalid_unicode' } },
    { name: 'server: encodeServerEvent with a lone surrogate', run: (c) => c.encodeServerEvent(textDelta({ delta: 'a\uD83D' })), expect: { code: 'invalid_unicode', path: '/delta' } },
    { name: 'server: invalid UTF-8 byte 0xFF in a string', run: (c) => c.decodeServerEvent(bytes('{"type":"input_audio_buffer.cleared","event_id":"a', [0xff], '"}')), expect: { code: 'invalid_unicode', path: '/event_id' } },
    { name: 'server: BOM before the event', run: (c) => c.decodeServerEvent('\uFEFF' + cleared()), expect: { code: 'syntax' } },

    // --- server events: numbers
    { name: 'server: 1e400 for an f32 (reset_seconds)', run: (c) => c.decodeServerEvent(rateLimit('1e400')), expect: { code: 'out_of_range', path: '/rate_limits/0/reset_seconds' } },
    { name: 'server: 1e400 in free JSON (tool parameters)', run: (c) => c.decodeServerEvent(serverTool('{"x":1e400}')), expect: { code: 'out_of_range', path: '/session/tools/0/parameters/x' } },
    { name: 'server: 3.4e39 for an f32 (documented: the crate writes null)', run: (c) => c.canonicalizeServerEvent(rateLimit('3.4e39')), expect: { ok: rateLimit('null') } },
    { name: 'server: -0 reset_seconds (documented success: kept as -0.0)', run: (c) => c.canonicalizeServerEvent(rateLimit('-0')), expect: { ok: rateLimit('-0.0') } },
    { name: 'server: -0 reset_seconds decodes to -0', run: (c) => Object.is(c.decodeServerEvent(rateLimit('-0')).rate_limits[0].reset_seconds, -0), expect: { ok: true } },
    { name: 'server: 4294967296 for a u32', run: (c) => c.decodeServerEvent('{"type":"conversation.item.truncated","event_id":"e","item_id":"i","content_index":4294967296,"audio_end_ms":0}'), expect: { code: 'out_of_range', path: '/content_index' } },
    { name: 'server: integer beyond 2^53 in free JSON, decode', run: (c) => c.decodeServerEvent(serverTool('{"n":9007199254740993}')), expect: { code: 'out_of_range', path: '/session/tools/0/parameters/n' } },
    { name: 'server: integer beyond 2^53 in free JSON, safeDecode', run: (c) => c.safeDecodeServerEvent(serverTool('{"n":[-9007199254740993]}')).error.path, expect: { ok: '/session/tools/0/parameters/n/0' } },
    { name: 'server: integer beyond 2^53 in free JSON, canonicalize keeps it exactly', run: (c) => c.canonicalizeServerEvent(serverTool('{"n":9007199254740993}')), expect: { ok: serverTool('{"n":9007199254740993}') } },
    { name: 'server: encodeServerEvent NaN', run: (c) => c.encodeServerEvent({ ...JSON.parse(rateLimit('0')), rate_limits: [{ name: 'requests', limit: 1, remaining: 1, reset_seconds: NaN }] }), expect: { code: 'invalid_value', path: '/rate_limits/0/reset_seconds' } },
    { name: 'server: encodeServerEvent Infinity', run: (c) => c.encodeServerEvent({ ...JSON.parse(rateLimit('0')), rate_limits: [{ name: 'requests', limit: 1, remaining: 1, reset_seconds: Infinity }] }), expect: { code: 'invalid_value', path: '/rate_limits/0/reset_seconds' } },
    { name: 'server: encodeServerEvent BigInt', run: (c) => c.encodeServerEvent(textDelta({ output_index: 1n })), expect: { code: 'invalid_type', path: '/output_index' } },

    // --- server events: keys
    { name: 'server: duplicate keys', run: (c) => c.decodeServerEvent(cleared(',"event_id":"b"')), expect: { code: 'duplicate_field', path: '/event_id' } },
    { name: 'server: duplicate keys, check', run: (c) => c.checkServerEvent(delta(',"delta":"BBBB"')).error.code, expect: { ok: 'duplicate_field' } },
    { name: 'server: duplicate type key', run: (c) => c.decodeServerEvent('{"type":"input_audio_buffer.cleared","type":"input_audio_buffer.cleared","event_id":"e1"}'), expect: { code: 'duplicate_field' } },
    {
      name: 'server: __proto__, constructor and prototype keys: dropped, nothing polluted',
      run: (c) => {
        const event = c.decodeServerEvent(cleared(',"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"prototype":{"polluted":1}'));
        return [JSON.stringify(event), Object.getPrototypeOf(event) === Object.prototype, {}.polluted, Object.prototype.polluted];
      },
      expect: { ok: ['{"type":"input_audio_buffer.cleared","event_id":"e1"}', true, undefined, undefined] },
    },
    {
      name: 'server: __proto__ inside tool parameters stays an own data property',
      run: (c) => {
        const event = c.decodeServerEvent(serverTool('{"__proto__":{"polluted":1},"constructor":1}'));
        const parameters = event.session.tools[0].parameters;
        return [Object.getPrototypeOf(parameters) === Object.prototype, Object.keys(parameters).sort(), parameters.polluted, {}.polluted];
      },
      expect: { ok: [true, ['__proto__', 'constructor'], undefined, undefined] },
    },
    {
      name: 'server: encodeServerEvent with an own __proto__ key (from JSON.parse)',
      run: (c) => c.encodeServerEvent(JSON.parse(cleared(',"__proto__":{"event_id":"x"}'))),
      expect: { ok: '{"type":"input_audio_buffer.cleared","event_id":"e1"}' },
    },

    // --- server events: the type member, and the other direction's events
    { name: 'server: type is a number', run: (c) => c.decodeServerEvent('{"type":5,"event_id":"e"}'), expect: { code: 'invalid_type', path: '/type' } },
    { name: 'server: type is null', run: (c) => c.checkServerEvent('{"type":null}').error.path, expect: { ok: '/type' } },
    { name: 'server: type is an array', run: (c) => c.decodeServerEvent('{"type":["error"]}'), expect: { code: 'invalid_type', path: '/type' } },
    { name: 'server: type is an object', run: (c) => c.decodeServerEvent('{"type":{"error":null}}'), expect: { code: 'invalid_type', path: '/type' } },
    { name: 'server: type missing', run: (c) => c.decodeServerEvent('{"event_id":"e"}'), expect: { code: 'missing_field', path: '/type' } },
    { name: `server: unknown type (a ${w.other} name)`, run: (c) => c.decodeServerEvent(`{"type":"${w.otherAudioDelta}","event_id":"e"}`), expect: { code: 'unknown_event_type', path: '/type' } },
    { name: 'server: unknown type, check', run: (c) => c.checkServerEvent(`{"type":"${w.otherServerType}","event_id":"e"}`).error.code, expect: { ok: 'unknown_event_type' } },
    { name: 'server: a client event given to decodeServerEvent', run: (c) => c.decodeServerEvent('{"type":"response.cancel"}'), expect: { code: 'unknown_event_type', path: '/type' } },
    { name: 'server: a client event given to checkServerEvent', run: (c) => c.checkServerEvent('{"type":"session.update","session":{}}').error.code, expect: { ok: 'unknown_event_type' } },
    { name: 'server: a client event given to encodeServerEvent', run: (c) => c.encodeServerEvent({ type: 'input_audio_buffer.commit' }), expect: { code: 'unknown_event_type', path: '/type' } },
    { name: 'server: a server event given to decode (client)', run: (c) => c.decode(cleared()), expect: { code: 'unknown_event_type', path: '/type' } },
    { name: 'server: a server event given to check (client)', run: (c) => c.check(delta()).error.code, expect: { ok: 'unknown_event_type' } },
    { name: 'server: a server event given to encode (client)', run: (c) => c.encode(textDelta({})), expect: { code: 'unknown_event_type', path: '/type' } },
    { name: 'server: top-level null', run: (c) => c.decodeServerEvent('null'), expect: { code: 'invalid_type', path: '' } },
    { name: 'server: top-level empty array', run: (c) => c.decodeServerEvent('[]'), expect: { code: 'missing_field', path: '/0' } },
    { name: 'server: array-form event (documented success: serde reads [type, fields...])', run: (c) => c.canonicalizeServerEvent('["input_audio_buffer.cleared","e1"]'), expect: { ok: '{"type":"input_audio_buffer.cleared","event_id":"e1"}' } },
    { name: 'server: empty input', run: (c) => c.decodeServerEvent(''), expect: { code: 'syntax' } },
    { name: 'server: input that is not a string or bytes', run: (c) => c.checkServerEvent({ type: 'error' }), expect: { thrown: 'TypeError' } },

    // --- what encodeServerEvent is handed
    { name: 'server: encodeServerEvent undefined', run: (c) => c.encodeServerEvent(undefined), expect: { code: 'invalid_type' } },
    { name: 'server: encodeServerEvent a function member', run: (c) => c.encodeServerEvent(textDelta({ delta: () => 'x' })), expect: { code: 'invalid_type', path: '/delta' } },
    { name: 'server: encodeServerEvent a symbol member', run: (c) => c.encodeServerEvent(textDelta({ item_id: Symbol('x') })), expect: { code: 'invalid_type', path: '/item_id' } },
    {
      name: 'server: encodeServerEvent undefined in an array',
      run: (c) => c.encodeServerEvent({ ...JSON.parse(rateLimit('0')), rate_limits: [undefined] }),
      expect: { code: 'invalid_type', path: '/rate_limits/0' },
    },
    {
      name: 'server: encodeServerEvent a cycle',
      run: (c) => {
        const event = textDelta({});
        event.self = event;
        return c.encodeServerEvent(event);
      },
      expect: { code: 'invalid_value' },
    },
    {
      name: 'server: encodeServerEvent a class instance (documented success: own enumerable fields)',
      run: (c) => {
        class Cleared {
          type = 'input_audio_buffer.cleared';
          event_id = 'k';
          hidden() {}
        }
        return c.encodeServerEvent(new Cleared());
      },
      expect: { ok: '{"type":"input_audio_buffer.cleared","event_id":"k"}' },
    },
    {
      name: 'server: encodeServerEvent with getters (documented success: their values are read once)',
      run: (c) => c.encodeServerEvent({ get type() { return 'input_audio_buffer.cleared'; }, get event_id() { return 'g'; } }),
      expect: { ok: '{"type":"input_audio_buffer.cleared","event_id":"g"}' },
    },
    {
      name: 'server: encodeServerEvent with a throwing getter',
      run: (c) => c.encodeServerEvent({ type: 'input_audio_buffer.cleared', get event_id() { throw new Error('boom'); } }),
      expect: { code: 'invalid_value' },
    },
    {
      name: 'server: encodeServerEvent with a toJSON that returns a different event (documented: JSON semantics)',
      run: (c) => c.encodeServerEvent({ type: 'nope', toJSON: () => ({ type: 'input_audio_buffer.cleared', event_id: 't' }) }),
      expect: { ok: '{"type":"input_audio_buffer.cleared","event_id":"t"}' },
    },
    {
      name: 'server: encodeServerEvent a Map as the session (documented: JSON writes a Map as {}; every session member is optional)',
      run: (c) => c.encodeServerEvent({ type: 'session.created', event_id: 'e', session: new Map([['voice', 'ash']]) }),
      expect: w.mapServerSession,
    },
    { name: 'server: safeEncodeServerEvent returns the error', run: (c) => c.safeEncodeServerEvent(textDelta({ content_index: -1 })).error.path, expect: { ok: '/content_index' } },
  ];
}

/** @type {{ name: string, run: (codec: any) => unknown, expect: { code?: string, path?: string, ok?: unknown, thrown?: string } }[]} */
export const cases = catalogue(BETA_WORDS);
/** The same catalogue through the GA entry, in GA events. */
export const gaCases = catalogue(GA_WORDS);

/** Runs one case: `{ ok: value }`, `{ code, path }` for a RealtimeCodecError, or `{ thrown }` for anything else. */
export function outcome(codec, run) {
  try {
    return { ok: run(codec) };
  } catch (error) {
    if (error && error.name === 'RealtimeCodecError') return { code: error.code, path: error.path };
    return { thrown: error && error.name ? error.name : String(error) };
  }
}
