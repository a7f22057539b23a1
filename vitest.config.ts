// Two projects: `unit` (pure code, no database) and `integration` (real Neo4j
// started once per run by test/global-setup.ts, or NEO4J_TEST_URI).
//   npm test                         everything
//   npx vitest run --project unit    without Neo4j
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One database for the whole integration run: files that change data must not overlap.
    fileParallelism: false,
    projects: [
      {
        // See the integration project: statement tests run the schema in-process.
        resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // graphql ships ESM and CJS builds; the server's dependencies load the CJS one,
        // so the tests must too, or schema objects and errors come from two realms.
        resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
