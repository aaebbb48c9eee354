/**
 * The reader page reads the live knowledge base: a document the reader added opens with its
 * text and the passage its link names, under its outlet's group when nobody labelled it; the list
 * holds the starter corpus and the added document; the marks' names and the matcher are the store's.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { readLiveKnowledge } from '../../entrypoints/reader/live-knowledge';
import { openCorpusReader } from '../../lib/storage/corpus-reader';
import { shippedSources } from '../../lib/storage/shipped-sources';
import { DB_NAME, openBackstoryDb } from '../../lib/storage/db';
import { EMPTY_READER_SOURCES } from '../../lib/recognition/sources';
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
    const id = added.ok ? added.row.id : '';
    const reader = openCorpusReader(db, { shipped: shippedSources, edits: async () => EMPTY_READER_SOURCES });
    const [passage] = await db.passages.where('doc').equals(id).toArray();
    const live = await readLiveKnowledge(db, reader, `?doc=${id}&passage=${encodeURIComponent(passage!.id)}`);
    const doc = live.kb.documents.find((d) => d.id === id)!;
    expect(doc).toMatchObject({ title: 'Kadhimi in Baghdad', outlet: 'The Small Paper', paragraphs: ['Mustafa al-Kadhimi met militia leaders in Baghdad.', 'He said the state alone decides.'] });
    expect(live.kb.perspectives.find((p) => p.id === doc.perspective)?.label).toBe('Perspective not labelled');
    expect(live.kb.passages).toEqual([expect.objectContaining({ id: passage!.id, doc: id })]);
    expect(live.names.get('mustafa-al-kadhimi')).toBe('Mustafa al-Kadhimi');
    expect(live.matcher).toBeDefined();

    const list = await readLiveKnowledge(db, reader, '');
    expect(list.kb.documents.map((d) => d.id)).toContain(id);
    expect(list.kb.documents.length).toBeGreaterThan(1);
    db.close();
  });

  it('finds no document under an id the store does not have', async () => {
    const db = openBackstoryDb();
    const reader = openCorpusReader(db, { shipped: shippedSources, edits: async () => EMPTY_READER_SOURCES });
    await newBuilder(db).ready();
    expect((await readLiveKnowledge(db, reader, '?doc=no-such-document')).kb.documents).toEqual([]);
    db.close();
  });
});
