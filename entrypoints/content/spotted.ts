/** A mention found on this page, as the content script keeps it. */
import type { MatcherEntity } from '../../lib/engine/types';
import type { Segment } from '../../lib/page/dom-page-text';

export interface SpottedMention {
  entity: MatcherEntity;
  /** Static, not live: live Ranges slow down every DOM edit the page makes. */
  range: StaticRange;
  /** Its part in each text node (a name can span `<b>Mustafa</b> <i>al-Kazemi</i>`). */
  segments: Segment[];
  /** The scan chunk it was found in. */
  chunk: Element;
  /** The element whose nearness to the viewport decides whether the mention is drawn. */
  anchor: Element;
}

/** The mention's rectangles now, from a Range built for this one mention only. */
export function mentionRects(mention: SpottedMention): DOMRect[] {
  const range = liveRange(mention.range);
  return range ? Array.from(range.getClientRects()) : [];
}

/** A live Range for a static one, or null when the page removed or shortened its text since. */
export function liveRange(staticRange: AbstractRange): Range | null {
  const { startContainer, startOffset, endContainer, endOffset } = staticRange;
  if (!startContainer.isConnected || !endContainer.isConnected) return null;
  const range = document.createRange();
  try {
    range.setStart(startContainer, startOffset);
    range.setEnd(endContainer, endOffset);
  } catch {
    // The page shortened the text since; its rescan (or re-anchoring pass) will replace us.
    return null;
  }
  return range;
}

/** Document order, for "the n-th mention" and "the next mention after the caret". */
export function compareMentions(a: SpottedMention, b: SpottedMention): number {
  if (a === b) return 0;
  const an = a.range.startContainer;
  const bn = b.range.startContainer;
  if (an === bn) return a.range.startOffset - b.range.startOffset;
  return an.compareDocumentPosition(bn) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
