/**
 * Splitting a page into scan chunks at block boundaries, so a big page can be scanned a slice
 * at a time and a name never straddles two chunks (names do not cross block elements).
 * What is a block, and what is never read, are the page text's own lists (lib/page/dom-elements.ts).
 */
import { isBlank, isBlock, isSkipped } from '../../lib/page/dom-elements';

/**
 * An element can be split when all it holds is block children (plus blank text, comments and
 * skipped elements): then each block child is scanned on its own. Anything with text or inline
 * content of its own is one chunk, so names spread over inline elements stay whole.
 */
function splittable(el: Element): boolean {
  let blocks = 0;
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === Node.TEXT_NODE) {
      if (!isBlank((child as Text).data)) return false;
    } else if (child.nodeType === Node.ELEMENT_NODE) {
      const childEl = child as Element;
      if (isSkipped(childEl)) continue;
      // A shadow host is read as a block of its own (dom-shadow.ts), so it is a chunk of its own.
      if (!isBlock(childEl) && !childEl.shadowRoot) return false;
      blocks++;
    }
  }
  return blocks > 0;
}

/** The chunks of `root` in document order. */
export function splitIntoChunks(root: Element): Element[] {
  return [...chunksOf(root)];
}

/**
 * The chunks of `root` in document order, found as they are asked for: a reader that stops at
 * the first one it needs (the token gate on a page that names someone at once) does not walk the
 * whole page. The walk holds a stack, not a recursion: 5,000-deep pages stay cheap. The page must
 * not change while it is walked (take `splitIntoChunks` across a pause).
 */
export function* chunksOf(root: Element): Generator<Element, void, undefined> {
  const stack: Element[] = [root];
  for (let el = stack.pop(); el; el = stack.pop()) {
    if (isSkipped(el) || (el as HTMLElement).isContentEditable) continue;
    // An element with no children holds no text (an image, a rule, an empty box): no chunk.
    if (!el.firstChild && !el.shadowRoot) continue;
    // A shadow host's rendered content is its shadow tree, read whole: never split it by its
    // light children, which may not even be rendered.
    if (!splittable(el) || el.shadowRoot) {
      yield el;
      continue;
    }
    // Last child first, so that the first is the next popped.
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  }
}

/**
 * The element to watch for a mention's visibility: its nearest block ancestor inside the
 * chunk (a paragraph, a list item), or the chunk itself.
 */
export function blockAncestor(node: Node, chunk: Element): Element {
  for (let el = node.parentElement; el && el !== chunk; el = el.parentElement) {
    if (isBlock(el)) return el;
  }
  return chunk;
}
