// The starter corpus pack `npm run corpus` writes holds the same corpus as data/kb.json: the
// extraction rows it carries, merged, are the knowledge base's passages and accounts; and one
// document extracted on its own gives exactly its rows in the whole-corpus build.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import matcherJson from '../../data/matcher.json';
import { parsePack } from '../../lib/corpus/pack';
import { buildKnowledgeBase } from '../../lib/kb/build';
import { STARTER_PACK_ID, STARTER_PACK_TITLE } from '../../lib/kb/corpus-pack';
import { createExtractor, extractDocument } from '../../lib/kb/extract';
import { extractionKey } from '../../lib/kb/gazetteer';
import type { KnowledgeBase } from '../../lib/kb/types';
import type { MatcherData } from '../../lib/engine/types';
import { readCorpusInput, PROJECT_ROOT, STARTER_PACK_FILE } from '../../scripts/build-corpus';

const kb = JSON.parse(readFileSync(join(PROJECT_ROOT, 'data/kb.json'), 'utf8')) as KnowledgeBase;
const parsed = parsePack(readFileSync(join(PROJECT_ROOT, STARTER_PACK_FILE), 'utf8'));
if (!parsed.ok) throw new Error(parsed.reason);
const pack = parsed.pack;

describe('the starter corpus pack', () => {
  it('is the starter corpus, with the seed documents and the whole gazetteer', () => {
    expect(pack).toMatchObject({ id: STARTER_PACK_ID, title: STARTER_PACK_TITLE });
    expect(pack.documents.map((d) => d.id)).toEqual(kb.documents.map((d) => d.id));
    expect(pack.entities.map((e) => e.id)).toEqual(kb.entities.map((e) => e.id));
    expect(pack.documents.find((d) => d.id === 'regime-fears-talks')?.outlet).toBe('Unnamed Iranian-opposition site');
  });

  it('carries rows stamped with the shipped matcher’s extraction key', () => {
    expect(pack.derived?.extractionKey).toBe(extractionKey(matcherJson as unknown as MatcherData));
  });

  it('merges into the knowledge base’s passages and accounts', () => {
    expect(pack.derived!.passages).toEqual(kb.passages);
    for (const entity of kb.entities) {
      const rows = pack.derived!.mentions.filter((m) => m.entity === entity.id);
      const order = kb.documents.map((d) => d.id);
      rows.sort((a, b) => order.indexOf(a.doc) - order.indexOf(b.doc));
      expect(rows.map((r) => ({ doc: r.doc, passages: r.passages })), entity.id).toEqual(
        entity.accounts.map((a) => ({ doc: a.doc, passages: a.passages })),
      );
      expect(Object.fromEntries(rows.map((r) => [r.doc, r.count]))).toEqual(entity.mentions);
    }
  });

  it('gives, for a document extracted alone, the rows it has in the whole-corpus build', () => {
    const result = buildKnowledgeBase(readCorpusInput());
    const extractor = createExtractor(result.matcher!, result.matcherInput!);
    for (const doc of kb.documents) {
      const alone = extractDocument(doc, extractor);
      expect(alone.passages).toEqual(pack.derived!.passages.filter((p) => p.doc === doc.id));
      expect(alone.mentions).toEqual(pack.derived!.mentions.filter((m) => m.doc === doc.id));
      expect(alone.fingerprint).toEqual(pack.derived!.fingerprints.find((f) => f.doc === doc.id));
    }
  });
});
