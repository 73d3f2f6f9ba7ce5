import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("./", import.meta.url));
const shared = {
  resolve: {
    alias: {
      "@/": root,
      // `server-only` throws outside React Server Components; tests import server modules directly.
      "server-only": fileURLToPath(new URL("./db/testing/empty-module.ts", import.meta.url)),
    },
  },
};
const ignored = ["node_modules/**", "e2e/**", ".next/**", "data/**", ".cache/**"];

/**
 * unit: pure and in-process tests. int-file / int-sqld: the same `*.int.test.ts` files against a
 * temporary libSQL file and against a real libSQL server over HTTP with a JWT (Turso's path).
 */
export default defineConfig({
  test: {
    // Most integration files wait on child processes, HTTP and the disk rather than the CPU: two
    // files at a time keep a two-core machine busy (Vitest's default there is one).
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { ...shared, test: { name: "unit", include: ["**/*.test.ts"], exclude: [...ignored, "**/*.int.test.ts"] } },
      {
        ...shared,
        test: {
          name: "int-file",
          include: ["**/*.int.test.ts"],
          exclude: ignored,
          env: { TANDEM_TEST_DATABASE: "file" },
        },
      },
      {
        ...shared,
        test: {
          name: "int-sqld",
          include: ["**/*.int.test.ts"],
          exclude: ignored,
          env: { TANDEM_TEST_DATABASE: "sqld" },
          globalSetup: ["./db/testing/sqld-global-setup.ts"],
          // One server, reset by each file: files take turns.
          fileParallelism: false,
        },
      },
    ],
  },
});
