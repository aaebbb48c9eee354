/**
 * Drawing mentions. With the CSS Custom Highlight API, only the mentions in and near the
 * viewport are registered (each registered range costs the browser on every later DOM or
 * style change: PERFORMANCE.md); the page's one IntersectionObserver (near-viewport.ts), on
 * the mentions' block elements, adds and removes them as the reader scrolls. Where the API is missing, `FallbackMarks` wraps
 * mentions in `<mark>` instead.
 */
import type { Timers } from '../../lib/page/hover-intent';
import type { NearChange, Nearness } from './near-viewport';
import { styleTreeOf } from './shadow-styles';
import type { SpottedMention } from './spotted';

export const MENTION_HIGHLIGHT = 'backstory-mention';
export const FLASH_HIGHLIGHT = 'backstory-flash';
/** Registered ranges at most; a screen above and below the viewport rarely holds half of it. */
export const MAX_REGISTERED = 1500;
const FLASH_MS = 1600;
/** Marks drawn in one block holding more mentions than the cap (see drawGroup). */
const OVERSIZED_BLOCK_DRAWN = 100;

export interface MentionMarks {
  /** Show these mentions (the fallback may rewrite their ranges and segments). */
  add(mentions: readonly SpottedMention[]): void;
  remove(mentions: readonly SpottedMention[]): void;
  /** Remove every mark and leave the page as it was. */
  clear(): void;
  /** Resolves once newly added mentions are drawn (or known to be far from the viewport). */
  settled(): Promise<void>;
  /** Briefly emphasise one mention (the popup's "On this page" → reveal). */
  flash(mention: SpottedMention): void;
}

/** Text nodes this long are never highlighted (see `draw`). */
export const HUGE_TEXT_NODE = 256 * 1024;

function isHugeText(node: Node): boolean {
  return node.nodeType === Node.TEXT_NODE && (node as Text).length > HUGE_TEXT_NODE;
}

export function supportsHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

export class HighlightMarks implements MentionMarks {
  private highlight: Highlight | null = null;
  private byAnchor = new Map<Element, Set<SpottedMention>>();
  private near = new Set<Element>();
  /** Near the viewport but not drawn because the cap was reached. */
  private deferred = new Set<Element>();
  private flashTimer = 0;
  private readonly onNear = (changes: readonly NearChange[]) => this.onIntersection(changes);

  constructor(
    private timers: Timers,
    /** Shared with the spotter: one observer on the page. */
    private nearness: Nearness,
  ) {}

  add(mentions: readonly SpottedMention[]): void {
    // Anchors the observer already reports as near (a chunk being built because it came near
    // is usually its mentions' anchor too): drawn now, not a frame later.
    const alreadyNear: Element[] = [];
    for (const mention of mentions) {
      let group = this.byAnchor.get(mention.anchor);
      if (!group) {
        group = new Set();
        this.byAnchor.set(mention.anchor, group);
        this.nearness.watch(mention.anchor, this.onNear);
        if (this.nearness.isNear(mention.anchor)) alreadyNear.push(mention.anchor);
      }
      group.add(mention);
      if (this.near.has(mention.anchor) && !this.deferred.has(mention.anchor)) this.draw(mention);
    }
    if (alreadyNear.length === 0) return;
    this.onIntersection(alreadyNear.map((element) => ({ element, near: true })));
  }

  remove(mentions: readonly SpottedMention[]): void {
    for (const mention of mentions) {
      const group = this.byAnchor.get(mention.anchor);
      if (!group) continue;
      group.delete(mention);
      this.highlight?.delete(mention.range);
      if (group.size === 0) this.forget(mention.anchor);
    }
    this.drawDeferred();
  }

  clear(): void {
    for (const anchor of this.byAnchor.keys()) this.nearness.unwatch(anchor, this.onNear);
    this.byAnchor.clear();
    this.near.clear();
    this.deferred.clear();
    this.highlight = null;
    CSS.highlights.delete(MENTION_HIGHLIGHT);
    CSS.highlights.delete(FLASH_HIGHLIGHT);
  }

  settled(): Promise<void> {
    return this.nearness.settled();
  }

  flash(mention: SpottedMention): void {
    styleTreeOf(mention.range.startContainer);
    const flash = new Highlight(mention.range);
    flash.priority = 1;
    CSS.highlights.set(FLASH_HIGHLIGHT, flash);
    this.timers.clearTimeout(this.flashTimer);
    this.flashTimer = this.timers.setTimeout(() => CSS.highlights.delete(FLASH_HIGHLIGHT), FLASH_MS);
  }

  /** Ranges currently registered (for tests and the scan measure's detail). */
  get drawn(): number {
    return this.highlight?.size ?? 0;
  }

  private onIntersection(changes: readonly NearChange[]): void {
    for (const { element: anchor, near } of changes) {
      const group = this.byAnchor.get(anchor);
      if (!group) continue;
      if (near) {
        this.near.add(anchor);
        this.drawGroup(anchor, group);
      } else {
        this.near.delete(anchor);
        this.deferred.delete(anchor);
        for (const mention of group) this.highlight?.delete(mention.range);
      }
    }
    this.drawDeferred();
  }

  private drawGroup(anchor: Element, group: Set<SpottedMention>): void {
    if (group.size > MAX_REGISTERED) {
      // One block holds more mentions than the cap (a huge <pre> or unbroken div): waiting for
      // room would never draw any of it, so draw its first ones, a bounded number.
      this.deferred.delete(anchor);
      let budget = OVERSIZED_BLOCK_DRAWN;
      for (const mention of group) {
        if (this.drawn >= MAX_REGISTERED || budget-- <= 0) break;
        this.draw(mention);
      }
      return;
    }
    if (this.drawn + group.size > MAX_REGISTERED) {
      this.deferred.add(anchor);
      return;
    }
    this.deferred.delete(anchor);
    for (const mention of group) this.draw(mention);
  }

  private drawDeferred(): void {
    for (const anchor of this.deferred) {
      const group = this.byAnchor.get(anchor);
      if (!group || !this.near.has(anchor)) {
        this.deferred.delete(anchor);
        continue;
      }
      if (this.drawn + group.size > MAX_REGISTERED) return;
      this.drawGroup(anchor, group);
    }
  }

  private draw(mention: SpottedMention): void {
    // Chromium lays out a whole text node again for each highlight in it: in a 5 MB node 100
    // highlights froze the page for 7 s and 1,500 crashed the tab. Such mentions stay spotted
    // (counted, hoverable) but are not drawn.
    if (isHugeText(mention.range.startContainer) || isHugeText(mention.range.endContainer)) return;
    if (!this.highlight) {
      this.highlight = new Highlight();
      CSS.highlights.set(MENTION_HIGHLIGHT, this.highlight);
    }
    // A mention in a web component's shadow tree paints only with the rules adopted there.
    styleTreeOf(mention.range.startContainer);
    this.highlight.add(mention.range);
  }

  private forget(anchor: Element): void {
    this.nearness.unwatch(anchor, this.onNear);
    this.byAnchor.delete(anchor);
    this.near.delete(anchor);
    this.deferred.delete(anchor);
  }
}
