/**
 * The reader page reads the live knowledge base: a document the reader added opens with its
 * text and passages, labelled as cards label it; without a database it shows the bundled corpus.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { liveReaderKnowledgeBase } from '../../entrypoints/reader/live-corpus';
import { DB_NAME, openBackstoryDb } from '../../lib/storage/db';
import { EMPTY_READER_SOURCES } from '../../lib/recognition/sources';
import { starterKnowledgeBase } from '../../lib/storage/starter-knowledge-base';
import { newBuilder } from './builder-fixture';

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ sources: [], edits: EMPTY_READER_SOURCES, perspectives: [] });
});
afterEach(async () => {
  vi.restoreAllMocks();
  await Dexie.delete(DB_NAME);
});

describe('the reader page’s corpus', () => {
  it('opens an added document with its text and passages, its outlet unlabelled', async () => {
    const db = openBackstoryDb();
    const builder = newBuilder(db);
    const added = await builder.addDraft({
      title: 'Kadhimi in Baghdad',
      paragraphs: ['Mustafa al-Kadhimi met militia leaders in Baghdad.', 'He said the state alone decides.'],
      url: 'https://smallpaper.example/k',
      domain: 'smallpaper.example',
      outlet: 'The Small Paper',
      origin: { kind: 'page', url: 'https://smallpaper.example/k' },
    });
    db.close();
    const id = added.ok ? added.row.id : '';
    const kb = await liveReaderKnowledgeBase(starterKnowledgeBase, id);
    const doc = kb.documents.find((d) => d.id === id)!;
    expect(doc).toMatchObject({ title: 'Kadhimi in Baghdad', outlet: 'The Small Paper (smallpaper.example)', paragraphs: ['Mustafa al-Kadhimi met militia leaders in Baghdad.', 'He said the state alone decides.'] });
    expect(kb.perspectives.find((p) => p.id === doc.perspective)?.label).toBe('Perspective not labelled');
    expect(kb.passages.filter((p) => p.doc === id).length).toBeGreaterThan(0);
    expect(kb.documents).toHaveLength(starterKnowledgeBase.documents.length + 1);
  });

  it('shows the bundled corpus when the database has none', async () => {
    expect(await liveReaderKnowledgeBase(starterKnowledgeBase, undefined)).toBe(starterKnowledgeBase);
  });
});
