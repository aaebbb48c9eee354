import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_DELAY_MS, HoverIntent, OPEN_DELAY_MS } from '../../lib/page/hover-intent';

function setup() {
  const events: string[] = [];
  const timers = {
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id: number) => clearTimeout(id),
  };
  const intent = new HoverIntent<string>(timers, {
    open: (m) => events.push(`open ${m}`),
    close: () => events.push('close'),
  });
  return { intent, events };
}

describe('HoverIntent', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens only after the pointer rests on a mention', () => {
    const { intent, events } = setup();
    intent.pointerOn('pmu');
    vi.advanceTimersByTime(OPEN_DELAY_MS - 1);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open pmu']);
    expect(intent.current).toBe('pmu');
  });

  it('opens nothing when the pointer passes over names on its way', () => {
    const { intent, events } = setup();
    intent.pointerOn('pmu');
    vi.advanceTimersByTime(100);
    intent.pointerOn(null);
    intent.pointerOn('iran');
    vi.advanceTimersByTime(100);
    intent.pointerOn(null);
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });

  it('stays open while the pointer crosses into the card, closes after it leaves both', () => {
    const { intent, events } = setup();
    intent.pointerOn('pmu');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    intent.pointerOn(null); // the gap between mention and card
    vi.advanceTimersByTime(100);
    intent.pointerInCard(true);
    vi.advanceTimersByTime(2000);
    expect(events).toEqual(['open pmu']);
    intent.pointerInCard(false);
    vi.advanceTimersByTime(CLOSE_DELAY_MS - 1);
    expect(events).toEqual(['open pmu']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open pmu', 'close']);
    expect(intent.current).toBeNull();
  });

  it('moving back onto the same mention keeps the card without reopening it', () => {
    const { intent, events } = setup();
    intent.pointerOn('pmu');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    intent.pointerOn(null);
    vi.advanceTimersByTime(100);
    intent.pointerOn('pmu');
    vi.advanceTimersByTime(2000);
    expect(events).toEqual(['open pmu']);
  });

  it('switches to another mention after resting on it', () => {
    const { intent, events } = setup();
    intent.pointerOn('pmu');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    intent.pointerOn('iran');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    expect(events).toEqual(['open pmu', 'open iran']);
  });

  it('Esc closes at once and does not reopen while the pointer stays put', () => {
    const { intent, events } = setup();
    intent.pointerOn('pmu');
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    intent.dismiss();
    intent.pointerOn('pmu');
    vi.advanceTimersByTime(2000);
    expect(events).toEqual(['open pmu', 'close']);
  });

  it('treats two values as one mention when told they are the same', () => {
    const events: string[] = [];
    const intent = new HoverIntent<{ id: string }>(
      { setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number, clearTimeout: (id) => clearTimeout(id) },
      { open: (m) => events.push(`open ${m.id}`), close: () => events.push('close') },
      (a, b) => a.id === b.id,
    );
    intent.pointerOn({ id: 'pmu' });
    vi.advanceTimersByTime(OPEN_DELAY_MS);
    intent.pointerOn({ id: 'pmu' }); // rebuilt by a rescan
    vi.advanceTimersByTime(2000);
    expect(events).toEqual(['open pmu']);
  });
});

describe('HoverIntent: the delay counts from when the pointer got there', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a pointer noticed a frame late opens the card a frame sooner, not 250 ms after the frame', () => {
    const { intent, events } = setup();
    intent.pointerOn('pmu', 16);
    vi.advanceTimersByTime(OPEN_DELAY_MS - 16 - 1);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open pmu']);
  });

  it('a pointer that rested longer than the delay (a busy page) opens at once; a clock going backwards waits the full delay', () => {
    const late = setup();
    late.intent.pointerOn('pmu', OPEN_DELAY_MS + 100);
    vi.advanceTimersByTime(0);
    expect(late.events).toEqual(['open pmu']);
    const odd = setup();
    odd.intent.pointerOn('iran', -5);
    vi.advanceTimersByTime(OPEN_DELAY_MS - 1);
    expect(odd.events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(odd.events).toEqual(['open iran']);
  });
});
