/**
 * Highlights the database refused (storage full), kept in `browser.storage.local` — a separate
 * store from IndexedDB — so a reader who closes the page's "Not saved" notice still loses
 * nothing: every later save and every opening of the popup's list retries them first.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { highlightRowSchema } from '../../lib/highlights/json';
import type { HighlightRow } from '../../lib/storage/types';

export const UNSAVED_KEY = 'unsavedHighlights';
/** Bounded: a disk that stays full must not grow this without end either. */
const MAX_UNSAVED = 200;

export async function loadUnsaved(): Promise<HighlightRow[]> {
  const stored = (await browser.storage.local.get(UNSAVED_KEY))[UNSAVED_KEY];
  const parsed = v.safeParse(v.array(highlightRowSchema), stored ?? []);
  return parsed.success ? parsed.output : [];
}

export async function keepUnsaved(row: HighlightRow): Promise<void> {
  const rows = (await loadUnsaved()).filter((r) => r.id !== row.id);
  rows.push(row);
  await browser.storage.local.set({ [UNSAVED_KEY]: rows.slice(-MAX_UNSAVED) });
}

/** Try to write every kept highlight; those written leave the list. Returns how many remain. */
export async function retryUnsaved(write: (row: HighlightRow) => Promise<unknown>): Promise<number> {
  const rows = await loadUnsaved();
  if (rows.length === 0) return 0;
  const remaining: HighlightRow[] = [];
  for (const row of rows) {
    try {
      await write(row);
    } catch {
      remaining.push(row);
    }
  }
  await browser.storage.local.set({ [UNSAVED_KEY]: remaining });
  return remaining.length;
}
