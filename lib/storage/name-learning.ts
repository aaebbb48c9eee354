/**
 * Learning names from the reader's documents, over the knowledge base's tables: the
 * `LearningStore` lib/names/corpus-learning.ts runs against, the reader's edits, and what
 * *Your documents* lists. The builder calls `learnNames` as a step of its own after an import's
 * writes, an added or removed document, a pack installed or an edit; it reads the added
 * documents once, resolves, stores the learned entities as `origin: 'learned'` entity rows (so
 * their cards are built as curated ones are) and, when the learned names changed, the rebuilt
 * matcher (the caller then tells the tabs to rescan).
 *
 * The starter corpus is not the reader's: its names are the curated ones and its documents are
 * not read for names. DOM-free and `browser.*`-free.
 */
import type { MatcherData } from '../engine/types';
import type { MatcherInput } from '../kb/gazetteer';
import type { MatcherRules } from '../kb/matcher-rules';
import type { GazetteerEntry } from '../kb/types';
import { learnAfterChange, learnedSignature, type LearningStore } from '../names/corpus-learning';
import { knownEntities } from '../names/known';
import { withLearnedNames } from '../names/patterns';
import { knownIndex } from '../names/resolve';
import { readDocument } from '../names/discover';
import { addDocumentNames, emptyNameState, parseNameState, removeDocument } from '../names/state';
import type { LearnedEntity, NameEdit, NameState } from '../names/types';
import type { BackstoryDb } from './db';
import { readMeta, storing } from './kb-writer';
import type { EntityRow, NamesRow, NamesValue } from './types';

export async function readNames<K extends NamesRow['key']>(db: BackstoryDb, key: K): Promise<NamesValue<K> | undefined> {
  const row = (await db.names.get(key)) as { value: NamesValue<K> } | undefined;
  return row?.value;
}

/** The learned state as stored; a damaged one is refused (and learning starts again) rather than half-read. */
export async function readNameState(db: BackstoryDb): Promise<NameState | undefined> {
  const stored = await readNames(db, 'state');
  if (stored === undefined) return undefined;
  try {
    return parseNameState(stored);
  } catch (error) {
    console.warn('[backstory] stored learned names are damaged; learning again', error);
    // The reader's edits are what cannot be learned again: kept if they still read.
    const edits = Array.isArray((stored as { edits?: unknown }).edits) ? (stored as NameState).edits : [];
    try {
      return parseNameState({ ...emptyNameState(), edits });
    } catch {
      return emptyNameState();
    }
  }
}

/** Documents whose names are learned: every one but the starter corpus's. */
async function readersDocuments(db: BackstoryDb, ids?: readonly string[]): Promise<string[]> {
  const starter = new Set((await db.packs.toArray()).filter((p) => p.starter).map((p) => p.id));
  const rows = ids ? (await db.documents.bulkGet([...ids])).filter((d) => d !== undefined) : await db.documents.orderBy('seq').toArray();
  return rows.filter((d) => !d.pack || !starter.has(d.pack)).map((d) => d.id);
}

/** The curated entities, as the store keeps them, as gazetteer entries. */
async function curatedEntries(db: BackstoryDb): Promise<GazetteerEntry[]> {
  return (await db.entities.where('origin').equals('curated').toArray()).map(
    ({ origin: _o, packs: _p, linksTo: _l, automaticContrasts: _ac, automaticDisagreements: _ad, ...entry }) => entry,
  );
}

/** Documents read for names per task (30–130 ms per 1,000 words each). */
const READ_PER_TASK = 4;

export interface NameLearningDeps {
  db: BackstoryDb;
  /** Stores a rebuilt matcher as the builder stores any (its extraction key makes documents stale). */
  setMatcher(matcher: MatcherData, input: MatcherInput): Promise<void>;
}

function learningStore({ db, setMatcher }: NameLearningDeps, start: NameState): LearningStore {
  return {
    state: () => Promise.resolve(start),
    async documents(ids) {
      const [rows, texts] = await Promise.all([db.documents.bulkGet([...ids]), db.texts.bulkGet([...ids])]);
      return rows.flatMap((row, i) => (row && texts[i] ? [{ id: row.id, title: row.title, paragraphs: texts[i].paragraphs }] : []));
    },
    async curated() {
      const curated = await readNames(db, 'curated');
      // The builder stores the curated names with their rules before any learning step runs.
      if (!curated?.rules) throw new Error('the knowledge base has no compiled names yet');
      return { input: curated.input, rules: curated.rules, known: knownIndex(knownEntities(await curatedEntries(db))) };
    },
    async learnedSignature() {
      // None stored: the matcher is the curated one (nothing was learned into it yet).
      const stored = await readNames(db, 'signature');
      if (stored !== undefined) return stored;
      const input = (await readNames(db, 'curated'))?.input ?? (await readMeta(db, 'matcherInput'));
      return input ? learnedSignature(withLearnedNames(input, [])) : undefined;
    },
    async save({ state, entries, rebuilt }) {
      const rows: EntityRow[] = entries.map((e) => ({ ...e, origin: 'learned', packs: [], linksTo: [] }));
      await storing(() =>
        db.transaction('rw', [db.names, db.entities], async () => {
          await db.names.put({ key: 'state', value: state });
          await db.entities.where('origin').equals('learned').delete();
          await db.entities.bulkPut(rows);
          if (rebuilt) await db.names.put({ key: 'signature', value: rebuilt.signature });
        }),
      );
      if (rebuilt) await setMatcher(rebuilt.matcher, rebuilt.input);
    },
  };
}

export interface NameLearningResult {
  entities: LearnedEntity[];
  matcherChanged: boolean;
  /** Milliseconds spent, and how many of them rebuilding the matcher (0 when it was not rebuilt). */
  ms: number;
}

/**
 * One learning step after a change: `added` and `removed` document ids (both empty after an
 * edit), and `update`, the reader's edits or a pack's, applied to the state first. On a database
 * that never learned (first run of this version), every document of the reader's is read once.
 */
export async function learnNames(
  deps: NameLearningDeps,
  change: { added: readonly string[]; removed: readonly string[]; update?: (state: NameState) => NameState },
  kbVersion: string,
): Promise<NameLearningResult> {
  const started = Date.now();
  const { db } = deps;
  const stored = await readNameState(db);
  let state = stored ?? emptyNameState();
  if (change.update) state = change.update(state);
  for (const id of change.removed) state = removeDocument(state, id);
  // Read a few documents per task: a card or lookup asked meanwhile is answered between them.
  const added = await readersDocuments(db, stored ? change.added : undefined);
  const store = learningStore(deps, state);
  for (let i = 0; i < added.length; i += READ_PER_TASK) {
    for (const doc of await store.documents(added.slice(i, i + READ_PER_TASK))) state = addDocumentNames(removeDocument(state, doc.id), readDocument(doc));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const outcome = await learnAfterChange(learningStore(deps, state), { added: [], removed: [] }, kbVersion);
  await db.names.put({ key: 'entities', value: outcome.entities });
  return { ...outcome, ms: Date.now() - started };
}

/** The state without the reader's rejection of the entity whose forms `keys` are. */
export function withoutRejection(state: NameState, keys: readonly string[]): NameState {
  const wanted = new Set(keys);
  return { ...state, edits: state.edits.filter((e) => !(e.kind === 'reject' && e.entity.keys.some((k) => wanted.has(k)))) };
}

/** The reader's edits, as an exported pack carries them. */
export async function nameEdits(db: BackstoryDb): Promise<NameEdit[]> {
  return (await readNameState(db))?.edits ?? [];
}

/** The curated names' compiled input, key and rules, kept apart from the stored matcher's (which has learned names too). */
export async function storeCurated(db: BackstoryDb, input: MatcherInput, key: string, rules: MatcherRules): Promise<void> {
  await db.transaction('rw', db.names, async () => {
    await db.names.put({ key: 'curated', value: { input, key, rules } });
    // The stored matcher is the curated one again: learning must build it again with its names.
    await db.names.put({ key: 'signature', value: learnedSignature(withLearnedNames(input, [])) });
  });
}
