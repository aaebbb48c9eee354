/**
 * The page's text fingerprint, built from the page text the spotter already reads chunk by
 * chunk (lib/page/dom-page-text.ts, block breaks between paragraphs: no second walk over the
 * DOM), and sent to the background, which says whether the page is a corpus document, a copy of
 * one, or from a known outlet.
 */
import { keptBySample, MAX_PAGE_SHINGLES, sampleModulus, textShingles } from '../../lib/recognition/shingles';
import { measure } from './measures';

export const FINGERPRINT_MEASURE = 'backstory:fingerprint';

/**
 * Text hashed per page at most. A corpus document is 4–8k characters and sits near the top of
 * any page that republishes it; beyond this the page is a feed or an archive, and hashing it
 * all (≈28 ms per million characters on our 2-core box) would only add to the scan's slices.
 */
export const MAX_FINGERPRINT_CHARS = 400_000;

export class PageFingerprint implements PageFingerprintLookup {
  /** Shingle hashes per scan chunk: a rescanned chunk replaces its own, a removed one is skipped. */
  private chunks = new Map<Element, { hashes: number[]; chars: number }>();
  private chars = 0;
  /** Time spent hashing since the last snapshot (it runs inside the scan passes). */
  private busy = 0;
  private lastSent = '';

  chunkShowing(shingles: readonly number[]): Element | null {
    if (shingles.length === 0) return null;
    const wanted = new Set(shingles);
    let best: Element | null = null;
    let bestFound = 0;
    for (const [root, { hashes }] of this.chunks) {
      if (!root.isConnected) continue;
      let found = 0;
      for (const h of hashes) if (wanted.has(h)) found++;
      if (found > bestFound) {
        best = root;
        bestFound = found;
      }
    }
    return bestFound / wanted.size >= SHOWN_COVERAGE ? best : null;
  }

  add(root: Element, text: string): void {
    const start = performance.now();
    const previous = this.chunks.get(root);
    if (previous) this.chars -= previous.chars;
    if (this.chars + text.length > MAX_FINGERPRINT_CHARS) {
      this.chunks.delete(root);
      return;
    }
    this.chars += text.length;
    this.chunks.set(root, { hashes: [...textShingles(text)], chars: text.length });
    this.busy += performance.now() - start;
  }

  /** The corpus changed: the next `takeChanged` answers even if the page's text did not. */
  forgetSent(): void {
    this.lastSent = '';
  }

  /**
   * The page's distinct shingles, sampled down to what a message may carry, or null when they
   * are what was last sent (a rescan that changed nothing needs no new answer).
   */
  takeChanged(): { shingles: number[]; modulus: number } | null {
    const start = performance.now();
    const all = new Set<number>();
    for (const [root, { hashes, chars }] of this.chunks) {
      if (!root.isConnected) {
        this.chunks.delete(root);
        this.chars -= chars;
        continue;
      }
      for (const h of hashes) all.add(h);
    }
    const modulus = sampleModulus(all.size, MAX_PAGE_SHINGLES);
    const shingles = modulus === 1 ? [...all] : [...all].filter((h) => keptBySample(h, modulus));
    const key = `${modulus}:${shingles.length}:${shingles.reduce((a, h) => (a + h) % 0xffffffff, 0)}`;
    const hashing = this.busy;
    this.busy = 0;
    measure(FINGERPRINT_MEASURE, start, { shingles: shingles.length, modulus, hashingMs: hashing });
    if (key === this.lastSent) return null;
    this.lastSent = key;
    return { shingles, modulus };
  }
}

/**
 * A paragraph counts as shown in a chunk when the chunk holds this share of its shingles (the
 * same bar as PARAGRAPH_COVERAGE in lib/recognition/fingerprint.ts).
 */
const SHOWN_COVERAGE = 0.5;

export interface PageFingerprintLookup {
  /** The scan chunk that shows a paragraph with these shingles, if one does. */
  chunkShowing(shingles: readonly number[]): Element | null;
}
