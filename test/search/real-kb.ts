/**
 * The real data, when it exists: the built knowledge base (`npm run corpus`) and the curated
 * gazetteer it is built from. Tests that use them skip without them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GazetteerEntry, KnowledgeBase } from '../../lib/kb/types';

const dataFile = (name: string) => fileURLToPath(new URL(`../../data/${name}`, import.meta.url));
const readJson = (name: string): unknown =>
  existsSync(dataFile(name)) ? JSON.parse(readFileSync(dataFile(name), 'utf8')) : undefined;

export const realKb = readJson('kb.json') as KnowledgeBase | undefined;

const gazetteerFiles = ['people', 'organizations', 'places', 'events'].map(
  (name) => readJson(`gazetteer/${name}.json`) as { entries: GazetteerEntry[] } | undefined,
);

/** Every curated entry, once all four gazetteer files exist. */
export const realGazetteer: GazetteerEntry[] | undefined = gazetteerFiles.every((f) => f !== undefined)
  ? gazetteerFiles.flatMap((f) => f!.entries)
  : undefined;
