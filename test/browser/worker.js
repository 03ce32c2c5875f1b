// A dedicated module worker: init() the browser build, then canonicalize every input it is sent.
import { init, canonicalize } from '/dist/browser.mjs';
import { outcome } from '/test/browser/outcome.js';

self.onmessage = async (event) => {
  const started = performance.now();
  await init();
  const initMs = performance.now() - started;
  self.postMessage({ initMs, results: event.data.map((input) => outcome(() => canonicalize(input))) });
};
