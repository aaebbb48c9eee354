/**
 * A one-word name that could mean something else is someone else's when it sits inside a longer
 * proper name the gazetteer does not know: "Kayhan Kalhor" is a musician, "Hale Murat" a
 * photographer, "Quds Road" a street. And a short acronym inside a line written all in capitals
 * is a word: "WATCH: IS IRAQ READY?". Such matches are dropped before they are weighed as
 * evidence. Titles and function words next to a name do not count ("Ayatollah Sistani",
 * "When Kayhan wrote"). And a possessive after "the government of Iraq" is Iraq's. DOM-free.
 */
import { qualifyingCountries, type Countries } from './countries';
import { wordAfter, wordBefore } from './neighbour-words';
import type { MatcherEntity, RawMatch } from './types';

const NOT_A_NAME = new Set(
  (
    'the a an and or but as at by for from in into of on to with when while after before since if so yet then that this these those ' +
    'meanwhile also still only even both said says told according ' +
    'mr mrs ms dr president ayatollah grand gen general lt col maj sheikh sayyed sayyid seyyed haj hajj commander ambassador ' +
    'secretary envoy minister prime premier leader supreme deputy chief spokesman speaker cleric imam cleric ' +
    'iraqi iranian lebanese american us u.s iran\'s iraq\'s tehran\'s baghdad\'s daily newspaper hardline state-run the'
  ).split(' '),
);

const SHOUTED_WORDS = new Set('is it as at in on an or am be do go he me no so to up we'.split(' '));


function isCapitalisedName(word: string): boolean {
  const first = word[0]!;
  if (first === first.toLowerCase() || first === first.toUpperCase() && word === word.toUpperCase()) return false;
  return !NOT_A_NAME.has(word.toLowerCase().replace(/[.’']s?$/, ''));
}

function isCapitalsWord(word: string): boolean {
  return word.length >= 2 && /\p{Lu}/u.test(word) && word === word.toUpperCase();
}

/** Whether `match` is part of a longer name or of a line in capitals (see the module comment). */
export function partOfAnotherName(text: string, match: RawMatch): boolean {
  return anotherName(text, match) !== undefined;
}

/** Which side of a one-word ambiguous match a longer name goes on, or a line in capitals (`'capitals'`). */
function anotherName(text: string, match: RawMatch): 'before' | 'after' | 'capitals' | undefined {
  if (match.specificity !== 'ambiguous') return undefined;
  const written = text.slice(match.start, match.end);
  // A name of several words is its own evidence of form; an article does not make a second word ("al-Sadr", "Al Amiri").
  if (/[\s-]/.test(written.replace(/^(?:al|el)[-‐ ]+(?=\S)/i, ''))) return undefined;
  const before = wordBefore(text, match.start);
  const after = wordAfter(text, match.end);
  const letters = written.replace(/\./g, '');
  if (isCapitalsWord(letters) && letters.length <= 5) {
    // An acronym ("US", "U.S.", "PMU", "IRGC") next to capitalised words is still itself: "Two
    // U.S. Bases", "UN Security Council". Among capitals, one that is also a common little word
    // is the word ("IS IRAQ READY?"); "US" in a headline is still the country.
    if (!SHOUTED_WORDS.has(letters.toLowerCase())) return undefined;
    return (before !== undefined && isCapitalsWord(before)) || (after !== undefined && isCapitalsWord(after)) ? 'capitals' : undefined;
  }
  // A sentence's first word has its capital whatever it is ("Later al-Sadr said").
  const beforeStartsSentence = before !== undefined && /(?:^|[.!?]["”’)]?\s+)$/u.test(text.slice(Math.max(0, match.start - 60), match.start).replace(/[\p{L}\p{M}'’.-]+[ \u00A0]+$/u, ''));
  // A word that ends a sentence ("on Monday. Kanaani said") is not the first half of the name after it; an initial is ("George W. Bush").
  const beforeEndsSentence = before !== undefined && /\p{L}{3,}[.!?]$/u.test(before);
  if (before !== undefined && !beforeStartsSentence && !beforeEndsSentence && isCapitalisedName(before)) return 'before';
  return after !== undefined && isCapitalisedName(after) ? 'after' : undefined;
}

/**
 * The people a page names someone else after: a person's surname alone written after another
 * given name ("Tareq al-Hashemi", where the documents know Hisham al-Hashimi) says the page's
 * bare "Hashemi" is that other person, so the page must name this one in full before it counts.
 * With `findAll`, so does another full name the matcher knows ending in that surname.
 */
export function othersOfTheName(text: string, matches: readonly RawMatch[], entities: readonly MatcherEntity[], findAll?: (text: string) => readonly RawMatch[]): number[] {
  const others = matches.filter((m) => entities[m.entity]?.type === 'person' && anotherName(text, m) === 'before').map((m) => m.entity);
  if (!findAll) return others;
  // And a full name the documents know as another person's ("Iyad Allawi", where they also know
  // Mohammed Tawfiq Allawi): the page's bare "Allawi" is no surer the other one's.
  const bySurname = new Map<string, readonly RawMatch[]>();
  for (const m of matches) {
    if (m.specificity !== 'unique' || entities[m.entity]?.type !== 'person') continue;
    const surname = /\s(\S+)$/u.exec(text.slice(m.start, m.end))?.[1];
    if (!surname) continue;
    let found = bySurname.get(surname);
    if (!found) bySurname.set(surname, (found = findAll(surname)));
    for (const s of found) if (s.end === surname.length && s.entity !== m.entity && entities[s.entity]?.type === 'person') others.push(s.entity);
  }
  return others;
}

/** The matches that may be weighed: those not inside another name. */
export function dropOtherNames(text: string, matches: readonly RawMatch[]): RawMatch[] {
  return matches.filter((m) => !partOfAnotherName(text, m));
}

/**
 * A contextual event phrase that any country could have ("the October 2019 protests", "Sunday's
 * election") is another country's when a country other than the event's own qualifies it:
 * "Lebanon's October 2019 protests", "the Chilean October 2019 protests", "the October 2019
 * protests in Lebanon". Such matches are dropped before they are weighed.
 */
export function dropOtherCountries(text: string, matches: readonly RawMatch[], entities: readonly MatcherEntity[], countries: Countries): RawMatch[] {
  return matches.filter((m) => {
    const own = entities[m.entity]?.country;
    if (own === undefined || m.specificity !== 'ambiguous') return true;
    const { before, after } = qualifyingCountries(countries, text, m.start, m.end);
    return (before === undefined || before === own) && (after === undefined || after === own);
  });
}

/** Titles news gives its people: a surname after one is the person it names ("Prime Minister Kadhimi"). */
const TITLES = new Set(
  (
    'president ayatollah gen general lt col maj brig brigadier sheikh sayyed sayyid seyyed haj hajj commander ambassador ' +
    'secretary envoy minister premier leader speaker cleric imam sardar pm'
  ).split(' '),
);

/**
 * A one-word name of a person that needs other corpus names on the page (`common`: a surname
 * alone may be someone else's) is as sure as a full name right after a title: "Prime Minister
 * Kadhimi", "Gen. Soleimani", "Ayatollah Sistani". A saved highlight's one sentence is often all
 * there is to go by.
 */
export function promoteTitledNames(text: string, matches: readonly RawMatch[], entities: readonly MatcherEntity[]): RawMatch[] {
  return matches.map((m) => {
    if (m.specificity !== 'common' || entities[m.entity]?.type !== 'person' || /[\s-]/.test(text.slice(m.start, m.end))) return m;
    const before = wordBefore(text, m.start);
    return before !== undefined && TITLES.has(before.toLowerCase().replace(/\.$/, '')) ? { ...m, specificity: 'unique' as const } : m;
  });
}

/**
 * "the government of Iraq's new prime minister" is Iraq's prime minister: a name "x of Y" written
 * in lower case and followed by a possessive stops before "of", and the possessive is Y's. Only an
 * organisation's or a place's name ("the resignation of Abdul Mahdi's government" is still the
 * resignation); a capitalised one is the institution's own ("the Government of Iraq's decision").
 * The tail is matched again on its own and kept only when it is a whole name.
 */
export function readPossessiveOf(
  text: string,
  matches: readonly RawMatch[],
  entities: readonly MatcherEntity[],
  rematch: (tail: string) => readonly RawMatch[],
): RawMatch[] {
  const out = [...matches];
  for (let i = 0; i < out.length; i++) {
    const m = out[i]!;
    const type = entities[m.entity]?.type;
    if (type !== 'organization' && type !== 'place') continue;
    if (!/^['’]s(?!\p{L})/u.test(text.slice(m.end, m.end + 3))) continue;
    const written = text.slice(m.start, m.end);
    const of = written.lastIndexOf(' of ');
    if (of < 0 || !/^\p{Ll}/u.test(written)) continue;
    const tailStart = m.start + of + 4;
    const whole = rematch(text.slice(tailStart, m.end)).find((t) => t.start === 0 && t.end === m.end - tailStart);
    if (whole) out[i] = { ...whole, start: tailStart, end: m.end };
  }
  return out;
}
