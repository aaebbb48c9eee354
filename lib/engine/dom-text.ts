/**
 * The page's visible text as one string, with a map from string offsets back to text nodes.
 *
 * One TreeWalker pass, filtering in the loop (an `acceptNode` callback makes the walk 5–8×
 * slower), reading no styles and no layout: what is "visible" is decided by tag and attribute
 * only. Text nodes inside one block join directly, so `<b>Mustafa</b> <i>al-Kazemi</i>` reads
 * "Mustafa al-Kazemi"; a BLOCK_BREAK goes between blocks so no name runs from one paragraph,
 * cell or list item into the next.
 */
import { BLOCK_BREAK } from './alphabet';
import { openShadowRoot, walkShadowRoot, type ComposedSink } from './dom-shadow';

export interface TextMap {
  text: string;
  nodes: Text[];
  /** starts[i] = offset of nodes[i] in text. */
  starts: number[];
}

// Numeric DOM constants: this file also runs under happy-dom in Node, without DOM globals.
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_ELEMENT = 0x1;
const SHOW_TEXT = 0x4;

/** Subtrees whose text is not prose the reader sees (or must not be touched). */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'code', 'kbd', 'samp',
  'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'head', 'title', 'backstory-ui',
]);

/** Elements that end a line of text: names never run across them. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'button', 'caption', 'center', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'img', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

function isSkipped(el: Element, isOwnUi: ((el: Element) => boolean) | undefined): boolean {
  if (SKIPPED.has(el.localName)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable !== 'false') return true;
  return isOwnUi !== undefined && isOwnUi(el);
}

/**
 * Read the visible text under `root`. `isOwnUi` excludes the extension's own elements;
 * `onShadowRoot` hears of each open shadow root read (their text is read too: dom-shadow.ts).
 */
export function extractText(
  root: Node,
  options?: { isOwnUi?: (el: Element) => boolean; onShadowRoot?: (root: ShadowRoot) => void },
): TextMap {
  const isOwnUi = options?.isOwnUi;
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
  // Shadow hosts (issue 3) read their shadow tree instead of their light children, as a block
  // of their own; the sink is built only on pages that have one.
  let sink: ComposedSink | null = null;
  const readShadow = (shadow: ShadowRoot) => {
    sink ??= {
      text: addText,
      blockBreak: () => (pendingBreak = true),
      lineBreak: () => (pendingLineBreak = true),
      skipped: (el) => isSkipped(el, isOwnUi),
      isBlock: (el) => BLOCKS.has(el.localName),
      onShadowRoot: options?.onShadowRoot,
    };
    pendingBreak = true;
    walkShadowRoot(shadow, sink);
    pendingBreak = true;
  };

  if (root.nodeType === TEXT_NODE) {
    addText(root as Text);
    return { text: parts.join(''), nodes, starts };
  }
  if (root.nodeType === ELEMENT_NODE) {
    if (isSkipped(root as Element, isOwnUi)) return { text: '', nodes, starts };
    const shadow = openShadowRoot(root as Element);
    if (shadow) {
      readShadow(shadow);
      return { text: parts.join(''), nodes, starts };
    }
  }

  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument;
  if (!doc) return { text: '', nodes, starts };
  // Walked with firstChild/nextSibling/parentNode rather than nextNode() so that leaving an
  // element is visible too: a block's end is a break as much as its start.
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT);
  let node: Node | null = walker.firstChild();
  while (node) {
    if (node.nodeType === TEXT_NODE) {
      addText(node as Text);
    } else {
      const el = node as Element;
      if (!isSkipped(el, isOwnUi)) {
        const shadow = openShadowRoot(el);
        if (shadow) readShadow(shadow);
        else if (BLOCKS.has(el.localName)) pendingBreak = true;
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
      if (BLOCKS.has((parent as Element).localName)) pendingBreak = true;
    }
  }
  return { text: parts.join(''), nodes, starts };
}

/**
 * The DOM position of a text offset. At the seam between two nodes (or on a block break),
 * `start` affinity gives the beginning of the later node and `end` the end of the earlier one,
 * so a range built from (start, 'start') to (end, 'end') covers only the matched text.
 * Null when the offset is outside the text or there is no text.
 */
export function locate(map: TextMap, offset: number, affinity: 'start' | 'end'): { node: Text; offset: number } | null {
  const { nodes, starts } = map;
  if (nodes.length === 0 || offset < 0 || offset > map.text.length) return null;
  // Last node starting at or before the offset ('start'), or strictly before it ('end').
  let lo = 0;
  let hi = nodes.length - 1;
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
