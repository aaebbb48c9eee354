/**
 * Drawing saved highlights under the `backstory-highlight` registry name (CSS Custom Highlight
 * API, no change to the page's DOM), above mentions, and revealing one: scrolled to and flashed.
 */
import { FLASH_HIGHLIGHT, supportsHighlights } from '../marks';
import { liveRange } from '../spotted';
import type { Anchored } from './anchors';

export const SAVED_HIGHLIGHT = 'backstory-highlight';
const FLASH_MS = 1600;

export function drawHighlights(anchored: Iterable<Anchored>): void {
  if (!supportsHighlights()) return;
  const ranges = [...anchored].map((a) => a.range);
  if (ranges.length === 0) {
    CSS.highlights.delete(SAVED_HIGHLIGHT);
    return;
  }
  const highlight = new Highlight(...ranges);
  // Above mentions: a saved passage stays visible when it contains a name.
  highlight.priority = 1;
  CSS.highlights.set(SAVED_HIGHLIGHT, highlight);
}

export function eraseHighlights(): void {
  if (supportsHighlights()) CSS.highlights.delete(SAVED_HIGHLIGHT);
}

/** Scroll to a highlight and flash it; false when its text is no longer on the page. */
export function revealHighlight(anchored: Anchored, setTimeout: (fn: () => void, ms: number) => unknown): boolean {
  const range = liveRange(anchored.range);
  if (!range) return false;
  (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center', inline: 'nearest' });
  if (supportsHighlights()) {
    CSS.highlights.set(FLASH_HIGHLIGHT, new Highlight(anchored.range));
    setTimeout(() => CSS.highlights.delete(FLASH_HIGHLIGHT), FLASH_MS);
  }
  return true;
}
