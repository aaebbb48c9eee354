/**
 * Duplicates in an import's batch, found with a few queries for the whole batch instead of
 * five per document: the documents the batch's ids, addresses and texts name, and the owners of
 * its fingerprint probes (keys only, then each candidate's fingerprint once). A record repeats
 * what the store holds or an earlier record of the same batch, as `CorpusBuilder.duplicateOf`
 * would find it once the earlier ones were added.
 */
import { documentFingerprint, duplicateProbes, findDuplicate } from '../corpus/identity';
import type { Duplicate } from '../message-schemas';
import type { DocumentFingerprint } from '../recognition/types';
import type { BackstoryDb } from './db';
import { storedFingerprints } from './fingerprint-cache';

/** Script run at most this long before a waiting message (a card's read) is answered. */
const SLICE_MS = 20;

/** What a duplicate is recognised by. */
export interface IdentifiedRecord {
  id: string;
  canonicalUrl?: string;
  contentHash: string;
  title: string;
  paragraphs: readonly string[];
}

interface Known {
  id: string;
  title: string;
  canonicalUrl?: string;
}

/** For each record, in order: the document it repeats, or null. */
export async function batchDuplicates(db: BackstoryDb, records: readonly IdentifiedRecord[]): Promise<(Duplicate | null)[]> {
  if (records.length === 0) return [];
  const fingerprints = records.map((r) => documentFingerprint(r));
  const probes = fingerprints.map((fp) => duplicateProbes(fp));
  const urls = [...new Set(records.flatMap((r) => (r.canonicalUrl ? [r.canonicalUrl] : [])))];
  const hashes = [...new Set(records.map((r) => r.contentHash))];
  const allProbes = [...new Set(probes.flat())];
  const [byId, byUrl, byHash, owned] = await Promise.all([
    db.documents.bulkGet(records.map((r) => r.id)),
    urls.length ? db.documents.where('canonicalUrl').anyOf(urls).toArray() : [],
    db.documents.where('contentHash').anyOf(hashes).toArray(),
    // One key request per probe, all issued at once: `anyOf` walks a cursor one request per
    // key it finds, and a corpus telling one story shares each probe with more documents the
    // bigger it grows.
    Promise.all(allProbes.map((probe) => db.fingerprints.where('probes').equals(probe).primaryKeys())),
  ]);
  const owners = new Map<number, string[]>(allProbes.flatMap((probe, i) => (owned[i]!.length ? [[probe, owned[i]!]] : [])));
  // In index order, so the first kept is the one `.first()` would give: the lowest id.
  const storeUrl = firstBy(byUrl, (d) => d.canonicalUrl);
  const storeHash = firstBy(byHash, (d) => d.contentHash);
  const candidateIds = [...new Set([...owners.values()].flat())];
  const stored = await fingerprintsOf(db, candidateIds);

  // The batch's records kept so far, as the store will hold them.
  const kept = { byId: new Map<string, Known>(), byUrl: new Map<string, Known>(), byHash: new Map<string, Known>() };
  const keptProbes = new Map<number, number[]>();
  const results: (Duplicate | null)[] = [];
  let slice = performance.now();
  for (const [i, record] of records.entries()) {
    // Comparing fingerprints is the batch's longest stretch of script: a card waiting is answered between records.
    if (performance.now() - slice > SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      slice = performance.now();
    }
    const named = (doc: Known, reason: Duplicate['reason']): Duplicate => ({ doc: doc.id, title: doc.title, reason });
    const sameId = byId[i] ?? kept.byId.get(record.id);
    const url = record.canonicalUrl;
    let duplicate: Duplicate | null = null;
    if (sameId) duplicate = named(sameId, url && sameId.canonicalUrl === url ? 'address' : 'text');
    else if (url && (storeUrl.get(url) ?? kept.byUrl.get(url))) duplicate = named((storeUrl.get(url) ?? kept.byUrl.get(url))!, 'address');
    else if (storeHash.get(record.contentHash) ?? kept.byHash.get(record.contentHash)) {
      duplicate = named((storeHash.get(record.contentHash) ?? kept.byHash.get(record.contentHash))!, 'text');
    } else {
      const candidates = new Map<string, DocumentFingerprint>();
      for (const probe of probes[i]!) {
        for (const doc of owners.get(probe) ?? []) {
          const fp = stored.get(doc);
          if (fp) candidates.set(doc, fp);
        }
        for (const j of keptProbes.get(probe) ?? []) candidates.set(records[j]!.id, fingerprints[j]!);
      }
      const match = findDuplicate(fingerprints[i]!, candidates.values());
      if (match) {
        const doc = kept.byId.get(match.doc) ?? (await db.documents.get(match.doc));
        if (doc) duplicate = named(doc, match.kind);
      }
    }
    results.push(duplicate);
    if (duplicate) continue;
    const known: Known = { id: record.id, title: record.title, ...(url ? { canonicalUrl: url } : {}) };
    kept.byId.set(record.id, known);
    if (url) kept.byUrl.set(url, known);
    kept.byHash.set(record.contentHash, known);
    for (const probe of probes[i]!) {
      const list = keptProbes.get(probe);
      if (list) list.push(i);
      else keptProbes.set(probe, [i]);
    }
  }
  return results;
}

/** The stored fingerprints of these documents: from memory, the others read (and kept). */
async function fingerprintsOf(db: BackstoryDb, docs: readonly string[]): Promise<Map<string, DocumentFingerprint>> {
  const cache = storedFingerprints(db);
  const found = new Map<string, DocumentFingerprint>();
  const missing: string[] = [];
  for (const doc of docs) {
    const fp = cache.get(doc);
    if (fp) found.set(doc, fp);
    else missing.push(doc);
  }
  for (const row of await db.fingerprints.bulkGet(missing)) {
    if (!row) continue;
    const fp: DocumentFingerprint = { doc: row.doc, title: row.title, paragraphs: row.paragraphs };
    cache.set(fp);
    found.set(row.doc, fp);
  }
  return found;
}

function firstBy<T>(rows: readonly T[], key: (row: T) => string | undefined): Map<string, T> {
  const map = new Map<string, T>();
  for (const row of rows) {
    const k = key(row);
    if (k !== undefined && !map.has(k)) map.set(k, row);
  }
  return map;
}
