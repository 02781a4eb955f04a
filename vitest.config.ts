import { defineConfig } from 'vitest/config';

// Test files share a worker's modules instead of loading them
// afresh: loading survey-core, express and the embedded database's
// WebAssembly cost 5–10 s per file, half of `npm test`. Every file makes its
// own app and database (createTestContext), so nothing a test relies on is
// shared; the files also pass in shuffled order (--sequence.shuffle.files).
const shareModules = { isolate: false } as const;

// Four projects: pure unit tests, HTTP tests against a real database,
// reliability and security suites, and browser tests in Debian's Chromium
// (the last two run separately: `npm run test:reliability`, `npm run test:e2e`).
export default defineConfig({
  test: {
    // Two test files at a time: most time is spent waiting on the database
    // or on password hashing, so a second worker uses the second core.
    maxWorkers: 2,
    projects: [
      // Unit tests touch no database: with DATABASE_URL set (the PostgreSQL pass of
      // `npm test`) they would only repeat the embedded pass, so they run there alone.
      ...(process.env.DATABASE_URL
        ? []
        : [
            {
              test: {
                name: 'unit',
                include: ['tests/unit/**/*.test.ts'],
                environment: 'node' as const,
                testTimeout: 30_000,
                ...shareModules,
              },
            },
          ]),
      {
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          ...shareModules,
        },
      },
      {
        // Kill -9, PostgreSQL stops, fuzzing, load: against the built server
        // (`npm run build` first) and a PostgreSQL server; one file at a time.
        test: {
          name: 'reliability',
          include: ['tests/reliability/**/*.test.ts', 'tests/security/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          ...shareModules,
        },
      },
      {
        // Two files at a time: each has its own server and browser, and spends
        // much of its time waiting for pages, so the two overlap well.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          ...shareModules,
        },
      },
    ],
  },
});
