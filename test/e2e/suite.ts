/**
 * The block every e2e file starts with — launch the chosen browser with the built extension,
 * open a page, wait for its marks, close it all afterwards — written once:
 *
 *   const { browser, page } = launchForSuite({ open: DEMO_PAGE });   // a test page, once marked
 *   const { browser } = launchForSuite({ grantSiteAccess: false });  // the browser only
 *   const { page: popup } = launchForSuite({ open: (b) => b.openExtensionPage('popup.html') });
 *
 * Called in a `describe` body (or at a file's top level): it registers the `beforeAll` that
 * launches and the `afterAll` that closes. The `browser` and `page` it returns stand for the ones
 * launched, so tests and hooks use them as they are; only the describe body itself, which runs
 * before anything is launched, cannot.
 *
 * Vitest-only (harness.ts is not: `npm start` and the bench load it outside Vitest).
 */
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, waitForMentions, type E2EBrowser, type E2EPage, type LaunchOptions } from './driver';

export interface SuiteOptions extends LaunchOptions {
  /**
   * What to open once launched: a page of `test/pages/` by name, returned once the content
   * script has marked it; or a function that opens (and waits for) anything else.
   */
  open?: string | ((browser: E2EBrowser) => Promise<E2EPage>);
}

export interface Suite {
  browser: E2EBrowser;
  /** What `open` opened; using it when nothing was asked to open is an error. */
  page: E2EPage;
}

export function launchForSuite(options: SuiteOptions = {}): Suite {
  const { open, ...launch } = options;
  let browser: E2EBrowser | undefined;
  let page: E2EPage | undefined;

  beforeAll(async () => {
    browser = await launchBrowser(launch);
    if (typeof open === 'string') page = await openMarked(browser, open);
    else if (open) page = await open(browser);
  });
  afterAll(async () => {
    await browser?.close();
    browser = page = undefined;
  });

  return {
    browser: standIn(() => browser, 'The suite’s browser exists from its beforeAll to its afterAll.'),
    page: standIn(
      () => page,
      open ? 'The suite’s page exists from its beforeAll to its afterAll.' : 'This suite opened no page: pass `open`.',
    ),
  };
}

async function openMarked(browser: E2EBrowser, name: string): Promise<E2EPage> {
  const page = await browser.openTestPage(name);
  await waitForMentions(page);
  return page;
}

/**
 * An object that forwards every property to what `current()` returns at the time of use, so it
 * can be handed out before `beforeAll` has made the real one. Methods are bound to the real
 * object (the drivers' pages and browsers are plain objects of closures; binding keeps any
 * `this` they might use pointing at them).
 */
function standIn<T extends object>(current: () => T | undefined, missing: string): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = current();
      if (!target) throw new Error(missing);
      const value: unknown = Reflect.get(target, key);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
