/**
 * The neutral driver over puppeteer-core and Firefox ESR, spoken to over WebDriver BiDi. Never
 * downloads a browser: it runs the system's Firefox (`FIREFOX_PATH`, else the usual places).
 *
 * What Firefox needs that Chromium does not (checked with Firefox ESR 153):
 * - The extension is installed through BiDi (`browser.installExtension`) as a temporary add-on;
 *   the pref `extensions.webextensions.uuids` fixes its uuid, so its pages are at a known
 *   `moz-extension://<uuid>/…`.
 * - Extension pages can only be driven with `--remote-allow-system-access`, and navigation waits
 *   never resolve on them: navigate without awaiting, then poll `location.href`/`readyState`.
 * - MV3 host permissions are granted at install only while
 *   `extensions.originControls.grantByDefault` is true, so the tests set it explicitly.
 * - The background page is not a puppeteer target; tests reach the extension from its pages
 *   (`evaluateInBackground`: an extension page in a background tab, `runtime.getBackgroundPage()`).
 * - Media features cannot be emulated over BiDi; `emulateMedia` sets the prefs behind them in the
 *   browser's chrome scope, so it applies to every page.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findExecutable, servePages } from '../harness';
import { callExpression, pageOpeners, pollUntil, screenshotPath } from './common';
import { DEFAULT_VIEWPORT, type E2EBrowser, type E2EPage, type LaunchOptions } from './types';

const FIREFOX_CANDIDATES = [
  '/usr/bin/firefox-esr',
  '/usr/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
  'C:\\Program Files\\Mozilla Firefox\\firefox.exe',
];

/** The Firefox the tests drive: `FIREFOX_PATH`, else the first installed candidate. */
export const findFirefox = (): string | undefined => findExecutable('FIREFOX_PATH', FIREFOX_CANDIDATES);

/** The add-on id the build declares (`browser_specific_settings.gecko.id`). */
function geckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no gecko id: is it the Firefox build?`);
  return id;
}

export async function launchFirefox(extensionDir: string, options: LaunchOptions = {}): Promise<E2EBrowser> {
  const executablePath = findFirefox();
  if (!executablePath) {
    throw new Error('No Firefox found. Install it (Debian: `sudo apt-get install firefox-esr`) or set FIREFOX_PATH.');
  }
  const uuid = randomUUID();
  const extensionOrigin = `moz-extension://${uuid}`;
  const extensionUrl = (path: string) => `${extensionOrigin}/${path.replace(/^\//, '')}`;
  const viewport = options.viewport ?? DEFAULT_VIEWPORT;
  const pages = await servePages();
  let browser: Browser | undefined;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      protocol: 'webDriverBiDi',
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId(extensionDir)]: uuid }),
        'extensions.originControls.grantByDefault': options.grantSiteAccess ?? true,
        // 0 = dark, 1 = light.
        'layout.css.prefers-color-scheme.content-override': options.colorScheme === 'dark' ? 0 : 1,
        ...(options.acceptPermissionPrompts ? { 'extensions.webextOptionalPermissionPrompts': false } : {}),
      },
    });
    await browser.installExtension(extensionDir);
    const opened = browser;
    const launchScheme = options.colorScheme === 'dark' ? 0 : 1;
    const media: MediaControl = {
      async emulate({ colorScheme, reducedMotion }) {
        const prefs: Record<string, number | null> = {};
        // 0 = dark, 1 = light; null restores the launch setting.
        if (colorScheme !== undefined) prefs['layout.css.prefers-color-scheme.content-override'] = colorScheme === null ? launchScheme : colorScheme === 'dark' ? 0 : 1;
        // 1 = reduce, 0 = no preference; null clears it (the system's setting).
        if (reducedMotion !== undefined) prefs['ui.prefersReducedMotion'] = reducedMotion === null ? null : reducedMotion === 'reduce' ? 1 : 0;
        await setPrefs(opened, prefs);
      },
    };
    const newPage = async () => {
      const page = await opened.newPage();
      await setViewport(page, viewport);
      return wrapPage(page, media);
    };
    // The extension page background evaluations run in, opened on first use (see types.ts).
    let backgroundHelper: E2EPage | undefined;
    return {
      name: 'firefox',
      extensionOrigin,
      pagesOrigin: pages.origin,
      extensionUrl,
      newPage,
      ...pageOpeners(newPage, pages.origin, extensionUrl),
      async openUrls() {
        const all = await opened.pages();
        return Promise.all(all.map((page) => page.evaluate(() => location.href).catch(() => page.url())));
      },
      async waitForNewPage(action, { timeout = 10_000 } = {}) {
        const before = new Set(await opened.pages());
        await action();
        const page = await pollUntil(async () => (await opened.pages()).find((p) => !before.has(p)), {
          timeout,
          what: 'a new tab',
        });
        const wrapped = wrapPage(page, media);
        // A new tab starts on about:blank before its first document.
        await pollUntil(
          () => wrapped.evaluate(() => location.href !== 'about:blank' && document.readyState === 'complete'),
          { timeout, what: 'the new tab to load' },
        );
        return wrapped;
      },
      async evaluateInBackground(fn, arg) {
        if (!backgroundHelper) {
          // In a background tab, so the tab the test made active stays active.
          const page = await opened.newPage({ background: true });
          backgroundHelper = wrapPage(page, media);
          await backgroundHelper.goto(extensionUrl('reader.html'));
        }
        // Firefox's background global has `browser`, not a promise-returning `chrome`.
        const expression = `(async () => {
          const page = await browser.runtime.getBackgroundPage();
          const bg = { chrome: page.browser, backstoryTestHooks: page.backstoryTestHooks, indexedDB: page.indexedDB, performance: page.performance };
          return (${fn.toString()})(bg, ${arg === undefined ? 'undefined' : JSON.stringify(arg)});
        })()`;
        return (await backgroundHelper.evaluateSource(expression)) as Awaited<ReturnType<typeof fn>>;
      },
      async close() {
        // puppeteer deletes the temporary profile it created.
        await opened.close().catch(() => undefined);
        await pages.close();
      },
    };
  } catch (error) {
    await browser?.close().catch(() => undefined);
    await pages.close();
    throw error;
  }
}

/** Whether the document now in `page` is `url` and has finished loading. */
async function isLoaded(page: Page, url: string): Promise<boolean> {
  return page.evaluate(
    (expected) => location.href === expected && document.readyState === 'complete',
    new URL(url).href,
  );
}

/** The browser-wide media emulation Firefox pages share (see `E2EPage.emulateMedia`). */
interface MediaControl {
  emulate: E2EPage['emulateMedia'];
}

/**
 * Sets (or, for null, clears) Firefox prefs at run time: a script in the browser window's chrome
 * scope, over the BiDi connection puppeteer keeps (`moz:scope` needs `--remote-allow-system-access`).
 */
async function setPrefs(browser: Browser, prefs: Record<string, number | null>): Promise<void> {
  const entries = Object.entries(prefs);
  if (entries.length === 0) return;
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const context = tree.result.contexts[0]?.context;
  if (!context) throw new Error('No Firefox chrome window to set prefs in');
  const lines = entries.map(([name, value]) =>
    value === null
      ? `Services.prefs.clearUserPref(${JSON.stringify(name)});`
      : `Services.prefs.setIntPref(${JSON.stringify(name)}, ${value});`,
  );
  await connection.send('script.evaluate', { expression: lines.join('\n'), target: { context }, awaitPromise: false });
  // Style is recomputed on the next refresh.
  await new Promise((done) => setTimeout(done, 100));
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: { contexts: { context: string }[] } }>;
}

function wrapPage(page: Page, media: MediaControl): E2EPage {
  const evaluate = <Result, Arg>(fn: (arg: Arg) => Result | Promise<Result>, arg?: Arg) =>
    page.evaluate(callExpression(fn, arg)) as Promise<Result>;
  const currentUrl = () => page.evaluate(() => location.href).catch(() => page.url());
  return {
    url: currentUrl,
    async goto(url) {
      if (!url.startsWith('moz-extension:')) {
        await page.goto(url);
        return;
      }
      // Navigation to an extension page never reports completion over BiDi: do not wait for
      // it (and ignore its eventual "frame detached"), poll the document instead.
      page.goto(url).catch(() => undefined);
      await pollUntil(() => isLoaded(page, url), { timeout: 15_000, what: `${url} to load` });
    },
    async reload() {
      // A marker on the old document tells the reloaded one from it.
      await page.evaluate(() => {
        (window as unknown as { backstoryE2eBeforeReload?: boolean }).backstoryE2eBeforeReload = true;
        setTimeout(() => location.reload(), 0);
      });
      await pollUntil(
        () =>
          page.evaluate(
            () =>
              !(window as unknown as { backstoryE2eBeforeReload?: boolean }).backstoryE2eBeforeReload &&
              document.readyState === 'complete',
          ),
        { timeout: 15_000, what: 'the reload' },
      );
    },
    evaluate,
    evaluateSource: (expression) => page.evaluate(expression),
    waitForFunction: async (fn, arg, { timeout, polling } = {}) =>
      pollUntil(() => evaluate(fn, arg), { timeout, polling, what: `a page function on ${await currentUrl()}` }),
    mouse: {
      move: (x, y, options) => page.mouse.move(x, y, options),
      click: (x, y) => page.mouse.click(x, y),
      wheel: (deltaX, deltaY) => page.mouse.wheel({ deltaX, deltaY }),
    },
    keyboard: {
      // Both drivers name keys the DOM way (`Escape`, `Enter`, `ArrowDown`).
      press: (key) => page.keyboard.press(key as Parameters<Page['keyboard']['press']>[0]),
      type: (text, options) => page.keyboard.type(text, options),
    },
    setViewport: (size) => setViewport(page, size),
    bringToFront: () => page.bringToFront(),
    async screenshot(name, { clip } = {}) {
      const path = await screenshotPath('firefox', name);
      if (!clip) {
        await page.screenshot({ path });
        return path;
      }
      // puppeteer takes the clip in document coordinates (and maps it back to the viewport).
      const scroll = await page.evaluate(() => ({ x: window.visualViewport!.pageLeft, y: window.visualViewport!.pageTop }));
      await page.screenshot({ path, captureBeyondViewport: false, clip: { ...clip, x: clip.x + scroll.x, y: clip.y + scroll.y } });
      return path;
    },
    emulateMedia: (features) => media.emulate(features),
    onConsole(listener) {
      page.on('console', (message) => listener(message.text()));
    },
    onPageError(listener) {
      page.on('pageerror', (error) => listener(error instanceof Error ? error.message : String(error)));
    },
    async download(action) {
      // Catch the blob link's click instead of downloading: remember each blob URL's Blob, and
      // read the one a clicked `<a download>` points at.
      await page.evaluate(() => {
        const w = window as unknown as { backstoryE2eDownloads?: Promise<{ filename: string; text: string }>[] };
        if (w.backstoryE2eDownloads) return;
        w.backstoryE2eDownloads = [];
        const blobs = new Map<string, Blob>();
        const create = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (object: Blob | MediaSource) => {
          const url = create(object);
          if (object instanceof Blob) blobs.set(url, object);
          return url;
        };
        const click = HTMLAnchorElement.prototype.click;
        HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
          const blob = blobs.get(this.href);
          if (this.download && blob) w.backstoryE2eDownloads!.push(blob.text().then((text) => ({ filename: this.download, text })));
          else click.call(this);
        };
      });
      const before = await page.evaluate(() => (window as unknown as { backstoryE2eDownloads: unknown[] }).backstoryE2eDownloads.length);
      await action();
      await pollUntil(
        () => page.evaluate((n) => (window as unknown as { backstoryE2eDownloads: unknown[] }).backstoryE2eDownloads.length > n, before),
        { timeout: 10_000, what: 'a download' },
      );
      return page.evaluate(
        (n) => (window as unknown as { backstoryE2eDownloads: Promise<{ filename: string; text: string }>[] }).backstoryE2eDownloads[n]!,
        before,
      );
    },
    close: () => page.close(),
  };
}

/**
 * Puppeteer sends the viewport and a screen-orientation override together; Firefox ESR 140
 * (Debian's) applies the viewport but does not know the orientation command. Only that refusal
 * is ignored: the tests never depend on orientation.
 */
async function setViewport(page: Page, viewport: Parameters<Page['setViewport']>[0]): Promise<void> {
  try {
    await page.setViewport(viewport);
  } catch (error) {
    if (!String(error).includes('setScreenOrientationOverride')) throw error;
  }
}
