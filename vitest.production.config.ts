import { defineConfig } from "vitest/config";
import path from "node:path";

// Tests of the production server itself (tests/production/): each starts `npm start` on PostgreSQL and talks to it
// over HTTP, so they need a build. `npm test` runs them after Playwright, which has just made one.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      "server-only": path.resolve(__dirname, "tests/support/empty-module.ts"),
    },
  },
  test: {
    environment: "node",
    include: ["tests/production/**/*.test.ts"],
    // One at a time: the first server started after a change builds the app, and two builds must not overlap.
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 900_000,
  },
});
