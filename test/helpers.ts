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
export interface Vector {
  file: string;
  name: string;
  input: string;
  expect: { canonical: string } | { error: VectorError };
}

export function loadVectors(): Vector[] {
  const dir = join(root, 'test/vectors');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .flatMap((file) => {
      const doc = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { cases: Omit<Vector, 'file'>[] };
      return doc.cases.map((c) => ({ ...c, file }));
    });
}
