#!/usr/bin/env node
// Writes the two bundled session logs, recorded-style, both directions in the order they crossed
// the socket, each shaped as its service sends it (with the members the crate does not know, such
// as `object` and usage details). One spoken question, a tool call, the tool's answer and a spoken
// reply: over 200 events, mostly audio and transcript deltas, as in real traffic.
//   examples/beta-session.jsonl  the beta protocol (crate 0.29.5): one line the crate refuses
//   examples/ga-session.jsonl    the GA protocol (crate 0.31.2), then a switch to push-to-talk:
//                                the lines the crate refuses are planted and listed (PLANTED_GA)
// Deterministic (a fixed seed), so the files are reproducible. Every GA line's outcome is checked
// through the GA entry (dist/ga/node.mjs: build first): each line is valid but the planted ones,
// which the crate refuses with exactly their code and path.
//   node scripts/make-session.mjs            # rewrite both
//   node scripts/make-session.mjs --check    # exit 1 if a committed file differs
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';


const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// A small deterministic PRNG (mulberry32), so that audio and ids are the same on every run.
let seed = 0;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Base64 of `bytes` pseudo-random bytes (PCM16 at 24 kHz: 1,200 bytes is 25 ms). */
/** @param {number} bytes */
const audio = (bytes) => {
  let s = '';
  for (let i = 0; i < Math.ceil(bytes / 3) * 4; i++) s += B64[Math.floor(random() * 64)];
  return s;
};
let counter = 0;
/** @param {string} prefix */
const id = (prefix) => `${prefix}_${(++counter).toString(36).padStart(6, '0')}${Math.floor(random() * 1e9).toString(36)}`;

/** @type {Record<string, unknown>[]} */
let events = [];
/** Starts a log: the same seed and ids for each, so that each file is reproducible by itself. */
const begin = () => {
  seed = 0x5eed;
  counter = 0;
  events = [];
};
/** @param {Record<string, unknown>} e */
const client = (e) => events.push(e);
/** @param {Record<string, unknown>} e */
const server = (e) => events.push({ event_id: id('event'), ...e });

/** The one tool of both sessions. */
const tools = [
  {
    type: 'function',
    name: 'get_weather',
    description: 'Current weather for a city.',
    parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } }, required: ['city'] },
  },
];

/**
 * The spoken answer's stream: 120 audio deltas, a transcript delta every fourth, the rest of the
 * transcript after them. Returns the transcript.
 * @param {Record<string, unknown>} part where the deltas go (response, item, indexes)
 * @param {string} audioType the audio delta's type, @param {string} transcriptType the transcript delta's
 */
function speak(part, audioType, transcriptType) {
  const words = "It's 3 degrees Celsius and overcast in Oslo right now, with a light wind of about 4 meters per second. You might want a warm jacket if you're heading out.".split(/(?=\s)/);
  let w = 0;
  for (let chunk = 0; chunk < 120; chunk++) {
    server({ type: audioType, ...part, delta: audio(800 + Math.floor(random() * 800)) });
    if (chunk % 4 === 0 && w < words.length) server({ type: transcriptType, ...part, delta: words[w++] });
  }
  while (w < words.length) server({ type: transcriptType, ...part, delta: words[w++] });
  return words.join('');
}

function betaSession() {
  begin();
  const sessionConfig = {
    modalities: ['text', 'audio'],
    instructions: 'You are a helpful, concise voice assistant.',
    voice: 'alloy',
    input_audio_format: 'pcm16',
    output_audio_format: 'pcm16',
    input_audio_transcription: { model: 'whisper-1' },
    turn_detection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 500, create_response: true },
    tools,
    tool_choice: 'auto',
    temperature: 0.8,
    max_response_output_tokens: 'inf',
  };
  /** @param {Record<string, unknown>} config */
  const sessionResource = (config) => ({
    id: 'sess_001',
    object: 'realtime.session',
    model: 'gpt-4o-realtime-preview-2024-12-17',
    ...config,
  });

  // Connect: the service greets with session.created; the client configures the session.
  server({ type: 'session.created', session: sessionResource({ modalities: ['text', 'audio'], voice: 'alloy', input_audio_format: 'pcm16', output_audio_format: 'pcm16', tools: [], tool_choice: 'auto', temperature: 0.8, max_response_output_tokens: 'inf' }) });
  client({ type: 'session.update', event_id: 'client_evt_1', session: sessionConfig });
  server({ type: 'session.updated', session: sessionResource(sessionConfig) });

  // The user speaks: 25 ms appends (the log is kept small); the service's VAD marks speech.
  const userItem = id('item');
  for (let i = 0; i < 8; i++) client({ type: 'input_audio_buffer.append', audio: audio(1200) });
  server({ type: 'input_audio_buffer.speech_started', audio_start_ms: 620, item_id: userItem });
  for (let i = 0; i < 24; i++) client({ type: 'input_audio_buffer.append', audio: audio(1200) });
  server({ type: 'input_audio_buffer.speech_stopped', audio_end_ms: 3140, item_id: userItem });
  // The first item of a conversation has no previous item: the service sends null, which the crate's
  // input_audio_buffer.committed (previous_item_id: String) refuses. Kept on purpose, the log's one
  // invalid line: scripts/examples.sh expects exactly it (line 38) from `realtime-codec session`.
  server({ type: 'input_audio_buffer.committed', previous_item_id: null, item_id: userItem });
  server({
    type: 'conversation.item.created',
    previous_item_id: null,
    item: { id: userItem, object: 'realtime.item', type: 'message', status: 'completed', role: 'user', content: [{ type: 'input_audio', transcript: null }] },
  });
  const question = ['What', "'s", ' the', ' weather', ' in', ' Oslo', ' right', ' now', '?'];
  for (const delta of question) server({ type: 'conversation.item.input_audio_transcription.delta', item_id: userItem, content_index: 0, delta });
  server({ type: 'conversation.item.input_audio_transcription.completed', item_id: userItem, content_index: 0, transcript: question.join('') });

  // First response: a function call.
  /** @param {number} input @param {number} output */
  const usage = (input, output) => ({
    total_tokens: input + output,
    input_tokens: input,
    output_tokens: output,
    input_token_details: { text_tokens: Math.floor(input / 3), audio_tokens: input - Math.floor(input / 3), cached_tokens: 0 },
    output_token_details: { text_tokens: output, audio_tokens: 0 },
  });
  const r1 = id('resp');
  const callItem = id('item');
  server({ type: 'response.created', response: { id: r1, object: 'realtime.response', status: 'in_progress', status_details: null, output: [], usage: null } });
  server({ type: 'rate_limits.updated', rate_limits: [{ name: 'requests', limit: 5000, remaining: 4999, reset_seconds: 0.012 }, { name: 'tokens', limit: 40000, remaining: 39312, reset_seconds: 1.032 }] });
  const call = { id: callItem, object: 'realtime.item', type: 'function_call', status: 'in_progress', name: 'get_weather', call_id: 'call_abc123', arguments: '' };
  server({ type: 'response.output_item.added', response_id: r1, output_index: 0, item: call });
  const args = ['{"', 'city', '":"', 'Oslo', '","', 'unit', '":"', 'c', '"}'];
  for (const delta of args) server({ type: 'response.function_call_arguments.delta', response_id: r1, item_id: callItem, output_index: 0, call_id: 'call_abc123', delta });
  server({ type: 'response.function_call_arguments.done', response_id: r1, item_id: callItem, output_index: 0, call_id: 'call_abc123', arguments: args.join('') });
  const doneCall = { ...call, status: 'completed', arguments: args.join('') };
  server({ type: 'response.output_item.done', response_id: r1, output_index: 0, item: doneCall });
  server({ type: 'response.done', response: { id: r1, object: 'realtime.response', status: 'completed', status_details: null, output: [doneCall], usage: usage(512, 24) } });

  // The client runs the tool and asks for the spoken answer.
  client({ type: 'conversation.item.create', event_id: 'client_evt_2', item: { type: 'function_call_output', call_id: 'call_abc123', output: JSON.stringify({ temp_c: 3, sky: 'overcast', wind_ms: 4.2 }) } });
  const outputItem = id('item');
  server({ type: 'conversation.item.created', previous_item_id: callItem, item: { id: outputItem, object: 'realtime.item', type: 'function_call_output', call_id: 'call_abc123', output: JSON.stringify({ temp_c: 3, sky: 'overcast', wind_ms: 4.2 }) } });
  client({ type: 'response.create', event_id: 'client_evt_3' });

  // Second response: audio with its transcript, interleaved as the service streams them.
  const r2 = id('resp');
  const answerItem = id('item');
  server({ type: 'response.created', response: { id: r2, object: 'realtime.response', status: 'in_progress', status_details: null, output: [], usage: null } });
  const message = { id: answerItem, object: 'realtime.item', type: 'message', status: 'in_progress', role: 'assistant', content: [] };
  server({ type: 'response.output_item.added', response_id: r2, output_index: 0, item: message });
  server({ type: 'conversation.item.created', previous_item_id: outputItem, item: message });
  server({ type: 'response.content_part.added', response_id: r2, item_id: answerItem, output_index: 0, content_index: 0, part: { type: 'audio', transcript: '' } });
  const part = { response_id: r2, item_id: answerItem, output_index: 0, content_index: 0 };
  const spoken = speak(part, 'response.audio.delta', 'response.audio_transcript.delta');
  server({ type: 'response.audio.done', ...part });
  server({ type: 'response.audio_transcript.done', ...part, transcript: spoken });
  server({ type: 'response.content_part.done', ...part, part: { type: 'audio', transcript: spoken } });
  const doneMessage = { ...message, status: 'completed', content: [{ type: 'audio', transcript: spoken }] };
  server({ type: 'response.output_item.done', response_id: r2, output_index: 0, item: doneMessage });
  server({ type: 'response.done', response: { id: r2, object: 'realtime.response', status: 'completed', status_details: null, output: [doneMessage], usage: usage(640, 310) } });
  server({ type: 'rate_limits.updated', rate_limits: [{ name: 'requests', limit: 5000, remaining: 4998, reset_seconds: 0.024 }, { name: 'tokens', limit: 40000, remaining: 38402, reset_seconds: 2.402 }] });
  return events;
}

/**
 * The lines of the GA log that the crate refuses, on purpose: each is what the GA service sends
 * (or what its API reference tells a client to send), and each is a known difference between the
 * crate's types and the service. scripts/examples.sh expects exactly these from
 * `realtime-codec session --protocol ga`. Filled by {@link gaSession}: line, direction, type, code, path.
 * @type {{ line: number, direction: string, type: string, code: string, path: string }[]}
 */
const PLANTED_GA = [];
/** @param {'client' | 'server'} direction @param {Record<string, unknown>} e @param {string} code @param {string} path */
const planted = (direction, e, code, path) => {
  (direction === 'client' ? client : server)(e);
  PLANTED_GA.push({ line: events.length, direction, type: /** @type {string} */ (e.type), code, path });
};

function gaSession() {
  begin();
  const format = { type: 'audio/pcm', rate: 24000 };
  const vad = { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 500, idle_timeout_ms: null, create_response: true, interrupt_response: true };
  const output = { format, voice: 'marin', speed: 1.0 };
  /** @param {Record<string, unknown>} input @param {Record<string, unknown>} rest */
  const sessionResource = (input, rest) => ({
    type: 'realtime',
    object: 'realtime.session',
    id: 'sess_001',
    model: 'gpt-realtime',
    output_modalities: ['audio'],
    instructions: '',
    tools: [],
    tool_choice: 'auto',
    max_output_tokens: 'inf',
    tracing: null,
    truncation: 'auto',
    prompt: null,
    include: null,
    expires_at: 1764712800,
    ...rest,
    audio: { input: { format, transcription: null, noise_reduction: null, ...input }, output },
  });

  // Connect: the service greets with session.created; the client configures the session.
  server({ type: 'session.created', session: sessionResource({ turn_detection: { ...vad, silence_duration_ms: 200 } }, {}) });
  const instructions = 'You are a helpful, concise voice assistant.';
  const transcription = { model: 'gpt-4o-transcribe', language: 'en' };
  client({
    type: 'session.update',
    event_id: 'client_evt_1',
    session: { type: 'realtime', instructions, output_modalities: ['audio'], audio: { input: { format, transcription, turn_detection: vad }, output }, tools, tool_choice: 'auto' },
  });
  server({ type: 'session.updated', session: sessionResource({ transcription: { ...transcription, prompt: '' }, turn_detection: vad }, { instructions, tools }) });

  // The user speaks: 25 ms appends (the log is kept small); the service's VAD marks speech.
  const userItem = id('item');
  for (let i = 0; i < 8; i++) client({ type: 'input_audio_buffer.append', audio: audio(1200) });
  server({ type: 'input_audio_buffer.speech_started', audio_start_ms: 620, item_id: userItem });
  for (let i = 0; i < 24; i++) client({ type: 'input_audio_buffer.append', audio: audio(1200) });
  server({ type: 'input_audio_buffer.speech_stopped', audio_end_ms: 3140, item_id: userItem });
  // GA's input_audio_buffer.committed takes the null previous_item_id of a first item (beta's refused it).
  server({ type: 'input_audio_buffer.committed', previous_item_id: null, item_id: userItem });
  // The service adds the user's audio item before its transcript exists: `transcript: null`, which
  // the crate's input_audio content part (transcript: String) refuses. Planted 1 of 4.
  const userMessage = { id: userItem, object: 'realtime.item', type: 'message', status: 'completed', role: 'user' };
  planted('server', { type: 'conversation.item.added', previous_item_id: null, item: { ...userMessage, content: [{ type: 'input_audio', transcript: null }] } }, 'invalid_type', '/item/content/0/transcript');
  const question = ['What', "'s", ' the', ' weather', ' in', ' Oslo', ' right', ' now', '?'];
  for (const delta of question) server({ type: 'conversation.item.input_audio_transcription.delta', item_id: userItem, content_index: 0, delta });
  const transcriptUsage = { type: 'tokens', total_tokens: 31, input_tokens: 22, output_tokens: 9, input_token_details: { text_tokens: 0, audio_tokens: 22 } };
  server({ type: 'conversation.item.input_audio_transcription.completed', item_id: userItem, content_index: 0, transcript: question.join(''), usage: transcriptUsage });
  // Done, with its transcript, still without the audio (the service does not echo it), which the
  // crate's content part requires. Planted 2 of 4.
  planted('server', { type: 'conversation.item.done', previous_item_id: null, item: { ...userMessage, content: [{ type: 'input_audio', transcript: question.join('') }] } }, 'missing_field', '/item/content/0/audio');

  /** @param {number} input @param {number} output */
  const usage = (input, output) => ({
    total_tokens: input + output,
    input_tokens: input,
    output_tokens: output,
    input_token_details: { text_tokens: Math.floor(input / 3), audio_tokens: input - Math.floor(input / 3), image_tokens: 0, cached_tokens: 0, cached_token_details: { text_tokens: 0, audio_tokens: 0, image_tokens: 0 } },
    output_token_details: { text_tokens: output, audio_tokens: 0 },
  });
  /** @param {string} rid @param {string} status @param {unknown[]} out @param {unknown} use */
  const response = (rid, status, out, use) => ({
    id: rid,
    object: 'realtime.response',
    status,
    status_details: null,
    output: out,
    conversation_id: 'conv_001',
    output_modalities: ['audio'],
    max_output_tokens: 'inf',
    audio: { output: { format, voice: 'marin' } },
    usage: use,
    metadata: null,
  });

  // First response: a function call.
  const r1 = id('resp');
  const callItem = id('item');
  server({ type: 'response.created', response: response(r1, 'in_progress', [], null) });
  server({ type: 'rate_limits.updated', rate_limits: [{ name: 'requests', limit: 5000, remaining: 4999, reset_seconds: 0.012 }, { name: 'tokens', limit: 40000, remaining: 39312, reset_seconds: 1.032 }] });
  const call = { id: callItem, object: 'realtime.item', type: 'function_call', status: 'in_progress', name: 'get_weather', call_id: 'call_abc123', arguments: '' };
  server({ type: 'response.output_item.added', response_id: r1, output_index: 0, item: call });
  server({ type: 'conversation.item.added', previous_item_id: userItem, item: call });
  const args = ['{"', 'city', '":"', 'Oslo', '","', 'unit', '":"', 'c', '"}'];
  for (const delta of args) server({ type: 'response.function_call_arguments.delta', response_id: r1, item_id: callItem, output_index: 0, call_id: 'call_abc123', delta });
  server({ type: 'response.function_call_arguments.done', response_id: r1, item_id: callItem, output_index: 0, call_id: 'call_abc123', arguments: args.join('') });
  const doneCall = { ...call, status: 'completed', arguments: args.join('') };
  server({ type: 'conversation.item.done', previous_item_id: userItem, item: doneCall });
  server({ type: 'response.output_item.done', response_id: r1, output_index: 0, item: doneCall });
  server({ type: 'response.done', response: response(r1, 'completed', [doneCall], usage(512, 24)) });

  // The client runs the tool and asks for the spoken answer.
  const result = JSON.stringify({ temp_c: 3, sky: 'overcast', wind_ms: 4.2 });
  client({ type: 'conversation.item.create', event_id: 'client_evt_2', item: { type: 'function_call_output', call_id: 'call_abc123', output: result, status: 'completed' } });
  const outputItem = id('item');
  const toolOutput = { id: outputItem, object: 'realtime.item', type: 'function_call_output', status: 'completed', call_id: 'call_abc123', output: result };
  server({ type: 'conversation.item.added', previous_item_id: callItem, item: toolOutput });
  server({ type: 'conversation.item.done', previous_item_id: callItem, item: toolOutput });
  client({ type: 'response.create', event_id: 'client_evt_3' });

  // Second response: audio with its transcript, interleaved as the service streams them.
  const r2 = id('resp');
  const answerItem = id('item');
  server({ type: 'response.created', response: response(r2, 'in_progress', [], null) });
  const message = { id: answerItem, object: 'realtime.item', type: 'message', status: 'in_progress', role: 'assistant', content: [] };
  server({ type: 'response.output_item.added', response_id: r2, output_index: 0, item: message });
  server({ type: 'conversation.item.added', previous_item_id: outputItem, item: message });
  server({ type: 'response.content_part.added', response_id: r2, item_id: answerItem, output_index: 0, content_index: 0, part: { type: 'audio', transcript: '' } });
  const part = { response_id: r2, item_id: answerItem, output_index: 0, content_index: 0 };
  const spoken = speak(part, 'response.output_audio.delta', 'response.output_audio_transcript.delta');
  server({ type: 'response.output_audio.done', ...part });
  server({ type: 'response.output_audio_transcript.done', ...part, transcript: spoken });
  server({ type: 'response.content_part.done', ...part, part: { type: 'audio', transcript: spoken } });
  const doneMessage = { ...message, status: 'completed', content: [{ type: 'output_audio', transcript: spoken }] };
  server({ type: 'response.output_item.done', response_id: r2, output_index: 0, item: doneMessage });
  server({ type: 'conversation.item.done', previous_item_id: outputItem, item: doneMessage });
  server({ type: 'response.done', response: response(r2, 'completed', [doneMessage], usage(640, 310)) });
  server({ type: 'rate_limits.updated', rate_limits: [{ name: 'requests', limit: 5000, remaining: 4998, reset_seconds: 0.024 }, { name: 'tokens', limit: 40000, remaining: 38402, reset_seconds: 2.402 }] });

  // The user switches to push-to-talk: the API reference turns VAD off with `turn_detection: null`,
  // which the crate's turn_detection (a RealtimeTurnDetection, not an Option) refuses, in the client's update (planted 3
  // of 4) and in the service's answer (planted 4 of 4).
  const pushToTalk = { format, transcription, turn_detection: null };
  planted('client', { type: 'session.update', event_id: 'client_evt_4', session: { type: 'realtime', audio: { input: pushToTalk } } }, 'invalid_type', '/session/audio/input/turn_detection');
  planted('server', { type: 'session.updated', session: sessionResource({ transcription: { ...transcription, prompt: '' }, turn_detection: null }, { instructions, tools }) }, 'invalid_type', '/session/audio/input/turn_detection');
  // The next question, committed by the client.
  const nextItem = id('item');
  for (let i = 0; i < 4; i++) client({ type: 'input_audio_buffer.append', audio: audio(1200) });
  client({ type: 'input_audio_buffer.commit', event_id: 'client_evt_5' });
  server({ type: 'input_audio_buffer.committed', previous_item_id: answerItem, item_id: nextItem });
  return events;
}

/**
 * Each GA line through the GA entry, as `realtime-codec session` reads it (by its type's
 * direction): valid, but the planted lines, refused with exactly their code and path.
 * @param {Record<string, unknown>[]} log
 */
async function checkGa(log) {
  const entry = join(root, 'dist/ga/node.mjs');
  if (!existsSync(entry)) {
    console.error('dist/ga/node.mjs is missing: run scripts/build-all.sh first (the GA log is checked through it)');
    process.exit(1);
  }
  const ga = await import(pathToFileURL(entry).href);
  const clientTypes = new Set(ga.EVENT_TYPES);
  const problems = [];
  for (const [i, event] of log.entries()) {
    const line = i + 1;
    const bytes = new TextEncoder().encode(JSON.stringify(event));
    const result = clientTypes.has(event.type) ? ga.check(bytes) : ga.checkServerEvent(bytes);
    const plant = PLANTED_GA.find((p) => p.line === line);
    if (plant === undefined && !result.ok) problems.push(`line ${line} (${event.type}): refused, ${result.error.code} at ${result.error.path}: ${result.error.reason}`);
    if (plant !== undefined && (result.ok || result.error.code !== plant.code || result.error.path !== plant.path)) {
      problems.push(`line ${line} (${event.type}): planted ${plant.code} at ${plant.path}, got ${result.ok ? 'valid' : `${result.error.code} at ${result.error.path}`}`);
    }
  }
  if (problems.length > 0) {
    console.error(`examples/ga-session.jsonl: the GA entry does not read the log as planned:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`    examples/ga-session.jsonl: through the GA entry, every line valid but the ${PLANTED_GA.length} planted: ${PLANTED_GA.map((p) => p.line).join(', ')}`);
}

if (process.argv.includes('--planted')) {
  // For scripts/examples.sh: the planted refusals, one a line, as `realtime-codec session --json` reports them.
  gaSession();
  for (const p of PLANTED_GA) console.log(p.line, p.direction, p.type, p.code, p.path);
  process.exit(0);
}

/** Writes (or with --check compares) one log. @param {string} name @param {Record<string, unknown>[]} log */
function emit(name, log) {
  const file = join(root, 'examples', name);
  const text = `${log.map((e) => JSON.stringify(e)).join('\n')}\n`;
  if (process.argv.includes('--check')) {
    if (readFileSync(file, 'utf8') !== text) {
      console.error(`examples/${name} differs from what scripts/make-session.mjs writes`);
      process.exit(1);
    }
    console.log(`    examples/${name}: up to date (${log.length} events)`);
  } else {
    writeFileSync(file, text);
    console.log(`    examples/${name}: ${log.length} events`);
  }
}

emit('beta-session.jsonl', betaSession());
const ga = gaSession();
await checkGa(ga);
emit('ga-session.jsonl', ga);
