/**
 * states with many children are matched through a dense row, the rest by a linear
 * scan of their edges (lib/engine/packed-automaton.ts, DENSE_ABOVE). Both must find the same
 * names as a plain search would, including across failure links out of a dense state.
 */
import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../lib/engine/build-matcher';
import { loadMatcher } from '../../lib/engine/matcher';
import { DENSE_ABOVE, decodeBase64, unpackAutomaton } from '../../lib/engine/packed-automaton';

// "Ka" followed by 20 different letters: the state after "Ka" has 20 children.
const LETTERS = 'bcdfghjklmnpqrstvwyz';
const names = [...LETTERS].map((c) => `Ka${c}ir`);
names.push('Akab', 'Bakar Kalir'); // a name inside another's tail, and two words
const data = buildMatcher({
  kbVersion: 'dense',
  entities: names.map((name, i) => ({ id: `e${i}`, name, type: 'person' as const })),
  patterns: names.map((text, entity) => ({ entity, text, specificity: 'unique' as const })),
});

describe('dense rows for states with many children', () => {
  it('gives the wide state a dense row', () => {
    const automaton = unpackAutomaton(decodeBase64(data.automaton));
    expect(LETTERS.length).toBeGreaterThan(DENSE_ABOVE);
    expect(automaton.dense.length).toBeGreaterThanOrEqual(automaton.classCount);
  });

  it('finds every name through it, and none where the text only shares the opening', () => {
    const matcher = loadMatcher(data);
    const text = `${names.join(', ')}; also Kaxir, Kabi and Kab ir, then Bakar Kalir and Akab.`;
    const matches = matcher.findAll(text);
    // Each match names the entity whose name it is, not just some name at that place.
    for (const m of matches) expect(names[m.entity]).toBe(text.slice(m.start, m.end));
    const found = matches.map((m) => text.slice(m.start, m.end));
    const expected: string[] = [];
    for (const re = /\b(Ka[bcdfghjklmnpqrstvwyz]ir|Akab|Bakar Kalir)\b/g; ; ) {
      const m = re.exec(text);
      if (!m) break;
      expected.push(m[0]);
    }
    expect(found).toEqual(expected);
    expect(found).toContain('Kazir');
    expect(found).not.toContain('Kaxir');
  });
});
