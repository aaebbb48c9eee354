/**
 * What every feature on the page is given (refined-github's way: small features, each with an
 * `init` that returns its teardown): the content script's context, which owns every timer and
 * listener so that nothing outlives an extension reload, and the parts the features share —
 * one MutationObserver, one pointer tracker.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ToContentHandlers } from './inbox';
import { PageTimers } from './page-timers';
import { PageWatcher } from './page-watcher';
import { PointerTracker } from './pointer';

export interface PageParts {
  readonly ctx: ContentScriptContext;
  /** Every timer, idle callback and frame the features ask for, cancelled with `ctx` (page-timers.ts). */
  readonly timers: PageTimers;
  readonly watcher: PageWatcher;
  readonly pointer: PointerTracker;
}

/** Undoes everything a feature started. */
export type Teardown = () => void;

/** What a feature's `init` returns: its teardown, and its answers to the messages the extension sends this page. */
export interface Feature<K extends keyof ToContentHandlers> {
  teardown: Teardown;
  answers: Pick<ToContentHandlers, K>;
}

export function pageParts(ctx: ContentScriptContext): PageParts {
  const timers = new PageTimers(ctx);
  return {
    ctx,
    timers,
    watcher: new PageWatcher(ctx, timers),
    pointer: new PointerTracker(ctx, timers),
  };
}
