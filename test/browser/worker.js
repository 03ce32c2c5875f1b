// A dedicated module worker: init() the browser build, then run every input it is sent through
// canonicalize, decode and check (test/browser/corpus.js).
import * as codec from '/dist/browser.mjs';
import { runCorpus } from '/test/browser/corpus.js';

self.onmessage = async (event) => {
  const started = performance.now();
  await codec.init();
  const initMs = performance.now() - started;
  self.postMessage({ initMs, results: runCorpus(codec, event.data) });
};
