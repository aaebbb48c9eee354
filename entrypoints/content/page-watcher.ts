/**
 * The one MutationObserver Backstory keeps on a page, shared by its features (spotting, saved
 * highlights). Records are collected and handled in a batch when the browser is idle (SPA
 * navigation and infinite scroll are just mutations); `planRescan` decides what to scan again,
 * and every subscriber hears the plan.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isOwnUi, isSkipped } from '../../lib/page/dom-elements';
import { planRescan, type PlanContext, type RescanPlan } from './mutation-plan';
import type { PageTimers } from './page-timers';

/** The longest a batch waits for an idle moment: new content gets its marks promptly. */
const BATCH_TIMEOUT_MS = 200;
const OBSERVED: MutationObserverInit = { childList: true, characterData: true, subtree: true };

export class PageWatcher {
  private observer: MutationObserver;
  private batch: MutationRecord[] = [];
  /** The one idle callback that handles the batch; 0 when none is pending. */
  private scheduled = 0;
  private active = false;
  private listeners = new Set<(plan: RescanPlan) => void>();
  /** Shadow roots observed since start (weak: a removed component is not kept alive). */
  private shadowRoots = new WeakSet<ShadowRoot>();
  private isChunk: (el: Element) => boolean = () => false;
  private readonly context: PlanContext = {
    isChunk: (el) => this.isChunk(el),
    isIgnored: (el) => isOwnUi(el) || isSkipped(el),
  };

  constructor(
    ctx: ContentScriptContext,
    private readonly timers: PageTimers,
  ) {
    this.observer = new MutationObserver((records) => this.collect(records));
    ctx.onInvalidated(() => this.stop());
  }

  /** Hear every plan until the returned function is called; the page is observed while anyone listens. */
  subscribe(listener: (plan: RescanPlan) => void): () => void {
    this.listeners.add(listener);
    if (!this.active && document.body) this.start(document.body);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Plans rescan whole scan chunks: the spotter says which elements are chunk roots. */
  useChunks(isChunk: (el: Element) => boolean): void {
    this.isChunk = isChunk;
  }

  private start(root: Node): void {
    this.active = true;
    this.observer.observe(root, OBSERVED);
  }

  /**
   * Follow an open shadow root's changes too: a subtree observer on the page does not
   * see into shadow trees. The extractor reports each root it reads, including those of hosts
   * added later (their rescan reads them), so each is observed once, on this same observer.
   */
  observeShadowRoot = (root: ShadowRoot): void => {
    if (!this.active || this.shadowRoots.has(root)) return;
    this.shadowRoots.add(root);
    this.observer.observe(root, OBSERVED);
  };

  stop(): void {
    this.active = false;
    this.observer.disconnect();
    this.timers.cancelIdleCallback(this.scheduled);
    this.scheduled = 0;
    this.shadowRoots = new WeakSet();
    this.batch = [];
  }

  /** Run our own DOM writes (fallback marks) without mistaking them for the page's changes. */
  quietly = (write: () => void): void => {
    if (!this.active) {
      write();
      return;
    }
    this.collect(this.observer.takeRecords());
    try {
      write();
    } finally {
      this.observer.takeRecords();
    }
  };

  private collect(records: MutationRecord[]): void {
    if (!this.active || records.length === 0) return;
    for (const record of records) this.batch.push(record);
    // One pending callback for however many batches arrive before it runs.
    if (this.scheduled) return;
    this.scheduled = this.timers.requestIdleCallback(this.run, BATCH_TIMEOUT_MS);
  }

  private run = (): void => {
    this.scheduled = 0;
    this.flush();
  };

  private flush(): void {
    if (!this.active) return;
    const records = this.batch;
    this.batch = [];
    const plan = planRescan(records, this.context);
    if (plan.roots.length > 0 || plan.sweep) {
      for (const listener of this.listeners) listener(plan);
    }
  }
}
