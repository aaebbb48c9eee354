// @vitest-environment happy-dom
/**
 * The content script's side: the fingerprint is built from the chunk texts the spotter reads,
 * follows rescans and removed chunks, is sent only when it changed, and stays within what the
 * background accepts on a huge page.
 */
import { describe, expect, it } from 'vitest';
import { FINGERPRINT_MEASURE, MAX_FINGERPRINT_CHARS, PageFingerprint } from '../../entrypoints/content/page-fingerprint';
import { BLOCK_BREAK } from '../../lib/engine/alphabet';
import { matchDocuments, buildFingerprints } from '../../lib/recognition/fingerprint';
import { MAX_PAGE_SHINGLES } from '../../lib/recognition/shingles';
import { documentById, kb } from './pages';

function chunk(): HTMLElement {
  const el = document.createElement('div');
  document.body.append(el);
  return el;
}

describe('PageFingerprint', () => {
  it('recognises a document read chunk by chunk, as the spotter reads it', () => {
    const d = documentById('kadhimi-leaves-tehran');
    const fingerprint = new PageFingerprint();
    fingerprint.add(chunk(), `Site name${BLOCK_BREAK}${d.title}`);
    for (const p of d.paragraphs) fingerprint.add(chunk(), p);
    const sent = fingerprint.takeChanged()!;
    expect(sent.modulus).toBe(1);
    const [best] = matchDocuments(new Set(sent.shingles), buildFingerprints(kb.documents));
    expect(best).toMatchObject({ doc: d.id, kind: 'document' });
    expect(performance.getEntriesByName(FINGERPRINT_MEASURE).length).toBeGreaterThan(0);
  });

  it('sends again only when a rescan changed the text, and forgets removed chunks', () => {
    const fingerprint = new PageFingerprint();
    const a = chunk();
    const b = chunk();
    fingerprint.add(a, 'one two three four five six');
    fingerprint.add(b, 'seven eight nine ten eleven');
    expect(fingerprint.takeChanged()!.shingles).toHaveLength(3);
    // The same text read again (a rescan that changed nothing): nothing to send.
    fingerprint.add(a, 'one two three four five six');
    expect(fingerprint.takeChanged()).toBeNull();
    b.remove();
    expect(fingerprint.takeChanged()!.shingles).toHaveLength(2);
    fingerprint.add(a, 'an entirely different paragraph now stands here');
    expect(fingerprint.takeChanged()!.shingles).toHaveLength(3);
  });

  it('samples a huge page down to what the background accepts', () => {
    const fingerprint = new PageFingerprint();
    // 60,000 distinct words in ~240k characters: within the character budget, over the hash limit.
    const words = Array.from({ length: 60_000 }, (_, i) => i.toString(36)).join(' ');
    fingerprint.add(chunk(), words);
    const sent = fingerprint.takeChanged()!;
    expect(sent.modulus).toBe(4);
    expect(sent.shingles.length).toBeLessThanOrEqual(MAX_PAGE_SHINGLES);
    expect(sent.shingles.every((h) => h % 4 === 0)).toBe(true);
  });

  it('stops hashing past its budget of characters, and a removed chunk frees its share', () => {
    const fingerprint = new PageFingerprint();
    const filler = chunk();
    fingerprint.add(filler, 'x '.repeat(MAX_FINGERPRINT_CHARS / 2 - 10));
    const late = chunk();
    const d = documentById('iran-meddles');
    fingerprint.add(late, [d.title, ...d.paragraphs].join(BLOCK_BREAK) + ' y'.repeat(MAX_FINGERPRINT_CHARS / 4));
    expect(fingerprint.takeChanged()!.shingles.length).toBeGreaterThan(0);
    const over = chunk();
    fingerprint.add(over, 'z '.repeat(MAX_FINGERPRINT_CHARS / 2));
    // Over budget: the last chunk was not hashed, the fingerprint did not change.
    expect(fingerprint.takeChanged()).toBeNull();
    filler.remove();
    fingerprint.takeChanged();
    fingerprint.add(over, 'one two three four five six seven');
    expect(fingerprint.takeChanged()).not.toBeNull();
  });
});
