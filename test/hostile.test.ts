// The hostile input catalogue (test/hostile/catalogue.js) through the Node build and, in Chromium,
// the browser build: every case gives its stated outcome, and the next ordinary call of each
// direction (client module and server module) still works.
import { describe, expect, it } from 'vitest';
import { useChromium } from './browser/harness.js';
import { cases, ordinary, ordinaryServer, outcome, type HostileCase } from './hostile/catalogue.js';
import { codec } from './helpers.js';

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
});
