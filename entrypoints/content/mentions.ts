/**
 * Mentions on this page: asks the background for the matcher and the site's settings, spots and
 * marks the names (spotter.ts, marks.ts), follows the page's changes, opens the card from the
 * pointer (the page's pointer tracker) or the keyboard, answers the popup, and recognises the
 * page (recognition.ts). A paused Backstory costs the page one small message, and so does a page
 * that names nobody Backstory knows: the dictionary is sent and unpacked only when spotting is on
 * for the site and the token gate (name-gate.ts) says the page may name someone.
 */
import { isInViewport, type Box } from '../../components/card/position';
import { loadMatcher, type Matcher } from '../../lib/engine/matcher';
import { TokenGate } from '../../lib/engine/token-gate';
import type { TokenGateData } from '../../lib/engine/types';
import type { ContentToBackground, Response, SiteSettings } from '../../lib/messages';
import { HoverIntent } from '../../lib/page/hover-intent';
import { ask } from './background-client';
import { CardHost } from './card-host';
import { FallbackMarks } from './fallback-marks';
import { HighlightMarks, supportsHighlights, type MentionMarks } from './marks';
import { NearViewport, type Nearness } from './near-viewport';
import type { Feature, PageParts, Teardown } from './page-parts';
import { whenPageMayName } from './name-gate';
import { indexedAt } from './pointer';
import { Recognition } from './recognition';
import { Spotter } from './spotter';
import { compareMentions, liveRange, mentionRects, type SpottedMention } from './spotted';
import { yieldToPage } from './yield';

export type MentionsFeature = Feature<'page/mentions' | 'page/reveal' | 'settings/changed' | 'card/open-at-caret' | 'page/site' | 'kb/changed'>;

export function initMentions(page: PageParts, deps: { saveAround(mention: AbstractRange): boolean }): MentionsFeature {
  const mentions = new PageMentions(page, deps);
  void mentions.boot();
  return {
    answers: {
      'page/mentions': () => mentions.counts(),
      'page/reveal': ({ entity, index }) => ({ ok: mentions.reveal(entity, index) }),
      'settings/changed': async ({ settings }) => {
        await mentions.applySettings(settings);
        return { ok: true as const };
      },
      'card/open-at-caret': () => ({ ok: mentions.openAtCaret() }),
      // "This site" in the popup's settings is the page's own host.
      'page/site': () => ({ host: location.hostname }),
      'kb/changed': async ({ matcherChanged }) => {
        await mentions.knowledgeChanged(matcherChanged);
        return { ok: true as const };
      },
    },
    teardown: () => mentions.stop(),
  };
}

class PageMentions {
  private matcher: Matcher | null = null;
  private gate: TokenGate | null = null;
  private gateData: TokenGateData | null = null;
  /** Stops waiting for the page to name someone; null while not waiting. */
  private stopWaiting: Teardown | null = null;
  private spotter: Spotter | null = null;
  private marks: MentionMarks | null = null;
  /** The page's one IntersectionObserver, shared by the spotter and the marks. */
  private nearness: Nearness | null = null;
  private settings: SiteSettings = { enabled: false, suppressed: [] };
  private readonly card: CardHost;
  private readonly intent: HoverIntent<SpottedMention>;
  private recognition: Recognition | null = null;
  /** Undoes what a start did (pointer layer, page watching); null while not spotting. */
  private stopSpotting: Teardown | null = null;
  private scrollFrame = 0;

  constructor(
    private readonly page: PageParts,
    deps: { saveAround(mention: AbstractRange): boolean },
  ) {
    const { ctx } = page;
    this.card = new CardHost(ctx, {
      loadCard: (entity) => ask('card/get', { entity }),
      onSuppress: (entity) => this.notThis(entity),
      onSave: () => {
        const open = this.intent.current;
        if (open) deps.saveAround(open.range);
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

  async boot(): Promise<void> {
    const answer = await this.ask('gate/get');
    if (!answer || this.page.ctx.isInvalid) return;
    this.settings = answer.settings;
    this.gateData = answer.gate;
    if (answer.settings.enabled) this.startWhenNamed();
  }

  /** Spot once the page may name someone (at once, or after a change of the page's). */
  private startWhenNamed(): void {
    if (!this.gateData) return;
    this.gate ??= new TokenGate(this.gateData);
    this.stopWaiting?.();
    this.stopWaiting = whenPageMayName(this.gate, this.page.watcher, () => {
      this.stopWaiting = null;
      void this.startSpotting();
    });
  }

  private async startSpotting(): Promise<void> {
    if (!this.matcher) {
      const answer = await this.ask('matcher/get');
      if (!answer) return;
      this.matcher ??= loadMatcher(answer.matcher);
      // Unpacking the automaton is one unsliced piece of work (about 15 ms at the starter
      // corpus's size); the first scan slice starts in a task of its own.
      await yieldToPage();
    }
    // Settings may have changed while we waited for the background.
    if (this.page.ctx.isInvalid || !this.settings.enabled || this.spotter) return;
    await this.start(this.matcher, this.settings.suppressed);
  }

  counts() {
    return this.spotter?.counts() ?? [];
  }

  stop(): void {
    this.stopWaiting?.();
    this.stopWaiting = null;
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

  async applySettings(settings: SiteSettings): Promise<void> {
    const before = this.settings;
    this.settings = settings;
    if (!settings.enabled) {
      this.stop();
      return;
    }
    const restored = before.suppressed.some((id) => !settings.suppressed.includes(id));
    if (!this.spotter || restored) {
      // Resuming, or a name is no longer suppressed: its mentions were never kept, scan afresh.
      const wasSpotting = this.spotter !== null;
      this.stop();
      if (wasSpotting) await this.startSpotting();
      else this.startWhenNamed();
      return;
    }
    this.spotter.suppress(settings.suppressed);
    const open = this.intent.current;
    if (open && settings.suppressed.includes(open.entity.id)) this.intent.dismiss();
  }

  /**
   * A document was added or removed, or the names changed: cached cards are stale; new names
   * mean a fresh scan with the new matcher; either way the page may now be (or no longer be)
   * one of the corpus's documents.
   */
  async knowledgeChanged(matcherChanged: boolean): Promise<void> {
    this.card.forgetCards();
    if (matcherChanged) {
      // New names: a new gate first, and the new matcher only if the page may name one of them.
      const answer = await this.ask('gate/get');
      if (!answer || this.page.ctx.isInvalid) return;
      this.stop();
      this.matcher = null;
      this.gate = null;
      this.gateData = answer.gate;
      this.recognition = null; // it names the matcher's entities
      this.settings = answer.settings;
      if (answer.settings.enabled) this.startWhenNamed();
      return;
    }
    if (this.spotter?.hasMentions()) await this.recognition?.recogniseAgain();
  }

  /** The gate or the matcher, with this site's settings; one retry while the worker starts. */
  private async ask<K extends 'gate/get' | 'matcher/get'>(type: K): Promise<Response<ContentToBackground, K> | null> {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        // Both take the page's url; the table types each answer.
        return (await ask(type as 'gate/get', { url: location.href })) as Response<ContentToBackground, K>;
      } catch {
        // The background's service worker may still be starting; one retry, then give up quietly.
        await new Promise((resolve) => this.page.timers.setTimeout(() => resolve(null), 1000));
      }
    }
    return null;
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
    this.settings = { ...this.settings, suppressed: [...this.settings.suppressed, entity] };
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
