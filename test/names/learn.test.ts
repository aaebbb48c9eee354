import { describe, expect, it } from 'vitest';
import { knownEntities } from '../../lib/names/known';
import { knownIndex, refOf, resolve } from '../../lib/names/resolve';
import { addDocument, addEdit, emptyNameState, importEdits, parseNameState, rejectedNames, removeDocument, serializeNameState, NameStateError } from '../../lib/names/state';
import { parsePack, serialisePack, type CorpusPack } from '../../lib/corpus/pack';
import type { GazetteerEntry } from '../../lib/kb/types';
import type { LearnedEntity, NameDocument, NameState } from '../../lib/names/types';
import { fixtureText } from '../corpus/saved-pages';
import { abadiArticle, abbadiArticle, keltamiCabinetArticle, keltamiCousinsArticle, nujabaArticle, nujabaFollowUp, pmfArticle, sadrArticle, sadrOnlyArticle } from './fixtures';

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

  it('joins a three-word script name to its Latin spelling though one word keeps a single consonant, never two such short words', () => {
    const doc = (id: string, text: string): NameDocument => ({ id, title: 'Cabinet', paragraphs: [text] });
    const list = entities(
      learn(
        doc('en-1', 'Prime Minister-designate Mohammed Tawfiq Allawi withdrew on Sunday.'),
        doc('en-2', 'Former minister Mohammed Tawfiq Allawi was named by the president. His cousin, former Prime Minister Iyad Allawi, spoke.'),
        doc('ar-1', 'واعتذر رئيس الوزراء المكلف محمد توفيق علاوي، ابن عم رئيس الوزراء الأسبق إياد علاوي، عن تشكيل الحكومة.'),
      ),
    );
    // محمد توفيق علاوي: "mhmd tfk l", eight consonants in all, the surname's one (l) aside.
    expect(withForm(list, 'محمد توفيق علاوي')?.id).toBe(withForm(list, 'Mohammed Tawfiq Allawi')!.id);
    // إياد علاوي: "d l" could be many people; it stays apart from Iyad Allawi.
    expect(withForm(list, 'إياد علاوي')?.id).not.toBe(withForm(list, 'Iyad Allawi')!.id);
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

  it('gives a bare surname to no one in a document that names two people with it', () => {
    const list = entities(learn(keltamiCousinsArticle, keltamiCabinetArticle));
    const zoran = withForm(list, 'Zoran Keltami')!;
    const davor = withForm(list, 'Davor Keltami')!;
    expect(davor.id).not.toBe(zoran.id);
    // The cousin named once in passing never takes the surname the articles use for the other man.
    expect(davor.forms.map((f) => f.text)).toEqual(['Davor Keltami']);
    // Where the document names one Keltami only, the surname is his.
    expect(zoran.forms.find((f) => f.text === 'Keltami')?.docs).toEqual(['keltami-cabinet']);
  });

  it('takes a surname spelled a little differently beside the same given name for one person, never beside another given name', () => {
    const doc = (id: string, sentence: string): NameDocument => ({ id, title: 'Briefing', paragraphs: [sentence] });
    const list = entities(
      learn(
        doc('a', 'Foreign Ministry spokesman Nasser Kanaani said the talks would go on.'),
        doc('b', 'Foreign Ministry spokesman Nasser Kenani announced the agreement.'),
        doc('c', 'Oil minister Ali Kenani opened the refinery.'),
      ),
    );
    expect(withForm(list, 'Nasser Kenani')!.id).toBe(withForm(list, 'Nasser Kanaani')!.id);
    expect(withForm(list, 'Ali Kenani')!.id).not.toBe(withForm(list, 'Nasser Kenani')!.id);
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

  it('counts a full name named once without a cue only where the page bears it out, and a phrase of ordinary words not at all', () => {
    const bare: NameDocument = {
      id: 'bare',
      title: 'Meeting',
      paragraphs: ['Officials met Hamid Karimi in the morning. They discussed what the minister calls the Grand Bargain.', 'The Pentagon said it had not been told.'],
    };
    const once = entities(learn(bare));
    const karimi = withForm(once, 'Hamid Karimi')!;
    expect(karimi).toMatchObject({ active: true, reason: 'named in one document: marked where the page also names other things your documents do' });
    // One step less specific than a name seen twice: the page must name another thing the documents do.
    expect(karimi.forms[0]!.specificity).toBe('common');
    expect(withForm(once, 'Pentagon')).toMatchObject({ active: true, type: 'organization' });
    expect(withForm(once, 'Pentagon')!.forms[0]!.specificity).toBe('ambiguous');
    expect(withForm(once, 'Grand Bargain')).toMatchObject({ active: false, reason: 'named in one document only' });
    const again: NameDocument = { id: 'again', title: 'Meeting again', paragraphs: ['Hamid Karimi spoke again on Monday.'] };
    const twice = withForm(entities(learn(bare, again)), 'Hamid Karimi')!;
    expect(twice).toMatchObject({ active: true, reason: 'named in 2 documents' });
    expect(twice.forms[0]!.specificity).toBe('unique');
  });

  it('never takes another person with a curated person\'s surname for the curated person', () => {
    const doc: NameDocument = {
      id: 'namesake',
      title: 'A lawmaker objects',
      paragraphs: ['Lawmaker Ahmed al-Kadhimi, a member of the budget committee, objected to the plan.', 'Kadhimi said the committee had not been consulted.'],
    };
    const list = entities(learn(doc), knownIndex(knownEntities([kadhimi])));
    const ahmed = withForm(list, 'Ahmed al-Kadhimi')!;
    expect(ahmed.known).toBeUndefined();
    expect(ahmed.id).toBe('learned:ahmed-al-kadhimi');
    // The bare surname is the curated prime minister's name: not claimed for the namesake.
    expect(ahmed.forms.map((f) => f.text)).toEqual(['Ahmed al-Kadhimi']);
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
    expect(withForm(view.entities, 'Akram al-Kaabi')).toMatchObject({ id, docs: ['nujaba-follow-up'], reason: 'named in one document: marked where the page also names other things your documents do' });
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

  it('carries its edits in an exported pack to another device, where a rejected name stays rejected', () => {
    let here = learn(nujabaArticle, nujabaFollowUp);
    const list = entities(here);
    here = addEdit(here, { kind: 'reject', entity: refOf(withForm(list, 'Akram al-Kaabi')!) });
    here = addEdit(here, { kind: 'retype', entity: refOf(withForm(list, 'Harakat al-Nujaba')!), type: 'other' });
    const pack = JSON.parse(fixtureText('packs/sample-pack.json')) as CorpusPack;
    pack.decisions = { ...pack.decisions, learnedNames: here.edits };
    const read = parsePack(serialisePack(pack));
    if (!read.ok) throw new Error(read.reason);

    // The other device learns the same documents in another order, then takes in the pack's edits, twice.
    const fresh = learn(nujabaFollowUp, nujabaArticle);
    expect(withForm(entities(fresh), 'Akram al-Kaabi')!.active).toBe(true);
    const there = importEdits(importEdits(fresh, read.pack.decisions!.learnedNames!), read.pack.decisions!.learnedNames!);
    expect(there.edits).toHaveLength(2);
    const after = entities(there);
    expect(after.filter((e) => e.active && e.forms.some((f) => /Kaabi/.test(f.text)))).toEqual([]);
    expect(withForm(after, 'Harakat al-Nujaba')!.type).toBe('other');
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
  it('merges a given name spelt two vowels and a doubled letter apart (Muhammad / Mohammed / Mohamed), and an ezafe joined or not, never Hassan with Hussein', () => {
    const doc = (id: string, text: string): NameDocument => ({ id, title: 'Parliament', paragraphs: [text] });
    const list = entities(
      learn(
        doc('a', 'Speaker Mohammed al-Halbousi opened the session on Sunday.'),
        doc('b', 'Speaker Muhammad al-Halbousi closed it on Monday.'),
        doc('c', 'On the sidelines, Amir-Abdollahian met Speaker Mohamed al-Halbousi.'),
        doc('d', 'Deputy Foreign Minister Majid Takht-e-Ravanchi led the experts.'),
        doc('e', 'Deputy Foreign Minister Majid Takht-Ravanchi arrived in Muscat.'),
        doc('f', 'Minister Hassan Kazemi spoke to the press.'),
        doc('g', 'Minister Hussein Kazemi spoke to the press.'),
      ),
    );
    expect(withForm(list, 'Mohammed al-Halbousi')!.forms.map((f) => f.text).sort()).toEqual(['Mohamed al-Halbousi', 'Mohammed al-Halbousi', 'Muhammad al-Halbousi']);
    expect(withForm(list, 'Majid Takht-e-Ravanchi')!.forms.map((f) => f.text)).toContain('Majid Takht-Ravanchi');
    expect(withForm(list, 'Hassan Kazemi')).not.toBe(withForm(list, 'Hussein Kazemi'));
  });
});
