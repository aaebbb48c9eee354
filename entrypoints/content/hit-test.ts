/**
 * Which mention is under the pointer: the caret position at the point (a text node and an
 * offset) looked up in the per-node mention index, then confirmed against that one mention's
 * rectangles (the caret snaps to the nearest text even when the pointer is in a margin).
 * Never `highlightsFromPoint` and never the rectangles of every range: both grow with the
 * number of mentions (PERFORMANCE.md).
 */
import { pointInRects } from '../../components/card/position';
import type { MentionIndex } from './mention-index';
import { mentionRects, type SpottedMention } from './spotted';

interface CaretPoint {
  node: Node;
  offset: number;
}

type DocumentWithCaret = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

export function caretAt(doc: Document, x: number, y: number): CaretPoint | null {
  const d = doc as DocumentWithCaret;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = d.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const range = d.caretRangeFromPoint(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }
  return null;
}

export function mentionAtPoint(
  doc: Document,
  index: MentionIndex<Text, SpottedMention>,
  x: number,
  y: number,
): SpottedMention | null {
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  const mention = index.at(caret.node as Text, caret.offset);
  if (!mention) return null;
  return pointInRects(x, y, mentionRects(mention)) ? mention : null;
}
