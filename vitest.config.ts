import { defineConfig } from "vitest/config";

/**
 * Test projects. `npm test` (scripts/test.mjs) chooses which to run from the tools present:
 * - unit: pure tests beside the code (src/**\/*.test.ts)
 * - integration-pglite / integration-postgres: the same suite (test/integration) on embedded
 *   PGlite and on a real PostgreSQL (a throwaway cluster started by the global setup)
 * - e2e: Chromium journeys (e2e/), each on a fresh server and database
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "test/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration-pglite",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          env: { TANGGAP_TEST_DB: "pglite" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "integration-postgres",
          include: ["test/integration/**/*.test.ts"],
          environment: "node",
          env: { TANGGAP_TEST_DB: "postgres" },
          globalSetup: ["test/postgres-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
