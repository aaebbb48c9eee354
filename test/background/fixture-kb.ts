/**
 * A small knowledge base of the real shape, for tests that must not depend on the built
 * `data/kb.json` (which changes whenever the corpus or gazetteer does). Names and aliases follow
 * the corpus; quotes are shortened.
 */
import type { KbEntity, KnowledgeBase, Passage } from '../../lib/kb/types';
import { buildMatcher } from '../../lib/engine/build-matcher';
import type { MatcherData } from '../../lib/engine/types';

type EntitySeed = Pick<KbEntity, 'id' | 'type' | 'name' | 'aliases' | 'summary'> & Partial<KbEntity>;

function entity(seed: EntitySeed): KbEntity {
  return { background: [], mentions: {}, accounts: [], ...seed };
}

const passages: Passage[] = [
  { id: 'regime-fears-talks:7:0', doc: 'regime-fears-talks', para: 7, text: 'Nothing has changed with the coming to the power of Mustafa al-Kazemi’s government.', entities: ['mustafa-al-kadhimi'] },
  { id: 'iran-terrified-talks:3:0', doc: 'iran-terrified-talks', para: 3, text: 'Kayhan called the Kadhimi government a tool of America.', entities: ['mustafa-al-kadhimi'] },
  { id: 'iran-meddles:4:1', doc: 'iran-meddles', para: 4, text: 'The PMU are a violent force that attacked protesters.', entities: ['popular-mobilization-units'] },
  { id: 'iran-meddles:6:0', doc: 'iran-meddles', para: 6, text: 'Kadhimi, sworn in last month, wants to rein in the militias.', entities: ['mustafa-al-kadhimi', 'popular-mobilization-units'] },
  { id: 'tasnim-pmu:2:0', doc: 'tasnim-pmu', para: 2, text: 'The Hashd al-Shaabi was decisive in securing the country against Daesh.', entities: ['popular-mobilization-units', 'isis'] },
  { id: 'tasnim-pmu:5:0', doc: 'tasnim-pmu', para: 5, text: 'Al-Kadhimi must not bow to American pressure.', entities: ['mustafa-al-kadhimi'] },
];

const paragraphs = (n: number, doc: string) =>
  Array.from({ length: n }, (_, i) => passages.find((p) => p.doc === doc && p.para === i + 1)?.text ?? `Paragraph ${i + 1} of ${doc}.`);

export const fixtureKb: KnowledgeBase = {
  schemaVersion: 1,
  version: 'fixture-1',
  perspectives: [
    { id: 'iranian-opposition', label: 'Iranian opposition (MEK-aligned)', description: 'MEK/NCRI outlets.' },
    { id: 'israeli', label: 'Israeli press', description: 'An Israeli daily.' },
    { id: 'iranian-state', label: 'Iranian state-affiliated', description: 'State-tied media.' },
  ],
  documents: [
    { id: 'regime-fears-talks', file: '000.txt', title: 'Why Does the Iranian Regime Fear US-Iraq Talks?', outlet: 'Opposition site', date: '2020-06', dateNote: '', perspective: 'iranian-opposition', evidence: ['Calls it "the regime".'], paragraphs: paragraphs(8, 'regime-fears-talks') },
    { id: 'iran-terrified-talks', file: '001.txt', title: 'Iran Is Terrified of the June 11 Talks', outlet: 'Iran Focus', date: '2020-06', dateNote: '', perspective: 'iranian-opposition', evidence: ['MEK tagline.'], paragraphs: paragraphs(4, 'iran-terrified-talks') },
    { id: 'iran-meddles', file: '002.txt', title: 'Iran meddles in US-Iraq strategic talks', outlet: 'The Jerusalem Post', date: '2020-06', dateNote: '', perspective: 'israeli', evidence: ['Hawkish.'], paragraphs: paragraphs(6, 'iran-meddles') },
    { id: 'tasnim-pmu', file: '003.txt', title: 'PMU defends Iraq', outlet: 'Tasnim', date: '2020-07', dateNote: '', perspective: 'iranian-state', evidence: ['IRGC-affiliated.'], paragraphs: paragraphs(5, 'tasnim-pmu') },
  ],
  passages,
  entities: [
    entity({
      id: 'mustafa-al-kadhimi', type: 'person', name: 'Mustafa al-Kadhimi',
      aliases: ['al-Kadhimi', 'Kadhimi', 'al-Kazemi', 'Kazemi', 'al-Khadimi', 'Kadhemi', 'مصطفى الكاظمي'],
      summary: 'Prime minister of Iraq from May 2020.',
      background: [{ text: 'Sworn in as prime minister in May 2020.', cites: ['iran-meddles:6'] }],
      mentions: { 'regime-fears-talks': 2, 'iran-terrified-talks': 1, 'iran-meddles': 3, 'tasnim-pmu': 1 },
      // Both opposition documents come first in the knowledge base's order: the card must
      // still put another perspective second.
      accounts: [
        { doc: 'regime-fears-talks', perspective: 'iranian-opposition', passages: ['regime-fears-talks:7:0'] },
        { doc: 'iran-terrified-talks', perspective: 'iranian-opposition', passages: ['iran-terrified-talks:3:0'] },
        { doc: 'iran-meddles', perspective: 'israeli', passages: ['iran-meddles:6:0'] },
        { doc: 'tasnim-pmu', perspective: 'iranian-state', passages: ['tasnim-pmu:5:0'] },
      ],
      links: [{ to: 'popular-mobilization-units', rel: 'sought to rein in' }, { to: 'nowhere', rel: 'dangling' }],
    }),
    entity({
      id: 'popular-mobilization-units', type: 'organization', name: 'Popular Mobilization Units',
      aliases: ['PMU', 'PMF', 'Popular Mobilization Forces', 'Hashd al-Shaabi', 'al-Hashd al-Shaabi', 'الحشد الشعبي'],
      contextual: ['PMU'],
      summary: 'Umbrella of mostly Shiite militias, many backed by Iran.',
      mentions: { 'iran-meddles': 2, 'tasnim-pmu': 2 },
      accounts: [
        { doc: 'iran-meddles', perspective: 'israeli', passages: ['iran-meddles:4:1', 'iran-meddles:6:0'] },
        { doc: 'tasnim-pmu', perspective: 'iranian-state', passages: ['tasnim-pmu:2:0'] },
      ],
      automaticContrasts: [
        {
          id: 'auto-contrast:popular-mobilization-units:iran-meddles+tasnim-pmu',
          origin: 'automatic',
          entity: 'popular-mobilization-units',
          topic: 'How outlets describe Popular Mobilization Units',
          strength: 1.2,
          positions: [
            { doc: 'iran-meddles', perspective: 'israeli', passage: 'iran-meddles:4:1', quote: 'The PMU are a violent force that attacked protesters.', stance: -0.6, characterisation: { kind: 'copular', text: 'are a violent force' } },
            { doc: 'tasnim-pmu', perspective: 'iranian-state', passage: 'tasnim-pmu:2:0', quote: 'The Hashd al-Shaabi was decisive in securing the country against Daesh.', stance: 0.5 },
          ],
        },
      ],
    }),
    entity({ id: 'qasem-soleimani', type: 'person', name: 'Qasem Soleimani', aliases: ['Qassem Soleimani', 'Qassim Soleimani', 'Soleimani', 'قاسم سليماني'], summary: 'Commander of the IRGC Quds Force, killed January 2020.', links: [{ to: 'quds-force', rel: 'commander of' }] }),
    entity({ id: 'quds-force', type: 'organization', name: 'Quds Force', aliases: ['IRGC Quds Force', 'Qods Force'], contextual: ['Quds'], summary: 'Foreign operations arm of the IRGC.' }),
    entity({ id: 'esmail-qaani', type: 'person', name: 'Esmail Qaani', aliases: ['Ismail Qaani', 'Esmail Ghaani', 'Ghaani', 'Qaani'], summary: 'Soleimani’s successor at the Quds Force.' }),
    entity({ id: 'ali-khamenei', type: 'person', name: 'Ali Khamenei', aliases: ['Ayatollah Ali Khamenei', 'Khamenei'], summary: 'Supreme Leader of Iran.' }),
    entity({ id: 'adel-abdul-mahdi', type: 'person', name: 'Adel Abdul-Mahdi', aliases: ['Abdul-Mahdi', 'Adil Abdul-Mahdi'], summary: 'Prime minister of Iraq until May 2020.' }),
    entity({ id: 'abu-mahdi-al-muhandis', type: 'person', name: 'Abu Mahdi al-Muhandis', aliases: ['al-Muhandis', 'Muhandis'], summary: 'Deputy head of the PMU, killed with Soleimani.' }),
    entity({ id: 'isis', type: 'organization', name: 'ISIS', aliases: ['ISIL', 'Daesh', 'Islamic State', 'IS'], contextual: ['IS'], summary: 'Jihadist group defeated in Iraq in 2017.' }),
    entity({ id: 'kataib-hezbollah', type: 'organization', name: 'Kataib Hezbollah', aliases: ['Kata’ib Hezbollah', 'Hezbollah Brigades'], summary: 'Iran-backed Iraqi militia.' }),
    entity({ id: 'hezbollah', type: 'organization', name: 'Hezbollah', aliases: ['Hizbollah', 'Hizballah'], summary: 'Lebanese Shiite party and militia.' }),
    entity({
      id: 'us-iraq-strategic-dialogue', type: 'event', name: 'US–Iraq strategic dialogue',
      aliases: ['strategic dialogue', 'US-Iraq talks', 'US-Iraqi strategic dialogue'],
      summary: 'Talks on the future of US forces in Iraq, opened 11 June 2020.',
      date: { start: '2020-06-11' },
      links: [{ to: 'mustafa-al-kadhimi', rel: 'participant' }],
    }),
    entity({ id: 'iraq', type: 'place', name: 'Iraq', aliases: ['Republic of Iraq', 'العراق'], specificity: 'common', summary: 'Country.' }),
    entity({ id: 'iran', type: 'place', name: 'Iran', aliases: ['Islamic Republic of Iran', 'ایران'], specificity: 'common', summary: 'Country.' }),
    entity({ id: 'mike-pompeo', type: 'person', name: 'Mike Pompeo', aliases: ['Michael Pompeo', 'Pompeo'], summary: 'US Secretary of State.' }),
    entity({ id: 'basra', type: 'place', name: 'Basra', aliases: ['Basrah'], summary: 'Iraq’s southern port city.' }),
  ],
};

/** A matcher of the shipped shape, built from the fixture's names (each a unique name). */
export const fixtureMatcher: MatcherData = buildMatcher({
  kbVersion: fixtureKb.version,
  entities: fixtureKb.entities.map(({ id, name, type }) => ({ id, name, type })),
  patterns: fixtureKb.entities.flatMap((e, entity) => [e.name, ...e.aliases].map((text) => ({ entity, text, specificity: 'unique' as const }))),
});

/** The same knowledge base at a later version, with one entity renamed and one passage gone. */
export function nextVersionOf(kb: KnowledgeBase): KnowledgeBase {
  return {
    ...kb,
    version: `${kb.version}-next`,
    entities: kb.entities.map((e) => (e.id === 'basra' ? { ...e, name: 'Basra Governorate' } : e)),
    passages: kb.passages.slice(1),
  };
}
