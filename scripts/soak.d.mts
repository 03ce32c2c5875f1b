export interface SoakSample { calls: number; perSecond: number; rssMiB: number; wasmKiB: number }
export interface SoakVerdict { ok: boolean; wrong: number; wasmGrowthKiB: number; rssGrowthMiB: number; throughputRatio: number }
export function soak(calls: number, options?: { intervals?: number; log?: (s: SoakSample) => void }): Promise<{ samples: SoakSample[]; verdict: SoakVerdict }>;
