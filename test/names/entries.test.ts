// A learned entity's card: built by the same card code as a curated entity's, it quotes the
// defining phrase from the reader's document, cited to document and paragraph, and says it was
// learned from the reader's documents; a rejected name or a new spelling of a curated one has no card of its own.
import { describe, expect, it } from 'vitest';
import { buildCardData, readerSearch } from '../../lib/card-data';
import { LEARNED_SUMMARY, learnedEntries } from '../../lib/names/entries';
import { knownEntities } from '../../lib/names/known';
import { knownIndex, refOf, resolve } from '../../lib/names/resolve';
import { addDocument, addEdit, emptyNameState } from '../../lib/names/state';
import type { GazetteerEntry } from '../../lib/kb/types';
import type { NameDocument, NameState } from '../../lib/names/types';
import { nujabaArticle, nujabaFollowUp } from './fixtures';

const kadhimi: GazetteerEntry = { id: 'mustafa-al-kadhimi', type: 'person', name: 'Mustafa al-Kadhimi', aliases: ['Kadhimi'], summary: '', background: [] };
const known = knownIndex(knownEntities([kadhimi]));
const learn = (...docs: NameDocument[]) => docs.reduce<NameState>((s, d) => addDocument(s, d), emptyNameState());
const readerUrlFor = (doc: string, passage: string) => `reader.html${readerSearch({ doc, passage })}`;

function card(state: NameState, name: string) {
  const entries = learnedEntries(resolve(state, known).entities);
  const entry = entries.find((e) => e.name === name);
  if (!entry) return null;
  const source = {
    entities: entries.map((e) => ({ ...e, mentions: {}, accounts: [] })),
    passages: [],
    perspectives: [],
    documents: [nujabaArticle, nujabaFollowUp].map((d) => ({ id: d.id, title: d.title, outlet: 'Reader', perspective: 'unlabelled' })),
  };
  return buildCardData(source, entry.id, readerUrlFor);
}

describe('the card of a learned entity', () => {
  it('quotes its defining phrase, cited to document and paragraph, and says where it was learned', () => {
    const kaabi = card(learn(nujabaArticle, nujabaFollowUp), 'Akram al-Kaabi')!;
    expect(kaabi.type).toBe('person');
    expect(kaabi.summary).toBe(`${LEARNED_SUMMARY}: named in 2 documents.`);
    expect(kaabi.background[0]).toEqual({ text: 'Akram al-Kaabi, the leader of Harakat al-Nujaba', cites: ['nujaba-statement:1'] });
  });

  it('has none for a rejected name, nor for a new spelling of a curated entity', () => {
    let state = learn(nujabaArticle, nujabaFollowUp, { id: 'kazimi', title: 'Visit', paragraphs: ['Prime Minister Mustafa al-Kazimi met Akram al-Kaabi.'] });
    const entities = resolve(state, known).entities;
    expect(entities.find((e) => e.forms.some((f) => f.text === 'Mustafa al-Kazimi'))?.known).toBe('mustafa-al-kadhimi');
    expect(learnedEntries(entities).flatMap((e) => [e.name, ...e.aliases])).not.toContain('Mustafa al-Kazimi');
    state = addEdit(state, { kind: 'reject', entity: refOf(entities.find((e) => e.name === 'Akram al-Kaabi')!) });
    expect(card(state, 'Akram al-Kaabi')).toBeNull();
  });
});
