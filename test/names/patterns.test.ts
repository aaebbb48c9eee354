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

  it('marks a learned surname beside its full name, never inside another person\'s full name', () => {
    const state = learn(nujabaArticle, nujabaFollowUp);
    expect(marks(state, 'Akram al-Kaabi spoke first. Later al-Kaabi and Kaabi spoke again.').map((m) => m.text)).toEqual(['Akram al-Kaabi', 'al-Kaabi', 'Kaabi']);
    // Another Kaabi, whose given name is not Akram: neither his full name nor his surname is the militia leader.
    expect(marks(state, 'The striker Yasser al-Kaabi scored twice. Kaabi, 24, was named man of the match.')).toEqual([]);
  });

  it('holds a name of ordinary words ("Federal Court") to the evidence a common name needs', () => {
    const doc: NameDocument = { id: 'court', title: 'Ruling', paragraphs: ['The Federal Court rejected the appeal of Akram al-Kaabi.', 'The Federal Court will meet again, a court official said.'] };
    const court = resolve(learn(doc, nujabaArticle), known).entities.find((e) => e.name === 'Federal Court')!;
    expect(court.forms[0]!.specificity).toBe('common');
    const state = learn(doc, nujabaArticle);
    // A page about another country's court names nothing else the documents do.
    expect(marks(state, 'The Federal Court in Ottawa ruled on Monday.')).toEqual([]);
    expect(marks(state, 'The Federal Court heard Akram al-Kaabi.').map((m) => m.text)).toEqual(['Federal Court', 'Akram al-Kaabi']);
  });

  it('marks an organisation written with the other spelling of its hamza (Kataeb / Kataib), never as an English word', () => {
    const doc: NameDocument = {
      id: 'jund',
      title: 'Armed group claims attack',
      paragraphs: ['Kataeb Jund al-Imam, an armed faction, claimed the attack. Its leader, Raed Fahmi, praised the fighters.'],
    };
    const state = learn(doc);
    expect(marks(state, 'A statement by Kataib Jund al-Imam was read out.').map((m) => m.text)).toEqual(['Kataib Jund al-Imam']);
    expect(marks(state, 'Kata’ib Jund al-Imam denied it. Raed Fahmi spoke.').map((m) => m.text)).toEqual(['Kata’ib Jund al-Imam', 'Raed Fahmi']);
    // "Raid" is a word: no spelling of the name is made from it.
    expect(marks(state, 'Kataeb Jund al-Imam: Raid Fahmi spoke.').map((m) => m.text)).toEqual(['Kataeb Jund al-Imam']);
  });

  it('marks a name one document gave without a cue only on a page that names other things the documents do', () => {
    const bare: NameDocument = { id: 'bare', title: 'Meeting', paragraphs: ['Officials met Hamid Karimi in the morning.'] };
    const state = learn(bare, nujabaArticle, nujabaFollowUp);
    expect(marks(state, 'Hamid Karimi opened the bakery on Main Street.')).toEqual([]);
    expect(marks(state, 'Hamid Karimi met Akram al-Kaabi.').map((m) => m.text)).toEqual(['Hamid Karimi', 'Akram al-Kaabi']);
  });

  it('marks the surname of a full name the documents gave only in full, beside the full name, unless someone else known has it', () => {
    const spokesman: NameDocument = { id: 'spokesman', title: 'Briefing', paragraphs: ['Foreign Ministry spokesman Nasser Kanaani told reporters the talks would go on.'] };
    const state = learn(spokesman, nujabaArticle);
    expect(marks(state, 'Nasser Kanaani spoke on Monday. Kanaani said the deal was signed.').map((m) => m.text)).toEqual(['Nasser Kanaani', 'Kanaani']);
    // The surname alone on a page that never names him in full is not enough.
    expect(marks(state, 'Kanaani said the deal was signed.')).toEqual([]);
    // A curated person with that surname: the surname alone is the curated person's, not the learned one's.
    const withNamesake: MatcherInput = {
      entities: [...curated.entities, { id: 'ali-kanaani', name: 'Ali Kanaani', type: 'person' }],
      patterns: [...curated.patterns, { entity: 1, text: 'Ali Kanaani', specificity: 'unique' }],
    };
    const input = withLearnedNames(withNamesake, resolve(state, known).entities);
    expect(input.patterns.filter((p) => p.text === 'Kanaani')).toEqual([]);
  });

  it("marks an outlet's one-word name with the kind written after it (Fars news agency), as one mark", () => {
    const doc: NameDocument = { id: 'fars', title: 'Strikes', paragraphs: ['The Fars news agency reported the strikes on Monday, and Fars said more would follow.'] };
    const state = learn(doc, nujabaArticle);
    expect(marks(state, 'Akram al-Kaabi spoke, the Fars news agency reported.').map((m) => m.text)).toEqual(['Akram al-Kaabi', 'Fars news agency']);
  });
  it("marks a party's one-word name with its kind after it (Fateh bloc), and a News outlet with \"agency\" (Shafaq News agency), as one mark", () => {
    const fateh: NameDocument = {
      id: 'fateh',
      title: 'Results',
      paragraphs: ['The Fateh Alliance, led by Hadi al-Amiri, rejected the results.', 'Fateh won 17 seats, Shafaq News reported.'],
    };
    const again: NameDocument = { id: 'fateh-2', title: 'Appeal', paragraphs: ['Fateh appealed on Monday, according to Shafaq News.'] };
    const state = learn(fateh, again, nujabaArticle);
    const page = 'Akram al-Kaabi spoke as the Fateh bloc met, the Shafaq News agency reported.';
    expect(marks(state, page).map((m) => m.text)).toEqual(['Akram al-Kaabi', 'Fateh bloc', 'Shafaq News agency']);
  });
  it('marks the script surname and the name without its first given name after a full script name the documents gave', () => {
    const doc = (id: string, text: string): NameDocument => ({ id, title: 'Visit', paragraphs: [text] });
    const state = learn(
      doc('ar-1', 'وصل رئيس الوزراء محمد شياع السوداني إلى طهران.'),
      doc('ar-2', 'التقى الرئيس محمد شياع السوداني بالوفد.'),
      nujabaArticle,
    );
    const page = 'سفر محمد شياع السوداني به تهران. شياع السوداني گفت که السوداني دیدار کرد.';
    expect(marks(state, page).map((m) => m.text)).toEqual(['محمد شياع السوداني', 'شياع السوداني', 'السوداني']);
  });
  it("marks a demonym-led institution without its demonym (Foreign Ministry), with its country after it, never a country's forces by their common noun", () => {
    const doc = (id: string, text: string): NameDocument => ({ id, title: 'Talks', paragraphs: [text] });
    const state = learn(
      doc('fm-1', 'The Iranian Foreign Ministry said on Monday that the Iranian Armed Forces were ready.'),
      doc('fm-2', 'A statement by the Iranian Foreign Ministry followed, and the Iranian Armed Forces stood by.'),
      nujabaArticle,
    );
    const page = 'Akram al-Kaabi spoke. The Iranian Foreign Ministry and the Foreign Ministry of Iran replied; the Iranian Armed Forces did not.';
    expect(marks(state, page).map((m) => m.text)).toEqual(['Akram al-Kaabi', 'Foreign Ministry', 'Foreign Ministry of Iran']);
  });
  it("marks a bared institution name only on a page about its country, not another country's Foreign Ministry", () => {
    const doc = (id: string, text: string): NameDocument => ({ id, title: 'Talks', paragraphs: [text] });
    const state = learn(doc('fm-1', 'The Iranian Foreign Ministry said on Monday that talks would go on.'), doc('fm-2', 'A statement by the Iranian Foreign Ministry followed.'), nujabaArticle);
    const other = 'Akram al-Kaabi was not there. The Foreign Ministry in Abu Dhabi said a new trade corridor with India would open.';
    expect(marks(state, other).map((m) => m.text)).toEqual(['Akram al-Kaabi']);
    const ours = 'Akram al-Kaabi spoke. The Foreign Ministry of Iran replied, and the Foreign Ministry said more later.';
    expect(marks(state, ours).map((m) => m.text)).toEqual(['Akram al-Kaabi', 'Foreign Ministry of Iran', 'Foreign Ministry']);
  });
  it("gives no learned entity a generated spelling another learned entity is marked by (the Nasr bloc's Nasir is Hikmat Nasir's surname)", () => {
    const doc = (id: string, text: string): NameDocument => ({ id, title: 'Cabinet', paragraphs: [text] });
    const state = learn(
      doc('nasr-1', 'The candidate is head of the small Nasr parliamentary group of former Prime Minister Haider Al-Abadi.'),
      doc('nasr-2', 'The former governor heads Al-Nasr parliamentary coalition, which includes former Prime Minister Haider al-Abadi.'),
      doc('cabinet', 'The cabinet includes Minister Hikmat Nasir as migration minister.'),
      nujabaArticle,
    );
    const page = 'Akram al-Kaabi met the Nasr bloc and Hikmat Nasir. Nasir said little.';
    // (Before, the bloc's generated "Nasir" and the minister's surname made the matcher refuse to build.)
    const found = marks(state, page);
    expect(found.find((m) => m.text === 'Hikmat Nasir')?.id).toBe('learned:hikmat-nasir');
    expect(found.filter((m) => m.text === 'Nasir').map((m) => m.id)).toEqual(['learned:hikmat-nasir']);
  });
  it('marks a learned full name written with another spelling of its given name the rules do not make (Qasim / Qassem)', () => {
    const doc = (id: string, text: string): NameDocument => ({ id, title: 'Border', paragraphs: [text] });
    const state = learn(doc('araji-1', 'National Security Adviser Qasim al-Araji signed the deal.'), doc('araji-2', 'Adviser Qasim al-Araji arrived in Tehran.'), nujabaArticle);
    expect(marks(state, 'Akram al-Kaabi met Qassem al-Araji on Sunday.').map((m) => m.text)).toEqual(['Akram al-Kaabi', 'Qassem al-Araji']);
  });
  it("marks a learned place with the category word written after it (Anbar province), as one mark", () => {
    const doc = (id: string, text: string): NameDocument => ({ id, title: 'Arrest', paragraphs: [text] });
    const state = learn(doc('anbar-1', 'The commander of operations in Anbar was arrested.'), doc('anbar-2', 'Forces in Anbar said the commander was held.'), nujabaArticle);
    expect(marks(state, 'Akram al-Kaabi spoke of the arrest in Anbar province.').map((m) => m.text)).toEqual(['Akram al-Kaabi', 'Anbar province']);
    // A country's name before "City" is another place (Kuwait City), never the country with its kind.
    const kuwait = learn(doc('kw-1', 'The envoy flew to Kuwait on Monday.'), doc('kw-2', 'Talks in Kuwait ended.'), nujabaArticle);
    expect(marks(kuwait, 'Akram al-Kaabi flew to Kuwait City.').map((m) => m.text)).not.toContain('Kuwait City');
  });
  it('gives a Latin full name the script spelling another document writes after a given name alone, and marks both there', () => {
    const doc = (id: string, text: string): NameDocument => ({ id, title: 'Killing', paragraphs: [text] });
    const latin = [doc('en-1', 'Hisham al-Hashimi was shot dead in Baghdad on Monday.'), doc('en-2', 'Friends of Hisham al-Hashemi gathered in Baghdad.')];
    const arabic = doc('ar-1', 'جرى اغتيال الخبير الأمني هشام الهاشمي في بغداد.');
    const page = 'قتل هشام الهاشمي أمام منزله في بغداد، وكان الهاشمي خبيرا.';
    expect(marks(learn(...latin, nujabaArticle), page)).toEqual([]);
    expect(marks(learn(...latin, arabic, nujabaArticle), page).map((m) => m.text)).toEqual(['هشام الهاشمي', 'الهاشمي']);
    // Two people whose names sound alike in Latin letters: the script name is neither's.
    const other = [doc('en-3', 'Hashem al-Hashimi, a cleric, spoke in Basra.'), doc('en-4', 'Hashem al-Hashimi left Basra.')];
    expect(marks(learn(...latin, ...other, arabic, nujabaArticle), page)).toEqual([]);
  });
  it("never marks a learned surname on a page that gives that surname to someone else (Tareq al-Hashemi is not Hisham al-Hashimi)", () => {
    const doc = (id: string, text: string): NameDocument => ({ id, title: 'Killing', paragraphs: [text] });
    const state = learn(doc('en-1', 'Hisham al-Hashimi was shot dead in Baghdad. Hashimi had advised the government.'), doc('en-2', 'Friends of Hisham al-Hashimi gathered. Hashimi was 47.'), nujabaArticle);
    const ours = 'Akram al-Kaabi and Mustafa al-Kadhimi spoke in Baghdad. Hashimi had warned them.';
    expect(marks(state, ours).map((m) => m.text)).toContain('Hashimi');
    const theirs = 'Akram al-Kaabi and Mustafa al-Kadhimi spoke of Vice President Tareq al-Hashimi. Hashimi fled to Turkey.';
    expect(marks(state, theirs).map((m) => m.text)).toEqual(['Akram al-Kaabi', 'Mustafa al-Kadhimi']);
  });
  it('never gives a bare surname to one learned person on a page that names only another learned person with it', () => {
    const doc = (id: string, text: string): NameDocument => ({ id, title: 'Verdict', paragraphs: [text] });
    const state = learn(
      doc('en-1', 'Prime minister-designate Zoran Keltami met the president. Keltami promised a cabinet of independents.'),
      doc('en-2', 'Friends of Zoran Keltami gathered in Baghdad. Keltami thanked them.'),
      doc('en-3', 'Former premier Davor Keltami was sentenced in absentia.'),
      nujabaArticle,
    );
    const ours = 'Akram al-Kaabi and Mustafa al-Kadhimi spoke in Baghdad. Keltami had warned them.';
    expect(marks(state, ours).map((m) => m.text)).toContain('Keltami');
    const theirs = 'Akram al-Kaabi and Mustafa al-Kadhimi spoke of the former premier Davor Keltami. Keltami fled to Turkey.';
    expect(marks(state, theirs).map((m) => m.text)).toEqual(['Akram al-Kaabi', 'Mustafa al-Kadhimi', 'Davor Keltami']);
  });
  it('joins a titled script full name to its Latin spelling in other documents, and marks its surname written without the article', () => {
    const doc = (id: string, text: string): NameDocument => ({ id, title: 'Talks', paragraphs: [text] });
    const state = learn(
      doc('en-1', 'Foreign Minister Abbas Araghchi arrived in Muscat.'),
      doc('en-2', 'Abbas Araqchi met the mediator in Muscat.'),
      doc('ar-1', 'وصل وزير الخارجية عباس عراقجي إلى مسقط.'),
      nujabaArticle,
    );
    const page = 'وصل عباس عراقجي إلى مسقط، وقال عراقجي إن المحادثات جادة.';
    expect(marks(state, page)).toEqual([
      { id: 'learned:abbas-araghchi', text: 'عباس عراقجي' },
      { id: 'learned:abbas-araghchi', text: 'عراقجي' },
    ]);
  });
  it('marks a learned full name written with Husham for Hisham', () => {
    const doc = (id: string, text: string): NameDocument => ({ id, title: 'Killing', paragraphs: [text] });
    const state = learn(doc('en-1', 'Hisham al-Hashimi was shot dead in Baghdad.'), doc('en-2', 'Friends of Hisham al-Hashimi gathered.'), nujabaArticle);
    expect(marks(state, 'Akram al-Kaabi spoke of Husham al-Hashimi.').map((m) => m.text)).toEqual(['Akram al-Kaabi', 'Husham al-Hashimi']);
  });
});
