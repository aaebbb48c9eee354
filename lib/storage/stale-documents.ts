/**
 * Documents extracted with an earlier matcher, and which of them must be read again. Every
 * stored matcher change records, per earlier extraction key, the names that changed since
 * (lib/kb/changed-names.ts), in `meta.changedNames`; a document stamped with such a key whose
 * text holds none of them keeps its rows and is only stamped anew. Rows stamped with the curated
 * names' key (an exported pack's, a pack built by `npm run corpus`) are compared with the
 * curated names directly. Any other key, or a change of rules or builder version, means reading
 * again. DOM-free and `browser.*`-free.
 */
import { changedNames, changedNamesFinder, type MatcherSource } from '../kb/changed-names';
import type { MatcherInput } from '../kb/gazetteer';
import { matcherRules } from '../kb/matcher-rules';
import type { MatcherData } from '../engine/types';
import type { BackstoryDb } from './db';
import { readMeta } from './kb-writer';
import { readNames } from './name-learning';
import type { StoredAccountReadings } from './types';

/** Earlier extraction key → the names that differ between its matcher and the current one. */
export type ChangedSince = Record<string, string[]>;

/** Earlier keys remembered (the most recent ones): documents stamped with an older key are read again. */
const MAX_KEYS = 8;
/** Past this many changed names a key is forgotten: its documents are read again rather than scanned. */
const MAX_NAMES = 100_000;

/** The builder version a key was stamped by (`extractionKey`'s "+b…" suffix). */
const builderOf = (key: string) => key.slice(key.lastIndexOf('+'));

/**
 * `meta.changedNames` once the stored matcher (`before`, as stored now) is replaced by `after`:
 * the names each earlier key's matcher differs by now, including the one being replaced.
 */
export function changedSinceAfter(
  stored: ChangedSince | undefined,
  before: { key: string; source: MatcherSource } | undefined,
  after: { key: string; source: MatcherSource },
): ChangedSince {
  if (!before || before.key === after.key) return stored ?? {};
  if (builderOf(before.key) !== builderOf(after.key)) return {};
  const changed = changedNames(before.source, after.source);
  if (!changed) return {};
  const next: ChangedSince = {};
  for (const [from, names] of Object.entries(stored ?? {})) {
    if (from === after.key || from === before.key) continue;
    const union = [...new Set([...names, ...changed])];
    if (union.length <= MAX_NAMES) next[from] = union;
  }
  if (changed.length <= MAX_NAMES) next[before.key] = changed;
  const keys = Object.keys(next);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_KEYS))) delete next[old];
  return next;
}

/** What a stored matcher was built from, for comparing it with another. */
export function matcherSource(matcher: MatcherData, input: MatcherInput): MatcherSource {
  return { input, rules: matcherRules(matcher) };
}

/** The stored matcher, as `changedSinceAfter` compares it, if there is one. */
export async function storedMatcherSource(db: BackstoryDb): Promise<{ key: string; source: MatcherSource } | undefined> {
  const [key, matcher, input] = await Promise.all([readMeta(db, 'extractionKey'), readMeta(db, 'matcher'), readMeta(db, 'matcherInput')]);
  return key && matcher && input ? { key, source: matcherSource(matcher, input) } : undefined;
}

/** For the current matcher: per earlier key, whether a document's text must be read again (undefined: always). */
export class StaleDocuments {
  private readonly finders = new Map<string, ((text: string) => boolean) | undefined>();

  constructor(
    private readonly db: BackstoryDb,
    private readonly current: { key: string; source: MatcherSource },
  ) {}

  get key(): string {
    return this.current.key;
  }

  /** Whether a document stamped `key` with this text reads differently now; undefined when only reading tells. */
  async readsDifferently(key: string, text: string): Promise<boolean | undefined> {
    if (!this.finders.has(key)) this.finders.set(key, await this.finderFor(key));
    const finder = this.finders.get(key);
    return finder ? finder(text) : undefined;
  }

  private async finderFor(key: string): Promise<((text: string) => boolean) | undefined> {
    if (builderOf(key) !== builderOf(this.current.key)) return undefined;
    const recorded = (await readMeta(this.db, 'changedNames'))?.[key];
    if (recorded) return changedNamesFinder(recorded);
    const curated = await readNames(this.db, 'curated');
    if (curated?.key !== key || !curated.rules) return undefined;
    const changed = changedNames({ input: curated.input, rules: curated.rules }, this.current.source);
    return changed ? changedNamesFinder(changed) : undefined;
  }

  /**
   * Stamps documents that read the same with the current key, with their kept account readings
   * (the rows those were read from are the same), unless they changed meanwhile.
   */
  async restamp(docs: readonly { id: string; extractionKey: string }[]): Promise<void> {
    const { db } = this;
    const key = this.current.key;
    await db.transaction('rw', [db.documents, db.readings], async () => {
      const [rows, readings] = await Promise.all([db.documents.bulkGet(docs.map((d) => d.id)), db.readings.bulkGet(docs.map((d) => d.id))]);
      for (const [i, { id, extractionKey: was }] of docs.entries()) {
        if (rows[i]?.extractionKey !== was) continue;
        await db.documents.update(id, { extractionKey: key });
        const kept = readings[i]?.contrasts as StoredAccountReadings | undefined;
        if (kept?.extractionKey === was) await db.readings.put({ ...readings[i]!, contrasts: { ...kept, extractionKey: key } });
      }
    });
  }
}
