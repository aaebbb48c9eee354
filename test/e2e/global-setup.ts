/**
 * Fails the e2e run at once, with what to do, when its prerequisites are missing — instead of
 * every test timing out on its own. Checks the browser BACKSTORY_BROWSER chose and its build.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chosenBrowser } from './driver/common';
import { findFirefox } from './driver/firefox';
import { extensionDirFor } from './driver';
import { findChromium } from './harness';

export default function checkPrerequisites(): void {
  const browser = chosenBrowser();
  if (browser === 'chromium' && !findChromium()) {
    throw new Error(
      'The end-to-end tests need Chromium: install it (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  if (browser === 'firefox' && !findFirefox()) {
    throw new Error(
      'The Firefox end-to-end tests need Firefox 142+: install it (Debian: `sudo apt-get install firefox-esr`) ' +
        'or point FIREFOX_PATH at a Firefox binary.',
    );
  }
  const extensionDir = extensionDirFor(browser);
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    const build = browser === 'firefox' ? 'npx wxt build -b firefox' : 'npx wxt build';
    throw new Error(`No built extension in ${extensionDir}: run \`${build}\` first (npm run test:e2e does).`);
  }
}
