import { describe, expect, it } from 'vitest';
import { BLOCK_BREAK } from '../../lib/engine/alphabet';
import {
  buildFingerprints,
  COPY_CONTAINMENT,
  DOCUMENT_CONTAINMENT,
  matchDocuments,
} from '../../lib/recognition/fingerprint';
import { keptBySample, paragraphShingles, sampleModulus, textShingles } from '../../lib/recognition/shingles';
import { documentById, kb, pagesStartingWith, pageText } from './pages';

const fingerprints = buildFingerprints(kb.documents);
const match = (text: string, modulus = 1) => {
  const all = textShingles(text);
  const sampled = new Set([...all].filter((h) => keptBySample(h, modulus)));
  return matchDocuments(sampled, fingerprints, modulus);
};
const join = (paragraphs: string[]) => paragraphs.join(BLOCK_BREAK);

describe('shingles', () => {
  it('ignore case, punctuation, quote styles and spacing, but not word order', () => {
    const a = paragraphShingles('Iran’s “strategic dialogue” with   the US-Iraq team began.');
    const b = paragraphShingles("IRAN'S \"strategic dialogue\" with the US Iraq team began");
    expect(a).toEqual(b);
    expect(paragraphShingles('team Iraq US the with dialogue strategic s Iran began')).not.toEqual(a);
  });

  it('never run across paragraphs, so chrome between paragraphs cannot make new ones', () => {
    expect(textShingles(`one two three${BLOCK_BREAK}four five six`).size).toBe(0);
    expect(textShingles('one two three four five').size).toBe(1);
  });

  it('sample consistently: the same hashes are kept on both sides', () => {
    expect(sampleModulus(10_000, 20_000)).toBe(1);
    expect(sampleModulus(50_000, 20_000)).toBe(4);
    const kept = [...textShingles(join(documentById('iran-meddles').paragraphs))].filter((h) => keptBySample(h, 4));
    expect(kept.every((h) => h % 4 === 0)).toBe(true);
  });
});

describe('recognising a corpus document', () => {
  it.each(kb.documents.map((d) => d.id))('%s: its own text under another site’s chrome is the document', (id) => {
    const d = documentById(id);
    const page = join(['Home | World | Opinion', d.title, 'By a staff writer', ...d.paragraphs, 'Most read', '© 2020 Another Site']);
    const [best, ...others] = match(page);
    expect(best).toMatchObject({ doc: id, kind: 'document' });
    expect(best!.containment).toBeGreaterThan(0.98);
    // Documents of one campaign share phrases, but never enough to be mistaken for the page.
    expect(others.every((m) => m.kind === 'quotes')).toBe(true);
  });

  it('recognises each raw capture in data/seeds (its original chrome included) as its document', async () => {
    const { readFileSync } = await import('node:fs');
    for (const d of kb.documents) {
      const raw = readFileSync(new URL(`../../data/seeds/${d.file}`, import.meta.url), 'utf8');
      expect(match(raw)[0]).toMatchObject({ doc: d.id, kind: 'document' });
    }
  });

  it('recognises the seed pages in five different site layouts', () => {
    const pages = pagesStartingWith('seed-');
    expect(pages).toHaveLength(5);
    for (const name of pages) {
      const id = name.replace(/^seed-|\.html$/g, '');
      expect(match(pageText(name))[0], name).toMatchObject({ doc: id, kind: 'document' });
    }
  });

  it('still recognises a document with a word changed in every paragraph (light edits)', () => {
    const d = documentById('iran-terrified-talks');
    const edited = d.paragraphs.map((p) => p.replace(/\b(the|The)\b/, 'this'));
    expect(match(join([d.title, ...edited]))[0]).toMatchObject({ doc: d.id, kind: 'document' });
  });

  it('calls a retitled page with all the text a copy: the title is part of being the document', () => {
    const d = documentById('isis-revival');
    expect(match(join(['A different headline for the same story', ...d.paragraphs]))[0]).toMatchObject({
      doc: d.id,
      kind: 'copy',
    });
  });

  it('calls a retitled, trimmed and edited copy a copy (test/pages/recognition/copy-*.html)', () => {
    const [best] = match(pageText('copy-regime-fears-talks.html'));
    expect(best).toMatchObject({ doc: 'regime-fears-talks', kind: 'copy' });
    expect(best!.containment).toBeGreaterThanOrEqual(COPY_CONTAINMENT);
    expect(best!.containment).toBeLessThan(DOCUMENT_CONTAINMENT);
  });

  it('keeps every verdict when the page was sampled 1 in 4 (a huge page)', () => {
    const d = documentById('regime-fears-talks');
    expect(match(join([d.title, ...d.paragraphs]), 4)[0]).toMatchObject({ doc: d.id, kind: 'document' });
    expect(match(pageText('copy-regime-fears-talks.html'), 4)[0]).toMatchObject({ doc: d.id, kind: 'copy' });
    expect(match(pageText('unrelated-dialogue-near-miss.html'), 4)).toEqual([]);
  });
});

describe('partial quotes', () => {
  it('a page quoting two paragraphs quotes the document, it is not a copy of it', () => {
    const found = match(pageText('quotes-iran-meddles.html'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ doc: 'iran-meddles', kind: 'quotes', paragraphs: [6, 7] });
    // Two paragraphs of thirteen: far under the copy threshold, which has room to spare.
    expect(found[0]!.containment).toBeLessThan(COPY_CONTAINMENT / 1.5);
  });

  it('a single quoted sentence is not even a quote of a paragraph', () => {
    const d = documentById('iran-meddles');
    const sentence = d.paragraphs[5]!.split('. ')[0]!;
    expect(match(join(['An opinion column.', `As one paper put it, “${sentence}.”`, 'We disagree.']))).toEqual([]);
  });

  it('where quotes stop and copies start: half a document is a copy, a fifth is quotes', () => {
    const d = documentById('regime-fears-talks');
    const share = (n: number) => match(join(d.paragraphs.slice(0, n)))[0];
    expect(share(Math.ceil(d.paragraphs.length / 2))).toMatchObject({ kind: 'copy' });
    expect(share(Math.floor(d.paragraphs.length / 5))).toMatchObject({ kind: 'quotes' });
  });
});

describe('near-misses', () => {
  it.each(pagesStartingWith('unrelated-'))('%s is not recognised', (name) => {
    expect(match(pageText(name))).toEqual([]);
  });

  it('has ten unrelated pages, among them one on the same talks with the same names', () => {
    expect(pagesStartingWith('unrelated-')).toHaveLength(10);
    const nearMiss = pageText('unrelated-dialogue-near-miss.html');
    for (const name of ['Mustafa al-Kadhimi', 'Mike Pompeo', 'Popular Mobilization Units', 'Qassem Soleimani'])
      expect(nearMiss).toContain(name);
  });

  it('an article made of sentences from different documents, each cut short, is not any of them', () => {
    // The same names and set phrases as the corpus, but no paragraph carried whole.
    const pieces = kb.documents.map((d) => d.paragraphs[1]!.split(' ').slice(0, 9).join(' '));
    expect(match(join(pieces)).filter((m) => m.kind !== 'quotes')).toEqual([]);
  });
});
