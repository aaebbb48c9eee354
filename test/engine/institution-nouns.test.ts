// Institutions by their common noun: "parliament" is Iraq's on a page about Iraq, never
// Bahrain's or Germany's; "the coalition" is the anti-ISIS coalition where the page names it, not
// an electoral list; "the embassy" in Baghdad, not in Tehran.
import { compileCountries } from '../../lib/engine/countries';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileNouns, findInstitutionNouns, titleCase, titleCaseByRegex } from '../../lib/engine/institution-nouns';
import { seededRandom } from '../../scripts/bench/timing';
import { sentenceSpans } from '../../lib/text/sentences';
import type { RawMatch } from '../../lib/engine/types';

// Entities: 0 Iraq, 1 Iraqi parliament, 2 the coalition, 3 US embassy, 4 Iran, 5 Baghdad, 6 ISIS.
const PLACES = new Set([0, 3, 4, 5]);
const countries = compileCountries([
  { place: 0, words: ['Iraq', 'Iraqi', 'Baghdad', 'العراق', 'العراقي'] },
  { place: 4, words: ['Iran', 'Iranian', 'Tehran'] },
  { words: ['United States', 'US', 'American'] },
  { words: ['Bahrain', 'Bahraini', 'البحريني'] },
  { words: ['Germany', 'German'] },
]);
const nouns = compileNouns([
  { entity: 1, nouns: ['parliament', 'البرلمان'], country: 0, sentenceRivals: true, needs: [0, 1] },
  { entity: 1, nouns: ['assembly'], strict: true, country: 0, sentenceRivals: true, needs: [0, 1] },
  { entity: 2, nouns: ['coalition'], needs: [2], notWords: 'seats?|blocs?|elect\\w*', namedAs: [{ words: '(?:U\\.?S\\.?|American)(?: military)? and coalition (?:forces|troops)', needs: [0] }, { words: 'coalition (?:forces|troops|bases)', needs: [6] }] },
  { entity: 3, nouns: ['embassy'], country: 2, hosts: [0], needs: [3], at: ['Baghdad'] },
]);

/** The nouns found in `text`, with the entities the page marks and the mentions of the text itself (word → entity). */
function found(text: string, marks: number[], mentions: Record<string, number> = {}): string[] {
  const accepted: RawMatch[] = [];
  for (const [word, entity] of Object.entries(mentions)) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) accepted.push({ start: at, end: at + word.length, entity, specificity: 'unique' });
  }
  accepted.sort((a, b) => a.start - b.start);
  const page = new Set(marks);
  const result = findInstitutionNouns(nouns, countries, text, accepted, sentenceSpans(text), (e) => PLACES.has(e));
  return result.found.filter((f) => f.needs.some((e) => page.has(e))).map(({ match: m }) => `${text.slice(m.start, m.end)}=${m.entity}`);
}

/** The entity of each noun in `text` written as another one of its kind. */
const rivals = (text: string) => findInstitutionNouns(nouns, countries, text, [], sentenceSpans(text), (e) => PLACES.has(e)).rivals;

describe('a parliament', () => {
  test('on a page about Iraq, parliament is Iraq’s', () => {
    expect(found('Lawmakers met in parliament on Monday. The Sadrist bloc won seats in the 329-member assembly.', [0])).toEqual(['parliament=1', 'assembly=1']);
    expect(found('والبرلمان صوت اليوم', [0])).toEqual(['البرلمان=1']);
  });

  test('not on a page that does not mark Iraq, and the result says what it needs', () => {
    const text = 'Lawmakers met in parliament on Monday.';
    expect(found(text, [])).toEqual([]);
    const result = findInstitutionNouns(nouns, countries, text, [], sentenceSpans(text), () => false);
    expect(result.found.map((w) => [text.slice(w.match.start, w.match.end), w.needs])).toEqual([['parliament', [0, 1]]]);
  });

  test('never another country’s', () => {
    const marks = [0];
    expect(found("Bahrain's parliament met. The German parliament voted. The parliament of Bahrain met.", marks)).toEqual([]);
    expect(found('اجتمع البرلمان البحريني', marks)).toEqual([]);
    expect(found('In Tehran, parliament speaker Qalibaf hosted Iraqi delegations.', marks, { Tehran: 5 })).toEqual([]);
    expect(found('In Germany, parliament approved the budget.', marks)).toEqual([]);
    // Each is another parliament: what tells the page it is about another country's.
    expect(rivals("Bahrain's parliament met. The German parliament voted. In Germany, parliament approved the budget.")).toEqual([1, 1, 1]);
    // Its own country nearer than another: Iraq's.
    expect(found('Iran-backed groups lost ground, and Iraq’s parliament speaker met them.', marks, { Iran: 4, Iraq: 0 })).toEqual(['parliament=1']);
  });

  test('not parliaments in general, nor an assembly that is not one', () => {
    expect(found('A monarchy restrained by a parliament is rare. Kadhimi’s picks passed during a parliament vote.', [0])).toEqual(['parliament=1']);
    expect(found('They defended freedom of assembly.', [0])).toEqual([]);
    // Neither is another country's parliament.
    expect(rivals('A monarchy restrained by a parliament is rare. They defended freedom of assembly.')).toEqual([]);
  });

  test('not inside a longer name already marked', () => {
    expect(found('The Iraqi parliament voted.', [0, 1], { 'Iraqi parliament': 1 })).toEqual([]);
  });
});

describe('a coalition', () => {
  test('where the page names it, and not as an electoral list', () => {
    expect(found('The coalition struck ISIS positions.', [2])).toEqual(['coalition=2']);
    expect(found('The coalition struck ISIS positions.', [0])).toEqual([]);
    expect(found('The Fatah Coalition won seats. The coalition lost seats to the Sadrist bloc.', [2])).toEqual([]);
    expect(rivals('The Fatah Coalition won seats. The coalition lost seats to the Sadrist bloc.')).toEqual([2, 2]);
  });
});

describe('an embassy', () => {
  test('in its own city, not in another', () => {
    expect(found('Rockets fell near the embassy in Baghdad, Iraqi officials said.', [3])).toEqual(['embassy=3']);
    expect(found('Protesters stormed the embassy in Tehran. The Iranian embassy closed.', [3])).toEqual([]);
  });
});

describe('a coalition named by its wording', () => {
  test('"US and coalition forces" on a page about Iraq is the coalition though the page never names it', () => {
    expect(found('Iran fired missiles against U.S. military and coalition forces in Iraq.', [0])).toEqual(['coalition=2']);
    expect(found('Bases in Iraq that house US and coalition troops were hit.', [0])).toEqual(['coalition=2']);
  });
  test('without those words, or on a page not about Iraq, it needs the coalition named', () => {
    expect(found('The coalition forces in Iraq were hit.', [0])).toEqual([]);
    expect(found('Iran fired missiles against U.S. military and coalition forces.', [4])).toEqual([]);
    // The Australian Coalition: a governing coalition, never the anti-ISIS one.
    expect(found('Labor and the Coalition traded blows over seats in the Senate.', [0])).toEqual([]);
  });
  test('"coalition troops" is the coalition on a page that marks the enemy it was formed to fight', () => {
    expect(found('The coalition forces in Iraq were hit.', [6])).toEqual(['coalition=2']);
    expect(found('Rockets struck coalition bases near Baghdad.', [0, 6])).toEqual(['coalition=2']);
    // Only as a modifier of the troops: "the coalition" alone still needs the coalition named.
    expect(found('The coalition said it would stay.', [6])).toEqual([]);
    // And never in a sentence about seats and blocs.
    expect(found('Coalition troops were a campaign issue as blocs fought for seats.', [6])).toEqual([]);
  });
});

describe('title case, counted in place', () => {
  it('counts words exactly as the regex it replaces, on every eval and article page and on random text', () => {
    const texts: string[] = [];
    for (const dir of ['eval', 'articles']) {
      const root = join(__dirname, '..', 'pages', dir);
      for (const f of readdirSync(root).filter((n) => n.endsWith('.html'))) {
        // Tags out, so that lines of text (and headlines) are what is tried.
        texts.push(...readFileSync(join(root, f), 'utf8').replace(/<[^>]*>/g, '\n').split(/\n+/));
      }
    }
    const random = seededRandom(7);
    const pieces = ['A', 'b', 'Parliament', 'of', "'", '’', ' ', '-', 'É', 'é', 'Ø', '1', 'ﻻ', 'العراق', '𝐀', '\u{1D41A}', 'ß', 'Ǆ', '.', 'Iraqi', 'Seats', 'In'];
    for (let i = 0; i < 3000; i++) {
      let t = '';
      const length = 1 + Math.floor(random() * 30);
      for (let j = 0; j < length; j++) t += pieces[Math.floor(random() * pieces.length)];
      texts.push(t);
    }
    let titled = 0;
    for (const t of texts) {
      expect(titleCase(t), t).toBe(titleCaseByRegex(t));
      if (titleCase(t)) titled++;
    }
    // The comparison means something only if both answers occur.
    expect(titled).toBeGreaterThan(20);
    expect(texts.length - titled).toBeGreaterThan(20);
  });
});
