/**
 * What both drivers share: turning a page function into an expression, polling in Node (so
 * `waitForFunction` behaves the same in both browsers and survives a navigation), where
 * screenshots go, and which browser the run is for.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SCREENSHOT_DIR } from '../harness';
import type { BrowserName, PageFunction } from './types';

/** `BACKSTORY_BROWSER`, `chromium` when unset. Anything else is a mistake worth stopping for. */
export function chosenBrowser(): BrowserName {
  const value = (process.env.BACKSTORY_BROWSER ?? 'chromium').toLowerCase();
  if (value === 'chromium' || value === 'firefox') return value;
  throw new Error(`BACKSTORY_BROWSER must be "chromium" or "firefox", not "${value}".`);
}

/**
 * `fn(arg)` as one expression both drivers evaluate the same way (awaiting a returned promise).
 * JSON carries the argument, which is what both protocols would do anyway.
 */
export function callExpression<Arg, Result>(fn: PageFunction<Arg, Result>, arg?: Arg): string {
  return `(${fn.toString()})(${arg === undefined ? '' : JSON.stringify(arg)})`;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Polls `evaluate` until it yields something truthy. A failed evaluation (the page is between two
 * documents after a navigation or reload) counts as "not yet" until the deadline.
 */
export async function pollUntil<Result>(
  evaluate: () => Promise<Result>,
  { timeout = 10_000, polling = 100, what = 'condition' }: { timeout?: number; polling?: number; what?: string } = {},
): Promise<NonNullable<Result>> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await evaluate();
      if (value) return value as NonNullable<Result>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}${cause}`);
    }
    await sleep(polling);
  }
}

/**
 * `test-results/screenshots/<name>` for Chromium (where they always were) and
 * `test-results/screenshots/firefox/<name>` for Firefox, the folder created.
 */
export async function screenshotPath(browser: BrowserName, name: string): Promise<string> {
  const dir = browser === 'chromium' ? SCREENSHOT_DIR : join(SCREENSHOT_DIR, browser);
  await mkdir(dir, { recursive: true });
  return join(dir, name);
}
