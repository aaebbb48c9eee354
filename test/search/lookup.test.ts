import { describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../lib/kb/types';
import { buildLookup, type LookupResult } from '../../lib/search/lookup';
import { scaleKnowledgeBase } from '../../scripts/bench/scaled-kb';
import { matchedSpans, splitBySpans } from '../../lib/search/spans';
import { realKb } from './real-kb';

const marked = (text: string, query: string) =>
  splitBySpans(text, matchedSpans(text, query))
    .filter((p) => p.marked)
    .map((p) => p.text);

const firstOfKind = <K extends LookupResult['kind']>(results: LookupResult[], kind: K) =>
  results.find((r): r is Extract<LookupResult, { kind: K }> => r.kind === kind);

describe('matched spans', () => {
  it('marks the words that answered, through transliteration, typos and unfinished words', () => {
    expect(marked('Mustafa al-Kadhimi', 'kazimi')).toEqual(['Kadhimi']);
    expect(marked('US–Iraq Strategic Dialogue', 'strategic dialog')).toEqual(['Strategic', 'Dialogue']);
    expect(marked('Ali Khamenei', 'khamenai')).toEqual(['Khamenei']);
    expect(marked('Qasem Soleimani', 'sol')).toEqual(['Soleimani']);
  });

  it('marks nothing for a word that does not answer (Iran is not Iraq)', () => {
    expect(marked('Iraq', 'iran')).toEqual([]);
    expect(marked('anything', '')).toEqual([]);
  });
});

describe.skipIf(!realKb)('lookup across the knowledge base', () => {
  const kb = realKb as KnowledgeBase;
  const lookup = buildLookup(kb);

  it.each([
    ['kazimi', 'mustafa-al-kadhimi'],
    ['suleimani', 'qasem-soleimani'],
    ['hashd', 'popular-mobilization-units'],
    ['daesh', 'isis'],
    ['strategic dialog', 'us-iraq-strategic-dialogue'],
  ])('“%s” finds %s first', (query, id) => {
    expect(lookup.search(query)[0]).toMatchObject({ kind: 'entity', id });
  });

  it('finds passages with the words marked, one per paragraph, after the names', () => {
    const results = lookup.search('strategic dialog');
    const kinds = results.map((r) => r.kind);
    expect(kinds.indexOf('passage')).toBeGreaterThan(kinds.lastIndexOf('entity'));
    const passages = results.filter((r) => r.kind === 'passage');
    expect(passages.length).toBeGreaterThan(1);
    for (const p of passages) {
      expect(splitBySpans(p.excerpt, p.excerptSpans).filter((s) => s.marked).map((s) => s.text.toLowerCase())).toContain('strategic');
    }
    const paragraphs = passages.map((p) => `${p.doc}:${p.id.split(':')[1]}`);
    expect(new Set(paragraphs).size).toBe(paragraphs.length);
  });

  it('finds documents by outlet and title', () => {
    const document = firstOfKind(lookup.search('jerusalem post'), 'document');
    expect(document?.outlet).toMatch(/Jerusalem Post/);
    expect(document?.titleSpans).toBeDefined();
  });

  it('does not take prose near-misses for names: “daesh” is not “days”', () => {
    const passages = lookup.search('daesh').filter((r) => r.kind === 'passage');
    for (const p of passages) expect(p.excerpt).toMatch(/Daesh/);
  });

  it('answers one letter with the names that start with it, and ignores a half-typed last word', () => {
    const k = lookup.search('k');
    expect(k.length).toBeGreaterThan(0);
    // Every result has a word starting with k (or its folded form: q, kh) marked, names first.
    for (const r of k) expect(r.kind === 'entity' && r.nameSpans.length + r.matchedSpans.length > 0).toBe(true);
    const byName = k.map((r) => r.kind === 'entity' && r.nameSpans.length > 0);
    expect(byName).toEqual([...byName].sort((a, b) => Number(b) - Number(a)));
    expect(lookup.search('ka', { entities: 50 }).map((r) => r.id)).toContain('mustafa-al-kadhimi');
    expect(lookup.search('strategic d')[0]).toMatchObject({ id: 'us-iraq-strategic-dialogue' });
  });

  it('still finds the real entity first in a knowledge base scaled ×20 with generated names', () => {
    const scaled = buildLookup(scaleKnowledgeBase(kb, 20));
    expect(scaled.search('kazimi')[0]).toMatchObject({ id: 'mustafa-al-kadhimi' });
    expect(scaled.search('hashd')[0]).toMatchObject({ id: 'popular-mobilization-units' });
  });
});
