// Arabic writes the proclitics و ف ب ك ل joined to the next word; the matcher finds the name after them.
import { makeMatcher, marked } from './helpers';

describe('proclitics joined to a name', () => {
  const matcher = makeMatcher([
    { id: 'tehran', type: 'place', names: ['طهران'] },
    { id: 'iraq', type: 'place', names: ['العراق'] },
    { id: 'lebanon', type: 'place', names: ['لبنان'] },
  ]);

  test('و ف ب ك ل before a name are not part of it, one or two of them', () => {
    expect(marked(matcher, 'بين بغداد وطهران')).toEqual([['طهران', 'tehran']]);
    expect(marked(matcher, 'في بالعراق وبالعراق')).toEqual([
      ['العراق', 'iraq'],
      ['العراق', 'iraq'],
    ]);
  });

  test('other letters before a name still make it part of another word', () => {
    expect(marked(matcher, 'مطهران')).toEqual([]);
    expect(marked(matcher, 'وووطهران')).toEqual([]); // three letters: a word, not proclitics
  });

  test('a name that itself starts with a proclitic letter is matched whole', () => {
    expect(marked(matcher, 'زار لبنان')).toEqual([['لبنان', 'lebanon']]);
  });
});
