// @vitest-environment happy-dom
/**
 * A page that changes all the time (a live ticker) gets one pending rescan, not one per batch of
 * changes, and nothing Backstory scheduled outlives the content script: the timers hold only
 * what is pending, and invalidating the context cancels it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { RescanPlan } from '../../entrypoints/content/mutation-plan';
import { PageTimers } from '../../entrypoints/content/page-timers';
import { PageWatcher } from '../../entrypoints/content/page-watcher';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Lets the MutationObserver deliver what was written so far as one batch. */
const nextBatch = () => sleep(0);

// happy-dom has no idle callbacks: the test says when the page is idle, however slow the machine.
let idle: Map<number, () => void>;
let lastIdleId = 0;
const win = window as unknown as {
  requestIdleCallback?: (fn: () => void) => number;
  cancelIdleCallback?: (id: number) => void;
};
function goIdle(): void {
  const due = [...idle.values()];
  idle.clear();
  for (const fn of due) fn();
}

let ctx: ContentScriptContext;
let timers: PageTimers;
let watcher: PageWatcher;
let plans: RescanPlan[];
let ticker: HTMLElement;

beforeEach(() => {
  idle = new Map();
  win.requestIdleCallback = (fn) => {
    idle.set(++lastIdleId, fn);
    return lastIdleId;
  };
  win.cancelIdleCallback = (id) => idle.delete(id);
  document.body.replaceChildren();
  ticker = document.body.appendChild(document.createElement('section'));
  ctx = new ContentScriptContext('page-watcher-test');
  timers = new PageTimers(ctx);
  watcher = new PageWatcher(ctx, timers);
  plans = [];
  watcher.subscribe((plan) => plans.push(plan));
});
afterEach(() => {
  ctx.abort();
  delete win.requestIdleCallback;
  delete win.cancelIdleCallback;
});

/** The ticker adds a paragraph, in separate batches as a page's script would. */
async function storm(batches: number): Promise<void> {
  for (let i = 0; i < batches; i++) {
    const p = document.createElement('p');
    p.textContent = `Update ${i}: Mustafa al-Kadhimi met the envoys`;
    ticker.append(p);
    await nextBatch();
  }
}

describe('PageWatcher under a burst of changes', () => {
  it('keeps one pending scan for the whole burst, and that scan covers every change', async () => {
    await storm(20);
    expect(timers.pending).toBe(1);
    expect(idle.size).toBe(1);
    expect(plans).toEqual([]);

    goIdle();
    expect(timers.pending).toBe(0);
    expect(plans).toHaveLength(1);
    expect(plans[0]!.roots).toHaveLength(20);
    expect(plans[0]!.roots.every((root) => root.parentElement === ticker)).toBe(true);
  });

  it('schedules again after the scan ran, for the changes that came after it', async () => {
    await storm(3);
    goIdle();
    await storm(2);
    expect(timers.pending).toBe(1);
    goIdle();
    expect(plans.map((plan) => plan.roots.length)).toEqual([3, 2]);
  });

  it('invalidating the content script cancels the pending scan: it never runs', async () => {
    await storm(10);
    expect(timers.pending).toBe(1);

    ctx.abort();
    expect(timers.pending).toBe(0);
    expect(idle.size).toBe(0);
    await storm(3);
    goIdle();
    expect(plans).toEqual([]);
    expect(timers.pending).toBe(0);
  });

  it('the last subscriber leaving cancels the pending scan too', async () => {
    const other = new PageWatcher(ctx, timers);
    const heard: RescanPlan[] = [];
    const leave = other.subscribe((plan) => heard.push(plan));
    await storm(5);
    expect(timers.pending).toBe(2); // this watcher's and the one from beforeEach

    leave();
    expect(timers.pending).toBe(1);
    goIdle();
    expect(heard).toEqual([]);
    expect(plans).toHaveLength(1);
  });
});

describe('PageTimers', () => {
  it('hangs one listener on the context however many timers run, and holds none once they ran', async () => {
    const owner = new ContentScriptContext('page-timers-test');
    const listen = vi.spyOn(owner.signal, 'addEventListener');
    const fresh = new PageTimers(owner);
    let ran = 0;
    for (let i = 0; i < 100; i++) fresh.setTimeout(() => ran++, 0);
    for (let i = 0; i < 100; i++) fresh.requestIdleCallback(() => ran++, 200);
    expect(fresh.pending).toBe(200);

    goIdle();
    await sleep(50);
    expect(ran).toBe(200);
    expect(fresh.pending).toBe(0);
    expect(listen).toHaveBeenCalledTimes(1);
    owner.abort();
  });

  it('cancels what is pending when the context is invalidated, and schedules nothing after', async () => {
    const owner = new ContentScriptContext('page-timers-test');
    const fresh = new PageTimers(owner);
    const fn = vi.fn();
    fresh.setTimeout(fn, 10);
    fresh.requestIdleCallback(fn, 200);
    owner.abort();
    fresh.setTimeout(fn, 0);
    goIdle();
    await sleep(50);
    expect(fn).not.toHaveBeenCalled();
    expect(fresh.pending).toBe(0);
  });

  it('a cleared timeout is neither run nor held', async () => {
    const fresh = new PageTimers(ctx);
    const fn = vi.fn();
    fresh.clearTimeout(fresh.setTimeout(fn, 10));
    expect(fresh.pending).toBe(0);
    await sleep(30);
    expect(fn).not.toHaveBeenCalled();
  });
});
