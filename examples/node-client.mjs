#!/usr/bin/env node
// A Node client for a Realtime (beta) WebSocket, through the codec: connects, decodes every server
// event with decodeServerEvent, sends session.update, the audio of a PCM16 file as
// input_audio_buffer.append events (encodeAudioAppend), a commit and a response.create, answers a
// tool call, and prints one summary line per response (examples/turn.mjs does the work).
//
//   node scripts/make-pcm.mjs                          # target/examples/speech-24k.pcm
//   node test/support/loopback-server.mjs &            # ws://127.0.0.1:8790 (or the relay)
//   node examples/node-client.mjs [--url ws://127.0.0.1:8790] [--pcm file.pcm] [--quiet] [--strict]
//
// Exit status: 0 when the turn ended (server events the crate refuses are listed on stderr and
// counted: the recorded beta session has one, a commit with `"previous_item_id":null`); 1 when
// the turn failed; with --strict, 2 when it ended but the crate refused some server events.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import * as codec from 'realtime-codec';
import { runTurn } from './turn.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const url = arg('--url', 'ws://127.0.0.1:8790');
const pcmFile = arg('--pcm', join(dirname(fileURLToPath(import.meta.url)), '..', 'target/examples/speech-24k.pcm'));
const quiet = args.includes('--quiet');
const strict = args.includes('--strict');

let pcm;
try {
  pcm = readFileSync(pcmFile);
} catch (error) {
  console.error(`cannot read ${pcmFile} (${error.code}): run \`node scripts/make-pcm.mjs\` first, or pass --pcm`);
  process.exit(1);
}

// Headers for a real endpoint (the loopback server and the relay need none).
const headers = process.env.OPENAI_API_KEY ? { Authorization: `Bearer ${process.env.OPENAI_API_KEY}`, 'OpenAI-Beta': 'realtime=v1' } : {};
const socket = new WebSocket(url, { headers });
try {
  const stats = await runTurn(codec, socket, pcm, {
    onSummary: (line) => console.log(line),
    onInvalid: (error) => { if (!quiet) console.error(`server event refused by the crate: ${error.code} at ${JSON.stringify(error.path)}: ${error.message}`); },
  });
  const sent = Object.entries(stats.sent).map(([t, n]) => `${n} ${t}`).join(', ');
  console.log(`server events: ${stats.received} received, ${stats.decoded} decoded, ${stats.invalid.length} refused by the crate; client events sent: ${sent}`);
  process.exitCode = strict && stats.invalid.length ? 2 : 0;
} catch (error) {
  console.error(`turn failed: ${error.message}`);
  process.exitCode = 1;
}
