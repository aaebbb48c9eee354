/**
 * What each element is to the page's text, by tag and attribute only (reading computed styles
 * would force a style recalculation on every element): a block, whose edges end a line of text
 * so no name runs from one paragraph, cell or list item into the next; skipped, holding no text
 * a reader reads as page text (scripts, form fields, graphics, hidden elements, Backstory's own
 * UI); not prose, text a reader sees but in which no name is marked (code, editable regions); or
 * inline, joining its neighbours. The page text (dom-page-text.ts) and the spotter's chunks
 * read these same lists.
 */

/** The shadow host of every piece of Backstory's UI on a page. */
export const OWN_UI_TAG = 'backstory-ui';

/** Subtrees whose text is never page text (or must never be touched). */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link',
  'textarea', 'input', 'select', 'option',
  'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'picture',
  OWN_UI_TAG,
]);

/** Text a reader sees and can select, but where names are never marked. */
const NOT_PROSE = new Set(['code', 'kbd', 'samp']);

/** Elements that end a line of text: names never run across them. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'button', 'caption', 'center', 'dd', 'details',
  'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'img', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p',
  'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

export function isBlock(el: Element): boolean {
  return BLOCKS.has(el.localName);
}

/** Never page text, in any reading: not text, or not rendered (`hidden`). */
export function isSkipped(el: Element): boolean {
  return SKIPPED.has(el.localName) || el.hasAttribute('hidden');
}

export function isOwnUi(el: Element): boolean {
  return el.localName === OWN_UI_TAG;
}

/**
 * Text a reader sees and can select that is not prose to spot names in: code, editable regions
 * (the reader's own typing must never be touched), and text hidden from assistive technology.
 */
export function isNotProse(el: Element): boolean {
  if (NOT_PROSE.has(el.localName)) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Whitespace only: checked in place, since `trim()` allocates for each of a page's text nodes. */
export function isBlank(data: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i);
    // Other Unicode spaces (em space, BOM…) are rare: let trim() decide.
    if (c > 0x7f) return data.trim() === '';
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d && c !== 0x0c) return false;
  }
  return true;
}
