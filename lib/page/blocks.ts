/**
 * Blocks in the page's text: paragraphs, headings, cells and list items are kept apart by one
 * BLOCK_BREAK each (dom-page-text.ts reads a page that way). The same form serves text that
 * never was a page — a corpus document's paragraphs in the reader — and what a saved highlight
 * keeps: a passage across two paragraphs is stored with the break between them and shown as two
 * paragraphs. DOM-free.
 */
import { BLOCK_BREAK } from '../engine/alphabet';

export { BLOCK_BREAK };

/** Blocks joined the way a page's text joins them, with each block's offset in the text. */
export function joinBlocks(blocks: readonly string[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let at = 0;
  for (const block of blocks) {
    starts.push(at);
    at += block.length + BLOCK_BREAK.length;
  }
  return { text: blocks.join(BLOCK_BREAK), starts };
}

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
