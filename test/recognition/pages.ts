/**
 * The recognition fixtures: the local pages under test/pages/recognition/ (also served to the
 * e2e test), read with the content script's own text extraction.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { readPageText } from '../../lib/page/dom-page-text';
import kbJson from '../../data/kb.json';
import type { KnowledgeBase } from '../../lib/kb/types';

export const kb = kbJson as unknown as KnowledgeBase;
export const RECOGNITION_PAGES = join(import.meta.dirname, '../pages/recognition');

/** The page's visible text as the content script reads it (BLOCK_BREAK between blocks). */
export function pageText(name: string): string {
  const window = new Window();
  window.document.write(readFileSync(join(RECOGNITION_PAGES, name), 'utf8'));
  const text = readPageText(window.document.body as unknown as Node).text;
  void window.happyDOM.close();
  return text;
}

export function pagesStartingWith(prefix: string): string[] {
  return readdirSync(RECOGNITION_PAGES).filter((f) => f.startsWith(prefix) && f.endsWith('.html')).sort();
}

export function documentById(id: string) {
  const d = kb.documents.find((doc) => doc.id === id);
  if (!d) throw new Error(`no document ${id}`);
  return d;
}
