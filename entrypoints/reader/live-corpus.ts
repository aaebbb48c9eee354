/**
 * The reader page's documents, read from the live knowledge base in IndexedDB (the reader's own
 * documents and what is left of the starter corpus), labelled with the source registry in
 * effect. Names and their cards still come from the starter corpus compiled into the page.
 * Falls back to the bundled corpus when the database cannot be read (a private window that
 * refuses IndexedDB, a background that has not installed it yet).
 */
import type { KbDocument, KnowledgeBase, Perspective } from '../../lib/kb/types';
import { groupOf, outletLine } from '../../lib/kb/labels';
import { openCorpusReader } from '../../lib/storage/corpus-reader';
import { openBackstoryDb } from '../../lib/storage/db';
import { shippedSources } from '../../lib/storage/shipped-sources';
import { askBackground } from '../popup/background-client';

export async function liveReaderKnowledgeBase(bundled: KnowledgeBase, docId: string | undefined): Promise<KnowledgeBase> {
  try {
    const db = openBackstoryDb();
    const reader = openCorpusReader(db, { shipped: shippedSources, edits: async () => (await askBackground('sources/get', {})).edits });
    const [summaries, opened, labels] = await Promise.all([
      reader.allDocuments(),
      docId ? reader.getDocument(docId) : Promise.resolve(undefined),
      reader.labels(),
    ]);
    if (summaries.length === 0) return bundled;
    const perspectives = new Map<string, Perspective>(labels.perspectives.map((p) => [p.id, { description: '', ...p }]));
    const documents = summaries.map((d): KbDocument => {
      const group = groupOf(d);
      perspectives.set(group.id, perspectives.get(group.id) ?? { id: group.id, label: group.label, description: '' });
      const bundledDoc = bundled.documents.find((b) => b.id === d.id);
      return {
        id: d.id,
        file: bundledDoc?.file ?? '',
        title: d.title,
        outlet: outletLine(d),
        ...(d.byline ? { author: d.byline } : {}),
        date: d.published ?? '',
        dateNote: opened?.id === d.id ? (opened.dateNote ?? '') : (bundledDoc?.dateNote ?? ''),
        perspective: group.id,
        evidence: opened?.id === d.id ? (opened.evidence ?? []) : (bundledDoc?.evidence ?? []),
        paragraphs: opened?.id === d.id ? opened.paragraphs : [],
      };
    });
    const passages = docId ? (await db.passages.where('doc').equals(docId).toArray()).map(({ terms: _t, ...p }) => p) : [];
    db.close();
    return { ...bundled, documents, passages: [...bundled.passages.filter((p) => p.doc !== docId), ...passages], perspectives: [...perspectives.values()] };
  } catch {
    return bundled;
  }
}
