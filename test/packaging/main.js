// A user's page: the package by name, as Vite resolves it for the browser. init() loads both
// modules (Vite emits both .wasm files from the entry's `new URL(..., import.meta.url)`); the
// beta subpath is the same module as the root.
import { init, encode, check, decodeServerEvent, checkServerEvent } from 'realtime-codec';
import * as beta from 'realtime-codec/beta';

const out = document.getElementById('out');
init()
  .then(() => {
    const text = encode({ event_id: 'vite', type: 'response.create' });
    const bad = check('{"type":"session.update","session":{"voice":"sage"}}');
    const server = decodeServerEvent('{"delta":"AAAA","type":"response.audio.delta","event_id":"e","response_id":"r","item_id":"i","output_index":0,"content_index":0,"x":1}');
    const serverBad = checkServerEvent('{"type":"input_audio_buffer.committed","event_id":"e","previous_item_id":null,"item_id":"i"}');
    out.textContent = JSON.stringify({
      text,
      bad: bad.ok ? null : [bad.error.code, bad.error.path],
      server,
      serverBad: serverBad.ok ? null : [serverBad.error.code, serverBad.error.path],
      betaSame: beta.decodeServerEvent === decodeServerEvent && beta.init === init,
    });
  })
  .catch((error) => {
    out.textContent = `failed: ${error.message}`;
  });
