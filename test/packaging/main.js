// A user's page: the package by name, as Vite resolves it for the browser.
import { init, encode, check } from 'realtime-codec';

const out = document.getElementById('out');
init()
  .then(() => {
    const text = encode({ event_id: 'vite', type: 'response.create' });
    const bad = check('{"type":"session.update","session":{"voice":"sage"}}');
    out.textContent = JSON.stringify({ text, bad: bad.ok ? null : [bad.error.code, bad.error.path] });
  })
  .catch((error) => {
    out.textContent = `failed: ${error.message}`;
  });
