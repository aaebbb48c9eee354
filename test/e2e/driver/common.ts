/**
 * What both drivers share: which browser the run is for and where screenshots go (page
 * functions and polling are in page-functions.ts).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOT_DIR } from '../harness';
import type { BrowserName, E2EBrowser, E2EPage } from './types';

export { callExpression, pollUntil } from './page-functions';

/** Waits `ms` in Node (Playwright's `page.waitForTimeout`): for animations and grace periods. */
export const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

/** `BACKSTORY_BROWSER`, `chromium` when unset. Anything else is a mistake worth stopping for. */
export function chosenBrowser(): BrowserName {
  const value = (process.env.BACKSTORY_BROWSER ?? 'chromium').toLowerCase();
  if (value === 'chromium' || value === 'firefox') return value;
  throw new Error(`BACKSTORY_BROWSER must be "chromium" or "firefox", not "${value}".`);
}

/**
 * `test-results/screenshots/<name>` for Chromium (where they always were) and
 * `test-results/screenshots/firefox/<name>` for Firefox, the folder created.
 */
export async function screenshotPath(browser: BrowserName, name: string): Promise<string> {
  const dir = browser === 'chromium' ? SCREENSHOT_DIR : join(SCREENSHOT_DIR, browser);
  await mkdir(dir, { recursive: true });
  return join(dir, name);
}

/** How both drivers open a test page or an extension page, given how each opens a tab. */
export function pageOpeners(
  newPage: () => Promise<E2EPage>,
  pagesOrigin: string,
  extensionUrl: (path: string) => string,
): Pick<E2EBrowser, 'openTestPage' | 'openExtensionPage'> {
  return {
    async openTestPage(name) {
      const page = await newPage();
      await page.goto(`${pagesOrigin}/${name}`);
      return page;
    },
    async openExtensionPage(path, viewport) {
      const page = await newPage();
      if (viewport) await page.setViewport(viewport);
      await page.goto(extensionUrl(path));
      return page;
    },
  };
}
