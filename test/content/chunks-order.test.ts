// @vitest-environment happy-dom
// The scan's chunks, walked with a stack so the token gate can stop at the first one it needs:
// the same chunks in the same order as the recursive walk they replace, on random pages.
import { describe, expect, it } from 'vitest';
import { chunksOf, splitIntoChunks } from '../../entrypoints/content/chunks';
import { isBlank, isBlock, isSkipped } from '../../lib/page/dom-elements';
import { seededRandom } from '../../scripts/bench/timing';

/** The walk as it was: recursive, the whole list at once. */
function recursiveChunks(root: Element): Element[] {
  const splittable = (el: Element) => {
    let blocks = 0;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (!isBlank((child as Text).data)) return false;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const c = child as Element;
        if (isSkipped(c)) continue;
        if (!isBlock(c) && !c.shadowRoot) return false;
        blocks++;
      }
    }
    return blocks > 0;
  };
  const chunks: Element[] = [];
  const visit = (el: Element) => {
    if (isSkipped(el) || (el as HTMLElement).isContentEditable) return;
    if (!el.firstChild && !el.shadowRoot) return;
    if (!splittable(el) || el.shadowRoot) {
      chunks.push(el);
      return;
    }
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) visit(child);
  };
  visit(root);
  return chunks;
}

describe('chunksOf', () => {
  it('gives the recursive walk’s chunks in its order, and can stop early', () => {
    const random = seededRandom(3);
    const tags = ['div', 'section', 'p', 'span', 'b', 'ul', 'li', 'script', 'article', 'img'];
    const grow = (el: Element, depth: number) => {
      const n = 1 + Math.floor(random() * 5);
      for (let i = 0; i < n; i++) {
        if (random() < 0.3) el.append(random() < 0.5 ? '  ' : `text ${i}`);
        const child = document.createElement(tags[Math.floor(random() * tags.length)]!);
        el.append(child);
        if (depth < 4) grow(child, depth + 1);
      }
    };
    let nonTrivial = 0;
    for (let page = 0; page < 200; page++) {
      document.body.replaceChildren();
      grow(document.body, 0);
      const expected = recursiveChunks(document.body);
      expect(splitIntoChunks(document.body)).toEqual(expected);
      if (expected.length > 2) {
        nonTrivial++;
        const walk = chunksOf(document.body);
        expect([walk.next().value, walk.next().value]).toEqual(expected.slice(0, 2));
      }
    }
    expect(nonTrivial).toBeGreaterThan(30);
  });
});
