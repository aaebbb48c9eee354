// A one-word alias of a person, or a Latin respelling of a place, needs the page to name another
// corpus entity: alone, it is as likely to be someone else ("Nasrallah" the film director,
// "Maliki" the school of law, "Riyad" Mahrez).
import { spotText } from '../../lib/engine/evidence';
import { buildKnowledgeBase } from '../../lib/kb/build';
import { loadMatcher } from '../../lib/engine/matcher';
import type { GazetteerEntry } from '../../lib/kb/types';
import { entryPatterns } from '../../lib/kb/validate';

const entry = (e: Partial<GazetteerEntry> & Pick<GazetteerEntry, 'id' | 'type' | 'name' | 'aliases'>): GazetteerEntry => ({
  summary: 's',
  background: [],
  ...e,
});
const nasrallah = entry({ id: 'hassan-nasrallah', type: 'person', name: 'Hassan Nasrallah', aliases: ['Nasrallah', 'حسن نصرالله'] });
const riyadh = entry({ id: 'riyadh', type: 'place', name: 'Riyadh', aliases: ['Riyad', 'الرياض'] });
const lebanon = entry({ id: 'lebanon', type: 'place', name: 'Lebanon', aliases: [] });
const isis = entry({ id: 'isis', type: 'organization', name: 'Islamic State', aliases: ['Daesh'] });

const specificities = (e: GazetteerEntry) => Object.fromEntries(entryPatterns(e, 0).map((p) => [p.text, p.specificity]));

test('one-word aliases of people and Latin respellings of places are common; names and script forms stay unique', () => {
  expect(specificities(nasrallah)).toEqual({ 'Hassan Nasrallah': 'unique', Nasrallah: 'common', 'حسن نصرالله': 'unique' });
  expect(specificities(riyadh)).toEqual({ Riyadh: 'unique', Riyad: 'common', الرياض: 'unique' });
  expect(specificities(isis)).toEqual({ 'Islamic State': 'unique', Daesh: 'unique' });
});

test('on a page about someone else the surname alone is not marked; with the corpus around it, it is', () => {
  const built = buildKnowledgeBase({
    documents: { file: 'data/documents.json', data: { perspectives: [], documents: [] } },
    seeds: {},
    gazetteer: [{ file: 'data/gazetteer/people.json', data: { entries: [nasrallah, riyadh, lebanon] } }],
  });
  const matcher = loadMatcher(built.matcher!);
  const ids = (text: string) => spotText(matcher, text).map((m) => `${text.slice(m.start, m.end)} → ${matcher.entities[m.entity]!.id}`);
  expect(ids("The film director's award: Nasrallah thanked the festival.")).toEqual([]);
  expect(ids('Riyad scored twice on Saturday.')).toEqual([]);
  expect(ids('In Lebanon, Nasrallah spoke on Sunday.')).toEqual(['Lebanon → lebanon', 'Nasrallah → hassan-nasrallah']);
});
