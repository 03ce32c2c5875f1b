// A user's page that imports only the GA entry: Vite must emit the two GA .wasm files and none
// of the beta ones. init() loads both GA modules.
import { init, encode, check, decodeServerEvent, checkServerEvent, isInitialized, isServerInitialized } from 'realtime-codec/ga';

const out = document.getElementById('out');
init()
  .then(() => {
    const text = encode({ event_id: 'vite', type: 'session.update', session: { type: 'realtime', instructions: 'hi' } });
    const bad = check('{"type":"session.update","session":{"instructions":"hi"}}');
    const server = decodeServerEvent(
      '{"delta":"AAAA","type":"response.output_audio.delta","event_id":"e","response_id":"r","item_id":"i","output_index":0,"content_index":0,"obfuscation":"x"}',
    );
    const serverBad = checkServerEvent('{"type":"response.audio.delta","event_id":"e","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"AAAA"}');
    out.textContent = JSON.stringify({
      text,
      bad: bad.ok ? null : [bad.error.code, bad.error.path],
      server,
      serverBad: serverBad.ok ? null : [serverBad.error.code, serverBad.error.path],
      ready: [isInitialized(), isServerInitialized()],
    });
  })
  .catch((error) => {
    out.textContent = `failed: ${error.message}`;
  });
