/**
 * Turning a page function into an expression, and polling in Node (so `waitForFunction` behaves
 * the same in both browsers and survives a navigation). Imports nothing from the harness, so the
 * harness can use it too.
 */
import type { PageFunction } from './types';

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
