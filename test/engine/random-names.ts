/**
 * Random name lists and texts built from the characters that make matching hard: apostrophes and
 * joiners inside words, separator runs, non-word characters inside names, capitals, block
 * breaks, letters no name uses. Seeded, so a failure names its case.
 */
import { foldPattern } from '../../lib/engine/alphabet';
import { buildMatcher } from '../../lib/engine/build-matcher';
import { loadMatcher } from '../../lib/engine/matcher';
import { seededRandom } from '../../scripts/bench/timing';

export interface Pattern {
  text: string;
  entity: number;
  capitalised: boolean;
}

const LETTERS = ['a', 'b', 'c', 'd', 'A', 'B', 'C', 'D', 'á', '1'];
const NAME_JOINERS = [' ', ' ', ' ', '-', "'", '&', '.'];
const TEXT_PIECES = [
  ' ', ' ', ' ', ' ', '  ', '-', ' – ', '.', ', ', '(', ')', "'", '’', '\u00ad', '\u0301', '\u2029', '\n', 'e', 'E', 'x', 'é', '&', '9',
];

function generator(seed: number) {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const word = () => Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(LETTERS)).join('');
  return { random, pick, word };
}

export function makeNames(seed: number): Pattern[] {
  const { random, pick, word } = generator(seed);
  const patterns: Pattern[] = [];
  const keys = new Set<string>();
  for (let k = 0, count = 1 + Math.floor(random() * 30); k < count; k++) {
    let text = word();
    for (let w = Math.floor(random() * 3); w > 0; w--) text += pick(NAME_JOINERS) + word();
    const key = foldPattern(text).join(',');
    if (key === '' || keys.has(key)) continue;
    keys.add(key);
    patterns.push({ text, entity: patterns.length, capitalised: random() < 0.3 });
  }
  return patterns;
}

export function makeText(patterns: readonly Pattern[], seed: number): string {
  const { random, pick, word } = generator(seed);
  const pieces: string[] = [];
  for (let t = 0, length = 5 + Math.floor(random() * 60); t < length; t++) {
    const r = random();
    if (r < 0.25) pieces.push(pick(patterns).text);
    else if (r < 0.55) pieces.push(word());
    else pieces.push(pick(TEXT_PIECES));
  }
  return pieces.join('');
}

export function matcherOf(patterns: readonly Pattern[]) {
  return loadMatcher(
    buildMatcher({
      kbVersion: 'reference',
      entities: patterns.map((p) => ({ id: `e${p.entity}`, name: p.text, type: 'person' as const })),
      patterns: patterns.map((p) => ({ entity: p.entity, text: p.text, specificity: 'unique' as const, capitalised: p.capitalised })),
    }),
  );
}
