/**
 * Cross-reference checks between gazetteer entries, documents and the corpus text: what a
 * schema cannot see. Each message says what is wrong and what would fix it, because the person
 * reading it is a curator adding a document or an entry, not the author of this code.
 */
import { CITE, type BuildIssue } from './schema';
import { ARABIC_SCRIPT } from './script-variants';
import type { GazetteerEntry, Specificity } from './types';

/** A gazetteer entry with the file it came from. */
export interface SourcedEntry {
  file: string;
  entry: GazetteerEntry;
}

export interface NamePattern {
  /** Index of the entity in the (id-sorted) entity list. */
  entity: number;
  text: string;
  specificity: Specificity;
  /** Where the name is written in its entry: `name`, `aliases[2]`, `contextual[0]`. */
  path: string;
}

/** The names the matcher learns for one entry: name and aliases, then the contextual ones. */
export function entryPatterns(entry: GazetteerEntry, entity: number): NamePattern[] {
  const specificity = entry.specificity ?? 'unique';
  return [
    { entity, text: entry.name, specificity, path: 'name' },
    ...entry.aliases.map((text, i) => ({ entity, text, specificity: aliasSpecificity(entry, text, specificity), path: `aliases[${i}]` })),
    ...(entry.contextual ?? []).map((text, i) => ({
      entity,
      text,
      specificity: 'ambiguous' as const,
      path: `contextual[${i}]`,
    })),
  ];
}

/**
 * A one-word alias stands alone less surely than the entry's name: a surname alone is often
 * someone else's ("Nasrallah" the film director, "Maliki" the school of law) and a respelt place
 * name is often a given name ("Riyad" Mahrez). Such an alias of a person, or a Latin respelling
 * of a place (the place's name in Arabic or Persian script is its name), counts only on a page
 * that names some other entity of the corpus (`common`); a name already `common` stays so.
 */
function aliasSpecificity(entry: GazetteerEntry, alias: string, specificity: Exclude<Specificity, 'ambiguous'>): Exclude<Specificity, 'ambiguous'> {
  if (specificity !== 'unique' || /[\s-]/.test(alias.trim())) return specificity;
  if (entry.type === 'person' || (entry.type === 'place' && !ARABIC_SCRIPT.test(alias))) return 'common';
  return specificity;
}

export function duplicateIds(entries: readonly SourcedEntry[]): BuildIssue[] {
  const first = new Map<string, string>();
  const issues: BuildIssue[] = [];
  for (const { file, entry } of entries) {
    const earlier = first.get(entry.id);
    if (earlier === undefined) first.set(entry.id, file);
    else
      issues.push({
        severity: 'error',
        file,
        entry: entry.id,
        path: 'id',
        message: `duplicate id: ${earlier} already has an entry "${entry.id}" (merge the two or rename one)`,
      });
  }
  return issues;
}

/**
 * Two entities whose names fold to the same key cannot be told apart by the matcher (it would
 * throw); a name given twice to one entity with different specificities is contradictory.
 */
export function nameCollisions(
  entries: readonly SourcedEntry[],
  patterns: readonly NamePattern[],
  foldKey: (text: string) => string,
): BuildIssue[] {
  const issues: BuildIssue[] = [];
  const seen = new Map<string, NamePattern>();
  for (const pattern of patterns) {
    const { file, entry } = entries[pattern.entity]!;
    const key = foldKey(pattern.text);
    if (!key) {
      issues.push({
        severity: 'error',
        file,
        entry: entry.id,
        path: pattern.path,
        message: `${JSON.stringify(pattern.text)} has no letters or digits the matcher can match`,
      });
      continue;
    }
    const other = seen.get(key);
    if (!other) {
      seen.set(key, pattern);
      continue;
    }
    const owner = entries[other.entity]!;
    if (other.entity !== pattern.entity) {
      issues.push({
        severity: 'error',
        file,
        entry: entry.id,
        path: pattern.path,
        message:
          `${JSON.stringify(pattern.text)} reads the same to the matcher as ${JSON.stringify(other.text)} ` +
          `of entry "${owner.entry.id}" (${owner.file}, ${other.path}): a name can stand for only one entity — ` +
          `keep it in the entry it belongs to`,
      });
    } else if (other.specificity !== pattern.specificity) {
      issues.push({
        severity: 'warning',
        file,
        entry: entry.id,
        path: pattern.path,
        message:
          `${JSON.stringify(pattern.text)} is also listed as ${other.path} (${JSON.stringify(other.text)}) ` +
          `with specificity ${other.specificity}; the matcher keeps the more specific one`,
      });
    }
  }
  return issues;
}

export function unknownLinks(entries: readonly SourcedEntry[]): BuildIssue[] {
  const ids = new Set(entries.map((e) => e.entry.id));
  const issues: BuildIssue[] = [];
  for (const { file, entry } of entries) {
    (entry.links ?? []).forEach((link, i) => {
      const base = { file, entry: entry.id, path: `links[${i}].to` };
      if (link.to === entry.id) {
        issues.push({ ...base, severity: 'error', message: `"${link.to}" links the entry to itself` });
      } else if (!ids.has(link.to)) {
        const hint = closest(link.to, ids);
        issues.push({
          ...base,
          severity: 'error',
          message: `"${link.to}" is not the id of any gazetteer entry${hint ? ` (did you mean "${hint}"?)` : ''}`,
        });
      }
    });
  }
  return issues;
}

export interface CorpusIndex {
  /** Document id → number of paragraphs. */
  paragraphCounts: ReadonlyMap<string, number>;
  /** Whether the matcher found the entity in that paragraph (any specificity, before context rules). */
  hasHit(entity: string, doc: string, para: number): boolean;
  /** The paragraphs of a document where the matcher found the entity. */
  hitParagraphs(entity: string, doc: string): number[];
  /** The plain words of a paragraph (see `plainWords`). */
  paragraphWords(doc: string, para: number): ReadonlySet<string>;
}

/**
 * Every cite must point at an existing paragraph that mentions the entity. When the matcher
 * finds no name there but a word of one is present ("the Kadhimi government" for an alias
 * "Mustafa al-Kadhimi"), the cite is probably right: a warning, not an error.
 */
export function citeIssues(entries: readonly SourcedEntry[], corpus: CorpusIndex): BuildIssue[] {
  const issues: BuildIssue[] = [];
  const docList = [...corpus.paragraphCounts.keys()];
  for (const { file, entry } of entries) {
    const nameWords = distinctiveWords(entry);
    const unsure: string[] = [];
    entry.background.forEach((statement, s) => {
      statement.cites.forEach((cite, c) => {
        const base = { file, entry: entry.id, path: `background[${s}].cites[${c}]` };
        const match = CITE.exec(cite);
        if (!match) return; // the schema already reported it
        const doc = match[1]!;
        const para = Number(match[2]);
        const count = corpus.paragraphCounts.get(doc);
        if (count === undefined) {
          const hint = closest(doc, docList);
          issues.push({
            ...base,
            severity: 'error',
            message: `"${cite}" — there is no document ${doc}${hint ? ` (did you mean ${hint}?)` : ''}; documents are ${docList.join(', ')}`,
          });
        } else if (para > count) {
          issues.push({
            ...base,
            severity: 'error',
            message: `"${cite}" — document ${doc} has no paragraph ${para} (it has ${count})`,
          });
        } else if (!corpus.hasHit(entry.id, doc, para)) {
          const words = corpus.paragraphWords(doc, para);
          const shared = nameWords.filter((w) => words.has(w));
          const elsewhere = corpus.hitParagraphs(entry.id, doc);
          const where = elsewhere.length
            ? `; it is named in ${doc} paragraph${elsewhere.length > 1 ? 's' : ''} ${elsewhere.join(', ')}`
            : `; no paragraph of ${doc} names it`;
          const justBefore = elsewhere.filter((p) => p < para && para - p <= CONTINUATION_PARAGRAPHS);
          if (justBefore.length) {
            unsure.push(`${base.path} "${cite}" (named in paragraph ${justBefore[justBefore.length - 1]} just before)`);
          } else if (shared.length) {
            unsure.push(`${base.path} "${cite}" (${shared.join(', ')})`);
          } else {
            issues.push({
              ...base,
              severity: 'error',
              message: `"${cite}" — paragraph ${para} of ${doc} does not mention ${entry.name}${where}`,
            });
          }
        }
      });
    });
    if (unsure.length) {
      issues.push({
        severity: 'warning',
        file,
        entry: entry.id,
        message:
          `${unsure.length} cite${unsure.length > 1 ? 's point' : ' points'} to a paragraph where no name of the entry matches, ` +
          `only some of its words or a paragraph just before names it (check the cite, or add the wording used there as an alias): ${unsure.join('; ')}`,
      });
    }
  }
  return issues;
}

/**
 * A paragraph may go on about an entity named shortly before it without naming it again (a
 * quoted article running over several paragraphs, "He met with ..."): such a cite is likely
 * right and only warned about.
 */
const CONTINUATION_PARAGRAPHS = 3;

/** Words too common in this corpus to show that a paragraph is about an entry. */
const COMMON_WORDS = new Set(
  (
    'from with against anti into over after before that this than their there about under between ' +
    'january february march april june july august september october november december'
  ).split(' '),
);

/** Words of an entry's names that point to it on their own: "kadhimi", "mobilization". */
function distinctiveWords(entry: GazetteerEntry): string[] {
  const words = new Set<string>();
  for (const name of [entry.name, ...entry.aliases, ...(entry.contextual ?? [])]) {
    for (const word of plainWords(name)) if (word.length >= 4 && !COMMON_WORDS.has(word)) words.add(word);
  }
  return [...words];
}

/** Lower-case words without possessives, diacritics and apostrophes: "Gha’ani’s" → ["ghaani"]. */
export function plainWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/['’]s\b/gu, '')
    .replace(/[\p{M}'’‘ʼʿʾ`]/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The candidate within a small edit distance, to suggest a fix for a typo. */
function closest(wanted: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(wanted.length / 4)) + 1;
  for (const candidate of candidates) {
    const d = editDistance(wanted, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}
