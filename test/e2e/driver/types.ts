/**
 * The browser-neutral driver the end-to-end tests are written against, so the same test files
 * run in Chromium (playwright-core) and in Firefox ESR (puppeteer-core over WebDriver BiDi).
 * `BACKSTORY_BROWSER=chromium|firefox` chooses the browser (see `./index.ts`); nothing else in a
 * test names one.
 *
 * Porting a Playwright-typed test (harness.ts) to this API:
 *
 * | Playwright (harness.ts)                          | Neutral (driver)                                   |
 * |--------------------------------------------------|----------------------------------------------------|
 * | `launchWithExtension()` → `Harness`              | `launchBrowser()` → `E2EBrowser`                   |
 * | `openTestPage(harness, name)`                    | `browser.openTestPage(name)`                       |
 * | `openPopup(harness)`                             | `browser.openExtensionPage('popup.html', POPUP_VIEWPORT)` |
 * | `context.newPage(); page.goto(extensionUrl(…))`  | `browser.openExtensionPage(path)`                  |
 * | `extensionUrl(harness, path)`                    | `browser.extensionUrl(path)`                       |
 * | `chrome-extension://${harness.extensionId}`      | `browser.extensionOrigin`                          |
 * | `page.evaluate(fn, arg)`                         | `page.evaluate(fn, arg)` (same; no named inner functions) |
 * | `page.waitForFunction(fn, arg, {timeout})`       | `page.waitForFunction(fn, arg, {timeout})` → the truthy value |
 * | `page.mouse.move(x, y, {steps})`                 | `page.mouse.move(x, y, {steps})`                   |
 * | `page.keyboard.press('Escape')` / `.type(t)`     | `page.keyboard.press('Escape')` / `.type(t)`       |
 * | `page.locator(css).isVisible()`                  | `isVisible(page, css)` (dom.ts; pierces open shadow roots) |
 * | `locator.waitFor({state})`                       | `waitForSelector(page, css, {state})` (dom.ts)     |
 * | `locator.textContent()`                          | `textOf(page, css)` (dom.ts)                       |
 * | `locator.evaluateAll(fn)`                        | `evaluateAll(page, css, fn, arg)` (dom.ts)         |
 * | `locator.click()`                                | `click(page, css)` (dom.ts: real pointer click at its centre) |
 * | `page.getByRole(role, {name})` / `getByLabel(l)` | `byRole(page, role, name)` / `byLabel(page, label)` → a CSS-free handle selector (dom.ts) |
 * | `page.emulateMedia({ colorScheme })`             | `launchBrowser({ colorScheme })` (Firefox: a profile pref) |
 * | `saveScreenshot(page, name)`                     | `page.screenshot(name)` (Firefox's under screenshots/firefox/) |
 * | `saveScreenshot(locator, name)`                  | `page.screenshot(name, { clip: await boundingBox(page, css) })` |
 * | `page.emulateMedia({ colorScheme, reducedMotion })` mid-test | `page.emulateMedia(…)` (Firefox: every page, see below) |
 * | `page.mouse.wheel(dx, dy)`                       | `page.mouse.wheel(dx, dy)`                         |
 * | `page.on('console', m => m.text())`              | `page.onConsole(text => …)`                        |
 * | `page.waitForTimeout(ms)`                        | `sleep(ms)` (common.ts)                             |
 * | `context.waitForEvent('page')` + an action       | `browser.waitForNewPage(action)`                   |
 * | `page.waitForEvent('download')` + an action      | `page.download(action)` → `{ filename, text }`     |
 * | `serviceWorker.evaluate(fn)`                     | `browser.evaluateInBackground((bg, arg) => …, arg)` |
 * | `tabs.query({ active: true })` for a page's tab id | `tabIdOf(browser, page)` (tabs.ts)                 |
 * | `locator.fill(t)` / `.check()` / `.selectOption(v)` / `.setInputFiles(f)` | `fill` / `setChecked` / `selectOption` / `setInputFile(s)` (dom.ts) |
 * | a drag of files from the file manager            | `dropFiles(page, files)` (dom.ts)                  |
 * | `locator.getAttribute(a)` / `.boundingBox()`     | `attributeOf(page, css, a)` / `boundingBox(page, css)` (dom.ts) |
 *
 * Page functions run in the page: they must not close over test variables (pass them as `arg`)
 * and must not declare named functions (tsx's keepNames helper `__name` does not exist there).
 */

export type BrowserName = 'chromium' | 'firefox';

/** A rectangle in viewport coordinates (CSS pixels). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The background's global object, as `evaluateInBackground` functions see it: only what tests use. */
export interface BackgroundGlobal {
  chrome: {
    tabs: {
      query(query: object): Promise<{ id?: number }[]>;
      sendMessage(tabId: number, message: unknown): Promise<unknown>;
    };
  };
  /** entrypoints/background/highlight-commands.ts and add-page-commands.ts: the menu and command handlers. */
  backstoryTestHooks: {
    onSaveMenuClicked(info: unknown, tab: unknown): Promise<boolean>;
    onSaveCommand(command: string, tab: unknown): Promise<boolean>;
    onAddMenuClicked(info: unknown, tab: unknown): Promise<boolean>;
    onAddCommand(command: string, tab: unknown): Promise<boolean>;
  };
  indexedDB: IDBFactory;
  /** The background's own timeline (its `performance.measure`s), not the helper page's. */
  performance: Performance;
}

export interface Viewport {
  width: number;
  height: number;
}

/** A function serialised into the page and run there with one JSON-able argument. */
export type PageFunction<Arg, Result> = (arg: Arg) => Result | Promise<Result>;

export interface E2EPage {
  /** The page's current URL (read from the page: Firefox extension pages report no navigation). */
  url(): Promise<string>;
  /** Navigates and waits until the document has loaded (extension pages included). */
  goto(url: string): Promise<void>;
  /** Reloads and waits until the document has loaded again. */
  reload(): Promise<void>;
  evaluate<Result, Arg = undefined>(fn: PageFunction<Arg, Result>, arg?: Arg): Promise<Result>;
  /** Evaluates a JavaScript expression in the page (a returned promise is awaited). */
  evaluateSource(expression: string): Promise<unknown>;
  /** Polls `fn` in the page until it returns something truthy, and returns that. */
  waitForFunction<Result, Arg = undefined>(
    fn: PageFunction<Arg, Result>,
    arg?: Arg,
    options?: { timeout?: number; polling?: number },
  ): Promise<NonNullable<Result>>;
  mouse: {
    move(x: number, y: number, options?: { steps?: number }): Promise<void>;
    click(x: number, y: number): Promise<void>;
    /** Turns the mouse wheel by these CSS pixels where the pointer is (scrolls what is under it). */
    wheel(deltaX: number, deltaY: number): Promise<void>;
  };
  keyboard: {
    /** A key name both drivers understand: `Escape`, `Enter`, `Tab`, `ArrowDown`, letters… */
    press(key: string): Promise<void>;
    type(text: string, options?: { delay?: number }): Promise<void>;
  };
  setViewport(viewport: Viewport): Promise<void>;
  bringToFront(): Promise<void>;
  /**
   * Saves a PNG of the viewport (or of `clip`, in viewport coordinates) under
   * `test-results/screenshots/` (see common.ts); returns its path.
   */
  screenshot(name: string, options?: { clip?: Rect }): Promise<string>;
  /**
   * Emulates media features; `null` restores the launch setting. Chromium: this page only.
   * Firefox: every page of the browser, because puppeteer cannot emulate media over BiDi (it needs
   * CDP), so the driver sets the prefs behind them (`layout.css.prefers-color-scheme.content-override`,
   * `ui.prefersReducedMotion`) from the browser's chrome scope, which `--remote-allow-system-access` opens.
   */
  emulateMedia(features: {
    colorScheme?: 'light' | 'dark' | null;
    reducedMotion?: 'reduce' | 'no-preference' | null;
  }): Promise<void>;
  /** Calls `listener` with the text of every console message the page logs from now on. */
  onConsole(listener: (text: string) => void): void;
  /**
   * Calls `listener` with the message of every uncaught error the page reports from now on
   * (Chromium: Playwright's `pageerror`; Firefox: puppeteer's, from BiDi `log.entryAdded` of type
   * `javascript`).
   */
  onPageError(listener: (message: string) => void): void;
  /**
   * Runs `action` (a click that makes the page download a file) and returns the file. Chromium:
   * the real download. Firefox: puppeteer has no download events over BiDi, so the driver catches
   * the `<a download>` click in the page (Backstory's exports click a blob link) and reads the blob.
   */
  download(action: () => Promise<void>): Promise<{ filename: string; text: string }>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** The unpacked extension to load; the build for the chosen browser by default. */
  extensionDir?: string;
  viewport?: Viewport;
  /**
   * Firefox only: whether the MV3 host permissions are granted at install (the pref
   * `extensions.originControls.grantByDefault`). True by default, like a reader who accepted
   * the install prompt; false reproduces a profile where site access was not granted.
   * Chromium always grants them at install.
   */
  grantSiteAccess?: boolean;
  /**
   * Firefox only: answer extension permission requests (`permissions.request`) with "allow"
   * without showing the prompt (pref `extensions.webextOptionalPermissionPrompts` = false). The
   * prompt is browser UI no driver can click; this tests everything around it.
   */
  acceptPermissionPrompts?: boolean;
  /**
   * `prefers-color-scheme` for every page, light by default. Per browser, not per page: over
   * BiDi, puppeteer cannot emulate media features (it needs CDP), so Firefox gets the pref
   * `layout.css.prefers-color-scheme.content-override` instead.
   */
  colorScheme?: 'light' | 'dark';
}

export interface E2EBrowser {
  name: BrowserName;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  extensionOrigin: string;
  /** Where `test/pages/` is served: `http://127.0.0.1:<port>`. */
  pagesOrigin: string;
  extensionUrl(path: string): string;
  newPage(): Promise<E2EPage>;
  /** Opens `test/pages/<name>` in a new tab. */
  openTestPage(name: string): Promise<E2EPage>;
  /** Opens an extension page (`popup.html`, `reader.html?…`) in a new tab. */
  openExtensionPage(path: string, viewport?: Viewport): Promise<E2EPage>;
  /** URLs of every open tab, extension pages included (e.g. one the extension opened itself). */
  openUrls(): Promise<string[]>;
  /** Runs `action` and returns the tab it opens, once that tab's document has loaded. */
  waitForNewPage(action: () => Promise<void>, options?: { timeout?: number }): Promise<E2EPage>;
  /**
   * Runs `fn(bg, arg)` in the extension's background, `bg` being its global object. Chromium: in
   * the MV3 service worker. Firefox: the MV3 background is an event page, not a puppeteer target,
   * so the function runs in a background tab of an extension page and gets the background's
   * window from `runtime.getBackgroundPage()` (use `bg.…` for the background's globals and APIs).
   */
  evaluateInBackground<Result, Arg = undefined>(fn: (bg: BackgroundGlobal, arg: Arg) => Result | Promise<Result>, arg?: Arg): Promise<Result>;
  /** Closes the browser, stops the page server, deletes the temporary profile. */
  close(): Promise<void>;
}

/** The popup's size, for opening popup.html in a tab. */
export const POPUP_VIEWPORT: Viewport = { width: 420, height: 600 };
export const DEFAULT_VIEWPORT: Viewport = { width: 1280, height: 900 };
