// Shared by the Node tests: the built package (dist/, not the sources) and the vector corpus.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Tests run against the package as users get it: the esbuild bundle and the wasm beside it.
export * as codec from '../dist/node.mjs';

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
export interface Vector {
  file: string;
  direction: Direction;
  name: string;
  input: string;
  expect: { canonical: string } | { error: VectorError };
}

/** The corpus cases of one direction (each caller names it: the wasm build reads client events only). */
export function loadVectors(direction: Direction): Vector[] {
  const dir = join(root, 'test/vectors');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const doc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        direction?: Direction;
        cases: Omit<Vector, 'file' | 'direction'>[];
      };
      const fileDirection = doc.direction ?? 'client';
      if (fileDirection !== 'client' && fileDirection !== 'server') throw new Error(`${file}: direction ${String(doc.direction)}`);
      return fileDirection === direction ? doc.cases.map((c) => ({ ...c, file, direction: fileDirection })) : [];
    });
}
