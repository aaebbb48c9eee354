/**
 * The page's text: one string with a map back to the text nodes it came from, and the ways
 * between the two — a text offset to a DOM position (`locate`, `staticRangeAt`, `segmentsOf`),
 * a DOM position or a selection to text offsets (`offsetAt`, `rangeOffsets`). Spotting names,
 * saving and re-anchoring highlights, the hover hit-test and page recognition all read the page
 * through this one module.
 *
 * One TreeWalker pass, filtering in the loop (an `acceptNode` callback makes the walk 5–8×
 * slower), reading no styles and no layout: what an element is to the text is decided by tag and
 * attribute only (dom-elements.ts). Text nodes inside one block join directly, so
 * `<b>Mustafa</b> <i>al-Kazemi</i>` reads "Mustafa al-Kazemi"; a BLOCK_BREAK goes between blocks,
 * so no name runs from one paragraph into the next and a passage across two paragraphs keeps
 * them apart. Whitespace-only text where a line starts (the indentation between blocks of
 * pretty-printed HTML) is not rendered and not read.
 *
 * Runs in the content script and under happy-dom in Node (the CLI, tests).
 */
import { BLOCK_BREAK } from '../engine/alphabet';
import { isBlank, isBlock, isNotProse, isSkipped } from './dom-elements';
import { openShadowRoot, walkShadowRoot, type ComposedSink } from './dom-shadow';

export interface PageText {
  text: string;
  nodes: Text[];
  /** starts[i] = offset of nodes[i] in text. */
  starts: number[];
}

/**
 * What a reading holds. `prose`: the text names are spotted in. `selectable`: prose plus what a
 * reader sees and can select but where no name is marked (code, editable regions, text hidden
 * from assistive technology), so a highlight keeps every word the reader selected. Both have
 * the same blocks and breaks, and neither holds skipped elements (scripts, form fields,
 * graphics, hidden elements, Backstory's own UI).
 */
export type Reading = 'prose' | 'selectable';

export interface ReadOptions {
  reading?: Reading;
  /** Hears of each open shadow root read (their text is read too: dom-shadow.ts). */
  onShadowRoot?: (root: ShadowRoot) => void;
}

/** The part of a text range inside one text node. */
export interface Segment {
  node: Text;
  /** UTF-16 offsets into the node's data, end exclusive. */
  from: number;
  to: number;
}

// Numeric DOM constants: this file also runs under happy-dom in Node, without DOM globals.
const NODE = { ELEMENT: 1, TEXT: 3, DOCUMENT: 9, FRAGMENT: 11 } as const;
const SHOW_ELEMENTS_AND_TEXT = 0x1 | 0x4;
const DOCUMENT_POSITION_FOLLOWING = 0x4;

/** Read the text under `root` (an element, a text node or a document). */
export function readPageText(root: Node, options: ReadOptions = {}): PageText {
  const prose = (options.reading ?? 'prose') === 'prose';
  const skipped = (el: Element) => isSkipped(el) || (prose && isNotProse(el));
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let offset = 0;
  let pendingBreak = false;
  // A <br> inside a block is a line break a name may run across ("Adel Abdul<br>Mahdi"): it
  // reads as a newline, which the alphabet treats as a space.
  let pendingLineBreak = false;

  const addText = (node: Text) => {
    const data = node.data;
    if (data.length === 0) return;
    if ((pendingBreak || pendingLineBreak || offset === 0) && isBlank(data)) return;
    if (pendingBreak && offset > 0) {
      parts.push(BLOCK_BREAK);
      offset += BLOCK_BREAK.length;
    } else if (pendingLineBreak && offset > 0) {
      parts.push('\n');
      offset += 1;
    }
    pendingBreak = false;
    pendingLineBreak = false;
    nodes.push(node);
    starts.push(offset);
    parts.push(data);
    offset += data.length;
  };
  // Shadow hosts read their shadow tree instead of their light children, as a block of their
  // own; the sink is built only on pages that have one.
  let sink: ComposedSink | null = null;
  const readShadow = (shadow: ShadowRoot) => {
    sink ??= {
      text: addText,
      blockBreak: () => (pendingBreak = true),
      lineBreak: () => (pendingLineBreak = true),
      skipped,
      isBlock,
      onShadowRoot: options.onShadowRoot,
    };
    pendingBreak = true;
    walkShadowRoot(shadow, sink);
    pendingBreak = true;
  };
  const done = (): PageText => ({ text: parts.join(''), nodes, starts });

  if (root.nodeType === NODE.TEXT) {
    addText(root as Text);
    return done();
  }
  if (root.nodeType === NODE.ELEMENT) {
    if (skipped(root as Element)) return done();
    const shadow = openShadowRoot(root as Element);
    if (shadow) {
      readShadow(shadow);
      return done();
    }
  }

  const doc = root.nodeType === NODE.DOCUMENT ? (root as Document) : root.ownerDocument;
  if (!doc) return done();
  // Walked with firstChild/nextSibling/parentNode rather than nextNode() so that leaving an
  // element is visible too: a block's end is a break as much as its start.
  const walker = doc.createTreeWalker(root, SHOW_ELEMENTS_AND_TEXT);
  let node: Node | null = walker.firstChild();
  while (node) {
    if (node.nodeType === NODE.TEXT) {
      addText(node as Text);
    } else {
      const el = node as Element;
      if (!skipped(el)) {
        const shadow = openShadowRoot(el);
        if (shadow) readShadow(shadow);
        else if (isBlock(el)) pendingBreak = true;
        else if (el.localName === 'br') pendingLineBreak = true;
        const child = shadow ? null : walker.firstChild();
        if (child) {
          node = child;
          continue;
        }
      }
    }
    node = null;
    for (;;) {
      const sibling = walker.nextSibling();
      if (sibling) {
        node = sibling;
        break;
      }
      const parent = walker.parentNode();
      if (!parent || parent === root) break;
      if (isBlock(parent as Element)) pendingBreak = true;
    }
  }
  return done();
}

// --- text offsets → DOM ------------------------------------------------------------------------

/** Index of the last node starting at or before `offset` ('start'), or strictly before it ('end'); -1 if none. */
function nodeAt(page: PageText, offset: number, affinity: 'start' | 'end'): number {
  const { starts } = page;
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const s = starts[mid]!;
    if (affinity === 'start' ? s <= offset : s < offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * The DOM position of a text offset. At the seam between two nodes (or on a block break),
 * `start` affinity gives the beginning of the later node and `end` the end of the earlier one,
 * so a range built from (start, 'start') to (end, 'end') covers only the text between.
 * Null when the offset is outside the text or there is no text.
 */
export function locate(page: PageText, offset: number, affinity: 'start' | 'end'): { node: Text; offset: number } | null {
  const { nodes, starts } = page;
  if (nodes.length === 0 || offset < 0 || offset > page.text.length) return null;
  const found = nodeAt(page, offset, affinity);
  if (found < 0) return { node: nodes[0]!, offset: 0 };
  const node = nodes[found]!;
  const within = offset - starts[found]!;
  // `length`, not `data.length`: Firefox copies the whole string on every `data` read from a
  // content script (a 5 MB text node × two reads per mention hung the page for minutes).
  const length = node.length;
  if (affinity === 'start' && within >= length && found + 1 < nodes.length) {
    return { node: nodes[found + 1]!, offset: 0 };
  }
  return { node, offset: Math.min(within, length) };
}

/** The stretch of each text node that `text[start, end)` covers (a name may span several nodes). */
export function segmentsOf(page: PageText, start: number, end: number): Segment[] {
  const { nodes, starts } = page;
  const segments: Segment[] = [];
  if (end <= start) return segments;
  for (let i = Math.max(0, nodeAt(page, start, 'start')); i < nodes.length && starts[i]! < end; i++) {
    const node = nodes[i]!;
    const from = Math.max(0, start - starts[i]!);
    const to = Math.min(node.length, end - starts[i]!);
    if (to > from) segments.push({ node, from, to });
  }
  return segments;
}

/** A StaticRange over `text[start, end)`; null when it covers no text. */
export function staticRangeAt(page: PageText, start: number, end: number): StaticRange | null {
  const segments = segmentsOf(page, start, end);
  return segments.length === 0 ? null : rangeOver(segments);
}

/** The StaticRange from the first segment's start to the last one's end. */
export function rangeOver(segments: readonly Segment[]): StaticRange {
  const first = segments[0]!;
  const last = segments[segments.length - 1]!;
  return new StaticRange({ startContainer: first.node, startOffset: first.from, endContainer: last.node, endOffset: last.to });
}

// --- DOM → text offsets ------------------------------------------------------------------------

/**
 * The text offset of a DOM point (a selection's boundary). A point in text the reading holds
 * maps exactly; a point elsewhere (an element boundary, skipped text such as a form field) maps
 * to the nearest text on its side of a range: a `start` to the beginning of the first text at
 * or after it, an `end` to the end of the last text before it.
 */
export function offsetAt(page: PageText, container: Node, offset: number, side: 'start' | 'end'): number {
  const { nodes, starts } = page;
  if (container.nodeType === NODE.TEXT) {
    const i = nodes.indexOf(container as Text);
    if (i >= 0) return starts[i]! + Math.min(offset, (container as Text).length);
  }
  const after = firstNodeAfter(page, container, offset);
  if (side === 'start') return after < nodes.length ? starts[after]! : page.text.length;
  return after > 0 ? starts[after - 1]! + nodes[after - 1]!.length : 0;
}

/**
 * A selection's offsets in the page's text, or null when it holds none of it (a selection
 * inside a form field, or of skipped text only).
 */
export function rangeOffsets(page: PageText, range: AbstractRange): { start: number; end: number } | null {
  const start = offsetAt(page, range.startContainer, range.startOffset, 'start');
  const end = offsetAt(page, range.endContainer, range.endOffset, 'end');
  return end > start ? { start, end } : null;
}

/** Index of the first node of the page's text that starts at or after the point (binary search). */
function firstNodeAfter(page: PageText, container: Node, offset: number): number {
  const doc = container.nodeType === NODE.DOCUMENT ? (container as Document) : container.ownerDocument!;
  const probe = doc.createRange();
  probe.setStart(container, offset);
  const probeRoot = container.getRootNode();
  let lo = 0;
  let hi = page.nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startsBefore(page.nodes[mid]!, probe, probeRoot, container)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a text node (not holding the point) comes before the probe's point, across shadow trees too. */
function startsBefore(node: Text, probe: Range, probeRoot: Node, container: Node): boolean {
  const lifted = liftInto(node, probeRoot);
  if (lifted) return probe.comparePoint(lifted, 0) < 0;
  // The point is inside a shadow tree the node is outside of: compare where their hosts are.
  const doc = probe.startContainer.ownerDocument ?? container;
  const a = liftInto(node, doc.getRootNode());
  const b = liftInto(container, doc.getRootNode());
  if (!a || !b || a === b || a.contains(b)) return false;
  return (a.compareDocumentPosition(b) & DOCUMENT_POSITION_FOLLOWING) !== 0;
}

/** `node`, or the shadow host holding it, in the tree whose root is `root`; null when not inside it. */
function liftInto(node: Node, root: Node): Node | null {
  let n = node;
  for (let r = n.getRootNode(); r !== root; r = n.getRootNode()) {
    if (r.nodeType !== NODE.FRAGMENT || !(r as ShadowRoot).host) return null;
    n = (r as ShadowRoot).host;
  }
  return n;
}
