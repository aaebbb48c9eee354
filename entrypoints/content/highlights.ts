/**
 * Saved highlights on this page (issue 6): fetch the page's highlights, re-anchor them through
 * the fallback chain (`lib/highlights/anchor.ts`), draw them under `backstory-highlight`, retry
 * the unanchored ones as content arrives (through the shared PageWatcher), report orphans to
 * the background, save new ones (selection, card), and show a highlight's note on hover.
 * Costs a page with no highlights one message and nothing else.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { anchorSteps } from '../../lib/highlights/anchor';
import { readPageText, rangeAt, rangeOffsets, type PageText } from '../../lib/highlights/dom-page-text';
import { describe } from '../../lib/highlights/selectors';
import { sentenceAround } from '../../lib/highlights/sentence';
import type { HighlightDraft } from '../../lib/messages';
import type { HighlightRow } from '../../lib/storage/types';
import { ask } from './background-client';
import { isOwnUi, OWN_UI_TAG } from './chunks';
import { HighlightUi } from './highlight-ui';
import { caretAt } from './hit-test';
import { FLASH_HIGHLIGHT, supportsHighlights } from './marks';
import type { PageWatcher } from './page-watcher';
import { liveRange } from './spotted';
import { SliceClock } from './yield';

export const SAVED_HIGHLIGHT = 'backstory-highlight';
/** The longest quote a highlight keeps (the background refuses longer). */
const MAX_QUOTE = 20_000;
/** Re-anchoring after page changes runs at most this often. */
const RETRY_MIN_INTERVAL_MS = 300;
/** An unanchored highlight is reported as an orphan only if still unanchored this long after load. */
const ORPHAN_GRACE_MS = 2500;
const TOAST_MS = 8000;
const NOTE_OPEN_MS = 300;
const NOTE_CLOSE_MS = 400;

interface Anchored {
  row: HighlightRow;
  start: number;
  end: number;
  range: StaticRange;
}

export class PageHighlights {
  private rows: HighlightRow[] = [];
  private anchored = new Map<string, Anchored>();
  private page: PageText | null = null;
  private nodeIndex = new Map<Text, number>();
  private reported = new Map<string, 'anchored' | 'orphan'>();
  private unsubscribe: (() => void) | null = null;
  private retryTimer = 0;
  private lastPass = 0;
  private passing = false;
  private lastText = '';
  private passAgain = false;
  private orphanTimer = 0;
  private toastTimer = 0;
  private toastBusy = false;
  private hovered: Anchored | null = null;
  private noteTimer = 0;
  private pointerInNote = false;
  private pointerFrame = 0;
  /** The latest pointer position, read when the frame that looks at it runs. */
  private pointerAt: { x: number; y: number; target: EventTarget | null } | undefined;
  private listening = false;
  private readonly ui: HighlightUi;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly watcher: PageWatcher,
  ) {
    this.ui = new HighlightUi(ctx);
    ctx.onInvalidated(() => this.stop());
  }

  /** Fetch this page's highlights and draw them; `reveal` scrolls to one once anchored. */
  async load(): Promise<void> {
    const answer = await ask('highlights/for-page', { url: location.href, canonicalUrl: canonicalUrl() }).catch(() => null);
    if (!answer || this.ctx.isInvalid) return;
    this.rows = answer.highlights;
    this.anchored.clear();
    this.lastText = '';
    await this.anchorPass();
    if (answer.reveal) this.reveal(answer.reveal);
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    clearTimeout(this.retryTimer);
    clearTimeout(this.orphanTimer);
    if (supportsHighlights()) CSS.highlights.delete(SAVED_HIGHLIGHT);
  }

  /** Scroll to a saved highlight and flash it; false when it is not anchored on this page. */
  reveal(id: string): boolean {
    const found = this.anchored.get(id);
    const range = found && liveRange(found.range);
    if (!range) return false;
    (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center', inline: 'nearest' });
    if (supportsHighlights()) {
      CSS.highlights.set(FLASH_HIGHLIGHT, new Highlight(found.range));
      this.ctx.setTimeout(() => CSS.highlights.delete(FLASH_HIGHLIGHT), 1600);
    }
    return true;
  }

  /** Context menu / keyboard command: save what the reader selected. */
  saveSelection(): boolean {
    // The toast follows whatever happens: load the page UI while the selection is read and saved.
    this.ui.preload();
    const selection = document.getSelection();
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    if (!range || range.collapsed || insideOwnUi(range.commonAncestorContainer)) {
      void this.ui.showToast(this.toastProps({ kind: 'failed', quote: '', error: 'select some text on the page first.', canRetry: false }));
      return false;
    }
    const page = readPageText(document.body);
    const offsets = rangeOffsets(page, range);
    if (!offsets) return false;
    void this.saveOffsets(page, trimmed(page.text, offsets));
    return true;
  }

  /** The card's Save: the sentence around the mention. */
  saveAround(mention: StaticRange): boolean {
    this.ui.preload();
    const page = readPageText(document.body);
    const offsets = rangeOffsets(page, mention);
    if (!offsets) return false;
    void this.saveOffsets(page, sentenceAround(page.text, offsets.start, offsets.end));
    return true;
  }

  // --- saving ---------------------------------------------------------------------------------

  private async saveOffsets(page: PageText, { start, end }: { start: number; end: number }): Promise<void> {
    if (end <= start) return;
    if (end - start > MAX_QUOTE) {
      await this.ui.showToast(this.toastProps({ kind: 'failed', quote: '', error: 'the selection is too long for one highlight.', canRetry: false }));
      return;
    }
    const { quote, position } = describe(page.text, start, end);
    const draft: HighlightDraft = {
      url: location.href,
      canonicalUrl: canonicalUrl(),
      title: document.title.slice(0, 2000),
      quote: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      start: position.start,
      end: position.end,
      note: '',
    };
    await this.send(draft, page);
  }

  /** Send a draft; on failure the toast keeps it, and Retry sends it again. */
  private async send(draft: HighlightDraft, page: PageText | null): Promise<void> {
    const result = await ask('highlights/save', draft).catch(() => undefined);
    if (this.ctx.isInvalid) return;
    if (!result || !result.ok) {
      const error = result ? result.error : 'Backstory is not responding; try again in a moment.';
      await this.ui.showToast(
        this.toastProps({ kind: 'failed', quote: draft.quote, error, canRetry: result ? result.retry : true }, () => void this.send(draft, null)),
      );
      return;
    }
    const row = result.highlight;
    // Saving a passage already saved answers the existing highlight.
    if (!this.rows.some((r) => r.id === row.id)) this.rows.push(row);
    const current = page ?? readPageText(document.body);
    this.setPage(current);
    const range = rangeAt(current, row.start, row.end);
    if (range) this.anchored.set(row.id, { row, start: row.start, end: row.end, range: toStatic(range) });
    this.draw();
    this.report();
    this.ensureFollowing();
    await this.ui.showToast(this.toastProps({ kind: 'saved', quote: row.quote, note: '' }, undefined, row.id));
  }

  private toastProps(
    state: Parameters<HighlightUi['showToast']>[0]['state'],
    retry?: () => void,
    id?: string,
  ): Parameters<HighlightUi['showToast']>[0] {
    this.scheduleToastClose();
    return {
      state,
      onNote: (note) => {
        if (!id) return;
        const row = this.rows.find((r) => r.id === id);
        if (row) row.note = note;
        void ask('highlights/note', { id, note }).catch(() => undefined);
        this.scheduleToastClose();
      },
      onRetry: () => retry?.(),
      onClose: () => this.ui.hideToast(),
      onBusy: (busy) => {
        this.toastBusy = busy;
        if (!busy) this.scheduleToastClose();
      },
    };
  }

  private scheduleToastClose(): void {
    clearTimeout(this.toastTimer);
    this.toastTimer = this.ctx.setTimeout(() => {
      if (!this.toastBusy) this.ui.hideToast();
    }, TOAST_MS);
  }

  // --- anchoring --------------------------------------------------------------------------------

  /**
   * Anchor every highlight not anchored (or whose text left the page); draw; report. Sliced:
   * a fuzzy search over a long page costs tens of ms (`npm run bench`), so the page gets its
   * main thread back between highlights once a slice's budget is spent.
   */
  private async anchorPass(): Promise<void> {
    if (this.passing) {
      this.passAgain = true;
      return;
    }
    this.passing = true;
    const started = performance.now();
    try {
      for (const [id, a] of this.anchored) if (!liveRange(a.range)) this.anchored.delete(id);
      const pending = this.rows.filter((r) => !this.anchored.has(r.id));
      if (pending.length > 0 && document.body) {
        const clock = new SliceClock();
        const page = readPageText(document.body);
        this.setPage(page);
        // A page whose text did not change since the last pass cannot anchor anything new
        // (mutations that moved nothing, attribute-like text rewrites).
        const unchanged = page.text === this.lastText;
        this.lastText = page.text;
        for (const row of unchanged ? [] : pending) {
          const steps = anchorSteps(page.text, { exact: row.quote, prefix: row.prefix, suffix: row.suffix }, { start: row.start, end: row.end });
          let step = steps.next();
          while (!step.done) {
            if (clock.due()) await clock.yield();
            step = steps.next();
          }
          if (this.ctx.isInvalid) return;
          const match = step.value;
          const range = match && rangeAt(page, match.start, match.end);
          if (match && range) this.anchored.set(row.id, { row, start: match.start, end: match.end, range: toStatic(range) });
        }
        performance.measure?.('backstory:highlights', { start: started, end: performance.now(), detail: { pending: pending.length } });
      }
      if (this.ctx.isInvalid) return;
      this.draw();
      this.report();
      this.ensureFollowing();
    } finally {
      this.passing = false;
      this.lastPass = performance.now();
      if (this.passAgain) {
        this.passAgain = false;
        this.onPageChanged();
      }
    }
  }

  private setPage(page: PageText): void {
    this.page = page;
    this.nodeIndex = new Map(page.nodes.map((node, i) => [node, i]));
  }

  /** Retry as content arrives: only while something is unanchored or may have moved. */
  private ensureFollowing(): void {
    if (this.unsubscribe || this.rows.length === 0) return;
    this.unsubscribe = this.watcher.subscribe(() => this.onPageChanged());
    if (!this.watcher.isActive && document.body) this.watcher.start(document.body);
    this.listenForHover();
  }

  private onPageChanged(): void {
    if (this.retryTimer) return;
    const wait = Math.max(0, RETRY_MIN_INTERVAL_MS - (performance.now() - this.lastPass));
    this.retryTimer = this.ctx.setTimeout(() => {
      this.retryTimer = 0;
      // The node index is stale after any change; re-read it with the next pass.
      this.page = null;
      void this.anchorPass();
    }, wait);
  }

  private draw(): void {
    if (!supportsHighlights()) return;
    if (this.anchored.size === 0) {
      CSS.highlights.delete(SAVED_HIGHLIGHT);
      return;
    }
    const highlight = new Highlight(...[...this.anchored.values()].map((a) => a.range));
    // Above mentions: a saved passage stays visible when it contains a name.
    highlight.priority = 1;
    CSS.highlights.set(SAVED_HIGHLIGHT, highlight);
  }

  /** Tell the background what changed: anchored at once, orphans after a grace period. */
  private report(): void {
    const anchored = [...this.anchored.keys()].filter((id) => this.reported.get(id) !== 'anchored');
    for (const id of anchored) this.reported.set(id, 'anchored');
    if (anchored.length > 0) void ask('highlights/anchored', { anchored, orphans: [] }).catch(() => undefined);
    clearTimeout(this.orphanTimer);
    this.orphanTimer = this.ctx.setTimeout(() => {
      const orphans = this.rows.map((r) => r.id).filter((id) => !this.anchored.has(id) && this.reported.get(id) !== 'orphan');
      for (const id of orphans) this.reported.set(id, 'orphan');
      if (orphans.length > 0) void ask('highlights/anchored', { anchored: [], orphans }).catch(() => undefined);
    }, ORPHAN_GRACE_MS);
  }

  // --- hover: a highlight's note, and Remove ---------------------------------------------------

  private listenForHover(): void {
    if (this.listening) return;
    this.listening = true;
    this.ctx.addEventListener(
      document,
      'pointermove',
      (e: PointerEvent) => {
        // One look per frame, at where the pointer is by then: the moves that arrive before the
        // frame replace the position, so a pointer that stops right after a frame was asked for
        // (Firefox often delivers several moves per frame) is not judged at a stale point.
        this.pointerAt = { x: e.clientX, y: e.clientY, target: e.target };
        if (this.pointerFrame) return;
        this.pointerFrame = this.ctx.requestAnimationFrame(() => {
          this.pointerFrame = 0;
          const { x, y, target } = this.pointerAt!;
          this.onPointer(x, y, target);
        });
      },
      { passive: true },
    );
  }

  private onPointer(x: number, y: number, target: EventTarget | null): void {
    if (target instanceof Element && target.localName === OWN_UI_TAG) return;
    const under = this.anchored.size > 0 ? this.highlightAt(x, y) : null;
    if (under === this.hovered) return;
    this.hovered = under;
    clearTimeout(this.noteTimer);
    if (!under) {
      this.noteTimer = this.ctx.setTimeout(() => {
        if (!this.pointerInNote) this.ui.hideNote();
      }, NOTE_CLOSE_MS);
      return;
    }
    // The note opens after NOTE_OPEN_MS: long enough to load the page UI on a first hover.
    this.ui.preload();
    this.noteTimer = this.ctx.setTimeout(() => {
      const rect = liveRange(under.range)?.getClientRects()[0];
      if (!rect) return;
      void this.ui.showNote({
        note: under.row.note,
        at: { top: Math.min(rect.bottom + 6, window.innerHeight - 90), left: Math.max(8, Math.min(rect.left, window.innerWidth - 290)) },
        onRemove: () => void this.remove(under.row.id),
        onClose: () => this.ui.hideNote(),
        onPointerEnter: () => (this.pointerInNote = true),
        onPointerLeave: () => {
          this.pointerInNote = false;
          if (!this.hovered) this.ui.hideNote();
        },
      });
    }, NOTE_OPEN_MS);
  }

  /** The saved highlight under the pointer: caret position → text offset → highlight. */
  private highlightAt(x: number, y: number): Anchored | null {
    const caret = caretAt(document, x, y);
    if (!caret || !(caret.node instanceof Text)) return null;
    if (!this.page || !this.nodeIndex.has(caret.node)) this.setPage(readPageText(document.body));
    const i = this.nodeIndex.get(caret.node);
    if (i === undefined) return null;
    const offset = this.page!.starts[i]! + caret.offset;
    for (const a of this.anchored.values()) {
      if (offset < a.start || offset > a.end) continue;
      // The caret snaps to the nearest text: make sure the pointer is on the highlight itself.
      const rects = liveRange(a.range)?.getClientRects() ?? [];
      for (const r of rects) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return a;
    }
    return null;
  }

  private async remove(id: string): Promise<void> {
    const answer = await ask('highlights/remove', { id }).catch(() => undefined);
    if (!answer?.ok) return;
    this.rows = this.rows.filter((r) => r.id !== id);
    this.anchored.delete(id);
    this.reported.delete(id);
    this.hovered = null;
    this.ui.hideNote();
    this.draw();
  }
}

function canonicalUrl(): string {
  const link = document.querySelector<HTMLLinkElement>('link[rel~="canonical"][href]');
  const href = link?.href;
  if (href && /^https?:\/\//i.test(href)) return href;
  return location.href.split('#')[0]!;
}

function insideOwnUi(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  return !!el?.closest(OWN_UI_TAG) || (el !== null && isOwnUi(el));
}

/** Leading and trailing white space of a selection is not part of what the reader meant. */
function trimmed(text: string, { start, end }: { start: number; end: number }) {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

function toStatic(range: Range): StaticRange {
  return new StaticRange({
    startContainer: range.startContainer,
    startOffset: range.startOffset,
    endContainer: range.endContainer,
    endOffset: range.endOffset,
  });
}

