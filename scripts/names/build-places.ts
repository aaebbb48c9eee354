/**
 * `npx tsx scripts/names/build-places.ts`: writes data/names/places.json, the list of
 * countries, capitals and major cities (with their Arabic and Persian names and the countries'
 * demonyms) that name learning uses to type a name as a place and to tell a demonym ("Iraqi")
 * from a name.
 *
 * The lists come from two npm packages, read at build time only so the extension carries the
 * ~20 kB gz it needs rather than their 3 MB: `world-countries` (names, official names, other
 * spellings, Arabic/Persian translations, demonyms, capitals; ODbL, attribution in the README)
 * and `city-timezones` (Natural Earth's populated places with populations; MIT).
 *
 *   --check   exit 1 when the committed file differs from a fresh build
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlaceList } from '../../lib/names/places';

const require = createRequire(import.meta.url);
const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const PLACES_FILE = 'data/names/places.json';

/** Cities at least this large are "major" (Basra 870k, Najaf 613k, Karbala 473k, Kirkuk 555k). */
const MIN_CITY_POPULATION = 250_000;

interface Country {
  cca2: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  translations: Record<string, { common: string; official: string }>;
  demonyms?: { eng?: { f: string; m: string } };
}

interface City {
  city: string;
  city_ascii: string;
  pop: number;
  iso2: string;
}

function packageVersion(name: string): string {
  return (require(`${name}/package.json`) as { version: string }).version;
}

/** A spelling a page would write: not an ISO code, not a transliteration with diacritics only a gazetteer uses. */
function usable(name: string): boolean {
  return name.length >= 3 && !/^[A-Z]{2,3}$/.test(name) && !/[\u0100-\u024f\u1e00-\u1eff‘’ʻʼ]/u.test(name);
}

/** "An Najaf" → "Najaf", "Ad Diwaniyah" → "Diwaniyah": Natural Earth writes the assimilated article. */
function withoutArticle(name: string): string | undefined {
  const m = /^(?:Al|El|An|Ad|As|Ar|Az|At|Ash|Adh)[ -](\p{Lu}.*)$/u.exec(name);
  return m?.[1];
}

export function buildPlaceList(): PlaceList {
  const countries = require('world-countries') as Country[];
  const { cityMapping } = require('city-timezones') as { cityMapping: City[] };
  const places: PlaceList['places'] = [];
  const demonyms = new Set<string>();
  const capitals = new Set<string>();
  for (const c of [...countries].sort((a, b) => a.cca2.localeCompare(b.cca2))) {
    const names = new Set<string>([c.name.common, c.name.official, ...c.altSpellings.filter(usable)]);
    for (const lang of ['ara', 'per']) {
      const t = c.translations[lang];
      if (t) names.add(t.common).add(t.official);
    }
    places.push({ kind: 'country', country: c.cca2, names: [...names] });
    for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (d && !d.includes(' ')) demonyms.add(d);
    for (const capital of c.capital ?? []) {
      capitals.add(`${c.cca2}:${capital}`);
      // "Washington D.C." is "Washington" in running text.
      const bare = capital.replace(/,?\s+D\.\s?C\.$/u, '');
      places.push({ kind: 'capital', country: c.cca2, names: bare === capital ? [capital] : [capital, bare] });
    }
  }
  const seen = new Set(capitals);
  const cities = cityMapping
    .filter((city) => city.pop >= MIN_CITY_POPULATION)
    .sort((a, b) => b.pop - a.pop || a.city.localeCompare(b.city));
  for (const city of cities) {
    if (seen.has(`${city.iso2}:${city.city}`)) continue;
    seen.add(`${city.iso2}:${city.city}`);
    const names = new Set([city.city, city.city_ascii].filter(usable));
    for (const n of [...names]) {
      const bare = withoutArticle(n);
      if (bare) names.add(bare);
    }
    if (names.size) places.push({ kind: 'city', country: city.iso2, names: [...names] });
  }
  return {
    source: `world-countries ${packageVersion('world-countries')}, city-timezones ${packageVersion('city-timezones')} (cities of ${MIN_CITY_POPULATION.toLocaleString('en')} people or more)`,
    places,
    demonyms: [...demonyms].sort(),
  };
}

function serialise(list: PlaceList): string {
  return `${JSON.stringify(list)}\n`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = serialise(buildPlaceList());
  const file = join(ROOT, PLACES_FILE);
  if (process.argv.includes('--check')) {
    const current = readFileSync(file, 'utf8');
    if (current !== text) {
      console.error(`${PLACES_FILE} is out of date: run npx tsx scripts/names/build-places.ts`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${PLACES_FILE} (${text.length.toLocaleString('en')} bytes)`);
  }
}
