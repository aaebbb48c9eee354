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
  caretPositionFromPoint?: (
    x: number,
    y: number,
    options?: { shadowRoots?: ShadowRoot[] },
  ) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

/**
 * The caret at a point. Without `shadowRoots` a caret in a shadow tree is retargeted to its
 * host's parent; the roots listed are looked into (Chromium ≥ 128, Firefox ≥ 129; engines
 * that ignore the option give the retargeted caret, which holds no mention).
 */
export function caretAt(doc: Document, x: number, y: number, shadowRoots?: ShadowRoot[]): CaretPoint | null {
  const d = doc as DocumentWithCaret;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = shadowRoots ? d.caretPositionFromPoint(x, y, { shadowRoots }) : d.caretPositionFromPoint(x, y);
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
  let caret = caretAt(doc, x, y);
  if (caret && caret.node.nodeType !== Node.TEXT_NODE) {
    // Not on page text: perhaps on a web component's (issue 3). Only then is the point hit
    // tested for the shadow roots under it, so pages without components pay nothing more.
    const roots = openShadowRootsAt(doc, x, y);
    if (roots.length > 0) caret = caretAt(doc, x, y, roots);
  }
  if (!caret || caret.node.nodeType !== Node.TEXT_NODE) return null;
  const mention = index.at(caret.node as Text, caret.offset);
  if (!mention) return null;
  return pointInRects(x, y, mentionRects(mention)) ? mention : null;
}

/** The open shadow roots under a point, outermost first (nested components included). */
export function openShadowRootsAt(doc: Document, x: number, y: number): ShadowRoot[] {
  const roots: ShadowRoot[] = [];
  let el = doc.elementFromPoint(x, y);
  while (el?.shadowRoot && !roots.includes(el.shadowRoot)) {
    const root = el.shadowRoot;
    roots.push(root);
    const inner = root.elementFromPoint(x, y);
    if (!inner || inner === el) break;
    el = inner;
  }
  return roots;
}
