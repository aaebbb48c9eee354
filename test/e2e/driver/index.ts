/**
 * The one switch: `BACKSTORY_BROWSER=chromium|firefox` (Chromium when unset) picks the browser
 * and the build every e2e test runs against. Tests import from here, never from a driver.
 */
import { resolve, join } from 'node:path';
import { ROOT } from '../harness';
import { launchChromium } from './chromium';
import { chosenBrowser } from './common';
import { launchFirefox } from './firefox';
import type { BrowserName, E2EBrowser, LaunchOptions } from './types';

export { chosenBrowser, sleep } from './common';
export * from './dom';
export * from './reader-moves';
export * from './tabs';
export * from './types';

/** The unpacked build a browser loads: `BACKSTORY_EXTENSION_DIR`, else WXT's output for it. */
export function extensionDirFor(browser: BrowserName): string {
  if (process.env.BACKSTORY_EXTENSION_DIR) return resolve(process.env.BACKSTORY_EXTENSION_DIR);
  return join(ROOT, '.output', browser === 'firefox' ? 'firefox-mv3' : 'chrome-mv3');
}

/** The chosen browser with the built extension, on a fresh profile, with `test/pages/` served. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<E2EBrowser> {
  const browser = chosenBrowser();
  const extensionDir = options.extensionDir ?? extensionDirFor(browser);
  return browser === 'firefox'
    ? launchFirefox(extensionDir, options)
    : launchChromium({ ...options, extensionDir });
}
