// Learning after an import: added documents are read for names, removed ones forgotten, the
// matcher rebuilt with what was learned (and not rebuilt when nothing it marks changed), the
// learned entities stored as entries for their cards, and a rejected name gone from the matcher.
import { describe, expect, it } from 'vitest';
import { spotText } from '../../lib/engine/evidence';
import { loadMatcher } from '../../lib/engine/matcher';
import type { MatcherData } from '../../lib/engine/types';
import type { GazetteerEntry } from '../../lib/kb/types';
import { learnAfterChange, type LearningStore } from '../../lib/names/corpus-learning';
import { knownEntities } from '../../lib/names/known';
import type { MatcherInput } from '../../lib/names/patterns';
import { knownIndex, refOf, resolve } from '../../lib/names/resolve';
import { addEdit, emptyNameState } from '../../lib/names/state';
import type { NameDocument, NameState } from '../../lib/names/types';
import { nujabaArticle, nujabaFollowUp, pmfArticle } from './fixtures';

const kadhimi: GazetteerEntry = { id: 'mustafa-al-kadhimi', type: 'person', name: 'Mustafa al-Kadhimi', aliases: ['Kadhimi'], summary: '', background: [] };
const curated: MatcherInput = {
  entities: [{ id: kadhimi.id, name: kadhimi.name, type: 'person' }],
  patterns: [
    { entity: 0, text: 'Mustafa al-Kadhimi', specificity: 'unique' },
    { entity: 0, text: 'Kadhimi', specificity: 'unique' },
  ],
};
const known = knownIndex(knownEntities([kadhimi]));

/** The store as the knowledge base would keep it, in memory. */
function memoryStore(docs: readonly NameDocument[]) {
  const kept: { state: NameState; entries: GazetteerEntry[]; matcher?: MatcherData; signature?: string; rebuilds: number } = { state: emptyNameState(), entries: [], rebuilds: 0 };
  const store: LearningStore = {
    state: async () => kept.state,
    documents: async (ids) => docs.filter((d) => ids.includes(d.id)),
    curated: async () => ({ input: curated, known, rules: {} }),
    learnedSignature: async () => kept.signature,
    save: async ({ state, entries, rebuilt }) => {
      Object.assign(kept, { state, entries });
      if (rebuilt) Object.assign(kept, { matcher: rebuilt.matcher, signature: rebuilt.signature, rebuilds: kept.rebuilds + 1 });
    },
  };
  return { store, kept };
}

const marks = (matcher: MatcherData | undefined, page: string) => {
  const m = loadMatcher(matcher!);
  return spotText(m, page).map((s) => `${page.slice(s.start, s.end)}=${m.entities[s.entity]!.id}`);
};

describe('learning after an import', () => {
  it('marks the names the imported documents give, and stores them for their cards', async () => {
    const { store, kept } = memoryStore([nujabaArticle, nujabaFollowUp]);
    const outcome = await learnAfterChange(store, { added: ['nujaba-statement', 'nujaba-follow-up'], removed: [] }, 'kb-1');
    expect(outcome.matcherChanged).toBe(true);
    expect(marks(kept.matcher, 'Mustafa al-Kadhimi met Akram al-Kabi.')).toEqual(['Mustafa al-Kadhimi=mustafa-al-kadhimi', 'Akram al-Kabi=learned:akram-al-kaabi']);
    expect(kept.entries.find((e) => e.id === 'learned:akram-al-kaabi')?.background[0]?.cites).toEqual(['nujaba-statement:1']);
  });

  it('does not rebuild the matcher for a document that names nothing new, and forgets a removed one', async () => {
    const quiet: NameDocument = { id: 'quiet', title: 'Weather', paragraphs: ['It rained all week in the capital.'] };
    const { store, kept } = memoryStore([nujabaArticle, nujabaFollowUp, pmfArticle, quiet]);
    await learnAfterChange(store, { added: ['nujaba-statement', 'nujaba-follow-up'], removed: [] }, 'kb-1');
    expect((await learnAfterChange(store, { added: ['quiet'], removed: [] }, 'kb-1')).matcherChanged).toBe(false);
    expect(kept.rebuilds).toBe(1);
    await learnAfterChange(store, { added: ['pmf-budget'], removed: [] }, 'kb-1');
    expect(marks(kept.matcher, 'The Popular Mobilization Forces met Akram al-Kaabi.')).toContain('Popular Mobilization Forces=learned:popular-mobilization-forces');
    await learnAfterChange(store, { added: [], removed: ['pmf-budget'] }, 'kb-1');
    expect(marks(kept.matcher, 'The Popular Mobilization Forces met Akram al-Kaabi.')).toEqual(['Akram al-Kaabi=learned:akram-al-kaabi']);
    expect(kept.state.docs.map((d) => d.doc)).toEqual(['nujaba-statement', 'nujaba-follow-up', 'quiet']);
  });

  it('takes a rejected name out of the matcher and the entries', async () => {
    const { store, kept } = memoryStore([nujabaArticle, nujabaFollowUp]);
    await learnAfterChange(store, { added: ['nujaba-statement', 'nujaba-follow-up'], removed: [] }, 'kb-1');
    const kaabi = resolve(kept.state, known).entities.find((e) => e.id === 'learned:akram-al-kaabi')!;
    kept.state = addEdit(kept.state, { kind: 'reject', entity: refOf(kaabi) });
    expect((await learnAfterChange(store, { added: [], removed: [] }, 'kb-1')).matcherChanged).toBe(true);
    expect(marks(kept.matcher, 'Mustafa al-Kadhimi met Akram al-Kaabi.')).toEqual(['Mustafa al-Kadhimi=mustafa-al-kadhimi']);
    expect(kept.entries.map((e) => e.id)).not.toContain('learned:akram-al-kaabi');
  });
});
