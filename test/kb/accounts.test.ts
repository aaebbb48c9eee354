import { Characterisation, characterise, rankPassages } from '../../lib/kb/accounts';
import { canonicalJson, sha256Hex } from '../../lib/kb/hash';
import { createHash } from 'node:crypto';

/** Scores the first occurrence of `name` in `sentence`. */
function score(sentence: string, name: string): Characterisation {
  const start = sentence.indexOf(name);
  return characterise(sentence, start, start + name.length);
}

describe('characterise', () => {
  test.each([
    ['Mustafa al-Kadhimi, the former director of Iraq’s National Intelligence Service, was sworn in.', 'Mustafa al-Kadhimi'],
    ['Kadhimi has been vocal in expressing his disapproval.', 'Kadhimi'],
    ['The prime minister has cracked down on militias known as the Popular Mobilization Units (PMU).', 'Popular Mobilization Units'],
    ['Qais Khazali, one of Ali Khamenei’s official mercenaries, closed his offices.', 'Qais Khazali'],
    ['Iraq is ill.', 'Iraq'],
  ])('describes: %s', (sentence, name) => {
    expect(score(sentence, name)).toBe(Characterisation.Described);
  });

  test.each([
    ['Kayhan added: “Another point is painful.”', 'Kayhan'],
    ['“In Tehran,” al-Kadhimi said, “Iraq’s policy is balance.”', 'al-Kadhimi'],
    ['US government has named Deputy Secretary of State David Hale as its chief negotiator.', 'David Hale'],
  ])('speaks or is titled: %s', (sentence, name) => {
    expect(score(sentence, name)).toBe(Characterisation.SpeaksOrTitled);
  });

  test.each([
    ['For example, in 2008, Khamenei ordered Iraq’s former president to expel them.', 'Khamenei'],
    ['Although the PMU played a role in the fight against ISIS, they turned violent.', 'PMU'],
  ])('acts: %s', (sentence, name) => {
    expect(score(sentence, name)).toBe(Characterisation.Subject);
  });

  test.each([
    ['The Iranian missile forces from Iran attacked our forces.', 'Iran'],
    ['Nothing changed with the coming to power of Mustafa al-Kazemi’s government.', 'Mustafa al-Kazemi'],
    ['The withdrawal of US troops from Iraq is the demand.', 'Iraq'],
  ])('names only: %s', (sentence, name) => {
    expect(score(sentence, name)).toBe(Characterisation.Bare);
  });
});

test('rankPassages puts characterising passages first and keeps document order among equals', () => {
  expect(
    rankPassages([
      { id: 'd:1:0', order: 0, score: Characterisation.Bare },
      { id: 'd:2:0', order: 1, score: Characterisation.Described },
      { id: 'd:3:0', order: 2, score: Characterisation.Bare },
      { id: 'd:4:0', order: 3, score: Characterisation.Subject },
    ]),
  ).toEqual(['d:2:0', 'd:4:0', 'd:1:0', 'd:3:0']);
});

describe('version hash', () => {
  test('sha256Hex agrees with node:crypto, including non-ASCII text and block boundaries', () => {
    for (const text of ['', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'قاسم سليماني — Qāsem'.repeat(50)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });

  test('canonicalJson does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: 'x' } })).toBe(canonicalJson({ a: { c: 'x', d: [1, { e: 3, f: 2 }] }, b: 1 }));
  });
});
