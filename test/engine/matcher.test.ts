import { describe, expect, it } from 'vitest';
import { buildMatcher } from '../../lib/engine/build-matcher';
import { loadMatcher } from '../../lib/engine/matcher';
import { foldPattern } from '../../lib/engine/alphabet';
import { makeMatcher, marked } from './helpers';

const corpus = makeMatcher([
  { id: 'kadhimi', names: ['Mustafa al-Kadhimi', 'Mustafa al-Kazemi', 'مصطفى الكاظمي', 'مصطفی کاظمی'] },
  { id: 'soleimani', names: ['Qasem Soleimani', 'قاسم سليماني'] },
  { id: 'ghaani', names: ['Esmail Ghaani', 'Ghaani'] },
  { id: 'khamenei', names: ['Ali Khamenei', 'Khamenei', 'علي خامنه‌اي'] },
  { id: 'iran', type: 'place', names: ['Iran', 'إيران'] },
  { id: 'hezbollah', type: 'organization', names: ['Hezbollah'] },
  { id: 'kataib-hezbollah', type: 'organization', names: ['Kataib Hezbollah', "Kata'ib Hizballah"] },
  { id: 'muhandis', names: ['Abu Mahdi al-Muhandis'] },
  { id: 'abdul-mahdi', names: ['Adil Abdul-Mahdi', 'Abdul-Mahdi'] },
  { id: 'abu-mahdi', names: ['Abu Mahdi'] },
]);

describe('normalisation folded into the alphabet', () => {
  it.each([
    ['case and a non-breaking hyphen', 'MUSTAFA AL\u2011KAZEMI'],
    ['a plain space for the hyphen', 'mustafa al kazemi'],
    ['an en dash with spaces around it', 'Mustafa al – Kazemi'],
    ['an em dash', 'Mustafa al—Kazemi'],
    ['a non-breaking space and a line break', 'Mustafa\u00a0al-\nKazemi'],
    ['fullwidth letters', 'ＭＵＳＴＡＦＡ ＡＬ－ＫＡＺＥＭＩ'],
    ['a soft hyphen inside the word', 'Mustafa al-Ka\u00adzemi'],
    ['combining accents', 'Mu\u0301stafa al-Kaze\u0301mi'],
  ])('finds the name written with %s', (_what, text) => {
    expect(marked(corpus, `He met ${text} today.`)).toEqual([[text, 'kadhimi']]);
  });

  it('folds diacritics: "Qāsem Soleimānī"', () => {
    expect(marked(corpus, 'Qāsem Soleimānī was killed')).toEqual([['Qāsem Soleimānī', 'soleimani']]);
  });

  it('skips apostrophes and ayn marks: "Gha’ani" and "Ghaʿani" are "Ghaani"', () => {
    expect(marked(corpus, 'General Gha’ani and Ghaʿani and Gha\'ani')).toEqual([
      ['Gha’ani', 'ghaani'],
      ['Ghaʿani', 'ghaani'],
      ["Gha'ani", 'ghaani'],
    ]);
  });

  it('ends a possessive at the name: "Khamenei’s"', () => {
    expect(marked(corpus, 'Khamenei’s office')).toEqual([['Khamenei', 'khamenei']]);
  });

  it('matches "Kataib Hizballah" with or without the apostrophe the pattern has', () => {
    expect(marked(corpus, 'Kataib Hizballah')).toEqual([['Kataib Hizballah', 'kataib-hezbollah']]);
  });

  it('treats dotted and dotless i as i', () => {
    expect(marked(corpus, 'İRAN and Kadhımı')).toEqual([['İRAN', 'iran']]);
    expect(foldPattern('Kadhımı')).toEqual(foldPattern('Kadhimi'));
  });

  it('matches Arabic script with harakat, tatweel and alef variants', () => {
    const text = 'التقى مُصْطَفَى الكـــاظمي بقائد';
    expect(marked(corpus, text)).toEqual([['مُصْطَفَى الكـــاظمي', 'kadhimi']]);
    expect(marked(corpus, 'زار ايران و أيران')).toEqual([
      ['ايران', 'iran'],
      ['أيران', 'iran'],
    ]);
  });

  it('matches Persian yeh and kaf against Arabic ones, and ZWNJ is skipped', () => {
    expect(marked(corpus, 'مصطفي الكاظمى گفت')).toEqual([['مصطفي الكاظمى', 'kadhimi']]);
    expect(marked(corpus, 'آقای علی خامنه‌ای')).toEqual([['علی خامنه‌ای', 'khamenei']]);
    expect(marked(corpus, 'علي خامنهاي')).toEqual([['علي خامنهاي', 'khamenei']]);
  });

  it('ends an Arabic match after trailing harakat', () => {
    const text = 'قاسم سليمانيٍ قتل';
    expect(marked(corpus, text)).toEqual([['قاسم سليمانيٍ', 'soleimani']]);
  });

  it('reports offsets in the original string', () => {
    const text = 'x ＩＲＡＮ y';
    const [m] = corpus.findAll(text);
    expect(m).toMatchObject({ start: 2, end: 6 });
  });
});

describe('word boundaries', () => {
  it('never matches inside a word', () => {
    expect(marked(corpus, 'Iranian Irans reIran Iran9')).toEqual([]);
  });

  it('matches next to punctuation, quotes and at the ends of the text', () => {
    expect(marked(corpus, 'Iran')).toEqual([['Iran', 'iran']]);
    expect(marked(corpus, '(Iran), "Iran" l’Iran Iran’s Iran.')).toHaveLength(5);
  });

  it('does not start after a letter carrying a combining mark', () => {
    expect(marked(corpus, 'e\u0301Iran')).toEqual([]);
  });

  it('does not join a name across a block break', () => {
    expect(marked(corpus, 'Mustafa\u2029al-Kazemi')).toEqual([]);
  });
});

describe('short acronyms', () => {
  const m = makeMatcher([
    { id: 'isis', names: ['Islamic State', 'ISIS'], contextual: ['IS'] },
    { id: 'us', type: 'place', names: ['United States'], contextual: ['US', 'U.S.'] },
  ]);

  it('match only when written in capitals, so "is" and "us" stay ordinary words', () => {
    expect(marked(m, 'This is what IS wants from us and the US; Us too.')).toEqual([
      ['IS', 'isis'],
      ['US', 'us'],
    ]);
  });

  it('leave longer acronyms case-blind ("Isis" is how some outlets write ISIS)', () => {
    expect(marked(m, 'Isis and isis; the U.S. army')).toEqual([
      ['Isis', 'isis'],
      ['isis', 'isis'],
      ['U.S.', 'us'],
    ]);
  });
});

describe('leftmost-longest', () => {
  it('prefers Kataib Hezbollah over Hezbollah', () => {
    expect(marked(corpus, 'Kataib Hezbollah, unlike Hezbollah,')).toEqual([
      ['Kataib Hezbollah', 'kataib-hezbollah'],
      ['Hezbollah', 'hezbollah'],
    ]);
  });

  it('tells Abu Mahdi al-Muhandis from Abdul-Mahdi and from Abu Mahdi', () => {
    expect(marked(corpus, 'Abu Mahdi al-Muhandis met Abdul-Mahdi; Abu Mahdi left')).toEqual([
      ['Abu Mahdi al-Muhandis', 'muhandis'],
      ['Abdul-Mahdi', 'abdul-mahdi'],
      ['Abu Mahdi', 'abu-mahdi'],
    ]);
  });

  it('keeps a shorter name when the longer one cannot end on a word boundary', () => {
    expect(marked(corpus, 'Abu Mahdi al-Muhandiss')).toEqual([['Abu Mahdi', 'abu-mahdi']]);
  });

  it('does not let a long match that starts inside an earlier one displace it', () => {
    const m = makeMatcher([
      { id: 'wx', names: ['W X'] },
      { id: 'xyz', names: ['X Y Z'] },
      { id: 'yz', names: ['Y Z'] },
    ]);
    expect(marked(m, 'W X Y Z')).toEqual([
      ['W X', 'wx'],
      ['Y Z', 'yz'],
    ]);
  });

  it('finds names only inside the window it is given', () => {
    const text = 'Iran and Hezbollah and Iran';
    expect(marked(corpus, text, corpus.findAll(text, 5, 20))).toEqual([['Hezbollah', 'hezbollah']]);
    // The text around the window still decides word boundaries.
    expect(corpus.findAll('Iranian', 0, 4)).toEqual([]);
  });
});

describe('building and loading', () => {
  const entities = [
    { id: 'pmu', name: 'Popular Mobilization Units', type: 'organization' as const },
    { id: 'pmf', name: 'Popular Mobilization Forces', type: 'organization' as const },
  ];

  it('round-trips through JSON', () => {
    const data = buildMatcher({
      kbVersion: 'v1',
      entities,
      patterns: [
        { entity: 0, text: 'Popular Mobilization Units', specificity: 'unique' },
        { entity: 1, text: 'Hashd al-Shaabi', specificity: 'common' },
      ],
    });
    const copy = JSON.parse(JSON.stringify(data)) as typeof data;
    const m = loadMatcher(copy);
    expect(m.entities).toEqual(entities);
    expect(m.findAll('the Hashd al Shaabi and the popular mobilization units')).toEqual([
      { start: 4, end: 19, entity: 1, specificity: 'common' },
      { start: 28, end: 54, entity: 0, specificity: 'unique' },
    ]);
  });

  it('refuses matcher data of another format or a damaged automaton', () => {
    const data = buildMatcher({ kbVersion: 'v1', entities, patterns: [{ entity: 0, text: 'PMU', specificity: 'ambiguous' }] });
    expect(() => loadMatcher({ ...data, format: 99 })).toThrow(/format 99/);
    expect(() => loadMatcher({ ...data, automaton: data.automaton.slice(0, 40) })).toThrow();
  });

  it('throws naming both entities when their names fold to the same key', () => {
    expect(() =>
      buildMatcher({
        kbVersion: 'v1',
        entities,
        patterns: [
          { entity: 0, text: 'Hashd al-Shaabi', specificity: 'unique' },
          { entity: 1, text: 'HASHD AL SHA’ABI', specificity: 'unique' },
        ],
      }),
    ).toThrow(/pmu.*pmf/s);
  });

  it('merges one entity’s duplicates, keeping the most specific', () => {
    const data = buildMatcher({
      kbVersion: 'v1',
      entities,
      patterns: [
        { entity: 0, text: 'PMU', specificity: 'ambiguous' },
        { entity: 0, text: 'ＰＭＵ', specificity: 'common' },
        { entity: 0, text: 'pmu', specificity: 'common' },
      ],
    });
    expect(loadMatcher(data).findAll('PMU')).toEqual([{ start: 0, end: 3, entity: 0, specificity: 'common' }]);
  });

  it('builds 50k generated names and still finds a planted one', () => {
    const syllables = ['ka', 'zi', 'mo', 'ha', 'li', 'ra', 'su', 'te', 'ni', 'qa', 'bo', 'de'];
    const names = new Set<string>();
    for (let i = 0; names.size < 50_000; i++) {
      let name = '';
      for (let n = i, parts = 0; parts < 6; parts++, n = Math.floor(n / syllables.length)) name += syllables[n % syllables.length];
      names.add(`${name} ${syllables[i % 12]}${syllables[(i >> 3) % 12]}`);
    }
    const list = [...names];
    const data = buildMatcher({
      kbVersion: 'big',
      entities: list.map((name, i) => ({ id: `e${i}`, name, type: 'person' })),
      patterns: list.map((text, entity) => ({ entity, text, specificity: 'unique' })),
    });
    const m = loadMatcher(data);
    const planted = list[31_337]!;
    const text = `Ordinary words, then ${planted.toUpperCase()} — and nothing after.`;
    expect(marked(m, text)).toEqual([[planted.toUpperCase(), 'e31337']]);
  });
});
