/**
 * What the reader page shows, read from the live knowledge base in IndexedDB (the starter corpus
 * and the reader's own documents alike): the one document the URL names with its passage, or
 * every document for the list; the perspectives; the entity names the marks are labelled with;
 * the matcher the builder compiled. Shaped as the `KnowledgeBase` the reader component renders,
 * holding only what this page needs (no entity's accounts: cards come from the background).
 */
import { parseReaderSearch } from '../../lib/card-data';
import { groupOf } from '../../lib/kb/labels';
import { KB_SCHEMA_VERSION, type KbDocument, type KnowledgeBase, type Passage, type Perspective } from '../../lib/kb/types';
import type { DocumentLabel, DocumentSummary } from '../../lib/messages';
import type { CorpusReader, ReaderDocument } from '../../lib/storage/corpus-reader';
import { allDocuments } from '../corpus/services';
import type { BackstoryDb } from '../../lib/storage/db';
import { corpusPerspectives, storedMatcher } from '../../lib/storage/kb-reader';

export interface LiveKnowledge {
  kb: KnowledgeBase;
  names: ReadonlyMap<string, string>;
  matcher: Awaited<ReturnType<typeof storedMatcher>>;
}

/** A document as the reader component takes it; an unlabelled one under its outlet's group. */
function kbDocument(doc: Omit<DocumentSummary, 'paragraphs'> | ReaderDocument, paragraphs: string[]): KbDocument {
  return {
    id: doc.id,
    file: '',
    title: doc.title,
    outlet: doc.outlet,
    ...(doc.byline ? { author: doc.byline } : {}),
    date: doc.published ?? '',
    dateNote: ('dateNote' in doc && doc.dateNote) || (doc.published ? '' : 'The document gives no date.'),
    perspective: groupOf(doc).id,
    evidence: ('evidence' in doc && doc.evidence) || [],
    paragraphs,
  };
}

export async function readLiveKnowledge(db: BackstoryDb, reader: CorpusReader, search: string): Promise<LiveKnowledge> {
  const target = parseReaderSearch(search);
  const [perspectives, entities, matcher] = await Promise.all([corpusPerspectives(db), db.entities.toArray(), storedMatcher(db)]);
  const names = new Map(entities.map((e) => [e.id, e.name]));
  const groups = new Map<string, Perspective>(perspectives.map((p) => [p.id, p]));
  const group = (doc: DocumentLabel) => {
    const g = groupOf(doc);
    if (!groups.has(g.id)) groups.set(g.id, { ...g, description: '' });
  };
  let documents: KbDocument[] = [];
  const passages: Passage[] = [];
  if (target.doc) {
    const doc = await reader.getDocument(target.doc);
    if (doc) {
      group(doc);
      documents = [kbDocument(doc, doc.paragraphs)];
      const passage = target.passage ? await db.passages.get(target.passage) : undefined;
      if (passage && passage.doc === doc.id) passages.push({ id: passage.id, doc: passage.doc, para: passage.para, text: passage.text, entities: passage.entities });
    }
  } else {
    const all = await allDocuments(reader);
    all.forEach(group);
    documents = all.map((d) => kbDocument(d, []));
  }
  return {
    kb: { schemaVersion: KB_SCHEMA_VERSION, version: '', perspectives: [...groups.values()], documents, entities: [], passages },
    names,
    matcher,
  };
}
