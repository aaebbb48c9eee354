import { describe, expect, it } from 'vitest';
import { citedParagraphs } from '../../lib/recognition/cited';
import { documentById, kb } from './pages';

describe('citedParagraphs', () => {
  it('lists the paragraphs of the page’s document that accounts quote, with their entities', () => {
    const d = documentById('iran-meddles');
    const all = d.paragraphs.map((_, i) => i + 1);
    const cited = citedParagraphs(kb, d.id, all);
    expect(cited.length).toBeGreaterThan(0);
    // Quiet: not every paragraph gets a marker.
    expect(cited.length).toBeLessThan(all.length);
    // Each listed entity really has an account quoting a passage of that paragraph.
    for (const { para, entities } of cited) {
      for (const id of entities) {
        const entity = kb.entities.find((e) => e.id === id)!;
        expect(entity.type).not.toBe('place');
        expect(new Set(entity.accounts.map((a) => a.perspective)).size).toBeGreaterThanOrEqual(2);
        // ...as the account's lead passage, the one a card quotes for this document.
        const lead = entity.accounts.find((a) => a.doc === d.id)?.passages[0];
        expect(lead?.startsWith(`${d.id}:${para}:`)).toBe(true);
      }
    }
  });

  it('leaves out paragraphs the page does not carry (a trimmed copy)', () => {
    const d = documentById('regime-fears-talks');
    const full = citedParagraphs(kb, d.id, d.paragraphs.map((_, i) => i + 1));
    const firstHalf = citedParagraphs(kb, d.id, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(firstHalf.length).toBeLessThan(full.length);
    expect(firstHalf.every((c) => c.para <= 13)).toBe(true);
  });
});
