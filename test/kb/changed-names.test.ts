// Which documents a new matcher reads differently: only those holding a name that changed, and
// every document when the rules or an entity's role changed.
import { describe, expect, it } from 'vitest';
import { changedNames, changedNamesFinder, type MatcherSource } from '../../lib/kb/changed-names';
import type { MatcherInput } from '../../lib/kb/gazetteer';

const curated: MatcherInput = {
  entities: [
    { id: 'mustafa-al-kadhimi', name: 'Mustafa al-Kadhimi', type: 'person' },
    { id: 'iraqi-parliament', name: 'Council of Representatives', type: 'organization' },
  ],
  patterns: [
    { entity: 0, text: 'Mustafa al-Kadhimi', specificity: 'unique' },
    { entity: 0, text: 'Kadhimi', specificity: 'unique' },
    { entity: 1, text: 'Council of Representatives', specificity: 'unique' },
  ],
};
const rules: MatcherSource['rules'] = { institutionNouns: [{ entity: 1, nouns: ['parliament'], needs: [1] }] };

const withSpeaker = (capitalised: boolean): MatcherInput => ({
  entities: [...curated.entities, { id: 'learned:mohammed-al-halbousi', name: 'Mohammed al-Halbousi', type: 'person' }],
  patterns: [
    ...curated.patterns,
    { entity: 2, text: 'Mohammed al-Halbousi', specificity: 'unique', capitalised },
    { entity: 2, text: 'Halbousi', specificity: 'common', capitalised },
    // A new spelling of a curated entity, under it.
    { entity: 0, text: 'Moustafa al-Kazemi', specificity: 'unique', capitalised },
  ],
});

describe('changed names', () => {
  it('are the names a learned entity or a new spelling brings, and nothing the two matchers share', () => {
    expect(changedNames({ input: curated, rules }, { input: withSpeaker(true), rules })).toEqual(['Halbousi', 'Mohammed al-Halbousi', 'Moustafa al-Kazemi']);
    // The same names learned again: nothing changed.
    expect(changedNames({ input: withSpeaker(true), rules }, { input: withSpeaker(true), rules })).toEqual([]);
    // Removed names change as much as added ones.
    expect(changedNames({ input: withSpeaker(true), rules }, { input: curated, rules })).toEqual(['Halbousi', 'Mohammed al-Halbousi', 'Moustafa al-Kazemi']);
  });

  it('list every name of an entity whose type changed, and none when the rules differ', () => {
    const retyped = withSpeaker(true);
    retyped.entities[2] = { ...retyped.entities[2]!, type: 'organization' };
    expect(changedNames({ input: withSpeaker(true), rules }, { input: retyped, rules })).toEqual(['Halbousi', 'Mohammed al-Halbousi']);
    expect(changedNames({ input: curated, rules }, { input: curated, rules: {} })).toBeUndefined();
  });

  it('compare rules by entity, not by where the entity stands in the list', () => {
    const reordered: MatcherInput = {
      entities: [curated.entities[1]!, curated.entities[0]!],
      patterns: curated.patterns.map((p) => ({ ...p, entity: 1 - p.entity })),
    };
    const moved: MatcherSource['rules'] = { institutionNouns: [{ entity: 0, nouns: ['parliament'], needs: [0] }] };
    expect(changedNames({ input: curated, rules }, { input: reordered, rules: moved })).toEqual([]);
    // The same indices now name the other entity: another rule.
    expect(changedNames({ input: curated, rules }, { input: reordered, rules })).toBeUndefined();
  });
});

describe('the changed names finder', () => {
  const finds = changedNamesFinder(['Mohammed al-Halbousi', 'Halbousi', 'KH']);

  it('finds a changed name in a document, whatever the case a learned name is marked in', () => {
    expect(finds('The speaker, Mohammed al-Halbousi, opened the session.')).toBe(true);
    // Learned names count only capitalised; the finder errs on reading again.
    expect(finds('a quote about halbousi in lower case')).toBe(true);
    expect(finds('Kataib Hezbollah (KH) claimed it.')).toBe(true);
  });

  it('passes over a document holding none of them, or only words that contain one', () => {
    expect(finds('Mustafa al-Kadhimi met the Council of Representatives.')).toBe(false);
    expect(finds('Halbousian politics; the khaki uniforms.')).toBe(false);
    expect(changedNamesFinder([])('Mohammed al-Halbousi')).toBe(false);
  });
});
