// A module worker: the browser build's init() (both modules), then one spoken turn with a tool call
// over a real WebSocket (examples/turn.mjs, the code examples/node-client.mjs runs in Node).
// Posts every event as it goes (for the page's live log) and the turn's counts at the end.
// Started by test/browser/socket.html with { url, pcm } (the socket URL and the PCM16 file's URL).
import * as codec from '/dist/browser.mjs';
import { runTurn } from '/examples/turn.mjs';

/** A short, log-safe detail of a server event: never the audio itself. */
function detail(event) {
  switch (event.type) {
    case 'response.audio.delta':
      return `${Math.floor((event.delta.length * 3) / 4)} bytes of audio`;
    case 'response.audio_transcript.delta':
    case 'conversation.item.input_audio_transcription.delta':
    case 'response.function_call_arguments.delta':
      return JSON.stringify(event.delta);
    case 'response.done':
      return event.response.status;
    default:
      return '';
  }
}

self.onmessage = async ({ data: { url, pcm } }) => {
  try {
    const started = performance.now();
    await codec.init();
    const initMs = performance.now() - started;
    const audio = new Uint8Array(await (await fetch(pcm)).arrayBuffer());
    const socket = new WebSocket(url);
    const stats = await runTurn(codec, socket, audio, {
      onEvent: (event) => self.postMessage({ kind: 'log', dir: 'in', type: event.type, detail: detail(event) }),
      onInvalid: (error) => self.postMessage({ kind: 'log', dir: 'in', type: 'refused by the crate', detail: `${error.code} at ${error.path}` }),
      onSend: (type) => self.postMessage({ kind: 'log', dir: 'out', type, detail: '' }),
      onSummary: (line) => self.postMessage({ kind: 'summary', line }),
    });
    self.postMessage({ kind: 'done', initMs, stats });
  } catch (error) {
    self.postMessage({ kind: 'failed', message: String(error && error.stack ? error.stack : error) });
  }
};
