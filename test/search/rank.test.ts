// Ordering lookup's documents and passages: the query's words as a phrase above the same words
// close together, close above scattered, a word typed in full above one only begun, and newer
// documents first when two answer equally well.
import { describe, expect, it } from 'vitest';
import { newerFirst, proseScore } from '../../lib/search/rank';
import { indexTerms, queryTerms } from '../../lib/search/terms';

const score = (text: string, query: string) => proseScore(text, queryTerms(query));

describe('proseScore', () => {
  it('ranks a phrase above adjacent words out of order, and those above scattered ones', () => {
    const phrase = score('The electricity waiver was renewed.', 'electricity waiver')!;
    const reversed = score('A waiver on electricity imports was renewed.', 'electricity waiver')!;
    const apart = score('The electricity grid failed, so the waiver was renewed.', 'electricity waiver')!;
    const far = score('Electricity prices rose again across the whole region this summer, and then the waiver came.', 'electricity waiver')!;
    expect(phrase).toBeGreaterThan(reversed);
    expect(reversed).toBeGreaterThan(apart);
    expect(apart).toBeGreaterThan(far);
  });

  it('matches the last word as a prefix, a whole word above a begun one, and folds case and accents as the index does', () => {
    expect(score('Quds Force commanders met.', 'quds for')).toBeDefined();
    expect(score('Iran said', 'iran')!).toBeGreaterThan(score('Iranian officials said', 'iran')!);
    expect(score('Café politics', 'CAFE')).toBeDefined();
  });

  it('is undefined when a word is missing, or only the prefix of a word that is not the last', () => {
    expect(score('The electricity grid failed.', 'electricity waiver')).toBeUndefined();
    expect(score('The electrical waiver', 'electric waiver')).toBeUndefined();
    expect(score('Anything', '')).toBeUndefined();
  });
});

describe('newerFirst', () => {
  it('orders by publication date, then by the order of addition', () => {
    const docs = [
      { id: 'old', published: '2019-02-01', seq: 9 },
      { id: 'undated', seq: 12 },
      { id: 'new', published: '2023', seq: 1 },
      { id: 'new-later-added', published: '2023', seq: 5 },
    ];
    expect([...docs].sort(newerFirst).map((d) => d.id)).toEqual(['new-later-added', 'new', 'old', 'undated']);
  });
});

describe('proseScore with the stored terms', () => {
  it('scores one word from the index terms as it would from the text', () => {
    for (const [text, query] of [['Iranian officials said', 'iran'], ['Iran said', 'iran'], ['Quds Force', 'quds']] as const) {
      expect(proseScore(text, queryTerms(query), indexTerms(text))).toBe(score(text, query));
    }
  });
});
