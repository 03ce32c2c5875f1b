// A dedicated module worker: init() one protocol's browser build (`beta`: /dist/browser.mjs, `ga`:
// /dist/ga/browser.mjs; both modules, from beside the entry), then run every input it is sent
// through one direction's canonicalize, decode and check (test/browser/corpus.js).
import * as beta from '/dist/browser.mjs';
import * as ga from '/dist/ga/browser.mjs';
import { runCorpus } from '/test/browser/corpus.js';

self.onmessage = async (event) => {
  const { inputs, direction, protocol = 'beta' } = event.data;
  const codec = protocol === 'ga' ? ga : beta;
  const started = performance.now();
  await codec.init();
  const initMs = performance.now() - started;
  self.postMessage({
    initMs,
    ready: { client: codec.isInitialized(), server: codec.isServerInitialized() },
    other: { client: (protocol === 'ga' ? beta : ga).isInitialized(), server: (protocol === 'ga' ? beta : ga).isServerInitialized() },
    results: runCorpus(codec, inputs, direction),
  });
};
