/**
 * Backstory on one page: asks the background for the matcher and settings, spots and marks
 * mentions, follows the page's changes, opens the card from the pointer or the keyboard, and
 * answers the popup. Everything it starts is owned by `ctx`, so an extension reload or
 * update leaves nothing behind on the page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isInViewport, type Box } from '../../components/card/position';
import { loadMatcher, type Matcher } from '../../lib/engine/matcher';
import type { ContentToBackground, Response, SiteSettings } from '../../lib/messages';
import { ask } from './background-client';
import { CardHost } from './card-host';
import { isOwnUi, isSkipped } from './chunks';
import { FallbackMarks } from './fallback-marks';
import { mentionAtPoint } from './hit-test';
import { HoverIntent } from './hover-intent';
import { PageHighlights } from './highlights';
import { listenToExtension } from './inbox';
import { HighlightMarks, supportsHighlights, type MentionMarks, type Timers } from './marks';
import { PageWatcher } from './page-watcher';
import { Spotter } from './spotter';
import { compareMentions, liveRange, mentionRects, type SpottedMention } from './spotted';

type MatcherAnswer = Response<ContentToBackground, 'matcher/get'>;

export class ContentSession {
  private matcher: Matcher | null = null;
  private spotter: Spotter | null = null;
  private marks: MentionMarks | null = null;
  private settings: SiteSettings = { enabled: false, suppressed: [] };
  private readonly watcher: PageWatcher;
  private readonly card: CardHost;
  /** Saved highlights (issue 6): drawn whether or not spotting is on for this site. */
  private readonly highlights: PageHighlights;
  private readonly intent: HoverIntent<SpottedMention>;
  private readonly timers: Timers;
  private pointer: { x: number; y: number; target: EventTarget | null } | null = null;
  private pointerFrame = 0;
  private scrollFrame = 0;

  constructor(private readonly ctx: ContentScriptContext) {
    this.timers = {
      setTimeout: (fn, ms) => ctx.setTimeout(fn, ms),
      clearTimeout: (id) => clearTimeout(id),
    };
    this.watcher = new PageWatcher(
      ctx,
      { isChunk: (el) => this.spotter?.isChunk(el) ?? false, isIgnored: (el) => isOwnUi(el) || isSkipped(el) },
      (plan) => void this.rescan(plan.roots, plan.sweep),
    );
    this.card = new CardHost(ctx, {
      loadCard: (entity) => ask('card/get', { entity }),
      onSuppress: (entity) => this.notThis(entity),
      onSave: () => {
        const open = this.intent.current;
        if (open) this.highlights.saveAround(open.range);
      },
      onClose: () => this.intent.dismiss(),
    });
    this.intent = new HoverIntent(
      this.timers,
      { open: (mention) => this.openCard(mention, false), close: () => this.card.close() },
      sameMention,
    );
    this.highlights = new PageHighlights(ctx, this.watcher);
    ctx.onInvalidated(() => this.stop());
  }

  async boot(): Promise<void> {
    listenToExtension(this.ctx, {
      'page/mentions': () => this.spotter?.counts() ?? [],
      'page/reveal': ({ entity, index }) => ({ ok: this.reveal(entity, index) }),
      'settings/changed': async ({ settings }) => {
        await this.applySettings(settings);
        return { ok: true as const };
      },
      'card/open-at-caret': () => ({ ok: this.openAtCaret() }),
      'highlights/save-selection': () => ({ ok: this.highlights.saveSelection() }),
      'highlights/reveal': ({ id }) => ({ ok: this.highlights.reveal(id) }),
      'highlights/refresh': async () => {
        await this.highlights.load();
        return { ok: true as const };
      },
    });
    this.listenToReader();
    void this.highlights.load();
    const answer = await this.askMatcher();
    if (!answer || this.ctx.isInvalid) return;
    this.settings = answer.settings;
    if (!answer.settings.enabled) return;
    // Only now does the dictionary get unpacked: a paused Backstory costs the page nothing.
    this.matcher = loadMatcher(answer.matcher);
    await this.start(this.matcher, answer.settings.suppressed);
  }

  private async askMatcher(): Promise<MatcherAnswer | null> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        return await ask('matcher/get', { url: location.href });
      } catch {
        // The background's service worker may still be starting; one retry, then give up quietly.
        await new Promise((resolve) => this.ctx.setTimeout(() => resolve(null), 1000));
      }
    }
    return null;
  }

  private async start(matcher: Matcher, suppressed: readonly string[]): Promise<void> {
    const body = document.body;
    if (!body) return;
    this.marks = supportsHighlights()
      ? new HighlightMarks(this.timers)
      : new FallbackMarks(this.timers, this.watcher.quietly);
    this.spotter = new Spotter(matcher, this.marks, suppressed);
    this.watcher.start(body);
    await this.spotter.scan([body]);
  }

  private stop(): void {
    this.watcher.stop();
    this.intent.dismiss();
    this.spotter?.stop();
    this.spotter = null;
    this.marks = null;
  }

  private async rescan(roots: Element[], sweep: boolean): Promise<void> {
    const spotter = this.spotter;
    if (!spotter) return;
    await spotter.scan(roots, { sweep });
    const open = this.intent.current;
    if (open && !open.range.startContainer.isConnected) this.intent.dismiss();
  }

  private async applySettings(settings: SiteSettings): Promise<void> {
    const before = this.settings;
    this.settings = settings;
    if (!settings.enabled) {
      this.stop();
      return;
    }
    const restored = before.suppressed.some((id) => !settings.suppressed.includes(id));
    if (!this.spotter || restored) {
      // Resuming, or a name is no longer suppressed: its mentions were never kept, scan afresh.
      this.stop();
      if (!this.matcher) {
        const answer = await this.askMatcher();
        if (!answer) return;
        this.matcher ??= loadMatcher(answer.matcher);
      }
      // Settings may have changed again while we waited for the background.
      if (this.ctx.isInvalid || !this.settings.enabled || this.spotter) return;
      await this.start(this.matcher, this.settings.suppressed);
      return;
    }
    this.spotter.suppress(settings.suppressed);
    const open = this.intent.current;
    if (open && settings.suppressed.includes(open.entity.id)) this.intent.dismiss();
  }

  private notThis(entity: string): void {
    this.spotter?.suppress([entity]);
    this.settings = { ...this.settings, suppressed: [...this.settings.suppressed, entity] };
    this.intent.dismiss();
    ask('suppress/add', { entity }).catch(() => {
      // The marks are gone for this page either way; the background logs its own failures.
    });
  }

  // --- the reader's pointer, keyboard and scrolling -----------------------------------------

  private listenToReader(): void {
    const { ctx } = this;
    ctx.addEventListener(
      document,
      'pointermove',
      (e: PointerEvent) => {
        this.pointer = { x: e.clientX, y: e.clientY, target: e.target };
        if (!this.pointerFrame) this.pointerFrame = ctx.requestAnimationFrame(() => this.onPointerFrame());
      },
      { passive: true },
    );
    ctx.addEventListener(document, 'mouseout', (e: MouseEvent) => {
      // Left the window altogether.
      if (!e.relatedTarget) this.intent.pointerOn(null);
    });
    ctx.addEventListener(document, 'keydown', (e: KeyboardEvent) => {
      if (e.key === 'Escape' && this.intent.current) this.intent.dismiss();
    });
    const onScroll = () => {
      if (!this.scrollFrame) this.scrollFrame = ctx.requestAnimationFrame(() => this.followScroll());
    };
    ctx.addEventListener(window, 'scroll', onScroll, { passive: true, capture: true });
    ctx.addEventListener(window, 'resize', onScroll, { passive: true });
  }

  private onPointerFrame(): void {
    this.pointerFrame = 0;
    const pointer = this.pointer;
    if (!pointer || !this.spotter) return;
    if (this.card.isHost(pointer.target)) {
      this.intent.pointerInCard(true);
      return;
    }
    this.intent.pointerInCard(false);
    this.intent.pointerOn(mentionAtPoint(document, this.spotter.index, pointer.x, pointer.y));
  }

  private followScroll(): void {
    this.scrollFrame = 0;
    const open = this.intent.current;
    if (!open) return;
    const rect = this.anchorRect(open);
    if (!rect || !isInViewport(rect, { width: window.innerWidth, height: window.innerHeight })) {
      this.intent.dismiss();
      return;
    }
    this.card.moveTo(rect);
  }

  /** The mention's rectangle on the pointer's line (a name may wrap), else its first. */
  private anchorRect(mention: SpottedMention): Box | null {
    const rects = mentionRects(mention).filter((r) => r.width > 0 || r.height > 0);
    const p = this.pointer;
    const under = p && rects.find((r) => p.y >= r.top && p.y <= r.bottom && p.x >= r.left - 1 && p.x <= r.right + 1);
    const rect = under ?? rects[0];
    return rect ? { top: rect.top, left: rect.left, width: rect.width, height: rect.height } : null;
  }

  private openCard(mention: SpottedMention, focus: boolean): void {
    const rect = this.anchorRect(mention);
    if (!rect) {
      this.intent.dismiss();
      return;
    }
    void this.card.open(mention.entity, rect, { focus });
  }

  // --- commands from the popup and the keyboard ----------------------------------------------

  private reveal(entity: string, index: number): boolean {
    const spotter = this.spotter;
    if (!spotter || !this.marks) return false;
    const mention = [...spotter.mentions()].filter((m) => m.entity.id === entity).sort(compareMentions)[index];
    if (!mention) return false;
    scrollToMention(mention);
    this.marks.flash(mention);
    return true;
  }

  private openAtCaret(): boolean {
    const spotter = this.spotter;
    if (!spotter) return false;
    const caret = caretRange();
    const next = [...spotter.mentions()]
      .filter((m) => !caret || caret.comparePoint(m.range.endContainer, m.range.endOffset) >= 0)
      .sort(compareMentions)[0];
    if (!next) return false;
    scrollToMention(next);
    this.intent.openNow(next);
    this.openCard(next, true);
    return true;
  }
}

/** The card belongs to "this name here": a rescan that rebuilt the mention keeps the card. */
function sameMention(a: SpottedMention, b: SpottedMention): boolean {
  return (
    a === b ||
    (a.entity.id === b.entity.id &&
      a.range.startContainer === b.range.startContainer &&
      a.range.startOffset === b.range.startOffset)
  );
}

/** Where the selection's focus is, collapsed; null when nothing is selected. */
function caretRange(): Range | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.focusNode) return null;
  const range = document.createRange();
  range.setStart(selection.focusNode, selection.focusOffset);
  return range;
}

function scrollToMention(mention: SpottedMention): void {
  const range = liveRange(mention);
  const rect = range?.getBoundingClientRect();
  if (rect && isInViewport(rect, { width: window.innerWidth, height: window.innerHeight })) return;
  mention.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
}
