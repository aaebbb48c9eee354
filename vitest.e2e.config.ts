import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in real Chromium (.output/chrome-mv3, playwright-core) or
// Firefox ESR (.output/firefox-mv3, puppeteer-core over WebDriver BiDi), as BACKSTORY_BROWSER
// says (test/e2e/driver/). One browser at a time — the machine is small and a browser is heavy — so one
// worker, no file parallelism, and timeouts that allow for a cold browser start.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
  },
});
