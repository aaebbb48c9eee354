import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isOrdinaryWord } from '../../lib/names/ordinary';
import { buildOrdinaryWords, ORDINARY_FILE } from '../../scripts/names/build-ordinary-words';

describe('the ordinary English words', () => {
  it('has the commonest words and not proper names', () => {
    for (const word of ['Federal', 'court', 'Green', 'zone', 'Security', 'price', 'urban']) expect(isOrdinaryWord(word)).toBe(true);
    for (const word of ['Austin', 'Kirby', 'Hussein', 'Pentagon', 'Reuters', 'Iraq']) expect(isOrdinaryWord(word)).toBe(false);
  });

  it('is what the package gives, with its notice (regenerate with scripts/names/build-ordinary-words.ts)', () => {
    const file = readFileSync(ORDINARY_FILE, 'utf8');
    expect(file).toBe(`${JSON.stringify(buildOrdinaryWords())}\n`);
    expect(JSON.parse(file).notice).toMatch(/Kevin Atkinson/);
  });
});
