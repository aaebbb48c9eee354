// The phrase that characterises an entity, cut verbatim from its passage: what the card and the
// stance strip quote to say how a document describes the entity.
import { findNames } from '../../lib/accounts/mentions';
import { characterisingPhrases } from '../../lib/accounts/phrase';

function phrases(text: string, name: string): [string, string][] {
  const [span] = findNames(text, [name]);
  return characterisingPhrases(text, span!).map((p) => {
    expect(text.slice(p.start, p.end)).toBe(p.text);
    return [p.kind, p.text];
  });
}

test.each([
  ['Mustafa al-Kadhimi, the former director of Iraq’s National Intelligence Service, was sworn in as prime minister.', 'Mustafa al-Kadhimi', 'apposition', 'the former director of Iraq’s National Intelligence Service'],
  ['On July 21st, the Iraqi Prime Minister, Mostafa al-Kadhimi, came to Tehran.', 'Mostafa al-Kadhimi', 'apposition', 'the Iraqi Prime Minister'],
  ['Qais Khazali, one of Ali Khamenei’s official mercenaries, closed his offices.', 'Qais Khazali', 'apposition', 'one of Ali Khamenei’s official mercenaries'],
  ['Iraq is ill.', 'Iraq', 'copular', 'is ill'],
  ['The prime minister has cracked down on Iranian-backed militias known as the Popular Mobilization Units (PMU).', 'Popular Mobilization Units', 'named-as', 'Iranian-backed militias'],
  ['It seems that given the decisive role of the Popular Mobilization Units in securing the country, the Americans had no chance.', 'Popular Mobilization Units', 'role', 'the decisive role of the Popular Mobilization Units in securing the country'],
  ['They fear the notorious PMU more than anyone.', 'PMU', 'modifier', 'the notorious PMU'],
  ['Bilateral ties were strained by the US airstrike that killed top Iranian General Qasem Soleimani on Iraqi soil.', 'Qasem Soleimani', 'title', 'top Iranian General'],
  // What it wants or needs (regime-fears-talks, paragraphs 14, 16 and 22).
  ['Iraq needs international assistance to survive.', 'Iraq', 'wants', 'needs international assistance to survive'],
  [
    'The will of the Iraqi people, however, is for a government elected by the people with early and free elections, under the auspices of the United Nations.',
    'Iraqi people',
    'wants',
    'The will of the Iraqi people, however, is for a government elected by the people with early and free elections',
  ],
  ['Tehran wants them gone and replaced with the IRGC’s Quds Force.', 'Tehran', 'wants', 'wants them gone and replaced with the IRGC’s Quds Force'],
  // What it is for, in the words of whoever means it for something (isis-revival 7, regime-fears-talks 15).
  [
    'It is the main obstacle to the advancement of the talks that the Americans expect to establish and strengthen their comprehensive and long-term presence in Iraq.',
    'talks',
    'purpose',
    'that the Americans expect to establish and strengthen their comprehensive and long-term presence in Iraq',
  ],
  [
    'In the new talks, the United States has made it clear to the Iraqi delegation that Khamenei’s intervention in Iraq is no longer acceptable.',
    'new talks',
    'purpose',
    'the United States has made it clear to the Iraqi delegation that Khamenei’s intervention in Iraq is no longer acceptable',
  ],
])('%s', (text, name, kind, phrase) => {
  expect(phrases(text, name)[0]).toEqual([kind, phrase]);
});

test('a copular predicate stops before a clause about something else', () => {
  expect(phrases('Al-Kadhimi was sworn in as prime minister by lawmakers after weeks of tense political negotiations.', 'Al-Kadhimi')[0]).toEqual([
    'copular',
    'was sworn in as prime minister by lawmakers',
  ]);
});

test('a name that only qualifies another word has no characterisation of its own', () => {
  expect(phrases('Nothing changed with Kadhimi’s government.', 'Kadhimi')).toEqual([]);
});

test('wanting is read only of the one who wants: a want put in its mouth by another, or said of its enemies, is not its own', () => {
  // kadhimi-leaves-tehran, paragraph 10: Khamenei wants something for Iraq; Iraq wants nothing here.
  expect(phrases('Khamenei has said, “We want Iraq to achieve its regional position.”', 'Iraq').map(([kind]) => kind)).not.toContain('wants');
  expect(phrases('The enemies of Iraq want its oil.', 'Iraq').map(([kind]) => kind)).not.toContain('wants');
});
