#!/usr/bin/env node
// Writes examples/beta-session.jsonl: a recorded-style log of one beta Realtime session, both
// directions in the order they crossed the socket, shaped as the beta service sent them (with the
// members the crate does not know, such as `object` and usage details). One spoken question, a
// tool call, the tool's answer and a spoken reply: over 200 events, mostly audio and transcript
// deltas, as in real traffic. Deterministic (a fixed seed), so the file is reproducible:
//   node scripts/make-session.mjs            # rewrite
//   node scripts/make-session.mjs --check    # exit 1 if the committed file differs
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'examples/beta-session.jsonl');

// A small deterministic PRNG (mulberry32), so that audio and ids are the same on every run.
let seed = 0x5eed;
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
const events = [];
/** @param {Record<string, unknown>} e */
const client = (e) => events.push(e);
/** @param {Record<string, unknown>} e */
const server = (e) => events.push({ event_id: id('event'), ...e });

const tools = [
  {
    type: 'function',
    name: 'get_weather',
    description: 'Current weather for a city.',
    parameters: { type: 'object', properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } }, required: ['city'] },
  },
];
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
const words = "It's 3 degrees Celsius and overcast in Oslo right now, with a light wind of about 4 meters per second. You might want a warm jacket if you're heading out.".split(/(?=\s)/);
const part = { response_id: r2, item_id: answerItem, output_index: 0, content_index: 0 };
let w = 0;
for (let chunk = 0; chunk < 120; chunk++) {
  server({ type: 'response.audio.delta', ...part, delta: audio(800 + Math.floor(random() * 800)) });
  if (chunk % 4 === 0 && w < words.length) server({ type: 'response.audio_transcript.delta', ...part, delta: words[w++] });
}
while (w < words.length) server({ type: 'response.audio_transcript.delta', ...part, delta: words[w++] });
server({ type: 'response.audio.done', ...part });
server({ type: 'response.audio_transcript.done', ...part, transcript: words.join('') });
server({ type: 'response.content_part.done', ...part, part: { type: 'audio', transcript: words.join('') } });
const doneMessage = { ...message, status: 'completed', content: [{ type: 'audio', transcript: words.join('') }] };
server({ type: 'response.output_item.done', response_id: r2, output_index: 0, item: doneMessage });
server({ type: 'response.done', response: { id: r2, object: 'realtime.response', status: 'completed', status_details: null, output: [doneMessage], usage: usage(640, 310) } });
server({ type: 'rate_limits.updated', rate_limits: [{ name: 'requests', limit: 5000, remaining: 4998, reset_seconds: 0.024 }, { name: 'tokens', limit: 40000, remaining: 38402, reset_seconds: 2.402 }] });

const text = `${events.map((e) => JSON.stringify(e)).join('\n')}\n`;
if (process.argv.includes('--check')) {
  const old = readFileSync(out, 'utf8');
  if (old !== text) {
    console.error('examples/beta-session.jsonl differs from what scripts/make-session.mjs writes');
    process.exit(1);
  }
  console.log(`    examples/beta-session.jsonl: up to date (${events.length} events)`);
} else {
  writeFileSync(out, text);
  console.log(`    examples/beta-session.jsonl: ${events.length} events`);
}
