/**
 * End-to-end harness: serves `test/pages/` on 127.0.0.1, launches real Chromium with the built
 * extension (`.output/chrome-mv3`) in a fresh profile, and gives tests the few moves a reader
 * makes — open a page, look at what got marked, rest the pointer on a name, open the popup.
 *
 * No Vitest imports here: `scripts/start.mjs` loads this file too (through tsx).
 *
 * These helpers are Playwright-typed and Chromium-only: `driver/chromium.ts` launches through
 * them and `scripts/start.mjs` uses them. Every e2e test is written against `./driver`, which
 * runs the same file in Chromium and Firefox (BACKSTORY_BROWSER); a test on these helpers would
 * run Chromium in the Firefox run too. `driver/types.ts` maps each helper to its neutral form.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { callExpression, pollUntil } from './driver/page-functions';
import * as readerMoves from './driver/reader-moves';
import type { MarkedMention, PageMoves, Rect } from './driver/reader-moves';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The unpacked extension under test: the Chrome build, or another one named by BACKSTORY_EXTENSION_DIR. */
export const EXTENSION_DIR = process.env.BACKSTORY_EXTENSION_DIR
  ? resolve(process.env.BACKSTORY_EXTENSION_DIR)
  : join(ROOT, '.output', 'chrome-mv3');
export const PAGES_DIR = join(ROOT, 'test', 'pages');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');
/** The highlight registry name the content script marks mentions under. */
export { MENTION_HIGHLIGHT } from './driver/reader-moves';

// ---------------------------------------------------------------------------------------------
// Finding a browser

/** Where Chromium or Chrome usually lives; `CHROMIUM_PATH` wins. */
const BROWSER_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * A browser's executable: the path in the environment variable `envName` when it is set (and
 * nothing if that path does not exist, rather than silently another browser), else the first
 * installed candidate.
 */
export function findExecutable(envName: string, candidates: readonly string[]): string | undefined {
  const fromEnv = process.env[envName];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return candidates.find((path) => existsSync(path));
}

/** The browser the tests drive: `CHROMIUM_PATH`, else the first installed candidate. */
export const findChromium = (): string | undefined => findExecutable('CHROMIUM_PATH', BROWSER_CANDIDATES);

// ---------------------------------------------------------------------------------------------
// Serving the test pages

export interface PageServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * How one page is served, from `<page>.serve.json` beside it when there is one:
 * - `headers`: extra response headers (a strict Content-Security-Policy for `hostile/csp.html`);
 * - `body`: another page in the same folder whose file is sent instead, so a page that differs
 *   from another only in how it is served (`strict-csp.html` is `isolation-plain.html` under a
 *   strict CSP) is not a copy of it.
 */
interface Serving {
  headers?: Record<string, string>;
  body?: string;
}

async function servingOf(file: string): Promise<Serving> {
  const text = await readFile(`${file}.serve.json`, 'utf8').catch(() => undefined);
  return text === undefined ? {} : (JSON.parse(text) as Serving);
}

/** A static file server for `root` on 127.0.0.1 and a random free port. */
export async function servePages(root: string = PAGES_DIR): Promise<PageServer> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    // Never serve anything outside the pages folder, whatever the URL says.
    if (!file.startsWith(root + sep)) {
      response.writeHead(403).end();
      return;
    }
    servingOf(file)
      .then(async ({ headers, body }) => {
        const source = body === undefined ? file : join(dirname(file), body);
        if (!source.startsWith(root + sep)) throw new Error(`${file}.serve.json points outside the pages folder`);
        return { headers, content: await readFile(source) };
      })
      .then(
        ({ headers, content }) => {
          response.writeHead(200, {
            'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
            'cache-control': 'no-store',
            ...headers,
          });
          response.end(content);
        },
        () => response.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
      );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        // A socket a browser opened ahead of need and never sent a request on is neither busy
        // nor idle to `close`, which would wait for it as long as that browser stays open.
        server.closeAllConnections();
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Launching Chromium with the extension

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  pages: PageServer;
  /** Closes the browser, stops the server and deletes the temporary profile. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** The unpacked extension to load; the Chrome build by default. */
  extensionDir?: string;
  viewport?: { width: number; height: number } | null;
  /** A profile to launch on (and keep): a browser relaunched over the extension's stored data. */
  profileDir?: string;
}

/** Every launch's flags but the extension's: a quiet headless browser with no network of its own. */
const BROWSER_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * The baseline browser for "against the page without Backstory": launched exactly like
 * `launchWithExtension` (persistent temporary profile, same flags and viewport) but with no
 * extension, so a difference between the two is Backstory's and not the launch mode's.
 */
export async function launchWithoutExtension(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium found: set CHROMIUM_PATH.');
  const profile = await mkdtemp(join(tmpdir(), 'backstory-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: BROWSER_FLAGS,
  });
  return {
    context,
    async close() {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Chromium with the built extension loaded, on a fresh temporary profile, plus the page server. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<Harness> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error(
      'No Chromium found. Install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH.',
    );
  }
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No built extension in ${extensionDir}: run \`npx wxt build\` first.`);
  }
  const pages = await servePages();
  const profile = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'backstory-e2e-')));
  const removeProfile = () => (options.profileDir ? Promise.resolve() : rm(profile, { recursive: true, force: true }));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: options.headless ?? true,
      viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
      // Playwright passes --disable-extensions by default, which would win over --load-extension.
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...BROWSER_FLAGS],
    });
    const extensionId = await findExtensionId(context);
    const opened = context;
    return {
      context: opened,
      extensionId,
      pages,
      async close() {
        await opened.close().catch(() => undefined);
        await pages.close();
        await removeProfile();
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await pages.close();
    await removeProfile();
    throw error;
  }
}

/** The extension id, read from its background service worker's URL. */
async function findExtensionId(context: BrowserContext): Promise<string> {
  const isOurs = (url: string) => url.startsWith('chrome-extension://');
  const worker =
    context.serviceWorkers().find((w) => isOurs(w.url())) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()), timeout: 15_000 }));
  const id = new URL(worker.url()).host;
  if (!id) throw new Error(`Cannot read an extension id from ${worker.url()}`);
  return id;
}

export function extensionUrl(harness: Harness, path: string): string {
  return `chrome-extension://${harness.extensionId}/${path.replace(/^\//, '')}`;
}

// ---------------------------------------------------------------------------------------------
// A reader's moves

/** Opens `test/pages/<name>` in a new tab. */
export async function openTestPage(harness: Harness, name: string): Promise<Page> {
  const page = await harness.context.newPage();
  await page.goto(`${harness.pages.origin}/${name}`);
  return page;
}

/** Opens the popup's page in a normal tab, sized like the popup. */
export async function openPopup(harness: Harness): Promise<Page> {
  const page = await harness.context.newPage();
  await page.setViewportSize({ width: 420, height: 600 });
  await page.goto(extensionUrl(harness, 'popup.html'));
  return page;
}

export type { MarkedMention, Rect } from './driver/reader-moves';

/**
 * A Playwright page as the neutral reader moves (driver/reader-moves.ts) need it; the Chromium
 * driver's full `E2EPage` (driver/chromium.ts) is built on it.
 */
export function playwrightMoves(page: Page): PageMoves {
  const evaluate = <Result, Arg>(fn: (arg: Arg) => Result | Promise<Result>, arg?: Arg) =>
    page.evaluate(callExpression(fn, arg)) as Promise<Result>;
  return {
    evaluate,
    waitForFunction: (fn, arg, { timeout, polling } = {}) =>
      pollUntil(() => evaluate(fn, arg), { timeout, polling, what: `a page function on ${page.url()}` }),
    mouse: {
      move: (x, y, options) => page.mouse.move(x, y, options),
      click: (x, y) => page.mouse.click(x, y),
      wheel: (deltaX, deltaY) => page.mouse.wheel(deltaX, deltaY),
    },
    url: async () => page.url(),
  };
}

/** The mentions currently registered under the `backstory-mention` highlight, in document order. */
export const markedMentions = (page: Page): Promise<MarkedMention[]> => readerMoves.markedMentions(playwrightMoves(page));

/**
 * Waits until the content script has scanned (a `backstory:scan` measure exists), marked at least
 * one mention, and the marks have stopped changing for `settleMs`.
 */
export const waitForMentions = (page: Page, options?: { timeout?: number; settleMs?: number }): Promise<void> =>
  readerMoves.waitForMentions(playwrightMoves(page), options);

/** Every mention marked anywhere on the page (scrolls top to bottom, gathering each stretch's). */
export const allMarkedMentions = (page: Page): Promise<MarkedMention[]> => readerMoves.allMarkedMentions(playwrightMoves(page));

/** Scrolls the `occurrence`-th rendered occurrence of `text` into view; the rect of its first line. */
export const textRect = (page: Page, text: string, occurrence = 0): Promise<Rect> =>
  readerMoves.textRect(playwrightMoves(page), text, occurrence);

/** Rests the pointer on the middle of a rendered text, as a reader would. */
export const hoverText = (page: Page, text: string, occurrence = 0): Promise<Rect> =>
  readerMoves.hoverText(playwrightMoves(page), text, occurrence);

/** The hover card (inside the `<backstory-ui>` shadow root; CSS locators pierce open roots). */
export function card(page: Page): Locator {
  return page.locator('backstory-ui .bs-card[role="dialog"]');
}

/** Saves a screenshot to `test-results/screenshots/<name>` and returns its path. */
export async function saveScreenshot(target: Page | Locator, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, name);
  await target.screenshot({ path });
  return path;
}
