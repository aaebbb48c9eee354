/**
 * When two spellings are one name: the gazetteer's transliteration rules (lib/kb/variants.ts:
 * Kadhimi / Kazemi, Qasem / Qassim, Ghani / Ghaani), article and hyphen forms (al-Sadr / Al
 * Sadr / Alsadr / Sadr), and small slips the rules do not make (a vowel for a vowel, s for z,
 * a doubled or transposed letter: Mohammed / Mohammad, Mobilisation / Mobilization, Jeffery /
 * Jeffrey). And a person's name in parts, with the rule that two people whose given names
 * differ are never one (Muqtada al-Sadr is not Mohammed Sadiq al-Sadr). DOM-free.
 */
import { wordVariants } from '../kb/variants';
import { NAME_PARTICLES } from './lexicon';
import type { PersonParts } from './types';
import { memo } from './union-find';
import { isInitial, plainWord } from './tokens';

const JOINED_ARTICLE = /^(?:al|el)(?=[a-z]{4,})/;
const HYPHEN_ARTICLE = /^(?:al|el|an|ad|as|ar|az|at|ash|adh|ath|ul)[-‐ ]/;

/** A word's plain form without its Arabic article: "al-Sadr" → "sadr", "Al Sadr" → "sadr". */
export function withoutArticle(word: string): string {
  return plainWord(word).replace(HYPHEN_ARTICLE, '');
}

const variantsOf = memo((plain: string) => new Set(wordVariants(plain).map((v) => v.text.toLowerCase())));

const VOWELS = 'aeiouy';
const SWAPS = new Set(['sz', 'zs', 'kq', 'qk', 'ck', 'kc']);

/** One slip apart: a vowel for a vowel (or s/z, k/q, c/k), one letter doubled or dropped, two letters swapped, a plural s. */
function oneSlip(a: string, b: string): boolean {
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) {
      const [x, y] = [a[diff[0]!]!, b[diff[0]!]!];
      return (VOWELS.includes(x) && VOWELS.includes(y)) || SWAPS.has(x + y);
    }
    return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length !== short.length + 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  if (short.slice(i) !== long.slice(i + 1)) return false;
  const extra = long[i]!;
  // A doubled letter (Hassan / Hasan), a plural (Guard / Guards), a long vowel (Ghani / Ghaani).
  return extra === long[i - 1] || extra === long[i + 1] || (extra === 's' && i === short.length) || VOWELS.includes(extra);
}

/**
 * Two vowels apart in a long word, doubled letters aside: Muhammad / Mohammed / Mohamed, Hossein
 * / Hussain. Only from seven letters on, where two names that differ (Hassan / Hussein) do not
 * meet this way.
 */
function twoVowels(long1: string, long2: string): boolean {
  if (Math.max(long1.length, long2.length) < 7) return false;
  // Doubled letters aside (Muhammad / Mohamed).
  const [a, b] = [long1.replace(/(.)\1/g, '$1'), long2.replace(/(.)\1/g, '$1')];
  if (a.length !== b.length || a.length < 6) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (!VOWELS.includes(a[i]!) || !VOWELS.includes(b[i]!) || ++diff > 2) return false;
  }
  return true;
}

/** The Persian ezafe written joined or apart: "Takht-e-Ravanchi" / "Takht-Ravanchi", "Al-e" / "Ale". */
const withoutEzafe = (word: string) => word.replace(/[-‐]e[-‐]/giu, '-').replace(/^(\p{L}+)[-‐]e$/iu, '$1e');

/** Whether two words are spellings of one word of a name (see the module comment). */
export function sameWord(a: string, b: string): boolean {
  const x = withoutArticle(withoutEzafe(a));
  const y = withoutArticle(withoutEzafe(b));
  if (x === y) return true;
  if (twoVowels(x, y)) return true;
  const jx = x.replace(JOINED_ARTICLE, '');
  const jy = y.replace(JOINED_ARTICLE, '');
  if (jx === y || x === jy) return true; // Alsadr / Sadr
  if (x.length < 3 || y.length < 3) return false;
  if (x.length >= 4 && y.length >= 4 && oneSlip(x, y)) return true;
  return variantsOf(x).has(y) || variantsOf(y).has(x);
}

/**
 * A coarse key under which every pair `sameWord` accepts meets (consonants only, sounds a
 * transliterator writes several ways folded together): used to find the pairs worth testing,
 * never to decide. Two keys, because z is s in one spelling (Mobilization) and dh in another (Kazemi).
 */
export const skeletons: (word: string) => readonly string[] = memo(computeSkeletons);

function computeSkeletons(word: string): string[] {
  const w = withoutArticle(word).replace(JOINED_ARTICLE, '');
  const base = w
    .replace(/kh|gh|q|g|c/g, 'k')
    .replace(/dh|th/g, 'd')
    .replace(/sh/g, 's')
    .replace(/ph/g, 'f')
    .replace(/w/g, 'v')
    .replace(/[aeiouy']/g, '')
    .replace(/(.)\1+/g, '$1')
    .replace(/s$/, '');
  const out = new Set([base.replace(/z/g, 's'), base.replace(/z/g, 'd')]);
  return [...out].filter(Boolean);
}

/** Jaro-Winkler similarity of two plain words, for surnames a rule does not reach (Khadimi / Kadhimi). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatch = new Array<boolean>(a.length).fill(false);
  const bMatch = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++) {
      if (bMatch[j] || a[i] !== b[j]) continue;
      aMatch[i] = bMatch[j] = true;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Surname words that bind to the word after them: Abdul Mahdi, Abu Mahdi, bin Laden, van Gogh. */
const SURNAME_BINDERS = new Set([...NAME_PARTICLES].filter((p) => p !== 'e'));

/**
 * A person's name in parts: the surname is the last word with the particles bound to it
 * ("Adel Abdul Mahdi" → Abdul Mahdi; "Mustafa al-Kadhimi" → al-Kadhimi), initials are the
 * single letters with a stop, the given names are the rest. `words` are the name's words as written.
 */
export function personParts(words: readonly string[]): PersonParts | undefined {
  const named = words.filter((w) => w.length > 0);
  if (named.length === 0) return undefined;
  let surnameStart = named.length - 1;
  while (surnameStart > 0 && SURNAME_BINDERS.has(plainWord(named[surnameStart - 1]!).replace(/-$/, ''))) surnameStart--;
  const before = named.slice(0, surnameStart);
  return {
    given: before.filter((w) => !isInitial(w)),
    initials: before.filter(isInitial).map((w) => w.replace('.', '')),
    surname: named.slice(surnameStart).join(' '),
  };
}

/** The words of a surname for comparison, particles folded away: "Abd al-Mahdi" → ["abd", "mahdi"], "al-Sadr" → ["sadr"]. */
export const surnameWords: (surname: string) => readonly string[] = memo(computeSurnameWords);

function computeSurnameWords(surname: string): string[] {
  const words = surname.split(/[\s]+/).flatMap((w) => (/^(?:abd|abu|bin|ibn)[-‐]/i.test(w) ? w.split(/[-‐]/) : [w]));
  return words
    .map((w) => withoutArticle(w))
    .map((w) => (w === 'abdul' || w === 'abdel' || w === 'abdol' ? 'abd' : w))
    .filter((w) => w && w !== 'al' && w !== 'el');
}

/** Whether two surnames are one: word for word the same spelling, or (one word each) close enough. */
/** The keys under which two surnames `sameSurname` accepts meet (the sound of their last word). */
export function surnameSounds(surname: string): readonly string[] {
  return skeletons(surnameWords(surname).slice(-1)[0] ?? '');
}

export function sameSurname(a: string, b: string, closeness = SURNAME_ALONE): boolean {
  const x = surnameWords(a);
  const y = surnameWords(b);
  if (x.length === 0 || x.length !== y.length) return false;
  if (x.every((w, i) => sameWord(w, y[i]!))) return true;
  if (x.length !== 1) return false;
  // A spelling no rule makes but that reads the same (Khadimi / Kadhimi): the same consonants, close letters.
  const [p, q] = [x[0]!, y[0]!];
  return p.length >= 5 && skeletons(p).some((s) => skeletons(q).includes(s)) && similarity(p, q) >= closeness;
}

/** How close two surname spellings must be to be one surname, alone... */
const SURNAME_ALONE = 0.88;
/** ...and beside the same given name, which already says much (Nasser Kenani / Nasser Kanaani). */
const SURNAME_BESIDE_GIVEN = 0.8;

/**
 * Whether two full names can be one person's: the same surname, given names that agree as far
 * as both go (Nuri al-Maliki / Nuri Kamil al-Maliki; never Mohammed Baqir / Mohammed Sadiq),
 * and no clashing middle initials (George W. Bush / George H. W. Bush are two people).
 */
export function samePerson(a: PersonParts, b: PersonParts): boolean {
  const given = a.given.length > 0 && b.given.length > 0;
  if (!sameSurname(a.surname, b.surname, given ? SURNAME_BESIDE_GIVEN : SURNAME_ALONE)) return false;
  return givenAgree(a, b);
}

/** Given names and initials agree as far as both go; a name with no given name agrees with any. */
export function givenAgree(a: PersonParts, b: PersonParts): boolean {
  const n = Math.min(a.given.length, b.given.length);
  for (let i = 0; i < n; i++) if (!sameWord(a.given[i]!, b.given[i]!)) return false;
  if (a.initials.length && b.initials.length && a.initials.join('') !== b.initials.join('')) return false;
  return true;
}

/**
 * The hamza on a y (ائ) between a vowel a and a consonant, written ae, ai or a'i: Kataeb /
 * Kataib / Kata'ib, Qaem / Qaim, Thaer / Thair. The gazetteer's rules
 * (lib/kb/variants.ts) do not make this one, and learned organisation words need it most
 * (their spellings are not linked by a given name). Each word of `text` with such a pair gets its
 * other spelling, unless that is an ordinary English word ("Raed" is never "Raid"); apostrophes
 * are folded by the matcher, so a'i is ai. Returns the other spellings of the whole name.
 */
export function hamzaSpellings(text: string, ordinary: (word: string) => boolean): string[] {
  const words = text.split(/(\s+|[-‐])/);
  let spellings = [''];
  let changed = false;
  for (const word of words) {
    const swapped = word.replace(/(?<=[b-df-hj-np-tv-z]a)['’]?([ei])(?=[b-df-hj-np-tv-z])/giu, (_, v: string) => (v.toLowerCase() === 'e' ? (v === 'E' ? 'I' : 'i') : v === 'I' ? 'E' : 'e'));
    const options = swapped !== word && !ordinary(swapped) ? [word, swapped] : [word];
    changed ||= options.length > 1;
    spellings = spellings.flatMap((s) => options.map((o) => s + o));
  }
  return changed ? spellings.slice(1) : [];
}
