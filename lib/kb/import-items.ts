/**
 * What an import sends the builder, cut to fit messages: a corpus pack as its header followed by
 * one item per document (with that document's derived rows, when the pack has them), and any
 * list of items as batches under MAX_IMPORT_BATCH_ITEMS items and MAX_IMPORT_BATCH_CHARS of
 * text (Chrome refuses a message over 64 MiB). DOM-free; *Your documents* calls these.
 */
import { packHeaderDerived, type CorpusPack } from '../corpus/pack';
import { MAX_IMPORT_BATCH_CHARS, MAX_IMPORT_BATCH_ITEMS } from '../corpus/limits';
import type { ImportItem } from '../message-schemas';

/** A pack as import items: its header first, then its documents in the pack's order. */
export function packImportItems(pack: CorpusPack, name: string): ImportItem[] {
  const { documents, derived, ...rest } = pack;
  const header = derived ? { ...rest, ...packHeaderDerived(derived) } : rest;
  const byDoc = <T extends { doc: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.doc, [...(map.get(row.doc) ?? []), row]);
    return map;
  };
  const passages = byDoc(derived?.passages ?? []);
  const mentions = byDoc(derived?.mentions ?? []);
  const fingerprints = new Map((derived?.fingerprints ?? []).map((f) => [f.doc, f]));
  const items: ImportItem[] = [{ kind: 'pack', name, header }];
  for (const document of documents) {
    const fingerprint = fingerprints.get(document.id);
    items.push({
      kind: 'pack-document',
      name,
      pack: pack.id,
      document,
      // Rows are only of use whole: a document with no fingerprint in the pack is read again.
      ...(derived && fingerprint
        ? { derived: { passages: passages.get(document.id) ?? [], mentions: mentions.get(document.id) ?? [], fingerprint } }
        : {}),
    });
  }
  return items;
}

/** The text an item carries, as the batch check counts it. */
export function itemChars(item: ImportItem): number {
  if (item.kind === 'refused') return item.reason.length;
  if (item.kind === 'pack') return 0;
  const doc = item.kind === 'draft' ? item.draft : item.document;
  let chars = 0;
  for (const p of doc.paragraphs) chars += p.length;
  if (item.kind === 'pack-document') for (const p of item.derived?.passages ?? []) chars += p.text.length;
  return chars;
}

/** Items in order, cut into batches that each fit one `corpus/import-batch` message. */
export function importBatches(
  items: readonly ImportItem[],
  limits: { items: number; chars: number } = { items: MAX_IMPORT_BATCH_ITEMS, chars: MAX_IMPORT_BATCH_CHARS },
): ImportItem[][] {
  const batches: ImportItem[][] = [];
  let batch: ImportItem[] = [];
  let chars = 0;
  for (const item of items) {
    const size = itemChars(item);
    if (batch.length > 0 && (batch.length >= limits.items || chars + size > limits.chars)) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(item);
    chars += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
