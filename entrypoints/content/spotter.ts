/**
 * Spotting on a live page: scans chunks of the page a slice at a time, keeps the mentions the
 * page's evidence accepts (the spotting pipeline, lib/engine/evidence.ts: the CLI's and the
 * eval's too), indexes them for the hit-test and hands them to the marks. Every pass, first or
 * incremental, is one `backstory:scan` performance measure.
 *
 * A chunk's mentions are counted when it is scanned (entity and text offsets only),
 * but built (StaticRange, segments, anchor, index entries, marks) only when the chunk comes
 * near the viewport, reading the chunk's text map again then (a few chunks a screen: cheaper
 * than keeping every chunk's text and nodes alive), so the first scan's cost beyond reading and matching
 * is proportional to what the reader can see. Building later, as the reader scrolls, is one
 * `backstory:build` measure per observer report; building during a pass counts in the pass.
 *
 * The pipeline after the matcher is asked for (`loadPipeline`) at the first chunk that may give
 * a mention (`mayMention`: a name the matcher finds, or an event cue's words); on a page it is
 * already there, injected with this file once the token gate let the page through
 * (mentions.ts), while unit tests may hand it over late. The chunks read before it are kept,
 * and spotted first once it is there, so a page is spotted as if the pipeline had been there
 * from the start.
 */
import type { PageSpotting } from '../../lib/engine/evidence';
import type { Matcher } from '../../lib/engine/matcher';
import { mayMention } from '../../lib/engine/pipeline-gate';
import type { RawMatch } from '../../lib/engine/types';
import type { PageMention } from '../../lib/messages';
import { readPageText, rangeOver, segmentsOf, type PageText } from '../../lib/page/dom-page-text';
import { TextIndex } from '../../lib/page/text-index';
import { runSliced } from '../../lib/steps';
import { blockAncestor, splitIntoChunks } from './chunks';
import type { MentionMarks } from './marks';
import { measure } from './measures';
import { EverythingNear, type NearChange, type Nearness } from './near-viewport';
import { injectedScript } from './injected-script';
import { registeredPipeline, type SpottingPipeline } from './pipeline-contract';
import type { SpottedMention } from './spotted';
import { SliceClock } from './yield';

export const SCAN_MEASURE = 'backstory:scan';
/** Mentions built outside a scan pass, as their chunks come near the viewport. */
export const BUILD_MEASURE = 'backstory:build';

const loadSpottingPipeline = injectedScript('pipeline/load', registeredPipeline, 'Backstory could not load its spotting on this page');

interface ChunkScan {
  root: Element;
  /** Accepted mentions (events included) in text order: counted at once, built when near. */
  found: RawMatch[];
  /** Built mentions, aligned with `found` (null where the text could not be located); null until built. */
  built: (SpottedMention | null)[] | null;
  /** Ambiguous names the evidence did not accept yet; later chunks may tip the balance. */
  pending: RawMatch[];
  /** The text a first look read, while the pass may give the chunk a second look (then forgotten). */
  text?: string;
}

export class Spotter {
  private chunks = new Map<Element, ChunkScan>();
  /** Chunks with mentions in document order; recomputed after chunks come or go. */
  private order: ChunkScan[] | null = null;
  /** The page's spotting, once the pipeline is loaded (null until a chunk may give a mention). */
  private spotting: PageSpotting | null = null;
  /** Chunks read while the pipeline was not needed yet, in the order read: spotted first once it is. */
  private unspotted = new Set<Element>();
  readonly index = new TextIndex<Text, SpottedMention>();
  private suppressed: Set<string>;
  /** Passes run one after another; a pass started while another runs waits its turn. */
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;
  /** Script time spent building mentions; a pass adds what was spent while it ran. */
  private buildMs = 0;
  private passRunning = false;
  /** Inside a scan slice, whose time the pass's clock already counts. */
  private inSlice = false;
  private readonly onNear = (changes: readonly NearChange[]) => this.buildNear(changes);

  constructor(
    private matcher: Matcher,
    private marks: MentionMarks,
    suppressed: readonly string[],
    /** Sees each chunk's text as it is read, so the page fingerprint needs no second walk. */
    private onChunkText?: (root: Element, text: string) => void,
    /** Hears of each open shadow root read, so the page watcher follows it. */
    private onShadowRoot?: (root: ShadowRoot) => void,
    /** When chunks are near the viewport (the page's one IntersectionObserver); default: all at once. */
    private nearness: Nearness = new EverythingNear(),
    /** The pipeline's script (injected by the background; already registered in unit tests). */
    private loadPipeline: () => Promise<SpottingPipeline> = loadSpottingPipeline,
  ) {
    this.suppressed = new Set(suppressed);
  }

  /** Rescan these subtrees (the whole body at first): one pass, one measure. */
  scan(roots: readonly Element[], options: { sweep?: boolean } = {}): Promise<void> {
    const pass = this.queue.then(() => this.runPass(roots, options.sweep ?? false));
    this.queue = pass.catch(() => {});
    return pass;
  }

  /** The chunk root holding `el`, if `el` is one. */
  isChunk(el: Element): boolean {
    return this.chunks.has(el);
  }

  /** Remove every mark and forget the page; the spotter cannot be used afterwards. */
  stop(): void {
    this.stopped = true;
    for (const chunk of this.chunks.values()) this.nearness.unwatch(chunk.root, this.onNear);
    this.marks.clear();
    this.chunks.clear();
    this.unspotted.clear();
    this.order = null;
  }

  /** "Not this": drop an entity's mentions at once, built or not. */
  suppress(entityIds: readonly string[]): void {
    const ids = new Set(entityIds.filter((id) => !this.suppressed.has(id)));
    if (ids.size === 0) return;
    for (const id of ids) this.suppressed.add(id);
    for (const chunk of this.chunks.values()) {
      const keep = chunk.found.map((m) => !ids.has(this.entityOf(m).id));
      if (keep.every(Boolean)) continue;
      chunk.found = chunk.found.filter((_, i) => keep[i]);
      if (chunk.built) {
        this.forget(chunk.built.filter((m, i): m is SpottedMention => m !== null && !keep[i]));
        chunk.built = chunk.built.filter((_, i) => keep[i]);
      }
    }
    this.order = null;
  }

  get suppressedIds(): ReadonlySet<string> {
    return this.suppressed;
  }

  /** Entities on this page with their mention counts, most mentioned first (built or not). */
  counts(): PageMention[] {
    const counts = new Map<string, PageMention>();
    for (const chunk of this.chunks.values()) {
      for (const match of chunk.found) {
        const entity = this.entityOf(match);
        const entry = counts.get(entity.id);
        if (entry) entry.count++;
        else counts.set(entity.id, { entity: entity.id, name: entity.name, type: entity.type, count: 1 });
      }
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }

  /** Whether any mention was found on the page (cheaper than counting them). */
  hasMentions(): boolean {
    for (const chunk of this.chunks.values()) if (chunk.found.length > 0) return true;
    return false;
  }

  /** The `index`-th mention of `entity` in document order, built on demand (the popup's reveal). */
  mentionOf(entity: string, index: number): SpottedMention | null {
    let left = index;
    for (const chunk of this.ordered()) {
      for (let i = 0; i < chunk.found.length; i++) {
        if (this.entityOf(chunk.found[i]!).id !== entity || left-- > 0) continue;
        return this.build(chunk)[i] ?? null;
      }
    }
    return null;
  }

  /**
   * Mentions in document order from the chunk holding `node` (or the first chunk after it;
   * from the top when null), built as the caller iterates: the keyboard's "next mention"
   * builds only the chunks it passes. Chunks before `node` may be included, never skipped.
   */
  *mentionsFrom(node: Node | null): Generator<SpottedMention> {
    const order = this.ordered();
    for (let i = node ? firstNotBefore(order, node) : 0; i < order.length; i++) {
      const chunk = order[i]!;
      if (!this.chunks.has(chunk.root)) continue;
      for (const mention of this.build(chunk)) if (mention) yield mention;
    }
  }

  private entityOf(match: RawMatch): SpottedMention['entity'] {
    return this.matcher.entities[match.entity]!;
  }

  private ordered(): ChunkScan[] {
    // Passes add chunks in document order, so this is nearly sorted: a cheap sort (TimSort).
    this.order ??= [...this.chunks.values()]
      .filter((c) => c.found.length > 0)
      .sort((a, b) => (a.root === b.root ? 0 : a.root.compareDocumentPosition(b.root) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    return this.order;
  }

  private async runPass(roots: readonly Element[], sweep: boolean): Promise<void> {
    if (this.stopped) return;
    const start = performance.now();
    const clock = new SliceClock();
    const buildBefore = this.buildMs;
    this.passRunning = true;
    let scanned = 0;
    try {
      if (sweep) this.sweep();
      const work: Element[] = [];
      for (const root of roots) {
        if (!root.isConnected) continue;
        this.dropWithin(root);
        // Not push(...chunks): 100k chunks as arguments overflow the stack.
        for (const chunk of splitIntoChunks(root)) work.push(chunk);
      }
      for (const root of work) {
        if (this.stopped) return;
        if (clock.due()) await clock.yield();
        if (this.stopped) return;
        if (!root.isConnected) continue;
        await this.scanChunk(root, true, clock);
        scanned++;
      }
      // Names rejected for lack of evidence get a second look now that the whole pass is in.
      for (const chunk of [...this.chunks.values()]) {
        if (this.stopped) return;
        if (!this.spotting?.acceptsAny(chunk.pending)) continue;
        if (clock.due()) await clock.yield();
        if (!chunk.root.isConnected) continue;
        const firstLook = chunk.text;
        this.drop(chunk);
        await this.scanChunk(chunk.root, false, clock, firstLook);
        scanned++;
      }
      this.spotting?.endPass();
      const reading = clock.finish();
      // The pass ends when the chunks near the viewport are built and their marks drawn.
      await this.nearness.settled();
      await this.marks.settled();
      if (this.stopped) return;
      let mentions = 0;
      for (const chunk of this.chunks.values()) mentions += chunk.found.length;
      const building = this.buildMs - buildBefore;
      measure(SCAN_MEASURE, start, { chunks: scanned, mentions, busy: reading + building, building });
    } finally {
      this.passRunning = false;
      this.spotting?.endPass();
      for (const chunk of this.chunks.values()) chunk.text = undefined;
    }
  }

  /**
   * Read one chunk and spot its text; its mentions are built when near. `firstLook`: the text
   * the pass's first look read (a second look at unchanged text tells the fingerprint nothing new).
   */
  private async scanChunk(root: Element, addEvidence: boolean, clock: SliceClock, firstLook?: string): Promise<void> {
    const map = readPageText(root, { onShadowRoot: this.onShadowRoot });
    if (map.text !== firstLook) this.onChunkText?.(root, map.text);
    const spotting = await this.spottingFor(root, map.text, clock);
    if (!spotting) return;
    // Sliced on a huge text (a 5 MB <pre>) only: anything shorter is spotted in one go.
    const spotted = await runSliced(spotting.spot(map.text, addEvidence), clock, () => this.stopped || !root.isConnected);
    if (!spotted) return;
    const { found, pending } = spotted;
    if (found.length === 0 && pending.length === 0) return;
    const chunk: ChunkScan = { root, found, built: null, pending, ...(addEvidence && pending.length > 0 ? { text: map.text } : {}) };
    this.chunks.set(root, chunk);
    this.order = null;
    if (found.length === 0) return;
    // Without an observer (EverythingNear) the chunk is built right here, inside the slice.
    this.inSlice = true;
    try {
      this.nearness.watch(root, this.onNear);
    } finally {
      this.inSlice = false;
    }
  }

  /**
   * The page's spotting for this chunk, loading the pipeline if the chunk may give a mention and
   * first spotting the chunks read before it; null (the chunk kept for later) while no chunk
   * needs it, or when it could not load this time (the next chunk that needs it asks again).
   */
  private async spottingFor(root: Element, text: string, clock: SliceClock): Promise<PageSpotting | null> {
    if (this.spotting) return this.spotting;
    this.unspotted.add(root);
    if (!mayMention(this.matcher, text)) return null;
    let pipeline: SpottingPipeline;
    try {
      pipeline = await this.loadPipeline();
    } catch (error) {
      console.warn('[backstory]', error);
      return null;
    }
    if (this.stopped) return null;
    if (this.spotting) return this.spotting;
    this.spotting = new pipeline.PageSpotting(this.matcher, this.suppressed);
    this.unspotted.delete(root);
    const earlier = [...this.unspotted].filter((el) => el.isConnected);
    this.unspotted.clear();
    for (const el of earlier) {
      if (this.stopped) return null;
      if (clock.due()) await clock.yield();
      await this.scanChunk(el, true, clock);
    }
    return this.spotting;
  }

  /** The observer's report: build the chunks that came near (timed: see BUILD_MEASURE). */
  private buildNear(changes: readonly NearChange[]): void {
    const start = performance.now();
    let built = 0;
    for (const { element, near } of changes) {
      const chunk = this.chunks.get(element);
      if (!near || !chunk || chunk.built) continue;
      built += this.build(chunk).length;
    }
    if (built === 0 || this.stopped) return;
    const ms = performance.now() - start;
    if (!this.passRunning) measure(BUILD_MEASURE, start, { mentions: built, busy: ms });
  }

  /**
   * Build a chunk's mentions (once), index and mark them. The text is read again: if the page
   * changed it since the scan, the watcher's rescan of this chunk is already on its way and
   * replaces what is built here (locate clamps offsets to the nodes as they are now).
   */
  private build(chunk: ChunkScan): readonly (SpottedMention | null)[] {
    if (chunk.built) return chunk.built;
    const start = performance.now();
    const map = readPageText(chunk.root);
    const built = chunk.found.map((match) => toMention(match, map, chunk.root, this.entityOf(match)));
    chunk.built = built;
    const mentions = built.filter((m): m is SpottedMention => m !== null);
    // The fallback marks rewrite ranges and segments: index after marking.
    this.marks.add(mentions);
    for (const mention of mentions) {
      for (const s of mention.segments) this.index.add(s.node, s.from, s.to, mention);
    }
    // Only now: the marks watch the same element (a chunk is usually its mentions' anchor), and
    // unwatching first would make the observer forget it is near, so they would draw a frame late.
    this.nearness.unwatch(chunk.root, this.onNear);
    if (!this.inSlice) this.buildMs += performance.now() - start;
    return built;
  }

  private drop(chunk: ChunkScan): void {
    if (chunk.built) this.forget(chunk.built.filter((m): m is SpottedMention => m !== null));
    this.nearness.unwatch(chunk.root, this.onNear);
    this.chunks.delete(chunk.root);
    this.order = null;
  }

  private forget(mentions: readonly SpottedMention[]): void {
    this.marks.remove(mentions);
    for (const mention of mentions) {
      for (const s of mention.segments) this.index.remove(s.node, mention);
    }
  }

  /** Drop the chunks at or inside `root` before it is scanned again. */
  private dropWithin(root: Element): void {
    for (const el of this.unspotted) if (root.contains(el)) this.unspotted.delete(el);
    const own = this.chunks.get(root);
    if (own) {
      this.drop(own);
      // A chunk root holds no other chunk roots (chunks never nest).
      return;
    }
    for (const chunk of [...this.chunks.values()]) {
      if (root.contains(chunk.root)) this.drop(chunk);
    }
  }

  private sweep(): void {
    for (const el of this.unspotted) if (!el.isConnected) this.unspotted.delete(el);
    for (const chunk of [...this.chunks.values()]) {
      if (!chunk.root.isConnected) this.drop(chunk);
    }
  }
}

/**
 * Index of the first chunk (in document order) that holds `node` or comes after it. Chunks
 * never nest, so "entirely before `node`" is true for a prefix of the list: binary search.
 */
export function firstNotBefore(order: readonly { root: Element }[], node: Node): number {
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const root = order[mid]!.root;
    const before = !root.contains(node) && (root.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    if (before) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function toMention(match: RawMatch, map: PageText, chunk: Element, entity: SpottedMention['entity']): SpottedMention | null {
  const segments = segmentsOf(map, match.start, match.end);
  if (segments.length === 0) return null;
  return { entity, range: rangeOver(segments), segments, chunk, anchor: blockAncestor(segments[0]!.node, chunk) };
}
