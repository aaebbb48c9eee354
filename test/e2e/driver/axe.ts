/**
 * axe-core in a real browser, where it can check what happy-dom cannot (colour contrast needs
 * layout). The script is evaluated through the driver, so a page's CSP does not stop it.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { E2EPage } from './types';

const require = createRequire(import.meta.url);
let source: string | undefined;

/**
 * Violations axe finds in `context` (an axe context: a CSS selector, or
 * `{ include: { fromShadowDom: ['host', 'inner'] } }` inside a shadow root), one line each:
 * `rule: html of each node`. `options` are axe's run options (e.g. rules to leave out).
 */
export async function axeViolations(page: E2EPage, context: unknown = 'body', options: object = {}): Promise<string[]> {
  source ??= await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluateSource(`(() => { if (!window.axe) { ${source}\n } })()`);
  const violations = (await page.evaluateSource(
    `window.axe.run(${JSON.stringify(context)}, ${JSON.stringify({ ...options, resultTypes: ['violations'] })}).then((r) => r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.html).join(' ')))`,
  )) as string[];
  return violations;
}

/** axe on the whole document, light then dark (dark undone after: Firefox sets it browser-wide). */
export async function axeLightAndDark(page: E2EPage): Promise<void> {
  expect(await axeViolations(page, 'html'), 'light').toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    expect(await axeViolations(page, 'html'), 'dark').toEqual([]);
  } finally {
    await page.emulateMedia({ colorScheme: null });
  }
}
