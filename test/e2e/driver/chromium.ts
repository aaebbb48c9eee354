/**
 * The neutral driver over playwright-core and Chromium: the Playwright harness (harness.ts) does
 * the launching, this only adapts its `Page` to `E2EPage`.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { launchWithExtension, playwrightMoves } from '../harness';
import { pageOpeners, screenshotPath } from './common';
import { DEFAULT_VIEWPORT, type E2EBrowser, type E2EPage, type LaunchOptions } from './types';

export async function launchChromium(options: LaunchOptions = {}): Promise<E2EBrowser> {
  const harness = await launchWithExtension({
    extensionDir: options.extensionDir,
    viewport: options.viewport ?? DEFAULT_VIEWPORT,
  });
  const extensionOrigin = `chrome-extension://${harness.extensionId}`;
  const extensionUrl = (path: string) => `${extensionOrigin}/${path.replace(/^\//, '')}`;
  const colorScheme = options.colorScheme ?? 'light';
  const newPage = async () => {
    const page = await harness.context.newPage();
    await page.emulateMedia({ colorScheme });
    return wrapPage(page, colorScheme);
  };
  return {
    name: 'chromium',
    extensionOrigin,
    pagesOrigin: harness.pages.origin,
    extensionUrl,
    newPage,
    ...pageOpeners(newPage, harness.pages.origin, extensionUrl),
    async openUrls() {
      return harness.context.pages().map((page) => page.url());
    },
    async waitForNewPage(action, { timeout = 10_000 } = {}) {
      const [opened] = await Promise.all([harness.context.waitForEvent('page', { timeout }), action()]);
      await opened.waitForLoadState();
      return wrapPage(opened, colorScheme);
    },
    async evaluateInBackground(fn, arg) {
      const isOurs = (url: string) => url.startsWith(`${extensionOrigin}/`);
      const worker =
        harness.context.serviceWorkers().find((w) => isOurs(w.url())) ??
        (await harness.context.waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()), timeout: 10_000 }));
      // The MV3 service worker's global is the background's global.
      const expression = `(${fn.toString()})(globalThis, ${arg === undefined ? 'undefined' : JSON.stringify(arg)})`;
      return (await worker.evaluate(expression)) as Awaited<ReturnType<typeof fn>>;
    },
    close: () => harness.close(),
  };
}

function wrapPage(page: Page, launchColorScheme: 'light' | 'dark'): E2EPage {
  return {
    ...playwrightMoves(page),
    async goto(url) {
      await page.goto(url);
    },
    async reload() {
      await page.reload();
    },
    evaluateSource: (expression) => page.evaluate(expression),
    keyboard: {
      press: (key) => page.keyboard.press(key),
      type: (text, options) => page.keyboard.type(text, options),
    },
    setViewport: (viewport) => page.setViewportSize(viewport),
    bringToFront: () => page.bringToFront(),
    async screenshot(name, { clip } = {}) {
      const path = await screenshotPath('chromium', name);
      await page.screenshot({ path, clip });
      return path;
    },
    emulateMedia: ({ colorScheme, reducedMotion }) =>
      page.emulateMedia({
        ...(colorScheme === undefined ? {} : { colorScheme: colorScheme ?? launchColorScheme }),
        ...(reducedMotion === undefined ? {} : { reducedMotion }),
      }),
    onConsole(listener) {
      page.on('console', (message) => listener(message.text()));
    },
    onPageError(listener) {
      page.on('pageerror', (error) => listener(error.message));
    },
    async download(action) {
      const [file] = await Promise.all([page.waitForEvent('download'), action()]);
      return { filename: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
    },
    close: () => page.close(),
  };
}
