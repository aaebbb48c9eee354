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

const SYLLABLES = 'ka ri mo sa de li na to be ru ha zi qa fa lo me ni su ta go wa ye ja ko bi'.split(' ');

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

/** `count` distinct made-up two- or three-word names ("Karimo Sadeli"), case-folded distinct. */
export function generatedAliases(count: number, seed = 7): string[] {
  const random = seededRandom(seed);
  const word = () => {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
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
