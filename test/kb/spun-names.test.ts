// Spun and machine-translated names: one word of a proper name replaced by a synonym (two in
// longer names), or a middle word a spinner knows dropped; counted only with strong context.
import { spotText } from '../../lib/engine/evidence';
import { loadMatcher } from '../../lib/engine/matcher';
import { buildKnowledgeBase } from '../../lib/kb/build';
import { readSynonyms, spunForms } from '../../lib/kb/spun-names';
import type { GazetteerEntry } from '../../lib/kb/types';

const { synonyms } = readSynonyms('data/synonyms.json', {
  groups: [
    ['Units', 'Forces', 'Committee', 'Commission'],
    ['Mobilization', 'Crowd'],
    ['Popular', "People's"],
    ['visit', 'trip'],
    ['troops', 'soldiers'],
  ],
});

test('one word replaced, keeping its capitalisation; two in a longer name; a known middle word dropped', () => {
  const forms = spunForms('Popular Mobilization Units', synonyms);
  expect(forms).toEqual(expect.arrayContaining(['Popular Mobilization Committee', "People's Mobilization Units", 'Popular Crowd Units']));
  expect(forms).toContain("People's Mobilization Committee"); // two of three replaced, Mobilization kept
  expect(forms).toContain('Popular Units'); // Mobilization dropped
  expect(spunForms("Kadhimi's visit to Tehran", synonyms)).toContain("Kadhimi's trip to Tehran");
});

test('a word that carries the name is never dropped, and one-word names are not spun', () => {
  expect(spunForms('US State Department', synonyms)).toEqual([]);
  expect(spunForms('Hezbollah', synonyms)).toEqual([]);
  expect(spunForms('Popular Crowd', synonyms)).toEqual(["People's Crowd", 'Popular Mobilization']);
});

const entry = (e: Partial<GazetteerEntry> & Pick<GazetteerEntry, 'id' | 'type' | 'name' | 'aliases'>): GazetteerEntry => ({ summary: 's', background: [], ...e });
const pmu = entry({ id: 'pmu', type: 'organization', name: 'Popular Mobilization Units', aliases: ['Hashd al-Shaabi'] });
const troops = entry({ id: 'us-troops', type: 'organization', name: 'US troops', aliases: [] });
const iraq = entry({ id: 'iraq', type: 'place', name: 'Iraq', aliases: [] });
const baghdad = entry({ id: 'baghdad', type: 'place', name: 'Baghdad', aliases: [] });

function spotter(): (text: string) => string[] {
  const built = buildKnowledgeBase({
    documents: { file: 'data/documents.json', data: { perspectives: [], documents: [] } },
    seeds: {},
    gazetteer: [{ file: 'data/gazetteer/organizations.json', data: { entries: [pmu, troops, iraq, baghdad] } }],
    synonyms: { file: 'data/synonyms.json', data: { groups: [['Units', 'Committee'], ['troops', 'soldiers']] } },
  });
  const matcher = loadMatcher(built.matcher!);
  return (text) => spotText(matcher, text).map((m) => `${text.slice(m.start, m.end)} → ${matcher.entities[m.entity]!.id}`);
}

test('a spun name counts with strong context only', () => {
  const spot = spotter();
  expect(spot('The Popular Mobilization Committee held a parade.')).toEqual([]);
  expect(spot('In Baghdad, Iraq, the Popular Mobilization Committee held a parade.')).toContain('Popular Mobilization Committee → pmu');
  expect(spot('Hashd al-Shaabi, the Popular Mobilization Committee, held a parade.')).toContain('Popular Mobilization Committee → pmu');
});

test('a descriptive name is not spun: its synonyms are ordinary wording', () => {
  expect(spotter()('In Baghdad, Iraq, US soldiers left.')).not.toContain('US soldiers → us-troops');
});

test('a contextual proper name is spun too, as weak as it is; a contextual description is not', () => {
  const popular = entry({ id: 'pmu', type: 'organization', name: 'Popular Mobilization Units', aliases: [], contextual: ['Popular Mobilization', 'the mobilization'] });
  const built = buildKnowledgeBase({
    documents: { file: 'data/documents.json', data: { perspectives: [], documents: [] } },
    seeds: {},
    gazetteer: [{ file: 'data/gazetteer/organizations.json', data: { entries: [popular, iraq, baghdad] } }],
    synonyms: { file: 'data/synonyms.json', data: { groups: [['Mobilization', 'Crowd'], ['mobilization', 'crowd']] } },
  });
  const matcher = loadMatcher(built.matcher!);
  const spot = (text: string) => spotText(matcher, text).map((m) => `${text.slice(m.start, m.end)} → ${matcher.entities[m.entity]!.id}`);
  expect(spot('In Baghdad, Iraq, the Popular Crowd held a parade.')).toContain('Popular Crowd → pmu');
  expect(spot('The Popular Crowd held a parade.')).toEqual([]); // no context: a spun contextual name stays silent
  expect(spot('In Baghdad, Iraq, the crowd cheered.')).not.toContain('crowd → pmu'); // "the mobilization" is no proper name
});
