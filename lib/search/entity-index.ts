/**
 * Lookup over the knowledge base's entities by name and alias, tolerant of transliteration
 * (through `searchKey`) and of typos and unfinished words (MiniSearch's fuzzy and prefix
 * matching). Built in memory when the popup opens: a few hundred names index in a few ms.
 *
 * Every name and alias is indexed as its own record, so a result can say which one matched
 * ("Hashd al-Shaabi" for Popular Mobilization Units) and an exact alias can outrank a fuzzy
 * canonical name. Documents and passages will join as further record kinds (`SearchResult`
 * is a union for that reason).
 */
import MiniSearch, { type SearchResult as MiniSearchResult } from 'minisearch';
import type { EntityType, KbEntity } from '../kb/types';
import { searchKeys } from './fold';

export type SearchableEntity = Pick<KbEntity, 'id' | 'name' | 'type' | 'aliases' | 'contextual'>;

export interface EntityResult {
  kind: 'entity';
  id: string;
  name: string;
  type: EntityType;
  /** The name or alias that matched, as written in the knowledge base. */
  matched: string;
  score: number;
}

export type SearchResult = EntityResult;

export interface SearchIndex {
  search(query: string, limit?: number): SearchResult[];
}

interface NameRecord {
  /** Record id: index into `records`. */
  id: number;
  entity: SearchableEntity;
  /** The name or alias as written, and any other spellings that fold to the same keys. */
  texts: string[];
  /** Its search keys, for telling exact matches from fuzzy ones. */
  keys: string[];
  canonical: boolean;
}

/** Scripts a transliteration fold does not apply to (Arabic, Persian) are left as they are. */
const LATIN = /^[a-z0-9]+$/;

/** A typo allowance that grows with the word: none for short words (Iran is not Iraq). */
function fuzziness(term: string): number {
  if (!LATIN.test(term)) return 0;
  return term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0;
}

/** Boost for a record whose name says exactly what was asked, before fuzzy near-misses. */
const EXACT_NAME = 4;
const ALL_WORDS = 2;
const CANONICAL = 1.1;

export function buildEntityIndex(entities: readonly SearchableEntity[]): SearchIndex {
  const records: NameRecord[] = [];
  for (const entity of entities) {
    // Contextual aliases ("PMU", "Kazimi") need evidence to be marked on a page, but a reader who
    // types one into the lookup box means it.
    const names = [...new Set([entity.name, ...entity.aliases, ...(entity.contextual ?? [])])];
    // Spellings that fold to the same keys ("al-Kazemi", "al-Kadhemi") are one record.
    const byKeys = new Map<string, NameRecord>();
    names.forEach((text, i) => {
      const keys = searchKeys(text);
      const joined = keys.join(' ');
      const same = byKeys.get(joined);
      if (keys.length === 0) return;
      if (same) same.texts.push(text);
      else {
        const record = { id: records.length, entity, texts: [text], keys, canonical: i === 0 };
        byKeys.set(joined, record);
        records.push(record);
      }
    });
  }

  const miniSearch = new MiniSearch<{ id: number; keys: string }>({
    fields: ['keys'],
    // Records arrive already folded into space-separated keys, and so do queries (below).
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
  });
  miniSearch.addAll(records.map((r) => ({ id: r.id, keys: r.keys.join(' ') })));

  const run = (keys: string[], combineWith: 'AND' | 'OR'): MiniSearchResult[] =>
    miniSearch.search(keys.join(' '), {
      combineWith,
      // Results follow each keystroke: "kad" already finds Kadhimi.
      prefix: true,
      fuzzy: (term) => fuzziness(term),
    });

  return {
    search(query, limit = 20) {
      const keys = searchKeys(query);
      if (keys.length === 0) return [];
      let hits = run(keys, 'AND');
      // Every word must match if it can; a query with one word that matches nothing (a stray
      // "the", a typo too far) still finds what the other words name.
      if (hits.length === 0 && keys.length > 1) hits = run(keys, 'OR');

      const best = new Map<string, EntityResult>();
      for (const hit of hits) {
        const record = records[hit.id as number]!;
        const score = hit.score * boost(record, keys);
        const current = best.get(record.entity.id);
        if (!current || score > current.score) {
          const { id, name, type } = record.entity;
          best.set(id, { kind: 'entity', id, name, type, matched: spellingFor(record, query), score });
        }
      }
      return [...best.values()].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit);
    },
  };
}

function boost(record: NameRecord, keys: string[]): number {
  let factor = record.canonical ? CANONICAL : 1;
  if (keys.every((k) => record.keys.includes(k))) {
    factor *= record.keys.length === keys.length ? EXACT_NAME : ALL_WORDS;
  }
  return factor;
}

/** Of the spellings a record stands for, the one closest to what the reader typed. */
function spellingFor(record: NameRecord, query: string): string {
  const typed = query.trim().toLowerCase();
  return (
    record.texts.find((t) => t.toLowerCase() === typed) ??
    record.texts.find((t) => t.toLowerCase().includes(typed)) ??
    record.texts[0]!
  );
}
