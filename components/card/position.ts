/**
 * Where the hover card goes: next to the mention, below it when there is room, above it
 * otherwise, clamped to the viewport horizontally, and never covering the mention (when
 * neither side fits, the card takes the roomier side and scrolls inside a smaller height).
 * Pure maths, viewport coordinates (the card is `position: fixed`).
 */
export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface CardPlacement {
  top: number;
  left: number;
  side: 'below' | 'above';
  /** Height the card may use on that side; it scrolls inside when its content is taller. */
  maxHeight: number;
}

export interface PlacementOptions {
  /** Space between the mention and the card. */
  gap?: number;
  /** Space kept free along the viewport edges. */
  margin?: number;
}

export function placeCard(
  mention: Box,
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  { gap = 6, margin = 8 }: PlacementOptions = {},
): CardPlacement {
  const mentionBottom = mention.top + mention.height;
  const roomBelow = viewport.height - mentionBottom - gap - margin;
  const roomAbove = mention.top - gap - margin;

  const side: CardPlacement['side'] =
    card.height <= roomBelow ? 'below' : card.height <= roomAbove ? 'above' : roomBelow >= roomAbove ? 'below' : 'above';
  const maxHeight = Math.max(0, side === 'below' ? roomBelow : roomAbove);
  const height = Math.min(card.height, maxHeight);
  const top = side === 'below' ? mentionBottom + gap : mention.top - gap - height;

  // Align with the mention's start, but keep the whole card on screen.
  const maxLeft = viewport.width - margin - card.width;
  const left = Math.max(margin, Math.min(mention.left, maxLeft));

  return { top, left, side, maxHeight };
}

/** Is the point inside any of the rectangles? A pixel of slack absorbs sub-pixel rounding. */
export function pointInRects(x: number, y: number, rects: Iterable<Box>, slack = 1): boolean {
  for (const r of rects) {
    if (x >= r.left - slack && x <= r.left + r.width + slack && y >= r.top - slack && y <= r.top + r.height + slack) {
      return true;
    }
  }
  return false;
}

/** Does the box still show in the viewport? (The card closes when its mention scrolls away.) */
export function isInViewport(box: Box, viewport: { width: number; height: number }): boolean {
  return box.top + box.height > 0 && box.top < viewport.height && box.left + box.width > 0 && box.left < viewport.width;
}
