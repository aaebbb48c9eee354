/**
 * The re-anchoring fallback chain on saved HTML pages (test/pages/highlights/, the same pages
 * the end-to-end test serves): a highlight described on the original article is found again by
 * position on the same page, by exact quote when the page shifted, by fuzzy quote when its words
 * were edited, and not at all (→ orphan) when its paragraph was removed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { anchorQuote } from '../../lib/highlights/anchor';
import { describe as describeSelection } from '../../lib/highlights/selectors';
import { readPageText as readText, rangeOffsets, staticRangeAt } from '../../lib/page/dom-page-text';
import savedBefore from '../fixtures/highlights/rows-before-block-breaks.json';
import { installStaticRange } from '../page/static-range';

const PAGES = join(__dirname, '..', 'pages', 'highlights');

/** The page's text as highlights count in it (what the content script anchors in). */
const readPageText = (root: Node) => readText(root, { reading: 'selectable' });

function load(name: string) {
  const window = new Window({ url: 'http://127.0.0.1/highlights/' + name });
  window.document.write(readFileSync(join(PAGES, name), 'utf8'));
  return window.document as unknown as Document;
}

/** Describe `quote` (its first occurrence) on a page, as saving the reader's selection does. */
function saveOn(doc: Document, quote: string) {
  const page = readPageText(doc.body);
  const start = page.text.indexOf(quote);
  expect(start).toBeGreaterThanOrEqual(0);
  return describeSelection(page.text, start, start + quote.length);
}

const KADHIMI = 'Iraq would not become a battleground for other countries';
const MILITIAS = 'have demanded that every foreign soldier leave the country';

describe('anchorQuote on saved pages', () => {
  it('finds the highlight by its position on the unchanged page', () => {
    const saved = saveOn(load('article.html'), KADHIMI);
    const page = readPageText(load('article.html').body);
    const match = anchorQuote(page.text, saved.quote, saved.position);
    expect(match?.method).toBe('position');
    expect(page.text.slice(match!.start, match!.end)).toBe(KADHIMI);
  });

  it('falls back to the exact quote when an inserted paragraph shifted every offset', () => {
    const saved = saveOn(load('article.html'), MILITIAS);
    const page = readPageText(load('article-edited.html').body);
    expect(page.text.slice(saved.position.start, saved.position.end)).not.toBe(MILITIAS);
    const match = anchorQuote(page.text, saved.quote, saved.position);
    expect(match?.method).toBe('exact');
    expect(page.text.slice(match!.start, match!.end)).toBe(MILITIAS);
  });

  it('falls back to a fuzzy match when words of the quote were edited', () => {
    const saved = saveOn(load('article.html'), KADHIMI);
    const page = readPageText(load('article-edited.html').body);
    const match = anchorQuote(page.text, saved.quote, saved.position);
    expect(match?.method).toBe('fuzzy');
    const found = page.text.slice(match!.start, match!.end);
    expect(found).toContain('would never become a battleground for other countries');
    expect(found.length).toBeGreaterThan(KADHIMI.length - 5);
  });

  it('finds nothing when the paragraph was removed: the highlight is an orphan', () => {
    const saved = saveOn(load('article.html'), MILITIAS);
    const page = readPageText(load('article-removed.html').body);
    expect(anchorQuote(page.text, saved.quote, saved.position)).toBeNull();
  });

  it('chooses the occurrence whose context matches when the quote repeats', () => {
    const text = 'the talks in Baghdad ended. Later, in Washington, the talks ended. In Baghdad the talks ended again.';
    const at = text.indexOf('the talks ended', 40);
    const saved = describeSelection(text, at, at + 'the talks ended'.length);
    const shifted = `Breaking: ${text}`;
    const match = anchorQuote(shifted, saved.quote, saved.position);
    expect(match?.method).toBe('exact');
    expect(match!.start).toBe(at + 'Breaking: '.length);
  });

  it('finds an edited quote that straddles two windows of the whole-page fuzzy search', () => {
    const words = Array.from({ length: 6000 }, (_, i) => `w${(i * 7919) % 10007}`).join(' ');
    const at = 8192 - 60;
    const saved = describeSelection(words, at, at + 150);
    const edited = `${words.slice(0, at + 70)}EDITED${words.slice(at + 76)}`;
    // No position: only the windowed whole-page search can find it.
    const match = anchorQuote(edited, saved.quote);
    expect(match?.method).toBe('fuzzy');
    expect(Math.abs(match!.start - at)).toBeLessThanOrEqual(2);
    expect(edited.slice(match!.start, match!.end)).toContain('EDITED');
  });

  it('does not land a short quote on unrelated text', () => {
    expect(anchorQuote('Completely different words here.', { exact: 'Soleimani', prefix: 'killing of Qassem ', suffix: ', still' })).toBeNull();
  });
});

describe('highlights saved before the page text had block breaks', () => {
  it.each(savedBefore.rows.map((row) => [row.quote.replaceAll('\n', '⏎'), row] as const))('re-anchors "%s" by its quote', (_quote, row) => {
    const page = readPageText(load(row.page).body);
    const match = anchorQuote(page.text, { exact: row.quote, prefix: row.prefix, suffix: row.suffix }, row);
    expect(match).not.toBeNull();
    expect(page.text.slice(match!.start, match!.end)).toBe(row.anchorsTo);
  });
});

describe('page text ↔ DOM ranges', () => {
  it('round-trips a selection that crosses elements, skipping scripts and styles', () => {
    installStaticRange();
    const doc = load('article.html');
    const page = readPageText(doc.body);
    expect(page.text).not.toContain('font:');
    const start = page.text.indexOf('before the end of the year.');
    const end = page.text.indexOf('still hangs') + 'still hangs'.length;
    const range = staticRangeAt(page, start, end)!;
    const live = doc.createRange();
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
    expect(live.toString()).toBe(
      "before the end of the year.\nAnalysts said the parliament's vote in January, after the killing of Qassem Soleimani, still hangs",
    );
    expect(page.text.slice(start, end)).toBe(
      "before the end of the year.\u2029Analysts said the parliament's vote in January, after the killing of Qassem Soleimani, still hangs",
    );
    expect(rangeOffsets(page, range)).toEqual({ start, end });
  });
});
