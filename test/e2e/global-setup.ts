/**
 * Fails the e2e run at once, with what to do, when its prerequisites are missing — instead of
 * every test timing out on its own.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, findChromium } from './harness';

export default function checkPrerequisites(): void {
  if (!findChromium()) {
    throw new Error(
      'The end-to-end tests need Chromium: install it (Debian/Ubuntu: `sudo apt-get install chromium`) ' +
        'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
  }
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npx wxt build\` first (npm run test:e2e does).`);
  }
}
