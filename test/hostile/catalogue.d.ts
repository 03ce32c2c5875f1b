export interface HostileCase {
  name: string;
  run: (codec: any) => unknown;
  expect: { code?: string; path?: string; ok?: unknown; thrown?: string };
}
export const cases: HostileCase[];
export const gaCases: HostileCase[];
export const ordinary: { input: string; canonical: string };
export const ordinaryServer: { input: string; canonical: string };
export function outcome(codec: unknown, run: (codec: any) => unknown): { ok?: unknown; code?: string; path?: string; thrown?: string };
