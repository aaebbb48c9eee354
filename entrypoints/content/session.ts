/**
 * Backstory on one page: asks the background for the matcher and settings, spots and marks
 * mentions, follows the page's changes, opens the card from the pointer or the keyboard, and
 * answers the popup. Everything it starts is owned by `ctx`, so an extension reload or
 * update leaves nothing behind on the page.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isInViewport, type Box } from '../../components/card/position';
import { loadMatcher, type Matcher } from '../../lib/engine/matcher';
import type { ContentToBackground, PageRecognition, Response, SiteSettings } from '../../lib/messages';
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
import { PageFingerprint } from './page-fingerprint';
import { CitedMarkers, type CitedMarker } from './cited-markers';
import { NearViewport, type Nearness } from './near-viewport';
import { Spotter } from './spotter';
import { compareMentions, liveRange, mentionRects, type SpottedMention } from './spotted';

type MatcherAnswer = Response<ContentToBackground, 'matcher/get'>;

export class ContentSession {
  private matcher: Matcher | null = null;
  private spotter: Spotter | null = null;
  private marks: MentionMarks | null = null;
  /** The page's one IntersectionObserver (issue 7), shared by the spotter and the marks. */
  private nearness: Nearness | null = null;
  private settings: SiteSettings = { enabled: false, suppressed: [] };
  private readonly watcher: PageWatcher;
  private readonly card: CardHost;
  /** Saved highlights (issue 6): drawn whether or not spotting is on for this site. */
  private readonly highlights: PageHighlights;
  private readonly intent: HoverIntent<SpottedMention>;
  private readonly timers: Timers;
  /** The latest pointer move; `at` is its event timestamp (when the pointer got there). */
  private pointer: { x: number; y: number; target: EventTarget | null; at: number } | null = null;
  private pointerFrame = 0;
  private scrollFrame = 0;
  /** Issue 9: the page's fingerprint, and what the background recognised from it. */
  private fingerprint = new PageFingerprint();
  private recognition: PageRecognition | null = null;
  private citedMarkers: CitedMarkers | null = null;

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
      // issue 4
      onPin: (pinned) => this.intent.pin(pinned),
      openReader: (doc, passage) => void ask('reader/open', { doc, passage }).catch(() => undefined),
      openEntity: (entity) => void ask('entity/open', { entity }).catch(() => undefined),
    });
    this.intent = new HoverIntent(
      this.timers,
      {
        open: (mention) => this.openCard(mention, false),
        close: () => this.card.close(),
        prefetch: (mention) => this.card.prefetch(mention.entity.id),
      },
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
      // Popup settings (issue 5): "this site" is the page's own host.
      'page/site': () => ({ host: location.hostname }),
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
    const nearness = new NearViewport(this.timers);
    this.nearness = nearness;
    this.marks = supportsHighlights()
      ? new HighlightMarks(this.timers, nearness)
      : new FallbackMarks(this.timers, this.watcher.quietly);
    this.fingerprint = new PageFingerprint();
    const fingerprint = this.fingerprint;
    this.spotter = new Spotter(
      matcher,
      this.marks,
      suppressed,
      (root, text) => fingerprint.add(root, text),
      this.watcher.observeShadowRoot,
      nearness,
    );
    this.watcher.start(body);
    await this.spotter.scan([body]);
    await this.recognise();
  }

  /**
   * Tells the background what the page's text is (issue 9). Only pages where Backstory marked
   * something: a corpus document or a copy always names the corpus's people, and every other
   * page is spared the message.
   */
  private async recognise(): Promise<void> {
    const spotter = this.spotter;
    if (!spotter || this.ctx.isInvalid || !spotter.hasMentions()) return;
    const page = this.fingerprint.takeChanged();
    if (!page) return;
    let answer: PageRecognition | undefined;
    try {
      answer = await ask('page/recognise', page);
    } catch {
      // The background is restarting: cards show the usual accounts; the next rescan asks again.
    }
    // Refused (logged by the background) or unanswered: keep what we had.
    if (!answer || this.ctx.isInvalid) return;
    const before = JSON.stringify(this.recognition?.thisPage ?? null);
    this.recognition = answer;
    if (JSON.stringify(answer.thisPage) !== before) this.card.forgetCards();
    await this.markCitedParagraphs(answer);
  }

  /** Quiet markers beside the page's paragraphs that the accounts quote (issue 9). */
  private async markCitedParagraphs(recognition: PageRecognition): Promise<void> {
    const entities = new Map((this.matcher?.entities ?? []).map((e) => [e.id, e]));
    const markers: CitedMarker[] = [];
    const marked = new Set<Element>();
    for (const cited of recognition.cited) {
      const element = this.fingerprint.chunkShowing(cited.shingles);
      const entity = cited.entities.map((id) => entities.get(id)).find((e) => e !== undefined);
      // One marker per element: a chunk showing several quoted paragraphs opens the first.
      if (!element || !entity || marked.has(element)) continue;
      marked.add(element);
      markers.push({ element, para: cited.para, entity: { id: entity.id, name: entity.name } });
    }
    if (markers.length === 0 && !this.citedMarkers) return;
    this.citedMarkers ??= new CitedMarkers(this.ctx, (entity, anchor) => {
      const full = entities.get(entity.id);
      if (full) void this.card.open(full, anchor, { focus: true });
    });
    await this.citedMarkers.show(markers);
  }

  private stop(): void {
    void this.citedMarkers?.show([]);
    this.watcher.stop();
    this.intent.dismiss();
    this.spotter?.stop();
    this.spotter = null;
    this.marks = null;
    this.nearness?.disconnect();
    this.nearness = null;
  }

  private async rescan(roots: Element[], sweep: boolean): Promise<void> {
    const spotter = this.spotter;
    if (!spotter) return;
    await spotter.scan(roots, { sweep });
    await this.recognise();
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
        this.pointer = { x: e.clientX, y: e.clientY, target: e.target, at: e.timeStamp };
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
    // `npm run bench` (issue 7) sets data-backstory-bench on <html> to time each lookup; other pages pay one attribute read.
    const timed = document.documentElement.dataset.backstoryBench !== undefined ? performance.now() : -1;
    const mention = mentionAtPoint(document, this.spotter.index, pointer.x, pointer.y);
    if (timed >= 0) performance.measure('backstory:hit-test', { start: timed, end: performance.now() });
    // The event's timestamp and performance.now() share the page's time origin.
    this.intent.pointerOn(mention, performance.now() - pointer.at);
  }

  private followScroll(): void {
    this.scrollFrame = 0;
    const open = this.intent.current;
    if (!open) return;
    const rect = this.anchorRect(open);
    const visible = rect && isInViewport(rect, { width: window.innerWidth, height: window.innerHeight });
    // A pinned card stays where it is while its mention is away, and follows it when it is back.
    if (this.intent.isPinned && !visible) return;
    if (!rect || !visible) {
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
    const mention = spotter.mentionOf(entity, index);
    if (!mention) return false;
    scrollToMention(mention);
    this.marks.flash(mention);
    return true;
  }

  /**
   * The keyboard command: the card of the mention at or after the caret; pressed again while a
   * card is open, the card of the next mention (wrapping to the first at the end of the page).
   */
  private openAtCaret(): boolean {
    const spotter = this.spotter;
    if (!spotter) return false;
    const open = this.intent.current;
    const caret = open ? null : caretRange();
    // Mentions are built as the walk passes their chunks (issue 7): start at the caret's chunk.
    const isAfter = open
      ? (m: SpottedMention) => !sameMention(m, open) && compareMentions(m, open) > 0
      : (m: SpottedMention) => !caret || caret.comparePoint(m.range.endContainer, m.range.endOffset) >= 0;
    let next = first(spotter.mentionsFrom(open ? open.range.startContainer : (caret?.startContainer ?? null)), isAfter);
    next ??= open ? first(spotter.mentionsFrom(null), (m) => !sameMention(m, open)) : undefined;
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

function first<T>(items: Iterable<T>, test: (item: T) => boolean): T | undefined {
  for (const item of items) if (test(item)) return item;
  return undefined;
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
  const range = liveRange(mention.range);
  const rect = range?.getBoundingClientRect();
  if (rect && isInViewport(rect, { width: window.innerWidth, height: window.innerHeight })) return;
  mention.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
}
