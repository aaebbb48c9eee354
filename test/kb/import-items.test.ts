// Import items: a corpus pack travels to the builder as its header and then one item per
// document carrying that document's derived rows; batches stay under the message limits and
// keep the reader's order.
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { parsePack } from '../../lib/corpus/pack';
import { importBatches, itemChars, packImportItems } from '../../lib/kb/import-items';
import { importBatchSchema, type ImportItem } from '../../lib/message-schemas';
import { fixtureText } from '../corpus/saved-pages';

function samplePack() {
  const parsed = parsePack(fixtureText('packs/sample-pack.json'));
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.pack;
}

describe('packImportItems', () => {
  it('sends the header first, then each document with its own derived rows', () => {
    const pack = samplePack();
    const items = packImportItems(pack, 'sample-pack.json');
    expect(items[0]).toMatchObject({ kind: 'pack', header: { id: pack.id, extractionKey: pack.derived!.extractionKey } });
    const first = items[0]!;
    expect(first.kind === 'pack' && 'documents' in first.header).toBe(false);
    const docs = items.slice(1);
    expect(docs.map((i) => (i.kind === 'pack-document' ? i.document.id : ''))).toEqual(pack.documents.map((d) => d.id));
    for (const item of docs) {
      if (item.kind !== 'pack-document') throw new Error('expected documents after the header');
      const id = item.document.id;
      expect(item.derived?.fingerprint.doc).toBe(id);
      expect(item.derived?.passages).toEqual(pack.derived!.passages.filter((p) => p.doc === id));
      expect(item.derived?.mentions).toEqual(pack.derived!.mentions.filter((m) => m.doc === id));
    }
    // What the page sends is what the background accepts.
    expect(v.safeParse(importBatchSchema, items).success).toBe(true);
  });

  it('leaves the derived rows out when the pack has none', () => {
    const { derived: _derived, ...pack } = samplePack();
    const items = packImportItems(pack, 'p.json');
    expect(items.slice(1).every((i) => i.kind === 'pack-document' && i.derived === undefined)).toBe(true);
  });
});

describe('importBatches', () => {
  const draft = (n: number, chars: number): ImportItem => ({
    kind: 'draft',
    name: `file-${n}.txt`,
    draft: { title: `Doc ${n}`, paragraphs: ['x'.repeat(chars)], origin: { kind: 'file', name: `file-${n}.txt`, format: 'txt' } },
  });

  it('cuts by count and by text, in order, never leaving an item out', () => {
    const items = Array.from({ length: 25 }, (_, i) => draft(i, 100 + i));
    const batches = importBatches(items, { items: 10, chars: 500 });
    expect(batches.flat()).toEqual(items);
    for (const batch of batches) {
      expect(batch.length).toBeLessThanOrEqual(10);
      expect(batch.reduce((n, i) => n + itemChars(i), 0)).toBeLessThanOrEqual(500);
    }
  });

  it('gives an item larger than the limit a batch of its own', () => {
    const batches = importBatches([draft(1, 10), draft(2, 900), draft(3, 10)], { items: 10, chars: 500 });
    expect(batches.map((b) => b.length)).toEqual([1, 1, 1]);
  });
});
