import { describe, expect, it } from 'vitest';
import { buildCardData, parseReaderSearch, readerSearch } from '../../lib/card-data';
import { fixtureKb } from './fixture-kb';
import { realKb } from '../search/real-kb';

const readerUrlFor = (doc: string, passage: string) => `reader.html${readerSearch({ doc, passage })}`;

describe('buildCardData', () => {
  it('puts accounts from two different perspectives first', () => {
    const card = buildCardData(fixtureKb, 'mustafa-al-kadhimi', readerUrlFor)!;
    const [first, second, third] = card.accounts.map((a) => a.perspective.id);
    expect(first).not.toBe(second);
    expect(new Set([first, second, third]).size).toBe(3);
    // The second account of a perspective already shown comes after all perspectives.
    expect(card.accounts.map((a) => a.doc).at(-1)).toBe('iran-terrified-talks');
  });

  it('quotes each document once, with outlet, perspective label and a link to the passage', () => {
    const card = buildCardData(fixtureKb, 'popular-mobilization-units', readerUrlFor)!;
    expect(card.accounts).toHaveLength(2);
    const israeli = card.accounts.find((a) => a.perspective.id === 'israeli')!;
    expect(israeli).toMatchObject({
      outlet: 'The Jerusalem Post',
      perspective: { label: 'Israeli press' },
      quote: 'The PMU are a violent force that attacked protesters.',
      passage: 'iran-meddles:4:1',
    });
    expect(parseReaderSearch(new URL(israeli.readerUrl, 'x:/').search)).toEqual({
      doc: 'iran-meddles',
      passage: 'iran-meddles:4:1',
      para: undefined,
    });
  });

  it('lists related entities from links both ways, skipping links to unknown ids', () => {
    const card = buildCardData(fixtureKb, 'mustafa-al-kadhimi', readerUrlFor)!;
    expect(card.related.map((r) => r.id)).toEqual(['popular-mobilization-units', 'us-iraq-strategic-dialogue']);
    expect(card.related[0]).toMatchObject({ name: 'Popular Mobilization Units', type: 'organization', rel: 'sought to rein in' });
  });

  it('counts the documents that mention the entity', () => {
    const card = buildCardData(fixtureKb, 'mustafa-al-kadhimi', readerUrlFor)!;
    expect(card.documentCount).toBe(4);
    expect(card.documentTotal).toBe(fixtureKb.documents.length);
  });

  it('caps the number of accounts', () => {
    expect(buildCardData(fixtureKb, 'mustafa-al-kadhimi', readerUrlFor, 2)!.accounts).toHaveLength(2);
  });

  it('returns null for an unknown entity', () => {
    expect(buildCardData(fixtureKb, 'no-such-entity', readerUrlFor)).toBeNull();
  });
});

describe.skipIf(!realKb)('buildCardData (built knowledge base)', () => {
  it('leads with two different perspectives wherever the corpus has them', () => {
    const kb = realKb!;
    const docPerspective = new Map(kb.documents.map((d) => [d.id, d.perspective]));
    let checked = 0;
    for (const entity of kb.entities) {
      const perspectives = new Set(entity.accounts.map((a) => docPerspective.get(a.doc)));
      if (perspectives.size < 2) continue;
      const card = buildCardData(kb, entity.id, readerUrlFor)!;
      if (card.accounts.length < 2) continue;
      expect(card.accounts[0]!.perspective.id, entity.id).not.toBe(card.accounts[1]!.perspective.id);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
