/**
 * Finding and reading elements the same way in both browsers. A target is a CSS selector (every
 * compound part of it may be inside an open shadow root, as Playwright's CSS locators allow), a
 * label (`{ label }`, the accessible name of a form control) or a role with an accessible name
 * (`{ role, name }`). The matching runs in the page; the accessible name here is the simple
 * part of the spec Backstory's UI uses: `aria-labelledby`, `aria-label`, `<label for>` or a
 * wrapping `<label>`, else the content for
 * roles named by it (heading, button, link, option…).
 */
import { pollUntil } from './common';
import type { E2EPage } from './types';

export type Target = string | { label: string } | { role: string; name?: string };

/**
 * In-page source of `(target) => Element[]`. Kept as plain JavaScript text so no compiler helper
 * (esbuild's `__name`) can leak into the page.
 */
const RESOLVE = `(target) => {
  // root, and every open shadow root at or below it (the root's own included).
  const deepAll = (root) => {
    const out = [root];
    if (root.shadowRoot) out.push(...deepAll(root.shadowRoot));
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.shadowRoot) out.push(...deepAll(node.shadowRoot));
    }
    return out;
  };
  const roots = deepAll(document);
  const all = [];
  for (const root of roots) all.push(...root.querySelectorAll('*'));
  const implicitRole = { DIALOG: 'dialog', BUTTON: 'button', UL: 'list', LI: 'listitem', H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', A: 'link', MAIN: 'main' };
  const roleOf = (el) => el.getAttribute('role') ?? implicitRole[el.tagName] ?? '';
  const textOfIds = (el, ids) => ids.split(/\\s+/).map((id) => el.getRootNode().getElementById?.(id)?.textContent ?? '').join(' ');
  const nameOf = (el) => {
    const clean = (s) => s.replace(/\\s+/g, ' ').trim();
    const by = el.getAttribute('aria-labelledby');
    if (by) return clean(textOfIds(el, by));
    const label = el.getAttribute('aria-label');
    if (label) return clean(label);
    if (el.id) {
      const forIt = el.getRootNode().querySelector?.('label[for="' + CSS.escape(el.id) + '"]');
      if (forIt) return clean(forIt.textContent ?? '');
    }
    const wrapping = el.closest('label');
    if (wrapping) return clean(wrapping.textContent ?? '');
    // Roles named by their content.
    return /^(heading|button|link|option|tab|menuitem)$/.test(roleOf(el)) ? clean(el.textContent ?? '') : '';
  };
  if (typeof target === 'string') {
    // "a b c": each part may sit in a shadow root below the previous one.
    const parts = target.split(/\\s+(?![^\\[]*\\])/);
    let scopes = [document];
    for (const part of parts) {
      const next = [];
      for (const scope of scopes) {
        for (const root of deepAll(scope)) next.push(...root.querySelectorAll(part));
      }
      scopes = [...new Set(next)];
    }
    return scopes;
  }
  if ('label' in target) return all.filter((el) => /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(el.tagName) || el.getAttribute('role')).filter((el) => nameOf(el) === target.label);
  return all.filter((el) => roleOf(el) === target.role && (target.name === undefined || nameOf(el) === target.name));
}`;

/** The in-page test for "a reader can see it": rendered, with a size, not `visibility: hidden`. */
const VISIBLE = `(el) => {
  const box = el.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
}`;

/** Runs `fn(elements, arg)` in the page on every element the target matches. */
export async function evaluateAll<Result, Arg = undefined>(
  page: E2EPage,
  target: Target,
  fn: (elements: Element[], arg: Arg) => Result,
  arg?: Arg,
): Promise<Result> {
  const expression = `(${fn.toString()})((${RESOLVE})(${JSON.stringify(target)}), ${arg === undefined ? 'undefined' : JSON.stringify(arg)})`;
  return (await page.evaluateSource(expression)) as Result;
}

export async function count(page: E2EPage, target: Target): Promise<number> {
  return evaluateAll(page, target, (elements) => elements.length);
}

/** Whether the first element the target matches is visible (false when nothing matches). */
export async function isVisible(page: E2EPage, target: Target): Promise<boolean> {
  const expression = `(() => { const el = (${RESOLVE})(${JSON.stringify(target)})[0]; return !!el && (${VISIBLE})(el); })()`;
  return (await page.evaluateSource(expression)) as boolean;
}

/** Waits until the target is visible (or, with `state: 'hidden'`, until it is not). */
export async function waitForSelector(
  page: E2EPage,
  target: Target,
  { state = 'visible', timeout = 5_000 }: { state?: 'visible' | 'hidden'; timeout?: number } = {},
): Promise<void> {
  await pollUntil(async () => (await isVisible(page, target)) === (state === 'visible'), {
    timeout,
    what: `${JSON.stringify(target)} to be ${state}`,
  });
}

/** The `textContent` of the first element the target matches; `null` if none. */
export async function textOf(page: E2EPage, target: Target): Promise<string | null> {
  return evaluateAll(page, target, (elements) => elements[0]?.textContent ?? null);
}

/** All `textContent`s of the elements the target matches, in document order. */
export async function textsOf(page: E2EPage, target: Target): Promise<string[]> {
  return evaluateAll(page, target, (elements) => elements.map((el) => el.textContent ?? ''));
}

/** Clicks the middle of the first element the target matches with the real pointer. */
export async function click(page: E2EPage, target: Target): Promise<void> {
  const point = await evaluateAll(page, target, (elements) => {
    const el = elements[0];
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const box = el.getBoundingClientRect();
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  });
  if (!point) throw new Error(`Nothing to click: ${JSON.stringify(target)}`);
  await page.mouse.click(point.x, point.y);
}
