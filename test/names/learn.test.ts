import { describe, expect, it } from 'vitest';
import { knownEntities } from '../../lib/names/known';
import { knownIndex, refOf, resolve } from '../../lib/names/resolve';
import { addDocument, addEdit, emptyNameState, parseNameState, rejectedNames, removeDocument, serializeNameState, NameStateError } from '../../lib/names/state';
import type { GazetteerEntry } from '../../lib/kb/types';
import type { LearnedEntity, NameDocument, NameState } from '../../lib/names/types';
import { abadiArticle, abbadiArticle, nujabaArticle, nujabaFollowUp, pmfArticle, sadrArticle, sadrOnlyArticle } from './fixtures';

const noKnown = knownIndex([]);
const learn = (...docs: NameDocument[]) => docs.reduce<NameState>((s, d) => addDocument(s, d), emptyNameState());
const entities = (state: NameState, known = noKnown) => resolve(state, known).entities;
const withForm = (list: readonly LearnedEntity[], text: string) => list.find((e) => e.forms.some((f) => f.text === text));

const kadhimi: GazetteerEntry = {
  id: 'mustafa-al-kadhimi',
  type: 'person',
  name: 'Mustafa al-Kadhimi',
  aliases: ['Mustafa al-Kazemi', 'Kadhimi'],
  transliterated: true,
  summary: '',
  background: [],
};

describe('learning names across documents', () => {
  it('merges spellings of one person across documents and counts it once seen in two', () => {
    const one = entities(learn(abadiArticle));
    // One document, "Former prime minister Haidar al-Abadi": a title before the full name is enough.
    expect(withForm(one, 'Haidar al-Abadi')).toMatchObject({ active: true, type: 'person' });
    const both = entities(learn(abadiArticle, abbadiArticle));
    const abadi = withForm(both, 'Haider al-Abbadi')!;
    expect(abadi.forms.map((f) => f.text).sort()).toEqual(['Abadi', 'Haidar al-Abadi', 'Haider al-Abbadi', 'al-Abadi']);
    expect(abadi.docs).toEqual(['abadi-visit', 'abbadi-interview']);
    expect(abadi.reason).toBe('named in 2 documents');
  });

  it('never merges two people whose given names differ, and leaves a bare shared surname unmarked', () => {
    const list = entities(learn(sadrArticle, sadrOnlyArticle));
    const muqtada = withForm(list, 'Muqtada al-Sadr')!;
    const father = withForm(list, 'Mohammed Sadiq al-Sadr')!;
    expect(muqtada.id).not.toBe(father.id);
    const sadr = withForm(list, 'Sadr')!;
    expect(sadr.id).not.toBe(muqtada.id);
    expect(sadr.active).toBe(false);
  });

  it('links an acronym to its expansion across documents', () => {
    const later: NameDocument = { id: 'pmf-later', title: 'Brief', paragraphs: ['A PMF spokesman denied the report.'] };
    const pmf = withForm(entities(learn(pmfArticle, later)), 'Popular Mobilization Forces')!;
    expect(pmf.forms.map((f) => f.text).sort()).toEqual(['PMF', 'Popular Mobilization Forces']);
    expect(pmf.docs).toEqual(['pmf-budget', 'pmf-later']);
    // A three-letter acronym needs the page's evidence before it is marked.
    expect(pmf.forms.find((f) => f.text === 'PMF')!.specificity).toBe('ambiguous');
    expect(pmf.forms.find((f) => f.text === 'Popular Mobilization Forces')!.specificity).toBe('unique');
  });

  it('waits for a second document when one names someone without a cue', () => {
    const bare: NameDocument = { id: 'bare', title: 'Meeting', paragraphs: ['Officials met Hamid Karimi in the morning.'] };
    expect(withForm(entities(learn(bare)), 'Hamid Karimi')).toMatchObject({ active: false, reason: 'named in one document only' });
    const again: NameDocument = { id: 'again', title: 'Meeting again', paragraphs: ['Hamid Karimi spoke again on Monday.'] };
    expect(withForm(entities(learn(bare, again)), 'Hamid Karimi')).toMatchObject({ active: true });
  });

  it('takes a learned name equal to a curated name for the curated entity, and a new spelling as its alias', () => {
    const doc: NameDocument = {
      id: 'kazimi',
      title: 'Prime minister visits',
      paragraphs: ['Prime Minister Mustafa al-Kazimi arrived in Washington. Kazimi met officials.', 'Mustafa al-Kazemi later left.'],
    };
    const known = knownIndex(knownEntities([kadhimi]));
    const list = entities(learn(doc), known);
    const entity = withForm(list, 'Mustafa al-Kazimi')!;
    expect(entity.known).toBe('mustafa-al-kadhimi');
    expect(entity.id).toBe('mustafa-al-kadhimi');
    expect(entity.name).toBe('Mustafa al-Kadhimi');
    expect(entity.forms.map((f) => f.text)).toEqual(expect.arrayContaining(['Mustafa al-Kazimi', 'Kazimi', 'Mustafa al-Kazemi']));
  });

  it('gives a learned entity a cited background quoted from the documents', () => {
    const kaabi = withForm(entities(learn(nujabaArticle, nujabaFollowUp)), 'Akram al-Kaabi')!;
    expect(kaabi.background[0]).toEqual({ text: 'Akram al-Kaabi, the leader of Harakat al-Nujaba', cites: ['nujaba-statement:1'] });
  });

  it('removes what only a removed document named and keeps ids as documents come and go', () => {
    let state = learn(nujabaArticle, nujabaFollowUp, pmfArticle);
    let view = resolve(state, noKnown);
    state = view.state;
    const id = withForm(view.entities, 'Akram al-Kaabi')!.id;
    state = removeDocument(state, 'pmf-budget');
    view = resolve(state, noKnown);
    expect(withForm(view.entities, 'PMF')).toBeUndefined();
    expect(withForm(view.entities, 'Akram al-Kaabi')!.id).toBe(id);
    state = removeDocument(view.state, 'nujaba-statement');
    view = resolve(state, noKnown);
    expect(withForm(view.entities, 'Akram al-Kaabi')).toMatchObject({ id, docs: ['nujaba-follow-up'], active: false });
  });
});

describe("the reader's edits", () => {
  it('never marks a rejected name again, after re-learning and re-importing its documents', () => {
    let state = learn(nujabaArticle, nujabaFollowUp);
    const kaabi = withForm(entities(state), 'Akram al-Kaabi')!;
    state = addEdit(state, { kind: 'reject', entity: refOf(kaabi) });
    expect(withForm(entities(state), 'Akram al-Kaabi')).toBeUndefined();
    // Remove and import the same documents again, plus one more naming him.
    state = removeDocument(removeDocument(state, 'nujaba-statement'), 'nujaba-follow-up');
    const third: NameDocument = { id: 'third', title: 'Again', paragraphs: ['Secretary-General Akram al-Kaabi of the group warned again.'] };
    state = [nujabaArticle, nujabaFollowUp, third].reduce((s, d) => addDocument(s, d), state);
    const after = parseNameState(serializeNameState(state));
    expect(entities(after).filter((e) => e.active && e.forms.some((f) => /Kaabi/.test(f.text)))).toEqual([]);
    expect(rejectedNames(after).map((r) => r.entity.id)).toEqual([kaabi.id]);
  });

  it('renames, retypes, merges and splits, and the edits hold after re-learning', () => {
    let state = learn(abadiArticle, nujabaArticle, nujabaFollowUp);
    let list = entities(state);
    const abadi = withForm(list, 'Haidar al-Abadi')!;
    const victory = withForm(list, 'Victory Alliance')!;
    state = addEdit(state, { kind: 'rename', entity: refOf(abadi), name: 'Haider al-Abadi' });
    state = addEdit(state, { kind: 'retype', entity: refOf(victory), type: 'other' });
    state = addEdit(state, { kind: 'split', entity: refOf(abadi), key: abadi.forms.find((f) => f.text === 'Abadi')!.key });
    const nujaba = withForm(list, 'Harakat al-Nujaba')!;
    const kaabi = withForm(list, 'Akram al-Kaabi')!;
    state = addEdit(state, { kind: 'merge', entities: [nujaba, kaabi].map(refOf) as [ReturnType<typeof refOf>, ReturnType<typeof refOf>] });
    // Re-learning from scratch with the same edits.
    state = addDocument(state, abbadiArticle);
    list = entities(state);
    const renamed = withForm(list, 'Haidar al-Abadi')!;
    expect(renamed.name).toBe('Haider al-Abadi');
    expect(renamed.forms.map((f) => f.text)).not.toContain('Abadi');
    expect(withForm(list, 'Abadi')!.id).not.toBe(renamed.id);
    expect(withForm(list, 'Victory Alliance')!.type).toBe('other');
    expect(withForm(list, 'Harakat al-Nujaba')!.id).toBe(withForm(list, 'Akram al-Kaabi')!.id);
  });
});

describe('the learned state as JSON', () => {
  it('round-trips and refuses a damaged file with a reason', () => {
    const state = learn(abadiArticle, pmfArticle);
    expect(parseNameState(serializeNameState(state))).toEqual(state);
    expect(() => parseNameState('{"format":1,"docs":[{"doc":"x"}],"edits":[],"ids":{}}')).toThrow(NameStateError);
    expect(() => parseNameState('{"format":1,"docs":[{"doc":"x"}],"edits":[],"ids":{}}')).toThrow(/docs\.0\.names/);
    expect(() => parseNameState('not json')).toThrow(/not JSON/);
  });
});
