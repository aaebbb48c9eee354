/**
 * The card is the same card whatever the page does: on a page whose stylesheet attacks injected
 * UI (`* {all: unset !important}`, !important fonts, z-index wars, a transform on body) and on
 * a page served with a strict CSP and Trusted Types, it opens next to the mention, on top, with
 * its own fonts, and looks like the card on a plain page (pixel comparison of screenshots, all
 * saved under test-results/screenshots/).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  boundingBox,
  CARD,
  chosenBrowser,
  evaluateAll,
  hoverText,
  sleep,
  textOf,
  textsOf,
  waitForMentions,
  waitForSelector,
  type E2EPage,
  type Rect,
} from './driver';
import { launchForSuite } from './suite';

const MENTION = 'Mustafa al-Kadhimi';
const PAGES = ['isolation-plain.html', 'hostile-css.html', 'strict-csp.html'] as const;

interface Shown {
  screenshot: Buffer;
  box: { x: number; y: number; width: number; height: number };
  mention: Rect;
  style: { fontFamily: string; fontSize: string; color: string; position: string; width: string };
  onTop: boolean;
  topic: string;
  perspectives: number;
}

describe(`card isolation (${chosenBrowser()})`, () => {
  const { browser } = launchForSuite();
  const shown = new Map<string, Shown>();
  const cspViolations: string[] = [];

  async function showCard(name: string): Promise<Shown> {
    const page = await browser.openTestPage(name);
    page.onConsole((text) => {
      if (/Content.Security.Policy|TrustedHTML|Trusted Type/i.test(text)) cspViolations.push(`${name}: ${text}`);
    });
    await waitForMentions(page);
    const mention = await hoverText(page, MENTION);
    await waitForSelector(page, CARD, { state: 'visible', timeout: 5_000 });
    await waitForSelector(page, `${CARD} .bs-contrast-topic`, { timeout: 5_000 });
    await sleep(300); // past the entrance fade
    const box = (await boundingBox(page, CARD))!;
    const base = name.replace('.html', '');
    const result: Shown = {
      screenshot: await readFile(await page.screenshot(`isolation-${base}-card.png`, { clip: box })),
      box,
      mention,
      style: await evaluateAll(page, CARD, ([el]) => {
        const s = getComputedStyle(el!);
        return { fontFamily: s.fontFamily, fontSize: s.fontSize, color: s.color, position: s.position, width: s.width };
      }),
      onTop: await cardIsOnTop(page),
      topic: (await textOf(page, `${CARD} .bs-contrast-topic`)) ?? '',
      perspectives: new Set(await textsOf(page, `${CARD} .bs-contrasts .bs-account-perspective`)).size,
    };
    await page.screenshot(`isolation-${base}.png`);
    await page.close();
    return result;
  }

  it.each(PAGES)('%s shows a complete card next to the mention, on top of the page', async (name) => {
    const s = await showCard(name);
    shown.set(name, s);
    expect(s.topic).toBe("Kadhimi's government");
    expect(s.perspectives).toBeGreaterThanOrEqual(2);
    expect(s.style.position).toBe('fixed');
    expect(s.style.fontFamily).toMatch(/^system-ui/);
    expect(s.style.fontSize).toBe('14px');
    expect(s.onTop).toBe(true);
    // Next to the mention (just below or above it), never over it.
    const gapBelow = s.box.y - (s.mention.y + s.mention.height);
    const gapAbove = s.mention.y - (s.box.y + s.box.height);
    expect(Math.max(gapBelow, gapAbove)).toBeGreaterThanOrEqual(0);
    expect(Math.max(gapBelow, gapAbove)).toBeLessThan(20);
  });

  it('the hostile-CSS and strict-CSP cards look like the plain page’s card', async () => {
    const plain = shown.get('isolation-plain.html');
    expect(plain).toBeDefined();
    const page = await browser.newPage();
    try {
      for (const name of ['hostile-css.html', 'strict-csp.html'] as const) {
        const other = shown.get(name)!;
        expect(other.style).toEqual(plain!.style);
        expect(Math.round(other.box.width)).toBe(Math.round(plain!.box.width));
        expect(Math.round(other.box.height)).toBe(Math.round(plain!.box.height));
        expect(await differingPixels(page, plain!.screenshot, other.screenshot)).toBeLessThan(0.01);
      }
    } finally {
      await page.close();
    }
    expect(cspViolations).toEqual([]);
  });
});

/** Is the card what the pointer would hit at its centre (nothing of the page above it)? */
async function cardIsOnTop(page: E2EPage): Promise<boolean> {
  return page.evaluate(() => {
    const host = document.querySelector('backstory-ui');
    const cardEl = host?.shadowRoot?.querySelector('.bs-card');
    if (!host || !cardEl) return false;
    const r = cardEl.getBoundingClientRect();
    const points = [
      [r.left + r.width / 2, r.top + r.height / 2],
      [r.left + 10, r.top + 10],
      [r.right - 10, r.bottom - 10],
    ] as const;
    return points.every(([x, y]) => document.elementFromPoint(x, y) === host);
  });
}

/** Share of pixels that differ between two PNGs of the same size (decoded by the browser). */
async function differingPixels(page: E2EPage, a: Buffer, b: Buffer): Promise<number> {
  return page.evaluate(
    async ([a64, b64]) => {
      const decode = async (b64: string) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = await Promise.all([decode(a64), decode(b64)]);
      if (x.width !== y.width || x.height !== y.height) return 1;
      let differ = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        const d = Math.abs(x.data[i]! - y.data[i]!) + Math.abs(x.data[i + 1]! - y.data[i + 1]!) + Math.abs(x.data[i + 2]! - y.data[i + 2]!);
        if (d > 24) differ++;
      }
      return differ / (x.width * x.height);
    },
    [a.toString('base64'), b.toString('base64')] as [string, string],
  );
}
