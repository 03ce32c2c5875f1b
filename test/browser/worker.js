// A dedicated module worker: init() the browser build (both modules, from beside the entry), then
// run every input it is sent through one direction's canonicalize, decode and check
// (test/browser/corpus.js).
import * as codec from '/dist/browser.mjs';
import { runCorpus } from '/test/browser/corpus.js';

self.onmessage = async (event) => {
  const { inputs, direction } = event.data;
  const started = performance.now();
  await codec.init();
  const initMs = performance.now() - started;
  self.postMessage({
    initMs,
    ready: { client: codec.isInitialized(), server: codec.isServerInitialized() },
    results: runCorpus(codec, inputs, direction),
  });
};
