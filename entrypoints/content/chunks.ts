/**
 * Splitting a page into scan chunks at block boundaries, so a big page can be scanned a slice
 * at a time and a name never straddles two chunks (names do not cross block elements).
 * Tag names decide what is a block: reading computed styles would force style recalculation.
 */
export const OWN_UI_TAG = 'backstory-ui';

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul', 'caption', 'center', 'menu',
]);

/** Elements whose content is never scanned: splitting need not look inside them either. */
const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'svg', 'math',
  'iframe', 'object', 'canvas', 'video', 'audio', 'img', 'picture', 'head', 'title', 'meta', 'link', OWN_UI_TAG,
]);

export function isBlock(el: Element): boolean {
  return BLOCK_TAGS.has(el.localName);
}

export function isSkipped(el: Element): boolean {
  return SKIPPED_TAGS.has(el.localName);
}

export function isOwnUi(el: Element): boolean {
  return el.localName === OWN_UI_TAG;
}

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

/** Whitespace only: checked in place, since `trim()` allocates for each of a page's text nodes. */
function isBlank(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    // Other Unicode spaces (em space, BOM…) are rare: let trim() decide, as it did before.
    if (c > 0x7f) return data.trim() === '';
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d && c !== 0x0c) return false;
  }
  return true;
}

/** The chunks of `root` in document order. */
export function splitIntoChunks(root: Element): Element[] {
  const chunks: Element[] = [];
  const visit = (el: Element) => {
    if (isSkipped(el) || (el as HTMLElement).isContentEditable) return;
    // A shadow host's rendered content is its shadow tree, read whole (issue 3): never split
    // it by its light children, which may not even be rendered.
    if (!splittable(el) || el.shadowRoot) {
      chunks.push(el);
      return;
    }
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) visit(child);
  };
  visit(root);
  return chunks;
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
