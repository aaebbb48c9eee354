/**
 * Blocks in the page's text: paragraphs, headings, cells and list items are kept apart by one
 * BLOCK_BREAK each (dom-page-text.ts reads a page that way, and a corpus document's paragraphs
 * are joined the same way: `documentText` in lib/kb/passages.ts). A saved highlight keeps that
 * form: a passage across two paragraphs is stored with the break between them, and shown,
 * exported and read as paragraphs. DOM-free.
 */
import { BLOCK_BREAK } from '../engine/alphabet';

/** The block of `text` holding `text[start, end)` (from the break before `start` to the one after `end`). */
export function blockAround(text: string, start: number, end: number): { start: number; end: number } {
  const before = text.lastIndexOf(BLOCK_BREAK, start - 1);
  const after = text.indexOf(BLOCK_BREAK, Math.max(start, end - 1));
  return { start: before + 1, end: after < 0 ? text.length : after };
}

/** A passage as the paragraphs it spans (one, for a passage inside a paragraph). */
export function paragraphsOf(passage: string): string[] {
  return passage.split(BLOCK_BREAK);
}

/** A passage on one line, paragraphs separated by a space (an excerpt, a label). */
export function oneLine(passage: string): string {
  return passage.replaceAll(BLOCK_BREAK, ' ');
}

/** A passage cut to `keep` characters for a label or a one-line excerpt, paragraphs run together with a space. */
export function excerpt(passage: string, keep: number): string {
  const line = oneLine(passage);
  return line.length > keep ? `${line.slice(0, keep)}…` : line;
}
