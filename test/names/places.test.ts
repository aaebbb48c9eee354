import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDemonym, listedPlace } from '../../lib/names/places';
import { buildPlaceList, PLACES_FILE } from '../../scripts/names/build-places';

describe('the place list', () => {
  it('knows countries in three scripts, capitals and major cities, and tells demonyms from names', () => {
    expect(listedPlace('Iraq')).toBe('IQ');
    expect(listedPlace('العراق')).toBe('IQ');
    expect(listedPlace('Basra')).toBeDefined();
    expect(listedPlace('Najaf')).toBeDefined(); // "An Najaf" in the source, without its article too
    expect(listedPlace('Washington')).toBeDefined(); // "Washington D.C."
    expect(listedPlace('Kadhimi')).toBeUndefined();
    for (const word of ['Iraqi', 'Iranians', 'Shiite', "Shi'ite", 'Kurdish']) expect(isDemonym(word)).toBe(true);
    expect(isDemonym('Iraq')).toBe(false);
  });

  it('is what the packages give (regenerate with scripts/names/build-places.ts)', () => {
    expect(readFileSync(PLACES_FILE, 'utf8')).toBe(`${JSON.stringify(buildPlaceList())}\n`);
  });
});
