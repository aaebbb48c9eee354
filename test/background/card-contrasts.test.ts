// The card's curated contrasts, disputed facts and key dates, built from the real knowledge base:
// each quote keeps its outlet and perspective and links to its passage in the reader.
import { describe, expect, it } from 'vitest';
import { buildCardData, quotedDocuments, readerSearch } from '../../lib/card-data';
import { realKb } from '../search/real-kb';

const readerUrlFor = (doc: string, passage: string) => `reader.html${readerSearch({ doc, passage })}`;

describe.skipIf(!realKb)('card contrasts (built knowledge base)', () => {
  const kb = realKb!;

  it('gives the PMU its curated topic with positions from different perspectives and reader links', () => {
    const card = buildCardData(kb, 'popular-mobilization-units', readerUrlFor)!;
    const contrast = card.contrasts![0]!;
    expect(contrast.topic).toMatch(/PMU/);
    expect(new Set(contrast.positions.map((p) => p.perspective.id)).size).toBeGreaterThanOrEqual(2);
    const passages = new Map(kb.passages.map((p) => [p.id, p]));
    for (const p of contrast.positions) {
      expect(p.outlet).toBe(kb.documents.find((d) => d.id === p.doc)!.outlet);
      expect(p.readerUrl).toBe(readerUrlFor(p.doc, p.passage));
      expect(passages.get(p.passage)!.doc).toBe(p.doc);
    }
    expect(contrast.positions.map((p) => p.quote)).toContain(
      'the decisive role of the People’s Resistance Forces and the Popular Mobilization Units in securing the country',
    );
  });

  it('flags the disputed month of the parliament’s vote with each document’s version', () => {
    const card = buildCardData(kb, 'iraqi-parliament-troops-vote', readerUrlFor)!;
    const dispute = card.disagreements!.find((d) => d.id === 'parliament-vote-month')!;
    expect(dispute.claims.map((c) => c.claim).some((c) => c.startsWith('February'))).toBe(true);
    expect(dispute.claims.every((c) => c.readerUrl.startsWith('reader.html?doc='))).toBe(true);
  });

  it('lists key dates of related events oldest first', () => {
    const card = buildCardData(kb, 'mustafa-al-kadhimi', readerUrlFor)!;
    const starts = card.keyDates!.map((d) => d.date.start);
    expect(starts.length).toBeGreaterThan(1);
    expect([...starts].sort()).toEqual(starts);
    expect(card.keyDates!.map((d) => d.id)).toContain('kadhimi-sworn-in');
  });

  it('drops a position whose document is missing rather than showing a dead link', () => {
    const entity = kb.entities.find((e) => e.id === 'qasem-soleimani')!;
    const [dropped] = quotedDocuments(entity);
    const source = { ...kb, documents: kb.documents.filter((d) => d.id !== dropped) };
    const card = buildCardData(source, entity.id, readerUrlFor)!;
    for (const c of card.contrasts!) {
      expect(c.positions.some((p) => p.doc === dropped)).toBe(false);
      expect(c.positions.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('puts the contrasts found automatically after the curated ones, labelled, with both outlets and perspectives', () => {
    const card = buildCardData(kb, 'iraq', readerUrlFor)!;
    const origins = card.contrasts!.map((c) => c.origin);
    expect(origins[0]).toBe('curated');
    expect(origins.slice(origins.indexOf('automatic'))).toEqual(origins.filter((o) => o === 'automatic'));
    const automatic = card.contrasts!.filter((c) => c.origin === 'automatic');
    expect(automatic.length).toBeGreaterThan(0);
    for (const c of automatic) {
      expect(c.positions).toHaveLength(2);
      expect(c.positions[0]!.perspective.id).not.toBe(c.positions[1]!.perspective.id);
      for (const p of c.positions) {
        expect(p.outlet).toBe(kb.documents.find((d) => d.id === p.doc)!.outlet);
        expect(p.stance).toMatch(/^(Negative|Neutral|Positive) account$/);
      }
    }
  });

  it('leaves out an automatic contrast the reader dismissed and marks one kept', () => {
    const [first, second] = buildCardData(kb, 'iran', readerUrlFor)!.contrasts!.filter((c) => c.origin === 'automatic');
    const decision = (id: string, verdict: 'kept' | 'dismissed') => ({ id, decision: verdict, decidedAt: '2026-01-01T00:00:00.000Z', entities: ['iran'], docs: ['x'] });
    const card = buildCardData({ ...kb, decisions: [decision(first!.id, 'dismissed'), decision(second!.id, 'kept')] }, 'iran', readerUrlFor)!;
    const ids = card.contrasts!.map((c) => c.id);
    expect(ids).not.toContain(first!.id);
    expect(card.contrasts!.find((c) => c.id === second!.id)!.review).toBe('kept');
  });

  it('shows an automatic disagreement of fact with each document’s value', () => {
    const card = buildCardData(kb, 'iraqi-parliament', readerUrlFor)!;
    const automatic = card.disagreements!.find((d) => d.origin === 'automatic')!;
    expect(automatic.claims.length).toBeGreaterThanOrEqual(2);
    expect(new Set(automatic.claims.map((c) => c.claim)).size).toBeGreaterThan(1);
    expect(automatic.claims.every((c) => c.readerUrl.startsWith('reader.html?doc='))).toBe(true);
  });

  it('an entity without curated contrasts has none', () => {
    const card = buildCardData(kb, 'basra', readerUrlFor)!;
    expect(card.contrasts).toEqual([]);
    expect(card.disagreements).toEqual([]);
  });
});
