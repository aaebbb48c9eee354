// "Already in your corpus": a page that is a seed in another site's layout, or a trimmed copy of
// one, is found by its text; one that only quotes a seed, or is about the same story, is not.
// The pages are the recognition fixtures, read through the article extractor as "Add this
// page" reads them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fingerprintsJson from '../../data/fingerprints.json';
import { extractArticle } from '../../lib/corpus/dom-article';
import type { DocumentDraft } from '../../lib/corpus/draft';
import {
  compareFingerprints,
  contentHash,
  documentFingerprint,
  documentId,
  duplicateProbes,
  findDuplicate,
  PROBE_MODULUS,
  toDocumentRecord,
} from '../../lib/corpus/identity';
import { KEBAB_ID } from '../../lib/kb/schema';
import type { Fingerprints } from '../../lib/recognition/types';
import { parseHtml } from './saved-pages';

const seeds = (fingerprintsJson as Fingerprints).documents;
const RECOGNITION_PAGES = join(__dirname, '../pages/recognition');

function pageDraft(name: string): DocumentDraft {
  const url = `https://pages.example/${name}`;
  const result = extractArticle(parseHtml(readFileSync(join(RECOGNITION_PAGES, name), 'utf8')), { origin: { kind: 'page', url }, pageUrl: url });
  if (!result.ok) throw new Error(`${name}: ${result.reason}`);
  return result.value;
}

const draft = (paragraphs: string[], extra: Partial<DocumentDraft> = {}): DocumentDraft => ({
  title: 'A title',
  paragraphs,
  origin: { kind: 'file', name: 'a.txt', format: 'txt' },
  ...extra,
});

describe('document identity', () => {
  it('the id comes from the canonical address: the same article under its AMP or tracked address is one id', () => {
    const a = toDocumentRecord(draft(['One text.'], { url: 'https://www.news.example/2020/06/story/amp/?utm_source=x' }));
    const b = toDocumentRecord(draft(['An edited text.'], { url: 'http://news.example/2020/06/story' }));
    expect(a.canonicalUrl).toBe('https://news.example/2020/06/story');
    expect(a.id).toBe(b.id);
    expect(a.id).toMatch(KEBAB_ID);
    expect(a.id).toMatch(/^d-[0-9a-f]{16}$/);
    expect(a.contentHash).not.toBe(b.contentHash);
  });

  it('without an address, the id comes from the text: the same text is one id, whitespace and composition aside', () => {
    const a = toDocumentRecord(draft(['Caf\u00e9 talks  began.', 'Second paragraph.']));
    const b = toDocumentRecord(draft(['Cafe\u0301 talks began. ', 'Second paragraph.'], { title: 'Another title' }));
    expect(a.canonicalUrl).toBeUndefined();
    expect(a.id).toBe(b.id);
    expect(a.contentHash).toBe(contentHash(['Café talks began.', 'Second paragraph.']));
    expect(toDocumentRecord(draft(['Different text.'])).id).not.toBe(a.id);
    expect(documentId({ contentHash: a.contentHash })).toBe(a.id);
  });
});

describe('duplicates by fingerprint', () => {
  it.each([
    ['seed-iran-meddles.html', 'iran-meddles'],
    ['seed-regime-fears-talks.html', 'regime-fears-talks'],
    ['seed-isis-revival.html', 'isis-revival'],
    ['seed-kadhimi-leaves-tehran.html', 'kadhimi-leaves-tehran'],
    ['seed-iran-terrified-talks.html', 'iran-terrified-talks'],
  ])('%s, a seed in another layout, is that document', (page, seed) => {
    const d = pageDraft(page);
    const match = findDuplicate(documentFingerprint({ id: 'new', ...d }), seeds);
    expect(match).toMatchObject({ doc: seed, kind: 'document' });
    expect(match!.containment).toBeGreaterThanOrEqual(0.85);
  });

  it('a republished, trimmed copy is a copy of its seed', () => {
    const match = findDuplicate(documentFingerprint({ id: 'new', ...pageDraft('copy-regime-fears-talks.html') }), seeds);
    expect(match).toMatchObject({ doc: 'regime-fears-talks' });
    expect(match!.containment).toBeGreaterThanOrEqual(0.4);
  });

  it('an article that quotes a seed, and articles on the same story, are not duplicates', () => {
    for (const page of ['quotes-iran-meddles.html', 'unrelated-dialogue-near-miss.html', 'unrelated-erbil-attack.html', 'unrelated-vienna-nuclear-talks.html']) {
      expect(findDuplicate(documentFingerprint({ id: 'new', ...pageDraft(page) }), seeds), page).toBeNull();
    }
  });

  it('an excerpt counts too: a draft made of a document’s text, even a sixth of it, is a copy', () => {
    const seed = seeds.find((s) => s.doc === 'iran-meddles')!;
    const excerpt = { ...seed, doc: 'excerpt', paragraphs: seed.paragraphs.slice(0, 2) };
    const full = { ...seed, doc: 'full' };
    expect(compareFingerprints(excerpt, seed)).toMatchObject({ kind: 'copy', doc: 'iran-meddles', containment: 1 });
    // And the other way round: the full text carries all of the excerpt.
    expect(compareFingerprints(full, excerpt)).toMatchObject({ kind: 'document', doc: 'excerpt' });
  });

  it('an excerpt that repeats a paragraph of the document is still a copy: its repeats count towards what it carries', () => {
    const seed = seeds.find((s) => s.doc === 'iran-meddles')!;
    const paragraph = seed.paragraphs.find((p) => p.length >= 20)!;
    // Under a sixth of the document, said three times: nothing but the document's text.
    const repeated = { ...seed, doc: 'repeated', paragraphs: [paragraph, paragraph, paragraph] };
    expect(compareFingerprints(repeated, seed)).toMatchObject({ kind: 'copy', doc: 'iran-meddles', containment: 1 });
    // A paragraph of its own alongside the repeats, and it is a new article.
    const own = seeds.find((s) => s.doc !== 'iran-meddles')!.paragraphs;
    expect(compareFingerprints({ ...repeated, paragraphs: [paragraph, ...own] }, seed)).toBeNull();
  });

  it('probes find a copy among documents without reading their fingerprints: a shared sample of hashes', () => {
    const copy = documentFingerprint({ id: 'new', ...pageDraft('copy-regime-fears-talks.html') });
    const probes = new Set(duplicateProbes(copy));
    const hits = seeds.map((s) => ({ doc: s.doc, shared: duplicateProbes(s).filter((h) => probes.has(h)).length }));
    const best = hits.sort((a, b) => b.shared - a.shared);
    expect(best[0]!.doc).toBe('regime-fears-talks');
    expect(best[0]!.shared).toBeGreaterThan(5 * Math.max(1, best[1]!.shared));
    // A sample, not every hash: what the index stores per document.
    const all = new Set(seeds[0]!.paragraphs.flat()).size;
    expect(duplicateProbes(seeds[0]!).length).toBeLessThan(all / (PROBE_MODULUS / 2));
  });
});
