// @vitest-environment happy-dom
/**
 * One pointer tracker serves every hover layer (mentions' cards, saved highlights' notes): one
 * caret lookup per frame at the pointer's latest position, each layer asked what of its own is
 * there, and a pointer over a layer's own UI keeps what that layer has open.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PointerTracker, type HoverLayer } from '../../entrypoints/content/pointer';
import type { HoverIntent } from '../../lib/page/hover-intent';

let frames: (() => void)[];
const ctx = {
  addEventListener: (target: EventTarget, type: string, fn: EventListener, options?: AddEventListenerOptions) =>
    target.addEventListener(type, fn, options),
} as unknown as ContentScriptContext;
const timers = { requestAnimationFrame: (fn: () => void) => frames.push(fn) };

function intent() {
  return { pointerOn: vi.fn(), pointerInCard: vi.fn(), dismiss: vi.fn() };
}

function layer(found: string | null, ownUi: Element | null = null) {
  const spy = intent();
  const at = vi.fn((_node: Text, _offset: number) => found);
  const value: HoverLayer<string> = { at, ownsUi: (target) => target === ownUi, intent: spy as unknown as HoverIntent<string> };
  return { value, at, intent: spy };
}

const move = (target: Element, x: number, y: number) =>
  target.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true }));
const nextFrame = () => frames.splice(0).forEach((fn) => fn());

let text: Text;
let caret: ReturnType<typeof vi.fn>;

beforeEach(() => {
  frames = [];
  document.body.replaceChildren();
  const p = document.body.appendChild(document.createElement('p'));
  text = p.appendChild(document.createTextNode('Kadhimi met the envoys'));
  caret = vi.fn(() => ({ offsetNode: text, offset: 3 }));
  Object.defineProperty(document, 'caretPositionFromPoint', { value: caret, configurable: true });
});
afterEach(() => {
  delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
});

describe('PointerTracker', () => {
  it('looks once per frame, at the latest position, and asks every layer about the same caret', () => {
    const tracker = new PointerTracker(ctx, timers);
    const mentions = layer('kadhimi');
    const highlights = layer(null);
    tracker.add(mentions.value);
    tracker.add(highlights.value);
    move(document.body, 10, 10);
    move(document.body, 12, 14);
    nextFrame();
    expect(caret).toHaveBeenCalledTimes(1);
    expect(caret).toHaveBeenCalledWith(12, 14);
    expect(mentions.at).toHaveBeenCalledWith(text, 3, 12, 14);
    expect(highlights.at).toHaveBeenCalledWith(text, 3, 12, 14);
    expect(mentions.intent.pointerOn).toHaveBeenCalledWith('kadhimi', expect.any(Number));
    expect(highlights.intent.pointerOn).toHaveBeenCalledWith(null, expect.any(Number));
    expect(tracker.position).toMatchObject({ x: 12, y: 14 });
  });

  it('keeps a layer’s surface open while the pointer is over it, and looks up nothing under Backstory’s UI', () => {
    const tracker = new PointerTracker(ctx, timers);
    const card = document.body.appendChild(document.createElement('backstory-ui'));
    const mentions = layer('kadhimi', card);
    const highlights = layer('note');
    tracker.add(mentions.value);
    tracker.add(highlights.value);
    move(card, 5, 5);
    nextFrame();
    expect(caret).not.toHaveBeenCalled();
    expect(mentions.intent.pointerInCard).toHaveBeenCalledWith(true);
    expect(highlights.intent.pointerInCard).toHaveBeenCalledWith(false);
    expect(mentions.intent.pointerOn).not.toHaveBeenCalled();
    expect(highlights.intent.pointerOn).not.toHaveBeenCalled();
  });

  it('tells every layer the pointer left the window, and stops asking a removed layer', () => {
    const tracker = new PointerTracker(ctx, timers);
    const mentions = layer('kadhimi');
    const highlights = layer('note');
    tracker.add(mentions.value);
    const remove = tracker.add(highlights.value);
    document.dispatchEvent(new MouseEvent('mouseout', { relatedTarget: null }));
    expect(mentions.intent.pointerOn).toHaveBeenCalledWith(null);
    expect(highlights.intent.pointerOn).toHaveBeenCalledWith(null);
    remove();
    expect(highlights.intent.dismiss).toHaveBeenCalled();
    move(document.body, 1, 1);
    nextFrame();
    expect(highlights.at).not.toHaveBeenCalled();
    expect(mentions.at).toHaveBeenCalledTimes(1);
  });
});
