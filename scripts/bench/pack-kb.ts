/**
 * The starter corpus with a built pack's documents added, as one knowledge base: what the popup's
 * lookup and the background's card store hold today once a reader's corpus has grown, for
 * measuring them at 1,000 and 10,000 documents. The pack's rows are merged with lib/kb's own merge
 * (`mergeExtractions`); documents without a perspective are grouped as "not labelled".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePack, type CorpusPack } from '../../lib/corpus/pack';
import { mergeExtractions } from '../../lib/kb/build';
import type { DocumentExtraction } from '../../lib/kb/extract';
import type { KbDocument, KnowledgeBase } from '../../lib/kb/types';
import { STARTER_PACK_FILE } from '../build-corpus';
import { loadKb } from './corpus-fixtures';

const UNLABELLED = { id: 'not-labelled', label: 'Perspective not labelled', description: 'Outlets the reader has not labelled yet.' };

export function knowledgeBaseWith(root: string, pack: CorpusPack): KnowledgeBase {
  const kb = loadKb(root);
  const starter = parsePack(readFileSync(join(root, STARTER_PACK_FILE), 'utf8'));
  if (!starter.ok) throw new Error(`${STARTER_PACK_FILE}: ${starter.reason}`);
  const added: KbDocument[] = pack.documents.map((d) => ({
    id: d.id,
    file: d.origin?.kind === 'file' ? d.origin.name : pack.id,
    title: d.title,
    outlet: d.outlet ?? d.domain ?? 'Unknown outlet',
    ...(d.byline ? { author: d.byline } : {}),
    date: d.published ?? '',
    dateNote: '',
    perspective: d.perspective ?? UNLABELLED.id,
    evidence: [],
    paragraphs: d.paragraphs,
  }));
  const documents = [...kb.documents, ...added];
  const extractions = [...rowsByDocument(starter.pack), ...rowsByDocument(pack)];
  const entries = kb.entities.map(({ mentions: _m, accounts: _a, contrasts: _c, disagreements: _d, ...entry }) => ({ file: 'kb', entry }));
  const { passages, kbEntities } = mergeExtractions(documents, entries, extractions);
  const curated = new Map(kb.entities.map((e) => [e.id, e]));
  const entities = kbEntities.map((e) => {
    const { contrasts, disagreements } = curated.get(e.id)!;
    return { ...e, ...(contrasts ? { contrasts } : {}), ...(disagreements ? { disagreements } : {}) };
  });
  return { ...kb, version: `${kb.version}+${pack.id}-${pack.documents.length}`, perspectives: [...kb.perspectives, UNLABELLED], documents, passages, entities };
}

/** A pack's derived rows as the per-document extractions the merge reads. */
function rowsByDocument(pack: CorpusPack): Pick<DocumentExtraction, 'passages' | 'mentions'>[] {
  const byDoc = new Map(pack.documents.map((d) => [d.id, { doc: d.id, passages: [] as DocumentExtraction['passages'], mentions: [] as DocumentExtraction['mentions'] }]));
  for (const p of pack.derived?.passages ?? []) byDoc.get(p.doc)!.passages.push(p);
  for (const m of pack.derived?.mentions ?? []) byDoc.get(m.doc)!.mentions.push(m);
  return [...byDoc.values()];
}
