import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Type-level tests (test/**/*.test-d.ts) run with tsc under `vitest --typecheck`.
    typecheck: { include: ['test/**/*.test-d.ts'], tsconfig: './test/tsconfig.json' },
    testTimeout: 60_000,
  },
});
