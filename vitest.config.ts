import { defineConfig } from 'vitest/config';

// Two projects: `unit` (the package's TypeScript logic, in node) and `browser` (real Chromium
// through playwright-core against pages served from 127.0.0.1; needs the wasm and dist built).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['web/packages/tandem/test/**/*.test.ts', 'tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          pool: 'forks',
        },
      },
    ],
  },
});
