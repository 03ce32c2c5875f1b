// The browser build in real Chromium, in a page and in a dedicated worker: the whole corpus must
// agree with native Rust (the recorded expectations) exactly as the Node build does.
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser/harness.js';
import { loadVectors } from './helpers.js';

const vectors = loadVectors();
const { codecPage } = useChromium();

/** JSON with object keys sorted, to compare results whatever order their keys were built in. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

function expectAgreement(results: unknown[], where: string) {
  expect(results).toHaveLength(vectors.length);
  const wrong: string[] = [];
  vectors.forEach((v, i) => {
    const got = results[i];
    const want = 'canonical' in v.expect ? { canonical: v.expect.canonical } : { error: v.expect.error };
    if (stable(got) !== stable(want)) wrong.push(`${v.file}/${v.name}: ${JSON.stringify(got)}`);
  });
  expect(wrong, where).toEqual([]);
  console.log(`vectors (${where}): ${vectors.length} cases agree with native Rust`);
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
    expect(result.before).toMatchObject({ name: 'ClientEventError', code: 'not_initialized' });
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

  it('agrees with native Rust on every vector, in a page', async () => {
    const page = await codecPage();
    const results = await page.evaluate(async (inputs) => {
      // (No import() here: vitest would rewrite it. The page exposes the helper.)
      const { codec, outcome } = window as unknown as { codec: typeof import('../dist/browser.mjs'); outcome: (run: () => string) => unknown };
      await codec.init();
      return inputs.map((input: string) => outcome(() => codec.canonicalize(input)));
    }, vectors.map((v) => v.input));
    expectAgreement(results, 'wasm, Chromium page');
    await page.close();
  });

  it('agrees with native Rust on every vector, in a dedicated worker', async () => {
    const page = await codecPage();
    const { results, initMs } = await page.evaluate(
      (inputs) => (window as unknown as { runInWorker: (i: string[]) => Promise<{ results: unknown[]; initMs: number }> }).runInWorker(inputs),
      vectors.map((v) => v.input),
    );
    expectAgreement(results, 'wasm, Chromium worker');
    console.log(`cold init() in a worker: ${initMs.toFixed(1)} ms`);
    await page.close();
  });
});
