/**
 * Spotting on this page once the token gate has let it through (mentions.ts boots, waits for the
 * gate, then loads this with the spotting pipeline: `pipeline/load`): unpacks the matcher, spots
 * and marks the names (spotter.ts, marks.ts), follows the page's changes, opens the card from
 * the pointer (the page's pointer tracker) or the keyboard, answers the popup, and recognises the
 * page (recognition.ts). Not in the boot bundle: a page naming nobody never parses it.
 */
import { isInViewport, type Box } from '../../components/card/position';
import { loadMatcher, type Matcher } from '../../lib/engine/matcher';
import type { ContentToBackground, Response, SiteSettings } from '../../lib/messages';
import { HoverIntent } from '../../lib/page/hover-intent';
import { ask } from './background-client';
import { CardHost } from './card-host';
import { FallbackMarks } from './fallback-marks';
import { HighlightMarks, supportsHighlights, type MentionMarks } from './marks';
import { NearViewport, type Nearness } from './near-viewport';
import type { PageParts, Teardown } from './page-parts';
import { indexedAt } from './pointer';
import { Recognition } from './recognition';
import { Spotter } from './spotter';
import { compareMentions, liveRange, mentionRects, type SpottedMention } from './spotted';
import { yieldToPage } from './yield';

/** The background's answer to `matcher/get`. */
export type MatcherAnswer = Response<ContentToBackground, 'matcher/get'>;

/** What the boot side (mentions.ts) shares with the spotting: the site's settings as they are now. */
export interface MentionsState {
  settings: SiteSettings;
  /** Saves the sentence around a mention (the card's Save, through the highlights). */
  saveAround(mention: AbstractRange): boolean;
}

export class PageMentions {
  private matcher: Matcher | null = null;
  private spotter: Spotter | null = null;
  private marks: MentionMarks | null = null;
  /** The page's one IntersectionObserver, shared by the spotter and the marks. */
  private nearness: Nearness | null = null;
  private readonly card: CardHost;
  private readonly intent: HoverIntent<SpottedMention>;
  private recognition: Recognition | null = null;
  /** Undoes what a start did (pointer layer, page watching); null while not spotting. */
  private stopSpotting: Teardown | null = null;
  private scrollFrame = 0;

  constructor(
    private readonly page: PageParts,
    private readonly state: MentionsState,
  ) {
    const { ctx } = page;
    this.card = new CardHost(ctx, {
      loadCard: (entity) => ask('card/get', { entity }),
      onSuppress: (entity) => this.notThis(entity),
      onSave: () => {
        const open = this.intent.current;
        if (open) state.saveAround(open.range);
      },
      onClose: () => this.intent.dismiss(),
      onPin: (pinned) => this.intent.pin(pinned),
      openReader: (doc, passage) => void ask('reader/open', { doc, passage }).catch(() => undefined),
      openEntity: (entity) => void ask('entity/open', { entity }).catch(() => undefined),
    });
    this.intent = new HoverIntent(
      page.timers,
      {
        open: (mention) => this.openCard(mention, false),
        close: () => this.card.close(),
        prefetch: (mention) => this.card.prefetch(mention.entity.id),
      },
      sameMention,
    );
    ctx.addEventListener(document, 'keydown', (e: KeyboardEvent) => {
      if (e.key === 'Escape' && this.intent.current) this.intent.dismiss();
    });
    const onScroll = () => {
      if (!this.scrollFrame) this.scrollFrame = page.timers.requestAnimationFrame(() => this.followScroll());
    };
    ctx.addEventListener(window, 'scroll', onScroll, { passive: true, capture: true });
    ctx.addEventListener(window, 'resize', onScroll, { passive: true });
  }

  /** Whether the page is being spotted (a start ran and nothing stopped it since). */
  get isSpotting(): boolean {
    return this.spotter !== null;
  }

  /** Spot the page; `matcher`: the background's answer, asked by the boot side meanwhile (when not yet unpacked). */
  async startSpotting(matcher: () => Promise<MatcherAnswer | null>): Promise<void> {
    if (!this.matcher) {
      const answer = await matcher();
      if (!answer) return;
      this.matcher ??= loadMatcher(answer.matcher);
      // Unpacking the automaton is one unsliced piece of work (about 15 ms at the starter
      // corpus's size); the first scan slice starts in a task of its own.
      await yieldToPage();
    }
    // Settings may have changed while we waited for the background.
    const { settings } = this.state;
    if (this.page.ctx.isInvalid || !settings.enabled || this.spotter) return;
    await this.start(this.matcher, settings.suppressed);
  }

  counts() {
    return this.spotter?.counts() ?? [];
  }

  stop(): void {
    this.recognition?.stop();
    this.stopSpotting?.();
    this.stopSpotting = null;
    this.intent.dismiss();
    this.spotter?.stop();
    this.spotter = null;
    this.marks = null;
    this.nearness?.disconnect();
    this.nearness = null;
  }

  /** Settings changed while spotting, and no name came back: drop the newly suppressed ones. */
  suppress(suppressed: readonly string[]): void {
    this.spotter?.suppress(suppressed);
    const open = this.intent.current;
    if (open && suppressed.includes(open.entity.id)) this.intent.dismiss();
  }

  /** A document was added or removed, or the names changed: cached cards are stale. */
  forgetCards(): void {
    this.card.forgetCards();
  }

  /** New names: stop, and unpack the new matcher at the next start (the boot side waits for its gate first). */
  forgetMatcher(): void {
    this.stop();
    this.matcher = null;
    this.recognition = null; // it names the matcher's entities
  }

  /** The page may now be (or no longer be) one of the corpus's documents. */
  async recogniseAgain(): Promise<void> {
    if (this.spotter?.hasMentions()) await this.recognition?.recogniseAgain();
  }

  private async start(matcher: Matcher, suppressed: readonly string[]): Promise<void> {
    const body = document.body;
    if (!body) return;
    const { watcher, pointer, timers } = this.page;
    const nearness = new NearViewport(timers);
    this.nearness = nearness;
    this.marks = supportsHighlights() ? new HighlightMarks(timers, nearness) : new FallbackMarks(timers, watcher.quietly);
    this.recognition ??= new Recognition(this.page.ctx, matcher.entities, {
      forgetCards: () => this.card.forgetCards(),
      openCard: (entity, anchor) => void this.card.open(entity, anchor, { focus: true }),
    });
    const recognition = this.recognition;
    recognition.reset();
    const spotter = new Spotter(
      matcher,
      this.marks,
      suppressed,
      (root, text) => recognition.addChunkText(root, text),
      watcher.observeShadowRoot,
      nearness,
    );
    this.spotter = spotter;
    watcher.useChunks((el) => spotter.isChunk(el));
    const unwatch = watcher.subscribe((plan) => void this.rescan(spotter, plan.roots, plan.sweep));
    const unpoint = pointer.add({
      at: indexedAt(spotter.index, mentionRects),
      ownsUi: (target) => this.card.isHost(target),
      intent: this.intent,
    });
    this.stopSpotting = () => {
      unwatch();
      unpoint();
    };
    await spotter.scan([body]);
    await this.recognise(spotter);
  }

  private async recognise(spotter: Spotter): Promise<void> {
    if (this.spotter === spotter && spotter.hasMentions()) await this.recognition?.recognise();
  }

  private async rescan(spotter: Spotter, roots: Element[], sweep: boolean): Promise<void> {
    if (this.spotter !== spotter) return;
    await spotter.scan(roots, { sweep });
    await this.recognise(spotter);
    const open = this.intent.current;
    if (open && !open.range.startContainer.isConnected) this.intent.dismiss();
  }

  private notThis(entity: string): void {
    this.spotter?.suppress([entity]);
    this.state.settings = { ...this.state.settings, suppressed: [...this.state.settings.suppressed, entity] };
    this.intent.dismiss();
    ask('suppress/add', { entity }).catch(() => {
      // The marks are gone for this page either way; the background logs its own failures.
    });
  }

  // --- the card's place ----------------------------------------------------------------------

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
    const p = this.page.pointer.position;
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

  reveal(entity: string, index: number): boolean {
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
  openAtCaret(): boolean {
    const spotter = this.spotter;
    if (!spotter) return false;
    const open = this.intent.current;
    const caret = open ? null : caretRange();
    // Mentions are built as the walk passes their chunks: start at the caret's chunk.
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
