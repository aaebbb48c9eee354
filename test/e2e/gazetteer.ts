/**
 * The curated gazetteer, read straight from `data/gazetteer/*.json`, so tests name the entity a
 * card must show by its id and take its canonical name from the data rather than repeating it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GazetteerEntry } from '../../lib/kb/types';
import { ROOT } from './harness';

const GAZETTEER_DIR = join(ROOT, 'data', 'gazetteer');

let entries: Map<string, GazetteerEntry> | undefined;

function load(): Map<string, GazetteerEntry> {
  const byId = new Map<string, GazetteerEntry>();
  for (const file of readdirSync(GAZETTEER_DIR).filter((name) => name.endsWith('.json'))) {
    const parsed = JSON.parse(readFileSync(join(GAZETTEER_DIR, file), 'utf8')) as { entries?: GazetteerEntry[] };
    // contrasts.json sits beside the entry files but holds no entries.
    for (const entry of parsed.entries ?? []) byId.set(entry.id, entry);
  }
  return byId;
}

/** The gazetteer entry with this id; throws if the gazetteer has none (the test is then stale). */
export function gazetteerEntry(id: string): GazetteerEntry {
  entries ??= load();
  const entry = entries.get(id);
  if (!entry) throw new Error(`No entity "${id}" in data/gazetteer/*.json`);
  return entry;
}
