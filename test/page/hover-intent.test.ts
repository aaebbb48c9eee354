import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_DELAY_MS, HoverIntent, OPEN_DELAY_MS, type IntentDelays } from '../../lib/page/hover-intent';

function setup(delays?: IntentDelays) {
  const events: string[] = [];
  const timers = {
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id: number) => clearTimeout(id),
  };
  const intent = new HoverIntent<string>(
    timers,
    { open: (m) => events.push(`open ${m}`), close: () => events.push('close') },
    undefined,
    delays,
  );
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

// A pinned card stays when the pointer leaves or rests on other names; Esc still closes it.
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

describe('HoverIntent: delays of its own (a saved highlight’s note)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens and closes after the delays it was given', () => {
    const { intent, events } = setup({ open: 300, close: 400 });
    intent.pointerOn('note');
    vi.advanceTimersByTime(299);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    intent.pointerOn(null);
    vi.advanceTimersByTime(399);
    expect(events).toEqual(['open note']);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open note', 'close']);
  });
});
