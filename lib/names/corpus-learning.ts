/**
 * Learning after an import, as the builder runs it: the added documents are read for names (one
 * at a time, never again), the removed ones forgotten, everything resolved, and the matcher
 * rebuilt with the learned names beside the curated ones (and the curated matcher's rules:
 * lib/kb/matcher-rules.ts). The rebuild is skipped when the names
 * the matcher would learn are the ones it has (a document that names nothing new costs a
 * resolution, not a rebuild): that is where incremental work pays; the automaton itself is
 * rebuilt whole (docs/names.md says why).
 *
 * Storage is the caller's (`LearningStore`: the knowledge base's tables on the device, memory in
 * the tests), so this runs the same in the builder's worker, the background and a test. DOM-free.
 */
import { buildMatcher } from '../engine/build-matcher';
import type { MatcherData } from '../engine/types';
import { sha256Hex } from '../kb/hash';
import { withMatcherRules, type MatcherRules } from '../kb/matcher-rules';
import type { GazetteerEntry } from '../kb/types';
import { readDocument } from './discover';
import { learnedEntries } from './entries';
import { withLearnedNames, type LearnedMatcherInput, type MatcherInput } from './patterns';
import type { KnownIndex } from './resolve';
import { resolve } from './resolve';
import { addDocumentNames, removeDocument } from './state';
import type { LearnedEntity, NameDocument, NameState } from './types';

export interface LearningStore {
  /** The learned state as last stored (`emptyNameState()` on first use). */
  state(): Promise<NameState>;
  /** The text of documents just added, to read for names. */
  documents(ids: readonly string[]): Promise<NameDocument[]>;
  /** The curated names (the matcher compiled from the gazetteer, before learned names) and every curated entity. */
  curated(): Promise<{ input: MatcherInput; known: KnownIndex; rules: MatcherRules }>;
  /** The signature of the learned names the stored matcher was built with, if any. */
  learnedSignature(): Promise<string | undefined>;
  /**
   * Store the outcome together: the state, the learned entities as entries (replacing the
   * learned ones before), and, when rebuilt, the matcher, its input and its learned signature.
   */
  save(outcome: { state: NameState; entries: GazetteerEntry[]; rebuilt?: { matcher: MatcherData; input: LearnedMatcherInput; signature: string } }): Promise<void>;
}

export interface LearningOutcome {
  entities: LearnedEntity[];
  /** The matcher changed: tabs must fetch it again and rescan. */
  matcherChanged: boolean;
}

/** The matcher's whole input as one hash: equal when the learned names would build the same matcher. */
export function learnedSignature(input: LearnedMatcherInput): string {
  const entities = input.entities.map((e) => `${e.id}\t${e.name}\t${e.type}\t${e.blocker ? 1 : 0}${e.topic ? 1 : 0}`);
  const patterns = input.patterns.map((p) => `${p.entity}\t${p.text}\t${p.specificity}\t${p.capitalised ? 1 : 0}`);
  return sha256Hex([...entities, '', ...patterns].join('\n'));
}

/** After documents were added or removed (or the reader edited a name: then both lists are empty). */
export async function learnAfterChange(store: LearningStore, change: { added: readonly string[]; removed: readonly string[] }, kbVersion: string): Promise<LearningOutcome> {
  let state = await store.state();
  for (const id of change.removed) state = removeDocument(state, id);
  for (const doc of await store.documents(change.added)) state = addDocumentNames(removeDocument(state, doc.id), readDocument(doc));
  const { input: curatedInput, known, rules } = await store.curated();
  const resolution = resolve(state, known);
  const input = withLearnedNames(curatedInput, resolution.entities);
  const signature = learnedSignature(input);
  const entries = learnedEntries(resolution.entities);
  if (signature === (await store.learnedSignature())) {
    await store.save({ state: resolution.state, entries });
    return { entities: resolution.entities, matcherChanged: false };
  }
  const matcher = withMatcherRules(buildMatcher({ kbVersion, entities: input.entities, patterns: input.patterns }), rules);
  await store.save({ state: resolution.state, entries, rebuilt: { matcher, input, signature } });
  return { entities: resolution.entities, matcherChanged: true };
}
