// The browser build in real Chromium, in a page and in a dedicated module worker: every corpus
// vector through canonicalize, decode (string and bytes) and check, client vectors through the
// client functions and server vectors (test/vectors/server_*.json) through the server functions,
// must give what native Rust recorded, exactly as the Node build does (test/vectors.test.ts).
// decode and check may answer in JavaScript where a fast path (ts/fast.ts) proves the text, so
// this also holds that path to the crate's expectations in Chromium's JSON.parse and number
// formatting. Then the loading of the two modules: init() loads both, init({ server: false })
// only the client's, init(url) (the legacy form) only the client's; concurrent calls share one
// load; a failed load names its file and can be retried. The same for the GA entry
// (dist/ga/browser.mjs, realtime-codec/ga) over the GA corpus (test/vectors/ga), and a page that
// holds both entries keeps them apart: each loads and uses its own two modules, and a
// RealtimeCodecError of one is an instance of the other's class.
import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { probe, type Probed } from './browser/corpus.js';
import { useChromium } from './browser/harness.js';
import { codec as nodeCodec, DIRECTIONS, gaCodec as nodeGaCodec, hasUnsafeInteger, loadVectors, PROTOCOLS, type Direction, type Protocol, type Vector, type VectorError } from './helpers.js';

const { codecPage } = useChromium();

type Codec = typeof import('../dist/browser.mjs');
type GaCodec = typeof import('../dist/ga/browser.mjs');
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

function expectAgreement(vectors: Vector[], results: CorpusResult[], where: string) {
  expect(results).toHaveLength(vectors.length);
  const wrong = vectors.flatMap((v, i) => problems(v, results[i]!));
  expect(wrong, where).toEqual([]);
  const valid = vectors.filter((v) => 'canonical' in v.expect).length;
  console.log(
    `vectors (${where}): ${valid} valid + ${vectors.length - valid} invalid cases agree with native Rust ` +
      'through canonicalize, decode (string and bytes) and check',
  );
}

/** The .wasm files the page requests from now on (their file names, in order). */
function wasmRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.wasm')) seen.push(path.slice(path.lastIndexOf('/') + 1));
  });
  return seen;
}

const CLIENT_EVENT = '{"item_id":"x","type":"conversation.item.delete"}';
const CLIENT_CANONICAL = '{"type":"conversation.item.delete","item_id":"x"}';
const SERVER_EVENT = '{"event_id":"e1","type":"input_audio_buffer.cleared","x":1}';
const SERVER_CANONICAL = '{"type":"input_audio_buffer.cleared","event_id":"e1"}';

/** What each function of a direction gives in Node (the Node build), the answer a ready browser build must give. */
const working = { client: probe(nodeCodec, 'client'), server: probe(nodeCodec, 'server') };
/** The same for the GA entry's Node build. */
const gaWorking = { client: probe(nodeGaCodec, 'client'), server: probe(nodeGaCodec, 'server') };

/** Whether every function of a probe failed with not_initialized naming `file` (thrown, or returned by a safe* form). */
function notInitialized(probed: Record<string, Probed>, file: string, entry = "'realtime-codec'"): string[] {
  return Object.entries(probed).flatMap(([name, r]) => {
    const error = 'threw' in r ? r.threw : (r.value as { error?: { name?: string; code?: string; message?: string } } | null)?.error;
    const message = error?.message ?? '';
    const ok = error?.name === 'RealtimeCodecError' && error.code === 'not_initialized' && message.includes(file) && message.includes(`init() from ${entry}`);
    return ok ? [] : [`${name}: ${JSON.stringify(r)}`];
  });
}

describe('browser build in Chromium', () => {
  it('refuses to work before init(), then inits idempotently; cold init time', async () => {
    const page = await codecPage();
    const requests = wasmRequests(page);
    const result = await page.evaluate(async () => {
      const w = window as unknown as { codec: Codec; probe: (d: Direction) => Record<string, Probed> };
      const before = { client: w.probe('client'), server: w.probe('server') };
      const ready = [w.codec.isInitialized(), w.codec.isServerInitialized()];
      const t0 = performance.now();
      const first = w.codec.init();
      const second = w.codec.init();
      await Promise.all([first, second]);
      const initMs = performance.now() - t0;
      await w.codec.init();
      return {
        before,
        ready,
        initMs,
        after: { client: w.probe('client'), server: w.probe('server') },
        readyAfter: [w.codec.isInitialized(), w.codec.isServerInitialized()],
        text: w.codec.encode({ type: 'response.create' }),
      };
    });
    expect(notInitialized(result.before.client, 'realtime_codec_bg.wasm')).toEqual([]);
    expect(notInitialized(result.before.server, 'realtime_codec_server_bg.wasm')).toEqual([]);
    expect(result.ready).toEqual([false, false]);
    // init() loads both modules, each once although it was called three times.
    expect(result.readyAfter).toEqual([true, true]);
    expect(result.after).toEqual(working);
    expect(result.text).toBe('{"type":"response.create","response":null}');
    expect(requests.sort()).toEqual(['realtime_codec_bg.wasm', 'realtime_codec_server_bg.wasm']);
    console.log(`cold init() of both modules in Chromium (fetch + compile + instantiate): ${result.initMs.toFixed(1)} ms`);
    await page.close();
  });

  it('init({ server: false }) loads only the client module; init({ server: url }) then loads the server module', async () => {
    const page = await codecPage();
    const requests = wasmRequests(page);
    const result = await page.evaluate(async () => {
      const w = window as unknown as { codec: Codec; probe: (d: Direction) => Record<string, Probed> };
      await w.codec.init({ server: false });
      const clientOnly = { client: w.probe('client'), server: w.probe('server'), ready: [w.codec.isInitialized(), w.codec.isServerInitialized()] };
      await w.codec.init({ client: false, server: new URL('/dist/realtime_codec_server_bg.wasm', location.href).href });
      return { clientOnly, both: { client: w.probe('client'), server: w.probe('server') }, ready: [w.codec.isInitialized(), w.codec.isServerInitialized()] };
    });
    expect(result.clientOnly.ready).toEqual([true, false]);
    expect(result.clientOnly.client).toEqual(working.client);
    expect(notInitialized(result.clientOnly.server, 'realtime_codec_server_bg.wasm')).toEqual([]);
    expect(result.ready).toEqual([true, true]);
    expect(result.both).toEqual(working);
    expect(requests).toEqual(['realtime_codec_bg.wasm', 'realtime_codec_server_bg.wasm']);
    await page.close();
  });

  it('the legacy init(source) loads the client module only', async () => {
    const page = await codecPage();
    const requests = wasmRequests(page);
    const result = await page.evaluate(async () => {
      const w = window as unknown as { codec: Codec; probe: (d: Direction) => Record<string, Probed> };
      await w.codec.init('/dist/realtime_codec_bg.wasm');
      const legacy = { client: w.probe('client'), server: w.probe('server'), ready: [w.codec.isInitialized(), w.codec.isServerInitialized()] };
      await w.codec.init(); // loads what is missing: the server module
      return { legacy, server: w.probe('server') };
    });
    expect(result.legacy.ready).toEqual([true, false]);
    expect(result.legacy.client).toEqual(working.client);
    expect(notInitialized(result.legacy.server, 'realtime_codec_server_bg.wasm')).toEqual([]);
    expect(result.server).toEqual(working.server);
    expect(requests).toEqual(['realtime_codec_bg.wasm', 'realtime_codec_server_bg.wasm']);
    await page.close();
  });

  it('concurrent init calls of every form share one load of each module', async () => {
    const page = await codecPage();
    const requests = wasmRequests(page);
    const result = await page.evaluate(async () => {
      const w = window as unknown as { codec: Codec; probe: (d: Direction) => Record<string, Probed> };
      const calls = [
        w.codec.init(),
        w.codec.init({ server: false }),
        w.codec.init({ client: false }),
        w.codec.init(),
        w.codec.init({}),
      ];
      const settled = await Promise.allSettled(calls);
      return { settled: settled.map((s) => s.status), probed: { client: w.probe('client'), server: w.probe('server') } };
    });
    expect(result.settled).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
    expect(result.probed).toEqual(working);
    expect(requests.sort()).toEqual(['realtime_codec_bg.wasm', 'realtime_codec_server_bg.wasm']);
    await page.close();
  });

  it('a failed server load rejects naming realtime_codec_server_bg.wasm, leaves the client working, and can be retried', async () => {
    const page = await codecPage();
    // The first request for the server module fails (as a missing file or an outage would); the next is served.
    let refused = 0;
    await page.route('**/realtime_codec_server_bg.wasm', async (route) => {
      if (refused === 0) {
        refused += 1;
        await route.fulfill({ status: 503, body: 'unavailable' });
      } else {
        await route.continue();
      }
    });
    const result = await page.evaluate(async () => {
      const w = window as unknown as { codec: Codec; probe: (d: Direction) => Record<string, Probed> };
      const failures: string[] = [];
      try {
        await w.codec.init();
      } catch (e) {
        failures.push((e as Error).message);
      }
      const afterFailure = { client: w.probe('client'), server: w.probe('server'), ready: [w.codec.isInitialized(), w.codec.isServerInitialized()] };
      // A server source that is not a wasm module at all, then the default file again.
      try {
        await w.codec.init({ server: '/test/browser/codec.html' });
      } catch (e) {
        failures.push((e as Error).message);
      }
      await w.codec.init();
      return { failures, afterFailure, retried: { client: w.probe('client'), server: w.probe('server') } };
    });
    expect(refused).toBe(1);
    expect(result.failures).toHaveLength(2);
    expect(result.failures[0]).toMatch(/^realtime-codec: could not load the WebAssembly module realtime_codec_server_bg\.wasm: .*503/);
    expect(result.failures[1]).toMatch(/^realtime-codec: could not load the WebAssembly module realtime_codec_server_bg\.wasm: /);
    expect(result.afterFailure.ready).toEqual([true, false]);
    expect(result.afterFailure.client).toEqual(working.client);
    expect(notInitialized(result.afterFailure.server, 'realtime_codec_server_bg.wasm')).toEqual([]);
    expect(result.retried).toEqual(working);
    await page.close();
  });

  it('when both loads fail, init() rejects once both settled, naming both files; a later init() loads both', async () => {
    const page = await codecPage();
    const result = await page.evaluate(async () => {
      const w = window as unknown as { codec: Codec; probe: (d: Direction) => Record<string, Probed> };
      let message = '';
      try {
        await w.codec.init({ client: '/no/such-client.wasm', server: '/no/such-server.wasm' });
      } catch (e) {
        message = (e as Error).message;
      }
      const ready = [w.codec.isInitialized(), w.codec.isServerInitialized()];
      await w.codec.init();
      return { message, ready, probed: { client: w.probe('client'), server: w.probe('server') } };
    });
    expect(result.message).toMatch(/could not load the WebAssembly module realtime_codec_bg\.wasm: .*404.*; .*could not load the WebAssembly module realtime_codec_server_bg\.wasm: .*404/);
    expect(result.ready).toEqual([false, false]);
    expect(result.probed).toEqual(working);
    await page.close();
  });

  it('is retryable after a failed client load', async () => {
    const page = await codecPage();
    const result = await page.evaluate(async () => {
      const { codec } = window as unknown as { codec: Codec };
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
    expect(result.failures[0]).toMatch(/could not load the WebAssembly module realtime_codec_bg\.wasm.*404/);
    expect(result.failures[1]).toMatch(/could not load the WebAssembly module realtime_codec_bg\.wasm/);
    expect(result.ok).toBe(true);
    await page.close();
  });

  for (const kind of ['string URL', 'URL', 'Request', 'Response', 'Promise<Response>', 'ArrayBuffer', 'Uint8Array', 'WebAssembly.Module']) {
    it(`init() accepts a ${kind}, for either module`, async () => {
      const page = await codecPage();
      const text = await page.evaluate(async (kind) => {
        const { codec } = window as unknown as { codec: Codec };
        const sourceOf = async (file: string) => {
          const url = new URL(`/dist/${file}`, location.href);
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
          const source = await sources[kind]!();
          return (source && typeof source === 'object' && 'promise' in source ? (source as { promise: unknown }).promise : source) as Parameters<typeof codec.init>[0];
        };
        await codec.init(await sourceOf('realtime_codec_bg.wasm'));
        const client = codec.canonicalize('{"item_id":"x","type":"conversation.item.delete"}');
        await codec.init({ client: false, server: (await sourceOf('realtime_codec_server_bg.wasm')) as never });
        return [client, codec.canonicalizeServerEvent('{"event_id":"e1","type":"input_audio_buffer.cleared","x":1}')];
      }, kind);
      expect(text).toEqual([CLIENT_CANONICAL, SERVER_CANONICAL]);
      await page.close();
    });
  }

  for (const protocol of PROTOCOLS) for (const direction of DIRECTIONS) {
    const vectors = loadVectors(direction, protocol);
    const where = protocol === 'beta' ? direction : `GA ${direction}`;

    it(`agrees with native Rust on every ${where} vector, in a page: canonicalize, decode, check`, async () => {
      const page = await codecPage();
      const results = await page.evaluate(
        async ({ inputs, direction, protocol }) => {
          // (No import() here: vitest would rewrite it. The page exposes the runner.)
          const w = window as unknown as { codec: Codec; ga: GaCodec; runCorpus: (i: string[], d: Direction, p: Protocol) => CorpusResult[] };
          await (protocol === 'ga' ? w.ga.init() : w.codec.init());
          return w.runCorpus(inputs, direction, protocol);
        },
        { inputs: vectors.map((v) => v.input), direction, protocol },
      );
      expectAgreement(vectors, results, `${where}, Chromium page`);
      await page.close();
    });

    it(`agrees with native Rust on every ${where} vector, in a dedicated module worker: canonicalize, decode, check`, async () => {
      const page = await codecPage();
      const { results, initMs, ready, other } = await page.evaluate(
        ({ inputs, direction, protocol }) =>
          (
            window as unknown as {
              runInWorker: (
                i: string[],
                d: Direction,
                p: Protocol,
              ) => Promise<{ results: CorpusResult[]; initMs: number; ready: { client: boolean; server: boolean }; other: { client: boolean; server: boolean } }>;
            }
          ).runInWorker(inputs, direction, protocol),
        { inputs: vectors.map((v) => v.input), direction, protocol },
      );
      // init() in the worker loaded both modules of its protocol, and none of the other's.
      expect(ready).toEqual({ client: true, server: true });
      expect(other).toEqual({ client: false, server: false });
      expectAgreement(vectors, results, `${where}, Chromium worker`);
      console.log(`cold init() of both modules in a worker: ${initMs.toFixed(1)} ms`);
      await page.close();
    });
  }
});

describe('GA browser build (realtime-codec/ga) in Chromium', () => {
  const GA_CLIENT = 'realtime_codec_ga_bg.wasm';
  const GA_SERVER = 'realtime_codec_ga_server_bg.wasm';
  const GA_ENTRY = "'realtime-codec/ga'";

  it('refuses to work before init(), naming its files and its entry; init() loads both GA modules, once', async () => {
    const page = await codecPage();
    const requests = wasmRequests(page);
    const result = await page.evaluate(async () => {
      const w = window as unknown as { ga: GaCodec; probe: (d: Direction, p: Protocol) => Record<string, Probed> };
      const before = { client: w.probe('client', 'ga'), server: w.probe('server', 'ga') };
      const ready = [w.ga.isInitialized(), w.ga.isServerInitialized()];
      await Promise.all([w.ga.init(), w.ga.init()]);
      await w.ga.init();
      return {
        before,
        ready,
        after: { client: w.probe('client', 'ga'), server: w.probe('server', 'ga') },
        readyAfter: [w.ga.isInitialized(), w.ga.isServerInitialized()],
        text: w.ga.encode({ type: 'session.update', session: { type: 'realtime' } }),
      };
    });
    expect(notInitialized(result.before.client, GA_CLIENT, GA_ENTRY)).toEqual([]);
    expect(notInitialized(result.before.server, GA_SERVER, GA_ENTRY)).toEqual([]);
    expect(result.ready).toEqual([false, false]);
    expect(result.readyAfter).toEqual([true, true]);
    expect(result.after).toEqual(gaWorking);
    expect(result.text).toBe(nodeGaCodec.encode({ type: 'session.update', session: { type: 'realtime' } }));
    // Only the GA files, each once; the beta entry in the same page loaded nothing.
    expect(requests.sort()).toEqual([GA_CLIENT, GA_SERVER]);
    await page.close();
  });

  it('init({ server: false }) loads only the GA client module; the server functions name its file and entry until init({ server })', async () => {
    const page = await codecPage();
    const requests = wasmRequests(page);
    const result = await page.evaluate(async () => {
      const w = window as unknown as { ga: GaCodec; probe: (d: Direction, p: Protocol) => Record<string, Probed> };
      await w.ga.init({ server: false });
      const clientOnly = { client: w.probe('client', 'ga'), server: w.probe('server', 'ga'), ready: [w.ga.isInitialized(), w.ga.isServerInitialized()] };
      await w.ga.init({ client: false, server: new URL('/dist/ga/realtime_codec_ga_server_bg.wasm', location.href).href });
      return { clientOnly, both: { client: w.probe('client', 'ga'), server: w.probe('server', 'ga') }, ready: [w.ga.isInitialized(), w.ga.isServerInitialized()] };
    });
    expect(result.clientOnly.ready).toEqual([true, false]);
    expect(result.clientOnly.client).toEqual(gaWorking.client);
    expect(notInitialized(result.clientOnly.server, GA_SERVER, GA_ENTRY)).toEqual([]);
    expect(result.ready).toEqual([true, true]);
    expect(result.both).toEqual(gaWorking);
    expect(requests).toEqual([GA_CLIENT, GA_SERVER]);
    await page.close();
  });

  it('a failed GA server load names realtime_codec_ga_server_bg.wasm and can be retried', async () => {
    const page = await codecPage();
    const result = await page.evaluate(async () => {
      const w = window as unknown as { ga: GaCodec; probe: (d: Direction, p: Protocol) => Record<string, Probed> };
      let message = '';
      try {
        await w.ga.init({ server: '/no/such-server.wasm' });
      } catch (e) {
        message = (e as Error).message;
      }
      const ready = [w.ga.isInitialized(), w.ga.isServerInitialized()];
      await w.ga.init();
      return { message, ready, probed: { client: w.probe('client', 'ga'), server: w.probe('server', 'ga') } };
    });
    expect(result.message).toMatch(/^realtime-codec: could not load the WebAssembly module realtime_codec_ga_server_bg\.wasm: .*404/);
    expect(result.ready).toEqual([true, false]);
    expect(result.probed).toEqual(gaWorking);
    await page.close();
  });

  it('a page importing both entries keeps them apart: each its own modules and events, instanceof RealtimeCodecError across them', async () => {
    const page = await codecPage();
    const requests = wasmRequests(page);
    const result = await page.evaluate(async () => {
      const { codec: beta, ga } = window as unknown as { codec: Codec; ga: GaCodec };
      const caught = (run: () => unknown): { code?: string; betaClass: boolean; gaClass: boolean } | 'no error' => {
        try {
          run();
          return 'no error';
        } catch (e) {
          return { code: (e as { code?: string }).code, betaClass: e instanceof beta.RealtimeCodecError, gaClass: e instanceof ga.RealtimeCodecError };
        }
      };
      await beta.init();
      const afterBeta = { beta: [beta.isInitialized(), beta.isServerInitialized()], ga: [ga.isInitialized(), ga.isServerInitialized()] };
      const gaBeforeInit = caught(() => ga.decode('{"type":"response.cancel"}'));
      await ga.init();
      const betaDelta = '{"type":"response.audio.delta","event_id":"e","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"AAAA"}';
      const gaDelta = '{"type":"response.output_audio.delta","event_id":"e","response_id":"r","item_id":"i","output_index":0,"content_index":0,"delta":"AAAA"}';
      return {
        afterBeta,
        gaBeforeInit,
        betaReadsBeta: beta.decodeServerEvent(betaDelta).type,
        gaReadsGa: ga.decodeServerEvent(gaDelta).type,
        gaRefusesBeta: caught(() => ga.decodeServerEvent(betaDelta)),
        betaRefusesGa: caught(() => beta.decodeServerEvent(gaDelta)),
        // beta's session.update needs no session.type; GA's does.
        betaSession: beta.canonicalize('{"type":"session.update","session":{}}'),
        gaSession: caught(() => ga.canonicalize('{"type":"session.update","session":{}}')),
        sameClass: beta.RealtimeCodecError === ga.RealtimeCodecError,
        memory: [beta.wasmMemoryBytes() > 0, ga.wasmMemoryBytes() > 0],
      };
    });
    expect(result.afterBeta).toEqual({ beta: [true, true], ga: [false, false] });
    expect(result.gaBeforeInit).toEqual({ code: 'not_initialized', betaClass: true, gaClass: true });
    expect(result.betaReadsBeta).toBe('response.audio.delta');
    expect(result.gaReadsGa).toBe('response.output_audio.delta');
    expect(result.gaRefusesBeta).toEqual({ code: 'unknown_event_type', betaClass: true, gaClass: true });
    expect(result.betaRefusesGa).toEqual({ code: 'unknown_event_type', betaClass: true, gaClass: true });
    expect(result.betaSession).toBe('{"type":"session.update","session":{}}');
    expect(result.gaSession).toEqual({ code: 'missing_field', betaClass: true, gaClass: true });
    expect(result.memory).toEqual([true, true]);
    console.log(`both entries in one page: RealtimeCodecError is ${result.sameClass ? 'one class' : 'two classes (branded, instanceof holds across)'}`);
    expect(requests.sort()).toEqual(['realtime_codec_bg.wasm', 'realtime_codec_ga_bg.wasm', 'realtime_codec_ga_server_bg.wasm', 'realtime_codec_server_bg.wasm']);
    await page.close();
  });
});

// encode's fast path writes through functions generated with `new Function` where the page
// allows it, and through the interpreter where a Content-Security-Policy refuses eval
// (test/browser/csp.html). Either way, in Chromium, encode must answer as the Node build does:
// the same text, or the same error. Inputs: every client vector of both protocols as an object
// (JSON.parse of its input, in the page: playwright's argument passing stalls on deep nesting),
// and the same with its members in reverse order (which the generated functions hand to the
// interpreter).
describe('encode in Chromium, with and without eval', () => {
  /** An object's members in reverse order, at every depth (also evaluated in the page). */
  const reversed = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(reversed) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reversed(x)])) : v;
  const texts = (protocol: Protocol): string[] =>
    loadVectors('client', protocol).flatMap((v) => {
      try {
        JSON.parse(v.input);
        return [v.input];
      } catch {
        return [];
      }
    });
  type Answer = { ok: true; text: string } | { ok: false; code: string; path: string };
  const answer = (r: { ok: true; text: string } | { ok: false; error: { code: string; path: string } }): Answer =>
    r.ok ? { ok: true, text: r.text } : { ok: false, code: r.error.code, path: r.error.path };
  const inputs = { beta: texts('beta'), ga: texts('ga') };
  const objects = (list: string[]): unknown[] => list.flatMap((t) => [JSON.parse(t) as unknown, reversed(JSON.parse(t))]);
  const expected = {
    beta: objects(inputs.beta).map((e) => answer(nodeCodec.safeEncode(e as never))),
    ga: objects(inputs.ga).map((e) => answer(nodeGaCodec.safeEncode(e as never))),
  };

  for (const [file, refused] of [['codec.html', false], ['csp.html', true]] as const) {
    it(`${file}: eval ${refused ? 'refused' : 'allowed'}, every client vector object encodes as in Node`, async () => {
      const page = await codecPage(file);
      const got = await page.evaluate(async (all) => {
        const w = window as unknown as { codec: Codec; ga: GaCodec };
        await Promise.all([w.codec.init(), w.ga.init()]);
        const evalRefused = (() => {
          try {
            new Function('return 1');
            return false;
          } catch {
            return true;
          }
        })();
        // `reversed` above, again: the page cannot take a function from the test.
        const rev = (v: unknown): unknown =>
          Array.isArray(v) ? v.map(rev) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, rev(x)])) : v;
        const run = (c: Codec | GaCodec, list: string[]) =>
          list.flatMap((t) => [JSON.parse(t) as unknown, rev(JSON.parse(t))]).map((e) => {
            const r = c.safeEncode(e as never);
            return r.ok ? { ok: true, text: r.text } : { ok: false, code: r.error.code, path: r.error.path };
          });
        return { evalRefused, beta: run(w.codec, all.beta), ga: run(w.ga, all.ga) };
      }, inputs);
      expect(got.evalRefused).toBe(refused);
      for (const protocol of PROTOCOLS) {
        const wrong = expected[protocol].flatMap((want, i) => (isDeepStrictEqual(got[protocol][i], want) ? [] : [`case ${i}: ${JSON.stringify(got[protocol][i])}, want ${JSON.stringify(want)}`]));
        expect(wrong, `${protocol} in ${file}`).toEqual([]);
      }
      const encoded = expected.beta.filter((a) => a.ok).length + expected.ga.filter((a) => a.ok).length;
      console.log(`encode in Chromium (${file}, eval ${refused ? 'refused' : 'allowed'}): ${expected.beta.length + expected.ga.length} objects, ${encoded} encoded, as in Node`);
      await page.close();
    });
  }
});
