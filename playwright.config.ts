import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${PORT}`;
// e2e/password-reset.spec.ts listens there for the mail the server sends.
const SMTP_PORT = PORT + 1;

// Debian's Chromium where it is installed (no browser downloads on our machines); Playwright's own elsewhere.
const systemChromium = "/usr/bin/chromium";
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    }
  : {};

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: { baseURL, trace: "retain-on-failure", launchOptions },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], launchOptions },
      dependencies: ["setup"],
    },
  ],
  webServer: {
    // Resets the agora_e2e database, then runs `npm start` against it (migrate, seed, build if stale, serve).
    command: "npx tsx scripts/e2e-server.ts",
    url: `${baseURL}/api/v1/theses`,
    reuseExistingServer: false,
    timeout: 240_000,
    stdout: "pipe",
    stderr: "pipe",
    // Evidence: lets the source fetcher reach the pages e2e/evidence.spec.ts serves on 127.0.0.1 (loopback only;
    // private, link-local and metadata addresses stay refused). Tests only.
    // Every spec registers its own members, all from 127.0.0.1: the per-address registration limit would
    // refuse most of them.
    // Mail goes to the SMTP server e2e/password-reset.spec.ts starts on the next port (nothing listens otherwise,
    // and a failed send never fails a request).
    env: {
      PORT: String(PORT),
      AGORA_FETCH_ALLOW_LOOPBACK: "1",
      AGORA_LIMIT_REGISTER_ADDRESS: "10000/60",
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}?ignoreTLS=true`,
      // Live updates: streams end after 5 s (and browsers resume them), so e2e/live.spec.ts sees a drop quickly.
      AGORA_LIVE_STREAM_SECONDS: "5",
    },
  },
});
