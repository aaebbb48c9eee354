/**
 * The curated entities as name learning meets them: every name the matcher knows each by, the
 * generated transliteration spellings included (lib/kb/variant-patterns.ts), so that a learned
 * name equal to any of them, folded as the matcher folds, is that entity. DOM-free.
 */
import { foldedKey } from '../kb/build';
import type { GazetteerEntry } from '../kb/types';
import { entryPatterns } from '../kb/validate';
import { generateVariantPatterns } from '../kb/variant-patterns';
import type { KnownEntity } from './types';

/** Known entities from gazetteer entries (or the knowledge base's entities, which extend them). */
export function knownEntities(entries: readonly GazetteerEntry[]): KnownEntity[] {
  const sourced = entries.map((entry) => ({ file: '', entry }));
  const curated = entries.flatMap((entry, i) => entryPatterns(entry, i));
  const generated = generateVariantPatterns(sourced, curated, foldedKey).patterns;
  const names = entries.map(() => [] as string[]);
  for (const p of [...curated, ...generated]) names[p.entity]!.push(p.text);
  return entries.map((e, i) => ({ id: e.id, type: e.type, name: e.name, names: names[i]! }));
}
