/**
 * Applies the spelling rules to the gazetteer at build time — transliteration (variants.ts) for
 * entries marked `transliterated`, Arabic and Persian script (script-variants.ts) and the written
 * forms of US / UK / UN inside longer names (written-forms.ts) for every entry: the names the
 * matcher learns on top of the curated ones, with their specificity and where they came from,
 * and what was dropped because it would collide.
 *
 * A generated spelling never overrides a curated name (of any entry: the curator's word wins)
 * and two entries generating the same spelling both lose it: a variant must stand for one
 * entity. A one-word spelling is one step less specific than the name it comes from, because a
 * respelt surname is more likely to be someone else's ("Sulaimani" is also the Kurdish city).
 */
import { ARABIC_SCRIPT, scriptVariants } from './script-variants';
import type { Specificity } from './types';
import type { NamePattern, SourcedEntry } from './validate';
import { nameVariants } from './variants';
import { writtenForms } from './written-forms';

/** Generated spellings kept per entry, so one long-named entry cannot swamp the matcher. */
export const MAX_ENTRY_VARIANTS = 400;

export interface VariantCounts {
  entity: string;
  generated: number;
  /** Spellings that collided with a curated name or another entry's spelling. */
  dropped: number;
}

function lessSpecific(s: Specificity): Specificity {
  return s === 'unique' ? 'common' : 'ambiguous';
}

/** One entry's generated spellings, before collisions are resolved. */
function entryVariantPatterns(entry: SourcedEntry['entry'], curated: readonly NamePattern[]): NamePattern[] {
  const out: NamePattern[] = [];
  const seen = new Set<string>();
  // Script names first: they give few variants, and the cap must not starve them.
  const latin = (p: NamePattern) => (ARABIC_SCRIPT.test(p.text) ? 0 : 1);
  for (const source of [...curated].sort((a, b) => latin(a) - latin(b))) {
    // A one-word contextual name ("Quds", "Hashd") is already a guess; respelt, it is noise
    // that meets English words ("gods").
    if (source.specificity === 'ambiguous' && !/[\s-]/.test(source.text.trim())) continue;
    const texts = [
      // A contextual name in script without its article is an ordinary phrase (التحالف الدولي,
      // "the international coalition" → تحالف دولي, "an international coalition").
      ...(source.specificity === 'ambiguous' ? [] : scriptVariants(source.text, entry.type)),
      ...writtenForms(source.text),
      ...(entry.transliterated ? nameVariants(source.text) : []),
    ];
    for (const text of texts) {
      if (out.length >= MAX_ENTRY_VARIANTS) return out;
      if (seen.has(text.toLowerCase())) continue;
      seen.add(text.toLowerCase());
      const oneWord = !/[\s-]/.test(text.trim());
      const specificity = oneWord && source.text.trim().split(/[\s-]+/).length === 1 ? lessSpecific(source.specificity) : source.specificity;
      out.push({ entity: source.entity, text, specificity, path: `${source.path}~` });
    }
  }
  return out;
}

/**
 * Generated patterns for every entry (see the module comment). `curated` are all entries' curated
 * patterns; `blocked` are folded keys no variant may take (blocker names); `foldKey` is the
 * matcher's folding, so "collide" means "the matcher could not tell them apart".
 */
export function generateVariantPatterns(
  entries: readonly SourcedEntry[],
  curated: readonly NamePattern[],
  foldKey: (text: string) => string,
  blocked: ReadonlySet<string> = new Set(),
): { patterns: NamePattern[]; counts: VariantCounts[] } {
  const taken = new Set([...curated.map((p) => foldKey(p.text)), ...blocked]);
  const perEntity = entries.map(({ entry }, i) =>
    entryVariantPatterns(
      entry,
      curated.filter((p) => p.entity === i),
    ),
  );
  // Which entities generate each key: a key two entries generate is dropped by both.
  const owners = new Map<string, Set<number>>();
  perEntity.forEach((patterns) => {
    for (const p of patterns) {
      const key = foldKey(p.text);
      const set = owners.get(key) ?? new Set<number>();
      set.add(p.entity);
      owners.set(key, set);
    }
  });
  const patterns: NamePattern[] = [];
  const counts: VariantCounts[] = [];
  perEntity.forEach((list, i) => {
    if (list.length === 0 && !entries[i]!.entry.transliterated) return;
    const keys = new Set<string>();
    let dropped = 0;
    for (const p of list) {
      const key = foldKey(p.text);
      if (keys.has(key)) continue;
      keys.add(key);
      if (taken.has(key) || owners.get(key)!.size > 1) {
        dropped++;
        continue;
      }
      patterns.push(p);
    }
    counts.push({ entity: entries[i]!.entry.id, generated: keys.size - dropped, dropped });
  });
  return { patterns, counts };
}

/**
 * Generated names that may join the matcher: the first of each key, unless the key is `taken`
 * (a curated name, a blocker) or two entities generate it (it could be either, so neither gets
 * it). Used for the names derived after the spellings: events by date, spun names.
 */
export function ownedByOne(generated: readonly NamePattern[], foldKey: (text: string) => string, taken: ReadonlySet<string>): NamePattern[] {
  const owners = new Map<string, Set<number>>();
  for (const p of generated) {
    const key = foldKey(p.text);
    owners.set(key, (owners.get(key) ?? new Set()).add(p.entity));
  }
  const seen = new Set<string>();
  return generated.filter((p) => {
    const key = foldKey(p.text);
    if (taken.has(key) || owners.get(key)!.size > 1 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
