/**
 * What the installed corpus packs curate, merged: their gazetteers (one entity per id, its
 * names and background the union of every pack's, the first pack's name, type and summary),
 * their perspectives and their source registries. Packs are merged in the order they were
 * installed, so the starter corpus's wording comes first and a later pack only adds to it.
 * DOM-free; the builder writes the result to IndexedDB and compiles the matcher from it.
 */
import type { PackHeader } from '../corpus/pack';
import type { Source } from '../recognition/sources';
import type { AutoContrast, AutoDisagreement } from '../contrasts/types';
import type { GazetteerEntry, KbEntity, Perspective } from './types';

export interface CuratedPack {
  id: string;
  header: Pick<PackHeader, 'entities' | 'perspectives' | 'sources' | 'automaticContrasts' | 'automaticDisagreements'>;
}

export interface MergedEntry extends GazetteerEntry {
  packs: string[];
}

const union = <T>(a: readonly T[] = [], b: readonly T[] = [], key: (item: T) => string = String): T[] => {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((item) => !seen.has(key(item)) && seen.add(key(item)))];
};

export function mergeEntities(packs: readonly CuratedPack[]): MergedEntry[] {
  const byId = new Map<string, MergedEntry>();
  for (const pack of packs) {
    for (const entry of pack.header.entities) {
      const known = byId.get(entry.id);
      if (!known) {
        byId.set(entry.id, { ...entry, packs: [pack.id] });
        continue;
      }
      const aliases = union(known.aliases, entry.aliases).filter((a) => a !== known.name);
      const contextual = union(known.contextual, entry.contextual);
      const links = union(known.links, entry.links, (l) => `${l.to}|${l.rel}`);
      const { contextual: _c, links: _l, transliterated: _t, ...rest } = known;
      byId.set(entry.id, {
        ...rest,
        aliases,
        ...(contextual.length ? { contextual } : {}),
        background: union(known.background, entry.background, (s) => s.text),
        ...(links.length ? { links } : {}),
        ...(known.transliterated || entry.transliterated ? { transliterated: true } : {}),
        packs: [...known.packs, pack.id],
      });
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Every pack's automatic contrasts and disagreements, each id once (the first pack's), as the
 * fields of the entity they are about: the card puts them after the curated ones.
 */
export function mergeAutomatic(packs: readonly CuratedPack[]): (entity: string) => Pick<KbEntity, 'automaticContrasts' | 'automaticDisagreements'> {
  const contrasts = packs.reduce<AutoContrast[]>((all, pack) => union(all, pack.header.automaticContrasts, (c) => c.id), []);
  const disagreements = packs.reduce<AutoDisagreement[]>((all, pack) => union(all, pack.header.automaticDisagreements, (d) => d.id), []);
  return (entity) => {
    const own = contrasts.filter((c) => c.entity === entity);
    const named = disagreements.filter((d) => d.entities.includes(entity));
    return { ...(own.length ? { automaticContrasts: own } : {}), ...(named.length ? { automaticDisagreements: named } : {}) };
  };
}

/** Every pack's perspectives, each id once (the first pack's wording). */
export function mergePerspectives(packs: readonly CuratedPack[]): Perspective[] {
  return packs.reduce<Perspective[]>((all, pack) => union(all, pack.header.perspectives, (p) => p.id), []);
}

/** Every pack's source registry entries, each domain once (the first pack's). */
export function mergeSources(packs: readonly CuratedPack[]): Source[] {
  return packs.reduce<Source[]>((all, pack) => union(all, pack.header.sources, (s) => s.domain), []);
}

/** The entry as a gazetteer file holds it (for compiling the matcher). */
export function gazetteerEntry({ packs: _packs, ...entry }: MergedEntry): GazetteerEntry {
  return entry;
}
