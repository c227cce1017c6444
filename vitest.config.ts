import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

// Two tiers: `unit` (pure, colocated *.test.ts) and `db` (*.db.test.ts, against a real throwaway Postgres).
export default defineConfig({
  resolve: { alias: { "@": root, "server-only": `${root}/test/server-only-stub.ts` } },
  test: {
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["lib/**/*.test.ts", "scripts/**/*.test.ts"], exclude: ["**/*.db.test.ts", "node_modules/**"] },
      },
      {
        extends: true,
        test: {
          name: "db",
          include: ["lib/**/*.db.test.ts", "test/**/*.db.test.ts"],
          globalSetup: ["test/db-global-setup.ts"],
          setupFiles: ["test/db-setup-file.ts"],
          fileParallelism: false,
          // Insights counts the desk's days, by default the server's zone; the figures these tests
          // expect are UTC days, whatever zone the machine running them is in.
          env: { TZ: "UTC" },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        // The quick modes of npm run bench and npm run loadtest, each in processes of its own.
        test: { name: "tools", include: ["test/tools/**/*.test.ts"], fileParallelism: false, testTimeout: 900_000 },
      },
    ],
  },
});
