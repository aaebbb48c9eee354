/**
 * What every feature on the page is given (refined-github's way: small features, each with an
 * `init` that returns its teardown): the content script's context, which owns every timer and
 * listener so that nothing outlives an extension reload, and the parts the features share —
 * one MutationObserver, one pointer tracker.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Timers } from '../../lib/page/hover-intent';
import type { ToContentHandlers } from './inbox';
import { PageWatcher } from './page-watcher';
import { PointerTracker } from './pointer';

export interface PageParts {
  readonly ctx: ContentScriptContext;
  /** `ctx`'s timers, in the shape the DOM-free timing logic takes. */
  readonly timers: Timers;
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
  return {
    ctx,
    timers: { setTimeout: (fn, ms) => ctx.setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id) },
    watcher: new PageWatcher(ctx),
    pointer: new PointerTracker(ctx),
  };
}
