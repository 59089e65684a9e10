import { defineConfig } from "vitest/config";
import path from "node:path";
import { testDatabaseUrl } from "./scripts/db/test-database";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // `server-only` throws outside React Server Components; tests call server code directly.
      "server-only": path.resolve(__dirname, "tests/support/empty-module.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    // tests/production/ start the built app: vitest.production.config.ts runs them, after the build.
    exclude: ["node_modules/**", "e2e/**", ".next/**", "tests/production/**"],
    globalSetup: ["tests/support/global-setup.ts"],
    setupFiles: ["tests/support/next-cache.ts"],
    // A pool wait longer than production's: the race tests queue 1,000 writes on 20 connections at once, and on a
    // loaded machine the last of them would otherwise give up before their turn (connection-pool.test.ts sets its own).
    env: { DATABASE_URL: testDatabaseUrl("agora_test"), AUTH_SECRET: "test-secret-not-for-production", AGORA_QUERY_EVENTS: "1", AGORA_DB_POOL_WAIT_MS: "45000" },
    // The embedded-database test boots PostgreSQL compiled to WebAssembly: allow for its cold start.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
