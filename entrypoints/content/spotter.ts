/**
 * Spotting on a live page: scans chunks of the page a slice at a time, keeps the mentions the
 * page's evidence accepts, indexes them for the hit-test and hands them to the marks. Every
 * pass, first or incremental, is one `backstory:scan` performance measure.
 */
import { extractText, locate, type TextMap } from '../../lib/engine/dom-text';
import { PageEvidence, withEventMentions } from '../../lib/engine/evidence';
import { dropOtherNames } from '../../lib/engine/name-context';
import type { Matcher } from '../../lib/engine/matcher';
import type { RawMatch } from '../../lib/engine/types';
import type { PageMention } from '../../lib/messages';
import { blockAncestor, isOwnUi, splitIntoChunks } from './chunks';
import type { MentionMarks } from './marks';
import { MentionIndex } from './mention-index';
import { findAllSliced, needsSlicing } from './sliced-match';
import type { Segment, SpottedMention } from './spotted';
import { SliceClock } from './yield';

export const SCAN_MEASURE = 'backstory:scan';

interface ChunkScan {
  root: Element;
  mentions: SpottedMention[];
  /** Ambiguous names the evidence did not accept yet; later chunks may tip the balance. */
  pending: RawMatch[];
}

export class Spotter {
  private chunks = new Map<Element, ChunkScan>();
  private evidence: PageEvidence;
  readonly index = new MentionIndex<Text, SpottedMention>();
  private suppressed: Set<string>;
  /** Passes run one after another; a pass started while another runs waits its turn. */
  private queue: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private matcher: Matcher,
    private marks: MentionMarks,
    suppressed: readonly string[],
    /** Sees each chunk's text as it is read, so the page fingerprint (issue 9) needs no second walk. */
    private onChunkText?: (root: Element, text: string) => void,
    /** Hears of each open shadow root read, so the page watcher follows it (issue 3). */
    private onShadowRoot?: (root: ShadowRoot) => void,
  ) {
    this.evidence = new PageEvidence(matcher);
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
    this.marks.clear();
    this.chunks.clear();
  }

  /** "Not this": drop an entity's mentions at once. */
  suppress(entityIds: readonly string[]): void {
    const ids = new Set(entityIds.filter((id) => !this.suppressed.has(id)));
    if (ids.size === 0) return;
    for (const id of ids) this.suppressed.add(id);
    for (const chunk of this.chunks.values()) {
      const gone = chunk.mentions.filter((m) => ids.has(m.entity.id));
      if (gone.length === 0) continue;
      this.forget(gone);
      chunk.mentions = chunk.mentions.filter((m) => !ids.has(m.entity.id));
    }
  }

  get suppressedIds(): ReadonlySet<string> {
    return this.suppressed;
  }

  *mentions(): Iterable<SpottedMention> {
    for (const chunk of this.chunks.values()) yield* chunk.mentions;
  }

  /** Entities on this page with their mention counts, most mentioned first. */
  counts(): PageMention[] {
    const counts = new Map<string, PageMention>();
    for (const m of this.mentions()) {
      const entry = counts.get(m.entity.id);
      if (entry) entry.count++;
      else counts.set(m.entity.id, { entity: m.entity.id, name: m.entity.name, type: m.entity.type, count: 1 });
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  }

  private async runPass(roots: readonly Element[], sweep: boolean): Promise<void> {
    if (this.stopped) return;
    const start = performance.now();
    const clock = new SliceClock();
    let scanned = 0;

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
      if (chunk.pending.length === 0 || !chunk.pending.some((m) => this.evidence.accepts(m, this.suppressed))) continue;
      if (clock.due()) await clock.yield();
      if (!chunk.root.isConnected) continue;
      this.drop(chunk);
      await this.scanChunk(chunk.root, false, clock);
      scanned++;
    }
    const busy = clock.finish();
    await this.marks.settled();
    if (this.stopped) return;
    measure(start, { chunks: scanned, mentions: this.chunks.size ? [...this.mentions()].length : 0, busy });
  }

  /** Extract, match, weigh the evidence, build ranges, mark and index one chunk. */
  private async scanChunk(root: Element, addEvidence: boolean, clock: SliceClock): Promise<void> {
    const map = extractText(root, { isOwnUi, onShadowRoot: this.onShadowRoot });
    this.onChunkText?.(root, map.text);
    let matches: RawMatch[];
    if (needsSlicing(map.text)) {
      // One huge text (a 5 MB <pre>): match it a window at a time so no task runs long.
      const sliced = await findAllSliced(this.matcher, map.text, clock, () => this.stopped || !root.isConnected);
      if (!sliced) return;
      matches = dropOtherNames(map.text, sliced);
    } else {
      matches = dropOtherNames(map.text, this.matcher.findAll(map.text));
    }
    if (addEvidence) this.evidence.add(matches);
    const mentions: SpottedMention[] = [];
    const pending: RawMatch[] = [];
    const accepted: RawMatch[] = [];
    for (const match of matches) {
      const entity = this.matcher.entities[match.entity];
      // Blockers and topic words are evidence only: never marked, never waiting for more.
      if (!entity || entity.blocker || entity.topic || this.suppressed.has(entity.id)) continue;
      if (!this.evidence.accepts(match, this.suppressed)) {
        pending.push(match);
        continue;
      }
      accepted.push(match);
    }
    // Events the chunk's sentences talk about ("the drone strike that killed Soleimani").
    for (const match of withEventMentions(this.matcher, map.text, accepted, this.suppressed)) {
      const mention = toMention(match, map, root, this.matcher.entities[match.entity]!);
      if (mention) mentions.push(mention);
    }
    if (mentions.length === 0 && pending.length === 0) return;
    this.chunks.set(root, { root, mentions, pending });
    // The fallback marks rewrite ranges and segments: index after marking.
    this.marks.add(mentions);
    for (const mention of mentions) {
      for (const s of mention.segments) this.index.add(s.node, s.from, s.to, mention);
    }
  }

  private drop(chunk: ChunkScan): void {
    this.forget(chunk.mentions);
    this.chunks.delete(chunk.root);
  }

  private forget(mentions: readonly SpottedMention[]): void {
    this.marks.remove(mentions);
    for (const mention of mentions) {
      for (const s of mention.segments) this.index.remove(s.node, mention);
    }
  }

  /** Drop the chunks at or inside `root` before it is scanned again. */
  private dropWithin(root: Element): void {
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
    for (const chunk of [...this.chunks.values()]) {
      if (!chunk.root.isConnected) this.drop(chunk);
    }
  }
}

function toMention(
  match: RawMatch,
  map: TextMap,
  chunk: Element,
  entity: SpottedMention['entity'],
): SpottedMention | null {
  const start = locate(map, match.start, 'start');
  const end = locate(map, match.end, 'end');
  if (!start || !end) return null;
  const segments = segmentsBetween(map, start, end, match.start);
  if (segments.length === 0) return null;
  return {
    entity,
    range: new StaticRange({
      startContainer: start.node,
      startOffset: start.offset,
      endContainer: end.node,
      endOffset: end.offset,
    }),
    segments,
    chunk,
    anchor: blockAncestor(start.node, chunk),
  };
}

/** The stretch of each text node from `start` to `end` (a name may span several nodes). */
function segmentsBetween(
  map: TextMap,
  start: { node: Text; offset: number },
  end: { node: Text; offset: number },
  textOffset: number,
): Segment[] {
  const first = nodeIndex(map, start.node, textOffset);
  if (first < 0) return [];
  const segments: Segment[] = [];
  for (let i = first; i < map.nodes.length; i++) {
    const node = map.nodes[i]!;
    const from = node === start.node ? start.offset : 0;
    const to = node === end.node ? end.offset : node.length;
    if (to > from) segments.push({ node, from, to });
    if (node === end.node) return segments;
  }
  return segments;
}

/** Where `node` is in the map, searching near the node that holds `textOffset`. */
function nodeIndex(map: TextMap, node: Text, textOffset: number): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  let guess = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (map.starts[mid]! <= textOffset) {
      guess = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  for (let d = 0; d < 4; d++) {
    if (map.nodes[guess + d] === node) return guess + d;
    if (map.nodes[guess - d] === node) return guess - d;
  }
  return map.nodes.indexOf(node);
}

function measure(start: number, detail: { chunks: number; mentions: number; busy: number }): void {
  try {
    performance.measure(SCAN_MEASURE, { start, end: performance.now(), detail });
  } catch {
    // Very old engines lack the options form of measure(); the scan itself is unaffected.
  }
}
