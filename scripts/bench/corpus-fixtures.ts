/**
 * Inputs for the benchmarks, generated deterministically: news-like English text with names
 * sprinkled in (about one every 40 words, links and all, as on a news site), the real aliases
 * from the built knowledge base, and made-up person names by the thousand for scale.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeBase } from '../../lib/kb/types';
import { seededRandom } from './timing';

const FILLER = (
  'the of and to in a said on that for is was with by as government officials minister talks ' +
  'security forces country week statement parliament troops withdrawal agreement militia ' +
  'according president leaders meeting reported visit sources told strategic dialogue cabinet ' +
  'economic crisis oil prices protests elections region political influence attack rocket ' +
  'embassy base coalition sanctions border delegation spokesman announced'
).split(' ');

const CONSONANTS = 'bcdfghjklmnpqrstvwyz';
const VOWELS = 'aeiou';

export function loadKb(root: string): KnowledgeBase {
  return JSON.parse(readFileSync(join(root, 'data', 'kb.json'), 'utf8')) as KnowledgeBase;
}

/** Every name the matcher knows: canonical names, aliases and contextual aliases. */
export function realAliases(kb: KnowledgeBase): string[] {
  const names = new Set<string>();
  for (const e of kb.entities) {
    names.add(e.name);
    for (const a of e.aliases ?? []) names.add(a);
    for (const a of e.contextual ?? []) names.add(a);
  }
  return [...names];
}

/**
 * `count` distinct made-up two- or three-word names ("Karimo Sadelin"), case-folded distinct.
 *
 * Words are 2–3 syllables of consonant + vowel + an optional closing consonant (30%), from 20
 * consonants and 5 vowels, so names have about as many distinct openings as real name lists.
 * Measured (distinct first 4 letters, case-folded): the corpus's 712 real aliases have 352
 * (half as many as names); these names have 970 at 1k, 7,898 at 10k and 22,184 at 50k. The
 * earlier generator drew from 25 fixed two-letter syllables: at most 625 openings at any size
 * (505 at 1k, 625 at 10k and 50k), so a 10k-name regex alternation became, through V8's
 * common-prefix factoring, a small trie (88 MB/s) that no real list of 10k people, places and
 * organisations across languages would give it. The richer names cost our automaton too: more
 * distinct prefixes, more states (510k at 50k), and the figures are measured on them.
 */
export function generatedAliases(count: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const pick = (letters: string) => letters[Math.floor(random() * letters.length)]!;
  const syllable = () => pick(CONSONANTS) + pick(VOWELS) + (random() < 0.3 ? pick(CONSONANTS) : '');
  const word = () => {
    const n = 2 + Math.floor(random() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += syllable();
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const seen = new Set<string>();
  const names: string[] = [];
  while (names.length < count) {
    const name = random() < 0.2 ? `${word()} ${word()} ${word()}` : `${word()} ${word()}`;
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    names.push(name);
  }
  return names;
}

/** About `bytes` characters of news-like sentences with `names` sprinkled in. */
export function newsText(bytes: number, names: readonly string[], seed = 11): string {
  const random = seededRandom(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const words: string[] = [];
    const n = 8 + Math.floor(random() * 20);
    for (let i = 0; i < n; i++) {
      words.push(random() < 0.025 && names.length ? names[Math.floor(random() * names.length)]! : FILLER[Math.floor(random() * FILLER.length)]!);
    }
    const sentence = words.join(' ');
    const s = `${sentence[0]!.toUpperCase()}${sentence.slice(1)}. `;
    parts.push(s);
    length += s.length;
  }
  return parts.join('');
}
