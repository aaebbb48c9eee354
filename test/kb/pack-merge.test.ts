/**
 * The merge of a built pack: every document once, in input order, as the device's builder
 * decides "already in the corpus" (address, text, or a copy by fingerprint).
 */
import { describe, expect, it } from 'vitest';
import { toDocumentRecord } from '../../lib/corpus/identity';
import { parsePack, serialisePack } from '../../lib/corpus/pack';
import { compileGazetteer } from '../../lib/kb/gazetteer';
import { createExtractor, extractDocument } from '../../lib/kb/extract';
import { PackMerger, type MergeCandidate } from '../../lib/kb/pack-merge';
import { readCorpusInput } from '../../scripts/build-corpus';
import { loadKb } from '../../scripts/bench/corpus-fixtures';
import { PROJECT_ROOT } from '../../scripts/build-corpus';

const compiled = compileGazetteer(readCorpusInput());
const extractor = createExtractor(compiled.matcher!, compiled.matcherInput);
const seeds = loadKb(PROJECT_ROOT).documents;

function candidate(title: string, paragraphs: string[], url?: string): MergeCandidate {
  const { canonicalUrl, contentHash, ...document } = toDocumentRecord({ title, paragraphs, ...(url ? { url } : {}), origin: { kind: 'file', name: `${title}.txt`, format: 'txt' } });
  const { passages, mentions, fingerprint } = extractDocument(document, extractor);
  return { document, ...(canonicalUrl ? { canonicalUrl } : {}), contentHash, rows: { passages, mentions, fingerprint } };
}

describe('PackMerger', () => {
  const a = seeds[1]!;
  const b = seeds[2]!;

  it('keeps distinct documents in the order they come, with their rows', () => {
    const merger = new PackMerger('m-test+b1');
    expect(merger.add(candidate(a.title, a.paragraphs, 'https://example.com/a'))).toEqual({ added: true });
    expect(merger.add(candidate(b.title, b.paragraphs))).toEqual({ added: true });
    const pack = merger.pack({ id: 'two', title: 'Two', packVersion: 1 });
    expect(pack.documents.map((d) => d.title)).toEqual([a.title, b.title]);
    expect(pack.derived!.fingerprints.map((f) => f.doc)).toEqual(pack.documents.map((d) => d.id));
    expect(pack.derived!.mentions.length).toBeGreaterThan(0);
    expect(parsePack(serialisePack(pack)).ok).toBe(true);
  });

  it('skips the same address, the same text and a trimmed copy, naming the document they repeat', () => {
    const merger = new PackMerger('m-test+b1');
    merger.add(candidate(a.title, a.paragraphs, 'https://example.com/a'));
    const first = merger.pack({ id: 'one', title: 'One', packVersion: 1 }).documents[0]!.id;
    expect(merger.add(candidate('Edited headline', [...a.paragraphs, 'Updated.'], 'https://example.com/a?utm_source=x'))).toEqual({
      added: false,
      duplicate: { doc: first, kind: 'address' },
    });
    expect(merger.add(candidate('Another title', a.paragraphs))).toEqual({ added: false, duplicate: { doc: first, kind: 'text' } });
    const trimmed = merger.add(candidate('Trimmed', a.paragraphs.slice(0, Math.ceil(a.paragraphs.length * 0.7))));
    expect(trimmed).toMatchObject({ added: false, duplicate: { doc: first } });
    expect(merger.size).toBe(1);
  });
});
