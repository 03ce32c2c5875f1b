// Shared by the Node tests: the built package (dist/, not the sources) and the vector corpus.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Tests run against the package as users get it: the esbuild bundle and the wasm beside it.
export * as codec from '../dist/node.mjs';
// The GA protocol's entry (realtime-codec/ga), the same API over the GA modules.
export * as gaCodec from '../dist/ga/node.mjs';

/** A protocol's corpus: beta's files in test/vectors, GA's in test/vectors/ga. */
export type Protocol = 'beta' | 'ga';
export const PROTOCOLS: readonly Protocol[] = ['beta', 'ga'];

export interface VectorError {
  code: string;
  path: string;
  line: number;
  column: number;
  message: string;
  expected_values?: string[];
}
/** Which root a vector file's inputs are read as: its top-level `direction`, `client` when absent. */
export type Direction = 'client' | 'server';
export const DIRECTIONS: readonly Direction[] = ['client', 'server'];
export interface Vector {
  file: string;
  direction: Direction;
  name: string;
  input: string;
  expect: { canonical: string } | { error: VectorError };
}

/**
 * The corpus cases of one direction: `client` (ClientEvent, the client module) or `server`
 * (ServerEvent, the server module, test/vectors/server_*.json). Each caller names the direction
 * it runs, so that a server case can never be read as a client event by accident.
 */
export function loadVectors(direction: Direction, protocol: Protocol = 'beta'): Vector[] {
  const dir = join(root, protocol === 'beta' ? 'test/vectors' : 'test/vectors/ga');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const doc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        direction?: Direction;
        protocol?: string;
        cases: Omit<Vector, 'file' | 'direction'>[];
      };
      const fileDirection = doc.direction ?? 'client';
      if (fileDirection !== 'client' && fileDirection !== 'server') throw new Error(`${file}: direction ${String(doc.direction)}`);
      if ((doc.protocol ?? 'beta') !== protocol) throw new Error(`${file}: protocol ${String(doc.protocol)}, in the ${protocol} corpus`);
      return fileDirection === direction ? doc.cases.map((c) => ({ ...c, file, direction: fileDirection })) : [];
    });
}

/** Whether the text has an integer token (not in a string) beyond ±2^53: decode refuses those. */
export function hasUnsafeInteger(text: string): boolean {
  return [...text.matchAll(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)].some(
    ([t]) => /^-?\d+$/.test(t) && !Number.isSafeInteger(Number(t)),
  );
}

/** The `type` string of a JSON text's top-level object, if it has one. */
export function typeOf(input: string): string | undefined {
  try {
    const value = JSON.parse(input) as unknown;
    const type = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { type?: unknown }).type : undefined;
    return typeof type === 'string' ? type : undefined;
  } catch {
    return undefined;
  }
}
