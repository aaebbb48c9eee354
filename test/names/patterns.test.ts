import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../lib/engine/build-matcher';
import { spotText } from '../../lib/engine/evidence';
import { loadMatcher } from '../../lib/engine/matcher';
import { withLearnedNames, type MatcherInput } from '../../lib/names/patterns';
import { knownEntities } from '../../lib/names/known';
import { knownIndex, refOf, resolve } from '../../lib/names/resolve';
import { addDocument, addEdit, emptyNameState } from '../../lib/names/state';
import type { GazetteerEntry } from '../../lib/kb/types';
import type { NameDocument, NameState } from '../../lib/names/types';
import { nujabaArticle, nujabaFollowUp, pmfArticle } from './fixtures';

const kadhimi: GazetteerEntry = {
  id: 'mustafa-al-kadhimi',
  type: 'person',
  name: 'Mustafa al-Kadhimi',
  aliases: ['Kadhimi'],
  summary: '',
  background: [],
};
const curated: MatcherInput = {
  entities: [{ id: kadhimi.id, name: kadhimi.name, type: 'person' }],
  patterns: [
    { entity: 0, text: 'Mustafa al-Kadhimi', specificity: 'unique' },
    { entity: 0, text: 'Kadhimi', specificity: 'unique' },
  ],
};
const known = knownIndex(knownEntities([kadhimi]));

function marks(state: NameState, page: string): { id: string; text: string }[] {
  const input = withLearnedNames(curated, resolve(state, known).entities);
  const matcher = loadMatcher(buildMatcher({ kbVersion: 'test', ...input }));
  return spotText(matcher, page).map((m) => ({ id: matcher.entities[m.entity]!.id, text: page.slice(m.start, m.end) }));
}

const learn = (...docs: NameDocument[]) => docs.reduce<NameState>((s, d) => addDocument(s, d), emptyNameState());

describe('learned names in the matcher', () => {
  it('marks a learned name on a page that spells it another way', () => {
    const state = learn(nujabaArticle, nujabaFollowUp);
    const found = marks(state, 'A statement by Akram al-Kabi, of Harakat al-Nujaba, was read out.');
    expect(found).toEqual([
      { id: 'learned:akram-al-kaabi', text: 'Akram al-Kabi' },
      { id: 'learned:harakat-al-nujaba', text: 'Harakat al-Nujaba' },
    ]);
  });

  it('holds a short learned acronym to the evidence rules curated names follow', () => {
    const state = learn(pmfArticle);
    expect(marks(state, 'The PMF said nothing.')).toEqual([]);
    expect(marks(state, 'The Popular Mobilization Forces, or PMF, said nothing.').map((m) => m.text)).toEqual(['Popular Mobilization Forces', 'PMF']);
  });

  it('adds a new spelling of a curated entity to that entity, and never a rejected name', () => {
    const doc: NameDocument = { id: 'kazimi', title: 'Visit', paragraphs: ['Prime Minister Mustafa al-Kazimi met Akram al-Kaabi, the leader of Harakat al-Nujaba.'] };
    let state = learn(doc, nujabaFollowUp);
    expect(marks(state, 'Mustafa al-Kazimi and Akram al-Kaabi.')).toEqual([
      { id: 'mustafa-al-kadhimi', text: 'Mustafa al-Kazimi' },
      { id: 'learned:akram-al-kaabi', text: 'Akram al-Kaabi' },
    ]);
    const kaabi = resolve(state, known).entities.find((e) => e.id === 'learned:akram-al-kaabi')!;
    state = addEdit(state, { kind: 'reject', entity: refOf(kaabi) });
    expect(marks(state, 'Mustafa al-Kazimi and Akram al-Kaabi.').map((m) => m.id)).toEqual(['mustafa-al-kadhimi']);
  });

  it('marks a learned name only where it is written as a name, not the same words in lower case', () => {
    const doc: NameDocument = { id: 'court', title: 'Ruling', paragraphs: ['The Federal Supreme Court rejected the appeal.', 'A court official said the Federal Supreme Court would meet again.'] };
    const state = learn(doc, nujabaArticle);
    expect(marks(state, 'The Federal Supreme Court met Akram al-Kaabi.').map((m) => m.text)).toEqual(['Federal Supreme Court', 'Akram al-Kaabi']);
    expect(marks(state, 'A federal supreme court, said Akram al-Kaabi.').map((m) => m.text)).toEqual(['Akram al-Kaabi']);
  });

  it('leaves out a learned spelling two entities share instead of failing the build', () => {
    const a: NameDocument = { id: 'a', title: 'A', paragraphs: ['Ali Hamdani, the governor of Basra, spoke. Hamdani left.', 'Ali Hamdani returned.'] };
    const b: NameDocument = { id: 'b', title: 'B', paragraphs: ['Reza Hamdani, the commander of the brigade, spoke. Hamdani left.', 'Reza Hamdani returned.'] };
    const input = withLearnedNames(curated, resolve(learn(a, b), known).entities);
    expect(input.dropped.filter((d) => d.text === 'Hamdani').map((d) => d.reason)).toEqual(['shared', 'shared']);
    expect(() => buildMatcher({ kbVersion: 'test', ...input })).not.toThrow();
  });
});
