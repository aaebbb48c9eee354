// Which countries a sentence speaks of: its mentions of gazetteer countries and capitals, and the
// words of others, but not a country's word inside a mention of something else ("US troops") nor
// one that names a side ("Iran-backed", "pro-US").
import { compileCountries, countriesIn } from '../../lib/engine/countries';
import type { RawMatch } from '../../lib/engine/types';

const countries = compileCountries([
  { place: 0, words: ['Iraq', 'Iraqi', 'Baghdad', 'العراق'] },
  { words: ['United States', 'US'] },
  { words: ['Bahrain', 'Bahraini', 'البحرين'] },
  { words: ['Turkey'] },
]);
const spoken = (text: string, mentions: RawMatch[] = [], places = new Set<number>()) =>
  countriesIn(countries, text, 0, text.length, mentions, (e) => places.has(e)).map((c) => `${c.country}@${c.at}`);

test('names, demonyms, capitals, possessives and Arabic names after proclitics', () => {
  expect(spoken("Bahrain's king met Iraqi envoys.")).toEqual(['2@0', '0@19']);
  expect(spoken('وفي البحرين')).toEqual(['2@4']);
  expect(spoken('وبالعراق')).toEqual(['0@2']);
});

test('Latin words only as written with their capital, never inside a word', () => {
  expect(spoken('the turkey and us and Iraqiya')).toEqual([]);
});

test('a word inside a mention of something else is not the country', () => {
  const usTroops: RawMatch = { start: 0, end: 9, entity: 7, specificity: 'unique' };
  expect(spoken('US troops left.', [usTroops])).toEqual([]);
  const iraq: RawMatch = { start: 0, end: 4, entity: 0, specificity: 'unique' };
  expect(spoken('Iraq voted.', [iraq], new Set([0]))).toEqual(['0@0']);
});

test('a country that says whose side someone is on is not where the sentence is', () => {
  expect(spoken('Bahraini-backed MPs and pro-US factions met in Baghdad.')).toEqual(['0@47']);
  const iraq: RawMatch = { start: 0, end: 4, entity: 0, specificity: 'unique' };
  expect(spoken('Iraq-backed groups and Bahrain.', [iraq], new Set([0]))).toEqual(['2@23']);
});
