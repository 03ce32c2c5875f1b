// The hostile input catalogue (test/hostile/catalogue.js) through the Node build and, in Chromium,
// the browser build: every case gives its stated outcome, and the next ordinary call of each
// direction (client module and server module) still works. The same catalogue in GA events
// (gaCases) through the GA entry (realtime-codec/ga), in Node and in Chromium, with the same limits.
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser/harness.js';
import { cases, gaCases, ordinary, ordinaryServer, outcome, type HostileCase } from './hostile/catalogue.js';
import { codec, gaCodec } from './helpers.js';

type Outcome = ReturnType<typeof outcome>;

function expectOutcome(got: Outcome, want: HostileCase['expect'], where: string) {
  if (want.code !== undefined) {
    expect(got, where).toMatchObject({ code: want.code, ...(want.path !== undefined ? { path: want.path } : {}) });
  } else if (want.thrown !== undefined) {
    expect(got, where).toEqual({ thrown: want.thrown });
  } else {
    expect(got, where).toEqual({ ok: want.ok });
  }
}

describe('hostile inputs, Node build', () => {
  for (const c of cases) {
    it(c.name, () => {
      expectOutcome(outcome(codec, c.run), c.expect, c.name);
      expect(codec.canonicalize(ordinary.input)).toBe(ordinary.canonical);
      expect(codec.canonicalizeServerEvent(ordinaryServer.input)).toBe(ordinaryServer.canonical);
    });
  }
});

describe('hostile inputs, GA Node build', () => {
  for (const c of gaCases) {
    it(`GA ${c.name}`, () => {
      expectOutcome(outcome(gaCodec, c.run), c.expect, c.name);
      expect(gaCodec.canonicalize(ordinary.input)).toBe(ordinary.canonical);
      expect(gaCodec.canonicalizeServerEvent(ordinaryServer.input)).toBe(ordinaryServer.canonical);
    });
  }
});

describe('hostile inputs, browser build in Chromium', () => {
  const { codecPage } = useChromium();

  it('gives every case its outcome, and keeps working after each', async () => {
    const page = await codecPage();
    const results = await page.evaluate(async () => {
      const w = window as unknown as {
        codec: typeof import('../dist/browser.mjs');
        hostile: typeof import('./hostile/catalogue.js');
      };
      await w.codec.init();
      return w.hostile.cases.map((c) => ({
        name: c.name,
        got: w.hostile.outcome(w.codec, c.run),
        after: w.codec.canonicalize(w.hostile.ordinary.input),
        afterServer: w.codec.canonicalizeServerEvent(w.hostile.ordinaryServer.input),
      }));
    });
    expect(results.map((r) => r.name)).toEqual(cases.map((c) => c.name));
    results.forEach((r, i) => {
      expectOutcome(r.got, cases[i]!.expect, `${r.name} (Chromium)`);
      expect(r.after, r.name).toBe(ordinary.canonical);
      expect(r.afterServer, r.name).toBe(ordinaryServer.canonical);
    });
    const server = cases.filter((c) => c.name.startsWith('server: ')).length;
    expect(server).toBeGreaterThanOrEqual(60);
    console.log(`hostile catalogue: ${cases.length} cases (${server} server), same outcome in Node and Chromium`);
    await page.close();
  }, 180_000);

  it('GA: gives every case its outcome, and keeps working after each; the same limits as Node', async () => {
    const page = await codecPage();
    const { results, limits } = await page.evaluate(async () => {
      const w = window as unknown as {
        codec: typeof import('../dist/browser.mjs');
        ga: typeof import('../dist/ga/browser.mjs');
        hostile: typeof import('./hostile/catalogue.js');
      };
      await w.ga.init();
      return {
        limits: { beta: [w.codec.DEFAULT_MAX_INPUT_BYTES, w.codec.MAX_DEPTH], ga: [w.ga.DEFAULT_MAX_INPUT_BYTES, w.ga.MAX_DEPTH] },
        results: w.hostile.gaCases.map((c) => ({
          name: c.name,
          got: w.hostile.outcome(w.ga, c.run),
          after: w.ga.canonicalize(w.hostile.ordinary.input),
          afterServer: w.ga.canonicalizeServerEvent(w.hostile.ordinaryServer.input),
        })),
      };
    });
    const node = [codec.DEFAULT_MAX_INPUT_BYTES, codec.MAX_DEPTH];
    expect([gaCodec.DEFAULT_MAX_INPUT_BYTES, gaCodec.MAX_DEPTH]).toEqual(node);
    expect(limits).toEqual({ beta: node, ga: node });
    expect(results.map((r) => r.name)).toEqual(gaCases.map((c) => c.name));
    results.forEach((r, i) => {
      expectOutcome(r.got, gaCases[i]!.expect, `GA ${r.name} (Chromium)`);
      expect(r.after, r.name).toBe(ordinary.canonical);
      expect(r.afterServer, r.name).toBe(ordinaryServer.canonical);
    });
    console.log(`hostile catalogue, GA: ${gaCases.length} cases, same outcome in Node and Chromium`);
    await page.close();
  }, 180_000);
});
