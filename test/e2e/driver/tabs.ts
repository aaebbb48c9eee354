/**
 * Which browser tab a page is, as the extension knows it. Backstory has no `tabs` permission, so
 * nothing in the extension can see tab URLs: bring the page to the front and ask the background
 * for the active tab, as the toolbar popup (or a keyboard command) would.
 */
import type { E2EBrowser, E2EPage } from './types';

export async function tabIdOf(browser: E2EBrowser, page: E2EPage): Promise<number> {
  await page.bringToFront();
  const ids = await browser.evaluateInBackground(async (bg) =>
    (await bg.chrome.tabs.query({ active: true, lastFocusedWindow: true })).map((tab) => tab.id),
  );
  if (ids.length !== 1 || ids[0] === undefined) throw new Error(`Expected one active tab for ${await page.url()}, found ${ids.length}`);
  return ids[0];
}
