#!/usr/bin/env node
// @ts-check
// Soak: millions of mixed encode / decode / check calls, valid and invalid interleaved, in both
// directions (client events through the client module, server events through the separately
// loaded server module), through the built Node package. Reports throughput, RSS and wasm memory
// (both modules together) at intervals, then checks that nothing grows after warm-up and that
// throughput holds. With GA (the CLI's default, `ga: true` for soak()), the GA entry
// (dist/ga/node.mjs, its own two modules) takes every other call, over a GA workload; wasm memory
// then counts all four modules.
//
//   node scripts/soak.mjs [CALLS=10000000] [--beta-only] [--json]
//
// Exit status 1 if wasm memory grew after warm-up, RSS grew more than 64 MiB after warm-up, the
// last interval ran at under half the throughput of the first after warm-up, or any call gave an
// unexpected result.
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @typedef {typeof import('../dist/node.mjs')} Codec the built Node package */
/** @typedef {typeof import('../dist/ga/node.mjs')} GaCodec the built Node package's GA entry */
/**
 * One call of the workload and what it must give: canonical text (encode, canonicalize, a valid
 * decode), the event type (a valid check), an error code (an invalid decode or check), or the
 * differences as JSON (diff). The `Server` kinds are the server functions (encodeServerEvent,
 * canonicalizeServerEvent, safeDecodeServerEvent, checkServerEvent, diffServerEvent).
 * @typedef {['encode', import('../dist/node.mjs').ClientEventInput, string]
 *   | ['encodeServer', import('../dist/node.mjs').ServerEventInput, string]
 *   | ['canonicalize' | 'decode' | 'check' | 'diff' | 'canonicalizeServer' | 'decodeServer' | 'checkServer' | 'diffServer', string | Uint8Array, string]} Call
 */
/** @typedef {{ calls: number, perSecond: number, rssMiB: number, wasmKiB: number }} SoakSample */
/** @typedef {{ ok: boolean, wrong: number, wasmGrowthKiB: number, rssGrowthMiB: number, throughputRatio: number, calls: { client: number, server: number, ga: number } }} SoakVerdict */

/**
 * Each valid event through encode, decode and check (the server functions when `server`), with
 * the codec's own text as what they must give back.
 * @param {any} codec
 * @param {any[]} events
 * @param {boolean} server
 * @returns {Call[]}
 */
function validCalls(codec, events, server) {
  return events.flatMap((event) => {
    const text = server ? codec.encodeServerEvent(event) : codec.encode(event);
    /** @type {Call[]} */
    const calls = server
      ? [['encodeServer', event, text], ['decodeServer', text, text], ['checkServer', text, event.type]]
      : [['encode', event, text], ['decode', text, text], ['check', text, event.type]];
    return calls;
  });
}

/**
 * Each invalid text through decode and check, which must give the error code check gives.
 * @param {any} codec
 * @param {string[]} texts
 * @param {boolean} server
 * @returns {Call[]}
 */
function invalidCalls(codec, texts, server) {
  return texts.flatMap((text) => {
    const r = server ? codec.checkServerEvent(text) : codec.check(text);
    if (r.ok) throw new Error(`workload: ${text} is a valid ${server ? 'server' : 'client'} event`);
    /** @type {Call[]} */
    const calls = server ? [['decodeServer', text, r.error.code], ['checkServer', text, r.error.code]] : [['decode', text, r.error.code], ['check', text, r.error.code]];
    return calls;
  });
}

/**
 * Builds the mixed workload.
 * @param {Codec} codec
 * @returns {Call[]}
 */
function workload(codec) {
  const audio20ms = Buffer.alloc(960).toString('base64'); // 20 ms of 24 kHz PCM16
  /** @type {import('../dist/node.mjs').ClientEventInput} */
  const session = {
    type: 'session.update',
    session: {
      instructions: 'Be brief. '.repeat(100),
      voice: 'alloy',
      turn_detection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 500 },
      tools: [{ type: 'function', name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
    },
  };
  /** @type {import('../dist/node.mjs').ClientEventInput[]} */
  const valid = [
    { type: 'input_audio_buffer.append', audio: audio20ms },
    { type: 'input_audio_buffer.append', audio: audio20ms, event_id: 'evt_1' },
    { type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hello there' }] } },
    { type: 'conversation.item.truncate', item_id: 'item_1', content_index: 0, audio_end_ms: 1500 },
    { type: 'response.create' },
    { type: 'response.cancel' },
    session,
  ];
  const invalid = [
    '{"type":"session.update","session":{"voice":"sage"}}',
    '{"type":"conversation.item.truncate","item_id":"i","content_index":-1,"audio_end_ms":0}',
    '{"type":"input_audio_buffer.append"}',
    '{"type":"nope"}',
    '{"type":"response.cancel",}',
    '{"type":"response.cancel","event_id":"\uD800"}',
    '[' .repeat(300),
  ];
  /** @type {Call[]} */
  const work = [];
  // Hard-coded expectations, independent of the codec: non-ASCII text (1 to 4 UTF-8 bytes per
  // character), bytes from a view into a larger buffer, a diff, and a 64 KiB append.
  const accented = '{"type":"response.cancel","event_id":"é中😀\u2028"}';
  work.push(['canonicalize', accented, '{"type":"response.cancel","event_id":"é中😀\u2028"}']);
  work.push(['check', '{"type":"conversation.item.delete","item_id":"ünïcödé"}', 'conversation.item.delete']);
  const backing = new TextEncoder().encode(`xxxxx{"item_id":"i","type":"conversation.item.delete"}yyy`);
  work.push(['canonicalize', backing.subarray(5, backing.length - 3), '{"type":"conversation.item.delete","item_id":"i"}']);
  work.push(['diff', '{"type":"response.cancel","response_id":"r"}', '[{"kind":"dropped","path":"/response_id","value":"\\"r\\""}]']);
  const big = `{"type":"input_audio_buffer.append","audio":"${'A'.repeat(64 * 1024)}"}`;
  work.push(['canonicalize', big, big]);
  work.push(...validCalls(codec, valid, false), ...invalidCalls(codec, invalid, false));
  work.push(...serverWorkload(codec));
  return work;
}

/**
 * The server half: what a client receives, mostly audio deltas, and what a Rust-like server
 * would send (encodeServerEvent). Hard-coded expectations for a few texts, independent of the codec.
 * @param {Codec} codec
 * @returns {Call[]}
 */
function serverWorkload(codec) {
  const audio = Buffer.alloc(4800).toString('base64'); // 100 ms of 24 kHz PCM16
  const ids = { event_id: 'event_1', response_id: 'resp_1', item_id: 'item_1', output_index: 0, content_index: 0 };
  /** @type {import('../dist/node.mjs').ServerEventInput[]} */
  const valid = [
    { type: 'response.audio.delta', ...ids, delta: audio },
    { type: 'response.audio_transcript.delta', ...ids, delta: 'Hello, ' },
    { type: 'response.text.delta', ...ids, delta: 'wörld 😀' },
    { type: 'input_audio_buffer.speech_started', event_id: 'event_2', audio_start_ms: 1000, item_id: 'item_2' },
    { type: 'rate_limits.updated', event_id: 'event_3', rate_limits: [{ name: 'requests', limit: 1000, remaining: 999, reset_seconds: 0.06 }] },
    {
      type: 'response.done',
      event_id: 'event_4',
      response: {
        id: 'resp_1',
        object: 'realtime.response',
        status: 'completed',
        output: [{ id: 'item_1', type: 'message', role: 'assistant', content: [{ type: 'audio', transcript: 'Hello, wörld' }] }],
        usage: { total_tokens: 10, input_tokens: 4, output_tokens: 6 },
      },
    },
    {
      type: 'session.created',
      event_id: 'event_5',
      session: { model: 'gpt-4o-realtime-preview', voice: 'alloy', tools: [{ type: 'function', name: 'f', description: 'd', parameters: { type: 'object', b: 1, a: [1.5, null] } }] },
    },
    { type: 'error', event_id: 'event_6', error: { type: 'invalid_request_error', message: "The 'type' field is missing." } },
  ];
  const invalid = [
    '{"type":"input_audio_buffer.committed","event_id":"e","previous_item_id":null,"item_id":"i"}',
    '{"type":"response.output_audio.delta","event_id":"e"}',
    '{"type":"response.cancel"}',
    '{"type":"response.audio.delta","event_id":"\ud800"}',
    '{"type":"session.created","event_id":"e","session":{"voice":"sage"}}',
    '{"type":"rate_limits.updated","event_id":"e","rate_limits":[{"name":"requests","limit":-1,"remaining":0,"reset_seconds":1}]}',
    '['.repeat(300),
  ];
  /** @type {Call[]} */
  const work = [];
  work.push(['canonicalizeServer', '{"event_id":"e1","type":"input_audio_buffer.cleared","x":1}', '{"type":"input_audio_buffer.cleared","event_id":"e1"}']);
  work.push(['checkServer', new TextEncoder().encode('{"type":"conversation.item.deleted","event_id":"é","item_id":"中"}'), 'conversation.item.deleted']);
  work.push(['diffServer', '{"type":"input_audio_buffer.cleared","event_id":"e1","x":1}', '[{"kind":"dropped","path":"/x","value":"1"}]']);
  const big = `{"type":"response.audio.delta","event_id":"e","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"${'A'.repeat(256 * 1024)}"}`;
  work.push(['decodeServer', big, big]);
  work.push(...validCalls(codec, valid, true));
  // The raw event (unknown members such as `object`, members out of order) reads to the same text.
  for (const event of valid) work.push(['canonicalizeServer', JSON.stringify(event), codec.encodeServerEvent(event)]);
  // Mostly audio deltas, as a session receives them.
  const deltaText = codec.encodeServerEvent(/** @type {import('../dist/node.mjs').ServerEventInput} */ (valid[0]));
  for (let i = 0; i < 8; i += 1) work.push(['decodeServer', deltaText, deltaText]);
  work.push(...invalidCalls(codec, invalid, true));
  return work;
}

/**
 * The GA half (realtime-codec/ga): GA client events, and the GA server events a session
 * receives, mostly output audio deltas with the service's `obfuscation` member (which the crate
 * drops); the beta spellings of the same events are invalid here. Hard-coded expectations for a
 * few texts, independent of the codec.
 * @param {GaCodec} ga
 * @returns {Call[]}
 */
function gaWorkload(ga) {
  const audio = Buffer.alloc(4800).toString('base64');
  const ids = { event_id: 'event_1', response_id: 'resp_1', item_id: 'item_1', output_index: 0, content_index: 0 };
  /** @type {import('../dist/ga/node.mjs').ClientEventInput[]} */
  const client = [
    { type: 'input_audio_buffer.append', audio: Buffer.alloc(960).toString('base64') },
    { type: 'conversation.item.truncate', item_id: 'item_1', content_index: 0, audio_end_ms: 1500 },
    { type: 'conversation.item.retrieve', item_id: 'item_1' },
    { type: 'conversation.item.create', item: { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'Hello there' }] } },
    { type: 'response.create' },
    {
      type: 'session.update',
      session: { type: 'realtime', instructions: 'Be brief. '.repeat(100), output_modalities: ['audio'], tools: [{ type: 'function', name: 'get_weather', description: 'Weather', parameters: { type: 'object' } }] },
    },
  ];
  /** @type {import('../dist/ga/node.mjs').ServerEventInput[]} */
  const server = [
    { type: 'response.output_audio.delta', ...ids, delta: audio },
    { type: 'response.output_audio_transcript.delta', ...ids, delta: 'Hello, ' },
    { type: 'response.output_text.delta', ...ids, delta: 'wörld 😀' },
    { type: 'input_audio_buffer.speech_started', event_id: 'event_2', audio_start_ms: 1000, item_id: 'item_2' },
    { type: 'rate_limits.updated', event_id: 'event_3', rate_limits: [{ name: 'tokens', limit: 1000, remaining: 999, reset_seconds: 0.06 }] },
    { type: 'conversation.item.added', event_id: 'event_4', item: { type: 'message', role: 'assistant', content: [{ type: 'output_text', text: 'hi' }] } },
    { type: 'error', event_id: 'event_5', error: { type: 'invalid_request_error', message: 'The Realtime Beta API is no longer supported.' } },
  ];
  /** @type {Call[]} */
  const work = [
    ['canonicalize', '{"type":"session.update","session":{"type":"realtime","x":1}}', '{"type":"session.update","session":{"type":"realtime"}}'],
    ['checkServer', new TextEncoder().encode('{"type":"output_audio_buffer.started","event_id":"é","response_id":"中"}'), 'output_audio_buffer.started'],
    ...validCalls(ga, client, false),
    ...validCalls(ga, server, true),
    ...invalidCalls(ga, ['{"type":"session.update","session":{}}', '{"type":"session.update","session":{"type":"realtime","output_modalities":"audio"}}', '{"type":"output_audio_buffer.clear",}'], false),
    ...invalidCalls(ga, ['{"type":"response.audio.delta","event_id":"e","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"AAAA"}', '{"type":"response.output_audio.delta","event_id":"e"}', '['.repeat(300)], true),
  ];
  const delta = `${ga.encodeServerEvent(/** @type {import('../dist/ga/node.mjs').ServerEventInput} */ (server[0])).slice(0, -1)},"obfuscation":"Xk2pQ"}`;
  const deltaCanonical = ga.encodeServerEvent(/** @type {import('../dist/ga/node.mjs').ServerEventInput} */ (server[0]));
  for (let i = 0; i < 8; i += 1) work.push(['decodeServer', delta, deltaCanonical]);
  return work;
}

/**
 * Makes one call; whether it gave what it must.
 * @param {Codec} codec
 * @param {Call} work
 * @returns {boolean}
 */
function call(codec, work) {
  if (work[0] === 'encode') return codec.encode(work[1]) === work[2];
  if (work[0] === 'encodeServer') return codec.encodeServerEvent(work[1]) === work[2];
  const [kind, input, expected] = work;
  switch (kind) {
    case 'canonicalizeServer':
      return codec.canonicalizeServerEvent(input) === expected;
    case 'diffServer':
      return JSON.stringify(codec.diffServerEvent(input).differences) === expected;
    case 'decodeServer': {
      const r = codec.safeDecodeServerEvent(input);
      return r.ok ? JSON.stringify(r.event) === JSON.stringify(JSON.parse(expected)) : r.error.code === expected;
    }
    case 'checkServer': {
      const r = codec.checkServerEvent(input);
      return r.ok ? r.type === expected : r.error.code === expected;
    }
    case 'canonicalize':
      return codec.canonicalize(input) === expected;
    case 'diff':
      return JSON.stringify(codec.diff(input).differences) === expected;
    case 'decode': {
      const r = codec.safeDecode(input);
      return r.ok ? JSON.stringify(r.event) === JSON.stringify(JSON.parse(expected)) : r.error.code === expected;
    }
    default: {
      const r = codec.check(input);
      return r.ok ? r.type === expected : r.error.code === expected;
    }
  }
}

/**
 * Runs `calls` calls in `intervals` intervals; returns a sample per interval and a verdict.
 * With `ga`, every other call goes to the GA entry (its workload) and wasmKiB counts its two
 * modules too; without, only the beta entry is used and wasmKiB is its two modules' sum.
 * @param {number} calls
 * @param {{ intervals?: number, log?: (sample: SoakSample) => void, ga?: boolean }} [options]
 * @returns {Promise<{ samples: SoakSample[], largestInputBytes: number, verdict: SoakVerdict }>}
 */
export async function soak(calls, { intervals = 10, log = () => {}, ga = false } = {}) {
  /** @type {Codec} */
  const beta = await import(pathToFileURL(join(root, 'dist/node.mjs')).href);
  /** @type {GaCodec | undefined} */
  const gaCodec = ga ? await import(pathToFileURL(join(root, 'dist/ga/node.mjs')).href) : undefined;
  /** @type {{ codec: any, work: Call[] }[]} */
  const lanes = [{ codec: beta, work: workload(beta) }, ...(gaCodec ? [{ codec: gaCodec, work: gaWorkload(gaCodec) }] : [])];
  const wasmBytes = () => lanes.reduce((sum, lane) => sum + lane.codec.wasmMemoryBytes(), 0);
  const per = Math.max(1, Math.floor(calls / intervals));
  /** @type {SoakSample[]} */
  const samples = [];
  let done = 0;
  let wrong = 0;
  const byDirection = { client: 0, server: 0, ga: 0 };
  while (done < calls) {
    const n = Math.min(per, calls - done);
    const started = performance.now();
    for (let i = 0; i < n; i += 1) {
      const k = done + i;
      const lane = /** @type {{ codec: any, work: Call[] }} */ (lanes[k % lanes.length]);
      const w = /** @type {Call} */ (lane.work[Math.floor(k / lanes.length) % lane.work.length]);
      if (!call(lane.codec, w)) wrong += 1;
      byDirection[w[0].endsWith('Server') ? 'server' : 'client'] += 1;
      if (lane.codec !== beta) byDirection.ga += 1;
    }
    done += n;
    const seconds = (performance.now() - started) / 1000;
    const sample = { calls: done, perSecond: Math.round(n / seconds), rssMiB: process.memoryUsage().rss / 2 ** 20, wasmKiB: wasmBytes() / 1024 };
    samples.push(sample);
    log(sample);
  }
  // Warm-up: the first interval (wasm memory grows to fit the largest input, V8 optimises).
  const warm = samples[Math.min(1, samples.length - 1)];
  const last = samples[samples.length - 1];
  if (!warm || !last) throw new Error('soak: no interval ran (calls must be at least 1)');
  const wasmGrowthKiB = last.wasmKiB - warm.wasmKiB;
  const rssGrowthMiB = last.rssMiB - warm.rssMiB;
  const throughputRatio = last.perSecond / warm.perSecond;
  const ok = wrong === 0 && wasmGrowthKiB === 0 && rssGrowthMiB < 64 && throughputRatio > 0.5;
  // The largest input of the workload, in UTF-8 bytes: wasm memory grows to fit it (memory budgets).
  const largestInputBytes = Math.max(...lanes.flatMap((lane) => lane.work).map((w) => (typeof w[1] === 'string' ? Buffer.byteLength(w[1]) : w[1] instanceof Uint8Array ? w[1].length : Buffer.byteLength(JSON.stringify(w[1]) ?? ''))));
  return { samples, largestInputBytes, verdict: { ok, wrong, wasmGrowthKiB, rssGrowthMiB, throughputRatio, calls: byDirection } };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const calls = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10_000_000);
  const json = process.argv.includes('--json');
  const ga = !process.argv.includes('--beta-only');
  if (!json) console.log(`soak: ${calls} mixed calls (encode/decode/check, valid and invalid, client and server events) through dist/node.mjs${ga ? ' and, every other call, dist/ga/node.mjs' : ''}`);
  const { samples, verdict } = await soak(calls, {
    ga,
    log: (s) => {
      if (!json) console.log(`  ${String(s.calls).padStart(10)} calls  ${String(s.perSecond).padStart(8)}/s  RSS ${s.rssMiB.toFixed(1)} MiB  wasm ${s.wasmKiB} KiB`);
    },
  });
  if (json) console.log(JSON.stringify({ samples, verdict }));
  else console.log(`verdict: ${verdict.ok ? 'ok' : 'FAILED'} (wrong ${verdict.wrong}, ${verdict.calls.client} client + ${verdict.calls.server} server calls (${verdict.calls.ga} of them GA), wasm growth after warm-up ${verdict.wasmGrowthKiB} KiB, RSS growth ${verdict.rssGrowthMiB.toFixed(1)} MiB, last/first throughput ${verdict.throughputRatio.toFixed(2)})`);
  process.exitCode = verdict.ok ? 0 : 1;
}
