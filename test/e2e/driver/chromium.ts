/**
 * The neutral driver over playwright-core and Chromium: the Playwright harness (harness.ts) does
 * the launching, this only adapts its `Page` to `E2EPage`.
 */
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../harness';
import { callExpression, pollUntil, screenshotPath } from './common';
import { DEFAULT_VIEWPORT, type E2EBrowser, type E2EPage, type LaunchOptions, type Viewport } from './types';

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
    return wrapPage(page);
  };
  return {
    name: 'chromium',
    extensionOrigin,
    pagesOrigin: harness.pages.origin,
    extensionUrl,
    newPage,
    async openTestPage(name) {
      const page = await newPage();
      await page.goto(`${harness.pages.origin}/${name}`);
      return page;
    },
    async openExtensionPage(path, viewport?: Viewport) {
      const page = await newPage();
      if (viewport) await page.setViewport(viewport);
      await page.goto(extensionUrl(path));
      return page;
    },
    async openUrls() {
      return harness.context.pages().map((page) => page.url());
    },
    close: () => harness.close(),
  };
}

function wrapPage(page: Page): E2EPage {
  const evaluate = <Result, Arg>(fn: (arg: Arg) => Result | Promise<Result>, arg?: Arg) =>
    page.evaluate(callExpression(fn, arg)) as Promise<Result>;
  return {
    url: async () => page.url(),
    async goto(url) {
      await page.goto(url);
    },
    async reload() {
      await page.reload();
    },
    evaluate,
    evaluateSource: (expression) => page.evaluate(expression),
    waitForFunction: (fn, arg, { timeout, polling } = {}) =>
      pollUntil(() => evaluate(fn, arg), { timeout, polling, what: `a page function on ${page.url()}` }),
    mouse: {
      move: (x, y, options) => page.mouse.move(x, y, options),
      click: (x, y) => page.mouse.click(x, y),
    },
    keyboard: {
      press: (key) => page.keyboard.press(key),
      type: (text, options) => page.keyboard.type(text, options),
    },
    setViewport: (viewport) => page.setViewportSize(viewport),
    bringToFront: () => page.bringToFront(),
    async screenshot(name) {
      const path = await screenshotPath('chromium', name);
      await page.screenshot({ path });
      return path;
    },
    close: () => page.close(),
  };
}
