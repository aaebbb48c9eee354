/**
 * This page's saved highlights and where they are: each re-anchored in the page's selectable
 * text through the fallback chain (lib/highlights/anchor.ts: position, exact quote, fuzzy
 * quote), and tried again as the page's content changes, through the shared PageWatcher, while
 * any is unanchored or may have moved.
 *
 * Highlights saved before the page text had block breaks hold offsets and context in the old,
 * unbroken text: their position no longer matches, and the chain finds them by their quote
 * (a quote across paragraphs by the fuzzy step, the breaks being a few characters' difference).
 */
import { anchorSteps } from '../../../lib/highlights/anchor';
import { readPageText, segmentsOf, staticRangeAt, type PageText, type Segment } from '../../../lib/page/dom-page-text';
import { runSliced } from '../../../lib/steps';
import type { HighlightRow } from '../../../lib/storage/types';
import { measure } from '../measures';
import type { PageParts } from '../page-parts';
import { liveRange } from '../spotted';
import { SliceClock } from '../yield';

export const HIGHLIGHTS_MEASURE = 'backstory:highlights';
/** Re-anchoring after page changes runs at most this often. */
const RETRY_MIN_INTERVAL_MS = 300;

export interface Anchored {
  row: HighlightRow;
  /** Offsets in the page's selectable text when it was anchored. */
  start: number;
  end: number;
  range: StaticRange;
  /** Its part in each text node, for the hover hit-test. */
  segments: Segment[];
}

/** The page's text as highlights count in it (see `Reading` in lib/page/dom-page-text.ts). */
export function highlightText(): PageText {
  return readPageText(document.body, { reading: 'selectable' });
}

export class HighlightAnchors {
  private rows: HighlightRow[] = [];
  private found = new Map<string, Anchored>();
  private unsubscribe: (() => void) | null = null;
  private retryTimer = 0;
  private lastPass = 0;
  private passing = false;
  private passAgain = false;
  /** The text of the last pass: a page whose text did not change cannot anchor anything new. */
  private lastText = '';

  constructor(
    private readonly page: PageParts,
    /** Called after every pass that may have changed what is anchored. */
    private readonly onChange: () => void,
  ) {}

  get highlights(): readonly HighlightRow[] {
    return this.rows;
  }

  get anchored(): ReadonlyMap<string, Anchored> {
    return this.found;
  }

  /** This page's highlights (the background's answer on load or refresh), anchored afresh. */
  async replace(rows: HighlightRow[]): Promise<void> {
    this.rows = rows;
    this.found.clear();
    this.lastText = '';
    await this.pass();
  }

  /** A highlight just saved (or one already saved, saved again): anchored in the page as it is now. */
  async add(row: HighlightRow): Promise<void> {
    this.rows = [...this.rows.filter((r) => r.id !== row.id), row];
    this.found.delete(row.id);
    this.lastText = '';
    await this.pass();
  }

  remove(id: string): void {
    this.rows = this.rows.filter((r) => r.id !== id);
    this.found.delete(id);
    this.onChange();
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.page.timers.clearTimeout(this.retryTimer);
  }

  /**
   * Anchor every highlight not anchored (or whose text left the page). Sliced: a fuzzy search
   * over a long page costs tens of ms (`npm run bench`), so the page gets its main thread back
   * between steps once a slice's budget is spent.
   */
  private async pass(): Promise<void> {
    if (this.passing) {
      this.passAgain = true;
      return;
    }
    this.passing = true;
    const { ctx } = this.page;
    const started = performance.now();
    try {
      for (const [id, a] of this.found) if (!liveRange(a.range)) this.found.delete(id);
      const pending = this.rows.filter((r) => !this.found.has(r.id));
      if (pending.length > 0 && document.body) {
        const text = highlightText();
        const unchanged = text.text === this.lastText;
        this.lastText = text.text;
        const clock = new SliceClock();
        for (const row of unchanged ? [] : pending) {
          const steps = anchorSteps(text.text, { exact: row.quote, prefix: row.prefix, suffix: row.suffix }, { start: row.start, end: row.end });
          const match = await runSliced(steps, clock, () => ctx.isInvalid);
          if (ctx.isInvalid) return;
          const range = match && staticRangeAt(text, match.start, match.end);
          if (match && range) this.found.set(row.id, { row, start: match.start, end: match.end, range, segments: segmentsOf(text, match.start, match.end) });
        }
        measure(HIGHLIGHTS_MEASURE, started, { pending: pending.length });
      }
      if (ctx.isInvalid) return;
      this.onChange();
      this.follow();
    } finally {
      this.passing = false;
      this.lastPass = performance.now();
      if (this.passAgain) {
        this.passAgain = false;
        this.onPageChanged();
      }
    }
  }

  /** Retry as content arrives: only while the page has highlights. */
  private follow(): void {
    if (this.unsubscribe || this.rows.length === 0) return;
    this.unsubscribe = this.page.watcher.subscribe(() => this.onPageChanged());
  }

  private onPageChanged(): void {
    if (this.retryTimer) return;
    const wait = Math.max(0, RETRY_MIN_INTERVAL_MS - (performance.now() - this.lastPass));
    this.retryTimer = this.page.timers.setTimeout(() => {
      this.retryTimer = 0;
      void this.pass();
    }, wait);
  }
}
