import { describe, expect, it } from 'vitest';
import { isInViewport, placeCard, pointInRects, type Box } from '../../components/card/position';

const viewport = { width: 1000, height: 800 };
const card = { width: 380, height: 300 };
const mentionAt = (top: number, left: number): Box => ({ top, left, width: 120, height: 20 });

function overlaps(a: Box, b: Box): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

describe('placeCard', () => {
  it('goes below the mention when there is room, aligned with its start', () => {
    const mention = mentionAt(100, 200);
    const place = placeCard(mention, card, viewport, { gap: 6, margin: 8 });
    expect(place.side).toBe('below');
    expect(place.top).toBe(126);
    expect(place.left).toBe(200);
    expect(place.maxHeight).toBeGreaterThanOrEqual(card.height);
  });

  it('goes above a mention near the bottom of the viewport', () => {
    const mention = mentionAt(700, 200);
    const place = placeCard(mention, card, viewport, { gap: 6, margin: 8 });
    expect(place.side).toBe('above');
    expect(place.top + card.height).toBe(694);
  });

  it('stays inside the viewport horizontally', () => {
    expect(placeCard(mentionAt(100, 900), card, viewport).left).toBe(1000 - 8 - 380);
    expect(placeCard(mentionAt(100, -50), card, viewport).left).toBe(8);
  });

  it('never covers the mention, even when the card fits on neither side', () => {
    const tall = { width: 380, height: 700 };
    for (const top of [50, 300, 390, 500, 750]) {
      const mention = mentionAt(top, 300);
      const place = placeCard(mention, tall, viewport);
      const drawn = { top: place.top, left: place.left, width: tall.width, height: Math.min(tall.height, place.maxHeight) };
      expect(overlaps(drawn, mention), `mention at ${top}`).toBe(false);
      expect(drawn.top).toBeGreaterThanOrEqual(0);
      expect(drawn.top + drawn.height).toBeLessThanOrEqual(viewport.height);
    }
  });

  it('takes the roomier side when neither fits', () => {
    const tall = { width: 380, height: 700 };
    expect(placeCard(mentionAt(200, 0), tall, viewport).side).toBe('below');
    expect(placeCard(mentionAt(600, 0), tall, viewport).side).toBe('above');
  });
});

describe('pointInRects and isInViewport', () => {
  it('tells a point on a wrapped name from one beside it', () => {
    const lines = [
      { top: 100, left: 800, width: 150, height: 20 },
      { top: 120, left: 0, width: 60, height: 20 },
    ];
    expect(pointInRects(850, 110, lines)).toBe(true);
    expect(pointInRects(30, 130, lines)).toBe(true);
    expect(pointInRects(400, 110, lines)).toBe(false);
    expect(pointInRects(30, 160, lines)).toBe(false);
  });

  it('knows when a mention has scrolled away', () => {
    expect(isInViewport(mentionAt(100, 100), viewport)).toBe(true);
    expect(isInViewport(mentionAt(-30, 100), viewport)).toBe(false);
    expect(isInViewport(mentionAt(810, 100), viewport)).toBe(false);
  });
});
