/**
 * "The page's text" that highlight selectors count in: every text node under the root, in
 * document order, joined as they are (like Hypothesis's `textContent`-based anchoring), minus
 * what is never prose — scripts, styles, templates — and Backstory's own UI. Unlike the
 * spotter's text (`lib/engine/dom-text.ts`) it keeps code, inputs' neighbours and hidden
 * text: a selection can start anywhere, and offsets must not depend on styles.
 *
 * Touches the DOM (hence the name); runs in the content script and under happy-dom in tests.
 */

export interface PageText {
  text: string;
  nodes: Text[];
  /** starts[i] = offset of nodes[i] in text. */
  starts: number[];
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const SHOW_ELEMENT_AND_TEXT = 0x1 | 0x4;
const NOT_TEXT = new Set(['script', 'style', 'noscript', 'template', 'backstory-ui']);

export function readPageText(root: Node): PageText {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT_AND_TEXT);
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let offset = 0;
  let node: Node | null = walker.currentNode;
  while (node) {
    if (node.nodeType === ELEMENT_NODE && NOT_TEXT.has((node as Element).localName)) {
      // Skip the subtree: next sibling, or the next sibling of the nearest ancestor that has one.
      node = skipSubtree(walker);
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      const data = (node as Text).data;
      if (data.length > 0) {
        nodes.push(node as Text);
        starts.push(offset);
        parts.push(data);
        offset += data.length;
      }
    }
    node = walker.nextNode();
  }
  return { text: parts.join(''), nodes, starts };
}

function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/** Text offset of a DOM point (a selection's boundary), or -1 when it is outside the text. */
export function offsetOf(page: PageText, container: Node, offset: number): number {
  if (container.nodeType === TEXT_NODE) {
    const i = page.nodes.indexOf(container as Text);
    return i < 0 ? -1 : page.starts[i]! + offset;
  }
  // An element boundary: the text offset of the first text node at or after that point.
  const doc = container.ownerDocument ?? (container as Document);
  const probe = doc.createRange();
  probe.setStart(container, offset);
  for (let i = 0; i < page.nodes.length; i++) {
    if (probe.comparePoint(page.nodes[i]!, 0) >= 0) return page.starts[i]!;
  }
  return page.text.length;
}

/** The selection's offsets in the page's text, or null when it selects no page text. */
export function rangeOffsets(page: PageText, range: AbstractRange): { start: number; end: number } | null {
  const start = offsetOf(page, range.startContainer, range.startOffset);
  const end = offsetOf(page, range.endContainer, range.endOffset);
  return start >= 0 && end > start ? { start, end } : null;
}

/** A DOM range for `text[start, end)` (binary search over the nodes' starts). */
export function rangeAt(page: PageText, start: number, end: number): Range | null {
  const from = locate(page, start, false);
  const to = locate(page, end, true);
  if (!from || !to) return null;
  const range = from.node.ownerDocument!.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** A start at a node's very end belongs to the next node; an end there to that node. */
function locate(page: PageText, at: number, isEnd: boolean): { node: Text; offset: number } | null {
  const { nodes, starts } = page;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = starts[mid]!;
    const e = s + nodes[mid]!.length; // not data.length: Firefox copies the string on each read
    if (at < s || (isEnd && at === s && mid > 0)) hi = mid - 1;
    else if (at > e || (!isEnd && at === e)) lo = mid + 1;
    else return { node: nodes[mid]!, offset: at - s };
  }
  return null;
}
