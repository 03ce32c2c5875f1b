// The short soak: 150,000 mixed calls, valid and invalid interleaved. Nothing may grow after
// warm-up and every call must give its expected result. (Throughput is reported, not asserted:
// timing belongs to scripts/soak.mjs and the benchmarks.)
import { describe, expect, it } from 'vitest';
import { soak } from '../scripts/soak.mjs';

describe('soak (short)', () => {
  it('150,000 mixed calls: no wrong result, no wasm growth after warm-up, bounded RSS', async () => {
    const { samples, verdict } = await soak(150_000);
    const last = samples[samples.length - 1]!;
    console.log(
      `soak: ${last.calls} calls, ${last.perSecond}/s at the end, wasm ${last.wasmKiB} KiB, ` +
        `RSS growth after warm-up ${verdict.rssGrowthMiB.toFixed(1)} MiB`,
    );
    expect(verdict.wrong).toBe(0);
    expect(verdict.wasmGrowthKiB).toBe(0);
    expect(verdict.rssGrowthMiB).toBeLessThan(64);
  }, 120_000);
});
