// A surname alone needs other corpus names on the page; after a title it is the person.
import { promoteTitledNames } from '../../lib/engine/name-context';
import type { MatcherEntity, RawMatch } from '../../lib/engine/types';

const entities: MatcherEntity[] = [
  { id: 'kadhimi', name: 'Mustafa al-Kadhimi', type: 'person' },
  { id: 'riyadh', name: 'Riyadh', type: 'place' },
];

function specificity(text: string, word: string, entity = 0): RawMatch['specificity'] {
  const start = text.indexOf(word);
  return promoteTitledNames(text, [{ start, end: start + word.length, entity, specificity: 'common' }], entities)[0]!.specificity;
}

test('after a title a surname is the person', () => {
  expect(specificity('Prime Minister Kadhimi met the delegation', 'Kadhimi')).toBe('unique');
  expect(specificity('Brig. Gen. Kadhimi spoke', 'Kadhimi')).toBe('unique');
});

test('alone, after another name or a courtesy title, it still needs the page; places are not people', () => {
  expect(specificity('Kadhimi met the delegation', 'Kadhimi')).toBe('common');
  expect(specificity('Director Yousry Kadhimi spoke', 'Kadhimi')).toBe('common');
  expect(specificity('Mr Kadhimi spoke', 'Kadhimi')).toBe('common');
  expect(specificity('President Riyadh', 'Riyadh', 1)).toBe('common');
});
