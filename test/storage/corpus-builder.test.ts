/**
 * The builder on the device, over a real (fake-indexeddb) database and the real starter pack:
 * first run, adding documents (searchable, quoted on cards, labelled by outlet), duplicates by
 * address, text and fingerprint, removing (highlights stay), the starter corpus removed,
 * restored and upgraded without touching the reader's documents, and imports through the
 * journal: a restart resumes them, a silent page is reported, a full disk stops them whole.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DocumentDraft } from '../../lib/corpus/draft';
import { STARTER_PACK_ID } from '../../lib/kb/corpus-pack';
import { buildCardData } from '../../lib/card-data';
import { documentSummary, openCorpusReader } from '../../lib/storage/corpus-reader';
import { openBackstoryDb, type BackstoryDb } from '../../lib/storage/db';
import { cardSource, mentionCount } from '../../lib/storage/kb-reader';
import { SILENT_IMPORT_MS } from '../../lib/storage/import-journal';
import { shippedSources } from '../../lib/storage/shipped-sources';
import { EMPTY_READER_SOURCES } from '../../lib/recognition/sources';
import { queryTerms } from '../../lib/search/terms';
import kbJson from '../../data/kb.json';
import type { KnowledgeBase } from '../../lib/kb/types';
import { newBuilder, starterPack } from './builder-fixture';

let db: BackstoryDb;
let n = 0;
beforeEach(() => {
  db = openBackstoryDb(`builder-test-${++n}`);
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const reader = () => openCorpusReader(db, { shipped: shippedSources, edits: () => Promise.resolve(EMPTY_READER_SOURCES) });

function draft(overrides: Partial<DocumentDraft> = {}): DocumentDraft {
  return {
    title: 'Kadhimi meets militia leaders in Baghdad',
    paragraphs: [
      'Prime Minister Mustafa al-Kadhimi met the leaders of several armed factions in Baghdad on Sunday, his office said.',
      'Kadhimi told them that the state alone would decide on war and peace, and that rocket attacks on the Green Zone had to stop.',
      'The Popular Mobilization Units, an umbrella of mostly Shiite militias, did not comment on the meeting.',
      'Analysts said the talks were a test of whether the new government could rein in groups close to Tehran.',
    ],
    url: 'https://smallpaper.example/world/kadhimi-militias?utm_source=feed',
    domain: 'smallpaper.example',
    outlet: 'The Small Paper',
    published: '2020-07-05',
    origin: { kind: 'page', url: 'https://smallpaper.example/world/kadhimi-militias' },
    ...overrides,
  };
}

const labels = async () => reader().labels();

describe('first run', () => {
  it('installs the starter corpus with the rows its pack carries, and labels seed 000 by its curated outlet', async () => {
    const builder = newBuilder(db);
    await builder.ready();
    expect(await db.documents.count()).toBe(starterPack.documents.length);
    expect(await db.packs.get(STARTER_PACK_ID)).toMatchObject({ starter: true, header: { title: 'Starter corpus: the US–Iraq talks, 2020' } });
    // The device's matcher has the key the pack's rows were computed with: they were used as they are.
    expect((await db.documents.toArray()).every((d) => d.extractionKey === starterPack.derived!.extractionKey)).toBe(true);
    const stored = (await db.mentions.toArray()).map(({ rank: _r, ...m }) => m).sort((a, b) => `${a.entity}|${a.doc}`.localeCompare(`${b.entity}|${b.doc}`));
    const shipped = [...starterPack.derived!.mentions].sort((a, b) => `${a.entity}|${a.doc}`.localeCompare(`${b.entity}|${b.doc}`));
    expect(stored).toEqual(shipped);
    const seed000 = (await db.documents.get('regime-fears-talks'))!;
    expect(documentSummary(seed000, await labels())).toMatchObject({ outlet: 'Unnamed Iranian-opposition site', perspective: { id: 'iranian-opposition' } });
  });
});

describe('automatic contrasts from the pack', () => {
  it('a card from the store shows, after the curated ones, the contrasts and disagreements the builder found for the entity', async () => {
    await newBuilder(db).ready();
    const kb = kbJson as unknown as KnowledgeBase;
    const built = kb.entities.find((e) => e.id === 'us-iraq-strategic-dialogue')!;
    expect(built.automaticContrasts?.length).toBeGreaterThan(0);
    expect(built.automaticDisagreements?.length).toBeGreaterThan(0);
    const source = (await cardSource(db, built.id, await labels()))!;
    const card = buildCardData(source, built.id, () => 'reader', 6)!;
    const automatic = card.contrasts!.filter((c) => c.origin === 'automatic');
    expect(automatic.map((c) => c.id)).toEqual(built.automaticContrasts!.map((c) => c.id));
    expect(automatic[0]!.positions.map((p) => p.doc)).toEqual(built.automaticContrasts![0]!.positions.map((p) => p.doc));
    expect(card.disagreements!.filter((d) => d.origin === 'automatic').map((d) => d.id)).toEqual(built.automaticDisagreements!.map((d) => d.id));
    // An entity the builder found nothing for gets none.
    const plain = kb.entities.find((e) => !e.automaticContrasts && !e.automaticDisagreements && e.accounts.length > 0)!;
    const plainCard = buildCardData((await cardSource(db, plain.id, await labels()))!, plain.id, () => 'reader', 6)!;
    expect((plainCard.contrasts ?? []).filter((c) => c.origin === 'automatic')).toEqual([]);
  });
});

describe('adding a document', () => {
  it('makes it searchable and quoted on cards at once, its outlet unlabelled', async () => {
    const builder = newBuilder(db);
    await builder.ready();
    const before = (await cardSource(db, 'mustafa-al-kadhimi', await labels()))!.documentCount!;
    const added = await builder.addDraft(draft());
    expect(added.ok).toBe(true);
    const row = added.ok ? added.row : undefined!;
    expect(row.canonicalUrl).toBe('https://smallpaper.example/world/kadhimi-militias');
    expect(documentSummary(row, await labels())).toMatchObject({ outlet: 'The Small Paper', domain: 'smallpaper.example', perspective: null, perspectiveFrom: 'none' });
    // Lookup's index: its passages by their words.
    const found = await db.passages.where('terms').equals(queryTerms('Baghdad')[0]!).toArray();
    expect(found.map((p) => p.doc)).toContain(row.id);
    // Cards: one more document mentions Kadhimi, and its account is grouped by its outlet.
    const source = (await cardSource(db, 'mustafa-al-kadhimi', await labels()))!;
    expect(source.documentCount).toBe(before + 1);
    const card = buildCardData(source, 'mustafa-al-kadhimi', () => 'reader', 6)!;
    const account = card.accounts.find((a) => a.doc === row.id);
    expect(account).toMatchObject({ outlet: 'The Small Paper (smallpaper.example)', perspective: { label: 'Perspective not labelled' } });
    expect(builder.changes.at(-1)).toMatchObject({ added: [row.id], matcherChanged: false });
    // The reader page reads it whole.
    expect((await reader().getDocument(row.id))?.paragraphs).toEqual(draft().paragraphs);
  });

  it('does not add a document twice: same address, same text, or a copy by fingerprint', async () => {
    const builder = newBuilder(db);
    const first = await builder.addDraft(draft());
    expect(first.ok).toBe(true);
    const id = first.ok ? first.row.id : '';
    const sameAddress = await builder.addDraft(draft({ title: 'Another headline', paragraphs: ['Different words entirely, about something else.'], url: 'https://smallpaper.example/world/kadhimi-militias#comments' }));
    expect(sameAddress).toMatchObject({ ok: false, duplicate: { doc: id, reason: 'address' } });
    const sameText = await builder.addDraft(draft({ url: 'https://mirror.example/copy', domain: 'mirror.example' }));
    expect(sameText).toMatchObject({ ok: false, duplicate: { doc: id, reason: 'text' } });
    const trimmed = draft().paragraphs.slice(0, 3);
    const copy = await builder.addDraft(draft({ url: 'https://aggregator.example/x', domain: 'aggregator.example', paragraphs: trimmed }));
    expect(copy).toMatchObject({ ok: false, duplicate: { doc: id } });
    if (!copy.ok) expect(copy.reason).toMatch(/^Already in your documents: “Kadhimi meets militia leaders in Baghdad”/);
    // A starter document pasted as a file is the starter document.
    const seed = starterPack.documents[2]!;
    const again = await builder.addDraft({ title: seed.title, paragraphs: seed.paragraphs, origin: { kind: 'file', name: 'seed.txt', format: 'txt' } });
    expect(again).toMatchObject({ ok: false, duplicate: { doc: seed.id } });
    expect(await db.documents.count()).toBe(starterPack.documents.length + 1);
  });

  it('refuses a malformed draft with the reason and changes nothing', async () => {
    const builder = newBuilder(db);
    await builder.ready();
    const before = await db.documents.count();
    expect(await builder.addDraft({ ...draft(), paragraphs: [] })).toMatchObject({ ok: false });
    expect(await builder.addDraft({ title: 'x' })).toMatchObject({ ok: false, reason: expect.any(String) });
    expect(await db.documents.count()).toBe(before);
  });
});

describe('removing', () => {
  it('takes a document’s passages, mentions and fingerprint everywhere, and leaves highlights', async () => {
    const builder = newBuilder(db);
    const added = await builder.addDraft(draft());
    const id = added.ok ? added.row.id : '';
    await db.highlights.add({ id: 'h1', url: 'https://smallpaper.example/world/kadhimi-militias', canonicalUrl: 'https://smallpaper.example/world/kadhimi-militias', title: 't', quote: 'Kadhimi', prefix: '', suffix: '', start: 0, end: 7, note: '', entities: ['mustafa-al-kadhimi'], createdAt: 1, updatedAt: 1, tags: [], site: 'smallpaper.example' });
    const mentionsBefore = await mentionCount(db, 'mustafa-al-kadhimi');
    expect(await builder.remove([id, 'no-such-document'])).toBe(1);
    expect(await db.passages.where('doc').equals(id).count()).toBe(0);
    expect(await db.fingerprints.get(id)).toBeUndefined();
    expect(await db.texts.get(id)).toBeUndefined();
    expect(await mentionCount(db, 'mustafa-al-kadhimi')).toBe(mentionsBefore - 1);
    expect(await db.highlights.count()).toBe(1);
    // Told to the others (learning names may tell them more after).
    expect(builder.changes).toContainEqual(expect.objectContaining({ removed: [id] }));
    // Removed, it can be added again.
    expect((await builder.addDraft(draft())).ok).toBe(true);
  });
});

describe('the starter corpus', () => {
  it('is removed and restored from the shipped copy, and upgraded by its pack version without touching the reader’s documents', async () => {
    let shipped = starterPack;
    const builder = newBuilder(db, undefined, undefined, () => shipped);
    const mine = await builder.addDraft(draft());
    const myId = mine.ok ? mine.row.id : '';
    const removed = await builder.setStarter(false);
    expect(removed).toMatchObject({ removed: true, starter: true });
    expect(await db.documents.where('pack').equals(STARTER_PACK_ID).count()).toBe(0);
    expect(await db.documents.get(myId)).toBeDefined();
    expect(await reader().packs()).toEqual([expect.objectContaining({ id: STARTER_PACK_ID, installed: false, documents: 0 })]);
    // Cards no longer quote it, nor state curated facts whose every cite was to it.
    const card = (await cardSource(db, 'mustafa-al-kadhimi', await labels()))!;
    expect(card.entities[0]!.accounts.map((a) => a.doc)).toEqual([myId]);
    expect(card.entities[0]!.background).toEqual([]);

    await builder.setStarter(true);
    expect(await db.documents.where('pack').equals(STARTER_PACK_ID).count()).toBe(starterPack.documents.length);

    // A newer starter pack with one document fewer and one retitled.
    shipped = { ...starterPack, packVersion: starterPack.packVersion + 1, documents: starterPack.documents.slice(1).map((d, i) => (i === 0 ? { ...d, title: 'Retitled' } : d)) };
    await builder.upgrade();
    expect(await db.documents.where('pack').equals(STARTER_PACK_ID).count()).toBe(starterPack.documents.length - 1);
    expect((await db.documents.get(starterPack.documents[1]!.id))?.title).toBe('Retitled');
    expect(await db.documents.get(myId)).toBeDefined();
    expect((await db.packs.get(STARTER_PACK_ID))?.header.packVersion).toBe(starterPack.packVersion + 1);
  });
});

describe('imports', () => {
  // Distinct articles: words drawn at random per story, so no two share text (they would be copies).
  const WORDS = 'officials said the talks on troops oil budget elections border water power rockets drones parliament ministers courts protests wages bank reform dinar market port trade militias envoy summit ceasefire aid refugees schools hospitals roads floods drought harvest prices fuel grid corruption inquiry verdict appeal treaty pipeline customs airport railway'.split(' ');
  const story = (i: number) => {
    let seed = i * 7919 + 13;
    const word = () => WORDS[(seed = (seed * 48271) % 2147483647) % WORDS.length]!;
    const sentence = () => `${Array.from({ length: 24 }, word).join(' ')}.`;
    return [`Mustafa al-Kadhimi spoke in Baghdad about story ${i}. ${sentence()}`, sentence(), sentence()];
  };
  const items = (k: number) =>
    Array.from({ length: k }, (_, i) => ({
      kind: 'draft' as const,
      name: 'articles.jsonl',
      line: i + 1,
      draft: draft({ title: `Story ${i}`, url: `https://smallpaper.example/story-${i}`, paragraphs: story(i) }),
    }));

  it('builds what arrives and sums it up: added, duplicates, refused by name', async () => {
    const builder = newBuilder(db);
    await builder.ready();
    const started = await builder.startImport(5, 'drop', ['articles.jsonl', 'photo.png']);
    await builder.receive(started.id, [...items(3), { kind: 'refused', name: 'photo.png', reason: 'not a document' }, { ...items(1)[0]!, line: 9 }]);
    await builder.endImport(started.id);
    await builder.kick();
    const [status] = await builder.importStatus(started.id);
    expect(status).toMatchObject({ state: 'done', added: 3, duplicates: 1, refused: 1, notAdded: 0, processed: 5 });
    expect(status!.refusedList).toEqual([{ name: 'photo.png', reason: 'not a document' }]);
    expect(status!.duplicateList).toEqual([expect.objectContaining({ name: 'articles.jsonl', line: 9, reason: 'address' })]);
    expect(builder.progress.at(-1)).toMatchObject({ id: started.id, state: 'done' });
  });

  it('resumes after a restart with what was journalled, and names the files that never arrived', async () => {
    const first = newBuilder(db);
    await first.ready();
    const started = await first.startImport(4, 'drop', ['a.jsonl', 'b.html']);
    // Journalled, then the worker is killed before building.
    await db.transaction('rw', db.imports, db.importItems, async () => {
      const row = (await db.imports.get(started.id))!;
      await db.importItems.bulkAdd(items(2).map((item, seq) => ({ import: started.id, seq, status: 'pending' as const, item: { ...item, name: 'a.jsonl' } })));
      await db.imports.put({ ...row, received: 2, nextSeq: 2, arrivedFiles: ['a.jsonl'] });
    });
    const restarted = newBuilder(db);
    await restarted.kick();
    expect(await db.documents.count()).toBe(starterPack.documents.length + 2);
    // The page went silent without sending b.html: after a while the import says so.
    const later = new (await import('../../lib/storage/corpus-builder')).CorpusBuilder({
      db,
      starterPack: () => Promise.resolve(starterPack),
      matcherConfig: {},
      onChange: () => undefined,
      onImportProgress: () => undefined,
      now: () => Date.now() + SILENT_IMPORT_MS + 1,
    });
    const [status] = await later.importStatus(started.id);
    expect(status).toMatchObject({ state: 'interrupted', added: 2, notAdded: 2, notAddedList: [{ name: 'b.html' }] });
  });

  it('stops whole when storage is full: every document before it complete, none half-written', async () => {
    const builder = newBuilder(db);
    await builder.ready();
    // The disk fills at the third story: its text, and every later one, does not fit.
    db.texts.hook('creating', (_key, text) => {
      if (Number(/about story (\d+)\./.exec(text.paragraphs[0] ?? '')?.[1] ?? -1) >= 2) throw new DOMException('quota', 'QuotaExceededError');
    });
    const started = await builder.startImport(4);
    await builder.receive(started.id, items(4));
    await builder.endImport(started.id);
    await builder.kick();
    const [status] = await builder.importStatus(started.id);
    expect(status).toMatchObject({ state: 'stopped', added: 2, notAdded: 2 });
    expect(status!.error).toMatch(/storage is full/i);
    const mine = await db.documents.where('domain').equals('smallpaper.example').toArray();
    expect(mine).toHaveLength(2);
    for (const doc of mine) {
      expect(await db.texts.get(doc.id)).toBeDefined();
      expect(await db.passages.where('doc').equals(doc.id).count()).toBeGreaterThan(0);
      expect(await db.fingerprints.get(doc.id)).toBeDefined();
    }
    // The one that failed left nothing behind.
    expect(await db.passages.count()).toBe((await db.passages.where('doc').anyOf([...starterPack.documents.map((d) => d.id), ...mine.map((d) => d.id)]).count()));
  });

  it('finds the duplicates inside one batch: the same address, the same text', async () => {
    const builder = newBuilder(db);
    await builder.ready();
    const [a, b] = items(2);
    const started = await builder.startImport(4);
    await builder.receive(started.id, [
      a!,
      b!,
      { ...a!, line: 3, draft: { ...a!.draft, title: 'Story 0 again' } },
      { ...b!, line: 4, draft: { ...b!.draft, url: 'https://elsewhere.example/copy', domain: 'elsewhere.example' } },
    ]);
    await builder.endImport(started.id);
    await builder.kick();
    const [status] = await builder.importStatus(started.id);
    expect(status).toMatchObject({ state: 'done', added: 2, duplicates: 2 });
    expect(status!.duplicateList.map((d) => [d.line, d.reason, d.title])).toEqual([
      [3, 'address', 'Story 0'],
      [4, 'text', 'Story 1'],
    ]);
    expect(await db.documents.where('domain').equals('smallpaper.example').count()).toBe(2);
  });

  it('a document removed and imported again with other text is compared by its new text', async () => {
    const builder = newBuilder(db);
    await builder.ready();
    const importing = async (list: ReturnType<typeof items>) => {
      const started = await builder.startImport(list.length);
      await builder.receive(started.id, list);
      await builder.endImport(started.id);
      await builder.kick();
      return (await builder.importStatus(started.id))[0]!;
    };
    const [first, second] = items(2);
    expect(await importing([first!, second!])).toMatchObject({ added: 2 });
    const id = (await db.documents.where('canonicalUrl').equals('https://smallpaper.example/story-0').first())!.id;
    await builder.remove([id]);
    // The same address, another story: the same document id, another text.
    const rewritten = { ...first!, draft: { ...first!.draft, paragraphs: story(50) } };
    const unrelated = items(8)[7]!;
    expect(await importing([rewritten, unrelated])).toMatchObject({ added: 2 });
    // A copy of the new text elsewhere, with a line of its own, is that document; a copy of the old one is new.
    const copyOf = (paragraphs: string[], n: number) => ({
      ...unrelated,
      line: n,
      draft: { ...unrelated.draft, title: `Copy ${n}`, url: `https://elsewhere.example/copy-${n}`, domain: 'elsewhere.example', paragraphs: [...paragraphs, 'A line of our own.'] },
    });
    const status = await importing([copyOf(story(50), 1), copyOf(story(0), 2)]);
    expect(status).toMatchObject({ added: 1, duplicates: 1 });
    expect(status.duplicateList).toEqual([expect.objectContaining({ line: 1, doc: id })]);
  });

  it('a batch is written whole or not at all: a worker killed in the middle of one leaves no half document, and the next start adds the rest once', async () => {
    const builder = newBuilder(db);
    await builder.ready();
    // The worker dies while story 5's text is being written: the database connection goes with it.
    db.texts.hook('creating', (_key, text) => {
      if (/about story 5\./.test(text.paragraphs[0] ?? '')) {
        db.close();
        throw new Error('killed');
      }
    });
    const started = await builder.startImport(10);
    await builder.receive(started.id, items(10));
    await builder.endImport(started.id);
    await builder.kick();

    const again = openBackstoryDb(db.name);
    try {
      const mine = await again.documents.where('domain').equals('smallpaper.example').toArray();
      // Story 4 was written in the same transaction as story 5: it is gone with it.
      expect(mine.length).toBeLessThan(5);
      for (const doc of mine) {
        expect(await again.texts.get(doc.id)).toBeDefined();
        expect(await again.fingerprints.get(doc.id)).toBeDefined();
        expect(await again.passages.where('doc').equals(doc.id).count()).toBeGreaterThan(0);
      }
      const ids = [...starterPack.documents.map((d) => d.id), ...mine.map((d) => d.id)];
      expect(await again.passages.count()).toBe(await again.passages.where('doc').anyOf(ids).count());
      expect(await again.texts.count()).toBe(ids.length);
      expect(await again.importItems.where('import').equals(started.id).count()).toBe(10 - mine.length);

      await newBuilder(again).kick();
      const [status] = await newBuilder(again).importStatus(started.id);
      expect(status).toMatchObject({ state: 'done', added: 10, duplicates: 0, notAdded: 0, processed: 10 });
      const titles = (await again.documents.where('domain').equals('smallpaper.example').toArray()).map((d) => d.title).sort();
      expect(titles).toEqual(items(10).map((i) => i.draft.title).sort());
    } finally {
      again.close();
    }
  });

  it('cancelling keeps what was added and lists what was not; a dismissed import is forgotten', async () => {
    const builder = newBuilder(db);
    await builder.ready();
    const started = await builder.startImport(3);
    await db.transaction('rw', db.imports, db.importItems, async () => {
      const row = (await db.imports.get(started.id))!;
      await db.importItems.bulkAdd(items(3).map((item, seq) => ({ import: started.id, seq, status: 'pending' as const, item })));
      await db.imports.put({ ...row, received: 3, nextSeq: 3 });
    });
    const cancelled = await builder.cancelImport(started.id);
    expect(cancelled).toMatchObject({ state: 'cancelled', added: 0, notAdded: 3 });
    expect(cancelled.notAddedList.map((x) => x.line)).toEqual([1, 2, 3]);
    expect(await builder.dismissImport(started.id)).toBe(true);
    expect(await builder.importStatus(started.id)).toEqual([]);
  });
});

describe('reading the corpus on extension pages', () => {
  it('lists every document labelled, finds them by title words, and exports a pack that imports back to the same store', async () => {
    const builder = newBuilder(db);
    const added = await builder.addDraft(draft());
    const id = added.ok ? added.row.id : '';
    const all = await reader().allDocuments();
    expect(all.map((d) => d.id)).toEqual([id, ...starterPack.documents.map((d) => d.id).reverse()]);
    expect((await reader().listDocuments({ query: 'militia lead' })).documents.map((d) => d.id)).toEqual([id]);
    const exported = await reader().exportPack();
    expect(exported.documents).toBe(starterPack.documents.length + 1);

    // Into a fresh profile: the same documents, passages and mentions.
    const other = openBackstoryDb(`builder-test-import-${n}`);
    try {
      const fresh = newBuilder(other);
      await fresh.ready();
      await fresh.setStarter(false);
      const { parsePack } = await import('../../lib/corpus/pack');
      const { packImportItems } = await import('../../lib/kb/import-items');
      const parsed = parsePack(exported.text);
      expect(parsed.ok).toBe(true);
      const packItems = packImportItems(parsed.ok ? parsed.pack : undefined!, exported.filename);
      const started = await fresh.startImport(packItems.length);
      await fresh.receive(started.id, packItems);
      await fresh.endImport(started.id);
      await fresh.kick();
      const rows = async (d: BackstoryDb) => ({
        docs: (await d.documents.toArray()).map((r) => [r.id, r.title, r.contentHash, r.names]).sort(),
        passages: (await d.passages.toArray()).map((p) => p.id).sort(),
        mentions: (await d.mentions.toArray()).map((m) => `${m.entity}|${m.doc}|${m.count}|${m.passages.join(',')}`).sort(),
      });
      expect(await rows(other)).toEqual(await rows(db));
    } finally {
      other.close();
      await Dexie.delete(other.name);
    }
  });
});
