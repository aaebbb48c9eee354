// What an event cue's trigger needs of a sentence: Arabic letters folded in place, proclitics
// kept out of the mention, sentences dated another year, triggers after a possessive pronoun.
import { afterPronoun, datedOtherwise, foldArabicLetters, triggerPattern } from '../../lib/engine/cue-text';

test('Persian and hamza letter forms fold to the Arabic ones, one for one', () => {
  const text = 'بزیارة إیران';
  expect(foldArabicLetters(text)).toBe('بزيارة ايران'.replace('ة', 'ه'));
  expect(foldArabicLetters(text).length).toBe(text.length);
});

test('a trigger after proclitics starts after them', () => {
  const pattern = triggerPattern('زيارة|visit');
  const text = foldArabicLetters('في أول جولة له بزیارة إيران');
  const hit = pattern.exec(text)!;
  expect(text.slice(hit.index + hit[1]!.length, hit.index + hit[0].length)).toBe(foldArabicLetters('زيارة'));
  expect(triggerPattern('visit').test('revisit')).toBe(false);
});

test('a sentence that gives only other years is about another event', () => {
  expect(datedOtherwise("Qaani's 2022 visit to Baghdad", [2020, 2020])).toBe(true);
  expect(datedOtherwise('In March 2020, a year after 2019, Qaani visited', [2020, 2020])).toBe(false);
  expect(datedOtherwise('Qaani visited Baghdad', [2020, 2020])).toBe(false);
  expect(datedOtherwise('in 2022', undefined)).toBe(false);
});

test('after a possessive pronoun, with at most one word between', () => {
  const text = 'His appointment came; marking his first visit; his very first long visit';
  expect(afterPronoun(text, text.indexOf('appointment'))).toBe(true);
  expect(afterPronoun(text, text.indexOf('visit'))).toBe(true);
  expect(afterPronoun(text, text.lastIndexOf('visit'))).toBe(false);
});
