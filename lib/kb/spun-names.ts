/**
 * Spun and machine-translated names: a multiword name of an organisation or an event with one
 * word replaced by a synonym ("Popular Mobilization Committee" for the Commission, "People's
 * Mobilization Forces", "Kadhimi's trip to Tehran"), two replaced in a name of three words or
 * more (one distinctive word still standing), or a middle word a spinner would touch dropped
 * ("Popular Forces" for the Popular Mobilization Forces). Synonym spinners and machine
 * translation produce exactly these, from word lists like `data/synonyms.json`, whose groups are
 * the replacements met in the wild. An organisation's name is spun only when it is a proper
 * name, every word that carries it capitalised: a descriptive name ("Iranian proxy forces", "US
 * troops") counts in its listed forms only, and its synonyms are ordinary wording.
 *
 * Generated at build time like the other spellings; every one is `ambiguous`, so it counts only
 * with strong context (the entity named unambiguously on the page, or two other entities): a
 * respelt name is a weaker sign than the name itself. DOM-free.
 */
import * as v from 'valibot';
import type { BuildIssue } from './schema';
import type { NamePattern, SourcedEntry } from './validate';
import { ownedByOne } from './variant-patterns';

/** Spun forms kept per name, fewest changes first. */
export const MAX_SPUN_PER_NAME = 24;

/** Words that carry no name: a dropped word must sit between two words that do. */
const FUNCTION_WORDS = new Set('of the and in to for on at by against from with a an al el'.split(' '));

const SynonymsSchema = v.object({
  groups: v.array(v.pipe(v.array(v.pipe(v.string(), v.regex(/^[A-Za-z][A-Za-z'’-]*$/, 'a synonym is one Latin word'))), v.minLength(2, 'a group needs two words or more'))),
});

/** Word (lower case) → the words a spinner may put in its place. */
export type Synonyms = ReadonlyMap<string, readonly string[]>;

export function readSynonyms(file: string, data: unknown): { synonyms: Synonyms; issues: BuildIssue[] } {
  const parsed = v.safeParse(SynonymsSchema, data);
  if (!parsed.success) {
    return { synonyms: new Map(), issues: parsed.issues.map((i) => ({ severity: 'error' as const, file, path: v.getDotPath(i) ?? undefined, message: i.message })) };
  }
  const synonyms = new Map<string, string[]>();
  for (const group of parsed.output.groups) {
    for (const word of group) {
      const list = synonyms.get(word.toLowerCase()) ?? [];
      for (const other of group) if (other.toLowerCase() !== word.toLowerCase() && !list.includes(other)) list.push(other);
      synonyms.set(word.toLowerCase(), list);
    }
  }
  return { synonyms, issues: [] };
}

/** Every word that carries the name is capitalised ("Popular Mobilization Forces", "People's Mojahedin of Iran"). */
function isProperName(name: string): boolean {
  return name.split(/[\s-]+/).every((w) => FUNCTION_WORDS.has(w.toLowerCase()) || w[0] !== w[0]!.toLowerCase());
}

/** The replacement written the way the original word is (capitalised or not). */
function styled(original: string, replacement: string): string {
  const capital = original[0] !== original[0]!.toLowerCase();
  return capital ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement.toLowerCase();
}

/** The spun forms of one Latin name, fewest changes first, the name itself excluded. */
export function spunForms(name: string, synonyms: Synonyms): string[] {
  if (!/^[A-Za-z][A-Za-z'’ -]*$/.test(name)) return [];
  const words = name.split(' ');
  if (words.length < 2) return [];
  const content = (w: string) => !FUNCTION_WORDS.has(w.toLowerCase());
  const options = words.map((w) => (synonyms.get(w.toLowerCase()) ?? []).map((s) => styled(w, s)));
  const out: string[] = [];
  const add = (form: string[]) => {
    const text = form.join(' ');
    if (text.toLowerCase() !== name.toLowerCase() && !out.includes(text)) out.push(text);
  };
  // One word replaced.
  words.forEach((_, i) => options[i]!.forEach((o) => add([...words.slice(0, i), o, ...words.slice(i + 1)])));
  // A middle word a spinner knows dropped, between two words that carry the name ("State" in
  // "US State Department" carries it: never dropped).
  if (words.length >= 3) {
    for (let i = 1; i < words.length - 1; i++) {
      if (options[i]!.length > 0 && content(words[i - 1]!) && content(words[i + 1]!)) add([...words.slice(0, i), ...words.slice(i + 1)]);
    }
  }
  // Two words replaced, in a name of three words or more with a word that carries the name left as it is.
  if (words.length >= 3) {
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        if (!words.some((w, k) => k !== i && k !== j && content(w))) continue;
        for (const a of options[i]!) for (const b of options[j]!) add(words.map((w, k) => (k === i ? a : k === j ? b : w)));
      }
    }
  }
  return out.slice(0, MAX_SPUN_PER_NAME);
}

/**
 * Spun patterns for every organisation and event: from each Latin name the matcher already
 * learns (`names`: curated and generated; contextual ones when proper names), skipping keys `taken` and
 * keys two entities would share.
 */
export function spunPatterns(
  entries: readonly SourcedEntry[],
  names: readonly NamePattern[],
  synonyms: Synonyms,
  foldKey: (text: string) => string,
  taken: ReadonlySet<string>,
): NamePattern[] {
  if (synonyms.size === 0) return [];
  const out: NamePattern[] = [];
  for (const source of names) {
    const type = entries[source.entity]?.entry.type;
    if ((type !== 'organization' && type !== 'event') || source.path.endsWith('~')) continue;
    // A contextual name is spun too when it is a proper name ("Popular Mobilization" → "Popular
    // Crowd", the literal rendering of al-Hashd al-Shaabi): its spun forms are as weak as it is.
    if (source.specificity === 'ambiguous' && !isProperName(source.text)) continue;
    if (type === 'organization' && !isProperName(source.text)) continue;
    for (const text of spunForms(source.text, synonyms)) out.push({ entity: source.entity, text, specificity: 'ambiguous', path: `${source.path}~spun` });
  }
  return ownedByOne(out, foldKey, taken);
}
