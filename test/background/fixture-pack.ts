/**
 * A knowledge base of the old shape (the fixture's, or the starter corpus's data/kb.json) as the
 * corpus pack the builder installs, with its accounts as the pack's derived rows stamped with the
 * key of the matcher given, and the builder's compilation replaced by that matcher: the
 * background under test then holds exactly these accounts, read through the live store.
 */
import type { CorpusPack } from '../../lib/corpus/pack';
import { documentFingerprint } from '../../lib/corpus/identity';
import { packDocumentOf, STARTER_PACK_ID, STARTER_PACK_TITLE } from '../../lib/kb/corpus-pack';
import { extractionKey } from '../../lib/kb/gazetteer';
import type { MatcherData } from '../../lib/engine/types';
import type { KnowledgeBase } from '../../lib/kb/types';
import type { CompiledNames } from '../../lib/storage/corpus-builder';

export function packOfKnowledgeBase(kb: KnowledgeBase, matcher: MatcherData, packVersion = 1): CorpusPack {
  return {
    format: 'backstory-corpus-pack',
    version: 1,
    id: STARTER_PACK_ID,
    title: STARTER_PACK_TITLE,
    packVersion,
    perspectives: kb.perspectives,
    sources: [],
    entities: kb.entities.map(({ mentions: _m, accounts: _a, contrasts: _c, disagreements: _d, ...entry }) => entry),
    contrasts: [],
    disagreements: [],
    documents: kb.documents.map(packDocumentOf),
    derived: {
      extractionKey: extractionKey(matcher),
      passages: kb.passages,
      mentions: kb.entities.flatMap((e) =>
        e.accounts.map((a) => ({ entity: e.id, doc: a.doc, count: e.mentions[a.doc] ?? 1, passages: a.passages })),
      ),
      fingerprints: kb.documents.map((d) => documentFingerprint(d)),
    },
  };
}

/** The builder's compilation, answering `matcher` whatever the names. */
export function fixedCompile(matcher: MatcherData): () => CompiledNames {
  return () => ({ matcher, matcherInput: { entities: matcher.entities, patterns: [] } });
}
