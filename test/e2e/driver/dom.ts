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
import type { E2EPage, Rect } from './types';

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
  const implicitRole = { DIALOG: 'dialog', BUTTON: 'button', UL: 'list', OL: 'list', LI: 'listitem', H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', A: 'link', MAIN: 'main', SECTION: 'region' };
  const roleOf = (el) => el.getAttribute('role') ?? (el.tagName === 'INPUT' && el.type === 'checkbox' ? 'checkbox' : implicitRole[el.tagName]) ?? '';
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

/**
 * Clicks the middle of the first element the target matches with the real pointer, waiting (as
 * Playwright does) for it to be rendered: extension pages draw what the background answers.
 */
export async function click(page: E2EPage, target: Target): Promise<void> {
  await pollUntil(async () => (await count(page, target)) > 0, { timeout: 5_000, what: `${JSON.stringify(target)} to click` }).catch(() => undefined);
  const point = await evaluateAll(page, target, (elements) => {
    const el = elements[0];
    if (!el) return null;
    // Like Playwright: scroll only when the pointer could not reach its middle (outside the
    // viewport, or under something else such as a sticky bar); a needless scroll could move the
    // pointer off what keeps a hover UI open.
    // (No named inner functions: this runs in the page, see types.ts.)
    const root = el.getRootNode() as Document | ShadowRoot;
    let box = el.getBoundingClientRect();
    const hit = root.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    if (!hit || (hit !== el && !el.contains(hit))) {
      el.scrollIntoView({ block: 'center' });
      box = el.getBoundingClientRect();
    }
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  });
  if (!point) throw new Error(`Nothing to click: ${JSON.stringify(target)}`);
  await page.mouse.click(point.x, point.y);
}

// Form controls and element geometry: what the settings, highlights and recognition tests do.

/** The first match's box in viewport coordinates, after scrolling it into view if needed; null if none. */
export async function boundingBox(page: E2EPage, target: Target): Promise<Rect | null> {
  return evaluateAll(page, target, (elements) => {
    const el = elements[0];
    if (!el) return null;
    let box = el.getBoundingClientRect();
    if (box.bottom < 0 || box.top > window.innerHeight) {
      el.scrollIntoView({ block: 'center' });
      box = el.getBoundingClientRect();
    }
    return { x: box.x, y: box.y, width: box.width, height: box.height };
  });
}

/** An attribute of the first match; null when it has none or nothing matches. */
export async function attributeOf(page: E2EPage, target: Target, name: string): Promise<string | null> {
  return evaluateAll(page, target, (elements, name) => elements[0]?.getAttribute(name) ?? null, name);
}

/**
 * Empties a text field and types `text` into it with the keyboard, as a reader would (the field
 * gets focus by a click, so its input handlers see every keystroke).
 */
export async function fill(page: E2EPage, target: Target, text: string): Promise<void> {
  await click(page, target);
  await evaluateAll(page, target, (elements) => {
    const field = elements[0] as HTMLInputElement | HTMLTextAreaElement;
    field.select();
  });
  // Replaces the selection; an empty `text` clears the field.
  await page.keyboard.press('Backspace');
  if (text) await page.keyboard.type(text);
}

/** Whether the first matching checkbox is checked. */
export async function isChecked(page: E2EPage, target: Target): Promise<boolean> {
  return evaluateAll(page, target, (elements) => (elements[0] as HTMLInputElement | undefined)?.checked === true);
}

/**
 * Clicks the checkbox if it is not already in the wanted state (Playwright's check/uncheck),
 * then waits for that state: the popup's switches are controlled inputs that show the stored
 * setting once the background has answered, so a read right after the click can still see the
 * old state under load.
 */
export async function setChecked(page: E2EPage, target: Target, checked: boolean): Promise<void> {
  if ((await isChecked(page, target)) !== checked) await click(page, target);
  await pollUntil(async () => (await isChecked(page, target)) === checked, {
    timeout: 3_000,
    what: `${JSON.stringify(target)} to become ${checked ? 'checked' : 'unchecked'}`,
  });
}

/** Chooses an option of a `<select>` by value, with the events a reader's choice fires. */
export async function selectOption(page: E2EPage, target: Target, value: string): Promise<void> {
  const chosen = await evaluateAll(
    page,
    target,
    (elements, value) => {
      const select = elements[0] as HTMLSelectElement | undefined;
      if (!select || ![...select.options].some((o) => o.value === value)) return false;
      select.value = value;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    },
    value,
  );
  if (!chosen) throw new Error(`No option "${value}" in ${JSON.stringify(target)}`);
}

/** A file as a test hands it to the page: bytes as base64, so binary files arrive intact. */
export interface PageFile {
  name: string;
  mimeType?: string;
  base64: string;
}

/** `text` as a file for `setInputFiles` / `dropFiles`. */
export function textFile(name: string, text: string, mimeType = 'text/plain'): PageFile {
  return { name, mimeType, base64: Buffer.from(text, 'utf8').toString('base64') };
}

/**
 * Gives a file input one file, as choosing it in the file dialog would: the input's `files` are
 * set and `input` and `change` fire (what Playwright's `setInputFiles` does too).
 */
export async function setInputFile(
  page: E2EPage,
  target: Target,
  file: { name: string; mimeType: string; text: string },
): Promise<void> {
  await setInputFiles(page, target, [textFile(file.name, file.text, file.mimeType)]);
}

/** Gives a file input several files at once, as choosing them together in the file dialog would. */
export async function setInputFiles(page: E2EPage, target: Target, files: readonly PageFile[]): Promise<void> {
  const set = await evaluateAll(
    page,
    target,
    (elements, files) => {
      const input = elements[0] as HTMLInputElement | undefined;
      if (!input) return false;
      const transfer = new DataTransfer();
      for (const f of files) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], f.name, f.mimeType ? { type: f.mimeType } : {}));
      }
      input.files = transfer.files;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return true;
    },
    files,
  );
  if (!set) throw new Error(`No file input ${JSON.stringify(target)}`);
}

/**
 * Drops files on the page's body as a drag from the file manager would: `dragenter`, `dragover`
 * and `drop` with a `DataTransfer` holding them. (A synthetic drop has no folder entries: the
 * files arrive as a flat list, as some file managers give them.)
 */
export async function dropFiles(page: E2EPage, files: readonly PageFile[]): Promise<void> {
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const f of files) {
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], f.name, f.mimeType ? { type: f.mimeType } : {}));
    }
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, files);
}
