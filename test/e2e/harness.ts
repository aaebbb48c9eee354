/**
 * End-to-end harness: serves `test/pages/` on 127.0.0.1, launches real Chromium with the built
 * extension (`.output/chrome-mv3`) in a fresh profile, and gives tests the few moves a reader
 * makes — open a page, look at what got marked, rest the pointer on a name, open the popup.
 *
 * No Vitest imports here: `scripts/start.mjs` loads this file too (through tsx).
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The unpacked extension under test: the Chrome build, or another one named by BACKSTORY_EXTENSION_DIR. */
export const EXTENSION_DIR = process.env.BACKSTORY_EXTENSION_DIR
  ? resolve(process.env.BACKSTORY_EXTENSION_DIR)
  : join(ROOT, '.output', 'chrome-mv3');
export const PAGES_DIR = join(ROOT, 'test', 'pages');
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');
/** The highlight registry name the content script marks mentions under. */
export const MENTION_HIGHLIGHT = 'backstory-mention';

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

/** The browser the tests drive: `CHROMIUM_PATH`, else the first installed candidate. */
export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return BROWSER_CANDIDATES.find((path) => existsSync(path));
}

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
 * Response headers a test page asks for (Content-Security-Policy, Trusted Types…): a sidecar
 * `<page>.headers.json` holding one JSON object of header names to values.
 */
async function extraHeaders(file: string): Promise<Record<string, string>> {
  try {
    return JSON.parse(await readFile(`${file}.headers.json`, 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
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
    Promise.all([readFile(file), extraHeaders(file)]).then(
      ([body, extra]) => {
        response.writeHead(200, {
          'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
          ...extra,
        });
        response.end(body);
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
    close: () => new Promise<void>((done) => server.close(() => done())),
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
  const profile = await mkdtemp(join(tmpdir(), 'backstory-e2e-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: options.headless ?? true,
      viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
      // Playwright passes --disable-extensions by default, which would win over --load-extension.
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
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
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await pages.close();
    await rm(profile, { recursive: true, force: true });
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

/** One marked mention: its text and where it starts and ends in the document's text. */
export interface MarkedMention {
  text: string;
  start: number;
  end: number;
}

/**
 * The mentions currently registered under the `backstory-mention` highlight, in document order.
 * The main world sees the content script's registrations: the highlight registry is one per
 * document, shared by the page and the extension's isolated world (checked in Chromium 156).
 */
export async function markedMentions(page: Page): Promise<MarkedMention[]> {
  // Page functions must not declare named functions: tsx (used by `npm start`) compiles with
  // esbuild's keepNames, whose `__name` helper does not exist in the page.
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    if (!highlight) return [];
    const mentions = [...highlight].map((range) => {
      const marked = document.createRange();
      marked.setStart(range.startContainer, range.startOffset);
      marked.setEnd(range.endContainer, range.endOffset);
      const before = document.createRange();
      before.setStart(document.body, 0);
      before.setEnd(range.startContainer, range.startOffset);
      const text = marked.toString();
      const start = before.toString().length;
      return { text, start, end: start + text.length };
    });
    return mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  }, MENTION_HIGHLIGHT);
}

async function markedSignature(page: Page): Promise<string> {
  const marked = await markedMentions(page);
  return marked.map((m) => `${m.start}-${m.end}`).join(',');
}

/**
 * Waits until the content script has scanned (a `backstory:scan` measure exists), marked at least
 * one mention, and the marks have stopped changing for `settleMs`.
 */
export async function waitForMentions(page: Page, { timeout = 15_000, settleMs = 400 } = {}): Promise<void> {
  await page.waitForFunction(
    (name) => performance.getEntriesByName('backstory:scan').length > 0 && (CSS.highlights.get(name)?.size ?? 0) > 0,
    MENTION_HIGHLIGHT,
    { timeout, polling: 100 },
  );
  await waitForStableMarks(page, { timeout, settleMs });
}

async function waitForStableMarks(page: Page, { timeout, settleMs }: { timeout: number; settleMs: number }) {
  const deadline = Date.now() + timeout;
  let last = await markedSignature(page);
  let stableSince = Date.now();
  while (Date.now() - stableSince < settleMs) {
    if (Date.now() > deadline) throw new Error(`Marks on ${page.url()} kept changing for ${timeout} ms`);
    await page.waitForTimeout(100);
    const now = await markedSignature(page);
    if (now !== last) {
      last = now;
      stableSince = Date.now();
    }
  }
}

/**
 * Every mention marked anywhere on the page. Only mentions near the viewport are registered at
 * a time, so this scrolls from top to bottom and gathers what each stretch registers.
 */
export async function allMarkedMentions(page: Page): Promise<MarkedMention[]> {
  const found = new Map<string, MarkedMention>();
  const { scrollHeight, viewport } = await page.evaluate(() => ({
    scrollHeight: document.documentElement.scrollHeight,
    viewport: window.innerHeight,
  }));
  const step = Math.max(200, Math.floor(viewport * 0.75));
  for (let y = 0; ; y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await waitForStableMarks(page, { timeout: 10_000, settleMs: 300 });
    for (const mention of await markedMentions(page)) found.set(`${mention.start}-${mention.end}`, mention);
    if (y + viewport >= scrollHeight) break;
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return [...found.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Scrolls the `occurrence`-th rendered occurrence of `text` to the upper quarter of the viewport
 * and returns the rectangle of its first line box. The text may cross element boundaries
 * (`<b>Mustafa</b> <i>…</i>`).
 */
export async function textRect(page: Page, text: string, occurrence = 0): Promise<Rect> {
  const rect = await page.evaluate(
    ({ text, occurrence }) => {
      // Text the reader sees: skip our own UI and non-rendered elements.
      const skip = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'BACKSTORY-UI']);
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (parent && !parent.closest([...skip].join(',')) && parent.getClientRects().length > 0) {
          nodes.push(node as Text);
        }
      }
      const joined = nodes.map((n) => n.data).join('');
      let at = -1;
      for (let i = 0; i <= occurrence; i++) {
        at = joined.indexOf(text, at + 1);
        if (at < 0) return null;
      }
      // Map the match back to (text node, offset) at both ends; a start at a node's very end
      // belongs to the next node, an end at a node's very end to that node.
      const from = at;
      const to = at + text.length;
      let start: { node: Text; offset: number } | undefined;
      let end: { node: Text; offset: number } | undefined;
      let base = 0;
      for (const node of nodes) {
        const next = base + node.data.length;
        if (!start && from < next) start = { node, offset: from - base };
        if (!end && to <= next) end = { node, offset: to - base };
        base = next;
      }
      if (!start || !end) return null;
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      // Bring it to the upper quarter of the viewport, leaving room below for the card.
      const first = range.getClientRects()[0];
      if (first) window.scrollBy(0, first.top - window.innerHeight / 4);
      const box = range.getClientRects()[0];
      return box ? { x: box.x, y: box.y, width: box.width, height: box.height } : null;
    },
    { text, occurrence },
  );
  if (!rect) throw new Error(`"${text}" (occurrence ${occurrence}) is not rendered on ${page.url()}`);
  return rect;
}

/** Rests the pointer on the middle of a rendered text, as a reader would. */
export async function hoverText(page: Page, text: string, occurrence = 0): Promise<Rect> {
  const rect = await textRect(page, text, occurrence);
  // Marks follow scrolling: let the newly visible stretch be registered before pointing at it.
  await waitForStableMarks(page, { timeout: 10_000, settleMs: 300 });
  await page.mouse.move(1, 1);
  await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 8 });
  return rect;
}

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
