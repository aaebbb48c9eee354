/**
 * The written forms of the short country names (and the IRGC's) inside longer names, generated at
 * build time for every entry: a page writes "US Embassy", "U.S. Embassy" or "United States
 * Embassy", "US–Iraq Strategic Dialogue" or "U.S.-Iraq Strategic Dialogue", and a curator lists
 * one or two of them. A name that is only the abbreviation ("US", "UN") is left alone: its forms
 * are curated, with the context they need. DOM-free.
 */

/** Forms that name the same country or body; each occurrence in a name may be written as any other. */
const SAME_NAME: readonly (readonly string[])[] = [
  ['US', 'U.S.', 'United States'],
  ['UK', 'U.K.', 'United Kingdom'],
  ['UN', 'U.N.', 'United Nations'],
  // "IRGC Quds Force" is as often "Islamic Revolutionary Guard Corps Quds Force", and wire copy
  // writes the IRGC "Iranian Revolutionary Guard Corps" ("Iranian Revolutionary Guard Corps-Quds Force").
  ['IRGC', 'Islamic Revolutionary Guard Corps', 'Iranian Revolutionary Guard Corps'],
];

/** Spellings kept per name. */
export const MAX_WRITTEN_FORMS = 8;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A form stands alone: not inside a word ("USA", "Kurdistan"), not followed by another letter.
const FORM = new RegExp(`(?<![\\p{L}.])(?:${SAME_NAME.flat().sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\p{L}])`, 'gu');

/** The other written forms of `name`, the name itself excluded. */
export function writtenForms(name: string): string[] {
  const hits = [...name.matchAll(FORM)];
  if (hits.length === 0 || hits.some((h) => h[0] === name.trim())) return [];
  let forms = [''];
  let at = 0;
  for (const hit of hits) {
    const group = SAME_NAME.find((g) => g.includes(hit[0]))!;
    const before = name.slice(at, hit.index);
    forms = forms.flatMap((f) => group.map((g) => f + before + g));
    at = hit.index + hit[0].length;
  }
  const tail = name.slice(at);
  return [...new Set(forms.map((f) => f + tail))].filter((f) => f !== name).slice(0, MAX_WRITTEN_FORMS);
}
