// A contextual event phrase any country could have is another country's when one qualifies it.
import { compileCountries } from '../../lib/engine/countries';
import { dropOtherCountries } from '../../lib/engine/name-context';
import type { MatcherEntity, RawMatch } from '../../lib/engine/types';

const countries = compileCountries([{ words: ['Iraq', 'Iraqi'] }, { words: ['Lebanon', 'Lebanese'] }, { words: ['Chile', 'Chilean'] }]);
const entities: MatcherEntity[] = [{ id: 'protests', name: 'October 2019 Iraqi protests', type: 'event', country: 0 }];
const PHRASE = 'October 2019 protests';

function kept(text: string, specificity: RawMatch['specificity'] = 'ambiguous'): boolean {
  const start = text.indexOf(PHRASE);
  return dropOtherCountries(text, [{ start, end: start + PHRASE.length, entity: 0, specificity }], entities, countries).length === 1;
}

test('another country before or after the phrase makes it that country’s', () => {
  expect(kept("Beirut remembered Lebanon's October 2019 protests.")).toBe(false);
  expect(kept('They studied the Chilean October 2019 protests.')).toBe(false);
  expect(kept('The October 2019 protests in Lebanon were large.')).toBe(false);
});

test('its own country, or none, leaves it the event', () => {
  expect(kept("They remembered Iraq's October 2019 protests.")).toBe(true);
  expect(kept('The October 2019 protests in Iraq were large.')).toBe(true);
  expect(kept('The October 2019 protests were large.')).toBe(true);
  expect(kept("Lebanon's October 2019 protests", 'unique')).toBe(true); // a name, not a guess
});
