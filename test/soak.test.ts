// The short soak: 150,000 mixed calls in both directions (client events through the client
// module, server events through the server module), valid and invalid interleaved, every other
// call through the GA entry (realtime-codec/ga, its own two modules) over GA events. Nothing may
// grow after warm-up and every call must give its expected result. (Throughput is reported, not
// asserted: timing belongs to scripts/soak.mjs and the benchmarks.)
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { soak } from '../scripts/soak.mjs';
import { root } from './helpers.js';

describe('soak (short)', () => {
  for (const entry of ['realtime-codec', 'realtime-codec/ga']) {
    it(`wasmMemoryBytes of ${entry} counts both its modules, each from its first call`, () => {
      // A fresh process: nothing instantiated, then the client module, then the server module too
      // (a valid check in each direction: response.cancel and input_audio_buffer.cleared are both
      // protocols' events).
      const script =
        `import * as c from '${entry}'; const a = c.wasmMemoryBytes(); const ok1 = c.check('{"type":"response.cancel"}').ok; const b = c.wasmMemoryBytes();` +
        ` const ok2 = c.checkServerEvent('{"type":"input_audio_buffer.cleared","event_id":"e"}').ok; const s = c.wasmMemoryBytes(); console.log(JSON.stringify([a, b, s, ok1, ok2]));`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      const [none, client, both, ok1, ok2] = JSON.parse(r.stdout) as [number, number, number, boolean, boolean];
      expect([ok1, ok2]).toEqual([true, true]);
      expect(none).toBe(0);
      expect(client).toBeGreaterThan(0);
      expect(both).toBeGreaterThan(client);
    });
  }

  it('150,000 mixed calls, both directions, beta and GA: no wrong result, no wasm growth after warm-up, bounded RSS', async () => {
    const { samples, verdict } = await soak(150_000, { ga: true });
    const last = samples[samples.length - 1]!;
    console.log(
      `soak: ${last.calls} calls (${verdict.calls.client} client, ${verdict.calls.server} server; ${verdict.calls.ga} GA), ${last.perSecond}/s at the end, ` +
        `wasm (all four modules) ${last.wasmKiB} KiB, RSS growth after warm-up ${verdict.rssGrowthMiB.toFixed(1)} MiB`,
    );
    expect(verdict.wrong).toBe(0);
    expect(verdict.calls.client + verdict.calls.server).toBe(150_000);
    expect(verdict.calls.ga).toBe(75_000);
    // Both directions carry a real share of the load.
    expect(verdict.calls.client).toBeGreaterThan(30_000);
    expect(verdict.calls.server).toBeGreaterThan(30_000);
    expect(verdict.wasmGrowthKiB).toBe(0);
    expect(verdict.rssGrowthMiB).toBeLessThan(64);
  }, 120_000);
});
