// A pinned card stays when the pointer leaves or rests on other names; Esc still closes it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_DELAY_MS, HoverIntent, OPEN_DELAY_MS } from '../../lib/page/hover-intent';

function setup() {
  const events: string[] = [];
  const timers = {
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id: number) => clearTimeout(id),
  };
  const intent = new HoverIntent<string>(timers, { open: (m) => events.push(`open ${m}`), close: () => events.push('close') });
  return { intent, events };
}

describe('HoverIntent: pin', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('keeps a pinned card through leaving, other names and leaving the card; unpinning closes after the grace period', () => {
    const { intent, events } = setup();
    intent.pointerOn('kadhimi');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    intent.pointerInCard(true);
    intent.pin(true);
    intent.pointerInCard(false);
    intent.pointerOn('soleimani');
    vi.advanceTimersByTime(OPEN_DELAY_MS + CLOSE_DELAY_MS * 3);
    expect(events).toEqual(['open kadhimi']);
    expect(intent.current).toBe('kadhimi');

    intent.pin(false);
    vi.advanceTimersByTime(CLOSE_DELAY_MS);
    expect(events).toEqual(['open kadhimi', 'close']);
  });

  it('Esc (dismiss) closes a pinned card and forgets the pin', () => {
    const { intent, events } = setup();
    intent.openNow('kadhimi');
    intent.pin(true);
    intent.dismiss();
    expect(events).toEqual(['open kadhimi', 'close']);
    expect(intent.isPinned).toBe(false);
  });

  it('cannot pin when no card is open', () => {
    const { intent } = setup();
    intent.pin(true);
    expect(intent.isPinned).toBe(false);
  });
});

describe('HoverIntent: prefetch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks for a mention’s card as soon as the pointer lands on it, not for the card already shown', () => {
    const prefetched: string[] = [];
    const timers = {
      setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
      clearTimeout: (id: number) => clearTimeout(id),
    };
    const intent = new HoverIntent<string>(timers, { open: () => undefined, close: () => undefined, prefetch: (m) => prefetched.push(m) });
    intent.pointerOn('kadhimi');
    expect(prefetched).toEqual(['kadhimi']);
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    intent.pointerOn(null);
    intent.pointerOn('kadhimi');
    expect(prefetched).toEqual(['kadhimi']);
  });
});
