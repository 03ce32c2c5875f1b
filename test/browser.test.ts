// The browser build in real Chromium, in a page and in a dedicated worker: every corpus vector
// through canonicalize, decode (string and bytes) and check must give what native Rust recorded,
// exactly as the Node build does (test/vectors.test.ts). decode and check answer in JavaScript
// where the fast path (ts/fast.ts) proves the text, so this also holds that path to the crate's
// expectations in Chromium's JSON.parse and number formatting.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser/harness.js';
import { loadVectors, type Vector, type VectorError } from './helpers.js';

// Client vectors only: server vectors run natively until the server wasm module exists (issue 11).
const vectors = loadVectors('client');
const { codecPage } = useChromium();

type Failure = { error: VectorError } | { crash: string };
/** One read path's result as the page or worker reports it (test/browser/corpus.js). */
type Outcome = { value: unknown } | Failure;
interface CorpusResult {
  canonicalize: Outcome;
  decode: Outcome;
  decodeBytes: Outcome;
  check: { ok: true; type: string } | ({ ok: false } & Failure) | { thrown: Failure };
}

/** JSON with object keys sorted, to compare results whatever order their keys were built in. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/** Whether the text has an integer token (not in a string) beyond ±2^53 (as in test/vectors.test.ts). */
function hasUnsafeInteger(text: string): boolean {
  return [...text.matchAll(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)].some(
    ([t]) => /^-?\d+$/.test(t) && !Number.isSafeInteger(Number(t)),
  );
}

/** The same value with the same member order (and -0 kept apart from 0). */
function sameValue(got: unknown, want: unknown): boolean {
  return isDeepStrictEqual(got, want) && JSON.stringify(got) === JSON.stringify(want);
}

/**
 * What is wrong with one vector's results, held against its recorded expectation: a valid
 * vector's canonicalize gives its canonical text, decode gives JSON.parse of that text (same
 * members, same order) and check gives ok with its type; an invalid vector gives the recorded
 * error (code, path, line, column, serde's message, expected values) on every path.
 */
function problems(v: Vector, got: CorpusResult): string[] {
  const wrong: string[] = [];
  const say = (path: keyof CorpusResult, want: unknown) =>
    wrong.push(`${v.file}/${v.name}: ${path} gave ${JSON.stringify(got[path])}, want ${JSON.stringify(want)}`);
  if ('canonical' in v.expect) {
    const canonical = v.expect.canonical;
    if (!('value' in got.canonicalize) || got.canonicalize.value !== canonical) say('canonicalize', { value: canonical });
    const event = JSON.parse(canonical) as { type: string };
    for (const path of ['decode', 'decodeBytes'] as const) {
      const r = got[path];
      if (hasUnsafeInteger(canonical)) {
        // decode refuses what a JS number cannot hold exactly (canonicalize keeps the text).
        if (!('error' in r) || !/cannot be held exactly/.test(r.error.message)) say(path, 'an error: cannot be held exactly');
      } else if (!('value' in r) || !sameValue(r.value, event)) {
        say(path, { value: event });
      }
    }
    if (stable(got.check) !== stable({ ok: true, type: event.type })) say('check', { ok: true, type: event.type });
  } else {
    const want = { error: v.expect.error };
    for (const path of ['canonicalize', 'decode', 'decodeBytes'] as const) {
      if (stable(got[path]) !== stable(want)) say(path, want);
    }
    if (stable(got.check) !== stable({ ok: false, ...want })) say('check', { ok: false, ...want });
  }
  return wrong;
}

function expectAgreement(results: CorpusResult[], where: string) {
  expect(results).toHaveLength(vectors.length);
  const wrong = vectors.flatMap((v, i) => problems(v, results[i]!));
  expect(wrong, where).toEqual([]);
  const valid = vectors.filter((v) => 'canonical' in v.expect).length;
  console.log(
    `vectors (${where}): ${valid} valid + ${vectors.length - valid} invalid cases agree with native Rust ` +
      'through canonicalize, decode (string and bytes) and check',
  );
}

describe('browser build in Chromium', () => {
  it('refuses to work before init(), then inits idempotently; cold init time', async () => {
    const page = await codecPage();
    const result = await page.evaluate(async () => {
      const { codec } = window as unknown as { codec: typeof import('../dist/browser.mjs') };
      let before: { name: string; code: string; message: string } | undefined;
      try {
        codec.encode({ type: 'response.create' });
      } catch (e) {
        const err = e as { name: string; code: string; message: string };
        before = { name: err.name, code: err.code, message: err.message };
      }
      const t0 = performance.now();
      const first = codec.init();
      const second = codec.init();
      await Promise.all([first, second]);
      const initMs = performance.now() - t0;
      await codec.init();
      return { before, initMs, text: codec.encode({ type: 'response.create' }), ready: codec.isInitialized() };
    });
    expect(result.before).toMatchObject({ name: 'RealtimeCodecError', code: 'not_initialized' });
    expect(result.before?.message).toContain('await init()');
    expect(result.text).toBe('{"type":"response.create","response":null}');
    expect(result.ready).toBe(true);
    console.log(`cold init() in Chromium (fetch + compile + instantiate): ${result.initMs.toFixed(1)} ms`);
    await page.close();
  });

  it('is retryable after a failed load', async () => {
    const page = await codecPage();
    const result = await page.evaluate(async () => {
      const { codec } = window as unknown as { codec: typeof import('../dist/browser.mjs') };
      const failures: string[] = [];
      for (const bad of ['/no/such.wasm', '/test/browser/codec.html']) {
        try {
          await codec.init(bad);
        } catch (e) {
          failures.push((e as Error).message);
        }
      }
      await codec.init();
      return { failures, ok: codec.check('{"type":"input_audio_buffer.clear"}').ok };
    });
    expect(result.failures).toHaveLength(2);
    expect(result.failures[0]).toMatch(/could not load the WebAssembly module.*404/);
    expect(result.ok).toBe(true);
    await page.close();
  });

  for (const kind of ['string URL', 'URL', 'Request', 'Response', 'Promise<Response>', 'ArrayBuffer', 'Uint8Array', 'WebAssembly.Module']) {
    it(`init() accepts a ${kind}`, async () => {
      const page = await codecPage();
      const text = await page.evaluate(async (kind) => {
        const { codec } = window as unknown as { codec: typeof import('../dist/browser.mjs') };
        const url = new URL('/dist/realtime_codec_bg.wasm', location.href);
        const bytes = async () => (await fetch(url)).arrayBuffer();
        const sources: Record<string, () => Promise<unknown>> = {
          'string URL': async () => url.href,
          URL: async () => url,
          Request: async () => new Request(url),
          Response: async () => fetch(url),
          'Promise<Response>': async () => ({ promise: fetch(url) }),
          ArrayBuffer: bytes,
          Uint8Array: async () => new Uint8Array(await bytes()),
          'WebAssembly.Module': async () => WebAssembly.compile(await bytes()),
        };
        let source = await sources[kind]!();
        if (source && typeof source === 'object' && 'promise' in source) source = (source as { promise: unknown }).promise;
        await codec.init(source as Parameters<typeof codec.init>[0]);
        return codec.canonicalize('{"item_id":"x","type":"conversation.item.delete"}');
      }, kind);
      expect(text).toBe('{"type":"conversation.item.delete","item_id":"x"}');
      await page.close();
    });
  }

  it('agrees with native Rust on every vector, in a page: canonicalize, decode, check', async () => {
    const page = await codecPage();
    const results = await page.evaluate(async (inputs) => {
      // (No import() here: vitest would rewrite it. The page exposes the runner.)
      const w = window as unknown as { codec: typeof import('../dist/browser.mjs'); runCorpus: (i: string[]) => CorpusResult[] };
      await w.codec.init();
      return w.runCorpus(inputs);
    }, vectors.map((v) => v.input));
    expectAgreement(results, 'wasm and fast path, Chromium page');
    await page.close();
  });

  it('agrees with native Rust on every vector, in a dedicated worker: canonicalize, decode, check', async () => {
    const page = await codecPage();
    const { results, initMs } = await page.evaluate(
      (inputs) => (window as unknown as { runInWorker: (i: string[]) => Promise<{ results: CorpusResult[]; initMs: number }> }).runInWorker(inputs),
      vectors.map((v) => v.input),
    );
    expectAgreement(results, 'wasm and fast path, Chromium worker');
    console.log(`cold init() in a worker: ${initMs.toFixed(1)} ms`);
    await page.close();
  });
});
